package exact

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func TestDuration(t *testing.T) {
	day := 24 * time.Hour
	for _, c := range []struct {
		d, unit time.Duration
		want    string
	}{
		{36 * time.Hour, day, "1.5"},
		{-36 * time.Hour, day, "-1.5"},
		{8 * time.Hour, day, "0.3333333333333333"},    // 1/3
		{16 * time.Hour, day, "0.6666666666666667"},   // 2/3, half up
		{-16 * time.Hour, day, "-0.6666666666666667"}, // half away from zero
		{0, day, "0"},
		{time.Duration(math.MaxInt64), day, "106751.9911673006459144"}, // beyond the fast path: (2^63−1)/86400e9 = 106751.99116730064591435185… → …459144
		{time.Duration(math.MinInt64), time.Nanosecond, "-9223372036854775808"},
		{5 * time.Nanosecond, 10 * time.Nanosecond, "0.5"},
	} {
		if got := Duration(c.d, c.unit); !got.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("Duration(%d, %d) = %s, want %s", c.d, c.unit, got, c.want)
		}
	}
	// The fast path agrees with Div everywhere.
	r := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		d := time.Duration(r.Int64N(1<<60) - 1<<59)
		unit := time.Duration(r.Int64N(1<<50) + 1)
		if got, want := Duration(d, unit), Div(decimal.NewFromInt(int64(d)), decimal.NewFromInt(int64(unit))); !got.Equal(want) {
			t.Fatalf("Duration(%d, %d) = %s, Div = %s", d, unit, got, want)
		}
	}
}
