package budget

import (
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func decs(ss ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(ss))
	for i, s := range ss {
		out[i] = decimal.RequireFromString(s)
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name    string
		total   string
		weights []string
		places  int32
		want    []string
	}{
		// 10000 units / 3 = 3333 r 1 each; 1 unit left, equal remainders: lowest index.
		{"thirds", "100.00", []string{"1", "1", "1"}, 2, []string{"33.34", "33.33", "33.33"}},
		{"thirds negative", "-100.00", []string{"1", "1", "1"}, 2, []string{"-33.34", "-33.33", "-33.33"}},
		// 10000·1/3 = 3333 r 1, 10000·2/3 = 6666 r 2: the left unit goes to remainder 2.
		{"largest remainder", "100.00", []string{"1", "2", "0"}, 2, []string{"33.33", "66.67", "0"}},
		// 5 units / 2 = 2 r 1 each: 0.03, 0.02.
		{"nickel", "0.05", []string{"1", "1"}, 2, []string{"0.03", "0.02"}},
		// weights 0.5, 0.25, 0.25 → 50, 25, 25 (W = 100); 10 yen: 5 r 0, 2 r 50, 2 r 50:
		// the left yen goes to the tie's lower index 1.
		{"yen mixed exponents", "10", []string{"0.5", "0.25", "0.25"}, 0, []string{"5", "3", "2"}},
		// 1.00 over 1 : 0.5 → 10 : 5 (W = 15): 100·10/15 = 66 r 10, 100·5/15 = 33 r 5.
		{"scaled weights", "1.00", []string{"1", "0.5"}, 2, []string{"0.67", "0.33"}},
		// places −2: 1000 is 10 hundreds; 3 r 1 each → 4, 3, 3 hundreds.
		{"hundreds", "1000", []string{"1", "1", "1"}, -2, []string{"400", "300", "300"}},
		// KWD has 3 places: 7000 fils / 3 = 2333 r 1 → 2.334, 2.333, 2.333.
		{"dinar", "7", []string{"1", "1", "1"}, 3, []string{"2.334", "2.333", "2.333"}},
		{"zero total", "0", []string{"1", "3"}, 2, []string{"0", "0"}},
		{"single", "12.34", []string{"0.001"}, 2, []string{"12.34"}},
		// 5·10¹¹ units by 3·10⁹ : 7·10⁹: T·w overflows int64 (3.5·10²¹), the
		// exact quotas are 1.5·10¹¹ and 3.5·10¹¹ units.
		{"billions, products overflow int64", "5000000000.00", []string{"3000000000", "7000000000"}, 2,
			[]string{"1500000000.00", "3500000000.00"}},
		// (2⁶³−1) units = 9223372036854775807 / 2 = 4611686018427387903 r 1:
		// the left unit goes to index 0.
		{"max int64 units", "92233720368547758.07", []string{"1", "1"}, 2,
			[]string{"46116860184273879.04", "46116860184273879.03"}},
		// 10³² units (beyond 64 bits): /3 → 3…3 r 1 and 6…6 r 2 → index 1 gets the unit.
		{"beyond 64 bits", "1000000000000000000000000000000.00", []string{"1", "2"}, 2,
			[]string{"333333333333333333333333333333.33", "666666666666666666666666666666.67"}},
		// a weight of 20 digits does not fit 64 bits: 1.00 by (10²⁰−1) : 1 →
		// 100·(10²⁰−1)/10²⁰ = 99 r (10²⁰−100), 100·1/10²⁰ = 0 r 100 → index 0.
		{"wide weight", "1.00", []string{"99999999999999999999", "1"}, 2, []string{"1.00", "0.00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Split(decimal.RequireFromString(tt.total), decs(tt.weights...), tt.places)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(decs(tt.want...), got); diff != "" {
				t.Errorf("Split(%s, %v, %d) (-want +got):\n%s", tt.total, tt.weights, tt.places, diff)
			}
		})
	}
}

func TestSplitErrors(t *testing.T) {
	tests := []struct {
		name    string
		total   string
		weights []string
		places  int32
		want    error
		msg     string
	}{
		{"empty", "1", nil, 2, ErrEmpty, "budget: Split: weights: no weights"},
		{"negative", "1", []string{"1", "-2"}, 2, ErrNegative, "budget: Split: weights[1]: negative (-2)"},
		{"all zero", "1", []string{"0", "0.00"}, 2, ErrNonPositive, "budget: Split: weights: all zero"},
		{"sub-cent", "1.005", []string{"1"}, 2, ErrMinorUnit, "budget: Split: total: not a multiple of 1e-2 (1.005)"},
		{"places", "1", []string{"1"}, 31, ErrTooLarge, "budget: Split: places: outside [-30, 30] (31)"},
		{"negative wide", "1", []string{"99999999999999999999", "-1"}, 2, ErrNegative, "weights[1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Split(decimal.RequireFromString(tt.total), decs(tt.weights...), tt.places)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("err = %v, want %v containing %q", err, tt.want, tt.msg)
			}
		})
	}
}

func TestSplitEven(t *testing.T) {
	tests := []struct {
		total  string
		n      int
		places int32
		want   []string
	}{
		{"100.00", 3, 2, []string{"33.34", "33.33", "33.33"}}, // 10000 = 3·3333 + 1
		{"-0.05", 2, 2, []string{"-0.03", "-0.02"}},           // 5 = 2·2 + 1
		{"10", 4, 0, []string{"3", "3", "2", "2"}},            // 10 = 4·2 + 2
		{"0.01", 3, 2, []string{"0.01", "0", "0"}},            // 1 = 3·0 + 1
	}
	for _, tt := range tests {
		got, err := SplitEven(decimal.RequireFromString(tt.total), tt.n, tt.places)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(decs(tt.want...), got); diff != "" {
			t.Errorf("SplitEven(%s, %d) (-want +got):\n%s", tt.total, tt.n, diff)
		}
	}
	if _, err := SplitEven(decimal.NewFromInt(1), 0, 2); !errors.Is(err, ErrNonPositive) || !strings.Contains(err.Error(), "SplitEven: n: not positive (0)") {
		t.Errorf("n = 0: err = %v", err)
	}
	// a count whose slice cannot be made is an error, not a makeslice panic
	if _, err := SplitEven(decimal.NewFromInt(1), math.MaxInt, 2); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "SplitEven: n:") {
		t.Errorf("n = MaxInt: err = %v", err)
	}
}

// TestSplitRoundRobinCases: v0.1's SplitRoundRobin (go-money's Allocate:
// leftover units to the first parts) is gone in v0.2, Split being the one
// algorithm. Its cases are kept, with what Split gives, worked by hand.
func TestSplitRoundRobinCases(t *testing.T) {
	tests := []struct {
		total   string
		weights []string
		want    []string
	}{
		// go-money's README: 1.00 GBP allocated 33:33:33 gives 34, 33, 33 pence.
		// Split: 100·33/99 = 33 r 33 each, one unit left, equal remainders:
		// the lowest index gets it; the same pence.
		{"1.00", []string{"33", "33", "33"}, []string{"0.34", "0.33", "0.33"}},
		// 100·1/3 = 33 r 1, 100·2/3 = 66 r 2 (per 10000 units: 3333 r 1, 6666
		// r 2), one unit left: the largest remainder, index 1 (round robin gave
		// it to index 0: 33.34, 66.66).
		{"100.00", []string{"1", "2", "0"}, []string{"33.33", "66.67", "0"}},
		// 7·0/2 = 0 r 0, 7·1/2 = 3 r 1 twice, one unit left, tie: index 1. A
		// zero weight gets nothing (round robin gave 0.01, 0.03, 0.03).
		{"0.07", []string{"0", "1", "1"}, []string{"0", "0.04", "0.03"}},
		// −100 units: 33 r 1 each as for +1.00, negated: −0.34, −0.33, −0.33.
		{"-1.00", []string{"1", "1", "1"}, []string{"-0.34", "-0.33", "-0.33"}},
	}
	for _, tt := range tests {
		got, err := Split(decimal.RequireFromString(tt.total), decs(tt.weights...), 2)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(decs(tt.want...), got); diff != "" {
			t.Errorf("Split(%s, %v) (-want +got):\n%s", tt.total, tt.weights, diff)
		}
	}
}

// splitSlow is the obvious largest-remainder split with exact rationals.
func splitSlow(total decimal.Decimal, weights []decimal.Decimal, places int32) []decimal.Decimal {
	t := total.Shift(places).BigInt()
	neg := t.Sign() < 0
	t.Abs(t)
	w := new(big.Rat)
	for _, x := range weights {
		w.Add(w, x.Rat())
	}
	type part struct {
		q   *big.Int
		rem *big.Rat
	}
	parts := make([]part, len(weights))
	left := new(big.Int).Set(t)
	for i, x := range weights {
		quota := new(big.Rat).Mul(new(big.Rat).SetInt(t), x.Rat())
		quota.Quo(quota, w)
		q := new(big.Int).Quo(quota.Num(), quota.Denom())
		rem := new(big.Rat).Sub(quota, new(big.Rat).SetInt(q))
		parts[i] = part{q, rem}
		left.Sub(left, q)
	}
	idx := make([]int, len(parts))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return parts[b].rem.Cmp(parts[a].rem) })
	for _, i := range idx[:left.Int64()] {
		parts[i].q.Add(parts[i].q, big.NewInt(1))
	}
	out := make([]decimal.Decimal, len(parts))
	for i, p := range parts {
		if neg {
			p.q.Neg(p.q)
		}
		out[i] = decimal.NewFromBigInt(p.q, -places)
	}
	return out
}

// randomWeights draws n weights of mixed scales, some zero, some wide.
func randomWeights(r *rand.Rand, n int) []decimal.Decimal {
	ws := make([]decimal.Decimal, n)
	for i := range ws {
		switch r.IntN(6) {
		case 0:
			ws[i] = decimal.Zero
		case 1:
			ws[i] = decimal.New(r.Int64N(1e9), -r.Int32N(6))
		case 2:
			ws[i] = decimal.New(r.Int64(), int32(r.IntN(5)))
		case 3:
			ws[i] = decimal.New(int64(1+r.IntN(3)), 0) // many ties
		default:
			ws[i] = decimal.New(r.Int64N(1000), -2)
		}
	}
	ws[r.IntN(n)] = decimal.New(1+r.Int64N(100), 0)
	return ws
}

func TestSplitMatchesSlow(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	totals := []string{"0", "0.01", "100.00", "-100.00", "5000000000.00", "92233720368547758.07",
		"-92233720368547758.08", "123456789012345678901234.56"}
	for trial := range 400 {
		n := 1 + r.IntN(40)
		if trial%50 == 0 {
			n = 300 + r.IntN(700) // exercises the shared-value cache and the quickselect
		}
		ws := randomWeights(r, n)
		total := decimal.RequireFromString(totals[trial%len(totals)])
		if trial%3 == 0 {
			total = decimal.New(r.Int64N(1e12)-5e11, -2)
		}
		got, err := Split(total, ws, 2)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(splitSlow(total, ws, 2), got); diff != "" {
			t.Fatalf("Split(%s, %v) (-slow +fast):\n%s", total, ws, diff)
		}
	}
}

func TestKthLargest(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	for range 300 {
		n := 1 + r.IntN(300)
		a := make([]uint64, n)
		for i := range a {
			a[i] = r.Uint64N(uint64(1 + r.IntN(50)))
		}
		s := slices.Clone(a)
		slices.Sort(s)
		k := 1 + r.IntN(n)
		if got, want := kthLargest(slices.Clone(a), k), s[n-k]; got != want {
			t.Fatalf("kthLargest(%v, %d) = %d, want %d", a, k, got, want)
		}
	}
}

// checkSplitInvariants checks what every split must satisfy.
func checkSplitInvariants(t *testing.T, total decimal.Decimal, ws, parts []decimal.Decimal, places int32) {
	t.Helper()
	if len(parts) != len(ws) {
		t.Fatalf("%d parts for %d weights", len(parts), len(ws))
	}
	sum := decimal.Zero
	w := new(big.Rat)
	for _, x := range ws {
		w.Add(w, x.Rat())
	}
	unit := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(max(places, 0))), nil))
	if places < 0 {
		unit.SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-places)), nil))
	}
	for i, p := range parts {
		sum = sum.Add(p)
		if !p.Shift(places).IsInteger() {
			t.Fatalf("part %d = %s is not a whole minor unit", i, p)
		}
		if p.Sign() != 0 && p.Sign() != total.Sign() {
			t.Fatalf("part %d = %s has the wrong sign (total %s)", i, p, total)
		}
		quota := new(big.Rat).Mul(total.Rat(), ws[i].Rat())
		quota.Quo(quota, w)
		d := new(big.Rat).Sub(p.Rat(), quota)
		if d.Abs(d).Cmp(unit) >= 0 {
			t.Fatalf("part %d = %s is a unit or more from its quota %s", i, p, quota.FloatString(6))
		}
	}
	if !sum.Equal(total) {
		t.Fatalf("parts sum to %s, want %s", sum, total)
	}
}

// FuzzSplit checks the invariants (exact sum, within one unit of the quota,
// no wrong sign), sign symmetry and agreement with splitSlow.
func FuzzSplit(f *testing.F) {
	f.Add(int64(10000), int8(2), []byte{1, 0, 1, 0, 1, 0})
	f.Add(int64(-5), int8(2), []byte{1, 0, 1, 0})
	f.Add(int64(9223372036854775807), int8(4), []byte{255, 3, 7, 200, 0, 0})
	f.Add(int64(-9223372036854775808), int8(0), []byte{3, 250, 9, 1})
	f.Fuzz(func(t *testing.T, units int64, places int8, wb []byte) {
		if len(wb) < 2 || len(wb) > 400 {
			return
		}
		p := int32(places % 8)
		var ws []decimal.Decimal
		for i := 0; i+1 < len(wb); i += 2 {
			// coefficient from one byte (cubed to reach wide values), exponent from the other
			c := int64(wb[i])
			ws = append(ws, decimal.New(c*c*c*c*c, int32(wb[i+1]%40)-20))
		}
		total := decimal.New(units, -p)
		parts, err := Split(total, ws, p)
		allZero := !slices.ContainsFunc(ws, func(d decimal.Decimal) bool { return !d.IsZero() })
		if allZero {
			if !errors.Is(err, ErrNonPositive) {
				t.Fatalf("all-zero weights: err = %v", err)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		checkSplitInvariants(t, total, ws, parts, p)
		if diff := cmp.Diff(splitSlow(total, ws, p), parts); diff != "" {
			t.Fatalf("(-slow +fast):\n%s", diff)
		}
		neg, err := Split(total.Neg(), ws, p)
		if err != nil {
			t.Fatal(err)
		}
		for i := range parts {
			if !neg[i].Equal(parts[i].Neg()) {
				t.Fatalf("Split(−x)[%d] = %s, want %s", i, neg[i], parts[i].Neg())
			}
		}
		// SplitEven is Split with equal weights
		ones := make([]decimal.Decimal, len(ws))
		for i := range ones {
			ones[i] = decimal.New(7, 0)
		}
		even, err := SplitEven(total, len(ws), p)
		if err != nil {
			t.Fatal(err)
		}
		eq, err := Split(total, ones, p)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(eq, even); diff != "" {
			t.Fatalf("SplitEven differs from Split with equal weights (-split +even):\n%s", diff)
		}
	})
}

func TestExponentGuards(t *testing.T) {
	huge := decimal.New(1, 5000)
	tiny := decimal.New(1, -5000)
	if _, err := Split(huge, decs("1"), 2); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "total: exponent") {
		t.Errorf("huge total: %v", err)
	}
	if _, err := Split(decimal.NewFromInt(1), []decimal.Decimal{decimal.NewFromInt(1), tiny}, 2); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "weights[1]: exponent") {
		t.Errorf("tiny weight: %v", err)
	}
	if err := MustParseCurrency("EUR").Check(tiny); !errors.Is(err, ErrMinorUnit) {
		t.Errorf("Check(tiny): %v", err)
	}
	card := DefaultRateCard(MustParseCurrency("EUR"))
	card.Rate = decimal.New(1, 2147483647)
	if err := card.Validate(); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "Rate: exponent") {
		t.Errorf("Rate exponent: %v", err)
	}
}
