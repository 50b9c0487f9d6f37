package budget

import (
	"strconv"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// Format is the kind of sponsored content a creator is paid for. Its zero
// value is FormatPost, the default. It marshals as its lower-case name
// ("post", "reel", …).
type Format int

// The formats a RateCard prices.
const (
	FormatPost   Format = iota // a feed post (image or carousel); the default
	FormatReel                 // a short vertical video (Reel, TikTok, Short)
	FormatStory                // an ephemeral story frame set
	FormatVideo                // a long-form video (YouTube integration or dedicated video)
	FormatBundle               // a package of several deliverables sold together
)

// Basis says how a RateCard computes the base fee. Its zero value is
// PerBand, the default.
type Basis int

// The bases of a fee.
const (
	PerBand              Basis = iota // a fixed fee for the creator's follower band (FeeBand); the default
	PerThousandFollowers              // Rate × followers / 1,000
	PerThousandViews                  // Rate × expected views / 1,000
)

// FeeBand is a follower band and the base fee of one post in it. A creator
// is in the band with the largest MinFollowers not above their count.
type FeeBand struct {
	Name         string          `json:"name"`
	MinFollowers int64           `json:"min_followers"`
	Fee          decimal.Decimal `json:"fee"`
}

// FormatFactors multiply the base fee (which prices one post) by format.
type FormatFactors struct {
	Post   decimal.Decimal `json:"post"`
	Reel   decimal.Decimal `json:"reel"`
	Story  decimal.Decimal `json:"story"`
	Video  decimal.Decimal `json:"video"`
	Bundle decimal.Decimal `json:"bundle"`
}

func (f FormatFactors) of(d Format) (decimal.Decimal, bool) {
	switch d {
	case FormatPost:
		return f.Post, true
	case FormatReel:
		return f.Reel, true
	case FormatStory:
		return f.Story, true
	case FormatVideo:
		return f.Video, true
	case FormatBundle:
		return f.Bundle, true
	}
	return decimal.Decimal{}, false
}

// RateCard prices deliverables. All money is in Currency; all factors are
// plain decimals (1.5 is +50 %). Fees are computed exactly and rounded once,
// half away from zero, to the currency's minor unit.
//
// The fee of a Spec is
//
//	base × format × engagement × fit × usage × exclusivity
//
//	base        the FeeBand's fee (PerBand), or Rate × Followers/1000, or Rate × Views/1000
//	format      the FormatFactors entry of the deliverable's Format
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
	Currency Currency `json:"currency"`
	Basis    Basis    `json:"basis"` // default PerBand
	// Bands for PerBand, any order; the lowest MinFollowers must be 0 or the
	// deliverable's followers must reach it.
	Bands []FeeBand `json:"bands"`
	// Rate per 1,000 followers or views for the PerThousand bases.
	Rate                decimal.Decimal `json:"rate"`
	Factors             FormatFactors   `json:"factors"`
	BenchmarkEngagement decimal.Decimal `json:"benchmark_engagement"`  // the engagement rate that earns factor 1, a fraction (0.03 is 3 %); > 0
	EngagementFloor     decimal.Decimal `json:"engagement_floor"`      // lowest engagement factor, ≥ 0
	EngagementCap       decimal.Decimal `json:"engagement_cap"`        // highest engagement factor, ≥ EngagementFloor
	FitFloor            decimal.Decimal `json:"fit_floor"`             // fit factor at AudienceFit 0, in [0, 1]
	UsagePerMonth       decimal.Decimal `json:"usage_per_month"`       // added per month of paid usage rights, ≥ 0
	ExclusivityPerMonth decimal.Decimal `json:"exclusivity_per_month"` // added per month of category exclusivity, ≥ 0
	Spread              decimal.Decimal `json:"spread"`                // relative half-width of the range, in [0, 1]
}

// DefaultRateCard returns an illustrative PerBand card in cur. Its values are
// made up for the examples (not a vendor's or a survey's numbers):
//
//	Bands        nano 0+: 100, micro 10,000+: 500, mid 100,000+: 2,500,
//	             macro 500,000+: 7,500, mega 1,000,000+: 15,000   (post fee, currency units)
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
		Basis:    PerBand,
		Bands: []FeeBand{
			{"nano", 0, d(100)}, {"micro", 10_000, d(500)}, {"mid", 100_000, d(2500)},
			{"macro", 500_000, d(7500)}, {"mega", 1_000_000, d(15000)},
		},
		Rate:                d(10),
		Factors:             FormatFactors{Post: d(1), Reel: f("1.5"), Story: f("0.5"), Video: d(2), Bundle: d(3)},
		BenchmarkEngagement: f("0.03"),
		EngagementFloor:     f("0.5"),
		EngagementCap:       d(2),
		FitFloor:            f("0.5"),
		UsagePerMonth:       f("0.1"),
		ExclusivityPerMonth: f("0.05"),
		Spread:              f("0.2"),
	}
}

// Validate checks the card's fields; errors name the field and value and
// wrap ErrInvalid (a zero Currency, an unknown Basis, no Bands for PerBand,
// a zero BenchmarkEngagement, EngagementCap below EngagementFloor, FitFloor
// or Spread outside [0, 1]), ErrNegative or ErrTooLarge (an exponent beyond
// ±MaxExponent).
func (rc RateCard) Validate() error {
	return rc.validate("budget.RateCard.Validate")
}

func (rc RateCard) validate(fn string) error {
	if !rc.Currency.IsValid() {
		return errs.New(ErrInvalid, fn, "Currency", "zero Currency", errs.None)
	}
	if err := rc.validateBasis(fn); err != nil {
		return err
	}
	for _, f := range rc.factorFields() {
		if err := limit.Decimal(fn, f.name, f.v); err != nil {
			return err
		}
		if f.v.Sign() < 0 {
			return errs.New(ErrNegative, fn, f.name, "", f.v)
		}
	}
	one := decimal.NewFromInt(1)
	switch {
	case rc.BenchmarkEngagement.Sign() <= 0:
		return errs.New(ErrInvalid, fn, "BenchmarkEngagement", "not positive", rc.BenchmarkEngagement)
	case rc.EngagementCap.LessThan(rc.EngagementFloor):
		return errs.New(ErrInvalid, fn, "EngagementCap", "below EngagementFloor", rc.EngagementCap)
	case rc.FitFloor.GreaterThan(one):
		return errs.New(ErrInvalid, fn, "FitFloor", "outside [0, 1]", rc.FitFloor)
	case rc.Spread.GreaterThan(one):
		return errs.New(ErrInvalid, fn, "Spread", "outside [0, 1]", rc.Spread)
	}
	return nil
}

// validateBasis checks the basis and what it reads: the bands of PerBand.
func (rc RateCard) validateBasis(fn string) error {
	switch rc.Basis {
	case PerBand:
		if len(rc.Bands) == 0 {
			return errs.New(ErrInvalid, fn, "Bands", "empty for PerBand", errs.None)
		}
		for i, t := range rc.Bands {
			field := "Bands[" + strconv.Itoa(i) + "]"
			if t.MinFollowers < 0 {
				return errs.New(ErrNegative, fn, field+".MinFollowers", "", t.MinFollowers)
			}
			if err := limit.Decimal(fn, field+".Fee", t.Fee); err != nil {
				return err
			}
			if t.Fee.Sign() < 0 {
				return errs.New(ErrNegative, fn, field+".Fee", "", t.Fee)
			}
		}
	case PerThousandFollowers, PerThousandViews:
	default:
		return errs.New(ErrInvalid, fn, "Basis", "unknown", int64(rc.Basis))
	}
	return nil
}

type namedDecimal struct {
	name string
	v    decimal.Decimal
}

// factorFields lists the card's decimals that must be ≥ 0, by field name.
func (rc RateCard) factorFields() []namedDecimal {
	out := []namedDecimal{{"Rate", rc.Rate}}
	for f := FormatPost; f <= FormatBundle; f++ {
		v, _ := rc.Factors.of(f)
		out = append(out, namedDecimal{"Factors." + f.String(), v})
	}
	return append(out, []namedDecimal{{"BenchmarkEngagement", rc.BenchmarkEngagement},
		{"EngagementFloor", rc.EngagementFloor}, {"EngagementCap", rc.EngagementCap},
		{"FitFloor", rc.FitFloor}, {"UsagePerMonth", rc.UsagePerMonth},
		{"ExclusivityPerMonth", rc.ExclusivityPerMonth}, {"Spread", rc.Spread}}...)
}

// Spec describes the piece of content to price, in plain values.
type Spec struct {
	Format            Format          `json:"format"`             // default FormatPost
	Followers         int64           `json:"followers"`          // audience size; ≥ 0
	Views             int64           `json:"views"`              // expected views, for PerThousandViews; ≥ 0
	EngagementRate    decimal.Decimal `json:"engagement_rate"`    // the creator's engagement rate, a fraction (0.045 is 4.5 %); ≥ 0
	AudienceFit       decimal.Decimal `json:"audience_fit"`       // match of their audience to the target, in [0, 1] (audience.Match gives one)
	UsageMonths       int             `json:"usage_months"`       // months of paid usage rights granted; ≥ 0
	ExclusivityMonths int             `json:"exclusivity_months"` // months of category exclusivity; ≥ 0
}

// Line is one step of a Quote's breakdown: the factor applied and the
// running amount after it (unrounded; exact).
type Line struct {
	Label  string          `json:"label"`  // "base (micro tier)", "deliverable reel", …
	Factor decimal.Decimal `json:"factor"` // the multiplier; for the base line, the base itself
	Amount decimal.Decimal `json:"amount"` // running amount after this line
}

// Quote is a priced deliverable: the range, rounded to the currency's minor
// unit, and the breakdown that produced Expected.
type Quote struct {
	Currency Currency        `json:"currency"`
	Low      decimal.Decimal `json:"low"`
	Expected decimal.Decimal `json:"expected"`
	High     decimal.Decimal `json:"high"`
	Lines    []Line          `json:"lines"`
}

// Price returns the quote for d (see RateCard for the formula).
//
// Example with DefaultRateCard: a reel by a 50,000-follower creator (micro
// band, base 500) with a 4.5 % engagement rate (factor 0.045/0.03 = 1.5),
// audience fit 0.8 (0.5 + 0.5·0.8 = 0.9), 3 months of usage rights (1.3),
// no exclusivity: 500 × 1.5 × 1.5 × 0.9 × 1.3 × 1 = 1316.25 expected,
// 1053.00 low, 1579.50 high.
//
// Errors name the field: the card's as Validate's; a negative count
// (ErrNegative), an AudienceFit outside [0, 1] or an unknown Format
// (ErrInvalid), followers below every band (ErrInvalid).
func (rc RateCard) Price(d Spec) (Quote, error) {
	const fn = "budget.RateCard.Price"
	if err := rc.validate(fn); err != nil {
		return Quote{}, err
	}
	if err := checkSpec(fn, d); err != nil {
		return Quote{}, err
	}
	df, ok := rc.Factors.of(d.Format)
	if !ok {
		return Quote{}, errs.New(ErrInvalid, fn, "Format", "unknown", int64(d.Format))
	}
	line, err := rc.base(fn, d)
	if err != nil {
		return Quote{}, err
	}
	lines := []Line{line}
	amt := line.Amount
	apply := func(label string, f decimal.Decimal) {
		amt = amt.Mul(f)
		lines = append(lines, Line{Label: label, Factor: f, Amount: amt})
	}
	one := decimal.NewFromInt(1)
	apply("deliverable "+d.Format.String(), df)
	eng := exact.Div(d.EngagementRate, rc.BenchmarkEngagement)
	eng = decimal.Max(rc.EngagementFloor, decimal.Min(rc.EngagementCap, eng))
	apply("engagement vs benchmark", eng)
	apply("audience fit", rc.FitFloor.Add(one.Sub(rc.FitFloor).Mul(d.AudienceFit)))
	apply("usage rights", one.Add(rc.UsagePerMonth.Mul(decimal.NewFromInt(int64(d.UsageMonths)))))
	apply("exclusivity", one.Add(rc.ExclusivityPerMonth.Mul(decimal.NewFromInt(int64(d.ExclusivityMonths)))))
	m := rc.Currency.minor
	return Quote{
		Currency: rc.Currency,
		Low:      amt.Mul(one.Sub(rc.Spread)).Round(m),
		Expected: amt.Round(m),
		High:     amt.Mul(one.Add(rc.Spread)).Round(m),
		Lines:    lines,
	}, nil
}

// checkSpec checks d's plain values.
func checkSpec(fn string, d Spec) error {
	if err := limit.Decimal(fn, "EngagementRate", d.EngagementRate); err != nil {
		return err
	}
	if err := limit.Decimal(fn, "AudienceFit", d.AudienceFit); err != nil {
		return err
	}
	switch {
	case d.Followers < 0:
		return errs.New(ErrNegative, fn, "Followers", "", d.Followers)
	case d.Views < 0:
		return errs.New(ErrNegative, fn, "Views", "", d.Views)
	case d.EngagementRate.Sign() < 0:
		return errs.New(ErrNegative, fn, "EngagementRate", "", d.EngagementRate)
	case d.AudienceFit.Sign() < 0 || d.AudienceFit.GreaterThan(decimal.NewFromInt(1)):
		return errs.New(ErrInvalid, fn, "AudienceFit", "outside [0, 1]", d.AudienceFit)
	case d.UsageMonths < 0:
		return errs.New(ErrNegative, fn, "UsageMonths", "", d.UsageMonths)
	case d.ExclusivityMonths < 0:
		return errs.New(ErrNegative, fn, "ExclusivityMonths", "", d.ExclusivityMonths)
	}
	return nil
}

// base returns the breakdown's first line: the base fee of d by the card's
// basis.
func (rc RateCard) base(fn string, d Spec) (Line, error) {
	var base decimal.Decimal
	var label string
	switch rc.Basis {
	case PerBand:
		best := -1
		for i, t := range rc.Bands {
			if t.MinFollowers <= d.Followers && (best < 0 || t.MinFollowers > rc.Bands[best].MinFollowers) {
				best = i
			}
		}
		if best < 0 {
			return Line{}, errs.New(ErrInvalid, fn, "Followers", "below every band", d.Followers)
		}
		base, label = rc.Bands[best].Fee, "base ("+rc.Bands[best].Name+" tier)"
	case PerThousandFollowers:
		base, label = rc.Rate.Mul(decimal.NewFromInt(d.Followers)).Shift(-3), "base (per 1,000 followers)"
	default: // PerThousandViews: validate refused any other
		base, label = rc.Rate.Mul(decimal.NewFromInt(d.Views)).Shift(-3), "base (per 1,000 views)"
	}
	return Line{Label: label, Factor: base, Amount: base}, nil
}
