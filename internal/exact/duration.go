package exact

import (
	"math"
	"math/bits"
	"time"

	"github.com/shopspring/decimal"
)

// Duration returns d / unit (for example a duration in days with unit 24 h)
// rounded half away from zero to Precision places: the same value as
// Div(d, unit), computed in 128-bit integers when the quotient allows (up
// to about 900 units), so that the common case allocates one decimal. The
// caller must ensure unit > 0.
func Duration(d, unit time.Duration) decimal.Decimal {
	ud, uu := abs(int64(d)), uint64(unit) //nolint:gosec // unit > 0 by contract
	hi, lo := bits.Mul64(ud, pow16)
	if hi < uu {
		q, r := bits.Div64(hi, lo, uu)
		if r >= uu-r { // 2r ≥ unit: round half away from zero
			q++
		}
		if q <= math.MaxInt64 {
			v := int64(q) //nolint:gosec // checked above
			if d < 0 {
				v = -v
			}
			return decimal.New(v, -Precision)
		}
	}
	return Div(decimal.NewFromInt(int64(d)), decimal.NewFromInt(int64(unit)))
}

const pow16 = 10_000_000_000_000_000 // 10^Precision
