// Package limit is the one guard every exported function puts at its door
// before it does work that grows with a decimal's size: a decimal c·10^e is
// refused when |e| exceeds MaxExponent or c has more than MaxDigits digits.
// The check costs a copy of the coefficient at most (linear, never the
// quadratic or exponential work that a 10^(2^31) value would start), and its
// error is small (errs.Format summarises the value).
package limit

import (
	"math/big"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/shopspring/decimal"
)

// MaxExponent bounds the exponent e of a decimal c·10^e that any exported
// function accepts: |e| ≤ 1000. budget.MaxExponent re-exports it.
const MaxExponent = 1000

// MaxDigits bounds the digits of a decimal's coefficient c: at most 1000,
// far beyond any amount, rate or weight, and small enough that arithmetic on
// it stays in microseconds.
const MaxDigits = 1000

// tooMany is 10^MaxDigits, the smallest coefficient with too many digits,
// and maxBits its bit length (3322); a coefficient of fewer bits is fine, one
// of more is refused, and one of exactly maxBits is compared with tooMany.
var (
	tooMany = new(big.Int).Exp(big.NewInt(10), big.NewInt(MaxDigits), nil)
	maxBits = tooMany.BitLen()
)

// Decimal returns nil when d is within MaxExponent and MaxDigits, and
// otherwise an error wrapping errs.ErrTooLarge naming fn ("pkg.Func") and
// field. A zero with an exponent beyond the limit is refused too: decimal
// arithmetic rescales the other operand to it (0e-3000000 + 1 builds a
// 3,000,000-digit coefficient).
func Decimal(fn, field string, d decimal.Decimal) error {
	if e := d.Exponent(); e < -MaxExponent || e > MaxExponent {
		return errs.New(errs.ErrTooLarge, fn, field, "exponent beyond ±1000", d)
	}
	if c := d.Coefficient(); c.BitLen() > maxBits || (c.BitLen() == maxBits && c.CmpAbs(tooMany) >= 0) {
		return errs.New(errs.ErrTooLarge, fn, field, "more than 1000 digits", d)
	}
	return nil
}

// Decimals checks each of ds with Decimal; field is formatted as
// field[i].
func Decimals(fn, field string, ds []decimal.Decimal) error {
	for i, d := range ds {
		if err := Decimal(fn, errs.Index(field, i), d); err != nil {
			return err
		}
	}
	return nil
}
