package budget

import (
	"math"
	"strconv"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// Curve is a response curve: the expected response (conversions, revenue,
// reach, in whatever unit the curve was fitted in) to a spend, in currency
// units. Curves are estimator internals and work in float64; Allocate
// converts their values to decimal once, at its boundary.
//
// Implementations must be non-decreasing with Response(0) = 0 (or a
// constant), Marginal the derivative of Response (+Inf allowed at 0), and
// the curve concave (Marginal non-increasing) beyond Inflection.
//
// The package's own curves (Hill, RobynHill, MichaelisMenten, Logistic)
// never return NaN or ±Inf, whatever their parameters and x: a NaN x counts
// as 0 (no spend), a value beyond float64's range saturates at
// ±math.MaxFloat64, and where parameters that Validate refuses leave no
// number, the answer is 0; Allocate refuses such parameters with Validate's
// error. The one exception is the documented +Inf above: Hill's (and
// RobynHill's) Marginal at 0 with Slope < 1, where the derivative is
// unbounded.
type Curve interface {
	// Response returns the response at spend x ≥ 0.
	Response(x float64) float64
	// Marginal returns dResponse/dx at x ≥ 0.
	Marginal(x float64) float64
	// Inflection returns the spend beyond which the curve is concave: 0 for a
	// concave curve, the inflection point of an S-shaped one.
	Inflection() float64
}

// Hill is the Hill saturation curve in the form used by Google's Meridian,
// scaled by Beta:
//
//	f(x) = Beta / (1 + (x/EC)^(−Slope)) = Beta · x^Slope / (x^Slope + EC^Slope)
//
// EC > 0 is the half-saturation spend (f(EC) = Beta/2), Slope > 0 the shape:
// Slope ≤ 1 is concave, Slope > 1 S-shaped with its inflection at
// EC·((Slope−1)/(Slope+1))^(1/Slope). Source: Meridian documentation, "Media
// saturation and lagging",
// https://developers.google.com/meridian/docs/basics/media-saturation-lagging
// (where Beta is the channel's coefficient β_m).
type Hill struct {
	Beta  float64 `json:"beta"`
	EC    float64 `json:"ec"`
	Slope float64 `json:"slope"`
}

// Validate reports parameters outside Beta ≥ 0, EC > 0, Slope > 0 (or not finite).
func (h Hill) Validate() error {
	const fn = "budget.Hill.Validate"
	return firstErr(
		param(fn, "Beta", h.Beta, h.Beta >= 0, "≥ 0"),
		param(fn, "EC", h.EC, h.EC > 0, "> 0"),
		param(fn, "Slope", h.Slope, h.Slope > 0, "> 0"))
}

// response returns Beta·x^Slope/(x^Slope + EC^Slope); 0 for x ≤ 0.
func (h Hill) response(x float64) float64 {
	if x <= 0 {
		return 0
	}
	// computed as Beta/(1+(EC/x)^Slope) to avoid overflow of x^Slope
	return h.Beta / (1 + math.Pow(h.EC/x, h.Slope))
}

// Response is the curve's value at x (see response); a NaN x counts as 0,
// and the result is never NaN or ±Inf (see Curve).
func (h Hill) Response(x float64) float64 { return tame(h.response(spendOf(x))) }

// marginal returns Beta·Slope·u/(x·(1+u)²) with u = (x/EC)^Slope. At 0 it is
// +Inf for Slope < 1, Beta/EC for Slope = 1 and 0 for Slope > 1.
//
// It is computed as Beta·Slope / (2x·(1 + cosh(ln u))), the same value (and
// as Beta·Slope·e^(−|ln u|)/x where cosh overflows), because u and (1+u)²
// overflow to +Inf for spends far from EC (x = 10⁻³⁰⁰ with EC = 1), where
// the direct quotient would be Inf/Inf = NaN.
func (h Hill) marginal(x float64) float64 {
	if x <= 0 {
		switch {
		case h.Slope < 1:
			return math.Inf(1)
		case h.Slope == 1:
			return h.Beta / h.EC
		default:
			return 0
		}
	}
	if h.Beta == 0 {
		return 0
	}
	// u/(1+u)² = 1/(u + 2 + 1/u) = 1/(2 + 2·cosh(ln u))
	lu := h.Slope * (math.Log(x) - math.Log(h.EC))
	if math.Abs(lu) < 700 {
		return h.Beta / (2 * x * (1 + math.Cosh(lu))) * h.Slope
	}
	// there cosh overflows, and u/(1+u)² = e^(−|ln u|) to within e^(−700)
	return h.Beta * (h.Slope * math.Exp(-math.Abs(lu)-math.Log(x)))
}

// Marginal is the derivative at x (see marginal). At 0 with Slope < 1,
// where the derivative is unbounded, it is +Inf, as Curve allows and
// TestCurves asserts: the one Inf a curve of the package returns. Elsewhere
// a NaN x counts as 0 and the result is never NaN or ±Inf (see Curve).
func (h Hill) Marginal(x float64) float64 {
	x = spendOf(x)
	if m := h.marginal(x); !(x <= 0 && math.IsInf(m, 1)) {
		return tame(m)
	}
	return math.Inf(1)
}

// inflection returns 0 for Slope ≤ 1, else EC·((Slope−1)/(Slope+1))^(1/Slope).
func (h Hill) inflection() float64 {
	if h.Slope <= 1 {
		return 0
	}
	return h.EC * math.Pow((h.Slope-1)/(h.Slope+1), 1/h.Slope)
}

// Inflection is the spend beyond which the curve is concave (see
// inflection); never NaN or ±Inf (see Curve).
func (h Hill) Inflection() float64 { return tame(h.inflection()) }

// RobynHill is the Hill saturation in the form of Meta's Robyn
// (saturation_hill in R/R/transformation.R of facebookexperimental/Robyn):
//
//	f(x) = Beta · x^Alpha / (x^Alpha + γₜ^Alpha)
//	γₜ   = round(Min + Gamma·(Max − Min), 4)
//
// where Alpha > 0 is the shape (larger: more S-shaped), Gamma in (0, 1] places
// the inflexion within the observed spend range [Min, Max], and γₜ is Robyn's
// gammaTrans: the Gamma quantile of 100 evenly spaced points over the range,
// which for evenly spaced points is exactly Min + Gamma·(Max − Min), rounded
// to 4 decimals as Robyn does. It is the Meridian Hill with EC = γₜ and
// Slope = Alpha.
type RobynHill struct {
	Beta  float64 `json:"beta"`
	Alpha float64 `json:"alpha"`
	Gamma float64 `json:"gamma"`
	Min   float64 `json:"min"` // the observed spend range the model was fitted on
	Max   float64 `json:"max"`
}

// GammaTrans returns γₜ = round(Min + Gamma·(Max − Min), 4). Beyond 10¹⁵,
// where float64 has no fourth decimal, the value is returned as is (the
// product by 10⁴ would overflow near float64's maximum); never NaN or ±Inf
// (see Curve).
func (r RobynHill) GammaTrans() float64 {
	v := r.Min + r.Gamma*(r.Max-r.Min)
	if math.Abs(v) >= 1e15 {
		return tame(v)
	}
	return tame(math.Round(v*1e4) / 1e4)
}

// Hill returns the equivalent Meridian-form curve.
func (r RobynHill) Hill() Hill { return Hill{Beta: r.Beta, EC: r.GammaTrans(), Slope: r.Alpha} }

// Validate reports parameters outside Beta ≥ 0, Alpha > 0, 0 < Gamma ≤ 1,
// 0 ≤ Min ≤ Max, γₜ > 0.
func (r RobynHill) Validate() error {
	const fn = "budget.RobynHill.Validate"
	return firstErr(
		param(fn, "Beta", r.Beta, r.Beta >= 0, "≥ 0"),
		param(fn, "Alpha", r.Alpha, r.Alpha > 0, "> 0"),
		param(fn, "Gamma", r.Gamma, r.Gamma > 0 && r.Gamma <= 1, "in (0, 1]"),
		param(fn, "Min", r.Min, r.Min >= 0, "≥ 0"),
		param(fn, "Max", r.Max, r.Max >= r.Min, "≥ Min"),
		param(fn, "GammaTrans()", r.GammaTrans(), r.GammaTrans() > 0, "> 0"))
}

// Response returns Beta·x^Alpha/(x^Alpha + γₜ^Alpha).
func (r RobynHill) Response(x float64) float64 { return r.Hill().Response(x) }

// Marginal returns the derivative of Response.
func (r RobynHill) Marginal(x float64) float64 { return r.Hill().Marginal(x) }

// Inflection returns the inflection of the equivalent Hill.
func (r RobynHill) Inflection() float64 { return r.Hill().Inflection() }

// MichaelisMenten is the curve f(x) = Beta·x/(x + Kappa): Beta is the
// saturation level (Robyn's Vmax), Kappa > 0 the spend at half of it (Km).
// Concave everywhere, f'(x) = Beta·Kappa/(x+Kappa)². Source: Robyn's mic_men
// (R/R/transformation.R).
type MichaelisMenten struct {
	Beta  float64 `json:"beta"`
	Kappa float64 `json:"kappa"`
}

// Validate reports parameters outside Beta ≥ 0, Kappa > 0.
func (m MichaelisMenten) Validate() error {
	const fn = "budget.MichaelisMenten.Validate"
	return firstErr(
		param(fn, "Beta", m.Beta, m.Beta >= 0, "≥ 0"),
		param(fn, "Kappa", m.Kappa, m.Kappa > 0, "> 0"))
}

// response returns Beta·x/(x+Kappa); 0 for x ≤ 0. Where Beta·x or x+Kappa
// overflows (huge x or Beta), it is computed as Beta/(1 + Kappa/x) instead,
// the same value, so that it never gives Inf/Inf = NaN.
func (m MichaelisMenten) response(x float64) float64 {
	if x <= 0 {
		return 0
	}
	if r := m.Beta * x / (x + m.Kappa); finite(r) {
		return r
	}
	return m.Beta / (1 + m.Kappa/x)
}

// Response is the curve's value at x (see response); a NaN x counts as 0,
// and the result is never NaN or ±Inf (see Curve).
func (m MichaelisMenten) Response(x float64) float64 { return tame(m.response(spendOf(x))) }

// marginal returns Beta·Kappa/(x+Kappa)². Where Beta·Kappa or (x+Kappa)²
// overflows, it is computed as (Beta/(x+Kappa))·(Kappa/(x+Kappa)) instead,
// so that it never gives Inf/Inf = NaN.
func (m MichaelisMenten) marginal(x float64) float64 {
	s := max(x, 0) + m.Kappa
	if r := m.Beta * m.Kappa / (s * s); finite(r) {
		return r
	}
	return m.Beta / s * (m.Kappa / s)
}

// Marginal is the derivative at x (see marginal); a NaN x counts as 0,
// and the result is never NaN or ±Inf (see Curve).
func (m MichaelisMenten) Marginal(x float64) float64 { return tame(m.marginal(spendOf(x))) }

// Inflection returns 0: the curve is concave.
func (m MichaelisMenten) Inflection() float64 { return 0 }

// MichaelisMentenThrough returns the Michaelis–Menten curve through one
// observed point: the response (revenue, conversions, reach) that a spend
// (in currency units) brought, assuming the curve's elasticity at that point
// is elasticity, a fraction in (0, 1):
//
//	Kappa = spend·e/(1 − e),  Beta = response/(1 − e)
//
// so that f(spend) = response and x·f'(x)/f(x) = Kappa/(x + Kappa) = e at
// x = spend: a 1 % larger spend there brings about e % more response, and
// the marginal return is e·response/spend, e times the average return. The
// assumption is the caller's to state: e = 0.5 puts the observed spend at
// the half-saturation point (the next currency unit returns half the
// average so far); e near 1 is almost a straight line (no saturation yet),
// e near 0 a curve already saturated. One point cannot tell saturation from
// a straight line: the elasticity is that missing piece, not a fit.
//
// Example: 1,000.00 spent brought 4,000.00 of revenue; at e = 0.5, Kappa =
// 1000·0.5/0.5 = 1000 and Beta = 4000/0.5 = 8000: f(x) = 8000·x/(x + 1000),
// whose marginal return at 1,000 is 8000·1000/2000² = 2 = 0.5·4000/1000.
//
// The decimals are converted to float64 once (curves are estimator
// internals). Errors: a value beyond the module's limits (MaxExponent,
// MaxDigits; ErrTooLarge, checked first), spend ≤ 0 (ErrNonPositive),
// response < 0 (ErrNegative), elasticity outside (0, 1) (ErrInvalid), or
// values beyond float64's range (ErrTooLarge).
func MichaelisMentenThrough(spend, response, elasticity decimal.Decimal) (MichaelisMenten, error) {
	const fn = "budget.MichaelisMentenThrough"
	for _, v := range []struct {
		field string
		d     decimal.Decimal
	}{{"spend", spend}, {"response", response}, {"elasticity", elasticity}} {
		if err := limit.Decimal(fn, v.field, v.d); err != nil {
			return MichaelisMenten{}, err
		}
	}
	switch {
	case spend.Sign() <= 0:
		return MichaelisMenten{}, errs.New(ErrNonPositive, fn, "spend", "", spend)
	case response.Sign() < 0:
		return MichaelisMenten{}, errs.New(ErrNegative, fn, "response", "", response)
	case elasticity.Sign() <= 0 || elasticity.GreaterThanOrEqual(decimal.NewFromInt(1)):
		return MichaelisMenten{}, errs.New(ErrInvalid, fn, "elasticity", "outside (0, 1)", elasticity)
	}
	x, y, e := spend.InexactFloat64(), response.InexactFloat64(), elasticity.InexactFloat64()
	m := MichaelisMenten{Beta: y / (1 - e), Kappa: x * e / (1 - e)}
	if !finite(m.Beta) || !finite(m.Kappa) || !(m.Kappa > 0) || !(x > 0) {
		return MichaelisMenten{}, errs.New(ErrTooLarge, fn, "", "spend, response or elasticity beyond float64's range", errs.None)
	}
	return m, nil
}

// inverseMarginal returns the x ≥ 0 with Marginal(x) = lambda:
// √(Beta·Kappa/λ) − Kappa.
func (m MichaelisMenten) inverseMarginal(lambda float64) float64 {
	return math.Sqrt(m.Beta*m.Kappa/lambda) - m.Kappa
}

// Logistic is the S-shaped logistic curve shifted to pass through the origin:
//
//	f(x) = Max·(σ(k(x − Mid)) − σ(−k·Mid)),  σ(t) = 1/(1+e^(−t)),  k = Steepness
//
// It rises from 0 to Max·(1 − σ(−k·Mid)), fastest at Mid (its inflection);
// f'(x) = Max·k·σ(1−σ) at t = k(x − Mid). With Mid ≤ 0 it is concave.
type Logistic struct {
	Max       float64 `json:"max"`
	Steepness float64 `json:"steepness"`
	Mid       float64 `json:"mid"`
}

// Validate reports parameters outside Max ≥ 0, Steepness > 0, finite Mid.
func (l Logistic) Validate() error {
	const fn = "budget.Logistic.Validate"
	return firstErr(
		param(fn, "Max", l.Max, l.Max >= 0, "≥ 0"),
		param(fn, "Steepness", l.Steepness, l.Steepness > 0, "> 0"),
		param(fn, "Mid", l.Mid, true, "finite"))
}

func sigmoid(t float64) float64 {
	if t >= 0 {
		return 1 / (1 + math.Exp(-t))
	}
	e := math.Exp(t)
	return e / (1 + e)
}

// response returns Max·(σ(k(x−Mid)) − σ(−k·Mid)); 0 for x ≤ 0.
func (l Logistic) response(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return l.Max * (sigmoid(l.Steepness*(x-l.Mid)) - sigmoid(-l.Steepness*l.Mid))
}

// Response is the curve's value at x (see response); a NaN x counts as 0,
// and the result is never NaN or ±Inf (see Curve).
func (l Logistic) Response(x float64) float64 { return tame(l.response(spendOf(x))) }

// marginal returns Max·k·σ(t)(1−σ(t)), t = k(x−Mid), computed as
// Max·(k·σ(t)·σ(−t)): 1−σ(t) = σ(−t) keeps its precision for large t, and
// k·σ(t)·σ(−t) ≤ k/4 cannot overflow, so a huge Max·k gives no Inf·0 = NaN.
func (l Logistic) marginal(x float64) float64 {
	t := l.Steepness * (max(x, 0) - l.Mid)
	return l.Max * (l.Steepness * sigmoid(t) * sigmoid(-t))
}

// Marginal is the derivative at x (see marginal); a NaN x counts as 0,
// and the result is never NaN or ±Inf (see Curve).
func (l Logistic) Marginal(x float64) float64 { return tame(l.marginal(spendOf(x))) }

// Inflection returns max(Mid, 0).
func (l Logistic) Inflection() float64 { return tame(max(l.Mid, 0)) }

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// tame is the package's curves' total answer: f, with NaN as 0 and ±Inf as
// ±math.MaxFloat64 (see Curve).
func tame(f float64) float64 {
	switch {
	case math.IsNaN(f):
		return 0
	case math.IsInf(f, 1):
		return math.MaxFloat64
	case math.IsInf(f, -1):
		return -math.MaxFloat64
	}
	return f
}

// spendOf is x with NaN as 0: a NaN spend counts as no spend.
func spendOf(x float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	return x
}

// param returns nil when v is finite and ok, else an ErrInvalid naming the
// field, what it must be, and its value.
func param(fn, field string, v float64, ok bool, want string) error {
	if finite(v) && ok {
		return nil
	}
	if want == "finite" {
		return errs.New(ErrInvalid, fn, field, "must be finite", v)
	}
	return errs.New(ErrInvalid, fn, field, "must be finite and "+want, v)
}

// overflowError reports that the carried-over value at x[i] (whose own
// value is v) overflows float64.
func overflowError(fn string, i int, v float64) error {
	return errs.New(ErrTooLarge, fn, errs.Index("x", i), "carried-over value overflows float64", v)
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// GeometricAdstock returns the carried-over series a of spend or exposure x
// with decay rate theta in [0, 1):
//
//	a₀ = x₀,  aₜ = xₜ + θ·aₜ₋₁
//
// as in Robyn's adstock_geometric. Five periods of 100 at θ = 0.5 give 100,
// 150, 175, 187.5, 193.75. (Meridian's geometric adstock is the same sum
// divided by Σ θˢ over its window: a weighted average instead of a sum.)
//
// Errors: theta outside [0, 1) or an x that is NaN or ±Inf (ErrInvalid); a
// carried-over value beyond float64's range (ErrTooLarge, naming the x
// where it overflows: 1e308, 1e308 at θ = 0.9 overflows at x[1]). Never an
// Inf or NaN in the result.
func GeometricAdstock(x []float64, theta float64) ([]float64, error) {
	const fn = "budget.GeometricAdstock"
	if !(theta >= 0 && theta < 1) {
		return nil, errs.New(ErrInvalid, fn, "theta", "outside [0, 1)", theta)
	}
	out := make([]float64, len(x))
	prev := 0.0
	for i, v := range x {
		if !finite(v) {
			return nil, errs.New(ErrInvalid, fn, "x["+strconv.Itoa(i)+"]", "not finite", v)
		}
		prev = v + theta*prev
		if !finite(prev) {
			return nil, overflowError(fn, i, v)
		}
		out[i] = prev
	}
	return out, nil
}

// WeibullKind selects the Weibull adstock variant. Its zero value is
// WeibullCDF, the default.
type WeibullKind int

const (
	// WeibullCDF (the default) decays by the Weibull survival function: the weight of a
	// lag-ℓ carry-over is ∏_{j<ℓ} (1 − F(j)), F the Weibull CDF, with
	// weight 1 at lag 0. No lagged peak.
	WeibullCDF WeibullKind = iota
	// WeibullPDF weighs lag ℓ by the Weibull density at ℓ+1, min-max
	// normalised to [0, 1] over the window: the peak can come after lag 0.
	WeibullPDF
)

// WeibullAdstock returns the carried-over series of x under Robyn's Weibull
// adstock (adstock_weibull in R/R/transformation.R of
// facebookexperimental/Robyn), with windlen = len(x):
//
//	scaleₜ = roundHalfEven(1 + scale·(windlen − 1))       (Robyn's scaleTrans)
//	CDF:  θ = (1, 1−F(1), …, 1−F(windlen−1)),  w = cumprod(θ)
//	PDF:  d(ℓ) = density(ℓ), ℓ = 1…windlen;  w = (d − min d)/(max d − min d),
//	      or (1, 0, …, 0) when d is constant
//	aₜ = Σ_{s ≤ t} x_s · w[t − s]
//
// with F and density those of the Weibull distribution of the given shape
// and scaleₜ: F(ℓ) = 1 − exp(−(ℓ/scaleₜ)^shape). shape must be > 0 (Robyn's
// shape = 0, all weights zero, is refused as degenerate) and scale in [0, 1].
// O(len(x)²): x may have at most MaxAdstockPeriods (10,000) periods
// (ErrTooLarge beyond; 5·10⁷ multiply-adds at most).
//
// The PDF weights are computed in the log domain, so that extreme shapes
// (10³⁰⁰) give weights of 0 instead of Inf·0 = NaN. Errors: shape or scale
// out of range, an x that is NaN or ±Inf, an unknown kind (ErrInvalid); too
// many periods or a carried-over value beyond float64's range (ErrTooLarge,
// naming the x where it overflows). Never an Inf or NaN in the result.
func WeibullAdstock(x []float64, shape, scale float64, kind WeibullKind) ([]float64, error) {
	const fn = "budget.WeibullAdstock"
	if !(shape > 0) || !finite(shape) {
		return nil, errs.New(ErrInvalid, fn, "shape", "must be finite and > 0", shape)
	}
	if !(scale >= 0 && scale <= 1) {
		return nil, errs.New(ErrInvalid, fn, "scale", "outside [0, 1]", scale)
	}
	n := len(x)
	if n > MaxAdstockPeriods {
		return nil, errs.New(ErrTooLarge, fn, "x", "more than MaxAdstockPeriods (10000) periods", n)
	}
	for i, v := range x {
		if !finite(v) {
			return nil, errs.New(ErrInvalid, fn, "x["+strconv.Itoa(i)+"]", "not finite", v)
		}
	}
	if n == 0 {
		return []float64{}, nil
	}
	st := math.RoundToEven(1 + scale*float64(n-1))
	w := make([]float64, n)
	switch kind {
	case WeibullCDF:
		w[0] = 1
		for l := 1; l < n; l++ {
			surv := math.Exp(-math.Pow(float64(l)/st, shape))
			w[l] = w[l-1] * surv
		}
	case WeibullPDF:
		lo, hi := math.Inf(1), math.Inf(-1)
		for l := range n {
			d := weibullDensity(float64(l+1)/st, shape, st)
			w[l] = d
			lo, hi = min(lo, d), max(hi, d)
		}
		if hi-lo == 0 {
			clear(w)
			w[0] = 1
		} else {
			for l := range w {
				w[l] = (w[l] - lo) / (hi - lo)
			}
		}
	default:
		return nil, errs.New(ErrInvalid, fn, "kind", "unknown", int64(kind))
	}
	out := make([]float64, n)
	for s, v := range x {
		if v == 0 {
			continue
		}
		for t := s; t < n; t++ {
			out[t] += v * w[t-s]
		}
	}
	for t, v := range out {
		if !finite(v) {
			return nil, overflowError(fn, t, x[t])
		}
	}
	return out, nil
}

// MaxAdstockPeriods bounds the periods WeibullAdstock convolves (its work is
// quadratic): 10,000, more than 27 years of daily data.
const MaxAdstockPeriods = 10_000

// weibullDensity returns the Weibull density (shape k, scale st) at t·st,
// k/st · t^(k−1) · e^(−t^k), computed as exp of its logarithm so that no
// Inf·0 = NaN arises for extreme shapes: where t^k overflows, the density
// is 0.
func weibullDensity(t, k, st float64) float64 {
	u := k * math.Log(t) // ln t^k
	if u > 709 {         // t^k > e^709: e^(−t^k) underflows, and so does the density
		return 0
	}
	ld := math.Log(k) - math.Log(st) + u - math.Log(t) - math.Exp(u)
	if math.IsNaN(ld) {
		return 0
	}
	return math.Exp(ld)
}
