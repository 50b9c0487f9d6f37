package theta

import (
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/influencekit/influencekit/internal/sorted"
)

// PairFrom is Compare(a, b) for a caller who already knows Both, the
// number of hashes a and b have in common (every common hash is below both
// thetas, since each sketch only holds hashes below its own): it counts
// each side's hashes below θ = min(θa, θb) by binary search, O(log
// retained), instead of merging the lists.
func PairFrom(a, b *Compact, both int) Pair {
	a, b = norm(a), norm(b)
	theta := min(a.theta, b.theta)
	na, nb := len(below(a.hashes, theta)), len(below(b.hashes, theta))
	return Pair{Theta: theta, OnlyA: na - both, OnlyB: nb - both, Both: both, EmptyA: a.empty, EmptyB: b.empty}
}

// TriangleIndex is the position of pair (i, j), 0 ≤ i < j < n, in the
// row-major upper triangle that JoinCounts returns: rows 0…i−1 hold
// (n−1)+(n−2)+…+(n−i) pairs before row i.
func TriangleIndex(n, i, j int) int { return i*(2*n-i-1)/2 + (j - i - 1) }

// Join tuning. A chunk is a range of hash values holding about chunkTarget
// retained hashes of all sketches together; sampleStep is the stride of the
// sample from which chunk boundaries are chosen.
// (chunkTarget is a variable only so that tests can make chunks tiny.)
var chunkTarget = 1 << 15

const sampleStep = 32

// JoinCounts returns, for every pair i < j of the sketches, the number of
// hashes cs[i] and cs[j] both retain, in the upper triangle laid out by
// TriangleIndex (n(n−1)/2 counts). It joins all the sketches' hashes at
// once instead of merging pair by pair:
//
//  1. the hash space is cut into chunks of about 2^15 retained hashes
//     (boundaries from a 1-in-32 sample); each chunk's hashes are gathered
//     with their sketch's index and bucket-sorted by value, and every run
//     of one hash retained by m ≥ 2 sketches is kept as the ascending list
//     of its m sketches;
//  2. while the workers' private triangles fit in 24 MiB, each run of m
//     sketches adds 1 to its m(m−1)/2 pairs (countRuns); beyond, row by
//     row (sketch a), the sketches after a in each of a's runs are
//     counted into one array of n counters, which stays in the core's
//     cache, and the counts become row a of the triangle (countRows:
//     Gustavson's sparse product of the sketch × hash incidence matrix by
//     its transpose).
//
// Cost: O(N + Σ shared) for N retained hashes in all and Σ shared the total
// of the pairs' common hash counts, against n(n−1)/2 merges of two lists
// for the pair-by-pair method; both phases run on workers goroutines
// (≤ 0: GOMAXPROCS). Memory: the triangle (2·n² bytes; one per worker
// while counting run by run) plus about 12 bytes per retained hash shared
// by two sketches or more.
func JoinCounts(cs []*Compact, workers int) []uint32 {
	n := len(cs)
	hs := make([][]uint64, n)
	for i, c := range cs {
		hs[i] = norm(c).hashes
	}
	return JoinSorted(hs, workers)
}

// JoinSorted is JoinCounts for any lists of distinct uint64 values in
// ascending order (a sketch's hashes, or a set's IDs): for every pair i < j
// the number of values lists[i] and lists[j] have in common, in the upper
// triangle laid out by TriangleIndex. Lists that are not ascending and
// distinct give meaningless counts (never a panic).
func JoinSorted(lists [][]uint64, workers int) []uint32 {
	n := len(lists)
	if n < 2 {
		return nil
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	total := 0
	for _, h := range lists {
		total += len(h)
	}
	if total >= maxJoin {
		return pairCounts(lists)
	}
	runs := joinRuns(lists, total, workers)
	if n*(n-1)/2*4*workers <= directBytes {
		return countRuns(runs, n, workers)
	}
	return countRows(runs, n, workers)
}

// directBytes is the most memory, all workers' private triangles together,
// for which countRuns, whose writes go all over the triangle, is used: the
// triangles then stay in a 32 MiB last-level cache. Measured on 2 cores:
// 1,000 pool sketches 0.72–0.79 s run by run against 1.5–2.4 s row by
// row, 2,000 sketches 5.6–6.2 s against 6.1–8.7 s; beyond it countRows,
// whose writes stay in one row's counters, wins (5,000 sketches: 28 s run
// by run → 9 s row by row). A variable only so that tests can force
// either method.
var directBytes = 24 << 20

// countRuns turns the runs into the triangle of pair counts run by run:
// each run of m sketches adds 1 to its m(m−1)/2 pairs, in one private
// triangle per worker (the runs split between them), summed at the end.
func countRuns(runs []uint32, n, workers int) []uint32 {
	tri := n * (n - 1) / 2
	// Split the runs into workers parts at run ends.
	cuts := []int{0}
	for w := 1; w < workers; w++ {
		c := max(len(runs)*w/workers, cuts[len(cuts)-1])
		for c < len(runs) && (c == 0 || runs[c-1] != runEnd) {
			c++
		}
		cuts = append(cuts, c)
	}
	cuts = append(cuts, len(runs))
	counts := make([][]uint32, workers)
	each(workers, workers, func(w int) {
		cnt := make([]uint32, tri)
		part := runs[cuts[w]:cuts[w+1]]
		for s := 0; s < len(part); {
			e := s
			for part[e] != runEnd {
				e++
			}
			for x := s; x < e-1; x++ {
				a := int(part[x])
				base := TriangleIndex(n, a, a+1) - a - 1 // + c: the index of (a, c)
				for _, c := range part[x+1 : e] {
					cnt[base+int(c)]++
				}
			}
			s = e + 1
		}
		counts[w] = cnt
	})
	out := counts[0]
	each(workers, workers, func(w int) {
		lo, hi := tri*w/workers, tri*(w+1)/workers
		for _, c := range counts[1:] {
			for k := lo; k < hi; k++ {
				out[k] += c[k]
			}
		}
	})
	return out
}

// maxJoin bounds the retained hashes of all sketches together that
// JoinCounts joins (positions in the runs list, at most twice that, are
// uint32); beyond it, 32 GiB of hashes, it merges pair by pair.
const maxJoin = 1 << 31

// pairCounts is the pair-by-pair method: one merge per pair.
func pairCounts(lists [][]uint64) []uint32 {
	n := len(lists)
	out := make([]uint32, n*(n-1)/2)
	for i := range n {
		for j := i + 1; j < n; j++ {
			out[TriangleIndex(n, i, j)] = uint32(sorted.CountCommon(lists[i], lists[j])) //nolint:gosec // < maxJoin
		}
	}
	return out
}

// runEnd marks the end of each run in the runs list.
const runEnd = math.MaxUint32

// joinRuns returns the runs of hashes retained by two sketches or more,
// each as the ascending indexes of its sketches followed by runEnd, in
// chunk order.
func joinRuns(hs [][]uint64, total, workers int) []uint32 {
	n := len(hs)
	starts := chunkStarts(hs, total)
	q := len(starts)
	// pos[i*(q+1)+b] is where chunk b starts in hs[i]; pos[i*(q+1)+q] is
	// the end of hs[i].
	pos := make([]int32, n*(q+1))
	each(workers, n, func(i int) {
		h, row := hs[i], pos[i*(q+1):(i+1)*(q+1)]
		k := 0
		for b, lo := range starts {
			for k < len(h) && h[k] < lo {
				k++
			}
			row[b] = int32(k) //nolint:gosec // total < maxJoin = 2^31
		}
		row[q] = int32(len(h)) //nolint:gosec // as above
	})
	out := make([][]uint32, q)
	var pool sync.Pool
	each(workers, q, func(b int) {
		j, _ := pool.Get().(*joiner)
		if j == nil {
			j = new(joiner)
		}
		hi := uint64(math.MaxUint64) // the last chunk runs to the end
		if b+1 < q {
			hi = starts[b+1] - 1
		}
		out[b] = j.chunk(hs, pos, q, b, starts[b], hi)
		pool.Put(j)
	})
	size := 0
	for _, r := range out {
		size += len(r)
	}
	all := make([]uint32, 0, size)
	for _, r := range out {
		all = append(all, r...)
	}
	return all
}

// countRows turns the runs into the triangle of pair counts, row by row.
func countRows(runs []uint32, n, workers int) []uint32 {
	// member[start[a]:start[a+1]] are the positions in runs just after
	// sketch a's entry, for every run in which a is not last.
	start := make([]int, n+2)
	prev := uint32(runEnd)
	for _, o := range runs {
		if o != runEnd && prev != runEnd {
			start[prev+2]++ // prev is followed by another sketch
		}
		prev = o
	}
	for a := 2; a < len(start); a++ {
		start[a] += start[a-1]
	}
	member := make([]uint32, start[n+1]) // positions < len(runs) ≤ 2·N < 2^32
	prev = runEnd
	for p, o := range runs {
		if o != runEnd && prev != runEnd {
			member[start[prev+1]] = uint32(p) //nolint:gosec // see member
			start[prev+1]++
		}
		prev = o
	}
	// start[a+1] now ends a's positions, start[a] begins them.
	out := make([]uint32, n*(n-1)/2)
	var pool sync.Pool
	each(workers, n-1, func(a int) {
		buf, _ := pool.Get().(*[]uint32)
		if buf == nil {
			acc := make([]uint32, n)
			buf = &acc
		}
		acc := *buf
		for _, p := range member[start[a]:start[a+1]] {
			for _, c := range runs[p:] {
				if c == runEnd {
					break
				}
				acc[c]++
			}
		}
		row := out[TriangleIndex(n, a, a+1) : TriangleIndex(n, a, a+1)+n-a-1]
		copy(row, acc[a+1:])
		clear(acc[a+1:])
		pool.Put(buf)
	})
	return out
}

// each calls do(u) for every unit u in [0, units) on workers goroutines
// taking the next unit from a shared counter.
func each(workers, units int, do func(u int)) {
	workers = max(1, min(workers, units))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				u := int(next.Add(1) - 1)
				if u >= units {
					return
				}
				do(u)
			}
		}()
	}
	wg.Wait()
}

// chunkStarts returns the ascending first values s0 = 0 < s1 < … of the
// chunks [sk, sk+1) (the last one running to the end) such that each holds
// about chunkTarget of the total values: quantiles of a sample of every
// sampleStep-th value.
func chunkStarts(hs [][]uint64, total int) []uint64 {
	sample := make([]uint64, 0, total/sampleStep+len(hs))
	for _, h := range hs {
		for k := sampleStep / 2; k < len(h); k += sampleStep {
			sample = append(sample, h[k])
		}
	}
	slices.Sort(sample)
	bounds := []uint64{0}
	per := max(1, chunkTarget/sampleStep)
	for k := per; k < len(sample); k += per {
		if b := sample[k]; b > bounds[len(bounds)-1] {
			bounds = append(bounds, b)
		}
	}
	return bounds
}

// joiner holds one worker's chunk buffers.
type joiner struct {
	hash, sorted []uint64
	owner, sown  []uint32
	end          []int32
}

// chunk returns the runs of chunk b, [lo, hi] (inclusive): each value held by two
// sketches or more, as its sketches' indexes in ascending order followed by
// runEnd, in a new slice.
func (j *joiner) chunk(hs [][]uint64, pos []int32, q, b int, lo, hi uint64) []uint32 {
	j.hash, j.owner = j.hash[:0], j.owner[:0]
	for i, h := range hs {
		s, e := pos[i*(q+1)+b], pos[i*(q+1)+b+1]
		for _, x := range h[s:e] {
			j.hash = append(j.hash, x)
			j.owner = append(j.owner, uint32(i)) //nolint:gosec // i < n ≤ 2^31
		}
	}
	m := len(j.hash)
	if m < 2 {
		return nil
	}
	j.bucketSort(m, lo, hi)
	// Owners come out ascending within a run: the gather is in sketch
	// order and the sorts are stable.
	out := make([]uint32, 0, m+m/2) // m entries and at most m/2 run ends
	for s := 0; s < m; {
		e := s + 1
		for e < m && j.sorted[e] == j.sorted[s] {
			e++
		}
		if e-s > 1 {
			out = append(append(out, j.sown[s:e]...), runEnd)
		}
		s = e
	}
	return out
}

// bucketSort orders the chunk's m (hash, owner) entries by hash into
// j.sorted and j.sown, stably: m buckets by value over [lo, hi] (hashes
// are close to uniform there), a counting pass, a scatter pass, then an
// insertion sort of each (tiny) bucket.
func (j *joiner) bucketSort(m int, lo, hi uint64) {
	j.sorted = slices.Grow(j.sorted[:0], m)[:m]
	j.sown = slices.Grow(j.sown[:0], m)[:m]
	j.end = slices.Grow(j.end[:0], m+1)[:m+1]
	clear(j.end)
	scale := float64(m) / (float64(hi-lo) + 1)
	bucket := func(x uint64) int { return min(int(float64(x-lo)*scale), m-1) }
	for _, x := range j.hash {
		j.end[bucket(x)+1]++
	}
	for k := 1; k <= m; k++ {
		j.end[k] += j.end[k-1]
	}
	// end[k] is now the start of bucket k; scatter advances it to its end.
	for k, x := range j.hash {
		d := &j.end[bucket(x)]
		j.sorted[*d], j.sown[*d] = x, j.owner[k]
		*d++
	}
	start := 0
	for k := range m {
		stop := int(j.end[k])
		if stop-start > 1 && !j.insertionSort(start, stop) {
			// Many distinct values in one bucket (hand-made, not uniform
			// hashes): finish with an O(b log b) stable sort.
			sortRun(j.sorted[start:stop], j.sown[start:stop])
		}
		start = stop
	}
}

// insertionSort sorts the bucket [start, stop) stably, giving up (false)
// after 8 moves per entry. A bucket of uniform hashes holds one or two
// distinct values, repeated once per sketch retaining them, and needs
// almost no moves; giving up keeps hand-made, clustered values from
// costing quadratic time (the partial result is still in stable order).
func (j *joiner) insertionSort(start, stop int) bool {
	budget := 8 * (stop - start)
	for x := start + 1; x < stop; x++ {
		h, o := j.sorted[x], j.sown[x]
		y := x
		for y > start && j.sorted[y-1] > h {
			j.sorted[y], j.sown[y] = j.sorted[y-1], j.sown[y-1]
			y--
		}
		j.sorted[y], j.sown[y] = h, o
		if budget -= x - y; budget < 0 {
			return false
		}
	}
	return true
}

// sortRun sorts hashes ascending, carrying owners along, stably.
func sortRun(hs []uint64, os []uint32) {
	type entry struct {
		h uint64
		o uint32
	}
	es := make([]entry, len(hs))
	for k := range hs {
		es[k] = entry{hs[k], os[k]}
	}
	slices.SortStableFunc(es, func(a, b entry) int {
		switch {
		case a.h < b.h:
			return -1
		case a.h > b.h:
			return 1
		}
		return 0
	})
	for k, e := range es {
		hs[k], os[k] = e.h, e.o
	}
}

// SharedEstimate estimates Σ over pairs i < j of the values lists[i] and
// lists[j] share (the work of JoinSorted's second phase) from a 1-in-64
// sample of the values, chosen by value (Fibonacci hashing) so that a
// value shared by m lists is sampled in all of them: 64·Σ m(m−1)/2 over
// the sampled values. Cost: one pass over the values and a sort of the
// sample.
func SharedEstimate(lists [][]uint64) float64 {
	var sample []uint64
	for _, l := range lists {
		for _, v := range l {
			if (v*0x9e3779b97f4a7c15)>>58 == 0 {
				sample = append(sample, v)
			}
		}
	}
	slices.Sort(sample)
	var pairs float64
	for s := 0; s < len(sample); {
		e := s + 1
		for e < len(sample) && sample[e] == sample[s] {
			e++
		}
		m := float64(e - s)
		pairs += m * (m - 1) / 2
		s = e
	}
	return 64 * pairs
}
