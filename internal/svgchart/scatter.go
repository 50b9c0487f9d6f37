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
	var taken []box
	if c.Diagonal != "" {
		k := c.Slope
		if k == 0 {
			k = 1
		}
		ex := math.Min(x.max, y.max/k) // where the line leaves the plot
		cv.line(x.at(0), y.at(0), x.at(ex), y.at(ex*k), Accent, 2, "6 3")
		lx, ly := x.at(ex*0.5)+10, y.at(ex*0.5*k)+22 // under the line's middle
		cv.text(lx, ly, "start", "ref", c.Diagonal)
		taken = append(taken, textBox(lx, ly, "start", c.Diagonal))
	}
	for _, p := range c.Points {
		px, py := x.at(clean(p.X)), y.at(clean(p.Y))
		taken = append(taken, box{px - 5, py - 5, px + 5, py + 5})
	}
	for _, p := range c.Points {
		col := Palette[0]
		if p.Marked {
			col = Accent
		}
		px, py := x.at(clean(p.X)), y.at(clean(p.Y))
		cv.f(`<circle cx="%.1f" cy="%.1f" r="5" fill="%s" fill-opacity="0.85"><title>%s</title></circle>`, px, py, col, esc(p.Label))
		lx, ly, anchor := placeLabel(px, py, p.Label, taken, box{left, top, right + 25, bottom})
		if math.Abs(ly-py) > 16 { // far from its dot: a leader line says whose it is
			cv.line(px, py, lx, ly-4, "#888", 0.8, "")
		}
		cv.text(lx, ly, anchor, "pl", p.Label)
		taken = append(taken, textBox(lx, ly, anchor, p.Label))
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

// box is a rectangle of the plot, for keeping labels apart.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) overlaps(o box) bool { return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1 }

// textBox estimates the box of a text of 11 px at (x, y).
func textBox(x, y float64, anchor, s string) box {
	w := 7.0*float64(len([]rune(s))) + 2
	switch anchor {
	case "end":
		x -= w
	case "middle":
		x -= w / 2
	}
	return box{x, y - 11, x + w, y + 4}
}

// placeLabel tries the places around a point, nearest first (right or
// left of it, then further up or down), and takes the first free one, or
// else the one overlapping the fewest labels and dots.
func placeLabel(px, py float64, s string, taken []box, plot box) (x, y float64, anchor string) {
	bestN, bx, by, ba := len(taken)+1, px+7, py-7, "start"
	for _, dy := range []float64{-7, 15, -21, 29, -35, 43, -49, 57} {
		for _, side := range []struct {
			dx     float64
			anchor string
		}{{7, "start"}, {-7, "end"}} {
			b := textBox(px+side.dx, py+dy, side.anchor, s)
			if b.x0 < plot.x0 || b.x1 > plot.x1 || b.y0 < plot.y0 || b.y1 > plot.y1 {
				continue
			}
			n := 0
			for _, t := range taken {
				if b.overlaps(t) {
					n++
				}
			}
			if n == 0 {
				return px + side.dx, py + dy, side.anchor
			}
			if n < bestN {
				bestN, bx, by, ba = n, px+side.dx, py+dy, side.anchor
			}
		}
	}
	return bx, by, ba
}
