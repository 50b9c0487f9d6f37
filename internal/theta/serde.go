package theta

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/bits"
	"slices"

	"github.com/influencekit/influencekit/internal/errs"
)

// Compact theta sketch image (Apache DataSketches, little-endian):
//
//	byte 0     preamble longs (low 6 bits; top 2 bits: resize factor, ignored)
//	byte 1     serial version: 3, or 4 (compressed)
//	byte 2     family: 3 = compact theta
//	byte 3     v3: lgNomLongs (0 in compact images); v4: bits per delta
//	byte 4     v3: lgArrLongs (0); v4: bytes of the entry count
//	byte 5     flags: 1 big-endian, 2 read-only, 4 empty, 8 compact,
//	           16 ordered, 32 single item
//	bytes 6-7  seed hash (SeedHash; 0 allowed when empty)
//
// Serial version 3: preamble longs 1 = empty (8 bytes) or one exact hash at
// bytes 8-15; 2 = exact, uint32 count at bytes 8-11, bytes 12-15 unused,
// hashes from byte 16; 3 = estimation, as 2 plus theta at bytes 16-23 and
// hashes from byte 24. Hashes are 8-byte little-endian.
//
// Serial version 4 (always ordered): preamble longs 1 = exact, 2 = theta at
// bytes 8-15; then the count in byte-4 little-endian bytes; then the
// differences between consecutive hashes (the first from 0), each in byte-3
// bits, packed most significant bit first.
const (
	serVerV3      = 3
	serVerV4      = 4
	familyCompact = 3

	flagBigEndian  = 1 << 0
	flagReadOnly   = 1 << 1
	flagEmpty      = 1 << 2
	flagCompact    = 1 << 3
	flagOrdered    = 1 << 4
	flagSingleItem = 1 << 5
)

// MarshalBinary serialises c as a DataSketches compact theta sketch, serial
// version 3, ordered, exactly as the Java library writes it (empty sketches
// in 8 bytes, one exact hash in 16, exact mode with a 16-byte preamble,
// estimation mode with a 24-byte one).
func (c *Compact) MarshalBinary() ([]byte, error) {
	return c.AppendBinary(nil)
}

// AppendBinary appends the serial-version-3 image of c (see MarshalBinary).
func (c *Compact) AppendBinary(b []byte) ([]byte, error) {
	const flags = flagReadOnly | flagCompact | flagOrdered
	c = norm(c)
	n := len(c.hashes)
	switch {
	case c.empty:
		// Java writes seed hash 0 for an empty sketch.
		return append(b, 1, serVerV3, familyCompact, 0, 0, flags|flagEmpty, 0, 0), nil
	case n == 1 && c.theta == MaxTheta:
		b = appendHead(b, 1, serVerV3, 0, 0, flags|flagSingleItem)
		return binary.LittleEndian.AppendUint64(b, c.hashes[0]), nil
	}
	pre := byte(2)
	if c.theta < MaxTheta {
		pre = 3
	}
	b = slices.Grow(b, int(pre)*8+8*n)
	b = appendHead(b, pre, serVerV3, 0, 0, flags)
	b = binary.LittleEndian.AppendUint32(b, uint32(n))
	b = binary.LittleEndian.AppendUint32(b, 0)
	if pre == 3 {
		b = binary.LittleEndian.AppendUint64(b, c.theta)
	}
	for _, h := range c.hashes {
		b = binary.LittleEndian.AppendUint64(b, h)
	}
	return b, nil
}

// MarshalCompressed serialises c in the compressed serial version 4 that
// DataSketches 4+ reads (Java 6+ writes it with compact(true, …)
// compressed). Sketches that version 4 cannot hold (empty, no hashes, one
// exact hash) are written as version 3, as the Java library does.
func (c *Compact) MarshalCompressed() ([]byte, error) {
	c = norm(c)
	n := len(c.hashes)
	if c.empty || n == 0 || (n == 1 && c.theta == MaxTheta) {
		return c.MarshalBinary()
	}
	var or, prev uint64
	for _, h := range c.hashes {
		or |= h - prev
		prev = h
	}
	entryBits := 64 - bits.LeadingZeros64(or)
	countBytes := (32 - bits.LeadingZeros32(uint32(n)) + 7) / 8
	pre := byte(1)
	if c.theta < MaxTheta {
		pre = 2
	}
	dataBytes := (entryBits*n + 7) / 8
	b := make([]byte, 0, int(pre)*8+countBytes+dataBytes)
	b = appendHead(b, pre, serVerV4, byte(entryBits), byte(countBytes), flagReadOnly|flagCompact|flagOrdered)
	if pre == 2 {
		b = binary.LittleEndian.AppendUint64(b, c.theta)
	}
	for i := range countBytes {
		b = append(b, byte(n>>(8*i)))
	}
	// MSB-first bit packing through a 64-bit accumulator.
	var acc uint64 // pending bits, left-aligned
	var nacc int
	prev = 0
	for _, h := range c.hashes {
		d := h - prev
		prev = h
		left := entryBits
		for left > 0 {
			take := min(left, 64-nacc)
			chunk := (d >> (left - take)) & (1<<take - 1)
			acc |= chunk << (64 - nacc - take)
			nacc += take
			left -= take
			for nacc >= 8 {
				b = append(b, byte(acc>>56))
				acc <<= 8
				nacc -= 8
			}
		}
	}
	if nacc > 0 {
		b = append(b, byte(acc>>56))
	}
	return b, nil
}

func appendHead(b []byte, pre, ver, b3, b4, flags byte) []byte {
	b = append(b, pre, ver, familyCompact, b3, b4, flags)
	return binary.LittleEndian.AppendUint16(b, seedHash9001)
}

// UnmarshalBinary replaces c with the sketch decoded from data (see
// Decode). Call it only on a value no other goroutine is using.
func (c *Compact) UnmarshalBinary(data []byte) error {
	d, err := Decode(data)
	if err != nil {
		return err
	}
	*c = *d
	return nil
}

// Decode reads a DataSketches compact theta sketch image: serial version 3
// (empty, single-item, exact and estimation forms, ordered or not) or the
// compressed serial version 4. The image must have been built with seed
// 9001. Bad bytes give an error wrapping ErrTruncated, ErrCorrupt,
// ErrUnsupported or ErrSeedMismatch, never a panic. Bytes after the
// announced data are ignored, as DataSketches does.
func Decode(data []byte) (*Compact, error) {
	return decode(data, math.MaxInt)
}

// DecodeTrim is Decode followed by Trim(lgK), in bounded memory: it never
// holds more than k+1 = 2^lgK+1 hashes of a compressed (version 4) image,
// whose 1-bit deltas could otherwise announce 8 hashes (64 bytes) per byte
// of input. Every entry is still read and checked (time linear in
// len(data)), so it accepts and refuses exactly what Decode does. Version 3
// images hold 8 bytes per hash, so decoding one holds at most len(data)
// bytes of hashes before the trim. An lgK outside [MinLgK, MaxLgK] wraps
// ErrLgK.
func DecodeTrim(data []byte, lgK int) (*Compact, error) {
	if lgK < MinLgK || lgK > MaxLgK {
		return nil, errs.New(ErrLgK, "theta.DecodeTrim", "lgK", lgKRange, lgK)
	}
	c, err := decode(data, 1<<lgK+1)
	if err != nil {
		return nil, err
	}
	return c.Trim(lgK)
}

// decode is Decode keeping at most keep hashes of a version 4 image (the
// smallest; the rest are read and checked only).
func decode(data []byte, keep int) (*Compact, error) {
	if len(data) < 8 {
		return nil, decErr("preamble", "need 8 bytes", len(data), ErrTruncated)
	}
	if data[2] != familyCompact {
		return nil, decErr("family", "only compact theta (3) is read", int(data[2]), ErrUnsupported)
	}
	flags := data[5]
	if flags&flagBigEndian != 0 {
		return nil, decErr("flags", "big-endian images are not read", int(flags), ErrUnsupported)
	}
	pre := data[0] & 0x3f
	switch data[1] {
	case serVerV3:
		return decodeV3(data, pre, flags)
	case serVerV4:
		return decodeV4(data, pre, flags, keep)
	default:
		return nil, decErr("serial version", "only 3 and 4 are read", int(data[1]), ErrUnsupported)
	}
}

// MaxRetained is the most hashes a decoded image may hold: 2^(MaxLgK+1) =
// 2^27 (1 GiB of hashes), above the 15/8·2^26 a DataSketches sketch of the
// largest nominal size keeps. Decode refuses more with an error wrapping
// errs.ErrTooLarge (after checking that the bytes hold them), so a
// compressed image of 1-bit deltas, 8 hashes per byte, cannot make it
// allocate more than that.
const MaxRetained = 1 << (MaxLgK + 1)

func tooMany(n uint64) error {
	return decErr("entries", "more hashes than MaxRetained (2^27)", n, errs.ErrTooLarge)
}

func decErr(field, what string, v any, sentinel error) error {
	return errs.New(sentinel, "theta.Decode", field, what, v)
}

func checkSeed(data []byte) error {
	if sh := binary.LittleEndian.Uint16(data[6:]); sh != seedHash9001 {
		return errs.New(ErrSeedMismatch, "theta.Decode", "seed hash", fmt.Sprintf("want %#04x for seed 9001", seedHash9001), fmt.Sprintf("%#04x", sh))
	}
	return nil
}

func decodeV3(data []byte, pre, flags byte) (*Compact, error) {
	if flags&flagCompact == 0 {
		return nil, decErr("flags", "compact flag missing", int(flags), ErrCorrupt)
	}
	if flags&flagEmpty != 0 {
		if pre != 1 {
			return nil, decErr("preamble longs", "an empty sketch has 1", int(pre), ErrCorrupt)
		}
		return &Compact{theta: MaxTheta, empty: true}, nil
	}
	if err := checkSeed(data); err != nil {
		return nil, err
	}
	var theta = MaxTheta
	var start, count int
	switch pre {
	case 1:
		if len(data) < 16 {
			return nil, decErr("single item", "need 16 bytes", len(data), ErrTruncated)
		}
		start, count = 8, 1
	case 2, 3:
		if len(data) < int(pre)*8 {
			return nil, decErr("preamble", fmt.Sprintf("need %d bytes", pre*8), len(data), ErrTruncated)
		}
		n := binary.LittleEndian.Uint32(data[8:])
		start = int(pre) * 8
		if uint64(n) > uint64(len(data)-start)/8 {
			return nil, decErr("entries", fmt.Sprintf("%d hashes announced, bytes hold", n), (len(data)-start)/8, ErrTruncated)
		}
		if n > MaxRetained {
			return nil, tooMany(uint64(n))
		}
		count = int(n)
		if pre == 3 {
			theta = binary.LittleEndian.Uint64(data[16:])
			if theta == 0 || theta > MaxTheta {
				return nil, decErr("theta", "must be in [1, 2^63-1]", theta, ErrCorrupt)
			}
		}
	default:
		return nil, decErr("preamble longs", "must be 1, 2 or 3", int(pre), ErrCorrupt)
	}
	hs := make([]uint64, count)
	for i := range hs {
		hs[i] = binary.LittleEndian.Uint64(data[start+8*i:])
	}
	if flags&flagOrdered == 0 {
		slices.Sort(hs) // duplicates are left for checkHashes to reject
	}
	if err := checkHashes(hs, theta); err != nil {
		return nil, err
	}
	return &Compact{hashes: hs, theta: theta}, nil
}

func decodeV4(data []byte, pre, flags byte, keep int) (*Compact, error) {
	if flags&(flagCompact|flagOrdered) != flagCompact|flagOrdered || flags&flagEmpty != 0 {
		return nil, decErr("flags", "version 4 is compact, ordered, non-empty", int(flags), ErrCorrupt)
	}
	if err := checkSeed(data); err != nil {
		return nil, err
	}
	entryBits, countBytes := int(data[3]), int(data[4])
	if entryBits < 1 || entryBits > 63 {
		return nil, decErr("entry bits", "must be in [1, 63]", entryBits, ErrCorrupt)
	}
	if countBytes < 1 || countBytes > 4 {
		return nil, decErr("count bytes", "must be in [1, 4]", countBytes, ErrCorrupt)
	}
	theta := MaxTheta
	off := 8
	switch pre {
	case 1:
	case 2:
		if len(data) < 16 {
			return nil, decErr("theta", "need 16 bytes", len(data), ErrTruncated)
		}
		theta = binary.LittleEndian.Uint64(data[8:])
		if theta == 0 || theta > MaxTheta {
			return nil, decErr("theta", "must be in [1, 2^63-1]", theta, ErrCorrupt)
		}
		off = 16
	default:
		return nil, decErr("preamble longs", "must be 1 or 2", int(pre), ErrCorrupt)
	}
	if len(data) < off+countBytes {
		return nil, decErr("count", "bytes end early", len(data), ErrTruncated)
	}
	var n uint64
	for i := range countBytes {
		n |= uint64(data[off+i]) << (8 * i)
	}
	off += countBytes
	need := (n*uint64(entryBits) + 7) / 8
	if need > uint64(len(data)-off) {
		return nil, decErr("entries", fmt.Sprintf("%d hashes of %d bits announced, bytes left", n, entryBits), len(data)-off, ErrTruncated)
	}
	if n > MaxRetained {
		return nil, tooMany(n)
	}
	hs, err := readDeltas(data[off:], int(n), entryBits, theta, keep) //nolint:gosec // n < 2^32
	if err != nil {
		return nil, err
	}
	return &Compact{hashes: hs, theta: theta}, nil
}

// readDeltas reads and checks n hashes stored as w-bit deltas in src (the
// caller has checked that src holds n·w bits), keeping the first keep.
func readDeltas(src []byte, n, w int, theta uint64, keep int) ([]uint64, error) {
	hs := make([]uint64, 0, min(n, keep))
	var prev uint64
	for i := range n {
		h := prev + readBits(src, i*w, w)
		if err := checkHash(i, h, prev, theta); err != nil {
			return nil, err
		}
		if i < keep {
			hs = append(hs, h)
		}
		prev = h
	}
	return hs, nil
}

// checkHashes verifies hs is strictly ascending, free of zero and below theta.
func checkHashes(hs []uint64, theta uint64) error {
	var prev uint64
	for i, h := range hs {
		if err := checkHash(i, h, prev, theta); err != nil {
			return err
		}
		prev = h
	}
	return nil
}

// checkHash verifies that hash i, h, is above the one before it (prev; 0
// for the first), hence not zero, and below theta.
func checkHash(i int, h, prev, theta uint64) error {
	if h <= prev {
		if h == 0 {
			return decErr("entries", fmt.Sprintf("hash %d is zero", i), 0, ErrCorrupt)
		}
		return decErr("entries", fmt.Sprintf("hash %d is not above the previous one", i), i, ErrCorrupt)
	}
	if h >= theta {
		return decErr("entries", fmt.Sprintf("hash %d is not below theta", i), i, ErrCorrupt)
	}
	return nil
}

// readBits returns the w-bit (1 ≤ w ≤ 63) big-endian bit field starting at
// bit p of src (bit 0 = most significant bit of src[0]). The caller has
// checked that src holds p+w bits.
func readBits(src []byte, p, w int) uint64 {
	q, r := p>>3, uint(p&7)
	var x uint64
	if q+8 <= len(src) {
		x = binary.BigEndian.Uint64(src[q:])
	} else {
		for i := range 8 {
			x <<= 8
			if q+i < len(src) {
				x |= uint64(src[q+i])
			}
		}
	}
	v := x << r >> (64 - uint(w))
	if extra := int(r) + w - 64; extra > 0 {
		v |= uint64(src[q+8]) >> (8 - uint(extra))
	}
	return v
}
