package roi

import (
	"cmp"
	"math/rand/v2"
	"slices"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// MaxResamples bounds Bootstrap.Resamples. Work grows with it: 100,000
// resamples of 10 orders take about 0.1 s, of a 2-path attribution 0.8 s.
const MaxResamples = 100_000

// MaxBootstrapDraws bounds the draws of one bootstrap call: resamples ×
// orders (or journeys). 10⁹ draws take about 10 s; more is [ErrTooLarge].
const MaxBootstrapDraws = 1_000_000_000

// Bootstrap configures a percentile bootstrap (Efron and Tibshirani, An
// Introduction to the Bootstrap, 1993, ch. 13). Each resample draws, with
// replacement and uniformly, as many units (orders, journeys) as the data
// has, with Rand.IntN; the statistic is computed on every resample, the B
// results are sorted, and the interval at confidence c is [x₍ₖ₎, x₍B−1−ₖ₎]
// (0-based), k = ⌊B·(1 − c)/2⌋. The same Rand state, data and settings give
// the same interval on every machine: the draws are math/rand/v2's and the
// sums are exact.
type Bootstrap struct {
	// Rand is the caller's source, required (seed it, e.g.
	// rand.New(rand.NewPCG(1, 2)), for a reproducible result). The
	// bootstrap advances it.
	Rand *rand.Rand
	// Resamples is B; 0 means 1000; at most [MaxResamples].
	Resamples int
	// Confidence is c, in (0, 1); zero means 0.95.
	Confidence decimal.Decimal
}

func (b Bootstrap) resamples() int {
	if b.Resamples == 0 {
		return 1000
	}
	return b.Resamples
}

func (b Bootstrap) confidence() decimal.Decimal {
	if b.Confidence.IsZero() {
		return decimal.New(95, -2)
	}
	return b.Confidence
}

// Validate checks b: Rand set, Resamples within 0 to [MaxResamples],
// Confidence zero or in (0, 1) ([ErrInvalid]).
func (b Bootstrap) Validate() error { return b.validate("roi.Bootstrap.Validate", 0) }

// validate checks b for units draws per resample.
func (b Bootstrap) validate(fn string, units int64) error {
	if b.Rand == nil {
		return errs.New(ErrInvalid, fn, "Bootstrap.Rand", "nil source", errs.None)
	}
	if b.Resamples < 0 || b.Resamples > MaxResamples {
		return errs.New(ErrInvalid, fn, "Bootstrap.Resamples", "not within 0 to MaxResamples (100000)", b.Resamples)
	}
	if err := limit.Decimal(fn, "Bootstrap.Confidence", b.Confidence); err != nil {
		return err
	}
	if c := b.confidence(); !c.IsPositive() || c.GreaterThanOrEqual(one) {
		return errs.New(ErrInvalid, fn, "Bootstrap.Confidence", "not in (0, 1)", b.Confidence)
	}
	if draws, ok := exact.Mul(units, int64(b.resamples())); !ok || draws > MaxBootstrapDraws {
		return errs.New(ErrTooLarge, fn, "Bootstrap.Resamples", "resamples × units beyond MaxBootstrapDraws (10^9)", b.resamples())
	}
	return nil
}

// index returns k = ⌊B·(1 − c)/2⌋, the rank of the lower bound.
func (b Bootstrap) index() int {
	B := decimal.NewFromInt(int64(b.resamples()))
	k := B.Mul(one.Sub(b.confidence())).Div(decimal.NewFromInt(2)).Floor()
	return int(k.IntPart()) // 0 ≤ k < B/2
}

// percentile returns the percentile interval of xs (sorted in place).
func (b Bootstrap) percentile(xs []decimal.Decimal) (lo, hi decimal.Decimal) {
	slices.SortFunc(xs, func(x, y decimal.Decimal) int { return x.Cmp(y) })
	k := b.index()
	return xs[k], xs[len(xs)-1-k]
}

// MoneyInterval is a confidence interval of an amount of money.
type MoneyInterval struct {
	Low  budget.Money `json:"low"`
	High budget.Money `json:"high"`
}

// SalesInterval holds one influencer's bootstrap intervals.
type SalesInterval struct {
	Influencer string `json:"influencer"`
	// Net is the interval of the credited net revenue.
	Net MoneyInterval `json:"net"`
	// ROAS is the interval of Net / Cost (nil without a positive cost);
	// CPA that of Cost / (credited orders not cancelled) (nil without a
	// cost, or when the lower percentile of those orders is 0, so that the
	// upper bound is unbounded). Both are the Net and order intervals
	// transformed, exactly as the percentiles of the ratios would be, and
	// rounded half away from zero to 16 places.
	ROAS *Interval      `json:"roas"`
	CPA  *MoneyInterval `json:"cpa"`
}

// SalesBootstrap is the result of [BootstrapSales].
type SalesBootstrap struct {
	Confidence decimal.Decimal `json:"confidence"`
	Resamples  int             `json:"resamples"`
	Creators   []SalesInterval `json:"creators"` // sorted by Influencer, as in SalesReport
}

// BootstrapSales returns percentile bootstrap intervals ([Bootstrap]) for
// each influencer's credited net revenue, ROAS and CPA of
// [CreditSales](sales, tracking, cfg): the units resampled are the orders
// placed before cfg.AsOf, each keeping its credit and its net as of AsOf.
//
// Errors: those of CreditSales; a bad b ([Bootstrap.Validate]); resamples
// × orders beyond [MaxBootstrapDraws] ([ErrTooLarge]); an amount that is not
// an int64 multiple of the smallest unit among the amounts (10^-40 at the
// finest) ([ErrTooLarge]). Work is resamples × orders draws; memory resamples ×
// influencers decimals.
func BootstrapSales(sales []Sale, tracking []Tracking, cfg SalesConfig, b Bootstrap) (SalesBootstrap, error) {
	const fn = "roi.BootstrapSales"
	cs, err := newCredited(fn, sales, tracking, cfg)
	if err != nil {
		return SalesBootstrap{}, err
	}
	if err := b.validate(fn, int64(len(cs.sales))); err != nil {
		return SalesBootstrap{}, err
	}
	if !cs.fast {
		return SalesBootstrap{}, errs.New(ErrTooLarge, fn, "sales", "amounts not int64 multiples of their smallest unit", errs.None)
	}
	B, n := b.resamples(), len(tracking)
	nets, counts := make([][]decimal.Decimal, n), make([][]decimal.Decimal, n)
	for k := range n {
		nets[k], counts[k] = make([]decimal.Decimal, B), make([]decimal.Decimal, B)
	}
	sums, cnt := make([]exact.Sum128, n), make([]int64, n)
	for r := range B {
		clear(sums)
		clear(cnt)
		for range cs.sales {
			j := b.Rand.IntN(len(cs.sales))
			c := &cs.sales[j]
			if c.who < 0 {
				continue
			}
			sums[c.who].Add(c.netU)
			if !c.canceled {
				cnt[c.who]++
			}
		}
		for k := range n {
			nets[k][r] = sums[k].Decimal().Shift(cs.exp)
			counts[k][r] = decimal.NewFromInt(cnt[k])
		}
	}
	out := SalesBootstrap{Confidence: b.confidence(), Resamples: B, Creators: make([]SalesInterval, n)}
	for k, tr := range tracking {
		out.Creators[k] = cs.interval(b, tr.Influencer, cs.costs[k], nets[k], counts[k])
	}
	slices.SortStableFunc(out.Creators, func(x, y SalesInterval) int { return cmp.Compare(x.Influencer, y.Influencer) })
	return out, nil
}

// interval builds one influencer's intervals from its resampled nets and
// order counts.
func (cs *credited) interval(b Bootstrap, name string, cost *budget.Money, nets, counts []decimal.Decimal) SalesInterval {
	lo, hi := b.percentile(nets)
	si := SalesInterval{Influencer: name, Net: MoneyInterval{cs.money(lo), cs.money(hi)}}
	if cost == nil {
		return si
	}
	if cost.Amount.IsPositive() {
		si.ROAS = &Interval{exact.Div(lo, cost.Amount), exact.Div(hi, cost.Amount)}
	}
	clo, chi := b.percentile(counts)
	if clo.IsPositive() {
		// CPA falls as orders rise: its lower bound comes from the upper
		// percentile of the orders.
		si.CPA = &MoneyInterval{cs.money(exact.Div(cost.Amount, chi)), cs.money(exact.Div(cost.Amount, clo))}
	}
	return si
}
