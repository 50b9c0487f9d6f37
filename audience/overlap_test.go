package audience

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/influencekit/influencekit/internal/idset/idsettest"
)

func TestExclusiveAndFrequency(t *testing.T) {
	// {1,2,3}, {1,4}, {1,3,5}: 2 only in the first, 4 only in the second,
	// 5 only in the third; 1 and 3 are shared.
	sets := []*Set{NewSet(1, 2, 3), NewSet(1, 4), NewSet(1, 3, 5)}
	if diff := cmp.Diff([]int64{1, 1, 1}, Exclusive(sets...)); diff != "" {
		t.Errorf("Exclusive (-want +got):\n%s", diff)
	}
	// Total follows 3+2+3 = 8 over 5 people: 8/5 = 1.6.
	f, err := ExpectedFrequency(sets...)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(dec("1.6"), f); diff != "" {
		t.Errorf("ExpectedFrequency (-want +got):\n%s", diff)
	}
	// A nil set, and the same set twice: nothing of it is exclusive.
	a := NewSet(7, 8)
	if diff := cmp.Diff([]int64{0, 0, 0, 1}, Exclusive(a, a, nil, NewSet(9))); diff != "" {
		t.Errorf("Exclusive with repeats (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int64{2}, Exclusive(a)); diff != "" {
		t.Errorf("Exclusive of one (-want +got):\n%s", diff)
	}
	if got := Exclusive(); len(got) != 0 {
		t.Errorf("Exclusive() = %v", got)
	}
}

func TestGroupAgainstMap(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for trial := 0; trial < 20; trial++ {
		k := 1 + r.IntN(6)
		sets := make([]*Set, k)
		refs := make([]idsettest.Ref, k)
		for i := range sets {
			ids := idsettest.GenIDs(r, r.IntN(5), r.IntN(3000))
			sets[i], refs[i] = NewSet(ids...), idsettest.RefOf(ids)
		}
		// Exclusive: count IDs of set i in no other set.
		want := make([]int64, k)
		for i := range refs {
			for id := range refs[i] {
				alone := true
				for j := range refs {
					if j != i {
						if _, ok := refs[j][id]; ok {
							alone = false
						}
					}
				}
				if alone {
					want[i]++
				}
			}
		}
		if diff := cmp.Diff(want, Exclusive(sets...)); diff != "" {
			t.Fatalf("trial %d Exclusive (-want +got):\n%s", trial, diff)
		}
		if got, w := UniqueReach(sets...), int64(len(idsettest.Or(refs...))); got != w {
			t.Fatalf("trial %d UniqueReach = %d, want %d", trial, got, w)
		}
		inter := refs[0]
		for _, rr := range refs[1:] {
			inter = idsettest.And(inter, rr)
		}
		idsettest.CheckSet(t, "Intersect", Intersect(sets...), inter)
		m := OverlapMatrix(sets, 1+r.IntN(4))
		for i := range sets {
			for j := range sets {
				if got, ok := m.Shared(i, j); !ok || got != int64(len(idsettest.And(refs[i], refs[j]))) {
					t.Fatalf("trial %d matrix[%d][%d] = %d, %v, want %d", trial, i, j, got, ok, len(idsettest.And(refs[i], refs[j])))
				}
				if got, ok := m.Size(i); !ok || got != int64(len(refs[i])) {
					t.Fatalf("trial %d Size(%d) = %d, %v, want %d", trial, i, got, ok, len(refs[i]))
				}
				if got, ok := m.Pair(i, j); !ok {
					t.Fatalf("Pair(%d, %d) not ok", i, j)
				} else if diff := cmp.Diff(Overlap(sets[i], sets[j]), got); diff != "" {
					t.Fatalf("Pair (-want +got):\n%s", diff)
				}
			}
		}
	}
}

func TestUniverse(t *testing.T) {
	u := NewUniverse()
	a, err := u.Set(900_000_000_001, 900_000_000_002, 900_000_000_001)
	if err != nil {
		t.Fatal(err)
	}
	b, err := u.SetOfStrings("@ada", "@bob")
	if err != nil {
		t.Fatal(err)
	}
	// Dense IDs in order of first appearance: 0, 1 for the numbers, 2, 3
	// for the handles.
	if diff := cmp.Diff([]uint64{0, 1}, a.AppendTo(nil)); diff != "" {
		t.Errorf("a (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]uint64{2, 3}, b.AppendTo(nil)); diff != "" {
		t.Errorf("b (-want +got):\n%s", diff)
	}
	if id, ok := u.Lookup(900_000_000_002); !ok || id != 1 {
		t.Errorf("Lookup = %d, %v", id, ok)
	}
	if _, ok := u.LookupString("@eve"); ok {
		t.Error("LookupString found a stranger")
	}
	if id, _ := u.IDString("@ada"); id != 2 {
		t.Errorf("IDString(@ada) = %d, want 2", id)
	}
	if u.Len() != 4 {
		t.Errorf("Len = %d, want 4", u.Len())
	}
	full := &Universe{n: 1 << 32}
	if _, err := full.ID(1); !errors.Is(err, ErrTooLarge) {
		t.Errorf("full universe: %v", err)
	}
}

// TestMatrixOutOfRange checks that the matrices' accessors answer ok=false
// for every index outside [0, N()) instead of panicking or, as Shared once
// did for (0, 5) of a 3×3 matrix, reading another pair's cell.
func TestMatrixOutOfRange(t *testing.T) {
	sets := []*Set{NewSet(1, 2, 3), NewSet(1, 4), NewSet(1, 3, 5)}
	m := OverlapMatrix(sets, 1)
	var empty Matrix
	var nilM *Matrix
	var nilSM *Matrix // v0.1's nil *SketchMatrix
	sk := make([]*Sketch, len(sets))
	for i, s := range sets {
		var err error
		if sk[i], err = SketchOf(s, MinSketchLgK); err != nil {
			t.Fatal(err)
		}
	}
	sm := SketchOverlapMatrix(sk, 1)
	bad := [][2]int{{-1, 0}, {0, -1}, {3, 0}, {0, 3}, {0, 5}, {1, 4}, {2, 3}, {-1, -1}, {1 << 40, 0}}
	for _, ij := range bad {
		i, j := ij[0], ij[1]
		if v, ok := m.Shared(i, j); ok || v != 0 {
			t.Errorf("Shared(%d, %d) = %d, %v; want 0, false", i, j, v, ok)
		}
		if p, ok := m.Pair(i, j); ok || p != (Pair{}) {
			t.Errorf("Pair(%d, %d) = %+v, %v; want zero, false", i, j, p, ok)
		}
		if _, ok := sm.Pair(i, j); ok {
			t.Errorf("sketched Matrix.Pair(%d, %d) ok", i, j)
		}
		if v, ok := sm.Shared(i, j); ok || v != 0 {
			t.Errorf("sketched Matrix.Shared(%d, %d) = %d, %v; want 0, false", i, j, v, ok)
		}
		if _, ok := empty.Pair(i, j); ok {
			t.Errorf("empty Matrix Pair(%d, %d) ok", i, j)
		}
		if _, ok := nilM.Shared(i, j); ok {
			t.Errorf("nil Matrix Shared(%d, %d) ok", i, j)
		}
		if _, ok := nilSM.Pair(i, j); ok {
			t.Errorf("nil sketched Matrix Pair(%d, %d) ok", i, j)
		}
	}
	if nilM.N() != 0 || nilSM.N() != 0 {
		t.Errorf("nil matrices: N = %d, %d; want 0", nilM.N(), nilSM.N())
	}
	if _, ok := nilM.Size(0); ok {
		t.Error("nil Matrix Size(0) ok")
	}
	for _, i := range []int{-1, 3, 1 << 40} {
		if v, ok := m.Size(i); ok || v != 0 {
			t.Errorf("Size(%d) = %d, %v; want 0, false", i, v, ok)
		}
	}
	// {1,2,3} ∩ {1,3,5} = {1,3}: 2 shared, by hand.
	if v, ok := m.Shared(2, 0); !ok || v != 2 {
		t.Errorf("Shared(2, 0) = %d, %v; want 2, true", v, ok)
	}
	// The sketches are exact (3 IDs each ≤ k): the same figures.
	if v, ok := sm.Shared(2, 0); !ok || v != 2 {
		t.Errorf("sketched Shared(2, 0) = %d, %v; want 2, true", v, ok)
	}
	if v, ok := sm.Size(1); !ok || v != 2 {
		t.Errorf("sketched Size(1) = %d, %v; want 2 ({1, 4}), true", v, ok)
	}
	if _, ok := sm.Size(3); ok {
		t.Error("sketched Size(3) ok")
	}
}
