package idset

import (
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
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

func TestSetAgainstMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	sizes := []int{0, 1, 2, 10, 100, 5000, 40000}
	for trial := 0; trial < 60; trial++ {
		na, nb := sizes[r.IntN(len(sizes))], sizes[r.IntN(len(sizes))]
		sa, sb := r.IntN(5), r.IntN(5)
		if r.IntN(3) == 0 {
			sb = sa
		}
		ia, ib := genIDs(r, sa, na), genIDs(r, sb, nb)
		// Load in two batches with a read between, to exercise merging
		// pending IDs into existing buckets.
		a := NewSet(ia[:na/2]...)
		_ = a.Len()
		a.Add(ia[na/2:]...)
		b := NewSetFromSorted(refOf(ib).sorted())
		ra, rb := refOf(ia), refOf(ib)
		if got, want := a.Len(), int64(len(ra)); got != want {
			t.Fatalf("trial %d: Len = %d, want %d", trial, got, want)
		}
		if got := a.AppendTo(nil); !slices.Equal(got, ra.sorted()) {
			t.Fatalf("trial %d: AppendTo differs", trial)
		}
		if got := slices.Collect(a.All()); !slices.Equal(got, ra.sorted()) {
			t.Fatalf("trial %d: All differs", trial)
		}
		and, or, not := refAnd(ra, rb), refOr(ra, rb), refNot(ra, rb)
		if got, want := IntersectionLen(a, b), int64(len(and)); got != want {
			t.Fatalf("trial %d (shapes %d,%d sizes %d,%d): IntersectionLen = %d, want %d", trial, sa, sb, na, nb, got, want)
		}
		if got, want := a.CountNotIn(b), int64(len(not)); got != want {
			t.Fatalf("trial %d: CountNotIn = %d, want %d", trial, got, want)
		}
		checkSet(t, "Intersect", Intersect(a, b), and)
		checkSet(t, "Union", Union(a, b), or)
		checkSet(t, "Difference", Difference(a, b), not)
		checkSet(t, "Clone", a.Clone(), ra)
		if got, want := UniqueReach(a, b, a), int64(len(or)); got != want {
			t.Fatalf("trial %d: UniqueReach = %d, want %d", trial, got, want)
		}
		for _, id := range ib[:min(len(ib), 50)] {
			_, want := ra[id]
			if got := a.Contains(id); got != want {
				t.Fatalf("trial %d: Contains(%d) = %v, want %v", trial, id, got, want)
			}
		}
	}
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

// TestLayouts crosses every representation (wide flat, sorted-array
// buckets, roaring buckets, empty) in every operation, against the map.
func TestLayouts(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	kinds := map[string][]uint64{
		"wide":   genIDs(r, 3, 3000),                    // full 64-bit range: flat
		"wide2":  append(genIDs(r, 3, 500), 1, 2, 3, 7), // flat, sharing some small IDs
		"arrays": genIDs(r, 0, 30000),                   // 16 buckets of sorted arrays
		"bitmap": genIDs(r, 1, 30000),                   // one roaring bucket
		"empty":  nil,
	}
	// Share IDs across kinds so intersections are not trivially empty.
	kinds["arrays"] = append(kinds["arrays"], kinds["wide"][:100]...)
	kinds["bitmap"] = append(kinds["bitmap"], kinds["arrays"][:100]...)
	kinds["wide"] = append(kinds["wide"], kinds["bitmap"][:300]...)
	sets := map[string]*Set{}
	for name, ids := range kinds {
		sets[name] = NewSet(ids...)
		sets[name].Len() // settle before looking inside
	}
	if !sets["wide"].wide || sets["arrays"].wide || sets["bitmap"].wide || sets["bitmap"].ctrs[0].bm == nil {
		t.Fatal("fixtures do not have the intended representations")
	}
	if got := float64(sets["wide"].SizeInBytes()) / float64(sets["wide"].Len()); got > 8.5 {
		t.Errorf("wide set: %.2f bytes/ID, want about 8", got)
	}
	for na, a := range sets {
		for nb, b := range sets {
			ra, rb := refOf(kinds[na]), refOf(kinds[nb])
			name := na + "×" + nb
			if got, want := IntersectionLen(a, b), int64(len(refAnd(ra, rb))); got != want {
				t.Fatalf("%s: IntersectionLen = %d, want %d", name, got, want)
			}
			checkSet(t, name+" Union", Union(a, b), refOr(ra, rb))
			checkSet(t, name+" Intersect", Intersect(a, b), refAnd(ra, rb))
			checkSet(t, name+" Difference", Difference(a, b), refNot(ra, rb))
			c := a.Clone()
			c.Add(kinds[nb]...)
			checkSet(t, name+" Add", c, refOr(ra, rb))
			for _, id := range kinds[nb][:min(20, len(kinds[nb]))] {
				if _, want := ra[id]; a.Contains(id) != want {
					t.Fatalf("%s: Contains(%d) = %v", name, id, !want)
				}
			}
		}
	}
}
