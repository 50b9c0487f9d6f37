package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/collab"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/kpi"
	"github.com/influencekit/influencekit/roi"
	"github.com/influencekit/influencekit/selection"
	"github.com/shopspring/decimal"
)

// CollabReport is section 8: the follow-up of every booked creator as of
// the report date (package collab).
type CollabReport struct {
	AsOf time.Time `json:"as_of"`
	// Deliverables: one status per deliverable, in the order of the file.
	Deliverables []collab.Status `json:"deliverables"`
	Delivery     collab.Delivery `json:"delivery"` // the statuses counted
	// Matching links the posts to the deliverables; Unlogged are the
	// publications it found that the log did not have.
	Matching collab.Matching `json:"matching"`
	Unlogged []collab.Event  `json:"found_unlogged"`
	// Captions: one check per post linked to a deliverable, against that
	// deliverable's brief.
	Captions []CaptionRow `json:"captions"`
	// Payments: every instalment of every deliverable's fee, and their
	// totals by state.
	Payments []collab.Payment  `json:"payments"`
	Paid     Amount            `json:"paid"`
	ByState  map[string]Amount `json:"unpaid_by_state"` // due, overdue, pending: amount still to pay
	// Histories: each creator's record with the brand, the previous
	// campaigns (past_creators.csv) and, in the final report, this one.
	Histories []collab.History `json:"histories"`
}

// CaptionRow is one post's caption checked against its deliverable's brief.
type CaptionRow struct {
	Post        string            `json:"post"`
	Creator     string            `json:"creator"`
	Deliverable string            `json:"deliverable"`
	Rules       []string          `json:"rules"`
	Compliance  collab.Compliance `json:"compliance"`
}

// readPastCreators reads what each creator did in earlier campaigns:
// campaign, creator, end (a date), deliverables, on_time, late, days_late,
// rounds, fee, revenue, orders. ROAS is revenue / fee and CPA fee / orders
// (roi.ROAS, roi.CPA), left unmeasured without a fee or orders.
func readPastCreators(r io.Reader, cur budget.Currency) ([]collab.CampaignResult, error) {
	cols := []string{"campaign", "creator", "end", "deliverables", "on_time", "late", "days_late", "rounds", "fee", "revenue", "orders"}
	return readRows("campaign.readPastCreators", r, cur, cols, func(t *csvTable) (collab.CampaignResult, error) {
		res := collab.CampaignResult{Campaign: t.str("campaign"), Creator: strings.TrimPrefix(t.str("creator"), "@")}
		var err error
		if res.End, err = time.Parse(time.DateOnly, t.str("end")); err != nil {
			return res, t.errorf("end", errs.ErrSyntax, "want a date such as 2025-12-22")
		}
		counts := map[string]*int{"deliverables": &res.Delivery.Deliverables, "on_time": &res.Delivery.OnTime,
			"late": &res.Delivery.Late, "days_late": &res.Delivery.DaysLate, "rounds": &res.Delivery.Rounds}
		for _, name := range cols[3:8] {
			n, err := t.count(name)
			if err != nil || n > 1_000_000 {
				return res, t.errorf(name, errs.ErrSyntax, "want a count up to 1,000,000")
			}
			*counts[name] = int(n)
		}
		fee, err := t.money("fee")
		if err != nil {
			return res, err
		}
		revenue, err := t.money("revenue")
		if err != nil {
			return res, err
		}
		orders, err := t.count("orders")
		if err != nil {
			return res, err
		}
		res.FeePaid = budget.Money{Amount: fee, Currency: cur}
		if roas, err := roi.ROAS(revenue, fee); err == nil {
			res.ROAS = decimal.NewNullDecimal(roas)
		}
		if cpa, err := roi.CPA(fee, orders); err == nil {
			res.CPA = &budget.Money{Amount: cpa, Currency: cur}
		}
		return res, nil
	})
}

// records returns the history of every creator in results, for
// selection.Profile.Record.
func records(results []collab.CampaignResult) (map[string]*collab.History, error) {
	hs, err := collab.Histories(results)
	if err != nil {
		return nil, fmt.Errorf("past creators: %w", err)
	}
	out := map[string]*collab.History{}
	for i := range hs {
		out[hs[i].Creator] = &hs[i]
	}
	return out, nil
}

// collaboration (section 8) follows every deliverable as of the report
// date: its status, its posts' captions, its payments; and each creator's
// record across campaigns.
func collaboration(rep *Report, in inputs, b brief) error {
	c := &rep.Collab
	c.AsOf = b.AsOf
	in = bookedBefore(in, b.AsOf)
	events := slices.DeleteFunc(slices.Clone(in.Events), func(e collab.Event) bool { return !e.At.Before(b.AsOf) })
	contents := contentsOf(in.Posts, in.Deliverables)
	var err error
	if c.Matching, err = collab.MatchPosts(in.Deliverables, contents, events); err != nil {
		return fmt.Errorf("collaboration: %w", err)
	}
	c.Unlogged = c.Matching.Events(contents)
	events = append(events, c.Unlogged...)
	if c.Deliverables, err = collab.Statuses(in.Deliverables, events, b.AsOf); err != nil {
		return fmt.Errorf("collaboration: %w", err)
	}
	c.Delivery = collab.Tally(c.Deliverables)
	if c.Captions, err = captionRows(in.Deliverables, in.Posts, c.Matching); err != nil {
		return err
	}
	if err := payments(c, in, events, b.AsOf); err != nil {
		return err
	}
	results := slices.Clone(in.PastCreators)
	if !b.AsOf.Before(b.End) { // the final report: this campaign joins the record
		results = append(results, thisCampaign(rep, in, b)...)
	}
	if c.Histories, err = collab.Histories(results); err != nil {
		return fmt.Errorf("collaboration: %w", err)
	}
	return nil
}

// bookedBefore leaves out the deliverables booked on or after asof (in a
// report during the campaign, the deals not yet made), with their events
// and payouts.
func bookedBefore(in inputs, asof time.Time) inputs {
	later := map[string]bool{}
	for _, d := range in.Deliverables {
		if !d.Booked.Before(asof) {
			later[d.ID] = true
		}
	}
	if len(later) == 0 {
		return in
	}
	in.Deliverables = slices.DeleteFunc(slices.Clone(in.Deliverables), func(d collab.Deliverable) bool { return later[d.ID] })
	in.Events = slices.DeleteFunc(slices.Clone(in.Events), func(e collab.Event) bool { return later[e.Deliverable] })
	in.Payouts = slices.DeleteFunc(slices.Clone(in.Payouts), func(p collab.Payout) bool { return later[p.Deliverable] })
	return in
}

// contentsOf gives each post the kind of the deliverables of its creator
// and platform (the export does not say reel or post); a post of a creator
// without a deliverable is a post.
func contentsOf(posts []kpi.Post, ds []collab.Deliverable) []collab.Content {
	out := make([]collab.Content, len(posts))
	for i, p := range posts {
		out[i] = collab.Content{Post: p}
		if j := slices.IndexFunc(ds, func(d collab.Deliverable) bool { return d.Creator == p.Creator && d.Platform == p.Platform }); j >= 0 {
			out[i].Kind = ds[j].Kind
		}
	}
	return out
}

// captionRows checks every linked post's caption against its
// deliverable's brief.
func captionRows(ds []collab.Deliverable, posts []kpi.Post, m collab.Matching) ([]CaptionRow, error) {
	rows := []CaptionRow{}
	for _, l := range m.Links {
		d := ds[slices.IndexFunc(ds, func(d collab.Deliverable) bool { return d.ID == l.Deliverable })]
		p := posts[slices.IndexFunc(posts, func(p kpi.Post) bool { return p.ID == l.Post })]
		comp, err := collab.CheckCaption(p.Caption, d.Brief)
		if err != nil {
			return nil, fmt.Errorf("deliverable %s: %w", d.ID, err)
		}
		row := CaptionRow{Post: p.ID, Creator: p.Creator, Deliverable: d.ID, Compliance: comp, Rules: []string{}}
		for _, r := range d.Brief.Rules {
			row.Rules = append(row.Rules, r.Name)
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// payments schedules every deliverable's fee and applies the payouts made
// before the report date.
func payments(c *CollabReport, in inputs, events []collab.Event, asof time.Time) error {
	var err error
	if c.Payments, err = collab.Payments(in.Deliverables, events, in.Payouts, asof); err != nil {
		return fmt.Errorf("collaboration: %w", err)
	}
	c.Paid = amountIn(zero, in.Currency)
	unpaid := map[string]decimal.Decimal{}
	for _, p := range c.Payments {
		c.Paid.Amount = c.Paid.Amount.Add(p.Paid.Amount)
		if p.State != collab.PaymentPaid {
			unpaid[p.State.String()] = unpaid[p.State.String()].Add(p.Amount.Amount.Sub(p.Paid.Amount))
		}
	}
	c.ByState = map[string]Amount{}
	for k, v := range unpaid {
		c.ByState[k] = amountIn(v, in.Currency)
	}
	return nil
}

// thisCampaign is each booked creator's result in this campaign, for the
// record: their deliverables counted, the fee paid, and ROAS and CPA as
// section 6 measured them.
func thisCampaign(rep *Report, in inputs, b brief) []collab.CampaignResult {
	var out []collab.CampaignResult
	for _, bk := range in.Bookings {
		res := collab.CampaignResult{Campaign: b.Campaign, Creator: bk.Handle, End: b.End}
		var sts []collab.Status
		for _, s := range rep.Collab.Deliverables {
			if s.Creator == bk.Handle {
				sts = append(sts, s)
			}
		}
		res.Delivery = collab.Tally(sts)
		paid := zero
		for _, p := range rep.Collab.Payments {
			if p.Creator == bk.Handle {
				paid = paid.Add(p.Paid.Amount)
			}
		}
		res.FeePaid = budget.Money{Amount: paid, Currency: in.Currency}
		for _, ir := range rep.Results.Report.Influencers {
			if ir.Influencer == bk.Handle {
				if ir.ROAS != nil {
					res.ROAS = decimal.NewNullDecimal(*ir.ROAS)
				}
				if ir.CPA != nil {
					res.CPA = &budget.Money{Amount: *ir.CPA, Currency: rep.Results.Report.Currency}
				}
			}
		}
		out = append(out, res)
	}
	return out
}

// withRecords sets each candidate's Record from the previous campaigns.
func withRecords(profiles []selection.Profile, recs map[string]*collab.History) {
	for i := range profiles {
		profiles[i].Record = recs[profiles[i].Handle]
	}
}
