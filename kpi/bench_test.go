package kpi

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

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
