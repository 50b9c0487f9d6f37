package main

import (
	"fmt"
	"strings"

	"github.com/influencekit/influencekit/collab"
)

// overdueRule says how days late and overdue are counted (the text and
// the page): collab's due date is exclusive; the report shows the last day
// a piece may go live, and counts an overdue piece to the report day
// included. The example is the first overdue deliverable, if any.
func overdueRule(c CollabReport) string {
	s := "\"Live by\" is the last day a piece may go live (the deliverables file's due date is the day after). " +
		"Days late are calendar days after it: live the next day is 1 day late. An overdue piece counts to the report day " +
		"included, as if it went live that day"
	for _, d := range c.Deliverables {
		if d.State == collab.StateOverdue {
			return s + fmt.Sprintf(": %s, live by %s and still missing on %s, is %s overdue (%s to %s).", d.Deliverable,
				d.Due.AddDate(0, 0, -1).Format("2 Jan"), c.AsOf.Format("Mon 2 Jan"), plural(d.DaysLate, "day"),
				d.Due.Format("2 Jan"), d.Due.AddDate(0, 0, d.DaysLate-1).Format("2 Jan"))
		}
	}
	return s + "."
}

// collaborationSection prints section 8: deliverables, captions,
// payments and the creators' record.
func collaborationSection(p *printer, rep Report) {
	c := rep.Collab
	d := c.Delivery
	p.section(8, "Collaboration",
		wrap(fmt.Sprintf("Follow-up of every booked creator as of %s (package collab): each piece booked is a deliverable with "+
			"a due date, a brief and payment terms; the log of briefs, drafts, changes, approvals and posts says where it stands. "+
			overdueRule(c),
			c.AsOf.Format("Mon 2 Jan 2006"))))
	p.f("%d deliverables: %d delivered on time, %d late, %d overdue (not live, past due), %d still open, %d cancelled.\n",
		d.Deliverables, d.OnTime, d.Late, d.Overdue, d.Open, d.Cancelled)
	deliverablesTable(p, c)
	for _, e := range c.Unlogged {
		p.f("Live but not logged: post %s counts for %s (found by creator, platform, kind and window; %s).\n",
			e.Post, e.Deliverable, e.At.Format("2 Jan 15:04"))
	}
	if len(c.Matching.Extra) > 0 {
		p.f("Posts beyond the bookings (not counted as delivered): %s.\n", strings.Join(c.Matching.Extra, ", "))
	}
	captionsTable(p, c)
	paymentsTable(p, c)
	historyTable(p, c)
}

// deliverablesTable lists every deliverable with its status.
func deliverablesTable(p *printer, c CollabReport) {
	tw := p.table("llrlrrr", "creator", "deliverable", "live by", "state", "live", "late", "drafts")
	var late []string
	for _, s := range c.Deliverables {
		state, live, days := strings.ReplaceAll(s.State.String(), "_", " "), "—", ""
		switch s.State {
		case collab.StateOnTime:
			state = "✔ on time"
		case collab.StateLate, collab.StateOverdue:
			state = "✘ " + state
			days = plural(s.DaysLate, "day")
			late = append(late, fmt.Sprintf("%s %s (%s)", s.Deliverable, strings.ReplaceAll(s.State.String(), "_", " "), days))
		case collab.StateOpen:
			days = plural(s.DaysLeft, "day") + " left"
		}
		if !s.DeliveredAt.IsZero() {
			live = s.DeliveredAt.Format("2 Jan")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t\n", s.Creator, s.Deliverable, s.Due.AddDate(0, 0, -1).Format("2 Jan"), state, live, days, s.Rounds)
	}
	tw.flush()
	if len(late) > 0 {
		p.f("\n%s\n", wrap("To follow up: "+strings.Join(late, ", ")+"."))
	}
}

// captionsTable lists each post's disclosure and brief findings.
func captionsTable(p *printer, c CollabReport) {
	ok := 0
	for _, r := range c.Captions {
		if r.Compliance.OK() {
			ok++
		}
	}
	p.f("\n%s\n", wrap(fmt.Sprintf("Captions against the brief: %d of %d carry everything. Each deliverable names its disclosure rule: "+
		"ASA (the UK CAP/ASA/CMA influencers' guide, 2023) wants \"#ad\" or \"Ad\" up front, within the first %d characters a feed "+
		"shows before \"more\"; Reklam Kurulu (Turkey, 2021), for spf.samira's Turkish captions, \"#reklam\", \"#işbirliği\", "+
		"\"#sponsor\"… at the start. Tags match whole (\"#adventure\" is not \"#ad\") and case folds the Turkish way "+
		"(\"#İşbirliği\" is \"#işbirliği\"). The brief also wants @helioskin, the creator's code and #helioskin.",
		ok, len(c.Captions), collab.CutOff)))
	tw := p.table("llllll", "post", "creator", "rule", "label found", "at", "findings")
	for _, r := range c.Captions {
		label, at, findings := captionFinding(r)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t\n", r.Post, r.Creator, strings.Join(r.Rules, "+"), label, at, findings)
	}
	tw.flush()
}

// captionFinding is one caption's first label found (and where) and its
// findings: each rule's problem (undisclosed, misplaced, weak only) and the
// brief's missing elements (mention, code, link, hashtags), or ✔.
func captionFinding(r CaptionRow) (label, at, findings string) {
	label, findings = "—", "✔"
	if len(r.Compliance.Rules) > 0 {
		rc := r.Compliance.Rules[0]
		if rc.Label != "" {
			label, at = rc.Label, fmt.Sprintf("char %d", rc.At+1)
		}
	}
	var f []string
	for _, rc := range r.Compliance.Rules {
		if rc.Problem != collab.NoProblem {
			f = append(f, rc.Rule+": "+strings.ReplaceAll(rc.Problem.String(), "_", " "))
		}
	}
	if m := r.Compliance.Missing &^ collab.Disclosure; m != 0 {
		f = append(f, "missing "+strings.ReplaceAll(m.String(), "|", ", "))
	}
	if len(f) > 0 {
		findings = "✘ " + strings.Join(f, "; ")
	}
	return label, at, findings
}

// paymentsTable sums the instalments and lists those not paid in full.
func paymentsTable(p *printer, c CollabReport) {
	var parts []string
	for _, st := range []collab.PaymentState{collab.PaymentOverdue, collab.PaymentDue, collab.PaymentPending} {
		if v, ok := c.ByState[st.String()]; ok {
			parts = append(parts, fmt.Sprintf("%s %s", p.m(v.Amount), st))
		}
	}
	if len(parts) == 0 {
		parts = []string{"nothing left to pay"}
	}
	p.f("\nPayments (each deliverable's terms, against the transfers in payouts.csv): %d instalments, %s paid; %s.\n",
		len(c.Payments), p.m(c.Paid.Amount), strings.Join(parts, ", "))
	tw := p.table("lllrrrl", "deliverable", "creator", "terms", "amount", "due", "paid", "state")
	n := 0
	for _, pm := range c.Payments {
		if pm.State == collab.PaymentPaid {
			continue
		}
		n++
		state := pm.State.String()
		if pm.State == collab.PaymentOverdue {
			state = "✘ overdue by " + plural(pm.DaysOverdue, "day")
		}
		due := "on " + pm.On.String()
		if !pm.Due.IsZero() {
			due = pm.Due.Format("2 Jan")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s net %d\t%s\t%s\t%s\t%s\t\n", pm.Deliverable, pm.Creator, pm.On, pm.NetDays, p.m(pm.Amount.Amount), due, p.m(pm.Paid.Amount), state)
	}
	if n > 0 {
		tw.flush()
	}
}

// historyTable prints each creator's record across campaigns.
func historyTable(p *printer, c CollabReport) {
	p.f("\nRecord with the brand (earlier campaigns from past_creators.csv; in the final report this one too). The earlier ones\n" +
		"feed section 2's reliab. and past columns. ROAS per campaign, oldest first; trend = least-squares change per campaign.\n")
	tw := p.table("lrrrrll", "creator", "campaigns", "on time", "mean delay", "drafts/piece", "ROAS by campaign", "trend")
	for _, h := range c.Histories {
		onTime, delay, rounds, trend := "—", "—", "—", "—"
		if h.OnTimeRate.Valid {
			onTime = fmt.Sprintf("%d of %d", h.Delivery.OnTime, h.Delivery.OnTime+h.Delivery.Late)
			delay = h.MeanDelay.Decimal.StringFixed(1) + " days"
			rounds = h.MeanRounds.Decimal.StringFixed(1)
		}
		var roas []string
		for _, pt := range h.ROAS {
			roas = append(roas, pt.Value.StringFixed(2)+"×")
		}
		if h.ROASTrend.Valid {
			trend = signed(h.ROASTrend.Decimal.StringFixed(2)) + "×"
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t\n", h.Creator, h.Campaigns, onTime, delay, rounds, strings.Join(roas, " → "), trend)
	}
	tw.flush()
}
