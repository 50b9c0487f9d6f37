package kpi_test

import (
	"fmt"
	"time"

	"github.com/influencekit/influencekit/kpi"
)

// Three posts over two weeks, a week apart then two days apart.
func ExampleMeasureActivity() {
	d := func(day int) time.Time { return time.Date(2026, 3, day, 0, 0, 0, 0, time.UTC) }
	posts := []kpi.Post{
		{ID: "a", Creator: "mara", PublishedAt: d(1), Followers: 1000, Likes: 40, Comments: 10},
		{ID: "b", Creator: "mara", PublishedAt: d(8), Followers: 1000, Likes: 50, Comments: 10},
		{ID: "c", Creator: "mara", PublishedAt: d(10), Followers: 1000, Likes: 60, Comments: 10},
	}
	a, err := kpi.MeasureActivity(posts, d(1), d(15), kpi.ActivityOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("posts a week:", a.PostsPerWeek)
	fmt.Println("regularity:", a.Regularity.Decimal.StringFixed(4))
	fmt.Println("days since last:", a.DaysSinceLast.Decimal)
	fmt.Println("rate trend a week:", a.Trend.Decimal.StringFixed(4))
	// 3 posts in 2 weeks = 1.5 a week. Gaps 7 and 2 days: mean 4.5, sd 2.5,
	// CV 2.5/4.5 = 0.5556. Last post 10 Mar, window end 15 Mar: 5 days.
	// Rates 0.05, 0.06, 0.07 at weeks 0, 1, 9/7: x̄ 16/21, ȳ 0.06,
	// Sxy = (−16/21)(−0.01) + (5/21)(0) + (11/21)(0.01) = 0.27/21,
	// Sxx = (256 + 25 + 121)/441 = 402/441, slope = (0.27/21)·(441/402) = 0.0141.

	// Output:
	// posts a week: 1.5
	// regularity: 0.5556
	// days since last: 5
	// rate trend a week: 0.0141
}

func ExampleMeasureContent() {
	d := func(day int) time.Time { return time.Date(2026, 3, day, 0, 0, 0, 0, time.UTC) }
	posts := []kpi.Post{
		{ID: "a", Creator: "mara", PublishedAt: d(1), Followers: 1000, Likes: 30, Comments: 10, Saves: 5, Shares: 5},
		{ID: "b", Creator: "mara", PublishedAt: d(8), Followers: 1000, Likes: 50, Comments: 10, Saves: 25, Shares: 15},
		{ID: "c", Creator: "mara", PublishedAt: d(10), Followers: 1000, Likes: 40, Comments: 10, Saves: 0, Shares: 10},
	}
	cp, err := kpi.MeasureContent(posts, d(1), d(15), kpi.Formula{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range cp.Posts {
		fmt.Printf("%s: index %s, keep share %s\n", p.ID, p.Index.Decimal.StringFixed(2), p.KeepShare.Decimal.StringFixed(2))
	}
	fmt.Println("best:", cp.Best, "weakest:", cp.Weakest)
	// Rates 0.04, 0.06, 0.05: median 0.05, so indexes 0.8, 1.2, 1.0.
	// Keep shares (saves + shares)/(likes + comments + saves + shares):
	// 10/50 = 0.2, 40/100 = 0.4, 10/60 = 0.17.

	// Output:
	// a: index 0.80, keep share 0.20
	// b: index 1.20, keep share 0.40
	// c: index 1.00, keep share 0.17
	// best: b weakest: a
}
