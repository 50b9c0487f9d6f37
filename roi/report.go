package roi

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/enum"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

// CostBasis says which amount of a budget line item a report counts as cost.
// The zero CostBasis is [ActualCost].
type CostBasis int

const (
	// ActualCost counts what was spent (LineItem.Actual): the default, for
	// a report after the campaign.
	ActualCost CostBasis = iota
	// PlannedCost counts what was planned (LineItem.Planned), for a
	// forecast.
	PlannedCost
)

var costBasisText = enum.New[CostBasis]("roi.CostBasis", ErrInvalid, "actual", "planned")

// String returns "actual" or "planned" ("CostBasis(N)" for another value).
func (b CostBasis) String() string { return costBasisText.String(b) }

// MarshalText returns String's form; another value is [ErrInvalid].
func (b CostBasis) MarshalText() ([]byte, error) { return costBasisText.Marshal(b) }

// UnmarshalText parses String's form, ignoring case and surrounding spaces;
// other text, or a nil b, is [ErrInvalid] and leaves b unchanged.
func (b *CostBasis) UnmarshalText(text []byte) error {
	return unmarshalEnum(costBasisText, "roi.CostBasis", b, text)
}

// Campaign is the input of [Report]. It is read, never modified.
type Campaign struct {
	// Currency is the currency of every amount (required). A Plan or
	// EMVCard in another currency is [ErrCurrencyMismatch].
	Currency budget.Currency
	// Plan, when set (built by budget.NewPlan…), gives the costs: each
	// influencer's cost is the line item named exactly like the influencer,
	// by CostBasis; the other line items (tools, management, contingency
	// spent…) are the campaign's overhead. The zero Plan means "no plan":
	// InfluencerInput.Cost and Overhead are used instead; with a Plan they
	// must be zero ([ErrInvalid]), so that no cost is silently ignored.
	Plan budget.Plan
	// CostBasis says which amount of the Plan's line items is cost; the
	// zero value is ActualCost.
	CostBasis CostBasis
	// Overhead is cost not tied to an influencer, used without a Plan.
	Overhead decimal.Decimal
	// Influencers are the people the campaign booked, each once.
	Influencers []InfluencerInput
	// EMVCard, when not nil, values each influencer's posts as EMV.
	EMVCard *EMVCard
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
// (Cost, Revenue, EMV, CPA, CPE, CPM) are in Currency. A ratio is nil when it is undefined: ROI and
// ROAS without cost, CPA without conversions, CPE without engagements, CPM
// without impressions, and CPE or CPM when some post hid the counts they
// need (see NotReported). nil is never a disguised zero.
type Metrics struct {
	Cost        decimal.Decimal  `json:"cost"`
	Revenue     decimal.Decimal  `json:"revenue"`
	Conversions decimal.Decimal  `json:"conversions"`
	Engagements int64            `json:"engagements"`
	Impressions int64            `json:"impressions"`
	EMV         *decimal.Decimal `json:"emv,omitempty"`  // nil without an EMV card
	ROI         *decimal.Decimal `json:"roi,omitempty"`  // (Revenue − Cost) / Cost
	ROAS        *decimal.Decimal `json:"roas,omitempty"` // Revenue / Cost
	CPA         *decimal.Decimal `json:"cpa,omitempty"`  // Cost / Conversions
	CPE         *decimal.Decimal `json:"cpe,omitempty"`  // Cost / Engagements
	CPM         *decimal.Decimal `json:"cpm,omitempty"`  // Cost × 1000 / Impressions
	// NotReported lists the counts that some posts hid: Engagements and
	// Impressions then cover only the posts that reported them, and the
	// ratios built on them are nil. It also lists hidden counts that the
	// EMV card values (views, clicks, …): EMV then values only the posts
	// that reported them.
	NotReported kpi.Fields `json:"not_reported,omitempty"`
	// Currency is the currency of the amounts: the report's, set by
	// [Report] and kept by [Pool]. In JSON each amount carries it as a
	// money object (see [Metrics.MarshalJSON]), so it has no key of its own.
	Currency budget.Currency `json:"-"`
}

// InfluencerReport is one influencer's line of a [CampaignReport].
type InfluencerReport struct {
	Influencer string `json:"influencer"`
	Metrics
}

// jsonMoney is an amount with its currency on the wire: written by
// budget.Money's MarshalJSON ({"amount":"875.00","currency":"EUR"}, the
// currency's minor digits, or every digit of an amount finer than them such
// as a CPE), read back exactly, whatever its digits.
type jsonMoney struct {
	Amount   decimal.Decimal `json:"amount"`
	Currency budget.Currency `json:"currency"`
}

func (j jsonMoney) MarshalJSON() ([]byte, error) {
	return budget.Money{Amount: j.Amount, Currency: j.Currency}.MarshalJSON()
}

// jsonErr is err of json.Unmarshal in fn, wrapping ErrSyntax (or the
// sentinel err already wraps: a currency mismatch, an unknown enum).
func jsonErr(fn string, err error) error {
	if !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrCurrencyMismatch) && !errors.Is(err, ErrSyntax) {
		err = fmt.Errorf("%w: %w", ErrSyntax, err)
	}
	return errs.New(err, fn, "", "", errs.None)
}

// moneyPtr is p in cur on the wire, nil for nil.
func moneyPtr(p *decimal.Decimal, cur budget.Currency) *jsonMoney {
	if p == nil {
		return nil
	}
	return &jsonMoney{*p, cur}
}

// decimalPtr is the amount of p, nil for nil.
func decimalPtr(p *jsonMoney) *decimal.Decimal {
	if p == nil {
		return nil
	}
	return &p.Amount
}

// metricsJSON is the wire form of Metrics.
type metricsJSON struct {
	Cost        jsonMoney        `json:"cost"`
	Revenue     jsonMoney        `json:"revenue"`
	Conversions decimal.Decimal  `json:"conversions"`
	Engagements int64            `json:"engagements"`
	Impressions int64            `json:"impressions"`
	EMV         *jsonMoney       `json:"emv,omitempty"`
	ROI         *decimal.Decimal `json:"roi,omitempty"`
	ROAS        *decimal.Decimal `json:"roas,omitempty"`
	CPA         *jsonMoney       `json:"cpa,omitempty"`
	CPE         *jsonMoney       `json:"cpe,omitempty"`
	CPM         *jsonMoney       `json:"cpm,omitempty"`
	NotReported kpi.Fields       `json:"not_reported,omitempty"`
}

func (m Metrics) wire() metricsJSON {
	c := m.Currency
	return metricsJSON{Cost: jsonMoney{m.Cost, c}, Revenue: jsonMoney{m.Revenue, c}, Conversions: m.Conversions,
		Engagements: m.Engagements, Impressions: m.Impressions, EMV: moneyPtr(m.EMV, c), ROI: m.ROI, ROAS: m.ROAS,
		CPA: moneyPtr(m.CPA, c), CPE: moneyPtr(m.CPE, c), CPM: moneyPtr(m.CPM, c), NotReported: m.NotReported}
}

// metrics is w back in Go; amounts in two currencies are
// [ErrCurrencyMismatch].
func (w metricsJSON) metrics(fn string) (Metrics, error) {
	m := Metrics{Cost: w.Cost.Amount, Revenue: w.Revenue.Amount, Conversions: w.Conversions,
		Engagements: w.Engagements, Impressions: w.Impressions, EMV: decimalPtr(w.EMV), ROI: w.ROI, ROAS: w.ROAS,
		CPA: decimalPtr(w.CPA), CPE: decimalPtr(w.CPE), CPM: decimalPtr(w.CPM), NotReported: w.NotReported, Currency: w.Cost.Currency}
	for _, x := range [...]struct {
		name string
		v    *jsonMoney
	}{{"revenue", &w.Revenue}, {"emv", w.EMV}, {"cpa", w.CPA}, {"cpe", w.CPE}, {"cpm", w.CPM}} {
		if x.v != nil && x.v.Currency != m.Currency {
			return Metrics{}, mismatch(fn, x.name, m.Currency, x.v.Currency)
		}
	}
	return m, nil
}

// MarshalJSON writes the metrics with lowercase keys, every amount (cost,
// revenue, emv, cpa, cpe, cpm) a money object in Currency with its minor
// digits — {"cost":{"amount":"875.00","currency":"EUR"},…} — and
// conversions, roi and roas as decimal strings; undefined ratios are left
// out.
func (m Metrics) MarshalJSON() ([]byte, error) { return json.Marshal(m.wire()) }

// UnmarshalJSON reads what MarshalJSON writes; Currency is the amounts'
// (two currencies are [ErrCurrencyMismatch]). On error m keeps its value.
func (m *Metrics) UnmarshalJSON(b []byte) error {
	var w metricsJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return jsonErr("roi.Metrics.UnmarshalJSON", err)
	}
	v, err := w.metrics("roi.Metrics.UnmarshalJSON")
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// MarshalJSON writes {"influencer":…} followed by the keys of
// [Metrics.MarshalJSON].
func (r InfluencerReport) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Influencer string `json:"influencer"`
		metricsJSON
	}{r.Influencer, r.Metrics.wire()})
}

// UnmarshalJSON reads what MarshalJSON writes. On error r keeps its value.
func (r *InfluencerReport) UnmarshalJSON(b []byte) error {
	var w struct {
		Influencer string `json:"influencer"`
		metricsJSON
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return jsonErr("roi.InfluencerReport.UnmarshalJSON", err)
	}
	m, err := w.metrics("roi.InfluencerReport.UnmarshalJSON")
	if err != nil {
		return err
	}
	*r = InfluencerReport{Influencer: w.Influencer, Metrics: m}
	return nil
}

// CampaignReport is the result of [Report]: one line per influencer, in
// input order, and the campaign total, whose Cost includes Overhead. Every
// amount is in Currency.
type CampaignReport struct {
	Currency    budget.Currency    `json:"currency"`
	Influencers []InfluencerReport `json:"influencers"`
	Overhead    decimal.Decimal    `json:"overhead"`
	Total       Metrics            `json:"total"`
}

// campaignReportJSON is the wire form of CampaignReport.
type campaignReportJSON struct {
	Currency    budget.Currency    `json:"currency"`
	Influencers []InfluencerReport `json:"influencers"`
	Overhead    jsonMoney          `json:"overhead"`
	Total       Metrics            `json:"total"`
}

// MarshalJSON writes the report with lowercase keys and every amount,
// Overhead included, a money object in Currency with its minor digits:
// {"currency":"EUR","influencers":[…],"overhead":{"amount":"300.00","currency":"EUR"},"total":{…}}.
func (r CampaignReport) MarshalJSON() ([]byte, error) {
	return json.Marshal(campaignReportJSON{r.Currency, r.Influencers, jsonMoney{r.Overhead, r.Currency}, r.Total})
}

// UnmarshalJSON reads what MarshalJSON writes. On error r keeps its value.
func (r *CampaignReport) UnmarshalJSON(b []byte) error {
	var w campaignReportJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return jsonErr("roi.CampaignReport.UnmarshalJSON", err)
	}
	*r = CampaignReport{Currency: w.Currency, Influencers: w.Influencers, Overhead: w.Overhead.Amount, Total: w.Total}
	return nil
}

// Report computes the metrics of each influencer and of the campaign. Ratios
// are rounded half away from zero to 16 decimal places and follow the
// definitions of [ROI], [ROAS], [CPA], [CPE] and [CPM]; sums are exact. The
// campaign's ratios are pooled (total cost over total conversions, …), never
// averages of the influencers' ratios.
//
// Errors: no currency, an unknown CostBasis, an influencer without a name
// or without a line item in the Plan, a Cost or Overhead given together
// with a Plan ([ErrInvalid]); a Plan or EMVCard in another currency
// ([ErrCurrencyMismatch], a *budget.MismatchError); an influencer twice
// ([ErrDuplicate]); negative amounts or counts ([ErrNegative]); totals
// beyond int64 ([ErrOverflow]); and the errors of kpi.Sum and
// [EMVCard.EMV] over an influencer's posts, named by the influencer.
func Report(c Campaign) (CampaignReport, error) {
	const fn = "roi.Report"
	if err := c.check(fn); err != nil {
		return CampaignReport{}, err
	}
	rep := CampaignReport{Currency: c.Currency, Influencers: make([]InfluencerReport, 0, len(c.Influencers))}
	names := make(map[string]bool, len(c.Influencers))
	tot := Metrics{Cost: decimal.Zero, Revenue: decimal.Zero, Conversions: decimal.Zero, Currency: c.Currency}
	emvTotal := decimal.Zero
	for i, in := range c.Influencers {
		field := func(f string) string { return "Influencers[" + strconv.Itoa(i) + "]." + f }
		if strings.TrimSpace(in.Influencer) == "" {
			return CampaignReport{}, errs.New(ErrInvalid, fn, field("Influencer"), "empty name", in.Influencer)
		}
		if names[in.Influencer] {
			return CampaignReport{}, errs.New(ErrDuplicate, fn, field("Influencer"), "listed twice", in.Influencer)
		}
		names[in.Influencer] = true
		m, err := c.influencer(fn, field, in)
		if err != nil {
			return CampaignReport{}, err
		}
		m.Currency = c.Currency
		rep.Influencers = append(rep.Influencers, InfluencerReport{Influencer: in.Influencer, Metrics: m})
		if err := tot.add(m); err != nil {
			return CampaignReport{}, errs.New(err, fn, "Influencers", "totals overflow int64", errs.None)
		}
		if m.EMV != nil {
			emvTotal = emvTotal.Add(*m.EMV)
		}
	}
	var err error
	if rep.Overhead, err = c.overhead(fn, names); err != nil {
		return CampaignReport{}, err
	}
	tot.Cost = tot.Cost.Add(rep.Overhead)
	if c.EMVCard != nil {
		tot.EMV = &emvTotal
	}
	tot.ratios()
	rep.Total = tot
	return rep, nil
}

// check validates the campaign's settings: currency, Plan and card
// currencies, cost basis, Overhead's range and the EMV card.
func (c *Campaign) check(fn string) error {
	if !c.Currency.IsValid() {
		return errs.New(ErrInvalid, fn, "Currency", "no currency", errs.None)
	}
	if c.usePlan() && c.Plan.Currency() != c.Currency {
		return mismatch(fn, "Plan", c.Currency, c.Plan.Currency())
	}
	if c.EMVCard != nil && c.EMVCard.Currency.IsValid() && c.EMVCard.Currency != c.Currency {
		return mismatch(fn, "EMVCard", c.Currency, c.EMVCard.Currency)
	}
	if !costBasisText.Valid(c.CostBasis) {
		return errs.New(ErrInvalid, fn, "CostBasis", "unknown cost basis", c.CostBasis)
	}
	// Checked before any influencer's work: the decimal guard, and the card
	// once, named as the card (not as the first influencer's posts).
	if err := limit.Decimal(fn, "Overhead", c.Overhead); err != nil {
		return err
	}
	if c.EMVCard != nil {
		if err := c.EMVCard.Validate(); err != nil {
			return errs.New(err, fn, "EMVCard", "", errs.None)
		}
	}
	return nil
}

// usePlan reports whether the campaign has a Plan (the zero Plan has no
// currency).
func (c *Campaign) usePlan() bool { return c.Plan.Currency().IsValid() }

// cost returns line item li's cost by the campaign's CostBasis.
func (c *Campaign) cost(li budget.LineItem) decimal.Decimal {
	if c.CostBasis == PlannedCost {
		return li.Planned
	}
	return li.Actual
}

// influencer returns one influencer's metrics: cost (from the Plan or
// given), revenue and conversions checked, engagements and impressions
// from the posts, EMV by the card, and the ratios.
func (c *Campaign) influencer(fn string, field func(string) string, in InfluencerInput) (Metrics, error) {
	m := Metrics{Cost: in.Cost, Revenue: in.Revenue, Conversions: in.Conversions}
	if c.usePlan() {
		if !in.Cost.IsZero() {
			// Two sources for one cost: refuse rather than drop one silently.
			return Metrics{}, errs.New(ErrInvalid, fn, field("Cost"), "given with a Plan, which sets the cost", in.Cost)
		}
		li, ok := c.Plan.Item(in.Influencer)
		if !ok {
			return Metrics{}, errs.New(ErrInvalid, fn, field("Influencer"), "no line item of that name in the Plan", in.Influencer)
		}
		m.Cost = c.cost(li)
	}
	for _, x := range [...]struct {
		name string
		v    decimal.Decimal
	}{{"Cost", m.Cost}, {"Revenue", m.Revenue}, {"Conversions", m.Conversions}} {
		if err := limit.Decimal(fn, field(x.name), x.v); err != nil {
			return Metrics{}, err
		}
		if x.v.IsNegative() {
			return Metrics{}, errs.New(ErrNegative, fn, field(x.name), "", x.v)
		}
	}
	if err := c.counts(fn, field, in.Posts, &m); err != nil {
		return Metrics{}, err
	}
	if c.EMVCard != nil {
		e, err := c.EMVCard.EMV(in.Posts)
		if err != nil {
			return Metrics{}, errs.New(err, fn, field("Posts"), "", errs.None)
		}
		m.EMV = &e.Total
		m.NotReported |= e.notReported()
	}
	m.ratios()
	return m, nil
}

// counts sets m's engagements (the campaign's interactions), impressions
// and the counts the posts hid.
func (c *Campaign) counts(fn string, field func(string) string, posts []kpi.Post, m *Metrics) error {
	t, err := kpi.Sum(posts)
	if err != nil {
		return postsErr(fn, field("Posts"), err)
	}
	inter := c.Engagements
	if inter == 0 {
		inter = kpi.AllInteractions
	}
	for _, f := range [...]struct {
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
			return errs.New(ErrOverflow, fn, field("Posts"), "engagements overflow int64", errs.None)
		}
	}
	m.Impressions = t.Impressions
	m.NotReported |= t.Hidden & kpi.FieldImpressions
	return nil
}

// notReported returns the counts the card values but some post hid: the
// EMV is short of them.
func (e EMV) notReported() kpi.Fields {
	var f kpi.Fields
	for _, l := range e.Lines {
		if l.NotReported == 0 {
			continue
		}
		for _, a := range actions {
			if a.name == l.Action {
				f |= a.field
			}
		}
	}
	return f
}

// add adds o's sums to m (not the ratios); an int64 overflow is
// [ErrOverflow].
func (m *Metrics) add(o Metrics) error {
	m.Cost = m.Cost.Add(o.Cost)
	m.Revenue = m.Revenue.Add(o.Revenue)
	m.Conversions = m.Conversions.Add(o.Conversions)
	var ok1, ok2 bool
	m.Engagements, ok1 = exact.Add(m.Engagements, o.Engagements)
	m.Impressions, ok2 = exact.Add(m.Impressions, o.Impressions)
	if !ok1 || !ok2 {
		return ErrOverflow
	}
	m.NotReported |= o.NotReported
	return nil
}

// overhead returns the campaign's overhead: the Plan's line items that are
// no influencer's, or Overhead without a Plan.
func (c *Campaign) overhead(fn string, names map[string]bool) (decimal.Decimal, error) {
	oh := c.Overhead
	if c.usePlan() {
		if !c.Overhead.IsZero() {
			return decimal.Decimal{}, errs.New(ErrInvalid, fn, "Overhead", "given with a Plan, whose other line items are the overhead", c.Overhead)
		}
		oh = decimal.Zero
		for _, li := range c.Plan.Items() {
			if !names[li.Name] {
				oh = oh.Add(c.cost(li))
			}
		}
	}
	if err := limit.Decimal(fn, "Overhead", oh); err != nil {
		return decimal.Decimal{}, err
	}
	if oh.IsNegative() {
		return decimal.Decimal{}, errs.New(ErrNegative, fn, "Overhead", "", oh)
	}
	return oh, nil
}

// postsErr wraps an error of kpi.Sum, naming the influencer's posts. It
// matches this package's sentinel for the same condition too (errors.Is
// works with kpi.ErrNegative and ErrNegative, for example).
func postsErr(fn, field string, err error) error {
	s := ErrInvalid
	switch {
	case errors.Is(err, kpi.ErrNegative):
		s = ErrNegative
	case errors.Is(err, kpi.ErrOverflow):
		s = ErrOverflow
	}
	if !errors.Is(err, s) { // kpi's sentinel is not the shared one
		err = fmt.Errorf("%w: %w", s, err)
	}
	return errs.New(err, fn, field, "", errs.None)
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
// Compare(current, Pool(past...).Baseline()). The amounts must be in one
// currency: the result's Currency is the one the inputs carry (an input
// with the zero Currency, built by hand, is taken to be in it).
//
// Errors: a negative amount or count ([ErrNegative]), an exponent beyond
// ±budget.MaxExponent ([ErrTooLarge]), totals beyond int64 ([ErrOverflow]),
// inputs in two currencies ([ErrCurrencyMismatch], a *budget.MismatchError).
func Pool(past ...Metrics) (Metrics, error) {
	const fn = "roi.Pool"
	m := Metrics{Cost: decimal.Zero, Revenue: decimal.Zero, Conversions: decimal.Zero}
	emv := decimal.Zero
	allEMV := len(past) > 0
	for i, p := range past {
		field := func(f string) string { return "past[" + strconv.Itoa(i) + "]." + f }
		for _, x := range [...]struct {
			name string
			v    *decimal.Decimal
		}{{"Cost", &p.Cost}, {"Revenue", &p.Revenue}, {"Conversions", &p.Conversions}, {"EMV", p.EMV}} {
			if x.v == nil {
				continue
			}
			if err := limit.Decimal(fn, field(x.name), *x.v); err != nil {
				return Metrics{}, err
			}
			if x.v.IsNegative() {
				return Metrics{}, errs.New(ErrNegative, fn, field(x.name), "", *x.v)
			}
		}
		for _, x := range [...]struct {
			name string
			v    int64
		}{{"Engagements", p.Engagements}, {"Impressions", p.Impressions}} {
			if x.v < 0 {
				return Metrics{}, errs.New(ErrNegative, fn, field(x.name), "", x.v)
			}
		}
		if p.Currency.IsValid() && m.Currency.IsValid() && p.Currency != m.Currency {
			return Metrics{}, mismatch(fn, field("Currency"), m.Currency, p.Currency)
		} else if p.Currency.IsValid() {
			m.Currency = p.Currency
		}
		if err := m.add(p); err != nil {
			return Metrics{}, errs.New(err, fn, "past", "totals overflow int64", errs.None)
		}
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

// The metric names of a [Baseline] and of [Change.Metric].
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

// Direction says which way a metric improves. The zero Direction is
// [Neutral].
type Direction int8

const (
	// Neutral: neither way is better (cost: spending more is not worse in
	// itself).
	Neutral Direction = iota
	// HigherIsBetter: revenue, conversions, engagements, impressions, EMV,
	// ROI, ROAS.
	HigherIsBetter
	// LowerIsBetter: CPA, CPE, CPM.
	LowerIsBetter
)

var directionText = enum.New[Direction]("roi.Direction", ErrInvalid, "neutral", "higher", "lower")

// sign returns +1 for HigherIsBetter, −1 for LowerIsBetter, 0 otherwise.
func (d Direction) sign() int {
	switch d {
	case HigherIsBetter:
		return 1
	case LowerIsBetter:
		return -1
	}
	return 0
}

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
func (d Direction) String() string { return directionText.String(d) }

// MarshalText returns String's form; a value that is not one of the three
// directions is [ErrInvalid].
func (d Direction) MarshalText() ([]byte, error) { return directionText.Marshal(d) }

// UnmarshalText parses String's form, ignoring case and surrounding spaces;
// other text, or a nil d, is [ErrInvalid] and leaves d unchanged.
func (d *Direction) UnmarshalText(b []byte) error {
	return unmarshalEnum(directionText, "roi.Direction", d, b)
}

// Verdict is how a metric moved against its baseline. The zero Verdict is
// [Same].
type Verdict int8

const (
	Same    Verdict = iota // equal to the baseline
	Better                 // moved in the metric's direction
	Worse                  // moved against it
	Changed                // moved, and the metric is Neutral
)

var verdictText = enum.New[Verdict]("roi.Verdict", ErrInvalid, "same", "better", "worse", "changed")

// String returns "same", "better", "worse" or "changed" ("Verdict(N)" for
// a value that is none of the four).
func (v Verdict) String() string { return verdictText.String(v) }

// MarshalText returns String's form; a value that is not one of the four
// verdicts is [ErrInvalid].
func (v Verdict) MarshalText() ([]byte, error) { return verdictText.Marshal(v) }

// UnmarshalText parses String's form, ignoring case and surrounding spaces;
// other text, or a nil v, is [ErrInvalid] and leaves v unchanged.
func (v *Verdict) UnmarshalText(b []byte) error {
	return unmarshalEnum(verdictText, "roi.Verdict", v, b)
}

// Baseline maps metric names (MetricROAS, …) to reference values: an
// industry benchmark typed in by hand (for example {"cpm": 8, "roas": 4}),
// or a past campaign's [Metrics.Baseline]. (kpi.Benchmark is something
// else: published engagement-rate benchmarks.)
type Baseline map[string]decimal.Decimal

// Baseline returns the defined metrics of m by name (nil ratios and a nil
// EMV are left out).
func (m Metrics) Baseline() Baseline {
	b := Baseline{
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
	// Currency is the currency of Current, Baseline and Absolute when the
	// metric is an amount of money (cost, revenue, emv, cpa, cpe, cpm:
	// current's Currency); the zero Currency for counts and ratios. In
	// JSON it travels inside those amounts' money objects.
	Currency budget.Currency `json:"-"`
}

// moneyMetric reports whether the metric is an amount of money.
func moneyMetric(name string) bool {
	switch name {
	case MetricCost, MetricRevenue, MetricEMV, MetricCPA, MetricCPE, MetricCPM:
		return true
	}
	return false
}

// changeJSON is the wire form of Change: current, baseline and absolute are
// money objects for a money metric, decimal strings otherwise.
type changeJSON struct {
	Metric    string           `json:"metric"`
	Direction Direction        `json:"direction"`
	Current   json.RawMessage  `json:"current"`
	Baseline  json.RawMessage  `json:"baseline"`
	Absolute  json.RawMessage  `json:"absolute"`
	Relative  *decimal.Decimal `json:"relative,omitempty"`
	Verdict   Verdict          `json:"verdict"`
}

// MarshalJSON writes the change with lowercase keys; for a money metric
// current, baseline and absolute are money objects in Currency with its
// minor digits ({"amount":"3500.00","currency":"EUR"}), for a count or
// ratio decimal strings; relative is a decimal string.
func (c Change) MarshalJSON() ([]byte, error) {
	w := changeJSON{Metric: c.Metric, Direction: c.Direction, Relative: c.Relative, Verdict: c.Verdict}
	for _, x := range [...]struct {
		dst *json.RawMessage
		v   decimal.Decimal
	}{{&w.Current, c.Current}, {&w.Baseline, c.Baseline}, {&w.Absolute, c.Absolute}} {
		var v any = x.v
		if moneyMetric(c.Metric) {
			v = jsonMoney{x.v, c.Currency}
		}
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		*x.dst = b
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON writes. On error c keeps its value.
func (c *Change) UnmarshalJSON(b []byte) error {
	var w changeJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return jsonErr("roi.Change.UnmarshalJSON", err)
	}
	v := Change{Metric: w.Metric, Direction: w.Direction, Relative: w.Relative, Verdict: w.Verdict}
	for _, x := range [...]struct {
		src json.RawMessage
		dst *decimal.Decimal
	}{{w.Current, &v.Current}, {w.Baseline, &v.Baseline}, {w.Absolute, &v.Absolute}} {
		if len(x.src) == 0 { // key absent: zero, as before
			continue
		}
		var m jsonMoney
		var dst any = x.dst
		if moneyMetric(w.Metric) {
			dst = &m
		}
		if err := json.Unmarshal(x.src, dst); err != nil {
			return jsonErr("roi.Change.UnmarshalJSON", err)
		}
		if moneyMetric(w.Metric) {
			*x.dst, v.Currency = m.Amount, m.Currency
		}
	}
	*c = v
	return nil
}

// Comparison is the result of [Compare].
type Comparison struct {
	// Changes has one Change per metric defined on both sides, in the
	// order cost, revenue, conversions, engagements, impressions, EMV, ROI,
	// ROAS, CPA, CPE, CPM.
	Changes []Change `json:"changes"`
	// Undefined lists, in the same order, the metrics of the baseline that
	// current leaves undefined (a nil ratio: CPE when a post hid its likes,
	// CPM without impressions; EMV without an EMV card): they were asked for
	// and could not be compared. Metrics current has and the baseline lacks
	// were not asked for and are not listed.
	Undefined []string `json:"undefined,omitempty"`
}

// Compare compares current with a baseline (a benchmark or a past campaign's
// metrics), metric by metric. Higher is better for revenue, conversions,
// engagements, impressions, EMV, ROI and ROAS; lower for CPA, CPE and CPM;
// cost is neutral. A baseline metric that current leaves undefined is
// listed in Comparison.Undefined, never dropped silently. An unknown metric
// name in baseline is [ErrInvalid] (a typo would otherwise be silently
// ignored); an exponent beyond ±budget.MaxExponent is [ErrTooLarge].
//
// Example: ROAS 3 against a benchmark of 4 is an absolute change of −1,
// relative −0.25, worse; CPM 6 against 8 is −2, −0.25, better.
func Compare(current Metrics, baseline Baseline) (Comparison, error) {
	const fn = "roi.Compare"
	// Names in order, so that the error names the same metric whatever the
	// map's iteration order.
	for _, name := range slices.Sorted(maps.Keys(baseline)) {
		if _, ok := MetricDirection(name); !ok {
			return Comparison{}, errs.New(ErrInvalid, fn, "baseline", "unknown metric", name)
		}
		if err := limit.Decimal(fn, "baseline["+name+"]", baseline[name]); err != nil {
			return Comparison{}, err
		}
	}
	cur := current.Baseline()
	for _, m := range metricOrder {
		if v, ok := cur[m.name]; ok {
			if err := limit.Decimal(fn, "current."+m.name, v); err != nil {
				return Comparison{}, err
			}
		}
	}
	out := Comparison{Changes: []Change{}}
	for _, m := range metricOrder {
		b, ok := baseline[m.name]
		if !ok {
			continue
		}
		c, ok := cur[m.name]
		if !ok {
			out.Undefined = append(out.Undefined, m.name)
			continue
		}
		ch := Change{Metric: m.name, Direction: m.dir, Current: c, Baseline: b, Absolute: c.Sub(b)}
		if moneyMetric(m.name) {
			ch.Currency = current.Currency
		}
		if !b.IsZero() {
			ch.Relative = ptr(exact.Div(ch.Absolute, b.Abs()))
		}
		s := ch.Absolute.Sign()
		switch {
		case s == 0:
			ch.Verdict = Same
		case m.dir == Neutral:
			ch.Verdict = Changed
		case s == m.dir.sign():
			ch.Verdict = Better
		default:
			ch.Verdict = Worse
		}
		out.Changes = append(out.Changes, ch)
	}
	return out, nil
}
