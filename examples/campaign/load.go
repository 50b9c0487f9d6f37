package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/csvx"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/kpi"
	"github.com/influencekit/influencekit/roi"
	"github.com/shopspring/decimal"
)

// The program's own CSV files are read through internal/csvx, the layer
// the library's readers use: a bad field is a *csvx.Error (the library's
// ParseError) naming the reader, the line, the column, its header and the
// value, and wrapping one of the shared sentinels.

// csvTable reads a CSV file with a header row and hands out fields by
// name; its errors carry the line and column of the field.
type csvTable struct {
	r   *csvx.Reader
	cur budget.Currency // of the amounts
	rec csvx.Record
}

func newTable(fn string, r io.Reader, cur budget.Currency, required ...string) (*csvTable, error) {
	cr, err := csvx.NewReader(fn, r, ',')
	if err != nil {
		return nil, err
	}
	for _, name := range required {
		if cr.Column(name) < 0 {
			return nil, &csvx.Error{Func: fn, Line: 1, Err: fmt.Errorf("%w %q (the header has %s)",
				errs.ErrMissingColumn, name, strings.Join(cr.Header(), ", "))}
		}
	}
	return &csvTable{r: cr, cur: cur}, nil
}

// next reads the next record; false at the end.
func (t *csvTable) next() (bool, error) {
	rec, err := t.r.Next()
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, err // a *csvx.Error: line and column included
	}
	t.rec = rec
	return true, nil
}

func (t *csvTable) str(name string) string { return t.rec.Field(t.r.Column(name)) }

// errorf is a bad value in column name of the current record; the message
// wraps sentinel.
func (t *csvTable) errorf(name string, sentinel error, format string, args ...any) error {
	return t.rec.Errorf(t.r.Column(name), fmt.Errorf("%s (%w)", fmt.Sprintf(format, args...), sentinel))
}

func (t *csvTable) count(name string) (int64, error) {
	n, err := kpi.ParseCount(t.str(name))
	if err != nil {
		return 0, t.rec.Errorf(t.r.Column(name), fmt.Errorf("not a count: %w", unwrapAll(err)))
	}
	return n, nil
}

func (t *csvTable) money(name string) (decimal.Decimal, error) {
	d, err := decimal.NewFromString(t.str(name))
	if err != nil || d.IsNegative() {
		return decimal.Decimal{}, t.errorf(name, errs.ErrSyntax, "not an amount (write it as 1234.50)")
	}
	if t.cur.Check(d) != nil {
		return decimal.Decimal{}, t.errorf(name, errs.ErrInvalid, "finer than the minor unit of %s", t.cur.Code())
	}
	return d, nil
}

// deliverables reads a package such as "2 reel": a count and a kind that
// budget.Format knows.
func (t *csvTable) deliverables(name string) (int, budget.Format, error) {
	n, kind, ok := strings.Cut(t.str(name), " ")
	pieces, err := strconv.Atoi(n)
	var d budget.Format
	if !ok || err != nil || pieces < 1 || d.UnmarshalText([]byte(strings.TrimSpace(kind))) != nil {
		return 0, d, t.errorf(name, errs.ErrSyntax, `want a number and a kind (post, reel, story, video or bundle), such as "2 reel"`)
	}
	return pieces, d, nil
}

// readRows reads a CSV file that has the required columns, one value a
// row; its amounts are in cur. fn names the reader in errors.
func readRows[T any](fn string, r io.Reader, cur budget.Currency, required []string, row func(t *csvTable) (T, error)) ([]T, error) {
	t, err := newTable(fn, r, cur, required...)
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
	Deliverable  budget.Format
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
	out, err := readRows("campaign.readProfiles", r, cur, cols, func(t *csvTable) (profile, error) {
		var err error
		p := profile{Handle: strings.TrimPrefix(t.str("handle"), "@"), Category: strings.ToLower(t.str("category")),
			Country: strings.ToUpper(t.str("country")), Language: t.str("language")}
		if p.Handle == "" {
			return p, t.errorf("handle", errs.ErrInvalid, "empty handle")
		}
		if seen[p.Handle] {
			return p, t.errorf("handle", errs.ErrDuplicate, "handle listed twice")
		}
		seen[p.Handle] = true
		if err := p.Platform.UnmarshalText([]byte(t.str("platform"))); err != nil {
			return p, t.errorf("platform", errs.ErrInvalid, "unknown platform")
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
				return t.errorf(col, errs.ErrInvalid, "not a share in percent (0 to 100)")
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
				return p, t.errorf(first, errs.ErrInvalid, "the %s shares of the audience sum to zero", dim)
			}
		}
		return p, nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no creators: %w", errs.ErrEmpty)
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
			return nil, &csvx.Error{Func: "campaign.readFollowers", Line: line, Column: 1, Header: "handle", Value: text,
				Err: fmt.Errorf(`want "handle: first-last …" (%w)`, errs.ErrSyntax)}
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
				return nil, &csvx.Error{Func: "campaign.readFollowers", Line: line, Column: col, Header: "ids", Value: field,
					Err: fmt.Errorf("not an ID or a range first-last, or more than %d IDs in all (%w)", maxIDs, errs.ErrSyntax)}
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
	Deliverable budget.Format
	Fee         decimal.Decimal // agreed
	Tracking    roi.Tracking
	// Name and Aliases (optional columns "name" and "aliases", the aliases
	// separated by ";") are how followers call them (section 9).
	Name    string
	Aliases []string
}

func readBookings(r io.Reader, cur budget.Currency) ([]booking, error) {
	seen := map[string]bool{}
	return readRows("campaign.readBookings", r, cur, []string{"handle", "deliverables", "fee", "code", "utm_source", "utm_campaign"}, func(t *csvTable) (booking, error) {
		var err error
		b := booking{Handle: strings.TrimPrefix(t.str("handle"), "@"), Name: t.str("name")}
		for _, a := range strings.Split(t.str("aliases"), ";") {
			if a = strings.TrimSpace(a); a != "" {
				b.Aliases = append(b.Aliases, a)
			}
		}
		if b.Handle == "" {
			return b, t.errorf("handle", errs.ErrInvalid, "empty handle")
		}
		if seen[b.Handle] {
			return b, t.errorf("handle", errs.ErrDuplicate, "booked twice")
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
	return readRows("campaign.readSpend", r, cur, []string{"date", "item", "category", "amount"}, func(t *csvTable) (expense, error) {
		var err error
		e := expense{Item: t.str("item"), Category: t.str("category")}
		if e.Date, err = time.Parse(time.DateOnly, t.str("date")); err != nil {
			return e, t.errorf("date", errs.ErrSyntax, "want a date such as 2026-04-01")
		}
		if e.Category == "" {
			return e, t.errorf("category", errs.ErrInvalid, "empty category")
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
	// NPS counts its post-purchase survey's promoters, passives and
	// detractors (optional columns nps_promoters, nps_passives,
	// nps_detractors; nil without them).
	NPS *[3]int64
}

func readPast(r io.Reader, cur budget.Currency) ([]pastCampaign, error) {
	return readRows("campaign.readPast", r, cur, []string{"campaign", "cost", "revenue", "orders", "engagements", "impressions"}, func(t *csvTable) (pastCampaign, error) {
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
		return p, pastNPS(t, &p)
	})
}

// pastNPS reads a past campaign's optional NPS counts.
func pastNPS(t *csvTable, p *pastCampaign) error {
	if t.r.Column("nps_promoters") < 0 || t.str("nps_promoters") == "" {
		return nil
	}
	var n [3]int64
	for i, col := range []string{"nps_promoters", "nps_passives", "nps_detractors"} {
		var err error
		if n[i], err = t.count(col); err != nil {
			return err
		}
	}
	p.NPS = &n
	return nil
}
