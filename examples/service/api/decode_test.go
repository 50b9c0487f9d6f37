package api

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// FuzzDecode checks decode against encoding/json (with
// DisallowUnknownFields): where both read a body they read the same
// Campaign; where encoding/json refuses it, so does decode; where decode
// alone refuses it, the reason is a limit or an element's check.
func FuzzDecode(f *testing.F) {
	b, err := os.ReadFile("../campaign.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	for _, s := range []string{``, `null`, `{}`, `[]`, `{"currency":"EUR"} {}`, `{"posts":[{"likes":1x}]}`,
		`{"Currency":"EUR","POSTS":null,"paths":[{"channels":["a","b"],"conversions":-0,"nulls":1e0}]}`,
		`{"currency":"\u0045UR","influencers":[{"handle":"a\ud800","cost":"1","codes":null}]}`,
		`{"posts":[{"id":"p","creator":"a","published_at":"2026-01-01T00:00:00Z","likes":null,"saves":9223372036854775807}]}`,
		`{"orders":[{"id":"1","time":"2026-01-01T00:00:00Z","amount":1.5e1,"currency":"EUR"}]}`,
		`{"overhead":null,"time_zone":"Europe/Berlin","currency":"E\"UR"}`, `{"currency":"EUR",}`, `{"a" 1}`, "{\"currency\":\"\xff\"}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		got, err := decode([]byte(body))
		var want Campaign
		dec := json.NewDecoder(strings.NewReader(body))
		dec.DisallowUnknownFields()
		jerr := dec.Decode(&want)
		if jerr == nil {
			if _, terr := dec.Token(); terr != io.EOF {
				jerr = errors.New("more than one value")
			}
		}
		switch {
		case jerr != nil && err == nil:
			t.Fatalf("encoding/json refuses %q (%v); decode reads %+v", body, jerr, got)
		case jerr == nil && err != nil:
			var br *badRequest
			if !errors.As(err, &br) {
				t.Fatalf("%q: %v is not a *badRequest", body, err)
			}
			last := br.field[strings.LastIndexAny(br.field, ".]")+1:]
			checked := map[string]bool{"handle": true, "published_at": true, "id": true, "channels": true}
			if !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrNegative) && !checked[last] {
				t.Fatalf("encoding/json reads %q; decode refuses it: %v", body, err)
			}
		case jerr == nil:
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("%q (-encoding/json +decode):\n%s", body, diff)
			}
		}
	})
}
