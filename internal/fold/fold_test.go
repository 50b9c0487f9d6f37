package fold

import (
	"testing"
	"unicode/utf8"
)

// str folds s the way collab.Fold does: compose replaces the previous rune.
func str(s string) string {
	var buf []byte
	prev := rune(-1)
	for _, r := range s {
		f, keep, compose := Rune(prev, r)
		switch {
		case compose:
			buf = utf8.AppendRune(buf[:len(buf)-utf8.RuneLen(prev)], f)
		case !keep:
			continue
		default:
			buf = utf8.AppendRune(buf, f)
		}
		prev = f
	}
	return string(buf)
}

func TestRune(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"İşbirliği", "işbirliği"},
		{"IŞBIRLIĞI", "işbirliği"}, // dotless capital I and ı fold with i
		{"ışbırlığı", "işbirliği"},
		{"I\u0307ŞBİRLİĞİ", "işbirliği"},       // decomposed İ
		{"is\u0327birlig\u0306i", "işbirliği"}, // decomposed ş and ğ compose
		{"Çocuk ÖZÜ", "çocuk özü"},
		{"ΣΊΣΥΦΟΣ ς", "σίσυφοσ σ"}, // final sigma folds with σ
		{"\u212a", "k"},            // Kelvin sign
		{"a\u0308", "a\u0308"},     // diaeresis after a is not composed
		{"é", "é"},
	} {
		if got := str(c.in); got != c.want {
			t.Errorf("fold %q = %q, want %q", c.in, got, c.want)
		}
	}
}
