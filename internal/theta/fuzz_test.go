package theta

import (
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// FuzzDecode: any bytes either fail with an error or give a sketch whose
// invariants hold and which survives both encodings unchanged; DecodeTrim
// gives what Decode followed by Trim gives (the same error text, or the
// same hashes and θ).
func FuzzDecode(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join("testdata", "*.sk"))
	for _, name := range names {
		if b, err := os.ReadFile(name); err == nil && len(b) < 4096 {
			f.Add(b)
		}
	}
	f.Add(cat(head(3, 3, 0, 0, 0x1a), []byte{2, 0, 0, 0, 0, 0, 0, 0}, le64(1<<62), le64(1), le64(2)))
	f.Add(cat(head(2, 4, 3, 1, 0x1a), le64(1<<62), []byte{2, 0x84}))
	f.Add(cat(head(1, 4, 63, 1, 0x1a), []byte{2}, make([]byte, 16)))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Decode(data)
		trimmed, terr := DecodeTrim(data, MinLgK)
		if (err == nil) != (terr == nil) || err != nil && err.Error() != terr.Error() {
			t.Fatalf("Decode: %v; DecodeTrim: %v", err, terr)
		}
		if err != nil {
			return
		}
		if want, _ := c.Trim(MinLgK); !slices.Equal(want.hashes, trimmed.hashes) || want.theta != trimmed.theta {
			t.Fatalf("DecodeTrim: θ %d, %d hashes; Decode+Trim: θ %d, %d hashes", trimmed.theta, len(trimmed.hashes), want.theta, len(want.hashes))
		}
		if !slices.IsSorted(c.hashes) || c.theta == 0 || c.theta > MaxTheta {
			t.Fatalf("bad sketch: θ=%d", c.theta)
		}
		for i, h := range c.hashes {
			if h == 0 || h >= c.theta || (i > 0 && h == c.hashes[i-1]) {
				t.Fatalf("bad hash %d at %d", h, i)
			}
		}
		e := c.Estimate()
		lo, hi := c.Bounds(2)
		if math.IsNaN(e) || math.IsInf(e, 0) || e < 0 || !(lo <= e && e <= hi) {
			t.Fatalf("estimate %v bounds [%v, %v]", e, lo, hi)
		}
		checkRoundTrip(t, c)
	})
}

// FuzzSketch: whatever IDs and merges, a sketch holds exactly its set's
// hashes below θ, and set operations keep that property.
func FuzzSketch(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, uint8(0))
	f.Add(make([]byte, 1000), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, split uint8) {
		sa, _ := New(MinLgK)
		sb, _ := New(MinLgK)
		a, b := map[uint64]bool{}, map[uint64]bool{}
		for i := 0; i+2 <= len(data); i += 2 {
			id := uint64(binary.LittleEndian.Uint16(data[i:])) % 512
			if (data[i]^split)&1 == 0 {
				sa.Add(id)
				a[id] = true
			} else {
				sb.Add(id)
				b[id] = true
			}
		}
		ca, cb := sa.Compact(), sb.Compact()
		checkSketchOf(t, "A", ca, a)
		checkSketchOf(t, "B", cb, b)
		union := map[uint64]bool{}
		for id := range a {
			union[id] = true
		}
		for id := range b {
			union[id] = true
		}
		checkSketchOf(t, "Union", Union(ca, cb), union)
		sa.Merge(cb)
		checkSketchOf(t, "Merge", sa.Compact(), union)
		p := Compare(ca, cb)
		j := p.Jaccard(2)
		if j.Value < 0 || j.Value > 1 || j.Lower > j.Value || j.Upper < j.Value {
			t.Fatalf("jaccard %+v", j)
		}
	})
}
