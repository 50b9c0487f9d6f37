package kpi

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
)

// Totals sums the counts of several posts. Followers is the sum of each
// post's Followers (the audience that could see it), the base of a pooled
// rate by followers. A field in Hidden was not reported by at least one post:
// its total covers only the posts that reported it, and the rates below that
// need it return an error wrapping ErrNotReported rather than a biased value
// (Formula.Rate, which skips such posts, is the alternative).
type Totals struct {
	Posts int64 `json:"posts"`

	Followers   int64 `json:"followers"`
	Likes       int64 `json:"likes"`
	Comments    int64 `json:"comments"`
	Shares      int64 `json:"shares"`
	Saves       int64 `json:"saves"`
	Views       int64 `json:"views"`
	Reach       int64 `json:"reach"`
	Impressions int64 `json:"impressions"`
	Clicks      int64 `json:"clicks"`
	Conversions int64 `json:"conversions"`

	Hidden Fields `json:"hidden"`
}

// Sum returns the totals of posts. A negative count wraps ErrNegative, a
// total beyond the int64 range ErrOverflow, a post contradicting its Hidden
// set (see Post) ErrInvalid; each error names the post's index. No posts is
// not an error: the zero Totals.
func Sum(posts []Post) (Totals, error) { return sum("kpi.Sum", posts) }

func sum(fn string, posts []Post) (Totals, error) {
	var t Totals
	for i := range posts {
		if err := t.add(fn, i, &posts[i]); err != nil {
			return Totals{}, err
		}
	}
	return t, nil
}

// add adds p, posts[i], to t. On an error t is left partly updated.
func (t *Totals) add(fn string, i int, p *Post) error {
	if err := checkPost(fn, i, p); err != nil {
		return err
	}
	t.Hidden |= p.Hidden
	fields := [...]struct {
		f   Fields
		v   int64
		dst *int64
	}{
		{FieldFollowers, p.Followers, &t.Followers}, {FieldLikes, p.Likes, &t.Likes},
		{FieldComments, p.Comments, &t.Comments}, {FieldShares, p.Shares, &t.Shares},
		{FieldSaves, p.Saves, &t.Saves}, {FieldViews, p.Views, &t.Views},
		{FieldReach, p.Reach, &t.Reach}, {FieldImpressions, p.Impressions, &t.Impressions},
		{FieldClicks, p.Clicks, &t.Clicks}, {FieldConversions, p.Conversions, &t.Conversions},
	}
	for _, x := range fields {
		if p.Hidden&x.f != 0 {
			continue
		}
		if x.v < 0 {
			return errs.New(ErrNegative, fn, postField(i, fieldTitle(x.f)), "", x.v)
		}
		s, ok := exact.Add(*x.dst, x.v)
		if !ok {
			return errs.New(ErrOverflow, fn, postField(i, fieldTitle(x.f)),
				"overflows int64 added to the total "+strconv.FormatInt(*x.dst, 10), x.v)
		}
		*x.dst = s
	}
	t.Posts++
	return nil
}

// count returns the total of one field, or an error when some post did not
// report it.
func (t Totals) count(fn string, f Fields) (int64, error) {
	if t.Hidden&f != 0 {
		return 0, errs.New(ErrNotReported, fn, fieldTitle(f), "not reported by some posts", errs.None)
	}
	p := Post{Followers: t.Followers, Likes: t.Likes, Comments: t.Comments, Shares: t.Shares,
		Saves: t.Saves, Views: t.Views, Reach: t.Reach, Impressions: t.Impressions,
		Clicks: t.Clicks, Conversions: t.Conversions}
	v, _ := p.Count(f)
	return v, nil
}

func (t Totals) ratio(fn string, num, den Fields) (decimal.Decimal, error) {
	n, err := t.count(fn, num)
	if err != nil {
		return decimal.Decimal{}, err
	}
	d, err := t.count(fn, den)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return ratio(fn, fieldTitle(num), fieldTitle(den), n, d)
}

// Engagements returns the total of the interactions i; as in a Formula, 0
// means DefaultInteractions (likes + comments). Overflow wraps ErrOverflow;
// an interaction some post did not report ErrNotReported; an unknown bit in
// i ErrInvalid.
func (t Totals) Engagements(i Interaction) (int64, error) {
	return t.engagements("kpi.Totals.Engagements", i)
}

func (t Totals) engagements(fn string, i Interaction) (int64, error) {
	if err := (Formula{Interactions: i}).validate(fn); err != nil {
		return 0, err
	}
	i = Formula{Interactions: i}.interactions()
	var s int64
	for _, f := range []Fields{FieldLikes, FieldComments, FieldShares, FieldSaves} {
		if Fields(i)&f == 0 {
			continue
		}
		v, err := t.count(fn, f)
		if err != nil {
			return 0, err
		}
		var ok bool
		if s, ok = exact.Add(s, v); !ok {
			return 0, errs.New(ErrOverflow, fn, "i", "total engagements overflow int64", i)
		}
	}
	return s, nil
}

// EngagementRate returns the pooled engagement rate Σ engagements / Σ base of
// the interactions i over base b: the campaign-level rate, never an average
// of averages, as Formula{i, b, PooledRate}.Rate gives (i = 0 means
// DefaultInteractions). Errors as EngagementRate, plus ErrNotReported when a
// needed field is in Hidden and ErrInvalid for an unknown i or b.
func (t Totals) EngagementRate(i Interaction, b Base) (decimal.Decimal, error) {
	const fn = "kpi.Totals.EngagementRate"
	if err := (Formula{i, b, PooledRate}).validate(fn); err != nil {
		return decimal.Decimal{}, err
	}
	e, err := t.engagements(fn, i)
	if err != nil {
		return decimal.Decimal{}, err
	}
	d, err := t.count(fn, b.Field())
	if err != nil {
		return decimal.Decimal{}, err
	}
	return ratio(fn, "engagements", fieldTitle(b.Field()), e, d)
}

// ReachRate returns the pooled Σ reach / Σ followers as a fraction, 16
// places, half away from zero (see ReachRate). A count some post did not
// report wraps ErrNotReported.
func (t Totals) ReachRate() (decimal.Decimal, error) {
	return t.ratio("kpi.Totals.ReachRate", FieldReach, FieldFollowers)
}

// CTR returns the pooled Σ clicks / Σ impressions as a fraction, 16 places,
// half away from zero (see CTR). A count some post did not report wraps
// ErrNotReported.
func (t Totals) CTR() (decimal.Decimal, error) {
	return t.ratio("kpi.Totals.CTR", FieldClicks, FieldImpressions)
}

// ConversionRate returns the pooled Σ conversions / Σ clicks as a fraction,
// 16 places, half away from zero (see ConversionRate). A count some post
// did not report wraps ErrNotReported.
func (t Totals) ConversionRate() (decimal.Decimal, error) {
	return t.ratio("kpi.Totals.ConversionRate", FieldConversions, FieldClicks)
}

// CreatorTotals is the Totals of one creator's posts.
type CreatorTotals struct {
	Creator string `json:"creator"`
	Totals
}

// ByCreator returns the totals of each creator's posts, sorted by Creator.
// Errors as Sum over all the posts (so an error names the post's index in
// posts).
func ByCreator(posts []Post) ([]CreatorTotals, error) {
	const fn = "kpi.ByCreator"
	if _, err := sum(fn, posts); err != nil {
		return nil, err
	}
	groups := map[string][]Post{}
	for _, p := range posts {
		groups[p.Creator] = append(groups[p.Creator], p)
	}
	out := make([]CreatorTotals, 0, len(groups))
	for c, ps := range groups {
		t, _ := sum(fn, ps) // cannot fail: the whole sum did not
		out = append(out, CreatorTotals{c, t})
	}
	slices.SortFunc(out, func(a, b CreatorTotals) int { return cmp.Compare(a.Creator, b.Creator) })
	return out, nil
}
