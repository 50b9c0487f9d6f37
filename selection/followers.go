package selection

import (
	"iter"
	"strconv"

	"github.com/influencekit/influencekit/audience"
)

// followerSet is the type of Candidate.Followers.
type followerSet = *audience.Set

// setFamily is the exact family of audience.Sets: gains come from
// Set.CountNotIn, the cover grows by audience.Union.
type setFamily []*audience.Set

func newSetFamily(fn string, cands []Candidate) (family, error) {
	fam := make(setFamily, len(cands))
	for i, c := range cands {
		if c.Followers == nil {
			return nil, errorf(ErrNoFollowers, fn, "cands["+strconv.Itoa(i)+"].Followers", "nil", strconv.Quote(c.ID))
		}
		fam[i] = c.Followers
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
