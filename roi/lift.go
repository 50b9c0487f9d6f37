package roi

import (
	"encoding/json"
	"math"
	"strconv"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/ci"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// Group is one arm of an incrementality measurement: the exposed (test)
// group or the control group of a holdout test, or a campaign period and a
// baseline period before it. Size is the denominator of the conversion rate:
// users (or households, sessions) for a holdout test; for a baseline
// comparison, the length of the period in a common unit (days), so that rates
// are per day.
type Group struct {
	Size        int64           `json:"size"`
	Conversions int64           `json:"conversions"`
	Revenue     decimal.Decimal `json:"revenue"`
}

// Incrementality is what a campaign added over its control. All fields are
// rounded half away from zero to 16 decimal places.
//
// It marshals to JSON with IncrementalRevenue a money object in Currency
// ({"incremental_revenue":{"amount":"5000.00","currency":"EUR"}}, the
// currency's minor digits, or every digit of a finer amount), the rates,
// lift, conversions and iROAS decimal strings.
type Incrementality struct {
	// TestRate and ControlRate are conversions / size of each group.
	TestRate    decimal.Decimal `json:"test_rate"`
	ControlRate decimal.Decimal `json:"control_rate"`
	// Lift is (TestRate − ControlRate) / ControlRate, a fraction: 0.25 is
	// 25 % more conversions per unit of size than without the campaign.
	Lift decimal.Decimal `json:"lift"`
	// IncrementalConversions is test.Conversions − ControlRate × test.Size:
	// conversions that would not have happened without the campaign.
	IncrementalConversions decimal.Decimal `json:"incremental_conversions"`
	// IncrementalRevenue is test.Revenue − control.Revenue × test.Size /
	// control.Size.
	IncrementalRevenue decimal.Decimal `json:"incremental_revenue"`
	// IROAS is IncrementalRevenue / cost, the incremental return on ad
	// spend (ROAS counted on incremental revenue only). Negative when the
	// test group did worse than the control.
	IROAS decimal.Decimal `json:"iroas"`
	// Currency is the currency of IncrementalRevenue (and of the groups'
	// revenues): the cost's, set by Incremental.
	Currency budget.Currency `json:"-"`
}

// incrementalityJSON is the wire form of Incrementality.
type incrementalityJSON struct {
	TestRate               decimal.Decimal `json:"test_rate"`
	ControlRate            decimal.Decimal `json:"control_rate"`
	Lift                   decimal.Decimal `json:"lift"`
	IncrementalConversions decimal.Decimal `json:"incremental_conversions"`
	IncrementalRevenue     jsonMoney       `json:"incremental_revenue"`
	IROAS                  decimal.Decimal `json:"iroas"`
}

// MarshalJSON writes the measurement with lowercase keys,
// incremental_revenue a money object in Currency.
func (r Incrementality) MarshalJSON() ([]byte, error) {
	return json.Marshal(incrementalityJSON{r.TestRate, r.ControlRate, r.Lift, r.IncrementalConversions,
		jsonMoney{r.IncrementalRevenue, r.Currency}, r.IROAS})
}

// UnmarshalJSON reads what MarshalJSON writes, the amount exactly whatever
// its digits; Currency is incremental_revenue's. Malformed JSON is
// [ErrSyntax]. On error r keeps its value.
func (r *Incrementality) UnmarshalJSON(b []byte) error {
	var w incrementalityJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return jsonErr("roi.Incrementality.UnmarshalJSON", err)
	}
	*r = Incrementality{w.TestRate, w.ControlRate, w.Lift, w.IncrementalConversions,
		w.IncrementalRevenue.Amount, w.IROAS, w.IncrementalRevenue.Currency}
	return nil
}

// Incremental compares a test group with its control (or a campaign period
// with a baseline period, see [Group]) for a campaign that cost cost. The
// groups' revenues are in cost's currency, which the result carries
// (Incrementality.Currency).
//
// Example (hand-computed): 10,000 exposed users with 300 conversions worth
// 15,000 against 10,000 held-out users with 200 conversions worth 10,000,
// for a cost of 2,000: rates 0.03 and 0.02, lift 0.5 (50 %), 100
// incremental conversions, 5,000 incremental revenue, iROAS 2.5.
//
// Sizes and cost must be positive, control conversions positive (a lift
// over nothing is undefined) ([ErrNonPositive]); counts and revenues not
// negative ([ErrNegative]); cost must have a currency ([ErrInvalid]: the
// zero Currency). For a baseline period conversions may exceed
// Size (several per day).
func Incremental(test, control Group, cost budget.Money) (Incrementality, error) {
	const fn = "roi.Incremental"
	if err := checkGroup(fn, "test", test); err != nil {
		return Incrementality{}, err
	}
	if err := checkGroup(fn, "control", control); err != nil {
		return Incrementality{}, err
	}
	if control.Conversions == 0 {
		return Incrementality{}, errs.New(ErrNonPositive, fn, "control.Conversions", "", 0)
	}
	if err := checkPositive(fn, "cost", cost.Amount); err != nil {
		return Incrementality{}, err
	}
	if !cost.Currency.IsValid() {
		return Incrementality{}, errs.New(ErrInvalid, fn, "cost.Currency", "zero currency", errs.None)
	}
	nt, nc := decimal.NewFromInt(test.Size), decimal.NewFromInt(control.Size)
	xt, xc := decimal.NewFromInt(test.Conversions), decimal.NewFromInt(control.Conversions)
	r := Incrementality{Currency: cost.Currency}
	r.TestRate = exact.Ratio(test.Conversions, test.Size)
	r.ControlRate = exact.Ratio(control.Conversions, control.Size)
	// Lift = (xt/nt − xc/nc) / (xc/nc) = (xt·nc − xc·nt) / (xc·nt), exactly.
	r.Lift = exact.Div(xt.Mul(nc).Sub(xc.Mul(nt)), xc.Mul(nt))
	// xt − xc·nt/nc = (xt·nc − xc·nt) / nc
	r.IncrementalConversions = exact.Div(xt.Mul(nc).Sub(xc.Mul(nt)), nc)
	// rt − rc·nt/nc = (rt·nc − rc·nt) / nc; iROAS divides that by cost.
	num := test.Revenue.Mul(nc).Sub(control.Revenue.Mul(nt))
	r.IncrementalRevenue = exact.Div(num, nc)
	r.IROAS = exact.Div(num, nc.Mul(cost.Amount))
	return r, nil
}

func checkGroup(fn, name string, g Group) error {
	if err := limit.Decimal(fn, name+".Revenue", g.Revenue); err != nil {
		return err
	}
	if g.Size <= 0 {
		return errs.New(ErrNonPositive, fn, name+".Size", "", g.Size)
	}
	if g.Conversions < 0 {
		return errs.New(ErrNegative, fn, name+".Conversions", "", g.Conversions)
	}
	if g.Revenue.IsNegative() {
		return errs.New(ErrNegative, fn, name+".Revenue", "", g.Revenue)
	}
	return nil
}

// Interval is a two-sided confidence interval [Low, High].
type Interval struct {
	Low  decimal.Decimal `json:"low"`
	High decimal.Decimal `json:"high"`
}

// LiftInterval holds confidence intervals for the effect of a campaign on
// the conversion rate, from a two-proportion comparison of a test and a
// control group (each conversion an independent yes/no among Size units).
type LiftInterval struct {
	Confidence decimal.Decimal `json:"confidence"` // e.g. 0.95
	// Difference is the interval for TestRate − ControlRate by Newcombe's
	// hybrid score method (method 10 of Newcombe, "Interval estimation for
	// the difference between independent proportions", Statistics in
	// Medicine 17, 1998): Wilson score intervals [l₁, u₁], [l₂, u₂] for each
	// rate combined as
	//   d − √((p₁−l₁)² + (u₂−p₂)²),  d + √((u₁−p₁)² + (p₂−l₂)²).
	// It stays inside [−1, 1] and behaves well for small counts, unlike the
	// Wald interval.
	Difference Interval `json:"difference"`
	// Lift is the interval for TestRate / ControlRate − 1 by the Katz log
	// method (Katz, Baptista, Azen and Pike, Biometrics 34, 1978):
	//   exp(ln(p₁/p₂) ± z·√(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂)) − 1.
	// It needs conversions in both groups.
	Lift Interval `json:"lift"`
}

// LiftCI returns confidence intervals for the difference and the relative
// lift of the conversion rates of test and control at confidence level
// confidence (a fraction in (0, 1), typically 0.95). z is the standard normal
// quantile 1 − (1 − confidence)/2, √2·erfinv(confidence).
//
// The computation is float64 (square roots, logarithms); the bounds are
// converted to decimals once and rounded half away from zero to 12 places,
// beyond which float64 carries no information here.
//
// Both groups need positive sizes, conversions between 1 and size − 1 for
// the lift ([ErrNonPositive], [ErrInvalid]). A confidence so close to 0 or
// 1 that float64 cannot tell it from them (1 − 10⁻¹⁷) is [ErrInvalid].
func LiftCI(test, control Group, confidence decimal.Decimal) (LiftInterval, error) {
	const fn = "roi.LiftCI"
	if err := checkGroup(fn, "test", test); err != nil {
		return LiftInterval{}, err
	}
	if err := checkGroup(fn, "control", control); err != nil {
		return LiftInterval{}, err
	}
	if err := limit.Decimal(fn, "confidence", confidence); err != nil {
		return LiftInterval{}, err
	}
	if !confidence.IsPositive() || confidence.GreaterThanOrEqual(one) {
		return LiftInterval{}, errs.New(ErrInvalid, fn, "confidence", "not in (0, 1)", confidence)
	}
	if test.Conversions == 0 {
		return LiftInterval{}, errs.New(ErrNonPositive, fn, "test.Conversions", "", 0)
	}
	if control.Conversions == 0 {
		return LiftInterval{}, errs.New(ErrNonPositive, fn, "control.Conversions", "", 0)
	}
	for _, g := range []struct {
		name string
		g    Group
	}{{"test", test}, {"control", control}} {
		if g.g.Conversions >= g.g.Size {
			return LiftInterval{}, errs.New(ErrInvalid, fn, g.name+".Conversions", "not below Size "+strconv.FormatInt(g.g.Size, 10), g.g.Conversions)
		}
	}
	c, _ := confidence.Float64()
	z, ok := ci.Z(c)
	if !ok {
		// A level within float64 rounding of 0 or 1 (0.99999999999999999):
		// the quantile would be 0 or infinite.
		return LiftInterval{}, errs.New(ErrInvalid, fn, "confidence", "too close to 0 or 1 for float64", confidence)
	}
	x1, n1 := float64(test.Conversions), float64(test.Size)
	x2, n2 := float64(control.Conversions), float64(control.Size)
	lo, hi := ci.Newcombe(x1, n1, x2, n2, z)
	klo, khi := ci.Katz(x1, n1, x2, n2, z)
	bounds := [4]float64{lo, hi, klo, khi}
	for _, x := range bounds {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			// Not reachable with the checks above; never turn NaN into a panic.
			return LiftInterval{}, errs.New(ErrInvalid, fn, "confidence", "interval bounds not finite", confidence)
		}
	}
	out := LiftInterval{
		Confidence: confidence,
		Difference: Interval{dec12(bounds[0]), dec12(bounds[1])},
		Lift:       Interval{dec12(bounds[2]), dec12(bounds[3])},
	}
	return out, nil
}

func dec12(x float64) decimal.Decimal { return decimal.NewFromFloat(x).Round(12) }
