package budget

import (
	"errors"

	"github.com/influencekit/influencekit/internal/errs"
)

// Sentinel errors. Every error returned by this package wraps one of them, so
// callers can branch with errors.Is. The shared ones are the module's own
// (errors.Is(err, budget.ErrInvalid) and errors.Is(err, kpi.ErrInvalid) are
// the same test); the others are conditions of this package.
var (
	// ErrInvalid reports an argument outside its documented domain that no
	// more specific sentinel names: an unknown currency code or enum text, a
	// zero Currency or Plan, an empty name, a NaN curve parameter, a time
	// range whose end is not after its start.
	ErrInvalid = errs.ErrInvalid
	// ErrNegative reports a negative amount, weight, count or bound where
	// none is allowed.
	ErrNegative = errs.ErrNegative
	// ErrNonPositive reports a zero denominator: weights that are all zero,
	// a variance fraction of a line item planned at zero, a zero target.
	ErrNonPositive = errs.ErrNonPositive
	// ErrEmpty reports nothing to work on: no weights, no shares, no
	// channels.
	ErrEmpty = errs.ErrEmpty
	// ErrTooLarge reports an input beyond a documented limit: a decimal
	// exponent beyond ±MaxExponent (1000) or more than MaxDigits (1000)
	// digits, places beyond ±MaxPlaces (30), more than MaxParts (10⁶) parts
	// for SplitEven, more than 2^53 minor units in an allocation, a grid
	// beyond MaxGridSteps (100,000) or MaxGridWork (4·10⁸ cells), more than
	// MaxAdstockPeriods (10,000) periods, a JSON amount longer than
	// MaxAmountText (1200 bytes), a float64 result that overflows.
	ErrTooLarge = errs.ErrTooLarge
	// ErrSyntax reports text that is not a decimal or a JSON document this
	// package reads.
	ErrSyntax = errs.ErrSyntax
	// ErrDuplicate reports a second line item with a name already in the
	// plan.
	ErrDuplicate = errs.ErrDuplicate

	// ErrMinorUnit reports an amount that is not a whole number of minor
	// units (10^-places), such as 1.005 in a currency with 2 decimals.
	ErrMinorUnit = errors.New("not a whole number of minor units")

	// ErrCurrencyMismatch reports an operation on amounts in two different
	// currencies. The concrete error is a *MismatchError. It is the
	// module's one currency-mismatch error: roi reports it too.
	ErrCurrencyMismatch = errors.New("currency mismatch")

	// ErrNotFound reports a line item name that is not in the plan.
	ErrNotFound = errors.New("no such line item")

	// ErrInfeasible reports spend bounds that cannot meet the total: the
	// minimums sum to more than the total, or the maximums to less.
	ErrInfeasible = errors.New("infeasible bounds")
)

// MismatchError is returned when two amounts in different currencies meet in
// one operation. It wraps ErrCurrencyMismatch and reads like every error of
// the module, "pkg: Func: field: currency mismatch (EUR and USD)":
//
//	budget: Money.Add: currency mismatch (EUR and USD)
//
// Other packages return it for their own mismatches, naming their function
// (Func "roi.Report", Field "Plan").
type MismatchError struct {
	Func        string   // "pkg.Func" of the function the caller called, e.g. "budget.Money.Add"
	Field       string   // the argument or field holding Right; may be ""
	Left, Right Currency // the expected currency and the one that differs
}

func (e *MismatchError) Error() string {
	ee := errs.Error{Func: e.Func, Field: e.Field, What: "currency mismatch",
		Value: e.Left.String() + " and " + e.Right.String(), Err: ErrCurrencyMismatch}
	return ee.Error()
}

// Unwrap returns ErrCurrencyMismatch.
func (e *MismatchError) Unwrap() error { return ErrCurrencyMismatch }

// nameField is the field path name.f of an error about a named thing (a
// line item, a channel): "Reels.Planned". A name longer than
// errs.MaxValueLen is shortened as values are (errs.Quote); an empty name
// gives f alone.
func nameField(name, f string) string {
	if name == "" {
		return f
	}
	return shortName(name) + "." + f
}

// shortName is name in an error's field path, shortened (errs.Quote) when
// it is longer than errs.MaxValueLen.
func shortName(name string) string {
	if len(name) > errs.MaxValueLen {
		return errs.Quote(name)
	}
	return name
}
