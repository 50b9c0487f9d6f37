package budget

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func TestMichaelisMentenThrough(t *testing.T) {
	tests := []struct {
		spend, response, e string
		beta, kappa        float64
	}{
		// Kappa = x·e/(1−e), Beta = y/(1−e)
		{"1000", "4000", "0.5", 8000, 1000},    // 1000·0.5/0.5, 4000/0.5
		{"200", "300", "0.25", 400, 200.0 / 3}, // 200·0.25/0.75 = 66.67, 300/0.75 = 400
		{"50", "0", "0.8", 0, 200},             // 50·0.8/0.2 = 200, 0/0.2 = 0: a flat curve
	}
	for _, tt := range tests {
		m, err := MichaelisMentenThrough(d(tt.spend), d(tt.response), d(tt.e))
		if err != nil {
			t.Fatal(err)
		}
		if !near(m.Beta, tt.beta, 1e-12) || !near(m.Kappa, tt.kappa, 1e-12) {
			t.Errorf("%s, %s, %s: %+v; want Beta %g Kappa %g", tt.spend, tt.response, tt.e, m, tt.beta, tt.kappa)
		}
		x, y, e := d(tt.spend).InexactFloat64(), d(tt.response).InexactFloat64(), d(tt.e).InexactFloat64()
		// through the point, with elasticity e there: f'(x) = e·y/x
		if !near(m.Response(x), y, 1e-12) || !near(m.Marginal(x), e*y/x, 1e-12) {
			t.Errorf("%+v: f(%g) = %g, f' = %g; want %g, %g", m, x, m.Response(x), m.Marginal(x), y, e*y/x)
		}
		if err := m.Validate(); err != nil {
			t.Errorf("%+v: %v", m, err)
		}
	}
	bad := []struct {
		spend, response, e string
		want               error
		msg                string
	}{
		{"0", "1", "0.5", ErrNonPositive, "budget: MichaelisMentenThrough: spend: not positive (0)"},
		{"1", "-1", "0.5", ErrNegative, "response: negative (-1)"},
		{"1", "1", "1", ErrInvalid, "elasticity: outside (0, 1) (1)"},
		{"1", "1", "0", ErrInvalid, "elasticity: outside (0, 1) (0)"},
		{"1e400", "1", "0.5", ErrTooLarge, "float64"},
		{"1", "1", "0.99999999999999999999", ErrTooLarge, "float64"}, // 1 − e rounds to 0 in float64
	}
	for _, tt := range bad {
		_, err := MichaelisMentenThrough(d(tt.spend), d(tt.response), d(tt.e))
		if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("(%s, %s, %s): err = %v, want %v containing %q", tt.spend, tt.response, tt.e, err, tt.want, tt.msg)
		}
	}
}

// TestAllocateFromObservedPoints: two creators observed at equal spend,
// one returning twice as much; each curve through its point at e = 0.5.
// a: 100 → 400: Kappa 100, Beta 800; b: 100 → 200: Kappa 100, Beta 400.
// KKT: 800·100/(xa+100)² = 400·100/(xb+100)², so xa + 100 = √2·(xb + 100);
// with xa + xb = 300: xb + 100 = 500/(1 + √2) = 207.107, xb = 107.11,
// xa = 192.89 (cents after rounding and polishing).
func TestAllocateFromObservedPoints(t *testing.T) {
	half := d("0.5")
	a, err := MichaelisMentenThrough(d("100"), d("400"), half)
	if err != nil {
		t.Fatal(err)
	}
	b, err := MichaelisMentenThrough(d("100"), d("200"), half)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Allocate(d("300"), []Channel{{Name: "a", Curve: a}, {Name: "b", Curve: b}}, eurOpt)
	if err != nil {
		t.Fatal(err)
	}
	xb := 500/(1+math.Sqrt2) - 100
	if diff := cmp.Diff(decs(decimal.NewFromFloat(300-xb).StringFixed(2), decimal.NewFromFloat(xb).StringFixed(2)), spends(got)); diff != "" {
		t.Errorf("spends (-want +got):\n%s", diff)
	}
}

func TestMoneyJSON(t *testing.T) {
	eur, jpy, kwd := MustParseCurrency("EUR"), MustParseCurrency("JPY"), MustParseCurrency("KWD")
	tests := []struct {
		m    Money
		want string
	}{
		{Money{d("12.3"), eur}, `{"amount":"12.30","currency":"EUR"}`}, // the cent kept
		{Money{d("875"), eur}, `{"amount":"875.00","currency":"EUR"}`},
		{Money{d("5"), jpy}, `{"amount":"5","currency":"JPY"}`},
		{Money{d("-1.5"), kwd}, `{"amount":"-1.500","currency":"KWD"}`},
		{Money{d("1.005"), eur}, `{"amount":"1.005","currency":"EUR"}`}, // never rounded
		{Money{}, `{"amount":"0","currency":""}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.m)
		if err != nil || string(b) != tt.want {
			t.Errorf("Marshal(%v) = %s, %v; want %s", tt.m, b, err, tt.want)
		}
	}
	var m Money
	if err := json.Unmarshal([]byte(`{"amount":"12.30","currency":"eur"}`), &m); err != nil || !m.Equal(Money{d("12.3"), eur}) {
		t.Errorf("Unmarshal = %v, %v", m, err)
	}
	keep := m
	for in, msg := range map[string]string{
		`{"amount":"1.005","currency":"EUR"}`: "budget: Money.UnmarshalJSON: amount: finer than the EUR minor unit (1.005)",
		`{"amount":"1","currency":"XYZ"}`:     "Money.UnmarshalJSON: code: not an ISO 4217 code",
		`{"amount":"x","currency":"EUR"}`:     "amount: not a decimal",
		`{"currency":"EUR"}`:                  "amount: missing",
		`[1]`:                                 "Money.UnmarshalJSON: not a money object",
	} {
		err := json.Unmarshal([]byte(in), &m)
		if err == nil || !strings.Contains(err.Error(), msg) || !m.Equal(keep) {
			t.Errorf("Unmarshal(%s) = %v, %v; want %q and the value kept", in, m, err, msg)
		}
	}
}

func TestResultJSON(t *testing.T) {
	eur := MustParseCurrency("EUR")
	q, err := DefaultRateCard(eur).Price(Spec{Format: FormatReel, Followers: 50_000,
		EngagementRate: d("0.045"), AudienceFit: d("0.8"), UsageMonths: 3})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(q)
	// 1316.25 expected, 1053.00 low (1053 × 1 kept at two digits), 1579.50 high,
	// each a money object in EUR; the base line's running amount 500 as
	// 500.00 EUR (was "500").
	for _, want := range []string{`"currency":"EUR"`, `"low":{"amount":"1053.00","currency":"EUR"}`, `"expected":{"amount":"1316.25","currency":"EUR"}`,
		`"high":{"amount":"1579.50","currency":"EUR"}`, `{"label":"base (micro tier)","factor":"500","amount":{"amount":"500.00","currency":"EUR"}}`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("Quote JSON %s lacks %s", b, want)
		}
	}
	var back Quote
	if err := json.Unmarshal(b, &back); err != nil || !back.Low.Equal(q.Low) || len(back.Lines) != len(q.Lines) {
		t.Errorf("Quote round trip: %+v, %v", back, err)
	}
	chans := []Channel{{Name: "a", Curve: MichaelisMenten{100, 10}}, {Name: "b", Curve: MichaelisMenten{100, 40}}}
	a, err := Allocate(d("100"), chans, eurOpt)
	if err != nil {
		t.Fatal(err)
	}
	b, _ = json.Marshal(a)
	// 40 and 60 (see ExampleAllocate), written with the cents, money objects in EUR
	for _, want := range []string{`"total":{"amount":"100.00","currency":"EUR"}`, `"method":"water-filling"`,
		`"name":"a","spend":{"amount":"40.00","currency":"EUR"}`, `"spend":{"amount":"60.00","currency":"EUR"}`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("Allocation JSON %s lacks %s", b, want)
		}
	}
	var ab Allocation
	if err := json.Unmarshal(b, &ab); err != nil || !ab.Total.Equal(a.Total) || ab.Method != a.Method || !ab.Channels[1].Spend.Equal(d("60")) {
		t.Errorf("Allocation round trip: %+v, %v", ab, err)
	}
}

// TestEnumTextIgnoresCase: the module's one rule (internal/enum): parsing
// ignores case and surrounding spaces, and every zero value is valid.
func TestEnumTextIgnoresCase(t *testing.T) {
	var f Format
	if err := f.UnmarshalText([]byte(" Reel ")); err != nil || f != FormatReel {
		t.Errorf("Format(\" Reel \") = %v, %v", f, err)
	}
	var m Method
	if err := m.UnmarshalText([]byte("GRID-DP")); err != nil || m != GridDP {
		t.Errorf("Method(GRID-DP) = %v, %v", m, err)
	}
	for _, v := range []interface{ MarshalText() ([]byte, error) }{Method(0), Basis(0), Format(0), ReturnKind(0), WeibullKind(0)} {
		if _, err := v.MarshalText(); err != nil {
			t.Errorf("zero %T: %v", v, err)
		}
	}
	err := f.UnmarshalText([]byte("tweet"))
	if !errors.Is(err, ErrInvalid) || !strings.HasPrefix(err.Error(), "budget: Format.UnmarshalText: text: unknown budget.Format") || f != FormatReel {
		t.Errorf("Format(tweet) = %v, %v", f, err)
	}
}

// FuzzMoneyJSON: whatever decodes is a valid Money that re-encodes and
// decodes to itself; what does not decode wraps a sentinel and never panics.
func FuzzMoneyJSON(f *testing.F) {
	for _, s := range []string{`{"amount":"12.30","currency":"EUR"}`, `{"amount":"5","currency":"jpy"}`,
		`{"amount":"1.005","currency":"EUR"}`, `{"amount":"1e999","currency":"KWD"}`, `{}`, `null`, `[`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var m Money
		if err := json.Unmarshal([]byte(s), &m); err != nil {
			var syn *json.SyntaxError // encoding/json's own, before UnmarshalJSON is called
			if !wrapsSentinel(err) && !errors.As(err, &syn) {
				t.Fatalf("%q: error %v wraps no sentinel", s, err)
			}
			return
		}
		if s == "null" {
			return // encoding/json leaves the value untouched for null
		}
		if err := m.Currency.Check(m.Amount); err != nil {
			t.Fatalf("%q decoded to invalid %v: %v", s, m, err)
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		var back Money
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(m) {
			t.Fatalf("%q → %v → %s → %v, %v", s, m, b, back, err)
		}
	})
}

func TestAllocateOptionsValidate(t *testing.T) {
	if err := eurOpt.Validate(); err != nil {
		t.Errorf("EUR options: %v", err)
	}
	for _, tt := range []struct {
		opt  AllocateOptions
		want error
		msg  string
	}{
		{AllocateOptions{}, ErrInvalid, "budget: AllocateOptions.Validate: Currency: zero Currency"},
		{AllocateOptions{Currency: eurOpt.Currency, Method: 3}, ErrInvalid, "Method: unknown (3)"},
		{AllocateOptions{Currency: eurOpt.Currency, GridSteps: -1}, ErrNegative, "GridSteps: negative (-1)"},
		{AllocateOptions{Currency: eurOpt.Currency, GridSteps: 100_001}, ErrTooLarge, "GridSteps: above 100000 (100001)"},
	} {
		if err := tt.opt.Validate(); !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%+v: err = %v, want %v containing %q", tt.opt, err, tt.want, tt.msg)
		}
	}
}
