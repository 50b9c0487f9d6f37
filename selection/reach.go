package selection

import (
	"errors"
	"iter"
	"math"
	"math/bits"
	"slices"
)

// family is what the MaxUniqueReach solvers need from the candidates'
// follower collections, indexed by input position. It hides whether they
// are exact sets or sketches: an exact family also lists its members, which
// lets the exact solver count every region of the Venn diagram once.
type family interface {
	// size returns |S_i|.
	size(i int) int64
	// newCover returns an empty covered set.
	newCover() cover
	// members returns the IDs of S_i in ascending order, or ok false when
	// the family only estimates (sketches).
	members(i int) (ids iter.Seq[uint64], ok bool)
}

// cover is a growing union of follower sets. Implementations need not be
// safe for concurrent use.
type cover interface {
	// gain returns |S_i \ covered|, the marginal gain of candidate i.
	gain(i int) int64
	// add adds S_i to the covered set.
	add(i int)
	// len returns |covered|.
	len() int64
	// clone returns an independent copy.
	clone() cover
	// cost returns the work units clone spends (words or entries copied),
	// at least 1.
	cost() int64
}

// exactReachMax is the largest number of free candidates for which
// MaxUniqueReach enumerates every subset.
const exactReachMax = 20

// solveReach solves MaxUniqueReach exactly for ≤ exactReachMax free items
// and with lazy greedy, best single and partial enumeration beyond.
func solveReach(p *problem, fam family) (result, error) {
	if len(p.items) <= exactReachMax {
		listable := true
		if all := append(slices.Clip(p.items), p.forced...); len(all) > 0 {
			_, listable = fam.members(all[0])
		}
		if listable {
			return reachRegions(p, fam)
		}
		if r, err := reachDFS(p, fam); err != errWorkLimit {
			return r, err
		}
		// The exhaustive search of sketches did not fit the work limit:
		// fall back to the greedy search (not proven optimal).
	}
	return reachGreedy(p, fam)
}

// reachRegions solves MaxUniqueReach exactly for m ≤ 20 free items from the
// Venn regions: cnt[mask] counts the followers whose set of (free) holders
// is exactly mask, with one extra bit for the forced candidates. With
// F[X] = Σ_{mask ⊆ X} cnt[mask] (the subset-sum transform), the reach of T
// is total − F[¬T]. Every T is then checked against the budget and the
// constraints in O(1 + tiers).
func reachRegions(p *problem, fam family) (result, error) {
	m := len(p.items)
	f, total, forcedBit := regionCounts(p, fam)
	nb := m
	if forcedBit != 0 {
		nb++
	}
	full := uint32(1)<<nb - 1
	for b := range nb {
		bit := uint32(1) << b
		for x := uint32(0); x <= full; x++ {
			if x&bit != 0 {
				f[x] += f[x^bit]
			}
		}
	}
	tierMask := make([]uint32, p.ntier)
	for k, t := range p.tier {
		if t >= 0 {
			tierMask[t] |= 1 << k
		}
	}
	cost := make([]int64, 1<<m)
	bestT, bestR, bestC, found := uint32(0), int64(-1), int64(0), false
	for t := uint32(0); t < 1<<m; t++ {
		if t != 0 {
			low := bits.TrailingZeros32(t)
			cost[t] = cost[t&(t-1)] + p.fee[low]
		}
		c := cost[t]
		if c > p.cap || !tiersMet(p, t, tierMask) {
			continue
		}
		r := total - f[full^(t|forcedBit)]
		if !found || r > bestR || (r == bestR && c < bestC) {
			bestT, bestR, bestC, found = t, r, c, true
		}
	}
	st := Stats{Method: "enumeration", Nodes: int64(1) << m}
	if !found {
		return result{stats: st}, ErrInfeasible
	}
	var chosen []int
	for k := range m {
		if bestT&(1<<k) != 0 {
			chosen = append(chosen, k)
		}
	}
	return result{chosen: chosen, reach: bestR, optimal: true, stats: st}, nil
}

// tiersMet reports whether the free items of mask t meet MinCreators and
// every tier's bounds.
func tiersMet(p *problem, t uint32, tierMask []uint32) bool {
	if bits.OnesCount32(t) < p.minCount {
		return false
	}
	for tt := range p.ntier {
		n := bits.OnesCount32(t & tierMask[tt])
		if n < p.atLeast[tt] || (p.atMost[tt] >= 0 && n > p.atMost[tt]) {
			return false
		}
	}
	return true
}

// regionCounts returns cnt[mask] for every mask of holders (one bit per
// free item, and forcedBit, non-zero when there are forced candidates, for
// their union) and the number of distinct followers. The holders of each
// follower come from a merge of the ascending ID lists: each distinct ID
// adds one to cnt[mask of its holders]. A merge needs 8 bytes per listed ID
// and no hashing; a map from ID to mask took about 45 bytes per distinct ID.
func regionCounts(p *problem, fam family) (cnt []int64, total int64, forcedBit uint32) {
	m := len(p.items)
	nb := m
	if len(p.forced) > 0 {
		forcedBit = 1 << m
		nb++
	}
	type source struct {
		ids []uint64
		bit uint32
	}
	srcs := make([]source, 0, nb)
	for k, i := range p.items {
		ids, _ := fam.members(i)
		srcs = append(srcs, source{slices.AppendSeq([]uint64(nil), ids), 1 << k})
	}
	if len(p.forced) > 0 {
		var all []uint64
		for _, i := range p.forced {
			ids, _ := fam.members(i)
			all = slices.AppendSeq(all, ids)
		}
		slices.Sort(all)
		srcs = append(srcs, source{slices.Compact(all), forcedBit})
	}
	cnt = make([]int64, 1<<nb)
	for {
		low, ok := uint64(0), false
		for _, s := range srcs {
			if len(s.ids) > 0 && (!ok || s.ids[0] < low) {
				low, ok = s.ids[0], true
			}
		}
		if !ok {
			return cnt, total, forcedBit
		}
		var mk uint32
		for j := range srcs {
			if s := &srcs[j]; len(s.ids) > 0 && s.ids[0] == low {
				mk |= s.bit
				s.ids = s.ids[1:]
			}
		}
		cnt[mk]++
		total++
	}
}

// errWorkLimit is reachDFS's internal signal that it stopped at the work
// limit; solveReach then falls back to the greedy search.
var errWorkLimit = errors.New("selection: exhaustive search over the work limit")

// reachDFS solves MaxUniqueReach exactly for few items when the family
// cannot list members (sketches): a depth-first enumeration of every
// subset that fits the budget, pruned when the current reach plus the sizes
// of all remaining items cannot beat the best. Work is counted as in the
// greedy search (one unit per node, the cover's copy cost per addition);
// beyond p.maxWork thousand units it returns errWorkLimit.
func reachDFS(p *problem, fam family) (result, error) {
	limit := int64(math.MaxInt64)
	if p.maxWork < math.MaxInt64/1000 {
		limit = p.maxWork * 1000
	}
	var work int64
	m := len(p.items)
	base := fam.newCover()
	for _, i := range p.forced {
		base.add(i)
	}
	suffix := make([]int64, m+1)
	for k := m - 1; k >= 0; k-- {
		suffix[k] = suffix[k+1] + fam.size(p.items[k])
	}
	counts := make([]int, p.ntier)
	var path, best []int
	bestR, bestC, found := int64(0), int64(0), false
	var nodes int64
	var dfs func(k int, cv cover, capRem, c int64)
	dfs = func(k int, cv cover, capRem, c int64) {
		nodes++
		work++
		if work > limit {
			return
		}
		r := cv.len()
		if feasibleCounts(p, len(path), counts) && (!found || r > bestR || (r == bestR && c < bestC)) {
			best, bestR, bestC, found = append(best[:0], path...), r, c, true
		}
		if k == m || (found && r+suffix[k] < bestR) {
			return
		}
		if p.fee[k] <= capRem && allowedTier(p, p.tier[k], counts) {
			work += cv.cost()
			next := cv.clone()
			next.add(p.items[k])
			path = append(path, k)
			if t := p.tier[k]; t >= 0 {
				counts[t]++
			}
			dfs(k+1, next, capRem-p.fee[k], c+p.fee[k])
			if t := p.tier[k]; t >= 0 {
				counts[t]--
			}
			path = path[:len(path)-1]
		}
		dfs(k+1, cv, capRem, c)
	}
	dfs(0, base, p.cap, 0)
	st := Stats{Method: "enumeration", Nodes: nodes}
	if work > limit {
		return result{stats: st}, errWorkLimit
	}
	if !found {
		return result{stats: st}, ErrInfeasible
	}
	return result{chosen: slices.Clone(best), reach: bestR, optimal: true, stats: st}, nil
}

func allowedTier(p *problem, t int, counts []int) bool {
	return t < 0 || p.atMost[t] < 0 || counts[t] < p.atMost[t]
}

// feasibleCounts reports whether a pick of n free items with these tier
// counts meets MinCreators and AtLeastPerGroup.
func feasibleCounts(p *problem, n int, counts []int) bool {
	if n < p.minCount {
		return false
	}
	for t, need := range p.atLeast {
		if counts[t] < need {
			return false
		}
	}
	return true
}
