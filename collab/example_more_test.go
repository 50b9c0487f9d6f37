package collab_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/collab"
	"github.com/influencekit/influencekit/kpi"
)

func ExampleFold() {
	fmt.Println(collab.Fold("#İŞBİRLİĞİ"), collab.Fold("#IŞBIRLIĞI"), collab.Fold("Paid Partnership"))
	// Output: #işbirliği #işbirliği paid partnership
}

// A Checker compiled once checks many captions; its Sponsored method
// feeds kpi's activity signals.
func ExampleChecker_Sponsored() {
	c, err := collab.NewChecker(collab.Brief{Rules: []collab.DisclosureRule{collab.FTC()}})
	if err != nil {
		fmt.Println(err)
		return
	}
	d := func(day int) time.Time { return time.Date(2026, 3, day, 0, 0, 0, 0, time.UTC) }
	posts := []kpi.Post{
		{ID: "a", Creator: "mara", PublishedAt: d(2), Caption: "#ad new serum"},
		{ID: "b", Creator: "mara", PublishedAt: d(5), Caption: "#adventure time"},
		{ID: "c", Creator: "mara", PublishedAt: d(9), Caption: "Paid partnership with @glow"},
		{ID: "d", Creator: "mara", PublishedAt: d(12), Caption: "sunday walk"},
	}
	a, err := kpi.MeasureActivity(posts, d(1), d(15), kpi.ActivityOptions{Sponsored: c.Sponsored})
	if err != nil {
		fmt.Println(err)
		return
	}
	// a and c disclose: 2 of 4.
	fmt.Println("sponsored share:", a.SponsoredShare.Decimal)
	// Output: sponsored share: 0.5
}

func ExampleEarnedPosts() {
	d := func(day int) time.Time { return time.Date(2026, 3, day, 0, 0, 0, 0, time.UTC) }
	gifts := []collab.Gift{{Creator: "lea", Item: "spring collection", SentAt: d(1), Cost: eur("85"), Mention: "@glowlab"}}
	posts := []kpi.Post{
		{ID: "p1", Creator: "lea", PublishedAt: d(3), Caption: "Unboxing the spring collection from @GlowLab!"},
		{ID: "p2", Creator: "lea", PublishedAt: d(4), Caption: "#ad @glowlab serum"}, // the paid post
		{ID: "p3", Creator: "lea", PublishedAt: d(6), Caption: "coffee"},
	}
	paid := collab.Matching{Links: []collab.PostLink{{Deliverable: "lea-post", Post: "p2"}}}
	earned, err := collab.EarnedPosts(gifts, posts, paid)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range earned {
		fmt.Println(e.Post, "about", gifts[e.Gift].Item)
	}
	line, _ := collab.GiftLine("seeding", gifts)
	fmt.Println(line.Name, line.Category, line.Planned)
	// Output:
	// p1 about spring collection
	// seeding content_production 85
}

func ExampleReadDeliverables() {
	csv := "id,creator,platform,kind,count,due,fee,currency,terms,rules\n" +
		"mara-reels,mara,instagram,reel,2,2026-05-10,2400,EUR,50% signing net 0; 50% publish net 30,FTC|ASA\n"
	ds, err := collab.ReadDeliverables(strings.NewReader(csv))
	if err != nil {
		fmt.Println(err)
		return
	}
	d := ds[0]
	fmt.Println(d.ID, d.Platform, d.Kind, d.Count, d.Due.Format("2006-01-02"), d.Fee)
	for _, m := range d.Terms {
		fmt.Println(" ", m.Share, m.On, "net", m.NetDays)
	}
	fmt.Println(" rules:", d.Brief.Rules[0].Name, d.Brief.Rules[1].Name)
	// The up-front milestone needs the booked date: Validate says so.
	fmt.Println(d.Validate())
	// Output:
	// mara-reels instagram reel 2 2026-05-10 2400.00 EUR
	//   0.5 signing net 0
	//   0.5 publish net 30
	//  rules: FTC ASA
	// collab: Deliverable.Validate: terms[0].on: up-front milestone without booked date (signing)
}

func ExampleTally() {
	t := collab.Tally([]collab.Status{
		{State: collab.StateOnTime, Rounds: 1},
		{State: collab.StateLate, DaysLate: 2, Rounds: 2},
		{State: collab.StateOverdue, DaysLate: 4},
	})
	b, _ := json.Marshal(t)
	fmt.Println(string(b))
	// Output: {"deliverables":3,"on_time":1,"late":1,"overdue":1,"cancelled":0,"open":0,"days_late":2,"rounds":3}
}

func ExampleCompliance_json() {
	c, _ := collab.CheckCaption("Weekend #adventure @glowlab", collab.Brief{Rules: []collab.DisclosureRule{collab.ASA()}, Code: "MARA15"})
	b, _ := json.Marshal(c)
	fmt.Println(string(b))
	// Output: {"missing":"disclosure|code","misplaced":"none","rules":[{"rule":"ASA","problem":"undisclosed","label":"","at":-1}]}
}

func ExampleRecordPayouts() {
	plan, err := budget.NewPlan(budget.MustParseCurrency("EUR"), decimal.NewFromInt(10000),
		date("2026-04-01 00:00"), date("2026-07-01 00:00"))
	if err != nil {
		fmt.Println(err)
		return
	}
	plan, _ = plan.AddItem(budget.LineItem{Name: "fees", Category: budget.InfluencerFees, Planned: decimal.NewFromInt(6000)})
	payouts := []collab.Payout{
		{Deliverable: "mara-reel", Amount: eur("360"), At: date("2026-04-08 00:00")},
		{Deliverable: "lea-reel", Amount: eur("900"), At: date("2026-05-20 00:00")},
		{Deliverable: "mara-reel", Amount: eur("840"), At: date("2026-06-12 00:00")}, // after asof
	}
	plan, err = collab.RecordPayouts(plan, "fees", payouts, date("2026-06-01 00:00"))
	if err != nil {
		fmt.Println(err)
		return
	}
	li, _ := plan.Item("fees")
	// 360 + 900 = 1,260 paid before 1 June.
	fmt.Println("planned", li.Planned, "actual", li.Actual)
	// Output: planned 6000 actual 1260
}
