package main

import (
	"encoding/json"
	"testing"
)

// TestJSONMoney checks that -json writes every amount of money as a money
// object with the currency's minor digits (API.md, "JSON").
func TestJSONMoney(t *testing.T) {
	_, js := outputs(t)
	var doc any
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatal(err)
	}
	paths := map[string][]any{}
	walkJSON(doc, "", paths)
	for _, p := range []string{
		"goals[].goal", "candidates[].fee", "shortlists.fee_budget", "shortlists.by_value.cost", "shortlists.by_value.creators[].fee",
		"shortlists.by_unique_reach.cost", "budget.total", "budget.planned", "budget.actual", "budget.remaining",
		"budget.categories[].split", "budget.categories[].planned", "budget.categories[].actual", "budget.categories[].variance",
		"budget.fees[].estimate_low", "budget.fees[].estimate", "budget.fees[].estimate_high", "budget.fees[].quoted",
		"budget.fees[].agreed", "budget.fees[].paid", "budget.spend_by_week[].spent", "budget.spend_by_week[].cumulative",
		"budget.spend_by_week[].straight_line", "results.report.overhead", "results.report.total.cost",
		"results.report.influencers[].revenue", "results.orders.total.revenue", "results.multi_touch[].credits[].value",
		"next_campaign.budget", "next_campaign.unplaced", "next_campaign.fees", "next_campaign.revenue",
		"next_campaign.expected_revenue", "next_campaign.break_even_spend", "next_campaign.break_even_revenue",
		"next_campaign.creators[].fee", "next_campaign.creators[].revenue", "next_campaign.creators[].spend",
		"next_campaign.creators[].change", "next_campaign.creators[].expected_revenue",
		"collaboration.paid", "collaboration.unpaid_by_state.overdue",
		"feedback.credit.creators[].code.revenue", "feedback.credit.creators[].survey_only.revenue",
		"feedback.credit.creators[].disagree.revenue",
	} {
		vals := paths[p]
		if len(vals) == 0 {
			t.Errorf("%s: absent", p)
		}
		for _, v := range vals {
			m, ok := v.(map[string]any)
			if p == "goals[].goal" && !ok {
				continue // a count or a ratio
			}
			if !ok || len(m) != 2 || m["currency"] != "EUR" {
				t.Errorf("%s = %v, not a money object in EUR", p, v)
			}
		}
	}
	// By hand: the budget of 45,000 EUR with EUR's two minor digits; the
	// fee budget 65 % of it, 45,000 × 0.65 = 29,250.00; the revenue goal
	// 45,000 (the fourth goal).
	for p, want := range map[string]string{"budget.total": "45000.00", "shortlists.fee_budget": "29250.00", "next_campaign.budget": "29250.00"} {
		if m, _ := paths[p][0].(map[string]any); m == nil || m["amount"] != want {
			t.Errorf("%s = %v, want amount %s", p, paths[p][0], want)
		}
	}
	if g, _ := paths["goals[].goal"][3].(map[string]any); g == nil || g["amount"] != "45000.00" {
		t.Errorf("revenue goal %v, want 45000.00 EUR", paths["goals[].goal"][3])
	}
	// A count or a ratio stays a decimal string.
	for _, p := range []string{"goals[].fraction", "candidates[].score", "next_campaign.creators[].roas"} {
		for _, v := range paths[p] {
			if _, ok := v.(string); !ok {
				t.Errorf("%s = %v, want a decimal string", p, v)
			}
		}
	}
}

// walkJSON records every value of doc by its path: object keys joined by
// ".", array elements as "[]".
func walkJSON(doc any, path string, out map[string][]any) {
	out[path] = append(out[path], doc)
	switch d := doc.(type) {
	case map[string]any:
		for k, v := range d {
			p := k
			if path != "" {
				p = path + "." + k
			}
			walkJSON(v, p, out)
		}
	case []any:
		for _, v := range d {
			walkJSON(v, path+"[]", out)
		}
	}
}
