package main

import (
	"fmt"
	"strings"

	"github.com/influencekit/influencekit/budget"
	"github.com/shopspring/decimal"
)

// Section 7 recommends how to spread the next campaign's fee budget over
// this campaign's creators, from what each one returned, with budget's
// allocation over response curves.
//
// The assumptions, stated in the report: each creator's credited revenue
// follows a concave Michaelis–Menten curve f(x) = β·x/(κ + x) through the
// one point this campaign observed (the fee paid, the revenue credited by
// code or link), with elasticity nextElasticity there
// (budget.MichaelisMentenThrough). Concave, because a creator's audience
// saturates: more posts reach the same followers again. One campaign gives
// one point per creator, so the elasticity is assumed, not fitted. No
// creator gets more than nextMaxMultiple times this campaign's fee.
var (
	nextElasticity  = decimal.RequireFromString("0.5")
	nextMaxMultiple = decimal.NewFromInt(3)
)

// NextCampaign is section 7: the next fee budget spread over the creators.
type NextCampaign struct {
	// Skipped says why there is no recommendation (a report before the
	// campaign's end, whose fees and revenue are partial); empty otherwise.
	Skipped     string          `json:"skipped,omitempty"`
	Budget      Amount          `json:"budget"`       // this campaign's fee budget, spread again
	Curve       string          `json:"curve"`        // the response curve assumed
	Elasticity  decimal.Decimal `json:"elasticity"`   // of each curve at the observed fee
	MaxMultiple decimal.Decimal `json:"max_multiple"` // of this campaign's fee, the most a creator gets
	Method      string          `json:"method"`       // budget.Allocate's
	Creators    []NextRow       `json:"creators"`
	// LeftOut are the creators not spread over, with why ("handle: reason").
	LeftOut []string `json:"left_out"`
	// Unplaced is the part of Budget over what the creators can take (Σ
	// MaxMultiple × fee): left for creators this campaign did not pay.
	Unplaced Amount `json:"unplaced"`
	Fees     Amount `json:"fees"`             // Σ this campaign's fees of the creators spread over
	Revenue  Amount `json:"revenue"`          // Σ their credited revenue
	Expected Amount `json:"expected_revenue"` // Σ the curves at the recommended spends
	// BreakEven is the spend, at most Budget, while each creator's next unit
	// still returns at least one unit of credited revenue
	// (budget.AllocateTarget, MarginalReturn 1), and BreakEvenRevenue the
	// revenue the curves expect of it: beyond it, by these curves, the
	// last units spent bring back less than they cost in credited sales.
	BreakEven        Amount `json:"break_even_spend"`
	BreakEvenRevenue Amount `json:"break_even_revenue"`
}

// NextRow is one creator: what this campaign observed, and the
// recommendation. Returns are in revenue per unit of currency spent.
type NextRow struct {
	Handle      string          `json:"handle"`
	Fee         Amount          `json:"fee"`          // paid this campaign
	Revenue     Amount          `json:"revenue"`      // credited this campaign
	ROAS        decimal.Decimal `json:"roas"`         // Revenue / Fee: the average return observed
	MarginalNow decimal.Decimal `json:"marginal_now"` // the curve's return of the next unit at Fee: elasticity × ROAS
	Spend       Amount          `json:"spend"`        // recommended, in whole minor units
	Change      Amount          `json:"change"`       // Spend − Fee
	Expected    Amount          `json:"expected_revenue"`
	Marginal    decimal.Decimal `json:"marginal"` // the return of the next unit at Spend
	AtCap       bool            `json:"at_cap"`   // Spend is MaxMultiple × Fee
}

// observed is one creator's fee and credited revenue.
type observed struct {
	Handle       string
	Fee, Revenue decimal.Decimal
}

// noNext is a NextCampaign without a recommendation: every amount 0 in cur.
func noNext(cur budget.Currency) NextCampaign {
	z := amountIn(decimal.Zero, cur)
	return NextCampaign{Budget: z, Unplaced: z, Fees: z, Revenue: z, Expected: z, BreakEven: z, BreakEvenRevenue: z}
}

// nextCampaign (section 7) spreads this campaign's fee budget over the
// creators it paid, by their curves; a creator paid nothing is left out,
// and said so.
func nextCampaign(rep *Report, in inputs, b brief) error {
	if b.AsOf.Before(b.End) {
		rep.Next = noNext(in.Currency)
		rep.Next.Skipped = "the campaign is not over: fees and revenue so far would misjudge the creators"
		return nil
	}
	var obs []observed
	var left []string
	for _, ir := range rep.Results.Report.Influencers {
		if !ir.Cost.IsPositive() {
			left = append(left, ir.Influencer+": no fee paid, so no return to judge by")
			continue
		}
		obs = append(obs, observed{Handle: ir.Influencer, Fee: ir.Cost, Revenue: ir.Revenue})
	}
	next, err := spread(obs, rep.Shortlists.FeeBudget.Amount, in.Currency)
	if err != nil {
		return fmt.Errorf("next campaign: %w", err)
	}
	next.LeftOut = append([]string{}, left...) // [] in JSON, not null
	rep.Next = next
	return nil
}

// spread allocates total over the observed creators with budget.Allocate,
// each on the Michaelis–Menten curve through their point.
func spread(obs []observed, total decimal.Decimal, cur budget.Currency) (NextCampaign, error) {
	next := noNext(cur)
	next.Budget, next.Elasticity, next.MaxMultiple = amountIn(total, cur), nextElasticity, nextMaxMultiple
	next.Curve = "Michaelis–Menten f(x) = β·x/(κ + x) through (fee, credited revenue)"
	if len(obs) == 0 {
		return next, fmt.Errorf("no creator was paid: nothing to learn from")
	}
	chans := make([]budget.Channel, len(obs))
	room := decimal.Zero // Σ caps
	for i, o := range obs {
		curve, err := budget.MichaelisMentenThrough(o.Fee, o.Revenue, nextElasticity)
		if err != nil {
			return next, fmt.Errorf("%s: %w", o.Handle, err)
		}
		chans[i] = budget.Channel{Name: o.Handle, Curve: curve, Max: o.Fee.Mul(nextMaxMultiple)}
		room = room.Add(chans[i].Max)
		next.Fees.Amount, next.Revenue.Amount = next.Fees.Amount.Add(o.Fee), next.Revenue.Amount.Add(o.Revenue)
	}
	if total.GreaterThan(room) { // every creator at the cap; the rest is said, not lost
		next.Unplaced, total = amountIn(total.Sub(room), cur), room
	}
	alloc, err := budget.Allocate(total, chans, budget.AllocateOptions{Currency: cur})
	if err != nil {
		return next, err
	}
	next.Method, next.Expected = alloc.Method.String(), amountIn(alloc.Response, cur)
	even, err := budget.AllocateTarget(chans, budget.ReturnTarget{Kind: budget.MarginalReturn, Value: decimal.NewFromInt(1), Limit: total},
		budget.AllocateOptions{Currency: cur})
	if err != nil {
		return next, err
	}
	next.BreakEven, next.BreakEvenRevenue = amountIn(even.Total, cur), amountIn(even.Response, cur)
	for i, c := range alloc.Channels {
		o := obs[i]
		// Fee > 0: MichaelisMentenThrough checked it.
		roas, now := o.Revenue.DivRound(o.Fee, 16), o.Revenue.Mul(nextElasticity).DivRound(o.Fee, 16)
		next.Creators = append(next.Creators, NextRow{Handle: o.Handle, Fee: amountIn(o.Fee, cur), Revenue: amountIn(o.Revenue, cur),
			ROAS: roas, MarginalNow: now, Spend: amountIn(c.Spend, cur), Change: amountIn(c.Spend.Sub(o.Fee), cur),
			Expected: amountIn(c.Response, cur), Marginal: c.Marginal, AtCap: c.Spend.Equal(chans[i].Max)})
	}
	return next, nil
}

// nextTitle is section 7's title, in the text and on the page.
const nextTitle = "Next campaign: where to spread the budget"

// nextSection prints section 7.
func nextSection(p *printer, rep Report) {
	n := rep.Next
	p.section(7, nextTitle, "")
	if n.Skipped != "" {
		p.f("Left out of a report as of %s: %s.\n", rep.AsOf.Format("Mon 2 Jan 2006"), n.Skipped)
		return
	}
	p.f("%s\n\n", wrap(nextAssumptions(n, p)))
	tw := p.table("lrrrrrrrr", "creator", "fee now", "revenue", "ROAS", "next € now", "recommended", "change", "expected revenue", "next € then")
	for _, c := range n.Creators {
		rec := p.m(c.Spend.Amount)
		if c.AtCap {
			rec += " (cap)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s×\t%s\t%s\t%s\t%s\t%s\t\n", c.Handle, p.m(c.Fee.Amount), p.m(c.Revenue.Amount), c.ROAS.StringFixed(2),
			p.m(c.MarginalNow.Round(p.cur.MinorUnits())), rec, signed(p.m(c.Change.Amount)), p.m(c.Expected.Amount.Round(p.cur.MinorUnits())),
			p.m(c.Marginal.Round(p.cur.MinorUnits())))
	}
	placed := n.Budget.Amount.Sub(n.Unplaced.Amount)
	tw.row(fmt.Sprintf("total\t%s\t%s\t\t\t%s\t%s\t%s\t\n", p.m(n.Fees.Amount), p.m(n.Revenue.Amount), p.m(placed),
		signed(p.m(placed.Sub(n.Fees.Amount))), p.m(n.Expected.Amount.Round(p.cur.MinorUnits()))))
	tw.flush()
	p.f("  \"next € now\" and \"then\": the revenue the curve expects from one more euro at this campaign's fee and at the\n")
	p.f("  recommended spend (%s, the method of budget.Allocate).\n", n.Method)
	for _, s := range nextNotes(n, p) {
		p.f("%s\n", wrap(s))
	}
}

// nextNotes are the paragraphs under section 7's table: the break-even
// spend, the budget the caps leave unplaced, the creators left out.
func nextNotes(n NextCampaign, p *printer) []string {
	m := p.m
	var out []string
	placed := n.Budget.Amount.Sub(n.Unplaced.Amount)
	if n.BreakEven.Amount.LessThan(placed) {
		out = append(out, fmt.Sprintf("Spending only while each creator's next euro brings back at least %s of credited revenue "+
			"(budget.AllocateTarget) would spend %s for an expected %s: by these curves, the last %s return less than they cost "+
			"in credited sales alone.", m(decimal.NewFromInt(1)), m(n.BreakEven.Amount), m(n.BreakEvenRevenue.Amount.Round(p.cur.MinorUnits())),
			m(placed.Sub(n.BreakEven.Amount))))
	}
	if n.Unplaced.Amount.IsPositive() {
		out = append(out, fmt.Sprintf("These creators can take at most %s at %s× their fee: %s of the budget is left for creators this campaign did not pay.",
			m(n.Budget.Amount.Sub(n.Unplaced.Amount)), n.MaxMultiple, m(n.Unplaced.Amount)))
	}
	if len(n.LeftOut) > 0 {
		out = append(out, "Left out: "+strings.Join(n.LeftOut, "; ")+".")
	}
	return out
}

// nextAssumptions is section 7's paragraph: what was spread, how, and the
// assumptions (the text and the page print it).
func nextAssumptions(n NextCampaign, p *printer) string {
	m := p.m
	return fmt.Sprintf("This campaign's fee budget, %s, spread again over the %d creators it paid, by budget.Allocate, "+
		"from what each one returned: the revenue credited by code or link for the fee paid. Assumptions: each creator's revenue "+
		"follows a concave %s; concave because an audience saturates, as more posts reach the same followers again, so each euro "+
		"brings less than the one before. One campaign gives one point per creator, so the curve's elasticity there is assumed, "+
		"not fitted: %s, which puts this campaign's fee at the half-saturation point, where the next euro returns half the average "+
		"so far (ROAS × %s). No creator gets more than %s× this campaign's fee: a package grows by posts, and a creator's audience "+
		"does not. The optimum gives every creator between zero and the cap the same return on the next euro; revenue that came "+
		"without a code or link is not seen, so a creator whose sales came that way is under-rated.",
		m(n.Budget.Amount), len(n.Creators), n.Curve, n.Elasticity, n.Elasticity, n.MaxMultiple)
}
