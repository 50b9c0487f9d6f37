package feedback

import (
	"slices"
	"unicode/utf8"
)

// scratch holds one matching's buffers, reused across answers by MatchAll.
type scratch struct {
	norm  []byte
	words [][2]int // byte spans of the words of norm
	gram  []byte
	runes []rune
	hits  []hit
	cands []int32
	h     hasher
	rows  [3][]int
}

// hit is a key found in the answer: the target, the words it spans
// [from, to] and the edits it needed.
type hit struct {
	t        target
	from, to int
	edits    int
}

// Match assigns one answer to exactly one bucket. The answer is normalised
// as the keys are (see [NewMatcher]) and cut into words; every run of up to
// MaxKeyWords consecutive words, joined without spaces, is looked up
// among the keys, so "Saw @Anna.Kaya's reel" names the key "annakaya".
//
//  1. Exact keys are found first. Unless MatchOptions.Exact is set, runs
//     that matched nothing exactly and overlap no exact match are then
//     compared with the keys that tolerate typos (see [MatchOptions]).
//  2. A key found inside a longer key's run is dropped ("anna" inside
//     "anna kaya").
//  3. If the remaining keys name exactly one creator, the answer is that
//     creator's (channels named beside it do not matter); two or more
//     creators are BucketAmbiguous. With no creator, exactly one channel is
//     BucketChannel, two or more BucketAmbiguous. Nothing is
//     BucketUnmatched, as is a blank answer.
//
// Match is deterministic and never fails; its cost grows linearly with the
// answer's length, which is bounded: an answer longer than MaxAnswerBytes
// is BucketUnmatched without being read (its Text kept, so the caller sees
// it), as is every answer given to a nil Matcher.
func (m *Matcher) Match(answer string) Match {
	var sc scratch
	return m.match(answer, &sc)
}

// MatchAll is Match over many answers, reusing its buffers: out[i] is the
// match of answers[i].
func (m *Matcher) MatchAll(answers []string) []Match {
	var sc scratch
	out := make([]Match, len(answers))
	for i, a := range answers {
		out[i] = m.match(a, &sc)
	}
	return out
}

// MaxAnswerBytes bounds the answer Match reads: 4096 bytes, far beyond a
// "how did you hear about us?" answer; a longer one is BucketUnmatched.
const MaxAnswerBytes = 4096

func (m *Matcher) match(answer string, sc *scratch) Match {
	if m == nil || len(answer) > MaxAnswerBytes {
		return Match{Bucket: BucketUnmatched, Text: answer}
	}
	sc.norm = appendNormalized(sc.norm[:0], answer)
	sc.words = sc.words[:0]
	start := 0
	for i := 0; i <= len(sc.norm); i++ {
		if i == len(sc.norm) || sc.norm[i] == ' ' {
			if i > start {
				sc.words = append(sc.words, [2]int{start, i})
			}
			start = i + 1
		}
	}
	sc.hits = sc.hits[:0]
	m.exactHits(sc)
	if !m.exactOnly && len(m.keys) > 0 {
		m.fuzzyHits(sc)
	}
	return m.resolve(answer, sc.hits)
}

// gramOf writes words[i..j] joined without spaces into sc.gram.
func (sc *scratch) gramOf(i, j int) {
	sc.gram = sc.gram[:0]
	for k := i; k <= j; k++ {
		sc.gram = append(sc.gram, sc.norm[sc.words[k][0]:sc.words[k][1]]...)
	}
}

func (m *Matcher) exactHits(sc *scratch) {
	for i := range sc.words {
		for j := i; j < len(sc.words) && j-i < m.maxWords; j++ {
			sc.gramOf(i, j)
			if utf8.RuneCount(sc.gram) > m.maxRunes {
				break
			}
			for _, t := range m.exact[string(sc.gram)] {
				sc.hits = append(sc.hits, hit{t: t, from: i, to: j})
			}
		}
	}
}

// fuzzyHits adds the typo matches of runs that overlap no exact hit.
func (m *Matcher) fuzzyHits(sc *scratch) {
	exact := len(sc.hits)
	for i := range sc.words {
		for j := i; j < len(sc.words) && j-i < m.maxWords; j++ {
			if overlaps(sc.hits[:exact], i, j) {
				continue
			}
			sc.gramOf(i, j)
			sc.runes = sc.runes[:0]
			for _, r := range string(sc.gram) {
				sc.runes = append(sc.runes, r)
			}
			n := len(sc.runes)
			if n > m.maxRunes+2 {
				break
			}
			if n < 5 {
				continue
			}
			m.fuzzyGram(sc, i, j)
		}
	}
}

// fuzzyGram compares sc.runes (words i..j) with the keys sharing one of its
// deletion variants and adds a hit for each within its tolerance.
func (m *Matcher) fuzzyGram(sc *scratch, i, j int) {
	del := 1
	if len(sc.runes) >= 8 {
		del = 2
	}
	sc.cands = sc.cands[:0]
	sc.h.reset(sc.runes)
	sc.h.variants(del, func(x uint64) {
		if m.mayHave(x) {
			sc.cands = append(sc.cands, m.deletions[x]...)
		}
	})
	slices.Sort(sc.cands)
	sc.cands = slices.Compact(sc.cands)
	for _, ki := range sc.cands {
		k := &m.keys[ki]
		if d := osa(sc.runes, k.runes, k.edits, &sc.rows); d <= k.edits {
			sc.hits = append(sc.hits, hit{t: k.target, from: i, to: j, edits: d})
		}
	}
}

func overlaps(hits []hit, i, j int) bool {
	for _, h := range hits {
		if h.from <= j && i <= h.to {
			return true
		}
	}
	return false
}

// resolve turns the hits into one bucket (rules 2 and 3 of Match).
func (m *Matcher) resolve(answer string, hits []hit) Match {
	best := map[target]int{} // target → fewest edits
	spans := hitSpans(hits)
	for _, h := range hits {
		if insideLonger(spans, h) {
			continue
		}
		if e, ok := best[h.t]; !ok || h.edits < e {
			best[h.t] = h.edits
		}
	}
	var creators, channels []target
	for t := range best {
		if int(t) < m.nCreators {
			creators = append(creators, t)
		} else {
			channels = append(channels, t)
		}
	}
	pick := creators
	bucket := BucketCreator
	if len(pick) == 0 {
		pick, bucket = channels, BucketChannel
	}
	switch len(pick) {
	case 0:
		return Match{Bucket: BucketUnmatched, Text: answer}
	case 1:
		return Match{Bucket: bucket, Name: m.names[pick[0]], Edits: best[pick[0]], Text: answer}
	}
	out := Match{Bucket: BucketAmbiguous, Text: answer, Edits: best[pick[0]]}
	for _, t := range pick {
		out.Candidates = append(out.Candidates, m.names[t])
		out.Edits = min(out.Edits, best[t])
	}
	slices.Sort(out.Candidates)
	return out
}

// hitSpans returns, per first word, the set of the hits' lengths in words
// minus one (bit l: a hit spans words [from, from+l]). A hit spans at most
// MaxKeyWords words (exactHits and fuzzyHits stop there), so each set is
// a uint64 and resolve's containment test costs O(MaxKeyWords²) per hit,
// not O(hits): linear in the answer.
func hitSpans(hits []hit) map[int]uint64 {
	spans := make(map[int]uint64, len(hits))
	for _, h := range hits {
		if l := h.to - h.from; l >= 0 && l < 64 {
			spans[h.from] |= 1 << l
		}
	}
	return spans
}

// insideLonger reports whether a longer hit of spans contains h's words.
func insideLonger(spans map[int]uint64, h hit) bool {
	n := h.to - h.from // h's length minus one
	for f := h.from; f >= 0 && h.from-f < 64; f-- {
		set := spans[f]
		// lengths l with f+l ≥ h.to (covers h) and l > n (longer)
		lo := max(h.to-f, n+1)
		if lo < 64 && set>>lo != 0 {
			return true
		}
		if h.from-f >= MaxKeyWords {
			break
		}
	}
	return false
}
