package kpi

import "strconv"

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

var tierNames = [...]string{"none", "nano", "micro", "mid", "macro", "mega"}

// String returns "none", "nano", "micro", "mid", "macro" or "mega".
func (t Tier) String() string { return enumString(int(t), tierNames[:], "Tier") }

// MarshalText implements encoding.TextMarshaler.
func (t Tier) MarshalText() ([]byte, error) {
	return enumMarshal("Tier.MarshalText", "tier", int(t), tierNames[:])
}

// UnmarshalText accepts the names String returns, ignoring case; on an
// error (wrapping ErrInvalid) the value is left unchanged.
func (t *Tier) UnmarshalText(b []byte) error {
	v, err := enumParse("Tier.UnmarshalText", "tier", string(b), tierNames[:])
	if err != nil {
		return err
	}
	*t = Tier(v)
	return nil
}

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

// Validate reports an error wrapping ErrInvalid unless the thresholds are
// non-negative and strictly increasing.
func (t Thresholds) Validate() error { return t.validate("Thresholds.Validate") }

func (t Thresholds) validate(fn string) error {
	v := [...]int64{t.Nano, t.Micro, t.Mid, t.Macro, t.Mega}
	if v[0] < 0 {
		return errorf(fn, "Nano", ErrInvalid, v[0])
	}
	for i := 1; i < len(v); i++ {
		if v[i] <= v[i-1] {
			return errorf(fn, tierNames[i+1], ErrInvalid, strconv.FormatInt(v[i], 10)+" not above "+strconv.FormatInt(v[i-1], 10))
		}
	}
	return nil
}

// Tier returns the tier of an account with the given followers: the
// highest tier whose threshold it reaches, NoTier below Nano. Negative
// followers wrap ErrNegative; invalid thresholds ErrInvalid.
func (t Thresholds) Tier(followers int64) (Tier, error) {
	const fn = "Thresholds.Tier"
	if err := t.validate(fn); err != nil {
		return NoTier, err
	}
	if followers < 0 {
		return NoTier, errorf(fn, "followers", ErrNegative, followers)
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

// TierOf returns the tier of followers under DefaultThresholds.
func TierOf(followers int64) (Tier, error) { return DefaultThresholds().Tier(followers) }
