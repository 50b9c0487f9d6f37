package selection

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
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/collab"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/hostile"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/influencekit/influencekit/kpi"
)

// runner holds every call of the hostile table to hostile.Bound (×4 under
// -race) on its wall time or, on a machine so loaded that the wall time
// counts other processes' turns, on the CPU time of its own thread; a call
// that has not returned after 5 s is reported as a hang (its goroutine is
// left behind) rather than stall the whole test.
var runner = hostile.Runner{CPU: true, Hang: 5 * time.Second}

// sentinels are selection's exported sentinel errors: every error of the
// hostile table must wrap one of them.
var sentinels = []error{ErrInvalid, ErrNegative, ErrOverflow, ErrNonPositive, ErrTooLarge, ErrEmpty, ErrDuplicate,
	ErrMissingColumn, ErrSyntax, ErrUnknownID, ErrInfeasible, ErrSearchLimit, ErrNoFollowers}

// errBadResult is returned by a call whose result breaks an invariant; it
// matches no sentinel, so the table reports it.
var errBadResult = errors.New("result breaks an invariant")

// errDisk is the error of a failing reader: ReadProfiles may return it
// wrapped instead of a sentinel.
var errDisk = errors.New("disk on fire")

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errDisk }

// hostileCall is one call of an exported function or method. fn is "Func"
// or "Type.Method", as TestHostileCoversAPI lists them.
type hostileCall struct {
	fn, name string
	call     func() error
}

var (
	hT0      = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	hInts    = []int64{0, -1, 1, math.MaxInt64, math.MinInt64}
	hTimes   = []time.Time{{}, hT0, time.Unix(math.MaxInt64, 999_999_999), time.Unix(math.MinInt64, 0)}
	hStrings = []string{"", " ", "\x00", "a\x00b", "\xff\xfe\xfd", "İı", "N/A", "@", strings.Repeat("a", 1_000_000),
		strings.Repeat("\x00\xff", 500_000), strings.Repeat("9", 1_000_000), strings.Repeat(";", 1_000_000)}
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
		decimal.NewFromBigInt(nines.Coefficient(), -limit.MaxExponent), decimal.RequireFromString("0.5")}
}

// hostileBase returns two valid profiles that exercise every criterion:
// posts, averages, a fee and a missing one, an audience with a quality
// dimension, a follower history, categories and a follower set.
func hostileBase() []Profile {
	post := func(id string, likes int64) kpi.Post {
		return kpi.Post{ID: id, Creator: "a", Platform: kpi.Instagram, PublishedAt: hT0, Followers: 20_000, Likes: likes, Comments: 20}
	}
	aud := audience.Demographics{"age": {"18-24": decimal.NewFromInt(60), "25-34": decimal.NewFromInt(40)},
		AudienceQuality: {"real": decimal.NewFromInt(70), Suspicious: decimal.NewFromInt(30)}}
	return []Profile{
		{Handle: "a", Platform: kpi.Instagram, Followers: 20_000, Following: 300, PostCount: 100, Categories: []string{"fitness"},
			Country: "TR", Language: "tr", Posts: []kpi.Post{post("1", 500), post("2", 700)}, Audience: aud, Fee: decimal.NewFromInt(400),
			History:        []Snapshot{{At: hT0.Add(-40 * 24 * time.Hour), Followers: 15_000}, {At: hT0, Followers: 20_000}},
			FollowerSet:    audience.NewSet(1, 2, 3),
			AvgEngagements: 600, AuthenticEngagements: 200, Missing: MissingAvgLikes | MissingAvgComments | MissingEngagementRate},
		{Handle: "b", Platform: kpi.TikTok, Followers: 200_000, Following: 1_000, AvgLikes: 4_000, AvgComments: 100, Categories: []string{"food"},
			Missing: MissingFee | MissingCountry | MissingEngagementRate | MissingPostCount | MissingAvgEngagements | MissingAuthenticEngagements},
	}
}

// richCriteria returns criteria that use every filter and criterion
// without rejecting the base profiles.
func richCriteria() Criteria {
	rc := budget.DefaultRateCard(budget.MustParseCurrency("EUR"))
	return Criteria{MinFollowers: 1, MaxFollowers: 1 << 40, MinEngagement: decimal.New(1, -6), MaxFee: decimal.NewFromInt(1_000_000),
		Categories: []string{"fitness", "food"}, ExcludeCategories: []string{"gambling"}, ExcludeHandles: []string{"zz"},
		Target: audience.Demographics{"age": {"18-24": decimal.NewFromInt(1)}}, RateCard: &rc}
}

// criteriaField sets one decimal field of a Criteria.
type criteriaField struct {
	name string
	set  func(*Criteria, decimal.Decimal)
}

// criteriaDecimals lists every decimal field of Criteria (maps and rows
// included), each set to a hostile value by its setter.
func criteriaDecimals() []criteriaField {
	return []criteriaField{
		{"MinEngagement", func(c *Criteria, d decimal.Decimal) { c.MinEngagement = d }},
		{"MaxFee", func(c *Criteria, d decimal.Decimal) { c.MaxFee = d }},
		{"GrowthTarget", func(c *Criteria, d decimal.Decimal) { c.GrowthTarget = d }},
		{"Weights.Engagement", func(c *Criteria, d decimal.Decimal) { c.Weights.Engagement = d }},
		{"Weights.AudienceFit", func(c *Criteria, d decimal.Decimal) { c.Weights.AudienceFit = d }},
		{"Weights.CategoryFit", func(c *Criteria, d decimal.Decimal) { c.Weights.CategoryFit = d }},
		{"Weights.Authenticity", func(c *Criteria, d decimal.Decimal) { c.Weights.Authenticity = d }},
		{"Weights.CostEfficiency", func(c *Criteria, d decimal.Decimal) { c.Weights.CostEfficiency = d }},
		{"Weights.Growth", func(c *Criteria, d decimal.Decimal) { c.Weights.Growth = d }},
		{"Authenticity.EngagementFactor", func(c *Criteria, d decimal.Decimal) {
			c.Authenticity = DefaultAuthenticityRules()
			c.Authenticity.EngagementFactor = d
		}},
		{"Authenticity.MinLikesPerComment", func(c *Criteria, d decimal.Decimal) {
			c.Authenticity = DefaultAuthenticityRules()
			c.Authenticity.MinLikesPerComment = d
		}},
		{"Authenticity.MaxLikesPerComment", func(c *Criteria, d decimal.Decimal) {
			c.Authenticity = DefaultAuthenticityRules()
			c.Authenticity.MaxLikesPerComment = d
		}},
		{"Authenticity.SpikeGrowth", func(c *Criteria, d decimal.Decimal) { c.Authenticity.SpikeGrowth = d }},
		{"Authenticity.MaxFollowingRatio", func(c *Criteria, d decimal.Decimal) { c.Authenticity.MaxFollowingRatio = d }},
		{"Authenticity.MaxSuspiciousShare", func(c *Criteria, d decimal.Decimal) {
			c.Authenticity = DefaultAuthenticityRules()
			c.Authenticity.MaxSuspiciousShare = d
		}},
		{"Authenticity.MinAuthenticShare", func(c *Criteria, d decimal.Decimal) { c.Authenticity.MinAuthenticShare = d }},
		{"Authenticity.Penalty", func(c *Criteria, d decimal.Decimal) {
			c.Authenticity = DefaultAuthenticityRules()
			c.Authenticity.Penalty = d
		}},
		{"Target", func(c *Criteria, d decimal.Decimal) {
			c.Target = audience.Demographics{"age": {"18-24": d, "25-34": decimal.NewFromInt(1)}}
		}},
		{"FitWeights", func(c *Criteria, d decimal.Decimal) {
			c.Target = audience.Demographics{"age": {"18-24": decimal.NewFromInt(1)}, "gender": {"f": decimal.NewFromInt(1)}}
			c.FitWeights = audience.DimensionWeights{"age": d, "gender": decimal.NewFromInt(1)}
		}},
		{"Benchmarks.Rows[0].Rate", func(c *Criteria, d decimal.Decimal) {
			c.Benchmarks = kpi.Benchmarks{Version: "h", Rows: []kpi.Benchmark{{Platform: kpi.Instagram, Tier: kpi.Micro, Year: 2026, Rate: d}}}
		}},
		{"DelayScale", func(c *Criteria, d decimal.Decimal) { c.DelayScale = d }},
		{"MinPostsPerWeek", func(c *Criteria, d decimal.Decimal) { c.MinPostsPerWeek = d }},
		{"MaxPostsPerWeek", func(c *Criteria, d decimal.Decimal) { c.MaxPostsPerWeek = d }},
		{"RateCard.Rate", func(c *Criteria, d decimal.Decimal) {
			rc := budget.DefaultRateCard(budget.MustParseCurrency("EUR"))
			rc.Basis, rc.Rate = budget.PerThousandFollowers, d
			c.RateCard = &rc
		}},
		{"RateCard.BenchmarkEngagement", func(c *Criteria, d decimal.Decimal) {
			rc := budget.DefaultRateCard(budget.MustParseCurrency("EUR"))
			rc.BenchmarkEngagement = d
			c.RateCard = &rc
		}},
		{"RateCard.Bands[0].Fee", func(c *Criteria, d decimal.Decimal) {
			rc := budget.DefaultRateCard(budget.MustParseCurrency("EUR"))
			rc.Bands = []budget.FeeBand{{Name: "all", Fee: d}}
			c.RateCard = &rc
		}},
	}
}

// hostileCriteria returns criteria with every decimal field at every
// hostile decimal, every count at every hostile int, every list of names
// holding every hostile string, out-of-range enums and formulas.
func hostileCriteria() map[string]Criteria {
	out := map[string]Criteria{"zero": {}, "rich": richCriteria()}
	for _, f := range criteriaDecimals() {
		for i, d := range hostileDecimals() {
			for _, base := range []string{"zero", "rich"} {
				c := out[base]
				f.set(&c, d)
				out[fmt.Sprintf("%s %s=%d", base, f.name, i)] = c
			}
		}
	}
	for _, n := range hInts {
		out[fmt.Sprint("MinFollowers ", n)] = Criteria{MinFollowers: n}
		out[fmt.Sprint("MaxFollowers ", n)] = Criteria{MaxFollowers: n}
		out[fmt.Sprint("Thresholds ", n)] = Criteria{Thresholds: kpi.Thresholds{Nano: n, Micro: n, Mid: n, Macro: n, Mega: n}}
		out[fmt.Sprint("Thresholds max ", n)] = Criteria{Thresholds: kpi.Thresholds{Nano: 0, Micro: 1, Mid: 2, Macro: 3, Mega: n}}
	}
	for i, s := range hStrings {
		l := []string{s}
		out[fmt.Sprint("strings ", i)] = Criteria{Categories: l, RequireCategory: true, Countries: l, Languages: l}
		out[fmt.Sprint("exclude ", i)] = Criteria{ExcludeCategories: l, ExcludeHandles: l}
		out[fmt.Sprint("target name ", i)] = Criteria{Target: audience.Demographics{s: {s: decimal.NewFromInt(1)}}}
	}
	out["enums"] = Criteria{Platforms: []kpi.Platform{200}, Tiers: []kpi.Tier{200}, Deliverable: 200}
	out["past cpa"] = Criteria{PastMeasure: PastCPA}
	out["past measure"] = Criteria{PastMeasure: 200}
	out["formula"] = Criteria{Formula: kpi.Formula{Interactions: 255, Base: 200, Average: 200}}
	out["empty target"] = Criteria{Target: audience.Demographics{"age": {}}}
	out["empty rows"] = Criteria{Benchmarks: kpi.Benchmarks{Version: "h"}}
	out["empty rate card"] = Criteria{RateCard: &budget.RateCard{}}
	return out
}

// hostileProfiles returns profile sets: nil, empty, the base, and the
// base's first profile with every field at every hostile value (counts,
// sums past int64, decimals, posts, audience, history, strings, Missing).
func hostileProfiles() map[string][]Profile {
	out := map[string][]Profile{"nil": nil, "empty": {}, "base": hostileBase(), "zero": {{}}}
	vary := func(name string, f func(p *Profile)) {
		ps := hostileBase()
		f(&ps[0])
		out[name] = ps
	}
	for i, d := range hostileDecimals() {
		vary(fmt.Sprint("Fee ", i), func(p *Profile) { p.Fee = d })
		vary(fmt.Sprint("EngagementRate ", i), func(p *Profile) { p.EngagementRate, p.Posts, p.Missing = d, nil, MissingAvgLikes })
		vary(fmt.Sprint("Audience ", i), func(p *Profile) { p.Audience["age"]["18-24"] = d })
		vary(fmt.Sprint("Quality ", i), func(p *Profile) { p.Audience[AudienceQuality][Suspicious] = d })
		nd := decimal.NewNullDecimal(d)
		vary(fmt.Sprint("Record ", i), func(p *Profile) {
			p.Record = &collab.History{Creator: "a", Campaigns: 2, OnTimeRate: nd, MeanDelay: nd,
				ROAS: []collab.Point{{Campaign: "x", Value: d}}, CPA: []collab.Point{{Campaign: "x", Value: d}}}
		})
		vary(fmt.Sprint("Activity ", i), func(p *Profile) {
			p.Activity = &kpi.Activity{From: hT0.Add(-28 * 24 * time.Hour), To: hT0, Posts: 12, PostsPerWeek: d, Regularity: nd}
		})
	}
	for _, n := range hInts {
		vary(fmt.Sprint("Followers ", n), func(p *Profile) { p.Followers = n })
		vary(fmt.Sprint("Following ", n), func(p *Profile) { p.Following = n })
		vary(fmt.Sprint("PostCount ", n), func(p *Profile) { p.PostCount = n })
		vary(fmt.Sprint("Averages ", n), func(p *Profile) {
			p.Posts, p.Missing, p.AvgLikes, p.AvgComments, p.AvgEngagements, p.AuthenticEngagements = nil, 0, n, n, n, n
		})
		vary(fmt.Sprint("Post likes ", n), func(p *Profile) { p.Posts[0].Likes, p.Posts[1].Likes = n, n })
		vary(fmt.Sprint("Post followers ", n), func(p *Profile) { p.Posts[0].Followers, p.Posts[1].Followers = n, n })
		vary(fmt.Sprint("History ", n), func(p *Profile) { p.History[0].Followers, p.History[1].Followers = n, math.MaxInt64 })
		vary(fmt.Sprint("History down ", n), func(p *Profile) { p.History[0].Followers, p.History[1].Followers = math.MaxInt64, n })
	}
	for i, t := range hTimes {
		vary(fmt.Sprint("History at ", i), func(p *Profile) { p.History[0].At = t })
		vary(fmt.Sprint("Post at ", i), func(p *Profile) { p.Posts[0].PublishedAt = t })
	}
	for i, s := range hStrings {
		vary(fmt.Sprint("strings ", i), func(p *Profile) {
			p.Handle, p.Name, p.Categories, p.Country, p.Language = s, s, []string{s, s}, s, s
		})
		vary(fmt.Sprint("audience names ", i), func(p *Profile) { p.Audience = audience.Demographics{s: {s: decimal.NewFromInt(1)}} })
	}
	vary("twice", func(p *Profile) { p.Handle = "b" })
	vary("empty record", func(p *Profile) { p.Record, p.Activity = &collab.History{}, &kpi.Activity{} })
	vary("null record", func(p *Profile) {
		p.Record, p.Activity = &collab.History{Campaigns: math.MaxInt, Repeat: math.MinInt}, &kpi.Activity{Posts: math.MinInt}
	})
	vary("all missing", func(p *Profile) { p.Missing = math.MaxUint16 })
	vary("platform", func(p *Profile) { p.Platform = 200 })
	vary("hidden", func(p *Profile) { p.Posts[0].Hidden, p.Posts[1].Hidden = math.MaxUint16, math.MaxUint16 })
	vary("no posts, no data", func(p *Profile) { p.Posts, p.Missing = nil, math.MaxUint16&^MissingFee })
	many := make([]Snapshot, 10_000)
	for j := range many {
		many[j] = Snapshot{At: hT0.Add(time.Duration(j) * time.Hour), Followers: int64(j + 1)}
	}
	vary("long history", func(p *Profile) { p.History = many })
	return out
}

// checkRanking returns errBadResult when r loses a profile, reports a
// score outside [0, 1] or a reason longer than hostile.MaxMessage (a value in a
// reason is shown short, as in an error), and checks Candidates on the
// same slice.
func checkRanking(ps []Profile, r Ranking, err error) error {
	if err != nil {
		return err
	}
	if r.Passed+len(r.Rejected) != len(ps) {
		return fmt.Errorf("%w: %d passed + %d rejected of %d", errBadResult, r.Passed, len(r.Rejected), len(ps))
	}
	long := func(reason string) bool { return len(reason) > hostile.MaxMessage }
	for _, s := range r.Top {
		if s.Score.Sign() < 0 || s.Score.GreaterThan(decimal.NewFromInt(1)) {
			return fmt.Errorf("%w: score %s", errBadResult, s.Score)
		}
		for _, b := range s.Breakdown {
			if long(b.Reason) {
				return fmt.Errorf("%w: %s reason of %d bytes: %.200q", errBadResult, b.Criterion, len(b.Reason), b.Reason)
			}
		}
		for _, f := range s.Flags {
			if long(f.Reason) {
				return fmt.Errorf("%w: %s reason of %d bytes: %.200q", errBadResult, f.Signal, len(f.Reason), f.Reason)
			}
		}
	}
	for _, rj := range r.Rejected {
		if long(rj.Reason) {
			return fmt.Errorf("%w: %s reason of %d bytes: %.200q", errBadResult, rj.Filter, len(rj.Reason), rj.Reason)
		}
	}
	cands, unpriced, err := r.Candidates(ps)
	if err == nil && len(cands)+len(unpriced) != r.Passed {
		return fmt.Errorf("%w: %d candidates + %d unpriced of %d", errBadResult, len(cands), len(unpriced), r.Passed)
	}
	return err
}

// callsRank covers Criteria.Validate, Rank and Ranking.Candidates: every
// hostile criteria with the base profiles, every hostile profile set with
// the zero and the rich criteria, hostile k.
func callsRank() []hostileCall {
	var cs []hostileCall
	base := hostileBase()
	for name, c := range hostileCriteria() {
		cs = append(cs, hostileCall{"Criteria.Validate", name, c.Validate},
			hostileCall{"Rank", "criteria " + name, func() error {
				r, err := Rank(base, c, 3)
				return checkRanking(base, r, err)
			}})
	}
	for name, ps := range hostileProfiles() {
		for _, cname := range []string{"zero", "rich"} {
			c := Criteria{}
			if cname == "rich" {
				c = richCriteria()
			}
			cs = append(cs, hostileCall{"Rank", name + " / " + cname, func() error {
				r, err := Rank(ps, c, math.MaxInt)
				return checkRanking(ps, r, err)
			}})
		}
	}
	for _, k := range []int{0, -1, math.MinInt, 1, math.MaxInt} {
		cs = append(cs, hostileCall{"Rank", fmt.Sprint("k ", k), func() error {
			r, err := Rank(base, Criteria{}, k)
			return checkRanking(base, r, err)
		}})
	}
	r, err := Rank(base, Criteria{}, 1)
	if err != nil {
		panic(err)
	}
	for name, ps := range map[string][]Profile{"nil": nil, "copy": hostileBase(), "short": base[:1]} {
		cs = append(cs, hostileCall{"Ranking.Candidates", name, func() error { _, _, err := r.Candidates(ps); return err }})
	}
	for name, rr := range map[string]Ranking{"zero": {}, "passed": {Passed: 1}, "negative": {Passed: -1},
		"top": {Top: []Scored{{Index: math.MaxInt}}}} {
		cs = append(cs, hostileCall{"Ranking.Candidates", name, func() error { _, _, err := rr.Candidates(base); return err }},
			hostileCall{"Ranking.Candidates", name + " / nil", func() error { _, _, err := rr.Candidates(nil); return err }})
	}
	return cs
}

// hostileCands returns candidate sets: nil, a valid set, every fee and
// value at every hostile decimal, fees summing past int64, hostile IDs,
// follower sets and sketches.
func hostileCands() map[string][]Candidate {
	mk := func() []Candidate {
		return []Candidate{{ID: "a", Fee: decimal.NewFromInt(100), Value: decimal.NewFromInt(5), Followers: audience.NewSet(1, 2, 3)},
			{ID: "b", Fee: decimal.RequireFromString("250.50"), Value: decimal.NewFromInt(9), Followers: audience.NewSet(3, 4, math.MaxUint64)},
			{ID: "c", Fee: decimal.Zero, Value: decimal.NewFromInt(1), Followers: audience.NewSet()}}
	}
	out := map[string][]Candidate{"nil": nil, "empty": {}, "base": mk()}
	vary := func(name string, f func(cs []Candidate)) {
		cs := mk()
		f(cs)
		out[name] = cs
	}
	for i, d := range hostileDecimals() {
		vary(fmt.Sprint("Fee ", i), func(cs []Candidate) { cs[0].Fee = d })
		vary(fmt.Sprint("Value ", i), func(cs []Candidate) { cs[0].Value = d })
	}
	max := decimal.NewFromInt(math.MaxInt64)
	vary("fees past int64", func(cs []Candidate) { cs[0].Fee, cs[1].Fee = max, max })
	vary("values past int64", func(cs []Candidate) { cs[0].Value, cs[1].Value = max, max })
	vary("fine fees", func(cs []Candidate) { cs[0].Fee, cs[1].Fee = decimal.New(1, -18), decimal.New(1, 18) })
	for i, s := range hStrings {
		vary(fmt.Sprint("ID ", i), func(cs []Candidate) { cs[0].ID = s })
	}
	vary("twice", func(cs []Candidate) { cs[0].ID = "b" })
	vary("no followers", func(cs []Candidate) { cs[0].Followers = nil })
	sk := &audience.Sketch{}
	sk.Add(1, 2, math.MaxUint64)
	vary("sketch", func(cs []Candidate) { cs[0].Followers, cs[0].Sketch = nil, sk })
	vary("empty sketch", func(cs []Candidate) { cs[0].Followers, cs[0].Sketch = nil, &audience.Sketch{} })
	vary("both", func(cs []Candidate) { cs[0].Sketch = sk })
	return out
}

// hostileConstraints returns constraints with hostile IDs, groups, counts,
// shares and work limits.
func hostileConstraints() map[string]Constraints {
	out := map[string]Constraints{"zero": {}, "include": {Include: []string{"a"}}, "unknown": {Include: []string{"\x00"}},
		"exclude unknown": {Exclude: []string{"\xff"}}, "both": {Include: []string{"a"}, Exclude: []string{"a"}},
		"group unknown": {Group: map[string]string{"\x00": "g"}},
		"groups":        {Group: map[string]string{"a": "g", "b": "g"}, AtMostPerGroup: map[string]int{"g": 1}, AtLeastPerGroup: map[string]int{"g": 1}},
		"group min max": {Group: map[string]string{"a": "g"}, AtLeastPerGroup: map[string]int{"g": math.MaxInt}},
		"group below":   {AtMostPerGroup: map[string]int{"g": math.MinInt}},
		"group least":   {AtLeastPerGroup: map[string]int{"g": -1}},
		"group order":   {AtMostPerGroup: map[string]int{"g": 1}, AtLeastPerGroup: map[string]int{"g": 2}},
		"forbidden":     {Group: map[string]string{"a": "g"}, Include: []string{"a"}, AtMostPerGroup: map[string]int{"g": 0}},
		"min creators":  {MinCreators: math.MaxInt}, "min negative": {MinCreators: math.MinInt},
		"work 1": {MaxWork: 1, MinCreators: 2}, "work max": {MaxWork: math.MaxInt64}, "work negative": {MaxWork: math.MinInt64}}
	for i, d := range hostileDecimals() {
		out[fmt.Sprint("MaxShare ", i)] = Constraints{MaxShare: d}
	}
	return out
}

// checkPick returns errBadResult when a pick costs more than the budget.
func checkPick(budget decimal.Decimal, p Pick, err error) error {
	if err == nil && p.Cost.GreaterThan(budget) {
		return fmt.Errorf("%w: cost %s above the budget %s", errBadResult, errs.Format(p.Cost), errs.Format(budget))
	}
	return err
}

// callsShortlist covers Shortlist and ShortlistWith: every hostile
// budget, candidate set, goal and constraint.
func callsShortlist() []hostileCall {
	var cs []hostileCall
	goals := []Goal{MaxValue, MaxUniqueReach, -1, 2, math.MaxInt}
	budgets := append(hostileDecimals(), decimal.NewFromInt(300), decimal.New(5, -25))
	cands := hostileCands()
	for bi, b := range budgets {
		for _, name := range []string{"nil", "base"} {
			for _, g := range goals {
				cs = append(cs, hostileCall{"Shortlist", fmt.Sprintf("budget %d / %s / goal %d", bi, name, g), func() error {
					p, err := Shortlist(cands[name], b, g)
					return checkPick(b, p, err)
				}})
			}
		}
	}
	b := decimal.NewFromInt(300)
	for name, cc := range cands {
		for _, g := range goals[:3] {
			cs = append(cs, hostileCall{"Shortlist", fmt.Sprintf("%s / goal %d", name, g), func() error {
				p, err := Shortlist(cc, b, g)
				return checkPick(b, p, err)
			}})
		}
	}
	for name, c := range hostileConstraints() {
		for _, g := range goals[:2] {
			cs = append(cs, hostileCall{"ShortlistWith", fmt.Sprintf("%s / goal %d", name, g), func() error {
				p, err := ShortlistWith(cands["base"], b, g, c)
				return checkPick(b, p, err)
			}})
		}
	}
	return cs
}

// hostileCSV returns CSV inputs: empty, header only, a BOM, no handle
// column, bad quoting, 10⁶-digit and ±2³¹-exponent numbers in every
// numeric column, 10⁶-byte names, NUL and invalid UTF-8, repeated handles.
func hostileCSV() map[string]string {
	const header = "handle,followers,following,posts,avg likes,avg comments,engagement avg,authentic engagement,engagement rate,fee,category,country\n"
	row := []string{"a", "1000", "10", "5", "50", "5", "55", "40", "1.5%", "100", "food", "TR"}
	out := map[string]string{"empty": "", "bom": "\ufeff", "header": header, "no handle": "name,fee\nx,1\n",
		"bare quote": header + "a\"b,1\n", "nul": "\x00", "invalid": "\xff\xfe\n\xff", "row": header + strings.Join(row, ",") + "\n",
		"twice":     header + strings.Join(row, ",") + "\n" + strings.Replace(strings.Join(row, ","), "1000", "2000", 1) + "\n",
		"short row": header + "a\n", "wide row": header + strings.Join(row, ",") + strings.Repeat(",x", 1000) + "\n"}
	cells := []string{"", "N/A", "-1", "0", "9223372036854775808", "-9223372036854775809", "1e2147483647", "1e-2147483648",
		"0e-2147483648", "NaN%", "\x00", "\xff", "1,000,000", "3.3k", "1.5m%", strings.Repeat("9", 1_000_000),
		"0." + strings.Repeat("0", 1_000_000) + "1", strings.Repeat("1,000", 200_000), strings.Repeat("9", 1_000_000) + "%",
		"1" + strings.Repeat("0", 1_000_000) + "e-1000000", "1e1000", "1e-1000", "1e1001", "1e-1001"}
	for col := 1; col <= 9; col++ {
		for i, cell := range cells {
			r := slices.Clone(row)
			r[col] = cell
			out[fmt.Sprintf("column %d cell %d", col, i)] = header + strings.Join(r, ",") + "\n"
		}
	}
	for i, s := range hStrings {
		for _, col := range []int{0, 10, 11} {
			r := slices.Clone(row)
			r[col] = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
			out[fmt.Sprintf("column %d string %d", col, i)] = header + strings.Join(r, ",") + "\n"
		}
	}
	return out
}

// callsCSV covers ReadProfiles and ScanProfiles: every hostile input with the default
// options, nil and failing readers, and hostile options.
func callsCSV() []hostileCall {
	var cs []hostileCall
	read := func(name string, r func() io.Reader, opt ReadOptions) {
		cs = append(cs, hostileCall{"ReadProfiles", name, func() error {
			ps, _, err := ReadProfiles(r(), opt)
			if err == nil {
				_, err = Rank(ps, Criteria{}, 1) // every profile read is accepted by Rank
			}
			return err
		}}, hostileCall{"ScanProfiles", name, func() error {
			var ps []Profile
			for p, err := range ScanProfiles(r(), opt) {
				if err != nil {
					return err
				}
				ps = append(ps, p)
			}
			_, err := Rank(ps, Criteria{}, 1) // every profile streamed is accepted by Rank
			return err
		}})
	}
	for name, text := range hostileCSV() {
		read(name, func() io.Reader { return strings.NewReader(text) }, ReadOptions{})
	}
	row := hostileCSV()["twice"]
	read("nil", func() io.Reader { return nil }, ReadOptions{})
	read("typed nil", func() io.Reader { return (*bytes.Reader)(nil) }, ReadOptions{})
	read("failing", func() io.Reader { return failingReader{} }, ReadOptions{})
	for _, comma := range []rune{'"', '\n', '\r', -1, 0xFFFD, 0x110000, 'a', ';', '\x00'} {
		read(fmt.Sprintf("comma %q", comma), func() io.Reader { return strings.NewReader(row) }, ReadOptions{Comma: comma})
	}
	for _, d := range []Duplicates{DuplicateError, KeepFirst, KeepLast, 200} {
		read(fmt.Sprint("duplicates ", d), func() io.Reader { return strings.NewReader(row) }, ReadOptions{Duplicates: d})
		read(fmt.Sprint("duplicates ", d, " conflicts"), func() io.Reader { return strings.NewReader(row) }, ReadOptions{Duplicates: d, Conflicts: new([]Conflict)})
	}
	for name, cols := range map[string]ProfileColumns{"none": {}, "empty name": {Handle: []string{""}},
		"nul": {Handle: []string{"\x00"}, Fee: []string{"\xff"}}, "all handle": {Handle: []string{"handle"}, Fee: []string{"handle"}, Followers: []string{"handle"}}} {
		read("columns "+name, func() io.Reader { return strings.NewReader(row) }, ReadOptions{Columns: &cols})
	}
	read("platform", func() io.Reader { return strings.NewReader(row) }, ReadOptions{Platform: 200})
	return cs
}

// callsText covers the enums' and Missing's methods and the defaults.
func callsText() []hostileCall {
	var cs []hostileCall
	text := func(typ string, s fmt.Stringer, m func() ([]byte, error), u func([]byte) error) {
		cs = append(cs, hostileCall{typ + ".String", s.String(), func() error { _ = s.String(); return nil }},
			hostileCall{typ + ".MarshalText", s.String(), func() error { _, err := m(); return err }})
		for i, str := range hStrings {
			cs = append(cs, hostileCall{typ + ".UnmarshalText", fmt.Sprint("string ", i), func() error { return u([]byte(str)) }})
		}
	}
	for _, n := range []int{0, 1, 5, 10, 255} {
		g, c, f, d := Goal(n), Criterion(n), Filter(n), Duplicates(n)
		text("Goal", g, g.MarshalText, g.UnmarshalText)
		text("Criterion", c, c.MarshalText, c.UnmarshalText)
		text("Filter", f, f.MarshalText, f.UnmarshalText)
		text("Duplicates", d, d.MarshalText, d.UnmarshalText)
	}
	for _, n := range []PastMeasure{PastROAS, PastCPA, 2, 255} {
		text("PastMeasure", n, n.MarshalText, n.UnmarshalText)
	}
	for _, g := range []Goal{-1, math.MaxInt, math.MinInt} {
		text("Goal", g, g.MarshalText, g.UnmarshalText)
	}
	for _, m := range []Missing{0, MissingFee, MissingFollowers | MissingFee, 1 << 15, math.MaxUint16} {
		text("Missing", m, m.MarshalText, m.UnmarshalText)
		for _, f := range []Missing{0, MissingFee, math.MaxUint16} {
			cs = append(cs, hostileCall{"Missing.Has", m.String(), func() error { _ = m.Has(f); return nil }},
				hostileCall{"Missing.HasAny", m.String(), func() error { _ = m.HasAny(f); return nil }})
		}
	}
	cs = append(cs, hostileCall{"DefaultWeights", "", func() error { return Criteria{Weights: DefaultWeights()}.Validate() }},
		hostileCall{"DefaultAuthenticityRules", "", func() error { return Criteria{Authenticity: DefaultAuthenticityRules()}.Validate() }},
		hostileCall{"DefaultProfileColumns", "", func() error { DefaultProfileColumns(); return nil }})
	return cs
}

// callsJSON covers the money-carrying JSON methods: hostile amounts
// marshalled (ErrTooLarge, never a huge text), hostile texts read.
func callsJSON() []hostileCall {
	var cs []hostileCall
	eur := budget.MustParseCurrency("EUR")
	for i, d := range hostileDecimals() {
		name := fmt.Sprint("decimal ", i)
		for fn, v := range map[string]json.Marshaler{"Candidate.MarshalJSON": Candidate{ID: "a", Fee: d, Currency: eur},
			"Pick.MarshalJSON": Pick{Cost: d, Currency: eur}, "Scored.MarshalJSON": Scored{Fee: d},
			"Profile.MarshalJSON": Profile{Handle: "a", Fee: d, Currency: eur}} {
			cs = append(cs, hostileCall{fn, name, func() error { _, err := v.MarshalJSON(); return err }})
		}
	}
	nines := strings.Repeat("9", 1_000_000)
	texts := []string{"", "null", "{}", "[]", "{", "\x00", `{"fee":"` + nines + `"}`, `{"fee":` + nines + `}`,
		`{"fee":{"amount":"1e2147483647","currency":"EUR"}}`, `{"cost":{"amount":"1","currency":"XXQ"}}`,
		`{"cost":{"amount":"x"}}`, `{"fee":{"amount":null,"currency":"EUR"}}`, `{"fee":true}`}
	for i, str := range append(texts, hStrings...) {
		b := []byte(str)
		name := fmt.Sprint("text ", i)
		for fn, u := range map[string]json.Unmarshaler{"Candidate.UnmarshalJSON": new(Candidate),
			"Pick.UnmarshalJSON": new(Pick), "Scored.UnmarshalJSON": new(Scored), "Profile.UnmarshalJSON": new(Profile)} {
			cs = append(cs, hostileCall{fn, name, func() error { return u.UnmarshalJSON(b) }})
		}
	}
	return cs
}

func hostileTable() []hostileCall {
	return slices.Concat(callsRank(), callsShortlist(), callsCSV(), callsText(), callsJSON())
}

// TestHostile calls every exported function and method of the package with
// hostile values: each returns within hostile.Bound (×4 under -race) with a
// result or an error wrapping one of the package's sentinels, with a short
// message, and never panics. The bound holds on wall time, or, on a
// machine so loaded that the wall time counts other processes' turns, on
// the CPU time of the call's own thread (hostile.ThreadCPU).
func TestHostile(t *testing.T) {
	var slow hostile.Slowest
	for _, c := range hostileTable() {
		runner.Check(t, &slow, fmt.Sprintf("%s(%.80q)", c.fn, c.name), c.call, hostile.MaxMessage, append(sentinels, errDisk)...)
	}
	slow.Log(t)
}

// hostileSkip lists exported functions and methods left out of the
// hostile table, with the reason. None is: even the defaults, which take
// no argument, are called.
var hostileSkip = map[string]string{}

// TestHostileCoversAPI lists the exported functions and methods of the
// package's non-test files with go/ast and fails naming any that the
// hostile table does not call and hostileSkip does not excuse.
func TestHostileCoversAPI(t *testing.T) {
	hostile.CoversAPI(t, ".", false, hostile.Names(hostileTable(), func(c hostileCall) string { return c.fn }), hostileSkip, 1)
}

// FuzzHostileDecimals drives selection's decimal entry points (Shortlist's
// budget, a candidate's fee and value, Constraints.MaxShare, a profile's
// fee, rate, audience share, record and activity, and every decimal field
// of Criteria, picked by field) with c·10^zeros·10^exp: coefficients of up
// to 2066 digits and any int32 exponent. A value beyond limit.Decimal must
// be refused with ErrTooLarge; a value within is ranked or picked, or
// refused with one of the package's sentinels; nothing may panic.
func FuzzHostileDecimals(f *testing.F) {
	f.Add(int64(1), int32(math.MaxInt32), uint16(0), uint8(0))
	f.Add(int64(-3), int32(math.MinInt32), uint16(0), uint8(3))
	f.Add(int64(0), int32(math.MinInt32), uint16(0), uint8(7))
	f.Add(int64(9), int32(-limit.MaxExponent), uint16(999), uint8(20))
	f.Add(int64(1), int32(limit.MaxExponent), uint16(1000), uint8(25))
	f.Add(int64(math.MaxInt64), int32(-1001), uint16(2047), uint8(255))
	f.Add(int64(5), int32(-25), uint16(0), uint8(1))
	fields := criteriaDecimals()
	f.Fuzz(func(t *testing.T, c int64, exp int32, zeros uint16, field uint8) {
		coef := new(big.Int).Mul(big.NewInt(c), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(zeros%2048)), nil))
		d := decimal.NewFromBigInt(coef, exp)
		beyond := limit.Decimal("test", "d", d) != nil
		want := func(what string, err error) {
			t.Helper()
			switch {
			case beyond && !errors.Is(err, ErrTooLarge):
				t.Fatalf("%s(%s): beyond the limits, err = %v", what, errs.Format(d), err)
			case err != nil && !slices.ContainsFunc(sentinels, func(s error) bool { return errors.Is(err, s) }):
				t.Fatalf("%s(%s): err = %v matches no sentinel", what, errs.Format(d), err)
			case err != nil && len(err.Error()) > hostile.MaxMessage:
				t.Fatalf("%s(%s): message of %d bytes", what, errs.Format(d), len(err.Error()))
			}
		}
		cands := hostileCands()["base"]
		p, err := Shortlist(cands, d, MaxValue)
		want("Shortlist budget", checkPick(d, p, err))
		for _, goal := range []Goal{MaxValue, MaxUniqueReach} {
			fee, value := slices.Clone(cands), slices.Clone(cands)
			fee[1].Fee, value[1].Value = d, d
			budget := decimal.NewFromInt(300)
			p, err = Shortlist(fee, budget, goal)
			want("Shortlist fee", checkPick(budget, p, err))
			if goal == MaxValue {
				p, err = Shortlist(value, budget, goal)
				want("Shortlist value", checkPick(budget, p, err))
			}
			p, err = ShortlistWith(cands, budget, goal, Constraints{MaxShare: d})
			want("ShortlistWith MaxShare", checkPick(budget, p, err))
		}
		ps := hostileBase()
		switch field % 5 {
		case 0:
			ps[0].Fee = d
		case 1:
			ps[0].EngagementRate, ps[0].Posts, ps[0].Missing = d, nil, MissingAvgLikes
		case 2:
			ps[0].Audience[AudienceQuality][Suspicious] = d
		case 3:
			ps[0].Record = &collab.History{Campaigns: 1, OnTimeRate: decimal.NewNullDecimal(d), ROAS: []collab.Point{{Value: d}}}
		default:
			ps[0].Activity = &kpi.Activity{From: hT0.Add(-7 * 24 * time.Hour), To: hT0, Posts: 3, PostsPerWeek: d}
		}
		r, err := Rank(ps, richCriteria(), 2)
		want("Rank profile", checkRanking(ps, r, err))
		cf := fields[int(field)%len(fields)]
		crit := richCriteria()
		cf.set(&crit, d)
		want("Criteria.Validate "+cf.name, crit.Validate())
		base := hostileBase()
		r, err = Rank(base, crit, 2)
		want("Rank "+cf.name, checkRanking(base, r, err))
	})
}
