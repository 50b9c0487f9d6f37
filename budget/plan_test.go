package budget

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

var (
	planStart = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	planEnd   = planStart.AddDate(0, 0, 30) // 30 days
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func samplePlan(t *testing.T) Plan {
	t.Helper()
	// 10,000.00 by 60 : 25 : 15 → 6,000.00, 2,500.00, 1,500.00 (exact).
	p, err := NewPlanFromShares(MustParseCurrency("EUR"), d("10000.00"), planStart, planEnd, []Share{
		{InfluencerFees, d("60")}, {ContentProduction, d("25")}, {Contingency, d("15")},
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPlanFromShares(t *testing.T) {
	p := samplePlan(t)
	want := []LineItem{
		{Name: "influencer_fees", Category: InfluencerFees, Planned: d("6000"), Actual: decimal.Zero},
		{Name: "content_production", Category: ContentProduction, Planned: d("2500"), Actual: decimal.Zero},
		{Name: "contingency", Category: Contingency, Planned: d("1500"), Actual: decimal.Zero},
	}
	if diff := cmp.Diff(want, p.Items()); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	if !p.Unallocated().IsZero() || !p.Planned().Equal(d("10000")) {
		t.Errorf("planned %s, unallocated %s", p.Planned(), p.Unallocated())
	}
	// 100.00 by 1:1:1 → 33.34, 33.33, 33.33 through Split
	q, err := NewPlanFromShares(MustParseCurrency("EUR"), d("100.00"), planStart, planEnd, []Share{
		{Tools, d("1")}, {Management, d("1")}, {"legal", d("1")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if li, _ := q.Item("tools"); !li.Planned.Equal(d("33.34")) {
		t.Errorf("tools planned %s, want 33.34", li.Planned)
	}
	if li, ok := q.Item("legal"); !ok || li.Category != "legal" {
		t.Errorf("custom category item = %+v, %v", li, ok)
	}
}

func TestPlanTracking(t *testing.T) {
	p := samplePlan(t)
	p2, err := p.AddItem(LineItem{Name: "boost", Category: PaidAmplification, Planned: d("500.00")})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items()) != 3 || len(p2.Items()) != 4 {
		t.Fatalf("AddItem must not change the receiver: %d, %d", len(p.Items()), len(p2.Items()))
	}
	steps := []struct {
		name, amount string
	}{
		{"influencer_fees", "4000.00"}, {"influencer_fees", "2600.00"}, // 6,600 of 6,000: over by 600
		{"content_production", "1000.00"},
		{"boost", "750.50"}, {"boost", "-50.50"}, // 700 of 500: over by 200
	}
	for _, s := range steps {
		if p2, err = p2.RecordActual(s.name, d(s.amount)); err != nil {
			t.Fatal(err)
		}
	}
	// actual = 6,600 + 1,000 + 700 = 8,300; planned = 10,500
	if got := p2.Actual(); !got.Equal(d("8300")) {
		t.Errorf("Actual = %s, want 8300", got)
	}
	if got := p2.Remaining(); !got.Equal(d("1700")) { // 10,000 − 8,300
		t.Errorf("Remaining = %s, want 1700", got)
	}
	if got := p2.Unallocated(); !got.Equal(d("-500")) { // 10,000 − 10,500
		t.Errorf("Unallocated = %s, want -500", got)
	}
	wantCat := []CategoryTotal{ // sorted by name, in the plan's EUR
		{ContentProduction, d("2500"), d("1000"), MustParseCurrency("EUR")},
		{Contingency, d("1500"), d("0"), MustParseCurrency("EUR")},
		{InfluencerFees, d("6000"), d("6600"), MustParseCurrency("EUR")},
		{PaidAmplification, d("500"), d("700"), MustParseCurrency("EUR")},
	}
	if diff := cmp.Diff(wantCat, p2.ByCategory()); diff != "" {
		t.Errorf("ByCategory (-want +got):\n%s", diff)
	}
	var over []string
	for _, li := range p2.OverBudget() {
		over = append(over, li.Name)
	}
	if diff := cmp.Diff([]string{"influencer_fees", "boost"}, over); diff != "" {
		t.Errorf("OverBudget (-want +got):\n%s", diff)
	}
	li, _ := p2.Item("influencer_fees")
	amt, frac, err := li.Variance() // 600 / 6000 = 0.1
	if err != nil || !amt.Equal(d("600")) || !frac.Equal(d("0.1")) {
		t.Errorf("Variance = %s, %s, %v; want 600, 0.1", amt, frac, err)
	}
	li, _ = p2.Item("content_production")
	amt, frac, _ = li.Variance() // −1500 / 2500 = −0.6
	if !amt.Equal(d("-1500")) || !frac.Equal(d("-0.6")) {
		t.Errorf("Variance = %s, %s; want -1500, -0.6", amt, frac)
	}
	amt, _, err = LineItem{Name: "x", Planned: decimal.Zero, Actual: d("5")}.Variance()
	if !errors.Is(err, ErrNonPositive) || !amt.Equal(d("5")) || !strings.Contains(err.Error(), "x.Planned: zero") {
		t.Errorf("zero planned: %s, %v", amt, err)
	}
}

func TestPlanErrors(t *testing.T) {
	eur := MustParseCurrency("EUR")
	p := samplePlan(t)
	tests := []struct {
		name string
		err  error
		want error
		msg  string
	}{
		{"negative planned", second(p.AddItem(LineItem{Name: "Reels", Category: Tools, Planned: d("-5")})), ErrNegative,
			"budget: Plan.AddItem: Reels.Planned: negative (-5)"},
		{"sub-cent actual", second(p.AddItem(LineItem{Name: "Reels", Category: Tools, Planned: d("5"), Actual: d("0.001")})), ErrMinorUnit,
			"Reels.Actual"},
		{"empty name", second(p.AddItem(LineItem{Name: " ", Category: Tools})), ErrInvalid, "Name: empty"},
		{"empty category", second(p.AddItem(LineItem{Name: "a"})), ErrInvalid, "a.Category: empty"},
		{"duplicate", second(p.AddItem(LineItem{Name: "contingency", Category: Tools})), ErrDuplicate, "contingency"},
		{"unknown item", second(p.RecordActual("nope", d("1"))), ErrNotFound, `"nope"`},
		{"actual below zero", second(p.RecordActual("contingency", d("-1"))), ErrNegative, "contingency.Actual: would go negative (-1)"},
		{"sub-cent record", second(p.RecordActual("contingency", d("0.005"))), ErrMinorUnit, "contingency.Actual"},
		{"end before start", second(NewPlan(eur, d("1"), planEnd, planStart)), ErrInvalid, "end"},
		{"negative total", second(NewPlan(eur, d("-1"), planStart, planEnd)), ErrNegative, "total: negative (-1)"},
		{"no currency", second(NewPlan(Currency{}, d("1"), planStart, planEnd)), ErrInvalid, "currency: zero Currency"},
		{"bad shares", second(NewPlanFromShares(eur, d("1"), planStart, planEnd, []Share{{Tools, d("1")}, {Management, d("-1")}})), ErrNegative,
			"budget: NewPlanFromShares: shares[1].Weight: negative (-1)"},
		{"zero shares", second(NewPlanFromShares(eur, d("1"), planStart, planEnd, []Share{{Tools, d("0")}})), ErrNonPositive, "budget: NewPlanFromShares: shares: all zero"},
		{"no shares", second(NewPlanFromShares(eur, d("1"), planStart, planEnd, nil)), ErrEmpty, "budget: NewPlanFromShares: shares: no shares"},
		{"zero plan", second(Plan{}.AddItem(LineItem{Name: "a", Category: Tools})), ErrInvalid, "zero Plan"},
	}
	for _, tt := range tests {
		if !errors.Is(tt.err, tt.want) || !strings.Contains(tt.err.Error(), tt.msg) {
			t.Errorf("%s: err = %v, want %v containing %q", tt.name, tt.err, tt.want, tt.msg)
		}
	}
}

func second[T any](_ T, err error) error { return err }

func TestBurnRate(t *testing.T) {
	p, err := NewPlan(MustParseCurrency("EUR"), d("3000.00"), planStart, planEnd)
	if err != nil {
		t.Fatal(err)
	}
	p, _ = p.AddItem(LineItem{Name: "fees", Category: InfluencerFees, Planned: d("3000"), Actual: d("1000")})
	// 10 of 30 days: elapsed 1/3, spent 1000/3000 = 1/3, 100.00 a day, pace 1,
	// projected 1000·30/10 = 3000.
	got, err := p.BurnRate(planStart.AddDate(0, 0, 10))
	if err != nil {
		t.Fatal(err)
	}
	third := d("0.3333333333333333") // 16 places, half away from zero
	want := Burn{Elapsed: third, Spent: third, PerDay: d("100"), Pace: d("1"), Projected: d("3000"), Currency: MustParseCurrency("EUR")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("BurnRate (-want +got):\n%s", diff)
	}
	// after the end: the whole period counts. 1000 over 30 days = 33.3333333333333333.
	got, _ = p.BurnRate(planEnd.Add(time.Hour))
	want = Burn{Elapsed: d("1"), Spent: third, PerDay: d("33.3333333333333333"), Pace: third, Projected: d("1000"), Currency: MustParseCurrency("EUR")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("BurnRate after end (-want +got):\n%s", diff)
	}
	if _, err := p.BurnRate(planStart); !errors.Is(err, ErrInvalid) {
		t.Errorf("BurnRate(start) err = %v", err)
	}
	// a zero total: Spent and Pace are undefined, an error naming total (v0.1
	// returned Spent 0 and Pace 0 silently); the other values still come.
	// 1000 spent over 10 of 30 days: elapsed 1/3, 100 a day, projected 3000.
	z, _ := NewPlan(MustParseCurrency("EUR"), d("0"), planStart, planEnd)
	z, _ = z.AddItem(LineItem{Name: "fees", Category: InfluencerFees, Actual: d("1000")})
	got, err = z.BurnRate(planStart.AddDate(0, 0, 10))
	if !errors.Is(err, ErrNonPositive) || !strings.Contains(err.Error(), "budget: Plan.BurnRate: total: zero") {
		t.Errorf("zero total: err = %v", err)
	}
	want = Burn{Elapsed: third, Spent: d("0"), PerDay: d("100"), Pace: d("0"), Projected: d("3000"), Currency: MustParseCurrency("EUR")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("BurnRate of a zero total (-want +got):\n%s", diff)
	}
}

func TestPlanJSON(t *testing.T) {
	p := samplePlan(t)
	p, _ = p.RecordActual("contingency", d("12.5"))
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	// Every amount a money object in EUR with its two minor digits (was a
	// bare string: "total":"10000.00", "actual":"12.50").
	want := `{"currency":"EUR","total":{"amount":"10000.00","currency":"EUR"},"start":"2026-03-01T00:00:00Z","end":"2026-03-31T00:00:00Z","items":[` +
		`{"name":"influencer_fees","category":"influencer_fees","planned":{"amount":"6000.00","currency":"EUR"},"actual":{"amount":"0.00","currency":"EUR"}},` +
		`{"name":"content_production","category":"content_production","planned":{"amount":"2500.00","currency":"EUR"},"actual":{"amount":"0.00","currency":"EUR"}},` +
		`{"name":"contingency","category":"contingency","planned":{"amount":"1500.00","currency":"EUR"},"actual":{"amount":"12.50","currency":"EUR"}}]}`
	if diff := cmp.Diff(want, string(b)); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
	var q Plan
	if err := json.Unmarshal(b, &q); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(p.Items(), q.Items()); diff != "" || q.Currency() != p.Currency() || !q.Total().Equal(p.Total()) ||
		!q.Start().Equal(p.Start()) || !q.End().Equal(p.End()) {
		t.Errorf("round trip differs: %s", diff)
	}
	bad := []struct{ in, msg string }{
		{`{"currency":"EUR","total":"1.00","start":"2026-03-01T00:00:00Z","end":"2026-03-02T00:00:00Z","items":[{"name":"x","category":"tools","planned":"abc"}]}`,
			`budget: Plan.UnmarshalJSON: x.planned: not a decimal ("abc")`},
		{`{"currency":"EUR","total":"1.00","start":"2026-03-01T00:00:00Z","end":"2026-03-02T00:00:00Z","items":[{"name":"x","category":"tools","planned":"1.001"}]}`,
			`x.Planned`},
		{`{"currency":"EUR","total":"1.00","start":"2026-03-01T00:00:00Z","end":"2026-03-02T00:00:00Z","items":[{"name":"","category":"tools","planned":"0.50","actual":"x"}]}`,
			`items[0].actual`},
		// a missing amount is an error, not a silent zero
		{`{"currency":"EUR","start":"2026-03-01T00:00:00Z","end":"2026-03-02T00:00:00Z"}`,
			`budget: Plan.UnmarshalJSON: total: missing`},
		{`{"currency":"EUR","total":"1.00","start":"2026-03-01T00:00:00Z","end":"2026-03-02T00:00:00Z","items":[{"name":"x","category":"tools","actual":"0.10"}]}`,
			`budget: Plan.UnmarshalJSON: x.planned: missing`},
		{`{"currency":"ZZZ"}`, `ZZZ`},
		{`{"currency":"EUR","total":"1e9999"}`, `total: exponent outside [-100, 100] ("1e9999")`},
		{`[1]`, `Plan.UnmarshalJSON`},
	}
	for _, c := range bad {
		var q Plan
		if err := json.Unmarshal([]byte(c.in), &q); err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("Unmarshal(%s) err = %v, want %q", c.in, err, c.msg)
		}
	}
}

// FuzzPlanJSON: whatever decodes re-encodes to a fixed point.
func FuzzPlanJSON(f *testing.F) {
	f.Add(`{"currency":"EUR","total":"10.00","start":"2026-03-01T00:00:00Z","end":"2026-03-31T00:00:00Z","items":[{"name":"a","category":"tools","planned":"1.5","actual":"0.25"}]}`)
	f.Add(`{"currency":"JPY","total":"100","start":"2026-03-01T00:00:00+03:00","end":"2027-03-31T00:00:00Z","items":[]}`)
	f.Add(`{"currency":"KWD","total":"1.001","start":"2026-03-01T00:00:00Z","end":"2026-03-01T00:00:01Z"}`)
	f.Fuzz(func(t *testing.T, in string) {
		var p Plan
		if err := json.Unmarshal([]byte(in), &p); err != nil {
			return
		}
		b1, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var q Plan
		if err := json.Unmarshal(b1, &q); err != nil {
			t.Fatalf("re-decoding %s: %v", b1, err)
		}
		b2, err := json.Marshal(q)
		if err != nil {
			t.Fatal(err)
		}
		if string(b1) != string(b2) {
			t.Fatalf("not a fixed point:\n%s\n%s", b1, b2)
		}
		if !p.Total().Equal(q.Total()) || !p.Actual().Equal(q.Actual()) || !p.Planned().Equal(q.Planned()) {
			t.Fatalf("amounts changed: %s", b1)
		}
	})
}

func TestPlanRecordMoney(t *testing.T) {
	p := samplePlan(t)
	q, err := p.Record("tools", Money{d("1"), MustParseCurrency("EUR")})
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown item: %v, %v", q, err)
	}
	q, err = p.Record("contingency", Money{d("12.34"), MustParseCurrency("EUR")})
	if li, _ := q.Item("contingency"); err != nil || !li.Actual.Equal(d("12.34")) {
		t.Errorf("Record = %v, %v", li, err)
	}
	_, err = p.Record("contingency", Money{d("1"), MustParseCurrency("USD")})
	var me *MismatchError
	if !errors.As(err, &me) || me.Left != MustParseCurrency("EUR") || me.Func != "budget.Plan.Record" || me.Field != "m.Currency" {
		t.Errorf("USD into EUR plan: %v", err)
	}
}

func TestPlanEdges(t *testing.T) {
	eur := MustParseCurrency("EUR")
	_, err := NewPlanFromShares(eur, d("100"), planStart, planEnd, []Share{{Tools, d("1")}, {Tools, d("1")}})
	if !errors.Is(err, ErrDuplicate) {
		t.Errorf("duplicate categories: %v", err)
	}
	_, err = NewPlanFromShares(eur, d("100"), planStart, planEnd, []Share{{"", d("1")}})
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "shares[0].Category") {
		t.Errorf("empty category: %v", err)
	}
	// a zero-total plan: Spent and Pace are 0, not undefined
	p, err := NewPlan(eur, decimal.Zero, planStart, planEnd)
	if err != nil {
		t.Fatal(err)
	}
	b, err := p.BurnRate(planStart.Add(24 * time.Hour))
	if err != nil || !b.Spent.IsZero() || !b.Pace.IsZero() || !b.PerDay.IsZero() {
		t.Errorf("zero plan burn = %+v, %v", b, err)
	}
	if len(p.ByCategory()) != 0 || len(p.OverBudget()) != 0 || !p.Remaining().IsZero() {
		t.Error("empty plan totals")
	}
	if _, ok := p.Item("x"); ok {
		t.Error("Item on an empty plan")
	}
	// Items returns a copy
	p, _ = p.AddItem(LineItem{Name: "a", Category: Tools, Planned: d("1")})
	items := p.Items()
	items[0].Planned = d("999")
	if li, _ := p.Item("a"); !li.Planned.Equal(d("1")) {
		t.Error("Items must return a copy")
	}
	// two plans derived from one do not share items
	q1, _ := p.AddItem(LineItem{Name: "b", Category: Tools})
	q2, _ := p.AddItem(LineItem{Name: "c", Category: Tools})
	if _, ok := q1.Item("c"); ok || len(q2.Items()) != 2 {
		t.Error("derived plans share their items")
	}
	if _, err := NewPlan(eur, d("1"), time.Date(1700, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "end: more than 292 years") {
		t.Errorf("500-year plan: %v", err)
	}
}
