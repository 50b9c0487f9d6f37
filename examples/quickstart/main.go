// Quickstart is the program a researcher writes first: it reads a CSV of
// Instagram accounts shaped like the public "Top Instagram Influencers"
// dataset (channel_info, followers, new_post_avg_like, country, …, with
// counts such as "475.8m"), and prints the engagement rate by follower tier
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
	"bytes"
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/kpi"
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
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	// One row per account: its average new post, as a kpi.Post.
	cols := kpi.Columns{Creator: "channel_info", Followers: "followers", Likes: "new_post_avg_like"}
	accounts, err := kpi.ReadPosts(bytes.NewReader(data), cols)
	if err != nil {
		return err
	}
	byTier := map[kpi.Tier][]kpi.Post{}
	for _, a := range accounts {
		t, err := kpi.TierOf(a.Followers)
		if err != nil {
			return err
		}
		byTier[t] = append(byTier[t], a)
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

	// kpi.Post has no country: read that column with encoding/csv.
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return err
	}
	col := slices.Index(rows[0], "country")
	type fit struct {
		account kpi.Post
		fit     decimal.Decimal
	}
	var fits []fit
	for i, a := range accounts {
		if col < 0 || rows[i+1][col] == "" {
			continue // audience unknown: no fit
		}
		m, err := audience.Match(target, audience.Distribution{rows[i+1][col]: decimal.NewFromInt(1)})
		if err != nil {
			return err
		}
		fits = append(fits, fit{a, m})
	}
	slices.SortStableFunc(fits, func(x, y fit) int { // best fit first, then most followers
		return cmp.Or(y.fit.Cmp(x.fit), cmp.Compare(y.account.Followers, x.account.Followers))
	})
	fmt.Fprintf(w, "\nTop 10 by audience fit (target: 50%% US, 30%% India, 20%% Brazil)\n%-2s %-20s %5s %12s %7s\n", "#", "account", "fit", "followers", "ER")
	for i, f := range fits[:min(10, len(fits))] {
		er, err := kpi.EngagementRate(f.account.Likes, f.account.Followers)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%-2d %-20s %5s %12d %7s\n", i+1, f.account.Creator, pct(f.fit), f.account.Followers, pct(er))
	}
	return nil
}

// pct shows a fraction as a percentage with one decimal.
func pct(d decimal.Decimal) string { return d.Shift(2).StringFixed(1) + "%" }
