package collab

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/influencekit/influencekit/internal/csvx"
)

// Event is one dated step in a deliverable's life.
type Event struct {
	Deliverable string    `json:"deliverable"` // the Deliverable.ID it concerns
	Action      Action    `json:"action"`
	At          time.Time `json:"at"`
	// Post is the ID of the published post (kpi.Post.ID) for a Published
	// event; MatchPosts links it to the deliverable. Empty: not known.
	Post string `json:"post,omitempty"`
	// Note is free text ("logo too small"); no function reads it.
	Note string `json:"note,omitempty"`
}

// Event CSV columns, matched ignoring case, spaces, "_" and "-".
const (
	colDeliverable = "deliverable"
	colAction      = "action"
	colAt          = "at"
	colPost        = "post"
	colNote        = "note"
)

// timeLayouts are the forms an event time may take, tried in order; a time
// without a zone is in UTC.
var timeLayouts = [...]string{time.RFC3339, "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"}

// ReadEvents reads events from CSV with a header row: columns
// "deliverable", "action" and "at" are required, "post" and "note" are
// optional; other columns are ignored. An action is read with
// Action.UnmarshalText ("draft_submitted", ignoring case); a time as
// RFC 3339, "2006-01-02 15:04:05", "2006-01-02 15:04" or "2006-01-02",
// in UTC when it has no zone. Rows are returned in file order.
//
// Errors: no header row wraps ErrEmpty; a missing required column is a
// *ParseError wrapping ErrMissingColumn; an empty deliverable, an unknown
// action or a bad time is a *ParseError naming the line, column, header and
// value and wrapping ErrInvalid or ErrSyntax; a nil reader, or one
// holding a nil pointer, wraps ErrInvalid. No rows is not an error.
func ReadEvents(r io.Reader) ([]Event, error) {
	return readCSV("collab.ReadEvents", r, []string{colDeliverable, colAction, colAt}, []string{colPost, colNote}, readEvent)
}

func readEvent(rec csvx.Record, cols map[string]int) (Event, error) {
	e := Event{Deliverable: rec.Field(cols[colDeliverable]), Post: rec.Field(cols[colPost]),
		Note: rec.Field(cols[colNote])}
	if e.Deliverable == "" {
		return e, rec.Errorf(cols[colDeliverable], ErrInvalid)
	}
	if err := e.Action.UnmarshalText([]byte(rec.Field(cols[colAction]))); err != nil {
		return e, rec.Errorf(cols[colAction], ErrInvalid)
	}
	t, err := parseTime(rec.Field(cols[colAt]))
	if err != nil {
		return e, rec.Errorf(cols[colAt], err)
	}
	e.At = t
	return e, nil
}

// columns finds the required and optional columns of a CSV header; an
// optional column that is absent maps to -1.
func columns(fn string, rd *csvx.Reader, required, optional []string) (map[string]int, error) {
	cols := make(map[string]int, len(required)+len(optional))
	for _, name := range required {
		i := rd.Column(name)
		if i < 0 {
			return nil, &ParseError{Func: fn, Line: 1, Header: name,
				Err: fmt.Errorf("%w: no header matches %q", ErrMissingColumn, name)}
		}
		cols[name] = i
	}
	for _, name := range optional {
		cols[name] = rd.Column(name)
	}
	return cols, nil
}

func parseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, ErrSyntax
	}
	for _, l := range timeLayouts {
		if t, err := time.ParseInLocation(l, s, time.UTC); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%w: want RFC 3339 or 2006-01-02[ 15:04[:05]]", ErrSyntax)
}
