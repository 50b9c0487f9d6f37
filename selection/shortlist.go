package selection

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"

	"github.com/influencekit/influencekit/audience"
	"github.com/shopspring/decimal"
)

// Goal says what Shortlist maximises.
type Goal int

const (
	// MaxValue maximises Σ Candidate.Value of the picked candidates
	// (0/1 knapsack).
	MaxValue Goal = iota
	// MaxUniqueReach maximises |⋃ Followers| of the picked candidates:
	// a follower shared by several picked creators counts once (budgeted
	// maximum coverage).
	MaxUniqueReach
)

var goalNames = [...]string{"max-value", "max-unique-reach"}

// String returns "max-value" or "max-unique-reach".
func (g Goal) String() string {
	if g >= 0 && int(g) < len(goalNames) {
		return goalNames[g]
	}
	return "Goal(" + strconv.Itoa(int(g)) + ")"
}

// MarshalText implements encoding.TextMarshaler.
func (g Goal) MarshalText() ([]byte, error) {
	if g < 0 || int(g) >= len(goalNames) {
		return nil, errorf(ErrInvalid, "Goal.MarshalText", "goal", "unknown goal", int(g))
	}
	return []byte(goalNames[g]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it accepts the names
// that String returns.
func (g *Goal) UnmarshalText(b []byte) error {
	for i, n := range goalNames {
		if string(b) == n {
			*g = Goal(i)
			return nil
		}
	}
	return errorf(ErrInvalid, "Goal.UnmarshalText", "goal", "unknown goal", strconv.Quote(string(b)))
}

// Pick is the result of Shortlist.
type Pick struct {
	// IDs of the picked candidates, in input order.
	IDs []string `json:"ids"`
	// Cost is Σ Fee of the picked candidates, exact.
	Cost decimal.Decimal `json:"cost"`
	// Value is Σ Value of the picked candidates (MaxValue), or the number
	// of distinct followers they reach (MaxUniqueReach), exact.
	Value decimal.Decimal `json:"value"`
	// Optimal is true when the pick is proven optimal; false when it comes
	// from an approximation (see Shortlist for the guarantees).
	Optimal bool `json:"optimal"`
	// Stats describes the work the search did.
	Stats Stats `json:"stats"`
}

// Stats describes how Shortlist found its pick. Every count is
// deterministic: the same input gives the same counts.
type Stats struct {
	// Method names the algorithm that produced the pick: "dp" (dynamic
	// programming over fees in minor units), "branch-and-bound",
	// "enumeration" (every subset, MaxUniqueReach with ≤ 20 candidates) or
	// "greedy" (lazy greedy with partial enumeration).
	Method string `json:"method"`
	// Nodes is the number of branch-and-bound nodes or enumerated subsets.
	Nodes int64 `json:"nodes"`
	// GainEvaluations is the number of marginal-gain evaluations
	// |followers \ covered| made by the greedy search (MaxUniqueReach).
	GainEvaluations int64 `json:"gain_evaluations"`
	// SeedSize is the largest seed size for which the greedy search
	// enumerated every seed (0: plain lazy greedy and best single candidate
	// only; 3: the (1 − 1/e) guarantee holds).
	SeedSize int `json:"seed_size"`
	// Truncated is true when the search stopped at Constraints.MaxWork.
	Truncated bool `json:"truncated"`
}

// Candidate is a creator who can be booked, as Shortlist takes them.
// Ranking.Candidates builds them from ranked profiles.
type Candidate struct {
	// ID identifies the candidate; it must be non-empty and unique.
	ID string
	// Fee is the booking fee, ≥ 0, in one currency for all candidates
	// and the budget.
	Fee   decimal.Decimal
	Value decimal.Decimal // what booking them is worth, for MaxValue
	// Followers is the set of the creator's follower IDs, for
	// MaxUniqueReach: shared followers count once. Unused by MaxValue.
	Followers *audience.Set
}

// Default work limits, used when Constraints.MaxWork is zero. They are
// counts, not durations, so results never depend on the machine's speed;
// each takes a fraction of a second on a 2020s laptop core.
const (
	// DefaultMaxWork bounds the branch and bound of MaxValue: nodes
	// visited.
	DefaultMaxWork = 2_000_000
	// DefaultReachWork bounds the partial enumeration of MaxUniqueReach
	// (and the exhaustive search over ≤ 20 sketches): thousands of work
	// units, one per follower ID touched (a marginal-gain evaluation of a
	// creator touches their followers, plus one unit; adding a creator to
	// the cover touches the cover and their followers) and one per
	// candidate scanned (each greedy run scans them all once).
	DefaultReachWork = 200_000
)

// dpMaxCells bounds the table of the dynamic programme for MaxValue:
// candidates × (budget / gcd of fees + 1) cells, one bit each for the
// reconstruction (2²⁶ bits = 8 MiB).
const dpMaxCells = 1 << 26

// Constraints restrict Shortlist. The zero value restricts nothing.
type Constraints struct {
	// Include lists IDs that must be picked.
	Include []string
	// Exclude lists IDs that must not be picked.
	Exclude []string
	// Tier maps a candidate ID to its tier name ("nano", "micro", …), for
	// AtMostPerTier and AtLeastPerTier. Candidates not in the map, or
	// whose tier neither map names, count towards no tier limit.
	Tier map[string]string
	// AtMostPerTier maps a tier name to the largest number of picked
	// candidates of that tier. A tier absent from the map is unlimited;
	// 0 forbids the tier.
	AtMostPerTier map[string]int
	// AtLeastPerTier maps a tier name to the smallest number of picked
	// candidates of that tier.
	AtLeastPerTier map[string]int
	// MinCreators is the smallest number of picked candidates (default 0).
	MinCreators int
	// MaxShare is the largest share of the budget one creator's fee may
	// take, as a fraction in (0, 1]: a candidate with Fee > MaxShare ×
	// budget is not picked. Zero (the default) means no limit.
	MaxShare decimal.Decimal
	// MaxWork bounds the search: branch-and-bound nodes for MaxValue
	// (DefaultMaxWork when zero), thousands of work units (see
	// DefaultReachWork) for MaxUniqueReach (DefaultReachWork when zero).
	// When it is reached the best pick found so far is returned with
	// Optimal false (MaxValue) or with a smaller Stats.SeedSize
	// (MaxUniqueReach). The first greedy run and the best single candidate
	// of MaxUniqueReach always complete.
	MaxWork int64
}

// Shortlist picks the candidates whose fees fit the budget and whose value
// (MaxValue) or unique reach (MaxUniqueReach) is greatest. It is
// ShortlistWith without constraints; see ShortlistWith for the algorithms
// and their guarantees.
func Shortlist(cands []Candidate, budget decimal.Decimal, goal Goal) (Pick, error) {
	return shortlist("Shortlist", cands, budget, goal, Constraints{})
}

// ShortlistWith picks, among cands, the candidates whose fees sum to at most
// budget, that satisfy c, and whose value (MaxValue) or unique reach
// (MaxUniqueReach) is greatest; among equally good picks it prefers the
// cheaper one. Fees, values and the budget are handled exactly, as integers
// in their finest decimal place (minor units for fees).
//
// MaxValue (0/1 knapsack). Without tier or count constraints and when
// candidates × (budget / g + 1) ≤ 2²⁶, where g is the greatest common
// divisor of the fees in minor units, a dynamic programme over the budget
// solves it exactly (Stats.Method "dp"), unless there are so few candidates
// that exhaustive branch and bound is cheaper. Otherwise a depth-first branch and
// bound over candidates in decreasing value/fee order, pruned by the
// fractional (Dantzig) bound, solves it exactly unless it visits more than
// MaxWork nodes; it then returns the best pick found (Optimal false). That
// search starts from the better of the value/fee greedy pick and the best
// single candidate, which is at least half the optimum when no tier or
// count constraint applies (Ext-Greedy; Kellerer, Pferschy & Pisinger,
// Knapsack Problems, Springer 2004, §2.5).
//
// MaxUniqueReach (budgeted maximum coverage). With at most 20 candidates
// left after Include, Exclude and MaxShare, every subset is evaluated
// exactly (Optimal true). Beyond that the pick is the best of (a) the best
// single affordable candidate, (b) greedy by marginal gain per unit of fee,
// evaluated lazily (CELF: Leskovec et al., "Cost-effective Outbreak
// Detection in Networks", KDD 2007), and (c) greedy completions of every
// seed of 1, 2 and then 3 candidates, as far as MaxWork allows. Without tier or count constraints, (a)+(b) reach at least
// ½(1 − 1/e) ≈ 0.316 of the optimum, and enumerating every seed of size 3
// (Stats.SeedSize 3) reaches at least 1 − 1/e ≈ 0.632 (Khuller, Moss &
// Naor, "The budgeted maximum coverage problem", Information Processing
// Letters 70(1), 1999). Seeds of the next size are enumerated only when
// their number times the cost of the first greedy run fits MaxWork, so
// (c) runs for small inputs (a few dozen candidates) and is skipped for
// large ones. Follower sets whose IDs are below 2³² and not too sparse
// are covered with a flat bitset (a gain evaluation walks the creator's
// followers once); others through audience.Set operations. Tier and count
// constraints are met by reserving budget for the cheapest candidates
// still needed; they carry no stated guarantee.
//
// Errors: a negative fee, value or budget, an empty or repeated ID, an
// unknown goal or contradicting constraints give ErrInvalid; a constraint
// naming an unknown ID gives ErrUnknownID; a MaxUniqueReach candidate
// without Followers gives ErrNoFollowers; ErrInfeasible when no pick can
// satisfy the constraints; ErrSearchLimit when the work limit stopped the
// search before any feasible pick was found.
func ShortlistWith(cands []Candidate, budget decimal.Decimal, goal Goal, c Constraints) (Pick, error) {
	return shortlist("ShortlistWith", cands, budget, goal, c)
}

func shortlist(fn string, cands []Candidate, budget decimal.Decimal, goal Goal, c Constraints) (Pick, error) {
	if goal != MaxValue && goal != MaxUniqueReach {
		return Pick{}, errorf(ErrInvalid, fn, "goal", "unknown goal", int(goal))
	}
	p, err := compile(fn, cands, budget, goal, c)
	if err != nil {
		return Pick{}, err
	}
	var res result
	switch goal {
	case MaxValue:
		res, err = solveValue(p)
	default:
		fam, ferr := newSetFamily(fn, cands)
		if ferr != nil {
			return Pick{}, ferr
		}
		res, err = solveReach(p, fam)
	}
	if err != nil {
		return Pick{}, fmt.Errorf("selection: %s: %w", fn, err)
	}
	return p.pick(cands, goal, res), nil
}

// result is a solver's answer: item positions in the problem (free items),
// the objective in solver units, and how it was found.
type result struct {
	chosen  []int
	reach   int64
	optimal bool
	stats   Stats
	// plainEvals is, for the greedy search, the number of evaluations
	// plain greedy would make for the first run's picks (a test hook).
	plainEvals int64
}

// problem is the integer form of a shortlist: the free items (candidates
// neither forced nor excluded), fees in minor units, values scaled to
// integers, tiers as small integers and the constraints that remain once the
// forced candidates are taken.
type problem struct {
	items  []int   // input index of each free item, ascending
	fee    []int64 // per free item, minor units
	val    []int64 // per free item, scaled value (MaxValue)
	tier   []int   // per free item, tier number or -1
	forced []int   // input indices of the Include list, ascending
	cap    int64   // budget left after the forced fees, minor units

	ntier    int
	atMost   []int // per tier, remaining; -1 means unlimited
	atLeast  []int // per tier, remaining
	minCount int   // remaining
	maxWork  int64
	// countPlain makes the greedy search count the evaluations plain
	// greedy would make (result.plainEvals); a test and benchmark hook.
	countPlain bool
}

// counted reports whether any tier or count constraint applies.
func (p *problem) counted() bool {
	if p.minCount > 0 {
		return true
	}
	for t := range p.ntier {
		if p.atMost[t] >= 0 || p.atLeast[t] > 0 {
			return true
		}
	}
	return false
}

func compile(fn string, cands []Candidate, budget decimal.Decimal, goal Goal, c Constraints) (*problem, error) {
	if budget.Sign() < 0 {
		return nil, errorf(ErrInvalid, fn, "budget", "negative", budget)
	}
	pos := make(map[string]int, len(cands))
	for i, cd := range cands {
		field := "cands[" + strconv.Itoa(i) + "]"
		if cd.ID == "" {
			return nil, errorf(ErrInvalid, fn, field+".ID", "empty", `""`)
		}
		if _, dup := pos[cd.ID]; dup {
			return nil, errorf(ErrInvalid, fn, field+".ID", "repeated", strconv.Quote(cd.ID))
		}
		pos[cd.ID] = i
		if cd.Fee.Sign() < 0 {
			return nil, errorf(ErrInvalid, fn, field+".Fee", "negative", cd.Fee)
		}
		if goal == MaxValue && cd.Value.Sign() < 0 {
			return nil, errorf(ErrInvalid, fn, field+".Value", "negative", cd.Value)
		}
	}
	lookup := func(field string, ids []string) ([]bool, error) {
		mark := make([]bool, len(cands))
		for j, id := range ids {
			i, ok := pos[id]
			if !ok {
				return nil, errorf(ErrUnknownID, fn, field+"["+strconv.Itoa(j)+"]", "not a candidate", strconv.Quote(id))
			}
			mark[i] = true
		}
		return mark, nil
	}
	include, err := lookup("Constraints.Include", c.Include)
	if err != nil {
		return nil, err
	}
	exclude, err := lookup("Constraints.Exclude", c.Exclude)
	if err != nil {
		return nil, err
	}
	for i := range cands {
		if include[i] && exclude[i] {
			return nil, errorf(ErrInvalid, fn, "Constraints.Exclude", "also in Include", strconv.Quote(cands[i].ID))
		}
	}
	if c.MinCreators < 0 {
		return nil, errorf(ErrInvalid, fn, "Constraints.MinCreators", "negative", c.MinCreators)
	}
	if c.MaxWork < 0 {
		return nil, errorf(ErrInvalid, fn, "Constraints.MaxWork", "negative", c.MaxWork)
	}
	if s := c.MaxShare; s.Sign() < 0 || s.GreaterThan(decimal.NewFromInt(1)) {
		return nil, errorf(ErrInvalid, fn, "Constraints.MaxShare", "not in (0, 1]", s)
	}

	// Tiers: number them in sorted name order, and check the maps' keys
	// in sorted order, so that neither the result nor the first error
	// reported depends on map iteration.
	names := map[string]bool{}
	for _, id := range slices.Sorted(maps.Keys(c.Tier)) {
		if _, ok := pos[id]; !ok {
			return nil, errorf(ErrUnknownID, fn, "Constraints.Tier", "not a candidate", strconv.Quote(id))
		}
	}
	// Only the tiers that AtMostPerTier or AtLeastPerTier name are
	// numbered: a candidate of any other tier counts towards no limit, as
	// one without a tier. The solvers loop over the numbered tiers at every
	// node, so a Tier map with a name per candidate must not number them
	// all (3,000 names made the branch and bound run for minutes).
	for _, t := range slices.Sorted(maps.Keys(c.AtMostPerTier)) {
		n := c.AtMostPerTier[t]
		if n < 0 {
			return nil, errorf(ErrInvalid, fn, "Constraints.AtMostPerTier["+strconv.Quote(t)+"]", "negative", n)
		}
		names[t] = true
	}
	for _, t := range slices.Sorted(maps.Keys(c.AtLeastPerTier)) {
		n := c.AtLeastPerTier[t]
		if n < 0 {
			return nil, errorf(ErrInvalid, fn, "Constraints.AtLeastPerTier["+strconv.Quote(t)+"]", "negative", n)
		}
		if m, ok := c.AtMostPerTier[t]; ok && m < n {
			return nil, errorf(ErrInvalid, fn, "Constraints.AtLeastPerTier["+strconv.Quote(t)+"]", "above AtMostPerTier", fmt.Sprintf("%d > %d", n, m))
		}
		names[t] = true
	}
	tierNames := make([]string, 0, len(names))
	for t := range names {
		tierNames = append(tierNames, t)
	}
	slices.Sort(tierNames)
	tierNum := make(map[string]int, len(tierNames))
	for i, t := range tierNames {
		tierNum[t] = i
	}
	p := &problem{ntier: len(tierNames), maxWork: c.MaxWork}
	if p.maxWork == 0 {
		p.maxWork = DefaultMaxWork
		if goal == MaxUniqueReach {
			p.maxWork = DefaultReachWork
		}
	}
	p.atMost = make([]int, p.ntier)
	p.atLeast = make([]int, p.ntier)
	for i, t := range tierNames {
		p.atMost[i] = -1
		if n, ok := c.AtMostPerTier[t]; ok {
			p.atMost[i] = n
		}
		p.atLeast[i] = c.AtLeastPerTier[t]
	}
	p.minCount = c.MinCreators
	tierOf := func(i int) int {
		if t, ok := c.Tier[cands[i].ID]; ok {
			if n, ok := tierNum[t]; ok {
				return n
			}
		}
		return -1
	}

	// MaxShare: a fee above share × budget is not allowed.
	var shareCap decimal.Decimal
	limitShare := c.MaxShare.Sign() > 0
	if limitShare {
		shareCap = c.MaxShare.Mul(budget)
	}

	// Fees and the budget in minor units: scale by the finest decimal place.
	exp := min(budget.Exponent(), 0)
	for _, cd := range cands {
		exp = min(exp, cd.Fee.Exponent())
	}
	if exp < -18 {
		return nil, errorf(ErrOutOfRange, fn, "cands.Fee", "finer than 10^-18", fmt.Sprintf("10^%d", exp))
	}
	var total int64
	var forcedFees decimal.Decimal
	for i, cd := range cands {
		if exclude[i] {
			continue
		}
		if limitShare && cd.Fee.GreaterThan(shareCap) {
			if include[i] {
				return nil, errorf(ErrInfeasible, fn, "Constraints.Include", "fee above MaxShare of the budget", strconv.Quote(cd.ID)+" "+cd.Fee.String())
			}
			continue
		}
		f, ok := scaled(cd.Fee, exp)
		if ok {
			total, ok = addOK(total, f)
		}
		if !ok {
			return nil, errorf(ErrOutOfRange, fn, "cands["+strconv.Itoa(i)+"].Fee", "Σ fees in minor units above 2^63", cd.Fee)
		}
		t := tierOf(i)
		if include[i] {
			p.forced = append(p.forced, i)
			forcedFees = forcedFees.Add(cd.Fee)
			if t >= 0 {
				if p.atMost[t] == 0 {
					return nil, errorf(ErrInfeasible, fn, "Constraints.Include", "tier "+strconv.Quote(tierNames[t])+" over AtMostPerTier", strconv.Quote(cd.ID))
				}
				if p.atMost[t] > 0 {
					p.atMost[t]--
				}
				p.atLeast[t] = max(p.atLeast[t]-1, 0)
			}
			p.minCount = max(p.minCount-1, 0)
			continue
		}
		p.items = append(p.items, i)
		p.fee = append(p.fee, f)
		p.tier = append(p.tier, t)
	}
	left := budget.Sub(forcedFees)
	if left.Sign() < 0 {
		return nil, errorf(ErrInfeasible, fn, "Constraints.Include", "fees above the budget", forcedFees.String()+" > "+budget.String())
	}
	// The budget beyond Σ fees changes nothing; cap it there so that a
	// huge budget never overflows.
	if capped, ok := scaled(left, exp); ok && capped < total {
		p.cap = capped
	} else {
		p.cap = total
	}
	if goal == MaxValue {
		vexp := int32(0)
		for _, i := range p.items {
			vexp = min(vexp, cands[i].Value.Exponent())
		}
		if vexp < -18 {
			return nil, errorf(ErrOutOfRange, fn, "cands.Value", "finer than 10^-18", fmt.Sprintf("10^%d", vexp))
		}
		var vt int64
		for _, i := range p.items {
			v, ok := scaled(cands[i].Value, vexp)
			if ok {
				vt, ok = addOK(vt, v)
			}
			if !ok {
				return nil, errorf(ErrOutOfRange, fn, "cands["+strconv.Itoa(i)+"].Value", "Σ scaled values above 2^63", cands[i].Value)
			}
			p.val = append(p.val, v)
		}
	}
	return p, nil
}

// scaled returns d × 10^-exp as an int64, with ok false when it does not fit.
// exp must be ≤ d.Exponent() so that the result is an integer.
func scaled(d decimal.Decimal, exp int32) (int64, bool) {
	bi := d.Shift(-exp).BigInt()
	if !bi.IsInt64() {
		return 0, false
	}
	return bi.Int64(), true
}

func addOK(a, b int64) (int64, bool) {
	if b > 0 && a > math.MaxInt64-b {
		return 0, false
	}
	return a + b, true
}

// pick turns a solver result into a Pick with exact decimal sums.
func (p *problem) pick(cands []Candidate, goal Goal, r result) Pick {
	chosen := slices.Clone(p.forced)
	for _, k := range r.chosen {
		chosen = append(chosen, p.items[k])
	}
	slices.Sort(chosen)
	out := Pick{IDs: make([]string, 0, len(chosen)), Optimal: r.optimal, Stats: r.stats}
	for _, i := range chosen {
		out.IDs = append(out.IDs, cands[i].ID)
		out.Cost = out.Cost.Add(cands[i].Fee)
		if goal == MaxValue {
			out.Value = out.Value.Add(cands[i].Value)
		}
	}
	if goal == MaxUniqueReach {
		out.Value = decimal.NewFromInt(r.reach)
	}
	return out
}
