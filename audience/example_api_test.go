package audience_test

import (
	"errors"
	"fmt"

	"github.com/influencekit/influencekit/audience"
)

// Every expected output below is worked out by hand in the comment beside
// it; none is pasted from a run.

func ExampleTotalVariation() {
	p := audience.Distribution{"F": d("1"), "M": d("1")} // 0.5, 0.5
	q := audience.Distribution{"F": d("3"), "M": d("1")} // 0.75, 0.25
	tv, err := audience.TotalVariation(p, q)
	if err != nil {
		panic(err)
	}
	// ½ (|0.5−0.75| + |0.5−0.25|) = ½ · 0.5 = 0.25
	fmt.Println(tv)
	// Output: 0.25
}

func ExampleJensenShannon() {
	p := audience.Distribution{"TR": d("1")}
	q := audience.Distribution{"DE": d("1")}
	disjoint, err := audience.JensenShannon(p, q)
	if err != nil {
		panic(err)
	}
	same, err := audience.JensenShannon(p, p)
	if err != nil {
		panic(err)
	}
	// Disjoint: m = (½, ½), JS = ½·1·log₂(1/½) + ½·1·log₂(1/½) = 1 bit.
	// Identical: every log₂(pᵢ/mᵢ) = log₂ 1 = 0.
	fmt.Println(disjoint, same)
	// Output: 1 0
}

func ExampleCosine() {
	// Interest vectors, normalised to (0.3, 0.4, 0.3) and (0.4, 0.3, 0.3).
	p := audience.Distribution{"fitness": d("6"), "food": d("8"), "travel": d("6")}
	q := audience.Distribution{"fitness": d("8"), "food": d("6"), "travel": d("6")}
	c, err := audience.Cosine(p, q)
	if err != nil {
		panic(err)
	}
	// (0.12 + 0.12 + 0.09) / (√0.34 · √0.34) = 0.33 / 0.34
	// = 0.97058823529411764…, rounded to 16 places: 0.9705882352941176
	fmt.Println(c)
	// Output: 0.9705882352941176
}

func ExampleBhattacharyya() {
	p := audience.Distribution{"18-24": d("1"), "25-34": d("1")}  // 0.5, 0.5
	q := audience.Distribution{"18-24": d("2"), "25-34": d("98")} // 0.02, 0.98
	bc, err := audience.Bhattacharyya(p, q)
	if err != nil {
		panic(err)
	}
	// √(0.5·0.02) + √(0.5·0.98) = √0.01 + √0.49 = 0.1 + 0.7 = 0.8
	fmt.Println(bc)
	// Output: 0.8
}

func ExampleOnTargetShare() {
	target := audience.Distribution{"18-24": d("1"), "25-34": d("1")}
	actual := audience.Distribution{"18-24": d("30"), "25-34": d("40"), "35-44": d("30")}
	s, err := audience.OnTargetShare(target, actual)
	if err != nil {
		panic(err)
	}
	// (30 + 40) / 100 = 0.7
	fmt.Println(s)
	// Output: 0.7
}

func ExampleUnknownShare() {
	country := audience.Distribution{"TR": d("80"), "DE": d("20"), audience.Unknown: d("25")}
	u, err := audience.UnknownShare(country)
	if err != nil {
		panic(err)
	}
	// 25 / (80 + 20 + 25) = 25/125 = 0.2
	fmt.Println(u)
	// Output: 0.2
}

func ExampleZ95() {
	// Φ⁻¹(0.975) = 1.959963984540054… (any table of the standard normal
	// quantile, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.1).
	fmt.Println(audience.Z95())
	// Output: 1.959963984540054
}

func ExampleIntersectionLen() {
	a := audience.NewSet(1, 2, 3)
	b := audience.NewSet(1, 3, 5)
	// {1,2,3} ∩ {1,3,5} = {1,3}
	fmt.Println(audience.IntersectionLen(a, b))
	// Output: 2
}

func ExampleNewSet() {
	s := audience.NewSet(30, 10, 20, 10) // 10 counts once
	fmt.Println(s.Len(), s.Contains(20), s.Contains(40))
	// Output: 3 true false
}

func ExampleNewSetFromSorted() {
	s := audience.NewSetFromSorted([]uint64{5, 5, 7, 1 << 40})
	fmt.Println(s.Len(), s.AppendTo(nil))
	// Output: 3 [5 7 1099511627776]
}

func ExampleUnion() {
	u := audience.Union(audience.NewSet(1, 2, 3), audience.NewSet(1, 4), audience.NewSet(1, 3, 5))
	fmt.Println(u.AppendTo(nil))
	// Output: [1 2 3 4 5]
}

func ExampleIntersect() {
	i := audience.Intersect(audience.NewSet(1, 2, 3), audience.NewSet(1, 3, 5), audience.NewSet(3, 1))
	fmt.Println(i.AppendTo(nil))
	// Output: [1 3]
}

func ExampleDifference() {
	// Followers of A that B does not reach: {1,2,3} \ {1,3,5} = {2}.
	fmt.Println(audience.Difference(audience.NewSet(1, 2, 3), audience.NewSet(1, 3, 5)).AppendTo(nil))
	// Output: [2]
}

func ExampleSet_Add() {
	var s audience.Set // the zero value is an empty set
	s.Add(9, 7)
	s.Add(7, 8)
	fmt.Println(s.Len())
	// Output: 3
}

func ExampleSet_All() {
	s := audience.NewSet(1<<36, 3, 1)
	for id := range s.All() { // ascending
		fmt.Println(id)
	}
	// Output:
	// 1
	// 3
	// 68719476736
}

func ExampleSet_AppendTo() {
	ids := audience.NewSet(2, 1).AppendTo([]uint64{100})
	fmt.Println(ids)
	// Output: [100 1 2]
}

func ExampleSet_Clone() {
	a := audience.NewSet(1, 2)
	b := a.Clone()
	b.Add(3) // a is unchanged
	fmt.Println(a.Len(), b.Len())
	// Output: 2 3
}

func ExampleSet_Contains() {
	s := audience.NewSet(1, 1<<40)
	fmt.Println(s.Contains(1<<40), s.Contains(2))
	// Output: true false
}

func ExampleSet_Len() {
	var empty *audience.Set // nil reads as the empty set
	fmt.Println(audience.NewSet(4, 4, 5).Len(), empty.Len())
	// Output: 2 0
}

func ExampleSet_SizeInBytes() {
	// 1,000 sparse IDs in one 2³²-wide bucket are kept as a sorted array of
	// their low 32 bits: 4 bytes an ID, plus one bucket header.
	s := &audience.Set{}
	for i := range uint64(1000) {
		s.Add(i * 1000)
	}
	perID := float64(s.SizeInBytes()) / float64(s.Len())
	fmt.Println(perID >= 4, perID <= 4.5)
	// Output: true true
}

func ExampleNewSketch() {
	s, err := audience.NewSketch(audience.DefaultSketchLgK)
	if err != nil {
		panic(err)
	}
	fmt.Println(s.LgK())
	// lgK must lie in [MinSketchLgK, MaxSketchLgK].
	_, err = audience.NewSketch(1)
	fmt.Println(errors.Is(err, audience.ErrInvalid))
	// Output:
	// 12
	// true
}

func ExampleSketchOf() {
	set := audience.NewSet()
	for id := range uint64(1000) {
		set.Add(id)
	}
	s, err := audience.SketchOf(set, 0) // 0: k = 2¹² = 4096
	if err != nil {
		panic(err)
	}
	e := s.Estimate()
	// 1,000 ≤ k distinct IDs: the sketch holds them all, so it is exact.
	fmt.Println(s.LgK(), e.Value, e.Low, e.High, e.Exact)
	// Output: 12 1000 1000 1000 true
}

func ExampleSketch_Add() {
	var s audience.Sketch // zero value: an empty sketch with k = 4096
	s.Add(1, 2, 3, 2)
	fmt.Println(s.Estimate().Value)
	// Output: 3
}

func ExampleSketch_AddString() {
	var s audience.Sketch
	s.AddString("@ada", "@bob", "@ada")
	fmt.Println(s.Estimate().Value)
	// Output: 2
}

func ExampleSketch_Estimate() {
	s, err := audience.NewSketch(audience.MinSketchLgK) // k = 2⁵ = 32
	if err != nil {
		panic(err)
	}
	for id := range uint64(100_000) {
		s.Add(id)
	}
	e := s.Estimate()
	// A 2-standard-deviation interval around the estimate: RSE ≈ 1/√(k−1)
	// = 1/√31 ≈ 18 %, so the bounds lie well inside ±50 % of 100,000.
	lo, hi := d("50000"), d("150000")
	fmt.Println(e.Exact, e.Low.LessThan(e.Value), e.Value.LessThan(e.High), e.Low.GreaterThan(lo), e.High.LessThan(hi))
	// Output: false true true true true
}

func ExampleSketch_IsExact() {
	s, err := audience.NewSketch(audience.MinSketchLgK) // k = 32
	if err != nil {
		panic(err)
	}
	for id := range uint64(32) {
		s.Add(id)
	}
	atK := s.IsExact()
	s.Add(1000, 1001) // now 34 > k distinct IDs: sampling begins
	fmt.Println(atK, s.IsExact())
	// Output: true false
}

func ExampleSketch_LgK() {
	var zero audience.Sketch
	s, err := audience.NewSketch(16)
	if err != nil {
		panic(err)
	}
	// The zero Sketch has the default size k = 2¹² = 4096.
	fmt.Println(zero.LgK(), s.LgK())
	// Output: 12 16
}

func ExampleSketch_MarshalBinary() {
	var s audience.Sketch
	s.Add(1, 2, 3)
	b, err := s.MarshalBinary()
	if err != nil {
		panic(err)
	}
	// DataSketches compact theta, serial version 3: an 8-byte preamble
	// word, 8 bytes of count, then one 8-byte hash per ID = 8+8+3·8 = 40.
	// (An exact sketch omits the θ word.)
	fmt.Println(len(b), b[1]) // b[1] is the serial version
	var back audience.Sketch
	if err := back.UnmarshalBinary(b); err != nil {
		panic(err)
	}
	fmt.Println(back.Estimate().Value)
	// Output:
	// 40 3
	// 3
}

func ExampleSketch_MarshalCompressed() {
	var s audience.Sketch
	for id := range uint64(1000) {
		s.Add(id)
	}
	b, err := s.MarshalCompressed()
	if err != nil {
		panic(err)
	}
	var back audience.Sketch
	if err := back.UnmarshalBinary(b); err != nil {
		panic(err)
	}
	// Serial version 4 (delta-coded hashes), smaller than the 8 bytes per
	// hash of version 3, and decoding gives the same 1,000 IDs.
	fmt.Println(b[1], len(b) < 8*1000, back.Estimate().Value)
	// Output: 4 true 1000
}

func ExampleSketch_UnmarshalBinary() {
	var s audience.Sketch
	// Bytes that are not a sketch are an error, never a panic.
	err := s.UnmarshalBinary([]byte{1, 2, 3})
	fmt.Println(errors.Is(err, audience.ErrSketchTruncated) || errors.Is(err, audience.ErrSketchCorrupt))
	// Output: true
}

func ExampleUniverse_ID() {
	u := audience.NewUniverse()
	a, _ := u.ID(1 << 40) // dense IDs in order of first appearance
	b, _ := u.ID(7)
	c, _ := u.ID(1 << 40)
	fmt.Println(a, b, c, u.Len())
	// Output: 0 1 0 2
}

func ExampleUniverse_IDString() {
	var u audience.Universe
	a, _ := u.IDString("@ada")
	b, _ := u.IDString("@bob")
	fmt.Println(a, b)
	// Output: 0 1
}

func ExampleUniverse_Lookup() {
	u := audience.NewUniverse()
	if _, err := u.Set(500, 600); err != nil {
		panic(err)
	}
	id, ok := u.Lookup(600)
	_, missing := u.Lookup(700) // Lookup never assigns
	fmt.Println(id, ok, missing, u.Len())
	// Output: 1 true false 2
}

func ExampleUniverse_LookupString() {
	u := audience.NewUniverse()
	if _, err := u.SetOfStrings("@ada", "@bob"); err != nil {
		panic(err)
	}
	id, ok := u.LookupString("@bob")
	fmt.Println(id, ok)
	// Output: 1 true
}

func ExampleUniverse_Set() {
	u := audience.NewUniverse()
	a, err := u.Set(1<<40, 1<<41, 1<<42)
	if err != nil {
		panic(err)
	}
	b, err := u.Set(1<<41, 1<<43)
	if err != nil {
		panic(err)
	}
	// Both sets are over dense IDs 0…3; only 2⁴¹ is shared.
	fmt.Println(audience.Overlap(a, b).Shared, audience.UniqueReach(a, b), u.Len())
	// Output: 1 4 4
}

func ExampleUniverse_Len() {
	var u audience.Universe
	if _, err := u.SetOfStrings("@a", "@b", "@a"); err != nil {
		panic(err)
	}
	fmt.Println(u.Len())
	// Output: 2
}

func ExampleMatrix_Size() {
	m := audience.OverlapMatrix([]*audience.Set{audience.NewSet(1, 2, 3), audience.NewSet(1, 4)}, 1)
	s0, _ := m.Size(0)
	s1, _ := m.Size(1)
	_, ok := m.Size(2) // only two sets
	fmt.Println(m.N(), s0, s1, ok)
	// Output: 2 3 2 false
}

func ExampleMatrix_Pair_sketches() {
	var a, b audience.Sketch
	a.Add(1, 2, 3)
	b.Add(2, 3, 4, 5)
	m := audience.SketchOverlapMatrix([]*audience.Sketch{&a, &b}, 1)
	p, ok := m.Pair(1, 0) // A = sketch 1, B = sketch 0
	// {2,3,4,5} vs {1,2,3}: both 2, only A 2, only B 1, union 5, Jaccard 2/5.
	fmt.Println(ok, p.Shared, p.OnlyA, p.OnlyB, p.Union, p.Jaccard)
	_, ok = m.Pair(0, 2)
	fmt.Println(ok)
	// Output:
	// true 2 2 1 5 0.4
	// false
}
