package selection

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
)

// Money in JSON. Fees and costs are decimal.Decimal in Go (Candidate.Fee,
// Pick.Cost, Profile.Fee, Scored.Fee), in the currency the value carries
// in its Currency field (JSON "-"); each marshals its amount as a money
// object {"amount":"875.00","currency":"EUR"} (budget.Money's form: the
// currency's minor digits, every digit of a finer amount). The zero
// Currency means the amounts are in no stated currency: the object is then
// {"amount":"875","currency":""}, as the zero budget.Money is written,
// never a bare amount. Reading accepts that object or, as v0.1 wrote it, a
// bare decimal (no currency).

// wireMoney is an amount on the wire.
type wireMoney struct {
	Amount   decimal.Decimal
	Currency budget.Currency
}

func (w wireMoney) MarshalJSON() ([]byte, error) {
	return budget.Money{Amount: w.Amount, Currency: w.Currency}.MarshalJSON()
}

// UnmarshalJSON reads a money object (any currency, "" included; the
// amount exactly, whatever its digits) or a bare decimal, refusing a number
// text longer than MaxNumberText before it is parsed and a decimal beyond
// the module's limits after (ErrTooLarge).
func (w *wireMoney) UnmarshalJSON(b []byte) error {
	const fn = "selection.UnmarshalJSON"
	t := strings.TrimSpace(string(b))
	var m struct {
		Amount   json.RawMessage `json:"amount"`
		Currency budget.Currency `json:"currency"`
	}
	if strings.HasPrefix(t, "{") {
		if err := json.Unmarshal(b, &m); err != nil {
			return err
		}
	} else {
		m.Amount = b
	}
	if len(m.Amount) > MaxNumberText+2 { // two quotes
		return errs.New(ErrTooLarge, fn, "amount", "longer than "+strconv.Itoa(MaxNumberText)+" bytes", errs.None)
	}
	var d decimal.Decimal
	if err := d.UnmarshalJSON(m.Amount); err != nil || len(m.Amount) == 0 {
		return errs.New(ErrSyntax, fn, "amount", "not a decimal", string(m.Amount))
	}
	if err := limit.Decimal(fn, "amount", d); err != nil {
		return err
	}
	*w = wireMoney{d, m.Currency}
	return nil
}

// jsonErr is err of json.Unmarshal in fn, wrapping ErrSyntax unless it
// already wraps one of the package's sentinels.
func jsonErr(fn string, err error) error {
	for _, s := range [...]error{ErrInvalid, ErrSyntax, ErrTooLarge, ErrNegative} {
		if errors.Is(err, s) {
			return err
		}
	}
	return errs.New(fmt.Errorf("%w: %w", ErrSyntax, err), fn, "", "", errs.None)
}

// candidatePlain, pickPlain, scoredPlain and profilePlain are the types
// without their JSON methods.
type (
	candidatePlain Candidate
	pickPlain      Pick
	scoredPlain    Scored
	profilePlain   Profile
)

// MarshalJSON writes the candidate with fee a money object in Currency.
func (c Candidate) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		candidatePlain
		Fee wireMoney `json:"fee"`
	}{candidatePlain(c), wireMoney{c.Fee, c.Currency}})
}

// UnmarshalJSON reads what MarshalJSON writes (or a bare decimal fee, with
// no currency). On error c keeps its value.
func (c *Candidate) UnmarshalJSON(b []byte) error {
	var w struct {
		candidatePlain
		Fee wireMoney `json:"fee"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return jsonErr("selection.Candidate.UnmarshalJSON", err)
	}
	w.candidatePlain.Fee, w.candidatePlain.Currency = w.Fee.Amount, w.Fee.Currency
	*c = Candidate(w.candidatePlain)
	return nil
}

// MarshalJSON writes the pick with cost a money object in Currency.
func (p Pick) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		pickPlain
		Cost wireMoney `json:"cost"`
	}{pickPlain(p), wireMoney{p.Cost, p.Currency}})
}

// UnmarshalJSON reads what MarshalJSON writes (or a bare decimal cost,
// with no currency). On error p keeps its value.
func (p *Pick) UnmarshalJSON(b []byte) error {
	var w struct {
		pickPlain
		Cost wireMoney `json:"cost"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return jsonErr("selection.Pick.UnmarshalJSON", err)
	}
	w.pickPlain.Cost, w.pickPlain.Currency = w.Cost.Amount, w.Cost.Currency
	*p = Pick(w.pickPlain)
	return nil
}

// MarshalJSON writes the ranked profile with fee a money object in
// Currency.
func (s Scored) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		scoredPlain
		Fee wireMoney `json:"fee"`
	}{scoredPlain(s), wireMoney{s.Fee, s.Currency}})
}

// UnmarshalJSON reads what MarshalJSON writes (or a bare decimal fee, with
// no currency). On error s keeps its value.
func (s *Scored) UnmarshalJSON(b []byte) error {
	var w struct {
		scoredPlain
		Fee wireMoney `json:"fee"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return jsonErr("selection.Scored.UnmarshalJSON", err)
	}
	w.scoredPlain.Fee, w.scoredPlain.Currency = w.Fee.Amount, w.Fee.Currency
	*s = Scored(w.scoredPlain)
	return nil
}

// MarshalJSON writes the profile with fee a money object in Currency (the
// zero Currency: "", the fee in the Criteria's currency).
func (p Profile) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		profilePlain
		Fee wireMoney `json:"fee"`
	}{profilePlain(p), wireMoney{p.Fee, p.Currency}})
}

// UnmarshalJSON reads what MarshalJSON writes (or a bare decimal fee, with
// no currency). On error p keeps its value.
func (p *Profile) UnmarshalJSON(b []byte) error {
	var w struct {
		profilePlain
		Fee wireMoney `json:"fee"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return jsonErr("selection.Profile.UnmarshalJSON", err)
	}
	w.profilePlain.Fee, w.profilePlain.Currency = w.Fee.Amount, w.Fee.Currency
	*p = Profile(w.profilePlain)
	return nil
}

// candsCurrency is the one currency of the candidates' fees (the zero
// Currency when none states one); two currencies are a
// *budget.MismatchError naming the first candidate in another.
func candsCurrency(fn string, cands []Candidate) (budget.Currency, error) {
	if len(cands) == 0 {
		return budget.Currency{}, nil
	}
	cur := cands[0].Currency
	for i := range cands {
		if cands[i].Currency != cur {
			return cur, &budget.MismatchError{Func: fn, Field: errs.Index("cands", i) + ".Currency", Left: cur, Right: cands[i].Currency}
		}
	}
	return cur, nil
}
