package main

import (
	"fmt"
	"strings"

	"github.com/influencekit/influencekit/internal/svgchart"
	"github.com/shopspring/decimal"
)

// shortMetric is a goal's metric without its parenthesis.
func shortMetric(m string) string { return strings.SplitN(m, " (", 2)[0] }

// pctTick writes an axis tick in percent.
func pctTick(v float64) string { return fmt.Sprintf("%g %%", v) }

// countTick writes an axis tick as a count with thousands separators.
func countTick(v float64) string { return number(decimal.NewFromFloat(v), 0) }

// moneyTick writes an axis tick as whole money: €2,000.
func (pc *pageCtx) moneyTick(v float64) string {
	s := money(decimal.NewFromFloat(v).Round(0), pc.p.cur)
	if i := strings.LastIndexByte(s, '.'); i > 0 && pc.p.cur.MinorUnits() > 0 {
		s = s[:i]
	}
	return s
}

// goalsPage is section 1: goals achieved against target (the weekly
// pacing is in section 5, Tracking, as in the text).
func goalsPage(pc *pageCtx) pageSection {
	rep := pc.rep
	final := !rep.AsOf.Before(rep.End)
	s := pageSection{ID: "goals", Title: "Goals and KPIs",
		Intro: []string{"SMART targets: one metric each, a value to reach and a deadline (the campaign's last day, " +
			rep.End.AddDate(0, 0, -1).Format("2 Jan") + ")."}}
	bars := svgchart.Bars{ID: "chart-goals", Title: "Goals: achieved against target",
		Desc: "One bar per goal: what was achieved as a percentage of its target; the line at 100 % is the target.",
		Axis: "achieved, % of target", Ref: svgchart.Ref{At: 100, Label: "target (100 %)"}, Tick: pctTick, LabelWidth: 200}
	t := pageTable{Caption: "Goals", Head: []string{"goal", "target", "achieved", "of target", "status"}, Num: numCols(1, 5)}
	for _, g := range rep.Goals {
		bars.Rows = append(bars.Rows, svgchart.Row{Label: shortMetric(g.Metric), Values: []float64{f64(g.Fraction.Shift(2))},
			Texts: []string{pct(g.Fraction, 0)}})
		t.Rows = append(t.Rows, []string{shortMetric(g.Metric), goalValue(pc.p, g.Unit, g.Goal), goalValue(pc.p, g.Unit, g.Achieved),
			pct(g.Fraction, 0), goalStatus(g, final)})
	}
	t.Num[4] = false
	s.Figures = append(s.Figures, pageFigure{Chart: bars.SVG(), Table: t})
	for _, g := range rep.Goals {
		s.Notes = append(s.Notes, shortMetric(g.Metric)+": "+g.Why+".")
	}
	return s
}

// pacingFigures are the weekly pacing of engagements and reach against
// the straight-line targets.
func pacingFigures(pc *pageCtx) []pageFigure {
	var out []pageFigure
	for _, k := range []struct {
		id, what string
		so, line func(WeekRow) decimal.Decimal
		ok       func(WeekRow) bool
	}{
		{"chart-pacing-engagements", "engagements",
			func(w WeekRow) decimal.Decimal { return decimal.NewFromInt(w.Cumulative) },
			func(w WeekRow) decimal.Decimal { return w.Expected }, func(w WeekRow) bool { return w.OnTrack }},
		{"chart-pacing-reach", "accounts reached",
			func(w WeekRow) decimal.Decimal { return decimal.NewFromInt(w.CumulativeReach) },
			func(w WeekRow) decimal.Decimal { return w.ExpectedReach }, func(w WeekRow) bool { return w.ReachOnTrack }},
	} {
		c := svgchart.Lines{ID: k.id, Title: "Weekly pacing: " + k.what + " so far against the straight-line target",
			Desc:  "Cumulative " + k.what + " at the end of each week of the campaign, and the target's straight line from 0 at the start to the goal on the last day.",
			XAxis: "week of the campaign (ISO week)", YAxis: k.what + " (count, cumulative)", Tick: countTick}
		so, line := svgchart.Series{Name: k.what + " so far"}, svgchart.Series{Name: "straight-line target", Dashed: true}
		t := pageTable{Caption: "Weekly pacing: " + k.what, Head: []string{"week", "starts", "so far", "target line", ""}, Num: numCols(2, 5)}
		for _, w := range pc.rep.Weeks {
			c.X = append(c.X, w.Week[5:])
			so.Values = append(so.Values, f64(k.so(w)))
			line.Values = append(line.Values, f64(k.line(w)))
			mark := "✘ behind"
			if k.ok(w) {
				mark = "✔ on track"
			}
			t.Rows = append(t.Rows, []string{w.Week, w.Start.Format("2 Jan"), number(k.so(w), 0), number(k.line(w), 0), mark})
		}
		c.Series = []svgchart.Series{so, line}
		out = append(out, pageFigure{Chart: c.SVG(), Table: t})
	}
	return out
}
