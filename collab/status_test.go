package collab

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/kpi"
)

var eur = budget.MustParseCurrency("EUR")

func money(s string) budget.Money {
	return budget.Money{Amount: decimal.RequireFromString(s), Currency: eur}
}

func day0(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return t
}

func reel(id, creator, due string) Deliverable {
	return Deliverable{ID: id, Creator: creator, Platform: kpi.Instagram, Kind: KindReel,
		Due: day0(due), Fee: money("1000")}
}

func TestStatuses(t *testing.T) {
	ds := []Deliverable{
		reel("d1", "mara", "2026-05-10 00:00"), // on time
		reel("d2", "mara", "2026-05-10 00:00"), // late
		reel("d3", "lea", "2026-05-10 00:00"),  // overdue
		reel("d4", "lea", "2026-06-01 00:00"),  // open
		reel("d5", "lea", "2026-05-10 00:00"),  // cancelled
	}
	ds[1].Count = 2
	ev := []Event{
		{Deliverable: "d1", Action: Briefed, At: day0("2026-05-01 09:00")},
		{Deliverable: "d1", Action: DraftSubmitted, At: day0("2026-05-03 09:00")},
		{Deliverable: "d1", Action: ChangesRequested, At: day0("2026-05-03 21:00")},
		{Deliverable: "d1", Action: DraftSubmitted, At: day0("2026-05-05 09:00")},
		{Deliverable: "d1", Action: Approved, At: day0("2026-05-06 09:00")},
		{Deliverable: "d1", Action: Published, At: day0("2026-05-09 23:59"), Post: "p1"},
		{Deliverable: "d2", Action: Published, At: day0("2026-05-08 10:00")},
		{Deliverable: "d2", Action: Published, At: day0("2026-05-12 09:00")}, // 2nd of 2: delivery
		{Deliverable: "d5", Action: Cancelled, At: day0("2026-05-02 00:00")},
		{Deliverable: "d4", Action: Published, At: day0("2026-05-20 00:00")}, // at asof: not yet
	}
	asof := day0("2026-05-20 00:00")
	got, err := Statuses(ds, ev, asof)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		state           State
		late, rounds, n int
	}{
		{StateOnTime, 0, 2, 1},
		// delivered 12 May 09:00, due 10 May 00:00: 2 days 9 hours → ⌊2.375⌋ + 1 = 3 days late
		{StateLate, 3, 0, 2},
		// asof 20 May 00:00, due 10 May 00:00: ⌊10⌋ + 1 = 11 days overdue
		{StateOverdue, 11, 0, 0},
		{StateOpen, 0, 0, 0},
		{StateCancelled, 0, 0, 0},
	}
	for i, w := range want {
		g := got[i]
		if g.State != w.state || g.DaysLate != w.late || g.Rounds != w.rounds || g.Published != w.n {
			t.Errorf("%s: got %s late %d rounds %d published %d, want %+v", ds[i].ID, g.State, g.DaysLate, g.Rounds, g.Published, w)
		}
	}
	// d1 steps: briefed→draft 2 days; draft→changes 0.5; changes→draft 1.5;
	// draft→approved 1; approved→published 3 days 14 h 59 min = 3 + 899/1440
	// = 3.6243055555555556 (…5̅ rounded half up at 16 places).
	wantSteps := []Step{
		{Briefed, DraftSubmitted, decimal.RequireFromString("2")},
		{DraftSubmitted, ChangesRequested, decimal.RequireFromString("0.5")},
		{ChangesRequested, DraftSubmitted, decimal.RequireFromString("1.5")},
		{DraftSubmitted, Approved, decimal.RequireFromString("1")},
		{Approved, Published, decimal.RequireFromString("3.6243055555555556")},
	}
	if diff := cmp.Diff(wantSteps, got[0].Steps); diff != "" {
		t.Errorf("steps (-want +got):\n%s", diff)
	}
	if !got[1].DeliveredAt.Equal(day0("2026-05-12 09:00")) {
		t.Errorf("d2 delivered at %s", got[1].DeliveredAt)
	}
}

func TestStatusesBoundaries(t *testing.T) {
	d := []Deliverable{reel("d", "mara", "2026-05-10 00:00")}
	// Published exactly at Due: late by ⌊0⌋ + 1 = 1 day (Due is exclusive).
	st, _ := Statuses(d, []Event{{Deliverable: "d", Action: Published, At: day0("2026-05-10 00:00")}}, day0("2026-06-01 00:00"))
	if st[0].State != StateLate || st[0].DaysLate != 1 {
		t.Errorf("at due: %s %d", st[0].State, st[0].DaysLate)
	}
	// asof exactly at Due with nothing published: overdue by 1 day; one
	// nanosecond before: open.
	st, _ = Statuses(d, nil, day0("2026-05-10 00:00"))
	if st[0].State != StateOverdue || st[0].DaysLate != 1 {
		t.Errorf("asof = due: %s %d", st[0].State, st[0].DaysLate)
	}
	st, _ = Statuses(d, nil, day0("2026-05-10 00:00").Add(-1))
	if st[0].State != StateOpen || st[0].DaysLeft != 1 {
		t.Errorf("asof before due: %s, %d days left", st[0].State, st[0].DaysLeft)
	}
	// 8 May 12:00 to 10 May 00:00 is 1.5 days: ⌈1.5⌉ = 2 days left.
	st, _ = Statuses(d, nil, day0("2026-05-08 12:00"))
	if st[0].DaysLeft != 2 {
		t.Errorf("days left = %d, want 2", st[0].DaysLeft)
	}
	// Cancelled after delivery changes nothing.
	st, _ = Statuses(d, []Event{{Deliverable: "d", Action: Published, At: day0("2026-05-09 00:00")},
		{Deliverable: "d", Action: Cancelled, At: day0("2026-05-11 00:00")}}, day0("2026-06-01 00:00"))
	if st[0].State != StateOnTime {
		t.Errorf("cancel after delivery: %s", st[0].State)
	}
}

func TestStatusesErrors(t *testing.T) {
	ok := reel("d", "mara", "2026-05-10 00:00")
	asof := day0("2026-06-01 00:00")
	noFee := ok
	noFee.Fee = budget.Money{}
	badTerms := ok
	badTerms.Terms = []Milestone{{Share: decimal.RequireFromString("0.5"), On: OnPublish}}
	upfront := ok
	upfront.Terms = []Milestone{{Share: decimal.NewFromInt(1), On: OnSigning}}
	for _, c := range []struct {
		ds   []Deliverable
		ev   []Event
		want string
		is   error
	}{
		{[]Deliverable{ok, ok}, nil, `collab: Statuses: ds[1].id: given twice ("d")`, ErrDuplicate},
		{[]Deliverable{{Creator: "x"}}, nil, "collab: Statuses: ds[0].id: empty", ErrInvalid},
		{[]Deliverable{noFee}, nil, "collab: Statuses: ds[0].fee: no currency (0)", ErrInvalid},
		{[]Deliverable{badTerms}, nil, "collab: Statuses: ds[0].terms: shares do not sum to 1 (0.5)", ErrInvalid},
		{[]Deliverable{upfront}, nil, "collab: Statuses: ds[0].terms[0].on: up-front milestone without booked date (signing)", ErrInvalid},
		{[]Deliverable{ok}, []Event{{Deliverable: "x", At: asof}}, `collab: Statuses: events[0].deliverable: no such deliverable ("x")`, ErrInvalid},
		{[]Deliverable{ok}, []Event{{Deliverable: "d"}}, "collab: Statuses: events[0].at: zero time", ErrInvalid},
		{[]Deliverable{ok}, []Event{{Deliverable: "d", Action: 9, At: asof}}, "collab: Statuses: events[0].action: unknown action (Action(9))", ErrInvalid},
		{[]Deliverable{ok}, []Event{
			{Deliverable: "d", Action: Cancelled, At: day0("2026-05-01 00:00")},
			{Deliverable: "d", Action: Published, At: day0("2026-05-02 00:00")},
		}, "collab: Statuses: events[1].action: after the deliverable was cancelled (published)", ErrInvalid},
	} {
		_, err := Statuses(c.ds, c.ev, asof)
		if err == nil || err.Error() != c.want || !errors.Is(err, c.is) {
			t.Errorf("got %v\nwant %s", err, c.want)
		}
	}
}

func TestZeroAsof(t *testing.T) {
	d := []Deliverable{reel("d", "mara", "2026-05-10 00:00")}
	if _, err := Statuses(d, nil, time.Time{}); err == nil || err.Error() != "collab: Statuses: asof: zero time: nothing would have happened yet" {
		t.Errorf("Statuses: %v", err)
	}
	if _, err := Payments(d, nil, nil, time.Time{}); err == nil || !errors.Is(err, ErrInvalid) {
		t.Errorf("Payments: %v", err)
	}
}

func TestReadEvents(t *testing.T) {
	in := "\ufeffDeliverable,Action,At,Post,Note\r\n" +
		"d1,briefed,2026-05-01,,\r\n" +
		"d1,Draft_Submitted,2026-05-03 09:00,,first cut\r\n" +
		"d1,PUBLISHED,2026-05-09T23:59:00+02:00,p1,\r\n"
	got, err := ReadEvents(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Event{
		{Deliverable: "d1", Action: Briefed, At: day0("2026-05-01 00:00")},
		{Deliverable: "d1", Action: DraftSubmitted, At: day0("2026-05-03 09:00"), Note: "first cut"},
		{Deliverable: "d1", Action: Published, At: day0("2026-05-09 21:59"), Post: "p1"}, // +02:00 → 21:59 UTC
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestReadEventsErrors(t *testing.T) {
	for _, c := range []struct {
		in, want string
		is       error
	}{
		{"", "collab: ReadEvents: line 1: no header row: empty", ErrEmpty},
		{"deliverable,action\n", `collab: ReadEvents: line 1: missing column: no header matches "at"`, ErrMissingColumn},
		{"deliverable,action,at\nd1,shipped,2026-05-01\n", `collab: ReadEvents: line 2, column 2 (action): "shipped": invalid`, ErrInvalid},
		{"deliverable,action,at\n,briefed,2026-05-01\n", `collab: ReadEvents: line 2, column 1 (deliverable): "": invalid`, ErrInvalid},
		{"deliverable,action,at\nd1,briefed,01/05/2026\n", `collab: ReadEvents: line 2, column 3 (at): "01/05/2026": invalid syntax: want RFC 3339 or 2006-01-02[ 15:04[:05]]`, ErrSyntax},
		{"deliverable,action,at\nd1,briefed,\n", `collab: ReadEvents: line 2, column 3 (at): "": invalid syntax`, ErrSyntax},
	} {
		_, err := ReadEvents(strings.NewReader(c.in))
		var pe *ParseError
		if err == nil || err.Error() != c.want || !errors.Is(err, c.is) || !errors.As(err, &pe) {
			t.Errorf("ReadEvents(%q) = %v\nwant %s", c.in, err, c.want)
		}
	}
}
