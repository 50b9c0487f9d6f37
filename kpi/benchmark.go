package kpi

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/enum"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
)

// BenchmarksVersion names the edition of DefaultBenchmarks. It changes
// whenever a row is added, removed or corrected.
const BenchmarksVersion = "2026.11"

// Statistic says how a benchmark summarises the accounts it covers. The
// zero value is Unstated.
type Statistic uint8

// Statistics. Unstated is for sources that publish "the engagement rate" of
// a tier without saying whether it is a mean or a median.
const (
	Unstated Statistic = iota
	Mean
	Median
)

var statisticEnum = enum.New[Statistic]("kpi.Statistic", ErrInvalid, "unstated", "mean", "median")

// String returns "unstated", "mean" or "median"; a value out of range
// prints as "Statistic(9)".
func (s Statistic) String() string { return statisticEnum.String(s) }

// MarshalText implements encoding.TextMarshaler with String's form; a value
// out of range is an error wrapping ErrInvalid.
func (s Statistic) MarshalText() ([]byte, error) { return statisticEnum.Marshal(s) }

// UnmarshalText accepts the names String returns, ignoring case and
// surrounding space; on an error (wrapping ErrInvalid) the value is left
// unchanged.
func (s *Statistic) UnmarshalText(b []byte) error { return statisticEnum.Unmarshal(s, b) }

// Benchmark is one published engagement rate for a platform and tier.
type Benchmark struct {
	Platform  Platform        `json:"platform"`
	Tier      Tier            `json:"tier"`      // under DefaultThresholds
	Formula   Formula         `json:"formula"`   // the engagement rate the source computes per account
	Statistic Statistic       `json:"statistic"` // how the source summarises accounts
	Year      int             `json:"year"`      // the year the data describes
	Rate      decimal.Decimal `json:"rate"`
	Source    string          `json:"source"`
}

// Benchmarks is a versioned table of benchmarks. Rows is a slice: treat a
// table as read-only once it is shared (DefaultBenchmarks returns a fresh
// copy each time).
type Benchmarks struct {
	Version string      `json:"version"`
	Rows    []Benchmark `json:"rows"`
}

// DefaultBenchmarks returns a fresh copy of the built-in table, edition
// BenchmarksVersion. Each row cites its source; all measure likes +
// comments by followers, the public-data rate these reports use:
//
//	platform   tier   year  rate    source
//	instagram  nano   2026  1.78 %  HypeAuditor, State of Influencer Marketing 2026 (via eMarketer)
//	instagram  micro  2026  0.54 %  idem
//	instagram  mega   2026  0.33 %  idem
//	instagram  nano   2023  2.19 %  Statista, Instagram influencer engagement rate by tier, 2023
//
// Rows for other platforms and tiers are welcome once a source publishes
// them with a stated formula.
func DefaultBenchmarks() Benchmarks {
	lc := Formula{Likes | Comments, ByFollowers, MeanOfRates}
	const ha = "HypeAuditor, State of Influencer Marketing 2026, as reported by eMarketer, " +
		"\"Smaller creators deliver efficiency as ROI pressure mounts\" (emarketer.com)"
	return Benchmarks{
		Version: BenchmarksVersion,
		Rows: []Benchmark{
			{Instagram, Nano, lc, Unstated, 2026, decimal.New(178, -4), ha},
			{Instagram, Micro, lc, Unstated, 2026, decimal.New(54, -4), ha},
			{Instagram, Mega, lc, Unstated, 2026, decimal.New(33, -4), ha},
			{Instagram, Nano, lc, Unstated, 2023, decimal.New(219, -4),
				"Statista, engagement rate of Instagram influencers worldwide in 2023, by tier (1,000-10,000 followers)"},
		},
	}
}

// Position places a rate against a benchmark. The zero value is Typical.
type Position uint8

// Positions.
const (
	Typical Position = iota // within a factor of 2 of the benchmark
	Below                   // under half the benchmark
	Above                   // over twice the benchmark
)

var positionEnum = enum.New[Position]("kpi.Position", ErrInvalid, "typical", "below", "above")

// String returns "typical", "below" or "above"; a value out of range prints
// as "Position(9)".
func (p Position) String() string { return positionEnum.String(p) }

// MarshalText implements encoding.TextMarshaler with String's form; a value
// out of range is an error wrapping ErrInvalid.
func (p Position) MarshalText() ([]byte, error) { return positionEnum.Marshal(p) }

// UnmarshalText accepts the names String returns, ignoring case and
// surrounding space; on an error (wrapping ErrInvalid) the value is left
// unchanged.
func (p *Position) UnmarshalText(b []byte) error { return positionEnum.Unmarshal(p, b) }

// Placement is a rate compared with a benchmark.
type Placement struct {
	Benchmark Benchmark `json:"benchmark"`
	// Ratio is rate / Benchmark.Rate, 16 places, half away from zero.
	Ratio decimal.Decimal `json:"ratio"`
	// Position is Below when Ratio < 1/2, Above when Ratio > 2, Typical
	// otherwise: published rates for the same tier differ by up to that
	// factor between sources and years.
	Position Position `json:"position"`
	// Implausible is true when Ratio > 10 or Ratio < 1/10: a rate that far
	// from its tier usually means bought followers or engagement, a wrong
	// base, or a data error. Check it before using the rate.
	Implausible bool `json:"implausible"`
}

// Place compares rate with the most recent row of t for the platform, tier
// and the formula's interactions and base (the Average is not compared: a
// benchmark summarises accounts, whatever their per-post average; a zero
// Interactions matches rows of DefaultInteractions); among rows of the same
// year the first wins. No matching row wraps ErrNoBenchmark; a negative
// rate wraps ErrNegative; a matching row whose rate is not positive wraps
// ErrNonPositive; an invalid formula wraps ErrInvalid; a rate beyond the
// decimal limits (exponent beyond ±1000, more than 1000 digits) wraps
// ErrTooLarge, as does such a row rate, checked before any division; a zero
// rate counts as 0 whatever its exponent.
func (t Benchmarks) Place(rate decimal.Decimal, platform Platform, tier Tier, f Formula) (Placement, error) {
	const fn = "kpi.Benchmarks.Place"
	rate, err := checkDecimal(fn, "rate", rate)
	if err != nil {
		return Placement{}, err
	}
	if rate.IsNegative() {
		return Placement{}, errs.New(ErrNegative, fn, "rate", "", rate)
	}
	if err := f.validate(fn); err != nil {
		return Placement{}, err
	}
	best := -1
	for i, r := range t.Rows {
		if r.Platform == platform && r.Tier == tier && r.Formula.interactions() == f.interactions() &&
			r.Formula.Base == f.Base && (best < 0 || r.Year > t.Rows[best].Year) {
			best = i
		}
	}
	if best < 0 {
		return Placement{}, errs.New(ErrNoBenchmark, fn, "Rows", "", platform.String()+" "+tier.String()+" "+
			strings.ReplaceAll(f.interactions().String(), "|", "+")+" by "+f.Base.String())
	}
	b := t.Rows[best]
	if err := limit.Decimal(fn, errs.Index("Rows", best)+".Rate", b.Rate); err != nil {
		return Placement{}, err
	}
	if !b.Rate.IsPositive() {
		return Placement{}, errs.New(ErrNonPositive, fn, errs.Index("Rows", best)+".Rate", "", b.Rate)
	}
	half, two, tenth, ten := decimal.New(5, -1), decimal.NewFromInt(2), decimal.New(1, -1), decimal.NewFromInt(10)
	ratio := exact.Div(rate, b.Rate)
	p := Placement{Benchmark: b, Ratio: ratio, Position: Typical}
	switch {
	case ratio.LessThan(half):
		p.Position = Below
	case ratio.GreaterThan(two):
		p.Position = Above
	}
	p.Implausible = ratio.GreaterThan(ten) || ratio.LessThan(tenth)
	return p, nil
}
