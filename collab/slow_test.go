package collab

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// slowToken is a token found by the slow reference tokenizer.
type slowToken struct {
	kind byte // '#', '@' or ' '
	text string
	at   int // rune offset in the folded caption
}

// slowRE is the token grammar written as one regular expression over the
// folded caption: a mention is "@" then a word rune then word runes or
// dots; otherwise an optional "#" and a run of word runes.
var slowRE = regexp.MustCompile(`@[\p{L}\p{Nd}\p{M}_][\p{L}\p{Nd}\p{M}_.]*|#?[\p{L}\p{Nd}\p{M}_]+`)

// slowTokens is the obviously-correct (and slow) tokenizer that the
// scanner is fuzzed against.
func slowTokens(caption string) []slowToken {
	f := Fold(caption)
	var out []slowToken
	for _, m := range slowRE.FindAllStringIndex(f, -1) {
		s := f[m[0]:m[1]]
		t := slowToken{kind: ' ', text: s, at: utf8.RuneCountInString(f[:m[0]])}
		switch s[0] {
		case '#', '@':
			t.kind, t.text = s[0], strings.TrimRight(s[1:], ".")
		}
		if t.kind == '@' {
			t.text = strings.TrimRight(s[1:], ".")
		}
		out = append(out, t)
	}
	return out
}

// slowCheck checks caption against b with slowTokens: the problem per rule
// (placement measured in folded runes) and the missing elements.
func slowCheck(caption string, b Brief) ([]Problem, Element) {
	toks := slowTokens(caption)
	words := func(s string) []string {
		var w []string
		for _, t := range slowTokens(s) {
			w = append(w, t.text)
		}
		return w
	}
	seq := func(i int, ws []string, plain bool) bool {
		if len(ws) == 0 || i+len(ws) > len(toks) {
			return false
		}
		for k, w := range ws {
			t := toks[i+k]
			if t.text != w || (plain && t.kind != ' ') || (!plain && t.kind == '@') {
				return false
			}
		}
		return true
	}
	var probs []Problem
	var missing Element
	for _, r := range b.Rules {
		p := Undisclosed
		phrases := make([][]string, len(r.Phrases))
		for k, ph := range r.Phrases {
			phrases[k] = words(ph)
		}
	scan:
		for i, t := range toks {
			for _, tag := range r.Tags {
				if t.kind == '#' && t.text == Fold(strings.TrimPrefix(tag, "#")) {
					p = placed(t.at, r.Within)
					break scan
				}
			}
			for _, ph := range phrases {
				if t.kind == ' ' && seq(i, ph, true) {
					p = placed(t.at, r.Within)
					break scan
				}
			}
			for _, w := range r.Weak {
				if t.kind == '#' && t.text == Fold(strings.TrimPrefix(w, "#")) && p == Undisclosed {
					p = WeakOnly
				}
			}
		}
		if p == Undisclosed || p == WeakOnly {
			missing |= Disclosure
		}
		probs = append(probs, p)
	}
	has := func(kind byte, s string) bool {
		for _, t := range toks {
			if t.kind == kind && t.text == s {
				return true
			}
		}
		return false
	}
	if m := strings.TrimPrefix(Fold(strings.TrimSpace(b.Mention)), "@"); m != "" && !has('@', m) {
		missing |= Mention
	}
	if b.Code != "" {
		found, code := false, words(b.Code)
		for i := range toks {
			found = found || seq(i, code, false)
		}
		if !found {
			missing |= Code
		}
	}
	if b.Link != "" && !strings.Contains(Fold(caption), Fold(b.Link)) {
		missing |= Link
	}
	for _, h := range b.Hashtags {
		if !has('#', Fold(strings.TrimPrefix(h, "#"))) {
			missing |= Hashtags
		}
	}
	return probs, missing
}

func placed(at, within int) Problem {
	if within > 0 && at >= within {
		return Misplaced
	}
	return NoProblem
}

// slowLinkByWindow is the obvious rule MatchPosts' window matching
// follows: each unlinked post in time order (ties by ID) goes to the first
// deliverable by due time (then ID) of its creator, platform and kind that
// owes a piece and whose window holds it, found by looking at them all.
func slowLinkByWindow(ds []Deliverable, posts []Content, owner, got []int) {
	byDue := make([]int, len(ds))
	for i := range byDue {
		byDue[i] = i
	}
	slices.SortFunc(byDue, func(a, b int) int { return compareDue(&ds[a], &ds[b]) })
	order := make([]int, 0, len(posts))
	for i := range posts {
		if owner[i] == 0 {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(posts[a].Post.PublishedAt.Compare(posts[b].Post.PublishedAt), cmp.Compare(posts[a].Post.ID, posts[b].Post.ID))
	})
	for _, p := range order {
		c := &posts[p]
		for _, d := range byDue {
			dd := &ds[d]
			if dd.Creator == c.Post.Creator && dd.Platform == c.Post.Platform && dd.Kind == c.Kind &&
				got[d] < dd.pieces() && dd.Window.Contains(c.Post.PublishedAt) {
				owner[p] = d + 1
				got[d]++
				break
			}
		}
	}
}
