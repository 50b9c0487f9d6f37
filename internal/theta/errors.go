package theta

import "errors"

// Sentinel errors. Every error this package returns wraps one of them, so
// callers test with errors.Is.
var (
	// ErrLgK: a log2 nominal size outside [MinLgK, MaxLgK].
	ErrLgK = errors.New("lgK out of range")
	// ErrEmptyInput: an empty string or byte slice given to a hash function
	// (DataSketches ignores such input).
	ErrEmptyInput = errors.New("empty input")
	// ErrTruncated: serialised bytes end before the data they announce.
	ErrTruncated = errors.New("truncated sketch")
	// ErrCorrupt: serialised bytes that are not a valid compact theta sketch
	// (bad preamble, flags, theta, or entries out of order, zero,
	// duplicated or not below theta).
	ErrCorrupt = errors.New("corrupt sketch")
	// ErrUnsupported: a valid DataSketches image this package does not read
	// (another sketch family, serial versions other than 3 and 4, big-endian).
	ErrUnsupported = errors.New("unsupported sketch format")
	// ErrSeedMismatch: the sketch was built with a hash seed other than 9001,
	// so its hashes cannot be compared with ours.
	ErrSeedMismatch = errors.New("seed hash mismatch")
)
