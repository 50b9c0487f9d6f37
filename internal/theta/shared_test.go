package theta

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// sharedDir holds the sketches the Apache DataSketches Java library wrote for
// the IDs 0 … n−1 (default update sketch, lgK 12, seed 9001). CI places
// shared/ beside the clone; the files are not redistributable, so the test
// skips when they are absent.
const sharedDir = "../../../shared/data/datasketches"

func readShared(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sharedDir, name))
	if err != nil {
		t.Skipf("shared DataSketches files not available: %v", err)
	}
	return b
}

func sketchOfRange(t testing.TB, n int) *Compact {
	t.Helper()
	s, err := New(DefaultLgK)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		s.Add(uint64(i))
	}
	return s.Compact()
}

func TestSharedJavaSketches(t *testing.T) {
	if _, err := os.Stat(sharedDir); err != nil {
		t.Skipf("shared DataSketches files not available: %v", err)
	}
	for _, n := range []int{0, 1, 10, 100, 1000, 10000, 100000, 1000000} {
		for _, compressed := range []bool{false, true} {
			name := fmt.Sprintf("theta_n%d_java.sk", n)
			if compressed {
				if n < 10 {
					continue // Java writes no compressed image for these
				}
				name = fmt.Sprintf("theta_compressed_n%d_java.sk", n)
			}
			t.Run(name, func(t *testing.T) {
				raw := readShared(t, name)
				got, err := Decode(raw)
				if err != nil {
					t.Fatalf("Decode: %v", err)
				}
				// Within 3 % of n (the acceptance rule); n = 0 must be
				// exactly 0 and empty.
				if n == 0 {
					if !got.IsEmpty() || got.Estimate() != 0 {
						t.Fatalf("n=0: empty=%v estimate=%v", got.IsEmpty(), got.Estimate())
					}
				} else if e := got.Estimate(); math.Abs(e-float64(n)) > 0.03*float64(n) {
					t.Errorf("estimate %.1f, want within 3%% of %d", e, n)
				}
				ours := sketchOfRange(t, n)
				// Our sketch of the same IDs intersected with Java's: ≈ n.
				inter := Compare(ours, got).Intersection(2)
				if n > 0 && math.Abs(inter.Value-float64(n)) > 0.03*float64(n) {
					t.Errorf("intersection with our sketch %.1f, want ≈ %d", inter.Value, n)
				}
				// Same hash function and retention rule: identical hash sets.
				if !slices.Equal(ours.Hashes(), got.Hashes()) || ours.Theta() != got.Theta() {
					t.Errorf("retained sets differ: ours %d hashes θ=%d, Java %d hashes θ=%d",
						ours.Retained(), ours.Theta(), got.Retained(), got.Theta())
				}
				// And our serialisation is byte-for-byte Java's.
				var mine []byte
				if compressed {
					mine, err = ours.MarshalCompressed()
				} else {
					mine, err = ours.MarshalBinary()
				}
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(mine, raw) {
					t.Errorf("our image (%d bytes) differs from Java's (%d bytes)", len(mine), len(raw))
				}
				t.Logf("n=%d retained=%d θ=%.6f estimate=%.1f (%.3f%%) ∩ours=%.1f",
					n, got.Retained(), got.ThetaFraction(), got.Estimate(),
					100*(got.Estimate()-float64(n))/math.Max(1, float64(n)), inter.Value)
			})
		}
	}
	t.Run("non_empty_no_entries", func(t *testing.T) {
		raw := readShared(t, "theta_non_empty_no_entries_java.sk")
		got, err := Decode(raw)
		if err != nil {
			t.Fatalf("Decode: %v", err)
		}
		if got.IsEmpty() || got.Retained() != 0 || !got.IsEstimationMode() || got.Estimate() != 0 {
			t.Errorf("got empty=%v retained=%d estimation=%v estimate=%v",
				got.IsEmpty(), got.Retained(), got.IsEstimationMode(), got.Estimate())
		}
		mine, _ := got.MarshalBinary()
		if !bytes.Equal(mine, raw) {
			t.Errorf("re-encoded % x, Java % x", mine, raw)
		}
	})
}
