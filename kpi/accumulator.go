package kpi

import (
	"math/big"
	"math/bits"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
)

// Accumulator computes from posts given one at a time (a ScanPosts loop,
// a database cursor) what Sum, Formula.Measure and Weekly compute from a
// slice, with the same figures, without holding the posts:
//
//	acc, err := kpi.NewAccumulator(kpi.Formula{}, time.UTC)
//	for p, err := range kpi.ScanPosts(r, kpi.DefaultPostColumns()) {
//		if err != nil {
//			return err
//		}
//		if err := acc.Add(p); err != nil {
//			return err
//		}
//	}
//	totals := acc.Totals()
//	rate, err := acc.Measure()
//	weeks, err := acc.Weekly()
//
// Memory, whatever the number of posts:
//   - totals and PooledRate: a few 128-bit sums, exact as in the slice
//     functions;
//   - MeanOfRates: each rate's first 38 decimal places summed in 128-bit
//     integers, exactly as Formula.Rate's two passes do in one, plus, for
//     the exact decision of a mean within 10⁻³⁸ of a rounding midpoint,
//     the sum of engagements by distinct base for up to MaxExactBases
//     bases (about 0.5 MB): beyond them that rare case is ErrTooLarge, as
//     in Formula.Rate;
//   - Weekly: one totals-and-rate state per week that has posts, at most
//     MaxWeeks of them. A week's MeanOfRates keeps no engagements by
//     base: a week's mean within 10⁻³⁸ of a rounding midpoint (constructed
//     inputs only; random data about once in 10²² weeks) is ErrTooLarge
//     from Weekly, where the slice Weekly decides it exactly.
//
// MedianRate needs every rate: the exact median of n numbers cannot be
// found in one pass with less than memory linear in n (Munro and
// Paterson, 1980), and a quantile sketch would give an approximate rate,
// which the library's exact-rate rule forbids. So with MedianRate the
// Accumulator keeps each used post's engagements and base, 16 bytes a post
// (twice with Weekly: once overall, once in its week), a tenth of a Post.
//
// The zero Accumulator is ready to use with the zero Formula (likes +
// comments by followers, pooled) and weeks in UTC. An Accumulator is not
// safe for concurrent use.
type Accumulator struct {
	f           Formula
	loc         *time.Location
	ready       bool
	n           int // posts added
	totals      Totals
	rate        rateAcc
	weeks       map[weekKey]*weekAcc
	first, last time.Time
	tooLong     bool // more than MaxWeeks weeks: weeks dropped

	lastWeek         *weekAcc // the week of the last post, for posts in time order
	lastFrom, lastTo time.Time
}

// weekKey is an ISO 8601 week.
type weekKey struct{ y, w int }

// weekAcc is the state of one week.
type weekAcc struct {
	totals Totals
	rate   rateAcc
}

// NewAccumulator returns an empty Accumulator computing rates under f and
// weeks in loc. An invalid formula or a nil loc is an error wrapping
// ErrInvalid.
func NewAccumulator(f Formula, loc *time.Location) (*Accumulator, error) {
	const fn = "kpi.NewAccumulator"
	if err := f.validate(fn); err != nil {
		return nil, err
	}
	if loc == nil {
		return nil, errs.New(ErrInvalid, fn, "loc", "nil", errs.None)
	}
	a := &Accumulator{f: f, loc: loc}
	a.init()
	return a, nil
}

func (a *Accumulator) init() {
	if a.ready {
		return
	}
	if a.loc == nil {
		a.loc = time.UTC
	}
	a.rate = newRateAcc(a.f, true)
	a.ready = true
}

// Add adds p to the totals, the rate and its week. It refuses p, adding
// nothing of it, with the error Sum would return for it (a post
// contradicting its Hidden set, ErrInvalid; a negative count, ErrNegative;
// a total beyond int64, ErrOverflow), naming it posts[i] for the i-th post
// added (from 0). A post that only makes the rate undefined (engagements
// beyond int64; a base of 0 under MeanOfRates or MedianRate) is added: the
// error is Measure's and Weekly's, as for Formula.Measure and Weekly over
// the same posts. A nil Accumulator is ErrInvalid.
func (a *Accumulator) Add(p Post) error {
	const fn = "kpi.Accumulator.Add"
	if a == nil {
		return errs.New(ErrInvalid, fn, "Accumulator", "nil", errs.None)
	}
	a.init()
	t := a.totals
	if err := t.add(fn, a.n, &p); err != nil {
		return err
	}
	a.totals = t
	a.rate.add(a.n, &p)
	a.addWeek(&p)
	a.n++
	return nil
}

// addWeek adds p to its week, unless the posts span more than MaxWeeks.
func (a *Accumulator) addWeek(p *Post) {
	t := p.PublishedAt
	if a.n == 0 {
		a.first, a.last = t, t
	}
	if t.Before(a.first) || t.After(a.last) {
		a.first, a.last = minTime(a.first, t), maxTime(a.last, t)
		start, end := weekStart(a.first, a.loc), weekStart(a.last, a.loc)
		if end.Sub(start)/(7*24*time.Hour) >= MaxWeeks {
			a.tooLong, a.weeks, a.lastWeek = true, nil, nil
		}
	}
	if a.tooLong {
		return
	}
	wk := a.lastWeek
	if wk == nil || t.Before(a.lastFrom) || !t.Before(a.lastTo) {
		wk = a.week(t)
	}
	_ = wk.totals.add("", a.n, p) // within the overall totals: cannot fail
	wk.rate.add(a.n, p)
}

// week returns the state of t's week, made if new, and remembers it with
// its bounds [Monday 00:00, next Monday 00:00) in loc: posts in time order
// find their week without ISOWeek and the map.
func (a *Accumulator) week(t time.Time) *weekAcc {
	y, w := t.In(a.loc).ISOWeek()
	wk := a.weeks[weekKey{y, w}]
	if wk == nil {
		if a.weeks == nil {
			a.weeks = map[weekKey]*weekAcc{}
		}
		wk = &weekAcc{rate: newRateAcc(a.f, false)}
		a.weeks[weekKey{y, w}] = wk
	}
	from := weekStart(t, a.loc)
	fy, fm, fd := from.Date()
	to := time.Date(fy, fm, fd+7, 0, 0, 0, 0, a.loc)
	if y2, w2 := from.ISOWeek(); y2 == y && w2 == w && !t.Before(from) && t.Before(to) {
		a.lastWeek, a.lastFrom, a.lastTo = wk, from, to
	} else {
		a.lastWeek = nil // times beyond the calendar's reach: no shortcut
	}
	return wk
}

func minTime(x, y time.Time) time.Time {
	if y.Before(x) {
		return y
	}
	return x
}

func maxTime(x, y time.Time) time.Time {
	if y.After(x) {
		return y
	}
	return x
}

// Totals returns the totals of the posts added: Sum over them. A nil
// Accumulator has the zero Totals.
func (a *Accumulator) Totals() Totals {
	if a == nil {
		return Totals{}
	}
	return a.totals
}

// Measure returns the rate of the posts added under the formula, with the
// posts used and skipped: Formula.Measure over them, the same figure and
// the same errors (ErrEmpty when no post was added or all were skipped).
// It may be called at any time, and again after more posts. A nil
// Accumulator is ErrInvalid.
func (a *Accumulator) Measure() (Result, error) {
	const fn = "kpi.Accumulator.Measure"
	if a == nil {
		return Result{}, errs.New(ErrInvalid, fn, "Accumulator", "nil", errs.None)
	}
	a.init()
	return a.rate.result(fn, a.f)
}

// Weekly returns the weekly series of the posts added: Weekly over them
// in the Accumulator's location, the same weeks, figures and errors, but
// for a week's MeanOfRates within 10⁻³⁸ of a rounding midpoint
// (ErrTooLarge, see Accumulator). No post added is ErrEmpty; a nil
// Accumulator ErrInvalid.
func (a *Accumulator) Weekly() ([]Week, error) {
	const fn = "kpi.Accumulator.Weekly"
	if a == nil {
		return nil, errs.New(ErrInvalid, fn, "Accumulator", "nil", errs.None)
	}
	a.init()
	if a.n == 0 {
		return nil, errs.New(ErrEmpty, fn, "posts", "no posts", errs.None)
	}
	if _, err := a.rate.result(fn, a.f); err != nil && !undefinedRate(a.f, err) {
		return nil, err
	}
	if a.tooLong {
		return nil, errs.New(ErrTooLarge, fn, "posts", "more than MaxWeeks ("+strconv.Itoa(MaxWeeks)+
			") weeks from the first post, "+a.first.Format(time.RFC3339)+", to the last", a.last.Format(time.RFC3339))
	}
	var weeks []Week
	end := weekStart(a.last, a.loc)
	// Step from noon to noon so that a DST change never skips a day.
	for noon := weekStart(a.first, a.loc).Add(12 * time.Hour); !weekStart(noon, a.loc).After(end); noon = noon.AddDate(0, 0, 7) {
		y, w := noon.ISOWeek()
		wk := Week{Year: y, Week: w, Start: weekStart(noon, a.loc)}
		if acc := a.weeks[weekKey{y, w}]; acc != nil {
			wk.Totals = acc.totals
			r, err := acc.rate.result(fn, a.f)
			switch {
			case err == nil:
				wk.Rate, wk.Rated = r.Rate, true
			case !undefinedRate(a.f, err):
				return nil, err
			}
		}
		if i := len(weeks); i > 0 && wk.Rated && weeks[i-1].Rated {
			prev := weeks[i-1].Rate
			wk.Change, wk.HasChange = wk.Rate.Sub(prev), true
			if !prev.IsZero() {
				wk.Growth = exact.Div(wk.Change, prev)
			}
		}
		weeks = append(weeks, wk)
	}
	return weeks, nil
}

// rateAcc is the state of one rate under a formula.
type rateAcc struct {
	rd       reader
	avg      Average
	n, total int // posts used, posts seen

	se, sb exact.Sum128 // PooledRate: Σ engagements, Σ base

	// MeanOfRates: each rate e/b = q + d₁·10⁻¹⁹ + d₂·10⁻³⁸ + ρ, 0 <= ρ < 10⁻³⁸.
	sq       exact.Sum128
	s1, s2   digits
	nz1, nz2 uint64                  // rates with a remainder after 19 and after 38 places
	keep     bool                    // keep Σ engagements by base for the exact decision
	groups   map[uint64]exact.Sum128 // base → Σ engagements; nil once beyond MaxExactBases
	tooMany  bool

	fr []frac // MedianRate: every rate

	bad    *Post // the first post that makes the rate an error, with its index and status
	badIdx int
	badSt  int
}

// stZeroBase is a read status: base 0 under MeanOfRates or MedianRate.
const stZeroBase = stConflict + 1

func newRateAcc(f Formula, keep bool) rateAcc {
	return rateAcc{rd: f.reader(), avg: f.Average, keep: keep}
}

// add adds p, the i-th post.
func (ra *rateAcc) add(i int, p *Post) {
	ra.total++
	if ra.bad != nil {
		return // the result is that post's error
	}
	e, b, st := ra.rd.read(p)
	if st == stSkip {
		return
	}
	if st == stOK && b == 0 && ra.avg != PooledRate {
		st = stZeroBase
	}
	if st != stOK {
		c := *p
		ra.bad, ra.badIdx, ra.badSt = &c, i, st
		return
	}
	ra.n++
	switch ra.avg {
	case PooledRate:
		ra.se.Add(int64(e)) //nolint:gosec // read keeps e below 2⁶³
		ra.sb.Add(int64(b)) //nolint:gosec // read keeps b below 2⁶³
	case MeanOfRates:
		ra.addMean(e, b)
	default:
		ra.fr = append(ra.fr, frac{e, b})
	}
}

// addMean adds the rate e/b (b > 0) to the mean's sums, as Formula.Rate's
// first and second passes do.
func (ra *rateAcc) addMean(e, b uint64) {
	r := e
	if e >= b {
		ra.sq.Add(int64(e / b)) //nolint:gosec // e < 2⁶³
		r = e % b
	}
	hi, lo := bits.Mul64(r, pow19)
	d1, rem := bits.Div64(hi, lo, b)
	ra.s1.add(d1)
	if rem != 0 {
		ra.nz1++
		hi, lo = bits.Mul64(rem, pow19)
		d2, rem2 := bits.Div64(hi, lo, b)
		ra.s2.add(d2)
		if rem2 != 0 {
			ra.nz2++
		}
	}
	if !ra.keep || ra.tooMany {
		return
	}
	if ra.groups == nil {
		ra.groups = map[uint64]exact.Sum128{}
	}
	s, ok := ra.groups[b]
	if !ok && len(ra.groups) == MaxExactBases {
		ra.groups, ra.tooMany = nil, true
		return
	}
	s.Add(int64(e)) //nolint:gosec // e < 2⁶³
	ra.groups[b] = s
}

// result is Formula.Measure's answer for the posts added.
func (ra *rateAcc) result(fn string, f Formula) (Result, error) {
	if ra.bad != nil {
		if ra.badSt == stZeroBase {
			return Result{}, zeroBaseErr(fn, f, ra.badIdx)
		}
		return Result{}, ra.rd.badPost(fn, ra.badIdx, ra.bad, ra.badSt)
	}
	res := Result{Posts: ra.n, Skipped: ra.total - ra.n}
	if ra.n == 0 {
		return res, emptyErr(fn, f, ra.total)
	}
	var err error
	switch ra.avg {
	case PooledRate:
		res.Rate, err = pooledRate(fn, f, &ra.se, &ra.sb)
	case MeanOfRates:
		if res.Rate, err = ra.mean(fn); err != nil {
			return Result{}, err
		}
	default:
		res.Rate = medianRate(ra.fr) // reorders fr, which holds the same rates
	}
	return res, err
}

// mean decides the mean of rates: at 19 places, at 38, then exactly.
func (ra *rateAcc) mean(fn string) (decimal.Decimal, error) {
	if rate, ok := meanFast(ra.sq, &ra.s1, ra.nz1, ra.n); ok {
		return rate, nil
	}
	N := ra.sq.Decimal().BigInt()
	N.Mul(N, bigPow10(19))
	N.Add(N, ra.s1.big())
	if rate, ok := roundMean(N, ra.nz1, ra.n, 19); ok {
		return rate, nil
	}
	N.Mul(N, bigPow10(19))
	N.Add(N, ra.s2.big())
	if rate, ok := roundMean(N, ra.nz2, ra.n, 38); ok {
		return rate, nil
	}
	if !ra.keep {
		return decimal.Decimal{}, errs.New(ErrTooLarge, fn, "posts", "a week's mean of rates within 10^-38 of a rounding midpoint "+
			"(the Accumulator keeps no engagements by base per week: use Weekly on the posts)", errs.None)
	}
	if ra.tooMany {
		return decimal.Decimal{}, errs.New(ErrTooLarge, fn, "posts", "mean of rates within 10^-38 of a rounding midpoint "+
			"over more than MaxExactBases ("+strconv.Itoa(MaxExactBases)+") distinct bases", errs.None)
	}
	fr := make([]bigFrac, 0, len(ra.groups))
	for b, s := range ra.groups {
		fr = append(fr, bigFrac{s.Decimal().BigInt(), new(big.Int).SetUint64(b)})
	}
	s := sumFracs(fr)
	return ratDecimal(s.num, new(big.Int).Mul(s.den, big.NewInt(int64(ra.n)))), nil
}
