package feedback

import (
	"errors"
	"slices"
	"testing"
)

var roster = []Creator{
	{Handle: "@anna.kaya", Name: "Anna Kaya"},
	{Handle: "ayse_yilmaz", Name: "Ayşe Yılmaz", Aliases: []string{"Ayşe"}},
	{Handle: "@IrmakDeniz", Name: "Irmak Deniz"},
	{Handle: "@mehmet", Name: "Mehmet Öztürk"},
	{Handle: "@kaya.anna"}, // a second "anna": "anna" alone names nobody
	{Handle: "@glowwithelif", Name: "Elif Şahin", Aliases: []string{"Elif"}},
	{Handle: "@elif.sahinn", Aliases: []string{"Elif"}}, // "Elif" names two creators
}

var channels = []Source{
	{Name: "Search", Aliases: []string{"google", "bing"}},
	{Name: "Friend", Aliases: []string{"a friend", "word of mouth"}},
	{Name: "TV"},
	{Name: "Instagram ad", Aliases: []string{"instagram"}},
}

func TestMatch(t *testing.T) {
	m, err := NewMatcher(roster, channels, MatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		in     string
		bucket Bucket
		name   string
		cands  []string
		edits  int
	}{
		{"@anna.kaya", BucketCreator, "anna.kaya", nil, 0},
		{"Anna Kaya", BucketCreator, "anna.kaya", nil, 0},
		{"ANNA KAYA'S reel on instagram", BucketCreator, "anna.kaya", nil, 0}, // creator beats the channel
		{"annakaya", BucketCreator, "anna.kaya", nil, 0},
		{"@ana.kaya", BucketCreator, "anna.kaya", nil, 1},     // 8 letters: one edit (a deletion)
		{"anna kyaa", BucketCreator, "anna.kaya", nil, 1},     // a transposition is one edit
		{"AYŞE YILMAZ", BucketCreator, "ayse_yilmaz", nil, 0}, // Turkish capitals, dotless I
		{"ayse yilmaz", BucketCreator, "ayse_yilmaz", nil, 0}, // diacritics removed
		{"Ayse Yılmz", BucketCreator, "ayse_yilmaz", nil, 0},  // the alias "Ayşe" matches exactly; "yilmz" is not looked at
		{"Irmak Denz", BucketCreator, "IrmakDeniz", nil, 1},   // "irmakdenz" is one deletion from "irmakdeniz"
		{"irmk denz", BucketCreator, "IrmakDeniz", nil, 2},    // 10 letters tolerate two edits
		{"irmk dnz", BucketUnmatched, "", nil, 0},             // three edits
		{"İRMAK DENİZ", BucketCreator, "IrmakDeniz", nil, 0},  // dotted capital İ
		{"ırmak deniz", BucketCreator, "IrmakDeniz", nil, 0},  // dotless ı
		{"mehmet öztürk", BucketCreator, "mehmet", nil, 0},    // "mehmet" inside "mehmet öztürk" is the same creator
		{"Elif", BucketAmbiguous, "", []string{"elif.sahinn", "glowwithelif"}, 0},
		{"anna and mehmet", BucketCreator, "mehmet", nil, 0}, // "anna" alone is nobody's key (two handles contain it)
		{"@anna.kaya and @mehmet", BucketAmbiguous, "", []string{"anna.kaya", "mehmet"}, 0},
		{"google", BucketChannel, "Search", nil, 0},
		{"From a friend", BucketChannel, "Friend", nil, 0}, // "a friend" and "friend" are one channel
		{"tv and google", BucketAmbiguous, "", []string{"Search", "TV"}, 0},
		{"gogle", BucketChannel, "Search", nil, 1}, // "google" has 6 letters: one edit
		{"gugel", BucketUnmatched, "", nil, 0},     // three edits from "google"
		{"tvv", BucketUnmatched, "", nil, 0},       // "tv" is too short for typos
		{"mehmt", BucketCreator, "mehmet", nil, 1}, // "mehmet" has 6 letters: one edit
		{"", BucketUnmatched, "", nil, 0},
		{"!!!", BucketUnmatched, "", nil, 0},
		{"a podcast", BucketUnmatched, "", nil, 0},
	} {
		got := m.Match(c.in)
		if got.Bucket != c.bucket || got.Name != c.name || !slices.Equal(got.Candidates, c.cands) || got.Edits != c.edits || got.Text != c.in {
			t.Errorf("Match(%q) = %+v, want %v %q %q edits %d", c.in, got, c.bucket, c.name, c.cands, c.edits)
		}
	}
}

func TestMatchShortKeys(t *testing.T) {
	// Keys under 6 letters must match exactly: "denim" is not "Deniz".
	m, err := NewMatcher([]Creator{{Handle: "@deniz"}, {Handle: "@burak"}}, nil, MatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{"denim jacket", "brak", "burakk"} {
		if got := m.Match(a); got.Bucket != BucketUnmatched {
			t.Errorf("Match(%q) = %+v, want unmatched", a, got)
		}
	}
	// Exact: no typo tolerated anywhere.
	m, _ = NewMatcher(roster, channels, MatchOptions{Exact: true})
	if got := m.Match("irmak denz"); got.Bucket != BucketUnmatched {
		t.Errorf("Exact: %+v", got)
	}
	if got := m.Match("IRMAK DENIZ"); got.Bucket != BucketCreator {
		t.Errorf("Exact, exact text: %+v", got)
	}
}

func TestNewMatcherErrors(t *testing.T) {
	for _, c := range []struct {
		name     string
		creators []Creator
		channels []Source
		want     error
	}{
		{"no creators", nil, nil, ErrEmpty},
		{"empty handle", []Creator{{Handle: " @ "}}, nil, ErrInvalid},
		{"punctuation handle", []Creator{{Handle: "@..."}}, nil, ErrInvalid},
		{"duplicate handle", []Creator{{Handle: "@a.b"}, {Handle: "A_B"}}, nil, ErrDuplicate},
		{"duplicate channel", []Creator{{Handle: "x"}}, []Source{{Name: "TV"}, {Name: "tv"}}, ErrDuplicate},
		{"empty channel", []Creator{{Handle: "x"}}, []Source{{Name: ""}}, ErrInvalid},
		{"long alias", []Creator{{Handle: "x", Aliases: []string{"a b c d e f g h i"}}}, nil, ErrTooLarge},
	} {
		if _, err := NewMatcher(c.creators, c.channels, MatchOptions{}); !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
}
