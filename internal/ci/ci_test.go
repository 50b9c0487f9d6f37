package ci

import (
	"math"
	"testing"
)

func near(t *testing.T, name string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.7f, want %.7f (±%g)", name, got, want, tol)
	}
}

func TestZ(t *testing.T) {
	// Published normal quantiles: z(0.95) = 1.959964, z(0.90) = 1.644854,
	// z(0.99) = 2.575829.
	for _, c := range []struct{ c, z float64 }{{0.95, 1.959964}, {0.90, 1.644854}, {0.99, 2.575829}} {
		z, ok := Z(c.c)
		if !ok {
			t.Fatalf("Z(%v) not ok", c.c)
		}
		near(t, "Z", z, c.z, 1e-6)
	}
	for _, c := range []float64{0, 1, -0.5, 1.5, math.NaN()} {
		if _, ok := Z(c); ok {
			t.Errorf("Z(%v) ok", c)
		}
	}
	near(t, "CDF(1.96)", CDF(1.959964), 0.975, 1e-6)
	near(t, "Quantile(0.8)", Quantile(0.8), 0.8416212, 1e-6)
}

func TestT(t *testing.T) {
	// Student t table, two-sided 95 % (one-sided 0.975): df 1: 12.7062,
	// 2: 4.3027, 3: 3.1824, 5: 2.5706, 10: 2.2281, 29: 2.0452, 30: 2.0423,
	// 100: 1.9840; two-sided 99 %, df 4: 4.6041.
	for _, c := range []struct {
		c  float64
		df int
		t  float64
	}{{0.95, 1, 12.7062}, {0.95, 2, 4.3027}, {0.95, 3, 3.1824}, {0.95, 5, 2.5706},
		{0.95, 10, 2.2281}, {0.95, 29, 2.0452}, {0.95, 30, 2.0423}, {0.95, 100, 1.9840}, {0.99, 4, 4.6041}} {
		near(t, "T", T(c.c, c.df), c.t, 1e-4)
	}
	if T(0.95, 0) != 0 || T(1, 5) != 0 {
		t.Error("T out of domain not 0")
	}
}

func TestNewcombe(t *testing.T) {
	// Newcombe (1998), Table II, example (a) 56/70 − 48/80: method 10
	// gives 0.0524 to 0.3339; example (b) 9/10 − 3/10: 0.1705 to 0.8090.
	z, _ := Z(0.95)
	lo, hi := Newcombe(56, 70, 48, 80, z)
	near(t, "lo(a)", lo, 0.0524, 5e-5)
	near(t, "hi(a)", hi, 0.3339, 5e-5)
	lo, hi = Newcombe(9, 10, 3, 10, z)
	near(t, "lo(b)", lo, 0.1705, 5e-5)
	near(t, "hi(b)", hi, 0.8090, 5e-5)
	// Wilson for 81/263 (Newcombe 1998, method 3 of the single-proportion
	// paper, Statistics in Medicine 17, 857–872, example (a)): 0.2553 to
	// 0.3662.
	lo, hi = Wilson(81, 263, z)
	near(t, "wilson lo", lo, 0.2553, 5e-5)
	near(t, "wilson hi", hi, 0.3662, 5e-5)
	// Katz for 30/100 vs 20/100: ln 1.5 = 0.405465, se = √(1/30 − 1/100 +
	// 1/20 − 1/100) = √0.063333 = 0.251661; z·se = 1.959964·0.251661 =
	// 0.493247; exp(0.405465 ∓ 0.493247) − 1 = exp(−0.087782) − 1,
	// exp(0.898712) − 1 = 0.915961 − 1, 2.459603·e^−0.001288 − 1 =
	// −0.084039, 1.456437.
	lo, hi = Katz(30, 100, 20, 100, z)
	near(t, "katz lo", lo, -0.084039, 1e-5)
	near(t, "katz hi", hi, 1.456437, 1e-5)
}
