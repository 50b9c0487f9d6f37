package roi

import (
	"math"
	"math/big"
	"strconv"
	"time"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/shopspring/decimal"
)

// Touch is one contact of a customer with a channel at a point in time.
type Touch struct {
	Channel string    `json:"channel"`
	At      time.Time `json:"at"`
}

// Journey is a customer-journey pattern whose touches carry times: the
// touches in time order, when the journey converted, how many journeys
// converted (worth Value together) and how many did not (Nulls).
// ConvertedAt is needed only when Conversions > 0 and the model is a
// [TimeDecay].
type Journey struct {
	Touches     []Touch         `json:"touches"`
	ConvertedAt time.Time       `json:"converted_at"`
	Conversions int64           `json:"conversions"`
	Value       decimal.Decimal `json:"value"`
	Nulls       int64           `json:"nulls"`
}

// AttributeJourneys is [Attribute] for journeys that carry touch times: it
// accepts every model Attribute does (they ignore the times) and
// [TimeDecay]. Touches must be in non-decreasing time order, and for a
// time-decay model no touch of a converting journey may come after
// ConvertedAt ([ErrInvalid]). Credits sum exactly to the totals, rounded as
// Attribute documents.
func AttributeJourneys(journeys []Journey, model Model) (map[string]Credit, error) {
	const fn = "roi.AttributeJourneys"
	if err := validateModel(fn, model); err != nil {
		return nil, err
	}
	paths := make([]Path, len(journeys))
	for i, j := range journeys {
		chans := make([]string, len(j.Touches))
		for k, t := range j.Touches {
			chans[k] = t.Channel
			if k > 0 && t.At.Before(j.Touches[k-1].At) {
				return nil, errs.New(ErrInvalid, fn, journeyField(i, k, "At"), "before the previous touch", t.At.Format(time.RFC3339Nano))
			}
		}
		paths[i] = Path{Channels: chans, Conversions: j.Conversions, Value: j.Value, Nulls: j.Nulls}
	}
	pp, err := prepare(fn, "journeys", paths)
	if err != nil {
		return nil, err
	}
	td, ok := model.(TimeDecay)
	if !ok {
		return pp.attribute(fn, model)
	}
	nch := len(pp.names)
	convW := make([]decimal.Decimal, nch)
	valW := make([]decimal.Decimal, nch)
	h := td.halfLife().Seconds()
	for i, j := range journeys {
		if j.Conversions == 0 {
			continue
		}
		if j.ConvertedAt.IsZero() {
			return nil, errs.New(ErrInvalid, fn, "journeys["+strconv.Itoa(i)+"].ConvertedAt", "zero time with conversions", errs.None)
		}
		// 2^(−Δₖ/h) relative to the latest touch (touches are in time
		// order): 2^(−(last − tₖ)/h), in [0, 1]. The conversion time
		// cancels out.
		last := j.Touches[len(j.Touches)-1].At
		ds := make([]float64, len(j.Touches))
		var sum float64
		for k, t := range j.Touches {
			if t.At.After(j.ConvertedAt) {
				return nil, errs.New(ErrInvalid, fn, journeyField(i, k, "At"), "after ConvertedAt "+j.ConvertedAt.Format(time.RFC3339Nano), t.At.Format(time.RFC3339Nano))
			}
			ds[k] = math.Exp2(-gapSeconds(last, t.At) / h)
			sum += ds[k]
		}
		conv := decimal.NewFromInt(j.Conversions)
		for k, t := range j.Touches {
			share := decimal.NewFromFloat(ds[k] / sum).Round(20)
			c := pp.index[t.Channel]
			convW[c] = convW[c].Add(conv.Mul(share))
			valW[c] = valW[c].Add(j.Value.Mul(share))
		}
	}
	cw := make([]*big.Rat, nch)
	vw := make([]*big.Rat, nch)
	for c := range nch {
		cw[c], vw[c] = convW[c].Rat(), valW[c].Rat()
	}
	return pp.credits(fn, intWeights(cw), intWeights(vw))
}

// gapSeconds returns last − t in seconds, at least 0 (t is not after
// last). time.Sub is exact to the nanosecond but saturates at 292 years;
// beyond, the difference is taken in float64 seconds, whose rounding
// (about 1 µs per 292 years of distance from 1970) is negligible there. The
// floor at 0 keeps a weight within [0, 1]: in float64, two times 1 ns apart
// in the year 146 billion differed by −0.999999999 s, and with a 1 ns
// half-life the weight became +Inf and the share NaN (a panic in
// decimal.NewFromFloat).
func gapSeconds(last, t time.Time) float64 {
	if d := last.Sub(t); d < math.MaxInt64 {
		return max(d.Seconds(), 0)
	}
	gap := float64(last.Unix()) - float64(t.Unix()) + float64(last.Nanosecond()-t.Nanosecond())/1e9
	return max(gap, 0)
}

func journeyField(i, k int, field string) string {
	return "journeys[" + strconv.Itoa(i) + "].Touches[" + strconv.Itoa(k) + "]." + field
}
