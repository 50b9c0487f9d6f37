package selection_test

import (
	"fmt"
	"strings"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/kpi"
	"github.com/influencekit/influencekit/selection"
	"github.com/shopspring/decimal"
)

// Greedy by value per unit of fee would book A (7 for 6, 1.17 a unit) and
// then nothing else fits in the 4 left; B and C together are worth 10.
func ExampleShortlist() {
	d := decimal.RequireFromString
	cands := []selection.Candidate{
		{ID: "A", Fee: d("6000"), Value: d("7")},
		{ID: "B", Fee: d("5000"), Value: d("5")},
		{ID: "C", Fee: d("5000"), Value: d("5")},
	}
	pick, err := selection.Shortlist(cands, d("10000"), selection.MaxValue)
	if err != nil {
		panic(err)
	}
	fmt.Println(pick.IDs, pick.Cost, pick.Value, pick.Optimal)
	// Output: [B C] 10000 10 true
}

// Shared followers count once: a and b share followers 4, 5 and 6, so a+b
// reaches 9, not 12; a+c and b+c both reach 10, and b+c is cheaper.
func ExampleShortlist_uniqueReach() {
	d := decimal.RequireFromString
	cands := []selection.Candidate{
		{ID: "a", Fee: d("300"), Followers: audience.NewSet(1, 2, 3, 4, 5, 6)},
		{ID: "b", Fee: d("200"), Followers: audience.NewSet(4, 5, 6, 7, 8, 9)},
		{ID: "c", Fee: d("200"), Followers: audience.NewSet(10, 11, 12, 13)},
	}
	pick, err := selection.Shortlist(cands, d("500"), selection.MaxUniqueReach)
	if err != nil {
		panic(err)
	}
	fmt.Println(pick.IDs, "cost", pick.Cost, "reach", pick.Value, "optimal", pick.Optimal)
	// Output: [b c] cost 400 reach 10 optimal true
}

// Five creators and a budget of 150. Unconstrained, a+c (150) is worth 16;
// with at least three creators the best triple that fits is b+c+d (140,
// worth 15); with at most 75 (half the budget) per creator, a is out; with
// no macro creator, a+d+e (13); with e forced and a excluded, 130 is left
// for b+c (13), plus e's 1.
func ExampleShortlistWith() {
	d := decimal.RequireFromString
	cands := []selection.Candidate{
		{ID: "a", Fee: d("100"), Value: d("10")},
		{ID: "b", Fee: d("60"), Value: d("7")},
		{ID: "c", Fee: d("50"), Value: d("6")},
		{ID: "d", Fee: d("30"), Value: d("2")},
		{ID: "e", Fee: d("20"), Value: d("1")},
	}
	tiers := map[string]string{"a": "mega", "b": "macro", "c": "macro", "d": "micro", "e": "micro"}
	for _, c := range []selection.Constraints{
		{},
		{MinCreators: 3},
		{MaxShare: d("0.5")},
		{Group: tiers, AtMostPerGroup: map[string]int{"macro": 0}},
		{Include: []string{"e"}, Exclude: []string{"a"}},
	} {
		pick, err := selection.ShortlistWith(cands, d("150"), selection.MaxValue, c)
		if err != nil {
			panic(err)
		}
		fmt.Println(pick.IDs, pick.Cost, pick.Value)
	}
	// Output:
	// [a c] 150 16
	// [b c d] 140 15
	// [b c d] 140 15
	// [a d e] 150 13
	// [b c e] 130 14
}

// Rank with a benchmark table of one row (Instagram micro: 2 %). A's
// engagement is 600/20,000 = 3 %, scored 0.03/(0.03+0.02) = 0.6; B's is
// 1,800/30,000 = 6 %, scored 0.75. A covers one of the two brand
// categories (0.5), B both (1); neither raises an authenticity flag (1).
// With weights 2, 1, 1: A = (1.2 + 0.5 + 1)/4 = 0.675, B = 0.875.
func ExampleRank() {
	f := kpi.Formula{Interactions: kpi.Likes | kpi.Comments, Base: kpi.ByFollowers, Average: kpi.MeanOfRates}
	d := decimal.RequireFromString
	c := selection.Criteria{
		MinFollowers: 1000,
		Categories:   []string{"fitness", "food"},
		Formula:      f,
		Weights:      selection.Weights{Engagement: d("2"), CategoryFit: d("1"), Authenticity: d("1")},
		Benchmarks: kpi.Benchmarks{Version: "example", Rows: []kpi.Benchmark{
			{Platform: kpi.Instagram, Tier: kpi.Micro, Formula: f, Year: 2026, Rate: d("0.02"), Source: "example"},
		}},
	}
	profiles := []selection.Profile{
		{Handle: "A", Platform: kpi.Instagram, Followers: 20000, AvgLikes: 580, AvgComments: 20, Categories: []string{"Fitness"}, Missing: selection.MissingFee},
		{Handle: "B", Platform: kpi.Instagram, Followers: 30000, AvgLikes: 1700, AvgComments: 100, Categories: []string{"fitness", "food"}, Missing: selection.MissingFee},
		{Handle: "C", Platform: kpi.Instagram, Followers: 500, Missing: selection.MissingFee},
	}
	ranking, err := selection.Rank(profiles, c, 10)
	if err != nil {
		panic(err)
	}
	for _, s := range ranking.Top {
		fmt.Println(s.Handle, s.Score, s.Tier, s.EngagementRate)
	}
	for _, cs := range ranking.Top[1].Breakdown {
		if !cs.Missing {
			fmt.Printf("  %s: score %s × weight %s → %s\n", cs.Criterion, cs.Score, cs.Weight, cs.Contribution)
		}
	}
	for _, r := range ranking.Rejected {
		fmt.Println("rejected", r.Handle, r.Filter, r.Reason)
	}
	// Output:
	// B 0.875 micro 0.06
	// A 0.675 micro 0.03
	//   engagement: score 0.6 × weight 2 → 0.3
	//   category-fit: score 0.5 × weight 1 → 0.125
	//   authenticity: score 1 × weight 1 → 0.25
	// rejected C followers 500 followers, below 1000
}

// A CSV export as analytics tools write it: a byte-order mark, CRLF line
// ends, a line break inside a quoted header, counts with k/m suffixes, a
// percent rate, N/A and a quoted comma.
func ExampleReadProfiles() {
	in := "\uFEFFhandle,name,\"Followers\r\n(total)\",followers,avg_likes,engagement rate,country\r\n" +
		"@alpha,\"Doe, Jane\",x,12.5k,310,2.48%,TR\r\n" +
		"beta,Beta 🎭,x,1.2M,N/A,N/A,N/A\r\n"
	profiles, conflicts, err := selection.ReadProfiles(strings.NewReader(in), selection.ReadOptions{})
	if err != nil {
		panic(err)
	}
	for _, p := range profiles {
		fmt.Printf("%s (%s): %d followers, %d avg likes, rate %s, country %q, likes missing %v\n",
			p.Handle, p.Name, p.Followers, p.AvgLikes, p.EngagementRate, p.Country, p.Missing.Has(selection.MissingAvgLikes))
	}
	fmt.Println(len(conflicts), "conflicts")
	// Output:
	// alpha (Doe, Jane): 12500 followers, 310 avg likes, rate 0.0248, country "TR", likes missing false
	// beta (Beta 🎭): 1200000 followers, 0 avg likes, rate 0, country "", likes missing true
	// 0 conflicts
}
