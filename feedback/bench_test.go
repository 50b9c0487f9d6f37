package feedback

import (
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

var syllables = []string{"an", "na", "ka", "ya", "ay", "şe", "yıl", "maz", "ır", "mak", "de", "niz", "meh", "met", "öz", "türk", "el", "if", "şa", "hin", "ce", "ren", "gül", "can", "ber", "ke", "lo", "mi", "ra", "zo"}

// syntheticRoster returns n creators with made-up Turkish-looking names and
// handles; seeded, so every run sees the same roster.
func syntheticRoster(r *rand.Rand, n int) []Creator {
	out := make([]Creator, n)
	for i := range out {
		first, last := word(r, 2+r.IntN(2)), word(r, 2+r.IntN(2))
		out[i] = Creator{Handle: "@" + strings.ToLower(first+"."+last) + strconv.Itoa(i), Name: first + " " + last}
	}
	return out
}

func word(r *rand.Rand, syl int) string {
	var b strings.Builder
	for range syl {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// typo applies one random edit to s.
func typo(r *rand.Rand, s string) string {
	rs := []rune(s)
	if len(rs) < 2 {
		return s
	}
	i := r.IntN(len(rs) - 1)
	switch r.IntN(3) {
	case 0:
		rs = append(rs[:i], rs[i+1:]...)
	case 1:
		rs[i], rs[i+1] = rs[i+1], rs[i]
	default:
		rs[i] = 'x'
	}
	return string(rs)
}

// syntheticAnswers mixes what post-purchase surveys get: exact handles,
// names in other cases and with typos, channels, free text naming nobody,
// and two creators at once.
func syntheticAnswers(r *rand.Rand, roster []Creator, n int) []string {
	free := []string{"google", "a friend told me", "saw it on TV", "instagram ad", "I don't remember", "podcast", "tiktok", "youtube review"}
	out := make([]string, n)
	for i := range out {
		c := roster[r.IntN(len(roster))]
		switch r.IntN(6) {
		case 0:
			out[i] = c.Handle
		case 1:
			out[i] = strings.ToUpper(c.Name)
		case 2:
			out[i] = "saw " + typo(r, c.Name) + "'s video"
		case 3:
			out[i] = free[r.IntN(len(free))]
		case 4:
			out[i] = c.Name + " and " + roster[r.IntN(len(roster))].Name
		default:
			out[i] = "from " + strings.ToLower(c.Name) + " on instagram"
		}
	}
	return out
}

func TestMatchDifferential(t *testing.T) {
	r := rand.New(rand.NewPCG(14, 5))
	ros := syntheticRoster(r, 200)
	m, err := NewMatcher(ros, channels, MatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	buckets := [4]int{}
	for _, a := range syntheticAnswers(r, ros, 1000) {
		got := m.Match(a)
		buckets[got.Bucket]++
		if want := m.resolve(a, m.slowHits(a)); !reflect.DeepEqual(got, want) {
			t.Fatalf("Match(%q) = %+v, brute force %+v", a, got, want)
		}
	}
	t.Logf("buckets (unmatched, creator, channel, ambiguous): %v", buckets)
}

// BenchmarkMatch matches 10⁶ synthetic answers against a roster of 1,000
// creators and 4 channels; one op is the whole 10⁶ (see the ns/answer
// metric). Smaller sizes show the per-answer cost is flat.
func BenchmarkMatch(b *testing.B) {
	r := rand.New(rand.NewPCG(14, 6))
	ros := syntheticRoster(r, 1000)
	m, err := NewMatcher(ros, channels, MatchOptions{})
	if err != nil {
		b.Fatal(err)
	}
	all := syntheticAnswers(r, ros, 1_000_000)
	for _, n := range []int{1_000, 1_000_000} {
		answers := all[:n]
		b.Run("answers="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m.MatchAll(answers)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/answer")
		})
	}
}

// BenchmarkNewMatcher indexes a roster of 1,000 creators.
func BenchmarkNewMatcher(b *testing.B) {
	ros := syntheticRoster(rand.New(rand.NewPCG(14, 6)), 1000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewMatcher(ros, channels, MatchOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
