package roi

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/influencekit/influencekit/budget"
)

// shopifyExport is a Shopify orders export in its own column names: #1001
// has two line items (order fields on the first row only), #1002 is
// refunded in part, #1003 voided, #1004 refunded in full without an amount
// and with its link in the referring site.
const shopifyExport = `Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Refunded Amount,Cancelled at,Landing Site,Referring Site
#1001,Anna@Example.com,paid,2026-03-02 10:05:00 +0100,fulfilled,EUR,90.00,10.00,5.50,95.50,ANNA10,10.00,2026-03-02 10:00:00 +0100,1,Mug,40.00,,,/products/mug?utm_source=ig&utm_campaign=anna,
#1001,,,,,,,,,,,,,2,Plate,25.00,,,,
#1002, anna@example.com ,partially_refunded,,,EUR,50.00,0,0,50.00,,0,2026-03-05 12:00:00 +0100,1,Mug,50.00,20.00,,,
#1003,ben@example.com,voided,,,EUR,30.00,0,0,30.00,BEN,0,2026-03-06 08:00:00 +0100,1,Cup,30.00,,2026-03-06 09:00:00 +0100,,
#1004,,refunded,,,EUR,40.00,0,0,40.00,,0,2026-03-07 08:00:00 +0100,1,Cup,40.00,,,,https://shop.example/?utm_campaign=ben
`

// annaHash is SHA-256("anna@example.com") in hex, from sha256sum.
const annaHash = "sha256:f7d54c22dda5b1780276601cd005909b70543fc4a6ba72d735b4cb9bbb611f01"

func TestReadSalesShopify(t *testing.T) {
	got, err := ReadSales(strings.NewReader(shopifyExport), SalesColumns{}, budget.Currency{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 {
		t.Fatalf("%d sales, want 4 (two rows of #1001 are one order)", len(got))
	}
	cet := time.FixedZone("", 3600)
	o1 := got[0]
	// 10:00 +01:00 is 09:00 UTC; Total 95.50 is the amount.
	if o1.ID != "#1001" || !o1.Time.Equal(time.Date(2026, 3, 2, 10, 0, 0, 0, cet)) || !o1.Amount.Equal(d("95.5")) ||
		o1.Currency != eur || o1.Code != "ANNA10" || o1.LandingURL != "/products/mug?utm_source=ig&utm_campaign=anna" ||
		o1.Customer != annaHash || len(o1.Refunds) != 0 || !o1.CancelledAt.IsZero() {
		t.Errorf("#1001: %+v", o1)
	}
	// The same address, other case and spaces: the same customer.
	o2 := got[1]
	if o2.Customer != annaHash || len(o2.Refunds) != 1 || !o2.Refunds[0].Amount.Equal(d("20")) || !o2.Refunds[0].At.Equal(o2.Time) {
		t.Errorf("#1002: %+v", o2)
	}
	o3 := got[2]
	if !o3.CancelledAt.Equal(time.Date(2026, 3, 6, 9, 0, 0, 0, cet)) || o3.Customer == "" || o3.Customer == annaHash {
		t.Errorf("#1003: %+v", o3)
	}
	// refunded without an amount: all 40, dated at the order.
	o4 := got[3]
	if len(o4.Refunds) != 1 || !o4.Refunds[0].Amount.Equal(d("40")) || o4.LandingURL != "https://shop.example/?utm_campaign=ben" || o4.Customer != "" {
		t.Errorf("#1004: %+v", o4)
	}
	for _, s := range got {
		for _, f := range []string{s.ID, s.Customer, s.Code, s.LandingURL} {
			if strings.Contains(f, "@") {
				t.Errorf("an e-mail address kept: %+v", s)
			}
		}
	}
}

// TestReadSalesGeneric reads another shop's export through a mapping:
// order number, placed, gross, buyer, refund and its date, click time.
func TestReadSalesGeneric(t *testing.T) {
	in := "order no,placed,gross,buyer,refund,refund date,clicked,link\n" +
		"A1,2026-03-02T10:00:00Z,100,c1,30,2026-04-02,2026-03-01T10:00:00Z,/?utm_campaign=ben\n"
	cols := SalesColumns{ID: []string{"order no"}, Time: []string{"placed"}, Amount: []string{"gross"}, Customer: []string{"buyer"},
		Refunded: []string{"refund"}, RefundedAt: []string{"refund date"}, ClickedAt: []string{"clicked"}, LandingURL: []string{"link"}}
	got, err := ReadSales(strings.NewReader(in), cols, eur)
	if err != nil {
		t.Fatal(err)
	}
	s := got[0]
	if s.ID != "A1" || s.Customer != "c1" || !s.Amount.Equal(d("100")) || s.Currency != eur || len(s.Refunds) != 1 ||
		!s.Refunds[0].At.Equal(day(4, 2, 0)) || !s.ClickedAt.Equal(day(3, 1, 10)) || s.LandingURL != "/?utm_campaign=ben" {
		t.Errorf("%+v", s)
	}
	// With the report as of 04-01 the refund of 04-02 is not subtracted:
	// ben's net is 100; as of 04-03 it is 100 − 30 = 70.
	tr := []Tracking{{Influencer: "ben", Links: []UTM{{Campaign: "ben"}}}}
	for _, c := range []struct {
		asOf time.Time
		net  string
	}{{day(4, 1, 0), "100"}, {day(4, 3, 0), "70"}} {
		rep, err := CreditSales(got, tr, SalesConfig{AsOf: c.asOf})
		if err != nil {
			t.Fatal(err)
		}
		checkMoney(t, "net", rep.Creators[0].Net, c.net)
	}
}

func TestReadSalesErrors(t *testing.T) {
	head := "Name,Email,Financial Status,Currency,Total,Created at,Refunded Amount\n"
	for _, c := range []struct {
		name, in string
		line     int
		want     error
	}{
		{"no total", "Name,Created at\n#1,2026-03-01\n", 1, ErrMissingColumn},
		{"rows disagree", head + "#1,,paid,EUR,10,2026-03-01,\n#1,,paid,EUR,11,,\n", 3, ErrInvalid},
		{"unknown status", head + "#1,,lost,EUR,10,2026-03-01,\n", 2, ErrInvalid},
		{"refund beyond", head + "#1,,paid,EUR,10,2026-03-01,10.01\n", 2, ErrInvalid},
		{"bad time", head + "#1,,paid,EUR,10,yesterday,\n", 2, ErrSyntax},
		{"bad currency", head + "#1,,paid,XXQ,10,2026-03-01,\n", 2, ErrInvalid},
		{"empty id", head + ",,paid,EUR,10,2026-03-01,\n", 2, ErrInvalid},
		{"line items only", head + "#1,,,,,,\n", 2, ErrSyntax},
	} {
		_, err := ReadSales(strings.NewReader(c.in), SalesColumns{}, budget.Currency{})
		var pe *ParseError
		if !errors.Is(err, c.want) || !errors.As(err, &pe) || pe.Line != c.line {
			t.Errorf("%s: %v, want %v at line %d", c.name, err, c.want, c.line)
		}
	}
	// Two addresses for one order: the message shows neither.
	_, err := ReadSales(strings.NewReader(head+"#1,a@x.example,paid,EUR,10,2026-03-01,\n#1,b@x.example,,,,,\n"), SalesColumns{}, budget.Currency{})
	if !errors.Is(err, ErrInvalid) || strings.Contains(err.Error(), "@") {
		t.Errorf("e-mail conflict: %v", err)
	}
	if _, err := ReadSales(nil, SalesColumns{}, eur); !errors.Is(err, ErrInvalid) {
		t.Errorf("nil reader: %v", err)
	}
}
