package collab

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/errs"
)

// Status is where one deliverable stands as of a date.
type Status struct {
	Deliverable string    `json:"deliverable"` // its ID
	Creator     string    `json:"creator"`
	State       State     `json:"state"`
	Due         time.Time `json:"due"`
	// Published is how many pieces went live before asof (Published
	// events), of Count owed.
	Published int `json:"published"`
	Count     int `json:"count"`
	// DeliveredAt is when the last owed piece went live; zero (absent
	// from JSON) if not delivered.
	DeliveredAt time.Time `json:"delivered_at,omitzero"`
	// DaysLate is, for StateLate, ⌊(DeliveredAt − Due) / 24 h⌋ + 1, and for
	// StateOverdue ⌊(asof − Due) / 24 h⌋ + 1: a piece due before 10 May
	// 00:00 and published on 10 May at 09:00 is 1 day late. 0 otherwise.
	DaysLate int `json:"days_late"`
	// DaysLeft is, for StateOpen, ⌈(Due − asof) / 24 h⌉: the days left
	// before the deadline, a part day counting as one (1 on the last day).
	// 0 otherwise.
	DaysLeft int `json:"days_left"`
	// Rounds is the number of drafts submitted: 1 when the first draft was
	// approved, 2 after one round of changes.
	Rounds int `json:"rounds"`
	// Steps are the turnarounds between consecutive events, in order.
	Steps []Step `json:"steps"`
}

// Step is the time from one event to the next of the same deliverable.
type Step struct {
	From Action `json:"from"`
	To   Action `json:"to"`
	// Days is (To's time − From's time) / 24 h, exact to 16 places.
	Days decimal.Decimal `json:"days"`
}

const day = 24 * time.Hour

// Statuses returns the status of every deliverable as of asof, in the order
// of ds. Only events before asof count (the range is half-open); an event
// at or after asof has not happened yet. Events of one deliverable are
// taken in time order (ties in input order).
//
// Only events count as publications: a post that MatchPosts found by its
// window counts once its event is added (Matching.Events makes them).
//
// A deliverable is delivered when its Count-th Published event happens; it
// is then StateOnTime if that is before Due and StateLate otherwise. A
// Cancelled event before delivery makes it StateCancelled; after delivery
// it changes nothing. Otherwise it is StateOverdue once asof ≥ Due, and
// StateOpen before.
//
// Errors: a zero asof (ErrInvalid: every deliverable would read as open);
// a deliverable that Validate refuses (field "ds[i].…"), two
// deliverables with one ID (ErrDuplicate), an event naming no deliverable
// of ds, with a zero time or an unknown action (ErrInvalid, field
// "events[i].…"), and any event after a cancellation (ErrInvalid: a
// cancelled deliverable has no later steps). An asof or a time outside
// MinYear…MaxYear is ErrTooLarge.
func Statuses(ds []Deliverable, events []Event, asof time.Time) ([]Status, error) {
	const fn = "collab.Statuses"
	if asof.IsZero() {
		return nil, errs.New(ErrInvalid, fn, "asof", "zero time: nothing would have happened yet", errs.None)
	}
	if err := checkTime(fn, "asof", asof); err != nil {
		return nil, err
	}
	idx, err := index(fn, ds)
	if err != nil {
		return nil, err
	}
	by, err := groupEvents(fn, idx, events, asof)
	if err != nil {
		return nil, err
	}
	out := make([]Status, len(ds))
	for i := range ds {
		st, err := status(fn, &ds[i], events, by[i], asof)
		if err != nil {
			return nil, err
		}
		out[i] = st
	}
	return out, nil
}

// index validates ds and maps each ID to its position.
func index(fn string, ds []Deliverable) (map[string]int, error) {
	idx := make(map[string]int, len(ds))
	for i := range ds {
		if err := ds[i].validate(fn, i); err != nil {
			return nil, err
		}
		if _, dup := idx[ds[i].ID]; dup {
			return nil, errs.New(ErrDuplicate, fn, "ds["+strconv.Itoa(i)+"].id", "given twice", ds[i].ID)
		}
		idx[ds[i].ID] = i
	}
	return idx, nil
}

// groupEvents returns, per deliverable, the indexes of its events before
// asof, sorted by time (stable).
func groupEvents(fn string, idx map[string]int, events []Event, asof time.Time) ([][]int, error) {
	by := make([][]int, len(idx))
	for i := range events {
		e := &events[i]
		at := func() string { return "events[" + strconv.Itoa(i) + "]." }
		d, ok := idx[e.Deliverable]
		switch {
		case !ok:
			return nil, errs.New(ErrInvalid, fn, at()+"deliverable", "no such deliverable", e.Deliverable)
		case e.At.IsZero():
			return nil, errs.New(ErrInvalid, fn, at()+"at", "zero time", errs.None)
		case !actionText.Valid(e.Action):
			return nil, errs.New(ErrInvalid, fn, at()+"action", "unknown action", e.Action)
		}
		if !inYears(e.At) {
			return nil, checkTime(fn, at()+"at", e.At)
		}
		if e.At.Before(asof) {
			by[d] = append(by[d], i)
		}
	}
	for _, l := range by {
		slices.SortStableFunc(l, func(a, b int) int { return events[a].At.Compare(events[b].At) })
	}
	return by, nil
}

// status folds one deliverable's events (sorted, before asof).
func status(fn string, d *Deliverable, events []Event, evs []int, asof time.Time) (Status, error) {
	st := Status{Deliverable: d.ID, Creator: d.Creator, Due: d.Due, Count: d.pieces()}
	cancelled := false
	for k, i := range evs {
		e := &events[i]
		if cancelled {
			return st, errs.New(ErrInvalid, fn, "events["+strconv.Itoa(i)+"].action",
				"after the deliverable was cancelled", e.Action)
		}
		if k > 0 {
			prev := &events[evs[k-1]]
			st.Steps = append(st.Steps, Step{From: prev.Action, To: e.Action,
				Days: days(e.At, prev.At)})
		}
		switch e.Action {
		case DraftSubmitted:
			st.Rounds++
		case Published:
			st.Published++
			if st.Published == st.Count {
				st.DeliveredAt = e.At
			}
		case Cancelled:
			cancelled = st.DeliveredAt.IsZero()
		}
	}
	st.State, st.DaysLate = state(st, cancelled, asof)
	if st.State == StateOpen {
		st.DaysLeft = daysLeft(st.Due, asof)
	}
	return st, nil
}

func state(st Status, cancelled bool, asof time.Time) (State, int) {
	switch {
	case !st.DeliveredAt.IsZero() && st.DeliveredAt.Before(st.Due):
		return StateOnTime, 0
	case !st.DeliveredAt.IsZero():
		return StateLate, daysLate(st.DeliveredAt, st.Due)
	case cancelled:
		return StateCancelled, 0
	case !asof.Before(st.Due):
		return StateOverdue, daysLate(asof, st.Due)
	}
	return StateOpen, 0
}

// compareDue orders deliverables by due time, then ID.
func compareDue(a, b *Deliverable) int {
	if c := a.Due.Compare(b.Due); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}
