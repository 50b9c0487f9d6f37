package theta

import (
	"encoding/binary"
	"math/bits"
)

// MurmurHash3 x64-128 constants, from Austin Appleby's public-domain
// description of the algorithm (SMHasher, MurmurHash3.cpp).
const (
	murmurC1 = 0x87c37b91114253d5
	murmurC2 = 0x4cf5ad432745937f
)

// fmix64 is MurmurHash3's 64-bit finaliser: it forces every input bit to
// affect every output bit.
func fmix64(k uint64) uint64 {
	k ^= k >> 33
	k *= 0xff51afd7ed558ccd
	k ^= k >> 33
	k *= 0xc4ceb9fe1a85ec53
	k ^= k >> 33
	return k
}

// Murmur3 returns the 128-bit MurmurHash3 x64-128 of data under seed, as
// its two 64-bit halves h1 and h2 (h1 is the first 8 bytes of the canonical
// little-endian output). The seed initialises both halves, as in
// DataSketches, which passes a 64-bit seed (the reference C++ passes 32
// bits; the two agree for seeds below 2³²).
func Murmur3(data []byte, seed uint64) (h1, h2 uint64) {
	h1, h2 = seed, seed
	n := len(data)
	p := data
	for len(p) >= 16 {
		k1 := binary.LittleEndian.Uint64(p)
		k2 := binary.LittleEndian.Uint64(p[8:])
		p = p[16:]

		h1 ^= mixK1(k1)
		h1 = bits.RotateLeft64(h1, 27)
		h1 += h2
		h1 = h1*5 + 0x52dce729

		h2 ^= mixK2(k2)
		h2 = bits.RotateLeft64(h2, 31)
		h2 += h1
		h2 = h2*5 + 0x38495ab5
	}
	// Tail: up to 15 bytes, little-endian; bytes 8..14 feed k2, 0..7 feed k1.
	if len(p) > 8 {
		var k2 uint64
		for i := len(p) - 1; i >= 8; i-- {
			k2 = k2<<8 | uint64(p[i])
		}
		h2 ^= mixK2(k2)
	}
	if len(p) > 0 {
		var k1 uint64
		for i := min(len(p), 8) - 1; i >= 0; i-- {
			k1 = k1<<8 | uint64(p[i])
		}
		h1 ^= mixK1(k1)
	}
	return murmurFinal(h1, h2, uint64(n))
}

// mixK1 and mixK2 scramble one 64-bit block before it enters h1 or h2.
func mixK1(k uint64) uint64 { return bits.RotateLeft64(k*murmurC1, 31) * murmurC2 }
func mixK2(k uint64) uint64 { return bits.RotateLeft64(k*murmurC2, 33) * murmurC1 }

func murmurFinal(h1, h2, n uint64) (uint64, uint64) {
	h1 ^= n
	h2 ^= n
	h1 += h2
	h2 += h1
	h1 = fmix64(h1)
	h2 = fmix64(h2)
	h1 += h2
	h2 += h1
	return h1, h2
}

// murmur3Uint64 is Murmur3 of the 8 little-endian bytes of v, specialised:
// an 8-byte input has no full block and a tail that is exactly k1 = v, so
// h2 stays the seed until finalisation. It returns h1 only.
func murmur3Uint64(v, seed uint64) uint64 {
	h1 := seed ^ mixK1(v)
	h2 := seed
	h1 ^= 8
	h2 ^= 8
	h1 += h2
	h2 += h1
	h1 = fmix64(h1)
	h2 = fmix64(h2)
	return h1 + h2
}
