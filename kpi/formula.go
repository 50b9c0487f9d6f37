package kpi

import (
	"math"
	"math/big"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/enum"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
)

// Interaction is a bit set of the interactions counted as engagements. Its
// zero value is the empty set; in a Formula it means the default,
// Likes | Comments.
type Interaction uint8

// Interactions. Combine them with |, for example Likes | Comments.
const (
	Likes Interaction = 1 << iota
	Comments
	Shares
	Saves

	// AllInteractions is Likes | Comments | Shares | Saves.
	AllInteractions = Likes | Comments | Shares | Saves

	// DefaultInteractions is Likes | Comments: the interactions every
	// platform shows publicly, used by a Formula whose Interactions is 0.
	DefaultInteractions = Likes | Comments
)

var interactionBits = enum.NewBits[Interaction]("kpi.Interaction", ErrInvalid, "likes", "comments", "shares", "saves")

// String returns the names joined by "|", for example "likes|comments"; the
// empty set is "none".
func (i Interaction) String() string { return interactionBits.String(i) }

// MarshalText implements encoding.TextMarshaler with String's form; unknown
// bits are an error wrapping ErrInvalid.
func (i Interaction) MarshalText() ([]byte, error) { return interactionBits.Marshal(i) }

// UnmarshalText parses names separated by "|" or "+", or "none", ignoring
// case and surrounding space. An error wraps ErrInvalid and leaves i
// unchanged.
func (i *Interaction) UnmarshalText(b []byte) error { return interactionBits.Unmarshal(i, b) }

// Base is the denominator of an engagement rate. The zero value is
// ByFollowers, the default.
type Base uint8

// Bases.
const (
	ByFollowers   Base = iota // followers when the post was published; the default
	ByReach                   // unique accounts that saw the post
	ByImpressions             // times the post was shown
	ByViews                   // video views (plays)
)

var baseEnum = enum.New[Base]("kpi.Base", ErrInvalid, "followers", "reach", "impressions", "views")

// String returns "followers", "reach", "impressions" or "views"; a value out
// of range prints as "Base(9)".
func (b Base) String() string { return baseEnum.String(b) }

// MarshalText implements encoding.TextMarshaler with String's form; a value
// out of range is an error wrapping ErrInvalid.
func (b Base) MarshalText() ([]byte, error) { return baseEnum.Marshal(b) }

// UnmarshalText accepts the names String returns, ignoring case and
// surrounding space; on an error (wrapping ErrInvalid) the value is left
// unchanged.
func (b *Base) UnmarshalText(t []byte) error { return baseEnum.Unmarshal(b, t) }

// Field returns the Post count this base reads; 0 for a value out of range.
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
// PooledRate, the default.
type Average uint8

// Averages.
const (
	// PooledRate is Σ eᵢ / Σ bᵢ: total engagements over total base. Large
	// posts weigh more. This is how campaign totals are made, and the
	// default.
	PooledRate Average = iota
	// MeanOfRates is (1/n) Σ eᵢ/bᵢ: the mean of the per-post rates. Each post
	// weighs the same, whatever its base.
	MeanOfRates
	// MedianRate is the median of the per-post rates eᵢ/bᵢ; with an even
	// number of posts, the mean of the two middle rates.
	MedianRate
)

var (
	averageEnum = enum.New[Average]("kpi.Average", ErrInvalid, "pooled", "mean", "median")
	// averageLong names the averages in Formula.String.
	averageLong = enum.New[Average]("kpi.Average", ErrInvalid, "pooled", "mean of rates", "median rate")
)

// String returns "pooled", "mean" or "median"; a value out of range prints
// as "Average(9)".
func (a Average) String() string { return averageEnum.String(a) }

// MarshalText implements encoding.TextMarshaler with String's form; a value
// out of range is an error wrapping ErrInvalid.
func (a Average) MarshalText() ([]byte, error) { return averageEnum.Marshal(a) }

// UnmarshalText accepts the names String returns, ignoring case and
// surrounding space; on an error (wrapping ErrInvalid) the value is left
// unchanged.
func (a *Average) UnmarshalText(t []byte) error { return averageEnum.Unmarshal(a, t) }

// Formula names exactly how an engagement rate over several posts is made:
// which interactions count as engagements, what they are divided by, and how
// the posts are combined.
//
// The zero Formula is valid: likes + comments by followers, pooled
// (Σ (likes + comments) / Σ followers). Those are the counts every platform
// shows publicly, so it can be computed for any creator, and pooling is the
// library's default for totals: never an average of averages unless
// MeanOfRates is asked for. The presets (PresetFollowers12,
// PresetReach…) give the other definitions in public use.
type Formula struct {
	// Interactions counted as engagements, a bit set: Likes | Comments |
	// Shares | Saves. 0 (the empty set, "none" in text) means
	// DefaultInteractions (Likes | Comments).
	Interactions Interaction `json:"interactions"`
	// Base divides the engagements: ByFollowers (the zero value),
	// ByReach, ByImpressions, ByViews.
	Base Base `json:"base"`
	// Average combines the posts: PooledRate (the zero value),
	// MeanOfRates, MedianRate.
	Average Average `json:"average"`
}

// interactions returns f.Interactions, or DefaultInteractions when it is 0.
func (f Formula) interactions() Interaction {
	if f.Interactions == 0 {
		return DefaultInteractions
	}
	return f.Interactions
}

// String describes the formula, for example
// "likes+comments by followers, mean of rates"; the zero Formula is
// "likes+comments by followers, pooled". An invalid field prints as
// Type(n), for example "likes by Base(9), pooled".
func (f Formula) String() string {
	return strings.ReplaceAll(f.interactions().String(), "|", "+") + " by " + f.Base.String() +
		", " + averageLong.String(f.Average)
}

// Validate reports an error wrapping ErrInvalid when a field is out of
// range: an interaction bit beyond Saves, a Base beyond ByViews, an Average
// beyond MedianRate. Zero fields are valid: they mean the defaults.
func (f Formula) Validate() error { return f.validate("kpi.Formula.Validate") }

func (f Formula) validate(fn string) error {
	switch {
	case f.Interactions&^AllInteractions != 0:
		return errs.New(ErrInvalid, fn, "Interactions", "unknown bits", f.Interactions)
	case f.Base.Field() == 0:
		return errs.New(ErrInvalid, fn, "Base", "out of range", f.Base)
	case f.Average > MedianRate:
		return errs.New(ErrInvalid, fn, "Average", "out of range", f.Average)
	}
	return nil
}

// Needs returns the counts the formula reads: its interactions (the
// default ones when Interactions is 0) and its base.
func (f Formula) Needs() Fields { return Fields(f.interactions()) | f.Base.Field() }

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
// (none panics): an invalid formula (ErrInvalid); a post that contradicts
// itself, Hidden naming a count that is not zero (ErrInvalid, see Post); no
// posts, or every post skipped (ErrEmpty); a negative needed count
// (ErrNegative); a post whose engagements exceed the int64 range
// (ErrOverflow); for MeanOfRates and MedianRate a post with base 0, for
// PooledRate a total base of 0 (ErrNonPositive). Sums are kept in 128 bits
// and cannot overflow.
//
// Speed: the inner loop is integer only (one 128/64-bit division per post
// for MeanOfRates) and allocates nothing; one decimal is made at the end.
// MeanOfRates sums each rate to 19 decimal places, keeps an exact bound of
// the truncation, and recomputes at 38 places, then with exact rationals
// (math/big), only when the bound does not decide the 16th place.
//
// Limit: that exact pass runs only for a mean within 10⁻³⁸ of a rounding
// midpoint, which random data reach about once in 10²² calls but inputs can
// be built to reach; its cost grows with the product of the posts' distinct
// bases (about 20 ms for 10,000 of them, 40 s for 10⁶). Over more than
// MaxExactBases (10,000) distinct bases it is refused with an error
// wrapping ErrTooLarge instead: Rate never spends seconds.
//
// Rate is shorthand for Measure(posts).Rate.
func (f Formula) Rate(posts []Post) (decimal.Decimal, error) {
	r, err := f.measure("kpi.Formula.Rate", posts)
	return r.Rate, err
}

// Measure is the core call of the package's engagement rates: Rate's
// result with how many posts were used and how many were skipped because a
// count the formula needs was not reported. Rate is shorthand for
// Measure(posts).Rate.
func (f Formula) Measure(posts []Post) (Result, error) {
	return f.measure("kpi.Formula.Measure", posts)
}

// digits sums values below 2⁶⁴ exactly in two exact.Sum128, one for the
// high and one for the low 32 bits of each value, so that both halves fit
// the int64 that Sum128 adds.
type digits struct{ hi, lo exact.Sum128 }

func (s *digits) add(v uint64) {
	s.hi.Add(int64(v >> 32))         //nolint:gosec // below 2³²
	s.lo.Add(int64(v & (1<<32 - 1))) //nolint:gosec // below 2³²
}

// uint128 returns the sum as two 64-bit words, and false when a half does
// not fit an int64 (more than 2³¹ values).
func (s *digits) uint128() (hi, lo uint64, ok bool) {
	h, okH := s.hi.Int64()
	l, okL := s.lo.Int64()
	if !okH || !okL {
		return 0, 0, false
	}
	lo, c := bits.Add64(uint64(h)<<32, uint64(l), 0)
	return uint64(h)>>32 + c, lo, true
}

// big returns the sum, whatever its size.
func (s *digits) big() *big.Int {
	x := new(big.Int).Lsh(s.hi.Decimal().BigInt(), 32)
	return x.Add(x, s.lo.Decimal().BigInt())
}

// reader extracts engagements and base from posts without branching on the
// interaction set.
type reader struct {
	ml, mc, ms, mv uint64 // all ones when the interaction counts
	need           Fields
	base           Base
}

func (f Formula) reader() reader {
	in := f.interactions()
	m := func(i Interaction) uint64 {
		if in&i != 0 {
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
	stConflict // Hidden names a count that is not zero
)

// read returns the engagements and base of p.
func (r *reader) read(p *Post) (e, b uint64, st int) {
	if p.Hidden != 0 {
		if p.conflict() != 0 {
			return 0, 0, stConflict
		}
		if p.Hidden&r.need != 0 {
			return 0, 0, stSkip
		}
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

// badPost builds the error for posts[i], whose read status is st.
func (r *reader) badPost(fn string, i int, p *Post, st int) error {
	switch st {
	case stConflict:
		return checkPost(fn, i, p)
	case stOverflow:
		in := strings.ReplaceAll(Interaction(r.need&Fields(AllInteractions)).String(), "|", "+")
		return errs.New(ErrOverflow, fn, postField(i, ""), "engagements ("+in+") overflow int64", errs.None)
	}
	for _, fl := range []Fields{FieldLikes, FieldComments, FieldShares, FieldSaves, r.base.Field()} {
		if r.need&fl == 0 {
			continue
		}
		if v, _ := p.Count(fl); v < 0 {
			return errs.New(ErrNegative, fn, postField(i, fieldTitle(fl)), "", v)
		}
	}
	return errs.New(ErrNegative, fn, postField(i, ""), "a needed count is negative", errs.None)
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
	var se, sb exact.Sum128
	n := 0
	for i := range posts {
		e, b, st := rd.read(&posts[i])
		if st != stOK {
			if st == stSkip {
				continue
			}
			return Result{}, rd.badPost(fn, i, &posts[i], st)
		}
		se.Add(int64(e)) //nolint:gosec // read keeps e below 2⁶³
		sb.Add(int64(b)) //nolint:gosec // read keeps b below 2⁶³
		n++
	}
	res := Result{Posts: n, Skipped: len(posts) - n}
	if n == 0 {
		return res, emptyErr(fn, f, len(posts))
	}
	var err error
	res.Rate, err = pooledRate(fn, f, &se, &sb)
	return res, err
}

// pooledRate returns se / sb rounded to 16 places; a zero sb wraps
// ErrNonPositive.
func pooledRate(fn string, f Formula, se, sb *exact.Sum128) (decimal.Decimal, error) {
	e, okE := se.Int64()
	b, okB := sb.Int64()
	if okB && b == 0 {
		return decimal.Decimal{}, errs.New(ErrNonPositive, fn, "posts", "total "+f.Base.String()+" not positive", 0)
	}
	if okE && okB && b>>62 == 0 {
		// round(e·10¹⁶ / b) in 128-bit integers: e·10¹⁶ < 2¹¹⁷.
		hi, lo := bits.Mul64(uint64(e), pow16)
		if q, ok := roundDiv(hi, lo, uint64(b)); ok {
			return decimal.New(int64(q), -exact.Precision), nil //nolint:gosec // q < 2⁶³
		}
	}
	return exact.Div(se.Decimal(), sb.Decimal()), nil
}

// pow16 is 10^exact.Precision.
const pow16 = 10_000_000_000_000_000

// roundDiv returns floor((2n + d) / 2d), which is n/d rounded half away from
// zero to an integer, for the 128-bit n = hi·2⁶⁴ + lo, when d < 2⁶²,
// n < 2¹²⁶ and the result is below 2⁶³.
func roundDiv(hi, lo, d uint64) (uint64, bool) {
	if d == 0 || d>>62 != 0 || hi>>62 != 0 {
		return 0, false
	}
	hi = hi<<1 | lo>>63
	lo, c := bits.Add64(lo<<1, d, 0)
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

// emptyErr reports that none of total posts could be used.
func emptyErr(fn string, f Formula, total int) error {
	if total == 0 {
		return errs.New(ErrEmpty, fn, "posts", "no posts", errs.None)
	}
	return errs.New(ErrEmpty, fn, "posts", "all "+strconv.Itoa(total)+
		" skipped: each lacks a count the formula needs", f.Needs())
}

func zeroBaseErr(fn string, f Formula, i int) error {
	return errs.New(ErrNonPositive, fn, postField(i, fieldTitle(f.Base.Field())), "", 0)
}

// pow19 is 10^19, the largest power of ten below 2^64.
const pow19 = 10_000_000_000_000_000_000

func (f Formula) mean(fn string, posts []Post) (Result, error) {
	rd := f.reader()
	// Pass 1: each rate eᵢ/bᵢ = qᵢ + dᵢ·10⁻¹⁹ + ρᵢ with 0 <= ρᵢ < 10⁻¹⁹.
	var sq exact.Sum128
	var sd digits
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
			sq.Add(int64(e / b)) //nolint:gosec // e < 2⁶³
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
		return res, emptyErr(fn, f, len(posts))
	}
	if rate, ok := meanFast(sq, &sd, nz, n); ok {
		res.Rate = rate
		return res, nil
	}
	N := sq.Decimal().BigInt()
	N.Mul(N, bigPow10(19))
	N.Add(N, sd.big())
	if rate, ok := roundMean(N, nz, n, 19); ok {
		res.Rate = rate
		return res, nil
	}
	rate, err := f.meanSlow(fn, posts, n)
	if err != nil {
		return Result{}, err
	}
	res.Rate = rate
	return res, nil
}

// meanFast rounds the mean of n rates whose sum times 10¹⁹ lies in
// [N, N + nz), N = Σq·10¹⁹ + Σd, to 16 places in 128-bit integers: the
// result is round((N+δ) / (n·10³)), 0 <= δ < nz. It returns false when the
// sums exceed 128 bits or when δ could change the result.
func meanFast(sq exact.Sum128, sd *digits, nz uint64, n int) (decimal.Decimal, bool) {
	q, okQ := sq.Int64()
	dh, dl, okD := sd.uint128()
	if !okQ || !okD || uint64(n) >= 1<<52 {
		return decimal.Decimal{}, false
	}
	hi, lo := bits.Mul64(uint64(q), pow19)
	lo, c := bits.Add64(lo, dl, 0)
	hi, c2 := bits.Add64(hi, dh, c)
	lo2, c3 := bits.Add64(lo, nz, 0)
	hi2, c4 := bits.Add64(hi, 0, c3)
	if c2 != 0 || c4 != 0 {
		return decimal.Decimal{}, false
	}
	d := uint64(n) * 1000
	q1, ok1 := roundDiv(hi, lo, d)
	q2, ok2 := roundDiv(hi2, lo2, d)
	if !ok1 || !ok2 || q1 != q2 {
		return decimal.Decimal{}, false
	}
	return decimal.New(int64(q1), -exact.Precision), true //nolint:gosec // q1 < 2⁶³
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

// MaxExactBases bounds the distinct bases (followers, reach… of the posts)
// over which Formula.Rate with MeanOfRates decides exactly a mean that lies
// within 10⁻³⁸ of a rounding midpoint: 10,000, about 20 ms of big-integer
// products. See Formula.Rate.
const MaxExactBases = 10_000

// meanSlow recomputes MeanOfRates when the 19-place pass could not decide
// the rounding: first with 38 places per rate, then exactly over at most
// MaxExactBases distinct bases (ErrTooLarge beyond). posts were validated
// by the fast pass; n posts were used.
func (f Formula) meanSlow(fn string, posts []Post, n int) (decimal.Decimal, error) {
	rd := f.reader()
	var sq exact.Sum128
	var s1, s2 digits
	var nz uint64
	for i := range posts {
		e, b, st := rd.read(&posts[i])
		if st != stOK {
			continue
		}
		r := e
		if e >= b {
			sq.Add(int64(e / b)) //nolint:gosec // e < 2⁶³
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
	N := sq.Decimal().BigInt()
	N.Mul(N, bigPow10(19))
	N.Add(N, s1.big())
	N.Mul(N, bigPow10(19))
	N.Add(N, s2.big())
	if rate, ok := roundMean(N, nz, n, 38); ok {
		return rate, nil
	}
	s, ok := sumExact(rd, posts, MaxExactBases)
	if !ok {
		return decimal.Decimal{}, errs.New(ErrTooLarge, fn, "posts", "mean of rates within 10^-38 of a rounding midpoint "+
			"over more than MaxExactBases ("+strconv.Itoa(MaxExactBases)+") distinct bases", errs.None)
	}
	return ratDecimal(s.num, new(big.Int).Mul(s.den, big.NewInt(int64(n)))), nil
}

// meanExact returns the mean of the rates of the n posts that rd reads,
// exactly: sumExact's P/Q divided by n, rounded half away from zero to
// exact.Precision places.
func meanExact(rd reader, posts []Post, n int) decimal.Decimal {
	s, _ := sumExact(rd, posts, math.MaxInt)
	return ratDecimal(s.num, new(big.Int).Mul(s.den, big.NewInt(int64(n))))
}

// sumExact sums the rates of the posts that rd reads exactly, as one
// fraction P/Q. Posts sharing a base are grouped; the groups E/B are added
// in a product tree, a/b + c/d = (ad + cb)/(bd), without reducing by gcds:
// Q is the product of the distinct bases, and the cost is that of
// multiplying them, O(M(64·D)·log D) for D distinct bases. Reducing each
// sum, as big.Rat does, costs a gcd of ever longer numbers: 13 s for
// 40,001 posts built to fall on a rounding tie (TestMeanTieManyBases). It
// returns false, early, on more than maxBases distinct bases.
func sumExact(rd reader, posts []Post, maxBases int) (bigFrac, bool) {
	groups := map[uint64]int{} // base → index in fr
	var fr []bigFrac
	for i := range posts {
		e, b, st := rd.read(&posts[i])
		if st != stOK {
			continue
		}
		j, ok := groups[b]
		if !ok {
			if len(fr) == maxBases {
				return bigFrac{}, false
			}
			j = len(fr)
			groups[b] = j
			fr = append(fr, bigFrac{new(big.Int), new(big.Int).SetUint64(b)})
		}
		fr[j].num.Add(fr[j].num, new(big.Int).SetUint64(e))
	}
	return sumFracs(fr), true
}

// sumFracs adds fr (not empty) in a product tree, as sumExact says.
func sumFracs(fr []bigFrac) bigFrac {
	for len(fr) > 1 {
		next := fr[:0:0]
		for i := 0; i+1 < len(fr); i += 2 {
			next = append(next, fr[i].add(fr[i+1]))
		}
		if len(fr)%2 == 1 {
			next = append(next, fr[len(fr)-1])
		}
		fr = next
	}
	return fr[0]
}

// bigFrac is num/den, not reduced.
type bigFrac struct{ num, den *big.Int }

// add returns x + y = (x.num·y.den + y.num·x.den) / (x.den·y.den).
func (x bigFrac) add(y bigFrac) bigFrac {
	num := new(big.Int).Mul(x.num, y.den)
	num.Add(num, new(big.Int).Mul(y.num, x.den))
	return bigFrac{num, new(big.Int).Mul(x.den, y.den)}
}

// ratDecimal returns num/den (den > 0) rounded half away from zero to
// exact.Precision places.
func ratDecimal(num, den *big.Int) decimal.Decimal {
	return exact.Div(decimal.NewFromBigInt(num, 0), decimal.NewFromBigInt(den, 0))
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
		return res, emptyErr(fn, f, len(posts))
	}
	res.Rate = medianRate(fr)
	return res, nil
}

// medianRate returns the median of the rates fr (not empty), which it
// reorders, exactly, rounded to 16 places.
func medianRate(fr []frac) decimal.Decimal {
	n := len(fr)
	k := n / 2
	selectFrac(fr, k)
	hi := fr[k]
	if n%2 == 1 {
		return ratDecimal(new(big.Int).SetUint64(hi.e), new(big.Int).SetUint64(hi.b))
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
	return ratDecimal(num, den)
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
