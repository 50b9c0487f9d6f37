package collab

import (
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/influencekit/influencekit/kpi"
)

// Deliverable is what one creator owes under one booking: Count pieces of
// one Kind on one Platform, due before Due, carrying what the Brief
// requires, for a Fee paid as Terms say.
//
// Times are instants; every range is half-open [start, end). The zero
// value of each optional field is its documented default.
type Deliverable struct {
	ID       string       `json:"id"`      // unique among the deliverables passed together
	Creator  string       `json:"creator"` // the creator's handle, as in kpi.Post.Creator
	Platform kpi.Platform `json:"platform"`
	Kind     Kind         `json:"kind"`
	// Count is how many pieces are owed; 0 means 1.
	Count int `json:"count"`

	// Booked is when the deal was signed: up-front milestones count their
	// days from it. Zero means the deal has no up-front milestone.
	Booked time.Time `json:"booked,omitzero"`
	// Due is the deadline (exclusive): a piece published before Due is on
	// time. Required.
	Due time.Time `json:"due"`
	// Window is when a published post can count for this deliverable in
	// MatchPosts; a zero Start or End is unbounded on that side.
	Window Window `json:"window"`

	// Brief is what every piece's caption must carry.
	Brief Brief `json:"brief"`
	// UsageRights is when the brand may reuse the content; Exclusivity is
	// when the creator may not work with a competitor. Zero: none.
	UsageRights Window `json:"usage_rights"`
	Exclusivity Window `json:"exclusivity"`

	// Fee is the whole fee for the Count pieces; its currency is the one
	// every payment for this deliverable must be in.
	Fee budget.Money `json:"fee"`
	// Terms split the fee into milestones; empty means one milestone, the
	// whole fee on publish, net 0 days.
	Terms []Milestone `json:"terms"`
}

// Window is the half-open time range [Start, End); a zero Start or End is
// unbounded on that side.
type Window struct {
	Start time.Time `json:"start,omitzero"`
	End   time.Time `json:"end,omitzero"`
}

// Contains reports whether t is in [Start, End), a zero bound being open.
func (w Window) Contains(t time.Time) bool {
	return (w.Start.IsZero() || !t.Before(w.Start)) && (w.End.IsZero() || t.Before(w.End))
}

// Milestone is one payment of a deliverable's fee: Share of the fee, due
// NetDays days after its trigger (the signing, or the delivery).
type Milestone struct {
	Share   decimal.Decimal `json:"share"` // a fraction of the fee, 0 < Share ≤ 1
	On      Trigger         `json:"on"`
	NetDays int             `json:"net_days"` // ≥ 0
}

// pieces returns Count with its default.
func (d *Deliverable) pieces() int {
	if d.Count == 0 {
		return 1
	}
	return d.Count
}

// terms returns Terms with its default.
func (d *Deliverable) terms() []Milestone {
	if len(d.Terms) == 0 {
		return []Milestone{{Share: decimal.NewFromInt(1), On: OnPublish}}
	}
	return d.Terms
}

// Validate reports the first field of d that is outside its domain: an
// empty ID or Creator, an unknown Kind, a negative Count, a zero Due, a
// Window or right whose End is not after its Start, a fee without a
// currency or below zero, a milestone share outside (0, 1] or negative
// NetDays, shares not summing to exactly 1, an up-front milestone without
// Booked, or a Brief that NewChecker refuses. A fee or share beyond
// MaxExponent or MaxDigits, a time outside MinYear…MaxYear or NetDays
// beyond MaxNetDays is ErrTooLarge, checked before any arithmetic.
func (d Deliverable) Validate() error { return d.validate("collab.Deliverable.Validate", -1) }

// validate checks d; i ≥ 0 is its index in the caller's slice, for the
// field path "ds[i].…" (built only on error).
func (d *Deliverable) validate(fn string, i int) error {
	at := func() string {
		if i < 0 {
			return ""
		}
		return "ds[" + strconv.Itoa(i) + "]."
	}
	bad := func(sentinel error, field, what string, v any) error {
		return errs.New(sentinel, fn, at()+field, what, v)
	}
	if limit.Decimal(fn, "fee", d.Fee.Amount) != nil {
		return limit.Decimal(fn, at()+"fee", d.Fee.Amount) // the field path built only on error
	}
	switch {
	case d.ID == "":
		return bad(ErrInvalid, "id", "empty", errs.None)
	case d.Creator == "":
		return bad(ErrInvalid, "creator", "empty", errs.None)
	case !kindText.Valid(d.Kind):
		return bad(ErrInvalid, "kind", "unknown kind", d.Kind)
	case d.Count < 0:
		return bad(ErrNegative, "count", "negative", d.Count)
	case d.Due.IsZero():
		return bad(ErrInvalid, "due", "zero time", errs.None)
	case !d.Fee.Currency.IsValid():
		return bad(ErrInvalid, "fee", "no currency", d.Fee.Amount)
	case d.Fee.Amount.Sign() < 0:
		return bad(ErrNegative, "fee", "negative", d.Fee.Amount)
	}
	if err := d.validateTimes(fn, at); err != nil {
		return err
	}
	for _, w := range []struct {
		name string
		w    Window
	}{{"window", d.Window}, {"usage_rights", d.UsageRights}, {"exclusivity", d.Exclusivity}} {
		if !w.w.Start.IsZero() && !w.w.End.IsZero() && !w.w.End.After(w.w.Start) {
			return bad(ErrInvalid, w.name+".end", "not after start", w.w.End.Format(time.RFC3339))
		}
	}
	if err := d.validateTerms(fn, at, bad); err != nil {
		return err
	}
	if d.Brief.empty() {
		return nil
	}
	_, err := newChecker(fn, at()+"brief.", d.Brief)
	return err
}

// validateTimes checks that every non-zero time of d lies within
// MinYear…MaxYear; at is the field path's prefix.
func (d *Deliverable) validateTimes(fn string, at func() string) error {
	for _, t := range []struct {
		name string
		t    time.Time
	}{{"due", d.Due}, {"booked", d.Booked}, {"window.start", d.Window.Start}, {"window.end", d.Window.End},
		{"usage_rights.start", d.UsageRights.Start}, {"usage_rights.end", d.UsageRights.End},
		{"exclusivity.start", d.Exclusivity.Start}, {"exclusivity.end", d.Exclusivity.End}} {
		if !t.t.IsZero() && !inYears(t.t) {
			return checkTime(fn, at()+t.name, t.t)
		}
	}
	return nil
}

func (d *Deliverable) validateTerms(fn string, at func() string, bad func(error, string, string, any) error) error {
	total := decimal.Zero
	one := decimal.NewFromInt(1)
	for i, m := range d.Terms {
		f := "terms[" + strconv.Itoa(i) + "]."
		if limit.Decimal(fn, "", m.Share) != nil {
			return limit.Decimal(fn, at()+f+"share", m.Share)
		}
		switch {
		case m.Share.Sign() <= 0 || m.Share.GreaterThan(one):
			return bad(ErrInvalid, f+"share", "outside (0, 1]", m.Share)
		case m.NetDays < 0:
			return bad(ErrNegative, f+"net_days", "negative", m.NetDays)
		case m.NetDays > MaxNetDays:
			return bad(ErrTooLarge, f+"net_days", "beyond "+strconv.Itoa(MaxNetDays)+" days", m.NetDays)
		case !triggerText.Valid(m.On):
			return bad(ErrInvalid, f+"on", "unknown trigger", m.On)
		case m.On == OnSigning && d.Booked.IsZero():
			return bad(ErrInvalid, f+"on", "up-front milestone without booked date", m.On)
		}
		total = total.Add(m.Share)
	}
	if len(d.Terms) > 0 && !total.Equal(one) {
		return bad(ErrInvalid, "terms", "shares do not sum to 1", total)
	}
	return nil
}
