package collab

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/kpi"
)

// Content is a published post and the kind of content it is (kpi.Post does
// not say whether a video is a reel, a short or a story).
type Content struct {
	Post kpi.Post `json:"post"`
	Kind Kind     `json:"kind"`
}

// Matching is which published posts count for which deliverables.
type Matching struct {
	// Links pair a deliverable with a post that counts for it, in the
	// order of the deliverables passed, then by publication time.
	Links []PostLink `json:"links"`
	// Missing lists every deliverable with fewer linked posts than it
	// owes, in the order passed.
	Missing []Shortfall `json:"missing"`
	// Extra lists the IDs of the posts linked to no deliverable, in input
	// order: posts the creators published beyond what was booked (or
	// outside every window), not counted as delivered.
	Extra []string `json:"extra"`
}

// PostLink is one post counted for one deliverable.
type PostLink struct {
	Deliverable string `json:"deliverable"`
	Post        string `json:"post"`
	// ByEvent is true when a Published event named the post, false when
	// MatchPosts found it by creator, platform, kind and window.
	ByEvent bool `json:"by_event"`
}

// Shortfall is a deliverable with fewer posts than it owes.
type Shortfall struct {
	Deliverable string `json:"deliverable"`
	Want        int    `json:"want"` // Count
	Got         int    `json:"got"`
}

// MatchPosts links published posts to deliverables. It is deterministic:
//
//  1. A Published event whose Post names a post links that post to the
//     event's deliverable, whatever its window.
//  2. Each remaining post, in publication order (ties by ID), goes to the
//     first deliverable, by due time then ID, that still owes a piece and
//     has the post's creator, platform and kind, with the post's time in
//     its Window. So a post that fits two deliverables counts once, for
//     the one due first.
//
// Posts linked to nothing are Extra; deliverables with fewer links than
// Count are Missing. Events are not filtered by time: pass those before
// the date you report on.
//
// Errors: an invalid deliverable or two with one ID, two posts with one ID
// or one without ID (ErrDuplicate, ErrInvalid, field "posts[i].…"), a
// Published event naming an unknown deliverable or post (ErrInvalid), and
// one post named by Published events of two deliverables (ErrDuplicate: a
// post cannot be delivered twice).
func MatchPosts(ds []Deliverable, posts []Content, events []Event) (Matching, error) {
	const fn = "collab.MatchPosts"
	idx, err := index(fn, ds)
	if err != nil {
		return Matching{}, err
	}
	pidx, err := postIndex(fn, posts)
	if err != nil {
		return Matching{}, err
	}
	owner := make([]int, len(posts)) // deliverable index + 1; 0 = none
	got := make([]int, len(ds))
	if err := linkByEvents(fn, ds, idx, pidx, events, owner, got); err != nil {
		return Matching{}, err
	}
	linkByWindow(ds, posts, owner, got)
	return collect(ds, posts, events, pidx, owner, got), nil
}

func postIndex(fn string, posts []Content) (map[string]int, error) {
	pidx := make(map[string]int, len(posts))
	for i := range posts {
		id := posts[i].Post.ID
		at := "posts[" + strconv.Itoa(i) + "]"
		switch _, dup := pidx[id]; {
		case id == "":
			return nil, errs.New(ErrInvalid, fn, at+".post.id", "empty", errs.None)
		case dup:
			return nil, errs.New(ErrDuplicate, fn, at+".post.id", "given twice", id)
		case !kindText.Valid(posts[i].Kind):
			return nil, errs.New(ErrInvalid, fn, at+".kind", "unknown kind", posts[i].Kind)
		}
		pidx[id] = i
	}
	return pidx, nil
}

func linkByEvents(fn string, ds []Deliverable, idx, pidx map[string]int, events []Event, owner, got []int) error {
	for i := range events {
		e := &events[i]
		if e.Action != Published || e.Post == "" {
			continue
		}
		at := "events[" + strconv.Itoa(i) + "]."
		d, ok := idx[e.Deliverable]
		if !ok {
			return errs.New(ErrInvalid, fn, at+"deliverable", "no such deliverable", e.Deliverable)
		}
		p, ok := pidx[e.Post]
		switch {
		case !ok:
			return errs.New(ErrInvalid, fn, at+"post", "no such post", e.Post)
		case owner[p] == d+1:
			continue // the same publication recorded twice
		case owner[p] != 0:
			return errs.New(ErrDuplicate, fn, at+"post", "already published for deliverable "+
				errs.Quote(ds[owner[p]-1].ID), e.Post)
		}
		owner[p] = d + 1
		got[d]++
	}
	return nil
}

// linkByWindow gives each unlinked post, in publication order (ties by
// ID), to the first deliverable by due time (then ID) of its creator,
// platform and kind that still owes a piece and whose window holds the
// post. As the posts come in time order, a deliverable becomes a candidate
// once they reach its window's start, and leaves the candidates for good
// once they pass its end or it is full: each deliverable enters and leaves
// a heap once, O((posts + deliverables) · log deliverables) in all.
func linkByWindow(ds []Deliverable, posts []Content, owner, got []int) {
	groups := make(map[windowKey]*windowGroup)
	for i := range ds {
		k := windowKey{ds[i].Creator, ds[i].Platform, ds[i].Kind}
		if groups[k] == nil {
			groups[k] = &windowGroup{ds: ds}
		}
		groups[k].waiting = append(groups[k].waiting, i)
	}
	for _, g := range groups {
		slices.SortFunc(g.waiting, func(a, b int) int {
			sa, sb := ds[a].Window.Start, ds[b].Window.Start
			return cmp.Or(cmp.Compare(boolInt(!sa.IsZero()), boolInt(!sb.IsZero())), sa.Compare(sb))
		})
	}
	order := make([]int, 0, len(posts))
	for i := range posts {
		if owner[i] == 0 {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := posts[a].Post.PublishedAt.Compare(posts[b].Post.PublishedAt); c != 0 {
			return c
		}
		return cmp.Compare(posts[a].Post.ID, posts[b].Post.ID)
	})
	for _, p := range order {
		c := &posts[p]
		if d := groups[windowKey{c.Post.Creator, c.Post.Platform, c.Kind}].take(c.Post.PublishedAt, got); d >= 0 {
			owner[p] = d + 1
			got[d]++
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// windowKey is what a post and a deliverable must share to match by window.
type windowKey struct {
	creator  string
	platform kpi.Platform
	kind     Kind
}

// windowGroup holds the deliverables of one windowKey: waiting sorted by
// window start (unbounded first), next the first not yet a candidate, and
// cands a min-heap of candidates by due time, then ID.
type windowGroup struct {
	ds      []Deliverable
	waiting []int
	next    int
	cands   []int
}

// take returns the first candidate by due time that owes a piece and whose
// window holds t, or -1; t never decreases between calls. A nil group has
// none.
func (g *windowGroup) take(t time.Time, got []int) int {
	if g == nil {
		return -1
	}
	for g.next < len(g.waiting) {
		start := g.ds[g.waiting[g.next]].Window.Start
		if !start.IsZero() && t.Before(start) {
			break
		}
		g.push(g.waiting[g.next])
		g.next++
	}
	for len(g.cands) > 0 {
		d := &g.ds[g.cands[0]]
		if got[g.cands[0]] < d.pieces() && (d.Window.End.IsZero() || t.Before(d.Window.End)) {
			return g.cands[0]
		}
		g.pop() // full, or its window ended: for good
	}
	return -1
}

func (g *windowGroup) less(i, j int) bool {
	return compareDue(&g.ds[g.cands[i]], &g.ds[g.cands[j]]) < 0
}

func (g *windowGroup) push(d int) {
	g.cands = append(g.cands, d)
	for i := len(g.cands) - 1; i > 0 && g.less(i, (i-1)/2); i = (i - 1) / 2 {
		g.cands[i], g.cands[(i-1)/2] = g.cands[(i-1)/2], g.cands[i]
	}
}

func (g *windowGroup) pop() {
	last := len(g.cands) - 1
	g.cands[0] = g.cands[last]
	g.cands = g.cands[:last]
	for i := 0; ; {
		m := i
		for _, c := range [2]int{2*i + 1, 2*i + 2} {
			if c < len(g.cands) && g.less(c, m) {
				m = c
			}
		}
		if m == i {
			return
		}
		g.cands[i], g.cands[m] = g.cands[m], g.cands[i]
		i = m
	}
}

func collect(ds []Deliverable, posts []Content, events []Event, pidx map[string]int, owner, got []int) Matching {
	var m Matching
	byEvent := make(map[int]bool)
	for i := range events {
		if p, ok := pidx[events[i].Post]; ok && events[i].Action == Published {
			byEvent[p] = true
		}
	}
	linked := make([][]int, len(ds))
	for p, o := range owner {
		if o == 0 {
			m.Extra = append(m.Extra, posts[p].Post.ID)
			continue
		}
		linked[o-1] = append(linked[o-1], p)
	}
	for d := range ds {
		slices.SortFunc(linked[d], func(a, b int) int {
			return posts[a].Post.PublishedAt.Compare(posts[b].Post.PublishedAt)
		})
		for _, p := range linked[d] {
			m.Links = append(m.Links, PostLink{Deliverable: ds[d].ID, Post: posts[p].Post.ID, ByEvent: byEvent[p]})
		}
		if got[d] < ds[d].pieces() {
			m.Missing = append(m.Missing, Shortfall{Deliverable: ds[d].ID, Want: ds[d].pieces(), Got: got[d]})
		}
	}
	return m
}

// Events returns a Published event for every link MatchPosts made by
// window (ByEvent false), at the post's publication time and naming the
// post, in the order of m.Links. Append them to the recorded events to let
// Statuses count posts that were found but never logged. posts must be the
// slice passed to MatchPosts; a link to a post not in it is skipped.
func (m Matching) Events(posts []Content) []Event {
	at := make(map[string]int, len(posts))
	for i := range posts {
		at[posts[i].Post.ID] = i
	}
	var out []Event
	for _, l := range m.Links {
		if i, ok := at[l.Post]; ok && !l.ByEvent {
			out = append(out, Event{Deliverable: l.Deliverable, Action: Published, At: posts[i].Post.PublishedAt, Post: l.Post})
		}
	}
	return out
}
