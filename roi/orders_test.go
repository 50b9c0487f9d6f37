package roi

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/influencekit/influencekit/budget"
)

func TestParseUTM(t *testing.T) {
	tests := []struct {
		in   string
		want UTM
	}{
		{"https://shop.example/p?utm_source=instagram&utm_medium=story&utm_campaign=spring%20sale&utm_content=anna&utm_term=tee",
			UTM{Source: "instagram", Medium: "story", Campaign: "spring sale", Term: "tee", Content: "anna"}},
		{"/products/tee?UTM_Source=TikTok&utm_source=ignored&x=1", UTM{Source: "TikTok"}},
		// The first in the URL wins, whatever the spelling.
		{"/?utm_source=first&UTM_SOURCE=second&utm_source=third", UTM{Source: "first"}},
		{"/?utm_medium=&utm_medium=story&a&=x", UTM{Medium: "story"}},
		{"/?utm_campaign=+ben+", UTM{Campaign: "ben"}},
		{"https://shop.example/", UTM{}},
		{"", UTM{}},
	}
	for _, tt := range tests {
		got, err := ParseUTM(tt.in)
		if err != nil {
			t.Fatalf("%q: %v", tt.in, err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%q (-want +got)\n%s", tt.in, diff)
		}
	}
	for _, bad := range []string{"http://[::1", "/?utm_source=%zz"} {
		if _, err := ParseUTM(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("%q: err = %v, want ErrInvalid", bad, err)
		}
	}
}

var tracking = []Tracking{
	{Influencer: "ben", Links: []UTM{{Source: "instagram", Campaign: "ben"}}},
	{Influencer: "anna", Codes: []string{"ANNA10"}, Links: []UTM{{Campaign: "anna"}}},
	{Influencer: "cleo", Codes: []string{"cleo"}},
}

func TestReadAndAttributeOrders(t *testing.T) {
	f, err := os.Open("testdata/orders.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	orders, err := ReadOrders(f, eur)
	if err != nil {
		t.Fatal(err)
	}
	cet := time.FixedZone("", 3600)
	wantOrders := []Order{
		{ID: "#1001", Time: time.Date(2026, 3, 2, 10, 15, 0, 0, cet), Amount: d("59.90"), Currency: eur, Code: "anna10", LandingURL: "/products/tee"},
		{ID: "#1002", Time: time.Date(2026, 3, 2, 11, 0, 0, 0, time.UTC), Amount: d("120.00"), Currency: eur,
			LandingURL: "https://shop.example/?utm_source=Instagram&utm_medium=story&utm_campaign=BEN"},
		{ID: "#1003", Time: time.Date(2026, 3, 3, 0, 0, 0, 0, time.UTC), Amount: d("15.5"), Currency: eur},
		{ID: "#1004", Time: time.Date(2026, 3, 3, 9, 0, 0, 0, time.UTC), Amount: d("40"), Currency: eur, Code: "WELCOME5"},
		{ID: "#1005", Time: time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC), Amount: d("10.10"), Currency: eur, Code: "welcome5", LandingURL: "/?utm_source=tiktok&utm_campaign=anna"},
		{ID: "#1006", Time: time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC), Amount: d("0"), Currency: eur, Code: "ANNA10", LandingURL: "/?utm_campaign=ben"},
	}
	if diff := cmp.Diff(wantOrders, orders); diff != "" {
		t.Fatalf("(-want +got)\n%s", diff)
	}
	got, err := AttributeOrders(orders, tracking)
	if err != nil {
		t.Fatal(err)
	}
	// #1001 anna by code (" anna10 " trimmed, case folded), 59.90.
	// #1002 ben by link (source Instagram ~ instagram, campaign BEN ~ ben), 120.00.
	// #1003 no code, no link: unattributed, 15.5.
	// #1004 unknown code WELCOME5, no link: unattributed, 40.
	// #1005 unknown code, but the link's campaign is anna: anna by link, 10.10.
	// #1006 code ANNA10 beats the link to ben: anna by code, 0.
	// anna 3 orders, 59.90 + 10.10 + 0 = 70.00; ben 1, 120.00; cleo 0;
	// unattributed 2, 55.5; total 6, 245.50 = 70 + 120 + 55.5.
	want := OrderAttribution{
		Currency: eur,
		Influencers: []InfluencerSales{
			{Influencer: "anna", Orders: 3, Revenue: d("70"), ByCode: 2, ByLink: 1, Currency: eur},
			{Influencer: "ben", Orders: 1, Revenue: d("120"), ByLink: 1, Currency: eur},
			{Influencer: "cleo", Revenue: d("0"), Currency: eur},
		},
		Unattributed: Unattributed{Orders: 2, Revenue: d("55.5"), NoCode: 1, UnknownCode: 1,
			UnknownCodes: []CodeCount{{"WELCOME5", 1}}, Currency: eur},
		Total: InfluencerSales{Orders: 6, Revenue: d("245.5"), ByCode: 2, ByLink: 2, Currency: eur},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestAttributeOrdersErrors(t *testing.T) {
	o := func(id, amount string, cur budget.Currency) Order {
		return Order{ID: id, Amount: d(amount), Currency: cur}
	}
	tests := []struct {
		name     string
		orders   []Order
		tracking []Tracking
		want     error
	}{
		{"duplicate id", []Order{o("1", "1", eur), o("1", "2", eur)}, nil, ErrDuplicate},
		{"empty id", []Order{o(" ", "1", eur)}, nil, ErrInvalid},
		{"mixed currency", []Order{o("1", "1", eur), o("2", "2", usd)}, nil, ErrCurrencyMismatch},
		{"no currency", []Order{o("1", "1", budget.Currency{})}, nil, ErrInvalid},
		{"negative", []Order{o("1", "-1", eur)}, nil, ErrNegative},
		{"bad url", []Order{{ID: "1", Amount: d("1"), Currency: eur, LandingURL: "http://[::1"}}, nil, ErrInvalid},
		{"code twice", nil, []Tracking{{Influencer: "a", Codes: []string{"X"}}, {Influencer: "b", Codes: []string{" x"}}}, ErrDuplicate},
		{"link twice", nil, []Tracking{{Influencer: "a", Links: []UTM{{Source: "ig"}}}, {Influencer: "b", Links: []UTM{{Source: "IG"}}}}, ErrDuplicate},
		{"influencer twice", nil, []Tracking{{Influencer: "a"}, {Influencer: "a"}}, ErrDuplicate},
		{"empty pattern", nil, []Tracking{{Influencer: "a", Links: []UTM{{}}}}, ErrInvalid},
		{"empty code", nil, []Tracking{{Influencer: "a", Codes: []string{" "}}}, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := AttributeOrders(tt.orders, tt.tracking)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	// Mixed currencies in a file are read; AttributeOrders rejects them.
	// Upper-casing makes eur and EUR one currency.
	orders, err := ReadOrders(strings.NewReader("id,time,amount,currency\n1,2026-01-01,1,eur\n2,2026-01-01,1,EUR\n"), budget.Currency{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := AttributeOrders(orders, nil); err != nil {
		t.Error(err)
	}
}

func TestReadOrdersErrors(t *testing.T) {
	const head = "id,time,amount,currency,code\n"
	tests := []struct {
		name, in string
		want     error
	}{
		{"no amount column", "id,time\n1,2026-01-01\n", ErrMissingColumn},
		{"duplicate id", head + "1,2026-01-01,1,EUR,\n1,2026-01-02,1,EUR,\n", ErrDuplicate},
		{"bad time", head + "1,yesterday,1,EUR,\n", ErrSyntax},
		{"bad amount", head + "1,2026-01-01,\"1,5\",EUR,\n", ErrSyntax},
		{"currency sign", head + "1,2026-01-01,€5,EUR,\n", ErrSyntax},
		{"negative", head + "1,2026-01-01,-5,EUR,\n", ErrNegative},
		{"no currency", "id,time,amount\n1,2026-01-01,5\n", ErrInvalid},
		{"bad currency", head + "1,2026-01-01,5,euro,\n", ErrInvalid},
		{"empty id", head + ",2026-01-01,5,EUR,\n", ErrInvalid},
		{"empty input", "", ErrEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadOrders(strings.NewReader(tt.in), budget.Currency{})
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Errorf("%v is not a ParseError", err)
			}
		})
	}
}
