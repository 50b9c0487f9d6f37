package main

import (
	"fmt"
	"html/template"
	"io"
	"os"
	"strings"

	"github.com/influencekit/influencekit/budget"
	"github.com/shopspring/decimal"
)

// The report as one self-contained HTML page (-html): inline CSS and SVG,
// no script, no font, no image from elsewhere; a Content-Security-Policy
// that forbids every request says so to the browser. Each section of the
// page is one function of pageSections, in the order of the text report:
// a new section (collaboration, feedback) is one more function there.

// pageSections build the page's sections, in order.
var pageSections = []func(pc *pageCtx) pageSection{
	goalsPage,
	candidatesPage,
	shortlistPage,
	budgetPageSection,
	trackingPage,
	resultsPage,
	nextPage,
	collabPage,
	feedbackPage,
}

// pageCtx is what every section builder reads: the report, its money
// formatter and the flagged creators.
type pageCtx struct {
	rep     Report
	p       *printer // for p.m: money as the text report writes it
	flagged map[string]bool
}

// pageSection is one <section>: intro paragraphs, figures (a chart with
// its numbers as a table beside it), further tables and notes.
type pageSection struct {
	ID, Title string
	Intro     []string
	Figures   []pageFigure
	Tables    []pageTable
	Notes     []string
}

// pageFigure is a chart and the table of its numbers.
type pageFigure struct {
	Chart template.HTML
	Table pageTable
	Wide  bool // the chart takes the full width, the table goes under it
}

// pageTable is a table; Num marks the right-aligned (numeric) columns;
// Marked rows carry an authenticity flag; Notes follow the table.
type pageTable struct {
	Caption string
	Head    []string
	Num     []bool
	Rows    [][]string
	Marked  []bool
	Notes   []string // paragraphs under the table
}

// keyFigure is one of the figures a manager reads first; Key is its
// data-key attribute, which the browser test reads back.
type keyFigure struct {
	Key, Label, Value, Note string
}

// pageView is what the template renders.
type pageView struct {
	Title, Subtitle, AsOf string
	Keys                  []keyFigure
	Summary               string
	Sections              []pageSection
	// Probe adds the inline script of the browser test (page_browser_test):
	// it writes the page's width and the boxes of its sections and charts
	// into the DOM. The page written by -html has no script at all.
	Probe bool
}

// writePage writes the report as an HTML page.
func writePage(w io.Writer, rep Report, probe bool) error {
	pv, err := buildPage(rep)
	if err != nil {
		return err
	}
	pv.Probe = probe
	return pageTemplate.Execute(w, pv)
}

// buildPage builds the page's view of the report.
func buildPage(rep Report) (pageView, error) {
	cur, err := budget.ParseCurrency(rep.Currency)
	if err != nil {
		return pageView{}, err
	}
	pc := &pageCtx{rep: rep, p: &printer{w: io.Discard, cur: cur}, flagged: flaggedSet(rep)}
	pv := pageView{
		Title: rep.Brand + " · " + rep.Campaign,
		Subtitle: fmt.Sprintf("%s to %s · budget %s · amounts in %s", rep.Start.Format("Mon 2 Jan 2006"),
			rep.End.AddDate(0, 0, -1).Format("Mon 2 Jan 2006"), pc.p.m(rep.Budget.Total.Amount), rep.Currency),
		Keys: keyFigures(pc),
	}
	if rep.AsOf.Before(rep.End) {
		pv.AsOf = "Report as of " + rep.AsOf.Format("Mon 2 Jan 2006") + ": data up to the day before."
	}
	var sb strings.Builder
	summary(&printer{w: &sb, cur: cur}, rep)
	pv.Summary = strings.TrimSpace(strings.ReplaceAll(strings.TrimPrefix(strings.TrimSpace(sb.String()), "In short: "), "\n", " "))
	for _, build := range pageSections {
		pv.Sections = append(pv.Sections, build(pc))
	}
	return pv, nil
}

// keyFigures are the figures at the top of the page: the same numbers as
// the text's summary.
func keyFigures(pc *pageCtx) []keyFigure {
	rep, t := pc.rep, pc.rep.Results.Report.Total
	roas := "n/a"
	if t.ROAS != nil {
		roas = t.ROAS.StringFixed(2) + "×"
	}
	met := 0
	for _, g := range rep.Goals {
		if g.Met {
			met++
		}
	}
	return []keyFigure{
		{"total-spend", "spent", pc.p.m(rep.Budget.Actual.Amount), "of " + pc.p.m(rep.Budget.Total.Amount)},
		{"credited-revenue", "revenue credited to creators", pc.p.m(t.Revenue), "by discount code or link"},
		{"roas", "ROAS", roas, "credited revenue / everything spent"},
		{"goals-met", "goals met", fmt.Sprintf("%d of %d", met, len(rep.Goals)), "at the campaign's end"},
	}
}

// f64 converts a decimal for drawing only (a position, never a figure
// shown).
func f64(d decimal.Decimal) float64 { return d.InexactFloat64() }

// numCols returns the Num mask of a table whose first n columns are text.
func numCols(n, total int) []bool {
	out := make([]bool, total)
	for i := n; i < total; i++ {
		out[i] = true
	}
	return out
}

// writePageFile writes the page to path (-html).
func writePageFile(path string, rep Report) error {
	var b strings.Builder
	if err := writePage(&b, rep, false); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
