package audience

import (
	"errors"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// scanIDsAll collects ScanIDs' IDs and its error.
func scanIDsAll(in, column string) ([]uint64, error) {
	var ids []uint64
	for id, err := range ScanIDs(strings.NewReader(in), column) {
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// TestReadIDsByHand: IDs by hand, in both layouts, and their errors.
func TestReadIDsByHand(t *testing.T) {
	// "3", "1", blank, " 2 " with CRLF, "1" again, "00042" (42), 2⁶⁴−1:
	// six IDs, five distinct.
	in := "\uFEFF3\n1\n\n 2 \r\n1\n00042\n18446744073709551615"
	ids, err := scanIDsAll(in, "")
	want := []uint64{3, 1, 2, 1, 42, 18446744073709551615}
	if err != nil || !slices.Equal(ids, want) {
		t.Errorf("ScanIDs = %v, %v; want %v", ids, err, want)
	}
	s, err := ReadIDs(strings.NewReader(in), "")
	if err != nil || s.Len() != 5 || !s.Contains(42) || !s.Contains(18446744073709551615) {
		t.Errorf("ReadIDs: len %d, %v; want 5", s.Len(), err)
	}
	// 65 zeros then 7 is 7; a line of 65,535 bytes is read, one of
	// 65,536 (64 KiB) refused.
	for _, tt := range []struct {
		in string
		ok bool
	}{{strings.Repeat("0", 65) + "7", true}, {strings.Repeat("0", 65534) + "7\n", true}, {strings.Repeat("0", 65535) + "7\n", false}} {
		ids, err := scanIDsAll(tt.in, "")
		if tt.ok != (err == nil) || (tt.ok && !slices.Equal(ids, []uint64{7})) {
			t.Errorf("%d bytes: %v, %v; want ok %v", len(tt.in), ids, err, tt.ok)
		}
	}
	// CSV: the column "Follower ID" matches "follower_id"; quoted IDs.
	csvIn := "user,Follower ID\r\nx,5\n\ny,\"7\"\nz, 5 \n"
	s, err = ReadIDs(strings.NewReader(csvIn), "follower_id")
	if err != nil || s.Len() != 2 || !s.Contains(5) || !s.Contains(7) {
		t.Errorf("ReadIDs CSV: len %d, %v; want {5, 7}", s.Len(), err)
	}
	for _, tt := range []struct {
		in, column string
		sentinel   error
		line, col  int
	}{
		{"1\nx\n", "", ErrSyntax, 2, 1},
		{"1\n18446744073709551616\n", "", ErrSyntax, 2, 1}, // 2⁶⁴
		{"-1\n", "", ErrSyntax, 1, 1},
		{"1\n2\n" + strings.Repeat("9", 100_000) + "\n3\n", "", ErrSyntax, 3, 1},
		{"a,b\n1,2\n3,x\n", "b", ErrSyntax, 3, 2},
		{"a,b\n1,2\n", "c", ErrMissingColumn, 1, 0},
		{"", "c", ErrEmpty, 1, 0},
		{"a,b\n\"1,2\n", "b", ErrSyntax, 2, 0},
	} {
		_, err := ReadIDs(strings.NewReader(tt.in), tt.column)
		var pe *ParseError
		if !errors.Is(err, tt.sentinel) || !errors.As(err, &pe) || pe.Line != tt.line || (tt.col > 0 && pe.Column != tt.col) {
			t.Errorf("ReadIDs(%.30q, %q) = %v, want %v at line %d column %d", tt.in, tt.column, err, tt.sentinel, tt.line, tt.col)
		}
		if _, serr := scanIDsAll(tt.in, tt.column); serr == nil ||
			serr.Error() != strings.Replace(err.Error(), "ReadIDs", "ScanIDs", 1) {
			t.Errorf("ScanIDs(%.30q) = %v, want ReadIDs' %v", tt.in, serr, err)
		}
	}
	var nilReader *strings.Reader
	for _, r := range []io.Reader{nil, nilReader} {
		for _, c := range []string{"", "id"} {
			if _, err := ReadIDs(r, c); !errors.Is(err, ErrInvalid) {
				t.Errorf("nil reader, column %q: %v, want ErrInvalid", c, err)
			}
		}
	}
}

// idRows is a reader of n generated IDs, one per line, made as read.
type idRows struct {
	n, i int
	buf  []byte
	off  int
}

func (g *idRows) Read(p []byte) (int, error) {
	for g.off == len(g.buf) {
		if g.i == g.n {
			return 0, io.EOF
		}
		g.buf = strconv.AppendUint(g.buf[:0], uint64(g.i)*2654435761%1_000_000_007, 10)
		g.buf, g.off = append(g.buf, '\n'), 0
		g.i++
	}
	n := copy(p, g.buf[g.off:])
	g.off += n
	return n, nil
}

// TestScanIDsStops: breaking the loop stops reading (the generator makes
// only what the 64 KB buffer holds), and a second range is ErrInvalid.
func TestScanIDsStops(t *testing.T) {
	g := &idRows{n: 1_000_000_000}
	seq := ScanIDs(g, "")
	n := 0
	for _, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 3 {
			break
		}
	}
	if g.i > 10_000 {
		t.Errorf("made %d rows for 3 IDs", g.i)
	}
	for _, err := range seq {
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("second range: %v", err)
		}
	}
	// 10⁶ generated IDs: ReadIDs equals NewSet of the same IDs.
	s, err := ReadIDs(&idRows{n: 1_000_000}, "")
	var ids []uint64
	for i := range 1_000_000 {
		ids = append(ids, uint64(i)*2654435761%1_000_000_007)
	}
	if want := NewSet(ids...); err != nil || s.Len() != want.Len() || IntersectionLen(s, want) != want.Len() {
		t.Errorf("ReadIDs of 10^6: len %d, %v; want %d", s.Len(), err, want.Len())
	}
}

// refIDs is the obvious reading of one ID per line: split, trim, parse.
func refIDs(in string) ([]uint64, bool) {
	var ids []uint64
	for i, line := range strings.Split(in, "\n") {
		if len(line) >= maxIDLine {
			return nil, false // documented: a line of 64 KiB or more is refused
		}
		if i == 0 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if line[0] == '+' {
			return nil, false
		}
		v, err := strconv.ParseUint(line, 10, 64)
		if err != nil {
			return nil, false
		}
		ids = append(ids, v)
	}
	return ids, true
}

// FuzzScanIDs: ScanIDs equals the obvious reading on any text, and
// ReadIDs equals NewSet of what ScanIDs yields, in both layouts.
func FuzzScanIDs(f *testing.F) {
	f.Add("\uFEFF3\n1\n\n 2 \r\n1\n00042\n18446744073709551615")
	f.Add("id\n1\n\"2\"\n")
	f.Add("1\n18446744073709551616\n")
	rng := rand.New(rand.NewPCG(1, 1))
	var b strings.Builder
	for range 300 {
		b.WriteString(strconv.FormatUint(rng.Uint64()>>rng.IntN(64), 10) + "\n")
	}
	f.Add(b.String())
	f.Fuzz(func(t *testing.T, in string) {
		got, err := scanIDsAll(in, "")
		want, ok := refIDs(in)
		if ok != (err == nil) || (ok && !slices.Equal(got, want)) {
			t.Fatalf("ScanIDs = %v, %v; want %v, %v", got, err, want, ok)
		}
		for _, col := range []string{"", "id"} {
			ids, serr := scanIDsAll(in, col)
			s, rerr := ReadIDs(strings.NewReader(in), col)
			if (serr == nil) != (rerr == nil) {
				t.Fatalf("column %q: ScanIDs %v, ReadIDs %v", col, serr, rerr)
			}
			if serr == nil && (s.Len() != NewSet(ids...).Len() || IntersectionLen(s, NewSet(ids...)) != s.Len()) {
				t.Fatalf("column %q: ReadIDs differs from ScanIDs", col)
			}
		}
	})
}

// idCalls covers ScanIDs and ReadIDs for the hostile table.
func idCalls() []hostileCall {
	var nilReader *strings.Reader
	inputs := map[string]func() io.Reader{
		"nil": func() io.Reader { return nil }, "nil pointer": func() io.Reader { return nilReader },
		"empty":      func() io.Reader { return strings.NewReader("") },
		"nul":        func() io.Reader { return strings.NewReader("1\x00\n\x00") },
		"utf-8":      func() io.Reader { return strings.NewReader("\xff\xfe\n1") },
		"1 MB ID":    func() io.Reader { return strings.NewReader(strings.Repeat("9", 1_000_000)) },
		"2^64":       func() io.Reader { return strings.NewReader("18446744073709551616") },
		"max":        func() io.Reader { return strings.NewReader("id\n18446744073709551615\n") },
		"quote":      func() io.Reader { return strings.NewReader("id\n\"1\n") },
		"1 MB CSV":   func() io.Reader { return strings.NewReader("id\n" + strings.Repeat("1", 1_000_000)) },
		"2·10^4 IDs": func() io.Reader { return &idRows{n: 20_000} },
	}
	var calls []hostileCall
	for name, in := range inputs {
		for _, col := range []string{"", "id", "\x00", strings.Repeat("x", 1<<20)} {
			arg := name + " column " + strconv.Itoa(len(col))
			calls = append(calls, hostileCall{"ReadIDs", arg, func() (any, error) { return ReadIDs(in(), col) }},
				hostileCall{"ScanIDs", arg, func() (any, error) {
					n := 0
					for _, err := range ScanIDs(in(), col) {
						if err != nil {
							return nil, err
						}
						n++
					}
					return n, nil
				}})
		}
	}
	return calls
}
