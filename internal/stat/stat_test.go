package stat

import (
	"testing"

	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func ds(ss ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(ss))
	for i, s := range ss {
		out[i] = d(s)
	}
	return out
}

func TestMedian(t *testing.T) {
	if _, ok := Median(nil); ok {
		t.Error("Median(nil) ok")
	}
	// sorted 1, 2, 9 → 2
	if m, _ := Median(ds("9", "1", "2")); !m.Equal(d("2")) {
		t.Errorf("odd median = %s, want 2", m)
	}
	// sorted 1, 2, 4, 9 → (2 + 4) / 2 = 3
	if m, _ := Median(ds("9", "4", "1", "2")); !m.Equal(d("3")) {
		t.Errorf("even median = %s, want 3", m)
	}
}

func TestCV(t *testing.T) {
	// 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population sd 2 → CV 0.4.
	cv, ok := CV(ds("2", "4", "4", "4", "5", "5", "7", "9"))
	if !ok || !cv.Equal(d("0.4")) {
		t.Errorf("CV = %s %v, want 0.4", cv, ok)
	}
	// 1, 2: mean 1.5, sd 0.5 → CV 1/3 = 0.3333333333333333 (16 places).
	cv, _ = CV(ds("1", "2"))
	if !cv.Equal(d("0.3333333333333333")) {
		t.Errorf("CV(1,2) = %s", cv)
	}
	if _, ok := CV(ds("0", "0")); ok {
		t.Error("CV of zero mean ok")
	}
	if _, ok := CV(ds("3")); ok {
		t.Error("CV of one value ok")
	}
}

func TestSqrt(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"4", "2"},
		{"2", "1.4142135623730950"}, // √2 = 1.41421356237309504880…, 17th digit 4 → rounds down
		{"0.25", "0.5"},
		{"0", "0"},
		{"-1", "0"},
		{"3", "1.7320508075688773"}, // √3 = 1.73205080756887729352…, 17th digit 2… rounds 72|9 up → …773
	} {
		if got := Sqrt(d(c.in)); !got.Equal(d(c.want)) {
			t.Errorf("Sqrt(%s) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestLine(t *testing.T) {
	// y = 1 + 2x exactly: slope 2, SE 0.
	f, ok := Line(ds("0", "1", "2"), ds("1", "3", "5"), d("1"))
	if !ok || !f.Slope.Equal(d("2")) || !f.HasSE || !f.SE.IsZero() {
		t.Errorf("exact line = %+v %v", f, ok)
	}
	// x 0,1,2,3; y 1,3,2,4: x̄ 1.5, ȳ 2.5, Sxx 5, Sxy (−1.5)(−1.5)+(−0.5)(0.5)+(0.5)(−0.5)+(1.5)(1.5) = 4,
	// slope 0.8; Syy 2.25+0.25+0.25+2.25 = 5; SSR = 5 − 0.8·4 = 1.8;
	// SE = sqrt(1.8/2/5) = sqrt(0.18) = 0.42426406871192851464… → 0.4242640687119285.
	f, ok = Line(ds("0", "1", "2", "3"), ds("1", "3", "2", "4"), d("1"))
	if !ok || !f.Slope.Equal(d("0.8")) || !f.SE.Equal(d("0.4242640687119285")) {
		t.Errorf("noisy line = slope %s se %s %v", f.Slope, f.SE, ok)
	}
	if f, ok := Line(ds("0", "1"), ds("5", "3"), d("1")); !ok || f.HasSE || !f.Slope.Equal(d("-2")) {
		t.Errorf("two points = %+v", f)
	}
	// x in tenths (0, 10, 20, 30) scaled by 10 gives the slope per unit x
	// of the previous case: 0.8, SE 0.4242640687119285.
	f, _ = Line(ds("0", "10", "20", "30"), ds("1", "3", "2", "4"), d("10"))
	if !f.Slope.Equal(d("0.8")) || !f.SE.Equal(d("0.4242640687119285")) {
		t.Errorf("scaled line = slope %s se %s", f.Slope, f.SE)
	}
	if _, ok := Line(ds("1", "1"), ds("5", "3"), d("1")); ok {
		t.Error("equal x ok")
	}
}
