package budget

import (
	"encoding/json"
	"errors"
	"math"
	"strings"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
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
// ("EUR", "JPY"), read as the module reads every name: ignoring case and
// surrounding spaces, so "eur" and " Eur " are EUR too (Code and String
// always give the upper-case code). It knows these codes, with the
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
// Other codes are an error wrapping ErrInvalid.
func ParseCurrency(code string) (Currency, error) {
	return parseCurrency("budget.ParseCurrency", code)
}

func parseCurrency(fn, code string) (Currency, error) {
	c := strings.TrimSpace(code)
	if len(c) != 3 { // every code is 3 letters: no upper-casing of a long text
		return Currency{}, errs.New(ErrInvalid, fn, "code", "not an ISO 4217 code this package knows", code)
	}
	c = strings.ToUpper(c)
	m, ok := minorUnits[c]
	if !ok {
		return Currency{}, errs.New(ErrInvalid, fn, "code", "not an ISO 4217 code this package knows", code)
	}
	return Currency{code: c, minor: m}, nil
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

// UnmarshalText parses an ISO 4217 code as ParseCurrency does; "" gives the
// zero Currency. On error the receiver keeps its value.
func (c *Currency) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = Currency{}
		return nil
	}
	v, err := parseCurrency("budget.Currency.UnmarshalText", string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Round rounds d to the currency's minor unit, half away from zero
// (2.345 EUR → 2.35, −2.345 EUR → −2.35, 2.5 JPY → 3).
//
// Round has no error return and is total and cheap on any input. Within the
// module's limits (|exponent| ≤ MaxExponent, at most MaxDigits digits) it
// rounds as above. A value beyond them is answered in constant time, without
// arithmetic: an amount that is already a whole number of minor units
// (exponent ≥ −minor digits, such as 1e2147483647) is returned unchanged,
// one smaller than half a minor unit (such as 1e-2147483648) rounds to zero,
// and any other (a coefficient of more than MaxDigits digits with digits below
// the minor unit) is returned unchanged too: Check and every function taking
// money refuse it with ErrTooLarge.
func (c Currency) Round(d decimal.Decimal) decimal.Decimal {
	if limit.Decimal("", "", d) == nil {
		return d.Round(c.minor)
	}
	if d.Sign() == 0 {
		return decimal.New(0, -c.minor)
	}
	e := int64(d.Exponent())
	if e >= -int64(c.minor) {
		return d
	}
	// |d| < 10^(digits+e) ≤ 10^(-minor-1) < half a minor unit: zero. digits
	// is bounded above from the coefficient's bit length.
	if digits := int64(float64(d.Coefficient().BitLen())*math.Log10(2)) + 1; digits+e <= -int64(c.minor)-1 {
		return decimal.New(0, -c.minor)
	}
	return d
}

// Check returns an error wrapping ErrMinorUnit unless d is a whole number of
// the currency's minor units (1.005 EUR is not; 1.00 and 1 are). The zero
// Currency is an error wrapping ErrInvalid; a value beyond the module's
// limits (MaxExponent, MaxDigits) one wrapping ErrTooLarge.
func (c Currency) Check(d decimal.Decimal) error {
	return c.check("budget.Currency.Check", "amount", d)
}

// check is Check reporting its error as fn and field.
func (c Currency) check(fn, field string, d decimal.Decimal) error {
	if !c.IsValid() {
		return errs.New(ErrInvalid, fn, "currency", "zero Currency", errs.None)
	}
	if err := amountLimit(fn, field, d, c); err != nil {
		return err
	}
	if !whole(d, c.minor) {
		return errs.New(ErrMinorUnit, fn, field, "finer than the "+c.code+" minor unit", d)
	}
	return nil
}

// amountLimit is limit.Decimal for an amount in cur: nil within the module's
// limits, otherwise the error wrapping ErrTooLarge. When the amount is also
// certainly finer than cur's minor unit (an exponent e below −MaxExponent
// and a coefficient of fewer than −e − minor digits, which no power of ten
// can divide: 1e-5000), the error wraps ErrMinorUnit too, as it did before
// the limit was checked first.
func amountLimit(fn, field string, d decimal.Decimal, cur Currency) error {
	err := limit.Decimal(fn, field, d)
	if err == nil || d.Sign() == 0 {
		return err
	}
	e := int64(d.Exponent())
	digits := int64(float64(d.Coefficient().BitLen())*math.Log10(2)) + 1 // an upper bound
	if e < -MaxExponent && digits < -e-int64(cur.minor) {
		return &minorError{err: err, what: "finer than the " + cur.code + " minor unit"}
	}
	return err
}

// minorError is an ErrTooLarge error that is also ErrMinorUnit.
type minorError struct {
	err  error // the limit's error, wrapping ErrTooLarge
	what string
}

func (e *minorError) Error() string {
	var ee *errs.Error
	if errors.As(e.err, &ee) {
		c := *ee
		c.What += ", " + e.what
		return c.Error()
	}
	return e.err.Error() + ", " + e.what
}

// Unwrap returns the limit's error and ErrMinorUnit.
func (e *minorError) Unwrap() []error { return []error{e.err, ErrMinorUnit} }

// Money is an amount in one currency. The zero Money has no currency and is
// invalid for arithmetic.
//
// It marshals to JSON as {"amount":"12.30","currency":"EUR"}: the amount a
// string with exactly the currency's minor digits, whatever the decimal
// package's globals say.
type Money struct {
	Amount   decimal.Decimal
	Currency Currency
}

// NewMoney returns amount in cur, which must be a whole number of cur's
// minor units (ErrMinorUnit otherwise) within the module's limits
// (ErrTooLarge beyond MaxExponent or MaxDigits); the zero Currency is
// ErrInvalid.
func NewMoney(amount decimal.Decimal, cur Currency) (Money, error) {
	if err := cur.check("budget.NewMoney", "amount", amount); err != nil {
		return Money{}, err
	}
	return Money{Amount: amount, Currency: cur}, nil
}

// moneyJSON is Money's wire form.
type moneyJSON struct {
	Amount   string   `json:"amount"`
	Currency Currency `json:"currency"`
}

// MarshalJSON encodes m as {"amount":"12.30","currency":"EUR"}, the amount
// with exactly the currency's minor digits (12.3 EUR is "12.30", 5 JPY
// "5"). An amount finer than the minor unit, or without a currency, is
// written with all its digits, never rounded: the zero Money is
// {"amount":"0","currency":""}. An amount beyond the module's limits
// (MaxExponent, MaxDigits) is an error wrapping ErrTooLarge.
func (m Money) MarshalJSON() ([]byte, error) {
	if err := limit.Decimal("budget.Money.MarshalJSON", "Amount", m.Amount); err != nil {
		return nil, err
	}
	return json.Marshal(moneyJSON{Amount: m.amountText(), Currency: m.Currency})
}

// amountText is the amount with exactly the currency's minor digits, or all
// its digits when that would round it (or there is no currency); an amount
// beyond the module's limits is summarised (errs.Decimal: "≈1e+2147483647,
// 1 digit"), never printed in full.
func (m Money) amountText() string {
	if limit.Decimal("", "", m.Amount) != nil {
		return errs.Decimal(m.Amount)
	}
	if !m.Currency.IsValid() || !whole(m.Amount, m.Currency.minor) {
		return m.Amount.String()
	}
	return m.Amount.StringFixed(m.Currency.minor)
}

// UnmarshalJSON decodes the form MarshalJSON writes, as NewMoney checks it:
// a known currency (any case) and an amount that is a whole number of its
// minor units. On error the receiver keeps its value.
func (m *Money) UnmarshalJSON(b []byte) error {
	const fn = "budget.Money.UnmarshalJSON"
	var j struct {
		Amount   string `json:"amount"`
		Currency string `json:"currency"`
	}
	if err := json.Unmarshal(b, &j); err != nil {
		return errs.New(ErrSyntax, fn, "", "not a money object: "+err.Error(), errs.None)
	}
	cur, err := parseCurrency(fn, j.Currency)
	if err != nil {
		return err
	}
	amt, err := parseAmount(fn, "amount", j.Amount, true)
	if err != nil {
		return err
	}
	if err := cur.check(fn, "amount", amt); err != nil {
		return err
	}
	*m = Money{Amount: amt, Currency: cur}
	return nil
}

// Add returns m + o. Different currencies are a *MismatchError; a
// Money without a currency (the zero Money) is an error wrapping ErrInvalid;
// an amount beyond the module's limits (MaxExponent, MaxDigits) one wrapping
// ErrTooLarge.
func (m Money) Add(o Money) (Money, error) {
	if err := sameCurrency("budget.Money.Add", m, o); err != nil {
		return Money{}, err
	}
	return Money{Amount: m.Amount.Add(o.Amount), Currency: m.Currency}, nil
}

// Sub returns m − o. Different currencies are a *MismatchError; a
// Money without a currency (the zero Money) is an error wrapping ErrInvalid;
// an amount beyond the module's limits one wrapping ErrTooLarge.
func (m Money) Sub(o Money) (Money, error) {
	if err := sameCurrency("budget.Money.Sub", m, o); err != nil {
		return Money{}, err
	}
	return Money{Amount: m.Amount.Sub(o.Amount), Currency: m.Currency}, nil
}

// sameCurrency checks that m and o have one, the same, currency, and
// amounts within the module's limits (named m.Amount and o.Amount).
func sameCurrency(fn string, m, o Money) error {
	if err := limit.Decimal(fn, "m.Amount", m.Amount); err != nil {
		return err
	}
	if err := limit.Decimal(fn, "o.Amount", o.Amount); err != nil {
		return err
	}
	if !m.Currency.IsValid() || !o.Currency.IsValid() {
		return errs.New(ErrInvalid, fn, "Currency", "zero Currency", m.Currency.code+" and "+o.Currency.code)
	}
	if m.Currency != o.Currency {
		return &MismatchError{Func: fn, Left: m.Currency, Right: o.Currency}
	}
	return nil
}

// Split splits m by weights at the currency's minor unit, each part in m's
// currency: m.Split(weights) is shorthand for Split(m.Amount, weights,
// m.Currency.MinorUnits()). The zero Money (no currency) is an error
// wrapping ErrInvalid; other errors as Split's.
func (m Money) Split(weights []decimal.Decimal) ([]Money, error) {
	const fn = "budget.Money.Split"
	if err := m.Currency.check(fn, "Amount", m.Amount); err != nil {
		return nil, err
	}
	parts, err := split(fn, "weights", m.Amount, weights, m.Currency.minor)
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
// It is total and cheap on any input: amounts beyond the module's limits
// (MaxExponent, MaxDigits), which decimal would rescale to billions of
// digits, are equal only when written alike (the same coefficient and
// exponent).
func (m Money) Equal(o Money) bool {
	if m.Currency != o.Currency {
		return false
	}
	if limit.Decimal("", "", m.Amount) != nil || limit.Decimal("", "", o.Amount) != nil {
		return m.Amount.Exponent() == o.Amount.Exponent() && m.Amount.Coefficient().Cmp(o.Amount.Coefficient()) == 0
	}
	return m.Amount.Equal(o.Amount)
}

// String returns "12.50 EUR", with exactly the currency's minor digits (all
// the amount's digits when it is finer than the minor unit: never rounded;
// an amount beyond the module's limits summarised as "≈1e+2147483647, 1
// digit EUR", in constant time).
func (m Money) String() string {
	return m.amountText() + " " + m.Currency.String()
}
