package kpi

import (
	"errors"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/csvx"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
)

// Sentinel errors. Every error returned by this package wraps one of them, so
// callers branch with errors.Is; the message names the function, the field
// and the offending value: "kpi: Func: field: what was wrong (value)".
//
// The sentinels of conditions every influencekit package shares are the
// same values in every package: errors.Is(err, kpi.ErrInvalid) and
// errors.Is(err, budget.ErrInvalid) are the same test.
var (
	// ErrInvalid reports an argument outside its domain that no more
	// specific sentinel names: an unknown enum value or text, a window
	// ending before it starts, a post whose Hidden names a count that is
	// not zero, inconsistent thresholds.
	ErrInvalid = errs.ErrInvalid
	// ErrNegative reports a negative count, rate or threshold.
	ErrNegative = errs.ErrNegative
	// ErrNonPositive reports a zero or negative denominator or size:
	// followers, reach, impressions, views, clicks, a start value, a goal,
	// a number of posts or a duration.
	ErrNonPositive = errs.ErrNonPositive
	// ErrEmpty reports an empty input, or one where every post was skipped
	// because a count the calculation needs was not reported, or a CSV
	// input without a header row.
	ErrEmpty = errs.ErrEmpty
	// ErrOverflow reports a sum or product that does not fit in an int64.
	ErrOverflow = errs.ErrOverflow
	// ErrTooLarge reports an input beyond a documented limit: a weekly
	// series longer than MaxWeeks, a target longer than 292 years, a
	// decimal with an exponent beyond ±1000 or more than 1000 digits, a
	// rate text beyond MaxRateDigits, a mean of rates on a rounding
	// midpoint over more than MaxExactBases distinct bases.
	ErrTooLarge = errs.ErrTooLarge
	// ErrSyntax reports text that is not a number this package can read.
	ErrSyntax = errs.ErrSyntax
	// ErrMissingColumn reports a CSV column named in PostColumns but absent
	// from the header row.
	ErrMissingColumn = errs.ErrMissingColumn

	// ErrNotReported reports a count or rate that the platform hid or the
	// export left out ("", "N/A", "NaN%"). It is not zero.
	ErrNotReported = errors.New("not reported")
	// ErrNoBenchmark reports that no benchmark row matches a placement query.
	ErrNoBenchmark = errors.New("no matching benchmark")
)

// ParseError describes a bad CSV field or row read by ReadPosts: its line,
// column, header and value. errors.Is matches the package sentinels through
// it. It is the one CSV error type of every influencekit package.
type ParseError = csvx.Error

// postField returns the field path "posts[i].name" ("posts[i]" when name is
// empty) for error messages.
func postField(i int, name string) string {
	if name == "" {
		return errs.Index("posts", i)
	}
	return errs.Index("posts", i) + "." + name
}

// renumber returns err with the index of its field "posts[j]…", an index
// into a selection of posts, replaced by idx[j], the index in the posts the
// caller gave; other errors unchanged.
func renumber(err error, idx []int) error {
	var e *errs.Error
	if !errors.As(err, &e) || !strings.HasPrefix(e.Field, "posts[") {
		return err
	}
	rest := e.Field[len("posts["):]
	end := strings.IndexByte(rest, ']')
	j, perr := strconv.Atoi(rest[:max(end, 0)])
	if end < 0 || perr != nil || j < 0 || j >= len(idx) {
		return err
	}
	c := *e
	c.Field = errs.Index("posts", idx[j]) + rest[end+1:]
	return &c
}

// checkDecimal is the door of every kpi function that takes a decimal: it
// refuses d beyond the library's limits (limit.Decimal: an exponent beyond
// ±1000 or more than 1000 digits, ErrTooLarge) and returns d with a zero's
// exponent dropped. limit.Decimal lets a zero through whatever its exponent
// (its value is 0), but decimal's division rescales by the exponent before
// it looks at the value: 0·10^-2147483648 divided by anything would hang.
func checkDecimal(fn, field string, d decimal.Decimal) (decimal.Decimal, error) {
	if err := limit.Decimal(fn, field, d); err != nil {
		return decimal.Decimal{}, err
	}
	if d.Sign() == 0 {
		return decimal.Zero, nil
	}
	return d, nil
}
