package collab

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
)

// UnmarshalJSON reads a milestone as encoding/json writes it, checking
// the share before it is parsed: a share text longer than MaxNumberText
// bytes, or a share beyond MaxExponent or MaxDigits, is ErrTooLarge
// (decimal's own parser takes seconds on a 10^6-digit text). Malformed
// JSON is ErrSyntax. On error m is unchanged.
func (m *Milestone) UnmarshalJSON(b []byte) error {
	const fn = "collab.Milestone.UnmarshalJSON"
	type plain Milestone // without this method
	var raw struct {
		plain
		Share json.RawMessage `json:"share"` // shadows plain.Share
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return jsonError(fn, err)
	}
	share, err := jsonDecimal(fn, "share", raw.Share)
	if err != nil {
		return err
	}
	raw.plain.Share = share.Decimal
	*m = Milestone(raw.plain)
	return nil
}

// UnmarshalJSON reads a campaign result as encoding/json writes it,
// checking ROAS and CPA before they are parsed as Milestone.UnmarshalJSON
// checks a share (FeePaid is a budget.Money, which checks itself). On
// error r is unchanged.
func (r *CampaignResult) UnmarshalJSON(b []byte) error {
	const fn = "collab.CampaignResult.UnmarshalJSON"
	type plain CampaignResult // without this method
	var raw struct {
		plain
		ROAS json.RawMessage `json:"roas"` // shadow plain.ROAS and plain.CPA
		CPA  json.RawMessage `json:"cpa"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return jsonError(fn, err)
	}
	roas, err := jsonDecimal(fn, "roas", raw.ROAS)
	if err != nil {
		return err
	}
	cpa, cur, err := jsonAmount(fn, "cpa", raw.CPA)
	if err != nil {
		return err
	}
	raw.plain.ROAS, raw.plain.CPA = roas, nil
	if cpa.Valid {
		if !cur.IsValid() {
			return errs.New(ErrInvalid, fn, "cpa", "amount without currency", cpa.Decimal)
		}
		raw.plain.CPA = &budget.Money{Amount: cpa.Decimal, Currency: cur}
	}
	*r = CampaignResult(raw.plain)
	return nil
}

// jsonAmount reads a JSON amount: a money object {"amount":…,"currency":…}
// (the amount exactly, whatever its digits, checked as jsonDecimal checks
// a decimal), or a bare decimal, which has the zero Currency; null or
// absent is invalid.
func jsonAmount(fn, field string, b json.RawMessage) (decimal.NullDecimal, budget.Currency, error) {
	t := strings.TrimSpace(string(b))
	if !strings.HasPrefix(t, "{") {
		d, err := jsonDecimal(fn, field, b)
		return d, budget.Currency{}, err
	}
	var m struct {
		Amount   json.RawMessage `json:"amount"`
		Currency budget.Currency `json:"currency"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return decimal.NullDecimal{}, budget.Currency{}, jsonError(fn, err)
	}
	d, err := jsonDecimal(fn, field+".amount", m.Amount)
	if err == nil && !d.Valid {
		err = errs.New(ErrSyntax, fn, field+".amount", "missing", errs.None)
	}
	return d, m.Currency, err
}

// MarshalJSON writes the point with lowercase keys, Value a money object
// in Currency when Currency is set (budget.Money's form: the currency's
// minor digits, or every digit of a finer amount), else a decimal string.
// A value beyond the module's limits (MaxExponent, MaxDigits) is an error
// wrapping ErrTooLarge, never a text of that size.
func (p Point) MarshalJSON() ([]byte, error) {
	if err := limit.Decimal("collab.Point.MarshalJSON", "value", p.Value); err != nil {
		return nil, err
	}
	return json.Marshal(pointJSON{p.Campaign, p.End, p.money()})
}

type pointJSON struct {
	Campaign string    `json:"campaign"`
	End      time.Time `json:"end"`
	Value    any       `json:"value"`
}

// UnmarshalJSON reads what MarshalJSON writes: a money object value sets
// Currency, a decimal leaves it zero; the amount is checked as
// CampaignResult.UnmarshalJSON checks a CPA. On error p is unchanged.
func (p *Point) UnmarshalJSON(b []byte) error {
	const fn = "collab.Point.UnmarshalJSON"
	var raw struct {
		Campaign string          `json:"campaign"`
		End      time.Time       `json:"end"`
		Value    json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return jsonError(fn, err)
	}
	v, cur, err := jsonAmount(fn, "value", raw.Value)
	if err != nil {
		return err
	}
	*p = Point{Campaign: raw.Campaign, End: raw.End, Value: v.Decimal, Currency: cur}
	return nil
}

// historyPlain is History without its methods.
type historyPlain History

// MarshalJSON writes the history with lowercase keys; the CPA points'
// values and cpa_trend are money objects in the CPA's currency (see
// Point.MarshalJSON), the ROAS points' values and roas_trend decimal
// strings; an undefined trend is null. A value beyond the module's limits
// is an error wrapping ErrTooLarge.
func (h History) MarshalJSON() ([]byte, error) {
	var trend any // nil: null
	if h.CPATrend.Valid {
		trend = Point{Value: h.CPATrend.Decimal, Currency: cpaCurrency(h.CPA)}.money()
	}
	return json.Marshal(struct {
		historyPlain
		CPATrend any `json:"cpa_trend"` // shadows historyPlain.CPATrend
	}{historyPlain(h), trend})
}

// money is p's value as written in JSON: a budget.Money when p has a
// currency, else the decimal.
func (p Point) money() any {
	if p.Currency.IsValid() {
		return budget.Money{Amount: p.Value, Currency: p.Currency}
	}
	return p.Value
}

// cpaCurrency is the currency of the CPA points (the first's: Histories
// makes them one), zero without points.
func cpaCurrency(ps []Point) budget.Currency {
	if len(ps) == 0 {
		return budget.Currency{}
	}
	return ps[0].Currency
}

// UnmarshalJSON reads what MarshalJSON writes. A CPA point or cpa_trend in
// a currency other than the first CPA point's is ErrCurrencyMismatch (a
// *budget.MismatchError); malformed JSON is ErrSyntax. On error h is
// unchanged.
func (h *History) UnmarshalJSON(b []byte) error {
	const fn = "collab.History.UnmarshalJSON"
	var raw struct {
		historyPlain
		CPATrend json.RawMessage `json:"cpa_trend"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return jsonError(fn, err)
	}
	trend, cur, err := jsonAmount(fn, "cpa_trend", raw.CPATrend)
	if err != nil {
		return err
	}
	want := cpaCurrency(raw.CPA)
	for i, p := range raw.CPA {
		if p.Currency != want {
			return &budget.MismatchError{Func: fn, Field: "cpa[" + strconv.Itoa(i) + "].value", Left: want, Right: p.Currency}
		}
	}
	if trend.Valid && cur != want {
		return &budget.MismatchError{Func: fn, Field: "cpa_trend", Left: want, Right: cur}
	}
	raw.historyPlain.CPATrend = trend
	*h = History(raw.historyPlain)
	return nil
}

// jsonDecimal reads a JSON decimal (a string or a number; null or absent
// is invalid), refusing a text longer than MaxNumberText bytes before it is
// parsed and a value beyond the decimal limits after.
func jsonDecimal(fn, field string, b json.RawMessage) (decimal.NullDecimal, error) {
	var d decimal.NullDecimal
	switch {
	case len(b) == 0:
		return d, nil
	case len(b) > MaxNumberText+2: // two quotes
		return d, errs.New(ErrTooLarge, fn, field, "longer than "+strconv.Itoa(MaxNumberText)+" bytes", string(b))
	case exponentBeyond(strings.Trim(string(b), `"`)):
		return d, errs.New(ErrTooLarge, fn, field, "exponent beyond ±"+strconv.Itoa(MaxExponent), string(b))
	}
	if err := d.UnmarshalJSON(b); err != nil {
		return d, errs.New(ErrSyntax, fn, field, "not a decimal", string(b))
	}
	if err := limit.Decimal(fn, field, d.Decimal); err != nil {
		return d, err
	}
	return d, nil
}

// jsonError wraps an error of encoding/json in ErrSyntax, unless it
// already wraps a sentinel (an enum's unknown text: ErrInvalid; a
// budget.Money's own errors).
func jsonError(fn string, err error) error {
	for _, s := range [...]error{ErrInvalid, ErrNegative, ErrSyntax, ErrTooLarge, ErrMinorUnit, ErrCurrencyMismatch} {
		if errors.Is(err, s) {
			return err
		}
	}
	return errs.New(fmt.Errorf("%w: %w", ErrSyntax, err), fn, "", "", errs.None)
}
