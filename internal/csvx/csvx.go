// Package csvx reads the CSV exports that influencer platforms and analytics
// tools produce: it strips a UTF-8 byte-order mark, accepts CRLF line ends
// (also inside quoted header names), maps header names to columns ignoring
// case, spacing and line breaks, and reports a bad field with its line,
// column, header and value.
package csvx

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/influencekit/influencekit/internal/errs"
)

// Error describes a field or row that could not be read. Line and Column are
// 1-based; Column counts fields, not bytes. Packages re-export it under their
// own name (for example kpi.ParseError) with a type alias.
type Error struct {
	Func   string // the exported function that read the input, e.g. "kpi.ReadPosts"
	Line   int    // 1-based line of the input where the record starts; 0 if unknown
	Column int    // 1-based field number; 0 if the whole row is concerned
	Header string // the column's header as written in the file, if known
	Value  string // the offending text
	Err    error  // what was wrong; errors.Is matches the package sentinels through it
}

// Error formats as `pkg: Func: line L, column C (header): "value": reason`;
// a long value is shortened (errs.Quote).
func (e *Error) Error() string {
	var b strings.Builder
	if pkg, fn, ok := strings.Cut(e.Func, "."); ok {
		b.WriteString(pkg + ": " + fn)
	} else {
		b.WriteString(e.Func)
	}
	b.WriteString(": ")
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ", column %d", e.Column)
			if e.Header != "" {
				fmt.Fprintf(&b, " (%s)", e.Header)
			}
		}
		b.WriteString(": ")
	}
	if e.Value != "" || e.Column > 0 {
		b.WriteString(errs.Quote(e.Value) + ": ")
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// NormalizeHeader folds a header name for matching: it trims it, lowercases
// it, and turns every run of spaces, line breaks, underscores, dashes and dots
// into a single space. "Avg. Likes", "avg_likes" and "AVG\r\nlikes" all
// become "avg likes".
func NormalizeHeader(s string) string {
	var b strings.Builder
	s = strings.TrimSpace(s)
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		// The common case, a run of ASCII lower-case letters and digits,
		// is copied at once, without unicode's tables.
		j := i
		for j < len(s) && ('a' <= s[j] && s[j] <= 'z' || '0' <= s[j] && s[j] <= '9') {
			j++
		}
		r, size := rune(0), j-i
		if j == i {
			r, size = utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) || r == '_' || r == '-' || r == '.' {
				space, i = true, i+size
				continue
			}
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		if j > i {
			b.WriteString(s[i:j])
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		i += size
	}
	return b.String()
}

// Reader reads records after a header row.
type Reader struct {
	fn     string
	r      *csv.Reader
	header []string
	index  map[string]int
}

var bom = []byte{0xEF, 0xBB, 0xBF}

type bomSkipper struct {
	r    io.Reader
	done bool
}

func (s *bomSkipper) Read(p []byte) (int, error) {
	if s.done {
		return s.r.Read(p)
	}
	s.done = true
	var head [3]byte
	n, err := io.ReadFull(s.r, head[:])
	if n == 3 && bytes.Equal(head[:], bom) {
		return s.r.Read(p)
	}
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
		if n == 0 {
			err = io.EOF
		}
	}
	s.r = io.MultiReader(bytes.NewReader(head[:n]), s.r)
	if err != nil {
		return 0, err
	}
	return s.r.Read(p)
}

// ErrNoHeader reports an input without a header row; it wraps errs.ErrEmpty.
var ErrNoHeader = fmt.Errorf("no header row: %w", errs.ErrEmpty)

// NewReader reads the header row of r. fn names the exported function for
// error messages ("kpi.ReadPosts"); comma is the field separator (',' or
// ';'). Rows may have a different number of fields than the header; fields
// beyond the header are ignored and missing ones read as "".
//
// A nil r or an unusable comma is an error wrapping errs.ErrInvalid; an
// input without a header row wraps errs.ErrEmpty; malformed CSV (a bare
// quote) wraps errs.ErrSyntax.
func NewReader(fn string, r io.Reader, comma rune) (*Reader, error) {
	if isNil(r) {
		return nil, &Error{Func: fn, Err: fmt.Errorf("reader: nil: %w", errs.ErrInvalid)}
	}
	if !validComma(comma) {
		return nil, &Error{Func: fn, Err: fmt.Errorf("comma: cannot separate fields (%s): %w", errs.Quote(string(comma)), errs.ErrInvalid)}
	}
	cr := csv.NewReader(&bomSkipper{r: r})
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &Error{Func: fn, Line: 1, Err: ErrNoHeader}
	}
	if err != nil {
		return nil, wrapCSV(fn, err)
	}
	rd := &Reader{fn: fn, r: cr, header: header, index: make(map[string]int, len(header))}
	for i, h := range header {
		k := NormalizeHeader(h)
		if _, dup := rd.index[k]; !dup {
			rd.index[k] = i
		}
	}
	return rd, nil
}

// IsNil reports whether r is nil or an interface holding a nil pointer, as
// NewReader checks it: readers that do not go through NewReader use it.
func IsNil(r io.Reader) bool { return isNil(r) }

// isNil reports whether r is nil or an interface holding a nil pointer
// (a nil *os.File or *strings.Reader), whose Read would dereference it.
func isNil(r io.Reader) bool {
	if r == nil {
		return true
	}
	v := reflect.ValueOf(r)
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.Interface:
		return v.IsNil()
	}
	return false
}

// validComma reports whether comma can separate CSV fields (the rules of
// encoding/csv, checked here so the error wraps a sentinel).
func validComma(comma rune) bool {
	return comma != 0 && comma != '"' && comma != '\r' && comma != '\n' &&
		utf8.ValidRune(comma) && comma != utf8.RuneError
}

// wrapCSV turns encoding/csv's errors into an *Error: a malformed record
// wraps errs.ErrSyntax, a failing reader is passed through as it is.
func wrapCSV(fn string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{Func: fn, Line: pe.Line, Column: pe.Column, Err: fmt.Errorf("%w: %w", errs.ErrSyntax, pe.Err)}
	}
	return &Error{Func: fn, Err: err}
}

// ReuseRecord makes Next reuse one slice for the fields of every record, as
// encoding/csv's ReuseRecord does: a Record is then valid only until the
// next call of Next (the strings Field returns stay valid). It saves one
// allocation per row; streaming readers that copy what they need out of
// each record turn it on.
func (r *Reader) ReuseRecord() { r.r.ReuseRecord = true }

// InputOffset returns the byte offset in the input (after a byte-order
// mark) of the end of the last record read.
func (r *Reader) InputOffset() int64 { return r.r.InputOffset() }

// Scan is the one shape of the module's streaming readers: the sequence of
// the values next returns, in order, until next returns io.EOF. open is
// called on the first range and returns next. An error of open or next is
// yielded once, with the zero T, and ends the sequence; a loop that stops
// early stops reading. The sequence reads its input once: a second range
// yields an error wrapping errs.ErrInvalid, naming fn ("kpi.ScanPosts").
func Scan[T any](fn string, open func() (next func() (T, error), err error)) iter.Seq2[T, error] {
	used := false
	return func(yield func(T, error) bool) {
		var zero T
		if used {
			yield(zero, errs.New(errs.ErrInvalid, fn, "range", "the sequence reads its reader once and was ranged over before", errs.None))
			return
		}
		used = true
		next, err := open()
		if err != nil {
			yield(zero, err)
			return
		}
		for {
			v, err := next()
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(zero, err)
				return
			}
			if !yield(v, nil) {
				return
			}
		}
	}
}

// Header returns the header row as written in the file.
func (r *Reader) Header() []string { return r.header }

// Column returns the index of the first header matching one of names (after
// NormalizeHeader on both sides), or -1.
func (r *Reader) Column(names ...string) int {
	for _, n := range names {
		if i, ok := r.index[NormalizeHeader(n)]; ok {
			return i
		}
	}
	return -1
}

// Record is one data row.
type Record struct {
	Line   int // 1-based line where the record starts
	fields []string
	r      *Reader
}

// Next returns the next non-blank record, or io.EOF.
func (r *Reader) Next() (Record, error) {
	for {
		fields, err := r.r.Read()
		if err != nil {
			if err == io.EOF {
				return Record{}, io.EOF
			}
			return Record{}, wrapCSV(r.fn, err)
		}
		line, _ := r.r.FieldPos(0)
		if len(fields) == 1 && strings.TrimSpace(fields[0]) == "" {
			continue
		}
		return Record{Line: line, fields: fields, r: r}, nil
	}
}

// Field returns the trimmed text of column col, or "" when col < 0 or the row
// is short.
func (rec Record) Field(col int) string {
	if col < 0 || col >= len(rec.fields) {
		return ""
	}
	s := rec.fields[col]
	// Most cells start and end with a printable ASCII byte: no space to
	// trim (TrimSpace's spaces are ASCII bytes up to ' ' or not ASCII).
	if n := len(s); n > 0 && ' ' < s[0] && s[0] < utf8.RuneSelf && ' ' < s[n-1] && s[n-1] < utf8.RuneSelf {
		return s
	}
	return strings.TrimSpace(s)
}

// Copy returns rec with its fields appended to buf, and buf: a Record
// that stays valid after the next Next under ReuseRecord, for a reader
// that hands records to another goroutine.
func (rec Record) Copy(buf []string) (Record, []string) {
	n := len(buf)
	buf = append(buf, rec.fields...)
	rec.fields = buf[n:len(buf):len(buf)]
	return rec, buf
}

// Errorf returns an *Error for column col of this record carrying err.
func (rec Record) Errorf(col int, err error) *Error {
	e := &Error{Func: rec.r.fn, Line: rec.Line, Err: err}
	if col >= 0 {
		e.Column = col + 1
		e.Value = rec.Field(col)
		if col < len(rec.r.header) {
			e.Header = strings.Join(strings.Fields(rec.r.header[col]), " ")
		}
	}
	return e
}
