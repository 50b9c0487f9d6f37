package api

import (
	"fmt"
	"html/template"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/svgchart"
	"github.com/shopspring/decimal"
)

// The report as an HTML page, for a request with ?format=html or an Accept
// header that prefers text/html: the same kind of page as the campaign
// example's -html (one self-contained file, the same style and charts),
// with the sections a request's inputs can fill: ROAS per influencer
// against break-even, cost against credited revenue, weekly reach and
// engagement rate, and attribution. The campaign page's goals, candidates,
// audience overlap and budget sections need inputs a request does not
// carry (goals, candidate profiles, follower samples, a budget plan and a
// spend ledger). Errors are answered as JSON, as ever.

// wantsHTML reports whether the request asks for the page.
func wantsHTML(r *http.Request) bool {
	if r.URL != nil && r.URL.Query().Get("format") == "html" {
		return true
	}
	accept := r.Header.Get("Accept")
	h, j := strings.Index(accept, "text/html"), strings.Index(accept, "application/json")
	return h >= 0 && (j < 0 || h < j)
}

// writePage answers the report as the page.
func writePage(w http.ResponseWriter, rep Report) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_ = renderPage(w, rep) // the status is sent: a write error has no one to tell
}

// servicePage is what the page's template renders.
type servicePage struct {
	Keys     [][2]string // label, value
	Figures  []serviceFigure
	Currency string
}

type serviceFigure struct {
	Chart template.HTML
	Head  []string
	Rows  [][]string
}

// renderPage writes the page of rep.
func renderPage(w io.Writer, rep Report) error {
	cur, err := budget.ParseCurrency(rep.Currency)
	if err != nil {
		return err
	}
	m := func(d decimal.Decimal) string { return rep.Currency + " " + d.StringFixed(cur.MinorUnits()) }
	t := rep.Campaign.Total
	roas := "n/a"
	if t.ROAS != nil {
		roas = t.ROAS.StringFixed(2) + "×"
	}
	sp := servicePage{Currency: rep.Currency, Keys: [][2]string{{"cost", m(t.Cost)}, {"credited revenue", m(t.Revenue)},
		{"ROAS", roas}, {"orders credited", t.Conversions.StringFixed(0)}}}
	sp.Figures = append(sp.Figures, roasFigure(rep, m), weeklyFigure(rep))
	if len(rep.Attribution) > 0 {
		sp.Figures = append(sp.Figures, attributionFigure(rep))
	}
	return serviceTemplate.Execute(w, sp)
}

// roasFigure is each influencer's ROAS against break-even.
func roasFigure(rep Report, m func(decimal.Decimal) string) serviceFigure {
	c := svgchart.Bars{ID: "chart-roas", Title: "ROAS per influencer, against break-even",
		Desc: "One bar per influencer: credited revenue divided by cost; the line at 1× is break-even.",
		Axis: "ROAS: credited revenue / cost (×)", Ref: svgchart.Ref{At: 1, Label: "break-even 1×"},
		Tick: func(v float64) string { return fmt.Sprintf("%g×", v) }}
	f := serviceFigure{Head: []string{"influencer", "cost", "revenue", "orders", "ROAS"}}
	for _, ir := range rep.Campaign.Influencers {
		roas, row := "n/a", svgchart.Row{Label: ir.Influencer}
		if ir.ROAS != nil {
			roas = ir.ROAS.StringFixed(2) + "×"
			row.Values, row.Texts = []float64{ir.ROAS.InexactFloat64()}, []string{roas}
		}
		c.Rows = append(c.Rows, row)
		f.Rows = append(f.Rows, []string{ir.Influencer, m(ir.Cost), m(ir.Revenue), ir.Conversions.StringFixed(0), roas})
	}
	f.Chart = c.SVG()
	return f
}

// weeklyFigure is the reach of each week.
func weeklyFigure(rep Report) serviceFigure {
	c := svgchart.Lines{ID: "chart-weekly", Title: "Reach by week", Desc: "The reach of the posts published in each ISO week.",
		XAxis: "ISO week", YAxis: "reach (accounts, sum over posts)"}
	s := svgchart.Series{Name: "reach"}
	f := serviceFigure{Head: []string{"week", "posts", "reach", "ER by reach"}}
	for _, w := range rep.Weekly {
		c.X = append(c.X, w.Week)
		s.Values = append(s.Values, float64(w.Reach))
		er := "n/a"
		if w.RateByReach != nil {
			er = w.RateByReach.Shift(2).StringFixed(2) + "%"
		}
		f.Rows = append(f.Rows, []string{w.Week, fmt.Sprint(w.Posts), fmt.Sprint(w.Reach), er})
	}
	c.Series = []svgchart.Series{s}
	f.Chart = c.SVG()
	return f
}

// attributionFigure is each channel's share of the conversions under each
// model.
func attributionFigure(rep Report) serviceFigure {
	models := slices.Sorted(func(yield func(string) bool) {
		for k := range rep.Attribution {
			if !yield(k) {
				return
			}
		}
	})
	var channels []string
	totals := map[string]decimal.Decimal{}
	for _, md := range models {
		for ch, cr := range rep.Attribution[md] {
			if !slices.Contains(channels, ch) {
				channels = append(channels, ch)
			}
			totals[md] = totals[md].Add(cr.Conversions)
		}
	}
	slices.Sort(channels)
	c := svgchart.Bars{ID: "chart-attribution", Title: "Share of the conversions by model",
		Desc: "For each channel, its share of the converting journeys under each attribution model.",
		Axis: "share of the conversions (%)", Series: models, Tick: func(v float64) string { return fmt.Sprintf("%g %%", v) }}
	f := serviceFigure{Head: append([]string{"channel"}, models...)}
	for _, ch := range channels {
		row, cells := svgchart.Row{Label: ch}, []string{ch}
		for _, md := range models {
			share := decimal.Zero
			if t := totals[md]; t.IsPositive() {
				share = rep.Attribution[md][ch].Conversions.Shift(2).DivRound(t, 4)
			}
			row.Values = append(row.Values, share.InexactFloat64())
			cells = append(cells, share.StringFixed(1)+"%")
		}
		c.Rows = append(c.Rows, row)
		f.Rows = append(f.Rows, cells)
	}
	f.Chart = c.SVG()
	return f
}

var serviceTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	"css": func() template.CSS { return svgchart.PageCSS },
}).Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Campaign report</title><style>{{css}}</style></head>
<body><main><header><h1>Campaign report</h1><p class="sub">Amounts in {{.Currency}}; revenue and orders credited by discount code or link.</p>
<dl class="keys">{{range .Keys}}<div><dt>{{index . 0}}</dt><dd>{{index . 1}}</dd></div>{{end}}</dl></header>
<section id="results">{{range .Figures}}<div class="fig"><div>{{.Chart}}</div><div><table><thead><tr>{{range $j, $h := .Head}}<th{{if $j}} class="n"{{end}}>{{$h}}</th>{{end}}</tr></thead>
<tbody>{{range .Rows}}<tr>{{range $j, $c := .}}<td{{if $j}} class="n"{{end}}>{{$c}}</td>{{end}}</tr>{{end}}</tbody></table></div></div>
{{end}}</section></main></body></html>
`))
