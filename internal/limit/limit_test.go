package limit

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/shopspring/decimal"
)

func TestDecimal(t *testing.T) {
	tests := []struct {
		name string
		d    decimal.Decimal
		ok   bool
	}{
		// Refused: 0e-2147483648 + 1 would rescale 1 to 2^31 digits.
		{"zero with huge exponent", decimal.New(0, math.MinInt32), false},
		{"zero", decimal.Zero, true},
		{"ordinary", decimal.RequireFromString("-12345.67"), true},
		{"exponent 1000", decimal.New(1, 1000), true},
		{"exponent -1000", decimal.New(1, -1000), true},
		{"exponent 1001", decimal.New(1, 1001), false},
		{"exponent -1001", decimal.New(1, -1001), false},
		{"exponent MaxInt32", decimal.New(1, math.MaxInt32), false},
		{"exponent MinInt32", decimal.New(-3, math.MinInt32), false},
		// 1000 nines is the largest 1000-digit coefficient: accepted;
		// 10^1000 has 1001 digits: refused.
		{"1000 digits", decimal.RequireFromString(strings.Repeat("9", 1000)), true},
		{"1001 digits", decimal.RequireFromString("1" + strings.Repeat("0", 1000)), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Decimal("pkg.F", "x", tt.d)
			if tt.ok && err != nil {
				t.Errorf("err = %v, want nil", err)
			}
			if !tt.ok && !errors.Is(err, errs.ErrTooLarge) {
				t.Errorf("err = %v, want ErrTooLarge", err)
			}
		})
	}
}

func TestDecimalFastAndShort(t *testing.T) {
	d := decimal.RequireFromString(strings.Repeat("7", 1_000_000))
	start := time.Now()
	err := Decimal("pkg.F", "amounts[2]", d)
	if el := time.Since(start); el > 50*time.Millisecond {
		t.Errorf("Decimal took %v on a 10^6-digit value, want < 50ms", el)
	}
	if err == nil || len(err.Error()) > 120 {
		t.Errorf("err = %v, want a short error", err)
	}
	if err := Decimals("pkg.F", "w", []decimal.Decimal{decimal.NewFromInt(1), decimal.New(1, 5000)}); err == nil ||
		!strings.Contains(err.Error(), "w[1]") {
		t.Errorf("Decimals err = %v, want one naming w[1]", err)
	}
}
