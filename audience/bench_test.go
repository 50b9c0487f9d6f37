package audience

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/RoaringBitmap/roaring/v2/roaring64"
)

// Benchmark fixtures are built once per test binary, lazily, and only by the
// benchmarks that need them (sync.OnceValue), so `-bench . -benchtime 1x`
// pays each 10⁷-ID setup once.

const bigN = 10_000_000

// bernoulli returns the sorted IDs i in [0, limit) each kept with
// probability p, by geometric gaps (O(number kept)).
func bernoulli(r *rand.Rand, limit uint64, p float64) []uint64 {
	out := make([]uint64, 0, int(float64(limit)*p*1.01)+16)
	x := uint64(0)
	for {
		// Gap ~ Geometric(p) via the exponential distribution.
		x += uint64(r.ExpFloat64() / -log1m(p))
		if x >= limit {
			return out
		}
		out = append(out, x)
		x++
	}
}

// log1m returns ln(1−p) for 0 < p < 1.
func log1m(p float64) float64 { return logf(1 - p) }

// mixed returns a sorted set of about |a| IDs: a share of a, plus fresh
// Bernoulli IDs below limit, so two fixtures overlap by about share.
func mixed(r *rand.Rand, a []uint64, share float64, limit uint64) []uint64 {
	var keep []uint64
	for _, x := range a {
		if r.Float64() < share {
			keep = append(keep, x)
		}
	}
	fresh := bernoulli(r, limit, float64(len(a))*(1-share)/float64(limit))
	out := make([]uint64, 0, len(keep)+len(fresh))
	i, j := 0, 0
	for i < len(keep) || j < len(fresh) {
		switch {
		case j == len(fresh) || (i < len(keep) && keep[i] < fresh[j]):
			out = append(out, keep[i])
			i++
		case i == len(keep) || fresh[j] < keep[i]:
			out = append(out, fresh[j])
			j++
		default:
			out = append(out, keep[i])
			i++
			j++
		}
	}
	return out
}

type fixture struct {
	ids  [2][]uint64
	sets [2]*Set
}

func buildFixture(seed uint64, limit uint64, n int) *fixture {
	r := rand.New(rand.NewPCG(seed, 99))
	f := &fixture{}
	f.ids[0] = bernoulli(r, limit, float64(n)/float64(limit))
	f.ids[1] = mixed(r, f.ids[0], 0.3, limit)
	for i := range f.ids {
		f.sets[i] = NewSetFromSorted(f.ids[i])
	}
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

var sparseRoaring64 = sync.OnceValue(func() [2]*roaring64.Bitmap {
	f := sparseFixture()
	var out [2]*roaring64.Bitmap
	for i, ids := range f.ids {
		bm := roaring64.New()
		bm.AddMany(ids)
		bm.RunOptimize()
		out[i] = bm
	}
	return out
})

func perID(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/ID")
}

func BenchmarkIntersectDense(b *testing.B) {
	b.Run("audience", func(b *testing.B) {
		f := denseFixture()
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			IntersectionLen(f.sets[0], f.sets[1])
		}
		perID(b, bigN)
		b.ReportMetric(float64(f.sets[0].SizeInBytes())/float64(f.sets[0].Len()), "bytes/ID")
	})
	b.Run("roaring", func(b *testing.B) {
		bm := denseRoaring()
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			bm[0].AndCardinality(bm[1])
		}
		perID(b, bigN)
		b.ReportMetric(float64(bm[0].GetSizeInBytes())/float64(bm[0].GetCardinality()), "bytes/ID")
	})
}

func BenchmarkIntersectSparse(b *testing.B) {
	b.Run("audience", func(b *testing.B) {
		f := sparseFixture()
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			IntersectionLen(f.sets[0], f.sets[1])
		}
		perID(b, bigN)
		b.ReportMetric(float64(f.sets[0].SizeInBytes())/float64(f.sets[0].Len()), "bytes/ID")
	})
	b.Run("roaring64", func(b *testing.B) {
		bm := sparseRoaring64()
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			bm[0].AndCardinality(bm[1])
		}
		perID(b, bigN)
		b.ReportMetric(float64(bm[0].GetSizeInBytes())/float64(bm[0].GetCardinality()), "bytes/ID")
	})
}

var _ = fmt.Sprint
