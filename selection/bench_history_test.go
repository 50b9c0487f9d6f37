package selection

import (
	"strconv"
	"testing"

	"github.com/influencekit/influencekit/collab"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

// BenchmarkRankRecord is BenchmarkRank with the record criteria: every
// profile carries an Activity and one in ten a Record (a creator booked
// before), so Reliability, PastPerformance (with its median) and Activity
// are scored. Its target is BenchmarkRank's: at most 2× sorting n keys.
func BenchmarkRankRecord(b *testing.B) {
	c := Criteria{Platforms: []kpi.Platform{kpi.Instagram}, MinFollowers: 2000, Categories: []string{"food", "travel"}}
	for _, n := range rankSizes {
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			profiles := rankInput(n)
			acts := make([]kpi.Activity, n)
			var recs []collab.History
			for i := range profiles {
				acts[i] = kpi.Activity{PostsPerWeek: decimal.New(int64(i%90), -1), Regularity: decimal.NewNullDecimal(decimal.New(int64(i%13), -1))}
				profiles[i].Activity = &acts[i]
				if i%10 == 0 {
					recs = append(recs, collab.History{Campaigns: 1, OnTimeRate: decimal.NewNullDecimal(decimal.New(int64(i%11), -1)),
						MeanDelay: decimal.NewNullDecimal(decimal.New(int64(i%7), 0)),
						ROAS:      []collab.Point{{Campaign: "c", Value: decimal.New(int64(i%40), -1)}}})
				}
			}
			for j, i := 0, 0; i < n; i += 10 {
				profiles[i].Record = &recs[j]
				j++
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Rank(profiles, c, 100); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
