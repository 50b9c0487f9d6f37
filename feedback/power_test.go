package feedback

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestPowerMatchesR(t *testing.T) {
	// R's documentation of power.prop.test (stats, "Examples"):
	//   power.prop.test(n = 50, p1 = .50, p2 = .75)      ## => power = 0.740
	//   power.prop.test(p1 = .50, p2 = .75, power = .90) ## => n = 76.7
	//   power.prop.test(n = 50, p1 = .5, power = .90)    ## => p2 = 0.8026
	// By hand (z_α = 1.959964, z_β(0.9) = 1.281552): p̄ = 0.625,
	// √(2·0.625·0.375) = 0.684653, √(0.25 + 0.1875) = 0.661438;
	// n = (1.959964·0.684653 + 1.281552·0.661438)² / 0.0625 =
	// (1.341895 + 0.847667)² / 0.0625 = 4.794181 / 0.0625 = 76.70690;
	// power at 50: Φ((0.25·7.071068 − 1.341895)/0.661438) =
	// Φ(0.643847) = 0.740166.
	p, err := Power(d("0.5"), d("0.25"), 50, Design{})
	if err != nil {
		t.Fatal(err)
	}
	near(t, "power", p, "0.740166", "1e-6")
	s, err := SampleSize(d("0.5"), d("0.25"), d("0.9"), Design{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Exposed != 77 || s.Control != 77 {
		t.Errorf("SampleSize = %+v, want 77 and 77", s)
	}
	near(t, "n", s.ExposedExact, "76.7069", "1e-4")
	m, err := MDE(d("0.5"), 50, d("0.9"), Design{})
	if err != nil {
		t.Fatal(err)
	}
	near(t, "mde", m, "0.3026", "5e-5") // p2 = 0.8026
	// The sample size's power is the power asked for (n back into Power).
	near(t, "round trip", mustPower(t, "0.5", "0.25", 77, Design{}), "0.9", "0.01")
}

func mustPower(t *testing.T, base, lift string, n int64, tt Design) decimal.Decimal {
	t.Helper()
	p, err := Power(d(base), d(lift), n, tt)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSampleSizeOneSidedAndRatio(t *testing.T) {
	// One-sided α = 0.05 (z = 1.644854), power 0.8 (z = 0.841621),
	// baseline 0.2, lift 0.05 (p₁ = 0.25), ratio 1: p̄ = 0.225,
	// √(2·0.225·0.775) = 0.590551, √(0.25·0.75 + 0.2·0.8) = √0.3475 =
	// 0.589491; n = (1.644854·0.590551 + 0.841621·0.589491)² / 0.0025 =
	// (0.971370 + 0.496128)² / 0.0025 = 2.153551/0.0025 = 861.42 → 862.
	s, err := SampleSize(d("0.2"), d("0.05"), d("0.8"), Design{OneSided: true})
	if err != nil {
		t.Fatal(err)
	}
	if s.Exposed != 862 || s.Control != 862 {
		t.Errorf("one-sided = %+v, want 862", s)
	}
	// Ratio 2 (two controls per exposed), two-sided 0.05, power 0.8: p̄ =
	// (0.25 + 2·0.2)/3 = 0.216667, √(0.216667·0.783333·1.5) = √0.254583 =
	// 0.504562, √(0.1875 + 0.16/2) = √0.2675 = 0.517204; n₁ =
	// (1.959964·0.504562 + 0.841621·0.517204)² / 0.0025 = (0.988923 +
	// 0.435290)² / 0.0025 = 2.028383/0.0025 = 811.35 → 812 exposed, 1624
	// control.
	s, err = SampleSize(d("0.2"), d("0.05"), d("0.8"), Design{Ratio: d("2")})
	if err != nil {
		t.Fatal(err)
	}
	if s.Exposed != 812 || s.Control != 1624 {
		t.Errorf("ratio 2 = %+v, want 812 and 1624", s)
	}
}

func TestPowerErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		want error
	}{
		{"baseline 0", func() error { _, err := SampleSize(d("0"), d("0.1"), d("0.8"), Design{}); return err }(), ErrInvalid},
		{"rate 1", func() error { _, err := SampleSize(d("0.5"), d("0.5"), d("0.8"), Design{}); return err }(), ErrInvalid},
		{"lift 0", func() error { _, err := SampleSize(d("0.5"), d("0"), d("0.8"), Design{}); return err }(), ErrInvalid},
		{"power 1", func() error { _, err := SampleSize(d("0.5"), d("0.1"), d("1"), Design{}); return err }(), ErrInvalid},
		{"alpha", func() error { _, err := SampleSize(d("0.5"), d("0.1"), d("0.8"), Design{Alpha: d("1.5")}); return err }(), ErrInvalid},
		{"ratio", func() error { _, err := SampleSize(d("0.5"), d("0.1"), d("0.8"), Design{Ratio: d("-1")}); return err }(), ErrInvalid},
		{"tiny lift", func() error { _, err := SampleSize(d("0.5"), d("1e-12"), d("0.8"), Design{}); return err }(), ErrOverflow},
		{"huge exponent", func() error { _, err := SampleSize(d("0.5"), d("1e-5000"), d("0.8"), Design{}); return err }(), ErrTooLarge},
		{"n 0", func() error { _, err := Power(d("0.5"), d("0.1"), 0, Design{}); return err }(), ErrNonPositive},
		{"mde n 0", func() error { _, err := MDE(d("0.5"), 0, d("0.8"), Design{}); return err }(), ErrNonPositive},
		{"mde unreachable", func() error { _, err := MDE(d("0.5"), 2, d("0.99"), Design{}); return err }(), ErrInvalid},
	} {
		if !errors.Is(c.err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, c.err, c.want)
		}
	}
	if err := (Design{}).Validate(); err != nil {
		t.Errorf("zero Design: %v", err)
	}
}

func TestBrandLift(t *testing.T) {
	// Exposed 60/200, control 40/200: rates 0.3 and 0.2, absolute 0.1,
	// relative 0.5; pooled 0.25, z = 0.1/√(0.25·0.75·(1/200 + 1/200)) =
	// 2.3094011, p = 0.0209213 (R: prop.test(c(60, 40), c(200, 200),
	// correct = FALSE): X-squared = 5.3333, p-value = 0.02092).
	// Katz: ln 1.5 = 0.4054651, se = √(1/60 − 1/200 + 1/40 − 1/200) =
	// √0.0316667 = 0.1779513, z·se = 0.3487781: exp(0.0566870) − 1 =
	// 0.0583246, exp(0.7542432) − 1 = 2.1260021 − 1 = 1.1260021.
	l, err := BrandLift(Arm{200, 60}, Arm{200, 40}, c95)
	if err != nil {
		t.Fatal(err)
	}
	if !l.Absolute.Equal(d("0.1")) || !l.Relative.Equal(d("0.5")) || !l.ExposedRate.Equal(d("0.3")) || !l.ControlRate.Equal(d("0.2")) {
		t.Errorf("BrandLift = %+v", l)
	}
	near(t, "p", l.PValue, "0.0209213", "1e-7")
	near(t, "rel lo", l.RelativeInterval.Low, "0.0583246", "1e-6")
	near(t, "rel hi", l.RelativeInterval.High, "1.1260021", "1e-6")
	// Newcombe (1998) Table II example (a): 56/70 − 48/80, method 10:
	// 0.0524 to 0.3339.
	l, _ = BrandLift(Arm{70, 56}, Arm{80, 48}, c95)
	near(t, "newcombe lo", l.AbsoluteInterval.Low, "0.0524", "5e-5")
	near(t, "newcombe hi", l.AbsoluteInterval.High, "0.3339", "5e-5")
	for _, c := range []struct {
		e, c Arm
		want error
	}{{Arm{0, 0}, Arm{10, 1}, ErrNonPositive}, {Arm{10, -1}, Arm{10, 1}, ErrNegative}, {Arm{10, 11}, Arm{10, 1}, ErrInvalid}, {Arm{10, 1}, Arm{10, 0}, ErrNonPositive}} {
		if _, err := BrandLift(c.e, c.c, c95); !errors.Is(err, c.want) {
			t.Errorf("BrandLift(%v, %v) err = %v, want %v", c.e, c.c, err, c.want)
		}
	}
}

func TestArms(t *testing.T) {
	in := "Group,Aware of the brand?,Would consider?\n" +
		"Exposed,yes,yes\nexposed,no,\nEXPOSED,Evet,no\ncontrol,no,no\nControl,yes,no\nholdout,no,yes\n"
	s, err := ReadSurvey(strings.NewReader(in), Layout{})
	if err != nil {
		t.Fatal(err)
	}
	// Aware: exposed yes, no, evet → 2 of 3; control and holdout: no, yes,
	// no → 1 of 3. Consider: exposed yes, (blank), no → 1 of 2; others no,
	// no, yes → 1 of 3.
	e, c, err := s.Arms("group", "Exposed", "Aware of the brand?")
	if err != nil || e != (Arm{3, 2}) || c != (Arm{3, 1}) {
		t.Errorf("aware: %v %v %v", e, c, err)
	}
	e, c, err = s.Arms("group", "exposed", "Would consider?")
	if err != nil || e != (Arm{2, 1}) || c != (Arm{3, 1}) {
		t.Errorf("consider: %v %v %v", e, c, err)
	}
	if _, _, err := s.Arms("cohort", "exposed", "Would consider?"); !errors.Is(err, ErrMissingColumn) {
		t.Errorf("no group column: %v", err)
	}
	s2, _ := ReadSurvey(strings.NewReader("Group,Q\n,yes\n"), Layout{})
	if _, _, err := s2.Arms("Group", "exposed", "Q"); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "line 2, column 1 (Group)") {
		t.Errorf("blank group: %v", err)
	}
}
