package main

import (
	"fmt"

	"github.com/influencekit/influencekit/internal/svgchart"
)

// feedbackPage is the feedback section (text section 9): the survey's
// credit beside the codes', NPS, brand lift and the creators' survey, in
// the text's sentences.
func feedbackPage(pc *pageCtx) pageSection {
	f := pc.rep.Feedback
	s := pageSection{ID: "feedback", Title: feedbackTitle}
	if f.Credit.Orders == 0 {
		s.Intro = []string{"No post-purchase survey."}
		return s
	}
	s.Intro = []string{creditIntro(f.Credit)}
	bars := svgchart.Bars{ID: "chart-survey-credit", Title: "Answered orders per creator: code or link and survey agree, code only, survey only",
		Desc: "Per creator, the answered orders: credited by code or link and named in the survey (both), credited but the buyer named something else (code only), named but no code or link (survey only: what the codes missed).",
		Axis: "answered orders", Series: []string{"both", "code only", "survey only"}, Stacked: true,
		Tick: func(v float64) string { return fmt.Sprintf("%g", v) }, LabelWidth: 170}
	t := pageTable{Caption: "Survey credit beside code and link credit", Head: creditHead, Num: numCols(1, len(creditHead)), Rows: creditRows(f.Credit)}
	for _, cr := range f.Credit.Creators {
		bars.Rows = append(bars.Rows, svgchart.Row{Label: marked(pc.flagged, cr.Creator),
			Values: []float64{float64(cr.Both.Orders), float64(cr.CodeOnly.Orders), float64(cr.SurveyOnly.Orders)}})
		t.Marked = append(t.Marked, pc.flagged[cr.Creator])
	}
	t.Notes = creditNotes(f.Credit)
	s.Figures = []pageFigure{{Chart: bars.SVG(), Table: t, Wide: true}}
	s.Tables = append(s.Tables, scoresTable(f))
	if f.Creators != nil && len(f.Creators.Questions) > 0 {
		s.Tables = append(s.Tables, pageTable{Caption: "The creators' own survey", Head: creatorHead, Num: numCols(2, len(creatorHead)),
			Rows: creatorRows(*f.Creators), Notes: creatorNotes(*f.Creators)})
	}
	return s
}

// scoresTable is the buyers' NPS, the previous campaign's, their change
// and the brand lift, each with its 95 % interval; the text's sentences
// under it.
func scoresTable(f FeedbackReport) pageTable {
	t := pageTable{Caption: "Net Promoter Score and brand lift", Head: []string{"measure", "estimate", "95 % interval", "answers"},
		Num: numCols(1, 4), Notes: append(npsLines(f), liftLines(f)...)}
	n := f.NPS
	t.Rows = append(t.Rows, []string{"NPS, this campaign", npsPoints(n.Score), npsPoints(n.Interval.Low) + " to " + npsPoints(n.Interval.High), thousands(n.Responses)})
	if p := f.PastNPS; p != nil {
		t.Rows = append(t.Rows, []string{"NPS, " + f.PastName, npsPoints(p.Score), npsPoints(p.Interval.Low) + " to " + npsPoints(p.Interval.High), thousands(p.Responses)},
			[]string{"NPS change (points)", npsPoints(f.Change.Estimate), npsPoints(f.Change.Interval.Low) + " to " + npsPoints(f.Change.Interval.High), ""})
	}
	if l := f.Lift; l != nil {
		t.Rows = append(t.Rows, []string{"brand lift (points)", signedPoints(l.Absolute), signedPoints(l.AbsoluteInterval.Low) + " to " + signedPoints(l.AbsoluteInterval.High), ""},
			[]string{"brand lift (relative)", pct(l.Relative, 1), pct(l.RelativeInterval.Low, 1) + " to " + pct(l.RelativeInterval.High, 1), ""})
	}
	return t
}
