package selection

import (
	"errors"
	"fmt"

	"github.com/influencekit/influencekit/internal/csvx"
)

// Sentinel errors. Every error returned by this package wraps one of them
// (test with errors.Is) and names the function, the field and the value:
// "selection: Shortlist: cands[2].Fee: negative (-5)".
var (
	// ErrInvalid reports an argument that is out of its domain: a negative
	// fee, value or budget, an empty or repeated ID, an unknown Goal, a
	// constraint that contradicts another.
	ErrInvalid = errors.New("invalid argument")
	// ErrUnknownID reports a constraint naming a candidate that is not in
	// the input.
	ErrUnknownID = errors.New("unknown candidate ID")
	// ErrInfeasible reports that no selection satisfies the budget and the
	// constraints; it is returned only when that is proven.
	ErrInfeasible = errors.New("no selection satisfies the budget and constraints")
	// ErrSearchLimit reports that the search stopped at its work limit
	// (Constraints.MaxWork) before it found any selection satisfying the
	// constraints, although one may exist.
	ErrSearchLimit = errors.New("search limit reached before a feasible selection was found")
	// ErrOutOfRange reports amounts whose exact integer form (fees in minor
	// units, values scaled to their finest decimal place) does not fit in
	// 63 bits.
	ErrOutOfRange = errors.New("amount out of range")
	// ErrNoFollowers reports a MaxUniqueReach candidate without a follower
	// set.
	ErrNoFollowers = errors.New("no follower set")
	// ErrDuplicate reports a handle that appears twice in a CSV input with
	// conflicting values, under DuplicateError policy.
	ErrDuplicate = errors.New("repeated handle with conflicting values")
	// ErrMissingColumn reports a CSV input without a required column.
	ErrMissingColumn = errors.New("missing column")
	// ErrSyntax reports a CSV field that is not a valid number, percentage
	// or name.
	ErrSyntax = errors.New("invalid syntax")
)

// ParseError describes a bad field or row of a CSV input, with its 1-based
// line and column, the header and the offending text. errors.Is matches the
// sentinels above through it.
type ParseError = csvx.Error

// argError is the error for a bad argument: it prints as
// "selection: Func: field: what (value)" and unwraps to its sentinel.
type argError struct {
	msg string
	err error
}

func (e *argError) Error() string { return e.msg }
func (e *argError) Unwrap() error { return e.err }

// errorf builds "selection: fn: field: what (value)" wrapping sentinel.
func errorf(sentinel error, fn, field, what string, value any) error {
	return &argError{msg: fmt.Sprintf("selection: %s: %s: %s (%v)", fn, field, what, value), err: sentinel}
}
