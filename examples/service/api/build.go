package api

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/kpi"
	"github.com/influencekit/influencekit/roi"
	"github.com/shopspring/decimal"
)

// Build computes the report of a campaign; it is what the handler runs,
// exported for programs that have the campaign in hand. An invalid campaign
// returns an error naming the field (its Error reads "field: what was
// wrong"); errors.Is finds the library's sentinel through it.
func Build(c Campaign) (Report, error) {
	cur, loc, err := settings(c)
	if err != nil {
		return Report{}, err
	}
	in, tracking, err := influencers(c, cur)
	if err != nil {
		return Report{}, err
	}
	posts, err := addPosts(c, &in)
	if err != nil {
		return Report{}, err
	}
	rep := Report{Currency: cur.Code()}
	if rep.Orders, err = orders(c, cur, tracking, &in); err != nil {
		return Report{}, err
	}
	if rep.Campaign, err = roi.Report(in); err != nil {
		return Report{}, refused("influencers", err)
	}
	if rep.Engagement, rep.Weekly, err = engagement(posts, loc); err != nil {
		return Report{}, err
	}
	if rep.Attribution, err = attribution(c, cur); err != nil {
		return Report{}, err
	}
	return rep, nil
}

// settings reads the campaign's currency and time zone.
func settings(c Campaign) (budget.Currency, *time.Location, error) {
	cur, err := budget.ParseCurrency(strings.TrimSpace(c.Currency))
	if err != nil {
		return cur, nil, bad("currency", "not an ISO 4217 code (%q)", c.Currency)
	}
	loc := time.UTC
	if c.TimeZone != "" {
		// "Local" would be the server's zone, an input the client cannot see.
		if loc, err = time.LoadLocation(c.TimeZone); err != nil || c.TimeZone == "Local" {
			return cur, nil, bad("time_zone", "unknown time zone (%q)", c.TimeZone)
		}
	}
	return cur, loc, nil
}

func amount(field, s string, cur budget.Currency) (decimal.Decimal, error) {
	d, err := decimal.NewFromString(strings.TrimSpace(s))
	switch {
	case err != nil:
		return d, bad(field, "not an amount (%q): write it as a string such as \"12.50\"", s)
	case d.IsNegative():
		return d, bad(field, "negative (%s)", s)
	case cur.Check(d) != nil:
		return d, bad(field, "finer than a minor unit of %s (%s)", cur.Code(), s)
	}
	return d, nil
}

// influencers reads the booked influencers and the overhead into the
// roi.Campaign, with the tracking of their sales.
func influencers(c Campaign, cur budget.Currency) (roi.Campaign, []roi.Tracking, error) {
	in := roi.Campaign{Currency: cur}
	if len(c.Influencers) == 0 {
		return in, nil, bad("influencers", "empty: list the booked influencers")
	}
	var err error
	if c.Overhead != nil {
		if in.Overhead, err = amount("overhead", *c.Overhead, cur); err != nil {
			return in, nil, err
		}
	}
	seen := map[string]bool{}
	var tracking []roi.Tracking
	for i, inf := range c.Influencers {
		field := errs.Index("influencers", i)
		h := strings.TrimSpace(inf.Handle)
		if h == "" {
			return in, nil, bad(field+".handle", "empty")
		}
		if seen[h] {
			return in, nil, bad(field+".handle", "listed twice (%q)", h)
		}
		seen[h] = true
		cost, err := amount(field+".cost", inf.Cost, cur)
		if err != nil {
			return in, nil, err
		}
		in.Influencers = append(in.Influencers, roi.InfluencerInput{Influencer: h, Cost: cost, Revenue: decimal.Zero, Conversions: decimal.Zero})
		tracking = append(tracking, roi.Tracking{Influencer: h, Codes: inf.Codes, Links: inf.Links})
	}
	return in, tracking, nil
}

// addPosts reads the posts and gives each to its influencer in in.
func addPosts(c Campaign, in *roi.Campaign) ([]kpi.Post, error) {
	if len(c.Posts) == 0 {
		return nil, bad("posts", "empty: a report needs the campaign's posts")
	}
	var posts []kpi.Post
	for i, p := range c.Posts {
		field := errs.Index("posts", i)
		j := influencerIndex(in.Influencers, strings.TrimSpace(p.Creator))
		if j < 0 {
			return nil, bad(field+".creator", "not among the influencers (%q)", p.Creator)
		}
		if p.PublishedAt.IsZero() {
			return nil, bad(field+".published_at", "missing")
		}
		kp, err := p.post(field, in.Influencers[j].Influencer)
		if err != nil {
			return nil, err
		}
		posts = append(posts, kp)
		in.Influencers[j].Posts = append(in.Influencers[j].Posts, kp)
	}
	return posts, nil
}

func influencerIndex(ins []roi.InfluencerInput, handle string) int {
	for j, x := range ins {
		if x.Influencer == handle {
			return j
		}
	}
	return -1
}

// post converts p to a kpi.Post: a nil count is hidden, never zero.
func (p Post) post(field, creator string) (kpi.Post, error) {
	kp := kpi.Post{ID: p.ID, Creator: creator, Platform: p.Platform, PublishedAt: p.PublishedAt}
	for _, f := range []struct {
		name string
		v    *int64
		dst  *int64
		bit  kpi.Fields
	}{
		{"followers", p.Followers, &kp.Followers, kpi.FieldFollowers}, {"likes", p.Likes, &kp.Likes, kpi.FieldLikes},
		{"comments", p.Comments, &kp.Comments, kpi.FieldComments}, {"shares", p.Shares, &kp.Shares, kpi.FieldShares},
		{"saves", p.Saves, &kp.Saves, kpi.FieldSaves}, {"views", p.Views, &kp.Views, kpi.FieldViews},
		{"reach", p.Reach, &kp.Reach, kpi.FieldReach}, {"impressions", p.Impressions, &kp.Impressions, kpi.FieldImpressions},
		{"clicks", p.Clicks, &kp.Clicks, kpi.FieldClicks}, {"conversions", p.Conversions, &kp.Conversions, kpi.FieldConversions},
	} {
		switch {
		case f.v == nil:
			kp.Hidden |= f.bit
		case *f.v < 0:
			return kp, bad(field+"."+f.name, "negative (%d)", *f.v)
		default:
			*f.dst = *f.v
		}
	}
	return kp, nil
}

// orders credits the orders to the influencers by code and link, and sets
// their revenue and conversions in in; nil without orders.
func orders(c Campaign, cur budget.Currency, tracking []roi.Tracking, in *roi.Campaign) (*roi.OrderAttribution, error) {
	if len(c.Orders) == 0 {
		return nil, nil
	}
	for i, o := range c.Orders {
		if cur.Check(o.Amount) != nil {
			return nil, bad(errs.Index("orders", i)+".amount", "finer than a minor unit of %s (%s)", cur.Code(), o.Amount)
		}
	}
	att, err := roi.AttributeOrders(c.Orders, tracking)
	if err != nil {
		return nil, refused("orders", err)
	}
	if att.Currency != cur {
		return nil, bad("orders", "in %s, but the campaign is in %s", att.Currency, cur.Code())
	}
	for _, s := range att.Influencers {
		j := influencerIndex(in.Influencers, s.Influencer)
		in.Influencers[j].Revenue = s.Revenue
		in.Influencers[j].Conversions = decimal.NewFromInt(s.Orders)
	}
	return &att, nil
}

// engagement returns the campaign's pooled engagement rates and its weeks.
func engagement(posts []kpi.Post, loc *time.Location) (Engagement, []Week, error) {
	var e Engagement
	all := kpi.AllInteractions
	for _, x := range []struct {
		base kpi.Base
		dst  **kpi.Result
	}{{kpi.ByFollowers, &e.ByFollowers}, {kpi.ByReach, &e.ByReach}} {
		r, err := kpi.Formula{Interactions: all, Base: x.base, Average: kpi.PooledRate}.Measure(posts)
		switch {
		case err == nil:
			*x.dst = &r
		case errors.Is(err, kpi.ErrEmpty), errors.Is(err, kpi.ErrNonPositive):
			// no post reports the counts: no rate
		default:
			return e, nil, refused("posts", err)
		}
	}
	weeks, err := kpi.Weekly(posts, kpi.Formula{Interactions: all, Base: kpi.ByReach, Average: kpi.PooledRate}, loc)
	if err != nil {
		return e, nil, refused("posts", err)
	}
	var out []Week
	for _, wk := range weeks {
		row := Week{Week: fmt.Sprintf("%d-W%02d", wk.Year, wk.Week), Start: wk.Start, Posts: wk.Totals.Posts, Reach: wk.Totals.Reach}
		if wk.Rated {
			r := wk.Rate
			row.RateByReach = &r
		}
		out = append(out, row)
	}
	return e, out, nil
}

// attribution credits the journeys under the linear and Markov models; nil
// without paths.
func attribution(c Campaign, cur budget.Currency) (map[string]map[string]roi.Credit, error) {
	if len(c.Paths) == 0 {
		return nil, nil
	}
	paths := make([]roi.Path, len(c.Paths))
	channels := map[string]bool{}
	for i, p := range c.Paths {
		for _, ch := range p.Channels {
			channels[ch] = true
		}
		field := errs.Index("paths", i)
		if len(channels) > MaxChannels {
			return nil, bad(field+".channels", "more than %d distinct channels in the paths", MaxChannels)
		}
		paths[i] = roi.Path{Channels: p.Channels, Conversions: p.Conversions, Nulls: p.Nulls, Value: decimal.Zero}
		if p.Value != "" {
			var err error
			if paths[i].Value, err = amount(field+".value", p.Value, cur); err != nil {
				return nil, err
			}
		}
	}
	out := map[string]map[string]roi.Credit{}
	for _, m := range []roi.Model{roi.Linear, roi.Markov} {
		cr, err := roi.Attribute(paths, m)
		if err != nil {
			return nil, refused("paths", err)
		}
		out[m.String()] = cr
	}
	return out, nil
}
