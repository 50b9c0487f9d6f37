package collab

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/kpi"
)

func post(id, creator string, pl kpi.Platform, at, caption string) kpi.Post {
	return kpi.Post{ID: id, Creator: creator, Platform: pl, PublishedAt: day0(at), Caption: caption}
}

func TestMatchPosts(t *testing.T) {
	d1 := reel("d1", "mara", "2026-05-10 00:00")
	d2 := reel("d2", "mara", "2026-05-20 00:00") // later due: gets posts after d1 is full
	d3 := reel("d3", "lea", "2026-05-10 00:00")
	d3.Window = Window{Start: day0("2026-05-05 00:00"), End: day0("2026-05-15 00:00")}
	d4 := Deliverable{ID: "d4", Creator: "lea", Platform: kpi.TikTok, Kind: KindShort, Count: 2,
		Due: day0("2026-05-10 00:00"), Fee: money("500")}
	posts := []Content{
		{post("p1", "mara", kpi.Instagram, "2026-05-08 10:00", ""), KindReel}, // fits d1 and d2: d1 (due first)
		{post("p2", "mara", kpi.Instagram, "2026-05-09 10:00", ""), KindReel}, // d1 full: d2
		{post("p3", "mara", kpi.Instagram, "2026-05-09 11:00", ""), KindPost}, // kind post: extra
		{post("p4", "lea", kpi.Instagram, "2026-05-04 10:00", ""), KindReel},  // before d3's window: extra
		{post("p5", "lea", kpi.Instagram, "2026-05-30 10:00", ""), KindReel},  // after the window, but named by an event
		{post("p6", "lea", kpi.TikTok, "2026-05-06 10:00", ""), KindShort},    // d4, 1 of 2
		{post("p7", "mara", kpi.Instagram, "2026-05-10 10:00", ""), KindReel}, // both mara reels full: extra
	}
	ev := []Event{{Deliverable: "d3", Action: Published, At: day0("2026-05-30 10:00"), Post: "p5"},
		{Deliverable: "d3", Action: Published, At: day0("2026-05-30 10:00"), Post: "p5"}} // recorded twice: one link
	got, err := MatchPosts([]Deliverable{d1, d2, d3, d4}, posts, ev)
	if err != nil {
		t.Fatal(err)
	}
	want := Matching{
		Links:   []PostLink{{"d1", "p1", false}, {"d2", "p2", false}, {"d3", "p5", true}, {"d4", "p6", false}},
		Missing: []Shortfall{{"d4", 2, 1}},
		Extra:   []string{"p3", "p4", "p7"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// The window links become events; with them d1 (p1 on 8 May, due 10 May)
	// is on time and d4 has 1 of 2 pieces.
	ev = append(ev, got.Events(posts)...)
	sts, err := Statuses([]Deliverable{d1, d2, d3, d4}, ev, day0("2026-05-09 00:00"))
	if err != nil {
		t.Fatal(err)
	}
	if sts[0].State != StateOnTime || sts[3].Published != 1 || sts[3].State != StateOpen || len(got.Events(posts)) != 3 {
		t.Errorf("statuses from matched posts: %+v", sts)
	}
}

func TestMatchPostsErrors(t *testing.T) {
	d1 := reel("d1", "mara", "2026-05-10 00:00")
	d2 := reel("d2", "mara", "2026-05-10 00:00")
	p := Content{post("p1", "mara", kpi.Instagram, "2026-05-08 10:00", ""), KindReel}
	for _, c := range []struct {
		posts []Content
		ev    []Event
		want  string
		is    error
	}{
		{[]Content{p, p}, nil, `collab: MatchPosts: posts[1].post.id: given twice ("p1")`, ErrDuplicate},
		{[]Content{{}}, nil, "collab: MatchPosts: posts[0].post.id: empty", ErrInvalid},
		{[]Content{p}, []Event{{Deliverable: "d1", Action: Published, Post: "p9"}}, `collab: MatchPosts: events[0].post: no such post ("p9")`, ErrInvalid},
		{[]Content{p}, []Event{{Deliverable: "d1", Action: Published, Post: "p1"}, {Deliverable: "d2", Action: Published, Post: "p1"}},
			`collab: MatchPosts: events[1].post: already published for deliverable "d1" ("p1")`, ErrDuplicate},
	} {
		_, err := MatchPosts([]Deliverable{d1, d2}, c.posts, c.ev)
		if err == nil || err.Error() != c.want || !errors.Is(err, c.is) {
			t.Errorf("got %v\nwant %s", err, c.want)
		}
	}
}

func TestPayments(t *testing.T) {
	d := reel("d", "mara", "2026-05-10 00:00")
	d.Booked = day0("2026-04-01 00:00")
	d.Fee = money("1000.01")
	// 30 % up front net 7, 70 % net 30 after publishing.
	d.Terms = []Milestone{{Share: decimal.RequireFromString("0.3"), On: OnSigning, NetDays: 7},
		{Share: decimal.RequireFromString("0.7"), On: OnPublish, NetDays: 30}}
	ev := []Event{{Deliverable: "d", Action: Published, At: day0("2026-05-09 12:00")}}
	paid := []Payout{{Deliverable: "d", Amount: money("200"), At: day0("2026-04-05 00:00")},
		{Deliverable: "d", Amount: money("100"), At: day0("2026-06-30 00:00")}} // after asof: not counted
	// Split of 100001 cents 30:70: quotas 30000.3 and 70000.7 → 30000 + 70000 = 100000, 1 cent left
	// goes to the larger remainder (0.7): 300.00 and 700.01.
	got, err := Payments([]Deliverable{d}, ev, paid, day0("2026-06-15 00:00"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d payments", len(got))
	}
	up, pub := got[0], got[1]
	// Up front: due 1 Apr + 7 = 8 Apr; 200 paid of 300; asof 15 Jun: ⌊68⌋ + 1 = 69 days overdue
	// (8 Apr → 15 Jun is 22 + 31 + 15 = 68 days).
	if !up.Amount.Amount.Equal(decimal.RequireFromString("300")) || !up.Paid.Amount.Equal(decimal.RequireFromString("200")) ||
		!up.Due.Equal(day0("2026-04-08 00:00")) || up.State != PaymentOverdue || up.DaysOverdue != 69 {
		t.Errorf("up front = %+v", up)
	}
	// On publish: 9 May 12:00 + 30 days = 8 Jun 12:00; unpaid; asof 15 Jun 00:00 → ⌊6.5⌋ + 1 = 7 days overdue.
	if !pub.Amount.Amount.Equal(decimal.RequireFromString("700.01")) || !pub.Due.Equal(day0("2026-06-08 12:00")) ||
		pub.State != PaymentOverdue || pub.DaysOverdue != 7 || !pub.Paid.Amount.IsZero() {
		t.Errorf("on publish = %+v", pub)
	}
	// As of 1 May: up front due (8 Apr) and part paid → overdue; publish milestone pending.
	got, _ = Payments([]Deliverable{d}, ev, paid, day0("2026-04-03 00:00"))
	if got[0].State != PaymentDue || got[1].State != PaymentPending || !got[0].Paid.Amount.IsZero() {
		t.Errorf("as of 3 Apr: %s %s paid %s", got[0].State, got[1].State, got[0].Paid.Amount)
	}
	// Paying the rest: 1000.01 − 200 = 800.01 settles both.
	paid = append(paid, Payout{Deliverable: "d", Amount: money("800.01"), At: day0("2026-06-09 00:00")})
	got, _ = Payments([]Deliverable{d}, ev, paid, day0("2026-06-15 00:00"))
	if got[0].State != PaymentPaid || got[1].State != PaymentPaid {
		t.Errorf("after full payment: %s %s", got[0].State, got[1].State)
	}
}

func TestPaymentsErrors(t *testing.T) {
	d := reel("d", "mara", "2026-05-10 00:00")
	asof := day0("2026-06-15 00:00")
	usd := budget.Money{Amount: decimal.NewFromInt(1), Currency: budget.MustParseCurrency("USD")}
	for _, c := range []struct {
		p    Payout
		want string
		is   error
	}{
		{Payout{Deliverable: "x", Amount: money("1"), At: asof}, `collab: Payments: payouts[0].deliverable: no such deliverable ("x")`, ErrInvalid},
		{Payout{Deliverable: "d", Amount: money("-1"), At: day0("2026-05-01 00:00")}, "collab: Payments: payouts[0].amount: negative (-1)", ErrNegative},
		{Payout{Deliverable: "d", Amount: usd, At: day0("2026-05-01 00:00")}, "collab: Payments: payouts[0].amount: currency mismatch (EUR and USD)", ErrCurrencyMismatch},
		{Payout{Deliverable: "d", Amount: money("1000.5"), At: day0("2026-05-01 00:00")}, `collab: Payments: payouts[0].amount: paid beyond the fee of d by 0.5 (1000.5)`, ErrInvalid},
	} {
		_, err := Payments([]Deliverable{d}, nil, []Payout{c.p}, asof)
		if err == nil || err.Error() != c.want || !errors.Is(err, c.is) {
			t.Errorf("got %v\nwant %s", err, c.want)
		}
	}
}

func TestRecordPayouts(t *testing.T) {
	plan, err := budget.NewPlan(eur, decimal.NewFromInt(5000), day0("2026-05-01 00:00"), day0("2026-06-01 00:00"))
	if err != nil {
		t.Fatal(err)
	}
	plan, err = plan.AddItem(budget.LineItem{Name: "fees", Category: budget.InfluencerFees, Planned: decimal.NewFromInt(3000)})
	if err != nil {
		t.Fatal(err)
	}
	paid := []Payout{{Deliverable: "d", Amount: money("300"), At: day0("2026-05-02 00:00")},
		{Deliverable: "d", Amount: money("700.01"), At: day0("2026-05-20 00:00")},
		{Deliverable: "d", Amount: money("5"), At: day0("2026-05-25 00:00")}} // at asof: left out
	plan, err = RecordPayouts(plan, "fees", paid, day0("2026-05-25 00:00"))
	if err != nil {
		t.Fatal(err)
	}
	// 300 + 700.01 = 1000.01
	if li, _ := plan.Item("fees"); !li.Actual.Equal(decimal.RequireFromString("1000.01")) {
		t.Errorf("actual = %s, want 1000.01", li.Actual)
	}
	if _, err := RecordPayouts(plan, "nope", paid, day0("2026-05-25 00:00")); err == nil {
		t.Error("unknown item accepted")
	}
}

// TestLinkByWindowAgainstSlow compares the heap-based window matching with
// the obvious scan over every deliverable (slowLinkByWindow) on random
// deliverables and posts: few creators, kinds and days, so that windows,
// due times and counts collide.
func TestLinkByWindowAgainstSlow(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 2026))
	base := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	at := func() time.Time { return base.Add(time.Duration(rng.IntN(20)) * 12 * time.Hour) }
	for round := range 300 {
		ds := make([]Deliverable, 1+rng.IntN(12))
		for i := range ds {
			ds[i] = Deliverable{ID: fmt.Sprint("d", rng.IntN(1000), "-", i), Creator: fmt.Sprint("c", rng.IntN(2)),
				Platform: kpi.Instagram, Kind: Kind(rng.IntN(2)), Count: rng.IntN(3), Due: at()}
			if rng.IntN(2) == 0 {
				ds[i].Window.Start = at()
			}
			if rng.IntN(2) == 0 {
				ds[i].Window.End = ds[i].Window.Start.Add(time.Duration(1+rng.IntN(5)) * 24 * time.Hour)
				if ds[i].Window.Start.IsZero() {
					ds[i].Window.End = at()
				}
			}
		}
		posts := make([]Content, rng.IntN(15))
		for i := range posts {
			posts[i] = Content{Post: kpi.Post{ID: fmt.Sprint("p", i), Creator: fmt.Sprint("c", rng.IntN(2)),
				Platform: kpi.Instagram, PublishedAt: at()}, Kind: Kind(rng.IntN(2))}
		}
		owner, got := make([]int, len(posts)), make([]int, len(ds))
		slowOwner, slowGot := make([]int, len(posts)), make([]int, len(ds))
		linkByWindow(ds, posts, owner, got)
		slowLinkByWindow(ds, posts, slowOwner, slowGot)
		if !slices.Equal(owner, slowOwner) {
			t.Fatalf("round %d: owners %v, slow reference %v\nds %+v\nposts %+v", round, owner, slowOwner, ds, posts)
		}
	}
}
