// Package ci holds the confidence-interval methods for proportions and means
// that feedback uses (and that roi.LiftCI's Wilson, Newcombe and Katz
// computations match): the standard normal and Student t quantiles, the
// Wilson score interval, Newcombe's hybrid score interval for a difference
// of proportions and the Katz log interval for a ratio. All work in float64
// (square roots, logarithms, quantiles); callers convert the bounds to
// decimals once, at the API boundary.
package ci

import "math"

// Z returns the two-sided standard normal quantile for confidence level c
// in (0, 1): Φ⁻¹(1 − (1 − c)/2) = √2·erfinv(c). ok is false when c is not in
// (0, 1) or so close to 0 or 1 that the quantile is 0 or infinite in
// float64.
func Z(c float64) (z float64, ok bool) {
	if !(c > 0 && c < 1) {
		return 0, false
	}
	z = math.Sqrt2 * math.Erfinv(c)
	return z, z > 0 && !math.IsInf(z, 0) && !math.IsNaN(z)
}

// Quantile returns Φ⁻¹(p), the standard normal quantile of p in (0, 1):
// −√2·erfcinv(2p).
func Quantile(p float64) float64 { return -math.Sqrt2 * math.Erfcinv(2*p) }

// CDF returns Φ(x), the standard normal distribution function:
// erfc(−x/√2)/2.
func CDF(x float64) float64 { return math.Erfc(-x/math.Sqrt2) / 2 }

// Wilson returns the Wilson score interval for x successes in n trials
// (Wilson 1927; Newcombe 1998, method 3): with p = x/n,
//
//	(p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
//
// n may be fractional (an effective sample size). The bounds are clamped to
// [0, 1] against rounding.
func Wilson(x, n, z float64) (lo, hi float64) {
	z2 := z * z
	center := (x + z2/2) / (n + z2)
	half := z / (n + z2) * math.Sqrt(x*(n-x)/n+z2/4)
	return math.Max(0, center-half), math.Min(1, center+half)
}

// Newcombe returns Newcombe's hybrid score interval (method 10 of
// Newcombe, "Interval estimation for the difference between independent
// proportions", Statistics in Medicine 17, 1998) for p₁ − p₂, p₁ = x1/n1,
// p₂ = x2/n2: with Wilson intervals [l₁, u₁] and [l₂, u₂],
//
//	d − √((p₁−l₁)² + (u₂−p₂)²),  d + √((u₁−p₁)² + (p₂−l₂)²).
func Newcombe(x1, n1, x2, n2, z float64) (lo, hi float64) {
	p1, p2 := x1/n1, x2/n2
	l1, u1 := Wilson(x1, n1, z)
	l2, u2 := Wilson(x2, n2, z)
	d := p1 - p2
	lo = d - math.Sqrt((p1-l1)*(p1-l1)+(u2-p2)*(u2-p2))
	hi = d + math.Sqrt((u1-p1)*(u1-p1)+(p2-l2)*(p2-l2))
	return lo, hi
}

// Katz returns the Katz log interval (Katz, Baptista, Azen and Pike,
// Biometrics 34, 1978) for the relative change p₁/p₂ − 1:
//
//	exp(ln(p₁/p₂) ± z·√(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂)) − 1.
//
// It needs 0 < x1 ≤ n1 and 0 < x2 ≤ n2.
func Katz(x1, n1, x2, n2, z float64) (lo, hi float64) {
	se := math.Sqrt(1/x1 - 1/n1 + 1/x2 - 1/n2)
	l := math.Log((x1 / n1) / (x2 / n2))
	return math.Exp(l-z*se) - 1, math.Exp(l+z*se) - 1
}

// T returns the two-sided Student t quantile for confidence level c and df
// degrees of freedom (df ≥ 1): the t with P(|T| ≤ t) = c. For df < 30 it
// inverts the exact finite-sum distribution function of Abramowitz and
// Stegun 26.7.3–26.7.4 by bisection (to about 1e-12); from 30 on it uses
// the Cornish–Fisher expansion 26.7.5 around z, whose error there is below
// 1e-7. It returns 0 when c is not in (0, 1) or df < 1.
func T(c float64, df int) float64 {
	z, ok := Z(c)
	if !ok || df < 1 {
		return 0
	}
	if df >= 30 {
		return cornishFisher(z, float64(df))
	}
	lo, hi := 0.0, 1.0
	for within(hi, df) < c {
		hi *= 2
		if math.IsInf(hi, 0) {
			return 0
		}
	}
	for range 200 {
		mid := (lo + hi) / 2
		if mid == lo || mid == hi {
			break
		}
		if within(mid, df) < c {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// within returns A(t|ν) = P(|T| ≤ t) for integer ν (A&S 26.7.3, 26.7.4),
// θ = atan(t/√ν).
func within(t float64, df int) float64 {
	th := math.Atan(t / math.Sqrt(float64(df)))
	s, c := math.Sin(th), math.Cos(th)
	c2 := c * c
	if df%2 == 1 {
		// 2/π·(θ + sinθ·(cosθ + 2/3·cos³θ + … + (2·4…(ν−3))/(1·3…(ν−2))·cos^(ν−2)θ))
		sum, term := 0.0, c
		for k := 1; k <= df-2; k += 2 {
			sum += term
			term *= c2 * float64(k+1) / float64(k+2)
		}
		if df == 1 {
			sum = 0
		}
		return 2 / math.Pi * (th + s*sum)
	}
	// sinθ·(1 + ½cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3…(ν−3))/(2·4…(ν−2))·cos^(ν−2)θ)
	sum, term := 0.0, 1.0
	for k := 0; k <= df-2; k += 2 {
		sum += term
		term *= c2 * float64(k+1) / float64(k+2)
	}
	return s * sum
}

func cornishFisher(z, v float64) float64 {
	z2 := z * z
	g1 := (z2 + 1) * z / 4
	g2 := ((5*z2+16)*z2 + 3) * z / 96
	g3 := (((3*z2+19)*z2+17)*z2 - 15) * z / 384
	g4 := ((((79*z2+776)*z2+1482)*z2-1920)*z2 - 945) * z / 92160
	return z + g1/v + g2/(v*v) + g3/(v*v*v) + g4/(v*v*v*v)
}
