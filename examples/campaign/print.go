package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/influencekit/influencekit/budget"
	"github.com/shopspring/decimal"
)

// pct formats a fraction as a percentage with the given decimals: the only
// rounding in the program, at display.
func pct(d decimal.Decimal, places int32) string {
	return d.Shift(2).StringFixed(places) + "%"
}

// thousands writes n with thousands separators: 1234567 → 1,234,567.
func thousands(n int64) string { return number(decimal.NewFromInt(n), 0) }

// number writes d rounded to places with thousands separators.
func number(d decimal.Decimal, places int32) string {
	s := d.Abs().StringFixed(places)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	if d.Round(places).IsNegative() {
		return "-" + b.String()
	}
	return b.String()
}

var symbols = map[string]string{"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"}

// money writes an amount with its currency's symbol (or code) and minor
// digits: €1,234.50, CHF 1,234.50.
func money(d decimal.Decimal, c budget.Currency) string {
	s := number(d, c.MinorUnits())
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	if sym, ok := symbols[c.Code()]; ok {
		return sign + sym + s
	}
	return sign + c.Code() + " " + s
}

// signed writes a difference with an explicit sign.
func signed(s string) string {
	if !strings.HasPrefix(s, "-") && s != "n/a" && strings.Trim(s, "0.,%€$£¥ ") != "" {
		return "+" + s
	}
	return s
}

func optPct(d *decimal.Decimal, places int32) string {
	if d == nil {
		return "n/a"
	}
	return pct(*d, places)
}

type printer struct {
	w   io.Writer
	cur budget.Currency
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) section(n int, title, intro string) {
	p.f("\n%d. %s\n%s\n", n, title, strings.Repeat("─", len([]rune(title))+3))
	if intro != "" {
		p.f("%s\n", intro)
	}
	p.f("\n")
}

// table collects rows and prints them through text/tabwriter, aligned
// column by column: align has one letter per column, 'l' for text (left)
// and 'r' for numbers (right).
type table struct {
	p     *printer
	align string
	rows  [][]string
}

func (p *printer) table(align string, header ...string) *table {
	return &table{p: p, align: align, rows: [][]string{header}}
}

// Write adds the rows of b, one per line, cells separated by tabs, so that
// fmt.Fprintf(t, "%s\t%d\t\n", …) adds a row.
func (t *table) Write(b []byte) (int, error) {
	for _, line := range strings.SplitAfter(string(b), "\n") {
		if line != "" {
			t.row(line)
		}
	}
	return len(b), nil
}

// row adds a row given as tab-separated cells.
func (t *table) row(line string) {
	t.rows = append(t.rows, strings.Split(strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\t"), "\t"))
}

func (t *table) flush() {
	width := make([]int, len(t.align))
	for _, r := range t.rows {
		for i, c := range r {
			if i < len(width) {
				width[i] = max(width[i], utf8.RuneCountInString(c))
			}
		}
	}
	var out strings.Builder
	tw := tabwriter.NewWriter(&out, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, r := range t.rows {
		var b strings.Builder
		b.WriteString("  ")
		for i, c := range r {
			if i < len(t.align) && t.align[i] == 'l' {
				c += strings.Repeat(" ", width[i]-utf8.RuneCountInString(c)) // left-aligned: pad to the column's width
			}
			b.WriteString(c)
			b.WriteByte('\t')
		}
		b.WriteByte('\n')
		if _, err := io.WriteString(tw, b.String()); err != nil && t.p.err == nil {
			t.p.err = err
		}
	}
	if err := tw.Flush(); err != nil && t.p.err == nil {
		t.p.err = err
	}
	for _, line := range strings.SplitAfter(out.String(), "\n") {
		if line != "" {
			t.p.f("%s\n", strings.TrimRight(line, " \n"))
		}
	}
}

func (p *printer) m(d decimal.Decimal) string { return money(d, p.cur) }

// wrap breaks text at spaces into lines of at most 118 characters.
func wrap(text string) string {
	const width = 118
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(text) {
		l := utf8.RuneCountInString(w)
		switch {
		case i == 0:
		case n+1+l > width:
			b.WriteString("\n")
			n = 0
		default:
			b.WriteString(" ")
			n++
		}
		b.WriteString(w)
		n += l
	}
	return b.String()
}
