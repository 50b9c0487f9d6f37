package audience

import (
	"errors"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/theta"
)

// Sentinel errors; every error the package returns wraps one of them, so
// callers branch with errors.Is. Messages read
// "audience: Func: field: what was wrong (value)".
//
// The conditions every package shares have the module's shared sentinels,
// the same values as kpi.ErrNegative, budget.ErrEmpty and so on.
var (
	// ErrInvalid: an empty category or dimension name, or an ID assigned
	// through a nil *Universe, bytes decoded into a nil *Sketch, or a sketch
	// size (lgK) outside [MinSketchLgK, MaxSketchLgK].
	ErrInvalid = errs.ErrInvalid
	// ErrNegative: a share, count or weight below zero.
	ErrNegative = errs.ErrNegative
	// ErrNonPositive: a distribution whose known categories sum to zero
	// (only zeros, or only Unknown), weights that sum to zero, so that
	// nothing can be normalised; a sample size below 1 or a z not above 0.
	ErrNonPositive = errs.ErrNonPositive
	// ErrEmpty: nothing to compute on: a nil or empty Distribution, a
	// target with no dimension, an empty union of sets.
	ErrEmpty = errs.ErrEmpty
	// ErrTooLarge: a decimal beyond MaxExponent or MaxDigits (a
	// Distribution's value, a dimension weight, OnTargetInterval's z), or a
	// Universe that already holds 2^32 IDs.
	ErrTooLarge = errs.ErrTooLarge
)

// Sentinel errors of the package's own conditions.
var (
	// ErrDimension: a weight for a dimension the target does not have, or a
	// weighted target dimension missing from the actual demographics.
	ErrDimension = errors.New("dimension mismatch")
	// ErrNoBaseline: an affinity index asked for a category whose baseline
	// share is zero (the index would be infinite).
	ErrNoBaseline = errors.New("baseline share is zero")
	// ErrSketchTruncated: serialised bytes end before the data they announce.
	ErrSketchTruncated = theta.ErrTruncated
	// ErrSketchCorrupt: bytes that are not a valid compact theta sketch.
	ErrSketchCorrupt = theta.ErrCorrupt
	// ErrSketchUnsupported: a DataSketches image of another family or
	// serial version (only compact theta v3 and v4 are read).
	ErrSketchUnsupported = theta.ErrUnsupported
	// ErrSketchSeed: the sketch was hashed with a seed other than 9001.
	ErrSketchSeed = theta.ErrSeedMismatch
)
