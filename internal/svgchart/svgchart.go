// Package svgchart draws the few static charts of the campaign report page
// (examples/campaign -html) as inline SVG: horizontal bars (grouped or
// stacked, with a reference line), lines against a target, a labelled
// scatter with the break-even diagonal, and a heat map. It has no
// dependency beyond the standard library and no library package imports
// it, so a user of influencekit pays for it only by building the example.
//
// Every chart is an <svg role="img"> with a <title> and a <desc> (read by
// screen readers), axes labelled with their unit, and a legend when it has
// several series; the caller prints the numbers as a table beside it. Sizes
// are in the viewBox's units (Width wide): the SVG scales to its container.
// Geometry is float64 (positions only); every number shown as text comes
// from the caller, already formatted.
package svgchart

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"
)

// Width is the viewBox width of every chart.
const Width = 760

// Palette are the series' colours, in order: the Okabe–Ito colours (readable
// by colour-blind readers; grey for the eighth), then black and brown, so
// that ten series differ before a colour repeats.
var Palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999", "#000000", "#8C564B"}

// Accent is the colour of reference lines and flag marks.
const Accent = "#B00020"

// canvas accumulates SVG elements.
type canvas struct {
	b strings.Builder
}

func (c *canvas) f(format string, args ...any) { fmt.Fprintf(&c.b, format, args...) }

// esc escapes text for SVG (XML) content and attributes.
func esc(s string) string { return html.EscapeString(s) }

// open writes the <svg> element with its title and description.
func (c *canvas) open(id, title, desc string, h float64) {
	c.f(`<svg class="chart" id="%s" viewBox="0 0 %d %.0f" role="img" aria-labelledby="%s-t %s-d" xmlns="http://www.w3.org/2000/svg">`,
		esc(id), Width, h, esc(id), esc(id))
	c.f(`<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, esc(id), esc(title), esc(id), esc(desc))
	c.f(`<text class="ct" x="0" y="16">%s</text>`, esc(title))
}

func (c *canvas) close() template.HTML {
	c.f(`</svg>`)
	return template.HTML(c.b.String()) // #nosec: every text was escaped by esc
}

// text writes a text element; anchor is "start", "middle" or "end".
func (c *canvas) text(x, y float64, anchor, class, s string) {
	c.f(`<text x="%.1f" y="%.1f" text-anchor="%s" class="%s">%s</text>`, x, y, anchor, class, esc(s))
}

func (c *canvas) rect(x, y, w, h float64, fill, label string) {
	if w < 0 {
		x, w = x+w, -w
	}
	c.f(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s</title></rect>`, x, y, w, h, fill, esc(label))
}

func (c *canvas) line(x1, y1, x2, y2 float64, stroke string, width float64, dash string) {
	d := ""
	if dash != "" {
		d = ` stroke-dasharray="` + dash + `"`
	}
	c.f(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%.1f"%s/>`, x1, y1, x2, y2, stroke, width, d)
}

// legend writes the series' names and colours in rows from (x, y),
// wrapping before the right edge; it returns the number of rows.
func (c *canvas) legend(x, y float64, names []string, dashed []bool) int {
	x0, rows := x, 1
	for i, n := range names {
		w := 24 + 7.5*float64(len([]rune(n))) + 22
		if x > x0 && x+w > Width {
			x, y, rows = x0, y+18, rows+1
		}
		col := Palette[i%len(Palette)]
		if i < len(dashed) && dashed[i] {
			c.line(x, y-4, x+18, y-4, col, 2.5, "5 3")
		} else {
			c.rect(x, y-10, 18, 10, col, n)
		}
		c.text(x+24, y, "start", "lg", n)
		x += w
	}
	return rows
}

// legendRows is the number of rows legend takes from x.
func legendRows(x float64, names []string) int {
	var c canvas
	return c.legend(x, 0, names, nil)
}

// Scale maps [Min, Max] to pixels [From, To].
type scale struct {
	min, max, from, to float64
}

func (s scale) at(v float64) float64 {
	if s.max == s.min {
		return s.from
	}
	return s.from + (v-s.min)/(s.max-s.min)*(s.to-s.from)
}

// ticks returns round tick values covering [lo, hi], about n of them.
func ticks(lo, hi float64, n int) []float64 {
	if hi <= lo {
		hi = lo + 1
	}
	raw := (hi - lo) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	var out []float64
	for v := math.Floor(lo/step) * step; v <= hi+step*1e-9; v += step {
		r, _ := strconv.ParseFloat(strconv.FormatFloat(math.Round(v/step)*step, 'g', 12, 64), 64) // 3×0.2 is 0.6, not 0.6000000000000001
		out = append(out, r)
	}
	return out
}

// niceMax returns the last tick at or above v, so that an axis ends on a
// round number.
func niceMax(lo, hi float64, n int) float64 {
	t := ticks(lo, hi, n)
	last := t[len(t)-1]
	if last < hi {
		return last + (t[1] - t[0])
	}
	return last
}

// clean turns NaN and ±Inf into 0, so that no bad number reaches the SVG.
func clean(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}
