// Package service shows how a Go service embeds influencekit: an
// http.Handler that accepts a campaign as JSON (influencers with their
// costs and tracking, posts, orders, journeys) and answers with the
// campaign report as JSON.
//
//	POST /report   Content-Type: application/json
//
//	{
//	  "currency": "EUR",
//	  "influencers": [{"handle": "pia.pure", "cost": "875.00",
//	                   "codes": ["PIA15"], "links": [{"source": "tiktok", "campaign": "pia"}]}],
//	  "overhead": "1200.00",
//	  "posts": [{"id": "p1", "creator": "pia.pure", "platform": "tiktok",
//	             "published_at": "2026-04-01T18:00:00Z", "followers": 9000,
//	             "likes": 1200, "comments": 40, "shares": 60, "saves": 30,
//	             "views": 15000, "reach": 9800, "impressions": 16000}],
//	  "orders": [{"id": "#1", "time": "2026-04-02T10:00:00Z", "amount": "21.17",
//	              "currency": "EUR", "code": "PIA15"}],
//	  "paths": [{"channels": ["pia.pure", "newsletter"], "conversions": 2, "value": "42.34", "nulls": 10}]
//	}
//
// Amounts are JSON strings ("875.00"), read exactly as decimals, never as
// binary floating point. A count that is absent or null in a post was not
// reported (Instagram's hidden likes): it is left out, never read as 0.
//
// The response holds the per-influencer and total metrics of roi.Report
// (ROI, ROAS, CPA, CPE, CPM), the orders credited by code and link
// (roi.AttributeOrders), the campaign's pooled engagement rates and weekly
// series (kpi), and the journeys' credit under the linear and Markov models
// (roi.Attribute). Every decimal is a JSON string; rates are fractions.
//
// Errors are JSON {"error": "…", "field": "…"}: 400 for a request that
// cannot be read or is invalid (naming the field; paths with more than
// MaxChannels distinct channels are refused, to bound the Markov model's work), 405 for a method other
// than POST, 413 for a body over Handler.MaxBytes, 415 for another content
// type. The handler holds no state: it is safe for concurrent use.
package service

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/kpi"
	"github.com/influencekit/influencekit/roi"
	"github.com/shopspring/decimal"
)

// DefaultMaxBytes is the body limit of a zero Handler: 1 MiB.
const DefaultMaxBytes = 1 << 20

// MaxChannels bounds the distinct channels of a request's paths. The Markov
// model's cost grows with the cube of its states: one 15 KB path of 2,000
// channels took 4.5 s of CPU, 256 channels take milliseconds, and a
// campaign's real channels (creators, search, newsletter, ads) are far fewer.
const MaxChannels = 256

// Handler serves POST requests with a Campaign and answers with a Report.
// The zero value is ready to use.
type Handler struct {
	// MaxBytes limits the request body; 0 means DefaultMaxBytes.
	MaxBytes int64
}

// Campaign is the request body.
type Campaign struct {
	Currency    string       `json:"currency"`
	TimeZone    string       `json:"time_zone,omitempty"` // IANA name for the weekly series; default UTC
	Influencers []Influencer `json:"influencers"`
	Overhead    *string      `json:"overhead,omitempty"` // cost not tied to one influencer
	Posts       []Post       `json:"posts"`
	Orders      []roi.Order  `json:"orders,omitempty"`
	Paths       []Path       `json:"paths,omitempty"`
}

// Influencer is a booked creator: their cost and how their sales are
// recognised.
type Influencer struct {
	Handle string    `json:"handle"`
	Cost   string    `json:"cost"`
	Codes  []string  `json:"codes,omitempty"`
	Links  []roi.UTM `json:"links,omitempty"`
}

// Post is a kpi.Post in JSON; a nil count was not reported.
type Post struct {
	ID          string       `json:"id"`
	Creator     string       `json:"creator"`
	Platform    kpi.Platform `json:"platform"`
	PublishedAt time.Time    `json:"published_at"`
	Followers   *int64       `json:"followers"`
	Likes       *int64       `json:"likes"`
	Comments    *int64       `json:"comments"`
	Shares      *int64       `json:"shares"`
	Saves       *int64       `json:"saves"`
	Views       *int64       `json:"views"`
	Reach       *int64       `json:"reach"`
	Impressions *int64       `json:"impressions"`
	Clicks      *int64       `json:"clicks"`
	Conversions *int64       `json:"conversions"`
}

// Path is a roi.Path in JSON.
type Path struct {
	Channels    []string `json:"channels"`
	Conversions int64    `json:"conversions"`
	Value       string   `json:"value,omitempty"`
	Nulls       int64    `json:"nulls"`
}

// Report is the response body.
type Report struct {
	Currency    string                           `json:"currency"`
	Campaign    roi.CampaignReport               `json:"campaign"`
	Orders      *roi.OrderAttribution            `json:"orders,omitempty"`
	Engagement  Engagement                       `json:"engagement"`
	Weekly      []Week                           `json:"weekly"`
	Attribution map[string]map[string]roi.Credit `json:"attribution,omitempty"` // model → channel → credit
}

// Engagement holds the campaign's pooled engagement rates (every
// interaction; posts lacking a needed count are left out and counted).
type Engagement struct {
	ByFollowers *kpi.Result `json:"by_followers,omitempty"`
	ByReach     *kpi.Result `json:"by_reach,omitempty"`
}

// Week is one ISO week of the campaign.
type Week struct {
	Week        string           `json:"week"`
	Start       time.Time        `json:"start"`
	Posts       int64            `json:"posts"`
	Reach       int64            `json:"reach"`
	RateByReach *decimal.Decimal `json:"er_by_reach,omitempty"`
}

// Error is the body of an error response.
type Error struct {
	Error string `json:"error"`
	Field string `json:"field,omitempty"`
}

// badRequest is an invalid request, naming the field.
type badRequest struct {
	field, msg string
}

func (e *badRequest) Error() string { return e.field + ": " + e.msg }

func bad(field, format string, args ...any) error {
	return &badRequest{field: field, msg: fmt.Sprintf(format, args...)}
}

// ServeHTTP implements http.Handler.
func (h Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeJSON(w, http.StatusMethodNotAllowed, Error{Error: "method " + r.Method + " not allowed: POST a campaign"})
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			writeJSON(w, http.StatusUnsupportedMediaType, Error{Error: "content type " + ct + ": want application/json"})
			return
		}
	}
	limit := h.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, limit))
	dec.DisallowUnknownFields()
	var c Campaign
	if err := dec.Decode(&c); err != nil {
		var tooBig *http.MaxBytesError
		var typeErr *json.UnmarshalTypeError
		var syntaxErr *json.SyntaxError
		switch {
		case errors.As(err, &tooBig):
			writeJSON(w, http.StatusRequestEntityTooLarge, Error{Error: fmt.Sprintf("body over %d bytes", tooBig.Limit)})
		case errors.As(err, &typeErr):
			writeJSON(w, http.StatusBadRequest, Error{Error: fmt.Sprintf("want a %s, not a JSON %s", typeErr.Type, typeErr.Value), Field: typeErr.Field})
		case errors.As(err, &syntaxErr):
			writeJSON(w, http.StatusBadRequest, Error{Error: fmt.Sprintf("malformed JSON at byte %d: %v", syntaxErr.Offset, err)})
		case errors.Is(err, io.EOF):
			writeJSON(w, http.StatusBadRequest, Error{Error: "empty body: POST a campaign"})
		default:
			writeJSON(w, http.StatusBadRequest, Error{Error: err.Error()})
		}
		return
	}
	if dec.More() {
		writeJSON(w, http.StatusBadRequest, Error{Error: "more than one JSON value in the body"})
		return
	}
	rep, err := Build(c)
	if err != nil {
		var br *badRequest
		if errors.As(err, &br) {
			writeJSON(w, http.StatusBadRequest, Error{Error: br.msg, Field: br.field})
			return
		}
		// The library's errors name their function, field and value.
		writeJSON(w, http.StatusBadRequest, Error{Error: err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, rep)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v) // the client may have gone; nothing more to do
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

// Build computes the report of a campaign; it is what the handler runs,
// exported for programs that have the campaign in hand. An invalid campaign
// returns an error naming the field.
func Build(c Campaign) (Report, error) {
	cur, err := budget.ParseCurrency(strings.ToUpper(strings.TrimSpace(c.Currency)))
	if err != nil {
		return Report{}, bad("currency", "not an ISO 4217 code (%q)", c.Currency)
	}
	loc := time.UTC
	if c.TimeZone != "" {
		// "Local" would be the server's zone, an input the client cannot see.
		if loc, err = time.LoadLocation(c.TimeZone); err != nil || c.TimeZone == "Local" {
			return Report{}, bad("time_zone", "unknown time zone (%q)", c.TimeZone)
		}
	}
	if len(c.Influencers) == 0 {
		return Report{}, bad("influencers", "empty: list the booked influencers")
	}
	in := roi.Campaign{Currency: cur.Code()}
	if c.Overhead != nil {
		if in.Overhead, err = amount("overhead", *c.Overhead, cur); err != nil {
			return Report{}, err
		}
	}
	index := map[string]int{}
	var tracking []roi.Tracking
	for i, inf := range c.Influencers {
		field := fmt.Sprintf("influencers[%d]", i)
		h := strings.TrimSpace(inf.Handle)
		if h == "" {
			return Report{}, bad(field+".handle", "empty")
		}
		if _, dup := index[h]; dup {
			return Report{}, bad(field+".handle", "listed twice (%q)", h)
		}
		index[h] = i
		cost, err := amount(field+".cost", inf.Cost, cur)
		if err != nil {
			return Report{}, err
		}
		in.Influencers = append(in.Influencers, roi.InfluencerInput{Influencer: h, Cost: cost, Revenue: decimal.Zero, Conversions: decimal.Zero})
		tracking = append(tracking, roi.Tracking{Influencer: h, Codes: inf.Codes, Links: inf.Links})
	}
	if len(c.Posts) == 0 {
		return Report{}, bad("posts", "empty: a report needs the campaign's posts")
	}
	var posts []kpi.Post
	for i, p := range c.Posts {
		field := fmt.Sprintf("posts[%d]", i)
		j, ok := index[strings.TrimSpace(p.Creator)]
		if !ok {
			return Report{}, bad(field+".creator", "not among the influencers (%q)", p.Creator)
		}
		if p.PublishedAt.IsZero() {
			return Report{}, bad(field+".published_at", "missing")
		}
		kp := kpi.Post{ID: p.ID, Creator: in.Influencers[j].Influencer, Platform: p.Platform, PublishedAt: p.PublishedAt}
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
				return Report{}, bad(field+"."+f.name, "negative (%d)", *f.v)
			default:
				*f.dst = *f.v
			}
		}
		posts = append(posts, kp)
		in.Influencers[j].Posts = append(in.Influencers[j].Posts, kp)
	}

	rep := Report{Currency: cur.Code()}
	if len(c.Orders) > 0 {
		for i, o := range c.Orders {
			if cur.Check(o.Amount) != nil {
				return Report{}, bad(fmt.Sprintf("orders[%d].amount", i), "finer than a minor unit of %s (%s)", cur.Code(), o.Amount)
			}
		}
		att, err := roi.AttributeOrders(c.Orders, tracking)
		if err != nil {
			return Report{}, err
		}
		if att.Currency != cur.Code() {
			return Report{}, bad("orders", "in %s, but the campaign is in %s", att.Currency, cur.Code())
		}
		for _, s := range att.Influencers {
			j := index[s.Influencer]
			in.Influencers[j].Revenue = s.Revenue
			in.Influencers[j].Conversions = decimal.NewFromInt(s.Orders)
		}
		rep.Orders = &att
	}
	if rep.Campaign, err = roi.Report(in); err != nil {
		return Report{}, err
	}

	all := kpi.AllInteractions
	for _, x := range []struct {
		base kpi.Base
		dst  **kpi.Result
	}{{kpi.ByFollowers, &rep.Engagement.ByFollowers}, {kpi.ByReach, &rep.Engagement.ByReach}} {
		r, err := kpi.Formula{Interactions: all, Base: x.base, Average: kpi.PooledRate}.Measure(posts)
		switch {
		case err == nil:
			*x.dst = &r
		case errors.Is(err, kpi.ErrEmpty), errors.Is(err, kpi.ErrZeroBase):
			// no post reports the counts: no rate
		default:
			return Report{}, err
		}
	}
	weeks, err := kpi.Weekly(posts, kpi.Formula{Interactions: all, Base: kpi.ByReach, Average: kpi.PooledRate}, loc)
	if err != nil {
		return Report{}, err
	}
	for _, wk := range weeks {
		row := Week{Week: fmt.Sprintf("%d-W%02d", wk.Year, wk.Week), Start: wk.Start, Posts: wk.Totals.Posts, Reach: wk.Totals.Reach}
		if wk.Rated {
			r := wk.Rate
			row.RateByReach = &r
		}
		rep.Weekly = append(rep.Weekly, row)
	}

	if len(c.Paths) > 0 {
		paths := make([]roi.Path, len(c.Paths))
		channels := map[string]bool{}
		for i, p := range c.Paths {
			for _, ch := range p.Channels {
				channels[ch] = true
			}
			if len(channels) > MaxChannels {
				return Report{}, bad(fmt.Sprintf("paths[%d].channels", i), "more than %d distinct channels in the paths", MaxChannels)
			}
			paths[i] = roi.Path{Channels: p.Channels, Conversions: p.Conversions, Nulls: p.Nulls, Value: decimal.Zero}
			if p.Value != "" {
				if paths[i].Value, err = amount(fmt.Sprintf("paths[%d].value", i), p.Value, cur); err != nil {
					return Report{}, err
				}
			}
		}
		rep.Attribution = map[string]map[string]roi.Credit{}
		for _, m := range []roi.Model{roi.Linear, roi.Markov} {
			cr, err := roi.Attribute(paths, m)
			if err != nil {
				return Report{}, err
			}
			rep.Attribution[m.String()] = cr
		}
	}
	return rep, nil
}
