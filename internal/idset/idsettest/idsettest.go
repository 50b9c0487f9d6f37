// Package idsettest holds the helpers that the tests and benchmarks of
// internal/idset (the follower-set engine) and of audience (its public
// face) share: a Go map as the slow, obvious reference set, generators of
// IDs of every shape the engine distinguishes, and the benchmark fixtures'
// draws and measures. It is a normal package so that both packages' _test
// files can import it; nothing outside tests uses it.
package idsettest

import (
	"maps"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// Ref is the slow, obvious reference: a Go map.
type Ref map[uint64]struct{}

// RefOf returns the set of ids.
func RefOf(ids []uint64) Ref {
	r := Ref{}
	for _, id := range ids {
		r[id] = struct{}{}
	}
	return r
}

// Sorted returns r's IDs in increasing order.
func (r Ref) Sorted() []uint64 { return slices.Sorted(maps.Keys(r)) }

// And returns a ∩ b.
func And(a, b Ref) Ref {
	out := Ref{}
	for k := range a {
		if _, ok := b[k]; ok {
			out[k] = struct{}{}
		}
	}
	return out
}

// Or returns the union of rs.
func Or(rs ...Ref) Ref {
	out := Ref{}
	for _, r := range rs {
		for k := range r {
			out[k] = struct{}{}
		}
	}
	return out
}

// Not returns a \ b.
func Not(a, b Ref) Ref {
	out := Ref{}
	for k := range a {
		if _, ok := b[k]; !ok {
			out[k] = struct{}{}
		}
	}
	return out
}

// GenIDs draws n IDs of one of several shapes (0 to 4; any other is the
// mixture), so that tests reach every container kind and both intersection
// algorithms.
func GenIDs(r *rand.Rand, shape, n int) []uint64 {
	ids := make([]uint64, n)
	for i := range ids {
		switch shape {
		case 0: // sparse 64-bit below 2^36
			ids[i] = r.Uint64N(1 << 36)
		case 1: // dense: small range, bitmap containers
			ids[i] = r.Uint64N(uint64(n) + 10)
		case 2: // tiny range, many duplicates
			ids[i] = r.Uint64N(64)
		case 3: // full 64-bit range, including the top bucket
			ids[i] = r.Uint64() | uint64(r.IntN(2))<<63
		default: // mixture of dense and sparse in the same bucket
			if r.IntN(2) == 0 {
				ids[i] = r.Uint64N(20000)
			} else {
				ids[i] = r.Uint64N(1 << 32)
			}
		}
	}
	return ids
}

// Set is what CheckSet reads of a set: idset.Set and audience.Set.
type Set interface {
	AppendTo(dst []uint64) []uint64
	Len() int64
}

// CheckSet fails t, naming the set name, unless s holds exactly want's IDs
// (by AppendTo, in increasing order) and its Len is their number.
func CheckSet(t testing.TB, name string, s Set, want Ref) {
	t.Helper()
	got := s.AppendTo(nil)
	w := want.Sorted()
	if !slices.Equal(got, w) {
		t.Fatalf("%s: got %d IDs, want %d (first got %v, first want %v)", name, len(got), len(w), got[:min(5, len(got))], w[:min(5, len(w))])
	}
	if s.Len() != int64(len(w)) {
		t.Fatalf("%s: Len = %d, want %d", name, s.Len(), len(w))
	}
}

// Bernoulli returns the sorted IDs i in [0, limit) each kept with
// probability p (0 < p < 1), by geometric gaps (O(number kept)).
func Bernoulli(r *rand.Rand, limit uint64, p float64) []uint64 {
	out := make([]uint64, 0, int(float64(limit)*p*1.01)+16)
	x := uint64(0)
	for {
		// Gap ~ Geometric(p) via the exponential distribution.
		x += uint64(r.ExpFloat64() / -math.Log(1-p))
		if x >= limit {
			return out
		}
		out = append(out, x)
		x++
	}
}

// Mixed returns a sorted set of about |a| IDs: a share of a, plus fresh
// Bernoulli IDs below limit, so two fixtures overlap by about share.
func Mixed(r *rand.Rand, a []uint64, share float64, limit uint64) []uint64 {
	var keep []uint64
	for _, x := range a {
		if r.Float64() < share {
			keep = append(keep, x)
		}
	}
	fresh := Bernoulli(r, limit, float64(len(a))*(1-share)/float64(limit))
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

// HeapBytes returns the live heap growth caused by build, after GC.
func HeapBytes(build func()) float64 {
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	build()
	runtime.GC()
	runtime.ReadMemStats(&m1)
	return float64(int64(m1.HeapAlloc) - int64(m0.HeapAlloc))
}

// PerID reports b's time per operation divided by n as the metric "ns/ID".
func PerID(b *testing.B, n int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/ID")
}

// Overlapping draws the benchmarks' two ID lists from the PCG stream
// (seed, 99): about n sorted IDs below limit by Bernoulli, then a Mixed
// list sharing about 30 % of them.
func Overlapping(seed, limit uint64, n int) [2][]uint64 {
	r := rand.New(rand.NewPCG(seed, 99))
	a := Bernoulli(r, limit, float64(n)/float64(limit))
	return [2][]uint64{a, Mixed(r, a, 0.3, limit)}
}
