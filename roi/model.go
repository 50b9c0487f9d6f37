package roi

import (
	"strconv"
	"time"

	"github.com/influencekit/influencekit/internal/enum"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// Model is an attribution model for [Attribute] and [AttributeJourneys]: one
// of the [Rule] constants ([FirstTouch], [LastTouch], [Linear],
// [PositionBased], [Markov], [Shapley]) or a configured variant
// ([Positions], [TimeDecay], [MarkovChain], [RateShapley]). The set is closed: other
// packages cannot add models.
type Model interface {
	String() string
	isModel()
}

// Rule names a built-in attribution model. The zero Rule is [LastTouch],
// the last-click default of most analytics tools.
type Rule int

// The built-in models. Each is a constant usable as a [Model] exactly as named.
const (
	// LastTouch gives each path's conversions and value to its last
	// channel. It is the zero Rule.
	LastTouch Rule = iota
	// FirstTouch gives them to the first channel.
	FirstTouch
	// Linear gives every touch an equal share, repeats included: in
	// a > b > a, a gets 2/3 and b 1/3.
	Linear
	// PositionBased ("U-shaped") gives 40 % to the first touch, 40 % to the
	// last and shares 20 % equally among the touches in between; a path of
	// two touches splits 50/50 and a single touch takes all. It is
	// Positions{First: 0.4, Last: 0.4}.
	PositionBased
	// Markov is the first-order Markov chain model: MarkovChain{Order: 1}.
	Markov
	// Shapley gives each channel its Shapley value in the cooperative game
	// where a set of channels is worth the conversions (and, separately, the
	// value) of the paths whose channels all lie in the set. See
	// [Attribute] for how it is computed exactly.
	Shapley
)

var ruleText = enum.New[Rule]("roi.Rule", ErrInvalid, "last-touch", "first-touch", "linear", "position-based", "markov", "shapley")

// String returns the rule's name in kebab case, e.g. "position-based"
// ("Rule(N)" for a value that is not a rule).
func (r Rule) String() string { return ruleText.String(r) }

func (Rule) isModel() {}

// MarshalText returns the name String gives; a value that is not a rule is
// [ErrInvalid].
func (r Rule) MarshalText() ([]byte, error) { return ruleText.Marshal(r) }

// UnmarshalText parses a name String gives, ignoring case and surrounding
// spaces; other text, or a nil r, is [ErrInvalid] and leaves r unchanged.
func (r *Rule) UnmarshalText(b []byte) error { return unmarshalEnum(ruleText, "roi.Rule", r, b) }

// unmarshalEnum is UnmarshalText for the package's enums: a nil dst is
// [ErrInvalid] (internal/enum would write through it).
func unmarshalEnum[T enum.Integer](e enum.Enum[T], typ string, dst *T, b []byte) error {
	if dst == nil {
		return errs.New(ErrInvalid, typ+".UnmarshalText", "receiver", "nil pointer", errs.None)
	}
	return e.Unmarshal(dst, b)
}

// Positions is position-based attribution with custom weights: First to the
// first touch, Last to the last, and 1 − First − Last shared equally by the
// touches in between. A path of two touches splits in the ratio First : Last
// (50/50 when both are zero); a single touch takes all. First and Last must
// be in [0, 1] and sum to at most 1. [PositionBased] is
// Positions{First: 0.4, Last: 0.4}; the "time of first touch" model
// Positions{First: 1} is [FirstTouch].
type Positions struct {
	First, Last decimal.Decimal
}

// String returns "positions(First,Last)", e.g. "positions(0.4,0.4)". A
// weight of more than 40 digits or with an exponent beyond ±40 is shown by
// its magnitude and digit count, as in error messages ("≈1e+2147483647, 1
// digit"), so that String is cheap for any value: printing
// decimal.New(1, math.MaxInt32) in full would build 2³¹ digits.
func (p Positions) String() string {
	return "positions(" + errs.Decimal(p.First) + "," + errs.Decimal(p.Last) + ")"
}
func (Positions) isModel() {}

func (p Positions) validate(fn string) error {
	if err := limit.Decimal(fn, "Positions.First", p.First); err != nil {
		return err
	}
	if err := limit.Decimal(fn, "Positions.Last", p.Last); err != nil {
		return err
	}
	if p.First.IsNegative() || p.First.GreaterThan(one) {
		return errs.New(ErrInvalid, fn, "Positions.First", "", p.First)
	}
	if p.Last.IsNegative() || p.Last.GreaterThan(one) {
		return errs.New(ErrInvalid, fn, "Positions.Last", "", p.Last)
	}
	if p.First.Add(p.Last).GreaterThan(one) {
		return errs.New(ErrInvalid, fn, "Positions.First+Last", "", p.First.Add(p.Last))
	}
	return nil
}

// TimeDecay gives each touch of a journey a weight 2^(−Δ/HalfLife), where Δ
// is the time from the touch to the conversion, and shares the journey's
// conversions and value in proportion to the weights: a touch one half-life
// before the conversion counts half as much as one at the conversion. It
// needs touch times, so it works with [AttributeJourneys] only; [Attribute]
// rejects it with [ErrInvalid]. HalfLife must not be negative; zero means
// the default, 7 days (a common choice).
//
// The weights are computed in float64 (relative to the latest touch, so they
// never underflow) and turned into decimals once per journey, at 20 places;
// the apportioning that follows is exact, so the credits still sum exactly to
// the totals.
type TimeDecay struct {
	HalfLife time.Duration // 0 means 7 days
}

// defaultHalfLife is the half-life of the zero TimeDecay.
const defaultHalfLife = 7 * 24 * time.Hour

func (t TimeDecay) halfLife() time.Duration {
	if t.HalfLife == 0 {
		return defaultHalfLife
	}
	return t.HalfLife
}

// String returns "time-decay(HalfLife)".
func (t TimeDecay) String() string { return "time-decay(" + t.halfLife().String() + ")" }
func (TimeDecay) isModel()         {}

// MarkovChain is the Markov chain model of order 1, 2 or 3 (Anderl, Becker,
// von Wangenheim and Schumann, "Mapping the customer journey", 2016). Each
// path, with consecutive repeats of a channel collapsed (a > a > b is
// a > b), is a walk from a start state through the states to a conversion
// (its Conversions journeys) or a null (its Nulls journeys). A state of
// order k is the last k channels touched (fewer at the start of a walk).
// Transition probabilities are the observed transition counts normalised
// per state.
//
// The removal effect of a channel c is 1 − P₋c / P, where P is the
// probability of reaching conversion from the start and P₋c the same
// probability when every state whose latest channel is c leads to null.
// Channels get credit in proportion to their removal effects, scaled to the
// total conversions and, with the same shares, the total value.
//
// The absorption probabilities are solved directly, from the linear system
// (I − Q) h = r of the absorbing chain, not by simulating walks: the matrix
// is inverted once (Gauss–Jordan with partial pivoting, float64) and each
// removal is the inverse of a principal submatrix, derived from it. The
// removal effects are turned into exact rationals once and apportioned
// exactly. The chain may have at most [MaxMarkovStates] states.
// [Markov] is MarkovChain{Order: 1}, and so is the zero MarkovChain.
type MarkovChain struct {
	Order int // 1, 2 or 3; 0 means 1
}

func (m MarkovChain) order() int {
	if m.Order == 0 {
		return 1
	}
	return m.Order
}

// String returns "markov(order N)".
func (m MarkovChain) String() string { return "markov(order " + strconv.Itoa(m.order()) + ")" }
func (MarkovChain) isModel()         {}
