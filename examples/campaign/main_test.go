package main

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

// embedded reads one of the embedded CSV files with encoding/csv only, as
// rows of maps keyed by header: the test's own, independent view of the data.
func embedded(t *testing.T, name string, comma rune) []map[string]string {
	t.Helper()
	b, err := sample.ReadFile("data/" + name)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.Comma = comma
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, row := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = row[i]
		}
		out = append(out, m)
	}
	return out
}

// cents parses "12.34" into cents, exactly.
func cents(t *testing.T, s string) int64 {
	t.Helper()
	whole, frac, _ := strings.Cut(s, ".")
	frac = (frac + "00")[:2]
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		t.Fatalf("amount %q: %v", s, err)
	}
	return n
}

// The report is built once for all the tests that read it (it takes a few
// seconds under the race detector): run's two halves, report and write, give
// the text and the JSON of one build. TestAsOf runs the whole program with
// -json; TestDeterministic builds a second time.
var cached struct {
	once       sync.Once
	text, json []byte
	err        error
}

func outputs(t *testing.T) (text, js []byte) {
	t.Helper()
	cached.once.Do(func() {
		rep, o, err := report(nil, &bytes.Buffer{})
		if err == nil && o.asJSON {
			err = errors.New("-json set without the flag")
		}
		var a, b bytes.Buffer
		if err == nil {
			err = write(&a, rep, false)
		}
		if err == nil {
			err = write(&b, rep, true)
		}
		cached.text, cached.json, cached.err = a.Bytes(), b.Bytes(), err
	})
	if cached.err != nil {
		t.Fatal(cached.err)
	}
	return cached.text, cached.json
}

func runJSON(t *testing.T) Report {
	t.Helper()
	_, js := outputs(t)
	var rep Report
	if err := json.Unmarshal(js, &rep); err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestTextReport(t *testing.T) {
	text, _ := outputs(t)
	out := bytes.NewBuffer(text)
	for _, want := range []string{"1. Goals and KPIs", "2. Candidates", "3. Shortlist", "4. Budget", "5. Tracking", "6. Results"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks section %q", want)
		}
	}
}

// TestOrders credits the embedded orders by hand — a booked creator's code
// (trimmed, any case) first, else their link (utm_source and utm_campaign
// of the landing URL) — and compares the counts by code and the credited
// revenue with the report, in JSON and as printed.
func TestOrders(t *testing.T) {
	byCode, revenue, _ := credited(t, time.Time{})
	rep := runJSON(t)
	if len(rep.Results.Orders.Influencers) != len(embedded(t, "bookings.csv", ',')) {
		t.Fatalf("%d influencers in the report, %d booked", len(rep.Results.Orders.Influencers), len(embedded(t, "bookings.csv", ',')))
	}
	for _, s := range rep.Results.Orders.Influencers {
		if s.ByCode != byCode[s.Influencer] {
			t.Errorf("%s: %d orders by code, want %d", s.Influencer, s.ByCode, byCode[s.Influencer])
		}
	}
	if got := cents(t, rep.Results.Report.Total.Revenue.StringFixed(2)); got != revenue {
		t.Errorf("credited revenue %d cents, want %d", got, revenue)
	}
	// As printed: "€48,458.94" with thousands separators.
	euros := strconv.FormatInt(revenue/100, 10)
	for i := len(euros) - 3; i > 0; i -= 3 {
		euros = euros[:i] + "," + euros[i:]
	}
	want := fmt.Sprintf("€%s.%02d", euros, revenue%100)
	text, _ := outputs(t)
	found := false
	for _, line := range strings.Split(string(text), "\n") {
		if strings.Contains(line, "campaign total") {
			found = true
			if !strings.Contains(line, want) {
				t.Errorf("total line %q lacks the credited revenue %s", line, want)
			}
		}
	}
	if !found {
		t.Error("no campaign total line")
	}
}

// credited attributes the embedded orders placed before the given time (all
// of them for the zero time) by hand: a booked creator's code (trimmed, any
// case) first, else their link (utm_source and utm_campaign of the landing
// URL). It returns the orders by code per creator, the credited revenue in
// cents and the number of credited orders.
func credited(t *testing.T, before time.Time) (byCode map[string]int64, revenue, orders int64) {
	t.Helper()
	type who struct{ handle, source, campaign string }
	codes := map[string]string{} // CODE → handle
	var links []who
	for _, b := range embedded(t, "bookings.csv", ',') {
		codes[strings.ToUpper(b["code"])] = b["handle"]
		links = append(links, who{b["handle"], strings.ToLower(b["utm_source"]), strings.ToLower(b["utm_campaign"])})
	}
	byCode = map[string]int64{}
	for _, o := range embedded(t, "orders.csv", ',') {
		at, err := time.Parse("2006-01-02 15:04:05 -0700", o["Created at"])
		if err != nil {
			t.Fatal(err)
		}
		if !before.IsZero() && !at.Before(before) {
			continue
		}
		if h, ok := codes[strings.ToUpper(strings.TrimSpace(o["Discount Code"]))]; ok {
			byCode[h]++
			revenue += cents(t, o["Total"])
			orders++
			continue
		}
		u, err := url.Parse(o["Landing Site"])
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		for _, l := range links {
			if strings.ToLower(q.Get("utm_source")) == l.source && strings.ToLower(q.Get("utm_campaign")) == l.campaign {
				revenue += cents(t, o["Total"])
				orders++
				break
			}
		}
	}
	return byCode, revenue, orders
}

// TestAsOf runs a report in the middle of the campaign: only the orders
// before the report date count, and goals are judged against the pace.
func TestAsOf(t *testing.T) {
	t.Parallel()
	asOf := time.Date(2026, 4, 27, 0, 0, 0, 0, time.UTC) // four of eight weeks
	_, revenue, orders := credited(t, asOf)
	var out bytes.Buffer
	if err := run([]string{"-json", "-asof", "2026-04-27"}, &out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	var rep Report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	g := rep.Goals[2] // orders: goal 1,300, half the time gone: 650 expected
	if g.Achieved.IntPart() != orders || !g.Expected.Equal(decimal.NewFromInt(650)) || g.OnTrack != (orders >= 650) {
		t.Errorf("orders goal %+v, want %d achieved, 650 expected", g, orders)
	}
	if got := cents(t, rep.Results.Report.Total.Revenue.StringFixed(2)); got != revenue {
		t.Errorf("credited revenue %d cents, want %d", got, revenue)
	}
	if len(rep.Weeks) != 4 {
		t.Errorf("%d weeks, want 4", len(rep.Weeks))
	}
	if len(rep.Results.MultiTouch) != 0 {
		t.Errorf("multi-touch attribution of undated journeys in a report as of %s", asOf)
	}
	// Section 7 judges creators by their whole fee and revenue: not before
	// the end.
	if rep.Next.Skipped == "" || len(rep.Next.Creators) != 0 {
		t.Errorf("next campaign in a report as of %s: %+v", asOf, rep.Next)
	}
	// A report before the first post (-asof the day after the start) has
	// nothing to track yet: no error (it was "no campaign posts").
	var early Report
	if err := tracking(&early, inputs{}, defaultBrief()); err != nil || len(early.Creators) != 0 || len(early.Weeks) != 0 {
		t.Errorf("tracking without posts: %v, %d creators, %d weeks", err, len(early.Creators), len(early.Weeks))
	}
	if err := run([]string{"-asof", "2026-03-01"}, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
		t.Error("-asof before the start: no error")
	}
}

// TestShortlistFee adds up, from creators.csv, the fees of the creators of
// each shortlist, and checks them against the fee budget: 65 % of 45,000.
func TestShortlistFee(t *testing.T) {
	rep := runJSON(t)
	fee := map[string]int64{}
	for _, c := range embedded(t, "creators.csv", ',') {
		fee[c["handle"]] = cents(t, c["fee"])
	}
	const feeBudget = 45_000_00 * 65 / 100 // cents
	const capFee = feeBudget * 25 / 100    // 731,250 cents: €7,312.50, no creator above
	for _, sl := range []Shortlist{rep.Shortlists.ByValue, rep.Shortlists.ByReach} {
		var sum int64
		for _, c := range sl.Creators {
			sum += fee[c.Handle]
			if fee[c.Handle] > capFee {
				t.Errorf("%s: %s's fee %d cents over the cap %d", sl.Goal, c.Handle, fee[c.Handle], capFee)
			}
		}
		if got := cents(t, sl.Cost.Amount.StringFixed(2)); got != sum {
			t.Errorf("%s: cost %d cents, want Σ fees %d", sl.Goal, got, sum)
		}
		if sum > feeBudget {
			t.Errorf("%s: %d cents over the fee budget %d", sl.Goal, sum, feeBudget)
		}
	}
	if got := cents(t, rep.Shortlists.FeeBudget.Amount.StringFixed(2)); got != feeBudget {
		t.Errorf("fee budget %d cents, want %d", got, feeBudget)
	}
	// The ranked candidates quoting more than the cap are named in the text.
	text, _ := outputs(t)
	for _, c := range rep.Candidates {
		if fee[c.Handle] > capFee && !regexp.MustCompile(`never picked: .*\b`+regexp.QuoteMeta(c.Handle)+` \(`).Match(text) {
			t.Errorf("%s quotes %d cents, over the cap, and is not named", c.Handle, fee[c.Handle])
		}
	}
}

// TestPooledRate recomputes a creator's engagement rate by reach from the raw
// counts of posts.csv: Σ (likes+comments+shares+saves) / Σ reach over the
// posts that report every count.
func TestPooledRate(t *testing.T) {
	rep := runJSON(t)
	text, _ := outputs(t)
	for _, cr := range rep.Creators {
		var eng, reach int64
		for _, p := range embedded(t, "posts.csv", ',') {
			if p["creator"] != cr.Handle {
				continue
			}
			var sum int64
			ok := true
			for _, f := range []string{"likes", "comments", "shares", "saves"} {
				n, err := strconv.ParseInt(p[f], 10, 64)
				ok = ok && err == nil
				sum += n
			}
			if ok {
				r, err := strconv.ParseInt(p["reach"], 10, 64)
				if err != nil {
					t.Fatal(err)
				}
				eng += sum
				reach += r
			}
		}
		want := new(big.Rat).SetFrac64(eng, reach)
		got, ok := new(big.Rat).SetString(cr.ByReach.Rate.String())
		if !ok {
			t.Fatalf("%s: rate %v", cr.Handle, cr.ByReach.Rate)
		}
		// The report rounds to 16 places: the difference is at most 5e-17.
		diff := new(big.Rat).Sub(got, want)
		if diff.Abs(diff).Cmp(big.NewRat(5, 1e17)) > 0 {
			t.Errorf("%s: ER by reach %s, want %s", cr.Handle, got.FloatString(18), want.FloatString(18))
		}
		// As printed in section 5: a percentage with two decimals.
		printed := new(big.Rat).Mul(want, big.NewRat(100, 1)).FloatString(2) + "%"
		found := false
		_, tracking, _ := strings.Cut(string(text), "5. Tracking")
		tracking, _, _ = strings.Cut(tracking, "Week by week")
		for _, line := range strings.Split(tracking, "\n") {
			f := strings.Fields(line)
			if len(f) == 8 && f[0] == cr.Handle { // one rate per context: ER (campaign) is the 7th column
				found = true
				if f[6] != printed {
					t.Errorf("%s: printed ER by reach %s, want %s", cr.Handle, f[6], printed)
				}
			}
		}
		if !found {
			t.Errorf("%s: no row in the tracking table", cr.Handle)
		}
	}
}

// TestBadFile changes one field of an embedded file: the error names the
// file, the line, the column and the value.
func TestBadFile(t *testing.T) {
	for _, tc := range []badFile{
		{"-profiles", "creators.csv", 3, ",126000,", ",12x6000,", []string{"line 3, column 3 (followers)", `"12x6000"`}},
		// lena.glow's audience is 86 % female: 186 is no percentage.
		{"-profiles", "creators.csv", 2, ",86,14,", ",186,14,", []string{"line 2, column 15 (female)", `"186"`, "0 to 100"}},
		{"-profiles", "creators.csv", 2, ",3800.00,", ",3800.005,", []string{"line 2, column 8 (fee)", `"3800.005"`, "minor unit of EUR"}},
		// clara.sunandsea (line 3) booked again under pia.pure's name.
		{"-bookings", "bookings.csv", 3, "clara.sunandsea,", "pia.pure,", []string{"line 3, column 1 (handle)", `"pia.pure"`, "booked twice"}},
		{"-bookings", "bookings.csv", 2, ",3 reel,", ",3 reels,", []string{"line 2, column 2 (deliverables)", `"3 reels"`, "post, reel, story"}},
		{"-posts", "posts.csv", 3, ",1103,", ",11x3,", []string{"line 3, column 6 (likes)", `"11x3"`}},
		{"-orders", "orders.csv", 2, ",69.90,", ",abc,", []string{"line 2, column 3 (Total)", `"abc"`}},
		{"-paths", "paths.csv", 2, ";6;", ";x;", []string{"line 2, column 2 (total_conversions)", `"x"`}},
		// the first answer to "How likely are you to recommend us?" off its 0–10 scale, a bad timestamp,
		// a creator's "yes" that is no yes/no answer
		{"-survey", "postpurchase.csv", 2, `"10 (Extremely likely)"`, `"11"`, []string{"line 2, column 4 (How likely are you to recommend us?)", `"11"`}},
		{"-survey", "postpurchase.csv", 2, "2026-03-30 11:07:03", "2026-13-30 11:07:03", []string{"line 2, column 1", `"2026-13-30 11:07:03"`}},
		{"-creator-survey", "creator_survey.csv", 2, ",Yes", ",Maybe", []string{"line 2, column 7 (Would work with us again)", `"Maybe"`}},
		{"-brandlift", "brandlift.csv", 3, ",exposed,", ",,", []string{"line 3, column 2 (Group)"}},
	} {
		t.Run(tc.flag, func(t *testing.T) {
			checkBadFile(t, tc)
		})
	}
}

// TestExitStatus runs the program as a user would, on a bad file: status 1,
// a one-line message, no stack trace.
func TestExitStatus(t *testing.T) {
	if os.Getenv("CAMPAIGN_MAIN") == "1" {
		os.Args = append([]string{"campaign"}, strings.Fields(os.Getenv("CAMPAIGN_ARGS"))...)
		main()
		return
	}
	bad := filepath.Join(t.TempDir(), "orders.csv")
	if err := os.WriteFile(bad, []byte("Name,Created at,Total\n#1,2026-04-01,12.x0\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestExitStatus$")
	cmd.Env = append(os.Environ(), "CAMPAIGN_MAIN=1", "CAMPAIGN_ARGS=-orders "+bad)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 1 {
		t.Fatalf("exit: %v, want status 1; stderr:\n%s", err, stderr.String())
	}
	msg := stderr.String()
	if !strings.HasPrefix(msg, "campaign: "+bad+": ") || !strings.Contains(msg, "line 2, column 3") || strings.Contains(msg, "goroutine") {
		t.Errorf("stderr:\n%s", msg)
	}
}

// TestDeterministic runs the report twice: the same bytes, whatever the map
// iteration order and the number of cores.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	_, a := outputs(t)
	var b bytes.Buffer
	if err := run([]string{"-json"}, &b, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b.Bytes()) {
		t.Error("two runs differ")
	}
}

// TestFlags checks the flags that are not files.
func TestFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-currency", "EURO"}, "not an ISO 4217 code"},
		{[]string{"-budget", "12.345"}, "more decimals than EUR allows"},
		{[]string{"-budget", "-5"}, "not a positive amount"},
		{[]string{"-currency", "USD"}, "orders are in EUR but the campaign is in USD"},
		{[]string{"extra"}, "unexpected argument"},
		// 65 % of €1.00 cannot pay 7 creators.
		{[]string{"-budget", "1"}, "the fee budget €0.65 (the influencer-fee share of -budget) cannot hold 4 instagram and 3 tiktok creators"},
	} {
		err := run(tc.args, &bytes.Buffer{}, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want %q", tc.args, err, tc.want)
		}
	}
}

// TestWeeks adds the reach and the reported interactions of posts.csv by
// ISO week (weeks start on Monday; the campaign starts on Monday 30 March
// 2026) and compares them with the weekly rows and their running totals.
func TestWeeks(t *testing.T) {
	rep := runJSON(t)
	start := time.Date(2026, 3, 30, 0, 0, 0, 0, time.UTC)
	eng := map[int]int64{}
	reach := map[int]int64{}
	for _, p := range embedded(t, "posts.csv", ',') {
		at, err := time.Parse(time.RFC3339, p["published_at"])
		if err != nil {
			t.Fatal(err)
		}
		w := int(at.Sub(start) / (7 * 24 * time.Hour))
		for _, f := range []string{"likes", "comments", "shares", "saves"} {
			if n, err := strconv.ParseInt(p[f], 10, 64); err == nil { // "N/A": not reported, adds nothing
				eng[w] += n
			}
		}
		r, err := strconv.ParseInt(p["reach"], 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		reach[w] += r
	}
	if len(rep.Weeks) != 8 {
		t.Fatalf("%d weeks, want 8", len(rep.Weeks))
	}
	var cumEng, cumReach int64
	for i, wk := range rep.Weeks {
		cumEng += eng[i]
		cumReach += reach[i]
		if !wk.Start.Equal(start.AddDate(0, 0, 7*i)) || wk.Engagements != eng[i] || wk.Reach != reach[i] ||
			wk.Cumulative != cumEng || wk.CumulativeReach != cumReach {
			t.Errorf("week %d: %+v, want start %v, engagements %d, reach %d, so far %d and %d",
				i, wk, start.AddDate(0, 0, 7*i), eng[i], reach[i], cumEng, cumReach)
		}
		// The straight line: goal × elapsed weeks / 8.
		if want := decimal.NewFromInt(100_000*int64(i+1)).DivRound(decimal.NewFromInt(8), 16); !wk.Expected.Equal(want) {
			t.Errorf("week %d: expected %v, want %v", i, wk.Expected, want)
		}
	}
	if g := rep.Goals[0]; g.Achieved.IntPart() != cumEng {
		t.Errorf("engagement goal achieved %v, want %d", g.Achieved, cumEng)
	}
}

// TestOverlaps intersects the follower ranges of followers.txt by interval
// arithmetic and compares the shared counts of every pair of the shortlist
// by value, and its unique reach, with the report.
func TestOverlaps(t *testing.T) {
	b, err := sample.ReadFile("data/followers.txt")
	if err != nil {
		t.Fatal(err)
	}
	type span struct{ lo, hi int64 } // inclusive
	spans := map[string][]span{}
	for _, line := range strings.Split(string(b), "\n") {
		h, rest, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		for _, f := range strings.Fields(rest) {
			lo, hi, isRange := strings.Cut(f, "-")
			if !isRange {
				hi = lo
			}
			a, err1 := strconv.ParseInt(lo, 10, 64)
			z, err2 := strconv.ParseInt(hi, 10, 64)
			if err1 != nil || err2 != nil {
				t.Fatalf("%q", f)
			}
			spans[h] = append(spans[h], span{a, z})
		}
	}
	// The sample's ranges of one creator do not overlap each other, so
	// sizes and intersections are sums over pairs of spans.
	shared := func(x, y string) int64 {
		var n int64
		for _, a := range spans[x] {
			for _, b := range spans[y] {
				if lo, hi := max(a.lo, b.lo), min(a.hi, b.hi); lo <= hi {
					n += hi - lo + 1
				}
			}
		}
		return n
	}
	rep := runJSON(t)
	sl := rep.Shortlists.ByValue
	got := map[[2]string]int64{}
	for _, o := range sl.Overlaps {
		got[[2]string{o.A, o.B}] = o.Shared
	}
	var all []span
	for i, a := range sl.Creators {
		if a.Sample != shared(a.Handle, a.Handle) {
			t.Errorf("%s: sample %d, want %d", a.Handle, a.Sample, shared(a.Handle, a.Handle))
		}
		all = append(all, spans[a.Handle]...)
		for _, c := range sl.Creators[i+1:] {
			if want := shared(a.Handle, c.Handle); got[[2]string{a.Handle, c.Handle}] != want {
				t.Errorf("%s & %s: %d shared, want %d", a.Handle, c.Handle, got[[2]string{a.Handle, c.Handle}], want)
			}
		}
	}
	// Unique reach: the length of the union of all the spans.
	slices.SortFunc(all, func(a, b span) int { return cmp.Compare(a.lo, b.lo) })
	var union, end int64 = 0, -1
	for _, s := range all {
		if s.lo > end {
			union += s.hi - s.lo + 1
			end = s.hi
		} else if s.hi > end {
			union += s.hi - end
			end = s.hi
		}
	}
	if sl.UniqueReach != union {
		t.Errorf("unique reach %d, want %d", sl.UniqueReach, union)
	}
}

// TestBudget checks the category split (weights 65:8:14:5:2:6 of 45,000.00,
// each exact here: 29,250.00, 3,600.00, 6,300.00, 2,250.00, 900.00,
// 2,700.00) and the spend per category summed from spend.csv.
func TestBudget(t *testing.T) {
	rep := runJSON(t)
	wantSplit := map[string]int64{
		"influencer_fees": 29_250_00, "content_production": 3_600_00, "paid_amplification": 6_300_00,
		"management": 2_250_00, "tools": 900_00, "contingency": 2_700_00,
	}
	spent := map[string]int64{}
	var total int64
	for _, e := range embedded(t, "spend.csv", ',') {
		spent[e["category"]] += cents(t, e["amount"])
		total += cents(t, e["amount"])
	}
	for _, c := range rep.Budget.Categories {
		cat := string(c.Category)
		if got := cents(t, c.Split.Amount.StringFixed(2)); got != wantSplit[cat] {
			t.Errorf("%s: split %d cents, want %d", cat, got, wantSplit[cat])
		}
		if got := cents(t, c.Actual.Amount.StringFixed(2)); got != spent[cat] {
			t.Errorf("%s: spent %d cents, want %d", cat, got, spent[cat])
		}
	}
	if got := cents(t, rep.Budget.Actual.Amount.StringFixed(2)); got != total {
		t.Errorf("spent %d cents, want %d", got, total)
	}
	if got := cents(t, rep.Budget.Remaining.Amount.StringFixed(2)); got != 45_000_00-total {
		t.Errorf("remaining %d cents, want %d", got, 45_000_00-total)
	}
}

// TestCandidates recomputes each ranked candidate's engagement rate from
// history.csv — the mean over their posts of (likes + comments) / followers,
// posts with a hidden count left out — and checks that every creator of
// creators.csv is either ranked or rejected, once.
func TestCandidates(t *testing.T) {
	rep := runJSON(t)
	sums := map[string]*big.Rat{}
	counts := map[string]int64{}
	for _, p := range embedded(t, "history.csv", ',') {
		l, err1 := strconv.ParseInt(p["likes"], 10, 64)
		c, err2 := strconv.ParseInt(p["comments"], 10, 64)
		f, err3 := strconv.ParseInt(p["followers"], 10, 64)
		if err1 != nil || err2 != nil || err3 != nil {
			continue // not reported
		}
		if sums[p["creator"]] == nil {
			sums[p["creator"]] = new(big.Rat)
		}
		sums[p["creator"]].Add(sums[p["creator"]], big.NewRat(l+c, f))
		counts[p["creator"]]++
	}
	seen := map[string]int{}
	for _, c := range rep.Candidates {
		seen[c.Handle]++
		want := new(big.Rat).Quo(sums[c.Handle], big.NewRat(counts[c.Handle], 1))
		got, _ := new(big.Rat).SetString(c.ER.String())
		diff := new(big.Rat).Sub(got, want)
		if diff.Abs(diff).Cmp(big.NewRat(5, 1e17)) > 0 {
			t.Errorf("%s: ER %s, want %s", c.Handle, c.ER, want.FloatString(18))
		}
	}
	for _, r := range rep.Rejected {
		seen[r.Handle]++
	}
	creators := embedded(t, "creators.csv", ',')
	if len(seen) != len(creators) {
		t.Errorf("%d creators ranked or rejected, want %d", len(seen), len(creators))
	}
	for _, c := range creators {
		if seen[c["handle"]] != 1 {
			t.Errorf("%s appears %d times", c["handle"], seen[c["handle"]])
		}
	}
}

// TestMultiTouch adds up paths.csv by hand: both models share out exactly
// the journeys' conversions and value, and the text's total row shows them.
func TestMultiTouch(t *testing.T) {
	var conversions, value int64 // value in cents
	for _, row := range embedded(t, "paths.csv", ';') {
		n, err := strconv.ParseInt(row["total_conversions"], 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		conversions += n
		value += cents(t, row["total_conversion_value"])
	}
	rep := runJSON(t)
	for m := range 2 {
		sumC, sumV := decimal.Zero, decimal.Zero
		for _, row := range rep.Results.MultiTouch {
			sumC, sumV = sumC.Add(row.Credits[m].Conversions), sumV.Add(row.Credits[m].Value.Amount)
		}
		if !sumC.Equal(decimal.NewFromInt(conversions)) || !sumV.Equal(decimal.New(value, -2)) {
			t.Errorf("%s: credits add up to %s orders and %s, want %d and %d cents", rep.Results.Models[m], sumC, sumV, conversions, value)
		}
	}
	text, _ := outputs(t)
	euros := value / 100
	if euros < 1000 || euros >= 1_000_000 {
		t.Fatalf("value %d cents: the row format below assumes thousands of euros", value)
	}
	row := fmt.Sprintf("%d.0 +€%d,%03d.%02d", conversions, euros/1000, euros%1000, value%100)
	want := regexp.MustCompile(`(?m)^ +total +` + strings.ReplaceAll(row, ".", `\.`))
	if !want.Match(text) {
		t.Errorf("text lacks the total row %q", want)
	}
}

// TestResults recomputes section 6's totals from the embedded files, as
// exact fractions: cost = Σ spend.csv, revenue and orders credited by hand
// (credited), impressions = Σ posts.csv; ROI = (revenue − cost) / cost,
// ROAS = revenue / cost, CPA = cost / orders, CPM = 1000 × cost /
// impressions, each within 10⁻¹⁶ of the report's 16-place figure. And
// pia.pure's EMV from the example's unit values (0.004 an impression,
// 0.01 a view, 0.08 a like, 0.40 a comment, share or save, 0.60 a click),
// which no hidden count touches: exact.
func TestResults(t *testing.T) {
	rep := runJSON(t)
	var cost int64 // cents
	for _, e := range embedded(t, "spend.csv", ',') {
		cost += cents(t, e["amount"])
	}
	_, revenue, orders := credited(t, time.Date(2026, 5, 25, 0, 0, 0, 0, time.UTC))
	var impressions int64
	emv := new(big.Rat)
	for _, p := range embedded(t, "posts.csv", ',') {
		n := func(col string) int64 {
			v, err := strconv.ParseInt(p[col], 10, 64)
			if err != nil {
				t.Fatalf("%s %s: %v", p["id"], col, err)
			}
			return v
		}
		impressions += n("impressions")
		if p["creator"] == "pia.pure" {
			// in thousandths of a euro: 4 an impression, 10 a view, 80 a like, 400 a comment, share or save, 600 a click
			emv.Add(emv, big.NewRat(4*n("impressions")+10*n("views")+80*n("likes")+400*(n("comments")+n("shares")+n("saves"))+600*n("clicks"), 1000))
		}
	}
	c, r := big.NewRat(cost, 100), big.NewRat(revenue, 100)
	quo := func(a, b *big.Rat) *big.Rat { return new(big.Rat).Quo(a, b) }
	tot := rep.Results.Report.Total
	for _, x := range []struct {
		name string
		got  *decimal.Decimal
		want *big.Rat
	}{
		{"cost", &tot.Cost, c},
		{"revenue", &tot.Revenue, r},
		{"orders", &tot.Conversions, big.NewRat(orders, 1)},
		{"ROI", tot.ROI, quo(new(big.Rat).Sub(r, c), c)},
		{"ROAS", tot.ROAS, quo(r, c)},
		{"CPA", tot.CPA, quo(c, big.NewRat(orders, 1))},
		{"CPM", tot.CPM, quo(new(big.Rat).Mul(c, big.NewRat(1000, 1)), big.NewRat(impressions, 1))},
	} {
		if x.got == nil {
			t.Errorf("%s: missing", x.name)
			continue
		}
		got, ok := new(big.Rat).SetString(x.got.String())
		if !ok {
			t.Fatalf("%s: %s", x.name, x.got)
		}
		if diff := new(big.Rat).Abs(new(big.Rat).Sub(got, x.want)); diff.Cmp(big.NewRat(1, 1e16)) > 0 {
			t.Errorf("%s = %s, want %s", x.name, x.got, x.want.FloatString(18))
		}
	}
	for _, ir := range rep.Results.Report.Influencers {
		if ir.Influencer != "pia.pure" {
			continue
		}
		if ir.EMV == nil {
			t.Fatal("pia.pure: no EMV")
		}
		if got, _ := new(big.Rat).SetString(ir.EMV.String()); got.Cmp(emv) != 0 {
			t.Errorf("pia.pure EMV %s, want %s", ir.EMV, emv.FloatString(3))
		}
	}
}

// TestHiddenClicks: a post that hid its clicks leaves its creator's CTR
// undefined (n/a), not 0 %.
func TestHiddenClicks(t *testing.T) {
	b := defaultBrief()
	post := kpi.Post{ID: "p", Creator: "x", Platform: kpi.Instagram, PublishedAt: b.Start.Add(time.Hour),
		Followers: 10_000, Likes: 300, Comments: 10, Reach: 4_000, Impressions: 5_000, Clicks: 0, Hidden: kpi.FieldClicks}
	var rep Report
	if err := tracking(&rep, inputs{Posts: []kpi.Post{post}}, b); err != nil {
		t.Fatal(err)
	}
	if len(rep.Creators) != 1 || rep.Creators[0].CTR != nil {
		t.Errorf("creators %+v, want x with no CTR", rep.Creators)
	}
}

// badFile is one corrupted sample file: line (1 is the header) of file has
// old replaced by new, and the run with flag pointing at it must fail with
// an error naming the file and every string of want.
type badFile struct {
	flag, file string
	line       int
	old, new   string
	want       []string
}

// checkBadFile writes tc's corrupted copy of the sample file and checks the
// program's error.
func checkBadFile(t *testing.T, tc badFile) {
	t.Helper()
	bad := filepath.Join(t.TempDir(), tc.file)
	b, err := sample.ReadFile("data/" + tc.file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	if !strings.Contains(lines[tc.line-1], tc.old) {
		t.Fatalf("line %d of %s lacks %q", tc.line, tc.file, tc.old)
	}
	lines[tc.line-1] = strings.Replace(lines[tc.line-1], tc.old, tc.new, 1)
	if err := os.WriteFile(bad, []byte(strings.Join(lines, "\n")), 0o600); err != nil {
		t.Fatal(err)
	}
	err = run([]string{tc.flag, bad}, &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range append(tc.want, bad) {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}
