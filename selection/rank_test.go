package selection

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

func rankCriteria() Criteria {
	f := kpi.Formula{Interactions: kpi.Likes | kpi.Comments, Base: kpi.ByFollowers, Average: kpi.MeanOfRates}
	return Criteria{
		Platforms:         []kpi.Platform{kpi.Instagram},
		MinFollowers:      1000,
		Categories:        []string{"fitness", "food"},
		ExcludeCategories: []string{"Gambling"},
		Formula:           f,
		Weights:           Weights{Engagement: dec("2"), CategoryFit: dec("1"), Authenticity: dec("1")},
		Benchmarks: kpi.Benchmarks{Version: "test", Rows: []kpi.Benchmark{
			{Platform: kpi.Instagram, Tier: kpi.Micro, Formula: f, Year: 2026, Rate: dec("0.02"), Source: "test"},
		}},
	}
}

// rankProfiles: every score below is worked out by hand in TestRank.
func rankProfiles() []Profile {
	ig := kpi.Instagram
	return []Profile{
		{Handle: "A", Platform: ig, Followers: 20000, AvgLikes: 580, AvgComments: 20, Categories: []string{"Fitness"}, Missing: MissingFee},
		{Handle: "B", Platform: ig, Followers: 30000, AvgLikes: 1700, AvgComments: 100, Categories: []string{"fitness", "food"}, Missing: MissingFee},
		{Handle: "C", Platform: ig, Followers: 40000, AvgLikes: 3998, AvgComments: 2, Missing: MissingFee},
		{Handle: "D", Platform: ig, Followers: 5000, Following: 6000, AvgLikes: 100, AvgComments: 10, Categories: []string{"food"}, Missing: MissingFee},
		{Handle: "E", Platform: ig, Followers: 500, Missing: MissingFee},
		{Handle: "F", Platform: ig, Followers: 9000, Categories: []string{"gambling"}, Missing: MissingFee},
		{Handle: "G", Platform: kpi.TikTok, Followers: 9000, Missing: MissingFee},
	}
}

// TestRank, by hand (benchmark b: Instagram micro 0.02; engagement score
// r/(r+b); weights engagement 2, category 1, authenticity 1):
//
//	A  r = 600/20000 = 0.03 → 0.03/0.05 = 0.6; 1 of 2 categories → 0.5;
//	   29 likes per comment, no flag → 1; (2·0.6 + 0.5 + 1)/4 = 0.675
//	B  r = 1800/30000 = 0.06 → 0.06/0.08 = 0.75; 2 of 2 → 1; 17 likes per
//	   comment → 1; (1.5 + 1 + 1)/4 = 0.875
//	C  r = 4000/40000 = 0.1 → 0.1/0.12 = 5/6 (5× the benchmark, under the
//	   10× flag); 1999 likes per comment: one flag → 0.75; no category →
//	   0; (5/3 + 0 + 3/4)/4 = 29/48 ≈ 0.604166666667
//	D  5,000 followers is nano: no benchmark, engagement left out; 1 of 2
//	   → 0.5; following 6000 > followers → one flag → 0.75;
//	   (0.5 + 0.75)/2 = 0.625, above C
//	E  500 followers < 1000; F gambling; G TikTok.
func TestRank(t *testing.T) {
	got, err := Rank(rankProfiles(), rankCriteria(), 3)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Handle string
		Score  string
		Flags  []string
	}
	var rows []row
	for _, s := range got.Top {
		var flags []string
		for _, f := range s.Flags {
			flags = append(flags, f.Signal)
		}
		rows = append(rows, row{s.Handle, s.Score.String(), flags})
	}
	want := []row{
		{"B", "0.875", nil},
		{"A", "0.675", nil},
		{"D", "0.625", []string{"following-ratio"}},
	}
	if d := cmp.Diff(want, rows); d != "" {
		t.Errorf("top (-want +got):\n%s", d)
	}
	wantRej := []Rejection{
		{Handle: "E", Index: 4, Filter: FilterFollowers},
		{Handle: "F", Index: 5, Filter: FilterBrandSafety},
		{Handle: "G", Index: 6, Filter: FilterPlatform},
	}
	for i := range got.Rejected {
		got.Rejected[i].Reason = ""
	}
	if d := cmp.Diff(wantRej, got.Rejected); d != "" || got.Passed != 4 {
		t.Errorf("rejected (-want +got):\n%s passed %d, want 4", d, got.Passed)
	}
	// A's breakdown: contributions 2·0.6/4 = 0.3, 0.5/4 = 0.125, 1/4 = 0.25.
	type crow struct {
		Criterion           Criterion
		Score, Contribution string
		Missing             bool
	}
	var brk []crow
	for _, c := range got.Top[1].Breakdown {
		brk = append(brk, crow{c.Criterion, c.Score.String(), c.Contribution.String(), c.Missing})
	}
	wantBrk := []crow{
		{Engagement, "0.6", "0.3", false},
		{AudienceFit, "0", "0", true},
		{CategoryFit, "0.5", "0.125", false},
		{Authenticity, "1", "0.25", false},
		{CostEfficiency, "0", "0", true},
		{Growth, "0", "0", true},
		// No Record and no Activity: the record criteria are left out.
		{Reliability, "0", "0", true},
		{PastPerformance, "0", "0", true},
		{Activity, "0", "0", true},
	}
	if d := cmp.Diff(wantBrk, brk); d != "" {
		t.Errorf("A breakdown (-want +got):\n%s", d)
	}
	if a := got.Top[1]; !a.EngagementRate.Equal(dec("0.03")) || a.EngagementSource != "averages" || a.Tier != kpi.Micro {
		t.Errorf("A: rate %s from %q, tier %v", a.EngagementRate, a.EngagementSource, a.Tier)
	}
}

func TestRankErrors(t *testing.T) {
	ok := []Profile{{Handle: "a", Followers: 10}}
	tests := []struct {
		name     string
		profiles []Profile
		c        Criteria
		k        int
		err      error
	}{
		{"k zero", ok, Criteria{}, 0, ErrInvalid},
		{"negative followers", []Profile{{Handle: "a", Followers: -1}}, Criteria{}, 1, ErrNegative},
		{"negative fee", []Profile{{Handle: "a", Fee: dec("-1")}}, Criteria{}, 1, ErrNegative},
		// A published rate of 10⁴⁰⁰ is +Inf in float64: r/(r+b) = NaN.
		{"huge rate", []Profile{{Handle: "a", EngagementRate: dec("1e400"), Missing: MissingAvgLikes}}, Criteria{}, 1, ErrInvalid},
		{"min above max", ok, Criteria{MinFollowers: 10, MaxFollowers: 5}, 1, ErrInvalid},
		{"negative weight", ok, Criteria{Weights: Weights{Growth: dec("-1")}}, 1, ErrNegative},
		// Weights and the growth target are used as float64: 10⁴⁰⁰ is
		// +Inf there (the score would be Inf/Inf = NaN), 10⁻⁴⁰⁰ is 0 (a
		// silently ignored criterion), and 10³⁰⁸ + 10³⁰⁸ overflows.
		{"huge weight", ok, Criteria{Weights: Weights{Engagement: dec("1e400")}}, 1, ErrInvalid},
		{"tiny weight", ok, Criteria{Weights: Weights{Engagement: dec("1e-400")}}, 1, ErrInvalid},
		{"weights sum overflows", ok, Criteria{Weights: Weights{Engagement: dec("1e308"), Growth: dec("1e308")}}, 1, ErrInvalid},
		{"tiny growth target", ok, Criteria{GrowthTarget: dec("1e-400")}, 1, ErrInvalid},
		{"bad thresholds", ok, Criteria{Thresholds: kpi.Thresholds{Nano: 5, Micro: 5, Mid: 6, Macro: 7, Mega: 8}}, 1, ErrInvalid},
		{"likes bounds", ok, Criteria{Authenticity: AuthenticityRules{EngagementFactor: dec("3"), MinLikesPerComment: dec("9"), MaxLikesPerComment: dec("2"),
			SpikeGrowth: dec("1"), MaxFollowingRatio: dec("1"), MaxSuspiciousShare: dec("1"), MinAuthenticShare: dec("1"), Penalty: dec("1")}}, 1, ErrInvalid},
		// The trap of v0.1: a fee set while Missing still says it is
		// missing was silently dropped. Now each contradiction names its
		// field.
		{"fee set and missing", []Profile{{Handle: "a", Fee: dec("500"), Missing: MissingFee}}, Criteria{}, 1, ErrInvalid},
		{"followers set and missing", []Profile{{Handle: "a", Followers: 10, Missing: MissingFollowers}}, Criteria{}, 1, ErrInvalid},
		{"country set and missing", []Profile{{Handle: "a", Country: "TR", Missing: MissingCountry}}, Criteria{}, 1, ErrInvalid},
		{"negative post count", []Profile{{Handle: "a", Followers: 10, Posts: []kpi.Post{{Followers: 10, Likes: -1}}}}, Criteria{}, 1, ErrNegative},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Rank(tt.profiles, tt.c, tt.k); !errors.Is(err, tt.err) {
				t.Errorf("err = %v, want %v", err, tt.err)
			}
		})
	}
	if err := (Criteria{}).Validate(); err != nil {
		t.Errorf("zero Criteria: %v", err)
	}
}

// TestAuthenticitySignals raises each signal once, by its documented
// threshold.
func TestAuthenticitySignals(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	base := Profile{Handle: "x", Platform: kpi.Instagram, Followers: 20000, AvgLikes: 400, AvgComments: 20, Missing: MissingFee}
	tests := []struct {
		name   string
		edit   func(p *Profile)
		signal string
	}{
		{"none", func(*Profile) {}, ""},
		// 11/20000 = 0.00055 is below a tenth of 0.02 (10 likes per
		// comment is within [5, 500]).
		{"engagement low", func(p *Profile) { p.AvgLikes, p.AvgComments = 10, 1 }, "engagement-out-of-range"},
		// 600 likes per comment > 500 (and r = 601/20000 ≈ 0.03, 1.5×).
		{"likes per comment", func(p *Profile) { p.AvgLikes, p.AvgComments = 600, 1 }, "likes-per-comment"},
		// +25 % in 5 days.
		{"growth spike", func(p *Profile) {
			p.History = []Snapshot{{day(0), 16000}, {day(5), 20000}}
		}, "growth-spike"},
		{"following", func(p *Profile) { p.Following = 20001 }, "following-ratio"},
		// 200 of 500 = 0.4 < 0.5.
		{"authentic", func(p *Profile) { p.AvgEngagements, p.AuthenticEngagements = 500, 200 }, "authentic-engagement"},
		{"suspicious audience", func(p *Profile) {
			p.Audience = audience.Demographics{AudienceQuality: {"real": dec("60"), MassFollowers: dec("25"), Suspicious: dec("15")}}
		}, "suspicious-audience"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := base
			tt.edit(&p)
			got, err := Rank([]Profile{p}, rankCriteria(), 1)
			if err != nil {
				t.Fatal(err)
			}
			var signals []string
			for _, f := range got.Top[0].Flags {
				signals = append(signals, f.Signal)
				if f.Reason == "" {
					t.Errorf("%s: empty reason", f.Signal)
				}
			}
			var want []string
			if tt.signal != "" {
				want = []string{tt.signal}
			}
			if d := cmp.Diff(want, signals); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

// TestRankTopKAgainstSort compares the heap's top k with a full sort of
// every profile's score (the slow, obvious way) on random profiles with
// many ties.
func TestRankTopKAgainstSort(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 18))
	for range 20 {
		n := 1 + r.IntN(300)
		profiles := randomProfiles(r, n)
		c := Criteria{Categories: []string{"a", "b"}}
		all, err := Rank(profiles, c, n)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.IsSortedFunc(all.Top, func(a, b Scored) int {
			if c := b.Score.Cmp(a.Score); c != 0 {
				return c
			}
			if a.Handle != b.Handle {
				if a.Handle < b.Handle {
					return -1
				}
				return 1
			}
			return a.Index - b.Index
		}) {
			t.Fatal("full ranking not sorted by score, handle, index")
		}
		k := 1 + r.IntN(20)
		top, err := Rank(profiles, c, k)
		if err != nil {
			t.Fatal(err)
		}
		want := all.Top[:min(k, len(all.Top))]
		if d := cmp.Diff(want, top.Top); d != "" {
			t.Fatalf("top %d differs from the full sort (-want +got):\n%s", k, d)
		}
	}
}

func randomProfiles(r *rand.Rand, n int) []Profile {
	cats := []string{"a", "b", "c"}
	out := make([]Profile, n)
	for i := range out {
		f := 1000 + r.Int64N(2_000_000)
		out[i] = Profile{
			Handle:      "h" + strconv.Itoa(r.IntN(n)),
			Platform:    kpi.Instagram,
			Followers:   f,
			AvgLikes:    r.Int64N(f / 10),
			AvgComments: r.Int64N(f / 500),
			Fee:         decimal.NewFromInt(100 + r.Int64N(10)*100),
			Categories:  []string{cats[r.IntN(3)]},
		}
		if r.IntN(5) == 0 {
			out[i] = out[(i+1)%n] // duplicates make ties
			out[i].Handle = "h" + strconv.Itoa(r.IntN(3))
		}
	}
	return out
}

func TestRankingCandidates(t *testing.T) {
	profiles := []Profile{
		{Handle: "a", Platform: kpi.Instagram, Followers: 20000, AvgLikes: 580, AvgComments: 20, Fee: dec("500")},
		{Handle: "b", Platform: kpi.Instagram, Followers: 30000, AvgLikes: 1700, AvgComments: 100, Missing: MissingFee},
	}
	r, err := Rank(profiles, rankCriteria(), 2)
	if err != nil {
		t.Fatal(err)
	}
	cands, unpriced, err := r.Candidates(profiles)
	if err != nil {
		t.Fatal(err)
	}
	// b has no fee and no rate card: not a candidate, reported.
	if len(cands) != 1 || cands[0].ID != "a" || !cands[0].Fee.Equal(dec("500")) || !cands[0].Value.Equal(r.Top[1].Score) || r.Top[1].Tier != kpi.Micro {
		t.Errorf("candidates %+v, top %+v", cands, r.Top)
	}
	wantUnpriced := []Rejection{{Handle: "b", Index: 1, Filter: FilterFee, Reason: "no fee and no rate card estimate"}}
	if d := cmp.Diff(wantUnpriced, unpriced); d != "" {
		t.Errorf("unpriced (-want +got):\n%s", d)
	}
	// Every profile that passed, not only the k in Top: with k = 1 the
	// candidates are the same.
	r1, err := Rank(profiles, rankCriteria(), 1)
	if err != nil {
		t.Fatal(err)
	}
	cands1, unpriced1, err := r1.Candidates(profiles)
	if err != nil || len(r1.Top) != 1 {
		t.Fatal(err, len(r1.Top))
	}
	if d := cmp.Diff(cands, cands1); d != "" || len(unpriced1) != 1 {
		t.Errorf("k = 1 (-k=2 +k=1):\n%s unpriced %v", d, unpriced1)
	}
	// A slice other than the one ranked (here reordered) does not hand
	// b's data to a: it is an error naming the field.
	swapped := []Profile{profiles[1], profiles[0]}
	_, _, err = r.Candidates(swapped)
	if want := `selection: Ranking.Candidates: profiles: not the slice given to Rank (2)`; err == nil || err.Error() != want || !errors.Is(err, ErrInvalid) {
		t.Errorf("reordered profiles: err = %v, want %s", err, want)
	}
	if _, _, err := r.Candidates(profiles[:1]); !errors.Is(err, ErrInvalid) {
		t.Errorf("short profiles: err = %v, want ErrInvalid", err)
	}
	// The same slice reordered in place since: the top profiles' handles
	// no longer match.
	profiles[0], profiles[1] = profiles[1], profiles[0]
	_, _, err = r.Candidates(profiles)
	if want := `selection: Ranking.Candidates: profiles[1].Handle: not the profile ranked there ("b") ("a")`; err == nil || err.Error() != want {
		t.Errorf("reordered in place: err = %v, want %s", err, want)
	}
	profiles[0], profiles[1] = profiles[1], profiles[0]
	// A Ranking decoded from JSON keeps no scores beyond Top.
	var decoded Ranking
	if b, err := json.Marshal(r); err != nil || json.Unmarshal(b, &decoded) != nil {
		t.Fatal(err)
	}
	if _, _, err := decoded.Candidates(profiles); !errors.Is(err, ErrInvalid) {
		t.Errorf("decoded ranking: err = %v, want ErrInvalid", err)
	}
}

// TestFeeTrap is the newcomer's program of issue 12: profiles read
// without a fee column (MissingFee), then given a fee, then ranked and
// shortlisted. v0.1 answered "997 ranked, 0 candidates, picked 0 for
// 0.00, optimal true"; now Rank names the contradiction, and once the flag
// is cleared every creator is a candidate.
func TestFeeTrap(t *testing.T) {
	profiles := make([]Profile, 5)
	for i := range profiles {
		profiles[i] = Profile{Handle: "c" + strconv.Itoa(i), Platform: kpi.Instagram, Followers: 20000,
			AvgLikes: 400, AvgComments: 20, Missing: MissingFee}
		profiles[i].Fee = decimal.NewFromInt(100) // the user's fee, flag left set
	}
	_, err := Rank(profiles, Criteria{}, len(profiles))
	if want := "selection: Rank: profiles[0].Fee: set while Missing has fee (100)"; err == nil || err.Error() != want || !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want %s", err, want)
	}
	for i := range profiles {
		profiles[i].Missing &^= MissingFee
	}
	r, err := Rank(profiles, Criteria{}, 1)
	if err != nil {
		t.Fatal(err)
	}
	cands, unpriced, err := r.Candidates(profiles)
	if err != nil || len(cands) != 5 || len(unpriced) != 0 {
		t.Fatalf("%d candidates, %d unpriced, err %v; want 5, 0, nil", len(cands), len(unpriced), err)
	}
	// Equal profiles: equal scores, so the handles' order; 3 × 100 fit
	// the budget of 300, each worth the same score.
	pick, err := Shortlist(cands, decimal.NewFromInt(300), MaxValue)
	if err != nil || len(pick.IDs) != 3 || !pick.Cost.Equal(decimal.NewFromInt(300)) {
		t.Errorf("pick %+v, err %v; want 3 creators for 300", pick, err)
	}
}

// TestRankFeeEstimateAndFit: budget.DefaultRateCard prices a micro post at
// 500 × the engagement factor r/0.03 (clamped to [0.5, 2]) × the fit factor
// (1 at full fit): a (r = 0.03) 500, b (r = 0.06) 1000. The audience fit
// of a ({18-24: 100 %} against a target of 50 % 18-24, 50 % 25-34) is the
// histogram intersection min(.5, 1) + min(.5, 0) = 0.5.
func TestRankFeeEstimateAndFit(t *testing.T) {
	profiles := []Profile{
		{Handle: "a", Platform: kpi.Instagram, Followers: 20000, AvgLikes: 580, AvgComments: 20, Missing: MissingFee,
			Audience: audience.Demographics{"age": {"18-24": dec("100")}}},
		{Handle: "b", Platform: kpi.Instagram, Followers: 30000, AvgLikes: 1700, AvgComments: 100, Missing: MissingFee},
	}
	card := budget.DefaultRateCard(budget.MustParseCurrency("USD"))
	c := rankCriteria()
	c.RateCard = &card
	c.Target = audience.Demographics{"age": {"18-24": dec("50"), "25-34": dec("50")}}
	c.Weights.AudienceFit = dec("1")
	c.Weights.CostEfficiency = dec("1")
	r, err := Rank(profiles, c, 2)
	if err != nil {
		t.Fatal(err)
	}
	fees := map[string]string{}
	for _, s := range r.Top {
		if !s.FeeEstimated {
			t.Errorf("%s: fee not marked estimated", s.Handle)
		}
		fees[s.Handle] = s.Fee.String()
		if s.Handle == "a" {
			if fit := s.Breakdown[AudienceFit]; fit.Missing || !fit.Score.Equal(dec("0.5")) {
				t.Errorf("a: audience fit %+v, want 0.5", fit)
			}
		}
		// Cost efficiency: a 0.03·20000/500 = 1.2, b 0.06·30000/1000 = 1.8
		// engagements per dollar; the median of the two is (1.2 + 1.8)/2 =
		// 1.5; a 1.2/(1.2 + 1.5) = 4/9 = 0.444…, b 1.8/(1.8 + 1.5) = 6/11 =
		// 0.545454…, at 12 places.
		want := map[string]string{"a": "0.444444444444", "b": "0.545454545455"}[s.Handle]
		if ce := s.Breakdown[CostEfficiency]; ce.Missing || ce.Score.String() != want {
			t.Errorf("%s: cost efficiency %s, want %s", s.Handle, ce.Score, want)
		}
	}
	if d := cmp.Diff(map[string]string{"a": "500", "b": "1000"}, fees); d != "" {
		t.Errorf("estimated fees (-want +got):\n%s", d)
	}
}

func TestEnumsText(t *testing.T) {
	for c := range numCriteria {
		b, err := c.MarshalText()
		var back Criterion
		if err != nil || back.UnmarshalText(b) != nil || back != c {
			t.Errorf("Criterion %d: %q %v → %d", c, b, err, back)
		}
	}
	for f := FilterHandle; f <= FilterEngagement; f++ {
		b, err := f.MarshalText()
		var back Filter
		if err != nil || back.UnmarshalText(b) != nil || back != f {
			t.Errorf("Filter %d: %q %v → %d", f, b, err, back)
		}
	}
	for g := range []Goal{MaxValue, MaxUniqueReach} {
		b, err := Goal(g).MarshalText()
		var back Goal
		if err != nil || back.UnmarshalText(b) != nil || back != Goal(g) {
			t.Errorf("Goal %d: %q %v → %d", g, b, err, back)
		}
	}
	var c Criterion
	var f Filter
	var g Goal
	if !errors.Is(c.UnmarshalText([]byte("x")), ErrInvalid) || !errors.Is(f.UnmarshalText([]byte("")), ErrInvalid) || !errors.Is(g.UnmarshalText([]byte("x")), ErrInvalid) {
		t.Error("unknown names accepted")
	}
	if _, err := Goal(9).MarshalText(); !errors.Is(err, ErrInvalid) {
		t.Error("Goal(9) marshalled")
	}
}

// TestMissingAndDuplicatesText: the bit set and the policy follow the
// module's text rule: names joined by "|", "none" for the empty set, parse
// ignoring case and spaces, an unknown name an error that keeps the
// receiver.
func TestMissingAndDuplicatesText(t *testing.T) {
	m := MissingFee | MissingAvgLikes
	if got := m.String(); got != "avg-likes|fee" {
		t.Errorf("String = %q, want avg-likes|fee", got)
	}
	var back Missing
	if err := back.UnmarshalText([]byte(" Fee | AVG-likes ")); err != nil || back != m {
		t.Errorf("UnmarshalText = %v, %v; want %v", back, err, m)
	}
	if b, err := Missing(0).MarshalText(); err != nil || string(b) != "none" {
		t.Errorf("empty set: %q, %v", b, err)
	}
	if err := back.UnmarshalText([]byte("fee|bogus")); !errors.Is(err, ErrInvalid) || back != m {
		t.Errorf("unknown name: %v, receiver %v", err, back)
	}
	if _, err := Missing(1 << 12).MarshalText(); !errors.Is(err, ErrInvalid) {
		t.Errorf("unnamed bit marshalled: %v", err)
	}
	// Has is "all of", HasAny "any of".
	if m.Has(MissingFee|MissingCountry) || !m.HasAny(MissingFee|MissingCountry) || m.HasAny(MissingCountry) {
		t.Error("Has/HasAny")
	}
	for _, d := range []Duplicates{DuplicateError, KeepFirst, KeepLast} {
		b, err := d.MarshalText()
		var got Duplicates
		if err != nil || got.UnmarshalText([]byte(strings.ToUpper(string(b)))) != nil || got != d {
			t.Errorf("Duplicates %d: %q %v → %d", d, b, err, got)
		}
	}
	if Duplicates(0) != DuplicateError || Goal(0) != MaxValue || Criterion(0) != Engagement || Filter(0) != FilterNone {
		t.Error("zero values are not the documented defaults")
	}
}

// TestZeroFormula checks that the zero Criteria.Formula is kpi's zero
// Formula (likes + comments by followers, pooled), as everywhere in the
// module, and that the preset's mean of rates is still there when asked for.
// Two posts: 10 likes on 100 followers (0.1) and 10 likes on 1000 (0.01).
// Pooled: 20 / 1100 = 0.018181…, at 16 places 0.0181818181818182.
// Mean of rates: (0.1 + 0.01) / 2 = 0.055.
func TestZeroFormula(t *testing.T) {
	at := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	p := Profile{Handle: "a", Platform: kpi.Instagram, Followers: 1000, Missing: MissingFee | MissingEngagementRate,
		Posts: []kpi.Post{{ID: "1", Creator: "a", Platform: kpi.Instagram, PublishedAt: at, Followers: 100, Likes: 10},
			{ID: "2", Creator: "a", Platform: kpi.Instagram, PublishedAt: at, Followers: 1000, Likes: 10}}}
	for _, tc := range []struct {
		name    string
		formula kpi.Formula
		want    string
	}{
		{"zero", kpi.Formula{}, "0.0181818181818182"},
		{"preset", kpi.PresetFollowers12().Formula, "0.055"},
	} {
		r, err := Rank([]Profile{p}, Criteria{Formula: tc.formula}, 1)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := r.Top[0].EngagementRate; !got.Equal(dec(tc.want)) || r.Top[0].EngagementSource != "posts" {
			t.Errorf("%s: engagement %s (%s), want %s from posts", tc.name, got, r.Top[0].EngagementSource, tc.want)
		}
	}
}
