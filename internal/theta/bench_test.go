package theta

import (
	"encoding/binary"
	"fmt"
	"slices"
	"testing"

	"github.com/influencekit/influencekit/internal/sorted"
)

var benchSizes = []int{10, 1_000, 100_000, 1_000_000}

var sink uint64

// BenchmarkHashUint64 is the DataSketches long hash; the baseline is the
// general MurmurHash3 over the same 8 bytes.
func BenchmarkHashUint64(b *testing.B) {
	b.Run("fast", func(b *testing.B) {
		b.ReportAllocs()
		var id uint64
		for b.Loop() {
			sink += HashUint64(id)
			id++
		}
	})
	b.Run("baseline=Murmur3", func(b *testing.B) {
		b.ReportAllocs()
		var id uint64
		var buf [8]byte
		for b.Loop() {
			binary.LittleEndian.PutUint64(buf[:], id)
			h, _ := Murmur3(buf[:], DefaultSeed)
			sink += h >> 1
			id++
		}
	})
}

// BenchmarkAdd builds a k = 4096 sketch of n IDs per op (ns/ID reported).
func BenchmarkAdd(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s, _ := New(DefaultLgK)
				for i := range uint64(n) {
					s.Add(i)
				}
				sink += uint64(s.Retained())
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/ID")
		})
	}
}

var benchCache = map[string]*Compact{}

// benchSketch is the k = 4096 sketch of IDs [off, off+n), memoised.
func benchSketch(b *testing.B, n int, off uint64) *Compact {
	key := fmt.Sprint(n, off)
	if c, ok := benchCache[key]; ok {
		return c
	}
	s, _ := New(DefaultLgK)
	for i := range uint64(n) {
		s.Add(off + i)
	}
	c := s.Compact()
	benchCache[key] = c
	return c
}

// BenchmarkMerge folds two sketches of n IDs (half overlapping) into a
// fresh update sketch.
func BenchmarkMerge(b *testing.B) {
	for _, n := range benchSizes {
		x, y := benchSketch(b, n, 0), benchSketch(b, n, uint64(n/2))
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s, _ := New(DefaultLgK)
				s.Merge(x)
				s.Merge(y)
				sink += uint64(s.Retained())
			}
		})
	}
}

// BenchmarkIntersection estimates |A∩B| of two sets of n IDs overlapping by
// half, from k = 4096 sketches: Compare (no allocation) and Intersect
// (builds the result sketch). The baseline is the exact intersection size
// of the same sets held as sorted ID slices (a plain merge).
func BenchmarkIntersection(b *testing.B) {
	for _, n := range benchSizes {
		x, y := benchSketch(b, n, 0), benchSketch(b, n, uint64(n/2))
		b.Run(fmt.Sprintf("Compare/n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sink += uint64(Compare(x, y).Both)
			}
		})
		b.Run(fmt.Sprintf("Intersect/n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sink += uint64(Intersect(x, y).Retained())
			}
		})
		b.Run(fmt.Sprintf("baseline=exact-sorted/n=%d", n), func(b *testing.B) {
			ids := func(off int) []uint64 {
				s := make([]uint64, n)
				for i := range s {
					s[i] = uint64(off + i)
				}
				return s
			}
			ea, eb := ids(0), ids(n/2)
			b.ReportAllocs()
			for b.Loop() {
				sink += uint64(sorted.CountCommon(ea, eb))
			}
		})
	}
}

// BenchmarkSerialise writes and reads the sketch of n IDs in both formats.
func BenchmarkSerialise(b *testing.B) {
	for _, n := range benchSizes {
		c := benchSketch(b, n, 0)
		v3, _ := c.MarshalBinary()
		v4, _ := c.MarshalCompressed()
		b.Run(fmt.Sprintf("MarshalV3/n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				out, _ := c.MarshalBinary()
				sink += uint64(len(out))
			}
			b.ReportMetric(float64(len(v3)), "bytes")
		})
		b.Run(fmt.Sprintf("MarshalV4/n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				out, _ := c.MarshalCompressed()
				sink += uint64(len(out))
			}
			b.ReportMetric(float64(len(v4)), "bytes")
		})
		b.Run(fmt.Sprintf("DecodeV3/n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d, _ := Decode(v3)
				sink += uint64(d.Retained())
			}
		})
		b.Run(fmt.Sprintf("DecodeV4/n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d, _ := Decode(v4)
				sink += uint64(d.Retained())
			}
		})
	}
}

// BenchmarkCompact snapshots an update sketch of n IDs (sorting its
// hashes); the baseline sorts the same hashes with slices.Sort.
func BenchmarkCompact(b *testing.B) {
	for _, n := range benchSizes {
		s, _ := New(DefaultLgK)
		for i := range uint64(n) {
			s.Add(i)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sink += uint64(s.Compact().Retained())
			}
		})
		b.Run(fmt.Sprintf("baseline=slices.Sort/n=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				h := s.hashes()
				slices.Sort(h)
				sink += uint64(len(h))
			}
		})
	}
}
