package collab

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/influencekit/influencekit/budget"
	"github.com/shopspring/decimal"
)

// TestHistoryJSONMoney: a CPA is money in JSON, in a campaign result, a
// History's CPA points and its cpa_trend; a ROAS stays a decimal string.
func TestHistoryJSONMoney(t *testing.T) {
	cpa := func(s string) *budget.Money {
		return &budget.Money{Amount: decimal.RequireFromString(s), Currency: eur}
	}
	results := []CampaignResult{
		{Campaign: "spring", Creator: "mara", End: day0("2026-04-01 00:00"), FeePaid: money("1000"), CPA: cpa("12.5"),
			ROAS: decimal.NewNullDecimal(decimal.RequireFromString("2"))},
		{Campaign: "summer", Creator: "mara", End: day0("2026-08-01 00:00"), FeePaid: money("1200"), CPA: cpa("8.125")},
	}
	b, err := json.Marshal(results[0])
	if err != nil {
		t.Fatal(err)
	}
	// 12.5 EUR with EUR's two minor digits: "12.50".
	if !strings.Contains(string(b), `"cpa":{"amount":"12.50","currency":"EUR"}`) || !strings.Contains(string(b), `"roas":"2"`) {
		t.Errorf("campaign result: %s", b)
	}
	var back CampaignResult
	if err := json.Unmarshal(b, &back); err != nil || back.CPA == nil || !back.CPA.Equal(*cpa("12.5")) {
		t.Errorf("round trip of %s: %+v, %v", b, back.CPA, err)
	}
	if err := json.Unmarshal([]byte(`{"cpa":"12.5"}`), &back); !errors.Is(err, ErrInvalid) {
		t.Errorf("a CPA without currency: %v, want ErrInvalid", err)
	}
	hs, err := Histories(results)
	if err != nil {
		t.Fatal(err)
	}
	b, err = json.Marshal(hs[0])
	if err != nil {
		t.Fatal(err)
	}
	// CPA 12.5 then 8.125 at x = 0, 1: slope 8.125 − 12.5 = −4.375 EUR per
	// campaign, finer than a cent: every digit kept. 8.125 likewise.
	for _, want := range []string{`"cpa":[{"campaign":"spring","end":"2026-04-01T00:00:00Z","value":{"amount":"12.50","currency":"EUR"}},` +
		`{"campaign":"summer","end":"2026-08-01T00:00:00Z","value":{"amount":"8.125","currency":"EUR"}}]`,
		`"cpa_trend":{"amount":"-4.375","currency":"EUR"}`, `"roas":[{"campaign":"spring","end":"2026-04-01T00:00:00Z","value":"2"}]`,
		`"roas_trend":null`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("history %s\nlacks %s", b, want)
		}
	}
	var h History
	if err := json.Unmarshal(b, &h); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(hs[0], h, cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("round trip (-want +got)\n%s", diff)
	}
	mixed := strings.Replace(string(b), `"cpa_trend":{"amount":"-4.375","currency":"EUR"}`, `"cpa_trend":{"amount":"-4.375","currency":"USD"}`, 1)
	if err := json.Unmarshal([]byte(mixed), &h); !errors.Is(err, ErrCurrencyMismatch) {
		t.Errorf("cpa_trend in USD beside EUR points: %v, want ErrCurrencyMismatch", err)
	}
	usd := results[1]
	usd.CPA = &budget.Money{Amount: decimal.NewFromInt(8), Currency: budget.MustParseCurrency("USD")}
	if _, err := Histories([]CampaignResult{results[0], usd}); !errors.Is(err, ErrCurrencyMismatch) ||
		!strings.Contains(err.Error(), "results[1].cpa") {
		t.Errorf("CPAs in two currencies: %v, want ErrCurrencyMismatch naming results[1].cpa", err)
	}
	if _, err := Histories([]CampaignResult{{Campaign: "c", Creator: "m", End: day0("2026-04-01 00:00"),
		CPA: &budget.Money{Amount: decimal.NewFromInt(3)}}}); !errors.Is(err, ErrInvalid) {
		t.Errorf("a CPA without currency: %v, want ErrInvalid", err)
	}
}
