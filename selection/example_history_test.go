package selection_test

import (
	"fmt"
	"time"

	"github.com/influencekit/influencekit/collab"
	"github.com/influencekit/influencekit/kpi"
	"github.com/influencekit/influencekit/selection"
	"github.com/shopspring/decimal"
)

// A creator's record with the brand and their posting habits join the
// ranking when the profile carries them. Mara delivered 3 of 4 pieces on
// time, 1 day late on average: reliability ½·0.75 + ½·7/(7 + 1) = 0.375 +
// 0.4375 = 0.8125. Her last ROAS, 4, against the median of the two
// creators with one, (4 + 2)/2 = 3: 4/7 = 0.571428571429; Jon's 2/5 = 0.4.
// Mara posts 4 times a week (inside 2–5: 1) with gaps' CV 0.25 (1/1.25 =
// 0.8): activity 0.9; Jon posts 8 times (5/8 = 0.625), CV 1 (0.5): 0.5625.
// Every profile has authenticity 1 but Ida, who follows more accounts than
// follow her (one flag: 0.75). Scores (weights: authenticity 1,
// reliability 2, past performance 2, activity 1): Mara (1 + 2·0.8125 +
// 2·4/7 + 0.9)/6 = 0.777976190476, Jon (1 + 2 + 0.8 + 0.5625)/6 =
// 0.727083333333. Ida has no history: her record criteria are left out,
// neither rewarding nor punishing her: 0.75, her authenticity alone.
func ExampleRank_record() {
	d := decimal.RequireFromString
	end := time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)
	p := func(h string) selection.Profile {
		return selection.Profile{Handle: h, Platform: kpi.Instagram, Followers: 10_000, Following: 100, AvgLikes: 300, AvgComments: 10, Fee: d("100")}
	}
	mara, jon, ida := p("mara"), p("jon"), p("ida")
	ida.Following = 20_000
	mara.Record = &collab.History{Creator: "mara", Campaigns: 2, Delivery: collab.Delivery{OnTime: 3, Late: 1},
		OnTimeRate: decimal.NewNullDecimal(d("0.75")), MeanDelay: decimal.NewNullDecimal(d("1")),
		ROAS: []collab.Point{{Campaign: "winter", End: end, Value: d("4")}}}
	mara.Activity = &kpi.Activity{PostsPerWeek: d("4"), Regularity: decimal.NewNullDecimal(d("0.25"))}
	jon.Record = &collab.History{Creator: "jon", Campaigns: 1, Delivery: collab.Delivery{OnTime: 2},
		OnTimeRate: decimal.NewNullDecimal(d("1")), MeanDelay: decimal.NewNullDecimal(d("0")),
		ROAS: []collab.Point{{Campaign: "winter", End: end, Value: d("2")}}}
	jon.Activity = &kpi.Activity{PostsPerWeek: d("8"), Regularity: decimal.NewNullDecimal(d("1"))}

	c := selection.Criteria{Weights: selection.Weights{Authenticity: d("1"), Reliability: d("2"), PastPerformance: d("2"), Activity: d("1")}}
	r, err := selection.Rank([]selection.Profile{mara, jon, ida}, c, 3)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range r.Top {
		fmt.Println(s.Handle, s.Score)
		for _, b := range s.Breakdown[selection.Reliability:] {
			fmt.Printf("  %-16s %-14s %s\n", b.Criterion, b.Score, b.Reason)
		}
	}
	// Output:
	// mara 0.777976190476
	//   reliability      0.8125         on time 3 of 4 delivered, mean delay 1 days: ½·on-time share + ½·7/(7 + delay)
	//   past-performance 0.571428571429 ROAS 4 in winter vs median 3 of the ranked profiles with one, scored x/(x + m)
	//   activity         0.9            4 posts a week (band 2–5: 1), gaps' CV 0.25 (1/(1 + CV) = 0.8): the mean of the two
	// ida 0.75
	//   reliability      0              no history: left out of the score
	//   past-performance 0              no history: left out of the score
	//   activity         0              no posting activity measured: left out of the score
	// jon 0.727083333333
	//   reliability      1              on time 2 of 2 delivered, mean delay 0 days: ½·on-time share + ½·7/(7 + delay)
	//   past-performance 0.4            ROAS 2 in winter vs median 3 of the ranked profiles with one, scored x/(x + m)
	//   activity         0.5625         8 posts a week (band 2–5: 0.625), gaps' CV 1 (1/(1 + CV) = 0.5): the mean of the two
}
