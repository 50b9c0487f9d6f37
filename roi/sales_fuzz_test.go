package roi

import (
	"bytes"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/shopspring/decimal"
)

// FuzzReadSales: ReadSales never panics; it returns sales or a
// *ParseError with a line wrapping a sentinel; what it returns credits with
// parts that sum to the totals, and no Customer is an e-mail address
// (only its hash).
func FuzzReadSales(f *testing.F) {
	f.Add([]byte(shopifyExport))
	f.Add([]byte("Name,Email,Total,Created at,Financial Status,Refunded Amount,Refunded at,Clicked at,Landing Site\n" +
		"#1,a@b.example,10,2026-03-01,partially_refunded,4,2026-03-02,2026-02-28,/?utm_campaign=ben\n#1,,,,,,,,\n#2,c@d.example,5,2026-03-01,voided,,,,\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		sales, err := ReadSales(bytes.NewReader(in), SalesColumns{}, eur)
		if err != nil {
			checkParseErr(t, err)
			return
		}
		for _, s := range sales {
			if s.Customer != "" && bytes.Contains([]byte(s.Customer), []byte("@")) {
				t.Fatalf("customer %q kept an address", s.Customer)
			}
		}
		tracking := []Tracking{{Influencer: "anna", Codes: []string{"ANNA10"}}, {Influencer: "ben", Links: []UTM{{Campaign: "ben"}}}}
		rep, err := CreditSales(sales, tracking, SalesConfig{AsOf: time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			if !errors.Is(err, ErrCurrencyMismatch) && !errors.Is(err, ErrInvalid) {
				t.Fatal(err)
			}
			return
		}
		n, net := rep.Unattributed.Orders, rep.Unattributed.Net
		for _, c := range rep.Creators {
			n += c.Orders
			var err error
			if net, err = net.Add(c.Net); err != nil && rep.Currency != (budget.Currency{}) {
				t.Fatal(err)
			}
		}
		if n+rep.AfterAsOf != int64(len(sales)) || n != rep.Total.Orders || !net.Amount.Equal(rep.Total.Net.Amount) {
			t.Fatalf("parts %d/%v, total %d/%v, %d sales", n, net, rep.Total.Orders, rep.Total.Net, len(sales))
		}
	})
}

// FuzzCreditSales: on sales built from the fuzzer's bytes (times, amounts,
// refunds, cancellations, clicks, codes, links and customers), CreditSales
// never panics, returns a result or a sentinel error, and its parts add
// up: Σ creators + unattributed = total in orders, gross and net; Net =
// Gross − Refunded ≥ 0; every new customer of a cohort is complete or open.
func FuzzCreditSales(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Add([]byte("refunds, windows and cohorts: a longer seed of bytes"))
	f.Fuzz(func(t *testing.T, in []byte) {
		sales, tracking, cfg := fuzzSales(in)
		rep, err := CreditSales(sales, tracking, cfg)
		if err != nil {
			checkErr(t, "CreditSales", err)
			return
		}
		n, gross, net := rep.Unattributed.Orders, rep.Unattributed.Gross.Amount, rep.Unattributed.Net.Amount
		for _, c := range append(rep.Creators, rep.Total) {
			if !c.Net.Amount.Equal(c.Gross.Amount.Sub(c.Refunded.Amount)) || c.Net.Amount.IsNegative() {
				t.Fatalf("%q: gross %v, refunded %v, net %v", c.Influencer, c.Gross, c.Refunded, c.Net)
			}
			for _, cv := range c.Cohorts {
				if cv.Customers+cv.Open != c.NewCustomers {
					t.Fatalf("%q cohort %d: %d + %d != %d new", c.Influencer, cv.Days, cv.Customers, cv.Open, c.NewCustomers)
				}
			}
		}
		for _, c := range rep.Creators {
			n, gross, net = n+c.Orders, gross.Add(c.Gross.Amount), net.Add(c.Net.Amount)
		}
		if n != rep.Total.Orders || !gross.Equal(rep.Total.Gross.Amount) || !net.Equal(rep.Total.Net.Amount) || n+rep.AfterAsOf != int64(len(sales)) {
			t.Fatalf("parts %d/%v/%v, total %d/%v/%v", n, gross, net, rep.Total.Orders, rep.Total.Gross, rep.Total.Net)
		}
	})
}

// fuzzSales builds sales from in, four bytes per sale.
func fuzzSales(in []byte) ([]Sale, []Tracking, SalesConfig) {
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	hour := func(b byte) time.Duration { return time.Duration(b) * 7 * time.Hour }
	var sales []Sale
	for i := 0; i+4 <= len(in); i += 4 {
		a, b, c, e := in[i], in[i+1], in[i+2], in[i+3]
		at := t0.Add(hour(a))
		s := Sale{Order: Order{ID: strconv.Itoa(i), Time: at, Amount: decimal.New(int64(b)*7, -1), Currency: eur},
			Customer: []string{"", "c1", "c2", "c3"}[c%4]}
		switch c / 4 % 4 {
		case 1:
			s.Code = "ANNA"
		case 2:
			s.LandingURL = "/?utm_campaign=ben"
			s.ClickedAt = at.Add(-hour(e))
		case 3:
			s.Code = "ZED"
		}
		switch e % 5 {
		case 1:
			s.Refunds = []Refund{{At: at.Add(hour(c)), Amount: decimal.New(int64(e), -1)}}
		case 2:
			s.CancelledAt = at.Add(hour(c))
		}
		sales = append(sales, s)
	}
	tracking := []Tracking{{Influencer: "anna", Codes: []string{"ANNA"}}, {Influencer: "ben", Links: []UTM{{Campaign: "ben"}}}}
	cfg := SalesConfig{AsOf: t0.Add(40 * 24 * time.Hour), CodeEnd: t0.Add(20 * 24 * time.Hour), Grace: 48 * time.Hour,
		Costs: map[string]budget.Money{"anna": {Amount: decimal.NewFromInt(100), Currency: eur}}}
	if len(in) > 0 {
		cfg.CohortDays = []int{1 + int(in[0])%30, 31 + int(in[len(in)-1])}
	}
	return sales, tracking, cfg
}
