package main

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/collab"
	"github.com/influencekit/influencekit/feedback"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/kpi"
	"github.com/influencekit/influencekit/roi"
	"github.com/influencekit/influencekit/selection"
	"github.com/shopspring/decimal"
)

// inputs are the campaign's data, from the embedded files or the user's.
type inputs struct {
	Currency  budget.Currency
	Budget    decimal.Decimal
	Profiles  []profile
	History   []kpi.Post
	Followers map[string]*audience.Set
	Bookings  []booking
	Posts     []kpi.Post
	Orders    []roi.Order
	Sales     []roi.Sale // the same orders, with customers and what happened after the sale
	Paths     []roi.Path
	Spend     []expense
	Past      []pastCampaign

	// The collaboration (section 8) and the creators' record.
	Deliverables []collab.Deliverable
	Events       []collab.Event
	Payouts      []collab.Payout
	PastCreators []collab.CampaignResult

	// The surveys (section 9); nil when not read.
	PostPurchase, BrandLift, CreatorSurvey *feedback.Survey
}

var zero = decimal.Zero

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// ratio returns a / b at 16 places, or zero when b is zero (callers only use
// it where that reads naturally, such as a share of an empty total).
func ratio(a, b decimal.Decimal) decimal.Decimal {
	if b.IsZero() {
		return zero
	}
	return exact.Div(a, b)
}

// Report is everything the program prints, in the same order; -json writes
// it as JSON (decimals as strings, fractions as fractions: 0.034 is 3.4 %).
type Report struct {
	Brand    string `json:"brand"`
	Campaign string `json:"campaign"`
	Currency string `json:"currency"`
	// The campaign runs over [Start, End): End is the day after its last
	// day (the text shows the last day, Sun 24 May). AsOf is the report
	// date: data before it count.
	Start      time.Time      `json:"start"`
	End        time.Time      `json:"end"`
	AsOf       time.Time      `json:"as_of"`
	Goals      []GoalStatus   `json:"goals"`
	Candidates []Ranked       `json:"candidates"`
	Rejected   []Rejected     `json:"rejected"`
	Shortlists Shortlists     `json:"shortlists"`
	Budget     BudgetReport   `json:"budget"`
	Creators   []CreatorKPI   `json:"creators"`
	Weeks      []WeekRow      `json:"weeks"`
	Results    Results        `json:"results"`
	Next       NextCampaign   `json:"next_campaign"`
	Collab     CollabReport   `json:"collaboration"`
	Feedback   FeedbackReport `json:"feedback"`
}

// GoalStatus is a SMART goal and where it stands at the end of the data.
type GoalStatus struct {
	Metric   string          `json:"metric"`
	Unit     string          `json:"unit"` // "count", "money" or "ratio"
	Goal     decimal.Decimal `json:"goal"`
	Deadline time.Time       `json:"deadline"` // exclusive: the campaign's End
	Achieved decimal.Decimal `json:"achieved"`
	Fraction decimal.Decimal `json:"fraction"` // achieved / goal
	Met      bool            `json:"met"`
	// Expected and OnTrack compare a count or an amount with the straight
	// line from 0 at the start to the goal at the deadline (kpi.Target);
	// a ratio has no pace: OnTrack is Met.
	Expected decimal.Decimal `json:"expected_by_report_date"`
	OnTrack  bool            `json:"on_track"`
	Why      string          `json:"why"`
	// Currency is the currency of Goal, Achieved and Expected when Unit is
	// "money" (in JSON they are then money objects; see amount.go), the
	// zero Currency otherwise.
	Currency budget.Currency `json:"-"`
}

// Ranked is a candidate that passed every filter, with its score.
type Ranked struct {
	Rank         int             `json:"rank"`
	Handle       string          `json:"handle"`
	Platform     kpi.Platform    `json:"platform"`
	Tier         kpi.Tier        `json:"tier"`
	Followers    int64           `json:"followers"`
	Fee          Amount          `json:"fee"`
	ER           decimal.Decimal `json:"engagement_rate"`
	ERFormula    string          `json:"engagement_formula"`
	Fit          decimal.Decimal `json:"audience_fit"`
	FeeEstimated bool            `json:"fee_estimated"`
	// Breakdown explains the score, one line per criterion (selection.Rank).
	Breakdown    []CriterionRow  `json:"breakdown"`
	Authenticity decimal.Decimal `json:"authenticity"`
	Score        decimal.Decimal `json:"score"`
	Flags        []string        `json:"flags"`
	Benchmark    string          `json:"benchmark"`
	Value        decimal.Decimal `json:"value"` // expected on-target engagements of the package
	SampleSize   int64           `json:"follower_sample"`
	Deliverables string          `json:"deliverables"`
}

// CriterionRow is one line of a score's breakdown (selection.CriterionScore
// with the criterion as text, so the report reads back from JSON).
type CriterionRow struct {
	Criterion    string          `json:"criterion"`
	Score        decimal.Decimal `json:"score"`
	Weight       decimal.Decimal `json:"weight"`
	Contribution decimal.Decimal `json:"contribution"`
	Missing      bool            `json:"missing"`
	Reason       string          `json:"reason"`
}

// Rejected is a candidate excluded by a filter.
type Rejected struct {
	Handle   string       `json:"handle"`
	Platform kpi.Platform `json:"platform"`
	Filter   string       `json:"filter"`
	Detail   string       `json:"detail"`
}

// Shortlists are the picks under the fee budget.
type Shortlists struct {
	FeeBudget Amount `json:"fee_budget"`
	// MaxShare is the largest fraction of FeeBudget one creator may take;
	// AtLeast the least number of creators per platform in a pick.
	MaxShare decimal.Decimal `json:"max_share"`
	AtLeast  map[string]int  `json:"at_least_per_platform"`
	ByValue  Shortlist       `json:"by_value"`
	ByReach  Shortlist       `json:"by_unique_reach"`
	Booked   []string        `json:"booked"`
}

// Shortlist is one pick, with the reach its creators add one after another.
type Shortlist struct {
	Goal        string          `json:"goal"`
	Cost        Amount          `json:"cost"`
	Value       decimal.Decimal `json:"value"`
	Optimal     bool            `json:"optimal"`
	Method      string          `json:"method"`
	SeedSize    int             `json:"seed_size"`
	Creators    []Picked        `json:"creators"`
	SumSamples  int64           `json:"sum_of_samples"`
	UniqueReach int64           `json:"unique_reach_sample"`
	Overlaps    []OverlapRow    `json:"overlaps"`
}

// Picked is a creator of a shortlist; Gained is how many sampled followers
// they add to those of the creators above them.
type Picked struct {
	Handle    string          `json:"handle"`
	Fee       Amount          `json:"fee"`
	Value     decimal.Decimal `json:"value"`
	Sample    int64           `json:"follower_sample"`
	Gained    int64           `json:"gained"`
	Exclusive int64           `json:"exclusive"`
}

// OverlapRow is the overlap of two chosen creators.
type OverlapRow struct {
	A         string          `json:"a"`
	B         string          `json:"b"`
	Shared    int64           `json:"shared"`
	Jaccard   decimal.Decimal `json:"jaccard"`
	OfSmaller decimal.Decimal `json:"of_smaller"`
}

// BudgetReport is the plan, the fees and the spend against them.
type BudgetReport struct {
	Total      Amount        `json:"total"`
	Categories []CategoryRow `json:"categories"`
	Fees       []FeeRow      `json:"fees"`
	Plan       budget.Plan   `json:"plan"`
	Planned    Amount        `json:"planned"`
	Actual     Amount        `json:"actual"`
	Remaining  Amount        `json:"remaining"`
	Burn       budget.Burn   `json:"burn"` // at the end of the campaign
	OverBudget []string      `json:"over_budget"`
	Weeks      []SpendWeek   `json:"spend_by_week"` // the burn over time
}

// CategoryRow is one budget category.
type CategoryRow struct {
	Category budget.Category `json:"category"`
	Share    decimal.Decimal `json:"share"` // of the total, as set
	Split    Amount          `json:"split"` // the category's amount, to the cent
	Planned  Amount          `json:"planned"`
	Actual   Amount          `json:"actual"`
	Variance Amount          `json:"variance"` // actual − split
	Fraction decimal.Decimal `json:"variance_fraction"`
}

// FeeRow compares a booked creator's fees.
type FeeRow struct {
	Handle       string `json:"handle"`
	Deliverables string `json:"deliverables"`
	Low          Amount `json:"estimate_low"`
	Expected     Amount `json:"estimate"`
	High         Amount `json:"estimate_high"`
	Quoted       Amount `json:"quoted"`
	QuotedFor    string `json:"quoted_for"` // the package of the quote, which may differ from the booked one
	Agreed       Amount `json:"agreed"`
	Paid         Amount `json:"paid"`
}

// CreatorKPI is a booked creator's campaign posts.
type CreatorKPI struct {
	Handle      string           `json:"handle"`
	Platform    kpi.Platform     `json:"platform"`
	Posts       int64            `json:"posts"`
	Followers   int64            `json:"followers"`
	Engagements int64            `json:"engagements"`
	Reach       int64            `json:"reach"`
	ByFollowers *kpi.Result      `json:"er_by_followers,omitempty"`
	ByReach     *kpi.Result      `json:"er_by_reach,omitempty"`
	CTR         *decimal.Decimal `json:"ctr"` // clicks / impressions; null when a post hid either
	Benchmark   string           `json:"benchmark"`
	Note        string           `json:"note,omitempty"`
}

// WeekRow is one week of tracking.
type WeekRow struct {
	Week        string          `json:"week"`
	Start       time.Time       `json:"start"`
	Posts       int64           `json:"posts"`
	Engagements int64           `json:"engagements"`
	Reach       int64           `json:"reach"`
	Rate        decimal.Decimal `json:"er_by_reach"`
	Rated       bool            `json:"rated"`
	Change      decimal.Decimal `json:"change"`
	HasChange   bool            `json:"has_change"`
	Cumulative  int64           `json:"cumulative_engagements"`
	Expected    decimal.Decimal `json:"expected_by_week_end"`
	OnTrack     bool            `json:"on_track"`

	CumulativeReach int64           `json:"cumulative_reach"`
	ExpectedReach   decimal.Decimal `json:"expected_reach_by_week_end"`
	ReachOnTrack    bool            `json:"reach_on_track"`
}

// Results are section 6.
type Results struct {
	Report      roi.CampaignReport   `json:"report"`
	Orders      roi.OrderAttribution `json:"orders"`
	MultiTouch  []TouchRow           `json:"multi_touch"`
	Models      [2]string            `json:"models"`
	PastName    string               `json:"past_campaign"`
	VsPast      []roi.Change         `json:"vs_past"`
	EMVSource   string               `json:"emv_source"`
	Conversions decimal.Decimal      `json:"path_conversions"`
	// Sales are the orders net of refunds and cancellations as of the
	// report date, with new customers, CAC and cohorts (roi.CreditSales)
	// and the 95 % bootstrap intervals of net revenue and ROAS
	// (roi.BootstrapSales).
	Sales *Sales `json:"sales"`
	// RateShapley is each channel's credit by the rate-based Shapley value
	// (non-converting journeys count), highest value first.
	RateShapley []RateRow `json:"rate_shapley"`
}

// RateRow is one channel's credit by the rate-based Shapley value.
type RateRow struct {
	Channel string `json:"channel"`
	Credit  Credit `json:"credit"`
}

// TouchRow is one channel's credit under the two models.
type TouchRow struct {
	Channel string    `json:"channel"`
	Credits [2]Credit `json:"credits"`
}

// campaign describes the fictional brief the sample data follows.
type brief struct {
	Brand, Campaign string
	Start, End      time.Time
	AsOf            time.Time // the report date (End: the final report)
	Target          audience.Demographics
	Weights         audience.DimensionWeights
	Shares          []budget.Share
	Goals           []goal
	Platforms       []kpi.Platform
	Countries       []string
	Unsafe          []string
	Categories      []string        // the brand's, for the category fit
	MinAuthenticity decimal.Decimal // below it a candidate is not shortlisted
	MinFollowers    int64
	MaxFee          decimal.Decimal
	MinER           decimal.Decimal
	MaxShare        decimal.Decimal
	// AtLeast is the least number of creators per platform in a shortlist.
	AtLeast map[string]int
}

type goal struct {
	Metric string
	Unit   string
	Goal   decimal.Decimal
}

func defaultBrief() brief {
	start := time.Date(2026, 3, 30, 0, 0, 0, 0, time.UTC)
	return brief{
		Brand:    "Helio Skin",
		Campaign: "Daily SPF 50 launch, spring 2026",
		Start:    start,
		End:      start.AddDate(0, 0, 56),
		AsOf:     start.AddDate(0, 0, 56),
		Target: audience.Demographics{
			"age":     {"18-24": dec("45"), "25-34": dec("45"), "35-44": dec("10")},
			"gender":  {"f": dec("80"), "m": dec("20")},
			"country": {"DE": dec("75"), "AT": dec("15"), "CH": dec("10")},
		},
		Weights: audience.DimensionWeights{"age": dec("2"), "gender": dec("1"), "country": dec("2")},
		Shares: []budget.Share{
			{Category: budget.InfluencerFees, Weight: dec("65")},
			{Category: budget.ContentProduction, Weight: dec("8")},
			{Category: budget.PaidAmplification, Weight: dec("14")},
			{Category: budget.Management, Weight: dec("5")},
			{Category: budget.Tools, Weight: dec("2")},
			{Category: budget.Contingency, Weight: dec("6")},
		},
		Goals: []goal{
			{"engagements (likes, comments, shares, saves)", "count", dec("100000")},
			{"accounts reached (sum over posts)", "count", dec("1200000")},
			{"orders credited to creators (code or link)", "count", dec("1300")},
			{"revenue credited to creators", "money", dec("45000")},
			{"ROAS on the whole budget", "ratio", dec("1.2")},
		},
		Platforms:       []kpi.Platform{kpi.Instagram, kpi.TikTok},
		Countries:       []string{"DE", "AT", "CH"},
		Unsafe:          []string{"gambling", "vaping", "alcohol"},
		Categories:      []string{"skincare", "beauty", "sustainability", "outdoor"},
		MinAuthenticity: dec("0.75"),
		MinFollowers:    5_000,
		MaxFee:          dec("9000"),
		MinER:           dec("0.005"),
		MaxShare:        dec("0.25"),
		AtLeast:         map[string]int{"instagram": 4, "tiktok": 3},
	}
}

func postsOf(posts []kpi.Post, creator string) []kpi.Post {
	var out []kpi.Post
	for _, p := range posts {
		if p.Creator == creator {
			out = append(out, p)
		}
	}
	return out
}

// vetting is what the planner learns about one candidate.
// vetting is what ranking learnt of a candidate that the budget reuses.
type vetting struct {
	er    decimal.Decimal // engagement rate (Criteria.Formula)
	fit   decimal.Decimal // audience fit
	bench decimal.Decimal // the benchmark rate of the platform and tier; zero if none
}

// build makes the report. Each section is a function of its own, below in
// report order; build runs them in the order their data allow: the
// shortlists (3) pick under the fee budget, the influencer-fee share of the
// category split (4), so the split comes first; the goals (1) state where
// the results (6) stand, so they come after them.
func build(in inputs, b brief) (Report, error) {
	rep := Report{Brand: b.Brand, Campaign: b.Campaign, Currency: in.Currency.Code(), Start: b.Start, End: b.End, AsOf: b.AsOf}
	vets, err := rankCandidates(&rep, in, b) // 2
	if err != nil {
		return rep, err
	}
	split, err := splitBudget(in, b) // 4, the categories' amounts
	if err != nil {
		return rep, err
	}
	if err := shortlistSection(&rep, in, b, split.fees()); err != nil { // 3
		return rep, err
	}
	plan, err := budgetSection(&rep, in, b, vets, split) // 4
	if err != nil {
		return rep, err
	}
	if err := tracking(&rep, in, b); err != nil { // 5
		return rep, err
	}
	if err := results(&rep, in, plan); err != nil { // 6
		return rep, err
	}
	if err := goalsSection(&rep, b); err != nil { // 1
		return rep, err
	}
	if err := nextCampaign(&rep, in, b); err != nil { // 7
		return rep, err
	}
	if err := collaboration(&rep, in, b); err != nil { // 8
		return rep, err
	}
	return rep, feedbackSection(&rep, in) // 9
}

// goalsSection (section 1) states where each goal stands: the engagements
// and reach of the tracked posts (section 5), the orders and revenue
// credited to creators and the ROAS of the whole budget (section 6).
func goalsSection(rep *Report, b brief) error {
	var eng, reach int64
	for _, cr := range rep.Creators {
		eng += cr.Engagements
		reach += cr.Reach
	}
	att, total := rep.Results.Orders, rep.Results.Report.Total
	roas := decimal.Zero
	if total.ROAS != nil {
		roas = *total.ROAS
	}
	achieved := []decimal.Decimal{
		decimal.NewFromInt(eng), decimal.NewFromInt(reach), decimal.NewFromInt(att.Total.Orders - att.Unattributed.Orders),
		att.Total.Revenue.Sub(att.Unattributed.Revenue), roas,
	}
	why := []string{
		"interactions the sponsored posts reported; a count a post hid adds nothing (a lower bound)",
		"the reach of each post, added up: a person reached twice counts twice",
		"orders with a creator's code, or else a creator's link (utm_campaign)",
		"revenue of those orders, after discounts",
		"credited revenue / everything spent (fees, production, ads, tools, agency)",
	}
	for i, g := range b.Goals {
		gs := GoalStatus{Metric: g.Metric, Unit: g.Unit, Goal: g.Goal, Deadline: b.End, Achieved: achieved[i], Why: why[i]}
		if g.Unit == "money" {
			gs.Currency = rep.Results.Report.Currency
		}
		gs.Fraction = ratio(gs.Achieved, gs.Goal)
		gs.Met = !gs.Achieved.LessThan(gs.Goal)
		gs.OnTrack, gs.Expected = gs.Met, gs.Goal
		if g.Unit != "ratio" {
			target := kpi.Target{Metric: g.Metric, Goal: g.Goal, Start: b.Start, Deadline: b.End}
			pr, err := target.Progress(gs.Achieved, b.AsOf)
			if err != nil {
				return fmt.Errorf("goal %q: %w", g.Metric, err)
			}
			gs.Expected, gs.OnTrack = pr.Expected, pr.OnTrack
		}
		rep.Goals = append(rep.Goals, gs)
	}
	return nil
}

// shortlistSection (section 3) picks creators under the fee budget, by
// value and by unique reach.
func shortlistSection(rep *Report, in inputs, b brief, feeBudget decimal.Decimal) error {
	cands := make([]selection.Candidate, len(rep.Candidates))
	for i, r := range rep.Candidates {
		cands[i] = selection.Candidate{ID: r.Handle, Fee: r.Fee.Amount, Value: r.Value, Followers: in.Followers[r.Handle]}
		if cands[i].Followers == nil {
			cands[i].Followers = &audience.Set{}
		}
	}
	rep.Shortlists.FeeBudget, rep.Shortlists.MaxShare, rep.Shortlists.AtLeast = amountIn(feeBudget, in.Currency), b.MaxShare, b.AtLeast
	// Platforms go through the group constraints: Constraints.Group maps a
	// candidate to any group name.
	cons := selection.Constraints{MaxShare: b.MaxShare, Group: map[string]string{}, AtLeastPerGroup: b.AtLeast}
	for _, r := range rep.Candidates {
		cons.Group[r.Handle] = r.Platform.String()
		if r.Authenticity.LessThan(b.MinAuthenticity) {
			cons.Exclude = append(cons.Exclude, r.Handle)
		}
	}
	for _, g := range []selection.Goal{selection.MaxValue, selection.MaxUniqueReach} {
		pick, err := selection.ShortlistWith(cands, feeBudget, g, cons)
		if errors.Is(err, selection.ErrInfeasible) {
			var need []string
			for _, pl := range slices.Sorted(maps.Keys(b.AtLeast)) {
				need = append(need, fmt.Sprintf("%d %s", b.AtLeast[pl], pl))
			}
			return fmt.Errorf("shortlist: the fee budget %s (the influencer-fee share of -budget) cannot hold %s creators with none over %s of it: raise -budget (%w)",
				money(feeBudget, in.Currency), strings.Join(need, " and "), pct(b.MaxShare, 0), err)
		}
		if err != nil {
			return fmt.Errorf("shortlist: %w", err)
		}
		sl := describePick(pick, cands, in.Currency)
		sl.Goal = g.String()
		if g == selection.MaxValue {
			rep.Shortlists.ByValue = sl
		} else {
			rep.Shortlists.ByReach = sl
		}
	}
	for _, bk := range in.Bookings {
		rep.Shortlists.Booked = append(rep.Shortlists.Booked, bk.Handle)
	}
	return nil
}

// describePick lists a pick's creators with the followers each adds, and
// the overlaps of their followers; amounts are in cur.
func describePick(pick selection.Pick, cands []selection.Candidate, cur budget.Currency) Shortlist {
	sl := Shortlist{Cost: amountIn(pick.Cost, cur), Value: pick.Value, Optimal: pick.Optimal, Method: pick.Stats.Method, SeedSize: pick.Stats.SeedSize}
	var sets []*audience.Set
	covered := &audience.Set{}
	for _, id := range pick.IDs {
		c := cands[slices.IndexFunc(cands, func(c selection.Candidate) bool { return c.ID == id })]
		s := c.Followers
		sets = append(sets, s)
		sl.Creators = append(sl.Creators, Picked{Handle: id, Fee: amountIn(c.Fee, cur), Value: c.Value, Sample: s.Len(), Gained: s.CountNotIn(covered)})
		covered = audience.Union(covered, s)
		sl.SumSamples += s.Len()
	}
	for i, x := range audience.Exclusive(sets...) {
		sl.Creators[i].Exclusive = x
	}
	sl.UniqueReach = audience.UniqueReach(sets...)
	m := audience.OverlapMatrix(sets, 0)
	sl.Overlaps = []OverlapRow{} // [] in JSON, not null, when no two share a follower
	for i := range sets {
		for j := i + 1; j < len(sets); j++ {
			pr, _ := m.Pair(i, j) // i, j < len(sets) = m.N(): always ok
			if pr.Shared > 0 {
				sl.Overlaps = append(sl.Overlaps, OverlapRow{A: pick.IDs[i], B: pick.IDs[j], Shared: pr.Shared, Jaccard: pr.Jaccard, OfSmaller: pr.OfSmaller})
			}
		}
	}
	slices.SortStableFunc(sl.Overlaps, func(a, b OverlapRow) int { return cmp.Compare(b.Shared, a.Shared) })
	return sl
}

// categorySplit is the budget divided among the brief's categories, to the
// cent, with the weights it was divided by.
type categorySplit struct {
	shares  []budget.Share
	parts   []decimal.Decimal // parts[i] is shares[i]'s amount
	weights decimal.Decimal   // Σ shares' weights
}

// splitBudget divides the budget among the brief's categories.
func splitBudget(in inputs, b brief) (categorySplit, error) {
	cs := categorySplit{shares: b.Shares}
	weights := make([]decimal.Decimal, len(b.Shares))
	for i, s := range b.Shares {
		weights[i] = s.Weight
		cs.weights = cs.weights.Add(s.Weight)
	}
	var err error
	if cs.parts, err = budget.Split(in.Budget, weights, in.Currency.MinorUnits()); err != nil {
		return cs, fmt.Errorf("budget: %w", err)
	}
	return cs, nil
}

// fees is the influencer-fee share: the fee budget of the shortlists.
func (cs categorySplit) fees() decimal.Decimal {
	fee := zero
	for i, s := range cs.shares {
		if s.Category == budget.InfluencerFees {
			fee = fee.Add(cs.parts[i])
		}
	}
	return fee
}

// budgetSection (section 4) builds the plan: the categories, one line per
// booked creator, the spend against them.
func budgetSection(rep *Report, in inputs, b brief, vets map[string]vetting, split categorySplit) (budget.Plan, error) {
	plan, err := budget.NewPlan(in.Currency, in.Budget, b.Start, b.End)
	if err != nil {
		return plan, fmt.Errorf("budget: %w", err)
	}
	if plan, err = bookFees(rep, plan, in, vets); err != nil {
		return plan, err
	}
	if plan, err = planCategories(plan, split, feesBooked(rep.Budget.Fees)); err != nil {
		return plan, err
	}
	if plan, err = recordSpend(plan, in.Spend); err != nil {
		return plan, err
	}
	rep.Budget.Plan = plan
	rep.Budget.Total, rep.Budget.Planned, rep.Budget.Actual, rep.Budget.Remaining = amountIn(plan.Total(), in.Currency), amountIn(plan.Planned(), in.Currency), amountIn(plan.Actual(), in.Currency), amountIn(plan.Remaining(), in.Currency)
	if rep.Budget.Burn, err = plan.BurnRate(b.AsOf); err != nil {
		return plan, fmt.Errorf("budget: %w", err)
	}
	rep.Budget.OverBudget = []string{} // [] in JSON, not null
	for _, li := range plan.OverBudget() {
		rep.Budget.OverBudget = append(rep.Budget.OverBudget, li.Name)
	}
	rep.Budget.Categories = categoryRows(plan, split)
	rep.Budget.Weeks = spendByWeek(in.Spend, in.Budget, b, in.Currency)
	for i, f := range rep.Budget.Fees {
		li, _ := plan.Item(f.Handle)
		rep.Budget.Fees[i].Paid = amountIn(li.Actual, in.Currency)
	}
	return plan, nil
}

func feesBooked(rows []FeeRow) decimal.Decimal {
	booked := zero
	for _, f := range rows {
		booked = booked.Add(f.Agreed.Amount)
	}
	return booked
}

// bookFees adds a plan line per booked creator, and compares their fee
// with the rate card's estimate and their quote.
func bookFees(rep *Report, plan budget.Plan, in inputs, vets map[string]vetting) (budget.Plan, error) {
	rateCard := budget.DefaultRateCard(in.Currency)
	var err error
	for _, bk := range in.Bookings {
		if plan, err = plan.AddItem(budget.LineItem{Name: bk.Handle, Category: budget.InfluencerFees, Planned: bk.Fee}); err != nil {
			return plan, fmt.Errorf("bookings: %w", err)
		}
		row := FeeRow{Handle: bk.Handle, Deliverables: pieces(bk.Pieces, bk.Deliverable), Agreed: amountIn(bk.Fee, in.Currency)}
		if i := slices.IndexFunc(in.Profiles, func(p profile) bool { return p.Handle == bk.Handle }); i >= 0 {
			p := in.Profiles[i]
			row.Quoted, row.QuotedFor = amountIn(p.Fee, in.Currency), pieces(p.Pieces, p.Deliverable)
			v := vets[p.Handle]
			card := rateCard // engagement is judged against the creator's own tier benchmark
			if v.bench.IsPositive() {
				card.BenchmarkEngagement = v.bench
			}
			est, err := card.Price(budget.Spec{Format: bk.Deliverable, Followers: p.Followers, EngagementRate: v.er, AudienceFit: v.fit})
			if err != nil {
				return plan, fmt.Errorf("fee estimate of %s: %w", bk.Handle, err)
			}
			n := decimal.NewFromInt(int64(bk.Pieces))
			row.Low, row.Expected, row.High = amountIn(est.Low.Mul(n), in.Currency), amountIn(est.Expected.Mul(n), in.Currency), amountIn(est.High.Mul(n), in.Currency)
		}
		rep.Budget.Fees = append(rep.Budget.Fees, row)
	}
	return plan, nil
}

// planCategories adds a plan line per category: its split, less the fees
// already booked for the influencer fees.
func planCategories(plan budget.Plan, split categorySplit, booked decimal.Decimal) (budget.Plan, error) {
	var err error
	for i, s := range split.shares {
		amount := split.parts[i]
		name := string(s.Category)
		if s.Category == budget.InfluencerFees {
			amount = amount.Sub(booked)
			name = "fees not yet booked"
			if !amount.IsPositive() {
				continue
			}
		}
		if plan, err = plan.AddItem(budget.LineItem{Name: name, Category: s.Category, Planned: amount}); err != nil {
			return plan, fmt.Errorf("budget: %w", err)
		}
	}
	return plan, nil
}

// recordSpend records the ledger against the plan: a creator's fee on
// their line, anything else on its category's (a line planned at zero if
// the category has none).
func recordSpend(plan budget.Plan, spend []expense) (budget.Plan, error) {
	var err error
	for _, e := range spend {
		name := e.Category
		if h, ok := strings.CutPrefix(e.Item, "fee "); ok && e.Category == string(budget.InfluencerFees) {
			name = h
		}
		if _, ok := plan.Item(name); !ok {
			if plan, err = plan.AddItem(budget.LineItem{Name: name, Category: budget.Category(e.Category), Planned: zero}); err != nil {
				return plan, fmt.Errorf("spend %q: %w", e.Item, err)
			}
		}
		if plan, err = plan.RecordActual(name, e.Amount); err != nil {
			return plan, fmt.Errorf("spend %q: %w", e.Item, err)
		}
	}
	return plan, nil
}

// categoryRows compares each category's split with its spend; categories
// spent on without a share of the plan (a user's own ledger) come last.
func categoryRows(plan budget.Plan, split categorySplit) []CategoryRow {
	cur := plan.Currency()
	byCat := map[budget.Category]budget.CategoryTotal{}
	for _, ct := range plan.ByCategory() {
		byCat[ct.Category] = ct
	}
	var rows []CategoryRow
	for i, s := range split.shares {
		ct := byCat[s.Category]
		row := CategoryRow{Category: s.Category, Share: ratio(s.Weight, split.weights), Split: amountIn(split.parts[i], cur), Planned: amountIn(ct.Planned, cur), Actual: amountIn(ct.Actual, cur)}
		row.Variance = amountIn(ct.Actual.Sub(split.parts[i]), cur)
		row.Fraction = ratio(row.Variance.Amount, split.parts[i])
		rows = append(rows, row)
	}
	for _, ct := range plan.ByCategory() {
		if !slices.ContainsFunc(split.shares, func(s budget.Share) bool { return s.Category == ct.Category }) {
			rows = append(rows, CategoryRow{Category: ct.Category, Split: amountIn(zero, cur),
				Planned: amountIn(ct.Planned, cur), Actual: amountIn(ct.Actual, cur), Variance: amountIn(ct.Actual, cur), Share: zero, Fraction: zero})
		}
	}
	return rows
}

// placeRate compares the likes+comments rate by followers (mean of rates,
// the public formula of the benchmark table) with kpi.DefaultBenchmarks.
func placeRate(posts []kpi.Post, p kpi.Platform, tier kpi.Tier) string {
	f := kpi.Formula{Interactions: kpi.Likes | kpi.Comments, Base: kpi.ByFollowers, Average: kpi.MeanOfRates}
	r, err := f.Rate(posts)
	if err != nil {
		return "n/a"
	}
	pl, err := kpi.DefaultBenchmarks().Place(r, p, tier, f)
	if err != nil {
		return "no benchmark"
	}
	s := fmt.Sprintf("%s against %s for the %s tier (%d): %s×, %s", pct(r, 2), pct(pl.Benchmark.Rate, 2), tier, pl.Benchmark.Year, pl.Ratio.StringFixed(1), pl.Position)
	if pl.Implausible {
		s += " implausible!"
	}
	return s
}
