package feedback

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
)

var c95 = decimal.RequireFromString("0.95")

// near fails unless got is within tol of want.
func near(t *testing.T, name string, got decimal.Decimal, want, tol string) {
	t.Helper()
	w, d := decimal.RequireFromString(want), decimal.RequireFromString(tol)
	if got.Sub(w).Abs().GreaterThan(d) {
		t.Errorf("%s = %s, want %s ± %s", name, got, want, tol)
	}
}

func TestNPS(t *testing.T) {
	// 5 promoters (9, 10, 10, 9, 9), 3 passives (7, 8, 7), 2 detractors (0,
	// 6): Score = (5 − 2)/10 = 0.3; variance 0.5 + 0.2 − 0.09 = 0.61; SE =
	// √0.061 = 0.2469818; interval 0.3 ± 1.959964·0.2469818 = 0.3 ±
	// 0.4840754 = [−0.1840754, 0.7840754].
	r, err := NPS([]int{9, 10, 10, 9, 9, 7, 8, 7, 0, 6}, c95)
	if err != nil {
		t.Fatal(err)
	}
	if r.Responses != 10 || r.Promoters != 5 || r.Passives != 3 || r.Detractors != 2 || !r.Score.Equal(decimal.RequireFromString("0.3")) {
		t.Errorf("NPS counts %+v", r)
	}
	near(t, "SE", r.SE, "0.2469818", "1e-7")
	near(t, "Low", r.Interval.Low, "-0.1840754", "1e-7")
	near(t, "High", r.Interval.High, "0.7840754", "1e-7")
	// All promoters: SE 0, interval [1, 1].
	r, _ = NPS([]int{10, 9}, c95)
	if !r.Score.Equal(one) || !r.SE.IsZero() || !r.Interval.Low.Equal(one) || !r.Interval.High.Equal(one) {
		t.Errorf("all promoters: %+v", r)
	}
	// Clamping: 1 promoter, 1 detractor: score 0, variance 1, SE √(1/2) =
	// 0.7071068, 0 ± 1.3859 clamped to [−1, 1].
	r, _ = NPS([]int{10, 0}, c95)
	if !r.Interval.Low.Equal(one.Neg()) || !r.Interval.High.Equal(one) {
		t.Errorf("clamp: %+v", r.Interval)
	}
	for _, c := range []struct {
		scores []int
		conf   string
		want   error
		msg    string
	}{
		{nil, "0.95", ErrEmpty, "feedback: NPS: scores: no answers"},
		{[]int{5, 11}, "0.95", ErrInvalid, "feedback: NPS: scores[1]: not on the 0–10 scale (11)"},
		{[]int{-1}, "0.95", ErrInvalid, "feedback: NPS: scores[0]: not on the 0–10 scale (-1)"},
		{[]int{5}, "1", ErrInvalid, "feedback: NPS: confidence: not in (0, 1) (1)"},
		{[]int{5}, "0", ErrInvalid, "feedback: NPS: confidence: not in (0, 1) (0)"},
		{[]int{5}, "0.99999999999999999999", ErrInvalid, "feedback: NPS: confidence: too close to 0 or 1 for float64 (0.99999999999999999999)"},
	} {
		_, err := NPS(c.scores, decimal.RequireFromString(c.conf))
		if !errors.Is(err, c.want) || err.Error() != c.msg {
			t.Errorf("NPS(%v, %s) err = %v, want %q", c.scores, c.conf, err, c.msg)
		}
	}
}

func TestNPSDiff(t *testing.T) {
	// a: 5/3/2 of 10 (Score 0.3, SE 0.2469818); b: 3/3/4 of 10 (Score −0.1,
	// variance 0.3 + 0.4 − 0.01 = 0.69, SE √0.069 = 0.2626785). Difference
	// 0.4; SE √(0.061 + 0.069) = √0.13 = 0.3605551; half-width 1.959964 ×
	// 0.3605551 = 0.7066751; interval [−0.3066751, 1.1066751]; z = 0.4 /
	// 0.3605551 = 1.1094004, p = 2·(1 − Φ(1.1094004)) = 0.2672575.
	a, _ := NPS([]int{9, 9, 9, 9, 9, 7, 7, 7, 0, 0}, c95)
	b, _ := NPS([]int{10, 10, 10, 8, 8, 8, 1, 2, 3, 4}, c95)
	d, err := NPSDiff(a, b, c95)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Estimate.Equal(decimal.RequireFromString("0.4")) {
		t.Errorf("Estimate = %s", d.Estimate)
	}
	near(t, "SE", d.SE, "0.3605551", "1e-7")
	near(t, "Low", d.Interval.Low, "-0.3066751", "1e-7")
	near(t, "High", d.Interval.High, "1.1066751", "1e-7")
	near(t, "PValue", d.PValue, "0.2672575", "1e-7")
	// Exact estimate with unequal sizes: 1/3 − 0/2 = 0.3333333333333333.
	a3, _ := NPS([]int{10, 8, 7}, c95)
	b2, _ := NPS([]int{10, 0}, c95)
	d, _ = NPSDiff(a3, b2, c95)
	if !d.Estimate.Equal(decimal.RequireFromString("0.3333333333333333")) {
		t.Errorf("Estimate = %s", d.Estimate)
	}
	bad := a
	bad.Passives++
	if _, err := NPSDiff(bad, b, c95); !errors.Is(err, ErrInvalid) {
		t.Errorf("inconsistent counts: %v", err)
	}
	if _, err := NPSDiff(NetPromoter{}, b, c95); !errors.Is(err, ErrInvalid) {
		t.Errorf("zero NetPromoter: %v", err)
	}
}

func TestLikert(t *testing.T) {
	// 5, 4, 4, 3, 5 on 1–5: mean 4.2; Σ(x − x̄)² = 2.8; SD = √0.7 =
	// 0.8366600; t(0.975, 4) = 2.776445 (t table); half-width 2.776445 ×
	// 0.8366600/√5 = 1.0388506; interval [3.1611494, 5] (5.2388506
	// clamped). Top-2 box 4/5 = 0.8, Wilson: z² = 3.841459, centre (4 +
	// 1.920729)/(5 + 3.841459) = 0.6696658, half 1.959964/8.841459 ×
	// √(4·1/5 + 0.960365) = 0.2941120 → [0.3755346, 0.9637759]. Bottom-2
	// box 0/5 = 0.
	s, err := Likert([]int{5, 4, 4, 3, 5}, 1, 5, c95)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Mean.Equal(decimal.RequireFromString("4.2")) || !s.Top.Equal(decimal.RequireFromString("0.8")) || !s.Bottom.IsZero() || s.TopBoxes != 2 {
		t.Errorf("Likert = %+v", s)
	}
	if want := []int64{0, 0, 1, 2, 2}; len(s.Counts) != 5 || s.Counts[2] != want[2] || s.Counts[3] != want[3] || s.Counts[4] != want[4] || s.Counts[0] != 0 {
		t.Errorf("Counts = %v, want %v", s.Counts, want)
	}
	near(t, "SD", s.SD, "0.8366600", "1e-7")
	near(t, "MeanLow", s.MeanInterval.Low, "3.1611494", "1e-6")
	if !s.MeanInterval.High.Equal(decimal.NewFromInt(5)) {
		t.Errorf("MeanHigh = %s, want 5 (clamped)", s.MeanInterval.High)
	}
	near(t, "TopLow", s.TopInterval.Low, "0.3755346", "1e-7")
	near(t, "TopHigh", s.TopInterval.High, "0.9637759", "1e-7")
	// One answer: the whole scale; yes/no: top box only.
	s, _ = Likert([]int{1}, 0, 1, c95)
	if s.TopBoxes != 1 || !s.Top.Equal(one) || !s.MeanInterval.Low.IsZero() || !s.MeanInterval.High.Equal(one) {
		t.Errorf("one yes: %+v", s)
	}
	// Mean 1/3 exact to 16 places.
	s, _ = Likert([]int{1, 0, 0}, 0, 1, c95)
	if !s.Mean.Equal(decimal.RequireFromString("0.3333333333333333")) {
		t.Errorf("Mean = %s", s.Mean)
	}
	for _, c := range []struct {
		scores []int
		lo, hi int
		want   error
	}{{nil, 1, 5, ErrEmpty}, {[]int{6}, 1, 5, ErrInvalid}, {[]int{1}, 5, 5, ErrInvalid}, {[]int{1}, 0, 101, ErrInvalid}} {
		if _, err := Likert(c.scores, c.lo, c.hi, c95); !errors.Is(err, c.want) {
			t.Errorf("Likert(%v, %d, %d) err = %v, want %v", c.scores, c.lo, c.hi, err, c.want)
		}
	}
}
