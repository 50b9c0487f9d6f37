package roi_test

import (
	"fmt"
	"log"
	"slices"
	"strings"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/kpi"
	"github.com/influencekit/influencekit/roi"
	"github.com/shopspring/decimal"
)

// ROI and ROAS of a campaign that cost 100 and brought 200 of revenue.
// "ROI = revenue / cost × 100" in many guides is ROAS as a percentage.
func ExampleROI() {
	revenue, cost := decimal.NewFromInt(200), decimal.NewFromInt(100)
	r, _ := roi.ROI(revenue, cost)
	s, _ := roi.ROAS(revenue, cost)
	fmt.Printf("ROI %s = %s %%\n", r, r.Shift(2))
	fmt.Printf("ROAS %s = %s %%\n", s, s.Shift(2))
	// Output:
	// ROI 1 = 100 %
	// ROAS 2 = 200 %
}

func ExampleCPM() {
	// 50 for 20,000 impressions: 50 × 1000 / 20000.
	cpm, _ := roi.CPM(decimal.NewFromInt(50), 20000)
	fmt.Println(cpm)
	_, err := roi.CPM(decimal.NewFromInt(50), 0)
	fmt.Println(err)
	// Output:
	// 2.5
	// roi: CPM: impressions: must be positive (0)
}

func printCredits(c map[string]roi.Credit) {
	names := make([]string, 0, len(c))
	for n := range c {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		fmt.Printf("%s %s %s\n", n, c[n].Conversions, c[n].Value)
	}
}

// The classic three-path example of Markov attribution: removal effects
// 1/2, 1 and 1 give shares 0.2, 0.4 and 0.4.
func ExampleAttribute() {
	paths := []roi.Path{
		{Channels: []string{"C1", "C2", "C3"}, Conversions: 1, Value: decimal.NewFromInt(100)},
		{Channels: []string{"C1"}, Nulls: 1},
		{Channels: []string{"C2", "C3"}, Nulls: 1},
	}
	credits, err := roi.Attribute(paths, roi.Markov)
	if err != nil {
		log.Fatal(err)
	}
	for _, n := range []string{"C1", "C2", "C3"} {
		fmt.Printf("%s %s %s\n", n, credits[n].Conversions.Round(6), credits[n].Value.Round(4))
	}
	// Linear: a third each; the residue of 10^-16 goes to C1, first by name.
	credits, _ = roi.Attribute(paths, roi.Linear)
	printCredits(credits)
	// Output:
	// C1 0.2 20
	// C2 0.4 40
	// C3 0.4 40
	// C1 0.3333333333333334 33.3333333333333334
	// C2 0.3333333333333333 33.3333333333333333
	// C3 0.3333333333333333 33.3333333333333333
}

// The removal effects behind ExampleAttribute: P = 1/3; without C1 only
// C2 > C3 converts (P = 1/6, effect 1/2); without C2 or C3 nothing does.
func ExampleMarkovRemovalEffects() {
	paths := []roi.Path{
		{Channels: []string{"C1", "C2", "C3"}, Conversions: 1},
		{Channels: []string{"C1"}, Nulls: 1},
		{Channels: []string{"C2", "C3"}, Nulls: 1},
	}
	re, _ := roi.MarkovRemovalEffects(paths, 1)
	fmt.Println("P", re.ConversionProbability.Round(6))
	for _, c := range []string{"C1", "C2", "C3"} {
		fmt.Println(c, re.Effects[c].Round(6))
	}
	// Output:
	// P 0.333333
	// C1 0.5
	// C2 1
	// C3 1
}

// Position-based weights of your own: 30 % first, 50 % last, 20 % middle.
func ExamplePositions() {
	paths := []roi.Path{{Channels: []string{"ig", "tiktok", "yt"}, Conversions: 10, Value: decimal.NewFromInt(500)}}
	credits, _ := roi.Attribute(paths, roi.Positions{First: decimal.RequireFromString("0.3"), Last: decimal.RequireFromString("0.5")})
	printCredits(credits)
	// Output:
	// ig 3 150
	// tiktok 2 100
	// yt 5 250
}

// Time decay with a half-life of 7 days: touches 14, 7 and 0 days before the
// conversion weigh 1/4, 1/2 and 1, so they get 1/7, 2/7 and 4/7.
func ExampleAttributeJourneys() {
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	js := []roi.Journey{{
		Touches:     []roi.Touch{{Channel: "anna", At: t0}, {Channel: "ben", At: t0.Add(7 * day)}, {Channel: "cleo", At: t0.Add(14 * day)}},
		ConvertedAt: t0.Add(14 * day), Conversions: 7, Value: decimal.NewFromInt(700),
	}}
	credits, _ := roi.AttributeJourneys(js, roi.TimeDecay{HalfLife: 7 * day})
	printCredits(credits)
	// Output:
	// anna 1 100
	// ben 2 200
	// cleo 4 400
}

func ExampleReadPaths() {
	in := "path;total_conversions;total_conversion_value;total_null\n" +
		"alpha > beta > alpha;1;0.244;3\n" +
		"beta  >  beta;2;3.195;6\n"
	paths, err := roi.ReadPaths(strings.NewReader(in))
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range paths {
		fmt.Printf("%q %d %s %d\n", p.Channels, p.Conversions, p.Value, p.Nulls)
	}
	// Output:
	// ["alpha" "beta" "alpha"] 1 0.244 3
	// ["beta" "beta"] 2 3.195 6
}

func ExampleAttributeOrders() {
	orders := []roi.Order{
		{ID: "1001", Amount: decimal.RequireFromString("59.90"), Currency: "EUR", Code: " anna10 "},
		{ID: "1002", Amount: decimal.RequireFromString("120.00"), Currency: "EUR", LandingURL: "https://shop.example/?utm_source=instagram&utm_campaign=ben"},
		{ID: "1003", Amount: decimal.RequireFromString("15.50"), Currency: "EUR", Code: "WELCOME5"},
	}
	tracking := []roi.Tracking{
		{Influencer: "anna", Codes: []string{"ANNA10"}},
		{Influencer: "ben", Links: []roi.UTM{{Campaign: "ben"}}},
	}
	res, err := roi.AttributeOrders(orders, tracking)
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range res.Influencers {
		fmt.Println(s.Influencer, s.Orders, s.Revenue)
	}
	fmt.Println("unattributed", res.Unattributed.Orders, res.Unattributed.Revenue, res.Unattributed.UnknownCodes)
	fmt.Println("total", res.Total.Orders, res.Total.Revenue)
	// Output:
	// anna 1 59.9
	// ben 1 120
	// unattributed 1 15.5 [{WELCOME5 1}]
	// total 3 195.4
}

// A holdout test: 300 of 10,000 exposed users converted against 200 of
// 10,000 held out. Lift interval by hand (Katz): se = √(1/300 − 1/10000 +
// 1/200 − 1/10000) = 0.090185, exp(ln 1.5 ± 1.96 · se) − 1 = 0.2570 … 0.7900.
func ExampleIncremental() {
	test := roi.Group{Size: 10000, Conversions: 300, Revenue: decimal.NewFromInt(15000)}
	control := roi.Group{Size: 10000, Conversions: 200, Revenue: decimal.NewFromInt(10000)}
	inc, _ := roi.Incremental(test, control, decimal.NewFromInt(2000))
	fmt.Println("lift", inc.Lift, "incremental", inc.IncrementalConversions, inc.IncrementalRevenue, "iROAS", inc.IROAS)
	ci, _ := roi.LiftCI(test, control, decimal.RequireFromString("0.95"))
	fmt.Println("95 % lift interval", ci.Lift.Low.Round(3), ci.Lift.High.Round(3))
	// Output:
	// lift 0.5 incremental 100 5000 iROAS 2.5
	// 95 % lift interval 0.257 0.79
}

func ExampleRateCard_EMV() {
	card := roi.IllustrativeRateCard()
	emv, _ := card.EMV([]kpi.Post{{Platform: kpi.Instagram, Likes: 5000, Comments: 500, Impressions: 50000}})
	for _, l := range emv.Lines {
		fmt.Printf("%-11s %6d × %-7s = %s\n", l.Action, l.Count, l.UnitValue, l.Value)
	}
	fmt.Println("total", emv.Total, emv.Currency)
	// Output:
	// impressions  50000 × 0.00005 = 2.5
	// likes         5000 × 0.3     = 1500
	// comments       500 × 0.5     = 250
	// total 1752.5 USD
}

func ExampleReport() {
	eur := budget.MustParseCurrency("EUR")
	plan, _ := budget.NewPlan(eur, decimal.NewFromInt(5000), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC))
	plan, _ = plan.AddItem(budget.LineItem{Name: "anna", Category: budget.InfluencerFees, Planned: decimal.NewFromInt(2000), Actual: decimal.NewFromInt(1800)})
	plan, _ = plan.AddItem(budget.LineItem{Name: "tools", Category: budget.Tools, Planned: decimal.NewFromInt(300), Actual: decimal.NewFromInt(200)})
	rep, err := roi.Report(roi.Campaign{
		Currency: "EUR",
		Plan:     plan,
		Influencers: []roi.InfluencerInput{{
			Influencer: "anna", Revenue: decimal.NewFromInt(5400), Conversions: decimal.NewFromInt(90),
			Posts: []kpi.Post{{Platform: kpi.Instagram, Likes: 1000, Comments: 100, Shares: 50, Saves: 50, Impressions: 60000}},
		}},
	})
	if err != nil {
		log.Fatal(err)
	}
	a := rep.Influencers[0]
	fmt.Println("anna: cost", a.Cost, "ROI", a.ROI, "ROAS", a.ROAS, "CPA", a.CPA, "CPE", a.CPE, "CPM", a.CPM)
	fmt.Println("campaign: cost", rep.Total.Cost, "ROAS", rep.Total.ROAS)

	changes, _ := roi.Compare(rep.Total, roi.Benchmark{roi.MetricROAS: decimal.NewFromInt(4), roi.MetricCPM: decimal.NewFromInt(40)})
	for _, c := range changes {
		fmt.Println(c.Metric, c.Current, "vs", c.Baseline, c.Absolute, c.Relative, c.Verdict)
	}
	// Output:
	// anna: cost 1800 ROI 2 ROAS 3 CPA 20 CPE 1.5 CPM 30
	// campaign: cost 2000 ROAS 2.7
	// roas 2.7 vs 4 -1.3 -0.325 worse
	// cpm 33.3333333333333333 vs 40 -6.6666666666666667 -0.1666666666666667 better
}
