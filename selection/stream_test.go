package selection

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// scanAll collects ScanProfiles(r, opt): the profiles yielded before the
// error, the conflicts it stored (under KeepFirst) and the error.
func scanAll(r io.Reader, opt ReadOptions) ([]Profile, []Conflict, error) {
	var conflicts []Conflict
	if opt.Duplicates == KeepFirst {
		opt.Conflicts = &conflicts
	}
	var out []Profile
	for p, err := range ScanProfiles(r, opt) {
		if err != nil {
			return out, conflicts, err
		}
		out = append(out, p)
	}
	return out, conflicts, nil
}

// sameAsRead checks that the stream read from in under policy d equals
// ReadProfiles: the same profiles and conflicts, or the same error (with
// ScanProfiles for ReadProfiles in its message) after a prefix of the
// profiles KeepFirst reads (when a later row is not bad).
func sameAsRead(t *testing.T, in string, d Duplicates) {
	t.Helper()
	want, wantC, wantErr := ReadProfiles(strings.NewReader(in), ReadOptions{Duplicates: d})
	got, gotC, err := scanAll(strings.NewReader(in), ReadOptions{Duplicates: d})
	if wantErr != nil {
		msg := strings.Replace(wantErr.Error(), "ReadProfiles", "ScanProfiles", 1)
		if err == nil || err.Error() != msg {
			t.Fatalf("%v: stream error %v, ReadProfiles %v", d, err, wantErr)
		}
		if errors.Is(wantErr, ErrDuplicate) {
			first, _, err := ReadProfiles(strings.NewReader(in), ReadOptions{Duplicates: KeepFirst})
			if err == nil && (len(got) > len(first) || cmp.Diff(first[:len(got)], got) != "") {
				t.Fatalf("%v: stream yielded %v before the conflict, not a prefix of %v", d, got, first)
			}
		}
		return
	}
	if err != nil {
		t.Fatalf("%v: stream error %v, ReadProfiles none", d, err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("%v: profiles (-ReadProfiles +ScanProfiles):\n%s", d, diff)
	}
	if diff := cmp.Diff(wantC, gotC); diff != "" {
		t.Fatalf("%v: conflicts (-ReadProfiles +ScanProfiles):\n%s", d, diff)
	}
}

// TestScanProfilesFixtures: on every CSV of testdata the stream equals
// ReadProfiles under both policies it honours.
func TestScanProfilesFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/*.csv")
	if err != nil || len(files) < 2 {
		t.Fatalf("fixtures %v: %v", files, err)
	}
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range []Duplicates{DuplicateError, KeepFirst} {
			sameAsRead(t, string(b), d)
		}
	}
	// influencers.csv, by hand: delta (line 2), epsilon (3), zeta (4, and
	// line 5 identical, merged), eta (6); eta on line 7 differs (456.1K
	// engagements): DuplicateError yields the 4 handles, then the error.
	f, err := os.Open("testdata/influencers.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, _, err := scanAll(f, ReadOptions{})
	var pe *ParseError
	if len(got) != 4 || got[3].Handle != "eta" || !errors.Is(err, ErrDuplicate) || !errors.As(err, &pe) || pe.Line != 9 {
		t.Errorf("got %d profiles, err %v; want 4 then ErrDuplicate on line 9", len(got), err)
	}
}

// FuzzScanProfiles: on any input the stream equals ReadProfiles.
func FuzzScanProfiles(f *testing.F) {
	for _, name := range []string{"top.csv", "influencers.csv"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), uint8(0))
		f.Add(string(b), uint8(1))
	}
	f.Add("handle,followers,fee\n@a,1k,12.50\nA,1K,12.5\nb,1,1\na,2,1\na,3,1\n", uint8(1))
	f.Fuzz(func(t *testing.T, in string, policy uint8) {
		sameAsRead(t, in, Duplicates(policy%2))
	})
}

// endless is a reader of a header and then profile rows without end:
// a loop over it ends only by a break.
type endless struct {
	n   int
	buf []byte
}

func (e *endless) Read(p []byte) (int, error) {
	if len(e.buf) == 0 {
		if e.n == 0 {
			e.buf = []byte("handle,followers\n")
		} else {
			// row n: handle h(n+1)/2, followers n; rows 1 and 2 repeat h1
			// with other followers: a conflict.
			e.buf = []byte("h" + strconv.Itoa((e.n+1)/2) + "," + strconv.Itoa(e.n) + "\n")
		}
		e.n++
	}
	n := copy(p, e.buf)
	e.buf = e.buf[n:]
	return n, nil
}

// TestScanProfilesBreak: a break stops reading an endless input; the
// conflicts found so far are stored.
func TestScanProfilesBreak(t *testing.T) {
	// Rows: line 2 "h1,1", line 3 "h1,2" (conflict, skipped), line 4
	// "h2,3" (new handle): the second profile is h2, read at line 4.
	e := &endless{}
	var conflicts []Conflict
	var got []string
	for p, err := range ScanProfiles(e, ReadOptions{Duplicates: KeepFirst, Conflicts: &conflicts}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, p.Handle)
		if len(got) == 2 {
			break
		}
	}
	if diff := cmp.Diff([]string{"h1", "h2"}, got); diff != "" {
		t.Errorf("handles (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Conflict{{Handle: "h1", Lines: []int{2, 3}, Kept: 2}}, conflicts); diff != "" {
		t.Errorf("conflicts (-want +got):\n%s", diff)
	}
	if e.n > 10 {
		t.Errorf("read %d rows to yield 2", e.n)
	}
}

// TestScanProfilesRefuses: the policies a stream cannot honour, an unknown
// policy and a second range are ErrInvalid, naming the field.
func TestScanProfilesRefuses(t *testing.T) {
	const in = "handle\na\n"
	var c []Conflict
	for _, tt := range []struct {
		opt   ReadOptions
		field string
	}{
		{ReadOptions{Duplicates: KeepLast}, "ReadOptions.Duplicates"},
		{ReadOptions{Duplicates: KeepLast, Conflicts: &c}, "ReadOptions.Duplicates"},
		{ReadOptions{Duplicates: 3, Conflicts: &c}, "ReadOptions.Duplicates"},
		{ReadOptions{Duplicates: KeepFirst}, "ReadOptions.Conflicts"},
	} {
		var got []Profile
		var err error
		for p, e := range ScanProfiles(strings.NewReader(in), tt.opt) {
			if err = e; e != nil {
				break
			}
			got = append(got, p)
		}
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "selection: ScanProfiles") || !strings.Contains(err.Error(), tt.field) || len(got) != 0 {
			t.Errorf("%v: %d profiles, err %v; want ErrInvalid naming %s", tt.opt.Duplicates, len(got), err, tt.field)
		}
	}
	if _, _, err := ReadProfiles(strings.NewReader(in), ReadOptions{Duplicates: 3}); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "ReadOptions.Duplicates") {
		t.Errorf("ReadProfiles, policy 3: %v", err)
	}
	seq := ScanProfiles(strings.NewReader(in), ReadOptions{})
	n := 0
	for _, err := range seq {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	for _, err := range seq {
		if !errors.Is(err, ErrInvalid) || n != 1 {
			t.Errorf("second range: %v after %d profiles", err, n)
		}
	}
}

// TestScanProfilesOwnsCategories: changing a yielded profile's categories
// does not change the copy kept to merge later identical rows.
func TestScanProfilesOwnsCategories(t *testing.T) {
	const in = "handle,category\na,food\na,food\n"
	for p, err := range ScanProfiles(strings.NewReader(in), ReadOptions{}) {
		if err != nil {
			t.Fatal(err)
		}
		p.Categories[0] = "changed"
	}
}

// profileRows is a CSV of n profiles with distinct handles.
func profileRows(n int) string {
	var b strings.Builder
	b.WriteString("handle,followers,avg likes,engagement rate,fee,category,country\n")
	for i := range n {
		b.WriteString("h" + strconv.Itoa(i) + ",12.5k,310,2.48%,300,food;travel,TR\n")
	}
	return b.String()
}

// BenchmarkScanProfiles streams 10,000 profiles; BenchmarkReadProfiles
// reads the same into a slice.
func BenchmarkScanProfiles(b *testing.B) {
	in := profileRows(10_000)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		for _, err := range ScanProfiles(strings.NewReader(in), ReadOptions{}) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkReadProfiles(b *testing.B) {
	in := profileRows(10_000)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ReadProfiles(strings.NewReader(in), ReadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
