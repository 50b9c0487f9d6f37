// Package api shows how a Go service embeds influencekit: an
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
// Every amount of money in the response (cost, revenue, overhead, EMV, CPA,
// CPE, CPM, credited value) is a money object with the currency's minor
// digits, {"amount":"875.00","currency":"EUR"} (every digit of an amount
// finer than them, such as a CPE).
//
// Errors are JSON {"error": "…", "field": "…"}: 400 for a request that
// cannot be read or is invalid, with the path of the value at fault in
// field, such as "posts[3].likes" (malformed JSON and unknown keys
// included: {"posts": [{"likes": 1, "bogus": 2}]} answers field
// "posts[0].bogus"; paths with more than MaxChannels distinct channels are
// refused, to bound the Markov model's work); 405 for a method other than
// POST, 413 for a body over Handler.MaxBytes, 415 for another content
// type. The handler holds no state: it is safe for concurrent use.
//
// # Limits
//
// A request's work is bounded by limits a client can see before sending
// it, checked while the body is read (before anything beyond them is
// kept) and by Build for a Campaign made in Go; beyond one, the answer is
// a 400 naming the field and the limit, and Build's error wraps
// ErrTooLarge:
//
//	body                      Handler.MaxBytes, default DefaultMaxBytes (1 MiB): 413
//	a number as written       MaxNumberLen: 40 bytes (amounts, counts, times)
//	an amount's value         fewer than 40 digits before the point, exponent within ±1000
//	any other string          MaxTextLen: 2048 bytes as written
//	influencers               MaxInfluencers: 1,000 ("influencers[1000]: more than MaxInfluencers (1000) elements")
//	posts                     MaxPosts: 10,000
//	orders                    MaxOrders: 20,000
//	paths                     MaxPaths: 10,000
//	channels of one path      MaxTouches: 1,000
//	channels of all paths     MaxTotalTouches: 100,000
//	distinct channels         MaxChannels: 256 over all paths
//	codes, links              MaxCodes: 100 each per influencer
//
// Each influencer, post, order and path is checked as soon as it is read
// (a handle, a publication time, an order ID, a path's channels), so a body
// of empty objects stops at the first. Within these limits and the default
// body limit the worst request (TestWorstRequests: 10,000 posts, as many
// orders or journeys as 1 MiB holds, 10⁶-digit numbers) takes about 30 ms
// of CPU, and the handler allocates at most about 40 times the body and
// answer together (mostly kpi.Weekly); a 900,000-digit amount is refused
// in under a millisecond. With MaxBytes raised, a request at every count
// limit at once (10.9 MB, TestEveryLimit) takes about 0.4 s of CPU and
// 20 times its body and answer.
package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"reflect"
	"strings"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
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
	Currency    string                       `json:"currency"`
	Campaign    roi.CampaignReport           `json:"campaign"`
	Orders      *roi.OrderAttribution        `json:"orders,omitempty"`
	Engagement  Engagement                   `json:"engagement"`
	Weekly      []Week                       `json:"weekly"`
	Attribution map[string]map[string]Credit `json:"attribution,omitempty"` // model → channel → credit
}

// Credit is a roi.Credit of the journeys, whose values are amounts in the
// campaign's currency: Value is the money credited to the channel.
type Credit struct {
	Conversions decimal.Decimal `json:"conversions"`
	Value       budget.Money    `json:"value"`
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

// Error is the body of an error response. Field is the path of the value
// at fault, such as "posts[3].likes" (an array index in brackets, an object
// key after a dot); it is "" when the body as a whole is at fault (empty,
// two JSON values) and for the 405, 413 and 415 answers.
type Error struct {
	Error string `json:"error"`
	Field string `json:"field"`
}

// badRequest is an invalid request, naming the field; err is the library's
// error when a library function refused the value, and otherwise the
// package's sentinel.
type badRequest struct {
	field, msg string
	err        error
}

// Error reads "api: Build: field: what was wrong (value)".
func (e *badRequest) Error() string {
	if e.field == "" {
		return "api: Build: " + e.msg
	}
	return "api: Build: " + e.field + ": " + e.msg
}

func (e *badRequest) Unwrap() error { return e.err }

// bad is an invalid request at field, wrapping sentinel; a value in the
// message must be shown short (errs.Quote, errs.Format).
func bad(sentinel error, field, format string, args ...any) *badRequest {
	return &badRequest{field: field, msg: fmt.Sprintf(format, args...), err: sentinel}
}

// refused is the library's error about the request's field (the library
// was given the request's field as is, one element for one element): its
// message names the library function, the field and the value. The field
// of the answer is the library's path of the value in the request's terms
// when it has one ("paths[0].Conversions" is "paths[0].conversions"), or
// as much of it as the request has, or field.
func refused(field string, err error) *badRequest {
	br := &badRequest{field: field, msg: err.Error(), err: err}
	var e *errs.Error
	if errors.As(err, &e) {
		if p := requestPath(e.Field); p == field || strings.HasPrefix(p, field+"[") || strings.HasPrefix(p, field+".") {
			br.field = p
		}
	}
	return br
}

// requestPath writes a library's field path, such as
// "posts[3].Likes", with the JSON names of the request's fields:
// "posts[3].likes". It stops at the first name the request does not have.
func requestPath(libPath string) string {
	t := reflect.TypeFor[Campaign]()
	var out string
	for _, seg := range strings.Split(libPath, ".") {
		name, index, _ := strings.Cut(seg, "[")
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct {
			return out
		}
		f, ok := goField(t, name)
		if !ok {
			return out
		}
		out = join(out, f.json)
		if index != "" {
			out += "[" + index
		}
		t = f.typ
	}
	return out
}

type jsonField struct {
	json string
	typ  reflect.Type
}

// goField finds the field of t named name (its Go name or its JSON name,
// ignoring case), with its JSON name.
func goField(t reflect.Type, name string) (jsonField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || tag == "-" {
			continue
		}
		if tag == "" {
			tag = f.Name
		}
		if strings.EqualFold(f.Name, name) || strings.EqualFold(tag, name) {
			return jsonField{tag, f.Type}, true
		}
	}
	return jsonField{}, false
}

// ServeHTTP implements http.Handler. A nil request, or one without a body,
// answers 400 (empty body); with a nil w there is no one to answer and it
// returns at once.
func (h Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if w == nil {
		return
	}
	if r == nil {
		writeJSON(w, http.StatusBadRequest, Error{Error: "empty body: POST a campaign"})
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeJSON(w, http.StatusMethodNotAllowed, Error{Error: "method " + errs.Quote(r.Method) + " not allowed: POST a campaign"})
		return
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			writeJSON(w, http.StatusUnsupportedMediaType, Error{Error: "content type " + errs.Quote(ct) + ": want application/json"})
			return
		}
	}
	limit := h.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	body, err := readBody(w, r, limit)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeJSON(w, http.StatusRequestEntityTooLarge, Error{Error: fmt.Sprintf("body over %d bytes", tooBig.Limit)})
			return
		}
		writeJSON(w, http.StatusBadRequest, Error{Error: "reading the body: " + err.Error()})
		return
	}
	c, err := decode(body)
	if err == nil {
		var rep Report
		if rep, err = Build(c); err == nil {
			if wantsHTML(r) { // ?format=html or Accept: text/html (page.go)
				writePage(w, rep)
				return
			}
			writeJSON(w, http.StatusOK, rep)
			return
		}
	}
	var br *badRequest
	if !errors.As(err, &br) {
		br = &badRequest{msg: err.Error()} // not reached: decode and Build name a field
	}
	writeJSON(w, http.StatusBadRequest, Error{Error: br.msg, Field: br.field})
}

// readBody reads r's body, at most limit bytes (an *http.MaxBytesError
// beyond), into a buffer sized by its Content-Length when it states one
// within the limit and DefaultMaxBytes (a Handler with a larger MaxBytes
// grows its buffer as the bytes come: the header may lie). A nil body is
// empty.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	if r.Body == nil {
		return nil, nil
	}
	buf := bytes.NewBuffer(nil)
	if r.ContentLength > 0 && r.ContentLength <= min(limit, DefaultMaxBytes) {
		buf.Grow(int(r.ContentLength) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, limit))
	return buf.Bytes(), err
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v) // the client may have gone; nothing more to do
}
