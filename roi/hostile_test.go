package roi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/hostile"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

// The hostile-input test (issue 18): every exported function and method of
// roi that takes a user value is called with zero, negative, MaxInt64 and
// MinInt64, sums past int64, empty and nil inputs, decimals 1e±2³¹ and of
// 10⁶ digits, NUL and invalid UTF-8 strings (roi takes no float64). Each
// call must return within hostile.Bound with a result or an error that
// matches one of roi's sentinels, with a short message, and never panic.
// TestHostileCoversExported fails when an exported function is missing
// from the table.

// runner holds one call to hostile.Bound (×4 under -race) on its wall
// time, the fastest of three tries when the first is over it.
var runner = hostile.Runner{}

type hcall struct {
	fn   string // "ROI", or "EMVCard.EMV" for a method
	args string // the inputs, for a failure message
	call func() error
	// also, when not nil, is an error accepted besides the sentinels: a
	// failing reader's own error, which the CSV readers pass on.
	also error
}

type hdec struct {
	name string
	v    decimal.Decimal
}

type hint struct {
	name string
	v    int64
}

var hostileSentinels = []error{ErrInvalid, ErrNegative, ErrNonPositive, ErrEmpty, ErrOverflow,
	ErrTooLarge, ErrSyntax, ErrMissingColumn, ErrDuplicate, ErrCurrencyMismatch}

// nines returns the n-digit coefficient 10^n − 1 at exponent exp.
func nines(n int, exp int32) decimal.Decimal {
	c := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
	return decimal.NewFromBigInt(c.Sub(c, big.NewInt(1)), exp)
}

// hostileDecimals are built once: the 10⁶-digit ones take milliseconds.
var hostileDecimals = sync.OnceValue(func() []hdec {
	million := nines(1_000_000, 0)
	return []hdec{
		{"0", decimal.Zero},
		{"zero value", decimal.Decimal{}},
		{"1", decimal.NewFromInt(1)},
		{"0.5", decimal.New(5, -1)},
		{"-1", decimal.NewFromInt(-1)},
		{"MaxInt64", decimal.NewFromInt(math.MaxInt64)},
		{"MinInt64", decimal.NewFromInt(math.MinInt64)},
		{"1e+2147483647", decimal.New(1, math.MaxInt32)},
		{"-1e+2147483647", decimal.New(-1, math.MaxInt32)},
		{"1e-2147483648", decimal.New(1, math.MinInt32)},
		{"0e-2147483648", decimal.New(0, math.MinInt32)},
		{"0e+2147483647", decimal.New(0, math.MaxInt32)},
		{"10^6 digits", million},
		{"-10^6 digits", million.Neg()},
		// The largest accepted values: 1000 digits at exponent ±1000.
		{"1000 nines e+1000", nines(limit.MaxDigits, limit.MaxExponent)},
		{"1000 nines e-1000", nines(limit.MaxDigits, -limit.MaxExponent)},
		{"1e-1000", decimal.New(1, -limit.MaxExponent)},
	}
})

var hostileInts = []hint{{"0", 0}, {"-1", -1}, {"1", 1}, {"MaxInt64", math.MaxInt64}, {"MinInt64", math.MinInt64}}

var hostileStrings = []string{"", "\x00", "a\x00b", "\xff\xfe\xfd", " ", strings.Repeat("x", 1<<20), "%zz", "utm_source=%"}

func short(s string) string {
	if len(s) > 20 {
		return fmt.Sprintf("%q…(%d bytes)", s[:20], len(s))
	}
	return fmt.Sprintf("%q", s)
}

// hostileCalls returns the whole table.
func hostileCalls(t *testing.T) []hcall {
	var calls []hcall
	add := func(fn, args string, call func() error) {
		calls = append(calls, hcall{fn: fn, args: args, call: call})
	}
	hostileMetrics(add)
	hostileAttribution(add)
	hostileCSV(add, &calls)
	hostileOrders(add)
	hostileEMV(add)
	hostileReport(t, add)
	hostileText(add)
	hostileJSON(add)
	hostileSales(add)
	return calls
}

type adder func(fn, args string, call func() error)

func hostileMetrics(add adder) {
	decs := hostileDecimals()
	binary := map[string]func(a, b decimal.Decimal) (decimal.Decimal, error){
		"ROI": ROI, "ROAS": ROAS, "Profit": Profit, "BreakEvenRevenue": BreakEvenRevenue, "PaybackPeriod": PaybackPeriod,
	}
	for name, f := range binary {
		for _, a := range decs {
			for _, b := range decs {
				add(name, a.name+", "+b.name, func() error { _, err := f(a.v, b.v); return err })
			}
		}
	}
	perUnit := map[string]func(decimal.Decimal, int64) (decimal.Decimal, error){
		"CAC": CAC, "CPA": CPA, "CPC": CPC, "CPE": CPE, "CPL": CPL, "CPM": CPM, "CPV": CPV,
	}
	for name, f := range perUnit {
		for _, a := range decs {
			for _, n := range hostileInts {
				add(name, a.name+", "+n.name, func() error { _, err := f(a.v, n.v); return err })
			}
		}
	}
	for _, a := range decs {
		for _, n := range hostileInts {
			add("EMVFromImpressions", n.name+", "+a.name, func() error { _, err := EMVFromImpressions(n.v, a.v); return err })
		}
	}
	// Incremental and LiftCI: one field of one group hostile at a time.
	base := Group{Size: 1000, Conversions: 10, Revenue: decimal.NewFromInt(100)}
	var groups []struct {
		name string
		g    Group
	}
	for _, n := range hostileInts {
		g1, g2 := base, base
		g1.Size, g2.Conversions = n.v, n.v
		groups = append(groups, struct {
			name string
			g    Group
		}{"Size " + n.name, g1}, struct {
			name string
			g    Group
		}{"Conversions " + n.name, g2})
	}
	groups = append(groups, struct {
		name string
		g    Group
	}{"MaxInt64 all", Group{Size: math.MaxInt64, Conversions: math.MaxInt64 - 1, Revenue: decimal.NewFromInt(math.MaxInt64)}})
	for _, r := range decs {
		g := base
		g.Revenue = r.v
		groups = append(groups, struct {
			name string
			g    Group
		}{"Revenue " + r.name, g})
	}
	groups = append(groups, struct {
		name string
		g    Group
	}{"zero Group", Group{}})
	for _, g := range groups {
		for _, other := range []Group{base, g.g} {
			add("Incremental", "test "+g.name, func() error {
				_, err := Incremental(g.g, other, budget.Money{Amount: decimal.NewFromInt(50), Currency: eur})
				return err
			})
			add("Incremental", "control "+g.name, func() error {
				_, err := Incremental(other, g.g, budget.Money{Amount: decimal.NewFromInt(50), Currency: eur})
				return err
			})
			add("LiftCI", "test "+g.name, func() error { _, err := LiftCI(g.g, other, decimal.New(95, -2)); return err })
			add("LiftCI", "control "+g.name, func() error { _, err := LiftCI(other, g.g, decimal.New(95, -2)); return err })
		}
	}
	for _, c := range decs {
		add("Incremental", "cost "+c.name, func() error { _, err := Incremental(base, base, budget.Money{Amount: c.v, Currency: eur}); return err })
		add("LiftCI", "confidence "+c.name, func() error { _, err := LiftCI(base, base, c.v); return err })
	}
	add("LiftCI", "confidence 1 − 10⁻¹⁷", func() error {
		_, err := LiftCI(base, base, decimal.RequireFromString("0.99999999999999999"))
		return err
	})
}

// hostilePaths returns path sets, each hostile in one way.
func hostilePaths() map[string][]Path {
	ps := map[string][]Path{
		"nil":                  nil,
		"empty":                {},
		"no channels":          {{Conversions: 1}},
		"sum past int64":       {{Channels: []string{"a"}, Conversions: math.MaxInt64}, {Channels: []string{"b"}, Conversions: math.MaxInt64}},
		"journeys past int64":  {{Channels: []string{"a"}, Conversions: math.MaxInt64, Nulls: math.MaxInt64}},
		"nulls past int64":     {{Channels: []string{"a"}, Nulls: math.MaxInt64}, {Channels: []string{"b"}, Nulls: math.MaxInt64}},
		"value no conversions": {{Channels: []string{"a"}, Value: decimal.NewFromInt(1)}},
		"long path":            {{Channels: slices.Repeat([]string{"a", "b"}, 50_000), Conversions: 3, Nulls: 1}},
		"values 10^2000 and 10^-1000": {{Channels: []string{"a", "b"}, Conversions: 1, Value: nines(limit.MaxDigits, limit.MaxExponent)},
			{Channels: []string{"b", "c"}, Conversions: 2, Value: decimal.New(1, -limit.MaxExponent)}},
	}
	for _, s := range hostileStrings {
		ps["channel "+short(s)] = []Path{{Channels: []string{s, "b", s}, Conversions: 1, Value: decimal.NewFromInt(2), Nulls: 1}}
	}
	for _, n := range hostileInts {
		ps["Conversions "+n.name] = []Path{{Channels: []string{"a", "b"}, Conversions: n.v, Nulls: 1}}
		ps["Nulls "+n.name] = []Path{{Channels: []string{"a", "b"}, Conversions: 1, Nulls: n.v}}
	}
	for _, v := range hostileDecimals() {
		ps["Value "+v.name] = []Path{{Channels: []string{"a", "b"}, Conversions: 1, Value: v.v}, {Channels: []string{"b"}, Conversions: 1, Value: decimal.New(1, -2)}}
	}
	return ps
}

func hostileModels() map[string]Model {
	ms := map[string]Model{"nil": nil, "Rule(-1)": Rule(-1), "Rule(99)": Rule(99), "TimeDecay{}": TimeDecay{},
		"MarkovChain{-1}": MarkovChain{Order: -1}, "MarkovChain{4}": MarkovChain{Order: 4}, "MarkovChain{MaxInt}": MarkovChain{Order: math.MaxInt},
		"MarkovChain{3}": MarkovChain{Order: 3}, "RateShapley{}": RateShapley{}}
	for r := LastTouch; r <= Shapley; r++ {
		ms[r.String()] = r
	}
	for _, v := range hostileDecimals() {
		ms["Positions{First: "+v.name+"}"] = Positions{First: v.v}
		ms["Positions{Last: "+v.name+"}"] = Positions{Last: v.v}
	}
	return ms
}

func hostileAttribution(add adder) {
	models := hostileModels()
	for pn, paths := range hostilePaths() {
		for mn, m := range models {
			add("Attribute", pn+", "+mn, func() error { _, err := Attribute(paths, m); return err })
		}
		for _, order := range []int{math.MinInt, -1, 0, 1, 2, 3, 4, math.MaxInt} {
			add("MarkovRemovalEffects", fmt.Sprint(pn, ", ", order), func() error { _, err := MarkovRemovalEffects(paths, order); return err })
		}
	}
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	far := time.Unix(1<<62, 999_999_999)
	js := map[string][]Journey{
		"nil":            nil,
		"no touches":     {{Conversions: 1, ConvertedAt: t0}},
		"out of order":   {{Touches: []Touch{{"a", t0}, {"b", t0.Add(-time.Hour)}}, Conversions: 1, ConvertedAt: t0}},
		"after convert":  {{Touches: []Touch{{"a", t0.Add(time.Hour)}}, Conversions: 1, ConvertedAt: t0}},
		"no ConvertedAt": {{Touches: []Touch{{"a", t0}}, Conversions: 1}},
		"year 1 to far":  {{Touches: []Touch{{"a", time.Time{}}, {"b", far}}, Conversions: 1, Value: decimal.NewFromInt(7), ConvertedAt: far}},
		"1 ns apart, far": {{Touches: []Touch{{"a", far.Add(-1)}, {"b", far}}, Conversions: 1, ConvertedAt: far},
			{Touches: []Touch{{"a", time.Unix(1<<62, 999_999_999)}, {"b", time.Unix(1<<62+1, 0)}}, Conversions: 1, ConvertedAt: time.Unix(1<<62+1, 0)}},
		"sum past int64": {{Touches: []Touch{{"a", t0}}, Conversions: math.MaxInt64, ConvertedAt: t0}, {Touches: []Touch{{"b", t0}}, Conversions: 1, ConvertedAt: t0}},
	}
	for _, s := range hostileStrings {
		js["channel "+short(s)] = []Journey{{Touches: []Touch{{s, t0}, {"b", t0}}, Conversions: 1, ConvertedAt: t0}}
	}
	for _, n := range hostileInts {
		js["Conversions "+n.name] = []Journey{{Touches: []Touch{{"a", t0}}, Conversions: n.v, ConvertedAt: t0}}
	}
	for _, v := range hostileDecimals() {
		js["Value "+v.name] = []Journey{{Touches: []Touch{{"a", t0}, {"b", t0.Add(time.Hour)}}, Conversions: 1, Value: v.v, ConvertedAt: t0.Add(time.Hour)}}
	}
	jm := map[string]Model{"Linear": Linear, "Markov": Markov, "nil": nil, "Positions{First: 1e+2147483647}": Positions{First: decimal.New(1, math.MaxInt32)}}
	for _, h := range []time.Duration{math.MinInt64, -1, 0, 1, math.MaxInt64} {
		jm[fmt.Sprint("TimeDecay{", int64(h), "}")] = TimeDecay{HalfLife: h}
	}
	for jn, j := range js {
		for mn, m := range jm {
			add("AttributeJourneys", jn+", "+mn, func() error { _, err := AttributeJourneys(j, m); return err })
		}
	}
}

// errBoom is a failing reader's own error, which the readers pass on.
var errBoom = errors.New("boom")

func hostileCSV(add adder, calls *[]hcall) {
	million := strings.Repeat("9", 1_000_000)
	texts := map[string]string{
		"empty":             "",
		"BOM only":          "\xef\xbb\xbf",
		"NUL":               "\x00\x00\x00",
		"invalid UTF-8":     "\xff\xfe\xfd;\xff\n\xff;1\n",
		"bare quote":        "path;conversions\n\"a;1\n",
		"header only":       "path;total_conversions\n",
		"no path column":    "x;total_conversions\na;1\n",
		"10^6-digit count":  "path;total_conversions\na;" + million + "\n",
		"10^6-digit value":  "path;total_conversions;value\na;1;" + million + "\n",
		"past int64":        "path;total_conversions;total_null\na;9223372036854775808;1\n",
		"MaxInt64 twice":    "path;total_conversions\na;9223372036854775807\nb;9223372036854775807\n",
		"negative":          "path;total_conversions\na;-1\n",
		"exponent":          "path;total_conversions;value\na;1;1e2147483647\n",
		"empty channel":     "path;total_conversions\na >> b;1\n",
		"NUL channel":       "path;total_conversions\na\x00 > b;1\n",
		"long path":         "path;total_conversions\n" + strings.Repeat("a > ", 1<<17) + "b;1\n",
		"many empty rows":   "path;total_conversions\n" + strings.Repeat(";\n", 1<<16),
		"dot":               "path;total_conversions;value\na;1;.\n",
		"fraction":          "path;total_conversions\na;1.5\n",
		"value without":     "path;total_conversions;value\na;0;1\n",
		"huge header":       strings.Repeat("h;", 1<<16) + "path;total_conversions\na;1\n",
		"orders: basic":     "id,created at,total,currency\n1,2026-03-01,10.00,EUR\n",
		"orders: dup":       "id,created at,total,currency\n1,2026-03-01,10,EUR\n1,2026-03-01,10,EUR\n",
		"orders: digits":    "id,created at,total\n1,2026-03-01," + million + "\n",
		"orders: currency":  "id,created at,total,currency\n1,2026-03-01,10,\x00\xff\n",
		"orders: no id":     "id,created at,total\n,2026-03-01,1\n",
		"orders: bad time":  "id,created at,total\n1,9999999999-99-99,1\n",
		"orders: long time": "id,created at,total\n1," + strings.Repeat("2", 1<<20) + ",1\n",
		"orders: negative":  "id,created at,total\n1,2026-03-01,-1\n",
		"orders: exponent":  "id,created at,total\n1,2026-03-01,1e-2147483648\n",
	}
	for name, text := range texts {
		add("ReadPaths", name, func() error { _, err := ReadPaths(strings.NewReader(text)); return err })
		for _, cur := range []budget.Currency{{}, eur} {
			add("ReadOrders", name+", "+cur.String(), func() error { _, err := ReadOrders(strings.NewReader(text), cur); return err })
		}
	}
	hostileStream(add, texts)
	add("ReadPaths", "nil reader", func() error { _, err := ReadPaths(nil); return err })
	add("ReadOrders", "nil reader", func() error { _, err := ReadOrders(nil, eur); return err })
	var typedNil *bytes.Reader
	add("ReadPaths", "typed nil *bytes.Reader", func() error { _, err := ReadPaths(typedNil); return err })
	add("ReadOrders", "typed nil *bytes.Reader", func() error { _, err := ReadOrders(typedNil, eur); return err })
	*calls = append(*calls,
		hcall{fn: "ReadPaths", args: "failing reader", also: errBoom, call: func() error { _, err := ReadPaths(iotest.ErrReader(errBoom)); return err }},
		hcall{fn: "ReadOrders", args: "failing reader", also: errBoom, call: func() error { _, err := ReadOrders(iotest.ErrReader(errBoom), eur); return err }},
		hcall{fn: "ReadPaths", args: "failing after the header", also: errBoom, call: func() error {
			_, err := ReadPaths(io.MultiReader(strings.NewReader("path;conversions\na;1\n"), iotest.ErrReader(errBoom)))
			return err
		}},
		hcall{fn: "ReadPaths", args: "one byte at a time", call: func() error {
			_, err := ReadPaths(iotest.OneByteReader(strings.NewReader("\xef\xbb\xbfpath;conversions\na>b;1\n")))
			return err
		}},
	)
}

func hostileOrders(add adder) {
	ok := func(id string) Order {
		return Order{ID: id, Amount: decimal.NewFromInt(10), Currency: eur, Code: "ANNA"}
	}
	orders := map[string][]Order{"nil": nil, "one": {ok("1")}, "dup": {ok("1"), ok("1")},
		"mismatch":    {ok("1"), {ID: "2", Amount: decimal.NewFromInt(1), Currency: usd}},
		"no currency": {{ID: "1", Amount: decimal.NewFromInt(1)}}}
	for _, s := range hostileStrings {
		o := ok(s)
		orders["ID "+short(s)] = []Order{o}
		o = ok("1")
		o.Code, o.LandingURL = s, "https://x.example/?"+s
		orders["Code, LandingURL "+short(s)] = []Order{o}
		o.Code, o.LandingURL = "", s
		orders["LandingURL "+short(s)] = []Order{o}
	}
	for _, v := range hostileDecimals() {
		o := ok("1")
		o.Amount = v.v
		orders["Amount "+v.name] = []Order{o, ok("2")}
	}
	tracking := map[string][]Tracking{"nil": nil,
		"anna":         {{Influencer: "anna", Codes: []string{"anna"}, Links: []UTM{{Source: "ig"}}}},
		"dup name":     {{Influencer: "anna"}, {Influencer: "anna"}},
		"dup code":     {{Influencer: "anna", Codes: []string{"X"}}, {Influencer: "ben", Codes: []string{" x "}}},
		"dup link":     {{Influencer: "anna", Links: []UTM{{Source: "ig"}}}, {Influencer: "ben", Links: []UTM{{Source: "IG"}}}},
		"empty link":   {{Influencer: "anna", Links: []UTM{{Source: " "}}}},
		"empty code":   {{Influencer: "anna", Codes: []string{" "}}},
		"many links":   {{Influencer: "anna", Links: slices.Repeat([]UTM{{Source: "ig", Term: "x"}}, 1)}},
		"blank person": {{Influencer: " "}},
	}
	for _, s := range hostileStrings {
		tracking["strings "+short(s)] = []Tracking{{Influencer: s + "!", Codes: []string{s + "!"}, Links: []UTM{{Source: s + "!", Content: s}}}}
	}
	for on, o := range orders {
		for tn, tr := range tracking {
			add("AttributeOrders", on+", "+tn, func() error { _, err := AttributeOrders(o, tr); return err })
		}
	}
	for _, s := range append(hostileStrings, "https://x.example/?utm_source=%zz", "http://[::1", "?"+strings.Repeat("utm_source=a&", 1<<16)) {
		add("ParseUTM", short(s), func() error { _, err := ParseUTM(s); return err })
		add("UTM.IsZero", short(s), func() error { _ = UTM{Source: s, Content: s}.IsZero(); return nil })
	}
}

func hostileEMV(add adder) {
	cards := map[string]EMVCard{"zero": {}, "illustrative": IllustrativeEMVCard(),
		"Platform(99)": {Currency: eur, Platforms: map[kpi.Platform]UnitValues{kpi.Platform(99): {Like: decimal.NewFromInt(1)}}, Multipliers: map[kpi.Platform]decimal.Decimal{kpi.Platform(200): decimal.NewFromInt(2)}}}
	for _, v := range hostileDecimals() {
		c := IllustrativeEMVCard()
		c.Default.Like = v.v
		cards["Like "+v.name] = c
		c = IllustrativeEMVCard()
		c.Multipliers = map[kpi.Platform]decimal.Decimal{kpi.Instagram: v.v}
		cards["Multiplier "+v.name] = c
		c = IllustrativeEMVCard()
		c.Platforms = map[kpi.Platform]UnitValues{kpi.TikTok: {Click: v.v}}
		cards["TikTok click "+v.name] = c
	}
	posts := map[string][]kpi.Post{"nil": nil,
		"past int64":   {{Platform: kpi.Instagram, Likes: math.MaxInt64}, {Platform: kpi.Instagram, Likes: 1}},
		"hidden given": {{Platform: kpi.Instagram, Likes: 1, Hidden: kpi.FieldLikes}},
		"Platform(99)": {{Platform: kpi.Platform(99), Likes: 5, Impressions: math.MaxInt64, Clicks: math.MaxInt64}},
		"all MaxInt64": {{Platform: kpi.TikTok, Likes: math.MaxInt64, Comments: math.MaxInt64, Impressions: math.MaxInt64, Clicks: math.MaxInt64, Views: math.MaxInt64}},
	}
	for _, n := range hostileInts {
		posts["Likes "+n.name] = []kpi.Post{{Platform: kpi.Instagram, Likes: n.v, Impressions: 10}}
	}
	for cn, c := range cards {
		add("EMVCard.Validate", cn, func() error { return c.Validate() })
		for pn, p := range posts {
			add("EMVCard.EMV", cn+", "+pn, func() error { _, err := c.EMV(p); return err })
		}
	}
}

func hostileReport(t *testing.T, add adder) {
	decs := hostileDecimals()
	camps := map[string]Campaign{"zero": {}, "test": testCampaign(t),
		"CostBasis(-1)":  {Currency: eur, CostBasis: -1},
		"dup":            {Currency: eur, Influencers: []InfluencerInput{{Influencer: "a"}, {Influencer: "a"}}},
		"posts overflow": {Currency: eur, Influencers: []InfluencerInput{{Influencer: "a", Posts: []kpi.Post{{Likes: math.MaxInt64}, {Likes: 1}}}}},
		"two overflow": {Currency: eur, Influencers: []InfluencerInput{{Influencer: "a", Posts: []kpi.Post{{Impressions: math.MaxInt64}}},
			{Influencer: "b", Posts: []kpi.Post{{Impressions: math.MaxInt64}}}}},
		"negative likes": {Currency: eur, Influencers: []InfluencerInput{{Influencer: "a", Posts: []kpi.Post{{Likes: -1}}}}},
		"Engagements":    {Currency: eur, Engagements: kpi.Interaction(255), Influencers: []InfluencerInput{{Influencer: "a", Posts: []kpi.Post{{Likes: 3}}}}},
		"plan and cost": func() Campaign {
			c := testCampaign(t)
			c.Influencers[0].Cost = decimal.NewFromInt(1)
			return c
		}(),
	}
	for _, s := range hostileStrings {
		camps["Influencer "+short(s)] = Campaign{Currency: eur, Influencers: []InfluencerInput{{Influencer: s}}}
	}
	for _, v := range decs {
		for _, f := range []string{"Cost", "Revenue", "Conversions", "Overhead", "EMV Like"} {
			c := Campaign{Currency: eur, Influencers: []InfluencerInput{{Influencer: "a", Cost: decimal.NewFromInt(10),
				Posts: []kpi.Post{{Platform: kpi.Instagram, Likes: 3, Impressions: 1000}}}}}
			switch f {
			case "Cost":
				c.Influencers[0].Cost = v.v
			case "Revenue":
				c.Influencers[0].Revenue = v.v
			case "Conversions":
				c.Influencers[0].Conversions = v.v
			case "Overhead":
				c.Overhead = v.v
			case "EMV Like":
				card := IllustrativeEMVCard()
				card.Currency, card.Default.Like = eur, v.v
				c.EMVCard = &card
			}
			camps[f+" "+v.name] = c
		}
	}
	for cn, c := range camps {
		add("Report", cn, func() error { _, err := Report(c); return err })
	}
	// Pool, Compare, Metrics.Baseline.
	ms := map[string]Metrics{"zero": {}, "MaxInt64": {Engagements: math.MaxInt64, Impressions: math.MaxInt64},
		"negative count": {Impressions: -1}}
	for _, v := range decs {
		ms["Cost "+v.name] = Metrics{Cost: v.v, Revenue: decimal.NewFromInt(5), Conversions: decimal.NewFromInt(1), Impressions: 10, Engagements: 3}
		ms["EMV "+v.name] = Metrics{EMV: &v.v}
		ms["ROI "+v.name] = Metrics{ROI: &v.v, CPM: &v.v}
	}
	for mn, m := range ms {
		add("Pool", mn, func() error { _, err := Pool(m); return err })
		add("Pool", mn+" twice", func() error { _, err := Pool(m, m); return err })
		add("Metrics.Baseline", mn, func() error { _ = m.Baseline(); return nil })
		add("Compare", mn+", its own baseline", func() error { _, err := Compare(m, m.Baseline()); return err })
	}
	add("Pool", "none", func() error { _, err := Pool(); return err })
	baselines := map[string]Baseline{"nil": nil, "empty": {}}
	for _, s := range hostileStrings {
		baselines["name "+short(s)] = Baseline{s: decimal.NewFromInt(1)}
	}
	for _, v := range decs {
		baselines["roas "+v.name] = Baseline{MetricROAS: v.v, MetricCost: v.v, MetricEMV: v.v}
	}
	cur := Metrics{Cost: decimal.NewFromInt(100), Revenue: decimal.NewFromInt(300)}
	cur.ratios()
	for bn, b := range baselines {
		add("Compare", "current, "+bn, func() error { _, err := Compare(cur, b); return err })
		add("Compare", "zero, "+bn, func() error { _, err := Compare(Metrics{}, b); return err })
	}
}

func hostileText(add adder) {
	texts := append([]string{"last-touch", " POSITION-BASED ", "planned", "lower", "changed", "none"}, hostileStrings...)
	ints := []int{math.MinInt, -1, 0, 1, 5, 99, math.MaxInt}
	checkString := func(s string) error {
		if len(s) > 100 {
			return fmt.Errorf("String is %d bytes", len(s))
		}
		return nil
	}
	for _, n := range ints {
		args := fmt.Sprint(n)
		r, cb, d, v := Rule(n), CostBasis(n), Direction(n), Verdict(n) //nolint:gosec // out-of-range values on purpose
		add("Rule.String", args, func() error { return checkString(r.String()) })
		add("Rule.MarshalText", args, func() error { _, err := r.MarshalText(); return err })
		add("CostBasis.String", args, func() error { return checkString(cb.String()) })
		add("CostBasis.MarshalText", args, func() error { _, err := cb.MarshalText(); return err })
		add("Direction.String", args, func() error { return checkString(d.String()) })
		add("Direction.MarshalText", args, func() error { _, err := d.MarshalText(); return err })
		add("Verdict.String", args, func() error { return checkString(v.String()) })
		add("Verdict.MarshalText", args, func() error { _, err := v.MarshalText(); return err })
		add("MarkovChain.String", args, func() error { return checkString(MarkovChain{Order: n}.String()) })
	}
	for _, h := range []time.Duration{math.MinInt64, -1, 0, 1, math.MaxInt64} {
		add("TimeDecay.String", fmt.Sprint(int64(h)), func() error { return checkString(TimeDecay{HalfLife: h}.String()) })
	}
	for _, v := range hostileDecimals() {
		add("Positions.String", v.name, func() error { return checkString(Positions{First: v.v, Last: v.v}.String()) })
	}
	for _, s := range append(texts, MetricCPM, MetricROI) {
		args := short(s)
		b := []byte(s)
		add("Rule.UnmarshalText", args, func() error { var r Rule; return r.UnmarshalText(b) })
		add("CostBasis.UnmarshalText", args, func() error { var x CostBasis; return x.UnmarshalText(b) })
		add("Direction.UnmarshalText", args, func() error { var x Direction; return x.UnmarshalText(b) })
		add("Verdict.UnmarshalText", args, func() error { var x Verdict; return x.UnmarshalText(b) })
		add("Rule.UnmarshalText", "nil receiver, "+args, func() error { return (*Rule)(nil).UnmarshalText(b) })
		add("CostBasis.UnmarshalText", "nil receiver, "+args, func() error { return (*CostBasis)(nil).UnmarshalText(b) })
		add("Direction.UnmarshalText", "nil receiver, "+args, func() error { return (*Direction)(nil).UnmarshalText(b) })
		add("Verdict.UnmarshalText", "nil receiver, "+args, func() error { return (*Verdict)(nil).UnmarshalText(b) })
		add("MetricDirection", args, func() error { _, _ = MetricDirection(s); return nil })
	}
	add("Rule.UnmarshalText", "nil text", func() error { var r Rule; return r.UnmarshalText(nil) })
}

// TestHostileInputs runs the table: every call returns within the
// runner's bound with a result or an error wrapping a sentinel of roi (or
// the call's own accepted error) with a message of at most
// hostile.MaxMessage bytes, and never panics.
func TestHostileInputs(t *testing.T) {
	var slow hostile.Slowest
	for _, c := range hostileCalls(t) {
		r := runner.Run(c.call)
		if p := runner.Problem(r, hostile.MaxMessage, append(hostileSentinels, c.also)...); p != "" {
			t.Errorf("%s(%s): %s", c.fn, c.args, p)
		}
		slow.Add(c.fn+"("+c.args+")", r)
	}
	slow.Log(t)
}

// hostileJSON marshals every result type with a hostile amount in a money
// field (an error wrapping ErrTooLarge beyond the module's limits, never a
// huge text) and unmarshals hostile texts (ErrSyntax).
func hostileJSON(add adder) {
	for _, v := range hostileDecimals() {
		a := v.v
		marshal := map[string]any{
			"Metrics.MarshalJSON": Metrics{Cost: a, Currency: eur}, "InfluencerReport.MarshalJSON": InfluencerReport{"x", Metrics{Revenue: a}},
			"CampaignReport.MarshalJSON": CampaignReport{Currency: eur, Overhead: a}, "Change.MarshalJSON": Change{Metric: MetricCPM, Absolute: a},
			"EMV.MarshalJSON": EMV{Currency: eur, Total: a}, "EMVLine.MarshalJSON": EMVLine{Value: a, Currency: eur},
			"InfluencerSales.MarshalJSON": InfluencerSales{Revenue: a}, "Unattributed.MarshalJSON": Unattributed{Revenue: a, Currency: eur},
			"Incrementality.MarshalJSON": Incrementality{IncrementalRevenue: a, Currency: eur},
		}
		for fn, x := range marshal {
			add(fn, v.name, func() error { _, err := json.Marshal(x); return err })
		}
	}
	texts := append([]string{`{"cost":{"amount":"1","currency":"EUR"},"revenue":{"amount":"1","currency":"USD"}}`,
		`{"metric":"cost","current":"1"}`, `{"revenue":{"amount":"x"}}`, `{"lines":[{"unit_value":{"currency":"EUR"},"value":{"currency":"JPY"}}]}`, `null`, `[]`}, hostileStrings...)
	for _, s := range texts {
		b := []byte(s)
		for fn, p := range map[string]any{
			"Metrics.UnmarshalJSON": new(Metrics), "InfluencerReport.UnmarshalJSON": new(InfluencerReport),
			"CampaignReport.UnmarshalJSON": new(CampaignReport), "Change.UnmarshalJSON": new(Change),
			"EMV.UnmarshalJSON": new(EMV), "EMVLine.UnmarshalJSON": new(EMVLine),
			"InfluencerSales.UnmarshalJSON": new(InfluencerSales), "Unattributed.UnmarshalJSON": new(Unattributed),
			"Incrementality.UnmarshalJSON": new(Incrementality),
		} {
			u := p.(json.Unmarshaler)
			add(fn, short(s), func() error { return u.UnmarshalJSON(b) })
		}
	}
}

// hostileSkip lists the exported functions that take no user value.
var hostileSkip = map[string]string{
	"IllustrativeEMVCard": "takes no argument",
}

// Every exported function and method is in the hostile table or in
// hostileSkip with a reason.
func TestHostileCoversExported(t *testing.T) {
	covered := map[string]bool{}
	for _, c := range hostileCalls(t) {
		covered[c.fn] = true
	}
	exported, err := hostile.Exported(".", false)
	if err != nil {
		t.Fatal(err)
	}
	if len(exported) < 40 {
		t.Fatalf("found only %d exported functions: %v", len(exported), exported)
	}
	for _, name := range exported {
		if !covered[name] && hostileSkip[name] == "" {
			t.Errorf("%s is not in the hostile-input table (hostileCalls) nor in hostileSkip", name)
		}
		delete(covered, name)
	}
	for name := range covered {
		t.Errorf("the hostile table calls %s, which is not an exported function of roi", name)
	}
}

// FuzzHostileDecimals feeds the package's decimal entry points decimals of
// any exponent (int32, so ±2³¹ included) and coefficients of up to 2000
// digits. No call panics; every error wraps a sentinel; and a call that
// reads a decimal beyond internal/limit (|exponent| > 1000 or more than
// 1000 digits) never succeeds.
func FuzzHostileDecimals(f *testing.F) {
	f.Add(int64(1), int32(math.MaxInt32), int64(1), int32(0), int64(1), uint16(0))
	f.Add(int64(1), int32(math.MinInt32), int64(-1), int32(math.MaxInt32), int64(math.MaxInt64), uint16(0))
	f.Add(int64(0), int32(math.MinInt32), int64(5), int32(-1), int64(0), uint16(0))
	f.Add(int64(7), int32(1000), int64(3), int32(-1000), int64(-1), uint16(993))
	f.Add(int64(9), int32(-1001), int64(1), int32(1001), int64(math.MinInt64), uint16(1000))
	f.Add(int64(math.MaxInt64), int32(-1000), int64(math.MinInt64), int32(1000), int64(1000), uint16(1999))
	f.Fuzz(func(t *testing.T, c1 int64, e1 int32, c2 int64, e2 int32, n int64, digits uint16) {
		a := decimal.New(c1, e1)
		if digits > 0 { // a coefficient of about digits + 19 digits
			scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits%2000)), nil)
			a = decimal.NewFromBigInt(scale.Mul(scale, big.NewInt(c1)), e1)
		}
		b := decimal.New(c2, e2)
		aBad := limit.Decimal("", "", a) != nil
		bBad := limit.Decimal("", "", b) != nil
		check := func(name string, readsA, readsB bool, err error) {
			if err == nil {
				if (readsA && aBad) || (readsB && bBad) {
					t.Errorf("%s accepted a decimal beyond the limit (a %v, b %v)", name, aBad, bBad)
				}
				return
			}
			for _, s := range hostileSentinels {
				if errors.Is(err, s) {
					if len(err.Error()) > hostile.MaxMessage {
						t.Errorf("%s: message of %d bytes", name, len(err.Error()))
					}
					return
				}
			}
			t.Errorf("%s: %v matches no sentinel", name, err)
		}
		for name, fn := range map[string]func(a, b decimal.Decimal) (decimal.Decimal, error){
			"ROI": ROI, "ROAS": ROAS, "Profit": Profit, "BreakEvenRevenue": BreakEvenRevenue, "PaybackPeriod": PaybackPeriod,
		} {
			_, err := fn(a, b)
			check(name, true, true, err)
		}
		for name, fn := range map[string]func(decimal.Decimal, int64) (decimal.Decimal, error){
			"CAC": CAC, "CPA": CPA, "CPC": CPC, "CPE": CPE, "CPL": CPL, "CPM": CPM, "CPV": CPV,
		} {
			_, err := fn(a, n)
			check(name, true, false, err)
		}
		_, err := EMVFromImpressions(n, a)
		check("EMVFromImpressions", true, false, err)
		g := Group{Size: 1000, Conversions: 10, Revenue: b}
		_, err = Incremental(g, g, budget.Money{Amount: a, Currency: eur})
		check("Incremental", true, true, err)
		_, err = LiftCI(g, g, a)
		check("LiftCI", true, true, err)
		paths := []Path{{Channels: []string{"a", "b", "c"}, Conversions: 2, Value: a}}
		_, err = Attribute(paths, Positions{First: b})
		check("Attribute", true, true, err)
		_, err = Attribute(paths, Linear)
		check("Attribute", true, false, err)
		_, err = Pool(Metrics{Cost: a, EMV: &b})
		check("Pool", true, true, err)
		_, err = Compare(Metrics{Cost: a}, Baseline{MetricROAS: b})
		check("Compare", true, true, err)
		_, err = Report(Campaign{Currency: eur, Overhead: b, Influencers: []InfluencerInput{{Influencer: "x", Cost: a, Revenue: a}}})
		check("Report", true, true, err)
		_, err = AttributeOrders([]Order{{ID: "1", Amount: a, Currency: eur}}, nil)
		check("AttributeOrders", true, false, err)
		card := IllustrativeEMVCard()
		card.Default.Like, card.Multipliers = a, map[kpi.Platform]decimal.Decimal{kpi.Instagram: b}
		_, err = card.EMV([]kpi.Post{{Platform: kpi.Instagram, Likes: n}})
		check("EMVCard.EMV", true, true, err)
		if s := (Positions{First: a, Last: b}).String(); len(s) > 100 {
			t.Errorf("Positions.String: %d bytes", len(s))
		}
	})
}
