package kpi

import (
	"bytes"
	"cmp"
	"io"
	"iter"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/influencekit/influencekit/internal/csvx"
)

// ScanPosts is the streaming form of ReadPosts: it reads the same CSV with
// the same quirks and yields one Post per row, in input order, holding
// only the row being read, so memory does not grow with the input. Stop
// the loop (break) to stop reading; r is left after the last row read
// (and the reader's buffer, up to 4 KB beyond it).
//
//	for p, err := range kpi.ScanPosts(r, kpi.DefaultPostColumns()) {
//		if err != nil {
//			return err
//		}
//		// use p
//	}
//
// An error is yielded once, with a zero Post, and ends the sequence: the
// errors of ReadPosts (a nil reader, no header row, a missing column, a
// *ParseError naming the line, column, header and value of a bad cell),
// with "kpi: ScanPosts" in their message. The sequence reads r once:
// ranging over it a second time yields an error wrapping ErrInvalid.
func ScanPosts(r io.Reader, c PostColumns) iter.Seq2[Post, error] {
	const fn = "kpi.ScanPosts"
	return csvx.Scan(fn, func() (func() (Post, error), error) {
		ps, err := openPosts(fn, r, c)
		if err != nil {
			return nil, err
		}
		return func() (Post, error) {
			var p Post
			err := ps.next(&p)
			return p, err
		}, nil
	})
}

// postScanner reads posts row by row.
type postScanner struct {
	rd *csvx.Reader
	pl postLayout
}

// openPosts reads the header of r and finds the columns c names.
func openPosts(fn string, r io.Reader, c PostColumns) (*postScanner, error) {
	rd, err := csvx.NewReader(fn, r, cmp.Or(c.Comma, ','))
	if err != nil {
		return nil, err
	}
	pl, err := c.layout(fn, rd)
	if err != nil {
		return nil, err
	}
	rd.ReuseRecord() // post copies what it keeps: the field strings
	return &postScanner{rd: rd, pl: pl}, nil
}

// next reads the next post into *p, or returns io.EOF after the last one.
// On an error *p is not a post.
func (ps *postScanner) next(p *Post) error {
	rec, err := ps.rd.Next()
	if err != nil {
		return err
	}
	return ps.pl.post(rec, p)
}

// readAll reads every post for ReadPosts. Growing a slice by append costs
// about 5× its final size in allocations (Go grows large slices by 1.25×),
// and a Post is about 170 bytes, twice a typical row. So when r tells its
// size (a *bytes.Reader, *strings.Reader, *bytes.Buffer or regular
// *os.File), the slice is sized once from the first 64 rows' average
// length, with 3 % to spare (more when those rows are shorter than the
// rest, and again if they were longer); otherwise rows are gathered in chunks and copied once
// into a slice of the exact length (2× in all).
func (ps *postScanner) readAll(r io.Reader) ([]Post, error) {
	off0 := ps.rd.InputOffset()
	posts := make([]Post, 0, 64)
	var chunks [][]Post
	n := 0
	for ; ; n++ {
		if len(posts) == cap(posts) {
			posts, chunks = ps.grow(r, posts, chunks, off0)
		}
		posts = posts[:len(posts)+1]
		err := ps.next(&posts[len(posts)-1])
		if err == io.EOF {
			posts = posts[:len(posts)-1]
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if n == 0 {
		return nil, nil // as before: no rows is a nil slice
	}
	if len(chunks) == 0 {
		return posts, nil
	}
	all := make([]Post, 0, n)
	for _, c := range chunks {
		all = append(all, c...)
	}
	return append(all, posts...), nil
}

// grow returns room for more posts: a slice sized for the whole input when
// r tells the bytes left, or a new chunk.
func (ps *postScanner) grow(r io.Reader, posts []Post, chunks [][]Post, off0 int64) ([]Post, [][]Post) {
	read, left, n := ps.rd.InputOffset()-off0, inputSize(r), int64(len(posts))
	if read > 0 && left >= 0 && len(chunks) == 0 {
		// Rows still to come: about n per read bytes, in left bytes (plus
		// the reader's buffer, at most 4 KB); never more than left bytes.
		est := n + min(n*left/read, left+4096)
		if want := est + est/32 + 64; want > int64(cap(posts)) {
			g := make([]Post, len(posts), want)
			copy(g, posts)
			return g, chunks
		}
	}
	chunks = append(chunks, posts)
	return make([]Post, 0, min(2*cap(posts), 1<<16)), chunks
}

// inputSize returns the bytes left in r for the readers that know it
// exactly, else -1. r has passed csvx.NewReader's nil checks.
func inputSize(r io.Reader) int64 {
	switch v := r.(type) {
	case *bytes.Reader:
		return int64(v.Len())
	case *strings.Reader:
		return int64(v.Len())
	case *bytes.Buffer:
		return int64(v.Len())
	case *os.File:
		fi, err := v.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return -1
		}
		at, err := v.Seek(0, io.SeekCurrent)
		if err != nil || at > fi.Size() {
			return -1
		}
		return fi.Size() - at
	}
	return -1
}

// platformOf reads a Platform cell as Platform.UnmarshalText does, without
// its allocations for ASCII text; other text and errors go to
// UnmarshalText.
func platformOf(s string) (Platform, error) {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf
	}
	if ascii {
		if s == "" {
			return UnknownPlatform, nil
		}
		for p := Instagram; p <= Threads; p++ {
			if strings.EqualFold(s, platformEnum.String(p)) {
				return p, nil
			}
		}
		if strings.EqualFold(s, "twitter") {
			return X, nil
		}
		if strings.EqualFold(s, "unknown") {
			return UnknownPlatform, nil
		}
	}
	var p Platform
	err := p.UnmarshalText([]byte(s))
	return p, err
}
