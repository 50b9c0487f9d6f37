package theta

import (
	"math"
	"slices"

	"github.com/influencekit/influencekit/internal/sorted"
)

// Pair compares two sketches over their common threshold θ = min(θa, θb):
// of the hashes below θ, OnlyA are in a alone, OnlyB in b alone, Both in
// both. Every ID of A∪B has its hash below θ with probability θ
// independently of the others, so each count is a θ-sample of the
// corresponding set, and every estimate below is count ÷ θ.
//
// Using all union hashes below θ (usually more than k of them) is what the
// DataSketches Intersection and AnotB do; it gives errors at or below the
// textbook formulas UnionRSE and IntersectionRSE (measured: 0.55–0.68 × them
// in TestAccuracyUnionIntersection).
//
// A Pair is meant to come from Compare; a hand-made one with negative
// counts or Theta 0 is read as if they were 0 and 1.
type Pair struct {
	Theta              uint64
	OnlyA, OnlyB, Both int
	EmptyA, EmptyB     bool
}

// Compare returns the Pair of a and b from one merge of their sorted hashes
// (see intersectCount), without allocating. Cost: O(retained a + retained
// b); about 11 µs for two sketches of 10⁶ IDs at k = 4096.
func Compare(a, b *Compact) Pair {
	a, b = norm(a), norm(b)
	theta := min(a.theta, b.theta)
	ha, hb := below(a.hashes, theta), below(b.hashes, theta)
	both := intersectCount(ha, hb, theta)
	return Pair{
		Theta:  theta,
		OnlyA:  len(ha) - both,
		OnlyB:  len(hb) - both,
		Both:   both,
		EmptyA: a.empty,
		EmptyB: b.empty,
	}
}

// below returns the prefix of sorted hs that is below theta.
func below(hs []uint64, theta uint64) []uint64 {
	if len(hs) == 0 || hs[len(hs)-1] < theta {
		return hs
	}
	i, _ := slices.BinarySearch(hs, theta)
	return hs[:i]
}

// intersectCount counts the values common to two ascending slices of
// hashes below theta. Hashes are uniform on [0, θ), so both slices are cut
// at θ/4, θ/2 and 3θ/4 into four lanes of about equal length that are merged
// in one loop: four independent dependency chains instead of one, about
// twice as fast as a single merge on a superscalar core. Short inputs use
// the single merge.
func intersectCount(a, b []uint64, theta uint64) int {
	if len(a) < 64 || len(b) < 64 {
		return sorted.CountCommon(a, b)
	}
	var ai, bi [5]int
	q := theta / 4
	for l := 1; l < 4; l++ {
		ai[l], _ = slices.BinarySearch(a, q*uint64(l))
		bi[l], _ = slices.BinarySearch(b, q*uint64(l))
	}
	ai[4], bi[4] = len(a), len(b)
	i0, j0, e0, f0 := ai[0], bi[0], ai[1], bi[1]
	i1, j1, e1, f1 := ai[1], bi[1], ai[2], bi[2]
	i2, j2, e2, f2 := ai[2], bi[2], ai[3], bi[3]
	i3, j3, e3, f3 := ai[3], bi[3], ai[4], bi[4]
	n := 0
	for i0 < e0 && j0 < f0 && i1 < e1 && j1 < f1 && i2 < e2 && j2 < f2 && i3 < e3 && j3 < f3 {
		x0, y0 := a[i0], b[j0]
		x1, y1 := a[i1], b[j1]
		x2, y2 := a[i2], b[j2]
		x3, y3 := a[i3], b[j3]
		n += sorted.B2I(x0 == y0) + sorted.B2I(x1 == y1) + sorted.B2I(x2 == y2) + sorted.B2I(x3 == y3)
		i0 += sorted.B2I(x0 <= y0)
		j0 += sorted.B2I(y0 <= x0)
		i1 += sorted.B2I(x1 <= y1)
		j1 += sorted.B2I(y1 <= x1)
		i2 += sorted.B2I(x2 <= y2)
		j2 += sorted.B2I(y2 <= x2)
		i3 += sorted.B2I(x3 <= y3)
		j3 += sorted.B2I(y3 <= x3)
	}
	return n + sorted.CountCommon(a[i0:e0], b[j0:f0]) + sorted.CountCommon(a[i1:e1], b[j1:f1]) +
		sorted.CountCommon(a[i2:e2], b[j2:f2]) + sorted.CountCommon(a[i3:e3], b[j3:f3])
}

// Exact reports whether both sketches are exact, so every figure of the pair
// is exact.
func (p Pair) Exact() bool { return p.Theta >= MaxTheta }

// Union estimates |A ∪ B| = (OnlyA+OnlyB+Both) ÷ θ with bounds at numStdDev
// standard deviations. RSE ≈ 1/√(union hashes) ≤ 1/√(k−1).
//
// numStdDev is used as its absolute value, capped at MaxStdDevs (NaN counts
// as the cap), here and in every other bound of this package, so that no
// argument gives NaN bounds.
func (p Pair) Union(numStdDev float64) Estimate {
	return newEstimate(p.OnlyA+p.OnlyB+p.Both, p.Theta, numStdDev)
}

// Intersection estimates |A ∩ B| = Both ÷ θ with bounds at numStdDev
// standard deviations. RSE ≈ √(F/(k−1)), F = |A∪B| ÷ |A∩B| (IntersectionRSE).
func (p Pair) Intersection(numStdDev float64) Estimate {
	if p.EmptyA || p.EmptyB {
		return Estimate{Exact: true}
	}
	return newEstimate(p.Both, p.Theta, numStdDev)
}

// ANotB estimates |A \ B| = OnlyA ÷ θ with bounds at numStdDev standard
// deviations. RSE ≈ √(|A∪B| ÷ |A\B| ÷ (k−1)).
func (p Pair) ANotB(numStdDev float64) Estimate {
	if p.EmptyA {
		return Estimate{Exact: true}
	}
	return newEstimate(p.OnlyA, p.Theta, numStdDev)
}

// BNotA estimates |B \ A| = OnlyB ÷ θ, like ANotB.
func (p Pair) BNotA(numStdDev float64) Estimate {
	if p.EmptyB {
		return Estimate{Exact: true}
	}
	return newEstimate(p.OnlyB, p.Theta, numStdDev)
}

// Jaccard estimates |A∩B| ÷ |A∪B| as Both ÷ (OnlyA+OnlyB+Both), the share
// of sampled union hashes that are in both sets (θ cancels). Bounds: Wilson
// score interval for a binomial proportion over the m = OnlyA+OnlyB+Both
// sampled hashes at numStdDev standard deviations; the standard error is
// about √(J(1−J)/m). Two empty sets have Jaccard 0 (nothing is shared), by
// this package's convention, exactly.
func (p Pair) Jaccard(numStdDev float64) Estimate {
	p.OnlyA, p.OnlyB, p.Both = max(p.OnlyA, 0), max(p.OnlyB, 0), max(p.Both, 0)
	return wilson(p.Both, p.OnlyA+p.OnlyB+p.Both, p.Exact(), numStdDev)
}

// OfSmaller estimates the overlap coefficient |A∩B| ÷ min(|A|, |B|) as
// Both ÷ min(OnlyA+Both, OnlyB+Both), the share of the smaller side's
// sampled hashes that the other side also holds (θ cancels). Bounds: the
// Wilson score interval over the m = min(OnlyA+Both, OnlyB+Both) sampled
// hashes, as for Jaccard. With an empty side it is 0, exactly.
func (p Pair) OfSmaller(numStdDev float64) Estimate {
	p.OnlyA, p.OnlyB, p.Both = max(p.OnlyA, 0), max(p.OnlyB, 0), max(p.Both, 0)
	if p.EmptyA || p.EmptyB {
		return Estimate{Exact: true}
	}
	return wilson(p.Both, min(p.OnlyA, p.OnlyB)+p.Both, p.Exact(), numStdDev)
}

// wilson returns the proportion hits ÷ m (0 ≤ hits ≤ m) with its Wilson
// score interval at numStdDev standard deviations; exact (no interval) when
// the counts are exact. m = 0 gives 0.
func wilson(hits, m int, exact bool, numStdDev float64) Estimate {
	if m == 0 {
		return Estimate{Exact: exact}
	}
	j := float64(hits) / float64(m)
	if exact {
		return Estimate{Value: j, Lower: j, Upper: j, Count: m, Exact: true}
	}
	fm := float64(m)
	z := stdDevs(numStdDev)
	den := 1 + z*z/fm
	centre := (j + z*z/(2*fm)) / den
	half := z / den * math.Sqrt(j*(1-j)/fm+z*z/(4*fm*fm))
	// The Wilson interval always contains j; the clamps to j only undo
	// float rounding (at j = 0, centre−half can come out as 3.5e-18).
	return Estimate{
		Value: j,
		Lower: math.Max(0, math.Min(j, centre-half)),
		Upper: math.Min(1, math.Max(j, centre+half)),
		Count: m,
	}
}

// Union returns the theta sketch of A ∪ B: θ = min(θa, θb) and every hash of
// either below it. The result is not trimmed (it may hold up to the sum of
// both); call Trim to bound it, or fold many sketches into one Sketch with
// Merge.
func Union(a, b *Compact) *Compact {
	a, b = norm(a), norm(b)
	theta := min(a.theta, b.theta)
	out := sorted.Union(below(a.hashes, theta), below(b.hashes, theta))
	return &Compact{hashes: out, theta: theta, empty: a.empty && b.empty}
}

// Intersect returns the theta sketch of A ∩ B: θ = min(θa, θb) and the hashes
// below it present in both, as the DataSketches Intersection computes. The
// intersection with an empty set is empty.
func Intersect(a, b *Compact) *Compact {
	a, b = norm(a), norm(b)
	if a.empty || b.empty {
		return &Compact{theta: MaxTheta, empty: true}
	}
	theta := min(a.theta, b.theta)
	out := sorted.Intersect(below(a.hashes, theta), below(b.hashes, theta))
	return &Compact{hashes: out, theta: theta}
}

// ANotB returns the theta sketch of A \ B: θ = min(θa, θb) (θa if b is
// empty) and a's hashes below it that b lacks, as the DataSketches AnotB.
func ANotB(a, b *Compact) *Compact {
	a, b = norm(a), norm(b)
	if a.empty {
		return &Compact{theta: MaxTheta, empty: true}
	}
	theta := a.theta
	if !b.empty {
		theta = min(theta, b.theta)
	}
	out := sorted.Difference(below(a.hashes, theta), below(b.hashes, theta))
	return &Compact{hashes: out, theta: theta}
}
