package theta

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func sketchOf(t testing.TB, ids ...uint64) *Compact {
	t.Helper()
	s, err := New(DefaultLgK)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		s.Add(id)
	}
	return s.Compact()
}

// TestPairExact: small sets are exact. The contract's worked example
// (audiences {1,2,3}, {1,4}, {1,3,5} reach 5 people) and hand counts.
func TestPairExact(t *testing.T) {
	a, b, c := sketchOf(t, 1, 2, 3), sketchOf(t, 1, 4), sketchOf(t, 1, 3, 5)
	empty := sketchOf(t)
	exact := func(v float64, n int) Estimate {
		return Estimate{Value: v, Lower: v, Upper: v, Count: n, Exact: true}
	}
	tests := []struct {
		name                     string
		x, y                     *Compact
		union, inter, anotb, jac Estimate
	}{
		// {1,2,3} vs {1,4}: union {1,2,3,4} = 4, both {1} = 1, A\B {2,3} = 2,
		// Jaccard 1/4.
		{"A,B", a, b, exact(4, 4), exact(1, 1), exact(2, 2), exact(0.25, 4)},
		// {1,2,3} vs {1,3,5}: union 4, both {1,3} = 2, A\B {2} = 1, J = 2/4.
		{"A,C", a, c, exact(4, 4), exact(2, 2), exact(1, 1), exact(0.5, 4)},
		// with the empty set: union = A, intersection empty, A\∅ = A, J = 0.
		{"A,∅", a, empty, exact(3, 3), Estimate{Exact: true}, exact(3, 3), exact(0, 3)},
		{"∅,∅", empty, empty, exact(0, 0), Estimate{Exact: true}, Estimate{Exact: true}, Estimate{Exact: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Compare(tt.x, tt.y)
			got := []Estimate{p.Union(2), p.Intersection(2), p.ANotB(2), p.Jaccard(2)}
			want := []Estimate{tt.union, tt.inter, tt.anotb, tt.jac}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
	// Reach of the three audiences: merge all into one sketch → 5.
	s, _ := New(DefaultLgK)
	for _, x := range []*Compact{a, b, c} {
		s.Merge(x)
	}
	if s.Estimate() != 5 {
		t.Errorf("reach %v, want 5", s.Estimate())
	}
}

// TestEstimateBounds checks the bound formula against hand computation.
func TestEstimateBounds(t *testing.T) {
	half := uint64(1 << 62) // θ = 1/2
	tests := []struct {
		name string
		c    int
		th   uint64
		z    float64
		want Estimate
	}{
		// c = 100, θ = ½, z = 2: b = 2·√(¼) = 1, √(b² + 4θc) = √201 =
		// 14.17744687875782; √n = (14.17744687875782 ∓ 1)/(2·½), so
		// lower = 13.17744687875782² = 173.64510 and upper =
		// 15.17744687875782² = 230.35489; value 100/½ = 200.
		{"c=100 θ=½ z=2", 100, half, 2, Estimate{Value: 200, Lower: 173.6451, Upper: 230.3549, Count: 100}},
		// c = 0: lower 0 (clamped at c), upper (b/θ)² = (1/½)² = 4 at z = 2.
		{"c=0 θ=½ z=2", 0, half, 2, Estimate{Value: 0, Lower: 0, Upper: 4, Count: 0}},
		// z = 0: the interval collapses on c/θ (√(4θc)/(2θ) = √(c/θ), squared).
		{"c=50 θ=½ z=0", 50, half, 0, Estimate{Value: 100, Lower: 100, Upper: 100, Count: 50}},
		// Exact mode: value = bounds = c.
		{"exact", 7, MaxTheta, 3, Estimate{Value: 7, Lower: 7, Upper: 7, Count: 7, Exact: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := newEstimate(tt.c, tt.th, tt.z)
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-4)); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

// TestJaccardWilson: the Jaccard interval is the Wilson score interval.
// TestOfSmaller: the overlap coefficient Both ÷ min(|A|, |B|), by hand.
func TestOfSmaller(t *testing.T) {
	a, b, c := sketchOf(t, 1, 2, 3), sketchOf(t, 1, 4), sketchOf(t, 1, 3, 5)
	empty := sketchOf(t)
	tests := []struct {
		name string
		x, y *Compact
		want Estimate
	}{
		// {1,2,3} vs {1,4}: both {1}, smaller side 2: 1/2.
		{"A,B", a, b, Estimate{Value: 0.5, Lower: 0.5, Upper: 0.5, Count: 2, Exact: true}},
		// {1,2,3} vs {1,3,5}: both {1,3}, both sides 3: 2/3.
		{"A,C", a, c, Estimate{Value: 2.0 / 3, Lower: 2.0 / 3, Upper: 2.0 / 3, Count: 3, Exact: true}},
		// an empty side: 0, exactly.
		{"A,∅", a, empty, Estimate{Exact: true}},
		{"∅,B", empty, b, Estimate{Exact: true}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Compare(tt.x, tt.y).OfSmaller(2)); diff != "" {
			t.Errorf("%s (-want +got)\n%s", tt.name, diff)
		}
	}
	// Estimation mode: the Wilson interval over the smaller side's sampled
	// hashes brackets the value, inside [0, 1].
	p := Pair{Theta: MaxTheta / 2, OnlyA: 30, OnlyB: 500, Both: 70}
	e := p.OfSmaller(2)
	// 70 of the smaller side's 100 sampled hashes: 0.7.
	if e.Value != 0.7 || e.Count != 100 || e.Exact || !(0 <= e.Lower && e.Lower < 0.7 && 0.7 < e.Upper && e.Upper <= 1) {
		t.Errorf("estimated OfSmaller %+v", e)
	}
}

func TestJaccardWilson(t *testing.T) {
	// 25 of 100 sampled union hashes shared, z = 2, θ < 1:
	// den = 1 + 4/100 = 1.04; centre = (0.25 + 4/200)/1.04 = 0.259615;
	// half = 2/1.04 · √(0.25·0.75/100 + 4/40000) = 1.923077 · √0.001975
	//      = 1.923077 · 0.0444410 = 0.0854635;
	// interval [0.174152, 0.345079].
	p := Pair{Theta: 1 << 60, OnlyA: 40, OnlyB: 35, Both: 25}
	got := p.Jaccard(2)
	want := Estimate{Value: 0.25, Lower: 0.174152, Upper: 0.345079, Count: 100}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-5)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

// TestRSEFormulas: the documented standard errors, by hand.
func TestRSEFormulas(t *testing.T) {
	// 1/√4095 = 0.0156269; √(199/4095) = √0.0485958 = 0.220445.
	if got := UnionRSE(4096); math.Abs(got-0.0156269) > 1e-6 {
		t.Errorf("UnionRSE(4096) = %v", got)
	}
	if got := IntersectionRSE(4096, 199); math.Abs(got-0.220445) > 1e-6 {
		t.Errorf("IntersectionRSE(4096, 199) = %v", got)
	}
	if !math.IsInf(UnionRSE(1), 1) || !math.IsInf(IntersectionRSE(4096, 0), 1) {
		t.Errorf("degenerate inputs should give +Inf")
	}
}

// TestIntersectionEstimation: two 200k-ID sets overlapping by 100k, k = 4096:
// the estimate is within 4 standard errors (√(3/4095) = 2.7 %) of 100 000.
func TestIntersectionEstimation(t *testing.T) {
	sa, _ := New(DefaultLgK)
	sb, _ := New(DefaultLgK)
	for i := range uint64(200000) {
		sa.Add(i)
		sb.Add(i + 100000)
	}
	p := Compare(sa.Compact(), sb.Compact())
	in := p.Intersection(2)
	if math.Abs(in.Value-100000) > 4*0.027*100000 {
		t.Errorf("intersection %v, want ≈ 100000", in.Value)
	}
	if !(in.Lower < in.Value && in.Value < in.Upper) {
		t.Errorf("bounds %v", in)
	}
	u := p.Union(2)
	if math.Abs(u.Value-300000) > 4*0.0157*300000 {
		t.Errorf("union %v, want ≈ 300000", u.Value)
	}
	// Intersect/Union sketches agree with the Pair.
	if got := Intersect(sa.Compact(), sb.Compact()).Estimate(); got != in.Value {
		t.Errorf("Intersect estimate %v vs pair %v", got, in.Value)
	}
	if got := Union(sa.Compact(), sb.Compact()).Estimate(); got != u.Value {
		t.Errorf("Union estimate %v vs pair %v", got, u.Value)
	}
}

// TestZeroAndNil: the zero Compact and nil behave as the empty sketch.
func TestZeroAndNil(t *testing.T) {
	var zero Compact
	for _, c := range []*Compact{&zero, nil} {
		if !c.IsEmpty() || c.Estimate() != 0 || c.Retained() != 0 || c.IsEstimationMode() || c.Theta() != MaxTheta {
			t.Errorf("%v: not the empty sketch", c)
		}
		lo, hi := c.Bounds(2)
		b, err := c.MarshalBinary()
		if lo != 0 || hi != 0 || err != nil || len(b) != 8 {
			t.Errorf("bounds %v %v, image % x %v", lo, hi, b, err)
		}
		a := sketchOf(t, 1, 2)
		if Compare(a, c).Union(2).Value != 2 || Union(c, a).Estimate() != 2 || !Intersect(a, c).IsEmpty() || ANotB(a, c).Estimate() != 2 {
			t.Errorf("set operations with the empty sketch")
		}
		s, _ := New(MinLgK)
		s.Merge(c)
		if !s.IsEmpty() {
			t.Errorf("merging the empty sketch made it non-empty")
		}
	}
}

// TestIntersectCountLanes: the four-lane count equals a map-based count.
func TestIntersectCountLanes(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	for trial := range 300 {
		theta := 1 + r.Uint64N(MaxTheta)
		if trial%3 == 0 {
			theta = 1000 // dense: many equal values
		}
		mk := func() []uint64 {
			var hs []uint64
			for range r.IntN(400) {
				hs = append(hs, r.Uint64N(theta))
			}
			c, _ := FromHashes(hs, theta)
			return c.hashes
		}
		a, b := mk(), mk()
		in := map[uint64]bool{}
		for _, h := range a {
			in[h] = true
		}
		want := 0
		for _, h := range b {
			if in[h] {
				want++
			}
		}
		if got := intersectCount(a, b, theta); got != want {
			t.Fatalf("trial %d: %d, want %d", trial, got, want)
		}
	}
}

// TestBoundsAnyStdDev: every numStdDev, even NaN, negative or infinite, and
// hand-made Pairs with impossible fields give finite ordered bounds, never
// NaN; a negative numStdDev is its absolute value.
func TestBoundsAnyStdDev(t *testing.T) {
	pairs := []Pair{
		{Theta: 1 << 60, OnlyA: 40, OnlyB: 35, Both: 25},
		{Theta: MaxTheta, OnlyA: 3, Both: 1},
		{Theta: 0, OnlyA: 5, Both: 2},         // θ = 0: read as 1
		{Theta: 1 << 62, OnlyA: -4, Both: -1}, // negative counts: read as 0
		{Theta: 1},
	}
	for _, p := range pairs {
		for _, z := range []float64{math.NaN(), -2, 0, 2, math.Inf(1), math.Inf(-1), 1e300} {
			for name, e := range map[string]Estimate{"union": p.Union(z), "intersection": p.Intersection(z),
				"anotb": p.ANotB(z), "bnota": p.BNotA(z), "jaccard": p.Jaccard(z)} {
				for _, v := range []float64{e.Value, e.Lower, e.Upper} {
					if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
						t.Fatalf("%+v %s(%v) = %+v", p, name, z, e)
					}
				}
				if !(e.Lower <= e.Value && e.Value <= e.Upper) {
					t.Fatalf("%+v %s(%v) = %+v: bounds out of order", p, name, z, e)
				}
			}
		}
		if d := cmp.Diff(p.Union(2), p.Union(-2)); d != "" {
			t.Errorf("Union(-2) differs from Union(2):\n%s", d)
		}
		if d := cmp.Diff(p.Jaccard(3), p.Jaccard(-3)); d != "" {
			t.Errorf("Jaccard(-3) differs from Jaccard(3):\n%s", d)
		}
	}
	lo, hi := sketchOfRange(t, 10).Bounds(math.NaN())
	if lo != 10 || hi != 10 {
		t.Errorf("exact Bounds(NaN) = [%v, %v], want [10, 10]", lo, hi)
	}
}
