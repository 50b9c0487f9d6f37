package selection

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

// ScorePlaces is the number of decimal places of the scores Rank reports.
// Scores are computed in float64 (they combine ratios of counts, a
// benchmark table and fit scores; float64 keeps ranking a million profiles
// as fast as sorting a million numbers) and converted to decimal once, for
// the profiles reported, rounded half away from zero to 12 places; the
// ranking compares these rounded scores, so the order never contradicts the
// reported numbers. Each Contribution is rounded on its own, so their sum
// may differ from Score in the last place. Rates and fees in the report are
// exact decimals.
const ScorePlaces = 12

const scoreUnit = 1e12 // 10^ScorePlaces

// Ranking is the result of Rank.
type Ranking struct {
	// Top holds the k best profiles, best first. Equal scores are ordered
	// by handle, then by input position.
	Top []Scored `json:"top"`
	// Rejected lists every profile a hard filter excluded, in input order.
	Rejected []Rejection `json:"rejected"`
	// Passed counts the profiles that passed every filter.
	Passed int `json:"passed"`
}

// Scored is a ranked profile with the breakdown that explains its score.
type Scored struct {
	Handle string `json:"handle"`
	Index  int    `json:"index"` // position in the input
	// Score = Σ Contribution, in [0, 1], at ScorePlaces places.
	Score decimal.Decimal `json:"score"`
	Tier  kpi.Tier        `json:"tier"`
	// EngagementRate is the rate scored, exact (16 places), and where it
	// came from: "posts" (Criteria.Formula), "averages" ((AvgLikes +
	// AvgComments) / Followers) or "published"; "" when unknown.
	EngagementRate   decimal.Decimal `json:"engagement_rate"`
	EngagementSource string          `json:"engagement_source"`
	// Fee is the profile's fee, or the rate card's expected fee when
	// FeeEstimated.
	Fee          decimal.Decimal `json:"fee"`
	FeeEstimated bool            `json:"fee_estimated"`
	// Breakdown has one entry per Criterion, in Criterion order.
	Breakdown []CriterionScore `json:"breakdown"`
	// Flags are the authenticity signals raised, with their reasons.
	Flags []Flag `json:"flags"`
}

// CriterionScore explains one criterion of a score.
type CriterionScore struct {
	Criterion Criterion `json:"criterion"`
	// Score in [0, 1]; zero when Missing.
	Score decimal.Decimal `json:"score"`
	// Weight as given; Contribution = Weight × Score / Σ weights of the
	// criteria not missing.
	Weight       decimal.Decimal `json:"weight"`
	Contribution decimal.Decimal `json:"contribution"`
	// Missing is true when the profile has no data for the criterion (or
	// the criterion does not apply); it is then left out of the score.
	Missing bool   `json:"missing"`
	Reason  string `json:"reason"`
}

// Flag is a raised authenticity signal.
type Flag struct {
	// Signal is one of "engagement-out-of-range", "likes-per-comment",
	// "growth-spike", "authentic-engagement", "following-ratio",
	// "suspicious-audience" (see AuthenticityRules).
	Signal string `json:"signal"`
	Reason string `json:"reason"`
}

// Rejection names the filter that excluded a profile.
type Rejection struct {
	Handle string `json:"handle"`
	Index  int    `json:"index"`
	Filter Filter `json:"filter"`
	Reason string `json:"reason"`
}

// ranker holds what Rank precomputes once.
type ranker struct {
	c       Criteria
	weights [numCriteria]float64
	wdec    [numCriteria]decimal.Decimal
	bench   map[benchKey]benchRate
	benchF  [256][8]float64 // benchmark rate + 1 (0: not looked up yet)
	minER   float64
	maxFee  float64
	cats    []string
	auth    authRules
	growth  float64
}

type benchKey struct {
	p kpi.Platform
	t kpi.Tier
}

type benchRate struct {
	rate decimal.Decimal
	f    float64 // 0 when no benchmark
}

type authRules struct {
	factor, minLPC, maxLPC, spike, follow, susp, authentic, penalty float64
}

// features is what scoring needs of one profile, in float64.
type features struct {
	tier      kpi.Tier
	er        float64
	erOK      bool
	erSource  string
	fee       decimal.Decimal
	feeOK     bool
	feeEst    bool
	eff       float64 // expected engagements per unit of fee; < 0 when unknown
	s         [numCriteria]float64
	ok        [numCriteria]bool
	flags     int
	benchRate float64
}

// Rank scores the profiles that pass c's hard filters and returns the k
// best, best first, with a per-criterion breakdown, and the filter that
// excluded each other profile. Ties are broken by handle, then input
// position. It keeps the k best in a heap (O(n log k)), never sorting all
// profiles. See Criterion for each criterion's formula and Weights for how
// they combine; scores are float64 inside and decimal in the report (see
// ScorePlaces).
//
// Engagement uses Criteria.Formula on Profile.Posts when present
// (kpi.Formula.Rate, exact), else the average counts, else the published
// rate. The MinEngagement filter is decided exactly: a profile whose float64
// rate lies within 10⁻⁹ (relative) of the minimum is compared in decimal.
//
// Errors: k < 1, an invalid Criteria, or a profile with a negative count or
// fee gives ErrInvalid.
func Rank(profiles []Profile, c Criteria, k int) (Ranking, error) {
	const fn = "Rank"
	if k < 1 {
		return Ranking{}, errorf(ErrInvalid, fn, "k", "below 1", k)
	}
	c = c.withDefaults()
	if err := c.validate(fn); err != nil {
		return Ranking{}, err
	}
	r := newRanker(c)
	type pass struct {
		i        int32
		num, den float64
		eff      float64
	}
	passed := make([]pass, 0, len(profiles))
	var rejected []Rejection
	maxEff := 0.0
	for i := range profiles {
		p := &profiles[i]
		if err := checkProfile(fn, i, p); err != nil {
			return Ranking{}, err
		}
		f, filter, reason := r.evaluate(p)
		if filter != 0 {
			rejected = append(rejected, Rejection{Handle: p.Handle, Index: i, Filter: filter, Reason: reason})
			continue
		}
		var num, den float64
		for cr := range numCriteria {
			if cr != CostEfficiency && f.ok[cr] {
				num += r.weights[cr] * f.s[cr]
				den += r.weights[cr]
			}
		}
		passed = append(passed, pass{i: int32(i), num: num, den: den, eff: f.eff})
		maxEff = max(maxEff, f.eff)
	}
	// Top k by a min-heap whose root is the worst kept entry.
	// Scores are compared as integers in units of 10^-ScorePlaces, so the
	// order is exactly the order of the reported decimal scores.
	type cand struct {
		score int64
		i     int32
	}
	worse := func(a, b cand) bool { // a ranks below b
		if a.score != b.score {
			return a.score < b.score
		}
		if ha, hb := profiles[a.i].Handle, profiles[b.i].Handle; ha != hb {
			return ha > hb
		}
		return a.i > b.i
	}
	heap := make([]cand, 0, min(k, len(passed)))
	down := func(j int) {
		n := len(heap)
		for {
			l := 2*j + 1
			if l >= n {
				return
			}
			m := l
			if rr := l + 1; rr < n && worse(heap[rr], heap[l]) {
				m = rr
			}
			if !worse(heap[m], heap[j]) {
				return
			}
			heap[j], heap[m] = heap[m], heap[j]
			j = m
		}
	}
	wCost := r.weights[CostEfficiency]
	for _, ps := range passed {
		num, den := ps.num, ps.den
		if ps.eff >= 0 && maxEff > 0 {
			num += wCost * ps.eff / maxEff
			den += wCost
		}
		s := 0.0
		if den > 0 {
			s = num / den
		}
		x := cand{score: int64(math.Round(s * scoreUnit)), i: ps.i}
		if len(heap) < k {
			heap = append(heap, x)
			for j := len(heap) - 1; j > 0; {
				parent := (j - 1) / 2
				if !worse(heap[j], heap[parent]) {
					break
				}
				heap[j], heap[parent] = heap[parent], heap[j]
				j = parent
			}
			continue
		}
		if worse(heap[0], x) {
			heap[0] = x
			down(0)
		}
	}
	slices.SortFunc(heap, func(a, b cand) int {
		if worse(a, b) {
			return 1
		}
		if worse(b, a) {
			return -1
		}
		return 0
	})
	out := Ranking{Rejected: rejected, Passed: len(passed), Top: make([]Scored, 0, len(heap))}
	for _, x := range heap {
		sc := r.explain(&profiles[x.i], int(x.i), maxEff)
		sc.Score = decimal.New(x.score, -ScorePlaces)
		out.Top = append(out.Top, sc)
	}
	return out, nil
}

func checkProfile(fn string, i int, p *Profile) error {
	field := func(name string) string { return "profiles[" + strconv.Itoa(i) + "]." + name }
	for _, f := range [...]struct {
		name string
		v    int64
	}{{"Followers", p.Followers}, {"Following", p.Following}, {"PostCount", p.PostCount}, {"AvgLikes", p.AvgLikes},
		{"AvgComments", p.AvgComments}, {"AvgEngagements", p.AvgEngagements}, {"AuthenticEngagements", p.AuthenticEngagements}} {
		if f.v < 0 {
			return errorf(ErrInvalid, fn, field(f.name), "negative", f.v)
		}
	}
	if p.Fee.Sign() < 0 {
		return errorf(ErrInvalid, fn, field("Fee"), "negative", p.Fee)
	}
	if p.EngagementRate.Sign() < 0 {
		return errorf(ErrInvalid, fn, field("EngagementRate"), "negative", p.EngagementRate)
	}
	if !floatable(p.EngagementRate) {
		// Scored in float64: +Inf would make the engagement score NaN.
		return errorf(ErrInvalid, fn, field("EngagementRate"), "outside float64 range", p.EngagementRate)
	}
	return nil
}

func newRanker(c Criteria) *ranker {
	r := &ranker{c: c, bench: map[benchKey]benchRate{}}
	for i, w := range c.Weights.list() {
		r.weights[i] = w.InexactFloat64()
		r.wdec[i] = w
	}
	r.minER = c.MinEngagement.InexactFloat64()
	r.maxFee = c.MaxFee.InexactFloat64()
	for _, s := range c.Categories {
		r.cats = append(r.cats, strings.TrimSpace(s))
	}
	a := c.Authenticity
	r.auth = authRules{a.EngagementFactor.InexactFloat64(), a.MinLikesPerComment.InexactFloat64(), a.MaxLikesPerComment.InexactFloat64(),
		a.SpikeGrowth.InexactFloat64(), a.MaxFollowingRatio.InexactFloat64(), a.MaxSuspiciousShare.InexactFloat64(), a.MinAuthenticShare.InexactFloat64(), a.Penalty.InexactFloat64()}
	r.growth = c.GrowthTarget.InexactFloat64()
	return r
}

// benchmarkF returns the float64 engagement benchmark of a platform and
// tier (0: none), from an array cache.
func (r *ranker) benchmarkF(p kpi.Platform, t kpi.Tier) float64 {
	if int(t) < 8 {
		if v := r.benchF[p][t]; v != 0 {
			return v - 1
		}
		b := r.benchmark(p, t)
		r.benchF[p][t] = b.f + 1
		return b.f
	}
	return r.benchmark(p, t).f
}

// benchmark returns the engagement benchmark of a platform and tier, cached.
func (r *ranker) benchmark(p kpi.Platform, t kpi.Tier) benchRate {
	key := benchKey{p, t}
	if b, ok := r.bench[key]; ok {
		return b
	}
	var b benchRate
	if pl, err := r.c.Benchmarks.Place(decimal.Zero, p, t, r.c.Formula); err == nil && pl.Benchmark.Rate.Sign() > 0 {
		b = benchRate{rate: pl.Benchmark.Rate, f: pl.Benchmark.Rate.InexactFloat64()}
	}
	r.bench[key] = b
	return b
}

func containsFold(list []string, s string) bool {
	s = strings.TrimSpace(s)
	for _, x := range list {
		if strings.EqualFold(strings.TrimSpace(x), s) {
			return true
		}
	}
	return false
}

// engagement returns the profile's engagement rate exactly, and its source.
func (r *ranker) engagement(p *Profile) (decimal.Decimal, string, bool) {
	switch {
	case len(p.Posts) > 0:
		if rate, err := r.c.Formula.Rate(p.Posts); err == nil {
			return rate, "posts", true
		}
	case !p.Missing.Has(MissingAvgLikes) && !p.Missing.Has(MissingFollowers) && p.Followers > 0:
		var comments int64
		if !p.Missing.Has(MissingAvgComments) {
			comments = p.AvgComments
		}
		if sum, ok := exact.Add(p.AvgLikes, comments); ok {
			return exact.Ratio(sum, p.Followers), "averages", true
		}
	case !p.Missing.Has(MissingAvgEngagements) && !p.Missing.Has(MissingFollowers) && p.Followers > 0:
		return exact.Ratio(p.AvgEngagements, p.Followers), "averages", true
	}
	if !p.Missing.Has(MissingEngagementRate) && !p.EngagementRate.IsZero() {
		return p.EngagementRate, "published", true
	}
	return decimal.Zero, "", false
}

// engagementFloat is engagement in float64, without decimals on the
// common paths.
func (r *ranker) engagementFloat(p *Profile) (float64, string, bool) {
	if len(p.Posts) == 0 && !p.Missing.Has(MissingAvgLikes) && !p.Missing.Has(MissingFollowers) && p.Followers > 0 {
		e := float64(p.AvgLikes)
		if !p.Missing.Has(MissingAvgComments) {
			e += float64(p.AvgComments)
		}
		return e / float64(p.Followers), "averages", true
	}
	if len(p.Posts) == 0 && p.Missing.Has(MissingAvgLikes) && !p.Missing.Has(MissingAvgEngagements) && !p.Missing.Has(MissingFollowers) && p.Followers > 0 {
		return float64(p.AvgEngagements) / float64(p.Followers), "averages", true
	}
	d, src, ok := r.engagement(p)
	return fastFloat(d), src, ok
}

// fastFloat converts d to float64 without allocating when its coefficient
// fits in 53 bits and its exponent is small (the case of fees and rates);
// otherwise it falls back to InexactFloat64.
func fastFloat(d decimal.Decimal) float64 {
	e := d.Exponent()
	if e >= -22 && e <= 22 && d.NumDigits() <= 15 {
		c := float64(d.CoefficientInt64())
		if e < 0 {
			return c / pow10[-e]
		}
		return c * pow10[e]
	}
	return d.InexactFloat64()
}

var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// evaluate applies the filters and computes the scores of p (all but
// CostEfficiency, which needs every profile); a rejected profile gets its
// filter and reason.
func (r *ranker) evaluate(p *Profile) (features, Filter, string) {
	c := &r.c
	var f features
	if len(c.ExcludeHandles) > 0 && containsFold(c.ExcludeHandles, p.Handle) {
		return f, FilterHandle, "handle excluded"
	}
	if len(c.Platforms) > 0 && !slices.Contains(c.Platforms, p.Platform) {
		return f, FilterPlatform, "platform " + p.Platform.String() + " not in the list"
	}
	noFollowers := p.Missing.Has(MissingFollowers)
	if (c.MinFollowers > 0 || c.MaxFollowers > 0 || len(c.Tiers) > 0) && noFollowers {
		return f, FilterFollowers, "followers not reported"
	}
	if c.MinFollowers > 0 && p.Followers < c.MinFollowers {
		return f, FilterFollowers, fmt.Sprintf("%d followers, below %d", p.Followers, c.MinFollowers)
	}
	if c.MaxFollowers > 0 && p.Followers > c.MaxFollowers {
		return f, FilterFollowers, fmt.Sprintf("%d followers, above %d", p.Followers, c.MaxFollowers)
	}
	if !noFollowers {
		f.tier, _ = c.Thresholds.Tier(p.Followers)
	}
	if len(c.Tiers) > 0 && !slices.Contains(c.Tiers, f.tier) {
		return f, FilterTier, "tier " + f.tier.String() + " not in the list"
	}
	if len(c.Countries) > 0 && !containsFold(c.Countries, p.Country) {
		return f, FilterCountry, "country " + strconv.Quote(p.Country) + " not in the list"
	}
	if len(c.Languages) > 0 && !containsFold(c.Languages, p.Language) {
		return f, FilterLanguage, "language " + strconv.Quote(p.Language) + " not in the list"
	}
	shared := 0
	for _, want := range r.cats {
		if containsFold(p.Categories, want) {
			shared++
		}
	}
	if c.RequireCategory && len(r.cats) > 0 && shared == 0 {
		return f, FilterCategory, "no category in common"
	}
	for _, cat := range p.Categories {
		if containsFold(c.ExcludeCategories, cat) {
			return f, FilterBrandSafety, "category " + strconv.Quote(cat) + " excluded"
		}
	}
	// Engagement.
	f.er, f.erSource, f.erOK = r.engagementFloat(p)
	// Fee.
	if !p.Missing.Has(MissingFee) {
		f.fee, f.feeOK = p.Fee, true
	} else if c.RateCard != nil && !noFollowers {
		if est, err := r.estimateFee(p); err == nil {
			f.fee, f.feeOK, f.feeEst = est, true, true
		}
	}
	if c.MaxFee.Sign() > 0 {
		if !f.feeOK {
			return f, FilterFee, "no fee and no rate card estimate"
		}
		if f.fee.GreaterThan(c.MaxFee) {
			return f, FilterFee, "fee " + f.fee.String() + " above " + c.MaxFee.String()
		}
	}
	if c.MinEngagement.Sign() > 0 {
		if !f.erOK {
			return f, FilterEngagement, "no engagement data"
		}
		below := f.er < r.minER*(1-1e-9)
		if !below && f.er <= r.minER*(1+1e-9) {
			d, _, _ := r.engagement(p)
			below = d.LessThan(c.MinEngagement)
		}
		if below {
			d, _, _ := r.engagement(p)
			return f, FilterEngagement, "engagement " + d.String() + " below " + c.MinEngagement.String()
		}
	}
	// Scores.
	f.eff = -1
	if f.erOK {
		b := r.benchmarkF(p.Platform, f.tier)
		f.benchRate = b
		if b > 0 {
			f.s[Engagement], f.ok[Engagement] = f.er/(f.er+b), true
		}
		if f.feeOK && !noFollowers {
			if fee := fastFloat(f.fee); fee > 0 {
				f.eff = f.er * float64(p.Followers) / fee
			}
		}
	}
	if len(c.Target) > 0 && len(p.Audience) > 0 {
		if rep, err := audience.Fit(c.Target, p.Audience, c.FitWeights); err == nil {
			f.s[AudienceFit], f.ok[AudienceFit] = rep.Score.InexactFloat64(), true
		}
	}
	if len(r.cats) > 0 {
		f.s[CategoryFit], f.ok[CategoryFit] = float64(shared)/float64(len(r.cats)), true
	}
	f.flags, _ = r.authenticity(p, &f, false)
	f.s[Authenticity], f.ok[Authenticity] = max(0, 1-float64(f.flags)*r.auth.penalty), true
	if g, ok := growth30(p.History); ok {
		f.s[Growth], f.ok[Growth] = min(max(g/r.growth, 0), 1), true
	}
	return f, 0, ""
}

func (r *ranker) estimateFee(p *Profile) (decimal.Decimal, error) {
	q := budget.Deliverable{Format: r.c.Deliverable, Followers: p.Followers, AudienceFit: decimal.NewFromInt(1)}
	if d, _, ok := r.engagement(p); ok {
		q.EngagementRate = d
	} else {
		q.EngagementRate = r.c.RateCard.BenchmarkEngagement
	}
	est, err := r.c.RateCard.Price(q)
	if err != nil {
		return decimal.Zero, err
	}
	return est.Expected, nil
}

// growth30 returns the follower growth from the latest snapshot at least 30
// days before the last one to the last one.
func growth30(h []Snapshot) (float64, bool) {
	if len(h) < 2 {
		return 0, false
	}
	last := h[len(h)-1]
	for j := len(h) - 2; j >= 0; j-- {
		if !h[j].At.After(last.At.Add(-30 * 24 * time.Hour)) {
			if h[j].Followers <= 0 {
				return 0, false
			}
			return float64(last.Followers-h[j].Followers) / float64(h[j].Followers), true
		}
	}
	return 0, false
}

// authenticity returns the number of raised signals and, with explain,
// the signals with their reasons.
func (r *ranker) authenticity(p *Profile, f *features, explain bool) (int, []Flag) {
	var flags []Flag
	n := 0
	raise := func(signal string, reason func() string) {
		n++
		if explain {
			flags = append(flags, Flag{Signal: signal, Reason: reason()})
		}
	}
	a := r.auth
	if f.erOK && f.benchRate > 0 {
		ratio := f.er / f.benchRate
		if ratio > a.factor || ratio < 1/a.factor {
			raise("engagement-out-of-range", func() string {
				return fmt.Sprintf("engagement %.4f is %.2f× the %s %s benchmark %.4f (limit %s×)", f.er, ratio, p.Platform, f.tier, f.benchRate, r.c.Authenticity.EngagementFactor)
			})
		}
	}
	var likes, comments int64
	lcOK := false
	if len(p.Posts) > 0 {
		for _, post := range p.Posts {
			if post.Hidden&(kpi.FieldLikes|kpi.FieldComments) == 0 {
				likes += post.Likes
				comments += post.Comments
				lcOK = true
			}
		}
	} else if !p.Missing.Has(MissingAvgLikes) && !p.Missing.Has(MissingAvgComments) {
		likes, comments, lcOK = p.AvgLikes, p.AvgComments, true
	}
	if lcOK && likes > 0 {
		if comments == 0 || float64(likes)/float64(comments) > a.maxLPC || float64(likes)/float64(comments) < a.minLPC {
			raise("likes-per-comment", func() string {
				if comments == 0 {
					return fmt.Sprintf("%d likes and no comments", likes)
				}
				return fmt.Sprintf("%.1f likes per comment, outside [%s, %s]", float64(likes)/float64(comments), r.c.Authenticity.MinLikesPerComment, r.c.Authenticity.MaxLikesPerComment)
			})
		}
	}
	for j := 1; j < len(p.History); j++ {
		prev, cur := p.History[j-1], p.History[j]
		if prev.Followers > 0 && cur.At.Sub(prev.At) <= 7*24*time.Hour &&
			float64(cur.Followers-prev.Followers)/float64(prev.Followers) > a.spike {
			raise("growth-spike", func() string {
				return fmt.Sprintf("followers %d → %d between %s and %s (limit +%s)", prev.Followers, cur.Followers,
					prev.At.Format(time.DateOnly), cur.At.Format(time.DateOnly), r.c.Authenticity.SpikeGrowth)
			})
			break
		}
	}
	if !p.Missing.Has(MissingAvgEngagements) && !p.Missing.Has(MissingAuthenticEngagements) && p.AvgEngagements > 0 &&
		float64(p.AuthenticEngagements)/float64(p.AvgEngagements) < a.authentic {
		raise("authentic-engagement", func() string {
			return fmt.Sprintf("%d of %d average engagements from real accounts (limit share %s)", p.AuthenticEngagements, p.AvgEngagements, r.c.Authenticity.MinAuthenticShare)
		})
	}
	if !p.Missing.Has(MissingFollowing) && !p.Missing.Has(MissingFollowers) && p.Followers >= 1000 &&
		float64(p.Following)/float64(p.Followers) > a.follow {
		raise("following-ratio", func() string {
			return fmt.Sprintf("follows %d accounts with %d followers (limit ratio %s)", p.Following, p.Followers, r.c.Authenticity.MaxFollowingRatio)
		})
	}
	if q, ok := p.Audience[AudienceQuality]; ok {
		var total, bad decimal.Decimal
		for k, v := range q {
			total = total.Add(v)
			if k == MassFollowers || k == Suspicious {
				bad = bad.Add(v)
			}
		}
		if total.Sign() > 0 {
			share := exact.Div(bad, total)
			if share.GreaterThan(r.c.Authenticity.MaxSuspiciousShare) {
				raise("suspicious-audience", func() string {
					return "share of mass followers and suspicious accounts " + share.StringFixed(4) + " above " + r.c.Authenticity.MaxSuspiciousShare.String()
				})
			}
		}
	}
	return n, flags
}

// toDecimal converts a score once, rounded to ScorePlaces.
func toDecimal(x float64) decimal.Decimal {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return decimal.Zero
	}
	return decimal.NewFromFloat(x).Round(ScorePlaces)
}

// explain builds the reported breakdown of a profile that passed.
func (r *ranker) explain(p *Profile, i int, maxEff float64) Scored {
	f, _, _ := r.evaluate(p)
	out := Scored{Handle: p.Handle, Index: i, Tier: f.tier, Fee: f.fee, FeeEstimated: f.feeEst, EngagementSource: f.erSource}
	if f.erOK {
		out.EngagementRate, _, _ = r.engagement(p)
	}
	if f.eff >= 0 && maxEff > 0 {
		f.s[CostEfficiency], f.ok[CostEfficiency] = f.eff/maxEff, true
	}
	var den float64
	for cr := range numCriteria {
		if f.ok[cr] {
			den += r.weights[cr]
		}
	}
	_, out.Flags = r.authenticity(p, &f, true)
	for cr := range numCriteria {
		cs := CriterionScore{Criterion: cr, Weight: r.wdec[cr], Missing: !f.ok[cr]}
		if f.ok[cr] && den > 0 {
			cs.Score, cs.Contribution = toDecimal(f.s[cr]), toDecimal(r.weights[cr]*f.s[cr]/den)
		}
		cs.Reason = r.reason(cr, p, &f, len(out.Flags))
		out.Breakdown = append(out.Breakdown, cs)
	}
	return out
}

func (r *ranker) reason(cr Criterion, p *Profile, f *features, flags int) string {
	switch cr {
	case Engagement:
		switch {
		case !f.erOK:
			return "no engagement data"
		case f.benchRate == 0:
			return fmt.Sprintf("no %s %s benchmark for the formula", p.Platform, f.tier)
		}
		return fmt.Sprintf("engagement %.4f (%s) vs %s %s benchmark %.4f: %.2f× the benchmark, scored r/(r+b)", f.er, f.erSource, p.Platform, f.tier, f.benchRate, f.er/f.benchRate)
	case AudienceFit:
		if !f.ok[cr] {
			return "no target or no audience demographics"
		}
		return fmt.Sprintf("audience fit %.4f to the target", f.s[cr])
	case CategoryFit:
		if !f.ok[cr] {
			return "no brand categories given"
		}
		return fmt.Sprintf("%d of %d brand categories", int(math.Round(f.s[cr]*float64(len(r.cats)))), len(r.cats))
	case Authenticity:
		return fmt.Sprintf("%d flag(s), %s penalty each", flags, r.c.Authenticity.Penalty)
	case CostEfficiency:
		if !f.ok[cr] {
			return "no fee or no engagement data"
		}
		est := ""
		if f.feeEst {
			est = " (estimated)"
		}
		return fmt.Sprintf("%.4g expected engagements per unit of fee %s%s, relative to the best", f.eff, f.fee, est)
	case Growth:
		if !f.ok[cr] {
			return "no follower history spanning 30 days"
		}
		g, _ := growth30(p.History)
		return fmt.Sprintf("30-day growth %.4f vs target %s", g, r.c.GrowthTarget)
	}
	return ""
}

// Candidates turns the ranked profiles into Shortlist candidates, best
// first: ID is the handle, Fee the profile's fee (or the rate card's
// estimate), Value the score, Followers the profile's FollowerSet (nil when
// unknown). It also returns each candidate's tier name, for
// Constraints.Tier. profiles must be the slice given to Rank; an entry
// whose Index does not hold a profile of its handle there is left out. A
// profile with neither a fee nor an estimate is left out: Shortlist cannot
// price it.
func (r Ranking) Candidates(profiles []Profile) ([]Candidate, map[string]string) {
	cands := make([]Candidate, 0, len(r.Top))
	tiers := make(map[string]string, len(r.Top))
	for _, s := range r.Top {
		if s.Index < 0 || s.Index >= len(profiles) || profiles[s.Index].Handle != s.Handle {
			continue
		}
		p := &profiles[s.Index]
		if p.Missing.Has(MissingFee) && !s.FeeEstimated {
			continue
		}
		cands = append(cands, Candidate{ID: s.Handle, Fee: s.Fee, Value: s.Score, Followers: p.FollowerSet})
		tiers[s.Handle] = s.Tier.String()
	}
	return cands, tiers
}

// SketchCandidates is Candidates for ShortlistSketches: Followers is the
// profile's FollowerSketch. Profiles without a fee or without a sketch are
// left out.
func (r Ranking) SketchCandidates(profiles []Profile) ([]SketchCandidate, map[string]string) {
	cands, tiers := r.Candidates(profiles)
	out := make([]SketchCandidate, 0, len(cands))
	for _, s := range r.Top {
		if s.Index < 0 || s.Index >= len(profiles) || profiles[s.Index].Handle != s.Handle {
			continue
		}
		p := &profiles[s.Index]
		if p.FollowerSketch == nil || (p.Missing.Has(MissingFee) && !s.FeeEstimated) {
			delete(tiers, s.Handle)
			continue
		}
		out = append(out, SketchCandidate{ID: s.Handle, Fee: s.Fee, Followers: p.FollowerSketch})
	}
	return out, tiers
}
