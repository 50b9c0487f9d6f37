package feedback_test

import (
	"fmt"
	"strings"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/feedback"
	"github.com/shopspring/decimal"
)

var c95 = decimal.RequireFromString("0.95")

func ExampleReadSurvey() {
	export := "Timestamp,Order ID,How likely are you to recommend us?,How did you hear about us?\r\n" +
		"2024/03/05 10:21:33 AM,1001,10,@anna.kaya\r\n" +
		"2024/03/05 11:02:10 AM,1002,9,Ayşe'nin videosu\r\n" +
		"2024/03/06 09:00:00 AM,1003,,google\r\n" + // not answered: left out, not 0
		"2024/03/06 09:30:00 AM,1004,6,\r\n"
	s, err := feedback.ReadSurvey(strings.NewReader(export), feedback.Layout{})
	if err != nil {
		fmt.Println(err)
		return
	}
	scores, _ := s.Scores("How likely are you to recommend us?", 0, 10)
	fmt.Println(len(s.Responses), "responses; questions:", strings.Join(s.Questions, " | "))
	fmt.Println("scores:", scores, "order of the first:", s.Responses[0].OrderID)
	// Output:
	// 4 responses; questions: How likely are you to recommend us? | How did you hear about us?
	// scores: [10 9 6] order of the first: 1001
}

func ExampleMatcher_Match() {
	m, err := feedback.NewMatcher([]feedback.Creator{
		{Handle: "@anna.kaya", Name: "Anna Kaya"},
		{Handle: "@ayse.yilmaz", Name: "Ayşe Yılmaz", Aliases: []string{"Ayşe"}},
		{Handle: "@irmakdeniz", Name: "Irmak Deniz"},
	}, []feedback.Source{
		{Name: "search", Aliases: []string{"google"}},
		{Name: "friend", Aliases: []string{"a friend"}},
	}, feedback.MatchOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range []string{
		"@Anna.Kaya",
		"AYŞE'NİN videosu",             // Turkish capitals and suffix: the alias "Ayşe"
		"İRMAK DENİZ",                  // dotted capital İ
		"irmak denz",                   // a typo: one edit
		"Googled it",                   // "googled" is not "google" plus nothing: one edit
		"anna kaya and irmak deniz",    // two creators: never guessed
		"my sister, she saw a podcast", // nobody
	} {
		r := m.Match(a)
		fmt.Printf("%-30q %-9s %s%v edits=%d\n", a, r.Bucket, r.Name, r.Candidates, r.Edits)
	}
	// Output:
	// "@Anna.Kaya"                   creator   anna.kaya[] edits=0
	// "AYŞE'NİN videosu"             creator   ayse.yilmaz[] edits=0
	// "İRMAK DENİZ"                  creator   irmakdeniz[] edits=0
	// "irmak denz"                   creator   irmakdeniz[] edits=1
	// "Googled it"                   channel   search[] edits=1
	// "anna kaya and irmak deniz"    ambiguous [anna.kaya irmakdeniz] edits=0
	// "my sister, she saw a podcast" unmatched [] edits=0
}

func ExampleNPS() {
	// 5 promoters, 3 passives, 2 detractors: (5 − 2)/10 = 0.3, an NPS of 30.
	r, _ := feedback.NPS([]int{9, 10, 10, 9, 9, 7, 8, 7, 0, 6}, c95)
	fmt.Println("NPS", r.Score, "SE", r.SE.Round(4), "95 % CI", r.Interval.Low.Round(4), r.Interval.High.Round(4))
	// Output: NPS 0.3 SE 0.247 95 % CI -0.1841 0.7841
}

func ExampleNPSDiff() {
	now, _ := feedback.NPS([]int{9, 9, 9, 9, 9, 7, 7, 7, 0, 0}, c95)       // 0.3
	before, _ := feedback.NPS([]int{10, 10, 10, 8, 8, 8, 1, 2, 3, 4}, c95) // −0.1
	d, _ := feedback.NPSDiff(now, before, c95)
	fmt.Println("change", d.Estimate, "CI", d.Interval.Low.Round(3), d.Interval.High.Round(3), "p", d.PValue.Round(3))
	// Output: change 0.4 CI -0.307 1.107 p 0.267
}

func ExampleLikert() {
	// CSAT on 1–5: the share answering 4 or 5.
	s, _ := feedback.Likert([]int{5, 4, 4, 3, 5}, 1, 5, c95)
	fmt.Println("mean", s.Mean, "CSAT", s.Top, "CI", s.TopInterval.Low.Round(3), s.TopInterval.High.Round(3))
	// Output: mean 4.2 CSAT 0.8 CI 0.376 0.964
}

func ExampleBrandLift() {
	// Awareness: 60 of 200 exposed followers, 40 of 200 in the control.
	l, _ := feedback.BrandLift(feedback.Arm{Size: 200, Yes: 60}, feedback.Arm{Size: 200, Yes: 40}, c95)
	fmt.Println("lift", l.Absolute, "points, relative", l.Relative, "p", l.PValue.Round(4))
	// Output: lift 0.1 points, relative 0.5 p 0.0209
}

func ExampleSampleSize() {
	// R: power.prop.test(p1 = .50, p2 = .75, power = .90) gives n = 76.7.
	s, _ := feedback.SampleSize(decimal.RequireFromString("0.5"), decimal.RequireFromString("0.25"), decimal.RequireFromString("0.9"), feedback.Design{})
	fmt.Println(s.Exposed, s.Control, s.ExposedExact.Round(1))
	// Half that lift (0.5 → 0.625) needs more than four times the sample:
	// p̄ = 0.5625, (1.959964·√(2·0.5625·0.4375) + 1.281552·√(0.625·0.375 +
	// 0.25))² / 0.125² = (1.375034 + 0.891923)² / 0.015625 = 328.9 → 329.
	h, _ := feedback.SampleSize(decimal.RequireFromString("0.5"), decimal.RequireFromString("0.125"), decimal.RequireFromString("0.9"), feedback.Design{})
	fmt.Println(h.Exposed, h.Control)
	// Output:
	// 77 77 76.7
	// 329 329
}

func ExampleMDE() {
	// R: power.prop.test(n = 50, p1 = .5, power = .90) gives p2 = 0.8026.
	m, _ := feedback.MDE(decimal.RequireFromString("0.5"), 50, decimal.RequireFromString("0.9"), feedback.Design{})
	fmt.Println(m.Round(4))
	// Output: 0.3026
}

func ExampleCredit() {
	eur := budget.MustParseCurrency("EUR")
	m, _ := feedback.NewMatcher([]feedback.Creator{{Handle: "@anna"}, {Handle: "@mehmet"}}, nil, feedback.MatchOptions{})
	orders := []feedback.CreditedOrder{
		{ID: "1", Amount: decimal.NewFromInt(100), Currency: eur, Creator: "@anna"}, // code ANNA10
		{ID: "2", Amount: decimal.NewFromInt(80), Currency: eur},                    // no code
		{ID: "3", Amount: decimal.NewFromInt(20), Currency: eur, Creator: "@mehmet"},
		{ID: "4", Amount: decimal.NewFromInt(50), Currency: eur}, // did not answer
	}
	answers := []feedback.Answer{
		{OrderID: "1", Match: m.Match("Anna")},
		{OrderID: "2", Match: m.Match("anna's reel")},
		{OrderID: "3", Match: m.Match("anna")},
	}
	c, _ := feedback.Credit(orders, answers, c95)
	for _, cc := range c.Creators {
		fmt.Printf("%s: code %d (%s), survey %d (%s), survey only %d (%s), disagree %d\n", cc.Creator,
			cc.Code.Orders, cc.Code.Revenue.Amount, cc.Survey.Orders, cc.Survey.Revenue.Amount, cc.SurveyOnly.Orders, cc.SurveyOnly.Revenue.Amount, cc.Disagree.Orders)
	}
	fmt.Println("answered", c.Answered, "of", c.Orders, "- codes missed about", c.Missed.Orders.Round(2), "orders")
	// Output:
	// anna: code 1 (100), survey 3 (200), survey only 1 (80), disagree 1
	// mehmet: code 1 (20), survey 0 (0), survey only 0 (0), disagree 0
	// answered 3 of 4 - codes missed about 1.33 orders
}

func ExampleCreatorFeedback() {
	export := "Handle,Brief clarity,Paid on time,Would work with us again\n" +
		"@anna,5,2,yes\n" +
		"@mehmet,4,1,no\n" +
		"@irmak,4,4,yes\n"
	s, _ := feedback.ReadSurvey(strings.NewReader(export), feedback.Layout{})
	r, err := feedback.CreatorFeedback(s, "Handle", []feedback.Question{
		{Name: "Brief clarity", Lo: 1, Hi: 5},
		{Name: "Paid on time", Lo: 1, Hi: 5},
		{Name: "Would work with us again", Lo: 0, Hi: 1},
	}, c95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("weakest:", r.Weakest[0])
	for _, l := range r.Low {
		fmt.Printf("%s: %s = %d\n", l.Creator, l.Question, l.Value)
	}
	// Output:
	// weakest: Paid on time
	// anna: Paid on time = 2
	// mehmet: Paid on time = 1
	// mehmet: Would work with us again = 0
}
