package main

import (
	"encoding/json"

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
