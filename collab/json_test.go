package collab

import (
	"encoding/json"
	"errors"
	"regexp"
	"strings"
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

// TestUnmarshalJSONLimits: a milestone and a campaign result read back what
// they write; a share, ROAS or CPA longer than MaxNumberText bytes or
// beyond the decimal limits is ErrTooLarge naming it, before it is parsed,
// and the receiver keeps its value.
func TestUnmarshalJSONLimits(t *testing.T) {
	m := Milestone{Share: decimal.RequireFromString("0.3"), On: OnSigning, NetDays: 7}
	b, _ := json.Marshal(m)
	var back Milestone
	if err := json.Unmarshal(b, &back); err != nil || !back.Share.Equal(m.Share) || back.On != OnSigning || back.NetDays != 7 {
		t.Errorf("round trip of %s: %+v, %v", b, back, err)
	}
	r := CampaignResult{Campaign: "c", Creator: "m", End: day0("2026-06-01 00:00"), FeePaid: money("10"),
		ROAS: decimal.NewNullDecimal(decimal.RequireFromString("3.5"))}
	b, _ = json.Marshal(r)
	var rback CampaignResult
	if err := json.Unmarshal(b, &rback); err != nil || !rback.ROAS.Decimal.Equal(r.ROAS.Decimal) || rback.CPA != nil ||
		!rback.FeePaid.Equal(r.FeePaid) || rback.Campaign != "c" {
		t.Errorf("round trip of %s: %+v, %v", b, rback, err)
	}
	long := strings.Repeat("9", MaxNumberText+1)
	for in, field := range map[string]string{
		`{"share":"` + long + `"}`:              "share",
		`{"share":1e2000}`:                      "share",
		`{"roas":"` + long + `"}`:               "roas",
		`{"cpa":"1e-1001"}`:                     "cpa",
		`{"terms":[{"share":"` + long + `"}]}`:  "share",
		`{"results":[{"roas":"1e2000000000"}]}`: "roas",
	} {
		target := map[bool]any{true: &struct{ Terms []Milestone }{}, false: &struct{ Results []CampaignResult }{}}[strings.Contains(in, "terms")]
		if strings.HasPrefix(in, `{"share"`) {
			target = &back
		} else if strings.HasPrefix(in, `{"roas"`) || strings.HasPrefix(in, `{"cpa"`) {
			target = &rback
		}
		err := json.Unmarshal([]byte(in), target)
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), ": "+field+": ") || len(err.Error()) > 200 {
			t.Errorf("%.40s: err = %v, want ErrTooLarge naming %s", in, err, field)
		}
	}
	if back.NetDays != 7 || !rback.ROAS.Decimal.Equal(r.ROAS.Decimal) {
		t.Errorf("receivers changed on error: %+v, %+v", back, rback)
	}
	if err := back.UnmarshalJSON([]byte(`{"on":`)); !errors.Is(err, ErrSyntax) {
		t.Errorf("malformed: err = %v, want ErrSyntax", err)
	}
}
