package theta_test

import (
	"encoding/binary"
	"fmt"

	"github.com/influencekit/influencekit/internal/theta"
)

// Below k distinct IDs a sketch counts exactly: 1,000 IDs added twice.
func ExampleSketch() {
	s, err := theta.New(theta.DefaultLgK) // k = 4096
	if err != nil {
		fmt.Println(err)
		return
	}
	for range 2 {
		for id := range uint64(1000) {
			s.Add(id)
		}
	}
	fmt.Println(s.Estimate(), s.Compact().IsEstimationMode())
	// Output: 1000 false
}

// The contract's example: 10k and 20k followers sharing 1k reach 29k, and the
// overlap is 10 % of the smaller audience. With k = 2^16 > 29,000 the
// sketches are exact.
func ExampleCompare() {
	a, _ := theta.New(16)
	b, _ := theta.New(16)
	for id := range uint64(10_000) {
		a.Add(id) // IDs 0 … 9,999
	}
	for id := range uint64(20_000) {
		b.Add(9_000 + id) // IDs 9,000 … 28,999: 1,000 shared
	}
	p := theta.Compare(a.Compact(), b.Compact())
	fmt.Println("reach:", p.Union(2).Value)
	fmt.Println("shared:", p.Intersection(2).Value)
	fmt.Printf("jaccard: %.4f\n", p.Jaccard(2).Value) // 1,000 / 29,000
	fmt.Println("exact:", p.Exact())
	// Output:
	// reach: 29000
	// shared: 1000
	// jaccard: 0.0345
	// exact: true
}

// Sampled sets: two 1,000,000-ID audiences sharing 100,000, at k = 4096.
// The intersection's standard error is √(19/4095) ≈ 6.8 %, so the 2σ bounds
// span roughly ±14 %.
func ExamplePair_Intersection() {
	a, _ := theta.New(theta.DefaultLgK)
	b, _ := theta.New(theta.DefaultLgK)
	for id := range uint64(1_000_000) {
		a.Add(id)
		b.Add(900_000 + id)
	}
	in := theta.Compare(a.Compact(), b.Compact()).Intersection(2)
	fmt.Println("within 3 standard errors of 100,000:", in.Value > 79_600 && in.Value < 120_400)
	fmt.Println("bounds contain the estimate:", in.Lower < in.Value && in.Value < in.Upper)
	// Output:
	// within 3 standard errors of 100,000: true
	// bounds contain the estimate: true
}

// A compact sketch round-trips through the DataSketches format: three IDs
// in exact mode take a 16-byte preamble plus 3 × 8 bytes.
func ExampleDecode() {
	s, _ := theta.New(theta.DefaultLgK)
	for _, id := range []uint64{7, 8, 9} {
		s.Add(id)
	}
	img, _ := s.Compact().MarshalBinary()
	back, err := theta.Decode(img)
	fmt.Println(len(img), back.Estimate(), err)
	// Output: 40 3 <nil>
}

// Sketches built per shard merge into the sketch of the union: three shards
// of 1,000 IDs each, the second overlapping the first by 500, give 2,500
// distinct IDs (exact below k).
func ExampleSketch_Merge() {
	shards := [][2]uint64{{0, 1000}, {500, 1500}, {5000, 6000}}
	total, _ := theta.New(theta.DefaultLgK)
	for _, r := range shards {
		s, _ := theta.New(theta.DefaultLgK)
		for id := r[0]; id < r[1]; id++ {
			s.Add(id)
		}
		total.Merge(s.Compact())
	}
	fmt.Println(total.Estimate())
	// Output: 2500
}

// Set operations return sketches: {1…6} ∩ {4…9} = {4, 5, 6} and
// {1…6} \ {4…9} = {1, 2, 3}; the union has 9 members.
func ExampleIntersect() {
	a, _ := theta.New(theta.DefaultLgK)
	b, _ := theta.New(theta.DefaultLgK)
	for id := uint64(1); id <= 6; id++ {
		a.Add(id)
		b.Add(id + 3)
	}
	ca, cb := a.Compact(), b.Compact()
	fmt.Println(theta.Intersect(ca, cb).Estimate(), theta.ANotB(ca, cb).Estimate(), theta.Union(ca, cb).Estimate())
	// Output: 3 3 9
}

// The 63-bit hash of a 64-bit ID is the one DataSketches Java computes for
// update(long): the Java sketch of the single ID 0 stores 0x204480c8ee616be5.
func ExampleHashUint64() {
	fmt.Printf("%#x\n", theta.HashUint64(0))
	// Output: 0x204480c8ee616be5
}

// New rejects a nominal size outside [MinLgK, MaxLgK].
func ExampleNew() {
	s, err := theta.New(14) // k = 2^14 = 16,384
	fmt.Println(s.LgK(), err)
	_, err = theta.New(4)
	fmt.Println(err)
	// Output:
	// 14 <nil>
	// theta: New: lgK: must be in [5, 26] (4)
}

// The published MurmurHash3 x64-128 vector (seed 0) that Guava's and
// Boost.Hash2's tests use: the 16 bytes h1, h2 in little-endian order.
func ExampleMurmur3() {
	h1, h2 := theta.Murmur3([]byte("The quick brown fox jumps over the lazy dog"), 0)
	out := binary.LittleEndian.AppendUint64(nil, h1)
	out = binary.LittleEndian.AppendUint64(out, h2)
	fmt.Printf("%x\n", out)
	// Output: 6c1b07bc7bbc4be347939ac4a93c437a
}

// The seed hash DataSketches stores in bytes 6–7 of every non-empty sketch
// built with seed 9001 (the Java library writes cc 93).
func ExampleSeedHash() {
	fmt.Printf("%#04x\n", theta.SeedHash(theta.DefaultSeed))
	// Output: 0x93cc
}

// A handle hashes as its UTF-8 bytes; DataSketches ignores empty input.
func ExampleHashString() {
	hs, _ := theta.HashString("@ana")
	hb, _ := theta.HashBytes([]byte("@ana"))
	fmt.Println(hs == hb)
	_, err := theta.HashString("")
	fmt.Println(err)
	// Output:
	// true
	// theta: HashString: input: empty input
}

// String IDs are counted like 64-bit ones; repeats and empty strings do not
// count.
func ExampleSketch_AddString() {
	s, _ := theta.New(theta.DefaultLgK)
	for _, h := range []string{"@ana", "@ben", "@ana", ""} {
		s.AddString(h)
	}
	fmt.Println(s.Estimate())
	// Output: 2
}

// AddHash takes a hash computed elsewhere, for example on another machine.
func ExampleSketch_AddHash() {
	s, _ := theta.New(theta.DefaultLgK)
	s.AddHash(theta.HashUint64(42))
	s.Add(42) // the same ID: still one
	fmt.Println(s.Estimate(), s.Retained())
	// Output: 1 1
}

// FromHashes drops zeros and hashes not below theta and removes repeats:
// {5, 3, 0, 3, 9, 12} below θ = 10 keeps {3, 5, 9}.
func ExampleFromHashes() {
	c, _ := theta.FromHashes([]uint64{5, 3, 0, 3, 9, 12}, 10)
	fmt.Println(c.Hashes(), c.Theta())
	_, err := theta.FromHashes(nil, 0)
	fmt.Println(err)
	// Output:
	// [3 5 9] 10
	// theta: FromHashes: theta: must be in [1, 2^63-1] (0)
}

// All visits the retained hashes in ascending order.
func ExampleCompact_All() {
	c, _ := theta.FromHashes([]uint64{9, 3, 5}, theta.MaxTheta)
	for h := range c.All() {
		fmt.Print(h, " ")
	}
	fmt.Println()
	// Output: 3 5 9
}

// Trim keeps the k smallest hashes and makes the (k+1)-th the new theta:
// 40 hashes 1 … 40 trimmed to k = 2^5 = 32 keep 1 … 32, θ = 33.
func ExampleCompact_Trim() {
	hs := make([]uint64, 40)
	for i := range hs {
		hs[i] = uint64(i + 1)
	}
	c, _ := theta.FromHashes(hs, theta.MaxTheta)
	t, _ := c.Trim(5)
	fmt.Println(c.Retained(), c.IsEstimationMode(), "→", t.Retained(), t.Theta(), t.IsEstimationMode())
	// Output: 40 false → 32 33 true
}

// 100 hashes retained below θ = ½ estimate 100 / ½ = 200 IDs. At 2 standard
// deviations the bounds solve θn ± 2√(θ(1−θ)n) = 100 for n: with b = 1,
// √n = (√201 ∓ 1) / (2θ), so n = 13.1774² = 173.65 and 15.1774² = 230.35.
func ExampleCompact_Bounds() {
	hs := make([]uint64, 100)
	for i := range hs {
		hs[i] = uint64(i + 1)
	}
	c, _ := theta.FromHashes(hs, 1<<62) // θ = 2^62 / (2^63 − 1) ≈ ½
	lo, hi := c.Bounds(2)
	fmt.Printf("%.0f [%.2f, %.2f]\n", c.Estimate(), lo, hi)
	// Output: 200 [173.65, 230.35]
}

// The compressed format stores the differences between sorted hashes in as
// few bits as the largest needs: hashes 1, 3, 6 have differences 1, 2, 3,
// two bits each (01 10 11, padded: 0x6c), after an 8-byte preamble
// (preamble longs 1, serial version 4, family 3, 2 bits per entry, 1 count
// byte, flags 0x1a, seed hash cc 93) and the count 3.
func ExampleCompact_MarshalCompressed() {
	c, _ := theta.FromHashes([]uint64{1, 3, 6}, theta.MaxTheta)
	b, _ := c.MarshalCompressed()
	fmt.Printf("% x\n", b)
	// Output: 01 04 03 02 01 1a cc 93 03 6c
}

// The 8-byte image of the empty sketch, as DataSketches writes it (flags
// 0x1e: read-only, empty, compact, ordered).
func ExampleCompact_UnmarshalBinary() {
	var c theta.Compact
	err := c.UnmarshalBinary([]byte{1, 3, 3, 0, 0, 0x1e, 0, 0})
	fmt.Println(c.IsEmpty(), c.Estimate(), err)
	err = c.UnmarshalBinary([]byte{1, 3, 3})
	fmt.Println(err)
	// Output:
	// true 0 <nil>
	// theta: Decode: preamble: need 8 bytes (3)
}

// The textbook relative standard errors at k = 4096: 1/√4095 for a count
// or union; √(199/4095) for the intersection of two equal sets sharing
// 1 % (union ÷ intersection = 199).
func ExampleUnionRSE() {
	fmt.Printf("union %.4f %%, 1 %% overlap %.2f %%\n",
		100*theta.UnionRSE(4096), 100*theta.IntersectionRSE(4096, 199))
	// Output: union 1.5627 %, 1 % overlap 22.04 %
}

// Union and ANotB: {1…6} ∪ {4…9} has 9 members, {1…6} \ {4…9} = {1, 2, 3}.
func ExampleUnion() {
	a, _ := theta.New(theta.DefaultLgK)
	b, _ := theta.New(theta.DefaultLgK)
	for id := uint64(1); id <= 6; id++ {
		a.Add(id)
		b.Add(id + 3)
	}
	u := theta.Union(a.Compact(), b.Compact())
	d := theta.ANotB(a.Compact(), b.Compact())
	fmt.Println(u.Estimate(), d.Estimate())
	// Output: 9 3
}

// {1, 2, 3} and {1, 4} share 1 of 4 people: Jaccard 1/4, exactly (both
// sketches are below k).
func ExamplePair_Jaccard() {
	a, _ := theta.New(theta.DefaultLgK)
	b, _ := theta.New(theta.DefaultLgK)
	for _, id := range []uint64{1, 2, 3} {
		a.Add(id)
	}
	for _, id := range []uint64{1, 4} {
		b.Add(id)
	}
	j := theta.Compare(a.Compact(), b.Compact()).Jaccard(2)
	fmt.Println(j.Value, j.Exact)
	// Output: 0.25 true
}
