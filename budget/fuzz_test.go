package budget

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/internal/hostile"
)

// sentinels are the package's sentinel errors.
var sentinels = []error{ErrInvalid, ErrNegative, ErrNonPositive, ErrEmpty, ErrTooLarge, ErrSyntax,
	ErrMinorUnit, ErrCurrencyMismatch, ErrNotFound, ErrDuplicate, ErrInfeasible}

// wrapsSentinel reports whether err wraps one of the package's sentinels.
func wrapsSentinel(err error) bool { return hostile.Wraps(err, sentinels...) }

// fuzzCurve builds a curve of any kind from raw parameters, valid or not.
func fuzzCurve(kind uint8, a, b, c float64) Curve {
	switch kind % 4 {
	case 0:
		return Hill{Beta: a, EC: b, Slope: c}
	case 1:
		return MichaelisMenten{Beta: a, Kappa: b}
	case 2:
		return Logistic{Max: a, Steepness: b, Mid: c}
	default:
		return RobynHill{Beta: a, Alpha: c, Gamma: b, Min: 0, Max: 100}
	}
}

// FuzzAllocateTarget feeds raw curve parameters, bounds and targets to
// Allocate and AllocateTarget: never a panic, every error wraps a sentinel,
// every result is whole cents within the bounds, summing to the total (for
// Allocate), with finite responses and returns.
func FuzzAllocateTarget(f *testing.F) {
	f.Add(uint8(0), 100.0, 10.0, 0.5, int64(10000), int64(0), int64(0), uint8(0), int64(4))
	f.Add(uint8(1), 1e300, 1e300, 0.0, int64(1), int64(0), int64(5), uint8(1), int64(1))
	f.Add(uint8(2), 100.0, 1.0, 5.0, int64(700), int64(100), int64(0), uint8(2), int64(20))
	f.Add(uint8(3), 1.0, 0.5, 3.0, int64(99999), int64(7), int64(50000), uint8(3), int64(3))
	f.Fuzz(func(t *testing.T, kind uint8, a, b, c float64, cents, minC, maxC int64, mode uint8, value int64) {
		cur := eurOpt.Currency
		chans := []Channel{
			{Name: "fuzzed", Curve: fuzzCurve(kind, a, b, c), Min: decimal.New(minC%1_000_000, -2), Max: decimal.New(maxC%1_000_000, -2)},
			{Name: "fixed", Curve: MichaelisMenten{Beta: 100, Kappa: 40}},
		}
		opt := AllocateOptions{Currency: cur, Method: Method(mode % 3), GridSteps: 40}
		total := decimal.New(cents%10_000_000, -2)
		check := func(name string, got Allocation, err error, sum bool) {
			if err != nil {
				if !wrapsSentinel(err) {
					t.Fatalf("%s: error wraps no sentinel: %v", name, err)
				}
				return
			}
			s := decimal.Zero
			for i, ch := range got.Channels {
				s = s.Add(ch.Spend)
				if !ch.Spend.Shift(2).IsInteger() || ch.Spend.LessThan(chans[i].Min) ||
					(!chans[i].Max.IsZero() && ch.Spend.GreaterThan(chans[i].Max)) {
					t.Fatalf("%s: channel %d spend %s outside [%s, %s] or not whole cents", name, i, ch.Spend, chans[i].Min, chans[i].Max)
				}
			}
			if !s.Equal(got.Total) || (sum && !s.Equal(total)) {
				t.Fatalf("%s: spends sum to %s, Total %s, asked %s", name, s, got.Total, total)
			}
		}
		got, err := Allocate(total, chans, opt)
		check("Allocate", got, err, true)
		tg := ReturnTarget{Kind: ReturnKind(mode % 2), Value: decimal.New(value%1000, -1), Limit: decimal.New(cents%1_000_000, -2)}
		got, err = AllocateTarget(chans, tg, opt)
		check("AllocateTarget", got, err, false)
		// every valid curve: no NaN at any spend
		if v, ok := chans[0].Curve.(validator); ok && v.Validate() == nil {
			for _, x := range []float64{0, 1e-300, math.Abs(a), math.Abs(b), math.Abs(c), 1e300, math.Inf(1)} {
				if r, m := chans[0].Curve.Response(x), chans[0].Curve.Marginal(x); math.IsNaN(r) || math.IsNaN(m) {
					t.Fatalf("%#v at %g: Response %g, Marginal %g", chans[0].Curve, x, r, m)
				}
			}
		}
	})
}

// FuzzRateCardPrice: any quote on a card with fuzzed rate and basis prices
// without panic; errors wrap a sentinel; Low ≤ Expected ≤ High, each a whole
// number of minor units.
func FuzzRateCardPrice(f *testing.F) {
	f.Add(uint8(0), "10", uint8(1), int64(50000), int64(0), "0.045", "0.8", 3, 0)
	f.Add(uint8(1), "0.5", uint8(4), int64(-1), int64(10), "1e-9", "1", 0, 12)
	f.Add(uint8(2), "1e30", uint8(9), int64(math.MaxInt64), int64(math.MaxInt64), "1e30", "2", -1, math.MaxInt32)
	f.Fuzz(func(t *testing.T, basis uint8, rate string, deliv uint8, followers, views int64, er, fit string, usage, excl int) {
		rt, err1 := decimal.NewFromString(rate)
		e, err2 := decimal.NewFromString(er)
		ft, err3 := decimal.NewFromString(fit)
		if err1 != nil || err2 != nil || err3 != nil {
			return
		}
		card := DefaultRateCard(MustParseCurrency("EUR"))
		card.Basis = Basis(basis % 4)
		card.Rate = rt
		q := Spec{Format: Format(deliv % 6), Followers: followers, Views: views,
			EngagementRate: e, AudienceFit: ft, UsageMonths: usage % 1000, ExclusivityMonths: excl % 1000}
		est, err := card.Price(q)
		if err != nil {
			if !wrapsSentinel(err) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		if est.Low.GreaterThan(est.Expected) || est.Expected.GreaterThan(est.High) {
			t.Fatalf("range out of order: %s %s %s", est.Low, est.Expected, est.High)
		}
		for _, v := range []decimal.Decimal{est.Low, est.Expected, est.High} {
			if !v.Shift(2).IsInteger() {
				t.Fatalf("%s is not whole cents", v)
			}
		}
	})
}
