package main

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/roi"
	"github.com/influencekit/influencekit/selection"
	"github.com/shopspring/decimal"
)

// sampleRate is how many followers one sampled follower stands for.
const sampleRate = 100

func printReport(w io.Writer, rep Report) error {
	cur, err := budget.ParseCurrency(rep.Currency)
	if err != nil {
		return err
	}
	p := &printer{w: w, cur: cur}
	p.f("%s · %s\n", rep.Brand, rep.Campaign)
	p.f("%s to %s (%d weeks) · budget %s · amounts in %s\n", rep.Start.Format("Mon 2 Jan 2006"),
		rep.End.AddDate(0, 0, -1).Format("Mon 2 Jan 2006"), int(rep.End.Sub(rep.Start).Hours()/24/7), p.m(rep.Budget.Total.Amount), rep.Currency)
	if rep.AsOf.Before(rep.End) {
		p.f("Report as of %s: data up to the day before.\n", rep.AsOf.Format("Mon 2 Jan 2006"))
	}

	summary(p, rep)
	goals(p, rep)
	candidates(p, rep)
	shortlists(p, rep)
	budgetPlan(p, rep)
	trackingSection(p, rep)
	resultsSection(p, rep)
	nextSection(p, rep)
	collaborationSection(p, rep)
	feedbackPrint(p, rep)
	return p.err
}

// summary is the paragraph a manager reads first.
func summary(p *printer, rep Report) {
	met := 0
	for _, g := range rep.Goals {
		if g.Met {
			met++
		}
	}
	t := rep.Results.Report.Total
	p.f("\nIn short: %d creators booked from %d candidates; %s spent of %s;\n%s of sales credited to creators",
		len(rep.Shortlists.Booked), len(rep.Candidates)+len(rep.Rejected), p.m(rep.Budget.Actual.Amount), p.m(rep.Budget.Total.Amount), p.m(t.Revenue))
	if t.ROAS != nil {
		p.f(" (ROAS %s×: each %s spent brought %s back)", t.ROAS.StringFixed(2), p.m(decimal.NewFromInt(1)), p.m(t.ROAS.Round(p.cur.MinorUnits())))
	}
	if rep.AsOf.Before(rep.End) {
		onTrack := 0
		for _, g := range rep.Goals {
			if g.Met || g.OnTrack {
				onTrack++
			}
		}
		p.f("; %d of %d goals met or on track.\n", onTrack, len(rep.Goals))
		return
	}
	p.f("; %d of %d goals met.\n", met, len(rep.Goals))
}

func goalValue(p *printer, unit string, d decimal.Decimal) string {
	switch unit {
	case "money":
		return p.m(d)
	case "ratio":
		return d.StringFixed(2) + "×"
	}
	return number(d, 0)
}

func goals(p *printer, rep Report) {
	final := !rep.AsOf.Before(rep.End)
	intro := "SMART targets: one metric each, a value to reach and a deadline (the campaign's last day)."
	if !final {
		intro += fmt.Sprintf("\nReport as of %s: \"expected\" is where a straight line from 0 at the start to the goal stands today.",
			rep.AsOf.Format("Mon 2 Jan 2006"))
	}
	p.section(1, "Goals and KPIs", intro)
	tw := p.table("lrrrrl", "goal", "target", "by", "achieved", "of target", "")
	if !final {
		tw = p.table("lrrrrrl", "goal", "target", "by", "achieved", "of target", "expected", "")
	}
	for _, g := range rep.Goals {
		status := goalStatus(g, final)
		cells := []string{g.Metric, goalValue(p, g.Unit, g.Goal), g.Deadline.AddDate(0, 0, -1).Format("2 Jan"),
			goalValue(p, g.Unit, g.Achieved), pct(g.Fraction, 0)}
		if !final {
			expected := ""
			if g.Unit != "ratio" {
				expected = goalValue(p, g.Unit, g.Expected)
			}
			cells = append(cells, expected)
		}
		tw.row(strings.Join(append(cells, status), "\t"))
	}
	tw.flush()
	p.f("\n")
	for _, g := range rep.Goals {
		p.f("  · %s: %s.\n", strings.SplitN(g.Metric, " (", 2)[0], g.Why)
	}
}

// goalStatus is a goal's verdict: met, missed (final report), below (a
// ratio before the end), on track or behind.
func goalStatus(g GoalStatus, final bool) string {
	switch {
	case g.Met:
		return "✔ met"
	case final:
		return "✘ missed"
	case g.Unit == "ratio":
		return "✘ below"
	case g.OnTrack:
		return "on track"
	}
	return "✘ behind"
}

func candidates(p *printer, rep Report) {
	p.section(2, "Candidates",
		fmt.Sprintf("%d creators vetted with selection.Rank: %d passed the filters and are ranked, %d were rejected.\n"+
			"Each criterion scores 0–100; the score is their weighted mean (weights of selection.DefaultWeights):\n"+
			"  engag. (3)   engagement rate against the benchmark of the platform and tier: the benchmark scores 50, twice it 100\n"+
			"  fit (3)      match of the audience's age, gender and country to the target (weights 2:1:2)\n"+
			"  categ. (1)   share of the brand's categories (skincare, beauty, sustainability, outdoor) the creator covers\n"+
			"  auth. (2)    100, less 25 per authenticity flag\n"+
			"  effic. (2)   expected engagements per euro of fee e against the candidates' median m: e/(e+m), the median scores 50,\n"+
			"               twice it 67 (so one outlier cannot squeeze everyone else)\n"+
			"  growth (1)   follower growth over the last 30 days, against 3 %% a month\n"+
			"  reliab. (2)  for creators of an earlier campaign (section 8): ½ × share delivered on time + ½ × 7/(7 + mean days late)\n"+
			"  past (2)     their last ROAS x against the median m of the candidates with one: x/(x+m), the median scores 50\n"+
			"A creator without a record is neither rewarded nor punished: reliab. and past (—) are left out of their mean.\n"+
			"(selection's third record criterion, activity, is not used: every candidate's history here is one post a week.)",
			len(rep.Candidates)+len(rep.Rejected), len(rep.Candidates), len(rep.Rejected)))
	tw := p.table("rlllrrrrrrrrrrrr", "#", "creator", "platform", "tier", "followers", "ER (public)", "engag.", "fit", "categ.", "auth.", "effic.", "growth",
		"reliab.", "past", "score", "fee")
	for _, c := range rep.Candidates {
		handle := c.Handle
		if len(c.Flags) > 0 {
			handle += " " + flagMark
		}
		cells := []string{fmt.Sprint(c.Rank), handle, c.Platform.String(), c.Tier.String(), thousands(c.Followers), pct(c.ER, 2)}
		for _, b := range c.Breakdown {
			if b.Criterion == selection.Activity.String() {
				continue // not used here (see the intro)
			}
			if b.Missing {
				cells = append(cells, "—")
			} else {
				cells = append(cells, b.Score.Shift(2).StringFixed(0))
			}
		}
		fee := p.m(c.Fee.Amount)
		if c.FeeEstimated {
			fee += " (est.)"
		}
		cells = append(cells, c.Score.Shift(2).StringFixed(1), fee)
		tw.row(strings.Join(cells, "\t"))
	}
	tw.flush()
	p.f("\n%s.\n%s\n", rateCandidates, wrap(whyRatesDiffer))
	p.f("Benchmarks: kpi.DefaultBenchmarks, completed by the candidates' median where it has no row (TikTok, mid tier).\n")
	p.f("\n⚑ Authenticity flags (a reason to look, not proof; with two flags or more, authenticity below 75, a creator is not shortlisted):\n")
	flagged := 0
	for _, c := range rep.Candidates {
		if len(c.Flags) > 0 {
			flagged++
			p.f("  %-20s %s\n", c.Handle, strings.Join(c.Flags, "; "))
		}
	}
	if flagged == 0 {
		p.f("  none\n")
	}
	p.f("\nRejected:\n")
	tw = p.table("llll", "creator", "platform", "filter", "why")
	for _, r := range rep.Rejected {
		tw.row(fmt.Sprintf("%s\t%s\t%s\t%s\n", r.Handle, r.Platform, r.Filter, r.Detail))
	}
	tw.flush()
}

func shortlists(p *printer, rep Report) {
	s := rep.Shortlists
	capFee := s.FeeBudget.Amount.Mul(s.MaxShare).RoundFloor(p.cur.MinorUnits())
	var atLeast []string
	for _, pl := range slices.Sorted(maps.Keys(s.AtLeast)) {
		atLeast = append(atLeast, fmt.Sprintf("%d %s", s.AtLeast[pl], platformName(pl)))
	}
	p.section(3, "Shortlist",
		fmt.Sprintf("The fee budget is %s (the influencer-fee share of the plan); no creator may take more than %s of it (%s),\n"+
			"and each pick holds at least %s creators.\n"+
			"By value: the most engagements expected from the target audience (package engagements × fit), an exact 0/1 knapsack.\n"+
			"By unique reach: the most distinct followers; a follower of several chosen creators counts once.\n"+
			"Followers are known from a 1-in-%d sample (\"≈\" figures scale it up): \"new\" are sampled followers that the creators\n"+
			"above had not reached yet, \"only theirs\" follow no other chosen creator.", p.m(s.FeeBudget.Amount), pct(s.MaxShare, 0), p.m(capFee),
			strings.Join(atLeast, " and "), sampleRate))
	var over []string
	for _, c := range rep.Candidates {
		if c.Fee.Amount.GreaterThan(capFee) {
			over = append(over, fmt.Sprintf("%s (%s)", c.Handle, p.m(c.Fee.Amount)))
		}
	}
	if len(over) > 0 {
		p.f("%s\n\n", wrap("Quoting more than the cap, never picked: "+strings.Join(over, ", ")+"."))
	}
	flagged := flaggedSet(rep)
	for _, sl := range []Shortlist{s.ByValue, s.ByReach} {
		pickTable(p, sl, flagged)
	}
	bookedNotes(p, s, flagged)
}

// pickTable prints one shortlist: its creators, the reach they add, the
// largest overlaps.
func pickTable(p *printer, sl Shortlist, flagged map[string]bool) {
	proof := "proven optimal"
	if !sl.Optimal {
		proof = "best found, not proven optimal"
	}
	what := "expected on-target engagements " + number(sl.Value, 0)
	if sl.Goal == "max-unique-reach" {
		what = fmt.Sprintf("unique followers ≈%s", thousands(sl.Value.IntPart()*sampleRate))
	}
	name := map[string]string{"max-value": "By value", "max-unique-reach": "By unique reach"}[sl.Goal]
	p.f("%s: %d creators for %s, %s (%s, %s)\n", name, len(sl.Creators), p.m(sl.Cost.Amount), what, sl.Method, proof)
	tw := p.table("lrrrrr", "creator", "fee", "value", "sample", "new", "only theirs")
	for _, c := range sl.Creators {
		tw.row(fmt.Sprintf("%s\t%s\t%s\t%s\t+%s\t%s\t\n", marked(flagged, c.Handle), p.m(c.Fee.Amount), number(c.Value, 0), thousands(c.Sample), thousands(c.Gained), thousands(c.Exclusive)))
	}
	tw.flush()
	dup := sl.SumSamples - sl.UniqueReach
	p.f("  %s sampled follows, %s distinct people (≈%s): %s of the follows are duplicates.\n",
		thousands(sl.SumSamples), thousands(sl.UniqueReach), thousands(sl.UniqueReach*sampleRate),
		pct(ratio(decimal.NewFromInt(dup), decimal.NewFromInt(sl.SumSamples)), 1))
	if len(sl.Overlaps) > 0 {
		p.f("  largest overlaps (shared sampled followers; share of the smaller audience):\n")
		for i, o := range sl.Overlaps {
			if i == 5 {
				p.f("    … and %d more pairs\n", len(sl.Overlaps)-5)
				break
			}
			p.f("    %-22s & %-22s %5s  (%s; Jaccard %s)\n", marked(flagged, o.A), marked(flagged, o.B), thousands(o.Shared), pct(o.OfSmaller, 0), o.Jaccard.StringFixed(2))
		}
	}
	if slices.ContainsFunc(sl.Creators, func(c Picked) bool { return flagged[c.Handle] }) {
		p.f("  %s authenticity flag: see section 2; a reason to look before booking.\n", flagMark)
	}
	p.f("\n")
}

// bookedNotes compares the booked creators with the shortlists.
func bookedNotes(p *printer, s Shortlists, flagged map[string]bool) {
	p.f("%s\n", wrap("Booked: "+strings.Join(s.Booked, ", ")+"."))
	var differs []string
	for _, c := range s.ByValue.Creators {
		if !slices.Contains(s.Booked, c.Handle) {
			differs = append(differs, marked(flagged, c.Handle))
		}
	}
	if len(differs) > 0 {
		p.f("%s\n", wrap("Recommended by value but not booked: "+strings.Join(differs, ", ")+"."))
	}
	var unplanned []string
	for _, b := range s.Booked {
		in := func(sl Shortlist) bool {
			return slices.ContainsFunc(sl.Creators, func(c Picked) bool { return c.Handle == b })
		}
		if !in(s.ByValue) && !in(s.ByReach) {
			unplanned = append(unplanned, b)
		}
	}
	if len(unplanned) > 0 {
		p.f("%s\n", wrap("Booked but in neither shortlist: "+strings.Join(unplanned, ", ")+"."))
	}
}

func budgetPlan(p *printer, rep Report) {
	b := rep.Budget
	p.section(4, "Budget", fmt.Sprintf("%s split by category with the largest-remainder method: the parts add up to the cent.", p.m(b.Total.Amount)))
	tw := p.table("lrrrrr", "category", "share", "planned", "spent", "variance", "")
	var sumSplit decimal.Decimal
	for _, c := range b.Categories {
		sumSplit = sumSplit.Add(c.Split.Amount)
		share, frac := pct(c.Share, 1), signed(pct(c.Fraction, 1))
		if c.Split.Amount.IsZero() {
			share, frac = "—", "unplanned"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", c.Category, share, p.m(c.Split.Amount), p.m(c.Actual.Amount), signed(p.m(c.Variance.Amount)), frac)
	}
	tw.row(fmt.Sprintf("total\t\t%s\t%s\t%s\t\t\n", p.m(sumSplit), p.m(b.Actual.Amount), signed(p.m(b.Actual.Amount.Sub(sumSplit)))))
	tw.flush()
	var booked decimal.Decimal
	for _, f := range b.Fees {
		booked = booked.Add(f.Agreed.Amount)
	}
	if booked.GreaterThan(rep.Shortlists.FeeBudget.Amount) {
		p.f("Warning: the booked fees, %s, exceed the fee budget of %s.\n", p.m(booked), p.m(rep.Shortlists.FeeBudget.Amount))
	}
	p.f("Spent %s of the budget in %s of the time, %s a day", pct(b.Burn.Spent, 1), pct(b.Burn.Elapsed, 0),
		p.m(b.Burn.PerDay.Round(p.cur.MinorUnits())))
	if b.Burn.Elapsed.LessThan(decimal.NewFromInt(1)) {
		p.f(" (at this pace, %s by the end)", p.m(b.Burn.Projected.Round(p.cur.MinorUnits())))
	}
	p.f("; remaining: %s.", p.m(b.Remaining.Amount))
	if len(b.OverBudget) > 0 {
		p.f(" Lines over their plan: %s.", strings.Join(b.OverBudget, ", "))
	}
	p.f("\n\nFees: the rate card's estimate (budget.DefaultRateCard, illustrative: tier base × deliverable × engagement against\n")
	p.f("the tier's benchmark × audience fit), the creator's quote (\"for\" names its package when it is not the one booked),\n")
	p.f("what was agreed and what was paid.\n")
	tw = p.table("llrrrrr", "creator", "deliverables", "estimate (low–high)", "quoted", "agreed", "paid", "agreed vs estimate")
	for _, f := range b.Fees {
		vs, est, quoted := "n/a", "n/a (no profile)", "n/a"
		if f.Expected.Amount.IsPositive() {
			vs = signed(pct(ratio(f.Agreed.Amount.Sub(f.Expected.Amount), f.Expected.Amount), 0))
			est = fmt.Sprintf("%s (%s–%s)", p.m(f.Expected.Amount), number(f.Low.Amount, 0), number(f.High.Amount, 0))
			quoted = p.m(f.Quoted.Amount)
			if f.QuotedFor != f.Deliverables {
				quoted += " for " + f.QuotedFor
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", f.Handle, f.Deliverables, est, quoted, p.m(f.Agreed.Amount), p.m(f.Paid.Amount), vs)
	}
	tw.flush()
}

func trackingSection(p *printer, rep Report) {
	p.section(5, "Tracking", "The sponsored posts, per creator (engagements = likes + comments + shares + saves; followers as of the latest post).\n"+
		rateTracking+" (Σ engagements / Σ reach;\nsection 2 says why the three engagement rates differ).")
	if len(rep.Creators) == 0 {
		p.f("No sponsored post yet.\n")
		return
	}
	tw := p.table("llrrrrrr", "creator", "platform", "posts", "followers", "engagements", "reach", "ER (campaign)", "CTR")
	for _, c := range rep.Creators {
		err := "n/a"
		if c.ByReach != nil {
			err = pct(c.ByReach.Rate, 2)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t\n", c.Handle, c.Platform, c.Posts, thousands(c.Followers),
			thousands(c.Engagements), thousands(c.Reach), err, optPct(c.CTR, 2))
	}
	tw.flush()
	for _, c := range rep.Creators {
		if c.Note != "" {
			p.f("  %s: %s.\n", c.Handle, c.Note)
		}
	}
	if len(rep.Goals) > 1 {
		p.f("\nWeek by week. The targets grow on a straight line from 0 at the start to the goal on the last day;\n")
		p.f("each week's total so far is against where that line stands at the week's end (✔ on track, ✘ behind).\n")
	}
	tw = p.table("lrrrrrrrr", "week", "starts", "posts", "engagements", "ER (campaign)", "change", "reach", "engagements so far", "reach so far")
	for _, wk := range rep.Weeks {
		rate, change := "n/a", ""
		if wk.Rated {
			rate = pct(wk.Rate, 2)
		}
		if wk.HasChange {
			change = signed(wk.Change.Shift(2).StringFixed(2)) + " pts"
		}
		mark := func(ok bool) string {
			if ok {
				return "✔"
			}
			return "✘"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s / %s %s\t%s / %s %s\t\n", wk.Week, wk.Start.Format("2 Jan"), wk.Posts,
			thousands(wk.Engagements), rate, change, thousands(wk.Reach),
			thousands(wk.Cumulative), number(wk.Expected, 0), mark(wk.OnTrack),
			thousands(wk.CumulativeReach), number(wk.ExpectedReach, 0), mark(wk.ReachOnTrack))
	}
	tw.flush()
}

func resultsSection(p *printer, rep Report) {
	r := rep.Results
	p.section(6, "Results", "Cost is what was paid (the creator's fee line); revenue and orders are credited by code or link.\n"+
		"ROI = (revenue − cost) / cost; ROAS = revenue / cost; CPA per order, CPE per engagement, CPM per 1,000 impressions.\n"+
		wrap("EMV (earned media value) prices the posts' actions as paid media would, with "+r.EMVSource+" ("+rep.Currency+")."))
	metricsTable(p, r.Report)
	ordersNote(p, r.Orders)
	salesTable(p, r.Sales)
	if rep.AsOf.Before(rep.End) {
		p.f("\nMulti-touch attribution: left out before the campaign's end, as the journeys (paths) carry no dates.\n")
	} else if len(r.MultiTouch) > 0 {
		multiTouchTable(p, rep)
		rateShapleyTable(p, r.RateShapley)
	}
	p.f("\nAgainst the published benchmarks (kpi.DefaultBenchmarks):\n%s;\n", rateBenchmark)
	p.f("\"typical\" is within half to twice the tier's rate. The table has no TikTok rows yet.\n")
	for _, c := range rep.Creators {
		if c.Benchmark != "no benchmark" && c.Benchmark != "n/a" {
			p.f("  %-20s %s\n", c.Handle, c.Benchmark)
		}
	}
	p.f("%s\n", wrap(benchmarkVerdict(rep)))
	if len(r.VsPast) > 0 {
		vsPastTable(p, rep)
	}
}

// metricsTable prints the metrics of each creator, the overhead and the
// campaign's total.
func metricsTable(p *printer, cr roi.CampaignReport) {
	tw := p.table("lrrrrrrrrr", "creator", "cost", "revenue", "orders", "ROI", "ROAS", "CPA", "CPE", "CPM", "EMV")
	opt := func(d *decimal.Decimal) string {
		if d == nil {
			return "n/a"
		}
		return p.m(d.Round(p.cur.MinorUnits()))
	}
	x := func(d *decimal.Decimal) string {
		if d == nil {
			return "n/a"
		}
		return d.StringFixed(2) + "×"
	}
	row := func(name string, m roi.Metrics) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", name, p.m(m.Cost), p.m(m.Revenue), number(m.Conversions, 0),
			signed(optPct(m.ROI, 0)), x(m.ROAS), opt(m.CPA), opt(m.CPE), opt(m.CPM), opt(m.EMV))
	}
	for _, ir := range cr.Influencers {
		row(ir.Influencer, ir.Metrics)
	}
	tw.row(fmt.Sprintf("overhead *\t%s\t\t\t\t\t\t\t\t\t\n", p.m(cr.Overhead)))
	row("campaign total", cr.Total)
	tw.flush()
	p.f("  * production, paid amplification, agency, tools and contingency: cost, not tied to one creator.\n")
	for _, ir := range cr.Influencers {
		if ir.NotReported != 0 {
			p.f("  n/a: a post of %s hid its %s, so its CPE (and the total's) would be biased: left undefined.\n", ir.Influencer, ir.NotReported)
		}
	}
}

// ordersNote says how the orders were credited.
func ordersNote(p *printer, o roi.OrderAttribution) {
	p.f("\nOrders: %s worth %s in the campaign weeks.\n  Credited to creators: ", thousands(o.Total.Orders), p.m(o.Total.Revenue))
	var byCode, byLink int64
	for _, s := range o.Influencers {
		byCode += s.ByCode
		byLink += s.ByLink
	}
	p.f("%s by discount code, %s by link only.\n  Not credited: %s orders (%s), %s without code or creator link",
		thousands(byCode), thousands(byLink), thousands(o.Unattributed.Orders), p.m(o.Unattributed.Revenue), thousands(o.Unattributed.NoCode))
	if len(o.Unattributed.UnknownCodes) > 0 {
		var codes []string
		for _, c := range o.Unattributed.UnknownCodes {
			codes = append(codes, fmt.Sprintf("%s ×%d", c.Code, c.Orders))
		}
		p.f(", codes of no creator: %s", strings.Join(codes, ", "))
	}
	p.f(".\n")
}

// multiTouchTable prints the two attribution models side by side.
func multiTouchTable(p *printer, rep Report) {
	r := rep.Results
	p.f("\nMulti-touch attribution over %s converting journeys: %s gives every touch an equal share;\n", number(r.Conversions, 0), r.Models[0])
	defer func() { p.f("%s\n", wrap(attributionNote(rep, p.m))) }()
	p.f("%s credits each channel with how much conversion would drop without it (removal effect).\n", r.Models[1])
	tw := p.table("lrrrrr", "channel", r.Models[0]+" orders", r.Models[0]+" value", r.Models[1]+" orders", r.Models[1]+" value", "difference")
	places := p.cur.MinorUnits()
	row := func(name string, a, b Credit) {
		va, vb := a.Value.Amount.Round(places), b.Value.Amount.Round(places) // the difference of the amounts shown
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", name, number(a.Conversions, 1), p.m(va),
			number(b.Conversions, 1), p.m(vb), signed(p.m(vb.Sub(va))))
	}
	var ta, tb Credit
	for _, t := range r.MultiTouch {
		row(t.Channel, t.Credits[0], t.Credits[1])
		ta.Conversions, ta.Value.Amount = ta.Conversions.Add(t.Credits[0].Conversions), ta.Value.Amount.Add(t.Credits[0].Value.Amount)
		tb.Conversions, tb.Value.Amount = tb.Conversions.Add(t.Credits[1].Conversions), tb.Value.Amount.Add(t.Credits[1].Value.Amount)
	}
	row("total", ta, tb)
	tw.flush()
	p.f("  Orders are shown to 0.1 and values to the cent: a column of rounded figures may miss its total by a little.\n")
}

// vsPastTable compares the totals with the previous campaign.
func vsPastTable(p *printer, rep Report) {
	r := rep.Results
	p.f("\nAgainst the previous campaign (%s):\n", r.PastName)
	partial := rep.AsOf.Before(rep.End)
	if partial {
		p.f("This campaign is not over: its totals are so far (\"partial\"); its rates and costs per result compare.\n")
	}
	tw := p.table("lrrrl", "metric", "this campaign", "previous", "change", "")
	for _, c := range r.VsPast {
		cur, base, abs := compareValues(p, c)
		rel := ""
		if c.Relative != nil && c.Metric != roi.MetricROI { // a change of a percentage is in points
			rel = " (" + signed(pct(*c.Relative, 0)) + ")"
		}
		verdict := c.Verdict.String()
		switch c.Metric {
		case roi.MetricCost, roi.MetricRevenue, roi.MetricConversions, roi.MetricEngagements, roi.MetricImpressions, roi.MetricEMV:
			if partial {
				verdict = "partial"
			}
		}
		tw.row(fmt.Sprintf("%s\t%s\t%s\t%s%s\t%s\n", metricName(c.Metric), cur, base, abs, rel, verdict))
	}
	tw.flush()
}

// compareValues formats a comparison as shown: the change is the difference
// of the two rounded figures, so that a reader who subtracts them finds it.
func compareValues(p *printer, c roi.Change) (cur, base, abs string) {
	switch c.Metric {
	case roi.MetricCost, roi.MetricRevenue, roi.MetricEMV, roi.MetricCPA, roi.MetricCPE, roi.MetricCPM:
		places := p.cur.MinorUnits()
		a, b := c.Current.Round(places), c.Baseline.Round(places)
		return p.m(a), p.m(b), signed(p.m(a.Sub(b)))
	case roi.MetricROI:
		a, b := c.Current.Shift(2).Round(0), c.Baseline.Shift(2).Round(0)
		return signed(a.String() + "%"), signed(b.String() + "%"), signed(a.Sub(b).String()) + " pts"
	case roi.MetricROAS:
		a, b := c.Current.Round(2), c.Baseline.Round(2)
		return a.StringFixed(2) + "×", b.StringFixed(2) + "×", signed(a.Sub(b).StringFixed(2))
	}
	return number(c.Current, 0), number(c.Baseline, 0), signed(number(c.Absolute, 0))
}

func metricName(m string) string {
	switch m {
	case roi.MetricROI, roi.MetricROAS, roi.MetricCPA, roi.MetricCPE, roi.MetricCPM, roi.MetricEMV:
		return strings.ToUpper(m)
	case roi.MetricConversions:
		return "orders"
	}
	return m
}

// platformName writes a platform as a reader knows it.
func platformName(p string) string {
	switch p {
	case "instagram":
		return "Instagram"
	case "tiktok":
		return "TikTok"
	}
	return p
}
