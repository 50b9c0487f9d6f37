package kpi

import (
	"bytes"
	"cmp"
	"io"
	"iter"
	"os"
	"runtime"
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
// and a Post is 168 bytes, twice a typical row. So when r tells its size
// (a *bytes.Reader, *strings.Reader, *bytes.Buffer or regular *os.File),
// the slice is sized once from the first 64 rows' average length, with
// 3 % to spare (more when those rows are shorter than the rest, and again
// if they were longer); otherwise rows are gathered in chunks and copied
// once into a slice of the exact length (2× in all). A sized input of
// more than 1 MB is read by two goroutines when GOMAXPROCS allows
// (readParallel).
func (ps *postScanner) readAll(r io.Reader) ([]Post, error) {
	out := postSlice{size: inputSize(r), off0: ps.rd.InputOffset()}
	if out.size > 1<<20 && runtime.GOMAXPROCS(0) > 1 {
		return ps.readParallel(&out)
	}
	for {
		p := out.slot(ps.rd.InputOffset())
		err := ps.next(p)
		if err == io.EOF {
			out.drop()
			return out.result(), nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// postSlice gathers the posts of ReadPosts (see readAll).
type postSlice struct {
	posts  []Post
	chunks [][]Post
	size   int64 // bytes left in the input after the header when it told, else -1
	off0   int64 // input offset after the header
}

// slot returns the zero Post the next row is read into; off is the input
// offset reached.
func (s *postSlice) slot(off int64) *Post {
	if len(s.posts) == cap(s.posts) {
		s.grow(off - s.off0)
	}
	s.posts = s.posts[:len(s.posts)+1]
	return &s.posts[len(s.posts)-1]
}

// drop takes back the last slot: it held no post.
func (s *postSlice) drop() { s.posts = s.posts[:len(s.posts)-1] }

// result returns the posts: nil for none, as before.
func (s *postSlice) result() []Post {
	if len(s.chunks) == 0 {
		if len(s.posts) == 0 {
			return nil
		}
		return s.posts
	}
	n := len(s.posts)
	for _, c := range s.chunks {
		n += len(c)
	}
	all := make([]Post, 0, n)
	for _, c := range s.chunks {
		all = append(all, c...)
	}
	return append(all, s.posts...)
}

// grow makes room for more posts: a slice sized for the whole input when
// its size is known, or a new chunk; read is the bytes read after the
// header.
func (s *postSlice) grow(read int64) {
	if n := int64(len(s.posts)); s.size >= 0 && read > 0 && len(s.chunks) == 0 {
		// Rows still to come: about n per read bytes in the bytes left
		// (the reader's 4 KB buffer aside); never more than those bytes.
		left := max(s.size-read, 0)
		est := n + min(n*left/read, left+4096)
		if want := est + est/32 + 64; want > int64(cap(s.posts)) {
			if s.posts == nil {
				want = 64 // the first rows, to learn their length
			}
			g := make([]Post, len(s.posts), want)
			copy(g, s.posts)
			s.posts = g
			return
		}
	}
	if s.posts != nil {
		s.chunks = append(s.chunks, s.posts)
	}
	s.posts = make([]Post, 0, min(max(2*cap(s.posts), 64), 1<<16))
}

// postBatch is a run of records handed from readParallel's reading
// goroutine to the converting one.
type postBatch struct {
	recs []csvx.Record
	offs []int64  // the input offset after each record
	flat []string // the records' fields
	err  error    // the reading's error after recs: io.EOF at the end
}

// readParallel is readAll for a sized input (its reads never block): one
// goroutine reads CSV records in batches of 1024, copying their fields
// out of the reused record, while this one turns them into posts. They
// overlap on two cores: encoding/csv's share and the conversion's. On an
// error the reader is stopped and waited for: r is not read after
// ReadPosts returns.
func (ps *postScanner) readParallel(out *postSlice) ([]Post, error) {
	batches, free := make(chan *postBatch, 2), make(chan *postBatch, 4)
	stop, done := make(chan struct{}), make(chan struct{})
	defer func() { close(stop); <-done }()
	go ps.readBatches(batches, free, stop, done)
	for b := range batches {
		for i, rec := range b.recs {
			if err := ps.pl.post(rec, out.slot(b.offs[i])); err != nil {
				return nil, err
			}
		}
		switch {
		case b.err == io.EOF:
			return out.result(), nil
		case b.err != nil:
			return nil, b.err
		}
		free <- b // room for every batch made
	}
	return out.result(), nil
}

// maxBatchFields bounds the fields of a batch (a file of very wide rows:
// a batch then holds fewer rows), so that a batch holds at most 1 MB of
// string headers beyond one row.
const maxBatchFields = 1 << 16

// readBatches is readParallel's reading goroutine.
func (ps *postScanner) readBatches(batches chan<- *postBatch, free <-chan *postBatch, stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	defer close(batches)
	made := 0
	for {
		select {
		case <-stop: // the converter failed: read no further
			return
		default:
		}
		var b *postBatch
		if made < 4 { // at most 4 batches: then wait for one to come back
			select {
			case b = <-free:
			default:
				b, made = &postBatch{recs: make([]csvx.Record, 0, 1024), offs: make([]int64, 0, 1024),
					flat: make([]string, 0, min(1024*len(ps.rd.Header()), maxBatchFields))}, made+1
			}
		} else {
			select {
			case b = <-free:
			case <-stop:
				return
			}
		}
		b.recs, b.offs, b.flat = b.recs[:0], b.offs[:0], b.flat[:0]
		for len(b.recs) < 1024 && len(b.flat) < maxBatchFields && b.err == nil {
			rec, err := ps.rd.Next()
			if err != nil {
				b.err = err
				break
			}
			rec, b.flat = rec.Copy(b.flat)
			b.recs, b.offs = append(b.recs, rec), append(b.offs, ps.rd.InputOffset())
		}
		select {
		case batches <- b:
		case <-stop:
			return
		}
		if b.err != nil {
			return
		}
	}
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
