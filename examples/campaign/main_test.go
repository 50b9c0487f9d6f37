package main

import (
	"bytes"
	"encoding/csv"
	"math/big"
	"strconv"
	"strings"
	"testing"
)

// TestReport checks two key figures of the report against an independent
// computation from the raw CSV (encoding/csv, strconv and math/big only):
// the campaign's pooled engagement rate by reach, and the engagements
// achieved towards the target.
func TestReport(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(samplePosts)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	num := func(row []string, name string) (int64, bool) {
		v, err := strconv.ParseInt(row[col[name]], 10, 64)
		return v, err == nil // "N/A" and "" are not reported
	}
	var eng, reach, achieved int64
	for _, row := range rows[1:] {
		l, okL := num(row, "likes")
		c, okC := num(row, "comments")
		s, okS := num(row, "shares")
		r, okR := num(row, "reach")
		// The target counts every reported interaction.
		achieved += c + s
		if okL {
			achieved += l
		}
		// The rate uses only posts reporting all four counts.
		if okL && okC && okS && okR {
			eng += l + c + s
			reach += r
		}
	}
	rate := new(big.Rat).SetFrac64(100*eng, reach).FloatString(2) + "%"
	var campaign string
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.Contains(line, "campaign (pooled)") {
			campaign = line
		}
	}
	if fields := strings.Fields(campaign); len(fields) < 5 || fields[4] != rate {
		t.Errorf("campaign line %q: want ER/reach %s (%d / %d)", campaign, rate, eng, reach)
	}
	if want := "achieved         " + strconv.FormatInt(achieved, 10) + " "; !strings.Contains(out.String(), want) {
		t.Errorf("report lacks %q:\n%s", want, out.String())
	}
}
