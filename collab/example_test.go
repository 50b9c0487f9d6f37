package collab_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/collab"
	"github.com/influencekit/influencekit/kpi"
)

func date(s string) time.Time {
	t, _ := time.Parse("2006-01-02 15:04", s)
	return t
}

func eur(s string) budget.Money {
	return budget.Money{Amount: decimal.RequireFromString(s), Currency: budget.MustParseCurrency("EUR")}
}

// Two reels due before 10 May, followed as of 20 May.
func ExampleStatuses() {
	ds := []collab.Deliverable{
		{ID: "mara-reel", Creator: "mara", Platform: kpi.Instagram, Kind: collab.KindReel,
			Due: date("2026-05-10 00:00"), Fee: eur("1200")},
		{ID: "lea-reel", Creator: "lea", Platform: kpi.Instagram, Kind: collab.KindReel,
			Due: date("2026-05-10 00:00"), Fee: eur("900")},
	}
	events := []collab.Event{
		{Deliverable: "mara-reel", Action: collab.Briefed, At: date("2026-05-01 09:00")},
		{Deliverable: "mara-reel", Action: collab.DraftSubmitted, At: date("2026-05-04 09:00")},
		{Deliverable: "mara-reel", Action: collab.ChangesRequested, At: date("2026-05-05 09:00")},
		{Deliverable: "mara-reel", Action: collab.DraftSubmitted, At: date("2026-05-06 21:00")},
		{Deliverable: "mara-reel", Action: collab.Approved, At: date("2026-05-07 09:00")},
		{Deliverable: "mara-reel", Action: collab.Published, At: date("2026-05-12 18:00")},
		{Deliverable: "lea-reel", Action: collab.Briefed, At: date("2026-05-01 09:00")},
	}
	sts, err := collab.Statuses(ds, events, date("2026-05-20 00:00"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range sts {
		fmt.Printf("%s: %s, days late %d, drafts %d\n", s.Deliverable, s.State, s.DaysLate, s.Rounds)
		for _, st := range s.Steps {
			fmt.Printf("  %s → %s: %s d\n", st.From, st.To, st.Days)
		}
	}
	// mara published 12 May 18:00, 2 days 18 hours after the 10 May deadline:
	// ⌊2.75⌋ + 1 = 3 days late. lea has published nothing; as of 20 May she
	// is ⌊10⌋ + 1 = 11 days overdue.

	// Output:
	// mara-reel: late, days late 3, drafts 2
	//   briefed → draft_submitted: 3 d
	//   draft_submitted → changes_requested: 1 d
	//   changes_requested → draft_submitted: 1.5 d
	//   draft_submitted → approved: 0.5 d
	//   approved → published: 5.375 d
	// lea-reel: overdue, days late 11, drafts 0
}

func ExampleCheckCaption() {
	brief := collab.Brief{
		Rules:    []collab.DisclosureRule{collab.FTC()},
		Mention:  "@glowlab",
		Code:     "MARA15",
		Hashtags: []string{"#GlowUp"},
	}
	for _, caption := range []string{
		"#ad My morning routine with @GlowLab, code MARA15 #glowup",
		"Weekend #adventure with @glowlab #glowup",
		"Morning routine with @glowlab, code MARA15 #glowup #spon",
	} {
		c, err := collab.CheckCaption(caption, brief)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("ok %v, missing %s, FTC: %s %q\n", c.OK(), c.Missing, c.Rules[0].Problem, c.Rules[0].Label)
	}
	// Output:
	// ok true, missing none, FTC: none "#ad"
	// ok false, missing disclosure|code, FTC: undisclosed ""
	// ok false, missing disclosure, FTC: weak_only "#spon"
}

// Turkish captions: "#İşbirliği" folds to "#işbirliği" whatever the case
// of its i's, and "#reklamdeğiltavsiye" ("not an ad, a tip") is no label.
func ExampleReklamKurulu() {
	c, err := collab.NewChecker(collab.Brief{Rules: []collab.DisclosureRule{collab.ReklamKurulu()}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, caption := range []string{"#İşbirliği Yeni sezon", "#IŞBIRLIĞI", "#reklamdeğiltavsiye çok güzel"} {
		r := c.Check(caption).Rules[0]
		fmt.Printf("%s: %s %q\n", caption, r.Problem, r.Label)
	}
	// Output:
	// #İşbirliği Yeni sezon: none "#işbirliği"
	// #IŞBIRLIĞI: none "#işbirliği"
	// #reklamdeğiltavsiye çok güzel: undisclosed ""
}

func ExampleMatchPosts() {
	ds := []collab.Deliverable{
		{ID: "r1", Creator: "mara", Platform: kpi.Instagram, Kind: collab.KindReel, Count: 2,
			Due: date("2026-05-10 00:00"), Fee: eur("1000")},
	}
	posts := []collab.Content{
		{Post: kpi.Post{ID: "a", Creator: "mara", Platform: kpi.Instagram, PublishedAt: date("2026-05-03 12:00")}, Kind: collab.KindReel},
		{Post: kpi.Post{ID: "b", Creator: "mara", Platform: kpi.Instagram, PublishedAt: date("2026-05-04 12:00")}, Kind: collab.KindStory},
	}
	m, err := collab.MatchPosts(ds, posts, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("links:", m.Links)
	fmt.Println("missing:", m.Missing)
	fmt.Println("extra:", m.Extra)
	// Output:
	// links: [{r1 a false}]
	// missing: [{r1 2 1}]
	// extra: [b]
}

// A fee of €1,000 paid 30 % on signing (net 7 days) and 70 % net 30 days
// after publishing.
func ExamplePayments() {
	d := collab.Deliverable{ID: "r1", Creator: "mara", Platform: kpi.Instagram, Kind: collab.KindReel,
		Booked: date("2026-04-01 00:00"), Due: date("2026-05-10 00:00"), Fee: eur("1000"),
		Terms: []collab.Milestone{
			{Share: decimal.RequireFromString("0.3"), On: collab.OnSigning, NetDays: 7},
			{Share: decimal.RequireFromString("0.7"), On: collab.OnPublish, NetDays: 30},
		}}
	events := []collab.Event{{Deliverable: "r1", Action: collab.Published, At: date("2026-05-08 10:00")}}
	paid := []collab.Payout{{Deliverable: "r1", Amount: eur("300"), At: date("2026-04-06 00:00")}}
	ps, err := collab.Payments([]collab.Deliverable{d}, events, paid, date("2026-06-10 00:00"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range ps {
		fmt.Printf("%s net %d: %s due %s, paid %s: %s %d\n", p.On, p.NetDays, p.Amount,
			p.Due.Format("2 Jan"), p.Paid.Amount.StringFixed(2), p.State, p.DaysOverdue)
	}
	// The second instalment was due 8 May + 30 days = 7 June 10:00; as of
	// 10 June it is ⌊2.58⌋ + 1 = 3 days overdue.

	// Output:
	// signing net 7: 300.00 EUR due 8 Apr, paid 300.00: paid 0
	// publish net 30: 700.00 EUR due 7 Jun, paid 0.00: overdue 3
}

func ExampleHistories() {
	roas := func(s string) decimal.NullDecimal { return decimal.NewNullDecimal(decimal.RequireFromString(s)) }
	hs, err := collab.Histories([]collab.CampaignResult{
		{Campaign: "winter", Creator: "mara", End: date("2025-12-01 00:00"), FeePaid: eur("800"),
			Delivery: collab.Delivery{Deliverables: 2, OnTime: 1, Late: 1, DaysLate: 2, Rounds: 3}, ROAS: roas("1.5")},
		{Campaign: "spring", Creator: "mara", End: date("2026-04-01 00:00"), FeePaid: eur("1000"),
			Delivery: collab.Delivery{Deliverables: 2, OnTime: 2, Rounds: 2}, ROAS: roas("2.5")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	h := hs[0]
	fmt.Printf("%s: %d campaigns (%s to %s), on time %s, mean delay %s days, fee %s, ROAS trend %s per campaign\n",
		h.Creator, h.Campaigns, h.First, h.Last, h.OnTimeRate.Decimal, h.MeanDelay.Decimal, h.FeePaid, h.ROASTrend.Decimal)
	// 3 of 4 delivered on time = 0.75; 2 days late over 4 deliveries = 0.5;
	// ROAS 1.5 then 2.5: +1 per campaign.

	// Output:
	// mara: 2 campaigns (winter to spring), on time 0.75, mean delay 0.5 days, fee 1800.00 EUR, ROAS trend 1 per campaign
}

func ExampleReadEvents() {
	csv := "deliverable,action,at,post\n" +
		"r1,briefed,2026-05-01,\n" +
		"r1,published,2026-05-08 10:00,p42\n" +
		"r1,shipped,2026-05-09,\n"
	_, err := collab.ReadEvents(strings.NewReader(csv))
	fmt.Println(err)
	// Output:
	// collab: ReadEvents: line 4, column 2 (action): "shipped": invalid
}
