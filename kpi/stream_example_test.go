package kpi_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/influencekit/influencekit/kpi"
)

// ExampleScanPosts streams an export into an Accumulator: no slice of
// posts is built, so the same loop reads a file of any length. p2's
// comments are not reported, so the zero Formula (likes + comments by
// followers, pooled) skips it: (50+5 + 70+0) / (1000 + 1020) = 125/2020 =
// 0.06188118811881188… → 0.0618811881188119. Weeks: 2 March 2026 is a
// Monday (ISO week 10), 10 March a Tuesday (week 11); week 10 is 55/1000 =
// 0.055 (p2 skipped), week 11 is 70/1020 = 0.0686274509803921… →
// 0.0686274509803922, a change of 0.0136274509803922.
func ExampleScanPosts() {
	export := `id,creator,platform,published_at,followers,likes,comments
p1,ana,instagram,2026-03-02,1000,50,5
p2,ana,instagram,2026-03-04,1010,40,N/A
p3,ana,instagram,2026-03-10,1020,70,0
`
	c := kpi.PostColumns{ID: "id", Creator: "creator", Platform: "platform", PublishedAt: "published_at",
		Followers: "followers", Likes: "likes", Comments: "comments"}
	acc, err := kpi.NewAccumulator(kpi.Formula{}, time.UTC)
	if err != nil {
		fmt.Println(err)
		return
	}
	for p, err := range kpi.ScanPosts(strings.NewReader(export), c) {
		if err != nil {
			fmt.Println(err)
			return
		}
		if err := acc.Add(p); err != nil {
			fmt.Println(err)
			return
		}
	}
	t := acc.Totals()
	fmt.Println("posts", t.Posts, "followers", t.Followers, "likes", t.Likes, "not reported:", t.Hidden&kpi.FieldComments)
	r, err := acc.Measure()
	fmt.Println("rate", r.Rate, "over", r.Posts, "posts,", r.Skipped, "skipped", err)
	weeks, err := acc.Weekly()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range weeks {
		fmt.Printf("%d-W%d %s change %s\n", w.Year, w.Week, w.Rate, w.Change)
	}
	// Output:
	// posts 3 followers 3030 likes 160 not reported: comments
	// rate 0.0618811881188119 over 2 posts, 1 skipped <nil>
	// 2026-W10 0.055 change 0
	// 2026-W11 0.0686274509803922 change 0.0136274509803922
}
