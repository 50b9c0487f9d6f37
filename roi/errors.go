package roi

import (
	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/csvx"
	"github.com/influencekit/influencekit/internal/errs"
)

// Sentinel errors. Every error returned by this package wraps one of them (or
// a [*ParseError] that wraps one), so callers branch with [errors.Is]. They
// are the module's shared sentinels: roi.ErrInvalid is kpi.ErrInvalid is
// budget.ErrInvalid, and so on. Messages read
// "roi: Func: field: what was wrong (value)".
var (
	// ErrInvalid reports an argument outside its domain that no more
	// specific sentinel names: an empty channel or influencer name, an
	// unknown or misconfigured attribution [Model] (a nil model, a
	// [TimeDecay] given to [Attribute], which has no touch times), a bad
	// position weight, an unparsable URL, an unknown currency code.
	ErrInvalid = errs.ErrInvalid
	// ErrNegative reports a negative cost, revenue, count or value.
	ErrNegative = errs.ErrNegative
	// ErrNonPositive reports a denominator (cost, impressions, clicks, ...)
	// that is zero or negative.
	ErrNonPositive = errs.ErrNonPositive
	// ErrEmpty reports a [Path] or [Journey] without channels, and a CSV
	// input without a header row.
	ErrEmpty = errs.ErrEmpty
	// ErrOverflow reports a count whose total does not fit in an int64.
	ErrOverflow = errs.ErrOverflow
	// ErrTooLarge reports an input beyond a documented limit: a decimal
	// exponent beyond ±budget.MaxExponent (1000) or a coefficient of more
	// than 1000 digits, more than [MaxMarkovStates] Markov states.
	ErrTooLarge = errs.ErrTooLarge
	// ErrSyntax reports CSV text that is not a number or time the readers
	// accept, and malformed CSV.
	ErrSyntax = errs.ErrSyntax
	// ErrMissingColumn reports a CSV input without a required column.
	ErrMissingColumn = errs.ErrMissingColumn
	// ErrDuplicate reports an order ID, an influencer, or a discount code
	// or link pattern given twice where each must be unique.
	ErrDuplicate = errs.ErrDuplicate
	// ErrCurrencyMismatch reports amounts in different currencies meeting
	// in one computation (a Plan, an EMV card or an order in another
	// currency than the report's). It is budget.ErrCurrencyMismatch; the
	// error also wraps a *budget.MismatchError naming both currencies.
	ErrCurrencyMismatch = budget.ErrCurrencyMismatch
)

// ParseError describes a field of a CSV input that could not be read, with
// its line, column, header and value. It wraps one of the sentinels above.
// It is the module's one CSV error type (kpi.ParseError is the same type).
type ParseError = csvx.Error

// mismatch is the error for an amount in currency got where the report or
// computation is in want: a *budget.MismatchError, wrapping
// [ErrCurrencyMismatch].
func mismatch(fn, field string, want, got budget.Currency) error {
	return &budget.MismatchError{Func: fn, Field: field, Left: want, Right: got}
}
