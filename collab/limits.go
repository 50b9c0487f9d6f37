package collab

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
)

// The limits of collab's inputs, each refused with ErrTooLarge naming the
// field before any work:
//
//   - every decimal (a fee, a payout, a gift's cost, a milestone's share,
//     a campaign's fee, ROAS or CPA) within MaxExponent and MaxDigits, the
//     module's one decimal guard (internal/limit);
//   - every time collab computes with (Statuses' and Payments' asof, a
//     deliverable's times, an event's, a payout's, a gift's SentAt, a
//     campaign's End) in the years MinYear to MaxYear, UTC, the years
//     RFC 3339 and JSON can write; days between two such times are exact
//     (time.Duration alone holds only 292 years);
//   - a milestone's NetDays at most MaxNetDays;
//   - a number in CSV (an amount, a share) at most MaxNumberText bytes, so
//     that reading it costs microseconds however long the cell.
const (
	MaxExponent   = limit.MaxExponent    // 1000: |e| of a decimal c·10^e
	MaxDigits     = limit.MaxDigits      // 1000 digits of its coefficient c
	MinYear       = 1                    // the earliest year of a time
	MaxYear       = 9999                 // the latest year of a time
	MaxNetDays    = 36_500               // about 100 years
	MaxNumberText = budget.MaxAmountText // 1200 bytes
)

// inYears reports whether t lies in the years MinYear…MaxYear (UTC).
func inYears(t time.Time) bool {
	y := t.UTC().Year()
	return y >= MinYear && y <= MaxYear
}

// checkTime refuses t outside the years MinYear…MaxYear (UTC). Callers
// that build field for each of many values call it only when !inYears(t).
func checkTime(fn, field string, t time.Time) error {
	if y := t.UTC().Year(); y < MinYear || y > MaxYear {
		return errs.New(ErrTooLarge, fn, field, "year outside "+strconv.Itoa(MinYear)+"…"+strconv.Itoa(MaxYear), y)
	}
	return nil
}

// checkNumberText refuses a number's text longer than MaxNumberText bytes
// before it is parsed (decimal's parser is quadratic in the digits).
// A text with an exponent part beyond the limits (decimal's parser calls
// one beyond ±10000 malformed) is ErrTooLarge too.
func checkNumberText(s string) error {
	switch {
	case len(s) > MaxNumberText:
		return fmt.Errorf("%w: a number of %d bytes, longer than %d", ErrTooLarge, len(s), MaxNumberText)
	case exponentBeyond(s):
		return fmt.Errorf("%w: exponent beyond ±%d", ErrTooLarge, MaxExponent)
	}
	return nil
}

// exponentBeyond reports whether the number text s has an exponent part so
// large that no value it writes lies within MaxExponent: beyond
// ±(MaxExponent + len(s)), as the digits before it shift the exponent by
// less than len(s).
func exponentBeyond(s string) bool {
	i := strings.LastIndexAny(s, "eE")
	if i < 0 {
		return false
	}
	e, err := strconv.ParseInt(s[i+1:], 10, 64)
	if errors.Is(err, strconv.ErrRange) {
		return true
	}
	bound := int64(MaxExponent + len(s))
	return err == nil && (e > bound || e < -bound)
}

// sub returns t − u as whole seconds and nanoseconds (0 ≤ ns < 10^9),
// exact for times within MinYear…MaxYear.
func sub(t, u time.Time) (sec, ns int64) {
	sec = t.Unix() - u.Unix()
	ns = int64(t.Nanosecond() - u.Nanosecond())
	if ns < 0 {
		sec, ns = sec-1, ns+1e9
	}
	return sec, ns
}

const daySeconds = 24 * 60 * 60

// daysLate returns ⌊(t − due) / 24 h⌋ + 1 for t ≥ due.
func daysLate(t, due time.Time) int {
	sec, _ := sub(t, due)
	return int(sec/daySeconds) + 1
}

// daysLeft returns ⌈(due − t) / 24 h⌉ for due > t.
func daysLeft(due, t time.Time) int {
	sec, ns := sub(due, t)
	n := sec / daySeconds
	if sec%daySeconds != 0 || ns != 0 {
		n++
	}
	return int(n)
}

// days returns (t − u) / 24 h exact to 16 places, also beyond the 292
// years a time.Duration holds.
func days(t, u time.Time) decimal.Decimal {
	if d := t.Sub(u); d > math.MinInt64 && d < math.MaxInt64 {
		return exact.Duration(d, day)
	}
	sec, ns := sub(t, u)
	return exact.Div(decimal.New(sec, 9).Add(decimal.NewFromInt(ns)), decimal.NewFromInt(int64(day)))
}

// plain returns s as it is when it is short and prints as itself, and
// otherwise quoted and shortened (errs.Quote), for an ID inside a message.
func plain(s string) string {
	if len(s) <= errs.MaxValueLen && strconv.Quote(s) == `"`+s+`"` && !strings.ContainsAny(s, " ()") {
		return s
	}
	return errs.Quote(s)
}
