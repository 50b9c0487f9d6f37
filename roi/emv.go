package roi

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

// EMVFromImpressions returns the earned media value of impressions valued
// at a cost per mille: impressions × cpm / 1000, exact (no rounding), in the
// currency of cpm. It answers "what would these impressions have cost as
// paid ads at this CPM". 250,000 impressions at a CPM of 8 are worth 2,000.
// A negative count or CPM is [ErrNegative].
func EMVFromImpressions(impressions int64, cpm decimal.Decimal) (decimal.Decimal, error) {
	if impressions < 0 {
		return decimal.Decimal{}, errs.New(ErrNegative, "roi.EMVFromImpressions", "impressions", "", impressions)
	}
	if err := limit.Decimal("roi.EMVFromImpressions", "cpm", cpm); err != nil {
		return decimal.Decimal{}, err
	}
	if cpm.IsNegative() {
		return decimal.Decimal{}, errs.New(ErrNegative, "roi.EMVFromImpressions", "cpm", "", cpm)
	}
	// Shift(-3) divides by 1000 exactly; Div would round at the host's
	// decimal.DivisionPrecision.
	return decimal.NewFromInt(impressions).Mul(cpm).Shift(-3), nil
}

// UnitValues are what one action is worth, in the card's currency:
// one impression, one video view, one like, and so on. A zero value leaves
// the action out of the EMV.
type UnitValues struct {
	Impression decimal.Decimal `json:"impression"`
	View       decimal.Decimal `json:"view"`
	Like       decimal.Decimal `json:"like"`
	Comment    decimal.Decimal `json:"comment"`
	Share      decimal.Decimal `json:"share"`
	Save       decimal.Decimal `json:"save"`
	Click      decimal.Decimal `json:"click"`
}

// EMVCard values actions for earned media value: per platform, a unit
// value per action and a multiplier applied to all of the platform's
// values (for example 1.2 where the brand judges attention dearer). Build
// your own from your paid-media costs; [IllustrativeEMVCard] is only an
// example. (budget.RateCard is something else: the fees creators charge.)
type EMVCard struct {
	// Currency is the currency of every unit value (required).
	Currency budget.Currency `json:"currency"`
	// Source says where the values come from.
	Source string `json:"source"`
	// Default values every platform that Platforms does not list.
	Default UnitValues `json:"default"`
	// Platforms replaces Default for the platforms it lists.
	Platforms map[kpi.Platform]UnitValues `json:"platforms,omitempty"`
	// Multipliers scale a platform's unit values; a missing platform is 1.
	Multipliers map[kpi.Platform]decimal.Decimal `json:"multipliers,omitempty"`
}

// IllustrativeEMVCard returns an ILLUSTRATIVE EMV card in USD, not market
// data. Its values are the placeholder figures of the worked example in
// Later Influence's help centre article "Earned Media Value (EMV) & Return on
// Investment (ROI)" (an Instagram post valued as likes × $0.30 + comments ×
// $0.50 + impressions / 1,000 × $0.05; the article states that these are
// placeholders and that the real index it uses, Ayzenberg's, changes
// daily). They apply to every platform, with multiplier 1. Views, shares,
// saves and clicks are not valued by that example and are 0 here: set them
// from your own costs.
func IllustrativeEMVCard() EMVCard {
	return EMVCard{
		Currency: budget.MustParseCurrency("USD"),
		Source:   "illustrative: placeholder values of Later Influence's help article on EMV (likes $0.30, comments $0.50, $0.05 per 1,000 impressions)",
		Default: UnitValues{
			Impression: decimal.New(5, -5), // $0.05 per 1,000 impressions
			Like:       decimal.New(30, -2),
			Comment:    decimal.New(50, -2),
		},
	}
}

// Validate reports a card without a currency ([ErrInvalid]), or with a
// negative unit value or multiplier ([ErrNegative]) or one whose exponent is
// beyond ±budget.MaxExponent ([ErrTooLarge]).
func (rc EMVCard) Validate() error {
	const fn = "roi.EMVCard.Validate"
	if !rc.Currency.IsValid() {
		return errs.New(ErrInvalid, fn, "Currency", "no currency", errs.None)
	}
	check := func(field string, v decimal.Decimal) error {
		if err := limit.Decimal(fn, field, v); err != nil {
			return err
		}
		if v.IsNegative() {
			return errs.New(ErrNegative, fn, field, "", v)
		}
		return nil
	}
	checkUnits := func(name string, u UnitValues) error {
		for _, a := range actions {
			if err := check(name+"."+a.name, a.unit(u)); err != nil {
				return err
			}
		}
		return nil
	}
	if err := checkUnits("Default", rc.Default); err != nil {
		return err
	}
	// Platforms in order, so that the first error reported does not depend
	// on map iteration.
	for _, p := range slices.Sorted(maps.Keys(rc.Platforms)) {
		if err := checkUnits("Platforms["+p.String()+"]", rc.Platforms[p]); err != nil {
			return err
		}
	}
	for _, p := range slices.Sorted(maps.Keys(rc.Multipliers)) {
		if err := check("Multipliers["+p.String()+"]", rc.Multipliers[p]); err != nil {
			return err
		}
	}
	return nil
}

type action struct {
	name  string
	field kpi.Fields
	unit  func(UnitValues) decimal.Decimal
	count func(*kpi.Post) int64
}

var actions = [...]action{
	{"impressions", kpi.FieldImpressions, func(u UnitValues) decimal.Decimal { return u.Impression }, func(p *kpi.Post) int64 { return p.Impressions }},
	{"views", kpi.FieldViews, func(u UnitValues) decimal.Decimal { return u.View }, func(p *kpi.Post) int64 { return p.Views }},
	{"likes", kpi.FieldLikes, func(u UnitValues) decimal.Decimal { return u.Like }, func(p *kpi.Post) int64 { return p.Likes }},
	{"comments", kpi.FieldComments, func(u UnitValues) decimal.Decimal { return u.Comment }, func(p *kpi.Post) int64 { return p.Comments }},
	{"shares", kpi.FieldShares, func(u UnitValues) decimal.Decimal { return u.Share }, func(p *kpi.Post) int64 { return p.Shares }},
	{"saves", kpi.FieldSaves, func(u UnitValues) decimal.Decimal { return u.Save }, func(p *kpi.Post) int64 { return p.Saves }},
	{"clicks", kpi.FieldClicks, func(u UnitValues) decimal.Decimal { return u.Click }, func(p *kpi.Post) int64 { return p.Clicks }},
}

// EMVLine is one line of an earned media value: one action on one platform.
type EMVLine struct {
	Platform   kpi.Platform    `json:"platform"`
	Action     string          `json:"action"` // "impressions", "views", "likes", "comments", "shares", "saves", "clicks"
	Count      int64           `json:"count"`
	UnitValue  decimal.Decimal `json:"unit_value"`
	Multiplier decimal.Decimal `json:"multiplier"`
	Value      decimal.Decimal `json:"value"` // Count × UnitValue × Multiplier, exact
	// NotReported counts the posts that hid this count (kpi.Post.Hidden):
	// they add nothing to Count, and the line undervalues them.
	NotReported int64 `json:"not_reported,omitempty"`
	// Currency is UnitValue's and Value's, the card's; in JSON it travels
	// inside their money objects.
	Currency budget.Currency `json:"-"`
}

// emvLineJSON is the wire form of EMVLine.
type emvLineJSON struct {
	Platform    kpi.Platform    `json:"platform"`
	Action      string          `json:"action"`
	Count       int64           `json:"count"`
	UnitValue   jsonMoney       `json:"unit_value"`
	Multiplier  decimal.Decimal `json:"multiplier"`
	Value       jsonMoney       `json:"value"`
	NotReported int64           `json:"not_reported,omitempty"`
}

// MarshalJSON writes the line with lowercase keys, unit_value and value
// money objects in Currency (with its minor digits, or every digit of a
// finer amount such as 0.00005 USD an impression), the multiplier a decimal
// string.
func (l EMVLine) MarshalJSON() ([]byte, error) {
	return json.Marshal(emvLineJSON{l.Platform, l.Action, l.Count, jsonMoney{l.UnitValue, l.Currency},
		l.Multiplier, jsonMoney{l.Value, l.Currency}, l.NotReported})
}

// UnmarshalJSON reads what MarshalJSON writes. On error l keeps its value.
func (l *EMVLine) UnmarshalJSON(b []byte) error {
	var w emvLineJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return jsonErr("roi.EMVLine.UnmarshalJSON", err)
	}
	if w.UnitValue.Currency != w.Value.Currency {
		return mismatch("roi.EMVLine.UnmarshalJSON", "value", w.UnitValue.Currency, w.Value.Currency)
	}
	*l = EMVLine{w.Platform, w.Action, w.Count, w.UnitValue.Amount, w.Multiplier, w.Value.Amount, w.NotReported, w.Value.Currency}
	return nil
}

// EMV is an earned media value with its lines: Total = Σ Lines[i].Value.
type EMV struct {
	Currency budget.Currency `json:"currency"`
	Lines    []EMVLine       `json:"lines"`
	Total    decimal.Decimal `json:"total"`
}

// emvJSON is the wire form of EMV.
type emvJSON struct {
	Currency budget.Currency `json:"currency"`
	Lines    []EMVLine       `json:"lines"`
	Total    jsonMoney       `json:"total"`
}

// MarshalJSON writes the value with lowercase keys and total a money
// object in Currency with its minor digits:
// {"currency":"USD","lines":[…],"total":{"amount":"1752.50","currency":"USD"}}.
func (e EMV) MarshalJSON() ([]byte, error) {
	return json.Marshal(emvJSON{e.Currency, e.Lines, jsonMoney{e.Total, e.Currency}})
}

// UnmarshalJSON reads what MarshalJSON writes. On error e keeps its value.
func (e *EMV) UnmarshalJSON(b []byte) error {
	var w emvJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return jsonErr("roi.EMV.UnmarshalJSON", err)
	}
	*e = EMV{w.Currency, w.Lines, w.Total.Amount}
	return nil
}

// EMV values posts with the card: for each platform and each action
// with a non-zero unit value, a line count × unit value × multiplier, and
// the total of the lines. Values are exact, in the card's currency. Lines
// are ordered by platform, then impressions, views, likes, comments, shares,
// saves, clicks. Counts a post hid are not valued, and are counted in the
// line's NotReported.
//
// With the illustrative card, an Instagram post with 5,000 likes, 500
// comments and 50,000 impressions is worth 5,000 × 0.30 + 500 × 0.50 +
// 50,000 × 0.00005 = 1,500 + 250 + 2.5 = 1,752.50 USD, the figure of the
// example the card cites.
//
// Errors: an invalid card (see [EMVCard.Validate]), a negative count
// ([ErrNegative]), a count that a post both hides and gives
// ([ErrInvalid]), a count total beyond int64 ([ErrOverflow]).
func (rc EMVCard) EMV(posts []kpi.Post) (EMV, error) {
	if err := rc.Validate(); err != nil {
		return EMV{}, err
	}
	type key struct {
		p kpi.Platform
		a int
	}
	counts := map[key]int64{}
	hidden := map[key]int64{}
	var platforms []kpi.Platform
	seen := map[kpi.Platform]bool{}
	for i := range posts {
		p := &posts[i]
		if !seen[p.Platform] {
			seen[p.Platform] = true
			platforms = append(platforms, p.Platform)
		}
		for a := range actions {
			k := key{p.Platform, a}
			n := actions[a].count(p)
			if p.Hidden&actions[a].field != 0 {
				if n != 0 { // a count both hidden and given: refuse, do not guess
					return EMV{}, errs.New(ErrInvalid, "roi.EMVCard.EMV", "posts["+strconv.Itoa(i)+"]."+actions[a].name, "hidden but not zero", n)
				}
				hidden[k]++
				continue
			}
			if n < 0 {
				return EMV{}, errs.New(ErrNegative, "roi.EMVCard.EMV", "posts["+strconv.Itoa(i)+"]."+actions[a].name, "", n)
			}
			s, ok := exact.Add(counts[k], n)
			if !ok {
				return EMV{}, errs.New(ErrOverflow, "roi.EMVCard.EMV", "posts["+strconv.Itoa(i)+"]."+actions[a].name, "total overflows int64", n)
			}
			counts[k] = s
		}
	}
	slices.Sort(platforms)
	out := EMV{Currency: rc.Currency, Total: decimal.Zero, Lines: []EMVLine{}}
	for _, pl := range platforms {
		u, ok := rc.Platforms[pl]
		if !ok {
			u = rc.Default
		}
		m, ok := rc.Multipliers[pl]
		if !ok {
			m = one
		}
		for a := range actions {
			uv := actions[a].unit(u)
			if uv.IsZero() {
				continue
			}
			k := key{pl, a}
			v := decimal.NewFromInt(counts[k]).Mul(uv).Mul(m)
			out.Lines = append(out.Lines, EMVLine{Platform: pl, Action: actions[a].name, Count: counts[k],
				UnitValue: uv, Multiplier: m, Value: v, NotReported: hidden[k], Currency: rc.Currency})
			out.Total = out.Total.Add(v)
		}
	}
	return out, nil
}
