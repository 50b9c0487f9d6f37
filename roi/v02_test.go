package roi

import (
	"encoding/json"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

// The zero value of every enum and model configuration is its documented
// default.
func TestZeroValues(t *testing.T) {
	paths := []Path{
		{Channels: []string{"a", "b"}, Conversions: 2, Value: d("10")},
		{Channels: []string{"b", "c"}, Conversions: 1, Value: d("4"), Nulls: 3},
	}
	for _, tt := range []struct {
		name       string
		zero, want Model
	}{
		{"Rule", Rule(0), LastTouch},
		{"MarkovChain", MarkovChain{}, Markov},
	} {
		got, err := Attribute(paths, tt.zero)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		want, err := Attribute(paths, tt.want)
		if err != nil {
			t.Fatal(err)
		}
		for ch, w := range want {
			if !got[ch].Conversions.Equal(w.Conversions) || !got[ch].Value.Equal(w.Value) {
				t.Errorf("zero %s: %s gets %v, want %v", tt.name, ch, got[ch], w)
			}
		}
	}
	// Last touch by hand: b gets path 1 (2 conversions, 10), c path 2 (1, 4).
	got, _ := Attribute(paths, Rule(0))
	if !got["b"].Conversions.Equal(d("2")) || !got["c"].Value.Equal(d("4")) || !got["a"].Conversions.IsZero() {
		t.Errorf("zero Rule is not last touch: %v", got)
	}
	if s := (MarkovChain{}).String(); s != "markov(order 1)" {
		t.Errorf("MarkovChain{} = %q", s)
	}
	if s := (TimeDecay{}).String(); s != "time-decay(168h0m0s)" {
		t.Errorf("TimeDecay{} = %q", s)
	}
	// The zero TimeDecay is a 7-day half-life: touches 7 days and 0 days
	// before the conversion weigh 1/2 and 1, so a gets 1/3 of 3 = 1 and b 2.
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	js := []Journey{{Touches: []Touch{{"a", t0}, {"b", t0.Add(7 * 24 * time.Hour)}}, ConvertedAt: t0.Add(7 * 24 * time.Hour), Conversions: 3}}
	for _, m := range []Model{TimeDecay{}, TimeDecay{HalfLife: 7 * 24 * time.Hour}} {
		cr, err := AttributeJourneys(js, m)
		if err != nil {
			t.Fatal(err)
		}
		if !cr["a"].Conversions.Equal(d("1")) || !cr["b"].Conversions.Equal(d("2")) {
			t.Errorf("%v: %v, want a 1, b 2", m, cr)
		}
	}
	if _, err := AttributeJourneys(js, TimeDecay{HalfLife: -time.Hour}); !errors.Is(err, ErrInvalid) {
		t.Errorf("negative half-life: %v", err)
	}
	var b CostBasis
	if b != ActualCost || b.String() != "actual" {
		t.Errorf("zero CostBasis %v", b)
	}
	var dir Direction
	var v Verdict
	if dir != Neutral || v != Same {
		t.Errorf("zero Direction %v, Verdict %v", dir, v)
	}
}

// Enum text ignores case and surrounding spaces and leaves the receiver
// alone on error.
func TestEnumTextFolding(t *testing.T) {
	var r Rule = Shapley
	if err := r.UnmarshalText([]byte(" Position-Based ")); err != nil || r != PositionBased {
		t.Errorf("Rule: %v %v", r, err)
	}
	if err := r.UnmarshalText([]byte("U-shaped")); !errors.Is(err, ErrInvalid) || r != PositionBased {
		t.Errorf("Rule kept %v, err %v", r, err)
	}
	var b CostBasis
	if err := b.UnmarshalText([]byte("PLANNED")); err != nil || b != PlannedCost {
		t.Errorf("CostBasis: %v %v", b, err)
	}
	for _, x := range []CostBasis{ActualCost, PlannedCost} {
		text, err := x.MarshalText()
		var back CostBasis = 9
		if err != nil || back.UnmarshalText(text) != nil || back != x {
			t.Errorf("%v round trip: %q %v", x, text, err)
		}
	}
	if _, err := CostBasis(2).MarshalText(); !errors.Is(err, ErrInvalid) {
		t.Error(err)
	}
	var dir Direction
	if err := dir.UnmarshalText([]byte("LOWER")); err != nil || dir != LowerIsBetter {
		t.Errorf("Direction: %v %v", dir, err)
	}
}

// A currency mismatch is budget's error, naming both currencies and the
// field.
func TestCurrencyMismatch(t *testing.T) {
	c := testCampaign(t)
	c.Currency = usd
	c.EMVCard = nil
	_, err := Report(c)
	var me *budget.MismatchError
	if !errors.As(err, &me) || me.Left != usd || me.Right != eur || !errors.Is(err, budget.ErrCurrencyMismatch) {
		t.Fatalf("err = %v, want a *budget.MismatchError USD/EUR", err)
	}
	if want := "roi: Report: Plan: currency mismatch (USD and EUR)"; err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
	_, err = AttributeOrders([]Order{{ID: "1", Amount: d("1"), Currency: eur}, {ID: "2", Amount: d("1"), Currency: usd}}, nil)
	if want := "roi: AttributeOrders: orders[1].Currency: currency mismatch (EUR and USD)"; err == nil || err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
}

// A post that hides a count and gives it is refused by the EMV, naming the
// post and the count; it is not valued as 0 nor as the number given.
func TestEMVHiddenButGiven(t *testing.T) {
	card := IllustrativeEMVCard()
	_, err := card.EMV([]kpi.Post{{Platform: kpi.Instagram, Likes: 10}, {Platform: kpi.Instagram, Likes: 120, Hidden: kpi.FieldLikes}})
	if want := "roi: EMVCard.EMV: posts[1].likes: hidden but not zero (120)"; !errors.Is(err, ErrInvalid) || err.Error() != want {
		t.Errorf("err %v, want %q", err, want)
	}
}

// Order, CampaignReport and EMV carry their currency as its code in JSON.
func TestCurrencyJSON(t *testing.T) {
	b, err := json.Marshal(Order{ID: "1", Amount: d("12.30"), Currency: eur})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"id":"1","time":"0001-01-01T00:00:00Z","amount":"12.3","currency":"EUR"}`; string(b) != want {
		t.Errorf("%s, want %s", b, want)
	}
	var back Order
	if err := json.Unmarshal([]byte(`{"id":"1","amount":"5","currency":"eur"}`), &back); err != nil || back.Currency != eur {
		t.Errorf("%+v %v", back, err)
	}
	b, err = json.Marshal(Path{Channels: []string{"a"}, Conversions: 1, Value: d("2"), Nulls: 3})
	if want := `{"channels":["a"],"conversions":1,"value":"2","nulls":3}`; err != nil || string(b) != want {
		t.Errorf("%s %v, want %s", b, err, want)
	}
}

// No paths is ErrEmpty, not an empty map (API.md rule 5).
func TestNoPaths(t *testing.T) {
	for _, m := range []Model{Linear, Markov, Shapley, PositionBased} {
		if got, err := Attribute(nil, m); !errors.Is(err, ErrEmpty) || got != nil {
			t.Errorf("%v: %v %v, want ErrEmpty", m, got, err)
		}
	}
	if _, err := AttributeJourneys(nil, TimeDecay{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("AttributeJourneys: %v", err)
	}
	if _, err := MarkovRemovalEffects([]Path{}, 1); !errors.Is(err, ErrEmpty) {
		t.Errorf("MarkovRemovalEffects: %v", err)
	}
}

// A zero with a huge exponent is refused too: Add would rescale the other
// operand to its exponent (10^(2^31)). So is a coefficient of more than
// 1000 digits (internal/limit).
func TestHugeZeroAndDigits(t *testing.T) {
	zero := decimal.New(0, -2000000000)
	long := decimal.NewFromBigInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(1001), nil), 0)
	for _, v := range []decimal.Decimal{zero, long} {
		if _, err := ROI(v, d("1")); !errors.Is(err, ErrTooLarge) {
			t.Errorf("ROI(%s): %v", errs.Decimal(v), err)
		}
		if _, err := Attribute([]Path{{Channels: []string{"a"}, Conversions: 1, Value: v}}, Linear); !errors.Is(err, ErrTooLarge) {
			t.Errorf("Attribute(value %s): %v", errs.Decimal(v), err)
		}
		if _, err := Report(Campaign{Currency: eur, Influencers: []InfluencerInput{{Influencer: "a", Revenue: v}}}); !errors.Is(err, ErrTooLarge) {
			t.Errorf("Report(revenue %s): %v", errs.Decimal(v), err)
		}
	}
}
