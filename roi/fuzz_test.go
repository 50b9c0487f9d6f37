package roi

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

var fuzzModels = []Model{FirstTouch, LastTouch, Linear, PositionBased, Markov, Shapley,
	Positions{First: decimal.New(3, -1), Last: decimal.New(6, -1)}, MarkovChain{Order: 2}, MarkovChain{Order: 3}}

// FuzzReadPaths: any input reads without panicking; what reads attributes
// without error under every model and the credits sum exactly.
func FuzzReadPaths(f *testing.F) {
	f.Add([]byte("path;total_conversions;total_conversion_value;total_null\nalpha > beta > alpha;1;0.244;3\nbeta;0;0;2\n"))
	f.Add([]byte("\xef\xbb\xbfPath;Conversions;Value;Nulls\r\nx > y;1;1.5;1\r\n"))
	f.Add([]byte("path;conversions\na>>b;1\n"))
	f.Add([]byte("path;conversions;value\n\"a;b\" > c;2;0.000000000000000000001\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		paths, err := ReadPaths(bytes.NewReader(in))
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		if len(paths) > 50 {
			paths = paths[:50]
		}
		for _, p := range paths {
			for _, c := range p.Channels {
				if c == "" || c != strings.TrimSpace(c) {
					t.Fatalf("channel %q", c)
				}
			}
		}
		for _, m := range fuzzModels {
			got, err := Attribute(paths, m)
			if err != nil {
				if errors.Is(err, ErrOverflow) {
					return
				}
				t.Fatalf("%v: %v", m, err)
			}
			checkSums(t, paths, got)
		}
	})
}

// FuzzAttribute builds paths from bytes: every model either returns an
// error wrapping a sentinel or credits that sum exactly to the totals.
func FuzzAttribute(f *testing.F) {
	f.Add([]byte{0, 1, 2, 0x13, 1, 1, 0, 0x22, 3, 4, 5})
	f.Add([]byte{7, 7, 7, 7, 0xff, 0x80, 3})
	f.Fuzz(func(t *testing.T, data []byte) {
		var paths []Path
		for len(data) >= 3 && len(paths) < 40 {
			n := int(data[0]%6) + 1
			data = data[1:]
			if len(data) < n+2 {
				break
			}
			ch := make([]string, n)
			for i := range ch {
				ch[i] = string(rune('a' + data[i]%14))
			}
			conv := int64(data[n] % 5)
			val := decimal.Zero
			if conv > 0 {
				val = decimal.New(int64(data[n+1]), -int32(data[n+1]%4))
			}
			paths = append(paths, Path{Channels: ch, Conversions: conv, Value: val, Nulls: int64(data[n+1] % 3)})
			data = data[n+2:]
		}
		for _, m := range fuzzModels {
			got, err := Attribute(paths, m)
			if err != nil {
				t.Fatalf("%v: %v", m, err)
			}
			checkSums(t, paths, got)
		}
	})
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

// FuzzReadOrders: any input reads without panicking; what reads attributes
// with parts summing exactly to the whole, or fails with a sentinel.
func FuzzReadOrders(f *testing.F) {
	f.Add([]byte("id,time,amount,currency,code,landing site\n1,2026-01-01,1.5,EUR,anna,/?utm_campaign=ben\n2,2026-01-02,3,EUR,,\n"))
	f.Add([]byte("\xef\xbb\xbfName,Created at,Total,Currency,Discount Code\r\n#1,2026-03-02 10:15:00 +0100,59.90,eur, ANNA \r\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		orders, err := ReadOrders(bytes.NewReader(in), "EUR")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		res, err := AttributeOrders(orders, []Tracking{
			{Influencer: "anna", Codes: []string{"anna"}, Links: []UTM{{Campaign: "anna"}}},
			{Influencer: "ben", Links: []UTM{{Campaign: "ben"}}},
		})
		if err != nil {
			if !errors.Is(err, ErrCurrency) && !errors.Is(err, ErrInvalid) {
				t.Fatal(err)
			}
			return
		}
		n, rev := res.Unattributed.Orders, res.Unattributed.Revenue
		for _, s := range res.Influencers {
			n += s.Orders
			rev = rev.Add(s.Revenue)
		}
		if n != int64(len(orders)) || n != res.Total.Orders || !rev.Equal(res.Total.Revenue) {
			t.Fatalf("parts %d/%v, total %d/%v, %d orders", n, rev, res.Total.Orders, res.Total.Revenue, len(orders))
		}
	})
}
