package kpi_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/kpi"
)

func ExampleEngagementRate() {
	// 1,000 likes and comments on an account of 100,000 followers.
	r, err := kpi.EngagementRate(1_000, 100_000)
	if err != nil {
		panic(err)
	}
	fmt.Println(r, "=", r.Shift(2).String()+" %")
	_, err = kpi.EngagementRate(1_000, 0)
	fmt.Println(errors.Is(err, kpi.ErrNonPositive), err)
	// Output:
	// 0.01 = 1 %
	// true kpi: EngagementRate: base: not positive (0)
}

func ExampleGrowthRate() {
	// 12,400 followers at the start of the month, 13,150 at its end.
	g, _ := kpi.GrowthRate(12_400, 13_150)
	fmt.Println(g, g.Shift(2).StringFixed(2)+" %")
	// Output: 0.0604838709677419 6.05 %
}

func ExampleFormula_Rate() {
	// Two TikTok videos: 400 engagements on 10,000 views, 500 on 20,000.
	posts := []kpi.Post{
		{ID: "v1", Likes: 350, Comments: 30, Shares: 20, Views: 10_000},
		{ID: "v2", Likes: 440, Comments: 40, Shares: 20, Views: 20_000},
	}
	for _, avg := range []kpi.Average{kpi.MeanOfRates, kpi.PooledRate, kpi.MedianRate} {
		f := kpi.Formula{Interactions: kpi.Likes | kpi.Comments | kpi.Shares, Base: kpi.ByViews, Average: avg}
		r, _ := f.Rate(posts)
		fmt.Printf("%-6s %s\n", avg, r)
	}
	// Output:
	// mean   0.0325
	// pooled 0.03
	// median 0.0325
}

func ExampleFormula_Measure() {
	// The second post hides its likes: it is skipped, not read as 0 likes.
	posts := []kpi.Post{
		{Likes: 90, Comments: 10, Followers: 1_000},
		{Comments: 30, Followers: 2_000, Hidden: kpi.FieldLikes},
	}
	f := kpi.Formula{Interactions: kpi.Likes | kpi.Comments, Base: kpi.ByFollowers, Average: kpi.PooledRate}
	r, _ := f.Measure(posts)
	fmt.Println(r.Rate, r.Posts, "used", r.Skipped, "skipped")
	// Output: 0.1 1 used 1 skipped
}

func ExamplePreset_Rate() {
	// Fourteen daily posts; the preset looks at the latest twelve.
	var posts []kpi.Post
	for day := 1; day <= 14; day++ {
		posts = append(posts, kpi.Post{Likes: 180, Comments: 20, Followers: 10_000,
			PublishedAt: time.Date(2026, 3, day, 12, 0, 0, 0, time.UTC)})
	}
	posts[0].Likes = 5_000 // an old viral post, outside the window
	p := kpi.PresetFollowers12()
	r, _ := p.Rate(posts, time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC))
	fmt.Println(p.Name+":", r)
	// Output: likes+comments by followers, latest 12: 0.02
}

func ExampleParseCount() {
	for _, s := range []string{"475.8m", "3.3k", "29.0b", "1,234", "0.01k", "N/A", "1.5"} {
		n, err := kpi.ParseCount(s)
		switch {
		case errors.Is(err, kpi.ErrNotReported):
			fmt.Printf("%-7s not reported\n", s)
		case err != nil:
			fmt.Printf("%-7s %v\n", s, err)
		default:
			fmt.Printf("%-7s %d\n", s, n)
		}
	}
	// Output:
	// 475.8m  475800000
	// 3.3k    3300
	// 29.0b   29000000000
	// 1,234   1234
	// 0.01k   10
	// N/A     not reported
	// 1.5     kpi: ParseCount: text: not a whole count ("1.5")
}

func ExampleParseRate() {
	for _, s := range []string{"1.39%", "0.0139", "NaN%"} {
		r, err := kpi.ParseRate(s)
		fmt.Println(s, r, errors.Is(err, kpi.ErrNotReported))
	}
	// Output:
	// 1.39% 0.0139 false
	// 0.0139 0.0139 false
	// NaN% 0 true
}

func ExampleReadPosts() {
	in := "\uFEFFpost,creator,published,followers,likes,comments\r\n" +
		"p1,\"Doe, Jane\",2026-03-02,12.4k,1.2k,85\r\n" +
		"p2,\"Doe, Jane\",2026-03-09,12.4k,N/A,12\r\n"
	cols := kpi.PostColumns{ID: "post", Creator: "creator", PublishedAt: "published",
		Followers: "followers", Likes: "likes", Comments: "comments"}
	posts, err := kpi.ReadPosts(strings.NewReader(in), cols)
	if err != nil {
		panic(err)
	}
	for _, p := range posts {
		fmt.Println(p.ID, p.Creator, p.PublishedAt.Format("2006-01-02"), p.Followers, p.Likes, p.Comments, "hidden:", p.Hidden)
	}
	_, err = kpi.ReadPosts(strings.NewReader("post,likes\np1,lots\n"), kpi.PostColumns{ID: "post", Likes: "likes"})
	fmt.Println(err)
	// Output:
	// p1 Doe, Jane 2026-03-02 12400 1200 85 hidden: shares|saves|views|reach|impressions|clicks|conversions
	// p2 Doe, Jane 2026-03-09 12400 0 12 hidden: likes|shares|saves|views|reach|impressions|clicks|conversions
	// kpi: ReadPosts: line 2, column 2 (likes): "lots": invalid syntax
}

func ExampleSum() {
	posts := []kpi.Post{
		{Creator: "ana", Followers: 10_000, Reach: 4_000, Impressions: 6_000, Clicks: 120, Conversions: 6},
		{Creator: "ana", Followers: 10_000, Reach: 6_000, Impressions: 9_000, Clicks: 180, Conversions: 9},
	}
	t, _ := kpi.Sum(posts)
	reach, _ := t.ReachRate()     // 10,000 / 20,000
	ctr, _ := t.CTR()             // 300 / 15,000
	conv, _ := t.ConversionRate() // 15 / 300
	fmt.Println(reach, ctr, conv)
	// Output: 0.5 0.02 0.05
}

func ExampleByCreator() {
	posts := []kpi.Post{
		{Creator: "ben", Likes: 30, Followers: 1_000},
		{Creator: "ana", Likes: 900, Followers: 10_000},
		{Creator: "ben", Likes: 50, Followers: 1_000},
	}
	by, _ := kpi.ByCreator(posts)
	for _, c := range by {
		r, _ := c.EngagementRate(kpi.Likes, kpi.ByFollowers)
		fmt.Println(c.Creator, c.Posts, r)
	}
	// Output:
	// ana 1 0.09
	// ben 2 0.04
}

func ExampleWeekly() {
	posts := []kpi.Post{
		{PublishedAt: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), Likes: 200, Followers: 10_000},
		{PublishedAt: time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC), Likes: 400, Followers: 10_000},
		{PublishedAt: time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC), Likes: 360, Followers: 10_000},
	}
	weeks, _ := kpi.Weekly(posts, kpi.Formula{Interactions: kpi.Likes, Base: kpi.ByFollowers, Average: kpi.PooledRate}, time.UTC)
	for _, w := range weeks {
		fmt.Printf("%d-W%02d %d posts rate %s growth %s\n", w.Year, w.Week, w.Totals.Posts, w.Rate, w.Growth)
	}
	// Output:
	// 2026-W10 2 posts rate 0.03 growth 0
	// 2026-W11 1 posts rate 0.036 growth 0.2
}

func ExampleTarget_Progress() {
	t := kpi.Target{Metric: "sign-ups", Goal: decimal.NewFromInt(600),
		Start:    time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC),
		Deadline: time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)}
	p, _ := t.Progress(decimal.NewFromInt(150), time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC))
	fmt.Println("done:", p.Fraction, "expected by now:", p.Expected, "on track:", p.OnTrack)
	fmt.Println("per day so far:", p.RunRate, "needed per day:", p.NeededPerDay)
	// Output:
	// done: 0.25 expected by now: 200 on track: false
	// per day so far: 15 needed per day: 22.5
}

func ExampleTierOf() {
	for _, f := range []int64{800, 4_500, 48_000, 120_000, 750_000, 2_000_000} {
		t, _ := kpi.TierOf(f)
		fmt.Println(f, t)
	}
	// Output:
	// 800 none
	// 4500 nano
	// 48000 micro
	// 120000 mid
	// 750000 macro
	// 2000000 mega
}

func ExampleBenchmarks_Place() {
	f := kpi.Formula{Interactions: kpi.Likes | kpi.Comments, Base: kpi.ByFollowers, Average: kpi.MeanOfRates}
	p, _ := kpi.DefaultBenchmarks().Place(decimal.RequireFromString("0.0089"), kpi.Instagram, kpi.Nano, f)
	fmt.Println(p.Benchmark.Rate, p.Benchmark.Year, p.Ratio, p.Position, p.Implausible)
	// Output: 0.0178 2026 0.5 typical false
}

func ExampleLatest() {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 12, 0, 0, 0, time.UTC) }
	posts := []kpi.Post{{ID: "a", PublishedAt: day(1)}, {ID: "b", PublishedAt: day(3)},
		{ID: "c", PublishedAt: day(2)}, {ID: "tomorrow", PublishedAt: day(9)}}
	latest, _ := kpi.Latest(posts, 2, day(8))
	week, _ := kpi.Between(posts, day(2), day(3)) // [Mar 2 12:00, Mar 3 12:00)
	for _, p := range latest {
		fmt.Print(p.ID, " ")
	}
	fmt.Println("|", week[0].ID)
	// Output: b c | c
}

func ExampleCTR() {
	ctr, _ := kpi.CTR(45, 3_000)              // clicks / impressions
	conv, _ := kpi.ConversionRate(9, 45)      // conversions / clicks
	reach, _ := kpi.ReachRate(18_000, 40_000) // reach / followers
	fmt.Println(ctr, conv, reach)
	// Output: 0.015 0.2 0.45
}

func ExampleThresholds_Tier() {
	custom := kpi.Thresholds{Nano: 500, Micro: 5_000, Mid: 25_000, Macro: 250_000, Mega: 1_000_000}
	t, _ := custom.Tier(30_000)
	d, _ := kpi.TierOf(30_000)
	fmt.Println(t, d)
	// Output: mid micro
}

func ExampleFollowerGrowth() {
	posts := []kpi.Post{
		{Creator: "ana", PublishedAt: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), Followers: 12_400},
		{Creator: "ana", PublishedAt: time.Date(2026, 3, 30, 0, 0, 0, 0, time.UTC), Followers: 13_150},
	}
	g, _ := kpi.FollowerGrowth(posts, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(g.Shift(2).StringFixed(2) + " % in March")
	// Output: 6.05 % in March
}

func ExampleReachRate() {
	// The Social Cat's glossary: 2,500 unique accounts reached with 10,000
	// followers is a reach rate of 25 %.
	r, _ := kpi.ReachRate(2_500, 10_000)
	fmt.Println(r)
	// Output: 0.25
}

func ExampleConversionRate() {
	// Google Ads Help: 50 conversions from 1,000 clicks is 5 %.
	r, _ := kpi.ConversionRate(50, 1_000)
	_, err := kpi.ConversionRate(50, 0)
	fmt.Println(r, errors.Is(err, kpi.ErrNonPositive))
	// Output: 0.05 true
}

func ExampleBetween() {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	posts := []kpi.Post{{ID: "a", PublishedAt: day(1)}, {ID: "b", PublishedAt: day(5)}, {ID: "c", PublishedAt: day(8)}}
	// [Mar 1, Mar 8): the end is excluded, so c (Mar 8 00:00) is not in it.
	w, _ := kpi.Between(posts, day(1), day(8))
	for _, p := range w {
		fmt.Print(p.ID, " ")
	}
	fmt.Println()
	// Output: a b
}

func ExampleTrailing() {
	now := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	posts := []kpi.Post{
		{ID: "old", PublishedAt: time.Date(2026, 2, 28, 23, 0, 0, 0, time.UTC)},
		{ID: "in", PublishedAt: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)},
		{ID: "now", PublishedAt: now},
	}
	// The last 30 days: [Mar 1 00:00, Mar 31 00:00).
	w, _ := kpi.Trailing(posts, now, 30*24*time.Hour)
	fmt.Println(len(w), w[0].ID)
	// Output: 1 in
}

func ExamplePresets() {
	for _, p := range kpi.Presets() {
		fmt.Printf("%-38s latest %2d: %v\n", p.Name, p.Latest, p.Formula)
	}
	// Output:
	// likes+comments by followers, latest 12 latest 12: likes+comments by followers, mean of rates
	// likes+comments+saves by reach          latest  0: likes+comments+saves by reach, pooled
	// likes+comments+saves+shares by reach   latest  0: likes+comments+shares+saves by reach, pooled
	// likes+comments+shares by views         latest  0: likes+comments+shares by views, pooled
	// engagements by impressions             latest  0: likes+comments+shares+saves by impressions, pooled
}

func ExampleFormula_Validate() {
	ok := kpi.Formula{Interactions: kpi.Likes, Base: kpi.ByReach, Average: kpi.PooledRate}
	fmt.Println(ok, ok.Validate())
	fmt.Println(kpi.Formula{}.Validate()) // zero fields are the defaults
	fmt.Println(kpi.Formula{Interactions: kpi.Likes, Base: 9}.Validate())
	// Output:
	// likes by reach, pooled <nil>
	// <nil>
	// kpi: Formula.Validate: Base: out of range (Base(9))
}

func ExampleFormula_Needs() {
	// A post must report every one of these counts to be used.
	fmt.Println(kpi.PresetReach().Formula.Needs())
	// Output: likes|comments|saves|reach
}

func ExampleTotals_EngagementRate() {
	// Campaign totals pool the posts: (300 + 50) / (10,000 + 4,000) = 0.025,
	// not the mean of 0.03 and 0.0125.
	posts := []kpi.Post{
		{Creator: "ana", Likes: 300, Reach: 10_000},
		{Creator: "ben", Likes: 50, Reach: 4_000},
	}
	t, _ := kpi.Sum(posts)
	r, _ := t.EngagementRate(kpi.Likes, kpi.ByReach)
	e, _ := t.Engagements(kpi.Likes | kpi.Comments)
	fmt.Println(r, e)
	// Output: 0.025 350
}

func ExamplePost_Count() {
	// Instagram hid the likes of this post: not reported, not zero.
	p := kpi.Post{Likes: 0, Comments: 12, Hidden: kpi.FieldLikes}
	fmt.Println(p.Count(kpi.FieldLikes))
	fmt.Println(p.Count(kpi.FieldComments))
	// Output:
	// 0 false
	// 12 true
}

func ExampleDefaultPostColumns() {
	// A file with the default headers but no saves column: clear that name,
	// and saves are not reported.
	cols := kpi.DefaultPostColumns()
	cols.Saves = ""
	cols.Shares, cols.Views, cols.Reach, cols.Impressions, cols.Clicks, cols.Conversions = "", "", "", "", "", ""
	in := "id,creator,platform,published_at,followers,likes,comments\n" +
		"p1,ana,instagram,2026-03-02,5k,240,10\n"
	posts, err := kpi.ReadPosts(strings.NewReader(in), cols)
	if err != nil {
		panic(err)
	}
	p := posts[0]
	fmt.Println(p.ID, p.Creator, p.Platform, p.Followers, p.Likes, p.Comments, p.Hidden.String())
	// Output: p1 ana instagram 5000 240 10 shares|saves|views|reach|impressions|clicks|conversions
}

func ExampleDefaultThresholds() {
	d, lf := kpi.DefaultThresholds(), kpi.LaterFohrThresholds()
	for _, f := range []int64{5_000, 60_000} {
		a, _ := d.Tier(f)
		b, _ := lf.Tier(f)
		fmt.Println(f, a, b)
	}
	// Output:
	// 5000 nano nano
	// 60000 mid micro
}

func ExampleThresholds_Validate() {
	bad := kpi.Thresholds{Nano: 1_000, Micro: 10_000, Mid: 10_000, Macro: 500_000, Mega: 1_000_000}
	fmt.Println(bad.Validate())
	// Output: kpi: Thresholds.Validate: Mid: not above Micro 10000 (10000)
}

func ExampleTarget_Validate() {
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	t := kpi.Target{Metric: "sign-ups", Goal: decimal.NewFromInt(500), Start: start, Deadline: start}
	fmt.Println(t.Validate())
	// Output: kpi: Target.Validate: Deadline: not after Start 2026-03-01T00:00:00Z ("2026-03-01T00:00:00Z")
}

func ExampleDefaultBenchmarks() {
	b := kpi.DefaultBenchmarks()
	fmt.Println(b.Version, len(b.Rows))
	r := b.Rows[0]
	fmt.Println(r.Platform, r.Tier, r.Year, r.Statistic, r.Rate, r.Formula)
	// Output:
	// 2026.11 4
	// instagram nano 2026 unstated 0.0178 likes+comments by followers, mean of rates
}

func ExamplePlatform_UnmarshalText() {
	var p kpi.Platform
	for _, s := range []string{"Instagram", "twitter", "myspace"} {
		err := p.UnmarshalText([]byte(s))
		fmt.Println(p, err)
	}
	// Output:
	// instagram <nil>
	// x <nil>
	// x kpi: Platform.UnmarshalText: text: unknown kpi.Platform, want one of unknown, instagram, tiktok, youtube, facebook, x, linkedin, pinterest, snapchat, twitch, threads ("myspace")
}

func ExampleFields_UnmarshalText() {
	var f kpi.Fields
	err := f.UnmarshalText([]byte("Likes+saves"))
	fmt.Println(f, err, f&kpi.FieldSaves != 0)
	// Output: likes|saves <nil> true
}
