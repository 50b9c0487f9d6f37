// Package exact holds the small arithmetic helpers that every influencekit
// package shares: overflow-checked int64 sums and products, and the one
// place where a ratio becomes a decimal.Decimal at the library's documented
// precision.
//
// Nothing here touches the decimal package's globals.
package exact

import (
	"math"
	"math/bits"

	"github.com/shopspring/decimal"
)

// Precision is the number of decimal places at which every rate, ratio and
// score that influencekit reports is computed: results are rounded once, half
// away from zero, to a multiple of 10^-Precision. Display code rounds further.
const Precision int32 = 16

// Add returns a+b and whether the sum fits in an int64.
func Add(a, b int64) (int64, bool) {
	s := a + b
	// Overflow happened when both operands have the sign opposite to s.
	if (a >= 0) == (b >= 0) && (s >= 0) != (a >= 0) {
		return 0, false
	}
	return s, true
}

// Mul returns a*b and whether the product fits in an int64.
func Mul(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	neg := (a < 0) != (b < 0)
	ua, ub := abs(a), abs(b)
	hi, lo := bits.Mul64(ua, ub)
	if hi != 0 {
		return 0, false
	}
	if neg {
		if lo > 1<<63 {
			return 0, false
		}
		return int64(-lo), true //nolint:gosec // lo <= 2^63 checked above
	}
	if lo > math.MaxInt64 {
		return 0, false
	}
	return int64(lo), true
}

func abs(a int64) uint64 {
	if a < 0 {
		return uint64(-(a + 1)) + 1
	}
	return uint64(a)
}

// Ratio returns num/den as a decimal rounded half away from zero to Precision
// places. The caller must ensure den != 0.
func Ratio(num, den int64) decimal.Decimal {
	return decimal.NewFromInt(num).DivRound(decimal.NewFromInt(den), Precision)
}

// Div returns a/b rounded half away from zero to Precision places. The caller
// must ensure !b.IsZero().
func Div(a, b decimal.Decimal) decimal.Decimal {
	return a.DivRound(b, Precision)
}

// Sum128 accumulates int64 values exactly in 128 bits, so that a sum of up to
// 2^63 int64 values never overflows. Use Int64 to get the result back.
type Sum128 struct {
	hi int64
	lo uint64
}

// Add adds v to the sum.
func (s *Sum128) Add(v int64) {
	var carry uint64
	s.lo, carry = bits.Add64(s.lo, uint64(v), 0) //nolint:gosec // two's complement on purpose
	s.hi += int64(carry)                         //nolint:gosec // carry is 0 or 1
	if v < 0 {
		s.hi--
	}
}

// Int64 returns the sum and whether it fits in an int64.
func (s Sum128) Int64() (int64, bool) {
	v := int64(s.lo) //nolint:gosec // two's complement on purpose
	if (s.hi == 0 && v >= 0) || (s.hi == -1 && v < 0) {
		return v, true
	}
	return 0, false
}

// Decimal returns the sum as an exact decimal, whatever its size.
func (s Sum128) Decimal() decimal.Decimal {
	if v, ok := s.Int64(); ok {
		return decimal.NewFromInt(v)
	}
	return decimal.NewFromInt(s.hi).Mul(two64).Add(decimal.NewFromUint64(s.lo))
}

var two64 = decimal.NewFromUint64(math.MaxUint64).Add(decimal.NewFromInt(1))
