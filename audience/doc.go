// Package audience measures who an influencer reaches: how well an
// audience's demographics fit a campaign's target, and how much the
// follower sets of several influencers overlap.
//
// # Demographic fit
//
// A Distribution maps categories ("18-24", "TR", "fitness") to shares or raw
// counts; every measure normalises by the sum of the known categories, and
// the special category Unknown holds unreported mass, which is excluded from
// the measures and reported on its own (UnknownShare, DimensionFit).
//
//   - Match: histogram intersection Σ min(pᵢ, qᵢ), the contract's fit score.
//   - TotalVariation, Hellinger, Bhattacharyya, JensenShannon, Cosine.
//   - OnTargetShare (with OnTargetInterval for sampled demographics) and
//     Affinity (index, 100 = baseline).
//   - Demographics and Fit: a weighted fit over several dimensions with a
//     report per dimension.
//
// Every score is a decimal.Decimal fraction (0.25 is 25 %) rounded once,
// half away from zero, to 16 decimal places; exact rational arithmetic is
// used wherever the formula allows, 256-bit floats for square roots and
// 128-bit logarithms (taken in log domain, so any magnitude works)
// otherwise.
//
// # Limits
//
// Every decimal the package accepts (a Distribution's values, a dimension
// weight, OnTargetInterval's z) must have an exponent within ±MaxExponent
// (1000) and at most MaxDigits (1000) digits; a value beyond is an error
// wrapping ErrTooLarge, found in time linear in the value's size before any
// arithmetic, and reported short (magnitude and digit count, never every
// digit). Within the limits a measure's work is linear in the number of
// categories. Sketch decoding takes time linear in the bytes and keeps
// every hash of the image, 8 bytes each, at most 2^27 (ErrTooLarge beyond;
// see Sketch.UnmarshalBinary). OverlapMatrix and SketchOverlapMatrix hold
// n² figures for n audiences (their docs state the bytes); the caller
// chooses n.
//
// # Follower overlap
//
// Every overlap comparison answers one shape, Pair (shared, only-A, only-B,
// union, Jaccard, overlap of the smaller), with Exact and a Low and High
// bound for each figure: exact sets give exact figures (Low = High), theta
// sketches give estimates with their bounds. The core calls and their
// sketch siblings:
//
//	exact (Set)                 sketched (Sketch)
//	Overlap(a, b)               OverlapSketches(a, b), OverlapSketchSet(a, set)
//	UniqueReach(sets...)        UniqueReachSketches(sketches...)
//	OverlapMatrix(sets, w)      SketchOverlapMatrix(sketches, w)  (both give a Matrix)
//
// # Follower sets, exact
//
// A Set holds 64-bit follower IDs. UniqueReach, Exclusive and
// ExpectedFrequency describe a group; OverlapMatrix computes all pairs in
// parallel. Union, Intersect, Difference, IntersectionLen,
// (*Set).CountNotIn, Contains, Clone and All serve selection algorithms such
// as budgeted max-coverage. A Universe maps external IDs (uint64 or string)
// to dense 32-bit IDs, which makes sets smaller and faster.
//
// The engine lives in internal/idset; Set and the functions above are its
// documented face. Sets keep IDs in buckets by their high 32 bits: sorted uint32 arrays
// (4 bytes per ID, intersected by a four-lane branch-free merge, or, when
// sizes differ by more than 32×, by looking the small side up through a
// directory of the large one) and, for dense buckets,
// roaring bitmaps; IDs spread too widely for buckets to pay (snowflake IDs)
// stay in one sorted uint64 slice.
//
// # Follower sets, sketched
//
// A Sketch is a DataSketches-compatible theta sketch (k = 4096 by default)
// for audiences too large to ship or hold: Add, Merge, Estimate, and the
// sketch siblings above (exact when both sets are small; OverlapSketchSet
// compares a sketch with a Set held in full, exact when the sketch's set is
// small).
// MarshalBinary and UnmarshalBinary speak the Apache DataSketches compact
// theta format, so sketches built in Spark, Druid, Pinot or Hive merge here.
// A decoded sketch keeps every hash and the θ of its image, so its
// estimate, bounds and overlaps are DataSketches' own for the same bytes;
// the bounds of every sketch count are computed by DataSketches' method
// (exact binomial tails for small counts). examples/sketches shows the
// hand-over from each engine.
//
// # Errors and concurrency
//
// Bad input gives an error reading "audience: Func: field: what was wrong
// (value)", never a panic. It wraps one of the Err… sentinels: the
// module's shared ErrInvalid, ErrNegative, ErrNonPositive, ErrEmpty and
// ErrTooLarge (the same values as in kpi, budget and roi), or audience's
// own ErrDimension, ErrNoBaseline and the ErrSketch… decoding errors.
// Functions on sets take nil as the empty set and return no error; ratios
// with a zero denominator are 0 by documented convention (Jaccard of two
// empty sets, OfSmaller with an empty side). The Matrix accessors (Size,
// Shared, Pair) answer (value, ok) and report ok = false for an index
// outside [0, N()), like a map lookup, instead of panicking like a slice.
// Set and Sketch are safe for concurrent reads once filled; Add is not (see
// Set and Sketch).
//
// # Zero values
//
// The zero Set, Sketch (k = 4096) and Universe are empty and ready to use;
// a nil *Set or *Sketch reads as empty. A nil or zero DimensionWeights
// means equal weights. The zero Pair, Estimate and Matrix are empty
// results, not inputs.
package audience
