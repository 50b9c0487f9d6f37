package feedback

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// A Google-Forms-like export: BOM, CRLF, a quoted line break in a header and
// in an answer, a blank row, a short row, a multi-select cell.
const formExport = "\ufeffTimestamp,Order ID,\"How likely are you to\r\nrecommend us? (0-10)\",How did you hear about us?,Channels seen,Satisfaction\r\n" +
	"2024/03/05 10:21:33 AM,#1001,10,\"@anna.kaya\",\"Instagram, TikTok\",5 - Very satisfied\r\n" +
	"2024/03/05 11:02:10 AM,#1002,7,\"saw it on\nAyşe's story\",Instagram,4\r\n" +
	"\r\n" +
	"2024/03/06 09:00:00 AM,#1003,,google,,\r\n" +
	"2024/03/06 09:30:00 AM,#1004,3\r\n"

func readForm(t *testing.T) Survey {
	t.Helper()
	s, err := ReadSurvey(strings.NewReader(formExport), Layout{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReadSurvey(t *testing.T) {
	s := readForm(t)
	wantQ := []string{"How likely are you to recommend us? (0-10)", "How did you hear about us?", "Channels seen", "Satisfaction"}
	if !slices.Equal(s.Questions, wantQ) {
		t.Errorf("Questions = %q, want %q", s.Questions, wantQ)
	}
	if len(s.Responses) != 4 {
		t.Fatalf("%d responses, want 4 (the blank row skipped)", len(s.Responses))
	}
	r := s.Responses[1]
	if r.OrderID != "#1002" || r.Answers[1] != "saw it on\nAyşe's story" || r.Line != 4 {
		t.Errorf("response 2 = %+v", r)
	}
	if want := time.Date(2024, 3, 5, 11, 2, 10, 0, time.UTC); !r.Time.Equal(want) {
		t.Errorf("Time = %v, want %v", r.Time, want)
	}
	// Short row: missing cells are not answered.
	if last := s.Responses[3]; last.Answers[0] != "3" || last.Answers[1] != "" || last.Answers[3] != "" {
		t.Errorf("short row = %q", last.Answers)
	}
	scores, err := s.Scores("how likely are you to recommend us? (0-10)", 0, 10)
	if err != nil || !slices.Equal(scores, []int{10, 7, 3}) { // the blank answer is left out, not 0
		t.Errorf("Scores = %v, %v", scores, err)
	}
	rs, _ := s.Ratings("Satisfaction", 1, 5)
	if !slices.Equal(rs, []Rating{{0, 5}, {1, 4}}) {
		t.Errorf("Ratings = %v", rs)
	}
	ch, _ := s.Choices("Channels seen", "")
	if len(ch) != 4 || !slices.Equal(ch[0], []string{"Instagram", "TikTok"}) || ch[2] != nil {
		t.Errorf("Choices = %q", ch)
	}
}

func TestReadSurveyLayout(t *testing.T) {
	in := "when;respondent;q1;\n2024-03-05;r1;yes;\n;r2;Hayır\n" // a trailing ';': a blank header, ignored
	s, err := ReadSurvey(strings.NewReader(in), Layout{Comma: ';', Time: []string{"when"}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(s.Questions, []string{"q1"}) || s.Responses[0].Respondent != "r1" || !s.Responses[1].Time.IsZero() {
		t.Errorf("survey = %+v", s)
	}
	yn, err := s.Scores("q1", 0, 1)
	if err != nil || !slices.Equal(yn, []int{1, 0}) { // "Hayır" folds to "hayir": no
		t.Errorf("yes/no = %v, %v", yn, err)
	}
}

func TestReadSurveyErrors(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     error
		msg      string
	}{
		{"empty", "", ErrEmpty, "feedback: ReadSurvey: line 1: no header row: empty"},
		{"bad time", "Timestamp,q\nyesterday,5\n", ErrSyntax, `feedback: ReadSurvey: line 2, column 1 (Timestamp): "yesterday": invalid syntax`},
		{"duplicate question", "q,Q\n1,2\n", ErrDuplicate, `feedback: ReadSurvey: line 1, column 2 (Q): "Q": duplicate`},
		{"bare quote", "q\na\"b\n", ErrSyntax, ""},
	} {
		_, err := ReadSurvey(strings.NewReader(c.in), Layout{})
		var pe *ParseError
		if !errors.Is(err, c.want) || !errors.As(err, &pe) || (c.msg != "" && err.Error() != c.msg) {
			t.Errorf("%s: err = %v, want %v %q", c.name, err, c.want, c.msg)
		}
	}
	if _, err := ReadSurvey(nil, Layout{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("nil reader: %v", err)
	}
}

func TestRatingsErrors(t *testing.T) {
	s := readForm(t)
	// "5 - Very satisfied" reads; "saw it on…" does not.
	for _, c := range []struct {
		q      string
		lo, hi int
		want   error
		msg    string
	}{
		{"How did you hear about us?", 1, 5, ErrSyntax, `feedback: Survey.Ratings: line 3, column 4 (How did you hear about us?): "@anna.kaya": invalid syntax`},
		{"recommend", 0, 10, ErrMissingColumn, `feedback: Survey.Ratings: question: no such question ("recommend")`},
		{"Satisfaction", 1, 4, ErrInvalid, `feedback: Survey.Ratings: line 3, column 6 (Satisfaction): "5 - Very satisfied": invalid`},
		{"Satisfaction", 5, 1, ErrInvalid, "feedback: Survey.Ratings: lo: above hi 1 (5)"},
	} {
		_, err := s.Ratings(c.q, c.lo, c.hi)
		if !errors.Is(err, c.want) || err.Error() != c.msg {
			t.Errorf("Ratings(%q, %d, %d) err = %v, want %q", c.q, c.lo, c.hi, err, c.msg)
		}
	}
}

func TestParseRating(t *testing.T) {
	for _, c := range []struct {
		in     string
		lo, hi int
		want   int
		err    error
	}{
		{"5", 1, 5, 5, nil},
		{"10 (Extremely likely)", 0, 10, 10, nil},
		{"4. Agree", 1, 5, 4, nil},
		{"2: Disagree", 1, 5, 2, nil},
		{"3 – Neutral", 1, 5, 3, nil},
		{"-2", -3, 3, -2, nil},
		{"+1", -3, 3, 1, nil},
		{"4.5", 1, 5, 0, ErrSyntax},
		{"five", 1, 5, 0, ErrSyntax},
		{"-", 1, 5, 0, ErrSyntax},
		{"6", 1, 5, 0, ErrInvalid},
		{"99999999999999999999", 0, 10, 0, ErrSyntax},
		{"YES", 0, 1, 1, nil},
		{"Evet", 0, 1, 1, nil},
		{"HAYIR", 0, 1, 0, nil},
		{"yes", 1, 5, 0, ErrSyntax},
	} {
		got, err := parseRating(c.in, c.lo, c.hi)
		if got != c.want || !errors.Is(err, c.err) || (c.err == nil && err != nil) {
			t.Errorf("parseRating(%q, %d, %d) = %d, %v; want %d, %v", c.in, c.lo, c.hi, got, err, c.want, c.err)
		}
	}
}

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"@Ayşe.Yılmaz!", "ayse yilmaz"},
		{"İSTANBUL", "istanbul"},
		{"ırmak", "irmak"},
		{"Çiğdem Öztürk", "cigdem ozturk"},
		{"Ç\u0327", "c"}, // a stray combining cedilla is dropped
		{"e\u0301lodie", "elodie"},
		{"Straße", "strasse"},
		{"Ænima Œuvre", "aenima oeuvre"},
		{"Łódź", "lodz"},
		{"  hello,   world  ", "hello world"},
		{"🔥anna🔥", "anna"},
		{"Σοφία", "σοφια"},
		{"", ""},
	} {
		if got := normalize(c.in); got != c.want {
			t.Errorf("normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
