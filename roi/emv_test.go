package roi

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

func TestEMVFromImpressions(t *testing.T) {
	// 250,000 × 8 / 1000 = 2,000.
	got, err := EMVFromImpressions(250000, d("8"))
	if err != nil || !got.Equal(d("2000")) {
		t.Error(got, err)
	}
	// 1 impression at 0.01 per mille: 0.00001, exact.
	got, err = EMVFromImpressions(1, d("0.01"))
	if err != nil || !got.Equal(d("0.00001")) {
		t.Error(got, err)
	}
	if _, err := EMVFromImpressions(-1, d("1")); !errors.Is(err, ErrNegative) {
		t.Error(err)
	}
	if _, err := EMVFromImpressions(1, d("-1")); !errors.Is(err, ErrNegative) {
		t.Error(err)
	}
}

func TestEMVCardEMV(t *testing.T) {
	// The cited example (Later Influence help centre): an Instagram post with
	// 5,000 likes, 500 comments, 50,000 impressions:
	// 5000 × 0.30 + 500 × 0.50 + 50000/1000 × 0.05 = 1500 + 250 + 2.5 = 1752.5.
	card := IllustrativeEMVCard()
	got, err := card.EMV([]kpi.Post{{Platform: kpi.Instagram, Likes: 5000, Comments: 500, Impressions: 50000}})
	if err != nil {
		t.Fatal(err)
	}
	if !got.Total.Equal(d("1752.5")) {
		t.Errorf("total %v, want 1752.5", got.Total)
	}
	want := EMV{Currency: usd, Total: d("1752.5"), Lines: []EMVLine{
		{Platform: kpi.Instagram, Action: "impressions", Count: 50000, UnitValue: d("0.00005"), Multiplier: d("1"), Value: d("2.5"), Currency: usd},
		{Platform: kpi.Instagram, Action: "likes", Count: 5000, UnitValue: d("0.3"), Multiplier: d("1"), Value: d("1500"), Currency: usd},
		{Platform: kpi.Instagram, Action: "comments", Count: 500, UnitValue: d("0.5"), Multiplier: d("1"), Value: d("250"), Currency: usd},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}

	// A card of our own: TikTok values views and shares with multiplier 1.5;
	// the default values likes only.
	card = EMVCard{
		Currency: eur,
		Default:  UnitValues{Like: d("0.1")},
		Platforms: map[kpi.Platform]UnitValues{
			kpi.TikTok: {View: d("0.002"), Share: d("0.4")},
		},
		Multipliers: map[kpi.Platform]decimal.Decimal{kpi.TikTok: d("1.5")},
	}
	posts := []kpi.Post{
		// TikTok: views 10,000 + 5,000 = 15,000 × 0.002 × 1.5 = 45;
		// shares 20 + 30 = 50 × 0.4 × 1.5 = 30.
		{Platform: kpi.TikTok, Views: 10000, Shares: 20, Likes: 999},
		{Platform: kpi.TikTok, Views: 5000, Shares: 30},
		// Instagram: likes 200 × 0.1 = 20; the second post hid its likes.
		{Platform: kpi.Instagram, Likes: 200},
		{Platform: kpi.Instagram, Likes: 0, Hidden: kpi.FieldLikes},
	}
	got, err = card.EMV(posts)
	if err != nil {
		t.Fatal(err)
	}
	want = EMV{Currency: eur, Total: d("95"), Lines: []EMVLine{
		{Platform: kpi.Instagram, Action: "likes", Count: 200, UnitValue: d("0.1"), Multiplier: d("1"), Value: d("20"), NotReported: 1, Currency: eur},
		{Platform: kpi.TikTok, Action: "views", Count: 15000, UnitValue: d("0.002"), Multiplier: d("1.5"), Value: d("45"), Currency: eur},
		{Platform: kpi.TikTok, Action: "shares", Count: 50, UnitValue: d("0.4"), Multiplier: d("1.5"), Value: d("30"), Currency: eur},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	b, err := json.Marshal(card)
	if err != nil {
		t.Fatal(err)
	}
	var back EMVCard
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(card, back); diff != "" {
		t.Errorf("JSON round trip (-want +got)\n%s", diff)
	}

	bad := []EMVCard{
		{Currency: budget.Currency{}},
		{Currency: eur, Default: UnitValues{Like: d("-1")}},
		{Currency: eur, Multipliers: map[kpi.Platform]decimal.Decimal{kpi.X: d("-1")}},
	}
	for _, c := range bad {
		if _, err := c.EMV(nil); err == nil {
			t.Errorf("%+v accepted", c)
		}
	}
	if _, err := card.EMV([]kpi.Post{{Platform: kpi.X, Likes: -1}}); !errors.Is(err, ErrNegative) {
		t.Error(err)
	}
}
