package audience_test

import (
	"errors"
	"fmt"

	"github.com/influencekit/influencekit/audience"
)

// Every expected output below is worked out by hand in the comment beside
// it; none is pasted from a run.

func ExampleExclusive() {
	a := audience.NewSet(1, 2, 3, 4)
	b := audience.NewSet(3, 4, 5)
	c := audience.NewSet(4, 6)
	// a: 3 and 4 are also elsewhere, so {1, 2} → 2
	// b: 3 is in a, 4 in a and c, so {5} → 1
	// c: 4 is in a and b, so {6} → 1
	fmt.Println(audience.Exclusive(a, b, c))
	// The same set twice: none of its IDs is exclusive to either position.
	// A nil set is empty: a keeps all 4 of its IDs, nil has 0.
	fmt.Println(audience.Exclusive(a, a), audience.Exclusive(a, nil))
	// Output:
	// [2 1 1]
	// [0 0] [4 0]
}

func ExampleExpectedFrequency() {
	a := audience.NewSet(1, 2, 3, 4)
	b := audience.NewSet(3, 4, 5)
	c := audience.NewSet(4, 6)
	f, err := audience.ExpectedFrequency(a, b, c)
	if err != nil {
		panic(err)
	}
	// Σ|Sᵢ| = 4 + 3 + 2 = 9 follows; ⋃ = {1, 2, 3, 4, 5, 6} = 6 people.
	// 9 ÷ 6 = 1.5 follows per reached person.
	fmt.Println(f)
	_, err = audience.ExpectedFrequency() // empty union: 0 ÷ 0
	fmt.Println(errors.Is(err, audience.ErrEmpty))
	// Output:
	// 1.5
	// true
}

func ExampleNewUniverse() {
	u := audience.NewUniverse()
	fmt.Println(u.Len()) // nothing mapped yet
	// uint64 and string IDs share one dense numbering but are separate
	// namespaces: 42 gets 0, "42" is a different ID and gets 1.
	n, _ := u.ID(42)
	s, _ := u.IDString("42")
	fmt.Println(n, s, u.Len())
	// Output:
	// 0
	// 0 1 2
}

func ExampleMatrix_Pair() {
	m := audience.OverlapMatrix([]*audience.Set{
		audience.NewSet(1, 2, 3),
		audience.NewSet(2, 3, 4, 5),
	}, 1)
	p, ok := m.Pair(0, 1)
	// {1,2,3} vs {2,3,4,5}: shared {2,3} = 2, only A {1} = 1,
	// only B {4,5} = 2, union 3 + 4 − 2 = 5, Jaccard 2/5 = 0.4,
	// of smaller 2/min(3, 4) = 2/3 = 0.6666…, rounded to 16 places.
	fmt.Println(ok, p.Shared, p.OnlyA, p.OnlyB, p.Union, p.Jaccard, p.OfSmaller)
	p, ok = m.Pair(1, 1) // a set against itself: all shared, ratios 1
	fmt.Println(ok, p.Shared, p.OnlyA, p.OnlyB, p.Union, p.Jaccard, p.OfSmaller)
	_, ok = m.Pair(0, 2) // only sets 0 and 1 exist
	fmt.Println(ok)
	// Output:
	// true 2 1 2 5 0.4 0.6666666666666667
	// true 4 0 0 4 1 1
	// false
}

func ExampleMatrix_Shared() {
	m := audience.OverlapMatrix([]*audience.Set{
		audience.NewSet(1, 2, 3),
		audience.NewSet(2, 3, 4, 5),
		audience.NewSet(5, 6),
	}, 1)
	s01, _ := m.Shared(0, 1) // {2,3} → 2
	s12, _ := m.Shared(1, 2) // {5} → 1
	s02, _ := m.Shared(0, 2) // nothing in common → 0
	s22, _ := m.Shared(2, 2) // the diagonal is the size: 2
	_, ok := m.Shared(3, 0)  // no set 3
	fmt.Println(s01, s12, s02, s22, ok)
	// Output: 2 1 0 2 false
}

func ExampleUniverse_SetOfStrings() {
	u := audience.NewUniverse()
	// "@ada" → 0, "@bob" → 1; the repeated "@ada" is the same member.
	a, err := u.SetOfStrings("@ada", "@bob", "@ada")
	if err != nil {
		panic(err)
	}
	// "@bob" keeps 1, "@cy" is new → 2.
	b, err := u.SetOfStrings("@bob", "@cy")
	if err != nil {
		panic(err)
	}
	// a = {0, 1}, b = {1, 2}: 1 shared, 3 reached, 3 handles mapped.
	fmt.Println(a.Len(), b.Len(), audience.Overlap(a, b).Shared, audience.UniqueReach(a, b), u.Len())
	// Output: 2 2 1 3 3
}
