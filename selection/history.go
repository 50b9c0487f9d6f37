package selection

import (
	"fmt"
	"math"

	"github.com/influencekit/influencekit/collab"
	"github.com/influencekit/influencekit/internal/enum"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// PastMeasure is what the PastPerformance criterion compares. Its zero
// value is PastROAS.
type PastMeasure uint8

// The measures of PastPerformance.
const (
	PastROAS PastMeasure = iota // revenue / cost: higher is better
	PastCPA                     // cost per acquisition: lower is better
)

var pastMeasureText = enum.New[PastMeasure]("selection.PastMeasure", ErrInvalid, "roas", "cpa")

// String returns "roas" or "cpa"; another value prints as "PastMeasure(N)".
func (m PastMeasure) String() string { return pastMeasureText.String(m) }

// MarshalText implements encoding.TextMarshaler.
func (m PastMeasure) MarshalText() ([]byte, error) { return pastMeasureText.Marshal(m) }

// UnmarshalText reads the names String returns, ignoring case and
// surrounding spaces.
func (m *PastMeasure) UnmarshalText(b []byte) error { return pastMeasureText.Unmarshal(m, b) }

// recordDefaults sets the defaults of the record and activity fields.
func (c Criteria) recordDefaults() Criteria {
	if c.DelayScale.IsZero() {
		c.DelayScale = decimal.NewFromInt(7)
	}
	if c.MinPostsPerWeek.IsZero() {
		c.MinPostsPerWeek = decimal.NewFromInt(2)
	}
	if c.MaxPostsPerWeek.IsZero() {
		c.MaxPostsPerWeek = decimal.NewFromInt(5)
	}
	return c
}

// validateRecord refuses a DelayScale or band bound that is not positive
// or outside float64's range, a band whose Min is above its Max, and a
// PastMeasure out of range.
func (c Criteria) validateRecord(fn string) error {
	for _, f := range []struct {
		name string
		v    decimal.Decimal
	}{{"DelayScale", c.DelayScale}, {"MinPostsPerWeek", c.MinPostsPerWeek}, {"MaxPostsPerWeek", c.MaxPostsPerWeek}} {
		if f.v.Sign() <= 0 {
			return errs.New(ErrNonPositive, fn, f.name, "", f.v)
		}
		if !floatable(f.v) {
			return errs.New(ErrInvalid, fn, f.name, "outside float64 range", f.v)
		}
	}
	if c.MinPostsPerWeek.GreaterThan(c.MaxPostsPerWeek) {
		return errs.New(ErrInvalid, fn, "MinPostsPerWeek", "above MaxPostsPerWeek "+errs.Format(c.MaxPostsPerWeek), c.MinPostsPerWeek)
	}
	if c.PastMeasure > PastCPA {
		return errs.New(ErrInvalid, fn, "PastMeasure", "unknown measure", int(c.PastMeasure))
	}
	return nil
}

// checkRecord refuses a Record or Activity value a score cannot read: a
// decimal beyond the module's limit (ErrTooLarge), an on-time rate outside
// [0, 1] or a value outside float64's range (ErrInvalid), a negative
// delay, ROAS, CPA, frequency or regularity (ErrNegative). It allocates
// nothing unless it fails: Rank checks a million profiles.
func checkRecord(fn string, i int, p *Profile) error {
	if h := p.Record; h != nil {
		if err := checkValue(fn, i, ".Record.OnTimeRate", -1, h.OnTimeRate, true); err != nil {
			return err
		}
		if err := checkValue(fn, i, ".Record.MeanDelay", -1, h.MeanDelay, false); err != nil {
			return err
		}
		if n := len(h.ROAS); n > 0 {
			if err := checkValue(fn, i, ".Record.ROAS", n-1, decimal.NewNullDecimal(h.ROAS[n-1].Value), false); err != nil {
				return err
			}
		}
		if n := len(h.CPA); n > 0 {
			if err := checkValue(fn, i, ".Record.CPA", n-1, decimal.NewNullDecimal(h.CPA[n-1].Value), false); err != nil {
				return err
			}
		}
	}
	if a := p.Activity; a != nil {
		if err := checkValue(fn, i, ".Activity.PostsPerWeek", -1, decimal.NewNullDecimal(a.PostsPerWeek), false); err != nil {
			return err
		}
		if err := checkValue(fn, i, ".Activity.Regularity", -1, a.Regularity, false); err != nil {
			return err
		}
	}
	return nil
}

// checkValue checks one value of checkRecord; the field's path
// ("profiles[3].Record.ROAS[1].Value" for a point k ≥ 0) is built only
// for an error.
func checkValue(fn string, i int, name string, k int, v decimal.NullDecimal, unit bool) error {
	if !v.Valid {
		return nil
	}
	d := v.Decimal
	field := func() string {
		if k >= 0 {
			return fmt.Sprintf("%s%s[%d].Value", errs.Index("profiles", i), name, k)
		}
		return errs.Index("profiles", i) + name
	}
	if !smallDecimal(d) { // d.NumDigits alone computes 10^n for n digits
		if err := limit.Decimal(fn, field(), d); err != nil {
			return err
		}
	}
	if d.Sign() < 0 {
		return errs.New(ErrNegative, fn, field(), "", d)
	}
	f := fastFloat(d)
	if math.IsInf(f, 0) || (f == 0 && !d.IsZero()) {
		return errs.New(ErrInvalid, fn, field(), "outside float64 range", d)
	}
	if unit && f >= 1 && d.GreaterThan(decimal.NewFromInt(1)) {
		return errs.New(ErrInvalid, fn, field(), "above 1", d)
	}
	return nil
}

// lastPoint returns the value of the latest measured campaign of the
// measure, and its campaign; false when none was measured.
func (r *ranker) lastPoint(h *collab.History) (collab.Point, bool) {
	pts := h.ROAS
	if r.c.PastMeasure == PastCPA {
		pts = h.CPA
	}
	if len(pts) == 0 {
		return collab.Point{}, false
	}
	return pts[len(pts)-1], true
}

// setRecordScores sets Reliability and Activity, and f.past: the
// profile's PastPerformance value, or −1 when it has none (its score needs
// the median of all, like CostEfficiency's).
func (r *ranker) setRecordScores(p *Profile, f *features) {
	f.past = -1
	if h := p.Record; h != nil {
		if h.OnTimeRate.Valid {
			o := fastFloat(h.OnTimeRate.Decimal)
			s := o
			if h.MeanDelay.Valid {
				d := fastFloat(h.MeanDelay.Decimal)
				s = o/2 + r.delayScale/(r.delayScale+d)/2
			}
			f.s[Reliability], f.ok[Reliability] = s, true
		}
		if pt, ok := r.lastPoint(h); ok {
			f.past = fastFloat(pt.Value)
		}
	}
	if a := p.Activity; a != nil {
		f.s[Activity], f.ok[Activity] = r.activityScore(a.PostsPerWeek, a.Regularity)
	}
}

// frequencyScore is the frequency part of Activity (see above).
func (r *ranker) frequencyScore(perWeek float64) float64 {
	switch {
	case perWeek < r.minPW:
		return perWeek / r.minPW
	case perWeek > r.maxPW:
		return r.maxPW / perWeek
	}
	return 1
}

// activityScore is the Activity score; it is always defined.
func (r *ranker) activityScore(perWeek decimal.Decimal, regularity decimal.NullDecimal) (float64, bool) {
	s := r.frequencyScore(fastFloat(perWeek))
	if regularity.Valid {
		s = s/2 + 1/(1+fastFloat(regularity.Decimal))/2
	}
	return s, true
}

// pastScore is the PastPerformance score of value x against the median m
// (m > 0).
func (r *ranker) pastScore(x float64) float64 {
	if r.c.PastMeasure == PastCPA {
		return r.medPast / (x + r.medPast)
	}
	return x / (x + r.medPast)
}

// medianPast returns the median PastPerformance value of the profiles
// that passed with one (past ≥ 0), 0 when none has one.
func medianPast(passed []ranked) float64 {
	vals := make([]float64, 0, 16)
	for _, p := range passed {
		if p.past >= 0 {
			vals = append(vals, p.past)
		}
	}
	return medianOf(vals)
}

// recordReason explains the record and activity criteria.
func (r *ranker) recordReason(cr Criterion, p *Profile, f *features) string {
	h, a := p.Record, p.Activity
	switch cr {
	case Reliability:
		switch {
		case h == nil:
			return "no history: left out of the score"
		case !f.ok[cr]:
			return "no deliverable delivered in its history: left out of the score"
		}
		d := h.Delivery
		if !h.MeanDelay.Valid {
			return fmt.Sprintf("on time %d of %d delivered", d.OnTime, d.OnTime+d.Late)
		}
		return fmt.Sprintf("on time %d of %d delivered, mean delay %s days: ½·on-time share + ½·%s/(%s + delay)",
			d.OnTime, d.OnTime+d.Late, h.MeanDelay.Decimal.Round(2), r.c.DelayScale, r.c.DelayScale)
	case PastPerformance:
		return r.pastReason(h, f)
	case Activity:
		if a == nil {
			return "no posting activity measured: left out of the score"
		}
		s := fmt.Sprintf("%s posts a week (band %s–%s: %.3g)", a.PostsPerWeek.Round(2), r.c.MinPostsPerWeek, r.c.MaxPostsPerWeek,
			r.frequencyScore(fastFloat(a.PostsPerWeek)))
		if !a.Regularity.Valid {
			return s + ", regularity unknown (fewer than three posts): frequency alone"
		}
		return s + fmt.Sprintf(", gaps' CV %s (1/(1 + CV) = %.3g): the mean of the two", a.Regularity.Decimal.Round(2),
			1/(1+fastFloat(a.Regularity.Decimal)))
	}
	return ""
}

// pastReason explains PastPerformance.
func (r *ranker) pastReason(h *collab.History, f *features) string {
	name := "ROAS"
	if r.c.PastMeasure == PastCPA {
		name = "CPA"
	}
	if h == nil {
		return "no history: left out of the score"
	}
	pt, ok := r.lastPoint(h)
	switch {
	case !ok:
		return "no " + name + " measured in its history: left out of the score"
	case !f.ok[PastPerformance]:
		return "median " + name + " of the ranked profiles is 0: left out of the score"
	}
	form := "x/(x + m)"
	if r.c.PastMeasure == PastCPA {
		form = "m/(x + m), lower is better"
	}
	return fmt.Sprintf("%s %s in %s vs median %.4g of the ranked profiles with one, scored %s", name, pt.Value.Round(2), pt.Campaign, r.medPast, form)
}
