package budget_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/shopspring/decimal"
)

func ExampleSplit() {
	// 100.00 over 1:1:1 is 10000 cents; 3333 each and one cent left, which
	// goes to the first of the equal remainders.
	parts, err := budget.Split(decimal.RequireFromString("100.00"),
		[]decimal.Decimal{decimal.NewFromInt(1), decimal.NewFromInt(1), decimal.NewFromInt(1)}, 2)
	if err != nil {
		panic(err)
	}
	for _, p := range parts {
		fmt.Println(p.StringFixed(2))
	}
	// Output:
	// 33.34
	// 33.33
	// 33.33
}

func ExampleSplitEven() {
	// 10 yen in 4: 10 = 4·2 + 2, the first two parts get one more.
	parts, _ := budget.SplitEven(decimal.NewFromInt(10), 4, 0)
	fmt.Println(parts)
	// Output: [3 3 2 2]
}

func ExampleSplit_largestRemainder() {
	// 10000 cents by 1:2:0: quotas 3333⅓, 6666⅔ and 0, floors 3333, 6666, 0
	// and one cent left, which goes to the largest remainder (⅔): index 1.
	// (go-money's Allocate, v0.1's SplitRoundRobin, gave it to the first
	// part: 33.34, 66.66, 0.00.)
	w := []decimal.Decimal{decimal.NewFromInt(1), decimal.NewFromInt(2), decimal.NewFromInt(0)}
	lr, _ := budget.Split(decimal.RequireFromString("100.00"), w, 2)
	for i := range lr {
		fmt.Println(lr[i].StringFixed(2))
	}
	// Output:
	// 33.33
	// 66.67
	// 0.00
}

func ExampleMoney_Add() {
	eur := budget.MustParseCurrency("EUR")
	usd := budget.MustParseCurrency("USD")
	a := budget.Money{Amount: decimal.RequireFromString("10.50"), Currency: eur}
	sum, _ := a.Add(budget.Money{Amount: decimal.RequireFromString("0.25"), Currency: eur})
	fmt.Println(sum)
	_, err := a.Add(budget.Money{Amount: decimal.NewFromInt(1), Currency: usd})
	fmt.Println(err, errors.Is(err, budget.ErrCurrencyMismatch))
	// Output:
	// 10.75 EUR
	// budget: Money.Add: currency mismatch (EUR and USD) true
}

func ExampleParseCurrency() {
	for _, code := range []string{"EUR", "JPY", "KWD", "CLF"} {
		c, _ := budget.ParseCurrency(code)
		fmt.Println(c, c.MinorUnits())
	}
	// Output:
	// EUR 2
	// JPY 0
	// KWD 3
	// CLF 4
}

func ExampleNewPlanFromShares() {
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, 0, 30)
	p, err := budget.NewPlanFromShares(budget.MustParseCurrency("EUR"), decimal.RequireFromString("10000.00"), start, end,
		[]budget.Share{
			{Category: budget.InfluencerFees, Weight: decimal.NewFromInt(60)},
			{Category: budget.ContentProduction, Weight: decimal.NewFromInt(25)},
			{Category: budget.Contingency, Weight: decimal.NewFromInt(15)},
		})
	if err != nil {
		panic(err)
	}
	p, _ = p.RecordActual("influencer_fees", decimal.RequireFromString("4000.00"))
	p, _ = p.RecordActual("content_production", decimal.RequireFromString("1000.00"))
	for _, li := range p.Items() {
		fmt.Println(li.Name, li.Planned.StringFixed(2), li.Actual.StringFixed(2))
	}
	fmt.Println("remaining", p.Remaining().StringFixed(2))
	// 10 of 30 days gone, 5,000 of 10,000 spent: pace 1.5, 500.00 a day.
	b, _ := p.BurnRate(start.AddDate(0, 0, 10))
	fmt.Println("pace", b.Pace, "per day", b.PerDay, "projected", b.Projected)
	// Output:
	// influencer_fees 6000.00 4000.00
	// content_production 2500.00 1000.00
	// contingency 1500.00 0.00
	// remaining 5000.00
	// pace 1.5 per day 500 projected 15000
}

func ExampleRateCard_Price() {
	card := budget.DefaultRateCard(budget.MustParseCurrency("EUR")) // illustrative numbers
	est, err := card.Price(budget.Spec{
		Format:         budget.FormatReel,
		Followers:      50_000,
		EngagementRate: decimal.RequireFromString("0.045"),
		AudienceFit:    decimal.RequireFromString("0.8"),
		UsageMonths:    3,
	})
	if err != nil {
		panic(err)
	}
	for _, l := range est.Lines {
		fmt.Printf("%-24s ×%-5s = %s\n", l.Label, l.Factor, l.Amount)
	}
	fmt.Println(est.Low, est.Expected, est.High)
	// Output:
	// base (micro tier)        ×500   = 500
	// deliverable reel         ×1.5   = 750
	// engagement vs benchmark  ×1.5   = 1125
	// audience fit             ×0.9   = 1012.5
	// usage rights             ×1.3   = 1316.25
	// exclusivity              ×1     = 1316.25
	// 1053 1316.25 1579.5
}

func ExampleAllocate() {
	// Michaelis–Menten curves f = βx/(x+κ) with β = 100, κ = 10 and 40: the
	// closed form gives 40 and 60, both at marginal return 0.4.
	chans := []budget.Channel{
		{Name: "creator A", Curve: budget.MichaelisMenten{Beta: 100, Kappa: 10}},
		{Name: "creator B", Curve: budget.MichaelisMenten{Beta: 100, Kappa: 40}},
	}
	a, err := budget.Allocate(decimal.NewFromInt(100), chans, budget.AllocateOptions{Currency: budget.MustParseCurrency("EUR")})
	if err != nil {
		panic(err)
	}
	for _, c := range a.Channels {
		fmt.Println(c.Name, c.Spend.StringFixed(2), c.Response, c.Average, c.Marginal)
	}
	fmt.Println(a.Method, a.Response)
	// Output:
	// creator A 40.00 80 2 0.4
	// creator B 60.00 60 1 0.4
	// water-filling 140
}

func ExampleAllocateTarget() {
	// Spend while each extra euro still returns at least 0.4: x = √(βκ/0.4) − κ.
	chans := []budget.Channel{
		{Name: "A", Curve: budget.MichaelisMenten{Beta: 100, Kappa: 10}},
		{Name: "B", Curve: budget.MichaelisMenten{Beta: 100, Kappa: 40}},
	}
	a, _ := budget.AllocateTarget(chans, budget.ReturnTarget{Kind: budget.MarginalReturn, Value: decimal.RequireFromString("0.4")},
		budget.AllocateOptions{Currency: budget.MustParseCurrency("EUR")})
	fmt.Println(a.Channels[0].Spend, a.Channels[1].Spend, a.Total)
	// Output: 40 60 100
}

func ExampleGeometricAdstock() {
	a, _ := budget.GeometricAdstock([]float64{100, 100, 100, 100, 100}, 0.5)
	fmt.Println(a)
	// Output: [100 150 175 187.5 193.75]
}

func ExampleHill() {
	// Meridian's Hill: half the saturation level at EC.
	h := budget.Hill{Beta: 10, EC: 4, Slope: 2}
	fmt.Println(h.Response(4), h.Response(2), h.Marginal(2))
	// Output: 5 2 1.6
}

func ExamplePlan_MarshalJSON() {
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	p, _ := budget.NewPlan(budget.MustParseCurrency("JPY"), decimal.NewFromInt(500000), start, start.AddDate(0, 1, 0))
	p, _ = p.AddItem(budget.LineItem{Name: "creator fees", Category: budget.InfluencerFees, Planned: decimal.NewFromInt(400000)})
	b, _ := json.Marshal(p)
	fmt.Println(string(b))
	// Output:
	// {"currency":"JPY","total":{"amount":"500000","currency":"JPY"},"start":"2026-03-01T00:00:00Z","end":"2026-04-01T00:00:00Z","items":[{"name":"creator fees","category":"influencer_fees","planned":{"amount":"400000","currency":"JPY"},"actual":{"amount":"0","currency":"JPY"}}]}
}

func ExampleWeibullAdstock() {
	// Robyn's Weibull CDF adstock over 3 periods, shape 1, scale 0.5: the
	// carry-over weights are 1, e^−0.5, e^−1.5.
	a, _ := budget.WeibullAdstock([]float64{100, 100, 100}, 1, 0.5, budget.WeibullCDF)
	fmt.Printf("%.4f\n", a)
	// Output: [100.0000 160.6531 182.9661]
}

func ExampleAllocate_sShaped() {
	// Two identical S-curves f(x) = 100x³/(x³ + 10³): with 6 to spend, 3 + 3
	// returns 2·100·27/1027 ≈ 5.26 but 6 + 0 returns 100·216/1216 ≈ 17.76, so
	// the grid search puts everything on one channel (water-filling, which
	// assumes concavity, would split evenly).
	h := budget.Hill{Beta: 100, EC: 10, Slope: 3}
	chans := []budget.Channel{{Name: "A", Curve: h}, {Name: "B", Curve: h}}
	a, _ := budget.Allocate(decimal.NewFromInt(6), chans, budget.AllocateOptions{Currency: budget.MustParseCurrency("EUR")})
	fmt.Println(a.Method, a.Channels[0].Spend, a.Channels[1].Spend, a.Response.Round(2))
	// Output: grid-dp 6 0 17.76
}

func ExampleNewPlan() {
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	eur := budget.MustParseCurrency("EUR")
	p, err := budget.NewPlan(eur, decimal.RequireFromString("5000.00"), start, start.AddDate(0, 0, 30))
	if err != nil {
		panic(err)
	}
	for _, li := range []budget.LineItem{
		{Name: "creator fees", Category: budget.InfluencerFees, Planned: decimal.RequireFromString("3000.00")},
		{Name: "reel editing", Category: budget.ContentProduction, Planned: decimal.RequireFromString("800.00")},
		{Name: "spark ads", Category: budget.PaidAmplification, Planned: decimal.RequireFromString("1000.00")},
	} {
		if p, err = p.AddItem(li); err != nil {
			panic(err)
		}
	}
	p, _ = p.RecordActual("creator fees", decimal.RequireFromString("3300.00"))
	p, _ = p.Record("spark ads", budget.Money{Amount: decimal.RequireFromString("400.00"), Currency: eur})
	// planned 3000 + 800 + 1000 = 4800 of 5000; spent 3300 + 400 = 3700
	fmt.Println("unallocated", p.Unallocated().StringFixed(2), "remaining", p.Remaining().StringFixed(2))
	for _, c := range p.ByCategory() {
		fmt.Println(c.Category, c.Planned.StringFixed(2), c.Actual.StringFixed(2))
	}
	for _, li := range p.OverBudget() {
		amount, fraction, _ := li.Variance() // 3300 − 3000 = 300 = 0.1 of 3000
		fmt.Println("over:", li.Name, amount.StringFixed(2), fraction)
	}
	_, err = p.Record("spark ads", budget.Money{Amount: decimal.NewFromInt(5), Currency: budget.MustParseCurrency("USD")})
	fmt.Println(err)
	// Output:
	// unallocated 200.00 remaining 1300.00
	// content_production 800.00 0.00
	// influencer_fees 3000.00 3300.00
	// paid_amplification 1000.00 400.00
	// over: creator fees 300.00 0.1
	// budget: Plan.Record: m.Currency: currency mismatch (EUR and USD)
}

func ExampleLineItem_Variance() {
	li := budget.LineItem{Name: "reels", Planned: decimal.RequireFromString("1000.00"), Actual: decimal.RequireFromString("1100.00")}
	amount, fraction, _ := li.Variance() // 1100 − 1000 = 100, 100/1000 = 0.1
	fmt.Println(amount.StringFixed(2), fraction)
	li.Planned = decimal.Zero
	_, _, err := li.Variance()
	fmt.Println(errors.Is(err, budget.ErrNonPositive))
	// Output:
	// 100.00 0.1
	// true
}

func ExamplePlan_BurnRate() {
	// 3,000.00 over 30 days, 1,000.00 spent after 10: a third of the time
	// and a third of the money gone, 100.00 a day, on pace for 3,000.00.
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	p, _ := budget.NewPlan(budget.MustParseCurrency("EUR"), decimal.RequireFromString("3000.00"), start, start.AddDate(0, 0, 30))
	p, _ = p.AddItem(budget.LineItem{Name: "fees", Category: budget.InfluencerFees, Planned: decimal.RequireFromString("3000.00")})
	p, _ = p.RecordActual("fees", decimal.RequireFromString("1000.00"))
	b, _ := p.BurnRate(start.AddDate(0, 0, 10))
	fmt.Println(b.Elapsed, b.Spent, b.PerDay, b.Pace, b.Projected)
	// now at the plan's start: nothing has elapsed, the rates are undefined
	_, err := p.BurnRate(start)
	fmt.Println(errors.Is(err, budget.ErrInvalid))
	// Output:
	// 0.3333333333333333 0.3333333333333333 100 1 3000
	// true
}

func ExamplePlan_UnmarshalJSON() {
	var p budget.Plan
	err := json.Unmarshal([]byte(`{"currency":"EUR","total":"900.00","start":"2026-03-01T00:00:00Z","end":"2026-04-01T00:00:00Z",
		"items":[{"name":"reels","category":"influencer_fees","planned":"600.00","actual":"150.00"}]}`), &p)
	fmt.Println(p.Currency(), p.Total(), p.Remaining(), err)
	// errors name the item and the field
	err = json.Unmarshal([]byte(`{"currency":"EUR","total":"900.00","start":"2026-03-01T00:00:00Z","end":"2026-04-01T00:00:00Z",
		"items":[{"name":"reels","category":"influencer_fees","planned":"600.005"}]}`), &p)
	fmt.Println(err)
	// Output:
	// EUR 900 750 <nil>
	// budget: Plan.UnmarshalJSON: reels.Planned: finer than the EUR minor unit (600.005)
}

func ExampleMichaelisMenten() {
	// f = 100x/(x + 10): half of 100 at x = κ = 10; f(40) = 4000/50 = 80;
	// f'(40) = 100·10/50² = 0.4.
	m := budget.MichaelisMenten{Beta: 100, Kappa: 10}
	fmt.Println(m.Response(10), m.Response(40), m.Marginal(40))
	// Output: 50 80 0.4
}

func ExampleLogistic() {
	// f = 100·(σ(x − 5) − σ(−5)): steepest at Mid = 5, where f' = 100·¼ = 25,
	// and f(5) = 100·(0.5 − 0.00669) ≈ 49.33.
	l := budget.Logistic{Max: 100, Steepness: 1, Mid: 5}
	fmt.Printf("%.2f %.2f %g\n", l.Response(5), l.Marginal(5), l.Inflection())
	// Output: 49.33 25.00 5
}

func ExampleRobynHill() {
	// Robyn's saturation_hill with alpha 3, gamma 0.5 over spends 100…200:
	// gammaTrans = 100 + 0.5·100 = 150, so f(150) = ½ and
	// f(100) = 100³/(100³ + 150³) = 1/(1 + 3.375) ≈ 0.2286.
	r := budget.RobynHill{Beta: 1, Alpha: 3, Gamma: 0.5, Min: 100, Max: 200}
	fmt.Printf("%g %g %.4f %+v\n", r.GammaTrans(), r.Response(150), r.Response(100), r.Hill())
	// Output: 150 0.5 0.2286 {Beta:1 EC:150 Slope:3}
}

func ExampleNewMoney() {
	eur := budget.MustParseCurrency("EUR")
	m, err := budget.NewMoney(decimal.RequireFromString("12.5"), eur)
	fmt.Println(m, err)
	_, err = budget.NewMoney(decimal.RequireFromString("1.005"), eur)
	fmt.Println(errors.Is(err, budget.ErrMinorUnit))
	// Output:
	// 12.50 EUR <nil>
	// true
}

func ExampleMoney_Split() {
	// 100 yen by 1:2: 33⅓ and 66⅔ yen, floors 33 and 66, the left yen to the
	// larger remainder.
	m := budget.Money{Amount: decimal.NewFromInt(100), Currency: budget.MustParseCurrency("JPY")}
	parts, _ := m.Split([]decimal.Decimal{decimal.NewFromInt(1), decimal.NewFromInt(2)})
	fmt.Println(parts)
	// Output: [33 JPY 67 JPY]
}

func ExampleSplit_currency() {
	// Split at a currency's minor unit (v0.1's Currency.Split): KWD has 3
	// decimals: 10.000 is 10000 fils, 3333 each and one left.
	kwd := budget.MustParseCurrency("KWD")
	one := decimal.NewFromInt(1)
	parts, _ := budget.Split(decimal.NewFromInt(10), []decimal.Decimal{one, one, one}, kwd.MinorUnits())
	fmt.Println(parts)
	// Output: [3.334 3.333 3.333]
}

func ExampleMoney_MarshalJSON() {
	// the amount keeps the currency's minor digits: 12.3 EUR is "12.30"
	m := budget.Money{Amount: decimal.RequireFromString("12.3"), Currency: budget.MustParseCurrency("EUR")}
	b, _ := json.Marshal(m)
	fmt.Println(string(b))
	var back budget.Money
	err := json.Unmarshal([]byte(`{"amount":"5","currency":"jpy"}`), &back)
	fmt.Println(back, err)
	// Output:
	// {"amount":"12.30","currency":"EUR"}
	// 5 JPY <nil>
}

func ExampleMichaelisMentenThrough() {
	// 1,000.00 spent brought 4,000.00; assume elasticity 0.5 there:
	// Kappa = 1000·0.5/0.5 = 1000, Beta = 4000/0.5 = 8000. The curve passes
	// through the point, f(1000) = 8000·1000/2000 = 4000, and the next euro
	// returns f'(1000) = 8000·1000/2000² = 2, half the average return of 4.
	m, err := budget.MichaelisMentenThrough(decimal.NewFromInt(1000), decimal.NewFromInt(4000), decimal.RequireFromString("0.5"))
	fmt.Printf("%+v %v\n", m, err)
	fmt.Println(m.Response(1000), m.Marginal(1000))
	// Output:
	// {Beta:8000 Kappa:1000} <nil>
	// 4000 2
}

func ExampleCurrency_Round() {
	eur, jpy := budget.MustParseCurrency("EUR"), budget.MustParseCurrency("JPY")
	fmt.Println(eur.Round(decimal.RequireFromString("2.345")), eur.Round(decimal.RequireFromString("-2.345")),
		jpy.Round(decimal.RequireFromString("2.5")))
	// Output: 2.35 -2.35 3
}

func ExampleCurrency_Check() {
	eur := budget.MustParseCurrency("EUR")
	fmt.Println(eur.Check(decimal.RequireFromString("1.00")))
	fmt.Println(eur.Check(decimal.RequireFromString("1.005")))
	// Output:
	// <nil>
	// budget: Currency.Check: amount: finer than the EUR minor unit (1.005)
}

func ExampleMustParseCurrency() {
	// for literals in tests and examples; ParseCurrency returns the error
	fmt.Println(budget.MustParseCurrency("JPY").MinorUnits())
	// Output: 0
}

func ExampleDefaultRateCard() {
	// illustrative numbers only: a micro creator's post is 500, a reel 1.5×
	card := budget.DefaultRateCard(budget.MustParseCurrency("USD"))
	for _, t := range card.Bands {
		fmt.Println(t.Name, t.MinFollowers, t.Fee)
	}
	fmt.Println(card.Basis, card.Factors.Reel, card.Spread)
	// Output:
	// nano 0 100
	// micro 10000 500
	// mid 100000 2500
	// macro 500000 7500
	// mega 1000000 15000
	// per-band 1.5 0.2
}

func ExampleRateCard_Validate() {
	card := budget.DefaultRateCard(budget.MustParseCurrency("EUR"))
	card.FitFloor = decimal.RequireFromString("1.2")
	fmt.Println(card.Validate())
	// Output: budget: RateCard.Validate: FitFloor: outside [0, 1] (1.2)
}

func ExampleMoney_Sub() {
	eur := budget.MustParseCurrency("EUR")
	budgetLeft := budget.Money{Amount: decimal.RequireFromString("100.00"), Currency: eur}
	left, _ := budgetLeft.Sub(budget.Money{Amount: decimal.RequireFromString("120.50"), Currency: eur})
	fmt.Println(left, left.Equal(budget.Money{Amount: decimal.RequireFromString("-20.5"), Currency: eur}))
	// Output: -20.50 EUR true
}

func ExampleCurrency_MarshalText() {
	// a Currency marshals as its code, in JSON too
	b, _ := json.Marshal(struct{ Currency budget.Currency }{budget.MustParseCurrency("KWD")})
	fmt.Println(string(b))
	var back struct{ Currency budget.Currency }
	err := json.Unmarshal([]byte(`{"Currency":"XYZ"}`), &back)
	fmt.Println(errors.Is(err, budget.ErrInvalid))
	// Output:
	// {"Currency":"KWD"}
	// true
}

func ExampleMethod_MarshalText() {
	b, _ := json.Marshal(budget.AllocateOptions{Method: budget.GridDP}.Method)
	fmt.Println(string(b), budget.WaterFilling, budget.AverageReturn, budget.WeibullPDF, budget.FormatReel)
	// Output: "grid-dp" water-filling average pdf reel
}
