package audience

import (
	"math"

	"github.com/influencekit/influencekit/internal/errs"
)

// Universe is a dictionary that maps external follower IDs (platform uint64
// IDs or strings such as handles) to dense 32-bit IDs 0, 1, 2, … in order of
// first appearance.
//
// When to use it: platform IDs are sparse 64-bit numbers, so a Set holds them
// at 4 bytes per ID and intersects them by merging. If every set of a
// campaign is translated through one shared Universe, the IDs become dense
// (a campaign's followers occupy 0 … N−1), the Sets switch to roaring
// bitmaps (as little as 1 bit per universe member, intersections by
// popcount), and string handles become usable at all. Measured on two
// 10⁶-ID sets below 2³⁶ sharing 30 %: 0.21 instead of 4.07 bytes per ID in
// the set and a 7 µs instead of 1.3 ms intersection. The price is the
// dictionary itself (about 15 bytes per distinct uint64 ID, measured; for
// handles, the string's bytes plus a string header and map overhead,
// roughly 30 bytes more, estimated) and the need to translate
// every set through the same Universe: sets from different Universes must
// not be compared. Use plain NewSet for a handful of sets or for IDs that
// arrive already dense; use a Universe for many sets over one population or
// for string IDs.
//
// A Universe is not safe for concurrent use while IDs are being added; once
// filled, Lookup, LookupString and Len are safe for concurrent use.
// The zero value is an empty Universe ready to use.
type Universe struct {
	nums map[uint64]uint32
	strs map[string]uint32
	n    uint64
}

// NewUniverse returns an empty Universe.
func NewUniverse() *Universe { return &Universe{} }

// Len returns the number of distinct external IDs mapped (0 for a nil
// Universe).
func (u *Universe) Len() int64 {
	if u == nil {
		return 0
	}
	return int64(u.n) //nolint:gosec // n <= 2^32
}

func (u *Universe) next(fn string) (uint32, error) {
	if u == nil {
		return 0, errs.New(ErrInvalid, "audience.Universe."+fn, "u", "nil *Universe", errs.None)
	}
	if u.n > math.MaxUint32 {
		return 0, errs.New(ErrTooLarge, "audience.Universe."+fn, "u", "full: holds 2^32 IDs", errs.None)
	}
	id := uint32(u.n)
	u.n++
	return id, nil
}

// ID returns the dense ID of external ID x, assigning the next one if x is
// new. After 2^32 distinct IDs it returns an error wrapping ErrTooLarge;
// on a nil *Universe, one wrapping ErrInvalid.
func (u *Universe) ID(x uint64) (uint32, error) {
	if id, ok := u.Lookup(x); ok {
		return id, nil
	}
	id, err := u.next("ID")
	if err != nil {
		return 0, err
	}
	if u.nums == nil {
		u.nums = make(map[uint64]uint32)
	}
	u.nums[x] = id
	return id, nil
}

// IDString is ID for string external IDs (handles, platform string IDs).
// Strings and uint64s live in separate namespaces: "42" and 42 differ.
func (u *Universe) IDString(x string) (uint32, error) {
	if id, ok := u.LookupString(x); ok {
		return id, nil
	}
	id, err := u.next("IDString")
	if err != nil {
		return 0, err
	}
	if u.strs == nil {
		u.strs = make(map[string]uint32)
	}
	u.strs[x] = id
	return id, nil
}

// Lookup returns the dense ID of x and whether x has one, without assigning.
// A nil *Universe has none.
func (u *Universe) Lookup(x uint64) (uint32, bool) {
	if u == nil {
		return 0, false
	}
	id, ok := u.nums[x]
	return id, ok
}

// LookupString returns the dense ID of x and whether x has one.
func (u *Universe) LookupString(x string) (uint32, bool) {
	if u == nil {
		return 0, false
	}
	id, ok := u.strs[x]
	return id, ok
}

// Set returns the set of the dense IDs of xs, assigning new ones as needed.
func (u *Universe) Set(xs ...uint64) (*Set, error) {
	ids := make([]uint64, len(xs))
	for i, x := range xs {
		id, err := u.ID(x)
		if err != nil {
			return nil, err
		}
		ids[i] = uint64(id)
	}
	return NewSet(ids...), nil
}

// SetOfStrings returns the set of the dense IDs of xs, assigning new ones.
func (u *Universe) SetOfStrings(xs ...string) (*Set, error) {
	ids := make([]uint64, len(xs))
	for i, x := range xs {
		id, err := u.IDString(x)
		if err != nil {
			return nil, err
		}
		ids[i] = uint64(id)
	}
	return NewSet(ids...), nil
}
