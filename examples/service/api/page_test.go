package api_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/influencekit/influencekit/examples/service/api"
)

// TestPage asks for the report as a page, by ?format=html and by Accept:
// one self-contained HTML page with its charts and the JSON's totals; a
// request for JSON (or any) still gets JSON, and an error is JSON.
func TestPage(t *testing.T) {
	b, err := os.ReadFile("../campaign.json")
	if err != nil {
		t.Fatal(err)
	}
	ask := func(target, accept, body string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		rec := httptest.NewRecorder()
		api.Handler{}.ServeHTTP(rec, req)
		return rec
	}
	var rep api.Report
	if rec := ask("/report", "", string(b)); rec.Code != 200 || json.Unmarshal(rec.Body.Bytes(), &rep) != nil {
		t.Fatalf("JSON: status %d, %.200s", rec.Code, rec.Body)
	}
	for _, tc := range []struct{ target, accept string }{
		{"/report?format=html", ""},
		{"/report", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}, // a browser's
	} {
		rec := ask(tc.target, tc.accept, string(b))
		page := rec.Body.String()
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
			t.Fatalf("%s %q: status %d, %s", tc.target, tc.accept, rec.Code, rec.Header().Get("Content-Type"))
		}
		if strings.Contains(page, "<script") || regexp.MustCompile(`(?i)(src|href)\s*=`).MatchString(page) ||
			!strings.Contains(page, `default-src 'none'`) {
			t.Errorf("%s: not self-contained", tc.target)
		}
		if n := strings.Count(page, `<svg class="chart"`); n < 3 {
			t.Errorf("%s: %d charts, want 3", tc.target, n)
		}
		want := rep.Currency + " " + rep.Campaign.Total.Revenue.StringFixed(2)
		if !strings.Contains(page, want) {
			t.Errorf("%s: the page lacks the credited revenue %s", tc.target, want)
		}
	}
	for _, accept := range []string{"application/json", "*/*", "application/json, text/html"} {
		if rec := ask("/report", accept, string(b)); !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
			t.Errorf("Accept %q: %s, want JSON", accept, rec.Header().Get("Content-Type"))
		}
	}
	if rec := ask("/report?format=html", "", "{}x"); rec.Code != 400 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
		t.Errorf("a bad request for the page: status %d, %s, want a JSON 400", rec.Code, rec.Header().Get("Content-Type"))
	}
}
