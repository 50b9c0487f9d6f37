package selection

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
)

// better reports whether gain ga at fee fa beats gain gb at fee fb by gain
// per unit of fee, exactly (128-bit cross-multiplication). A positive gain
// at zero fee beats everything; a zero gain is worth nothing.
func ratioCompare(ga, fa, gb, fb int64) int {
	switch {
	case ga == 0 || gb == 0:
		return cmp.Compare(min(ga, 1), min(gb, 1))
	case fa == 0 && fb == 0:
		return cmp.Compare(ga, gb)
	case fa == 0:
		return 1
	case fb == 0:
		return -1
	}
	h1, l1 := bits.Mul64(uint64(ga), uint64(fb))
	h2, l2 := bits.Mul64(uint64(gb), uint64(fa))
	if c := cmp.Compare(h1, h2); c != 0 {
		return c
	}
	return cmp.Compare(l1, l2)
}

// entry is a lazy-greedy heap entry: gain is exact for the cover of round
// stamp and an upper bound afterwards (coverage is submodular).
type entry struct {
	k     int // free item position
	gain  int64
	fee   int64
	stamp int
}

// above orders heap entries: larger gain/fee first, then lower position.
func above(a, b entry) bool {
	if c := ratioCompare(a.gain, a.fee, b.gain, b.fee); c != 0 {
		return c > 0
	}
	return a.k < b.k
}

type lazyHeap []entry

func (h lazyHeap) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !above(h[i], h[parent]) {
			return
		}
		h[i], h[parent] = h[parent], h[i]
		i = parent
	}
}

func (h lazyHeap) down(i int) {
	n := len(h)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		best := l
		if r := l + 1; r < n && above(h[r], h[l]) {
			best = r
		}
		if !above(h[best], h[i]) {
			return
		}
		h[i], h[best] = h[best], h[i]
		i = best
	}
}

func (h *lazyHeap) push(e entry) {
	*h = append(*h, e)
	h.up(len(*h) - 1)
}

func (h *lazyHeap) pop() entry {
	old := *h
	top := old[0]
	n := len(old) - 1
	old[0] = old[n]
	*h = old[:n]
	if n > 0 {
		h.down(0)
	}
	return top
}

// greedyRun is one lazy greedy completion from a seed.
type greedyRun struct {
	p      *problem
	cv     cover
	capRem int64
	cost   int64
	counts []int
	picked []bool
	chosen []int
	evals  int64 // marginal-gain evaluations
	// work counts units of work: 1 + |S| per evaluation, |cover| + |S|
	// per addition, the cover's copy cost plus one per item when the run
	// starts, one per item scanned by reserve. Every loop of a run is
	// paid for here, so that a limit on work bounds the time even when
	// the follower sets are empty.
	work int64
	// countPlain asks run to count plainEvals (a test and benchmark hook:
	// it costs a scan of every item per round).
	countPlain bool
	// plainEvals counts the evaluations plain (non-lazy) greedy makes for
	// the same picks, without constraints: every eligible item, every
	// round, including the last round that finds nothing to add.
	plainEvals int64
	fam        family
	// initial holds each item's gain in the first round, −1 when it was
	// not eligible.
	initial []int64
}

// gain evaluates the marginal gain of item k and accounts for it.
func (g *greedyRun) gain(k int) int64 {
	i := g.p.items[k]
	g.evals++
	g.work += 1 + g.fam.size(i)
	return g.cv.gain(i)
}

// reachSolution is a candidate answer of the greedy search.
type reachSolution struct {
	chosen []int
	reach  int64
	cost   int64
}

func (a reachSolution) beats(b reachSolution, bok bool) bool {
	return !bok || a.reach > b.reach || (a.reach == b.reach && a.cost < b.cost)
}

// newRun starts a run whose cover holds the forced candidates and seed.
// ok is false when the seed does not fit or breaks a tier limit.
func newRun(p *problem, fam family, base cover, seed []int) (*greedyRun, bool) {
	g := &greedyRun{p: p, fam: fam, cv: base.clone(), capRem: p.cap, counts: make([]int, p.ntier), picked: make([]bool, len(p.items)), countPlain: p.countPlain}
	g.work += base.cost() + int64(len(p.items))
	for _, k := range seed {
		if !g.take(k) {
			return nil, false
		}
	}
	return g, true
}

// take adds item k if it fits and its tier is not full.
func (g *greedyRun) take(k int) bool {
	p := g.p
	if g.picked[k] || p.fee[k] > g.capRem || !allowedTier(p, p.tier[k], g.counts) {
		return false
	}
	g.work += g.cv.len() + g.fam.size(p.items[k])
	g.cv.add(p.items[k])
	g.capRem -= p.fee[k]
	g.cost += p.fee[k]
	g.picked[k] = true
	g.chosen = append(g.chosen, k)
	if t := p.tier[k]; t >= 0 {
		g.counts[t]++
	}
	return true
}

// reserve returns the least total fee of the free items not yet picked (and
// not skip) that would meet AtLeastPerGroup and MinCreators from the current
// counts, and the items it would take; ok is false when no such items
// exist. Taking the cheapest items needed per tier first, then the cheapest
// of the rest within the tier limits, is optimal: the items eligible form a
// partition matroid, on which greedy by fee finds a least-cost basis.
func (g *greedyRun) reserve(byFee []int, skip int) (int64, []int, bool) {
	p := g.p
	need := make([]int, p.ntier)
	room := make([]int, p.ntier)
	short := false
	for t := range p.ntier {
		need[t] = max(p.atLeast[t]-g.counts[t], 0)
		room[t] = -1
		if p.atMost[t] >= 0 {
			room[t] = p.atMost[t] - g.counts[t]
		}
		short = short || need[t] > 0
	}
	rest := max(p.minCount-len(g.chosen), 0)
	if !short && rest == 0 {
		return 0, nil, true
	}
	g.work += 2 * int64(len(byFee))
	var total int64
	var take []int
	used := make(map[int]bool)
	for _, k := range byFee {
		if g.picked[k] || k == skip {
			continue
		}
		if t := p.tier[k]; t >= 0 && need[t] > 0 {
			need[t]--
			if room[t] > 0 {
				room[t]--
			}
			total += p.fee[k]
			take = append(take, k)
			used[k] = true
			rest--
		}
	}
	for _, n := range need {
		if n > 0 {
			return 0, nil, false
		}
	}
	for _, k := range byFee {
		if rest <= 0 {
			break
		}
		if g.picked[k] || k == skip || used[k] {
			continue
		}
		if t := p.tier[k]; t >= 0 && room[t] == 0 {
			continue
		} else if t >= 0 && room[t] > 0 {
			room[t]--
		}
		total += p.fee[k]
		take = append(take, k)
		rest--
	}
	if rest > 0 {
		return 0, nil, false
	}
	return total, take, true
}

// run completes g greedily by marginal gain per unit of fee, evaluating
// gains lazily (CELF): an entry whose gain was computed for an older cover
// is an upper bound, so it is recomputed only when it reaches the top. An
// item that does not fit or whose tier is full is dropped for good (the
// budget and the room only shrink). When counts constraints apply, an item
// is taken only if the budget left still pays for the cheapest items those
// constraints need; those are added at the end. ok is false when the
// constraints cannot be met.
func (g *greedyRun) run(byFee []int) (reachSolution, bool) {
	p := g.p
	counted := p.counted()
	h := make(lazyHeap, 0, len(p.items))
	g.initial = make([]int64, len(p.items))
	for k := range p.items {
		g.initial[k] = -1
		if g.picked[k] || p.fee[k] > g.capRem || !allowedTier(p, p.tier[k], g.counts) {
			continue
		}
		g.initial[k] = g.gain(k)
		h.push(entry{k: k, gain: g.initial[k], fee: p.fee[k]})
	}
	round := 0
	for len(h) > 0 {
		e := h[0]
		if e.fee > g.capRem || !allowedTier(p, p.tier[e.k], g.counts) {
			h.pop()
			continue
		}
		if e.stamp != round {
			h[0].gain = g.gain(e.k)
			h[0].stamp = round
			h.down(0)
			continue
		}
		if e.gain == 0 {
			break // every other entry's bound is 0 too
		}
		if g.countPlain {
			g.plainEvals += g.eligible()
		}
		h.pop()
		if counted {
			need, _, ok := g.reserve(byFee, e.k)
			if !ok || need > g.capRem-e.fee {
				continue
			}
		}
		g.take(e.k)
		round++
	}
	if g.countPlain {
		g.plainEvals += g.eligible()
	}
	return g.finish(byFee)
}

// eligible counts the items plain greedy would evaluate this round: not
// picked, affordable, tier not full.
func (g *greedyRun) eligible() int64 {
	var n int64
	for k := range g.p.items {
		if !g.picked[k] && g.p.fee[k] <= g.capRem && allowedTier(g.p, g.p.tier[k], g.counts) {
			n++
		}
	}
	return n
}

// reachGreedy is the MaxUniqueReach heuristic for more than exactReachMax
// free items: the best of lazy greedy, the best single item and greedy
// completions of every seed of size 1, 2, 3 as far as p.maxWork allows
// (Khuller, Moss & Naor 1999). Work is counted in follower IDs touched:
// |S| per gain evaluation, |cover| + |S| per addition to the cover; the
// limit is p.maxWork thousand IDs.
func reachGreedy(p *problem, fam family) (result, error) {
	m := len(p.items)
	gs := &greedySearch{p: p, fam: fam, base: fam.newCover(), byFee: make([]int, m)}
	for _, i := range p.forced {
		gs.base.add(i)
	}
	for k := range gs.byFee {
		gs.byFee[k] = k
	}
	slices.SortStableFunc(gs.byFee, func(a, b int) int { return cmp.Compare(p.fee[a], p.fee[b]) })

	first := gs.consider(nil, true)
	perRun := gs.work
	// Best single item: the largest gain over the forced cover, from the
	// first round of the greedy run (ties: the cheaper, then the first).
	single := -1
	for k, gn := range first.initial {
		if gn < 0 {
			continue
		}
		if single < 0 || gn > first.initial[single] || (gn == first.initial[single] && p.fee[k] < p.fee[single]) {
			single = k
		}
	}
	if single >= 0 {
		gs.consider([]int{single}, false)
	}
	seedSize := gs.enumerate(perRun)
	st := Stats{Method: "greedy", GainEvaluations: gs.evals, SeedSize: seedSize, Truncated: seedSize < 3}
	if !gs.found {
		return result{stats: st}, gs.noPick()
	}
	chosen := slices.Clone(gs.best.chosen)
	slices.Sort(chosen)
	return result{chosen: chosen, reach: gs.best.reach, stats: st, plainEvals: first.plainEvals}, nil
}

// greedySearch is the state of reachGreedy: the best pick so far and the
// work spent.
type greedySearch struct {
	p           *problem
	fam         family
	base        cover // the forced candidates' cover
	byFee       []int // free items by ascending fee
	best        reachSolution
	found       bool
	evals, work int64
}

// consider runs a greedy completion (complete) or only the count
// constraints' completion (finish) from seed, and keeps its pick if it is
// the best; it returns the run, nil when the seed does not fit.
func (gs *greedySearch) consider(seed []int, complete bool) *greedyRun {
	g, ok := newRun(gs.p, gs.fam, gs.base, seed)
	if !ok {
		return nil
	}
	var s reachSolution
	if complete {
		s, ok = g.run(gs.byFee)
	} else {
		s, ok = g.finish(gs.byFee)
	}
	gs.evals += g.evals
	gs.work += g.work
	if ok && s.beats(gs.best, gs.found) {
		gs.best, gs.found = s, true
	}
	return g
}

// enumerate completes every seed of size 1, 2, 3 in turn while every seed
// of the next size fits the work limit, counting each completion as costly
// as the first run (perRun); it returns the largest size done.
func (gs *greedySearch) enumerate(perRun int64) int {
	m := len(gs.p.items)
	limit := int64(math.MaxInt64)
	if gs.p.maxWork < math.MaxInt64/1000 {
		limit = gs.p.maxWork * 1000
	}
	seedSize := 0
	for size := 1; size <= 3; size++ {
		n := choose(m, size)
		if n < 0 || gs.work >= limit {
			break
		}
		hi, lo := bits.Mul64(uint64(n), uint64(perRun))
		if hi != 0 || lo > uint64(limit-gs.work) {
			break
		}
		seed := make([]int, size)
		var rec func(pos, from int)
		rec = func(pos, from int) {
			if pos == size {
				gs.consider(seed, true)
				return
			}
			for k := from; k < m; k++ {
				seed[pos] = k
				rec(pos+1, k+1)
			}
		}
		rec(0, 0)
		seedSize = size
	}
	return seedSize
}

// noPick is the error when no run met the constraints: ErrInfeasible when
// even the cheapest items cannot meet them (or no constraint applies),
// else ErrSearchLimit (the greedy search proves nothing).
func (gs *greedySearch) noPick() error {
	if !gs.p.counted() {
		return ErrInfeasible
	}
	g, _ := newRun(gs.p, gs.fam, gs.base, nil)
	if need, _, ok := g.reserve(gs.byFee, -1); !ok || need > gs.p.cap {
		return ErrInfeasible
	}
	return ErrSearchLimit
}

// finish meets the count constraints with the cheapest items they need
// (reserve) and returns the pick; ok is false when they cannot be met. It
// ends every run, and is the whole completion of the best-single seed.
func (g *greedyRun) finish(byFee []int) (reachSolution, bool) {
	if g.p.counted() {
		_, take, ok := g.reserve(byFee, -1)
		if !ok {
			return reachSolution{}, false
		}
		for _, k := range take {
			if !g.take(k) {
				return reachSolution{}, false
			}
		}
		if !feasibleCounts(g.p, len(g.chosen), g.counts) {
			return reachSolution{}, false
		}
	}
	return reachSolution{chosen: slices.Clone(g.chosen), reach: g.cv.len(), cost: g.cost}, true
}

// choose returns C(n, k), or −1 when it exceeds 2⁶².
func choose(n, k int) int64 {
	r := int64(1)
	for i := 1; i <= k; i++ {
		hi, lo := bits.Mul64(uint64(r), uint64(n-k+i))
		if hi != 0 || lo > 1<<62 {
			return -1
		}
		r = int64(lo) / int64(i)
	}
	return r
}
