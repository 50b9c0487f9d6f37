package kpi

import (
	"math"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
)

// Target is a SMART goal: a specific metric, a measurable Goal, a time frame
// [Start, Deadline). The goal is "reach at least Goal by Deadline"; the
// straight line from 0 at Start to Goal at Deadline is the expected pace.
type Target struct {
	Metric   string          `json:"metric"` // what is measured, e.g. "engagements" or "sign-ups"; free text
	Goal     decimal.Decimal `json:"goal"`   // the value to reach; must be positive
	Start    time.Time       `json:"start"`
	Deadline time.Time       `json:"deadline"` // must be after Start
}

// Validate reports an error when Goal is not positive (ErrNonPositive) or
// beyond the library's decimal limits (an exponent beyond ±1000 or more
// than 1000 digits: ErrTooLarge), Deadline is not after Start (ErrInvalid)
// or the time frame is longer than 292 years, the range of a time.Duration
// (ErrTooLarge).
func (t Target) Validate() error { return t.validate("kpi.Target.Validate") }

func (t Target) validate(fn string) error {
	if err := limit.Decimal(fn, "Goal", t.Goal); err != nil {
		return err
	}
	if !t.Goal.IsPositive() {
		return errs.New(ErrNonPositive, fn, "Goal", "", t.Goal)
	}
	if !t.Deadline.After(t.Start) {
		return errs.New(ErrInvalid, fn, "Deadline", "not after Start "+t.Start.Format(time.RFC3339), t.Deadline.Format(time.RFC3339))
	}
	if d := t.Deadline.Sub(t.Start); d == time.Duration(math.MaxInt64) {
		return errs.New(ErrTooLarge, fn, "Deadline", "more than 292 years after Start "+t.Start.Format(time.RFC3339), t.Deadline.Format(time.RFC3339))
	}
	return nil
}

// Progress is where a Target stands at a given time. Every decimal is
// exact or rounded half away from zero to 16 places.
type Progress struct {
	Achieved decimal.Decimal `json:"achieved"` // the value given to Target.Progress
	Fraction decimal.Decimal `json:"fraction"` // Achieved / Goal
	// Elapsed is the share of [Start, Deadline) gone by at now, clamped to
	// [0, 1]; Expected is Goal × Elapsed, the straight-line pace.
	Elapsed  decimal.Decimal `json:"elapsed"`
	Expected decimal.Decimal `json:"expected"`
	OnTrack  bool            `json:"on_track"` // Achieved >= Expected
	Done     bool            `json:"done"`     // Achieved >= Goal
	Overdue  bool            `json:"overdue"`  // now >= Deadline and not Done
	// Remaining is max(Goal − Achieved, 0).
	Remaining decimal.Decimal `json:"remaining"`
	// RunRate is Achieved per day since Start (zero before any time
	// elapsed). NeededPerDay is Remaining per day left until Deadline: the
	// pace that finishes on time; zero when Done or Overdue.
	RunRate      decimal.Decimal `json:"run_rate"`
	NeededPerDay decimal.Decimal `json:"needed_per_day"`
}

// nsPerDay is the length of a day in nanoseconds: rates per day count 24-hour
// days of elapsed time.
const nsPerDay = int64(24 * time.Hour)

// Progress returns the progress of t at now given the value achieved so far.
// An invalid target fails as Validate; achieved beyond the decimal limits
// (an exponent beyond ±1000 or more than 1000 digits) wraps ErrTooLarge,
// checked before any arithmetic, so that every call costs microseconds; a
// zero achieved counts as 0 whatever its exponent.
func (t Target) Progress(achieved decimal.Decimal, now time.Time) (Progress, error) {
	const fn = "kpi.Target.Progress"
	if err := t.validate(fn); err != nil {
		return Progress{}, err
	}
	achieved, err := checkDecimal(fn, "achieved", achieved)
	if err != nil {
		return Progress{}, err
	}
	total := t.Deadline.Sub(t.Start) // saturates at ±292 years: still exact for any real campaign
	elapsed := now.Sub(t.Start)
	elapsed = max(0, min(elapsed, total))
	left := total - elapsed
	p := Progress{Achieved: achieved, Fraction: exact.Div(achieved, t.Goal)}
	p.Elapsed = exact.Ratio(int64(elapsed), int64(total))
	p.Expected = exact.Div(t.Goal.Mul(decimal.NewFromInt(int64(elapsed))), decimal.NewFromInt(int64(total)))
	p.OnTrack = achieved.GreaterThanOrEqual(p.Expected)
	p.Done = achieved.GreaterThanOrEqual(t.Goal)
	p.Overdue = !p.Done && !now.Before(t.Deadline)
	p.Remaining = decimal.Max(t.Goal.Sub(achieved), decimal.Zero)
	day := decimal.NewFromInt(nsPerDay)
	if elapsed > 0 {
		p.RunRate = exact.Div(achieved.Mul(day), decimal.NewFromInt(int64(elapsed)))
	}
	if !p.Done && left > 0 {
		p.NeededPerDay = exact.Div(p.Remaining.Mul(day), decimal.NewFromInt(int64(left)))
	}
	return p, nil
}
