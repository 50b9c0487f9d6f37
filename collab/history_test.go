package collab

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/kpi"
)

func TestEarnedPosts(t *testing.T) {
	gifts := []Gift{
		{Creator: "mara", Item: "spring box", SentAt: day0("2026-03-01 00:00"), Cost: money("40"), Mention: "@glow"},
		{Creator: "mara", Item: "summer box", SentAt: day0("2026-06-01 00:00"), Cost: money("45.50"), Code: "SUN10"},
		{Creator: "lea", Item: "serum", SentAt: day0("2026-03-01 00:00"), Cost: money("20"), Mention: "glow"},
	}
	posts := []kpi.Post{
		post("p1", "mara", kpi.Instagram, "2026-02-28 10:00", "@glow early"),         // before the gift: no
		post("p2", "mara", kpi.Instagram, "2026-03-05 10:00", "Loving my @Glow box"), // spring box
		post("p3", "mara", kpi.Instagram, "2026-06-02 10:00", "@glow code sun10"),    // both name it: summer box (latest)
		post("p4", "mara", kpi.Instagram, "2026-06-03 10:00", "@glow #ad"),           // paid (linked): no
		post("p5", "lea", kpi.Instagram, "2026-03-02 10:00", "@glowfans"),            // not the handle: no
		post("p6", "lea", kpi.Instagram, "2026-03-03 10:00", "thanks @GLOW."),        // serum
	}
	paid := Matching{Links: []PostLink{{Deliverable: "d", Post: "p4"}}}
	got, err := EarnedPosts(gifts, posts, paid)
	if err != nil {
		t.Fatal(err)
	}
	want := []Earned{
		{Gift: 0, Creator: "mara", Post: "p2", At: day0("2026-03-05 10:00")},
		{Gift: 1, Creator: "mara", Post: "p3", At: day0("2026-06-02 10:00")},
		{Gift: 2, Creator: "lea", Post: "p6", At: day0("2026-03-03 10:00")},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if _, err := EarnedPosts([]Gift{{Creator: "x", SentAt: day0("2026-03-01 00:00")}}, nil, Matching{}); err == nil ||
		err.Error() != "collab: EarnedPosts: gifts[0].mention: neither mention nor code" {
		t.Errorf("no mention or code: %v", err)
	}
	// 40 + 45.50 + 20 = 105.50
	li, err := GiftLine("seeding", gifts)
	if err != nil || !li.Planned.Equal(decimal.RequireFromString("105.5")) || li.Category != budget.ContentProduction {
		t.Errorf("GiftLine = %+v, %v", li, err)
	}
	gifts[2].Cost = budget.Money{Amount: decimal.NewFromInt(1), Currency: budget.MustParseCurrency("TRY")}
	if _, err := GiftLine("seeding", gifts); !errors.Is(err, ErrCurrencyMismatch) {
		t.Errorf("mixed currencies: %v", err)
	}
}

func TestTallyHistories(t *testing.T) {
	sts := []Status{{State: StateOnTime, Rounds: 1}, {State: StateLate, DaysLate: 3, Rounds: 2},
		{State: StateOverdue, DaysLate: 5}, {State: StateCancelled}, {State: StateOpen}}
	tally := Tally(sts)
	// Overdue days are not delivery delay: DaysLate counts the late delivery only (3).
	if want := (Delivery{Deliverables: 5, OnTime: 1, Late: 1, Overdue: 1, Cancelled: 1, Open: 1, DaysLate: 3, Rounds: 3}); tally != want {
		t.Errorf("Tally = %+v, want %+v", tally, want)
	}
	roas := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.RequireFromString(s)) }
	results := []CampaignResult{
		{Campaign: "spring", Creator: "mara", End: day0("2026-04-01 00:00"), FeePaid: money("1000"),
			Delivery: Delivery{Deliverables: 2, OnTime: 2, Rounds: 2}, ROAS: roas("2"), CPA: &budget.Money{Amount: decimal.NewFromInt(10), Currency: eur}},
		{Campaign: "winter", Creator: "mara", End: day0("2025-12-01 00:00"), FeePaid: money("800"),
			Delivery: Delivery{Deliverables: 2, OnTime: 1, Late: 1, DaysLate: 4, Rounds: 3}, ROAS: roas("1.5")},
		{Campaign: "summer", Creator: "mara", End: day0("2026-08-01 00:00"), FeePaid: money("1200"),
			Delivery: Delivery{Deliverables: 1, Overdue: 1}, ROAS: roas("3.1"), CPA: &budget.Money{Amount: decimal.NewFromInt(8), Currency: eur}, Gifts: 1, Earned: 2},
		{Campaign: "spring", Creator: "lea", End: day0("2026-04-01 00:00"), FeePaid: money("300"),
			Delivery: Delivery{Deliverables: 1, Cancelled: 1}},
		{Campaign: "seeding", Creator: "lea", End: day0("2026-02-01 00:00"), Gifts: 1}, // no fee: zero Money
	}
	hs, err := Histories(results)
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 2 || hs[0].Creator != "lea" || hs[1].Creator != "mara" {
		t.Fatalf("histories = %+v", hs)
	}
	lea, mara := hs[0], hs[1]
	// lea: nothing delivered: rates null, trends null.
	// A gifted-only campaign adds no fee: 300 EUR over 2 campaigns.
	if lea.OnTimeRate.Valid || lea.MeanDelay.Valid || lea.ROASTrend.Valid || lea.Campaigns != 2 || lea.Repeat != 1 ||
		!lea.FeePaid.Equal(money("300")) || lea.First != "seeding" {
		t.Errorf("lea = %+v", lea)
	}
	// mara, in End order winter, spring, summer: delivered 3 on time + 1 late = 4;
	// on-time rate 3/4 = 0.75; mean delay 4/4 = 1 day; rounds (3+2)/4 = 1.25;
	// fee 800 + 1000 + 1200 = 3000.
	// ROAS 1.5, 2, 3.1 at x = 0, 1, 2: x̄ 1, ȳ 6.6/3 = 2.2, Sxy = (−1)(−0.7) + 0 + (1)(0.9) = 1.6,
	// Sxx = 2 → slope 0.8 per campaign. CPA 10 (spring), 8 (summer) at x = 0, 1 → slope −2.
	checks := []struct {
		name      string
		got, want decimal.Decimal
	}{
		{"on time", mara.OnTimeRate.Decimal, decimal.RequireFromString("0.75")},
		{"delay", mara.MeanDelay.Decimal, decimal.RequireFromString("1")},
		{"rounds", mara.MeanRounds.Decimal, decimal.RequireFromString("1.25")},
		{"fee", mara.FeePaid.Amount, decimal.RequireFromString("3000")},
		{"roas trend", mara.ROASTrend.Decimal, decimal.RequireFromString("0.8")},
		{"cpa trend", mara.CPATrend.Decimal, decimal.RequireFromString("-2")},
	}
	for _, c := range checks {
		if !c.got.Equal(c.want) {
			t.Errorf("mara %s = %s, want %s", c.name, c.got, c.want)
		}
	}
	if mara.First != "winter" || mara.Last != "summer" || mara.Campaigns != 3 || mara.Repeat != 2 || len(mara.CPA) != 2 || mara.Earned != 2 {
		t.Errorf("mara = %+v", mara)
	}
}

func TestHistoriesErrors(t *testing.T) {
	ok := CampaignResult{Campaign: "c", Creator: "m", End: day0("2026-01-01 00:00"), FeePaid: money("1")}
	neg := ok
	neg.ROAS = decimal.NewNullDecimal(decimal.NewFromInt(-1))
	usd := ok
	usd.Campaign = "d"
	usd.FeePaid = budget.Money{Amount: decimal.NewFromInt(1), Currency: budget.MustParseCurrency("USD")}
	for _, c := range []struct {
		rs   []CampaignResult
		want string
		is   error
	}{
		{[]CampaignResult{ok, ok}, `collab: Histories: results[1].creator: twice in campaign "c" ("m")`, ErrDuplicate},
		{[]CampaignResult{neg}, "collab: Histories: results[0].roas: negative (-1)", ErrNegative},
		{[]CampaignResult{{Creator: "m"}}, "collab: Histories: results[0].campaign: empty", ErrInvalid},
		{[]CampaignResult{ok, usd}, "collab: Histories: results[1].fee_paid: currency mismatch (EUR and USD)", ErrCurrencyMismatch},
		{[]CampaignResult{{Campaign: "c", Creator: "m", End: day0("2026-01-01 00:00"), FeePaid: budget.Money{Amount: decimal.NewFromInt(5)}}},
			"collab: Histories: results[0].fee_paid: amount without currency (5)", ErrInvalid},
	} {
		_, err := Histories(c.rs)
		if err == nil || err.Error() != c.want || !errors.Is(err, c.is) {
			t.Errorf("got %v\nwant %s", err, c.want)
		}
	}
}
