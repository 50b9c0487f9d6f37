package feedback

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/hostile"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/influencekit/influencekit/internal/race"
)

// runner holds every call of the hostile table to hostile.Bound (×4 under
// -race) on the lesser of its wall time and its own thread's CPU time:
// feedback works in the caller's goroutine only.
var runner = hostile.Runner{CPU: true}

// maxMessage bounds an error message of the hostile table: feedback's
// messages name one field and one short value.
const maxMessage = 300

// sentinels are the package's exported sentinel errors: every error of the
// hostile table must wrap one of them.
var sentinels = []error{ErrInvalid, ErrNegative, ErrNonPositive, ErrEmpty, ErrOverflow, ErrTooLarge,
	ErrSyntax, ErrMissingColumn, ErrDuplicate, ErrCurrencyMismatch}

// hostileCall is one call of an exported function or method with hostile
// values. fn is "Func" or "Type.Method", as TestHostileCoversAPI lists them.
type hostileCall struct {
	fn, name string
	call     func() error
}

// errDisk is the error of failingReader, the caller's own: ReadSurvey
// returns it wrapped, for errors.Is.
var errDisk = errors.New("disk on fire")

// failingReader is a reader that always fails.
type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errDisk }

// longString is the length of the table's long strings: 10^6 bytes, and
// 2.5·10^5 under the race detector, which instruments every byte of the
// CSV reader's and the header normaliser's per-rune loops and slows them
// about ten times, beyond hostile.Slack's four (ReadSurvey of 10^6 bytes of
// NUL and 0xFF: 35 ms, 360 ms under -race). The work is linear either way.
var longString = map[bool]int{false: 1_000_000, true: 250_000}[race.Enabled]

// hostile values shared by the table.
var (
	hostileInts    = []int64{0, -1, 1, math.MaxInt64, math.MinInt64, math.MaxInt64 / 2}
	hostileIntVals = []int{0, -1, 1, 10, math.MaxInt, math.MinInt}
	hostileStrings = []string{"", " ", "\x00", "1\x002", "\xff\xfe\xfd", "NaN", "+Inf", "1e308",
		"9223372036854775808", strings.Repeat("9", longString), strings.Repeat("a", longString),
		strings.Repeat("anna kaya ", longString/10), strings.Repeat("\x00\xff", longString/2)}
)

// hostileDecimals returns zero, negative, MaxInt64, the exponents ±2³¹, a
// zero with such an exponent, a 10⁶-digit decimal and the largest values
// within the limits (1000 digits, exponent ±1000).
func hostileDecimals() []decimal.Decimal {
	million := decimal.NewFromBigInt(new(big.Int).Lsh(big.NewInt(1), 3_321_929), 0) // 2^3321929 has 10^6 digits
	nines := decimal.NewFromBigInt(new(big.Int).Sub(new(big.Int).Exp(big.NewInt(10), big.NewInt(1000), nil), big.NewInt(1)), 0)
	return []decimal.Decimal{{}, decimal.NewFromInt(-1), decimal.NewFromInt(math.MaxInt64), decimal.New(1, -16),
		decimal.New(95, -2), decimal.New(1, -300), decimal.New(1, math.MaxInt32), decimal.New(1, math.MinInt32),
		decimal.New(-7, math.MaxInt32), decimal.New(0, math.MinInt32), decimal.New(0, math.MaxInt32), million,
		million.Neg(), decimal.NewFromBigInt(million.Coefficient(), -1_000_000), decimal.New(1, limit.MaxExponent),
		decimal.New(1, -limit.MaxExponent), nines, decimal.NewFromBigInt(nines.Coefficient(), -limit.MaxExponent),
		decimal.NewFromBigInt(nines.Coefficient(), -1000).Sub(decimal.New(1, -1000))}
}

// hostileSurveys returns surveys: the zero one, the form export, one built
// in code with answers of every hostile string (cut to 10^5 bytes) and
// 2·10^4 responses.
func hostileSurveys(t testing.TB) map[string]Survey {
	form, err := ReadSurvey(strings.NewReader(formExport), Layout{})
	if err != nil {
		t.Fatal(err)
	}
	odd := Survey{Questions: []string{"q", "\x00", "\xff"}}
	for i, s := range hostileStrings {
		s = s[:min(len(s), 100_000)] // 10^6-byte answers: Match and ReadSurvey
		odd.Responses = append(odd.Responses, Response{OrderID: s, Respondent: s, Answers: []string{s, s, fmt.Sprint(i)}})
	}
	odd.Responses = append(odd.Responses, Response{}, Response{Answers: []string{"1"}})
	many := Survey{Questions: []string{"q", "g"}, Responses: make([]Response, 20_000)}
	for i := range many.Responses {
		many.Responses[i] = Response{OrderID: fmt.Sprint(i), Answers: []string{fmt.Sprint(i % 11), []string{"a", "b"}[i%2]}}
	}
	return map[string]Survey{"zero": {}, "form": form, "odd": odd, "many": many}
}

// hostileMatchers returns matchers: nil, an empty one and a roster one.
func hostileMatchers(t testing.TB) map[string]*Matcher {
	empty, err := NewMatcher(nil, nil, MatchOptions{})
	if err != nil && !errors.Is(err, ErrEmpty) {
		t.Fatal(err)
	}
	roster, err := NewMatcher([]Creator{{Handle: "@anna.kaya", Name: "Anna Kaya"}, {Handle: "deniz", Aliases: []string{"d\x00z"}}},
		[]Source{{Name: "search", Aliases: []string{"google"}}}, MatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*Matcher{"nil": nil, "empty": empty, "roster": roster}
}

func callsRead() []hostileCall {
	var cs []hostileCall
	readers := map[string]func() io.Reader{"nil": func() io.Reader { return nil }, "failing": func() io.Reader { return failingReader{} },
		"empty": func() io.Reader { return strings.NewReader("") }, "form": func() io.Reader { return strings.NewReader(formExport) }}
	for _, s := range hostileStrings {
		readers[errs.Format(s)] = func() io.Reader { return strings.NewReader(s) }
	}
	readers["wide"] = func() io.Reader {
		return strings.NewReader(strings.Repeat("q,", 200_000) + "\n" + strings.Repeat("1,", 200_000))
	}
	layouts := []Layout{{}, {Comma: '"'}, {Comma: '\n'}, {Comma: -1}, {Comma: utf8Invalid}, {Time: []string{""}, Order: []string{"\x00"}, Respondent: []string{"\xff"}}}
	for rn, r := range readers {
		for i, l := range layouts {
			cs = append(cs, hostileCall{"ReadSurvey", fmt.Sprintf("%s, layout %d", rn, i), func() error { _, err := ReadSurvey(r(), l); return err }})
		}
	}
	return cs
}

// utf8Invalid is a rune that is not valid UTF-8 (a surrogate half).
const utf8Invalid = 0xD800

func callsSurvey(t testing.TB) []hostileCall {
	var cs []hostileCall
	qs := append([]string{"q", "How did you hear about us?", "Channels seen"}, hostileStrings...)
	ms := hostileMatchers(t)
	for sn, s := range hostileSurveys(t) {
		for _, q := range qs {
			name := sn + ", " + errs.Format(q)
			cs = append(cs, hostileCall{"Survey.Question", name, func() error { _, err := s.Question(q); return err }})
			for _, sep := range []string{"", ",", "\x00", "\xff", strings.Repeat(",", 1000)} {
				cs = append(cs, hostileCall{"Survey.Choices", name + ", " + errs.Format(sep), func() error { _, err := s.Choices(q, sep); return err }})
			}
			for _, lo := range hostileIntVals {
				for _, hi := range hostileIntVals {
					n := fmt.Sprintf("%s, %d..%d", name, lo, hi)
					cs = append(cs, hostileCall{"Survey.Ratings", n, func() error { _, err := s.Ratings(q, lo, hi); return err }},
						hostileCall{"Survey.Scores", n, func() error { _, err := s.Scores(q, lo, hi); return err }})
				}
			}
			for mn, m := range ms {
				cs = append(cs, hostileCall{"Survey.Answers", name + ", " + mn, func() error { _, err := s.Answers(q, m); return err }})
			}
			for _, g := range []string{"", "g", "\x00", q} {
				cs = append(cs, hostileCall{"Survey.Arms", name + ", " + errs.Format(g), func() error { _, _, err := s.Arms(g, "a", q); return err }},
					hostileCall{"Survey.Arms", name + ", exposed " + errs.Format(g), func() error { _, _, err := s.Arms(q, g, "q"); return err }})
			}
		}
		for _, c := range hostileDecimals() {
			qs := [][]Question{nil, {}, {{Name: "q", Lo: 0, Hi: 10}}, {{Name: "q", Lo: math.MinInt, Hi: math.MaxInt}},
				{{Name: "\x00", Lo: 1, Hi: 5}, {Name: "\x00", Lo: 1, Hi: 5}}}
			for i, q := range qs {
				for _, cr := range []string{"", "a", "\xff"} {
					cs = append(cs, hostileCall{"CreatorFeedback", fmt.Sprintf("%s, %d, %q, %s", sn, i, cr, errs.Format(c)),
						func() error { _, err := CreatorFeedback(s, cr, q, c); return err }})
				}
			}
		}
	}
	return cs
}

func callsMatcher(t testing.TB) []hostileCall {
	var cs []hostileCall
	creators := map[string][]Creator{"nil": nil, "empty handle": {{}}, "dup": {{Handle: "a"}, {Handle: "@a"}},
		"strings": {{Handle: "\x00", Name: "\xff\xfe", Aliases: []string{"", strings.Repeat("x", 1_000_000)}}},
		"many":    manyCreators(2_000), "long": {{Handle: "h", Name: strings.Repeat("anna kaya ", 10_000)}}}
	sources := map[string][]Source{"nil": nil, "empty": {{}}, "strings": {{Name: "\xff", Aliases: []string{"\x00"}}}}
	for cn, c := range creators {
		for sn, s := range sources {
			for _, o := range []MatchOptions{{}, {Exact: true}} {
				cs = append(cs, hostileCall{"NewMatcher", fmt.Sprintf("%s, %s, %v", cn, sn, o), func() error { _, err := NewMatcher(c, s, o); return err }})
			}
		}
	}
	for mn, m := range hostileMatchers(t) {
		for _, a := range hostileStrings {
			cs = append(cs, hostileCall{"Matcher.Match", mn + ", " + errs.Format(a), func() error { m.Match(a); return nil }})
		}
		cs = append(cs, hostileCall{"Matcher.MatchAll", mn + ", nil", func() error { m.MatchAll(nil); return nil }},
			hostileCall{"Matcher.MatchAll", mn + ", hostile", func() error { m.MatchAll(hostileStrings); return nil }})
	}
	return cs
}

func manyCreators(n int) []Creator {
	cs := make([]Creator, n)
	for i := range cs {
		cs[i] = Creator{Handle: fmt.Sprintf("creator%05d", i), Name: fmt.Sprintf("Name %d", i)}
	}
	return cs
}

func callsCredit() []hostileCall {
	var cs []hostileCall
	eur, err := budget.ParseCurrency("EUR")
	if err != nil {
		panic(err)
	}
	m := Match{Bucket: BucketCreator, Name: "a"}
	answers := map[string][]Answer{"nil": nil, "empty": {}, "ok": {{OrderID: "1", Match: m}, {OrderID: "2", Match: Match{Bucket: BucketChannel, Name: "search"}}},
		"dup": {{OrderID: "1", Match: m}, {OrderID: "1", Match: m}}, "strings": {{OrderID: "\x00", Match: Match{Bucket: 0xFF, Name: "\xff"}}, {OrderID: "", Match: m}}}
	for _, d := range hostileDecimals() {
		orders := map[string][]CreditedOrder{"nil": nil, "one": {{ID: "1", Amount: d, Currency: eur, Creator: "a"}},
			"two":      {{ID: "1", Amount: decimal.NewFromInt(5), Currency: eur, Creator: "a"}, {ID: "2", Amount: d, Currency: eur}},
			"dup":      {{ID: "1", Amount: d, Currency: eur}, {ID: "1", Amount: d, Currency: eur}},
			"strings":  {{ID: "\x00", Amount: d, Currency: eur, Creator: "\xff"}},
			"currency": {{ID: "1", Amount: d, Currency: eur}, {ID: "2", Amount: d}}}
		for on, o := range orders {
			for an, a := range answers {
				for _, c := range []decimal.Decimal{decimal.New(95, -2), d} {
					cs = append(cs, hostileCall{"Credit", fmt.Sprintf("%s, %s, %s, %s", on, an, errs.Format(d), errs.Format(c)),
						func() error { _, err := Credit(o, a, c); return err }})
				}
			}
		}
	}
	many := make([]CreditedOrder, 20_000)
	manyA := make([]Answer, 20_000)
	for i := range many {
		many[i] = CreditedOrder{ID: fmt.Sprint(i), Amount: decimal.New(int64(i), -2), Currency: eur, Creator: []string{"a", "b", ""}[i%3]}
		manyA[i] = Answer{OrderID: fmt.Sprint(i), Match: Match{Bucket: BucketCreator, Name: []string{"a", "b"}[i%2]}}
	}
	cs = append(cs, hostileCall{"Credit", "2·10^4 orders", func() error { _, err := Credit(many, manyA, decimal.New(95, -2)); return err }})
	return cs
}

func callsScores() []hostileCall {
	var cs []hostileCall
	big := make([]int, 1_000_000)
	for i := range big {
		big[i] = i % 11
	}
	scores := map[string][]int{"nil": nil, "empty": {}, "ok": {10, 9, 7, 3, 0}, "one": {10}, "bad": {11, -1},
		"extreme": {math.MaxInt, math.MinInt}, "10^6": big}
	for _, c := range hostileDecimals() {
		for sn, s := range scores {
			cs = append(cs, hostileCall{"NPS", sn + ", " + errs.Format(c), func() error { _, err := NPS(s, c); return err }})
			for _, lo := range hostileIntVals {
				for _, hi := range hostileIntVals {
					cs = append(cs, hostileCall{"Likert", fmt.Sprintf("%s, %d..%d, %s", sn, lo, hi, errs.Format(c)),
						func() error { _, err := Likert(s, lo, hi, c); return err }})
				}
			}
		}
		nps := []NetPromoter{{}, {Responses: 10, Promoters: 5, Detractors: 2}, {Responses: math.MaxInt64, Promoters: math.MaxInt64, Detractors: math.MaxInt64},
			{Responses: -1, Promoters: -5}, {Responses: 1, Promoters: 0, Passives: 0, Detractors: 0}, {Responses: 3, Promoters: 2, Passives: 2, Detractors: 2}}
		for i, a := range nps {
			for j, b := range nps {
				cs = append(cs, hostileCall{"NPSDiff", fmt.Sprintf("%d, %d, %s", i, j, errs.Format(c)), func() error { _, err := NPSDiff(a, b, c); return err }})
			}
		}
		arms := []Arm{{}, {Size: 100, Yes: 30}, {Size: math.MaxInt64, Yes: math.MaxInt64}, {Size: math.MaxInt64, Yes: 1}, {Size: -1, Yes: -2},
			{Size: 5, Yes: 6}, {Size: 100, Yes: 0}, {Size: 100, Yes: 100}}
		for i, a := range arms {
			for j, b := range arms {
				cs = append(cs, hostileCall{"BrandLift", fmt.Sprintf("%d, %d, %s", i, j, errs.Format(c)), func() error { _, err := BrandLift(a, b, c); return err }})
			}
		}
	}
	return cs
}

func callsPower() []hostileCall {
	var cs []hostileCall
	ds := hostileDecimals()
	ok := decimal.New(1, -1)
	designs := []Design{{}, {OneSided: true, Ratio: decimal.NewFromInt(1000)}, {Ratio: decimal.New(1, -3)}}
	for _, d := range ds {
		designs = append(designs, Design{Alpha: d}, Design{Ratio: d, OneSided: true})
	}
	for i, dz := range designs {
		cs = append(cs, hostileCall{"Design.Validate", fmt.Sprint(i), dz.Validate})
		for _, d := range ds {
			name := fmt.Sprintf("design %d, %s", i, errs.Format(d))
			for _, n := range hostileInts {
				cs = append(cs,
					hostileCall{"Power", fmt.Sprintf("%s, base, %d", name, n), func() error { _, err := Power(d, ok, n, dz); return err }},
					hostileCall{"Power", fmt.Sprintf("%s, lift, %d", name, n), func() error { _, err := Power(ok, d, n, dz); return err }},
					hostileCall{"MDE", fmt.Sprintf("%s, base, %d", name, n), func() error { _, err := MDE(d, n, decimal.New(8, -1), dz); return err }},
					hostileCall{"MDE", fmt.Sprintf("%s, power, %d", name, n), func() error { _, err := MDE(ok, n, d, dz); return err }})
			}
			cs = append(cs,
				hostileCall{"SampleSize", name + ", base", func() error { _, err := SampleSize(d, ok, decimal.New(8, -1), dz); return err }},
				hostileCall{"SampleSize", name + ", lift", func() error { _, err := SampleSize(ok, d, decimal.New(8, -1), dz); return err }},
				hostileCall{"SampleSize", name + ", power", func() error { _, err := SampleSize(ok, ok, d, dz); return err }})
		}
	}
	return cs
}

func callsText() []hostileCall {
	var cs []hostileCall
	for _, b := range []Bucket{0, 1, 2, 3, 4, 0xFF} {
		cs = append(cs, hostileCall{"Bucket.MarshalText", b.String(), func() error { _, err := b.MarshalText(); return err }})
	}
	for _, s := range hostileStrings {
		cs = append(cs, hostileCall{"Bucket.UnmarshalText", errs.Format(s), func() error { var b Bucket; return b.UnmarshalText([]byte(s)) }})
	}
	cs = append(cs, hostileCall{"Bucket.UnmarshalText", "nil", func() error { var b Bucket; return b.UnmarshalText(nil) }})
	return cs
}

// hostileTable is every call of the hostile-input test.
func hostileTable(t testing.TB) []hostileCall {
	return slices.Concat(callsRead(), callsSurvey(t), callsMatcher(t), callsCredit(), callsScores(), callsPower(), callsText())
}

// TestHostile calls every exported function and method of the package with
// hostile values: each returns within hostile.Bound (×4 under -race) with a
// result or an error wrapping one of the package's sentinels, with a
// message of at most maxMessage bytes, and never panics.
func TestHostile(t *testing.T) {
	var slow hostile.Slowest
	for _, c := range hostileTable(t) {
		own := []error(nil)
		if c.fn == "ReadSurvey" {
			own = []error{errDisk}
		}
		runner.Check(t, &slow, fmt.Sprintf("%s(%s)", c.fn, c.name), c.call, maxMessage, append(slices.Clone(sentinels), own...)...)
	}
	slow.Log(t)
}

// hostileSkip lists exported functions and methods left out of the hostile
// table, with the reason.
var hostileSkip = map[string]string{
	"Bucket.String": "takes no user value beyond the receiver; out of range prints Bucket(N) (TestBucketText)",
}

// TestHostileCoversAPI lists the exported functions and methods of the
// package's non-test files (hostile.Exported) and fails naming any that
// the hostile table does not call and hostileSkip does not excuse.
func TestHostileCoversAPI(t *testing.T) {
	called := hostile.Names(hostileTable(t), func(c hostileCall) string { return c.fn })
	hostile.CoversAPI(t, ".", false, called, hostileSkip, 10)
}

// FuzzHostileDecimals drives the decimal entry points (every confidence
// level, CreditedOrder.Amount, SampleSize's, Power's and MDE's baseline,
// lift and power, Design.Alpha and Design.Ratio) with c·10^zeros·10^exp:
// coefficients of up to 2066 digits and any int32 exponent. A value beyond
// limit.Decimal must be refused with ErrTooLarge naming the field, a value
// within must be computed or refused for its domain, and nothing may panic
// or return a figure that is not a decimal.
func FuzzHostileDecimals(f *testing.F) {
	f.Add(int64(1), int32(math.MaxInt32), uint16(0))
	f.Add(int64(-3), int32(math.MinInt32), uint16(0))
	f.Add(int64(0), int32(math.MinInt32), uint16(0))
	f.Add(int64(95), int32(-2), uint16(0))
	f.Add(int64(9), int32(-limit.MaxExponent), uint16(999))
	f.Add(int64(1), int32(limit.MaxExponent), uint16(1000))
	f.Add(int64(math.MaxInt64), int32(-1001), uint16(2047))
	f.Fuzz(func(t *testing.T, c int64, exp int32, zeros uint16) {
		coef := new(big.Int).Mul(big.NewInt(c), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(zeros%2048)), nil))
		d := decimal.NewFromBigInt(coef, exp)
		beyond := limit.Decimal("test", "d", d) != nil
		want := func(what, field string, err error) {
			t.Helper()
			switch {
			case beyond && !errors.Is(err, ErrTooLarge):
				t.Fatalf("%s(%s): beyond the limits, err = %v", what, errs.Format(d), err)
			case beyond && !strings.Contains(err.Error(), field):
				t.Fatalf("%s(%s): %v does not name %s", what, errs.Format(d), err, field)
			case err != nil && !hostile.Wraps(err, sentinels...):
				t.Fatalf("%s(%s): err = %v wraps no sentinel", what, errs.Format(d), err)
			case err != nil && len(err.Error()) > maxMessage:
				t.Fatalf("%s(%s): message of %d bytes", what, errs.Format(d), len(err.Error()))
			}
		}
		ok, pw := decimal.New(1, -1), decimal.New(8, -1)
		_, err := NPS([]int{10, 9, 3, 7}, d)
		want("NPS", "confidence", err)
		_, err = Likert([]int{1, 5, 4}, 1, 5, d)
		want("Likert", "confidence", err)
		_, err = NPSDiff(NetPromoter{Responses: 4, Promoters: 2, Detractors: 1}, NetPromoter{Responses: 5, Promoters: 1, Detractors: 1}, d)
		want("NPSDiff", "confidence", err)
		_, err = BrandLift(Arm{Size: 100, Yes: 30}, Arm{Size: 100, Yes: 20}, d)
		want("BrandLift", "confidence", err)
		eur, _ := budget.ParseCurrency("EUR")
		orders := []CreditedOrder{{ID: "1", Amount: decimal.NewFromInt(5), Currency: eur, Creator: "a"}, {ID: "2", Amount: d, Currency: eur}}
		answers := []Answer{{OrderID: "2", Match: Match{Bucket: BucketCreator, Name: "a"}}}
		_, err = Credit(orders, answers, decimal.New(95, -2))
		want("Credit", "Amount", err)
		_, err = Credit(orders[:1], answers, d)
		want("Credit", "confidence", err)
		_, err = SampleSize(d, ok, pw, Design{})
		want("SampleSize", "baseline", err)
		_, err = SampleSize(ok, d, pw, Design{})
		want("SampleSize", "lift", err)
		_, err = SampleSize(ok, ok, d, Design{})
		want("SampleSize", "power", err)
		_, err = Power(d, ok, 1000, Design{})
		want("Power", "baseline", err)
		_, err = Power(ok, d, 1000, Design{})
		want("Power", "lift", err)
		_, err = MDE(d, 1000, pw, Design{})
		want("MDE", "baseline", err)
		_, err = MDE(ok, 1000, d, Design{})
		want("MDE", "power", err)
		want("Design.Validate", "Alpha", Design{Alpha: d}.Validate())
		want("Design.Validate", "Ratio", Design{Ratio: d}.Validate())
		_, err = Power(ok, ok, 1000, Design{Alpha: d, Ratio: d})
		want("Power", "design.", err)
	})
}

// TestHostileNilAndLong: a nil reader is ErrInvalid; a nil Matcher and an
// answer longer than MaxAnswerBytes are BucketUnmatched with the text kept;
// an answer of MaxAnswerBytes naming 256 fuzzy keys beside each other
// ("creatr0001 name " × 256: every run matches some "creatorNNNNN" or
// "Name N" of 2,000 within its edits) is resolved in linear time (resolve
// compared every hit with every other: 52 ms at 4,000 creators).
func TestHostileNilAndLong(t *testing.T) {
	if _, err := ReadSurvey(nil, Layout{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("ReadSurvey(nil) = %v, want ErrInvalid", err)
	}
	var nilM *Matcher
	if got := nilM.Match("anna"); got.Bucket != BucketUnmatched || got.Text != "anna" {
		t.Errorf("nil Matcher: %+v", got)
	}
	m, err := NewMatcher([]Creator{{Handle: "anna.kaya", Name: "Anna Kaya"}}, nil, MatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("x", MaxAnswerBytes-len(" anna kaya")) + " anna kaya"
	if got := m.Match(long); got.Bucket != BucketCreator {
		t.Errorf("answer of MaxAnswerBytes: %v, want creator", got.Bucket)
	}
	if got := m.Match(long + " "); got.Bucket != BucketUnmatched || got.Text != long+" " {
		t.Errorf("answer over MaxAnswerBytes: %v, want unmatched", got.Bucket)
	}
	many, err := NewMatcher(manyCreators(2_000), nil, MatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := runner.Check(t, nil, "Match(fuzzy run)", func() error { many.Match(strings.Repeat("creatr0001 name ", 256)); return nil }, maxMessage, sentinels...)
	if r.Time() > 20*time.Millisecond*hostile.Slack {
		t.Errorf("Match of 256 fuzzy runs took %v, want under 20 ms (×4 under -race)", r.Time())
	}
}

// TestInsideLonger checks resolve's containment test (hitSpans and
// insideLonger, linear) against the pairwise comparison it replaced, on
// random hit sets of spans up to MaxKeyWords words over 30 words.
func TestInsideLonger(t *testing.T) {
	rng := uint64(1)
	next := func(n int) int { rng = rng*6364136223846793005 + 1442695040888963407; return int(rng>>33) % n }
	for range 2000 {
		hits := make([]hit, 1+next(40))
		for i := range hits {
			from := next(30)
			hits[i] = hit{from: from, to: from + next(MaxKeyWords)}
		}
		spans := hitSpans(hits)
		for a, h := range hits {
			want := false
			for b, g := range hits {
				if a != b && g.from <= h.from && h.to <= g.to && g.to-g.from > h.to-h.from {
					want = true
				}
			}
			if got := insideLonger(spans, h); got != want {
				t.Fatalf("hits %v: insideLonger(%v) = %v, want %v", hits, h, got, want)
			}
		}
	}
}
