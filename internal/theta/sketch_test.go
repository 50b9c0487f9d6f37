package theta

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// truthBelow is the defining property of a theta sketch of a set S: it holds
// exactly the hashes of S's members that are below its theta. It returns
// those hashes, sorted, computed the slow obvious way.
func truthBelow(ids map[uint64]bool, theta uint64) []uint64 {
	var hs []uint64
	for id := range ids {
		if h := HashUint64(id); h != 0 && h < theta {
			hs = append(hs, h)
		}
	}
	slices.Sort(hs)
	return hs
}

func checkSketchOf(t *testing.T, what string, c *Compact, ids map[uint64]bool) {
	t.Helper()
	checkSketchOfE(t, what, c, ids, len(ids) == 0)
}

// checkSketchOfE is checkSketchOf with the expected emptiness given: the
// result of a set operation on non-empty sketches is non-empty even when it
// has no member (DataSketches semantics).
func checkSketchOfE(t *testing.T, what string, c *Compact, ids map[uint64]bool, empty bool) {
	t.Helper()
	if diff := cmp.Diff(truthBelow(ids, c.Theta()), c.Hashes()); diff != "" {
		t.Fatalf("%s: retained hashes are not exactly S's hashes below θ (-want +got)\n%s", what, diff)
	}
	if c.IsEmpty() != empty {
		t.Fatalf("%s: IsEmpty %v with %d ids", what, c.IsEmpty(), len(ids))
	}
}

// modelRetained is a slow model of the QuickSelect retention rule: accept
// distinct hashes below θ; when more than 15/16 of 2k are held, keep the k
// smallest and make the (k+1)-th the new θ.
func modelRetained(ids []uint64, lgK int) ([]uint64, uint64) {
	k := 1 << lgK
	limit := (2 * k) * 15 / 16
	theta := MaxTheta
	held := map[uint64]bool{}
	for _, id := range ids {
		h := HashUint64(id)
		if h == 0 || h >= theta || held[h] {
			continue
		}
		held[h] = true
		if len(held) > limit {
			all := make([]uint64, 0, len(held))
			for x := range held {
				all = append(all, x)
			}
			slices.Sort(all)
			theta = all[k]
			for _, x := range all[k:] {
				delete(held, x)
			}
		}
	}
	out := make([]uint64, 0, len(held))
	for x := range held {
		out = append(out, x)
	}
	slices.Sort(out)
	return out, theta
}

func TestNewLgK(t *testing.T) {
	for _, lgK := range []int{-1, 0, 4, 27, 64} {
		if _, err := New(lgK); !errors.Is(err, ErrLgK) {
			t.Errorf("New(%d) error %v, want ErrLgK", lgK, err)
		}
	}
	for _, lgK := range []int{MinLgK, DefaultLgK, 20, MaxLgK} {
		s, err := New(lgK)
		if err != nil || s.LgK() != lgK || !s.IsEmpty() || s.Estimate() != 0 {
			t.Errorf("New(%d): %v %v", lgK, s, err)
		}
	}
}

// TestExactBelowK: fewer than k distinct IDs, even with repeats, are
// counted exactly (θ stays 1).
func TestExactBelowK(t *testing.T) {
	tests := []struct {
		name string
		ids  []uint64
		want float64 // distinct IDs, counted by hand
	}{
		{"none", nil, 0},
		{"one", []uint64{42}, 1},
		{"repeats", []uint64{1, 2, 3, 1, 2, 3, 3, 3}, 3},
		{"contract example", []uint64{1, 2, 3, 1, 4, 1, 3, 5}, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := New(DefaultLgK)
			for _, id := range tt.ids {
				s.Add(id)
			}
			c := s.Compact()
			if s.Estimate() != tt.want || c.Estimate() != tt.want || c.IsEstimationMode() {
				t.Errorf("estimate %v / %v (estimation %v), want exactly %v", s.Estimate(), c.Estimate(), c.IsEstimationMode(), tt.want)
			}
			lo, hi := c.Bounds(3)
			if lo != tt.want || hi != tt.want {
				t.Errorf("bounds [%v, %v], want both %v in exact mode", lo, hi, tt.want)
			}
		})
	}
	// 4095 distinct IDs with lgK 12 never leave exact mode: the first rebuild
	// happens above 15/16 · 8192 = 7680 retained hashes.
	s, _ := New(12)
	for i := range uint64(4095) {
		s.Add(i * 7)
		s.Add(i * 7)
	}
	if s.Estimate() != 4095 || s.Theta() != MaxTheta {
		t.Errorf("4095 IDs: estimate %v θ %d", s.Estimate(), s.Theta())
	}
}

// TestSketchAgainstModel compares the hash table against the slow model and
// the defining property on random streams with repeats.
func TestSketchAgainstModel(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for trial := range 40 {
		lgK := MinLgK + trial%3
		n := r.IntN(2000)
		universe := uint64(1 + r.IntN(3000))
		ids := make([]uint64, n)
		set := map[uint64]bool{}
		for i := range ids {
			ids[i] = r.Uint64N(universe)
			set[ids[i]] = true
		}
		s, _ := New(lgK)
		for _, id := range ids {
			s.Add(id)
		}
		c := s.Compact()
		wantH, wantTheta := modelRetained(ids, lgK)
		if c.Theta() != wantTheta || !slices.Equal(c.Hashes(), wantH) {
			t.Fatalf("trial %d: θ %d (model %d), %d hashes (model %d)", trial, c.Theta(), wantTheta, c.Retained(), len(wantH))
		}
		checkSketchOf(t, "sketch", c, set)
		if s.Retained() != c.Retained() {
			t.Fatalf("Retained %d vs compact %d", s.Retained(), c.Retained())
		}
	}
}

func TestAddStringBytes(t *testing.T) {
	s, _ := New(MinLgK)
	s.AddString("")
	s.AddBytes(nil)
	if s.Retained() != 0 {
		t.Fatalf("empty inputs were retained")
	}
	s.AddString("@a")
	s.AddBytes([]byte("@a")) // same bytes: same hash, one distinct item
	s.AddString("@b")
	if s.Estimate() != 2 {
		t.Errorf("estimate %v, want 2", s.Estimate())
	}
}

// TestMergeAndSetOps checks Merge, Union, Intersect, ANotB and Trim against
// the defining property over exact sets, in and out of estimation mode.
func TestMergeAndSetOps(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for trial := range 60 {
		lgK := MinLgK + trial%2
		a, b := map[uint64]bool{}, map[uint64]bool{}
		universe := uint64(10 + r.IntN(400))
		for range r.IntN(300) {
			a[r.Uint64N(universe)] = true
		}
		for range r.IntN(300) {
			b[r.Uint64N(universe)] = true
		}
		sa, _ := New(lgK)
		sb, _ := New(lgK)
		for id := range a {
			sa.Add(id)
		}
		for id := range b {
			sb.Add(id)
		}
		ca, cb := sa.Compact(), sb.Compact()
		union, inter, diff := map[uint64]bool{}, map[uint64]bool{}, map[uint64]bool{}
		for id := range a {
			union[id] = true
			if b[id] {
				inter[id] = true
			} else {
				diff[id] = true
			}
		}
		for id := range b {
			union[id] = true
		}
		u := Union(ca, cb)
		checkSketchOf(t, "Union", u, union)
		i := Intersect(ca, cb)
		checkSketchOfE(t, "Intersect", i, inter, len(a) == 0 || len(b) == 0)
		d := ANotB(ca, cb)
		checkSketchOfE(t, "ANotB", d, diff, len(a) == 0)

		m, _ := New(lgK)
		m.Merge(ca)
		m.Merge(cb)
		m.Merge(nil)
		checkSketchOf(t, "Merge", m.Compact(), union)

		tr, err := u.Trim(lgK)
		if err != nil {
			t.Fatal(err)
		}
		if tr.Retained() > 1<<lgK {
			t.Fatalf("Trim kept %d > k", tr.Retained())
		}
		checkSketchOf(t, "Trim", tr, union)

		// Pair figures equal the sketches' counts; in exact mode they are
		// the exact set sizes.
		p := Compare(ca, cb)
		if p.OnlyA+p.Both+p.OnlyB != len(below(u.hashes, p.Theta)) {
			t.Fatalf("pair %+v vs union", p)
		}
		if p.Exact() {
			if p.Union(2).Value != float64(len(union)) || p.Intersection(2).Value != float64(len(inter)) ||
				p.ANotB(2).Value != float64(len(diff)) {
				t.Fatalf("exact pair %+v: union %d inter %d diff %d", p, len(union), len(inter), len(diff))
			}
		}
	}
}

func TestTrimLgK(t *testing.T) {
	c := sketchOfRange(t, 10)
	if _, err := c.Trim(4); !errors.Is(err, ErrLgK) {
		t.Errorf("Trim(4) error %v, want ErrLgK", err)
	}
}

func TestFromHashes(t *testing.T) {
	c, err := FromHashes([]uint64{5, 3, 0, 3, 9, 12}, 10)
	if err != nil {
		t.Fatal(err)
	}
	// 0 dropped, 3 de-duplicated, 12 not below θ = 10: {3, 5, 9}.
	if diff := cmp.Diff([]uint64{3, 5, 9}, c.Hashes()); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	for _, th := range []uint64{0, 1 << 63} {
		if _, err := FromHashes(nil, th); !errors.Is(err, ErrCorrupt) {
			t.Errorf("FromHashes θ=%d error %v", th, err)
		}
	}
}

// TestSortBelow: the bucket sort equals slices.Sort, for uniform and
// skewed input.
func TestSortBelow(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	for trial := range 200 {
		theta := 1 + r.Uint64N(MaxTheta)
		n := r.IntN(3000)
		set := map[uint64]bool{}
		for len(set) < n && len(set) < int(theta)-1 {
			x := r.Uint64N(theta)
			if trial%3 == 0 {
				x = r.Uint64N(min(theta, 5000)) // all in the first buckets
			}
			if x != 0 {
				set[x] = true
			}
		}
		var h []uint64
		for x := range set {
			h = append(h, x)
		}
		want := slices.Sorted(slices.Values(h))
		if got := sortBelow(h, len(h), theta); !slices.Equal(got, want) {
			t.Fatalf("trial %d: not sorted", trial)
		}
	}
}
