package main

import (
	"math"
	"strings"
	"testing"

	"github.com/influencekit/influencekit/budget"
	"github.com/shopspring/decimal"
)

// TestSpreadByHand checks spread on cases worked out by hand. With
// elasticity 0.5, MichaelisMentenThrough(fee, revenue, 0.5) has κ = fee and
// β = 2·revenue; the marginal return is β·κ/(κ + x)², and the optimum gives
// every creator strictly between 0 and the cap (3 × fee) the same marginal
// return λ: x = √(β·κ/λ) − κ.
func TestSpreadByHand(t *testing.T) {
	eur := budget.MustParseCurrency("EUR")
	d := decimal.RequireFromString
	for _, tc := range []struct {
		name         string
		obs          []observed
		total        string
		spends       []string
		atCap        []bool
		expected     []string // response at the spend, to the cent
		marginalNear []string // to 3 places
	}{
		{
			// β·κ = 600·100 and 150·100: √ 244.949 and 122.474, a ratio of 2,
			// so κ + x splits B + Σκ = 400 as 2:1: 266.67 and 133.33, x =
			// 166.666… and 33.333… The cents: 166.66 + 33.33 = 199.99, the
			// cent left goes to the larger fraction (.666): 166.67 and 33.33.
			// Revenue 600·166.67/266.67 = 375.0019 → 375.00 and
			// 150·33.33/133.33 = 37.4972 → 37.50; λ = 60000/(800/3)² =
			// 0.84375 → 0.844 at both.
			name:         "interior",
			obs:          []observed{{"a", d("100"), d("300")}, {"b", d("100"), d("75")}},
			total:        "200",
			spends:       []string{"166.67", "33.33"},
			atCap:        []bool{false, false},
			expected:     []string{"375.00", "37.50"},
			marginalNear: []string{"0.844", "0.844"},
		},
		{
			// Unbounded, a would take √(600·10)·310/218.881 − 10 = 99.7, over
			// its cap 3 × 10 = 30: a gets 30, b the 170 left. a's marginal
			// return there, 600·10/40² = 3.75, is above b's, 200·100/270² =
			// 0.274: a is held by its cap. Revenue 600·30/40 = 450 and
			// 200·170/270 = 125.925… → 125.93.
			name:         "cap",
			obs:          []observed{{"a", d("10"), d("300")}, {"b", d("100"), d("100")}},
			total:        "200",
			spends:       []string{"30.00", "170.00"},
			atCap:        []bool{true, false},
			expected:     []string{"450.00", "125.93"},
			marginalNear: []string{"3.750", "0.274"},
		},
		{
			// b's first euro returns β/κ = 20/100 = 0.2; a's last euro at 200
			// returns 2000·100/300² = 2.222: nothing for b. Revenue
			// 2000·200/300 = 1333.333… → 1333.33.
			name:         "zero",
			obs:          []observed{{"a", d("100"), d("1000")}, {"b", d("100"), d("10")}},
			total:        "200",
			spends:       []string{"200.00", "0.00"},
			atCap:        []bool{false, false},
			expected:     []string{"1333.33", "0.00"},
			marginalNear: []string{"2.222", "0.200"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			next, err := spread(tc.obs, d(tc.total), eur)
			if err != nil {
				t.Fatal(err)
			}
			for i, c := range next.Creators {
				if !c.Spend.Amount.Equal(d(tc.spends[i])) || c.AtCap != tc.atCap[i] {
					t.Errorf("%s: spend %s (cap %v), want %s (cap %v)", c.Handle, c.Spend, c.AtCap, tc.spends[i], tc.atCap[i])
				}
				if got := c.Expected.Amount.StringFixed(2); got != tc.expected[i] {
					t.Errorf("%s: expected revenue %s, want %s", c.Handle, got, tc.expected[i])
				}
				if got := c.Marginal.StringFixed(3); got != tc.marginalNear[i] {
					t.Errorf("%s: marginal return %s, want %s", c.Handle, got, tc.marginalNear[i])
				}
				// ROAS and the marginal return now: revenue / fee, and half of it.
				roas := tc.obs[i].Revenue.Div(tc.obs[i].Fee)
				if !c.ROAS.Equal(roas) || !c.MarginalNow.Equal(roas.Div(d("2"))) {
					t.Errorf("%s: ROAS %s, now %s; want %s and half", c.Handle, c.ROAS, c.MarginalNow, roas)
				}
			}
		})
	}
	// Break-even, case "interior": the next euro returns 1 where
	// β·κ/(κ + x)² = 1, x = √(β·κ) − κ: √60000 − 100 = 144.949 → 144.94
	// (rounded down to a cent) and √15000 − 100 = 22.474 → 22.47, 167.41 in
	// all; revenue 600·144.94/244.94 + 150·22.47/122.47 = 355.0420 +
	// 27.5210 = 382.56.
	even, err := spread([]observed{{"a", d("100"), d("300")}, {"b", d("100"), d("75")}}, d("200"), eur)
	if err != nil || !even.BreakEven.Amount.Equal(d("167.41")) || even.BreakEvenRevenue.Amount.StringFixed(2) != "382.56" {
		t.Errorf("break-even: %v, spend %s revenue %s, want 167.41 and 382.56", err, even.BreakEven, even.BreakEvenRevenue)
	}
	// More than the caps can take: a at 3 × 10 = 30, b at 3 × 100 = 300;
	// 400 − 330 = 70 is said to be left, not an error.
	next, err := spread([]observed{{"a", d("10"), d("300")}, {"b", d("100"), d("100")}}, d("400"), eur)
	if err != nil || !next.Unplaced.Amount.Equal(d("70")) || !next.Creators[0].Spend.Amount.Equal(d("30")) || !next.Creators[1].Spend.Amount.Equal(d("300")) ||
		!next.Creators[0].AtCap || !next.Creators[1].AtCap {
		t.Errorf("over the caps: %v, %+v", err, next)
	}
	if _, err := spread(nil, d("100"), eur); err == nil {
		t.Error("no creators: no error")
	}
}

// TestNextCampaign checks section 7 on the sample data against the
// optimality conditions, recomputed from the curves' formula: κ = fee,
// β = 2 × revenue, marginal β·κ/(κ + x)².
func TestNextCampaign(t *testing.T) {
	rep := runJSON(t)
	n := rep.Next
	if n.Skipped != "" || len(n.Creators) != len(rep.Results.Report.Influencers) {
		t.Fatalf("section 7: %d creators, skipped %q; want the %d paid", len(n.Creators), n.Skipped, len(rep.Results.Report.Influencers))
	}
	// The budget spread is the fee budget of section 3: €29,250.00.
	if !n.Budget.Amount.Equal(decimal.RequireFromString("29250")) || !n.Budget.Amount.Equal(rep.Shortlists.FeeBudget.Amount) {
		t.Errorf("budget %s, want the fee budget 29250", n.Budget)
	}
	marginal := func(c NextRow, x decimal.Decimal) float64 {
		k, b, xf := c.Fee.Amount.InexactFloat64(), 2*c.Revenue.Amount.InexactFloat64(), x.InexactFloat64()
		return b * k / ((k + xf) * (k + xf))
	}
	sum, expected := decimal.Zero, 0.0
	lambda := -1.0
	for _, c := range n.Creators {
		sum = sum.Add(c.Spend.Amount)
		k, b, x := c.Fee.Amount.InexactFloat64(), 2*c.Revenue.Amount.InexactFloat64(), c.Spend.Amount.InexactFloat64()
		expected += b * x / (k + x)
		if c.Spend.Amount.IsNegative() || c.Spend.Amount.GreaterThan(c.Fee.Amount.Mul(nextMaxMultiple)) || !c.Spend.Amount.Mul(d100).Equal(c.Spend.Amount.Mul(d100).Floor()) {
			t.Errorf("%s: spend %s outside [0, 3 × %s] or not in cents", c.Handle, c.Spend, c.Fee)
		}
		if c.Spend.Amount.IsPositive() && !c.AtCap {
			lambda = marginal(c, c.Spend.Amount) // an interior creator: λ
		}
	}
	if !sum.Equal(n.Budget.Amount) || !n.Unplaced.Amount.IsZero() {
		t.Errorf("Σ spend %s, want %s", sum, n.Budget)
	}
	if e := n.Expected.Amount.InexactFloat64(); e < expected-0.01 || e > expected+0.01 {
		t.Errorf("expected revenue %v, want Σ β·x/(κ + x) = %v", e, expected)
	}
	if lambda < 0 {
		t.Fatal("no creator between 0 and the cap")
	}
	// Break-even: each creator at clamp(√(β·κ) − κ, 0, 3 × fee), rounded down
	// to a cent (a cent each of float rounding allowed).
	var even float64
	for _, c := range n.Creators {
		k, b := c.Fee.Amount.InexactFloat64(), 2*c.Revenue.Amount.InexactFloat64()
		even += min(max(math.Floor((math.Sqrt(b*k)-k)*100)/100, 0), 3*k)
	}
	if got := n.BreakEven.Amount.InexactFloat64(); math.Abs(got-even) > 0.01*float64(len(n.Creators)) || n.BreakEven.Amount.GreaterThan(n.Budget.Amount) {
		t.Errorf("break-even spend %v, want %v (at most the budget)", got, even)
	}
	// A cent moves the marginal return by less than 1 %: the tolerance.
	for _, c := range n.Creators {
		m := marginal(c, c.Spend.Amount)
		switch {
		case c.AtCap && m < lambda*0.99, !c.AtCap && c.Spend.Amount.IsZero() && m > lambda*1.01,
			!c.AtCap && c.Spend.Amount.IsPositive() && (m < lambda*0.99 || m > lambda*1.01):
			t.Errorf("%s: marginal return %v at %s (cap %v), λ %v: not optimal", c.Handle, m, c.Spend, c.AtCap, lambda)
		}
	}
	text, _ := outputs(t)
	for _, want := range []string{"7. Next campaign: where to spread the budget", "Michaelis–Menten", "elasticity", "half-saturation"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("text report lacks %q", want)
		}
	}
}

var d100 = decimal.NewFromInt(100)
