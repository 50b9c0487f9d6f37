package collab

import (
	"bytes"
	"math/bits"
	"strconv"

	"github.com/influencekit/influencekit/internal/errs"
)

// wordTrie holds word sequences (disclosure phrases, gift codes) word by
// word, so that every sequence starting at a token is found in one walk of
// at most MaxWords tokens, however many sequences there are.
type wordTrie struct {
	next []map[string]int32 // next[n][w]: the node after word w from node n; 0 is the root
	ends [][]int32          // ends[n]: the ids of the sequences ending at node n
}

func newWordTrie() wordTrie { return wordTrie{next: []map[string]int32{{}}, ends: [][]int32{nil}} }

// add enters the folded words ws as sequence id and returns its end node.
func (t *wordTrie) add(ws [][]byte, id int32) int32 {
	n := int32(0)
	for _, w := range ws {
		next, ok := t.next[n][string(w)]
		if !ok {
			next = int32(len(t.next)) //nolint:gosec // nodes are words held in memory: far below 2^31
			t.next = append(t.next, map[string]int32{})
			t.ends = append(t.ends, nil)
			t.next[n][string(w)] = next
		}
		n = next
	}
	t.ends[n] = append(t.ends[n], id)
	return n
}

// walk follows the tokens from i on, while kind(token) holds and the trie
// has the word, and calls f with each node where a sequence ends and the
// number of tokens read to reach it: at most MaxWords calls.
func (t *wordTrie) walk(sc *scanner, i int, kind func(byte) bool, f func(node int32, words int)) {
	n := int32(0)
	for k := i; k < len(sc.toks) && kind(sc.toks[k].kind); k++ {
		next, ok := t.next[n][string(sc.text(sc.toks[k]))]
		if !ok {
			return
		}
		n = next
		if len(t.ends[n]) > 0 {
			f(n, k-i+1)
		}
	}
}

func plainWord(k byte) bool  { return k == ' ' }
func notMention(k byte) bool { return k != '@' }

// disclosure is a Brief's rules compiled together, so that one pass over
// a caption's tokens checks them all: each hashtag maps to what it means
// (tagInfo); the phrases of all rules share one trie, phrase ids numbered
// rule by rule in each rule's order.
type disclosure struct {
	names  []string
	within []int
	tags   map[string]tagInfo
	trie   wordTrie
	rule   []uint8 // phrase id → its rule
}

// tagInfo is what a folded hashtag means to a Checker: the rules it
// discloses for and the rules that call it weak (a bit per rule), and its
// index among the brief's required hashtags plus one (0: not required).
type tagInfo struct {
	tags, weak uint32
	required   int
}

// addRule compiles rule r, the len(d.names)-th, checking its fields.
func (d *disclosure) addRule(fn, at string, r DisclosureRule) error {
	bit := uint32(1) << len(d.names)
	switch {
	case r.Name == "":
		return errs.New(ErrInvalid, fn, at+"name", "empty", errs.None)
	case len(r.Tags)+len(r.Phrases) == 0:
		return errs.New(ErrInvalid, fn, at+"tags", "no tag or phrase discloses", errs.None)
	case r.Within < 0:
		return errs.New(ErrNegative, fn, at+"within", "negative", r.Within)
	}
	for _, l := range []struct {
		name string
		in   []string
		weak bool
	}{{"tags", r.Tags, false}, {"weak", r.Weak, true}} {
		for i, s := range l.in {
			t, err := tagOf(fn, at+l.name+"["+strconv.Itoa(i)+"]", s)
			if err != nil {
				return err
			}
			info := d.tags[t]
			if l.weak {
				info.weak |= bit
			} else {
				info.tags |= bit
			}
			d.tags[t] = info
		}
	}
	seen := map[int32]bool{} // end nodes of this rule's phrases: the first phrase to end there wins
	for i, p := range r.Phrases {
		w, err := wordsOf(fn, at+"phrases["+strconv.Itoa(i)+"]", p)
		if err != nil {
			return err
		}
		if n := d.trie.add(w, int32(len(d.rule))); seen[n] { //nolint:gosec // ids count phrases in memory
			d.trie.ends[n] = d.trie.ends[n][:len(d.trie.ends[n])-1]
		} else {
			seen[n] = true
			d.rule = append(d.rule, uint8(len(d.names))) //nolint:gosec // at most MaxRules rules
		}
	}
	d.names, d.within = append(d.names, r.Name), append(d.within, r.Within)
	return nil
}

// pass reads the scanned caption once and returns each rule's finding
// and the brief's elements it lacks (all of them are looked for unless
// rulesOnly). A rule's finding is the first token that is one of its tags
// or starts one of its phrases (the first phrase in its order when several
// start there), or else its first weak tag. The pass stops as soon as
// everything looked for is found.
func (c *Checker) pass(sc *scanner, rulesOnly bool) ([]RuleCheck, Element) {
	d := &c.rules
	out := make([]RuleCheck, len(d.names))
	for r := range out {
		out[r] = RuleCheck{Rule: d.names[r], Problem: Undisclosed, At: -1}
	}
	all := uint32(1)<<len(d.names) - 1
	var done, weak uint32
	var need Element // the elements still looked for
	if !rulesOnly {
		need = c.elementsNeeded()
	}
	var found []bool // of the required hashtags
	left := c.required
	if need&Hashtags != 0 {
		found = make([]bool, c.required)
	}
	for i := 0; i < len(sc.toks) && (done != all || need&^Link != 0); i++ {
		t := sc.toks[i]
		switch text := sc.text(t); t.kind {
		case '#':
			info, ok := d.tags[string(text)]
			if !ok {
				break
			}
			if m := info.tags &^ done; m != 0 {
				d.found(out, m, "#"+string(text), t.at)
				done |= m
			}
			for m := info.weak &^ done &^ weak; m != 0; m &= m - 1 {
				r := bits.TrailingZeros32(m)
				out[r].Problem, out[r].Label, out[r].At = WeakOnly, "#"+string(text), t.at
				weak |= 1 << r
			}
			if k := info.required - 1; k >= 0 && found != nil && !found[k] {
				if found[k], left = true, left-1; left == 0 {
					need &^= Hashtags
				}
			}
		case '@':
			if need&Mention != 0 && string(text) == c.mention {
				need &^= Mention
			}
		case ' ':
			if done != all {
				done |= d.phrases(sc, i, done, out)
			}
		}
		if need&Code != 0 && t.kind != '@' && wordsAt(sc, i, c.code, 0) {
			need &^= Code
		}
	}
	if need&Link != 0 && bytes.Contains(sc.buf, c.link) {
		need &^= Link
	}
	return out, need
}

// phrases finds the phrases of the rules not done that start at token i
// and records each such rule's first one; it returns the rules found.
func (d *disclosure) phrases(sc *scanner, i int, done uint32, out []RuleCheck) uint32 {
	var best [MaxRules]int32
	var words [MaxRules]int
	var cand uint32
	d.trie.walk(sc, i, plainWord, func(node int32, n int) {
		for _, id := range d.trie.ends[node] {
			r := d.rule[id]
			if bit := uint32(1) << r; done&bit == 0 && (cand&bit == 0 || id < best[r]) {
				best[r], words[r], cand = id, n, cand|bit
			}
		}
	})
	for m := cand; m != 0; m &= m - 1 {
		r := bits.TrailingZeros32(m)
		var b []byte
		for k := i; k < i+words[r]; k++ {
			if k > i {
				b = append(b, ' ')
			}
			b = append(b, sc.text(sc.toks[k])...)
		}
		d.found(out, 1<<r, string(b), sc.toks[i].at)
	}
	return cand
}

// found records label at rune offset at for the rules in m.
func (d *disclosure) found(out []RuleCheck, m uint32, label string, at int) {
	for ; m != 0; m &= m - 1 {
		r := bits.TrailingZeros32(m)
		out[r].Label, out[r].At, out[r].Problem = label, at, NoProblem
		if d.within[r] > 0 && at >= d.within[r] {
			out[r].Problem = Misplaced
		}
	}
}
