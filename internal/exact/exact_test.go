package exact

import (
	"math"
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

func TestAddMul(t *testing.T) {
	cases := []struct{ a, b int64 }{
		{0, 0}, {1, 2}, {-1, -2}, {math.MaxInt64, 1}, {math.MinInt64, -1},
		{math.MaxInt64, math.MinInt64}, {math.MinInt64, 0}, {math.MinInt64, 1},
		{math.MaxInt64, -1}, {1 << 32, 1 << 31}, {1 << 32, 1 << 32}, {-1 << 32, 1 << 31},
		{math.MinInt64, -1 + 0}, {-3037000500, 3037000500}, {3037000499, 3037000499},
	}
	for _, c := range cases {
		checkAddMul(t, c.a, c.b)
	}
}

func checkAddMul(t *testing.T, a, b int64) {
	t.Helper()
	ba, bb := big.NewInt(a), big.NewInt(b)
	sum := new(big.Int).Add(ba, bb)
	got, ok := Add(a, b)
	if ok != sum.IsInt64() || (ok && got != sum.Int64()) {
		t.Errorf("Add(%d, %d) = %d, %v; want %v (fits %v)", a, b, got, ok, sum, sum.IsInt64())
	}
	prod := new(big.Int).Mul(ba, bb)
	got, ok = Mul(a, b)
	if ok != prod.IsInt64() || (ok && got != prod.Int64()) {
		t.Errorf("Mul(%d, %d) = %d, %v; want %v (fits %v)", a, b, got, ok, prod, prod.IsInt64())
	}
}

func FuzzAddMul(f *testing.F) {
	f.Add(int64(1), int64(2))
	f.Add(int64(math.MinInt64), int64(-1))
	f.Fuzz(func(t *testing.T, a, b int64) { checkAddMul(t, a, b) })
}

func TestRatio(t *testing.T) {
	// 1/3 at 16 places; 2/3 rounds half away from zero at the 16th place.
	if got, want := Ratio(1, 3), decimal.RequireFromString("0.3333333333333333"); !got.Equal(want) {
		t.Errorf("Ratio(1,3) = %s, want %s", got, want)
	}
	if got, want := Ratio(-2, 3), decimal.RequireFromString("-0.6666666666666667"); !got.Equal(want) {
		t.Errorf("Ratio(-2,3) = %s, want %s", got, want)
	}
}

func TestSum128(t *testing.T) {
	var s Sum128
	want := new(big.Int)
	vals := []int64{math.MaxInt64, math.MaxInt64, 5, math.MinInt64, -7, math.MaxInt64}
	for _, v := range vals {
		s.Add(v)
		want.Add(want, big.NewInt(v))
		got := s.Decimal()
		if got.String() != want.String() {
			t.Fatalf("after adding %d: Decimal() = %s, want %s", v, got, want)
		}
		i, ok := s.Int64()
		if ok != want.IsInt64() || (ok && i != want.Int64()) {
			t.Fatalf("Int64() = %d, %v; want %s", i, ok, want)
		}
	}
}
