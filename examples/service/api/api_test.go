package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/influencekit/influencekit/examples/service/api"
	"github.com/shopspring/decimal"
)

// campaign is a small campaign whose figures are worked out by hand below.
const campaign = `{
  "currency": "EUR",
  "influencers": [
    {"handle": "ana", "cost": "100.00", "codes": ["ANA10"]},
    {"handle": "ben", "cost": "300.00", "links": [{"source": "instagram", "campaign": "ben"}]}
  ],
  "overhead": "50.00",
  "posts": [
    {"id": "p1", "creator": "ana", "platform": "instagram", "published_at": "2026-04-01T18:00:00Z",
     "followers": 10000, "likes": 400, "comments": 50, "shares": 30, "saves": 20, "reach": 5000, "impressions": 8000},
    {"id": "p2", "creator": "ben", "platform": "tiktok", "published_at": "2026-04-09T18:00:00Z",
     "followers": 20000, "likes": 900, "comments": 60, "shares": 40, "saves": null, "views": 30000, "reach": 10000, "impressions": 12000}
  ],
  "orders": [
    {"id": "#1", "time": "2026-04-02T10:00:00Z", "amount": "50.00", "currency": "EUR", "code": "ana10"},
    {"id": "#2", "time": "2026-04-03T10:00:00Z", "amount": "70.00", "currency": "EUR",
     "landing_url": "https://shop.example/?utm_source=instagram&utm_campaign=ben"},
    {"id": "#3", "time": "2026-04-04T10:00:00Z", "amount": "30.00", "currency": "EUR"},
    {"id": "#4", "time": "2026-04-05T10:00:00Z", "amount": "80.00", "currency": "EUR", "code": " ANA10 "}
  ],
  "paths": [{"channels": ["ana", "ben"], "conversions": 2, "value": "40.00", "nulls": 3}]
}`

func post(t *testing.T, h http.Handler, body, contentType string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, "/report", strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestReport(t *testing.T) {
	rec := post(t, api.Handler{}, campaign, "application/json")
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var rep api.Report
	if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	d := decimal.RequireFromString
	type line struct {
		Revenue, Conversions, ROI, ROAS decimal.Decimal
	}
	got := map[string]line{}
	for _, ir := range rep.Campaign.Influencers {
		got[ir.Influencer] = line{ir.Revenue, ir.Conversions, *ir.ROI, *ir.ROAS}
	}
	got["total"] = line{rep.Campaign.Total.Revenue, rep.Campaign.Total.Conversions, *rep.Campaign.Total.ROI, *rep.Campaign.Total.ROAS}
	want := map[string]line{
		// ana: orders #1 (code "ana10") and #4 (" ANA10 "): 130.00;
		// ROI (130 − 100) / 100 = 0.3, ROAS 1.3.
		"ana": {d("130"), d("2"), d("0.3"), d("1.3")},
		// ben: order #2 by link: 70.00; ROI (70 − 300) / 300 = −0.7666…,
		// ROAS 70 / 300 = 0.2333… (16 places, half away from zero).
		"ben": {d("70"), d("1"), d("-0.7666666666666667"), d("0.2333333333333333")},
		// total: cost 100 + 300 + 50 overhead = 450, revenue 200 (order #3
		// is nobody's): ROI −250 / 450 = −0.5555…, ROAS 0.4444….
		"total": {d("200"), d("3"), d("-0.5555555555555556"), d("0.4444444444444444")},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
	ana := rep.Campaign.Influencers[0]
	// CPE 100 / 500 engagements = 0.2; CPM 100 × 1000 / 8000 = 12.5.
	if !ana.CPE.Equal(d("0.2")) || !ana.CPM.Equal(d("12.5")) {
		t.Errorf("ana CPE %v CPM %v, want 0.2 and 12.5", ana.CPE, ana.CPM)
	}
	if ben := rep.Campaign.Influencers[1]; ben.CPE != nil {
		t.Errorf("ben hid saves: CPE %v, want none", ben.CPE)
	}
	// Engagement by reach, pooled over the posts reporting every count: only
	// p1, 500 / 5000 = 0.1; p2 is skipped (saves not reported).
	if e := rep.Engagement.ByReach; e == nil || !e.Rate.Equal(d("0.1")) || e.Posts != 1 || e.Skipped != 1 {
		t.Errorf("engagement by reach %+v, want 0.1 over 1 post, 1 skipped", e)
	}
	// Weeks: 2026-W14 (30 Mar – 5 Apr) holds p1, rated 0.1; 2026-W15 holds
	// p2, not rated.
	if len(rep.Weekly) != 2 || rep.Weekly[0].Week != "2026-W14" || !rep.Weekly[0].RateByReach.Equal(d("0.1")) || rep.Weekly[1].RateByReach != nil {
		t.Errorf("weekly %+v", rep.Weekly)
	}
	if u := rep.Orders.Unattributed; u.Orders != 1 || !u.Revenue.Equal(d("30")) {
		t.Errorf("unattributed %+v, want order #3 (30.00)", u)
	}
	// Linear: the one path of two touches gives each 1 conversion and 20.00.
	if c := rep.Attribution["linear"]["ana"]; !c.Conversions.Equal(d("1")) || !c.Value.Amount.Equal(d("20")) || c.Value.Currency.Code() != "EUR" {
		t.Errorf("linear credit of ana %+v, want 1 and 20", c)
	}
}

func TestErrors(t *testing.T) {
	negative := strings.Replace(campaign, `"likes": 400`, `"likes": -4`, 1)
	// 257 distinct channels, one over MaxChannels, in the second path.
	var many []string
	for i := range api.MaxChannels + 1 {
		many = append(many, fmt.Sprintf("%q", fmt.Sprint("c", i)))
	}
	tooMany := strings.Replace(campaign, `"paths": [`, `"paths": [{"channels": ["ana"], "conversions": 1}, {"channels": [`+strings.Join(many, ",")+`], "conversions": 1}, `, 1)
	for _, tc := range []struct {
		name, body, contentType string
		h                       api.Handler
		status                  int
		field, msg              string
	}{
		{"negative count", negative, "application/json", api.Handler{}, 400, "posts[0].likes", "negative (-4)"},
		// v0.2: an unknown key is a 400 naming its path, not json's bare
		// `json: unknown field "budget"`.
		{"unknown field", `{"currency": "EUR", "budget": 5}`, "", api.Handler{}, 400, "budget", `unknown field "budget"`},
		{"unknown nested field", strings.Replace(campaign, `"saves": null,`, `"saves": null, "bogus": 1,`, 1), "", api.Handler{}, 400, "posts[1].bogus", `unknown field "bogus": not part of a post`},
		{"unknown link field", strings.Replace(campaign, `"source": "instagram"`, `"src": "instagram"`, 1), "", api.Handler{}, 400, "influencers[1].links[0].src", `unknown field "src"`},
		{"wrong type", `{"currency": 978}`, "", api.Handler{}, 400, "currency", "want a string"},
		{"wrong type in a post", strings.Replace(campaign, `"likes": 900`, `"likes": "900"`, 1), "", api.Handler{}, 400, "posts[1].likes", "want a whole number, not a JSON string"},
		{"fraction for a count", strings.Replace(campaign, `"likes": 900`, `"likes": 900.5`, 1), "", api.Handler{}, 400, "posts[1].likes", "want a whole number, not a JSON number"},
		{"object for an array", `{"currency": "EUR", "posts": {}}`, "", api.Handler{}, 400, "posts", "want an array, not an object"},
		{"unknown platform", strings.Replace(campaign, `"platform": "tiktok"`, `"platform": "myspace"`, 1), "", api.Handler{}, 400, "posts[1].platform", `"myspace"`},
		{"bad time", strings.Replace(campaign, `"2026-04-09T18:00:00Z"`, `"9 April"`, 1), "", api.Handler{}, 400, "posts[1].published_at", `"9 April"`},
		{"bad currency", strings.Replace(campaign, `"EUR"`, `"EURO"`, 1), "", api.Handler{}, 400, "currency", "ISO 4217"},
		{"unknown creator", strings.Replace(campaign, `"creator": "ben"`, `"creator": "bob"`, 1), "", api.Handler{}, 400, "posts[1].creator", `"bob"`},
		{"bad cost", strings.Replace(campaign, `"100.00"`, `"1.005"`, 1), "", api.Handler{}, 400, "influencers[0].cost", "minor unit"},
		// v0.2: malformed JSON names where it broke off (was the bare
		// "unexpected EOF" with no field).
		{"malformed", `{"currency": `, "", api.Handler{}, 400, "currency", "malformed JSON: the body ends at byte 13"},
		// In `{"posts": [{"likes": 1x}]}` the x is the 23rd byte (counted
		// from 1: `{"posts": [` is 11 bytes, `{"likes": ` 10 more, then 1).
		{"syntax error", `{"posts": [{"likes": 1x}]}`, "", api.Handler{}, 400, "posts[0].likes", "malformed JSON at byte 23: invalid character 'x'"},
		{"two values", `{"currency": "EUR"} {}`, "", api.Handler{}, 400, "", "more than one JSON value"},
		{"empty", ``, "", api.Handler{}, 400, "", "empty body"},
		{"too many channels", tooMany, "", api.Handler{}, 400, "paths[1].channels", "more than 256 distinct channels"},
		{"server's zone", strings.Replace(campaign, `"currency": "EUR",`, `"currency": "EUR", "time_zone": "Local",`, 1), "", api.Handler{}, 400, "time_zone", `"Local"`},
		{"order amount", strings.Replace(campaign, `"amount": "50.00"`, `"amount": "50.005"`, 1), "", api.Handler{}, 400, "orders[0].amount", "minor unit of EUR (50.005)"},
		// The library's own errors answer with its path of the value, in
		// the request's JSON names.
		{"negative conversions", strings.Replace(campaign, `"conversions": 2`, `"conversions": -2`, 1), "", api.Handler{}, 400, "paths[0].conversions", "roi: Attribute: paths[0].Conversions: negative (-2)"},
		{"negative order", strings.Replace(campaign, `"amount": "70.00"`, `"amount": "-70.00"`, 1), "", api.Handler{}, 400, "orders[1].amount", "roi: AttributeOrders: orders[1].Amount: negative"},
		{"too large", campaign, "", api.Handler{MaxBytes: 64}, 413, "", "over 64 bytes"},
		{"content type", campaign, "text/csv", api.Handler{}, 415, "", "want application/json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := post(t, tc.h, tc.body, tc.contentType)
			var e api.Error
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
				t.Fatalf("body %q: %v", rec.Body, err)
			}
			if rec.Code != tc.status || e.Field != tc.field || !strings.Contains(e.Error, tc.msg) {
				t.Errorf("got %d %+v, want %d field %q and %q", rec.Code, e, tc.status, tc.field, tc.msg)
			}
		})
	}
}

func TestMethod(t *testing.T) {
	rec := httptest.NewRecorder()
	api.Handler{}.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/report", nil))
	if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "POST" {
		t.Errorf("GET: %d, Allow %q", rec.Code, rec.Header().Get("Allow"))
	}
}

// TestServer runs the handler behind a real HTTP server.
func TestServer(t *testing.T) {
	srv := httptest.NewServer(api.Handler{})
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/report", "application/json", strings.NewReader(campaign))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("status %d, content type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

// TestReadmeRequest posts examples/service/campaign.json, the file the
// README's curl command sends: it must stay a valid campaign.
func TestReadmeRequest(t *testing.T) {
	b, err := os.ReadFile("../campaign.json")
	if err != nil {
		t.Fatal(err)
	}
	if rec := post(t, api.Handler{}, string(b), "application/json"); rec.Code != http.StatusOK {
		t.Errorf("campaign.json: status %d: %s", rec.Code, rec.Body)
	}
}
