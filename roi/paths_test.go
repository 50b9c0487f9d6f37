package roi

import (
	"errors"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func TestReadPaths(t *testing.T) {
	f, err := os.Open("testdata/paths.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := ReadPaths(f)
	if err != nil {
		t.Fatal(err)
	}
	// The fixture reproduces the quirks of ChannelAttribution's Data.csv:
	// spaces around ">", repeated channels, float values, zero-conversion
	// rows, the same path on two rows; plus a count written "2.0".
	want := []Path{
		{Channels: []string{"alpha", "beta", "alpha"}, Conversions: 1, Value: d("0.244"), Nulls: 3},
		{Channels: []string{"beta", "beta", "beta"}, Conversions: 2, Value: d("3.195"), Nulls: 6},
		{Channels: []string{"gamma"}, Conversions: 0, Value: d("0"), Nulls: 2},
		{Channels: []string{"alpha", "beta", "alpha"}, Conversions: 1, Value: d("1.1"), Nulls: 0},
		{Channels: []string{"delta", "alpha"}, Conversions: 2, Value: d("6.754"), Nulls: 0},
		// float residue in the source file, kept exactly
		{Channels: []string{"eta", "iota"}, Conversions: 1, Value: d("0.00450000000000006"), Nulls: 0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// 0.244 is exactly 244/1000, not the float64 nearest to it.
	if got[0].Value.Exponent() != -3 || got[0].Value.CoefficientInt64() != 244 {
		t.Errorf("value %v not exact", got[0].Value)
	}
	// The 17-place value makes the value credits 17-place decimals (finer
	// than the usual 16), still summing exactly.
	credits, err := Attribute(got, Linear)
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, got, credits)
	// eta: half of 0.00450000000000006 = 0.00225000000000003.
	if !credits["eta"].Value.Equal(d("0.00225000000000003")) {
		t.Errorf("eta value %v", credits["eta"].Value)
	}

	f2, err := os.Open("testdata/paths_bom_crlf.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f2.Close()
	got, err = ReadPaths(f2)
	if err != nil {
		t.Fatal(err)
	}
	want = []Path{
		{Channels: []string{"x", "y"}, Conversions: 1, Value: d("1.5"), Nulls: 1},
		{Channels: []string{"y"}, Value: decimal.Zero, Nulls: 4},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("BOM/CRLF (-want +got)\n%s", diff)
	}
}

func TestReadPathsErrors(t *testing.T) {
	const head = "path;total_conversions;total_conversion_value;total_null\n"
	tests := []struct {
		name, in string
		want     error
		line     int
	}{
		{"no path column", "route;conversions\na;1\n", ErrMissingColumn, 1},
		{"no conversions column", "path;value\na;1\n", ErrMissingColumn, 1},
		{"empty channel", head + "a > > b;1;1;0\n", ErrInvalid, 2},
		{"empty path", head + "a;1;1;0\n;1;1;0\n", ErrEmpty, 3},
		{"fractional count", head + "a;1.5;1;0\n", ErrInvalid, 2},
		{"negative nulls", head + "a;1;1;-2\n", ErrNegative, 2},
		{"bad value", head + "a;1;1e3;0\n", ErrSyntax, 2},
		{"NaN value", head + "a;1;NaN;0\n", ErrSyntax, 2},
		{"value without conversions", head + "a;0;2;0\n", ErrInvalid, 2},
		{"huge count", head + "a;99999999999999999999;0;0\n", ErrOverflow, 2},
		{"empty input", "", ErrEmpty, 1},
		{"bare quote", head + "a\"b;1;1;0\n", ErrSyntax, 2},
		{"unclosed quote", head + "\"a;1;1;0\n", ErrSyntax, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadPaths(strings.NewReader(tt.in))
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line != tt.line {
				t.Errorf("err = %#v, want a ParseError on line %d", err, tt.line)
			}
		})
	}
}

const realPaths = "../../shared/data/channel_attribution_paths.csv"

// TestRealPathsMarkov reads the ChannelAttribution example data (10,000
// paths over 12 channels) as a user would, when it is present, and checks the
// first-order Markov model against an independent computation:
// testdata/markov_check.py, pure Python over exact fractions
// (Gauss–Jordan on the absorbing chain, no code shared), run by hand on
// 2026-11-25. Its output, the expected values here:
//
//	P 0.22384513559686378
//	channel  removal effect     conversions credited
//	alpha    0.558399489507747  5344.9476820852
//	beta     0.264038535741236  2527.3521665204
//	delta    0.000481995758038     4.6136183111
//	epsilon  0.062638582275491   599.5706504632
//	eta      0.349026331871146  3340.8474015009
//	gamma    0.017879974419969   171.1454426937
//	iota     0.405835004471944  3884.6147018751
//	kappa    0.028663386655466   274.3632559548
//	lambda   0.134022122809700  1282.8472233944
//	mi       0.000179945819894     1.7224245563
//	theta    0.206010462772770  1971.9128798869
//	zeta     0.039810517817383   381.0625527581
//
// The totals (awk over the file): 19,785 conversions, 68,602 nulls.
func TestRealPathsMarkov(t *testing.T) {
	f, err := os.Open(realPaths)
	if err != nil {
		t.Skip("real data not present:", err)
	}
	defer f.Close()
	paths, err := ReadPaths(f)
	if err != nil {
		t.Fatal(err)
	}
	var conv, nulls int64
	for _, p := range paths {
		conv += p.Conversions
		nulls += p.Nulls
	}
	if len(paths) != 10000 || conv != 19785 || nulls != 68602 {
		t.Fatalf("read %d paths, %d conversions, %d nulls", len(paths), conv, nulls)
	}
	want := map[string][2]float64{
		"alpha": {0.558399489507747, 5344.9476820852}, "beta": {0.264038535741236, 2527.3521665204},
		"delta": {0.000481995758038, 4.6136183111}, "epsilon": {0.062638582275491, 599.5706504632},
		"eta": {0.349026331871146, 3340.8474015009}, "gamma": {0.017879974419969, 171.1454426937},
		"iota": {0.405835004471944, 3884.6147018751}, "kappa": {0.028663386655466, 274.3632559548},
		"lambda": {0.134022122809700, 1282.8472233944}, "mi": {0.000179945819894, 1.7224245563},
		"theta": {0.206010462772770, 1971.9128798869}, "zeta": {0.039810517817383, 381.0625527581},
	}
	re, err := MarkovRemovalEffects(paths, 1)
	if err != nil {
		t.Fatal(err)
	}
	approx(t, "P", re.ConversionProbability, 0.22384513559686378)
	credits, err := Attribute(paths, Markov)
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, paths, credits)
	for c, w := range want {
		g, _ := re.Effects[c].Float64()
		if math.Abs(g-w[0]) > 1e-12 {
			t.Errorf("RE(%s) = %v, python %v", c, g, w[0])
		}
		g, _ = credits[c].Conversions.Float64()
		if math.Abs(g-w[1]) > 1e-8 {
			t.Errorf("credit(%s) = %v, python %v", c, g, w[1])
		}
	}
	// A second, independent check: the power iteration of diff_test.go.
	p, iter := markovByIteration(paths)
	if math.Abs(p-0.22384513559686378) > 1e-12 {
		t.Errorf("iteration P = %v", p)
	}
	for c, w := range want {
		if math.Abs(iter[c]-w[0]) > 1e-9 {
			t.Errorf("iteration RE(%s) = %v, python %v", c, iter[c], w[0])
		}
	}
	// Order 2 on the real file against the iteration of order 2.
	re2, err := MarkovRemovalEffects(paths, 2)
	if err != nil {
		t.Fatal(err)
	}
	p2, iter2 := markovByIterationOrder(paths, 2)
	approx(t, "P order 2", re2.ConversionProbability, p2)
	for c := range want {
		approx(t, "RE order 2 "+c, re2.Effects[c], iter2[c])
	}
	if len(credits) != len(want) {
		t.Errorf("%d channels, want %d", len(credits), len(want))
	}
}
