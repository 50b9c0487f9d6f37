package feedback

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/influencekit/influencekit/internal/errs"
)

// Creator is one entry of a campaign's roster as the matcher knows it.
type Creator struct {
	// Handle identifies the creator in results ("@" and surrounding space
	// removed: "@anna.kaya" is reported as "anna.kaya"); it is also a key
	// answers may name. Required and unique.
	Handle string `json:"handle"`
	// Name is the display name ("Anna Kaya"), a key too; may be empty.
	Name string `json:"name,omitempty"`
	// Aliases are further keys the caller gives (a nickname, a channel
	// name, a common misspelling).
	Aliases []string `json:"aliases,omitempty"`
}

// Source is a non-creator answer the caller names ("search" with aliases
// "google", "bing"; "friend"; "tv").
type Source struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
}

// MatchOptions configures a [Matcher]. The zero value is the default.
type MatchOptions struct {
	// Exact turns typo tolerance off: keys must then appear exactly (after
	// normalisation). By default (false) a key of 6 to 9 letters and digits
	// tolerates one edit and a key of 10 or more two, an edit being one
	// inserted, deleted or substituted character or two adjacent characters
	// swapped (optimal string alignment distance); shorter keys must match
	// exactly, so that common words ("denim") do not pass for short names
	// ("Deniz"): give a short name's misspellings as aliases.
	Exact bool `json:"exact,omitempty"`
}

// The limits on roster keys: a key of more than MaxKeyWords words or
// MaxKeyRunes letters and digits (after normalisation) is refused with
// ErrTooLarge. They bound the work per answer.
const (
	MaxKeyWords = 8
	MaxKeyRunes = 64
)

// Match is the bucket one answer ended in.
type Match struct {
	Bucket Bucket `json:"bucket"`
	// Name is the creator's handle (BucketCreator) or the channel's name
	// (BucketChannel), as given to NewMatcher ("@" removed from handles);
	// empty otherwise.
	Name string `json:"name,omitempty"`
	// Candidates lists, for BucketAmbiguous, the creators' handles (or the
	// channels' names) the answer matched, sorted.
	Candidates []string `json:"candidates,omitempty"`
	// Edits is the number of typos corrected to reach the match (0 for an
	// exact match; for BucketAmbiguous the smallest among the candidates).
	Edits int `json:"edits"`
	// Text is the answer as given.
	Text string `json:"text"`
}

// target is a creator (index < nCreators) or a channel.
type target int32

// Matcher assigns each survey answer to exactly one bucket: one creator of
// the roster, one non-creator channel, ambiguous, or unmatched. It is
// immutable and safe for concurrent use.
type Matcher struct {
	names     []string // target → handle or channel name
	nCreators int
	exact     map[string][]target // compact key → targets
	keys      []fuzzyKey          // keys that tolerate typos
	deletions map[uint64][]int32  // hash of a key with ≤ its edits deleted → keys index
	filter    []uint64            // a one-hash Bloom filter of deletions' keys, tested before the map
	filterLg  uint                // log₂ of the filter's bits
	maxWords  int
	minRunes  int // shortest compact key, in runes
	maxRunes  int // longest compact key, in runes
	exactOnly bool
}

type fuzzyKey struct {
	runes  []rune
	target target
	edits  int // edits tolerated
}

// NewMatcher builds a matcher over a roster and the non-creator channels.
//
// Keys are each creator's handle, name and aliases and each channel's name
// and aliases, normalised: Turkish-correct case folding (I, İ, ı and i are
// one letter), diacritics removed (ş → s, é → e), punctuation, "@" and "#"
// dropped, and spaces ignored, so "@ayse.yilmaz", "Ayşe Yılmaz" and
// "AYSE_YILMAZ" are the same key. A key given to two creators (or two
// channels) makes an answer naming it ambiguous.
//
// An empty handle or channel name, a key that normalises to nothing
// ([ErrInvalid]), two creators with the same handle or two channels with the
// same name ([ErrDuplicate]), a key beyond [MaxKeyWords] or [MaxKeyRunes]
// ([ErrTooLarge]), and no creator ([ErrEmpty]) are errors.
func NewMatcher(creators []Creator, channels []Source, opts MatchOptions) (*Matcher, error) {
	const fn = "feedback.NewMatcher"
	if len(creators) == 0 {
		return nil, errs.New(ErrEmpty, fn, "creators", "no creator", errs.None)
	}
	m := &Matcher{exact: map[string][]target{}, deletions: map[uint64][]int32{}, nCreators: len(creators), exactOnly: opts.Exact, minRunes: MaxKeyRunes + 1}
	seen := map[string]bool{}
	for i, c := range creators {
		field := errs.Index("creators", i)
		h := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(c.Handle), "@"))
		keys := []key{{field + ".Handle", h}, {field + ".Name", c.Name}}
		for j, a := range c.Aliases {
			keys = append(keys, key{errs.Index(field+".Aliases", j), a})
		}
		if err := m.addTarget(fn, target(i), keys, seen); err != nil {
			return nil, err
		}
	}
	clear(seen)
	for i, c := range channels {
		field := errs.Index("channels", i)
		keys := []key{{field + ".Name", strings.TrimSpace(c.Name)}}
		for j, a := range c.Aliases {
			keys = append(keys, key{errs.Index(field+".Aliases", j), a})
		}
		if err := m.addTarget(fn, target(len(creators)+i), keys, seen); err != nil {
			return nil, err
		}
	}
	m.buildFilter()
	return m, nil
}

// buildFilter sizes the filter at 16 bits or more per deletion variant, so
// that about 6 % of the variants of an answer that match nothing reach the
// map: most typo lookups then cost one memory access.
func (m *Matcher) buildFilter() {
	m.filterLg = 10
	for 1<<m.filterLg < 16*len(m.deletions) {
		m.filterLg++
	}
	m.filter = make([]uint64, 1<<(m.filterLg-6))
	for x := range m.deletions {
		b := m.filterBit(x)
		m.filter[b>>6] |= 1 << (b & 63)
	}
}

func (m *Matcher) filterBit(x uint64) uint64 { return (x * 0x9e3779b97f4a7c15) >> (64 - m.filterLg) }

// mayHave reports whether deletions may hold x.
func (m *Matcher) mayHave(x uint64) bool {
	b := m.filterBit(x)
	return m.filter[b>>6]&(1<<(b&63)) != 0
}

// key is a roster key and the field it came from (for errors).
type key struct{ field, text string }

// addTarget registers t under keys[0] (the handle or channel name, which
// must be non-empty and unique in seen) and indexes every non-blank key.
func (m *Matcher) addTarget(fn string, t target, keys []key, seen map[string]bool) error {
	if keys[0].text == "" {
		return errs.New(ErrInvalid, fn, keys[0].field, "empty", keys[0].text)
	}
	n0 := normalize(keys[0].text)
	if n0 == "" {
		return errs.New(ErrInvalid, fn, keys[0].field, "no letters or digits", keys[0].text)
	}
	if seen[n0] {
		return errs.New(ErrDuplicate, fn, keys[0].field, "", keys[0].text)
	}
	seen[n0] = true
	m.names = append(m.names, keys[0].text)
	for j, k := range keys {
		if j > 0 && strings.TrimSpace(k.text) == "" {
			continue
		}
		n := normalize(k.text)
		if n == "" {
			return errs.New(ErrInvalid, fn, k.field, "no letters or digits", k.text)
		}
		words := strings.Count(n, " ") + 1
		compact := strings.ReplaceAll(n, " ", "")
		runes := utf8.RuneCountInString(compact)
		if words > MaxKeyWords || runes > MaxKeyRunes {
			return errs.New(ErrTooLarge, fn, k.field, "more than 8 words or 64 letters", k.text)
		}
		m.addKey(compact, runes, words, t)
	}
	return nil
}

func (m *Matcher) addKey(compact string, runes, words int, t target) {
	if slices.Contains(m.exact[compact], t) {
		return
	}
	m.exact[compact] = append(m.exact[compact], t)
	m.maxWords = max(m.maxWords, words)
	m.minRunes, m.maxRunes = min(m.minRunes, runes), max(m.maxRunes, runes)
	edits := allowedEdits(runes)
	if m.exactOnly || edits == 0 {
		return
	}
	ki := int32(len(m.keys))
	r := []rune(compact)
	m.keys = append(m.keys, fuzzyKey{runes: r, target: t, edits: edits})
	var h hasher
	h.reset(r)
	h.variants(edits, func(x uint64) {
		if l := m.deletions[x]; len(l) == 0 || l[len(l)-1] != ki {
			m.deletions[x] = append(l, ki)
		}
	})
}

// allowedEdits is the typo tolerance of a key of n runes.
func allowedEdits(n int) int {
	switch {
	case n >= 10:
		return 2
	case n >= 6:
		return 1
	}
	return 0
}
