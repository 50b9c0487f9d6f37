package audience

import "slices"

// radixMin is the length above which sortUint64 uses a radix sort.
const radixMin = 1 << 12

// sortUint64 sorts ids in place in ascending order. Already-sorted input
// costs one pass; long input is radix sorted (LSD, 11-bit digits, passes
// whose digit is constant are skipped: IDs below 2^36 need 4 of 6 passes).
func sortUint64(ids []uint64) {
	if slices.IsSorted(ids) {
		return
	}
	if len(ids) < radixMin {
		slices.Sort(ids)
		return
	}
	const bitsPer = 11
	const buckets = 1 << bitsPer
	var or, and uint64 = 0, ^uint64(0)
	for _, v := range ids {
		or |= v
		and &= v
	}
	varying := or ^ and // bits that differ somewhere
	buf := make([]uint64, len(ids))
	src, dst := ids, buf
	var count [buckets]int
	for shift := uint(0); shift < 64; shift += bitsPer {
		if (varying>>shift)&(buckets-1) == 0 {
			continue
		}
		clear(count[:])
		for _, v := range src {
			count[(v>>shift)&(buckets-1)]++
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, v := range src {
			d := (v >> shift) & (buckets - 1)
			dst[count[d]] = v
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &ids[0] {
		copy(ids, src)
	}
}
