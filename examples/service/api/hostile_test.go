package api_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/examples/service/api"
	"github.com/influencekit/influencekit/internal/hostile"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/influencekit/influencekit/kpi"
	"github.com/influencekit/influencekit/roi"
	"github.com/shopspring/decimal"
)

// runner holds every call of the hostile table to hostile.Bound (×4 under
// the race detector) of wall time, the best of three tries when the first
// is over it: the machine is shared, and a pause of another process's is
// not the call's cost.
var runner = hostile.Runner{}

// sentinels are the package's exported sentinels: every error of Build in
// the hostile table must wrap one of them.
var sentinels = []error{api.ErrInvalid, api.ErrNegative, api.ErrNonPositive, api.ErrEmpty, api.ErrOverflow,
	api.ErrTooLarge, api.ErrSyntax, api.ErrDuplicate, api.ErrMinorUnit, api.ErrCurrencyMismatch, api.ErrNotReported}

// hostileCall is one call of an exported function or method with hostile
// values; fn is "Func" or "Type.Method", as TestHostileCoversAPI lists
// them. call returns nil for a valid result, the function's error, or an
// error of the test's own (errBadAnswer) for an answer that breaks the
// handler's promise.
type hostileCall struct {
	fn, name string
	call     func() error
}

var errBadAnswer = errors.New("answer breaks the handler's promise")

// hostile values.
var (
	million         = strings.Repeat("9", 1_000_000)
	hostileAmounts  = []string{"", " ", "0", "-1", "-0", "1.005", "9223372036854775807", "9223372036854775808", "1e2147483647", "1e-2147483648", "0e-2147483648", "-7e2147483647", "1e1000", "1e1001", "1e-1000", "0." + strings.Repeat("0", 37) + "1", "NaN", "Inf", "-Inf", "+Inf", "\x00", "1\x002", "\xff\xfe", million, "0." + million, million + "e-5"}
	hostileCounts   = []string{"0", "-1", "-0", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1e400", "1.5", "1e2147483647", million, "NaN", "Infinity", `"9"`, "null", "true", "[]", "{}"}
	hostileTexts    = []string{"", " ", "\x00", "a\x00b", "\xff\xfe\xfd", "Local", "../../../etc/passwd", "EUR", "instagram", strings.Repeat("x", 1_000_000), strings.Repeat("é", 1025)}
	hostileJSONTime = []string{"0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "2026-04-01T18:00:00+23:59", "2026-13-01T00:00:00Z", "\x00", "", "2026-04-01T18:00:00." + strings.Repeat("9", 30) + "Z"}
	hostileTimes    = []time.Time{{}, time.Unix(1<<62, 0), time.Unix(-1<<62, 0), time.Unix(math.MaxInt64, 999_999_999), time.Unix(math.MinInt64, 0),
		time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)}
)

// hostileDecimals returns zero, negative, MaxInt64, the exponents ±2³¹, a
// zero with such an exponent, 10⁶-digit decimals and the largest values
// within the module's limits (1000 digits, exponent ±1000).
func hostileDecimals() []decimal.Decimal {
	mil := decimal.NewFromBigInt(new(big.Int).Lsh(big.NewInt(1), 3_321_929), 0) // 2^3321929 has 10^6 digits
	nines := decimal.NewFromBigInt(new(big.Int).Sub(new(big.Int).Exp(big.NewInt(10), big.NewInt(limit.MaxDigits), nil), big.NewInt(1)), 0)
	return []decimal.Decimal{{}, decimal.NewFromInt(-1), decimal.NewFromInt(math.MaxInt64), decimal.New(1, -16),
		decimal.New(1, math.MaxInt32), decimal.New(1, math.MinInt32), decimal.New(-7, math.MaxInt32),
		decimal.New(0, math.MinInt32), decimal.New(0, math.MaxInt32), mil, mil.Neg(), decimal.NewFromBigInt(mil.Coefficient(), -2),
		decimal.New(1, limit.MaxExponent), decimal.New(1, -limit.MaxExponent), nines,
		decimal.NewFromBigInt(nines.Coefficient(), limit.MaxExponent), decimal.NewFromBigInt(nines.Coefficient(), -2)}
}

// base returns a fresh copy of the campaign of api_test.go.
func base() api.Campaign {
	var c api.Campaign
	if err := json.Unmarshal([]byte(campaign), &c); err != nil {
		panic(err)
	}
	return c
}

// raw writes s into a JSON string as it is, invalid UTF-8 and NUL bytes
// included (escaping only quotes and backslashes, and control bytes as
// \u00XX), so that the body carries the hostile bytes themselves.
func raw(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20:
			fmt.Fprintf(&b, `\u%04x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// serve posts body to h with the content type and checks the answer: 200
// with a report, or 400, 405, 413, 415 with a JSON error whose message and
// field are short, and whose field is empty only when the body as a whole
// is at fault.
func serve(h api.Handler, method, contentType, body string) error {
	req := httptest.NewRequest(http.MethodPost, "/report", strings.NewReader(body))
	req.Method = method
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return checkAnswer(rec)
}

func checkAnswer(rec *httptest.ResponseRecorder) error {
	if rec.Code == http.StatusOK && strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		if !strings.Contains(rec.Body.String(), "</html>") {
			return fmt.Errorf("%w: 200 with a page cut short (%d bytes)", errBadAnswer, rec.Body.Len())
		}
		return nil
	}
	if rec.Code == http.StatusOK {
		var rep api.Report
		if err := json.Unmarshal(rec.Body.Bytes(), &rep); err != nil {
			return fmt.Errorf("%w: 200 with %v", errBadAnswer, err)
		}
		return nil
	}
	var e api.Error
	if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
		return fmt.Errorf("%w: %d with %v", errBadAnswer, rec.Code, err)
	}
	whole := false
	for _, prefix := range []string{"empty body", "more than one JSON value", "want an object", "malformed JSON"} {
		whole = whole || strings.HasPrefix(e.Error, prefix)
	}
	switch {
	case !slices.Contains([]int{400, 405, 413, 415}, rec.Code):
		return fmt.Errorf("%w: status %d (%+v)", errBadAnswer, rec.Code, e)
	case len(e.Error) > 300 || len(e.Field) > 200:
		return fmt.Errorf("%w: %d-byte message, %d-byte field", errBadAnswer, len(e.Error), len(e.Field))
	case rec.Code == 400 && e.Field == "" && !whole:
		return fmt.Errorf("%w: 400 without a field: %+v", errBadAnswer, e)
	}
	return nil
}

// replaced returns campaign with its first old replaced by new.
func replaced(old, new string) string {
	if !strings.Contains(campaign, old) {
		panic("no " + old + " in the campaign")
	}
	return strings.Replace(campaign, old, new, 1)
}

// handlerCalls posts hostile bodies: every amount, count, time and text of
// a campaign replaced in turn by hostile values, whole bodies that are no
// campaign, hostile handler settings, methods and content types.
func handlerCalls() []hostileCall {
	var calls []hostileCall
	add := func(name, body string) {
		calls = append(calls, hostileCall{"Handler.ServeHTTP", name, func() error { return serve(api.Handler{}, http.MethodPost, "application/json", body) }})
	}
	for _, a := range hostileAmounts {
		for _, f := range []string{`"cost": "100.00"`, `"overhead": "50.00"`, `"amount": "50.00"`, `"value": "40.00"`} {
			key, _, _ := strings.Cut(f, ":")
			add(key+" "+errsQuote(a), replaced(f, key+": "+raw(a)))
		}
		if len(a) < 1000 && strings.Trim(a, "0123456789.e+-") == "" && a != "" {
			add("amount as a JSON number "+a, replaced(`"amount": "50.00"`, `"amount": `+a))
		}
	}
	for _, n := range hostileCounts {
		for _, f := range []string{`"likes": 400`, `"followers": 20000`, `"reach": 5000`, `"conversions": 2`, `"nulls": 3`} {
			key, _, _ := strings.Cut(f, ":")
			add(key+" "+errsQuote(n), replaced(f, key+": "+n))
		}
	}
	// Sums past int64: two posts of one creator, and the path counted twice.
	add("likes summed past int64", strings.Replace(strings.Replace(campaign, `"likes": 400`, `"likes": 9223372036854775807`, 1),
		`"creator": "ben"`, `"creator": "ana"`, 1))
	add("reach summed past int64", strings.Replace(strings.Replace(strings.Replace(campaign, `"reach": 5000`, `"reach": 9223372036854775807`, 1),
		`"reach": 10000`, `"reach": 9223372036854775807`, 1), `"creator": "ben"`, `"creator": "ana"`, 1))
	add("conversions summed past int64", replaced(`"paths": [`, `"paths": [{"channels": ["ana"], "conversions": 9223372036854775807, "nulls": 9223372036854775807}, `))
	add("order amounts summed past 10^1000", replaced(`"amount": "50.00"`, `"amount": "9e1000"`))
	for _, s := range hostileTexts {
		for _, f := range []string{`"handle": "ana"`, `"creator": "ben"`, `"currency": "EUR"`, `"platform": "tiktok"`, `"id": "#1"`, `"code": "ana10"`, `"channels": ["ana"`} {
			key, _, _ := strings.Cut(f, ":")
			v := raw(s)
			if strings.HasSuffix(f, `"ana"`) && strings.Contains(f, "[") {
				v = "[" + v
			}
			add(key+" "+errsQuote(s), replaced(f, key+": "+v))
		}
		add("time_zone "+errsQuote(s), replaced(`"currency": "EUR",`, `"currency": "EUR", "time_zone": `+raw(s)+`,`))
		add("unknown key "+errsQuote(s), replaced(`"currency": "EUR",`, `"currency": "EUR", `+raw(s)+`: 1,`))
	}
	for _, s := range hostileJSONTime {
		add("published_at "+errsQuote(s), replaced(`"published_at": "2026-04-01T18:00:00Z"`, `"published_at": `+raw(s)))
		add("order time "+errsQuote(s), replaced(`"time": "2026-04-02T10:00:00Z"`, `"time": `+raw(s)))
	}
	for _, body := range []string{"", " ", "null", "[]", "{}", "0", `""`, "\x00", "\xff", "{", `{"currency":"EUR"`, `{"currency":"EUR"} {}`,
		strings.Repeat("[", 500_000), `{"currency":` + strings.Repeat("[", 500_000), `{"posts":[` + strings.Repeat("[", 500_000),
		`{"posts":[` + strings.Repeat(`{},`, 300_000) + `{}]}`, `{"posts":[` + strings.Repeat(`null,`, 200_000) + `null]}`,
		`{"` + million + `": 1}`, `{"currency": "` + million, "{\"currency\": \"\\u" + million, `{"currency": 1` + million} {
		add("body "+errsQuote(body), body)
	}
	for _, h := range []api.Handler{{MaxBytes: -1}, {MaxBytes: 1}, {MaxBytes: math.MaxInt64}} {
		calls = append(calls, hostileCall{"Handler.ServeHTTP", fmt.Sprintf("MaxBytes %d", h.MaxBytes), func() error { return serve(h, http.MethodPost, "", campaign) }})
	}
	for _, m := range [][2]string{{http.MethodGet, ""}, {"", ""}, {"\x00", ""}, {http.MethodPost, "text/csv"}, {http.MethodPost, "application/json; charset=\xff"},
		{http.MethodPost, "application/json;;;"}, {http.MethodPost, strings.Repeat("a", 100_000)}} {
		calls = append(calls, hostileCall{"Handler.ServeHTTP", fmt.Sprintf("method %q type %s", m[0], errsQuote(m[1])), func() error { return serve(api.Handler{}, m[0], m[1], campaign) }})
	}
	return append(append(calls, nilCalls()...), pageCalls()...)
}

// pageCalls asks for the report as an HTML page (?format=html, or an
// Accept header preferring text/html) with hostile texts and amounts
// (TestWorstRequests asks for the page of the worst requests).
func pageCalls() []hostileCall {
	var calls []hostileCall
	add := func(name, target, accept, body string) {
		calls = append(calls, hostileCall{"Handler.ServeHTTP", "page: " + name, func() error {
			req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
			req.Header.Set("Accept", accept)
			rec := httptest.NewRecorder()
			api.Handler{}.ServeHTTP(rec, req)
			return checkAnswer(rec)
		}})
	}
	add("campaign", "/report?format=html", "", campaign)
	add("Accept", "/report", "text/html, application/json", campaign)
	for _, s := range []string{"<script>alert(1)</script>", "\x00", "\xff\xfe", "]]></svg>", strings.Repeat("é", 1000)} {
		add("handle "+errsQuote(s), "/report?format=html", "", strings.ReplaceAll(campaign, `"ana"`, raw(s)))
		add("channel "+errsQuote(s), "/report?format=html", "", replaced(`"channels": ["ana"`, `"channels": [`+raw(s)))
	}
	for _, a := range []string{"0", "0.00", "99999999999999999999999999999999999.99", "1e39", "0.01"} {
		add("cost "+a, "/report?format=html", "", replaced(`"cost": "100.00"`, `"cost": "`+a+`"`))
		add("order "+a, "/report?format=html", "", replaced(`"amount": "50.00"`, `"amount": "`+a+`"`))
	}
	return calls
}

// nilCalls calls the handler with a nil request, a nil body and a nil
// ResponseWriter.
func nilCalls() []hostileCall {
	return []hostileCall{
		{"Handler.ServeHTTP", "nil request", func() error {
			rec := httptest.NewRecorder()
			api.Handler{}.ServeHTTP(rec, nil)
			return checkAnswer(rec)
		}},
		{"Handler.ServeHTTP", "nil body", func() error {
			rec := httptest.NewRecorder()
			api.Handler{}.ServeHTTP(rec, &http.Request{Method: http.MethodPost, Header: http.Header{}})
			return checkAnswer(rec)
		}},
		{"Handler.ServeHTTP", "nil ResponseWriter", func() error {
			api.Handler{}.ServeHTTP(nil, httptest.NewRequest(http.MethodPost, "/report", strings.NewReader(campaign)))
			return nil
		}},
	}
}

// errsQuote names a hostile value in a test name, shortly.
func errsQuote(s string) string {
	if len(s) > 24 {
		return strconv.Quote(s[:24]) + "…(" + strconv.Itoa(len(s)) + " bytes)"
	}
	return strconv.Quote(s)
}

// buildCalls calls Build with campaigns made in Go: hostile decimals,
// amounts, counts, times, texts and enums in every field, sums past int64,
// counts beyond the limits, empty and nil slices.
func buildCalls() []hostileCall {
	var calls []hostileCall
	add := func(name string, edit func(c *api.Campaign)) {
		c := base()
		edit(&c)
		calls = append(calls, hostileCall{"Build", name, func() error { _, err := api.Build(c); return err }})
	}
	add("zero campaign", func(c *api.Campaign) { *c = api.Campaign{} })
	add("valid campaign", func(*api.Campaign) {})
	add("nil slices", func(c *api.Campaign) { c.Posts, c.Orders, c.Paths = nil, nil, nil })
	for _, d := range hostileDecimals() {
		add("order amount "+shortDecimal(d), func(c *api.Campaign) { c.Orders[0].Amount = d })
	}
	for _, a := range hostileAmounts {
		add("cost "+errsQuote(a), func(c *api.Campaign) { c.Influencers[0].Cost = a })
		add("overhead "+errsQuote(a), func(c *api.Campaign) { c.Overhead = &a })
		add("path value "+errsQuote(a), func(c *api.Campaign) { c.Paths[0].Value = a })
	}
	for _, n := range []int64{0, -1, math.MaxInt64, math.MinInt64} {
		add(fmt.Sprintf("likes %d twice", n), func(c *api.Campaign) {
			c.Posts[0].Likes, c.Posts[1].Likes, c.Posts[1].Creator = &n, &n, c.Posts[0].Creator
		})
		add(fmt.Sprintf("every count %d", n), func(c *api.Campaign) {
			p := &c.Posts[0]
			p.Followers, p.Likes, p.Comments, p.Shares, p.Saves, p.Views, p.Reach, p.Impressions, p.Clicks, p.Conversions = &n, &n, &n, &n, &n, &n, &n, &n, &n, &n
		})
		add(fmt.Sprintf("path counts %d twice", n), func(c *api.Campaign) {
			c.Paths = append(c.Paths, api.Path{Channels: []string{"ana"}, Conversions: n, Nulls: n})
			c.Paths[0].Conversions, c.Paths[0].Nulls = n, n
		})
	}
	for _, tm := range hostileTimes {
		add("published_at "+tm.String(), func(c *api.Campaign) { c.Posts[0].PublishedAt = tm })
		add("order time "+tm.String(), func(c *api.Campaign) { c.Orders[0].Time = tm })
	}
	for _, s := range hostileTexts {
		add("texts "+errsQuote(s), func(c *api.Campaign) {
			c.Influencers[0].Handle, c.Posts[1].Creator, c.Paths[0].Channels[0], c.Orders[0].Code = s, s, s, s
		})
		add("currency "+errsQuote(s), func(c *api.Campaign) { c.Currency = s })
		add("time_zone "+errsQuote(s), func(c *api.Campaign) { c.TimeZone = s })
		add("order ID "+errsQuote(s), func(c *api.Campaign) { c.Orders[1].ID = s })
	}
	for _, p := range []kpi.Platform{0, 255, kpi.Platform(math.MaxUint8 / 2)} {
		add(fmt.Sprintf("platform %d", p), func(c *api.Campaign) { c.Posts[0].Platform = p })
	}
	buildLimitCalls(add)
	return calls
}

// buildLimitCalls adds the calls of Build with counts beyond the limits
// (requests at the limits, which take up to 30 ms, are TestWorstRequests').
func buildLimitCalls(add func(string, func(*api.Campaign))) {
	add("MaxPosts+1 posts", func(c *api.Campaign) {
		c.Posts = slices.Repeat(c.Posts[:1], api.MaxPosts+1)
	})
	add("MaxInfluencers+1", func(c *api.Campaign) { c.Influencers = slices.Repeat(c.Influencers[:1], api.MaxInfluencers+1) })
	add("influencer twice", func(c *api.Campaign) { c.Influencers = slices.Repeat(c.Influencers[:1], 2) })
	add("MaxOrders+1", func(c *api.Campaign) { c.Orders = slices.Repeat(c.Orders[:1], api.MaxOrders+1) })
	add("MaxPaths+1", func(c *api.Campaign) { c.Paths = slices.Repeat(c.Paths[:1], api.MaxPaths+1) })
	add("MaxTouches+1", func(c *api.Campaign) { c.Paths[0].Channels = slices.Repeat([]string{"ana"}, api.MaxTouches+1) })
	add("MaxCodes+1", func(c *api.Campaign) { c.Influencers[0].Codes = slices.Repeat([]string{"X"}, api.MaxCodes+1) })
	add("MaxTotalTouches+1", func(c *api.Campaign) {
		c.Paths = slices.Repeat([]api.Path{{Channels: slices.Repeat([]string{"ana"}, api.MaxTouches), Conversions: 1}}, api.MaxTotalTouches/api.MaxTouches+1)
	})

	add("MaxChannels+1", func(c *api.Campaign) {
		for i := range api.MaxChannels + 1 {
			c.Paths = append(c.Paths, api.Path{Channels: []string{strconv.Itoa(i)}, Conversions: 1})
		}
	})
	add("empty path", func(c *api.Campaign) { c.Paths[0].Channels = nil })
	add("order in USD", func(c *api.Campaign) { c.Orders[0].Currency, _ = budget.ParseCurrency("USD") })
	add("order in no currency", func(c *api.Campaign) { c.Orders[0].Currency = roi.Order{}.Currency })
}

func shortDecimal(d decimal.Decimal) string {
	return fmt.Sprintf("%d digits e%d", len(d.Coefficient().Text(16)), d.Exponent())
}

// hostileTable is every call of the test.
func hostileTable() []hostileCall {
	return append(handlerCalls(), buildCalls()...)
}

// TestHostile makes every call of the hostile table: each returns within
// hostile.Bound (the best of three tries when the first is over it) with a
// valid result or an error wrapping one of the
// package's sentinels with a message of at most hostile.MaxMessage bytes
// (the handler: an answer that keeps its promise), and never panics.
func TestHostile(t *testing.T) {
	var slow hostile.Slowest
	for _, c := range hostileTable() {
		if r := runner.Check(t, &slow, c.fn+"("+c.name+")", c.call, hostile.MaxMessage, sentinels...); errors.Is(r.Err, errBadAnswer) {
			t.Errorf("%s(%s): %v", c.fn, c.name, r.Err)
		}
	}
	slow.Log(t)
}

// hostileSkip lists the exported methods the table does not call by name,
// with the reason.
var hostileSkip = map[string]string{
	"badRequest.Error":  "takes no value; every error of the table is formatted by TestHostile",
	"badRequest.Unwrap": "takes no value; errors.Is calls it on every error of the table",
	"syntaxError.Error": "takes no value; its text is part of every malformed-JSON answer of the table",
	"at.String":         "takes no value; writes the field of every answer of the table",
}

// TestHostileCoversAPI lists the exported functions and methods of the
// package's non-test files and fails naming any that is neither in the
// hostile table nor in hostileSkip.
func TestHostileCoversAPI(t *testing.T) {
	// The exported methods of unexported types are listed too: they reach
	// callers through interfaces (error, fmt.Stringer).
	hostile.CoversAPI(t, ".", true, hostile.Names(hostileTable(), func(c hostileCall) string { return c.fn }), hostileSkip, 1)
}

// FuzzHostileDecimals gives the package's decimal entry points extreme
// decimals c·10^e with a coefficient of up to 2047 digits: Build with an
// order of that amount, and the handler with it as a cost and as an order
// amount written "ce<e>". Each returns within the bound, with a valid
// result or an error wrapping a sentinel (a 400 naming the field), never a
// panic.
func FuzzHostileDecimals(f *testing.F) {
	f.Add(int64(1), int32(math.MaxInt32), uint16(0))
	f.Add(int64(-3), int32(math.MinInt32), uint16(0))
	f.Add(int64(0), int32(math.MinInt32), uint16(0))
	f.Add(int64(9), int32(-limit.MaxExponent), uint16(999))
	f.Add(int64(1), int32(limit.MaxExponent), uint16(1000))
	f.Add(int64(math.MaxInt64), int32(-1001), uint16(2047))
	f.Add(int64(2117), int32(-2), uint16(0))
	f.Fuzz(func(t *testing.T, coef int64, exp int32, digits uint16) {
		d := decimal.New(coef, exp)
		text := strconv.FormatInt(coef, 10) + "e" + strconv.Itoa(int(exp))
		if digits > 0 {
			n := int(digits % 2048)
			d = decimal.NewFromBigInt(new(big.Int).Sub(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil), big.NewInt(1)), exp)
			text = strings.Repeat("9", n) + "e" + strconv.Itoa(int(exp))
		}
		c := base()
		c.Orders[0].Amount = d
		for _, call := range []hostileCall{
			{"Build", "order amount", func() error { _, err := api.Build(c); return err }},
			{"Handler.ServeHTTP", "cost", func() error {
				return serve(api.Handler{}, http.MethodPost, "", replaced(`"cost": "100.00"`, `"cost": "`+text+`"`))
			}},
			{"Handler.ServeHTTP", "order amount", func() error {
				return serve(api.Handler{}, http.MethodPost, "", replaced(`"amount": "50.00"`, `"amount": `+text))
			}},
		} {
			r := fuzzRunner.Run(call.call)
			if r.Time() > fuzzRunner.Limit() || r.Panic != nil {
				t.Errorf("%s(%s %s): %v, panic %v", call.fn, call.name, text, r.Wall, r.Panic)
			}
			if err := r.Err; err != nil && (errors.Is(err, errBadAnswer) || !hostile.Wraps(err, sentinels...)) {
				t.Errorf("%s(%s %s): %v", call.fn, call.name, text, err)
			}
		}
	})
}

// fuzzRunner makes a fuzz call once, within 4×hostile.Bound (×4 under the
// race detector) of wall time: the fuzzer's workers share the cores.
var fuzzRunner = hostile.Runner{Bound: 4 * hostile.Bound, Tries: 1}

// TestHostileContentLength sends a Content-Length far above the body to a
// handler without a practical limit: the buffer is not sized by the header.
func TestHostileContentLength(t *testing.T) {
	req := httptest.NewRequest(http.MethodPost, "/report", strings.NewReader(campaign))
	req.ContentLength = math.MaxInt64 / 2
	rec := httptest.NewRecorder()
	r := hostile.Runner{Tries: 1}.Run(func() error { // once: the request's body is read once
		api.Handler{MaxBytes: math.MaxInt64}.ServeHTTP(rec, req)
		return checkAnswer(rec)
	})
	if r.Panic != nil || r.Err != nil {
		t.Errorf("panic %v, error %v", r.Panic, r.Err)
	}
}
