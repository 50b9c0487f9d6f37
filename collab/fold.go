package collab

import (
	"unicode"
	"unicode/utf8"
)

// Fold returns s folded for matching captions, the same way whatever the
// caption's language:
//
//   - the four Turkish and English i's (I, İ, ı, i) are one letter, so
//     "#İşbirliği", "#işbirliği", "#IŞBIRLIĞI" and "#ISBİRLİĞİ"... fold to
//     the same tag as their lower-case Turkish spelling (a Turkish "I" is
//     "ı", an English one "i": matching must accept both);
//   - a combining dot above (U+0307, as in a decomposed "İ") is dropped, and
//     a combining cedilla, breve or diaeresis after s, c, g, o or u is
//     composed with it (ş, ç, ğ, ö, ü), so decomposed Turkish text matches
//     composed text;
//   - every other letter is folded by Unicode simple case folding to its
//     lower case (Σ, σ and ς fold alike; K, the Kelvin sign and k alike).
//
// Fold does not remove other accents (“é” and “e” differ) and does not
// expand letters (“ß” is not “ss”). The folding itself is internal/fold's,
// shared with feedback's roster matcher.
func Fold(s string) string {
	var sc scanner
	sc.scan(s, false)
	return string(sc.buf)
}

// isWord reports whether r continues a word, hashtag or mention: a letter,
// digit, combining mark or "_".
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || ('0' <= r && r <= '9') || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}
