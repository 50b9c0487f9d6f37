// Package theta is a theta sketch (the bottom-k / KMV family of Apache
// DataSketches) for estimating distinct counts, unions, intersections,
// differences and Jaccard similarity of sets too large to keep exactly, such
// as the follower sets of large accounts.
//
// A Sketch keeps the smallest 63-bit hashes of the IDs added to it, up to a
// nominal k = 2^lgK (default 4096); once it has seen more than k distinct
// IDs it keeps only hashes below a threshold theta and estimates a count as
// retained ÷ θ. Fewer than k distinct IDs are counted exactly.
//
// The package speaks DataSketches: IDs are hashed as the Java library's
// update(long) (MurmurHash3 x64-128, seed 9001, the ID's 8 little-endian
// bytes, first half shifted right by one); the update sketch follows the
// Java QuickSelect sketch's retention rule, so a sketch of the same IDs
// retains the same hashes; and Compact sketches read and write the compact
// theta format (serial version 3, and the compressed version 4). A sketch
// built per shard in Spark, Druid, Pinot or Hive can be decoded and merged
// here.
//
// Accuracy (relative standard errors, RSE):
//
//	distinct count, union:  1/√(k−1)             (1.56 % at k = 4096)
//	intersection A∩B:       √(F/(k−1)), F = |A∪B| ÷ |A∩B|
//	A \ B:                  √(F/(k−1)), F = |A∪B| ÷ |A\B|
//	Jaccard J:              √(J(1−J)/m), m ≈ k sampled union hashes
//
// Bounds are given at a chosen number of standard deviations (1, 2, 3 ↔
// 68.27 %, 95.45 %, 99.73 %), from the binomial sampling of each count:
// Estimate's bounds by the normal approximation at any number of standard
// deviations, BinomialBounds by DataSketches' own method (exact binomial
// tails for small counts) at 1, 2 or 3, which is what callers that must
// report DataSketches' figures use.
// Any float64 is accepted there (its absolute value, capped at MaxStdDevs),
// so no bound is ever NaN.
//
// Bad sizes and bad bytes return an error, never a panic: an *errs.Error
// reading "theta: Func: field: what was wrong (value)", wrapping ErrLgK, ErrEmptyInput,
// ErrTruncated, ErrCorrupt, ErrUnsupported or ErrSeedMismatch for
// errors.Is (and errs.ErrTooLarge for an image of more than MaxRetained
// hashes).
//
// Everything here is float64 and uint64: callers that report rates convert
// once, at their API boundary. Compact values are immutable and safe to
// share; Sketch is a mutable builder, not safe for concurrent use.
package theta
