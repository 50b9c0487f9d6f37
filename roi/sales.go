package roi

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// Refund is money returned to the customer on an order, at a time.
type Refund struct {
	At     time.Time       `json:"at"`
	Amount decimal.Decimal `json:"amount"` // in the order's currency; positive
}

// Sale is an order as a shop export carries it: the [Order] (Amount is
// what the customer paid, after discounts), who bought it, when the
// customer clicked the link that brought them, and what happened to it
// afterwards.
type Sale struct {
	Order
	// Customer identifies the buyer: a shop's customer ID, or an e-mail
	// address hashed with [HashEmail] (never the address itself). "" is an
	// unknown customer, counted apart.
	Customer string `json:"customer,omitempty"`
	// ClickedAt is when the link of LandingURL was clicked. The zero time
	// means the click opened the visit of the order itself (no delay).
	ClickedAt time.Time `json:"clicked_at,omitzero"`
	// Refunds are partial or whole refunds, each at its time; together
	// they are at most Amount.
	Refunds []Refund `json:"refunds,omitempty"`
	// CancelledAt is when the order was cancelled or voided (the zero time:
	// never). From then on the order is worth nothing and makes no customer.
	CancelledAt time.Time `json:"cancelled_at,omitzero"`
}

// DefaultLookback is the link lookback window of the zero [SalesConfig]:
// four weeks, as Later's attribution uses.
const DefaultLookback = 28 * 24 * time.Hour

// SalesConfig is how [CreditSales] reads the sales. The zero value of every
// field but AsOf is its documented default.
type SalesConfig struct {
	// AsOf is the report date, required. Orders, refunds and cancellations
	// at or after it are not in the report (a refund made after it changes
	// the next report, not this one); orders from AsOf on are counted in
	// SalesReport.AfterAsOf.
	AsOf time.Time
	// Lookback is a link click's window: an order at or after ClickedAt
	// and before ClickedAt + Lookback is credited to the link. 0 means
	// [DefaultLookback]; negative is [ErrNegative].
	Lookback time.Duration
	// CodeStart and CodeEnd are the campaign [CodeStart, CodeEnd): a code
	// is credited for orders at or after CodeStart and before CodeEnd +
	// Grace. A zero CodeStart has no start, a zero CodeEnd no end.
	CodeStart, CodeEnd time.Time
	// Grace extends the code window past CodeEnd; 0 means none; negative is
	// [ErrNegative].
	Grace time.Duration
	// Costs are each influencer's costs (fees, product) in the orders'
	// currency, keyed by Tracking.Influencer; an influencer without an entry
	// has no cost, so no CAC, CPA or ROAS.
	Costs map[string]budget.Money
	// CohortDays are the cohort horizons in days, ascending and positive;
	// nil means 30, 60 and 90.
	CohortDays []int
}

// lookback returns the lookback window, the default for 0.
func (c SalesConfig) lookback() time.Duration {
	if c.Lookback == 0 {
		return DefaultLookback
	}
	return c.Lookback
}

// cohortDays returns the cohort horizons, the default for nil.
func (c SalesConfig) cohortDays() []int {
	if c.CohortDays == nil {
		return []int{30, 60, 90}
	}
	return c.CohortDays
}

// maxCohortDays bounds a cohort horizon: about 100 years.
const maxCohortDays = 36500

// Validate checks the configuration: AsOf set, no negative window, cohort
// days ascending within 1 to 36,500, costs not negative, valid and of
// known influencers (checked by [CreditSales], which knows them).
func (c SalesConfig) Validate() error {
	return c.validate("roi.SalesConfig.Validate")
}

func (c SalesConfig) validate(fn string) error {
	if c.AsOf.IsZero() {
		return errs.New(ErrInvalid, fn, "AsOf", "no report date", errs.None)
	}
	if c.Lookback < 0 {
		return errs.New(ErrNegative, fn, "Lookback", "", c.Lookback)
	}
	if c.Grace < 0 {
		return errs.New(ErrNegative, fn, "Grace", "", c.Grace)
	}
	if !c.CodeStart.IsZero() && !c.CodeEnd.IsZero() && c.CodeEnd.Before(c.CodeStart) {
		return errs.New(ErrInvalid, fn, "CodeEnd", "before CodeStart", c.CodeEnd.Format(time.RFC3339))
	}
	days := c.cohortDays()
	for i, d := range days {
		if d < 1 || d > maxCohortDays || i > 0 && d <= days[i-1] {
			return errs.New(ErrInvalid, fn, errs.Index("CohortDays", i), "not ascending within 1 to 36500", d)
		}
	}
	for name, m := range c.Costs {
		if err := limit.Decimal(fn, "Costs["+name+"]", m.Amount); err != nil {
			return err
		}
		if m.Amount.IsNegative() {
			return errs.New(ErrNegative, fn, "Costs["+name+"]", "", m.Amount)
		}
		if !m.Currency.IsValid() {
			return errs.New(ErrInvalid, fn, "Costs["+name+"]", "no currency", errs.None)
		}
	}
	return nil
}

// codeWindow reports whether t is inside the code window.
func (c SalesConfig) codeWindow(t time.Time) bool {
	if !c.CodeStart.IsZero() && t.Before(c.CodeStart) {
		return false
	}
	return c.CodeEnd.IsZero() || t.Before(c.CodeEnd.Add(c.Grace))
}

// CohortValue is what the new customers an influencer brought spent in the
// Days days from their first order: the net (as of the report date) of all
// their orders, whoever is credited with them, placed in [first, first +
// Days). Only customers whose window closed by the report date count;
// the others are counted in Open, never mixed in.
type CohortValue struct {
	Days      int          `json:"days"`
	Customers int64        `json:"customers"` // new customers whose window ended by AsOf
	Open      int64        `json:"open"`      // new customers whose window is still open at AsOf
	Value     budget.Money `json:"value"`     // Σ net of the Customers' orders in their windows
	// Mean is Value / Customers, rounded half away from zero to 16 places;
	// nil without customers.
	Mean *budget.Money `json:"mean"`
}

// CreatorSales is what the sales credit to one influencer as of the report
// date. Net = Gross − Refunded, exactly.
type CreatorSales struct {
	Influencer string `json:"influencer"`
	Orders     int64  `json:"orders"`    // credited orders placed before AsOf, cancelled ones included
	ByCode     int64  `json:"by_code"`   // of Orders, by a code within its window
	ByLink     int64  `json:"by_link"`   // of Orders, by a link clicked within the lookback
	Cancelled  int64  `json:"cancelled"` // of Orders, cancelled or voided before AsOf
	// Gross is Σ Amount of Orders; Refunded the refunds made before AsOf
	// plus the whole amount of orders cancelled before it; Net the rest.
	Gross    budget.Money `json:"gross"`
	Refunded budget.Money `json:"refunded"`
	Net      budget.Money `json:"net"`
	// NewCustomers are the customers whose first order (see [CreditSales])
	// is credited here; Returning the credited orders, not cancelled, that
	// are not their customer's first; NoCustomer the credited orders
	// without a customer.
	NewCustomers int64 `json:"new_customers"`
	Returning    int64 `json:"returning"`
	NoCustomer   int64 `json:"no_customer"`
	// Cost is SalesConfig.Costs' entry (nil without one). CAC is Cost /
	// NewCustomers, CPA Cost / (Orders − Cancelled), ROAS Net / Cost, each
	// rounded half away from zero to 16 places and nil when undefined (no
	// cost, or a zero denominator).
	Cost    *budget.Money    `json:"cost"`
	CAC     *budget.Money    `json:"cac"`
	CPA     *budget.Money    `json:"cpa"`
	ROAS    *decimal.Decimal `json:"roas"`
	Cohorts []CohortValue    `json:"cohorts"`
}

// SalesUnattributed counts the orders placed before AsOf that no
// influencer is credited with, each under one reason.
type SalesUnattributed struct {
	Orders int64 `json:"orders"`
	// NoCode: no code and no matching link; UnknownCode: a code no
	// influencer has, and no matching link; CodeOutsideWindow: an
	// influencer's code used outside its window (and no link in time);
	// ClickOutsideWindow: an influencer's link clicked longer than Lookback
	// before the order (and no code in time).
	NoCode             int64        `json:"no_code"`
	UnknownCode        int64        `json:"unknown_code"`
	CodeOutsideWindow  int64        `json:"code_outside_window"`
	ClickOutsideWindow int64        `json:"click_outside_window"`
	Gross              budget.Money `json:"gross"`
	Net                budget.Money `json:"net"`
}

// SalesReport is the result of [CreditSales]. Σ Creators' and
// Unattributed's Orders, Gross and Net equal Total's, exactly.
type SalesReport struct {
	AsOf         time.Time         `json:"as_of"`
	Currency     budget.Currency   `json:"currency"`
	Creators     []CreatorSales    `json:"creators"` // one per Tracking entry, sorted by Influencer
	Unattributed SalesUnattributed `json:"unattributed"`
	// Total sums every order placed before AsOf (Influencer empty; its
	// Cost, CAC, CPA and ROAS are those of all costs together).
	Total     CreatorSales `json:"total"`
	AfterAsOf int64        `json:"after_as_of"` // orders placed at or after AsOf, not in the report
}

// HashEmail returns the SHA-256 of the trimmed, lower-cased address, in
// hexadecimal with the prefix "sha256:", for [Sale].Customer: e-mails are
// matched only hashed, and the address is neither kept nor printed.
// An empty address gives "".
func HashEmail(email string) string { return hashEmail(email) }

// CreditSales credits each sale placed before cfg.AsOf to at most one
// influencer, net of refunds and cancellations as of cfg.AsOf:
//
//  1. by its discount code, matched as [AttributeOrders] does, when the
//     order is inside the code window (cfg.CodeStart, CodeEnd, Grace);
//  2. otherwise by its landing URL's link, when the order came at or after
//     ClickedAt and before ClickedAt + cfg.Lookback;
//  3. otherwise it is unattributed, counted under one reason.
//
// A customer's first order is the earliest (by Time, then ID) of their
// orders placed before AsOf and not cancelled before it; the influencer
// credited with it gains a new customer, and the customer's orders in the
// cohort windows count in that influencer's cohorts. Only the orders given
// are known: pass the customers' earlier orders too (they count as first
// orders, credited or not) so that a returning customer is not taken for a
// new one.
//
// Errors: those of [AttributeOrders] for the orders and the tracking
// entries; a zero AsOf, a bad configuration (see [SalesConfig.Validate]),
// a cost for an influencer not in tracking ([ErrInvalid]) or in another
// currency ([ErrCurrencyMismatch]); a refund not positive ([ErrNonPositive]),
// before its order, or refunds beyond the amount, a click after its order,
// a cancellation before its order ([ErrInvalid]); a Customer longer than
// [MaxTextLen] ([ErrTooLarge]). Work and memory are linear in the sales
// and their refunds, plus a sort of each customer's orders.
func CreditSales(sales []Sale, tracking []Tracking, cfg SalesConfig) (SalesReport, error) {
	const fn = "roi.CreditSales"
	cs, err := newCredited(fn, sales, tracking, cfg)
	if err != nil {
		return SalesReport{}, err
	}
	return cs.report(tracking), nil
}

// creditedSale is one sale placed before AsOf, validated and credited.
type creditedSale struct {
	i        int             // index in sales
	at       time.Time       // Time
	who      int             // tracking index, −1 unattributed
	byCode   bool            // credited by code
	reason   int             // for who < 0: reasonNoCode … reasonClickLate
	gross    decimal.Decimal // Amount
	net      decimal.Decimal // Amount − refunds and cancellation before AsOf
	grossU   int64           // gross and net in units of 10^credited.exp, when credited.fast
	netU     int64
	canceled bool
	first    bool // the customer's first order
	customer int  // index of the customer, −1 none
}

const (
	reasonNoCode = iota
	reasonUnknownCode
	reasonCodeLate
	reasonClickLate
)

// credited holds the validated sales of one CreditSales call.
type credited struct {
	fn        string
	cfg       SalesConfig
	currency  budget.Currency
	sales     []creditedSale
	customers int
	firstOf   []int // per customer, index into sales of the first order (−1 none)
	afterAsOf int64
	costs     []*budget.Money // per tracking index
	// fast: every gross and net is an int64 number of units of 10^exp
	// (grossU, netU), so sums are Sum128s, not decimals.
	fast bool
	exp  int32
}

// newCredited validates and credits the sales.
func newCredited(fn string, sales []Sale, tracking []Tracking, cfg SalesConfig) (*credited, error) {
	if err := cfg.validate(fn); err != nil {
		return nil, err
	}
	mt, err := newMatcher(fn, tracking)
	if err != nil {
		return nil, err
	}
	cs := &credited{fn: fn, cfg: cfg, sales: make([]creditedSale, 0, len(sales))}
	var oa OrderAttribution
	ids := make(map[string]bool, len(sales))
	custIndex := map[string]int{}
	for i := range sales {
		s := &sales[i]
		if err := oa.checkOrder(fn, i, s.Order, ids); err != nil {
			return nil, err
		}
		if err := checkSale(fn, i, s); err != nil {
			return nil, err
		}
		if !s.Time.Before(cfg.AsOf) {
			cs.afterAsOf++
			continue
		}
		c, err := cs.credit(mt, i, s)
		if err != nil {
			return nil, err
		}
		c.customer = -1
		if s.Customer != "" {
			k, ok := custIndex[s.Customer]
			if !ok {
				k = len(custIndex)
				custIndex[s.Customer] = k
			}
			c.customer = k
		}
		cs.sales = append(cs.sales, c)
	}
	cs.currency, cs.customers = oa.Currency, len(custIndex)
	if err := cs.setCosts(tracking); err != nil {
		return nil, err
	}
	cs.markFirst(sales)
	cs.scale()
	return cs, nil
}

// checkSale validates what a Sale adds to its Order.
func checkSale(fn string, i int, s *Sale) error {
	field := func(f string) string { return "sales[" + strconv.Itoa(i) + "]." + f }
	if err := checkLen(fn, field("Customer"), s.Customer); err != nil {
		return err
	}
	if !s.ClickedAt.IsZero() && s.ClickedAt.After(s.Time) {
		return errs.New(ErrInvalid, fn, field("ClickedAt"), "after the order", s.ClickedAt.Format(time.RFC3339Nano))
	}
	if !s.CancelledAt.IsZero() && s.CancelledAt.Before(s.Time) {
		return errs.New(ErrInvalid, fn, field("CancelledAt"), "before the order", s.CancelledAt.Format(time.RFC3339Nano))
	}
	sum := decimal.Zero
	for k, r := range s.Refunds {
		f := errs.Index(field("Refunds"), k)
		if err := limit.Decimal(fn, f+".Amount", r.Amount); err != nil {
			return err
		}
		if !r.Amount.IsPositive() {
			return errs.New(ErrNonPositive, fn, f+".Amount", "", r.Amount)
		}
		if r.At.Before(s.Time) {
			return errs.New(ErrInvalid, fn, f+".At", "before the order", r.At.Format(time.RFC3339Nano))
		}
		if sum = sum.Add(r.Amount); sum.GreaterThan(s.Amount) {
			return errs.New(ErrInvalid, fn, f+".Amount", "refunds beyond the order's amount "+errs.Decimal(s.Amount), r.Amount)
		}
	}
	return nil
}

// credit decides who is credited with sale i and its net as of AsOf.
func (cs *credited) credit(mt *matcher, i int, s *Sale) (creditedSale, error) {
	c := creditedSale{i: i, at: s.Time, who: -1, gross: s.Amount}
	asOf := cs.cfg.AsOf
	c.canceled = !s.CancelledAt.IsZero() && s.CancelledAt.Before(asOf)
	c.net = s.Amount
	if c.canceled {
		c.net = decimal.Zero
	} else {
		for _, r := range s.Refunds {
			if r.At.Before(asOf) {
				c.net = c.net.Sub(r.Amount)
			}
		}
	}
	code := normCode(s.Code)
	j, known := mt.codes[code]
	if known && cs.cfg.codeWindow(s.Time) {
		c.who, c.byCode = j, true
		return c, nil
	}
	link := -1
	if strings.TrimSpace(s.LandingURL) != "" {
		u, err := ParseUTM(s.LandingURL)
		if err != nil {
			return c, errs.New(ErrInvalid, cs.fn, "sales["+strconv.Itoa(i)+"].LandingURL", "not a URL", s.LandingURL)
		}
		if !u.IsZero() {
			link = mt.matchLink(u)
		}
	}
	if link >= 0 && (s.ClickedAt.IsZero() || s.Time.Sub(s.ClickedAt) < cs.cfg.lookback()) {
		c.who = link
		return c, nil
	}
	switch {
	case link >= 0:
		c.reason = reasonClickLate
	case known:
		c.reason = reasonCodeLate
	case code != "":
		c.reason = reasonUnknownCode
	}
	return c, nil
}

// setCosts checks cfg.Costs against tracking and the orders' currency.
func (cs *credited) setCosts(tracking []Tracking) error {
	cs.costs = make([]*budget.Money, len(tracking))
	idx := make(map[string]int, len(tracking))
	for i, tr := range tracking {
		idx[tr.Influencer] = i
	}
	names := make([]string, 0, len(cs.cfg.Costs))
	for name := range cs.cfg.Costs {
		names = append(names, name)
	}
	slices.Sort(names) // the first bad one in a fixed order
	for _, name := range names {
		m := cs.cfg.Costs[name]
		i, ok := idx[name]
		if !ok {
			return errs.New(ErrInvalid, cs.fn, "Costs", "not an influencer of tracking", name)
		}
		if cs.currency.IsValid() && m.Currency != cs.currency {
			return mismatch(cs.fn, "Costs["+name+"]", cs.currency, m.Currency)
		}
		cs.costs[i] = &m
	}
	return nil
}

// markFirst marks each customer's first order: the earliest by Time, then
// ID, of their orders not cancelled before AsOf.
func (cs *credited) markFirst(sales []Sale) {
	cs.firstOf = make([]int, cs.customers)
	for k := range cs.firstOf {
		cs.firstOf[k] = -1
	}
	for n, c := range cs.sales {
		if c.customer < 0 || c.canceled {
			continue
		}
		f := cs.firstOf[c.customer]
		if f < 0 || earlier(&sales[c.i], &sales[cs.sales[f].i]) {
			cs.firstOf[c.customer] = n
		}
	}
	for _, f := range cs.firstOf {
		if f >= 0 {
			cs.sales[f].first = true
		}
	}
}

func earlier(a, b *Sale) bool {
	if c := a.Time.Compare(b.Time); c != 0 {
		return c < 0
	}
	return a.ID < b.ID
}

// money returns d in the report's currency.
func (cs *credited) money(d decimal.Decimal) budget.Money {
	return budget.Money{Amount: d, Currency: cs.currency}
}

// ratios sets CAC, CPA and ROAS from Cost.
func (s *CreatorSales) ratios() {
	if s.Cost == nil {
		return
	}
	cost := s.Cost.Amount
	if s.NewCustomers > 0 {
		s.CAC = &budget.Money{Amount: exact.Div(cost, decimal.NewFromInt(s.NewCustomers)), Currency: s.Cost.Currency}
	}
	if n := s.Orders - s.Cancelled; n > 0 {
		s.CPA = &budget.Money{Amount: exact.Div(cost, decimal.NewFromInt(n)), Currency: s.Cost.Currency}
	}
	if cost.IsPositive() {
		r := exact.Div(s.Net.Amount, cost)
		s.ROAS = &r
	}
}

// sortCreators sorts the creators by name, stably.
func sortCreators(cr []CreatorSales) {
	slices.SortStableFunc(cr, func(a, b CreatorSales) int { return cmp.Compare(a.Influencer, b.Influencer) })
}
