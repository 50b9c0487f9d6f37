package collab

import (
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
)

// Payment is one scheduled instalment of a deliverable's fee.
type Payment struct {
	Deliverable string  `json:"deliverable"`
	Creator     string  `json:"creator"`
	Milestone   int     `json:"milestone"` // index into Terms (0 for the default term)
	On          Trigger `json:"on"`
	NetDays     int     `json:"net_days"`
	// Amount is the milestone's share of the fee, split with budget.Split
	// at the currency's minor unit (largest remainder: the instalments sum
	// to the fee exactly).
	Amount budget.Money `json:"amount"`
	// Due is the trigger's time plus NetDays days; zero while the trigger
	// has not happened (PaymentPending), and then absent from JSON.
	Due time.Time `json:"due,omitzero"`
	// Paid is what was paid toward it before asof.
	Paid  budget.Money `json:"paid"`
	State PaymentState `json:"state"`
	// DaysOverdue is ⌊(asof − Due) / 24 h⌋ + 1 when PaymentOverdue, else 0.
	DaysOverdue int `json:"days_overdue"`
}

// Payout is money paid to a creator toward a deliverable's fee.
type Payout struct {
	Deliverable string       `json:"deliverable"`
	Amount      budget.Money `json:"amount"`
	At          time.Time    `json:"at"`
}

// Payments returns the payment schedule of every deliverable as of asof,
// deliverable by deliverable in the order of ds, milestones in order.
//
// An OnSigning milestone is due NetDays days after Booked; an OnPublish
// one NetDays days after the delivery (Status.DeliveredAt, from events as
// Statuses reads them); until then it is PaymentPending, and it stays so
// for a deliverable cancelled before delivery (a kill fee is a milestone
// of its own, OnSigning). Payouts made before asof are applied in time
// order (ties in input order) to the deliverable's instalments in
// milestone order, filling each before the next.
//
// Errors: a zero asof (ErrInvalid); those of Statuses; a payout naming no deliverable, with a zero
// time (ErrInvalid) or a negative amount (ErrNegative); a payout in
// another currency than the fee (*budget.MismatchError); payouts beyond
// the whole fee (ErrInvalid: an overpayment is not silently absorbed). A
// payout's amount beyond MaxExponent or MaxDigits, or its time outside
// MinYear…MaxYear, is ErrTooLarge.
func Payments(ds []Deliverable, events []Event, payouts []Payout, asof time.Time) ([]Payment, error) {
	const fn = "collab.Payments"
	if asof.IsZero() {
		return nil, errs.New(ErrInvalid, fn, "asof", "zero time: nothing would be due yet", errs.None)
	}
	if err := checkPayouts(fn, payouts); err != nil {
		return nil, err
	}
	sts, err := Statuses(ds, events, asof)
	if err != nil {
		return nil, err
	}
	out := make([][]Payment, len(ds))
	for i := range ds {
		if out[i], err = schedule(fn, i, &ds[i], sts[i], asof); err != nil {
			return nil, err
		}
	}
	if err := applyPayouts(fn, ds, out, payouts, asof); err != nil {
		return nil, err
	}
	var flat []Payment
	for _, ps := range out {
		for k := range ps {
			settle(&ps[k], asof)
		}
		flat = append(flat, ps...)
	}
	return flat, nil
}

func schedule(fn string, i int, d *Deliverable, st Status, asof time.Time) ([]Payment, error) {
	terms := d.terms()
	shares := make([]decimal.Decimal, len(terms))
	for k, m := range terms {
		shares[k] = m.Share
	}
	parts, err := budget.Split(d.Fee.Amount, shares, d.Fee.Currency.MinorUnits())
	if err != nil {
		return nil, errs.New(ErrInvalid, fn, "ds["+strconv.Itoa(i)+"].fee", "cannot split: "+err.Error(), d.Fee.Amount)
	}
	ps := make([]Payment, len(terms))
	for k, m := range terms {
		p := Payment{Deliverable: d.ID, Creator: d.Creator, Milestone: k, On: m.On, NetDays: m.NetDays,
			Amount: budget.Money{Amount: parts[k], Currency: d.Fee.Currency},
			Paid:   budget.Money{Amount: decimal.Zero, Currency: d.Fee.Currency}}
		from := d.Booked
		if m.On == OnPublish {
			from = st.DeliveredAt
		}
		if !from.IsZero() && from.Before(asof) {
			p.Due = from.AddDate(0, 0, m.NetDays)
		}
		ps[k] = p
	}
	return ps, nil
}

func applyPayouts(fn string, ds []Deliverable, out [][]Payment, payouts []Payout, asof time.Time) error {
	idx := make(map[string]int, len(ds))
	for i := range ds {
		idx[ds[i].ID] = i
	}
	order := make([]int, 0, len(payouts))
	for i := range payouts {
		p := &payouts[i]
		at := "payouts[" + strconv.Itoa(i) + "]."
		d, ok := idx[p.Deliverable]
		switch {
		case !ok:
			return errs.New(ErrInvalid, fn, at+"deliverable", "no such deliverable", p.Deliverable)
		case p.At.IsZero():
			return errs.New(ErrInvalid, fn, at+"at", "zero time", errs.None)
		case p.Amount.Amount.Sign() < 0:
			return errs.New(ErrNegative, fn, at+"amount", "negative", p.Amount.Amount)
		case p.Amount.Currency != ds[d].Fee.Currency:
			return &budget.MismatchError{Func: fn, Field: at + "amount", Left: ds[d].Fee.Currency, Right: p.Amount.Currency}
		}
		if p.At.Before(asof) {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return payouts[a].At.Compare(payouts[b].At) })
	unpaid := make([]int, len(ds)) // per deliverable, its first instalment not paid in full
	for _, i := range order {
		left := payouts[i].Amount.Amount
		d := idx[payouts[i].Deliverable]
		ps := out[d]
		for k := unpaid[d]; k < len(ps) && left.Sign() > 0; k++ {
			owe := ps[k].Amount.Amount.Sub(ps[k].Paid.Amount)
			take := decimal.Min(owe, left)
			ps[k].Paid.Amount = ps[k].Paid.Amount.Add(take)
			left = left.Sub(take)
			if take.Equal(owe) {
				unpaid[d] = k + 1
			}
		}
		if left.Sign() > 0 {
			return errs.New(ErrInvalid, fn, "payouts["+strconv.Itoa(i)+"].amount",
				"paid beyond the fee of "+plain(payouts[i].Deliverable)+" by "+errs.Format(left), payouts[i].Amount.Amount)
		}
	}
	return nil
}

func settle(p *Payment, asof time.Time) {
	switch {
	case p.Paid.Amount.Equal(p.Amount.Amount):
		p.State = PaymentPaid
	case p.Due.IsZero():
		p.State = PaymentPending
	case asof.Before(p.Due):
		p.State = PaymentDue
	default:
		p.State, p.DaysOverdue = PaymentOverdue, daysLate(asof, p.Due)
	}
}

// RecordPayouts returns plan with every payout made before asof recorded
// as actual spend of the line item named item (budget.Plan.Record), so the
// plan's actuals follow what was paid. Payouts at or after asof are left
// out. Errors: a zero asof, a payout with a zero time (ErrInvalid), an
// amount beyond MaxExponent or MaxDigits or a time outside
// MinYear…MaxYear (ErrTooLarge), all checked first; then budget's: an
// unknown item, a currency other than the plan's (*budget.MismatchError),
// an amount the item cannot take.
func RecordPayouts(plan budget.Plan, item string, payouts []Payout, asof time.Time) (budget.Plan, error) {
	const fn = "collab.RecordPayouts"
	if asof.IsZero() {
		return plan, errs.New(ErrInvalid, fn, "asof", "zero time: nothing would be paid yet", errs.None)
	}
	if err := checkPayouts(fn, payouts); err != nil {
		return plan, err
	}
	for _, p := range payouts {
		if !p.At.Before(asof) {
			continue
		}
		var err error
		if plan, err = plan.Record(item, p.Amount); err != nil {
			return plan, err
		}
	}
	return plan, nil
}

// checkPayouts refuses, before any work, a payout with a zero time
// (ErrInvalid), a time outside MinYear…MaxYear or an amount beyond the
// decimal limits (ErrTooLarge).
func checkPayouts(fn string, payouts []Payout) error {
	for i := range payouts {
		p := &payouts[i]
		if limit.Decimal(fn, "", p.Amount.Amount) != nil {
			return limit.Decimal(fn, errs.Index("payouts", i)+".amount", p.Amount.Amount)
		}
		if p.At.IsZero() {
			return errs.New(ErrInvalid, fn, errs.Index("payouts", i)+".at", "zero time", errs.None)
		}
		if !inYears(p.At) {
			return checkTime(fn, errs.Index("payouts", i)+".at", p.At)
		}
	}
	return nil
}
