package svgchart

import (
	"fmt"
	"html/template"
	"math"
)

// Heatmap is a symmetric matrix of names against names, each cell shaded
// by its value in [0, Max] and showing its text; the diagonal is left grey.
type Heatmap struct {
	ID, Title, Desc string
	Names           []string
	Marked          []bool      // names drawn with Mark (an authenticity flag)
	Mark            string      // e.g. "⚑"
	Values          [][]float64 // Values[i][j], i ≠ j
	Texts           [][]string  // the cells' texts, "" for none
	Max             float64     // the value of the darkest shade (0: the largest value)
	Legend          string      // what a cell shows, with its unit
}

// SVG draws the chart.
func (c Heatmap) SVG() template.HTML {
	n := len(c.Names)
	const left, top = 180.0, 40.0
	cell := math.Min(44, (Width-left-10)/math.Max(float64(n), 1))
	h := top + 120 + cell*float64(n) + 34
	hi := c.Max
	if hi <= 0 {
		for i := range c.Values {
			for j := range c.Values[i] {
				if i != j {
					hi = math.Max(hi, clean(c.Values[i][j]))
				}
			}
		}
	}
	var cv canvas
	cv.open(c.ID, c.Title, c.Desc, h)
	gy := top + 120 // the grid's top, under the rotated column names
	for i, name := range c.Names {
		label, class := name, "rl"
		if i < len(c.Marked) && c.Marked[i] {
			label, class = label+" "+c.Mark, "rl mk"
		}
		cv.text(left-6, gy+cell*float64(i)+cell/2+4, "end", class, label)
		cx := left + cell*float64(i) + cell/2
		cv.f(`<text class="`+class+`" transform="translate(%.1f %.1f) rotate(-60)" text-anchor="start">%s</text>`, cx, gy-6, esc(label))
	}
	for i := range n {
		for j := range n {
			c.cell(&cv, i, j, left+cell*float64(j), gy+cell*float64(i), cell, hi)
		}
	}
	cv.text(left, h-10, "start", "ax", c.Legend)
	return cv.close()
}

// cell draws the cell of row i, column j at (x, y).
func (c Heatmap) cell(cv *canvas, i, j int, x, y, size, hi float64) {
	if i == j {
		cv.rect(x, y, size-1, size-1, "#eee", c.Names[i])
		return
	}
	v := 0.0
	if i < len(c.Values) && j < len(c.Values[i]) {
		v = clean(c.Values[i][j])
	}
	t := 0.0
	if hi > 0 {
		t = math.Max(0, math.Min(1, v/hi))
	}
	// From a pale to a deep blue; light text on the dark cells.
	r, g, b := 240-t*(240-8), 246-t*(246-69), 252-t*(252-148)
	text := ""
	if i < len(c.Texts) && j < len(c.Texts[i]) {
		text = c.Texts[i][j]
	}
	cv.rect(x, y, size-1, size-1, fmt.Sprintf("rgb(%.0f,%.0f,%.0f)", r, g, b), c.Names[i]+" & "+c.Names[j]+": "+text)
	class := "hv"
	if t > 0.55 {
		class = "hv lt"
	}
	cv.text(x+size/2, y+size/2+4, "middle", class, text)
}
