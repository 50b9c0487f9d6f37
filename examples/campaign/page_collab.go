package main

import (
	"fmt"
	"strings"

	"github.com/influencekit/influencekit/collab"
	"github.com/influencekit/influencekit/internal/svgchart"
)

// collabPage is the collaboration section (text section 8): each
// deliverable's days late, the captions against the brief.
func collabPage(pc *pageCtx) pageSection {
	c := pc.rep.Collab
	d := c.Delivery
	s := pageSection{ID: "collaboration", Title: "Collaboration",
		Intro: []string{fmt.Sprintf("As of %s: %d deliverables, %d delivered on time, %d late, %d overdue (not live, past due), "+
			"%d still open, %d cancelled. %s",
			c.AsOf.Format("Mon 2 Jan 2006"), d.Deliverables, d.OnTime, d.Late, d.Overdue, d.Open, d.Cancelled, overdueRule(c))}}
	if len(c.Deliverables) == 0 {
		return s
	}
	bars := svgchart.Bars{ID: "chart-delivery", Title: "Deliverables late or overdue: days late",
		Desc: "One bar per late or overdue deliverable: the days it went live after its due date (late) or has been past due without going live (overdue); the others are in the table.",
		Axis: "days late", Tick: func(v float64) string { return fmt.Sprintf("%g", v) }, LabelWidth: 230}
	t := pageTable{Caption: "Deliverables", Head: []string{"deliverable", "creator", "live by", "state", "live", "late"}, Num: numCols(4, 6)}
	for _, st := range c.Deliverables {
		state := strings.ReplaceAll(st.State.String(), "_", " ")
		late := ""
		if st.State == collab.StateLate || st.State == collab.StateOverdue {
			late = plural(st.DaysLate, "day")
		}
		if st.DaysLate > 0 {
			bars.Rows = append(bars.Rows, svgchart.Row{Label: st.Deliverable + " (" + state + ")", Values: []float64{float64(st.DaysLate)}, Texts: []string{late}})
		}
		t.Rows = append(t.Rows, []string{st.Deliverable, marked(pc.flagged, st.Creator), st.Due.AddDate(0, 0, -1).Format("2\u00a0Jan"),
			state, fmt.Sprintf("%d of %d", st.Published, st.Count), late})
		t.Marked = append(t.Marked, pc.flagged[st.Creator])
	}
	if len(bars.Rows) > 0 {
		// wide: six columns of deliverable IDs and states do not fit beside the chart at 1,280 px
		s.Figures = []pageFigure{{Chart: bars.SVG(), Table: t, Wide: true}}
	} else {
		s.Tables = append(s.Tables, t)
	}
	ct := pageTable{Caption: "Captions against the brief", Head: []string{"post", "creator", "deliverable", "label found", "findings"}, Num: numCols(5, 5)}
	for _, r := range c.Captions {
		label, at, findings := captionFinding(r)
		if at != "" {
			label += " (" + at + ")"
		}
		ct.Rows = append(ct.Rows, []string{r.Post, marked(pc.flagged, r.Creator), r.Deliverable, label, findings})
		ct.Marked = append(ct.Marked, pc.flagged[r.Creator])
	}
	s.Tables = append(s.Tables, ct)
	return s
}
