package audience

import (
	"cmp"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"

	"github.com/influencekit/influencekit/internal/idset/idsettest"
	"github.com/influencekit/influencekit/internal/theta"

	"github.com/shopspring/decimal"
)

// Benchmark fixtures are built once per test binary, lazily, and only by the
// benchmarks that need them (sync.OnceValue), so `-bench . -benchtime 1x`
// pays each setup once. The benchmarks of the set engine itself (10⁷-ID
// intersections against roaring, the skewed case, the size ladder, loading)
// are in internal/idset.

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

// matrixSets returns n sets of 1,000 IDs each, drawn from a population of
// 10⁶ dense IDs with a Zipf-like popularity, so pairs overlap unevenly.
func matrixSets(n int) []*Set {
	r := rand.New(rand.NewPCG(uint64(n), 7))
	sets := make([]*Set, n)
	for i := range sets {
		ids := make([]uint64, 1_000)
		for j := range ids {
			x := r.Float64()
			ids[j] = uint64(x * x * 1_000_000)
		}
		sets[i] = NewSet(ids...)
		sets[i].Len()
	}
	return sets
}

// BenchmarkOverlapMatrix computes all-pairs overlaps of 100 and 1,000 exact
// sets in parallel (joined), against the pairwise baseline; the 1,000 case
// does 100× the pairs of the 100 case.
func BenchmarkOverlapMatrix(b *testing.B) {
	for _, n := range []int{100, 1_000} {
		b.Run(fmt.Sprintf("sets=%d", n), func(b *testing.B) {
			sets := matrixSets(n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				OverlapMatrix(sets, 0)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n*(n-1)/2), "ns/pair")
		})
		// Baseline: pair by pair, the method of v0.2.0 (and of sets too
		// large to join).
		b.Run(fmt.Sprintf("sets=%d/baseline-pairwise", n), func(b *testing.B) {
			sets := matrixSets(n)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				m := &Matrix{n: n, sizes: make([]int64, n), shared: make([]int64, n*n)}
				pairwiseShared(m, sets, 0)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n*(n-1)/2), "ns/pair")
		})
	}
}

// Sketch fixtures: the two sparse 10⁶-ID sets and their k = 4096 sketches.
type sketchFixture struct {
	sets     [2]*Set
	sketches [2]*Sketch
}

var sketch6 = sync.OnceValue(func() *sketchFixture {
	f := buildFixture(6, 1<<36, 1_000_000)
	out := &sketchFixture{sets: f.sets}
	for i, s := range f.sets {
		sk, err := SketchOf(s, 0)
		if err != nil {
			panic(err)
		}
		sk.Estimate() // snapshot outside the timed loop
		out.sketches[i] = sk
	}
	return out
})

// BenchmarkSketchIntersect compares a k = 4096 sketch intersection with the
// exact intersection of the 10⁶-ID sets the sketches summarise.
func BenchmarkSketchIntersect(b *testing.B) {
	b.Run("sketch-k4096", func(b *testing.B) {
		f := sketch6()
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			OverlapSketches(f.sketches[0], f.sketches[1])
		}
	})
	b.Run("baseline-exact-1e6", func(b *testing.B) {
		f := sketch6()
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			IntersectionLen(f.sets[0], f.sets[1])
		}
	})
}

// matrixSketches returns n k = 4096 sketches of audiences of 8,000 IDs each
// from a population of 10⁶ with Zipf-like popularity (so each sketch is in
// estimation mode and pairs overlap unevenly). Built once per size.
var matrixSketches = func() func(n int) []*Sketch {
	var mu sync.Mutex
	cache := map[int][]*Sketch{}
	return func(n int) []*Sketch {
		mu.Lock()
		defer mu.Unlock()
		if s, ok := cache[n]; ok {
			return s
		}
		r := rand.New(rand.NewPCG(uint64(n), 8))
		out := make([]*Sketch, n)
		for i := range out {
			s := &Sketch{}
			for range 8_000 {
				x := r.Float64()
				s.Add(uint64(x * x * 1_000_000))
			}
			s.Estimate()
			out[i] = s
		}
		cache[n] = out
		return out
	}
}()

// BenchmarkSketchOverlapMatrix compares every pair of 100 and 1,000 sketches
// in parallel; ns/pair shows the scaling (the 1,000 case has 100× the pairs).
// These audiences share a Zipf-like population, so pairs overlap heavily
// (the join's worst case); pairwise is the baseline, the method of v0.2.0.
func BenchmarkSketchOverlapMatrix(b *testing.B) {
	for _, n := range []int{100, 1_000} {
		benchMatrixMethods(b, fmt.Sprintf("sketches=%d", n), func() []*Sketch { return matrixSketches(n) }, true)
	}
}

// benchMatrixMethods runs SketchOverlapMatrix (joined from 16 sketches on)
// and, as the baseline, the pairwise method on the same sketches.
func benchMatrixMethods(b *testing.B, name string, fixture func() []*Sketch, baseline bool) {
	b.Run(name, func(b *testing.B) {
		sk := fixture()
		n := len(sk)
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			SketchOverlapMatrix(sk, 0)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n*(n-1)/2), "ns/pair")
	})
	if !baseline {
		return
	}
	b.Run(name+"/baseline-pairwise", func(b *testing.B) {
		sk := fixture()
		n := len(sk)
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			pairwiseCounts(snapshotMatrix(sk), 0)
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n*(n-1)/2), "ns/pair")
	})
}

// poolSketches returns n k = 4096 sketches of audiences drawn from one pool
// of 5·10⁶ IDs, audience j of a_j IDs, a_j log-uniform in [10⁵, 10⁶], each
// pool ID in audience j independently with probability a_j ÷ 5·10⁶, so
// that pair (i, j) shares about a_i·a_j ÷ 5·10⁶ IDs: the overlap of the
// smaller audience, max(a_i, a_j) ÷ 5·10⁶, runs 2–20 %. The sketches are
// exact, not approximations: membership is a fixed function of (ID, j), and
// sketch j holds the 4,096 smallest hashes of its members, found by walking
// the pool in hash order (about 4,096·5·10⁶ ÷ a_j steps), with θ the
// 4,097-th, what SketchOf of the 10⁵–10⁶-ID set would give (10⁹ hashes
// in all would take minutes to add). Built once per n.
var poolSketches = func() func(n int) []*Sketch {
	var mu sync.Mutex
	cache := map[int][]*Sketch{}
	return func(n int) []*Sketch {
		mu.Lock()
		defer mu.Unlock()
		if s, ok := cache[n]; ok {
			return s
		}
		const pool, k = 5_000_000, 1 << DefaultSketchLgK
		// The pool's hashes below θ = 0.1 in order (every sketch's θ is
		// below 0.05: 4,097 members of 10⁵ need about 0.041).
		type entry struct{ h, id uint64 }
		var low []entry
		for id := range uint64(pool) {
			if h := theta.HashUint64(id); h < theta.MaxTheta/10 {
				low = append(low, entry{h, id})
			}
		}
		slices.SortFunc(low, func(a, b entry) int { return cmp.Compare(a.h, b.h) })
		r := rand.New(rand.NewPCG(uint64(n), 15))
		out := make([]*Sketch, n)
		for j := range out {
			a := math.Exp(math.Log(1e5) + r.Float64()*math.Log(10))
			cut := uint64(a / pool * (1 << 63))
			salt := r.Uint64()
			hs := make([]uint64, 0, k+1)
			for _, e := range low {
				if splitmix(e.id^salt)>>1 < cut {
					if hs = append(hs, e.h); len(hs) == k+1 {
						break
					}
				}
			}
			out[j] = &Sketch{lgK: DefaultSketchLgK, c: theta.ExactFromHashes(hs[:k], hs[k])}
		}
		cache[n] = out
		return out
	}
}()

// splitmix is the SplitMix64 finaliser: a fixed pseudo-random function.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// BenchmarkSketchOverlapMatrixJoin is the issue-15 target: 1,000 (and
// 5,000) sketches at k = 4096 of 10⁵–10⁶-ID audiences from one pool,
// overlap 2–20 %, joined, against the pairwise baseline at 1,000 (at 5,000
// the baseline would take about 25× its 1,000 time and is not run).
func BenchmarkSketchOverlapMatrixJoin(b *testing.B) {
	for _, n := range []int{100, 1_000, 5_000} {
		benchMatrixMethods(b, fmt.Sprintf("pool/sketches=%d", n), func() []*Sketch { return poolSketches(n) }, n <= 1_000)
	}
}

// universeFixture translates the two sparse 10⁶-ID sets of sketch6 through a
// shared Universe, so their IDs become dense (0 … |A∪B|−1).
type universeFixture struct {
	sets        [2]*Set
	setBytes    float64 // heap bytes per ID of the translated sets[0]
	dictBytes   float64 // heap bytes per distinct ID of the dictionary
	sparseBytes float64 // SizeInBytes per ID of the untranslated sets[0]
}

var universe6 = sync.OnceValue(func() *universeFixture {
	src := sketch6().sets
	out := &universeFixture{sparseBytes: float64(src[0].SizeInBytes()) / float64(src[0].Len())}
	var u *Universe
	ids := [2][]uint64{src[0].AppendTo(nil), src[1].AppendTo(nil)}
	// Assign dense IDs over the union in platform-ID order, as a dictionary
	// built from a global follower list would: both sets then spread over
	// 0 … |A∪B|−1 (no set gets a contiguous run for free).
	all := Union(src[0], src[1]).AppendTo(nil)
	out.dictBytes = idsettest.HeapBytes(func() {
		u = NewUniverse()
		for _, x := range all {
			if _, err := u.ID(x); err != nil {
				panic(err)
			}
		}
	}) / float64(u.Len())
	for i, part := range ids {
		dense := make([]uint64, len(part))
		for j, x := range part {
			id, _ := u.Lookup(x)
			dense[j] = uint64(id)
		}
		build := func() { out.sets[i] = NewSet(dense...); out.sets[i].Len() }
		if i == 0 {
			out.setBytes = idsettest.HeapBytes(build) / float64(len(part))
		} else {
			build()
		}
		runtime.KeepAlive(dense) // measured above as live, so it must stay live
	}
	return out
})

// BenchmarkIntersectUniverse intersects two 10⁶-ID sets after dense remapping
// through a shared Universe (set-bytes/ID: the remapped set; dict-bytes/ID:
// the Universe, per distinct ID; sparse-bytes/ID: the same set unmapped); compare with
// internal/idset BenchmarkIntersectLadder/1000000
// (the same sets, sparse).
func BenchmarkIntersectUniverse(b *testing.B) {
	f := universe6()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		IntersectionLen(f.sets[0], f.sets[1])
	}
	idsettest.PerID(b, 1_000_000)
	b.ReportMetric(f.setBytes, "set-bytes/ID")
	b.ReportMetric(f.dictBytes, "dict-bytes/ID")
	b.ReportMetric(f.sparseBytes, "sparse-bytes/ID")
}

func categories(n int, seed uint64) Distribution {
	r := rand.New(rand.NewPCG(seed, 1))
	d := Distribution{}
	for i := range n {
		d[fmt.Sprintf("c%04d", i)] = decimal.NewFromInt(r.Int64N(10_000))
	}
	d["c0000"] = decimal.NewFromInt(1) // never all zero
	return d
}

// BenchmarkMeasures times each distribution measure over 10 and 1,000
// categories (the exact decimal arithmetic dominates).
func BenchmarkMeasures(b *testing.B) {
	for _, n := range []int{10, 1_000} {
		p, q := categories(n, 1), categories(n, 2)
		for name, fn := range map[string]func(p, q Distribution) (decimal.Decimal, error){
			"Match": Match, "Hellinger": Hellinger, "JensenShannon": JensenShannon, "Cosine": Cosine,
		} {
			b.Run(fmt.Sprintf("%s/%d", name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := fn(p, q); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkMeasuresAtLimits times each measure on the costliest input the
// limits admit: 1,000 categories of 1,000-digit values at exponents +1000
// and −1000 alternately (p and q mirrored), so that every sum and product
// spans thousands of digits. Measured on a shared, loaded 2-core machine:
// 12–35 ms a call for most measures and 50–95 ms for JensenShannon, that is
// at most about 0.1 ms per category (before log domain and the cheaper
// decimal→big.Float conversion, JensenShannon took 124 ms here).
func BenchmarkMeasuresAtLimits(b *testing.B) {
	nines := new(big.Int).Sub(new(big.Int).Exp(big.NewInt(10), big.NewInt(MaxDigits), nil), big.NewInt(1))
	p, q := Distribution{}, Distribution{}
	for i := range 1_000 {
		e := int32(MaxExponent)
		if i%2 == 1 {
			e = -e
		}
		p[fmt.Sprintf("c%04d", i)] = decimal.NewFromBigInt(nines, e)
		q[fmt.Sprintf("c%04d", i)] = decimal.NewFromBigInt(nines, -e)
	}
	for _, m := range hostileMeasures {
		b.Run(m.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := m.fn(p, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
