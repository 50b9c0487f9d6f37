package audience

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"

	"github.com/influencekit/influencekit/internal/csvx"
	"github.com/influencekit/influencekit/internal/errs"
)

// Sentinels of the follower-ID readers (the module's shared values).
var (
	// ErrSyntax: a follower ID that is not a decimal integer below 2⁶⁴, or
	// malformed CSV.
	ErrSyntax = errs.ErrSyntax
	// ErrMissingColumn: ScanIDs' or ReadIDs' column is not in the header.
	ErrMissingColumn = errs.ErrMissingColumn
)

// ParseError is the error of a bad ID or row: line, column, header and
// value (the one CSV error type of every influencekit package).
type ParseError = csvx.Error

// ScanIDs reads follower IDs as platforms and warehouses export them and
// yields them one at a time, in input order, holding only the line being
// read, so memory does not grow with the input; stop the loop (break) to
// stop reading. Two layouts:
//
//   - column "": one ID per line, no header. Surrounding space, CRLF line
//     ends, a UTF-8 byte-order mark and blank lines are ignored. A line of
//     64 KiB or more (before its line end) is ErrSyntax: no ID is that
//     long, and the reader holds at most that.
//   - column "follower_id" (any header name): a CSV file with a header
//     row, read as every influencekit CSV reader reads one (the header
//     matched ignoring case, spaces, "_", "-" and "."; quoted fields;
//     blank lines skipped); the other columns are ignored.
//
// An ID is a decimal integer in [0, 2⁶⁴−1] ("00042" is 42); a duplicate
// is yielded again (a Set keeps it once). Errors end the sequence, yielded
// once with 0: a nil reader, or one holding a nil pointer, wraps
// ErrInvalid; an ID that is not a decimal integer below 2⁶⁴ is a
// *ParseError naming its line (and, for CSV, column and header) wrapping
// ErrSyntax, as is malformed CSV; a CSV input without a header row wraps
// ErrEmpty, without the column ErrMissingColumn; a failing reader's error
// is returned in a *ParseError and errors.Is matches it. The sequence
// reads r once: a second range yields an error wrapping ErrInvalid.
func ScanIDs(r io.Reader, column string) iter.Seq2[uint64, error] {
	return scanIDs("audience.ScanIDs", r, column)
}

// ReadIDs returns the set of the follower IDs in r: shorthand for adding
// every ID of ScanIDs(r, column) to an empty Set, with its errors (naming
// ReadIDs). The IDs are added in batches of 4096; the text is never held.
func ReadIDs(r io.Reader, column string) (*Set, error) {
	s := &Set{}
	var buf [4096]uint64
	n := 0
	for id, err := range scanIDs("audience.ReadIDs", r, column) {
		if err != nil {
			return nil, err
		}
		buf[n] = id
		if n++; n == len(buf) {
			s.Add(buf[:]...)
			n = 0
		}
	}
	s.Add(buf[:n]...)
	return s, nil
}

func scanIDs(fn string, r io.Reader, column string) iter.Seq2[uint64, error] {
	return csvx.Scan(fn, func() (func() (uint64, error), error) {
		if column == "" {
			return lineIDs(fn, r)
		}
		return csvIDs(fn, r, column)
	})
}

// maxIDLine is the longest line ScanIDs reads in one-ID-per-line input.
const maxIDLine = 64 << 10

// errNotID is the reason of a bad ID.
var errNotID = fmt.Errorf("not a follower ID (a decimal integer below 2^64): %w", ErrSyntax)

// parseID reads one ID, trimmed.
func parseID[T string | []byte](b T) (uint64, bool) {
	if len(b) == 0 {
		return 0, false
	}
	var v uint64
	for i := range len(b) {
		d := uint64(b[i]) - '0'
		if d > 9 {
			return 0, false
		}
		if v > (1<<64-1-d)/10 {
			return 0, false // beyond 2⁶⁴−1
		}
		v = v*10 + d
	}
	return v, true
}

// lineIDs returns the reader of the IDs of r, one per line.
func lineIDs(fn string, r io.Reader) (func() (uint64, error), error) {
	if csvx.IsNil(r) {
		return nil, &ParseError{Func: fn, Err: fmt.Errorf("reader: nil: %w", ErrInvalid)}
	}
	br := bufio.NewReaderSize(r, maxIDLine)
	line, done := 0, false
	return func() (uint64, error) {
		for !done {
			b, long, err := readLine(br)
			if line++; line == 1 {
				b = bytes.TrimPrefix(b, []byte("\uFEFF"))
			}
			done = err == io.EOF
			if err != nil && !done {
				return 0, &ParseError{Func: fn, Line: line, Err: err}
			}
			if b = bytes.TrimSpace(b); len(b) > 0 || long {
				id, ok := parseID(b)
				if !ok || long {
					return 0, &ParseError{Func: fn, Line: line, Column: 1, Value: string(b[:min(len(b), 64)]), Err: errNotID}
				}
				return id, nil
			}
		}
		return 0, io.EOF
	}, nil
}

// readLine returns the next line of br without its end, and whether it was
// longer than br's buffer (its start is returned, the rest skipped).
func readLine(br *bufio.Reader) (line []byte, long bool, err error) {
	line, err = br.ReadSlice('\n')
	for errors.Is(err, bufio.ErrBufferFull) {
		long = true
		line = line[:min(len(line), 64)]
		for errors.Is(err, bufio.ErrBufferFull) {
			_, err = br.ReadSlice('\n')
		}
	}
	return bytes.TrimSuffix(line, []byte("\n")), long, err
}

// csvIDs returns the reader of the IDs of one column of a CSV file.
func csvIDs(fn string, r io.Reader, column string) (func() (uint64, error), error) {
	rd, err := csvx.NewReader(fn, r, ',')
	if err != nil {
		return nil, err
	}
	col := rd.Column(column)
	if col < 0 {
		return nil, &ParseError{Func: fn, Line: 1, Header: column,
			Err: fmt.Errorf("%w: no header matches %s", ErrMissingColumn, errs.Quote(column))}
	}
	rd.ReuseRecord()
	return func() (uint64, error) {
		rec, err := rd.Next()
		if err != nil {
			return 0, err
		}
		id, ok := parseID(rec.Field(col))
		if !ok {
			return 0, rec.Errorf(col, errNotID)
		}
		return id, nil
	}, nil
}
