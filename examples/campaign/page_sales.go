package main

import (
	"fmt"
	"slices"

	"github.com/influencekit/influencekit/roi"
)

// salesPageTables are section 6's sales tables on the page: each
// creator's net sales with customers, CAC and ROAS with its interval; the
// cohorts; and the rate-based Shapley credits (after the campaign only).
func salesPageTables(pc *pageCtx) []pageTable {
	s := pc.rep.Results.Sales
	if s == nil {
		return nil
	}
	days := int(roi.DefaultLookback.Hours() / 24)
	t := pageTable{Caption: fmt.Sprintf("Net sales as of the report date: refunds after it count in the next report; "+
		"a code counts during the campaign and %d days after, a link for %d days after its click", int(codeGrace.Hours()/24), days),
		Head: []string{"creator", "orders", "gross", "refunded", "net", "new customers", "returning", "CAC", "ROAS",
			fmt.Sprintf("ROAS %s %% interval", s.Confidence.Shift(2))}, Num: numCols(1, 10)}
	for _, r := range slices.Concat(s.Creators, []SalesRow{s.Total}) {
		name, iv := marked(pc.flagged, r.Influencer), ""
		if r.Influencer == "" {
			name = "all orders"
		}
		if r.ROASInterval != nil {
			iv = r.ROASInterval.Low.StringFixed(2) + "–" + r.ROASInterval.High.StringFixed(2) + "×"
		}
		t.Rows = append(t.Rows, []string{name, thousands(r.Orders), pc.p.m(r.Gross.Amount), pc.p.m(r.Refunded.Amount),
			pc.p.m(r.Net.Amount), thousands(r.NewCustomers), thousands(r.Returning), optAmount(pc.p, r.CAC), optTimes(r), iv})
		t.Marked = append(t.Marked, pc.flagged[r.Influencer])
	}
	u := s.Unattributed
	t.Notes = []string{fmt.Sprintf("Not credited: %s orders, %s net: %s without code or link, %s with a code of no creator, "+
		"%s with a code outside its window, %s with a link clicked more than %d days before. Cancelled or voided: %s orders.",
		thousands(u.Orders), pc.p.m(u.Net.Amount), thousands(u.NoCode), thousands(u.UnknownCode), thousands(u.CodeOutsideWindow),
		thousands(u.ClickOutsideWindow), days, thousands(s.Total.Cancelled))}
	tables := []pageTable{t, cohortPageTable(pc, s)}
	if rows := pc.rep.Results.RateShapley; len(rows) > 0 {
		rt := pageTable{Caption: "Rate-based Shapley (roi.RateShapley): a set of channels is worth its conversion rate over all its journeys, converting or not",
			Head: []string{"channel", "orders", "value"}, Num: numCols(1, 3)}
		for _, r := range rows {
			rt.Rows = append(rt.Rows, []string{marked(pc.flagged, r.Channel), number(r.Credit.Conversions, 1),
				pc.p.m(r.Credit.Value.Amount.Round(pc.p.cur.MinorUnits()))})
			rt.Marked = append(rt.Marked, pc.flagged[r.Channel])
		}
		tables = append(tables, rt)
	}
	return tables
}

// cohortPageTable is what each creator's new customers spent, net, per
// customer, in the days from their first order; customers whose window is
// still open at the report date are left out and counted.
func cohortPageTable(pc *pageCtx, s *Sales) pageTable {
	t := pageTable{Caption: "Cohorts: net spent per new customer in the days from the first order (customers whose window has closed)",
		Head: []string{"creator"}}
	for _, c := range s.Total.Cohorts {
		t.Head = append(t.Head, fmt.Sprintf("%d days", c.Days), "customers", "open")
	}
	t.Num = numCols(1, len(t.Head))
	for _, r := range slices.Concat(s.Creators, []SalesRow{s.Total}) {
		row := []string{marked(pc.flagged, r.Influencer)}
		if r.Influencer == "" {
			row[0] = "all new customers"
		}
		for _, c := range r.Cohorts {
			row = append(row, optAmount(pc.p, c.Mean), thousands(c.Customers), thousands(c.Open))
		}
		t.Rows = append(t.Rows, row)
		t.Marked = append(t.Marked, pc.flagged[r.Influencer])
	}
	return t
}

// optAmount is a rounded to the currency's minor unit, or "n/a".
func optAmount(p *printer, a *Amount) string {
	if a == nil {
		return "n/a"
	}
	return p.m(a.Amount.Round(p.cur.MinorUnits()))
}

// optTimes is r's ROAS as "2.01×", or "n/a".
func optTimes(r SalesRow) string {
	if r.ROAS == nil {
		return "n/a"
	}
	return r.ROAS.StringFixed(2) + "×"
}
