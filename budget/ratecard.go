package budget

import (
	"fmt"
	"slices"

	"github.com/influencekit/influencekit/internal/exact"
	"github.com/shopspring/decimal"
)

// Deliverable is a piece of sponsored content a creator is paid for.
// It marshals as its lower-case name ("post", "reel", …).
type Deliverable int

// The deliverables a RateCard prices.
const (
	Post   Deliverable = iota // a feed post (image or carousel)
	Reel                      // a short vertical video (Reel, TikTok, Short)
	Story                     // an ephemeral story frame set
	Video                     // a long-form video (YouTube integration or dedicated video)
	Bundle                    // a package of several deliverables sold together
)

var deliverableNames = [...]string{"post", "reel", "story", "video", "bundle"}

// String returns the lower-case name, or "Deliverable(n)" for an unknown value.
func (d Deliverable) String() string { return enumString("Deliverable", deliverableNames[:], int(d)) }

// MarshalText returns the lower-case name; an unknown value is an error.
func (d Deliverable) MarshalText() ([]byte, error) {
	if d < 0 || int(d) >= len(deliverableNames) {
		return nil, errf(ErrInvalid, "Deliverable.MarshalText", "", "unknown deliverable (%d)", int(d))
	}
	return []byte(deliverableNames[d]), nil
}

// UnmarshalText parses a lower-case name.
func (d *Deliverable) UnmarshalText(b []byte) error {
	i := slices.Index(deliverableNames[:], string(b))
	if i < 0 {
		return errf(ErrInvalid, "Deliverable.UnmarshalText", "", "unknown deliverable (%q)", b)
	}
	*d = Deliverable(i)
	return nil
}

// Basis says how a RateCard computes the base fee.
type Basis int

// The bases of a fee.
const (
	PerTier              Basis = iota // a fixed fee for the creator's follower tier
	PerThousandFollowers              // Rate × followers / 1,000
	PerThousandViews                  // Rate × expected views / 1,000
)

// Tier is a follower band and the base fee of one Post in it. A creator is
// in the tier with the largest MinFollowers not above their count.
type Tier struct {
	Name         string
	MinFollowers int64
	Fee          decimal.Decimal
}

// DeliverableFactors multiply the base fee (which prices one Post) by kind of
// deliverable.
type DeliverableFactors struct {
	Post, Reel, Story, Video, Bundle decimal.Decimal
}

func (f DeliverableFactors) of(d Deliverable) (decimal.Decimal, bool) {
	switch d {
	case Post:
		return f.Post, true
	case Reel:
		return f.Reel, true
	case Story:
		return f.Story, true
	case Video:
		return f.Video, true
	case Bundle:
		return f.Bundle, true
	}
	return decimal.Decimal{}, false
}

// RateCard prices deliverables. All money is in Currency; all factors are
// plain decimals (1.5 is +50 %). Fees are computed exactly and rounded once,
// half away from zero, to the currency's minor unit.
//
// The fee of a Quote is
//
//	base × deliverable × engagement × fit × usage × exclusivity
//
//	base        Tiers fee (PerTier), or Rate × Followers/1000, or Rate × Views/1000
//	deliverable the DeliverableFactors entry of the quote's deliverable
//	engagement  EngagementRate / BenchmarkEngagement, clamped to
//	            [EngagementFloor, EngagementCap]
//	fit         FitFloor + (1 − FitFloor) × AudienceFit   (AudienceFit in [0, 1])
//	usage       1 + UsagePerMonth × UsageMonths
//	exclusivity 1 + ExclusivityPerMonth × ExclusivityMonths
//
// and the range is Low = Expected × (1 − Spread), High = Expected × (1 + Spread).
//
// There are no industry-standard rates: DefaultRateCard's numbers are
// illustrative placeholders chosen to make the arithmetic easy to follow, not
// market data. Replace them with your own.
type RateCard struct {
	Currency Currency
	Basis    Basis
	// Tiers for PerTier, any order; the lowest MinFollowers must be 0 or the
	// quote's followers must reach it.
	Tiers []Tier
	// Rate per 1,000 followers or views for the PerThousand bases.
	Rate                decimal.Decimal
	Factors             DeliverableFactors
	BenchmarkEngagement decimal.Decimal // the engagement rate that earns factor 1, a fraction (0.03 is 3 %); > 0
	EngagementFloor     decimal.Decimal // lowest engagement factor, ≥ 0
	EngagementCap       decimal.Decimal // highest engagement factor, ≥ EngagementFloor
	FitFloor            decimal.Decimal // fit factor at AudienceFit 0, in [0, 1]
	UsagePerMonth       decimal.Decimal // added per month of paid usage rights, ≥ 0
	ExclusivityPerMonth decimal.Decimal // added per month of category exclusivity, ≥ 0
	Spread              decimal.Decimal // relative half-width of the range, in [0, 1]
}

// DefaultRateCard returns an illustrative PerTier card in cur. Its values are
// made up for the examples (not a vendor's or a survey's numbers):
//
//	Tiers        nano 0+: 100, micro 10,000+: 500, mid 100,000+: 2,500,
//	             macro 500,000+: 7,500, mega 1,000,000+: 15,000   (Post fee, currency units)
//	Rate         10 per 1,000 (used only if Basis is changed)
//	Factors      post 1, reel 1.5, story 0.5, video 2, bundle 3
//	Benchmark    0.03, engagement factor clamped to [0.5, 2]
//	FitFloor     0.5
//	Usage        +0.1 per month; Exclusivity +0.05 per month
//	Spread       0.2 (low = 80 %, high = 120 % of expected)
//
// Amounts are rounded to cur's minor unit (a JPY card is in whole yen).
func DefaultRateCard(cur Currency) RateCard {
	d := decimal.NewFromInt
	f := decimal.RequireFromString
	return RateCard{
		Currency: cur,
		Basis:    PerTier,
		Tiers: []Tier{
			{"nano", 0, d(100)}, {"micro", 10_000, d(500)}, {"mid", 100_000, d(2500)},
			{"macro", 500_000, d(7500)}, {"mega", 1_000_000, d(15000)},
		},
		Rate:                d(10),
		Factors:             DeliverableFactors{Post: d(1), Reel: f("1.5"), Story: f("0.5"), Video: d(2), Bundle: d(3)},
		BenchmarkEngagement: f("0.03"),
		EngagementFloor:     f("0.5"),
		EngagementCap:       d(2),
		FitFloor:            f("0.5"),
		UsagePerMonth:       f("0.1"),
		ExclusivityPerMonth: f("0.05"),
		Spread:              f("0.2"),
	}
}

// Validate checks the card's fields; errors name the field and value.
func (rc RateCard) Validate() error {
	const fn = "RateCard.Validate"
	if !rc.Currency.IsValid() {
		return errf(ErrCurrency, fn, "Currency", "zero Currency")
	}
	switch rc.Basis {
	case PerTier:
		if len(rc.Tiers) == 0 {
			return errf(ErrInvalid, fn, "Tiers", "empty for PerTier")
		}
		for i, t := range rc.Tiers {
			if t.MinFollowers < 0 || t.Fee.Sign() < 0 {
				return errf(ErrInvalid, fn, fmt.Sprintf("Tiers[%d]", i), "negative (%d, %s)", t.MinFollowers, t.Fee)
			}
		}
	case PerThousandFollowers, PerThousandViews:
		if rc.Rate.Sign() < 0 {
			return errf(ErrInvalid, fn, "Rate", "negative (%s)", rc.Rate)
		}
	default:
		return errf(ErrInvalid, fn, "Basis", "unknown (%d)", int(rc.Basis))
	}
	for d := Post; d <= Bundle; d++ {
		if v, _ := rc.Factors.of(d); v.Sign() < 0 {
			return errf(ErrInvalid, fn, "Factors."+d.String(), "negative (%s)", v)
		}
	}
	for _, f := range []struct {
		name string
		v    decimal.Decimal
	}{{"Rate", rc.Rate}, {"BenchmarkEngagement", rc.BenchmarkEngagement}, {"EngagementFloor", rc.EngagementFloor},
		{"EngagementCap", rc.EngagementCap}, {"FitFloor", rc.FitFloor}, {"UsagePerMonth", rc.UsagePerMonth},
		{"ExclusivityPerMonth", rc.ExclusivityPerMonth}, {"Spread", rc.Spread}} {
		if err := checkExponent(fn, f.name, f.v); err != nil {
			return err
		}
	}
	for i, t := range rc.Tiers {
		if err := checkExponent(fn, fmt.Sprintf("Tiers[%d].Fee", i), t.Fee); err != nil {
			return err
		}
	}
	for d := Post; d <= Bundle; d++ {
		v, _ := rc.Factors.of(d)
		if err := checkExponent(fn, "Factors."+d.String(), v); err != nil {
			return err
		}
	}
	one := decimal.NewFromInt(1)
	switch {
	case rc.BenchmarkEngagement.Sign() <= 0:
		return errf(ErrInvalid, fn, "BenchmarkEngagement", "must be > 0 (%s)", rc.BenchmarkEngagement)
	case rc.EngagementFloor.Sign() < 0:
		return errf(ErrInvalid, fn, "EngagementFloor", "negative (%s)", rc.EngagementFloor)
	case rc.EngagementCap.LessThan(rc.EngagementFloor):
		return errf(ErrInvalid, fn, "EngagementCap", "below EngagementFloor (%s)", rc.EngagementCap)
	case rc.FitFloor.Sign() < 0 || rc.FitFloor.GreaterThan(one):
		return errf(ErrInvalid, fn, "FitFloor", "outside [0, 1] (%s)", rc.FitFloor)
	case rc.UsagePerMonth.Sign() < 0:
		return errf(ErrInvalid, fn, "UsagePerMonth", "negative (%s)", rc.UsagePerMonth)
	case rc.ExclusivityPerMonth.Sign() < 0:
		return errf(ErrInvalid, fn, "ExclusivityPerMonth", "negative (%s)", rc.ExclusivityPerMonth)
	case rc.Spread.Sign() < 0 || rc.Spread.GreaterThan(one):
		return errf(ErrInvalid, fn, "Spread", "outside [0, 1] (%s)", rc.Spread)
	}
	return nil
}

// Quote describes the deliverable to price, in plain values.
type Quote struct {
	Deliverable       Deliverable     `json:"deliverable"`
	Followers         int64           `json:"followers"`          // audience size; ≥ 0
	Views             int64           `json:"views"`              // expected views, for PerThousandViews; ≥ 0
	EngagementRate    decimal.Decimal `json:"engagement_rate"`    // the creator's engagement rate, a fraction (0.045 is 4.5 %); ≥ 0
	AudienceFit       decimal.Decimal `json:"audience_fit"`       // match of their audience to the target, in [0, 1] (audience.Match gives one)
	UsageMonths       int             `json:"usage_months"`       // months of paid usage rights granted; ≥ 0
	ExclusivityMonths int             `json:"exclusivity_months"` // months of category exclusivity; ≥ 0
}

// Line is one step of an Estimate's breakdown: the factor applied and the
// running amount after it (unrounded; exact).
type Line struct {
	Label  string          `json:"label"`  // "base (micro tier)", "deliverable reel", …
	Factor decimal.Decimal `json:"factor"` // the multiplier; for the base line, the base itself
	Amount decimal.Decimal `json:"amount"` // running amount after this line
}

// Estimate is a priced deliverable: the range, rounded to the currency's
// minor unit, and the breakdown that produced Expected.
type Estimate struct {
	Currency Currency        `json:"currency"`
	Low      decimal.Decimal `json:"low"`
	Expected decimal.Decimal `json:"expected"`
	High     decimal.Decimal `json:"high"`
	Lines    []Line          `json:"lines"`
}

// Price returns the estimate for q (see RateCard for the formula).
//
// Example with DefaultRateCard: a Reel by a 50,000-follower creator (micro
// tier, base 500) with a 4.5 % engagement rate (factor 0.045/0.03 = 1.5),
// audience fit 0.8 (0.5 + 0.5·0.8 = 0.9), 3 months of usage rights (1.3),
// no exclusivity: 500 × 1.5 × 1.5 × 0.9 × 1.3 × 1 = 1316.25 expected,
// 1053.00 low, 1579.50 high.
func (rc RateCard) Price(q Quote) (Estimate, error) {
	const fn = "RateCard.Price"
	if err := rc.Validate(); err != nil {
		return Estimate{}, err
	}
	one := decimal.NewFromInt(1)
	switch {
	case q.Followers < 0:
		return Estimate{}, errf(ErrInvalid, fn, "Followers", "negative (%d)", q.Followers)
	case q.Views < 0:
		return Estimate{}, errf(ErrInvalid, fn, "Views", "negative (%d)", q.Views)
	case q.EngagementRate.Sign() < 0:
		return Estimate{}, errf(ErrInvalid, fn, "EngagementRate", "negative (%s)", q.EngagementRate)
	case q.AudienceFit.Sign() < 0 || q.AudienceFit.GreaterThan(one):
		return Estimate{}, errf(ErrInvalid, fn, "AudienceFit", "outside [0, 1] (%s)", q.AudienceFit)
	case q.UsageMonths < 0:
		return Estimate{}, errf(ErrInvalid, fn, "UsageMonths", "negative (%d)", q.UsageMonths)
	case q.ExclusivityMonths < 0:
		return Estimate{}, errf(ErrInvalid, fn, "ExclusivityMonths", "negative (%d)", q.ExclusivityMonths)
	}
	if err := checkExponent(fn, "EngagementRate", q.EngagementRate); err != nil {
		return Estimate{}, err
	}
	if err := checkExponent(fn, "AudienceFit", q.AudienceFit); err != nil {
		return Estimate{}, err
	}
	df, ok := rc.Factors.of(q.Deliverable)
	if !ok {
		return Estimate{}, errf(ErrInvalid, fn, "Deliverable", "unknown (%d)", int(q.Deliverable))
	}
	var lines []Line
	var base decimal.Decimal
	switch rc.Basis {
	case PerTier:
		best := -1
		for i, t := range rc.Tiers {
			if t.MinFollowers <= q.Followers && (best < 0 || t.MinFollowers > rc.Tiers[best].MinFollowers) {
				best = i
			}
		}
		if best < 0 {
			return Estimate{}, errf(ErrInvalid, fn, "Followers", "below every tier (%d)", q.Followers)
		}
		base = rc.Tiers[best].Fee
		lines = append(lines, Line{Label: "base (" + rc.Tiers[best].Name + " tier)", Factor: base, Amount: base})
	case PerThousandFollowers:
		base = rc.Rate.Mul(decimal.NewFromInt(q.Followers)).Shift(-3)
		lines = append(lines, Line{Label: "base (per 1,000 followers)", Factor: base, Amount: base})
	case PerThousandViews:
		base = rc.Rate.Mul(decimal.NewFromInt(q.Views)).Shift(-3)
		lines = append(lines, Line{Label: "base (per 1,000 views)", Factor: base, Amount: base})
	}
	amt := base
	apply := func(label string, f decimal.Decimal) {
		amt = amt.Mul(f)
		lines = append(lines, Line{Label: label, Factor: f, Amount: amt})
	}
	apply("deliverable "+q.Deliverable.String(), df)
	eng := exact.Div(q.EngagementRate, rc.BenchmarkEngagement)
	eng = decimal.Max(rc.EngagementFloor, decimal.Min(rc.EngagementCap, eng))
	apply("engagement vs benchmark", eng)
	apply("audience fit", rc.FitFloor.Add(one.Sub(rc.FitFloor).Mul(q.AudienceFit)))
	apply("usage rights", one.Add(rc.UsagePerMonth.Mul(decimal.NewFromInt(int64(q.UsageMonths)))))
	apply("exclusivity", one.Add(rc.ExclusivityPerMonth.Mul(decimal.NewFromInt(int64(q.ExclusivityMonths)))))
	m := rc.Currency.minor
	return Estimate{
		Currency: rc.Currency,
		Low:      amt.Mul(one.Sub(rc.Spread)).Round(m),
		Expected: amt.Round(m),
		High:     amt.Mul(one.Add(rc.Spread)).Round(m),
		Lines:    lines,
	}, nil
}
