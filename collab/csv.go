package collab

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/csvx"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/influencekit/influencekit/kpi"
)

// readCSV reads a CSV with a header row, finds the required and optional
// columns (an absent optional one maps to -1) and turns every row into a T.
func readCSV[T any](fn string, r io.Reader, required, optional []string,
	row func(rec csvx.Record, cols map[string]int) (T, error)) ([]T, error) {
	if v := reflect.ValueOf(r); v.Kind() == reflect.Pointer && v.IsNil() {
		r = nil // Read would dereference it: the nil reader's error (ErrInvalid)
	}
	rd, err := csvx.NewReader(fn, r, ',')
	if err != nil {
		return nil, err
	}
	cols, err := columns(fn, rd, required, optional)
	if err != nil {
		return nil, err
	}
	var out []T
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		v, err := row(rec, cols)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
}

// cells reads the named columns of one row, stopping at the first error.
type cells struct {
	rec  csvx.Record
	cols map[string]int
	err  error
}

func (c *cells) text(name string) string { return c.rec.Field(c.cols[name]) }

func (c *cells) fail(name string, err error) {
	if c.err == nil {
		c.err = c.rec.Errorf(c.cols[name], err)
	}
}

func (c *cells) required(name string) string {
	s := c.text(name)
	if s == "" {
		c.fail(name, fmt.Errorf("%w: empty", ErrInvalid))
	}
	return s
}

// time reads a time; an empty optional cell is the zero time.
func (c *cells) time(name string, optional bool) time.Time {
	s := c.text(name)
	if s == "" && optional {
		return time.Time{}
	}
	t, err := parseTime(s)
	if err != nil {
		c.fail(name, err)
	}
	return t
}

func (c *cells) int(name string) int {
	s := c.text(name)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	switch {
	case errors.Is(err, strconv.ErrRange):
		c.fail(name, fmt.Errorf("%w: a whole number beyond int64", ErrOverflow))
	case err != nil:
		c.fail(name, fmt.Errorf("%w: not a whole number", ErrSyntax))
	case n < 0:
		c.fail(name, ErrNegative)
	}
	return n
}

// money reads an amount and the currency column beside it; an amount text
// longer than MaxNumberText or beyond the decimal limits is ErrTooLarge.
func (c *cells) money(amount, currency string) budget.Money {
	cur, err := budget.ParseCurrency(c.text(currency))
	if err != nil {
		c.fail(currency, fmt.Errorf("%w: not an ISO 4217 code", ErrInvalid))
		return budget.Money{}
	}
	if err := checkNumberText(c.text(amount)); err != nil {
		c.fail(amount, err)
		return budget.Money{}
	}
	d, err := decimal.NewFromString(c.text(amount))
	if err != nil {
		c.fail(amount, fmt.Errorf("%w: not a decimal amount", ErrSyntax))
		return budget.Money{}
	}
	if limit.Decimal("", "", d) != nil {
		c.fail(amount, fmt.Errorf("%w: beyond exponent ±%d or %d digits", ErrTooLarge, MaxExponent, MaxDigits))
		return budget.Money{}
	}
	if d.Sign() < 0 {
		c.fail(amount, ErrNegative)
	}
	m, err := budget.NewMoney(d, cur)
	if err != nil {
		c.fail(amount, fmt.Errorf("%w: not a whole number of %s minor units", ErrInvalid, cur))
	}
	return m
}

// Deliverable CSV columns.
var (
	deliverableRequired = []string{"id", "creator", "platform", "kind", "due", "fee", "currency"}
	deliverableOptional = []string{"count", "booked", "window_start", "window_end", "terms", "rules",
		"mention", "code", "link", "hashtags", "usage_rights_start", "usage_rights_end",
		"exclusivity_start", "exclusivity_end"}
)

// ReadDeliverables reads deliverables from CSV with a header row. Columns
// (matched ignoring case, spaces, "_" and "-"):
//
//   - required: id, creator, platform (kpi.Platform text), kind (Kind
//     text), due (a time as ReadEvents reads it), fee (a decimal amount in
//     whole minor units) and currency (ISO 4217, any case);
//   - optional: count (empty: 1), booked, window_start, window_end,
//     usage_rights_start, usage_rights_end, exclusivity_start,
//     exclusivity_end (times; empty: none), terms, rules, mention, code,
//     link, hashtags.
//
// terms lists milestones separated by ";", each "SHARE TRIGGER [net N]",
// SHARE a percentage or a fraction, TRIGGER "signing" or "publish":
// "30% signing net 7; 70% publish net 30". Empty: the whole fee on
// publish. rules names disclosure rules separated by "|" or ",", by name or
// jurisdiction: "FTC|ASA", "TR" (see DisclosureRuleByName). hashtags are separated by
// spaces or commas.
//
// Errors: a cell that does not read is a *ParseError naming the line,
// column, header and value, wrapping ErrSyntax, ErrInvalid or ErrNegative,
// ErrOverflow for a count beyond int64, ErrTooLarge for a number longer
// than MaxNumberText bytes or beyond MaxExponent or MaxDigits, for net
// days beyond MaxNetDays or more than MaxRules rules; a missing required
// column wraps ErrMissingColumn; a nil reader, or one holding a nil
// pointer, wraps ErrInvalid (as for every reader of the package). Rows
// are not checked against each other (duplicate IDs): Statuses and
// MatchPosts do that. Work is linear in the input.
func ReadDeliverables(r io.Reader) ([]Deliverable, error) {
	return readCSV("collab.ReadDeliverables", r, deliverableRequired, deliverableOptional, readDeliverable)
}

func readDeliverable(rec csvx.Record, cols map[string]int) (Deliverable, error) {
	c := &cells{rec: rec, cols: cols}
	d := Deliverable{ID: c.required("id"), Creator: c.required("creator"), Count: c.int("count"),
		Booked: c.time("booked", true), Due: c.time("due", false),
		Window:      Window{c.time("window_start", true), c.time("window_end", true)},
		UsageRights: Window{c.time("usage_rights_start", true), c.time("usage_rights_end", true)},
		Exclusivity: Window{c.time("exclusivity_start", true), c.time("exclusivity_end", true)},
		Fee:         c.money("fee", "currency"),
		Brief: Brief{Mention: c.text("mention"), Code: c.text("code"), Link: c.text("link"),
			Hashtags: strings.FieldsFunc(c.text("hashtags"), func(r rune) bool { return r == ',' || r == ' ' })},
	}
	if err := d.Platform.UnmarshalText([]byte(c.text("platform"))); err != nil || d.Platform == kpi.UnknownPlatform {
		c.fail("platform", fmt.Errorf("%w: unknown platform", ErrInvalid))
	}
	if err := d.Kind.UnmarshalText([]byte(c.text("kind"))); err != nil {
		c.fail("kind", fmt.Errorf("%w: want one of post, reel, story, video, short, live", ErrInvalid))
	}
	var err error
	if d.Terms, _, err = parseTerms(c.text("terms")); err != nil {
		c.fail("terms", err)
	}
	if d.Brief.Rules, err = parseRules(c.text("rules")); err != nil {
		c.fail("rules", err)
	}
	return d, c.err
}

// ParseTerms reads payment terms written as ReadDeliverables documents:
// milestones separated by ";", each "SHARE TRIGGER [net N]" ("30% signing
// net 7; 70% publish net 30"). Empty text is no milestone (the default
// term). Errors name the milestone ("terms[1].share") and wrap ErrSyntax
// or ErrInvalid; a share text longer than MaxNumberText, a share beyond
// MaxExponent or MaxDigits or net days beyond MaxNetDays wrap
// ErrTooLarge. Shares are checked to sum to 1 by Deliverable.Validate,
// not here. The work is linear in the length of s.
func ParseTerms(s string) ([]Milestone, error) {
	ms, field, err := parseTerms(s)
	if err != nil {
		return nil, errs.New(err, "collab.ParseTerms", field, "", errs.None)
	}
	return ms, nil
}

// parseTerms returns the milestones of s, or the field of the milestone
// that does not read ("terms[1].share") and the cause, wrapping a sentinel.
func parseTerms(s string) ([]Milestone, string, error) {
	var out []Milestone
	for _, part := range strings.Split(s, ";") {
		f := strings.Fields(part)
		if len(f) == 0 {
			continue
		}
		at := errs.Index("terms", len(out))
		if len(f) != 2 && (len(f) != 4 || !strings.EqualFold(f[2], "net")) {
			return nil, at, fmt.Errorf("%w: milestone %s: want SHARE TRIGGER [net N]", ErrSyntax, errs.Quote(strings.TrimSpace(part)))
		}
		m, field, err := parseMilestone(f)
		if err != nil {
			return nil, at + "." + field, err
		}
		out = append(out, m)
	}
	return out, "", nil
}

func parseMilestone(f []string) (Milestone, string, error) {
	var m Milestone
	share, pct := strings.CutSuffix(f[0], "%")
	if err := checkNumberText(share); err != nil {
		return m, "share", err
	}
	d, err := decimal.NewFromString(share)
	if err != nil {
		return m, "share", fmt.Errorf("%w: share %s", ErrSyntax, errs.Quote(f[0]))
	}
	if pct {
		d = d.Shift(-2)
	}
	if limit.Decimal("", "", d) != nil {
		return m, "share", fmt.Errorf("%w: share %s: beyond exponent ±%d or %d digits", ErrTooLarge, errs.Quote(f[0]), MaxExponent, MaxDigits)
	}
	m.Share = d
	if err := m.On.UnmarshalText([]byte(f[1])); err != nil {
		return m, "on", fmt.Errorf("%w: trigger %s: want signing or publish", ErrInvalid, errs.Quote(f[1]))
	}
	if len(f) == 4 {
		if m.NetDays, err = strconv.Atoi(f[3]); err != nil || m.NetDays < 0 {
			return m, "net_days", fmt.Errorf("%w: net days %s", ErrSyntax, errs.Quote(f[3]))
		}
		if m.NetDays > MaxNetDays {
			return m, "net_days", fmt.Errorf("%w: net days %s: beyond %d", ErrTooLarge, errs.Quote(f[3]), MaxNetDays)
		}
	}
	return m, "", nil
}

// DisclosureRuleByName returns the built-in rule named name, ignoring case and
// spaces, by its Name ("FTC", "ASA", "Reklam Kurulu") or its
// jurisdiction ("US", "GB" or "UK", "TR"); false for any other name.
func DisclosureRuleByName(name string) (DisclosureRule, bool) {
	var buf [16]byte
	key := buf[:0] // name without spaces, lower case; longer than any rule's name is none
	for _, r := range name {
		switch {
		case unicode.IsSpace(r):
			continue
		case len(key) >= len(buf)-utf8.UTFMax:
			return DisclosureRule{}, false
		}
		key = utf8.AppendRune(key, unicode.ToLower(r))
	}
	return ruleByKey(string(key))
}

func ruleByKey(key string) (DisclosureRule, bool) {
	for _, r := range DisclosureRules() {
		if key == strings.ToLower(strings.ReplaceAll(r.Name, " ", "")) || key == strings.ToLower(r.Jurisdiction) ||
			(key == "uk" && r.Jurisdiction == "GB") {
			return r, true
		}
	}
	return DisclosureRule{}, false
}

func parseRules(s string) ([]DisclosureRule, error) {
	var out []DisclosureRule
	for _, name := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == ',' }) {
		if len(out) == MaxRules {
			return nil, fmt.Errorf("%w: more than %d rules", ErrTooLarge, MaxRules)
		}
		r, ok := DisclosureRuleByName(name)
		if !ok {
			return nil, fmt.Errorf("%w: rule %s: want FTC, ASA or Reklam Kurulu (US, GB, TR)", ErrInvalid, errs.Quote(strings.TrimSpace(name)))
		}
		out = append(out, r)
	}
	return out, nil
}

// ReadPayouts reads payouts from CSV with a header row and the columns
// deliverable, amount, currency and at (a time as ReadEvents reads it).
// Errors are *ParseError as for ReadDeliverables.
func ReadPayouts(r io.Reader) ([]Payout, error) {
	return readCSV("collab.ReadPayouts", r, []string{"deliverable", "amount", "currency", "at"}, nil,
		func(rec csvx.Record, cols map[string]int) (Payout, error) {
			c := &cells{rec: rec, cols: cols}
			p := Payout{Deliverable: c.required("deliverable"), Amount: c.money("amount", "currency"), At: c.time("at", false)}
			return p, c.err
		})
}

// ReadGifts reads gifts from CSV with a header row: creator, item,
// sent_at, cost and currency required, mention and code optional (one of
// them needed by EarnedPosts). Errors are *ParseError as for
// ReadDeliverables.
func ReadGifts(r io.Reader) ([]Gift, error) {
	return readCSV("collab.ReadGifts", r, []string{"creator", "item", "sent_at", "cost", "currency"}, []string{"mention", "code"},
		func(rec csvx.Record, cols map[string]int) (Gift, error) {
			c := &cells{rec: rec, cols: cols}
			g := Gift{Creator: c.required("creator"), Item: c.text("item"), SentAt: c.time("sent_at", false),
				Cost: c.money("cost", "currency"), Mention: c.text("mention"), Code: c.text("code")}
			return g, c.err
		})
}
