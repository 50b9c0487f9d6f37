package roi

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

// CostBasis says which amount of a budget line item a report counts as cost.
type CostBasis int

const (
	// ActualCost counts what was spent (LineItem.Actual): the default, for
	// a report after the campaign.
	ActualCost CostBasis = iota
	// PlannedCost counts what was planned (LineItem.Planned), for a
	// forecast.
	PlannedCost
)

// Campaign is the input of [Report]. It is read, never modified.
type Campaign struct {
	// Currency is the ISO 4217 code of every amount (required). A Plan or
	// RateCard in another currency is an error.
	Currency string
	// Plan, when set (built by budget.NewPlan…), gives the costs: each
	// influencer's cost is the line item named exactly like the influencer,
	// by CostBasis; the other line items (tools, management, contingency
	// spent…) are the campaign's overhead. The zero Plan means "no plan":
	// InfluencerInput.Cost and Overhead are used instead; with a Plan they
	// must be zero ([ErrInvalid]), so that no cost is silently ignored.
	Plan      budget.Plan
	CostBasis CostBasis
	// Overhead is cost not tied to an influencer, used without a Plan.
	Overhead decimal.Decimal
	// Influencers are the people the campaign booked, each once.
	Influencers []InfluencerInput
	// RateCard, when not nil, values each influencer's posts as EMV.
	RateCard *RateCard
	// Engagements lists the interactions counted as engagements; 0 means
	// kpi.AllInteractions (likes, comments, shares, saves).
	Engagements kpi.Interaction
}

// InfluencerInput is what a campaign report knows of one influencer.
type InfluencerInput struct {
	Influencer string
	// Cost is used when the Campaign has no Plan.
	Cost decimal.Decimal
	// Posts are the influencer's posts for the campaign: they give the
	// engagements, impressions and EMV.
	Posts []kpi.Post
	// Revenue and Conversions attributed to the influencer, for example by
	// AttributeOrders (whole orders) or Attribute (fractional credits).
	Revenue     decimal.Decimal
	Conversions decimal.Decimal
}

// Metrics are the results of an influencer or of a whole campaign. Amounts
// are in the report's currency. A ratio is nil when it is undefined: ROI and
// ROAS without cost, CPA without conversions, CPE without engagements, CPM
// without impressions, and CPE or CPM when some post hid the counts they
// need (see NotReported). nil is never a disguised zero.
type Metrics struct {
	Cost        decimal.Decimal  `json:"cost"`
	Revenue     decimal.Decimal  `json:"revenue"`
	Conversions decimal.Decimal  `json:"conversions"`
	Engagements int64            `json:"engagements"`
	Impressions int64            `json:"impressions"`
	EMV         *decimal.Decimal `json:"emv,omitempty"`  // nil without a rate card
	ROI         *decimal.Decimal `json:"roi,omitempty"`  // (Revenue − Cost) / Cost
	ROAS        *decimal.Decimal `json:"roas,omitempty"` // Revenue / Cost
	CPA         *decimal.Decimal `json:"cpa,omitempty"`  // Cost / Conversions
	CPE         *decimal.Decimal `json:"cpe,omitempty"`  // Cost / Engagements
	CPM         *decimal.Decimal `json:"cpm,omitempty"`  // Cost × 1000 / Impressions
	// NotReported lists the counts that some posts hid: Engagements and
	// Impressions then cover only the posts that reported them, and the
	// ratios built on them are nil. It also lists hidden counts that the
	// rate card values (views, clicks, …): EMV then values only the posts
	// that reported them.
	NotReported kpi.Fields `json:"not_reported,omitempty"`
}

// InfluencerReport is one influencer's line of a [CampaignReport].
type InfluencerReport struct {
	Influencer string `json:"influencer"`
	Metrics
}

// CampaignReport is the result of [Report]: one line per influencer, in
// input order, and the campaign total, whose Cost includes Overhead.
type CampaignReport struct {
	Currency    string             `json:"currency"`
	Influencers []InfluencerReport `json:"influencers"`
	Overhead    decimal.Decimal    `json:"overhead"`
	Total       Metrics            `json:"total"`
}

// Report computes the metrics of each influencer and of the campaign. Ratios
// are rounded half away from zero to 16 decimal places and follow the
// definitions of [ROI], [ROAS], [CPA], [CPE] and [CPM]; sums are exact. The
// campaign's ratios are pooled (total cost over total conversions, …), never
// averages of the influencers' ratios.
//
// Errors: no currency or a mismatched one ([ErrCurrency]), an influencer
// twice or without a name, or without a line item in the Plan, a Cost or
// Overhead given together with a Plan ([ErrInvalid]), negative amounts or
// counts ([ErrNegative]), totals beyond int64 ([ErrOverflow]), and the
// errors of [RateCard.EMV]. An error of kpi.Sum over an influencer's posts
// wraps both kpi's sentinel and this package's (kpi.ErrNegative and
// ErrNegative, for example).
func Report(c Campaign) (CampaignReport, error) {
	const fn = "Report"
	cur := strings.ToUpper(strings.TrimSpace(c.Currency))
	if cur == "" {
		return CampaignReport{}, errf(fn, "Currency", ErrCurrency, `""`)
	}
	usePlan := c.Plan.Currency().IsValid()
	if usePlan && c.Plan.Currency().Code() != cur {
		return CampaignReport{}, errf(fn, "Plan", ErrCurrency, c.Plan.Currency().Code()+" in a "+cur+" report")
	}
	if c.RateCard != nil && strings.ToUpper(strings.TrimSpace(c.RateCard.Currency)) != cur {
		return CampaignReport{}, errf(fn, "RateCard", ErrCurrency, c.RateCard.Currency+" in a "+cur+" report")
	}
	if c.CostBasis != ActualCost && c.CostBasis != PlannedCost {
		return CampaignReport{}, errf(fn, "CostBasis", ErrInvalid, int(c.CostBasis))
	}
	inter := c.Engagements
	if inter == 0 {
		inter = kpi.AllInteractions
	}
	basis := func(li budget.LineItem) decimal.Decimal {
		if c.CostBasis == PlannedCost {
			return li.Planned
		}
		return li.Actual
	}
	rep := CampaignReport{Currency: cur, Influencers: make([]InfluencerReport, 0, len(c.Influencers))}
	names := map[string]bool{}
	var tot Metrics
	tot.Cost, tot.Revenue, tot.Conversions = decimal.Zero, decimal.Zero, decimal.Zero
	var emvTotal decimal.Decimal
	for i, in := range c.Influencers {
		field := func(f string) string { return fmt.Sprintf("Influencers[%d].%s", i, f) }
		if strings.TrimSpace(in.Influencer) == "" {
			return CampaignReport{}, errf(fn, field("Influencer"), ErrInvalid, `""`)
		}
		if names[in.Influencer] {
			return CampaignReport{}, errf(fn, field("Influencer"), ErrInvalid, "twice: "+in.Influencer)
		}
		names[in.Influencer] = true
		m := Metrics{Cost: in.Cost, Revenue: in.Revenue, Conversions: in.Conversions}
		if usePlan {
			if !in.Cost.IsZero() {
				// Two sources for one cost: refuse rather than drop one silently.
				return CampaignReport{}, errf(fn, field("Cost"), ErrInvalid, in.Cost.String()+" given with a Plan, which sets the cost")
			}
			li, ok := c.Plan.Item(in.Influencer)
			if !ok {
				return CampaignReport{}, errf(fn, field("Influencer"), ErrInvalid, "no line item "+in.Influencer+" in the plan")
			}
			m.Cost = basis(li)
		}
		for _, x := range []struct {
			name string
			v    decimal.Decimal
		}{{"Cost", m.Cost}, {"Revenue", m.Revenue}, {"Conversions", m.Conversions}} {
			if err := checkExp(fn, field(x.name), x.v); err != nil {
				return CampaignReport{}, err
			}
			if x.v.IsNegative() {
				return CampaignReport{}, errf(fn, field(x.name), ErrNegative, x.v)
			}
		}
		t, err := kpi.Sum(in.Posts)
		if err != nil {
			return CampaignReport{}, postsErr(fn, field("Posts"), err)
		}
		for _, f := range []struct {
			i kpi.Interaction
			f kpi.Fields
			v int64
		}{{kpi.Likes, kpi.FieldLikes, t.Likes}, {kpi.Comments, kpi.FieldComments, t.Comments},
			{kpi.Shares, kpi.FieldShares, t.Shares}, {kpi.Saves, kpi.FieldSaves, t.Saves}} {
			if inter&f.i == 0 {
				continue
			}
			m.NotReported |= t.Hidden & f.f
			var ok bool
			if m.Engagements, ok = exact.Add(m.Engagements, f.v); !ok {
				return CampaignReport{}, errf(fn, field("Posts"), ErrOverflow, "engagements")
			}
		}
		m.Impressions = t.Impressions
		m.NotReported |= t.Hidden & kpi.FieldImpressions
		if c.RateCard != nil {
			e, err := c.RateCard.EMV(in.Posts)
			if err != nil {
				return CampaignReport{}, fmt.Errorf("roi: %s: %s: %w", fn, field("Posts"), err)
			}
			m.EMV = &e.Total
			// A count the card values but a post hid leaves EMV short: say so.
			for _, l := range e.Lines {
				if l.NotReported > 0 {
					for _, a := range actions {
						if a.name == l.Action {
							m.NotReported |= a.field
						}
					}
				}
			}
			emvTotal = emvTotal.Add(e.Total)
		}
		m.ratios()
		rep.Influencers = append(rep.Influencers, InfluencerReport{Influencer: in.Influencer, Metrics: m})

		tot.Cost = tot.Cost.Add(m.Cost)
		tot.Revenue = tot.Revenue.Add(m.Revenue)
		tot.Conversions = tot.Conversions.Add(m.Conversions)
		var ok1, ok2 bool
		tot.Engagements, ok1 = exact.Add(tot.Engagements, m.Engagements)
		tot.Impressions, ok2 = exact.Add(tot.Impressions, m.Impressions)
		if !ok1 || !ok2 {
			return CampaignReport{}, errf(fn, "Influencers", ErrOverflow, "totals")
		}
		tot.NotReported |= m.NotReported
	}
	rep.Overhead = c.Overhead
	if usePlan {
		if !c.Overhead.IsZero() {
			return CampaignReport{}, errf(fn, "Overhead", ErrInvalid, c.Overhead.String()+" given with a Plan, whose other line items are the overhead")
		}
		rep.Overhead = decimal.Zero
		for _, li := range c.Plan.Items() {
			if !names[li.Name] {
				rep.Overhead = rep.Overhead.Add(basis(li))
			}
		}
	}
	if err := checkExp(fn, "Overhead", rep.Overhead); err != nil {
		return CampaignReport{}, err
	}
	if rep.Overhead.IsNegative() {
		return CampaignReport{}, errf(fn, "Overhead", ErrNegative, rep.Overhead)
	}
	tot.Cost = tot.Cost.Add(rep.Overhead)
	if c.RateCard != nil {
		tot.EMV = &emvTotal
	}
	tot.ratios()
	rep.Total = tot
	return rep, nil
}

// postsErr wraps an error of kpi.Sum so that it also wraps this package's
// sentinel for the same condition (errors.Is works with either).
func postsErr(fn, field string, err error) error {
	s := ErrInvalid
	switch {
	case errors.Is(err, kpi.ErrNegative):
		s = ErrNegative
	case errors.Is(err, kpi.ErrOverflow):
		s = ErrOverflow
	}
	return fmt.Errorf("roi: %s: %s: %w: %w", fn, field, s, err)
}

func ptr(d decimal.Decimal) *decimal.Decimal { return &d }

// ratios fills the ratio fields from the sums (inputs already validated).
func (m *Metrics) ratios() {
	m.ROI, m.ROAS, m.CPA, m.CPE, m.CPM = nil, nil, nil, nil, nil
	if m.Cost.IsPositive() {
		m.ROI = ptr(exact.Div(m.Revenue.Sub(m.Cost), m.Cost))
		m.ROAS = ptr(exact.Div(m.Revenue, m.Cost))
	}
	if m.Conversions.IsPositive() {
		m.CPA = ptr(exact.Div(m.Cost, m.Conversions))
	}
	if m.Engagements > 0 && m.NotReported&(kpi.FieldLikes|kpi.FieldComments|kpi.FieldShares|kpi.FieldSaves) == 0 {
		m.CPE = ptr(exact.Div(m.Cost, decimal.NewFromInt(m.Engagements)))
	}
	if m.Impressions > 0 && m.NotReported&kpi.FieldImpressions == 0 {
		m.CPM = ptr(exact.Div(m.Cost.Mul(thousand), decimal.NewFromInt(m.Impressions)))
	}
}

// Pool adds up past campaigns (or influencers) into one: sums of cost,
// revenue, conversions, engagements, impressions and EMV (EMV only when
// every input has one), NotReported united, and the ratios recomputed from
// the sums, pooled. Compare a campaign with its predecessors as
// Compare(current, Pool(past...).Benchmark()).
func Pool(past ...Metrics) (Metrics, error) {
	m := Metrics{Cost: decimal.Zero, Revenue: decimal.Zero, Conversions: decimal.Zero}
	emv := decimal.Zero
	allEMV := len(past) > 0
	for i, p := range past {
		for _, x := range []struct {
			name string
			v    *decimal.Decimal
		}{{"Cost", &p.Cost}, {"Revenue", &p.Revenue}, {"Conversions", &p.Conversions}, {"EMV", p.EMV}} {
			if x.v == nil {
				continue
			}
			if err := checkExp("Pool", fmt.Sprintf("past[%d].%s", i, x.name), *x.v); err != nil {
				return Metrics{}, err
			}
		}
		if p.Cost.IsNegative() || p.Revenue.IsNegative() || p.Conversions.IsNegative() || p.Engagements < 0 || p.Impressions < 0 {
			return Metrics{}, errf("Pool", fmt.Sprintf("past[%d]", i), ErrNegative, "amount or count")
		}
		m.Cost = m.Cost.Add(p.Cost)
		m.Revenue = m.Revenue.Add(p.Revenue)
		m.Conversions = m.Conversions.Add(p.Conversions)
		var ok1, ok2 bool
		m.Engagements, ok1 = exact.Add(m.Engagements, p.Engagements)
		m.Impressions, ok2 = exact.Add(m.Impressions, p.Impressions)
		if !ok1 || !ok2 {
			return Metrics{}, errf("Pool", "past", ErrOverflow, "totals")
		}
		m.NotReported |= p.NotReported
		if p.EMV == nil {
			allEMV = false
		} else {
			emv = emv.Add(*p.EMV)
		}
	}
	if allEMV {
		m.EMV = &emv
	}
	m.ratios()
	return m, nil
}

// The metric names of a [Benchmark] and of [Change.Metric].
const (
	MetricCost        = "cost"
	MetricRevenue     = "revenue"
	MetricConversions = "conversions"
	MetricEngagements = "engagements"
	MetricImpressions = "impressions"
	MetricEMV         = "emv"
	MetricROI         = "roi"
	MetricROAS        = "roas"
	MetricCPA         = "cpa"
	MetricCPE         = "cpe"
	MetricCPM         = "cpm"
)

// Direction says which way a metric improves.
type Direction int8

const (
	// Neutral: neither way is better (cost: spending more is not worse in
	// itself).
	Neutral Direction = 0
	// HigherIsBetter: revenue, conversions, engagements, impressions, EMV,
	// ROI, ROAS.
	HigherIsBetter Direction = 1
	// LowerIsBetter: CPA, CPE, CPM.
	LowerIsBetter Direction = -1
)

var metricOrder = []struct {
	name string
	dir  Direction
}{
	{MetricCost, Neutral}, {MetricRevenue, HigherIsBetter}, {MetricConversions, HigherIsBetter},
	{MetricEngagements, HigherIsBetter}, {MetricImpressions, HigherIsBetter}, {MetricEMV, HigherIsBetter},
	{MetricROI, HigherIsBetter}, {MetricROAS, HigherIsBetter},
	{MetricCPA, LowerIsBetter}, {MetricCPE, LowerIsBetter}, {MetricCPM, LowerIsBetter},
}

// MetricDirection returns the direction of a metric name, and false for an
// unknown name.
func MetricDirection(metric string) (Direction, bool) {
	for _, m := range metricOrder {
		if m.name == metric {
			return m.dir, true
		}
	}
	return Neutral, false
}

// String returns "higher", "lower" or "neutral" ("Direction(N)" for a
// value that is none of the three).
func (d Direction) String() string {
	switch d {
	case HigherIsBetter:
		return "higher"
	case LowerIsBetter:
		return "lower"
	case Neutral:
		return "neutral"
	}
	return fmt.Sprintf("Direction(%d)", int(d))
}

// MarshalText returns String's form; a value that is not one of the three
// directions is [ErrInvalid].
func (d Direction) MarshalText() ([]byte, error) {
	if d < LowerIsBetter || d > HigherIsBetter {
		return nil, errf("Direction.MarshalText", "direction", ErrInvalid, int(d))
	}
	return []byte(d.String()), nil
}

// UnmarshalText parses String's form.
func (d *Direction) UnmarshalText(b []byte) error {
	return unmarshalEnum(d, "Direction.UnmarshalText", "direction", ErrInvalid, b, Neutral, HigherIsBetter, LowerIsBetter)
}

// Verdict is how a metric moved against its baseline.
type Verdict int8

const (
	Same    Verdict = iota // equal to the baseline
	Better                 // moved in the metric's direction
	Worse                  // moved against it
	Changed                // moved, and the metric is Neutral
)

// String returns "same", "better", "worse" or "changed" ("Verdict(N)" for
// a value that is none of the four).
func (v Verdict) String() string {
	switch v {
	case Same:
		return "same"
	case Better:
		return "better"
	case Worse:
		return "worse"
	case Changed:
		return "changed"
	}
	return fmt.Sprintf("Verdict(%d)", int(v))
}

// MarshalText returns String's form; a value that is not one of the four
// verdicts is [ErrInvalid].
func (v Verdict) MarshalText() ([]byte, error) {
	if v < Same || v > Changed {
		return nil, errf("Verdict.MarshalText", "verdict", ErrInvalid, int(v))
	}
	return []byte(v.String()), nil
}

// UnmarshalText parses String's form.
func (v *Verdict) UnmarshalText(b []byte) error {
	return unmarshalEnum(v, "Verdict.UnmarshalText", "verdict", ErrInvalid, b, Same, Better, Worse, Changed)
}

// Benchmark maps metric names (MetricROAS, …) to reference values: an
// industry benchmark typed in by hand (for example {"cpm": 8, "roas": 4}), or
// a past campaign's [Metrics.Benchmark].
type Benchmark map[string]decimal.Decimal

// Benchmark returns the defined metrics of m by name (nil ratios and a nil
// EMV are left out).
func (m Metrics) Benchmark() Benchmark {
	b := Benchmark{
		MetricCost: m.Cost, MetricRevenue: m.Revenue, MetricConversions: m.Conversions,
		MetricEngagements: decimal.NewFromInt(m.Engagements), MetricImpressions: decimal.NewFromInt(m.Impressions),
	}
	for name, p := range map[string]*decimal.Decimal{MetricEMV: m.EMV, MetricROI: m.ROI, MetricROAS: m.ROAS, MetricCPA: m.CPA, MetricCPE: m.CPE, MetricCPM: m.CPM} {
		if p != nil {
			b[name] = *p
		}
	}
	return b
}

// Change compares one metric with its baseline.
type Change struct {
	Metric    string          `json:"metric"`
	Direction Direction       `json:"direction"`
	Current   decimal.Decimal `json:"current"`
	Baseline  decimal.Decimal `json:"baseline"`
	// Absolute is Current − Baseline, exact.
	Absolute decimal.Decimal `json:"absolute"`
	// Relative is Absolute / |Baseline|, a fraction rounded half away from
	// zero to 16 decimal places; nil when Baseline is zero.
	Relative *decimal.Decimal `json:"relative,omitempty"`
	Verdict  Verdict          `json:"verdict"`
}

// Compare compares current with a baseline (a benchmark or a past campaign's
// metrics): one Change per metric defined on both sides, in the order cost,
// revenue, conversions, engagements, impressions, EMV, ROI, ROAS, CPA, CPE,
// CPM. Higher is better for revenue, conversions, engagements, impressions,
// EMV, ROI and ROAS; lower for CPA, CPE and CPM; cost is neutral. An unknown
// metric name in baseline is [ErrInvalid] (a typo would otherwise be
// silently ignored).
//
// Example: ROAS 3 against a benchmark of 4 is an absolute change of −1,
// relative −0.25, worse; CPM 6 against 8 is −2, −0.25, better.
func Compare(current Metrics, baseline Benchmark) ([]Change, error) {
	// Names in order, so that the error names the same metric whatever the
	// map's iteration order.
	for _, name := range slices.Sorted(maps.Keys(baseline)) {
		if _, ok := MetricDirection(name); !ok {
			return nil, errf("Compare", "baseline", ErrInvalid, "unknown metric "+name)
		}
		if err := checkExp("Compare", "baseline["+name+"]", baseline[name]); err != nil {
			return nil, err
		}
	}
	cur := current.Benchmark()
	for _, m := range metricOrder {
		if v, ok := cur[m.name]; ok {
			if err := checkExp("Compare", "current."+m.name, v); err != nil {
				return nil, err
			}
		}
	}
	out := []Change{}
	for _, m := range metricOrder {
		b, ok := baseline[m.name]
		if !ok {
			continue
		}
		c, ok := cur[m.name]
		if !ok {
			continue
		}
		ch := Change{Metric: m.name, Direction: m.dir, Current: c, Baseline: b, Absolute: c.Sub(b)}
		if !b.IsZero() {
			ch.Relative = ptr(exact.Div(ch.Absolute, b.Abs()))
		}
		s := ch.Absolute.Sign()
		switch {
		case s == 0:
			ch.Verdict = Same
		case m.dir == Neutral:
			ch.Verdict = Changed
		case s == int(m.dir):
			ch.Verdict = Better
		default:
			ch.Verdict = Worse
		}
		out = append(out, ch)
	}
	return out, nil
}
