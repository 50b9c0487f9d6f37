package feedback

// hasher hashes a rune string and its variants with one or two runes
// deleted, each in O(1) after an O(n) setup: the hash of r₀…r₍ₙ₋₁₎ is the
// polynomial Σ rₖ·B^(n−1−k) mod 2⁶⁴ (Horner), so a deletion splits it into a
// prefix, a middle and a suffix hash scaled by powers of B. Equal strings
// hash alike; a collision only costs a verification with osa.
type hasher struct {
	r      []rune
	prefix []uint64 // prefix[i]: hash of r[:i]
	suffix []uint64 // suffix[i]: hash of r[i:]
	pow    []uint64 // pow[i] = B^i
}

const hashBase = 0x100000001b3 // odd, so powers never vanish mod 2⁶⁴

func (h *hasher) reset(r []rune) {
	n := len(r)
	h.r = r
	h.prefix = append(h.prefix[:0], make([]uint64, n+1)...)
	h.suffix = append(h.suffix[:0], make([]uint64, n+1)...)
	h.pow = append(h.pow[:0], make([]uint64, n+1)...)
	h.pow[0] = 1
	for i := 0; i < n; i++ {
		h.prefix[i+1] = h.prefix[i]*hashBase + uint64(r[i]) + 1
		h.pow[i+1] = h.pow[i] * hashBase
	}
	for i := n - 1; i >= 0; i-- {
		h.suffix[i] = (uint64(r[i])+1)*h.pow[n-1-i] + h.suffix[i+1]
	}
}

// variants calls fn with the hash of the string and of every variant with
// up to maxDel (0, 1 or 2) runes deleted; variants may repeat.
func (h *hasher) variants(maxDel int, fn func(uint64)) {
	n := len(h.r)
	fn(h.prefix[n])
	if maxDel < 1 {
		return
	}
	for i := 0; i < n; i++ {
		// r[:i] + r[i+1:]
		fn(h.prefix[i]*h.pow[n-1-i] + h.suffix[i+1])
		if maxDel < 2 {
			continue
		}
		for j := i + 1; j < n; j++ {
			// r[:i] + r[i+1:j] + r[j+1:]
			mid := h.prefix[j] - h.prefix[i+1]*h.pow[j-i-1]
			fn(h.prefix[i]*h.pow[n-2-i] + mid*h.pow[n-1-j] + h.suffix[j+1])
		}
	}
}

// osa returns the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and transpositions of adjacent
// runes, each 1, no substring edited twice), or limit+1 when it exceeds
// limit. row0, row1, row2 are reused buffers.
func osa(a, b []rune, limit int, rows *[3][]int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	for i := range rows {
		if cap(rows[i]) < len(b)+1 {
			rows[i] = make([]int, len(b)+1)
		}
		rows[i] = rows[i][:len(b)+1]
	}
	prev2, prev, cur := rows[0], rows[1], rows[2]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if d := prev[len(b)]; d <= limit {
		return d
	}
	return limit + 1
}
