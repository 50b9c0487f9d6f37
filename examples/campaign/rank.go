package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/stat"
	"github.com/influencekit/influencekit/kpi"
	"github.com/influencekit/influencekit/selection"
	"github.com/shopspring/decimal"
)

// publicRate is the engagement rate every candidate is measured by: likes +
// comments by followers, the mean over their recent posts. It is the only
// rate public data allows (reach and views of others' posts are private),
// and the one the benchmark tables use.
var publicRate = kpi.Formula{Interactions: kpi.Likes | kpi.Comments, Base: kpi.ByFollowers, Average: kpi.MeanOfRates}

// criteria turns the brief into selection.Criteria.
func criteria(b brief, cur budget.Currency, bench kpi.Benchmarks) selection.Criteria {
	rc := budget.DefaultRateCard(cur)
	return selection.Criteria{
		Platforms:         b.Platforms,
		MinFollowers:      b.MinFollowers,
		MinEngagement:     b.MinER,
		Formula:           publicRate,
		MaxFee:            b.MaxFee,
		Categories:        b.Categories,
		Countries:         b.Countries,
		ExcludeCategories: b.Unsafe,
		Target:            b.Target,
		FitWeights:        b.Weights,
		Benchmarks:        bench,
		RateCard:          &rc, // for a profile without a quote
		Deliverable:       budget.FormatReel,
	}
}

// benchmarks returns kpi.DefaultBenchmarks, completed for the platforms and
// tiers it has no row for (TikTok, mid-tier Instagram…) by the median of the
// candidates of that platform and tier, or of the platform: without a
// benchmark, selection.Rank would leave engagement out of their score.
func benchmarks(profiles []selection.Profile) (kpi.Benchmarks, error) {
	def := kpi.DefaultBenchmarks()
	out := kpi.Benchmarks{Version: def.Version + "+campaign", Rows: slices.Clone(def.Rows)}
	type key struct {
		p kpi.Platform
		t kpi.Tier
	}
	rates := map[key][]decimal.Decimal{}
	byPlatform := map[kpi.Platform][]decimal.Decimal{}
	var keys []key
	for _, p := range profiles {
		r, err := publicRate.Rate(p.Posts)
		if errors.Is(err, kpi.ErrEmpty) || errors.Is(err, kpi.ErrNonPositive) {
			continue
		}
		if err != nil {
			return out, fmt.Errorf("posts of %s: %w", p.Handle, err)
		}
		t, err := kpi.TierOf(p.Followers)
		if err != nil {
			return out, fmt.Errorf("profile %s: %w", p.Handle, err)
		}
		k := key{p.Platform, t}
		if _, ok := rates[k]; !ok {
			keys = append(keys, k)
		}
		rates[k] = append(rates[k], r)
		byPlatform[p.Platform] = append(byPlatform[p.Platform], r)
	}
	for _, k := range keys {
		if _, err := def.Place(decimal.NewFromInt(1), k.p, k.t, publicRate); !errors.Is(err, kpi.ErrNoBenchmark) {
			continue // a published row exists
		}
		rs, src := rates[k], "median of this campaign's "+k.p.String()+" "+k.t.String()+" candidates (no published row)"
		if len(rs) < 3 {
			rs, src = byPlatform[k.p], "median of this campaign's "+k.p.String()+" candidates (no published row)"
		}
		m, _ := stat.Median(rs) // rs holds at least one rate
		if !m.IsPositive() {
			continue
		}
		out.Rows = append(out.Rows, kpi.Benchmark{Platform: k.p, Tier: k.t, Formula: publicRate, Statistic: kpi.Median,
			Year: 2026, Rate: m, Source: src})
	}
	return out, nil
}

// selectionProfiles turns the candidates into selection.Profile: their
// recent posts, audience, follower sample and quote.
func selectionProfiles(in inputs) []selection.Profile {
	profiles := make([]selection.Profile, len(in.Profiles))
	for i, p := range in.Profiles {
		sp := selection.Profile{
			Handle: p.Handle, Platform: p.Platform, Followers: p.Followers, Following: p.Following,
			Categories: []string{p.Category}, Country: p.Country, Language: p.Language,
			Posts: postsOf(in.History, p.Handle), Audience: p.Demographics, FollowerSet: in.Followers[p.Handle],
			Fee: p.Fee, Missing: selection.MissingPostCount,
		}
		for _, h := range sp.Posts {
			if h.Hidden&kpi.FieldFollowers == 0 {
				sp.History = append(sp.History, selection.Snapshot{At: h.PublishedAt, Followers: h.Followers})
			}
		}
		slices.SortStableFunc(sp.History, func(x, y selection.Snapshot) int { return x.At.Compare(y.At) })
		profiles[i] = sp
	}
	return profiles
}

// rankCandidates (section 2) fills rep.Candidates and rep.Rejected with
// selection.Rank.
func rankCandidates(rep *Report, in inputs, b brief) (map[string]vetting, error) {
	profiles := selectionProfiles(in)
	recs, err := records(in.PastCreators)
	if err != nil {
		return nil, err
	}
	withRecords(profiles, recs) // reliability and past performance, for those in an earlier campaign
	bench, err := benchmarks(profiles)
	if err != nil {
		return nil, err
	}
	ranking, err := selection.Rank(profiles, criteria(b, in.Currency, bench), len(profiles))
	if err != nil {
		return nil, fmt.Errorf("ranking: %w", err)
	}
	vets := map[string]vetting{}
	for i, s := range ranking.Top {
		p := in.Profiles[s.Index]
		r := rankedRow(s, p, profiles[s.Index].Posts, in.Followers[p.Handle].Len(), in.Currency)
		r.Rank = i + 1
		vets[p.Handle] = vetting{er: s.EngagementRate, fit: r.Fit}
		if pl, err := bench.Place(s.EngagementRate, p.Platform, s.Tier, publicRate); err == nil {
			vets[p.Handle] = vetting{er: s.EngagementRate, fit: r.Fit, bench: pl.Benchmark.Rate}
		}
		rep.Candidates = append(rep.Candidates, r)
	}
	for _, rj := range ranking.Rejected {
		p := in.Profiles[rj.Index]
		rep.Rejected = append(rep.Rejected, rejectedRow(rj, p, profiles[rj.Index].Posts, in.Currency, b))
		if r, err := publicRate.Rate(profiles[rj.Index].Posts); err == nil {
			if fit, err := fitOf(b, p); err == nil {
				vets[p.Handle] = vetting{er: r, fit: fit}
			}
		}
	}
	return vets, nil
}

// rankedRow is a ranked candidate's line, with the breakdown of its score.
func rankedRow(s selection.Scored, p profile, posts []kpi.Post, sample int64, cur budget.Currency) Ranked {
	r := Ranked{
		Handle: s.Handle, Platform: p.Platform, Tier: s.Tier, Followers: p.Followers, Fee: amountIn(s.Fee, cur),
		FeeEstimated: s.FeeEstimated, ER: s.EngagementRate, ERFormula: publicRate.String(),
		Score: s.Score, Flags: []string{},
		Benchmark:    placeRate(posts, p.Platform, s.Tier),
		SampleSize:   sample,
		Deliverables: pieces(p.Pieces, p.Deliverable),
	}
	for _, c := range s.Breakdown {
		r.Breakdown = append(r.Breakdown, CriterionRow{Criterion: c.Criterion.String(), Score: c.Score, Weight: c.Weight,
			Contribution: c.Contribution, Missing: c.Missing, Reason: c.Reason})
		switch c.Criterion {
		case selection.AudienceFit:
			r.Fit = c.Score
		case selection.Authenticity:
			r.Authenticity = c.Score
		}
	}
	for _, f := range s.Flags {
		r.Flags = append(r.Flags, f.Reason)
	}
	// Value: the engagements the package should bring from the target
	// audience: rate × followers × pieces × audience fit.
	r.Value = s.EngagementRate.Mul(decimal.NewFromInt(p.Followers)).Mul(decimal.NewFromInt(int64(p.Pieces))).Mul(r.Fit).Round(0)
	return r
}

// rejectedRow is a rejected candidate's line: the filter, and the reason in
// the report's units.
func rejectedRow(rj selection.Rejection, p profile, posts []kpi.Post, cur budget.Currency, b brief) Rejected {
	detail := rj.Reason
	switch rj.Filter {
	case selection.FilterFee:
		detail = fmt.Sprintf("quote %s > %s", money(p.Fee, cur), money(b.MaxFee, cur))
	case selection.FilterFollowers:
		detail = fmt.Sprintf("%s < %s", thousands(p.Followers), thousands(b.MinFollowers))
	case selection.FilterEngagement:
		if r, err := publicRate.Rate(posts); err == nil {
			detail = fmt.Sprintf("%s < %s (%s)", pct(r, 2), pct(b.MinER, 1), publicRate)
		}
	case selection.FilterCountry:
		detail = fmt.Sprintf("based in %s, not %s", p.Country, strings.Join(b.Countries, "/"))
	}
	return Rejected{Handle: rj.Handle, Platform: p.Platform, Filter: strings.ReplaceAll(rj.Filter.String(), "-", " "), Detail: detail}
}

// fitOf is the audience fit of a profile to the brief's target.
func fitOf(b brief, p profile) (decimal.Decimal, error) {
	f, err := audience.Fit(b.Target, p.Demographics, b.Weights)
	return f.Score, err
}
