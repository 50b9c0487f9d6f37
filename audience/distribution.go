package audience

import (
	"maps"
	"math"
	"math/big"
	"slices"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// Distribution maps a category ("18-24", "TR", "fitness") to a share or a raw
// count; functions normalise it by its sum. Shares in percent, in fractions
// or raw follower counts all give the same results.
//
// The category Unknown ("unknown") is special: it holds the mass whose
// category the platform did not report. It is excluded from every measure,
// which compares the known categories renormalised to sum to 1 (the
// "missing at random" reading of audience reports), and its share of the
// whole is reported by UnknownShare and in DimensionFit so a reader sees how
// much of a score rests on guesswork.
//
// Values must be >= 0 (ErrNegative) and the known categories must not all
// be zero (ErrNonPositive); category names must not be empty (ErrInvalid). A
// nil or empty Distribution is an error wrapping ErrEmpty.
//
// Limits: every value c·10^e must have |e| ≤ MaxExponent (1000) and at most
// MaxDigits (1000) digits in c; a value beyond them is an error wrapping
// ErrTooLarge, found before any arithmetic. Within them a measure's work is
// linear in the number of categories: at most about 0.1 ms per category
// when every value has 1000 digits at exponent ±1000
// (BenchmarkMeasuresAtLimits), microseconds for everyday values.
type Distribution map[string]decimal.Decimal

// MaxExponent and MaxDigits bound every decimal the package accepts (a
// Distribution's values, DimensionWeights, OnTargetInterval's z): a value
// c·10^e needs |e| ≤ MaxExponent and at most MaxDigits digits in c, or it is
// an error wrapping ErrTooLarge. They are the module's limits
// (internal/limit), the same as budget.MaxExponent.
const (
	MaxExponent = limit.MaxExponent // 1000
	MaxDigits   = limit.MaxDigits   // 1000
)

// Unknown is the category that holds unreported mass; see Distribution.
const Unknown = "unknown"

// dist is a validated distribution: known categories sorted by name, their
// raw values, and the known and unknown totals (both exact).
type dist struct {
	keys    []string
	val     map[string]decimal.Decimal
	known   decimal.Decimal
	unknown decimal.Decimal
}

func (d *dist) get(k string) decimal.Decimal {
	v, ok := d.val[k]
	if !ok {
		return decimal.Zero
	}
	return v
}

// check validates d for function fn, naming it field in errors.
func check(fn, field string, d Distribution) (*dist, error) {
	if len(d) == 0 {
		return nil, errs.New(ErrEmpty, "audience."+fn, field, "no category", errs.None)
	}
	out := &dist{val: make(map[string]decimal.Decimal, len(d)), known: decimal.Zero, unknown: decimal.Zero}
	// Visit categories in sorted order so that, of several bad entries,
	// the error always names the same one (map order is random).
	for _, k := range slices.Sorted(maps.Keys(d)) {
		v := d[k]
		if k == "" {
			return nil, errs.New(ErrInvalid, "audience."+fn, field, "empty category name", errs.None)
		}
		if err := limit.Decimal("audience."+fn, key(field, k), v); err != nil {
			return nil, err
		}
		if v.Sign() < 0 {
			return nil, errs.New(ErrNegative, "audience."+fn, key(field, k), "", v)
		}
		if k == Unknown {
			out.unknown = v
			continue
		}
		out.keys = append(out.keys, k)
		out.val[k] = v
		out.known = out.known.Add(v)
	}
	if out.known.Sign() == 0 {
		return nil, errs.New(ErrNonPositive, "audience."+fn, field, "known categories sum to 0", errs.None)
	}
	return out, nil
}

// key returns the field path of map entry k of field: target["18-24"], the
// name quoted and shortened by errs.Quote (a megabyte-long category name
// does not make a megabyte-long message).
func key(field, k string) string { return field + "[" + errs.Quote(k) + "]" }

// union returns the sorted union of the known categories of p and q.
func union(p, q *dist) []string {
	keys := append(slices.Clone(p.keys), q.keys...)
	slices.Sort(keys)
	return slices.Compact(keys)
}

// Match returns the histogram intersection of the two normalised
// distributions (known categories only, see Distribution):
//
//	Match = Σᵢ min(pᵢ, qᵢ),  pᵢ = tᵢ/Σt,  qᵢ = aᵢ/Σa
//
// 1 is a perfect fit, 0 no common mass (range [0, 1]). It is computed
// exactly as Σ min(tᵢ·Σa, aᵢ·Σt) ÷ (Σt·Σa) and rounded once, half away from
// zero, to 16 decimal places. Match = 1 − TotalVariation.
func Match(target, actual Distribution) (decimal.Decimal, error) {
	p, q, err := pair("Match", "target", "actual", target, actual)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return matchOf(p, q), nil
}

// pair validates the two distributions of fn, named f1 and f2 in errors
// (the function's parameter names).
func pair(fn, f1, f2 string, d1, d2 Distribution) (*dist, *dist, error) {
	p, err := check(fn, f1, d1)
	if err != nil {
		return nil, nil, err
	}
	q, err := check(fn, f2, d2)
	if err != nil {
		return nil, nil, err
	}
	return p, q, nil
}

func matchOf(p, q *dist) decimal.Decimal {
	num := decimal.Zero
	for _, k := range union(p, q) {
		x := p.get(k).Mul(q.known)
		y := q.get(k).Mul(p.known)
		num = num.Add(decimal.Min(x, y))
	}
	return exact.Div(num, p.known.Mul(q.known))
}

// TotalVariation returns the total variation distance of the normalised
// distributions:
//
//	TV = ½ Σᵢ |pᵢ − qᵢ|
//
// 0 for identical distributions, 1 for disjoint ones (range [0, 1]); the
// share of the audience that would have to move category to match. Exact,
// rounded once to 16 places.
func TotalVariation(p, q Distribution) (decimal.Decimal, error) {
	a, b, err := pair("TotalVariation", "p", "q", p, q)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return tvOf(a, b), nil
}

func tvOf(p, q *dist) decimal.Decimal {
	num := decimal.Zero
	for _, k := range union(p, q) {
		num = num.Add(p.get(k).Mul(q.known).Sub(q.get(k).Mul(p.known)).Abs())
	}
	return exact.Div(num, p.known.Mul(q.known).Mul(decimal.NewFromInt(2)))
}

// bigPrec is the binary precision (bits) of the square roots below: about
// 77 decimal digits, far beyond the 16 places reported.
const bigPrec = 256

// toBig converts d = c·10^e to bigPrec bits: c rounded to bigPrec bits,
// times or divided by 10^|e| (pow10). It costs a copy of c and a few
// dozen 256-bit operations, where d.Rat() reduced a fraction of
// thousands of digits by its greatest common divisor.
func toBig(d decimal.Decimal) *big.Float {
	f := newBig().SetInt(d.Coefficient())
	switch e := int64(d.Exponent()); {
	case e > 0:
		f.Mul(f, pow10(e))
	case e < 0:
		f.Quo(f, pow10(-e))
	}
	return f
}

// pow10 returns 10^n, n ≥ 0, at bigPrec+64 bits by binary powering: exact
// up to 10^96, otherwise within n·2^-(bigPrec+60) relative (the callers
// have |n| ≤ 4·MaxExponent).
func pow10(n int64) *big.Float {
	prec := uint(bigPrec + 64)
	r := new(big.Float).SetPrec(prec).SetInt64(1)
	b := new(big.Float).SetPrec(prec).SetInt64(10)
	for ; n > 0; n >>= 1 {
		if n&1 == 1 {
			r.Mul(r, b)
		}
		b.Mul(b, b)
	}
	return r
}

// fromBig rounds f half away from zero to 16 places.
func fromBig(f *big.Float) decimal.Decimal {
	d, err := decimal.NewFromString(f.Text('f', 40))
	if err != nil { // cannot happen for a finite big.Float
		return decimal.Zero
	}
	return d.Round(exact.Precision)
}

// bhattacharyya returns BC = Σ √(pᵢqᵢ) at bigPrec.
func bhattacharyya(p, q *dist) *big.Float {
	sum := new(big.Float).SetPrec(bigPrec)
	for _, k := range p.keys {
		b := q.get(k)
		if b.Sign() == 0 {
			continue
		}
		t := toBig(p.get(k).Mul(b))
		sum.Add(sum, t.Sqrt(t))
	}
	den := toBig(p.known.Mul(q.known))
	den.Sqrt(den)
	sum.Quo(sum, den)
	if sum.Cmp(big.NewFloat(1)) > 0 { // guard the last bit of rounding
		sum.SetInt64(1)
	}
	return sum
}

// Bhattacharyya returns the Bhattacharyya coefficient of the normalised
// distributions:
//
//	BC = Σᵢ √(pᵢ·qᵢ)
//
// 1 for identical distributions, 0 for disjoint ones (range [0, 1]).
// Square roots are taken at 256-bit precision; the result is rounded once,
// half away from zero, to 16 places.
func Bhattacharyya(p, q Distribution) (decimal.Decimal, error) {
	a, b, err := pair("Bhattacharyya", "p", "q", p, q)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return fromBig(bhattacharyya(a, b)), nil
}

// Hellinger returns the Hellinger distance of the normalised distributions:
//
//	H = √(1 − BC) = √(½ Σᵢ (√pᵢ − √qᵢ)²)
//
// 0 for identical distributions, 1 for disjoint ones (range [0, 1]).
// Computed at 256-bit precision, rounded once to 16 places.
func Hellinger(p, q Distribution) (decimal.Decimal, error) {
	a, b, err := pair("Hellinger", "p", "q", p, q)
	if err != nil {
		return decimal.Decimal{}, err
	}
	bc := bhattacharyya(a, b)
	h := new(big.Float).SetPrec(bigPrec).Sub(big.NewFloat(1), bc)
	if h.Sign() <= 0 {
		return decimal.Zero, nil
	}
	return fromBig(h.Sqrt(h)), nil
}

// lnBits is the binary precision of the logarithms in JensenShannon: 128
// bits, about 38 significant digits, far beyond the 16 places reported.
const lnBits = 128

// newBig returns a zero big.Float of bigPrec bits.
func newBig() *big.Float { return new(big.Float).SetPrec(bigPrec) }

// atanhSeries returns 2·atanh(z) = ln((1+z)/(1−z)) = 2·Σ z^(2j+1)/(2j+1)
// for |z| ≤ 1/3, summed until a term falls below 2^-lnBits of the sum:
// about 10 terms for the |z| ≤ 0.011 that log2 passes, 41 at 1/3.
func atanhSeries(z *big.Float) *big.Float {
	sum := newBig().Set(z)
	if z.Sign() == 0 {
		return sum
	}
	z2 := newBig().Mul(z, z)
	pow := newBig().Set(z)
	term := newBig()
	for j := 1; ; j++ { // term j is z^(2j+1)/(2j+1)
		pow.Mul(pow, z2)
		if j < len(invOdd) {
			term.Mul(pow, invOdd[j])
		} else {
			term.Quo(pow, newBig().SetInt64(int64(2*j+1)))
		}
		sum.Add(sum, term)
		if term.Sign() == 0 || term.MantExp(nil) < sum.MantExp(nil)-lnBits-2 {
			break
		}
	}
	return sum.SetMantExp(sum, 1) // ×2
}

// invOdd[j] is 1/(2j+1) at bigPrec (computed once; never written after):
// multiplications instead of divisions in atanhSeries.
var invOdd = func() [16]*big.Float {
	var t [16]*big.Float
	for j := range t {
		t[j] = newBig().Quo(newBig().SetInt64(1), newBig().SetInt64(int64(2*j+1)))
	}
	return t
}()

// invLn2 is 1/ln 2, ln 2 = 2·atanh(1/3), at bigPrec (computed once; never
// written after).
var invLn2 = func() *big.Float {
	ln2 := atanhSeries(newBig().Quo(newBig().SetInt64(1), newBig().SetInt64(3)))
	return ln2.Quo(newBig().SetInt64(1), ln2)
}()

// eighths[j] is 2^((4−j)/8), j = 0…8, at bigPrec (computed once; never
// written after): log2 multiplies a mantissa 2^(i/8)·m′ by eighths[i+4],
// that is by 2^(−i/8), to leave m′.
var eighths = func() [9]*big.Float {
	var t [9]*big.Float
	t[4] = newBig().SetInt64(1)
	t[0] = newBig().SetInt64(2)
	t[0].Sqrt(t[0]) // 2^(1/2)
	t[2] = newBig().Sqrt(t[0])
	t[3] = newBig().Sqrt(t[2])
	t[1] = newBig().Mul(t[2], t[3])
	for j := 5; j < 9; j++ {
		t[j] = newBig().Quo(t[4], t[8-j])
	}
	return t
}()

// log2 returns log₂ r for a finite r > 0 in log domain, whatever r's
// magnitude: r = m·2^e with m in [1/√2, √2), then m = 2^(j/8)·m′ with j the
// nearest eighth, |log₂ m′| ≤ 1/16, and log₂ r = e + j/8 + ln(m′)/ln 2, ln m′
// by atanhSeries of (m′−1)/(m′+1), |·| ≤ 0.011. Powers of two give their
// exponent exactly (log₂ ½ = −1).
func log2(r *big.Float) *big.Float {
	m := newBig()
	e := r.MantExp(m)          // r = m·2^e, m in [0.5, 1)
	if m.Cmp(eighths[8]) < 0 { // below 2^(−1/2)
		m.SetMantExp(m, 1)
		e--
	}
	mf, _ := m.Float64()
	j := int(math.Round(8 * math.Log2(mf))) // in [−4, 4]
	j = min(max(j, -4), 4)
	m.Mul(m, eighths[j+4])
	z := newBig().Sub(m, eighths[4])
	z.Quo(z, m.Add(m, eighths[4]))
	l := atanhSeries(z)
	l.Mul(l, invLn2)
	return l.Add(l, newBig().SetFloat64(float64(8*e+j)/8))
}

// JensenShannon returns the Jensen–Shannon divergence of the normalised
// distributions, in bits (base-2 logarithms):
//
//	JS = ½ Σᵢ pᵢ·log₂(pᵢ/mᵢ) + ½ Σᵢ qᵢ·log₂(qᵢ/mᵢ),  mᵢ = (pᵢ+qᵢ)/2
//
// with 0·log 0 = 0. 0 for identical distributions, 1 for disjoint ones
// (range [0, 1]); its square root is a metric (the Jensen–Shannon distance).
// The logarithms are taken in log domain (binary mantissa and exponent
// apart), so shares of any magnitude within MaxExponent work (1e60 against
// 1 in one category); they are accurate to 128 bits (38 significant
// digits), the rest is computed at 256 bits, and the result is rounded
// once, half away from zero, to 16 places.
func JensenShannon(p, q Distribution) (decimal.Decimal, error) {
	a, b, err := pair("JensenShannon", "p", "q", p, q)
	if err != nil {
		return decimal.Decimal{}, err
	}
	// With x = tᵢ·Σa and y = aᵢ·Σt (both scaled by Σt·Σa):
	// pᵢ·log₂(pᵢ/mᵢ) = x/(Σt·Σa) · (1 + log₂(x/(x+y))), x/(x+y) in (0, 1].
	sum := newBig()
	for _, k := range union(a, b) {
		x := a.get(k).Mul(b.known)
		y := b.get(k).Mul(a.known)
		xy := toBig(x.Add(y))
		for _, v := range [2]decimal.Decimal{x, y} {
			if v.Sign() == 0 {
				continue
			}
			bv := toBig(v)
			l := log2(newBig().Quo(bv, xy))
			l.Add(l, newBig().SetInt64(1))
			sum.Add(sum, l.Mul(l, bv))
		}
	}
	sum.Quo(sum, toBig(a.known.Mul(b.known)))
	sum.Quo(sum, newBig().SetInt64(2))
	// Clamp the last-place rounding noise into the documented range.
	if sum.Sign() < 0 {
		sum.SetInt64(0)
	}
	if sum.Cmp(newBig().SetInt64(1)) > 0 {
		sum.SetInt64(1)
	}
	return fromBig(sum), nil
}

// Cosine returns the cosine similarity of the two vectors (for interest
// affinities, where the raw scores matter as directions):
//
//	cos = Σᵢ pᵢqᵢ ÷ (√Σᵢpᵢ² · √Σᵢqᵢ²)
//
// It is scale-free, so normalisation does not change it. Values are
// non-negative, so the range is [0, 1]. Computed at 256-bit precision,
// rounded once to 16 places.
func Cosine(p, q Distribution) (decimal.Decimal, error) {
	a, b, err := pair("Cosine", "p", "q", p, q)
	if err != nil {
		return decimal.Decimal{}, err
	}
	dot, na, nb := decimal.Zero, decimal.Zero, decimal.Zero
	for _, k := range a.keys {
		v := a.get(k)
		na = na.Add(v.Mul(v))
		dot = dot.Add(v.Mul(b.get(k)))
	}
	for _, k := range b.keys {
		v := b.get(k)
		nb = nb.Add(v.Mul(v))
	}
	den := toBig(na.Mul(nb))
	den.Sqrt(den)
	c := toBig(dot)
	c.Quo(c, den)
	if c.Cmp(big.NewFloat(1)) > 0 {
		c.SetInt64(1)
	}
	return fromBig(c), nil
}

// OnTargetShare returns the share of the actual audience (known categories)
// that falls in categories the target wants (target value > 0):
//
//	OnTarget = Σ_{i: tᵢ>0} aᵢ ÷ Σa
//
// Range [0, 1]; the "on-target percentage" of audience verification (as
// Nielsen Digital Ad Ratings reports it for a demographic target). Exact,
// rounded once to 16 places.
func OnTargetShare(target, actual Distribution) (decimal.Decimal, error) {
	p, q, err := pair("OnTargetShare", "target", "actual", target, actual)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return onTarget(p, q), nil
}

func onTargetNum(p, q *dist) decimal.Decimal {
	num := decimal.Zero
	for _, k := range p.keys {
		if p.get(k).Sign() > 0 {
			num = num.Add(q.get(k))
		}
	}
	return num
}

func onTarget(p, q *dist) decimal.Decimal {
	return exact.Div(onTargetNum(p, q), q.known)
}

// UnknownShare returns the share of d's total mass held by the Unknown
// category: unknown ÷ (known + unknown). Range [0, 1). Exact, rounded once
// to 16 places.
func UnknownShare(d Distribution) (decimal.Decimal, error) {
	v, err := check("UnknownShare", "d", d)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return exact.Div(v.unknown, v.unknown.Add(v.known)), nil
}

// Affinity returns the affinity index of each known category of actual
// against a baseline (the platform's or country's population):
//
//	Affinity(i) = (aᵢ/Σa) ÷ (bᵢ/Σb) × 100
//
// 100 means the audience holds the category exactly as often as the
// baseline; 200 twice as often (the media-planning "index", as in
// Nielsen/comScore composition indices). Exact, rounded once to 16 places.
// A category of actual with a zero or missing baseline share is an error
// wrapping ErrNoBaseline. Categories only in the baseline are included
// (index 0); a category listed with 0 in both has no index (0 ÷ 0) and is
// left out of the map.
func Affinity(actual, baseline Distribution) (map[string]decimal.Decimal, error) {
	q, b, err := pair("Affinity", "actual", "baseline", actual, baseline)
	if err != nil {
		return nil, err
	}
	hundred := decimal.NewFromInt(100)
	out := make(map[string]decimal.Decimal, len(b.keys))
	for _, k := range union(q, b) {
		bv := b.get(k)
		av := q.get(k)
		if bv.Sign() == 0 {
			if av.Sign() == 0 {
				continue
			}
			return nil, errs.New(ErrNoBaseline, "audience.Affinity", key("baseline", k), "zero baseline share where actual has", av)
		}
		out[k] = exact.Div(av.Mul(b.known).Mul(hundred), q.known.Mul(bv))
	}
	return out, nil
}
