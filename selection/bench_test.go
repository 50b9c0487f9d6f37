package selection

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

// reachBench builds n candidates with size followers each, drawn from a
// universe of universe IDs with a skew (ID = ⌊x²·universe⌋, x uniform), so
// that low IDs, the "popular" followers, are shared by many creators.
// Fees are uniform in [1,000, 10,000].
func reachBench(n, size, universe int) []Candidate {
	r := rand.New(rand.NewPCG(uint64(n), uint64(size)))
	cands := make([]Candidate, n)
	ids := make([]uint64, size)
	for i := range cands {
		for j := range ids {
			x := r.Float64()
			ids[j] = uint64(x * x * float64(universe))
		}
		cands[i] = Candidate{
			ID:        "c" + strconv.Itoa(i),
			Fee:       decimal.NewFromInt(1000 + r.Int64N(9001)),
			Followers: audience.NewSet(ids...),
		}
		cands[i].Followers.Len() // settle outside the timed loop
	}
	return cands
}

var reachSizes = []struct {
	name      string
	n, size   int
	universe  int
	baseline  bool // run plain greedy for real (too slow at the largest size)
	instances func() []Candidate
}{
	{name: "n=100/followers=1e4", n: 100, size: 10_000, universe: 2_000_000, baseline: true},
	{name: "n=1000/followers=1e3", n: 1000, size: 1000, universe: 200_000, baseline: true},
	{name: "n=1000/followers=1e5", n: 1000, size: 100_000, universe: 20_000_000},
}

var reachCache sync.Map

func reachInput(i int) []Candidate {
	if v, ok := reachCache.Load(i); ok {
		return v.([]Candidate)
	}
	s := reachSizes[i]
	c := reachBench(s.n, s.size, s.universe)
	reachCache.Store(i, c)
	return c
}

// BenchmarkShortlistReach: MaxUniqueReach with budget 200,000 (about 130
// picks among fees of 1,000–10,000). "lazy" is Shortlist (CELF lazy
// greedy + best single; partial enumeration does not fit the default work
// limit at these sizes); "plain-baseline" is the same greedy evaluating
// every affordable candidate every round. Metrics per run: evals (gain
// evaluations made), plain-evals (what plain greedy makes for the same
// picks: counted, and checked equal to plain greedy's own count in
// TestLazyGreedyMatchesPlainGreedy) and saved-x (their ratio).
func BenchmarkShortlistReach(b *testing.B) {
	budget := decimal.NewFromInt(200_000)
	for i, sz := range reachSizes {
		b.Run(sz.name+"/lazy", func(b *testing.B) {
			cands := reachInput(i)
			b.ReportAllocs()
			var pick Pick
			for b.Loop() {
				var err error
				pick, err = Shortlist(cands, budget, MaxUniqueReach)
				if err != nil {
					b.Fatal(err)
				}
			}
			p, _ := compile("bench", cands, budget, MaxUniqueReach, Constraints{})
			p.countPlain = true
			fam, _ := newSetFamily("bench", cands)
			res, _ := reachGreedy(p, fam)
			b.ReportMetric(float64(pick.Stats.GainEvaluations), "evals")
			b.ReportMetric(float64(res.plainEvals), "plain-evals")
			b.ReportMetric(float64(res.plainEvals)/float64(pick.Stats.GainEvaluations), "saved-x")
			b.ReportMetric(float64(len(pick.IDs)), "picked")
		})
		if !sz.baseline {
			continue
		}
		b.Run(sz.name+"/plain-baseline", func(b *testing.B) {
			cands := reachInput(i)
			p, err := compile("bench", cands, budget, MaxUniqueReach, Constraints{})
			if err != nil {
				b.Fatal(err)
			}
			fam, _ := newSetFamily("bench", cands)
			b.ReportAllocs()
			var evals int64
			for b.Loop() {
				_, _, evals = plainGreedy(p, fam)
			}
			b.ReportMetric(float64(evals), "evals")
		})
	}
}

// rankInput builds n profiles with average counts and fees, as a database
// of creator statistics holds them (no post lists).
func rankInput(n int) []Profile {
	r := rand.New(rand.NewPCG(uint64(n), 99))
	cats := [][]string{{"fitness"}, {"food"}, {"travel", "food"}, {"gaming"}}
	countries := []string{"US", "TR", "DE", "BR"}
	out := make([]Profile, n)
	for i := range out {
		f := 1000 + r.Int64N(5_000_000)
		out[i] = Profile{
			Handle:      "creator" + strconv.Itoa(i),
			Platform:    kpi.Instagram,
			Followers:   f,
			Following:   r.Int64N(3000),
			AvgLikes:    r.Int64N(f/20 + 1),
			AvgComments: r.Int64N(f/400 + 1),
			Fee:         decimal.NewFromInt(100 + f/100),
			Categories:  cats[r.IntN(len(cats))],
			Country:     countries[r.IntN(len(countries))],
		}
	}
	return out
}

var rankSizes = []int{10, 1000, 100_000, 1_000_000}

// BenchmarkRank ranks n profiles (filters: platform, minimum followers;
// criteria: engagement against the tier benchmark, category fit,
// authenticity, cost efficiency) and keeps the top 100. The target is at
// most 2× BenchmarkSortKeysBaseline at the same n.
func BenchmarkRank(b *testing.B) {
	c := Criteria{Platforms: []kpi.Platform{kpi.Instagram}, MinFollowers: 2000, Categories: []string{"food", "travel"}}
	for _, n := range rankSizes {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			profiles := rankInput(n)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Rank(profiles, c, 100); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSortKeysBaseline sorts n precomputed float64 keys (copied into a
// scratch slice each time), the baseline of BenchmarkRank.
func BenchmarkSortKeysBaseline(b *testing.B) {
	for _, n := range rankSizes {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			r := rand.New(rand.NewPCG(uint64(n), 7))
			keys := make([]float64, n)
			for i := range keys {
				keys[i] = r.Float64()
			}
			scratch := make([]float64, n)
			b.ReportAllocs()
			for b.Loop() {
				copy(scratch, keys)
				slices.Sort(scratch)
			}
		})
	}
}

// BenchmarkShortlistValue: MaxValue over n candidates with fees in cents
// (the dynamic programme while the table fits, branch and bound beyond).
func BenchmarkShortlistValue(b *testing.B) {
	for _, n := range []int{10, 100, 1000, 10_000} {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			r := rand.New(rand.NewPCG(uint64(n), 3))
			cands := make([]Candidate, n)
			var total int64
			for i := range cands {
				fee := 10_000 + r.Int64N(990_000)
				total += fee
				cands[i] = Candidate{ID: strconv.Itoa(i), Fee: decimal.New(fee, -2), Value: decimal.NewFromInt(fee/100 + r.Int64N(5000))}
			}
			budget := decimal.New(total/4, -2)
			b.ReportAllocs()
			var pick Pick
			for b.Loop() {
				var err error
				pick, err = Shortlist(cands, budget, MaxValue)
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(pick.Stats.Nodes), "nodes")
			if pick.Optimal {
				b.ReportMetric(1, "optimal")
			} else {
				b.ReportMetric(0, "optimal")
			}
		})
	}
}
