package kpi

import (
	"math"
	"math/bits"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/errs"
)

// notReported reports whether t (trimmed) is one of the spellings exports use
// for a missing value: "", "N/A", "NA", "NaN", "NaN%", "null", "none", "-",
// "–", "—" (case-insensitive).
func notReported(t string) bool {
	switch strings.ToLower(t) {
	case "", "n/a", "na", "nan", "nan%", "null", "none", "-", "–", "—":
		return true
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
	groups := strings.Split(s, ",")
	if len(groups[0]) > 3 || !allDigits(groups[0]) {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !allDigits(g) {
			return false
		}
	}
	return true
}

// ParseRate reads a rate as a fraction, exactly: "1.39%" is 0.0139 and
// "0.0139" is 0.0139 (text without a percent sign is already a fraction). A
// leading sign is allowed ("-2.5%" is -0.025, a loss); space before "%" is
// ignored. "", "N/A", "NaN", "NaN%" and the other spellings ParseCount
// accepts for a missing value wrap ErrNotReported; anything else that is not
// digits with an optional decimal point wraps ErrSyntax (exponents,
// thousands separators and "inf" included).
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
	num := t
	if num != "" && (num[0] == '-' || num[0] == '+') {
		num = num[1:]
	}
	intPart, fracPart, hasDot := strings.Cut(num, ".")
	if !allDigits(intPart) || (hasDot && !allDigits(fracPart)) {
		return decimal.Decimal{}, errs.New(ErrSyntax, fn, "text", "not a rate", text)
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return decimal.Decimal{}, errs.New(ErrSyntax, fn, "text", "not a rate", text)
	}
	if pct {
		d = d.Shift(-2)
	}
	return d, nil
}
