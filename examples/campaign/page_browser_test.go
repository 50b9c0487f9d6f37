package main

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The page in a real browser: headless Chromium (Debian package chromium;
// .ci/run installs it). How it checks, without a DevTools client:
//
//   - console and network: the page's Content-Security-Policy forbids every
//     request (default-src 'none'), so a request the page tried would be
//     blocked and reported on the console; Chromium run with
//     --enable-logging=stderr --v=0 writes every console message, of any
//     level, as a line with "CONSOLE"; the test fails on any such line.
//     TestBrowserHarness shows both detectors catch a page that logs an
//     error and loads an image from the network. The DOM is also searched
//     for any src, href or url() pointing outside the file.
//   - width: the probe script (pageView.Probe, only in the test's copy)
//     writes document.documentElement.scrollWidth and the boxes of the
//     sections and charts into the DOM, which --dump-dom prints.
//   - marks: --screenshot of the whole page at 1,280 px, decoded with
//     image/png; each chart's box must hold enough non-white pixels of
//     several colours. Each section is cropped to its own PNG in
//     $ARTIFACTS (or a temporary directory), named in the test's log.
//   - figures: the key figures' data-key elements equal the figures of the
//     text and the JSON report.

// chromiumPath finds the browser, or skips (fails under CI=true).
func chromiumPath(t *testing.T) string {
	t.Helper()
	names := []string{"chromium", "chromium-browser", "google-chrome"}
	if p := os.Getenv("CHROMIUM"); p != "" {
		names = append([]string{p}, names...)
	}
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	msg := "headless Chromium not found (tried $CHROMIUM, chromium, chromium-browser, google-chrome): " +
		"the page's browser test cannot run; install it with `apt-get install -y chromium`"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + " (CI=true: it must run in CI)")
	}
	t.Skip(msg)
	return ""
}

// browser runs headless Chromium on a local file with extra arguments and
// returns its standard output and error.
func browser(t *testing.T, bin, file string, args ...string) (stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
		"--force-device-scale-factor=1", "--user-data-dir=" + t.TempDir(), "--enable-logging=stderr", "--v=0"}
	cmd := exec.CommandContext(ctx, bin, append(append(base, args...), "file://"+file)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, errb.String())
	}
	return out.String(), errb.String()
}

// consoleLines returns the console messages Chromium logged.
func consoleLines(stderr string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.Contains(l, ":CONSOLE") {
			out = append(out, l)
		}
	}
	return out
}

// external finds references to anything outside the file in a DOM.
var external = regexp.MustCompile(`(?i)(\b(src|href|action|poster|data)\s*=\s*["']?\s*(https?:|//|file:))|url\(\s*["']?\s*(https?:|//)|@import`)

type probeBox struct {
	ID         string
	Kind       string
	X, Y, W, H float64
}

type probeResult struct {
	ScrollWidth, ClientWidth int
	Height                   float64
	Boxes                    []probeBox
	Wide                     []string // the first elements past the right edge
	Overflow                 []string // the tables wider than their container
}

// probe reads the probe script's JSON out of a dumped DOM.
func probe(t *testing.T, dom string) probeResult {
	t.Helper()
	m := regexp.MustCompile(`(?s)<pre id="probe"[^>]*>(.*?)</pre>`).FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("no probe output in the DOM (did the script run?):\n%.2000s", dom)
	}
	var p probeResult
	if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &p); err != nil {
		t.Fatalf("probe: %v: %s", err, m[1])
	}
	return p
}

func testReport(t *testing.T) Report {
	t.Helper()
	rep, _, err := report(nil, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestBrowserHarness checks the detectors on a page that misbehaves: a
// console error and an image from the network must both be caught.
func TestBrowserHarness(t *testing.T) {
	bin := chromiumPath(t)
	file := filepath.Join(t.TempDir(), "bad.html")
	bad := `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'">` +
		`</head><body><img src="http://example.invalid/x.png" alt=""><script>console.error("boom")</script></body></html>`
	if err := os.WriteFile(file, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	dom, stderr := browser(t, bin, file, "--window-size=1280,800", "--dump-dom")
	lines := strings.Join(consoleLines(stderr), "\n")
	if !strings.Contains(lines, "boom") || !strings.Contains(lines, "example.invalid") {
		t.Errorf("console detector missed the error or the blocked request:\n%s", lines)
	}
	if !external.MatchString(dom) {
		t.Errorf("DOM detector missed the external image")
	}
}
