package budget

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRateCardPrice(t *testing.T) {
	eur, jpy := MustParseCurrency("EUR"), MustParseCurrency("JPY")
	perK := DefaultRateCard(eur)
	perK.Basis = PerThousandFollowers
	views := DefaultRateCard(jpy)
	views.Basis = PerThousandViews
	tests := []struct {
		name                string
		card                RateCard
		q                   Spec
		low, expected, high string
	}{
		// micro tier 500 × reel 1.5 × engagement 0.045/0.03 = 1.5 × fit 0.5+0.5·0.8 = 0.9
		// × usage 1 + 0.1·3 = 1.3 × exclusivity 1 = 1316.25; ×0.8 = 1053.00; ×1.2 = 1579.50
		{"worked example", DefaultRateCard(eur),
			Spec{Format: FormatReel, Followers: 50_000, EngagementRate: d("0.045"), AudienceFit: d("0.8"), UsageMonths: 3},
			"1053.00", "1316.25", "1579.50"},
		// nano 100 × post 1 × engagement floor 0.5 (rate 0) × fit 0.5 = 25; 20, 30
		{"floors", DefaultRateCard(eur), Spec{Format: FormatPost, Followers: 5_000}, "20", "25", "30"},
		// mega 15,000 × bundle 3 × cap 2 (0.3/0.03 = 10) × fit 1 = 90,000; 72,000, 108,000
		{"caps", DefaultRateCard(eur),
			Spec{Format: FormatBundle, Followers: 2_000_000, EngagementRate: d("0.3"), AudienceFit: d("1")},
			"72000", "90000", "108000"},
		// 10 × 123,456/1000 = 1234.56 × story 0.5 = 617.28 × 1 × 1 × exclusivity 1 + 0.05·2 = 1.1
		// = 679.008 → 679.01; low 543.2064 → 543.21; high 814.8096 → 814.81
		{"per thousand followers", perK,
			Spec{Format: FormatStory, Followers: 123_456, EngagementRate: d("0.03"), AudienceFit: d("1"), ExclusivityMonths: 2},
			"543.21", "679.01", "814.81"},
		// 10 × 1,234/1000 = 12.34 × video 2 = 24.68 → 25 yen; 19.744 → 20; 29.616 → 30
		{"per thousand views in yen", views,
			Spec{Format: FormatVideo, Views: 1_234, EngagementRate: d("0.03"), AudienceFit: d("1")},
			"20", "25", "30"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.card.Price(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{tt.low, tt.expected, tt.high}
			for i, g := range []string{got.Low.String(), got.Expected.String(), got.High.String()} {
				if !d(g).Equal(d(want[i])) {
					t.Errorf("low/expected/high[%d] = %s, want %s", i, g, want[i])
				}
			}
			if last := got.Lines[len(got.Lines)-1].Amount; !last.Round(tt.card.Currency.MinorUnits()).Equal(got.Expected) {
				t.Errorf("breakdown ends at %s, expected %s", last, got.Expected)
			}
		})
	}
}

func TestRateCardBreakdown(t *testing.T) {
	got, err := DefaultRateCard(MustParseCurrency("EUR")).Price(
		Spec{Format: FormatReel, Followers: 50_000, EngagementRate: d("0.045"), AudienceFit: d("0.8"), UsageMonths: 3})
	if err != nil {
		t.Fatal(err)
	}
	want := []Line{ // the worked example, line by line
		{"base (micro tier)", d("500"), d("500")},
		{"deliverable reel", d("1.5"), d("750")},
		{"engagement vs benchmark", d("1.5"), d("1125")},
		{"audience fit", d("0.9"), d("1012.5")},
		{"usage rights", d("1.3"), d("1316.25")},
		{"exclusivity", d("1"), d("1316.25")},
	}
	if diff := cmp.Diff(want, got.Lines); diff != "" {
		t.Errorf("Lines (-want +got):\n%s", diff)
	}
}

func TestRateCardErrors(t *testing.T) {
	eur := MustParseCurrency("EUR")
	card := DefaultRateCard(eur)
	high := card
	high.Spread = d("2")
	tiers := card
	tiers.Bands = []FeeBand{{"big", 1000, d("1")}}
	tests := []struct {
		name string
		card RateCard
		q    Spec
		msg  string
	}{
		{"followers", card, Spec{Followers: -1}, "Followers: negative (-1)"},
		{"fit", card, Spec{AudienceFit: d("1.5")}, "AudienceFit: outside [0, 1] (1.5)"},
		{"engagement", card, Spec{EngagementRate: d("-0.1")}, "EngagementRate"},
		{"usage", card, Spec{UsageMonths: -1}, "UsageMonths"},
		{"deliverable", card, Spec{Format: 9}, "Format: unknown (9)"},
		{"spread", high, Spec{}, "Spread: outside [0, 1] (2)"},
		{"below tiers", tiers, Spec{Followers: 10}, "below every band (10)"},
		{"no currency", RateCard{}, Spec{}, "Currency"},
	}
	for _, tt := range tests {
		_, err := tt.card.Price(tt.q)
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.msg)
		}
		if err != nil && !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrNegative) {
			t.Errorf("%s: err %v wraps no sentinel", tt.name, err)
		}
	}
}

func TestFormatText(t *testing.T) {
	for dl := FormatPost; dl <= FormatBundle; dl++ {
		b, err := dl.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Format
		if err := back.UnmarshalText(b); err != nil || back != dl {
			t.Errorf("%s: round trip %v, %v", b, back, err)
		}
	}
	if _, err := Format(7).MarshalText(); err == nil {
		t.Error("MarshalText(7) should fail")
	}
	var x Format
	if err := x.UnmarshalText([]byte("tweet")); !errors.Is(err, ErrInvalid) {
		t.Errorf("UnmarshalText(tweet) = %v", err)
	}
	if Format(7).String() != "Format(7)" || FormatReel.String() != "reel" {
		t.Error("String")
	}
}
