package selection

import (
	"errors"
	"slices"
	"strconv"
	"testing"

	"github.com/influencekit/influencekit/audience"
	"github.com/shopspring/decimal"
)

// FuzzShortlist decodes bytes into up to 8 candidates (fee, value, a few
// follower IDs) with random constraints and checks the invariants: no
// panic; a pick never exceeds the budget and meets the constraints; the
// reported value is the pick's; a pick marked Optimal is at least as good as
// every subset (brute force), and ErrInfeasible only when none is feasible.
func FuzzShortlist(f *testing.F) {
	f.Add([]byte{3, 10, 5, 1, 2, 7, 3, 2, 8, 6, 1, 9}, uint8(20), uint8(0))
	f.Add([]byte{6, 7, 0, 5, 5, 1, 5, 5, 2, 0, 0, 0}, uint8(10), uint8(1))
	f.Add([]byte{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, uint8(3), uint8(0xff))
	f.Fuzz(func(t *testing.T, data []byte, budget uint8, flags uint8) {
		var cands []Candidate
		tiers := map[string]string{}
		for i := 0; i+2 < len(data) && len(cands) < 8; i += 3 {
			id := "c" + strconv.Itoa(len(cands))
			ids := []uint64{uint64(data[i+2] & 7), uint64(data[i+2]>>3) + 8}
			cands = append(cands, Candidate{
				ID:        id,
				Fee:       decimal.New(int64(data[i]), -int32(data[i]%3)),
				Value:     decimal.NewFromInt(int64(data[i+1])),
				Followers: audience.NewSet(ids...),
			})
			tiers[id] = []string{"nano", "micro"}[data[i+1]%2]
		}
		var c Constraints
		if flags&1 != 0 && len(cands) > 0 {
			c.Include = []string{cands[0].ID}
		}
		if flags&2 != 0 && len(cands) > 1 {
			c.Exclude = []string{cands[len(cands)-1].ID}
		}
		if flags&4 != 0 {
			c.Group = tiers
			c.AtMostPerGroup = map[string]int{"nano": int(flags>>6) % 3}
		}
		if flags&8 != 0 {
			c.Group = tiers
			c.AtLeastPerGroup = map[string]int{"micro": 1}
		}
		if flags&16 != 0 {
			c.MinCreators = 2
		}
		if flags&32 != 0 {
			c.MaxShare = decimal.New(6, -1)
		}
		if m, ok := c.AtMostPerGroup["micro"]; ok && m < c.AtLeastPerGroup["micro"] {
			return
		}
		b := decimal.NewFromInt(int64(budget))
		for _, goal := range []Goal{MaxValue, MaxUniqueReach} {
			pick, err := ShortlistWith(cands, b, goal, c)
			wantV, wantC, feasible := bruteValue(cands, b, c, goal == MaxUniqueReach)
			if err != nil {
				if errors.Is(err, ErrInfeasible) && feasible {
					t.Fatalf("%v: ErrInfeasible, but brute force finds %s", goal, wantV)
				}
				if !errors.Is(err, ErrInfeasible) && !errors.Is(err, ErrInvalid) {
					t.Fatalf("%v: unexpected error %v", goal, err)
				}
				continue
			}
			if !feasible {
				t.Fatalf("%v: pick %v on an infeasible instance", goal, pick.IDs)
			}
			if pick.Cost.GreaterThan(b) || !satisfies(pick.IDs, cands, b, c) {
				t.Fatalf("%v: pick %v cost %s breaks budget %s or constraints", goal, pick.IDs, pick.Cost, b)
			}
			if pick.Optimal && (pick.Value.LessThan(wantV) || (pick.Value.Equal(wantV) && pick.Cost.GreaterThan(wantC))) {
				t.Fatalf("%v: optimal pick %s at %s, brute force %s at %s", goal, pick.Value, pick.Cost, wantV, wantC)
			}
			if pick.Value.GreaterThan(wantV) {
				t.Fatalf("%v: pick value %s above the optimum %s", goal, pick.Value, wantV)
			}
		}
	})
}

// FuzzReachGreedy drives the greedy path of MaxUniqueReach (more than 20
// candidates) with zero fees, empty and identical follower sets and tiny
// work limits, the inputs that once made it run for ever: the lazy greedy
// must pick what plain greedy picks, and Shortlist must return, within the
// budget, a reach equal to the union of the picked sets.
func FuzzReachGreedy(f *testing.F) {
	f.Add(make([]byte, 42), uint8(5), uint8(1))
	f.Add([]byte{0, 1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41}, uint8(200), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, budget uint8, work uint8) {
		var cands []Candidate
		for i := 0; i+1 < len(data) && len(cands) < 40; i += 2 {
			var ids []uint64
			for b := range 8 {
				if data[i+1]&(1<<b) != 0 {
					ids = append(ids, uint64(b+8*(int(data[i])%3)))
				}
			}
			cands = append(cands, Candidate{
				ID:        "c" + strconv.Itoa(len(cands)),
				Fee:       decimal.NewFromInt(int64(data[i] % 7)),
				Followers: audience.NewSet(ids...),
			})
		}
		if len(cands) <= exactReachMax {
			return
		}
		b := decimal.NewFromInt(int64(budget))
		p, err := compile("fuzz", cands, b, MaxUniqueReach, Constraints{})
		if err != nil {
			t.Fatal(err)
		}
		fam, err := newSetFamily("fuzz", cands)
		if err != nil {
			t.Fatal(err)
		}
		wantChosen, wantReach, _ := plainGreedy(p, fam)
		g, _ := newRun(p, fam, fam.newCover(), nil)
		got, ok := g.run(nil)
		if !ok {
			t.Fatal("run failed without constraints")
		}
		slices.Sort(got.chosen)
		if !slices.Equal(wantChosen, got.chosen) || got.reach != wantReach {
			t.Fatalf("lazy greedy %v (%d), plain greedy %v (%d)", got.chosen, got.reach, wantChosen, wantReach)
		}
		pick, err := ShortlistWith(cands, b, MaxUniqueReach, Constraints{MaxWork: int64(work)})
		if err != nil {
			t.Fatal(err)
		}
		var sets []*audience.Set
		var cost decimal.Decimal
		for _, c := range cands {
			if slices.Contains(pick.IDs, c.ID) {
				sets = append(sets, c.Followers)
				cost = cost.Add(c.Fee)
			}
		}
		if cost.GreaterThan(b) || !cost.Equal(pick.Cost) || !pick.Value.Equal(decimal.NewFromInt(audience.UniqueReach(sets...))) {
			t.Fatalf("pick %v cost %s value %s; budget %s", pick.IDs, pick.Cost, pick.Value, b)
		}
		if pick.Value.LessThan(decimal.NewFromInt(wantReach)) {
			t.Fatalf("pick reaches %s, below the greedy run's %d", pick.Value, wantReach)
		}
	})
}
