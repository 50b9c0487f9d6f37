package main

import (
	"bytes"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestPage checks the page without a browser: one file under 1 MB, built
// in under a second, no script and no reference outside the file, every
// chart with a title, a description and a table, each flagged creator
// marked wherever the page names them, the four explanations present.
func TestPage(t *testing.T) {
	rep := testReport(t)
	start := time.Now()
	var b bytes.Buffer
	if err := writePage(&b, rep, false); err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	page := b.String()
	t.Logf("page: %d bytes, built and written in %v", len(page), took)
	if len(page) >= 1<<20 {
		t.Errorf("page is %d bytes, want under 1 MB", len(page))
	}
	if took > time.Second {
		t.Errorf("page took %v, want under 1 s", took)
	}
	if strings.Contains(page, "<script") {
		t.Error("the page has a script")
	}
	if m := external.FindString(page); m != "" {
		t.Errorf("the page refers to something outside the file: %q", m)
	}
	if !strings.Contains(page, `content="default-src 'none'; style-src 'unsafe-inline'"`) {
		t.Error("the page lacks its Content-Security-Policy")
	}
	charts := regexp.MustCompile(`(?s)<svg class="chart" id="([^"]+)".*?</svg>`).FindAllStringSubmatch(page, -1)
	if len(charts) < 10 {
		t.Errorf("%d charts, want at least 10", len(charts))
	}
	for _, c := range charts {
		if !strings.Contains(c[0], `role="img"`) || !regexp.MustCompile(`<title id="[^"]+-t">[^<]+</title><desc id="[^"]+-d">[^<]+</desc>`).MatchString(c[0]) {
			t.Errorf("chart %s lacks its role, title or description", c[1])
		}
	}
	if n, figs := len(charts), strings.Count(page, `<div class="fig`); figs != n {
		t.Errorf("%d charts but %d figures: each chart goes with its table", n, figs)
	}
	for _, want := range []string{rateCandidates, rateTracking, rateBenchmark, "Why a creator shows three rates",
		"Which journeys", "cannot rank them", "median", "3 reels", "2 posts"} {
		if !strings.Contains(page, htmlText(want)) {
			t.Errorf("the page lacks %q", want)
		}
	}
	checkFlagged(t, rep, page)
}

// htmlText escapes text as html/template writes it in an element.
func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;").Replace(s)
}

// checkFlagged checks that every table row and chart label naming a
// flagged creator carries the flag mark.
func checkFlagged(t *testing.T, rep Report, page string) {
	t.Helper()
	flagged := flaggedSet(rep)
	if len(flagged) == 0 {
		t.Fatal("the sample has no flagged creator: the check checks nothing")
	}
	for h := range flagged {
		cells := regexp.MustCompile(`<td>`+regexp.QuoteMeta(h)+`( ⚑)?</td>`).FindAllStringSubmatch(page, -1)
		labels := regexp.MustCompile(`class="rl[^"]*">`+regexp.QuoteMeta(h)+`( ⚑)?</text>`).FindAllStringSubmatch(page, -1)
		for _, m := range append(cells, labels...) {
			if m[1] == "" {
				t.Errorf("%s shown without its flag: %s", h, m[0])
			}
		}
		if len(cells) == 0 {
			t.Errorf("%s not in any table", h)
		}
	}
}

// TestHTMLFlag runs the program with -html: the file is written, the text
// report still goes to the standard output.
func TestHTMLFlag(t *testing.T) {
	path := filepath.Join(t.TempDir(), "report.html")
	var out bytes.Buffer
	if err := run([]string{"-html", path}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("<!DOCTYPE html>")) || !strings.Contains(out.String(), "1. Goals and KPIs") {
		t.Errorf("-html: page %d bytes starting %.30q; text %d bytes", len(b), b, out.Len())
	}
	if err := run([]string{"-html", filepath.Join(t.TempDir(), "no", "such", "dir", "r.html")}, io.Discard, io.Discard); err == nil {
		t.Error("-html to a missing directory: no error")
	}
}

// BenchmarkPage builds and writes the page from a built report.
func BenchmarkPage(b *testing.B) {
	rep, _, err := report(nil, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := writePage(io.Discard, rep, false); err != nil {
			b.Fatal(err)
		}
	}
}

// TestPageSectionsMatchText: the page's sections carry the text report's
// numbers and titles, in the same order.
func TestPageSectionsMatchText(t *testing.T) {
	text, _ := outputs(t)
	var want []string
	lines := strings.Split(string(text), "\n")
	for i, l := range lines[:len(lines)-1] {
		if regexp.MustCompile(`^\d+\. `).MatchString(l) && strings.HasPrefix(lines[i+1], "───") {
			want = append(want, l)
		}
	}
	var b bytes.Buffer
	if err := writePage(&b, testReport(t), false); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range regexp.MustCompile(`<h2 id="[^"]+">([^<]+)</h2>`).FindAllStringSubmatch(b.String(), -1) {
		got = append(got, html.UnescapeString(m[1]))
	}
	if len(want) != 9 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("page sections\n%s\nwant the text's (9)\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
