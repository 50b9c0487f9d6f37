package errs

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

var errTest = errors.New("sentinel text")

func TestNewMessage(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"full", New(ErrNonPositive, "kpi.EngagementRate", "base", "", int64(0)),
			"kpi: EngagementRate: base: not positive (0)"},
		{"what", New(ErrInvalid, "budget.NewMoney", "amount", "finer than the EUR minor unit", decimal.RequireFromString("1.005")),
			"budget: NewMoney: amount: finer than the EUR minor unit (1.005)"},
		{"no field", New(errTest, "roi.Attribute", "", "", None), "roi: Attribute: sentinel text"},
		{"string quoted", New(ErrSyntax, "kpi.ParseCount", "text", "", "12x"), `kpi: ParseCount: text: invalid syntax ("12x")`},
		{"method", New(ErrInvalid, "kpi.Base.MarshalText", "", "unknown value", 9),
			"kpi: Base.MarshalText: unknown value (9)"},
		{"nil value", New(ErrInvalid, "roi.ReadPaths", "r", "", nil), "roi: ReadPaths: r: invalid (nil)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNewWrapsSentinel(t *testing.T) {
	err := New(ErrNegative, "budget.Split", "weights[2]", "", decimal.NewFromInt(-1))
	if !errors.Is(err, ErrNegative) {
		t.Errorf("errors.Is(%v, ErrNegative) = false", err)
	}
	if errors.Is(err, ErrInvalid) {
		t.Errorf("errors.Is(%v, ErrInvalid) = true, want false", err)
	}
	var e *Error
	if !errors.As(err, &e) || e.Field != "weights[2]" || e.Func != "budget.Split" {
		t.Errorf("errors.As gave %+v", e)
	}
}

// TestFormatShort checks that huge values are summarised in constant time
// and a bounded length (issue 18: a 2^31-character message killed a process).
func TestFormatShort(t *testing.T) {
	long := strings.Repeat("é", 1<<20) // 2 MiB of a two-byte rune
	tests := []struct {
		name string
		v    any
		want string
	}{
		// 10^(2^31-1): coefficient 1 (1 digit), exponent 2147483647.
		{"huge exponent", decimal.New(1, math.MaxInt32), "≈1e+2147483647, 1 digit"},
		// 10^-(2^31): magnitude -2147483648.
		{"tiny exponent", decimal.New(-7, math.MinInt32), "-≈1e-2147483648, 1 digit"},
		// 40 bytes of "é" is 20 runes, then the length 2*2^20 = 2097152.
		{"long string", long, `"` + strings.Repeat("é", 20) + `"… (2097152 bytes)`},
		{"short decimal", decimal.RequireFromString("-12.50"), "-12.5"},
		// 9e1000: one digit, magnitude 1000 (exact for small coefficients).
		{"9e1000", decimal.New(9, 1000), "≈1e+1000, 1 digit"},
		// -123e-50: three digits, magnitude -50+3-1 = -48.
		{"-123e-50", decimal.New(-123, -50), "-≈1e-48, 3 digits"},
		{"float", 0.25, "0.25"},
		{"stringer", time.Duration(1500) * time.Millisecond, "1.5s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Format(tt.v); got != tt.want {
				t.Errorf("Format = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFormatHugeCoefficient(t *testing.T) {
	// A coefficient of 10^6 nines: about 10^6 digits. BitLen(10^6 digits)
	// = ceil(10^6 · log2(10)) = 3321929 bits; 3321929 · log10(2) + 1 gives
	// 1000001 (the estimate may be one above the true count, documented).
	d := decimal.RequireFromString(strings.Repeat("9", 1_000_000))
	start := time.Now()
	got := Format(d)
	if el := time.Since(start); el > 50*time.Millisecond {
		t.Errorf("Format took %v, want < 50ms", el)
	}
	if got != "≈1e+1000000, 1000001 digits" && got != "≈1e+999999, 1000000 digits" {
		t.Errorf("Format = %q, want a short summary", got)
	}
}

func FuzzQuote(f *testing.F) {
	f.Add("abc")
	f.Add(strings.Repeat("ı", 30))
	f.Add("\xff\xfe" + strings.Repeat("x", 50))
	f.Fuzz(func(t *testing.T, s string) {
		q := Quote(s)
		if len(s) <= MaxValueLen && q != `"`+q[1:len(q)-1]+`"` {
			t.Fatalf("short %q quoted as %q", s, q)
		}
		// Quoted text is at most 4 bytes per input byte plus the suffix.
		if len(q) > 4*MaxValueLen+40 {
			t.Fatalf("Quote(%d bytes) is %d bytes long", len(s), len(q))
		}
	})
}
