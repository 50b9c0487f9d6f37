package collab

import (
	"unicode/utf8"

	"github.com/influencekit/influencekit/internal/fold"
)

// token is a word, hashtag or mention of a folded caption.
type token struct {
	kind byte // '#' hashtag, '@' mention, ' ' plain word
	a, b int  // byte span of the folded text, without the '#' or '@'
	at   int  // rune offset in the caption as written where it starts ('#' and '@' included)
}

// scanner folds a caption into buf and, when asked, cuts it into tokens: a
// token is a maximal run of word runes (letters, digits, marks, "_");
// after "#" it is a hashtag, after "@" a mention (which may hold dots, a
// trailing dot excluded).
type scanner struct {
	buf  []byte
	toks []token
}

func (s *scanner) scan(caption string, tokens bool) {
	s.buf, s.toks = s.buf[:0], s.toks[:0]
	if cap(s.buf) < len(caption) {
		s.buf = make([]byte, 0, len(caption)) // folding keeps the length, but for invalid bytes (3 each)
	}
	var prev rune = -1
	in := false
	var cur token
	ri := -1
	for _, r := range caption {
		ri++
		f, keep, compose := r, true, false
		switch {
		case r < utf8.RuneSelf: // ASCII folds to its lower case (fold.Rune's own rule), without a call
			if 'A' <= r && r <= 'Z' {
				f = r + 'a' - 'A'
			}
		case r != utf8.RuneError: // invalid UTF-8 folds to itself: skip the case tables
			f, keep, compose = fold.Rune(prev, r)
		}
		if compose {
			s.buf = utf8.AppendRune(s.buf[:len(s.buf)-utf8.RuneLen(prev)], f)
			prev = f
			continue
		}
		if !keep {
			continue
		}
		if tokens {
			w := isWord(f) || (in && cur.kind == '@' && f == '.')
			if in && !w {
				s.end(cur)
				in = false
			}
			if !in && w {
				in = true
				cur = token{kind: ' ', a: len(s.buf), at: ri}
				if prev == '#' || prev == '@' {
					cur.kind, cur.at = byte(prev), ri-1
				}
			}
		}
		s.buf = utf8.AppendRune(s.buf, f)
		prev = f
	}
	if tokens && in {
		s.end(cur)
	}
}

func (s *scanner) end(t token) {
	t.b = len(s.buf)
	for t.kind == '@' && t.b > t.a && s.buf[t.b-1] == '.' {
		t.b--
	}
	s.toks = append(s.toks, t)
}

func (s *scanner) text(t token) []byte { return s.buf[t.a:t.b] }
