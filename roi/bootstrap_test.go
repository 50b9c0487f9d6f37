package roi

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/influencekit/influencekit/budget"
)

// TestBootstrapSalesHand: anna's one order of 10 and one unattributed
// order. A resample of 2 orders holds anna's 0, 1 or 2 times (probability
// 1/4, 1/2, 1/4), so her net is 0, 10 or 20; the 2.5 % and 97.5 %
// percentiles of 1000 resamples are 0 and 20 (each end holds about 250
// resamples, far more than the 25 cut off). Cost 5: ROAS [0/5, 20/5] =
// [0, 4]; the lower percentile of her orders is 0, so CPA is unbounded:
// nil.
func TestBootstrapSalesHand(t *testing.T) {
	sales := []Sale{
		{Order: Order{ID: "1", Time: day(3, 2, 0), Amount: d("10"), Currency: eur, Code: "ANNA"}},
		{Order: Order{ID: "2", Time: day(3, 2, 0), Amount: d("7"), Currency: eur}},
	}
	tracking := []Tracking{{Influencer: "anna", Codes: []string{"ANNA"}}}
	cfg := SalesConfig{AsOf: day(4, 1, 0), Costs: map[string]budget.Money{"anna": {Amount: d("5"), Currency: eur}}}
	got, err := BootstrapSales(sales, tracking, cfg, Bootstrap{Rand: rand.New(rand.NewPCG(1, 2))})
	if err != nil {
		t.Fatal(err)
	}
	a := got.Creators[0]
	if got.Resamples != 1000 || !got.Confidence.Equal(d("0.95")) || a.Influencer != "anna" {
		t.Fatalf("%+v", got)
	}
	checkMoney(t, "low", a.Net.Low, "0")
	checkMoney(t, "high", a.Net.High, "20")
	if a.ROAS == nil || !a.ROAS.Low.Equal(d("0")) || !a.ROAS.High.Equal(d("4")) || a.CPA != nil {
		t.Errorf("ROAS %v, CPA %v", a.ROAS, a.CPA)
	}
	// Only anna's order, four of them: every resample is the data: net 40,
	// 4 orders; CPA 5/4 = 1.25 at both ends, ROAS 40/5 = 8.
	one := []Sale{sales[0], sales[0], sales[0], sales[0]}
	for i := range one {
		one[i].ID = string(rune('a' + i))
	}
	got, err = BootstrapSales(one, tracking, cfg, Bootstrap{Rand: rand.New(rand.NewPCG(1, 2)), Resamples: 50})
	if err != nil {
		t.Fatal(err)
	}
	a = got.Creators[0]
	checkMoney(t, "low", a.Net.Low, "40")
	checkMoney(t, "high", a.Net.High, "40")
	if a.CPA == nil || !a.CPA.Low.Amount.Equal(d("1.25")) || !a.CPA.High.Amount.Equal(d("1.25")) || !a.ROAS.Low.Equal(d("8")) {
		t.Errorf("CPA %v, ROAS %v", a.CPA, a.ROAS)
	}
}

// TestBootstrapSeeded: the same seed gives the same intervals (on every
// machine by construction: math/rand/v2's PCG and IntN are specified
// bit for bit, and the sums are exact decimals).
func TestBootstrapSeeded(t *testing.T) {
	sales, tracking, cfg := handSales()
	run := func() SalesBootstrap {
		got, err := BootstrapSales(sales, tracking, cfg, Bootstrap{Rand: rand.New(rand.NewPCG(17, 17)), Resamples: 200, Confidence: d("0.9")})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	a, b := run(), run()
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("two runs differ:\n%+v\n%+v", a, b)
	}
	paths := []Path{{Channels: []string{"a"}, Conversions: 3, Nulls: 5, Value: d("10")}, {Channels: []string{"a", "b"}, Conversions: 2, Nulls: 1, Value: d("7")}}
	runP := func() AttributionBootstrap {
		got, err := BootstrapAttribution(paths, Linear, Bootstrap{Rand: rand.New(rand.NewPCG(17, 17)), Resamples: 100})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	pa, pb := runP(), runP()
	if !reflect.DeepEqual(pa, pb) {
		t.Fatalf("two runs differ:\n%+v\n%+v", pa, pb)
	}
	for _, ch := range []string{"a", "b"} {
		ci := pa.Credits[ch]
		if ci.Conversions.Low.GreaterThan(ci.Conversions.High) || ci.Value.Low.GreaterThan(ci.Value.High) {
			t.Errorf("%s: %+v", ch, ci)
		}
	}
}

func TestBootstrapErrors(t *testing.T) {
	sales, tracking, cfg := handSales()
	r := rand.New(rand.NewPCG(1, 1))
	for _, c := range []struct {
		name string
		b    Bootstrap
		want error
	}{
		{"nil rand", Bootstrap{}, ErrInvalid},
		{"negative resamples", Bootstrap{Rand: r, Resamples: -1}, ErrInvalid},
		{"too many resamples", Bootstrap{Rand: r, Resamples: MaxResamples + 1}, ErrInvalid},
		{"confidence 1", Bootstrap{Rand: r, Confidence: d("1")}, ErrInvalid},
		{"confidence negative", Bootstrap{Rand: r, Confidence: d("-0.5")}, ErrInvalid},
	} {
		if _, err := BootstrapSales(sales, tracking, cfg, c.b); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
		if err := c.b.Validate(); !errors.Is(err, c.want) {
			t.Errorf("Validate %s: %v, want %v", c.name, err, c.want)
		}
	}
	big := []Path{{Channels: []string{"a"}, Conversions: MaxBootstrapDraws}}
	if _, err := BootstrapAttribution(big, Linear, Bootstrap{Rand: r, Resamples: 2}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("draws beyond the limit: %v", err)
	}
}
