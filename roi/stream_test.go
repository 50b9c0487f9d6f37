package roi

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/budget"
)

// collect gathers a sequence as the slice readers return it: nothing on
// an error.
func collect[T any](seq func(yield func(T, error) bool)) ([]T, error) {
	var out []T
	for v, err := range seq {
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// sameStream fails unless the streaming reader agrees with the slice
// reader: the same values, or the same error but for the function's name.
func sameStream[T any](t *testing.T, name, slice, stream string, want []T, werr error, got []T, gerr error) {
	t.Helper()
	if werr != nil || gerr != nil {
		w := ""
		if werr != nil {
			w = strings.Replace(werr.Error(), "roi: "+slice, "roi: "+stream, 1)
		}
		if gerr == nil || gerr.Error() != w {
			t.Fatalf("%s: %s err %v, want %s", name, stream, gerr, w)
		}
		return
	}
	if d := cmp.Diff(want, got, cmp.Comparer(func(a, b decimal.Decimal) bool { return a.Equal(b) })); d != "" {
		t.Fatalf("%s: %s (-%s +%s):\n%s", name, stream, slice, stream, d)
	}
}

func samePaths(t *testing.T, name string, in []byte) {
	t.Helper()
	want, werr := ReadPaths(bytes.NewReader(in))
	got, gerr := collect(ScanPaths(bytes.NewReader(in)))
	sameStream(t, name, "ReadPaths", "ScanPaths", want, werr, got, gerr)
}

// sameOrders: ScanOrders equals ReadOrders, but for a repeated order ID,
// which only ReadOrders refuses.
func sameOrders(t *testing.T, name string, in []byte, cur budget.Currency) {
	t.Helper()
	want, werr := ReadOrders(bytes.NewReader(in), cur)
	got, gerr := collect(ScanOrders(bytes.NewReader(in), cur))
	var dw, dg *ParseError
	if errors.Is(werr, ErrDuplicate) && errors.As(werr, &dw) {
		// ScanOrders reads on past the repeated ID: no error, or one on a
		// later line.
		if gerr != nil && (!errors.As(gerr, &dg) || dg.Line <= dw.Line) {
			t.Fatalf("%s: ScanOrders err %v; ReadOrders %v", name, gerr, werr)
		}
		return
	}
	sameStream(t, name, "ReadOrders", "ScanOrders", want, werr, got, gerr)
}

// TestScanFixtures: the streaming readers equal the slice readers on the
// fixtures, every prefix of them (cut rows, quotes, CRLFs) and the
// shared ChannelAttribution data.
func TestScanFixtures(t *testing.T) {
	for _, file := range []string{"testdata/paths.csv", "testdata/paths_bom_crlf.csv", realPaths} {
		in, err := os.ReadFile(file)
		if err != nil {
			if file == realPaths {
				continue
			}
			t.Fatal(err)
		}
		samePaths(t, file, in)
		for i := range min(len(in), 4096) {
			samePaths(t, file+" prefix", in[:i])
		}
	}
	in, err := os.ReadFile("testdata/orders.csv")
	if err != nil {
		t.Fatal(err)
	}
	eur, _ := budget.ParseCurrency("EUR")
	for _, cur := range []budget.Currency{{}, eur} {
		sameOrders(t, "orders.csv", in, cur)
		for i := range in {
			sameOrders(t, "orders.csv prefix", in[:i], cur)
		}
	}
	// A repeated ID: ScanOrders yields both orders, ReadOrders refuses.
	dup := "id,created at,total,currency\n1,2026-03-01,10,EUR\n1,2026-03-02,12,EUR\n"
	got, err := collect(ScanOrders(strings.NewReader(dup), eur))
	if err != nil || len(got) != 2 {
		t.Errorf("ScanOrders with a repeated ID: %d orders, %v; want 2", len(got), err)
	}
	if _, err := ReadOrders(strings.NewReader(dup), eur); !errors.Is(err, ErrDuplicate) {
		t.Errorf("ReadOrders with a repeated ID: %v, want ErrDuplicate", err)
	}
}

// FuzzScanPaths: ScanPaths equals ReadPaths and ScanOrders ReadOrders on
// any input.
func FuzzScanPaths(f *testing.F) {
	for _, file := range []string{"testdata/paths.csv", "testdata/paths_bom_crlf.csv", "testdata/orders.csv"} {
		in, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(in)
	}
	f.Add([]byte("path;total_conversions;value\na > b;1;2.5\n\"a;b\";0;0\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		samePaths(t, "fuzz", in)
		eur, _ := budget.ParseCurrency("EUR")
		sameOrders(t, "fuzz", in, eur)
	})
}

// endless is a paths file that never ends; n counts its rows.
type endless struct {
	n   int
	buf []byte
}

func (e *endless) Read(p []byte) (int, error) {
	if len(e.buf) == 0 {
		if e.n == 0 {
			e.buf = []byte("path;total_conversions\n")
		} else {
			e.buf = []byte("a > b;1\n")
		}
		e.n++
	}
	k := copy(p, e.buf)
	e.buf = e.buf[k:]
	return k, nil
}

// TestScanStops: a loop that breaks stops reading an endless input, and a
// second range is ErrInvalid.
func TestScanStops(t *testing.T) {
	r := &endless{}
	seq := ScanPaths(r)
	n := 0
	for _, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 3 {
			break
		}
	}
	if r.n > 1000 { // the CSV reader's 4 KB buffer holds about 500 rows
		t.Errorf("%d rows made for 3 paths", r.n)
	}
	for _, err := range seq {
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("second range: %v, want ErrInvalid", err)
		}
	}
}

// hostileStream adds ScanPaths and ScanOrders to the hostile table: the
// texts of hostileCSV and nil readers.
func hostileStream(add adder, texts map[string]string) {
	eur, _ := budget.ParseCurrency("EUR")
	for name, text := range texts {
		add("ScanPaths", name, func() error { _, err := collect(ScanPaths(strings.NewReader(text))); return err })
		add("ScanOrders", name, func() error { _, err := collect(ScanOrders(strings.NewReader(text), eur)); return err })
	}
	var typedNil *bytes.Reader
	add("ScanPaths", "nil", func() error { _, err := collect(ScanPaths(nil)); return err })
	add("ScanOrders", "typed nil", func() error { _, err := collect(ScanOrders(typedNil, budget.Currency{})); return err })
}
