package selection

import (
	"fmt"
	"math"
	"strconv"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

// Criterion names one scored criterion of Rank. Its zero value is
// Engagement.
type Criterion uint8

// The scored criteria, in the order of every breakdown. Each scores a
// profile in [0, 1]:
//
//	Engagement      r / (r + b): r the profile's engagement rate, b the
//	                benchmark of its platform and tier (kpi.Benchmarks); a
//	                rate at the benchmark scores ½, twice it ⅔, ten times it
//	                10/11: it rises with r and never saturates, so it still
//	                orders the top accounts
//	AudienceFit     audience.Fit of the profile's demographics to
//	                Criteria.Target (weighted histogram intersection)
//	CategoryFit     the share of Criteria.Categories the profile covers
//	Authenticity    1 − Σ penalties of the raised flags (see Authenticity)
//	CostEfficiency  e / (e + m): e the expected engagements per unit of fee
//	                (r × followers / fee), m the median e among the profiles
//	                that passed the filters; the median scores ½, twice it ⅔,
//	                half of it ⅓. Scored against the median, not the best,
//	                so that one outlier (a spiked follower count, a token
//	                fee) cannot squeeze everyone else towards 0: it moves m
//	                by one rank at most and its own score stays below 1
//	Growth          follower growth over the last 30 days of History,
//	                divided by Criteria.GrowthTarget, clamped to [0, 1]
//
// Three more score a creator's record with the brand and posting habits,
// for the profiles that carry them (Profile.Record, Profile.Activity), in
// float64 like the others:
//
//	Reliability      ½·o + ½·D/(D + d): o the on-time rate of the
//	                 creator's delivered deliverables (Record.OnTimeRate,
//	                 a fraction), d their mean delay in days
//	                 (Record.MeanDelay, an on-time one counting 0), D
//	                 Criteria.DelayScale (default 7). Always on time scores
//	                 1; half late by a week on average (o ½, d 3.5) scores
//	                 ¼ + ½·7/10.5 = 7/12. Without MeanDelay, o alone.
//	PastPerformance  x/(x + m) for ROAS, m/(x + m) for CPA (lower is
//	                 better): x the creator's value in their latest
//	                 measured campaign (the last Point of Record.ROAS or
//	                 Record.CPA, per Criteria.PastMeasure), m the median x
//	                 of the profiles that passed the filters and have one.
//	                 The median scores ½, twice its ROAS ⅔. Left out for
//	                 every profile when m is 0.
//	Activity         the mean of a frequency part and a regularity part.
//	                 Frequency, from Activity.PostsPerWeek f and the band
//	                 [lo, hi] = [MinPostsPerWeek, MaxPostsPerWeek]: 1
//	                 inside the band, f/lo below it, hi/f above it: the
//	                 guides say regular posting builds the bond with
//	                 followers and over-posting tires them, so too many
//	                 posts lose score as too few do (10 a week with hi 5
//	                 scores ½, as 1 a week with lo 2 does). Regularity,
//	                 from the coefficient of variation c of the gaps
//	                 between posts (Activity.Regularity): 1/(1 + c), 1 for
//	                 a post every N days exactly. Without Regularity
//	                 (fewer than three posts), frequency alone.
//
// A profile without a Record (nil) is neither rewarded nor punished:
// Reliability and PastPerformance are left out of its weighted mean, like
// any criterion without data, and its breakdown says "no history"; the
// same for a Record without a delivered deliverable or without the
// measure, and for Activity without an Activity. Its score is then the
// weighted mean of the criteria it has, as if the record criteria did not
// exist.
const (
	Engagement Criterion = iota
	AudienceFit
	CategoryFit
	Authenticity
	CostEfficiency
	Growth
	Reliability
	PastPerformance
	Activity
	numCriteria
)

// Filter names the hard filter that rejected a profile. Its zero value,
// FilterNone, names no filter: the profile passed them all.
type Filter uint8

// The hard filters, checked in this order; a rejected profile names the
// first that failed.
const (
	FilterNone        Filter = iota // no filter: the profile passed
	FilterHandle                    // Criteria.ExcludeHandles
	FilterPlatform                  // Criteria.Platforms
	FilterFollowers                 // MinFollowers, MaxFollowers (or followers not reported)
	FilterTier                      // Criteria.Tiers
	FilterCountry                   // Criteria.Countries
	FilterLanguage                  // Criteria.Languages
	FilterCategory                  // Criteria.RequireCategory
	FilterBrandSafety               // Criteria.ExcludeCategories
	FilterFee                       // Criteria.MaxFee (or no fee and no rate card; also Ranking.Candidates' unpriced)
	FilterEngagement                // Criteria.MinEngagement (or no engagement data)
)

// Weights weighs the criteria in the total score, which is
// Σ wᵢ·sᵢ / Σ wᵢ over the criteria that apply to a profile (a criterion
// without data, such as AudienceFit without demographics, is left out and
// marked Missing in the breakdown). Weights must be ≥ 0 and, as the sum
// is taken in float64, zero or between about 10⁻³⁰⁸ and 10³⁰⁸ with a
// finite sum. The zero Weights means DefaultWeights.
type Weights struct {
	Engagement     decimal.Decimal `json:"engagement"`
	AudienceFit    decimal.Decimal `json:"audience_fit"`
	CategoryFit    decimal.Decimal `json:"category_fit"`
	Authenticity   decimal.Decimal `json:"authenticity"`
	CostEfficiency decimal.Decimal `json:"cost_efficiency"`
	Growth         decimal.Decimal `json:"growth"`
	// Reliability, PastPerformance and Activity weigh the record and
	// posting criteria; they count only for the profiles with the data.
	Reliability     decimal.Decimal `json:"reliability"`
	PastPerformance decimal.Decimal `json:"past_performance"`
	Activity        decimal.Decimal `json:"activity"`
}

// DefaultWeights returns Engagement 3, AudienceFit 3, CategoryFit 1,
// Authenticity 2, CostEfficiency 2, Growth 1: engagement and audience fit
// first, as brand briefs usually rank them; and Reliability 2,
// PastPerformance 2, Activity 1, which count only for the profiles that
// carry a Record or an Activity (a ranking of profiles without them is the
// same as with the first six alone).
func DefaultWeights() Weights {
	n := decimal.NewFromInt
	return Weights{Engagement: n(3), AudienceFit: n(3), CategoryFit: n(1), Authenticity: n(2), CostEfficiency: n(2), Growth: n(1),
		Reliability: n(2), PastPerformance: n(2), Activity: n(1)}
}

func (w Weights) list() [numCriteria]decimal.Decimal {
	return [numCriteria]decimal.Decimal{w.Engagement, w.AudienceFit, w.CategoryFit, w.Authenticity, w.CostEfficiency, w.Growth,
		w.Reliability, w.PastPerformance, w.Activity}
}

func (w Weights) isZero() bool {
	for _, v := range w.list() {
		if !v.IsZero() {
			return false
		}
	}
	return true
}

// AuthenticityRules sets the thresholds and penalties of the authenticity
// signals. Each signal raises a Flag with its reason; the authenticity
// score is 1 − Σ penalties, floored at 0. The zero value means
// DefaultAuthenticityRules. These are screening heuristics used by audit
// tools, not a published standard: a flag is a reason to look, not proof.
type AuthenticityRules struct {
	// EngagementFactor: engagement above Factor × or below 1/Factor × the
	// tier benchmark raises "engagement-out-of-range" (default 10, the
	// bound of kpi's Placement.Implausible: published rates for one tier
	// differ about 2× between sources and years, and creators spread
	// widely around them, so only an order of magnitude is suspect).
	EngagementFactor decimal.Decimal `json:"engagement_factor"`
	// MinLikesPerComment, MaxLikesPerComment bound the likes-to-comments
	// ratio of the average post (defaults 5 and 500): far fewer likes per
	// comment suggests comment pods or bought comments, far more bought
	// likes.
	MinLikesPerComment decimal.Decimal `json:"min_likes_per_comment"`
	MaxLikesPerComment decimal.Decimal `json:"max_likes_per_comment"`
	// SpikeGrowth: a rise of more than this fraction between two History
	// snapshots at most 7 days apart raises "growth-spike" (default 0.2).
	SpikeGrowth decimal.Decimal `json:"spike_growth"`
	// MaxFollowingRatio: following / followers above it raises
	// "following-ratio" for accounts with at least 1,000 followers
	// (default 1: follow-for-follow growth).
	MaxFollowingRatio decimal.Decimal `json:"max_following_ratio"`
	// MaxSuspiciousShare: the share of the AudienceQuality dimension in
	// MassFollowers and Suspicious above it raises "suspicious-audience"
	// (default 0.25).
	MaxSuspiciousShare decimal.Decimal `json:"max_suspicious_share"`
	// MinAuthenticShare: AuthenticEngagements / AvgEngagements below it
	// raises "authentic-engagement" (default 0.5: most engagement should
	// come from real accounts).
	MinAuthenticShare decimal.Decimal `json:"min_authentic_share"`
	// Penalty is subtracted per raised flag (default 0.25).
	Penalty decimal.Decimal `json:"penalty"`
}

// DefaultAuthenticityRules returns the defaults stated on AuthenticityRules.
func DefaultAuthenticityRules() AuthenticityRules {
	return AuthenticityRules{
		EngagementFactor:   decimal.NewFromInt(10),
		MinLikesPerComment: decimal.NewFromInt(5),
		MaxLikesPerComment: decimal.NewFromInt(500),
		SpikeGrowth:        decimal.New(2, -1),
		MaxFollowingRatio:  decimal.NewFromInt(1),
		MaxSuspiciousShare: decimal.New(25, -2),
		MinAuthenticShare:  decimal.New(5, -1),
		Penalty:            decimal.New(25, -2),
	}
}

// Criteria says which profiles qualify (hard filters) and how the others
// are scored. The zero value filters nothing and scores with the defaults
// stated on each field.
type Criteria struct {
	// Platforms keeps only these platforms (empty: any).
	Platforms []kpi.Platform `json:"platforms,omitempty"`
	// Tiers keeps only these follower tiers under Thresholds (empty: any).
	Tiers []kpi.Tier `json:"tiers,omitempty"`
	// MinFollowers and MaxFollowers bound the follower count (0: no
	// bound). A profile whose followers are missing fails either bound.
	MinFollowers int64 `json:"min_followers"`
	MaxFollowers int64 `json:"max_followers"`
	// MinEngagement is the lowest engagement rate, a fraction, measured by
	// Formula (zero: no minimum).
	MinEngagement decimal.Decimal `json:"min_engagement"`
	// Formula measures engagement from Profile.Posts. Its zero value is
	// kpi's zero Formula, as everywhere in the module: likes + comments by
	// followers, pooled (Σ (likes + comments) / Σ followers); set
	// kpi.PresetFollowers12().Formula for the mean of per-post rates that
	// rate cards publish. Without posts, engagement is (AvgLikes +
	// AvgComments) / Followers, else Profile.EngagementRate.
	Formula kpi.Formula `json:"formula"`
	// MaxFee is the highest fee, estimated or not (zero: no maximum).
	MaxFee decimal.Decimal `json:"max_fee"`
	// Categories are the brand's categories, for CategoryFit; with
	// RequireCategory a profile must share at least one. Matching ignores
	// case and surrounding space.
	Categories      []string `json:"categories,omitempty"`
	RequireCategory bool     `json:"require_category"`
	// Countries and Languages keep only these (empty: any; a profile
	// without a country fails a country filter).
	Countries []string `json:"countries,omitempty"`
	Languages []string `json:"languages,omitempty"`
	// ExcludeCategories rejects profiles in any of these categories (brand
	// safety); ExcludeHandles rejects these handles.
	ExcludeCategories []string `json:"exclude_categories,omitempty"`
	ExcludeHandles    []string `json:"exclude_handles,omitempty"`

	// Target is the brand's target audience for AudienceFit, weighted by
	// FitWeights (audience.Fit; nil: equal weights).
	Target     audience.Demographics     `json:"target,omitempty"`
	FitWeights audience.DimensionWeights `json:"fit_weights,omitempty"`

	// Weights of the scored criteria (zero: DefaultWeights).
	Weights Weights `json:"weights"`
	// Thresholds define the tiers (zero: kpi.DefaultThresholds).
	Thresholds kpi.Thresholds `json:"thresholds"`
	// Benchmarks give each platform and tier's engagement rate (no rows:
	// kpi.DefaultBenchmarks).
	Benchmarks kpi.Benchmarks `json:"benchmarks"`
	// RateCard, if set, estimates the fee of profiles without one, for a
	// Deliverable (default budget.FormatPost).
	RateCard    *budget.RateCard `json:"rate_card,omitempty"`
	Deliverable budget.Format    `json:"deliverable"`
	// Currency is the currency of the profiles' fees and MaxFee, and of
	// the Ranking's fees and candidates (Scored.Currency,
	// Candidate.Currency). The zero value means the RateCard's currency
	// when a RateCard is set, else no stated currency. A RateCard in
	// another currency, or a profile whose Currency is set to another, is
	// ErrCurrencyMismatch (a *budget.MismatchError).
	Currency budget.Currency `json:"currency,omitzero"`
	// Authenticity sets the authenticity signals (zero:
	// DefaultAuthenticityRules).
	Authenticity AuthenticityRules `json:"authenticity"`
	// GrowthTarget is the 30-day follower growth that earns the full
	// Growth score, a fraction (zero: 0.03, i.e. 3 % a month).
	GrowthTarget decimal.Decimal `json:"growth_target"`

	// Record and activity criteria (see history.go). DelayScale is the
	// mean delay, in days, that halves the delay part of Reliability
	// (zero: 7). PastMeasure is what PastPerformance compares (zero:
	// PastROAS). MinPostsPerWeek and MaxPostsPerWeek bound the posting
	// frequency that earns the full frequency part of Activity (zero: 2
	// and 5 posts a week).
	DelayScale      decimal.Decimal `json:"delay_scale"`
	PastMeasure     PastMeasure     `json:"past_measure"`
	MinPostsPerWeek decimal.Decimal `json:"min_posts_per_week"`
	MaxPostsPerWeek decimal.Decimal `json:"max_posts_per_week"`
}

// withDefaults returns c with every zero field that has a default set.
func (c Criteria) withDefaults() Criteria {
	if c.Weights.isZero() {
		c.Weights = DefaultWeights()
	}
	if c.Thresholds == (kpi.Thresholds{}) {
		c.Thresholds = kpi.DefaultThresholds()
	}
	if len(c.Benchmarks.Rows) == 0 {
		c.Benchmarks = kpi.DefaultBenchmarks()
	}
	if c.Authenticity == (AuthenticityRules{}) {
		c.Authenticity = DefaultAuthenticityRules()
	}
	if c.GrowthTarget.IsZero() {
		c.GrowthTarget = decimal.New(3, -2)
	}
	if !c.Currency.IsValid() && c.RateCard != nil {
		c.Currency = c.RateCard.Currency
	}
	return c.recordDefaults()
}

// Validate reports the first invalid field of c (after defaults): a decimal
// beyond the module's limit (ErrTooLarge), negative bounds or weights
// (ErrNegative), authenticity thresholds or a growth target that are not
// positive (ErrNonPositive), a Benchmarks row rate beyond the limit
// (ErrTooLarge) or not positive (ErrNonPositive), MinFollowers above
// MaxFollowers, an invalid Formula, Thresholds, RateCard or Target (ErrInvalid,
// and the sentinel of their own check), a weight or threshold outside
// float64's range (ErrInvalid). Every decimal is checked against the limit
// first, before a zero field is given its default.
func (c Criteria) Validate() error {
	const fn = "selection.Criteria.Validate"
	if err := c.checkLimits(fn); err != nil {
		return err // before the defaults replace a zero 0e-2147483648
	}
	return c.withDefaults().validate(fn)
}

// nested returns the error of a field whose own Validate (or audience.Fit)
// refused it: it wraps ErrInvalid and the sentinels of err (ErrTooLarge
// for a decimal beyond the module's limit, …).
func nested(fn, field string, err error) error {
	return errs.New(fmt.Errorf("%w: %w", ErrInvalid, err), fn, field, err.Error(), errs.None)
}

func (c Criteria) validate(fn string) error {
	if err := c.checkLimits(fn); err != nil {
		return err
	}
	if c.MinFollowers < 0 {
		return errs.New(ErrNegative, fn, "MinFollowers", "", c.MinFollowers)
	}
	if c.MaxFollowers < 0 {
		return errs.New(ErrNegative, fn, "MaxFollowers", "", c.MaxFollowers)
	}
	if c.MaxFollowers > 0 && c.MinFollowers > c.MaxFollowers {
		return errs.New(ErrInvalid, fn, "MinFollowers", "above MaxFollowers "+strconv.FormatInt(c.MaxFollowers, 10), c.MinFollowers)
	}
	if c.MinEngagement.Sign() < 0 {
		return errs.New(ErrNegative, fn, "MinEngagement", "", c.MinEngagement)
	}
	if c.MaxFee.Sign() < 0 {
		return errs.New(ErrNegative, fn, "MaxFee", "", c.MaxFee)
	}
	if err := c.Formula.Validate(); err != nil {
		return nested(fn, "Formula", err)
	}
	if err := c.Thresholds.Validate(); err != nil {
		return nested(fn, "Thresholds", err)
	}
	if c.RateCard != nil {
		if err := c.RateCard.Validate(); err != nil {
			return nested(fn, "RateCard", err)
		}
		if c.RateCard.Currency != c.Currency {
			return &budget.MismatchError{Func: fn, Field: "RateCard.Currency", Left: c.Currency, Right: c.RateCard.Currency}
		}
	}
	if len(c.Target) > 0 {
		// A target or weights that audience.Fit refuses would leave every
		// profile's AudienceFit unscored: refuse them here, once.
		if _, err := audience.Fit(c.Target, c.Target, c.FitWeights); err != nil {
			return nested(fn, "Target", err)
		}
	}
	if err := c.validateWeights(fn); err != nil {
		return err
	}
	if err := c.Authenticity.validate(fn); err != nil {
		return err
	}
	if c.GrowthTarget.Sign() <= 0 {
		return errs.New(ErrNonPositive, fn, "GrowthTarget", "", c.GrowthTarget)
	}
	if !floatable(c.GrowthTarget) {
		return errs.New(ErrInvalid, fn, "GrowthTarget", "outside float64 range", c.GrowthTarget)
	}
	return c.validateRecord(fn)
}

// checkLimits refuses a decimal of c beyond the module's limit (an exponent
// beyond ±1000 or more than 1000 digits) before any arithmetic on it.
func (c Criteria) checkLimits(fn string) error {
	a := c.Authenticity
	for _, f := range []struct {
		name string
		v    decimal.Decimal
	}{
		{"MinEngagement", c.MinEngagement}, {"MaxFee", c.MaxFee}, {"GrowthTarget", c.GrowthTarget},
		{"Weights.Engagement", c.Weights.Engagement}, {"Weights.AudienceFit", c.Weights.AudienceFit},
		{"Weights.CategoryFit", c.Weights.CategoryFit}, {"Weights.Authenticity", c.Weights.Authenticity},
		{"Weights.CostEfficiency", c.Weights.CostEfficiency}, {"Weights.Growth", c.Weights.Growth},
		{"Weights.Reliability", c.Weights.Reliability}, {"Weights.PastPerformance", c.Weights.PastPerformance},
		{"Weights.Activity", c.Weights.Activity}, {"DelayScale", c.DelayScale},
		{"MinPostsPerWeek", c.MinPostsPerWeek}, {"MaxPostsPerWeek", c.MaxPostsPerWeek},
		{"Authenticity.EngagementFactor", a.EngagementFactor}, {"Authenticity.MinLikesPerComment", a.MinLikesPerComment},
		{"Authenticity.MaxLikesPerComment", a.MaxLikesPerComment}, {"Authenticity.SpikeGrowth", a.SpikeGrowth},
		{"Authenticity.MaxFollowingRatio", a.MaxFollowingRatio}, {"Authenticity.MaxSuspiciousShare", a.MaxSuspiciousShare},
		{"Authenticity.MinAuthenticShare", a.MinAuthenticShare}, {"Authenticity.Penalty", a.Penalty},
	} {
		if err := limit.Decimal(fn, f.name, f.v); err != nil {
			return err
		}
	}
	for i, row := range c.Benchmarks.Rows {
		// Benchmarks.Place would refuse such a row, and Rank would
		// read the refusal as "no benchmark": refuse it here, named.
		field := errs.Index("Benchmarks.Rows", i) + ".Rate"
		if err := limit.Decimal(fn, field, row.Rate); err != nil {
			return err
		}
		if row.Rate.Sign() <= 0 {
			return errs.New(ErrNonPositive, fn, field, "", row.Rate)
		}
	}
	return nil
}

// validateWeights refuses a negative weight, and a weight or a sum of
// weights outside float64's range: scores are combined in float64 (see
// Rank), where such a weight would make the score NaN or silently zero.
func (c Criteria) validateWeights(fn string) error {
	var wsum float64
	for i, w := range c.Weights.list() {
		if w.Sign() < 0 {
			return errs.New(ErrNegative, fn, "Weights."+Criterion(i).String(), "", w)
		}
		if !floatable(w) {
			return errs.New(ErrInvalid, fn, "Weights."+Criterion(i).String(), "outside float64 range", w)
		}
		wsum += w.InexactFloat64()
	}
	if math.IsInf(wsum, 0) {
		return errs.New(ErrInvalid, fn, "Weights", "sum outside float64 range", wsum)
	}
	return nil
}

// validate refuses a threshold or penalty that is not positive, and likes
// bounds in the wrong order.
func (a AuthenticityRules) validate(fn string) error {
	for _, f := range []struct {
		name string
		v    decimal.Decimal
	}{
		{"EngagementFactor", a.EngagementFactor}, {"MinLikesPerComment", a.MinLikesPerComment},
		{"MaxLikesPerComment", a.MaxLikesPerComment}, {"SpikeGrowth", a.SpikeGrowth},
		{"MaxFollowingRatio", a.MaxFollowingRatio}, {"MaxSuspiciousShare", a.MaxSuspiciousShare},
		{"MinAuthenticShare", a.MinAuthenticShare},
		{"Penalty", a.Penalty},
	} {
		if f.v.Sign() <= 0 {
			return errs.New(ErrNonPositive, fn, "Authenticity."+f.name, "", f.v)
		}
		if !floatable(f.v) {
			return errs.New(ErrInvalid, fn, "Authenticity."+f.name, "outside float64 range", f.v)
		}
	}
	if a.MinLikesPerComment.GreaterThan(a.MaxLikesPerComment) {
		return errs.New(ErrInvalid, fn, "Authenticity.MinLikesPerComment", "above MaxLikesPerComment "+errs.Format(a.MaxLikesPerComment), a.MinLikesPerComment)
	}
	return nil
}

// floatable reports whether d is zero or converts to a finite, non-zero
// float64.
func floatable(d decimal.Decimal) bool {
	if d.IsZero() {
		return true
	}
	f := d.InexactFloat64()
	return f != 0 && !math.IsInf(f, 0) && !math.IsNaN(f)
}
