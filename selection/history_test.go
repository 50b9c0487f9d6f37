package selection

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/influencekit/influencekit/collab"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

func nullDec(s string) decimal.NullDecimal { return decimal.NewNullDecimal(dec(s)) }

func points(vals ...string) []collab.Point {
	var out []collab.Point
	for i, v := range vals {
		out = append(out, collab.Point{Campaign: "c" + string(rune('1'+i)), End: time.Date(2025, time.Month(1+i), 1, 0, 0, 0, 0, time.UTC), Value: dec(v)})
	}
	return out
}

// recordProfiles: four creators with 300 likes and 10 comments on 10,000
// followers (no authenticity flag: authenticity 1), and
//
//	ana  on time 1 of 2, mean delay 3.5 days, ROAS 1 then 3, CPA 10;
//	     3.5 posts a week, gaps' CV 0.25
//	ben  on time 2 of 2, mean delay 0, ROAS 2, CPA 20; 10 posts a week,
//	     regularity unknown
//	cem  in one campaign, nothing delivered (on-time rate null), ROAS 1,
//	     CPA 40; 1 post a week, gaps' CV 1
//	dia  no record, no activity
func recordProfiles() []Profile {
	p := func(h string) Profile {
		return Profile{Handle: h, Platform: kpi.Instagram, Followers: 10_000, Following: 100, AvgLikes: 300, AvgComments: 10, Fee: dec("100")}
	}
	ana, ben, cem, dia := p("ana"), p("ben"), p("cem"), p("dia")
	ana.Record = &collab.History{Creator: "ana", Campaigns: 2, Delivery: collab.Delivery{Deliverables: 2, OnTime: 1, Late: 1, DaysLate: 7},
		OnTimeRate: nullDec("0.5"), MeanDelay: nullDec("3.5"), ROAS: points("1", "3"), CPA: points("10")}
	ana.Activity = &kpi.Activity{PostsPerWeek: dec("3.5"), Regularity: nullDec("0.25")}
	ben.Record = &collab.History{Creator: "ben", Campaigns: 1, Delivery: collab.Delivery{Deliverables: 2, OnTime: 2},
		OnTimeRate: nullDec("1"), MeanDelay: nullDec("0"), ROAS: points("2"), CPA: points("20")}
	ben.Activity = &kpi.Activity{PostsPerWeek: dec("10")}
	cem.Record = &collab.History{Creator: "cem", Campaigns: 1, Delivery: collab.Delivery{Deliverables: 1, Overdue: 1},
		ROAS: points("1"), CPA: points("40")}
	cem.Activity = &kpi.Activity{PostsPerWeek: dec("1"), Regularity: nullDec("1")}
	return []Profile{ana, ben, cem, dia}
}

// recordCriteria weighs Authenticity 1, Reliability 2, PastPerformance 2,
// Activity 1, the others 0; DelayScale 7 and the band 2–5 by default.
func recordCriteria() Criteria {
	return Criteria{Weights: Weights{Authenticity: dec("1"), Reliability: dec("2"), PastPerformance: dec("2"), Activity: dec("1")}}
}

// TestRankRecord works every score out by hand:
//
//	Reliability ½·o + ½·7/(7 + d): ana ½·0.5 + ½·7/10.5 = ¼ + ⅓ = 7/12 =
//	  0.583333333333; ben ½ + ½ = 1; cem (nothing delivered) and dia (no
//	  record) left out.
//	PastPerformance x/(x + m), m the median of ana 3 (her last ROAS), ben 2,
//	  cem 1 = 2: ana 3/5 = 0.6, ben 2/4 = 0.5, cem 1/3 = 0.333333333333; dia
//	  left out.
//	Activity ½·frequency + ½·1/(1 + CV): ana 3.5 in [2, 5] → 1, 1/1.25 =
//	  0.8 → 0.9; ben 10 > 5 → 5/10 = 0.5, no regularity → 0.5; cem 1 < 2 →
//	  1/2, 1/(1 + 1) = 0.5 → 0.5; dia left out.
//	Score Σ w·s / Σ w over the criteria it has (Authenticity 1 for all):
//	  ana (1 + 2·7/12 + 2·0.6 + 0.9)/6 = (1 + 7/6 + 2.1)/6 = (128/30)/6 =
//	  32/45 = 0.711111111111; ben (1 + 2 + 1 + 0.5)/6 = 0.75; cem (1 +
//	  2/3 + 0.5)/(1 + 2 + 1) = (13/6)/4 = 13/24 = 0.541666666667; dia 1/1 =
//	  1: without a record, its score is its other criteria's.
func TestRankRecord(t *testing.T) {
	got, err := Rank(recordProfiles(), recordCriteria(), 4)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Handle, Score                     string
		Reliability, Past, Activity       string
		NoReliability, NoPast, NoActivity bool
	}
	var rows []row
	for _, s := range got.Top {
		b := s.Breakdown
		rows = append(rows, row{s.Handle, s.Score.String(), b[Reliability].Score.String(), b[PastPerformance].Score.String(),
			b[Activity].Score.String(), b[Reliability].Missing, b[PastPerformance].Missing, b[Activity].Missing})
	}
	want := []row{
		{"dia", "1", "0", "0", "0", true, true, true},
		{"ben", "0.75", "1", "0.5", "0.5", false, false, false},
		{"ana", "0.711111111111", "0.583333333333", "0.6", "0.9", false, false, false},
		{"cem", "0.541666666667", "0", "0.333333333333", "0.5", true, false, false},
	}
	if d := cmp.Diff(want, rows); d != "" {
		t.Errorf("ranking (-want +got):\n%s", d)
	}
	// ana's contributions: 2·(7/12)/6 = 7/36 = 0.194444444444, 2·0.6/6 =
	// 0.2, 0.9/6 = 0.15.
	ana := got.Top[2].Breakdown
	for cr, want := range map[Criterion]string{Reliability: "0.194444444444", PastPerformance: "0.2", Activity: "0.15"} {
		if c := ana[cr].Contribution.String(); c != want {
			t.Errorf("ana %s contribution %s, want %s", cr, c, want)
		}
	}
	dia := got.Top[0].Breakdown
	for _, cr := range []Criterion{Reliability, PastPerformance} {
		if r := dia[cr].Reason; r != "no history: left out of the score" {
			t.Errorf("dia %s reason %q", cr, r)
		}
	}
	if r := got.Top[3].Breakdown[Reliability].Reason; !strings.Contains(r, "no deliverable delivered") {
		t.Errorf("cem reliability reason %q", r)
	}
	if r := ana[PastPerformance].Reason; !strings.Contains(r, "ROAS 3 in c2 vs median 2") {
		t.Errorf("ana past reason %q", r)
	}
}

// TestRankRecordCPA: CPA is better lower, m/(x + m) with m the median of
// ana 10, ben 20, cem 40 = 20: ana 20/30 = 0.666666666667, ben 20/40 =
// 0.5, cem 20/60 = 0.333333333333.
func TestRankRecordCPA(t *testing.T) {
	c := recordCriteria()
	c.PastMeasure = PastCPA
	got, err := Rank(recordProfiles(), c, 4)
	if err != nil {
		t.Fatal(err)
	}
	past := map[string]string{}
	for _, s := range got.Top {
		past[s.Handle] = s.Breakdown[PastPerformance].Score.String()
	}
	want := map[string]string{"ana": "0.666666666667", "ben": "0.5", "cem": "0.333333333333", "dia": "0"}
	if d := cmp.Diff(want, past); d != "" {
		t.Errorf("past performance by CPA (-want +got):\n%s", d)
	}
}

// TestRankRecordNeutral: the default weights give the record criteria 2, 2
// and 1, yet profiles without a Record or an Activity score exactly as with
// the first six criteria alone.
func TestRankRecordNeutral(t *testing.T) {
	profiles := rankProfiles()
	withDefaults, err := Rank(profiles, Criteria{}, len(profiles))
	if err != nil {
		t.Fatal(err)
	}
	six := DefaultWeights()
	six.Reliability, six.PastPerformance, six.Activity = decimal.Zero, decimal.Zero, decimal.Zero
	sixOnly, err := Rank(profiles, Criteria{Weights: six}, len(profiles))
	if err != nil {
		t.Fatal(err)
	}
	if len(withDefaults.Top) == 0 || len(withDefaults.Top) != len(sixOnly.Top) {
		t.Fatalf("%d and %d ranked", len(withDefaults.Top), len(sixOnly.Top))
	}
	for i, s := range withDefaults.Top {
		if o := sixOnly.Top[i]; s.Handle != o.Handle || !s.Score.Equal(o.Score) {
			t.Errorf("#%d: %s %s with the defaults, %s %s with six criteria", i, s.Handle, s.Score, o.Handle, o.Score)
		}
	}
}

func TestRankRecordErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		edit     func(ps []Profile, c *Criteria)
		sentinel error
		msg      string
	}{
		{"on-time rate above 1", func(ps []Profile, _ *Criteria) { ps[0].Record.OnTimeRate = nullDec("1.5") }, ErrInvalid,
			"selection: Rank: profiles[0].Record.OnTimeRate: above 1 (1.5)"},
		{"negative delay", func(ps []Profile, _ *Criteria) { ps[1].Record.MeanDelay = nullDec("-2") }, ErrNegative,
			"selection: Rank: profiles[1].Record.MeanDelay: negative (-2)"},
		{"negative ROAS", func(ps []Profile, _ *Criteria) { ps[0].Record.ROAS[1].Value = dec("-1") }, ErrNegative,
			"selection: Rank: profiles[0].Record.ROAS[1].Value: negative (-1)"},
		{"huge frequency", func(ps []Profile, _ *Criteria) { ps[2].Activity.PostsPerWeek = dec("1e400") }, ErrInvalid,
			"selection: Rank: profiles[2].Activity.PostsPerWeek: outside float64 range"},
		{"band upside down", func(_ []Profile, c *Criteria) { c.MinPostsPerWeek = dec("6") }, ErrInvalid,
			"selection: Rank: MinPostsPerWeek: above MaxPostsPerWeek 5 (6)"},
		{"negative delay scale", func(_ []Profile, c *Criteria) { c.DelayScale = dec("-1") }, ErrNonPositive,
			"selection: Rank: DelayScale"},
		{"unknown measure", func(_ []Profile, c *Criteria) { c.PastMeasure = 7 }, ErrInvalid,
			"selection: Rank: PastMeasure: unknown measure (7)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps, c := recordProfiles(), recordCriteria()
			tc.edit(ps, &c)
			_, err := Rank(ps, c, 4)
			if !errors.Is(err, tc.sentinel) || err == nil || !strings.HasPrefix(err.Error(), tc.msg) {
				t.Errorf("got %v, want %v starting %q", err, tc.sentinel, tc.msg)
			}
		})
	}
}

func TestPastMeasureText(t *testing.T) {
	for _, m := range []PastMeasure{PastROAS, PastCPA} {
		b, err := m.MarshalText()
		var back PastMeasure
		if err != nil || back.UnmarshalText(b) != nil || back != m {
			t.Errorf("PastMeasure %d: %q %v → %d", m, b, err, back)
		}
	}
	var m PastMeasure
	if err := m.UnmarshalText([]byte(" CPA ")); err != nil || m != PastCPA {
		t.Errorf("\" CPA \": %v %v", m, err)
	}
	if err := m.UnmarshalText([]byte("roi")); !errors.Is(err, ErrInvalid) || m != PastCPA {
		t.Errorf("\"roi\": %v, kept %v", err, m)
	}
}
