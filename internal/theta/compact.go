package theta

import (
	"iter"
	"math"
	"slices"

	"github.com/influencekit/influencekit/internal/errs"
)

// Compact is an immutable theta sketch: the sorted hashes below theta. It is
// what set operations take and return and what is serialised. Obtain one
// from Sketch.Compact, a set operation, FromHashes or Decode; the zero value
// and a nil *Compact behave as the empty sketch. Safe for concurrent use
// (UnmarshalBinary excepted: call it only on a fresh value).
type Compact struct {
	hashes []uint64 // ascending, distinct, each in [1, theta)
	theta  uint64
	empty  bool
}

// norm maps the zero value and nil to the empty sketch.
func norm(c *Compact) *Compact {
	if c == nil || c.theta == 0 {
		return &Compact{theta: MaxTheta, empty: true}
	}
	return c
}

// IsEmpty reports whether the sketch represents the empty set (nothing was
// ever added), which is not the same as retaining no hash.
func (c *Compact) IsEmpty() bool { c = norm(c); return c.empty }

// IsEstimationMode reports whether the sketch samples (theta < MaxTheta).
// When false, Estimate is the exact distinct count.
func (c *Compact) IsEstimationMode() bool { c = norm(c); return c.theta < MaxTheta && !c.empty }

// Theta returns the sampling threshold in 63-bit fixed point (MaxTheta = 1).
func (c *Compact) Theta() uint64 { c = norm(c); return c.theta }

// ThetaFraction returns theta as a fraction in (0, 1]: the probability
// with which any one distinct ID has its hash retained.
func (c *Compact) ThetaFraction() float64 { c = norm(c); return thetaFraction(c.theta) }

// Retained returns the number of hashes held.
func (c *Compact) Retained() int { c = norm(c); return len(c.hashes) }

// All iterates over the retained hashes in ascending order.
func (c *Compact) All() iter.Seq[uint64] {
	c = norm(c)
	return func(yield func(uint64) bool) {
		for _, h := range c.hashes {
			if !yield(h) {
				return
			}
		}
	}
}

// Hashes returns a copy of the retained hashes in ascending order.
func (c *Compact) Hashes() []uint64 { c = norm(c); return append([]uint64(nil), c.hashes...) }

// Estimate returns the estimated number of distinct IDs: retained ÷ θ (θ as
// a fraction), the standard theta-sketch (KMV) estimator, unbiased. In exact
// mode it is the retained count itself. Its relative standard error is
// about 1/√(k−1) once in estimation mode (see UnionRSE).
func (c *Compact) Estimate() float64 { c = norm(c); return estimate(len(c.hashes), c.theta) }

// Bounds returns lower and upper bounds on the distinct count at numStdDev
// standard deviations (1, 2, 3 ↔ 68.27 %, 95.45 %, 99.73 % two-sided
// confidence under the normal approximation); see Estimate. numStdDev is
// read as in Pair.Union. BinomialBounds gives DataSketches' bounds instead.
func (c *Compact) Bounds(numStdDev float64) (lower, upper float64) {
	c = norm(c)
	e := newEstimate(len(c.hashes), c.theta, numStdDev)
	return e.Lower, e.Upper
}

// FromHashes builds a compact sketch from 63-bit hashes and a theta: hashes
// not below theta and zeros are dropped, duplicates removed. theta must be
// in [1, MaxTheta]. It lets callers with hashes from elsewhere (another
// store, a test) form a sketch.
func FromHashes(hashes []uint64, theta uint64) (*Compact, error) {
	if theta == 0 || theta > MaxTheta {
		return nil, errs.New(ErrCorrupt, "theta.FromHashes", "theta", "must be in [1, 2^63-1]", theta)
	}
	return ExactFromHashes(hashes, theta), nil
}

// ExactFromHashes is FromHashes for a theta the caller knows is valid (a
// sketch's own, or MaxTheta): a theta outside [1, MaxTheta] is clamped
// into it instead of being an error.
func ExactFromHashes(hashes []uint64, theta uint64) *Compact {
	theta = min(max(theta, 1), MaxTheta)
	hs := make([]uint64, 0, len(hashes))
	for _, h := range hashes {
		if h != 0 && h < theta {
			hs = append(hs, h)
		}
	}
	slices.Sort(hs)
	hs = slices.Compact(hs)
	return &Compact{hashes: hs, theta: theta}
}

// Trim returns c cut to at most k = 2^lgK hashes: if c holds more, theta
// becomes the (k+1)-th smallest hash and only the k smallest stay. This is
// what DataSketches does to union results; it bounds memory (8k bytes) at a
// relative standard error of 1/√(k−1).
func (c *Compact) Trim(lgK int) (*Compact, error) {
	if lgK < MinLgK || lgK > MaxLgK {
		return nil, errs.New(ErrLgK, "theta.Trim", "lgK", lgKRange, lgK)
	}
	c = norm(c)
	k := 1 << lgK
	if len(c.hashes) <= k {
		return c, nil
	}
	return &Compact{hashes: c.hashes[:k:k], theta: c.hashes[k]}, nil
}

// Estimate is a point estimate with bounds at a chosen number of standard
// deviations. Count is the number of sampled hashes behind it and Exact
// tells whether no sampling was involved (then Value = Lower = Upper).
type Estimate struct {
	Value, Lower, Upper float64
	Count               int
	Exact               bool
}

// newEstimate turns c hashes counted below theta into a distinct-count
// estimate c/θ with bounds.
//
// Given the true count n, c is Binomial(n, θ). The bounds are the n at which
// the observed c lies z standard deviations from its mean: with x = √n,
// θx² ± z√(θ(1−θ))·x − c = 0 (a Wilson-score style inversion of the normal
// approximation). The lower bound is never below c itself.
//
// c < 0 and theta = 0 (possible only in a hand-made Pair) are read as 0 and
// 1, and z as stdDevs(z), so that no input gives NaN.
func newEstimate(c int, theta uint64, z float64) Estimate {
	c, theta, z = max(c, 0), max(theta, 1), stdDevs(z)
	if theta >= MaxTheta {
		v := float64(c)
		return Estimate{Value: v, Lower: v, Upper: v, Count: c, Exact: true}
	}
	p := thetaFraction(theta)
	fc := float64(c)
	b := z * math.Sqrt(p*(1-p))
	disc := math.Sqrt(b*b + 4*p*fc)
	lo := (disc - b) / (2 * p)
	hi := (disc + b) / (2 * p)
	v := fc / p
	// Clamping to v only absorbs float rounding (at z = 0 both bounds are v).
	return Estimate{Value: v, Lower: math.Min(math.Max(lo*lo, fc), v), Upper: math.Max(hi*hi, v), Count: c}
}

// MaxStdDevs caps the number of standard deviations a bound is asked for.
const MaxStdDevs = 1000

// stdDevs returns |z| capped at MaxStdDevs; NaN gives MaxStdDevs (the widest
// bounds rather than NaN bounds).
func stdDevs(z float64) float64 {
	z = math.Abs(z)
	if !(z <= MaxStdDevs) {
		return MaxStdDevs
	}
	return z
}

func thetaFraction(theta uint64) float64 { return float64(theta) / float64(MaxTheta) }

func estimate(count int, theta uint64) float64 {
	if theta >= MaxTheta {
		return float64(count)
	}
	return float64(count) / thetaFraction(theta)
}

// UnionRSE is the relative standard error of a distinct-count (or union)
// estimate from sketches of nominal size k: 1/√(k−1). For k = 4096 it is
// 1.5627 %. Source: the KMV estimator (k−1)/U₍ₖ₎ and DataSketches' theta
// accuracy documentation; the (k+1)-th order statistic form used here has
// variance n²/(k−1) to first order. k < 2 gives +Inf.
func UnionRSE(k int) float64 {
	if k < 2 {
		return math.Inf(1)
	}
	return 1 / math.Sqrt(float64(k-1))
}

// IntersectionRSE is the relative standard error of an intersection estimate
// from sketches of nominal size k when the union is f times the
// intersection (f ≥ 1): √(f/(k−1)). At k = 4096 and 1 % overlap of two
// equal sets (f = 199) it is 22.0 %. Source: DataSketches' accuracy notes
// for theta set operations (the error of a set expression scales with the
// union over the result). k < 2 or f ≤ 0 gives +Inf (no finite bound).
func IntersectionRSE(k int, f float64) float64 {
	if k < 2 || f <= 0 {
		return math.Inf(1)
	}
	return math.Sqrt(f / float64(k-1))
}
