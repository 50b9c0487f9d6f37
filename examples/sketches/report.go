package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/selection"
	"github.com/shopspring/decimal"
)

// report writes the ranking by estimated reach, the shortlist under the
// budget and the most overlapping pairs.
func report(cs []creator, budget decimal.Decimal, w io.Writer) error {
	if len(cs) == 0 {
		return fmt.Errorf("no creators")
	}
	ranked := slices.Clone(cs)
	est := map[string]audience.Estimate{}
	for _, c := range cs {
		est[c.handle] = c.sketch.Estimate()
	}
	slices.SortStableFunc(ranked, func(a, b creator) int {
		if d := est[b.handle].Value.Cmp(est[a.handle].Value); d != 0 {
			return d
		}
		return cmp.Compare(a.handle, b.handle)
	})
	writeRanking(w, ranked, est)
	if err := writeShortlist(w, cs, budget); err != nil {
		return err
	}
	writeOverlaps(w, cs)
	return nil
}

// writeRanking lists the creators by estimated reach with DataSketches'
// bounds, and the unique reach of the top i together.
func writeRanking(w io.Writer, ranked []creator, est map[string]audience.Estimate) {
	fmt.Fprintln(w, "Creators by estimated reach (95 % bounds; together: unique reach of the top i)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tcreator\treach\tlow\thigh\ttogether\tfee")
	var top []*audience.Sketch
	for i, c := range ranked {
		e := est[c.handle]
		top = append(top, c.sketch)
		fee := "-"
		if c.hasFee {
			fee = c.fee.StringFixed(2)
		}
		mark := ""
		if e.Exact {
			mark = " (exact)"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s%s\t%s\t%s\t%s\t%s\n", i+1, c.handle, e.Value.Round(0), mark,
			e.Low.Floor(), e.High.Ceil(), audience.UniqueReachSketches(top...).Value.Round(0), fee)
	}
	tw.Flush()
}

// writeShortlist picks, among the creators with a fee, those whose fees
// fit the budget and whose followers, counted once, are the most.
func writeShortlist(w io.Writer, cs []creator, budget decimal.Decimal) error {
	var cands []selection.Candidate
	var noFee []string
	for _, c := range cs {
		if !c.hasFee {
			noFee = append(noFee, c.handle)
			continue
		}
		cands = append(cands, selection.Candidate{ID: c.handle, Fee: c.fee, Sketch: c.sketch})
	}
	fmt.Fprintf(w, "\nShortlist within %s: the most distinct followers (selection.Shortlist, MaxUniqueReach)\n", budget.StringFixed(2))
	if len(noFee) > 0 {
		fmt.Fprintf(w, "not considered, no fee: %v\n", noFee)
	}
	if len(cands) == 0 {
		fmt.Fprintln(w, "no creator has a fee")
		return nil
	}
	pick, err := selection.Shortlist(cands, budget, selection.MaxUniqueReach)
	if err != nil {
		return err
	}
	var picked []*audience.Sketch
	sum := decimal.Zero
	for _, c := range cs {
		if slices.Contains(pick.IDs, c.handle) {
			picked = append(picked, c.sketch)
			sum = sum.Add(c.sketch.Estimate().Value.Round(0))
		}
	}
	u := audience.UniqueReachSketches(picked...)
	fmt.Fprintf(w, "picked:        %v\n", pick.IDs)
	fmt.Fprintf(w, "cost:          %s\n", pick.Cost.StringFixed(2))
	fmt.Fprintf(w, "unique reach:  %s (95 %%: %s to %s); their reaches add up to %s\n",
		u.Value.Round(0), u.Low.Floor(), u.High.Ceil(), sum)
	fmt.Fprintf(w, "proven best:   %v\n", pick.Optimal)
	return nil
}

// writeOverlaps lists the three pairs that share the largest part of the
// smaller audience.
func writeOverlaps(w io.Writer, cs []creator) {
	sk := make([]*audience.Sketch, len(cs))
	for i, c := range cs {
		sk[i] = c.sketch
	}
	m := audience.SketchOverlapMatrix(sk, 0)
	type pair struct {
		i, j int
		p    audience.Pair
	}
	var ps []pair
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			p, _ := m.Pair(i, j)
			ps = append(ps, pair{i, j, p})
		}
	}
	slices.SortStableFunc(ps, func(a, b pair) int { return b.p.OfSmaller.Cmp(a.p.OfSmaller) })
	fmt.Fprintln(w, "\nMost overlapping pairs (shared followers, share of the smaller audience)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "pair\tshared\tlow\thigh\tof smaller")
	for _, x := range ps[:min(3, len(ps))] {
		fmt.Fprintf(tw, "%s + %s\t%d\t%d\t%d\t%s %%\n", cs[x.i].handle, cs[x.j].handle,
			x.p.Shared, x.p.Low.Shared, x.p.High.Shared, x.p.OfSmaller.Mul(decimal.NewFromInt(100)).StringFixed(1))
	}
	tw.Flush()
}
