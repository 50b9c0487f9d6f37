package kpi

import (
	"cmp"
	"errors"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/stat"
)

// Activity describes how one creator posts over a window [From, To): how
// often, how regularly, how recently, how much of it sponsored, and how
// steady their engagement is and which way it goes. The guides this
// library follows say regular posting builds the bond with followers and
// over-posting tires them: PostsPerWeek and Regularity measure both sides.
//
// Every rate is a decimal fraction, exact up to one rounding, half away
// from zero, to 16 places. A value that cannot be computed is null
// (decimal.NullDecimal with Valid false, JSON null), never zero.
type Activity struct {
	From  time.Time `json:"from"`
	To    time.Time `json:"to"`
	Posts int       `json:"posts"` // posts published in [From, To)

	// PostsPerWeek is Posts / ((To − From) / 7 days).
	PostsPerWeek decimal.Decimal `json:"posts_per_week"`
	// Regularity is the coefficient of variation (population standard
	// deviation / mean) of the gaps between consecutive posts: 0 for a
	// post every N days exactly, higher the burstier. Null with fewer than
	// three posts (two gaps) or when every post has the same time.
	Regularity decimal.NullDecimal `json:"regularity"`
	// DaysSinceLast is (To − the last post's time) / 24 h; null with no
	// posts.
	DaysSinceLast decimal.NullDecimal `json:"days_since_last"`
	// SponsoredShare is the share of posts that ActivityOptions.Sponsored
	// calls sponsored (disclosed); null without that function or with no
	// posts.
	SponsoredShare decimal.NullDecimal `json:"sponsored_share"`

	// Rated counts the posts with an engagement rate by the options'
	// Formula; Unrated those without one: a count the formula needs was
	// not reported, or the base (followers, reach…) is 0. Unrated posts
	// are left out of RateCV and Trend, never read as a rate of 0.
	Rated   int `json:"rated"`
	Unrated int `json:"unrated"`
	// RateCV is the coefficient of variation of the per-post engagement
	// rates: how consistent the engagement is. Null with fewer than two
	// rated posts or a mean rate of 0.
	RateCV decimal.NullDecimal `json:"rate_cv"`
	// Trend is the least-squares slope of the per-post rate against the
	// post's time in weeks since From: the change of the rate per week
	// (0.001 is +0.1 percentage point a week). TrendSE is its standard
	// error, sqrt(SSR / (n − 2) / Sxx). Trend is null with fewer than two
	// rated posts or all at one time; TrendSE with fewer than three.
	Trend   decimal.NullDecimal `json:"trend"`
	TrendSE decimal.NullDecimal `json:"trend_se"`
}

// ActivityOptions configures MeasureActivity and MeasureContent. The zero
// value is usable.
type ActivityOptions struct {
	// Formula makes each post's engagement rate; the zero Formula is the
	// default (likes + comments by followers).
	Formula Formula
	// Sponsored reports whether a post is sponsored and disclosed, for
	// example a collab.Checker's Discloses applied to Post.Caption. Nil
	// leaves Activity.SponsoredShare null.
	Sponsored func(Post) bool
}

const week = 7 * 24 * time.Hour

// MaxActivityWindow is the longest window [from, to) that MeasureActivity
// and MeasureContent measure: 200 years of 365.25 days (ErrTooLarge
// beyond). Every time difference inside such a window fits a
// time.Duration (at most about 292 years), so rates, gaps and days since
// the last post are exact, never a saturated duration.
const MaxActivityWindow = 2 * 36525 * 24 * time.Hour

// MeasureActivity measures one creator's posts published in [from, to);
// posts outside the window are ignored. Posts need not be sorted.
//
// Errors: a zero from (ErrInvalid: posts a week over two thousand years
// would read as none); to not after from (ErrNonPositive, field "to"); a
// window longer than MaxActivityWindow (ErrTooLarge, field "to"); a negative
// followers, likes, comments, shares or saves count (ErrNegative); posts of more
// than one creator (ErrInvalid, field "posts[i].Creator": mixing creators
// would blend their rhythms); an invalid Formula; a post whose Hidden
// contradicts its counts (ErrInvalid, naming the field).
func MeasureActivity(posts []Post, from, to time.Time, opt ActivityOptions) (Activity, error) {
	const fn = "kpi.MeasureActivity"
	in, rates, err := windowRates(fn, posts, from, to, opt.Formula)
	if err != nil {
		return Activity{}, err
	}
	a := Activity{From: from, To: to, Posts: len(in),
		PostsPerWeek: exact.Div(decimal.NewFromInt(int64(len(in))).Mul(decimal.NewFromInt(int64(week))), decimal.NewFromInt(int64(to.Sub(from))))}
	if len(in) > 0 {
		last := in[len(in)-1].PublishedAt
		a.DaysSinceLast = decimal.NewNullDecimal(exact.Duration(to.Sub(last), 24*time.Hour))
	}
	if len(in) >= 3 {
		gaps := make([]decimal.Decimal, len(in)-1)
		for i := range gaps {
			gaps[i] = decimal.NewFromInt(int64(in[i+1].PublishedAt.Sub(in[i].PublishedAt)))
		}
		a.Regularity = nullable(stat.CV(gaps))
	}
	if opt.Sponsored != nil && len(in) > 0 {
		n := 0
		for _, p := range in {
			if opt.Sponsored(p) {
				n++
			}
		}
		a.SponsoredShare = decimal.NewNullDecimal(exact.Ratio(int64(n), int64(len(in))))
	}
	a.rates(in, rates, from)
	return a, nil
}

func (a *Activity) rates(in []Post, rates []decimal.NullDecimal, from time.Time) {
	var xs, ys []decimal.Decimal
	for i, r := range rates {
		if !r.Valid {
			a.Unrated++
			continue
		}
		a.Rated++
		// nanoseconds since from; the slope is scaled to weeks in stat.Line
		xs = append(xs, decimal.NewFromInt(int64(in[i].PublishedAt.Sub(from))))
		ys = append(ys, r.Decimal)
	}
	a.RateCV = nullable(stat.CV(ys))
	if f, ok := stat.Line(xs, ys, decimal.NewFromInt(int64(week))); ok {
		a.Trend = decimal.NewNullDecimal(f.Slope)
		if f.HasSE {
			a.TrendSE = decimal.NewNullDecimal(f.SE)
		}
	}
}

func nullable(d decimal.Decimal, ok bool) decimal.NullDecimal {
	return decimal.NullDecimal{Decimal: d, Valid: ok}
}

// windowRates checks the window and the posts, and returns the posts in
// [from, to) sorted by time (ties by ID) with each one's rate (null when
// unrated).
func windowRates(fn string, posts []Post, from, to time.Time, f Formula) ([]Post, []decimal.NullDecimal, error) {
	if from.IsZero() {
		return nil, nil, errs.New(ErrInvalid, fn, "from", "zero time: the window would start in year 1", errs.None)
	}
	if !to.After(from) {
		return nil, nil, errs.New(ErrNonPositive, fn, "to", "not after from "+from.Format(time.RFC3339), to.Format(time.RFC3339))
	}
	if to.Sub(from) > MaxActivityWindow {
		return nil, nil, errs.New(ErrTooLarge, fn, "to", "more than 200 years after from "+from.Format(time.RFC3339), to.Format(time.RFC3339))
	}
	if err := f.validate(fn); err != nil {
		return nil, nil, err
	}
	if err := checkPosts(fn, posts); err != nil {
		return nil, nil, err
	}
	for i := range posts {
		for _, c := range [...]Fields{FieldFollowers, FieldLikes, FieldComments, FieldShares, FieldSaves} {
			if v, _ := posts[i].Count(c); v < 0 {
				return nil, nil, errs.New(ErrNegative, fn, postField(i, fieldTitle(c)), "", v)
			}
		}
		if posts[i].Creator != posts[0].Creator {
			return nil, nil, errs.New(ErrInvalid, fn, postField(i, "Creator"),
				"a second creator (posts[0] is "+errs.Quote(posts[0].Creator)+")", posts[i].Creator)
		}
	}
	in, err := between(fn, posts, from, to)
	if err != nil {
		return nil, nil, err
	}
	slices.SortStableFunc(in, func(a, b Post) int {
		return cmp.Or(a.PublishedAt.Compare(b.PublishedAt), cmp.Compare(a.ID, b.ID))
	})
	rates := make([]decimal.NullDecimal, len(in))
	for i := range in {
		r, err := f.measure(fn, in[i:i+1])
		switch {
		case err == nil:
			rates[i] = decimal.NewNullDecimal(r.Rate)
		case errors.Is(err, ErrEmpty), errors.Is(err, ErrNonPositive):
			// a needed count not reported, or a zero base: unrated
		default:
			return nil, nil, err
		}
	}
	return in, rates, nil
}

// ContentPerformance is the measurable side of content quality over a
// window: each post's engagement against the creator's own median, so a
// creator's best and weakest content stand out whatever their size, and
// the share of saves and shares in engagements (content people keep and
// pass on).
type ContentPerformance struct {
	// Median is the median per-post rate over the rated posts; null with
	// none.
	Median decimal.NullDecimal `json:"median"`
	// Posts are the window's posts in time order (ties by ID).
	Posts []PostPerformance `json:"posts"`
	// Best and Weakest are the IDs of the posts with the highest and the
	// lowest Index (ties: the earlier post); empty when no post has one.
	Best    string `json:"best"`
	Weakest string `json:"weakest"`
	// KeepShare is Σ(saves + shares) / Σ(likes + comments + shares +
	// saves) over the posts that reported all four counts; null when none
	// did or their sum is 0.
	KeepShare decimal.NullDecimal `json:"keep_share"`
}

// PostPerformance is one post's content performance.
type PostPerformance struct {
	ID   string              `json:"id"`
	Rate decimal.NullDecimal `json:"rate"` // by the Formula; null when unrated
	// Index is Rate / Median: 1 is the creator's typical post, 2 twice
	// that. Null when the post is unrated or the median is 0.
	Index decimal.NullDecimal `json:"index"`
	// KeepShare is (saves + shares) / (likes + comments + shares + saves);
	// null when any of the four was not reported or they sum to 0.
	KeepShare decimal.NullDecimal `json:"keep_share"`
}

// MeasureContent measures content performance of one creator's posts
// published in [from, to), with each post's rate by f (the zero Formula
// is the default). Errors are MeasureActivity's.
func MeasureContent(posts []Post, from, to time.Time, f Formula) (ContentPerformance, error) {
	const fn = "kpi.MeasureContent"
	in, rates, err := windowRates(fn, posts, from, to, f)
	if err != nil {
		return ContentPerformance{}, err
	}
	var cp ContentPerformance
	var rated []Post
	for i, r := range rates {
		if r.Valid {
			rated = append(rated, in[i])
		}
	}
	if len(rated) > 0 {
		// the exact median of the per-post fractions, rounded once
		f.Average = MedianRate
		m, err := f.measure(fn, rated)
		if err != nil {
			return ContentPerformance{}, err
		}
		cp.Median = decimal.NewNullDecimal(m.Rate)
	}
	cp.Posts = make([]PostPerformance, len(in))
	var keep, all exact.Sum128
	for i := range in {
		pp := PostPerformance{ID: in[i].ID, Rate: rates[i]}
		if rates[i].Valid && cp.Median.Valid && cp.Median.Decimal.Sign() != 0 {
			pp.Index = decimal.NewNullDecimal(exact.Div(rates[i].Decimal, cp.Median.Decimal))
		}
		if k, n, ok := keepCounts(&in[i]); ok {
			keep.Add(k)
			all.Add(n)
			if n > 0 {
				pp.KeepShare = decimal.NewNullDecimal(exact.Ratio(k, n))
			}
		}
		cp.Posts[i] = pp
	}
	if a := all.Decimal(); a.Sign() > 0 {
		cp.KeepShare = decimal.NewNullDecimal(exact.Div(keep.Decimal(), a))
	}
	cp.Best, cp.Weakest = extremes(cp.Posts)
	return cp, nil
}

// keepCounts returns saves + shares and likes + comments + shares + saves
// of p, and false when any of the four is not reported (or the sum
// overflows).
func keepCounts(p *Post) (keep, all int64, ok bool) {
	if p.Hidden&(FieldLikes|FieldComments|FieldShares|FieldSaves) != 0 {
		return 0, 0, false
	}
	keep, ok1 := exact.Add(p.Saves, p.Shares)
	lc, ok2 := exact.Add(p.Likes, p.Comments)
	all, ok3 := exact.Add(keep, lc)
	return keep, all, ok1 && ok2 && ok3
}

func extremes(ps []PostPerformance) (best, weakest string) {
	var hi, lo *PostPerformance
	for i := range ps {
		p := &ps[i]
		if !p.Index.Valid {
			continue
		}
		if hi == nil || p.Index.Decimal.GreaterThan(hi.Index.Decimal) {
			hi = p
		}
		if lo == nil || p.Index.Decimal.LessThan(lo.Index.Decimal) {
			lo = p
		}
	}
	if hi == nil {
		return "", ""
	}
	return hi.ID, lo.ID
}
