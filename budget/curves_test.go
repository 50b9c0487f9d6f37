package budget

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*max(1, math.Abs(b)) }

func TestGeometricAdstock(t *testing.T) {
	// Robyn's documented call adstock_geometric(rep(100, 5), theta = 0.5):
	// 100; 100 + 50 = 150; 100 + 75 = 175; 100 + 87.5 = 187.5; 100 + 93.75 = 193.75.
	got, err := GeometricAdstock([]float64{100, 100, 100, 100, 100}, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{100, 150, 175, 187.5, 193.75}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("a[%d] = %g, want %g", i, got[i], want[i])
		}
	}
	for _, th := range []float64{-0.1, 1, math.NaN()} {
		if _, err := GeometricAdstock([]float64{1}, th); !errors.Is(err, ErrInvalid) {
			t.Errorf("theta %g: err = %v", th, err)
		}
	}
	if _, err := GeometricAdstock([]float64{math.Inf(1)}, 0.5); !errors.Is(err, ErrInvalid) {
		t.Errorf("Inf input: err = %v", err)
	}
}

func TestWeibullAdstock(t *testing.T) {
	// CDF, windlen 3, shape 1, scale 0.5: scaleTrans = round(1 + 0.5·2) = 2,
	// survival 1 − F(ℓ) = e^(−ℓ/2), weights cumprod(1, e^−0.5, e^−1) = (1, e^−0.5, e^−1.5):
	// 100; 100 + 100e^−0.5 = 160.65306597126335; + 100e^−1.5 = 182.96608198610633.
	got, err := WeibullAdstock([]float64{100, 100, 100}, 1, 0.5, WeibullCDF)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range []float64{100, 160.65306597126335, 182.96608198610633} {
		if !near(got[i], w, 1e-13) {
			t.Errorf("CDF a[%d] = %.15g, want %.15g", i, got[i], w)
		}
	}
	// PDF, windlen 4, shape 2, scale 0.5: scaleTrans = round-half-even(2.5) = 2 (as R's
	// round), density (ℓ/2)e^(−ℓ²/4) at ℓ = 1…4 = 0.3894, 0.3679, 0.1581, 0.0366, min-max
	// normalised: 1, 0.93899, 0.34433, 0 (computed independently in Python).
	got, err = WeibullAdstock([]float64{100, 0, 0, 0}, 2, 0.5, WeibullPDF)
	if err != nil {
		t.Fatal(err)
	}
	for i, w := range []float64{100, 93.89942329843275, 34.43259467113508, 0} {
		if !near(got[i], w, 1e-12) {
			t.Errorf("PDF a[%d] = %.15g, want %.15g", i, got[i], w)
		}
	}
	// a constant density (windlen 1) gives weights (1): the input itself
	if got, _ := WeibullAdstock([]float64{7}, 2, 0.5, WeibullPDF); got[0] != 7 {
		t.Errorf("windlen 1: %v", got)
	}
	for _, c := range []struct{ shape, scale float64 }{{0, 0.5}, {1, -0.1}, {1, 1.1}, {math.NaN(), 0.5}} {
		if _, err := WeibullAdstock([]float64{1}, c.shape, c.scale, WeibullCDF); !errors.Is(err, ErrInvalid) {
			t.Errorf("%v: err = %v", c, err)
		}
	}
	if _, err := WeibullAdstock([]float64{1}, 1, 0.5, 5); !errors.Is(err, ErrInvalid) {
		t.Errorf("kind 5: err = %v", err)
	}
}

func TestCurves(t *testing.T) {
	tests := []struct {
		name                 string
		c                    Curve
		x, resp, marg, infle float64
	}{
		// 10·2²/(2² + 4²) = 40/20 = 2; f' = 10·2·2·16/20² = 1.6; inflection 4·√(1/3)
		{"hill S", Hill{Beta: 10, EC: 4, Slope: 2}, 2, 2, 1.6, 2.309401076758503},
		// at EC the Hill is Beta/2 (Meridian: Hill(ec) = 0.5); slope 1: f' = β·ec/(x+ec)² = 10·4/64
		{"hill at ec", Hill{Beta: 10, EC: 4, Slope: 1}, 4, 5, 0.625, 0},
		// Robyn's saturation_hill(c(100,150,170,190,200), alpha = 3, gamma = 0.5): gammaTrans = 150;
		// 100³/(100³ + 150³) = 1/(1 + 3.375) = 0.22857142857142856
		{"robyn 100", RobynHill{Beta: 1, Alpha: 3, Gamma: 0.5, Min: 100, Max: 200}, 100, 0.22857142857142856, math.NaN(), 150 * math.Cbrt(0.5)},
		{"robyn 150", RobynHill{Beta: 1, Alpha: 3, Gamma: 0.5, Min: 100, Max: 200}, 150, 0.5, math.NaN(), math.NaN()},
		// 200³/(200³ + 150³) = 8/(8 + 3.375) = 8/11.375 = 0.7032967032967034
		{"robyn 200", RobynHill{Beta: 1, Alpha: 3, Gamma: 0.5, Min: 100, Max: 200}, 200, 0.7032967032967034, math.NaN(), math.NaN()},
		// 100·10/(10+10) = 50; f' = 100·10/20² = 2.5
		{"michaelis-menten", MichaelisMenten{Beta: 100, Kappa: 10}, 10, 50, 2.5, 0},
		// 100(σ(ln 3) − σ(0)) = 100(0.75 − 0.5) = 25; f' = 100·0.75·0.25 = 18.75
		{"logistic concave", Logistic{Max: 100, Steepness: 1, Mid: 0}, math.Log(3), 25, 18.75, 0},
		// Mid 5: inflection 5, f'(5) = 100·1·¼ = 25
		{"logistic S", Logistic{Max: 100, Steepness: 1, Mid: 5}, 5, 100 * (0.5 - 1/(1+math.Exp(5))), 25, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.Response(tt.x); !near(got, tt.resp, 1e-14) {
				t.Errorf("Response(%g) = %.17g, want %.17g", tt.x, got, tt.resp)
			}
			if !math.IsNaN(tt.marg) {
				if got := tt.c.Marginal(tt.x); !near(got, tt.marg, 1e-14) {
					t.Errorf("Marginal(%g) = %.17g, want %.17g", tt.x, got, tt.marg)
				}
			}
			if !math.IsNaN(tt.infle) {
				if got := tt.c.Inflection(); !near(got, tt.infle, 1e-14) {
					t.Errorf("Inflection = %.17g, want %.17g", got, tt.infle)
				}
			}
			// Marginal is the derivative of Response: central difference
			for _, x := range []float64{0.5, 3, 17, 250} {
				h := 1e-5 * x
				num := (tt.c.Response(x+h) - tt.c.Response(x-h)) / (2 * h)
				if got := tt.c.Marginal(x); !near(got, num, 1e-6) {
					t.Errorf("Marginal(%g) = %g, numeric %g", x, got, num)
				}
			}
			if tt.c.Response(0) != 0 {
				t.Errorf("Response(0) = %g", tt.c.Response(0))
			}
		})
	}
	// Marginal at 0 of the Hill by slope
	if m := (Hill{1, 1, 0.5}).Marginal(0); !math.IsInf(m, 1) {
		t.Errorf("slope < 1: f'(0) = %g, want +Inf", m)
	}
	if m := (Hill{2, 4, 1}).Marginal(0); m != 0.5 {
		t.Errorf("slope 1: f'(0) = %g, want β/ec = 0.5", m)
	}
	if m := (Hill{2, 4, 3}).Marginal(0); m != 0 {
		t.Errorf("slope > 1: f'(0) = %g, want 0", m)
	}
}

func TestCurveValidate(t *testing.T) {
	bad := []interface{ Validate() error }{
		Hill{Beta: 1, EC: 0, Slope: 1}, Hill{Beta: math.NaN(), EC: 1, Slope: 1}, Hill{Beta: 1, EC: 1, Slope: -1},
		RobynHill{Beta: 1, Alpha: 1, Gamma: 0, Min: 0, Max: 1}, RobynHill{Beta: 1, Alpha: 1, Gamma: 0.5, Min: 2, Max: 1},
		RobynHill{Beta: 1, Alpha: 1, Gamma: 0.5, Min: 0, Max: 0},
		MichaelisMenten{Beta: 1, Kappa: 0}, MichaelisMenten{Beta: -1, Kappa: 1},
		Logistic{Max: 1, Steepness: 0}, Logistic{Max: 1, Steepness: 1, Mid: math.Inf(1)},
	}
	for _, c := range bad {
		if err := c.Validate(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%+v: Validate = %v", c, err)
		}
	}
	good := []interface{ Validate() error }{
		Hill{1, 1, 1}, RobynHill{1, 2, 0.3, 0, 100}, MichaelisMenten{1, 1}, Logistic{1, 1, -3},
	}
	for _, c := range good {
		if err := c.Validate(); err != nil {
			t.Errorf("%+v: Validate = %v", c, err)
		}
	}
}

// TestCurvesNoNaN evaluates valid curves at spends and parameters far from
// each other, where a direct formula overflows into Inf/Inf or Inf·0.
func TestCurvesNoNaN(t *testing.T) {
	xs := []float64{0, 5e-324, 1e-300, 1e-10, 1, 1e10, 1e300, math.MaxFloat64, math.Inf(1)}
	curves := []Curve{
		Hill{1, 1, 2}, Hill{1, 1e10, 0.5}, Hill{1e300, 1e300, 3}, Hill{1, 1e-300, 0.3},
		Hill{math.MaxFloat64, 1, 1},
		MichaelisMenten{1e300, 1e300}, MichaelisMenten{1, 1e-300}, MichaelisMenten{1e308, 1},
		Logistic{1e300, 1e300, 1}, Logistic{1, 1, 1e300}, Logistic{1, 1e-300, -1e300},
		RobynHill{1, 2, 0.5, 0, 100},
	}
	for _, c := range curves {
		for _, x := range xs {
			r, m, i := c.Response(x), c.Marginal(x), c.Inflection()
			if math.IsNaN(r) || math.IsNaN(m) || math.IsNaN(i) || r < 0 || m < 0 {
				t.Errorf("%#v at %g: Response %g, Marginal %g, Inflection %g", c, x, r, m, i)
			}
		}
	}
	tests := []struct {
		name      string
		got, want float64
	}{
		// u = (10⁻³⁰⁰)² = 10⁻⁶⁰⁰, so f' = Beta·s·u/(x(1+u)²) ≈ 1·2·10⁻⁶⁰⁰/10⁻³⁰⁰ = 2·10⁻³⁰⁰.
		{"Hill far below EC", Hill{1, 1, 2}.Marginal(1e-300), 2e-300},
		// Beta·κ/κ² = Beta/κ = 1 at x = 0, though Beta·κ = 10⁶⁰⁰ overflows.
		{"MM huge parameters", MichaelisMenten{1e300, 1e300}.Marginal(0), 1},
		// Beta·x/(x+κ) with x = κ = 10³⁰⁰: Beta/2, though Beta·x overflows.
		{"MM huge spend", MichaelisMenten{1e300, 1e300}.Response(1e300), 5e299},
		// x = +Inf: the saturation level Beta.
		{"MM infinite spend", MichaelisMenten{7, 3}.Response(math.Inf(1)), 7},
		// t = 40: σ(t)σ(−t) ≈ e⁻⁴⁰ = 4.248354255291589e-18 (1−σ(40) rounds to 0 in float64).
		{"logistic far past Mid", Logistic{1, 1, 0}.Marginal(40), 4.248354255291589e-18},
	}
	for _, tt := range tests {
		if math.Abs(tt.got-tt.want) > 1e-12*math.Abs(tt.want) {
			t.Errorf("%s: got %g, want %g", tt.name, tt.got, tt.want)
		}
	}
}

// TestCurveValidateNamesField checks that a curve's Validate names the first
// parameter out of its domain, with its value.
func TestCurveValidateNamesField(t *testing.T) {
	tests := []struct {
		v   interface{ Validate() error }
		msg string
	}{
		{Hill{Beta: 1, EC: 0, Slope: 1}, "budget: Hill.Validate: EC: must be finite and > 0 (0)"},
		{Hill{Beta: math.NaN(), EC: 1, Slope: 1}, "Hill.Validate: Beta: must be finite and ≥ 0 (NaN)"},
		{MichaelisMenten{Beta: 1, Kappa: -2}, "MichaelisMenten.Validate: Kappa: must be finite and > 0 (-2)"},
		{Logistic{Max: 1, Steepness: 1, Mid: math.Inf(1)}, "Logistic.Validate: Mid: must be finite (+Inf)"},
		{RobynHill{Beta: 1, Alpha: 1, Gamma: 1.5, Max: 1}, "RobynHill.Validate: Gamma: must be finite and in (0, 1] (1.5)"},
		{RobynHill{Beta: 1, Alpha: 1, Gamma: 0.5, Min: 5, Max: 1}, "RobynHill.Validate: Max: must be finite and ≥ Min (1)"},
	}
	for _, tt := range tests {
		err := tt.v.Validate()
		if err == nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%#v: err = %v, want %q", tt.v, err, tt.msg)
		}
	}
}
