// Package idset is the exact follower-set engine behind audience.Set: 64-bit
// IDs bucketed by their high 32 bits into sorted uint32 arrays (with a
// lookup directory for large ones) or roaring bitmaps, or kept as one
// sorted uint64 slice when too spread out for buckets to pay; intersections
// by a four-lane branch-free merge, galloping, directory lookups or
// roaring's popcounts; loading by a linear-time radix sort.
//
// audience is its public face: audience.Set wraps a *Set, and audience's
// set functions call the ones here. Nothing here validates input beyond
// what the types allow: nil sets read as empty, and no function returns an
// error or panics.
package idset

import (
	"iter"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/RoaringBitmap/roaring/v2"
)

// Set is an exact set of follower IDs (64-bit, as platforms issue them).
//
// Representation: IDs are grouped by their high 32 bits into buckets; each
// bucket holds its low 32 bits either as a sorted []uint32 (4 bytes per ID,
// the fast case for sparse platform IDs) or, when most of the bucket lies in
// 65,536-wide chunks holding more than 4,096 IDs, as a roaring bitmap
// (github.com/RoaringBitmap/roaring/v2), which is smaller and faster there.
// When IDs are spread so widely that buckets would average fewer than 19
// IDs (a bucket header costs 76 bytes), the set keeps one sorted []uint64
// instead (8 bytes per ID).
// Intersections merge sorted buckets branch-free when their sizes are within
// 32× of each other; otherwise each ID of the small side is looked up in
// the large one, through a directory (one entry per ~64 IDs, 0.06–0.1 bytes
// per ID) for arrays of 4,096 IDs or more, and by galloping (exponential
// then binary search) below that.
//
// Loading: Add only appends to a pending buffer; the buffer is sorted
// (radix sort), deduplicated and merged into the buckets on the first read
// that follows. A bulk load (any number of Adds, then reads) costs one
// linear-time sort and build (about 25 ns per ID at 10⁶ IDs), and a load of
// already-sorted IDs skips the sort. Alternating Add and reads re-merges the
// touched buckets on every read: load first, then read.
//
// Concurrency: Add must not run concurrently with any other method of the
// same Set. Every other method is a read and is safe for concurrent use: the
// pending merge it may trigger happens under an internal lock, once. A Set
// must not be copied after first use (it holds a sync.Mutex); use Clone.
//
// The zero value is an empty set ready to use. A nil *Set reads as the empty
// set everywhere; Add on a nil *Set does nothing.
type Set struct {
	mu      sync.Mutex
	dirty   atomic.Bool
	pending []uint64
	layout
}

// layout is the settled content of a Set. Layouts are never modified after
// construction, so Sets may share their slices (Clone, Union).
type layout struct {
	keys []uint32    // sorted high halves, one per bucket
	ctrs []container // ctrs[i] holds the low halves of bucket keys[i]
	// wide sets (IDs spread over so many high halves that buckets would
	// cost more than they save, as with snowflake IDs near 2⁶⁰) keep the
	// IDs as one sorted []uint64 instead: 8 bytes per ID.
	flat []uint64
	wide bool
	n    int64
}

// container holds the low 32 bits of one bucket. Containers are never
// modified after construction, so Sets may share them (Clone, Union).
type container struct {
	arr []uint32        // sorted, distinct; used when bm == nil
	bm  *roaring.Bitmap // dense buckets
	n   int64
	// dir indexes large arrays for lookups: the IDs whose low half has top
	// bits s (low >> dirShift == s) are arr[dir[s]:dir[s+1]]. It holds
	// about one entry per dirSpan IDs (0.06 bytes per ID) and turns a
	// lookup into one directory read plus a binary search over ~dirSpan
	// IDs, which is what skewed intersections (10⁴ vs 10⁷) and Contains do.
	dir      []uint32
	dirShift uint8
}

// dirMin is the array size from which a directory is built; dirSpan the
// average number of IDs per directory slot.
const (
	dirMin  = 4096
	dirSpan = 64
)

// withDir returns c with a directory over its sorted array.
func withDir(c container) container {
	n := len(c.arr)
	if n < dirMin {
		return c
	}
	bitsN := 1
	for bitsN < 24 && (n>>bitsN) > dirSpan {
		bitsN++
	}
	shift := uint8(32 - bitsN)
	dir := make([]uint32, 1<<bitsN+1)
	i := 0
	for s := range dir {
		for i < n && int(c.arr[i]>>shift) < s {
			i++
		}
		dir[s] = uint32(i) //nolint:gosec // i <= len(arr) < 2^32
	}
	c.dir, c.dirShift = dir, shift
	return c
}

// window returns the part of the array that may hold lo.
func (c *container) window(lo uint32) []uint32 {
	if c.dir == nil {
		return c.arr
	}
	s := lo >> c.dirShift
	return c.arr[c.dir[s]:c.dir[s+1]]
}

// NewSet returns a set holding ids (duplicates count once).
func NewSet(ids ...uint64) *Set {
	s := &Set{}
	s.Add(ids...)
	return s
}

// NewSetFromSorted returns a set holding ids, which must be sorted in
// ascending order (duplicates allowed). It skips the sort that Add would do;
// if ids turn out not to be sorted it falls back to sorting a copy.
// ids is not retained.
func NewSetFromSorted(ids []uint64) *Set {
	s := &Set{}
	if !slices.IsSorted(ids) {
		s.Add(ids...)
		return s
	}
	s.layout = buildLayout(ids)
	return s
}

// Add inserts ids into the set. It is not safe for concurrent use with any
// other method of s. Add on a nil *Set does nothing.
func (s *Set) Add(ids ...uint64) {
	if s == nil || len(ids) == 0 {
		return
	}
	s.mu.Lock()
	s.pending = append(s.pending, ids...)
	s.dirty.Store(true)
	s.mu.Unlock()
}

// Len returns the number of distinct IDs in the set (0 for nil).
func (s *Set) Len() int64 {
	if s == nil {
		return 0
	}
	s.settle()
	return s.n
}

// Contains reports whether id is in the set.
func (s *Set) Contains(id uint64) bool {
	if s == nil {
		return false
	}
	s.settle()
	if s.wide {
		_, found := slices.BinarySearch(s.flat, id)
		return found
	}
	k, ok := slices.BinarySearch(s.keys, uint32(id>>32))
	if !ok {
		return false
	}
	return s.ctrs[k].contains(uint32(id)) //nolint:gosec // low half on purpose
}

// Clone returns an independent copy of s (nil gives an empty set). The copy
// shares s's immutable bucket storage, so it is cheap.
func (s *Set) Clone() *Set {
	c := &Set{}
	if s == nil {
		return c
	}
	s.settle()
	c.layout = s.layout
	c.keys = slices.Clone(s.keys)
	c.ctrs = slices.Clone(s.ctrs)
	return c
}

// All returns an iterator over the IDs of s in ascending order. The set must
// not be modified (Add) during the iteration.
func (s *Set) All() iter.Seq[uint64] {
	return func(yield func(uint64) bool) {
		if s == nil {
			return
		}
		s.settle()
		for _, id := range s.flat {
			if !yield(id) {
				return
			}
		}
		for i, k := range s.keys {
			hi := uint64(k) << 32
			c := &s.ctrs[i]
			if c.bm != nil {
				it := c.bm.Iterator()
				for it.HasNext() {
					if !yield(hi | uint64(it.Next())) {
						return
					}
				}
				continue
			}
			for _, lo := range c.arr {
				if !yield(hi | uint64(lo)) {
					return
				}
			}
		}
	}
}

// AppendTo appends the IDs of s in ascending order to dst and returns the
// extended slice.
func (s *Set) AppendTo(dst []uint64) []uint64 {
	if s == nil {
		return dst
	}
	s.settle()
	return s.layout.appendTo(dst)
}

func (l *layout) appendTo(dst []uint64) []uint64 {
	if l.wide {
		return append(dst, l.flat...)
	}
	dst = slices.Grow(dst, int(l.n))
	for i, k := range l.keys {
		hi := uint64(k) << 32
		c := &l.ctrs[i]
		if c.bm != nil {
			c.bm.Iterate(func(lo uint32) bool {
				dst = append(dst, hi|uint64(lo))
				return true
			})
			continue
		}
		for _, lo := range c.arr {
			dst = append(dst, hi|uint64(lo))
		}
	}
	return dst
}

// SizeInBytes returns the memory held by the set's buckets (ID storage and
// per-bucket headers), excluding a pending, not yet merged, Add buffer.
// Divide by Len for bytes per ID.
func (s *Set) SizeInBytes() int64 {
	if s == nil {
		return 0
	}
	s.settle()
	size := 8 * int64(cap(s.flat))
	size += int64(len(s.keys)) * bucketHeader
	for i := range s.ctrs {
		c := &s.ctrs[i]
		if c.bm != nil {
			size += int64(c.bm.GetSizeInBytes()) //nolint:gosec // sizes fit
		} else {
			size += 4 * int64(cap(c.arr)+cap(c.dir))
		}
	}
	return size
}

// settle merges pending IDs into the buckets, once, under the lock.
func (s *Set) settle() {
	if !s.dirty.Load() {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.dirty.Load() {
		return
	}
	p := s.pending
	s.pending = nil
	sortUint64(p)
	if s.n == 0 {
		s.layout = buildLayout(p)
	} else {
		add := buildLayout(p)
		s.layout = unionLayouts([]*layout{&s.layout, &add})
	}
	s.dirty.Store(false)
}

// bucketHeader is the memory of one bucket's bookkeeping: its key (4
// bytes) and its container (slice header 24, bitmap pointer 8, count 8,
// directory slice header 24 and shift, padded, 8).
const bucketHeader = 4 + 24 + 8 + 8 + 24 + 8

// wideRatio: a set whose buckets would average fewer IDs than this is kept
// flat. Buckets cost 4 bytes per ID plus bucketHeader per bucket; flat
// costs 8 bytes per ID; they break even at bucketHeader/4 = 19 IDs.
const wideRatio = bucketHeader / 4

// buildLayout builds a layout from sorted ids (duplicates allowed). ids is
// neither modified nor retained.
func buildLayout(ids []uint64) layout {
	distinct, keys := 0, 0
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			distinct++
			if i == 0 || id>>32 != ids[i-1]>>32 {
				keys++
			}
		}
	}
	if keys >= 2 && distinct < wideRatio*keys {
		flat := make([]uint64, 0, distinct)
		for i, id := range ids {
			if i == 0 || id != ids[i-1] {
				flat = append(flat, id)
			}
		}
		return layout{flat: flat, wide: true, n: int64(distinct)}
	}
	k, c, n := buildBuckets(ids)
	return layout{keys: k, ctrs: c, n: n}
}

// buildBuckets builds buckets from sorted ids (duplicates allowed).
func buildBuckets(ids []uint64) ([]uint32, []container, int64) {
	var (
		keys  []uint32
		ctrs  []container
		total int64
	)
	for i := 0; i < len(ids); {
		key := uint32(ids[i] >> 32)
		j := i + 1
		for j < len(ids) && uint32(ids[j]>>32) == key {
			j++
		}
		arr := make([]uint32, 0, j-i)
		last := uint64(0)
		for t, id := range ids[i:j] {
			if t > 0 && id == last {
				continue
			}
			arr = append(arr, uint32(id)) //nolint:gosec // low half on purpose
			last = id
		}
		arr = slices.Clip(arr)
		c := newContainer(arr)
		keys = append(keys, key)
		ctrs = append(ctrs, c)
		total += c.n
		i = j
	}
	return keys, ctrs, total
}

// denseChunk is the roaring threshold: a 65,536-wide chunk with more IDs
// than this is stored by roaring as a bitmap (8 KiB), which beats 4 bytes/ID.
const denseChunk = 4096

// newContainer picks the representation for a sorted, distinct bucket: a
// roaring bitmap when at least half of its IDs lie in dense chunks, else the
// sorted array itself (which it takes ownership of).
func newContainer(arr []uint32) container {
	n := int64(len(arr))
	if n <= denseChunk {
		return withDir(container{arr: arr, n: n})
	}
	dense := 0
	for i := 0; i < len(arr); {
		chunk := arr[i] >> 16
		j := i + 1
		for j < len(arr) && arr[j]>>16 == chunk {
			j++
		}
		if j-i > denseChunk {
			dense += j - i
		}
		i = j
	}
	if 2*dense < len(arr) {
		return withDir(container{arr: arr, n: n})
	}
	bm := roaring.New()
	bm.AddMany(arr)
	bm.RunOptimize()
	return container{bm: bm, n: n}
}
