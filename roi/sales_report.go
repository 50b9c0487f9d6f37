package roi

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/shopspring/decimal"
)

// report builds the SalesReport of the credited sales.
func (cs *credited) report(tracking []Tracking) SalesReport {
	rep := SalesReport{AsOf: cs.cfg.AsOf, Currency: cs.currency, AfterAsOf: cs.afterAsOf}
	gross := make([]decimal.Decimal, len(tracking)+1) // the last one: unattributed
	net := make([]decimal.Decimal, len(tracking)+1)
	rep.Creators = make([]CreatorSales, len(tracking))
	for i, tr := range tracking {
		rep.Creators[i] = CreatorSales{Influencer: tr.Influencer, Cost: cs.costs[i]}
	}
	un := &rep.Unattributed
	for _, c := range cs.sales {
		k := c.who
		if k < 0 {
			k = len(tracking)
			un.Orders++
			*[...]*int64{&un.NoCode, &un.UnknownCode, &un.CodeOutsideWindow, &un.ClickOutsideWindow}[c.reason]++
		} else {
			rep.Creators[k].add(c)
		}
		rep.Total.add(c)
		gross[k] = gross[k].Add(c.gross)
		net[k] = net[k].Add(c.net)
	}
	cohorts := cs.cohorts(len(tracking))
	var totGross, totNet decimal.Decimal
	for i := range rep.Creators {
		cr := &rep.Creators[i]
		cr.Gross, cr.Net, cr.Refunded = cs.money(gross[i]), cs.money(net[i]), cs.money(gross[i].Sub(net[i]))
		cr.Cohorts = cohorts[i]
		cr.ratios()
		totGross, totNet = totGross.Add(gross[i]), totNet.Add(net[i])
	}
	u := len(tracking)
	un.Gross, un.Net = cs.money(gross[u]), cs.money(net[u])
	totGross, totNet = totGross.Add(gross[u]), totNet.Add(net[u])
	rep.Total.Gross, rep.Total.Net, rep.Total.Refunded = cs.money(totGross), cs.money(totNet), cs.money(totGross.Sub(totNet))
	rep.Total.Cost = cs.totalCost()
	rep.Total.Cohorts = cohorts[u]
	rep.Total.ratios()
	sortCreators(rep.Creators)
	return rep
}

// add counts one credited (or, for Total, any) sale.
func (s *CreatorSales) add(c creditedSale) {
	s.Orders++
	if c.who >= 0 {
		if c.byCode {
			s.ByCode++
		} else {
			s.ByLink++
		}
	}
	if c.canceled {
		s.Cancelled++
	}
	switch {
	case c.customer < 0:
		s.NoCustomer++
	case c.first:
		s.NewCustomers++
	case !c.canceled:
		s.Returning++
	}
}

// totalCost sums the costs, nil without any.
func (cs *credited) totalCost() *budget.Money {
	var sum []decimal.Decimal
	for _, c := range cs.costs {
		if c != nil {
			sum = append(sum, c.Amount)
		}
	}
	if len(sum) == 0 {
		return nil
	}
	return &budget.Money{Amount: decimal.Sum(decimal.Zero, sum...), Currency: cs.currency}
}

// cohorts returns each creator's cohort values (index len(tracking): all
// new customers, for Total). A customer's window for d days is [first,
// first + d days); it is complete when first + d days ≤ AsOf.
func (cs *credited) cohorts(n int) [][]CohortValue {
	days := cs.cfg.cohortDays()
	vals := make([][]decimal.Decimal, n+1)
	out := make([][]CohortValue, n+1)
	for k := range out {
		vals[k] = make([]decimal.Decimal, len(days))
		out[k] = make([]CohortValue, len(days))
		for j, d := range days {
			out[k][j].Days = d
		}
	}
	span := func(d int) time.Duration { return time.Duration(d) * 24 * time.Hour } // d ≤ 36,500: fits
	for _, f := range cs.firstOf {
		if f < 0 {
			continue
		}
		first := cs.sales[f]
		for j, d := range days {
			complete := !first.at.Add(span(d)).After(cs.cfg.AsOf)
			for _, k := range [2]int{first.who, n} {
				if k < 0 {
					continue
				}
				if complete {
					out[k][j].Customers++
				} else {
					out[k][j].Open++
				}
			}
		}
	}
	for _, c := range cs.sales {
		if c.customer < 0 || cs.firstOf[c.customer] < 0 {
			continue
		}
		first := cs.sales[cs.firstOf[c.customer]]
		off := c.at.Sub(first.at)
		for j, d := range days {
			if off < 0 || off >= span(d) || first.at.Add(span(d)).After(cs.cfg.AsOf) {
				continue
			}
			for _, k := range [2]int{first.who, n} {
				if k >= 0 {
					vals[k][j] = vals[k][j].Add(c.net)
				}
			}
		}
	}
	for k := range out {
		for j := range days {
			cv := &out[k][j]
			cv.Value = cs.money(vals[k][j])
			if cv.Customers > 0 {
				cv.Mean = &budget.Money{Amount: exact.Div(vals[k][j], decimal.NewFromInt(cv.Customers)), Currency: cs.currency}
			}
		}
	}
	return out
}

// hashEmail is HashEmail.
func hashEmail(email string) string {
	e := strings.ToLower(strings.TrimSpace(email))
	if e == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(e))
	return "sha256:" + hex.EncodeToString(sum[:])
}
