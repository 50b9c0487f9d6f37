package kpi

import (
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// slowRate is the obvious reference for Formula.Rate: exact rationals from
// math/big for every post, a full sort for the median, one rounding at the
// end. It returns ok=false where Rate must fail: also on any post whose
// Hidden names a count that is not zero, or a bit beyond AllFields.
func slowRate(f Formula, posts []Post) (decimal.Decimal, bool) {
	type r struct{ e, b *big.Int }
	var rs []r
	in := f.Interactions
	if in == 0 { // the zero Interactions means likes + comments
		in = Likes | Comments
	}
	for _, p := range posts {
		if contradicts(p) {
			return decimal.Decimal{}, false
		}
	}
	for _, p := range posts {
		if p.Hidden&f.Needs() != 0 {
			continue
		}
		e := new(big.Int)
		for _, x := range []struct {
			i Interaction
			v int64
		}{{Likes, p.Likes}, {Comments, p.Comments}, {Shares, p.Shares}, {Saves, p.Saves}} {
			if in&x.i != 0 {
				if x.v < 0 {
					return decimal.Decimal{}, false
				}
				e.Add(e, big.NewInt(x.v))
			}
		}
		if !e.IsInt64() {
			return decimal.Decimal{}, false
		}
		b, _ := p.Count(f.Base.Field())
		if b < 0 || (b == 0 && f.Average != PooledRate) {
			return decimal.Decimal{}, false
		}
		rs = append(rs, r{e, big.NewInt(b)})
	}
	if len(rs) == 0 {
		return decimal.Decimal{}, false
	}
	var q *big.Rat
	switch f.Average {
	case PooledRate:
		se, sb := new(big.Int), new(big.Int)
		for _, x := range rs {
			se.Add(se, x.e)
			sb.Add(sb, x.b)
		}
		if sb.Sign() == 0 {
			return decimal.Decimal{}, false
		}
		q = new(big.Rat).SetFrac(se, sb)
	case MeanOfRates:
		q = new(big.Rat)
		for _, x := range rs {
			q.Add(q, new(big.Rat).SetFrac(x.e, x.b))
		}
		q.Quo(q, new(big.Rat).SetInt64(int64(len(rs))))
	default:
		rats := make([]*big.Rat, len(rs))
		for i, x := range rs {
			rats[i] = new(big.Rat).SetFrac(x.e, x.b)
		}
		slices.SortFunc(rats, (*big.Rat).Cmp)
		n := len(rats)
		q = new(big.Rat).Set(rats[n/2])
		if n%2 == 0 {
			q.Add(q, rats[n/2-1])
			q.Quo(q, big.NewRat(2, 1))
		}
	}
	return roundRat(q), true
}

// roundRat rounds a non-negative rational half away from zero to 16 places:
// floor((2·num·10¹⁶ + den) / (2·den)).
func roundRat(q *big.Rat) decimal.Decimal {
	num := new(big.Int).Mul(q.Num(), new(big.Int).Exp(big.NewInt(10), big.NewInt(16), nil))
	num.Lsh(num, 1)
	den := new(big.Int).Lsh(q.Denom(), 1)
	num.Add(num, q.Denom())
	num.Quo(num, den)
	return decimal.NewFromBigInt(num, -16)
}

// contradicts reports whether p.Hidden names a count that is not zero, or a
// bit no count has.
func contradicts(p Post) bool {
	if p.Hidden&^AllFields != 0 {
		return true
	}
	for f, v := range map[Fields]int64{FieldLikes: p.Likes, FieldComments: p.Comments, FieldShares: p.Shares,
		FieldSaves: p.Saves, FieldFollowers: p.Followers, FieldViews: p.Views, FieldReach: p.Reach,
		FieldImpressions: p.Impressions, FieldClicks: p.Clicks, FieldConversions: p.Conversions} {
		if p.Hidden&f != 0 && v != 0 {
			return true
		}
	}
	return false
}

// clearHidden sets the counts that p.Hidden names to 0, as a consistent
// post has them.
func clearHidden(p *Post) {
	for f := FieldLikes; f <= FieldConversions; f <<= 1 {
		if p.Hidden&f != 0 {
			*p.field(f) = 0
		}
	}
}

func randomPosts(rng *rand.Rand, n int) []Post {
	posts := make([]Post, n)
	for i := range posts {
		pick := func() int64 {
			switch rng.IntN(8) {
			case 0:
				return 0
			case 1:
				return math.MaxInt64 / (1 + rng.Int64N(8))
			case 2:
				return 1 + rng.Int64N(10)
			default:
				return rng.Int64N(1 << (1 + rng.IntN(40)))
			}
		}
		posts[i] = Post{Likes: pick(), Comments: pick(), Shares: pick(), Saves: pick(),
			Followers: pick(), Reach: pick(), Views: pick(), Impressions: pick()}
		if rng.IntN(10) == 0 {
			posts[i].Hidden = Fields(rng.IntN(int(AllFields) + 1))
			if rng.IntN(3) > 0 { // two in three hidden posts are consistent; the rest contradict themselves
				clearHidden(&posts[i])
			}
		}
	}
	return posts
}

func allFormulas() []Formula {
	var fs []Formula
	for i := Interaction(0); i <= AllInteractions; i++ { // 0: the default, likes + comments
		for b := ByFollowers; b <= ByViews; b++ {
			for a := Average(0); a <= MedianRate; a++ {
				fs = append(fs, Formula{i, b, a})
			}
		}
	}
	return fs
}

// TestRateDifferential compares Rate with slowRate on random posts under every
// formula.
func TestRateDifferential(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	fs := allFormulas()
	for iter := 0; iter < 3000; iter++ {
		posts := randomPosts(rng, 1+rng.IntN(9))
		f := fs[rng.IntN(len(fs))]
		checkRate(t, f, posts)
	}
}

func checkRate(t *testing.T, f Formula, posts []Post) {
	t.Helper()
	want, ok := slowRate(f, posts)
	got, err := f.Rate(posts)
	if !ok {
		if err == nil {
			t.Fatalf("%v on %+v: got %s, want an error", f, posts, got)
		}
		return
	}
	if err != nil {
		t.Fatalf("%v on %+v: %v, want %s", f, posts, err, want)
	}
	if !got.Equal(want) {
		t.Fatalf("%v on %+v: got %s, want %s", f, posts, got, want)
	}
}

// TestMeanSlowPaths checks that the 38-place pass and the exact pass agree
// with the reference on random posts (they normally run only when the fast
// pass cannot decide).
func TestMeanSlowPaths(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	f := Formula{Likes | Comments, ByFollowers, MeanOfRates}
	for iter := 0; iter < 500; iter++ {
		posts := randomPosts(rng, 1+rng.IntN(6))
		for i := range posts {
			posts[i].Hidden = 0
			posts[i].Followers = max(1, posts[i].Followers)
			posts[i].Likes %= 1 << 60
			posts[i].Comments %= 1 << 60
		}
		want, ok := slowRate(f, posts)
		if !ok {
			t.Fatalf("reference failed on %+v", posts)
		}
		if got, err := f.meanSlow("test", posts, len(posts)); err != nil || !got.Equal(want) {
			t.Fatalf("meanSlow(%+v) = %s, %v, want %s", posts, got, err, want)
		}
		if got := meanExact(f.reader(), posts, len(posts)); !got.Equal(want) {
			t.Fatalf("meanExact(%+v) = %s, want %s", posts, got, want)
		}
	}
}

// TestMeanExactTie builds a mean that lies exactly on a rounding midpoint
// while no single rate has a finite decimal expansion, so that neither the
// 19- nor the 38-place pass can decide: 1/(3·10¹⁶) + 2/(3·10¹⁶) = 10⁻¹⁶,
// mean 5·10⁻¹⁷, which rounds half away from zero to 10⁻¹⁶.
func TestMeanExactTie(t *testing.T) {
	const b = 3 * 10_000_000_000_000_000
	posts := []Post{{Likes: 1, Followers: b}, {Likes: 2, Followers: b}}
	got, err := Formula{Likes, ByFollowers, MeanOfRates}.Rate(posts)
	if err != nil {
		t.Fatal(err)
	}
	if want := dec("0.0000000000000001"); !got.Equal(want) {
		t.Errorf("got %s, want %s", got, want)
	}
	// Just below the midpoint: 1/(3·10¹⁶) + 2/(3·10¹⁶ + 1) < 10⁻¹⁶ → rounds to 0.
	posts[1].Followers++
	got, err = Formula{Likes, ByFollowers, MeanOfRates}.Rate(posts)
	if err != nil {
		t.Fatal(err)
	}
	if !got.IsZero() {
		t.Errorf("below midpoint: got %s, want 0", got)
	}
}

func TestRateErrors(t *testing.T) {
	ok := Post{ID: "ok", Likes: 1, Followers: 10, Views: 10}
	tests := []struct {
		name  string
		f     Formula
		posts []Post
		want  error
		msg   string
	}{
		{"empty", Formula{Likes, ByFollowers, PooledRate}, nil, ErrEmpty, "kpi: Formula.Rate: posts: no posts"},
		// v0.2: the zero Formula is valid (TestZeroFormula); an unknown bit is not.
		{"unknown interaction", Formula{Interactions: 1 << 4}, []Post{ok}, ErrInvalid, "kpi: Formula.Rate: Interactions: unknown bits (0x10)"},
		{"bad base", Formula{Likes, 9, PooledRate}, []Post{ok}, ErrInvalid, "kpi: Formula.Rate: Base: out of range (Base(9))"},
		{"bad average", Formula{Likes, ByReach, 9}, []Post{ok}, ErrInvalid, "kpi: Formula.Rate: Average: out of range (Average(9))"},
		{"negative likes", Formula{Likes, ByFollowers, MeanOfRates}, []Post{ok, {Likes: -4, Followers: 3}}, ErrNegative,
			"kpi: Formula.Rate: posts[1].Likes: negative (-4)"},
		{"negative base", Formula{Likes, ByReach, MeanOfRates}, []Post{{Likes: 4, Reach: -3}}, ErrNegative,
			"kpi: Formula.Rate: posts[0].Reach: negative (-3)"},
		{"zero base mean", Formula{Likes, ByViews, MeanOfRates}, []Post{ok, {ID: "z", Likes: 4}}, ErrNonPositive,
			"kpi: Formula.Rate: posts[1].Views: not positive (0)"},
		{"zero base median", Formula{Likes, ByViews, MedianRate}, []Post{{ID: "z", Likes: 4}}, ErrNonPositive,
			"kpi: Formula.Rate: posts[0].Views: not positive (0)"},
		{"zero total pooled", Formula{Likes, ByViews, PooledRate}, []Post{{ID: "z", Likes: 4}}, ErrNonPositive,
			"kpi: Formula.Rate: posts: total views not positive (0)"},
		{"overflow", Formula{Likes | Comments, ByFollowers, PooledRate},
			[]Post{{ID: "big", Likes: math.MaxInt64, Comments: 1, Followers: 1}}, ErrOverflow,
			"kpi: Formula.Rate: posts[0]: engagements (likes+comments) overflow int64"},
		{"all hidden", Formula{Likes, ByFollowers, PooledRate}, []Post{{Hidden: FieldFollowers}, {Hidden: FieldLikes}}, ErrEmpty,
			"kpi: Formula.Rate: posts: all 2 skipped: each lacks a count the formula needs (likes|followers)"},
		// v0.2: a post contradicting its Hidden set is an error naming the
		// field, whatever the average and whether the formula reads it.
		{"hidden but not zero", Formula{Likes, ByFollowers, PooledRate},
			[]Post{ok, ok, ok, {Likes: 120, Followers: 10, Hidden: FieldLikes}}, ErrInvalid,
			"kpi: Formula.Rate: posts[3].Likes: hidden but not zero (120)"},
		{"hidden but not zero, mean", Formula{Likes, ByFollowers, MeanOfRates},
			[]Post{ok, {Likes: 1, Followers: 10, Clicks: 7, Hidden: FieldClicks}}, ErrInvalid,
			"kpi: Formula.Rate: posts[1].Clicks: hidden but not zero (7)"},
		{"hidden but not zero, median", Formula{Likes, ByFollowers, MedianRate},
			[]Post{{Likes: 1, Followers: 10, Hidden: FieldFollowers}}, ErrInvalid,
			"kpi: Formula.Rate: posts[0].Followers: hidden but not zero (10)"},
		{"unknown hidden bit", Formula{Likes, ByFollowers, PooledRate}, []Post{{Likes: 1, Followers: 10, Hidden: 1 << 12}}, ErrInvalid,
			"kpi: Formula.Rate: posts[0].Hidden: bits that name no count (0x1000)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.f.Rate(tt.posts)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if err.Error() != tt.msg {
				t.Errorf("message = %q\n want %q", err.Error(), tt.msg)
			}
		})
	}
	// A negative count in a field the formula does not read is ignored.
	if _, err := (Formula{Likes, ByFollowers, PooledRate}).Rate([]Post{{Likes: 1, Followers: 2, Saves: -1}}); err != nil {
		t.Errorf("unread negative field: %v", err)
	}
}

func FuzzRate(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, uint8(3), uint8(1), uint8(1))
	f.Add([]byte{255, 255, 255, 255, 255, 255, 255, 127, 0, 0, 0, 1}, uint8(15), uint8(4), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, inter, base, avg uint8) {
		var posts []Post
		rd := func() int64 {
			if len(data) == 0 {
				return 0
			}
			var v int64
			k := min(len(data), 1+int(data[0]%8))
			for _, b := range data[:k] {
				v = v<<8 | int64(b)
			}
			data = data[k:]
			return v
		}
		for len(data) > 0 && len(posts) < 64 {
			posts = append(posts, Post{Likes: rd(), Comments: rd(), Shares: rd(), Saves: rd(),
				Followers: rd(), Reach: rd(), Views: rd(), Impressions: rd(), Hidden: Fields(rd())})
		}
		fm := Formula{Interaction(inter), Base(base), Average(avg)}
		if fm.Validate() != nil {
			if _, err := fm.Rate(posts); err == nil {
				t.Fatalf("invalid formula %v accepted", fm)
			}
			return
		}
		checkRate(t, fm, posts)
	})
}

// TestMedianLarge exercises the quickselect (ranges above 16 posts) on
// random, sorted, reversed and constant rates against the full sort of
// slowRate.
func TestMedianLarge(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 17))
	f := Formula{Likes, ByFollowers, MedianRate}
	for iter := 0; iter < 300; iter++ {
		n := 17 + rng.IntN(400)
		posts := make([]Post, n)
		for i := range posts {
			switch iter % 4 {
			case 0: // random
				posts[i] = Post{Likes: rng.Int64N(1000), Followers: 1 + rng.Int64N(1000)}
			case 1: // increasing
				posts[i] = Post{Likes: int64(i), Followers: 1000}
			case 2: // decreasing, with equal rates written differently (i/1 = 2i/2)
				posts[i] = Post{Likes: int64(2 * (n - i)), Followers: 2}
			default: // few distinct values
				posts[i] = Post{Likes: int64(rng.IntN(3)), Followers: 7}
			}
		}
		checkRate(t, f, posts)
	}
}

// TestSelectFracBudget runs the quickselect with a budget of 0–2 partition
// rounds, so that it reaches the sort fallback used against adversarial
// inputs, and checks the k-th element against a full sort.
func TestSelectFracBudget(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 23))
	for iter := 0; iter < 200; iter++ {
		n := 20 + rng.IntN(200)
		a := make([]frac, n)
		for i := range a {
			// Organ-pipe and sawtooth shapes are hard for median-of-three.
			v := uint64(i % 5)
			if iter%2 == 0 {
				v = uint64(min(i, n-1-i))
			}
			a[i] = frac{v, 1 + uint64(rng.IntN(2))}
		}
		sorted := slices.Clone(a)
		slices.SortFunc(sorted, cmpFrac)
		k := rng.IntN(n)
		selectFracBudget(a, k, iter%3) // 0, 1 or 2 rounds before the fallback sort
		if cmpFrac(a[k], sorted[k]) != 0 {
			t.Fatalf("n=%d k=%d: got %v, want %v", n, k, a[k], sorted[k])
		}
		for i := 0; i < k; i++ {
			if cmpFrac(a[i], a[k]) > 0 {
				t.Fatalf("element %d before k is larger", i)
			}
		}
	}
}

func FuzzWeekly(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 200, 100, 7, 9}, int16(180))
	f.Fuzz(func(t *testing.T, data []byte, offsetMin int16) {
		loc := time.FixedZone("z", int(offsetMin)*60)
		base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		var posts []Post
		for i := 0; i+1 < len(data) && len(posts) < 200; i += 2 {
			posts = append(posts, Post{PublishedAt: base.Add(time.Duration(data[i])*37*time.Hour + time.Duration(data[i+1])*time.Minute),
				Likes: int64(data[i+1]), Followers: int64(data[i])})
		}
		weeks, err := Weekly(posts, Formula{Likes, ByFollowers, PooledRate}, loc)
		if err != nil {
			if len(posts) == 0 && errors.Is(err, ErrEmpty) {
				return
			}
			t.Fatal(err)
		}
		var total int64
		for i, w := range weeks {
			total += w.Totals.Posts
			if w.Start.Weekday() != time.Monday || w.Start.Hour() != 0 {
				t.Fatalf("week %d starts %v", i, w.Start)
			}
			if i > 0 && w.Start.Sub(weeks[i-1].Start) != 7*24*time.Hour {
				t.Fatalf("weeks %d and %d not consecutive", i-1, i)
			}
		}
		if total != int64(len(posts)) {
			t.Fatalf("weeks hold %d posts, want %d", total, len(posts))
		}
	})
}
