package audience

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

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
