package audience

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/influencekit/influencekit/internal/theta"
	"github.com/shopspring/decimal"
)

func mustSketch(t testing.TB, lgK int, ids ...uint64) *Sketch {
	t.Helper()
	s, err := NewSketch(lgK)
	if err != nil {
		t.Fatal(err)
	}
	s.Add(ids...)
	return s
}

func rangeSketch(t testing.TB, lo, hi uint64) *Sketch {
	t.Helper()
	s := mustSketch(t, 0)
	for i := lo; i < hi; i++ {
		s.Add(i)
	}
	return s
}

// countOf views one count of a Pair (value, low and high bounds) as an
// Estimate, so that the checks written for v0.1's SketchPair keep their form.
func countOf(p Pair, v, lo, hi int64) Estimate {
	return Estimate{Value: decimal.NewFromInt(v), Low: decimal.NewFromInt(lo), High: decimal.NewFromInt(hi), Exact: p.Exact}
}

// The figures of a Pair as Estimates.
func sharedOf(p Pair) Estimate { return countOf(p, p.Shared, p.Low.Shared, p.High.Shared) }
func onlyAOf(p Pair) Estimate  { return countOf(p, p.OnlyA, p.Low.OnlyA, p.High.OnlyA) }
func unionOf(p Pair) Estimate  { return countOf(p, p.Union, p.Low.Union, p.High.Union) }
func jaccardOf(p Pair) Estimate {
	return Estimate{Value: p.Jaccard, Low: p.Low.Jaccard, High: p.High.Jaccard, Exact: p.Exact}
}

// exactPair is the exact Pair with the given figures (Low = High = them).
func exactPair(shared, onlyA, onlyB, union int64, jaccard, ofSmaller string) Pair {
	b := PairBound{Shared: shared, OnlyA: onlyA, OnlyB: onlyB, Union: union, Jaccard: dec(jaccard), OfSmaller: dec(ofSmaller)}
	return Pair{
		Shared: shared, OnlyA: onlyA, OnlyB: onlyB, Union: union, Jaccard: b.Jaccard, OfSmaller: b.OfSmaller,
		Exact: true, Low: b, High: b,
	}
}

func exactEst(v int64) Estimate {
	d := decimal.NewFromInt(v)
	return Estimate{Value: d, Low: d, High: d, Exact: true}
}

// TestSketchExactFallback: sets of at most k IDs are kept whole, so every
// figure is exact and says so.
func TestSketchExactFallback(t *testing.T) {
	a := mustSketch(t, 0, 1, 2, 3)
	b := mustSketch(t, 0, 2, 3, 4)
	got := OverlapSketches(a, b)
	// |A∪B| = |{1,2,3,4}| = 4, |A∩B| = |{2,3}| = 2, A\B = {1}, B\A = {4},
	// Jaccard 2/4 = 0.5, OfSmaller 2/min(3, 3) = 0.6666…67 (16 places).
	want := exactPair(2, 1, 1, 4, "0.5", "0.6666666666666667")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(exactEst(3), a.Estimate()); diff != "" {
		t.Errorf("Estimate (-want +got):\n%s", diff)
	}
	// {1,2,3} ∪ {2,3,4} = {1,2,3,4}: 4, exactly; nothing: 0, exactly.
	if diff := cmp.Diff(exactEst(4), UniqueReachSketches(a, b)); diff != "" {
		t.Errorf("UniqueReachSketches (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(exactEst(0), UniqueReachSketches()); diff != "" {
		t.Errorf("UniqueReachSketches() (-want +got):\n%s", diff)
	}
	// nil and zero sketches are empty; two empty sets have Jaccard 0.
	var zero Sketch
	e := OverlapSketches(nil, &zero)
	if !e.Exact || e.Union != 0 || !e.Jaccard.IsZero() {
		t.Errorf("empty pair: %+v", e)
	}
}

// TestSketchEstimates checks estimates against the truth within 4 relative
// standard errors (deterministic: the IDs and the hash are fixed).
func TestSketchEstimates(t *testing.T) {
	// A = 0…99,999, B = 50,000…149,999: |A∩B| = 50,000, |A∪B| = 150,000,
	// Jaccard 1/3.
	a, b := rangeSketch(t, 0, 100_000), rangeSketch(t, 50_000, 150_000)
	p := OverlapSketches(a, b)
	k := 4096.0
	check := func(name string, e Estimate, truth, rse float64) {
		t.Helper()
		v := e.Value.InexactFloat64()
		if math.Abs(v-truth) > 4*rse*truth {
			t.Errorf("%s = %v, truth %v, beyond 4 RSE (%v)", name, v, truth, rse)
		}
		if e.Exact || e.Low.GreaterThan(e.Value) || e.High.LessThan(e.Value) {
			t.Errorf("%s: bad bounds %+v", name, e)
		}
	}
	check("Union", unionOf(p), 150_000, 1/math.Sqrt(k-1))
	check("Intersection", sharedOf(p), 50_000, math.Sqrt(3/(k-1)))
	check("OnlyA", onlyAOf(p), 50_000, math.Sqrt(3/(k-1)))
	check("Jaccard", jaccardOf(p), 1.0/3, math.Sqrt(3/(k-1)))
	// OfSmaller: 50,000 of the smaller side's 100,000 = 0.5.
	check("OfSmaller", Estimate{Value: p.OfSmaller, Low: p.Low.OfSmaller, High: p.High.OfSmaller}, 0.5, math.Sqrt(3/(k-1)))
	// Every figure lies within its bounds, and the counts add up.
	if p.Low.OnlyB > p.OnlyB || p.OnlyB > p.High.OnlyB || p.Union != p.Shared+p.OnlyA+p.OnlyB {
		t.Errorf("OnlyB bounds or Union identity: %+v", p)
	}
	// UniqueReachSketches: |A ∪ B| = 150,000 (truth), within 4 RSE.
	check("UniqueReachSketches", UniqueReachSketches(a, nil, b), 150_000, 1/math.Sqrt(k-1))
	check("Count", a.Estimate(), 100_000, 1/math.Sqrt(k-1))
	if p.Exact || a.IsExact() {
		t.Error("estimation-mode sketches claim exactness")
	}
}

// TestSketchMerge: merging shard sketches gives the sketch of the union,
// hash for hash (both keep the k smallest hashes of the union).
func TestSketchMerge(t *testing.T) {
	whole := rangeSketch(t, 0, 30_000)
	m := mustSketch(t, 0)
	m.Merge(rangeSketch(t, 0, 10_000), rangeSketch(t, 10_000, 20_000), nil, rangeSketch(t, 15_000, 30_000))
	wb, err := whole.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	mb, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(wb, mb) {
		t.Errorf("merged sketch differs from the sketch of the union (estimates %s vs %s)", m.Estimate().Value, whole.Estimate().Value)
	}
	// Adding after a merge and after a decode keeps working.
	var d Sketch
	if err := d.UnmarshalBinary(mb); err != nil {
		t.Fatal(err)
	}
	d.Add(1, 2, 3)
	if d.Estimate().Value.LessThan(dec("25000")) {
		t.Errorf("decoded then added: %s", d.Estimate().Value)
	}
}

func TestSketchRoundTrip(t *testing.T) {
	for _, n := range []uint64{0, 1, 100, 20_000} {
		s := rangeSketch(t, 0, n)
		raw, err := s.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var back Sketch
		if err := back.UnmarshalBinary(raw); err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		if diff := cmp.Diff(s.Estimate(), back.Estimate()); diff != "" {
			t.Errorf("n=%d (-want +got):\n%s", n, diff)
		}
		again, err := back.MarshalBinary()
		if err != nil || !bytes.Equal(raw, again) {
			t.Errorf("n=%d: re-encoding differs (%v)", n, err)
		}
	}
}

func TestSketchErrors(t *testing.T) {
	if _, err := NewSketch(3); !errors.Is(err, ErrInvalid) {
		t.Errorf("NewSketch(3): %v", err)
	}
	good, err := rangeSketch(t, 0, 20_000).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	wrongSeed := bytes.Clone(good)
	wrongSeed[6] ^= 0xFF // seed hash lives in bytes 6–7 of the preamble
	family := bytes.Clone(good)
	family[2] = 7 // family 7 is not theta compact
	for name, c := range map[string]struct {
		data []byte
		errs []error
	}{
		"nil":        {nil, []error{ErrSketchTruncated, ErrSketchCorrupt}},
		"truncated":  {good[:len(good)-5], []error{ErrSketchTruncated}},
		"seed":       {wrongSeed, []error{ErrSketchSeed}},
		"family":     {family, []error{ErrSketchUnsupported, ErrSketchCorrupt}},
		"text":       {[]byte("definitely not a sketch"), []error{ErrSketchUnsupported, ErrSketchCorrupt, ErrSketchTruncated}},
		"serial ver": {append([]byte{3, 9}, good[2:]...), []error{ErrSketchUnsupported, ErrSketchCorrupt}},
	} {
		var s Sketch
		s.Add(42)
		err := s.UnmarshalBinary(c.data)
		ok := false
		for _, e := range c.errs {
			ok = ok || errors.Is(err, e)
		}
		if !ok {
			t.Errorf("%s: err = %v, want one of %v", name, err, c.errs)
		}
		// s is unchanged.
		if diff := cmp.Diff(exactEst(1), s.Estimate()); diff != "" {
			t.Errorf("%s: sketch changed (-want +got):\n%s", name, diff)
		}
	}
}

// sharedDir holds sketches the Apache DataSketches Java library wrote for the
// IDs 0 … n−1 (lgK 12, seed 9001). The files are not redistributable and are
// not in the repository; the test skips when they are absent.
const sharedDir = "../../shared/data/datasketches"

func TestJavaSketches(t *testing.T) {
	if _, err := os.Stat(sharedDir); err != nil {
		t.Skipf("shared DataSketches files not available: %v", err)
	}
	for _, n := range []uint64{0, 10, 100, 1000, 10_000, 100_000, 1_000_000} {
		for _, prefix := range []string{"theta_n", "theta_compressed_n"} {
			name := fmt.Sprintf("%s%d_java.sk", prefix, n)
			raw, err := os.ReadFile(filepath.Join(sharedDir, name))
			if err != nil {
				continue // Java writes no compressed image for the smallest sketches
			}
			t.Run(name, func(t *testing.T) {
				var java Sketch
				if err := java.UnmarshalBinary(raw); err != nil {
					t.Fatal(err)
				}
				// Within 3 % of n.
				got := java.Estimate().Value.InexactFloat64()
				if math.Abs(got-float64(n)) > 0.03*float64(n) {
					t.Errorf("estimate %v, want n = %d ± 3 %%", got, n)
				}
				// Our sketch of the same IDs hashes alike, so the
				// intersection estimates n too.
				if testing.Short() && n > 100_000 {
					return
				}
				ours := rangeSketch(t, 0, n)
				inter := float64(OverlapSketches(ours, &java).Shared)
				if math.Abs(inter-float64(n)) > 0.03*float64(n) {
					t.Errorf("ours ∩ java = %v, want ≈ %d", inter, n)
				}
			})
		}
	}
}

func TestSketchMatrix(t *testing.T) {
	sk := []*Sketch{
		rangeSketch(t, 0, 10_000), rangeSketch(t, 5_000, 15_000), nil, mustSketch(t, 0, 1, 2, 3), rangeSketch(t, 0, 100),
	}
	for _, workers := range []int{0, 1, 3} {
		m := SketchOverlapMatrix(sk, workers)
		if m.N() != len(sk) {
			t.Fatalf("N = %d", m.N())
		}
		for i := range sk {
			for j := range sk {
				if got, ok := m.Pair(i, j); !ok {
					t.Fatalf("Pair(%d, %d) not ok", i, j)
				} else if diff := cmp.Diff(OverlapSketches(sk[i], sk[j]), got); diff != "" {
					t.Fatalf("workers %d, pair (%d,%d) (-want +got):\n%s", workers, i, j, diff)
				}
			}
		}
	}
}

// TestSketchNonEmptyNoEntries decodes a sketch that saw IDs but retained no
// hash (what an intersection of two disjoint estimation-mode sketches gives):
// estimate 0, not exact, upper bound above 0. The image is written by hand
// from the DataSketches compact layout:
//
//	byte 0     preamble longs = 3 (estimation mode)
//	byte 1     serial version 3
//	byte 2     family 3 (compact theta)
//	byte 3     lgNomLongs 12 (informational)
//	byte 4     lgArrLongs 0
//	byte 5     flags 0x1A = read-only 0x02 | compact 0x08 | ordered 0x10 (not empty)
//	bytes 6–7  seed hash 0x93CC of seed 9001, little-endian
//	bytes 8–11 retained entries = 0
//	bytes 12–15 p = 1.0 as float32 (0x3F800000)
//	bytes 16–23 θ = 2⁶² (one half of MaxTheta+1), little-endian
func TestSketchNonEmptyNoEntries(t *testing.T) {
	raw := []byte{
		3, 3, 3, 12, 0, 0x1A, 0xCC, 0x93,
		0, 0, 0, 0, 0x00, 0x00, 0x80, 0x3F,
		0, 0, 0, 0, 0, 0, 0, 0x40,
	}
	var s Sketch
	if err := s.UnmarshalBinary(raw); err != nil {
		t.Fatal(err)
	}
	e := s.Estimate()
	if !e.Value.IsZero() || e.Exact || !e.High.IsPositive() || s.IsExact() {
		t.Errorf("got %+v", e)
	}
	// Two such sketches: no sampled hash, so Jaccard and OfSmaller are 0 by
	// convention with the bounds [0, 1] (nothing is known); against an
	// empty sketch nothing is shared, so both are exactly 0.
	var s2 Sketch
	if err := s2.UnmarshalBinary(raw); err != nil {
		t.Fatal(err)
	}
	one := decimal.NewFromInt(1)
	p := OverlapSketches(&s, &s2)
	if p.Exact || !p.Jaccard.IsZero() || !p.High.Jaccard.Equal(one) || !p.High.OfSmaller.Equal(one) || p.High.Shared <= 0 {
		t.Errorf("no entries vs no entries: %+v", p)
	}
	p = OverlapSketches(&s, &Sketch{})
	if !p.High.Jaccard.IsZero() || !p.High.OfSmaller.IsZero() || p.High.Shared != 0 {
		t.Errorf("no entries vs empty: %+v", p)
	}
	if b, err := os.ReadFile(filepath.Join(sharedDir, "theta_non_empty_no_entries_java.sk")); err == nil {
		var j Sketch
		if err := j.UnmarshalBinary(b); err != nil {
			t.Fatalf("Java image: %v", err)
		}
		if !j.Estimate().Value.IsZero() {
			t.Errorf("Java image: estimate %s", j.Estimate().Value)
		}
	}
}

// TestOverlapSketchSet: a small sketched audience against a large exact set
// is compared exactly; a large sketch against a set is estimated.
func TestOverlapSketchSet(t *testing.T) {
	small := mustSketch(t, 0, 1, 2, 3, 1_000_000_000)
	big := NewSet()
	for i := uint64(2); i < 200_000; i++ {
		big.Add(i)
	}
	// A = {1, 2, 3, 10⁹}, B = 2…199,999: A∩B = {2, 3}, A\B = {1, 10⁹},
	// |B\A| = 199,998 − 2 = 199,996, |A∪B| = 199,998 + 2 = 200,000,
	// Jaccard 2/200,000 = 0.00001, OfSmaller 2/min(4, 199,998) = 0.5.
	got := OverlapSketchSet(small, big)
	want := exactPair(2, 2, 199_996, 200_000, "0.00001", "0.5")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Large sketch (0…99,999) against the set 50,000…149,999: estimated.
	p := OverlapSketchSet(rangeSketch(t, 0, 100_000), NewSetFromSorted(func() []uint64 {
		ids := make([]uint64, 0, 100_000)
		for i := uint64(50_000); i < 150_000; i++ {
			ids = append(ids, i)
		}
		return ids
	}()))
	in := float64(p.Shared)
	if p.Exact || math.Abs(in-50_000) > 4*math.Sqrt(3.0/4095)*50_000 {
		t.Errorf("estimated intersection %v (exact %v)", in, p.Exact)
	}
	if e := OverlapSketchSet(nil, nil); !e.Exact || e.Union != 0 {
		t.Errorf("nil, nil: %+v", e)
	}
}

func TestMarshalCompressed(t *testing.T) {
	for _, n := range []uint64{0, 1, 5000, 100_000} {
		s := rangeSketch(t, 0, n)
		raw, err := s.MarshalCompressed()
		if err != nil {
			t.Fatal(err)
		}
		var back Sketch
		if err := back.UnmarshalBinary(raw); err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		if diff := cmp.Diff(s.Estimate(), back.Estimate()); diff != "" {
			t.Errorf("n=%d (-want +got):\n%s", n, diff)
		}
	}
}

// TestOverlapSketchSetNoHashBelowTheta: a non-empty set none of whose hashes
// falls below the sketch's θ is not "empty": its intersection is an
// estimate of 0 with a positive upper bound, not an exact 0.
func TestOverlapSketchSetNoHashBelowTheta(t *testing.T) {
	a := rangeSketch(t, 0, 100_000)
	c := a.snapshot()
	var id uint64
	for id = 1 << 40; theta.HashUint64(id) < c.Theta(); id++ {
	}
	p := OverlapSketchSet(a, NewSet(id))
	if p.Exact || p.Shared != 0 || p.High.Shared <= 0 {
		t.Errorf("got %+v", p)
	}
}

// TestConcurrentSketchReads reads freshly updated sketches from many
// goroutines, so the lazy snapshot races with readers (run under -race).
func TestConcurrentSketchReads(t *testing.T) {
	a, b := rangeSketch(t, 0, 20_000), rangeSketch(t, 10_000, 30_000)
	done := make(chan string)
	for range 8 {
		go func() {
			p := OverlapSketches(a, b)
			done <- strconv.FormatInt(p.Shared, 10) + " " + a.Estimate().Value.String()
		}()
	}
	first := <-done
	for range 7 {
		if got := <-done; got != first {
			t.Fatalf("readers disagree: %s vs %s", got, first)
		}
	}
}

// TestSketchMatrixBlocks covers several row blocks and uneven tails.
func TestSketchMatrixBlocks(t *testing.T) {
	for _, n := range []int{matrixBlock - 1, matrixBlock, matrixBlock + 1, 3*matrixBlock + 2} {
		sk := make([]*Sketch, n)
		for i := range sk {
			sk[i] = rangeSketch(t, uint64(37*i), uint64(37*i+100+i))
		}
		for _, workers := range []int{1, 2, 5} {
			m := SketchOverlapMatrix(sk, workers)
			for i := range sk {
				for j := range sk {
					if got, ok := m.Pair(i, j); !ok {
						t.Fatalf("Pair(%d, %d) not ok", i, j)
					} else if diff := cmp.Diff(OverlapSketches(sk[i], sk[j]), got); diff != "" {
						t.Fatalf("n %d workers %d pair (%d,%d) (-want +got):\n%s", n, workers, i, j, diff)
					}
				}
			}
		}
	}
}
