// Package sorted holds the set operations on ascending slices of distinct
// integers that both the exact follower sets (audience) and the theta
// sketches (internal/theta) are built on. Each returns a new slice, clipped
// to its length; the inputs are not modified.
package sorted

import "slices"

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
