package roi

import (
	"io"
	"strings"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/csvx"
	"github.com/shopspring/decimal"
)

// SalesColumns maps the columns of a shop's orders export to a [Sale], for
// [ReadSales]: each field lists the header names accepted for it, matched
// ignoring case, spacing, "_", "-" and ".", the first present one used. A
// nil field means Shopify's names (see [ShopifyColumns]), so the zero
// SalesColumns reads Shopify's orders export; an empty non-nil slice means
// the shop has no such column.
type SalesColumns struct {
	ID     []string // required; Shopify "Name" (#1001), shared by an order's line-item rows
	Time   []string // required; Shopify "Created at"
	Amount []string // required; what the customer paid; Shopify "Total"
	// Currency: an ISO 4217 code; ReadSales' default when absent or empty.
	Currency []string
	Code     []string // discount code; Shopify "Discount Code"
	// FinancialStatus: Shopify's "Financial Status": pending, authorized,
	// partially_paid, paid, partially_refunded, refunded, voided, expired
	// (or empty). Voided and expired orders are cancelled; a refunded
	// order without a refunded amount is refunded in full.
	FinancialStatus []string
	Refunded        []string // total refunded amount; Shopify "Refunded Amount"
	RefundedAt      []string // when it was refunded (not in Shopify's export)
	CancelledAt     []string // Shopify "Cancelled at"
	Customer        []string // customer ID; Shopify "Customer ID"
	// Email is used only when the row has no customer ID: hashed with
	// [HashEmail] as soon as it is read, never kept nor printed.
	Email      []string
	LandingURL []string // Shopify "Landing Site"
	Referrer   []string // used for the link when the landing URL is empty; Shopify "Referring Site"
	ClickedAt  []string // when the link was clicked (not in Shopify's export)
}

// ShopifyColumns returns the column names of Shopify's orders export (and
// the few extra columns ReadSales reads under their plain names).
func ShopifyColumns() SalesColumns {
	return SalesColumns{
		ID: []string{"Name"}, Time: []string{"Created at"}, Amount: []string{"Total"},
		Currency: []string{"Currency"}, Code: []string{"Discount Code"},
		FinancialStatus: []string{"Financial Status"}, Refunded: []string{"Refunded Amount"},
		RefundedAt: []string{"Refunded at"}, CancelledAt: []string{"Cancelled at"},
		Customer: []string{"Customer ID"}, Email: []string{"Email"},
		LandingURL: []string{"Landing Site"}, Referrer: []string{"Referring Site"},
		ClickedAt: []string{"Clicked at"},
	}
}

// sales column slots, in SalesColumns' order.
const (
	scID = iota
	scTime
	scAmount
	scCurrency
	scCode
	scStatus
	scRefunded
	scRefundedAt
	scCancelledAt
	scCustomer
	scEmail
	scLanding
	scReferrer
	scClickedAt
	scN
)

// names returns the header names of every slot, Shopify's for nil.
func (c SalesColumns) names() [scN][]string {
	s := ShopifyColumns()
	out := [scN][]string{c.ID, c.Time, c.Amount, c.Currency, c.Code, c.FinancialStatus, c.Refunded,
		c.RefundedAt, c.CancelledAt, c.Customer, c.Email, c.LandingURL, c.Referrer, c.ClickedAt}
	def := [scN][]string{s.ID, s.Time, s.Amount, s.Currency, s.Code, s.FinancialStatus, s.Refunded,
		s.RefundedAt, s.CancelledAt, s.Customer, s.Email, s.LandingURL, s.Referrer, s.ClickedAt}
	for i := range out {
		if out[i] == nil {
			out[i] = def[i]
		}
	}
	return out
}

// cell is one order-level value and the line it came from.
type cell struct {
	v    string
	line int
}

// saleRows is one order gathered from its rows.
type saleRows struct {
	cells [scN]cell
	line  int // the order's first row
}

// ReadSales reads a shop's orders export (comma-separated, a header row),
// one row per order or per line item, with the columns cols names (the
// zero SalesColumns: Shopify's export). The rows of one order (the same ID,
// anywhere in the file) are one Sale: an order-level field is taken from
// the row that fills it (Shopify fills them on the first line item only),
// and two rows filling it differently are [ErrInvalid]. Sales come in the
// order of their first row.
//
// Each Sale is: Amount the amount column; a refunded amount becomes one
// Refund, dated by the refunded-at column, else the cancelled-at time,
// else the order's time (an export without refund dates cannot tell a
// refund after the report date: give the dates when you have them);
// Customer the customer ID, else the hashed e-mail; LandingURL the landing
// URL, else the referrer. Times and amounts read as in [ReadOrders].
//
// Errors are [*ParseError] values with the line and column (never showing
// an e-mail), wrapping [ErrMissingColumn] (no ID, time or amount column),
// [ErrEmpty] (no header row), [ErrSyntax] (a malformed time or amount, or
// malformed CSV), [ErrInvalid] (an empty ID, an unknown currency or
// financial status, refunds beyond the amount, a click after the order,
// rows of one order that disagree), [ErrNegative] or [ErrTooLarge] (a
// text longer than [MaxTextLen]); a nil r is [ErrInvalid]. Work and memory
// are linear in the input.
func ReadSales(r io.Reader, cols SalesColumns, defaultCurrency budget.Currency) ([]Sale, error) {
	const fn = "roi.ReadSales"
	cr, err := csvx.NewReader(fn, r, ',')
	if err != nil {
		return nil, err
	}
	var idx [scN]int
	for i, names := range cols.names() {
		idx[i] = cr.Column(names...)
	}
	for _, req := range [...]int{scID, scTime, scAmount} {
		if idx[req] < 0 {
			return nil, &ParseError{Func: fn, Line: 1, Value: strings.Join(cols.names()[req], " / "), Err: ErrMissingColumn}
		}
	}
	orders, err := gatherRows(cr, &idx)
	if err != nil {
		return nil, err
	}
	out := make([]Sale, 0, len(orders))
	for _, o := range orders {
		s, err := o.sale(fn, cr.Header(), &idx, defaultCurrency)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// gatherRows reads every row and gathers them by order ID.
func gatherRows(cr *csvx.Reader, idx *[scN]int) ([]*saleRows, error) {
	var orders []*saleRows
	byID := map[string]*saleRows{}
	for {
		rec, err := cr.Next()
		if err == io.EOF {
			return orders, nil
		}
		if err != nil {
			return nil, err
		}
		id := rec.Field(idx[scID])
		if len(id) > MaxTextLen {
			return nil, rec.Errorf(idx[scID], ErrTooLarge)
		}
		if id == "" {
			return nil, rec.Errorf(idx[scID], ErrInvalid)
		}
		o := byID[id]
		if o == nil {
			o = &saleRows{line: rec.Line}
			byID[id] = o
			orders = append(orders, o)
		}
		if err := o.add(rec, idx); err != nil {
			return nil, err
		}
	}
}

// add takes the row's order-level values.
func (o *saleRows) add(rec csvx.Record, idx *[scN]int) error {
	for k, col := range idx {
		v := rec.Field(col)
		if v == "" {
			continue
		}
		if k == scEmail {
			v = hashEmail(v) // the address is not kept, nor shown in an error
		} else if len(v) > MaxTextLen {
			return rec.Errorf(col, ErrTooLarge)
		}
		switch c := &o.cells[k]; {
		case c.v == "":
			*c = cell{v, rec.Line}
		case c.v != v:
			e := rec.Errorf(col, ErrInvalid)
			if k == scEmail {
				e.Value = "(an e-mail address)"
			}
			return e
		}
	}
	return nil
}

// fail returns the *ParseError for slot k of o.
func (o *saleRows) fail(fn string, header []string, idx *[scN]int, k int, err error) error {
	line, col := o.cells[k].line, idx[k]
	if line == 0 {
		line = o.line
	}
	e := &ParseError{Func: fn, Line: line, Value: o.cells[k].v, Err: err}
	if col >= 0 {
		e.Column = col + 1
		if col < len(header) {
			e.Header = strings.Join(strings.Fields(header[col]), " ")
		}
	}
	return e
}

// financial statuses that ReadSales knows, and whether each cancels.
var financialStatus = map[string]bool{
	"": false, "pending": false, "authorized": false, "partially_paid": false, "paid": false,
	"partially_refunded": false, "refunded": false, "voided": true, "expired": true,
}

// sale converts the gathered rows to a Sale.
func (o *saleRows) sale(fn string, header []string, idx *[scN]int, cur budget.Currency) (Sale, error) {
	v := func(k int) string { return o.cells[k].v }
	s := Sale{Order: Order{ID: v(scID), Code: v(scCode), LandingURL: v(scLanding), Currency: cur}, Customer: v(scCustomer)}
	if s.LandingURL == "" {
		s.LandingURL = v(scReferrer)
	}
	if s.Customer == "" {
		s.Customer = v(scEmail)
	}
	var err error
	if s.Time, err = parseTime(v(scTime)); err != nil {
		return Sale{}, o.fail(fn, header, idx, scTime, ErrSyntax)
	}
	if s.Amount, err = parseDecimal(v(scAmount)); err != nil {
		return Sale{}, o.fail(fn, header, idx, scAmount, ErrSyntax)
	}
	if s.Amount.IsNegative() {
		return Sale{}, o.fail(fn, header, idx, scAmount, ErrNegative)
	}
	if c := v(scCurrency); c != "" {
		if s.Currency, err = budget.ParseCurrency(c); err != nil {
			return Sale{}, o.fail(fn, header, idx, scCurrency, ErrInvalid)
		}
	}
	if !s.Currency.IsValid() {
		return Sale{}, o.fail(fn, header, idx, scCurrency, ErrInvalid)
	}
	for _, t := range [...]struct {
		k   int
		dst *time.Time
	}{{scClickedAt, &s.ClickedAt}, {scCancelledAt, &s.CancelledAt}} {
		if v(t.k) == "" {
			continue
		}
		if *t.dst, err = parseTime(v(t.k)); err != nil {
			return Sale{}, o.fail(fn, header, idx, t.k, ErrSyntax)
		}
	}
	if !s.ClickedAt.IsZero() && s.ClickedAt.After(s.Time) {
		return Sale{}, o.fail(fn, header, idx, scClickedAt, ErrInvalid)
	}
	if !s.CancelledAt.IsZero() && s.CancelledAt.Before(s.Time) {
		return Sale{}, o.fail(fn, header, idx, scCancelledAt, ErrInvalid)
	}
	return s, o.status(fn, header, idx, &s)
}

// status applies the financial status and the refunded amount to s.
func (o *saleRows) status(fn string, header []string, idx *[scN]int, s *Sale) error {
	st := strings.ReplaceAll(strings.ToLower(o.cells[scStatus].v), " ", "_")
	cancels, known := financialStatus[st]
	if !known {
		return o.fail(fn, header, idx, scStatus, ErrInvalid)
	}
	if cancels && s.CancelledAt.IsZero() {
		s.CancelledAt = s.Time
	}
	refunded := decimal.Zero
	if r := o.cells[scRefunded].v; r != "" {
		var err error
		if refunded, err = parseDecimal(r); err != nil {
			return o.fail(fn, header, idx, scRefunded, ErrSyntax)
		}
		if refunded.IsNegative() {
			return o.fail(fn, header, idx, scRefunded, ErrNegative)
		}
	} else if st == "refunded" {
		refunded = s.Amount
	}
	if refunded.GreaterThan(s.Amount) {
		return o.fail(fn, header, idx, scRefunded, ErrInvalid)
	}
	if !refunded.IsPositive() {
		return nil
	}
	at := s.Time
	if !s.CancelledAt.IsZero() {
		at = s.CancelledAt
	}
	if r := o.cells[scRefundedAt].v; r != "" {
		var err error
		if at, err = parseTime(r); err != nil {
			return o.fail(fn, header, idx, scRefundedAt, ErrSyntax)
		}
		if at.Before(s.Time) {
			return o.fail(fn, header, idx, scRefundedAt, ErrInvalid)
		}
	}
	s.Refunds = []Refund{{At: at, Amount: refunded}}
	return nil
}
