package budget

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error returned by this package wraps one of them, so
// callers can branch with errors.Is.
var (
	// ErrInvalid reports an argument outside its documented domain: a
	// negative amount where none is allowed, an empty name, a NaN curve
	// parameter, a time range whose end is not after its start.
	ErrInvalid = errors.New("invalid argument")

	// ErrWeights reports weights that cannot split an amount: none at all,
	// a negative one, or all of them zero.
	ErrWeights = errors.New("invalid weights")

	// ErrMinorUnit reports an amount that is not a whole number of minor
	// units (10^-places), such as 1.005 in a currency with 2 decimals.
	ErrMinorUnit = errors.New("amount is not a whole number of minor units")

	// ErrCurrency reports an unknown or malformed ISO 4217 code.
	ErrCurrency = errors.New("unknown currency")

	// ErrCurrencyMismatch reports an operation on amounts in two different
	// currencies. The concrete error is a *MismatchError.
	ErrCurrencyMismatch = errors.New("currency mismatch")

	// ErrNotFound reports a line item name that is not in the plan.
	ErrNotFound = errors.New("no such line item")

	// ErrDuplicate reports a second line item with a name already in the plan.
	ErrDuplicate = errors.New("duplicate line item")

	// ErrZeroPlanned reports a variance fraction asked of a line item whose
	// planned amount is zero: the fraction is undefined.
	ErrZeroPlanned = errors.New("planned amount is zero")

	// ErrInfeasible reports spend bounds that cannot meet the total: the
	// minimums sum to more than the total, or the maximums to less.
	ErrInfeasible = errors.New("infeasible bounds")
)

// MismatchError is returned when two amounts in different currencies meet in
// one operation. It wraps ErrCurrencyMismatch.
type MismatchError struct {
	Func        string   // the function that refused, e.g. "Money.Add"
	Left, Right Currency // the two currencies involved
}

func (e *MismatchError) Error() string {
	return fmt.Sprintf("budget: %s: currency mismatch (%s and %s)", e.Func, e.Left, e.Right)
}

// Unwrap returns ErrCurrencyMismatch.
func (e *MismatchError) Unwrap() error { return ErrCurrencyMismatch }

// errf builds "budget: Func: field: what (value)" wrapping sentinel.
func errf(sentinel error, fn, field string, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	if field != "" {
		return fmt.Errorf("budget: %s: %s: %s: %w", fn, field, msg, sentinel)
	}
	return fmt.Errorf("budget: %s: %s: %w", fn, msg, sentinel)
}
