package selection

import (
	"errors"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/csvx"
	"github.com/influencekit/influencekit/internal/errs"
)

// Sentinel errors. Every error returned by this package wraps one of them
// (test with errors.Is) and reads "selection: Func: field: what (value)",
// for example "selection: Shortlist: cands[2].Fee: negative (-5)". The
// conditions every package shares have the module's shared sentinels, the
// same values as kpi.ErrInvalid, budget.ErrInvalid, …; the others are
// selection's own.
var (
	// ErrInvalid reports an argument that is out of its domain and that no
	// more specific sentinel names: an empty ID, an unknown Goal, a
	// constraint that contradicts another, a profile whose value
	// contradicts its Missing flag.
	ErrInvalid = errs.ErrInvalid
	// ErrNegative reports a negative fee, value, budget, count or weight.
	ErrNegative = errs.ErrNegative
	// ErrOverflow reports amounts whose exact integer form (fees in minor
	// units, values scaled to their finest decimal place) does not fit in
	// 63 bits, or a score that does not fit a float64.
	ErrOverflow = errs.ErrOverflow
	// ErrNonPositive reports an authenticity threshold, penalty or growth
	// target that is zero or negative (each divides or scales a score).
	ErrNonPositive = errs.ErrNonPositive
	// ErrTooLarge reports a decimal beyond the module's limit (an exponent
	// beyond ±1000 or more than 1000 digits).
	ErrTooLarge = errs.ErrTooLarge
	// ErrEmpty reports a CSV input with nothing to read: no header row.
	ErrEmpty = errs.ErrEmpty
	// ErrDuplicate reports a candidate ID given twice, or a handle that
	// appears twice in a CSV input with conflicting values (under
	// DuplicateError policy).
	ErrDuplicate = errs.ErrDuplicate
	// ErrMissingColumn reports a CSV input without a required column.
	ErrMissingColumn = errs.ErrMissingColumn
	// ErrSyntax reports a CSV field that is not a valid number, percentage
	// or name.
	ErrSyntax = errs.ErrSyntax

	// ErrUnknownID reports a constraint naming a candidate that is not in
	// the input.
	ErrUnknownID = errors.New("unknown candidate ID")
	// ErrInfeasible reports that no selection satisfies the budget and the
	// constraints; it is returned only when that is proven, and the error
	// names the constraint that cannot be met (or "Constraints" when only
	// their combination fails).
	ErrInfeasible = errors.New("no selection satisfies the budget and constraints")
	// ErrSearchLimit reports that the search stopped at its work limit
	// (Constraints.MaxWork) before it found any selection satisfying the
	// constraints, although one may exist.
	ErrSearchLimit = errors.New("search limit reached before a feasible selection was found")
	// ErrNoFollowers reports a MaxUniqueReach candidate with neither a
	// follower set nor a sketch.
	ErrNoFollowers = errors.New("no follower set")
	// ErrCurrencyMismatch reports amounts in two currencies (candidates,
	// a profile and the Criteria, the Criteria and its RateCard): budget's,
	// wrapped by a *budget.MismatchError naming both.
	ErrCurrencyMismatch = budget.ErrCurrencyMismatch
)

// ParseError describes a bad field or row of a CSV input, with its 1-based
// line and column, the header and the offending text. errors.Is matches the
// sentinels above through it. It is the module's one CSV error type
// (kpi.ParseError and roi.ParseError are the same type).
type ParseError = csvx.Error
