package collab

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/kpi"
)

// TestDaysBeyondDuration: days between times more than 292 years apart
// (beyond time.Duration) are exact.
func TestDaysBeyondDuration(t *testing.T) {
	d := baseDeliverable()
	d.Due, d.Booked, d.Terms = time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC), time.Time{}, nil
	events := []Event{{Deliverable: "d", Action: Briefed, At: time.Date(1700, 1, 1, 0, 0, 0, 0, time.UTC)},
		{Deliverable: "d", Action: Published, At: time.Date(2026, 5, 9, 12, 0, 0, 0, time.UTC)}}
	sts, err := Statuses([]Deliverable{d}, events, time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	// 1700-01-01 to 2026-01-01: 326 years with 82 multiples of 4 less
	// 1700, 1800, 1900: 326·365 + 79 = 119069 days; to 9 May: 31+28+31+30+8
	// = 128 more, and 12 h: 119197.5 days.
	if got := sts[0].Steps[0].Days; !got.Equal(decimal.RequireFromString("119197.5")) || sts[0].State != StateOnTime {
		t.Errorf("step = %s days, state %s; want 119197.5, on_time", got, sts[0].State)
	}
	// Never published: overdue from 10 May 2026 to 31 Dec 9999. 2026-01-01
	// to 10000-01-01: 7974 years with 1993 multiples of 4 less 60 centuries
	// not divisible by 400: 7974·365 + 1933 = 2912443 days; less 129 days
	// (1 Jan to 10 May) and 1 (31 Dec): 2912313 days; late by ⌊…⌋ + 1 = 2912314.
	sts, err = Statuses([]Deliverable{d}, events[:1], time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC))
	if err != nil || sts[0].State != StateOverdue || sts[0].DaysLate != 2912314 {
		t.Errorf("overdue: %+v, %v; want 2912314 days late", sts, err)
	}
	// Due 31 Dec 9999, as of 1 May 2026 12:00: 2912313 + 9 days less 12 h =
	// 2912321.5 days, ⌈…⌉ = 2912322 left (this overflowed to a negative count).
	d.Due = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	sts, err = Statuses([]Deliverable{d}, nil, t0)
	if err != nil || sts[0].State != StateOpen || sts[0].DaysLeft != 2912322 {
		t.Errorf("open: %+v, %v; want 2912322 days left", sts, err)
	}
}

// TestTimeLimits: a time outside MinYear…MaxYear is ErrTooLarge naming
// its field; NetDays up to MaxNetDays is accepted.
func TestTimeLimits(t *testing.T) {
	far := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	d := baseDeliverable()
	due := d
	due.Due = time.Unix(math.MaxInt64, 0)
	cases := []struct {
		name, field string
		err         error
	}{
		{"asof", "asof", statusErr([]Deliverable{d}, nil, far)},
		{"due", "ds[0].due", statusErr([]Deliverable{due}, nil, t0)},
		{"event", "events[0].at", statusErr([]Deliverable{d}, []Event{{Deliverable: "d", At: far}}, t0)},
		{"payout", "payouts[0].at", func() error {
			_, err := Payments([]Deliverable{d}, nil, []Payout{{Deliverable: "d", Amount: money("1"), At: far}}, t0)
			return err
		}()},
		{"end", "results[0].end", func() error {
			_, err := Histories([]CampaignResult{{Campaign: "c", Creator: "m", End: time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC)}})
			return err
		}()},
		{"sent_at", "gifts[0].sent_at", func() error {
			_, err := EarnedPosts([]Gift{{Creator: "c", SentAt: far, Code: "X"}}, nil, Matching{})
			return err
		}()},
		{"net days", "ds[0].terms[0].net_days", statusErr([]Deliverable{withTerms(d, Milestone{Share: decimal.NewFromInt(1), NetDays: MaxNetDays + 1, On: OnSigning})}, nil, t0)},
	}
	for _, c := range cases {
		if !errors.Is(c.err, ErrTooLarge) || !strings.Contains(c.err.Error(), ": "+c.field+": ") {
			t.Errorf("%s: err = %v, want ErrTooLarge naming %s", c.name, c.err, c.field)
		}
	}
	// Booked 21 Apr 2026 12:00 + 36500 days: 100 years (2126-04-21) hold
	// 36524 days (25 multiples of 4 from 2028 to 2124, less 2100), so 36500
	// days fall 24 days earlier, on 28 Mar 2126 at 12:00.
	ps, err := Payments([]Deliverable{withTerms(d, Milestone{Share: decimal.NewFromInt(1), NetDays: MaxNetDays, On: OnSigning})}, nil, nil, t0)
	if want := time.Date(2126, 3, 28, 12, 0, 0, 0, time.UTC); err != nil || !ps[0].Due.Equal(want) || ps[0].State != PaymentDue {
		t.Errorf("net %d days: %+v, %v; want due %v", MaxNetDays, ps, err, want)
	}
}

func statusErr(ds []Deliverable, events []Event, asof time.Time) error {
	_, err := Statuses(ds, events, asof)
	return err
}

func withTerms(d Deliverable, ms ...Milestone) Deliverable {
	d.Terms = ms
	return d
}

// TestDecimalLimits: a decimal beyond MaxExponent or MaxDigits is
// ErrTooLarge naming its field, with a short message; 1000 digits and an
// exponent of ±1000 are accepted.
func TestDecimalLimits(t *testing.T) {
	huge, tiny := decimal.New(1, math.MaxInt32), decimal.New(1, math.MinInt32)
	d := baseDeliverable()
	fee := d
	fee.Fee.Amount = huge
	r := CampaignResult{Campaign: "c", Creator: "m", End: t0}
	roas, cpa := r, r
	roas.ROAS, cpa.CPA = decimal.NewNullDecimal(tiny), &budget.Money{Amount: huge, Currency: eur}
	cases := []struct {
		name, field string
		err         error
	}{
		{"fee", "ds[0].fee", statusErr([]Deliverable{fee}, nil, t0)},
		{"share", "terms[0].share", withTerms(d, Milestone{Share: tiny, On: OnPublish}).Validate()},
		{"payout", "payouts[0].amount", func() error {
			_, err := Payments([]Deliverable{d}, nil, []Payout{{Deliverable: "d", Amount: budget.Money{Amount: huge, Currency: eur}, At: t0}}, t0)
			return err
		}()},
		{"record", "payouts[0].amount", func() error {
			_, err := RecordPayouts(budget.Plan{}, "x", []Payout{{Amount: budget.Money{Amount: tiny, Currency: eur}, At: t0}}, t0)
			return err
		}()},
		{"roas", "results[0].roas", func() error { _, err := Histories([]CampaignResult{roas}); return err }()},
		{"cpa", "results[0].cpa", func() error { _, err := Histories([]CampaignResult{cpa}); return err }()},
		{"cost", "gifts[1].cost", func() error {
			_, err := GiftLine("g", []Gift{{Cost: money("1")}, {Cost: budget.Money{Amount: huge, Currency: eur}}})
			return err
		}()},
	}
	for _, c := range cases {
		if !errors.Is(c.err, ErrTooLarge) || !strings.Contains(c.err.Error(), ": "+c.field+": ") || len(c.err.Error()) > 120 {
			t.Errorf("%s: err = %v, want a short ErrTooLarge naming %s", c.name, c.err, c.field)
		}
	}
	// 1000 nines at 10^-1000 is within the limits: a fee of 0.99…9.
	nines := decimal.RequireFromString("0." + strings.Repeat("9", 1000))
	fee.Fee.Amount = nines
	if err := fee.Validate(); err != nil {
		t.Errorf("1000-digit fee: %v", err)
	}
}

// TestCountLimits: Tally saturates; Histories refuses sums beyond int64.
func TestCountLimits(t *testing.T) {
	m := math.MaxInt
	tally := Tally([]Status{{State: StateLate, DaysLate: m, Rounds: 1}, {State: StateLate, DaysLate: 2, Rounds: m}})
	if tally.DaysLate != m || tally.Rounds != m || tally.Late != 2 {
		t.Errorf("Tally = %+v, want DaysLate and Rounds saturated at MaxInt", tally)
	}
	r := CampaignResult{Campaign: "a", Creator: "m", End: t0, Delivery: tally}
	r2 := r
	r2.Campaign = "b"
	if _, err := Histories([]CampaignResult{r, r2}); !errors.Is(err, ErrOverflow) || !strings.Contains(err.Error(), "results[") {
		t.Errorf("Histories past int64: err = %v, want ErrOverflow", err)
	}
	// On time MaxInt and late 1 in one campaign: OnTime + Late overflows.
	r.Delivery = Delivery{OnTime: m, Late: 1}
	if _, err := Histories([]CampaignResult{r}); !errors.Is(err, ErrOverflow) {
		t.Errorf("Histories OnTime + Late past int64: err = %v, want ErrOverflow", err)
	}
	// A negative count is named by its field.
	r.Delivery = Delivery{Rounds: -2}
	if _, err := Histories([]CampaignResult{r}); !errors.Is(err, ErrNegative) ||
		err.Error() != "collab: Histories: results[0].delivery.rounds: negative count (-2)" {
		t.Errorf("Histories negative rounds: err = %v", err)
	}
	// A zero asof records nothing silently no more.
	if _, err := RecordPayouts(budget.Plan{}, "x", nil, time.Time{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("RecordPayouts zero asof: err = %v, want ErrInvalid", err)
	}
}

// TestTextLimits: ParseTerms names the milestone and bounds its numbers;
// the readers refuse long or huge amounts and a nil pointer.
func TestTextLimits(t *testing.T) {
	for _, c := range []struct {
		in, field string
		want      error
	}{
		{"1e2000 publish", "terms[0].share", ErrTooLarge},
		{"1e99999 publish", "terms[0].share", ErrTooLarge}, // decimal's parser calls it malformed
		{"1e-9223372036854775809% publish", "terms[0].share", ErrTooLarge},
		{strings.Repeat("1", MaxNumberText+1) + " publish", "terms[0].share", ErrTooLarge},
		{"0.5 publish; 0.5 publish net 36501", "terms[1].net_days", ErrTooLarge},
		{"0.5 publish; 0.5 later", "terms[1].on", ErrInvalid},
		{"x publish", "terms[0].share", ErrSyntax},
		{"1 publish net", "terms[0]", ErrSyntax},
	} {
		_, err := ParseTerms(c.in)
		if !errors.Is(err, c.want) || !strings.HasPrefix(err.Error(), "collab: ParseTerms: "+c.field+": ") || len(err.Error()) > 200 {
			t.Errorf("ParseTerms(%.30q): err = %v, want %v naming %s", c.in, err, c.want, c.field)
		}
	}
	head := "deliverable,amount,currency,at\n"
	for in, want := range map[string]error{
		head + "d," + strings.Repeat("9", MaxNumberText+1) + ",EUR,2026-05-01\n": ErrTooLarge,
		head + "d,1e2000,EUR,2026-05-01\n":                                       ErrTooLarge,
		head + "d,1e-1001,EUR,2026-05-01\n":                                      ErrTooLarge,
		head + "d,1e2147483647,EUR,2026-05-01\n":                                 ErrTooLarge,
		head + "d,1e2x,EUR,2026-05-01\n":                                         ErrSyntax,
	} {
		var pe *ParseError
		if _, err := ReadPayouts(strings.NewReader(in)); !errors.Is(err, want) || !errors.As(err, &pe) || pe.Column != 2 {
			t.Errorf("ReadPayouts(%.60q): err = %v, want a ParseError at column 2 wrapping %v", in, err, want)
		}
	}
	// A count past int64 overflows; it is a whole number all the same.
	if _, err := ReadDeliverables(strings.NewReader("id,creator,platform,kind,due,fee,currency,count\n" +
		"d,c,instagram,reel,2026-05-10,1,EUR,9223372036854775808\n")); !errors.Is(err, ErrOverflow) {
		t.Errorf("ReadDeliverables count 2^63: err = %v, want ErrOverflow", err)
	}
	var nilReader *strings.Reader
	if _, err := ReadEvents(nilReader); !errors.Is(err, ErrInvalid) {
		t.Errorf("ReadEvents(nil pointer): err = %v, want ErrInvalid", err)
	}
	if _, err := ReadDeliverables(strings.NewReader("id,creator,platform,kind,due,fee,currency,rules\nd,c,instagram,reel,2026-05-10,1,EUR," +
		strings.Repeat("FTC|", MaxRules+1) + "\n")); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadDeliverables with %d rules: err = %v, want ErrTooLarge", MaxRules+1, err)
	}
}

// TestBriefLimits: MaxRules rules, MaxWords words and MaxBriefText bytes
// are accepted, one more is ErrTooLarge; a mention with no handle is
// ErrInvalid.
func TestBriefLimits(t *testing.T) {
	rules := make([]DisclosureRule, MaxRules+1)
	for i := range rules {
		rules[i] = FTC()
	}
	words := strings.TrimSpace(strings.Repeat("w ", MaxWords))
	text := "@" + strings.Repeat("m", MaxBriefText-1)
	for _, c := range []struct {
		name string
		b    Brief
		want error
	}{
		{"max rules", Brief{Rules: rules[:MaxRules]}, nil},
		{"too many rules", Brief{Rules: rules}, ErrTooLarge},
		{"max words", Brief{Code: words, Rules: []DisclosureRule{{Name: "x", Phrases: []string{words}}}}, nil},
		{"code too long", Brief{Code: words + " w"}, ErrTooLarge},
		{"phrase too long", Brief{Rules: []DisclosureRule{{Name: "x", Phrases: []string{words + " w"}}}}, ErrTooLarge},
		{"max text", Brief{Mention: text}, nil},
		{"text too long", Brief{Mention: text + "m"}, ErrTooLarge},
		{"link too long", Brief{Link: strings.Repeat("l", MaxBriefText+1)}, ErrTooLarge},
		{"tag too long", Brief{Hashtags: []string{strings.Repeat("h", MaxBriefText+1)}}, ErrTooLarge},
		{"no handle", Brief{Mention: " @ "}, ErrInvalid},
	} {
		_, err := NewChecker(c.b)
		if (c.want == nil && err != nil) || (c.want != nil && !errors.Is(err, c.want)) || (err != nil && len(err.Error()) > 200) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
	// 16 FTC rules and a caption labelled "#ad" at rune 6: every rule finds it.
	c, err := NewChecker(Brief{Rules: rules[:MaxRules]})
	if err != nil {
		t.Fatal(err)
	}
	got := c.Check("Hello #ad")
	for _, r := range got.Rules {
		if r.Problem != NoProblem || r.Label != "#ad" || r.At != 6 {
			t.Errorf("rule %s: %+v, want #ad at 6", r.Rule, r)
		}
	}
}

// TestEarnedPostsPrefixCodes: codes that share words are told apart in one
// pass: "SAVE 10" names the later gift, "SAVE" alone the earlier one; a
// thousand gifts find the one whose code the caption carries.
func TestEarnedPostsPrefixCodes(t *testing.T) {
	gifts := []Gift{{Creator: "c", SentAt: t0, Code: "SAVE"}, {Creator: "c", SentAt: t0.Add(day), Code: "save 10"}}
	for i := range 1000 {
		gifts = append(gifts, Gift{Creator: "c", SentAt: t0, Code: "CODE" + strings.Repeat("X", i)})
	}
	post := func(id, caption string) kpi.Post {
		return kpi.Post{ID: id, Creator: "c", PublishedAt: t0.Add(2 * day), Caption: caption}
	}
	got, err := EarnedPosts(gifts, []kpi.Post{post("a", "use #SAVE 10!"), post("b", "use SAVE today"),
		post("c", "codexxx"), post("d", "SAVE10")}, Matching{})
	if err != nil {
		t.Fatal(err)
	}
	// a: both codes, the later gift 1; b: gift 0; c: CODEXXX is gift 2+3 = 5;
	// d: "save10" is one word, no code.
	want := map[string]int{"a": 1, "b": 0, "c": 5}
	if len(got) != len(want) {
		t.Fatalf("EarnedPosts = %+v, want %v", got, want)
	}
	for _, e := range got {
		if g, ok := want[e.Post]; !ok || g != e.Gift {
			t.Errorf("post %s: gift %d, want %v", e.Post, e.Gift, want)
		}
	}
}
