package roi

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/influencekit/influencekit/budget"
)

// hostileSales adds issue 17's functions to the hostile table.
func hostileSales(add adder) {
	add("RateShapley.String", "", func() error {
		if (RateShapley{}).String() != "shapley(rate)" {
			return ErrInvalid
		}
		return nil
	})
	var wide []Path
	for i := range MaxShapleyChannels + 1 {
		wide = append(wide, Path{Channels: []string{"c" + strconv.Itoa(i)}, Conversions: 1})
	}
	add("Attribute", "RateShapley, 21 channels", func() error { _, err := Attribute(wide, RateShapley{}); return err })
	for _, s := range hostileStrings {
		add("HashEmail", short(s), func() error {
			if h := HashEmail(s); len(h) > 71 {
				return ErrInvalid
			}
			return nil
		})
	}
	sales, tracking, cfg := handSales()
	far := time.Unix(1<<62, 999_999_999)
	cfgs := map[string]SalesConfig{"zero": {}, "hand": cfg, "far AsOf": {AsOf: far}, "min lookback": {AsOf: cfg.AsOf, Lookback: math.MinInt64},
		"max lookback": {AsOf: cfg.AsOf, Lookback: math.MaxInt64, Grace: math.MaxInt64, CodeEnd: far},
		"cohort max":   {AsOf: far, CohortDays: []int{1, maxCohortDays}}, "cohort over": {AsOf: cfg.AsOf, CohortDays: []int{math.MaxInt}},
		"cohort zero": {AsOf: cfg.AsOf, CohortDays: []int{}}, "cohort neg": {AsOf: cfg.AsOf, CohortDays: []int{math.MinInt}},
		"end before start": {AsOf: cfg.AsOf, CodeStart: far, CodeEnd: cfg.AsOf}}
	for _, v := range hostileDecimals() {
		cfgs["cost "+v.name] = SalesConfig{AsOf: cfg.AsOf, Costs: map[string]budget.Money{"anna": {Amount: v.v, Currency: eur}}}
	}
	for name, c := range cfgs {
		add("SalesConfig.Validate", name, c.Validate)
		add("CreditSales", "hand sales, "+name, func() error { _, err := CreditSales(sales, tracking, c); return err })
	}
	mk := func(edit func(*Sale)) []Sale {
		s := Sale{Order: Order{ID: "1", Time: day(3, 2, 0), Amount: d("10"), Currency: eur, Code: "ANNA"}}
		edit(&s)
		return []Sale{s}
	}
	bad := map[string][]Sale{"nil": nil,
		"click far before": mk(func(s *Sale) { s.ClickedAt = time.Unix(-1<<62, 0); s.LandingURL = "/?utm_campaign=ben"; s.Code = "" }),
		"cancel far":       mk(func(s *Sale) { s.CancelledAt = far }),
		"refund over":      mk(func(s *Sale) { s.Refunds = []Refund{{At: far, Amount: d("10.000000001")}} }),
	}
	for _, v := range hostileDecimals() {
		bad["refund "+v.name] = mk(func(s *Sale) { s.Refunds = []Refund{{At: far, Amount: v.v}} })
	}
	for _, str := range hostileStrings {
		bad["customer "+short(str)] = mk(func(s *Sale) { s.Customer = str })
	}
	r := rand.New(rand.NewPCG(1, 1))
	boots := map[string]Bootstrap{"zero": {}, "default": {Rand: r}, "B -1": {Rand: r, Resamples: -1}, "B max": {Rand: r, Resamples: math.MaxInt}}
	for _, v := range hostileDecimals() {
		boots["confidence "+v.name] = Bootstrap{Rand: r, Confidence: v.v}
	}
	small := []Path{{Channels: []string{"a"}, Conversions: 3, Nulls: 5, Value: d("10")}, {Channels: []string{"a", "b"}, Conversions: 2, Nulls: 1}}
	for name, b := range boots {
		add("Bootstrap.Validate", name, b.Validate)
		add("BootstrapSales", "hand sales, "+name, func() error { _, err := BootstrapSales(sales, tracking, cfg, b); return err })
		add("BootstrapAttribution", "small, "+name, func() error { _, err := BootstrapAttribution(small, Linear, b); return err })
	}
	for pn, paths := range hostilePaths() {
		add("BootstrapAttribution", pn, func() error {
			_, err := BootstrapAttribution(paths, Shapley, Bootstrap{Rand: r, Resamples: 1})
			return err
		})
	}
	for name, c := range cfgs {
		add("BootstrapSales", "hand sales, "+name, func() error {
			_, err := BootstrapSales(sales, tracking, c, Bootstrap{Rand: r, Resamples: 10})
			return err
		})
	}
	million := strings.Repeat("9", 1_000_000)
	head := "Name,Email,Financial Status,Currency,Total,Created at,Refunded Amount,Cancelled at,Landing Site\n"
	texts := map[string]string{"empty": "", "NUL": "\x00\x00", "header only": head, "no total": "Name,Created at\n#1,2026-03-01\n",
		"basic":             head + "#1,a@b.example,paid,EUR,10,2026-03-01,,,/?utm_campaign=ben\n",
		"10^6-digit total":  head + "#1,,paid,EUR," + million + ",2026-03-01,,,\n",
		"10^6-digit refund": head + "#1,,paid,EUR,10,2026-03-01," + million + ",,\n",
		"long id":           head + strings.Repeat("x", MaxTextLen+1) + ",,paid,EUR,10,2026-03-01,,,\n",
		"long email":        head + "#1," + strings.Repeat("x", 1<<20) + ",paid,EUR,10,2026-03-01,,,\n",
		"many line items":   head + "#1,,paid,EUR,10,2026-03-01,,,\n" + strings.Repeat("#1,,,,,,,,\n", 1<<14),
		"invalid UTF-8":     head + "\xff,\xfe,\xfd,EUR,1,2026-03-01,,,\n", "bare quote": head + "\"#1,\n",
		"exponent": head + "#1,,paid,EUR,1e-2147483648,2026-03-01,,,\n"}
	for name, text := range texts {
		for _, cols := range []SalesColumns{{}, {ID: []string{}}, {Email: []string{"Name"}}} {
			add("ReadSales", name, func() error { _, err := ReadSales(strings.NewReader(text), cols, eur); return err })
		}
		add("ReadSales", name+", no currency", func() error {
			_, err := ReadSales(strings.NewReader(text), SalesColumns{}, budget.Currency{})
			return err
		})
	}
	add("ReadSales", "nil reader", func() error { _, err := ReadSales(nil, SalesColumns{}, eur); return err })
	add("ShopifyColumns", "", func() error { _, err := ReadSales(strings.NewReader(head), ShopifyColumns(), eur); return err })
	for name, s := range bad {
		add("CreditSales", name, func() error { _, err := CreditSales(s, tracking, cfg); return err })
	}
}
