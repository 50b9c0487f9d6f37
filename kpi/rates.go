package kpi

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
)

// EngagementRate returns engagements / base as a fraction (0.0345 is 3.45 %),
// rounded half away from zero to exact.Precision (16) decimal places.
//
// It is the per-post engagement rate of the industry: for example 1,000 likes
// and comments on an account of 100,000 followers is 0.01, the 1 % of
// Ampfluence's glossary ("Engagement Ratio", academy.ampfluence.com). base
// <= 0 is an error wrapping ErrNonPositive; a negative engagements count one
// wrapping ErrNegative.
func EngagementRate(engagements, base int64) (decimal.Decimal, error) {
	return ratio("kpi.EngagementRate", "engagements", "base", engagements, base)
}

// GrowthRate returns (end - start) / start as a fraction, rounded half away
// from zero to 16 places: the follower growth rate over a period, with start
// the count at its beginning and end the count at its end. A loss is
// negative. start <= 0 is an error wrapping ErrNonPositive, a negative end one
// wrapping ErrNegative.
//
// For example 12,400 followers growing to 13,150 is 750 / 12,400 =
// 0.0604838709677419 (6.05 %).
func GrowthRate(start, end int64) (decimal.Decimal, error) {
	const fn = "kpi.GrowthRate"
	if start <= 0 {
		return decimal.Decimal{}, errs.New(ErrNonPositive, fn, "start", "", start)
	}
	if end < 0 {
		return decimal.Decimal{}, errs.New(ErrNegative, fn, "end", "", end)
	}
	return exact.Ratio(end-start, start), nil // cannot overflow: start > 0, end >= 0
}

// ReachRate returns reach / followers as a fraction: the share of an
// account's followers that a post reached (it may exceed 1 when a post
// reaches non-followers), rounded half away from zero to 16 places. It is
// the reach rate of social-media glossaries, for example The Social Cat's
// "Reach Rate" (thesocialcat.com/glossary/reach-rate: 2,500 unique accounts
// reached with 10,000 followers is 25 %). Errors as EngagementRate: followers
// <= 0 wraps ErrNonPositive, a negative reach ErrNegative.
func ReachRate(reach, followers int64) (decimal.Decimal, error) {
	return ratio("kpi.ReachRate", "reach", "followers", reach, followers)
}

// CTR returns the click-through rate clicks / impressions as a fraction,
// rounded half away from zero to 16 places: the definition of Google Ads
// and the IAB. Errors as EngagementRate: impressions <= 0 wraps
// ErrNonPositive, negative clicks ErrNegative.
func CTR(clicks, impressions int64) (decimal.Decimal, error) {
	return ratio("kpi.CTR", "clicks", "impressions", clicks, impressions)
}

// ConversionRate returns conversions / clicks as a fraction: the share of
// link clicks that ended in a purchase, sign-up or other counted action,
// rounded half away from zero to 16 places. It is Google Ads' definition
// (Google Ads Help, "Conversion rate: Definition": 50 conversions from
// 1,000 clicks is 5 %); like Google's, it may exceed 1 when one click leads
// to several conversions. Errors as EngagementRate: clicks <= 0 wraps
// ErrNonPositive, negative conversions ErrNegative.
func ConversionRate(conversions, clicks int64) (decimal.Decimal, error) {
	return ratio("kpi.ConversionRate", "conversions", "clicks", conversions, clicks)
}

func ratio(fn, numName, denName string, num, den int64) (decimal.Decimal, error) {
	if den <= 0 {
		return decimal.Decimal{}, errs.New(ErrNonPositive, fn, denName, "", den)
	}
	if num < 0 {
		return decimal.Decimal{}, errs.New(ErrNegative, fn, numName, "", num)
	}
	return exact.Ratio(num, den), nil
}

// FollowerGrowth returns the follower growth of one creator over [from, to):
// GrowthRate(first, last), where first and last are the Followers of the
// earliest and the latest post published in the window (posts whose
// followers are hidden are skipped; among posts published at the same
// instant the first in input order is the earliest and the last the
// latest). Errors name the post's index in posts: posts in the window by
// more than one creator, or a post contradicting its Hidden set (see Post),
// wrap ErrInvalid; no post in the window reporting followers wraps
// ErrEmpty; to before from wraps ErrInvalid; otherwise errors as
// GrowthRate.
func FollowerGrowth(posts []Post, from, to time.Time) (decimal.Decimal, error) {
	const fn = "kpi.FollowerGrowth"
	if err := checkWindow(fn, from, to); err != nil {
		return decimal.Decimal{}, err
	}
	if err := checkPosts(fn, posts); err != nil {
		return decimal.Decimal{}, err
	}
	first, last, err := growthEnds(fn, posts, from, to)
	if err != nil {
		return decimal.Decimal{}, err
	}
	if posts[first].Followers <= 0 {
		return decimal.Decimal{}, errs.New(ErrNonPositive, fn, postField(first, "Followers"), "", posts[first].Followers)
	}
	if posts[last].Followers < 0 {
		return decimal.Decimal{}, errs.New(ErrNegative, fn, postField(last, "Followers"), "", posts[last].Followers)
	}
	return exact.Ratio(posts[last].Followers-posts[first].Followers, posts[first].Followers), nil
}

// growthEnds returns the indexes in posts of the earliest and the latest
// post in [from, to) that report followers.
func growthEnds(fn string, posts []Post, from, to time.Time) (first, last int, err error) {
	first, last, creator := -1, -1, -1
	for i := range posts {
		p := &posts[i]
		if p.PublishedAt.Before(from) || !p.PublishedAt.Before(to) {
			continue
		}
		if creator < 0 {
			creator = i
		} else if p.Creator != posts[creator].Creator {
			return 0, 0, errs.New(ErrInvalid, fn, postField(i, "Creator"),
				"a second creator in the window after "+postField(creator, "Creator")+" "+errs.Quote(posts[creator].Creator), p.Creator)
		}
		if p.Hidden&FieldFollowers != 0 {
			continue
		}
		if first < 0 || p.PublishedAt.Before(posts[first].PublishedAt) {
			first = i
		}
		if last < 0 || !p.PublishedAt.Before(posts[last].PublishedAt) {
			last = i
		}
	}
	if first < 0 {
		return 0, 0, errs.New(ErrEmpty, fn, "posts", "none in [from, to) reports followers", errs.None)
	}
	return first, last, nil
}
