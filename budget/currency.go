package budget

import (
	"github.com/shopspring/decimal"
)

// Currency is an ISO 4217 currency: its alphabetic code and the number of
// decimal places of its minor unit (2 for EUR cents, 0 for JPY, 3 for KWD
// fils). It is a small comparable value: use == to compare.
//
// The zero Currency is invalid (IsValid reports false); obtain one with
// ParseCurrency.
type Currency struct {
	code  string
	minor int32
}

// minorUnits is the table documented at ParseCurrency.
var minorUnits = map[string]int32{
	"BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0,
	"KRW": 0, "PYG": 0, "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0,
	"XAF": 0, "XOF": 0, "XPF": 0,

	"AED": 2, "ARS": 2, "AUD": 2, "BDT": 2, "BGN": 2, "BRL": 2, "CAD": 2,
	"CHF": 2, "CNY": 2, "COP": 2, "CZK": 2, "DKK": 2, "EGP": 2, "EUR": 2,
	"GBP": 2, "GEL": 2, "HKD": 2, "HUF": 2, "IDR": 2, "ILS": 2, "INR": 2,
	"KES": 2, "KZT": 2, "MAD": 2, "MXN": 2, "MYR": 2, "NGN": 2, "NOK": 2,
	"NZD": 2, "PEN": 2, "PHP": 2, "PKR": 2, "PLN": 2, "QAR": 2, "RON": 2,
	"RSD": 2, "RUB": 2, "SAR": 2, "SEK": 2, "SGD": 2, "THB": 2, "TRY": 2,
	"TWD": 2, "UAH": 2, "USD": 2, "UYU": 2, "ZAR": 2,

	"BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,

	"CLF": 4, "UYW": 4,
}

// ParseCurrency returns the currency with the given ISO 4217 alphabetic code
// (three letters, upper case: "EUR", "JPY"). It knows these codes, with the
// number of digits of their minor unit from ISO 4217 list one ("Current
// currency & funds code list", column "Minor unit", published by the
// maintenance agency SIX,
// https://www.six-group.com/en/products-services/financial-information/data-standards.html):
//
//	0 digits: BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF
//	2 digits: AED ARS AUD BDT BGN BRL CAD CHF CNY COP CZK DKK EGP EUR GBP GEL
//	          HKD HUF IDR ILS INR KES KZT MAD MXN MYR NGN NOK NZD PEN PHP PKR
//	          PLN QAR RON RSD RUB SAR SEK SGD THB TRY TWD UAH USD UYU ZAR
//	3 digits: BHD IQD JOD KWD LYD OMR TND
//	4 digits: CLF UYW
//
// Other codes are an error wrapping ErrCurrency.
func ParseCurrency(code string) (Currency, error) {
	m, ok := minorUnits[code]
	if !ok {
		return Currency{}, errf(ErrCurrency, "ParseCurrency", "code", "not an ISO 4217 code this package knows (%q)", code)
	}
	return Currency{code: code, minor: m}, nil
}

// MustParseCurrency is ParseCurrency for literals in tests and examples: it
// panics on an unknown code.
func MustParseCurrency(code string) Currency {
	c, err := ParseCurrency(code)
	if err != nil {
		panic(err)
	}
	return c
}

// Code returns the ISO 4217 alphabetic code, or "" for the zero Currency.
func (c Currency) Code() string { return c.code }

// MinorUnits returns the number of decimal places of the minor unit: 2 for
// EUR, 0 for JPY, 3 for KWD, 4 for CLF.
func (c Currency) MinorUnits() int32 { return c.minor }

// Equal reports whether c and o are the same currency (c == o; go-cmp uses
// this method).
func (c Currency) Equal(o Currency) bool { return c == o }

// IsValid reports whether c is a known currency (not the zero Currency).
func (c Currency) IsValid() bool { return c.code != "" }

// String returns the code, or "(no currency)" for the zero Currency.
func (c Currency) String() string {
	if c.code == "" {
		return "(no currency)"
	}
	return c.code
}

// MarshalText returns the code. The zero Currency marshals to "".
func (c Currency) MarshalText() ([]byte, error) { return []byte(c.code), nil }

// UnmarshalText parses an ISO 4217 code; "" gives the zero Currency.
func (c *Currency) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = Currency{}
		return nil
	}
	v, err := ParseCurrency(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Split is Split(total, weights, c.MinorUnits()).
func (c Currency) Split(total decimal.Decimal, weights []decimal.Decimal) ([]decimal.Decimal, error) {
	if !c.IsValid() {
		return nil, errf(ErrCurrency, "Currency.Split", "currency", "zero Currency")
	}
	return Split(total, weights, c.minor)
}

// Round rounds d to the currency's minor unit, half away from zero
// (2.345 EUR → 2.35, −2.345 EUR → −2.35, 2.5 JPY → 3).
func (c Currency) Round(d decimal.Decimal) decimal.Decimal { return d.Round(c.minor) }

// Check returns an error wrapping ErrMinorUnit unless d is a whole number of
// the currency's minor units (1.005 EUR is not; 1.00 and 1 are).
func (c Currency) Check(d decimal.Decimal) error {
	if !c.IsValid() {
		return errf(ErrCurrency, "Currency.Check", "currency", "zero Currency")
	}
	if !whole(d, c.minor) {
		return errf(ErrMinorUnit, "Currency.Check", "amount", "finer than the %s minor unit (%s)", c.code, d)
	}
	return nil
}

// Money is an amount in one currency. The zero Money has no currency and is
// invalid for arithmetic.
type Money struct {
	Amount   decimal.Decimal
	Currency Currency
}

// NewMoney returns amount in cur, which must be a whole number of cur's
// minor units (ErrMinorUnit otherwise).
func NewMoney(amount decimal.Decimal, cur Currency) (Money, error) {
	if err := cur.Check(amount); err != nil {
		return Money{}, err
	}
	return Money{Amount: amount, Currency: cur}, nil
}

// Add returns m + o. Different currencies are a *MismatchError; a
// Money without a currency (the zero Money) is an error wrapping ErrCurrency.
func (m Money) Add(o Money) (Money, error) {
	if !m.Currency.IsValid() || !o.Currency.IsValid() {
		return Money{}, errf(ErrCurrency, "Money.Add", "Currency", "zero Currency (%q and %q)", m.Currency.code, o.Currency.code)
	}
	if m.Currency != o.Currency {
		return Money{}, &MismatchError{Func: "Money.Add", Left: m.Currency, Right: o.Currency}
	}
	return Money{Amount: m.Amount.Add(o.Amount), Currency: m.Currency}, nil
}

// Sub returns m − o. Different currencies are a *MismatchError; a
// Money without a currency (the zero Money) is an error wrapping ErrCurrency.
func (m Money) Sub(o Money) (Money, error) {
	if !m.Currency.IsValid() || !o.Currency.IsValid() {
		return Money{}, errf(ErrCurrency, "Money.Sub", "Currency", "zero Currency (%q and %q)", m.Currency.code, o.Currency.code)
	}
	if m.Currency != o.Currency {
		return Money{}, &MismatchError{Func: "Money.Sub", Left: m.Currency, Right: o.Currency}
	}
	return Money{Amount: m.Amount.Sub(o.Amount), Currency: m.Currency}, nil
}

// Split splits m by weights at the currency's minor unit (see Split).
func (m Money) Split(weights []decimal.Decimal) ([]Money, error) {
	parts, err := m.Currency.Split(m.Amount, weights)
	if err != nil {
		return nil, err
	}
	out := make([]Money, len(parts))
	for i, p := range parts {
		out[i] = Money{Amount: p, Currency: m.Currency}
	}
	return out, nil
}

// Equal reports whether m and o have the same currency and equal amounts.
func (m Money) Equal(o Money) bool { return m.Currency == o.Currency && m.Amount.Equal(o.Amount) }

// String returns "12.50 EUR", with exactly the currency's minor digits.
func (m Money) String() string {
	return m.Amount.StringFixed(m.Currency.minor) + " " + m.Currency.String()
}
