package idset

import "slices"

// radixMin is the length above which sortUint64 uses a radix sort.
const radixMin = 1 << 12

// sortUint64 sorts ids in place in ascending order. Already-sorted input
// costs one pass; long input is radix sorted (LSD, 11-bit digits, passes
// whose digit is constant are skipped: IDs below 2^36 need 4 of 6 passes;
// the histograms of all digits are counted in one read pass).
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
	const digits = (64 + bitsPer - 1) / bitsPer
	var or, and uint64 = 0, ^uint64(0)
	for _, v := range ids {
		or |= v
		and &= v
	}
	varying := or ^ and // bits that differ somewhere
	// One pass builds the histograms of every digit that varies.
	var count [digits][buckets]int
	var passes []uint
	for d := range digits {
		if (varying>>(uint(d)*bitsPer))&(buckets-1) != 0 {
			passes = append(passes, uint(d))
		}
	}
	for _, v := range ids {
		for _, d := range passes {
			count[d][(v>>(d*bitsPer))&(buckets-1)]++
		}
	}
	buf := make([]uint64, len(ids))
	src, dst := ids, buf
	for _, d := range passes {
		c := &count[d]
		sum := 0
		for i, n := range c {
			c[i] = sum
			sum += n
		}
		shift := d * bitsPer
		for _, v := range src {
			k := (v >> shift) & (buckets - 1)
			dst[c[k]] = v
			c[k]++
		}
		src, dst = dst, src
	}
	if &src[0] != &ids[0] {
		copy(ids, src)
	}
}
