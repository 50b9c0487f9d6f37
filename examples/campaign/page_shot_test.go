package main

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/influencekit/influencekit/budget"
)

// TestPageInBrowser renders the page in headless Chromium: no console
// message, no request, no horizontal scrolling at 1,280 px and no table
// wider than its container, visible marks
// in every chart, the key figures of the text and JSON reports; and one
// screenshot per section as an artifact.
func TestPageInBrowser(t *testing.T) {
	bin := chromiumPath(t)
	rep := testReport(t)
	var page bytes.Buffer
	if err := writePage(&page, rep, true); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	dom, stderr := browser(t, bin, file, "--window-size=1280,1000", "--dump-dom")
	if lines := consoleLines(stderr); len(lines) > 0 {
		t.Errorf("console messages (errors, blocked requests):\n%s", strings.Join(lines, "\n"))
	}
	if m := external.FindString(dom); m != "" {
		t.Errorf("the DOM refers to something outside the file: %q", m)
	}
	p := probe(t, dom)
	if p.ScrollWidth > 1280 || p.ScrollWidth > p.ClientWidth {
		t.Errorf("horizontal scrolling at 1,280 px: scrollWidth %d, clientWidth %d; past the edge: %q", p.ScrollWidth, p.ClientWidth, p.Wide)
	}
	if len(p.Overflow) > 0 {
		t.Errorf("tables wider than their container at 1,280 px: %q", p.Overflow)
	}
	checkKeyFigures(t, dom)

	height := int(p.Height) + 10
	_, _ = browser(t, bin, file, fmt.Sprintf("--window-size=1280,%d", height), "--screenshot="+filepath.Join(dir, "page.png"))
	b, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	checkShots(t, img, p)
	checkPrint(t, bin, dir)
}

// checkPrint prints the page (without the probe) to PDF: A4 pages
// (595 × 842 points), at least one per section (each starts a page).
func checkPrint(t *testing.T, bin, dir string) {
	t.Helper()
	var page bytes.Buffer
	if err := writePage(&page, testReport(t), false); err != nil {
		t.Fatal(err)
	}
	file, pdf := filepath.Join(dir, "print.html"), filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(file, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr := browser(t, bin, file, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
	if lines := consoleLines(stderr); len(lines) > 0 {
		t.Errorf("console messages while printing:\n%s", strings.Join(lines, "\n"))
	}
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	pages := regexp.MustCompile(`/Type\s*/Page\b`).FindAll(b, -1)
	boxes := regexp.MustCompile(`/MediaBox\s*\[\s*0 0 (59[45](?:\.\d+)?) (84[12](?:\.\d+)?)\s*\]`).FindAll(b, -1)
	t.Logf("printed: %d pages, %d bytes", len(pages), len(b))
	if len(pages) < len(pageSections) || len(boxes) != len(pages) {
		t.Errorf("printed %d pages, %d of them A4; want at least %d, all A4", len(pages), len(boxes), len(pageSections))
	}
}

// checkShots checks every chart's box for marks and saves each section.
func checkShots(t *testing.T, img image.Image, p probeResult) {
	t.Helper()
	out := os.Getenv("ARTIFACTS")
	if out == "" {
		out = t.TempDir()
	} else if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	charts, sections := 0, 0
	for _, bx := range p.Boxes {
		r := image.Rect(int(bx.X), int(bx.Y), int(bx.X+bx.W), int(bx.Y+bx.H)).Intersect(img.Bounds())
		switch bx.Kind {
		case "svg":
			charts++
			ink, colours := marks(img, r)
			// A chart is a title, axes and its marks: at least 2 % of its
			// box inked, in at least 3 colours besides white.
			if r.Empty() || ink*50 < r.Dx()*r.Dy() || colours < 3 {
				t.Errorf("chart %s looks blank: %d inked pixels of %d, %d colours (box %v)", bx.ID, ink, r.Dx()*r.Dy(), colours, r)
			}
		case "section":
			sections++
			path := filepath.Join(out, "section-"+bx.ID+".png")
			if err := savePNG(path, img, r); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot of section %s: %s", bx.ID, path)
		}
	}
	if charts < 10 || sections != len(pageSections) {
		t.Errorf("%d charts and %d sections in the page, want ≥ 10 and %d", charts, sections, len(pageSections))
	}
}

// marks counts the non-white pixels of r and their distinct colours.
func marks(img image.Image, r image.Rectangle) (ink, colours int) {
	seen := map[[3]uint32]bool{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if cr>>8 > 245 && cg>>8 > 245 && cb>>8 > 245 {
				continue
			}
			ink++
			seen[[3]uint32{cr >> 12, cg >> 12, cb >> 12}] = true
		}
	}
	return ink, len(seen)
}

type subImager interface {
	SubImage(image.Rectangle) image.Image
}

// savePNG writes the region r of img to path.
func savePNG(path string, img image.Image, r image.Rectangle) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if s, ok := img.(subImager); ok {
		return png.Encode(f, s.SubImage(r))
	}
	return png.Encode(f, img)
}

// checkKeyFigures compares the page's key figures with the text report's
// summary and the JSON report.
func checkKeyFigures(t *testing.T, dom string) {
	t.Helper()
	got := map[string]string{}
	for _, m := range regexp.MustCompile(`data-key="([a-z-]+)">([^<]*)<`).FindAllStringSubmatch(dom, -1) {
		got[m[1]] = strings.ReplaceAll(m[2], "&amp;", "&")
	}
	text, _ := outputs(t)
	summary, _, _ := strings.Cut(string(text), "1. Goals")
	js := runJSON(t)
	cur := budget.MustParseCurrency(js.Currency)
	met := 0
	for _, g := range js.Goals {
		if g.Met {
			met++
		}
	}
	want := map[string]string{ // from the JSON report, formatted as the text writes it
		"total-spend":      money(js.Budget.Actual.Amount, cur),
		"credited-revenue": money(js.Results.Report.Total.Revenue, cur),
		"roas":             js.Results.Report.Total.ROAS.StringFixed(2) + "×",
		"goals-met":        fmt.Sprintf("%d of %d", met, len(js.Goals)),
	}
	inText := map[string]string{ // where each appears in the text's summary
		"total-spend":      want["total-spend"] + " spent of",
		"credited-revenue": want["credited-revenue"] + " of sales credited",
		"roas":             "ROAS " + want["roas"],
		"goals-met":        want["goals-met"] + " goals met",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("page %s = %q, JSON report says %q", k, got[k], w)
		}
		if !strings.Contains(strings.ReplaceAll(summary, "\n", " "), inText[k]) {
			t.Errorf("text summary lacks %q", inText[k])
		}
	}
}
