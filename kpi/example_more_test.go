package kpi_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/influencekit/influencekit/kpi"
)

// march returns noon UTC on the given day of March 2026.
func march(day int) time.Time { return time.Date(2026, 3, day, 12, 0, 0, 0, time.UTC) }

func ExampleLaterFohrThresholds() {
	lf, hype := kpi.LaterFohrThresholds(), kpi.DefaultThresholds()
	fmt.Printf("%+v\n", lf)
	// 500 followers: nano for Later × Fohr (nano starts at 0), below
	// HypeAuditor's 1,000. 99,999: under Later × Fohr's 100,000 mid
	// threshold, above HypeAuditor's 50,000.
	for _, f := range []int64{500, 99_999, 100_000} {
		a, _ := lf.Tier(f)
		b, _ := hype.Tier(f)
		fmt.Println(f, a, b)
	}
	// Output:
	// {Nano:0 Micro:10000 Mid:100000 Macro:500000 Mega:1000000}
	// 500 nano none
	// 99999 micro mid
	// 100000 mid mid
}

func ExamplePresetFollowers12() {
	p := kpi.PresetFollowers12()
	posts := []kpi.Post{
		{Likes: 280, Comments: 20, Followers: 10_000, PublishedAt: march(2)}, // 300 / 10,000 = 0.03
		{Likes: 90, Comments: 10, Followers: 20_000, PublishedAt: march(9)},  // 100 / 20,000 = 0.005
	}
	// The mean of the per-post rates: (0.03 + 0.005) / 2 = 0.0175
	// (the pooled 400 / 30,000 would be 0.0133…).
	r, _ := p.Rate(posts, march(10))
	fmt.Println(p.Formula, "| latest", p.Latest, "|", r)
	// Output: likes+comments by followers, mean of rates | latest 12 | 0.0175
}

func ExamplePresetReach() {
	p := kpi.PresetReach()
	posts := []kpi.Post{
		// 400 + 50 + 50 = 500 engagements; the 300 shares do not count.
		{Likes: 400, Comments: 50, Saves: 50, Shares: 300, Reach: 10_000, PublishedAt: march(2)},
		// 90 + 5 + 5 = 100 engagements.
		{Likes: 90, Comments: 5, Saves: 5, Reach: 2_000, PublishedAt: march(9)},
	}
	// Pooled: (500 + 100) / (10,000 + 2,000) = 600 / 12,000 = 0.05.
	r, _ := p.Rate(posts, march(10))
	fmt.Println(p.Formula, "|", r)
	// Output: likes+comments+saves by reach, pooled | 0.05
}

func ExamplePresetReels() {
	p := kpi.PresetReels()
	posts := []kpi.Post{
		// 800 + 40 + 60 + 100 = 1,000 engagements.
		{Likes: 800, Comments: 40, Saves: 60, Shares: 100, Reach: 20_000, PublishedAt: march(2)},
		// 150 + 10 + 20 + 20 = 200 engagements.
		{Likes: 150, Comments: 10, Saves: 20, Shares: 20, Reach: 5_000, PublishedAt: march(9)},
	}
	// Pooled: 1,200 / 25,000 = 0.048.
	r, _ := p.Rate(posts, march(10))
	fmt.Println(p.Formula, "|", r)
	// Output: likes+comments+shares+saves by reach, pooled | 0.048
}

func ExamplePresetTikTok() {
	p := kpi.PresetTikTok()
	posts := []kpi.Post{
		// 1,800 + 120 + 80 = 2,000 engagements; the 300 saves do not count.
		{Likes: 1_800, Comments: 120, Shares: 80, Saves: 300, Views: 40_000, PublishedAt: march(2)},
		// 450 + 30 + 20 = 500 engagements.
		{Likes: 450, Comments: 30, Shares: 20, Views: 20_000, PublishedAt: march(9)},
	}
	// Pooled: 2,500 / 60,000 = 1/24 = 0.041666…, 16 places rounded half
	// away from zero: 0.0416666666666667.
	r, _ := p.Rate(posts, march(10))
	fmt.Println(p.Formula, "|", r)
	// Output: likes+comments+shares by views, pooled | 0.0416666666666667
}

func ExamplePresetImpressions() {
	p := kpi.PresetImpressions()
	posts := []kpi.Post{
		{Likes: 90, Comments: 6, Shares: 2, Saves: 2, Impressions: 5_000, PublishedAt: march(2)}, // 100
		{Likes: 45, Comments: 3, Shares: 1, Saves: 1, Impressions: 5_000, PublishedAt: march(9)}, // 50
	}
	// Pooled: (100 + 50) / (5,000 + 5,000) = 150 / 10,000 = 0.015.
	r, _ := p.Rate(posts, march(10))
	fmt.Println(p.Formula, "|", r)
	// Output: likes+comments+shares+saves by impressions, pooled | 0.015
}

func ExampleTotals_Engagements() {
	// The second post hid its saves.
	posts := []kpi.Post{
		{Likes: 300, Comments: 20, Shares: 5, Saves: 15},
		{Likes: 200, Comments: 30, Shares: 10, Hidden: kpi.FieldSaves},
	}
	t, _ := kpi.Sum(posts)
	lc, _ := t.Engagements(kpi.Likes | kpi.Comments) // 300 + 20 + 200 + 30 = 550
	ls, _ := t.Engagements(kpi.Likes | kpi.Shares)   // 300 + 5 + 200 + 10 = 515
	fmt.Println(lc, ls)
	// Saves are not a total of both posts: an error, not 15.
	_, err := t.Engagements(kpi.AllInteractions)
	fmt.Println(errors.Is(err, kpi.ErrNotReported), err)
	// Output:
	// 550 515
	// true kpi: Totals.Engagements: Saves: not reported by some posts
}

func ExampleTotals_ReachRate() {
	posts := []kpi.Post{
		{Followers: 10_000, Reach: 2_500},
		{Followers: 20_000, Reach: 7_500},
	}
	t, _ := kpi.Sum(posts)
	// (2,500 + 7,500) / (10,000 + 20,000) = 1/3, 16 places: 0.3333333333333333.
	r, _ := t.ReachRate()
	fmt.Println(r)
	// A third post without reach makes the pooled reach rate unknown.
	t, _ = kpi.Sum(append(posts, kpi.Post{Followers: 5_000, Hidden: kpi.FieldReach}))
	_, err := t.ReachRate()
	fmt.Println(err)
	// Output:
	// 0.3333333333333333
	// kpi: Totals.ReachRate: Reach: not reported by some posts
}

func ExampleTotals_CTR() {
	posts := []kpi.Post{
		{Clicks: 45, Impressions: 2_000}, // 0.0225
		{Clicks: 75, Impressions: 4_000}, // 0.01875
	}
	t, _ := kpi.Sum(posts)
	// Pooled: 120 / 6,000 = 0.02 (the mean of the two CTRs would be 0.020625).
	ctr, _ := t.CTR()
	fmt.Println(ctr)
	t, _ = kpi.Sum([]kpi.Post{{Clicks: 3}})
	_, err := t.CTR()
	fmt.Println(err)
	// Output:
	// 0.02
	// kpi: Totals.CTR: Impressions: not positive (0)
}

func ExampleTotals_ConversionRate() {
	posts := []kpi.Post{
		{Clicks: 120, Conversions: 1},
		{Clicks: 180, Conversions: 1},
	}
	t, _ := kpi.Sum(posts)
	// 2 / 300 = 0.00666…; the 17th place is a 6, so the 16th rounds up to 7.
	r, _ := t.ConversionRate()
	fmt.Println(r)
	// Output: 0.0066666666666667
}

func ExampleBase_Field() {
	// The post hid its views.
	p := kpi.Post{Followers: 12_000, Reach: 5_000, Impressions: 7_500, Hidden: kpi.FieldViews}
	for _, b := range []kpi.Base{kpi.ByFollowers, kpi.ByReach, kpi.ByImpressions, kpi.ByViews} {
		n, ok := p.Count(b.Field())
		fmt.Println(b, n, ok)
	}
	fmt.Println(kpi.Base(9).Field()) // out of range: no field
	// Output:
	// followers 12000 true
	// reach 5000 true
	// impressions 7500 true
	// views 0 false
	// none
}

func ExampleFormula_String() {
	fmt.Println(kpi.PresetTikTok().Formula)
	fmt.Println(kpi.Formula{Interactions: kpi.Saves | kpi.Likes, Base: kpi.ByReach, Average: kpi.MedianRate})
	fmt.Println(kpi.Formula{Interactions: kpi.Likes | kpi.Comments, Base: kpi.ByFollowers, Average: kpi.MeanOfRates})
	fmt.Println(kpi.Formula{Interactions: kpi.Likes})                      // zero Base and Average: the defaults
	fmt.Println(kpi.Formula{})                                             // zero Interactions: likes + comments
	fmt.Println(kpi.Formula{Interactions: kpi.Likes, Base: 9, Average: 9}) // invalid fields print as Type(n)
	// Output:
	// likes+comments+shares by views, pooled
	// likes+saves by reach, median rate
	// likes+comments by followers, mean of rates
	// likes by followers, pooled
	// likes+comments by followers, pooled
	// likes by Base(9), Average(9)
}

func ExamplePlatform_String() {
	for p := kpi.UnknownPlatform; p <= kpi.Threads; p++ {
		fmt.Print(p, " ")
	}
	fmt.Println(kpi.Platform(42))
	// Output: unknown instagram tiktok youtube facebook x linkedin pinterest snapchat twitch threads Platform(42)
}

func ExampleTier_String() {
	for t := kpi.NoTier; t <= kpi.Mega; t++ {
		fmt.Print(t, " ")
	}
	fmt.Println(kpi.Tier(6))
	// Output: none nano micro mid macro mega Tier(6)
}

func ExampleAverage_String() {
	fmt.Println(kpi.MeanOfRates, kpi.PooledRate, kpi.MedianRate, kpi.Average(0), kpi.Average(9))
	// Output: mean pooled median pooled Average(9)
}

func ExampleBase_String() {
	fmt.Println(kpi.ByFollowers, kpi.ByReach, kpi.ByImpressions, kpi.ByViews, kpi.Base(0), kpi.Base(9))
	// Output: followers reach impressions views followers Base(9)
}

func ExampleInteraction_String() {
	// Names come in declaration order (likes, comments, shares, saves),
	// whatever the order of the |.
	fmt.Println(kpi.Likes | kpi.Comments)
	fmt.Println(kpi.Saves | kpi.Likes)
	fmt.Println(kpi.AllInteractions)
	fmt.Println(kpi.Interaction(0))
	// Output:
	// likes|comments
	// likes|saves
	// likes|comments|shares|saves
	// none
}

func ExampleStatistic_String() {
	fmt.Println(kpi.Unstated, kpi.Mean, kpi.Median)
	// Output: unstated mean median
}

func ExamplePosition_String() {
	fmt.Println(kpi.Below, kpi.Typical, kpi.Above, kpi.Position(0), kpi.Position(9))
	// Output: below typical above typical Position(9)
}

func ExampleFields_String() {
	fmt.Println(kpi.FieldReach | kpi.FieldLikes)
	fmt.Println(kpi.Fields(kpi.Likes | kpi.Shares)) // an Interaction converts bit for bit
	fmt.Println(kpi.Fields(0))
	fmt.Println(kpi.AllFields)
	// Output:
	// likes|reach
	// likes|shares
	// none
	// likes|comments|shares|saves|followers|views|reach|impressions|clicks|conversions
}
