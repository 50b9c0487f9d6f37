package selection

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/influencekit/influencekit/internal/csvx"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

// Columns maps Profile fields to CSV header names. Each field lists the
// accepted names; the first one present in the header is used (names match
// ignoring case, spaces, line breaks, '_', '-' and '.'). Categories takes
// every listed column present, in the order listed. A field whose columns
// are all absent is left missing, except Handle, which is required.
type Columns struct {
	Handle, Name, Platform                []string
	Followers, Following, PostCount       []string
	AvgLikes, AvgComments, AvgEngagements []string
	AuthenticEngagements, EngagementRate  []string
	Categories, Country, Language, Fee    []string
}

// DefaultColumns returns the names used by common analytics exports,
// including those of the two public Kaggle-style datasets
// top_insta_influencers_data.csv ("channel_info", "60_day_eng_rate", …) and
// instagram_influencers.csv ("Influencer insta name", "category_1",
// "Audience country(mostly)", "Authentic engagement", "Engagement avg").
func DefaultColumns() Columns {
	return Columns{
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

// Duplicates says what ReadProfiles does with a handle that appears on
// several rows with different values. Rows that repeat a handle with
// identical values are always merged silently.
type Duplicates uint8

const (
	// DuplicateError (the default) fails with an error wrapping
	// ErrDuplicate that names both lines.
	DuplicateError Duplicates = iota
	// KeepFirst keeps the first row and reports the conflict.
	KeepFirst
	// KeepLast keeps the last row (at the first row's position) and
	// reports the conflict.
	KeepLast
)

// ReadOptions configures ReadProfiles. The zero value reads with
// DefaultColumns, ',' separators, Instagram as the platform when no
// platform column exists, and DuplicateError.
type ReadOptions struct {
	Columns    *Columns     // nil: DefaultColumns
	Comma      rune         // 0: ','
	Platform   kpi.Platform // when the file has no platform column (0: Instagram)
	Duplicates Duplicates
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
// fees are plain decimals. An empty field or "N/A", "NaN", "NaN%" … marks
// the field missing (Profile.Missing), never zero. Categories are the
// non-empty category columns; a cell may hold several categories separated
// by ';' or '|'.
//
// A bad field gives a *ParseError naming its line, column, header and
// value, wrapping ErrSyntax (and kpi's sentinel: kpi.ErrSyntax,
// kpi.ErrNegative, kpi.ErrOverflow); a file without a handle column gives
// ErrMissingColumn. A repeated handle is handled by opt.Duplicates; the
// conflicts found are returned.
func ReadProfiles(r io.Reader, opt ReadOptions) ([]Profile, []Conflict, error) {
	const fn = "selection.ReadProfiles"
	cols := DefaultColumns()
	if opt.Columns != nil {
		cols = *opt.Columns
	}
	comma := opt.Comma
	if comma == 0 {
		comma = ','
	}
	platform := opt.Platform
	if platform == kpi.UnknownPlatform {
		platform = kpi.Instagram
	}
	rd, err := csvx.NewReader(fn, r, comma)
	if err != nil {
		return nil, nil, err
	}
	handle := rd.Column(cols.Handle...)
	if handle < 0 {
		return nil, nil, &ParseError{Func: fn, Line: 1, Value: strings.Join(cols.Handle, ", "), Err: ErrMissingColumn}
	}
	col := func(names []string) int { return rd.Column(names...) }
	name, plat := col(cols.Name), col(cols.Platform)
	followers, following, posts := col(cols.Followers), col(cols.Following), col(cols.PostCount)
	likes, comments, engs, auth := col(cols.AvgLikes), col(cols.AvgComments), col(cols.AvgEngagements), col(cols.AuthenticEngagements)
	rate, country, lang, fee := col(cols.EngagementRate), col(cols.Country), col(cols.Language), col(cols.Fee)
	var catCols []int
	for _, n := range cols.Categories {
		if c := rd.Column(n); c >= 0 && !containsInt(catCols, c) {
			catCols = append(catCols, c)
		}
	}

	var out []Profile
	var lines [][]int // lines of each output profile
	seen := map[string]int{}
	var conflicts []Conflict
	conflictOf := map[string]int{}
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		p := Profile{Handle: strings.TrimPrefix(rec.Field(handle), "@"), Platform: platform}
		if p.Handle == "" {
			return nil, nil, rec.Errorf(handle, fmt.Errorf("%w: empty handle", ErrSyntax))
		}
		if name >= 0 {
			p.Name = rec.Field(name)
		}
		if plat >= 0 && rec.Field(plat) != "" {
			if err := p.Platform.UnmarshalText([]byte(rec.Field(plat))); err != nil {
				return nil, nil, rec.Errorf(plat, fmt.Errorf("%w: %w", ErrSyntax, err))
			}
		}
		counts := []struct {
			col  int
			dst  *int64
			miss Missing
		}{
			{followers, &p.Followers, MissingFollowers}, {following, &p.Following, MissingFollowing},
			{posts, &p.PostCount, MissingPostCount}, {likes, &p.AvgLikes, MissingAvgLikes},
			{comments, &p.AvgComments, MissingAvgComments}, {engs, &p.AvgEngagements, MissingAvgEngagements},
			{auth, &p.AuthenticEngagements, MissingAuthenticEngagements},
		}
		for _, c := range counts {
			if c.col < 0 {
				p.Missing |= c.miss
				continue
			}
			v, err := kpi.ParseCount(rec.Field(c.col))
			switch {
			case errors.Is(err, kpi.ErrNotReported):
				p.Missing |= c.miss
			case err != nil:
				return nil, nil, rec.Errorf(c.col, fmt.Errorf("%w: %w", ErrSyntax, err))
			default:
				*c.dst = v
			}
		}
		p.Missing |= MissingEngagementRate
		if rate >= 0 {
			v, err := kpi.ParseRate(rec.Field(rate))
			switch {
			case errors.Is(err, kpi.ErrNotReported):
			case err != nil:
				return nil, nil, rec.Errorf(rate, fmt.Errorf("%w: %w", ErrSyntax, err))
			case v.Sign() < 0:
				return nil, nil, rec.Errorf(rate, fmt.Errorf("%w: negative rate", ErrSyntax))
			default:
				p.EngagementRate = v
				p.Missing &^= MissingEngagementRate
			}
		}
		p.Missing |= MissingFee
		if fee >= 0 && !notReported(rec.Field(fee)) {
			v, err := decimal.NewFromString(strings.ReplaceAll(rec.Field(fee), ",", ""))
			if err != nil || v.Sign() < 0 {
				return nil, nil, rec.Errorf(fee, fmt.Errorf("%w: not a non-negative amount", ErrSyntax))
			}
			p.Fee = v
			p.Missing &^= MissingFee
		}
		for _, c := range catCols {
			for _, cat := range strings.FieldsFunc(rec.Field(c), func(r rune) bool { return r == ';' || r == '|' }) {
				if cat = strings.TrimSpace(cat); cat != "" && !notReported(cat) {
					p.Categories = append(p.Categories, cat)
				}
			}
		}
		if country >= 0 && !notReported(rec.Field(country)) {
			p.Country = rec.Field(country)
		} else {
			p.Missing |= MissingCountry
		}
		if lang >= 0 && !notReported(rec.Field(lang)) {
			p.Language = rec.Field(lang)
		}

		key := strings.ToLower(p.Handle)
		j, dup := seen[key]
		if !dup {
			seen[key] = len(out)
			out = append(out, p)
			lines = append(lines, []int{rec.Line})
			continue
		}
		lines[j] = append(lines[j], rec.Line)
		if sameProfile(out[j], p) {
			continue
		}
		if opt.Duplicates == DuplicateError {
			return nil, nil, rec.Errorf(handle, fmt.Errorf("%w: handle repeated with conflicting values, first on line %d", ErrDuplicate, lines[j][0]))
		}
		kept := lines[j][0]
		if opt.Duplicates == KeepLast {
			out[j] = p
			kept = rec.Line
		}
		if ci, ok := conflictOf[key]; ok {
			conflicts[ci].Lines = lines[j]
			conflicts[ci].Kept = kept
		} else {
			conflictOf[key] = len(conflicts)
			conflicts = append(conflicts, Conflict{Handle: p.Handle, Lines: lines[j], Kept: kept})
		}
	}
	for i := range conflicts {
		conflicts[i].Lines = append([]int(nil), conflicts[i].Lines...)
	}
	return out, conflicts, nil
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// notReported reports the spellings of a missing text value.
func notReported(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
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
