package audience

import (
	"maps"
	"math/big"
	"slices"
	"strconv"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
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
type Distribution map[string]decimal.Decimal

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
		if v.Sign() < 0 {
			return nil, errs.New(ErrNegative, "audience."+fn, field+"["+strconv.Quote(k)+"]", "", v)
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
	p, q, err := pair("Match", target, actual)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return matchOf(p, q), nil
}

func pair(fn string, target, actual Distribution) (*dist, *dist, error) {
	p, err := check(fn, "target", target)
	if err != nil {
		return nil, nil, err
	}
	q, err := check(fn, "actual", actual)
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
	a, b, err := pair("TotalVariation", p, q)
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

func toBig(d decimal.Decimal) *big.Float {
	return new(big.Float).SetPrec(bigPrec).SetRat(d.Rat())
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
	a, b, err := pair("Bhattacharyya", p, q)
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
	a, b, err := pair("Hellinger", p, q)
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

// lnPrec is the decimal precision of the logarithms in JensenShannon.
const lnPrec = 36

// ln2 is ln 2 at lnPrec+4 places.
var ln2 = func() decimal.Decimal {
	v, _ := decimal.NewFromInt(2).Ln(lnPrec + 4)
	return v
}()

// JensenShannon returns the Jensen–Shannon divergence of the normalised
// distributions, in bits (base-2 logarithms):
//
//	JS = ½ Σᵢ pᵢ·log₂(pᵢ/mᵢ) + ½ Σᵢ qᵢ·log₂(qᵢ/mᵢ),  mᵢ = (pᵢ+qᵢ)/2
//
// with 0·log 0 = 0. 0 for identical distributions, 1 for disjoint ones
// (range [0, 1]); its square root is a metric (the Jensen–Shannon distance).
// Logarithms are taken at 36 decimal places; the result is rounded once,
// half away from zero, to 16 places.
func JensenShannon(p, q Distribution) (decimal.Decimal, error) {
	a, b, err := pair("JensenShannon", p, q)
	if err != nil {
		return decimal.Decimal{}, err
	}
	// With x = tᵢ·Σa and y = aᵢ·Σt (both scaled by Σt·Σa):
	// pᵢ·log(pᵢ/mᵢ) = x/(Σt·Σa) · ln(2x/(x+y)).
	sum := decimal.Zero
	for _, k := range union(a, b) {
		x := a.get(k).Mul(b.known)
		y := b.get(k).Mul(a.known)
		xy := x.Add(y)
		for _, v := range []decimal.Decimal{x, y} {
			if v.Sign() == 0 {
				continue
			}
			r := v.Mul(decimal.NewFromInt(2)).DivRound(xy, lnPrec+4)
			l, err := r.Ln(lnPrec)
			if err != nil { // r > 0 always; kept for the no-panic rule
				return decimal.Decimal{}, errs.New(ErrNonPositive, "audience.JensenShannon", "p, q", "logarithm of a non-positive ratio", r)
			}
			sum = sum.Add(v.Mul(l))
		}
	}
	den := a.known.Mul(b.known).Mul(decimal.NewFromInt(2)).Mul(ln2)
	js := sum.DivRound(den, exact.Precision)
	// Clamp the last-place rounding noise into the documented range.
	if js.Sign() < 0 {
		js = decimal.Zero
	}
	if js.GreaterThan(decimal.NewFromInt(1)) {
		js = decimal.NewFromInt(1)
	}
	return js, nil
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
	a, b, err := pair("Cosine", p, q)
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
	p, q, err := pair("OnTargetShare", target, actual)
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
	q, b, err := pair("Affinity", actual, baseline)
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
			return nil, errs.New(ErrNoBaseline, "audience.Affinity", "baseline["+strconv.Quote(k)+"]", "zero baseline share where actual has", av)
		}
		out[k] = exact.Div(av.Mul(b.known).Mul(hundred), q.known.Mul(bv))
	}
	return out, nil
}
