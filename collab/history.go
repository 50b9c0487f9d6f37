package collab

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/influencekit/influencekit/internal/stat"
)

// Delivery counts how a creator's deliverables went in one campaign (or,
// in a History, in all of them).
type Delivery struct {
	Deliverables int `json:"deliverables"`
	OnTime       int `json:"on_time"`
	Late         int `json:"late"`
	Overdue      int `json:"overdue"` // never delivered, past due at the end
	Cancelled    int `json:"cancelled"`
	Open         int `json:"open"`
	// DaysLate sums Status.DaysLate over the late deliveries.
	DaysLate int `json:"days_late"`
	// Rounds sums the drafts submitted over the delivered ones.
	Rounds int `json:"rounds"`
}

// Tally counts statuses into a Delivery. It has no error: Statuses never
// makes a Status whose DaysLate or Rounds could overflow a sum, and for
// hand-made ones DaysLate and Rounds saturate at math.MaxInt (or
// math.MinInt) instead of wrapping; Histories then refuses such a total
// with ErrOverflow when it sums campaigns.
func Tally(sts []Status) Delivery {
	var t Delivery
	for _, s := range sts {
		t.Deliverables++
		switch s.State {
		case StateOnTime:
			t.OnTime++
			t.Rounds = satAdd(t.Rounds, s.Rounds)
		case StateLate:
			t.Late++
			t.DaysLate = satAdd(t.DaysLate, s.DaysLate)
			t.Rounds = satAdd(t.Rounds, s.Rounds)
		case StateOverdue:
			t.Overdue++
		case StateCancelled:
			t.Cancelled++
		default:
			t.Open++
		}
	}
	return t
}

// satAdd returns a + b, saturated at math.MaxInt or math.MinInt.
func satAdd(a, b int) int {
	if s, ok := exact.Add(int64(a), int64(b)); ok {
		return int(s)
	}
	if b > 0 {
		return math.MaxInt
	}
	return math.MinInt
}

// add adds o's counts to t; false when a sum overflows (t is then
// partly updated).
func (t *Delivery) add(o Delivery) bool {
	ok := true
	for _, p := range [...]struct {
		dst *int
		v   int
	}{{&t.Deliverables, o.Deliverables}, {&t.OnTime, o.OnTime},
		{&t.Late, o.Late}, {&t.Overdue, o.Overdue}, {&t.Cancelled, o.Cancelled}, {&t.Open, o.Open},
		{&t.DaysLate, o.DaysLate}, {&t.Rounds, o.Rounds}} {
		s, fits := exact.Add(int64(*p.dst), int64(p.v))
		*p.dst, ok = int(s), ok && fits
	}
	return ok
}

// CampaignResult is what one creator did in one campaign: delivery from
// Tally, fee paid, and the results the campaign's report measured, passed
// as plain values (the roi report's per-creator ROAS and CPA), so that
// collab does not depend on roi.
type CampaignResult struct {
	Campaign string    `json:"campaign"`
	Creator  string    `json:"creator"`
	End      time.Time `json:"end"` // the campaign's end: orders a creator's campaigns
	Delivery Delivery  `json:"delivery"`
	// FeePaid is what the creator was paid; the zero Money means no fee
	// (a gifted-only campaign).
	FeePaid budget.Money `json:"fee_paid"`
	// ROAS (revenue / cost) as the report measured it; invalid (JSON
	// null) when not measured.
	ROAS decimal.NullDecimal `json:"roas"`
	// CPA (cost per acquisition) as the report measured it, an amount in
	// its currency (a money object in JSON, every digit of an amount finer
	// than the currency's minor unit kept); nil (JSON null) when not
	// measured.
	CPA *budget.Money `json:"cpa"`
	// Gifts sent and posts earned from them (EarnedPosts) in the campaign.
	Gifts  int `json:"gifts"`
	Earned int `json:"earned"`
}

// History is a creator's record across campaigns.
type History struct {
	Creator string `json:"creator"`
	// Campaigns counts the campaigns together; Repeat is Campaigns − 1,
	// the bookings after the first.
	Campaigns int      `json:"campaigns"`
	Repeat    int      `json:"repeat"`
	First     string   `json:"first"` // the campaign with the earliest End
	Last      string   `json:"last"`  // the campaign with the latest End
	Delivery  Delivery `json:"delivery"`
	// OnTimeRate is OnTime / (OnTime + Late): the share of delivered
	// deliverables delivered on time; null when none was delivered.
	OnTimeRate decimal.NullDecimal `json:"on_time_rate"`
	// MeanDelay is DaysLate / (OnTime + Late): mean days late per delivered
	// deliverable, an on-time one counting 0; null when none was delivered.
	MeanDelay decimal.NullDecimal `json:"mean_delay_days"`
	// MeanRounds is Rounds / (OnTime + Late): drafts per delivered
	// deliverable; null when none was delivered.
	MeanRounds decimal.NullDecimal `json:"mean_rounds"`
	FeePaid    budget.Money        `json:"fee_paid"`
	// ROAS and CPA are the measured values per campaign, oldest first
	// (campaigns without a measure are left out, not read as zero). A CPA
	// point carries the CPA's currency (Point.Currency), the same for every
	// campaign of the creator; a ROAS point none.
	ROAS []Point `json:"roas"`
	CPA  []Point `json:"cpa"`
	// ROASTrend and CPATrend are least-squares slopes of the measured
	// values per campaign (x = 0, 1, 2, … in End order): the change per
	// campaign; null with fewer than two measured campaigns. CPATrend is
	// an amount per campaign in the CPA points' currency, written in JSON
	// as a money object in it.
	ROASTrend decimal.NullDecimal `json:"roas_trend"`
	CPATrend  decimal.NullDecimal `json:"cpa_trend"`
	Gifts     int                 `json:"gifts"`
	Earned    int                 `json:"earned"`
}

// Point is one campaign's value of a measure. In JSON, Value is a money
// object {"amount":"12.50","currency":"EUR"} when Currency is set (an
// amount: a CPA), a decimal string otherwise (a ratio: a ROAS).
type Point struct {
	Campaign string          `json:"campaign"`
	End      time.Time       `json:"end"`
	Value    decimal.Decimal `json:"value"`
	// Currency is Value's currency when the measure is an amount of money
	// (History.CPA); the zero Currency when it is not (History.ROAS).
	Currency budget.Currency `json:"-"`
}

// Histories returns one History per creator found in results, sorted by
// creator; each creator's campaigns are taken in End order (ties by
// campaign name). Rates are exact fractions rounded once to 16 places.
//
// Errors (field "results[i].…"): an empty campaign or creator, a zero End
// (ErrInvalid); the same creator twice in one campaign (ErrDuplicate); a
// negative count, fee, ROAS or CPA (ErrNegative); a fee amount or a CPA
// without a currency (ErrInvalid); fees, or CPAs, in two currencies for one
// creator (*budget.MismatchError, wrapping ErrCurrencyMismatch). History.FeePaid has no currency when no
// campaign had a fee.
func Histories(results []CampaignResult) ([]History, error) {
	const fn = "collab.Histories"
	by := make(map[string][]int)
	seen := make(map[[2]string]bool, len(results))
	for i := range results {
		r := &results[i]
		if err := checkResult(fn, i, r); err != nil {
			return nil, err
		}
		k := [2]string{r.Campaign, r.Creator}
		if seen[k] {
			return nil, errs.New(ErrDuplicate, fn, "results["+strconv.Itoa(i)+"].creator",
				"twice in campaign "+errs.Quote(r.Campaign), r.Creator)
		}
		seen[k] = true
		by[r.Creator] = append(by[r.Creator], i)
	}
	out := make([]History, 0, len(by))
	for creator, l := range by {
		h, err := history(fn, creator, results, l)
		if err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	slices.SortFunc(out, func(a, b History) int { return cmp.Compare(a.Creator, b.Creator) })
	return out, nil
}

func checkResult(fn string, i int, r *CampaignResult) error {
	at := "results[" + strconv.Itoa(i) + "]."
	for _, v := range [...]struct {
		name string
		d    decimal.Decimal
	}{{"fee_paid", r.FeePaid.Amount}, {"roas", r.ROAS.Decimal}, {"cpa", amountOf(r.CPA)}} {
		if err := limit.Decimal(fn, at+v.name, v.d); err != nil {
			return err
		}
	}
	if !r.End.IsZero() {
		if err := checkTime(fn, at+"end", r.End); err != nil {
			return err
		}
	}
	d := r.Delivery
	switch {
	case r.Campaign == "":
		return errs.New(ErrInvalid, fn, at+"campaign", "empty", errs.None)
	case r.Creator == "":
		return errs.New(ErrInvalid, fn, at+"creator", "empty", errs.None)
	case r.End.IsZero():
		return errs.New(ErrInvalid, fn, at+"end", "zero time", errs.None)
	case min(d.Deliverables, d.OnTime, d.Late, d.Overdue, d.Cancelled, d.Open, d.DaysLate, d.Rounds, r.Gifts, r.Earned) < 0:
		return negativeCount(fn, at, r)
	case r.FeePaid.Amount.Sign() < 0:
		return errs.New(ErrNegative, fn, at+"fee_paid", "negative", r.FeePaid.Amount)
	case !r.FeePaid.Currency.IsValid() && !r.FeePaid.Amount.IsZero():
		return errs.New(ErrInvalid, fn, at+"fee_paid", "amount without currency", r.FeePaid.Amount)
	case r.ROAS.Valid && r.ROAS.Decimal.Sign() < 0:
		return errs.New(ErrNegative, fn, at+"roas", "negative", r.ROAS.Decimal)
	case r.CPA != nil && r.CPA.Amount.Sign() < 0:
		return errs.New(ErrNegative, fn, at+"cpa", "negative", r.CPA.Amount)
	case r.CPA != nil && !r.CPA.Currency.IsValid():
		return errs.New(ErrInvalid, fn, at+"cpa", "amount without currency", r.CPA.Amount)
	}
	return nil
}

// amountOf is m's amount, zero for nil.
func amountOf(m *budget.Money) decimal.Decimal {
	if m == nil {
		return decimal.Zero
	}
	return m.Amount
}

// negativeCount names the first negative count of r by its JSON name.
func negativeCount(fn, at string, r *CampaignResult) error {
	d := r.Delivery
	for _, c := range [...]struct {
		name string
		v    int
	}{{"delivery.deliverables", d.Deliverables}, {"delivery.on_time", d.OnTime}, {"delivery.late", d.Late},
		{"delivery.overdue", d.Overdue}, {"delivery.cancelled", d.Cancelled}, {"delivery.open", d.Open},
		{"delivery.days_late", d.DaysLate}, {"delivery.rounds", d.Rounds}, {"gifts", r.Gifts}, {"earned", r.Earned}} {
		if c.v < 0 {
			return errs.New(ErrNegative, fn, at+c.name, "negative count", c.v)
		}
	}
	return nil
}

func history(fn, creator string, results []CampaignResult, l []int) (History, error) {
	slices.SortFunc(l, func(a, b int) int {
		if c := results[a].End.Compare(results[b].End); c != 0 {
			return c
		}
		return cmp.Compare(results[a].Campaign, results[b].Campaign)
	})
	h := History{Creator: creator, Campaigns: len(l), Repeat: len(l) - 1,
		First: results[l[0]].Campaign, Last: results[l[len(l)-1]].Campaign,
		FeePaid: budget.Money{Amount: decimal.Zero}}
	for _, i := range l {
		r := &results[i]
		switch cur := r.FeePaid.Currency; {
		case !cur.IsValid():
			// no fee in this campaign (checkResult refused an amount without currency)
		case !h.FeePaid.Currency.IsValid():
			h.FeePaid.Currency = cur
		case cur != h.FeePaid.Currency:
			return h, &budget.MismatchError{Func: fn, Field: "results[" + strconv.Itoa(i) + "].fee_paid",
				Left: h.FeePaid.Currency, Right: cur}
		}
		h.FeePaid.Amount = h.FeePaid.Amount.Add(r.FeePaid.Amount)
		gifts, ok1 := exact.Add(int64(h.Gifts), int64(r.Gifts))
		earned, ok2 := exact.Add(int64(h.Earned), int64(r.Earned))
		if !h.Delivery.add(r.Delivery) || !ok1 || !ok2 {
			return h, errs.New(ErrOverflow, fn, "results["+strconv.Itoa(i)+"].delivery",
				"the counts of creator "+errs.Quote(creator)+" sum beyond int64", errs.None)
		}
		h.Gifts, h.Earned = int(gifts), int(earned)
		if r.ROAS.Valid {
			h.ROAS = append(h.ROAS, Point{Campaign: r.Campaign, End: r.End, Value: r.ROAS.Decimal})
		}
		if r.CPA != nil {
			if len(h.CPA) > 0 && h.CPA[0].Currency != r.CPA.Currency {
				return h, &budget.MismatchError{Func: fn, Field: "results[" + strconv.Itoa(i) + "].cpa",
					Left: h.CPA[0].Currency, Right: r.CPA.Currency}
			}
			h.CPA = append(h.CPA, Point{Campaign: r.Campaign, End: r.End, Value: r.CPA.Amount, Currency: r.CPA.Currency})
		}
	}
	n, ok := exact.Add(int64(h.Delivery.OnTime), int64(h.Delivery.Late))
	if !ok {
		return h, errs.New(ErrOverflow, fn, "results", "on-time and late deliveries of creator "+
			errs.Quote(creator)+" sum beyond int64", errs.None)
	}
	if n > 0 {
		h.OnTimeRate = decimal.NewNullDecimal(exact.Ratio(int64(h.Delivery.OnTime), n))
		h.MeanDelay = decimal.NewNullDecimal(exact.Ratio(int64(h.Delivery.DaysLate), n))
		h.MeanRounds = decimal.NewNullDecimal(exact.Ratio(int64(h.Delivery.Rounds), n))
	}
	h.ROASTrend, h.CPATrend = trend(h.ROAS), trend(h.CPA)
	return h, nil
}

// trend is the least-squares slope of the points' values against 0, 1, 2, ….
func trend(ps []Point) decimal.NullDecimal {
	xs := make([]decimal.Decimal, len(ps))
	ys := make([]decimal.Decimal, len(ps))
	for i, p := range ps {
		xs[i], ys[i] = decimal.NewFromInt(int64(i)), p.Value
	}
	f, ok := stat.Line(xs, ys, decimal.NewFromInt(1))
	if !ok {
		return decimal.NullDecimal{}
	}
	return decimal.NewNullDecimal(f.Slope)
}
