package budget

import (
	"encoding/json"
	"errors"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// The JSON of the package's result types: lowercase snake_case keys,
// decimals as strings whatever the decimal package's global
// MarshalJSONWithoutQuotes says, money with exactly its currency's minor
// digits (1053 EUR is "1053.00"), enums by their text. Each type decodes
// with encoding/json's default rules (decimal.Decimal reads the strings).
// Every amount of money in a result (Quote, Allocation, Burn, Plan,
// CategoryTotal) is a
// money object as Money writes it, {"amount":"1053.00","currency":"EUR"};
// those types read it back with their UnmarshalJSON.
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

// quoteLineJSON is a Quote's line on the wire: the running amount a money
// object in the quote's currency.
type quoteLineJSON struct {
	Label  string    `json:"label"`
	Factor string    `json:"factor"`
	Amount wireMoney `json:"amount"`
}

// quoteJSON is Quote's wire form.
type quoteJSON struct {
	Currency Currency        `json:"currency"`
	Low      wireMoney       `json:"low"`
	Expected wireMoney       `json:"expected"`
	High     wireMoney       `json:"high"`
	Lines    []quoteLineJSON `json:"lines"`
}

// MarshalJSON encodes the quote as
//
//	{"currency":"EUR","low":{"amount":"1053.00","currency":"EUR"},"expected":{…},"high":{…},
//	 "lines":[{"label":"base (micro tier)","factor":"500","amount":{"amount":"500.00","currency":"EUR"}},…]}
//
// every amount a money object with the currency's minor digits (a running
// amount finer than them with all its digits), each factor a decimal
// string.
func (q Quote) MarshalJSON() ([]byte, error) {
	const fn = "budget.Quote.MarshalJSON"
	if err := checkJSON(fn, namedDecimal{"Low", q.Low}, namedDecimal{"Expected", q.Expected}, namedDecimal{"High", q.High}); err != nil {
		return nil, err
	}
	w := quoteJSON{Currency: q.Currency, Low: wireMoney{q.Low, q.Currency}, Expected: wireMoney{q.Expected, q.Currency},
		High: wireMoney{q.High, q.Currency}, Lines: make([]quoteLineJSON, len(q.Lines))}
	for i, l := range q.Lines {
		f := errs.Index("Lines", i) + "."
		if err := checkJSON(fn, namedDecimal{f + "Factor", l.Factor}, namedDecimal{f + "Amount", l.Amount}); err != nil {
			return nil, err
		}
		w.Lines[i] = quoteLineJSON{Label: l.Label, Factor: l.Factor.String(), Amount: wireMoney{l.Amount, q.Currency}}
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON writes (amounts exactly, whatever
// their digits). On error q keeps its value.
func (q *Quote) UnmarshalJSON(b []byte) error {
	const fn = "budget.Quote.UnmarshalJSON"
	var w quoteJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return wireErr(fn, err)
	}
	v := Quote{Currency: w.Currency, Low: w.Low.Amount, Expected: w.Expected.Amount, High: w.High.Amount, Lines: make([]Line, len(w.Lines))}
	for i, l := range w.Lines {
		f, err := parseAmount(fn, errs.Index("lines", i)+".factor", l.Factor, true)
		if err != nil {
			return err
		}
		v.Lines[i] = Line{Label: l.Label, Factor: f, Amount: l.Amount.Amount}
	}
	*q = v
	return nil
}

type channelResultJSON struct {
	Name     string    `json:"name"`
	Spend    wireMoney `json:"spend"`
	Response string    `json:"response"`
	Average  string    `json:"average"`
	Marginal string    `json:"marginal"`
}

// allocationJSON is Allocation's wire form.
type allocationJSON struct {
	Currency Currency            `json:"currency"`
	Total    wireMoney           `json:"total"`
	Response string              `json:"response"`
	Method   Method              `json:"method"`
	Channels []channelResultJSON `json:"channels"`
}

// MarshalJSON encodes the allocation as
//
//	{"currency":"EUR","total":{"amount":"100.00","currency":"EUR"},"response":"…","method":"water-filling",
//	 "channels":[{"name":"a","spend":{"amount":"40.00","currency":"EUR"},"response":"…","average":"…","marginal":"…"}]}
//
// with spends money objects in the currency's minor digits and responses
// and returns decimal strings as computed (16 places at most).
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
		chans[i] = channelResultJSON{Name: c.Name, Spend: wireMoney{c.Spend, a.Currency},
			Response: c.Response.String(), Average: c.Average.String(), Marginal: c.Marginal.String()}
	}
	if _, err := a.Method.MarshalText(); err != nil {
		return nil, err
	}
	return json.Marshal(allocationJSON{a.Currency, wireMoney{a.Total, a.Currency}, a.Response.String(), a.Method, chans})
}

// UnmarshalJSON reads what MarshalJSON writes. On error a keeps its value.
func (a *Allocation) UnmarshalJSON(b []byte) error {
	const fn = "budget.Allocation.UnmarshalJSON"
	var w allocationJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return wireErr(fn, err)
	}
	v := Allocation{Currency: w.Currency, Total: w.Total.Amount, Method: w.Method, Channels: make([]ChannelResult, len(w.Channels))}
	var err error
	if v.Response, err = parseAmount(fn, "response", w.Response, true); err != nil {
		return err
	}
	for i, c := range w.Channels {
		r := ChannelResult{Name: c.Name, Spend: c.Spend.Amount}
		f := errs.Index("channels", i) + "."
		for _, x := range [...]struct {
			name string
			text string
			dst  *decimal.Decimal
		}{{"response", c.Response, &r.Response}, {"average", c.Average, &r.Average}, {"marginal", c.Marginal, &r.Marginal}} {
			if *x.dst, err = parseAmount(fn, f+x.name, x.text, true); err != nil {
				return err
			}
		}
		v.Channels[i] = r
	}
	*a = v
	return nil
}

// MarshalJSON encodes the item with its amounts as strings:
// {"name":…,"category":…,"planned":"600.00","actual":"0"}. A LineItem has
// no currency of its own (it is AddItem's input too, and a currency there
// could contradict the plan's): a Plan writes its items with money objects
// in the plan's currency.
func (li LineItem) MarshalJSON() ([]byte, error) {
	if err := checkJSON("budget.LineItem.MarshalJSON", namedDecimal{li.field("Planned"), li.Planned}, namedDecimal{li.field("Actual"), li.Actual}); err != nil {
		return nil, err
	}
	return json.Marshal(struct {
		Name     string   `json:"name"`
		Category Category `json:"category"`
		Planned  string   `json:"planned"`
		Actual   string   `json:"actual"`
	}{li.Name, li.Category, li.Planned.String(), li.Actual.String()})
}

// MarshalJSON encodes the totals with amounts as money objects in
// Currency: {"category":"tools","planned":{"amount":"500.00","currency":"EUR"},"actual":{…}}.
func (c CategoryTotal) MarshalJSON() ([]byte, error) {
	if err := checkJSON("budget.CategoryTotal.MarshalJSON", namedDecimal{"Planned", c.Planned}, namedDecimal{"Actual", c.Actual}); err != nil {
		return nil, err
	}
	return json.Marshal(struct {
		Category Category  `json:"category"`
		Planned  wireMoney `json:"planned"`
		Actual   wireMoney `json:"actual"`
	}{c.Category, wireMoney{c.Planned, c.Currency}, wireMoney{c.Actual, c.Currency}})
}

// MarshalJSON encodes the burn with its fractions (elapsed, spent, pace)
// as decimal strings and its amounts (per_day, projected) as money objects
// in Currency:
// {"elapsed":"0.5","spent":"0.25","per_day":{"amount":"33.33","currency":"EUR"},"pace":"0.5","projected":{…}}.
func (b Burn) MarshalJSON() ([]byte, error) {
	if err := checkJSON("budget.Burn.MarshalJSON", namedDecimal{"Elapsed", b.Elapsed}, namedDecimal{"Spent", b.Spent},
		namedDecimal{"PerDay", b.PerDay}, namedDecimal{"Pace", b.Pace}, namedDecimal{"Projected", b.Projected}); err != nil {
		return nil, err
	}
	return json.Marshal(burnJSON{b.Elapsed.String(), b.Spent.String(), wireMoney{b.PerDay, b.Currency}, b.Pace.String(), wireMoney{b.Projected, b.Currency}})
}

// burnJSON is Burn's wire form.
type burnJSON struct {
	Elapsed   string    `json:"elapsed"`
	Spent     string    `json:"spent"`
	PerDay    wireMoney `json:"per_day"`
	Pace      string    `json:"pace"`
	Projected wireMoney `json:"projected"`
}

// UnmarshalJSON reads what MarshalJSON writes. On error b keeps its value.
func (b *Burn) UnmarshalJSON(data []byte) error {
	const fn = "budget.Burn.UnmarshalJSON"
	var w burnJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return wireErr(fn, err)
	}
	v := Burn{PerDay: w.PerDay.Amount, Projected: w.Projected.Amount, Currency: w.PerDay.Currency}
	var err error
	for _, x := range [...]struct {
		name, text string
		dst        *decimal.Decimal
	}{{"elapsed", w.Elapsed, &v.Elapsed}, {"spent", w.Spent, &v.Spent}, {"pace", w.Pace, &v.Pace}} {
		if *x.dst, err = parseAmount(fn, x.name, x.text, true); err != nil {
			return err
		}
	}
	*b = v
	return nil
}

// wireMoney is an amount in a currency on the wire: written by Money's
// MarshalJSON, {"amount":"12.30","currency":"EUR"}; read back exactly,
// whatever its digits (a running amount or a projection may be finer than
// the minor unit, which Money.UnmarshalJSON refuses), within
// MaxAmountText and the exponent range of parseAmount.
type wireMoney struct {
	Amount   decimal.Decimal
	Currency Currency
}

func (w wireMoney) MarshalJSON() ([]byte, error) { return Money(w).MarshalJSON() }

func (w *wireMoney) UnmarshalJSON(b []byte) error {
	const fn = "budget.Money.UnmarshalJSON"
	var j struct {
		Amount   string   `json:"amount"`
		Currency Currency `json:"currency"`
	}
	if err := json.Unmarshal(b, &j); err != nil {
		return wireErr(fn, err)
	}
	d, err := parseAmount(fn, "amount", j.Amount, true)
	if err != nil {
		return err
	}
	*w = wireMoney{d, j.Currency}
	return nil
}

// wireErr is err of json.Unmarshal in fn: kept when it is already one of
// the package's (from a nested UnmarshalJSON), else ErrSyntax.
func wireErr(fn string, err error) error {
	var e *errs.Error
	if errors.As(err, &e) {
		return err
	}
	return errs.New(ErrSyntax, fn, "", "not the JSON MarshalJSON writes: "+err.Error(), errs.None)
}
