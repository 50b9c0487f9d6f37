package svgchart

import (
	"html/template"
	"math"
)

// Lines is a line chart over categories (weeks, days): each series a line
// with a dot per point; a Dashed series (a straight-line target) has no
// dots.
type Lines struct {
	ID, Title, Desc string
	XAxis, YAxis    string   // the axes' labels, with units
	X               []string // the categories, in order
	Series          []Series
	Tick            func(float64) string // formats a value tick
	// EveryX labels one category in EveryX (default 1: all).
	EveryX int
}

// Series is one line; Values has one value per category (fewer: the line
// stops).
type Series struct {
	Name   string
	Values []float64
	Dashed bool
}

// SVG draws the chart.
func (c Lines) SVG() template.HTML {
	const left, right, top, h = 80.0, Width - 20.0, 50.0, 300.0
	bottom := h - 52
	hi := 0.0
	for _, s := range c.Series {
		for _, v := range s.Values {
			hi = math.Max(hi, clean(v))
		}
	}
	y := scale{0, niceMax(0, hi, 5), bottom, top}
	n := max(len(c.X), 2)
	x := scale{0, float64(n - 1), left + 10, right - 10}
	var cv canvas
	cv.open(c.ID, c.Title, c.Desc, h)
	names, dashed := make([]string, len(c.Series)), make([]bool, len(c.Series))
	for i, s := range c.Series {
		names[i], dashed[i] = s.Name, s.Dashed
	}
	cv.legend(left, 36, names, dashed)
	for _, t := range ticks(0, y.max, 5) {
		if t > y.max+1e-9 {
			break
		}
		py := y.at(t)
		cv.line(left, py, right, py, "#ddd", 1, "")
		label := trimFloat(t)
		if c.Tick != nil {
			label = c.Tick(t)
		}
		cv.text(left-6, py+4, "end", "tk", label)
	}
	every := max(c.EveryX, 1)
	for i, l := range c.X {
		if i%every == 0 {
			cv.text(x.at(float64(i)), bottom+16, "middle", "tk", l)
		}
	}
	cv.line(left, bottom, right, bottom, "#555", 1, "")
	for i, s := range c.Series {
		c.series(&cv, x, y, s, Palette[i%len(Palette)])
	}
	cv.text((left+right)/2, h-8, "middle", "ax", c.XAxis)
	cv.f(`<text class="ax" transform="translate(14 %.1f) rotate(-90)" text-anchor="middle">%s</text>`, (top+bottom)/2, esc(c.YAxis))
	return cv.close()
}

// series draws one line and its dots.
func (c Lines) series(cv *canvas, x, y scale, s Series, col string) {
	if len(s.Values) == 0 {
		return
	}
	cv.f(`<polyline fill="none" stroke="%s" stroke-width="2.5"`, col)
	if s.Dashed {
		cv.f(` stroke-dasharray="6 4"`)
	}
	cv.f(` points="`)
	for i, v := range s.Values {
		cv.f("%.1f,%.1f ", x.at(float64(i)), y.at(clean(v)))
	}
	cv.f(`"/>`)
	if s.Dashed {
		return
	}
	for i, v := range s.Values {
		label := s.Name
		if i < len(c.X) {
			label += ", " + c.X[i]
		}
		cv.f(`<circle cx="%.1f" cy="%.1f" r="3.5" fill="%s"><title>%s: %s</title></circle>`,
			x.at(float64(i)), y.at(clean(v)), col, esc(label), esc(trimFloat(clean(v))))
	}
}
