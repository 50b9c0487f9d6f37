package theta

import (
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMurmur3Verification runs SMHasher's published self-test for
// MurmurHash3_x64_128 (aappleby/smhasher, src/main.cpp, verification value
// 0x6384BA69): hash the keys {}, {0}, {0,1}, …, {0,…,254} with seed 256−n,
// concatenate the 256 little-endian 16-byte results, hash that with seed 0;
// the first 4 bytes, little-endian, must be 0x6384BA69. It covers every
// tail length and block count up to 255 bytes.
func TestMurmur3Verification(t *testing.T) {
	key := make([]byte, 256)
	all := make([]byte, 0, 256*16)
	for n := range 256 {
		key[n] = byte(n)
		h1, h2 := Murmur3(key[:n], uint64(256-n))
		all = binary.LittleEndian.AppendUint64(all, h1)
		all = binary.LittleEndian.AppendUint64(all, h2)
	}
	h1, _ := Murmur3(all, 0)
	if got := uint32(h1); got != 0x6384BA69 {
		t.Fatalf("verification %#08x, want 0x6384ba69", got)
	}
}

func TestMurmur3Vectors(t *testing.T) {
	tests := []struct {
		name   string
		data   []byte
		seed   uint64
		h1, h2 uint64
	}{
		// Empty input, seed 0: h1 = h2 = 0, length 0, fmix64(0) = 0, so the
		// whole hash is 0 (follows from the algorithm by hand).
		{"empty seed 0", nil, 0, 0, 0},
		// Published vectors, seed 0, as the canonical 16-byte little-endian
		// hex (h1's bytes, then h2's): Guava's HashingTest (murmur3_128,
		// "The quick brown fox jumps over the lazy dog" →
		// 6c1b07bc7bbc4be347939ac4a93c437a) and Boost.Hash2's murmur3_128
		// test ("… lazy cog" → 9a2685ff70a98c653e5c8ea6eae3fe43). Reading
		// each 8-byte half little-endian gives the h1, h2 below.
		{"quick brown fox dog", []byte("The quick brown fox jumps over the lazy dog"), 0,
			0xe34bbc7bbc071b6c, 0x7a433ca9c49a9347},
		{"quick brown fox cog", []byte("The quick brown fox jumps over the lazy cog"), 0,
			0x658ca970ff85269a, 0x43fee3eaa68e5c3e},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h1, h2 := Murmur3(tt.data, tt.seed)
			if diff := cmp.Diff([2]uint64{tt.h1, tt.h2}, [2]uint64{h1, h2}); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

// TestDataSketchesConvention checks the DataSketches-specific choices
// against values the Java library wrote (apache/datasketches-go,
// serialization_test_data/java_generated_files, produced by
// datasketches-java with seed 9001):
//   - theta_n1_java.sk, bytes 6–7: seed hash cc 93 → 0x93CC;
//   - theta_n1_java.sk, bytes 8–15: e5 6b 61 ee c8 80 44 20, the hash of the
//     long 0 → 0x204480C8EE616BE5;
//   - theta_n10_java.sk, first entries after the 16-byte preamble, sorted:
//     15 f9 7d cb bd 86 a1 05 → 0x05A186BDCB7DF915 is the smallest hash of
//     the longs 0…9.
func TestDataSketchesConvention(t *testing.T) {
	if got := SeedHash(DefaultSeed); got != 0x93CC {
		t.Errorf("SeedHash(9001) = %#04x, want 0x93cc", got)
	}
	if got := HashUint64(0); got != 0x204480C8EE616BE5 {
		t.Errorf("HashUint64(0) = %#016x, want 0x204480c8ee616be5", got)
	}
	smallest := uint64(1<<63 - 1)
	for id := range uint64(10) {
		smallest = min(smallest, HashUint64(id))
	}
	if smallest != 0x05A186BDCB7DF915 {
		t.Errorf("smallest hash of 0…9 = %#016x, want 0x05a186bdcb7df915", smallest)
	}
}

// TestHashUint64MatchesBytes: the 8-byte fast path equals the general
// Murmur3 over the little-endian bytes, and is below 2^63.
func TestHashUint64MatchesBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		v := r.Uint64()
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], v)
		h1, _ := Murmur3(b[:], DefaultSeed)
		if got := HashUint64(v); got != h1>>1 {
			t.Fatalf("HashUint64(%d) = %#x, want %#x", v, got, h1>>1)
		}
		hb, err := HashBytes(b[:])
		if err != nil || hb != h1>>1 {
			t.Fatalf("HashBytes = %#x, %v", hb, err)
		}
	}
}

func TestHashStringAndBytes(t *testing.T) {
	for _, s := range []string{"a", "@influencer", "ünïcödé", "exactly sixteen!", "a string longer than sixteen bytes"} {
		hs, err := HashString(s)
		if err != nil {
			t.Fatal(err)
		}
		hb, err := HashBytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		h1, _ := Murmur3([]byte(s), 9001)
		if hs != hb || hs != h1>>1 {
			t.Errorf("%q: HashString %#x, HashBytes %#x, Murmur3>>1 %#x", s, hs, hb, h1>>1)
		}
	}
	if _, err := HashString(""); !errors.Is(err, ErrEmptyInput) {
		t.Errorf("HashString(\"\") error %v, want ErrEmptyInput", err)
	}
	if _, err := HashBytes(nil); !errors.Is(err, ErrEmptyInput) {
		t.Errorf("HashBytes(nil) error %v, want ErrEmptyInput", err)
	}
}
