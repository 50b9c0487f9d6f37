package main

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/kpi"
	"github.com/influencekit/influencekit/roi"
	"github.com/shopspring/decimal"
)

// The campaign's engagement: every interaction, by reach, pooled over posts
// (Σ engagements / Σ reach), and the same by followers.
var (
	byReach     = kpi.Formula{Interactions: kpi.AllInteractions, Base: kpi.ByReach, Average: kpi.PooledRate}
	byFollowers = kpi.Formula{Interactions: kpi.AllInteractions, Base: kpi.ByFollowers, Average: kpi.PooledRate}
)

// interactions adds up the interactions that posts reported: a count a
// post hid adds nothing, so the sum is a lower bound (kpi.Totals sums each
// count over the posts that reported it).
func interactions(t kpi.Totals) int64 { return t.Likes + t.Comments + t.Shares + t.Saves }

func tracking(rep *Report, in inputs, b brief) error {
	creators := slices.Clone(rep.Shortlists.Booked)
	for _, p := range in.Posts {
		if !slices.Contains(creators, p.Creator) {
			creators = append(creators, p.Creator)
		}
	}
	for _, c := range creators {
		mine := postsOf(in.Posts, c)
		if len(mine) == 0 {
			continue
		}
		t, err := kpi.Sum(mine)
		if err != nil {
			return fmt.Errorf("posts of %s: %w", c, err)
		}
		hidden := 0
		for _, p := range mine {
			if p.Hidden&(kpi.FieldLikes|kpi.FieldComments|kpi.FieldShares|kpi.FieldSaves) != 0 {
				hidden++
			}
		}
		last := mine[len(mine)-1]
		tier, err := kpi.TierOf(last.Followers)
		if err != nil {
			return fmt.Errorf("posts of %s: %w", c, err)
		}
		row := CreatorKPI{Handle: c, Platform: mine[0].Platform, Posts: int64(len(mine)), Followers: last.Followers,
			Engagements: interactions(t), Reach: t.Reach, Benchmark: placeRate(mine, mine[0].Platform, tier)}
		if r, err := byFollowers.Measure(mine); err == nil {
			row.ByFollowers = &r
		}
		if r, err := byReach.Measure(mine); err == nil {
			row.ByReach = &r
		}
		if ctr, err := t.CTR(); err == nil { // hidden clicks or impressions: n/a, not 0 %
			row.CTR = &ctr
		}
		if hidden > 0 {
			row.Note = fmt.Sprintf("%d of %d posts hid a count: engagements count what was reported, rates leave the post out", hidden, len(mine))
		}
		rep.Creators = append(rep.Creators, row)
	}

	if len(in.Posts) == 0 {
		return nil // a report before the first post: no weeks to show yet
	}
	weeks, err := kpi.Weekly(in.Posts, byReach, time.UTC)
	if err != nil {
		return fmt.Errorf("posts: %w", err)
	}
	// The first two goals are counts that build up week by week.
	engTarget := kpi.Target{Metric: b.Goals[0].Metric, Goal: b.Goals[0].Goal, Start: b.Start, Deadline: b.End}
	reachTarget := kpi.Target{Metric: b.Goals[1].Metric, Goal: b.Goals[1].Goal, Start: b.Start, Deadline: b.End}
	var cum, cumReach int64
	for _, wk := range weeks {
		eng, reach := interactions(wk.Totals), wk.Totals.Reach
		cum += eng
		cumReach += reach
		pr, err := engTarget.Progress(decimal.NewFromInt(cum), wk.Start.AddDate(0, 0, 7))
		if err != nil {
			return fmt.Errorf("target: %w", err)
		}
		prReach, err := reachTarget.Progress(decimal.NewFromInt(cumReach), wk.Start.AddDate(0, 0, 7))
		if err != nil {
			return fmt.Errorf("target: %w", err)
		}
		rep.Weeks = append(rep.Weeks, WeekRow{
			Week: fmt.Sprintf("%d-W%02d", wk.Year, wk.Week), Start: wk.Start, Posts: wk.Totals.Posts,
			Engagements: eng, Reach: reach, Rate: wk.Rate, Rated: wk.Rated, Change: wk.Change, HasChange: wk.HasChange,
			Cumulative: cum, Expected: pr.Expected, OnTrack: pr.OnTrack,
			CumulativeReach: cumReach, ExpectedReach: prReach.Expected, ReachOnTrack: prReach.OnTrack,
		})
	}
	return nil
}

// emvCard values a campaign's actions in euros. The unit values are
// ILLUSTRATIVE, made up for this example from the order of magnitude of
// paid-social prices (a few euros per 1,000 impressions, cents per like);
// use your own.
func emvCard(cur budget.Currency) roi.EMVCard {
	return roi.EMVCard{
		Currency: cur,
		Source:   "illustrative unit values made up for this example, not market data: 4.00 per 1,000 impressions, 0.01 per view, 0.08 per like, 0.40 per comment, share or save, 0.60 per click",
		Default: roi.UnitValues{
			Impression: dec("0.004"), View: dec("0.01"), Like: dec("0.08"),
			Comment: dec("0.40"), Share: dec("0.40"), Save: dec("0.40"), Click: dec("0.60"),
		},
	}
}

// results (section 6) credits the orders to the creators, measures each
// creator and the campaign (roi.Report), shares the journeys' conversions
// among channels and compares the totals with the previous campaigns.
func results(rep *Report, in inputs, plan budget.Plan) error {
	if err := measure(rep, in, plan); err != nil {
		return err
	}
	if err := sales(rep, in); err != nil {
		return err
	}
	if err := multiTouch(rep, in.Paths, in.Currency); err != nil {
		return err
	}
	if err := rateShapley(rep, in.Paths, in.Currency); err != nil {
		return err
	}
	return vsPast(rep, in.Past)
}

// Sales settings: a code counts during the campaign and a week after it
// (codeGrace); a link click for roi.DefaultLookback (28 days); the ROAS
// interval is a 95 % percentile bootstrap over the orders with
// salesResamples resamples from a fixed seed, so the report is the same
// on every run and machine.
const (
	codeGrace      = 7 * 24 * time.Hour
	salesResamples = 500
)

// sales credits the orders net of refunds and cancellations as of the
// report date (roi.CreditSales), with each creator's new customers, CAC
// and cohorts, and the bootstrap interval of their ROAS (roi.BootstrapSales).
func sales(rep *Report, in inputs) error {
	var tracking []roi.Tracking
	for _, bk := range in.Bookings {
		tracking = append(tracking, bk.Tracking)
	}
	cfg := roi.SalesConfig{AsOf: rep.AsOf, CodeStart: rep.Start, CodeEnd: rep.End, Grace: codeGrace,
		Costs: map[string]budget.Money{}}
	for _, ir := range rep.Results.Report.Influencers {
		if ir.Metrics.Cost.IsPositive() { // nothing paid yet (-asof): no CAC, rather than 0.00
			cfg.Costs[ir.Influencer] = budget.Money{Amount: ir.Metrics.Cost, Currency: in.Currency}
		}
	}
	sr, err := roi.CreditSales(in.Sales, tracking, cfg)
	if err != nil {
		return fmt.Errorf("sales: %w", err)
	}
	iv, err := roi.BootstrapSales(in.Sales, tracking, cfg,
		roi.Bootstrap{Rand: rand.New(rand.NewPCG(2026, 6)), Resamples: salesResamples})
	if err != nil {
		return fmt.Errorf("sales: %w", err)
	}
	rep.Results.Sales = salesView(sr, iv)
	return nil
}

// rateShapley shares the journeys' conversions and value by the
// rate-based Shapley value (roi.RateShapley), where non-converting
// journeys count; sorted by value, highest first.
func rateShapley(rep *Report, paths []roi.Path, cur budget.Currency) error {
	rep.Results.RateShapley = []RateRow{} // [] in JSON when there are no journeys
	if len(paths) == 0 {
		return nil
	}
	credits, err := roi.Attribute(paths, roi.RateShapley{})
	if err != nil {
		return fmt.Errorf("paths: %s: %w", roi.RateShapley{}, err)
	}
	for ch, c := range credits {
		rep.Results.RateShapley = append(rep.Results.RateShapley,
			RateRow{Channel: ch, Credit: Credit{Conversions: c.Conversions, Value: amountIn(c.Value, cur)}})
	}
	slices.SortFunc(rep.Results.RateShapley, func(a, b RateRow) int {
		return cmp.Or(b.Credit.Value.Amount.Cmp(a.Credit.Value.Amount), strings.Compare(a.Channel, b.Channel))
	})
	return nil
}

// measure credits the orders by code and link and runs roi.Report.
func measure(rep *Report, in inputs, plan budget.Plan) error {
	var tracking []roi.Tracking
	for _, bk := range in.Bookings {
		tracking = append(tracking, bk.Tracking)
	}
	att, err := roi.AttributeOrders(in.Orders, tracking)
	if err != nil {
		return fmt.Errorf("orders: %w", err)
	}
	if att.Currency.IsValid() && att.Currency != in.Currency {
		return fmt.Errorf("orders are in %s but the campaign is in %s (set -currency %s)", att.Currency, in.Currency.Code(), att.Currency)
	}
	rep.Results.Orders = att
	card := emvCard(in.Currency)
	rep.Results.EMVSource = card.Source
	c := roi.Campaign{Currency: in.Currency, Plan: plan, EMVCard: &card}
	for _, bk := range in.Bookings {
		i := slices.IndexFunc(att.Influencers, func(s roi.InfluencerSales) bool { return s.Influencer == bk.Handle })
		s := att.Influencers[i]
		c.Influencers = append(c.Influencers, roi.InfluencerInput{Influencer: bk.Handle, Posts: postsOf(in.Posts, bk.Handle),
			Revenue: s.Revenue, Conversions: decimal.NewFromInt(s.Orders)})
	}
	if rep.Results.Report, err = roi.Report(c); err != nil {
		return fmt.Errorf("results: %w", err)
	}
	return nil
}

// multiTouch shares the journeys' conversions and value among channels by
// the linear and the Markov model; values are in cur.
func multiTouch(rep *Report, paths []roi.Path, cur budget.Currency) error {
	rep.Results.MultiTouch = []TouchRow{} // [] in JSON when there are no journeys
	if len(paths) == 0 {
		return nil
	}
	models := [2]roi.Model{roi.Linear, roi.Markov}
	var credits [2]map[string]roi.Credit
	for i, m := range models {
		var err error
		if credits[i], err = roi.Attribute(paths, m); err != nil {
			return fmt.Errorf("paths: %s: %w", m, err)
		}
		rep.Results.Models[i] = m.String()
	}
	for ch := range credits[0] {
		var row [2]Credit
		for i := range row {
			row[i] = Credit{Conversions: credits[i][ch].Conversions, Value: amountIn(credits[i][ch].Value, cur)}
		}
		rep.Results.MultiTouch = append(rep.Results.MultiTouch, TouchRow{Channel: ch, Credits: row})
	}
	slices.SortFunc(rep.Results.MultiTouch, func(a, b TouchRow) int {
		return cmp.Or(b.Credits[1].Value.Amount.Cmp(a.Credits[1].Value.Amount), strings.Compare(a.Channel, b.Channel))
	})
	for _, p := range paths {
		rep.Results.Conversions = rep.Results.Conversions.Add(decimal.NewFromInt(p.Conversions))
	}
	return nil
}

// vsPast compares the campaign's totals with the previous campaigns,
// pooled.
func vsPast(rep *Report, past []pastCampaign) error {
	if len(past) == 0 {
		return nil
	}
	var ms []roi.Metrics
	var names []string
	for _, p := range past {
		ms = append(ms, p.Metrics)
		names = append(names, p.Name)
	}
	pooled, err := roi.Pool(ms...)
	if err != nil {
		return fmt.Errorf("past campaigns: %w", err)
	}
	vs, err := roi.Compare(rep.Results.Report.Total, pooled.Baseline())
	if err != nil {
		return fmt.Errorf("past campaigns: %w", err)
	}
	rep.Results.VsPast = vs.Changes
	rep.Results.PastName = strings.Join(names, " + ")
	return nil
}
