package main

import (
	"fmt"
	"strings"

	"github.com/influencekit/influencekit/internal/svgchart"
)

// candidatesPage is section 2: every ranked candidate's score broken down
// by criterion (stacked bars), flags marked; the flags and the rejected.
func candidatesPage(pc *pageCtx) pageSection {
	rep := pc.rep
	s := pageSection{ID: "candidates", Title: "Candidates",
		Intro: []string{
			fmt.Sprintf("%d creators vetted with selection.Rank: %d passed the filters and are ranked, %d were rejected. "+
				"Each criterion scores 0–100 and the score is their weighted mean: each bar below is the score, split into "+
				"what each criterion adds (its score × its weight / the sum of the weights).", len(rep.Candidates)+len(rep.Rejected),
				len(rep.Candidates), len(rep.Rejected)),
			"Cost efficiency is the expected engagements per euro of fee e against the candidates' median m, e/(e+m): the median " +
				"scores 50 and twice it 67, so one outlier cannot push everyone else towards 0.",
			rateCandidates + ". " + whyRatesDiffer,
		}}
	bars := svgchart.Bars{ID: "chart-candidates", Title: "Candidates' scores by criterion (" + flagMark + " = authenticity flag)",
		Desc: "One stacked bar per ranked candidate, best first: the points each criterion adds to the score (0–100). " +
			"Candidates with an authenticity flag are marked in red.",
		Axis: "score (points of 100)", Stacked: true, Tick: func(v float64) string { return fmt.Sprintf("%g", v) }}
	t := pageTable{Caption: "Ranked candidates (criteria scored 0–100)", Head: []string{"#", "creator", "platform, tier", "ER (public)"}}
	if len(rep.Candidates) == 0 {
		s.Notes = []string{"No candidate passed the filters."}
		s.Tables = append(s.Tables, rejectedTable(rep))
		return s
	}
	var used []int // the criteria with a weight and a score for someone: the others add nothing
	var empty []string
	for j, b := range rep.Candidates[0].Breakdown {
		if b.Weight.IsPositive() && allMissing(rep.Candidates, j) {
			empty = append(empty, b.Criterion)
			continue
		}
		if b.Weight.IsPositive() {
			used = append(used, j)
			bars.Series = append(bars.Series, fmt.Sprintf("%s (×%s)", b.Criterion, b.Weight.String()))
			t.Head = append(t.Head, b.Criterion)
		}
	}
	t.Head = append(t.Head, "score", "fee")
	t.Num = numCols(3, len(t.Head))
	t.Num[0] = true
	for _, c := range rep.Candidates {
		row := svgchart.Row{Label: c.Handle, Marked: len(c.Flags) > 0, Mark: flagMark}
		cells := []string{fmt.Sprint(c.Rank), marked(pc.flagged, c.Handle), c.Platform.String() + ", " + c.Tier.String(), pct(c.ER, 2)}
		for _, j := range used {
			b := c.Breakdown[j]
			row.Values = append(row.Values, f64(b.Contribution.Shift(2)))
			row.Texts = append(row.Texts, b.Contribution.Shift(2).StringFixed(1))
			if b.Missing {
				cells = append(cells, "—")
			} else {
				cells = append(cells, b.Score.Shift(2).StringFixed(0))
			}
		}
		row.Texts = append(row.Texts, c.Score.Shift(2).StringFixed(1))
		bars.Rows = append(bars.Rows, row)
		t.Rows = append(t.Rows, append(cells, c.Score.Shift(2).StringFixed(1), pc.p.m(c.Fee.Amount)))
		t.Marked = append(t.Marked, len(c.Flags) > 0)
	}
	s.Figures = []pageFigure{{Chart: bars.SVG(), Table: t, Wide: true}}
	if len(empty) > 0 {
		s.Notes = append(s.Notes, "Not shown: "+strings.Join(empty, ", ")+": no candidate has the data (here every candidate's history is one post a week), "+
			"so it is left out of every mean and adds nothing.")
	}
	s.Tables = append(s.Tables, flagTable(rep), rejectedTable(rep))
	return s
}

// flagTable lists the authenticity flags.
func flagTable(rep Report) pageTable {
	t := pageTable{Caption: flagMark + " Authenticity flags (a reason to look, not proof)", Head: []string{"creator", "flags"}, Num: numCols(2, 2)}
	for _, c := range rep.Candidates {
		if len(c.Flags) > 0 {
			t.Rows = append(t.Rows, []string{c.Handle + " " + flagMark, strings.Join(c.Flags, "; ")})
			t.Marked = append(t.Marked, true)
		}
	}
	if len(t.Rows) == 0 {
		t.Rows = [][]string{{"none", ""}}
	}
	return t
}

// rejectedTable lists the candidates a filter excluded.
func rejectedTable(rep Report) pageTable {
	t := pageTable{Caption: "Rejected", Head: []string{"creator", "platform", "filter", "why"}, Num: numCols(4, 4)}
	for _, r := range rep.Rejected {
		t.Rows = append(t.Rows, []string{r.Handle, r.Platform.String(), r.Filter, r.Detail})
	}
	return t
}

// allMissing reports whether no candidate has a score for criterion j.
func allMissing(cs []Ranked, j int) bool {
	for _, c := range cs {
		if j < len(c.Breakdown) && !c.Breakdown[j].Missing {
			return false
		}
	}
	return true
}
