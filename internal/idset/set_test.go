package idset

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/influencekit/influencekit/internal/idset/idsettest"
)

func TestSetAgainstMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	sizes := []int{0, 1, 2, 10, 100, 5000, 40000}
	for trial := 0; trial < 60; trial++ {
		na, nb := sizes[r.IntN(len(sizes))], sizes[r.IntN(len(sizes))]
		sa, sb := r.IntN(5), r.IntN(5)
		if r.IntN(3) == 0 {
			sb = sa
		}
		ia, ib := idsettest.GenIDs(r, sa, na), idsettest.GenIDs(r, sb, nb)
		// Load in two batches with a read between, to exercise merging
		// pending IDs into existing buckets.
		a := NewSet(ia[:na/2]...)
		_ = a.Len()
		a.Add(ia[na/2:]...)
		b := NewSetFromSorted(idsettest.RefOf(ib).Sorted())
		ra, rb := idsettest.RefOf(ia), idsettest.RefOf(ib)
		if got, want := a.Len(), int64(len(ra)); got != want {
			t.Fatalf("trial %d: Len = %d, want %d", trial, got, want)
		}
		if got := a.AppendTo(nil); !slices.Equal(got, ra.Sorted()) {
			t.Fatalf("trial %d: AppendTo differs", trial)
		}
		if got := slices.Collect(a.All()); !slices.Equal(got, ra.Sorted()) {
			t.Fatalf("trial %d: All differs", trial)
		}
		and, or, not := idsettest.And(ra, rb), idsettest.Or(ra, rb), idsettest.Not(ra, rb)
		if got, want := IntersectionLen(a, b), int64(len(and)); got != want {
			t.Fatalf("trial %d (shapes %d,%d sizes %d,%d): IntersectionLen = %d, want %d", trial, sa, sb, na, nb, got, want)
		}
		if got, want := a.CountNotIn(b), int64(len(not)); got != want {
			t.Fatalf("trial %d: CountNotIn = %d, want %d", trial, got, want)
		}
		idsettest.CheckSet(t, "Intersect", Intersect(a, b), and)
		idsettest.CheckSet(t, "Union", Union(a, b), or)
		idsettest.CheckSet(t, "Difference", Difference(a, b), not)
		idsettest.CheckSet(t, "Clone", a.Clone(), ra)
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

// TestLayouts crosses every representation (wide flat, sorted-array
// buckets, roaring buckets, empty) in every operation, against the map.
func TestLayouts(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	kinds := map[string][]uint64{
		"wide":   idsettest.GenIDs(r, 3, 3000),                    // full 64-bit range: flat
		"wide2":  append(idsettest.GenIDs(r, 3, 500), 1, 2, 3, 7), // flat, sharing some small IDs
		"arrays": idsettest.GenIDs(r, 0, 30000),                   // 16 buckets of sorted arrays
		"bitmap": idsettest.GenIDs(r, 1, 30000),                   // one roaring bucket
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
			ra, rb := idsettest.RefOf(kinds[na]), idsettest.RefOf(kinds[nb])
			name := na + "×" + nb
			if got, want := IntersectionLen(a, b), int64(len(idsettest.And(ra, rb))); got != want {
				t.Fatalf("%s: IntersectionLen = %d, want %d", name, got, want)
			}
			idsettest.CheckSet(t, name+" Union", Union(a, b), idsettest.Or(ra, rb))
			idsettest.CheckSet(t, name+" Intersect", Intersect(a, b), idsettest.And(ra, rb))
			idsettest.CheckSet(t, name+" Difference", Difference(a, b), idsettest.Not(ra, rb))
			c := a.Clone()
			c.Add(kinds[nb]...)
			idsettest.CheckSet(t, name+" Add", c, idsettest.Or(ra, rb))
			for _, id := range kinds[nb][:min(20, len(kinds[nb]))] {
				if _, want := ra[id]; a.Contains(id) != want {
					t.Fatalf("%s: Contains(%d) = %v", name, id, !want)
				}
			}
		}
	}
}
