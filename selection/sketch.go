package selection

import (
	"fmt"
	"iter"
	"strconv"

	"github.com/influencekit/influencekit/audience"
	"github.com/shopspring/decimal"
)

// SketchCandidate is a candidate whose followers are known only through a
// theta sketch (audience.Sketch), as when follower lists are too large to
// ship or come pre-aggregated from a data warehouse.
type SketchCandidate struct {
	ID        string
	Fee       decimal.Decimal
	Followers *audience.Sketch
}

// ShortlistSketches is ShortlistWith for MaxUniqueReach over sketched
// audiences: the same algorithms (exhaustive search up to 20 candidates,
// lazy greedy with partial enumeration beyond) with every coverage figure
// an estimate. The exhaustive search copies a sketch per branch; when that
// exceeds Constraints.MaxWork it gives way to the greedy search. The
// marginal gain of a candidate is the estimated
// |followers \ covered| of audience.CompareSketches (relative standard
// error about √(F/(k−1)), F = |union| / |gain|), and the cover grows by
// merging sketches (theta union). Pick.Value is the estimated unique reach
// of the pick, rounded to a whole number. Because estimates are not exactly
// submodular, the lazy evaluation and the approximation guarantees hold
// only up to the sketches' error; Pick.Optimal is true only when every
// sketch is exact (held its whole set) and the search was exhaustive.
func ShortlistSketches(cands []SketchCandidate, budget decimal.Decimal, c Constraints) (Pick, error) {
	const fn = "ShortlistSketches"
	plain := make([]Candidate, len(cands))
	fam := sketchFamily{sketches: make([]*audience.Sketch, len(cands)), lgK: audience.MinSketchLgK}
	exactAll := true
	for i, sc := range cands {
		if sc.Followers == nil {
			return Pick{}, errorf(ErrNoFollowers, fn, "cands["+strconv.Itoa(i)+"].Followers", "nil", strconv.Quote(sc.ID))
		}
		plain[i] = Candidate{ID: sc.ID, Fee: sc.Fee}
		fam.sketches[i] = sc.Followers
		fam.lgK = max(fam.lgK, sc.Followers.LgK())
		exactAll = exactAll && sc.Followers.IsExact()
	}
	p, err := compile(fn, plain, budget, MaxUniqueReach, c)
	if err != nil {
		return Pick{}, err
	}
	res, err := solveReach(p, fam)
	if err != nil {
		return Pick{}, fmt.Errorf("selection: %s: %w", fn, err)
	}
	res.optimal = res.optimal && exactAll
	return p.pick(plain, MaxUniqueReach, res), nil
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
