package selection

import (
	"errors"
	"iter"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/influencekit/influencekit/audience"
	"github.com/shopspring/decimal"
)

// plainGreedy is the obvious greedy for budgeted coverage without
// constraints: every round it evaluates the gain of every candidate that
// still fits and takes the best gain per unit of fee (ties: the lower
// position); it stops when no candidate fits or adds anyone. It is the
// reference for the lazy (CELF) greedy and the baseline of its benchmark.
func plainGreedy(p *problem, fam family) (chosen []int, reach int64, evals int64) {
	cv := fam.newCover()
	for _, i := range p.forced {
		cv.add(i)
	}
	capRem := p.cap
	picked := make([]bool, len(p.items))
	for {
		best, bestGain := -1, int64(0)
		for k := range p.items {
			if picked[k] || p.fee[k] > capRem {
				continue
			}
			g := cv.gain(p.items[k])
			evals++
			if best < 0 || ratioCompare(g, p.fee[k], bestGain, p.fee[best]) > 0 {
				best, bestGain = k, g
			}
		}
		if best < 0 || bestGain == 0 {
			break
		}
		picked[best] = true
		chosen = append(chosen, best)
		cv.add(p.items[best])
		capRem -= p.fee[best]
	}
	slices.Sort(chosen)
	return chosen, cv.len(), evals
}

// reachInstance builds n candidates whose followers come from a universe of
// u IDs, popular IDs more often (so audiences overlap as real ones do).
func reachInstance(r *rand.Rand, n, u, maxSize int) []Candidate {
	cands := make([]Candidate, n)
	for i := range cands {
		size := 1 + r.IntN(maxSize)
		ids := make([]uint64, size)
		for j := range ids {
			x := r.Float64()
			ids[j] = uint64(x * x * float64(u))
		}
		cands[i] = Candidate{
			ID:        "c" + string(rune('A'+i%26)) + string(rune('a'+i/26)),
			Fee:       decimal.NewFromInt(1 + r.Int64N(50)),
			Followers: audience.NewSet(ids...),
		}
	}
	return cands
}

func TestLazyGreedyMatchesPlainGreedy(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 40 {
		n := 25 + r.IntN(40)
		cands := reachInstance(r, n, 2000, 300)
		budget := decimal.NewFromInt(100 + r.Int64N(400))
		p, err := compile("test", cands, budget, MaxUniqueReach, Constraints{})
		if err != nil {
			t.Fatal(err)
		}
		p.countPlain = true
		fam, _ := newSetFamily("test", cands)
		wantChosen, wantReach, plainEvals := plainGreedy(p, fam)
		g, _ := newRun(p, fam, fam.newCover(), nil)
		got, ok := g.run(nil)
		if !ok {
			t.Fatal("run failed without constraints")
		}
		slices.Sort(got.chosen)
		if d := cmp.Diff(wantChosen, got.chosen); d != "" || got.reach != wantReach {
			t.Fatalf("lazy greedy differs from plain greedy (-plain +lazy):\n%s reach %d vs %d", d, wantReach, got.reach)
		}
		if g.evals > plainEvals || g.plainEvals != plainEvals {
			t.Errorf("lazy greedy made %d evaluations, plain %d (counted %d)", g.evals, plainEvals, g.plainEvals)
		}
	}
}

// TestGreedyGuarantee checks the stated guarantees against the exact
// optimum (every subset) on small instances: with every seed of size 3
// enumerated the pick reaches at least (1 − 1/e) of the optimum; with a
// work limit that allows no seeds, at least ½(1 − 1/e).
func TestGreedyGuarantee(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	full := 1 - 1/math.E
	for range 150 {
		n := 4 + r.IntN(9)
		cands := reachInstance(r, n, 300, 80)
		budget := decimal.NewFromInt(10 + r.Int64N(100))
		fam, _ := newSetFamily("test", cands)
		for _, work := range []int64{1, DefaultReachWork} {
			p, err := compile("test", cands, budget, MaxUniqueReach, Constraints{MaxWork: work})
			if err != nil {
				t.Fatal(err)
			}
			opt, err := reachRegions(p, fam)
			if err != nil {
				t.Fatal(err)
			}
			got, err := reachGreedy(p, fam)
			if err != nil {
				t.Fatal(err)
			}
			bound := full / 2
			if got.stats.SeedSize == 3 {
				bound = full
			} else if work == DefaultReachWork {
				t.Fatalf("n=%d: seed size %d, want 3 under the default work limit", n, got.stats.SeedSize)
			}
			if float64(got.reach) < bound*float64(opt.reach) {
				t.Fatalf("greedy reach %d < %.3f × optimum %d", got.reach, bound, opt.reach)
			}
			var cost int64
			for _, k := range got.chosen {
				cost += p.fee[k]
			}
			if cost > p.cap {
				t.Fatalf("greedy cost %d over budget %d", cost, p.cap)
			}
		}
	}
}

// estimateOnly hides the members of an exact family, as a sketch family
// would.
type estimateOnly struct{ family }

func (estimateOnly) members(int) (iter.Seq[uint64], bool) { return nil, false }

func TestReachWithoutMembers(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 200 {
		cands, budget, c := randomInstance(r, 1+r.IntN(9), r.IntN(2) == 0)
		p, err := compile("test", cands, budget, MaxUniqueReach, c)
		if errors.Is(err, ErrInfeasible) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		fam, _ := newSetFamily("test", cands)
		want, werr := reachRegions(p, fam)
		got, gerr := reachDFS(p, estimateOnly{fam})
		if !errors.Is(gerr, werr) && (werr != nil || gerr != nil) {
			t.Fatalf("err = %v, want %v", gerr, werr)
		}
		var wc, gc int64
		for _, k := range want.chosen {
			wc += p.fee[k]
		}
		for _, k := range got.chosen {
			gc += p.fee[k]
		}
		if got.reach != want.reach || gc != wc {
			t.Fatalf("reach %d at %d, want %d at %d", got.reach, gc, want.reach, wc)
		}
	}
}

// TestGreedyConstraints runs the greedy search (forced on small instances)
// with random constraints: every pick it returns fits the budget and meets
// the constraints, and it reports ErrInfeasible only when brute force finds
// nothing.
func TestGreedyConstraints(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 300 {
		cands, budget, c := randomInstance(r, 1+r.IntN(10), true)
		p, err := compile("test", cands, budget, MaxUniqueReach, c)
		if err != nil {
			if errors.Is(err, ErrInfeasible) {
				continue
			}
			t.Fatal(err)
		}
		fam, _ := newSetFamily("test", cands)
		res, err := reachGreedy(p, fam)
		_, _, feasible := bruteValue(cands, budget, c, true)
		if err != nil {
			if errors.Is(err, ErrInfeasible) && feasible {
				t.Fatalf("ErrInfeasible on a feasible instance %+v", c)
			}
			continue
		}
		got := p.pick(cands, MaxUniqueReach, res)
		if got.Cost.GreaterThan(budget) || !satisfies(got.IDs, cands, budget, c) {
			t.Fatalf("pick %v cost %s breaks budget %s or %+v", got.IDs, got.Cost, budget, c)
		}
		var sets []*audience.Set
		for _, cd := range cands {
			if slices.Contains(got.IDs, cd.ID) {
				sets = append(sets, cd.Followers)
			}
		}
		if u := audience.UniqueReach(sets...); !got.Value.Equal(decimal.NewFromInt(u)) {
			t.Fatalf("reported reach %s, union is %d", got.Value, u)
		}
	}
}

func TestShortlistGreedyPath(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	cands := reachInstance(r, 60, 5000, 400)
	got, err := Shortlist(cands, decimal.NewFromInt(300), MaxUniqueReach)
	if err != nil {
		t.Fatal(err)
	}
	if got.Optimal || got.Stats.Method != "greedy" || got.Cost.GreaterThan(decimal.NewFromInt(300)) {
		t.Errorf("got %+v", got)
	}
}

// TestFamiliesAgree: the flat-bitset cover and the audience.Set cover give
// the same greedy picks, and the family choice follows the ID range.
func TestFamiliesAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for range 30 {
		cands := reachInstance(r, 30+r.IntN(20), 3000, 200)
		// MaxWork 1: lazy greedy and best single only, which is what
		// differs between the covers.
		p, err := compile("test", cands, decimal.NewFromInt(200), MaxUniqueReach, Constraints{MaxWork: 1})
		if err != nil {
			t.Fatal(err)
		}
		fam, _ := newSetFamily("test", cands)
		bf, ok := fam.(bitFamily)
		if !ok {
			t.Fatalf("family %T, want bitFamily for IDs below 3000", fam)
		}
		a, errA := reachGreedy(p, bf)
		b, errB := reachGreedy(p, bf.sets)
		if errA != nil || errB != nil {
			t.Fatal(errA, errB)
		}
		if d := cmp.Diff(a.chosen, b.chosen); d != "" || a.reach != b.reach {
			t.Fatalf("bitset vs set cover (-bit +set):\n%s", d)
		}
	}
	sparse := []Candidate{{ID: "a", Followers: audience.NewSet(1, 1<<40)}}
	if fam, _ := newSetFamily("test", sparse); fam == nil {
		t.Fatal("nil family")
	} else if _, ok := fam.(setFamily); !ok {
		t.Errorf("family %T for IDs up to 2^40, want setFamily", fam)
	}
}

// TestReachWorkLimitEmptySets is the regression test for a hang: with
// empty follower sets the first greedy run touched no follower ID, so the
// partial enumeration thought every seed free and tried all C(m, 3) of them
// (C(1000, 3) ≈ 1.7·10⁸ runs of 1,000 evaluations each). Every evaluation
// now costs at least one unit, so with MaxWork 1,000 (10⁶ units) and 400
// candidates: seeds of size 1 cost 400 runs × ≥ 800 units (the run's scan
// of 400 items plus 400 evaluations) ≈ 3.2·10⁵ units, which fits; seeds of
// size 2 would cost C(400, 2) = 79,800 runs, which does not.
func TestReachWorkLimitEmptySets(t *testing.T) {
	cands := make([]Candidate, 400)
	for i := range cands {
		cands[i] = Candidate{ID: "c" + strconv.Itoa(i), Fee: decimal.NewFromInt(1), Followers: audience.NewSet()}
	}
	got, err := ShortlistWith(cands, decimal.NewFromInt(1_000_000), MaxUniqueReach, Constraints{MaxWork: 1000})
	if err != nil {
		t.Fatal(err)
	}
	// Nobody reaches anyone: the best pick is the empty one (cost 0).
	if got.Value.Sign() != 0 || got.Cost.Sign() != 0 || len(got.IDs) != 0 {
		t.Errorf("pick = %v, want nobody", got)
	}
	if got.Stats.SeedSize != 1 || !got.Stats.Truncated {
		t.Errorf("SeedSize = %d, Truncated = %v; want 1, true", got.Stats.SeedSize, got.Stats.Truncated)
	}
	// Evaluations: the first run evaluates 400 items once, then each of the
	// 400 seeds of size 1 evaluates the other 399: 400 + 400·399 = 160,000.
	// The best-single run evaluates nothing (finish only).
	if got.Stats.GainEvaluations != 160_000 {
		t.Errorf("GainEvaluations = %d, want 160000", got.Stats.GainEvaluations)
	}
}
