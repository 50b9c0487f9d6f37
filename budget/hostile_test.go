package budget

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/influencekit/influencekit/internal/hostile"
	"github.com/shopspring/decimal"
)

// The hostile-input test (issue 18): every exported function and method of
// the package that takes a user value is called with values no caller
// should send — zero, negative, math.MaxInt64, sums past int64, empty and
// nil inputs, decimals 1e+2147483647, 1e-2147483648 and one of 10⁶ digits,
// NaN and ±Inf floats, NUL and invalid UTF-8 strings — and each call must
// return within hostile.Bound of CPU time with a valid result (no NaN or
// Inf) or an error wrapping one of the package's sentinels, never a panic.
// TestHostileCoversAPI fails naming any exported function or method missing
// from the table.

// runner holds one hostile call to hostile.Bound (×4 under the race
// detector) of the CPU time of its own thread (or of wall time, the lesser)
// rather than wall time alone, because the machine is shared; it tries a
// call once more, after a garbage collection, when the first try is over
// (an earlier case's garbage can land in this call's time). Wall time is
// bounded too, by a hang limit of 2 s, to catch a hang where CPU time is
// not available.
var runner = hostile.Runner{CPU: true, Tries: 2, Hang: 2 * time.Second}

// hostileCase is one call: fn is the exported name as TestHostileCoversAPI
// lists it ("Split", "Money.Add"), in the input, call makes the call and
// returns its result and error. allowInf marks the one documented +Inf
// (Hill's Marginal at 0 with Slope < 1).
type hostileCase struct {
	fn, in   string
	allowInf bool
	call     func() (any, error)
}

type hdec struct {
	name string
	d    decimal.Decimal
}

// hostileDecimals are the decimals every decimal parameter is tried with.
func hostileDecimals() []hdec {
	// 10^999999 + 7: a coefficient of 10⁶ digits (built by Exp, fast)
	c := new(big.Int).Exp(big.NewInt(10), big.NewInt(999_999), nil)
	c.Add(c, big.NewInt(7))
	maxI := decimal.NewFromInt(math.MaxInt64)
	return []hdec{
		{"0", decimal.Zero},
		{"-1", decimal.NewFromInt(-1)},
		{"-0.01", decimal.New(-1, -2)},
		{"0.001", decimal.New(1, -3)},
		{"MaxInt64", maxI},
		{"MinInt64", decimal.NewFromInt(math.MinInt64)},
		{"2·MaxInt64", maxI.Add(maxI)},
		{"1e+2147483647", decimal.New(1, math.MaxInt32)},
		{"1e-2147483648", decimal.New(1, math.MinInt32)},
		{"-1e+2147483647", decimal.New(-1, math.MaxInt32)},
		{"0e-2147483648", decimal.New(0, math.MinInt32)},
		{"1e1000", decimal.New(1, 1000)},
		{"1e-1000", decimal.New(1, -1000)},
		{"10^6 digits", decimal.NewFromBigInt(c, 0)},
		{"10^6 digits e-2", decimal.NewFromBigInt(c, -2)},
		{"-10^6 digits e-999990", decimal.NewFromBigInt(new(big.Int).Neg(c), -999_990)},
	}
}

var hostileFloats = []float64{0, -1, 1, math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, -math.MaxFloat64,
	math.SmallestNonzeroFloat64, 1e300, 1e-300}

var hostileInts = []int{0, -1, 1, math.MaxInt64, math.MinInt64, math.MaxInt32, MaxParts + 1, 1_000_000_000}

var hostileInt64s = []int64{0, -1, math.MaxInt64, math.MinInt64}

var hostileStrings = []string{"", "\x00", "\xff\xfe\xfd", "EUR\x00", " eur ", strings.Repeat("é", 1<<19), "1e2147483647", "{}", "null"}

var hostileTimes = []time.Time{{}, time.Unix(0, 0).UTC(), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), time.Unix(math.MaxInt64/1_000_000_000, 0)}

// hostileJSON are documents for the UnmarshalJSON methods: amounts beyond
// every limit, a 10⁶-digit amount, broken and empty documents.
func hostileJSON() []string {
	long := strings.Repeat("9", 1_000_000)
	return []string{"", "null", "{}", "[]", `"x"`, "\x00", "\xff", `{"amount":"1e2147483647","currency":"EUR"}`,
		`{"amount":"` + long + `","currency":"EUR"}`, `{"amount":"-1","currency":"EUR\u0000"}`,
		`{"currency":"EUR","total":"1e-2147483648","start":"2025-01-01T00:00:00Z","end":"2025-02-01T00:00:00Z"}`,
		`{"currency":"EUR","total":"` + long + `","start":"2025-01-01T00:00:00Z","end":"2025-02-01T00:00:00Z"}`,
		`{"currency":"EUR","total":"9223372036854775807","start":"2025-01-01T00:00:00Z","end":"2025-02-01T00:00:00Z",` +
			`"items":[{"name":"a","category":"x","planned":"9223372036854775807"},{"name":"b","category":"x","planned":"9223372036854775807","actual":"9223372036854775807"}]}`,
		`{"currency":"EUR","total":"1","start":"2025-01-01T00:00:00Z","end":"2025-01-01T00:00:00Z"}`,
	}
}

// hostileWeights are weight lists for Split and friends.
func hostileWeights(ds []hdec) map[string][]decimal.Decimal {
	maxI := decimal.NewFromInt(math.MaxInt64)
	out := map[string][]decimal.Decimal{
		"nil":                   nil,
		"empty":                 {},
		"zeros":                 {decimal.Zero, decimal.Zero},
		"MaxInt64×3 (sum past)": {maxI, maxI, maxI},
	}
	for _, d := range ds {
		out["[1, "+d.name+"]"] = []decimal.Decimal{decimal.NewFromInt(1), d.d}
	}
	return out
}

// hostileCurves are curves with hostile parameters, valid or not.
func hostileCurves() []Curve {
	var out []Curve
	for _, f := range hostileFloats {
		out = append(out, Hill{Beta: f, EC: 10, Slope: 3}, Hill{Beta: 100, EC: f, Slope: 0.5}, Hill{Beta: 100, EC: 10, Slope: f},
			MichaelisMenten{Beta: f, Kappa: 10}, MichaelisMenten{Beta: 100, Kappa: f},
			Logistic{Max: f, Steepness: 1, Mid: 5}, Logistic{Max: 100, Steepness: f, Mid: f},
			RobynHill{Beta: 100, Alpha: f, Gamma: 0.5, Min: 0, Max: 100}, RobynHill{Beta: f, Alpha: 2, Gamma: f, Min: f, Max: f})
	}
	return out
}

// hostileCases builds the table.
func hostileCases() []hostileCase {
	var cs []hostileCase
	add := func(fn, in string, call func() (any, error)) {
		cs = append(cs, hostileCase{fn: fn, in: in, call: call})
	}
	eur, jpy := MustParseCurrency("EUR"), MustParseCurrency("JPY")
	curs := []Currency{{}, eur, jpy}
	ds := hostileDecimals()
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, 1, 0)
	hostileCurrencyCases(add, curs, ds)
	hostileMoneyCases(add, eur, ds)
	hostileSplitCases(add, ds)
	hostilePlanCases(add, eur, ds, start, end)
	hostileAllocateCases(add, eur, ds)
	hostileCurveCases(add, func(fn, in string, allowInf bool, call func() (any, error)) {
		cs = append(cs, hostileCase{fn: fn, in: in, allowInf: allowInf, call: call})
	}, ds)
	hostileRateCardCases(add, eur, ds)
	hostileEnumCases(add)
	hostileMarshalCases(add, eur, ds)
	add("MismatchError.Error", "zero", func() (any, error) { return (&MismatchError{}).Error(), nil })
	add("MismatchError.Unwrap", "EUR and JPY", func() (any, error) {
		return (&MismatchError{Func: "f", Left: eur, Right: jpy}).Unwrap(), nil
	})
	return cs
}

type addFunc func(fn, in string, call func() (any, error))

func hostileCurrencyCases(add addFunc, curs []Currency, ds []hdec) {
	for _, s := range hostileStrings {
		add("ParseCurrency", fmt.Sprintf("%.20q", s), func() (any, error) { return ParseCurrency(s) })
		add("Currency.UnmarshalText", fmt.Sprintf("%.20q", s), func() (any, error) {
			var c Currency
			return c, c.UnmarshalText([]byte(s))
		})
	}
	add("MustParseCurrency", `"EUR" (it panics by design on an unknown code)`, func() (any, error) { return MustParseCurrency(" eur "), nil })
	for _, c := range curs {
		add("Currency.Code", c.String(), func() (any, error) { return c.Code(), nil })
		add("Currency.MinorUnits", c.String(), func() (any, error) { return c.MinorUnits(), nil })
		add("Currency.IsValid", c.String(), func() (any, error) { return c.IsValid(), nil })
		add("Currency.String", c.String(), func() (any, error) { return c.String(), nil })
		add("Currency.Equal", c.String(), func() (any, error) { return c.Equal(Currency{}), nil })
		add("Currency.MarshalText", c.String(), func() (any, error) { return c.MarshalText() })
		add("DefaultRateCard", c.String(), func() (any, error) { return DefaultRateCard(c), nil })
		for _, d := range ds {
			add("Currency.Check", c.String()+" "+d.name, func() (any, error) { return nil, c.Check(d.d) })
			add("Currency.Round", c.String()+" "+d.name, func() (any, error) { return c.Round(d.d), nil })
			add("NewMoney", c.String()+" "+d.name, func() (any, error) { return NewMoney(d.d, c) })
		}
	}
}

func hostileMoneyCases(add addFunc, eur Currency, ds []hdec) {
	ok := Money{Amount: decimal.New(100, -2), Currency: eur}
	ws := hostileWeights(ds)
	for _, d := range ds {
		m := Money{Amount: d.d, Currency: eur}
		add("Money.Add", "m "+d.name, func() (any, error) { return m.Add(ok) })
		add("Money.Add", "o "+d.name, func() (any, error) { return ok.Add(m) })
		add("Money.Sub", "m "+d.name, func() (any, error) { return m.Sub(ok) })
		add("Money.Sub", "o "+d.name, func() (any, error) { return ok.Sub(m) })
		add("Money.Equal", d.name, func() (any, error) { return m.Equal(Money{Amount: decimal.New(1, 5), Currency: eur}), nil })
		add("Money.String", d.name, func() (any, error) { return m.String(), nil })
		add("Money.MarshalJSON", d.name, func() (any, error) { return m.MarshalJSON() })
		add("Money.Split", d.name, func() (any, error) { return m.Split([]decimal.Decimal{decimal.NewFromInt(1)}) })
	}
	for name, w := range ws {
		add("Money.Split", "weights "+name, func() (any, error) { return ok.Split(w) })
	}
	add("Money.Add", "zero Money", func() (any, error) { return Money{}.Add(Money{}) })
	add("Money.Sub", "EUR − JPY", func() (any, error) { return ok.Sub(Money{Amount: decimal.Zero, Currency: MustParseCurrency("JPY")}) })
	for _, s := range append(hostileJSON(), hostileStrings...) {
		add("Money.UnmarshalJSON", fmt.Sprintf("%.30q", s), func() (any, error) {
			var m Money
			return m, m.UnmarshalJSON([]byte(s))
		})
	}
}

func hostileSplitCases(add addFunc, ds []hdec) {
	ws := hostileWeights(ds)
	ones := []decimal.Decimal{decimal.NewFromInt(1), decimal.NewFromInt(2)}
	for _, d := range ds {
		add("Split", "total "+d.name, func() (any, error) { return Split(d.d, ones, 2) })
		add("SplitEven", "total "+d.name, func() (any, error) { return SplitEven(d.d, 3, 2) })
	}
	for name, w := range ws {
		add("Split", "weights "+name, func() (any, error) { return Split(decimal.NewFromInt(100), w, 2) })
	}
	for _, p := range []int32{0, -1, 30, -30, 31, math.MaxInt32, math.MinInt32} {
		add("Split", fmt.Sprint("places ", p), func() (any, error) { return Split(decimal.NewFromInt(100), ones, p) })
		add("SplitEven", fmt.Sprint("places ", p), func() (any, error) { return SplitEven(decimal.NewFromInt(100), 3, p) })
	}
	for _, n := range hostileInts {
		add("SplitEven", fmt.Sprint("n ", n), func() (any, error) { return SplitEven(decimal.NewFromInt(100), n, 2) })
	}
}

func hostilePlanCases(add addFunc, eur Currency, ds []hdec, start, end time.Time) {
	base, _ := NewPlan(eur, decimal.NewFromInt(1000), start, end)
	maxI := decimal.NewFromInt(math.MaxInt64)
	full := base
	for _, n := range []string{"a", "b", "c"} { // planned and actual sums past int64
		full, _ = full.AddItem(LineItem{Name: n, Category: InfluencerFees, Planned: maxI, Actual: maxI})
	}
	shares := []Share{{Category: InfluencerFees, Weight: decimal.NewFromInt(1)}}
	for _, d := range ds {
		add("NewPlan", "total "+d.name, func() (any, error) { return NewPlan(eur, d.d, start, end) })
		add("NewPlanFromShares", "total "+d.name, func() (any, error) { return NewPlanFromShares(eur, d.d, start, end, shares) })
		add("NewPlanFromShares", "weight "+d.name, func() (any, error) {
			return NewPlanFromShares(eur, decimal.NewFromInt(100), start, end, []Share{{Category: Tools, Weight: d.d}, {Category: Management, Weight: decimal.NewFromInt(1)}})
		})
		add("Plan.AddItem", "planned "+d.name, func() (any, error) { return base.AddItem(LineItem{Name: "x", Category: Tools, Planned: d.d}) })
		add("Plan.AddItem", "actual "+d.name, func() (any, error) { return base.AddItem(LineItem{Name: "x", Category: Tools, Actual: d.d}) })
		add("Plan.RecordActual", d.name, func() (any, error) { return full.RecordActual("a", d.d) })
		add("Plan.Record", d.name, func() (any, error) { return full.Record("b", Money{Amount: d.d, Currency: eur}) })
		li := LineItem{Name: "x", Category: Tools, Planned: d.d, Actual: decimal.NewFromInt(5)}
		add("LineItem.Variance", "planned "+d.name, func() (any, error) { a, f, err := li.Variance(); return []decimal.Decimal{a, f}, err })
		li2 := LineItem{Name: "x", Category: Tools, Planned: decimal.NewFromInt(5), Actual: d.d}
		add("LineItem.Variance", "actual "+d.name, func() (any, error) { a, f, err := li2.Variance(); return []decimal.Decimal{a, f}, err })
	}
	for _, s := range hostileStrings {
		q := fmt.Sprintf("%.20q", s)
		add("NewPlanFromShares", "category "+q, func() (any, error) {
			return NewPlanFromShares(eur, decimal.NewFromInt(100), start, end, []Share{{Category: Category(s), Weight: decimal.NewFromInt(1)}})
		})
		add("Plan.AddItem", "name "+q, func() (any, error) {
			return base.AddItem(LineItem{Name: s, Category: Category(s), Planned: decimal.NewFromInt(1)})
		})
		add("Plan.Item", q, func() (any, error) { li, _ := full.Item(s); return li, nil })
		add("Plan.RecordActual", "name "+q, func() (any, error) { return full.RecordActual(s, decimal.NewFromInt(1)) })
	}
	add("NewPlanFromShares", "nil shares", func() (any, error) { return NewPlanFromShares(eur, decimal.NewFromInt(100), start, end, nil) })
	for _, a := range hostileTimes {
		for _, b := range hostileTimes {
			add("NewPlan", fmt.Sprint("period ", a, " – ", b), func() (any, error) { return NewPlan(eur, decimal.NewFromInt(1), a, b) })
		}
		add("Plan.BurnRate", fmt.Sprint("now ", a), func() (any, error) { return full.BurnRate(a) })
	}
	add("Plan.BurnRate", "zero Plan", func() (any, error) { return Plan{}.BurnRate(end) })
	add("Plan.AddItem", "zero Plan", func() (any, error) { return Plan{}.AddItem(LineItem{Name: "x", Category: Tools}) })
	add("Plan.Record", "zero Plan", func() (any, error) { return Plan{}.Record("x", Money{}) })
	for _, p := range []Plan{{}, full} {
		add("Plan.Currency", "", func() (any, error) { return p.Currency(), nil })
		add("Plan.Total", "", func() (any, error) { return p.Total(), nil })
		add("Plan.Start", "", func() (any, error) { return p.Start(), nil })
		add("Plan.End", "", func() (any, error) { return p.End(), nil })
		add("Plan.Items", "", func() (any, error) { return p.Items(), nil })
		add("Plan.Planned", "sum past int64", func() (any, error) { return p.Planned(), nil })
		add("Plan.Actual", "sum past int64", func() (any, error) { return p.Actual(), nil })
		add("Plan.Remaining", "", func() (any, error) { return p.Remaining(), nil })
		add("Plan.Unallocated", "", func() (any, error) { return p.Unallocated(), nil })
		add("Plan.ByCategory", "", func() (any, error) { return p.ByCategory(), nil })
		add("Plan.OverBudget", "", func() (any, error) { return p.OverBudget(), nil })
		add("Plan.MarshalJSON", "", func() (any, error) { return p.MarshalJSON() })
	}
	for _, s := range append(hostileJSON(), hostileStrings...) {
		add("Plan.UnmarshalJSON", fmt.Sprintf("%.30q", s), func() (any, error) {
			var p Plan
			return p, p.UnmarshalJSON([]byte(s))
		})
	}
}

func hostileAllocateCases(add addFunc, eur Currency, ds []hdec) {
	mm := MichaelisMenten{Beta: 100, Kappa: 10}
	s := Hill{Beta: 100, EC: 10, Slope: 3}
	two := []Channel{{Name: "a", Curve: mm}, {Name: "b", Curve: s}}
	opt := AllocateOptions{Currency: eur}
	for _, d := range ds {
		add("Allocate", "total "+d.name, func() (any, error) { return Allocate(d.d, two, opt) })
		add("Allocate", "Min "+d.name, func() (any, error) { return Allocate(decimal.NewFromInt(100), []Channel{{Curve: mm, Min: d.d}}, opt) })
		add("Allocate", "Max "+d.name, func() (any, error) {
			return Allocate(decimal.NewFromInt(100), []Channel{{Curve: mm, Max: d.d}, {Curve: mm}}, opt)
		})
		for _, k := range []ReturnKind{MarginalReturn, AverageReturn} {
			add("AllocateTarget", fmt.Sprint(k, " Value ", d.name), func() (any, error) { return AllocateTarget(two, ReturnTarget{Kind: k, Value: d.d}, opt) })
			add("AllocateTarget", fmt.Sprint(k, " Limit ", d.name), func() (any, error) {
				return AllocateTarget(two, ReturnTarget{Kind: k, Value: decimal.NewFromInt(1), Limit: d.d}, opt)
			})
		}
	}
	for _, c := range hostileCurves() {
		for _, m := range []Method{Auto, WaterFilling, GridDP} {
			add("Allocate", fmt.Sprintf("%v %#v", m, c), func() (any, error) {
				return Allocate(decimal.NewFromInt(100), []Channel{{Curve: c}, {Curve: mm}}, AllocateOptions{Currency: eur, Method: m, GridSteps: 200})
			})
			add("AllocateTarget", fmt.Sprintf("%v %#v", m, c), func() (any, error) {
				return AllocateTarget([]Channel{{Curve: c}, {Curve: s}}, ReturnTarget{Kind: AverageReturn, Value: decimal.NewFromFloat(0.5)},
					AllocateOptions{Currency: eur, Method: m, GridSteps: 100})
			})
		}
	}
	for _, st := range hostileInts {
		o := AllocateOptions{Currency: eur, Method: GridDP, GridSteps: st}
		add("AllocateOptions.Validate", fmt.Sprint("GridSteps ", st), func() (any, error) { return nil, o.Validate() })
		add("Allocate", fmt.Sprint("GridSteps ", st), func() (any, error) { return Allocate(decimal.NewFromInt(100), two, o) })
		add("AllocateTarget", fmt.Sprint("GridSteps ", st), func() (any, error) {
			return AllocateTarget(two, ReturnTarget{Kind: AverageReturn, Value: decimal.NewFromInt(1)}, o)
		})
		o2 := AllocateOptions{Currency: eur, Method: Method(st)}
		add("AllocateOptions.Validate", fmt.Sprint("Method ", st), func() (any, error) { return nil, o2.Validate() })
		add("AllocateTarget", fmt.Sprint("Kind ", st), func() (any, error) {
			return AllocateTarget(two, ReturnTarget{Kind: ReturnKind(st), Value: decimal.NewFromInt(1)}, opt)
		})
	}
	add("AllocateOptions.Validate", "zero", func() (any, error) { return nil, AllocateOptions{}.Validate() })
	for name, chans := range map[string][]Channel{"nil": nil, "empty": {}, "nil curve": {{Name: "\x00"}},
		"name 1 MiB": {{Name: strings.Repeat("\xff", 1<<20), Curve: mm, Min: decimal.NewFromInt(200)}}} {
		add("Allocate", "channels "+name, func() (any, error) { return Allocate(decimal.NewFromInt(100), chans, opt) })
		add("AllocateTarget", "channels "+name, func() (any, error) { return AllocateTarget(chans, ReturnTarget{Value: decimal.NewFromInt(1)}, opt) })
	}
}

func hostileCurveCases(add addFunc, addInf func(fn, in string, allowInf bool, call func() (any, error)), ds []hdec) {
	for _, c := range hostileCurves() {
		in := fmt.Sprintf("%#v", c)
		for _, x := range hostileFloats {
			add(curveName(c)+".Response", fmt.Sprint(in, " at ", x), func() (any, error) { return c.Response(x), nil })
			// the one documented Inf: Hill's derivative at 0 (a NaN spend
			// counts as 0) for Slope < 1
			addInf(curveName(c)+".Marginal", fmt.Sprint(in, " at ", x), !(x > 0), func() (any, error) { return c.Marginal(x), nil })
		}
		add(curveName(c)+".Inflection", in, func() (any, error) { return c.Inflection(), nil })
		add(curveName(c)+".Validate", in, func() (any, error) { return nil, c.(validator).Validate() })
		if r, ok := c.(RobynHill); ok {
			add("RobynHill.GammaTrans", in, func() (any, error) { return r.GammaTrans(), nil })
			// Hill carries Beta and Alpha over as they are (a NaN given is
			// a NaN kept, not made); EC is computed, and must be finite
			add("RobynHill.Hill", in, func() (any, error) { return r.Hill().EC, nil })
		}
	}
	for _, a := range ds {
		for i := range 3 {
			args := []decimal.Decimal{decimal.NewFromInt(1000), decimal.NewFromInt(4000), decimal.New(5, -1)}
			args[i] = a.d
			add("MichaelisMentenThrough", fmt.Sprint("arg ", i, " ", a.name), func() (any, error) {
				m, err := MichaelisMentenThrough(args[0], args[1], args[2])
				return []float64{m.Beta, m.Kappa}, err
			})
		}
	}
	xs := map[string][]float64{"nil": nil, "1e308×2": {1e308, 1e308}, "MaxFloat64, -MaxFloat64": {math.MaxFloat64, -math.MaxFloat64},
		"NaN": {math.NaN()}, "+Inf": {1, math.Inf(1)}, "periods > max": make([]float64, MaxAdstockPeriods+1)}
	for name, x := range xs {
		for _, th := range hostileFloats {
			add("GeometricAdstock", fmt.Sprint(name, " θ ", th), func() (any, error) { return GeometricAdstock(x, th) })
		}
		for _, k := range []WeibullKind{WeibullCDF, WeibullPDF, -1, 99} {
			add("WeibullAdstock", fmt.Sprint(name, " ", int(k)), func() (any, error) { return WeibullAdstock(x, 2, 0.5, k) })
		}
	}
	x := []float64{1e308, 1e308, 1e308, 1}
	for _, a := range hostileFloats {
		for _, k := range []WeibullKind{WeibullCDF, WeibullPDF} {
			add("WeibullAdstock", fmt.Sprint("shape ", a, " ", k), func() (any, error) { return WeibullAdstock(x[3:], a, 0.5, k) })
			add("WeibullAdstock", fmt.Sprint("scale ", a, " ", k), func() (any, error) { return WeibullAdstock([]float64{1, 2, 3}, 2, a, k) })
			add("WeibullAdstock", fmt.Sprint("1e308s, shape ", a, " ", k), func() (any, error) { return WeibullAdstock(x, a, 1, k) })
		}
	}
}

// curveName is the type name of one of the package's curves.
func curveName(c Curve) string {
	switch c.(type) {
	case Hill:
		return "Hill"
	case MichaelisMenten:
		return "MichaelisMenten"
	case Logistic:
		return "Logistic"
	case RobynHill:
		return "RobynHill"
	}
	return fmt.Sprintf("%T", c)
}

func hostileRateCardCases(add addFunc, eur Currency, ds []hdec) {
	card := DefaultRateCard(eur)
	spec := Spec{Format: FormatReel, Followers: 50_000, EngagementRate: decimal.New(45, -3), AudienceFit: decimal.New(8, -1), UsageMonths: 3}
	for _, d := range ds {
		c := card
		c.Rate, c.Basis = d.d, PerThousandFollowers
		add("RateCard.Validate", "Rate "+d.name, func() (any, error) { return nil, c.Validate() })
		add("RateCard.Price", "Rate "+d.name, func() (any, error) { return c.Price(spec) })
		c2 := card
		c2.Bands = append(slices.Clone(card.Bands), FeeBand{Name: "\x00", MinFollowers: 1, Fee: d.d})
		add("RateCard.Price", "band fee "+d.name, func() (any, error) { return c2.Price(spec) })
		c3 := card
		c3.Spread, c3.EngagementCap = d.d, d.d
		add("RateCard.Price", "Spread and cap "+d.name, func() (any, error) { return c3.Price(spec) })
		s := spec
		s.EngagementRate = d.d
		add("RateCard.Price", "EngagementRate "+d.name, func() (any, error) { return card.Price(s) })
		s2 := spec
		s2.AudienceFit = d.d
		add("RateCard.Price", "AudienceFit "+d.name, func() (any, error) { return card.Price(s2) })
	}
	for _, n := range hostileInt64s {
		s := spec
		s.Followers, s.Views, s.UsageMonths, s.ExclusivityMonths, s.Format = n, n, int(n), int(n), Format(n)
		add("RateCard.Price", fmt.Sprint("counts ", n), func() (any, error) { return card.Price(s) })
		for _, b := range []Basis{PerBand, PerThousandFollowers, PerThousandViews, Basis(n)} {
			c := card
			c.Basis = b
			s2 := spec
			s2.Followers, s2.Views = n, n
			add("RateCard.Price", fmt.Sprint("basis ", int64(b), " followers ", n), func() (any, error) { return c.Price(s2) })
		}
	}
	add("RateCard.Validate", "zero", func() (any, error) { return nil, RateCard{}.Validate() })
	add("RateCard.Price", "zero card", func() (any, error) { return RateCard{}.Price(Spec{}) })
	add("RateCard.Price", "no bands", func() (any, error) {
		return RateCard{Currency: eur, BenchmarkEngagement: decimal.NewFromInt(1)}.Price(Spec{})
	})
}

func hostileEnumCases(add addFunc) {
	vals := []int{0, 1, 2, 5, -1, math.MaxInt64, math.MinInt64}
	for _, v := range vals {
		add("Method.String", fmt.Sprint(v), func() (any, error) { return Method(v).String(), nil })
		add("Method.MarshalText", fmt.Sprint(v), func() (any, error) { return Method(v).MarshalText() })
		add("Basis.String", fmt.Sprint(v), func() (any, error) { return Basis(v).String(), nil })
		add("Basis.MarshalText", fmt.Sprint(v), func() (any, error) { return Basis(v).MarshalText() })
		add("ReturnKind.String", fmt.Sprint(v), func() (any, error) { return ReturnKind(v).String(), nil })
		add("ReturnKind.MarshalText", fmt.Sprint(v), func() (any, error) { return ReturnKind(v).MarshalText() })
		add("WeibullKind.String", fmt.Sprint(v), func() (any, error) { return WeibullKind(v).String(), nil })
		add("WeibullKind.MarshalText", fmt.Sprint(v), func() (any, error) { return WeibullKind(v).MarshalText() })
		add("Format.String", fmt.Sprint(v), func() (any, error) { return Format(v).String(), nil })
		add("Format.MarshalText", fmt.Sprint(v), func() (any, error) { return Format(v).MarshalText() })
	}
	for _, s := range hostileStrings {
		b := []byte(s)
		q := fmt.Sprintf("%.20q", s)
		add("Method.UnmarshalText", q, func() (any, error) { var v Method; return v, v.UnmarshalText(b) })
		add("Basis.UnmarshalText", q, func() (any, error) { var v Basis; return v, v.UnmarshalText(b) })
		add("ReturnKind.UnmarshalText", q, func() (any, error) { var v ReturnKind; return v, v.UnmarshalText(b) })
		add("WeibullKind.UnmarshalText", q, func() (any, error) { var v WeibullKind; return v, v.UnmarshalText(b) })
		add("Format.UnmarshalText", q, func() (any, error) { var v Format; return v, v.UnmarshalText(b) })
	}
}

func hostileMarshalCases(add addFunc, eur Currency, ds []hdec) {
	for _, d := range ds {
		add("Line.MarshalJSON", d.name, func() (any, error) { return Line{Label: "\xff", Factor: d.d, Amount: d.d}.MarshalJSON() })
		add("Quote.MarshalJSON", d.name, func() (any, error) {
			return Quote{Currency: eur, Low: d.d, Expected: d.d, High: d.d, Lines: []Line{{Factor: d.d}}}.MarshalJSON()
		})
		add("Quote.MarshalJSON", "lines "+d.name, func() (any, error) { return json.Marshal(Quote{Currency: eur, Lines: []Line{{Amount: d.d}}}) })
		add("Allocation.MarshalJSON", d.name, func() (any, error) {
			return Allocation{Currency: eur, Total: d.d, Channels: []ChannelResult{{Spend: d.d, Marginal: d.d}}}.MarshalJSON()
		})
		add("Allocation.MarshalJSON", "channel "+d.name, func() (any, error) {
			return Allocation{Method: Method(-1), Channels: []ChannelResult{{Average: d.d}}}.MarshalJSON()
		})
		add("LineItem.MarshalJSON", d.name, func() (any, error) { return LineItem{Name: "\x00", Planned: d.d, Actual: d.d}.MarshalJSON() })
		add("CategoryTotal.MarshalJSON", d.name, func() (any, error) { return CategoryTotal{Planned: d.d, Actual: d.d}.MarshalJSON() })
		add("Burn.MarshalJSON", d.name, func() (any, error) { return Burn{Pace: d.d, Projected: d.d}.MarshalJSON() })
	}
	for _, s := range append(append(hostileJSON(), hostileStrings...),
		`{"low":{"amount":"1e2147483647","currency":"EUR"}}`, `{"lines":[{"factor":"x","amount":{"amount":"1"}}]}`,
		`{"total":{"amount":"1","currency":"XYZ"}}`, `{"channels":[{"spend":{"amount":"1"},"response":"1e999999"}]}`,
		`{"per_day":{"amount":"`+strings.Repeat("9", 2000)+`"}}`) {
		add("Quote.UnmarshalJSON", fmt.Sprintf("%.30q", s), func() (any, error) { var q Quote; return q, q.UnmarshalJSON([]byte(s)) })
		add("Allocation.UnmarshalJSON", fmt.Sprintf("%.30q", s), func() (any, error) { var a Allocation; return a, a.UnmarshalJSON([]byte(s)) })
		add("Burn.UnmarshalJSON", fmt.Sprintf("%.30q", s), func() (any, error) { var b Burn; return b, b.UnmarshalJSON([]byte(s)) })
	}
}

// runHostile makes one call with rn, recovering a panic and bounding its
// time. It returns what went wrong ("" when nothing: a panic, a hang, a
// time over rn's bound, an error wrapping no sentinel or with a message of
// more than hostile.MaxMessage bytes, a NaN or Inf in a result) and the
// call's times.
func runHostile(rn hostile.Runner, c hostileCase) (string, hostile.Result) {
	var res any
	r := rn.Run(func() (err error) { res, err = c.call(); return err })
	if p := rn.Problem(r, hostile.MaxMessage, sentinels...); p != "" {
		return p, r
	}
	if f := badFloat(res, c.allowInf); r.Err == nil && f != "" {
		return "result " + f, r
	}
	return "", r
}

// badFloat describes a NaN or Inf in a result (float64, []float64, Money's
// or a curve's parameters are what the table returns), or "".
func badFloat(v any, allowInf bool) string {
	check := func(f float64) bool { return math.IsNaN(f) || math.IsInf(f, -1) || (math.IsInf(f, 1) && !allowInf) }
	switch x := v.(type) {
	case float64:
		if check(x) {
			return fmt.Sprint(x)
		}
	case []float64:
		for i, f := range x {
			if check(f) {
				return fmt.Sprintf("[%d] = %v", i, f)
			}
		}
	}
	return ""
}

func TestHostileInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("hostile-input table: not in -short")
	}
	var slow hostile.Slowest
	for _, c := range hostileCases() {
		bad, r := runHostile(runner, c)
		if bad != "" {
			t.Errorf("%s(%s): %s", c.fn, c.in, bad)
		}
		slow.Add(c.fn+"("+c.in+")", r)
	}
	slow.Log(t)
}

// hostileSkip lists exported functions and methods the table leaves out,
// each with its reason.
var hostileSkip = map[string]string{}

// TestHostileCoversAPI lists the package's exported functions and methods
// from its non-test files (go/parser) and fails naming any that is neither
// in the hostile table nor in hostileSkip.
func TestHostileCoversAPI(t *testing.T) {
	hostile.CoversAPI(t, ".", false, hostile.Names(hostileCases(), func(c hostileCase) string { return c.fn }), hostileSkip, 50)
}

// FuzzHostileDecimals feeds decimals of any exponent (the fuzzer's int32
// reaches ±2³¹) to the package's decimal entry points: no panic, every
// error wraps a sentinel, every call returns within a second.
func FuzzHostileDecimals(f *testing.F) {
	f.Add(int64(1), int32(math.MaxInt32), int64(1), int32(0), uint8(0))
	f.Add(int64(-1), int32(math.MinInt32), int64(0), int32(math.MinInt32), uint8(1))
	f.Add(int64(math.MaxInt64), int32(-2), int64(math.MinInt64), int32(1000), uint8(2))
	f.Add(int64(5), int32(-1001), int64(3), int32(-1000), uint8(3))
	eur := MustParseCurrency("EUR")
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, 1, 0)
	chans := []Channel{{Name: "a", Curve: MichaelisMenten{Beta: 100, Kappa: 10}}, {Name: "b", Curve: Hill{Beta: 100, EC: 10, Slope: 3}}}
	f.Fuzz(func(t *testing.T, c1 int64, e1 int32, c2 int64, e2 int32, which uint8) {
		a, b := decimal.New(c1, e1), decimal.New(c2, e2)
		calls := []func() (any, error){
			func() (any, error) { return nil, eur.Check(a) },
			func() (any, error) { return eur.Round(a), nil },
			func() (any, error) { return NewMoney(a, eur) },
			func() (any, error) { return Money{Amount: a, Currency: eur}.Add(Money{Amount: b, Currency: eur}) },
			func() (any, error) { return Money{Amount: a, Currency: eur}.Sub(Money{Amount: b, Currency: eur}) },
			func() (any, error) {
				return Money{Amount: a, Currency: eur}.Equal(Money{Amount: b, Currency: eur}), nil
			},
			func() (any, error) { return Money{Amount: a, Currency: eur}.String(), nil },
			func() (any, error) { return Split(a, []decimal.Decimal{b, decimal.NewFromInt(1)}, 2) },
			func() (any, error) { return SplitEven(a, int(which)+1, 2) },
			func() (any, error) { return NewPlan(eur, a, start, end) },
			func() (any, error) {
				return NewPlanFromShares(eur, a, start, end, []Share{{Category: Tools, Weight: b}})
			},
			func() (any, error) {
				x, y, err := (LineItem{Name: "x", Planned: a, Actual: b}).Variance()
				return []decimal.Decimal{x, y}, err
			},
			func() (any, error) {
				m, err := MichaelisMentenThrough(a, b, decimal.New(5, -1))
				return []float64{m.Beta, m.Kappa}, err
			},
			func() (any, error) { return Allocate(a, chans, AllocateOptions{Currency: eur, GridSteps: 50}) },
			func() (any, error) {
				return AllocateTarget(chans, ReturnTarget{Kind: ReturnKind(which % 2), Value: a, Limit: b}, AllocateOptions{Currency: eur, GridSteps: 50})
			},
			func() (any, error) {
				return DefaultRateCard(eur).Price(Spec{Followers: int64(which) * 10_000, EngagementRate: a, AudienceFit: b})
			},
			func() (any, error) { return LineItem{Planned: a, Actual: b}.MarshalJSON() },
		}
		for i, call := range calls {
			bad, r := runHostile(fuzzRunner, hostileCase{fn: fmt.Sprint("call ", i), call: call})
			if bad != "" {
				t.Fatalf("call %d with %s, %s: %s", i, errsFormat(a), errsFormat(b), bad)
			}
			if r.Wall > time.Second {
				t.Fatalf("call %d with %s, %s: took %v", i, errsFormat(a), errsFormat(b), r.Wall)
			}
		}
	})
}

// fuzzRunner makes a fuzz call once, on wall time, with the hang limit of
// the table's runner; FuzzHostileDecimals bounds its wall time to a second.
var fuzzRunner = hostile.Runner{Bound: time.Second, Tries: 1, Hang: runner.Hang}

func errsFormat(d decimal.Decimal) string {
	return fmt.Sprintf("%de%d", d.CoefficientInt64(), d.Exponent())
}

// TestGridBestSum checks bestSum's four lanes against the sequential scan it
// replaces, ties included (values drawn from a handful, so sums tie often).
func TestGridBestSum(t *testing.T) {
	seq := func(a, v []float64) (float64, int) {
		bv, bk := math.Inf(-1), 0
		for k := range v {
			if s := a[k] + v[k]; s > bv {
				bv, bk = s, k
			}
		}
		return bv, bk
	}
	vals := []float64{0, 1, 2, math.NaN(), -1}
	state := uint64(1)
	next := func() float64 {
		state = state*6364136223846793005 + 1442695040888963407
		return vals[(state>>33)%uint64(len(vals))]
	}
	for n := 1; n < 40; n++ {
		for range 200 {
			a, v := make([]float64, n), make([]float64, n)
			for i := range n {
				a[i], v[i] = next(), next()
			}
			wb, wk := seq(a, v)
			gb, gk := bestSum(a, v)
			if wk != gk || !(wb == gb || (math.IsInf(wb, -1) && math.IsInf(gb, -1))) {
				t.Fatalf("a %v v %v: bestSum %v at %d, sequential %v at %d", a, v, gb, gk, wb, wk)
			}
		}
	}
}
