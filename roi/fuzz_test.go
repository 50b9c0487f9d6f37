package roi

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

var fuzzModels = []Model{FirstTouch, LastTouch, Linear, PositionBased, Markov, Shapley,
	Positions{First: decimal.New(3, -1), Last: decimal.New(6, -1)}, MarkovChain{Order: 2}, MarkovChain{Order: 3}}

// FuzzReadPaths: any input reads without panicking; what reads attributes
// without error under every model and the credits sum exactly.
func FuzzReadPaths(f *testing.F) {
	f.Add([]byte("path;total_conversions;total_conversion_value;total_null\nalpha > beta > alpha;1;0.244;3\nbeta;0;0;2\n"))
	f.Add([]byte("\xef\xbb\xbfPath;Conversions;Value;Nulls\r\nx > y;1;1.5;1\r\n"))
	f.Add([]byte("path;conversions\na>>b;1\n"))
	f.Add([]byte("path;conversions;value\n\"a;b\" > c;2;0.000000000000000000001\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		paths, err := ReadPaths(bytes.NewReader(in))
		if err != nil {
			checkParseErr(t, err)
			return
		}
		if len(paths) > 50 {
			paths = paths[:50]
		}
		distinct := map[string]bool{}
		for _, p := range paths {
			for _, c := range p.Channels {
				if c == "" || c != strings.TrimSpace(c) {
					t.Fatalf("channel %q", c)
				}
				distinct[c] = true
			}
		}
		for _, m := range fuzzModels {
			if _, markov := m.(MarkovChain); (markov || m == Markov) && len(distinct) > 200 {
				// A row of thousands of channels is a dense chain of as many
				// states, seconds to invert: covered by TestMarkovTooLarge,
				// too slow for a fuzz iteration.
				continue
			}
			got, err := Attribute(paths, m)
			if err != nil {
				if errors.Is(err, ErrOverflow) {
					return
				}
				if len(paths) == 0 && errors.Is(err, ErrEmpty) {
					return // v0.2: no paths is ErrEmpty, not an empty result
				}
				t.Fatalf("%v: %v", m, err)
			}
			checkSums(t, paths, got)
		}
	})
}

// FuzzAttribute builds paths from bytes: every model either returns an
// error wrapping a sentinel or credits that sum exactly to the totals.
func FuzzAttribute(f *testing.F) {
	f.Add([]byte{0, 1, 2, 0x13, 1, 1, 0, 0x22, 3, 4, 5})
	f.Add([]byte{7, 7, 7, 7, 0xff, 0x80, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		var paths []Path
		for len(data) >= 3 && len(paths) < 40 {
			n := int(data[0]%6) + 1
			data = data[1:]
			if len(data) < n+2 {
				break
			}
			ch := make([]string, n)
			for i := range ch {
				ch[i] = string(rune('a' + data[i]%14))
			}
			conv := int64(data[n] % 5)
			val := decimal.Zero
			if conv > 0 {
				val = decimal.New(int64(data[n+1]), -int32(data[n+1]%4))
			}
			paths = append(paths, Path{Channels: ch, Conversions: conv, Value: val, Nulls: int64(data[n+1] % 3)})
			data = data[n+2:]
		}
		for _, m := range fuzzModels {
			got, err := Attribute(paths, m)
			if len(paths) == 0 { // v0.2: no paths is ErrEmpty, not an empty result
				if !errors.Is(err, ErrEmpty) {
					t.Fatalf("%v of no paths: %v %v, want ErrEmpty", m, got, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%v: %v", m, err)
			}
			checkSums(t, paths, got)
		}
	})
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

// FuzzReadOrders: any input reads without panicking; what reads attributes
// with parts summing exactly to the whole, or fails with a sentinel.
func FuzzReadOrders(f *testing.F) {
	f.Add([]byte("id,time,amount,currency,code,landing site\n1,2026-01-01,1.5,EUR,anna,/?utm_campaign=ben\n2,2026-01-02,3,EUR,,\n"))
	f.Add([]byte("\xef\xbb\xbfName,Created at,Total,Currency,Discount Code\r\n#1,2026-03-02 10:15:00 +0100,59.90,eur, ANNA \r\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		orders, err := ReadOrders(bytes.NewReader(in), eur)
		if err != nil {
			checkParseErr(t, err)
			return
		}
		res, err := AttributeOrders(orders, []Tracking{
			{Influencer: "anna", Codes: []string{"anna"}, Links: []UTM{{Campaign: "anna"}}},
			{Influencer: "ben", Links: []UTM{{Campaign: "ben"}}},
		})
		if err != nil {
			if !errors.Is(err, ErrCurrencyMismatch) && !errors.Is(err, ErrInvalid) {
				t.Fatal(err)
			}
			return
		}
		n, rev := res.Unattributed.Orders, res.Unattributed.Revenue
		for _, s := range res.Influencers {
			n += s.Orders
			rev = rev.Add(s.Revenue)
		}
		if n != int64(len(orders)) || n != res.Total.Orders || !rev.Equal(res.Total.Revenue) {
			t.Fatalf("parts %d/%v, total %d/%v, %d orders", n, rev, res.Total.Orders, res.Total.Revenue, len(orders))
		}
	})
}

// checkParseErr fails unless err is a *ParseError with a line that wraps
// one of the package's sentinels.
func checkParseErr(t *testing.T, err error) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line < 1 {
		t.Fatalf("error %v is not a *ParseError with a line", err)
	}
	for _, s := range sentinels {
		if errors.Is(err, s) {
			return
		}
	}
	t.Fatalf("%v wraps no sentinel", err)
}

var sentinels = []error{ErrNonPositive, ErrNegative, ErrOverflow, ErrInvalid, ErrEmpty,
	ErrDuplicate, ErrCurrencyMismatch, ErrTooLarge, ErrSyntax, ErrMissingColumn}

// checkErr fails unless err wraps one of the package's sentinels and reads
// "roi: Func: ...".
func checkErr(t *testing.T, fn string, err error) {
	t.Helper()
	for _, s := range sentinels {
		if errors.Is(err, s) {
			if !strings.HasPrefix(err.Error(), "roi: "+fn+": ") {
				t.Fatalf("%s: message %q", fn, err)
			}
			return
		}
	}
	t.Fatalf("%s: %v wraps no sentinel", fn, err)
}

// FuzzMetrics: the ratio functions never panic on any decimal and count;
// they return a result or an error wrapping a sentinel, and ROI and ROAS
// agree: ROI = ROAS − 1 up to the last (16th) place, where each is rounded
// on its own.
func FuzzMetrics(f *testing.F) {
	f.Add("200", "100", int64(20000))
	f.Add("0", "0", int64(0))
	f.Add("-1", "3", int64(-5))
	f.Add("1e999999999", "1e-999999999", int64(1))
	f.Add("0.99999999999999995", "1", int64(3))
	f.Fuzz(func(t *testing.T, a, b string, n int64) {
		x, err1 := decimal.NewFromString(a)
		y, err2 := decimal.NewFromString(b)
		if err1 != nil || err2 != nil || len(a) > 100 || len(b) > 100 {
			return
		}
		roi, errROI := ROI(x, y)
		roas, errROAS := ROAS(x, y)
		if (errROI == nil) != (errROAS == nil) {
			t.Fatalf("ROI err %v, ROAS err %v", errROI, errROAS)
		}
		if errROI != nil {
			checkErr(t, "ROI", errROI)
			checkErr(t, "ROAS", errROAS)
		} else if diff := roi.Sub(roas.Sub(decimal.NewFromInt(1))).Abs(); diff.GreaterThan(decimal.New(1, -16)) {
			t.Fatalf("ROI %v, ROAS %v", roi, roas)
		}
		for name, fn := range map[string]func(decimal.Decimal, int64) (decimal.Decimal, error){
			"CPM": CPM, "CPE": CPE, "CPC": CPC, "CPA": CPA, "CPL": CPL, "CPV": CPV, "CAC": CAC,
		} {
			v, err := fn(y, n)
			if err != nil {
				checkErr(t, name, err)
			} else if v.IsNegative() {
				t.Fatalf("%s(%v, %d) = %v", name, y, n, v)
			}
		}
		for name, fn := range map[string]func(decimal.Decimal, decimal.Decimal) (decimal.Decimal, error){
			"BreakEvenRevenue": BreakEvenRevenue, "PaybackPeriod": PaybackPeriod,
		} {
			if _, err := fn(x, y); err != nil {
				checkErr(t, name, err)
			}
		}
		if _, err := EMVFromImpressions(n, y); err != nil {
			checkErr(t, "EMVFromImpressions", err)
		}
	})
}

// FuzzIncremental: Incremental and LiftCI never panic; intervals are
// ordered (Low ≤ High) and contain the point estimates.
func FuzzIncremental(f *testing.F) {
	f.Add(int64(10000), int64(300), int64(10000), int64(200), "15000", "10000", "2000", "0.95")
	f.Add(int64(70), int64(56), int64(80), int64(48), "0", "0", "1", "0.99999999999999999999")
	f.Add(int64(1), int64(0), int64(1), int64(1), "-1", "1e-2000", "0", "1e-40")
	f.Fuzz(func(t *testing.T, nt, xt, nc, xc int64, rt, rc, cost, conf string) {
		var ds [4]decimal.Decimal
		for i, s := range []string{rt, rc, cost, conf} {
			v, err := decimal.NewFromString(s)
			if err != nil || len(s) > 100 {
				return
			}
			ds[i] = v
		}
		test, control := Group{nt, xt, ds[0]}, Group{nc, xc, ds[1]}
		if _, err := Incremental(test, control, budget.Money{Amount: ds[2], Currency: eur}); err != nil {
			checkErr(t, "Incremental", err)
		}
		ci, err := LiftCI(test, control, ds[3])
		if err != nil {
			checkErr(t, "LiftCI", err)
			return
		}
		if ci.Difference.Low.GreaterThan(ci.Difference.High) || ci.Lift.Low.GreaterThan(ci.Lift.High) {
			t.Fatalf("interval %+v", ci)
		}
	})
}

// FuzzAttributeJourneys builds timed journeys from bytes: time decay (and
// linear, for comparison of the totals) either fails with a sentinel or
// gives credits summing exactly to the totals.
func FuzzAttributeJourneys(f *testing.F) {
	f.Add([]byte{3, 1, 2, 3, 10, 20, 30, 5, 2}, int64(7*24*3600))
	f.Add([]byte{1, 0, 255, 0, 1}, int64(1))
	f.Fuzz(func(t *testing.T, data []byte, halfLife int64) {
		t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		var js []Journey
		for len(data) >= 2 && len(js) < 30 {
			n := int(data[0]%5) + 1
			data = data[1:]
			if len(data) < 2*n+2 {
				break
			}
			j := Journey{Conversions: int64(data[2*n] % 4), Nulls: int64(data[2*n+1] % 3)}
			at := t0
			for k := range n {
				// Gaps of 0 to 255 × 2^(byte%8) hours, times non-decreasing.
				at = at.Add(time.Duration(data[2*k+1]) << (data[2*k] % 8) * time.Hour)
				j.Touches = append(j.Touches, Touch{Channel: string(rune('a' + data[2*k]%9)), At: at})
			}
			if j.Conversions > 0 {
				j.ConvertedAt = at.Add(time.Duration(data[2*n]) * time.Minute)
				j.Value = decimal.New(int64(data[2*n+1]), -2)
			}
			js = append(js, j)
			data = data[2*n+2:]
		}
		paths := make([]Path, len(js))
		for i, j := range js {
			for _, tc := range j.Touches {
				paths[i].Channels = append(paths[i].Channels, tc.Channel)
			}
			paths[i].Conversions, paths[i].Value, paths[i].Nulls = j.Conversions, j.Value, j.Nulls
		}
		for _, m := range []Model{TimeDecay{HalfLife: time.Duration(halfLife)}, Linear} {
			got, err := AttributeJourneys(js, m)
			if len(js) == 0 && (halfLife >= 0 || m == Linear) { // v0.2: no journeys is ErrEmpty
				if !errors.Is(err, ErrEmpty) {
					t.Fatalf("%v of no journeys: %v %v, want ErrEmpty", m, got, err)
				}
				continue
			}
			if err != nil {
				checkErr(t, "AttributeJourneys", err)
				if halfLife > 0 || m == Linear {
					t.Fatalf("%v: %v", m, err)
				}
				continue
			}
			checkSums(t, paths, got)
		}
	})
}

// FuzzReport: Report, Pool and Compare never panic on any amounts and
// counts; the campaign total's cost is the influencers' costs plus the
// overhead, exactly, and Compare against the campaign itself says Same for
// every metric.
func FuzzReport(f *testing.F) {
	f.Add("1800", "5400", "90", "200", int64(1000), int64(60000), int64(2), "0.3")
	f.Add("0", "0", "0", "0", int64(0), int64(0), int64(0), "0")
	f.Add("-1", "1e-2000", "0.5", "1e5", int64(-3), int64(1<<62), int64(1), "-0.1")
	f.Fuzz(func(t *testing.T, cost, revenue, conv, overhead string, likes, impressions, hidden int64, unit string) {
		var ds [5]decimal.Decimal
		for i, s := range []string{cost, revenue, conv, overhead, unit} {
			v, err := decimal.NewFromString(s)
			if err != nil || len(s) > 60 {
				return
			}
			ds[i] = v
		}
		post := kpi.Post{Platform: kpi.Instagram, Likes: likes, Impressions: impressions}
		if hidden%2 == 1 {
			post.Hidden = kpi.FieldImpressions
		}
		card := EMVCard{Currency: eur, Default: UnitValues{Like: ds[4], Impression: ds[4]}}
		c := Campaign{Currency: eur, Overhead: ds[3], EMVCard: &card, Influencers: []InfluencerInput{
			{Influencer: "anna", Cost: ds[0], Revenue: ds[1], Conversions: ds[2], Posts: []kpi.Post{post}},
			{Influencer: "ben", Cost: ds[0], Revenue: ds[1], Conversions: ds[2]},
		}}
		rep, err := Report(c)
		if err != nil {
			checkErr(t, "Report", err)
			return
		}
		if want := ds[0].Add(ds[0]).Add(ds[3]); !rep.Total.Cost.Equal(want) {
			t.Fatalf("total cost %v, want %v", rep.Total.Cost, want)
		}
		pooled, err := Pool(rep.Influencers[0].Metrics, rep.Influencers[1].Metrics)
		if err != nil {
			checkErr(t, "Pool", err)
			return
		}
		changes, err := Compare(pooled, pooled.Baseline())
		if err != nil {
			checkErr(t, "Compare", err)
			return
		}
		if len(changes.Undefined) != 0 {
			t.Fatalf("metrics undefined against themselves: %v", changes.Undefined)
		}
		for _, ch := range changes.Changes {
			if ch.Verdict != Same {
				t.Fatalf("%s against itself: %v", ch.Metric, ch.Verdict)
			}
		}
	})
}

// FuzzParseUTM: any string parses or fails with ErrInvalid, never panics,
// and the parameters come back trimmed.
func FuzzParseUTM(f *testing.F) {
	f.Add("https://shop.example/?utm_source=ig&UTM_CAMPAIGN=%20anna%20")
	f.Add("/?utm_source=%zz")
	f.Add("http://[::1")
	f.Fuzz(func(t *testing.T, s string) {
		u, err := ParseUTM(s)
		if err != nil {
			checkErr(t, "ParseUTM", err)
			return
		}
		for _, v := range []string{u.Source, u.Medium, u.Campaign, u.Term, u.Content} {
			if v != strings.TrimSpace(v) {
				t.Fatalf("untrimmed %q", v)
			}
		}
	})
}
