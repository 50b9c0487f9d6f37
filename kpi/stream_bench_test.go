package kpi

import (
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
	"testing"
)

// benchHeader is the header of the generated exports.
const benchHeader = "id,creator,platform,published_at,followers,likes,comments,shares,saves,views,reach,impressions,clicks,conversions\n"

// postRows is a reader of a generated export of n rows after benchHeader,
// made on the fly: no file, and nothing held but one row. Rows look like
// the export fixture's: quoted names, "12.4k" and "1,234" counts, N/A.
type postRows struct {
	n, i int
	buf  []byte
	off  int
}

func newPostRows(n int) *postRows { return &postRows{n: n, buf: []byte(benchHeader)} }

func (g *postRows) Read(p []byte) (int, error) {
	for g.off == len(g.buf) {
		if g.i == g.n {
			return 0, io.EOF
		}
		g.buf, g.off = appendBenchRow(g.buf[:0], g.i), 0
		g.i++
	}
	n := copy(p, g.buf[g.off:])
	g.off += n
	return n, nil
}

// appendBenchRow appends row i (about 92 bytes).
func appendBenchRow(b []byte, i int) []byte {
	b = append(b, 'p')
	b = strconv.AppendInt(b, int64(i), 10)
	b = append(b, ",\"Doe, Jane "...)
	b = strconv.AppendInt(b, int64(i%50), 10)
	b = append(b, "\",instagram,2026-03-"...)
	b = append(b, byte('0'+i%3), byte('1'+i%9))
	b = append(b, 'T', byte('0'+i%2), byte('0'+i%10))
	b = append(b, ":00:00Z,12.4k,\"1,2"...)
	b = strconv.AppendInt(b, int64(10+i%90), 10)
	b = append(b, "\",85,10,40,N/A,5.1k,8.3k,"...)
	b = strconv.AppendInt(b, int64(i%1000), 10)
	b = append(b, ",6\n"...)
	return b
}

// benchExport returns the whole export of n rows.
func benchExport(n int) []byte {
	b, _ := io.ReadAll(newPostRows(n))
	return b
}

// BenchmarkReadPostsLarge: ReadPosts on 10⁶ rows against the baseline,
// encoding/csv reading the same records with ReuseRecord and doing nothing
// with them. Target: at most 2× the baseline's time, and at most 4× the
// input's size allocated.
func BenchmarkReadPostsLarge(b *testing.B) {
	in := benchExport(1_000_000)
	b.Run("ReadPosts", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(in)))
		for b.Loop() {
			if _, err := ReadPosts(bytes.NewReader(in), DefaultPostColumns()); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("ScanPosts", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(in)))
		for b.Loop() {
			for _, err := range ScanPosts(bytes.NewReader(in), DefaultPostColumns()) {
				if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("encoding-csv-reuse", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(in)))
		for b.Loop() {
			r := csv.NewReader(bytes.NewReader(in))
			r.ReuseRecord = true
			r.FieldsPerRecord = -1
			for {
				if _, err := r.Read(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkScanPosts10M streams 10⁷ generated rows (about 960 MB of CSV,
// made by a reader as they are read: no file) through ScanPosts into an
// Accumulator (mean of rates, weekly) and reports the peak heap, sampled
// every 4096 rows, as peak-MB; the target is at most 32 MB. The baseline
// reads the same rows with encoding/csv (ReuseRecord).
func BenchmarkScanPosts10M(b *testing.B) {
	const n = 10_000_000
	b.Run("ScanPosts+Accumulator", func(b *testing.B) {
		b.ReportAllocs()
		var peak uint64
		for b.Loop() {
			_, p := streamPeak(b, n, Formula{Average: MeanOfRates})
			peak = max(peak, p)
		}
		b.ReportMetric(float64(peak)/1e6, "peak-MB")
	})
	b.Run("encoding-csv-reuse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r := csv.NewReader(newPostRows(n))
			r.ReuseRecord = true
			r.FieldsPerRecord = -1
			for {
				if _, err := r.Read(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
