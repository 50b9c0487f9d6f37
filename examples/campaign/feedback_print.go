package main

import (
	"fmt"
	"strings"

	"github.com/influencekit/influencekit/feedback"
	"github.com/shopspring/decimal"
)

// The sentences and table rows of section 9: the text report and the page
// print the same ones.

const feedbackTitle = "Feedback"

// creditHead is the header of the survey-credit table.
var creditHead = []string{"creator", "code/link orders", "of them answered", "survey names", "both", "code only", "survey only", "named, other's code", "missed (est., 95 %)"}

// creditRows are the survey-credit table's rows, one per creator.
func creditRows(c feedback.Credits) [][]string {
	var rows [][]string
	for _, cr := range c.Creators {
		answered := cr.Both.Orders + cr.CodeOnly.Orders
		rows = append(rows, []string{cr.Creator, thousands(cr.Code.Orders), thousands(answered), thousands(cr.Survey.Orders),
			thousands(cr.Both.Orders), thousands(cr.CodeOnly.Orders), thousands(cr.SurveyOnly.Orders), thousands(cr.Disagree.Orders),
			extrapolated(cr.Missed)})
	}
	return rows
}

// extrapolated writes an estimate of orders with its interval: "5 (1–24)".
func extrapolated(e feedback.Extrapolation) string {
	return fmt.Sprintf("%s (%s–%s)", number(e.Orders, 0), number(e.OrdersInterval.Low, 0), number(e.OrdersInterval.High, 0))
}

// creditIntro says what the post-purchase survey covered and assumes.
func creditIntro(c feedback.Credits) string {
	return fmt.Sprintf("Post-purchase survey, %q: %s of %s orders answered (%s). Each answer is matched to one creator "+
		"(handle, name or alias; case, Turkish and German letters and small typos forgiven), one channel, "+
		"several creators (ambiguous: never guessed) or nothing. \"Survey only\" are orders no code or link credited "+
		"whose buyer named the creator: what the codes missed; \"named, other's code\" are answers naming the creator on an order another creator's code or link credited. The last column extrapolates the survey-only orders to every order, "+
		"assuming the buyers who answered are a random sample of all buyers (if a creator's followers answer more "+
		"willingly, it is too high).", qHeard, thousands(c.Answered), thousands(c.Orders), pct(c.ResponseRate, 1))
}

// creditNotes are the lines under the credit table: missed in total,
// channels, ambiguous and unmatched answers.
func creditNotes(c feedback.Credits) []string {
	var ch []string
	for _, name := range []string{"search", "friend", "tv", "instagram", "tiktok"} {
		if n := c.Channels[name]; n > 0 {
			ch = append(ch, fmt.Sprintf("%s %d", name, n))
		}
	}
	var amb []string
	for _, a := range c.Ambiguous {
		amb = append(amb, a.Match.Text)
	}
	return []string{
		fmt.Sprintf("Codes and links missed an estimated %s orders in all (95 %%: %s to %s): %s answered orders named a creator without a code or link.",
			number(c.Missed.Orders, 0), number(c.Missed.OrdersInterval.Low, 0), number(c.Missed.OrdersInterval.High, 0), thousands(surveyOnly(c))),
		fmt.Sprintf("Answers naming a channel, no creator: %s (%d).", strings.Join(ch, ", "), c.Buckets[feedback.BucketChannel]),
		fmt.Sprintf("Ambiguous (several creators, not credited): %d, e.g. %s.", len(c.Ambiguous), quoteList(uniq(amb), 2)),
		fmt.Sprintf("Unmatched: %d, e.g. %s.", len(c.Unmatched), quoteList(uniq(c.Unmatched), 3)),
	}
}

// surveyOnly counts the answered orders no code credited that named a
// creator.
func surveyOnly(c feedback.Credits) int64 {
	var n int64
	for _, cr := range c.Creators {
		n += cr.SurveyOnly.Orders
	}
	return n
}

// uniq keeps the first of equal texts, in order.
func uniq(texts []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range texts {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// npsPoints writes an NPS fraction on the usual −100…100 scale.
func npsPoints(d decimal.Decimal) string {
	s := d.Shift(2).StringFixed(0)
	if d.IsPositive() && s != "0" {
		s = "+" + s
	}
	return s
}

// npsLines are the NPS sentences.
func npsLines(f FeedbackReport) []string {
	n := f.NPS
	out := []string{fmt.Sprintf("Net Promoter Score of the buyers (%q, 0–10): %s (95 %%: %s to %s) from %s answers: %s promoters (9–10), %s passives, %s detractors (0–6).",
		qRecommend, npsPoints(n.Score), npsPoints(n.Interval.Low), npsPoints(n.Interval.High), thousands(n.Responses),
		thousands(n.Promoters), thousands(n.Passives), thousands(n.Detractors))}
	if f.PastNPS != nil {
		d := f.Change
		out = append(out, fmt.Sprintf("Previous campaign (%s): %s (95 %%: %s to %s) from %s answers; change %s points (95 %%: %s to %s; p = %s).",
			f.PastName, npsPoints(f.PastNPS.Score), npsPoints(f.PastNPS.Interval.Low), npsPoints(f.PastNPS.Interval.High),
			thousands(f.PastNPS.Responses), npsPoints(d.Estimate), npsPoints(d.Interval.Low), npsPoints(d.Interval.High), d.PValue.StringFixed(4)))
	}
	return out
}

// liftLines are the brand-lift sentences.
func liftLines(f FeedbackReport) []string {
	l := f.Lift
	if l == nil {
		return []string{"Brand lift: no survey yet (it runs after the campaign)."}
	}
	out := []string{fmt.Sprintf("Brand lift, %q: %s of those who saw a sponsored post against %s of a control group: %s points (95 %%: %s to %s), %s relative (95 %%: %s to %s), p = %s.",
		qAware, pct(l.ExposedRate, 1), pct(l.ControlRate, 1), signedPoints(l.Absolute), signedPoints(l.AbsoluteInterval.Low), signedPoints(l.AbsoluteInterval.High),
		pct(l.Relative, 1), pct(l.RelativeInterval.Low, 1), pct(l.RelativeInterval.High, 1), l.PValue.StringFixed(4))}
	if f.HalfLift == nil {
		return append(out, "No positive lift: there is no half of it to plan a test for.")
	}
	return append(out, fmt.Sprintf("To detect half that lift (%s points over %s) with 80 %% power (two-sided, α = 0.05) a test needs %s people exposed and %s in control.",
		signedPoints(l.Absolute.Div(decimal.NewFromInt(2))), pct(l.ControlRate, 1), thousands(f.HalfLift.Exposed), thousands(f.HalfLift.Control)))
}

// signedPoints writes a fraction as percentage points with a sign.
func signedPoints(d decimal.Decimal) string {
	s := d.Shift(2).StringFixed(1)
	if !d.IsNegative() {
		s = "+" + s
	}
	return s
}

// creatorHead and creatorRows are the creators' survey table.
var creatorHead = []string{"question", "scale", "answers", "mean", "95 % interval", "top boxes", "bottom boxes"}

func creatorRows(cr feedback.CreatorReport) [][]string {
	var rows [][]string
	for _, q := range cr.Questions {
		s := q.Summary
		rows = append(rows, []string{q.Question.Name, fmt.Sprintf("%d–%d", q.Question.Lo, q.Question.Hi), thousands(s.Responses),
			s.Mean.StringFixed(2), s.MeanInterval.Low.StringFixed(2) + "–" + s.MeanInterval.High.StringFixed(2), pct(s.Top, 0), pct(s.Bottom, 0)})
	}
	return rows
}

// creatorNotes name the weakest points and the low answers.
func creatorNotes(cr feedback.CreatorReport) []string {
	if len(cr.Weakest) == 0 {
		return nil
	}
	low := map[string][]string{}
	for _, l := range cr.Low {
		who := l.Creator
		if who == "" {
			who = "anonymous"
		}
		low[l.Question] = append(low[l.Question], fmt.Sprintf("%s %d", who, l.Value))
	}
	out := []string{fmt.Sprintf("Weakest points (mean lowest on its scale): %s, then %s.", cr.Weakest[0], strings.Join(cr.Weakest[1:min(3, len(cr.Weakest))], ", "))}
	for _, q := range cr.Weakest {
		if len(low[q]) > 0 {
			out = append(out, fmt.Sprintf("Low answers to %s: %s.", q, strings.Join(low[q], ", ")))
		}
	}
	return out
}

// feedbackPrint prints section 9.
func feedbackPrint(p *printer, rep Report) {
	f := rep.Feedback
	p.section(9, feedbackTitle, wrap("What buyers, the public and the creators said (package feedback); intervals at 95 %."))
	if f.Credit.Orders == 0 {
		p.f("No post-purchase survey.\n")
		return
	}
	p.f("%s\n\n", wrap(creditIntro(f.Credit)))
	tw := p.table("lrrrrrrrr", creditHead...)
	for _, r := range creditRows(f.Credit) {
		tw.row(strings.Join(r, "\t"))
	}
	tw.flush()
	for _, s := range creditNotes(f.Credit) {
		p.f("%s\n", wrap(s))
	}
	p.f("\n")
	for _, s := range append(npsLines(f), liftLines(f)...) {
		p.f("%s\n", wrap(s))
	}
	if f.Creators == nil || len(f.Creators.Questions) == 0 {
		return
	}
	p.f("\nThe creators' own survey (%d answers):\n", f.Creators.Questions[0].Summary.Responses)
	tw = p.table("llrrlrr", creatorHead...)
	for _, r := range creatorRows(*f.Creators) {
		tw.row(strings.Join(r, "\t"))
	}
	tw.flush()
	for _, s := range creatorNotes(*f.Creators) {
		p.f("%s\n", wrap(s))
	}
}
