package kpi

import (
	"errors"
	"math"
	"testing"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestRatesWorked(t *testing.T) {
	tests := []struct {
		name string
		f    func() (decimal.Decimal, error)
		want decimal.Decimal
	}{
		// Ampfluence glossary: 1,000 likes and comments on 100,000 followers is 1 %.
		{"engagement 1000/100000", func() (decimal.Decimal, error) { return EngagementRate(1000, 100_000) }, dec("0.01")},
		// (13,150 − 12,400) / 12,400 = 750 / 12,400, by long division
		// (remainder × 10, divided by 12,400, gives each decimal digit):
		//   7,500 = 0·12,400 + 7,500      → 0.0
		//   75,000 = 6·12,400 + 600       → 0.06
		//   6,000 = 0·12,400 + 6,000      → 0.060
		//   60,000 = 4·12,400 + 10,400    → 0.0604
		//   104,000 = 8·12,400 + 4,800    → 0.06048
		//   48,000 = 3·12,400 + 10,800    → 0.060483
		//   108,000 = 8·12,400 + 8,800    → 0.0604838
		//   88,000 = 7·12,400 + 1,200     → 0.06048387
		//   12,000 = 0·12,400 + 12,000    → 0.060483870
		//   120,000 = 9·12,400 + 8,400    → 0.0604838709
		//   84,000 = 6·12,400 + 9,600     → 0.06048387096
		//   96,000 = 7·12,400 + 9,200     → 0.060483870967
		//   92,000 = 7·12,400 + 5,200     → 0.0604838709677
		//   52,000 = 4·12,400 + 2,400     → 0.06048387096774
		//   24,000 = 1·12,400 + 11,600    → 0.060483870967741
		//   116,000 = 9·12,400 + 4,400    → 0.0604838709677419 (16 places)
		//   44,000 = 3·12,400 + 6,800     → 17th digit 3 < 5: round down.
		{"growth 12400→13150", func() (decimal.Decimal, error) { return GrowthRate(12_400, 13_150) }, dec("0.0604838709677419")},
		// A loss: 200 → 150 is -50/200 = -0.25.
		{"growth loss", func() (decimal.Decimal, error) { return GrowthRate(200, 150) }, dec("-0.25")},
		// 1/3 rounds down at the 16th place; 2/3 rounds up (half away from zero).
		{"reach 1/3", func() (decimal.Decimal, error) { return ReachRate(1, 3) }, dec("0.3333333333333333")},
		{"ctr 2/3", func() (decimal.Decimal, error) { return CTR(2, 3) }, dec("0.6666666666666667")},
		// 37 conversions on 1,480 clicks: 37/1480 = 1/40 = 0.025.
		{"conversion 37/1480", func() (decimal.Decimal, error) { return ConversionRate(37, 1480) }, dec("0.025")},
		// The largest int64 over itself is exactly 1.
		{"max/max", func() (decimal.Decimal, error) { return EngagementRate(math.MaxInt64, math.MaxInt64) }, dec("1")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.f()
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestRatesErrors(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want error
		msg  string
	}{
		{"zero base", second(EngagementRate(5, 0)), ErrNonPositive, "kpi: EngagementRate: base: not positive (0)"},
		{"negative base", second(EngagementRate(5, -3)), ErrNonPositive, "kpi: EngagementRate: base: not positive (-3)"},
		{"negative count", second(EngagementRate(-1, 3)), ErrNegative, "kpi: EngagementRate: engagements: negative (-1)"},
		{"growth start 0", second(GrowthRate(0, 10)), ErrNonPositive, "kpi: GrowthRate: start: not positive (0)"},
		{"growth end <0", second(GrowthRate(10, -1)), ErrNegative, "kpi: GrowthRate: end: negative (-1)"},
		{"ctr", second(CTR(1, 0)), ErrNonPositive, "kpi: CTR: impressions: not positive (0)"},
		{"conversion", second(ConversionRate(-2, 5)), ErrNegative, "kpi: ConversionRate: conversions: negative (-2)"},
		{"reach", second(ReachRate(1, 0)), ErrNonPositive, "kpi: ReachRate: followers: not positive (0)"},
	}
	for _, tt := range tests {
		if !errors.Is(tt.err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, tt.err, tt.want)
			continue
		}
		if tt.err.Error() != tt.msg {
			t.Errorf("%s: message = %q, want %q", tt.name, tt.err.Error(), tt.msg)
		}
	}
}

func second[T any](_ T, err error) error { return err }
