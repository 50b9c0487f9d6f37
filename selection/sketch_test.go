package selection

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/influencekit/influencekit/audience"
	"github.com/shopspring/decimal"
)

func sketchesOf(t *testing.T, cands []Candidate, lgK int) []SketchCandidate {
	t.Helper()
	out := make([]SketchCandidate, len(cands))
	for i, c := range cands {
		s, err := audience.SketchOf(c.Followers, lgK)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = SketchCandidate{ID: c.ID, Fee: c.Fee, Followers: s}
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
			c := Constraints{MaxWork: 1}
			want, err := ShortlistWith(cands, budget, MaxUniqueReach, c)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ShortlistSketches(sketchesOf(t, cands, 12), budget, c)
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
	got, err := ShortlistSketches(sketchesOf(t, cands, 9), budget, Constraints{})
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
