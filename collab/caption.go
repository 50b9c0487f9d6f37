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
	rules    disclosure
	mention  string
	code     [][]byte // folded words
	link     []byte
	required int // distinct required hashtags, in rules.tags with their index
}

// The limits of a Brief, so that checking a caption costs time linear in
// the caption's length and compiling a brief costs microseconds: at most
// MaxRules disclosure rules, at most MaxWords words in a Code or a
// DisclosureRule phrase, and at most MaxBriefText bytes in each text of
// a Brief or DisclosureRule (a mention, code, link, hashtag, tag, weak
// tag or phrase). A Check reads the caption once, with at each token one
// map lookup and at most MaxWords more (a phrase) and MaxWords word
// comparisons (the code); a 10^6-byte caption takes about 10 ms.
const (
	MaxRules     = 16
	MaxWords     = 16
	MaxBriefText = 2048
)

// NewChecker compiles b. Errors (ErrInvalid, naming the field): a rule
// without a name or without any tag or phrase, an empty or non-word tag
// or phrase, a negative Within, a code or hashtag without any word
// character, a mention that is only "@" or spaces. More than MaxRules rules, a code or phrase of more than
// MaxWords words, or a text longer than MaxBriefText bytes is ErrTooLarge.
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
	if len(b.Rules) > MaxRules {
		return nil, errs.New(ErrTooLarge, fn, at+"rules", "more than "+strconv.Itoa(MaxRules)+" rules", len(b.Rules))
	}
	for _, f := range [...]struct{ name, text string }{{"mention", b.Mention}, {"code", b.Code}, {"link", b.Link}} {
		if err := checkBriefText(fn, at+f.name, f.text); err != nil {
			return nil, err
		}
	}
	c := &Checker{mention: strings.TrimPrefix(Fold(strings.TrimSpace(b.Mention)), "@"),
		rules: disclosure{tags: map[string]tagInfo{}, trie: newWordTrie()}}
	if b.Mention != "" && c.mention == "" {
		return nil, errs.New(ErrInvalid, fn, at+"mention", "no handle", b.Mention)
	}
	for i, r := range b.Rules {
		if err := c.rules.addRule(fn, at+"rules["+strconv.Itoa(i)+"].", r); err != nil {
			return nil, err
		}
	}
	if b.Code != "" {
		var err error
		if c.code, err = wordsOf(fn, at+"code", b.Code); err != nil {
			return nil, err
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
		t, err := tagOf(fn, at+"hashtags["+strconv.Itoa(i)+"]", h)
		if err != nil {
			return nil, err
		}
		if info := c.rules.tags[t]; info.required == 0 {
			c.required++
			info.required = c.required
			c.rules.tags[t] = info
		}
	}
	return c, nil
}

// checkBriefText refuses a brief's text longer than MaxBriefText bytes.
func checkBriefText(fn, field, s string) error {
	if len(s) > MaxBriefText {
		return errs.New(ErrTooLarge, fn, field, "longer than "+strconv.Itoa(MaxBriefText)+" bytes", s)
	}
	return nil
}

// tagOf is tag with the brief's checks: at most MaxBriefText bytes, one
// word.
func tagOf(fn, field, s string) (string, error) {
	if err := checkBriefText(fn, field, s); err != nil {
		return "", err
	}
	t, ok := tag(s)
	if !ok {
		return "", errs.New(ErrInvalid, fn, field, "not a single hashtag", s)
	}
	return t, nil
}

// wordsOf is words with the brief's checks: at most MaxBriefText bytes,
// one to MaxWords words.
func wordsOf(fn, field, s string) ([][]byte, error) {
	if err := checkBriefText(fn, field, s); err != nil {
		return nil, err
	}
	switch w := words(s); {
	case len(w) == 0:
		return nil, errs.New(ErrInvalid, fn, field, "no letter or digit", s)
	case len(w) > MaxWords:
		return nil, errs.New(ErrTooLarge, fn, field, "more than "+strconv.Itoa(MaxWords)+" words", s)
	default:
		return w, nil
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
	out.Rules, out.Missing = c.pass(sc, false)
	if len(out.Rules) == 0 {
		out.Rules = nil
	}
	for _, rc := range out.Rules {
		switch rc.Problem {
		case Undisclosed, WeakOnly:
			out.Missing |= Disclosure
		case Misplaced:
			out.Misplaced |= Disclosure
		}
	}
	return out
}

// Discloses reports whether caption carries a label every rule of the
// brief accepts, wherever it stands; with no rules it is false.
func (c *Checker) Discloses(caption string) bool {
	if len(c.rules.names) == 0 {
		return false
	}
	sc := scanners.Get().(*scanner)
	defer scanners.Put(sc)
	sc.scan(caption, true)
	rules, _ := c.pass(sc, true)
	for _, rc := range rules {
		if rc.Problem == Undisclosed || rc.Problem == WeakOnly {
			return false
		}
	}
	return true
}

// Sponsored reports whether p's caption discloses (Discloses). Its
// signature fits kpi.ActivityOptions.Sponsored, so that the activity
// signals count the disclosed sponsored posts.
func (c *Checker) Sponsored(p kpi.Post) bool { return c.Discloses(p.Caption) }

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

// elementsNeeded returns the brand elements the brief requires.
func (c *Checker) elementsNeeded() Element {
	var need Element
	if c.mention != "" {
		need |= Mention
	}
	if len(c.code) > 0 {
		need |= Code
	}
	if len(c.link) > 0 {
		need |= Link
	}
	if c.required > 0 {
		need |= Hashtags
	}
	return need
}
