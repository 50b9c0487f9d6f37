// Quickstart is the program a researcher writes first: it reads a CSV shaped
// like the public "Top Instagram Influencers" dataset (channel_info,
// followers, new_post_avg_like, country, with counts such as "475.8m") and
// prints the engagement rate (likes / followers) by follower tier and the ten accounts whose
// audience best fits a target market.
//
//	go run ./examples/quickstart examples/quickstart/testdata/accounts.csv
//
// runs it, from the repository root, on a small sample in the dataset's
// shape; give it your download of the dataset instead.
//
// The engagement rate is new_post_avg_like / followers, the definition of the
// dataset's own 60_day_eng_rate column. The file gives one country per
// account, so that country stands for its audience: the fit is the target's
// share of it (audience.Match, through selection.Rank with only the
// AudienceFit weight; equal fits are ordered by handle).
package main

import (
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/kpi"
	"github.com/influencekit/influencekit/selection"
	"github.com/shopspring/decimal"
)

// target is the brand's market: its customers' shares by country.
var target = audience.Demographics{"country": {"United States": decimal.NewFromInt(50), "India": decimal.NewFromInt(30), "Brazil": decimal.NewFromInt(20)}}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: quickstart accounts.csv")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(path string, w io.Writer) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	cols := selection.DefaultProfileColumns()
	cols.AvgLikes = []string{"new_post_avg_like"} // the likes the published rate follows
	profiles, _, err := selection.ReadProfiles(f, selection.ReadOptions{Columns: &cols})
	if err != nil {
		return err
	}

	// Each account's average new post as a kpi.Post, grouped by tier; the
	// accounts whose country and likes are known, for the fit.
	byTier := map[kpi.Tier][]kpi.Post{}
	var known []selection.Profile
	for _, p := range profiles {
		if p.Missing&(selection.MissingAvgLikes|selection.MissingFollowers) != 0 {
			continue // engagement unknown
		}
		if t, err := kpi.TierOf(p.Followers); err == nil {
			byTier[t] = append(byTier[t], kpi.Post{Creator: p.Handle, Followers: p.Followers, Likes: p.AvgLikes})
		}
		if p.Country != "" {
			p.Audience = audience.Demographics{"country": {p.Country: decimal.NewFromInt(1)}}
			known = append(known, p)
		}
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "Engagement rate (likes / followers) by tier\ntier\taccounts\tmean\tmedian\n")
	for t := kpi.NoTier; t <= kpi.Mega; t++ {
		if len(byTier[t]) == 0 {
			continue
		}
		mean, err := kpi.Formula{Interactions: kpi.Likes, Base: kpi.ByFollowers, Average: kpi.MeanOfRates}.Rate(byTier[t])
		if err != nil {
			return err
		}
		median, err := kpi.Formula{Interactions: kpi.Likes, Base: kpi.ByFollowers, Average: kpi.MedianRate}.Rate(byTier[t])
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\n", t, len(byTier[t]), pct(mean), pct(median))
	}

	r, err := selection.Rank(known, selection.Criteria{Target: target, Weights: selection.Weights{AudienceFit: decimal.NewFromInt(1)}}, 10)
	if err != nil {
		return err
	}
	fmt.Fprintf(tw, "\nTop 10 by audience fit (target: 50%% US, 30%% India, 20%% Brazil)\n#\taccount\tfit\tfollowers\tER\n")
	for i, s := range r.Top {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%s\n", i+1, s.Handle, pct(s.Breakdown[selection.AudienceFit].Score), known[s.Index].Followers, pct(s.EngagementRate))
	}
	return tw.Flush()
}

// pct shows a fraction as a percentage with one decimal.
func pct(d decimal.Decimal) string { return d.Shift(2).StringFixed(1) + "%" }
