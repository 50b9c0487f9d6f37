package main

import (
	"fmt"
	"strings"

	"github.com/influencekit/influencekit/budget"
	"github.com/shopspring/decimal"
)

// The explanations the text and the page share, so that both say the same.

// Engagement rates: one per context, each with its formula.
const (
	// rateCandidates is the rate of section 2 (vetting, before booking).
	rateCandidates = "ER (public) = (likes + comments) / followers, mean over each creator's recent organic posts"
	// rateTracking is the rate of section 5 (the campaign's own posts).
	rateTracking = "ER (campaign) = (likes + comments + shares + saves) / reach, pooled over the sponsored posts"
	// rateBenchmark is the rate of the benchmark comparison in section 6.
	rateBenchmark = "ER (benchmark) = (likes + comments) / followers, mean over the sponsored posts"
	// whyRatesDiffer says why one creator has three different rates.
	whyRatesDiffer = "Why a creator shows three rates: they measure different posts with different formulas. " +
		"Before booking only public counts of organic posts are known (ER public); during the campaign the creators " +
		"share reach, shares and saves of the sponsored posts (ER campaign, the one that judges the campaign); " +
		"the published benchmarks use the public formula, so the sponsored posts are put in that formula to compare (ER benchmark)."
)

// plural writes n and the noun, with the noun in the plural unless n is 1:
// "1 reel", "3 reels", "2 stories".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	switch {
	case strings.HasSuffix(noun, "y") && !strings.HasSuffix(noun, "ay"):
		noun = strings.TrimSuffix(noun, "y") + "ies"
	case strings.HasSuffix(noun, "s"), strings.HasSuffix(noun, "x"):
		noun += "es"
	default:
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}

// pieces writes a package of deliverables: "3 reels", "1 post".
func pieces(n int, f budget.Format) string { return plural(n, f.String()) }

// flagMark is the mark of a creator with an authenticity flag.
const flagMark = "⚑"

// flaggedSet returns the candidates with an authenticity flag.
func flaggedSet(rep Report) map[string]bool {
	out := map[string]bool{}
	for _, c := range rep.Candidates {
		if len(c.Flags) > 0 {
			out[c.Handle] = true
		}
	}
	return out
}

// marked returns the handle with the flag mark when the creator is flagged.
func marked(flagged map[string]bool, handle string) string {
	if flagged[handle] {
		return handle + " " + flagMark
	}
	return handle
}

// attributionNote says which journeys multi-touch attribution covers and
// how they relate to the credited orders.
func attributionNote(rep Report, m func(decimal.Decimal) string) string {
	r := rep.Results
	var value decimal.Decimal
	for _, t := range r.MultiTouch {
		value = value.Add(t.Credits[0].Value.Amount)
	}
	credited := rep.Results.Report.Total
	return fmt.Sprintf("Which journeys: the attribution tool's export (paths.csv) holds only the journeys it could follow "+
		"from a touch to a purchase (visitors who accepted tracking, on one device): %s converting journeys worth %s. "+
		"They are a sample of the same sales, not extra ones: %s of the %s orders credited by code or link (%s of their %s). "+
		"The models share out these journeys between channels, creators and others (search, newsletter, ads); "+
		"read their shares, not their amounts, against the code and link credit.",
		number(r.Conversions, 0), m(value), pct(ratio(r.Conversions, credited.Conversions), 0),
		number(credited.Conversions, 0), pct(ratio(value, credited.Revenue), 0), m(credited.Revenue))
}

// benchmarkVerdict says whether the benchmark comparison ranks the
// creators: when every creator compared reads the same position, it says
// plainly that it cannot.
func benchmarkVerdict(rep Report) string {
	positions := map[string]int{}
	n := 0
	for _, c := range rep.Creators {
		if c.Benchmark == "no benchmark" || c.Benchmark == "n/a" {
			continue
		}
		n++
		_, pos, _ := strings.Cut(c.Benchmark, "×, ")
		positions[pos]++
	}
	switch {
	case n == 0:
		return "No creator has a benchmark row (the table has Instagram rows only)."
	case len(positions) == 1:
		for pos := range positions {
			return fmt.Sprintf("All %d creators compared read \"%s\": the published rates (one survey, Instagram only, "+
				"all creators of a tier) lie far from these creators' sponsored posts, so the benchmark cannot rank them. "+
				"To compare them with each other, use ER (campaign) in section 5.", n, pos)
		}
	}
	return "The benchmark separates these creators: a rate over twice the tier's reads \"above\", under half \"below\"."
}
