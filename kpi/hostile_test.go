package kpi

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/hostile"
	"github.com/influencekit/influencekit/internal/limit"
)

// runner holds every call of the hostile table to hostile.Bound (×4 under
// -race) on its wall time: ReadPosts reads a large input in a goroutine of
// its own, which the CPU time of the caller's thread would not count.
var runner = hostile.Runner{}

// maxMessage bounds an error message of the hostile table, tighter than
// hostile.MaxMessage: kpi's messages name one field and one short value.
const maxMessage = 300

// sentinels are the package's exported sentinel errors: every error of the
// hostile table must wrap one of them.
var sentinels = []error{ErrInvalid, ErrNegative, ErrNonPositive, ErrEmpty, ErrOverflow, ErrTooLarge,
	ErrSyntax, ErrMissingColumn, ErrNotReported, ErrNoBenchmark}

// hostileCall is one call of an exported function or method with hostile
// values. fn is "Func" or "Type.Method", as TestHostileCoversAPI lists them.
type hostileCall struct {
	fn, name string
	call     func() error
}

// hostileOwn gives, by function, an error of the caller's own (a failing
// reader's) that a call may return wrapped instead of a sentinel.
var hostileOwn = map[string]error{"ReadPosts": errDisk, "ScanPosts": errDisk}

// hostile values shared by the table and the fuzz target.
var (
	hostileInts    = []int64{0, -1, 1, math.MaxInt64, math.MinInt64, math.MaxInt64 / 2}
	hostileStrings = []string{"", " ", "\x00", "1\x002", "\xff\xfe\xfd", "NaN", "+Inf", "-Inf", "1e308",
		"-0", "9223372036854775808", "1,234", "3.3k", "1.39%", strings.Repeat("9", 1_000_000),
		strings.Repeat("9", 1_000_000) + "%", "0." + strings.Repeat("0", 1_000_000) + "1",
		strings.Repeat("0", 1_000_000) + "1", strings.Repeat("1,000", 200_000)}
	t0           = time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)
	hostileTimes = []time.Time{{}, t0, time.Unix(1<<62, 0), time.Unix(-1<<62, 0),
		time.Unix(math.MaxInt64, 999_999_999), time.Unix(math.MinInt64, 0)}
	hostileDurations = []time.Duration{0, -1, time.Hour, math.MaxInt64, math.MinInt64}
	hostileFormulas  = []Formula{{}, {AllInteractions, ByViews, MedianRate}, {Likes, ByReach, MeanOfRates},
		{0xFF, 9, 9}, {Saves, ByImpressions, 3}}
)

// hostileDecimals returns zero, negative, MaxInt64, the exponents ±2³¹, a
// zero with such an exponent, a 10⁶-digit decimal and the largest values
// within the limits (1000 digits, exponent ±1000).
func hostileDecimals() []decimal.Decimal {
	million := decimal.NewFromBigInt(new(big.Int).Lsh(big.NewInt(1), 3_321_929), 0) // 2^3321929 has 10^6 digits
	nines := decimal.NewFromBigInt(new(big.Int).Sub(new(big.Int).Exp(big.NewInt(10), big.NewInt(1000), nil), big.NewInt(1)), 0)
	return []decimal.Decimal{{}, decimal.NewFromInt(-1), decimal.NewFromInt(math.MaxInt64), decimal.New(1, -16),
		decimal.New(1, math.MaxInt32), decimal.New(1, math.MinInt32), decimal.New(-7, math.MaxInt32),
		decimal.New(0, math.MinInt32), decimal.New(0, math.MaxInt32), million, million.Neg(),
		decimal.NewFromBigInt(million.Coefficient(), -1), decimal.New(1, limit.MaxExponent),
		decimal.New(1, -limit.MaxExponent), nines, decimal.NewFromBigInt(nines.Coefficient(), limit.MaxExponent),
		decimal.NewFromBigInt(nines.Coefficient(), -limit.MaxExponent)}
}

// hostilePosts returns post sets: nil, empty, ordinary, sums past int64,
// negative counts, contradicting Hidden sets, NUL and invalid UTF-8 text,
// extreme times, and 2,000 posts (TestHostileActivityManyPosts has 20,000).
func hostilePosts() map[string][]Post {
	ok := []Post{
		{ID: "a", Creator: "c", Platform: Instagram, PublishedAt: t0, Followers: 1000, Likes: 50, Comments: 5, Reach: 400, Views: 900, Impressions: 1200, Clicks: 7, Conversions: 1},
		{ID: "b", Creator: "c", Platform: Instagram, PublishedAt: t0.Add(50 * time.Hour), Followers: 1010, Likes: 40, Saves: 3, Reach: 300, Views: 800, Impressions: 1000, Clicks: 3},
		{ID: "c", Creator: "c", Platform: Instagram, PublishedAt: t0.Add(200 * time.Hour), Followers: 1020, Likes: 70, Shares: 2, Hidden: FieldReach},
	}
	m := math.MaxInt64
	big := Post{ID: "m", Creator: "c", PublishedAt: t0, Followers: int64(m), Likes: int64(m), Comments: int64(m), Shares: int64(m),
		Saves: int64(m), Views: int64(m), Reach: int64(m), Impressions: int64(m), Clicks: int64(m), Conversions: int64(m)}
	neg := Post{ID: "n", Creator: "c", PublishedAt: t0, Followers: math.MinInt64, Likes: -1, Comments: math.MinInt64, Views: -5, Reach: -1, Impressions: -1, Clicks: -1, Conversions: -1}
	many := make([]Post, 2_000)
	for i := range many {
		many[i] = Post{ID: fmt.Sprint(i), Creator: "c", PublishedAt: t0.Add(time.Duration(i) * time.Minute),
			Followers: 1000 + int64(i), Likes: int64(i % 97), Comments: int64(i % 13), Views: int64(i), Reach: int64(i % 500)}
	}
	return map[string][]Post{
		"nil": nil, "empty": {}, "ok": ok, "zero post": {{}},
		"past int64":    {big, big, big},
		"negative":      {neg, ok[0]},
		"hidden bits":   {{Hidden: 0xFFFF}, {Likes: 5, Hidden: FieldLikes}},
		"all hidden":    {{Hidden: AllFields, PublishedAt: t0}},
		"strings":       {{ID: "\x00", Creator: "\xff\xfe", Caption: strings.Repeat("\x00\xff", 500_000), PublishedAt: t0, Followers: 1}},
		"two creators":  {ok[0], {Creator: "\x00", PublishedAt: t0.Add(time.Hour), Followers: 5}},
		"extreme times": {{Creator: "c", PublishedAt: time.Unix(-1<<62, 0), Followers: 1}, {Creator: "c", PublishedAt: time.Unix(1<<62, 0), Followers: 2}},
		"time edges":    {{Creator: "c", PublishedAt: time.Unix(math.MinInt64, 0), Followers: 1}, {Creator: "c", PublishedAt: time.Unix(math.MaxInt64, 999_999_999), Followers: 2}},
		"2000":          many,
	}
}

// tiePosts returns 4q+1 posts with 4q+1 distinct bases whose mean of rates
// (likes by followers) lies exactly on a rounding midpoint, the case only
// an exact sum decides: for m = 10¹²+7, 10¹²+9, … (q values), four posts
// 1/(2m), 1/(3m), 1/(6m), (m−1)/m sum to 1; one more, e/(2·10¹⁶), makes
// the mean (q + e/(2·10¹⁶)) / (4q+1) = t/(2·10¹⁶) with t odd, the midpoint
// between (t−1)/2 and (t+1)/2 units of 10⁻¹⁶: t = ⌈2·10¹⁶·q / n⌉, made odd,
// and e = t·n − 2·10¹⁶·q. below moves e down by one: just under it.
func tiePosts(q int, below int64) []Post {
	var quads [4][]Post // ordered by kind, so that the sums cancel only at the end
	for i := range q {
		m := int64(1_000_000_000_007 + 2*i)
		quads[0] = append(quads[0], Post{Likes: 1, Followers: 2 * m})
		quads[1] = append(quads[1], Post{Likes: 1, Followers: 3 * m})
		quads[2] = append(quads[2], Post{Likes: 1, Followers: 6 * m})
		quads[3] = append(quads[3], Post{Likes: m - 1, Followers: m})
	}
	n := int64(4*q + 1)
	two := new(big.Int).Mul(big.NewInt(20_000_000_000_000_000), big.NewInt(int64(q)))
	t, r := new(big.Int).QuoRem(two, big.NewInt(n), new(big.Int))
	if r.Sign() > 0 {
		t.Add(t, big.NewInt(1))
	}
	t.SetBit(t, 0, 1)
	e := new(big.Int).Sub(new(big.Int).Mul(t, big.NewInt(n)), two)
	last := Post{Likes: e.Int64() - below, Followers: 20_000_000_000_000_000}
	return append(slices.Concat(quads[:]...), last)
}

// TestMeanTieManyBases checks the exact pass of MeanOfRates on a mean that
// lies on a rounding midpoint (tiePosts) and its limit: with q = 2499,
// n = 9997 posts and 9997 distinct bases, 2·10¹⁶·2499 / 9997 =
// 4999499849954986.49…, so t = 4999499849954987 (odd), e = t·n −
// 2·10¹⁶·2499 = 5039, and the mean t/2 units of 10⁻¹⁶ rounds half away
// from zero to 2499749924977494·10⁻¹⁶; with e = 5038 it is just under the
// midpoint and rounds to 2499749924977493·10⁻¹⁶. With q = 2500 there are
// 10,001 distinct bases, more than MaxExactBases: ErrTooLarge, at once.
func TestMeanTieManyBases(t *testing.T) {
	f := Formula{Likes, ByFollowers, MeanOfRates}
	for _, tt := range []struct {
		q     int
		below int64
		want  string
	}{{2499, 0, "0.2499749924977494"}, {2499, 1, "0.2499749924977493"}} {
		start := time.Now()
		got, err := f.Rate(tiePosts(tt.q, tt.below))
		if err != nil || !got.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("q=%d below=%d: got %s, %v; want %s", tt.q, tt.below, got, err, tt.want)
		}
		t.Logf("q=%d: %v", tt.q, time.Since(start))
	}
	start := time.Now()
	if _, err := f.Rate(tiePosts(2500, 0)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("10,001 bases: err = %v, want ErrTooLarge", err)
	}
	if d := time.Since(start); d > runner.Limit() {
		t.Errorf("10,001 bases: refused in %v", d)
	}
}

// callsParse covers the parsers and the int64 rates.
func callsParse() []hostileCall {
	var cs []hostileCall
	for _, s := range hostileStrings {
		name := fmt.Sprintf("%.20q (%d bytes)", s, len(s))
		cs = append(cs,
			hostileCall{"ParseCount", name, func() error { _, err := ParseCount(s); return err }},
			hostileCall{"ParseRate", name, func() error { _, err := ParseRate(s); return err }})
	}
	rates := map[string]func(a, b int64) (decimal.Decimal, error){"EngagementRate": EngagementRate,
		"GrowthRate": GrowthRate, "ReachRate": ReachRate, "CTR": CTR, "ConversionRate": ConversionRate}
	for fn, f := range rates {
		for _, a := range hostileInts {
			for _, b := range hostileInts {
				cs = append(cs, hostileCall{fn, fmt.Sprint(a, b), func() error { _, err := f(a, b); return err }})
			}
		}
	}
	for _, n := range hostileInts {
		cs = append(cs, hostileCall{"TierOf", fmt.Sprint(n), func() error { _, err := TierOf(n); return err }})
		for name, th := range map[string]Thresholds{"default": DefaultThresholds(), "later": LaterFohrThresholds(),
			"zero": {}, "negative": {Nano: math.MinInt64}, "max": {math.MaxInt64 - 4, math.MaxInt64 - 3, math.MaxInt64 - 2, math.MaxInt64 - 1, math.MaxInt64}} {
			cs = append(cs, hostileCall{"Thresholds.Tier", name + fmt.Sprint(n), func() error { _, err := th.Tier(n); return err }},
				hostileCall{"Thresholds.Validate", name, th.Validate})
		}
	}
	return cs
}

// callsPosts covers the functions that read posts.
func callsPosts() []hostileCall {
	var cs []hostileCall
	windows := [][2]time.Time{{t0, t0.Add(30 * 24 * time.Hour)}, {t0, t0}, {t0, t0.Add(-time.Hour)},
		{hostileTimes[4], hostileTimes[5]}, {hostileTimes[5], hostileTimes[4]}, {{}, t0}}
	for pname, posts := range hostilePosts() {
		add := func(fn, name string, f func() error) { cs = append(cs, hostileCall{fn, pname + " " + name, f}) }
		add("Sum", "", func() error { _, err := Sum(posts); return err })
		add("ByCreator", "", func() error { _, err := ByCreator(posts); return err })
		for _, f := range hostileFormulas {
			add("Formula.Rate", f.String(), func() error { _, err := f.Rate(posts); return err })
			add("Formula.Measure", f.String(), func() error { _, err := f.Measure(posts); return err })
			for _, loc := range []*time.Location{nil, time.UTC, time.FixedZone("+14", 14*3600)} {
				add("Weekly", f.String(), func() error { _, err := Weekly(posts, f, loc); return err })
			}
		}
		for _, w := range windows {
			name := fmt.Sprint(w[0].Unix(), w[1].Unix())
			add("FollowerGrowth", name, func() error { _, err := FollowerGrowth(posts, w[0], w[1]); return err })
			add("Between", name, func() error { _, err := Between(posts, w[0], w[1]); return err })
			for _, f := range hostileFormulas[2:4] {
				opt := ActivityOptions{Formula: f, Sponsored: func(p Post) bool { return p.Likes > 10 }}
				add("MeasureActivity", name, func() error { _, err := MeasureActivity(posts, w[0], w[1], opt); return err })
				add("MeasureContent", name, func() error { _, err := MeasureContent(posts, w[0], w[1], f); return err })
			}
		}
		for _, now := range hostileTimes {
			for _, n := range []int{0, -1, 1, math.MaxInt, math.MinInt} {
				add("Latest", fmt.Sprint(n), func() error { _, err := Latest(posts, n, now); return err })
				p := PresetFollowers12()
				p.Latest = n
				add("Preset.Rate", fmt.Sprint(n), func() error { _, err := p.Rate(posts, now); return err })
			}
			for _, d := range hostileDurations {
				add("Trailing", fmt.Sprint(d), func() error { _, err := Trailing(posts, now, d); return err })
			}
		}
	}
	// A mean of rates on a rounding midpoint over 10,001 distinct bases:
	// refused (MaxExactBases) before the exact pass.
	tie := tiePosts(MaxExactBases/4, 0)
	mean := Formula{Likes, ByFollowers, MeanOfRates}
	all := Preset{Formula: mean}
	cs = append(cs, hostileCall{"Formula.Rate", "tie", func() error { _, err := mean.Rate(tie); return err }},
		hostileCall{"Formula.Measure", "tie", func() error { _, err := mean.Measure(tie); return err }},
		hostileCall{"Preset.Rate", "tie", func() error { _, err := all.Rate(tie, t0); return err }})
	return cs
}

// callsTotals covers Totals and Post.Count.
func callsTotals() []hostileCall {
	var cs []hostileCall
	m := int64(math.MaxInt64)
	for name, t := range map[string]Totals{"zero": {}, "max": {Posts: m, Followers: m, Likes: m, Comments: m, Shares: m,
		Saves: m, Views: m, Reach: m, Impressions: m, Clicks: m, Conversions: m}, "negative": {Followers: -1, Likes: math.MinInt64,
		Clicks: -1, Impressions: -1, Reach: -1}, "hidden": {Likes: 3, Followers: 9, Hidden: 0xFFFF}} {
		for _, i := range []Interaction{0, Likes, AllInteractions, 0xFF} {
			cs = append(cs, hostileCall{"Totals.Engagements", name, func() error { _, err := t.Engagements(i); return err }})
			for _, b := range []Base{ByFollowers, ByViews, 200} {
				cs = append(cs, hostileCall{"Totals.EngagementRate", name, func() error { _, err := t.EngagementRate(i, b); return err }})
			}
		}
		cs = append(cs, hostileCall{"Totals.ReachRate", name, func() error { _, err := t.ReachRate(); return err }},
			hostileCall{"Totals.CTR", name, func() error { _, err := t.CTR(); return err }},
			hostileCall{"Totals.ConversionRate", name, func() error { _, err := t.ConversionRate(); return err }})
	}
	for _, p := range hostilePosts()["past int64"][:1] {
		for _, f := range []Fields{0, FieldLikes, FieldConversions, AllFields, 0xFFFF, 1 << 15} {
			cs = append(cs, hostileCall{"Post.Count", f.String(), func() error { p.Count(f); return nil }})
		}
	}
	return cs
}

// callsTarget covers Target and Benchmarks, the decimal entry points.
func callsTarget() []hostileCall {
	var cs []hostileCall
	ds := hostileDecimals()
	tables := map[string]Benchmarks{"default": DefaultBenchmarks(), "empty": {}}
	for _, d := range ds {
		rows := DefaultBenchmarks()
		for i := range rows.Rows {
			rows.Rows[i].Rate = d
		}
		tables["rate "+fmt.Sprint(d.Exponent())+" "+fmt.Sprint(d.Coefficient().BitLen())] = rows
	}
	for gi, goal := range ds {
		for _, start := range hostileTimes[:2] {
			for _, dl := range []time.Duration{time.Hour, 0, -1, math.MaxInt64} {
				tg := Target{Metric: "\x00\xff", Goal: goal, Start: start, Deadline: start.Add(dl)}
				name := fmt.Sprint("goal ", gi, " ", start.Unix(), " ", dl)
				cs = append(cs, hostileCall{"Target.Validate", name, tg.Validate})
				for ai, a := range ds {
					for _, now := range hostileTimes[1:4] {
						cs = append(cs, hostileCall{"Target.Progress", fmt.Sprint(name, " achieved ", ai, " now ", now.Unix()),
							func() error { _, err := tg.Progress(a, now); return err }})
					}
				}
			}
		}
	}
	for tname, tb := range tables {
		for ri, r := range ds {
			for _, pl := range []Platform{Instagram, 255} {
				for _, tier := range []Tier{Nano, Mega, 200} {
					for _, f := range hostileFormulas {
						cs = append(cs, hostileCall{"Benchmarks.Place", fmt.Sprint(tname, " rate ", ri, pl, tier, f),
							func() error { _, err := tb.Place(r, pl, tier, f); return err }})
					}
				}
			}
		}
	}
	return cs
}

// textTypes are the package's enums and bit sets, with a value out of range
// each.
func textTypes() map[string][2]interface {
	String() string
	MarshalText() ([]byte, error)
} {
	type enum = interface {
		String() string
		MarshalText() ([]byte, error)
	}
	return map[string][2]enum{"Platform": {X, Platform(255)}, "Base": {ByViews, Base(255)},
		"Average": {MedianRate, Average(255)}, "Tier": {Mega, Tier(255)}, "Statistic": {Median, Statistic(255)},
		"Position": {Above, Position(255)}, "Interaction": {AllInteractions, Interaction(255)},
		"Fields": {AllFields, Fields(0xFFFF)}}
}

// callsText covers String, MarshalText, UnmarshalText, Formula's methods,
// Base.Field and the constructors without arguments.
func callsText() []hostileCall {
	var cs []hostileCall
	for typ, vs := range textTypes() {
		for _, v := range vs {
			cs = append(cs, hostileCall{typ + ".String", v.String(), func() error { _ = v.String(); return nil }},
				hostileCall{typ + ".MarshalText", v.String(), func() error { _, err := v.MarshalText(); return err }})
		}
	}
	texts := append(slices.Clone(hostileStrings), "likes|", "|", "none|likes", " TWITTER ", "mega\x00")
	for _, s := range texts {
		b := []byte(s)
		for typ, u := range map[string]interface{ UnmarshalText([]byte) error }{"Platform": new(Platform),
			"Base": new(Base), "Average": new(Average), "Tier": new(Tier), "Statistic": new(Statistic),
			"Position": new(Position), "Interaction": new(Interaction), "Fields": new(Fields)} {
			cs = append(cs, hostileCall{typ + ".UnmarshalText", fmt.Sprintf("%.20q", s), func() error { return u.UnmarshalText(b) }})
		}
	}
	for _, f := range hostileFormulas {
		cs = append(cs, hostileCall{"Formula.Validate", f.String(), f.Validate},
			hostileCall{"Formula.String", f.String(), func() error { _ = f.String(); return nil }},
			hostileCall{"Formula.Needs", f.String(), func() error { _ = f.Needs(); return nil }},
			hostileCall{"Base.Field", f.Base.String(), func() error { _ = f.Base.Field(); return nil }})
	}
	for fn, f := range map[string]func(){"DefaultBenchmarks": func() { _ = DefaultBenchmarks() },
		"DefaultPostColumns": func() { _ = DefaultPostColumns() }, "DefaultThresholds": func() { _ = DefaultThresholds() },
		"LaterFohrThresholds": func() { _ = LaterFohrThresholds() }, "PresetFollowers12": func() { _ = PresetFollowers12() },
		"PresetReach": func() { _ = PresetReach() }, "PresetReels": func() { _ = PresetReels() },
		"PresetTikTok": func() { _ = PresetTikTok() }, "PresetImpressions": func() { _ = PresetImpressions() },
		"Presets": func() { _ = Presets() }} {
		cs = append(cs, hostileCall{fn, "", func() error { f(); return nil }})
	}
	return cs
}

// callsCSV covers ReadPosts: nil and failing readers, empty input, bad
// separators, NUL, invalid UTF-8, a 10⁶-digit cell and sums past int64.
func callsCSV() []hostileCall {
	var cs []hostileCall
	inputs := map[string]func() io.Reader{
		"nil reader":    func() io.Reader { return nil },
		"nil pointer":   func() io.Reader { var r *strings.Reader; return r },
		"failing":       func() io.Reader { return failingReader{} },
		"empty":         func() io.Reader { return strings.NewReader("") },
		"bom only":      func() io.Reader { return strings.NewReader("\uFEFF") },
		"header only":   func() io.Reader { return strings.NewReader("id,likes,followers\n") },
		"nul":           func() io.Reader { return strings.NewReader("id,likes\x00,followers\n\x00,1,2\n") },
		"invalid utf-8": func() io.Reader { return strings.NewReader("id,likes,followers\n\xff\xfe,1,2\n") },
		"10^6 digits": func() io.Reader {
			return strings.NewReader("id,likes,followers\na," + strings.Repeat("9", 1_000_000) + ",1\n")
		},
		"10^6 zeros": func() io.Reader {
			return strings.NewReader("id,likes,followers\na," + strings.Repeat("0", 1_000_000) + "1,1\n")
		},
		"past int64": func() io.Reader {
			return strings.NewReader("id,likes,followers\na,9223372036854775807,9223372036854775807\nb,9223372036854775807,1\n")
		},
		"negative":   func() io.Reader { return strings.NewReader("id,likes,followers\na,-1,-9223372036854775808\n") },
		"bare quote": func() io.Reader { return strings.NewReader("id,likes,followers\n\"a,1,2\n") },
		"bad time":   func() io.Reader { return strings.NewReader("id,published_at\na,\x00\n") },
	}
	cols := map[string]PostColumns{"default": DefaultPostColumns(), "three": {ID: "id", Likes: "likes", Followers: "followers"},
		"time":        {ID: "id", PublishedAt: "published_at", TimeLayouts: []string{"", "\x00"}},
		"quote comma": {ID: "id", Comma: '"'}, "newline comma": {ID: "id", Comma: '\n'}, "bad rune": {ID: "id", Comma: -1},
		"rune error": {ID: "id", Comma: '\uFFFD'}, "nul names": {ID: "\x00", Likes: "\xff"}}
	for iname, in := range inputs {
		for cname, c := range cols {
			cs = append(cs, hostileCall{"ReadPosts", iname + " " + cname,
				func() error { _, err := ReadPosts(in(), c); return err }},
				hostileCall{"ScanPosts", iname + " " + cname, func() error {
					for _, err := range ScanPosts(in(), c) {
						if err != nil {
							return err
						}
					}
					return nil
				}})
		}
	}
	return cs
}

// callsAccumulator covers the Accumulator: every hostile post set added
// under every hostile formula and location, then each result; the nil
// and zero Accumulators.
func callsAccumulator() []hostileCall {
	var cs []hostileCall
	for pname, posts := range hostilePosts() {
		for _, f := range hostileFormulas {
			for _, loc := range []*time.Location{nil, time.UTC, time.FixedZone("x", -12*3600)} {
				name := fmt.Sprintf("%s %v %v", pname, f, loc)
				var acc *Accumulator
				cs = append(cs, hostileCall{"NewAccumulator", name, func() (err error) {
					acc, err = NewAccumulator(f, loc)
					return err
				}}, hostileCall{"Accumulator.Add", name, func() error {
					var first error
					for _, p := range posts {
						if err := acc.Add(p); err != nil && first == nil {
							first = err
						}
					}
					return first
				}}, hostileCall{"Accumulator.Totals", name, func() error { _ = acc.Totals(); return nil }},
					hostileCall{"Accumulator.Measure", name, func() error { _, err := acc.Measure(); return err }},
					hostileCall{"Accumulator.Weekly", name, func() error { _, err := acc.Weekly(); return err }})
			}
		}
	}
	var zero Accumulator
	cs = append(cs, hostileCall{"Accumulator.Add", "zero", func() error { return zero.Add(Post{Followers: 1}) }},
		hostileCall{"Accumulator.Weekly", "zero", func() error { _, err := zero.Weekly(); return err }})
	return cs
}

// errDisk is the error of failingReader, the caller's own: ReadPosts
// returns it wrapped, for errors.Is.
var errDisk = errors.New("disk on fire")

// failingReader is a reader that always fails.
type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errDisk }

// hostileTable is every call of the hostile-input test.
func hostileTable() []hostileCall {
	return slices.Concat(callsParse(), callsPosts(), callsTotals(), callsTarget(), callsText(), callsCSV(), callsAccumulator())
}

// TestHostile calls every exported function and method of the package with
// hostile values: each returns within hostile.Bound (×4 under -race; the
// fastest of three tries, each after a garbage collection, when the first
// is over it) with a result or an error wrapping one of the package's
// sentinels, with a message of at most maxMessage bytes, and never panics.
func TestHostile(t *testing.T) {
	var slow hostile.Slowest
	for _, c := range hostileTable() {
		runner.Check(t, &slow, fmt.Sprintf("%s(%s)", c.fn, c.name), c.call, maxMessage, append(sentinels, hostileOwn[c.fn])...)
	}
	slow.Log(t)
}

// hostileSkip lists exported functions and methods left out of the hostile
// table, with the reason. None is: even the constructors without arguments
// are called.
var hostileSkip = map[string]string{}

// TestHostileCoversAPI lists the exported functions and methods of the
// package's non-test files (hostile.Exported) and fails naming any that
// the hostile table does not call and hostileSkip does not excuse.
func TestHostileCoversAPI(t *testing.T) {
	hostile.CoversAPI(t, ".", false, hostile.Names(hostileTable(), func(c hostileCall) string { return c.fn }), hostileSkip, 1)
}

// FuzzHostileDecimals drives the decimal entry points (Target.Validate,
// Target.Progress, Benchmarks.Place with the rate and with a row's rate,
// ParseRate of the value's text) with c·10^zeros·10^exp: coefficients of up
// to 2066 digits and any int32 exponent. A value beyond limit.Decimal must
// be refused with ErrTooLarge, a value within must be computed (or refused
// for its sign), and nothing may panic.
func FuzzHostileDecimals(f *testing.F) {
	f.Add(int64(1), int32(math.MaxInt32), uint16(0))
	f.Add(int64(-3), int32(math.MinInt32), uint16(0))
	f.Add(int64(0), int32(math.MinInt32), uint16(0))
	f.Add(int64(9), int32(-limit.MaxExponent), uint16(999))
	f.Add(int64(1), int32(limit.MaxExponent), uint16(1000))
	f.Add(int64(math.MaxInt64), int32(-1001), uint16(2047))
	f.Fuzz(func(t *testing.T, c int64, exp int32, zeros uint16) {
		coef := new(big.Int).Mul(big.NewInt(c), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(zeros%2048)), nil))
		d := decimal.NewFromBigInt(coef, exp)
		beyond := limit.Decimal("test", "d", d) != nil
		want := func(what string, err error, ok ...error) {
			t.Helper()
			switch {
			case beyond && !errors.Is(err, ErrTooLarge):
				t.Fatalf("%s(%s): beyond the limits, err = %v", what, errs.Format(d), err)
			case !beyond && err != nil && !slices.ContainsFunc(ok, func(s error) bool { return errors.Is(err, s) }):
				t.Fatalf("%s(%s): err = %v, want nil or %v", what, errs.Format(d), err, ok)
			}
		}
		week := t0.Add(7 * 24 * time.Hour)
		want("Target.Validate", Target{Goal: d, Start: t0, Deadline: week}.Validate(), ErrNonPositive)
		p, err := Target{Goal: decimal.NewFromInt(100), Start: t0, Deadline: week}.Progress(d, t0.Add(24*time.Hour))
		want("Target.Progress", err)
		if err == nil && !p.Achieved.Equal(d) {
			t.Fatalf("Progress: Achieved %s, want %s", p.Achieved, d)
		}
		lc := Formula{Likes | Comments, ByFollowers, MeanOfRates}
		_, err = DefaultBenchmarks().Place(d, Instagram, Nano, lc)
		want("Benchmarks.Place", err, ErrNegative)
		rows := DefaultBenchmarks()
		rows.Rows[0].Rate = d
		_, err = rows.Place(decimal.New(1, -2), Instagram, Nano, lc) // row 0 is the most recent nano row
		want("Benchmarks.Place row", err, ErrNonPositive)
		if beyond {
			return // its text would be up to 2³¹ characters
		}
		r, err := ParseRate(d.String())
		// Its text reads back equal, or beyond the limits once the
		// coefficient's trailing zeros join the exponent: 10^999·10^1000 is
		// within them (1000 digits, exponent 1000), but its text "1" and
		// 1999 zeros is 1·10^1999.
		if (err != nil && !errors.Is(err, ErrTooLarge)) || (err == nil && !r.Equal(d)) {
			t.Fatalf("ParseRate(%s) = %s, %v", errs.Format(d), errs.Format(r), err)
		}
	})
}

// TestHostileActivityManyPosts: MeasureActivity's PostsPerWeek multiplied
// the number of posts by a week in nanoseconds in int64, which wraps from
// 15,251 posts in a window (fixed in c0a968b). 20,000 posts in 30 days are
// 20,000 / (30/7) = 4666.6666666666666667 posts a week (16 places); the
// wrapped product gave -2450.1327444867097284.
func TestHostileActivityManyPosts(t *testing.T) {
	posts := make([]Post, 20_000)
	for i := range posts {
		posts[i] = Post{Creator: "c", Followers: 1000, Likes: 10, PublishedAt: t0.Add(time.Duration(i) * time.Minute)}
	}
	a, err := MeasureActivity(posts, t0, t0.Add(30*24*time.Hour), ActivityOptions{})
	if want := decimal.RequireFromString("4666.6666666666666667"); err != nil || !a.PostsPerWeek.Equal(want) {
		t.Errorf("PostsPerWeek = %s, %v; want %s", a.PostsPerWeek, err, want)
	}
}

// TestHostileFieldNames checks that messages name the function called and
// the field in the caller's terms: a shorthand names itself, and Preset.Rate
// names a post by its index in the posts given, not in its newest-first
// selection.
func TestHostileFieldNames(t *testing.T) {
	_, tierErr := TierOf(-1)
	_, rateErr := Totals{Hidden: FieldLikes}.EngagementRate(0, ByFollowers)
	// posts[1] is the newest, so it comes first in the selection; its base
	// is 0, which MeanOfRates refuses.
	posts := []Post{{PublishedAt: t0, Followers: 100, Likes: 3}, {PublishedAt: t0.Add(time.Hour), Likes: 1}}
	_, presetErr := PresetFollowers12().Rate(posts, t0.Add(2*time.Hour))
	for _, tt := range []struct {
		err  error
		want string
	}{
		{tierErr, "kpi: TierOf: followers: negative (-1)"},
		{rateErr, "kpi: Totals.EngagementRate: Likes: not reported by some posts"},
		{presetErr, "kpi: Preset.Rate: posts[1].Followers: not positive (0)"},
	} {
		if tt.err == nil || tt.err.Error() != tt.want {
			t.Errorf("got %v, want %s", tt.err, tt.want)
		}
	}
}

// TestHostileActivityPostIndex: MeasureActivity and MeasureContent measure
// each post of the window alone, after sorting, so an error about one post
// names it posts[0] whatever its index in the posts given: here posts[1],
// whose likes + comments overflow int64 (activity.go, kept by the collab
// package's engineer; renumber in errors.go maps such indexes back).
func TestHostileActivityPostIndex(t *testing.T) {
	t.Skip("known: kpi/activity.go windowRates names posts[0] for any post (reported to its owner, issue 18)")
	posts := []Post{{Creator: "c", PublishedAt: t0.Add(time.Hour), Followers: 10, Likes: 1},
		{Creator: "c", PublishedAt: t0, Followers: 10, Likes: math.MaxInt64, Comments: math.MaxInt64}}
	_, err := MeasureActivity(posts, t0.Add(-time.Hour), t0.Add(48*time.Hour), ActivityOptions{})
	if want := "kpi: MeasureActivity: posts[1]: engagements (likes+comments) overflow int64"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
