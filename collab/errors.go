package collab

import (
	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/csvx"
	"github.com/influencekit/influencekit/internal/errs"
)

// The sentinels collab's errors wrap; errors.Is matches them. The shared
// ones are the same values as in every other package of the module
// (collab.ErrInvalid is kpi.ErrInvalid).
var (
	// ErrInvalid: an argument outside its domain (unknown deliverable ID,
	// unknown enum text, empty ID, a zero time where one is needed,
	// shares that do not sum to 1).
	ErrInvalid = errs.ErrInvalid
	// ErrNegative: a negative count, amount or number of days.
	ErrNegative = errs.ErrNegative
	// ErrEmpty: nothing to work on: a CSV input without a header row,
	// GiftLine without gifts.
	ErrEmpty = errs.ErrEmpty
	// ErrSyntax: a time or number that does not parse.
	ErrSyntax = errs.ErrSyntax
	// ErrMissingColumn: a CSV input without a column it needs.
	ErrMissingColumn = errs.ErrMissingColumn
	// ErrDuplicate: a deliverable or post ID given twice, or one post
	// claimed by published events of two deliverables.
	ErrDuplicate = errs.ErrDuplicate
	// ErrTooLarge: an input beyond a documented limit: a decimal beyond
	// limit's ±1000 exponent or 1000 digits (MaxExponent, MaxDigits), a
	// number text longer than MaxNumberText, a time outside MinYear…MaxYear,
	// NetDays beyond MaxNetDays, more than MaxRules rules or MaxWords words,
	// a brief's text longer than MaxBriefText.
	ErrTooLarge = errs.ErrTooLarge
	// ErrOverflow: a sum of counts beyond int64 (Histories), a count in
	// CSV beyond int64.
	ErrOverflow = errs.ErrOverflow
	// ErrNotFound and ErrMinorUnit are budget's, returned by RecordPayouts
	// through budget.Plan.Record: a line item not in the plan, an amount
	// that is not a whole number of the plan currency's minor unit.
	ErrNotFound  = budget.ErrNotFound
	ErrMinorUnit = budget.ErrMinorUnit
	// ErrCurrencyMismatch: money in a currency other than the fee's; the
	// error is budget's *MismatchError.
	ErrCurrencyMismatch = budget.ErrCurrencyMismatch
)

// ParseError is the module's one error type for a bad CSV field or row
// (line, column, header, value); it wraps the sentinel of the cause.
type ParseError = csvx.Error
