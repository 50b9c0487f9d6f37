package roi

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/shopspring/decimal"
)

// benchSales returns n sales over 90 days for 100 influencers: 40 % by
// code, 40 % by link (clicked 0 to 40 days before: some outside the
// 28-day window), 20 % neither; n/3 customers (repeat buyers); 5 %
// refunded in part, 1 % cancelled; 2-place amounts.
func benchSales(n int) ([]Sale, []Tracking, SalesConfig) {
	r := rand.New(rand.NewPCG(uint64(n), 17))
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tracking := make([]Tracking, 100)
	costs := map[string]budget.Money{}
	for i := range tracking {
		name := "inf" + strconv.Itoa(i)
		tracking[i] = Tracking{Influencer: name, Codes: []string{"CODE" + strconv.Itoa(i)}, Links: []UTM{{Campaign: name}}}
		costs[name] = budget.Money{Amount: decimal.NewFromInt(1000), Currency: eur}
	}
	sales := make([]Sale, n)
	for i := range sales {
		at := t0.Add(time.Duration(r.Int64N(int64(90 * 24 * time.Hour))))
		s := Sale{Order: Order{ID: strconv.Itoa(i), Time: at, Amount: decimal.New(1000+r.Int64N(20000), -2), Currency: eur},
			Customer: "c" + strconv.Itoa(r.IntN(n/3+1))}
		switch k := r.IntN(10); {
		case k < 4:
			s.Code = "CODE" + strconv.Itoa(r.IntN(100))
		case k < 8:
			s.LandingURL = "/p?utm_source=ig&utm_campaign=inf" + strconv.Itoa(r.IntN(100))
			s.ClickedAt = at.Add(-time.Duration(r.Int64N(int64(40 * 24 * time.Hour))))
		}
		switch k := r.IntN(100); {
		case k < 5:
			s.Refunds = []Refund{{At: at.Add(72 * time.Hour), Amount: decimal.New(500, -2)}}
		case k < 6:
			s.CancelledAt = at.Add(time.Hour)
		}
		sales[i] = s
	}
	cfg := SalesConfig{AsOf: t0.Add(120 * 24 * time.Hour), CodeStart: t0, CodeEnd: t0.Add(60 * 24 * time.Hour), Grace: 7 * 24 * time.Hour, Costs: costs}
	return sales, tracking, cfg
}

// BenchmarkCreditSales: windows, refunds, customers and the 30/60/90-day
// cohorts, 10^3 to 10^6 orders.
func BenchmarkCreditSales(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000, 1_000_000} {
		sales, tracking, cfg := benchSales(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := CreditSales(sales, tracking, cfg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBootstrapSales: 100 resamples of 10^4 and 10^5 orders.
func BenchmarkBootstrapSales(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		sales, tracking, cfg := benchSales(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := BootstrapSales(sales, tracking, cfg, Bootstrap{Rand: rand.New(rand.NewPCG(1, 2)), Resamples: 100}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRateShapley: 1000 paths over 8, 14 and 20 channels.
func BenchmarkRateShapley(b *testing.B) {
	for _, k := range []int{8, 14, 20} {
		paths := distinctPaths(1000, k)
		b.Run(strconv.Itoa(k), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Attribute(paths, RateShapley{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
