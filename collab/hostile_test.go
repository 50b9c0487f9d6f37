package collab

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/hostile"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/influencekit/influencekit/kpi"
)

// runner holds every call of the hostile table to hostile.Bound (×4 under
// -race) on its wall time or, on a machine so loaded that the wall time
// counts other processes' turns, on the CPU time of its own thread.
var runner = hostile.Runner{CPU: true}

// sentinels are collab's exported sentinel errors: every error of the
// hostile table must wrap one of them.
var sentinels = []error{ErrInvalid, ErrNegative, ErrEmpty, ErrSyntax, ErrMissingColumn, ErrDuplicate,
	ErrTooLarge, ErrOverflow, ErrNotFound, ErrMinorUnit, ErrCurrencyMismatch}

// errBadResult is returned by a call whose result breaks an invariant; it
// matches no sentinel, so the table reports it.
var errBadResult = errors.New("result breaks an invariant")

// hostileCall is one call of an exported function or method. fn is "Func"
// or "Type.Method", as TestHostileCoversAPI lists them.
type hostileCall struct {
	fn, name string
	call     func() error
}

// hostileOwn gives, by function, the caller's own error (a failing
// reader's) that a call may return wrapped instead of a sentinel.
var hostileOwn = map[string]error{"ReadEvents": errDisk, "ReadDeliverables": errDisk, "ReadPayouts": errDisk,
	"ReadGifts": errDisk}

var (
	t0     = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	year1  = time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC)                   // the earliest non-zero time within MinYear
	y9999  = time.Date(9999, 12, 31, 23, 59, 59, 999_999_999, time.UTC) // the latest within MaxYear
	ints   = []int{0, -1, 1, math.MaxInt, math.MinInt}
	hTimes = []time.Time{{}, t0, year1, y9999, time.Unix(1<<62, 0), time.Unix(-1<<62, 0),
		time.Unix(math.MaxInt64, 999_999_999), time.Unix(math.MinInt64, 0), y9999.Add(time.Nanosecond)}
	megaCaption = strings.Repeat("paid paid #ad @glow ", 50_000) // 10^6 bytes of near-matches
	hStrings    = []string{"", " ", "\x00", "a\x00b", "\xff\xfe\xfd", "#", "@", "#ad", "FTC", " uk ", "reklam kurulu",
		strings.Repeat("\x00\xff", 500_000), strings.Repeat("a", 1_000_000), strings.Repeat("#ad ", 250_000),
		strings.Repeat("İ\u0307ş", 200_000), megaCaption, strings.Repeat("9", 1_000_000),
		"30% signing net 7; 70% publish net 30", "1e2147483647 publish", "1e-2147483648% signing net 1",
		strings.Repeat("9", 1_000_000) + "% publish", "0." + strings.Repeat("0", 1_000_000) + "1 publish",
		"1 publish net 9223372036854775808", "1 publish net 36501", "1 publish net 36500", strings.Repeat("1 publish;", 100_000)}
)

// hostileDecimals returns zero, negative, MaxInt64, the exponents ±2³¹, a
// zero with such an exponent, a 10⁶-digit decimal and the largest values
// within the limits (1000 digits, exponent ±1000).
func hostileDecimals() []decimal.Decimal {
	million := decimal.NewFromBigInt(new(big.Int).Lsh(big.NewInt(1), 3_321_929), 0) // 2^3321929 has 10^6 digits
	nines := decimal.NewFromBigInt(new(big.Int).Sub(new(big.Int).Exp(big.NewInt(10), big.NewInt(1000), nil), big.NewInt(1)), 0)
	return []decimal.Decimal{{}, decimal.NewFromInt(-1), decimal.NewFromInt(math.MaxInt64), decimal.New(1, -16),
		decimal.New(1, math.MaxInt32), decimal.New(1, math.MinInt32), decimal.New(-7, math.MaxInt32),
		decimal.New(0, math.MinInt32), decimal.New(0, math.MaxInt32), million, million.Neg(),
		decimal.NewFromBigInt(million.Coefficient(), -1), decimal.New(1, limit.MaxExponent),
		decimal.New(1, -limit.MaxExponent), nines, decimal.NewFromBigInt(nines.Coefficient(), limit.MaxExponent),
		decimal.NewFromBigInt(nines.Coefficient(), -limit.MaxExponent), decimal.RequireFromString("0.5")}
}

// hostileBriefs returns briefs: empty, the built-in rules, long and
// hostile texts, too many rules, a code and a phrase of too many words.
func hostileBriefs() map[string]Brief {
	long := strings.Repeat("w ", MaxWords) + "w"
	many := make([]DisclosureRule, MaxRules+1)
	for i := range many {
		many[i] = FTC()
	}
	tags := make([]string, 10_000)
	for i := range tags {
		tags[i] = fmt.Sprint("t", i)
	}
	return map[string]Brief{
		"empty": {}, "all": {Rules: DisclosureRules(), Mention: "@glow", Code: "PAID AD", Link: "https://glow.example/", Hashtags: []string{"ad", "#GlowUp"}},
		"max rules":      {Rules: many[:MaxRules], Code: strings.TrimSpace(strings.Repeat("paid ", MaxWords))},
		"too many rules": {Rules: many}, "long code": {Code: long},
		"long phrase":   {Rules: []DisclosureRule{{Name: "x", Phrases: []string{long}}}},
		"max phrase":    {Rules: []DisclosureRule{{Name: "x", Phrases: []string{strings.Repeat("paid ", MaxWords-1) + "x", "paid"}, Within: math.MaxInt}}},
		"nul":           {Rules: []DisclosureRule{{Name: "\x00", Tags: []string{"\x00"}}}, Mention: "\x00", Code: "\x00"},
		"invalid utf-8": {Rules: []DisclosureRule{{Name: "\xff", Tags: []string{"\xffad"}, Phrases: []string{"\xfe"}, Within: -1}}, Code: "\xff", Hashtags: []string{"\xff"}},
		"10^6 bytes":    {Mention: strings.Repeat("m", 1_000_000), Code: strings.Repeat("c", 1_000_000), Link: megaCaption, Hashtags: []string{strings.Repeat("h", 1_000_000)}},
		"10^4 hashtags": {Hashtags: tags}, "negative within": {Rules: []DisclosureRule{{Name: "n", Tags: []string{"ad"}, Within: math.MinInt}}},
	}
}

// baseDeliverable is a valid deliverable: €1000, 30 % on signing net 7,
// 70 % on publish net 30, due 10 days after t0.
func baseDeliverable() Deliverable {
	return Deliverable{ID: "d", Creator: "c", Platform: kpi.Instagram, Kind: KindReel, Due: t0.Add(10 * day),
		Booked: t0.Add(-10 * day), Fee: budget.Money{Amount: decimal.NewFromInt(1000), Currency: eur},
		Terms: []Milestone{{Share: decimal.RequireFromString("0.3"), On: OnSigning, NetDays: 7},
			{Share: decimal.RequireFromString("0.7"), On: OnPublish, NetDays: 30}}}
}

// hostileDeliverables returns deliverable sets built from each hostile
// decimal (fee and share), time (due, booked, window), count and net days.
func hostileDeliverables() map[string][]Deliverable {
	base := baseDeliverable()
	out := map[string][]Deliverable{"nil": nil, "empty": {}, "base": {base}, "zero": {{}}, "twice": {base, base}}
	for i, d := range hostileDecimals() {
		fee, share := base, base
		fee.Fee.Amount = d
		share.Terms = []Milestone{{Share: d, On: OnPublish}}
		out[fmt.Sprint("fee ", i)], out[fmt.Sprint("share ", i)] = []Deliverable{fee}, []Deliverable{share}
	}
	for i, t := range hTimes {
		due, booked, win := base, base, base
		due.Due, booked.Booked = t, t
		win.Window, win.UsageRights = Window{Start: t}, Window{End: t}
		out[fmt.Sprint("due ", i)], out[fmt.Sprint("booked ", i)], out[fmt.Sprint("window ", i)] = []Deliverable{due}, []Deliverable{booked}, []Deliverable{win}
	}
	for _, n := range ints {
		count, net := base, base
		count.Count = n
		net.Terms = []Milestone{{Share: decimal.NewFromInt(1), On: OnPublish, NetDays: n}}
		out[fmt.Sprint("count ", n)], out[fmt.Sprint("net ", n)] = []Deliverable{count}, []Deliverable{net}
	}
	for name, b := range hostileBriefs() {
		d := base
		d.Brief = b
		out["brief "+name] = []Deliverable{d}
	}
	strs := base
	strs.ID, strs.Creator, strs.Kind, strs.Platform = strings.Repeat("\xff", 1_000_000), "\x00", 200, 200
	out["strings"] = []Deliverable{strs}
	return out
}

// hostileEvents returns event sets: nil, a life ending in a late
// delivery, events at every hostile time, unknown deliverables and
// actions, an event after a cancellation.
func hostileEvents() map[string][]Event {
	life := []Event{{Deliverable: "d", Action: Briefed, At: t0}, {Deliverable: "d", Action: DraftSubmitted, At: t0.Add(day)},
		{Deliverable: "d", Action: Approved, At: t0.Add(2 * day)}, {Deliverable: "d", Action: Published, At: t0.Add(20 * day), Post: "p"}}
	out := map[string][]Event{"nil": nil, "life": life,
		"unknown":   {{Deliverable: "\x00", Action: Published, At: t0}},
		"action":    {{Deliverable: "d", Action: 200, At: t0}},
		"cancelled": {{Deliverable: "d", Action: Cancelled, At: t0}, {Deliverable: "d", Action: Approved, At: t0.Add(day)}},
		"no post":   {{Deliverable: "d", Action: Published, At: t0, Post: "\xff"}}}
	for i, t := range hTimes {
		out[fmt.Sprint("at ", i)] = []Event{{Deliverable: "d", Action: Briefed, At: year1}, {Deliverable: "d", Action: Published, At: t}}
	}
	return out
}

// hostileContent returns post sets for MatchPosts and EarnedPosts.
func hostileContent() map[string][]Content {
	p := func(id string, at time.Time, caption string) Content {
		return Content{Post: kpi.Post{ID: id, Creator: "c", Platform: kpi.Instagram, PublishedAt: at, Caption: caption}, Kind: KindReel}
	}
	return map[string][]Content{"nil": nil, "one": {p("p", t0.Add(day), "#ad PAID AD @glow")},
		"no id": {p("", t0, "")}, "twice": {p("p", t0, ""), p("p", t0, "")}, "kind": {{Post: kpi.Post{ID: "k"}, Kind: 200}},
		"extreme": {p("a", time.Unix(math.MinInt64, 0), "\x00"), p("b", time.Unix(math.MaxInt64, 999_999_999), "\xff")},
		"10^6":    {p("m", t0.Add(day), megaCaption)}, "10^6 invalid": {p("n", t0.Add(2*day), strings.Repeat("\x00\xff", 500_000))}}
}

func posts(cs []Content) []kpi.Post {
	out := make([]kpi.Post, len(cs))
	for i := range cs {
		out[i] = cs[i].Post
	}
	return out
}

// checkStatuses returns errBadResult if a status has a negative count or
// contradicts its state.
func checkStatuses(sts []Status, err error) error {
	for _, s := range sts {
		if s.DaysLate < 0 || s.DaysLeft < 0 || s.Published < 0 || (s.State == StateOpen) != (s.DaysLeft > 0) {
			return fmt.Errorf("%w: %+v", errBadResult, s)
		}
		for _, st := range s.Steps {
			if st.Days.Sign() < 0 {
				return fmt.Errorf("%w: step %+v", errBadResult, st)
			}
		}
	}
	return err
}

// checkPayments returns errBadResult if the instalments do not sum to the
// fee or one is overdue by a negative number of days.
func checkPayments(ds []Deliverable, ps []Payment, err error) error {
	if err != nil {
		return err
	}
	sum := map[string]decimal.Decimal{}
	for _, p := range ps {
		sum[p.Deliverable] = sum[p.Deliverable].Add(p.Amount.Amount)
		if p.DaysOverdue < 0 || p.Paid.Amount.GreaterThan(p.Amount.Amount) {
			return fmt.Errorf("%w: %+v", errBadResult, p)
		}
	}
	for _, d := range ds {
		if !sum[d.ID].Equal(d.Fee.Amount) {
			return fmt.Errorf("%w: %s sums to %s, fee %s", errBadResult, d.ID, errs.Format(sum[d.ID]), errs.Format(d.Fee.Amount))
		}
	}
	return nil
}

// callsTrack covers Deliverable.Validate, Statuses, MatchPosts,
// Matching.Events, Payments, RecordPayouts and Window.Contains.
func callsTrack() []hostileCall {
	var cs []hostileCall
	evs := hostileEvents()
	contents := hostileContent()
	all := hostileDeliverables()
	// every deliverable set with a whole life of events, and every event
	// set with the base deliverable
	type pair struct {
		name   string
		ds     []Deliverable
		events []Event
	}
	var pairs []pair
	for dname, ds := range all {
		for _, d := range ds {
			cs = append(cs, hostileCall{"Deliverable.Validate", dname, d.Validate})
		}
		pairs = append(pairs, pair{dname + " / life", ds, evs["life"]})
	}
	for ename, events := range evs {
		pairs = append(pairs, pair{"base / " + ename, all["base"], events})
	}
	for _, p := range pairs {
		for ai, asof := range hTimes {
			cs = append(cs, hostileCall{"Statuses", fmt.Sprint(p.name, " asof ", ai), func() error {
				return checkStatuses(Statuses(p.ds, p.events, asof))
			}})
		}
		for cname, content := range contents {
			cs = append(cs, hostileCall{"MatchPosts", p.name + " / " + cname, func() error {
				m, err := MatchPosts(p.ds, content, p.events)
				if err == nil {
					m.Events(content)
				}
				return err
			}})
		}
	}
	for cname, content := range contents {
		cs = append(cs, hostileCall{"Matching.Events", cname, func() error {
			m := Matching{Links: []PostLink{{Deliverable: "d", Post: "p"}, {Deliverable: "\x00", Post: "\xff"}}}
			m.Events(content)
			return nil
		}})
	}
	return append(cs, callsPay()...)
}

// hostilePayouts returns payout sets built from each hostile decimal and
// time.
func hostilePayouts() map[string][]Payout {
	ok := Payout{Deliverable: "d", Amount: budget.Money{Amount: decimal.NewFromInt(300), Currency: eur}, At: t0}
	out := map[string][]Payout{"nil": nil, "ok": {ok}, "twice": {ok, ok, ok, ok}, "unknown": {{Deliverable: "\x00", At: t0}},
		"usd": {{Deliverable: "d", Amount: budget.Money{Amount: decimal.NewFromInt(1), Currency: budget.MustParseCurrency("USD")}, At: t0}}}
	for i, d := range hostileDecimals() {
		p := ok
		p.Amount.Amount = d
		out[fmt.Sprint("amount ", i)] = []Payout{p}
	}
	for i, t := range hTimes {
		p := ok
		p.At = t
		out[fmt.Sprint("at ", i)] = []Payout{p, ok}
	}
	return out
}

func callsPay() []hostileCall {
	var cs []hostileCall
	all := hostileDeliverables()
	ds := map[string][]Deliverable{"base": all["base"], "fee 9": all["fee 9"], "net max": all[fmt.Sprint("net ", math.MaxInt)],
		"due 3": all["due 3"], "booked 2": all["booked 2"], "share 4": all["share 4"], "nil": nil}
	evs := hostileEvents()
	plan, err := budget.NewPlan(eur, decimal.NewFromInt(10_000), t0, t0.Add(90*day))
	if err == nil {
		plan, err = plan.AddItem(budget.LineItem{Name: "fees", Category: budget.InfluencerFees, Planned: decimal.NewFromInt(5000)})
	}
	if err != nil {
		panic(err)
	}
	for pname, payouts := range hostilePayouts() {
		for dname, d := range ds {
			for ai, asof := range hTimes {
				cs = append(cs, hostileCall{"Payments", fmt.Sprint(pname, " / ", dname, " / life asof ", ai), func() error {
					ps, err := Payments(d, evs["life"], payouts, asof)
					return checkPayments(d, ps, err)
				}})
			}
		}
		for _, ename := range []string{"nil", "at 3", "at 2", "at 8"} {
			cs = append(cs, hostileCall{"Payments", pname + " / base / " + ename, func() error {
				ps, err := Payments(ds["base"], evs[ename], payouts, y9999)
				return checkPayments(ds["base"], ps, err)
			}})
		}
		for ai, asof := range hTimes {
			for _, item := range []string{"fees", "", "\x00"} {
				cs = append(cs, hostileCall{"RecordPayouts", fmt.Sprint(pname, " asof ", ai, " ", item), func() error {
					_, err := RecordPayouts(plan, item, payouts, asof)
					return err
				}})
			}
		}
	}
	for i, a := range hTimes {
		for _, b := range hTimes {
			w := Window{Start: a, End: b}
			for _, t := range hTimes {
				cs = append(cs, hostileCall{"Window.Contains", fmt.Sprint(i), func() error { w.Contains(t); return nil }})
			}
		}
	}
	return cs
}

// callsHistory covers Tally, Histories, EarnedPosts and GiftLine.
func callsHistory() []hostileCall {
	var cs []hostileCall
	m := math.MaxInt
	for name, sts := range map[string][]Status{"nil": nil, "max": {{State: StateLate, DaysLate: m, Rounds: m}, {State: StateLate, DaysLate: m, Rounds: m}},
		"min": {{State: StateLate, DaysLate: math.MinInt, Rounds: math.MinInt}, {State: StateOnTime, Rounds: math.MinInt}},
		"odd": {{State: 200, DaysLate: -1}}} {
		cs = append(cs, hostileCall{"Tally", name, func() error {
			t := Tally(sts)
			if name == "max" && (t.DaysLate != m || t.Rounds != m) {
				return fmt.Errorf("%w: %+v does not saturate", errBadResult, t)
			}
			return nil
		}})
	}
	ok := CampaignResult{Campaign: "spring", Creator: "c", End: t0, Delivery: Delivery{Deliverables: 2, OnTime: 1, Late: 1, DaysLate: 3, Rounds: 3},
		FeePaid: budget.Money{Amount: decimal.NewFromInt(100), Currency: eur}, ROAS: decimal.NewNullDecimal(decimal.NewFromInt(3)),
		CPA: &budget.Money{Amount: decimal.NewFromInt(12), Currency: eur}, Gifts: 1, Earned: 1}
	results := map[string][]CampaignResult{"nil": nil, "ok": {ok}, "dup": {ok, ok}, "zero": {{}}}
	big := ok
	big.Delivery = Delivery{m, m, m, m, m, m, m, m}
	big.Gifts, big.Earned = m, m
	big2 := big
	big2.Campaign = "autumn"
	results["past int64"] = []CampaignResult{big, big2}
	results["negative"] = []CampaignResult{{Campaign: "x", Creator: "c", End: t0, Delivery: Delivery{Late: -1}}}
	for i, d := range hostileDecimals() {
		for j, f := range []func(*CampaignResult){func(r *CampaignResult) { r.FeePaid.Amount = d },
			func(r *CampaignResult) { r.ROAS.Decimal = d }, func(r *CampaignResult) { r.CPA = &budget.Money{Amount: d, Currency: eur} }} {
			r, r2 := ok, ok
			r2.Campaign = "autumn"
			f(&r)
			f(&r2)
			results[fmt.Sprint("decimal ", i, " field ", j)] = []CampaignResult{r, r2}
		}
	}
	for i, t := range hTimes {
		r := ok
		r.End = t
		results[fmt.Sprint("end ", i)] = []CampaignResult{r}
	}
	for name, rs := range results {
		cs = append(cs, hostileCall{"Histories", name, func() error { _, err := Histories(rs); return err }})
	}
	return append(cs, callsGifts()...)
}

func callsGifts() []hostileCall {
	var cs []hostileCall
	ok := Gift{Creator: "c", Item: "serum", SentAt: t0, Cost: budget.Money{Amount: decimal.NewFromInt(25), Currency: eur}, Mention: "@glow", Code: "PAID AD"}
	gifts := map[string][]Gift{"nil": nil, "ok": {ok}, "zero": {{}}, "no code": {{Creator: "c", SentAt: t0}},
		"usd":  {ok, {Creator: "c", SentAt: t0, Mention: "x", Cost: budget.Money{Amount: decimal.NewFromInt(1), Currency: budget.MustParseCurrency("USD")}}},
		"long": {{Creator: "c", SentAt: t0, Mention: strings.Repeat("m", 1_000_000), Code: strings.Repeat("w ", MaxWords+1)}}}
	many := make([]Gift, 1000)
	for i := range many {
		many[i] = ok
		many[i].Code = fmt.Sprint("CODE", i)
		many[i].Mention = fmt.Sprint("@brand", i)
	}
	gifts["1000 gifts"] = many
	for i, d := range hostileDecimals() {
		g := ok
		g.Cost.Amount = d
		gifts[fmt.Sprint("cost ", i)] = []Gift{g, ok}
	}
	for i, t := range hTimes {
		g := ok
		g.SentAt = t
		gifts[fmt.Sprint("sent ", i)] = []Gift{g}
	}
	paid := Matching{Links: []PostLink{{Deliverable: "d", Post: "p"}}}
	for gname, gs := range gifts {
		for cname, content := range hostileContent() {
			ps := posts(content)
			cs = append(cs, hostileCall{"EarnedPosts", gname + " / " + cname, func() error { _, err := EarnedPosts(gs, ps, paid); return err }})
		}
		for _, name := range []string{"gifts", "", "\x00"} {
			cs = append(cs, hostileCall{"GiftLine", gname + " " + name, func() error { _, err := GiftLine(name, gs); return err }})
		}
	}
	return cs
}

// callsCaption covers the caption checker, the rules and Fold.
func callsCaption() []hostileCall {
	var cs []hostileCall
	for bname, b := range hostileBriefs() {
		cs = append(cs, hostileCall{"NewChecker", bname, func() error { _, err := NewChecker(b); return err }})
		c, err := NewChecker(b)
		for _, s := range hStrings {
			name := fmt.Sprintf("%s %.20q (%d bytes)", bname, s, len(s))
			cs = append(cs, hostileCall{"CheckCaption", name, func() error {
				r, err := CheckCaption(s, b)
				if err == nil && len(r.Rules) != len(b.Rules) {
					return errBadResult
				}
				r.OK()
				return err
			}})
			if err != nil {
				continue
			}
			cs = append(cs, hostileCall{"Checker.Check", name, func() error { c.Check(s).OK(); return nil }},
				hostileCall{"Checker.Discloses", name, func() error { c.Discloses(s); return nil }},
				hostileCall{"Checker.Sponsored", name, func() error { c.Sponsored(kpi.Post{Caption: s}); return nil }},
				hostileCall{"Compliance.OK", name, func() error { Compliance{Missing: 0xFF}.OK(); return nil }})
		}
	}
	for _, s := range hStrings {
		name := fmt.Sprintf("%.20q (%d bytes)", s, len(s))
		cs = append(cs, hostileCall{"Fold", name, func() error { Fold(s); return nil }},
			hostileCall{"DisclosureRuleByName", name, func() error { DisclosureRuleByName(s); return nil }},
			hostileCall{"ParseTerms", name, func() error { _, err := ParseTerms(s); return err }})
	}
	for fn, f := range map[string]func() DisclosureRule{"FTC": FTC, "ASA": ASA, "ReklamKurulu": ReklamKurulu} {
		cs = append(cs, hostileCall{fn, "", func() error { f(); return nil }})
	}
	return append(cs, hostileCall{"DisclosureRules", "", func() error { DisclosureRules(); return nil }})
}

// textTypes are the package's enums and bit sets, with a value out of
// range each.
func textTypes() map[string][2]interface {
	String() string
	MarshalText() ([]byte, error)
} {
	type enum = interface {
		String() string
		MarshalText() ([]byte, error)
	}
	return map[string][2]enum{"Kind": {KindLive, Kind(255)}, "Action": {Cancelled, Action(255)}, "State": {StateLate, State(255)},
		"Element": {Disclosure | Hashtags, Element(255)}, "Trigger": {OnPublish, Trigger(255)},
		"PaymentState": {PaymentPaid, PaymentState(255)}, "Problem": {WeakOnly, Problem(255)}}
}

// callsText covers String, MarshalText, UnmarshalText and State.Delivered.
func callsText() []hostileCall {
	var cs []hostileCall
	for typ, vs := range textTypes() {
		for _, v := range vs {
			cs = append(cs, hostileCall{typ + ".String", v.String(), func() error { _ = v.String(); return nil }},
				hostileCall{typ + ".MarshalText", v.String(), func() error { _, err := v.MarshalText(); return err }})
		}
	}
	for _, s := range append(slices.Clone(hStrings), "disclosure|", "|", "none|code", " LATE ", "reel\x00") {
		b := []byte(s)
		for typ, u := range map[string]interface{ UnmarshalText([]byte) error }{"Kind": new(Kind), "Action": new(Action),
			"State": new(State), "Element": new(Element), "Trigger": new(Trigger), "PaymentState": new(PaymentState),
			"Problem": new(Problem)} {
			cs = append(cs, hostileCall{typ + ".UnmarshalText", fmt.Sprintf("%.20q", s), func() error { return u.UnmarshalText(b) }})
		}
	}
	for _, s := range []State{StateOpen, StateLate, 255} {
		cs = append(cs, hostileCall{"State.Delivered", s.String(), func() error { _ = s.Delivered(); return nil }})
	}
	return cs
}

// callsCSV covers the readers: nil and failing readers, empty input, NUL,
// invalid UTF-8, 10⁶-digit amounts, exponents ±2³¹, times at the edges.
func callsCSV() []hostileCall {
	var cs []hostileCall
	nines := strings.Repeat("9", 1_000_000)
	dl := "id,creator,platform,kind,due,fee,currency,terms,rules,hashtags\n"
	ev := "deliverable,action,at\n"
	pay := "deliverable,amount,currency,at\n"
	gift := "creator,item,sent_at,cost,currency,mention\n"
	inputs := map[string]func() io.Reader{
		"nil reader":  func() io.Reader { return nil },
		"nil pointer": func() io.Reader { var r *strings.Reader; return r },
		"failing":     func() io.Reader { return failingReader{} },
		"empty":       func() io.Reader { return strings.NewReader("") },
		"bom only":    func() io.Reader { return strings.NewReader("\uFEFF") },
		"bare quote":  func() io.Reader { return strings.NewReader("\"id\n") },
		"nul":         func() io.Reader { return strings.NewReader("\x00,\x00\n\x00,\x00\n") },
	}
	rows := map[string]string{
		"ok":       "d,c,instagram,reel,2026-05-10,1000.00,EUR,30% signing net 7; 70% publish net 30,FTC|TR,a b",
		"digits":   "d,c,instagram,reel,2026-05-10," + nines + ",EUR,,,",
		"exponent": "d,c,instagram,reel,2026-05-10,1e2147483647,EUR,1e-2147483648 publish,,",
		"zeros":    "d,c,instagram,reel,2026-05-10,0." + strings.Repeat("0", 1_000_000) + "1,EUR,,,",
		"edges":    "d,c,instagram,reel,9999-12-31T23:59:59Z,1,EUR,1 publish net 36500,,",
		"year 0":   "d,c,instagram,reel,0000-01-01,1,EUR,,,",
		"rules":    "d,c,instagram,reel,2026-05-10,1,EUR,," + strings.Repeat("FTC|", 250_000) + ",",
		"utf-8":    "\xff,\x00,instagram,reel,2026-05-10,1,EUR,,,\xff",
	}
	for name, row := range rows {
		for fn, text := range map[string]string{"ReadDeliverables": dl + row + "\n",
			"ReadEvents":  ev + strings.Join(strings.Split(row, ",")[:3], ",") + "\nd,published,\x00\n",
			"ReadPayouts": pay + "d," + strings.Split(row, ",")[5] + ",EUR," + strings.Split(row, ",")[4] + "\n",
			"ReadGifts":   gift + "c,x," + strings.Split(row, ",")[4] + "," + strings.Split(row, ",")[5] + ",EUR,@g\n"} {
			inputs[fn+" "+name] = func() io.Reader { return strings.NewReader(text) }
		}
	}
	readers := map[string]func(io.Reader) error{
		"ReadDeliverables": func(r io.Reader) error { _, err := ReadDeliverables(r); return err },
		"ReadEvents":       func(r io.Reader) error { _, err := ReadEvents(r); return err },
		"ReadPayouts":      func(r io.Reader) error { _, err := ReadPayouts(r); return err },
		"ReadGifts":        func(r io.Reader) error { _, err := ReadGifts(r); return err },
	}
	for iname, in := range inputs {
		for fn, read := range readers {
			cs = append(cs, hostileCall{fn, iname, func() error { return read(in()) }})
		}
	}
	return cs
}

// errDisk is the error of failingReader, the caller's own: the readers
// return it wrapped, for errors.Is.
var errDisk = errors.New("disk on fire")

// failingReader is a reader that always fails.
type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errDisk }

// callsJSON covers the JSON readers: 10⁶ digits, exponents ±2³¹, wrong
// types, NUL, invalid UTF-8, malformed input.
func callsJSON() []hostileCall {
	var cs []hostileCall
	nines := strings.Repeat("9", 1_000_000)
	values := []string{`"` + nines + `"`, nines, `"1e2147483647"`, `1e-2147483648`, `"0.3"`, `null`, `"\u0000"`,
		`"\xff"`, `true`, `{}`, `"` + strings.Repeat("0", 1_000_000) + `1"`}
	texts := []string{"", "null", "{}", "[]", "{", "\x00", "\xff\xfe", `{"on":"later"}`, `{"on":5}`,
		`{"net_days":9223372036854775808}`, `{"delivery":{"on_time":9223372036854775808}}`,
		`{"end":"99999-01-01T00:00:00Z"}`, `{"fee_paid":{"amount":"` + nines + `","currency":"EUR"}}`,
		`{"fee_paid":{"amount":"1e2147483647","currency":"\u0000"}}`}
	for _, v := range values {
		texts = append(texts, `{"share":`+v+`,"on":"publish"}`, `{"roas":`+v+`,"cpa":"1"}`, `{"cpa":`+v+`}`,
			`{"cpa":{"amount":`+v+`,"currency":"EUR"}}`, `{"value":`+v+`}`, `{"value":{"amount":`+v+`,"currency":"EUR"}}`,
			`{"cpa_trend":`+v+`}`, `{"cpa":[{"value":{"amount":"1","currency":"EUR"}}],"cpa_trend":{"amount":`+v+`,"currency":"USD"}}`)
	}
	texts = append(texts, `{"cpa":[{"value":{"amount":"1","currency":"EUR"}},{"value":"2"}]}`, `{"value":{"currency":"EUR"}}`)
	for _, text := range texts {
		b := []byte(text)
		name := fmt.Sprintf("%.40q (%d bytes)", text, len(text))
		cs = append(cs, hostileCall{"Milestone.UnmarshalJSON", name, func() error {
			m := Milestone{NetDays: 7}
			err := m.UnmarshalJSON(b)
			if err != nil && m.NetDays != 7 {
				return fmt.Errorf("%w: receiver changed on error", errBadResult)
			}
			return err
		}}, hostileCall{"CampaignResult.UnmarshalJSON", name, func() error {
			var r CampaignResult
			return r.UnmarshalJSON(b)
		}}, hostileCall{"Point.UnmarshalJSON", name, func() error {
			var p Point
			return p.UnmarshalJSON(b)
		}}, hostileCall{"History.UnmarshalJSON", name, func() error {
			var h History
			return h.UnmarshalJSON(b)
		}})
	}
	for i, d := range hostileDecimals() {
		name := fmt.Sprint("decimal ", i)
		p := Point{Campaign: "c", Value: d, Currency: eur}
		h := History{Creator: "m", CPA: []Point{p}, ROAS: []Point{{Value: d}}, CPATrend: decimal.NewNullDecimal(d)}
		cs = append(cs, hostileCall{"Point.MarshalJSON", name, func() error { _, err := p.MarshalJSON(); return err }},
			hostileCall{"History.MarshalJSON", name, func() error { _, err := h.MarshalJSON(); return err }})
	}
	return cs
}

// hostileTable is every call of the hostile-input test.
func hostileTable() []hostileCall {
	return slices.Concat(callsTrack(), callsHistory(), callsCaption(), callsText(), callsCSV(), callsJSON())
}

// TestHostile calls every exported function and method of the package with
// hostile values: each returns within hostile.Bound (×4 under -race) with
// a result or an error wrapping one of the package's sentinels, with a
// message of at most hostile.MaxMessage bytes, and never panics. The bound
// holds on wall time, or, on a machine so loaded that the wall time counts
// other processes' turns, on the CPU time of the call's own thread.
func TestHostile(t *testing.T) {
	var slow hostile.Slowest
	for _, c := range hostileTable() {
		runner.Check(t, &slow, fmt.Sprintf("%s(%.80s)", c.fn, c.name), c.call, hostile.MaxMessage, append(sentinels, hostileOwn[c.fn])...)
	}
	slow.Log(t)
}

// hostileSkip lists exported functions and methods left out of the
// hostile table, with the reason. None is: even the rule constructors
// without arguments are called.
var hostileSkip = map[string]string{}

// TestHostileCoversAPI lists the exported functions and methods of the
// package's non-test files (hostile.Exported) and fails naming any that
// the hostile table does not call and hostileSkip does not excuse.
func TestHostileCoversAPI(t *testing.T) {
	hostile.CoversAPI(t, ".", false, hostile.Names(hostileTable(), func(c hostileCall) string { return c.fn }), hostileSkip, 1)
}

// FuzzHostileDecimals drives collab's decimal entry points (a fee, a
// milestone share, a payout, a campaign's fee, ROAS and CPA, a gift's cost,
// a share's text) with c·10^zeros·10^exp: coefficients of up to 2066 digits
// and any int32 exponent. A value beyond limit.Decimal must be refused with
// ErrTooLarge, a value within computed or refused for its sign or range,
// and nothing may panic. It also places a deadline at sec seconds from
// 1970: within years 1…9999 the days late or left must be those of integer
// arithmetic on the seconds, outside ErrTooLarge.
func FuzzHostileDecimals(f *testing.F) {
	f.Add(int64(1), int32(math.MaxInt32), uint16(0), int64(0))
	f.Add(int64(-3), int32(math.MinInt32), uint16(0), int64(math.MaxInt64))
	f.Add(int64(0), int32(math.MinInt32), uint16(0), int64(math.MinInt64))
	f.Add(int64(9), int32(-limit.MaxExponent), uint16(999), int64(-62135596800))
	f.Add(int64(1), int32(limit.MaxExponent), uint16(1000), int64(253402300799))
	f.Add(int64(math.MaxInt64), int32(-1001), uint16(2047), int64(253402300800))
	f.Add(int64(3), int32(-1), uint16(0), int64(-62135596801))
	f.Fuzz(func(t *testing.T, c int64, exp int32, zeros uint16, sec int64) {
		coef := new(big.Int).Mul(big.NewInt(c), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(zeros%2048)), nil))
		d := decimal.NewFromBigInt(coef, exp)
		beyond := limit.Decimal("test", "d", d) != nil
		want := func(what string, err error, ok ...error) {
			t.Helper()
			switch {
			case beyond && !errors.Is(err, ErrTooLarge):
				t.Fatalf("%s(%s): beyond the limits, err = %v", what, errs.Format(d), err)
			case !beyond && err != nil && !slices.ContainsFunc(ok, func(s error) bool { return errors.Is(err, s) }):
				t.Fatalf("%s(%s): err = %v, want nil or %v", what, errs.Format(d), err, ok)
			}
		}
		ds := []Deliverable{baseDeliverable()}
		fee := ds[0]
		fee.Fee.Amount = d
		want("Validate fee", fee.Validate(), ErrNegative)
		share := ds[0]
		share.Terms = []Milestone{{Share: d, On: OnPublish}}
		want("Validate share", share.Validate(), ErrInvalid)
		payout := []Payout{{Deliverable: "d", Amount: budget.Money{Amount: d, Currency: eur}, At: t0}}
		ps, err := Payments(ds, nil, payout, t0.Add(day))
		want("Payments", checkPayments(ds, ps, err), ErrNegative, ErrInvalid)
		plan, err := budget.NewPlan(eur, decimal.NewFromInt(1000), t0, t0.Add(10*day))
		if err == nil {
			plan, err = plan.AddItem(budget.LineItem{Name: "fees", Category: budget.InfluencerFees, Planned: decimal.NewFromInt(500)})
		}
		if err != nil {
			t.Fatal(err)
		}
		_, err = RecordPayouts(plan, "fees", payout, t0.Add(day))
		want("RecordPayouts", err, ErrNegative, ErrMinorUnit, ErrInvalid, ErrTooLarge)
		r := CampaignResult{Campaign: "c", Creator: "m", End: t0, FeePaid: budget.Money{Amount: d, Currency: eur},
			ROAS: decimal.NewNullDecimal(d), CPA: &budget.Money{Amount: d, Currency: eur}}
		_, err = Histories([]CampaignResult{r, {Campaign: "b", Creator: "m", End: t0.Add(day), ROAS: r.ROAS, CPA: r.CPA}})
		want("Histories", err, ErrNegative)
		_, err = GiftLine("gifts", []Gift{{Cost: budget.Money{Amount: d, Currency: eur}}})
		want("GiftLine", err, ErrNegative)
		if !beyond && len(d.String()) <= MaxNumberText {
			ms, err := ParseTerms(d.String() + " publish")
			// Its text reads back equal, or beyond the limits once the
			// coefficient's trailing zeros join the exponent.
			if (err != nil && !errors.Is(err, ErrTooLarge)) || (err == nil && !ms[0].Share.Equal(d)) {
				t.Fatalf("ParseTerms(%s) = %v, %v", errs.Format(d), ms, err)
			}
		}
		fuzzDeadline(t, sec)
	})
}

// fuzzDeadline checks Statuses with the deadline at sec seconds from 1970
// as of t0 against integer arithmetic on the seconds.
func fuzzDeadline(t *testing.T, sec int64) {
	const first, last = -62135596800, 253402300799 // 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z
	ds := []Deliverable{baseDeliverable()}
	ds[0].Due, ds[0].Booked, ds[0].Terms = time.Unix(sec, 0), time.Time{}, nil
	sts, err := Statuses(ds, nil, t0)
	if sec < first || sec > last {
		if !errors.Is(err, ErrTooLarge) {
			t.Fatalf("Statuses(due %d s): err = %v, want ErrTooLarge", sec, err)
		}
		return
	}
	if sec == first { // the zero time.Time: a deadline not given
		if !errors.Is(err, ErrInvalid) {
			t.Fatalf("Statuses(due at the zero time): err = %v, want ErrInvalid", err)
		}
		return
	}
	if err != nil {
		t.Fatalf("Statuses(due %d s): %v", sec, err)
	}
	diff := sec - t0.Unix() // Due − asof in whole seconds
	want := Status{State: StateOpen, DaysLeft: int((diff + 86399) / 86400)}
	if diff <= 0 {
		want = Status{State: StateOverdue, DaysLate: int(-diff/86400) + 1}
	}
	if got := sts[0]; got.State != want.State || got.DaysLeft != want.DaysLeft || got.DaysLate != want.DaysLate {
		t.Fatalf("Statuses(due %d s) = %s, %d left, %d late; want %s, %d, %d", sec, got.State, got.DaysLeft,
			got.DaysLate, want.State, want.DaysLeft, want.DaysLate)
	}
}
