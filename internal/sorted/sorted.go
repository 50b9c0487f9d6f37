// Package sorted holds the set operations on ascending slices of distinct
// integers that both the exact follower sets (audience) and the theta
// sketches (internal/theta) are built on. Each returns a new slice, clipped
// to its length; the inputs are not modified. Select, the one quickselect of
// the module, partially orders a slice of any ordered type in place.
package sorted

import (
	"cmp"
	"slices"
)

// Integer is the element type: 32-bit dense IDs or 64-bit IDs and hashes.
type Integer interface{ ~uint32 | ~uint64 }

// Union returns a ∪ b by one merge.
func Union[T Integer](a, b []T) []T {
	out := make([]T, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		switch {
		case x < y:
			out = append(out, x)
			i++
		case y < x:
			out = append(out, y)
			j++
		default:
			out = append(out, x)
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	out = append(out, b[j:]...)
	return slices.Clip(out)
}

// Intersect returns a ∩ b by one branch-free merge: each step advances the
// side (or both sides) holding the smaller value.
func Intersect[T Integer](a, b []T) []T {
	out := make([]T, 0, min(len(a), len(b)))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		if x == y {
			out = append(out, x)
		}
		i += B2I(x <= y)
		j += B2I(y <= x)
	}
	return slices.Clip(out)
}

// Difference returns a \ b: the values of a that b lacks.
func Difference[T Integer](a, b []T) []T {
	out := make([]T, 0, len(a))
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j < len(b) && b[j] == x {
			continue
		}
		out = append(out, x)
	}
	return slices.Clip(out)
}

// CountCommon returns |a ∩ b| without building it, by the same branch-free
// merge as Intersect: each step compares one value of each side and
// advances either or both, so the loop has no data-dependent branch to
// mispredict.
func CountCommon[T Integer](a, b []T) int {
	i, j, n := 0, 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		n += B2I(x == y)
		i += B2I(x <= y)
		j += B2I(y <= x)
	}
	return n
}

// B2I is 1 for true and 0 for false; the compiler emits a flag set (SETcc),
// not a branch, which keeps merge loops free of mispredictions.
func B2I(b bool) int {
	var i int
	if b {
		i = 1
	}
	return i
}

// Select partially orders a so that a[k] is the value slices.Sort would put
// there, every element before it no larger and every element after it no
// smaller. It is Hoare's quickselect with a median-of-three pivot: expected
// linear time, duplicates allowed. A k outside [0, len(a)) leaves a as it is.
// The one selection of the module (selection's median efficiency, theta's
// k-th smallest hash).
func Select[T cmp.Ordered](a []T, k int) {
	if k < 0 || k >= len(a) {
		return
	}
	lo, hi := 0, len(a)-1
	for hi > lo {
		mid := lo + (hi-lo)/2
		if a[mid] < a[lo] { // median of three to a[mid]
			a[mid], a[lo] = a[lo], a[mid]
		}
		if a[hi] < a[lo] {
			a[hi], a[lo] = a[lo], a[hi]
		}
		if a[hi] < a[mid] {
			a[hi], a[mid] = a[mid], a[hi]
		}
		pivot := a[mid]
		i, j := lo, hi
		for i <= j {
			for a[i] < pivot {
				i++
			}
			for a[j] > pivot {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
}
