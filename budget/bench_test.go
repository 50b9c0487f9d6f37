package budget

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/shopspring/decimal"
)

var benchSizes = []int{10, 1_000, 1_000_000}

// cpuMeter reports "cpu-ns/op": the process's CPU time (user + system, the
// garbage collector's workers included) per iteration. On a machine shared
// with other work it is steadier than wall time, which counts waiting too.
// Call stop after the loop.
func cpuMeter(b *testing.B) (stop func()) {
	start := processCPU()
	return func() {
		if end := processCPU(); start >= 0 && end >= 0 && b.N > 0 {
			b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

func benchWeights(n int) []decimal.Decimal {
	r := rand.New(rand.NewPCG(1, 2))
	ws := make([]decimal.Decimal, n)
	for i := range ws {
		ws[i] = decimal.New(int64(1+r.IntN(10_000)), -2) // 0.01 … 100.00
	}
	return ws
}

var sinkDec []decimal.Decimal
var sinkF []float64

// BenchmarkSplit splits 1,000,000.00 at 2 places over n weights.
// Target: at 10⁶, at most 1.5× BenchmarkSplitBaselineBuild.
func BenchmarkSplit(b *testing.B) { benchSplit(b, decimal.New(100_000_000, -2)) }

// benchSplit splits total at 2 places over n weights, for each size.
func benchSplit(b *testing.B, total decimal.Decimal) {
	for _, n := range benchSizes {
		ws := benchWeights(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			stop := cpuMeter(b)
			for b.Loop() {
				out, err := Split(total, ws, 2)
				if err != nil {
					b.Fatal(err)
				}
				sinkDec = out
			}
			stop()
		})
	}
}

// BenchmarkSplitBaselineBuild is the floor: building n result decimals
// (decimal.New allocates for every value) and nothing else.
//
// The n weights are kept alive, as they are in BenchmarkSplit, so that the
// garbage collector scans the same live heap in both.
func BenchmarkSplitBaselineBuild(b *testing.B) {
	for _, n := range benchSizes {
		ws := benchWeights(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			stop := cpuMeter(b)
			for b.Loop() {
				out := make([]decimal.Decimal, n)
				for i := range out {
					out[i] = decimal.New(int64(i), -2)
				}
				sinkDec = out
			}
			stop()
			runtime.KeepAlive(ws)
		})
	}
}

// BenchmarkSplitDistinct splits 10,000,000,000.00 over n weights: parts
// average 10⁶·10⁶/n minor units and are nearly all distinct, so no part can
// share its Decimal with another: the worst case against the baseline.
func BenchmarkSplitDistinct(b *testing.B) { benchSplit(b, decimal.New(1_000_000_000_000, -2)) }

// BenchmarkSplitBaselineFloat is a float64 proportional split for reference:
// total·wᵢ/W per part, not exact, parts need not sum to the total.
func BenchmarkSplitBaselineFloat(b *testing.B) {
	for _, n := range benchSizes {
		ws := make([]float64, n)
		for i, w := range benchWeights(n) {
			ws[i] = w.InexactFloat64()
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			stop := cpuMeter(b)
			for b.Loop() {
				sum := 0.0
				for _, w := range ws {
					sum += w
				}
				out := make([]float64, n)
				for i, w := range ws {
					out[i] = math.Round(1_000_000*w/sum*100) / 100
				}
				sinkF = out
			}
			stop()
		})
	}
}

var sinkAlloc Allocation

func benchChannels(n int, hill bool) []Channel {
	r := rand.New(rand.NewPCG(3, uint64(n)))
	chans := make([]Channel, n)
	for i := range chans {
		var c Curve = MichaelisMenten{Beta: 100 + 1000*r.Float64(), Kappa: 10 + 1000*r.Float64()}
		if hill {
			c = Hill{Beta: 100 + 1000*r.Float64(), EC: 10 + 1000*r.Float64(), Slope: 0.4 + 0.6*r.Float64()}
		}
		chans[i] = Channel{Curve: c}
		if i%10 == 0 {
			chans[i].Max = decimal.NewFromInt(50) // some bounds bind
		}
		if i%10 == 1 {
			chans[i].Min = decimal.NewFromInt(700)
		}
	}
	return chans
}

// BenchmarkAllocate allocates 500.00 per channel over n concave channels
// (water-filling). Target: n × 10 costs at most 15× more.
func BenchmarkAllocate(b *testing.B) {
	opt := AllocateOptions{Currency: MustParseCurrency("EUR")}
	for _, kind := range []string{"MichaelisMenten", "Hill"} {
		for _, n := range []int{10, 100, 1_000, 10_000} {
			chans := benchChannels(n, kind == "Hill")
			total := decimal.NewFromInt(500 * int64(n))
			b.Run(fmt.Sprintf("%s/%d", kind, n), func(b *testing.B) {
				b.ReportAllocs()
				stop := cpuMeter(b)
				for b.Loop() {
					a, err := Allocate(total, chans, opt)
					if err != nil {
						b.Fatal(err)
					}
					sinkAlloc = a
				}
				stop()
			})
		}
	}
}

// BenchmarkAllocateGridDP allocates over n S-shaped channels with the
// default grid (O(n·G²)).
func BenchmarkAllocateGridDP(b *testing.B) {
	opt := AllocateOptions{Currency: MustParseCurrency("EUR")}
	for _, n := range []int{10, 100} {
		r := rand.New(rand.NewPCG(9, uint64(n)))
		chans := make([]Channel, n)
		for i := range chans {
			chans[i] = Channel{Curve: Hill{Beta: 100 + 1000*r.Float64(), EC: 10 + 1000*r.Float64(), Slope: 1.5 + 2*r.Float64()}}
		}
		total := decimal.NewFromInt(500 * int64(n))
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			stop := cpuMeter(b)
			for b.Loop() {
				a, err := Allocate(total, chans, opt)
				if err != nil {
					b.Fatal(err)
				}
				sinkAlloc = a
			}
			stop()
		})
	}
}

// BenchmarkAllocateGridDPMax solves the largest grids MaxGridWork allows:
// 2 channels × 14,141 steps and 20 × 4,471 (n·(G+1)² just under 4·10⁸),
// on ordinary S-curves and on extreme parameters (subnormal responses,
// slopes of 300). Target: under 1 s each (cpu-ns/op < 10⁹).
func BenchmarkAllocateGridDPMax(b *testing.B) {
	cases := []struct {
		name  string
		n     int
		steps int
		curve Curve
	}{
		{"2x14141", 2, 14_141, Hill{Beta: 100, EC: 10, Slope: 3}},
		{"20x4471", 20, 4_471, Hill{Beta: 100, EC: 10, Slope: 3}},
		{"2x14141/subnormal", 2, 14_141, Hill{Beta: 1e-310, EC: 10, Slope: 3}},
		{"2x14141/steep", 2, 14_141, Hill{Beta: 1e300, EC: 1e-300, Slope: 300}},
		{"2x14141/logistic", 2, 14_141, Logistic{Max: 1e308, Steepness: 1e-300, Mid: 1e300}},
	}
	for _, c := range cases {
		chans := make([]Channel, c.n)
		for i := range chans {
			chans[i] = Channel{Curve: c.curve}
		}
		opt := AllocateOptions{Currency: MustParseCurrency("EUR"), Method: GridDP, GridSteps: c.steps}
		total := decimal.NewFromInt(1_000_000)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			stop := cpuMeter(b)
			for b.Loop() {
				a, err := Allocate(total, chans, opt)
				if err != nil {
					b.Fatal(err)
				}
				sinkAlloc = a
			}
			stop()
		})
	}
}

// BenchmarkAllocateTargetGridDPMax is AllocateTarget's worst grid case:
// AverageReturn over S-curves without Max and no Limit, which solves up to
// 15 grids (the search for an upper end gallops over doublings of a cap up
// to 2^52 units while the average stays above Value: Beta 10^12 keeps it
// there a long way), with the default grid MaxGridWork leaves it
// (n·(G+1)²·15 ≤ 4·10⁸). Target: under 1 s.
func BenchmarkAllocateTargetGridDPMax(b *testing.B) {
	for _, n := range []int{2, 10} {
		chans := make([]Channel, n)
		for i := range chans {
			chans[i] = Channel{Curve: Hill{Beta: 1e12, EC: 10, Slope: 3}}
		}
		opt := AllocateOptions{Currency: MustParseCurrency("EUR"), Method: GridDP}
		t := ReturnTarget{Kind: AverageReturn, Value: decimal.NewFromInt(1)}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			stop := cpuMeter(b)
			for b.Loop() {
				a, err := AllocateTarget(chans, t, opt)
				if err != nil && !errors.Is(err, ErrInfeasible) {
					b.Fatal(err)
				}
				sinkAlloc = a
			}
			stop()
		})
	}
}

// BenchmarkSplitEven splits 1,000,000.00 into MaxParts parts.
func BenchmarkSplitEven(b *testing.B) {
	total := decimal.New(100_000_001, -2)
	b.ReportAllocs()
	stop := cpuMeter(b)
	for b.Loop() {
		out, err := SplitEven(total, MaxParts, 2)
		if err != nil {
			b.Fatal(err)
		}
		sinkDec = out
	}
	stop()
}
