// Package fold is the module's one Turkish-correct case folding, shared by
// collab (captions, hashtags, mentions) and feedback (survey answers matched
// to a creator roster). It folds rune by rune so that callers can fold and
// scan in one pass without allocating:
//
//   - the four Turkish and English i's (I, İ, ı, i) are one letter, so
//     "İşbirliği", "işbirliği", "IŞBIRLIĞI" and "ISBİRLİĞİ" fold to the same
//     text as their lower-case Turkish spelling (a Turkish "I" is "ı", an
//     English one "i": matching must accept both);
//   - a combining dot above (U+0307, as in a decomposed "İ") is dropped, and
//     a combining cedilla, breve or diaeresis after s, c, g, o or u is
//     composed with it (ş, ç, ğ, ö, ü), so decomposed Turkish text matches
//     composed text;
//   - every other letter is folded by Unicode simple case folding to its
//     lower case (Σ, σ and ς fold alike; K, the Kelvin sign and k alike).
//
// It does not remove other accents ("é" and "e" differ) and does not expand
// letters ("ß" is not "ss"); callers that need that (feedback's matcher) do
// it after folding.
package fold

import (
	"unicode"
	"unicode/utf8"
)

// Rune folds r after prev (the previous folded rune, or -1 at the start):
// it returns the folded rune and whether to write it (keep), or compose =
// true when f replaces prev (a combining mark composed with the letter
// before it). A dropped rune (a combining dot above) returns keep = false
// and compose = false.
func Rune(prev, r rune) (f rune, keep, compose bool) {
	switch r {
	case 'I', 'İ', 'ı', 'i':
		return 'i', true, false
	case '\u0307': // combining dot above: part of a decomposed İ
		return 0, false, false
	case '\u0327', '\u0306', '\u0308': // cedilla, breve, diaeresis
		if c, ok := composeTurkish(prev, r); ok {
			return c, false, true
		}
		return r, true, false
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r, true, false
	}
	return unicode.ToLower(unicode.ToUpper(r)), true, false
}

func composeTurkish(base, mark rune) (rune, bool) {
	switch {
	case mark == '\u0327' && base == 's':
		return 'ş', true
	case mark == '\u0327' && base == 'c':
		return 'ç', true
	case mark == '\u0306' && base == 'g':
		return 'ğ', true
	case mark == '\u0308' && base == 'o':
		return 'ö', true
	case mark == '\u0308' && base == 'u':
		return 'ü', true
	}
	return 0, false
}
