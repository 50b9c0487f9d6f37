package roi

import (
	"io"

	"github.com/influencekit/influencekit/internal/csvx"
	"github.com/shopspring/decimal"
)

// ReadPaths reads customer-journey paths in the layout of the
// ChannelAttribution package's example data and most attribution exports:
// semicolon-separated, with a header row and the columns
//
//	path          channels separated by ">", e.g. "alpha > beta > alpha"
//	conversions   journeys along the path that converted (a whole number)
//	value         their total conversion value (a decimal; optional)
//	nulls         journeys along the path that did not convert (optional)
//
// Header names are matched ignoring case, spacing, "_", "-" and "."; the
// accepted names are path / channels; total_conversions / conversions;
// total_conversion_value / conversion_value / value / revenue; total_null /
// nulls / null. A missing optional column reads as zero. Channel names are
// trimmed of the spaces around ">"; repeated channels are kept as they are
// (Markov models collapse consecutive repeats themselves). Values such as
// "0.244" are parsed exactly as decimals, never through float64; counts may be
// written "2" or "2.0" but must be whole. Rows with the same path are kept
// apart (Attribute adds them up). A UTF-8 BOM and CRLF line ends are accepted.
//
// Errors are [*ParseError] values with the line and column, wrapping
// [ErrMissingColumn] (a required column absent), [ErrEmpty] (no header row,
// or an empty path), [ErrInvalid] (an empty channel name as in "a >> b", a
// fractional count, a value without conversions), [ErrSyntax] (a malformed
// number or one of more than [MaxCSVDigits] digits, or malformed CSV such
// as a bare quote, which also wraps the encoding/csv error), [ErrNegative]
// or [ErrOverflow]; a nil r is [ErrInvalid]. A failing reader's own error
// comes back in a *ParseError without a line. Work and memory are linear in
// the input.
//
// ReadPaths is shorthand for collecting ScanPaths(r) into a slice, with
// "roi: ReadPaths" in its errors.
func ReadPaths(r io.Reader) ([]Path, error) {
	var out []Path
	for p, err := range scanPaths("roi.ReadPaths", r) {
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// decimalField parses an optional non-negative decimal ("" is zero).
func decimalField(rec csvx.Record, col int) (decimal.Decimal, error) {
	s := rec.Field(col)
	if s == "" {
		return decimal.Zero, nil
	}
	v, err := parseDecimal(s)
	if err != nil {
		return decimal.Decimal{}, rec.Errorf(col, ErrSyntax)
	}
	if v.IsNegative() {
		return decimal.Decimal{}, rec.Errorf(col, ErrNegative)
	}
	return v, nil
}

// MaxCSVDigits bounds the digits of a number that [ReadPaths] and
// [ReadOrders] read (counts, values, amounts): at most 40, which holds any
// int64 count and any amount to the cent beyond 10³⁶. A longer number is
// [ErrSyntax], found in one pass over the text before it is converted, so
// that reading stays linear in the input.
const MaxCSVDigits = 40

// parseDecimal accepts plain decimal notation only: digits with an optional
// sign and fraction, no exponent, no thousands separators, at most
// MaxCSVDigits digits.
func parseDecimal(s string) (decimal.Decimal, error) {
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.':
		case (r == '-' || r == '+') && i == 0:
		default:
			return decimal.Decimal{}, ErrInvalid
		}
	}
	if digits == 0 || digits > MaxCSVDigits {
		return decimal.Decimal{}, ErrInvalid
	}
	return decimal.NewFromString(s)
}

// wholeField parses an optional non-negative whole count ("" is zero).
func wholeField(rec csvx.Record, col int) (int64, error) {
	v, err := decimalField(rec, col)
	if err != nil {
		return 0, err
	}
	if !v.IsInteger() {
		return 0, rec.Errorf(col, ErrInvalid)
	}
	if v.GreaterThan(decimal.NewFromInt(1 << 62).Add(decimal.NewFromInt(1<<62 - 1))) {
		return 0, rec.Errorf(col, ErrOverflow)
	}
	return v.IntPart(), nil
}
