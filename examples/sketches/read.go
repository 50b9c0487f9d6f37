package main

import (
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/influencekit/influencekit/audience"
	"github.com/shopspring/decimal"
)

// creator is one row of the export: a handle, its decoded sketch, and its
// fee when the file gives one.
type creator struct {
	handle string
	sketch *audience.Sketch
	fee    decimal.Decimal
	hasFee bool
}

// read reads the creators from r: JSON lines when name ends in .jsonl or
// .ndjson, CSV otherwise.
// Each sketch is decoded into an audience.Sketch of nominal size 2^lgK (0:
// 4096): every hash of the image is kept whatever lgK, and lgK is the size
// to which unions of the sketches are reduced, so it should be the
// engine's.
func read(r io.Reader, name string, lgK int) ([]creator, error) {
	if _, err := audience.NewSketch(lgK); err != nil {
		return nil, err
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return readJSONL(r, name, lgK)
	}
	return readCSV(r, name, lgK)
}

// readCSV reads a CSV export with a header naming creator and sketch (and
// optionally fee), in any order and case.
func readCSV(r io.Reader, name string, lgK int) ([]creator, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	for _, need := range []string{"creator", "sketch"} {
		if _, ok := col[need]; !ok {
			return nil, fmt.Errorf("%s: header: no %q column (have %q)", name, need, header)
		}
	}
	fi, hasFee := col["fee"]
	var out []creator
	seen := map[string]bool{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		get := func(i int) string {
			if i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		fee := ""
		if hasFee {
			fee = get(fi)
		}
		c, err := parse(get(col["creator"]), get(col["sketch"]), fee, lgK, seen)
		if err != nil {
			return nil, fmt.Errorf("%s: line %d: %w", name, line, err)
		}
		out = append(out, c)
	}
}

// row is one JSON line. Fee is a string or a number.
type row struct {
	Creator string          `json:"creator"`
	Sketch  string          `json:"sketch"`
	Fee     json.RawMessage `json:"fee"`
}

// readJSONL reads one JSON object per line (blank lines skipped).
func readJSONL(r io.Reader, name string, lgK int) ([]creator, error) {
	dec := json.NewDecoder(r)
	var out []creator
	seen := map[string]bool{}
	for n := 1; ; n++ {
		var x row
		if err := dec.Decode(&x); errors.Is(err, io.EOF) {
			return out, nil
		} else if err != nil {
			return nil, fmt.Errorf("%s: record %d: %w", name, n, err)
		}
		fee := strings.Trim(strings.TrimSpace(string(x.Fee)), `"`)
		if fee == "null" {
			fee = ""
		}
		c, err := parse(x.Creator, x.Sketch, fee, lgK, seen)
		if err != nil {
			return nil, fmt.Errorf("%s: record %d: %w", name, n, err)
		}
		out = append(out, c)
	}
}

// parse checks one creator's fields and decodes the sketch: every hash
// the engine kept is kept (audience.Sketch.UnmarshalBinary), so the
// estimates are the engine's own.
func parse(handle, sketch, fee string, lgK int, seen map[string]bool) (creator, error) {
	c := creator{handle: handle}
	switch {
	case handle == "":
		return c, errors.New("creator: empty")
	case seen[handle]:
		return c, fmt.Errorf("creator %q: given twice", handle)
	}
	seen[handle] = true
	raw, err := base64.StdEncoding.DecodeString(sketch)
	if err != nil {
		return c, fmt.Errorf("creator %q: sketch: not standard base64: %w", handle, err)
	}
	c.sketch, _ = audience.NewSketch(lgK) // lgK checked by read
	if err := c.sketch.UnmarshalBinary(raw); err != nil {
		return c, fmt.Errorf("creator %q: %w", handle, err)
	}
	if fee != "" {
		d, err := decimal.NewFromString(fee)
		if err != nil || d.IsNegative() {
			return c, fmt.Errorf("creator %q: fee %q: not a non-negative decimal", handle, fee)
		}
		c.fee, c.hasFee = d, true
	}
	return c, nil
}
