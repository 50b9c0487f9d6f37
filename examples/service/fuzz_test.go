package service_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/influencekit/influencekit/examples/service"
)

// FuzzHandler posts arbitrary bodies: the handler answers 200 or a 4xx with a
// JSON error, and never panics.
func FuzzHandler(f *testing.F) {
	f.Add(campaign)
	f.Add(`{"currency": "EUR", "influencers": [{"handle": "a", "cost": "1"}], "posts": [{"creator": "a", "published_at": "2026-01-01T00:00:00Z"}]}`)
	f.Add(`{"currency": "JPY", "influencers": [{"handle": "a", "cost": "1.5"}]}`)
	f.Fuzz(func(t *testing.T, body string) {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodPost, "/report", strings.NewReader(body))
		service.Handler{MaxBytes: 1 << 16}.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge:
		default:
			t.Errorf("status %d for %q", rec.Code, body)
		}
		if !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
			t.Errorf("content type %q", rec.Header().Get("Content-Type"))
		}
	})
}
