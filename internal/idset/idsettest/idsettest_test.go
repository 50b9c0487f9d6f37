package idsettest

import (
	"math/rand/v2"
	"slices"
	"testing"
)

type sliceSet []uint64

func (s sliceSet) AppendTo(dst []uint64) []uint64 { return append(dst, s...) }
func (s sliceSet) Len() int64                     { return int64(len(s)) }

func TestRefOps(t *testing.T) {
	a, b := RefOf([]uint64{3, 1, 2, 3}), RefOf([]uint64{2, 4})
	for _, c := range []struct {
		name      string
		got, want []uint64
	}{
		{"RefOf", a.Sorted(), []uint64{1, 2, 3}}, // duplicates once, sorted
		{"And", And(a, b).Sorted(), []uint64{2}},
		{"Or", Or(a, b, Ref{}).Sorted(), []uint64{1, 2, 3, 4}},
		{"Not", Not(a, b).Sorted(), []uint64{1, 3}},
	} {
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	CheckSet(t, "slice", sliceSet{1, 2, 3}, a)
}

func TestDraws(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for shape := range 6 {
		if ids := GenIDs(r, shape, 100); len(ids) != 100 {
			t.Errorf("GenIDs(shape %d): %d IDs", shape, len(ids))
		}
	}
	// 10⁵ draws at p = 0.1: about 10⁴ kept (σ = 95), sorted and distinct.
	a := Bernoulli(r, 100_000, 0.1)
	if len(a) < 9_500 || len(a) > 10_500 || !slices.IsSorted(a) || len(slices.Compact(slices.Clone(a))) != len(a) || a[len(a)-1] >= 100_000 {
		t.Errorf("Bernoulli: %d IDs", len(a))
	}
	// Mixed keeps about 30 % of a and draws 0.7·|a| fresh IDs at density
	// 0.07, of which a tenth fall on a's IDs: about 0.3 + 0.7·0.1 = 0.37·|a|
	// shared, and 0.3 + 0.7 − 0.07 = 0.93·|a| IDs.
	m := Mixed(r, a, 0.3, 100_000)
	shared := len(And(RefOf(a), RefOf(m)))
	if !slices.IsSorted(m) || len(m) < len(a)*9/10 || len(m) > len(a)*11/10 || shared < len(a)*25/100 || shared > len(a)*40/100 {
		t.Errorf("Mixed: %d IDs, %d shared of %d", len(m), shared, len(a))
	}
	if h := HeapBytes(func() {}); h > 1<<20 {
		t.Errorf("HeapBytes of nothing: %v", h)
	}
}

func TestOverlapping(t *testing.T) {
	// The same stream as Bernoulli then Mixed from rand.NewPCG(seed, 99):
	// the benchmarks' fixtures are the ones they always drew.
	r := rand.New(rand.NewPCG(7, 99))
	a := Bernoulli(r, 1<<20, 10_000.0/(1<<20))
	b := Mixed(r, a, 0.3, 1<<20)
	got := Overlapping(7, 1<<20, 10_000)
	if !slices.Equal(got[0], a) || !slices.Equal(got[1], b) {
		t.Errorf("Overlapping: %d and %d IDs, want %d and %d", len(got[0]), len(got[1]), len(a), len(b))
	}
}
