package feedback

import (
	"github.com/influencekit/influencekit/internal/csvx"
	"github.com/influencekit/influencekit/internal/errs"
)

// The sentinels feedback's errors wrap; errors.Is matches them. They are
// the module's shared sentinels (feedback.ErrInvalid is kpi.ErrInvalid).
var (
	// ErrInvalid: an argument outside its domain: a score outside its
	// scale, an unknown enum text, an empty handle, a confidence level or
	// rate not in (0, 1), a nil reader.
	ErrInvalid = errs.ErrInvalid
	// ErrNegative: a negative count or amount.
	ErrNegative = errs.ErrNegative
	// ErrNonPositive: a group or sample size that is not positive.
	ErrNonPositive = errs.ErrNonPositive
	// ErrEmpty: nothing to compute on: no answers, no creators, no header
	// row.
	ErrEmpty = errs.ErrEmpty
	// ErrOverflow: a count or sample size beyond int64.
	ErrOverflow = errs.ErrOverflow
	// ErrTooLarge: an input beyond a documented limit (MaxEdits, a decimal
	// beyond the module's limit).
	ErrTooLarge = errs.ErrTooLarge
	// ErrSyntax: a timestamp or score that does not parse, malformed CSV.
	ErrSyntax = errs.ErrSyntax
	// ErrMissingColumn: a survey without the question asked for.
	ErrMissingColumn = errs.ErrMissingColumn
	// ErrDuplicate: two question columns with the same header, one name
	// given to two roster entries, an order ID twice.
	ErrDuplicate = errs.ErrDuplicate
)

// ParseError is the module's one error type for a bad CSV field or row
// (line, column, header, value); it wraps the sentinel of the cause.
// Ratings and Choices report a bad answer with it too.
type ParseError = csvx.Error
