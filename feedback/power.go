package feedback

import (
	"math"

	"github.com/influencekit/influencekit/internal/ci"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// Design describes a two-proportion test (exposed against control) for
// [SampleSize], [MDE] and [Power]. The zero value is a two-sided test at
// α = 0.05 with groups of equal size.
type Design struct {
	// Alpha is the significance level, the type I error probability, in
	// (0, 1); zero means 0.05.
	Alpha decimal.Decimal `json:"alpha"`
	// OneSided tests only for a change in the direction of the lift;
	// false (the default) is two-sided.
	OneSided bool `json:"one_sided,omitempty"`
	// Ratio is the control group's size per exposed person (n₂ = Ratio·n₁),
	// positive and at most 1000; zero means 1.
	Ratio decimal.Decimal `json:"ratio"`
}

// Validate reports whether t's fields are in their domains (zero fields
// take their defaults): Alpha in (0, 1), Ratio in (0, 1000] ([ErrInvalid]).
func (t Design) Validate() error {
	_, _, _, err := t.params("feedback.Design.Validate")
	return err
}

// params returns z_α (one- or two-sided), the ratio k and α.
func (t Design) params(fn string) (zAlpha, k, alpha float64, err error) {
	alpha, k = 0.05, 1
	if err = limit.Decimal(fn, "design.Alpha", t.Alpha); err != nil {
		return 0, 0, 0, err // a zero too: 0·10^-2147483648 is beyond the limit
	}
	if err = limit.Decimal(fn, "design.Ratio", t.Ratio); err != nil {
		return 0, 0, 0, err
	}
	if !t.Alpha.IsZero() {
		if alpha, err = rate(fn, "design.Alpha", t.Alpha); err != nil {
			return 0, 0, 0, err
		}
	}
	if !t.Ratio.IsZero() {
		k = t.Ratio.InexactFloat64()
		if !t.Ratio.IsPositive() || k <= 0 || k > 1000 {
			return 0, 0, 0, errs.New(ErrInvalid, fn, "design.Ratio", "not in (0, 1000]", t.Ratio)
		}
	}
	sides := 2.0
	if t.OneSided {
		sides = 1
	}
	zAlpha = ci.Quantile(1 - alpha/sides)
	switch {
	case !finite(zAlpha):
		return 0, 0, 0, errs.New(ErrInvalid, fn, "design.Alpha", "too close to 0 for float64", t.Alpha)
	case !finite(1 / k):
		return 0, 0, 0, errs.New(ErrInvalid, fn, "design.Ratio", "too close to 0 for float64", t.Ratio)
	}
	return zAlpha, k, alpha, nil
}

// power is the formula of the package doc ("Test design") for exposed
// size n₁ (may be fractional).
func power(p1, p2, n1, k, zAlpha float64) float64 {
	pbar := (p1 + k*p2) / (1 + k)
	null := math.Sqrt(pbar * (1 - pbar) * (1 + 1/k))
	alt := math.Sqrt(p1*(1-p1) + p2*(1-p2)/k)
	return ci.CDF((math.Abs(p1-p2)*math.Sqrt(n1) - zAlpha*null) / alt)
}

// Sample is a test's required size.
type Sample struct {
	// Exposed and Control are the group sizes, rounded up.
	Exposed int64 `json:"exposed"`
	Control int64 `json:"control"`
	// ExposedExact is the exposed size before rounding up (R's
	// power.prop.test reports this n); 6 places.
	ExposedExact decimal.Decimal `json:"exposed_exact"`
}

// SampleSize returns the group sizes a test needs to detect an absolute
// lift (exposed rate = baseline + lift; a fraction, 0.05 is five points)
// over the control's baseline rate with probability power:
//
//	n₁ = (z_α·√(p̄q̄(1 + 1/k)) + z_β·√(p₁q₁ + p₂q₂/k))² / (p₁ − p₂)²
//
// (see the package doc, "Test design"); for Ratio 1 this is the n of R's
// power.prop.test. A relative lift r is lift = baseline·r.
//
// R's documented example power.prop.test(p1 = .50, p2 = .75, power = .90)
// gives n = 76.7: SampleSize(0.5, 0.25, 0.9, Design{}) is 77 per group with
// ExposedExact 76.708.
//
// baseline, baseline + lift and power must be in (0, 1), lift not zero
// ([ErrInvalid]); a size beyond int64 is [ErrOverflow].
func SampleSize(baseline, lift, power decimal.Decimal, design Design) (Sample, error) {
	const fn = "feedback.SampleSize"
	p2, p1, zA, k, err := checkDesign(fn, baseline, lift, design)
	if err != nil {
		return Sample{}, err
	}
	pw, err := rate(fn, "power", power)
	if err != nil {
		return Sample{}, err
	}
	pbar := (p1 + k*p2) / (1 + k)
	num := zA*math.Sqrt(pbar*(1-pbar)*(1+1/k)) + ci.Quantile(pw)*math.Sqrt(p1*(1-p1)+p2*(1-p2)/k)
	n := num * num / ((p1 - p2) * (p1 - p2))
	nc := math.Ceil(k * math.Ceil(n))
	if !finite(n) || n >= 1<<62 || nc >= 1<<62 {
		return Sample{}, errs.New(ErrOverflow, fn, "lift", "needs a sample beyond int64", lift)
	}
	return Sample{Exposed: int64(math.Ceil(n)), Control: int64(nc), ExposedExact: decimal.NewFromFloat(n).Round(6)}, nil
}

// checkDesign checks baseline and lift and returns p₂ (control), p₁ (exposed)
// and the design's parameters.
func checkDesign(fn string, baseline, lift decimal.Decimal, design Design) (p2, p1, zA, k float64, err error) {
	if p2, err = rate(fn, "baseline", baseline); err != nil {
		return
	}
	if err = limit.Decimal(fn, "lift", lift); err != nil {
		return
	}
	if lift.IsZero() {
		err = errs.New(ErrInvalid, fn, "lift", "zero: nothing to detect", lift)
		return
	}
	if p1, err = rate(fn, "baseline + lift", baseline.Add(lift)); err != nil {
		return
	}
	zA, k, _, err = design.params(fn)
	return
}

// Power returns the probability that a test with exposed groups of size
// exposed (control Ratio·exposed) detects an absolute lift over baseline:
//
//	Φ((|p₁ − p₂|·√n₁ − z_α·√(p̄q̄(1 + 1/k))) / √(p₁q₁ + p₂q₂/k))
//
// 12 places. R's documented example power.prop.test(n = 50, p1 = .50, p2 =
// .75) gives power = 0.740 (0.7401659): Power(0.5, 0.25, 50, Design{}).
// Arguments as for [SampleSize]; exposed must be positive
// ([ErrNonPositive]).
func Power(baseline, lift decimal.Decimal, exposed int64, design Design) (decimal.Decimal, error) {
	const fn = "feedback.Power"
	p2, p1, zA, k, err := checkDesign(fn, baseline, lift, design)
	if err != nil {
		return decimal.Decimal{}, err
	}
	if exposed <= 0 {
		return decimal.Decimal{}, errs.New(ErrNonPositive, fn, "exposed", "", exposed)
	}
	return dec(power(p1, p2, float64(exposed), k, zA)), nil
}

// MDE returns the minimum detectable effect of a test with exposed groups
// of size exposed: the smallest absolute lift above baseline that [Power]
// detects with probability power, found by bisection to 1e-12 and rounded
// to 12 places. The relative MDE is the result divided by baseline. R's
// documented example power.prop.test(n = 50, p1 = .5, power = .90) gives
// p2 = 0.8026: MDE(0.5, 50, 0.9, Design{}) is 0.3026.
//
// When even a lift to a rate of 1 is not detected with that power the
// result is an error wrapping [ErrInvalid] naming exposed. Arguments as
// for [SampleSize].
func MDE(baseline decimal.Decimal, exposed int64, power decimal.Decimal, design Design) (decimal.Decimal, error) {
	const fn = "feedback.MDE"
	p2, err := rate(fn, "baseline", baseline)
	if err != nil {
		return decimal.Decimal{}, err
	}
	pw, err := rate(fn, "power", power)
	if err != nil {
		return decimal.Decimal{}, err
	}
	zA, k, _, err := design.params(fn)
	if err != nil {
		return decimal.Decimal{}, err
	}
	if exposed <= 0 {
		return decimal.Decimal{}, errs.New(ErrNonPositive, fn, "exposed", "", exposed)
	}
	return mde(fn, p2, float64(exposed), pw, k, zA, exposed)
}

func mde(fn string, p2, n, pw, k, zA float64, exposed int64) (decimal.Decimal, error) {
	lo, hi := 0.0, 1-p2
	if powerAt(p2, hi, n, k, zA) < pw {
		return decimal.Decimal{}, errs.New(ErrInvalid, fn, "exposed", "too small to reach that power below a rate of 1", exposed)
	}
	for hi-lo > 1e-13 {
		mid := (lo + hi) / 2
		if powerAt(p2, mid, n, k, zA) < pw {
			lo = mid
		} else {
			hi = mid
		}
	}
	return dec(hi), nil
}

// powerAt is the power for lift d, with the rate 1 itself (no variance in
// the exposed group) approached from below.
func powerAt(p2, d, n, k, zA float64) float64 {
	p1 := math.Min(p2+d, math.Nextafter(1, 0))
	return power(p1, p2, n, k, zA)
}
