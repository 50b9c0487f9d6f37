package main

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"testing"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/roi"
	"github.com/shopspring/decimal"
)

// salesTotals is the test's own reading of orders.csv (encoding/csv only)
// as of asOf, from the definitions: an order counts when placed before
// asOf; gross is Σ Total; a refund counts when its "Refunded at" is before
// asOf, a voided order its whole Total when its "Cancelled at" is; net =
// gross − refunded; the new customers are the distinct Customer IDs of the
// counted orders not cancelled before asOf; returning = the counted orders
// not cancelled − new customers. late counts refunds of counted orders made
// at or after asOf (left unsubtracted).
type salesTotals struct {
	orders, cancelled, customers, returning, late int64
	gross, refunded                               int64 // cents
}

func readSalesTotals(t *testing.T, asOf time.Time) salesTotals {
	t.Helper()
	at := func(s string) time.Time {
		v, err := time.Parse("2006-01-02 15:04:05 -0700", s)
		if err != nil {
			t.Fatalf("time %q: %v", s, err)
		}
		return v
	}
	var st salesTotals
	seen := map[string]bool{}
	for _, r := range embedded(t, "orders.csv", ',') {
		if !at(r["Created at"]).Before(asOf) {
			continue
		}
		st.orders++
		st.gross += cents(t, r["Total"])
		if r["Cancelled at"] != "" && at(r["Cancelled at"]).Before(asOf) {
			st.cancelled++
			st.refunded += cents(t, r["Total"])
			continue
		}
		if r["Refunded Amount"] != "" {
			if at(r["Refunded at"]).Before(asOf) {
				st.refunded += cents(t, r["Refunded Amount"])
			} else {
				st.late++
			}
		}
		if seen[r["Customer ID"]] {
			st.returning++
		} else {
			seen[r["Customer ID"]] = true
			st.customers++
		}
	}
	return st
}

// checkSales compares the report's total sales with the CSV's.
func checkSales(t *testing.T, s *Sales, want salesTotals) {
	t.Helper()
	if s == nil {
		t.Fatal("no sales in the report")
	}
	got := s.Total
	if got.Orders != want.orders || got.Cancelled != want.cancelled || got.NewCustomers != want.customers || got.Returning != want.returning {
		t.Errorf("orders %d, cancelled %d, new %d, returning %d; want %d, %d, %d, %d", got.Orders, got.Cancelled,
			got.NewCustomers, got.Returning, want.orders, want.cancelled, want.customers, want.returning)
	}
	if g, r, n := cents(t, got.Gross.Amount.StringFixed(2)), cents(t, got.Refunded.Amount.StringFixed(2)), cents(t, got.Net.Amount.StringFixed(2)); g != want.gross || r != want.refunded || n != want.gross-want.refunded {
		t.Errorf("gross %d, refunded %d, net %d cents; want %d, %d, %d", g, r, n, want.gross, want.refunded, want.gross-want.refunded)
	}
	// Σ creators + not credited = all orders (net, in cents).
	sum := cents(t, s.Unattributed.Net.Amount.StringFixed(2))
	for _, c := range s.Creators {
		sum += cents(t, c.Net.Amount.StringFixed(2))
	}
	if sum != want.gross-want.refunded {
		t.Errorf("Σ creators' and not credited net = %d cents, want %d", sum, want.gross-want.refunded)
	}
}

// TestSales checks the final report's sales against the CSV read a second
// way: every order of the campaign weeks, net of the refunds and voids
// made by the end (24 May 2026, the report date).
func TestSales(t *testing.T) {
	t.Parallel()
	rep := runJSON(t)
	want := readSalesTotals(t, rep.AsOf)
	if want.orders != 1750 || want.cancelled == 0 || want.refunded == 0 || want.returning == 0 {
		t.Fatalf("orders.csv is not the story of data/gen.go: %+v", want)
	}
	checkSales(t, rep.Results.Sales, want)
	if s := rep.Results.Sales; s.Unattributed.ClickOutsideWindow == 0 || s.Resamples != salesResamples {
		t.Errorf("no click outside the 28-day window, or %d resamples", s.Resamples)
	}
	for _, c := range rep.Results.Sales.Creators {
		if c.ROAS != nil && (c.ROASInterval == nil || c.ROASInterval.Low.GreaterThan(*c.ROAS) || c.ROASInterval.High.LessThan(*c.ROAS)) {
			t.Errorf("%s: ROAS %s outside its interval %+v", c.Influencer, c.ROAS, c.ROASInterval)
		}
	}
}

// TestSalesAsOf: as of 27 April, refunds made later (such as #5201's, on
// 3 May) are not subtracted: they belong to the next report.
func TestSalesAsOf(t *testing.T) {
	t.Parallel()
	asOf := time.Date(2026, 4, 27, 0, 0, 0, 0, time.UTC)
	var out bytes.Buffer
	if err := run([]string{"-json", "-asof", "2026-04-27"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	var rep Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	want := readSalesTotals(t, asOf)
	if want.late == 0 {
		t.Fatal("orders.csv has no refund after 2026-04-27 of an order before it")
	}
	checkSales(t, rep.Results.Sales, want)
}

// TestSaleRefundedLater works one order by hand: #5201, 24.90 EUR on
// 6 Apr 2026 03:37 +0200 by lena.glow's link (utm_campaign=lena), clicked
// two hours before, no code, refunded in full on 3 May. As of 27 April
// lena.glow's net is 24.90 − 0 = 24.90 (the refund is later); as of the
// end (24 May) it is 24.90 − 24.90 = 0.00, with 1 new customer either way
// (the refund does not cancel the order).
func TestSaleRefundedLater(t *testing.T) {
	t.Parallel()
	o, err := parseFlags(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	eur, err := budget.ParseCurrency("EUR")
	if err != nil {
		t.Fatal(err)
	}
	in, err := readInputs(o.files, eur, decimal.NewFromInt(45000))
	if err != nil {
		t.Fatal(err)
	}
	var one []roi.Sale
	for _, s := range in.Sales {
		if s.ID == "#5201" {
			one = append(one, s)
		}
	}
	in.Sales = one
	b := defaultBrief()
	for _, c := range []struct {
		asOf time.Time
		net  string
	}{{time.Date(2026, 4, 27, 0, 0, 0, 0, time.UTC), "24.90"}, {b.End, "0.00"}} {
		rep := Report{Start: b.Start, End: b.End, AsOf: c.asOf}
		if err := sales(&rep, in); err != nil {
			t.Fatal(err)
		}
		for _, r := range rep.Results.Sales.Creators {
			wantNet, wantNew := "0.00", int64(0)
			if r.Influencer == "lena.glow" {
				wantNet, wantNew = c.net, 1
			}
			if r.Net.Amount.StringFixed(2) != wantNet || r.NewCustomers != wantNew {
				t.Errorf("as of %s, %s: net %s, %d new; want %s, %d", c.asOf.Format(time.DateOnly), r.Influencer,
					r.Net.Amount.StringFixed(2), r.NewCustomers, wantNet, wantNew)
			}
		}
	}
}

// TestSalesJSON: the sales' amounts are money objects in EUR (a CAC and a
// cohort mean keep their 16 places), the ROAS a decimal string.
func TestSalesJSON(t *testing.T) {
	t.Parallel()
	_, js := outputs(t)
	var doc any
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatal(err)
	}
	paths := map[string][]any{}
	walkJSON(doc, "", paths)
	for _, p := range []string{"results.sales.creators[].gross", "results.sales.creators[].refunded", "results.sales.creators[].net",
		"results.sales.creators[].cac", "results.sales.creators[].net_low", "results.sales.creators[].net_high",
		"results.sales.total.net", "results.sales.total.cohorts[].value", "results.sales.unattributed.net",
		"results.rate_shapley[].credit.value"} {
		if len(paths[p]) == 0 {
			t.Errorf("%s: absent", p)
		}
		for _, v := range paths[p] {
			if m, ok := v.(map[string]any); !ok || len(m) != 2 || m["currency"] != "EUR" {
				t.Errorf("%s = %v, not a money object in EUR", p, v)
			}
		}
	}
	for _, v := range paths["results.sales.creators[].roas"] {
		if _, ok := v.(string); !ok {
			t.Errorf("results.sales.creators[].roas = %v, not a decimal string", v)
		}
	}
}

// TestRateShapley: the rate-based Shapley credits add up, exactly, to the
// conversions and the value of paths.csv's converting journeys (summed here
// with encoding/csv: Σ total_conversions and Σ total_conversion_value), as
// the model apportions them; some channel gets negative credit (journeys
// that rarely convert), which the equal-split count game never gives.
func TestRateShapley(t *testing.T) {
	t.Parallel()
	rep := runJSON(t)
	var conv, value int64 // value in cents
	for _, r := range embedded(t, "paths.csv", ';') {
		n, err := strconv.ParseInt(r["total_conversions"], 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		conv += n
		value += cents(t, r["total_conversion_value"])
	}
	var gc, gv decimal.Decimal
	negative := false
	for _, r := range rep.Results.RateShapley {
		gc, gv = gc.Add(r.Credit.Conversions), gv.Add(r.Credit.Value.Amount)
		negative = negative || r.Credit.Conversions.IsNegative()
	}
	if !gc.Equal(decimal.NewFromInt(conv)) || !gv.Equal(decimal.New(value, -2)) {
		t.Errorf("Σ rate-Shapley credits %s orders, %s; want %d, %d cents", gc, gv, conv, value)
	}
	if !negative || len(rep.Results.RateShapley) != len(rep.Results.MultiTouch) {
		t.Errorf("%d rate-Shapley rows (want %d, one per channel), a negative credit: %v", len(rep.Results.RateShapley), len(rep.Results.MultiTouch), negative)
	}
}
