package csvx

import (
	"errors"
	"io"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
	"github.com/influencekit/influencekit/internal/errs"
)

var errBad = errors.New("bad")

func TestReader(t *testing.T) {
	// BOM, CRLF, a CRLF inside a quoted header, a quoted comma, emoji, a blank
	// line and no final newline.
	in := "\uFEFFName,\"Avg\r\nLikes\",Country\r\n\"Doe, Jane\",3.3k,US\r\n\r\n😀 fan,N/A,\r\nshort"
	r, err := NewReader("test.Read", strings.NewReader(in), ',')
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Column("avg likes"); got != 1 {
		t.Errorf("Column(avg likes) = %d, want 1", got)
	}
	if got := r.Column("missing", "COUNTRY"); got != 2 {
		t.Errorf("Column(missing, COUNTRY) = %d, want 2", got)
	}
	type row struct {
		Line   int
		Fields []string
	}
	var got []row
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, row{rec.Line, []string{rec.Field(0), rec.Field(1), rec.Field(2)}})
	}
	want := []row{
		{3, []string{"Doe, Jane", "3.3k", "US"}},
		{5, []string{"😀 fan", "N/A", ""}},
		{6, []string{"short", "", ""}},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("records (-want +got):\n%s", d)
	}
}

func TestErrorf(t *testing.T) {
	r, err := NewReader("pkg.Read", strings.NewReader("a,\"b\nc\"\n1,x\n"), ',')
	if err != nil {
		t.Fatal(err)
	}
	rec, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	e := rec.Errorf(1, errBad)
	if got, want := e.Error(), `pkg: Read: line 3, column 2 (b c): "x": bad`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errors.Is(e, errBad) {
		t.Error("errors.Is(e, errBad) = false")
	}
}

func TestNoHeaderAndBadQuote(t *testing.T) {
	_, err := NewReader("f", strings.NewReader(""), ',')
	if !errors.Is(err, ErrNoHeader) {
		t.Errorf("empty input: err = %v, want ErrNoHeader", err)
	}
	_, err = NewReader("f", strings.NewReader("\uFEFF"), ',')
	if !errors.Is(err, ErrNoHeader) {
		t.Errorf("BOM only: err = %v, want ErrNoHeader", err)
	}
	r, err := NewReader("f", strings.NewReader("a,b\n\"x,1\n"), ',')
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Next()
	var ce *Error
	if !errors.As(err, &ce) || ce.Line != 2 {
		t.Errorf("unterminated quote: err = %#v, want *Error at line 2", err)
	}
}

func TestNormalizeHeader(t *testing.T) {
	for in, want := range map[string]string{
		"Avg. Likes":       "avg likes",
		" avg_likes ":      "avg likes",
		"AVG\r\nlikes":     "avg likes",
		"60-Day Eng Rate":  "60 day eng rate",
		"":                 "",
		"influencer_name ": "influencer name",
	} {
		if got := NormalizeHeader(in); got != want {
			t.Errorf("NormalizeHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzReader(f *testing.F) {
	f.Add("a,b\n1,2\n")
	f.Add("\uFEFFa;\"b\r\nc\"\r\n1;\"2,3\"")
	f.Fuzz(func(t *testing.T, in string) {
		r, err := NewReader("f", strings.NewReader(in), ',')
		if err != nil {
			return
		}
		for i := 0; i < 1000; i++ {
			rec, err := r.Next()
			if err != nil {
				return
			}
			_ = rec.Errorf(0, errBad).Error()
			_ = rec.Field(5)
		}
	})
}

func TestNewReaderRefusesNilAndBadComma(t *testing.T) {
	var sr *strings.Reader
	for name, r := range map[string]io.Reader{"nil": nil, "nil pointer": sr} {
		if _, err := NewReader("pkg.Read", r, ','); !errors.Is(err, errs.ErrInvalid) {
			t.Errorf("%s reader: err = %v, want ErrInvalid", name, err)
		}
	}
	_, err := NewReader("pkg.Read", strings.NewReader("a,b\n"), '"')
	want := `pkg: Read: comma: cannot separate fields ("\""): invalid`
	if !errors.Is(err, errs.ErrInvalid) || err.Error() != want {
		t.Errorf("bad comma: err = %v, want %s", err, want)
	}
	if _, err := NewReader("pkg.Read", strings.NewReader(""), ','); !errors.Is(err, errs.ErrEmpty) {
		t.Errorf("empty input: err = %v, want ErrEmpty", err)
	}
	if _, err := NewReader("pkg.Read", strings.NewReader("a,\"b\n"), ','); err == nil {
		t.Errorf("bare quote in the header: no error")
	}
}

// FuzzNormalizeHeader: NormalizeHeader equals the rune-by-rune rule its
// doc states (trim, lower-case, runs of spaces, "_", "-", "." to one space).
func FuzzNormalizeHeader(f *testing.F) {
	for _, s := range []string{"Avg. Likes", "avg_likes", "AVG\r\nlikes", " a--b ", "\xff\xfeX", "Ⅻ_ǅ", "x\u00a0y", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b strings.Builder
		space := false
		for _, r := range strings.TrimSpace(s) {
			if unicode.IsSpace(r) || r == '_' || r == '-' || r == '.' {
				space = true
				continue
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		}
		if got := NormalizeHeader(s); got != b.String() {
			t.Fatalf("NormalizeHeader(%q) = %q, want %q", s, got, b.String())
		}
	})
}
