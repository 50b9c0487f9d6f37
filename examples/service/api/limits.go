package api

import (
	"reflect"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

// The limits of one request. The handler checks them while it decodes the
// body, before the value at fault or anything after it is kept, and answers
// a 400 naming the field and the limit ("posts[10000]: more than
// MaxPosts (10000) posts"); Build checks the counts and the amounts' length
// again for a Campaign built in Go. With them, a request within
// DefaultMaxBytes costs at most some tens of milliseconds of CPU and
// allocates at most a small multiple of its body (TestWorstRequests
// measures both).
const (
	// MaxNumberLen bounds a number as written in the body, in bytes
	// (quotes excluded): every amount ("875.00", given as a string or a
	// number), count and time. Reading a decimal costs the square of its
	// digits: 900,000 digits took 2.4 s of CPU. An amount also has fewer
	// than MaxNumberLen digits before the point and an exponent within
	// ±limit.MaxExponent (1000): "1e9999" is too large (it was "finer than
	// a minor unit").
	MaxNumberLen = 40
	// MaxTextLen bounds every other string as written in the body, in
	// bytes (escapes included): handles, IDs, codes, channels, URLs,
	// names.
	MaxTextLen = 2048
	// MaxInfluencers bounds a campaign's influencers.
	MaxInfluencers = 1000
	// MaxPosts bounds a campaign's posts.
	MaxPosts = 10_000
	// MaxOrders bounds a campaign's orders.
	MaxOrders = 20_000
	// MaxPaths bounds a campaign's paths (journeys).
	MaxPaths = 10_000
	// MaxTouches bounds the channels of one path (its touches, repeats
	// included). The distinct channels of all paths together are bounded
	// by MaxChannels.
	MaxTouches = 1000
	// MaxTotalTouches bounds the channels of all paths together: the
	// attribution models' work grows with them (a request of 100,000
	// touches takes about 26 ms of CPU), and without it a Handler with a
	// larger MaxBytes would let MaxPaths × MaxTouches = 10⁷ through.
	MaxTotalTouches = 100_000
	// MaxCodes bounds an influencer's discount codes, and their links.
	MaxCodes = 100
)

// The sentinels an error of Build wraps, for errors.Is: the module's shared
// ones (the same values as kpi.ErrInvalid, roi.ErrInvalid, …) and the
// library's own that a campaign can meet.
var (
	// ErrInvalid reports a value outside its domain: an unknown currency,
	// time zone or creator, malformed JSON, an unknown field.
	ErrInvalid = errs.ErrInvalid
	// ErrNegative reports a negative amount or count.
	ErrNegative = errs.ErrNegative
	// ErrNonPositive reports a zero or negative denominator.
	ErrNonPositive = errs.ErrNonPositive
	// ErrEmpty reports an empty body, no influencers, no posts, or a path
	// without channels.
	ErrEmpty = errs.ErrEmpty
	// ErrOverflow reports counts whose sum does not fit in an int64.
	ErrOverflow = errs.ErrOverflow
	// ErrTooLarge reports a value beyond a limit: a count beyond MaxPosts
	// and the others, a number longer than MaxNumberLen, a string longer
	// than MaxTextLen, a decimal beyond the module's limits.
	ErrTooLarge = errs.ErrTooLarge
	// ErrSyntax reports text that is not an amount, count or time.
	ErrSyntax = errs.ErrSyntax
	// ErrDuplicate reports an influencer, order ID or code given twice.
	ErrDuplicate = errs.ErrDuplicate
	// ErrMinorUnit reports an amount finer than its currency's minor unit
	// (budget.ErrMinorUnit).
	ErrMinorUnit = budget.ErrMinorUnit
	// ErrCurrencyMismatch reports orders in another currency than the
	// campaign's (budget.ErrCurrencyMismatch).
	ErrCurrencyMismatch = budget.ErrCurrencyMismatch
	// ErrNotReported reports a count a metric needs that a post did not
	// report (kpi.ErrNotReported).
	ErrNotReported = kpi.ErrNotReported
)

// bound is the limit of one field of a request: items bounds an array's
// elements, size a scalar's bytes as written; total, when not zero, bounds
// the elements of all the arrays of that field together.
type bound struct {
	items int
	size  int
	what  string // the name of the limit, for a message: "MaxPosts"
	total int
}

// numberBound is the bound of a number, a time and an amount written as a
// JSON string.
var numberBound = bound{size: MaxNumberLen, what: "MaxNumberLen"}

// bounds gives the bound of the fields that have their own, by struct type
// and Go field name; every array of a request has one here. Other strings
// are bounded by MaxTextLen, numbers, times and decimals by MaxNumberLen.
var bounds = map[reflect.Type]map[string]bound{
	reflect.TypeFor[Campaign](): {
		"Influencers": {items: MaxInfluencers, what: "MaxInfluencers"},
		"Posts":       {items: MaxPosts, what: "MaxPosts"},
		"Orders":      {items: MaxOrders, what: "MaxOrders"},
		"Paths":       {items: MaxPaths, what: "MaxPaths"},
		"Overhead":    numberBound,
	},
	reflect.TypeFor[Influencer](): {
		"Cost":  numberBound,
		"Codes": {items: MaxCodes, what: "MaxCodes"},
		"Links": {items: MaxCodes, what: "MaxCodes"},
	},
	reflect.TypeFor[Path](): {
		"Channels": {items: MaxTouches, what: "MaxTouches", total: MaxTotalTouches},
		"Value":    numberBound,
	},
}

// boundOf returns the bound of field f of struct type t: its own, or the
// default of its type.
func boundOf(t reflect.Type, f reflect.StructField) bound {
	if b, ok := bounds[t][f.Name]; ok {
		return b
	}
	return leafBound(f.Type)
}

// leafBound is the default bound of a value of type t: MaxNumberLen for
// times and decimals, MaxTextLen for strings and names (a JSON number is
// held to MaxNumberLen whatever its field); an array without its own bound
// (none in a request) gets MaxCodes elements.
func leafBound(t reflect.Type) bound {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t {
	case reflect.TypeFor[time.Time](), reflect.TypeFor[decimal.Decimal]():
		return numberBound
	}
	if t.Kind() == reflect.Slice {
		return bound{items: MaxCodes, what: "MaxCodes"}
	}
	return bound{size: MaxTextLen, what: "MaxTextLen"}
}
