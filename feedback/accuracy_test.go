package feedback

import (
	"math/rand/v2"
	"testing"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/race"
	"github.com/shopspring/decimal"
)

// The coverage simulations: each draws 2,000 seeded samples from a known
// truth, computes the 95 % interval the package reports and counts how
// often it covers the truth; the share must be within 93–97 %. CI runs them
// without -race (go test -run Accuracy); they skip themselves under -race.

const trials = 2000

func checkCoverage(t *testing.T, name string, covered int) {
	t.Helper()
	share := float64(covered) / trials
	t.Logf("%s: %d of %d intervals cover the truth (%.1f %%)", name, covered, trials, 100*share)
	if share < 0.93 || share > 0.97 {
		t.Errorf("%s: coverage %.3f outside [0.93, 0.97]", name, share)
	}
}

func inside(x decimal.Decimal, iv Interval) bool {
	return iv.Low.LessThanOrEqual(x) && x.LessThanOrEqual(iv.High)
}

// draw returns a value 0…len(p)−1 with probabilities p.
func draw(r *rand.Rand, p []float64) int {
	u := r.Float64()
	for i, q := range p {
		if u < q {
			return i
		}
		u -= q
	}
	return len(p) - 1
}

func TestAccuracyScores(t *testing.T) {
	if race.Enabled {
		t.Skip("statistical test: skipped under -race (CI runs it without)")
	}
	r := rand.New(rand.NewPCG(14, 1))
	// NPS: 45 % promoters (10), 35 % passives (8), 20 % detractors (3), 200
	// answers: the true score is 0.25.
	npsP := []float64{0.45, 0.35, 0.20}
	npsV := []int{10, 8, 3}
	sample := func(n int) []int {
		s := make([]int, n)
		for i := range s {
			s[i] = npsV[draw(r, npsP)]
		}
		return s
	}
	covered, coveredDiff := 0, 0
	for range trials {
		a, _ := NPS(sample(200), c95)
		b, _ := NPS(sample(150), c95)
		if inside(d("0.25"), a.Interval) {
			covered++
		}
		df, _ := NPSDiff(a, b, c95)
		if inside(decimal.Zero, df.Interval) { // same truth: the difference is 0
			coveredDiff++
		}
	}
	checkCoverage(t, "NPS", covered)
	checkCoverage(t, "NPSDiff", coveredDiff)

	// Likert 1–5 with probabilities 0.05, 0.10, 0.25, 0.35, 0.25 and 40
	// answers: true mean 0.05 + 0.2 + 0.75 + 1.4 + 1.25 = 3.65, true top-2
	// box 0.6.
	lp := []float64{0.05, 0.10, 0.25, 0.35, 0.25}
	coveredMean, coveredTop := 0, 0
	for range trials {
		s := make([]int, 40)
		for i := range s {
			s[i] = 1 + draw(r, lp)
		}
		l, _ := Likert(s, 1, 5, c95)
		if inside(d("3.65"), l.MeanInterval) {
			coveredMean++
		}
		if inside(d("0.6"), l.TopInterval) {
			coveredTop++
		}
	}
	checkCoverage(t, "Likert mean (t)", coveredMean)
	checkCoverage(t, "top-2 box (Wilson)", coveredTop)
}

func binomial(r *rand.Rand, n int64, p float64) int64 {
	var k int64
	for range n {
		if r.Float64() < p {
			k++
		}
	}
	return k
}

func TestAccuracyBrandLift(t *testing.T) {
	if race.Enabled {
		t.Skip("statistical test: skipped under -race (CI runs it without)")
	}
	r := rand.New(rand.NewPCG(14, 2))
	// Exposed 0.30, control 0.24, 400 each: true absolute lift 0.06,
	// relative 0.25.
	covAbs, covRel := 0, 0
	for range trials {
		e, c := binomial(r, 400, 0.30), binomial(r, 400, 0.24)
		l, err := BrandLift(Arm{400, e}, Arm{400, c}, c95)
		if err != nil {
			t.Fatal(err)
		}
		if inside(d("0.06"), l.AbsoluteInterval) {
			covAbs++
		}
		if inside(d("0.25"), l.RelativeInterval) {
			covRel++
		}
	}
	checkCoverage(t, "absolute lift (Newcombe)", covAbs)
	checkCoverage(t, "relative lift (Katz)", covRel)
}

// TestAccuracyPower runs the planned test: with SampleSize's groups for
// power 0.8, the pooled z test (BrandLift's p-value) must reject "no lift"
// at α = 0.05 in 0.8 ± 0.03 of the trials, and at no lift in about α of
// them (0.05 ± 0.015).
func TestAccuracyPower(t *testing.T) {
	if race.Enabled {
		t.Skip("statistical test: skipped under -race (CI runs it without)")
	}
	r := rand.New(rand.NewPCG(14, 3))
	s, err := SampleSize(d("0.2"), d("0.05"), d("0.8"), Design{})
	if err != nil {
		t.Fatal(err)
	}
	alpha := d("0.05")
	rejected, rejectedNull := 0, 0
	for range trials {
		l, _ := BrandLift(Arm{s.Exposed, binomial(r, s.Exposed, 0.25)}, Arm{s.Control, binomial(r, s.Control, 0.2)}, c95)
		if l.PValue.LessThan(alpha) {
			rejected++
		}
		l, _ = BrandLift(Arm{s.Exposed, binomial(r, s.Exposed, 0.2)}, Arm{s.Control, binomial(r, s.Control, 0.2)}, c95)
		if l.PValue.LessThan(alpha) {
			rejectedNull++
		}
	}
	pw, size := float64(rejected)/trials, float64(rejectedNull)/trials
	t.Logf("n = %d per group: power %.3f (planned 0.8), size %.3f (α 0.05)", s.Exposed, pw, size)
	if pw < 0.77 || pw > 0.83 || size < 0.035 || size > 0.065 {
		t.Errorf("power %.3f, size %.3f", pw, size)
	}
}

// TestAccuracyExtrapolation draws a shop of 2,000 orders of which 300 are
// survey-only (15 %), lets a random 400 of them answer, and checks that
// Credit's extrapolated interval covers the true 300.
func TestAccuracyExtrapolation(t *testing.T) {
	if race.Enabled {
		t.Skip("statistical test: skipped under -race (CI runs it without)")
	}
	r := rand.New(rand.NewPCG(14, 4))
	eur := budget.MustParseCurrency("EUR")
	const total, missed, answering = 2000, 300, 400
	orders := make([]CreditedOrder, total)
	for i := range orders {
		orders[i] = CreditedOrder{ID: "o" + decimal.NewFromInt(int64(i)).String(), Amount: decimal.NewFromInt(10), Currency: eur}
	}
	covered := 0
	answers := make([]Answer, answering)
	for range trials {
		perm := r.Perm(total)
		for j := range answers {
			i := perm[j]
			m := Match{Bucket: BucketUnmatched, Text: "?"}
			if i < missed { // orders 0…299 are the ones codes missed
				m = Match{Bucket: BucketCreator, Name: "anna"}
			}
			answers[j] = Answer{OrderID: orders[i].ID, Match: m}
		}
		c, err := Credit(orders, answers, c95)
		if err != nil {
			t.Fatal(err)
		}
		if inside(decimal.NewFromInt(missed), c.Missed.OrdersInterval) {
			covered++
		}
	}
	checkCoverage(t, "survey-only orders extrapolated", covered)
}
