package kpi

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func at(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func ids(posts []Post) []string {
	var s []string
	for _, p := range posts {
		s = append(s, p.ID)
	}
	return s
}

func TestWindows(t *testing.T) {
	posts := []Post{
		{ID: "b", PublishedAt: at("2026-03-02T10:00:00Z")},
		{ID: "a", PublishedAt: at("2026-03-02T10:00:00Z")}, // tie with b: ID order
		{ID: "c", PublishedAt: at("2026-03-01T10:00:00Z")},
		{ID: "future", PublishedAt: at("2026-03-09T00:00:00Z")},
		{ID: "d", PublishedAt: at("2026-03-05T00:00:00Z")},
	}
	now := at("2026-03-09T00:00:00Z") // "future" is not before now
	got, err := Latest(posts, 3, now)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"d", "a", "b"}, ids(got)); d != "" {
		t.Errorf("Latest (-want +got):\n%s", d)
	}
	got, _ = Latest(posts, 10, now)
	if d := cmp.Diff([]string{"d", "a", "b", "c"}, ids(got)); d != "" {
		t.Errorf("Latest(10) (-want +got):\n%s", d)
	}
	if _, err := Latest(posts, 0, now); !errors.Is(err, ErrNonPositive) {
		t.Errorf("Latest(0) err = %v", err)
	}
	// [Mar 2 10:00, Mar 5 00:00): a, b; d sits on the excluded end.
	got, _ = Between(posts, at("2026-03-02T10:00:00Z"), at("2026-03-05T00:00:00Z"))
	if d := cmp.Diff([]string{"b", "a"}, ids(got)); d != "" {
		t.Errorf("Between (-want +got):\n%s", d)
	}
	if _, err := Between(posts, now, now.Add(-1)); !errors.Is(err, ErrInvalid) {
		t.Errorf("Between reversed err = %v", err)
	}
	// The last 7 days before Mar 9: [Mar 2 00:00, Mar 9 00:00).
	got, _ = Trailing(posts, now, 7*24*time.Hour)
	if d := cmp.Diff([]string{"b", "a", "d"}, ids(got)); d != "" {
		t.Errorf("Trailing (-want +got):\n%s", d)
	}
	if _, err := Trailing(posts, now, 0); !errors.Is(err, ErrNonPositive) {
		t.Errorf("Trailing(0) err = %v", err)
	}
}

func TestPresetLatest12(t *testing.T) {
	// 14 posts, post i (1…14) with 10·i likes+comments on 1,000 followers,
	// published on day i. The latest 12 are posts 3…14: mean of rates
	// = 10·(3 + … + 14) / 12 / 1,000 = 10·102 / 12,000 = 0.085.
	var posts []Post
	for i := 1; i <= 14; i++ {
		posts = append(posts, Post{Likes: int64(8 * i), Comments: int64(2 * i), Followers: 1_000,
			PublishedAt: time.Date(2026, 1, i, 12, 0, 0, 0, time.UTC)})
	}
	got, err := PresetFollowers12().Rate(posts, time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if !got.Equal(dec("0.085")) {
		t.Errorf("got %s, want 0.085", got)
	}
	for _, p := range Presets() {
		if p.Formula.Validate() != nil || p.Source == "" || p.Name == "" {
			t.Errorf("preset %+v incomplete", p)
		}
	}
}

func TestTotals(t *testing.T) {
	posts := []Post{
		{Creator: "b", Followers: 1_000, Likes: 50, Comments: 10, Reach: 400, Impressions: 900, Clicks: 18, Conversions: 2},
		{Creator: "a", Followers: 2_000, Likes: 70, Comments: 20, Reach: 600, Impressions: 1_100, Clicks: 22, Conversions: 3},
		{Creator: "b", Followers: 1_000, Comments: 5, Reach: 300, Impressions: 500, Clicks: 10, Conversions: 1, Hidden: FieldLikes},
	}
	all, err := Sum(posts)
	if err != nil {
		t.Fatal(err)
	}
	want := Totals{Posts: 3, Followers: 4_000, Likes: 120, Comments: 35, Reach: 1_300, Impressions: 2_500,
		Clicks: 50, Conversions: 6, Hidden: FieldLikes}
	if d := cmp.Diff(want, all); d != "" {
		t.Errorf("Sum (-want +got):\n%s", d)
	}
	check := func(name string, got decimal.Decimal, err error, want string) {
		t.Helper()
		if err != nil || !got.Equal(dec(want)) {
			t.Errorf("%s = %s, %v; want %s", name, got, err, want)
		}
	}
	r, err := all.ReachRate() // 1,300 / 4,000 = 0.325
	check("ReachRate", r, err, "0.325")
	r, err = all.CTR() // 50 / 2,500 = 0.02
	check("CTR", r, err, "0.02")
	r, err = all.ConversionRate() // 6 / 50 = 0.12
	check("ConversionRate", r, err, "0.12")
	r, err = all.EngagementRate(Comments, ByReach) // 35 / 1,300 = 0.0269230769230769|23… → 0.0269230769230769
	check("comments by reach", r, err, "0.0269230769230769")
	// Likes were hidden on one post: a pooled rate with likes is refused.
	if _, err := all.EngagementRate(Likes|Comments, ByFollowers); !errors.Is(err, ErrNotReported) {
		t.Errorf("likes rate with hidden likes: err = %v, want ErrNotReported", err)
	}
	by, err := ByCreator(posts)
	if err != nil {
		t.Fatal(err)
	}
	if len(by) != 2 || by[0].Creator != "a" || by[1].Creator != "b" || by[1].Posts != 2 || by[1].Likes != 50 {
		t.Errorf("ByCreator = %+v", by)
	}
	// Creator a alone: (70 + 20) / 2,000 = 0.045, equal to Formula.Rate pooled.
	r, err = by[0].EngagementRate(Likes|Comments, ByFollowers)
	check("a rate", r, err, "0.045")
	fr, _ := Formula{Likes | Comments, ByFollowers, PooledRate}.Rate(posts[1:2])
	check("a formula", fr, nil, "0.045")

	_, err = Sum([]Post{{Likes: math.MaxInt64}, {Likes: 1}})
	// 2⁶³ − 1 = 9,223,372,036,854,775,807 likes, plus 1 on posts[1].
	if want := "kpi: Sum: posts[1].Likes: overflows int64 added to the total 9223372036854775807 (1)"; !errors.Is(err, ErrOverflow) || err.Error() != want {
		t.Errorf("overflow err = %v, want %s", err, want)
	}
	_, err = ByCreator([]Post{{Clicks: -1}})
	if !errors.Is(err, ErrNegative) {
		t.Errorf("negative err = %v", err)
	}
}

func TestWeekly(t *testing.T) {
	ist, err := time.LoadLocation("Europe/Istanbul") // UTC+3 all year
	if err != nil {
		t.Skip("no tz database:", err)
	}
	posts := []Post{
		// Sunday 22:30 UTC is Monday 01:30 in Istanbul: ISO week 10 there, week 9 in UTC.
		{ID: "p1", PublishedAt: at("2026-03-01T22:30:00Z"), Likes: 100, Followers: 1_000},
		{ID: "p2", PublishedAt: at("2026-03-04T12:00:00Z"), Likes: 300, Followers: 1_000},
		{ID: "p3", PublishedAt: at("2026-03-10T10:00:00Z"), Likes: 150, Followers: 1_000},
		{ID: "p4", PublishedAt: at("2026-03-16T09:00:00Z"), Likes: 90, Followers: 1_500},
		{ID: "p5", PublishedAt: at("2026-03-22T21:30:00Z"), Likes: 0, Followers: 1_000, Hidden: FieldLikes},
		{ID: "p6", PublishedAt: at("2026-04-06T08:00:00Z"), Likes: 30, Followers: 1_000},
	}
	weeks, err := Weekly(posts, Formula{Likes, ByFollowers, PooledRate}, ist)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Week      int
		Start     string
		Posts     int64
		Rate      string
		Rated     bool
		Change    string
		Growth    string
		HasChange bool
	}
	var got []row
	for _, w := range weeks {
		got = append(got, row{w.Week, w.Start.Format(time.RFC3339), w.Totals.Posts, w.Rate.String(), w.Rated,
			w.Change.String(), w.Growth.String(), w.HasChange})
	}
	want := []row{
		// week 10: (100 + 300) / 2,000 = 0.2
		{10, "2026-03-02T00:00:00+03:00", 2, "0.2", true, "0", "0", false},
		// week 11: 150 / 1,000 = 0.15; change 0.15 − 0.2 = −0.05; growth −0.05 / 0.2 = −0.25
		{11, "2026-03-09T00:00:00+03:00", 1, "0.15", true, "-0.05", "-0.25", true},
		// week 12: 90 / 1,500 = 0.06; change −0.09; growth −0.09 / 0.15 = −0.6
		{12, "2026-03-16T00:00:00+03:00", 1, "0.06", true, "-0.09", "-0.6", true},
		// week 13: p5 (Monday 00:30 local) has hidden likes: counted, not rated
		{13, "2026-03-23T00:00:00+03:00", 1, "0", false, "0", "0", false},
		// week 14: empty
		{14, "2026-03-30T00:00:00+03:00", 0, "0", false, "0", "0", false},
		// week 15: 30 / 1,000 = 0.03; previous week not rated
		{15, "2026-04-06T00:00:00+03:00", 1, "0.03", true, "0", "0", false},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Weekly (-want +got):\n%s", d)
	}
	utc, err := Weekly(posts, Formula{Likes, ByFollowers, PooledRate}, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if utc[0].Week != 9 || len(utc) != 7 {
		t.Errorf("UTC: first week %d, %d weeks; want week 9, 7 weeks", utc[0].Week, len(utc))
	}
	if _, err := Weekly(posts, Formula{Likes, ByFollowers, PooledRate}, nil); !errors.Is(err, ErrInvalid) {
		t.Errorf("nil loc err = %v", err)
	}
	// p5 with its hidden likes set to 50 contradicts itself: an error naming
	// it, not a week silently left unrated.
	bad := slices.Clone(posts)
	bad[4].Likes = 50
	if _, err := Weekly(bad, Formula{Likes, ByFollowers, PooledRate}, ist); !errors.Is(err, ErrInvalid) ||
		err.Error() != "kpi: Weekly: posts[4].Likes: hidden but not zero (50)" {
		t.Errorf("hidden but not zero err = %v", err)
	}
	if _, err := Weekly(nil, Formula{Likes, ByFollowers, PooledRate}, time.UTC); !errors.Is(err, ErrEmpty) {
		t.Errorf("no posts err = %v", err)
	}
	far := []Post{{PublishedAt: at("1900-01-01T00:00:00Z")}, {PublishedAt: at("2200-01-01T00:00:00Z")}}
	if _, err := Weekly(far, Formula{Likes, ByFollowers, PooledRate}, time.UTC); !errors.Is(err, ErrTooLarge) {
		t.Errorf("300 years err = %v", err)
	}
}

func TestWeeklyDST(t *testing.T) {
	// Europe/Berlin moves to summer time on Sunday 2026-03-29; the weeks on
	// either side still start on Monday at 00:00 local time.
	ber, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no tz database:", err)
	}
	posts := []Post{
		{PublishedAt: at("2026-03-23T12:00:00Z"), Likes: 1, Followers: 10},
		{PublishedAt: at("2026-04-13T12:00:00Z"), Likes: 1, Followers: 10},
	}
	weeks, err := Weekly(posts, Formula{Likes, ByFollowers, PooledRate}, ber)
	if err != nil {
		t.Fatal(err)
	}
	var starts []string
	for _, w := range weeks {
		starts = append(starts, w.Start.Format(time.RFC3339))
	}
	want := []string{"2026-03-23T00:00:00+01:00", "2026-03-30T00:00:00+02:00", "2026-04-06T00:00:00+02:00", "2026-04-13T00:00:00+02:00"}
	if d := cmp.Diff(want, starts); d != "" {
		t.Errorf("starts (-want +got):\n%s", d)
	}
}

func TestTargetProgress(t *testing.T) {
	target := Target{Metric: "engagements", Goal: dec("10000"),
		Start: at("2026-03-01T00:00:00Z"), Deadline: at("2026-03-31T00:00:00Z")} // 30 days
	type pr struct {
		Fraction, Elapsed, Expected, Remaining, RunRate, NeededPerDay string
		OnTrack, Done, Overdue                                        bool
	}
	conv := func(p Progress) pr {
		return pr{p.Fraction.String(), p.Elapsed.String(), p.Expected.String(), p.Remaining.String(),
			p.RunRate.String(), p.NeededPerDay.String(), p.OnTrack, p.Done, p.Overdue}
	}
	tests := []struct {
		name     string
		achieved string
		now      string
		want     pr
	}{
		// Day 10 of 30: elapsed 1/3, expected 10,000/3 = 3,333.33…; 3,000 done
		// is behind; run rate 3,000/10 = 300 a day; needed 7,000/20 = 350 a day.
		{"behind", "3000", "2026-03-11T00:00:00Z",
			pr{"0.3", "0.3333333333333333", "3333.3333333333333333", "7000", "300", "350", false, false, false}},
		// Day 15: expected 5,000; 6,000 is ahead: needed 4,000/15 = 266.66… a day.
		{"ahead", "6000", "2026-03-16T00:00:00Z",
			pr{"0.6", "0.5", "5000", "4000", "400", "266.6666666666666667", true, false, false}},
		// After the deadline with 12,000: done, 30 days at 400 a day.
		{"done", "12000", "2026-04-05T00:00:00Z",
			pr{"1.2", "1", "10000", "0", "400", "0", true, true, false}},
		// After the deadline with 9,000: overdue, nothing left to plan.
		{"overdue", "9000", "2026-03-31T00:00:00Z",
			pr{"0.9", "1", "10000", "1000", "300", "0", false, false, true}},
		// Before the start: nothing expected yet; needed 10,000/30 = 333.33… a day.
		{"not started", "0", "2026-02-01T00:00:00Z",
			pr{"0", "0", "0", "10000", "0", "333.3333333333333333", true, false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := target.Progress(dec(tt.achieved), at(tt.now))
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tt.want, conv(p)); d != "" {
				t.Errorf("Progress (-want +got):\n%s", d)
			}
		})
	}
	// v0.2: each condition wraps the shared sentinel that names it.
	bad := []struct {
		t    Target
		want error
	}{
		{Target{Goal: dec("0"), Start: target.Start, Deadline: target.Deadline}, ErrNonPositive},
		{Target{Goal: dec("1"), Start: target.Start, Deadline: target.Start}, ErrInvalid},
		{Target{Goal: dec("1"), Start: at("1700-01-01T00:00:00Z"), Deadline: at("2100-01-01T00:00:00Z")}, ErrTooLarge},
	}
	for _, b := range bad {
		if _, err := b.t.Progress(dec("1"), target.Start); !errors.Is(err, b.want) {
			t.Errorf("%+v: err = %v, want %v", b.t, err, b.want)
		}
	}
	// Decimals beyond the library's limits are refused at the door, before
	// any division (1e999999999 would take a billion-digit rescale).
	huge := decimal.New(1, 999_999_999)
	if _, err := (Target{Goal: huge, Start: target.Start, Deadline: target.Deadline}).Progress(dec("1"), target.Start); !errors.Is(err, ErrTooLarge) {
		t.Errorf("huge goal: err = %v", err)
	}
	if _, err := target.Progress(huge, target.Start); !errors.Is(err, ErrTooLarge) ||
		!strings.HasPrefix(err.Error(), "kpi: Target.Progress: achieved: exponent beyond ±1000") {
		t.Errorf("huge achieved: err = %v", err)
	}
}

func TestTiers(t *testing.T) {
	tests := []struct {
		followers int64
		def, lf   Tier
	}{
		{0, NoTier, Nano}, {999, NoTier, Nano}, {1_000, Nano, Nano}, {9_999, Nano, Nano},
		{10_000, Micro, Micro}, {49_999, Micro, Micro}, {50_000, Mid, Micro}, {99_999, Mid, Micro},
		{100_000, Mid, Mid}, {499_999, Mid, Mid}, {500_000, Macro, Macro}, {999_999, Macro, Macro},
		{1_000_000, Mega, Mega}, {math.MaxInt64, Mega, Mega},
	}
	for _, tt := range tests {
		got, err := TierOf(tt.followers)
		if err != nil || got != tt.def {
			t.Errorf("TierOf(%d) = %v, %v; want %v", tt.followers, got, err, tt.def)
		}
		got, err = LaterFohrThresholds().Tier(tt.followers)
		if err != nil || got != tt.lf {
			t.Errorf("LaterFohr(%d) = %v, %v; want %v", tt.followers, got, err, tt.lf)
		}
	}
	if _, err := TierOf(-1); !errors.Is(err, ErrNegative) {
		t.Errorf("TierOf(-1) err = %v", err)
	}
	custom := Thresholds{Nano: 500, Micro: 5_000, Mid: 20_000, Macro: 100_000, Mega: 1_000_000}
	if got, _ := custom.Tier(20_000); got != Mid {
		t.Errorf("custom.Tier(20,000) = %v, want mid", got)
	}
	for _, bad := range []struct {
		t    Thresholds
		want error
	}{
		{Thresholds{Nano: -1, Micro: 1, Mid: 2, Macro: 3, Mega: 4}, ErrNegative}, // v0.2: a negative threshold is ErrNegative
		{Thresholds{Nano: 1, Micro: 1, Mid: 2, Macro: 3, Mega: 4}, ErrInvalid},
		{Thresholds{}, ErrInvalid},
	} {
		if err := bad.t.Validate(); !errors.Is(err, bad.want) {
			t.Errorf("%+v.Validate() = %v, want %v", bad.t, err, bad.want)
		}
	}
}

func TestPlace(t *testing.T) {
	table := DefaultBenchmarks()
	lc := Formula{Likes | Comments, ByFollowers, MeanOfRates}
	tests := []struct {
		rate        string
		tier        Tier
		year        int
		ratio       string
		pos         Position
		implausible bool
	}{
		// Exactly the 2026 nano benchmark (the 2023 row is older).
		{"0.0178", Nano, 2026, "1", Typical, false},
		// 0.04 / 0.0178 = 200/89 = 2.24719101123595505617… → 2.2471910112359551: above.
		{"0.04", Nano, 2026, "2.2471910112359551", Above, false},
		// 0.2 / 0.0178 = 2000/178 = 11.2359550561797752808… → 11.2359550561797753: implausible.
		{"0.2", Nano, 2026, "11.2359550561797753", Above, true},
		// 0.0027 / 0.0054 = 0.5: still typical (Below is < 1/2).
		{"0.0027", Micro, 2026, "0.5", Typical, false},
		// 0.0003 / 0.0033 = 1/11 = 0.0909… → 0.0909090909090909: below and implausible.
		{"0.0003", Mega, 2026, "0.0909090909090909", Below, true},
	}
	for _, tt := range tests {
		p, err := table.Place(dec(tt.rate), Instagram, tt.tier, lc)
		if err != nil {
			t.Fatalf("Place(%s, %v): %v", tt.rate, tt.tier, err)
		}
		if p.Benchmark.Year != tt.year || !p.Ratio.Equal(dec(tt.ratio)) || p.Position != tt.pos || p.Implausible != tt.implausible {
			t.Errorf("Place(%s, %v) = year %d ratio %s %v implausible %v; want %d %s %v %v", tt.rate, tt.tier,
				p.Benchmark.Year, p.Ratio, p.Position, p.Implausible, tt.year, tt.ratio, tt.pos, tt.implausible)
		}
	}
	for _, q := range []struct {
		p Platform
		t Tier
		f Formula
	}{{TikTok, Nano, lc}, {Instagram, Mid, lc}, {Instagram, Nano, Formula{Likes | Comments, ByReach, PooledRate}}} {
		if _, err := table.Place(dec("0.01"), q.p, q.t, q.f); !errors.Is(err, ErrNoBenchmark) {
			t.Errorf("Place(%v %v %v) err = %v, want ErrNoBenchmark", q.p, q.t, q.f, err)
		}
	}
	if _, err := table.Place(dec("-0.01"), Instagram, Nano, lc); !errors.Is(err, ErrNegative) {
		t.Errorf("negative rate err = %v", err)
	}
	if _, err := table.Place(decimal.New(1, -5000), Instagram, Nano, lc); !errors.Is(err, ErrTooLarge) {
		t.Errorf("tiny rate err = %v", err)
	}
	for _, r := range table.Rows {
		if r.Source == "" || r.Year == 0 || !r.Rate.IsPositive() || r.Formula.Validate() != nil {
			t.Errorf("row %+v incomplete", r)
		}
	}
}

func TestJSON(t *testing.T) {
	p := Post{ID: "p1", Creator: "ana", Platform: TikTok, PublishedAt: at("2026-03-02T10:00:00Z"),
		Followers: 10, Likes: 3, Hidden: FieldSaves | FieldReach}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"p1","creator":"ana","platform":"tiktok","published_at":"2026-03-02T10:00:00Z","followers":10,` +
		`"likes":3,"comments":0,"shares":0,"saves":0,"views":0,"reach":0,"impressions":0,"clicks":0,"conversions":0,` +
		`"hidden":"saves|reach"}`
	if string(b) != want {
		t.Errorf("json = %s\nwant   %s", b, want)
	}
	var back Post
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(p, back); d != "" {
		t.Errorf("round trip (-want +got):\n%s", d)
	}
	fb, err := json.Marshal(PresetTikTok().Formula)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"interactions":"likes|comments|shares","base":"views","average":"pooled"}`; string(fb) != want {
		t.Errorf("formula json = %s, want %s", fb, want)
	}
	var f Formula
	if err := json.Unmarshal(fb, &f); err != nil || f != PresetTikTok().Formula {
		t.Errorf("formula round trip = %v, %v", f, err)
	}
	// The zero Formula (likes+comments by followers, pooled) round-trips:
	// its empty Interactions is "none", which a Formula reads as the default.
	zb, err := json.Marshal(Formula{})
	if want := `{"interactions":"none","base":"followers","average":"pooled"}`; err != nil || string(zb) != want {
		t.Errorf("zero formula json = %s, %v; want %s", zb, err, want)
	}
	f = PresetTikTok().Formula
	if err := json.Unmarshal(zb, &f); err != nil || f != (Formula{}) {
		t.Errorf("zero formula round trip = %v, %v", f, err)
	}
}

func TestWeeklyZeroBase(t *testing.T) {
	// A video posted on Sunday 8 March with no views yet: its week has no
	// pooled rate by views, but the series goes on.
	posts := []Post{
		{PublishedAt: at("2026-03-02T10:00:00Z"), Likes: 30, Views: 1_000},
		{PublishedAt: at("2026-03-08T23:00:00Z"), Likes: 0, Views: 0},
		{PublishedAt: at("2026-03-09T10:00:00Z"), Likes: 40, Views: 800},
	}
	weeks, err := Weekly(posts, Formula{Likes, ByViews, PooledRate}, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	// Week 10: (30 + 0) / (1,000 + 0) = 0.03; week 11: 40 / 800 = 0.05.
	if len(weeks) != 2 || !weeks[0].Rate.Equal(dec("0.03")) || !weeks[1].Rate.Equal(dec("0.05")) {
		t.Errorf("weeks = %+v", weeks)
	}
	weeks, err = Weekly(posts[1:2], Formula{Likes, ByViews, PooledRate}, time.UTC)
	if err != nil || len(weeks) != 1 || weeks[0].Rated {
		t.Errorf("zero-view week: %+v, %v; want one unrated week", weeks, err)
	}
	// A mean of per-post rates cannot divide by a post's zero views.
	_, err = Weekly(posts, Formula{Likes, ByViews, MeanOfRates}, time.UTC)
	if !errors.Is(err, ErrNonPositive) || !strings.Contains(err.Error(), "posts[1].Views") {
		t.Errorf("mean with a zero base: err = %v", err)
	}
}

func TestSmallAPI(t *testing.T) {
	now := at("2026-03-10T00:00:00Z")
	posts := []Post{{Likes: 5, Comments: 5, Shares: 10, Views: 100, PublishedAt: at("2026-03-01T00:00:00Z")},
		{Likes: 1, Comments: 1, Shares: 1, Views: 100, PublishedAt: at("2026-03-11T00:00:00Z")}} // after now
	// Latest 0 means every post before now: 20 / 100 = 0.2.
	r, err := PresetTikTok().Rate(posts, now)
	if err != nil || !r.Equal(dec("0.2")) {
		t.Errorf("PresetTikTok = %s, %v; want 0.2", r, err)
	}
	if _, err := (Preset{Formula: PresetTikTok().Formula, Latest: -1}).Rate(posts, now); !errors.Is(err, ErrNegative) {
		t.Errorf("Latest -1: err = %v", err)
	}
	// v0.2: the zero Formula is valid, likes+comments by followers, pooled;
	// these posts have no followers: Σ followers = 0.
	if _, err := (Preset{Latest: 1}).Rate(posts, now); !errors.Is(err, ErrNonPositive) ||
		err.Error() != "kpi: Preset.Rate: posts: total followers not positive (0)" {
		t.Errorf("zero formula: err = %v", err)
	}
	// Zero interactions by views, pooled, over the latest post before now:
	// (5 likes + 5 comments) / 100 views = 0.1.
	if r, err := (Preset{Formula: Formula{Base: ByViews}, Latest: 1}).Rate(posts, now); err != nil || !r.Equal(dec("0.1")) {
		t.Errorf("default interactions by views = %s, %v; want 0.1", r, err)
	}
	if _, err := (Preset{Formula: Formula{Average: 9}, Latest: 1}).Rate(posts, now); !errors.Is(err, ErrInvalid) {
		t.Errorf("invalid formula: err = %v", err)
	}
	// No posts at all under "every post" (Latest 0) is an empty input, not a
	// bad window.
	if _, err := PresetTikTok().Rate(nil, now); !errors.Is(err, ErrEmpty) {
		t.Errorf("PresetTikTok(nil): err = %v, want ErrEmpty", err)
	}
	// Errors name the function the caller called.
	if _, err := FollowerGrowth(posts, now, now.Add(-1)); err == nil || !strings.HasPrefix(err.Error(), "kpi: FollowerGrowth: to:") {
		t.Errorf("FollowerGrowth reversed window: err = %v", err)
	}
	if _, err := Trailing(posts, now, -1); err == nil || !strings.HasPrefix(err.Error(), "kpi: Trailing: d:") {
		t.Errorf("Trailing(-1): err = %v", err)
	}
	// An invalid formula still prints every field.
	if got, want := (Formula{Likes, ByReach, 9}).String(), "likes by reach, Average(9)"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	if got, want := PresetFollowers12().Formula.String(), "likes+comments by followers, mean of rates"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	if err := (Target{Goal: dec("1"), Start: now, Deadline: now.Add(time.Hour)}).Validate(); err != nil {
		t.Errorf("valid target: %v", err)
	}
	var s Statistic
	if err := s.UnmarshalText([]byte("Median")); err != nil || s != Median || s.String() != "median" {
		t.Errorf("Statistic = %v, %v", s, err)
	}
	var p Position
	if err := p.UnmarshalText([]byte("below")); err != nil || p != Below {
		t.Errorf("Position = %v, %v", p, err)
	}
	if v, ok := (Post{Reach: 7, Hidden: FieldReach}).Count(FieldReach); ok || v != 0 {
		t.Errorf("hidden Count = %d, %v", v, ok)
	}
	if _, ok := (Post{}).Count(FieldLikes | FieldReach); ok {
		t.Error("Count of two fields reported")
	}
}

func TestFollowerGrowth(t *testing.T) {
	posts := []Post{
		{Creator: "ana", PublishedAt: at("2026-03-09T00:00:00Z"), Followers: 12_800},
		{Creator: "ana", PublishedAt: at("2026-03-01T00:00:00Z"), Followers: 0, Hidden: FieldFollowers},
		{Creator: "ana", PublishedAt: at("2026-03-02T00:00:00Z"), Followers: 12_400},
		{Creator: "ana", PublishedAt: at("2026-03-30T00:00:00Z"), Followers: 13_150},
		{Creator: "ana", PublishedAt: at("2026-04-01T00:00:00Z"), Followers: 20_000}, // outside
	}
	// March: 12,400 on the 2nd (the hidden count of the 1st is skipped) →
	// 13,150 on the 30th: 750 / 12,400 = 0.0604838709677419 (see TestRatesWorked).
	g, err := FollowerGrowth(posts, at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z"))
	if err != nil || !g.Equal(dec("0.0604838709677419")) {
		t.Errorf("FollowerGrowth = %s, %v", g, err)
	}
	if _, err := FollowerGrowth(posts[1:2], at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z")); !errors.Is(err, ErrEmpty) {
		t.Errorf("all hidden: err = %v", err)
	}
	// A hidden count that is not zero contradicts itself: an error naming it.
	bad := slices.Clone(posts)
	bad[1].Followers = 99
	if _, err := FollowerGrowth(bad, at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z")); !errors.Is(err, ErrInvalid) ||
		err.Error() != "kpi: FollowerGrowth: posts[1].Followers: hidden but not zero (99)" {
		t.Errorf("hidden but not zero: err = %v", err)
	}
	mixed := append([]Post{{Creator: "ben", PublishedAt: at("2026-03-05T00:00:00Z"), Followers: 5}}, posts...)
	if _, err := FollowerGrowth(mixed, at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z")); !errors.Is(err, ErrInvalid) {
		t.Errorf("two creators: err = %v", err)
	}
	zero := []Post{{PublishedAt: at("2026-03-05T00:00:00Z")}}
	if _, err := FollowerGrowth(zero, at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z")); !errors.Is(err, ErrNonPositive) {
		t.Errorf("zero start: err = %v", err)
	}
}
