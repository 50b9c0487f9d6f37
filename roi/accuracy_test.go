package roi

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/race"
	"github.com/shopspring/decimal"
)

// TestAccuracyBootstrapSales: coverage of BootstrapSales' 95 % intervals in
// a seeded simulation. Each of 400 orders is anna's with probability 0.3,
// worth a whole amount uniform in 1..100; so her expected net is 400 × 0.3
// × 50.5 = 6060 and her expected orders 120; with a cost of 1000 the
// expected ROAS is 6.06 and CPA 1000/120. Over 300 data sets the intervals
// must hold the truth 90 % to 98.5 % of the time (95 % ± 3.5 standard
// errors of a proportion over 300).
func TestAccuracyBootstrapSales(t *testing.T) {
	if race.Enabled {
		t.Skip("statistical test: skipped under -race (CI runs it without)")
	}
	r := rand.New(rand.NewPCG(17, 3))
	tracking := []Tracking{{Influencer: "anna", Codes: []string{"ANNA"}}}
	cost := decimal.NewFromInt(1000)
	cfg := SalesConfig{AsOf: day(4, 1, 0), Costs: map[string]budget.Money{"anna": {Amount: cost, Currency: eur}}}
	trueNet, trueOrders := decimal.NewFromInt(6060), decimal.NewFromInt(120)
	const reps = 300
	var net, roas, cpa int
	for range reps {
		sales := make([]Sale, 400)
		for i := range sales {
			o := Order{ID: strconv.Itoa(i), Time: day(3, 2, 0), Amount: decimal.NewFromInt(1 + r.Int64N(100)), Currency: eur}
			if r.Float64() < 0.3 {
				o.Code = "ANNA"
			}
			sales[i] = Sale{Order: o}
		}
		got, err := BootstrapSales(sales, tracking, cfg, Bootstrap{Rand: r, Resamples: 400})
		if err != nil {
			t.Fatal(err)
		}
		a := got.Creators[0]
		if !a.Net.Low.Amount.GreaterThan(trueNet) && !a.Net.High.Amount.LessThan(trueNet) {
			net++
		}
		if x := trueNet.Div(cost); !a.ROAS.Low.GreaterThan(x) && !a.ROAS.High.LessThan(x) {
			roas++
		}
		if x := cost.DivRound(trueOrders, 16); a.CPA != nil && !a.CPA.Low.Amount.GreaterThan(x) && !a.CPA.High.Amount.LessThan(x) {
			cpa++
		}
	}
	for name, c := range map[string]int{"net": net, "ROAS": roas, "CPA": cpa} {
		cov := float64(c) / reps
		t.Logf("%s coverage %.3f", name, cov)
		if cov < 0.90 || cov > 0.985 {
			t.Errorf("%s coverage %.3f, want 0.90 to 0.985", name, cov)
		}
	}
}

// TestAccuracyBootstrapAttribution: coverage of BootstrapAttribution's
// 95 % intervals of Linear credits. 600 journeys, a third along each of
// [a], [a b] and [b], converting with probability 0.1, 0.2 and 0.05: the
// expected conversions are 20, 40 and 10, and Linear's expected credits
// a = 20 + 40/2 = 40 and b = 40/2 + 10 = 30 (Linear is linear in the
// counts). Over 200 data sets the intervals must hold them 90 % to 98.5 %
// of the time.
func TestAccuracyBootstrapAttribution(t *testing.T) {
	if race.Enabled {
		t.Skip("statistical test: skipped under -race (CI runs it without)")
	}
	r := rand.New(rand.NewPCG(17, 4))
	patterns := [][]string{{"a"}, {"a", "b"}, {"b"}}
	prob := []float64{0.1, 0.2, 0.05}
	truth := map[string]decimal.Decimal{"a": decimal.NewFromInt(40), "b": decimal.NewFromInt(30)}
	const reps = 200
	covered := map[string]int{}
	for range reps {
		paths := make([]Path, 3)
		for k := range paths {
			paths[k].Channels = patterns[k]
		}
		for range 600 {
			k := r.IntN(3)
			if r.Float64() < prob[k] {
				paths[k].Conversions++
			} else {
				paths[k].Nulls++
			}
		}
		got, err := BootstrapAttribution(paths, Linear, Bootstrap{Rand: r, Resamples: 300})
		if err != nil {
			t.Fatal(err)
		}
		for ch, x := range truth {
			ci := got.Credits[ch].Conversions
			if !ci.Low.GreaterThan(x) && !ci.High.LessThan(x) {
				covered[ch]++
			}
		}
	}
	for ch, c := range covered {
		cov := float64(c) / reps
		t.Logf("%s coverage %.3f", ch, cov)
		if cov < 0.90 || cov > 0.985 {
			t.Errorf("%s coverage %.3f, want 0.90 to 0.985", ch, cov)
		}
	}
	if len(covered) != 2 {
		t.Errorf("covered %v", covered)
	}
}
