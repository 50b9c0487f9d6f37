package audience

import (
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// ref is the slow, obvious reference: a Go map.
type ref map[uint64]struct{}

func refOf(ids []uint64) ref {
	r := ref{}
	for _, id := range ids {
		r[id] = struct{}{}
	}
	return r
}

func (r ref) sorted() []uint64 { return slices.Sorted(maps.Keys(r)) }

func refAnd(a, b ref) ref {
	out := ref{}
	for k := range a {
		if _, ok := b[k]; ok {
			out[k] = struct{}{}
		}
	}
	return out
}

func refOr(rs ...ref) ref {
	out := ref{}
	for _, r := range rs {
		for k := range r {
			out[k] = struct{}{}
		}
	}
	return out
}

func refNot(a, b ref) ref {
	out := ref{}
	for k := range a {
		if _, ok := b[k]; !ok {
			out[k] = struct{}{}
		}
	}
	return out
}

// genIDs draws n IDs of one of several shapes, so that tests reach every
// container kind and both intersection algorithms.
func genIDs(r *rand.Rand, shape, n int) []uint64 {
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

func checkSet(t *testing.T, name string, s *Set, want ref) {
	t.Helper()
	got := s.AppendTo(nil)
	w := want.sorted()
	if !slices.Equal(got, w) {
		t.Fatalf("%s: got %d IDs, want %d (first got %v, first want %v)", name, len(got), len(w), got[:min(5, len(got))], w[:min(5, len(w))])
	}
	if s.Len() != int64(len(w)) {
		t.Fatalf("%s: Len = %d, want %d", name, s.Len(), len(w))
	}
}

// TestContractExamples checks the worked examples of DESIGN.md.
func TestContractExamples(t *testing.T) {
	// {1,2,3} ∪ {1,4} ∪ {1,3,5} = {1,2,3,4,5}: 5 people.
	if got := UniqueReach(NewSet(1, 2, 3), NewSet(1, 4), NewSet(1, 3, 5)); got != 5 {
		t.Errorf("UniqueReach = %d, want 5", got)
	}
	// A: IDs 0…9,999; B: IDs 9,000…28,999 (20,000 IDs), sharing 9,000…9,999.
	a, b := &Set{}, &Set{}
	for i := uint64(0); i < 10000; i++ {
		a.Add(i)
	}
	for i := uint64(9000); i < 29000; i++ {
		b.Add(i)
	}
	got := Overlap(a, b)
	want := Pair{
		Shared: 1000, OnlyA: 9000, OnlyB: 19000, Union: 29000,
		// 1000/29000 = 1/29 = 0.03448275862068965517… → 16 places, half away from zero.
		Jaccard:   decimal.RequireFromString("0.0344827586206897"),
		OfSmaller: decimal.RequireFromString("0.1"), // 1000/10000
	}
	if diff := cmp.Diff(asExact(want), got); diff != "" {
		t.Errorf("Overlap (-want +got):\n%s", diff)
	}
}

// asExact returns p marked exact, with Low and High equal to its figures:
// what every Pair of two Sets is.
func asExact(p Pair) Pair {
	p.Exact = true
	p.Low = PairBound{Shared: p.Shared, OnlyA: p.OnlyA, OnlyB: p.OnlyB, Union: p.Union, Jaccard: p.Jaccard, OfSmaller: p.OfSmaller}
	p.High = p.Low
	return p
}

func TestOverlapEmptyAndNil(t *testing.T) {
	zero := asExact(Pair{Jaccard: decimal.Zero, OfSmaller: decimal.Zero})
	for name, c := range map[string][2]*Set{
		"nil,nil":     {nil, nil},
		"empty,empty": {NewSet(), &Set{}},
		"nil,empty":   {nil, NewSet()},
	} {
		if diff := cmp.Diff(zero, Overlap(c[0], c[1])); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
	// One empty side: no overlap; Union is the other side; OfSmaller 0 by convention.
	want := asExact(Pair{OnlyB: 3, Union: 3, Jaccard: decimal.Zero, OfSmaller: decimal.Zero})
	if diff := cmp.Diff(want, Overlap(nil, NewSet(1, 2, 3))); diff != "" {
		t.Errorf("nil,{1,2,3} (-want +got):\n%s", diff)
	}
	if UniqueReach() != 0 || UniqueReach(nil) != 0 || UniqueReach(nil, nil, nil) != 0 {
		t.Error("UniqueReach of nothing is not 0")
	}
	var s *Set
	s.Add(1) // no panic
	if s.Len() != 0 || s.Contains(1) || s.CountNotIn(nil) != 0 {
		t.Error("nil set is not empty")
	}
}
