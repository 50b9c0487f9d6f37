package kpi

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/influencekit/influencekit/internal/csvx"
)

// PostColumns maps the fields of a Post to the header names of a CSV file. A
// header matches ignoring case, surrounding space, and runs of spaces, line
// breaks, "_", "-" and "." ("Avg. Likes" matches "avg_likes"). An empty
// name means the file has no such column: a count without a column is not
// reported (its bit is set in Post.Hidden), a text field stays empty.
type PostColumns struct {
	ID, Creator, Platform, PublishedAt string

	Followers, Likes, Comments, Shares, Saves, Views, Reach, Impressions, Clicks, Conversions string

	// Caption names the column of the post's text; empty (the default, and
	// DefaultPostColumns' value) means the file has none and Post.Caption
	// stays empty.
	Caption string

	// TimeLayouts are tried in order on PublishedAt; empty means
	// time.RFC3339, then "2006-01-02 15:04:05", then "2006-01-02".
	TimeLayouts []string
	// Location is the zone of times written without one; nil means UTC.
	Location *time.Location
	// Comma is the field separator; 0 means ','.
	Comma rune
}

// DefaultPostColumns returns PostColumns whose header names are the Post
// field names in snake case: "id", "creator", "platform", "published_at",
// "followers", "likes", "comments", "shares", "saves", "views", "reach",
// "impressions", "clicks", "conversions". Columns it names must all be
// present: clear the ones a file lacks.
func DefaultPostColumns() PostColumns {
	return PostColumns{
		ID: "id", Creator: "creator", Platform: "platform", PublishedAt: "published_at",
		Followers: "followers", Likes: "likes", Comments: "comments", Shares: "shares",
		Saves: "saves", Views: "views", Reach: "reach", Impressions: "impressions",
		Clicks: "clicks", Conversions: "conversions",
	}
}

// ReadPosts reads posts from CSV with a header row, mapping columns as c
// says. It strips a UTF-8 byte-order mark, accepts CRLF line ends (also
// inside quoted headers), quoted fields and blank lines.
//
// Counts are read with ParseCount ("1,234", "3.3k", "475.8m"); a cell that
// ParseCount calls not reported ("", "N/A", "NaN", "-") sets the field's bit
// in Post.Hidden and leaves the count 0. Platform is read with
// Platform.UnmarshalText.
//
// Errors: a nil r, or one holding a nil pointer, wraps ErrInvalid, as does
// a Comma that cannot separate fields ('"', '\n', '\r', an invalid rune);
// an input without a header row wraps ErrEmpty; a column named in c
// but absent from the header wraps ErrMissingColumn; an unreadable cell is
// a *ParseError naming the line, column, header and value and wrapping the
// sentinel of the cause (ErrSyntax, ErrNegative, ErrOverflow, ErrInvalid
// for a bad platform or time, ErrNotReported for an empty PublishedAt: a
// post needs its time); malformed CSV (a bare quote) wraps ErrSyntax; an
// error of r itself is returned in a *ParseError, and errors.Is matches it.
// No rows is not an error.
//
// Work and memory are linear in the input: each cell is read once, a count
// of any length in linear time (ParseCount), and each row becomes one Post
// (168 bytes plus its text). When r tells its size (*bytes.Reader,
// *strings.Reader, *bytes.Buffer, a regular *os.File) the slice is sized
// once from the first rows, and above 1 MB one goroutine reads the CSV
// while the calling one converts the rows (GOMAXPROCS > 1; both are done
// when ReadPosts returns); otherwise rows are gathered in chunks and
// copied once. 10⁶ rows of 96 bytes allocate about 2.7× the input. The
// input's size is the caller's to bound (io.LimitReader).
//
// ReadPosts is shorthand for collecting ScanPosts(r, c) into a slice, with
// "kpi: ReadPosts" in its errors; to read more posts than fit in memory,
// range over ScanPosts and add each post to an Accumulator.
func ReadPosts(r io.Reader, c PostColumns) ([]Post, error) {
	ps, err := openPosts("kpi.ReadPosts", r, c)
	if err != nil {
		return nil, err
	}
	return ps.readAll(r)
}

// postLayout is where the fields of a Post are in the rows of one file.
type postLayout struct {
	id, creator, platform, time, caption int // column indexes, -1: none
	counts                               []countColumn
	hidden                               Fields // counts without a column
	layouts                              []string
	loc                                  *time.Location
}

// countColumn is the column of one count.
type countColumn struct {
	f   Fields
	idx int
}

// layout finds the columns c names in the header of rd.
func (c PostColumns) layout(fn string, rd *csvx.Reader) (postLayout, error) {
	col := func(field, name string) (int, error) {
		if name == "" {
			return -1, nil
		}
		i := rd.Column(name)
		if i < 0 {
			return -1, &ParseError{Func: fn, Line: 1, Header: name,
				Err: fmt.Errorf("%w: no header matches %q (PostColumns.%s)", ErrMissingColumn, name, field)}
		}
		return i, nil
	}
	pl := postLayout{layouts: c.TimeLayouts, loc: c.Location}
	for _, x := range []struct {
		field, name string
		dst         *int
	}{{"ID", c.ID, &pl.id}, {"Creator", c.Creator, &pl.creator}, {"Platform", c.Platform, &pl.platform},
		{"PublishedAt", c.PublishedAt, &pl.time}, {"Caption", c.Caption, &pl.caption}} {
		var err error
		if *x.dst, err = col(x.field, x.name); err != nil {
			return postLayout{}, err
		}
	}
	for _, x := range []struct {
		f    Fields
		name string
	}{{FieldFollowers, c.Followers}, {FieldLikes, c.Likes}, {FieldComments, c.Comments},
		{FieldShares, c.Shares}, {FieldSaves, c.Saves}, {FieldViews, c.Views}, {FieldReach, c.Reach},
		{FieldImpressions, c.Impressions}, {FieldClicks, c.Clicks}, {FieldConversions, c.Conversions}} {
		i, err := col(fieldTitle(x.f), x.name)
		if err != nil {
			return postLayout{}, err
		}
		if i < 0 {
			pl.hidden |= x.f
			continue
		}
		pl.counts = append(pl.counts, countColumn{x.f, i})
	}
	if len(pl.layouts) == 0 {
		pl.layouts = []string{time.RFC3339, "2006-01-02 15:04:05", "2006-01-02"}
	}
	if pl.loc == nil {
		pl.loc = time.UTC
	}
	return pl, nil
}

// post reads one row into *p, which must be the zero Post (ReadPosts
// reads rows in place in its fresh slice: a Post is 168 bytes, and only
// the fields the file has are written).
func (pl *postLayout) post(rec csvx.Record, p *Post) error {
	p.ID, p.Creator, p.Hidden = rec.Field(pl.id), rec.Field(pl.creator), pl.hidden
	if pl.caption >= 0 {
		p.Caption = rec.Field(pl.caption)
	}
	if pl.platform >= 0 {
		var err error
		if p.Platform, err = platformOf(rec.Field(pl.platform)); err != nil {
			return rec.Errorf(pl.platform, fmt.Errorf("unknown platform: %w", ErrInvalid))
		}
	}
	if pl.time >= 0 {
		var err error
		if p.PublishedAt, err = parseTime(rec.Field(pl.time), pl.layouts, pl.loc); err != nil {
			return rec.Errorf(pl.time, err)
		}
	}
	for _, cc := range pl.counts {
		s := rec.Field(cc.idx)
		if v, ok := quickCount(s); ok {
			*p.field(cc.f) = v
			continue
		}
		if notReported(s) { // before ParseCount, whose error would be built per cell
			p.Hidden |= cc.f
			continue
		}
		v, err := ParseCount(s)
		switch {
		case errors.Is(err, ErrNotReported):
			p.Hidden |= cc.f
		case err != nil:
			return rec.Errorf(cc.idx, cause(err))
		default:
			*p.field(cc.f) = v
		}
	}
	return nil
}

// cause returns the sentinel wrapped by one of this package's errors, so
// that a ParseError does not repeat the value.
func cause(err error) error {
	for _, s := range []error{ErrNegative, ErrOverflow, ErrSyntax, ErrInvalid} {
		if errors.Is(err, s) {
			return s
		}
	}
	return err
}

// parseTime reads a PublishedAt cell: empty is ErrNotReported, text no
// layout reads ErrInvalid.
func parseTime(s string, layouts []string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, ErrNotReported
	}
	for _, l := range layouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not a time in PostColumns.TimeLayouts: %w", ErrInvalid)
}
