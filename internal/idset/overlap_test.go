package idset

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/influencekit/influencekit/internal/sorted"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/influencekit/influencekit/internal/idset/idsettest"
)

// slowAndLen is the obvious intersection count of sorted arrays.
func slowAndLen(a, b []uint32) int64 {
	var n int64
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); ok {
			n++
		}
	}
	return n
}

func sortedDistinct(r *rand.Rand, n int, limit uint32) []uint32 {
	s := make([]uint32, n)
	for i := range s {
		s[i] = r.Uint32N(limit)
	}
	slices.Sort(s)
	return slices.Compact(s)
}

// TestFastPaths checks the merge, four-lane merge, galloping and directory kernels
// against the obvious implementation, on sizes around their thresholds.
func TestFastPaths(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	sizes := []int{0, 1, 3, 17, laneMin - 1, laneMin, laneMin + 1, dirMin, 5000, 70000}
	for _, na := range sizes {
		for _, nb := range sizes {
			for _, limit := range []uint32{100, 1 << 16, 1 << 31} {
				a, b := sortedDistinct(r, na, limit), sortedDistinct(r, nb, limit)
				want := slowAndLen(a, b)
				for name, fn := range map[string]func(a, b []uint32) int64{
					"CountCommon": func(a, b []uint32) int64 { return int64(sorted.CountCommon(a, b)) }, "mergeLanes": mergeLanes[uint32], "gallopLen": gallopLen[uint32], "arrayAndLen": arrayAndLen[uint32],
					"andArrays": func(a, b []uint32) int64 { return int64(len(andArrays(a, b))) },
				} {
					if got := fn(a, b); got != want {
						t.Fatalf("%s(|a|=%d, |b|=%d, limit %d) = %d, want %d", name, len(a), len(b), limit, got, want)
					}
				}
				if got := gallopLen(b, a); got != want {
					t.Fatalf("gallopLen reversed = %d, want %d", got, want)
				}
				// Directory lookups: a probed in b's directory, and the
				// container's Contains through it.
				cb := withDir(container{arr: b, n: int64(len(b))})
				if got := dirLen(a, &cb); got != want {
					t.Fatalf("dirLen(|a|=%d, |b|=%d, limit %d) = %d, want %d", len(a), len(b), limit, got, want)
				}
				for _, x := range a[:min(len(a), 30)] {
					_, in := slices.BinarySearch(b, x)
					if cb.contains(x) != in {
						t.Fatalf("contains(%d) = %v, want %v", x, !in, in)
					}
				}
			}
		}
	}
	// Array against bitmap, short and long (bitmap-built) paths, inside
	// and beyond the bitmap's range.
	for _, c := range []struct {
		na, nb     int
		la, lb, sh uint32
	}{{100, 50000, 1 << 20, 1 << 17, 0}, {20000, 50000, 1 << 18, 1 << 17, 0}, {20000, 50000, 1 << 18, 1 << 17, 1 << 16}, {0, 10, 5, 100, 0}} {
		a, b := sortedDistinct(r, c.na, c.la), sortedDistinct(r, c.nb, c.lb)
		for i := range b {
			b[i] += c.sh
		}
		bm := roaring.New()
		bm.AddMany(b)
		if got, want := probeLen(a, bm), slowAndLen(a, b); got != want {
			t.Fatalf("probeLen(|a|=%d, |b|=%d) = %d, want %d", len(a), len(b), got, want)
		}
	}
	if probeLen([]uint32{1, 2}, roaring.New()) != 0 {
		t.Error("probeLen against an empty bitmap")
	}
	// Adversarial lane layouts: one array far below the other, and b
	// entirely inside one lane of a.
	lo := make([]uint32, 3000)
	hi := make([]uint32, 3000)
	for i := range lo {
		lo[i], hi[i] = uint32(i), uint32(1_000_000+i)
	}
	if got := mergeLanes(lo, hi); got != 0 {
		t.Errorf("disjoint ranges: %d", got)
	}
	if got := mergeLanes(lo, lo[100:1200]); got != 1100 {
		t.Errorf("contained: %d, want 1100", got)
	}
}

func TestSortUint64(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, n := range []int{0, 1, 100, radixMin + 1, 100_000} {
		for _, shape := range []int{0, 1, 2, 3} {
			ids := idsettest.GenIDs(r, shape, n)
			want := slices.Clone(ids)
			slices.Sort(want)
			sortUint64(ids)
			if !slices.Equal(want, ids) {
				t.Fatalf("n=%d shape=%d: not sorted like slices.Sort", n, shape)
			}
		}
	}
}

// TestConcurrentReads reads one set from many goroutines right after Add,
// so that the lazy merge races with readers (run under -race).
func TestConcurrentReads(t *testing.T) {
	s := &Set{}
	s.Add(idsettest.GenIDs(rand.New(rand.NewPCG(1, 1)), 0, 10000)...)
	other := NewSet(1, 2, 3)
	done := make(chan int64)
	for range 8 {
		go func() { done <- s.Len() + IntersectionLen(s, other) }()
	}
	first := <-done
	for range 7 {
		if got := <-done; got != first {
			t.Fatalf("readers disagree: %d vs %d", got, first)
		}
	}
}
