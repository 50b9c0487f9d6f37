package collab

import (
	"bytes"
	"strconv"
	"strings"
	"sync"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/kpi"
)

// Brief is what a sponsored caption must carry. Every field is optional:
// its zero value requires nothing.
type Brief struct {
	// Rules are the disclosure rules the caption must meet, each one (a
	// campaign seen in the US and the UK passes FTC() and ASA()). Empty:
	// no disclosure is checked.
	Rules []DisclosureRule `json:"rules"`
	// Mention is the brand's handle, with or without "@"; it must appear
	// as a whole mention ("@brand", not "@brandfans").
	Mention string `json:"mention"`
	// Code is the discount code; it must appear as whole words.
	Code string `json:"code"`
	// Link must appear in the caption (folded, without its "https://");
	// a part of a URL is enough ("brand.com/mara").
	Link string `json:"link"`
	// Hashtags must each appear as a whole hashtag, with or without "#".
	Hashtags []string `json:"hashtags"`
}

func (b *Brief) empty() bool {
	return len(b.Rules) == 0 && b.Mention == "" && b.Code == "" && b.Link == "" && len(b.Hashtags) == 0
}

// scanners recycles scan buffers between Check calls (a Checker is shared
// between goroutines, so it cannot own one).
var scanners = sync.Pool{New: func() any { return new(scanner) }}

// Compliance is what CheckCaption found.
type Compliance struct {
	// Missing holds the required elements absent from the caption:
	// Disclosure when a rule found no label it accepts (Undisclosed or
	// WeakOnly), Hashtags when any required hashtag is absent.
	Missing Element `json:"missing"`
	// Misplaced holds Disclosure when a rule's label stands after its
	// Within runes.
	Misplaced Element `json:"misplaced"`
	// Rules has one result per Brief.Rules entry, in order.
	Rules []RuleCheck `json:"rules"`
}

// OK reports whether nothing is missing or misplaced.
func (c Compliance) OK() bool { return c.Missing == 0 && c.Misplaced == 0 }

// RuleCheck is one rule's finding on a caption.
type RuleCheck struct {
	Rule    string  `json:"rule"` // DisclosureRule.Name
	Problem Problem `json:"problem"`
	// Label is the first accepted label found, as folded ("#işbirliği",
	// "paid partnership"), or for WeakOnly the first weak one; empty for
	// Undisclosed.
	Label string `json:"label"`
	// At is the label's offset in runes from the caption's start; -1 when
	// there is none.
	At int `json:"at"`
}

// Checker checks captions against one Brief. It is immutable and safe
// for concurrent use; build it once with NewChecker for many captions.
type Checker struct {
	rules    []rule
	mention  string
	code     [][]byte // folded words
	link     []byte
	hashtags map[string]int // folded required hashtag → its index among the distinct ones
}

type rule struct {
	name string
	tags map[string]bool
	weak map[string]bool
	// trie holds the phrases word by word: trie[n] maps a folded word to
	// the node it leads to from node n (0 is the root); end[n] is the index
	// of the first phrase ending at n, or -1.
	trie   []map[string]int32
	end    []int32
	within int
}

// The limits of a Brief, so that checking a caption costs time linear in
// the caption's length: at most MaxRules disclosure rules, and at most
// MaxWords words in a Code or a DisclosureRule phrase. A Check then reads
// each token of the caption at most (MaxRules + 1) × MaxWords times; a
// 10^6-byte caption takes milliseconds.
const (
	MaxRules = 16
	MaxWords = 16
)

// NewChecker compiles b. Errors (ErrInvalid, naming the field): a rule
// without a name or without any tag or phrase, an empty or non-word tag
// or phrase, a negative Within, a code or hashtag without any word
// character. More than MaxRules rules, or a code or phrase of more than
// MaxWords words, is ErrTooLarge.
func NewChecker(b Brief) (*Checker, error) { return newChecker("collab.NewChecker", "", b) }

// CheckCaption checks one caption against b. It is shorthand for
// NewChecker(b) then Checker.Check(caption); build a Checker to check many.
func CheckCaption(caption string, b Brief) (Compliance, error) {
	c, err := newChecker("collab.CheckCaption", "", b)
	if err != nil {
		return Compliance{}, err
	}
	return c.Check(caption), nil
}

func newChecker(fn, at string, b Brief) (*Checker, error) {
	c := &Checker{mention: strings.TrimPrefix(Fold(strings.TrimSpace(b.Mention)), "@")}
	if len(b.Rules) > MaxRules {
		return nil, errs.New(ErrTooLarge, fn, at+"rules", "more than "+strconv.Itoa(MaxRules)+" rules", len(b.Rules))
	}
	for i, r := range b.Rules {
		cr, err := compileRule(fn, at+"rules["+strconv.Itoa(i)+"].", r)
		if err != nil {
			return nil, err
		}
		c.rules = append(c.rules, cr)
	}
	if b.Code != "" {
		switch c.code = words(b.Code); {
		case len(c.code) == 0:
			return nil, errs.New(ErrInvalid, fn, at+"code", "no letter or digit", b.Code)
		case len(c.code) > MaxWords:
			return nil, errs.New(ErrTooLarge, fn, at+"code", "more than "+strconv.Itoa(MaxWords)+" words", b.Code)
		}
	}
	link := strings.TrimSpace(b.Link)
	for _, p := range []string{"https://", "http://"} {
		if len(link) >= len(p) && strings.EqualFold(link[:len(p)], p) {
			link = link[len(p):]
		}
	}
	c.link = []byte(Fold(strings.TrimSuffix(link, "/")))
	for i, h := range b.Hashtags {
		t, ok := tag(h)
		if !ok {
			return nil, errs.New(ErrInvalid, fn, at+"hashtags["+strconv.Itoa(i)+"]", "not a single hashtag", h)
		}
		if c.hashtags == nil {
			c.hashtags = make(map[string]int)
		}
		if _, dup := c.hashtags[t]; !dup {
			c.hashtags[t] = len(c.hashtags)
		}
	}
	return c, nil
}

func compileRule(fn, at string, r DisclosureRule) (rule, error) {
	cr := rule{name: r.Name, tags: map[string]bool{}, weak: map[string]bool{}, within: r.Within,
		trie: []map[string]int32{{}}, end: []int32{-1}}
	switch {
	case r.Name == "":
		return cr, errs.New(ErrInvalid, fn, at+"name", "empty", errs.None)
	case len(r.Tags)+len(r.Phrases) == 0:
		return cr, errs.New(ErrInvalid, fn, at+"tags", "no tag or phrase discloses", errs.None)
	case r.Within < 0:
		return cr, errs.New(ErrNegative, fn, at+"within", "negative", r.Within)
	}
	for _, l := range []struct {
		name string
		in   []string
		dst  map[string]bool
	}{{"tags", r.Tags, cr.tags}, {"weak", r.Weak, cr.weak}} {
		for i, s := range l.in {
			t, ok := tag(s)
			if !ok {
				return cr, errs.New(ErrInvalid, fn, at+l.name+"["+strconv.Itoa(i)+"]", "not a single hashtag", s)
			}
			l.dst[t] = true
		}
	}
	for i, p := range r.Phrases {
		w := words(p)
		switch {
		case len(w) == 0:
			return cr, errs.New(ErrInvalid, fn, at+"phrases["+strconv.Itoa(i)+"]", "no letter or digit", p)
		case len(w) > MaxWords:
			return cr, errs.New(ErrTooLarge, fn, at+"phrases["+strconv.Itoa(i)+"]", "more than "+strconv.Itoa(MaxWords)+" words", p)
		}
		cr.addPhrase(w, int32(i)) //nolint:gosec // i < len(r.Phrases), an int32 count of strings in memory
	}
	return cr, nil
}

// addPhrase enters phrase i, given as folded words, in the rule's trie.
func (r *rule) addPhrase(ws [][]byte, i int32) {
	n := int32(0)
	for _, w := range ws {
		next, ok := r.trie[n][string(w)]
		if !ok {
			next = int32(len(r.trie)) //nolint:gosec // at most MaxWords nodes per phrase
			r.trie = append(r.trie, map[string]int32{})
			r.end = append(r.end, -1)
			r.trie[n][string(w)] = next
		}
		n = next
	}
	if r.end[n] < 0 {
		r.end[n] = i
	}
}

// tag folds a hashtag given with or without "#"; it must be one word.
func tag(s string) (string, bool) {
	var sc scanner
	sc.scan(strings.TrimPrefix(strings.TrimSpace(s), "#"), true)
	if len(sc.toks) != 1 || sc.toks[0].kind != ' ' || sc.toks[0].a != 0 || sc.toks[0].b != len(sc.buf) {
		return "", false
	}
	return string(sc.buf), true
}

// words returns the folded words of s.
func words(s string) [][]byte {
	var sc scanner
	sc.scan(s, true)
	out := make([][]byte, 0, len(sc.toks))
	for _, t := range sc.toks {
		out = append(out, bytes.Clone(sc.text(t)))
	}
	return out
}

// Check checks one caption; see Brief for what each element requires and
// DisclosureRule for how labels match.
func (c *Checker) Check(caption string) Compliance {
	sc := scanners.Get().(*scanner)
	defer scanners.Put(sc)
	sc.scan(caption, true)
	var out Compliance
	if len(c.rules) > 0 {
		out.Rules = make([]RuleCheck, len(c.rules))
	}
	for i := range c.rules {
		rc := c.rules[i].check(sc)
		switch rc.Problem {
		case Undisclosed, WeakOnly:
			out.Missing |= Disclosure
		case Misplaced:
			out.Misplaced |= Disclosure
		}
		out.Rules[i] = rc
	}
	out.Missing |= c.elements(sc)
	return out
}

// Discloses reports whether caption carries a label every rule of the
// brief accepts, wherever it stands; with no rules it is false.
func (c *Checker) Discloses(caption string) bool {
	if len(c.rules) == 0 {
		return false
	}
	sc := scanners.Get().(*scanner)
	defer scanners.Put(sc)
	sc.scan(caption, true)
	for i := range c.rules {
		if p := c.rules[i].check(sc).Problem; p == Undisclosed || p == WeakOnly {
			return false
		}
	}
	return true
}

// Sponsored reports whether p's caption discloses (Discloses). Its
// signature fits kpi.ActivityOptions.Sponsored, so that the activity
// signals count the disclosed sponsored posts.
func (c *Checker) Sponsored(p kpi.Post) bool { return c.Discloses(p.Caption) }

func (r *rule) check(sc *scanner) RuleCheck {
	rc := RuleCheck{Rule: r.name, Problem: Undisclosed, At: -1}
	weak := -1
	for i, t := range sc.toks {
		label := ""
		switch {
		case t.kind == '#' && r.tags[string(sc.text(t))]:
			label = "#" + string(sc.text(t))
		case t.kind == '#' && weak < 0 && r.weak[string(sc.text(t))]:
			weak = i
		case t.kind == ' ':
			label = r.phraseAt(sc, i)
		}
		if label != "" {
			rc.Label, rc.At, rc.Problem = label, t.at, NoProblem
			if r.within > 0 && t.at >= r.within {
				rc.Problem = Misplaced
			}
			return rc
		}
	}
	if weak >= 0 {
		t := sc.toks[weak]
		rc.Problem, rc.Label, rc.At = WeakOnly, "#"+string(sc.text(t)), t.at
	}
	return rc
}

// phraseAt returns the first phrase (in the rule's order) whose words are
// the plain words starting at token i, or "". It walks the trie: at most
// MaxWords tokens.
func (r *rule) phraseAt(sc *scanner, i int) string {
	n, best, words := int32(0), int32(-1), 0
	for k := i; k < len(sc.toks) && sc.toks[k].kind == ' '; k++ {
		next, ok := r.trie[n][string(sc.text(sc.toks[k]))]
		if !ok {
			break
		}
		n = next
		if e := r.end[n]; e >= 0 && (best < 0 || e < best) {
			best, words = e, k-i+1
		}
	}
	if best < 0 {
		return ""
	}
	var b []byte
	for k := i; k < i+words; k++ {
		if k > i {
			b = append(b, ' ')
		}
		b = append(b, sc.text(sc.toks[k])...)
	}
	return string(b)
}

// wordsAt reports whether the tokens from i on are ws, each of the given
// kind (0: any kind but a mention).
func wordsAt(sc *scanner, i int, ws [][]byte, kind byte) bool {
	if i+len(ws) > len(sc.toks) {
		return false
	}
	for k, w := range ws {
		t := sc.toks[i+k]
		if (kind != 0 && t.kind != kind) || (kind == 0 && t.kind == '@') || !bytes.Equal(sc.text(t), w) {
			return false
		}
	}
	return true
}

// elements returns the brand elements of the brief that sc lacks.
func (c *Checker) elements(sc *scanner) Element {
	var missing Element
	if c.mention != "" && !c.has(sc, '@', c.mention) {
		missing |= Mention
	}
	if len(c.code) > 0 {
		found := false
		for i := range sc.toks {
			if found = wordsAt(sc, i, c.code, 0); found {
				break
			}
		}
		if !found {
			missing |= Code
		}
	}
	if len(c.link) > 0 && !bytes.Contains(sc.buf, c.link) {
		missing |= Link
	}
	if len(c.hashtags) > 0 && !c.allHashtags(sc) {
		missing |= Hashtags
	}
	return missing
}

// allHashtags reports whether sc carries every required hashtag, in one
// pass over its tokens.
func (c *Checker) allHashtags(sc *scanner) bool {
	found := make([]bool, len(c.hashtags))
	left := len(found)
	for _, t := range sc.toks {
		if t.kind != '#' {
			continue
		}
		if k, ok := c.hashtags[string(sc.text(t))]; ok && !found[k] {
			found[k] = true
			if left--; left == 0 {
				return true
			}
		}
	}
	return false
}

func (c *Checker) has(sc *scanner, kind byte, s string) bool {
	for _, t := range sc.toks {
		if t.kind == kind && string(sc.text(t)) == s {
			return true
		}
	}
	return false
}
