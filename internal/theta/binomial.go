package theta

import (
	"math"
	"sync"
)

// Bounds as Apache DataSketches computes them (its BinomialBoundsN, the
// method of Kevin Lang's note on confidence intervals for fixed-threshold
// sampling). The count c of retained hashes of a set of n distinct IDs,
// each kept with probability θ, is Binomial(n, θ); the bounds on n at s
// "standard deviations" (s = 1, 2, 3) are the values of n at which the
// observed c sits in a one-sided tail of probability δ(s) = Φ(−s)
// (0.158655, 0.0227501, 0.00134990). DataSketches approximates the exact
// binomial tails by range:
//
//	θ = 1                   lower = upper = c (exact)
//	c = 0                   lower 0; upper ⌈ln δ ÷ ln(1−θ)⌉
//	c = 1 (lower)           ⌊ln(1−δ) ÷ ln(1−θ)⌋
//	c > 120                 the continuity-corrected normal bounds
//	                        (classic(c ∓ ½, s) ∓ ½, see classicBound)
//	θ > 1 − 10⁻⁵            lower c, upper c + 1
//	θ < c/360               classic(c ∓ ½, s′) ∓ ½ with an "equivalent"
//	                        s′ (see equivS) making it match the exact tails
//	otherwise (c/θ < 360)   the exact binomial tails, summed term by term
//
// and then clamps: lower = min(c/θ, max(c, lower)), upper = max(c/θ, upper).
// An empty sketch (nothing ever added) has bounds 0.

// deltaOfS is δ(s) = Φ(−s), the one-sided tail at s standard deviations.
var deltaOfS = [4]float64{0.5, 0.1586553191586026479, 0.0227502618904135701, 0.0013498126861731796}

// BinomialBounds returns the lower and upper bounds on the number of
// distinct IDs behind count retained hashes at threshold theta (63-bit fixed
// point, MaxTheta = 1) at numStdDev standard deviations, computed as
// DataSketches' getLowerBound/getUpperBound do (see the table above), so a
// sketch decoded here reports the bounds the Java, C++ and Go DataSketches
// libraries report for the same bytes. numStdDev is clamped into [1, 3]
// (the only values DataSketches defines); count < 0 reads as 0 and theta 0
// as 1. empty (no data ever seen) gives 0, 0. The bounds are never NaN and
// lower ≤ count/θ ≤ upper.
func BinomialBounds(count int, theta uint64, numStdDev int, empty bool) (lower, upper float64) {
	if empty {
		return 0, 0
	}
	c := max(count, 0)
	s := min(max(numStdDev, 1), 3)
	p := thetaFraction(min(max(theta, 1), MaxTheta))
	est := float64(c) / p
	lo := binomialLower(c, p, s)
	hi := binomialUpper(c, p, s)
	return math.Min(est, math.Max(float64(c), lo)), math.Max(est, hi)
}

// binomialLower is DataSketches' lower bound before the final clamp.
func binomialLower(c int, p float64, s int) float64 {
	fc := float64(c)
	switch {
	case p >= 1:
		return fc
	case c == 0:
		return 0
	case c == 1:
		return math.Floor(math.Log(1-deltaOfS[s]) / math.Log(1-p))
	case c > 120:
		return classicBound(fc-0.5, p, float64(s), -1) - 0.5
	case p > 1-1e-5:
		return fc
	case p < fc/360:
		return classicBound(fc-0.5, p, equivS(c, s, false), -1) - 0.5
	}
	return float64(nStar(c, p, deltaOfS[s]))
}

// binomialUpper is DataSketches' upper bound before the final clamp.
func binomialUpper(c int, p float64, s int) float64 {
	fc := float64(c)
	switch {
	case p >= 1:
		return fc
	case c == 0:
		return math.Ceil(math.Log(deltaOfS[s]) / math.Log(1-p))
	case c > 120:
		return classicBound(fc+0.5, p, float64(s), 1) + 0.5
	case p > 1-1e-5:
		return fc + 1
	case p < fc/360:
		return classicBound(fc+0.5, p, equivS(c, s, true), 1) + 0.5
	}
	return float64(nPrime(c+1, p, deltaOfS[s]))
}

// classicBound is the Wilson-style normal bound on n for a continuity-
// corrected count x at s standard deviations: with n̂ = x/θ and
// b = s·√((1−θ)/θ), centre n̂ + b²/2, half-width (b/2)·√(b² + 4n̂); sign −1
// gives the lower bound, +1 the upper.
func classicBound(x, p, s float64, sign float64) float64 {
	nHat := x / p
	b := s * math.Sqrt((1-p)/p)
	d := 0.5 * b * math.Sqrt(b*b+4*nHat)
	return nHat + 0.5*b*b + sign*d
}

// nStar is the exact lower bound for 2 ≤ c and c/θ < 360: the largest n
// whose posterior tail Σ_{m=c}^{n} C(m−1, c−1)·θ^c·(1−θ)^(m−c) (the
// probability that the c-th retained ID comes at or before the n-th) is at
// most δ. Terms are summed from θ^c upward, at most about 360 of them.
func nStar(c int, p, delta float64) int {
	q := 1 - p
	term := math.Pow(p, float64(c))
	tot := term
	m := c
	for tot <= delta && m < maxTailTerms {
		term = term * q * float64(m) / float64(m+1-c)
		tot += term
		m++
	}
	return m - 1
}

// nPrime is the exact upper bound for c' = c+1 retained: the smallest n
// whose posterior tail (as in nStar, for c') reaches 1 − δ.
func nPrime(c int, p, delta float64) int {
	q := 1 - p
	term := math.Pow(p, float64(c))
	tot := term
	m := c
	for tot < 1-delta && m < maxTailTerms {
		term = term * q * float64(m) / float64(m+1-c)
		tot += term
		m++
	}
	return m
}

// maxTailTerms bounds the exact-tail sums: they are only used while
// c/θ < 360, where about 360·(1 + a few standard deviations) terms reach
// the tail; the bound only guards the loop against float surprises.
const maxTailTerms = 1 << 16

// equivS returns the "equivalent" number of standard deviations s′ for c
// retained hashes (1 ≤ c ≤ 120) at s standard deviations, for the lower
// (upper = false) or upper bound: the s′ at which the continuity-corrected
// classic bound, as θ → 0, equals the exact bound, the Poisson limit of the
// binomial tails. DataSketches ships these as tables (EquivTables); we
// compute them once from their definition (TestEquivTables checks them
// against the published table to 1e-9):
//
//	lower: λ with P(Poisson(λ) ≥ c) = δ;   a = c − ½;  s′ = (a − λ)/√λ
//	upper: λ with P(Poisson(λ) ≤ c) = δ;   a = c + ½;  s′ = (λ − a)/√λ
//
// (As θ → 0 the classic bound times θ tends to a + s′²/2 ∓ s′·√(s′²/4 + a);
// setting it to λ and squaring gives (a − λ)² = s′²·λ.)
func equivS(c, s int, upper bool) float64 {
	t := equivTables()
	if upper {
		return t.ub[c][s]
	}
	return t.lb[c][s]
}

type equiv struct{ lb, ub [121][4]float64 }

var equivTables = sync.OnceValue(func() *equiv {
	var t equiv
	for c := 1; c <= 120; c++ {
		for s := 1; s <= 3; s++ {
			d := deltaOfS[s]
			fc := float64(c)
			// P(Poisson(λ) ≥ c) = 1 − P(Poisson(λ) ≤ c−1) grows with λ.
			l := solveIncreasing(func(x float64) float64 { return 1 - poissonCDF(c-1, x) }, d, fc)
			t.lb[c][s] = (fc - 0.5 - l) / math.Sqrt(l)
			// P(Poisson(λ) ≤ c) falls with λ.
			u := solveIncreasing(func(x float64) float64 { return -poissonCDF(c, x) }, -d, fc)
			t.ub[c][s] = (u - fc - 0.5) / math.Sqrt(u)
		}
	}
	return &t
})

// poissonCDF is P(Poisson(λ) ≤ c), summed term by term (λ ≤ 2·10³ here,
// so e^−λ does not underflow to zero before the terms grow).
func poissonCDF(c int, lambda float64) float64 {
	if lambda <= 0 {
		return 1
	}
	term := math.Exp(-lambda) // P(X = 0)
	sum := term
	for k := 1; k <= c; k++ {
		term *= lambda / float64(k)
		sum += term
	}
	return math.Min(sum, 1)
}

// solveIncreasing finds x > 0 with f(x) = target for f increasing, by
// bisection (64 halvings of a bracket around guess: to float precision).
func solveIncreasing(f func(float64) float64, target, guess float64) float64 {
	lo, hi := 0.0, guess+1
	for f(hi) < target {
		lo, hi = hi, 2*hi
	}
	for range 64 {
		mid := (lo + hi) / 2
		if f(mid) < target {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}
