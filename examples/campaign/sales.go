package main

import (
	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/roi"
	"github.com/shopspring/decimal"
)

// Sales is section 6's view of roi.CreditSales and roi.BootstrapSales: the
// same figures, with the amounts as Amounts (a CAC has 16 places, finer
// than the currency's minor unit, which budget.Money's UnmarshalJSON
// refuses).
type Sales struct {
	Creators     []SalesRow            `json:"creators"` // sorted by creator
	Total        SalesRow              `json:"total"`    // every order before the report date (creator "")
	Unattributed roi.SalesUnattributed `json:"unattributed"`
	AfterAsOf    int64                 `json:"after_as_of"` // orders at or after the report date, left out
	Confidence   decimal.Decimal       `json:"confidence"`  // of the intervals, 0.95
	Resamples    int                   `json:"resamples"`
}

// SalesRow is one creator's roi.CreatorSales with its intervals (nil for
// the total).
type SalesRow struct {
	Influencer   string           `json:"influencer"`
	Orders       int64            `json:"orders"` // placed before the report date, cancelled ones included
	ByCode       int64            `json:"by_code"`
	ByLink       int64            `json:"by_link"`
	Cancelled    int64            `json:"cancelled"`
	Gross        Amount           `json:"gross"`
	Refunded     Amount           `json:"refunded"` // refunds before the report date and cancelled orders
	Net          Amount           `json:"net"`      // gross − refunded
	NewCustomers int64            `json:"new_customers"`
	Returning    int64            `json:"returning"`
	NoCustomer   int64            `json:"no_customer"`
	Cost         *Amount          `json:"cost"`
	CAC          *Amount          `json:"cac"`  // cost / new customers, 16 places
	ROAS         *decimal.Decimal `json:"roas"` // net / cost, 16 places
	NetLow       *Amount          `json:"net_low"`
	NetHigh      *Amount          `json:"net_high"`
	ROASInterval *roi.Interval    `json:"roas_interval"`
	Cohorts      []CohortRow      `json:"cohorts"`
}

// CohortRow is roi.CohortValue with Amounts.
type CohortRow struct {
	Days      int     `json:"days"`
	Customers int64   `json:"customers"` // new customers whose window closed by the report date
	Open      int64   `json:"open"`      // still open: not counted in Value
	Value     Amount  `json:"value"`
	Mean      *Amount `json:"mean"` // value / customers; nil without customers
}

// salesView turns the roi results into the report's Sales.
func salesView(sr roi.SalesReport, iv roi.SalesBootstrap) *Sales {
	s := &Sales{Creators: []SalesRow{}, Total: salesRow(sr.Total), Unattributed: sr.Unattributed,
		AfterAsOf: sr.AfterAsOf, Confidence: iv.Confidence, Resamples: iv.Resamples}
	for _, c := range sr.Creators {
		row := salesRow(c)
		for _, x := range iv.Creators {
			if x.Influencer == c.Influencer {
				lo, hi := Amount{x.Net.Low}, Amount{x.Net.High}
				row.NetLow, row.NetHigh, row.ROASInterval = &lo, &hi, x.ROAS
			}
		}
		s.Creators = append(s.Creators, row)
	}
	return s
}

// salesRow copies c, its amounts as Amounts.
func salesRow(c roi.CreatorSales) SalesRow {
	opt := func(m *budget.Money) *Amount {
		if m == nil {
			return nil
		}
		return &Amount{*m}
	}
	r := SalesRow{Influencer: c.Influencer, Orders: c.Orders, ByCode: c.ByCode, ByLink: c.ByLink, Cancelled: c.Cancelled,
		Gross: Amount{c.Gross}, Refunded: Amount{c.Refunded}, Net: Amount{c.Net},
		NewCustomers: c.NewCustomers, Returning: c.Returning, NoCustomer: c.NoCustomer,
		Cost: opt(c.Cost), CAC: opt(c.CAC), ROAS: c.ROAS, Cohorts: []CohortRow{}}
	for _, v := range c.Cohorts {
		r.Cohorts = append(r.Cohorts, CohortRow{Days: v.Days, Customers: v.Customers, Open: v.Open, Value: Amount{v.Value}, Mean: opt(v.Mean)})
	}
	return r
}
