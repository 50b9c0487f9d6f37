package budget

import (
	"math"
	"math/big"
	"math/bits"
	"slices"
	"strconv"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// MaxPlaces bounds the places argument of the Split family: places must lie
// in [-MaxPlaces, MaxPlaces]. Negative places split into multiples of 10, 100, …
const MaxPlaces = 30

// Split divides total into parts proportional to weights, each a multiple of
// 10^-places, summing exactly to total. It is the package's one way to split
// money: SplitEven and Money.Split are shorthands for it.
//
// Method (largest remainder, also called Hamilton's method): with T the total
// in minor units (T = total·10^places) and W = Σ wᵢ, each part first gets
// ⌊T·wᵢ/W⌋ units; the k = T − Σ⌊T·wᵢ/W⌋ units left over (k < len(weights))
// go one each to the parts with the largest remainders T·wᵢ mod W, ties going
// to the lower index. Every part is therefore within one minor unit of its
// exact quota T·wᵢ/W (below it by less than one unit, or above it by less
// than one unit), and a zero weight always gets exactly zero.
//
// Sign: a negative total is split as its absolute value and every part
// negated, so Split(−x, w, p) = −Split(x, w, p) part by part. Parts have the
// total's sign or are zero.
//
// Exactness: the arithmetic is exact for totals and weights of any size.
// Weights of any scale are brought to a common exponent; when the total and
// the weights fit in 64 bits, each quota is one 64×64→128-bit product and
// one 128/64-bit division (below 2^53 units, a float64 estimate of the
// quotient corrected by exact 128-bit comparisons, which is cheaper and gives
// the same integer); otherwise math/big is used. The k largest remainders are
// selected in linear expected time without sorting.
//
// Errors (wrapping the sentinels): ErrEmpty when weights is empty;
// ErrNegative when a weight is negative; ErrNonPositive when all weights are
// zero (their sum, the divisor, is zero); ErrMinorUnit when total is not a
// multiple of 10^-places (1.005 at 2 places: round it yourself first, Split
// never rounds money silently); ErrTooLarge when places is outside
// [-MaxPlaces, MaxPlaces] or the exponent of total or a weight beyond
// ±MaxExponent.
//
// Parts of equal small value may share one Decimal (decimals are immutable,
// so this is invisible except in allocation counts).
//
// Example: 100.00 over weights 1:1:1 at 2 places is 10000 units; each quota is
// 3333⅓ units, floors 3333 each, one unit left, all remainders equal, so it
// goes to the first part: 33.34, 33.33, 33.33.
func Split(total decimal.Decimal, weights []decimal.Decimal, places int32) ([]decimal.Decimal, error) {
	return split("budget.Split", "weights", total, weights, places)
}

// split is Split reporting its errors as fn, with the weights named field
// ("weights", "shares").
func split(fn, field string, total decimal.Decimal, weights []decimal.Decimal, places int32) ([]decimal.Decimal, error) {
	units, err := toUnits(fn, "total", total, places)
	if err != nil {
		return nil, err
	}
	if len(weights) == 0 {
		return nil, errs.New(ErrEmpty, fn, field, "no weights", errs.None)
	}
	neg := units.Sign() < 0
	if units.IsUint64() || (neg && new(big.Int).Neg(units).IsUint64()) {
		t := absUint64(units)
		if t <= math.MaxInt64 {
			ws, w, ok, err := scaleWeights64(fn, field, weights)
			if err != nil {
				return nil, err
			}
			if ok {
				return split64(t, ws, w, neg, places), nil
			}
		}
	}
	bw, err := scaleWeightsBig(fn, field, weights)
	if err != nil {
		return nil, err
	}
	return splitBig(units, bw, places), nil
}

// SplitEven divides total into n parts that differ by at most one minor unit,
// summing exactly to total, the larger parts first. SplitEven(total, n,
// places) is shorthand for Split(total, n equal weights, places), computed
// directly: one division, and the n parts share two Decimal values, so the
// result takes 16 bytes per part and no weights are built.
//
// Example: 100.00 into 3 at 2 places: 10000 units = 3·3333 + 1, so the first
// part gets the extra unit: 33.34, 33.33, 33.33. −0.05 into 2: −0.03, −0.02.
//
// Errors: ErrNonPositive when n < 1; ErrTooLarge when n > MaxParts
// (1,000,000), places is out of range, or total is beyond the module's
// decimal limits (MaxExponent, MaxDigits); ErrMinorUnit when total is not a
// multiple of 10^-places.
func SplitEven(total decimal.Decimal, n int, places int32) ([]decimal.Decimal, error) {
	const fn = "budget.SplitEven"
	if n < 1 {
		return nil, errs.New(ErrNonPositive, fn, "n", "", n)
	}
	if n > MaxParts {
		return nil, errs.New(ErrTooLarge, fn, "n", "above MaxParts (1000000)", n)
	}
	units, err := toUnits(fn, "total", total, places)
	if err != nil {
		return nil, err
	}
	neg := units.Sign() < 0
	q, r := new(big.Int).QuoRem(units.Abs(units), big.NewInt(int64(n)), new(big.Int))
	if neg {
		q.Neg(q)
	}
	small := decimal.NewFromBigInt(q, -places)
	big1 := small
	if k := int(r.Int64()); k > 0 { // k < n: the first k parts get one unit more
		one := big.NewInt(1)
		if neg {
			one.Neg(one)
		}
		big1 = decimal.NewFromBigInt(q.Add(q, one), -places)
		out := make([]decimal.Decimal, n)
		for i := range out {
			out[i] = small
			if i < k {
				out[i] = big1
			}
		}
		return out, nil
	}
	out := make([]decimal.Decimal, n)
	for i := range out {
		out[i] = small
	}
	return out, nil
}

// MaxParts bounds SplitEven's n: at most 1,000,000 parts (a 16 MB result),
// far more than any budget has lines, so that a count cannot make the
// package allocate gigabytes (n = 10⁹ would take 16 GB).
const MaxParts = 1_000_000

// MaxExponent bounds the decimal exponent of every decimal the package
// accepts: a value d = c·10^e with |e| > MaxExponent (1000) is refused
// (ErrTooLarge), so that no input makes the package build a power of ten
// with billions of digits. It is the module's one limit (internal/limit).
const MaxExponent = limit.MaxExponent

// MaxDigits bounds the digits of a decimal's coefficient: at most 1000
// (ErrTooLarge beyond), the module's one limit (internal/limit).
const MaxDigits = limit.MaxDigits

// whole reports whether d is a whole number of 10^-places units; a value
// beyond the module's limits is not (callers check limit.Decimal first and
// report ErrTooLarge; this only keeps IsInteger's loop bounded).
func whole(d decimal.Decimal, places int32) bool {
	if limit.Decimal("", "", d) != nil {
		return false
	}
	return d.Shift(places).IsInteger()
}

// toUnits returns d·10^places, which must be an integer.
func toUnits(fn, field string, d decimal.Decimal, places int32) (*big.Int, error) {
	if places < -MaxPlaces || places > MaxPlaces {
		return nil, errs.New(ErrTooLarge, fn, "places", "outside [-30, 30]", int64(places))
	}
	if err := limit.Decimal(fn, field, d); err != nil {
		return nil, err
	}
	s := d.Shift(places)
	if !s.IsInteger() {
		return nil, errs.New(ErrMinorUnit, fn, field, "not a multiple of 1e"+strconv.Itoa(int(-places)), d)
	}
	return s.BigInt(), nil
}

func absUint64(x *big.Int) uint64 {
	if x.Sign() >= 0 {
		return x.Uint64()
	}
	return new(big.Int).Neg(x).Uint64()
}

var pow10u64 = [...]uint64{
	1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
}

// checkWeight validates weights[i], named field[i].
func checkWeight(fn, field string, i int, w decimal.Decimal) error {
	return weightError(fn, field+"["+strconv.Itoa(i)+"]", w)
}

// weightError returns the error of a weight that is negative (ErrNegative)
// or beyond the module's limits (ErrTooLarge), or nil.
func weightError(fn, field string, w decimal.Decimal) error {
	if err := limit.Decimal(fn, field, w); err != nil {
		return err
	}
	if w.Sign() < 0 {
		return errs.New(ErrNegative, fn, field, "", w)
	}
	return nil
}

// allZero is the error of weights that are all zero: their sum, the
// divisor, is zero.
func allZero(fn, field string) error {
	return errs.New(ErrNonPositive, fn, field, "all zero, nothing to split by", errs.None)
}

// scaleWeights64 brings the weights to a common exponent as uint64
// coefficients. ok is false when a coefficient or the sum does not fit.
func scaleWeights64(fn, field string, weights []decimal.Decimal) (ws []uint64, sum uint64, ok bool, err error) {
	ws = make([]uint64, len(weights))
	minExp := int32(math.MaxInt32)
	sameExp := true
	first := true
	var b18 bounds18
	for i, w := range weights {
		if !b18.fits(w) {
			return nil, 0, false, nil // too wide: the big path validates the rest
		}
		c := w.CoefficientInt64() // exact: at most 18 digits
		if c < 0 {
			return nil, 0, false, checkWeight(fn, field, i, w)
		}
		if c == 0 {
			continue
		}
		e := w.Exponent()
		if e < -MaxExponent || e > MaxExponent {
			return nil, 0, false, nil // the big path reports it
		}
		if first {
			minExp, first = e, false
		} else if e != minExp {
			sameExp = false
			minExp = min(minExp, e)
		}
		ws[i] = uint64(c)
	}
	if first {
		return nil, 0, false, allZero(fn, field)
	}
	var carry uint64
	if sameExp {
		for _, c := range ws {
			sum, carry = bits.Add64(sum, c, 0)
			if carry != 0 {
				return nil, 0, false, nil
			}
		}
		return ws, sum, true, nil
	}
	for i, w := range weights {
		if ws[i] == 0 {
			continue
		}
		d := int64(w.Exponent()) - int64(minExp)
		if d >= int64(len(pow10u64)) {
			return nil, 0, false, nil
		}
		hi, lo := bits.Mul64(ws[i], pow10u64[d])
		if hi != 0 {
			return nil, 0, false, nil
		}
		ws[i] = lo
		sum, carry = bits.Add64(sum, lo, 0)
		if carry != 0 {
			return nil, 0, false, nil
		}
	}
	return ws, sum, true, nil
}

// bounds18 tells whether a weight's coefficient has at most 18 digits
// without NumDigits (which computes 10^digits: 40 ms for a 10⁶-digit weight)
// and without copying the coefficient: the weight is compared with
// ±(10^18 − 1) at its own exponent, which decimal does without rescaling.
// It keeps the bounds of the last exponent seen.
type bounds18 struct {
	exp    int32
	lo, hi decimal.Decimal
	ok     bool
}

func (b *bounds18) fits(w decimal.Decimal) bool {
	if e := w.Exponent(); !b.ok || b.exp != e {
		b.exp, b.ok = e, true
		b.hi = decimal.New(999_999_999_999_999_999, e)
		b.lo = b.hi.Neg()
	}
	return w.Cmp(b.hi) <= 0 && w.Cmp(b.lo) >= 0
}

// split64 is the fast path: t < 2^63, Σws = w < 2^64, w > 0. It overwrites
// ws with the remainders.
func split64(t uint64, ws []uint64, w uint64, neg bool, places int32) []decimal.Decimal {
	qs, given, hist, shift := quotas64(t, ws, w)
	rs := ws
	k := int(t - given) // < number of nonzero remainders ≤ n
	thr, eq := uint64(math.MaxUint64), 0
	if k > 0 {
		thr, eq = remainderThreshold(rs, hist, shift, k)
	}
	return parts64(qs, rs, k, thr, eq, neg, places)
}

// quotas64 sets qs[i] = ⌊t·cᵢ/w⌋ and replaces cᵢ in ws by the remainder
// rᵢ = t·cᵢ − qᵢ·w < w (zero for a zero weight). It returns the quotas, their
// sum, and a histogram of the remainders by their top bits (r >> shift), for
// remainderThreshold.
func quotas64(t uint64, ws []uint64, w uint64) (qs []uint64, given uint64, hist []int, shift int) {
	n := len(ws)
	qs = make([]uint64, n)
	// When t < 2^53 the float quotient t·(c/w) is within a unit or two of
	// the exact ⌊t·c/w⌋, and comparing 128-bit products corrects it: cheaper
	// than a 128/64-bit division. Otherwise divide.
	est := t < 1<<53
	tf, wf := float64(t), float64(w)
	nb := min(16, max(4, bits.Len(uint(n))))
	shift = max(0, bits.Len64(w-1)-nb)
	hist = make([]int, 1<<nb)
	for i, c := range ws {
		if c == 0 {
			continue
		}
		var q, r uint64
		if est {
			q, r = quotaEstimated(t, c, w, tf, wf)
		} else {
			// t·c ≤ t·w, so the high word is below w and the quotient fits in 64 bits.
			phi, plo := bits.Mul64(t, c)
			q, r = bits.Div64(phi, plo, w)
		}
		qs[i], ws[i] = q, r
		given += q
		hist[r>>shift]++
	}
	return qs, given, hist, shift
}

// quotaEstimated returns ⌊t·c/w⌋ and t·c mod w for t < 2^53: the float64
// estimate t·(c/w), corrected by exact 128-bit comparisons.
func quotaEstimated(t, c, w uint64, tf, wf float64) (q, r uint64) {
	phi, plo := bits.Mul64(t, c)
	q = uint64(tf * (float64(c) / wf))
	for q > 0 {
		if qhi, qlo := bits.Mul64(q, w); qhi < phi || (qhi == phi && qlo <= plo) {
			break // q·w ≤ t·c
		}
		q--
	}
	for {
		// r = t·c − q·w ≥ w ⇒ q too small
		qhi, qlo := bits.Mul64(q, w)
		rlo, borrow := bits.Sub64(plo, qlo, 0)
		rhi, _ := bits.Sub64(phi, qhi, borrow)
		if rhi == 0 && rlo < w {
			return q, rlo
		}
		q++
	}
}

// parts64 builds the parts: quota qs[i], plus one unit for the k largest
// remainders (those above thr, and the first eq of those equal to it, in
// index order), negated when neg, at places.
func parts64(qs, rs []uint64, k int, thr uint64, eq int, neg bool, places int32) []decimal.Decimal {
	n := len(qs)
	out := make([]decimal.Decimal, n)
	// Parts of a large split repeat the same small values (10⁶ parts of
	// 1,000,000.00 average 100 minor units), so parts below cacheMax share one
	// Decimal per value: decimals are immutable, and this saves the two
	// allocations decimal.New makes for every value.
	var cache []decimal.Decimal
	var have []bool
	if n >= 256 {
		cache = make([]decimal.Decimal, min(cacheMax, n/4))
		have = make([]bool, len(cache))
	}
	for i, q := range qs {
		if k > 0 {
			// the k largest remainders, ties to the lower index, get one unit
			// (thr > 0, so a zero weight never does)
			if r := rs[i]; r > thr || (r == thr && eq > 0) {
				if r == thr {
					eq--
				}
				q++
			}
		}
		if q < uint64(len(cache)) && have[q] {
			out[i] = cache[q]
			continue
		}
		v := int64(q) //nolint:gosec // q ≤ t < 2^63
		if neg {
			v = -v
		}
		d := decimal.New(v, -places)
		if q < uint64(len(cache)) {
			cache[q], have[q] = d, true
		}
		out[i] = d
	}
	return out
}

// remainderThreshold returns the k-th largest remainder thr (> 0) and how
// many of the parts whose remainder equals thr get a unit (the first eq of
// them in index order). hist counts the nonzero weights' remainders by
// r >> shift; the bucket holding the k-th largest is found from it and the
// selection runs within that bucket only: one more pass, no copy of the
// remainders.
func remainderThreshold(rs []uint64, hist []int, shift int, k int) (thr uint64, eq int) {
	above, b := 0, len(hist)-1
	for ; b > 0 && above+hist[b] < k; b-- {
		above += hist[b]
	}
	cand := make([]uint64, 0, hist[b])
	for _, r := range rs {
		if r>>shift == uint64(b) {
			cand = append(cand, r)
		}
	}
	rank := k - above            // 1 ≤ rank ≤ len(cand)
	thr = kthLargest(cand, rank) // reorders cand, which only the count below reads
	gt := 0
	for _, r := range cand {
		if r > thr {
			gt++
		}
	}
	return thr, rank - gt
}

// cacheMax bounds the values split64 shares between parts.
const cacheMax = 4096

// markLargest calls mark(i) for the k indices with the largest rs[i], ties
// going to the lower index, in index order. 0 < k ≤ number of nonzero rs.
// Expected time O(len(rs)) by quickselect on a copy.
func markLargest(rs []uint64, k int, mark func(int)) {
	tmp := slices.Clone(rs)
	t := kthLargest(tmp, k)
	above := 0
	for _, r := range rs {
		if r > t {
			above++
		}
	}
	eq := k - above
	for i, r := range rs {
		if r > t {
			mark(i)
		} else if r == t && eq > 0 {
			mark(i)
			eq--
		}
	}
}

// kthLargest returns the k-th largest value of a (1-based), reordering a.
// Three-way quickselect with a median-of-three pivot; after a depth limit it
// sorts what is left, so the worst case is O(n log n).
func kthLargest(a []uint64, k int) uint64 {
	lo, hi := 0, len(a) // search a[lo:hi] for the element of rank k (1 = largest) counted from lo
	depth := 2 * bits.Len(uint(len(a)))
	for hi-lo > 16 {
		if depth == 0 {
			s := a[lo:hi]
			slices.Sort(s)
			return s[len(s)-k]
		}
		depth--
		m := lo + (hi-lo)/2
		p := median3(a[lo], a[m], a[hi-1])
		// partition a[lo:hi] into > p, == p, < p
		gt, i, lt := lo, lo, hi
		for i < lt {
			switch v := a[i]; {
			case v > p:
				a[gt], a[i] = a[i], a[gt]
				gt++
				i++
			case v < p:
				lt--
				a[lt], a[i] = a[i], a[lt]
			default:
				i++
			}
		}
		switch ng, ne := gt-lo, lt-gt; {
		case k <= ng:
			hi = gt
		case k <= ng+ne:
			return p
		default:
			k -= ng + ne
			lo = lt
		}
	}
	s := a[lo:hi]
	slices.Sort(s)
	return s[len(s)-k]
}

func median3(a, b, c uint64) uint64 {
	if a > b {
		a, b = b, a
	}
	if b > c {
		b = c
	}
	if a > b {
		return a
	}
	return b
}

type bigWeights struct {
	w   []*big.Int
	sum *big.Int
}

// scaleWeightsBig brings the weights to a common exponent as big integers.
func scaleWeightsBig(fn, field string, weights []decimal.Decimal) (bigWeights, error) {
	minExp := int32(math.MaxInt32)
	found := false
	for i, w := range weights {
		if err := checkWeight(fn, field, i, w); err != nil {
			return bigWeights{}, err
		}
		if w.Sign() > 0 {
			found = true
			minExp = min(minExp, w.Exponent())
		}
	}
	if !found {
		return bigWeights{}, allZero(fn, field)
	}
	bw := bigWeights{w: make([]*big.Int, len(weights)), sum: new(big.Int)}
	ten := big.NewInt(10)
	for i, w := range weights {
		c := w.Coefficient()
		if c.Sign() != 0 {
			if d := int64(w.Exponent()) - int64(minExp); d > 0 {
				c.Mul(c, new(big.Int).Exp(ten, big.NewInt(d), nil))
			}
		}
		bw.w[i] = c
		bw.sum.Add(bw.sum, c)
	}
	return bw, nil
}

// splitBig is the general path with math/big.
func splitBig(units *big.Int, bw bigWeights, places int32) []decimal.Decimal {
	neg := units.Sign() < 0
	t := new(big.Int).Abs(units)
	n := len(bw.w)
	qs := make([]*big.Int, n)
	rs := make([]*big.Int, n)
	left := new(big.Int).Set(t)
	for i, w := range bw.w {
		q := new(big.Int).Mul(t, w)
		q, r := q.QuoRem(q, bw.sum, new(big.Int))
		qs[i], rs[i] = q, r
		left.Sub(left, q)
	}
	k := int(left.Int64()) // < n
	if k > 0 {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return rs[b].Cmp(rs[a]) })
		for _, i := range idx[:k] {
			qs[i].Add(qs[i], big.NewInt(1))
		}
	}
	out := make([]decimal.Decimal, n)
	for i, q := range qs {
		if neg {
			q.Neg(q)
		}
		out[i] = decimal.NewFromBigInt(q, -places)
	}
	return out
}
