package svgchart

import (
	"html/template"
	"math"
)

// Scatter plots labelled points on two value axes from 0, with the line
// y = Slope·x (break-even: revenue = cost) when Diagonal is not "".
type Scatter struct {
	ID, Title, Desc string
	XAxis, YAxis    string // the axes' labels, with units
	Points          []Point
	Diagonal        string  // the line's label
	Slope           float64 // of the line; 0 means 1
	Tick            func(float64) string
}

// Point is one labelled point; a Marked point is drawn in the accent
// colour.
type Point struct {
	Label  string
	X, Y   float64
	Marked bool
}

// SVG draws the chart.
func (c Scatter) SVG() template.HTML {
	const left, right, top, h = 80.0, Width - 30.0, 30.0, 380.0
	bottom := h - 50
	hx, hy := 0.0, 0.0
	for _, p := range c.Points {
		hx, hy = math.Max(hx, clean(p.X)), math.Max(hy, clean(p.Y))
	}
	x := scale{0, niceMax(0, hx*1.05, 5), left, right}
	y := scale{0, niceMax(0, hy*1.05, 5), bottom, top}
	var cv canvas
	cv.open(c.ID, c.Title, c.Desc, h)
	c.grid(&cv, x, y, left, right, top, bottom)
	if c.Diagonal != "" {
		k := c.Slope
		if k == 0 {
			k = 1
		}
		ex := math.Min(x.max, y.max/k) // where the line leaves the plot
		cv.line(x.at(0), y.at(0), x.at(ex), y.at(ex*k), Accent, 2, "6 3")
		cv.text(x.at(ex)-4, y.at(ex*k)+14, "end", "ref", c.Diagonal)
	}
	for i, p := range c.Points {
		col := Palette[0]
		if p.Marked {
			col = Accent
		}
		px, py := x.at(clean(p.X)), y.at(clean(p.Y))
		cv.f(`<circle cx="%.1f" cy="%.1f" r="5" fill="%s" fill-opacity="0.85"><title>%s</title></circle>`, px, py, col, esc(p.Label))
		dy := -8.0
		if i%2 == 1 {
			dy = 16 // alternate above and below, to keep neighbours apart
		}
		cv.text(px+7, py+dy, "start", "pl", p.Label)
	}
	cv.text((left+right)/2, h-8, "middle", "ax", c.XAxis)
	cv.f(`<text class="ax" transform="translate(14 %.1f) rotate(-90)" text-anchor="middle">%s</text>`, (top+bottom)/2, esc(c.YAxis))
	return cv.close()
}

// grid draws both axes' grid lines and tick labels.
func (c Scatter) grid(cv *canvas, x, y scale, left, right, top, bottom float64) {
	label := func(t float64) string {
		if c.Tick != nil {
			return c.Tick(t)
		}
		return trimFloat(t)
	}
	for _, t := range ticks(0, x.max, 5) {
		if t <= x.max+1e-9 {
			cv.line(x.at(t), top, x.at(t), bottom, "#ddd", 1, "")
			cv.text(x.at(t), bottom+16, "middle", "tk", label(t))
		}
	}
	for _, t := range ticks(0, y.max, 5) {
		if t <= y.max+1e-9 {
			cv.line(left, y.at(t), right, y.at(t), "#ddd", 1, "")
			cv.text(left-6, y.at(t)+4, "end", "tk", label(t))
		}
	}
	cv.line(left, bottom, right, bottom, "#555", 1, "")
	cv.line(left, top, left, bottom, "#555", 1, "")
}
