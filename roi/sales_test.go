package roi

import (
	"errors"
	"testing"
	"time"

	"github.com/influencekit/influencekit/budget"
)

func day(m, dd, h int) time.Time { return time.Date(2026, time.Month(m), dd, h, 0, 0, 0, time.UTC) }

// handSales is the hand-worked case of TestCreditSalesHand.
func handSales() ([]Sale, []Tracking, SalesConfig) {
	ben := "/p?utm_campaign=ben"
	cutoff := day(3, 20, 0)
	sales := []Sale{
		{Order: Order{ID: "o1", Time: day(3, 2, 10), Amount: d("100"), Currency: eur, Code: "ANNA"}, Customer: "c1"},
		{Order: Order{ID: "o2", Time: day(3, 5, 10), Amount: d("50"), Currency: eur, Code: "anna "}, Customer: "c1",
			Refunds: []Refund{{At: day(3, 10, 0), Amount: d("20")}}},
		// refunded in full after the report date: still 80 in this report
		{Order: Order{ID: "o3", Time: day(3, 10, 12), Amount: d("80"), Currency: eur, LandingURL: ben}, Customer: "c2",
			ClickedAt: day(3, 9, 12), Refunds: []Refund{{At: day(4, 2, 0), Amount: d("80")}}},
		// anna's code after its window [03-01, 03-15 + 3 days)
		{Order: Order{ID: "o4", Time: cutoff, Amount: d("40"), Currency: eur, Code: "ANNA"}, Customer: "c3"},
		// clicked 28 days and one second before: outside the window
		{Order: Order{ID: "o5", Time: cutoff, Amount: d("60"), Currency: eur, LandingURL: ben}, Customer: "c4",
			ClickedAt: cutoff.Add(-DefaultLookback - time.Second)},
		// clicked 28 days less one second before: inside
		{Order: Order{ID: "o6", Time: cutoff, Amount: d("70"), Currency: eur, LandingURL: ben}, Customer: "c2",
			ClickedAt: cutoff.Add(-DefaultLookback + time.Second)},
		{Order: Order{ID: "o7", Time: day(3, 6, 0), Amount: d("30"), Currency: eur, Code: "BEN"}, Customer: "c5", CancelledAt: day(3, 7, 0)},
		{Order: Order{ID: "o8", Time: day(3, 3, 0), Amount: d("25"), Currency: eur}},
		{Order: Order{ID: "o9", Time: day(4, 1, 0), Amount: d("999"), Currency: eur, Code: "ANNA"}, Customer: "c1"},
		{Order: Order{ID: "o10", Time: day(3, 12, 0), Amount: d("10"), Currency: eur, Code: "XYZ"}, Customer: "c1"},
	}
	tracking := []Tracking{
		{Influencer: "ben", Codes: []string{"BEN"}, Links: []UTM{{Campaign: "ben"}}},
		{Influencer: "anna", Codes: []string{"ANNA"}, Links: []UTM{{Campaign: "anna"}}},
	}
	cfg := SalesConfig{AsOf: day(4, 1, 0), CodeStart: day(3, 1, 0), CodeEnd: day(3, 15, 0), Grace: 3 * 24 * time.Hour,
		Costs:      map[string]budget.Money{"anna": {Amount: d("100"), Currency: eur}, "ben": {Amount: d("50"), Currency: eur}},
		CohortDays: []int{7, 14}}
	return sales, tracking, cfg
}

func checkMoney(t *testing.T, what string, got budget.Money, want string) {
	t.Helper()
	if !got.Amount.Equal(d(want)) || got.Currency != eur {
		t.Errorf("%s = %v, want %s EUR", what, got, want)
	}
}

func checkOpt(t *testing.T, what string, got *budget.Money, want string) {
	t.Helper()
	if got == nil || !got.Amount.Equal(d(want)) {
		t.Errorf("%s = %v, want %s", what, got, want)
	}
}

// TestCreditSalesHand works every rule by hand. AsOf 04-01; codes count
// in [03-01, 03-18); links 28 days after the click.
//
// anna: o1 (100, code, c1's first), o2 (50 − 20 refunded 03-10, c1
// returning): Orders 2, ByCode 2, Gross 150, Refunded 20, Net 130, 1 new
// customer, 1 returning; cost 100: CAC 100/1 = 100, CPA 100/2 = 50, ROAS
// 130/100 = 1.3. Cohort of c1 (first 03-02 10:00): 7 days to 03-09 10:00
// holds o1 100 + o2 30 = 130; 14 days to 03-16 10:00 also o10 (10, an
// unknown code, still c1's) = 140.
//
// ben: o3 (80 by link clicked a day before; refunded 80 on 04-02, after
// AsOf: counts 80), o6 (70, link clicked 28 days less 1 s before: in), o7
// (30 by code, cancelled 03-07: net 0): Orders 3, ByCode 1, ByLink 2,
// Cancelled 1, Gross 180, Net 150, Refunded 30; new customers 1 (c2, o3),
// returning 1 (o6); cost 50: CAC 50, CPA 50/(3 − 1) = 25, ROAS 150/50 = 3.
// Cohort of c2 (first 03-10 12:00): 7 days: o3 80; 14 days to 03-24 12:00:
// + o6 70 = 150.
//
// Unattributed: o4 (anna's code on 03-20: CodeOutsideWindow), o5 (clicked
// 28 days and 1 s before: ClickOutsideWindow), o8 (NoCode), o10
// (UnknownCode): 4 orders, Gross = Net = 40 + 60 + 25 + 10 = 135. o9 is
// placed at AsOf: AfterAsOf 1.
//
// Total: 9 orders, Gross 465, Net 130 + 150 + 135 = 415, Refunded 50;
// new customers c1..c4 = 4; returning o2, o6, o10 = 3; no customer o8 = 1;
// cost 150: CAC 150/4 = 37.5, CPA 150/8 = 18.75, ROAS 415/150 =
// 2.7666… → 2.7666666666666667. Cohorts: 7 days: c1 130 + c2 80 + c3 40 +
// c4 60 = 310 over 4 (mean 77.5); 14 days: c3 and c4 (first 03-20, window
// to 04-03) are open: 140 + 150 = 290 over 2 (mean 145).
func TestCreditSalesHand(t *testing.T) {
	sales, tracking, cfg := handSales()
	rep, err := CreditSales(sales, tracking, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Creators) != 2 || rep.Creators[0].Influencer != "anna" || rep.AfterAsOf != 1 || rep.Currency != eur {
		t.Fatalf("report %+v", rep)
	}
	type counts struct{ orders, code, link, cancelled, newc, ret, nocust int64 }
	cases := []struct {
		s                                    CreatorSales
		c                                    counts
		gross, refunded, net, cac, cpa, roas string
		cohort                               [2][2]string // value, mean
		customers, open                      [2]int64
	}{
		{rep.Creators[0], counts{2, 2, 0, 0, 1, 1, 0}, "150", "20", "130", "100", "50", "1.3", [2][2]string{{"130", "130"}, {"140", "140"}}, [2]int64{1, 1}, [2]int64{0, 0}},
		{rep.Creators[1], counts{3, 1, 2, 1, 1, 1, 0}, "180", "30", "150", "50", "25", "3", [2][2]string{{"80", "80"}, {"150", "150"}}, [2]int64{1, 1}, [2]int64{0, 0}},
		{rep.Total, counts{9, 3, 2, 1, 4, 3, 1}, "465", "50", "415", "37.5", "18.75", "2.7666666666666667", [2][2]string{{"310", "77.5"}, {"290", "145"}}, [2]int64{4, 2}, [2]int64{0, 2}},
	}
	for _, c := range cases {
		s := c.s
		got := counts{s.Orders, s.ByCode, s.ByLink, s.Cancelled, s.NewCustomers, s.Returning, s.NoCustomer}
		if got != c.c {
			t.Errorf("%q counts %+v, want %+v", s.Influencer, got, c.c)
		}
		checkMoney(t, s.Influencer+" gross", s.Gross, c.gross)
		checkMoney(t, s.Influencer+" refunded", s.Refunded, c.refunded)
		checkMoney(t, s.Influencer+" net", s.Net, c.net)
		checkOpt(t, s.Influencer+" CAC", s.CAC, c.cac)
		checkOpt(t, s.Influencer+" CPA", s.CPA, c.cpa)
		if s.ROAS == nil || !s.ROAS.Equal(d(c.roas)) {
			t.Errorf("%q ROAS %v, want %s", s.Influencer, s.ROAS, c.roas)
		}
		for j, days := range []int{7, 14} {
			cv := s.Cohorts[j]
			if cv.Days != days || cv.Customers != c.customers[j] || cv.Open != c.open[j] {
				t.Errorf("%q cohort %d: %+v", s.Influencer, days, cv)
			}
			checkMoney(t, s.Influencer+" cohort value", cv.Value, c.cohort[j][0])
			checkOpt(t, s.Influencer+" cohort mean", cv.Mean, c.cohort[j][1])
		}
	}
	u := rep.Unattributed
	if u.Orders != 4 || u.NoCode != 1 || u.UnknownCode != 1 || u.CodeOutsideWindow != 1 || u.ClickOutsideWindow != 1 {
		t.Errorf("unattributed %+v", u)
	}
	checkMoney(t, "unattributed gross", u.Gross, "135")
	checkMoney(t, "unattributed net", u.Net, "135")
}

// TestCreditSalesAsOf: the same sales a day after the refund of o3 (AsOf
// 04-03): ben's net loses 80 (150 − 80 = 70) and o9 (04-01, 999 by code
// but outside the code window) is unattributed: CodeOutsideWindow 2.
func TestCreditSalesAsOf(t *testing.T) {
	sales, tracking, cfg := handSales()
	cfg.AsOf = day(4, 3, 0)
	rep, err := CreditSales(sales, tracking, cfg)
	if err != nil {
		t.Fatal(err)
	}
	checkMoney(t, "ben net", rep.Creators[1].Net, "70")
	checkMoney(t, "ben refunded", rep.Creators[1].Refunded, "110")
	if rep.AfterAsOf != 0 || rep.Unattributed.CodeOutsideWindow != 2 {
		t.Errorf("after %d, code outside %d", rep.AfterAsOf, rep.Unattributed.CodeOutsideWindow)
	}
}

func TestCreditSalesErrors(t *testing.T) {
	sales, tracking, cfg := handSales()
	for _, c := range []struct {
		name string
		edit func(s []Sale, c *SalesConfig)
		want error
	}{
		{"no AsOf", func(_ []Sale, c *SalesConfig) { c.AsOf = time.Time{} }, ErrInvalid},
		{"negative lookback", func(_ []Sale, c *SalesConfig) { c.Lookback = -1 }, ErrNegative},
		{"negative grace", func(_ []Sale, c *SalesConfig) { c.Grace = -1 }, ErrNegative},
		{"cohorts not ascending", func(_ []Sale, c *SalesConfig) { c.CohortDays = []int{30, 30} }, ErrInvalid},
		{"cost unknown", func(_ []Sale, c *SalesConfig) {
			c.Costs = map[string]budget.Money{"zoe": {Amount: d("1"), Currency: eur}}
		}, ErrInvalid},
		{"cost in USD", func(_ []Sale, c *SalesConfig) {
			c.Costs = map[string]budget.Money{"anna": {Amount: d("1"), Currency: usd}}
		}, ErrCurrencyMismatch},
		{"refunds beyond", func(s []Sale, _ *SalesConfig) {
			s[1].Refunds = append(s[1].Refunds, Refund{At: day(3, 11, 0), Amount: d("30.01")})
		}, ErrInvalid},
		{"refund zero", func(s []Sale, _ *SalesConfig) { s[1].Refunds = []Refund{{At: day(3, 11, 0)}} }, ErrNonPositive},
		{"refund before order", func(s []Sale, _ *SalesConfig) { s[1].Refunds = []Refund{{At: day(3, 1, 0), Amount: d("1")}} }, ErrInvalid},
		{"click after order", func(s []Sale, _ *SalesConfig) { s[2].ClickedAt = day(3, 11, 0) }, ErrInvalid},
		{"cancelled before order", func(s []Sale, _ *SalesConfig) { s[6].CancelledAt = day(3, 1, 0) }, ErrInvalid},
		{"duplicate ID", func(s []Sale, _ *SalesConfig) { s[1].ID = "o1" }, ErrDuplicate},
	} {
		s := append([]Sale(nil), sales...)
		for i := range s {
			s[i].Refunds = append([]Refund(nil), s[i].Refunds...)
		}
		cc := cfg
		c.edit(s, &cc)
		if _, err := CreditSales(s, tracking, cc); !errors.Is(err, c.want) {
			t.Errorf("%s: error %v, want %v", c.name, err, c.want)
		}
	}
}
