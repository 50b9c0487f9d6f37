package roi

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

func dp(s string) *decimal.Decimal { v := d(s); return &v }

func testPlan(t *testing.T) budget.Plan {
	t.Helper()
	eur := budget.MustParseCurrency("EUR")
	p, err := budget.NewPlan(eur, d("5000"), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, li := range []budget.LineItem{
		{Name: "anna", Category: budget.InfluencerFees, Planned: d("2000"), Actual: d("1800")},
		{Name: "ben", Category: budget.InfluencerFees, Planned: d("1500"), Actual: d("1500")},
		{Name: "tools", Category: budget.Tools, Planned: d("300"), Actual: d("200")},
	} {
		if p, err = p.AddItem(li); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func testCampaign(t *testing.T) Campaign {
	card := IllustrativeEMVCard()
	card.Currency = eur
	return Campaign{
		Currency: eur,
		Plan:     testPlan(t),
		EMVCard:  &card,
		Influencers: []InfluencerInput{
			{Influencer: "anna", Revenue: d("5400"), Conversions: d("90"), Posts: []kpi.Post{
				{Platform: kpi.Instagram, Likes: 1000, Comments: 100, Shares: 50, Saves: 50, Impressions: 60000},
			}},
			{Influencer: "ben", Revenue: d("1200"), Conversions: d("0"), Posts: []kpi.Post{
				{Platform: kpi.TikTok, Likes: 400, Comments: 100, Hidden: kpi.FieldImpressions},
			}},
		},
	}
}

func TestReport(t *testing.T) {
	got, err := Report(testCampaign(t))
	if err != nil {
		t.Fatal(err)
	}
	// anna: cost 1800 (actual), engagements 1000+100+50+50 = 1200,
	// ROI (5400−1800)/1800 = 2, ROAS 3, CPA 1800/90 = 20, CPE 1800/1200 = 1.5,
	// CPM 1800·1000/60000 = 30, EMV 60000·0.00005 + 1000·0.30 + 100·0.50 = 353.
	// ben: cost 1500, engagements 500, ROI (1200−1500)/1500 = −0.2,
	// ROAS 0.8, no CPA (no conversions), CPE 3, no CPM (impressions hidden),
	// EMV 400·0.30 + 100·0.50 = 170.
	// overhead: tools, actual 200. Total cost 3500, revenue 6600, 90
	// conversions, 1700 engagements; ROI 3100/3500 = 0.885714285714285714…,
	// ROAS 6600/3500 = 1.885714285714285714…, CPA 3500/90 = 38.88…,
	// CPE 3500/1700 = 2.0588235294117647 05…, EMV 523.
	want := CampaignReport{
		Currency: eur,
		Overhead: d("200"),
		Influencers: []InfluencerReport{
			{"anna", Metrics{Cost: d("1800"), Revenue: d("5400"), Conversions: d("90"), Engagements: 1200, Impressions: 60000,
				EMV: dp("353"), ROI: dp("2"), ROAS: dp("3"), CPA: dp("20"), CPE: dp("1.5"), CPM: dp("30"), Currency: eur}},
			{"ben", Metrics{Cost: d("1500"), Revenue: d("1200"), Conversions: d("0"), Engagements: 500,
				EMV: dp("170"), ROI: dp("-0.2"), ROAS: dp("0.8"), CPE: dp("3"), NotReported: kpi.FieldImpressions, Currency: eur}},
		},
		Total: Metrics{Cost: d("3500"), Revenue: d("6600"), Conversions: d("90"), Engagements: 1700, Impressions: 60000,
			EMV: dp("523"), ROI: dp("0.8857142857142857"), ROAS: dp("1.8857142857142857"), CPA: dp("38.8888888888888889"),
			CPE: dp("2.0588235294117647"), NotReported: kpi.FieldImpressions, Currency: eur},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}

	// A hidden count the card values (views, at 0.01 on a card of our own)
	// is reported in NotReported, though no ratio uses views.
	c0 := testCampaign(t)
	c0.EMVCard.Default.View = d("0.01")
	c0.Influencers[0].Posts = append(c0.Influencers[0].Posts, kpi.Post{Platform: kpi.Instagram, Hidden: kpi.FieldViews})
	got, err = Report(c0)
	if err != nil {
		t.Fatal(err)
	}
	if got.Influencers[0].NotReported != kpi.FieldViews || got.Influencers[0].CPE == nil || got.Total.NotReported != kpi.FieldViews|kpi.FieldImpressions {
		t.Errorf("hidden views: anna %v (CPE %v), total %v", got.Influencers[0].NotReported, got.Influencers[0].CPE, got.Total.NotReported)
	}

	// Planned basis: anna 2000, ben 1500, tools 300; total 3800.
	c := testCampaign(t)
	c.CostBasis = PlannedCost
	got, err = Report(c)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Total.Cost.Equal(d("3800")) || !got.Influencers[0].Cost.Equal(d("2000")) || !got.Overhead.Equal(d("300")) {
		t.Errorf("planned: %v %v %v", got.Total.Cost, got.Influencers[0].Cost, got.Overhead)
	}

	// Without a plan: given costs and overhead.
	c = testCampaign(t)
	c.Plan = budget.Plan{}
	c.Overhead = d("50")
	c.Influencers[0].Cost = d("100")
	c.Influencers[1].Cost = d("0")
	c.EMVCard = nil
	got, err = Report(c)
	if err != nil {
		t.Fatal(err)
	}
	// ben costs nothing: no ROI or ROAS (division by a zero cost), but a
	// true CPE of 0. Total cost 150.
	if b := got.Influencers[1]; b.ROI != nil || b.ROAS != nil || !b.CPE.IsZero() || b.EMV != nil {
		t.Errorf("ben %+v", b)
	}
	if !got.Total.Cost.Equal(d("150")) || got.Total.EMV != nil {
		t.Errorf("total %+v", got.Total)
	}
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	var back CampaignReport
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(got, back); diff != "" {
		t.Errorf("JSON round trip (-want +got)\n%s", diff)
	}
}

func TestReportErrors(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Campaign)
		want   error
	}{
		{"no currency", func(c *Campaign) { c.Currency = budget.Currency{} }, ErrInvalid},
		{"plan currency", func(c *Campaign) { c.Currency = usd; c.EMVCard = nil }, ErrCurrencyMismatch},
		{"card currency", func(c *Campaign) { card := IllustrativeEMVCard(); c.EMVCard = &card }, ErrCurrencyMismatch},
		{"card without currency", func(c *Campaign) { c.EMVCard.Currency = budget.Currency{} }, ErrInvalid},
		{"not in plan", func(c *Campaign) { c.Influencers[0].Influencer = "cleo" }, ErrInvalid},
		{"twice", func(c *Campaign) { c.Influencers[1].Influencer = "anna" }, ErrDuplicate},
		{"hidden but given", func(c *Campaign) { c.Influencers[1].Posts[0].Impressions = 5 }, ErrInvalid},
		{"negative revenue", func(c *Campaign) { c.Influencers[1].Revenue = d("-1") }, ErrNegative},
		{"negative count", func(c *Campaign) { c.Influencers[1].Posts[0].Likes = -1 }, kpi.ErrNegative},
		{"negative count, roi sentinel", func(c *Campaign) { c.Influencers[1].Posts[0].Likes = -1 }, ErrNegative},
		{"basis", func(c *Campaign) { c.CostBasis = 7 }, ErrInvalid},
		{"cost with plan", func(c *Campaign) { c.Influencers[0].Cost = d("1") }, ErrInvalid},
		{"overhead with plan", func(c *Campaign) { c.Overhead = d("1") }, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := testCampaign(t)
			tt.change(&c)
			if _, err := Report(c); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestCompare(t *testing.T) {
	rep, err := Report(testCampaign(t))
	if err != nil {
		t.Fatal(err)
	}
	// Against a typed-in benchmark: cost 3000, ROAS 2, CPA 40.
	// cost +500, relative 500/3000 = 0.1666…7, neutral: changed.
	// ROAS 1.8857142857142857 − 2 = −0.1142857142857143, relative
	// −0.05714285714285715 → −0.0571428571428572 (half away from zero): worse.
	// CPA 38.8888888888888889 − 40 = −1.1111111111111111, relative
	// −0.0277777777777777775 → −0.0277777777777778: lower is better.
	got, err := Compare(rep.Total, Baseline{MetricCost: d("3000"), MetricROAS: d("2"), MetricCPA: d("40"), MetricCPM: d("8")})
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{
		{Metric: "cost", Direction: Neutral, Current: d("3500"), Baseline: d("3000"), Absolute: d("500"), Relative: dp("0.1666666666666667"), Verdict: Changed, Currency: eur},
		{Metric: "roas", Direction: HigherIsBetter, Current: d("1.8857142857142857"), Baseline: d("2"), Absolute: d("-0.1142857142857143"), Relative: dp("-0.0571428571428572"), Verdict: Worse},
		{Metric: "cpa", Direction: LowerIsBetter, Current: d("38.8888888888888889"), Baseline: d("40"), Absolute: d("-1.1111111111111111"), Relative: dp("-0.0277777777777778"), Verdict: Better, Currency: eur},
		// no CPM: the current campaign has none (impressions hidden).
	}
	if diff := cmp.Diff(Comparison{Changes: want, Undefined: []string{"cpm"}}, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if _, err := Compare(rep.Total, Baseline{"roas ": d("1")}); !errors.Is(err, ErrInvalid) {
		t.Error(err)
	}

	// Against past campaigns pooled: anna's and ben's lines as two "past
	// campaigns": cost 3300, revenue 6600, ROAS 2, EMV 523, conversions 90.
	past, err := Pool(rep.Influencers[0].Metrics, rep.Influencers[1].Metrics)
	if err != nil {
		t.Fatal(err)
	}
	if !past.ROAS.Equal(d("2")) || !past.Cost.Equal(d("3300")) || !past.EMV.Equal(d("523")) || past.CPM != nil {
		t.Errorf("pool %+v", past)
	}
	got, err = Compare(rep.Total, past.Baseline())
	if err != nil {
		t.Fatal(err)
	}
	verdicts := map[string]Verdict{}
	for _, c := range got.Changes {
		verdicts[c.Metric] = c.Verdict
	}
	// Revenue, conversions, engagements, impressions, EMV equal; cost 3500
	// vs 3300 changed; ROI 0.8857… vs 1 worse; ROAS worse; CPA 38.9 vs
	// 3300/90 = 36.7 worse; CPE 3500/1700 vs 3300/1700 worse.
	wantV := map[string]Verdict{"cost": Changed, "revenue": Same, "conversions": Same, "engagements": Same,
		"impressions": Same, "emv": Same, "roi": Worse, "roas": Worse, "cpa": Worse, "cpe": Worse}
	if diff := cmp.Diff(wantV, verdicts); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	b, err := json.Marshal(got.Changes[0])
	if err != nil {
		t.Fatal(err)
	}
	// Cost is money: 3500, 3300 and 200 EUR written with EUR's two minor
	// digits, each with its currency (was "3500", "3300", "200").
	if want := `{"metric":"cost","direction":"neutral","current":{"amount":"3500.00","currency":"EUR"},"baseline":{"amount":"3300.00","currency":"EUR"},"absolute":{"amount":"200.00","currency":"EUR"},"relative":"0.0606060606060606","verdict":"changed"}`; string(b) != want {
		t.Errorf("JSON %s, want %s", b, want)
	}
	if len(got.Undefined) != 0 { // past pooled has no CPM either
		t.Errorf("undefined %v", got.Undefined)
	}
	var back Comparison
	b, _ = json.Marshal(got)
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(got, back); diff != "" {
		t.Errorf("JSON round trip (-want +got)\n%s", diff)
	}
}

// Values outside the enums do not marshal as a valid name.
func TestEnumText(t *testing.T) {
	if _, err := Direction(5).MarshalText(); !errors.Is(err, ErrInvalid) {
		t.Errorf("Direction(5): %v", err)
	}
	if _, err := Verdict(-1).MarshalText(); !errors.Is(err, ErrInvalid) {
		t.Errorf("Verdict(-1): %v", err)
	}
	if got := []string{Direction(5).String(), Verdict(9).String()}; got[0] != "Direction(5)" || got[1] != "Verdict(9)" {
		t.Errorf("String: %q", got)
	}
	for _, d := range []Direction{LowerIsBetter, Neutral, HigherIsBetter} {
		b, err := d.MarshalText()
		var back Direction = 7
		if err != nil || back.UnmarshalText(b) != nil || back != d {
			t.Errorf("%v round trip: %q %v %v", d, b, back, err)
		}
	}
	for _, v := range []Verdict{Same, Better, Worse, Changed} {
		b, err := v.MarshalText()
		var back Verdict = 7
		if err != nil || back.UnmarshalText(b) != nil || back != v {
			t.Errorf("%v round trip: %q %v %v", v, b, back, err)
		}
	}
}
