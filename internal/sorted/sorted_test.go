package sorted

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// reference computes the three operations with a map, the obvious way.
func reference(a, b []uint64) (union, inter, diff []uint64) {
	inB := map[uint64]bool{}
	for _, x := range b {
		inB[x] = true
	}
	seen := map[uint64]bool{}
	for _, x := range a {
		seen[x] = true
		if inB[x] {
			inter = append(inter, x)
		} else {
			diff = append(diff, x)
		}
	}
	union = append(union, a...)
	for _, x := range b {
		if !seen[x] {
			union = append(union, x)
		}
	}
	slices.Sort(union)
	return union, inter, diff
}

func set(r *rand.Rand, n int, max uint64) []uint64 {
	s := make([]uint64, n)
	for i := range s {
		s[i] = r.Uint64N(max)
	}
	slices.Sort(s)
	return slices.Compact(s)
}

func check(t *testing.T, a, b []uint64) {
	t.Helper()
	wu, wi, wd := reference(a, b)
	if got := Union(a, b); !slices.Equal(got, wu) {
		t.Errorf("Union(%v, %v) = %v, want %v", a, b, got, wu)
	}
	if got := Intersect(a, b); !slices.Equal(got, wi) {
		t.Errorf("Intersect(%v, %v) = %v, want %v", a, b, got, wi)
	}
	if got := Difference(a, b); !slices.Equal(got, wd) {
		t.Errorf("Difference(%v, %v) = %v, want %v", a, b, got, wd)
	}
}

func TestWorked(t *testing.T) {
	// {1,3,5,7} and {3,4,5}: union {1,3,4,5,7}, common {3,5}, only in a {1,7}.
	a, b := []uint64{1, 3, 5, 7}, []uint64{3, 4, 5}
	if got, want := Union(a, b), []uint64{1, 3, 4, 5, 7}; !slices.Equal(got, want) {
		t.Errorf("Union = %v, want %v", got, want)
	}
	if got, want := Intersect(a, b), []uint64{3, 5}; !slices.Equal(got, want) {
		t.Errorf("Intersect = %v, want %v", got, want)
	}
	if got, want := Difference(a, b), []uint64{1, 7}; !slices.Equal(got, want) {
		t.Errorf("Difference = %v, want %v", got, want)
	}
	if got := Intersect[uint32](nil, []uint32{1}); len(got) != 0 {
		t.Errorf("Intersect(nil, {1}) = %v, want empty", got)
	}
}

func TestRandomAgainstMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		check(t, set(r, r.IntN(60), 100), set(r, r.IntN(60), 100))
	}
}

func FuzzOps(f *testing.F) {
	f.Add([]byte{1, 3, 5, 7}, []byte{3, 4, 5})
	f.Fuzz(func(t *testing.T, ra, rb []byte) {
		conv := func(bs []byte) []uint64 {
			s := make([]uint64, len(bs))
			for i, x := range bs {
				s[i] = uint64(x)
			}
			slices.Sort(s)
			return slices.Compact(s)
		}
		check(t, conv(ra), conv(rb))
	})
}

// TestSelect checks Select against slices.Sort on random slices with many
// duplicates (values drawn from a small range) and on distinct ones, for
// every k.
func TestSelect(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 300; trial++ {
		n := 1 + rng.IntN(40)
		span := 1 + rng.IntN(2*n)
		a := make([]float64, n)
		for i := range a {
			a[i] = float64(rng.IntN(span))
		}
		want := slices.Clone(a)
		slices.Sort(want)
		for k := range n {
			b := slices.Clone(a)
			Select(b, k)
			if b[k] != want[k] {
				t.Fatalf("Select(%v, %d): a[k] = %v, want %v", a, k, b[k], want[k])
			}
			for i := range k {
				if b[i] > b[k] {
					t.Fatalf("Select(%v, %d): a[%d] = %v > a[k] = %v", a, k, i, b[i], b[k])
				}
			}
			for i := k + 1; i < n; i++ {
				if b[i] < b[k] {
					t.Fatalf("Select(%v, %d): a[%d] = %v < a[k] = %v", a, k, i, b[i], b[k])
				}
			}
		}
	}
	b := []uint64{3, 1, 2}
	Select(b, 7) // out of range: unchanged
	if !slices.Equal(b, []uint64{3, 1, 2}) {
		t.Errorf("Select out of range changed the slice: %v", b)
	}
}
