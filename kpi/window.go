package kpi

import (
	"cmp"
	"slices"
	"time"
)

// Latest returns the n most recent posts published before now (PublishedAt
// < now), newest first; ties on PublishedAt are ordered by ID then Creator.
// Fewer than n posts is not an error: all of them are returned. n <= 0 wraps
// ErrInvalid. The result is a new slice; posts is not modified.
func Latest(posts []Post, n int, now time.Time) ([]Post, error) {
	return latest("Latest", posts, n, now)
}

func latest(fn string, posts []Post, n int, now time.Time) ([]Post, error) {
	if n <= 0 {
		return nil, errorf(fn, "n", ErrInvalid, n)
	}
	out := make([]Post, 0, min(n, len(posts)))
	for _, p := range posts {
		if p.PublishedAt.Before(now) {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b Post) int {
		if c := b.PublishedAt.Compare(a.PublishedAt); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.Creator, b.Creator))
	})
	if len(out) > n {
		out = out[:n:n]
	}
	return out, nil
}

// Between returns the posts published in [from, to), in input order, as a
// new slice. to before from wraps ErrInvalid; from == to gives no posts.
func Between(posts []Post, from, to time.Time) ([]Post, error) {
	return between("Between", posts, from, to)
}

func between(fn string, posts []Post, from, to time.Time) ([]Post, error) {
	if to.Before(from) {
		return nil, errorf(fn, "to", ErrInvalid, to.Format(time.RFC3339)+" before from "+from.Format(time.RFC3339))
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
// now, for example the last 30 days. d <= 0 wraps ErrInvalid.
func Trailing(posts []Post, now time.Time, d time.Duration) ([]Post, error) {
	if d <= 0 {
		return nil, errorf("Trailing", "d", ErrInvalid, d)
	}
	return between("Trailing", posts, now.Add(-d), now)
}
