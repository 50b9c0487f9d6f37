package audience

import (
	"maps"
	"math/big"
	"slices"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// Demographics holds several dimensions of one audience, each a
// Distribution: for example "age" → {"18-24": 41, "25-34": 33, …},
// "gender" → {"f": 62, "m": 35, "unknown": 3}, "country" → {"TR": 70, …}.
type Demographics map[string]Distribution

// DimensionWeights gives each dimension's importance in Fit. Weights are
// relative (normalised by their sum), must be >= 0 and not all zero. A nil
// or empty DimensionWeights means equal weights over the target's
// dimensions (the default). With explicit weights, a target dimension
// without a weight gets weight 0 (it is still reported), and a weight for a
// dimension the target lacks is an error wrapping ErrDimension.
type DimensionWeights map[string]decimal.Decimal

// DimensionFit explains one dimension of a Fit. Fractions are rounded half
// away from zero to 16 places.
type DimensionFit struct {
	Dimension      string          `json:"dimension"`
	Weight         decimal.Decimal `json:"weight"`          // normalised: the weights of a report sum to 1 (up to last-place rounding)
	Match          decimal.Decimal `json:"match"`           // histogram intersection, see Match
	TotalVariation decimal.Decimal `json:"total_variation"` // 1 − Match
	OnTarget       decimal.Decimal `json:"on_target"`       // see OnTargetShare
	UnknownTarget  decimal.Decimal `json:"unknown_target"`  // target's Unknown share
	UnknownActual  decimal.Decimal `json:"unknown_actual"`  // audience's Unknown share
	Contribution   decimal.Decimal `json:"contribution"`    // Weight × Match: this dimension's part of the Score
}

// FitReport is the weighted demographic fit of an audience to a target.
type FitReport struct {
	// Score = Σ_d w_d·Match_d ÷ Σ_d w_d over the target's dimensions, in
	// [0, 1], rounded once to 16 places (each Match_d is first rounded to 16
	// places).
	Score decimal.Decimal `json:"score"`
	// Dimensions, one per target dimension, sorted by name.
	Dimensions []DimensionFit `json:"dimensions"`
}

// Fit scores how well actual matches target across dimensions: the weighted
// mean of the per-dimension Match, with a report per dimension. See
// DimensionWeights for the default (equal weights). Every weighted target
// dimension must be present in actual (ErrDimension); a target with no
// dimension is an error wrapping ErrEmpty, weights summing to 0 one
// wrapping ErrNonPositive, a weight or share beyond MaxExponent or
// MaxDigits one wrapping ErrTooLarge. A target dimension of weight 0
// missing from actual is reported with zero figures.
func Fit(target, actual Demographics, weights DimensionWeights) (FitReport, error) {
	dims, err := fitDimensions(target)
	if err != nil {
		return FitReport{}, err
	}
	w, total, err := fitWeights(target, dims, weights)
	if err != nil {
		return FitReport{}, err
	}
	rep := FitReport{Dimensions: make([]DimensionFit, 0, len(dims))}
	score := decimal.Zero
	for _, d := range dims {
		df, err := fitDimension(d, target[d], actual, w[d], total)
		if err != nil {
			return FitReport{}, err
		}
		score = score.Add(w[d].Mul(df.Match))
		rep.Dimensions = append(rep.Dimensions, df)
	}
	rep.Score = exact.Div(score, total)
	return rep, nil
}

// fitDimensions returns the target's dimensions, sorted.
func fitDimensions(target Demographics) ([]string, error) {
	if len(target) == 0 {
		return nil, errs.New(ErrEmpty, "audience.Fit", "target", "no dimension", errs.None)
	}
	dims := slices.Sorted(maps.Keys(target))
	if dims[0] == "" {
		return nil, errs.New(ErrInvalid, "audience.Fit", "target", "empty dimension name", errs.None)
	}
	return dims, nil
}

// fitWeights returns every target dimension's raw weight (0 when weights
// has none for it) and their total, which is positive.
func fitWeights(target Demographics, dims []string, weights DimensionWeights) (map[string]decimal.Decimal, decimal.Decimal, error) {
	w := make(map[string]decimal.Decimal, len(dims))
	if len(weights) == 0 {
		for _, d := range dims {
			w[d] = decimal.NewFromInt(1)
		}
		return w, decimal.NewFromInt(int64(len(dims))), nil
	}
	for _, d := range dims {
		w[d] = decimal.Zero
	}
	total := decimal.Zero
	for _, d := range slices.Sorted(maps.Keys(weights)) {
		v := weights[d]
		field := key("weights", d)
		if _, ok := target[d]; !ok {
			return nil, decimal.Decimal{}, errs.New(ErrDimension, "audience.Fit", field, "target has no such dimension", errs.None)
		}
		if err := limit.Decimal("audience.Fit", field, v); err != nil {
			return nil, decimal.Decimal{}, err
		}
		if v.Sign() < 0 {
			return nil, decimal.Decimal{}, errs.New(ErrNegative, "audience.Fit", field, "", v)
		}
		w[d] = v
		total = total.Add(v)
	}
	if total.Sign() == 0 {
		return nil, decimal.Decimal{}, errs.New(ErrNonPositive, "audience.Fit", "weights", "all weights are 0", errs.None)
	}
	return w, total, nil
}

// fitDimension reports dimension d of weight wd (raw; total is the sum of
// all raw weights).
func fitDimension(d string, target Distribution, actual Demographics, wd, total decimal.Decimal) (DimensionFit, error) {
	p, err := check("Fit", key("target", d), target)
	if err != nil {
		return DimensionFit{}, err
	}
	a, present := actual[d]
	if !present {
		if wd.Sign() > 0 {
			return DimensionFit{}, errs.New(ErrDimension, "audience.Fit", key("actual", d), "weighted dimension missing, weight", wd)
		}
		return DimensionFit{
			Dimension: d, Weight: decimal.Zero, Match: decimal.Zero, TotalVariation: decimal.Zero,
			OnTarget: decimal.Zero, UnknownTarget: unknownOf(p), UnknownActual: decimal.Zero, Contribution: decimal.Zero,
		}, nil
	}
	q, err := check("Fit", key("actual", d), a)
	if err != nil {
		return DimensionFit{}, err
	}
	m := matchOf(p, q)
	return DimensionFit{
		Dimension:      d,
		Weight:         exact.Div(wd, total),
		Match:          m,
		TotalVariation: tvOf(p, q),
		OnTarget:       onTarget(p, q),
		UnknownTarget:  unknownOf(p),
		UnknownActual:  unknownOf(q),
		Contribution:   exact.Div(wd.Mul(m), total),
	}, nil
}

func unknownOf(d *dist) decimal.Decimal {
	return exact.Div(d.unknown, d.unknown.Add(d.known))
}

// Z95 returns the standard normal quantile for a two-sided 95 % interval,
// Φ⁻¹(0.975) = 1.959963984540054 (to 16 significant digits). It is a
// function so that no caller can change it for everybody.
func Z95() decimal.Decimal { return decimal.New(1959963984540054, -15) }

// OnTargetInterval returns OnTargetShare(target, actual) with a normal
// approximation (Wald) interval, for demographics measured on a random
// sample of sampleSize followers whose category is known:
//
//	p̂ ± z·√(p̂(1−p̂)/n), clipped to [0, 1]
//
// z = Z95() gives 95 %. The approximation is poor when n·p̂ or n·(1−p̂) is
// below about 10 (the interval then collapses toward p̂); read it as a
// rough guide there. The result is an Estimate: Value = p̂ (exact, rounded
// once to 16 places), Low and High the interval's ends, rounded half away
// from zero to 16 places, and Exact false (the figures come from a sample).
// sampleSize < 1 or z <= 0 is an error wrapping ErrNonPositive, a z beyond
// MaxExponent or MaxDigits one wrapping ErrTooLarge (checked first). Square
// roots at 256-bit precision.
func OnTargetInterval(target, actual Distribution, sampleSize int64, z decimal.Decimal) (Estimate, error) {
	if err := limit.Decimal("audience.OnTargetInterval", "z", z); err != nil {
		return Estimate{}, err
	}
	if sampleSize < 1 {
		return Estimate{}, errs.New(ErrNonPositive, "audience.OnTargetInterval", "sampleSize", "below 1", sampleSize)
	}
	if z.Sign() <= 0 {
		return Estimate{}, errs.New(ErrNonPositive, "audience.OnTargetInterval", "z", "", z)
	}
	p, q, err := pair("OnTargetInterval", "target", "actual", target, actual)
	if err != nil {
		return Estimate{}, err
	}
	// Exact p̂ = num/den, then the half-width in big.Float.
	num, den := onTargetNum(p, q), q.known
	ph := toBig(num)
	ph.Quo(ph, toBig(den))
	one := new(big.Float).SetPrec(bigPrec).SetInt64(1)
	v := new(big.Float).SetPrec(bigPrec).Sub(one, ph)
	v.Mul(v, ph)
	v.Quo(v, new(big.Float).SetPrec(bigPrec).SetInt64(sampleSize))
	if v.Sign() < 0 {
		v.SetInt64(0)
	}
	half := v.Sqrt(v)
	half.Mul(half, toBig(z))
	lo := new(big.Float).SetPrec(bigPrec).Sub(ph, half)
	hi := new(big.Float).SetPrec(bigPrec).Add(ph, half)
	if lo.Sign() < 0 {
		lo.SetInt64(0)
	}
	if hi.Cmp(one) > 0 {
		hi.SetInt64(1)
	}
	return Estimate{Value: exact.Div(num, den), Low: fromBig(lo), High: fromBig(hi)}, nil
}
