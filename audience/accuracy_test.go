package audience

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/influencekit/influencekit/internal/race"
	"github.com/influencekit/influencekit/internal/theta"
)

// TestSketchAccuracy measures, over 200 seeded trials per case, the relative
// RMSE of the union and intersection estimates that OverlapSketches reports
// for two 10⁶-ID audiences overlapping by 1 %, 10 % and 50 %, and requires it
// to be within 1.1× the theoretical relative standard error:
//
//	union:        1/√(k−1)
//	intersection: √(F/(k−1)), F = |A∪B| ÷ |A∩B|
//
// Each trial draws a fresh random ID offset, so the hashes differ from trial
// to trial. It also checks that the 2-standard-deviation bounds cover the
// truth in at least 90 % of the trials (nominal 95.45 %).
func TestSketchAccuracy(t *testing.T) {
	if testing.Short() || race.Enabled {
		t.Skip("statistical test: skipped under -short and -race")
	}
	const (
		n      = 1_000_000
		trials = 200
		k      = 1 << DefaultSketchLgK
	)
	for _, tc := range []struct {
		name    string
		overlap int
		seed    uint64
	}{
		{"1%", n / 100, 11},
		{"10%", n / 10, 12},
		{"50%", n / 2, 13},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(tc.seed, 3))
			unionN := 2*n - tc.overlap
			f := float64(unionN) / float64(tc.overlap)
			theoryU := 1 / math.Sqrt(k-1)
			theoryI := math.Sqrt(f / (k - 1))
			var seU, seI float64
			var coverU, coverI int
			for range trials {
				o := r.Uint64N(1 << 62)
				endA, startB := o+n, o+uint64(n-tc.overlap)
				a, b := &Sketch{}, &Sketch{}
				ba, bb := a.builder(), b.builder()
				for id := o; id < o+uint64(unionN); id++ {
					h := theta.HashUint64(id) // hash once, feed both
					if id < endA {
						ba.AddHash(h)
					}
					if id >= startB {
						bb.AddHash(h)
					}
				}
				a.stale.Store(true)
				b.stale.Store(true)
				p := OverlapSketches(a, b)
				u, in := float64(p.Union), float64(p.Shared)
				seU += (u/float64(unionN) - 1) * (u/float64(unionN) - 1)
				seI += (in/float64(tc.overlap) - 1) * (in/float64(tc.overlap) - 1)
				if p.Low.Union <= int64(unionN) && int64(unionN) <= p.High.Union {
					coverU++
				}
				if p.Low.Shared <= int64(tc.overlap) && int64(tc.overlap) <= p.High.Shared {
					coverI++
				}
			}
			rmseU, rmseI := math.Sqrt(seU/trials), math.Sqrt(seI/trials)
			t.Logf("union RMSE %.4f (theory %.4f, ratio %.2f), intersection RMSE %.4f (theory %.4f, ratio %.2f), coverage %d/%d, %d/%d",
				rmseU, theoryU, rmseU/theoryU, rmseI, theoryI, rmseI/theoryI, coverU, trials, coverI, trials)
			if rmseU > 1.1*theoryU {
				t.Errorf("union RMSE %.4f > 1.1 × %.4f", rmseU, theoryU)
			}
			if rmseI > 1.1*theoryI {
				t.Errorf("intersection RMSE %.4f > 1.1 × %.4f", rmseI, theoryI)
			}
			if coverU < trials*9/10 || coverI < trials*9/10 {
				t.Errorf("2-sigma bounds cover the truth in %d and %d of %d trials", coverU, coverI, trials)
			}
		})
	}
}
