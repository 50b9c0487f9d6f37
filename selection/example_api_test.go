package selection_test

import (
	"errors"
	"fmt"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/kpi"
	"github.com/influencekit/influencekit/selection"
	"github.com/shopspring/decimal"
)

// The audiences of ExampleShortlist_uniqueReach as theta sketches
// (Candidate.Sketch instead of Followers). Each holds fewer IDs than
// k = 2¹², so each sketch is exact and so is every estimate: a+b reach 9
// (4, 5, 6 shared), a+c and b+c reach 10, and b+c is the cheaper. With
// exact sketches and ≤ 20 candidates the search is exhaustive, so the pick
// is proven optimal.
func ExampleShortlistWith_sketches() {
	d := decimal.RequireFromString
	sketch := func(ids ...uint64) *audience.Sketch {
		s, err := audience.SketchOf(audience.NewSet(ids...), 12)
		if err != nil {
			panic(err)
		}
		return s
	}
	cands := []selection.Candidate{
		{ID: "a", Fee: d("300"), Sketch: sketch(1, 2, 3, 4, 5, 6)},
		{ID: "b", Fee: d("200"), Sketch: sketch(4, 5, 6, 7, 8, 9)},
		{ID: "c", Fee: d("200"), Sketch: sketch(10, 11, 12, 13)},
	}
	pick, err := selection.ShortlistWith(cands, d("500"), selection.MaxUniqueReach, selection.Constraints{})
	if err != nil {
		panic(err)
	}
	fmt.Println(pick.IDs, "cost", pick.Cost, "reach", pick.Value, "optimal", pick.Optimal)
	// Output: [b c] cost 400 reach 10 optimal true
}

// rankedProfiles ranks two priced profiles and one without a fee, with a
// single criterion (category fit) so that the order is easy to check:
// "big" covers the one brand category (score 1), "small" does not (0).
func rankedProfiles() ([]selection.Profile, selection.Ranking) {
	d := decimal.RequireFromString
	profiles := []selection.Profile{
		{Handle: "small", Platform: kpi.Instagram, Followers: 8_000, Fee: d("150"), Categories: []string{"food"},
			FollowerSet: audience.NewSet(1, 2, 3)},
		{Handle: "big", Platform: kpi.Instagram, Followers: 120_000, Fee: d("2500"), Categories: []string{"fitness"},
			FollowerSet: audience.NewSet(3, 4, 5, 6)},
		{Handle: "nofee", Platform: kpi.Instagram, Followers: 20_000, Categories: []string{"fitness"}, Missing: selection.MissingFee},
	}
	c := selection.Criteria{Categories: []string{"fitness"}, Weights: selection.Weights{CategoryFit: d("1")}}
	ranking, err := selection.Rank(profiles, c, 10)
	if err != nil {
		panic(err)
	}
	return profiles, ranking
}

// Candidates hands every ranked profile to Shortlist (here k = 1 keeps
// only "big" in Top, and still all three are accounted for): the score
// becomes the value. "nofee" ranks (category fit 1, tied with "big" and
// after it by handle) but has no price, so it is reported unpriced with
// its reason instead of a candidate.
func ExampleRanking_Candidates() {
	profiles, _ := rankedProfiles()
	c := selection.Criteria{Categories: []string{"fitness"}, Weights: selection.Weights{CategoryFit: decimal.NewFromInt(1)}}
	ranking, err := selection.Rank(profiles, c, 1)
	if err != nil {
		panic(err)
	}
	cands, unpriced, err := ranking.Candidates(profiles)
	if err != nil {
		panic(err)
	}
	fmt.Println(len(ranking.Top), "in top,", ranking.Passed, "ranked")
	for _, c := range cands {
		fmt.Println(c.ID, c.Fee, c.Value, c.Followers.Len())
	}
	for _, u := range unpriced {
		fmt.Println(u.Handle, u.Filter, u.Reason)
	}
	// Output:
	// 1 in top, 3 ranked
	// big 2500 1 4
	// small 150 0 3
	// nofee fee no fee and no rate card estimate
}

// A profile with a FollowerSketch and no FollowerSet becomes a candidate
// with Candidate.Sketch; ShortlistWith then estimates the reach of every
// candidate from sketches (the exact sets are sketched too).
func ExampleRanking_Candidates_sketch() {
	profiles, _ := rankedProfiles()
	s, err := audience.SketchOf(profiles[0].FollowerSet, 12)
	if err != nil {
		panic(err)
	}
	profiles[0].FollowerSet, profiles[0].FollowerSketch = nil, s
	ranking, err := selection.Rank(profiles, selection.Criteria{Categories: []string{"fitness"},
		Weights: selection.Weights{CategoryFit: decimal.NewFromInt(1)}}, 10)
	if err != nil {
		panic(err)
	}
	cands, _, err := ranking.Candidates(profiles)
	if err != nil {
		panic(err)
	}
	for _, c := range cands {
		fmt.Println(c.ID, c.Fee, c.Followers != nil, c.Sketch != nil)
	}
	// Output:
	// big 2500 true false
	// small 150 false true
}

// Validate reports the first field out of its domain, with its value.
func ExampleCriteria_Validate() {
	err := selection.Criteria{MinFollowers: 50_000, MaxFollowers: 10_000}.Validate()
	fmt.Println(err)
	fmt.Println(errors.Is(err, selection.ErrInvalid))
	fmt.Println(selection.Criteria{}.Validate())
	// Output:
	// selection: Criteria.Validate: MinFollowers: above MaxFollowers 10000 (50000)
	// true
	// <nil>
}

func ExampleDefaultWeights() {
	w := selection.DefaultWeights()
	fmt.Println(w.Engagement, w.AudienceFit, w.CategoryFit, w.Authenticity, w.CostEfficiency, w.Growth)
	// Output: 3 3 1 2 2 1
}

func ExampleDefaultAuthenticityRules() {
	r := selection.DefaultAuthenticityRules()
	fmt.Println("engagement factor", r.EngagementFactor)
	fmt.Println("likes per comment", r.MinLikesPerComment, "to", r.MaxLikesPerComment)
	fmt.Println("spike growth", r.SpikeGrowth, "following ratio", r.MaxFollowingRatio)
	fmt.Println("suspicious share", r.MaxSuspiciousShare, "authentic share", r.MinAuthenticShare, "penalty", r.Penalty)
	// Output:
	// engagement factor 10
	// likes per comment 5 to 500
	// spike growth 0.2 following ratio 1
	// suspicious share 0.25 authentic share 0.5 penalty 0.25
}

// A header matches a column name ignoring case, spaces, '_', '-' and '.':
// "Follower_Count" matches "follower count".
func ExampleDefaultProfileColumns() {
	fmt.Println(selection.DefaultProfileColumns().Followers)
	// Output: [followers follower count subscribers]
}

func ExampleGoal_UnmarshalText() {
	var g selection.Goal
	if err := g.UnmarshalText([]byte("max-unique-reach")); err != nil {
		panic(err)
	}
	fmt.Println(g == selection.MaxUniqueReach, g)
	fmt.Println(g.UnmarshalText([]byte("max-reach")))
	// Output:
	// true max-unique-reach
	// selection: Goal.UnmarshalText: text: unknown selection.Goal, want one of max-value, max-unique-reach ("max-reach")
}

func ExampleCriterion_UnmarshalText() {
	var c selection.Criterion
	if err := c.UnmarshalText([]byte("cost-efficiency")); err != nil {
		panic(err)
	}
	fmt.Println(c == selection.CostEfficiency, c)
	// Output: true cost-efficiency
}

func ExampleFilter_UnmarshalText() {
	var f selection.Filter
	if err := f.UnmarshalText([]byte("fee")); err != nil {
		panic(err)
	}
	fmt.Println(f == selection.FilterFee, f)
	// Output: true fee
}

// Missing tells a count the source did not report from a true zero.
func ExampleMissing_Has() {
	m := selection.MissingFee | selection.MissingAvgLikes
	fmt.Println(m.Has(selection.MissingFee), m.Has(selection.MissingFollowers))
	// Output: true false
}

// A fee set while Missing still names it (as after reading a file without
// a fee column) is refused with the field named, never silently dropped;
// once the flag is cleared the profile ranks and can be priced.
func ExampleRank_missingContradiction() {
	profiles := []selection.Profile{{Handle: "ava", Platform: kpi.Instagram, Followers: 20_000,
		Fee: decimal.NewFromInt(500), Missing: selection.MissingFee}}
	_, err := selection.Rank(profiles, selection.Criteria{}, 10)
	fmt.Println(err)
	fmt.Println(errors.Is(err, selection.ErrInvalid))
	profiles[0].Missing &^= selection.MissingFee
	r, err := selection.Rank(profiles, selection.Criteria{}, 10)
	if err != nil {
		panic(err)
	}
	cands, unpriced, err := r.Candidates(profiles)
	fmt.Println(r.Passed, len(cands), len(unpriced), err)
	// Output:
	// selection: Rank: profiles[0].Fee: set while Missing has fee (500)
	// true
	// 1 1 0 <nil>
}
