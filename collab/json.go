package collab

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

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
	cpa, err := jsonDecimal(fn, "cpa", raw.CPA)
	if err != nil {
		return err
	}
	raw.plain.ROAS, raw.plain.CPA = roas, cpa
	*r = CampaignResult(raw.plain)
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
