package roi

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/influencekit/influencekit/budget"
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
