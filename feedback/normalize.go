package feedback

import (
	"unicode"
	"unicode/utf8"

	"github.com/influencekit/influencekit/internal/fold"
)

// The letters whose diacritics normalize removes: accented[i] becomes
// plain[i]. Generated from Unicode's canonical decompositions (NFD) of the
// lower-case letters of Latin-1 Supplement, Latin Extended-A and -B, Latin
// Extended Additional, Greek and Greek Extended that decompose into a
// letter and combining marks (é → e, ş → s, ά → α), plus ð → d, đ → d,
// ħ → h, ł → l, ø → o, ŧ → t (letters with a stroke, no decomposition);
// expanded below are ß → ss, æ → ae, œ → oe, þ → th. Cyrillic is left as it
// is (й is a letter of its own, not и with a mark).
const (
	accented = "" +
		"àáâãäåçèéêëìíîïðñòóôõöøùúûüýÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľł" +
		"ńņňōŏőŕŗřśŝşšţťŧũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǣǧǩǫǭǯǰǵǹǻǽǿȁȃȅȇȉȋȍȏȑ" +
		"ȓȕȗșțȟȧȩȫȭȯȱȳΐάέήίΰϊϋόύώϓϔḁḃḅḇḉḋḍḏḑḓḕḗḙḛḝḟḡḣḥḧḩḫḭḯḱḳḵḷḹḻḽḿṁṃ" +
		"ṅṇṉṋṍṏṑṓṕṗṙṛṝṟṡṣṥṧṩṫṭṯṱṳṵṷṹṻṽṿẁẃẅẇẉẋẍẏẑẓẕẖẗẘẙẛạảấầẩẫậắằẳẵặẹẻ" +
		"ẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹἀἁἂἃἄἅἆἇἐἑἒἓἔἕἠἡἢἣἤἥἦἧἰἱἲἳἴἵἶ" +
		"ἷὀὁὂὃὄὅὐὑὒὓὔὕὖὗὠὡὢὣὤὥὦὧὰάὲέὴήὶίὸόὺύὼώᾀᾁᾂᾃᾄᾅᾆᾇᾐᾑᾒᾓᾔᾕᾖᾗᾠᾡᾢᾣᾤᾥᾦ" +
		"ᾧᾰᾱᾲᾳᾴᾶᾷῂῃῄῆῇῐῑῒΐῖῗῠῡῢΰῤῥῦῧῲῳῴῶῷ"
	plain = "" +
		"aaaaaaceeeeiiiidnoooooouuuuyyaaaccccddeeeeegggghhiiiiijkllll" +
		"nnnooorrrsssstttuuuuuuwyzzzouaiouuuuuaaægkooʒjgnaæøaaeeiioor" +
		"ruusthaeooooyιαεηιυιυουωϒϒabbbcdddddeeeeefghhhhhiikkkllllmmm" +
		"nnnnoooopprrrrsssssttttuuuuuvvwwwwwxxyzzzhtwyſaaaaaaaaaaaaee" +
		"eeeeeeiioooooooooooouuuuuuuyyyyααααααααεεεεεεηηηηηηηηιιιιιιι" +
		"ιοοοοοουυυυυυυυωωωωωωωωααεεηηιιοουυωωααααααααηηηηηηηηωωωωωωω" +
		"ωαααααααηηηηηιιιιιιυυυυρρυυωωωωω"
)

// strip maps a folded letter to its letters without diacritics.
var strip = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'þ': "th"}
	p := []rune(plain)
	for i, r := range []rune(accented) {
		m[r] = string(p[i])
	}
	return m
}()

// normalize returns s as the matcher compares it: Turkish-correct case
// folding (internal/fold: I, İ, ı and i are one letter), diacritics removed
// (ş → s, é → e, ß → ss; combining marks dropped), and every run of
// characters other than letters and digits (spaces, punctuation, "@", "#",
// emoji) made one space, with none at either end. "@Ayşe.Yılmaz!" becomes
// "ayse yilmaz".
func normalize(s string) string { return string(appendNormalized(nil, s)) }

// appendNormalized appends normalize(s) to buf.
func appendNormalized(buf []byte, s string) []byte {
	start := len(buf)
	prev := rune(-1)
	space := false
	for _, r := range s {
		f, keep, compose := fold.Rune(prev, r)
		if compose || !keep {
			continue // a composed or dropped mark: the base letter stays bare
		}
		prev = f
		switch {
		case f < utf8.RuneSelf && ('a' <= f && f <= 'z' || '0' <= f && f <= '9'):
		case f < utf8.RuneSelf:
			space = true
			continue
		case unicode.Is(unicode.Mn, f):
			continue
		case !unicode.IsLetter(f) && !unicode.IsDigit(f):
			space = true
			continue
		}
		if space && len(buf) > start {
			buf = append(buf, ' ')
		}
		space = false
		if p, ok := strip[f]; ok {
			buf = append(buf, p...)
		} else {
			buf = utf8.AppendRune(buf, f)
		}
	}
	return buf
}
