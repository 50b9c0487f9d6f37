// Package stat holds the few exact statistics of decimal values that kpi's
// activity signals, collab's creator history and the campaign example
// share: the median, the coefficient of variation and the least-squares
// slope, each computed exactly and rounded once, half away from zero, to
// exact.Precision places.
// Square roots are exact integer square roots of the scaled value, rounded
// to nearest.
package stat

import (
	"math/big"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/exact"
)

// work is the number of places intermediate quotients keep before the
// final rounding to exact.Precision.
const work = 2 * exact.Precision

// Median returns the median of xs (the mean of the two middle values for an
// even count, rounded half away from zero to exact.Precision places) and
// false when xs is empty. xs is not modified.
func Median(xs []decimal.Decimal) (decimal.Decimal, bool) {
	n := len(xs)
	if n == 0 {
		return decimal.Decimal{}, false
	}
	s := slices.Clone(xs)
	slices.SortFunc(s, decimal.Decimal.Cmp)
	if n%2 == 1 {
		return s[n/2], true
	}
	return exact.Div(s[n/2-1].Add(s[n/2]), decimal.NewFromInt(2)), true
}

func sum(xs []decimal.Decimal) decimal.Decimal {
	s := decimal.Zero
	for _, x := range xs {
		s = s.Add(x)
	}
	return s
}

// CV returns the coefficient of variation of xs, the population standard
// deviation divided by the mean: sqrt(Σ(x − x̄)² / n) / x̄. It reports false
// when there are fewer than two values or the mean is zero (undefined).
// Computed as sqrt(n·Σx² − (Σx)²) / Σx, exact up to the final rounding.
func CV(xs []decimal.Decimal) (decimal.Decimal, bool) {
	n := len(xs)
	if n < 2 {
		return decimal.Decimal{}, false
	}
	s := sum(xs)
	if s.Sign() == 0 {
		return decimal.Decimal{}, false
	}
	sq := decimal.Zero
	for _, x := range xs {
		sq = sq.Add(x.Mul(x))
	}
	// Var·n² = n·Σx² − (Σx)², so sd/mean = sqrt(n·Σx² − (Σx)²)/Σx.
	num := decimal.NewFromInt(int64(n)).Mul(sq).Sub(s.Mul(s))
	if num.Sign() < 0 {
		num = decimal.Zero
	}
	q := num.DivRound(s.Mul(s), 2*work)
	return Sqrt(q), true
}

// Sqrt returns √d for d ≥ 0, rounded half away from zero to
// exact.Precision places (exact: the integer square root of d·10^(2P)); a
// negative d gives 0.
func Sqrt(d decimal.Decimal) decimal.Decimal {
	if d.Sign() <= 0 {
		return decimal.Zero
	}
	// N = d·10^(2P) truncated; r = isqrt(N); round r to nearest.
	scaled := d.Shift(2 * exact.Precision).Truncate(0).BigInt()
	r := new(big.Int).Sqrt(scaled)
	// (r + ½)² = r² + r + ¼ < N  ⇔  N − r² > r for integers.
	rem := new(big.Int).Sub(scaled, new(big.Int).Mul(r, r))
	if rem.Cmp(r) > 0 {
		r.Add(r, big.NewInt(1))
	}
	return decimal.NewFromBigInt(r, -exact.Precision)
}

// Fit is a least-squares line y = Intercept + Slope·x.
type Fit struct {
	Slope decimal.Decimal
	// SE is the standard error of the slope, sqrt(SSR/(n−2) / Sxx);
	// valid only when HasSE (at least three points).
	SE    decimal.Decimal
	HasSE bool
}

// Line fits y = a + b·x by least squares and reports false when there are
// fewer than two points or all x are equal. b = Sxy / Sxx with
// Sxx = Σ(x − x̄)², Sxy = Σ(x − x̄)(y − ȳ); SSR = Syy − b·Sxy.
// xs and ys must have the same length. Slope and SE are returned
// multiplied by scale (a change of unit of x: nanoseconds to weeks), the
// multiplication done before the one rounding.
func Line(xs, ys []decimal.Decimal, scale decimal.Decimal) (Fit, bool) {
	n := len(xs)
	if n < 2 || len(ys) != n {
		return Fit{}, false
	}
	nd := decimal.NewFromInt(int64(n))
	sx, sy := sum(xs), sum(ys)
	// n·Sxx = n·Σx² − (Σx)², n·Sxy = n·Σxy − Σx·Σy, n·Syy likewise: exact.
	var sxx, sxy, syy decimal.Decimal
	for i := range xs {
		sxx = sxx.Add(xs[i].Mul(xs[i]))
		sxy = sxy.Add(xs[i].Mul(ys[i]))
		syy = syy.Add(ys[i].Mul(ys[i]))
	}
	nSxx := nd.Mul(sxx).Sub(sx.Mul(sx))
	nSxy := nd.Mul(sxy).Sub(sx.Mul(sy))
	nSyy := nd.Mul(syy).Sub(sy.Mul(sy))
	if nSxx.Sign() <= 0 {
		return Fit{}, false
	}
	f := Fit{Slope: exact.Div(nSxy.Mul(scale), nSxx)}
	if n >= 3 {
		// SSR·n = nSyy − nSxy²/nSxx; SE² = SSR/((n−2)·Sxx) = n·SSR / ((n−2)·nSxx).
		nSSR := nSyy.Sub(nSxy.Mul(nSxy).DivRound(nSxx, 2*work))
		if nSSR.Sign() < 0 {
			nSSR = decimal.Zero
		}
		se2 := nSSR.DivRound(decimal.NewFromInt(int64(n-2)).Mul(nSxx), 2*work)
		f.SE, f.HasSE = Sqrt(se2.Mul(scale).Mul(scale)), true
	}
	return f, true
}
