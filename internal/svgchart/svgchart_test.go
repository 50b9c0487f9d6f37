package svgchart

import (
	"go/parser"
	"go/token"
	"io/fs"
	"math"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostileValues: NaN, ±Inf and markup in labels never reach the SVG.
func TestHostileValues(t *testing.T) {
	bad := []float64{math.NaN(), math.Inf(1), math.Inf(-1), -3}
	label := `<script>alert("x")</script> & co`
	charts := map[string]string{
		"bars": string(Bars{ID: "b", Title: label, Desc: label, Axis: label, Series: []string{label, "b"},
			Rows: []Row{{Label: label, Values: bad[:2], Texts: []string{label, label}, Marked: true, Mark: "⚑"}}, Ref: Ref{At: math.NaN(), Label: label}}.SVG()),
		"stacked": string(Bars{ID: "s", Stacked: true, Rows: []Row{{Label: "a", Values: bad}}}.SVG()),
		"lines":   string(Lines{ID: "l", Title: label, X: []string{label}, Series: []Series{{Name: label, Values: bad}}}.SVG()),
		"scatter": string(Scatter{ID: "p", Title: label, Points: []Point{{Label: label, X: math.NaN(), Y: math.Inf(1)}}, Diagonal: label}.SVG()),
		"heatmap": string(Heatmap{ID: "h", Title: label, Names: []string{label, "b"}, Values: [][]float64{{0, math.NaN()}, {math.Inf(1), 0}},
			Texts: [][]string{{"", label}, {label, ""}}}.SVG()),
		"empty": string(Bars{ID: "e"}.SVG()) + string(Lines{ID: "e"}.SVG()) + string(Scatter{ID: "e"}.SVG()) + string(Heatmap{ID: "e"}.SVG()),
	}
	for name, svg := range charts {
		if strings.Contains(svg, "NaN") || strings.Contains(svg, "Inf") {
			t.Errorf("%s: a NaN or Inf in the SVG", name)
		}
		if strings.Contains(svg, "<script") {
			t.Errorf("%s: a label was not escaped", name)
		}
		if !strings.HasPrefix(svg, `<svg class="chart"`) || !strings.HasSuffix(svg, "</svg>") || !strings.Contains(svg, "<title id=") {
			t.Errorf("%s: not one titled <svg> element: %.80s", name, svg)
		}
	}
}

// TestTicks: round steps covering the range, by hand.
func TestTicks(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		n      int
		want   string
	}{
		{0, 100, 5, "0 20 40 60 80 100"}, // raw step 20: 2×10
		{0, 3.29, 5, "0 1 2 3"},          // raw step 0.658 → 1; ticks stay within [lo, hi]: niceMax extends the axis
		{0, 29250, 5, "0 10000 20000"},   // raw 5850 → 10000
		{0, 0, 5, "0 0.2 0.4 0.6 0.8 1"}, // an empty range becomes [0, 1]
	} {
		var got []string
		for _, v := range ticks(tc.lo, tc.hi, tc.n) {
			got = append(got, trimFloat(v))
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("ticks(%v, %v, %d) = %s, want %s", tc.lo, tc.hi, tc.n, g, tc.want)
		}
	}
	if m := niceMax(0, 3.29, 5); m != 4 {
		t.Errorf("niceMax(0, 3.29) = %v, want 4 (the tick after 3)", m)
	}
}

// TestOnlyExamplesImport: no library package imports svgchart, so that
// the library's users do not pay for it.
func TestOnlyExamplesImport(t *testing.T) {
	const self = "github.com/influencekit/influencekit/internal/svgchart"
	files := 0
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(path, "../../"))
		if d.IsDir() {
			if rel == "examples" || rel == "internal/svgchart" || strings.HasPrefix(d.Name(), ".") && rel != "../.." {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		files++
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			if strings.Trim(imp.Path.Value, `"`) == self {
				t.Errorf("%s imports svgchart: only examples may", rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Errorf("only %d Go files outside examples/: the walk missed the library", files)
	}
}
