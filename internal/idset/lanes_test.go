package idset

import (
	"math/rand/v2"
	"testing"
)

// sortedFrom turns deltas into a strictly increasing array starting at
// start: element i is start + Σ_{k≤i} (1 + deltas[k]).
func sortedFrom[T uint32 | uint64](start T, deltas []T) []T {
	out := make([]T, len(deltas))
	v := start
	for i, d := range deltas {
		if i > 0 {
			v += 1 + d
		}
		out[i] = v
	}
	return out
}

// countCommon is the obvious |a ∩ b|: a set lookup per element of b.
func countCommon[T comparable](a, b []T) int64 {
	in := make(map[T]bool, len(a))
	for _, x := range a {
		in[x] = true
	}
	var n int64
	for _, y := range b {
		if in[y] {
			n++
		}
	}
	return n
}

// checkLanes compares mergeLanes with the obvious count, both ways round,
// on exact-length copies (cap == len), so a read one past the end of
// either side lands outside its allocation and -race's checkptr, or
// the wrong count, reports it.
func checkLanes[T uint32 | uint64](t *testing.T, name string, a, b []T) {
	t.Helper()
	a, b = append([]T(nil), a...), append([]T(nil), b...)
	want := countCommon(a, b)
	if got := mergeLanes(a, b); got != want {
		t.Errorf("%s: mergeLanes(a[%d], b[%d]) = %d, want %d", name, len(a), len(b), got, want)
	}
	if got := mergeLanes(b, a); got != want {
		t.Errorf("%s: mergeLanes(b[%d], a[%d]) = %d, want %d", name, len(b), len(a), got, want)
	}
}

// TestMergeLanesEdges walks mergeLanes through the cases where the unsafe
// pointer walk could read out of bounds or miscount: empty sides, sizes
// around laneMin and around a multiple of four, lanes whose b part is empty
// (one side exhausted before the other), lanes of exactly 16 and 17
// elements (the round threshold), matches at the very first and very last
// element, and the largest representable IDs at the end.
func TestMergeLanesEdges(t *testing.T) {
	seq := func(from, n, step uint64) []uint64 {
		out := make([]uint64, n)
		for i := range out {
			out[i] = from + uint64(i)*step
		}
		return out
	}
	type laneCase struct {
		name string
		a, b []uint64
	}
	cases := []laneCase{
		{"both empty", nil, nil},
		{"a empty", nil, seq(0, 300, 1)},
		{"b empty", seq(0, 300, 1), nil},
		{"one each", []uint64{7}, []uint64{7}},
	}
	for _, n := range []uint64{laneMin - 1, laneMin, laneMin + 1, laneMin + 2, laneMin + 3, 4*17 - 1, 4 * 17, 4*17 + 1, 4 * 16, 1001, 4096} {
		cases = append(cases,
			laneCase{"equal", seq(0, n, 1), seq(0, n, 1)},
			laneCase{"disjoint interleaved", seq(0, n, 2), seq(1, n, 2)},
			laneCase{"b entirely below a", seq(1000000, n, 1), seq(0, n, 1)},
			laneCase{"b entirely above a", seq(0, n, 1), seq(1000000, n, 1)},
			laneCase{"b inside first lane of a", seq(0, n, 1000), seq(1, n, 1)},
			laneCase{"b inside last lane of a", seq(0, n, 1000), seq(1000*(n-1)-n/2, n, 1)},
			laneCase{"last elements shared", seq(0, n, 3), append(seq(1, n-1, 3), 3*(n-1))},
			laneCase{"ends at max", seq(^uint64(0)-2*(n-1), n, 2), seq(^uint64(0)-(n-1), n, 1)},
			laneCase{"b ten times longer", seq(0, n, 10), seq(0, 10*n, 1)},
		)
	}
	for _, c := range cases {
		checkLanes(t, c.name, c.a, c.b)
		a32, b32 := make([]uint32, 0, len(c.a)), make([]uint32, 0, len(c.b))
		ok := true
		for _, x := range c.a {
			ok = ok && x <= 1<<32-1
			a32 = append(a32, uint32(x))
		}
		for _, x := range c.b {
			ok = ok && x <= 1<<32-1
			b32 = append(b32, uint32(x))
		}
		if ok {
			checkLanes(t, c.name+" (uint32)", a32, b32)
		}
	}
	// uint32 arrays ending at 2³²−1.
	a := sortedFrom(^uint32(0)-999, make([]uint32, 1000))
	checkLanes(t, "uint32 ends at max", a, a[3:])
	// Random sizes and densities against the map.
	r := rand.New(rand.NewPCG(3, 4))
	for trial := range 300 {
		na, nb := r.IntN(3000), r.IntN(3000)
		da, db := make([]uint64, na), make([]uint64, nb)
		spread := uint64(1) << r.IntN(6)
		for i := range da {
			da[i] = r.Uint64N(spread)
		}
		for i := range db {
			db[i] = r.Uint64N(spread)
		}
		checkLanes(t, "random", sortedFrom(r.Uint64N(8), da), sortedFrom(r.Uint64N(8), db))
		if t.Failed() {
			t.Fatalf("trial %d", trial)
		}
	}
}

// FuzzMergeLanes is the differential fuzz of the unsafe four-lane merge
// against the obvious count: the bytes give the gaps between consecutive IDs
// of each side (one byte a gap, so runs of shared IDs and long one-sided
// stretches are both easy to reach) and the sizes.
func FuzzMergeLanes(f *testing.F) {
	f.Add([]byte{0}, uint16(200), uint16(200), uint8(0), uint8(1))
	f.Add([]byte{1, 0, 3}, uint16(129), uint16(500), uint8(5), uint8(0))
	f.Add([]byte{255, 0}, uint16(1000), uint16(130), uint8(0), uint8(200))
	f.Fuzz(func(t *testing.T, gaps []byte, na, nb uint16, startA, startB uint8) {
		if len(gaps) == 0 {
			gaps = []byte{0}
		}
		mk := func(n int, start uint64, off int) []uint64 {
			d := make([]uint64, n%4096)
			for i := range d {
				d[i] = uint64(gaps[(i+off)%len(gaps)] >> (off % 3))
			}
			return sortedFrom(start, d)
		}
		a := mk(int(na), uint64(startA), 0)
		b := mk(int(nb), uint64(startB), len(gaps)/2+1)
		checkLanes(t, "fuzz", a, b)
		// The same shapes near the top of the uint64 range.
		base := ^uint64(0) - 1<<24
		ha, hb := make([]uint64, len(a)), make([]uint64, len(b))
		for i, x := range a {
			ha[i] = base + x
		}
		for i, x := range b {
			hb[i] = base + x
		}
		if len(a) > 0 && a[len(a)-1] < 1<<24 && (len(b) == 0 || b[len(b)-1] < 1<<24) {
			checkLanes(t, "fuzz top", ha, hb)
		}
	})
}
