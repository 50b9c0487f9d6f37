package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/kpi"
	"github.com/influencekit/influencekit/roi"
	"github.com/shopspring/decimal"
)

// fileError is a bad field of one of the program's own CSV files (the
// library's readers return their own *ParseError, which reads the same way).
type fileError struct {
	Line, Column int
	Header       string
	Value        string
	Err          error
}

func (e *fileError) Error() string {
	if e.Column == 0 {
		return fmt.Sprintf("line %d: %v", e.Line, e.Err)
	}
	return fmt.Sprintf("line %d, column %d (%s): %q: %v", e.Line, e.Column, e.Header, e.Value, e.Err)
}

func (e *fileError) Unwrap() error { return e.Err }

// table reads a CSV file with a header row and hands out fields by name,
// with the line and column of each for error messages.
type csvTable struct {
	r      *csv.Reader
	cur    budget.Currency // of the amounts
	header []string
	index  map[string]int
	rec    []string
}

func normalize(h string) string {
	return strings.ToLower(strings.Join(strings.FieldsFunc(h, func(r rune) bool {
		return r == ' ' || r == '_' || r == '-' || r == '.' || r == '\ufeff' || r == '\r' || r == '\n'
	}), " "))
}

func newTable(r io.Reader, cur budget.Currency, required ...string) (*csvTable, error) {
	t := &csvTable{r: csv.NewReader(r), cur: cur, index: map[string]int{}}
	t.r.FieldsPerRecord = -1
	h, err := t.r.Read()
	if err != nil {
		if err == io.EOF {
			return nil, errors.New("empty file: no header row")
		}
		return nil, err
	}
	t.header = h
	for i, name := range h {
		t.index[normalize(name)] = i
	}
	for _, name := range required {
		if _, ok := t.index[normalize(name)]; !ok {
			return nil, &fileError{Line: 1, Err: fmt.Errorf("missing column %q (the header has %s)", name, strings.Join(h, ", "))}
		}
	}
	return t, nil
}

// next reads the next record; false at the end.
func (t *csvTable) next() (bool, error) {
	rec, err := t.r.Read()
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, err // *csv.ParseError: line and column included
	}
	t.rec = rec
	return true, nil
}

func (t *csvTable) str(name string) string {
	i, ok := t.index[normalize(name)]
	if !ok || i >= len(t.rec) {
		return ""
	}
	return strings.TrimSpace(t.rec[i])
}

func (t *csvTable) errorf(name string, format string, args ...any) error {
	i := t.index[normalize(name)]
	line, _ := t.r.FieldPos(0) // the record's first line (FieldPos(i) panics on a short row)
	if i < len(t.rec) {
		line, _ = t.r.FieldPos(i)
	}
	return &fileError{Line: line, Column: i + 1, Header: t.header[i], Value: t.str(name), Err: fmt.Errorf(format, args...)}
}

func (t *csvTable) count(name string) (int64, error) {
	n, err := kpi.ParseCount(t.str(name))
	if err != nil {
		return 0, t.errorf(name, "not a count: %w", unwrapAll(err))
	}
	return n, nil
}

func (t *csvTable) money(name string) (decimal.Decimal, error) {
	d, err := decimal.NewFromString(t.str(name))
	if err != nil || d.IsNegative() {
		return decimal.Decimal{}, t.errorf(name, "not an amount (write it as 1234.50)")
	}
	if t.cur.Check(d) != nil {
		return decimal.Decimal{}, t.errorf(name, "finer than the minor unit of %s", t.cur.Code())
	}
	return d, nil
}

// deliverables reads a package such as "2 reel": a count and a kind that
// budget.Deliverable knows.
func (t *csvTable) deliverables(name string) (int, budget.Deliverable, error) {
	n, kind, ok := strings.Cut(t.str(name), " ")
	pieces, err := strconv.Atoi(n)
	var d budget.Deliverable
	if !ok || err != nil || pieces < 1 || d.UnmarshalText([]byte(strings.TrimSpace(kind))) != nil {
		return 0, d, t.errorf(name, `want a number and a kind (post, reel, story, video or bundle), such as "2 reel"`)
	}
	return pieces, d, nil
}

// readRows reads a CSV file that has the required columns, one value a
// row; its amounts are in cur.
func readRows[T any](r io.Reader, cur budget.Currency, required []string, row func(t *csvTable) (T, error)) ([]T, error) {
	t, err := newTable(r, cur, required...)
	if err != nil {
		return nil, err
	}
	var out []T
	for {
		ok, err := t.next()
		if err != nil {
			return nil, err
		}
		if !ok {
			return out, nil
		}
		v, err := row(t)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
}

// unwrapAll returns the innermost sentinel's message: the library's error
// already names its function, which means little to a user reading a file.
func unwrapAll(err error) error {
	for {
		u := errors.Unwrap(err)
		if u == nil {
			return err
		}
		err = u
	}
}

// profile is a candidate creator as the planner sees them before booking.
type profile struct {
	Handle       string
	Platform     kpi.Platform
	Followers    int64
	Following    int64
	Category     string
	Country      string
	Language     string
	Fee          decimal.Decimal // quoted, for the campaign package
	Pieces       int             // deliverables in the package
	Deliverable  budget.Deliverable
	Demographics audience.Demographics
}

var ageColumns = []struct{ column, band string }{
	{"age_13_17", "13-17"}, {"age_18_24", "18-24"}, {"age_25_34", "25-34"}, {"age_35_44", "35-44"}, {"age_45_plus", "45+"},
}

func readProfiles(r io.Reader, cur budget.Currency) ([]profile, error) {
	cols := []string{"handle", "platform", "followers", "following", "category", "country", "language", "fee", "deliverables",
		"female", "male", "aud_de", "aud_at", "aud_ch", "aud_other"}
	for _, a := range ageColumns {
		cols = append(cols, a.column)
	}
	seen := map[string]bool{}
	out, err := readRows(r, cur, cols, func(t *csvTable) (profile, error) {
		var err error
		p := profile{Handle: strings.TrimPrefix(t.str("handle"), "@"), Category: strings.ToLower(t.str("category")),
			Country: strings.ToUpper(t.str("country")), Language: t.str("language")}
		if p.Handle == "" {
			return p, t.errorf("handle", "empty handle")
		}
		if seen[p.Handle] {
			return p, t.errorf("handle", "handle listed twice")
		}
		seen[p.Handle] = true
		if err := p.Platform.UnmarshalText([]byte(t.str("platform"))); err != nil {
			return p, t.errorf("platform", "unknown platform")
		}
		if p.Followers, err = t.count("followers"); err != nil {
			return p, err
		}
		if p.Following, err = t.count("following"); err != nil {
			return p, err
		}
		if p.Fee, err = t.money("fee"); err != nil {
			return p, err
		}
		if p.Pieces, p.Deliverable, err = t.deliverables("deliverables"); err != nil {
			return p, err
		}
		p.Demographics = audience.Demographics{"age": {}, "gender": {}, "country": {}}
		share := func(dim, cat, col string) error {
			v, err := decimal.NewFromString(t.str(col))
			if err != nil || v.IsNegative() || v.GreaterThan(decimal.NewFromInt(100)) {
				return t.errorf(col, "not a share in percent (0 to 100)")
			}
			p.Demographics[dim][cat] = v
			return nil
		}
		for _, a := range ageColumns {
			if err := share("age", a.band, a.column); err != nil {
				return p, err
			}
		}
		for _, s := range [][3]string{{"gender", "f", "female"}, {"gender", "m", "male"},
			{"country", "DE", "aud_de"}, {"country", "AT", "aud_at"}, {"country", "CH", "aud_ch"}, {"country", "other", "aud_other"}} {
			if err := share(s[0], s[1], s[2]); err != nil {
				return p, err
			}
		}
		for _, d := range [][2]string{{"age", "age_13_17"}, {"gender", "female"}, {"country", "aud_de"}} {
			dim, first := d[0], d[1]
			sum := decimal.Zero
			for _, v := range p.Demographics[dim] {
				sum = sum.Add(v)
			}
			if !sum.IsPositive() {
				return p, t.errorf(first, "the %s shares of the audience sum to zero", dim)
			}
		}
		return p, nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, errors.New("no creators")
	}
	return out, nil
}

// readFollowers reads follower samples: "handle: 100-199 250 300-310".
func readFollowers(r io.Reader) (map[string]*audience.Set, error) {
	return readFollowersMax(r, 20_000_000) // 160 MB of IDs while reading: a sample, not a whole platform
}

func readFollowersMax(r io.Reader, maxIDs uint64) (map[string]*audience.Set, error) {
	var total uint64
	sets := map[string]*audience.Set{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		trimmed := strings.TrimSpace(text)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		handle, ranges, ok := strings.Cut(text, ":")
		if !ok || strings.TrimSpace(handle) == "" {
			return nil, &fileError{Line: line, Column: 1, Header: "handle", Value: text, Err: errors.New(`want "handle: first-last …"`)}
		}
		handle = strings.TrimPrefix(strings.TrimSpace(handle), "@")
		s := sets[handle]
		if s == nil {
			s = &audience.Set{}
			sets[handle] = s
		}
		for _, field := range strings.Fields(ranges) {
			col := strings.Index(text, field) + 1
			lo, hi, isRange := strings.Cut(field, "-")
			a, err1 := strconv.ParseUint(lo, 10, 64)
			b, err2 := a, error(nil)
			if isRange {
				b, err2 = strconv.ParseUint(hi, 10, 64)
			}
			if err1 != nil || err2 != nil || b < a || b-a >= maxIDs-total {
				return nil, &fileError{Line: line, Column: col, Header: "ids", Value: field,
					Err: fmt.Errorf("not an ID or a range first-last, or more than %d IDs in all", maxIDs)}
			}
			ids := make([]uint64, 0, b-a+1)
			total += b - a + 1
			for id := a; ; id++ {
				ids = append(ids, id)
				if id == b {
					break
				}
			}
			s.Add(ids...)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return sets, nil
}

// booking is a creator the brand booked, with the tracking of their sales.
type booking struct {
	Handle      string
	Pieces      int
	Deliverable budget.Deliverable
	Fee         decimal.Decimal // agreed
	Tracking    roi.Tracking
}

func readBookings(r io.Reader, cur budget.Currency) ([]booking, error) {
	seen := map[string]bool{}
	return readRows(r, cur, []string{"handle", "deliverables", "fee", "code", "utm_source", "utm_campaign"}, func(t *csvTable) (booking, error) {
		var err error
		b := booking{Handle: strings.TrimPrefix(t.str("handle"), "@")}
		if b.Handle == "" {
			return b, t.errorf("handle", "empty handle")
		}
		if seen[b.Handle] {
			return b, t.errorf("handle", "booked twice")
		}
		seen[b.Handle] = true
		if b.Pieces, b.Deliverable, err = t.deliverables("deliverables"); err != nil {
			return b, err
		}
		if b.Fee, err = t.money("fee"); err != nil {
			return b, err
		}
		b.Tracking = roi.Tracking{Influencer: b.Handle}
		if c := t.str("code"); c != "" {
			b.Tracking.Codes = []string{c}
		}
		if src, camp := t.str("utm_source"), t.str("utm_campaign"); src != "" || camp != "" {
			b.Tracking.Links = []roi.UTM{{Source: src, Campaign: camp}}
		}
		return b, nil
	})
}

// expense is one line of the spend ledger.
type expense struct {
	Date     time.Time
	Item     string
	Category string
	Amount   decimal.Decimal
}

func readSpend(r io.Reader, cur budget.Currency) ([]expense, error) {
	return readRows(r, cur, []string{"date", "item", "category", "amount"}, func(t *csvTable) (expense, error) {
		var err error
		e := expense{Item: t.str("item"), Category: t.str("category")}
		if e.Date, err = time.Parse(time.DateOnly, t.str("date")); err != nil {
			return e, t.errorf("date", "want a date such as 2026-04-01")
		}
		if e.Category == "" {
			return e, t.errorf("category", "empty category")
		}
		if e.Amount, err = t.money("amount"); err != nil {
			return e, err
		}
		return e, nil
	})
}

// pastCampaign is the summary of an earlier campaign, to compare with.
type pastCampaign struct {
	Name    string
	Metrics roi.Metrics
}

func readPast(r io.Reader, cur budget.Currency) ([]pastCampaign, error) {
	return readRows(r, cur, []string{"campaign", "cost", "revenue", "orders", "engagements", "impressions"}, func(t *csvTable) (pastCampaign, error) {
		var err error
		p := pastCampaign{Name: t.str("campaign")}
		m := &p.Metrics
		if m.Cost, err = t.money("cost"); err != nil {
			return p, err
		}
		if m.Revenue, err = t.money("revenue"); err != nil {
			return p, err
		}
		orders, err := t.count("orders")
		if err != nil {
			return p, err
		}
		m.Conversions = decimal.NewFromInt(orders)
		if m.Engagements, err = t.count("engagements"); err != nil {
			return p, err
		}
		if m.Impressions, err = t.count("impressions"); err != nil {
			return p, err
		}
		return p, nil
	})
}
