package roi

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/shopspring/decimal"
)

func TestROIAndROAS(t *testing.T) {
	tests := []struct {
		revenue, cost, roi, roas string
	}{
		// The worked example of the package doc: revenue 200, cost 100:
		// ROI (200−100)/100 = 1 (100 %), ROAS 200/100 = 2 (200 %).
		{"200", "100", "1", "2"},
		// Break-even: ROI 0, ROAS 1.
		{"100", "100", "0", "1"},
		// A loss: revenue 50 on 200: ROI −150/200 = −0.75, ROAS 0.25.
		{"50", "200", "-0.75", "0.25"},
		// 100/3 = 33.33…: ROAS rounded half away from zero at 16 places;
		// ROI (100−3)/3 = 97/3 = 32.33….
		{"100", "3", "32.3333333333333333", "33.3333333333333333"},
		// Nothing sold: ROI (0−10)/10 = −1, ROAS 0.
		{"0", "10", "-1", "0"},
	}
	for _, tt := range tests {
		roi, err := ROI(d(tt.revenue), d(tt.cost))
		if err != nil {
			t.Fatal(err)
		}
		roas, err := ROAS(d(tt.revenue), d(tt.cost))
		if err != nil {
			t.Fatal(err)
		}
		if !roi.Equal(d(tt.roi)) || !roas.Equal(d(tt.roas)) {
			t.Errorf("ROI/ROAS(%s, %s) = %v, %v; want %s, %s", tt.revenue, tt.cost, roi, roas, tt.roi, tt.roas)
		}
	}
	for _, c := range []string{"0", "-1"} {
		if _, err := ROI(d("1"), d(c)); !errors.Is(err, ErrNonPositive) {
			t.Errorf("ROI cost %s: %v", c, err)
		}
		if _, err := ROAS(d("1"), d(c)); !errors.Is(err, ErrNonPositive) {
			t.Errorf("ROAS cost %s: %v", c, err)
		}
	}
	if _, err := ROI(d("-1"), d("1")); !errors.Is(err, ErrNegative) {
		t.Error(err)
	}
	if _, err := ROAS(d("-1"), d("1")); !errors.Is(err, ErrNegative) {
		t.Error(err)
	}
}

func TestUnitCosts(t *testing.T) {
	type fn func(decimal.Decimal, int64) (decimal.Decimal, error)
	tests := []struct {
		name string
		f    fn
		cost string
		n    int64
		want string
	}{
		// 50 for 20,000 impressions: 50 × 1000 / 20000 = 2.5 per mille.
		{"CPM", CPM, "50", 20000, "2.5"},
		// 1,000 for 1 impression is 1,000,000 per mille.
		{"CPM", CPM, "1000", 1, "1000000"},
		// 300 / 1200 = 1/4.
		{"CPE", CPE, "300", 1200, "0.25"},
		// 10 / 3 = 3.333…, 16 places, the 17th a 3: rounded down.
		{"CPC", CPC, "10", 3, "3.3333333333333333"},
		// 500 / 20 = 25; 90 / 45 = 2; 12 / 4800 = 1/400; 1000 / 8 = 125.
		{"CPA", CPA, "500", 20, "25"},
		{"CPL", CPL, "90", 45, "2"},
		{"CPV", CPV, "12", 4800, "0.0025"},
		{"CAC", CAC, "1000", 8, "125"},
		// A free campaign: 0 / 5 = 0, a true zero (the cost is allowed to be 0).
		{"CPA free", CPA, "0", 5, "0"},
	}
	for _, tt := range tests {
		got, err := tt.f(d(tt.cost), tt.n)
		if err != nil {
			t.Fatal(tt.name, err)
		}
		if !got.Equal(d(tt.want)) {
			t.Errorf("%s(%s, %d) = %v, want %s", tt.name, tt.cost, tt.n, got, tt.want)
		}
		if _, err := tt.f(d("1"), 0); !errors.Is(err, ErrNonPositive) {
			t.Errorf("%s zero: %v", tt.name, err)
		}
		if _, err := tt.f(d("1"), -5); !errors.Is(err, ErrNonPositive) {
			t.Errorf("%s negative denominator: %v", tt.name, err)
		}
		if _, err := tt.f(d("-1"), 5); !errors.Is(err, ErrNegative) {
			t.Errorf("%s negative cost: %v", tt.name, err)
		}
	}
	_, err := CPM(d("1"), 0)
	if want := "roi: CPM: impressions: not positive (0)"; err == nil || err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
}

func TestProfitBreakEvenPayback(t *testing.T) {
	// 200 − 150 = 50.
	if got, err := Profit(d("200"), d("150")); err != nil || !got.Equal(d("50")) {
		t.Error(got, err)
	}
	// Issue 18: exponents near ±2^31 are refused at once, not subtracted
	// exactly (which would build a number of billions of digits).
	for _, pair := range [][2]decimal.Decimal{
		{decimal.New(1, math.MaxInt32), d("1")},
		{d("1"), decimal.New(1, math.MinInt32)},
		{decimal.New(1, 1001), d("0")},
	} {
		if _, err := Profit(pair[0], pair[1]); !errors.Is(err, ErrTooLarge) {
			t.Errorf("Profit(%v, %v): %v, want ErrTooLarge", errs.Decimal(pair[0]), errs.Decimal(pair[1]), err)
		}
	}
	// 1,000 at a 40 % margin breaks even at 1,000 / 0.4 = 2,500.
	got, err := BreakEvenRevenue(d("1000"), d("0.4"))
	if err != nil || !got.Equal(d("2500")) {
		t.Error(got, err)
	}
	for _, m := range []string{"0", "-0.1", "1.1"} {
		if _, err := BreakEvenRevenue(d("1"), d(m)); err == nil {
			t.Errorf("margin %s accepted", m)
		}
	}
	// 3,000 at 1,200 a month: 2.5 months.
	got, err = PaybackPeriod(d("3000"), d("1200"))
	if err != nil || !got.Equal(d("2.5")) {
		t.Error(got, err)
	}
	if _, err := PaybackPeriod(d("3000"), d("0")); !errors.Is(err, ErrNonPositive) {
		t.Error(err)
	}
	if _, err := PaybackPeriod(d("-3000"), d("1")); !errors.Is(err, ErrNegative) {
		t.Error(err)
	}
}

func TestIncremental(t *testing.T) {
	// The doc comment's example, by hand: rates 300/10000 = 0.03 and
	// 200/10000 = 0.02; lift (0.03−0.02)/0.02 = 0.5; incremental conversions
	// 300 − 0.02·10000 = 100; incremental revenue 15000 − 10000 = 5000;
	// iROAS 5000/2000 = 2.5.
	got, err := Incremental(Group{10000, 300, d("15000")}, Group{10000, 200, d("10000")}, budget.Money{Amount: d("2000"), Currency: eur})
	if err != nil {
		t.Fatal(err)
	}
	want := Incrementality{TestRate: d("0.03"), ControlRate: d("0.02"), Lift: d("0.5"),
		IncrementalConversions: d("100"), IncrementalRevenue: d("5000"), IROAS: d("2.5"), Currency: eur}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// Unequal sizes, a baseline period: 14 campaign days with 70
	// conversions worth 3,500 against 30 baseline days with 90 worth 4,200.
	// Rates 5/day and 3/day; lift 2/3; incremental 70 − 3·14 = 28
	// conversions; revenue 3500 − 4200·14/30 = 3500 − 1960 = 1540;
	// iROAS at cost 700: 2.2.
	got, err = Incremental(Group{14, 70, d("3500")}, Group{30, 90, d("4200")}, budget.Money{Amount: d("700"), Currency: eur})
	if err != nil {
		t.Fatal(err)
	}
	want = Incrementality{TestRate: d("5"), ControlRate: d("3"), Lift: d("0.6666666666666667"),
		IncrementalConversions: d("28"), IncrementalRevenue: d("1540"), IROAS: d("2.2"), Currency: eur}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	bad := []struct {
		test, control Group
		cost          string
		want          error
	}{
		{Group{0, 0, d("0")}, Group{1, 1, d("0")}, "1", ErrNonPositive},
		{Group{1, 1, d("0")}, Group{1, 0, d("0")}, "1", ErrNonPositive},
		{Group{1, 1, d("-1")}, Group{1, 1, d("0")}, "1", ErrNegative},
		{Group{1, 1, d("0")}, Group{1, 1, d("0")}, "0", ErrNonPositive},
	}
	for _, b := range bad {
		if _, err := Incremental(b.test, b.control, budget.Money{Amount: d(b.cost), Currency: eur}); !errors.Is(err, b.want) {
			t.Errorf("%v %v %s: %v, want %v", b.test, b.control, b.cost, err, b.want)
		}
	}
}

func TestLiftCI(t *testing.T) {
	// Newcombe (1998), Statistics in Medicine 17:873–890, Table II example
	// (a): 56/70 against 48/80, 95 %: difference 0.8 − 0.6 = 0.2, method 10
	// (hybrid score) interval 0.0524 to 0.3339.
	// Katz log interval of the ratio, by hand: RR = 0.8/0.6 = 4/3,
	// se = √(1/56 − 1/70 + 1/48 − 1/80) = √0.0119048 = 0.109109,
	// ln RR = 0.287682, ± 1.959964 · 0.109109 = ± 0.213850,
	// exp → 1.07663 … 1.65125, lift 0.0766 … 0.6512.
	got, err := LiftCI(Group{70, 56, d("0")}, Group{80, 48, d("0")}, d("0.95"))
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, v decimal.Decimal, want float64) {
		f, _ := v.Float64()
		if math.Abs(f-want) > 0.00006 {
			t.Errorf("%s = %v, want %v", name, v, want)
		}
	}
	check("difference low", got.Difference.Low, 0.0524)
	check("difference high", got.Difference.High, 0.3339)
	check("lift low", got.Lift.Low, 0.0766)
	check("lift high", got.Lift.High, 0.6512)
	if _, err := LiftCI(Group{70, 70, d("0")}, Group{80, 48, d("0")}, d("0.95")); !errors.Is(err, ErrInvalid) {
		t.Error(err)
	}
	if _, err := LiftCI(Group{70, 0, d("0")}, Group{80, 48, d("0")}, d("0.95")); !errors.Is(err, ErrNonPositive) {
		t.Error(err)
	}
	// 1 − 10⁻²⁰ is 1 in float64: the quantile would be infinite and the
	// bounds NaN, which once panicked in decimal.NewFromFloat.
	for _, c := range []string{"0", "1", "-0.5", "0.99999999999999999999", "1.5"} {
		if _, err := LiftCI(Group{70, 5, d("0")}, Group{80, 48, d("0")}, d(c)); !errors.Is(err, ErrInvalid) {
			t.Errorf("confidence %s: %v", c, err)
		}
	}
}

// A decimal with an exponent beyond ±1000 (budget.MaxExponent) is refused
// before any arithmetic: adding 1e999999999 to 1 would build a power of ten
// with a billion digits.
func TestHugeExponents(t *testing.T) {
	huge := decimal.New(1, 999999999)
	tiny := decimal.New(1, -999999999)
	one := decimal.NewFromInt(1)
	calls := map[string]func() error{
		"ROI revenue": func() error { _, err := ROI(huge, one); return err },
		"ROI cost":    func() error { _, err := ROI(one, tiny); return err },
		"ROAS":        func() error { _, err := ROAS(tiny, one); return err },
		"CPM":         func() error { _, err := CPM(huge, 1); return err },
		"BreakEven":   func() error { _, err := BreakEvenRevenue(one, tiny); return err },
		"Payback":     func() error { _, err := PaybackPeriod(huge, one); return err },
		"EMV":         func() error { _, err := EMVFromImpressions(1, tiny); return err },
		"Incremental": func() error {
			_, err := Incremental(Group{1, 1, huge}, Group{1, 1, one}, budget.Money{Amount: one, Currency: eur})
			return err
		},
		"LiftCI": func() error { _, err := LiftCI(Group{9, 1, one}, Group{9, 1, one}, tiny); return err },
		"Attribute": func() error {
			_, err := Attribute([]Path{{Channels: []string{"a"}, Conversions: 1, Value: tiny}}, Linear)
			return err
		},
		"Positions": func() error { _, err := Attribute(nil, Positions{First: tiny}); return err },
		"Orders": func() error {
			_, err := AttributeOrders([]Order{{ID: "1", Amount: huge, Currency: eur}}, nil)
			return err
		},
		"EMVCard":      func() error { return EMVCard{Currency: eur, Default: UnitValues{Like: tiny}}.Validate() },
		"Report":       func() error { _, err := Report(Campaign{Currency: eur, Overhead: huge}); return err },
		"Pool":         func() error { _, err := Pool(Metrics{Cost: huge}); return err },
		"Compare":      func() error { _, err := Compare(Metrics{}, Baseline{MetricCPM: tiny}); return err },
		"Compare cur.": func() error { _, err := Compare(Metrics{Revenue: huge}, Baseline{MetricCPM: one}); return err },
		"Profit":       func() error { _, err := Profit(huge, one); return err },
	}
	// v0.2: an exponent beyond the documented limit is ErrTooLarge (it was
	// ErrInvalid).
	for name, call := range calls {
		if err := call(); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "exponent") {
			t.Errorf("%s: %v, want ErrTooLarge naming the exponent", name, err)
		}
	}
}
