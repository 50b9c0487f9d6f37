package kpi

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

// scanAll collects ScanPosts' posts and its error, as ReadPosts returns
// them (no posts on an error).
func scanAll(in []byte, c PostColumns) ([]Post, error) {
	var posts []Post
	for p, err := range ScanPosts(bytes.NewReader(in), c) {
		if err != nil {
			return nil, err
		}
		posts = append(posts, p)
	}
	return posts, nil
}

// sameRead fails unless ScanPosts and ReadPosts agree on in: the same
// posts, or the same error but for the function's name.
func sameRead(t *testing.T, name string, in []byte, c PostColumns) {
	t.Helper()
	want, werr := ReadPosts(bytes.NewReader(in), c)
	got, gerr := scanAll(in, c)
	if (werr == nil) != (gerr == nil) {
		t.Fatalf("%s: ReadPosts err %v, ScanPosts err %v", name, werr, gerr)
	}
	if werr != nil {
		w := strings.Replace(werr.Error(), "kpi: ReadPosts", "kpi: ScanPosts", 1)
		if gerr.Error() != w {
			t.Fatalf("%s: ScanPosts error\n%s\nwant\n%s", name, gerr, w)
		}
		var pw, pg *ParseError
		if errors.As(werr, &pw) != errors.As(gerr, &pg) || (pw != nil && (pw.Line != pg.Line || pw.Column != pg.Column)) {
			t.Fatalf("%s: ParseError %+v, want %+v", name, pg, pw)
		}
		return
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatalf("%s: ScanPosts (-ReadPosts +ScanPosts):\n%s", name, d)
	}
}

// TestScanPostsFixtures: ScanPosts yields what ReadPosts returns on the
// repository's fixtures, the generated export, and broken inputs.
func TestScanPostsFixtures(t *testing.T) {
	for _, fx := range []struct {
		file string
		c    PostColumns
	}{{"testdata/posts_export.csv", exportColumns()},
		{"testdata/accounts_top.csv", PostColumns{Creator: "channel_info", Followers: "followers", Likes: "new_post_avg_like"}}} {
		in, err := os.ReadFile(fx.file)
		if err != nil {
			t.Fatal(err)
		}
		sameRead(t, fx.file, in, fx.c)
		// every prefix: cut rows, cut quotes, cut CRLFs
		for i := range in {
			sameRead(t, fx.file+" prefix", in[:i], fx.c)
		}
	}
	sameRead(t, "generated", benchExport(5_000), DefaultPostColumns())
	for _, in := range []string{"", "id\n", "id,likes\na,-1\n", "id,likes\na,\"1\n", "id,platform\na,myspace\n",
		"likes\n1\n2\nx\n", "id,published_at\na,\n"} {
		sameRead(t, in, []byte(in), PostColumns{ID: "id", Likes: "likes"})
	}
}

// FuzzScanPosts: on any input ScanPosts agrees with ReadPosts, and the
// Accumulator with Sum, Formula.Measure and Weekly over what was read.
func FuzzScanPosts(f *testing.F) {
	for _, file := range []string{"testdata/posts_export.csv", "testdata/accounts_top.csv"} {
		in, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(in, uint8(0))
	}
	f.Add(benchExport(20), uint8(1))
	f.Add([]byte("id,likes,followers,published_at\na,1,10,2026-01-05\nb,N/A,0,2026-02-05\n\"c\",3.3k,\"1,000\",2026-01-06\n"), uint8(2))
	f.Fuzz(func(t *testing.T, in []byte, fsel uint8) {
		c := DefaultPostColumns()
		if strings.Contains(string(in[:min(len(in), 200)]), "Post ID") {
			c = exportColumns()
		} else if !bytes.Contains(in, []byte("published_at")) {
			c = PostColumns{ID: "id", Likes: "likes", Comments: "comments", Followers: "followers", Reach: "reach"}
		}
		sameRead(t, "fuzz", in, c)
		posts, err := ReadPosts(bytes.NewReader(in), c)
		if err != nil {
			return
		}
		sameAccumulated(t, posts, hostileFormulas[fsel%3], time.UTC)
	})
}

// sameAccumulated fails unless an Accumulator fed posts agrees with Sum,
// Formula.Measure and Weekly over them.
func sameAccumulated(t *testing.T, posts []Post, f Formula, loc *time.Location) {
	t.Helper()
	acc, err := NewAccumulator(f, loc)
	if err != nil {
		t.Fatal(err)
	}
	wantT, sumErr := Sum(posts)
	for _, p := range posts {
		if err := acc.Add(p); err != nil {
			if sumErr == nil || strings.Replace(err.Error(), "Accumulator.Add", "Sum", 1) != sumErr.Error() {
				t.Fatalf("%v: Add: %v; Sum: %v", f, err, sumErr)
			}
			return // the first refused post is Sum's error: nothing more to compare
		}
	}
	if sumErr != nil {
		t.Fatalf("%v: Sum: %v, Add accepted every post", f, sumErr)
	}
	if d := cmp.Diff(wantT, acc.Totals()); d != "" {
		t.Fatalf("%v: Totals (-Sum +Accumulator):\n%s", f, d)
	}
	want, werr := f.Measure(posts)
	got, gerr := acc.Measure()
	sameResult(t, f, "Measure", "Formula.Measure", want, got, werr, gerr)
	wantW, werr := Weekly(posts, f, loc)
	gotW, gerr := acc.Weekly()
	sameResult(t, f, "Weekly", "Weekly", wantW, gotW, werr, gerr)
}

func sameResult[T any](t *testing.T, f Formula, method, slice string, want, got T, werr, gerr error) {
	t.Helper()
	if werr != nil || gerr != nil {
		w := ""
		if werr != nil {
			w = strings.Replace(werr.Error(), "kpi: "+slice, "kpi: Accumulator."+method, 1)
		}
		if gerr == nil || gerr.Error() != w {
			t.Fatalf("%v: Accumulator.%s err %v, want %s", f, method, gerr, w)
		}
		return
	}
	if d := cmp.Diff(want, got, cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })); d != "" {
		t.Fatalf("%v: Accumulator.%s (-%s +Accumulator):\n%s", f, method, slice, d)
	}
}

// TestAccumulatorRandom compares the Accumulator with the slice functions
// on random posts (hidden counts, zero bases, several weeks and zones)
// under every formula.
func TestAccumulatorRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	zones := []*time.Location{time.UTC, time.FixedZone("-12", -12*3600), time.FixedZone("+14", 14*3600)}
	if berlin, err := time.LoadLocation("Europe/Berlin"); err == nil { // DST on 29 March 2026
		zones[0] = berlin
	}
	for round := range 300 {
		n := rng.IntN(60)
		posts := make([]Post, n)
		for i := range posts {
			p := Post{ID: "p", PublishedAt: t0.Add(time.Duration(rng.Int64N(int64(90 * 24 * time.Hour)))),
				Followers: rng.Int64N(3) * rng.Int64N(100_000), Likes: rng.Int64N(5_000), Comments: rng.Int64N(300),
				Shares: rng.Int64N(100), Saves: rng.Int64N(100), Views: rng.Int64N(200_000), Reach: rng.Int64N(50_000)}
			if rng.IntN(5) == 0 {
				p.Likes, p.Hidden = 0, FieldLikes
			}
			if rng.IntN(9) == 0 {
				p.Reach, p.Hidden = 0, p.Hidden|FieldReach
			}
			if round%50 == 49 && rng.IntN(20) == 0 {
				p.Comments = -1
			}
			posts[i] = p
		}
		if round%2 == 0 { // in time order, as exports are: the Accumulator's week shortcut
			slices.SortFunc(posts, func(a, b Post) int { return a.PublishedAt.Compare(b.PublishedAt) })
		}
		for _, in := range []Interaction{0, Likes | Shares | Saves, AllInteractions} {
			for _, b := range []Base{ByFollowers, ByReach, ByViews} {
				for _, avg := range []Average{PooledRate, MeanOfRates, MedianRate} {
					sameAccumulated(t, posts, Formula{in, b, avg}, zones[round%3])
				}
			}
		}
	}
}

// TestAccumulatorByHand: three posts, by hand. Likes+comments by
// followers: (50+5)/1000, 40/1010, 70/1020.
// Pooled: (55+40+70)/(1000+1010+1020) = 165/3030 = 0.05445544554455445544…
// → 0.0544554455445545. Mean: (0.055 + 0.0396039603960396039… +
// 0.0686274509803921568…)/3 = 0.1632314113764317607…/3 =
// 0.0544104704588105869… → 0.0544104704588106. Median: 0.055.
// Weeks: t0 is Monday 2026-03-02 12:00 UTC; +50 h is Wednesday (week 10),
// +200 h is 2026-03-10 20:00, Tuesday of week 11. Week 10 pooled:
// 95/2010 = 0.04726368159203980099… → 0.0472636815920398; week 11:
// 70/1020 = 0.06862745098039215686… → 0.0686274509803922; change
// 0.0686274509803922 − 0.0472636815920398 = 0.0213637693883524, growth
// 0.0213637693883524 / 0.0472636815920398 = 0.45201...: 16 places by
// exact.Div, checked against the slice Weekly.
func TestAccumulatorByHand(t *testing.T) {
	posts := hostilePosts()["ok"]
	for _, tt := range []struct {
		avg  Average
		want string
	}{{PooledRate, "0.0544554455445545"}, {MeanOfRates, "0.0544104704588106"}, {MedianRate, "0.055"}} {
		acc, err := NewAccumulator(Formula{Average: tt.avg}, time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range posts {
			if err := acc.Add(p); err != nil {
				t.Fatal(err)
			}
		}
		r, err := acc.Measure()
		if err != nil || !r.Rate.Equal(dec(tt.want)) || r.Posts != 3 {
			t.Errorf("%v: %+v, %v; want %s over 3 posts", tt.avg, r, err, tt.want)
		}
		if tt.avg != PooledRate {
			continue
		}
		// Totals: followers 1000+1010+1020 = 3030, likes 50+40+70 = 160.
		if tot := acc.Totals(); tot.Followers != 3030 || tot.Likes != 160 || tot.Posts != 3 || tot.Hidden != FieldReach {
			t.Errorf("Totals = %+v", tot)
		}
		w, err := acc.Weekly()
		if err != nil || len(w) != 2 || w[0].Week != 10 || w[1].Week != 11 ||
			!w[0].Rate.Equal(dec("0.0472636815920398")) || !w[1].Rate.Equal(dec("0.0686274509803922")) ||
			!w[1].Change.Equal(dec("0.0213637693883524")) {
			t.Errorf("Weekly = %+v, %v", w, err)
		}
	}
}

// TestAccumulatorExactMean: the mean on a rounding midpoint that only the
// exact sum decides (tiePosts, 9997 distinct bases: 0.2499749924977494
// and just under it 0.2499749924977493, by hand in TestMeanTieManyBases),
// and beyond MaxExactBases ErrTooLarge, as Formula.Rate.
func TestAccumulatorExactMean(t *testing.T) {
	f := Formula{Likes, ByFollowers, MeanOfRates}
	for _, tt := range []struct {
		q     int
		below int64
		want  string
	}{{2499, 0, "0.2499749924977494"}, {2499, 1, "0.2499749924977493"}, {2500, 0, ""}} {
		acc, _ := NewAccumulator(f, time.UTC)
		for _, p := range tiePosts(tt.q, tt.below) {
			if err := acc.Add(p); err != nil {
				t.Fatal(err)
			}
		}
		r, err := acc.Measure()
		if tt.want == "" {
			if !errors.Is(err, ErrTooLarge) {
				t.Errorf("q=%d: err = %v, want ErrTooLarge", tt.q, err)
			}
			continue
		}
		if err != nil || !r.Rate.Equal(dec(tt.want)) {
			t.Errorf("q=%d below=%d: %s, %v; want %s", tt.q, tt.below, r.Rate, err, tt.want)
		}
	}
}

// TestScanPostsStops: a loop that breaks stops reading: after 3 posts of
// a generated export of 10⁹ rows the generator has made only the rows
// the CSV reader's 4 KB buffer holds. A second range is ErrInvalid.
func TestScanPostsStops(t *testing.T) {
	g := newPostRows(1_000_000_000)
	seq := ScanPosts(g, DefaultPostColumns())
	n := 0
	for _, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 3 {
			break
		}
	}
	if g.i > 100 {
		t.Errorf("made %d rows for 3 posts", g.i)
	}
	for _, err := range seq {
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("second range: %v, want ErrInvalid", err)
		}
	}
}

// heapObjects returns the bytes of live and not yet swept heap objects.
func heapObjects() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// streamPeak streams n generated rows through ScanPosts into an
// Accumulator (pooled, weekly) and returns the posts and the peak of the
// heap, sampled every 4096 rows.
func streamPeak(tb testing.TB, n int, f Formula) (int, uint64) {
	acc, err := NewAccumulator(f, time.UTC)
	if err != nil {
		tb.Fatal(err)
	}
	runtime.GC()
	peak, count := heapObjects(), 0
	for p, err := range ScanPosts(newPostRows(n), DefaultPostColumns()) {
		if err != nil {
			tb.Fatal(err)
		}
		if err := acc.Add(p); err != nil {
			tb.Fatal(err)
		}
		if count++; count%4096 == 0 {
			peak = max(peak, heapObjects())
		}
	}
	if _, err := acc.Weekly(); err != nil {
		tb.Fatal(err)
	}
	return count, max(peak, heapObjects())
}

// TestStreamPeakHeap: 300,000 rows (28 MB of CSV) streamed into an
// Accumulator keep the heap under 16 MB (the collector's floor is 4 MB of
// live heap); ReadPosts of 100,000 rows allocates at most 4× the input.
func TestStreamPeakHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	n, peak := streamPeak(t, 300_000, Formula{Average: MeanOfRates})
	t.Logf("%d rows streamed, peak heap %.1f MB", n, float64(peak)/1e6)
	if n != 300_000 || peak > 16<<20 {
		t.Errorf("%d rows, peak heap %d bytes, want under 16 MB", n, peak)
	}
	in := benchExport(100_000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	posts, err := ReadPosts(bytes.NewReader(in), DefaultPostColumns())
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("ReadPosts: %d rows, %d bytes of input, %d allocated (%.2f×)", len(posts), len(in), alloc, float64(alloc)/float64(len(in)))
	if err != nil || alloc > 4*uint64(len(in)) {
		t.Errorf("ReadPosts allocated %d bytes for %d of input (%v), want at most 4×", alloc, len(in), err)
	}
}

// FuzzQuickCount: what ParseCount's fast path accepts, its general path
// reads to the same value.
func FuzzQuickCount(f *testing.F) {
	for _, s := range []string{"1234", "1,234", "12.4k", "475.8M", "0.01k", "1,234.5k", "999,999,999,999,999", "1.", ",1", "1,23",
		"1234,567", "12.40k", "1.2345k", "99999999999999999b", "0,000", "1.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := quickCount(s)
		if !ok {
			return
		}
		if len(s) == 0 || s[0] == '-' || notReported(s) {
			t.Fatalf("quickCount(%q) accepted a missing or negative count", s)
		}
		w, err := parseCountGeneral("kpi.ParseCount", s, s)
		if err != nil || w != v {
			t.Fatalf("quickCount(%q) = %d; general path %d, %v", s, v, w, err)
		}
	})
}

// TestReadPostsSizing: ReadPosts gives the same posts whether the reader
// tells its size (one slice sized from the first rows: here 8 % over, as
// the first rows' IDs are shorter; at most 1/8 over) or not (chunks of up to 65,536 posts copied once),
// and from a file.
func TestReadPostsSizing(t *testing.T) {
	const n = 150_000
	in := benchExport(n)
	sized, err := ReadPosts(bytes.NewReader(in), DefaultPostColumns())
	if err != nil || len(sized) != n || cap(sized) > n+n/8 {
		t.Fatalf("sized: %d posts, cap %d, %v", len(sized), cap(sized), err)
	}
	chunked, err := ReadPosts(newPostRows(n), DefaultPostColumns())
	if err != nil || cap(chunked) != n {
		t.Fatalf("chunked: %d posts, cap %d, %v", len(chunked), cap(chunked), err)
	}
	if d := cmp.Diff(sized, chunked); d != "" {
		t.Fatalf("sized and chunked differ:\n%.2000s", d)
	}
	name := t.TempDir() + "/posts.csv"
	if err := os.WriteFile(name, in, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fromFile, err := ReadPosts(f, DefaultPostColumns())
	if err != nil || cap(fromFile) > n+n/8 || !slices.EqualFunc(fromFile, sized, func(a, b Post) bool { return a == b }) {
		t.Fatalf("file: %d posts, cap %d, %v", len(fromFile), cap(fromFile), err)
	}
}

// onlyReader hides a reader's size: ReadPosts reads it in one goroutine.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

// TestReadPostsParallel: an input of more than 1 MB that tells its size is
// read by two goroutines; it gives the same posts and the same first error
// as the one-goroutine reading, wherever the error is (first batch, a
// batch boundary, the last row, a bare quote, a short last line).
func TestReadPostsParallel(t *testing.T) {
	const n = 30_000
	base := benchExport(n) // about 2.8 MB
	rows := bytes.SplitAfter(base, []byte("\n"))
	with := func(i int, row string) []byte {
		c := slices.Clone(rows)
		c[i] = []byte(row)
		return bytes.Join(c, nil)
	}
	inputs := map[string][]byte{
		"clean": base, "bad count row 5": with(5, "p,c,instagram,2026-03-02T10:00:00Z,x,1,1,1,1,1,1,1,1,1\n"),
		"bad platform row 1024": with(1024, "p,c,myspace,2026-03-02T10:00:00Z,1,1,1,1,1,1,1,1,1,1\n"),
		"bad time row 1025":     with(1025, "p,c,instagram,yesterday,1,1,1,1,1,1,1,1,1,1\n"),
		"bare quote last row":   with(n, "p,\"c,instagram\n"),
		"short last row":        with(n, "p\n"),
		"negative row 29000":    with(29_000, "p,c,instagram,2026-03-02T10:00:00Z,-1,1,1,1,1,1,1,1,1,1\n"),
	}
	for name, in := range inputs {
		want, werr := ReadPosts(onlyReader{bytes.NewReader(in)}, DefaultPostColumns())
		got, gerr := ReadPosts(bytes.NewReader(in), DefaultPostColumns())
		if fmt.Sprint(werr) != fmt.Sprint(gerr) {
			t.Errorf("%s: parallel err %v, want %v", name, gerr, werr)
			continue
		}
		if !slices.Equal(want, got) {
			t.Errorf("%s: parallel read %d posts, want %d, or they differ", name, len(got), len(want))
		}
	}
}

// TestReadPostsParallelWide: a sized input of 2 MB whose header and rows
// have 100,000 columns is read by the two goroutines with batches bounded
// by their fields, not 1024 rows of 100,000 fields; the same posts as the
// one-goroutine reading.
func TestReadPostsParallelWide(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("id" + strings.Repeat(",x", 100_000) + "\n")
	for i := range 10 {
		b.WriteString("p" + fmt.Sprint(i) + strings.Repeat(",1", 100_000) + "\n")
	}
	in := b.Bytes()
	want, werr := ReadPosts(onlyReader{bytes.NewReader(in)}, PostColumns{ID: "id"})
	got, gerr := ReadPosts(bytes.NewReader(in), PostColumns{ID: "id"})
	if werr != nil || gerr != nil || len(got) != 10 || !slices.Equal(want, got) {
		t.Errorf("wide: %d posts, %v / %v", len(got), werr, gerr)
	}
}
