package audience

import (
	"encoding/binary"
	"errors"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/idset/idsettest"
)

// distFrom decodes fuzz bytes into a distribution: each 3-byte group is a
// category (one of 6 names, Unknown among them) and a signed value with a
// decimal exponent, so negatives, zeros and huge/tiny magnitudes occur.
func distFrom(data []byte) Distribution {
	names := []string{"a", "b", "c", "d", Unknown, ""}
	d := Distribution{}
	for len(data) >= 3 {
		name := names[int(data[0])%len(names)]
		v := decimal.New(int64(int8(data[1])), int32(int8(data[2]))%12)
		d[name] = v
		data = data[3:]
	}
	return d
}

func inUnit(d decimal.Decimal) bool {
	return d.Sign() >= 0 && d.LessThanOrEqual(decimal.NewFromInt(1))
}

// FuzzMeasures checks that no measure panics, that errors wrap a sentinel,
// and that results stay in their documented ranges and relations.
func FuzzMeasures(f *testing.F) {
	f.Add([]byte{0, 50, 0, 1, 30, 0, 2, 20, 0}, []byte{0, 40, 0, 1, 40, 0, 3, 20, 0})
	f.Add([]byte{0, 1, 0}, []byte{4, 1, 0})
	f.Add([]byte{0, 255, 0}, []byte{0, 1, 250})
	f.Fuzz(func(t *testing.T, x, y []byte) {
		p, q := distFrom(x), distFrom(y)
		sentinels := []error{ErrNegative, ErrNonPositive, ErrEmpty, ErrInvalid, ErrNoBaseline}
		results := map[string]decimal.Decimal{}
		for name, fn := range map[string]func(p, q Distribution) (decimal.Decimal, error){
			"Match": Match, "TotalVariation": TotalVariation, "Bhattacharyya": Bhattacharyya,
			"Hellinger": Hellinger, "JensenShannon": JensenShannon, "Cosine": Cosine, "OnTargetShare": OnTargetShare,
		} {
			v, err := fn(p, q)
			if err != nil {
				if !slices.ContainsFunc(sentinels, func(s error) bool { return errors.Is(err, s) }) {
					t.Fatalf("%s: error wraps no sentinel: %v", name, err)
				}
				return
			}
			if !inUnit(v) {
				t.Fatalf("%s = %s, outside [0, 1]", name, v)
			}
			results[name] = v
		}
		// Match + TV = 1 exactly up to the two last-place roundings.
		sum := results["Match"].Add(results["TotalVariation"])
		if sum.Sub(decimal.NewFromInt(1)).Abs().GreaterThan(decimal.New(2, -16)) {
			t.Fatalf("Match + TV = %s", sum)
		}
		if _, err := Affinity(p, q); err != nil && !errors.Is(err, ErrNoBaseline) {
			t.Fatalf("Affinity: %v", err)
		}
		rep, err := Fit(Demographics{"d": p, "e": q}, Demographics{"d": q, "e": p}, DimensionWeights{"d": decimal.NewFromInt(int64(len(x))), "e": decimal.NewFromInt(1)})
		if err != nil {
			t.Fatalf("Fit: %v", err)
		}
		if !inUnit(rep.Score) {
			t.Fatalf("Fit score %s", rep.Score)
		}
		iv, err := OnTargetInterval(p, q, int64(len(y))+1, Z95())
		if err != nil {
			t.Fatalf("OnTargetInterval: %v", err)
		}
		if !inUnit(iv.Low) || !inUnit(iv.High) || iv.Low.GreaterThan(iv.Value) || iv.High.LessThan(iv.Value) {
			t.Fatalf("interval %+v", iv)
		}
	})
}

func idsFrom(data []byte, wide bool) []uint64 {
	var ids []uint64
	for len(data) >= 4 {
		v := uint64(binary.LittleEndian.Uint32(data))
		if wide {
			v = v<<20 | v>>12 // spread over several high buckets
		} else {
			v %= 20000 // dense
		}
		ids = append(ids, v)
		data = data[4:]
	}
	return ids
}

// FuzzSetOps checks every set operation against the map reference.
func FuzzSetOps(f *testing.F) {
	f.Add([]byte{1, 0, 0, 0, 2, 0, 0, 0}, []byte{2, 0, 0, 0, 3, 0, 0, 0}, false)
	f.Add([]byte{}, []byte{1, 2, 3, 4}, true)
	f.Fuzz(func(t *testing.T, x, y []byte, wide bool) {
		ia, ib := idsFrom(x, wide), idsFrom(y, !wide && len(x)%2 == 0)
		a, b := NewSet(ia...), NewSet(ib...)
		ra, rb := idsettest.RefOf(ia), idsettest.RefOf(ib)
		if a.Len() != int64(len(ra)) {
			t.Fatalf("Len %d, want %d", a.Len(), len(ra))
		}
		p := Overlap(a, b)
		and := int64(len(idsettest.And(ra, rb)))
		if p.Shared != and || p.Union != int64(len(idsettest.Or(ra, rb))) || p.OnlyA != int64(len(idsettest.Not(ra, rb))) {
			t.Fatalf("Overlap %+v, want shared %d", p, and)
		}
		if !inUnit(p.Jaccard) || !inUnit(p.OfSmaller) {
			t.Fatalf("ratios out of range: %+v", p)
		}
		idsettest.CheckSet(t, "Union", Union(a, b), idsettest.Or(ra, rb))
		idsettest.CheckSet(t, "Intersect", Intersect(a, b), idsettest.And(ra, rb))
		idsettest.CheckSet(t, "Difference", Difference(b, a), idsettest.Not(rb, ra))
	})
}

// FuzzSketchUnmarshal feeds arbitrary bytes to UnmarshalBinary: an error or
// a sketch whose figures are sane and which re-encodes and decodes to the
// same estimate; never a panic.
func FuzzSketchUnmarshal(f *testing.F) {
	for _, n := range []uint64{0, 1, 2, 100, 5000} {
		s, err := NewSketch(MinSketchLgK)
		if err != nil {
			f.Fatal(err)
		}
		for i := range n {
			s.Add(i)
		}
		raw, err := s.MarshalBinary()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add([]byte{})
	f.Add([]byte{1, 3, 3, 0, 0, 0x1a, 0xcc, 0x93})
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Sketch
		if err := s.UnmarshalBinary(data); err != nil {
			for _, e := range []error{ErrSketchTruncated, ErrSketchCorrupt, ErrSketchUnsupported, ErrSketchSeed} {
				if errors.Is(err, e) {
					return
				}
			}
			t.Fatalf("error wraps no sentinel: %v", err)
		}
		e := s.Estimate()
		if e.Value.Sign() < 0 || e.Low.GreaterThan(e.Value) || e.High.LessThan(e.Value) {
			t.Fatalf("bad estimate %+v", e)
		}
		raw, err := s.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var back Sketch
		if err := back.UnmarshalBinary(raw); err != nil {
			t.Fatalf("re-decode: %v", err)
		}
		if !back.Estimate().Value.Equal(e.Value) {
			t.Fatalf("round trip changed the estimate: %s → %s", e.Value, back.Estimate().Value)
		}
		p := OverlapSketches(&s, &back)
		if !p.Jaccard.LessThanOrEqual(decimal.NewFromInt(1)) {
			t.Fatalf("Jaccard %s", p.Jaccard)
		}
	})
}
