package roi_test

import (
	"fmt"
	"log"
	"maps"
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
	// roi: CPM: impressions: not positive (0)
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
	eur := budget.MustParseCurrency("EUR")
	orders := []roi.Order{
		{ID: "1001", Amount: decimal.RequireFromString("59.90"), Currency: eur, Code: " anna10 "},
		{ID: "1002", Amount: decimal.RequireFromString("120.00"), Currency: eur, LandingURL: "https://shop.example/?utm_source=instagram&utm_campaign=ben"},
		{ID: "1003", Amount: decimal.RequireFromString("15.50"), Currency: eur, Code: "WELCOME5"},
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
	inc, _ := roi.Incremental(test, control, budget.Money{Amount: decimal.NewFromInt(2000), Currency: budget.MustParseCurrency("EUR")})
	fmt.Println("lift", inc.Lift, "incremental", inc.IncrementalConversions, inc.IncrementalRevenue, "iROAS", inc.IROAS)
	ci, _ := roi.LiftCI(test, control, decimal.RequireFromString("0.95"))
	fmt.Println("95 % lift interval", ci.Lift.Low.Round(3), ci.Lift.High.Round(3))
	// Output:
	// lift 0.5 incremental 100 5000 iROAS 2.5
	// 95 % lift interval 0.257 0.79
}

func ExampleEMVCard_EMV() {
	card := roi.IllustrativeEMVCard()
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
		Currency: eur,
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

	cmp, _ := roi.Compare(rep.Total, roi.Baseline{roi.MetricROAS: decimal.NewFromInt(4), roi.MetricCPM: decimal.NewFromInt(40)})
	for _, c := range cmp.Changes {
		fmt.Println(c.Metric, c.Current, "vs", c.Baseline, c.Absolute, c.Relative, c.Verdict)
	}
	// Output:
	// anna: cost 1800 ROI 2 ROAS 3 CPA 20 CPE 1.5 CPM 30
	// campaign: cost 2000 ROAS 2.7
	// roas 2.7 vs 4 -1.3 -0.325 worse
	// cpm 33.3333333333333333 vs 40 -6.6666666666666667 -0.1666666666666667 better
}

// ROAS is revenue / cost: 200 / 100 = 2, often written 200 % or "2x". At
// break-even it is 1 (ROI 0).
func ExampleROAS() {
	s, _ := roi.ROAS(decimal.NewFromInt(200), decimal.NewFromInt(100))
	fmt.Println(s)
	s, _ = roi.ROAS(decimal.NewFromInt(100), decimal.NewFromInt(100))
	fmt.Println(s)
	_, err := roi.ROAS(decimal.NewFromInt(100), decimal.Zero)
	fmt.Println(err)
	// Output:
	// 2
	// 1
	// roi: ROAS: cost: not positive (0)
}

// Profit is revenue − cost: 150 − 200 = −50, a loss.
func ExampleProfit() {
	p, _ := roi.Profit(decimal.NewFromInt(150), decimal.NewFromInt(200))
	fmt.Println(p)
	// Output:
	// -50
}

// At a 40 % gross margin, a campaign costing 1,000 breaks even at
// 1,000 / 0.4 = 2,500 of revenue (a break-even ROAS of 2.5).
func ExampleBreakEvenRevenue() {
	r, _ := roi.BreakEvenRevenue(decimal.NewFromInt(1000), decimal.RequireFromString("0.4"))
	fmt.Println(r)
	// Output:
	// 2500
}

// A cost of 3,000 and a profit of 1,200 a month: 3000 / 1200 = 2.5 months.
func ExamplePaybackPeriod() {
	p, _ := roi.PaybackPeriod(decimal.NewFromInt(3000), decimal.NewFromInt(1200))
	fmt.Println(p, "months")
	// Output:
	// 2.5 months
}

// 1,000 spent for 8 new customers: 1000 / 8 = 125 per customer.
func ExampleCAC() {
	c, _ := roi.CAC(decimal.NewFromInt(1000), 8)
	fmt.Println(c)
	// Output:
	// 125
}

// 300 for 1,200 likes, comments, shares and saves: 300 / 1200 = 0.25.
func ExampleCPE() {
	c, _ := roi.CPE(decimal.NewFromInt(300), 1200)
	fmt.Println(c)
	// Output:
	// 0.25
}

// 10 for 3 clicks: 3.33… rounded half away from zero at 16 places.
func ExampleCPC() {
	c, _ := roi.CPC(decimal.NewFromInt(10), 3)
	fmt.Println(c)
	// Output:
	// 3.3333333333333333
}

// 500 for 20 sales: 500 / 20 = 25 per sale. A negative cost is refused.
func ExampleCPA() {
	c, _ := roi.CPA(decimal.NewFromInt(500), 20)
	fmt.Println(c)
	_, err := roi.CPA(decimal.NewFromInt(-500), 20)
	fmt.Println(err)
	// Output:
	// 25
	// roi: CPA: cost: negative (-500)
}

// 90 for 45 sign-ups: 90 / 45 = 2 per lead.
func ExampleCPL() {
	c, _ := roi.CPL(decimal.NewFromInt(90), 45)
	fmt.Println(c)
	// Output:
	// 2
}

// 12 for 4,800 video views: 12 / 4800 = 0.0025 per view.
func ExampleCPV() {
	c, _ := roi.CPV(decimal.NewFromInt(12), 4800)
	fmt.Println(c)
	// Output:
	// 0.0025
}

// 250,000 impressions valued at a CPM of 8: 250000 × 8 / 1000 = 2,000.
func ExampleEMVFromImpressions() {
	v, _ := roi.EMVFromImpressions(250000, decimal.NewFromInt(8))
	fmt.Println(v)
	// Output:
	// 2000
}

// The illustrative card values likes at 0.30, comments at 0.50 and 1,000
// impressions at 0.05 (so one impression at 0.00005); it is an example, not
// market data.
func ExampleIllustrativeEMVCard() {
	card := roi.IllustrativeEMVCard()
	fmt.Println(card.Currency, card.Default.Like, card.Default.Comment, card.Default.Impression, card.Default.View)
	// Output:
	// USD 0.3 0.5 0.00005 0
}

// An EMV card with a negative unit value is refused, naming the field.
func ExampleEMVCard_Validate() {
	card := roi.EMVCard{Currency: budget.MustParseCurrency("EUR"), Default: roi.UnitValues{Like: decimal.RequireFromString("-0.1")}}
	fmt.Println(card.Validate())
	card.Default.Like = decimal.RequireFromString("0.1")
	fmt.Println(card.Validate())
	// Output:
	// roi: EMVCard.Validate: Default.likes: negative (-0.1)
	// <nil>
}

// Parameter names are matched ignoring case; values are decoded and trimmed.
func ExampleParseUTM() {
	u, _ := roi.ParseUTM("https://shop.example/tee?UTM_Source=Instagram&utm_campaign=spring%20sale&utm_content=anna")
	fmt.Printf("%q %q %q\n", u.Source, u.Campaign, u.Content)
	// Output:
	// "Instagram" "spring sale" "anna"
}

func ExampleUTM_IsZero() {
	u, _ := roi.ParseUTM("https://shop.example/?ref=home")
	fmt.Println(u.IsZero())
	u, _ = roi.ParseUTM("/?utm_source=tiktok")
	fmt.Println(u.IsZero())
	// Output:
	// true
	// false
}

// A Shopify-style export: columns are found by name; the currency column
// is missing here, so the default applies.
func ExampleReadOrders() {
	in := "Name,Created at,Total,Discount Code,Landing Site\n" +
		"#1001,2026-03-02 10:15:00 +0100,59.90, anna10 ,/products/tee\n" +
		"#1002,2026-03-02,120.00,,/?utm_source=instagram&utm_campaign=ben\n"
	orders, err := roi.ReadOrders(strings.NewReader(in), budget.MustParseCurrency("EUR"))
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range orders {
		fmt.Println(o.ID, o.Time.UTC().Format(time.RFC3339), o.Amount, o.Currency, strings.TrimSpace(o.Code), o.LandingURL)
	}
	_, err = roi.ReadOrders(strings.NewReader("id,time,amount\n1,2026-03-02,€5\n"), budget.MustParseCurrency("EUR"))
	fmt.Println(err != nil)
	// Output:
	// #1001 2026-03-02T09:15:00Z 59.9 EUR anna10 /products/tee
	// #1002 2026-03-02T00:00:00Z 120 EUR  /?utm_source=instagram&utm_campaign=ben
	// true
}

// Newcombe (1998), Table II, example (a): 56/70 against 48/80 at 95 %.
// The paper gives 0.0524 to 0.3339 for the difference (method 10). Relative
// lift by hand (Katz): RR = 0.8 / 0.6 = 4/3, se = √(1/56 − 1/70 + 1/48 −
// 1/80) = 0.10911, exp(ln 4/3 ± 1.96 × 0.10911) − 1 = 0.0766 … 0.6512.
func ExampleLiftCI() {
	ci, err := roi.LiftCI(roi.Group{Size: 70, Conversions: 56}, roi.Group{Size: 80, Conversions: 48}, decimal.RequireFromString("0.95"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("difference", ci.Difference.Low.Round(4), ci.Difference.High.Round(4))
	fmt.Println("lift", ci.Lift.Low.Round(4), ci.Lift.High.Round(4))
	// Output:
	// difference 0.0524 0.3339
	// lift 0.0766 0.6512
}

// ROAS 3 against a benchmark of 4: −1, relative −1/4, worse. CPM 6
// against 8: −2, relative −1/4, better (lower is better). The benchmark's
// CPA cannot be compared: these metrics have no conversions, so no CPA.
func ExampleCompare() {
	cur := roi.Metrics{Cost: decimal.NewFromInt(600), Revenue: decimal.NewFromInt(1800), Impressions: 100000}
	roas, cpm := decimal.NewFromInt(3), decimal.NewFromInt(6) // 1800/600, 600×1000/100000
	cur.ROAS, cur.CPM = &roas, &cpm
	res, err := roi.Compare(cur, roi.Baseline{roi.MetricROAS: decimal.NewFromInt(4), roi.MetricCPM: decimal.NewFromInt(8), roi.MetricCPA: decimal.NewFromInt(20)})
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range res.Changes {
		fmt.Println(c.Metric, c.Current, "vs", c.Baseline, c.Absolute, *c.Relative, c.Verdict)
	}
	fmt.Println("undefined:", res.Undefined) // no conversions: no CPA
	_, err = roi.Compare(cur, roi.Baseline{"rosa": decimal.NewFromInt(4)})
	fmt.Println(err)
	// Output:
	// roas 3 vs 4 -1 -0.25 worse
	// cpm 6 vs 8 -2 -0.25 better
	// undefined: [cpa]
	// roi: Compare: baseline: unknown metric ("rosa")
}

// Two past campaigns pooled: cost 1000 + 3000 = 4000, revenue 2000 + 10000
// = 12000, so ROAS 12000 / 4000 = 3 (not the mean 3.5 of their ROAS 2 and
// 10/3); 100 + 200 = 300 conversions, CPA 4000 / 300 = 13.33….
func ExamplePool() {
	a := roi.Metrics{Cost: decimal.NewFromInt(1000), Revenue: decimal.NewFromInt(2000), Conversions: decimal.NewFromInt(100)}
	b := roi.Metrics{Cost: decimal.NewFromInt(3000), Revenue: decimal.NewFromInt(10000), Conversions: decimal.NewFromInt(200)}
	p, err := roi.Pool(a, b)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Cost, p.Revenue, *p.ROAS, *p.ROI, *p.CPA, p.CPM == nil)
	// Output:
	// 4000 12000 3 2 13.3333333333333333 true
}

// Baseline lists the metrics that are defined: no CPM without
// impressions, no EMV without an EMV card.
func ExampleMetrics_Baseline() {
	m, _ := roi.Pool(roi.Metrics{Cost: decimal.NewFromInt(500), Revenue: decimal.NewFromInt(1500), Conversions: decimal.NewFromInt(25), Engagements: 2000})
	b := m.Baseline()
	for _, k := range slices.Sorted(maps.Keys(b)) {
		fmt.Println(k, b[k])
	}
	// Output:
	// conversions 25
	// cost 500
	// cpa 20
	// cpe 0.25
	// engagements 2000
	// impressions 0
	// revenue 1500
	// roas 3
	// roi 2
}

func ExampleMetricDirection() {
	for _, m := range []string{roi.MetricROAS, roi.MetricCPM, roi.MetricCost, "ctr"} {
		d, ok := roi.MetricDirection(m)
		fmt.Println(m, d, ok)
	}
	// Output:
	// roas higher true
	// cpm lower true
	// cost neutral true
	// ctr neutral false
}

func ExampleDirection_MarshalText() {
	b, _ := roi.LowerIsBetter.MarshalText()
	fmt.Println(string(b), roi.HigherIsBetter.String())
	// Output:
	// lower higher
}

func ExampleDirection_UnmarshalText() {
	var d roi.Direction
	fmt.Println(d.UnmarshalText([]byte("lower")), d == roi.LowerIsBetter)
	fmt.Println(d.UnmarshalText([]byte("up")))
	// Output:
	// <nil> true
	// roi: Direction.UnmarshalText: text: unknown roi.Direction, want one of neutral, higher, lower ("up")
}

func ExampleVerdict_MarshalText() {
	b, _ := roi.Worse.MarshalText()
	fmt.Println(string(b), roi.Better.String(), roi.Same.String(), roi.Changed.String())
	// Output:
	// worse better same changed
}

func ExampleVerdict_UnmarshalText() {
	var v roi.Verdict
	fmt.Println(v.UnmarshalText([]byte("better")), v == roi.Better)
	// Output:
	// <nil> true
}

// Rules marshal by name, so configurations can say "model": "markov".
func ExampleRule_MarshalText() {
	b, _ := roi.PositionBased.MarshalText()
	fmt.Println(string(b), roi.Shapley.String())
	_, err := roi.Rule(6).MarshalText()
	fmt.Println(err)
	// Output:
	// position-based shapley
	// roi: Rule.MarshalText: unknown value (6)
}

func ExampleRule_UnmarshalText() {
	var r roi.Rule
	fmt.Println(r.UnmarshalText([]byte("last-touch")), r == roi.LastTouch)
	fmt.Println(r.UnmarshalText([]byte("LastTouch")))
	// Output:
	// <nil> true
	// roi: Rule.UnmarshalText: text: unknown roi.Rule, want one of last-touch, first-touch, linear, position-based, markov, shapley ("LastTouch")
}

// The configured models name themselves with their parameters.
func ExampleModel() {
	for _, m := range []roi.Model{
		roi.Markov,
		roi.MarkovChain{Order: 2},
		roi.Positions{First: decimal.RequireFromString("0.3"), Last: decimal.RequireFromString("0.5")},
		roi.TimeDecay{HalfLife: 7 * 24 * time.Hour},
	} {
		fmt.Println(m)
	}
	// Output:
	// markov
	// markov(order 2)
	// positions(0.3,0.5)
	// time-decay(168h0m0s)
}

// Position-based ("U-shaped") attribution of one conversion worth 100 over
// four touches: 40 % to the first, 40 % to the last, the 20 % in between
// split by the two middle touches (10 % each); two touches split 50/50.
func ExampleRule() {
	paths := []roi.Path{
		{Channels: []string{"anna", "ben", "cleo", "dana"}, Conversions: 1, Value: decimal.NewFromInt(100)},
		{Channels: []string{"anna", "dana"}, Conversions: 1, Value: decimal.NewFromInt(10)},
	}
	credits, _ := roi.Attribute(paths, roi.PositionBased)
	printCredits(credits)
	// Output:
	// anna 0.9 45
	// ben 0.1 10
	// cleo 0.1 10
	// dana 0.9 45
}

// A second-order chain remembers where a journey came from. Paths:
// a > b > c converts 6 times (value 60), d > b > e never does (6 nulls).
// Order 1 only sees that b leads to c half the time, so d, which feeds b,
// gets credit: removal effects a 1/2, b 1, c 1, d 1/2, e 0, shares of 3.
// Order 2 knows that only (a,b) leads to c: a, b and c get a third each.
func ExampleMarkovChain() {
	paths := []roi.Path{
		{Channels: []string{"a", "b", "c"}, Conversions: 6, Value: decimal.NewFromInt(60)},
		{Channels: []string{"d", "b", "e"}, Nulls: 6},
	}
	for _, m := range []roi.Model{roi.MarkovChain{Order: 1}, roi.MarkovChain{Order: 2}} {
		credits, _ := roi.Attribute(paths, m)
		fmt.Print(m, ":")
		for _, c := range []string{"a", "b", "c", "d", "e"} {
			fmt.Print(" ", c, " ", credits[c].Conversions.Round(9))
		}
		fmt.Println()
	}
	// Output:
	// markov(order 1): a 1 b 2 c 2 d 1 e 0
	// markov(order 2): a 2 b 2 c 2 d 0 e 0
}

func ExampleRule_String() {
	fmt.Println(roi.FirstTouch, roi.LastTouch, roi.Linear, roi.PositionBased, roi.Markov, roi.Shapley, roi.Rule(6))
	// Output:
	// first-touch last-touch linear position-based markov shapley Rule(6)
}

func ExampleMarkovChain_String() {
	fmt.Println(roi.MarkovChain{Order: 3})
	// Output:
	// markov(order 3)
}

func ExamplePositions_String() {
	fmt.Println(roi.Positions{First: decimal.RequireFromString("0.4"), Last: decimal.RequireFromString("0.4")})
	// Output:
	// positions(0.4,0.4)
}

func ExampleTimeDecay_String() {
	fmt.Println(roi.TimeDecay{HalfLife: 36 * time.Hour})
	// Output:
	// time-decay(36h0m0s)
}

func ExampleDirection_String() {
	fmt.Println(roi.HigherIsBetter, roi.LowerIsBetter, roi.Neutral, roi.Direction(3))
	// Output:
	// higher lower neutral Direction(3)
}

func ExampleVerdict_String() {
	fmt.Println(roi.Same, roi.Better, roi.Worse, roi.Changed)
	// Output:
	// same better worse changed
}
