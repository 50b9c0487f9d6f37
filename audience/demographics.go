package audience

import (
	"fmt"
	"math/big"
	"slices"

	"github.com/influencekit/influencekit/internal/exact"
	"github.com/shopspring/decimal"
)

// Demographics holds several dimensions of one audience, each a
// Distribution: for example "age" → {"18-24": 41, "25-34": 33, …},
// "gender" → {"f": 62, "m": 35, "unknown": 3}, "country" → {"TR": 70, …}.
type Demographics map[string]Distribution

// Weights gives each dimension's importance in Fit. Weights are relative
// (normalised by their sum), must be >= 0 and not all zero. A nil or empty
// Weights means equal weights over the target's dimensions (the default).
// With explicit weights, a target dimension without a weight gets weight 0
// (it is still reported), and a weight for a dimension the target lacks is
// an error wrapping ErrDimension.
type Weights map[string]decimal.Decimal

// DimensionFit explains one dimension of a Fit. Fractions are rounded half
// away from zero to 16 places.
type DimensionFit struct {
	Dimension      string          `json:"dimension"`
	Weight         decimal.Decimal `json:"weight"`         // normalised: the weights of a report sum to 1 (up to last-place rounding)
	Match          decimal.Decimal `json:"match"`          // histogram intersection, see Match
	TotalVariation decimal.Decimal `json:"totalVariation"` // 1 − Match
	OnTarget       decimal.Decimal `json:"onTarget"`       // see OnTargetShare
	UnknownTarget  decimal.Decimal `json:"unknownTarget"`  // target's Unknown share
	UnknownActual  decimal.Decimal `json:"unknownActual"`  // audience's Unknown share
	Contribution   decimal.Decimal `json:"contribution"`   // Weight × Match: this dimension's part of the Score
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
// mean of the per-dimension Match, with a report per dimension. See Weights
// for the default (equal weights). Every weighted target dimension must be
// present in actual (ErrDimension); a target with no dimension is an error
// wrapping ErrZeroTotal.
func Fit(target, actual Demographics, weights Weights) (FitReport, error) {
	if len(target) == 0 {
		return FitReport{}, fmt.Errorf("audience: Fit: target: %w (no dimension)", ErrZeroTotal)
	}
	dims := make([]string, 0, len(target))
	for d := range target {
		if d == "" {
			return FitReport{}, fmt.Errorf("audience: Fit: target: dimension: %w (%q)", ErrCategory, d)
		}
		dims = append(dims, d)
	}
	slices.Sort(dims)
	w := make(map[string]decimal.Decimal, len(dims))
	total := decimal.Zero
	if len(weights) == 0 {
		for _, d := range dims {
			w[d] = decimal.NewFromInt(1)
		}
		total = decimal.NewFromInt(int64(len(dims)))
	} else {
		wk := make([]string, 0, len(weights))
		for d := range weights {
			wk = append(wk, d)
		}
		slices.Sort(wk)
		for _, d := range wk {
			v := weights[d]
			if _, ok := target[d]; !ok {
				return FitReport{}, fmt.Errorf("audience: Fit: weights[%q]: %w (target has no such dimension)", d, ErrDimension)
			}
			if v.Sign() < 0 {
				return FitReport{}, fmt.Errorf("audience: Fit: weights[%q]: %w (%s)", d, ErrNegative, v)
			}
			w[d] = v
			total = total.Add(v)
		}
		if total.Sign() == 0 {
			return FitReport{}, fmt.Errorf("audience: Fit: weights: %w (all weights are 0)", ErrZeroTotal)
		}
	}
	rep := FitReport{Dimensions: make([]DimensionFit, 0, len(dims))}
	score := decimal.Zero
	for _, d := range dims {
		wd, ok := w[d]
		if !ok {
			wd = decimal.Zero
		}
		fn := "Fit"
		p, err := check(fn, "target["+fmt.Sprintf("%q", d)+"]", target[d])
		if err != nil {
			return FitReport{}, err
		}
		a, present := actual[d]
		if !present {
			if wd.Sign() > 0 {
				return FitReport{}, fmt.Errorf("audience: Fit: actual[%q]: %w (dimension missing, weight %s)", d, ErrDimension, wd)
			}
			rep.Dimensions = append(rep.Dimensions, DimensionFit{
				Dimension: d, Weight: decimal.Zero, Match: decimal.Zero, TotalVariation: decimal.Zero,
				OnTarget: decimal.Zero, UnknownTarget: unknownOf(p), UnknownActual: decimal.Zero, Contribution: decimal.Zero,
			})
			continue
		}
		q, err := check(fn, "actual["+fmt.Sprintf("%q", d)+"]", a)
		if err != nil {
			return FitReport{}, err
		}
		m := matchOf(p, q)
		nw := exact.Div(wd, total)
		score = score.Add(wd.Mul(m))
		rep.Dimensions = append(rep.Dimensions, DimensionFit{
			Dimension:      d,
			Weight:         nw,
			Match:          m,
			TotalVariation: tvOf(p, q),
			OnTarget:       onTarget(p, q),
			UnknownTarget:  unknownOf(p),
			UnknownActual:  unknownOf(q),
			Contribution:   exact.Div(wd.Mul(m), total),
		})
	}
	rep.Score = exact.Div(score, total)
	return rep, nil
}

func unknownOf(d *dist) decimal.Decimal {
	return exact.Div(d.unknown, d.unknown.Add(d.known))
}

// Interval is an estimate with a two-sided confidence interval, as
// fractions rounded half away from zero to 16 places.
type Interval struct {
	Estimate decimal.Decimal `json:"estimate"`
	Low      decimal.Decimal `json:"low"`
	High     decimal.Decimal `json:"high"`
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
// rough guide there. sampleSize < 1 or z <= 0 is an error wrapping
// ErrSampleSize. Square roots at 256-bit precision.
func OnTargetInterval(target, actual Distribution, sampleSize int64, z decimal.Decimal) (Interval, error) {
	if sampleSize < 1 {
		return Interval{}, fmt.Errorf("audience: OnTargetInterval: sampleSize: %w (%d)", ErrSampleSize, sampleSize)
	}
	if z.Sign() <= 0 {
		return Interval{}, fmt.Errorf("audience: OnTargetInterval: z: %w (%s)", ErrSampleSize, z)
	}
	p, q, err := pair("OnTargetInterval", target, actual)
	if err != nil {
		return Interval{}, err
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
	return Interval{Estimate: exact.Div(num, den), Low: fromBig(lo), High: fromBig(hi)}, nil
}
