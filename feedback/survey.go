package feedback

import (
	"io"
	"strings"
	"time"

	"github.com/influencekit/influencekit/internal/csvx"
	"github.com/influencekit/influencekit/internal/errs"
)

// Layout describes a survey export's columns that are not questions. Each
// name list is tried in order, matched after csvx-style header
// normalisation (case, spaces, "_", "-" and "." ignored); a nil list means
// the default in the field's comment. Every other column is a question.
type Layout struct {
	// Comma separates fields; 0 means ','.
	Comma rune
	// Time: the response's timestamp; default "timestamp", "submitted at",
	// "submit date", "submitted", "date submitted", "created at",
	// "start date", "date". Optional.
	Time []string
	// Order: the order the response is about; default "order id",
	// "order", "order number", "order no". Optional.
	Order []string
	// Respondent: who answered; default "respondent id", "respondent",
	// "response id", "respondent email", "email". Optional.
	Respondent []string
}

var (
	defaultTime       = []string{"timestamp", "submitted at", "submit date", "submitted", "date submitted", "created at", "start date", "date"}
	defaultOrder      = []string{"order id", "order", "order number", "order no"}
	defaultRespondent = []string{"respondent id", "respondent", "response id", "respondent email", "email"}
)

// Survey is a survey export read by [ReadSurvey]: the question headers and
// one Response per data row, in file order.
type Survey struct {
	// Questions are the question columns' headers as written (runs of
	// spaces and line breaks made one space), in file order.
	Questions []string   `json:"questions"`
	Responses []Response `json:"responses"`
	// columns[i] is the 0-based file column of Questions[i]; nil for a
	// Survey built in code (errors then name no column).
	columns []int
}

// Response is one row of a survey export.
type Response struct {
	Line int `json:"line"` // 1-based line where the row starts; 0 for one built in code
	// Time is the timestamp; zero when the export has no timestamp column
	// or the cell is blank.
	Time       time.Time `json:"time,omitzero"`
	OrderID    string    `json:"order_id,omitempty"`
	Respondent string    `json:"respondent,omitempty"`
	// Answers has one entry per question, trimmed; "" is "not answered",
	// never a zero.
	Answers []string `json:"answers"`
}

// ReadSurvey reads a survey export as form tools write it (Google Forms,
// Typeform, SurveyMonkey, Shopify post-purchase apps): a header row, then
// one row per response with an optional timestamp, order ID and respondent
// ID (see [Layout]) and one column per question; a column with a blank
// header (a trailing separator) is ignored. A UTF-8 BOM, CRLF line
// ends and quoted line breaks are accepted; blank rows are skipped; a short
// row's missing cells are not answered.
//
// Timestamps are RFC 3339, "2006-01-02 15:04:05[ -0700]", "2006/01/02
// 3:04:05 PM" (Google Forms), "1/2/2006 15:04:05" (month first) or
// "2006-01-02", read as UTC when they carry no zone; a blank timestamp is
// the zero time.
//
// Errors are [*ParseError] values with line, column, header and value,
// wrapping [ErrEmpty] (no header row), [ErrSyntax] (a timestamp that does
// not parse, malformed CSV), [ErrDuplicate] (two question columns with the
// same normalised header) or [ErrInvalid] (a nil reader, a bad comma); a
// failing reader's own error comes back in a *ParseError without a line.
func ReadSurvey(r io.Reader, layout Layout) (Survey, error) {
	const fn = "feedback.ReadSurvey"
	comma := layout.Comma
	if comma == 0 {
		comma = ','
	}
	cr, err := csvx.NewReader(fn, r, comma)
	if err != nil {
		return Survey{}, err
	}
	tc := cr.Column(orDefault(layout.Time, defaultTime)...)
	oc := cr.Column(orDefault(layout.Order, defaultOrder)...)
	rc := cr.Column(orDefault(layout.Respondent, defaultRespondent)...)
	s, err := questions(fn, cr.Header(), tc, oc, rc)
	if err != nil {
		return Survey{}, err
	}
	for {
		rec, err := cr.Next()
		if err == io.EOF {
			return s, nil
		}
		if err != nil {
			return Survey{}, err
		}
		resp := Response{Line: rec.Line, OrderID: rec.Field(oc), Respondent: rec.Field(rc), Answers: make([]string, len(s.columns))}
		if txt := rec.Field(tc); txt != "" {
			if resp.Time, err = parseTime(txt); err != nil {
				return Survey{}, rec.Errorf(tc, ErrSyntax)
			}
		}
		for i, c := range s.columns {
			resp.Answers[i] = rec.Field(c)
		}
		s.Responses = append(s.Responses, resp)
	}
}

func orDefault(names, def []string) []string {
	if names == nil {
		return def
	}
	return names
}

// questions collects the question columns: every column but tc, oc and rc.
func questions(fn string, header []string, tc, oc, rc int) (Survey, error) {
	var s Survey
	seen := map[string]int{}
	for i, h := range header {
		if i == tc || i == oc || i == rc || strings.TrimSpace(h) == "" {
			continue // not a question (a blank header names nothing to ask for)
		}
		k := csvx.NormalizeHeader(h)
		if _, dup := seen[k]; dup {
			return Survey{}, &ParseError{Func: fn, Line: 1, Column: i + 1, Header: clean(h), Value: h, Err: ErrDuplicate}
		}
		seen[k] = i
		s.Questions = append(s.Questions, clean(h))
		s.columns = append(s.columns, i)
	}
	return s, nil
}

func clean(h string) string { return strings.Join(strings.Fields(h), " ") }

var timeLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
	"2006/01/02 3:04:05 PM",
	"2006/01/02 3:04:05 PM MST",
	"1/2/2006 15:04:05",
	"1/2/2006 15:04",
	"2006-01-02",
}

func parseTime(s string) (time.Time, error) {
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, ErrSyntax
}

// Question returns the index in s.Questions of the question whose header
// matches name (after header normalisation), or an error wrapping
// [ErrMissingColumn].
func (s Survey) Question(name string) (int, error) {
	return s.index("feedback.Survey.Question", "name", name)
}

// index is Question for the exported function fn, whose argument field
// holds name.
func (s Survey) index(fn, field, name string) (int, error) {
	k := csvx.NormalizeHeader(name)
	for i, q := range s.Questions {
		if csvx.NormalizeHeader(q) == k {
			return i, nil
		}
	}
	return -1, errs.New(ErrMissingColumn, fn, field, "no such question", name)
}

// answerError is the *ParseError for response ri's answer to question qi.
func (s Survey) answerError(fn string, ri, qi int, err error) *ParseError {
	e := &ParseError{Func: fn, Line: s.Responses[ri].Line, Header: s.Questions[qi], Value: s.Responses[ri].Answers[qi], Err: err}
	if qi < len(s.columns) {
		e.Column = s.columns[qi] + 1
	}
	return e
}
