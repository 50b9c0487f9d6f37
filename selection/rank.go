package selection

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/sorted"
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

// Ranking is the result of Rank. Every profile given to Rank is accounted
// for: Passed + len(Rejected) = len(profiles). A Ranking made by Rank also
// keeps the score of every profile that passed and a reference to the
// profiles slice, for Candidates; JSON carries only the exported fields.
type Ranking struct {
	// Top holds the k best profiles, best first. Equal scores are ordered
	// by handle, then by input position.
	Top []Scored `json:"top"`
	// Rejected lists every profile a hard filter excluded, in input order,
	// with the filter and the reason.
	Rejected []Rejection `json:"rejected"`
	// Passed counts the profiles that passed every filter: they are all
	// ranked, and Candidates turns every one of them into a candidate, not
	// only the k in Top.
	Passed int `json:"passed"`

	// For Candidates: ranked holds every profile that passed, in input
	// order, estimated the rate card's fee of those without one, by input
	// position, and base and n identify the slice ranked (its first
	// element and length). A Ranking decoded from JSON has none of them.
	ranked    []ranked
	estimated map[int32]decimal.Decimal
	base      *Profile
	n         int
	cur       budget.Currency // the Criteria's, the candidates'
}

// ranked is a profile that passed the filters: its weighted scores
// without CostEfficiency (which needs the median efficiency of all), then its
// score. It holds no pointer, so that a million of them cost the garbage
// collector nothing.
type ranked struct {
	i        int32
	score    int64 // units of 10^-ScorePlaces
	num, den float64
	eff      float64
	past     float64 // the PastPerformance value; < 0 when unknown
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
	// Currency is Fee's: the Criteria's currency. JSON writes Fee as a
	// money object in it.
	Currency budget.Currency `json:"-"`
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
	medEff  float64 // the median efficiency among the profiles that passed with one
	medPast float64 // the median PastPerformance value among them

	delayScale, minPW, maxPW float64 // Criteria.DelayScale, Min/MaxPostsPerWeek
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
	past      float64 // the PastPerformance value; < 0 when unknown
	rec       recordValues
	s         [numCriteria]float64
	ok        [numCriteria]bool
	flags     int
	benchRate float64
	fitErr    string // why audience.Fit gave no score, when it failed
}

// Rank scores the profiles that pass c's hard filters and returns the k
// best, best first, with a per-criterion breakdown, and the filter that
// excluded each other profile. Ties are broken by handle, then input
// position. It keeps the k best in a heap (O(n log k)), never sorting all
// profiles; Ranking.Candidates gives every profile that passed, whatever k.
// See Criterion for each criterion's formula and Weights for how they
// combine; scores are float64 inside and decimal in the report (see
// ScorePlaces).
//
// Engagement uses Criteria.Formula on Profile.Posts when present
// (kpi.Formula.Rate, exact), else the average counts, else the published
// rate. The MinEngagement filter is decided exactly: a profile whose float64
// rate lies within 10⁻⁹ (relative) of the minimum is compared in decimal.
//
// Errors: k < 1, an invalid Criteria, or a profile whose field is both set
// and named in Missing give ErrInvalid; a negative count, fee or rate, in
// the profile or its posts, gives ErrNegative; a fee so small that the
// engagements per unit of fee overflow float64 gives ErrOverflow; a decimal
// of c or of a profile (fee, rate, audience share, record) beyond the
// module's limit (exponent ±1000, 1000 digits) gives ErrTooLarge, checked
// before any arithmetic; every error names the profile's field
// ("profiles[3].Fee").
func Rank(profiles []Profile, c Criteria, k int) (Ranking, error) {
	const fn = "selection.Rank"
	if k < 1 {
		return Ranking{}, errs.New(ErrInvalid, fn, "k", "below 1", k)
	}
	if err := c.checkLimits(fn); err != nil {
		return Ranking{}, err // before the defaults replace a zero 0e-2147483648
	}
	c = c.withDefaults()
	if err := c.validate(fn); err != nil {
		return Ranking{}, err
	}
	r := newRanker(c)
	out, passed, err := r.filter(fn, profiles)
	if err != nil {
		return Ranking{}, err
	}
	for j := range passed {
		if passed[j].score, err = r.score(fn, passed[j]); err != nil {
			return Ranking{}, err
		}
	}
	out.ranked, out.n, out.cur = passed, len(profiles), c.Currency
	if len(profiles) > 0 {
		out.base = &profiles[0]
	}
	top := topK(profiles, passed, k)
	out.Top = make([]Scored, 0, len(top))
	for _, x := range top {
		sc, err := r.explain(fn, &profiles[x.i], int(x.i))
		if err != nil {
			return Ranking{}, err
		}
		sc.Score, sc.Currency = decimal.New(x.score, -ScorePlaces), c.Currency
		out.Top = append(out.Top, sc)
	}
	return out, nil
}

// filter checks and evaluates every profile; it returns the Ranking's
// Rejected and Passed, the profiles that passed, and sets r.medEff.
func (r *ranker) filter(fn string, profiles []Profile) (Ranking, []ranked, error) {
	var out Ranking
	passed := make([]ranked, 0, len(profiles))
	for i := range profiles {
		p := &profiles[i]
		if err := checkProfile(fn, i, p); err != nil {
			return Ranking{}, nil, err
		}
		if p.Currency.IsValid() && p.Currency != r.c.Currency {
			return Ranking{}, nil, &budget.MismatchError{Func: fn, Field: errs.Index("profiles", i) + ".Currency", Left: r.c.Currency, Right: p.Currency}
		}
		if err := r.checkPosts(fn, i, p); err != nil {
			return Ranking{}, nil, err
		}
		var f features
		if err := checkRecord(fn, i, p, &f.rec); err != nil {
			return Ranking{}, nil, err
		}
		filter, reason, err := r.evaluate(fn, i, p, &f)
		if err != nil {
			return Ranking{}, nil, err
		}
		if filter != FilterNone {
			out.Rejected = append(out.Rejected, Rejection{Handle: p.Handle, Index: i, Filter: filter, Reason: reason})
			continue
		}
		var num, den float64
		for cr := range numCriteria {
			if cr != CostEfficiency && cr != PastPerformance && f.ok[cr] {
				num += r.weights[cr] * f.s[cr]
				den += r.weights[cr]
			}
		}
		passed = append(passed, ranked{i: int32(i), num: num, den: den, eff: f.eff, past: f.past})
		if f.feeEst {
			if out.estimated == nil {
				out.estimated = map[int32]decimal.Decimal{}
			}
			out.estimated[int32(i)] = f.fee
		}
	}
	r.medEff = medianEff(passed)
	r.medPast = medianPast(passed)
	out.Passed = len(passed)
	return out, passed, nil
}

// medianEff returns the median of the known efficiencies (eff ≥ 0) of the
// profiles that passed, the mean of the two middle ones for an even count,
// or 0 when none is known. It selects in expected linear time (quickselect
// on a copy), so that a million profiles cost no sort.
func medianEff(passed []ranked) float64 {
	effs := make([]float64, 0, len(passed))
	for _, p := range passed {
		if p.eff >= 0 {
			effs = append(effs, p.eff)
		}
	}
	return medianOf(effs)
}

// medianOf returns the median of effs, reordering it, the mean of the two
// middle values for an even count, or 0 when it is empty.
func medianOf(effs []float64) float64 {
	n := len(effs)
	if n == 0 {
		return 0
	}
	sorted.Select(effs, n/2)
	hi := effs[n/2]
	if n%2 == 1 {
		return hi
	}
	lo := effs[0] // after Select, effs[:n/2] hold the n/2 smallest
	for _, e := range effs[1 : n/2] {
		lo = max(lo, e)
	}
	return lo/2 + hi/2
}

// score returns the score of a profile that passed, in units of
// 10^-ScorePlaces, so that the ranking compares exactly the reported
// decimal scores.
func (r *ranker) score(fn string, ps ranked) (int64, error) {
	num, den := ps.num, ps.den
	if ps.eff >= 0 && r.medEff > 0 {
		num += r.weights[CostEfficiency] * ps.eff / (ps.eff + r.medEff)
		den += r.weights[CostEfficiency]
	}
	if ps.past >= 0 && r.medPast > 0 {
		num += r.weights[PastPerformance] * r.pastScore(ps.past)
		den += r.weights[PastPerformance]
	}
	s := 0.0
	if den > 0 {
		s = num / den
	}
	if math.IsNaN(s) || math.IsInf(s, 0) {
		// Unreachable with validated weights and finite features; an
		// error rather than a NaN turned into a score.
		return 0, errs.New(ErrInvalid, fn, errs.Index("profiles", int(ps.i)), "score is not a finite number", s)
	}
	return int64(math.Round(s * scoreUnit)), nil
}

// topK returns the k best of ranked, best first, by a min-heap whose root
// is the worst kept entry.
func topK(profiles []Profile, all []ranked, k int) []ranked {
	heap := make([]ranked, 0, min(k, len(all)))
	down := func(j int) {
		n := len(heap)
		for {
			l := 2*j + 1
			if l >= n {
				return
			}
			m := l
			if rr := l + 1; rr < n && worse(profiles, heap[rr], heap[l]) {
				m = rr
			}
			if !worse(profiles, heap[m], heap[j]) {
				return
			}
			heap[j], heap[m] = heap[m], heap[j]
			j = m
		}
	}
	for _, x := range all {
		if len(heap) < k {
			heap = append(heap, x)
			for j := len(heap) - 1; j > 0; {
				parent := (j - 1) / 2
				if !worse(profiles, heap[j], heap[parent]) {
					break
				}
				heap[j], heap[parent] = heap[parent], heap[j]
				j = parent
			}
			continue
		}
		if worse(profiles, heap[0], x) {
			heap[0] = x
			down(0)
		}
	}
	slices.SortFunc(heap, func(a, b ranked) int { return order(profiles, a, b) })
	return heap
}

// worse reports whether a ranks below b: lower score, then larger handle,
// then later position.
func worse(profiles []Profile, a, b ranked) bool {
	if a.score != b.score {
		return a.score < b.score
	}
	if ha, hb := profiles[a.i].Handle, profiles[b.i].Handle; ha != hb {
		return ha > hb
	}
	return a.i > b.i
}

// order sorts best first (see worse).
func order(profiles []Profile, a, b ranked) int {
	if worse(profiles, a, b) {
		return 1
	}
	if worse(profiles, b, a) {
		return -1
	}
	return 0
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
	r.delayScale, r.minPW, r.maxPW = c.DelayScale.InexactFloat64(), c.MinPostsPerWeek.InexactFloat64(), c.MaxPostsPerWeek.InexactFloat64()
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

// checkPosts refuses a profile whose posts are bad input for
// Criteria.Formula (a negative count, a hidden count that is not zero, an
// overflowing sum). Posts that give no rate for want of data (no base, every
// needed count hidden) are not an error: engagement is then "no data",
// reported in the breakdown.
func (r *ranker) checkPosts(fn string, i int, p *Profile) error {
	if len(p.Posts) == 0 {
		return nil
	}
	_, err := r.c.Formula.Rate(p.Posts)
	if err != nil && (errors.Is(err, kpi.ErrNegative) || errors.Is(err, kpi.ErrOverflow) || errors.Is(err, kpi.ErrInvalid)) {
		return errs.New(err, fn, errs.Index("profiles", i)+".Posts", err.Error(), errs.None)
	}
	return nil
}

// evaluate applies the filters and computes the scores of p (all but
// CostEfficiency, which needs every profile); a rejected profile gets its
// filter and reason. f must be zero; evaluate fills it (a pointer, not a
// result: Rank evaluates a million profiles).
func (r *ranker) evaluate(fn string, i int, p *Profile, f *features) (Filter, string, error) {
	shared, filter, reason := r.screen(p, f)
	if filter != FilterNone {
		return filter, reason, nil
	}
	f.er, f.erSource, f.erOK = r.engagementFloat(p)
	r.setFee(p, f)
	if filter, reason := r.screenFeeEngagement(p, f); filter != FilterNone {
		return filter, reason, nil
	}
	if err := r.setScores(fn, i, p, f, shared); err != nil {
		return FilterNone, "", err
	}
	return FilterNone, "", nil
}

// screen applies the filters that need no measurement (handle to brand
// safety) and sets f.tier; it returns the number of brand categories p
// shares.
func (r *ranker) screen(p *Profile, f *features) (int, Filter, string) {
	c := &r.c
	if len(c.ExcludeHandles) > 0 && containsFold(c.ExcludeHandles, p.Handle) {
		return 0, FilterHandle, "handle excluded"
	}
	if len(c.Platforms) > 0 && !slices.Contains(c.Platforms, p.Platform) {
		return 0, FilterPlatform, "platform " + p.Platform.String() + " not in the list"
	}
	noFollowers := p.Missing.Has(MissingFollowers)
	if (c.MinFollowers > 0 || c.MaxFollowers > 0 || len(c.Tiers) > 0) && noFollowers {
		return 0, FilterFollowers, "followers not reported"
	}
	if c.MinFollowers > 0 && p.Followers < c.MinFollowers {
		return 0, FilterFollowers, fmt.Sprintf("%d followers, below %d", p.Followers, c.MinFollowers)
	}
	if c.MaxFollowers > 0 && p.Followers > c.MaxFollowers {
		return 0, FilterFollowers, fmt.Sprintf("%d followers, above %d", p.Followers, c.MaxFollowers)
	}
	if !noFollowers {
		f.tier, _ = c.Thresholds.Tier(p.Followers)
	}
	if len(c.Tiers) > 0 && !slices.Contains(c.Tiers, f.tier) {
		return 0, FilterTier, "tier " + f.tier.String() + " not in the list"
	}
	if len(c.Countries) > 0 && !containsFold(c.Countries, p.Country) {
		return 0, FilterCountry, "country " + errs.Quote(p.Country) + " not in the list"
	}
	if len(c.Languages) > 0 && !containsFold(c.Languages, p.Language) {
		return 0, FilterLanguage, "language " + errs.Quote(p.Language) + " not in the list"
	}
	shared := 0
	for _, want := range r.cats {
		if containsFold(p.Categories, want) {
			shared++
		}
	}
	if c.RequireCategory && len(r.cats) > 0 && shared == 0 {
		return 0, FilterCategory, "no category in common"
	}
	for _, cat := range p.Categories {
		if containsFold(c.ExcludeCategories, cat) {
			return 0, FilterBrandSafety, "category " + errs.Quote(cat) + " excluded"
		}
	}
	return shared, FilterNone, ""
}

// setFee sets f's fee: the profile's, or the rate card's estimate when it
// is missing.
func (r *ranker) setFee(p *Profile, f *features) {
	if !p.Missing.Has(MissingFee) {
		f.fee, f.feeOK = p.Fee, true
	} else if r.c.RateCard != nil && !p.Missing.Has(MissingFollowers) {
		if est, err := r.estimateFee(p); err == nil {
			f.fee, f.feeOK, f.feeEst = est, true, true
		}
	}
}

// screenFeeEngagement applies the MaxFee and MinEngagement filters.
func (r *ranker) screenFeeEngagement(p *Profile, f *features) (Filter, string) {
	c := &r.c
	if c.MaxFee.Sign() > 0 {
		if !f.feeOK {
			return FilterFee, "no fee and no rate card estimate"
		}
		if f.fee.GreaterThan(c.MaxFee) {
			return FilterFee, "fee " + errs.Format(f.fee) + " above " + errs.Format(c.MaxFee)
		}
	}
	if c.MinEngagement.Sign() > 0 {
		if !f.erOK {
			return FilterEngagement, "no engagement data"
		}
		below := f.er < r.minER*(1-1e-9)
		if !below && f.er <= r.minER*(1+1e-9) {
			d, _, _ := r.engagement(p)
			below = d.LessThan(c.MinEngagement)
		}
		if below {
			d, _, _ := r.engagement(p)
			return FilterEngagement, "engagement " + errs.Format(d) + " below " + errs.Format(c.MinEngagement)
		}
	}
	return FilterNone, ""
}

// setScores computes the criteria scores of a profile that passed, all but
// CostEfficiency (f.eff keeps its input: expected engagements per unit of
// fee, or −1 when unknown).
func (r *ranker) setScores(fn string, i int, p *Profile, f *features, shared int) error {
	c := &r.c
	f.eff = -1
	if f.erOK {
		b := r.benchmarkF(p.Platform, f.tier)
		f.benchRate = b
		if b > 0 {
			f.s[Engagement], f.ok[Engagement] = f.er/(f.er+b), true
		}
		if f.feeOK && !p.Missing.Has(MissingFollowers) {
			if fee := fastFloat(f.fee); fee > 0 {
				f.eff = f.er * float64(p.Followers) / fee
				if math.IsInf(f.eff, 0) {
					return errs.New(ErrOverflow, fn, errs.Index("profiles", i)+".Fee", "so small that engagements per unit of fee overflow float64", f.fee)
				}
			}
		}
	}
	if len(c.Target) > 0 && len(p.Audience) > 0 {
		rep, err := audience.Fit(c.Target, p.Audience, c.FitWeights)
		if err == nil {
			f.s[AudienceFit], f.ok[AudienceFit] = rep.Score.InexactFloat64(), true
		} else {
			f.fitErr = err.Error()
		}
	}
	if len(r.cats) > 0 {
		f.s[CategoryFit], f.ok[CategoryFit] = float64(shared)/float64(len(r.cats)), true
	}
	f.flags, _ = r.authenticity(p, f, false)
	f.s[Authenticity], f.ok[Authenticity] = max(0, 1-float64(f.flags)*r.auth.penalty), true
	if g, ok := growth30(p.History); ok {
		f.s[Growth], f.ok[Growth] = min(max(g/r.growth, 0), 1), true
	}
	r.setRecordScores(f)
	return nil
}

func (r *ranker) estimateFee(p *Profile) (decimal.Decimal, error) {
	q := budget.Spec{Format: r.c.Deliverable, Followers: p.Followers, AudienceFit: decimal.NewFromInt(1)}
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
// the signals with their reasons (built only then: ranking a million
// profiles counts flags without writing a reason).
func (r *ranker) authenticity(p *Profile, f *features, explain bool) (int, []Flag) {
	n := 0
	var flags []Flag
	add := func(raised bool, fl Flag) {
		if raised {
			n++
			if explain {
				flags = append(flags, fl)
			}
		}
	}
	add(r.engagementSignal(p, f, explain))
	add(r.likesSignal(p, explain))
	add(r.growthSignal(p, explain))
	add(r.authenticSignal(p, explain))
	add(r.followingSignal(p, explain))
	add(r.audienceSignal(p, explain))
	return n, flags
}

// engagementSignal raises "engagement-out-of-range": engagement above
// EngagementFactor × or below 1/EngagementFactor × the tier benchmark.
func (r *ranker) engagementSignal(p *Profile, f *features, explain bool) (bool, Flag) {
	if !f.erOK || f.benchRate <= 0 {
		return false, Flag{}
	}
	ratio := f.er / f.benchRate
	if ratio <= r.auth.factor && ratio >= 1/r.auth.factor {
		return false, Flag{}
	}
	if !explain {
		return true, Flag{}
	}
	return true, Flag{"engagement-out-of-range", fmt.Sprintf("engagement %.4f is %.2f× the %s %s benchmark %.4f (limit %s×)",
		f.er, ratio, p.Platform, f.tier, f.benchRate, errs.Format(r.c.Authenticity.EngagementFactor))}
}

// likesSignal raises "likes-per-comment": the likes-to-comments ratio of
// the posts (or of the averages) outside [MinLikesPerComment,
// MaxLikesPerComment], or likes without a comment.
func (r *ranker) likesSignal(p *Profile, explain bool) (bool, Flag) {
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
	} else if !p.Missing.HasAny(MissingAvgLikes | MissingAvgComments) {
		likes, comments, lcOK = p.AvgLikes, p.AvgComments, true
	}
	if !lcOK || likes == 0 {
		return false, Flag{}
	}
	lpc := float64(likes) / float64(comments)
	if comments != 0 && lpc <= r.auth.maxLPC && lpc >= r.auth.minLPC {
		return false, Flag{}
	}
	if !explain {
		return true, Flag{}
	}
	if comments == 0 {
		return true, Flag{"likes-per-comment", fmt.Sprintf("%d likes and no comments", likes)}
	}
	return true, Flag{"likes-per-comment", fmt.Sprintf("%.1f likes per comment, outside [%s, %s]",
		lpc, errs.Format(r.c.Authenticity.MinLikesPerComment), errs.Format(r.c.Authenticity.MaxLikesPerComment))}
}

// growthSignal raises "growth-spike": a rise above SpikeGrowth between two
// History snapshots at most 7 days apart (the first such rise).
func (r *ranker) growthSignal(p *Profile, explain bool) (bool, Flag) {
	for j := 1; j < len(p.History); j++ {
		prev, cur := p.History[j-1], p.History[j]
		if prev.Followers > 0 && cur.At.Sub(prev.At) <= 7*24*time.Hour &&
			float64(cur.Followers-prev.Followers)/float64(prev.Followers) > r.auth.spike {
			if !explain {
				return true, Flag{}
			}
			return true, Flag{"growth-spike", fmt.Sprintf("followers %d → %d between %s and %s (limit +%s)", prev.Followers, cur.Followers,
				prev.At.Format(time.DateOnly), cur.At.Format(time.DateOnly), errs.Format(r.c.Authenticity.SpikeGrowth))}
		}
	}
	return false, Flag{}
}

// authenticSignal raises "authentic-engagement": AuthenticEngagements /
// AvgEngagements below MinAuthenticShare.
func (r *ranker) authenticSignal(p *Profile, explain bool) (bool, Flag) {
	if p.Missing.HasAny(MissingAvgEngagements|MissingAuthenticEngagements) || p.AvgEngagements <= 0 ||
		float64(p.AuthenticEngagements)/float64(p.AvgEngagements) >= r.auth.authentic {
		return false, Flag{}
	}
	if !explain {
		return true, Flag{}
	}
	return true, Flag{"authentic-engagement", fmt.Sprintf("%d of %d average engagements from real accounts (limit share %s)",
		p.AuthenticEngagements, p.AvgEngagements, errs.Format(r.c.Authenticity.MinAuthenticShare))}
}

// followingSignal raises "following-ratio": following / followers above
// MaxFollowingRatio, for accounts with at least 1,000 followers.
func (r *ranker) followingSignal(p *Profile, explain bool) (bool, Flag) {
	if p.Missing.HasAny(MissingFollowing|MissingFollowers) || p.Followers < 1000 ||
		float64(p.Following)/float64(p.Followers) <= r.auth.follow {
		return false, Flag{}
	}
	if !explain {
		return true, Flag{}
	}
	return true, Flag{"following-ratio", fmt.Sprintf("follows %d accounts with %d followers (limit ratio %s)",
		p.Following, p.Followers, errs.Format(r.c.Authenticity.MaxFollowingRatio))}
}

// audienceSignal raises "suspicious-audience": the share of MassFollowers
// and Suspicious in the AudienceQuality dimension above MaxSuspiciousShare.
func (r *ranker) audienceSignal(p *Profile, explain bool) (bool, Flag) {
	q, ok := p.Audience[AudienceQuality]
	if !ok {
		return false, Flag{}
	}
	var total, bad decimal.Decimal
	for k, v := range q {
		total = total.Add(v)
		if k == MassFollowers || k == Suspicious {
			bad = bad.Add(v)
		}
	}
	if total.Sign() <= 0 {
		return false, Flag{}
	}
	share := exact.Div(bad, total)
	if !share.GreaterThan(r.c.Authenticity.MaxSuspiciousShare) {
		return false, Flag{}
	}
	return true, Flag{"suspicious-audience", "share of mass followers and suspicious accounts " + share.StringFixed(4) +
		" above " + errs.Format(r.c.Authenticity.MaxSuspiciousShare)}
}

// toDecimal converts a score once, rounded to ScorePlaces; a NaN or
// infinite score is an error naming the profile, never a zero.
func toDecimal(fn string, i int, x float64) (decimal.Decimal, error) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return decimal.Zero, errs.New(ErrInvalid, fn, errs.Index("profiles", i), "score is not a finite number", x)
	}
	return decimal.NewFromFloat(x).Round(ScorePlaces), nil
}

// explain builds the reported breakdown of a profile that passed.
func (r *ranker) explain(fn string, p *Profile, i int) (Scored, error) {
	var f features
	if err := checkRecord(fn, i, p, &f.rec); err != nil {
		return Scored{}, err
	}
	_, _, err := r.evaluate(fn, i, p, &f)
	if err != nil {
		return Scored{}, err
	}
	out := Scored{Handle: p.Handle, Index: i, Tier: f.tier, Fee: f.fee, FeeEstimated: f.feeEst, EngagementSource: f.erSource}
	if f.erOK {
		out.EngagementRate, _, _ = r.engagement(p)
	}
	if f.eff >= 0 && r.medEff > 0 {
		f.s[CostEfficiency], f.ok[CostEfficiency] = f.eff/(f.eff+r.medEff), true
	}
	if f.past >= 0 && r.medPast > 0 {
		f.s[PastPerformance], f.ok[PastPerformance] = r.pastScore(f.past), true
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
			if cs.Score, err = toDecimal(fn, i, f.s[cr]); err != nil {
				return Scored{}, err
			}
			if cs.Contribution, err = toDecimal(fn, i, r.weights[cr]*f.s[cr]/den); err != nil {
				return Scored{}, err
			}
		}
		cs.Reason = r.reason(cr, p, &f, len(out.Flags))
		out.Breakdown = append(out.Breakdown, cs)
	}
	return out, nil
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
		if f.fitErr != "" {
			return "no fit: " + f.fitErr
		}
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
		return fmt.Sprintf("%d flag(s), %s penalty each", flags, errs.Format(r.c.Authenticity.Penalty))
	case CostEfficiency:
		if !f.ok[cr] {
			return "no fee or no engagement data"
		}
		est := ""
		if f.feeEst {
			est = " (estimated)"
		}
		return fmt.Sprintf("%.4g expected engagements per unit of fee %s%s, relative to the median", f.eff, errs.Format(f.fee), est)
	case Growth:
		if !f.ok[cr] {
			return "no follower history spanning 30 days"
		}
		g, _ := growth30(p.History)
		return fmt.Sprintf("30-day growth %.4f vs target %s", g, errs.Format(r.c.GrowthTarget))
	}
	return r.recordReason(cr, p, f)
}

// Candidates turns every profile that passed Rank's filters into a
// Shortlist candidate, best first, not only the k in Top: ID is the handle,
// Fee the profile's fee (or the rate card's estimate, as in Scored.Fee),
// Value the score, Followers the profile's FollowerSet, and Sketch its
// FollowerSketch when it has no FollowerSet. profiles must be the slice
// given to Rank (the same elements, not a copy), unchanged; the Ranking
// keeps a reference to it.
//
// A ranked profile with neither a fee nor a rate card estimate cannot be
// priced: it is not a candidate, and is returned in unpriced (best first,
// Filter FilterFee, with the reason), so that every profile that passed is
// accounted for: len(cands) + len(unpriced) = r.Passed.
//
// Errors: a profiles slice that is not the one ranked (another slice, even
// a copy, or a top profile's handle changed since) or a profile that
// contradicts its Missing flags gives ErrInvalid naming the field; a
// Ranking with profiles that passed but not made by Rank (decoded from
// JSON, which keeps no scores beyond Top) gives ErrInvalid.
func (r Ranking) Candidates(profiles []Profile) (cands []Candidate, unpriced []Rejection, err error) {
	const fn = "selection.Ranking.Candidates"
	if len(r.ranked) != r.Passed {
		return nil, nil, errs.New(ErrInvalid, fn, "r", "not made by Rank: no scores kept for its profiles that passed", r.Passed)
	}
	if len(profiles) != r.n || (r.n > 0 && &profiles[0] != r.base) {
		return nil, nil, errs.New(ErrInvalid, fn, "profiles", "not the slice given to Rank", len(profiles))
	}
	for _, s := range r.Top {
		// The slice is the one ranked; its top profiles still hold their
		// handles unless it was reordered in place since.
		if s.Index < 0 || s.Index >= len(profiles) {
			return nil, nil, errs.New(ErrInvalid, fn, "r.Top", "not made by Rank on profiles: index out of range", s.Index)
		}
		if h := profiles[s.Index].Handle; h != s.Handle {
			return nil, nil, errs.New(ErrInvalid, fn, errs.Index("profiles", s.Index)+".Handle", "not the profile ranked there ("+errs.Quote(s.Handle)+")", h)
		}
	}
	all := slices.Clone(r.ranked)
	slices.SortFunc(all, func(a, b ranked) int { return order(profiles, a, b) })
	cands = make([]Candidate, 0, len(all))
	for _, x := range all {
		i := int(x.i)
		p := &profiles[i]
		if err := checkProfile(fn, i, p); err != nil {
			return nil, nil, err
		}
		c := Candidate{ID: p.Handle, Fee: p.Fee, Value: decimal.New(x.score, -ScorePlaces), Followers: p.FollowerSet, Currency: r.cur}
		if p.Missing.Has(MissingFee) {
			est, ok := r.estimated[x.i]
			if !ok {
				unpriced = append(unpriced, Rejection{Handle: p.Handle, Index: i, Filter: FilterFee, Reason: "no fee and no rate card estimate"})
				continue
			}
			c.Fee = est
		}
		if c.Followers == nil {
			c.Sketch = p.FollowerSketch
		}
		cands = append(cands, c)
	}
	return cands, unpriced, nil
}
