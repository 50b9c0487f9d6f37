package api_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/influencekit/influencekit/examples/service/api"
)

// FuzzHandler posts arbitrary bodies: the handler answers 200 or a 4xx with a
// JSON error naming the field, and never panics.
func FuzzHandler(f *testing.F) {
	f.Add(campaign)
	f.Add(`{"currency": "EUR", "influencers": [{"handle": "a", "cost": "1"}], "posts": [{"creator": "a", "published_at": "2026-01-01T00:00:00Z"}]}`)
	f.Add(`{"currency": "JPY", "influencers": [{"handle": "a", "cost": "1.5"}]}`)
	f.Fuzz(func(t *testing.T, body string) {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodPost, "/report", strings.NewReader(body))
		api.Handler{MaxBytes: 1 << 16}.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge:
		default:
			t.Errorf("status %d for %q", rec.Code, body)
		}
		if !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
			t.Errorf("content type %q", rec.Header().Get("Content-Type"))
		}
		if rec.Code != http.StatusBadRequest {
			return
		}
		// Every 400 names its field, but when the body as a whole is at
		// fault (empty, two values, not an object, broken off at the top);
		// none passes on encoding/json's bare text.
		var e api.Error
		if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
			t.Fatalf("400 body %q: %v", rec.Body, err)
		}
		whole := false
		for _, prefix := range []string{"empty body", "more than one JSON value", "want an object", "malformed JSON"} {
			whole = whole || strings.HasPrefix(e.Error, prefix)
		}
		if (e.Field == "" && !whole) || strings.HasPrefix(e.Error, "json:") || e.Error == "unexpected EOF" {
			t.Errorf("400 %+v for %q", e, body)
		}
	})
}
