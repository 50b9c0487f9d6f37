package kpi

import (
	"errors"
	"fmt"

	"github.com/influencekit/influencekit/internal/csvx"
)

// Sentinel errors. Every error returned by this package wraps one of them, so
// callers branch with errors.Is; the message names the function, the field
// and the offending value: "kpi: Func: field: what was wrong (value)".
var (
	// ErrNegative reports a negative count.
	ErrNegative = errors.New("negative count")
	// ErrZeroBase reports a zero or negative denominator: followers, reach,
	// impressions, views, clicks or a start value.
	ErrZeroBase = errors.New("base is not positive")
	// ErrEmpty reports an empty input, or one where every post was skipped
	// because a count the calculation needs was not reported.
	ErrEmpty = errors.New("no posts")
	// ErrOverflow reports a sum or product that does not fit in an int64.
	ErrOverflow = errors.New("int64 overflow")
	// ErrInvalid reports an invalid argument: an unknown enum value, a bad
	// window, inconsistent thresholds.
	ErrInvalid = errors.New("invalid argument")
	// ErrNotReported reports a count or rate that the platform hid or the
	// export left out ("", "N/A", "NaN%"). It is not zero.
	ErrNotReported = errors.New("not reported")
	// ErrSyntax reports text that is not a number this package can read.
	ErrSyntax = errors.New("invalid number")
	// ErrMissingColumn reports a CSV column named in Columns but absent from
	// the header row.
	ErrMissingColumn = errors.New("missing column")
	// ErrNoBenchmark reports that no benchmark row matches a placement query.
	ErrNoBenchmark = errors.New("no matching benchmark")
)

// ParseError describes a bad CSV field or row read by ReadPosts: its line,
// column, header and value. errors.Is matches the package sentinels through it.
type ParseError = csvx.Error

// errorf builds "kpi: fn: field: sentinel (value)".
func errorf(fn, field string, sentinel error, value any) error {
	return fmt.Errorf("kpi: %s: %s: %w (%v)", fn, field, sentinel, value)
}
