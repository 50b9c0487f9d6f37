package main

import (
	"fmt"

	"github.com/influencekit/influencekit/roi"
	"github.com/shopspring/decimal"
)

// salesTable prints each creator's sales net of refunds and
// cancellations as of the report date, new and returning customers, CAC,
// ROAS with its bootstrap interval, then the cohorts.
func salesTable(p *printer, s *Sales) {
	if s == nil {
		return
	}
	p.f("\nNet of refunds and cancellations as of the report date (a refund after it counts in the next report);\n"+
		"a code counts during the campaign and %d days after, a link for %d days after its click.\n"+
		"CAC = cost / new customers; ROAS = net / cost, with its %s %% bootstrap interval (%d resamples of the orders).\n",
		int(codeGrace.Hours()/24), int(roi.DefaultLookback.Hours()/24), s.Confidence.Shift(2).String(), s.Resamples)
	tw := p.table("lrrrrrrrrl", "creator", "orders", "gross", "refunded", "net", "new", "returning", "CAC", "ROAS", "interval")
	opt := func(a *Amount) string {
		if a == nil {
			return "n/a"
		}
		return p.m(a.Amount.Round(p.cur.MinorUnits()))
	}
	x := func(d *decimal.Decimal) string {
		if d == nil {
			return "n/a"
		}
		return d.StringFixed(2) + "×"
	}
	row := func(r SalesRow, name string) {
		iv := ""
		if r.ROASInterval != nil {
			iv = r.ROASInterval.Low.StringFixed(2) + "–" + r.ROASInterval.High.StringFixed(2) + "×"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", name, thousands(r.Orders), p.m(r.Gross.Amount),
			p.m(r.Refunded.Amount), p.m(r.Net.Amount), thousands(r.NewCustomers), thousands(r.Returning), opt(r.CAC), x(r.ROAS), iv)
	}
	for _, r := range s.Creators {
		row(r, r.Influencer)
	}
	u := s.Unattributed
	fmt.Fprintf(tw, "not credited\t%s\t%s\t%s\t%s\t\t\t\t\t\t\n", thousands(u.Orders), p.m(u.Gross.Amount),
		p.m(u.Gross.Amount.Sub(u.Net.Amount)), p.m(u.Net.Amount))
	row(s.Total, "all orders")
	tw.flush()
	p.f("  Not credited: %s without code or link, %s with a code of no creator, %s with a code outside its window,\n"+
		"  %s with a link clicked more than %d days before. Cancelled or voided: %s orders; placed after the report date: %s.\n",
		thousands(u.NoCode), thousands(u.UnknownCode), thousands(u.CodeOutsideWindow), thousands(u.ClickOutsideWindow),
		int(roi.DefaultLookback.Hours()/24), thousands(s.Total.Cancelled), thousands(s.AfterAsOf))
	cohortTable(p, s)
}

// cohortTable prints what each creator's new customers spent in the 30,
// 60 and 90 days from their first order, net; only customers whose window
// closed by the report date count ("open" ones are left out).
func cohortTable(p *printer, s *Sales) {
	if len(s.Total.Cohorts) == 0 {
		return
	}
	p.f("\nCohorts: what the new customers spent (net) in the days from their first order, per customer;\n" +
		"only customers whose window has closed by the report date count (\"open\" customers are left out).\n")
	head := []string{"creator"}
	align := "l"
	for _, c := range s.Total.Cohorts {
		head = append(head, fmt.Sprintf("%d days", c.Days), "customers", "open")
		align += "rrr"
	}
	tw := p.table(align, head...)
	row := func(r SalesRow, name string) {
		line := name
		for _, c := range r.Cohorts {
			mean := "n/a"
			if c.Mean != nil {
				mean = p.m(c.Mean.Amount.Round(p.cur.MinorUnits()))
			}
			line += fmt.Sprintf("\t%s\t%s\t%s", mean, thousands(c.Customers), thousands(c.Open))
		}
		fmt.Fprintf(tw, "%s\t\n", line)
	}
	for _, r := range s.Creators {
		row(r, r.Influencer)
	}
	row(s.Total, "all new customers")
	tw.flush()
}

// rateShapleyTable prints the rate-based Shapley credits beside the
// two models of multiTouchTable.
func rateShapleyTable(p *printer, rows []RateRow) {
	if len(rows) == 0 {
		return
	}
	p.f("\nRate-based Shapley (roi.RateShapley): a set of channels is worth its conversion rate over all its journeys,\n" +
		"converting or not, so a channel whose journeys rarely convert gets less (even negative) credit.\n")
	tw := p.table("lrr", "channel", "orders", "value")
	var tc, tv decimal.Decimal
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\t\n", r.Channel, number(r.Credit.Conversions, 1), p.m(r.Credit.Value.Amount.Round(p.cur.MinorUnits())))
		tc, tv = tc.Add(r.Credit.Conversions), tv.Add(r.Credit.Value.Amount)
	}
	fmt.Fprintf(tw, "total\t%s\t%s\t\n", number(tc, 1), p.m(tv.Round(p.cur.MinorUnits())))
	tw.flush()
}
