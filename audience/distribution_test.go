package audience

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// The running example. Target shares p and audience shares q:
//
//	category   target  actual   p    q
//	18-24        50      40    .5   .4
//	25-34        30      40    .3   .4
//	35-44        20       0    .2   0
//	45+           0      20    0    .2
//
// Both sum to 100, so p and q are the values ÷ 100.
var (
	exTarget = Distribution{"18-24": dec("50"), "25-34": dec("30"), "35-44": dec("20")}
	exActual = Distribution{"18-24": dec("40"), "25-34": dec("40"), "45+": dec("20")}
)

func TestMeasures(t *testing.T) {
	cases := []struct {
		name string
		fn   func(p, q Distribution) (decimal.Decimal, error)
		p, q Distribution
		want decimal.Decimal
	}{
		// min(.5,.4) + min(.3,.4) + min(.2,0) + min(0,.2) = .4 + .3 = 0.7
		{"Match", Match, exTarget, exActual, dec("0.7")},
		// ½(|.5−.4| + |.3−.4| + |.2−0| + |0−.2|) = ½(.1+.1+.2+.2) = 0.3
		{"TotalVariation", TotalVariation, exTarget, exActual, dec("0.3")},
		// √(.5·.4) + √(.3·.4) = √.2 + √.12
		// = 0.44721359549995793928… + 0.34641016151377545870… = 0.79362375701373339798…
		{"Bhattacharyya", Bhattacharyya, exTarget, exActual, dec("0.7936237570137334")},
		// √(1 − 0.79362375701373339798…) = √0.20637624298626660201… = 0.45428652080627111867…
		{"Hellinger", Hellinger, exTarget, exActual, dec("0.4542865208062711")},
		// m = (.45, .35, .1, .1);
		// ½[.5·log₂(.5/.45) + .3·log₂(.3/.35) + .2·log₂(2)] + ½[.4·log₂(.4/.45) + .4·log₂(.4/.35) + .2·log₂(2)]
		// = ½[0.0760022… − 0.0667188… + 0.2] + ½[−0.0679700… + 0.0770636… + 0.2] = 0.20918592546081201327…
		// (terms evaluated with Python's decimal module at 60 digits).
		{"JensenShannon", JensenShannon, exTarget, exActual, dec("0.2091859254608120")},
		// raw vectors: (50·40 + 30·40) / √((50²+30²+20²)·(40²+40²+20²)) = 3200 / √(3800·3600)
		// = 3200 / 3698.6484… = 0.86518091269740020354…
		{"Cosine", Cosine, exTarget, exActual, dec("0.8651809126974002")},
		// audience in the target's categories: (40 + 40 + 0) / 100 = 0.8
		{"OnTargetShare", OnTargetShare, exTarget, exActual, dec("0.8")},
		// Identical up to scale: percentages vs fractions.
		{"Match/scale", Match, Distribution{"a": dec("25"), "b": dec("75")}, Distribution{"a": dec(".25"), "b": dec(".75")}, dec("1")},
		{"Hellinger/same", Hellinger, exTarget, exTarget, dec("0")},
		{"JensenShannon/same", JensenShannon, exTarget, exTarget, dec("0")},
		// Disjoint supports: no common mass.
		{"Match/disjoint", Match, Distribution{"a": dec("1")}, Distribution{"b": dec("1")}, dec("0")},
		{"JensenShannon/disjoint", JensenShannon, Distribution{"a": dec("1")}, Distribution{"b": dec("1")}, dec("1")},
		// Issue 18: p = (1−ε, ε), ε ≈ 1e-60, q = (½, ½), m ≈ (¾, ¼):
		// JS = ½·log₂(4/3) + ½[½·log₂(2/3) + ½·log₂(2)] = 1.5 − ¾·log₂3
		// = 1.5 − 0.75 × 1.58496250072115618145… = 0.31127812445913286391…
		// (ε moves it by about 1e-58). Before, ln(2ε/(ε+½)) rounded to 40
		// places was ln 0: an error for a valid input.
		{"JensenShannon/1e60", JensenShannon, Distribution{"a": dec("1e60"), "b": dec("1")}, Distribution{"a": dec("1"), "b": dec("1")}, dec("0.3112781244591329")},
		// The same shape at the exponent limits: ε = 1e-2000.
		{"JensenShannon/limits", JensenShannon, Distribution{"a": dec("1e1000"), "b": dec("1e-1000")}, Distribution{"a": dec("1"), "b": dec("1")}, dec("0.3112781244591329")},
		// (1e1000)·(1e-1000) / √(1e2000·1e-2000) = 1 / 1 = 1
		{"Cosine/limits", Cosine, Distribution{"a": dec("1e1000")}, Distribution{"a": dec("1e-1000"), "b": dec("0")}, dec("1")},
		// p = (½, ½), q = (¼, ¾): min = ¼ + ½ = 0.75
		{"Match/limits", Match, Distribution{"a": dec("1e1000"), "b": dec("1e1000")}, Distribution{"a": dec("1e-1000"), "b": dec("3e-1000")}, dec("0.75")},
		{"Hellinger/disjoint", Hellinger, Distribution{"a": dec("1")}, Distribution{"b": dec("1")}, dec("1")},
		// Unknown is excluded and the rest renormalised: {a:30, b:30} is {a:.5, b:.5};
		// against {a:1}: min(1,.5) = 0.5.
		{"Match/unknown", Match, Distribution{"a": dec("1")}, Distribution{"a": dec("30"), "b": dec("30"), Unknown: dec("40")}, dec("0.5")},
		// 1/3 vs 2/3 against 1/2, 1/2: min = 1/3 + 1/2 = 0.8333…
		{"Match/thirds", Match, Distribution{"a": dec("1"), "b": dec("2")}, Distribution{"a": dec("1"), "b": dec("1")}, dec("0.8333333333333333")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.fn(c.p, c.q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestUnknownShareAndAffinity(t *testing.T) {
	// 40 of 40+30+30 = 100 is unknown.
	got, err := UnknownShare(Distribution{"a": dec("30"), "b": dec("30"), Unknown: dec("40")})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(dec("0.4"), got); diff != "" {
		t.Errorf("UnknownShare (-want +got):\n%s", diff)
	}
	// Baseline: a quarter in each band. Audience shares .4 .4 0 .2, so the
	// index is share ÷ .25 × 100: 160, 160, 0, 80.
	base := Distribution{"18-24": dec("1"), "25-34": dec("1"), "35-44": dec("1"), "45+": dec("1")}
	aff, err := Affinity(exActual, base)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]decimal.Decimal{"18-24": dec("160"), "25-34": dec("160"), "35-44": dec("0"), "45+": dec("80")}
	if diff := cmp.Diff(want, aff); diff != "" {
		t.Errorf("Affinity (-want +got):\n%s", diff)
	}
}

func TestFit(t *testing.T) {
	target := Demographics{"age": exTarget, "gender": {"f": dec("60"), "m": dec("40")}}
	actual := Demographics{"age": exActual, "gender": {"f": dec("50"), "m": dec("45"), Unknown: dec("5")}}
	// gender: known actual f 50/95, m 45/95; Match = min(.6, 50/95) + min(.4, 45/95)
	// = 50/95 + 38/95 = 88/95 = 0.92631578947368421052… → 0.9263157894736842.
	// age: Match 0.7 (see TestMeasures).
	gMatch := dec("0.9263157894736842")

	t.Run("default weights", func(t *testing.T) {
		rep, err := Fit(target, actual, nil)
		if err != nil {
			t.Fatal(err)
		}
		want := FitReport{
			// (0.7 + 0.9263157894736842) / 2 = 0.8131578947368421
			Score: dec("0.8131578947368421"),
			Dimensions: []DimensionFit{
				{
					Dimension: "age", Weight: dec("0.5"), Match: dec("0.7"), TotalVariation: dec("0.3"),
					OnTarget: dec("0.8"), UnknownTarget: dec("0"), UnknownActual: dec("0"), Contribution: dec("0.35"),
				},
				{
					// TV = 1 − 88/95 = 7/95 = 0.0736842105263157894… ; on-target: both
					// categories wanted, so all 95 known = 1; unknown 5/100 = 0.05;
					// contribution ½ · 88/95 = 44/95 = 0.46315789473684210…
					Dimension: "gender", Weight: dec("0.5"), Match: gMatch, TotalVariation: dec("0.0736842105263158"),
					OnTarget: dec("1"), UnknownTarget: dec("0"), UnknownActual: dec("0.05"), Contribution: dec("0.4631578947368421"),
				},
			},
		}
		if diff := cmp.Diff(want, rep); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("weights 3:1", func(t *testing.T) {
		rep, err := Fit(target, actual, DimensionWeights{"age": dec("3"), "gender": dec("1")})
		if err != nil {
			t.Fatal(err)
		}
		// (3·0.7 + 0.9263157894736842) / 4 = 3.0263157894736842 / 4
		// = 0.75657894736842105 → half away from zero → 0.7565789473684211
		if diff := cmp.Diff(dec("0.7565789473684211"), rep.Score); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
	})
	t.Run("unweighted dimension may be missing", func(t *testing.T) {
		rep, err := Fit(target, Demographics{"age": exActual}, DimensionWeights{"age": dec("1")})
		if err != nil {
			t.Fatal(err)
		}
		if !rep.Score.Equal(dec("0.7")) || len(rep.Dimensions) != 2 || !rep.Dimensions[1].Weight.IsZero() {
			t.Errorf("got %+v", rep)
		}
	})
}

func TestOnTargetInterval(t *testing.T) {
	// Φ⁻¹(0.975), e.g. R's qnorm(0.975) printed with 16 digits.
	if !Z95().Equal(dec("1.959963984540054")) {
		t.Errorf("Z95 = %s", Z95())
	}
	// p̂ = 30/100 = 0.3, n = 100, z = 2: half-width 2·√(0.3·0.7/100) = 2·√0.0021
	// = 2 · 0.04582575694955840006… = 0.09165151389911680013…
	// low 0.20834848610088319986… → 0.2083484861008832; high 0.3916515138991168.
	got, err := OnTargetInterval(Distribution{"a": dec("1")}, Distribution{"a": dec("30"), "b": dec("70")}, 100, dec("2"))
	if err != nil {
		t.Fatal(err)
	}
	want := Estimate{Value: dec("0.3"), Low: dec("0.2083484861008832"), High: dec("0.3916515138991168")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// p̂ = 1 (all on target): zero width, clipped to [0, 1].
	got, err = OnTargetInterval(Distribution{"a": dec("1")}, Distribution{"a": dec("5")}, 10, Z95())
	if err != nil {
		t.Fatal(err)
	}
	want = Estimate{Value: dec("1"), Low: dec("1"), High: dec("1")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("p=1 (-want +got):\n%s", diff)
	}
}

func TestDistributionErrors(t *testing.T) {
	good := Distribution{"a": dec("1")}
	cases := []struct {
		name string
		err  error
		run  func() error
	}{
		{"negative", ErrNegative, func() error { _, err := Match(good, Distribution{"a": dec("-1"), "b": dec("2")}); return err }},
		{"all zero", ErrNonPositive, func() error { _, err := Match(Distribution{"a": dec("0")}, good); return err }},
		{"empty", ErrEmpty, func() error { _, err := Hellinger(good, Distribution{}); return err }},
		{"nil", ErrEmpty, func() error { _, err := JensenShannon(nil, good); return err }},
		{"only unknown", ErrNonPositive, func() error { _, err := Cosine(good, Distribution{Unknown: dec("5")}); return err }},
		{"empty category", ErrInvalid, func() error { _, err := TotalVariation(good, Distribution{"": dec("1")}); return err }},
		{"no baseline", ErrNoBaseline, func() error { _, err := Affinity(Distribution{"a": dec("1"), "b": dec("1")}, good); return err }},
		{"weight without dimension", ErrDimension, func() error {
			_, err := Fit(Demographics{"age": good}, Demographics{"age": good}, DimensionWeights{"gender": dec("1")})
			return err
		}},
		{"weighted dimension missing in actual", ErrDimension, func() error {
			_, err := Fit(Demographics{"age": good, "gender": good}, Demographics{"age": good}, nil)
			return err
		}},
		{"negative weight", ErrNegative, func() error {
			_, err := Fit(Demographics{"age": good}, Demographics{"age": good}, DimensionWeights{"age": dec("-1")})
			return err
		}},
		{"zero weights", ErrNonPositive, func() error {
			_, err := Fit(Demographics{"age": good}, Demographics{"age": good}, DimensionWeights{"age": dec("0")})
			return err
		}},
		{"no dimension", ErrEmpty, func() error { _, err := Fit(nil, nil, nil); return err }},
		{"bad dimension inside", ErrNegative, func() error {
			_, err := Fit(Demographics{"age": good}, Demographics{"age": {"a": dec("-2")}}, nil)
			return err
		}},
		{"sample size", ErrNonPositive, func() error { _, err := OnTargetInterval(good, good, 0, Z95()); return err }},
		{"z", ErrNonPositive, func() error { _, err := OnTargetInterval(good, good, 10, dec("0")); return err }},
		{"frequency of nothing", ErrEmpty, func() error { _, err := ExpectedFrequency(nil, NewSet()); return err }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.run()
			if !errors.Is(err, c.err) {
				t.Fatalf("err = %v, want %v", err, c.err)
			}
			if msg := err.Error(); len(msg) < len("audience: ") || msg[:len("audience: ")] != "audience: " {
				t.Errorf("message %q lacks the package prefix", msg)
			}
		})
	}
}

// TestErrorNamesFirstBadCategory: with several bad categories the error
// always names the first in sorted order, whatever the map's order.
func TestErrorNamesFirstBadCategory(t *testing.T) {
	bad := Distribution{"zz": decimal.NewFromInt(-1), "aa": decimal.NewFromInt(-2), "mm": decimal.NewFromInt(-3), "ok": decimal.NewFromInt(5)}
	want := `audience: Match: actual["aa"]: negative (-2)`
	for range 50 {
		_, err := Match(Distribution{"ok": decimal.NewFromInt(1)}, bad)
		if err == nil || err.Error() != want || !errors.Is(err, ErrNegative) {
			t.Fatalf("Match error = %v, want %q", err, want)
		}
	}
}

// TestLimitsAndFields: a decimal beyond MaxExponent or MaxDigits is refused
// with ErrTooLarge, before any arithmetic, by a short message naming the
// function's own parameter; long category names are shortened.
func TestLimitsAndFields(t *testing.T) {
	good := Distribution{"a": dec("1")}
	x40 := strings.Repeat("x", 40)
	cases := []struct {
		name string
		err  error
		want string
		run  func() error
	}{
		{"exponent 2^31-1", ErrTooLarge, `audience: Match: actual["a"]: exponent beyond ±1000 (≈1e+2147483647, 1 digit)`,
			func() error { _, err := Match(good, Distribution{"a": decimal.New(1, math.MaxInt32)}); return err }},
		{"zero at exponent -2^31", ErrTooLarge, `audience: OnTargetInterval: z: exponent beyond ±1000 (≈1e-2147483648, 1 digit)`,
			func() error { _, err := OnTargetInterval(good, good, 10, decimal.New(0, math.MinInt32)); return err }},
		{"weight 1e-1001", ErrTooLarge, `audience: Fit: weights["x"]: exponent beyond ±1000 (≈1e-1001, 1 digit)`,
			func() error {
				_, err := Fit(Demographics{"x": good}, Demographics{"x": good}, DimensionWeights{"x": decimal.New(1, -1001)})
				return err
			}},
		{"1001 digits", ErrTooLarge, `audience: Cosine: q["a"]: more than 1000 digits (≈1e+1000, 1001 digits)`,
			func() error {
				_, err := Cosine(good, Distribution{"a": decimal.New(1, 1000).Add(decimal.NewFromInt(1))})
				return err
			}},
		{"p, not target", ErrNegative, `audience: TotalVariation: p["a"]: negative (-1)`,
			func() error { _, err := TotalVariation(Distribution{"a": dec("-1")}, good); return err }},
		{"baseline, not actual", ErrNegative, `audience: Affinity: baseline["a"]: negative (-1)`,
			func() error { _, err := Affinity(good, Distribution{"a": dec("-1")}); return err }},
		{"1 MiB name", ErrNegative, `audience: Match: actual["` + x40 + `"… (1048576 bytes)]: negative (-1)`,
			func() error { _, err := Match(good, Distribution{strings.Repeat("x", 1<<20): dec("-1")}); return err }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.run()
			if !errors.Is(err, c.err) || err.Error() != c.want {
				t.Errorf("err = %v\nwant %s (%v)", err, c.want, c.err)
			}
		})
	}
}
