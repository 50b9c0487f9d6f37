package budget

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// Category groups line items the way influencer campaigns are usually
// budgeted. The predefined categories are below; any other non-empty string
// is a custom category. It marshals as its string.
type Category string

// The usual budget categories of an influencer campaign.
const (
	InfluencerFees    Category = "influencer_fees"    // creator fees and commissions
	ContentProduction Category = "content_production" // shoots, editing, props, product seeding
	PaidAmplification Category = "paid_amplification" // ads boosting creator content (whitelisting, Spark Ads)
	Management        Category = "management"         // management or agency fees
	Tools             Category = "tools"              // influencer platforms, tracking, analytics
	Contingency       Category = "contingency"        // reserve for overruns
)

// Share is one category's weight when a plan is built from a total (see
// NewPlanFromShares). Weights need not sum to 1: 60:20:10:10 works.
type Share struct {
	Category Category        `json:"category"`
	Weight   decimal.Decimal `json:"weight"`
}

// LineItem is one planned expense. Planned and Actual are amounts in the
// plan's currency, non-negative, whole numbers of its minor unit.
type LineItem struct {
	Name     string          `json:"name"`
	Category Category        `json:"category"`
	Planned  decimal.Decimal `json:"planned"`
	Actual   decimal.Decimal `json:"actual"` // spent so far; zero until recorded
}

// Variance returns Actual − Planned (positive: over budget) and that amount
// as a fraction of Planned, rounded half away from zero at exact.Precision
// (16) places: planned 1000.00, actual 1100.00 gives 100.00 and 0.1. When
// Planned is zero the fraction is undefined: the amount is still returned
// and the error wraps ErrNonPositive. Planned or Actual beyond the module's
// limits (MaxExponent, MaxDigits) is an error wrapping ErrTooLarge, with
// both results zero.
func (li LineItem) Variance() (amount, fraction decimal.Decimal, err error) {
	const fn = "budget.LineItem.Variance"
	if err := limit.Decimal(fn, li.field("Planned"), li.Planned); err != nil {
		return decimal.Decimal{}, decimal.Decimal{}, err
	}
	if err := limit.Decimal(fn, li.field("Actual"), li.Actual); err != nil {
		return decimal.Decimal{}, decimal.Decimal{}, err
	}
	amount = li.Actual.Sub(li.Planned)
	if li.Planned.IsZero() {
		return amount, decimal.Decimal{}, errs.New(ErrNonPositive, fn, li.field("Planned"), "zero, the fraction is undefined", li.Planned)
	}
	return amount, exact.Div(amount, li.Planned), nil
}

// field names one of the item's fields in an error: "Reels.Planned", or
// "Planned" for an item without a name. The name is shortened as every value
// in a message is (errs.Quote cuts a long one).
func (li LineItem) field(f string) string { return nameField(li.Name, f) }

// Plan is a campaign budget in one currency over the half-open period
// [Start, End): a total and the line items it is spent on. A Plan is an
// immutable value: AddItem and RecordActual return a new Plan and leave the
// receiver untouched, so a Plan is safe to share between goroutines.
//
// The zero Plan is invalid; build one with NewPlan or NewPlanFromShares.
type Plan struct {
	cur        Currency
	total      decimal.Decimal
	start, end time.Time
	items      []LineItem
}

// NewPlan returns an empty plan of total in cur over [start, end). total
// must be non-negative and a whole number of cur's minor unit, and end must
// be after start.
func NewPlan(cur Currency, total decimal.Decimal, start, end time.Time) (Plan, error) {
	return newPlan("budget.NewPlan", cur, total, start, end)
}

func newPlan(fn string, cur Currency, total decimal.Decimal, start, end time.Time) (Plan, error) {
	if !cur.IsValid() {
		return Plan{}, errs.New(ErrInvalid, fn, "currency", "zero Currency", errs.None)
	}
	if err := checkAmount(fn, "total", cur, total); err != nil {
		return Plan{}, err
	}
	if !end.After(start) {
		return Plan{}, errs.New(ErrInvalid, fn, "end", "not after start "+start.Format(time.RFC3339), end.Format(time.RFC3339))
	}
	if end.Sub(start) == time.Duration(math.MaxInt64) {
		return Plan{}, errs.New(ErrTooLarge, fn, "end", "more than 292 years after start "+start.Format(time.RFC3339), end.Format(time.RFC3339))
	}
	return Plan{cur: cur, total: total, start: start, end: end}, nil
}

// NewPlanFromShares returns a plan of total with one line item per share,
// named after its category, whose planned amounts are Split(total, weights)
// at cur's minor unit: they sum exactly to total.
//
// Example: 10,000.00 EUR by InfluencerFees 60, ContentProduction 25,
// Contingency 15 plans 6,000.00, 2,500.00 and 1,500.00.
func NewPlanFromShares(cur Currency, total decimal.Decimal, start, end time.Time, shares []Share) (Plan, error) {
	const fn = "budget.NewPlanFromShares"
	p, err := newPlan(fn, cur, total, start, end)
	if err != nil {
		return Plan{}, err
	}
	if len(shares) == 0 {
		return Plan{}, errs.New(ErrEmpty, fn, "shares", "no shares", errs.None)
	}
	ws := make([]decimal.Decimal, len(shares))
	for i, s := range shares {
		if s.Category == "" {
			return Plan{}, errs.New(ErrInvalid, fn, "shares["+strconv.Itoa(i)+"].Category", "empty", errs.None)
		}
		// named after the share rather than Split's weights[i]
		if err := weightError(fn, "shares["+strconv.Itoa(i)+"].Weight", s.Weight); err != nil {
			return Plan{}, err
		}
		ws[i] = s.Weight
	}
	parts, err := split(fn, "shares", total, ws, cur.minor)
	if err != nil { // all weights zero (the total was checked by newPlan)
		return Plan{}, err
	}
	for i, s := range shares {
		if p, err = p.addItem(fn, LineItem{Name: string(s.Category), Category: s.Category, Planned: parts[i]}); err != nil {
			return Plan{}, err
		}
	}
	return p, nil
}

func checkAmount(fn, field string, cur Currency, d decimal.Decimal) error {
	if err := amountLimit(fn, field, d, cur); err != nil {
		return err
	}
	if d.Sign() < 0 {
		return errs.New(ErrNegative, fn, field, "", d)
	}
	if !whole(d, cur.minor) {
		return errs.New(ErrMinorUnit, fn, field, "finer than the "+cur.code+" minor unit", d)
	}
	return nil
}

func (p Plan) validItem(fn string, li LineItem) error {
	if strings.TrimSpace(li.Name) == "" {
		return errs.New(ErrInvalid, fn, "Name", "empty", li.Name)
	}
	if li.Category == "" {
		return errs.New(ErrInvalid, fn, li.field("Category"), "empty", errs.None)
	}
	if err := checkAmount(fn, li.field("Planned"), p.cur, li.Planned); err != nil {
		return err
	}
	return checkAmount(fn, li.field("Actual"), p.cur, li.Actual)
}

// AddItem returns a copy of the plan with li appended. The name must be
// non-empty and unique in the plan, the category non-empty, the amounts
// non-negative whole numbers of the currency's minor unit; errors name the
// item and the field ("budget: Plan.AddItem: Reels.Planned: negative (-5)").
// Planned amounts may sum to more than the total: Unallocated goes negative.
func (p Plan) AddItem(li LineItem) (Plan, error) {
	return p.addItem("budget.Plan.AddItem", li)
}

func (p Plan) addItem(fn string, li LineItem) (Plan, error) {
	if !p.cur.IsValid() {
		return Plan{}, errs.New(ErrInvalid, fn, "plan", "zero Plan", errs.None)
	}
	if err := p.validItem(fn, li); err != nil {
		return Plan{}, err
	}
	if p.index(li.Name) >= 0 {
		return Plan{}, errs.New(ErrDuplicate, fn, "Name", "already in the plan", li.Name)
	}
	q := p
	q.items = append(slices.Clip(p.items), li)
	return q, nil
}

func (p Plan) index(name string) int {
	return slices.IndexFunc(p.items, func(li LineItem) bool { return li.Name == name })
}

// RecordActual returns a copy of the plan with amount added to the actual
// spend of the named item. A negative amount records a refund; the actual
// may not go below zero.
func (p Plan) RecordActual(name string, amount decimal.Decimal) (Plan, error) {
	return p.recordActual("budget.Plan.RecordActual", name, amount)
}

func (p Plan) recordActual(fn, name string, amount decimal.Decimal) (Plan, error) {
	i := p.index(name)
	if i < 0 {
		return Plan{}, errs.New(ErrNotFound, fn, "name", "", name)
	}
	if err := amountLimit(fn, "amount", amount, p.cur); err != nil {
		return Plan{}, err
	}
	if !whole(amount, p.cur.minor) {
		return Plan{}, errs.New(ErrMinorUnit, fn, LineItem{Name: name}.field("Actual"), "finer than the "+p.cur.code+" minor unit", amount)
	}
	a := p.items[i].Actual.Add(amount)
	if a.Sign() < 0 {
		return Plan{}, errs.New(ErrNegative, fn, LineItem{Name: name}.field("Actual"), "would go negative", a)
	}
	// 1e1000 + 1e-1000 has 2001 digits: the sum stays within the limits
	// that AddItem and UnmarshalJSON hold an actual to
	if err := limit.Decimal(fn, LineItem{Name: name}.field("Actual"), a); err != nil {
		return Plan{}, err
	}
	q := p
	q.items = slices.Clone(p.items)
	q.items[i].Actual = a
	return q, nil
}

// Record is RecordActual for an amount with its currency: a currency other
// than the plan's is a *MismatchError (wrapping ErrCurrencyMismatch).
func (p Plan) Record(name string, m Money) (Plan, error) {
	const fn = "budget.Plan.Record"
	if m.Currency != p.cur {
		return Plan{}, &MismatchError{Func: fn, Field: "m.Currency", Left: p.cur, Right: m.Currency}
	}
	return p.recordActual(fn, name, m.Amount)
}

// Currency returns the plan's currency.
func (p Plan) Currency() Currency { return p.cur }

// Total returns the plan's budget.
func (p Plan) Total() decimal.Decimal { return p.total }

// Start returns the first instant of the plan's period.
func (p Plan) Start() time.Time { return p.start }

// End returns the end of the plan's period (excluded).
func (p Plan) End() time.Time { return p.end }

// Items returns a copy of the line items, in the order they were added.
func (p Plan) Items() []LineItem { return slices.Clone(p.items) }

// Item returns the named line item.
func (p Plan) Item(name string) (LineItem, bool) {
	if i := p.index(name); i >= 0 {
		return p.items[i], true
	}
	return LineItem{}, false
}

// Planned returns Σ Planned over the items.
func (p Plan) Planned() decimal.Decimal {
	s := decimal.Zero
	for _, li := range p.items {
		s = s.Add(li.Planned)
	}
	return s
}

// Actual returns Σ Actual over the items.
func (p Plan) Actual() decimal.Decimal {
	s := decimal.Zero
	for _, li := range p.items {
		s = s.Add(li.Actual)
	}
	return s
}

// Remaining returns Total − Actual: what is left to spend. Negative when the
// plan is overspent.
func (p Plan) Remaining() decimal.Decimal { return p.total.Sub(p.Actual()) }

// Unallocated returns Total − Planned: budget not yet planned on any item.
// Negative when the items plan more than the total.
func (p Plan) Unallocated() decimal.Decimal { return p.total.Sub(p.Planned()) }

// CategoryTotal is the planned and actual sums of one category.
type CategoryTotal struct {
	Category Category        `json:"category"`
	Planned  decimal.Decimal `json:"planned"`
	Actual   decimal.Decimal `json:"actual"`
	// Currency is the plan's (set by ByCategory); in JSON it travels
	// inside the amounts' money objects.
	Currency Currency `json:"-"`
}

// ByCategory returns the planned and actual totals of each category present
// in the plan, sorted by category name.
func (p Plan) ByCategory() []CategoryTotal {
	var out []CategoryTotal
	for _, li := range p.items {
		i := slices.IndexFunc(out, func(c CategoryTotal) bool { return c.Category == li.Category })
		if i < 0 {
			out = append(out, CategoryTotal{Category: li.Category, Planned: decimal.Zero, Actual: decimal.Zero, Currency: p.cur})
			i = len(out) - 1
		}
		out[i].Planned = out[i].Planned.Add(li.Planned)
		out[i].Actual = out[i].Actual.Add(li.Actual)
	}
	slices.SortFunc(out, func(a, b CategoryTotal) int { return strings.Compare(string(a.Category), string(b.Category)) })
	return out
}

// OverBudget returns the items whose Actual exceeds Planned, in plan order.
func (p Plan) OverBudget() []LineItem {
	var out []LineItem
	for _, li := range p.items {
		if li.Actual.GreaterThan(li.Planned) {
			out = append(out, li)
		}
	}
	return out
}

// Burn describes how fast a plan is being spent at an instant.
//
//	Elapsed   = (now − Start) / (End − Start), clamped to [0, 1]   (fraction of the period gone)
//	Spent     = Σ Actual / Total                                     (fraction of the budget gone)
//	PerDay    = Σ Actual / elapsed days (24 h), in the currency
//	Pace      = Spent / Elapsed (1: on pace, above 1: spending too fast)
//	Projected = Σ Actual / Elapsed, the spend at End if the pace holds
//
// Every value is rounded half away from zero at exact.Precision (16) places.
type Burn struct {
	Elapsed   decimal.Decimal `json:"elapsed"`
	Spent     decimal.Decimal `json:"spent"`
	PerDay    decimal.Decimal `json:"per_day"`
	Pace      decimal.Decimal `json:"pace"`
	Projected decimal.Decimal `json:"projected"`
	// Currency is the plan's, the currency of PerDay and Projected (in
	// JSON they are money objects carrying it).
	Currency Currency `json:"-"`
}

// BurnRate returns the plan's burn at now. now must be after Start (at
// Start nothing has elapsed and the rates are undefined: ErrInvalid); now at
// or after End counts as the whole period. A plan with a zero total and
// nothing spent has Spent 0 and Pace 0; with a zero total and money spent,
// Spent and Pace would be infinite: BurnRate then returns Elapsed, PerDay and
// Projected, Spent and Pace zero, and an error wrapping ErrNonPositive
// naming total (not a silent zero).
//
// Example: a 3,000.00 plan over 30 days with 1,000.00 spent after 10 days
// burns 100.00 per day, Elapsed ⅓, Spent ⅓, Pace 1, Projected 3,000.00.
func (p Plan) BurnRate(now time.Time) (Burn, error) {
	const fn = "budget.Plan.BurnRate"
	if !p.cur.IsValid() {
		return Burn{}, errs.New(ErrInvalid, fn, "plan", "zero Plan", errs.None)
	}
	if !now.After(p.start) {
		return Burn{}, errs.New(ErrInvalid, fn, "now", "not after the plan's start", now.Format(time.RFC3339Nano))
	}
	if now.After(p.end) {
		now = p.end
	}
	el := decimal.NewFromInt(int64(now.Sub(p.start)))
	dur := decimal.NewFromInt(int64(p.end.Sub(p.start)))
	spent := p.Actual()
	b := Burn{
		Currency: p.cur,
		Elapsed:  exact.Div(el, dur),
		Spent:    decimal.Zero,
		PerDay:   spent.Mul(decimal.NewFromInt(int64(24*time.Hour))).DivRound(el, exact.Precision),
		// Pace = (spent/total) / (el/dur) = spent·dur / (total·el)
		Projected: spent.Mul(dur).DivRound(el, exact.Precision),
	}
	if p.total.IsZero() {
		b.Pace = decimal.Zero
		if spent.IsZero() {
			return b, nil
		}
		return b, errs.New(ErrNonPositive, fn, "total", "zero with money spent, Spent and Pace are undefined", p.total)
	}
	b.Spent = exact.Div(spent, p.total)
	b.Pace = spent.Mul(dur).DivRound(p.total.Mul(el), exact.Precision)
	return b, nil
}

// planJSON is the wire form. Amounts are money objects
// ({"amount":"600.00","currency":"EUR"}); UnmarshalJSON also reads a bare
// decimal string ("600.00"), the form of v0.1, as an amount in the plan's
// currency.
type planJSON struct {
	Currency Currency        `json:"currency"`
	Total    json.RawMessage `json:"total"`
	Start    time.Time       `json:"start"`
	End      time.Time       `json:"end"`
	Items    []itemJSON      `json:"items"`
}

type itemJSON struct {
	Name     string          `json:"name"`
	Category Category        `json:"category"`
	Planned  json.RawMessage `json:"planned"`
	Actual   json.RawMessage `json:"actual"`
}

// MarshalJSON encodes the plan as
//
//	{"currency":"EUR","total":{"amount":"1000.00","currency":"EUR"},"start":"…","end":"…",
//	 "items":[{"name":"…","category":"…","planned":{"amount":"600.00","currency":"EUR"},"actual":{"amount":"0.00","currency":"EUR"}}]}
//
// with every amount a money object carrying exactly the currency's minor
// digits.
func (p Plan) MarshalJSON() ([]byte, error) {
	money := func(d decimal.Decimal) json.RawMessage {
		b, _ := Money{Amount: d, Currency: p.cur}.MarshalJSON() // amounts of a Plan are within the limits (AddItem checked them)
		return b
	}
	j := planJSON{Currency: p.cur, Total: money(p.total), Start: p.start, End: p.end, Items: make([]itemJSON, len(p.items))}
	for i, li := range p.items {
		j.Items[i] = itemJSON{Name: li.Name, Category: li.Category, Planned: money(li.Planned), Actual: money(li.Actual)}
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes the form written by MarshalJSON and validates it as
// NewPlan and AddItem do; errors name the item and the field. An amount is
// a money object in the plan's currency (another currency is a
// *MismatchError) or a decimal string. "total" and each item's "planned"
// are required (a missing one is ErrInvalid, not a silent zero); a missing
// "actual" means nothing spent yet.
func (p *Plan) UnmarshalJSON(b []byte) error {
	const fn = "budget.Plan.UnmarshalJSON"
	var j planJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return errs.New(ErrSyntax, fn, "", "not a plan: "+err.Error(), errs.None)
	}
	total, err := planAmount(fn, "total", j.Total, j.Currency, true)
	if err != nil {
		return err
	}
	q, err := newPlan(fn, j.Currency, total, j.Start, j.End)
	if err != nil {
		return err
	}
	for i, it := range j.Items {
		field := it.Name
		if field == "" {
			field = "items[" + strconv.Itoa(i) + "]"
		}
		pl, err := planAmount(fn, field+".planned", it.Planned, j.Currency, true)
		if err != nil {
			return err
		}
		ac, err := planAmount(fn, field+".actual", it.Actual, j.Currency, false)
		if err != nil {
			return err
		}
		if q, err = q.addItem(fn, LineItem{Name: it.Name, Category: it.Category, Planned: pl, Actual: ac}); err != nil {
			return err
		}
	}
	*p = q
	return nil
}

// planAmount reads an amount of a plan's JSON in cur: a money object in
// cur or a decimal string; absent or null is "" (parseAmount's rule).
func planAmount(fn, field string, raw json.RawMessage, cur Currency, required bool) (decimal.Decimal, error) {
	raw = bytes.TrimSpace(raw)
	var text string
	switch {
	case len(raw) == 0 || string(raw) == "null":
	case raw[0] == '{':
		var m struct {
			Amount   string `json:"amount"`
			Currency string `json:"currency"`
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			return decimal.Decimal{}, errs.New(ErrSyntax, fn, field, "not a money object: "+err.Error(), errs.None)
		}
		c, err := parseCurrency(fn, m.Currency)
		if err != nil {
			return decimal.Decimal{}, err
		}
		if cur.IsValid() && c != cur {
			return decimal.Decimal{}, &MismatchError{Func: fn, Field: field, Left: cur, Right: c}
		}
		text = m.Amount
	default:
		if err := json.Unmarshal(raw, &text); err != nil {
			return decimal.Decimal{}, errs.New(ErrSyntax, fn, field, "not a money object or a decimal string", errs.None)
		}
	}
	return parseAmount(fn, field, text, required)
}

// MaxAmountText bounds the text of one amount in the JSON that
// Plan.UnmarshalJSON and Money.UnmarshalJSON read: at most 1200 bytes (room
// for MaxDigits digits, a sign, a point and the zeros of an exponent within
// ±100; ErrTooLarge beyond, refused before any conversion), so that reading
// an amount costs microseconds however long the text sent.
const MaxAmountText = 1200

// parseAmount parses an amount of the wire form. A missing (empty) amount
// is an error when required, zero otherwise.
func parseAmount(fn, field, s string, required bool) (decimal.Decimal, error) {
	if s == "" {
		if required {
			return decimal.Decimal{}, errs.New(ErrInvalid, fn, field, "missing", errs.None)
		}
		return decimal.Zero, nil
	}
	if len(s) > MaxAmountText {
		// before any conversion: decimal.NewFromString takes time quadratic in the digits
		return decimal.Decimal{}, errs.New(ErrTooLarge, fn, field, "longer than MaxAmountText (1200) bytes", s)
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, errs.New(ErrSyntax, fn, field, "not a decimal", s)
	}
	if e := d.Exponent(); e < -100 || e > 100 {
		return decimal.Decimal{}, errs.New(ErrTooLarge, fn, field, "exponent outside [-100, 100]", s)
	}
	return d, nil
}
