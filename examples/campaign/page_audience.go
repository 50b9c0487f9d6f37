package main

import (
	"fmt"
	"strings"

	"github.com/influencekit/influencekit/internal/svgchart"
	"github.com/shopspring/decimal"
)

// shortlistPage is section 3: the overlap of the shortlisted creators'
// followers (heat map) and the unique reach each pick adds.
func shortlistPage(pc *pageCtx) pageSection {
	sl := pc.rep.Shortlists
	s := pageSection{ID: "audience", Title: "Shortlist",
		Intro: []string{fmt.Sprintf("The fee budget is %s. By value: the most engagements expected from the target audience; "+
			"by unique reach: the most distinct followers. Followers are known from a 1-in-%d sample: \"≈\" figures scale it up.",
			pc.p.m(sl.FeeBudget.Amount), sampleRate)}}
	if len(sl.ByValue.Creators) > 0 {
		s.Figures = append(s.Figures, overlapFigure(pc, sl.ByValue), reachFigure(pc, sl.ByValue))
	}
	if len(sl.ByReach.Creators) > 0 {
		s.Figures = append(s.Figures, reachFigure(pc, sl.ByReach))
	}
	var booked []string
	for _, b := range sl.Booked {
		booked = append(booked, marked(pc.flagged, b))
	}
	s.Notes = append(s.Notes, "Booked: "+strings.Join(booked, ", ")+".")
	for _, sl := range []Shortlist{sl.ByValue, sl.ByReach} {
		for _, c := range sl.Creators {
			if pc.flagged[c.Handle] {
				s.Notes = append(s.Notes, fmt.Sprintf("%s %s is in the %s shortlist and carries an authenticity flag (section 2): look before booking.",
					flagMark, c.Handle, pickName(sl.Goal)))
			}
		}
	}
	return s
}

// pickName names a shortlist.
func pickName(goal string) string {
	if goal == "max-unique-reach" {
		return "unique-reach"
	}
	return "by-value"
}

// overlapFigure is the heat map of the shared followers of a pick's
// creators, as a share of the smaller audience.
func overlapFigure(pc *pageCtx, sl Shortlist) pageFigure {
	n := len(sl.Creators)
	hm := svgchart.Heatmap{ID: "chart-overlap", Title: "Audience overlap of the by-value shortlist",
		Desc:   "For each pair of shortlisted creators, the sampled followers they share as a percentage of the smaller audience; darker is more overlap.",
		Legend: "cell: shared sampled followers, % of the smaller audience", Mark: flagMark}
	idx := map[string]int{}
	for i, c := range sl.Creators {
		idx[c.Handle] = i
		hm.Names = append(hm.Names, c.Handle)
		hm.Marked = append(hm.Marked, pc.flagged[c.Handle])
	}
	hm.Values, hm.Texts = make([][]float64, n), make([][]string, n)
	for i := range n {
		hm.Values[i], hm.Texts[i] = make([]float64, n), make([]string, n)
		for j := range n {
			if i != j {
				hm.Texts[i][j] = "0"
			}
		}
	}
	t := pageTable{Caption: "Overlapping pairs (shared sampled followers)", Head: []string{"creator", "creator", "shared", "of smaller", "Jaccard"}, Num: numCols(2, 5)}
	for _, o := range sl.Overlaps {
		i, j := idx[o.A], idx[o.B]
		v := f64(o.OfSmaller.Shift(2))
		hm.Values[i][j], hm.Values[j][i] = v, v
		hm.Texts[i][j], hm.Texts[j][i] = o.OfSmaller.Shift(2).StringFixed(0), o.OfSmaller.Shift(2).StringFixed(0)
		t.Rows = append(t.Rows, []string{marked(pc.flagged, o.A), marked(pc.flagged, o.B), thousands(o.Shared), pct(o.OfSmaller, 0), o.Jaccard.StringFixed(2)})
	}
	if len(t.Rows) == 0 {
		t.Rows = [][]string{{"no two creators share a sampled follower", "", "", "", ""}}
	}
	return pageFigure{Chart: hm.SVG(), Table: t}
}

// reachFigure is the unique reach each creator of a pick adds to those
// above, stacked on the followers already reached.
func reachFigure(pc *pageCtx, sl Shortlist) pageFigure {
	name := map[string]string{"max-value": "By value", "max-unique-reach": "By unique reach"}[sl.Goal]
	bars := svgchart.Bars{ID: "chart-reach-" + pickName(sl.Goal), Title: name + ": unique reach added by each pick",
		Desc: "For each creator in pick order, the followers not reached by the creators above (new) and those already reached, " +
			"scaled from the 1-in-100 sample.",
		Axis: "followers (≈, scaled from the sample)", Stacked: true, Series: []string{"new followers", "already reached"},
		Tick: countTick}
	t := pageTable{Caption: fmt.Sprintf("%s: %d creators for %s", name, len(sl.Creators), pc.p.m(sl.Cost.Amount)),
		Head: []string{"creator", "fee", "≈ followers", "≈ new", "≈ only theirs"}, Num: numCols(1, 5)}
	scale := decimal.NewFromInt(sampleRate)
	for _, c := range sl.Creators {
		gained, rest := decimal.NewFromInt(c.Gained).Mul(scale), decimal.NewFromInt(c.Sample-c.Gained).Mul(scale)
		bars.Rows = append(bars.Rows, svgchart.Row{Label: c.Handle, Marked: pc.flagged[c.Handle], Mark: flagMark,
			Values: []float64{f64(gained), f64(rest)}, Texts: []string{"+" + number(gained, 0), number(rest, 0), "+" + number(gained, 0) + " new"}})
		t.Rows = append(t.Rows, []string{marked(pc.flagged, c.Handle), pc.p.m(c.Fee.Amount), thousands(c.Sample * sampleRate),
			"+" + thousands(c.Gained*sampleRate), thousands(c.Exclusive * sampleRate)})
		t.Marked = append(t.Marked, pc.flagged[c.Handle])
	}
	t.Rows = append(t.Rows, []string{"distinct", "", "", "≈" + thousands(sl.UniqueReach*sampleRate), ""})
	return pageFigure{Chart: bars.SVG(), Table: t}
}
