package kpi

import (
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/exact"
)

// EngagementRate returns engagements / base as a fraction (0.0345 is 3.45 %),
// rounded half away from zero to exact.Precision (16) decimal places.
//
// It is the per-post engagement rate of the industry: for example 1,000 likes
// and comments on an account of 100,000 followers is 0.01, the 1 % of
// Ampfluence's glossary ("Engagement Ratio", academy.ampfluence.com). base
// <= 0 is an error wrapping ErrZeroBase; a negative engagements count one
// wrapping ErrNegative.
func EngagementRate(engagements, base int64) (decimal.Decimal, error) {
	return ratio("EngagementRate", "engagements", "base", engagements, base)
}

// GrowthRate returns (end - start) / start as a fraction, rounded half away
// from zero to 16 places: the follower growth rate over a period, with start
// the count at its beginning and end the count at its end. A loss is
// negative. start <= 0 is an error wrapping ErrZeroBase, a negative end one
// wrapping ErrNegative.
//
// For example 12,400 followers growing to 13,150 is 750 / 12,400 =
// 0.0604838709677419 (6.05 %).
func GrowthRate(start, end int64) (decimal.Decimal, error) {
	const fn = "GrowthRate"
	if start <= 0 {
		return decimal.Decimal{}, errorf(fn, "start", ErrZeroBase, start)
	}
	if end < 0 {
		return decimal.Decimal{}, errorf(fn, "end", ErrNegative, end)
	}
	return exact.Ratio(end-start, start), nil // cannot overflow: start > 0, end >= 0
}

// ReachRate returns reach / followers as a fraction: the share of an
// account's followers that a post reached (it may exceed 1 when a post
// reaches non-followers), rounded half away from zero to 16 places. It is
// the reach rate of social-media glossaries, for example The Social Cat's
// "Reach Rate" (thesocialcat.com/glossary/reach-rate: 2,500 unique accounts
// reached with 10,000 followers is 25 %). Errors as EngagementRate: followers
// <= 0 wraps ErrZeroBase, a negative reach ErrNegative.
func ReachRate(reach, followers int64) (decimal.Decimal, error) {
	return ratio("ReachRate", "reach", "followers", reach, followers)
}

// CTR returns the click-through rate clicks / impressions as a fraction,
// rounded half away from zero to 16 places: the definition of Google Ads
// and the IAB. Errors as EngagementRate: impressions <= 0 wraps
// ErrZeroBase, negative clicks ErrNegative.
func CTR(clicks, impressions int64) (decimal.Decimal, error) {
	return ratio("CTR", "clicks", "impressions", clicks, impressions)
}

// ConversionRate returns conversions / clicks as a fraction: the share of
// link clicks that ended in a purchase, sign-up or other counted action,
// rounded half away from zero to 16 places. It is Google Ads' definition
// (Google Ads Help, "Conversion rate: Definition": 50 conversions from
// 1,000 clicks is 5 %); like Google's, it may exceed 1 when one click leads
// to several conversions. Errors as EngagementRate: clicks <= 0 wraps
// ErrZeroBase, negative conversions ErrNegative.
func ConversionRate(conversions, clicks int64) (decimal.Decimal, error) {
	return ratio("ConversionRate", "conversions", "clicks", conversions, clicks)
}

func ratio(fn, numName, denName string, num, den int64) (decimal.Decimal, error) {
	if den <= 0 {
		return decimal.Decimal{}, errorf(fn, denName, ErrZeroBase, den)
	}
	if num < 0 {
		return decimal.Decimal{}, errorf(fn, numName, ErrNegative, num)
	}
	return exact.Ratio(num, den), nil
}

// FollowerGrowth returns the follower growth of one creator over [from, to):
// GrowthRate(first, last), where first and last are the Followers of the
// earliest and the latest post published in the window (posts whose
// followers are hidden are skipped; among posts published at the same
// instant the first in input order is the earliest and the last the
// latest). Posts by more than one creator wrap ErrInvalid; no post in the
// window reporting followers wraps ErrEmpty; otherwise errors as
// GrowthRate and Between.
func FollowerGrowth(posts []Post, from, to time.Time) (decimal.Decimal, error) {
	const fn = "FollowerGrowth"
	w, err := between(fn, posts, from, to)
	if err != nil {
		return decimal.Decimal{}, err
	}
	var first, last *Post
	for i := range w {
		p := &w[i]
		if p.Creator != w[0].Creator {
			return decimal.Decimal{}, errorf(fn, "posts", ErrInvalid, "creators "+strconv.Quote(w[0].Creator)+" and "+strconv.Quote(p.Creator))
		}
		if p.Hidden&FieldFollowers != 0 {
			continue
		}
		if first == nil || p.PublishedAt.Before(first.PublishedAt) {
			first = p
		}
		if last == nil || !p.PublishedAt.Before(last.PublishedAt) {
			last = p
		}
	}
	if first == nil {
		return decimal.Decimal{}, errorf(fn, "posts", ErrEmpty, "none in window reports followers")
	}
	if first.Followers <= 0 {
		return decimal.Decimal{}, errorf(fn, "first post followers", ErrZeroBase, first.Followers)
	}
	if last.Followers < 0 {
		return decimal.Decimal{}, errorf(fn, "last post followers", ErrNegative, last.Followers)
	}
	return exact.Ratio(last.Followers-first.Followers, first.Followers), nil
}
