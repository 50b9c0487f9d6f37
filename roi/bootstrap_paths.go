package roi

import (
	"slices"

	"github.com/influencekit/influencekit/internal/exact"
	"github.com/shopspring/decimal"
)

// CreditInterval holds a channel's bootstrap intervals of its credited
// conversions and value.
type CreditInterval struct {
	Conversions Interval `json:"conversions"`
	Value       Interval `json:"value"`
}

// AttributionBootstrap is the result of [BootstrapAttribution].
type AttributionBootstrap struct {
	Confidence decimal.Decimal           `json:"confidence"`
	Resamples  int                       `json:"resamples"`
	Credits    map[string]CreditInterval `json:"credits"` // every channel of the paths
}

// BootstrapAttribution returns percentile bootstrap intervals ([Bootstrap])
// of each channel's credit under [Attribute](paths, model). The units
// resampled are the journeys: a path stands for Conversions converting and
// Nulls non-converting journeys, and each resample draws as many journeys
// as there are, with replacement; a path drawn m of its Conversions times
// is worth Value × m / Conversions (rounded half away from zero to 16
// places when that does not terminate). Every path is kept in every
// resample, with its drawn counts, so every channel has an interval.
//
// Errors: those of Attribute on paths; a bad b ([Bootstrap.Validate]);
// resamples × journeys beyond [MaxBootstrapDraws] ([ErrTooLarge]). Work is
// resamples × (journeys draws + one Attribute).
func BootstrapAttribution(paths []Path, model Model, b Bootstrap) (AttributionBootstrap, error) {
	const fn = "roi.BootstrapAttribution"
	if _, err := attribute(fn, paths, model); err != nil {
		return AttributionBootstrap{}, err
	}
	var journeys int64
	cum := make([]int64, len(paths)) // cum[i]: journeys of paths[:i+1]
	for i, p := range paths {
		journeys += p.Conversions + p.Nulls // Attribute checked the sum fits
		cum[i] = journeys
	}
	if err := b.validate(fn, journeys); err != nil {
		return AttributionBootstrap{}, err
	}
	B := b.resamples()
	conv, val := map[string][]decimal.Decimal{}, map[string][]decimal.Decimal{}
	drawnC, drawnN := make([]int64, len(paths)), make([]int64, len(paths))
	rs := make([]Path, len(paths))
	for range B {
		clear(drawnC)
		clear(drawnN)
		for range journeys {
			x := b.Rand.Int64N(journeys)
			i, _ := slices.BinarySearch(cum, x+1) // the first path with cum ≥ x+1
			if x-(cum[i]-paths[i].Conversions-paths[i].Nulls) < paths[i].Conversions {
				drawnC[i]++
			} else {
				drawnN[i]++
			}
		}
		for i, p := range paths {
			rs[i] = Path{Channels: p.Channels, Conversions: drawnC[i], Nulls: drawnN[i], Value: decimal.Zero}
			if drawnC[i] > 0 && !p.Value.IsZero() {
				rs[i].Value = exact.Div(p.Value.Mul(decimal.NewFromInt(drawnC[i])), decimal.NewFromInt(p.Conversions))
			}
		}
		cr, err := attribute(fn, rs, model)
		if err != nil {
			return AttributionBootstrap{}, err
		}
		for ch, c := range cr {
			conv[ch] = append(conv[ch], c.Conversions)
			val[ch] = append(val[ch], c.Value)
		}
	}
	out := AttributionBootstrap{Confidence: b.confidence(), Resamples: B, Credits: make(map[string]CreditInterval, len(conv))}
	for ch := range conv {
		var ci CreditInterval
		ci.Conversions.Low, ci.Conversions.High = b.percentile(conv[ch])
		ci.Value.Low, ci.Value.High = b.percentile(val[ch])
		out.Credits[ch] = ci
	}
	return out, nil
}
