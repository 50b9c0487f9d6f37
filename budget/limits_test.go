package budget

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// Tests of the limits and total behaviours of issue 18, each expected value
// worked out by hand in its comment.

func TestLimitErrors(t *testing.T) {
	eur := MustParseCurrency("EUR")
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, 1, 0)
	huge, tiny := decimal.New(1, math.MaxInt32), decimal.New(1, math.MinInt32)
	ok := Money{Amount: decimal.NewFromInt(1), Currency: eur}
	tests := []struct {
		name string
		err  error
		want []error
		msg  string
	}{
		// 1e1000000: exponent beyond ±1000; shown as its magnitude, never
		// its 1,000,001 digits, and not "finer than the minor unit".
		{"NewPlan 1e1000000", func() error { _, err := NewPlan(eur, decimal.New(1, 1_000_000), start, end); return err }(),
			[]error{ErrTooLarge}, "budget: NewPlan: total: exponent beyond ±1000 (≈1e+1000000, 1 digit)"},
		// 1e-2147483648 is beyond the limit and, with one digit and
		// exponent −2³¹, certainly finer than a cent: both sentinels.
		{"Check tiny", eur.Check(tiny), []error{ErrTooLarge, ErrMinorUnit},
			"budget: Currency.Check: amount: exponent beyond ±1000, finer than the EUR minor unit (≈1e-2147483648, 1 digit)"},
		{"Check huge", eur.Check(huge), []error{ErrTooLarge}, "Currency.Check: amount: exponent beyond ±1000 (≈1e+2147483647, 1 digit)"},
		{"NewMoney huge", func() error { _, err := NewMoney(huge, eur); return err }(), []error{ErrTooLarge}, "NewMoney: amount"},
		{"Money.Add m", func() error { _, err := Money{Amount: huge, Currency: eur}.Add(ok); return err }(), []error{ErrTooLarge}, "Money.Add: m.Amount"},
		{"Money.Sub o", func() error { _, err := ok.Sub(Money{Amount: tiny, Currency: eur}); return err }(), []error{ErrTooLarge}, "Money.Sub: o.Amount"},
		{"Variance", func() error { _, _, err := LineItem{Name: "Reels", Planned: tiny}.Variance(); return err }(),
			[]error{ErrTooLarge}, "LineItem.Variance: Reels.Planned: exponent beyond ±1000"},
		// a 1 MiB item name is shortened in the field like any value
		{"long name", func() error {
			p, _ := NewPlan(eur, decimal.NewFromInt(1), start, end)
			_, err := p.AddItem(LineItem{Name: strings.Repeat("a", 1<<20), Category: Tools, Planned: decimal.NewFromInt(-1)})
			return err
		}(), []error{ErrNegative}, `AddItem: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"… (1048576 bytes).Planned: negative (-1)`},
		// SplitEven: 10⁹ parts would be 16 GB of result
		{"SplitEven 1e9", func() error { _, err := SplitEven(decimal.NewFromInt(100), 1_000_000_000, 2); return err }(),
			[]error{ErrTooLarge}, "budget: SplitEven: n: above MaxParts (1000000) (1000000000)"},
		{"Split weight of 10^6 digits", func() error {
			_, err := Split(decimal.NewFromInt(1), []decimal.Decimal{decimal.NewFromInt(1), decimal.NewFromBigInt(hostileDecimals()[13].d.Coefficient(), 0)}, 2)
			return err
		}(), []error{ErrTooLarge}, "Split: weights[1]: more than 1000 digits (≈1e+999999, 1000000 digits)"},
		// 1201 bytes of amount text: refused before it is parsed
		{"MaxAmountText", func() error {
			var m Money
			return m.UnmarshalJSON([]byte(`{"amount":"` + strings.Repeat("1", MaxAmountText+1) + `","currency":"EUR"}`))
		}(), []error{ErrTooLarge}, "Money.UnmarshalJSON: amount: longer than MaxAmountText (1200) bytes"},
		// 0.01 recorded on an actual of 1e1000: 10^1000 + 10^-2 = (10^1002 + 1)·10^-2,
		// 1003 digits, beyond the 1000 an actual may have
		{"RecordActual sum", func() error {
			p, _ := NewPlan(eur, decimal.NewFromInt(1), start, end)
			p, _ = p.AddItem(LineItem{Name: "Reels", Category: Tools, Planned: decimal.NewFromInt(1), Actual: decimal.New(1, 1000)})
			_, err := p.RecordActual("Reels", decimal.New(1, -2))
			return err
		}(), []error{ErrTooLarge}, "budget: Plan.RecordActual: Reels.Actual: more than 1000 digits"},
		{"AllocateTarget Value", func() error {
			_, err := AllocateTarget([]Channel{{Curve: MichaelisMenten{1, 1}}}, ReturnTarget{Value: huge}, eurOpt)
			return err
		}(), []error{ErrTooLarge}, "AllocateTarget: Value: exponent beyond ±1000"},
		{"Line.MarshalJSON", func() error { _, err := Line{Amount: huge}.MarshalJSON(); return err }(), []error{ErrTooLarge}, "Line.MarshalJSON: Amount"},
	}
	for _, tt := range tests {
		for _, w := range tt.want {
			if !errors.Is(tt.err, w) {
				t.Errorf("%s: %v does not wrap %v", tt.name, tt.err, w)
			}
		}
		if tt.err == nil || !strings.Contains(tt.err.Error(), tt.msg) {
			t.Errorf("%s: %v, want it to contain %q", tt.name, tt.err, tt.msg)
		}
	}
}

func TestTotalBeyondLimits(t *testing.T) {
	eur, jpy := MustParseCurrency("EUR"), MustParseCurrency("JPY")
	huge, tiny := decimal.New(1, math.MaxInt32), decimal.New(1, math.MinInt32)
	// Round: 1e2147483647 is a whole number of cents already: unchanged;
	// ±1e-2147483648 is below half a cent: 0.
	if got := eur.Round(huge); got.Exponent() != math.MaxInt32 || got.Coefficient().Int64() != 1 {
		t.Errorf("Round(1e2147483647) = %s", errsFormat(got))
	}
	for _, d := range []decimal.Decimal{tiny, tiny.Neg()} {
		if got := eur.Round(d); !got.IsZero() {
			t.Errorf("Round(%s) = %s, want 0", errsFormat(d), errsFormat(got))
		}
	}
	// within the limits nothing changes: 2.5 JPY → 3, −2.345 EUR → −2.35
	if got := jpy.Round(d("2.5")); !got.Equal(d("3")) {
		t.Errorf("Round(2.5 JPY) = %s", got)
	}
	if got := eur.Round(d("-2.345")); !got.Equal(d("-2.35")) {
		t.Errorf("Round(-2.345 EUR) = %s", got)
	}
	m := Money{Amount: huge, Currency: eur}
	if got := m.String(); got != "≈1e+2147483647, 1 digit EUR" {
		t.Errorf("String = %q", got)
	}
	// Equal beyond the limits compares the written form: 1e2147483647 and
	// 10e2147483646 are the same number, written differently.
	if !m.Equal(m) || m.Equal(Money{Amount: decimal.New(10, math.MaxInt32-1), Currency: eur}) {
		t.Error("Equal beyond the limits")
	}
}

func TestSplitEvenDirect(t *testing.T) {
	// 100.00 into 3: 10000 = 3·3333 + 1 → 33.34, 33.33, 33.33;
	// −0.05 into 2: 5 = 2·2 + 1 → −0.03, −0.02; 0 into 2: 0, 0;
	// 7 into 7 at places −1 (tens): 7 is not a multiple of 10 → ErrMinorUnit.
	for _, tt := range []struct {
		total string
		n     int
		want  []decimal.Decimal
	}{
		{"100.00", 3, decs("33.34", "33.33", "33.33")},
		{"-0.05", 2, decs("-0.03", "-0.02")},
		{"0", 2, decs("0", "0")},
	} {
		got, err := SplitEven(d(tt.total), tt.n, 2)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("SplitEven(%s, %d) (-want +got):\n%s", tt.total, tt.n, diff)
		}
	}
	if _, err := SplitEven(d("7"), 7, -1); !errors.Is(err, ErrMinorUnit) {
		t.Errorf("7 at tens: %v", err)
	}
	// MaxParts itself is accepted: 1,000,000 parts of 1,000,000.01 are
	// 100000001 cents = 1,000,000·100 + 1: one part of 1.01, the rest 1.00.
	got, err := SplitEven(d("1000000.01"), MaxParts, 2)
	if err != nil || len(got) != MaxParts || !got[0].Equal(d("1.01")) || !got[1].Equal(d("1")) || !got[MaxParts-1].Equal(d("1")) {
		t.Errorf("MaxParts: %d parts, err %v", len(got), err)
	}
}

func TestAdstockOverflow(t *testing.T) {
	// a₁ = 1e308 + 0.9·1e308 = 1.9e308 > MaxFloat64 ≈ 1.797e308: overflows at x[1]
	_, err := GeometricAdstock([]float64{1e308, 1e308}, 0.9)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "GeometricAdstock: x[1]: carried-over value overflows float64 (1e+308)") {
		t.Errorf("GeometricAdstock: %v", err)
	}
	// CDF with the default θ: a₁ = 1e308 + w₁·1e308 where w₁ = e^(−(1/2)²) ≈ 0.78: 1.78e308
	// fits, a₂ = 1e308 + w₁·1e308 + w₂·1e308 does not.
	if _, err := WeibullAdstock([]float64{1e308, 1e308, 1e308}, 2, 0.5, WeibullCDF); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "WeibullAdstock: x[") {
		t.Errorf("WeibullAdstock CDF: %v", err)
	}
	// PDF with shape 10³⁰⁰ (NaN before): n = 3, scale 0.5, scaleₜ = round(1 + 0.5·2) = 2;
	// t = 0.5, 1, 1.5. At 0.5 and 1.5 the density is 0 (t^k underflows or overflows),
	// at 1 it is k/(2e) > 0, so min-max gives w = (0, 1, 0) and
	// a = (1·0, 1·1 + 2·0, 1·0 + 2·1 + 3·0) = (0, 1, 2).
	got, err := WeibullAdstock([]float64{1, 2, 3}, 1e300, 0.5, WeibullPDF)
	if err != nil || !slices.Equal(got, []float64{0, 1, 2}) {
		t.Errorf("WeibullAdstock PDF shape 1e300: %v, %v", got, err)
	}
	if _, err := WeibullAdstock(make([]float64, MaxAdstockPeriods+1), 2, 0.5, WeibullCDF); !errors.Is(err, ErrTooLarge) {
		t.Errorf("periods: %v", err)
	}
}

func TestCurvesTotal(t *testing.T) {
	for _, tt := range []struct {
		name      string
		got, want float64
	}{
		{"NaN Beta responds 0", Hill{Beta: math.NaN(), EC: 10, Slope: 3}.Response(1), 0},
		{"NaN spend counts as 0", Hill{Beta: 100, EC: 10, Slope: 3}.Response(math.NaN()), 0},
		// Beta·Kappa/(x+Kappa)² at 0 with Beta 1e308, Kappa 1e-300: 1e608, saturated
		{"overflow saturates", MichaelisMenten{Beta: 1e308, Kappa: 1e-300}.Marginal(0), math.MaxFloat64},
		// Min + Gamma·(Max − Min) = 1e305: beyond 10¹⁵ returned as is (was +Inf)
		{"GammaTrans 1e305", RobynHill{Beta: 1, Alpha: 1, Gamma: 1, Max: 1e305}.GammaTrans(), 1e305},
		// 10 + 0.5·(100 − 10) = 55, rounded to 4 places: 55
		{"GammaTrans 55", RobynHill{Beta: 1, Alpha: 1, Gamma: 0.5, Min: 10, Max: 100}.GammaTrans(), 55},
		{"Logistic NaN Mid", Logistic{Max: 1, Steepness: 1, Mid: math.NaN()}.Inflection(), 0},
	} {
		if tt.got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	// the documented +Inf: Hill's derivative at 0 for Slope < 1
	if m := (Hill{Beta: 1, EC: 1, Slope: 0.5}).Marginal(0); !math.IsInf(m, 1) {
		t.Errorf("Hill'(0), Slope 0.5 = %v", m)
	}
}

func TestGridWorkLimit(t *testing.T) {
	h := Hill{Beta: 100, EC: 10, Slope: 3}
	two := []Channel{{Curve: h}, {Curve: h}}
	// 2·(20000+1)² = 8.0·10⁸ > 4·10⁸
	_, err := Allocate(d("1000"), two, AllocateOptions{Currency: eurOpt.Currency, Method: GridDP, GridSteps: 20_000})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "GridSteps: channels × (grid steps + 1)² beyond MaxGridWork (4·10⁸) (\"2 × 20001²\")") {
		t.Errorf("20,000 steps: %v", err)
	}
	// the default grid of the open-ended AverageReturn search over 100
	// channels: √(4·10⁸/15/100) − 1 = √266666.7 − 1 = 515.40 → 515
	if g := gridSteps(0, 100, gridTargetRuns); g != 515 {
		t.Errorf("default target grid for 100 channels: %d, want 515", g)
	}
	// and of Allocate: min(1000, √(2·10⁸/10)) = min(1000, 4472) = 1000, as before
	if g := gridSteps(0, 10, 1); g != 1000 {
		t.Errorf("default grid for 10 channels: %d, want 1000", g)
	}
	// 15·2·(5000+1)² = 7.5·10⁸ > 4·10⁸: an explicit grid too large for the search
	_, err = AllocateTarget(two, ReturnTarget{Kind: AverageReturn, Value: d("1")}, AllocateOptions{Currency: eurOpt.Currency, Method: GridDP, GridSteps: 5000})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "× 15 grids") {
		t.Errorf("target grid: %v", err)
	}
}

// TestGrowCapGallops checks the galloping search for AverageReturn's upper
// end against the doubling it replaced: for an average that falls below the
// target from some budget on (ok true below it, false from it), both return
// the same cap, or both ErrInfeasible; the gallop makes at most 13 calls.
// Example: start 1, the average falls from 1000 units on: doubling tries 1,
// 2, 4, …, 512, 1024 and returns 1024; the gallop tries 2^0, 2^1, 2^2, 2^4,
// 2^8, 2^16 (false), then bisects 2^12 (false), 2^10 (false), 2^9 (true)
// → 2^10 = 1024 with 9 calls.
func TestGrowCapGallops(t *testing.T) {
	p := &problem{fn: "budget.AllocateTarget", scale: 100}
	tg := ReturnTarget{Kind: AverageReturn, Value: d("1")}
	for _, sumLo := range []int64{0, 1, 3, 1000, maxUnits / 4, maxUnits/2 + 1} {
		p.sumLo = sumLo
		for _, from := range []int64{0, 1, 2, 3, 999, 1000, 1 << 30, maxUnits/2 - 1, maxUnits / 2, maxUnits, math.MaxInt64} {
			ok := func(b int64) bool { return b < from }
			want, wantErr := int64(0), false // the doubling of before
			for c := max(sumLo, 1); ; c *= 2 {
				if !ok(c) {
					want = c
					break
				}
				if c >= maxUnits/2 {
					wantErr = true
					break
				}
			}
			calls := 0
			got, err := p.growCap(tg, WaterFilling, func(b int64) bool { calls++; return ok(b) })
			if (err != nil) != wantErr || (!wantErr && got != want) || calls > 13 {
				t.Errorf("sumLo %d, falls from %d: cap %d, %v after %d calls; doubling gave %d (error %v)", sumLo, from, got, err, calls, want, wantErr)
			}
			if err != nil && !errors.Is(err, ErrInfeasible) {
				t.Errorf("sumLo %d, from %d: %v", sumLo, from, err)
			}
		}
	}
}
