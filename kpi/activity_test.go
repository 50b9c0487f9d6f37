package kpi

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func activityPosts() []Post {
	at := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	return []Post{
		// given out of order: MeasureActivity sorts by time
		{ID: "p4", Creator: "mara", PublishedAt: at("2026-03-27"), Followers: 1000, Likes: 70, Comments: 10, Caption: "new drop #ad"},
		{ID: "p1", Creator: "mara", PublishedAt: at("2026-03-02"), Followers: 1000, Likes: 30, Comments: 10, Saves: 5, Shares: 5},
		{ID: "p2", Creator: "mara", PublishedAt: at("2026-03-09"), Followers: 1000, Likes: 50, Comments: 10, Saves: 20, Shares: 10, Caption: "#AD serum"},
		{ID: "p3", Creator: "mara", PublishedAt: at("2026-03-16"), Followers: 1000, Likes: 40, Comments: 10, Hidden: FieldSaves},
		{ID: "p5", Creator: "mara", PublishedAt: at("2026-03-30"), Followers: 1000, Likes: 99}, // at To: outside
	}
}

func TestMeasureActivity(t *testing.T) {
	from, to := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 30, 0, 0, 0, 0, time.UTC)
	sponsored := func(p Post) bool { return strings.Contains(strings.ToLower(p.Caption), "#ad") }
	a, err := MeasureActivity(activityPosts(), from, to, ActivityOptions{Sponsored: sponsored})
	if err != nil {
		t.Fatal(err)
	}
	// Window 28 days = 4 weeks, 4 posts (p5 at To is outside): 1 a week.
	// Gaps 7, 7, 11 days: mean 25/3, variance ((4/3)² + (4/3)² + (8/3)²)/3 = 32/9,
	// CV = (√32/3)/(25/3) = 4√2/25 = 0.22627416997969520… → 0.2262741699796952.
	// Last post 27 Mar, To 30 Mar: 3 days. Sponsored: p2, p4 of 4 = 0.5.
	// Rates (likes + comments)/1000: 0.04, 0.06, 0.05, 0.08; mean 0.0575,
	// variance (0.0175² + 0.0025² + 0.0075² + 0.0225²)/4 = 0.00021875,
	// CV = √0.00021875/0.0575 = √35/23 = 0.25722086013476591… → 0.2572208601347659.
	// Trend against weeks 0, 1, 2, 25/7: x̄ 23/14, ȳ 23/400, Sxx 341/49, Sxy 19/280,
	// slope = (19/280)/(341/49) = 133/13640 = 0.00975073313782991… → 0.0097507331378299 a week;
	// SSR = Syy − b·Sxy = 0.000875 − 133/13640 · 19/280 = 291/1364000,
	// SE = √(SSR/2/Sxx) = √(14259/930248000) = 0.00391512075833797… → 0.0039151207583380.
	for _, c := range []struct {
		name string
		got  decimal.NullDecimal
		want string
	}{
		{"regularity", a.Regularity, "0.2262741699796952"},
		{"days since last", a.DaysSinceLast, "3"},
		{"sponsored", a.SponsoredShare, "0.5"},
		{"rate cv", a.RateCV, "0.2572208601347659"},
		{"trend", a.Trend, "0.0097507331378299"},
		{"trend se", a.TrendSE, "0.003915120758338"},
	} {
		if !c.got.Valid || !c.got.Decimal.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("%s = %v, want %s", c.name, c.got, c.want)
		}
	}
	if a.Posts != 4 || a.Rated != 4 || a.Unrated != 0 || !a.PostsPerWeek.Equal(decimal.NewFromInt(1)) {
		t.Errorf("posts %d rated %d unrated %d per week %s", a.Posts, a.Rated, a.Unrated, a.PostsPerWeek)
	}
}

func TestMeasureActivityFewPosts(t *testing.T) {
	from, to := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 15, 0, 0, 0, 0, time.UTC)
	// No posts: 0 a week, everything else null (never a silent 0).
	a, err := MeasureActivity(nil, from, to, ActivityOptions{Sponsored: func(Post) bool { return true }})
	if err != nil || !a.PostsPerWeek.IsZero() || a.DaysSinceLast.Valid || a.Regularity.Valid || a.SponsoredShare.Valid ||
		a.RateCV.Valid || a.Trend.Valid {
		t.Errorf("no posts: %+v, %v", a, err)
	}
	// Two posts, one with hidden likes and one with 0 followers: both unrated;
	// 2 posts in 2 weeks = 1 a week; one gap: regularity null.
	posts := []Post{
		{ID: "a", Creator: "x", PublishedAt: from, Followers: 100, Hidden: FieldLikes},
		{ID: "b", Creator: "x", PublishedAt: from.Add(48 * time.Hour), Followers: 0, Likes: 3},
	}
	a, err = MeasureActivity(posts, from, to, ActivityOptions{})
	if err != nil || a.Rated != 0 || a.Unrated != 2 || a.Regularity.Valid || a.RateCV.Valid || a.SponsoredShare.Valid ||
		!a.PostsPerWeek.Equal(decimal.NewFromInt(1)) {
		t.Errorf("unrated: %+v, %v", a, err)
	}
}

func TestMeasureActivityErrors(t *testing.T) {
	from := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		posts []Post
		to    time.Time
		want  string
		is    error
	}{
		{nil, time.Time{}, "kpi: MeasureActivity: from: zero time: the window would start in year 1", ErrInvalid},
		{nil, from, "kpi: MeasureActivity: to: not after from 2026-03-01T00:00:00Z (\"2026-03-01T00:00:00Z\")", ErrNonPositive},
		{[]Post{{Creator: "a"}, {Creator: "b"}}, from.Add(time.Hour), `kpi: MeasureActivity: posts[1].Creator: a second creator (posts[0] is "a") ("b")`, ErrInvalid},
		{[]Post{{Creator: "a", Shares: -1}}, from.Add(time.Hour), "kpi: MeasureActivity: posts[0].Shares: negative (-1)", ErrNegative},
		{[]Post{{Creator: "a", Likes: 4, Hidden: FieldLikes}}, from.Add(time.Hour), "kpi: MeasureActivity: posts[0].Likes: hidden but not zero (4)", ErrInvalid},
	} {
		f := from
		if c.to.IsZero() {
			f, c.to = time.Time{}, from
		}
		_, err := MeasureActivity(c.posts, f, c.to, ActivityOptions{})
		if err == nil || err.Error() != c.want || !errors.Is(err, c.is) {
			t.Errorf("got %v\nwant %s", err, c.want)
		}
	}
}

func TestMeasureContent(t *testing.T) {
	from, to := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 30, 0, 0, 0, 0, time.UTC)
	cp, err := MeasureContent(activityPosts(), from, to, Formula{})
	if err != nil {
		t.Fatal(err)
	}
	// Rates 0.04, 0.06, 0.05, 0.08 (p1..p4): median (0.05 + 0.06)/2 = 0.055.
	// Index: 0.04/0.055 = 8/11 = 0.72727272727272727… → 0.7272727272727273;
	// 12/11 = 1.0909090909090909|09 → 1.0909090909090909; 10/11 = 0.9090909090909090|9 → 0.9090909090909091;
	// 16/11 = 1.4545454545454545|45 → 1.4545454545454545. Best p4, weakest p1.
	// Keep share: p1 (5 + 5)/50 = 0.2; p2 (20 + 10)/90 = 1/3 → 0.3333333333333333;
	// p3 hides saves: null; p4 0/80 = 0. Pooled: (10 + 30 + 0)/(50 + 90 + 80) = 2/11 → 0.1818181818181818.
	want := []struct{ id, index, keep string }{
		{"p1", "0.7272727272727273", "0.2"},
		{"p2", "1.0909090909090909", "0.3333333333333333"},
		{"p3", "0.9090909090909091", ""},
		{"p4", "1.4545454545454545", "0"},
	}
	if len(cp.Posts) != len(want) {
		t.Fatalf("posts = %+v", cp.Posts)
	}
	for i, w := range want {
		p := cp.Posts[i]
		if p.ID != w.id || !p.Index.Decimal.Equal(decimal.RequireFromString(w.index)) ||
			(w.keep == "") == p.KeepShare.Valid || (w.keep != "" && !p.KeepShare.Decimal.Equal(decimal.RequireFromString(w.keep))) {
			t.Errorf("post %d = %+v, want %+v", i, p, w)
		}
	}
	if !cp.Median.Decimal.Equal(decimal.RequireFromString("0.055")) || cp.Best != "p4" || cp.Weakest != "p1" ||
		!cp.KeepShare.Decimal.Equal(decimal.RequireFromString("0.1818181818181818")) {
		t.Errorf("median %v best %s weakest %s keep %v", cp.Median, cp.Best, cp.Weakest, cp.KeepShare)
	}
}

// TestMeasureActivityLimits: a window of MaxActivityWindow is measured, one
// nanosecond more is ErrTooLarge (a longer window would saturate
// time.Duration at 292 years and read rates wrong); many posts count
// exactly (the posts-a-week numerator is decimal, not posts × ns in int64).
func TestMeasureActivityLimits(t *testing.T) {
	from := time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	posts := []Post{{ID: "a", Creator: "c", PublishedAt: from, Followers: 10, Likes: 1}}
	// MaxActivityWindow is 200 × 365.25 = 73,050 days = 10,435.714… weeks;
	// one post: 1 / (73050/7) = 7/73050 = 0.0000958247775496… → 0.0000958247775496.
	a, err := MeasureActivity(posts, from, from.Add(MaxActivityWindow), ActivityOptions{})
	if want := decimal.RequireFromString("0.0000958247775496"); err != nil || !a.PostsPerWeek.Equal(want) {
		t.Errorf("PostsPerWeek = %s, %v; want %s", a.PostsPerWeek, err, want)
	}
	for _, measure := range []func() error{
		func() error {
			_, err := MeasureActivity(posts, from, from.Add(MaxActivityWindow+1), ActivityOptions{})
			return err
		},
		func() error {
			_, err := MeasureContent(posts, from, from.Add(MaxActivityWindow+1), Formula{})
			return err
		},
	} {
		if err := measure(); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), ": to: ") {
			t.Errorf("window beyond MaxActivityWindow: err = %v, want ErrTooLarge naming to", err)
		}
	}
	// 20,000 posts a minute apart in 30 days: 20000 × 7 / 30 = 4666.666… a week.
	many := make([]Post, 20_000)
	for i := range many {
		many[i] = Post{ID: "p", Creator: "c", Followers: 1000, Likes: 10, PublishedAt: from.Add(time.Duration(i) * time.Minute)}
	}
	a, err = MeasureActivity(many, from, from.Add(30*24*time.Hour), ActivityOptions{})
	if want := decimal.RequireFromString("4666.6666666666666667"); err != nil || !a.PostsPerWeek.Equal(want) {
		t.Errorf("PostsPerWeek of 20,000 posts = %s, %v; want %s", a.PostsPerWeek, err, want)
	}
}
