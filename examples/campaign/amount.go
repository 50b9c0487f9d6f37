package main

import (
	"encoding/json"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/shopspring/decimal"
)

// Amount is an amount of money in the report's currency: a budget.Money in
// Go, and in JSON what budget.Money's MarshalJSON writes,
// {"amount":"12.30","currency":"EUR"}, with the currency's minor digits
// (every digit of an amount finer than them, such as an expected revenue
// of 16 places). UnmarshalJSON reads it back exactly, whatever its digits
// (budget.Money's refuses an amount finer than the minor unit).
type Amount struct{ budget.Money }

// amountIn is d in cur.
func amountIn(d decimal.Decimal, cur budget.Currency) Amount {
	return Amount{budget.Money{Amount: d, Currency: cur}}
}

// UnmarshalJSON reads {"amount":"…","currency":"…"} exactly.
func (a *Amount) UnmarshalJSON(b []byte) error {
	var w struct {
		Amount   decimal.Decimal `json:"amount"`
		Currency budget.Currency `json:"currency"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*a = amountIn(w.Amount, w.Currency)
	return nil
}

// Credit is a channel's roi.Credit under one model, its value (the
// journeys' order revenue) an Amount in the report's currency.
type Credit struct {
	Conversions decimal.Decimal `json:"conversions"`
	Value       Amount          `json:"value"`
}

// goalJSON is GoalStatus's wire form: goal, achieved and
// expected_by_report_date are money objects for a goal in money, decimal
// strings for a count or a ratio.
type goalJSON struct {
	Metric   string          `json:"metric"`
	Unit     string          `json:"unit"`
	Goal     json.RawMessage `json:"goal"`
	Deadline time.Time       `json:"deadline"`
	Achieved json.RawMessage `json:"achieved"`
	Fraction decimal.Decimal `json:"fraction"`
	Met      bool            `json:"met"`
	Expected json.RawMessage `json:"expected_by_report_date"`
	OnTrack  bool            `json:"on_track"`
	Why      string          `json:"why"`
}

// MarshalJSON writes the goal with its amounts as money objects when Unit
// is "money" ({"amount":"45000.00","currency":"EUR"}).
func (g GoalStatus) MarshalJSON() ([]byte, error) {
	w := goalJSON{Metric: g.Metric, Unit: g.Unit, Deadline: g.Deadline, Fraction: g.Fraction, Met: g.Met, OnTrack: g.OnTrack, Why: g.Why}
	for _, x := range [...]struct {
		dst *json.RawMessage
		v   decimal.Decimal
	}{{&w.Goal, g.Goal}, {&w.Achieved, g.Achieved}, {&w.Expected, g.Expected}} {
		var v any = x.v
		if g.Unit == "money" {
			v = amountIn(x.v, g.Currency)
		}
		b, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		*x.dst = b
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (g *GoalStatus) UnmarshalJSON(b []byte) error {
	var w goalJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	v := GoalStatus{Metric: w.Metric, Unit: w.Unit, Deadline: w.Deadline, Fraction: w.Fraction, Met: w.Met, OnTrack: w.OnTrack, Why: w.Why}
	for _, x := range [...]struct {
		src json.RawMessage
		dst *decimal.Decimal
	}{{w.Goal, &v.Goal}, {w.Achieved, &v.Achieved}, {w.Expected, &v.Expected}} {
		if w.Unit != "money" {
			if err := json.Unmarshal(x.src, x.dst); err != nil {
				return err
			}
			continue
		}
		var a Amount
		if err := json.Unmarshal(x.src, &a); err != nil {
			return err
		}
		*x.dst, v.Currency = a.Amount, a.Currency
	}
	*g = v
	return nil
}
