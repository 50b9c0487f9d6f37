package budget_test

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/shopspring/decimal"
)

// Every expected output below is worked out by hand in the comment beside
// it; none is pasted from a run.

// amt parses a decimal literal of an example.
func amt(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func ExampleHill_Response() {
	// Slope 1: f(x) = 100·x/(x + 50).
	h := budget.Hill{Beta: 100, EC: 50, Slope: 1}
	// f(0) = 0; f(50) = 100·50/100 = 50 (EC is the half-saturation spend);
	// f(150) = 100·150/200 = 75.
	fmt.Printf("%.4f %.4f %.4f\n", h.Response(0), h.Response(50), h.Response(150))
	// Slope 2: f(100) = 100·100²/(100² + 50²) = 100·10000/12500 = 80.
	s := budget.Hill{Beta: 100, EC: 50, Slope: 2}
	fmt.Printf("%.4f\n", s.Response(100))
	// Output:
	// 0.0000 50.0000 75.0000
	// 80.0000
}

func ExampleHill_Marginal() {
	// Slope 1: f(x) = 100x/(x+50), f'(x) = 100·50/(x+50)² = 5000/(x+50)².
	h := budget.Hill{Beta: 100, EC: 50, Slope: 1}
	// f'(0) = Beta/EC = 100/50 = 2; f'(50) = 5000/100² = 0.5;
	// f'(150) = 5000/200² = 0.125.
	fmt.Printf("%.4f %.4f %.4f\n", h.Marginal(0), h.Marginal(50), h.Marginal(150))
	// Slope 2 at x = 100: u = (100/50)² = 4,
	// Beta·Slope·u/(x·(1+u)²) = 100·2·4/(100·25) = 800/2500 = 0.32.
	// At 0 an S-shaped Hill (Slope > 1) has marginal 0.
	s := budget.Hill{Beta: 100, EC: 50, Slope: 2}
	fmt.Printf("%.4f %.4f\n", s.Marginal(100), s.Marginal(0))
	// Output:
	// 2.0000 0.5000 0.1250
	// 0.3200 0.0000
}

func ExampleMichaelisMenten_Response() {
	m := budget.MichaelisMenten{Beta: 100, Kappa: 10}
	// f(x) = 100·x/(x + 10): f(0) = 0, f(10) = 1000/20 = 50 (Kappa is the
	// half-saturation spend), f(40) = 4000/50 = 80, f(990) = 99000/1000 = 99.
	fmt.Printf("%.4f %.4f %.4f %.4f\n", m.Response(0), m.Response(10), m.Response(40), m.Response(990))
	// Output: 0.0000 50.0000 80.0000 99.0000
}

func ExampleMichaelisMenten_Marginal() {
	m := budget.MichaelisMenten{Beta: 100, Kappa: 10}
	// f'(x) = Beta·Kappa/(x + Kappa)² = 1000/(x + 10)²:
	// f'(0) = 1000/100 = 10, f'(40) = 1000/2500 = 0.4, f'(90) = 1000/10000 = 0.1.
	fmt.Printf("%.4f %.4f %.4f\n", m.Marginal(0), m.Marginal(40), m.Marginal(90))
	// Output: 10.0000 0.4000 0.1000
}

func ExampleLogistic_Response() {
	// k = ln 3 and Mid = 2 make every σ a simple fraction:
	// σ(t) = 1/(1 + e^(−t)), so σ(0) = 1/2, σ(ln 3) = 3/4, σ(2 ln 3) = 9/10,
	// σ(−ln 3) = 1/4 and the offset σ(−k·Mid) = σ(−2 ln 3) = 1/10.
	l := budget.Logistic{Max: 100, Steepness: math.Log(3), Mid: 2}
	// f(x) = 100·(σ(ln 3·(x − 2)) − 1/10):
	// f(0) = 0, f(1) = 100·(1/4 − 1/10) = 15, f(2) = 100·(1/2 − 1/10) = 40,
	// f(3) = 100·(3/4 − 1/10) = 65, f(4) = 100·(9/10 − 1/10) = 80,
	// and it saturates at 100·(1 − 1/10) = 90 (σ(ln 3·998) rounds to 1).
	for _, x := range []float64{0, 1, 2, 3, 4, 1000} {
		fmt.Printf("%.4f\n", l.Response(x))
	}
	// Output:
	// 0.0000
	// 15.0000
	// 40.0000
	// 65.0000
	// 80.0000
	// 90.0000
}

// twoWeeks is the half-open period [1 Mar 2026, 15 Mar 2026) of the plan examples.
func twoWeeks() (start, end time.Time) {
	start = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	return start, start.AddDate(0, 0, 14)
}

func ExamplePlan_AddItem() {
	start, end := twoWeeks()
	empty, err := budget.NewPlan(budget.MustParseCurrency("EUR"), amt("10000.00"), start, end)
	if err != nil {
		panic(err)
	}
	p, err := empty.AddItem(budget.LineItem{Name: "Reels", Category: budget.InfluencerFees, Planned: amt("6000.00")})
	if err != nil {
		panic(err)
	}
	// AddItem returns a new plan: empty still has no items.
	// Planned 6000.00 of 10000.00 leaves 4000.00 unallocated.
	fmt.Println(len(empty.Items()), len(p.Items()), p.Planned().StringFixed(2), p.Unallocated().StringFixed(2))

	_, err = p.AddItem(budget.LineItem{Name: "Reels", Category: budget.Tools, Planned: amt("1.00")})
	fmt.Println(err)
	fmt.Println(errors.Is(err, budget.ErrDuplicate))
	_, err = p.AddItem(budget.LineItem{Name: "Stories", Category: budget.InfluencerFees, Planned: amt("-5")})
	fmt.Println(err)
	// Output:
	// 0 1 6000.00 4000.00
	// budget: Plan.AddItem: Name: already in the plan ("Reels")
	// true
	// budget: Plan.AddItem: Stories.Planned: negative (-5)
}

func ExamplePlan_Record() {
	start, end := twoWeeks()
	eur := budget.MustParseCurrency("EUR")
	p, err := budget.NewPlan(eur, amt("10000.00"), start, end)
	if err != nil {
		panic(err)
	}
	if p, err = p.AddItem(budget.LineItem{Name: "Reels", Category: budget.InfluencerFees, Planned: amt("6000.00")}); err != nil {
		panic(err)
	}
	paid, err := budget.NewMoney(amt("2500.00"), eur)
	if err != nil {
		panic(err)
	}
	if p, err = p.Record("Reels", paid); err != nil {
		panic(err)
	}
	refund, err := budget.NewMoney(amt("-500.00"), eur) // a negative amount is a refund
	if err != nil {
		panic(err)
	}
	if p, err = p.Record("Reels", refund); err != nil {
		panic(err)
	}
	// Actual 2500.00 − 500.00 = 2000.00; remaining 10000.00 − 2000.00 = 8000.00.
	li, _ := p.Item("Reels")
	fmt.Println(li.Actual.StringFixed(2), p.Remaining().StringFixed(2))

	usd, err := budget.NewMoney(amt("100.00"), budget.MustParseCurrency("USD"))
	if err != nil {
		panic(err)
	}
	_, err = p.Record("Reels", usd)
	var mismatch *budget.MismatchError
	fmt.Println(err)
	fmt.Println(errors.As(err, &mismatch), errors.Is(err, budget.ErrCurrencyMismatch))
	_, err = p.Record("Shorts", paid)
	fmt.Println(errors.Is(err, budget.ErrNotFound))
	// Output:
	// 2000.00 8000.00
	// budget: Plan.Record: m.Currency: currency mismatch (EUR and USD)
	// true true
	// true
}

// spentPlan is a 10,000.00 EUR plan with four items, partly spent:
//
//	Reel A   influencer_fees     planned 3000.00  actual 3200.00
//	Reel B   influencer_fees     planned 2000.00  actual 1500.00
//	Shoot    content_production  planned 1500.00  actual 1650.00
//	Reserve  contingency         planned  500.00  actual    0.00
func spentPlan() budget.Plan {
	start, end := twoWeeks()
	p, err := budget.NewPlan(budget.MustParseCurrency("EUR"), amt("10000.00"), start, end)
	if err != nil {
		panic(err)
	}
	for _, li := range []budget.LineItem{
		{Name: "Reel A", Category: budget.InfluencerFees, Planned: amt("3000.00"), Actual: amt("3200.00")},
		{Name: "Reel B", Category: budget.InfluencerFees, Planned: amt("2000.00"), Actual: amt("1500.00")},
		{Name: "Shoot", Category: budget.ContentProduction, Planned: amt("1500.00"), Actual: amt("1650.00")},
		{Name: "Reserve", Category: budget.Contingency, Planned: amt("500.00")},
	} {
		if p, err = p.AddItem(li); err != nil {
			panic(err)
		}
	}
	return p
}

func ExamplePlan_ByCategory() {
	// Sorted by name: "content_production" < "contingency" ('e' < 'i' at the
	// fifth letter) < "influencer_fees".
	// influencer_fees: planned 3000 + 2000 = 5000, actual 3200 + 1500 = 4700.
	for _, c := range spentPlan().ByCategory() {
		fmt.Println(c.Category, c.Planned.StringFixed(2), c.Actual.StringFixed(2))
	}
	// Output:
	// content_production 1500.00 1650.00
	// contingency 500.00 0.00
	// influencer_fees 5000.00 4700.00
}

func ExamplePlan_OverBudget() {
	// Reel A: 3200 > 3000, over by 200 = 200/3000 = 0.0666…, rounded to 16
	// places 0.0666666666666667. Shoot: 1650 > 1500, over by 150 = 0.1.
	// Reel B (1500 ≤ 2000) and Reserve (0 ≤ 500) are within budget.
	for _, li := range spentPlan().OverBudget() {
		amount, fraction, err := li.Variance()
		if err != nil {
			panic(err)
		}
		fmt.Println(li.Name, amount.StringFixed(2), fraction)
	}
	// Output:
	// Reel A 200.00 0.0666666666666667
	// Shoot 150.00 0.1
}

func ExamplePlan_Items() {
	p := spentPlan()
	items := p.Items() // in the order they were added
	for _, li := range items {
		fmt.Println(li.Name)
	}
	// Items returns a copy: changing it leaves the plan untouched.
	items[0].Name = "changed"
	fmt.Println(p.Items()[0].Name)
	// Output:
	// Reel A
	// Reel B
	// Shoot
	// Reserve
	// Reel A
}

func ExampleCurrency_MinorUnits() {
	// ISO 4217 minor units: euro cents (2), no yen subunit (0),
	// Kuwaiti fils (3), Chilean Unidad de Fomento (4).
	for _, code := range []string{"EUR", "JPY", "KWD", "CLF"} {
		fmt.Println(code, budget.MustParseCurrency(code).MinorUnits())
	}
	// Output:
	// EUR 2
	// JPY 0
	// KWD 3
	// CLF 4
}

func ExampleMoney_String() {
	// Exactly the currency's minor digits: 12.5 EUR has two, 1500 JPY
	// none, 1.5 KWD three.
	for _, m := range []struct {
		amount string
		code   string
	}{{"12.5", "EUR"}, {"1500", "JPY"}, {"1.5", "KWD"}} {
		money, err := budget.NewMoney(decimal.RequireFromString(m.amount), budget.MustParseCurrency(m.code))
		if err != nil {
			panic(err)
		}
		fmt.Println(money)
	}
	// The zero Money: amount 0 with 0 digits, and no currency.
	fmt.Println(budget.Money{})
	// Output:
	// 12.50 EUR
	// 1500 JPY
	// 1.500 KWD
	// 0 (no currency)
}

func ExampleFormat_String() {
	fmt.Println(budget.FormatPost, budget.FormatReel, budget.FormatStory, budget.FormatVideo, budget.FormatBundle)
	fmt.Println(budget.Format(9)) // not a known format
	// Output:
	// post reel story video bundle
	// Format(9)
}

func ExampleBasis_String() {
	fmt.Println(budget.PerBand, budget.PerThousandFollowers, budget.PerThousandViews)
	fmt.Println(budget.Basis(7)) // not a known basis
	// Output:
	// per-band per-thousand-followers per-thousand-views
	// Basis(7)
}
