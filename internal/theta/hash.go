package theta

import (
	"unsafe"

	"github.com/influencekit/influencekit/internal/errs"
)

// DefaultSeed is the hash seed of Apache DataSketches (9001). Sketches built
// with another seed are incompatible; this package only builds and reads
// sketches with DefaultSeed.
const DefaultSeed uint64 = 9001

// MaxTheta is θ = 1 in the 63-bit fixed point DataSketches uses: hashes are
// in [1, MaxTheta), and a sketch whose theta is MaxTheta is in exact mode.
const MaxTheta uint64 = 1<<63 - 1

// seedHash9001 is the 16-bit seed hash stored in every non-empty DataSketches
// sketch built with seed 9001 (see SeedHash).
var seedHash9001 = SeedHash(DefaultSeed)

// SeedHash returns the 16-bit fingerprint of a hash seed that DataSketches
// writes into serialised sketches to detect seed mismatches: the low 16 bits
// of h1 of Murmur3 over the seed's 8 little-endian bytes, with hash seed 0
// (Java Util.computeSeedHash). For 9001 it is 0x93CC.
func SeedHash(seed uint64) uint16 {
	return uint16(murmur3Uint64(seed, 0))
}

// HashUint64 returns the 63-bit theta hash of a 64-bit ID exactly as
// DataSketches Java UpdateSketch.update(long) computes it: MurmurHash3
// x64-128 with seed 9001 over the 8 bytes of the ID in little-endian order,
// first 64-bit half, shifted right by one. A signed int64 ID hashes the same
// as its two's-complement uint64.
//
// The result is in [0, 2⁶³); a zero hash (probability 2⁻⁶³) is ignored by
// sketches, as in DataSketches.
func HashUint64(id uint64) uint64 {
	return murmur3Uint64(id, DefaultSeed) >> 1
}

// HashBytes returns the theta hash of b as DataSketches update(byte[]) does:
// MurmurHash3 x64-128, seed 9001, over the bytes, first half shifted right
// by one. DataSketches ignores empty input, so an empty b is an error
// wrapping ErrEmptyInput.
func HashBytes(b []byte) (uint64, error) {
	if len(b) == 0 {
		return 0, errs.New(ErrEmptyInput, "theta.HashBytes", "input", "", errs.None)
	}
	h1, _ := Murmur3(b, DefaultSeed)
	return h1 >> 1, nil
}

// HashString returns the theta hash of s as DataSketches update(String)
// does: the hash of its UTF-8 bytes (Go strings are already UTF-8 bytes;
// Java's getBytes(UTF_8) replaces invalid sequences, so invalid UTF-8 only
// agrees with Java when Java saw the same bytes). An empty s is an error
// wrapping ErrEmptyInput, as DataSketches ignores empty strings.
func HashString(s string) (uint64, error) {
	if len(s) == 0 {
		return 0, errs.New(ErrEmptyInput, "theta.HashString", "input", "", errs.None)
	}
	h1, _ := Murmur3(unsafe.Slice(unsafe.StringData(s), len(s)), DefaultSeed)
	return h1 >> 1, nil
}
