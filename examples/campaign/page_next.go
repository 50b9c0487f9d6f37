package main

import (
	"github.com/influencekit/influencekit/internal/svgchart"
)

// nextPage is section 7: the recommended spread of this campaign's fee
// budget per creator against the fee paid, its table and the stated
// assumptions (the text's paragraphs).
func nextPage(pc *pageCtx) pageSection {
	n := pc.rep.Next
	s := pageSection{ID: "next", Title: nextTitle}
	if n.Skipped != "" {
		s.Intro = []string{"Left out of a report as of " + pc.rep.AsOf.Format("Mon 2 Jan 2006") + ": " + n.Skipped + "."}
		return s
	}
	s.Intro = []string{nextAssumptions(n, pc.p)}
	bars := svgchart.Bars{ID: "chart-next", Title: "Next campaign: recommended spend per creator against this campaign's fee",
		Desc: "Two bars per creator this campaign paid: the fee paid this time and the spend budget.Allocate recommends for the same fee budget; (cap) marks a creator held at the cap.",
		Axis: "amount (" + pc.rep.Currency + ")", Series: []string{"fee now", "recommended"}, Tick: pc.moneyTick, LabelWidth: 170}
	t := pageTable{Caption: "Where to spread the budget", Head: []string{"creator", "fee now", "revenue", "ROAS", "recommended", "change", "expected revenue"},
		Num: numCols(1, 7)}
	for _, c := range n.Creators {
		rec := pc.p.m(c.Spend.Amount)
		if c.AtCap {
			rec += " (cap)"
		}
		bars.Rows = append(bars.Rows, svgchart.Row{Label: marked(pc.flagged, c.Handle), Marked: pc.flagged[c.Handle], Mark: flagMark,
			Values: []float64{f64(c.Fee.Amount), f64(c.Spend.Amount)}, Texts: []string{pc.p.m(c.Fee.Amount), rec}})
		t.Rows = append(t.Rows, []string{marked(pc.flagged, c.Handle), pc.p.m(c.Fee.Amount), pc.p.m(c.Revenue.Amount), c.ROAS.StringFixed(2) + "×",
			rec, signed(pc.p.m(c.Change.Amount)), pc.p.m(c.Expected.Amount.Round(pc.p.cur.MinorUnits()))})
		t.Marked = append(t.Marked, pc.flagged[c.Handle])
	}
	placed := n.Budget.Amount.Sub(n.Unplaced.Amount)
	t.Rows = append(t.Rows, []string{"total", pc.p.m(n.Fees.Amount), pc.p.m(n.Revenue.Amount), "", pc.p.m(placed),
		signed(pc.p.m(placed.Sub(n.Fees.Amount))), pc.p.m(n.Expected.Amount.Round(pc.p.cur.MinorUnits()))})
	t.Marked = append(t.Marked, false)
	s.Figures = []pageFigure{{Chart: bars.SVG(), Table: t, Wide: true}}
	s.Notes = nextNotes(n, pc.p)
	return s
}
