package main

import (
	"fmt"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/shopspring/decimal"
)

// SpendWeek is one week of the spend ledger: what was spent in it, the
// total so far at its end, and where a straight line from 0 at the start
// to the whole budget at the end stands then (budget × days elapsed /
// days of the campaign, exact to 16 places).
type SpendWeek struct {
	Week       string    `json:"week"` // ISO week, "2026-W14"
	Start      time.Time `json:"start"`
	Spent      Amount    `json:"spent"`
	Cumulative Amount    `json:"cumulative"`
	Straight   Amount    `json:"straight_line"`
}

// spendByWeek sums the ledger by week from the campaign's start to the
// report date (the last week may be cut short by it); an expense outside
// the campaign counts in its first or last week.
func spendByWeek(spend []expense, total decimal.Decimal, b brief, cur budget.Currency) []SpendWeek {
	days := decimal.NewFromInt(int64(b.End.Sub(b.Start).Hours() / 24))
	var out []SpendWeek
	for start := b.Start; start.Before(b.AsOf); start = start.AddDate(0, 0, 7) {
		end := start.AddDate(0, 0, 7)
		if end.After(b.AsOf) {
			end = b.AsOf
		}
		y, w := start.ISOWeek()
		out = append(out, SpendWeek{Week: fmt.Sprintf("%d-W%02d", y, w), Start: start, Spent: amountIn(decimal.Zero, cur),
			Straight: amountIn(ratio(total.Mul(decimal.NewFromInt(int64(end.Sub(b.Start).Hours()/24))), days), cur)})
	}
	if len(out) == 0 {
		return []SpendWeek{}
	}
	for _, e := range spend {
		i := int(e.Date.Sub(b.Start).Hours() / 24 / 7)
		i = max(0, min(i, len(out)-1))
		out[i].Spent.Amount = out[i].Spent.Amount.Add(e.Amount)
	}
	sum := decimal.Zero
	for i := range out {
		sum = sum.Add(out[i].Spent.Amount)
		out[i].Cumulative = amountIn(sum, cur)
	}
	return out
}
