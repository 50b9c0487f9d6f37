package roi

import (
	"io"
	"iter"
	"strings"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/csvx"
)

// ScanPaths is the streaming form of ReadPaths: the same file, quirks and
// errors (with "roi: ScanPaths" in their message), one Path per row in
// input order, holding only the row being read, so memory does not grow
// with the input; stop the loop (break) to stop reading. An error is
// yielded once, with a zero Path, and ends the sequence. The sequence
// reads r once: a second range yields an error wrapping ErrInvalid.
// Attribute takes a slice: to attribute more journeys than fit in memory,
// add up the rows of each distinct path first (Attribute adds rows with
// the same path up anyway).
func ScanPaths(r io.Reader) iter.Seq2[Path, error] { return scanPaths("roi.ScanPaths", r) }

// ScanOrders is the streaming form of ReadOrders: the same file, quirks
// and errors (with "roi: ScanOrders" in their message), one Order per row
// in input order, holding only the row being read; stop the loop to stop
// reading. It does not refuse a repeated order ID: that needs every ID
// seen, which grows with the file; ReadOrders does it. An error is
// yielded once, with a zero Order, and ends the sequence; the sequence
// reads r once (a second range is ErrInvalid).
func ScanOrders(r io.Reader, defaultCurrency budget.Currency) iter.Seq2[Order, error] {
	return scanOrders("roi.ScanOrders", r, defaultCurrency, false)
}

func scanPaths(fn string, r io.Reader) iter.Seq2[Path, error] {
	return csvx.Scan(fn, func() (func() (Path, error), error) {
		cr, err := csvx.NewReader(fn, r, ';')
		if err != nil {
			return nil, err
		}
		pc := pathColumns{
			path:  cr.Column("path", "channels", "channel path"),
			conv:  cr.Column("total_conversions", "conversions", "total conversion"),
			value: cr.Column("total_conversion_value", "conversion_value", "value", "revenue", "total value"),
			null:  cr.Column("total_null", "total_nulls", "nulls", "null"),
		}
		if pc.path < 0 {
			return nil, &ParseError{Func: fn, Line: 1, Value: "path", Err: ErrMissingColumn}
		}
		if pc.conv < 0 {
			return nil, &ParseError{Func: fn, Line: 1, Value: "total_conversions", Err: ErrMissingColumn}
		}
		cr.ReuseRecord() // path copies what it keeps
		return func() (Path, error) {
			rec, err := cr.Next()
			if err != nil {
				return Path{}, err
			}
			return pc.read(rec)
		}, nil
	})
}

// pathColumns are the column indices of a paths file, −1 when absent.
type pathColumns struct{ path, conv, value, null int }

// read reads one row.
func (pc pathColumns) read(rec csvx.Record) (Path, error) {
	var p Path
	raw := rec.Field(pc.path)
	if raw == "" {
		return Path{}, rec.Errorf(pc.path, ErrEmpty)
	}
	parts := strings.Split(raw, ">")
	p.Channels = make([]string, len(parts))
	for i, c := range parts {
		c = strings.TrimSpace(c)
		if c == "" {
			return Path{}, rec.Errorf(pc.path, ErrInvalid)
		}
		p.Channels[i] = c
	}
	var err error
	if p.Conversions, err = wholeField(rec, pc.conv); err != nil {
		return Path{}, err
	}
	if p.Nulls, err = wholeField(rec, pc.null); err != nil {
		return Path{}, err
	}
	if p.Value, err = decimalField(rec, pc.value); err != nil {
		return Path{}, err
	}
	if p.Conversions == 0 && !p.Value.IsZero() {
		return Path{}, rec.Errorf(pc.value, ErrInvalid)
	}
	return p, nil
}

// scanOrders reads orders; with unique, a repeated order ID is
// ErrDuplicate (ReadOrders).
func scanOrders(fn string, r io.Reader, defaultCurrency budget.Currency, unique bool) iter.Seq2[Order, error] {
	return csvx.Scan(fn, func() (func() (Order, error), error) {
		cr, err := csvx.NewReader(fn, r, ',')
		if err != nil {
			return nil, err
		}
		cols := orderColumns{
			cr.Column("id", "order id", "order", "name", "order number"),
			cr.Column("created at", "time", "date", "order date", "processed at"),
			cr.Column("total", "amount", "total price", "revenue", "order total"),
			cr.Column("currency"),
			cr.Column("discount code", "code", "coupon", "promo code", "discount codes"),
			cr.Column("landing site", "landing url", "landing page", "url"),
		}
		for _, req := range [...]struct {
			name string
			col  int
		}{{"id", cols.id}, {"time", cols.time}, {"amount", cols.amount}} {
			if req.col < 0 {
				return nil, &ParseError{Func: fn, Line: 1, Value: req.name, Err: ErrMissingColumn}
			}
		}
		cr.ReuseRecord() // order copies what it keeps
		var seen map[string]bool
		if unique {
			seen = map[string]bool{}
		}
		return func() (Order, error) {
			rec, err := cr.Next()
			if err != nil {
				return Order{}, err
			}
			o, err := cols.order(rec, defaultCurrency)
			if err != nil {
				return Order{}, err
			}
			if seen != nil {
				if seen[o.ID] {
					return Order{}, rec.Errorf(cols.id, ErrDuplicate)
				}
				seen[o.ID] = true
			}
			return o, nil
		}, nil
	})
}
