package feedback

import (
	"math"

	"github.com/influencekit/influencekit/internal/ci"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/shopspring/decimal"
)

// Arm is one group of a brand-lift survey: Size people asked, Yes of them
// answering yes (aware of the brand, would consider it, intend to buy).
type Arm struct {
	Size int64 `json:"size"`
	Yes  int64 `json:"yes"`
}

// Lift is the effect of exposure on a yes/no brand metric.
type Lift struct {
	// ExposedRate and ControlRate are Yes / Size; exact (16 places).
	ExposedRate decimal.Decimal `json:"exposed_rate"`
	ControlRate decimal.Decimal `json:"control_rate"`
	// Absolute is ExposedRate − ControlRate (percentage points as a
	// fraction: 0.05 is 5 points), exact; AbsoluteInterval is Newcombe's
	// hybrid score interval (method 10, Statistics in Medicine 17, 1998),
	// the method roi.LiftCI uses for conversion rates.
	Absolute         decimal.Decimal `json:"absolute"`
	AbsoluteInterval Interval        `json:"absolute_interval"`
	// Relative is ExposedRate / ControlRate − 1, exact; RelativeInterval is
	// the Katz log interval (Biometrics 34, 1978), as in roi.LiftCI.
	Relative         decimal.Decimal `json:"relative"`
	RelativeInterval Interval        `json:"relative_interval"`
	// PValue is the two-sided p-value of the pooled two-proportion z test
	// of "no lift", z = (p₁ − p₂)/√(p̄(1 − p̄)(1/n₁ + 1/n₂)) with p̄ the
	// pooled rate: the same as R's prop.test(correct = FALSE) (chi-square =
	// z²). 12 places.
	PValue     decimal.Decimal `json:"p_value"`
	Confidence decimal.Decimal `json:"confidence"`
}

// BrandLift compares an exposed group with a control group on one yes/no
// question (awareness, consideration, intent): absolute and relative lift
// with intervals at confidence (a fraction in (0, 1)), and a p-value.
//
// Hand-worked: exposed 60 yes of 200, control 40 of 200: rates 0.3 and 0.2,
// absolute lift 0.1, relative 0.5; pooled rate 0.25, z = 0.1/√(0.25·0.75·
// 0.01) = 0.1/0.0433013 = 2.309401, p = 2·(1 − Φ(2.309401)) = 0.020921
// (R: prop.test(c(60, 40), c(200, 200), correct = FALSE) gives X-squared =
// 5.3333 = z², p-value = 0.02092).
//
// Sizes must be positive ([ErrNonPositive]); Yes not negative
// ([ErrNegative]) nor above Size ([ErrInvalid]); the relative lift needs a
// yes in each group ([ErrNonPositive] naming the group's Yes).
func BrandLift(exposed, control Arm, confidence decimal.Decimal) (Lift, error) {
	const fn = "feedback.BrandLift"
	z, err := zFor(fn, "confidence", confidence)
	if err != nil {
		return Lift{}, err
	}
	for _, a := range []struct {
		name string
		a    Arm
	}{{"exposed", exposed}, {"control", control}} {
		switch {
		case a.a.Size <= 0:
			return Lift{}, errs.New(ErrNonPositive, fn, a.name+".Size", "", a.a.Size)
		case a.a.Yes < 0:
			return Lift{}, errs.New(ErrNegative, fn, a.name+".Yes", "", a.a.Yes)
		case a.a.Yes > a.a.Size:
			return Lift{}, errs.New(ErrInvalid, fn, a.name+".Yes", "above Size", a.a.Yes)
		case a.a.Yes == 0:
			return Lift{}, errs.New(ErrNonPositive, fn, a.name+".Yes", "no yes: the relative lift is undefined", a.a.Yes)
		}
	}
	x1, n1, x2, n2 := float64(exposed.Yes), float64(exposed.Size), float64(control.Yes), float64(control.Size)
	r := Lift{ExposedRate: exact.Ratio(exposed.Yes, exposed.Size), ControlRate: exact.Ratio(control.Yes, control.Size), Confidence: confidence}
	// p₁ − p₂ = (x₁n₂ − x₂n₁)/(n₁n₂); p₁/p₂ − 1 = (x₁n₂ − x₂n₁)/(x₂n₁), exactly.
	dx1, dn1, dx2, dn2 := decimal.NewFromInt(exposed.Yes), decimal.NewFromInt(exposed.Size), decimal.NewFromInt(control.Yes), decimal.NewFromInt(control.Size)
	num := dx1.Mul(dn2).Sub(dx2.Mul(dn1))
	r.Absolute, r.Relative = exact.Div(num, dn1.Mul(dn2)), exact.Div(num, dx2.Mul(dn1))
	lo, hi := ci.Newcombe(x1, n1, x2, n2, z)
	rlo, rhi := ci.Katz(x1, n1, x2, n2, z)
	p := pooledP(x1, n1, x2, n2)
	if !finite(lo, hi, rlo, rhi, p) {
		return Lift{}, errs.New(ErrInvalid, fn, "confidence", "interval bounds not finite", confidence)
	}
	r.AbsoluteInterval, r.RelativeInterval, r.PValue = interval(lo, hi), interval(rlo, rhi), dec(p)
	return r, nil
}

// pooledP is the two-sided p-value of the pooled two-proportion z test.
func pooledP(x1, n1, x2, n2 float64) float64 {
	pbar := (x1 + x2) / (n1 + n2)
	se := math.Sqrt(pbar * (1 - pbar) * (1/n1 + 1/n2))
	d := x1/n1 - x2/n2
	if se == 0 {
		if d == 0 {
			return 1
		}
		return 0
	}
	return 2 * (1 - ci.CDF(math.Abs(d)/se))
}

// Arms counts a brand-lift survey's answers to one yes/no question by
// group: the responses whose group column reads exposed (compared after
// normalisation: case, accents, punctuation) form the exposed arm, every
// other group the control arm. A blank answer is not answered and counts in
// neither Size; answers read as [Survey.Ratings] on a 0–1 scale does
// ("yes", "no", "1", "0", "evet", "hayır"…).
//
// A column not in the survey wraps [ErrMissingColumn]; a blank group cell
// beside an answer is a [*ParseError] wrapping [ErrInvalid]; an answer that
// is not yes or no a *ParseError from Ratings.
func (s Survey) Arms(group, exposed, question string) (exposedArm, control Arm, err error) {
	const fn = "feedback.Survey.Arms"
	gi, err := s.index(fn, "group", group)
	if err != nil {
		return Arm{}, Arm{}, err
	}
	rs, err := s.Ratings(question, 0, 1)
	if err != nil {
		return Arm{}, Arm{}, err
	}
	want := normalize(exposed)
	for _, r := range rs {
		g := normalize(s.answer(r.Response, gi))
		arm := &control
		switch g {
		case "":
			return Arm{}, Arm{}, s.answerError(fn, r.Response, gi, ErrInvalid)
		case want:
			arm = &exposedArm
		}
		arm.Size++
		arm.Yes += int64(r.Value)
	}
	return exposedArm, control, nil
}
