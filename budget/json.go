package budget

import (
	"encoding/json"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// The JSON of the package's result types: lowercase snake_case keys,
// decimals as strings whatever the decimal package's global
// MarshalJSONWithoutQuotes says, money with exactly its currency's minor
// digits (1053 EUR is "1053.00"), enums by their text. Each type decodes
// with encoding/json's default rules (decimal.Decimal reads the strings).
// A decimal beyond the module's limits (MaxExponent, MaxDigits) in a value
// to marshal is an error wrapping ErrTooLarge, never a 2³¹-digit string.

// checkJSON refuses, before any text is built, a decimal beyond the
// module's limits among the values a result type marshals (a caller can
// build any value of these exported structs): decimal would print
// 1e2147483647 with 2³¹ digits. The error wraps ErrTooLarge and names fn
// and the field.
func checkJSON(fn string, fields ...namedDecimal) error {
	for _, f := range fields {
		if err := limit.Decimal(fn, f.name, f.v); err != nil {
			return err
		}
	}
	return nil
}

// moneyText is d with exactly cur's minor digits, or all its digits when
// that would round it or there is no currency.
func moneyText(d decimal.Decimal, cur Currency) string {
	return Money{Amount: d, Currency: cur}.amountText()
}

type lineJSON struct {
	Label  string `json:"label"`
	Factor string `json:"factor"`
	Amount string `json:"amount"`
}

// MarshalJSON encodes the line as {"label":…,"factor":"1.5","amount":"750"}
// (factor and running amount unrounded, exact).
func (l Line) MarshalJSON() ([]byte, error) {
	if err := checkJSON("budget.Line.MarshalJSON", namedDecimal{"Factor", l.Factor}, namedDecimal{"Amount", l.Amount}); err != nil {
		return nil, err
	}
	return json.Marshal(lineJSON{Label: l.Label, Factor: l.Factor.String(), Amount: l.Amount.String()})
}

// MarshalJSON encodes the quote as
//
//	{"currency":"EUR","low":"1053.00","expected":"1316.25","high":"1579.50","lines":[…]}
//
// with the range in the currency's minor digits.
func (q Quote) MarshalJSON() ([]byte, error) {
	if err := checkJSON("budget.Quote.MarshalJSON", namedDecimal{"Low", q.Low}, namedDecimal{"Expected", q.Expected}, namedDecimal{"High", q.High}); err != nil {
		return nil, err
	}
	return json.Marshal(struct {
		Currency Currency `json:"currency"`
		Low      string   `json:"low"`
		Expected string   `json:"expected"`
		High     string   `json:"high"`
		Lines    []Line   `json:"lines"`
	}{q.Currency, moneyText(q.Low, q.Currency), moneyText(q.Expected, q.Currency), moneyText(q.High, q.Currency), q.Lines})
}

type channelResultJSON struct {
	Name     string `json:"name"`
	Spend    string `json:"spend"`
	Response string `json:"response"`
	Average  string `json:"average"`
	Marginal string `json:"marginal"`
}

// MarshalJSON encodes the allocation as
//
//	{"currency":"EUR","total":"100.00","response":"…","method":"water-filling",
//	 "channels":[{"name":"a","spend":"40.00","response":"…","average":"…","marginal":"…"}]}
//
// with spends in the currency's minor digits and responses and returns as
// computed (16 places at most).
func (a Allocation) MarshalJSON() ([]byte, error) {
	const fn = "budget.Allocation.MarshalJSON"
	if err := checkJSON(fn, namedDecimal{"Total", a.Total}, namedDecimal{"Response", a.Response}); err != nil {
		return nil, err
	}
	chans := make([]channelResultJSON, len(a.Channels))
	for i, c := range a.Channels {
		f := errs.Index("Channels", i) + "."
		if err := checkJSON(fn, namedDecimal{f + "Spend", c.Spend}, namedDecimal{f + "Response", c.Response},
			namedDecimal{f + "Average", c.Average}, namedDecimal{f + "Marginal", c.Marginal}); err != nil {
			return nil, err
		}
		chans[i] = channelResultJSON{Name: c.Name, Spend: moneyText(c.Spend, a.Currency),
			Response: c.Response.String(), Average: c.Average.String(), Marginal: c.Marginal.String()}
	}
	m, err := a.Method.MarshalText()
	if err != nil {
		return nil, err
	}
	return json.Marshal(struct {
		Currency Currency            `json:"currency"`
		Total    string              `json:"total"`
		Response string              `json:"response"`
		Method   string              `json:"method"`
		Channels []channelResultJSON `json:"channels"`
	}{a.Currency, moneyText(a.Total, a.Currency), a.Response.String(), string(m), chans})
}

// MarshalJSON encodes the item with its amounts as strings:
// {"name":…,"category":…,"planned":"600.00","actual":"0"}. (A Plan writes
// its items with the plan currency's minor digits.)
func (li LineItem) MarshalJSON() ([]byte, error) {
	if err := checkJSON("budget.LineItem.MarshalJSON", namedDecimal{li.field("Planned"), li.Planned}, namedDecimal{li.field("Actual"), li.Actual}); err != nil {
		return nil, err
	}
	return json.Marshal(itemJSON{Name: li.Name, Category: li.Category, Planned: li.Planned.String(), Actual: li.Actual.String()})
}

// MarshalJSON encodes the totals with amounts as strings.
func (c CategoryTotal) MarshalJSON() ([]byte, error) {
	if err := checkJSON("budget.CategoryTotal.MarshalJSON", namedDecimal{"Planned", c.Planned}, namedDecimal{"Actual", c.Actual}); err != nil {
		return nil, err
	}
	return json.Marshal(struct {
		Category Category `json:"category"`
		Planned  string   `json:"planned"`
		Actual   string   `json:"actual"`
	}{c.Category, c.Planned.String(), c.Actual.String()})
}

// MarshalJSON encodes the burn with its values as strings.
func (b Burn) MarshalJSON() ([]byte, error) {
	if err := checkJSON("budget.Burn.MarshalJSON", namedDecimal{"Elapsed", b.Elapsed}, namedDecimal{"Spent", b.Spent},
		namedDecimal{"PerDay", b.PerDay}, namedDecimal{"Pace", b.Pace}, namedDecimal{"Projected", b.Projected}); err != nil {
		return nil, err
	}
	return json.Marshal(struct {
		Elapsed   string `json:"elapsed"`
		Spent     string `json:"spent"`
		PerDay    string `json:"per_day"`
		Pace      string `json:"pace"`
		Projected string `json:"projected"`
	}{b.Elapsed.String(), b.Spent.String(), b.PerDay.String(), b.Pace.String(), b.Projected.String()})
}
