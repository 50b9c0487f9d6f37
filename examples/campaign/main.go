// Command campaign prints the KPI report of a small fictional influencer
// campaign: four creators posting once a week for eight weeks (the posts
// are embedded from sample_posts.csv, every number made up).
//
//	go run ./examples/campaign
//
// For each creator it shows the posts, the engagement rate by followers and
// by reach, click-through and conversion rates, follower growth, tier and
// where the rate stands against a published benchmark; then the campaign's
// weekly trend and its progress against an engagement target.
//
// A few counts are missing on purpose, as in real exports: one post hides
// its likes, one lacks its reach, and the YouTube creator has no saves. The
// report skips such posts in the rates that need the count; it never reads
// them as zero.
package main

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"text/tabwriter"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/kpi"
)

//go:embed sample_posts.csv
var samplePosts []byte

// engagement is the campaign's engagement: likes, comments and shares, the
// interactions all three platforms report (YouTube has no saves).
const engagement = kpi.Likes | kpi.Comments | kpi.Shares

var (
	byFollowers = kpi.Formula{Interactions: engagement, Base: kpi.ByFollowers, Average: kpi.PooledRate}
	byReach     = kpi.Formula{Interactions: engagement, Base: kpi.ByReach, Average: kpi.PooledRate}
)

// now is the report date: the Monday after the eighth week. Reports take the
// date explicitly so that they can be re-run for any day.
var now = time.Date(2026, 4, 27, 0, 0, 0, 0, time.UTC)

// target is the campaign's SMART goal: 150,000 engagements over ten weeks.
var target = kpi.Target{
	Metric:   "engagements (likes+comments+shares)",
	Goal:     decimal.NewFromInt(150_000),
	Start:    time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC),
	Deadline: time.Date(2026, 5, 11, 0, 0, 0, 0, time.UTC),
}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "campaign:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	posts, err := kpi.ReadPosts(bytes.NewReader(samplePosts), kpi.DefaultColumns())
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Campaign KPI report, %s: %d posts, engagement = %s\n\n", now.Format("2 Jan 2006"), len(posts), engagement)
	if err := creators(w, posts); err != nil {
		return err
	}
	if err := weekly(w, posts); err != nil {
		return err
	}
	return progress(w, posts)
}

// pct formats a fraction as a percentage with two decimals.
func pct(d decimal.Decimal) string { return d.Shift(2).StringFixed(2) + "%" }

// rateOrNA formats a rate, or "n/a" when no post reported the counts.
func rateOrNA(r decimal.Decimal, err error) (string, error) {
	switch {
	case errors.Is(err, kpi.ErrEmpty), errors.Is(err, kpi.ErrNotReported):
		return "n/a", nil
	case err != nil:
		return "", err
	}
	return pct(r), nil
}

func creators(w io.Writer, posts []kpi.Post) error {
	by, err := kpi.ByCreator(posts)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "creator\tplatform\tposts\tfollowers\tgrowth\ttier\tER/followers\tER/reach\tCTR\tconv.\tvs benchmark\t")
	for _, c := range by {
		mine := postsOf(posts, c.Creator)
		first, last := mine[0], mine[len(mine)-1]
		growth, err := kpi.GrowthRate(first.Followers, last.Followers)
		if err != nil {
			return err
		}
		tier, err := kpi.TierOf(last.Followers)
		if err != nil {
			return err
		}
		erf, err := rateOrNA(byFollowers.Rate(mine))
		if err != nil {
			return err
		}
		erReach, err := rateOrNA(byReach.Rate(mine))
		if err != nil {
			return err
		}
		ctr, err := rateOrNA(c.CTR())
		if err != nil {
			return err
		}
		conv, err := rateOrNA(c.ConversionRate())
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", c.Creator, first.Platform, c.Posts,
			last.Followers, pct(growth), tier, erf, erReach, ctr, conv, place(mine, first.Platform, tier))
	}
	t, err := kpi.Sum(posts)
	if err != nil {
		return err
	}
	erf, err := rateOrNA(byFollowers.Rate(posts))
	if err != nil {
		return err
	}
	erReach, err := rateOrNA(byReach.Rate(posts))
	if err != nil {
		return err
	}
	ctr, _ := rateOrNA(t.CTR())
	conv, _ := rateOrNA(t.ConversionRate())
	fmt.Fprintf(tw, "campaign (pooled)\t\t%d\t\t\t\t%s\t%s\t%s\t%s\t\t\n", t.Posts, erf, erReach, ctr, conv)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nRates are pooled (Σ engagements / Σ base) over the posts that report the counts;")
	fmt.Fprintln(w, "growth compares followers at the first and the last post.")
	return nil
}

// place compares a creator's likes+comments rate by followers (mean of
// rates, the benchmarks' public formula) with the built-in benchmark table.
func place(posts []kpi.Post, p kpi.Platform, tier kpi.Tier) string {
	f := kpi.Formula{Interactions: kpi.Likes | kpi.Comments, Base: kpi.ByFollowers, Average: kpi.MeanOfRates}
	r, err := f.Rate(posts)
	if err != nil {
		return "n/a"
	}
	pl, err := kpi.DefaultBenchmarks().Place(r, p, tier, f)
	if err != nil {
		return "no benchmark"
	}
	s := fmt.Sprintf("%s (%s× %d)", pl.Position, pl.Ratio.StringFixed(1), pl.Benchmark.Year)
	if pl.Implausible {
		s += " check!"
	}
	return s
}

func postsOf(posts []kpi.Post, creator string) []kpi.Post {
	var out []kpi.Post
	for _, p := range posts {
		if p.Creator == creator {
			out = append(out, p)
		}
	}
	return out
}

func weekly(w io.Writer, posts []kpi.Post) error {
	weeks, err := kpi.Weekly(posts, byReach, time.UTC)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nWeekly trend (ISO weeks, UTC), engagement rate by reach:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "week\tstarts\tposts\tER/reach\tchange\t")
	for _, wk := range weeks {
		rate, change := "n/a", ""
		if wk.Rated {
			rate = pct(wk.Rate)
		}
		if wk.HasChange {
			change = wk.Change.Shift(2).StringFixed(2) + " pts"
			if wk.Change.IsPositive() {
				change = "+" + change
			}
		}
		fmt.Fprintf(tw, "%d-W%02d\t%s\t%d\t%s\t%s\t  %s\n", wk.Year, wk.Week, wk.Start.Format("2 Jan"),
			wk.Totals.Posts, rate, change, bar(wk.Rate))
	}
	return tw.Flush()
}

// bar draws one '#' per half percentage point.
func bar(r decimal.Decimal) string {
	n := r.Shift(2).Mul(decimal.NewFromInt(2)).IntPart()
	return string(bytes.Repeat([]byte{'#'}, int(min(max(n, 0), 60))))
}

func progress(w io.Writer, posts []kpi.Post) error {
	// Engagements so far: the reported likes, comments and shares. A hidden
	// count adds nothing, so this is a lower bound.
	t, err := kpi.Sum(posts)
	if err != nil {
		return err
	}
	achieved := t.Likes + t.Comments + t.Shares // three sums of int64s that Sum checked; small here
	pr, err := target.Progress(decimal.NewFromInt(achieved), now)
	if err != nil {
		return err
	}
	status := "behind plan"
	switch {
	case pr.Done:
		status = "goal reached"
	case pr.OnTrack:
		status = "on track"
	}
	fmt.Fprintf(w, "\nTarget: %s %s by %s\n", target.Goal, target.Metric, target.Deadline.Format("2 Jan 2006"))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  achieved\t%d (%s of goal)\n", achieved, pct(pr.Fraction))
	fmt.Fprintf(tw, "  expected by now\t%s (%s of the time elapsed)\n", pr.Expected.StringFixed(0), pct(pr.Elapsed))
	fmt.Fprintf(tw, "  status\t%s\n", status)
	fmt.Fprintf(tw, "  run rate\t%s a day\n", pr.RunRate.StringFixed(0))
	fmt.Fprintf(tw, "  needed\t%s a day until the deadline\n", pr.NeededPerDay.StringFixed(0))
	return tw.Flush()
}
