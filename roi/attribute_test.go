package roi

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/influencekit/influencekit/budget"
	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

var eur, usd = budget.MustParseCurrency("EUR"), budget.MustParseCurrency("USD")

func path(s string, conv int64, value string, nulls int64) Path {
	var ch []string
	for _, c := range strings.Split(s, ">") {
		ch = append(ch, strings.TrimSpace(c))
	}
	return Path{Channels: ch, Conversions: conv, Value: d(value), Nulls: nulls}
}

func cr(conv, value string) Credit { return Credit{Conversions: d(conv), Value: d(value)} }

// checkSums fails unless the credits sum exactly to the paths' totals.
func checkSums(t *testing.T, paths []Path, got map[string]Credit) {
	t.Helper()
	var conv int64
	val := decimal.Zero
	for _, p := range paths {
		conv += p.Conversions
		val = val.Add(p.Value)
	}
	sc, sv := decimal.Zero, decimal.Zero
	for _, c := range got {
		sc = sc.Add(c.Conversions)
		sv = sv.Add(c.Value)
		if c.Conversions.IsNegative() || c.Value.IsNegative() {
			t.Errorf("negative credit %v", c)
		}
	}
	if !sc.Equal(decimal.NewFromInt(conv)) || !sv.Equal(val) {
		t.Errorf("credits sum to (%v, %v), want (%d, %v)", sc, sv, conv, val)
	}
}

// The worked example of the heuristic models. Paths:
//
//	A  a > b > c       3 conversions, value 30
//	B  a               1 conversion,  value 10
//	C  b > a           2 conversions, value 4
//	D  c > c           5 nulls
//	E  a > b > a       3 conversions, value 6
//
// Totals: 9 conversions, value 50.
var worked = []Path{
	path("a > b > c", 3, "30", 0),
	path("a", 1, "10", 0),
	path("b > a", 2, "4", 0),
	path("c > c", 0, "0", 5),
	path("a > b > a", 3, "6", 0),
}

func TestAttributeHeuristics(t *testing.T) {
	tests := []struct {
		model Model
		want  map[string]Credit
	}{
		// First touch: A→a 3/30, B→a 1/10, C→b 2/4, E→a 3/6.
		{FirstTouch, map[string]Credit{"a": cr("7", "46"), "b": cr("2", "4"), "c": cr("0", "0")}},
		// Last touch: A→c 3/30, B→a 1/10, C→a 2/4, E→a 3/6.
		{LastTouch, map[string]Credit{"a": cr("6", "20"), "b": cr("0", "0"), "c": cr("3", "30")}},
		// Linear, a third of A to each (1 conv, 10 value); B all to a; C half
		// each (1, 2); E two thirds to a (2, 4), one third to b (1, 2).
		// a = 1+1+1+2 = 5, value 10+10+2+4 = 26; b = 1+1+1 = 3, value 10+2+2 = 14;
		// c = 1, value 10.
		{Linear, map[string]Credit{"a": cr("5", "26"), "b": cr("3", "14"), "c": cr("1", "10")}},
		// Shapley: each path split equally among its distinct channels.
		// A as Linear; B all to a; C half each; E {a, b}: 1.5 conv and 3 value each.
		// a = 1+1+1+1.5 = 4.5, value 10+10+2+3 = 25; b = 1+1+1.5 = 3.5, value 10+2+3 = 15;
		// c = 1, value 10.
		{Shapley, map[string]Credit{"a": cr("4.5", "25"), "b": cr("3.5", "15"), "c": cr("1", "10")}},
		// Position based 40/20/40. A: a 1.2/12, b 0.6/6, c 1.2/12. B: a 1/10.
		// C: two touches 50/50: b 1/2, a 1/2. E: a first 1.2/2.4, b middle
		// 0.6/1.2, a last 1.2/2.4.
		// a = 1.2+1+1+2.4 = 5.6, value 12+10+2+4.8 = 28.8
		// b = 0.6+1+0.6 = 2.2, value 6+2+1.2 = 9.2
		// c = 1.2, value 12
		{PositionBased, map[string]Credit{"a": cr("5.6", "28.8"), "b": cr("2.2", "9.2"), "c": cr("1.2", "12")}},
		// The same with explicit weights.
		{Positions{First: d("0.4"), Last: d("0.4")}, map[string]Credit{"a": cr("5.6", "28.8"), "b": cr("2.2", "9.2"), "c": cr("1.2", "12")}},
		// Positions 0.3/0.5 (middle 0.2): A a 0.9/9, b 0.6/6, c 1.5/15;
		// B a 1/10; C two touches 3:5, b 0.75/1.5, a 1.25/2.5;
		// E a 0.9+1.5 = 2.4 / 4.8, b 0.6/1.2.
		// a = 0.9+1+1.25+2.4 = 5.55, value 9+10+2.5+4.8 = 26.3
		// b = 0.6+0.75+0.6 = 1.95, value 6+1.5+1.2 = 8.7
		// c = 1.5, value 15
		{Positions{First: d("0.3"), Last: d("0.5")}, map[string]Credit{"a": cr("5.55", "26.3"), "b": cr("1.95", "8.7"), "c": cr("1.5", "15")}},
		// Positions{First: 1} is first touch except for two-touch paths,
		// which split First:Last = 1:0, i.e. also first touch.
		{Positions{First: d("1")}, map[string]Credit{"a": cr("7", "46"), "b": cr("2", "4"), "c": cr("0", "0")}},
		// Positions{} gives everything to middle touches; two touches
		// split 50/50. A: b 3/30. B: a 1/10. C: a 1/2, b 1/2. E: b 3/6.
		// a = 2, value 12; b = 7, value 38; c = 0.
		{Positions{}, map[string]Credit{"a": cr("2", "12"), "b": cr("7", "38"), "c": cr("0", "0")}},
	}
	for _, tt := range tests {
		t.Run(tt.model.String(), func(t *testing.T) {
			got, err := Attribute(worked, tt.model)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
			checkSums(t, worked, got)
		})
	}
}

// One conversion worth 1 over a > b > c, linear: each exact share is 1/3.
// At 16 places 0.3333333333333333 three times leaves 10^-16 over, which goes
// to the largest remainder; the three remainders tie, so to "a", first by
// name.
func TestAttributeResidue(t *testing.T) {
	paths := []Path{path("c > b > a", 1, "1", 0)}
	got, err := Attribute(paths, Linear)
	if err != nil {
		t.Fatal(err)
	}
	third := "0.3333333333333333"
	want := map[string]Credit{"a": cr("0.3333333333333334", "0.3333333333333334"), "b": cr(third, third), "c": cr(third, third)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// A value with more places than 16 is shared at its own precision:
	// 0.00000000000000000003 (20 places) over three touches is 1 unit each.
	paths = []Path{path("c > b > a", 1, "0.00000000000000000003", 0)}
	got, err = Attribute(paths, Linear)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range got {
		if !c.Value.Equal(d("0.00000000000000000001")) {
			t.Errorf("value %v, want 1e-20", c.Value)
		}
	}
}

// A value too fine for int64 units: 99999.00000000000000001 has 17 places,
// 9999900000000000000001 units of 10^-17. Linear over a > b: each exact
// half is 4999950000000000000000.5 units; both round down and the missing
// unit goes to "a" (tie, first by name).
func TestAttributeBigValues(t *testing.T) {
	paths := []Path{path("b > a", 2, "99999.00000000000000001", 0)}
	got, err := Attribute(paths, Linear)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Credit{"a": cr("1", "49999.50000000000000001"), "b": cr("1", "49999.5")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func approx(t *testing.T, name string, got decimal.Decimal, want float64) {
	t.Helper()
	g, _ := got.Float64()
	if math.Abs(g-want) > 1e-12 {
		t.Errorf("%s = %v, want %v", name, got, want)
	}
}

// The classic three-path example of Markov attribution (e.g. Anderl et al.
// 2016, fig. 2, and many tutorials):
//
//	C1 > C2 > C3  converts
//	C1            null
//	C2 > C3       null
//
// start→C1 2/3, start→C2 1/3; C1→C2 1/2, C1→null 1/2; C2→C3 1;
// C3→conv 1/2, C3→null 1/2.
// P = 2/3·1/2·1·1/2 + 1/3·1·1/2 = 1/6 + 1/6 = 1/3.
// Without C1: only start→C2→C3→conv: 1/3·1/2 = 1/6, removal effect 1 − (1/6)/(1/3) = 1/2.
// Without C2 or C3 nothing converts: removal effects 1 and 1.
// Shares: 0.5/2.5 = 0.2, 1/2.5 = 0.4, 0.4.
func TestMarkovClassic(t *testing.T) {
	paths := []Path{
		path("C1 > C2 > C3", 1, "100", 0),
		path("C1", 0, "0", 1),
		path("C2 > C3", 0, "0", 1),
	}
	re, err := MarkovRemovalEffects(paths, 1)
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "P", re.ConversionProbability, 1.0/3)
	approx(t, "RE(C1)", re.Effects["C1"], 0.5)
	approx(t, "RE(C2)", re.Effects["C2"], 1)
	approx(t, "RE(C3)", re.Effects["C3"], 1)
	// Order 2 keeps the shared state (C2,C3): same shares. Order 3 is
	// worked out below.
	for _, m := range []Model{Markov, MarkovChain{Order: 1}, MarkovChain{Order: 2}} {
		got, err := Attribute(paths, m)
		if err != nil {
			t.Fatal(err)
		}
		checkSums(t, paths, got)
		approx(t, m.String()+" C1", got["C1"].Conversions, 0.2)
		approx(t, m.String()+" C2", got["C2"].Conversions, 0.4)
		approx(t, m.String()+" C3", got["C3"].Conversions, 0.4)
		approx(t, m.String()+" C1 value", got["C1"].Value, 20)
	}
	// Order 3: the converting walk ends in state (C1,C2,C3), distinct from
	// the null walk's (C2,C3), so P = 2/3·1/2·1 = 1/3 comes only through
	// C1 > C2 > C3, and removing any of the three kills it: RE 1 each,
	// shares 1/3 each.
	got, err := Attribute(paths, MarkovChain{Order: 3})
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, paths, got)
	for _, c := range []string{"C1", "C2", "C3"} {
		approx(t, "order 3 "+c, got[c].Conversions, 1.0/3)
	}
}

// An example where order 2 remembers what order 1 forgets:
//
//	a > b > c  converts (1)
//	d > b > e  null (1)
//
// Order 1: start→a 1/2, start→d 1/2, b→c 1/2, b→e 1/2, c→conv, e→null.
// P = 1/2·1/2 + 1/2·1/2 = 1/2 (via b→c from either a or d).
// Without a: 1/4, RE 1/2; without d: 1/4, RE 1/2; without b or c: 0, RE 1;
// without e: 1/2, RE 0. Sum 3: a 1/6, b 1/3, c 1/3, d 1/6, e 0.
//
// Order 2: (a,b)→(b,c)→conv and (d,b)→(b,e)→null, so P = 1/2 and
// removing a, b or c kills conversion (RE 1) while d and e have RE 0:
// a, b, c 1/3 each.
func TestMarkovOrder2(t *testing.T) {
	paths := []Path{path("a > b > c", 1, "6", 0), path("d > b > e", 0, "0", 1)}
	got, err := Attribute(paths, Markov)
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, paths, got)
	for ch, w := range map[string]float64{"a": 1.0 / 6, "b": 1.0 / 3, "c": 1.0 / 3, "d": 1.0 / 6, "e": 0} {
		approx(t, "order 1 "+ch, got[ch].Conversions, w)
		approx(t, "order 1 value "+ch, got[ch].Value, 6*w)
	}
	got, err = Attribute(paths, MarkovChain{Order: 2})
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, paths, got)
	for ch, w := range map[string]float64{"a": 1.0 / 3, "b": 1.0 / 3, "c": 1.0 / 3, "d": 0, "e": 0} {
		approx(t, "order 2 "+ch, got[ch].Conversions, w)
	}
}

// Consecutive repeats collapse: a > a > b behaves as a > b; and a loop
// a > b > a is a real cycle. With paths a > a > b (converts) and a (null):
// start→a 1, a→b 1/2, a→null 1/2, b→conv 1: P = 1/2; both removal
// effects 1; shares 1/2 each.
func TestMarkovRepeats(t *testing.T) {
	paths := []Path{path("a > a > b", 1, "1", 0), path("a", 0, "0", 1)}
	got, err := Attribute(paths, Markov)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Credit{"a": cr("0.5", "0.5"), "b": cr("0.5", "0.5")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// A cycle: a > b > a converts, b null. start→a 1/2, start→b 1/2;
	// a→b 1/2 (from the first path), a→conv 1/2; b→a 1/2, b→null 1/2.
	// h(a) = 1/2 h(b) + 1/2, h(b) = 1/2 h(a) → h(a) = 2/3, h(b) = 1/3,
	// P = 1/2·2/3 + 1/2·1/3 = 1/2. Without a: 0 (RE 1). Without b:
	// h(a) = 1/2, P = 1/4 (RE 1/2). Shares 2/3, 1/3.
	paths = []Path{path("a > b > a", 1, "3", 0), path("b", 0, "0", 1)}
	got, err = Attribute(paths, Markov)
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, paths, got)
	approx(t, "a", got["a"].Conversions, 2.0/3)
	approx(t, "b", got["b"].Value, 1)
}

func TestAttributeJourneysTimeDecay(t *testing.T) {
	day := 24 * time.Hour
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	// Touches 14, 7 and 0 days before the conversion, half-life 7 days:
	// weights 1/4, 1/2, 1, sum 7/4: shares 1/7, 2/7, 4/7 of 7 conversions
	// and a value of 70: a 1/10, b 2/20, c 4/40.
	js := []Journey{{
		Touches:     []Touch{{"a", t0}, {"b", t0.Add(7 * day)}, {"c", t0.Add(14 * day)}},
		ConvertedAt: t0.Add(14 * day), Conversions: 7, Value: d("70"),
	}, {
		Touches: []Touch{{"d", t0}}, Nulls: 3,
	}}
	got, err := AttributeJourneys(js, TimeDecay{HalfLife: 7 * day})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Credit{"a": cr("1", "10"), "b": cr("2", "20"), "c": cr("4", "40"), "d": cr("0", "0")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// Touches 200,000 days (about 548 years) apart, half-life 100,000 days:
	// weights 2^-2 = 1/4 and 1, shares 1/5 and 4/5 of 5 conversions. (A gap
	// measured with time.Sub would saturate at about 106,752 days.)
	h := 100000 * day
	old := time.Date(1400, 1, 1, 0, 0, 0, 0, time.UTC)
	long := []Journey{{
		Touches:     []Touch{{"a", old}, {"b", old.Add(h).Add(h)}},
		ConvertedAt: old.Add(h).Add(h), Conversions: 5, Value: d("50"),
	}}
	got, err = AttributeJourneys(long, TimeDecay{HalfLife: h})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[string]Credit{"a": cr("1", "10"), "b": cr("4", "40")}, got); diff != "" {
		t.Errorf("548 years (-want +got)\n%s", diff)
	}
	// Other models ignore the times: linear is 7/3 each.
	got, err = AttributeJourneys(js, Linear)
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "linear a", got["a"].Conversions, 7.0/3)
	if _, err := Attribute(nil, TimeDecay{HalfLife: day}); !errors.Is(err, ErrInvalid) {
		t.Errorf("Attribute(TimeDecay) = %v, want ErrInvalid", err)
	}
	js[0].Touches[0].At = t0.Add(15 * day)
	if _, err := AttributeJourneys(js, TimeDecay{HalfLife: day}); !errors.Is(err, ErrInvalid) {
		t.Errorf("touch after conversion: %v, want ErrInvalid", err)
	}
}

func TestAttributeErrors(t *testing.T) {
	tests := []struct {
		name  string
		paths []Path
		model Model
		want  error
	}{
		{"empty path", []Path{{Conversions: 1}}, Linear, ErrEmpty},
		{"empty name", []Path{{Channels: []string{"a", ""}, Conversions: 1}}, Linear, ErrInvalid},
		{"negative conv", []Path{{Channels: []string{"a"}, Conversions: -1}}, Linear, ErrNegative},
		{"negative nulls", []Path{{Channels: []string{"a"}, Nulls: -1}}, Markov, ErrNegative},
		{"negative value", []Path{{Channels: []string{"a"}, Conversions: 1, Value: d("-1")}}, Linear, ErrNegative},
		{"value without conversions", []Path{{Channels: []string{"a"}, Value: d("1")}}, Linear, ErrInvalid},
		{"overflow", []Path{{Channels: []string{"a"}, Conversions: math.MaxInt64}, {Channels: []string{"a"}, Conversions: 1}}, Linear, ErrOverflow},
		{"nil model", nil, nil, ErrInvalid},
		// Rule(0) is LastTouch since v0.2: an unknown rule is one out of range.
		{"rule -1", nil, Rule(-1), ErrInvalid},
		{"rule 6", nil, Rule(6), ErrInvalid},
		{"order 4", nil, MarkovChain{Order: 4}, ErrInvalid},
		{"order -1", nil, MarkovChain{Order: -1}, ErrInvalid},
		{"positions > 1", nil, Positions{First: d("0.6"), Last: d("0.5")}, ErrInvalid},
		{"positions < 0", nil, Positions{First: d("-0.1")}, ErrInvalid},
		{"half-life 0", nil, TimeDecay{}, ErrInvalid},
		{"pointer model", nil, new(Rule), ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Attribute(tt.paths, tt.model)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			if err != nil && !strings.HasPrefix(err.Error(), "roi: Attribute: ") {
				t.Errorf("message %q lacks the package prefix", err)
			}
		})
	}
}

// A path with neither conversions nor nulls carries no journey: its
// channel is listed with zero credit and changes nothing.
func TestMarkovEmptyPath(t *testing.T) {
	paths := []Path{path("a > b", 1, "4", 1), path("c", 0, "0", 0), path("a", 0, "0", 1)}
	for _, m := range []Model{Markov, MarkovChain{Order: 2}} {
		got, err := Attribute(paths, m)
		if err != nil {
			t.Fatal(err)
		}
		// start→a 1; a→b 2/3, a→null 1/3; b→conv 1/2: both removal
		// effects 1, half each.
		want := map[string]Credit{"a": cr("0.5", "2"), "b": cr("0.5", "2"), "c": cr("0", "0")}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%v (-want +got)\n%s", m, diff)
		}
	}
}

// Order 2 over 50 channels with every ordered pair on a path: 50 + 2450
// states, more than MaxMarkovStates (1024).
func TestMarkovTooLarge(t *testing.T) {
	var paths []Path
	for i := range 50 {
		for j := range 50 {
			if i != j {
				paths = append(paths, Path{Channels: []string{fmt.Sprint("c", i), fmt.Sprint("c", j)}, Conversions: 1, Value: d("1")})
			}
		}
	}
	if _, err := Attribute(paths, MarkovChain{Order: 2}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
	if _, err := Attribute(paths, Markov); err != nil {
		t.Errorf("order 1: %v", err)
	}
}

// Zero totals give zero credits to every channel seen.
func TestAttributeNoConversions(t *testing.T) {
	paths := []Path{path("a > b", 0, "0", 4)}
	for _, m := range []Model{FirstTouch, LastTouch, Linear, PositionBased, Markov, Shapley} {
		got, err := Attribute(paths, m)
		if err != nil {
			t.Fatal(m, err)
		}
		want := map[string]Credit{"a": cr("0", "0"), "b": cr("0", "0")}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%v (-want +got)\n%s", m, diff)
		}
	}
}

func TestRuleText(t *testing.T) {
	for r := LastTouch; r <= Shapley; r++ {
		b, err := r.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Rule
		if err := back.UnmarshalText(b); err != nil || back != r {
			t.Errorf("%v round trip: %v %v", r, back, err)
		}
	}
	if !slices.Equal([]string{PositionBased.String(), Rule(9).String()}, []string{"position-based", "Rule(9)"}) {
		t.Error("String")
	}
	var r Rule
	if err := r.UnmarshalText([]byte("nope")); !errors.Is(err, ErrInvalid) {
		t.Error(err)
	}
}
