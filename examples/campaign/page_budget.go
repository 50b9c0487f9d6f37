package main

import (
	"fmt"

	"github.com/influencekit/influencekit/internal/svgchart"
)

// budgetPageSection is section 4: planned against spent per category, and
// the burn over time against the straight line to the whole budget.
func budgetPageSection(pc *pageCtx) pageSection {
	b := pc.rep.Budget
	s := pageSection{ID: "budget", Title: "Budget",
		Intro: []string{fmt.Sprintf("%s split by category with the largest-remainder method (the parts add up to the cent); "+
			"spent %s of it in %s of the time; remaining %s.", pc.p.m(b.Total.Amount), pct(b.Burn.Spent, 1), pct(b.Burn.Elapsed, 0), pc.p.m(b.Remaining.Amount))}}
	bars := svgchart.Bars{ID: "chart-budget", Title: "Budget: planned against spent, per category",
		Desc: "For each budget category, the planned amount and what was spent.", Axis: "amount (" + pc.rep.Currency + ")",
		Series: []string{"planned", "spent"}, Tick: pc.moneyTick}
	t := pageTable{Caption: "Planned and spent", Head: []string{"category", "planned", "spent", "variance"}, Num: numCols(1, 4)}
	for _, c := range b.Categories {
		bars.Rows = append(bars.Rows, svgchart.Row{Label: string(c.Category), Values: []float64{f64(c.Split.Amount), f64(c.Actual.Amount)},
			Texts: []string{pc.p.m(c.Split.Amount), pc.p.m(c.Actual.Amount)}})
		t.Rows = append(t.Rows, []string{string(c.Category), pc.p.m(c.Split.Amount), pc.p.m(c.Actual.Amount), signed(pc.p.m(c.Variance.Amount))})
	}
	t.Rows = append(t.Rows, []string{"total", pc.p.m(b.Total.Amount), pc.p.m(b.Actual.Amount), signed(pc.p.m(b.Actual.Amount.Sub(b.Total.Amount)))})
	s.Figures = append(s.Figures, pageFigure{Chart: bars.SVG(), Table: t})
	if len(b.Weeks) > 0 {
		s.Figures = append(s.Figures, burnFigure(pc))
	}
	s.Tables = append(s.Tables, feeTable(pc))
	return s
}

// burnFigure is the cumulative spend by week against the straight line.
func burnFigure(pc *pageCtx) pageFigure {
	b := pc.rep.Budget
	c := svgchart.Lines{ID: "chart-burn", Title: "Burn over time: spent so far against a straight line to the budget",
		Desc:  "Cumulative spend at the end of each week, and a straight line from 0 at the start to the whole budget on the last day.",
		XAxis: "week of the campaign (ISO week)", YAxis: "spent so far (" + pc.rep.Currency + ")", Tick: pc.moneyTick}
	so, line := svgchart.Series{Name: "spent so far"}, svgchart.Series{Name: "straight line to the budget", Dashed: true}
	t := pageTable{Caption: "Spend by week", Head: []string{"week", "spent", "so far", "straight line"}, Num: numCols(1, 4)}
	for _, w := range b.Weeks {
		c.X = append(c.X, w.Week[5:])
		so.Values = append(so.Values, f64(w.Cumulative.Amount))
		line.Values = append(line.Values, f64(w.Straight.Amount))
		t.Rows = append(t.Rows, []string{w.Week, pc.p.m(w.Spent.Amount), pc.p.m(w.Cumulative.Amount), pc.p.m(w.Straight.Amount)})
	}
	c.Series = []svgchart.Series{so, line}
	return pageFigure{Chart: c.SVG(), Table: t}
}

// feeTable compares each booked creator's fee estimate, quote, agreed fee
// and payment.
func feeTable(pc *pageCtx) pageTable {
	t := pageTable{Caption: "Fees: rate-card estimate, quote, agreed and paid",
		Head: []string{"creator", "deliverables", "estimate", "quoted", "agreed", "paid"}, Num: numCols(2, 6)}
	for _, f := range pc.rep.Budget.Fees {
		est, quoted := "n/a", "n/a"
		if f.Expected.Amount.IsPositive() {
			est, quoted = pc.p.m(f.Expected.Amount), pc.p.m(f.Quoted.Amount)
			if f.QuotedFor != f.Deliverables {
				quoted += " for " + f.QuotedFor
			}
		}
		t.Rows = append(t.Rows, []string{marked(pc.flagged, f.Handle), f.Deliverables, est, quoted, pc.p.m(f.Agreed.Amount), pc.p.m(f.Paid.Amount)})
		t.Marked = append(t.Marked, pc.flagged[f.Handle])
	}
	return t
}
