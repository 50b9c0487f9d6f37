package feedback

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func FuzzReadSurvey(f *testing.F) {
	f.Add(formExport)
	f.Add(creatorSurvey)
	f.Add("q\n\"a\nb\",\n")
	f.Add("Timestamp,Order ID,q\n2024-01-01,1,10 (yes)\n,,\n")
	f.Add("\ufeffa,a\n1,2")
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ReadSurvey(strings.NewReader(in), Layout{})
		s2, err2 := ReadSurvey(strings.NewReader(in), Layout{})
		if (err == nil) != (err2 == nil) || !reflect.DeepEqual(s, s2) {
			t.Fatalf("not deterministic: %v / %v", err, err2)
		}
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		for _, r := range s.Responses {
			if len(r.Answers) != len(s.Questions) {
				t.Fatalf("line %d: %d answers for %d questions", r.Line, len(r.Answers), len(s.Questions))
			}
		}
		for _, q := range s.Questions {
			rs, err := s.Ratings(q, 0, 10)
			if err != nil {
				var pe *ParseError
				if !errors.As(err, &pe) || !(errors.Is(err, ErrSyntax) || errors.Is(err, ErrInvalid)) {
					t.Fatalf("Ratings(%q): %v", q, err)
				}
				continue
			}
			for _, r := range rs {
				if r.Value < 0 || r.Value > 10 || s.answer(r.Response, 0) == "\x00" {
					t.Fatalf("Ratings(%q) = %v", q, rs)
				}
			}
			if _, err := s.Choices(q, ""); err != nil {
				t.Fatalf("Choices(%q): %v", q, err)
			}
		}
	})
}

// slowHits finds the hits of answer by comparing every run of words with
// every key, the obvious way (the reference the indexed matcher is fuzzed
// against).
func (m *Matcher) slowHits(answer string) []hit {
	words := strings.Fields(normalize(answer))
	type key struct {
		r []rune
		t target
	}
	var keys []key
	for k, ts := range m.exact {
		for _, t := range ts {
			keys = append(keys, key{[]rune(k), t})
		}
	}
	var rows [3][]int
	var hits []hit
	for i := range words {
		for j := i; j < len(words) && j-i < m.maxWords; j++ {
			g := []rune(strings.Join(words[i:j+1], ""))
			for _, k := range keys {
				if string(g) == string(k.r) {
					hits = append(hits, hit{t: k.t, from: i, to: j})
				}
			}
		}
	}
	if m.exactOnly {
		return hits
	}
	exact := len(hits)
	for i := range words {
		for j := i; j < len(words) && j-i < m.maxWords; j++ {
			g := []rune(strings.Join(words[i:j+1], ""))
			if overlaps(hits[:exact], i, j) || len(g) < 5 {
				continue
			}
			for _, k := range keys {
				e := allowedEdits(len(k.r))
				if e > 0 && string(g) != string(k.r) {
					if dd := osa(g, k.r, e, &rows); dd <= e {
						hits = append(hits, hit{t: k.t, from: i, to: j, edits: dd})
					}
				}
			}
		}
	}
	return hits
}

func checkMatch1(t *testing.T, m *Matcher, answer string, got Match) {
	t.Helper()
	if got.Text != answer {
		t.Fatalf("Text = %q, want %q", got.Text, answer)
	}
	isCreator := func(n string) bool { return slices.Contains(m.names[:m.nCreators], n) }
	isChannel := func(n string) bool { return slices.Contains(m.names[m.nCreators:], n) }
	switch got.Bucket {
	case BucketCreator:
		if !isCreator(got.Name) || got.Candidates != nil {
			t.Fatalf("creator match %+v", got)
		}
	case BucketChannel:
		if !isChannel(got.Name) || got.Candidates != nil {
			t.Fatalf("channel match %+v", got)
		}
	case BucketAmbiguous:
		if got.Name != "" || len(got.Candidates) < 2 || !slices.IsSorted(got.Candidates) {
			t.Fatalf("ambiguous match %+v", got)
		}
	case BucketUnmatched:
		if got.Name != "" || got.Candidates != nil || got.Edits != 0 {
			t.Fatalf("unmatched %+v", got)
		}
	default:
		t.Fatalf("bucket %v", got.Bucket)
	}
}

func FuzzMatch(f *testing.F) {
	for _, s := range []string{"@anna.kaya", "Ayse Yılmz", "irmk denz", "elif", "tv and google", "a podcast", "ANNA KAYA'S reel", "gogle", ""} {
		f.Add(s, "@new.creator")
	}
	f.Add("İRMAK DENİZ and mehmet", "Irmak")
	f.Fuzz(func(t *testing.T, answer, extra string) {
		r := append(slices.Clone(roster), Creator{Handle: extra})
		m, err := NewMatcher(r, channels, MatchOptions{})
		if err != nil {
			if !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrDuplicate) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("NewMatcher: %v", err)
			}
			m, _ = NewMatcher(roster, channels, MatchOptions{})
		}
		got := m.Match(answer)
		if again := m.Match(answer); !reflect.DeepEqual(got, again) {
			t.Fatalf("not deterministic: %+v / %+v", got, again)
		}
		checkMatch1(t, m, answer, got)
		if all := m.MatchAll([]string{answer, answer}); !reflect.DeepEqual(all[1], got) {
			t.Fatalf("MatchAll = %+v, Match = %+v", all[1], got)
		}
		if want := m.resolve(answer, m.slowHits(answer)); !reflect.DeepEqual(got, want) {
			t.Fatalf("Match(%q) = %+v, brute force %+v", answer, got, want)
		}
	})
}
