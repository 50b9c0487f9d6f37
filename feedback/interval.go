package feedback

import (
	"math"

	"github.com/influencekit/influencekit/internal/ci"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// Interval is a two-sided confidence interval [Low, High].
type Interval struct {
	Low  decimal.Decimal `json:"low"`
	High decimal.Decimal `json:"high"`
}

// floatPlaces is the rounding of every figure computed in float64 (square
// roots, quantiles, logarithms): half away from zero to 12 places, beyond
// which float64 carries no information here.
const floatPlaces = 12

func dec(x float64) decimal.Decimal { return decimal.NewFromFloat(x).Round(floatPlaces) }

func interval(lo, hi float64) Interval { return Interval{dec(lo), dec(hi)} }

var one = decimal.NewFromInt(1)

// zFor checks a confidence level (a fraction in (0, 1), typically 0.95)
// and returns its two-sided normal quantile.
func zFor(fn, field string, c decimal.Decimal) (float64, error) {
	if err := limit.Decimal(fn, field, c); err != nil {
		return 0, err
	}
	if !c.IsPositive() || c.GreaterThanOrEqual(one) {
		return 0, errs.New(ErrInvalid, fn, field, "not in (0, 1)", c)
	}
	f, _ := c.Float64()
	z, ok := ci.Z(f)
	if !ok {
		return 0, errs.New(ErrInvalid, fn, field, "too close to 0 or 1 for float64", c)
	}
	return z, nil
}

// rate checks a proportion strictly inside (0, 1) and returns it as a float.
func rate(fn, field string, p decimal.Decimal) (float64, error) {
	if err := limit.Decimal(fn, field, p); err != nil {
		return 0, err
	}
	f, _ := p.Float64()
	if !p.IsPositive() || p.GreaterThanOrEqual(one) || f <= 0 || f >= 1 {
		return 0, errs.New(ErrInvalid, fn, field, "not in (0, 1)", p)
	}
	return f, nil
}

// finite reports whether every x is a finite number.
func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}
