package selection

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/influencekit/influencekit/budget"
	"github.com/shopspring/decimal"
)

// TestMoneyJSON: fees and costs are money objects in the currency the
// value carries; the zero Currency writes "" (no stated currency), never a
// bare amount; a bare decimal (v0.1's form) reads back with no currency.
func TestMoneyJSON(t *testing.T) {
	eur, usd := budget.MustParseCurrency("EUR"), budget.MustParseCurrency("USD")
	cands := []Candidate{{ID: "a", Fee: decimal.RequireFromString("300.5"), Value: decimal.NewFromInt(5), Currency: eur},
		{ID: "b", Fee: decimal.NewFromInt(500), Value: decimal.NewFromInt(4), Currency: eur},
		{ID: "c", Fee: decimal.NewFromInt(250), Value: decimal.NewFromInt(3), Currency: eur}}
	// Budget 600: a + c = 550.5 (value 8) beats a alone, b alone (500, 4),
	// b + c (750, over): cost 300.50 + 250.00 = 550.50 EUR.
	pick, err := Shortlist(cands, decimal.NewFromInt(600), MaxValue)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(pick)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"cost":{"amount":"550.50","currency":"EUR"}`) || !strings.Contains(string(b), `"ids":["a","c"]`) {
		t.Errorf("pick: %s", b)
	}
	var back Pick
	if err := json.Unmarshal(b, &back); err != nil || !back.Cost.Equal(decimal.RequireFromString("550.5")) || back.Currency != eur {
		t.Errorf("round trip of %s: %+v, %v", b, back, err)
	}
	b, _ = json.Marshal(cands[0])
	if want := `{"id":"a","value":"5","fee":{"amount":"300.50","currency":"EUR"}}`; string(b) != want {
		t.Errorf("candidate: %s, want %s", b, want)
	}
	// The contract shorthand with candidates that state no currency: a
	// money object with currency "", the amount with all its digits.
	plain := []Candidate{{ID: "a", Fee: decimal.RequireFromString("300.5"), Value: decimal.NewFromInt(5)}}
	pick, err = Shortlist(plain, decimal.NewFromInt(600), MaxValue)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ = json.Marshal(pick); !strings.Contains(string(b), `"cost":{"amount":"300.5","currency":""}`) {
		t.Errorf("pick without currency: %s", b)
	}
	var c Candidate
	if err := json.Unmarshal([]byte(`{"id":"x","fee":"12.5"}`), &c); err != nil || !c.Fee.Equal(decimal.RequireFromString("12.5")) || c.Currency.IsValid() {
		t.Errorf("bare fee: %+v, %v", c, err)
	}
	if err := json.Unmarshal([]byte(`{"id":"x","fee":{"amount":"x","currency":"EUR"}}`), &c); !errors.Is(err, ErrSyntax) {
		t.Errorf("bad amount: %v, want ErrSyntax", err)
	}
	mixed := append([]Candidate{}, cands...)
	mixed[2].Currency = usd
	if _, err := Shortlist(mixed, decimal.NewFromInt(600), MaxValue); !errors.Is(err, ErrCurrencyMismatch) || !strings.Contains(err.Error(), "cands[2].Currency") {
		t.Errorf("two currencies: %v, want ErrCurrencyMismatch naming cands[2].Currency", err)
	}
}

// TestRankCurrency: the Criteria's currency (or its RateCard's) reaches
// Scored, the candidates and their JSON; a profile or a RateCard in another
// currency is ErrCurrencyMismatch naming the field.
func TestRankCurrency(t *testing.T) {
	eur, usd := budget.MustParseCurrency("EUR"), budget.MustParseCurrency("USD")
	profiles := []Profile{{Handle: "pia", Platform: 1, Followers: 10000, AvgLikes: 500, AvgComments: 20, Fee: decimal.NewFromInt(875)}}
	r, err := Rank(profiles, Criteria{Currency: eur}, 1)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(r)
	if !strings.Contains(string(b), `"fee":{"amount":"875.00","currency":"EUR"}`) {
		t.Errorf("ranking: %s", b)
	}
	cands, _, err := r.Candidates(profiles)
	if err != nil || len(cands) != 1 || cands[0].Currency != eur {
		t.Errorf("candidates: %+v, %v", cands, err)
	}
	profiles[0].Currency = usd
	if _, err := Rank(profiles, Criteria{Currency: eur}, 1); !errors.Is(err, ErrCurrencyMismatch) || !strings.Contains(err.Error(), "profiles[0].Currency") {
		t.Errorf("a USD profile under EUR criteria: %v", err)
	}
	profiles[0].Currency = budget.Currency{}
	card := budget.DefaultRateCard(usd)
	if _, err := Rank(profiles, Criteria{Currency: eur, RateCard: &card}, 1); !errors.Is(err, ErrCurrencyMismatch) ||
		!strings.Contains(err.Error(), "RateCard.Currency") {
		t.Errorf("a rate card in another currency: %v", err)
	}
	r, err = Rank(profiles, Criteria{RateCard: &card}, 1)
	if err != nil || len(r.Top) != 1 || r.Top[0].Currency != usd {
		t.Errorf("the rate card's currency: %+v, %v", r.Top, err)
	}
}

// TestReadProfilesCurrency: ReadOptions.Currency becomes every profile's,
// and its fee is written in it: 875 EUR with two minor digits, "875.00".
func TestReadProfilesCurrency(t *testing.T) {
	eur := budget.MustParseCurrency("EUR")
	ps, _, err := ReadProfiles(strings.NewReader("handle,fee\npia,875\n"), ReadOptions{Currency: eur})
	if err != nil || len(ps) != 1 || ps[0].Currency != eur {
		t.Fatalf("%+v, %v", ps, err)
	}
	b, err := json.Marshal(ps[0])
	if err != nil || !strings.Contains(string(b), `"fee":{"amount":"875.00","currency":"EUR"}`) {
		t.Errorf("%s, %v", b, err)
	}
	var back Profile
	if err := json.Unmarshal(b, &back); err != nil || back.Currency != eur || !back.Fee.Equal(decimal.NewFromInt(875)) || back.Handle != "pia" {
		t.Errorf("round trip: %+v, %v", back, err)
	}
}
