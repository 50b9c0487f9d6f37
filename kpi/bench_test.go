package kpi

import (
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The speed target of Formula.Rate: over 10⁶ posts, at most 5× the plain
// float64 loop below (floatRate) computing the same rate. Measured on a
// shared 2-core AMD EPYC (go test -bench Rate -count 5, medians): mean of
// rates 20.2 ms vs 21.6 ms, pooled 17.2 ms vs 14.9 ms, median 51.5 ms vs
// 155 ms, all within 1.2×; at 10³ posts within 3×. Under 100 posts the
// fixed cost of building one decimal (about 100 ns) dominates.
var benchSizes = []int{10, 1_000, 1_000_000}

// benchPosts returns n posts with realistic counts, from a fixed seed.
func benchPosts(n int) []Post {
	rng := rand.New(rand.NewPCG(1, 2))
	posts := make([]Post, n)
	for i := range posts {
		f := 1_000 + rng.Int64N(10_000_000)
		posts[i] = Post{
			Creator:   "c" + strconv.Itoa(i%50),
			Platform:  Instagram,
			Followers: f,
			Likes:     rng.Int64N(f/10 + 1),
			Comments:  rng.Int64N(f/100 + 1),
			Shares:    rng.Int64N(f/200 + 1),
			Saves:     rng.Int64N(f/100 + 1),
			Views:     f/2 + rng.Int64N(f),
			Reach:     f/3 + rng.Int64N(f/2),
		}
	}
	return posts
}

var sinkF float64

// floatRate is the baseline: the same rate as Formula{Likes|Comments,
// ByFollowers, avg} computed with a plain float64 loop, no checks.
func floatRate(posts []Post, avg Average) float64 {
	switch avg {
	case PooledRate:
		var e, b float64
		for i := range posts {
			e += float64(posts[i].Likes + posts[i].Comments)
			b += float64(posts[i].Followers)
		}
		return e / b
	case MeanOfRates:
		var s float64
		for i := range posts {
			s += float64(posts[i].Likes+posts[i].Comments) / float64(posts[i].Followers)
		}
		return s / float64(len(posts))
	default:
		r := make([]float64, len(posts))
		for i := range posts {
			r[i] = float64(posts[i].Likes+posts[i].Comments) / float64(posts[i].Followers)
		}
		slices.Sort(r)
		n := len(r)
		if n%2 == 1 {
			return r[n/2]
		}
		return (r[n/2-1] + r[n/2]) / 2
	}
}

func BenchmarkRate(b *testing.B) {
	for _, avg := range []Average{MeanOfRates, PooledRate, MedianRate} {
		f := Formula{Likes | Comments, ByFollowers, avg}
		for _, n := range benchSizes {
			posts := benchPosts(n)
			b.Run(avg.String()+"/n="+strconv.Itoa(n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := f.Rate(posts); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run(avg.String()+"-float64/n="+strconv.Itoa(n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					sinkF = floatRate(posts, avg)
				}
			})
		}
	}
}

// BenchmarkMeanBigRat measures the design this package rejected for
// MeanOfRates: summing every post's rate as a big.Rat. Denominators grow
// with each distinct base, so it is run only up to 10³ posts.
func BenchmarkMeanBigRat(b *testing.B) {
	for _, n := range benchSizes[:2] {
		posts := benchPosts(n)
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s := new(big.Rat)
				for i := range posts {
					s.Add(s, big.NewRat(posts[i].Likes+posts[i].Comments, posts[i].Followers))
				}
				s.Quo(s, big.NewRat(int64(len(posts)), 1))
				_ = roundRat(s)
			}
		})
	}
}

// BenchmarkReadPosts measures the CSV reader on the export fixture.
func BenchmarkReadPosts(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("id,creator,platform,published_at,followers,likes,comments,shares,saves,views,reach,impressions,clicks,conversions\n")
	for i := range 1000 {
		sb.WriteString("p" + strconv.Itoa(i) + ",\"Doe, Jane\",instagram,2026-03-02T10:00:00Z,12.4k,\"1,234\",85,10,40,N/A,5.1k,8.3k,120,6\n")
	}
	in := sb.String()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadPosts(strings.NewReader(in), DefaultPostColumns()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseRate measures ParseRate on texts of 10³, 10⁴ and 10⁶
// digits: n significant digits ("77…7%": 10³ is read, 10⁴ and 10⁶ are
// refused with ErrTooLarge after one linear scan) and n−3 leading zeros
// before "1.5%" (read at every size: leading zeros cost a scan only). The
// old parser converted every digit, quadratically: 1.3 s at 10⁶.
func BenchmarkParseRate(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 1_000_000} {
		for _, in := range []struct{ name, text string }{
			{"digits", strings.Repeat("7", n) + "%"},
			{"leading-zeros", strings.Repeat("0", n-3) + "1.5%"},
		} {
			b.Run(in.name+"/n="+strconv.Itoa(n), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(in.text)))
				for b.Loop() {
					_, _ = ParseRate(in.text)
				}
			})
		}
	}
}
