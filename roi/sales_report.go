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
	grossAcc := make([]moneyAcc, len(tracking)+1) // the last one: unattributed
	netAcc := make([]moneyAcc, len(tracking)+1)
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
		cs.add(&grossAcc[k], c.grossU, c.gross)
		cs.add(&netAcc[k], c.netU, c.net)
	}
	gross, net := make([]decimal.Decimal, len(grossAcc)), make([]decimal.Decimal, len(netAcc))
	for k := range gross {
		gross[k], net[k] = cs.sum(&grossAcc[k]), cs.sum(&netAcc[k])
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
	vals := make([][]moneyAcc, n+1)
	out := make([][]CohortValue, n+1)
	for k := range out {
		vals[k] = make([]moneyAcc, len(days))
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
					cs.add(&vals[k][j], c.netU, c.net)
				}
			}
		}
	}
	for k := range out {
		for j := range days {
			cv, v := &out[k][j], cs.sum(&vals[k][j])
			cv.Value = cs.money(v)
			if cv.Customers > 0 {
				cv.Mean = &budget.Money{Amount: exact.Div(v, decimal.NewFromInt(cv.Customers)), Currency: cs.currency}
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

// moneyAcc accumulates amounts exactly: in units of 10^credited.exp in 128
// bits when credited.fast, else as a decimal.
type moneyAcc struct {
	s exact.Sum128
	d decimal.Decimal
}

// add adds an amount v (units of 10^exp).
func (cs *credited) add(a *moneyAcc, units int64, v decimal.Decimal) {
	if cs.fast {
		a.s.Add(units)
	} else {
		a.d = a.d.Add(v)
	}
}

// sum returns the accumulated amount.
func (cs *credited) sum(a *moneyAcc) decimal.Decimal {
	if cs.fast {
		return a.s.Decimal().Shift(cs.exp)
	}
	return a.d
}

// scale sets exp to the smallest exponent of the grosses and nets and, when
// every one is an int64 number of units of 10^exp, their units and fast.
func (cs *credited) scale() {
	cs.exp = 0
	for _, c := range cs.sales {
		for _, v := range [2]decimal.Decimal{c.gross, c.net} {
			if !v.IsZero() {
				cs.exp = min(cs.exp, v.Exponent())
			}
		}
	}
	cs.fast = cs.exp >= -40 // beyond, the units need more than 40 digits anyway
	for i := range cs.sales {
		c := &cs.sales[i]
		for _, x := range [2]struct {
			v   decimal.Decimal
			dst *int64
		}{{c.gross, &c.grossU}, {c.net, &c.netU}} {
			if !cs.fast || x.v.IsZero() {
				continue
			}
			if x.v.Exponent()-cs.exp > 18 {
				cs.fast = false
				continue
			}
			u := x.v.Shift(-cs.exp)
			if !u.BigInt().IsInt64() {
				cs.fast = false
				continue
			}
			*x.dst = u.IntPart()
		}
	}
}
