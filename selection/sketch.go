package selection

import (
	"iter"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/shopspring/decimal"
)

// newFamily returns the follower family of MaxUniqueReach candidates, and
// whether every figure it gives is exact: the exact sets (newSetFamily)
// when no candidate has a Sketch, else a sketchFamily in which the exact
// sets are sketched at the largest lgK of the given sketches.
func newFamily(fn string, cands []Candidate) (family, bool, error) {
	sketched := false
	for i, c := range cands {
		field := errs.Index("cands", i)
		if c.Followers == nil && c.Sketch == nil { // both set: refused by checkCands
			return nil, false, errs.New(ErrNoFollowers, fn, field+".Followers", "nil, and no Sketch", c.ID)
		}
		sketched = sketched || c.Sketch != nil
	}
	if !sketched {
		fam, err := newSetFamily(fn, cands)
		return fam, true, err
	}
	fam := sketchFamily{sketches: make([]*audience.Sketch, len(cands)), lgK: audience.MinSketchLgK}
	for _, c := range cands {
		if c.Sketch != nil {
			fam.lgK = max(fam.lgK, c.Sketch.LgK())
		}
	}
	exactAll := true
	for i, c := range cands {
		s := c.Sketch
		if s == nil {
			var err error
			if s, err = audience.SketchOf(c.Followers, fam.lgK); err != nil {
				return nil, false, errs.New(ErrInvalid, fn, errs.Index("cands", i)+".Followers", "cannot be sketched: "+err.Error(), c.ID)
			}
		}
		fam.sketches[i] = s
		exactAll = exactAll && s.IsExact()
	}
	return fam, exactAll, nil
}

// sketchFamily estimates coverage from theta sketches; it cannot list
// members, so the exact search enumerates subsets (reachDFS).
type sketchFamily struct {
	sketches []*audience.Sketch
	lgK      int
}

func round(d decimal.Decimal) int64 { return max(d.Round(0).IntPart(), 0) }

func (f sketchFamily) size(i int) int64 { return round(f.sketches[i].Estimate().Value) }

func (f sketchFamily) members(int) (iter.Seq[uint64], bool) { return nil, false }

func (f sketchFamily) newCover() cover {
	s, _ := audience.NewSketch(f.lgK) // lgK comes from valid sketches
	return &sketchCover{fam: f, s: s}
}

type sketchCover struct {
	fam sketchFamily
	s   *audience.Sketch
}

func (c *sketchCover) gain(i int) int64 {
	return audience.OverlapSketches(c.s, c.fam.sketches[i]).OnlyB
}

func (c *sketchCover) add(i int) { c.s.Merge(c.fam.sketches[i]) }

func (c *sketchCover) len() int64 { return round(c.s.Estimate().Value) }

// cost counts 16 units per sketch entry: copying a theta sketch re-inserts
// every hash into a table, measured at about 16 times the cost of touching
// one follower ID of a bitset cover.
func (c *sketchCover) cost() int64 { return int64(16) << c.fam.lgK }

func (c *sketchCover) clone() cover {
	s, _ := audience.NewSketch(c.fam.lgK)
	s.Merge(c.s)
	return &sketchCover{fam: c.fam, s: s}
}
