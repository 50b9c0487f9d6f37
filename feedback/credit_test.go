package feedback

import (
	"errors"
	"maps"
	"slices"
	"testing"

	"github.com/influencekit/influencekit/budget"
	"github.com/shopspring/decimal"
)

func creditFixture(t *testing.T) ([]CreditedOrder, []Answer) {
	t.Helper()
	eur := budget.MustParseCurrency("EUR")
	o := func(id, amount, creator string) CreditedOrder {
		return CreditedOrder{ID: id, Amount: decimal.RequireFromString(amount), Currency: eur, Creator: creator}
	}
	orders := []CreditedOrder{
		o("1", "100", "@anna.kaya"), o("2", "50", "anna.kaya"), o("3", "80", ""), o("4", "20", "@mehmet"),
		o("5", "40", ""), o("6", "60", ""), o("7", "30", "@Anna.Kaya"), o("8", "10", ""),
	}
	m, err := NewMatcher(roster, channels, MatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	a := func(id, text string) Answer { return Answer{OrderID: id, Match: m.Match(text)} }
	answers := []Answer{
		a("1", "@anna.kaya"),                 // both
		a("2", "google"),                     // channel: anna's code only
		a("3", "Anna Kaya"),                  // survey only: the code missed it
		a("4", "anna kaya's reel"),           // disagrees with mehmet's code
		a("5", "elif"),                       // ambiguous
		a("8", "a podcast"),                  // unmatched
		a("1", "mehmet"),                     // a second answer for order 1
		a("99", "anna kaya"), a(" ", "anna"), // no such order
	}
	return orders, answers
}

func TestCredit(t *testing.T) {
	orders, answers := creditFixture(t)
	c, err := Credit(orders, answers, c95)
	if err != nil {
		t.Fatal(err)
	}
	// 8 orders, 6 answered (1, 2, 3, 4, 5, 8): response rate 0.75.
	if c.Orders != 8 || c.Answered != 6 || !c.ResponseRate.Equal(d("0.75")) || c.Repeated != 1 || c.UnknownOrder != 2 {
		t.Errorf("counts: %d %d %s %d %d", c.Orders, c.Answered, c.ResponseRate, c.Repeated, c.UnknownOrder)
	}
	if !maps.Equal(c.Buckets, map[Bucket]int64{BucketUnmatched: 1, BucketCreator: 3, BucketChannel: 1, BucketAmbiguous: 1}) || c.Channels["Search"] != 1 || !slices.Equal(c.Unmatched, []string{"a podcast"}) || len(c.Ambiguous) != 1 {
		t.Errorf("buckets %v channels %v unmatched %q ambiguous %v", c.Buckets, c.Channels, c.Unmatched, c.Ambiguous)
	}
	if !slices.Equal(c.Disagreements, []Disagreement{{"4", "mehmet", "anna.kaya"}}) {
		t.Errorf("Disagreements = %v", c.Disagreements)
	}
	tally := func(n int64, rev string) Tally {
		return Tally{n, budget.Money{Amount: d(rev), Currency: budget.MustParseCurrency("EUR")}}
	}
	eq := func(a, b Tally) bool { return a.Orders == b.Orders && a.Revenue.Equal(b.Revenue) }
	// anna: code 1, 2, 7 = 100 + 50 + 30 = 180; survey 1, 3, 4 = 100 + 80 +
	// 20 = 200; both 1 (100); code only 2 (50); survey only 3 (80);
	// disagree 4 (20). mehmet: code 4 (20), code only 4 (20).
	if len(c.Creators) != 2 {
		t.Fatalf("Creators = %+v", c.Creators)
	}
	anna, mehmet := c.Creators[0], c.Creators[1]
	if anna.Creator != "anna.kaya" || !eq(anna.Code, tally(3, "180")) || !eq(anna.Survey, tally(3, "200")) || !eq(anna.Both, tally(1, "100")) ||
		!eq(anna.CodeOnly, tally(1, "50")) || !eq(anna.SurveyOnly, tally(1, "80")) || !eq(anna.Disagree, tally(1, "20")) {
		t.Errorf("anna = %+v", anna)
	}
	if mehmet.Creator != "mehmet" || !eq(mehmet.Code, tally(1, "20")) || !eq(mehmet.CodeOnly, tally(1, "20")) || mehmet.Survey.Orders != 0 || mehmet.SurveyOnly.Orders != 0 {
		t.Errorf("mehmet = %+v", mehmet)
	}
	// Missed: k = 1 of n = 6 answered, N = 8: share 1/6; orders 8/6.
	// Effective n = 6·7/2 = 21, x = 3.5: Wilson centre (3.5 + 1.920729) /
	// (21 + 3.841459) = 0.218213, half 1.959964/24.841459 × √(3.5·17.5/21
	// + 0.960365) = 0.0788989·1.969018 = 0.155353: [0.062860, 0.373566];
	// orders 8·[0.062860, 0.373566] = [0.50288, 2.98853], the low end
	// raised to the one order known: [1, 2.988531].
	e := c.Missed
	if !e.Share.Equal(d("0.1666666666666667")) || !e.Orders.Equal(d("1.3333333333333333")) {
		t.Errorf("Missed = %+v", e)
	}
	near(t, "share lo", e.ShareInterval.Low, "0.062860", "1e-6")
	near(t, "share hi", e.ShareInterval.High, "0.373566", "1e-6")
	if !e.OrdersInterval.Low.Equal(one) {
		t.Errorf("orders lo = %s, want 1", e.OrdersInterval.Low)
	}
	near(t, "orders hi", e.OrdersInterval.High, "2.98853", "1e-5")
	if !anna.Missed.Share.Equal(e.Share) || mehmet.Missed.Share.Sign() != 0 {
		t.Errorf("per-creator Missed: %+v %+v", anna.Missed, mehmet.Missed)
	}
}

func TestCreditEveryoneAnswered(t *testing.T) {
	eur := budget.MustParseCurrency("EUR")
	orders := []CreditedOrder{{ID: "a", Amount: d("5"), Currency: eur}, {ID: "b", Amount: d("7"), Currency: eur}}
	answers := []Answer{{"a", Match{Bucket: BucketCreator, Name: "x"}}, {"b", Match{Bucket: BucketUnmatched, Text: "?"}}}
	c, err := Credit(orders, answers, c95)
	if err != nil {
		t.Fatal(err)
	}
	// n = N = 2: the share 1/2 is known exactly, the interval a point.
	e := c.Missed
	if !e.ShareInterval.Low.Equal(d("0.5")) || !e.ShareInterval.High.Equal(d("0.5")) || !e.OrdersInterval.Low.Equal(one) || !e.OrdersInterval.High.Equal(one) {
		t.Errorf("Missed = %+v", e)
	}
}

func TestCreditErrors(t *testing.T) {
	eur, usd := budget.MustParseCurrency("EUR"), budget.MustParseCurrency("USD")
	ok := []Answer{{"a", Match{}}}
	for _, c := range []struct {
		name    string
		orders  []CreditedOrder
		answers []Answer
		want    error
	}{
		{"no orders", nil, ok, ErrEmpty},
		{"no currency", []CreditedOrder{{ID: "a"}}, ok, ErrInvalid},
		{"empty id", []CreditedOrder{{ID: " ", Currency: eur}}, ok, ErrInvalid},
		{"creator @", []CreditedOrder{{ID: "a", Currency: eur, Creator: "@"}}, ok, ErrInvalid},
		{"duplicate", []CreditedOrder{{ID: "a", Currency: eur}, {ID: "a", Currency: eur}}, ok, ErrDuplicate},
		{"negative", []CreditedOrder{{ID: "a", Currency: eur, Amount: d("-1")}}, ok, ErrNegative},
		{"mismatch", []CreditedOrder{{ID: "a", Currency: eur}, {ID: "b", Currency: usd}}, ok, ErrCurrencyMismatch},
		{"huge", []CreditedOrder{{ID: "a", Currency: eur, Amount: d("1e5000")}}, ok, ErrTooLarge},
		{"no answers", []CreditedOrder{{ID: "a", Currency: eur}}, nil, ErrEmpty},
		{"bad bucket", []CreditedOrder{{ID: "a", Currency: eur}}, []Answer{{"a", Match{Bucket: 9}}}, ErrInvalid},
		{"nameless creator", []CreditedOrder{{ID: "a", Currency: eur}}, []Answer{{"a", Match{Bucket: BucketCreator}}}, ErrInvalid},
	} {
		if _, err := Credit(c.orders, c.answers, c95); !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
	var me *budget.MismatchError
	_, err := Credit([]CreditedOrder{{ID: "a", Currency: eur}, {ID: "b", Currency: usd}}, ok, c95)
	if !errors.As(err, &me) || err.Error() != "feedback: Credit: orders[1].Currency: currency mismatch (EUR and USD)" {
		t.Errorf("mismatch: %v", err)
	}
}

func TestSurveyAnswers(t *testing.T) {
	s := readForm(t)
	m, err := NewMatcher(roster, channels, MatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// #1001 "@anna.kaya" → anna.kaya; #1002 "saw it on\nAyşe's story" →
	// the alias "Ayşe"; #1003 "google" → Search; #1004 blank: left out.
	as, err := s.Answers("How did you hear about us?", m)
	if err != nil || len(as) != 3 {
		t.Fatalf("Answers = %+v, %v", as, err)
	}
	if as[0].OrderID != "#1001" || as[0].Match.Name != "anna.kaya" || as[1].Match.Name != "ayse_yilmaz" || as[2].Match.Bucket != BucketChannel || as[2].OrderID != "#1003" {
		t.Errorf("Answers = %+v", as)
	}
	if _, err := s.Answers("How did you hear about us?", nil); !errors.Is(err, ErrInvalid) {
		t.Errorf("nil matcher: %v", err)
	}
	if _, err := s.Answers("nope", m); !errors.Is(err, ErrMissingColumn) {
		t.Errorf("no question: %v", err)
	}
}
