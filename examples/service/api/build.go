package api

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/influencekit/influencekit/kpi"
	"github.com/influencekit/influencekit/roi"
	"github.com/shopspring/decimal"
)

// Build computes the report of a campaign; it is what the handler runs,
// exported for programs that have the campaign in hand. An invalid campaign
// returns an error naming the field (its Error reads "api: Build: field:
// what was wrong (value)"); errors.Is finds the package's sentinel, or the
// library's, through it. Build checks the limits of a request first (the
// counts, MaxPosts and the others; amounts of at most MaxNumberLen bytes;
// order amounts within the module's MaxExponent and MaxDigits), so that
// its work is bounded whatever the campaign; it does not check MaxTextLen,
// a limit of the body only.
func Build(c Campaign) (Report, error) {
	if err := counts(c); err != nil {
		return Report{}, err
	}
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
		return cur, nil, bad(ErrInvalid, "currency", "not an ISO 4217 code (%s)", errs.Quote(c.Currency))
	}
	loc := time.UTC
	if len(c.TimeZone) > MaxTextLen { // time.LoadLocation reads files by this name
		return cur, nil, bad(ErrTooLarge, "time_zone", "longer than MaxTextLen (%d bytes): %d bytes", MaxTextLen, len(c.TimeZone))
	}
	if c.TimeZone != "" {
		// "Local" would be the server's zone, an input the client cannot see.
		if loc, err = time.LoadLocation(c.TimeZone); err != nil || c.TimeZone == "Local" {
			return cur, nil, bad(ErrInvalid, "time_zone", "unknown time zone (%s)", errs.Quote(c.TimeZone))
		}
	}
	return cur, loc, nil
}

// amount reads the amount s of field: at most MaxNumberLen bytes (reading
// a decimal costs the square of its digits), within the module's exponent
// limit ("1e9999" is too large, not finer than a minor unit), not negative,
// a whole number of cur's minor units.
func amount(field, s string, cur budget.Currency) (decimal.Decimal, error) {
	s = strings.TrimSpace(s)
	if len(s) > MaxNumberLen {
		return decimal.Zero, bad(ErrTooLarge, field, "longer than MaxNumberLen (%d bytes): %d bytes", MaxNumberLen, len(s))
	}
	if hugeExponent(s) {
		return decimal.Zero, bad(ErrTooLarge, field, "exponent beyond ±%d (%s)", limit.MaxExponent, errs.Quote(s))
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return d, bad(ErrSyntax, field, "not an amount (%s): write it as a string such as \"12.50\"", errs.Quote(s))
	}
	if err := checkAmount(field, s, d, cur); err != nil {
		return d, err
	}
	return d, nil
}

// hugeExponent reports whether the number s ends in an exponent beyond
// ±(MaxExponent + MaxNumberLen), which no amount within the limits has
// ("1e2147483647", which decimal refuses as a syntax error).
func hugeExponent(s string) bool {
	i := strings.LastIndexAny(s, "eE")
	if i < 0 {
		return false
	}
	n, err := strconv.ParseInt(s[i+1:], 10, 64)
	if err != nil {
		return errors.Is(err, strconv.ErrRange)
	}
	return n > limit.MaxExponent+MaxNumberLen || n < -(limit.MaxExponent+MaxNumberLen)
}

// checkAmount checks the amount d of field, shown as shown (short): within
// the module's limits (limit.Decimal), fewer than MaxNumberLen digits
// before the point (so that no sum of MaxOrders amounts comes near
// limit.MaxDigits: "9e1000" is refused here, not as a revenue of 1004
// digits), not negative, a whole number of cur's minor units.
func checkAmount(field, shown string, d decimal.Decimal, cur budget.Currency) error {
	if err := limit.Decimal("api.Build", field, d); err != nil {
		what := "beyond the module's limits"
		var e *errs.Error
		if errors.As(err, &e) {
			what = e.What
		}
		return &badRequest{field: field, msg: what + " (" + shown + ")", err: err}
	}
	if !d.IsZero() && int64(d.Exponent())+int64(d.NumDigits()) > MaxNumberLen {
		return bad(ErrTooLarge, field, "more than MaxNumberLen (%d) digits before the point (%s)", MaxNumberLen, shown)
	}
	if d.IsNegative() {
		return bad(ErrNegative, field, "negative (%s)", shown)
	}
	if err := cur.Check(d); err != nil {
		if errors.Is(err, ErrMinorUnit) {
			return &badRequest{field: field, msg: fmt.Sprintf("finer than a minor unit of %s (%s)", cur.Code(), shown), err: err}
		}
		return refused(field, err)
	}
	return nil
}

// counts checks a campaign's counts against the limits of a request.
func counts(c Campaign) error {
	for _, x := range []struct {
		field, limit string
		n, max       int
	}{
		{"influencers", "MaxInfluencers", len(c.Influencers), MaxInfluencers},
		{"posts", "MaxPosts", len(c.Posts), MaxPosts},
		{"orders", "MaxOrders", len(c.Orders), MaxOrders},
		{"paths", "MaxPaths", len(c.Paths), MaxPaths},
	} {
		if x.n > x.max {
			return bad(ErrTooLarge, x.field, "more than %s (%d) elements: %d", x.limit, x.max, x.n)
		}
	}
	for i, inf := range c.Influencers {
		if len(inf.Codes) > MaxCodes {
			return bad(ErrTooLarge, errs.Index("influencers", i)+".codes", "more than MaxCodes (%d) elements: %d", MaxCodes, len(inf.Codes))
		}
		if len(inf.Links) > MaxCodes {
			return bad(ErrTooLarge, errs.Index("influencers", i)+".links", "more than MaxCodes (%d) elements: %d", MaxCodes, len(inf.Links))
		}
	}
	touches := 0
	for i, p := range c.Paths {
		if len(p.Channels) > MaxTouches {
			return bad(ErrTooLarge, errs.Index("paths", i)+".channels", "more than MaxTouches (%d) elements: %d", MaxTouches, len(p.Channels))
		}
		if touches += len(p.Channels); touches > MaxTotalTouches {
			return bad(ErrTooLarge, errs.Index("paths", i)+".channels", "more than MaxTotalTouches (%d) channels in all paths", MaxTotalTouches)
		}
	}
	return nil
}

// influencers reads the booked influencers and the overhead into the
// roi.Campaign, with the tracking of their sales.
func influencers(c Campaign, cur budget.Currency) (roi.Campaign, []roi.Tracking, error) {
	in := roi.Campaign{Currency: cur}
	if len(c.Influencers) == 0 {
		return in, nil, bad(ErrEmpty, "influencers", "empty: list the booked influencers")
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
		if br := inf.check(); br != nil {
			return in, nil, under(field, br)
		}
		h := strings.TrimSpace(inf.Handle)
		if seen[h] {
			return in, nil, bad(ErrDuplicate, field+".handle", "listed twice (%s)", errs.Quote(h))
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
		return nil, bad(ErrEmpty, "posts", "empty: a report needs the campaign's posts")
	}
	posts := make([]kpi.Post, len(c.Posts))
	index := influencerIndex(in.Influencers)
	who := make([]int, len(c.Posts))
	many := make([]int, len(in.Influencers))
	for i := range c.Posts {
		p := &c.Posts[i]
		field := errs.Index("posts", i)
		if br := p.check(); br != nil {
			return nil, under(field, br)
		}
		j, ok := index[strings.TrimSpace(p.Creator)]
		if !ok {
			return nil, bad(ErrInvalid, field+".creator", "not among the influencers (%s)", errs.Quote(p.Creator))
		}
		who[i] = j
		many[j]++
		posts[i] = p.post(in.Influencers[j].Influencer)
	}
	for j, n := range many {
		in.Influencers[j].Posts = make([]kpi.Post, 0, n)
	}
	for i, j := range who {
		in.Influencers[j].Posts = append(in.Influencers[j].Posts, posts[i])
	}
	return posts, nil
}

// influencerIndex maps each influencer's handle to its index in ins.
func influencerIndex(ins []roi.InfluencerInput) map[string]int {
	index := make(map[string]int, len(ins))
	for j, x := range ins {
		index[x.Influencer] = j
	}
	return index
}

// count is one count of a Post: its JSON name, its value (nil: not
// reported) and its bit in kpi.Fields.
type count struct {
	name string
	v    *int64
	bit  kpi.Fields
}

// counts lists the counts of p.
func (p *Post) counts() [10]count {
	return [10]count{
		{"followers", p.Followers, kpi.FieldFollowers}, {"likes", p.Likes, kpi.FieldLikes},
		{"comments", p.Comments, kpi.FieldComments}, {"shares", p.Shares, kpi.FieldShares},
		{"saves", p.Saves, kpi.FieldSaves}, {"views", p.Views, kpi.FieldViews},
		{"reach", p.Reach, kpi.FieldReach}, {"impressions", p.Impressions, kpi.FieldImpressions},
		{"clicks", p.Clicks, kpi.FieldClicks}, {"conversions", p.Conversions, kpi.FieldConversions},
	}
}

// check refuses a post without its time or with a negative count; its
// field is the post's own ("published_at").
func (p *Post) check() *badRequest {
	if p.PublishedAt.IsZero() {
		return bad(ErrInvalid, "published_at", "missing")
	}
	if _, err := p.Platform.MarshalText(); err != nil {
		return bad(ErrInvalid, "platform", "not a platform (%d)", p.Platform)
	}
	for _, c := range p.counts() {
		if c.v != nil && *c.v < 0 {
			return bad(ErrNegative, c.name, "negative (%d)", *c.v)
		}
	}
	return nil
}

// post converts p, checked, to a kpi.Post: a nil count is hidden, never
// zero.
func (p *Post) post(creator string) kpi.Post {
	v := func(n *int64) int64 {
		if n == nil {
			return 0
		}
		return *n
	}
	kp := kpi.Post{ID: p.ID, Creator: creator, Platform: p.Platform, PublishedAt: p.PublishedAt,
		Followers: v(p.Followers), Likes: v(p.Likes), Comments: v(p.Comments), Shares: v(p.Shares), Saves: v(p.Saves),
		Views: v(p.Views), Reach: v(p.Reach), Impressions: v(p.Impressions), Clicks: v(p.Clicks), Conversions: v(p.Conversions)}
	for _, c := range p.counts() {
		if c.v == nil {
			kp.Hidden |= c.bit
		}
	}
	return kp
}

// check refuses an influencer without a handle; its field is the
// influencer's own.
func (inf *Influencer) check() *badRequest {
	if strings.TrimSpace(inf.Handle) == "" {
		return bad(ErrEmpty, "handle", "empty")
	}
	return nil
}

// checkOrder refuses an order without an ID (roi.AttributeOrders would,
// after every order is read); its field is the order's own.
func checkOrder(o *roi.Order) *badRequest {
	if strings.TrimSpace(o.ID) == "" {
		return bad(ErrInvalid, "id", "empty ID (%s)", errs.Quote(o.ID))
	}
	return nil
}

// check refuses a path without channels; its field is the path's own.
func (p *Path) check() *badRequest {
	if len(p.Channels) == 0 {
		return bad(ErrEmpty, "channels", "empty: a path needs its channels")
	}
	return nil
}

// orders credits the orders to the influencers by code and link, and sets
// their revenue and conversions in in; nil without orders.
func orders(c Campaign, cur budget.Currency, tracking []roi.Tracking, in *roi.Campaign) (*roi.OrderAttribution, error) {
	if len(c.Orders) == 0 {
		return nil, nil
	}
	for i, o := range c.Orders {
		if br := checkOrder(&o); br != nil {
			return nil, under(errs.Index("orders", i), br)
		}
		if err := checkAmount(errs.Index("orders", i)+".amount", errs.Format(o.Amount), o.Amount, cur); err != nil && !errors.Is(err, ErrNegative) {
			return nil, err // roi.AttributeOrders names a negative amount
		}
	}
	att, err := roi.AttributeOrders(c.Orders, tracking)
	if err != nil {
		return nil, refused("orders", err)
	}
	if att.Currency != cur {
		return nil, bad(ErrCurrencyMismatch, "orders", "in %s, but the campaign is in %s", att.Currency, cur.Code())
	}
	index := influencerIndex(in.Influencers)
	for _, s := range att.Influencers {
		j := index[s.Influencer]
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
func attribution(c Campaign, cur budget.Currency) (map[string]map[string]Credit, error) {
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
		if br := p.check(); br != nil {
			return nil, under(field, br)
		}
		if len(channels) > MaxChannels {
			return nil, bad(ErrTooLarge, field+".channels", "more than %d distinct channels in the paths", MaxChannels)
		}
		paths[i] = roi.Path{Channels: p.Channels, Conversions: p.Conversions, Nulls: p.Nulls, Value: decimal.Zero}
		if p.Value != "" {
			var err error
			if paths[i].Value, err = amount(field+".value", p.Value, cur); err != nil {
				return nil, err
			}
		}
	}
	out := map[string]map[string]Credit{}
	for _, m := range []roi.Model{roi.Linear, roi.Markov} {
		cr, err := roi.Attribute(paths, m)
		if err != nil {
			return nil, refused("paths", err)
		}
		out[m.String()] = make(map[string]Credit, len(cr))
		for ch, c := range cr {
			out[m.String()][ch] = Credit{Conversions: c.Conversions, Value: budget.Money{Amount: c.Value, Currency: cur}}
		}
	}
	return out, nil
}
