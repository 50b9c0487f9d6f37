package idset

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/RoaringBitmap/roaring/v2/roaring64"

	"github.com/influencekit/influencekit/internal/idset/idsettest"
)

// Benchmark fixtures are built once per test binary, lazily, and only by the
// benchmarks that need them (sync.OnceValue), so `-bench . -benchtime 1x`
// pays each 10⁷-ID setup once.

const bigN = 10_000_000

type fixture struct {
	ids  [2][]uint64
	sets [2]*Set
	heap float64 // measured heap bytes per ID of sets[0]
}

func buildFixture(seed uint64, limit uint64, n int) *fixture {
	f := &fixture{ids: idsettest.Overlapping(seed, limit, n)}
	f.heap = idsettest.HeapBytes(func() { f.sets[0] = NewSetFromSorted(f.ids[0]) }) / float64(len(f.ids[0]))
	f.sets[1] = NewSetFromSorted(f.ids[1])
	return f
}

// Dense: two 10⁷-ID sets drawn from [0, 1.6·10⁷).
var denseFixture = sync.OnceValue(func() *fixture { return buildFixture(1, 16_000_000, bigN) })

// Sparse: two 10⁷-ID sets drawn uniformly below 2³⁶, sharing ~30 %.
var sparseFixture = sync.OnceValue(func() *fixture { return buildFixture(2, 1<<36, bigN) })

var denseRoaring = sync.OnceValue(func() [2]*roaring.Bitmap {
	f := denseFixture()
	var out [2]*roaring.Bitmap
	for i, ids := range f.ids {
		bm := roaring.New()
		for _, x := range ids {
			bm.Add(uint32(x))
		}
		bm.RunOptimize()
		out[i] = bm
	}
	return out
})

type r64fixture struct {
	bms  [2]*roaring64.Bitmap
	heap float64 // measured heap bytes per ID of bms[0]
}

var sparseRoaring64 = sync.OnceValue(func() *r64fixture {
	f := sparseFixture()
	out := &r64fixture{}
	for i, ids := range f.ids {
		build := func() {
			bm := roaring64.New()
			bm.AddMany(ids)
			bm.RunOptimize()
			out.bms[i] = bm
		}
		if i == 0 {
			out.heap = idsettest.HeapBytes(build) / float64(len(ids))
		} else {
			build()
		}
	}
	return out
})

// BenchmarkIntersectDense intersects two 10⁷-ID sets with dense IDs (62.5 %
// of [0, 1.6·10⁷)), against roaring's AndCardinality on the same IDs.
func BenchmarkIntersectDense(b *testing.B) {
	b.Run("audience", func(b *testing.B) {
		f := denseFixture()
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			IntersectionLen(f.sets[0], f.sets[1])
		}
		idsettest.PerID(b, bigN)
		b.ReportMetric(float64(f.sets[0].SizeInBytes())/float64(f.sets[0].Len()), "bytes/ID")
	})
	b.Run("roaring", func(b *testing.B) {
		bm := denseRoaring()
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			bm[0].AndCardinality(bm[1])
		}
		idsettest.PerID(b, bigN)
		b.ReportMetric(float64(bm[0].GetSizeInBytes())/float64(bm[0].GetCardinality()), "bytes/ID")
	})
}

// BenchmarkIntersectSparse intersects two 10⁷-ID sets of sparse 64-bit IDs
// (uniform below 2³⁶, sharing ~30 %), against roaring64's AndCardinality;
// bytes/ID is each structure's own accounting, heap-bytes/ID the live heap
// measured around building one set.
func BenchmarkIntersectSparse(b *testing.B) {
	b.Run("audience", func(b *testing.B) {
		f := sparseFixture()
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			IntersectionLen(f.sets[0], f.sets[1])
		}
		idsettest.PerID(b, bigN)
		b.ReportMetric(float64(f.sets[0].SizeInBytes())/float64(f.sets[0].Len()), "bytes/ID")
		b.ReportMetric(f.heap, "heap-bytes/ID")
	})
	b.Run("roaring64", func(b *testing.B) {
		r := sparseRoaring64()
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			r.bms[0].AndCardinality(r.bms[1])
		}
		idsettest.PerID(b, bigN)
		b.ReportMetric(float64(r.bms[0].GetSizeInBytes())/float64(r.bms[0].GetCardinality()), "bytes/ID")
		b.ReportMetric(r.heap, "heap-bytes/ID")
	})
}

// Skewed: 10⁴ IDs (half of them members of the sparse 10⁷ set) against the
// sparse 10⁷ set.
var skewFixture = sync.OnceValue(func() *Set {
	f := sparseFixture()
	r := rand.New(rand.NewPCG(3, 99))
	ids := make([]uint64, 0, 10_000)
	for range 5_000 {
		ids = append(ids, f.ids[0][r.IntN(len(f.ids[0]))], r.Uint64N(1<<36))
	}
	s := NewSet(ids...)
	s.Len() // settle outside the timed loop
	return s
})

// BenchmarkIntersectSkewed intersects 10⁴ IDs with 10⁷: the audience path
// looks each small-side ID up through the large buckets' directories;
// baselines are plain galloping, a full merge and roaring64.
func BenchmarkIntersectSkewed(b *testing.B) {
	b.Run("audience", func(b *testing.B) {
		small, large := skewFixture(), sparseFixture().sets[0]
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			IntersectionLen(small, large)
		}
	})
	b.Run("baseline-gallop", func(b *testing.B) {
		small, large := skewFixture(), sparseFixture().sets[0]
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			var n int64
			for i, k := range small.keys {
				if j, ok := slices.BinarySearch(large.keys, k); ok {
					n += gallopLen(small.ctrs[i].arr, large.ctrs[j].arr)
				}
			}
			_ = n
		}
	})
	b.Run("baseline-full-merge", func(b *testing.B) {
		small, large := skewFixture(), sparseFixture().sets[0]
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			var n int64
			for i, k := range small.keys {
				if j, ok := slices.BinarySearch(large.keys, k); ok {
					n += mergeLanes(small.ctrs[i].arr, large.ctrs[j].arr)
				}
			}
			_ = n
		}
	})
	b.Run("roaring64", func(b *testing.B) {
		small := roaring64.New()
		small.AddMany(skewFixture().AppendTo(nil))
		large := sparseRoaring64().bms[0]
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			small.AndCardinality(large)
		}
	})
}

// BenchmarkIntersectLadder measures IntersectionLen over sizes 10 … 10⁶ of
// sparse IDs (two independent sets sharing about 30 %).
func BenchmarkIntersectLadder(b *testing.B) {
	for _, n := range []int{10, 1_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			f := buildFixture(uint64(n), 1<<36, n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				IntersectionLen(f.sets[0], f.sets[1])
			}
			idsettest.PerID(b, n)
		})
	}
}

// BenchmarkAdd measures loading n unsorted IDs (Add, then the first read
// sorts and builds the buckets).
func BenchmarkAdd(b *testing.B) {
	for _, n := range []int{10, 1_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			r := rand.New(rand.NewPCG(uint64(n), 5))
			ids := make([]uint64, n)
			for i := range ids {
				ids[i] = r.Uint64N(1 << 36)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				s := NewSet(ids...)
				s.Len()
			}
			idsettest.PerID(b, n)
		})
	}
}
