package theta_test

import (
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
