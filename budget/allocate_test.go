package budget

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

var eurOpt = AllocateOptions{Currency: MustParseCurrency("EUR")}

func spends(a Allocation) []decimal.Decimal {
	out := make([]decimal.Decimal, len(a.Channels))
	for i, c := range a.Channels {
		out[i] = c.Spend
	}
	return out
}

func TestAllocateMichaelisMenten(t *testing.T) {
	// x = √(βκ)(B + Σκ)/Σ√(βκ) − κ with β = (100, 100), κ = (10, 40), B = 100:
	// √1000 = 31.62…, √4000 = 63.25… (twice as much), B + Σκ = 150:
	// x₁ = 150/3 − 10 = 40, x₂ = 300/3 − 40 = 60; f'(40) = 1000/50² = 0.4 = 4000/100² = f'(60).
	chans := []Channel{{Name: "a", Curve: MichaelisMenten{100, 10}}, {Name: "b", Curve: MichaelisMenten{100, 40}}}
	got, err := Allocate(d("100"), chans, eurOpt)
	if err != nil {
		t.Fatal(err)
	}
	want := Allocation{
		Currency: MustParseCurrency("EUR"), Total: d("100"), Response: d("140"), Method: WaterFilling,
		Channels: []ChannelResult{
			// 100·40/50 = 80, average 80/40 = 2; 100·60/100 = 60, average 1
			{Name: "a", Spend: d("40"), Response: d("80"), Average: d("2"), Marginal: d("0.4")},
			{Name: "b", Spend: d("60"), Response: d("60"), Average: d("1"), Marginal: d("0.4")},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Allocate (-want +got):\n%s", diff)
	}
}

// TestAllocateClosedForm compares water-filling with the Michaelis–Menten
// closed form on random instances where no bound binds.
func TestAllocateClosedForm(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for range 50 {
		n := 2 + r.IntN(20)
		chans := make([]Channel, n)
		beta, kappa := make([]float64, n), make([]float64, n)
		sumK, sumS := 0.0, 0.0
		for i := range chans {
			beta[i] = 10 + r.Float64()*1000
			kappa[i] = 1 + r.Float64()*100
			chans[i] = Channel{Curve: MichaelisMenten{beta[i], kappa[i]}}
			sumK += kappa[i]
			sumS += math.Sqrt(beta[i] * kappa[i])
		}
		B := 1000 * float64(n) * 10 // large enough that every xᵢ > 0
		got, err := Allocate(decimal.NewFromFloat(B), chans, eurOpt)
		if err != nil {
			t.Fatal(err)
		}
		for i, c := range got.Channels {
			want := math.Sqrt(beta[i]*kappa[i])*(B+sumK)/sumS - kappa[i]
			if want < 0 {
				t.Fatalf("instance has a binding bound: x[%d] = %g", i, want)
			}
			if x := c.Spend.InexactFloat64(); math.Abs(x-want) > 0.01 {
				t.Errorf("x[%d] = %g, closed form %g", i, x, want)
			}
		}
		checkAllocation(t, got, chans, decimal.NewFromFloat(B))
	}
}

func TestAllocateBounds(t *testing.T) {
	a := Channel{Name: "a", Curve: MichaelisMenten{100, 10}}
	b := Channel{Name: "b", Curve: MichaelisMenten{100, 40}}
	tests := []struct {
		name  string
		chans []Channel
		want  []string
	}{
		// b capped at 50 (its f'(50) = 4000/8100 ≈ 0.49 > a's f'(50) = 1000/3600 ≈ 0.28): a takes the rest.
		{"max binds", []Channel{a, {Name: "b", Curve: b.Curve, Max: d("50")}}, []string{"50", "50"}},
		// a forced to at least 70: b gets 30.
		{"min binds", []Channel{{Name: "a", Curve: a.Curve, Min: d("70")}, b}, []string{"70", "30"}},
		// bounds that do not bind change nothing
		{"loose", []Channel{{Name: "a", Curve: a.Curve, Min: d("10"), Max: d("90")}, b}, []string{"40", "60"}},
		// a zero-response channel gets its minimum only; the other two share 99.99:
		// x₁ = 149.99/3 − 10 = 39.9967, x₂ = 2·149.99/3 − 40 = 59.9933; floors 3999 and
		// 5999 cents, the left cent to the larger fraction (.67): 40.00, 59.99.
		{"dead channel", []Channel{a, b, {Name: "c", Curve: MichaelisMenten{0, 1}, Min: d("0.01")}}, []string{"40.00", "59.99", "0.01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Allocate(d("100"), tt.chans, eurOpt)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(decs(tt.want...), spends(got)); diff != "" {
				t.Errorf("spends (-want +got):\n%s", diff)
			}
			checkAllocation(t, got, tt.chans, d("100"))
		})
	}
}

// checkAllocation checks the invariants: whole minor units summing to the
// total, each within its bounds.
func checkAllocation(t *testing.T, a Allocation, chans []Channel, total decimal.Decimal) {
	t.Helper()
	sum := decimal.Zero
	for i, c := range a.Channels {
		sum = sum.Add(c.Spend)
		if !c.Spend.Shift(a.Currency.MinorUnits()).IsInteger() {
			t.Fatalf("%d: spend %s is not whole minor units", i, c.Spend)
		}
		if c.Spend.LessThan(chans[i].Min) || (!chans[i].Max.IsZero() && c.Spend.GreaterThan(chans[i].Max)) {
			t.Fatalf("%d: spend %s outside [%s, %s]", i, c.Spend, chans[i].Min, chans[i].Max)
		}
	}
	if !sum.Equal(total) || !a.Total.Equal(total) {
		t.Fatalf("spends sum to %s (Total %s), want %s", sum, a.Total, total)
	}
}

// bruteForce returns the best total response over every allocation of
// total cents among the channels within their bounds.
func bruteForce(chans []Channel, total int64) float64 {
	n := len(chans)
	lo, hi := make([]int64, n), make([]int64, n)
	for i, c := range chans {
		lo[i] = c.Min.Shift(2).IntPart()
		hi[i] = total
		if !c.Max.IsZero() {
			hi[i] = c.Max.Shift(2).IntPart()
		}
	}
	best := math.Inf(-1)
	var rec func(i int, left int64, acc float64)
	rec = func(i int, left int64, acc float64) {
		if i == n-1 {
			if left >= lo[i] && left <= hi[i] {
				best = max(best, acc+chans[i].Curve.Response(float64(left)/100))
			}
			return
		}
		for x := lo[i]; x <= min(hi[i], left); x++ {
			rec(i+1, left-x, acc+chans[i].Curve.Response(float64(x)/100))
		}
	}
	rec(0, total, 0)
	return best
}

func randomCurve(r *rand.Rand, sShaped bool) Curve {
	switch k := r.IntN(4); {
	case k == 0:
		return MichaelisMenten{Beta: 1 + 100*r.Float64(), Kappa: 0.5 + 5*r.Float64()}
	case k == 1 && sShaped:
		return Logistic{Max: 1 + 100*r.Float64(), Steepness: 0.2 + 3*r.Float64(), Mid: 3 * r.Float64()}
	case k == 2:
		return RobynHill{Beta: 1 + 100*r.Float64(), Alpha: 0.3 + 0.7*r.Float64(), Gamma: 0.1 + 0.9*r.Float64(), Max: 5}
	default:
		slope := 0.3 + 0.7*r.Float64()
		if sShaped {
			slope = 0.3 + 4*r.Float64()
		}
		return Hill{Beta: 1 + 100*r.Float64(), EC: 0.5 + 5*r.Float64(), Slope: slope}
	}
}

func randomChannels(r *rand.Rand, n int, total int64, sShaped bool) []Channel {
	chans := make([]Channel, n)
	for i := range chans {
		chans[i] = Channel{Curve: randomCurve(r, sShaped)}
		if r.IntN(3) == 0 {
			chans[i].Min = decimal.New(r.Int64N(total/int64(n)+1), -2)
		}
		if r.IntN(3) == 0 {
			chans[i].Max = decimal.New(total/int64(n)+r.Int64N(total), -2)
		}
	}
	return chans
}

func TestAllocateBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	trials := 0
	for trials < 120 {
		sShaped := trials%2 == 1
		n := 2 + r.IntN(2)
		total := int64(50 + r.IntN(400)) // cents
		chans := randomChannels(r, n, total, sShaped)
		tot := decimal.New(total, -2)
		got, err := Allocate(tot, chans, eurOpt)
		if errors.Is(err, ErrInfeasible) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		trials++
		checkAllocation(t, got, chans, tot)
		best := bruteForce(chans, total)
		resp := 0.0
		for i, c := range got.Channels {
			resp += chans[i].Curve.Response(c.Spend.InexactFloat64())
		}
		// GridDP with ≤ 1000 steps is exact on cents here; water-filling rounds the
		// continuous optimum and then exchanges cents until no move helps, which for
		// concave curves is the best allocation in cents.
		tol := 1e-9 * max(1, best)
		if resp < best-tol {
			t.Errorf("trial %d (%v): response %.10g < brute force %.10g; spends %v", trials, got.Method, resp, best, spends(got))
		}
		if resp > best+1e-9*max(1, best) {
			t.Errorf("trial %d: response %.10g beats brute force %.10g", trials, resp, best)
		}
	}
}

func TestAllocateSShaped(t *testing.T) {
	// Two identical S-curves with a budget that saturates one: f(x) = 100x³/(x³ + 10³).
	// Splitting 20 as 10/10 gives 50 + 50 = 100; all on one gives 100·8000/9000 = 88.9
	// plus 0, but 20/0 is worse than 10/10. Water-filling's stationary point 10/10 vs the
	// corner: DP must find the best of the grid, which brute force confirms.
	h := Hill{Beta: 100, EC: 10, Slope: 3}
	chans := []Channel{{Name: "a", Curve: h}, {Name: "b", Curve: h}}
	got, err := Allocate(d("20"), chans, eurOpt)
	if err != nil {
		t.Fatal(err)
	}
	if got.Method != GridDP {
		t.Errorf("method %v, want grid-dp", got.Method)
	}
	if diff := cmp.Diff(decs("10", "10"), spends(got)); diff != "" {
		t.Errorf("spends (-want +got):\n%s", diff)
	}
	// With 6, splitting 3/3 gives 2·100·27/1027 = 5.26; all on one gives 100·216/1216 = 17.8.
	got, err = Allocate(d("6"), chans, eurOpt)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(decs("6", "0"), spends(got)); diff != "" {
		t.Errorf("spends (-want +got):\n%s", diff)
	}
}

func TestAllocateErrors(t *testing.T) {
	mm := MichaelisMenten{1, 1}
	tests := []struct {
		name  string
		total string
		chans []Channel
		opt   AllocateOptions
		want  error
		msg   string
	}{
		{"below minimums", "10", []Channel{{Curve: mm, Min: d("6")}, {Curve: mm, Min: d("5")}}, eurOpt, ErrInfeasible, "below the sum of minimums"},
		{"above maximums", "10", []Channel{{Curve: mm, Max: d("4")}, {Curve: mm, Max: d("5")}}, eurOpt, ErrInfeasible, "above the sum of maximums"},
		{"max below min", "10", []Channel{{Name: "x", Curve: mm, Min: d("5"), Max: d("4")}}, eurOpt, ErrInvalid, "x.Max: below Min"},
		{"nil curve", "10", []Channel{{Name: "x"}}, eurOpt, ErrInvalid, "x.Curve: nil"},
		{"bad curve", "10", []Channel{{Curve: Hill{1, 0, 1}}}, eurOpt, ErrInvalid, "budget: Allocate: channels[0].Curve.EC: must be finite and > 0 (0)"},
		{"no currency", "10", []Channel{{Curve: mm}}, AllocateOptions{}, ErrInvalid, "Currency: zero Currency"},
		{"sub-cent", "10.001", []Channel{{Curve: mm}}, eurOpt, ErrMinorUnit, "total"},
		{"negative", "-1", []Channel{{Curve: mm}}, eurOpt, ErrNegative, "total: negative"},
		{"empty", "1", nil, eurOpt, ErrEmpty, "channels: no channels"},
		{"method", "1", []Channel{{Curve: mm}}, AllocateOptions{Currency: eurOpt.Currency, Method: 9}, ErrInvalid, "Method"},
		{"huge", "1e20", []Channel{{Curve: mm}}, eurOpt, ErrTooLarge, "2^53"},
		// 1000 channels × 100,001 grid points = 1.0·10⁸ > 2²⁶ ≈ 6.7·10⁷ cells
		{"grid too large", "1000", slices.Repeat([]Channel{{Curve: Hill{1, 1, 3}}}, 1000),
			AllocateOptions{Currency: eurOpt.Currency, GridSteps: 100_000}, ErrTooLarge, "GridSteps"},
	}
	for _, tt := range tests {
		_, err := Allocate(d(tt.total), tt.chans, tt.opt)
		if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: err = %v, want %v containing %q", tt.name, err, tt.want, tt.msg)
		}
	}
}

func TestAllocateTarget(t *testing.T) {
	chans := []Channel{{Name: "a", Curve: MichaelisMenten{100, 10}}, {Name: "b", Curve: MichaelisMenten{100, 40}}}
	// marginal 0.4: x = √(βκ/0.4) − κ = √2500 − 10 = 40 and √10000 − 40 = 60
	got, err := AllocateTarget(chans, ReturnTarget{Kind: MarginalReturn, Value: d("0.4")}, eurOpt)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(decs("40", "60"), spends(got)); diff != "" {
		t.Errorf("marginal target (-want +got):\n%s", diff)
	}
	// with a limit of 80 the allocation of 80 itself
	got, err = AllocateTarget(chans, ReturnTarget{Kind: MarginalReturn, Value: d("0.4"), Limit: d("80")}, eurOpt)
	if err != nil || !got.Total.Equal(d("80")) {
		t.Errorf("limited: %v, %v", got.Total, err)
	}
	// average 2 on one channel: 100/(x + 10) ≥ 2 ⇔ x ≤ 40
	one := chans[:1]
	got, err = AllocateTarget(one, ReturnTarget{Kind: AverageReturn, Value: d("2")}, eurOpt)
	if err != nil || !got.Total.Equal(d("40")) {
		t.Errorf("average target: %v, %v; want 40", got.Total, err)
	}
	// S-shaped: f(x) = 100x²/(x² + 100), f(x)/x ≥ 4 ⇔ x² − 25x + 100 ≤ 0 ⇔ 5 ≤ x ≤ 20: largest 20.
	s := []Channel{{Name: "s", Curve: Hill{Beta: 100, EC: 10, Slope: 2}}}
	got, err = AllocateTarget(s, ReturnTarget{Kind: AverageReturn, Value: d("4"), Limit: d("100")}, eurOpt)
	if err != nil || !got.Total.Equal(d("20")) || got.Method != GridDP {
		t.Errorf("S-shaped average target: %v (%v), %v; want 20", got.Total, got.Method, err)
	}
	// marginal on the S-curve: f'(x) = 100·2·100x/(x²+100)² ≥ 1 beyond the inflection;
	// f'(20) = 400000/250000 = 1.6, f'(30) = 600000/1000000 = 0.6: the crossing lies between.
	got, err = AllocateTarget(s, ReturnTarget{Kind: MarginalReturn, Value: d("1")}, eurOpt)
	if err != nil {
		t.Fatal(err)
	}
	x := got.Channels[0].Spend.InexactFloat64()
	h := Hill{Beta: 100, EC: 10, Slope: 2}
	if !(x > 20 && x < 30 && h.Marginal(x) >= 1 && h.Marginal(x+0.01) < 1) {
		t.Errorf("S-shaped marginal target: %g (f' %g)", x, h.Marginal(x))
	}
	// errors
	if _, err := AllocateTarget(one, ReturnTarget{Value: d("0")}, eurOpt); !errors.Is(err, ErrNonPositive) {
		t.Errorf("zero value: %v", err)
	}
	if _, err := AllocateTarget(one, ReturnTarget{Kind: AverageReturn, Value: d("1000")}, eurOpt); !errors.Is(err, ErrInfeasible) {
		t.Errorf("unreachable average: %v", err)
	}
	if _, err := AllocateTarget(one, ReturnTarget{Kind: 7, Value: d("1")}, eurOpt); !errors.Is(err, ErrInvalid) {
		t.Errorf("kind 7: %v", err)
	}
}

// FuzzAllocate: any feasible instance gives whole cents summing to the total
// within the bounds, and never panics.
func FuzzAllocate(f *testing.F) {
	f.Add(uint64(1), uint32(10000), uint8(3), false)
	f.Add(uint64(2), uint32(1), uint8(1), true)
	f.Add(uint64(3), uint32(999999), uint8(8), true)
	f.Fuzz(func(t *testing.T, seed uint64, cents uint32, n uint8, sShaped bool) {
		r := rand.New(rand.NewPCG(seed, 1))
		k := 1 + int(n%12)
		total := int64(cents%5_000_000) + 1
		chans := randomChannels(r, k, total, sShaped)
		tot := decimal.New(total, -2)
		got, err := Allocate(tot, chans, AllocateOptions{Currency: eurOpt.Currency, GridSteps: 50})
		if errors.Is(err, ErrInfeasible) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		checkAllocation(t, got, chans, tot)
	})
}

func TestAllocateMinorUnits(t *testing.T) {
	chans := []Channel{{Name: "a", Curve: MichaelisMenten{100, 10}}, {Name: "b", Curve: MichaelisMenten{100, 40}}}
	// the closed form gives 40 and 60 whatever the minor unit
	for _, code := range []string{"JPY", "KWD", "CLF"} {
		got, err := Allocate(d("100"), chans, AllocateOptions{Currency: MustParseCurrency(code)})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(decs("40", "60"), spends(got)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", code, diff)
		}
	}
	// 7 yen over three equal curves: 3, 2, 2 (the left yen to the lowest index)
	same := []Channel{{Curve: MichaelisMenten{10, 1}}, {Curve: MichaelisMenten{10, 1}}, {Curve: MichaelisMenten{10, 1}}}
	got, err := Allocate(d("7"), same, AllocateOptions{Currency: MustParseCurrency("JPY")})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(decs("3", "2", "2"), spends(got)); diff != "" {
		t.Errorf("JPY thirds (-want +got):\n%s", diff)
	}
}

// TestAllocateExchangeOptimal checks on many concave channels that no move
// of one cent from one channel to another raises the total response: for
// separable concave curves that is the optimum in whole cents.
func TestAllocateExchangeOptimal(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 11))
	for trial := range 6 {
		n := 50 + r.IntN(250)
		total := int64(n) * int64(100+r.IntN(5000))
		chans := randomChannels(r, n, total, false)
		tot := decimal.New(total, -2)
		got, err := Allocate(tot, chans, eurOpt)
		if errors.Is(err, ErrInfeasible) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		checkAllocation(t, got, chans, tot)
		bestGain, minLoss := math.Inf(-1), math.Inf(1)
		gi, lj := -1, -1
		gains, losses := make([]float64, n), make([]float64, n)
		for i, c := range got.Channels {
			x := c.Spend.InexactFloat64()
			f := chans[i].Curve.Response(x)
			gains[i], losses[i] = math.Inf(-1), math.Inf(1)
			if chans[i].Max.IsZero() || c.Spend.LessThan(chans[i].Max) {
				gains[i] = chans[i].Curve.Response(x+0.01) - f
			}
			if c.Spend.GreaterThan(chans[i].Min) {
				losses[i] = f - chans[i].Curve.Response(x-0.01)
			}
		}
		for i := range n {
			for j := range n {
				if i != j && gains[i]-losses[j] > bestGain-minLoss {
					bestGain, minLoss, gi, lj = gains[i], losses[j], i, j
				}
			}
		}
		if gi >= 0 && bestGain-minLoss > 1e-9*max(1, math.Abs(bestGain)) {
			t.Errorf("trial %d: moving a cent from %d to %d gains %g", trial, lj, gi, bestGain-minLoss)
		}
	}
}

// TestAllocateTargetBruteForce: for concave curves the average return of the
// best allocation falls as the total grows, so the largest total whose best
// average stays at or above the target is found by scanning every total in
// cents with the brute-force optimum.
func TestAllocateTargetBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 12))
	for trial := range 8 {
		chans := []Channel{
			{Curve: MichaelisMenten{Beta: 1 + 5*r.Float64(), Kappa: 0.5 + 2*r.Float64()}},
			{Curve: Hill{Beta: 1 + 5*r.Float64(), EC: 0.5 + 2*r.Float64(), Slope: 0.5 + 0.5*r.Float64()}},
		}
		const limit = 300 // cents
		v := 1 + 3*r.Float64()
		want := int64(-1)
		for b := int64(1); b <= limit; b++ {
			if bruteForce(chans, b)/(float64(b)/100) >= v {
				want = b
			}
		}
		got, err := AllocateTarget(chans, ReturnTarget{Kind: AverageReturn, Value: decimal.NewFromFloat(v), Limit: decimal.New(limit, -2)}, eurOpt)
		if want < 0 {
			if !errors.Is(err, ErrInfeasible) {
				t.Errorf("trial %d: want ErrInfeasible, got %v, %v", trial, got.Total, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("trial %d: %v", trial, err)
		}
		if g := got.Total.Shift(2).IntPart(); g != want {
			t.Errorf("trial %d (v %.4f): total %d cents, brute force %d", trial, v, g, want)
		}
	}
}
