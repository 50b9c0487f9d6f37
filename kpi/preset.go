package kpi

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/errs"
)

// Preset is an engagement-rate definition in public use: a Formula, the
// number of most recent posts it looks at (0: every post given), and where
// the definition comes from.
type Preset struct {
	Name    string  `json:"name"`
	Formula Formula `json:"formula"`
	Latest  int     `json:"latest"` // the most recent posts considered; 0 means all
	Source  string  `json:"source"` // who defines or documents it
}

// Rate applies the preset to the posts published before now: it keeps the
// Latest most recent of them (see Latest) and returns p.Formula's rate.
// Errors as Formula.Rate and Latest; a negative Latest wraps ErrNegative;
// an error about one post names its index in posts.
func (p Preset) Rate(posts []Post, now time.Time) (decimal.Decimal, error) {
	const fn = "kpi.Preset.Rate"
	n := p.Latest
	if n < 0 {
		return decimal.Decimal{}, errs.New(ErrNegative, fn, "Latest", "", n)
	}
	if err := checkPosts(fn, posts); err != nil {
		return decimal.Decimal{}, err
	}
	if n == 0 {
		n = max(len(posts), 1) // every post; no posts falls through to ErrEmpty
	}
	idx, err := latestIndex(fn, posts, n, now)
	if err != nil {
		return decimal.Decimal{}, err
	}
	r, err := p.Formula.measure(fn, gather(posts, idx))
	return r.Rate, renumber(err, idx)
}

// PresetFollowers12 is the classic public engagement rate: likes + comments
// divided by followers, averaged over the latest 12 posts (mean of per-post
// rates). It is what third-party calculators compute from public data,
// since likes, comments and followers are the only public counts. Sources:
// GRIN, "How are engagement rates calculated?" (support.grin.co):
// (Likes + Comments) / Followers; Ampfluence's glossary, "Engagement
// Ratio" (academy.ampfluence.com), with the worked example 1,000 likes and
// comments on 100,000 followers = 1 %; the window of the latest 12 posts is
// the community convention described for instance in the MPSocial forum
// thread "Engagement formula algorithm" (mpsocial.com).
func PresetFollowers12() Preset {
	return Preset{
		Name:    "likes+comments by followers, latest 12",
		Formula: Formula{Likes | Comments, ByFollowers, MeanOfRates},
		Latest:  12,
		Source:  "GRIN, How are engagement rates calculated? (support.grin.co); Ampfluence glossary, Engagement Ratio; 12-post window: MPSocial forum, Engagement formula algorithm",
	}
}

// PresetReach is the engagement rate by reach (ERR) of an Instagram feed
// post: likes + comments + saves divided by the accounts reached, pooled
// over the posts. It needs the creator's own Insights (reach is private).
// Source: Hootsuite, "How to calculate engagement rate" (blog.hootsuite.com,
// ERR = total engagements on a post / reach), with Instagram Insights'
// interactions of a static post.
func PresetReach() Preset {
	return Preset{
		Name:    "likes+comments+saves by reach",
		Formula: Formula{Likes | Comments | Saves, ByReach, PooledRate},
		Source:  "Hootsuite, How to calculate engagement rate (ERR by reach); Instagram Insights interactions",
	}
}

// PresetReels is PresetReach for Instagram Reels, which adds shares (the
// interactions Instagram Insights lists for a Reel): likes + comments +
// saves + shares by reach, pooled.
func PresetReels() Preset {
	return Preset{
		Name:    "likes+comments+saves+shares by reach",
		Formula: Formula{AllInteractions, ByReach, PooledRate},
		Source:  "Hootsuite, How to calculate engagement rate (ERR by reach); Instagram Insights Reels interactions",
	}
}

// PresetTikTok is TikTok's usual engagement rate: likes + comments + shares
// divided by video views, pooled over the videos. Source: Hootsuite, "How to
// calculate engagement rate" (engagement rate by views).
func PresetTikTok() Preset {
	return Preset{
		Name:    "likes+comments+shares by views",
		Formula: Formula{Likes | Comments | Shares, ByViews, PooledRate},
		Source:  "Hootsuite, How to calculate engagement rate (ER by views)",
	}
}

// PresetImpressions is the engagement rate by impressions: every engagement
// (likes, comments, shares, saves) divided by impressions, pooled. It is the
// definition of paid-media reports. Source: Hootsuite, "How to calculate
// engagement rate" (ER impressions = total engagements / impressions).
func PresetImpressions() Preset {
	return Preset{
		Name:    "engagements by impressions",
		Formula: Formula{AllInteractions, ByImpressions, PooledRate},
		Source:  "Hootsuite, How to calculate engagement rate (ER by impressions)",
	}
}

// Presets returns every preset, in the order of this file.
func Presets() []Preset {
	return []Preset{PresetFollowers12(), PresetReach(), PresetReels(), PresetTikTok(), PresetImpressions()}
}
