package kpi

import (
	"cmp"
	"slices"
	"time"

	"github.com/influencekit/influencekit/internal/errs"
)

// Latest returns the n most recent posts published before now (PublishedAt
// < now), newest first; ties on PublishedAt are ordered by ID then Creator.
// Fewer than n posts is not an error: all of them are returned. n <= 0 wraps
// ErrNonPositive. The result is a new slice; posts is not modified.
func Latest(posts []Post, n int, now time.Time) ([]Post, error) {
	return latest("kpi.Latest", posts, n, now)
}

func latest(fn string, posts []Post, n int, now time.Time) ([]Post, error) {
	idx, err := latestIndex(fn, posts, n, now)
	if err != nil {
		return nil, err
	}
	return gather(posts, idx), nil
}

// latestIndex returns the indexes in posts of the posts Latest returns, in
// its order.
func latestIndex(fn string, posts []Post, n int, now time.Time) ([]int, error) {
	if n <= 0 {
		return nil, errs.New(ErrNonPositive, fn, "n", "", n)
	}
	idx := make([]int, 0, min(n, len(posts)))
	for i := range posts {
		if posts[i].PublishedAt.Before(now) {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(i, j int) int {
		a, b := &posts[i], &posts[j]
		if c := b.PublishedAt.Compare(a.PublishedAt); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.Creator, b.Creator))
	})
	if len(idx) > n {
		idx = idx[:n:n]
	}
	return idx, nil
}

// gather returns posts[idx[0]], posts[idx[1]], … as a new slice.
func gather(posts []Post, idx []int) []Post {
	out := make([]Post, len(idx))
	for j, i := range idx {
		out[j] = posts[i]
	}
	return out
}

// Between returns the posts published in [from, to), in input order, as a
// new slice. to before from wraps ErrInvalid; from == to gives no posts.
func Between(posts []Post, from, to time.Time) ([]Post, error) {
	return between("kpi.Between", posts, from, to)
}

// checkWindow reports to before from.
func checkWindow(fn string, from, to time.Time) error {
	if to.Before(from) {
		return errs.New(ErrInvalid, fn, "to", "before from "+from.Format(time.RFC3339), to.Format(time.RFC3339))
	}
	return nil
}

func between(fn string, posts []Post, from, to time.Time) ([]Post, error) {
	if err := checkWindow(fn, from, to); err != nil {
		return nil, err
	}
	var out []Post
	for _, p := range posts {
		if !p.PublishedAt.Before(from) && p.PublishedAt.Before(to) {
			out = append(out, p)
		}
	}
	return out, nil
}

// Trailing returns the posts published in [now-d, now): the last d before
// now, for example the last 30 days: shorthand for
// Between(posts, now.Add(-d), now). d <= 0 wraps ErrNonPositive.
func Trailing(posts []Post, now time.Time, d time.Duration) ([]Post, error) {
	const fn = "kpi.Trailing"
	if d <= 0 {
		return nil, errs.New(ErrNonPositive, fn, "d", "", d)
	}
	return between(fn, posts, now.Add(-d), now)
}
