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

// recordValues are a profile's Record and Activity values in float64,
// read once by checkRecord; ok[k] is false for a value the profile does
// not have.
type recordValues struct {
	v  [numRecordValues]float64
	ok [numRecordValues]bool
}

// The values of recordValues.
const (
	valOnTime = iota
	valDelay
	valROAS
	valCPA
	valPerWeek
	valRegularity
	numRecordValues
)

// checkRecord reads p's Record and Activity values into rv, refusing one a
// score cannot read: a decimal beyond the module's limit (ErrTooLarge), an
// on-time rate above 1 or a value outside float64's range (ErrInvalid), a
// negative delay, ROAS, CPA, frequency or regularity (ErrNegative). It
// allocates nothing unless it fails: Rank checks a million profiles.
func checkRecord(fn string, i int, p *Profile, rv *recordValues) error {
	type value struct {
		slot int
		name string
		k    int // the point's index in ROAS or CPA; -1 for a field
		v    decimal.NullDecimal
	}
	var vals [numRecordValues]value
	n := 0
	if h := p.Record; h != nil {
		vals[0], vals[1] = value{valOnTime, ".Record.OnTimeRate", -1, h.OnTimeRate}, value{valDelay, ".Record.MeanDelay", -1, h.MeanDelay}
		n = 2
		if k := len(h.ROAS) - 1; k >= 0 {
			vals[n] = value{valROAS, ".Record.ROAS", k, decimal.NewNullDecimal(h.ROAS[k].Value)}
			n++
		}
		if k := len(h.CPA) - 1; k >= 0 {
			vals[n] = value{valCPA, ".Record.CPA", k, decimal.NewNullDecimal(h.CPA[k].Value)}
			n++
		}
	}
	if a := p.Activity; a != nil {
		vals[n] = value{valPerWeek, ".Activity.PostsPerWeek", -1, decimal.NewNullDecimal(a.PostsPerWeek)}
		vals[n+1] = value{valRegularity, ".Activity.Regularity", -1, a.Regularity}
		n += 2
	}
	for _, x := range vals[:n] {
		if !x.v.Valid {
			continue
		}
		f, err := recordFloat(fn, i, x.name, x.k, x.v.Decimal, x.slot == valOnTime)
		if err != nil {
			return err
		}
		rv.v[x.slot], rv.ok[x.slot] = f, true
	}
	return nil
}

// recordFloat checks one value of checkRecord and returns it in float64;
// the field's path ("profiles[3].Record.ROAS[1].Value" for a point k ≥ 0)
// is built only for an error. A value of at most 15 digits and an exponent
// within ±22 (every rate and ROAS in practice) converts exactly, without
// the module's limit check, which it cannot fail.
func recordFloat(fn string, i int, name string, k int, d decimal.Decimal, unit bool) (float64, error) {
	field := func() string {
		if k >= 0 {
			return fmt.Sprintf("%s%s[%d].Value", errs.Index("profiles", i), name, k)
		}
		return errs.Index("profiles", i) + name
	}
	small := false
	if e := d.Exponent(); e >= -22 && e <= 22 {
		small = smallDecimal(d) && d.NumDigits() <= 15 // NumDigits alone builds 10^n for n digits
	}
	if !small {
		if err := limit.Decimal(fn, field(), d); err != nil {
			return 0, err
		}
	}
	if d.Sign() < 0 {
		return 0, errs.New(ErrNegative, fn, field(), "", d)
	}
	f := fastFloat(d)
	if math.IsInf(f, 0) || (f == 0 && !d.IsZero()) {
		return 0, errs.New(ErrInvalid, fn, field(), "outside float64 range", d)
	}
	if unit && f >= 1 && d.GreaterThan(decimal.NewFromInt(1)) {
		return 0, errs.New(ErrInvalid, fn, field(), "above 1", d)
	}
	return f, nil
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

// setRecordScores sets Reliability and Activity from the values
// checkRecord read, and f.past: the profile's PastPerformance value, or −1
// when it has none (its score needs the median of all, like
// CostEfficiency's).
func (r *ranker) setRecordScores(f *features) {
	rv := &f.rec
	f.past = -1
	if rv.ok[valOnTime] {
		s := rv.v[valOnTime]
		if rv.ok[valDelay] {
			s = s/2 + r.delayScale/(r.delayScale+rv.v[valDelay])/2
		}
		f.s[Reliability], f.ok[Reliability] = s, true
	}
	past := valROAS
	if r.c.PastMeasure == PastCPA {
		past = valCPA
	}
	if rv.ok[past] {
		f.past = rv.v[past]
	}
	if rv.ok[valPerWeek] {
		s := r.frequencyScore(rv.v[valPerWeek])
		if rv.ok[valRegularity] {
			s = s/2 + 1/(1+rv.v[valRegularity])/2
		}
		f.s[Activity], f.ok[Activity] = s, true
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
