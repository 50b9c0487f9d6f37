package kpi

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/hostile"
	"github.com/influencekit/influencekit/internal/limit"
)

func TestParseCount(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		err  error
	}{
		{"0", 0, nil},
		{"1234", 1234, nil},
		{"1,234", 1234, nil},
		{"12,345,678", 12_345_678, nil},
		{" 42 ", 42, nil},
		{"3.3k", 3_300, nil},           // 3.3 × 10³
		{"3.3K", 3_300, nil},           // upper-case suffix
		{"0.89k", 890, nil},            // 0.89 × 10³
		{"0.01k", 10, nil},             // 0.01 × 10³
		{"475.8m", 475_800_000, nil},   // 475.8 × 10⁶
		{"475.8M", 475_800_000, nil},   //
		{"29.0b", 29_000_000_000, nil}, // 29.0 × 10⁹
		{"1.5B", 1_500_000_000, nil},   //
		{"12k", 12_000, nil},           //
		{"1,200k", 1_200_000, nil},     // grouped mantissa with a suffix
		{"2.50", 0, ErrSyntax},         // 2.5 is not a whole count
		{"3.000", 3, nil},              // trailing zeros after the point are whole
		{"9223372036854775807", 9223372036854775807, nil},
		{"9223372036854775808", 0, ErrOverflow},
		{"9223372036.854775808b", 0, ErrOverflow},
		{"9223372036.854775807b", 9223372036854775807, nil},
		{"99999999999b", 0, ErrOverflow},
		{"1.2345k", 0, ErrSyntax}, // 1234.5 is not a whole count
		{"1.5", 0, ErrSyntax},
		{"", 0, ErrNotReported},
		{"   ", 0, ErrNotReported},
		{"N/A", 0, ErrNotReported},
		{"n/a", 0, ErrNotReported},
		{"NaN", 0, ErrNotReported},
		{"null", 0, ErrNotReported},
		{"-", 0, ErrNotReported},
		{"—", 0, ErrNotReported},
		{"-5", 0, ErrNegative},
		{"1,23", 0, ErrSyntax},
		{"1234,567", 0, ErrSyntax},
		{",123", 0, ErrSyntax},
		{"1.2.3", 0, ErrSyntax},
		{"3.3kk", 0, ErrSyntax},
		{"k", 0, ErrSyntax},
		{".5k", 0, ErrSyntax},
		{"5.k", 0, ErrSyntax},
		{"1e3", 0, ErrSyntax},
		{"+5", 0, ErrSyntax},
		{"12 000", 0, ErrSyntax},
		{"abc", 0, ErrSyntax},
		{"1.39%", 0, ErrSyntax},
		{"٣", 0, ErrSyntax}, // Arabic-Indic digit
	}
	for _, tt := range tests {
		got, err := ParseCount(tt.in)
		if !errors.Is(err, tt.err) || (tt.err == nil && err != nil) {
			t.Errorf("ParseCount(%q) error = %v, want %v", tt.in, err, tt.err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseCount(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
	_, err := ParseCount("3.3q")
	if want := `kpi: ParseCount: text: not a count ("3.3q")`; err == nil || err.Error() != want {
		t.Errorf("message = %v, want %q", err, want)
	}
}

func TestParseRate(t *testing.T) {
	tests := []struct {
		in   string
		want string
		err  error
	}{
		{"1.39%", "0.0139", nil}, // 1.39 / 100
		{"1.39 %", "0.0139", nil},
		{"0.0139", "0.0139", nil},
		{"100%", "1", nil},
		{"0%", "0", nil},
		{"-2.5%", "-0.025", nil},
		{"+3%", "0.03", nil},
		{"12.345678901234567890123%", "0.12345678901234567890123", nil}, // exact, no float rounding
		{"7", "7", nil},
		{"NaN%", "", ErrNotReported},
		{"nan %", "", ErrNotReported},
		{"N/A", "", ErrNotReported},
		{"", "", ErrNotReported},
		{"%", "", ErrNotReported},
		{"-", "", ErrNotReported},
		{"1e-2", "", ErrSyntax},
		{"1,5%", "", ErrSyntax},
		{"1.2.3%", "", ErrSyntax},
		{"%5", "", ErrSyntax},
		{"5%%", "", ErrSyntax},
		{"inf", "", ErrSyntax},
		{"abc%", "", ErrSyntax},
		{".5", "", ErrSyntax},
		{"--1", "", ErrSyntax},
	}
	for _, tt := range tests {
		got, err := ParseRate(tt.in)
		if !errors.Is(err, tt.err) || (tt.err == nil && err != nil) {
			t.Errorf("ParseRate(%q) error = %v, want %v", tt.in, err, tt.err)
			continue
		}
		if tt.err == nil && !got.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("ParseRate(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestParseRateLimits checks MaxRateDigits and the ±1000 exponent at their
// edges, and that texts of 10⁶ digits are read or refused in linear time.
func TestParseRateLimits(t *testing.T) {
	z := strings.Repeat
	tests := []struct {
		name, in string
		want     decimal.Decimal // when err is nil
		err      error
	}{
		// 1000 nines: 1000 significant digits, the limit; 1001: one too many.
		{"1000 digits", z("9", 1000), decimal.New(1, 1000).Sub(decimal.New(1, 0)), nil},
		{"1001 digits", z("9", 1001), decimal.Decimal{}, ErrTooLarge},
		// 997 zeros then 1, with %: 998 places + 2 = 1e-1000, the last
		// exponent accepted; one more zero is 1e-1001.
		{"1e-1000", "0." + z("0", 997) + "1%", decimal.New(1, -1000), nil},
		{"1e-1001", "0." + z("0", 998) + "1%", decimal.Decimal{}, ErrTooLarge},
		// 1 and 1000 zeros is 1e1000 (one significant digit); 1 and 1001
		// zeros is 1e1001.
		{"1e1000", "1" + z("0", 1000), decimal.New(1, 1000), nil},
		{"1e1001", "1" + z("0", 1001), decimal.Decimal{}, ErrTooLarge},
		// Leading zeros count for nothing, trailing zeros of the fraction
		// only through the exponent: 0…01.5% is 0.015, 1.0…0 is 1.
		{"10^6 leading zeros", z("0", 1_000_000) + "1.5%", decimal.New(15, -3), nil},
		{"10^6 trailing zeros", "1." + z("0", 1_000_000), decimal.New(1, 0), nil},
		{"10^6 zeros", "-0." + z("0", 1_000_000) + "%", decimal.Zero, nil},
		{"10^6 digits", z("7", 1_000_000) + "%", decimal.Decimal{}, ErrTooLarge},
		{"10^6 places", "0." + z("3", 1_000_000), decimal.Decimal{}, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			got, err := ParseRate(tt.in)
			if d := time.Since(start); d > 50*time.Millisecond*hostile.Slack {
				t.Errorf("took %v", d)
			}
			if !errors.Is(err, tt.err) || (tt.err == nil && err != nil) {
				t.Fatalf("error = %v, want %v", err, tt.err)
			}
			if err != nil {
				if n := len(err.Error()); n > 200 {
					t.Errorf("message of %d bytes", n)
				}
				return
			}
			if !got.Equal(tt.want) {
				t.Errorf("= %s, want %s", errs.Format(got), errs.Format(tt.want))
			}
			if err := limit.Decimal("test", "got", got); err != nil {
				t.Errorf("result beyond the limits: %v", err)
			}
		})
	}
}

// slowParseCount is the obvious reference: decimal arithmetic on the text
// with the separators removed.
func slowParseCount(s string) (int64, bool) {
	t := strings.TrimSpace(s)
	mult := decimal.NewFromInt(1)
	if n := len(t); n > 0 {
		switch t[n-1] {
		case 'k', 'K':
			mult, t = decimal.New(1, 3), t[:n-1]
		case 'm', 'M':
			mult, t = decimal.New(1, 6), t[:n-1]
		case 'b', 'B':
			mult, t = decimal.New(1, 9), t[:n-1]
		}
	}
	ip, fp, dot := strings.Cut(t, ".")
	if !validInt(ip) || (dot && !allDigits(fp)) {
		return 0, false
	}
	d, err := decimal.NewFromString(strings.ReplaceAll(t, ",", ""))
	if err != nil {
		return 0, false
	}
	d = d.Mul(mult)
	if !d.IsInteger() || d.GreaterThan(decimal.NewFromInt(1<<62).Mul(decimal.NewFromInt(2)).Sub(decimal.NewFromInt(1))) {
		return 0, false
	}
	return d.IntPart(), true
}

func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"3.3k", "475.8m", "29.0b", "1,234", "0.01k", "N/A", "", "-5", "9223372036854775807"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseCount(s)
		want, ok := slowParseCount(s)
		if ok != (err == nil) || (ok && got != want) {
			t.Fatalf("ParseCount(%q) = %d, %v; reference %d, %v", s, got, err, want, ok)
		}
		if err != nil && !errors.Is(err, ErrSyntax) && !errors.Is(err, ErrNotReported) &&
			!errors.Is(err, ErrNegative) && !errors.Is(err, ErrOverflow) {
			t.Fatalf("ParseCount(%q): unexpected error %v", s, err)
		}
	})
}

func FuzzParseRate(f *testing.F) {
	for _, s := range []string{"1.39%", "0.0139", "NaN%", "-2.5 %", "", "1e5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseRate(s)
		if err != nil {
			if !errors.Is(err, ErrSyntax) && !errors.Is(err, ErrNotReported) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("ParseRate(%q): unexpected error %v", s, err)
			}
			return
		}
		// Round trip: the value printed as a percentage reads back equal.
		back, err := ParseRate(got.Shift(2).String() + "%")
		if err != nil || !back.Equal(got) {
			t.Fatalf("ParseRate(%q) = %s; round trip %s, %v", s, got, back, err)
		}
	})
}

func TestEnumsText(t *testing.T) {
	type enum interface {
		MarshalText() ([]byte, error)
		String() string
	}
	var got []string
	for _, e := range []enum{Instagram, X, UnknownPlatform, ByReach, PooledRate, Likes | Saves, Nano, Mega, NoTier,
		Median, Above, FieldLikes | FieldClicks} {
		b, err := e.MarshalText()
		if err != nil {
			t.Fatalf("%v.MarshalText: %v", e, err)
		}
		got = append(got, string(b))
	}
	want := []string{"instagram", "x", "unknown", "reach", "pooled", "likes|saves", "nano", "mega", "none",
		"median", "above", "likes|clicks"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("MarshalText (-want +got):\n%s", d)
	}
	var p Platform
	if err := p.UnmarshalText([]byte(" Twitter ")); err != nil || p != X {
		t.Errorf("Platform.UnmarshalText(Twitter) = %v, %v", p, err)
	}
	var i Interaction
	if err := i.UnmarshalText([]byte("Likes+Comments")); err != nil || i != Likes|Comments {
		t.Errorf("Interaction.UnmarshalText = %v, %v", i, err)
	}
	b := ByViews
	if err := b.UnmarshalText([]byte("bogus")); !errors.Is(err, ErrInvalid) || b != ByViews {
		t.Errorf("Base.UnmarshalText(bogus) = %v, %v; want ByViews unchanged and ErrInvalid", b, err)
	}
	tier := Macro
	if err := tier.UnmarshalText([]byte("giga")); !errors.Is(err, ErrInvalid) || tier != Macro {
		t.Errorf("Tier.UnmarshalText(giga) = %v, %v; want Macro unchanged and ErrInvalid", tier, err)
	}
	// v0.2: the zero Base is ByFollowers, the default; out of range fails.
	if b, err := Base(0).MarshalText(); err != nil || string(b) != "followers" {
		t.Errorf("Base(0).MarshalText = %q, %v; want followers", b, err)
	}
	if _, err := Base(9).MarshalText(); !errors.Is(err, ErrInvalid) {
		t.Errorf("Base(9).MarshalText err = %v", err)
	}
	if s := Base(9).String(); s != "Base(9)" {
		t.Errorf("Base(9).String() = %q", s)
	}
	// Round trip every valid value.
	for v := Platform(0); v <= Threads; v++ {
		var back Platform
		b, _ := v.MarshalText()
		if err := back.UnmarshalText(b); err != nil || back != v {
			t.Errorf("Platform %v round trip: %v, %v", v, back, err)
		}
	}
	for v := NoTier; v <= Mega; v++ {
		var back Tier
		b, _ := v.MarshalText()
		if err := back.UnmarshalText(b); err != nil || back != v {
			t.Errorf("Tier %v round trip: %v, %v", v, back, err)
		}
	}
	for v := Interaction(0); v <= AllInteractions; v++ { // v0.2: the empty set "none" round-trips too
		var back Interaction
		b, _ := v.MarshalText()
		if err := back.UnmarshalText(b); err != nil || back != v {
			t.Errorf("Interaction %v round trip: %v, %v", v, back, err)
		}
	}
	for v := Fields(0); v <= AllFields; v += 37 {
		var back Fields
		b, _ := v.MarshalText()
		if err := back.UnmarshalText(b); err != nil || back != v {
			t.Errorf("Fields %v round trip: %v, %v", v, back, err)
		}
	}
	if got := (Formula{Likes | Comments, ByFollowers, MeanOfRates}).String(); got != "likes+comments by followers, mean of rates" {
		t.Errorf("Formula.String() = %q", got)
	}
}
