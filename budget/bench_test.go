package budget

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"testing"

	"github.com/shopspring/decimal"
)

var benchSizes = []int{10, 1_000, 1_000_000}

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
func BenchmarkSplit(b *testing.B) {
	total := decimal.New(100_000_000, -2)
	for _, n := range benchSizes {
		ws := benchWeights(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				out, err := Split(total, ws, 2)
				if err != nil {
					b.Fatal(err)
				}
				sinkDec = out
			}
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
			for b.Loop() {
				out := make([]decimal.Decimal, n)
				for i := range out {
					out[i] = decimal.New(int64(i), -2)
				}
				sinkDec = out
			}
			runtime.KeepAlive(ws)
		})
	}
}

// BenchmarkSplitDistinct splits 10,000,000,000.00 over n weights: parts
// average 10⁶·10⁶/n minor units and are nearly all distinct, so no part can
// share its Decimal with another: the worst case against the baseline.
func BenchmarkSplitDistinct(b *testing.B) {
	total := decimal.New(1_000_000_000_000, -2)
	for _, n := range benchSizes {
		ws := benchWeights(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				out, err := Split(total, ws, 2)
				if err != nil {
					b.Fatal(err)
				}
				sinkDec = out
			}
		})
	}
}

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
		})
	}
}
