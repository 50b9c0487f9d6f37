package selection

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/influencekit/influencekit/audience"
	"github.com/shopspring/decimal"
)

func sketchesOf(t *testing.T, cands []Candidate, lgK int) []Candidate {
	t.Helper()
	out := make([]Candidate, len(cands))
	for i, c := range cands {
		s, err := audience.SketchOf(c.Followers, lgK)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = Candidate{ID: c.ID, Fee: c.Fee, Sketch: s}
	}
	return out
}

// TestShortlistSketchesExact: sketches that hold their whole sets (fewer
// IDs than k) give exactly the answer of the exact sets, on both the
// exhaustive (≤ 20) and the greedy path.
func TestShortlistSketchesExact(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for _, n := range []int{6, 12, 30} {
		for range 5 {
			cands := reachInstance(r, n, 3000, 200)
			budget := decimal.NewFromInt(120)
			// MaxWork 1 keeps the greedy path to its first runs; the
			// exhaustive path needs the default, as one sketch copy
			// costs more than 1,000 units.
			c := Constraints{}
			if n > exactReachMax {
				c.MaxWork = 1
			}
			want, err := ShortlistWith(cands, budget, MaxUniqueReach, c)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ShortlistWith(sketchesOf(t, cands, 12), budget, MaxUniqueReach, c)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Value.Equal(want.Value) || !got.Cost.Equal(want.Cost) || got.Optimal != want.Optimal {
				t.Fatalf("n=%d: sketches %v reach %s cost %s optimal %v; sets %v reach %s cost %s optimal %v",
					n, got.IDs, got.Value, got.Cost, got.Optimal, want.IDs, want.Value, want.Cost, want.Optimal)
			}
		}
	}
}

// TestShortlistSketchesEstimate: with sets larger than k = 2⁹ the reach is
// an estimate; it stays within 4 relative standard errors (1/√(k−1) ≈
// 4.4 % each) of the exact union of the picked sets, and the pick fits the
// budget.
func TestShortlistSketchesEstimate(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 24))
	cands := reachInstance(r, 40, 200_000, 6000)
	budget := decimal.NewFromInt(300)
	got, err := ShortlistWith(sketchesOf(t, cands, 9), budget, MaxUniqueReach, Constraints{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Cost.GreaterThan(budget) || got.Optimal {
		t.Fatalf("pick %+v", got)
	}
	var sets []*audience.Set
	for _, c := range cands {
		for _, id := range got.IDs {
			if id == c.ID {
				sets = append(sets, c.Followers)
			}
		}
	}
	exact := float64(audience.UniqueReach(sets...))
	est := got.Value.InexactFloat64()
	if rel := math.Abs(est-exact) / exact; rel > 4/math.Sqrt(511) {
		t.Errorf("estimated reach %v vs exact %v: relative error %.3f", est, exact, rel)
	}
}

// TestShortlistSketchesWorkLimit is the regression test for a long run:
// the exhaustive search over ≤ 20 sketches copied a sketch per node and
// ignored MaxWork (20 sketches of 20,000 IDs and a budget for 10 of them
// ran for minutes). With MaxWork 100 (10⁵ units, one sketch copy costs
// 16·2¹² = 65,536) it now stops after the second copy and falls back to
// the greedy search, whose pick is not proven optimal.
func TestShortlistSketchesWorkLimit(t *testing.T) {
	cands := make([]Candidate, 20)
	for i := range cands {
		ids := make([]uint64, 50)
		for j := range ids {
			ids[j] = uint64(i*1000 + j)
		}
		s, err := audience.SketchOf(audience.NewSet(ids...), 12)
		if err != nil {
			t.Fatal(err)
		}
		cands[i] = Candidate{ID: "s" + strconv.Itoa(i), Fee: decimal.NewFromInt(1), Sketch: s}
	}
	got, err := ShortlistWith(cands, decimal.NewFromInt(10), MaxUniqueReach, Constraints{MaxWork: 100})
	if err != nil {
		t.Fatal(err)
	}
	// Disjoint sets of 50, fee 1, budget 10: any 10 reach 500 (exact
	// sketches: 50 < k).
	if got.Stats.Method != "greedy" || got.Optimal || !got.Value.Equal(decimal.NewFromInt(500)) {
		t.Errorf("Method %q, Optimal %v, Value %v; want greedy, false, 500", got.Stats.Method, got.Optimal, got.Value)
	}
}

// TestShortlistMixedSetsAndSketches: when some candidates have a sketch and
// others an exact set, the sets are sketched at the sketches' lgK, so the
// pick is the one every candidate sketched gives.
func TestShortlistMixedSetsAndSketches(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 26))
	cands := reachInstance(r, 12, 3000, 200)
	sketched := sketchesOf(t, cands, 12)
	mixed := slices.Clone(cands)
	for i := 0; i < len(mixed); i += 2 {
		mixed[i] = sketched[i]
	}
	budget := decimal.NewFromInt(120)
	want, err := ShortlistWith(sketched, budget, MaxUniqueReach, Constraints{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ShortlistWith(mixed, budget, MaxUniqueReach, Constraints{})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("mixed vs all sketched (-want +got):\n%s", d)
	}
}
