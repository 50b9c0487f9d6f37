package budget

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestParseCurrency(t *testing.T) {
	// Minor units from ISO 4217 list one.
	want := map[string]int32{
		"JPY": 0, "KRW": 0, "CLP": 0, "ISK": 0, "EUR": 2, "USD": 2, "GBP": 2,
		"KWD": 3, "BHD": 3, "JOD": 3, "OMR": 3, "TND": 3, "CLF": 4,
	}
	for code, m := range want {
		c, err := ParseCurrency(code)
		if err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		if c.Code() != code || c.MinorUnits() != m || c.String() != code {
			t.Errorf("%s: got %s with %d places, want %d", code, c, c.MinorUnits(), m)
		}
	}
	// v0.2: the code is read ignoring case and surrounding spaces, as every
	// name of the module is (and as the example service always did).
	for _, in := range []string{"eur", " Eur ", "EUR\n"} {
		if c, err := ParseCurrency(in); err != nil || c != MustParseCurrency("EUR") || c.Code() != "EUR" {
			t.Errorf("ParseCurrency(%q) = %v, %v; want EUR", in, c, err)
		}
	}
	for _, bad := range []string{"", "XXX", "EURO", "E UR"} {
		_, err := ParseCurrency(bad)
		if !errors.Is(err, ErrInvalid) || !strings.HasPrefix(err.Error(), "budget: ParseCurrency: code: ") {
			t.Errorf("ParseCurrency(%q) err = %v, want ErrInvalid naming code", bad, err)
		}
	}
	if (Currency{}).IsValid() || (Currency{}).String() != "(no currency)" {
		t.Error("zero Currency should be invalid")
	}
}

func TestCurrencyText(t *testing.T) {
	var c Currency
	if err := c.UnmarshalText([]byte("KWD")); err != nil || c != MustParseCurrency("KWD") {
		t.Fatalf("UnmarshalText(KWD) = %v, %v", c, err)
	}
	b, _ := c.MarshalText()
	if string(b) != "KWD" {
		t.Errorf("MarshalText = %q", b)
	}
	if err := c.UnmarshalText([]byte("ABC")); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "Currency.UnmarshalText: code") {
		t.Errorf("UnmarshalText(ABC) err = %v", err)
	}
	if c != MustParseCurrency("KWD") {
		t.Errorf("failed UnmarshalText changed the receiver to %v", c)
	}
}

func TestCurrencyRoundCheckSplit(t *testing.T) {
	eur, jpy, kwd := MustParseCurrency("EUR"), MustParseCurrency("JPY"), MustParseCurrency("KWD")
	d := decimal.RequireFromString
	// half away from zero
	for _, c := range []struct {
		cur      Currency
		in, want string
	}{{eur, "2.345", "2.35"}, {eur, "-2.345", "-2.35"}, {jpy, "2.5", "3"}, {kwd, "1.0005", "1.001"}} {
		if got := c.cur.Round(d(c.in)); !got.Equal(d(c.want)) {
			t.Errorf("%s.Round(%s) = %s, want %s", c.cur, c.in, got, c.want)
		}
	}
	if err := eur.Check(d("1.005")); !errors.Is(err, ErrMinorUnit) {
		t.Errorf("EUR.Check(1.005) = %v", err)
	}
	if err := kwd.Check(d("1.005")); err != nil {
		t.Errorf("KWD.Check(1.005) = %v", err)
	}
	// 100 yen by 1:1:1 → 34, 33, 33 (Currency.Split is gone: Money.Split)
	parts, err := Money{d("100"), jpy}.Split(decs("1", "1", "1"))
	if err != nil || !parts[0].Amount.Equal(d("34")) || !parts[2].Amount.Equal(d("33")) || parts[0].Currency != jpy {
		t.Errorf("JPY Money.Split = %v, %v", parts, err)
	}
	if _, err := (Money{Amount: d("1")}).Split(decs("1")); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "zero Currency") {
		t.Errorf("zero Currency Split err = %v", err)
	}
	if err := (Currency{}).Check(d("1")); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "zero Currency") {
		t.Errorf("zero Currency Check err = %v", err)
	}
}

func TestMoney(t *testing.T) {
	eur, usd := MustParseCurrency("EUR"), MustParseCurrency("USD")
	d := decimal.RequireFromString
	a, err := NewMoney(d("10.50"), eur)
	if err != nil {
		t.Fatal(err)
	}
	b := Money{Amount: d("0.25"), Currency: eur}
	sum, err := a.Add(b)
	if err != nil || !sum.Equal(Money{d("10.75"), eur}) || sum.String() != "10.75 EUR" {
		t.Errorf("Add = %v, %v", sum, err)
	}
	diff, err := a.Sub(b)
	if err != nil || diff.String() != "10.25 EUR" {
		t.Errorf("Sub = %v, %v", diff, err)
	}
	_, err = a.Add(Money{d("1"), usd})
	var me *MismatchError
	if !errors.As(err, &me) || !errors.Is(err, ErrCurrencyMismatch) || me.Left != eur || me.Right != usd {
		t.Errorf("Add(USD) err = %v", err)
	}
	if err.Error() != "budget: Money.Add: currency mismatch (EUR and USD)" {
		t.Errorf("message %q", err)
	}
	if _, err := a.Sub(Money{d("1"), usd}); !errors.Is(err, ErrCurrencyMismatch) {
		t.Errorf("Sub(USD) err = %v", err)
	}
	// the zero Money has no currency: ErrInvalid naming it, not a mismatch of two empty codes
	for _, m := range []Money{{}, {Amount: d("1")}} {
		if _, err := m.Add(m); !errors.Is(err, ErrInvalid) || errors.Is(err, ErrCurrencyMismatch) || !strings.Contains(err.Error(), "zero Currency") {
			t.Errorf("%v.Add(itself) err = %v, want ErrInvalid", m, err)
		}
		if _, err := a.Sub(m); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "zero Currency") {
			t.Errorf("Sub(%v) err = %v, want ErrInvalid", m, err)
		}
	}
	// the error names the function called (v0.1 said Currency.Check)
	_, err = NewMoney(d("0.001"), eur)
	if !errors.Is(err, ErrMinorUnit) || err.Error() != "budget: NewMoney: amount: finer than the EUR minor unit (0.001)" {
		t.Errorf("NewMoney(0.001 EUR) err = %v", err)
	}
	// 10.50 by 1:1 → 5.25 each
	parts, err := a.Split(decs("1", "1"))
	if err != nil || parts[1].String() != "5.25 EUR" {
		t.Errorf("Split = %v, %v", parts, err)
	}
}

func FuzzParseCurrency(f *testing.F) {
	for _, s := range []string{"EUR", "JPY", "KWD", "", "eur", "€"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCurrency(s)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		if c.Code() != strings.ToUpper(strings.TrimSpace(s)) || c.MinorUnits() < 0 || c.MinorUnits() > 4 {
			t.Fatalf("ParseCurrency(%q) = %v (%d places)", s, c, c.MinorUnits())
		}
		var back Currency
		b, _ := c.MarshalText()
		if err := back.UnmarshalText(b); err != nil || back != c {
			t.Fatalf("text round trip of %v: %v, %v", c, back, err)
		}
	})
}

// TestCurrencyTable checks the map against the table in ParseCurrency's doc
// (ISO 4217 list one): every listed code parses with its digits, and the map
// holds nothing else.
func TestCurrencyTable(t *testing.T) {
	table := map[int32]string{
		0: "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF",
		2: "AED ARS AUD BDT BGN BRL CAD CHF CNY COP CZK DKK EGP EUR GBP GEL " +
			"HKD HUF IDR ILS INR KES KZT MAD MXN MYR NGN NOK NZD PEN PHP PKR " +
			"PLN QAR RON RSD RUB SAR SEK SGD THB TRY TWD UAH USD UYU ZAR",
		3: "BHD IQD JOD KWD LYD OMR TND",
		4: "CLF UYW",
	}
	n := 0
	for digits, codes := range table {
		for _, code := range strings.Fields(codes) {
			n++
			c, err := ParseCurrency(code)
			if err != nil || c.MinorUnits() != digits {
				t.Errorf("%s: %v, %d digits; want %d", code, err, c.MinorUnits(), digits)
			}
		}
	}
	if n != len(minorUnits) {
		t.Errorf("table lists %d codes, map holds %d", n, len(minorUnits))
	}
}
