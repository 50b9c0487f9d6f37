package selection

import (
	"iter"
	"slices"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/internal/errs"
)

// setFamily is the exact family of audience.Sets: gains come from
// Set.CountNotIn, the cover grows by audience.Union.
type setFamily []*audience.Set

// newSetFamily returns the family of the candidates' follower sets: a
// bitFamily when every ID is below 2³² and a bitset over 0 … max ID takes
// at most 16 bits per follower listed, else a setFamily.
func newSetFamily(fn string, cands []Candidate) (family, error) {
	fam := make(setFamily, len(cands))
	var total int64
	var maxID uint64
	var buf []uint64
	for i, c := range cands {
		if c.Followers == nil {
			return nil, errs.New(ErrNoFollowers, fn, errs.Index("cands", i)+".Followers", "nil", c.ID)
		}
		fam[i] = c.Followers
		if n := c.Followers.Len(); n > 0 {
			total += n
			buf = c.Followers.AppendTo(buf[:0])
			maxID = max(maxID, buf[len(buf)-1])
		}
	}
	if maxID < 1<<32 && maxID/16 <= uint64(total) {
		return bitFamily{sets: fam, words: int(maxID/64) + 1}, nil
	}
	return fam, nil
}

func (f setFamily) size(i int) int64 { return f[i].Len() }

func (f setFamily) members(i int) (iter.Seq[uint64], bool) { return f[i].All(), true }

func (f setFamily) newCover() cover { return &setCover{fam: f, covered: &audience.Set{}} }

type setCover struct {
	fam     setFamily
	covered *audience.Set
}

func (c *setCover) gain(i int) int64 { return c.fam[i].CountNotIn(c.covered) }
func (c *setCover) add(i int)        { c.covered = audience.Union(c.covered, c.fam[i]) }
func (c *setCover) len() int64       { return c.covered.Len() }
func (c *setCover) clone() cover     { return &setCover{fam: c.fam, covered: c.covered} }
func (c *setCover) cost() int64      { return 1 }

// bitFamily covers with a flat bitset over 0 … max ID: a gain evaluation
// or an addition walks the creator's IDs once, at a few nanoseconds each,
// whatever the size of the cover.
type bitFamily struct {
	sets  setFamily
	words int
}

func (f bitFamily) size(i int) int64 { return f.sets[i].Len() }

func (f bitFamily) members(i int) (iter.Seq[uint64], bool) { return f.sets[i].All(), true }

func (f bitFamily) newCover() cover {
	return &bitCover{fam: f, bits: make([]uint64, f.words)}
}

type bitCover struct {
	fam  bitFamily
	bits []uint64
	n    int64
	buf  []uint64
}

func (c *bitCover) gain(i int) int64 {
	c.buf = c.fam.sets[i].AppendTo(c.buf[:0])
	var covered int64
	for _, id := range c.buf {
		covered += int64(c.bits[id>>6] >> (id & 63) & 1)
	}
	return int64(len(c.buf)) - covered
}

func (c *bitCover) add(i int) {
	c.buf = c.fam.sets[i].AppendTo(c.buf[:0])
	for _, id := range c.buf {
		w, b := id>>6, uint64(1)<<(id&63)
		if c.bits[w]&b == 0 {
			c.bits[w] |= b
			c.n++
		}
	}
}

func (c *bitCover) len() int64 { return c.n }

func (c *bitCover) cost() int64 { return int64(len(c.bits)) + 1 }

func (c *bitCover) clone() cover {
	return &bitCover{fam: c.fam, bits: slices.Clone(c.bits), n: c.n}
}
