package theta

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/influencekit/influencekit/internal/race"
)

// TestAccuracyUnionIntersection measures, over 200 seeded trials per
// overlap, the relative RMSE of union and intersection estimates for two
// 10⁶-ID sets at k = 4096 and checks it is within 1.1× of the theory:
// union 1/√(k−1) = 1.563 %; intersection √(F/(k−1)) with F = |A∪B|/|A∩B|:
// 1 % overlap F = 199 → 22.04 %, 10 % F = 19 → 6.81 %, 50 % F = 3 → 2.71 %.
//
// Each trial draws a random 64-bit offset o (PCG, fixed seeds): A = [o,
// o+10⁶), B = [o+(1−f)·10⁶, o+(2−f)·10⁶), so |A∩B| = f·10⁶ and the hashes
// differ from trial to trial. Two estimators are measured: the sketches as
// built (the DataSketches QuickSelect sketch keeps k…15/8·k hashes) and the
// same trimmed to exactly k hashes (the textbook KMV sketch the formulas
// describe). A \ B (theory √(F/(k−1)), F = |A∪B|/|A\B|) and Jaccard
// (relative theory √((1−J)/(J(k−1)))) are held to the same rule. It also checks that the 2-standard-deviation bounds cover the
// truth in at least 90 % of trials (nominal 95.45 %).
func TestAccuracyUnionIntersection(t *testing.T) {
	if testing.Short() || race.Enabled {
		t.Skip("statistical test: skipped under -short and -race")
	}
	const (
		n      = 1_000_000
		trials = 200
		lgK    = DefaultLgK
		k      = 1 << lgK
	)
	for _, tc := range []struct {
		name    string
		overlap int // |A∩B|
		seed    uint64
	}{
		{"1%", n / 100, 101},
		{"10%", n / 10, 102},
		{"50%", n / 2, 103},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(tc.seed, 2026))
			unionN := 2*n - tc.overlap
			f := float64(unionN) / float64(tc.overlap)
			theoryU, theoryI := UnionRSE(k), IntersectionRSE(k, f)
			diffN := n - tc.overlap // |A \ B|
			theoryD := IntersectionRSE(k, float64(unionN)/float64(diffN))
			jac := float64(tc.overlap) / float64(unionN)
			theoryJ := math.Sqrt((1 - jac) / (jac * (k - 1))) // relative: √(J(1−J)/(k−1)) ÷ J
			var seU, seI, seUT, seIT, seD, seJ float64
			var coverU, coverI int
			for range trials {
				o := r.Uint64N(1 << 62)
				startB := o + uint64(n-tc.overlap)
				endA := o + n
				sa, _ := New(lgK)
				sb, _ := New(lgK)
				for id := o; id < o+uint64(unionN); id++ {
					h := HashUint64(id)
					if id < endA {
						sa.AddHash(h)
					}
					if id >= startB {
						sb.AddHash(h)
					}
				}
				ca, cb := sa.Compact(), sb.Compact()
				p := Compare(ca, cb)
				u, in := p.Union(2), p.Intersection(2)
				seD += sq(p.ANotB(2).Value/float64(diffN) - 1)
				seJ += sq(p.Jaccard(2).Value/jac - 1)
				seU += sq(u.Value/float64(unionN) - 1)
				seI += sq(in.Value/float64(tc.overlap) - 1)
				if u.Lower <= float64(unionN) && float64(unionN) <= u.Upper {
					coverU++
				}
				if in.Lower <= float64(tc.overlap) && float64(tc.overlap) <= in.Upper {
					coverI++
				}
				ta, _ := ca.Trim(lgK)
				tb, _ := cb.Trim(lgK)
				// Textbook KMV union: the k smallest of the union's hashes.
				tu, _ := Union(ta, tb).Trim(lgK)
				seUT += sq(tu.Estimate()/float64(unionN) - 1)
				seIT += sq(Compare(ta, tb).Intersection(2).Value/float64(tc.overlap) - 1)
			}
			rmseU := math.Sqrt(seU / trials)
			rmseI := math.Sqrt(seI / trials)
			rmseUT := math.Sqrt(seUT / trials)
			rmseIT := math.Sqrt(seIT / trials)
			rmseD := math.Sqrt(seD / trials)
			rmseJ := math.Sqrt(seJ / trials)
			t.Logf("overlap %s: A\\B RMSE %.4f%% vs theory %.4f%% → ×%.3f; Jaccard RMSE %.4f%% vs theory %.4f%% → ×%.3f",
				tc.name, 100*rmseD, 100*theoryD, rmseD/theoryD, 100*rmseJ, 100*theoryJ, rmseJ/theoryJ)
			t.Logf("overlap %s: union RMSE %.4f%% (trimmed %.4f%%) vs theory %.4f%% → ×%.3f (×%.3f); coverage %d/%d",
				tc.name, 100*rmseU, 100*rmseUT, 100*theoryU, rmseU/theoryU, rmseUT/theoryU, coverU, trials)
			t.Logf("overlap %s: intersection RMSE %.4f%% (trimmed %.4f%%) vs theory %.4f%% → ×%.3f (×%.3f); coverage %d/%d",
				tc.name, 100*rmseI, 100*rmseIT, 100*theoryI, rmseI/theoryI, rmseIT/theoryI, coverI, trials)
			for _, c := range []struct {
				what         string
				rmse, theory float64
			}{
				{"union", rmseU, theoryU}, {"union trimmed", rmseUT, theoryU},
				{"intersection", rmseI, theoryI}, {"intersection trimmed", rmseIT, theoryI},
				{"A\\B", rmseD, theoryD}, {"Jaccard", rmseJ, theoryJ},
			} {
				if c.rmse > 1.1*c.theory {
					t.Errorf("%s RMSE %.4f > 1.1 × theory %.4f", c.what, c.rmse, c.theory)
				}
				// A far smaller error than sampling allows means the test
				// measures the wrong thing (e.g. identical sets).
				if c.rmse < 0.25*c.theory {
					t.Errorf("%s RMSE %.4f implausibly below theory %.4f", c.what, c.rmse, c.theory)
				}
			}
			if coverU < trials*9/10 || coverI < trials*9/10 {
				t.Errorf("2σ bounds covered the truth in %d (union) and %d (intersection) of %d trials, want ≥ 90 %%", coverU, coverI, trials)
			}
		})
	}
}

func sq(x float64) float64 { return x * x }
