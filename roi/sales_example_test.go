package roi_test

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/roi"
	"github.com/shopspring/decimal"
)

// Three orders as of 1 April: anna's code brings a new customer (60.00,
// 20.00 of it refunded on 10 March) who comes back by anna's link clicked
// a day before (40.00); a third order came by a link clicked 30 days
// before, outside the 28-day window. anna's net is 60 − 20 + 40 = 80.00;
// cost 50: ROAS 80/50 = 1.6, CAC 50/1 = 50.00, CPA 50/2 = 25.00. The
// customer's 30-day cohort (first order 2 March, window to 1 April, closed)
// holds both orders: 80.00. Resampled, each draw of 3 orders is anna's
// (net 40.00 each) with probability 2/3: the net is 40·K, K binomial(3,
// 2/3), P(K = 0) = 1/27 ≈ 3.7 % and P(K = 3) = 8/27 ≈ 29.6 %, both beyond
// the 2.5 % cut at each end, so the 95 % interval is 0.00 to 120.00.
func ExampleCreditSales() {
	eur := budget.MustParseCurrency("EUR")
	at := func(m, d int) time.Time { return time.Date(2026, time.Month(m), d, 12, 0, 0, 0, time.UTC) }
	sales := []roi.Sale{
		{Order: roi.Order{ID: "1", Time: at(3, 2), Amount: decimal.RequireFromString("60"), Currency: eur, Code: "ANNA"},
			Customer: "c1", Refunds: []roi.Refund{{At: at(3, 10), Amount: decimal.RequireFromString("20")}}},
		{Order: roi.Order{ID: "2", Time: at(3, 20), Amount: decimal.RequireFromString("40"), Currency: eur, LandingURL: "/?utm_campaign=anna"},
			Customer: "c1", ClickedAt: at(3, 19)},
		{Order: roi.Order{ID: "3", Time: at(3, 20), Amount: decimal.RequireFromString("25"), Currency: eur, LandingURL: "/?utm_campaign=anna"},
			Customer: "c2", ClickedAt: at(2, 18)},
	}
	tracking := []roi.Tracking{{Influencer: "anna", Codes: []string{"ANNA"}, Links: []roi.UTM{{Campaign: "anna"}}}}
	cfg := roi.SalesConfig{AsOf: time.Date(2026, 4, 1, 12, 0, 0, 0, time.UTC),
		Costs: map[string]budget.Money{"anna": {Amount: decimal.NewFromInt(50), Currency: eur}}, CohortDays: []int{30}}
	rep, err := roi.CreditSales(sales, tracking, cfg)
	if err != nil {
		fmt.Println(err)
		return
	}
	a := rep.Creators[0]
	fmt.Println("net:", a.Net, "new customers:", a.NewCustomers, "returning:", a.Returning)
	fmt.Println("ROAS:", a.ROAS, "CAC:", a.CAC, "CPA:", a.CPA)
	fmt.Println("30-day cohort:", a.Cohorts[0].Value, "of", a.Cohorts[0].Customers, "customer")
	fmt.Println("clicks outside the window:", rep.Unattributed.ClickOutsideWindow)

	// The same sales resampled 1000 times: anna's net revenue interval.
	b, err := roi.BootstrapSales(sales, tracking, cfg, roi.Bootstrap{Rand: rand.New(rand.NewPCG(1, 2))})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("95 % interval of the net:", b.Creators[0].Net.Low, "to", b.Creators[0].Net.High)
	// Output:
	// net: 80.00 EUR new customers: 1 returning: 1
	// ROAS: 1.6 CAC: 50.00 EUR CPA: 25.00 EUR
	// 30-day cohort: 80.00 EUR of 1 customer
	// clicks outside the window: 1
	// 95 % interval of the net: 0.00 EUR to 120.00 EUR
}
