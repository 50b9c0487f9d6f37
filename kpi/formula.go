package kpi

import (
	"math/big"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/exact"
)

// Interaction is a bit set of the interactions counted as engagements.
type Interaction uint8

// Interactions. Combine them with |, for example Likes | Comments.
const (
	Likes Interaction = 1 << iota
	Comments
	Shares
	Saves

	// AllInteractions is Likes | Comments | Shares | Saves.
	AllInteractions = Likes | Comments | Shares | Saves
)

var interactionNames = fieldNames[:4]

// String returns the names joined by "|", for example "likes|comments".
func (i Interaction) String() string { return bitsString(uint64(i), interactionNames) }

// MarshalText implements encoding.TextMarshaler with String's form.
func (i Interaction) MarshalText() ([]byte, error) {
	if i&^AllInteractions != 0 || i == 0 {
		return nil, errorf("Interaction.MarshalText", "interaction", ErrInvalid, uint8(i))
	}
	return []byte(i.String()), nil
}

// UnmarshalText parses names separated by "|" or "+", ignoring case.
func (i *Interaction) UnmarshalText(b []byte) error {
	v, err := parseBits("Interaction.UnmarshalText", "interaction", string(b), interactionNames)
	if err != nil {
		return err
	}
	if v == 0 {
		return errorf("Interaction.UnmarshalText", "interaction", ErrInvalid, string(b))
	}
	*i = Interaction(v)
	return nil
}

// Base is the denominator of an engagement rate. The zero value is invalid.
type Base uint8

// Bases.
const (
	ByFollowers   Base = iota + 1 // followers when the post was published
	ByReach                       // unique accounts that saw the post
	ByImpressions                 // times the post was shown
	ByViews                       // video views (plays)
)

var baseNames = [...]string{"", "followers", "reach", "impressions", "views"}

// String returns "followers", "reach", "impressions" or "views".
func (b Base) String() string { return enumString(int(b), baseNames[:], "Base") }

// MarshalText implements encoding.TextMarshaler.
func (b Base) MarshalText() ([]byte, error) {
	return enumMarshal("Base.MarshalText", "base", int(b), baseNames[:])
}

// UnmarshalText accepts the names String returns, ignoring case; on an
// error (wrapping ErrInvalid) the value is left unchanged.
func (b *Base) UnmarshalText(t []byte) error {
	v, err := enumParse("Base.UnmarshalText", "base", string(t), baseNames[:])
	if err != nil {
		return err
	}
	*b = Base(v)
	return nil
}

// Field returns the Post count this base reads.
func (b Base) Field() Fields {
	switch b {
	case ByFollowers:
		return FieldFollowers
	case ByReach:
		return FieldReach
	case ByImpressions:
		return FieldImpressions
	case ByViews:
		return FieldViews
	}
	return 0
}

// Average says how per-post counts become one rate. The zero value is
// invalid.
type Average uint8

// Averages.
const (
	// MeanOfRates is (1/n) Σ eᵢ/bᵢ: the mean of the per-post rates. Each post
	// weighs the same, whatever its base.
	MeanOfRates Average = iota + 1
	// PooledRate is Σ eᵢ / Σ bᵢ: total engagements over total base. Large
	// posts weigh more. This is how campaign totals are made.
	PooledRate
	// MedianRate is the median of the per-post rates eᵢ/bᵢ; with an even
	// number of posts, the mean of the two middle rates.
	MedianRate
)

var averageNames = [...]string{"", "mean", "pooled", "median"}

// String returns "mean", "pooled" or "median".
func (a Average) String() string { return enumString(int(a), averageNames[:], "Average") }

// MarshalText implements encoding.TextMarshaler.
func (a Average) MarshalText() ([]byte, error) {
	return enumMarshal("Average.MarshalText", "average", int(a), averageNames[:])
}

// UnmarshalText accepts the names String returns, ignoring case; on an
// error (wrapping ErrInvalid) the value is left unchanged.
func (a *Average) UnmarshalText(t []byte) error {
	v, err := enumParse("Average.UnmarshalText", "average", string(t), averageNames[:])
	if err != nil {
		return err
	}
	*a = Average(v)
	return nil
}

// Formula names exactly how an engagement rate over several posts is made:
// which interactions count as engagements, what they are divided by, and how
// the posts are combined. The zero Formula is invalid; see the presets
// (PresetFollowers12, PresetReach…) for the definitions in public use.
type Formula struct {
	Interactions Interaction `json:"interactions"` // bit set: Likes | Comments | Shares | Saves
	Base         Base        `json:"base"`         // ByFollowers, ByReach, ByImpressions, ByViews
	Average      Average     `json:"average"`      // MeanOfRates, PooledRate, MedianRate
}

// String describes the formula, for example
// "likes+comments by followers, mean of rates".
// An invalid field prints as Type(n), for example "likes by Base(0), pooled".
func (f Formula) String() string {
	return strings.ReplaceAll(f.Interactions.String(), "|", "+") + " by " + f.Base.String() +
		", " + enumString(int(f.Average), averageLongNames[:], "Average")
}

var averageLongNames = [...]string{"", "mean of rates", "pooled", "median rate"}

// Validate reports an error wrapping ErrInvalid when a field is zero or
// unknown.
func (f Formula) Validate() error { return f.validate("Formula.Validate") }

func (f Formula) validate(fn string) error {
	switch {
	case f.Interactions == 0 || f.Interactions&^AllInteractions != 0:
		return errorf(fn, "Interactions", ErrInvalid, uint8(f.Interactions))
	case f.Base.Field() == 0:
		return errorf(fn, "Base", ErrInvalid, uint8(f.Base))
	case f.Average < MeanOfRates || f.Average > MedianRate:
		return errorf(fn, "Average", ErrInvalid, uint8(f.Average))
	}
	return nil
}

// Needs returns the counts the formula reads: its interactions and its base.
func (f Formula) Needs() Fields { return Fields(f.Interactions) | f.Base.Field() }

// Result is a rate with the number of posts it was made from.
type Result struct {
	Rate    decimal.Decimal `json:"rate"`    // fraction, 16 decimal places, half away from zero
	Posts   int             `json:"posts"`   // posts used
	Skipped int             `json:"skipped"` // posts skipped because a needed count was not reported
}

// Rate returns the engagement rate of posts under f, as a fraction rounded
// half away from zero to 16 decimal places (exact.Precision). The result is
// exact: it is the true rational value correctly rounded, whatever the
// average.
//
// Posts whose Hidden set includes a count the formula needs (its
// interactions or its base) are skipped; they never count as zero. Errors
// (none panics): an invalid formula (ErrInvalid); no posts, or every post
// skipped (ErrEmpty); a negative needed count (ErrNegative); a post whose
// engagements exceed the int64 range (ErrOverflow); for MeanOfRates and
// MedianRate a post with base 0, for PooledRate a total base of 0
// (ErrZeroBase). Sums are kept in 128 bits and cannot overflow.
//
// Speed: the inner loop is integer only (one 128/64-bit division per post
// for MeanOfRates) and allocates nothing; one decimal is made at the end.
// MeanOfRates sums each rate to 19 decimal places, keeps an exact bound of
// the truncation, and recomputes at 38 places, then with exact rationals
// (math/big), only when the bound does not decide the 16th place.
func (f Formula) Rate(posts []Post) (decimal.Decimal, error) {
	r, err := f.measure("Formula.Rate", posts)
	return r.Rate, err
}

// Measure is Rate that also reports how many posts were used and skipped.
func (f Formula) Measure(posts []Post) (Result, error) {
	return f.measure("Formula.Measure", posts)
}

// u128 is an unsigned 128-bit accumulator.
type u128 struct{ hi, lo uint64 }

func (a *u128) add(v uint64) {
	var c uint64
	a.lo, c = bits.Add64(a.lo, v, 0)
	a.hi += c
}

func (a u128) big() *big.Int {
	x := new(big.Int).SetUint64(a.hi)
	x.Lsh(x, 64)
	return x.Or(x, new(big.Int).SetUint64(a.lo))
}

func (a u128) decimal() decimal.Decimal {
	if a.hi == 0 {
		return decimal.NewFromUint64(a.lo)
	}
	return decimal.NewFromBigInt(a.big(), 0)
}

// reader extracts engagements and base from posts without branching on the
// interaction set.
type reader struct {
	ml, mc, ms, mv uint64 // all ones when the interaction counts
	need           Fields
	base           Base
}

func (f Formula) reader() reader {
	m := func(i Interaction) uint64 {
		if f.Interactions&i != 0 {
			return ^uint64(0)
		}
		return 0
	}
	return reader{m(Likes), m(Comments), m(Shares), m(Saves), f.Needs(), f.Base}
}

// read status
const (
	stOK = iota
	stSkip
	stNegative
	stOverflow
)

// read returns the engagements and base of p.
func (r *reader) read(p *Post) (e, b uint64, st int) {
	if p.Hidden&r.need != 0 {
		return 0, 0, stSkip
	}
	var bv int64
	switch r.base {
	case ByFollowers:
		bv = p.Followers
	case ByReach:
		bv = p.Reach
	case ByImpressions:
		bv = p.Impressions
	default:
		bv = p.Views
	}
	l, c := uint64(p.Likes)&r.ml, uint64(p.Comments)&r.mc
	s, v := uint64(p.Shares)&r.ms, uint64(p.Saves)&r.mv
	if (l|c|s|v)>>63 != 0 || bv < 0 {
		return 0, 0, stNegative
	}
	e, carry := bits.Add64(l+c, s+v, 0)
	if carry != 0 || e>>63 != 0 {
		return 0, 0, stOverflow
	}
	return e, uint64(bv), stOK
}

// badPost builds the error for a post whose read status is st.
func (r *reader) badPost(fn string, i int, p *Post, st int) error {
	if st == stOverflow {
		return errorf(fn, "posts["+itoa(i)+"] engagements", ErrOverflow, "ID "+strconv.Quote(p.ID))
	}
	for _, fl := range []Fields{FieldLikes, FieldComments, FieldShares, FieldSaves, r.base.Field()} {
		if r.need&fl == 0 {
			continue
		}
		if v, _ := p.Count(fl); v < 0 {
			return errorf(fn, "posts["+itoa(i)+"]."+fieldTitle(fl), ErrNegative, v)
		}
	}
	return errorf(fn, "posts["+itoa(i)+"]", ErrNegative, p.ID)
}

func fieldTitle(f Fields) string {
	s := f.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

func (f Formula) measure(fn string, posts []Post) (Result, error) {
	if err := f.validate(fn); err != nil {
		return Result{}, err
	}
	switch f.Average {
	case PooledRate:
		return f.pooled(fn, posts)
	case MeanOfRates:
		return f.mean(fn, posts)
	default:
		return f.median(fn, posts)
	}
}

func (f Formula) pooled(fn string, posts []Post) (Result, error) {
	rd := f.reader()
	var se, sb u128
	n := 0
	for i := range posts {
		e, b, st := rd.read(&posts[i])
		if st != stOK {
			if st == stSkip {
				continue
			}
			return Result{}, rd.badPost(fn, i, &posts[i], st)
		}
		se.add(e)
		sb.add(b)
		n++
	}
	res := Result{Posts: n, Skipped: len(posts) - n}
	if n == 0 {
		return res, emptyErr(fn, posts)
	}
	if sb == (u128{}) {
		return res, errorf(fn, "total "+f.Base.String(), ErrZeroBase, 0)
	}
	if se.hi == 0 && sb.hi == 0 && sb.lo>>62 == 0 {
		// round(se·10¹⁶ / sb) in 128-bit integers: se·10¹⁶ < 2¹¹⁸.
		hi, lo := bits.Mul64(se.lo, pow16)
		if q, ok := roundDiv(u128{hi, lo}, sb.lo); ok {
			res.Rate = decimal.New(int64(q), -exact.Precision)
			return res, nil
		}
	}
	res.Rate = se.decimal().DivRound(sb.decimal(), exact.Precision)
	return res, nil
}

// pow16 is 10^exact.Precision.
const pow16 = 10_000_000_000_000_000

// roundDiv returns floor((2n + d) / 2d), which is n/d rounded half away from
// zero to an integer, when d < 2⁶², n < 2¹²⁶ and the result is below 2⁶³.
func roundDiv(n u128, d uint64) (uint64, bool) {
	if d == 0 || d>>62 != 0 || n.hi>>62 != 0 {
		return 0, false
	}
	hi := n.hi<<1 | n.lo>>63
	lo, c := bits.Add64(n.lo<<1, d, 0)
	hi += c
	d2 := d << 1
	if hi >= d2 {
		return 0, false
	}
	q, _ := bits.Div64(hi, lo, d2)
	if q>>63 != 0 {
		return 0, false
	}
	return q, true
}

func emptyErr(fn string, posts []Post) error {
	if len(posts) == 0 {
		return errorf(fn, "posts", ErrEmpty, 0)
	}
	return errorf(fn, "posts", ErrEmpty, "all "+itoa(len(posts))+" skipped: a needed count was not reported")
}

func zeroBaseErr(fn string, f Formula, i int) error {
	return errorf(fn, "posts["+itoa(i)+"]."+fieldTitle(f.Base.Field()), ErrZeroBase, 0)
}

// pow19 is 10^19, the largest power of ten below 2^64.
const pow19 = 10_000_000_000_000_000_000

func (f Formula) mean(fn string, posts []Post) (Result, error) {
	rd := f.reader()
	// Pass 1: each rate eᵢ/bᵢ = qᵢ + dᵢ·10⁻¹⁹ + ρᵢ with 0 <= ρᵢ < 10⁻¹⁹.
	var sq, sd u128
	var nz uint64 // posts with ρᵢ > 0
	n := 0
	for i := range posts {
		e, b, st := rd.read(&posts[i])
		if st != stOK {
			if st == stSkip {
				continue
			}
			return Result{}, rd.badPost(fn, i, &posts[i], st)
		}
		if b == 0 {
			return Result{}, zeroBaseErr(fn, f, i)
		}
		r := e
		if e >= b {
			sq.add(e / b)
			r = e % b
		}
		hi, lo := bits.Mul64(r, pow19)
		d, rem := bits.Div64(hi, lo, b)
		sd.add(d)
		if rem != 0 {
			nz++
		}
		n++
	}
	res := Result{Posts: n, Skipped: len(posts) - n}
	if n == 0 {
		return res, emptyErr(fn, posts)
	}
	// Σ rates · 10¹⁹ lies in [N, N + nz) with N = Σq·10¹⁹ + Σd. The mean at
	// 16 places is round((N+δ) / (n·10³)), 0 <= δ < nz.
	if sq.hi == 0 && uint64(n) < 1<<52 {
		hi, lo := bits.Mul64(sq.lo, pow19)
		lo, c := bits.Add64(lo, sd.lo, 0)
		hi, c2 := bits.Add64(hi, sd.hi, c)
		lo2, c3 := bits.Add64(lo, nz, 0)
		hi2, c4 := bits.Add64(hi, 0, c3)
		if c2 == 0 && c4 == 0 {
			d := uint64(n) * 1000
			q1, ok1 := roundDiv(u128{hi, lo}, d)
			q2, ok2 := roundDiv(u128{hi2, lo2}, d)
			if ok1 && ok2 && q1 == q2 {
				res.Rate = decimal.New(int64(q1), -exact.Precision)
				return res, nil
			}
		}
	}
	N := sq.big()
	N.Mul(N, bigPow10(19))
	N.Add(N, sd.big())
	if rate, ok := roundMean(N, nz, n, 19); ok {
		res.Rate = rate
		return res, nil
	}
	res.Rate = f.meanSlow(posts, n)
	return res, nil
}

// roundMean returns (N+δ)/(n·10^scale) rounded half away from zero to
// exact.Precision places, where 0 <= δ < nz (δ = 0 when nz = 0), and whether
// every such δ gives the same result.
func roundMean(N *big.Int, nz uint64, n int, scale int32) (decimal.Decimal, bool) {
	// round(x) = floor((2x + d) / (2d)) with d = n·10^(scale-16), x scaled to 10⁻¹⁶.
	d := new(big.Int).Mul(big.NewInt(int64(n)), bigPow10(scale-exact.Precision))
	two := new(big.Int).Lsh(d, 1)
	lo := new(big.Int).Lsh(N, 1)
	lo.Add(lo, d)
	lo.Quo(lo, two)
	if nz > 0 {
		hi := new(big.Int).Add(N, new(big.Int).SetUint64(nz))
		hi.Lsh(hi, 1)
		hi.Add(hi, d)
		hi.Quo(hi, two)
		if hi.Cmp(lo) != 0 {
			return decimal.Decimal{}, false
		}
	}
	return decimal.NewFromBigInt(lo, -exact.Precision), true
}

func bigPow10(e int32) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(e)), nil)
}

// meanSlow recomputes MeanOfRates when the 19-place pass could not decide
// the rounding: first with 38 places per rate, then exactly. posts were
// validated by the fast pass; n posts were used.
func (f Formula) meanSlow(posts []Post, n int) decimal.Decimal {
	rd := f.reader()
	var sq, s1, s2 u128
	var nz uint64
	for i := range posts {
		e, b, st := rd.read(&posts[i])
		if st != stOK {
			continue
		}
		r := e
		if e >= b {
			sq.add(e / b)
			r = e % b
		}
		hi, lo := bits.Mul64(r, pow19)
		d1, rem := bits.Div64(hi, lo, b)
		hi, lo = bits.Mul64(rem, pow19)
		d2, rem := bits.Div64(hi, lo, b)
		s1.add(d1)
		s2.add(d2)
		if rem != 0 {
			nz++
		}
	}
	N := sq.big()
	N.Mul(N, bigPow10(19))
	N.Add(N, s1.big())
	N.Mul(N, bigPow10(19))
	N.Add(N, s2.big())
	if rate, ok := roundMean(N, nz, n, 38); ok {
		return rate
	}
	return meanExact(rd, posts, n)
}

// meanExact sums the rates as exact rationals: posts sharing a base are
// grouped, and the groups are added pairwise so that denominators grow
// evenly.
func meanExact(rd reader, posts []Post, n int) decimal.Decimal {
	groups := map[uint64]*big.Int{}
	var keys []uint64
	for i := range posts {
		e, b, st := rd.read(&posts[i])
		if st != stOK {
			continue
		}
		g, ok := groups[b]
		if !ok {
			g = new(big.Int)
			groups[b] = g
			keys = append(keys, b)
		}
		g.Add(g, new(big.Int).SetUint64(e))
	}
	rats := make([]*big.Rat, len(keys))
	for i, k := range keys {
		rats[i] = new(big.Rat).SetFrac(groups[k], new(big.Int).SetUint64(k))
	}
	for len(rats) > 1 {
		next := rats[:0:0]
		for i := 0; i+1 < len(rats); i += 2 {
			next = append(next, new(big.Rat).Add(rats[i], rats[i+1]))
		}
		if len(rats)%2 == 1 {
			next = append(next, rats[len(rats)-1])
		}
		rats = next
	}
	sum := rats[0]
	return ratDecimal(sum.Num(), new(big.Int).Mul(sum.Denom(), big.NewInt(int64(n))))
}

// ratDecimal returns num/den (den > 0) rounded half away from zero to
// exact.Precision places.
func ratDecimal(num, den *big.Int) decimal.Decimal {
	return decimal.NewFromBigInt(num, 0).DivRound(decimal.NewFromBigInt(den, 0), exact.Precision)
}

// frac is one post's rate e/b with b > 0.
type frac struct{ e, b uint64 }

// cmpFrac compares x.e/x.b with y.e/y.b exactly.
func cmpFrac(x, y frac) int {
	h1, l1 := bits.Mul64(x.e, y.b)
	h2, l2 := bits.Mul64(y.e, x.b)
	switch {
	case h1 < h2 || (h1 == h2 && l1 < l2):
		return -1
	case h1 == h2 && l1 == l2:
		return 0
	}
	return 1
}

func (f Formula) median(fn string, posts []Post) (Result, error) {
	rd := f.reader()
	fr := make([]frac, 0, len(posts))
	for i := range posts {
		e, b, st := rd.read(&posts[i])
		if st != stOK {
			if st == stSkip {
				continue
			}
			return Result{}, rd.badPost(fn, i, &posts[i], st)
		}
		if b == 0 {
			return Result{}, zeroBaseErr(fn, f, i)
		}
		fr = append(fr, frac{e, b})
	}
	n := len(fr)
	res := Result{Posts: n, Skipped: len(posts) - n}
	if n == 0 {
		return res, emptyErr(fn, posts)
	}
	k := n / 2
	selectFrac(fr, k)
	hi := fr[k]
	if n%2 == 1 {
		res.Rate = ratDecimal(new(big.Int).SetUint64(hi.e), new(big.Int).SetUint64(hi.b))
		return res, nil
	}
	lo := fr[0]
	for _, x := range fr[1:k] {
		if cmpFrac(x, lo) > 0 {
			lo = x
		}
	}
	// (lo.e/lo.b + hi.e/hi.b) / 2 = (lo.e·hi.b + hi.e·lo.b) / (2·lo.b·hi.b)
	num := new(big.Int).Mul(new(big.Int).SetUint64(lo.e), new(big.Int).SetUint64(hi.b))
	num.Add(num, new(big.Int).Mul(new(big.Int).SetUint64(hi.e), new(big.Int).SetUint64(lo.b)))
	den := new(big.Int).Mul(new(big.Int).SetUint64(lo.b), new(big.Int).SetUint64(hi.b))
	den.Lsh(den, 1)
	res.Rate = ratDecimal(num, den)
	return res, nil
}

// selectFrac reorders a so that a[k] is the element a sorted slice would
// hold there, with no larger element before it (quickselect with a
// median-of-three pivot; insertion sort for short ranges; a full sort of
// the range when the partitions stay unbalanced, so the worst case is
// O(n log n)).
func selectFrac(a []frac, k int) { selectFracBudget(a, k, 2*bits.Len(uint(len(a)))) }

// selectFracBudget is selectFrac allowing budget partition rounds before it
// sorts the remaining range.
func selectFracBudget(a []frac, k, budget int) {
	lo, hi := 0, len(a)-1
	for ; hi-lo > 16; budget-- {
		if budget == 0 { // adversarial input: fall back to O(n log n)
			slices.SortFunc(a[lo:hi+1], cmpFrac)
			return
		}
		mid := lo + (hi-lo)/2
		// median of three to a[mid]
		if cmpFrac(a[mid], a[lo]) < 0 {
			a[mid], a[lo] = a[lo], a[mid]
		}
		if cmpFrac(a[hi], a[lo]) < 0 {
			a[hi], a[lo] = a[lo], a[hi]
		}
		if cmpFrac(a[hi], a[mid]) < 0 {
			a[hi], a[mid] = a[mid], a[hi]
		}
		p := a[mid]
		// three-way partition: < p | == p | > p
		lt, i, gt := lo, lo, hi
		for i <= gt {
			switch c := cmpFrac(a[i], p); {
			case c < 0:
				a[lt], a[i] = a[i], a[lt]
				lt++
				i++
			case c > 0:
				a[i], a[gt] = a[gt], a[i]
				gt--
			default:
				i++
			}
		}
		switch {
		case k < lt:
			hi = lt - 1
		case k > gt:
			lo = gt + 1
		default:
			return
		}
	}
	for i := lo + 1; i <= hi; i++ {
		for j := i; j > lo && cmpFrac(a[j], a[j-1]) < 0; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
