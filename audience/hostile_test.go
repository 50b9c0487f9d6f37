package audience

import (
	"bytes"
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/influencekit/influencekit/internal/hostile"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// The hostile-input test (issue 18): every exported function and method of
// the package that takes a user value is called with zero, negative,
// math.MaxInt64 and math.MinInt values, sums past int64, empty and nil
// inputs, decimals 1e+2147483647, 1e-2147483648, 0e-2147483648 and a
// 10⁶-digit coefficient, NUL, invalid UTF-8 and megabyte strings and
// hostile sketch bytes. The package takes no float64 from its callers, so
// NaN and ±Inf cannot reach it (sketch figures are floats inside and go
// through fromFloat, tested in sketch_test.go). Each call must return
// within hostile.Bound (×4 under -race) with a valid result or an error
// wrapping one of the package's sentinels and a message of at most
// hostile.MaxMessage bytes, never a panic.

// runner holds each call to hostile.Bound (×4 under -race) on its wall
// time. A call found slower is run up to four times more, each after a
// garbage collection and a pause of 10, 40, 160 and 640 ms, and judged by
// its fastest run, so that a loaded CI machine (or the collection of an
// earlier call's garbage) does not fail it for work that is not its own.
var runner = hostile.Runner{Tries: 5}

// sentinels are every exported sentinel of the package.
var sentinels = []error{
	ErrInvalid, ErrNegative, ErrNonPositive, ErrEmpty, ErrTooLarge,
	ErrDimension, ErrNoBaseline,
	ErrSketchTruncated, ErrSketchCorrupt, ErrSketchUnsupported, ErrSketchSeed,
	ErrSyntax, ErrMissingColumn,
}

// hostileCall is one call of the table: fn is the exported name as the
// go/ast listing spells it ("Match", "Set.Add"), arg describes the input.
type hostileCall struct {
	fn, arg string
	call    func() (any, error)
}

type namedDec struct {
	name string
	d    decimal.Decimal
}

// hostileDecimals: the extremes of issue 18 plus values at the limits
// (valid, and just beyond).
func hostileDecimals() []namedDec {
	nines := new(big.Int).Sub(new(big.Int).Exp(big.NewInt(10), big.NewInt(1000), nil), big.NewInt(1)) // 1000 digits
	million := new(big.Int).Exp(big.NewInt(10), big.NewInt(1_000_000), nil)
	million.Sub(million, big.NewInt(1)) // 10⁶ digits
	return []namedDec{
		{"0", decimal.Zero},
		{"-1", decimal.NewFromInt(-1)},
		{"MaxInt64", decimal.NewFromInt(math.MaxInt64)},
		{"MinInt64", decimal.NewFromInt(math.MinInt64)},
		{"1e+MaxInt32", decimal.New(1, math.MaxInt32)},
		{"1e+MinInt32", decimal.New(1, math.MinInt32)},
		{"0e+MinInt32", decimal.New(0, math.MinInt32)},
		{"0e+MaxInt32", decimal.New(0, math.MaxInt32)},
		{"-1e+MaxInt32", decimal.New(-1, math.MaxInt32)},
		{"10^6 digits", decimal.NewFromBigInt(million, 0)},
		{"-10^6 digits e-5", decimal.NewFromBigInt(new(big.Int).Neg(million), -5)},
		{"1e1000 (limit)", decimal.New(1, limit.MaxExponent)},
		{"1e-1000 (limit)", decimal.New(1, -limit.MaxExponent)},
		{"1e1001", decimal.New(1, limit.MaxExponent+1)},
		{"1000 digits e1000", decimal.NewFromBigInt(nines, limit.MaxExponent)},
		{"1000 digits e-1000", decimal.NewFromBigInt(nines, -limit.MaxExponent)},
		{"1001 digits", decimal.NewFromBigInt(new(big.Int).Mul(nines, big.NewInt(10)), 0)},
	}
}

type namedDist struct {
	name string
	d    Distribution
}

// megaName is a 1 MiB category name: an error naming it must stay short.
var megaName = strings.Repeat("x", 1<<20)

// hostileDists: nil, empty, bad names, and each hostile decimal alone,
// beside a 1 and as the Unknown mass; sums past int64 and valid extremes.
func hostileDists() []namedDist {
	one := decimal.NewFromInt(1)
	maxI := decimal.NewFromInt(math.MaxInt64)
	out := []namedDist{
		{"nil", nil},
		{"empty", Distribution{}},
		{"empty name", Distribution{"": one}},
		{"NUL name", Distribution{"\x00": one, "a": one}},
		{"invalid UTF-8 name", Distribution{"\xff\xfe\xfd": one, "a": one}},
		{"1 MiB name, negative", Distribution{megaName: decimal.NewFromInt(-1)}},
		{"1 MiB name, 1e+MaxInt32", Distribution{megaName: decimal.New(1, math.MaxInt32)}},
		{"only unknown", Distribution{Unknown: one}},
		{"all zero", Distribution{"a": decimal.Zero, "b": decimal.Zero}},
		{"3×MaxInt64 (sum past int64)", Distribution{"a": maxI, "b": maxI, "c": maxI}},
		{"1e60 against 1", Distribution{"a": decimal.New(1, 60), "b": one}},
	}
	ds := hostileDecimals()
	for _, x := range ds {
		out = append(out,
			namedDist{"{a: " + x.name + ", b: 1}", Distribution{"a": x.d, "b": one}},
			namedDist{"{a: " + x.name + "}", Distribution{"a": x.d}},
			namedDist{"{a: 1, unknown: " + x.name + "}", Distribution{"a": one, Unknown: x.d}},
		)
	}
	// The widest valid spread: 1000 digits at both exponent limits.
	spread := Distribution{}
	for i, x := range ds[len(ds)-3 : len(ds)-1] {
		spread[string(rune('a'+i))] = x.d
	}
	spread["c"] = decimal.New(1, limit.MaxExponent)
	spread["d"] = decimal.New(1, -limit.MaxExponent)
	return append(out, namedDist{"1000 digits at e±1000", spread})
}

// hostileMeasures: the functions of two distributions.
var hostileMeasures = []struct {
	name string
	fn   func(p, q Distribution) (decimal.Decimal, error)
}{
	{"Match", Match}, {"TotalVariation", TotalVariation}, {"Bhattacharyya", Bhattacharyya},
	{"Hellinger", Hellinger}, {"JensenShannon", JensenShannon}, {"Cosine", Cosine},
	{"OnTargetShare", OnTargetShare},
}

func decCall(fn, arg string, f func() (decimal.Decimal, error)) hostileCall {
	return hostileCall{fn, arg, func() (any, error) { return f() }}
}

// distributionCalls covers distribution.go and demographics.go.
func distributionCalls() []hostileCall {
	good := Distribution{"a": decimal.NewFromInt(3), "b": decimal.NewFromInt(1)}
	var calls []hostileCall
	for _, d := range hostileDists() {
		for _, m := range hostileMeasures {
			calls = append(calls,
				decCall(m.name, "(bad, good) "+d.name, func() (decimal.Decimal, error) { return m.fn(d.d, good) }),
				decCall(m.name, "(good, bad) "+d.name, func() (decimal.Decimal, error) { return m.fn(good, d.d) }),
				decCall(m.name, "(bad, bad) "+d.name, func() (decimal.Decimal, error) { return m.fn(d.d, d.d) }))
		}
		calls = append(calls,
			decCall("UnknownShare", d.name, func() (decimal.Decimal, error) { return UnknownShare(d.d) }),
			hostileCall{"Affinity", "(bad, good) " + d.name, func() (any, error) { return Affinity(d.d, good) }},
			hostileCall{"Affinity", "(good, bad) " + d.name, func() (any, error) { return Affinity(good, d.d) }},
			hostileCall{"Fit", "target " + d.name, func() (any, error) {
				return Fit(Demographics{"x": d.d}, Demographics{"x": good}, nil)
			}},
			hostileCall{"Fit", "actual " + d.name, func() (any, error) {
				return Fit(Demographics{"x": good, "y": good}, Demographics{"x": d.d}, DimensionWeights{"y": decimal.NewFromInt(1)})
			}},
			hostileCall{"OnTargetInterval", d.name, func() (any, error) { return OnTargetInterval(good, d.d, 100, Z95()) }},
		)
	}
	for _, x := range hostileDecimals() {
		calls = append(calls,
			hostileCall{"Fit", "weight " + x.name, func() (any, error) {
				return Fit(Demographics{"x": good}, Demographics{"x": good}, DimensionWeights{"x": x.d})
			}},
			hostileCall{"OnTargetInterval", "z " + x.name, func() (any, error) { return OnTargetInterval(good, good, 100, x.d) }})
	}
	for _, n := range []int64{0, -1, 1, math.MaxInt64, math.MinInt64} {
		calls = append(calls, hostileCall{"OnTargetInterval", "sampleSize", func() (any, error) {
			return OnTargetInterval(good, good, n, Z95())
		}})
	}
	return append(calls,
		hostileCall{"Fit", "nil", func() (any, error) { return Fit(nil, nil, nil) }},
		hostileCall{"Fit", "empty dimension name", func() (any, error) { return Fit(Demographics{"": good}, nil, nil) }},
		hostileCall{"Fit", "nil dimension", func() (any, error) { return Fit(Demographics{"x": nil}, Demographics{"x": nil}, nil) }},
		hostileCall{"Fit", "1 MiB weight name", func() (any, error) {
			return Fit(Demographics{"x": good}, Demographics{"x": good}, DimensionWeights{megaName: decimal.NewFromInt(1)})
		}},
		hostileCall{"Z95", "", func() (any, error) { return Z95(), nil }},
	)
}

// hostileIDs are ID lists: nil, extremes, duplicates, and 5,000 random
// snowflake-like IDs.
func hostileIDs() map[string][]uint64 {
	r := rand.New(rand.NewPCG(18, 18))
	wide := make([]uint64, 5_000)
	for i := range wide {
		wide[i] = r.Uint64()
	}
	return map[string][]uint64{
		"nil":        nil,
		"extremes":   {0, math.MaxUint64, 1 << 63, math.MaxUint32, math.MaxUint32 + 1},
		"duplicates": {7, 7, 7, 0, 0},
		"descending": {math.MaxUint64, 5, 0},
		"5000 wide":  wide,
	}
}

// hostileSets are sets: nil, zero, empty, extremes, 5,000 dense and wide.
func hostileSets() map[string]*Set {
	out := map[string]*Set{"nil": nil, "zero": {}}
	for name, ids := range hostileIDs() {
		out[name] = NewSet(ids...)
	}
	dense := NewSet()
	for i := range uint64(5_000) {
		dense.Add(i)
	}
	out["5000 dense"] = dense
	return out
}

var hostileInts = []int{0, -1, 1, 4, 5, 26, 27, math.MaxInt, math.MinInt}

// setCalls covers set.go, overlap.go and universe.go.
func setCalls() []hostileCall {
	sets := hostileSets()
	var all []*Set
	var calls []hostileCall
	for name, ids := range hostileIDs() {
		calls = append(calls,
			hostileCall{"NewSet", name, func() (any, error) { return NewSet(ids...), nil }},
			hostileCall{"NewSetFromSorted", name, func() (any, error) { return NewSetFromSorted(ids), nil }},
			hostileCall{"Set.Add", name, func() (any, error) { s := NewSet(1, 2); s.Add(ids...); return s.Len(), nil }},
			hostileCall{"Set.Add", "nil *Set " + name, func() (any, error) { var s *Set; s.Add(ids...); return s.Len(), nil }},
			hostileCall{"Universe.Set", name, func() (any, error) { return NewUniverse().Set(ids...) }},
			hostileCall{"Universe.Set", "nil " + name, func() (any, error) { var u *Universe; return u.Set(ids...) }},
		)
	}
	for an, a := range sets {
		all = append(all, a)
		for _, id := range []uint64{0, math.MaxUint64} {
			calls = append(calls, hostileCall{"Set.Contains", an, func() (any, error) { return a.Contains(id), nil }})
		}
		calls = append(calls,
			hostileCall{"Set.All", an, func() (any, error) {
				n := 0
				for range a.All() {
					if n++; n > 10 {
						break
					}
				}
				return n, nil
			}},
			hostileCall{"Set.AppendTo", an, func() (any, error) { return len(a.AppendTo(nil)), nil }},
			hostileCall{"Set.Clone", an, func() (any, error) { return a.Clone(), nil }},
			hostileCall{"Set.Len", an, func() (any, error) { return a.Len(), nil }},
			hostileCall{"Set.SizeInBytes", an, func() (any, error) { return a.SizeInBytes(), nil }},
			decCall("ExpectedFrequency", an+" twice", func() (decimal.Decimal, error) { return ExpectedFrequency(a, a) }),
		)
		for bn, b := range sets {
			arg := an + ", " + bn
			calls = append(calls,
				hostileCall{"Overlap", arg, func() (any, error) { return Overlap(a, b), nil }},
				hostileCall{"IntersectionLen", arg, func() (any, error) { return IntersectionLen(a, b), nil }},
				hostileCall{"Union", arg, func() (any, error) { return Union(a, b), nil }},
				hostileCall{"Intersect", arg, func() (any, error) { return Intersect(a, b), nil }},
				hostileCall{"Difference", arg, func() (any, error) { return Difference(a, b), nil }},
				hostileCall{"UniqueReach", arg, func() (any, error) { return UniqueReach(a, b), nil }},
				hostileCall{"Exclusive", arg, func() (any, error) { return Exclusive(a, b, a), nil }},
				hostileCall{"Set.CountNotIn", arg, func() (any, error) { return a.CountNotIn(b), nil }},
			)
		}
	}
	calls = append(calls,
		hostileCall{"UniqueReach", "none", func() (any, error) { return UniqueReach(), nil }},
		hostileCall{"UniqueReach", "all", func() (any, error) { return UniqueReach(all...), nil }},
		hostileCall{"Union", "none", func() (any, error) { return Union(), nil }},
		hostileCall{"Intersect", "none", func() (any, error) { return Intersect(), nil }},
		hostileCall{"Exclusive", "none", func() (any, error) { return Exclusive(), nil }},
		decCall("ExpectedFrequency", "none", func() (decimal.Decimal, error) { return ExpectedFrequency() }),
		decCall("ExpectedFrequency", "all", func() (decimal.Decimal, error) { return ExpectedFrequency(all...) }),
	)
	for _, w := range hostileInts {
		calls = append(calls, hostileCall{"OverlapMatrix", "workers", func() (any, error) { return OverlapMatrix(all, w), nil }})
	}
	return append(calls, universeCalls()...)
}

// hostileStrings are ID and name strings: empty, NUL, invalid UTF-8, 1 MiB.
var hostileStrings = []string{"", "\x00", "\xff\xfe\xfd", "a\x00b", megaName}

func universeCalls() []hostileCall {
	full := func() *Universe { return &Universe{n: math.MaxUint32 + 1} } // 2^32 IDs held
	var calls []hostileCall
	for name, mk := range map[string]func() *Universe{
		"nil": func() *Universe { return nil }, "zero": func() *Universe { return &Universe{} },
		"new": NewUniverse, "full": full,
	} {
		for _, x := range []uint64{0, math.MaxUint64} {
			calls = append(calls,
				hostileCall{"Universe.ID", name, func() (any, error) { return mk().ID(x) }},
				hostileCall{"Universe.Lookup", name, func() (any, error) { id, _ := mk().Lookup(x); return id, nil }})
		}
		for _, x := range hostileStrings {
			calls = append(calls,
				hostileCall{"Universe.IDString", name, func() (any, error) { return mk().IDString(x) }},
				hostileCall{"Universe.LookupString", name, func() (any, error) { id, _ := mk().LookupString(x); return id, nil }})
		}
		calls = append(calls,
			hostileCall{"Universe.Len", name, func() (any, error) { return mk().Len(), nil }},
			hostileCall{"Universe.SetOfStrings", name, func() (any, error) { return mk().SetOfStrings(hostileStrings...) }},
			hostileCall{"Universe.SetOfStrings", name + " none", func() (any, error) { return mk().SetOfStrings() }},
		)
	}
	return append(calls, hostileCall{"NewUniverse", "", func() (any, error) { return NewUniverse(), nil }})
}

// hostileBytes are sketch images: nil, empty, NUL, invalid UTF-8 text,
// random bytes, headers announcing 2^32−1 hashes, a dense compressed image
// of 2^16 hashes (8 KiB; tens of ns a hash, ten times more under -race), theta
// 2⁻⁶³, and the valid images of ours.
func hostileBytes() map[string][]byte {
	r := rand.New(rand.NewPCG(1, 8))
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(r.Uint32())
	}
	head := func(pre, ver, b3, b4, flags byte) []byte { return []byte{pre, ver, 3, b3, b4, flags, 0xcc, 0x93} }
	dense := append(head(1, 4, 1, 3, 0x1a), 0, 0, 0x01) // 2^16 hashes, 1-bit deltas
	dense = append(dense, bytes.Repeat([]byte{0xff}, 1<<13)...)
	theta1 := append(head(3, 3, 0, 0, 0x1a), 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0) // θ = 2⁻⁶³, no hash
	out := map[string][]byte{
		"nil": nil, "empty": {}, "8 NUL": make([]byte, 8), "invalid UTF-8": []byte("\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8"),
		"random 4 KiB":       random,
		"v3 count 2^32-1":    append(head(2, 3, 0, 0, 0x1a), 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0),
		"v4 count 2^32-1":    append(head(1, 4, 63, 4, 0x1a), 0xff, 0xff, 0xff, 0xff),
		"v4 dense 2^16":      dense,
		"theta 2^-63":        theta1,
		"v3 all 0xff":        bytes.Repeat([]byte{0xff}, 64),
		"v4 entry bits 0xff": head(1, 4, 0xff, 0xff, 0x1a),
	}
	for name, s := range hostileSketches() {
		if b, err := s.MarshalCompressed(); err == nil {
			out["ours "+name] = b
		}
	}
	return out
}

// hostileSketches: nil, zero, small, estimating at the smallest size, and
// the largest size holding hostile strings. Calls that only read share
// them; calls that mutate take a fresh copy (freshSketch).
func hostileSketches() map[string]*Sketch {
	small, _ := NewSketch(MinSketchLgK)
	small.Add(1, 2, 3)
	est, _ := NewSketch(MinSketchLgK)
	for i := range uint64(10_000) {
		est.Add(i)
	}
	wideK, _ := NewSketch(MaxSketchLgK)
	wideK.AddString(hostileStrings...)
	return map[string]*Sketch{"nil": nil, "zero": {}, "small": small, "estimating": est, "lgK 26": wideK}
}

// sketchCopies returns a function that makes a fresh copy of each of
// sketches in a few microseconds (decoding its image), so that a mutating
// call's time is its own.
func sketchCopies(sketches map[string]*Sketch) func(name string) *Sketch {
	imgs := map[string][]byte{}
	for name, s := range sketches {
		if s != nil {
			imgs[name], _ = s.MarshalBinary()
		}
	}
	return func(name string) *Sketch {
		src := sketches[name]
		if src == nil {
			return nil
		}
		s, _ := NewSketch(src.LgK())
		if name == "zero" {
			return &Sketch{}
		}
		_ = s.UnmarshalBinary(imgs[name])
		return s
	}
}

// sketchCalls covers sketch.go.
func sketchCalls() []hostileCall {
	var calls []hostileCall
	wide := hostileSets()["5000 wide"]
	for _, lgK := range hostileInts {
		calls = append(calls,
			hostileCall{"NewSketch", "lgK", func() (any, error) { return NewSketch(lgK) }},
			hostileCall{"SketchOf", "lgK, 5000 wide", func() (any, error) { return SketchOf(wide, lgK) }},
			hostileCall{"SketchOf", "lgK, nil", func() (any, error) { return SketchOf(nil, lgK) }})
	}
	images := hostileBytes()
	shared := hostileSketches()
	fresh := sketchCopies(shared)
	sets := hostileSets()
	for name, s := range shared {
		calls = append(calls,
			hostileCall{"Sketch.Add", name, func() (any, error) { x := fresh(name); x.Add(0, math.MaxUint64); return x.Estimate(), nil }},
			hostileCall{"Sketch.AddString", name, func() (any, error) { x := fresh(name); x.AddString(hostileStrings...); return x.Estimate(), nil }},
			hostileCall{"Sketch.Merge", name, func() (any, error) {
				x := fresh(name)
				x.Merge(nil, x, s, shared["estimating"], shared["lgK 26"])
				return x.Estimate(), nil
			}},
			hostileCall{"Sketch.Estimate", name, func() (any, error) { return s.Estimate(), nil }},
			hostileCall{"Sketch.IsExact", name, func() (any, error) { return s.IsExact(), nil }},
			hostileCall{"Sketch.LgK", name, func() (any, error) { return s.LgK(), nil }},
			hostileCall{"Sketch.MarshalBinary", name, func() (any, error) { return s.MarshalBinary() }},
			hostileCall{"Sketch.MarshalCompressed", name, func() (any, error) { return s.MarshalCompressed() }},
		)
		for in, img := range images {
			calls = append(calls, hostileCall{"Sketch.UnmarshalBinary", name + " ← " + in, func() (any, error) {
				x := fresh(name)
				if err := x.UnmarshalBinary(img); err != nil {
					return nil, err
				}
				return x.Estimate(), nil
			}})
		}
		for bn, b := range shared {
			arg := name + ", " + bn
			calls = append(calls,
				hostileCall{"OverlapSketches", arg, func() (any, error) { return OverlapSketches(s, b), nil }},
				hostileCall{"UniqueReachSketches", arg, func() (any, error) { return UniqueReachSketches(s, b, nil), nil }})
		}
		for sn, set := range sets {
			calls = append(calls, hostileCall{"OverlapSketchSet", name + ", " + sn, func() (any, error) { return OverlapSketchSet(s, set), nil }})
		}
	}
	calls = append(calls, hostileCall{"UniqueReachSketches", "none", func() (any, error) { return UniqueReachSketches(), nil }})
	all := slices.Collect(mapValues(shared))
	for _, w := range hostileInts {
		calls = append(calls, hostileCall{"SketchOverlapMatrix", "workers", func() (any, error) { return SketchOverlapMatrix(all, w), nil }})
	}
	return append(calls, matrixCalls()...)
}

func mapValues[K comparable, V any](m map[K]V) func(func(V) bool) {
	return func(yield func(V) bool) {
		for _, v := range m {
			if !yield(v) {
				return
			}
		}
	}
}

// matrixCalls: every accessor of a nil, an exact and a sketched Matrix at
// indexes inside and far outside.
func matrixCalls() []hostileCall {
	sets := slices.Collect(mapValues(hostileSets()))
	sketches := slices.Collect(mapValues(hostileSketches()))
	ms := map[string]*Matrix{
		"nil": nil, "zero": {}, "empty": OverlapMatrix(nil, 0),
		"exact": OverlapMatrix(sets, 0), "sketched": SketchOverlapMatrix(sketches, 0),
	}
	var calls []hostileCall
	for name, m := range ms {
		calls = append(calls, hostileCall{"Matrix.N", name, func() (any, error) { return m.N(), nil }})
		for _, i := range hostileInts {
			calls = append(calls, hostileCall{"Matrix.Size", name, func() (any, error) { v, _ := m.Size(i); return v, nil }})
			for _, j := range hostileInts {
				calls = append(calls,
					hostileCall{"Matrix.Pair", name, func() (any, error) { p, _ := m.Pair(i, j); return p, nil }},
					hostileCall{"Matrix.Shared", name, func() (any, error) { v, _ := m.Shared(i, j); return v, nil }})
			}
		}
	}
	return calls
}

// checkResult reports what is wrong with a result: a decimal beyond the
// module's limits, or a score outside [0, 1].
func checkResult(c hostileCall, res any) string {
	var ds []decimal.Decimal
	switch r := res.(type) {
	case decimal.Decimal:
		ds = append(ds, r)
	case Estimate:
		ds = append(ds, r.Value, r.Low, r.High)
	case Pair:
		ds = append(ds, r.Jaccard, r.OfSmaller, r.Low.Jaccard, r.High.Jaccard, r.Low.OfSmaller, r.High.OfSmaller)
	case FitReport:
		ds = append(ds, r.Score)
	}
	for _, d := range ds {
		if err := limit.Decimal("result", "", d); err != nil {
			return err.Error()
		}
	}
	if r, ok := res.(decimal.Decimal); ok && c.fn != "ExpectedFrequency" && c.fn != "Z95" && (r.Sign() < 0 || r.GreaterThan(decimal.NewFromInt(1))) {
		return "score " + r.String() + " outside [0, 1]"
	}
	return ""
}

func hostileCalls() []hostileCall {
	return slices.Concat(distributionCalls(), setCalls(), sketchCalls(), idCalls())
}

// TestHostileInputs runs the table: every call returns within the
// runner's bound with a result within the limits (a score within [0, 1])
// or an error wrapping a sentinel with a message of at most
// hostile.MaxMessage bytes, and never panics; go test -v prints the call
// count and the slowest calls.
func TestHostileInputs(t *testing.T) {
	var slow hostile.Slowest
	for _, c := range hostileCalls() {
		var res any
		r := runner.Check(t, &slow, c.fn+"("+c.arg+")", func() (err error) { res, err = c.call(); return err }, hostile.MaxMessage, sentinels...)
		if msg := checkResult(c, res); r.Err == nil && r.Panic == nil && msg != "" {
			t.Errorf("%s(%s): %s", c.fn, c.arg, msg)
		}
	}
	slow.Log(t)
}

// hostileSkip lists exported functions and methods left out of the table,
// each with the reason. None is: Z95 and NewUniverse take no value but
// are cheap to call, and every other one takes a user value.
var hostileSkip = map[string]string{}

// TestHostileCoversAPI lists the package's exported functions and methods
// (non-test files, hostile.Exported) and fails naming any that the hostile
// table does not call and hostileSkip does not excuse.
func TestHostileCoversAPI(t *testing.T) {
	hostile.CoversAPI(t, ".", false, hostile.Names(hostileCalls(), func(c hostileCall) string { return c.fn }), hostileSkip, 50)
}

// FuzzHostileDecimals feeds decimals of any exponent (±2^31 included) and
// coefficients of up to 2,000 digits to every decimal entry point: each
// returns within its range or an error wrapping a sentinel, and the error
// is ErrTooLarge exactly when the value is beyond MaxExponent or MaxDigits.
func FuzzHostileDecimals(f *testing.F) {
	f.Add(int64(1), int32(math.MaxInt32), uint16(0))
	f.Add(int64(1), int32(math.MinInt32), uint16(0))
	f.Add(int64(0), int32(math.MinInt32), uint16(0))
	f.Add(int64(-1), int32(1001), uint16(0))
	f.Add(int64(7), int32(-1000), uint16(999))
	f.Add(int64(7), int32(0), uint16(1000))
	f.Add(int64(math.MaxInt64), int32(60), uint16(0))
	f.Fuzz(func(t *testing.T, coef int64, exp int32, digits uint16) {
		c := big.NewInt(coef)
		if digits %= 2001; digits > 0 { // append digits nines: 10^digits·c + 10^digits − 1
			p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil)
			c.Mul(c, p).Add(c, p.Sub(p, big.NewInt(1)))
		}
		d := decimal.NewFromBigInt(c, exp)
		beyond := limit.Decimal("fuzz", "d", d) != nil
		one := decimal.NewFromInt(1)
		in := Distribution{"a": d, "b": one}
		good := Distribution{"a": one, "b": decimal.NewFromInt(3)}
		check := func(name string, err error) {
			if err == nil {
				return
			}
			if !slices.ContainsFunc(sentinels, func(s error) bool { return errors.Is(err, s) }) {
				t.Fatalf("%s: error wraps no sentinel: %v", name, err)
			}
			if errors.Is(err, ErrTooLarge) != beyond {
				t.Fatalf("%s(%s): ErrTooLarge is %v, value beyond the limits is %v: %v", name, d, !beyond, beyond, err)
			}
		}
		for _, m := range hostileMeasures {
			v, err := m.fn(good, in)
			check(m.name, err)
			if err == nil && (v.Sign() < 0 || v.GreaterThan(one)) {
				t.Fatalf("%s = %s, outside [0, 1]", m.name, v)
			}
		}
		_, err := UnknownShare(Distribution{"a": one, Unknown: d})
		check("UnknownShare", err)
		_, err = Affinity(good, in)
		check("Affinity", err)
		_, err = Fit(Demographics{"x": good}, Demographics{"x": good}, DimensionWeights{"x": d})
		check("Fit", err)
		_, err = OnTargetInterval(good, good, 100, d)
		check("OnTargetInterval", err)
	})
}
