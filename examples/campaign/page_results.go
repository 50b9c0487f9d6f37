package main

import (
	"fmt"

	"github.com/influencekit/influencekit/internal/svgchart"
	"github.com/influencekit/influencekit/roi"
	"github.com/shopspring/decimal"
)

// resultsPage is section 6: per creator ROAS with the break-even line and
// cost against credited revenue, who gets the credit under code/link and
// the multi-touch models, and the benchmark comparison.
func resultsPage(pc *pageCtx) pageSection {
	cr := pc.rep.Results.Report
	s := pageSection{ID: "results", Title: "Results",
		Intro: []string{"Cost is the creator's fee as paid; revenue and orders are credited by discount code or link. " +
			"ROAS = revenue / cost: above 1× the creator brought back more than the fee."}}
	bars := svgchart.Bars{ID: "chart-roas", Title: "ROAS per creator, against break-even",
		Desc: "One bar per booked creator: credited revenue divided by the fee paid; the line at 1× is break-even.",
		Axis: "ROAS: credited revenue / cost (×)", Ref: svgchart.Ref{At: 1, Label: "break-even 1×"},
		Tick: func(v float64) string { return fmt.Sprintf("%g×", v) }}
	sc := svgchart.Scatter{ID: "chart-cost-revenue", Title: "Cost against credited revenue",
		Desc:  "Each point is a creator: the fee paid across, the revenue credited up; above the dashed line revenue exceeds cost.",
		XAxis: "cost: fee paid (" + pc.rep.Currency + ")", YAxis: "credited revenue (" + pc.rep.Currency + ")",
		Diagonal: "break-even: revenue = cost", Tick: pc.moneyTick}
	t := pageTable{Caption: "Per creator", Head: []string{"creator", "cost", "revenue", "orders", "ROI", "ROAS"}, Num: numCols(1, 6)}
	for _, ir := range cr.Influencers {
		m := ir.Metrics
		roas := "n/a"
		row := svgchart.Row{Label: ir.Influencer, Marked: pc.flagged[ir.Influencer], Mark: flagMark}
		if m.ROAS != nil {
			roas = m.ROAS.StringFixed(2) + "×"
			row.Values, row.Texts = []float64{f64(*m.ROAS)}, []string{roas}
		}
		bars.Rows = append(bars.Rows, row)
		sc.Points = append(sc.Points, svgchart.Point{Label: marked(pc.flagged, ir.Influencer), X: f64(m.Cost), Y: f64(m.Revenue), Marked: pc.flagged[ir.Influencer]})
		t.Rows = append(t.Rows, []string{marked(pc.flagged, ir.Influencer), pc.p.m(m.Cost), pc.p.m(m.Revenue), number(m.Conversions, 0),
			signed(optPct(m.ROI, 0)), roas})
		t.Marked = append(t.Marked, pc.flagged[ir.Influencer])
	}
	t.Rows = append(t.Rows, totalRow(pc, cr))
	s.Figures = []pageFigure{{Chart: bars.SVG(), Table: t}, {Chart: sc.SVG(), Table: marginTable(pc)}}
	att := attributionPage(pc)
	s.Intro = append(s.Intro, att.Intro...)
	s.Figures = append(s.Figures, att.Figures...)
	s.Notes = append(s.Notes, benchmarkVerdict(pc.rep))
	s.Tables = append(s.Tables, salesPageTables(pc)...)
	s.Tables = append(s.Tables, benchmarkTable(pc))
	return s
}

// marginTable is the scatter's numbers: each creator's cost, credited
// revenue and their difference.
func marginTable(pc *pageCtx) pageTable {
	t := pageTable{Caption: "Cost against credited revenue", Head: []string{"creator", "cost", "revenue", "revenue − cost"}, Num: numCols(1, 4)}
	for _, ir := range pc.rep.Results.Report.Influencers {
		m := ir.Metrics
		t.Rows = append(t.Rows, []string{marked(pc.flagged, ir.Influencer), pc.p.m(m.Cost), pc.p.m(m.Revenue), signed(pc.p.m(m.Revenue.Sub(m.Cost)))})
		t.Marked = append(t.Marked, pc.flagged[ir.Influencer])
	}
	return t
}

// totalRow is the campaign's total, overhead included.
func totalRow(pc *pageCtx, cr roi.CampaignReport) []string {
	roas := "n/a"
	if cr.Total.ROAS != nil {
		roas = cr.Total.ROAS.StringFixed(2) + "×"
	}
	return []string{"campaign total (with overhead " + pc.p.m(cr.Overhead) + ")", pc.p.m(cr.Total.Cost), pc.p.m(cr.Total.Revenue),
		number(cr.Total.Conversions, 0), signed(optPct(cr.Total.ROI, 0)), roas}
}

// rateTable is the engagement of each creator's sponsored posts: one rate,
// ER (campaign).
func rateTable(pc *pageCtx) pageTable {
	t := pageTable{Caption: "Sponsored posts: ER (campaign) = engagements / reach",
		Head: []string{"creator", "posts", "engagements", "reach", "ER (campaign)"}, Num: numCols(1, 5)}
	for _, c := range pc.rep.Creators {
		er := "n/a"
		if c.ByReach != nil {
			er = pct(c.ByReach.Rate, 2)
		}
		t.Rows = append(t.Rows, []string{marked(pc.flagged, c.Handle), plural(int(c.Posts), "post"), thousands(c.Engagements), thousands(c.Reach), er})
		t.Marked = append(t.Marked, pc.flagged[c.Handle])
	}
	return t
}

// benchmarkTable is the comparison with the published benchmarks, in ER
// (benchmark).
func benchmarkTable(pc *pageCtx) pageTable {
	t := pageTable{Caption: "Against the published benchmarks (kpi.DefaultBenchmarks): " + rateBenchmark,
		Head: []string{"creator", "comparison"}, Num: numCols(2, 2)}
	for _, c := range pc.rep.Creators {
		if c.Benchmark != "no benchmark" && c.Benchmark != "n/a" {
			t.Rows = append(t.Rows, []string{marked(pc.flagged, c.Handle), c.Benchmark})
		}
	}
	return t
}

// attributionPage is the attribution part of section 6: each channel's
// share under code/link credit, the linear model and the Markov model.
func attributionPage(pc *pageCtx) pageSection {
	r := pc.rep.Results
	var s pageSection
	if len(r.MultiTouch) == 0 {
		s.Intro = []string{"Multi-touch attribution is left out before the campaign's end: the journeys carry no dates."}
		return s
	}
	s.Intro = []string{fmt.Sprintf("Code/link credit: each creator's share of the %s orders credited by discount code or link. "+
		"%s gives every touch of a journey an equal share; %s credits each channel with how much conversion would drop without it.",
		number(r.Report.Total.Conversions, 0), r.Models[0], r.Models[1]), attributionNote(pc.rep, pc.p.m)}
	codeShare := map[string]decimal.Decimal{}
	for _, ir := range r.Report.Influencers {
		codeShare[ir.Influencer] = ratio(ir.Conversions, r.Report.Total.Conversions)
	}
	bars := svgchart.Bars{ID: "chart-attribution", Title: "Share of the credit: code/link against linear and Markov",
		Desc: "For each channel, its share of the orders credited by code or link, and its share of the converting journeys under the linear and the Markov model.",
		Axis: "share of the credit (%)", Series: []string{"code/link", r.Models[0], r.Models[1]}, Tick: pctTick}
	t := pageTable{Caption: "Shares of the credit", Head: []string{"channel", "code/link", r.Models[0], r.Models[1]}, Num: numCols(1, 4)}
	for _, row := range r.MultiTouch {
		lin, mk := ratio(row.Credits[0].Conversions, r.Conversions), ratio(row.Credits[1].Conversions, r.Conversions)
		code, ok := codeShare[row.Channel]
		codeText := pct(code, 1)
		if !ok {
			codeText = "— (no code)"
		}
		bars.Rows = append(bars.Rows, svgchart.Row{Label: row.Channel, Marked: pc.flagged[row.Channel], Mark: flagMark,
			Values: []float64{f64(code.Shift(2)), f64(lin.Shift(2)), f64(mk.Shift(2))}})
		t.Rows = append(t.Rows, []string{marked(pc.flagged, row.Channel), codeText, pct(lin, 1), pct(mk, 1)})
	}
	s.Figures = []pageFigure{{Chart: bars.SVG(), Table: t}}
	return s
}
