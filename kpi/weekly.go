package kpi

import (
	"errors"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
)

// MaxWeeks bounds the length of a weekly series (about 190 years).
const MaxWeeks = 10_000

// Week is one ISO 8601 week of a weekly series.
type Week struct {
	Year   int       `json:"year"`   // ISO 8601 week-numbering year
	Week   int       `json:"week"`   // ISO 8601 week number (1–53)
	Start  time.Time `json:"start"`  // Monday 00:00 of the week in the series' location
	Totals Totals    `json:"totals"` // counts of the week's posts

	// Rate is the formula's rate over the week's posts; Rated is false (and
	// Rate zero) when the week has no post reporting the counts it needs.
	Rate  decimal.Decimal `json:"rate"`
	Rated bool            `json:"rated"`

	// Change is Rate minus the previous week's Rate (a difference of
	// fractions: 0.002 is 0.2 percentage points) and Growth is Change
	// divided by the previous Rate (16 places, half away from zero).
	// HasChange is false when either week is not rated; Growth is also
	// left zero when the previous Rate is zero.
	Change    decimal.Decimal `json:"change"`
	Growth    decimal.Decimal `json:"growth"`
	HasChange bool            `json:"has_change"`
}

// Weekly buckets posts by the ISO 8601 week (weeks start on Monday) of
// their PublishedAt in loc and returns every week from the first post's to
// the last post's, empty weeks included, with the totals, the rate under f
// and the change from the week before.
//
// A week is not rated (Rated false) when none of its posts reports the
// counts f needs, or, for PooledRate, when its base totals zero (new posts
// with no views yet).
//
// Errors: nil loc or an invalid formula (ErrInvalid), no posts (ErrEmpty),
// more than MaxWeeks weeks (ErrTooLarge), and the other errors of Sum and
// Formula.Rate over the posts (a negative count, a post contradicting its
// Hidden set; for MeanOfRates and MedianRate a post whose base is 0),
// naming the post's index in posts.
func Weekly(posts []Post, f Formula, loc *time.Location) ([]Week, error) {
	const fn = "kpi.Weekly"
	if loc == nil {
		return nil, errs.New(ErrInvalid, fn, "loc", "nil", errs.None)
	}
	if err := f.validate(fn); err != nil {
		return nil, err
	}
	if len(posts) == 0 {
		return nil, errs.New(ErrEmpty, fn, "posts", "no posts", errs.None)
	}
	// Validate once over all posts so that an error names the index in posts.
	if _, err := sum(fn, posts); err != nil {
		return nil, err
	}
	if _, err := f.measure(fn, posts); err != nil && !undefinedRate(f, err) {
		return nil, err
	}
	first, last := posts[0].PublishedAt, posts[0].PublishedAt
	for _, p := range posts[1:] {
		if p.PublishedAt.Before(first) {
			first = p.PublishedAt
		}
		if p.PublishedAt.After(last) {
			last = p.PublishedAt
		}
	}
	start, end := weekStart(first, loc), weekStart(last, loc)
	// Sub saturates at about 292 years, far above MaxWeeks weeks.
	if n := end.Sub(start) / (7 * 24 * time.Hour); n >= MaxWeeks {
		return nil, errs.New(ErrTooLarge, fn, "posts", "more than MaxWeeks ("+strconv.Itoa(MaxWeeks)+
			") weeks from the first post, "+first.Format(time.RFC3339)+", to the last", last.Format(time.RFC3339))
	}
	type key struct{ y, w int }
	var weeks []Week
	index := map[key]int{}
	// Step from noon to noon so that a DST change never skips a day.
	for noon := start.Add(12 * time.Hour); !weekStart(noon, loc).After(end); noon = noon.AddDate(0, 0, 7) {
		s := weekStart(noon, loc)
		y, w := noon.ISOWeek()
		index[key{y, w}] = len(weeks)
		weeks = append(weeks, Week{Year: y, Week: w, Start: s})
	}
	buckets := make([][]Post, len(weeks))
	for _, p := range posts {
		y, w := p.PublishedAt.In(loc).ISOWeek()
		i := index[key{y, w}]
		buckets[i] = append(buckets[i], p)
	}
	for i := range weeks {
		w := &weeks[i]
		t, err := sum(fn, buckets[i])
		if err != nil {
			return nil, err
		}
		w.Totals = t
		if len(buckets[i]) > 0 {
			r, err := f.measure(fn, buckets[i])
			switch {
			case err == nil:
				w.Rate, w.Rated = r.Rate, true
			case !undefinedRate(f, err):
				return nil, err
			}
		}
		if i > 0 && w.Rated && weeks[i-1].Rated {
			prev := weeks[i-1].Rate
			w.Change, w.HasChange = w.Rate.Sub(prev), true
			if !prev.IsZero() {
				w.Growth = exact.Div(w.Change, prev)
			}
		}
	}
	return weeks, nil
}

// undefinedRate reports whether err only says that a week has no rate: no
// post reports the counts f needs, or a pooled base totals zero.
func undefinedRate(f Formula, err error) bool {
	return errors.Is(err, ErrEmpty) || (f.Average == PooledRate && errors.Is(err, ErrNonPositive))
}

// weekStart returns Monday 00:00 in loc of the week holding t.
func weekStart(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	back := (int(t.Weekday()) + 6) % 7 // days since Monday
	y, m, d := t.Date()
	return time.Date(y, m, d-back, 0, 0, 0, 0, loc)
}
