package kpi

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
)

// notReported reports whether t (trimmed) is one of the spellings exports use
// for a missing value: "", "N/A", "NA", "NaN", "NaN%", "null", "none", "-",
// "–", "—" (case-insensitive).
func notReported(t string) bool {
	if len(t) > len("null") { // the longest spelling: no copy of a long text
		return false
	}
	if t == "" {
		return true
	}
	if c := t[0]; c >= '0' && c <= '9' { // no spelling starts with a digit
		return false
	}
	// EqualFold rather than ToLower, which allocates for "N/A": for these
	// words they agree (the only letters whose folds differ from ToLower's,
	// K and ſ, fold to k and s, in none of them).
	for _, w := range [...]string{"", "n/a", "na", "nan", "nan%", "null", "none", "-", "–", "—"} {
		if strings.EqualFold(t, w) {
			return true
		}
	}
	return false
}

// ParseCount reads a count as analytics exports write it, exactly, without
// floating point:
//
//	"1234", "1,234"         1234   (commas only as thousands separators)
//	"3.3k", "3.3K"          3300   (k = 10³)
//	"475.8m", "475.8M"      475800000 (m = 10⁶)
//	"29.0b", "29.0B"        29000000000 (b = 10⁹)
//	"0.01k"                 10
//
// Surrounding space is ignored. "", "N/A", "NA", "NaN", "null", "none" and a
// lone dash are a count that was not reported: the error wraps
// ErrNotReported, never a zero. A negative count wraps ErrNegative; a value
// that is not a whole number ("1.5", "1.2345k") or any other text wraps
// ErrSyntax; more than the int64 range wraps ErrOverflow.
func ParseCount(text string) (int64, error) {
	const fn = "kpi.ParseCount"
	t := strings.TrimSpace(text)
	if notReported(t) {
		return 0, errs.New(ErrNotReported, fn, "text", "", text)
	}
	if t[0] == '-' {
		return 0, errs.New(ErrNegative, fn, "text", "", text)
	}
	if v, ok := quickCount(t); ok {
		return v, nil
	}
	return parseCountGeneral(fn, text, t)
}

// parseCountGeneral is ParseCount after its checks of a missing or
// negative count and its fast path: every other text, t trimmed.
func parseCountGeneral(fn, text, t string) (int64, error) {
	exp := 0
	switch t[len(t)-1] {
	case 'k', 'K':
		exp = 3
	case 'm', 'M':
		exp = 6
	case 'b', 'B':
		exp = 9
	}
	if exp > 0 {
		t = t[:len(t)-1]
	}
	intPart, fracPart, hasDot := strings.Cut(t, ".")
	if !validInt(intPart) || (hasDot && !allDigits(fracPart)) {
		return 0, errs.New(ErrSyntax, fn, "text", "not a count", text)
	}
	fracPart = strings.TrimRight(fracPart, "0")
	if len(fracPart) > exp {
		return 0, errs.New(ErrSyntax, fn, "text", "not a whole count", text)
	}
	var v uint64
	overflow := false
	add := func(c byte) {
		hi, lo := bits.Mul64(v, 10)
		lo, carry := bits.Add64(lo, uint64(c-'0'), 0)
		if hi != 0 || carry != 0 || lo > math.MaxInt64 {
			overflow = true
		}
		v = lo
	}
	for i := 0; i < len(intPart) && !overflow; i++ {
		if intPart[i] != ',' {
			add(intPart[i])
		}
	}
	for i := 0; i < len(fracPart) && !overflow; i++ {
		add(fracPart[i])
	}
	for i := len(fracPart); i < exp && !overflow; i++ {
		add('0')
	}
	if overflow {
		return 0, errs.New(ErrOverflow, fn, "text", "", text)
	}
	return int64(v), nil
}

// quickCount reads, in one pass, the counts exports write most: at most
// 18 digits and a suffix, with valid thousands separators and a fraction
// no longer than the suffix allows ("1234", "1,234", "12.4k", "475.8m").
// It returns false for any other text, which ParseCount's general path
// reads or refuses; what it accepts, that path reads to the same value
// (FuzzQuickCount). 18 digits and the suffix's zeros stay below 10¹⁸: no
// overflow.
func quickCount(t string) (int64, bool) {
	exp := 0
	if n := len(t); n > 0 {
		switch t[n-1] {
		case 'k', 'K':
			exp = 3
		case 'm', 'M':
			exp = 6
		case 'b', 'B':
			exp = 9
		}
		if exp > 0 {
			t = t[:n-1]
		}
	}
	if len(t) == 0 || len(t)+exp > 18 {
		return 0, false
	}
	var v int64
	group, commas, frac := 0, 0, -1 // digits in the current group; commas; digits after the dot (-1: no dot)
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case '0' <= c && c <= '9':
			v = v*10 + int64(c-'0')
			if frac >= 0 {
				frac++
			} else {
				group++
			}
		case c == ',' && frac < 0:
			if group == 0 || group > 3 || (commas > 0 && group != 3) {
				return 0, false
			}
			commas, group = commas+1, 0
		case c == '.' && frac < 0:
			if group == 0 || (commas > 0 && group != 3) {
				return 0, false
			}
			frac = 0
		default:
			return 0, false
		}
	}
	if frac == 0 || frac > exp || (frac < 0 && (group == 0 || (commas > 0 && group != 3))) {
		return 0, false
	}
	for range exp - max(frac, 0) {
		v *= 10
	}
	return v, true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// validInt accepts "123" or comma-grouped "1,234,567" (first group 1–3
// digits, then groups of exactly 3).
func validInt(s string) bool {
	if !strings.Contains(s, ",") {
		return allDigits(s)
	}
	first, rest, _ := strings.Cut(s, ",")
	if len(first) > 3 || !allDigits(first) {
		return false
	}
	for { // groups of 3 without strings.Split, which allocates per row
		g, more, ok := strings.Cut(rest, ",")
		if len(g) != 3 || !allDigits(g) {
			return false
		}
		if !ok {
			return true
		}
		rest = more
	}
}

// MaxRateDigits bounds the significant digits of the text ParseRate reads
// (from the first non-zero digit to the last non-zero one): 1000, the
// library's decimal limit (limit.MaxDigits). Leading and trailing zeros are
// not digits of the coefficient: they only count through the exponent,
// which must stay within ±1000 (limit.MaxExponent), so that every rate
// ParseRate returns is accepted by every function of the library that takes
// a decimal.
const MaxRateDigits = limit.MaxDigits

// ParseRate reads a rate as a fraction, exactly: "1.39%" is 0.0139 and
// "0.0139" is 0.0139 (text without a percent sign is already a fraction). A
// leading sign is allowed ("-2.5%" is -0.025, a loss); space before "%" is
// ignored. "", "N/A", "NaN", "NaN%" and the other spellings ParseCount
// accepts for a missing value wrap ErrNotReported; anything else that is not
// digits with an optional decimal point wraps ErrSyntax (exponents,
// thousands separators and "inf" included).
//
// Limits: the result is c·10^e with at most MaxRateDigits (1000) digits in
// c and |e| <= 1000 (limit.MaxExponent), the library's decimal limits, so
// that Benchmarks.Place and every other function taking a decimal accepts
// it. Text that cannot be written so wraps ErrTooLarge: more than 1000
// significant digits; more than 1000 decimal places (the percent's two
// included) once trailing zeros are dropped; more than 1000 zeros after the
// last significant digit of the integer part ("1" and 1001 zeros is
// 1·10^1001). Digits and zeros are counted before any conversion, so the
// time is linear in len(text) (about 0.6 ms for 10⁶ digits) and the
// conversion handles at most 1000 digits.
func ParseRate(text string) (decimal.Decimal, error) {
	const fn = "kpi.ParseRate"
	t := strings.TrimSpace(text)
	if notReported(t) || notReported(strings.TrimSpace(strings.TrimSuffix(t, "%"))) {
		return decimal.Decimal{}, errs.New(ErrNotReported, fn, "text", "", text)
	}
	pct := strings.HasSuffix(t, "%")
	if pct {
		t = strings.TrimSpace(t[:len(t)-1])
	}
	num, neg := t, false
	if num != "" && (num[0] == '-' || num[0] == '+') {
		num, neg = num[1:], num[0] == '-'
	}
	intPart, fracPart, hasDot := strings.Cut(num, ".")
	if !allDigits(intPart) || (hasDot && !allDigits(fracPart)) {
		return decimal.Decimal{}, errs.New(ErrSyntax, fn, "text", "not a rate", text)
	}
	exp := -len(fracPart)
	if pct {
		exp -= 2
	}
	coef, exp, what := rateCoefficient(intPart, fracPart, exp)
	if what != "" {
		return decimal.Decimal{}, errs.New(ErrTooLarge, fn, "text", what, text)
	}
	c, ok := new(big.Int).SetString(coef, 10)
	if !ok {
		return decimal.Decimal{}, errs.New(ErrSyntax, fn, "text", "not a rate", text)
	}
	if neg {
		c.Neg(c)
	}
	return decimal.NewFromBigInt(c, int32(exp)), nil //nolint:gosec // |exp| <= limit.MaxExponent
}

// rateCoefficient returns the digits of the coefficient and the exponent of
// the rate intPart.fracPart × 10^(exp + len(fracPart)), whose digits are
// all ASCII digits, in time linear in their length and without converting
// more than MaxRateDigits digits; what is non-empty when the value is beyond
// the limits. The coefficient keeps the trailing zeros of the text ("1.50"
// is 150·10⁻², as decimal.NewFromString reads it) when that stays within
// MaxRateDigits and the exponent within ±limit.MaxExponent; otherwise they
// move into the exponent. A zero is "0" with exponent 0.
func rateCoefficient(intPart, fracPart string, exp int) (coef string, e int, what string) {
	digits := strings.TrimLeft(intPart, "0")
	if digits == "" {
		digits = strings.TrimLeft(fracPart, "0") // no copy of leading zeros
	} else {
		digits += fracPart // one copy: linear
	}
	if digits == "" {
		return "0", 0, ""
	}
	if len(digits) <= MaxRateDigits && exp >= -limit.MaxExponent {
		return digits, exp, ""
	}
	sig := strings.TrimRight(digits, "0")
	exp += len(digits) - len(sig)
	switch {
	case len(sig) > MaxRateDigits:
		return "", 0, "more than " + strconv.Itoa(MaxRateDigits) + " significant digits"
	case exp < -limit.MaxExponent:
		return "", 0, "more than " + strconv.Itoa(limit.MaxExponent) + " decimal places"
	case exp > limit.MaxExponent:
		return "", 0, "exponent beyond " + strconv.Itoa(limit.MaxExponent)
	}
	return sig, exp, ""
}
