// Package errs is influencekit's one error mechanism. Every error an
// exported function returns for bad input is built here, so that every
// package speaks the same way:
//
//	pkg: Func: field: what was wrong (value)
//
// and wraps an exported sentinel of its package, which callers match with
// errors.Is. Values are printed short: a long string or a decimal with a huge
// coefficient or exponent is summarised (first characters, exponent, length),
// in constant time, never printed in full.
package errs

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// MaxValueLen is the longest value text, in bytes, printed in full in a
// message; a longer one is shortened to its first characters and its length.
const MaxValueLen = 40

// None is passed as the value of New when no value applies: the message then
// ends after "what" with no parenthesis.
var None = noValue{}

type noValue struct{}

// Error is the module's error for a bad argument or state. Its message is
// "pkg: Func: field: what (value)"; Unwrap returns Err, the package's
// sentinel.
type Error struct {
	Func  string // "pkg.Func", e.g. "kpi.EngagementRate"
	Field string // the argument or field path, e.g. "posts[3].Likes"; may be ""
	What  string // what was wrong; "" means the sentinel's own text
	Value string // the offending value, already shortened; "" prints nothing
	Err   error  // the sentinel
}

// New returns an *Error wrapping sentinel. fn is "pkg.Func"; field names the
// argument or field path ("" when the whole call is concerned); what says
// what was wrong ("" to use the sentinel's text); value is shown shortened
// (pass None for no value).
func New(sentinel error, fn, field, what string, value any) error {
	return &Error{Func: fn, Field: field, What: what, Value: Format(value), Err: sentinel}
}

// Error formats as "pkg: Func: field: what (value)".
func (e *Error) Error() string {
	var b strings.Builder
	pkg, fn, ok := strings.Cut(e.Func, ".")
	if ok {
		b.WriteString(pkg)
		b.WriteString(": ")
		b.WriteString(fn)
	} else {
		b.WriteString(e.Func)
	}
	if e.Field != "" {
		b.WriteString(": ")
		b.WriteString(e.Field)
	}
	b.WriteString(": ")
	what := e.What
	if what == "" && e.Err != nil {
		what = e.Err.Error()
	}
	b.WriteString(what)
	if e.Value != "" {
		b.WriteString(" (")
		b.WriteString(e.Value)
		b.WriteString(")")
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

// Format renders v for a message in bounded time and length: strings are
// quoted and cut to MaxValueLen bytes; decimals with a coefficient of more
// than MaxValueLen digits or an exponent beyond ±MaxValueLen are summarised
// by magnitude; other values print with %v, cut likewise.
func Format(v any) string {
	switch x := v.(type) {
	case noValue:
		return ""
	case nil:
		return "nil"
	case string:
		return Quote(x)
	case decimal.Decimal:
		return Decimal(x)
	case *decimal.Decimal:
		if x == nil {
			return "nil"
		}
		return Decimal(*x)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case fmt.Stringer:
		return cut(x.String())
	}
	return cut(fmt.Sprint(v))
}

// Quote returns s quoted with strconv.Quote, shortened when it is longer than
// MaxValueLen bytes: `"abcdef…" (1048576 bytes)`.
func Quote(s string) string {
	if len(s) <= MaxValueLen {
		return strconv.Quote(s)
	}
	head := s[:MaxValueLen]
	for !utf8.ValidString(head) && len(head) > MaxValueLen-4 {
		head = head[:len(head)-1]
	}
	return strconv.Quote(head) + "… (" + strconv.Itoa(len(s)) + " bytes)"
}

func cut(s string) string {
	if len(s) <= MaxValueLen {
		return s
	}
	return s[:MaxValueLen] + "… (" + strconv.Itoa(len(s)) + " bytes)"
}

// Decimal renders d in time linear in its coefficient's size (never
// quadratic, never in full when long): in full when it has at most
// MaxValueLen digits and a small exponent, otherwise as "≈1e+N, D digits":
// its order of magnitude and its coefficient's digit count, both estimated
// exactly for a coefficient of up to 19 digits, otherwise from its bit
// length (then the count may be one too high).
func Decimal(d decimal.Decimal) string {
	c := d.Coefficient() // a copy; the cost is linear, not quadratic
	exp := int64(d.Exponent())
	digits := int64(float64(c.BitLen())*math.Log10(2)) + 1
	if c.IsInt64() { // exact for coefficients of up to 19 digits
		digits = int64(len(strconv.FormatInt(c.Int64(), 10)))
		if c.Sign() < 0 {
			digits-- // the minus sign
		}
	}
	if digits <= MaxValueLen && exp > -MaxValueLen && exp < MaxValueLen {
		return d.String()
	}
	sign := ""
	if d.Sign() < 0 {
		sign = "-"
	}
	mag := exp + digits - 1
	unit := "digits"
	if digits == 1 {
		unit = "digit"
	}
	return fmt.Sprintf("%s≈1e%+d, %d %s", sign, mag, digits, unit)
}

// The sentinels shared by every package. Each package re-exports the ones it
// reports under the same name (var ErrInvalid = errs.ErrInvalid), so one
// condition has one sentinel across the module and errors.Is(err,
// kpi.ErrInvalid) matches the same condition reported by budget.
var (
	// ErrInvalid reports an argument outside its documented domain that no
	// more specific sentinel names: an unknown enum value, an empty name, a
	// nil reader, a bad option.
	ErrInvalid = errors.New("invalid")
	// ErrNegative reports a negative count, amount or weight where none is
	// allowed.
	ErrNegative = errors.New("negative")
	// ErrNonPositive reports a zero or negative denominator or size.
	ErrNonPositive = errors.New("not positive")
	// ErrEmpty reports an input with nothing to compute on: no posts, no
	// paths, no header row.
	ErrEmpty = errors.New("empty")
	// ErrOverflow reports a sum, product or exact integer form that does not
	// fit in 63 bits.
	ErrOverflow = errors.New("overflows int64")
	// ErrTooLarge reports an input beyond a documented limit: a decimal
	// exponent beyond MaxExponent, too many digits, parts, states or steps.
	ErrTooLarge = errors.New("beyond the documented limit")
	// ErrSyntax reports text that is not a number, date or name the function
	// can read.
	ErrSyntax = errors.New("invalid syntax")
	// ErrMissingColumn reports a CSV input without a column it needs.
	ErrMissingColumn = errors.New("missing column")
	// ErrDuplicate reports a name, ID or key given twice where each must be
	// unique.
	ErrDuplicate = errors.New("duplicate")
)

// Index returns the field path of element i of field: Index("posts", 3) is
// "posts[3]".
func Index(field string, i int) string {
	return field + "[" + strconv.Itoa(i) + "]"
}
