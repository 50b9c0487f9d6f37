package kpi

import (
	"strconv"

	"github.com/influencekit/influencekit/internal/enum"
	"github.com/influencekit/influencekit/internal/errs"
)

// Tier is a follower-count class of creators. The zero value NoTier is an
// account below the nano threshold.
type Tier uint8

// Tiers, smallest first.
const (
	NoTier Tier = iota
	Nano
	Micro
	Mid
	Macro
	Mega
)

var tierEnum = enum.New[Tier]("kpi.Tier", ErrInvalid, "none", "nano", "micro", "mid", "macro", "mega")

// String returns "none", "nano", "micro", "mid", "macro" or "mega"; a value
// out of range prints as "Tier(6)".
func (t Tier) String() string { return tierEnum.String(t) }

// MarshalText implements encoding.TextMarshaler with String's form; a value
// out of range is an error wrapping ErrInvalid.
func (t Tier) MarshalText() ([]byte, error) { return tierEnum.Marshal(t) }

// UnmarshalText accepts the names String returns, ignoring case and
// surrounding space; on an error (wrapping ErrInvalid) the value is left
// unchanged.
func (t *Tier) UnmarshalText(b []byte) error { return tierEnum.Unmarshal(t, b) }

// Thresholds holds the smallest follower count of each tier; an account
// belongs to the highest tier whose threshold it reaches. They must be
// non-negative and strictly increasing from Nano to Mega.
type Thresholds struct {
	Nano  int64 `json:"nano"`
	Micro int64 `json:"micro"`
	Mid   int64 `json:"mid"`
	Macro int64 `json:"macro"`
	Mega  int64 `json:"mega"`
}

// DefaultThresholds returns the tiers of HypeAuditor's State of Influencer
// Marketing reports (the 2026 edition as summarised by eMarketer, "Smaller
// creators deliver efficiency as ROI pressure mounts"): nano 1,000–10,000
// followers, micro 10,000–50,000, mid-tier 50,000–500,000, macro
// 500,000–1,000,000, mega over 1,000,000. The benchmark table uses them.
func DefaultThresholds() Thresholds {
	return Thresholds{Nano: 1_000, Micro: 10_000, Mid: 50_000, Macro: 500_000, Mega: 1_000_000}
}

// LaterFohrThresholds returns the tiers of the Later × Fohr 2021 Influencer
// Marketing Report (3.5 million Instagram posts): nano under 10,000
// followers, micro 10,000–100,000, mid 100,000–500,000, macro
// 500,000–1,000,000, mega over 1,000,000. Nano starts at 0 here.
func LaterFohrThresholds() Thresholds {
	return Thresholds{Nano: 0, Micro: 10_000, Mid: 100_000, Macro: 500_000, Mega: 1_000_000}
}

// Validate reports an error unless the thresholds are non-negative (a
// negative Nano wraps ErrNegative) and strictly increasing (a threshold not
// above the one before wraps ErrInvalid).
func (t Thresholds) Validate() error { return t.validate("kpi.Thresholds.Validate") }

func (t Thresholds) validate(fn string) error {
	v := [...]int64{t.Nano, t.Micro, t.Mid, t.Macro, t.Mega}
	names := [...]string{"Nano", "Micro", "Mid", "Macro", "Mega"}
	if v[0] < 0 {
		return errs.New(ErrNegative, fn, "Nano", "", v[0])
	}
	for i := 1; i < len(v); i++ {
		if v[i] <= v[i-1] {
			return errs.New(ErrInvalid, fn, names[i], "not above "+names[i-1]+" "+strconv.FormatInt(v[i-1], 10), v[i])
		}
	}
	return nil
}

// Tier returns the tier of an account with the given followers: the
// highest tier whose threshold it reaches, NoTier below Nano. Negative
// followers wrap ErrNegative; invalid thresholds fail as Validate.
func (t Thresholds) Tier(followers int64) (Tier, error) {
	return t.tier("kpi.Thresholds.Tier", followers)
}

func (t Thresholds) tier(fn string, followers int64) (Tier, error) {
	if err := t.validate(fn); err != nil {
		return NoTier, err
	}
	if followers < 0 {
		return NoTier, errs.New(ErrNegative, fn, "followers", "", followers)
	}
	switch {
	case followers >= t.Mega:
		return Mega, nil
	case followers >= t.Macro:
		return Macro, nil
	case followers >= t.Mid:
		return Mid, nil
	case followers >= t.Micro:
		return Micro, nil
	case followers >= t.Nano:
		return Nano, nil
	}
	return NoTier, nil
}

// TierOf returns the tier of followers under DefaultThresholds: it is
// shorthand for DefaultThresholds().Tier(followers).
func TierOf(followers int64) (Tier, error) { return DefaultThresholds().tier("kpi.TierOf", followers) }
