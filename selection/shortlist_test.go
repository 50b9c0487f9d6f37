package selection

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/influencekit/influencekit/audience"
	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

var ignoreStats = cmpopts.IgnoreFields(Pick{}, "Stats")

// rosetta is the 22-item instance of the Rosetta Code task "Knapsack
// problem/0-1" (https://rosettacode.org/wiki/Knapsack_problem/0-1):
// name, weight (dag), value. Capacity 400.
var rosetta = []struct {
	name          string
	weight, value int64
}{
	{"map", 9, 150}, {"compass", 13, 35}, {"water", 153, 200}, {"sandwich", 50, 160},
	{"glucose", 15, 60}, {"tin", 68, 45}, {"banana", 27, 60}, {"apple", 39, 40},
	{"cheese", 23, 30}, {"beer", 52, 10}, {"suntan cream", 11, 70}, {"camera", 32, 30},
	{"T-shirt", 24, 15}, {"trousers", 48, 10}, {"umbrella", 73, 40},
	{"waterproof trousers", 42, 70}, {"waterproof overclothes", 43, 75},
	{"note-case", 22, 80}, {"sunglasses", 7, 20}, {"towel", 18, 12},
	{"socks", 4, 50}, {"book", 30, 10},
}

func rosettaCands() []Candidate {
	var cands []Candidate
	for _, it := range rosetta {
		cands = append(cands, Candidate{ID: it.name, Fee: decimal.NewFromInt(it.weight), Value: decimal.NewFromInt(it.value)})
	}
	return cands
}

// TestRosettaKnapsack: the published optimum is value 1030 at weight 396.
// Its 12 items, checked by hand: weights 9+13+153+50+15+27+11+42+43+22+7+4
// = 396 and values 150+35+200+160+60+60+70+70+75+80+20+50 = 1030.
func TestRosettaKnapsack(t *testing.T) {
	want := Pick{
		IDs: []string{"map", "compass", "water", "sandwich", "glucose", "banana", "suntan cream",
			"waterproof trousers", "waterproof overclothes", "note-case", "sunglasses", "socks"},
		Cost: dec("396"), Value: dec("1030"), Optimal: true,
	}
	got, err := Shortlist(rosettaCands(), dec("400"), MaxValue)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got, ignoreStats); d != "" {
		t.Errorf("dp (-want +got):\n%s", d)
	}
	if got.Stats.Method != "dp" {
		t.Errorf("method = %q, want dp", got.Stats.Method)
	}
	// The same in cents and through branch and bound.
	cands := rosettaCands()
	for i := range cands {
		cands[i].Fee = cands[i].Fee.Div(decimal.NewFromInt(100))
	}
	p, err := compile("test", cands, dec("4.00"), MaxValue, Constraints{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := knapsackBB(p)
	if err != nil {
		t.Fatal(err)
	}
	want.Cost = dec("3.96")
	if d := cmp.Diff(want, p.pick(cands, MaxValue, res), ignoreStats); d != "" {
		t.Errorf("branch and bound (-want +got):\n%s", d)
	}
}

// TestGreedyCounterExample: value/fee greedy takes A (7/6 ≈ 1.17 per unit)
// and then nothing fits in the 4 left, for 7; B+C (1.0 per unit each) give
// 10 for the whole budget.
func TestGreedyCounterExample(t *testing.T) {
	cands := []Candidate{
		{ID: "A", Fee: dec("6"), Value: dec("7")},
		{ID: "B", Fee: dec("5"), Value: dec("5")},
		{ID: "C", Fee: dec("5"), Value: dec("5")},
	}
	want := Pick{IDs: []string{"B", "C"}, Cost: dec("10"), Value: dec("10"), Optimal: true}
	got, err := Shortlist(cands, dec("10"), MaxValue)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, got, ignoreStats); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	// The greedy pick really is worse.
	var greedy []string
	left := int64(10)
	for _, c := range cands { // already in value/fee order
		if f := c.Fee.IntPart(); f <= left {
			greedy = append(greedy, c.ID)
			left -= f
		}
	}
	if d := cmp.Diff([]string{"A"}, greedy); d != "" {
		t.Errorf("greedy (-want +got):\n%s", d)
	}
}

// bruteValue returns the best (value, −cost) over every subset meeting the
// budget and the constraints, by plain enumeration.
func bruteValue(cands []Candidate, budget decimal.Decimal, c Constraints, reach bool) (decimal.Decimal, decimal.Decimal, bool) {
	n := len(cands)
	var bestV, bestC decimal.Decimal
	found := false
	for mask := 0; mask < 1<<n; mask++ {
		var cost, val decimal.Decimal
		var sets []*audience.Set
		var ids []string
		for i := range n {
			if mask&(1<<i) != 0 {
				cost = cost.Add(cands[i].Fee)
				val = val.Add(cands[i].Value)
				sets = append(sets, cands[i].Followers)
				ids = append(ids, cands[i].ID)
			}
		}
		if cost.GreaterThan(budget) || !satisfies(ids, cands, budget, c) {
			continue
		}
		if reach {
			val = decimal.NewFromInt(audience.UniqueReach(sets...))
		}
		if !found || val.GreaterThan(bestV) || (val.Equal(bestV) && cost.LessThan(bestC)) {
			bestV, bestC, found = val, cost, true
		}
	}
	return bestV, bestC, found
}

// satisfies checks a pick against the constraints, written independently of
// compile.
func satisfies(ids []string, cands []Candidate, budget decimal.Decimal, c Constraints) bool {
	for _, id := range c.Include {
		if !slices.Contains(ids, id) {
			return false
		}
	}
	for _, id := range c.Exclude {
		if slices.Contains(ids, id) {
			return false
		}
	}
	if len(ids) < c.MinCreators {
		return false
	}
	count := map[string]int{}
	for _, id := range ids {
		if t, ok := c.Group[id]; ok {
			count[t]++
		}
		if c.MaxShare.Sign() > 0 {
			for _, cd := range cands {
				if cd.ID == id && cd.Fee.GreaterThan(c.MaxShare.Mul(budget)) {
					return false
				}
			}
		}
	}
	for t, n := range c.AtMostPerGroup {
		if count[t] > n {
			return false
		}
	}
	for t, n := range c.AtLeastPerGroup {
		if count[t] < n {
			return false
		}
	}
	return true
}

// randomInstance builds n candidates with small integer fees and values and
// follower sets drawn from a universe of 60 IDs, and random constraints when
// constrained is true.
func randomInstance(r *rand.Rand, n int, constrained bool) ([]Candidate, decimal.Decimal, Constraints) {
	cands := make([]Candidate, n)
	var total int64
	tiers := []string{"nano", "micro", "macro"}
	var c Constraints
	if constrained {
		c.Group = map[string]string{}
	}
	for i := range cands {
		fee := r.Int64N(20)
		total += fee
		var ids []uint64
		for range r.IntN(25) {
			ids = append(ids, uint64(r.IntN(60)))
		}
		cands[i] = Candidate{
			ID:        "c" + strconv.Itoa(i),
			Fee:       decimal.New(fee, -int32(r.IntN(3))),
			Value:     decimal.New(r.Int64N(30), -int32(r.IntN(2))),
			Followers: audience.NewSet(ids...),
		}
		if constrained && r.IntN(4) != 0 {
			c.Group[cands[i].ID] = tiers[r.IntN(3)]
		}
	}
	budget := decimal.NewFromInt(r.Int64N(total/2 + 2))
	if constrained {
		pick := func() string { return cands[r.IntN(n)].ID }
		if r.IntN(3) == 0 {
			c.Include = []string{pick()}
		}
		if r.IntN(3) == 0 {
			if id := pick(); !slices.Contains(c.Include, id) {
				c.Exclude = []string{id}
			}
		}
		c.AtMostPerGroup = map[string]int{tiers[r.IntN(3)]: r.IntN(3)}
		if r.IntN(2) == 0 {
			t := tiers[r.IntN(3)]
			if m, ok := c.AtMostPerGroup[t]; !ok || m >= 1 {
				c.AtLeastPerGroup = map[string]int{t: 1}
			}
		}
		c.MinCreators = r.IntN(4)
		if r.IntN(3) == 0 {
			c.MaxShare = dec("0.5")
		}
	}
	return cands, budget, c
}

func checkAgainstBrute(t *testing.T, cands []Candidate, budget decimal.Decimal, goal Goal, c Constraints) {
	t.Helper()
	wantV, wantC, ok := bruteValue(cands, budget, c, goal == MaxUniqueReach)
	got, err := ShortlistWith(cands, budget, goal, c)
	if !ok {
		if !errors.Is(err, ErrInfeasible) {
			t.Fatalf("infeasible instance: got %+v, %v; want ErrInfeasible", got, err)
		}
		return
	}
	if err != nil {
		t.Fatalf("err = %v, want value %s", err, wantV)
	}
	if !got.Value.Equal(wantV) || !got.Cost.Equal(wantC) || !got.Optimal {
		t.Fatalf("got value %s cost %s optimal %v (%s), want %s at %s", got.Value, got.Cost, got.Optimal, got.Stats.Method, wantV, wantC)
	}
	// The reported pick is what it says.
	var ids []string
	var cost decimal.Decimal
	for _, cd := range cands {
		if slices.Contains(got.IDs, cd.ID) {
			ids = append(ids, cd.ID)
			cost = cost.Add(cd.Fee)
		}
	}
	if d := cmp.Diff(ids, got.IDs, cmpopts.EquateEmpty()); d != "" || !cost.Equal(got.Cost) || !satisfies(ids, cands, budget, c) {
		t.Fatalf("pick %v (cost %s) inconsistent or breaks %+v", got.IDs, got.Cost, c)
	}
}

func TestShortlistAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, goal := range []Goal{MaxValue, MaxUniqueReach} {
		for _, constrained := range []bool{false, true} {
			t.Run(fmt.Sprintf("%v/constrained=%v", goal, constrained), func(t *testing.T) {
				for range 300 {
					cands, budget, c := randomInstance(r, 1+r.IntN(10), constrained)
					checkAgainstBrute(t, cands, budget, goal, c)
				}
			})
		}
	}
}

// TestBranchAndBoundAgainstBruteForce runs the branch and bound (which the
// dynamic programme would otherwise answer) on the unconstrained instances.
func TestBranchAndBoundAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		cands, budget, c := randomInstance(r, 1+r.IntN(12), false)
		wantV, wantC, _ := bruteValue(cands, budget, c, false)
		p, err := compile("test", cands, budget, MaxValue, c)
		if err != nil {
			t.Fatal(err)
		}
		res, err := knapsackBB(p)
		if err != nil {
			t.Fatal(err)
		}
		got := p.pick(cands, MaxValue, res)
		if !got.Value.Equal(wantV) || !got.Cost.Equal(wantC) || !got.Optimal {
			t.Fatalf("got %s at %s, want %s at %s", got.Value, got.Cost, wantV, wantC)
		}
	}
}
