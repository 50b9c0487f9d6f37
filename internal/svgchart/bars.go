package svgchart

import (
	"html/template"
	"math"
	"strconv"
)

// Bars is a horizontal bar chart: one row per Row, one bar per series
// (side by side) or the series stacked, against a value axis at the bottom.
type Bars struct {
	ID, Title, Desc string
	Axis            string   // the value axis' label, with its unit: "revenue / cost (×)"
	Series          []string // one name per value of each row; a legend when more than one
	Stacked         bool
	Rows            []Row
	// Ref draws a vertical line at value Ref.At labelled Ref.Label (a
	// target, the break-even point); none when Ref.Label is "".
	Ref Ref
	// Tick formats an axis tick: "1.5×", "€2,000", "40 %".
	Tick func(float64) string
	// LabelWidth is the room for the row labels (default 170).
	LabelWidth float64
}

// Row is one bar (or group of bars); Texts are the values as shown at the
// end of each bar ("" for none); Marked draws the label in the accent
// colour with Mark after it (an authenticity flag, for instance).
type Row struct {
	Label  string
	Values []float64
	Texts  []string
	Marked bool
	Mark   string
}

// Ref is a reference line.
type Ref struct {
	At    float64
	Label string
}

// SVG draws the chart.
func (c Bars) SVG() template.HTML {
	lw := c.LabelWidth
	if lw == 0 {
		lw = 170
	}
	per := 18.0 // height of one bar
	if !c.Stacked && len(c.Series) > 1 {
		per = 12 * float64(len(c.Series))
	}
	gap, top := 8.0, 30.0
	if len(c.Series) > 1 {
		top = 30 + 18*float64(legendRows(lw, c.Series))
	}
	h := top + float64(len(c.Rows))*(per+gap) + 46
	lo, hi := c.extent()
	x := scale{lo, niceMax(lo, hi, 5), lw, Width - 60}
	var cv canvas
	cv.open(c.ID, c.Title, c.Desc, h)
	if len(c.Series) > 1 {
		cv.legend(lw, 38, c.Series, nil)
	}
	bottom := top + float64(len(c.Rows))*(per+gap)
	c.axis(&cv, x, top, bottom)
	for i, r := range c.Rows {
		y := top + float64(i)*(per+gap) + gap/2
		c.row(&cv, x, y, per, r)
	}
	if c.Ref.Label != "" {
		rx := x.at(clean(c.Ref.At))
		cv.line(rx, top-4, rx, bottom, Accent, 2, "6 3")
		cv.text(rx+4, top-6, "start", "ref", c.Ref.Label)
	}
	cv.text((lw+Width-60)/2, h-6, "middle", "ax", c.Axis)
	return cv.close()
}

// extent returns the smallest and largest value drawn (stacked: sums),
// with 0 included.
func (c Bars) extent() (lo, hi float64) {
	for _, r := range c.Rows {
		sum := 0.0
		for _, v := range r.Values {
			v = clean(v)
			if c.Stacked {
				sum += v
				v = sum
			}
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if c.Ref.Label != "" {
		hi = math.Max(hi, clean(c.Ref.At)*1.05)
	}
	return lo, hi
}

// axis draws the grid lines and tick labels of the value axis.
func (c Bars) axis(cv *canvas, x scale, top, bottom float64) {
	for _, t := range ticks(x.min, x.max, 5) {
		if t > x.max+1e-9 {
			break
		}
		px := x.at(t)
		cv.line(px, top, px, bottom, "#ddd", 1, "")
		label := trimFloat(t)
		if c.Tick != nil {
			label = c.Tick(t)
		}
		cv.text(px, bottom+16, "middle", "tk", label)
	}
	cv.line(x.at(0), top, x.at(0), bottom, "#555", 1, "")
}

// row draws one row: its label and its bars.
func (c Bars) row(cv *canvas, x scale, y, per float64, r Row) {
	label, class := r.Label, "rl"
	if r.Marked {
		label, class = r.Label+" "+r.Mark, "rl mk"
	}
	cv.text(x.from-8, y+per/2+4, "end", class, label)
	n := len(r.Values)
	start := 0.0
	for j, v := range r.Values {
		v = clean(v)
		col := Palette[j%len(Palette)]
		name := r.Label
		if j < len(c.Series) {
			name += ", " + c.Series[j]
		}
		text := ""
		if j < len(r.Texts) {
			text = r.Texts[j]
			name += ": " + text
		}
		if c.Stacked {
			cv.rect(x.at(start), y, x.at(start+v)-x.at(start), per, col, name)
			start += v
			continue
		}
		bh := per / float64(n)
		by := y + float64(j)*bh
		cv.rect(x.at(0), by+0.5, x.at(v)-x.at(0), bh-1, col, name)
		if text != "" {
			cv.text(math.Max(x.at(v), x.at(0))+4, by+bh/2+4, "start", "vl", text)
		}
	}
	if c.Stacked && len(r.Texts) > len(r.Values) { // the total, after the stack
		cv.text(x.at(start)+4, y+per/2+4, "start", "vl", r.Texts[len(r.Values)])
	}
	if r.Marked {
		cv.rect(x.from-4, y, 3, per, Accent, r.Mark)
	}
}

// trimFloat writes v in its shortest form: 2.5, 1000.
func trimFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
