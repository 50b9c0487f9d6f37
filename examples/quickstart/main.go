// Quickstart is the program a researcher writes first: it reads a CSV of
// Instagram accounts shaped like the public "Top Instagram Influencers"
// dataset (channel_info, followers, new_post_avg_like, country, …, with
// counts such as "475.8m") with selection.ReadProfiles, and prints the engagement rate by follower tier
// and the ten accounts whose audience best fits a target market.
//
//	go run ./examples/quickstart top_insta_influencers_data.csv
//
// The engagement rate is new_post_avg_like / followers, the definition the
// dataset's own 60_day_eng_rate column follows. The file gives one country
// per account, so that country stands for the audience: the fit is the
// target's share of it (audience.Match).
package main

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/kpi"
	"github.com/influencekit/influencekit/selection"
	"github.com/shopspring/decimal"
)

// target is the brand's market: its customers' shares by country.
var target = audience.Distribution{"United States": decimal.NewFromInt(50), "India": decimal.NewFromInt(30), "Brazil": decimal.NewFromInt(20)}

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
	cols := selection.DefaultColumns()
	cols.AvgLikes = []string{"new_post_avg_like"} // the likes the published rate follows
	profiles, _, err := selection.ReadProfiles(f, selection.ReadOptions{Columns: &cols})
	if err != nil {
		return err
	}

	// Engagement rate by tier: each account's average new post as a
	// kpi.Post; the mean and the median of the accounts' rates.
	byTier := map[kpi.Tier][]kpi.Post{}
	for _, p := range profiles {
		if p.Missing.Has(selection.MissingAvgLikes) || p.Missing.Has(selection.MissingFollowers) {
			continue
		}
		t, err := kpi.TierOf(p.Followers)
		if err != nil {
			return err
		}
		byTier[t] = append(byTier[t], kpi.Post{Creator: p.Handle, Followers: p.Followers, Likes: p.AvgLikes})
	}
	fmt.Fprintf(w, "Engagement rate (likes / followers) by tier\n%-6s %8s %7s %7s\n", "tier", "accounts", "mean", "median")
	for t := kpi.NoTier; t <= kpi.Mega; t++ {
		if len(byTier[t]) == 0 {
			continue
		}
		var rates [2]decimal.Decimal
		for i, avg := range []kpi.Average{kpi.MeanOfRates, kpi.MedianRate} {
			if rates[i], err = (kpi.Formula{Interactions: kpi.Likes, Base: kpi.ByFollowers, Average: avg}).Rate(byTier[t]); err != nil {
				return err
			}
		}
		fmt.Fprintf(w, "%-6s %8d %7s %7s\n", t, len(byTier[t]), pct(rates[0]), pct(rates[1]))
	}

	// Audience fit: the file gives one country per account.
	type fit struct {
		p   selection.Profile
		fit decimal.Decimal
	}
	var fits []fit
	for _, p := range profiles {
		if p.Country == "" || p.Missing.Has(selection.MissingAvgLikes) || p.Followers == 0 {
			continue // audience or engagement unknown
		}
		m, err := audience.Match(target, audience.Distribution{p.Country: decimal.NewFromInt(1)})
		if err != nil {
			return err
		}
		fits = append(fits, fit{p, m})
	}
	slices.SortStableFunc(fits, func(x, y fit) int { // best fit first, then most followers
		return cmp.Or(y.fit.Cmp(x.fit), cmp.Compare(y.p.Followers, x.p.Followers))
	})
	fmt.Fprintf(w, "\nTop 10 by audience fit (target: 50%% US, 30%% India, 20%% Brazil)\n%-2s %-20s %5s %12s %7s\n", "#", "account", "fit", "followers", "ER")
	for i, f := range fits[:min(10, len(fits))] {
		er, err := kpi.EngagementRate(f.p.AvgLikes, f.p.Followers)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%-2d %-20s %5s %12d %7s\n", i+1, f.p.Handle, pct(f.fit), f.p.Followers, pct(er))
	}
	return nil
}

// pct shows a fraction as a percentage with one decimal.
func pct(d decimal.Decimal) string { return d.Shift(2).StringFixed(1) + "%" }
