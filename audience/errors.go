package audience

import "errors"

// Sentinel errors; every error the package returns wraps one of them, so
// callers branch with errors.Is. Messages read
// "audience: Func: field: what was wrong (value)".
var (
	// ErrNegative: a share, count or weight below zero.
	ErrNegative = errors.New("negative value")
	// ErrZeroTotal: a distribution (or a set of weights) whose known
	// categories sum to zero, so it cannot be normalised.
	ErrZeroTotal = errors.New("total is zero")
	// ErrCategory: an empty category or dimension name.
	ErrCategory = errors.New("empty name")
	// ErrDimension: a weight for a dimension the target does not have, or a
	// weighted target dimension missing from the actual demographics.
	ErrDimension = errors.New("dimension mismatch")
	// ErrNoBaseline: an affinity index asked for a category whose baseline
	// share is zero (the index would be infinite).
	ErrNoBaseline = errors.New("baseline share is zero")
	// ErrSampleSize: a sample size below 1, or a non-positive z.
	ErrSampleSize = errors.New("invalid sample")
	// ErrEmpty: a computation whose denominator is an empty audience.
	ErrEmpty = errors.New("empty audience")
	// ErrUniverseFull: a Universe already holds 2^32 IDs.
	ErrUniverseFull = errors.New("universe full")
	// ErrNilUniverse: an ID assigned through a nil *Universe.
	ErrNilUniverse = errors.New("nil universe")
)
