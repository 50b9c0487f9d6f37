package selection

import (
	"errors"
	"slices"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/influencekit/influencekit/audience"
	"github.com/shopspring/decimal"
)

func mustSketch(s *audience.Set) *audience.Sketch {
	sk, err := audience.SketchOf(s, 12)
	if err != nil {
		panic(err)
	}
	return sk
}

// TestInfeasibleNamesTheConstraint: ErrInfeasible says which constraint
// cannot be met, from the five creators of constraintCands and a budget
// of 150.
func TestInfeasibleNamesTheConstraint(t *testing.T) {
	cands, tiers := constraintCands()
	tests := []struct {
		c    Constraints
		want string
	}{
		// The four cheapest fees: 20 + 30 + 50 + 60 = 160 > 150.
		{Constraints{MinCreators: 4},
			"selection: ShortlistWith: Constraints.MinCreators: the 4 cheapest candidates cost 160, above the budget left 150"},
		// No candidate is nano.
		{Constraints{Group: tiers, AtLeastPerGroup: map[string]int{"nano": 1}},
			`selection: ShortlistWith: Constraints.AtLeastPerGroup["nano"]: 1 more wanted, 0 candidates left after Include, Exclude and MaxShare`},
		// Both macros (60 + 50 = 110) and the mega (100): 210 > 150,
		// although each constraint alone fits.
		{Constraints{Group: tiers, AtLeastPerGroup: map[string]int{"macro": 2, "mega": 1}},
			"selection: ShortlistWith: Constraints: AtLeastPerGroup, AtMostPerGroup and MinCreators cannot all be met within the budget left (150)"},
		// MaxWork 1 stops the branch and bound after its root node; its
		// seeds (the value/fee greedy pick c+b+d and each single
		// creator) hold fewer than 2 micros.
		{Constraints{Group: tiers, AtLeastPerGroup: map[string]int{"micro": 2}, MaxWork: 1},
			"selection: ShortlistWith: Constraints.MaxWork: reached before any pick met the constraints (1)"},
	}
	for _, tt := range tests {
		_, err := ShortlistWith(cands, dec("150"), MaxValue, tt.c)
		if err == nil || err.Error() != tt.want {
			t.Errorf("err = %v\nwant  %s", err, tt.want)
		}
	}
}

// Five creators, budget 150. Every answer below was worked out by listing
// the subsets that fit:
//
//	a fee 100 value 10 mega   b fee 60 value 7 macro   c fee 50 value 6 macro
//	d fee  30 value  2 micro  e fee 20 value 1 micro
func constraintCands() ([]Candidate, map[string]string) {
	return []Candidate{
			{ID: "a", Fee: dec("100"), Value: dec("10")},
			{ID: "b", Fee: dec("60"), Value: dec("7")},
			{ID: "c", Fee: dec("50"), Value: dec("6")},
			{ID: "d", Fee: dec("30"), Value: dec("2")},
			{ID: "e", Fee: dec("20"), Value: dec("1")},
		}, map[string]string{
			"a": "mega", "b": "macro", "c": "macro", "d": "micro", "e": "micro",
		}
}

func TestConstraints(t *testing.T) {
	cands, tiers := constraintCands()
	type want struct {
		ids         []string
		cost, value string
	}
	tests := []struct {
		name string
		c    Constraints
		want want
		err  error
	}{
		// a+c = 150 for 16; b+c+d = 140 for 15 is next.
		{"none", Constraints{}, want{[]string{"a", "c"}, "150", "16"}, nil},
		{"exclude a", Constraints{Exclude: []string{"a"}}, want{[]string{"b", "c", "d"}, "140", "15"}, nil},
		// d forced leaves 120: b+c (13) beats a+e (11).
		{"include d", Constraints{Include: []string{"d"}}, want{[]string{"b", "c", "d"}, "140", "15"}, nil},
		// a+c has one macro: still allowed.
		{"at most 1 macro", Constraints{Group: tiers, AtMostPerGroup: map[string]int{"macro": 1}}, want{[]string{"a", "c"}, "150", "16"}, nil},
		// no macro: a+d+e = 150 for 13.
		{"no macro", Constraints{Group: tiers, AtMostPerGroup: map[string]int{"macro": 0}}, want{[]string{"a", "d", "e"}, "150", "13"}, nil},
		// d and e (50) forced by the tier; 100 left: a (10) beats b (7).
		{"at least 2 micro", Constraints{Group: tiers, AtLeastPerGroup: map[string]int{"micro": 2}}, want{[]string{"a", "d", "e"}, "150", "13"}, nil},
		// triples that fit: bcd 15, bce 14, ade 13, bde 10, cde 9.
		{"min 3 creators", Constraints{MinCreators: 3}, want{[]string{"b", "c", "d"}, "140", "15"}, nil},
		// any 4 cost at least 160.
		{"min 4 creators", Constraints{MinCreators: 4}, want{}, ErrInfeasible},
		// 0.5 × 150 = 75 rules out a.
		{"max share half", Constraints{MaxShare: dec("0.5")}, want{[]string{"b", "c", "d"}, "140", "15"}, nil},
		{"max share vs include", Constraints{MaxShare: dec("0.5"), Include: []string{"a"}}, want{}, ErrInfeasible},
		{"include over budget", Constraints{Include: []string{"a", "b"}}, want{}, ErrInfeasible},
		{"include and exclude", Constraints{Include: []string{"a"}, Exclude: []string{"a"}}, want{}, ErrInvalid},
		{"unknown include", Constraints{Include: []string{"zz"}}, want{}, ErrUnknownID},
		{"unknown tier ID", Constraints{Group: map[string]string{"zz": "nano"}}, want{}, ErrUnknownID},
		{"at least above at most", Constraints{Group: tiers, AtMostPerGroup: map[string]int{"micro": 1}, AtLeastPerGroup: map[string]int{"micro": 2}}, want{}, ErrInvalid},
		{"at least of an empty tier", Constraints{Group: tiers, AtLeastPerGroup: map[string]int{"nano": 1}}, want{}, ErrInfeasible},
		{"forced over at most", Constraints{Group: tiers, Include: []string{"a"}, AtMostPerGroup: map[string]int{"mega": 0}}, want{}, ErrInfeasible},
		{"negative min", Constraints{MinCreators: -1}, want{}, ErrNegative},
		{"share above 1", Constraints{MaxShare: dec("1.5")}, want{}, ErrInvalid},
		{"negative work", Constraints{MaxWork: -1}, want{}, ErrNegative},
	}
	for _, tt := range tests {
		for _, goal := range []Goal{MaxValue} {
			t.Run(tt.name, func(t *testing.T) {
				got, err := ShortlistWith(cands, dec("150"), goal, tt.c)
				if tt.err != nil {
					if !errors.Is(err, tt.err) {
						t.Fatalf("err = %v, want %v", err, tt.err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				w := Pick{IDs: tt.want.ids, Cost: dec(tt.want.cost), Value: dec(tt.want.value), Optimal: true}
				if tt.c.MaxShare.Equal(dec("0.5")) {
					w.OverMaxShare = []string{"a"} // 100 > 0.5 × 150 = 75
				}
				if d := cmp.Diff(w, got, ignoreStats); d != "" {
					t.Errorf("(-want +got):\n%s", d)
				}
			})
		}
	}
}

func TestShortlistErrors(t *testing.T) {
	ok := Candidate{ID: "a", Fee: dec("1"), Value: dec("1")}
	tests := []struct {
		name   string
		cands  []Candidate
		budget decimal.Decimal
		goal   Goal
		err    error
		msg    string
	}{
		{"negative fee", []Candidate{ok, {ID: "b", Fee: dec("-5")}}, dec("1"), MaxValue, ErrNegative,
			"selection: Shortlist: cands[1].Fee: negative (-5)"},
		{"negative value", []Candidate{{ID: "b", Value: dec("-1")}}, dec("1"), MaxValue, ErrNegative, ""},
		{"repeated ID", []Candidate{ok, ok}, dec("1"), MaxValue, ErrDuplicate,
			`selection: Shortlist: cands[1].ID: repeated ("a")`},
		{"empty ID", []Candidate{{}}, dec("1"), MaxValue, ErrInvalid, ""},
		{"negative budget", []Candidate{ok}, dec("-1"), MaxValue, ErrNegative, ""},
		{"unknown goal", []Candidate{ok}, dec("1"), Goal(7), ErrInvalid, ""},
		{"no followers", []Candidate{ok}, dec("1"), MaxUniqueReach, ErrNoFollowers, ""},
		{"fee too fine", []Candidate{{ID: "a", Fee: dec("1e-20")}}, dec("1"), MaxValue, ErrOverflow, ""},
		{"fees too large", []Candidate{{ID: "a", Fee: dec("9e18")}, {ID: "b", Fee: dec("9e18")}}, dec("1"), MaxValue, ErrOverflow, ""},
		// The module's decimal limit: an exponent beyond ±1000.
		{"budget beyond the limit", []Candidate{ok}, dec("1e1001"), MaxValue, ErrTooLarge,
			"selection: Shortlist: budget: exponent beyond ±1000 (≈1e+1001, 1 digit)"},
		{"followers and sketch", []Candidate{{ID: "a", Followers: audience.NewSet(1), Sketch: mustSketch(audience.NewSet(1))}}, dec("1"), MaxUniqueReach, ErrInvalid,
			`selection: Shortlist: cands[0].Sketch: set with Followers: give one ("a")`},
		{"followers and sketch, MaxValue", []Candidate{{ID: "a", Followers: audience.NewSet(1), Sketch: mustSketch(audience.NewSet(1))}}, dec("1"), MaxValue, ErrInvalid,
			`selection: Shortlist: cands[0].Sketch: set with Followers: give one ("a")`},
		{"neither followers nor sketch", []Candidate{ok}, dec("1"), MaxUniqueReach, ErrNoFollowers,
			`selection: Shortlist: cands[0].Followers: nil, and no Sketch ("a")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Shortlist(tt.cands, tt.budget, tt.goal)
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if tt.msg != "" && err.Error() != tt.msg {
				t.Errorf("message %q, want %q", err.Error(), tt.msg)
			}
		})
	}
}

// TestHugeBudget: a budget far above every fee is capped at Σ fees, so it
// never overflows; everything with a value is taken.
func TestHugeBudget(t *testing.T) {
	cands, _ := constraintCands()
	got, err := Shortlist(cands, dec("1e40"), MaxValue)
	if err != nil {
		t.Fatal(err)
	}
	want := Pick{IDs: []string{"a", "b", "c", "d", "e"}, Cost: dec("260"), Value: dec("26"), Optimal: true}
	if d := cmp.Diff(want, got, ignoreStats); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// TestSearchLimit: with MaxWork 1 the branch and bound stops at once and
// returns its Ext-Greedy incumbent, not proven optimal. Greedy by value/fee
// (a 0.100, c 0.120, b 0.117, d 0.067, e 0.050 per unit: c, b, then d fits
// 140, e does not) gives b+c+d = 15; the best single item is a (10).
func TestSearchLimit(t *testing.T) {
	cands, tiers := constraintCands()
	// A tier constraint that changes nothing sends it to branch and bound.
	got, err := ShortlistWith(cands, dec("150"), MaxValue, Constraints{Group: tiers, AtMostPerGroup: map[string]int{"mega": 1}, MaxWork: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := Pick{IDs: []string{"b", "c", "d"}, Cost: dec("140"), Value: dec("15")}
	if d := cmp.Diff(want, got, ignoreStats); d != "" || !got.Stats.Truncated {
		t.Errorf("(-want +got):\n%s truncated=%v", d, got.Stats.Truncated)
	}
}

// TestConstraintErrorsDeterministic: with several bad map entries the
// error names the first in sorted key order, every time (map iteration
// order varies from run to run).
func TestConstraintErrorsDeterministic(t *testing.T) {
	cands, _ := constraintCands()
	tests := []struct {
		c    Constraints
		want string
	}{
		{Constraints{Group: map[string]string{"zz": "nano", "yy": "nano", "xx": "nano", "a": "mega"}},
			`selection: ShortlistWith: Constraints.Group: not a candidate ("xx")`},
		{Constraints{AtMostPerGroup: map[string]int{"micro": -2, "macro": -1, "nano": -3}},
			`selection: ShortlistWith: Constraints.AtMostPerGroup["macro"]: negative (-1)`},
	}
	for _, tt := range tests {
		for range 20 {
			_, err := ShortlistWith(cands, dec("150"), MaxValue, tt.c)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("err = %v, want %s", err, tt.want)
			}
		}
	}
}

// TestUnconstrainedTiersNotNumbered is the regression test for a long run:
// a Tier map with a name per candidate numbered every name, and the branch
// and bound looped over all of them at each of its up to 2·10⁶ nodes
// (3,000 names: minutes). Only the tiers a limit names are numbered now;
// here one, "t3", which forces candidate 3 (fee 3, value 3) into the pick.
func TestUnconstrainedTiersNotNumbered(t *testing.T) {
	var cands []Candidate
	tier := map[string]string{}
	for i := range 3000 {
		id := strconv.Itoa(i)
		cands = append(cands, Candidate{ID: id, Fee: decimal.NewFromInt(int64(i)), Value: decimal.NewFromInt(int64(i))})
		tier[id] = "t" + id
	}
	c := Constraints{Group: tier, AtLeastPerGroup: map[string]int{"t3": 1}}
	p, err := compile("test", cands, dec("10"), MaxValue, c)
	if err != nil {
		t.Fatal(err)
	}
	if p.ntier != 1 {
		t.Errorf("ntier = %d, want 1", p.ntier)
	}
	// Budget 10 and value = fee: no pick is worth more than 10, 3+7 is
	// worth 10, and any pick worth 10 costs 10; so value 10 at cost 10,
	// with 3 in the pick.
	got, err := ShortlistWith(cands, dec("10"), MaxValue, c)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Value.Equal(dec("10")) || !got.Cost.Equal(dec("10")) || !slices.Contains(got.IDs, "3") {
		t.Errorf("pick %v value %s cost %s; want value 10 at 10 with 3", got.IDs, got.Value, got.Cost)
	}
}
