package theta

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/influencekit/influencekit/internal/sorted"
)

// randomSketches returns n sketches of a shared pool: sketch i holds the
// pool IDs it draws with its own probability, at lgK 5…9, so thetas,
// sizes and overlaps all differ; some are empty, nil, exact or hand-made.
func randomSketches(r *rand.Rand, n int) []*Compact {
	out := make([]*Compact, n)
	for i := range out {
		switch r.IntN(12) {
		case 0:
			continue // nil: the empty sketch
		case 1:
			out[i] = NewClamped(DefaultLgK).Compact() // built, nothing added
			continue
		case 2: // hand-made, not uniform: clustered small hashes
			hs := make([]uint64, 50+r.IntN(200))
			for k := range hs {
				hs[k] = 1 + uint64(r.IntN(300))
			}
			out[i] = ExactFromHashes(hs, MaxTheta)
			continue
		}
		s := NewClamped(MinLgK + r.IntN(5))
		p := r.Float64()
		pool := 200 + r.IntN(20_000)
		for id := range pool {
			if r.Float64() < p {
				s.Add(uint64(id))
			}
		}
		c := s.Compact()
		if r.IntN(2) == 0 {
			c, _ = c.Trim(s.LgK())
		}
		out[i] = c
	}
	return out
}

// TestJoinCountsDifferential: the joined counts equal the pair-by-pair
// merges, and PairFrom with them equals Compare, for every pair of random
// sketches and every number of workers.
func TestJoinCountsDifferential(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 5))
	defer func(v int) { chunkTarget = v }(chunkTarget)
	for round := range 12 {
		// Half the rounds with chunks of about 64 hashes: many chunk
		// boundaries, some inside runs of hand-made equal-valued buckets.
		chunkTarget = []int{1 << 15, 64}[round/6]
		n := []int{0, 1, 2, 3, 17, 60}[round%6]
		cs := randomSketches(r, n)
		for _, workers := range []int{0, 1, 3} {
			got := JoinCounts(cs, workers)
			if len(got) != max(0, n*(n-1)/2) {
				t.Fatalf("n=%d: %d counts", n, len(got))
			}
			for i := range n {
				for j := i + 1; j < n; j++ {
					want := Compare(cs[i], cs[j])
					both := int(got[TriangleIndex(n, i, j)])
					if both != want.Both {
						t.Fatalf("round %d n=%d workers %d pair (%d,%d): joined %d, merged %d", round, n, workers, i, j, both, want.Both)
					}
					if p := PairFrom(cs[i], cs[j], both); p != want {
						t.Fatalf("PairFrom %+v, Compare %+v", p, want)
					}
				}
			}
		}
	}
}

// TestJoinCountsWorked: three hand-made sketches. a = {1, 2, 3, 4}, b =
// {2, 3, 5}, c = {3, 4, 5, 6}: a∩b = {2, 3} (2), a∩c = {3, 4} (2), b∩c =
// {3, 5} (2); hash 3 is in all three, so its run adds 1 to each pair.
func TestJoinCountsWorked(t *testing.T) {
	a := ExactFromHashes([]uint64{1, 2, 3, 4}, MaxTheta)
	b := ExactFromHashes([]uint64{2, 3, 5}, MaxTheta)
	c := ExactFromHashes([]uint64{3, 4, 5, 6}, MaxTheta)
	got := JoinCounts([]*Compact{a, b, c}, 1)
	if want := []uint32{2, 2, 2}; len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestJoinSortedDifferential: any ascending distinct uint64 lists (0 and
// 2⁶⁴−1 included, values spread over the whole range or clustered),
// joined, give the pairwise merge counts.
func TestJoinSortedDifferential(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 6))
	defer func(v int) { chunkTarget = v }(chunkTarget)
	for round := range 8 {
		chunkTarget = []int{1 << 15, 16}[round%2]
		n := 2 + r.IntN(40)
		lists := make([][]uint64, n)
		for i := range lists {
			set := map[uint64]bool{}
			for range r.IntN(300) {
				switch r.IntN(4) {
				case 0:
					set[r.Uint64()] = true
				case 1:
					set[uint64(r.IntN(500))] = true // clustered low, 0 included
				case 2:
					set[math.MaxUint64-uint64(r.IntN(500))] = true // clustered high
				default:
					set[1<<40+uint64(r.IntN(2000))] = true
				}
			}
			for v := range set {
				lists[i] = append(lists[i], v)
			}
			slices.Sort(lists[i])
		}
		for _, workers := range []int{1, 2} {
			got := JoinSorted(lists, workers)
			for i := range n {
				for j := i + 1; j < n; j++ {
					if want := sorted.CountCommon(lists[i], lists[j]); int(got[TriangleIndex(n, i, j)]) != want {
						t.Fatalf("round %d pair (%d,%d): joined %d, merged %d", round, i, j, got[TriangleIndex(n, i, j)], want)
					}
				}
			}
		}
	}
}
