package roi

import (
	"cmp"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/influencekit/influencekit/internal/csvx"
	"github.com/shopspring/decimal"
)

// Order is one sale from a shop export.
type Order struct {
	ID         string          `json:"id"`
	Time       time.Time       `json:"time"`
	Amount     decimal.Decimal `json:"amount"`   // what the customer paid, after discounts; not negative
	Currency   string          `json:"currency"` // ISO 4217 code, e.g. "EUR"
	Code       string          `json:"code,omitempty"`
	LandingURL string          `json:"landing_url,omitempty"` // the first page of the visit, with its utm_* parameters
}

// UTM holds the utm_* parameters of a link (Google Analytics' campaign
// parameters): utm_source, utm_medium, utm_campaign, utm_term, utm_content.
type UTM struct {
	Source   string `json:"source,omitempty"`
	Medium   string `json:"medium,omitempty"`
	Campaign string `json:"campaign,omitempty"`
	Term     string `json:"term,omitempty"`
	Content  string `json:"content,omitempty"`
}

// ParseUTM returns the utm_* parameters of rawURL (absolute, or a path with
// a query as shops record landing pages). Parameter names are matched
// ignoring case; values are percent-decoded and trimmed, and the first
// non-empty one of repeated parameters in the URL wins, whatever its
// spelling (in ?UTM_SOURCE=a&utm_source=b the source is "a"). A URL that
// net/url cannot parse is [ErrInvalid].
func ParseUTM(rawURL string) (UTM, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return UTM{}, errf("ParseUTM", "url", ErrInvalid, rawURL)
	}
	if _, err := url.ParseQuery(u.RawQuery); err != nil {
		return UTM{}, errf("ParseUTM", "url", ErrInvalid, rawURL)
	}
	var m UTM
	// In the URL's order (url.Values would lose it across "utm_source" and
	// "UTM_SOURCE"), so that the first occurrence wins.
	for _, kv := range strings.Split(u.RawQuery, "&") {
		rk, rv, _ := strings.Cut(kv, "=")
		k, err1 := url.QueryUnescape(rk)
		v, err2 := url.QueryUnescape(rv)
		if err1 != nil || err2 != nil { // ParseQuery accepted it: not reached
			return UTM{}, errf("ParseUTM", "url", ErrInvalid, rawURL)
		}
		v = strings.TrimSpace(v)
		var dst *string
		switch strings.ToLower(k) {
		case "utm_source":
			dst = &m.Source
		case "utm_medium":
			dst = &m.Medium
		case "utm_campaign":
			dst = &m.Campaign
		case "utm_term":
			dst = &m.Term
		case "utm_content":
			dst = &m.Content
		default:
			continue
		}
		if *dst == "" {
			*dst = v
		}
	}
	return m, nil
}

// IsZero reports whether every parameter is empty.
func (u UTM) IsZero() bool { return u == UTM{} }

// matches reports whether every non-empty field of pattern u equals the
// link's, ignoring case.
func (u UTM) matches(link UTM) bool {
	f := func(p, v string) bool { return p == "" || strings.EqualFold(p, v) }
	return f(u.Source, link.Source) && f(u.Medium, link.Medium) && f(u.Campaign, link.Campaign) &&
		f(u.Term, link.Term) && f(u.Content, link.Content)
}

func (u UTM) fold() UTM {
	l := strings.ToLower
	return UTM{l(strings.TrimSpace(u.Source)), l(strings.TrimSpace(u.Medium)), l(strings.TrimSpace(u.Campaign)), l(strings.TrimSpace(u.Term)), l(strings.TrimSpace(u.Content))}
}

// Tracking says how an influencer's sales are recognised: by the discount
// codes given to them, and by the UTM parameters of their links. A link
// pattern matches a landing URL when each of its non-empty fields equals the
// URL's parameter, ignoring case: UTM{Source: "instagram", Campaign: "anna"}
// matches ?utm_source=Instagram&utm_medium=story&utm_campaign=anna.
type Tracking struct {
	Influencer string   `json:"influencer"`
	Codes      []string `json:"codes,omitempty"`
	Links      []UTM    `json:"links,omitempty"`
}

// InfluencerSales is what the orders credit to one influencer.
type InfluencerSales struct {
	Influencer string          `json:"influencer"`
	Orders     int64           `json:"orders"`
	Revenue    decimal.Decimal `json:"revenue"`
	ByCode     int64           `json:"by_code"` // orders recognised by discount code
	ByLink     int64           `json:"by_link"` // orders recognised by link only
}

// CodeCount counts the orders that carried a code.
type CodeCount struct {
	Code   string `json:"code"`
	Orders int64  `json:"orders"`
}

// Unattributed is what no influencer is credited with. Such orders are
// counted, never dropped.
type Unattributed struct {
	Orders       int64           `json:"orders"`
	Revenue      decimal.Decimal `json:"revenue"`
	NoCode       int64           `json:"no_code"`       // orders without a code and without a matching link
	UnknownCode  int64           `json:"unknown_code"`  // orders whose code no influencer has, and no matching link
	UnknownCodes []CodeCount     `json:"unknown_codes"` // those codes (trimmed, upper-cased), by code
}

// OrderAttribution is the result of [AttributeOrders]. Σ Influencers +
// Unattributed = Total, exactly, in orders and in revenue.
type OrderAttribution struct {
	Currency     string            `json:"currency"`
	Influencers  []InfluencerSales `json:"influencers"` // one per Tracking entry, sorted by Influencer
	Unattributed Unattributed      `json:"unattributed"`
	Total        InfluencerSales   `json:"total"` // Influencer is empty
}

// AttributeOrders credits each order to at most one influencer:
//
//  1. by its discount code, matched to the tracking codes after trimming
//     spaces and ignoring case (a code is the strongest signal: the customer
//     typed it);
//  2. otherwise by its landing URL: the first Tracking entry, in the order
//     given, with a link pattern matching the URL's utm_* parameters
//     (see [ParseUTM]);
//  3. otherwise the order is unattributed, counted as NoCode or UnknownCode.
//
// Every influencer in tracking appears in the result, with zeros if nothing
// matched. All orders must be in one currency.
//
// Errors: an order with an empty or duplicate ID ([ErrInvalid],
// [ErrDuplicateOrder]), a negative amount ([ErrNegative]), a missing or
// mixed currency ([ErrCurrency]), an unparsable landing URL ([ErrInvalid]);
// a tracking entry without a name or with a name listed twice, an empty
// code or an all-empty link pattern, which would match everything
// ([ErrInvalid]); a code or link pattern claimed by two influencers
// ([ErrDuplicateCode]).
func AttributeOrders(orders []Order, tracking []Tracking) (OrderAttribution, error) {
	const fn = "AttributeOrders"
	codes := map[string]int{}
	type link struct {
		pattern UTM
		who     int
	}
	var links []link
	seenLink := map[UTM]int{}
	res := OrderAttribution{Influencers: make([]InfluencerSales, len(tracking))}
	names := map[string]bool{}
	for i, tr := range tracking {
		if strings.TrimSpace(tr.Influencer) == "" {
			return OrderAttribution{}, errf(fn, fmt.Sprintf("tracking[%d].Influencer", i), ErrInvalid, `""`)
		}
		if names[tr.Influencer] {
			return OrderAttribution{}, errf(fn, fmt.Sprintf("tracking[%d].Influencer", i), ErrInvalid, "listed twice: "+tr.Influencer)
		}
		names[tr.Influencer] = true
		res.Influencers[i] = InfluencerSales{Influencer: tr.Influencer, Revenue: decimal.Zero}
		for _, c := range tr.Codes {
			k := normCode(c)
			if k == "" {
				return OrderAttribution{}, errf(fn, fmt.Sprintf("tracking[%d].Codes", i), ErrInvalid, `""`)
			}
			if j, dup := codes[k]; dup && j != i {
				return OrderAttribution{}, errf(fn, fmt.Sprintf("tracking[%d].Codes", i), ErrDuplicateCode, c)
			}
			codes[k] = i
		}
		for _, l := range tr.Links {
			k := l.fold()
			if k.IsZero() {
				return OrderAttribution{}, errf(fn, fmt.Sprintf("tracking[%d].Links", i), ErrInvalid, "empty pattern")
			}
			if j, dup := seenLink[k]; dup && j != i {
				return OrderAttribution{}, errf(fn, fmt.Sprintf("tracking[%d].Links", i), ErrDuplicateCode, k)
			}
			seenLink[k] = i
			links = append(links, link{k, i})
		}
	}
	ids := make(map[string]bool, len(orders))
	unknown := map[string]int64{}
	var revenue = make([][]decimal.Decimal, len(tracking))
	var unattributed, total []decimal.Decimal
	for i, o := range orders {
		field := func(f string) string { return fmt.Sprintf("orders[%d].%s", i, f) }
		if strings.TrimSpace(o.ID) == "" {
			return OrderAttribution{}, errf(fn, field("ID"), ErrInvalid, `""`)
		}
		if ids[o.ID] {
			return OrderAttribution{}, errf(fn, field("ID"), ErrDuplicateOrder, o.ID)
		}
		ids[o.ID] = true
		if !expOK(o.Amount) {
			return OrderAttribution{}, expErr(fn, field("Amount"), o.Amount)
		}
		if o.Amount.IsNegative() {
			return OrderAttribution{}, errf(fn, field("Amount"), ErrNegative, o.Amount)
		}
		cur := strings.ToUpper(strings.TrimSpace(o.Currency))
		if cur == "" {
			return OrderAttribution{}, errf(fn, field("Currency"), ErrCurrency, `""`)
		}
		if res.Currency == "" {
			res.Currency = cur
		} else if cur != res.Currency {
			return OrderAttribution{}, errf(fn, field("Currency"), ErrCurrency, cur+" after "+res.Currency)
		}
		who, byCode := -1, false
		code := normCode(o.Code)
		if code != "" {
			if j, ok := codes[code]; ok {
				who, byCode = j, true
			}
		}
		if who < 0 && strings.TrimSpace(o.LandingURL) != "" {
			u, err := ParseUTM(o.LandingURL)
			if err != nil {
				return OrderAttribution{}, errf(fn, field("LandingURL"), ErrInvalid, o.LandingURL)
			}
			if !u.IsZero() {
				for _, l := range links {
					if l.pattern.matches(u) {
						who = l.who
						break
					}
				}
			}
		}
		total = append(total, o.Amount)
		res.Total.Orders++
		switch {
		case who >= 0:
			s := &res.Influencers[who]
			s.Orders++
			if byCode {
				s.ByCode++
				res.Total.ByCode++
			} else {
				s.ByLink++
				res.Total.ByLink++
			}
			revenue[who] = append(revenue[who], o.Amount)
		default:
			res.Unattributed.Orders++
			unattributed = append(unattributed, o.Amount)
			if code == "" {
				res.Unattributed.NoCode++
			} else {
				res.Unattributed.UnknownCode++
				unknown[code]++
			}
		}
	}
	for i := range res.Influencers {
		res.Influencers[i].Revenue = decimal.Sum(decimal.Zero, revenue[i]...)
	}
	res.Unattributed.Revenue = decimal.Sum(decimal.Zero, unattributed...)
	res.Total.Revenue = decimal.Sum(decimal.Zero, total...)
	res.Unattributed.UnknownCodes = make([]CodeCount, 0, len(unknown))
	for c, n := range unknown {
		res.Unattributed.UnknownCodes = append(res.Unattributed.UnknownCodes, CodeCount{c, n})
	}
	slices.SortFunc(res.Unattributed.UnknownCodes, func(a, b CodeCount) int { return cmp.Compare(a.Code, b.Code) })
	slices.SortStableFunc(res.Influencers, func(a, b InfluencerSales) int { return cmp.Compare(a.Influencer, b.Influencer) })
	return res, nil
}

func normCode(c string) string { return strings.ToUpper(strings.TrimSpace(c)) }

// ReadOrders reads orders from a comma-separated shop export with a header
// row. Columns are found by name, ignoring case, spacing, "_", "-" and ".":
//
//	id        "id", "order id", "order", "name", "order number"
//	time      "created at", "time", "date", "order date", "processed at"
//	amount    "total", "amount", "total price", "revenue", "order total"
//	currency  "currency" (optional: defaultCurrency is used when absent or empty)
//	code      "discount code", "code", "coupon", "promo code" (optional)
//	url       "landing site", "landing url", "landing page", "url" (optional)
//
// Times are RFC 3339, "2006-01-02 15:04:05 -0700" (Shopify), or
// "2006-01-02 15:04:05" / "2006-01-02T15:04:05" / "2006-01-02" read as UTC.
// Amounts are plain decimals ("1234.50": no currency signs or thousands
// separators), parsed exactly. A UTF-8 BOM and CRLF are accepted. Errors are
// [*ParseError] values with the line and column, wrapping [ErrMissingColumn]
// (also for an empty input), [ErrInvalid] (also malformed CSV, with the
// encoding/csv error), [ErrNegative], [ErrCurrency] or [ErrDuplicateOrder];
// a failing reader's own error comes back in a *ParseError without a line.
func ReadOrders(r io.Reader, defaultCurrency string) ([]Order, error) {
	const fn = "roi.ReadOrders"
	cr, err := csvx.NewReader(fn, r, ',')
	if err != nil {
		return nil, readErr(err)
	}
	cols := struct{ id, time, amount, cur, code, url int }{
		cr.Column("id", "order id", "order", "name", "order number"),
		cr.Column("created at", "time", "date", "order date", "processed at"),
		cr.Column("total", "amount", "total price", "revenue", "order total"),
		cr.Column("currency"),
		cr.Column("discount code", "code", "coupon", "promo code", "discount codes"),
		cr.Column("landing site", "landing url", "landing page", "url"),
	}
	for _, req := range []struct {
		name string
		col  int
	}{{"id", cols.id}, {"time", cols.time}, {"amount", cols.amount}} {
		if req.col < 0 {
			return nil, &ParseError{Func: fn, Line: 1, Value: req.name, Err: ErrMissingColumn}
		}
	}
	var out []Order
	seen := map[string]bool{}
	for {
		rec, err := cr.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, readErr(err)
		}
		o := Order{ID: rec.Field(cols.id), Code: rec.Field(cols.code), LandingURL: rec.Field(cols.url)}
		if o.ID == "" {
			return nil, rec.Errorf(cols.id, ErrInvalid)
		}
		if seen[o.ID] {
			return nil, rec.Errorf(cols.id, ErrDuplicateOrder)
		}
		seen[o.ID] = true
		if o.Time, err = parseTime(rec.Field(cols.time)); err != nil {
			return nil, rec.Errorf(cols.time, ErrInvalid)
		}
		s := rec.Field(cols.amount)
		if o.Amount, err = parseDecimal(s); err != nil {
			return nil, rec.Errorf(cols.amount, ErrInvalid)
		}
		if o.Amount.IsNegative() {
			return nil, rec.Errorf(cols.amount, ErrNegative)
		}
		o.Currency = strings.ToUpper(rec.Field(cols.cur))
		if o.Currency == "" {
			o.Currency = strings.ToUpper(strings.TrimSpace(defaultCurrency))
		}
		if len(o.Currency) != 3 || strings.IndexFunc(o.Currency, func(r rune) bool { return r < 'A' || r > 'Z' }) >= 0 {
			return nil, rec.Errorf(cols.cur, ErrCurrency)
		}
		out = append(out, o)
	}
}

var timeLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02"}

func parseTime(s string) (time.Time, error) {
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, ErrInvalid
}
