package theta

import (
	"math"
	"testing"
)

// TestBinomialBounds checks DataSketches' bound method range by range, each
// expected value worked out by hand.
func TestBinomialBounds(t *testing.T) {
	half := uint64(1 << 62) // θ = ½ (to 2⁻⁶³)
	frac := func(f float64) uint64 { return uint64(f * float64(MaxTheta)) }
	tests := []struct {
		name   string
		c      int
		th     uint64
		s      int
		empty  bool
		lo, hi float64
		tol    float64
	}{
		// The case: 32 retained hashes at θ = 0.755 (estimate
		// 42.38); DataSketches answers [35, 52] (exact binomial tails,
		// since 32/θ < 360 and θ ≥ 32/360), where the normal approximation
		// gave [35.57, 50.44].
		{"issue 32 hashes", 32, frac(0.755), 2, false, 35, 52, 0},
		// c = 0, θ = ½, s = 2: lower 0; upper ⌈ln δ ÷ ln ½⌉ =
		// ⌈−3.78318 ÷ −0.693147⌉ = ⌈5.458⌉ = 6.
		{"c=0", 0, half, 2, false, 0, 6, 0},
		// c = 1, θ = ½, s = 2: lower ⌊ln(1−0.02275) ÷ ln ½⌋ = ⌊0.0332⌋ = 0,
		// clamped up to c = 1. Upper: the smallest n with P(2nd retained
		// by the n-th ID) = 1 − (n+1)/2ⁿ ≥ 1 − δ = 0.97725: n = 8 gives
		// 1 − 9/256 = 0.96484, n = 9 gives 1 − 10/512 = 0.98047, so 9.
		{"c=1", 1, half, 2, false, 1, 9, 0},
		// c = 200 > 120, θ = ½, s = 2: b = 2·√(½/½) = 2. Lower: n̂ =
		// 199.5/½ = 399, d = ½·2·√(4 + 1596) = 40, centre 399 + 2 = 401,
		// 401 − 40 − ½ = 360.5. Upper: n̂ = 401, d = √(4 + 1604) =
		// 40.09988, centre 403, 403 + 40.09988 + ½ = 443.59988.
		{"c=200", 200, half, 2, false, 360.5, 443.59988, 1e-4},
		// c = 100, θ = 0.1 < 100/360: the equivalent s′ = 2.0535866 (lower,
		// DataSketches' table, k = 100). b = 3s′ = 6.160760, b² = 37.95496,
		// n̂ = 99.5/0.1 = 995, d = ½·6.160760·√(37.95496 + 3980) =
		// 3.080380·63.38734 = 195.2571, centre 995 + 18.97748 = 1013.9775:
		// lower 818.7204 − ½ = 818.2204.
		{"c=100 θ=0.1 lower", 100, frac(0.1), 2, false, 818.2204, math.NaN(), 0.01},
		// θ > 1 − 10⁻⁵, c = 5: lower c, upper c + 1, and the clamp to the
		// estimate 5/θ ≈ 5.00005 from above.
		{"θ≈1", 5, frac(1 - 1e-6), 2, false, 5, 6, 0},
		// Exact mode: c itself.
		{"exact", 7, MaxTheta, 3, false, 7, 7, 0},
		// Empty: 0, whatever the count and θ.
		{"empty", 0, half, 2, true, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := BinomialBounds(tt.c, tt.th, tt.s, tt.empty)
			if math.Abs(lo-tt.lo) > tt.tol || (!math.IsNaN(tt.hi) && math.Abs(hi-tt.hi) > tt.tol) {
				t.Errorf("BinomialBounds(%d, θ, %d) = [%v, %v], want [%v, %v] ± %v", tt.c, tt.s, lo, hi, tt.lo, tt.hi, tt.tol)
			}
			est := estimate(tt.c, tt.th)
			if !tt.empty && !(lo <= est && est <= hi) {
				t.Errorf("[%v, %v] does not hold the estimate %v", lo, hi, est)
			}
		})
	}
}

// TestBinomialBoundsTotal: every count, θ and s gives ordered, finite
// bounds around the estimate (s outside [1, 3] clamped).
func TestBinomialBoundsTotal(t *testing.T) {
	for _, c := range []int{-3, 0, 1, 2, 3, 50, 119, 120, 121, 4096, 1 << 27} {
		for _, f := range []float64{1e-18, 1e-6, 0.001, 0.01, 0.1, 0.3, 0.5, 0.9, 0.99999, 0.999999, 1} {
			for _, s := range []int{-1, 0, 1, 2, 3, 4} {
				th := uint64(f * float64(MaxTheta))
				lo, hi := BinomialBounds(c, th, s, false)
				est := estimate(max(c, 0), th)
				if math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || !(lo <= est && est <= hi) {
					t.Fatalf("c=%d θ=%v s=%d: [%v, %v] around %v", c, f, s, lo, hi, est)
				}
			}
		}
	}
}

// TestEquivTables compares the equivalent standard deviations we compute
// with entries of the table DataSketches publishes (datasketches-java
// thetacommon/EquivTables.java, lbEquivTable and ubEquivTable, rows k = 1,
// 32 and 120, s = 1, 2, 3). Our values solve the Poisson-limit equations
// to float precision; the published ones agree to 2·10⁻⁶ relative (the
// largest gap, 1.7·10⁻⁶, is k = 1, s = 3, lower, where ours satisfies the
// defining equation: λ = −ln(1 − 0.0013498) = 0.00135072,
// (½ − λ)/√λ = 13.567874).
func TestEquivTables(t *testing.T) {
	published := []struct {
		c     int
		upper bool
		s     [4]float64
	}{
		{1, false, [4]float64{0, 0.78733703534118149, 3.14426768537558132, 13.56789685109913535}},
		{32, false, [4]float64{0, 0.99838032666573895, 2.10028440670842542, 3.29529629751144171}},
		{120, false, [4]float64{0, 0.99961218434327748, 2.04861238220240693, 3.13601075688413289}},
		{1, true, [4]float64{0, 0.99067760836669549, 1.75460517119302040, 2.48055626001627161}},
		{32, true, [4]float64{0, 0.99896392088177777, 1.92191254955568525, 2.80698295731653502}},
	}
	for _, p := range published {
		for s := 1; s <= 3; s++ {
			got := equivS(p.c, s, p.upper)
			if rel := math.Abs(got-p.s[s]) / p.s[s]; rel > 2e-6 {
				t.Errorf("c=%d s=%d upper=%v: %.12f, DataSketches %.12f (rel %.2g)", p.c, s, p.upper, got, p.s[s], rel)
			}
		}
	}
}

// BenchmarkBinomialBounds: the exact-tail range (c/θ < 360) is the slow
// one, at most a few hundred terms.
func BenchmarkBinomialBounds(b *testing.B) {
	for _, tc := range []struct {
		name string
		c    int
		f    float64
	}{{"normal c=4096", 4096, 0.01}, {"equiv c=50", 50, 0.01}, {"exact-tail c=100", 100, 0.5}} {
		th := uint64(tc.f * float64(MaxTheta))
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				BinomialBounds(tc.c, th, 2, false)
			}
		})
	}
}
