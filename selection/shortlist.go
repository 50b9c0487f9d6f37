package selection

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// Goal says what Shortlist maximises. Its zero value is MaxValue.
type Goal int

const (
	// MaxValue maximises Σ Candidate.Value of the picked candidates
	// (0/1 knapsack). It is the zero Goal.
	MaxValue Goal = iota
	// MaxUniqueReach maximises |⋃ Followers| of the picked candidates:
	// a follower shared by several picked creators counts once (budgeted
	// maximum coverage).
	MaxUniqueReach
)

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
	// OverMaxShare lists, in input order, the IDs left out because their
	// fee is above Constraints.MaxShare × budget: the filter's reason,
	// never a silent drop. Empty without MaxShare.
	OverMaxShare []string `json:"over_max_share,omitempty"`
	// Stats describes the work the search did.
	Stats Stats `json:"stats"`
	// Currency is the candidates' currency, Cost's (the zero Currency
	// when they state none); JSON writes Cost as a money object in it.
	Currency budget.Currency `json:"-"`
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
//
// For MaxUniqueReach a candidate's followers are either an exact set
// (Followers) or a theta sketch (Sketch), never both. When some candidates
// of one call have a sketch, the exact sets of the others are sketched too
// (audience.SketchOf at the largest lgK of the sketches given, exact while a
// set holds fewer IDs than k), and every reach figure is an estimate.
// MaxValue uses neither.
type Candidate struct {
	// ID identifies the candidate; it must be non-empty and unique.
	ID string `json:"id"`
	// Fee is the booking fee, ≥ 0, in one currency for all candidates
	// and the budget.
	Fee   decimal.Decimal `json:"fee"`
	Value decimal.Decimal `json:"value"` // what booking them is worth, for MaxValue, ≥ 0
	// Followers is the set of the creator's follower IDs, for
	// MaxUniqueReach: shared followers count once. Unused by MaxValue.
	Followers *audience.Set `json:"-"`
	// Sketch is a theta sketch of the creator's followers, for
	// MaxUniqueReach when the exact set is not known (follower lists too
	// large to ship, or pre-aggregated in a data warehouse). Unused by
	// MaxValue; setting both Followers and Sketch is an error, whatever the
	// goal.
	Sketch *audience.Sketch `json:"-"`
	// Currency is Fee's currency, the same for every candidate of one
	// call (the budget is in it too); the zero Currency states none. JSON
	// writes Fee as a money object in it. Ranking.Candidates sets it to the
	// Criteria's currency.
	Currency budget.Currency `json:"-"`
}

// Default work limits, used when Constraints.MaxWork is zero. They are
// counts, not durations, so results never depend on the machine's speed.
// Measured on one core of the 2-core CI machine: DefaultMaxWork's
// 2,000,000 nodes take about 0.1 s, as does MaxValue's dynamic programme at
// its 2²⁶ cells (45–150 ms for 30 to 1,000 candidates); DefaultReachWork's
// 2·10⁸ units take up to about 3 s when the sets are large (21 creators of
// 10⁵ followers each: 2.7 s; 1,000 of 2,000: 0.11 s). A caller who needs a
// shorter bound sets Constraints.MaxWork: the work, and so the time, is
// proportional to it, beyond the first greedy run, which always completes.
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
	Include []string `json:"include,omitempty"`
	// Exclude lists IDs that must not be picked.
	Exclude []string `json:"exclude,omitempty"`
	// Group maps a candidate ID to a group name, for AtMostPerGroup and
	// AtLeastPerGroup: a follower tier ("nano", "micro", …), a platform, a
	// country, any partition the brief counts by. Candidates not in the
	// map, or whose group neither map names, count towards no group limit.
	Group map[string]string `json:"group,omitempty"`
	// AtMostPerGroup maps a group name to the largest number of picked
	// candidates of that group. A group absent from the map is unlimited;
	// 0 forbids the group.
	AtMostPerGroup map[string]int `json:"at_most_per_group,omitempty"`
	// AtLeastPerGroup maps a group name to the smallest number of picked
	// candidates of that group.
	AtLeastPerGroup map[string]int `json:"at_least_per_group,omitempty"`
	// MinCreators is the smallest number of picked candidates (default 0).
	MinCreators int `json:"min_creators"`
	// MaxShare is the largest share of the budget one creator's fee may
	// take, as a fraction in (0, 1]: a candidate with Fee > MaxShare ×
	// budget is not picked. Zero (the default) means no limit.
	MaxShare decimal.Decimal `json:"max_share"`
	// MaxWork bounds the search: branch-and-bound nodes for MaxValue
	// (DefaultMaxWork when zero), thousands of work units (see
	// DefaultReachWork) for MaxUniqueReach (DefaultReachWork when zero).
	// When it is reached the best pick found so far is returned with
	// Optimal false (MaxValue) or with a smaller Stats.SeedSize
	// (MaxUniqueReach). The first greedy run and the best single candidate
	// of MaxUniqueReach always complete.
	MaxWork int64 `json:"max_work"`
}

// Shortlist picks the candidates whose fees fit the budget and whose value
// (MaxValue) or unique reach (MaxUniqueReach) is greatest.
//
// Shortlist is shorthand for ShortlistWith(cands, budget, goal,
// Constraints{}); see ShortlistWith for the algorithms, their guarantees
// and the errors.
func Shortlist(cands []Candidate, budget decimal.Decimal, goal Goal) (Pick, error) {
	return shortlist("selection.Shortlist", cands, budget, goal, Constraints{})
}

// ShortlistWith is the core call of the shortlist task. It picks, among
// cands, the candidates whose fees sum to at most budget, that satisfy c,
// and whose value (MaxValue) or unique reach (MaxUniqueReach) is greatest;
// among equally good picks it prefers the cheaper one. Fees, values and the
// budget are handled exactly, as integers in their finest decimal place
// (minor units for fees).
//
// MaxValue (0/1 knapsack). Without group or count constraints and when
// candidates × (budget / g + 1) ≤ 2²⁶, where g is the greatest common
// divisor of the fees in minor units, a dynamic programme over the budget
// solves it exactly (Stats.Method "dp"), unless there are so few candidates
// that exhaustive branch and bound is cheaper. Otherwise a depth-first branch and
// bound over candidates in decreasing value/fee order, pruned by the
// fractional (Dantzig) bound, solves it exactly unless it visits more than
// MaxWork nodes; it then returns the best pick found (Optimal false). That
// search starts from the better of the value/fee greedy pick and the best
// single candidate, which is at least half the optimum when no group or
// count constraint applies (Ext-Greedy; Kellerer, Pferschy & Pisinger,
// Knapsack Problems, Springer 2004, §2.5).
//
// MaxUniqueReach (budgeted maximum coverage). With at most 20 candidates
// left after Include, Exclude and MaxShare, every subset is evaluated
// exactly (Optimal true). Beyond that the pick is the best of (a) the best
// single affordable candidate, (b) greedy by marginal gain per unit of fee,
// evaluated lazily (CELF: Leskovec et al., "Cost-effective Outbreak
// Detection in Networks", KDD 2007), and (c) greedy completions of every
// seed of 1, 2 and then 3 candidates, as far as MaxWork allows. Without group or count constraints, (a)+(b) reach at least
// ½(1 − 1/e) ≈ 0.316 of the optimum, and enumerating every seed of size 3
// (Stats.SeedSize 3) reaches at least 1 − 1/e ≈ 0.632 (Khuller, Moss &
// Naor, "The budgeted maximum coverage problem", Information Processing
// Letters 70(1), 1999). Seeds of the next size are enumerated only when
// their number times the cost of the first greedy run fits MaxWork, so
// (c) runs for small inputs (a few dozen candidates) and is skipped for
// large ones. Follower sets whose IDs are below 2³² and not too sparse
// are covered with a flat bitset (a gain evaluation walks the creator's
// followers once); others through audience.Set operations. Group and count
// constraints are met by reserving budget for the cheapest candidates
// still needed; they carry no stated guarantee.
//
// Sketched followers (Candidate.Sketch). The same algorithms run with every
// coverage figure an estimate: the marginal gain of a candidate is the
// estimated |followers \ covered| of the two sketches (relative standard
// error about √(F/(k−1)), F = |union| / |gain|), and the cover grows by
// merging sketches (theta union). The exhaustive search copies a sketch per
// branch; when that exceeds MaxWork it gives way to the greedy search.
// Pick.Value is the estimated unique reach, rounded to a whole number.
// Because estimates are not exactly submodular, the lazy evaluation and the
// approximation guarantees hold only up to the sketches' error;
// Pick.Optimal is true only when every sketch is exact (held its whole set)
// and the search was exhaustive.
//
// Errors: a negative fee, value or budget gives ErrNegative; an empty ID,
// an unknown goal, both Followers and Sketch set or contradicting
// constraints give ErrInvalid; a repeated ID gives ErrDuplicate; a
// constraint naming an unknown ID gives ErrUnknownID; a MaxUniqueReach
// candidate with neither Followers nor Sketch gives ErrNoFollowers; an
// amount beyond the module's decimal limit gives ErrTooLarge and fees or
// values whose exact integer form exceeds 63 bits ErrOverflow;
// ErrInfeasible, naming the constraint that cannot be met, when no pick can
// satisfy the constraints; ErrSearchLimit when the work limit stopped the
// search before any feasible pick was found.
func ShortlistWith(cands []Candidate, budget decimal.Decimal, goal Goal, c Constraints) (Pick, error) {
	return shortlist("selection.ShortlistWith", cands, budget, goal, c)
}

// shortlist is ShortlistWith; fn ("selection.Func") names the exported
// function in errors.
func shortlist(fn string, cands []Candidate, budget decimal.Decimal, goal Goal, c Constraints) (Pick, error) {
	if !goalText.Valid(goal) {
		return Pick{}, errs.New(ErrInvalid, fn, "goal", "unknown", int(goal))
	}
	cur, err := candsCurrency(fn, cands)
	if err != nil {
		return Pick{}, err
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
		fam, exactAll, ferr := newFamily(fn, cands)
		if ferr != nil {
			return Pick{}, ferr
		}
		res, err = solveReach(p, fam)
		res.optimal = res.optimal && exactAll
	}
	if err != nil {
		return Pick{}, p.failure(fn, err)
	}
	out := p.pick(cands, goal, res)
	out.Currency = cur
	return out, nil
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

	tierNames []string        // the numbered tiers, by number
	exp       int32           // fees in minor units are Fee × 10^-exp
	left      decimal.Decimal // the budget left after the forced fees
	overShare []int           // input indices left out by MaxShare
	// countPlain makes the greedy search count the evaluations plain
	// greedy would make (result.plainEvals); a test and benchmark hook.
	countPlain bool
}

// counted reports whether any group or count constraint applies.
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

// compile checks the arguments and turns them into a problem. fn is
// "selection.Func".
func compile(fn string, cands []Candidate, budget decimal.Decimal, goal Goal, c Constraints) (*problem, error) {
	pos, err := checkCands(fn, cands, budget, goal)
	if err != nil {
		return nil, err
	}
	include, exclude, err := checkConstraints(fn, cands, pos, c)
	if err != nil {
		return nil, err
	}
	p, err := newProblem(fn, pos, goal, c)
	if err != nil {
		return nil, err
	}
	if err := p.addItems(fn, cands, budget, c, include, exclude); err != nil {
		return nil, err
	}
	if goal == MaxValue {
		if err := p.scaleValues(fn, cands); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// checkCands checks the budget and every candidate's ID, fee and value, and
// returns each ID's position.
func checkCands(fn string, cands []Candidate, budget decimal.Decimal, goal Goal) (map[string]int, error) {
	if err := limit.Decimal(fn, "budget", budget); err != nil {
		return nil, err
	}
	if budget.Sign() < 0 {
		return nil, errs.New(ErrNegative, fn, "budget", "", budget)
	}
	pos := make(map[string]int, len(cands))
	for i, cd := range cands {
		field := func(name string) string { return errs.Index("cands", i) + "." + name } // for errors only
		if cd.ID == "" {
			return nil, errs.New(ErrInvalid, fn, field("ID"), "empty", "")
		}
		if _, dup := pos[cd.ID]; dup {
			return nil, errs.New(ErrDuplicate, fn, field("ID"), "repeated", cd.ID)
		}
		pos[cd.ID] = i
		if !smallDecimal(cd.Fee) {
			if err := limit.Decimal(fn, field("Fee"), cd.Fee); err != nil {
				return nil, err
			}
		}
		if cd.Fee.Sign() < 0 {
			return nil, errs.New(ErrNegative, fn, field("Fee"), "", cd.Fee)
		}
		if cd.Followers != nil && cd.Sketch != nil {
			return nil, errs.New(ErrInvalid, fn, field("Sketch"), "set with Followers: give one", cd.ID)
		}
		if goal != MaxValue {
			continue
		}
		if !smallDecimal(cd.Value) {
			if err := limit.Decimal(fn, field("Value"), cd.Value); err != nil {
				return nil, err
			}
		}
		if cd.Value.Sign() < 0 {
			return nil, errs.New(ErrNegative, fn, field("Value"), "", cd.Value)
		}
	}
	return pos, nil
}

// smallDecimal reports, in constant time and without allocating, that d
// is far within the module's decimal limit: an exponent within ±smallExp
// and |coefficient| < 10^18. limit.Decimal, which copies the coefficient,
// then runs only on the rare large amount. (d.NumDigits would compute
// 10^n for a coefficient of n digits: 0.1 s for 10^6 digits.)
func smallDecimal(d decimal.Decimal) bool {
	e := d.Exponent()
	if e < -smallExp || e > smallExp {
		return false
	}
	// Same exponent: Cmp compares the coefficients, by length first.
	return d.Cmp(smallBounds[e+smallExp][0]) > 0 && d.Cmp(smallBounds[e+smallExp][1]) < 0
}

// smallExp bounds the exponents smallDecimal decides at once.
const smallExp = 40

// smallBounds holds, for each exponent e in ±smallExp, ∓(10^18 − 1)·10^e
// with exponent e: built once, never modified.
var smallBounds = func() (b [2*smallExp + 1][2]decimal.Decimal) {
	for e := -smallExp; e <= smallExp; e++ {
		b[e+smallExp] = [2]decimal.Decimal{decimal.New(-1e18, int32(e)), decimal.New(1e18, int32(e))}
	}
	return b
}()

// checkConstraints checks c's lists and bounds, and returns the Include and
// Exclude lists as marks by input position.
func checkConstraints(fn string, cands []Candidate, pos map[string]int, c Constraints) (include, exclude []bool, err error) {
	lookup := func(field string, ids []string) ([]bool, error) {
		mark := make([]bool, len(cands))
		for j, id := range ids {
			i, ok := pos[id]
			if !ok {
				return nil, errs.New(ErrUnknownID, fn, errs.Index(field, j), "not a candidate", id)
			}
			mark[i] = true
		}
		return mark, nil
	}
	if include, err = lookup("Constraints.Include", c.Include); err != nil {
		return nil, nil, err
	}
	if exclude, err = lookup("Constraints.Exclude", c.Exclude); err != nil {
		return nil, nil, err
	}
	for i := range cands {
		if include[i] && exclude[i] {
			return nil, nil, errs.New(ErrInvalid, fn, "Constraints.Exclude", "also in Include", cands[i].ID)
		}
	}
	if c.MinCreators < 0 {
		return nil, nil, errs.New(ErrNegative, fn, "Constraints.MinCreators", "", c.MinCreators)
	}
	if c.MaxWork < 0 {
		return nil, nil, errs.New(ErrNegative, fn, "Constraints.MaxWork", "", c.MaxWork)
	}
	if err := limit.Decimal(fn, "Constraints.MaxShare", c.MaxShare); err != nil {
		return nil, nil, err
	}
	if s := c.MaxShare; s.Sign() < 0 || s.GreaterThan(decimal.NewFromInt(1)) {
		return nil, nil, errs.New(ErrInvalid, fn, "Constraints.MaxShare", "not in (0, 1]", s)
	}
	return include, exclude, nil
}

// newProblem checks the tier constraints and returns a problem with its
// tiers numbered and its limits set, without items yet.
func newProblem(fn string, pos map[string]int, goal Goal, c Constraints) (*problem, error) {
	// Tiers: number them in sorted name order, and check the maps' keys
	// in sorted order, so that neither the result nor the first error
	// reported depends on map iteration.
	for _, id := range slices.Sorted(maps.Keys(c.Group)) {
		if _, ok := pos[id]; !ok {
			return nil, errs.New(ErrUnknownID, fn, "Constraints.Group", "not a candidate", id)
		}
	}
	// Only the tiers that AtMostPerGroup or AtLeastPerGroup name are
	// numbered: a candidate of any other tier counts towards no limit, as
	// one without a tier. The solvers loop over the numbered tiers at every
	// node, so a Group map with a name per candidate must not number them
	// all (3,000 names made the branch and bound run for minutes).
	for _, t := range slices.Sorted(maps.Keys(c.AtMostPerGroup)) {
		if n := c.AtMostPerGroup[t]; n < 0 {
			return nil, errs.New(ErrNegative, fn, "Constraints.AtMostPerGroup["+strconv.Quote(t)+"]", "", n)
		}
	}
	for _, t := range slices.Sorted(maps.Keys(c.AtLeastPerGroup)) {
		n := c.AtLeastPerGroup[t]
		if n < 0 {
			return nil, errs.New(ErrNegative, fn, "Constraints.AtLeastPerGroup["+strconv.Quote(t)+"]", "", n)
		}
		if m, ok := c.AtMostPerGroup[t]; ok && m < n {
			return nil, errs.New(ErrInvalid, fn, "Constraints.AtLeastPerGroup["+strconv.Quote(t)+"]", "above AtMostPerGroup "+strconv.Itoa(m), n)
		}
	}
	names := slices.Sorted(maps.Keys(c.AtMostPerGroup))
	names = slices.Compact(slices.Sorted(slices.Values(append(names, slices.Collect(maps.Keys(c.AtLeastPerGroup))...))))
	p := &problem{ntier: len(names), tierNames: names, maxWork: c.MaxWork, minCount: c.MinCreators}
	if p.maxWork == 0 {
		p.maxWork = DefaultMaxWork
		if goal == MaxUniqueReach {
			p.maxWork = DefaultReachWork
		}
	}
	p.atMost = make([]int, p.ntier)
	p.atLeast = make([]int, p.ntier)
	for i, t := range names {
		p.atMost[i] = -1
		if n, ok := c.AtMostPerGroup[t]; ok {
			p.atMost[i] = n
		}
		p.atLeast[i] = c.AtLeastPerGroup[t]
	}
	return p, nil
}

// addItems scales the fees to minor units, takes the Include list as
// forced, leaves out Exclude and the fees above MaxShare, and makes every
// other candidate a free item.
func (p *problem) addItems(fn string, cands []Candidate, budget decimal.Decimal, c Constraints, include, exclude []bool) error {
	tierNum := make(map[string]int, p.ntier)
	for i, t := range p.tierNames {
		tierNum[t] = i
	}
	tierOf := func(id string) int {
		if t, ok := c.Group[id]; ok {
			if n, ok := tierNum[t]; ok {
				return n
			}
		}
		return -1
	}
	// MaxShare: a fee above share × budget is not allowed.
	limitShare := c.MaxShare.Sign() > 0
	shareCap := c.MaxShare.Mul(budget)
	// Fees and the budget in minor units: scale by the finest decimal place.
	if budget.Exponent() < -18 {
		return errs.New(ErrOverflow, fn, "budget", "finer than 10^-18", budget)
	}
	p.exp = min(budget.Exponent(), 0)
	for i, cd := range cands {
		if cd.Fee.Exponent() < -18 {
			return errs.New(ErrOverflow, fn, errs.Index("cands", i)+".Fee", "finer than 10^-18", cd.Fee)
		}
		p.exp = min(p.exp, cd.Fee.Exponent())
	}
	var total int64
	var forcedFees decimal.Decimal
	for i, cd := range cands {
		if exclude[i] {
			continue
		}
		if limitShare && cd.Fee.GreaterThan(shareCap) {
			if include[i] {
				return errs.New(ErrInfeasible, fn, "Constraints.Include", "fee of "+errs.Quote(cd.ID)+" above MaxShare × budget "+errs.Format(shareCap), cd.Fee)
			}
			p.overShare = append(p.overShare, i)
			continue
		}
		f, ok := scaled(cd.Fee, p.exp)
		if ok {
			total, ok = exact.Add(total, f)
		}
		if !ok {
			return errs.New(ErrOverflow, fn, errs.Index("cands", i)+".Fee", "Σ fees in minor units above 2^63", cd.Fee)
		}
		if !include[i] {
			p.items = append(p.items, i)
			p.fee = append(p.fee, f)
			p.tier = append(p.tier, tierOf(cd.ID))
			continue
		}
		if err := p.force(fn, i, cd.ID, tierOf(cd.ID)); err != nil {
			return err
		}
		forcedFees = forcedFees.Add(cd.Fee)
	}
	p.left = budget.Sub(forcedFees)
	if p.left.Sign() < 0 {
		return errs.New(ErrInfeasible, fn, "Constraints.Include", "fees above the budget "+errs.Format(budget), forcedFees)
	}
	// The budget beyond Σ fees changes nothing; cap it there so that a
	// huge budget never overflows.
	if capped, ok := scaled(p.left, p.exp); ok && capped < total {
		p.cap = capped
	} else {
		p.cap = total
	}
	return nil
}

// force takes candidate i (of tier t, or -1) as forced by Include: its
// tier's and the count's remaining limits shrink.
func (p *problem) force(fn string, i int, id string, t int) error {
	p.forced = append(p.forced, i)
	if t >= 0 {
		if p.atMost[t] == 0 {
			return errs.New(ErrInfeasible, fn, "Constraints.Include", "group "+strconv.Quote(p.tierNames[t])+" over AtMostPerGroup", id)
		}
		if p.atMost[t] > 0 {
			p.atMost[t]--
		}
		p.atLeast[t] = max(p.atLeast[t]-1, 0)
	}
	p.minCount = max(p.minCount-1, 0)
	return nil
}

// scaleValues sets p.val: the free items' values as integers in their
// finest decimal place.
func (p *problem) scaleValues(fn string, cands []Candidate) error {
	vexp := int32(0)
	for _, i := range p.items {
		if cands[i].Value.Exponent() < -18 {
			return errs.New(ErrOverflow, fn, errs.Index("cands", i)+".Value", "finer than 10^-18", cands[i].Value)
		}
		vexp = min(vexp, cands[i].Value.Exponent())
	}
	var vt int64
	for _, i := range p.items {
		v, ok := scaled(cands[i].Value, vexp)
		if ok {
			vt, ok = exact.Add(vt, v)
		}
		if !ok {
			return errs.New(ErrOverflow, fn, errs.Index("cands", i)+".Value", "Σ scaled values above 2^63", cands[i].Value)
		}
		p.val = append(p.val, v)
	}
	return nil
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

// failure turns a solver's error into the error of fn: ErrSearchLimit
// names Constraints.MaxWork, ErrInfeasible the constraint that cannot be
// met.
func (p *problem) failure(fn string, err error) error {
	switch {
	case errors.Is(err, ErrSearchLimit):
		return errs.New(ErrSearchLimit, fn, "Constraints.MaxWork", "reached before any pick met the constraints", p.maxWork)
	case errors.Is(err, ErrInfeasible):
		return p.infeasible(fn)
	}
	return errs.New(err, fn, "", "", errs.None)
}

// infeasible names the first constraint that no pick can meet on its own
// (a group minimum, then MinCreators: too few candidates left, or the
// cheapest of them over the budget left), or else all of them together.
func (p *problem) infeasible(fn string) error {
	check := func(field string, need int, fees []int64) error {
		if len(fees) < need {
			return errs.New(ErrInfeasible, fn, field, fmt.Sprintf("%d more wanted, %d candidates left after Include, Exclude and MaxShare", need, len(fees)), errs.None)
		}
		slices.Sort(fees)
		var cost int64
		for _, f := range fees[:need] {
			cost += f // ≤ Σ fees, which fits (addItems)
		}
		if cost > p.cap {
			return errs.New(ErrInfeasible, fn, field, fmt.Sprintf("the %d cheapest candidates cost %s, above the budget left %s", need, decimal.New(cost, p.exp), p.left), errs.None)
		}
		return nil
	}
	for t, name := range p.tierNames {
		if p.atLeast[t] == 0 {
			continue
		}
		var fees []int64
		for k, tt := range p.tier {
			if tt == t {
				fees = append(fees, p.fee[k])
			}
		}
		if err := check("Constraints.AtLeastPerGroup["+strconv.Quote(name)+"]", p.atLeast[t], fees); err != nil {
			return err
		}
	}
	if p.minCount > 0 {
		if err := check("Constraints.MinCreators", p.minCount, slices.Clone(p.fee)); err != nil {
			return err
		}
	}
	return errs.New(ErrInfeasible, fn, "Constraints", "AtLeastPerGroup, AtMostPerGroup and MinCreators cannot all be met within the budget left", p.left)
}

// pick turns a solver result into a Pick with exact decimal sums.
func (p *problem) pick(cands []Candidate, goal Goal, r result) Pick {
	chosen := slices.Clone(p.forced)
	for _, k := range r.chosen {
		chosen = append(chosen, p.items[k])
	}
	slices.Sort(chosen)
	out := Pick{IDs: make([]string, 0, len(chosen)), Optimal: r.optimal, Stats: r.stats}
	for _, i := range p.overShare {
		out.OverMaxShare = append(out.OverMaxShare, cands[i].ID)
	}
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
