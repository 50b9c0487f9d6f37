package selection

import (
	"cmp"
	"math/bits"
	"slices"
)

// solveValue solves the MaxValue problem: the dynamic programme when it is
// small enough and no tier or count constraint applies, else branch and
// bound.
func solveValue(p *problem) (result, error) {
	if !p.counted() {
		if r, ok := knapsackDP(p); ok {
			return r, nil
		}
	}
	return knapsackBB(p)
}

// dpMaxWidth bounds the budget axis of the dynamic programme (one int64 per
// cell: 32 MiB).
const dpMaxWidth = 1 << 22

// knapsackDP solves the 0/1 knapsack exactly by dynamic programming over the
// budget in units of g, the greatest common divisor of the fees:
// best[c] = max Σ value over subsets with Σ fee/g ≤ c. Among subsets of the
// best value it returns one of least cost: the smallest c with best[c] equal
// to the optimum. ok is false when the table would exceed dpMaxCells, or
// when there are so few items that exhaustive branch and bound is cheaper.
func knapsackDP(p *problem) (result, bool) {
	m := len(p.items)
	var g int64
	for _, f := range p.fee {
		g = gcd(g, f)
	}
	if g == 0 {
		g = 1
	}
	width := p.cap/g + 1
	if width > dpMaxWidth || int64(m)*width > dpMaxCells {
		return result{}, false
	}
	// Few items and a wide budget: branch and bound visits at most
	// 2^(m+1) nodes, fewer than the table's cells, and always completes.
	if m < 40 && int64(1)<<(m+1) <= min(int64(m)*width, p.maxWork) {
		return result{}, false
	}
	w := int(width)
	best := make([]int64, w)
	words := (w + 63) / 64
	keep := make([]uint64, m*words)
	for k := range m {
		v := p.val[k]
		if v == 0 {
			continue // never strictly better, only dearer
		}
		f := int(p.fee[k] / g)
		row := keep[k*words : (k+1)*words]
		for c := w - 1; c >= f; c-- {
			if nv := best[c-f] + v; nv > best[c] {
				best[c] = nv
				row[c>>6] |= 1 << (c & 63)
			}
		}
	}
	top := best[w-1]
	c, _ := slices.BinarySearch(best, top) // best is non-decreasing
	var chosen []int
	for k := m - 1; k >= 0; k-- {
		if keep[k*words+c>>6]&(1<<(c&63)) != 0 {
			chosen = append(chosen, k)
			c -= int(p.fee[k] / g)
		}
	}
	slices.Sort(chosen)
	return result{chosen: chosen, optimal: true, stats: Stats{Method: "dp", Nodes: int64(m) * width}}, true
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// denser reports the order of items a and b by value/fee, densest first, by
// exact 128-bit cross-multiplication; a zero fee is the densest. Ties keep
// the input order.
func denser(va, wa, vb, wb int64, ia, ib int) int {
	switch {
	case wa == 0 && wb == 0:
		return cmp.Compare(ia, ib)
	case wa == 0:
		return -1
	case wb == 0:
		return 1
	}
	h1, l1 := bits.Mul64(uint64(va), uint64(wb))
	h2, l2 := bits.Mul64(uint64(vb), uint64(wa))
	if c := cmp.Compare(h2, h1); c != 0 {
		return c
	}
	if c := cmp.Compare(l2, l1); c != 0 {
		return c
	}
	return cmp.Compare(ia, ib)
}

// bbSearch is the state of the branch and bound for MaxValue.
type bbSearch struct {
	p          *problem
	order      []int   // item positions, densest first
	w, v       []int64 // fee and value in that order
	t          []int   // tier in that order
	prefW      []int64 // prefW[j] = Σ w[:j]
	prefV      []int64
	suffix     [][]int // suffix[t][j] = items of tier t among order[j:]
	counts     []int   // picked per tier on the current path
	path       []int   // positions in order on the current path
	best       []int
	bestV      int64
	bestC      int64
	found      bool
	nodes      int64
	stopped    bool
	lowTiers   []int // tiers with AtLeastPerGroup still to meet
	needCounts bool
}

// knapsackBB solves MaxValue by depth-first branch and bound: items in
// decreasing value/fee order, "take" explored before "skip", a node pruned
// when the fractional (Dantzig) bound of its subtree cannot beat the best
// pick found, or when too few items remain to meet AtLeastPerGroup or
// MinCreators. Every node's partial pick is itself a candidate answer.
func knapsackBB(p *problem) (result, error) {
	m := len(p.items)
	s := &bbSearch{p: p, order: make([]int, m)}
	for k := range s.order {
		s.order[k] = k
	}
	slices.SortFunc(s.order, func(a, b int) int {
		return denser(p.val[a], p.fee[a], p.val[b], p.fee[b], a, b)
	})
	s.w = make([]int64, m)
	s.v = make([]int64, m)
	s.t = make([]int, m)
	s.prefW = make([]int64, m+1)
	s.prefV = make([]int64, m+1)
	for j, k := range s.order {
		s.w[j], s.v[j], s.t[j] = p.fee[k], p.val[k], p.tier[k]
		s.prefW[j+1] = s.prefW[j] + s.w[j]
		s.prefV[j+1] = s.prefV[j] + s.v[j]
	}
	s.counts = make([]int, p.ntier)
	s.suffix = make([][]int, p.ntier)
	for t := range p.ntier {
		if p.atLeast[t] == 0 {
			continue
		}
		s.lowTiers = append(s.lowTiers, t)
		suf := make([]int, m+1)
		for j := m - 1; j >= 0; j-- {
			suf[j] = suf[j+1]
			if s.t[j] == t {
				suf[j]++
			}
		}
		s.suffix[t] = suf
	}
	s.needCounts = p.minCount > 0
	s.seed()
	s.dfs(0, p.cap, 0, 0)
	st := Stats{Method: "branch-and-bound", Nodes: s.nodes, Truncated: s.stopped}
	if !s.found {
		if s.stopped {
			return result{stats: st}, ErrSearchLimit
		}
		return result{stats: st}, ErrInfeasible
	}
	chosen := make([]int, len(s.best))
	for i, j := range s.best {
		chosen[i] = s.order[j]
	}
	slices.Sort(chosen)
	return result{chosen: chosen, optimal: !s.stopped, stats: st}, nil
}

// seed offers the Ext-Greedy picks as first incumbents: the value/fee greedy
// pick (skipping what does not fit) and each single item.
func (s *bbSearch) seed() {
	p := s.p
	capRem := p.cap
	var greedy []int
	counts := make([]int, p.ntier)
	var v, c int64
	for j := range s.order {
		if s.w[j] <= capRem && s.allowed(j, counts) {
			greedy = append(greedy, j)
			capRem -= s.w[j]
			v += s.v[j]
			c += s.w[j]
			if t := s.t[j]; t >= 0 {
				counts[t]++
			}
		}
	}
	s.offer(greedy, counts, v, c)
	single := make([]int, p.ntier)
	for j := range s.order {
		if s.w[j] > p.cap || !s.allowed(j, single) {
			continue
		}
		if t := s.t[j]; t >= 0 {
			single[t]++
			s.offer([]int{j}, single, s.v[j], s.w[j])
			single[t]--
		} else {
			s.offer([]int{j}, single, s.v[j], s.w[j])
		}
	}
}

// allowed reports whether item j may join a pick with the given tier counts
// (AtMostPerGroup).
func (s *bbSearch) allowed(j int, counts []int) bool {
	t := s.t[j]
	return t < 0 || s.p.atMost[t] < 0 || counts[t] < s.p.atMost[t]
}

// offer records path as the best pick if it meets the lower bounds and is
// better: more value, or equal value for less.
func (s *bbSearch) offer(path []int, counts []int, v, c int64) {
	if s.found && (v < s.bestV || (v == s.bestV && c >= s.bestC)) {
		return
	}
	if len(path) < s.p.minCount {
		return
	}
	for _, t := range s.lowTiers {
		if counts[t] < s.p.atLeast[t] {
			return
		}
	}
	s.found, s.bestV, s.bestC = true, v, c
	s.best = append(s.best[:0], path...)
}

// bound returns the fractional knapsack bound of order[j:] in capRem:
// the densest items that fit whole, plus the fitting fraction of the next,
// rounded down (values are integers, so the bound stays valid).
func (s *bbSearch) bound(j int, capRem int64) int64 {
	m := len(s.w)
	if capRem >= s.prefW[m]-s.prefW[j] {
		return s.prefV[m] - s.prefV[j]
	}
	// e = the largest index with prefW[e] − prefW[j] ≤ capRem; e < m.
	lim := s.prefW[j] + capRem // < prefW[m], no overflow
	e, _ := slices.BinarySearch(s.prefW[j:], lim+1)
	e = j + e - 1
	ub := s.prefV[e] - s.prefV[j]
	if s.w[e] > 0 {
		rem := uint64(capRem - (s.prefW[e] - s.prefW[j]))
		hi, lo := bits.Mul64(uint64(s.v[e]), rem)
		// rem < w[e], so the quotient is below v[e] and Div64 cannot
		// overflow.
		q, _ := bits.Div64(hi, lo, uint64(s.w[e]))
		ub += int64(q)
	}
	return ub
}

func (s *bbSearch) dfs(j int, capRem, v, c int64) {
	if s.stopped {
		return
	}
	if s.nodes >= s.p.maxWork {
		s.stopped = true
		return
	}
	s.nodes++
	s.offer(s.path, s.counts, v, c)
	m := len(s.order)
	if j == m {
		return
	}
	if s.found {
		ub := v + s.bound(j, capRem)
		if ub < s.bestV || (ub == s.bestV && c >= s.bestC) {
			return
		}
	}
	if s.needCounts && len(s.path)+m-j < s.p.minCount {
		return
	}
	for _, t := range s.lowTiers {
		if s.counts[t]+s.suffix[t][j] < s.p.atLeast[t] {
			return
		}
	}
	if s.w[j] <= capRem && s.allowed(j, s.counts) {
		s.path = append(s.path, j)
		if t := s.t[j]; t >= 0 {
			s.counts[t]++
		}
		s.dfs(j+1, capRem-s.w[j], v+s.v[j], c+s.w[j])
		if t := s.t[j]; t >= 0 {
			s.counts[t]--
		}
		s.path = s.path[:len(s.path)-1]
	}
	s.dfs(j+1, capRem, v, c)
}
