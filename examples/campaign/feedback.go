package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/influencekit/influencekit/feedback"
	"github.com/influencekit/influencekit/roi"
	"github.com/shopspring/decimal"
)

// Section 9, Feedback (package feedback): what buyers, the public and the
// creators said. The post-purchase survey's "how did you hear about us?"
// beside the codes' and links' credit, the buyers' Net Promoter Score
// against the previous campaign's, a brand-lift survey and the creators'
// own survey.

// The questions of the sample surveys (a survey of your own uses these
// headers).
const (
	qHeard     = "How did you hear about us?"
	qRecommend = "How likely are you to recommend us?"
	qAware     = "Have you heard of Helio Skin?"
	groupCol   = "Group"
	exposedArm = "exposed"
	handleCol  = "Handle"
)

// creatorQuestions are the creators' survey's questions and scales.
var creatorQuestions = []feedback.Question{
	{Name: "Brief clarity", Lo: 1, Hi: 5},
	{Name: "Communication", Lo: 1, Hi: 5},
	{Name: "Payment on time", Lo: 1, Hi: 5},
	{Name: "Creative freedom", Lo: 1, Hi: 5},
	{Name: "Would work with us again", Lo: 0, Hi: 1},
}

// surveyChannels are the answers that name no creator but a channel.
var surveyChannels = []feedback.Source{
	{Name: "search", Aliases: []string{"google", "googled", "bing"}},
	{Name: "friend", Aliases: []string{"a friend", "my sister", "family"}},
	{Name: "tv", Aliases: []string{"tv ad"}},
	{Name: "instagram"},
	{Name: "tiktok"},
}

// FeedbackReport is section 9. Confidence levels are 95 %.
type FeedbackReport struct {
	// Credit: the post-purchase survey beside the code and link credit.
	Credit feedback.Credits `json:"credit"`
	// NPS is the buyers' Net Promoter Score; PastNPS the previous
	// campaign's (from past.csv) and Change their difference, nil without
	// one.
	NPS      feedback.NetPromoter  `json:"nps"`
	PastName string                `json:"past_campaign,omitempty"`
	PastNPS  *feedback.NetPromoter `json:"past_nps,omitempty"`
	Change   *feedback.Difference  `json:"nps_change,omitempty"`
	// Lift is the brand-lift survey's result; HalfLift the groups a test
	// needs to detect half that lift with 80 % power (two-sided, α 0.05),
	// nil when the lift is not positive (nothing to halve). Both nil
	// before the campaign's end (the survey runs after it).
	Lift     *feedback.Lift   `json:"brand_lift,omitempty"`
	HalfLift *feedback.Sample `json:"sample_for_half_lift,omitempty"`
	// Creators is the creators' own survey; nil before it ran.
	Creators *feedback.CreatorReport `json:"creators,omitempty"`
}

var c95 = decimal.RequireFromString("0.95")

// feedbackSection builds section 9.
func feedbackSection(rep *Report, in inputs) error {
	if in.PostPurchase == nil {
		return nil
	}
	f := &rep.Feedback
	if err := surveyCredit(f, in); err != nil {
		return fmt.Errorf("post-purchase survey: %w", err)
	}
	if err := npsAgainstPast(f, in); err != nil {
		return fmt.Errorf("post-purchase survey: %w", err)
	}
	if in.BrandLift != nil {
		if err := brandLift(f, *in.BrandLift); err != nil {
			return fmt.Errorf("brand-lift survey: %w", err)
		}
	}
	if in.CreatorSurvey != nil && len(in.CreatorSurvey.Responses) > 0 {
		cr, err := feedback.CreatorFeedback(*in.CreatorSurvey, handleCol, creatorQuestions, c95)
		if err != nil {
			return fmt.Errorf("creator survey: %w", err)
		}
		f.Creators = &cr
	}
	return nil
}

// surveyCredit matches the answers to the booked creators (handle, name)
// and the channels, and sets them beside each order's code or link credit.
func surveyCredit(f *FeedbackReport, in inputs) error {
	var roster []feedback.Creator
	var tracking []roi.Tracking
	for _, b := range in.Bookings {
		roster = append(roster, feedback.Creator{Handle: b.Handle, Name: b.Name, Aliases: b.Aliases})
		tracking = append(tracking, b.Tracking)
	}
	m, err := feedback.NewMatcher(roster, surveyChannels, feedback.MatchOptions{})
	if err != nil {
		return err
	}
	answers, err := in.PostPurchase.Answers(qHeard, m)
	if err != nil {
		return err
	}
	orders := make([]feedback.CreditedOrder, 0, len(in.Orders))
	for _, o := range in.Orders {
		who, err := creditedBy(o, tracking)
		if err != nil {
			return err
		}
		orders = append(orders, feedback.CreditedOrder{ID: o.ID, Amount: o.Amount, Currency: o.Currency, Creator: who})
	}
	f.Credit, err = feedback.Credit(orders, answers, c95)
	return err
}

// creditedBy is the creator roi.AttributeOrders credits one order to (by
// code, else by link), or "": the per-order view of section 6's credit,
// by the same rules.
func creditedBy(o roi.Order, tracking []roi.Tracking) (string, error) {
	att, err := roi.AttributeOrders([]roi.Order{o}, tracking)
	if err != nil {
		return "", err
	}
	for _, s := range att.Influencers {
		if s.Orders > 0 {
			return s.Influencer, nil
		}
	}
	return "", nil
}

// npsAgainstPast scores the buyers' recommendation answers and compares
// them with the last past campaign that has NPS counts.
func npsAgainstPast(f *FeedbackReport, in inputs) error {
	scores, err := in.PostPurchase.Scores(qRecommend, 0, 10)
	if err != nil {
		return err
	}
	if f.NPS, err = feedback.NPS(scores, c95); err != nil {
		return err
	}
	for _, p := range in.Past {
		if p.NPS == nil {
			continue
		}
		prev, err := feedback.NPS(npsAnswers(*p.NPS), c95)
		if err != nil {
			return fmt.Errorf("past campaign %q: %w", p.Name, err)
		}
		d, err := feedback.NPSDiff(f.NPS, prev, c95)
		if err != nil {
			return err
		}
		f.PastName, f.PastNPS, f.Change = p.Name, &prev, &d
	}
	return nil
}

// npsAnswers turns promoter, passive and detractor counts into answers
// (10, 8 and 0) for feedback.NPS, which only counts the three groups.
func npsAnswers(n [3]int64) []int {
	var out []int
	for i, v := range []int{10, 8, 0} {
		for range n[i] {
			out = append(out, v)
		}
	}
	return out
}

// brandLift compares the exposed and control groups and sizes the test
// that would detect half the lift.
func brandLift(f *FeedbackReport, s feedback.Survey) error {
	e, c, err := s.Arms(groupCol, exposedArm, qAware)
	if err != nil {
		return err
	}
	lift, err := feedback.BrandLift(e, c, c95)
	if err != nil {
		return err
	}
	f.Lift = &lift
	if !lift.Absolute.IsPositive() {
		return nil // no lift to halve: the text says so
	}
	half, err := feedback.SampleSize(lift.ControlRate, lift.Absolute.Div(decimal.NewFromInt(2)), decimal.RequireFromString("0.8"), feedback.Design{})
	if err != nil {
		return err
	}
	f.HalfLift = &half
	return nil
}

// cutSurvey keeps the responses submitted before t (a response without a
// timestamp is kept).
func cutSurvey(s *feedback.Survey, t time.Time) {
	if s == nil {
		return
	}
	kept := s.Responses[:0:0]
	for _, r := range s.Responses {
		if r.Time.IsZero() || r.Time.Before(t) {
			kept = append(kept, r)
		}
	}
	s.Responses = kept
}

// quoteList quotes up to n texts, and says how many more.
func quoteList(texts []string, n int) string {
	var q []string
	for i, s := range texts {
		if i == n {
			q = append(q, fmt.Sprintf("and %d more", len(texts)-n))
			break
		}
		q = append(q, fmt.Sprintf("%q", s))
	}
	return strings.Join(q, ", ")
}

// readSurvey reads a survey export and checks the answers check reads
// (the questions, their scales), so that a bad answer stops the program
// with the file's name, line and column.
func readSurvey(r io.Reader, check func(feedback.Survey) error) (*feedback.Survey, error) {
	s, err := feedback.ReadSurvey(r, feedback.Layout{})
	if err != nil {
		return nil, err
	}
	return &s, check(s)
}

// checkPostPurchase, checkBrandLift and checkCreatorSurvey read each
// survey's questions as section 9 does.
func checkPostPurchase(s feedback.Survey) error {
	if _, err := s.Question(qHeard); err != nil {
		return err
	}
	_, err := s.Scores(qRecommend, 0, 10)
	return err
}

func checkBrandLift(s feedback.Survey) error {
	_, _, err := s.Arms(groupCol, exposedArm, qAware)
	return err
}

func checkCreatorSurvey(s feedback.Survey) error {
	_, err := feedback.CreatorFeedback(s, handleCol, creatorQuestions, c95)
	return err
}
