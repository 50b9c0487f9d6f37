package selection

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/csvx"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

// ProfileColumns maps Profile fields to CSV header names. Each field lists the
// accepted names; the first one present in the header is used (names match
// ignoring case, spaces, line breaks, '_', '-' and '.'). Categories takes
// every listed column present, in the order listed. A field whose columns
// are all absent is left missing, except Handle, which is required.
type ProfileColumns struct {
	Handle, Name, Platform                []string
	Followers, Following, PostCount       []string
	AvgLikes, AvgComments, AvgEngagements []string
	AuthenticEngagements, EngagementRate  []string
	Categories, Country, Language, Fee    []string
}

// DefaultProfileColumns returns the names used by common analytics exports,
// including those of the two public Kaggle-style datasets
// top_insta_influencers_data.csv ("channel_info", "60_day_eng_rate", …) and
// instagram_influencers.csv ("Influencer insta name", "category_1",
// "Audience country(mostly)", "Authentic engagement", "Engagement avg").
func DefaultProfileColumns() ProfileColumns {
	return ProfileColumns{
		Handle:               []string{"handle", "username", "account", "channel_info", "influencer insta name", "instagram handle"},
		Name:                 []string{"name", "instagram name", "full name", "display name"},
		Platform:             []string{"platform", "network"},
		Followers:            []string{"followers", "follower count", "subscribers"},
		Following:            []string{"following", "follows"},
		PostCount:            []string{"posts", "post count", "media count"},
		AvgLikes:             []string{"avg likes", "average likes", "likes avg"},
		AvgComments:          []string{"avg comments", "average comments", "comments avg"},
		AvgEngagements:       []string{"engagement avg", "avg engagement", "average engagement", "avg engagements"},
		AuthenticEngagements: []string{"authentic engagement", "authentic engagements"},
		EngagementRate:       []string{"engagement rate", "eng rate", "er", "60 day eng rate"},
		Categories:           []string{"category", "categories", "category 1", "category 2", "category 3", "niche"},
		Country:              []string{"country", "audience country(mostly)", "audience country", "location"},
		Language:             []string{"language", "lang"},
		Fee:                  []string{"fee", "price", "rate card", "cost"},
	}
}

// Duplicates says what ReadProfiles and ScanProfiles do with a handle that
// appears on several rows with different values. Rows that repeat a handle with
// identical values are always merged silently. Its zero value is
// DuplicateError.
type Duplicates uint8

const (
	// DuplicateError (the default) fails with an error wrapping
	// ErrDuplicate that names both lines.
	DuplicateError Duplicates = iota
	// KeepFirst keeps the first row and reports the conflict.
	KeepFirst
	// KeepLast keeps the last row (at the first row's position) and
	// reports the conflict. ScanProfiles refuses it (ErrInvalid).
	KeepLast
)

// ReadOptions configures ReadProfiles. The zero value reads with
// DefaultProfileColumns, ',' separators, Instagram as the platform when no
// platform column exists, DuplicateError, and fees in no stated currency.
type ReadOptions struct {
	Columns    *ProfileColumns // nil: DefaultProfileColumns
	Comma      rune            // 0: ','
	Platform   kpi.Platform    // when the file has no platform column (0: Instagram)
	Duplicates Duplicates
	// Currency is the currency of the file's fees, set as every profile's
	// Currency; zero: none stated (the fees are in the Criteria's).
	Currency budget.Currency
	// Conflicts, when not nil, receives the conflicts ScanProfiles finds
	// under KeepFirst (the list ReadProfiles returns), set when the
	// sequence ends, by its last row, an error or a break. ScanProfiles
	// under KeepFirst requires it; ReadProfiles ignores it and returns its
	// conflicts.
	Conflicts *[]Conflict
}

// Conflict reports a handle repeated with different values.
type Conflict struct {
	Handle string `json:"handle"`
	Lines  []int  `json:"lines"` // every line holding the handle, ascending
	Kept   int    `json:"kept"`  // the line whose values were kept
}

// ReadProfiles reads one profile per CSV row. It strips a UTF-8 BOM,
// accepts CRLF line ends (also inside quoted header names), quoted fields
// with commas and any UTF-8 text. Counts accept thousands separators and
// k/m/b suffixes in either case ("475.8m", "3.3K"; kpi.ParseCount); rates
// accept percent strings or fractions ("1.39%", "0.0139"; kpi.ParseRate);
// fees are plain decimals. A number's text is at most MaxNumberText (1400)
// bytes and any other field at most MaxText (4096), checked before it is
// read, so work is linear in the input. An empty field or "N/A", "NaN", "NaN%" … marks
// the field missing (Profile.Missing), never zero. Categories are the
// non-empty category columns; a cell may hold several categories separated
// by ';' or '|'.
//
// A bad field gives a *ParseError naming its line, column, header and
// value, wrapping ErrSyntax (and kpi's sentinel: ErrNegative, ErrOverflow)
// or, for a fee beyond the module's decimal limit, a number longer than
// MaxNumberText or a text longer than MaxText, ErrTooLarge; a file without a handle column gives
// ErrMissingColumn; an empty input (no header row) gives ErrEmpty; a nil
// reader or an unusable opt.Comma gives ErrInvalid; a failing reader's own
// error comes back wrapped. A repeated handle is handled by
// opt.Duplicates (a conflict under DuplicateError wraps ErrDuplicate; a
// value other than the three policies is ErrInvalid); the conflicts found
// are returned.
//
// ReadProfiles is shorthand for collecting ScanProfiles(r, opt) into a
// slice, with the conflicts returned rather than stored in opt.Conflicts,
// and "selection: ReadProfiles" in its errors; it also offers KeepLast,
// which a stream cannot. To read more rows than fit in memory, range over
// ScanProfiles.
func ReadProfiles(r io.Reader, opt ReadOptions) ([]Profile, []Conflict, error) {
	const fn = "selection.ReadProfiles"
	if err := checkDuplicates(fn, opt.Duplicates); err != nil {
		return nil, nil, err
	}
	ps, err := openProfiles(fn, r, opt)
	if err != nil {
		return nil, nil, err
	}
	d := newDedup(opt.Duplicates)
	for {
		_, err := ps.next(d)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
	}
	return d.out, d.conflictList(), nil
}

// checkDuplicates refuses a Duplicates policy that is not one of the three.
func checkDuplicates(fn string, d Duplicates) error {
	if d > KeepLast {
		return errs.New(ErrInvalid, fn, "ReadOptions.Duplicates", "not a duplicate policy", d)
	}
	return nil
}

// profileScanner reads profiles row by row, for ReadProfiles and
// ScanProfiles.
type profileScanner struct {
	rd       *csvx.Reader
	at       columns
	platform kpi.Platform
	currency budget.Currency
}

// openProfiles reads the header of r and finds the columns opt names.
func openProfiles(fn string, r io.Reader, opt ReadOptions) (*profileScanner, error) {
	cols := DefaultProfileColumns()
	if opt.Columns != nil {
		cols = *opt.Columns
	}
	platform := opt.Platform
	if platform == kpi.UnknownPlatform {
		platform = kpi.Instagram
	}
	rd, err := csvx.NewReader(fn, r, cmp.Or(opt.Comma, ','))
	if err != nil {
		return nil, err
	}
	at, err := locate(fn, rd, cols)
	if err != nil {
		return nil, err
	}
	return &profileScanner{rd: rd, at: at, platform: platform, currency: opt.Currency}, nil
}

// next reads the next row and hands it to d; it reports whether the row
// started a new handle (false: merged into an earlier one, or kept aside
// by d's policy). It returns io.EOF after the last row.
func (ps *profileScanner) next(d *dedup) (bool, error) {
	rec, err := ps.rd.Next()
	if err != nil {
		return false, err
	}
	p, err := ps.at.profile(rec, ps.platform)
	if err != nil {
		return false, err
	}
	p.Currency = ps.currency
	n := len(d.out)
	if err := d.add(p, rec, ps.at.handle); err != nil {
		return false, err
	}
	return len(d.out) > n, nil
}

// MaxNumberText bounds the text of one number ReadProfiles reads (a count,
// a rate or a fee): at most 1400 bytes, room for the module's 1000 digits
// (limit.MaxDigits) with thousands separators, a sign, a point, a percent
// sign and an exponent. A longer field is ErrTooLarge at its line and
// column, refused before it is parsed, so that a row costs microseconds
// however long its cells (decimal's parser is quadratic in the digits: a
// fee of 10^6 digits took 1.1 s).
const MaxNumberText = 1400

// MaxText bounds the text of a handle, name, platform, category cell,
// country or language that ReadProfiles reads: at most 4096 bytes. A longer
// field is ErrTooLarge at its line and column, refused before it is read,
// so that a row's work beyond the CSV layer is bounded whatever its cells.
const MaxText = 4096

// checkText refuses a text field of rec longer than MaxText.
func (at columns) checkText(rec csvx.Record) error {
	for _, col := range append([]int{at.handle, at.name, at.plat, at.country, at.lang}, at.cats...) {
		if col >= 0 && len(rec.Field(col)) > MaxText {
			return rec.Errorf(col, fmt.Errorf("%w: a text of %d bytes, above MaxText (4096)", ErrTooLarge, len(rec.Field(col))))
		}
	}
	return nil
}

// numberText returns field col of rec, or an error wrapping ErrTooLarge
// when it is longer than MaxNumberText.
func numberText(rec csvx.Record, col int) (string, error) {
	s := rec.Field(col)
	if len(s) > MaxNumberText {
		return "", rec.Errorf(col, fmt.Errorf("%w: a number of %d bytes, above MaxNumberText (1400)", ErrTooLarge, len(s)))
	}
	return s, nil
}

// columns holds the index of each ProfileColumns field in a header (-1:
// absent).
type columns struct {
	handle, name, plat, followers, following, posts  int
	likes, comments, engs, auth, rate, country, lang int
	fee                                              int
	cats                                             []int
}

// locate finds cols in rd's header; the handle column is required.
func locate(fn string, rd *csvx.Reader, cols ProfileColumns) (columns, error) {
	col := func(names []string) int { return rd.Column(names...) }
	at := columns{handle: col(cols.Handle), name: col(cols.Name), plat: col(cols.Platform),
		followers: col(cols.Followers), following: col(cols.Following), posts: col(cols.PostCount),
		likes: col(cols.AvgLikes), comments: col(cols.AvgComments), engs: col(cols.AvgEngagements),
		auth: col(cols.AuthenticEngagements), rate: col(cols.EngagementRate), country: col(cols.Country),
		lang: col(cols.Language), fee: col(cols.Fee)}
	if at.handle < 0 {
		return at, &ParseError{Func: fn, Line: 1, Value: strings.Join(cols.Handle, ", "), Err: ErrMissingColumn}
	}
	for _, n := range cols.Categories {
		if c := rd.Column(n); c >= 0 && !slices.Contains(at.cats, c) {
			at.cats = append(at.cats, c)
		}
	}
	return at, nil
}

// profile reads one row.
func (at columns) profile(rec csvx.Record, platform kpi.Platform) (Profile, error) {
	if err := at.checkText(rec); err != nil {
		return Profile{}, err
	}
	p := Profile{Handle: strings.TrimPrefix(rec.Field(at.handle), "@"), Platform: platform}
	if p.Handle == "" {
		return p, rec.Errorf(at.handle, fmt.Errorf("%w: empty handle", ErrSyntax))
	}
	if at.name >= 0 {
		p.Name = rec.Field(at.name)
	}
	if at.plat >= 0 && rec.Field(at.plat) != "" {
		if err := p.Platform.UnmarshalText([]byte(rec.Field(at.plat))); err != nil {
			return p, rec.Errorf(at.plat, fmt.Errorf("%w: %w", ErrSyntax, err))
		}
	}
	if err := at.counts(rec, &p); err != nil {
		return p, err
	}
	if err := at.rateAndFee(rec, &p); err != nil {
		return p, err
	}
	for _, c := range at.cats {
		for _, cat := range strings.FieldsFunc(rec.Field(c), func(r rune) bool { return r == ';' || r == '|' }) {
			if cat = strings.TrimSpace(cat); cat != "" && !notReported(cat) {
				p.Categories = append(p.Categories, cat)
			}
		}
	}
	if at.country >= 0 && !notReported(rec.Field(at.country)) {
		p.Country = rec.Field(at.country)
	} else {
		p.Missing |= MissingCountry
	}
	if at.lang >= 0 && !notReported(rec.Field(at.lang)) {
		p.Language = rec.Field(at.lang)
	}
	return p, nil
}

// counts reads the count columns of a row; an absent column or a field
// not reported marks the count missing.
func (at columns) counts(rec csvx.Record, p *Profile) error {
	counts := []struct {
		col  int
		dst  *int64
		miss Missing
	}{
		{at.followers, &p.Followers, MissingFollowers}, {at.following, &p.Following, MissingFollowing},
		{at.posts, &p.PostCount, MissingPostCount}, {at.likes, &p.AvgLikes, MissingAvgLikes},
		{at.comments, &p.AvgComments, MissingAvgComments}, {at.engs, &p.AvgEngagements, MissingAvgEngagements},
		{at.auth, &p.AuthenticEngagements, MissingAuthenticEngagements},
	}
	for _, c := range counts {
		if c.col < 0 {
			p.Missing |= c.miss
			continue
		}
		text, err := numberText(rec, c.col)
		if err != nil {
			return err
		}
		v, err := kpi.ParseCount(text)
		switch {
		case errors.Is(err, kpi.ErrNotReported):
			p.Missing |= c.miss
		case err != nil:
			return rec.Errorf(c.col, fmt.Errorf("%w: %w", ErrSyntax, err))
		default:
			*c.dst = v
		}
	}
	return nil
}

// rateAndFee reads the engagement rate and the fee of a row; an absent
// column or a field not reported marks them missing.
func (at columns) rateAndFee(rec csvx.Record, p *Profile) error {
	p.Missing |= MissingEngagementRate
	if at.rate >= 0 {
		text, err := numberText(rec, at.rate)
		if err != nil {
			return err
		}
		v, err := kpi.ParseRate(text)
		switch {
		case errors.Is(err, kpi.ErrNotReported):
		case err != nil:
			return rec.Errorf(at.rate, fmt.Errorf("%w: %w", ErrSyntax, err))
		case v.Sign() < 0:
			return rec.Errorf(at.rate, fmt.Errorf("%w: negative rate", ErrSyntax))
		case !floatable(v):
			return rec.Errorf(at.rate, fmt.Errorf("%w: rate outside float64 range, which Rank scores in", ErrTooLarge))
		default:
			p.EngagementRate = v
			p.Missing &^= MissingEngagementRate
		}
	}
	p.Missing |= MissingFee
	if at.fee >= 0 && !notReported(rec.Field(at.fee)) {
		text, err := numberText(rec, at.fee)
		if err != nil {
			return err
		}
		v, err := decimal.NewFromString(strings.ReplaceAll(text, ",", ""))
		if err != nil || v.Sign() < 0 {
			return rec.Errorf(at.fee, fmt.Errorf("%w: not a non-negative amount", ErrSyntax))
		}
		if err := limit.Decimal("", "", v); err != nil {
			return rec.Errorf(at.fee, fmt.Errorf("%w: beyond the module's decimal limit", ErrTooLarge))
		}
		p.Fee = v
		p.Missing &^= MissingFee
	}
	return nil
}

// dedup collects the profiles of ReadProfiles, merging or reporting
// repeated handles by its policy.
type dedup struct {
	policy     Duplicates
	out        []Profile
	lines      [][]int // lines of each output profile
	seen       map[string]int
	conflicts  []Conflict
	conflictOf map[string]int
}

// newDedup returns an empty dedup with the given policy.
func newDedup(policy Duplicates) *dedup {
	return &dedup{policy: policy, seen: map[string]int{}, conflictOf: map[string]int{}}
}

// conflictList returns the conflicts found so far, each with its own copy
// of its lines.
func (d *dedup) conflictList() []Conflict {
	out := slices.Clone(d.conflicts)
	for i := range out {
		out[i].Lines = slices.Clone(out[i].Lines)
	}
	return out
}

// add takes the profile read from rec; handle is its handle column.
func (d *dedup) add(p Profile, rec csvx.Record, handle int) error {
	key := strings.ToLower(p.Handle)
	j, dup := d.seen[key]
	if !dup {
		d.seen[key] = len(d.out)
		d.out = append(d.out, p)
		d.lines = append(d.lines, []int{rec.Line})
		return nil
	}
	d.lines[j] = append(d.lines[j], rec.Line)
	if sameProfile(d.out[j], p) {
		return nil
	}
	if d.policy == DuplicateError {
		return rec.Errorf(handle, fmt.Errorf("%w: handle repeated with conflicting values, first on line %d", ErrDuplicate, d.lines[j][0]))
	}
	kept := d.lines[j][0]
	if d.policy == KeepLast {
		d.out[j] = p
		kept = rec.Line
	}
	if ci, ok := d.conflictOf[key]; ok {
		d.conflicts[ci].Lines = d.lines[j]
		d.conflicts[ci].Kept = kept
	} else {
		d.conflictOf[key] = len(d.conflicts)
		d.conflicts = append(d.conflicts, Conflict{Handle: p.Handle, Lines: d.lines[j], Kept: kept})
	}
	return nil
}

// notReported reports the spellings of a missing text value.
func notReported(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > len("null") {
		return false // never lower-case a long cell: it is not one of these
	}
	switch strings.ToLower(s) {
	case "", "n/a", "na", "nan", "null", "none", "-":
		return true
	}
	return false
}

// sameProfile reports whether two rows read the same values.
func sameProfile(a, b Profile) bool {
	if a.Handle != b.Handle || a.Name != b.Name || a.Platform != b.Platform || a.Followers != b.Followers ||
		a.Following != b.Following || a.PostCount != b.PostCount || a.AvgLikes != b.AvgLikes ||
		a.AvgComments != b.AvgComments || a.AvgEngagements != b.AvgEngagements ||
		a.AuthenticEngagements != b.AuthenticEngagements || !a.EngagementRate.Equal(b.EngagementRate) ||
		!a.Fee.Equal(b.Fee) || a.Country != b.Country || a.Language != b.Language || a.Missing != b.Missing ||
		len(a.Categories) != len(b.Categories) {
		return false
	}
	for i := range a.Categories {
		if a.Categories[i] != b.Categories[i] {
			return false
		}
	}
	return true
}
