package kpi

import (
	"errors"
	"testing"
)

func TestFormulaWorked(t *testing.T) {
	// Two videos: 400 engagements on 10,000 views and 500 on 20,000.
	// Mean of rates: (400/10,000 + 500/20,000) / 2 = (0.04 + 0.025) / 2 = 0.0325.
	// Pooled: (400 + 500) / (10,000 + 20,000) = 900 / 30,000 = 0.03.
	// Median of two: the mean of both, 0.0325.
	two := []Post{
		{ID: "a", Likes: 300, Comments: 60, Shares: 40, Views: 10_000},
		{ID: "b", Likes: 420, Comments: 50, Shares: 30, Views: 20_000},
	}
	// One post of 1,000 likes+comments on 100,000 followers: 0.01 under every average.
	one := []Post{{ID: "c", Likes: 900, Comments: 100, Followers: 100_000, Saves: 7}}
	lcs := Likes | Comments | Shares
	tests := []struct {
		name  string
		f     Formula
		posts []Post
		want  string
	}{
		{"mean", Formula{lcs, ByViews, MeanOfRates}, two, "0.0325"},
		{"pooled", Formula{lcs, ByViews, PooledRate}, two, "0.03"},
		{"median", Formula{lcs, ByViews, MedianRate}, two, "0.0325"},
		{"one mean", Formula{Likes | Comments, ByFollowers, MeanOfRates}, one, "0.01"},
		{"one pooled", Formula{Likes | Comments, ByFollowers, PooledRate}, one, "0.01"},
		{"one median", Formula{Likes | Comments, ByFollowers, MedianRate}, one, "0.01"},
		// Saves added: 1,007 / 100,000 = 0.01007.
		{"with saves", Formula{AllInteractions, ByFollowers, PooledRate}, one, "0.01007"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.f.Rate(tt.posts)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(dec(tt.want)) {
				t.Errorf("%v: got %s, want %s", tt.f, got, tt.want)
			}
		})
	}
}

func TestFormulaHidden(t *testing.T) {
	// Likes hidden on the second post: a likes formula skips it (it does not
	// read 0 likes); a comments-only formula uses it.
	posts := []Post{
		{ID: "a", Likes: 90, Comments: 10, Followers: 1_000},
		{ID: "b", Comments: 30, Followers: 2_000, Hidden: FieldLikes},
	}
	r, err := Formula{Likes | Comments, ByFollowers, PooledRate}.Measure(posts)
	if err != nil {
		t.Fatal(err)
	}
	// Only post a: 100 / 1,000 = 0.1.
	if !r.Rate.Equal(dec("0.1")) || r.Posts != 1 || r.Skipped != 1 {
		t.Errorf("likes+comments: got %+v, want rate 0.1, 1 used, 1 skipped", r)
	}
	r, err = Formula{Comments, ByFollowers, PooledRate}.Measure(posts)
	if err != nil {
		t.Fatal(err)
	}
	// Both: 40 / 3,000 = 0.013333… → 0.0133333333333333.
	if !r.Rate.Equal(dec("0.0133333333333333")) || r.Posts != 2 {
		t.Errorf("comments: got %+v, want 0.0133333333333333 over 2 posts", r)
	}
	_, err = Formula{Likes, ByFollowers, MeanOfRates}.Rate(posts[1:])
	if !errors.Is(err, ErrEmpty) {
		t.Errorf("all skipped: err = %v, want ErrEmpty", err)
	}
}

// TestZeroFormula: the zero Formula is likes + comments by followers,
// pooled, and every zero field means its default.
func TestZeroFormula(t *testing.T) {
	posts := []Post{
		{ID: "a", Likes: 90, Comments: 10, Shares: 50, Saves: 5, Followers: 1_000, Views: 4_000},
		{ID: "b", Likes: 25, Comments: 5, Shares: 8, Followers: 3_000, Views: 1_000},
	}
	tests := []struct {
		f    Formula
		want string
	}{
		// (90 + 10 + 25 + 5) / (1,000 + 3,000) = 130 / 4,000 = 0.0325.
		{Formula{}, "0.0325"},
		{Formula{Interactions: Likes | Comments, Base: ByFollowers, Average: PooledRate}, "0.0325"},
		// Mean of rates: (100/1,000 + 30/3,000) / 2 = (0.1 + 0.01) / 2 = 0.055.
		{Formula{Average: MeanOfRates}, "0.055"},
		// By views, pooled: 130 / (4,000 + 1,000) = 0.026.
		{Formula{Base: ByViews}, "0.026"},
		// Shares only, by followers, pooled: 58 / 4,000 = 0.0145.
		{Formula{Interactions: Shares}, "0.0145"},
	}
	for _, tt := range tests {
		got, err := tt.f.Rate(posts)
		if err != nil || !got.Equal(dec(tt.want)) {
			t.Errorf("%+v.Rate = %s, %v; want %s", tt.f, got, err, tt.want)
		}
	}
	if err := (Formula{}).Validate(); err != nil {
		t.Errorf("Formula{}.Validate() = %v", err)
	}
	if got, want := (Formula{}).String(), "likes+comments by followers, pooled"; got != want {
		t.Errorf("Formula{}.String() = %q, want %q", got, want)
	}
	if got, want := (Formula{}).Needs(), FieldLikes|FieldComments|FieldFollowers; got != want {
		t.Errorf("Formula{}.Needs() = %v, want %v", got, want)
	}
	// Totals take the same default: Σ likes + comments = 130.
	tot, err := Sum(posts)
	if err != nil {
		t.Fatal(err)
	}
	if e, err := tot.Engagements(0); err != nil || e != 130 {
		t.Errorf("Totals.Engagements(0) = %d, %v; want 130", e, err)
	}
	if r, err := tot.EngagementRate(0, ByFollowers); err != nil || !r.Equal(dec("0.0325")) {
		t.Errorf("Totals.EngagementRate(0, ByFollowers) = %s, %v; want 0.0325", r, err)
	}
	// A benchmark row of likes + comments matches the zero Interactions.
	lc := DefaultBenchmarks()
	if p, err := lc.Place(dec("0.0178"), Instagram, Nano, Formula{}); err != nil || !p.Ratio.Equal(dec("1")) {
		t.Errorf("Place with the zero Formula = %+v, %v; want ratio 1", p, err)
	}
}
