package theta

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/influencekit/influencekit/internal/race"
)

// sharedDir holds the sketches the Apache DataSketches Java library wrote for
// the IDs 0 … n−1 (default update sketch, lgK 12, seed 9001). CI places
// shared/ beside the clone; the files are kept out of the repository, so
// the test skips when they are absent (TestJavaDigests still runs).
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

// javaDigests are the SHA-256 digests of the images the DataSketches Java
// library wrote for the IDs 0 … n−1 (lgK 12, seed 9001), taken from the
// files described at sharedDir (theta_n<n>_java.sk and
// theta_compressed_n<n>_java.sk). Keeping only the digests lets a fresh
// clone, without those files, still prove that our hash, retention rule and
// encoders reproduce Java's bytes exactly.
var javaDigests = []struct {
	n                 int
	plain, compressed string
}{
	{1, "e81d5c85bb25b760d465b1bb9b3447003816889278347d08c35d4cdaea3f271f", ""},
	{10, "f8a1ef24486887cd7eed7f7d3d7597adec302b84978c76bc234df4e95d65c1a3", "16b14f865df62385fe4bdf986bc721931a8b7fded1206ad4d884901d259f8146"},
	{100, "4c98b19c740b87c1d4d88bd2fc23129585029231ff8d548900540d98623df097", "4437b34ecd1ffce074760bdeba0deaa2ba1ea93db80b325e5436b98d35f75be5"},
	{1000, "1e24705880a180cbde32c9a7a53d47a1d43e523a87073bdeac48532376dccf43", "115f3aa41f0d41d2a2337149892ec2a73b5033f50d7c454aed7852ed2a4ef8e3"},
	{10000, "cc153d6d7a85c91270087246967072efc3645380d74f02320b39127255b2c0a6", "69c122d2f59cbf07531d925aaccb681e171ab4fbd22b0c56258f29db35a33851"},
	{100000, "69126ea55d65f4bb20caa36caf2ce2aff73f766ff5aa04d3723ab6c8f6542f4c", "b23a66df68230fdbe59208a2e8a51a5e7799aad1460eb2ae98d835d64aa219bb"},
	{1000000, "6d8182717c7736e7b67c537415dc9d620362b2129c2bcd94bb823e1a6b596d0c", "1b0ee982542689dc13c6329f486364163f6542a1ab9570c05a6beb3a2f0136ec"},
}

func TestJavaDigests(t *testing.T) {
	for _, d := range javaDigests {
		if d.n > 100_000 && (testing.Short() || race.Enabled) {
			continue // 10⁶ adds: kept out of the -short and -race runs
		}
		c := sketchOfRange(t, d.n)
		for _, x := range []struct {
			want string
			enc  func() ([]byte, error)
		}{{d.plain, c.MarshalBinary}, {d.compressed, c.MarshalCompressed}} {
			if x.want == "" {
				continue
			}
			b, err := x.enc()
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprintf("%x", sha256.Sum256(b)); got != x.want {
				t.Errorf("n=%d: our image (%d bytes) has SHA-256 %s, Java's %s", d.n, len(b), got, x.want)
			}
		}
	}
}
