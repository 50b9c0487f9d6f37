package roi

import (
	"errors"
	"fmt"

	"github.com/influencekit/influencekit/internal/csvx"
)

// Sentinel errors. Every error returned by this package wraps one of them (or
// a [*ParseError] that wraps one), so callers branch with [errors.Is].
var (
	// ErrNonPositive reports a denominator (cost, impressions, clicks, ...)
	// that is zero or negative.
	ErrNonPositive = errors.New("must be positive")
	// ErrNegative reports a negative cost, revenue, count or value.
	ErrNegative = errors.New("must not be negative")
	// ErrOverflow reports a count whose total does not fit in an int64.
	ErrOverflow = errors.New("overflows int64")
	// ErrInvalid reports any other malformed input (an empty channel name,
	// a bad position weight, an unparsable number or URL, ...).
	ErrInvalid = errors.New("invalid")
	// ErrEmptyPath reports a [Path] or [Journey] without channels.
	ErrEmptyPath = errors.New("path has no channels")
	// ErrModel reports an unknown or misconfigured attribution [Model].
	ErrModel = errors.New("unsupported attribution model")
	// ErrNoTimes reports a time-decay attribution asked of paths that carry
	// no touch times (use [AttributeJourneys]).
	ErrNoTimes = errors.New("model needs touch times")
	// ErrDuplicateOrder reports two orders with the same ID.
	ErrDuplicateOrder = errors.New("duplicate order ID")
	// ErrDuplicateCode reports a discount code or link claimed by two
	// influencers.
	ErrDuplicateCode = errors.New("claimed by two influencers")
	// ErrCurrency reports amounts in different currencies mixed in one
	// computation, or a missing currency.
	ErrCurrency = errors.New("currency mismatch")
	// ErrTooLarge reports an input beyond a documented size limit, such as
	// [MaxMarkovStates].
	ErrTooLarge = errors.New("too large")
	// ErrMissingColumn reports a CSV input without a required column.
	ErrMissingColumn = errors.New("missing column")
)

// ParseError describes a field of a CSV input that could not be read, with
// its line, column, header and value. It wraps one of the sentinels above.
type ParseError = csvx.Error

// errf builds the package's error form: "roi: Func: field: what was wrong (value)".
func errf(fn, field string, sentinel error, value any) error {
	return fmt.Errorf("roi: %s: %s: %w (%v)", fn, field, sentinel, value)
}
