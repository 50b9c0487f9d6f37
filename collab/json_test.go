package collab

import (
	"encoding/json"
	"regexp"
	"testing"

	"github.com/shopspring/decimal"
)

// TestJSONKeys checks that every result type marshals with lowercase
// snake_case keys and enums by their text.
func TestJSONKeys(t *testing.T) {
	d := reel("d1", "mara", "2026-05-10 00:00")
	d.Terms = []Milestone{{Share: decimal.NewFromInt(1), On: OnPublish, NetDays: 30}}
	d.Brief = Brief{Rules: []DisclosureRule{FTC()}, Hashtags: []string{"glowup"}}
	ev := []Event{{Deliverable: "d1", Action: DraftSubmitted, At: day0("2026-05-01 00:00")},
		{Deliverable: "d1", Action: Published, At: day0("2026-05-02 00:00"), Post: "p1"}}
	sts, err := Statuses([]Deliverable{d}, ev, day0("2026-06-01 00:00"))
	if err != nil {
		t.Fatal(err)
	}
	ps, err := Payments([]Deliverable{d}, ev, nil, day0("2026-06-15 00:00"))
	if err != nil {
		t.Fatal(err)
	}
	hs, err := Histories([]CampaignResult{{Campaign: "c", Creator: "mara", End: day0("2026-06-01 00:00"),
		FeePaid: money("10"), Delivery: Tally(sts)}})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := MatchPosts([]Deliverable{d}, nil, nil)
	comp, _ := CheckCaption("#ad", d.Brief)
	key := regexp.MustCompile(`"([^"]+)":`)
	snake := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	for _, v := range []any{d, sts, ps, hs, m, comp, ev} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%T: %v", v, err)
		}
		for _, k := range key.FindAllStringSubmatch(string(b), -1) {
			if !snake.MatchString(k[1]) {
				t.Errorf("%T: key %q is not snake_case in %s", v, k[1], b)
			}
		}
	}
	b, _ := json.Marshal(sts[0])
	// state and step actions by text; days as a string decimal: 1 day from draft to publish.
	for _, want := range []string{`"state":"on_time"`, `"from":"draft_submitted"`, `"to":"published"`, `"days":"1"`} {
		if !regexp.MustCompile(regexp.QuoteMeta(want)).Match(b) {
			t.Errorf("status JSON lacks %s: %s", want, b)
		}
	}
	var back Status
	if err := json.Unmarshal(b, &back); err != nil || back.State != StateOnTime || len(back.Steps) != 1 {
		t.Errorf("round trip: %+v, %v", back, err)
	}
}
