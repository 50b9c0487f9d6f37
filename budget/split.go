package budget

import (
	"math"
	"math/big"
	"math/bits"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"
)

// MaxPlaces bounds the places argument of the Split family: places must lie
// in [-MaxPlaces, MaxPlaces]. Negative places split into multiples of 10, 100, …
const MaxPlaces = 30

// Split divides total into parts proportional to weights, each a multiple of
// 10^-places, summing exactly to total.
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
// Errors (wrapping the sentinels): ErrWeights when weights is empty, a weight
// is negative, or all weights are zero, or a weight's exponent is beyond
// ±MaxExponent; ErrMinorUnit when total is not a multiple of 10^-places
// (1.005 at 2 places: round it yourself first, Split never rounds money
// silently); ErrInvalid when places is outside [-MaxPlaces, MaxPlaces] or
// total's exponent beyond ±MaxExponent.
//
// Parts of equal small value may share one Decimal (decimals are immutable,
// so this is invisible except in allocation counts).
//
// Example: 100.00 over weights 1:1:1 at 2 places is 10000 units; each quota is
// 3333⅓ units, floors 3333 each, one unit left, all remainders equal, so it
// goes to the first part: 33.34, 33.33, 33.33.
func Split(total decimal.Decimal, weights []decimal.Decimal, places int32) ([]decimal.Decimal, error) {
	const fn = "Split"
	units, err := toUnits(fn, "total", total, places)
	if err != nil {
		return nil, err
	}
	if len(weights) == 0 {
		return nil, errf(ErrWeights, fn, "weights", "empty")
	}
	neg := units.Sign() < 0
	if units.IsUint64() || (neg && new(big.Int).Neg(units).IsUint64()) {
		t := absUint64(units)
		if t <= math.MaxInt64 {
			ws, w, ok, err := scaleWeights64(fn, weights)
			if err != nil {
				return nil, err
			}
			if ok {
				return split64(t, ws, w, neg, places), nil
			}
		}
	}
	bw, err := scaleWeightsBig(fn, weights)
	if err != nil {
		return nil, err
	}
	return splitBig(units, bw, places), nil
}

// SplitEven divides total into n parts that differ by at most one minor unit,
// summing exactly to total, the larger parts first. It is Split with n equal
// weights, computed without any per-part division.
//
// Example: 100.00 into 3 at 2 places: 10000 units = 3·3333 + 1, so the first
// part gets the extra unit: 33.34, 33.33, 33.33. −0.05 into 2: −0.03, −0.02.
//
// Errors: ErrInvalid when n is outside [1, 2³¹−1] (beyond, the result alone
// would take 48 GiB, and a slice that cannot be made would panic) or places
// is out of range; ErrMinorUnit when total is not a multiple of 10^-places.
//
// The returned parts share their two distinct values; decimals are immutable,
// so that is safe.
func SplitEven(total decimal.Decimal, n int, places int32) ([]decimal.Decimal, error) {
	const fn = "SplitEven"
	units, err := toUnits(fn, "total", total, places)
	if err != nil {
		return nil, err
	}
	if n < 1 || n > maxEvenParts {
		return nil, errf(ErrInvalid, fn, "n", "outside [1, %d] (%d)", maxEvenParts, n)
	}
	neg := units.Sign() < 0
	abs := new(big.Int).Abs(units)
	q, r := new(big.Int).QuoRem(abs, big.NewInt(int64(n)), new(big.Int))
	k := int(r.Int64()) // r < n, fits
	small := q
	big1 := new(big.Int).Add(q, big.NewInt(1))
	if neg {
		small.Neg(small)
		big1.Neg(big1)
	}
	ds := decimal.NewFromBigInt(small, -places)
	dl := decimal.NewFromBigInt(big1, -places)
	out := make([]decimal.Decimal, n)
	for i := range out {
		if i < k {
			out[i] = dl
		} else {
			out[i] = ds
		}
	}
	return out, nil
}

// SplitRoundRobin divides total by weights the way the common money
// libraries' Allocate does (github.com/Rhymond/go-money, Money.Allocate):
// each part first gets T·wᵢ/W minor units truncated toward zero, then the
// units left over are handed out one by one from the first part onwards,
// whatever its weight or remainder (so a zero weight can receive a unit when
// it comes first). Parts sum exactly to total; unlike go-money, the
// arithmetic never overflows.
//
// Example: 100.00 by 1:2:0 at 2 places: 10000 units give 3333, 6666, 0 and
// one unit left, which goes to the first part: 33.34, 66.66, 0.00. Split
// would instead give it to the largest remainder (6666⅔): 33.33, 66.67, 0.00.
//
// Errors as for Split.
func SplitRoundRobin(total decimal.Decimal, weights []decimal.Decimal, places int32) ([]decimal.Decimal, error) {
	const fn = "SplitRoundRobin"
	units, err := toUnits(fn, "total", total, places)
	if err != nil {
		return nil, err
	}
	if len(weights) == 0 {
		return nil, errf(ErrWeights, fn, "weights", "empty")
	}
	bw, err := scaleWeightsBig(fn, weights)
	if err != nil {
		return nil, err
	}
	neg := units.Sign() < 0
	t := new(big.Int).Abs(units)
	qs := make([]*big.Int, len(bw.w))
	left := new(big.Int).Set(t)
	for i, w := range bw.w {
		q := new(big.Int).Mul(t, w)
		q.Quo(q, bw.sum)
		qs[i] = q
		left.Sub(left, q)
	}
	k := int(left.Int64()) // < len(weights)
	for i := 0; i < k; i++ {
		qs[i].Add(qs[i], big.NewInt(1))
	}
	out := make([]decimal.Decimal, len(qs))
	for i, q := range qs {
		if neg {
			q.Neg(q)
		}
		out[i] = decimal.NewFromBigInt(q, -places)
	}
	return out, nil
}

// maxEvenParts bounds SplitEven's n.
const maxEvenParts = math.MaxInt32

// MaxExponent bounds the decimal exponent of amounts and weights: a value
// d = c·10^e with |e| > MaxExponent is refused (ErrInvalid), so that no input
// makes the package build a power of ten with billions of digits.
const MaxExponent = 1000

// whole reports whether d is a whole number of 10^-places units.
func whole(d decimal.Decimal, places int32) bool {
	if e := d.Exponent(); e < -MaxExponent || e > MaxExponent {
		return false
	}
	return d.Shift(places).IsInteger()
}

func checkExponent(fn, field string, d decimal.Decimal) error {
	if e := d.Exponent(); e < -MaxExponent || e > MaxExponent {
		return errf(ErrInvalid, fn, field, "exponent outside [-%d, %d] (%d)", MaxExponent, MaxExponent, e)
	}
	return nil
}

// toUnits returns d·10^places, which must be an integer.
func toUnits(fn, field string, d decimal.Decimal, places int32) (*big.Int, error) {
	if places < -MaxPlaces || places > MaxPlaces {
		return nil, errf(ErrInvalid, fn, "places", "outside [-%d, %d] (%d)", MaxPlaces, MaxPlaces, places)
	}
	if err := checkExponent(fn, field, d); err != nil {
		return nil, err
	}
	s := d.Shift(places)
	if !s.IsInteger() {
		return nil, errf(ErrMinorUnit, fn, field, "not a multiple of 1e%d (%s)", -places, d)
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

// checkWeight validates weights[i].
func checkWeight(fn string, i int, w decimal.Decimal) error {
	if w.Sign() < 0 || !weightExponentOK(w) {
		return weightError(fn, "weights["+strconv.Itoa(i)+"]", w)
	}
	return nil
}

func weightExponentOK(w decimal.Decimal) bool {
	e := w.Exponent()
	return w.Sign() == 0 || (e >= -MaxExponent && e <= MaxExponent)
}

// weightError returns the ErrWeights error of a weight that is negative or
// whose exponent is out of range, or nil.
func weightError(fn, field string, w decimal.Decimal) error {
	if w.Sign() < 0 {
		return errf(ErrWeights, fn, field, "negative (%s)", w)
	}
	if !weightExponentOK(w) {
		return errf(ErrWeights, fn, field, "exponent outside [-%d, %d] (%d)", MaxExponent, MaxExponent, w.Exponent())
	}
	return nil
}

// scaleWeights64 brings the weights to a common exponent as uint64
// coefficients. ok is false when a coefficient or the sum does not fit.
func scaleWeights64(fn string, weights []decimal.Decimal) (ws []uint64, sum uint64, ok bool, err error) {
	ws = make([]uint64, len(weights))
	minExp := int32(math.MaxInt32)
	sameExp := true
	first := true
	for i, w := range weights {
		if w.NumDigits() > 18 {
			return nil, 0, false, nil // too wide: the big path validates the rest
		}
		c := w.CoefficientInt64() // exact: at most 18 digits
		if c < 0 {
			return nil, 0, false, checkWeight(fn, i, w)
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
		return nil, 0, false, errf(ErrWeights, fn, "weights", "all zero")
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

// split64 is the fast path: t < 2^63, Σws = w < 2^64, w > 0.
func split64(t uint64, ws []uint64, w uint64, neg bool, places int32) []decimal.Decimal {
	n := len(ws)
	qs := make([]uint64, n)
	var given uint64
	// When t < 2^53 the float quotient t·(c/w) is within a unit or two of
	// the exact ⌊t·c/w⌋, and comparing 128-bit products corrects it: cheaper
	// than a 128/64-bit division. Otherwise divide. The remainder
	// rᵢ = t·cᵢ − qᵢ·w < w replaces cᵢ in ws (zero for a zero weight).
	est := t < 1<<53
	tf, wf := float64(t), float64(w)
	// Histogram of the remainders by their top bits, for remainderThreshold.
	nb := min(16, max(4, bits.Len(uint(n))))
	shift := max(0, bits.Len64(w-1)-nb)
	hist := make([]int, 1<<nb)
	for i, c := range ws {
		if c == 0 {
			continue
		}
		phi, plo := bits.Mul64(t, c)
		var q, r uint64
		if est {
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
					r = rlo
					break
				}
				q++
			}
		} else {
			// phi < w because t·c ≤ t·w, so the quotient fits in 64 bits.
			q, r = bits.Div64(phi, plo, w)
		}
		qs[i], ws[i] = q, r
		given += q
		hist[r>>shift]++
	}
	rs := ws
	k := int(t - given) // < number of nonzero remainders ≤ n
	thr, eq := uint64(math.MaxUint64), 0
	if k > 0 {
		thr, eq = remainderThreshold(rs, hist, shift, k)
	}
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
func scaleWeightsBig(fn string, weights []decimal.Decimal) (bigWeights, error) {
	minExp := int32(math.MaxInt32)
	found := false
	for i, w := range weights {
		if err := checkWeight(fn, i, w); err != nil {
			return bigWeights{}, err
		}
		if w.Sign() > 0 {
			found = true
			minExp = min(minExp, w.Exponent())
		}
	}
	if !found {
		return bigWeights{}, errf(ErrWeights, fn, "weights", "all zero")
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
