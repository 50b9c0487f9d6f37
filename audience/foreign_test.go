package audience

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/influencekit/influencekit/internal/theta"
	"github.com/shopspring/decimal"
)

// exactRatio is retained ÷ θ with θ = thetaLong ÷ (2⁶³−1), as an exact
// rational: retained·(2⁶³−1) ÷ thetaLong.
func exactRatio(retained int, thetaLong uint64) *big.Rat {
	num := new(big.Int).Mul(big.NewInt(int64(retained)), new(big.Int).SetUint64(theta.MaxTheta))
	return new(big.Rat).SetFrac(num, new(big.Int).SetUint64(thetaLong))
}

// TestForeignSketchExact reads the sketches DataSketches Java wrote (IDs
// 0 … n−1, lgK 12) into sketches of every nominal size: every retained hash
// is kept, so the estimate is the retained count ÷ θ (DataSketches'
// getEstimate: the same float64 division, within 1 ulp of the exact ratio)
// and the bounds are DataSketches' getLowerBound(2)/getUpperBound(2).
// The figures for n = 10,000: 5,324 hashes, estimate 10,013.157;
// cut to 4,096 hashes it read 9,897.763, which is what a change (Add)
// reduces it to, as DataSketches' Union of size 4096 would.
func TestForeignSketchExact(t *testing.T) {
	if _, err := os.Stat(sharedDir); err != nil {
		t.Skipf("shared DataSketches files not available: %v", err)
	}
	for _, n := range []int{10, 100, 1000, 10_000, 100_000, 1_000_000} {
		for _, prefix := range []string{"theta_n", "theta_compressed_n"} {
			name := fmt.Sprintf("%s%d_java.sk", prefix, n)
			raw, err := os.ReadFile(filepath.Join(sharedDir, name))
			if err != nil {
				t.Fatal(err)
			}
			c, err := theta.Decode(raw)
			if err != nil {
				t.Fatal(err)
			}
			for _, lgK := range []int{MinSketchLgK, 0, MaxSketchLgK} {
				s := mustSketch(t, lgK)
				if err := s.UnmarshalBinary(raw); err != nil {
					t.Fatal(err)
				}
				e := s.Estimate()
				// DataSketches: retained / (thetaLong / (double) Long.MAX_VALUE).
				f := float64(c.Retained()) / (float64(c.Theta()) / float64(theta.MaxTheta))
				if want := decimal.NewFromFloat(f); !e.Value.Equal(want) {
					t.Errorf("%s lgK %d: estimate %s, want retained %d ÷ θ = %s", name, lgK, e.Value, c.Retained(), want)
				}
				// …which is the exact ratio to within 2 ulps (two roundings).
				exact := exactRatio(c.Retained(), c.Theta())
				diff := new(big.Rat).Sub(new(big.Rat).SetFloat64(f), exact)
				rel, _ := new(big.Rat).Quo(diff.Abs(diff), exact).Float64()
				if rel > 4.5e-16 {
					t.Errorf("%s: estimate %v is %.3g from the exact ratio %s", name, f, rel, exact.FloatString(12))
				}
				lo, hi := theta.BinomialBounds(c.Retained(), c.Theta(), SketchStdDevs, false)
				if !e.Low.Equal(decimal.NewFromFloat(lo)) || !e.High.Equal(decimal.NewFromFloat(hi)) {
					t.Errorf("%s lgK %d: bounds [%s, %s], want [%v, %v]", name, lgK, e.Low, e.High, lo, hi)
				}
				if p := OverlapSketches(s, s); p.Shared != e.Value.Round(0).IntPart() {
					t.Errorf("%s: self-overlap %d, want %s rounded", name, p.Shared, e.Value)
				}
			}
		}
	}
	raw, err := os.ReadFile(filepath.Join(sharedDir, "theta_n10000_java.sk"))
	if err != nil {
		t.Fatal(err)
	}
	s := mustSketch(t, 0)
	if err := s.UnmarshalBinary(raw); err != nil {
		t.Fatal(err)
	}
	if got := s.Estimate().Value.Round(3).String(); got != "10013.157" {
		t.Errorf("n = 10,000: estimate %s, DataSketches 10013.157", got)
	}
	s.Add(0) // already there, but a change: the sketch is reduced to k = 4096
	if got := s.Estimate().Value.Round(3).String(); got != "9897.763" {
		t.Errorf("n = 10,000 after Add: estimate %s, want 9897.763 (4,096 hashes)", got)
	}
}

// TestForeignSketchSeed: bytes written with another seed are refused with
// an error naming the seed hash found and the one of seed 9001.
func TestForeignSketchSeed(t *testing.T) {
	img, err := rangeSketch(t, 0, 100).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	img[6], img[7] = 0x34, 0x12 // seed hash 0x1234, little-endian
	var s Sketch
	err = s.UnmarshalBinary(img)
	if !errors.Is(err, ErrSketchSeed) || !strings.Contains(err.Error(), "0x1234") || !strings.Contains(err.Error(), "0x93cc") {
		t.Errorf("err = %v, want ErrSketchSeed naming 0x1234 and 0x93cc", err)
	}
}

// TestForeignSketchTooLarge: a compressed image announcing 2^27+1 hashes of
// 1-bit deltas (16 MiB of bytes) is refused before any hash is held.
func TestForeignSketchTooLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("16 MiB image")
	}
	n := theta.MaxRetained + 1
	img := []byte{1, 4, 3, 1, 4, 0x1a, 0xcc, 0x93, byte(n), byte(n >> 8), byte(n >> 16), byte(n >> 24)}
	img = append(img, make([]byte, (n+7)/8)...)
	for i := 12; i < len(img); i++ {
		img[i] = 0xff
	}
	var s Sketch
	if err := s.UnmarshalBinary(img); !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
}

// TestSketchMatrixJoinedEqualsPairwise: the joined matrix (from joinFrom
// sketches on) gives every Pair the pairwise method and OverlapSketches
// give, on random sketches of random sizes (lgK 5…12), thetas and overlaps
// from one pool, with nil, empty, exact and decoded sketches among them.
func TestSketchMatrixJoinedEqualsPairwise(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 515))
	for round := range 4 {
		n := joinFrom + r.IntN(40)
		sk := make([]*Sketch, n)
		for i := range sk {
			switch r.IntN(10) {
			case 0:
				continue // nil
			case 1:
				sk[i] = mustSketch(t, 0) // empty
				continue
			}
			s := mustSketch(t, MinSketchLgK+r.IntN(DefaultSketchLgK-MinSketchLgK+1))
			lo := uint64(r.IntN(30_000))
			size := uint64(r.IntN(40_000))
			for id := lo; id < lo+size; id++ {
				if r.IntN(3) > 0 {
					s.Add(id)
				}
			}
			if r.IntN(3) == 0 { // decoded: keeps every hash of the image
				img, err := s.MarshalBinary()
				if err != nil {
					t.Fatal(err)
				}
				d := mustSketch(t, MinSketchLgK)
				if err := d.UnmarshalBinary(img); err != nil {
					t.Fatal(err)
				}
				s = d
			}
			sk[i] = s
		}
		for _, workers := range []int{0, 1, 3} {
			joined := SketchOverlapMatrix(sk, workers)
			pairwise := snapshotMatrix(sk)
			pairwiseCounts(pairwise, workers)
			for i := range sk {
				for j := range sk {
					got, _ := joined.Pair(i, j)
					want, _ := pairwise.Pair(i, j)
					if diff := cmp.Diff(want, got); diff != "" {
						t.Fatalf("round %d workers %d pair (%d,%d) joined vs pairwise (-want +got):\n%s", round, workers, i, j, diff)
					}
					if diff := cmp.Diff(OverlapSketches(sk[i], sk[j]), got); diff != "" {
						t.Fatalf("pair (%d,%d) vs OverlapSketches (-want +got):\n%s", i, j, diff)
					}
				}
			}
		}
	}
}

// TestOverlapMatrixJoinedEqualsPairwise: the exact matrix joined (from
// joinFrom sets on) equals the pairwise one and Overlap, on random sets
// with extreme IDs, nil and empty sets.
func TestOverlapMatrixJoinedEqualsPairwise(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 516))
	for round := range 4 {
		n := joinFrom + r.IntN(30)
		sets := make([]*Set, n)
		for i := range sets {
			switch r.IntN(10) {
			case 0:
				continue // nil
			case 1:
				sets[i] = NewSet()
				continue
			}
			s := NewSet()
			for range r.IntN(3000) {
				switch r.IntN(3) {
				case 0:
					s.Add(uint64(r.IntN(5000)))
				case 1:
					s.Add(math.MaxUint64 - uint64(r.IntN(100)))
				default:
					s.Add(r.Uint64())
				}
			}
			sets[i] = s
		}
		for _, workers := range []int{0, 1, 3} {
			// The join itself, whether or not OverlapMatrix predicts it
			// pays for these sets; OverlapMatrix's own choice is checked
			// against Overlap below too.
			joined := OverlapMatrix(sets, workers)
			forced := &Matrix{n: n, sizes: joined.sizes, shared: make([]int64, n*n)}
			for i := range n {
				forced.shared[i*n+i] = joined.sizes[i]
			}
			joinedShared(forced, listsOf(sets, workers), workers)
			pw := &Matrix{n: n, sizes: joined.sizes, shared: make([]int64, n*n)}
			copy(pw.shared, joined.shared)
			for i := range n {
				for j := range n {
					if i != j {
						pw.shared[i*n+j] = -1
					}
				}
			}
			pairwiseShared(pw, sets, workers)
			for i := range n {
				for j := range n {
					got, _ := forced.Pair(i, j)
					want, _ := pw.Pair(i, j)
					if diff := cmp.Diff(want, got); diff != "" {
						t.Fatalf("round %d pair (%d,%d) (-pairwise +joined):\n%s", round, i, j, diff)
					}
					got, _ = joined.Pair(i, j)
					if diff := cmp.Diff(Overlap(sets[i], sets[j]), got); diff != "" {
						t.Fatalf("pair (%d,%d) vs Overlap:\n%s", i, j, diff)
					}
				}
			}
		}
	}
}

// TestOverlapMatrixChoice: the join is chosen for many sparse overlapping
// sets (BenchmarkOverlapMatrix's 1,000 sets of 1,000 IDs: 0.15 s joined
// against 4.0 s pairwise) and never for dense bitmaps (16 sets of the IDs
// 0 … 10⁶−1, which the set engine intersects 64 IDs per word).
func TestOverlapMatrixChoice(t *testing.T) {
	sparse := matrixSets(1000)
	var total int64
	for _, s := range sparse {
		total += s.Len()
	}
	if dense(sparse, total) || !joinPays(listsOf(sparse, 0), total) {
		t.Errorf("1,000 sparse sets: dense %v, join pays %v; want false, true", dense(sparse, total), joinPays(listsOf(sparse, 0), total))
	}
	ids := make([]uint64, 1_000_000)
	for i := range ids {
		ids[i] = uint64(i)
	}
	full := make([]*Set, 16)
	for i := range full {
		full[i] = NewSetFromSorted(ids)
	}
	if !dense(full, 16*1_000_000) {
		t.Errorf("16 dense sets not seen as dense")
	}
}
