package budget

import (
	"errors"
	"math"
	"slices"
	"strconv"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// Method names how Allocate optimises. Its zero value is Auto, the default.
type Method int

const (
	// Auto (the default) picks WaterFilling when every curve is concave from its channel's
	// minimum (Inflection ≤ Min), GridDP otherwise.
	Auto Method = iota
	// WaterFilling solves the KKT conditions of a concave problem exactly:
	// every channel strictly inside its bounds has the same marginal return
	// λ, found by a bracketing search on λ (each channel's spend at λ by its
	// closed form or a safeguarded root search). Time O(n · iterations),
	// about 85 marginal evaluations per channel for Hill curves.
	WaterFilling
	// GridDP is an exact dynamic programme over a spend grid, optimal among
	// all allocations on the grid for any curve shape (S-shaped included).
	// Time O(n · G²) for G grid steps, bounded by MaxGridWork: n·(G+1)² ≤
	// 4·10⁸, a fraction of a second.
	GridDP
)

// Channel is one influencer, channel or campaign that can receive spend.
type Channel struct {
	Name  string
	Curve Curve           // response to spend; see Curve
	Min   decimal.Decimal // least spend, ≥ 0; zero by default
	Max   decimal.Decimal // most spend, ≥ Min; the zero value means no upper bound
}

// AllocateOptions configure Allocate and AllocateTarget.
type AllocateOptions struct {
	// Currency of every amount; required. Spends are whole minor units.
	Currency Currency `json:"currency"`
	// Method; default Auto.
	Method Method `json:"method"`
	// GridSteps is the number of grid steps GridDP cuts the budget above the
	// minimums into; default min(1000, √(2·10⁸/n)) but at least 10, at most
	// 100,000. Spend left over by the grid (less than one step per channel)
	// is handed out greedily by marginal return. At most MaxGridSteps
	// (100,000); GridDP's work n·(GridSteps+1)² must stay within
	// MaxGridWork (4·10⁸: 2 channels × 14,141 steps, 20 × 4,471), and it
	// keeps n·(GridSteps+1) choices of 4 bytes, at most 2²⁶ (256 MiB):
	// beyond either, Allocate refuses the grid with ErrTooLarge (naming
	// GridSteps) rather than run for seconds or exhaust memory.
	GridSteps int `json:"grid_steps"`
}

// ChannelResult is one channel's share of an Allocation.
type ChannelResult struct {
	Name     string          `json:"name"`
	Spend    decimal.Decimal `json:"spend"`    // in the currency, whole minor units
	Response decimal.Decimal `json:"response"` // Curve.Response(Spend)
	Average  decimal.Decimal `json:"average"`  // Response / Spend; at zero spend, the return of the first minor unit
	Marginal decimal.Decimal `json:"marginal"` // Curve.Marginal(Spend); where infinite (Hill with Slope < 1 at 0), as Average
}

// Allocation is the result of Allocate or AllocateTarget. The responses and
// returns come from the float64 curves, converted once with
// decimal.NewFromFloat (the shortest decimal that reads back as the same
// float64) and rounded half away from zero to exact.Precision (16) places:
// about 15 significant digits are meaningful.
type Allocation struct {
	Currency Currency        `json:"currency"`
	Total    decimal.Decimal `json:"total"`    // Σ Spend, exactly
	Response decimal.Decimal `json:"response"` // Σ of the channels' Response, exactly
	Method   Method          `json:"method"`   // the method actually used
	Channels []ChannelResult `json:"channels"` // in input order
}

// maxUnits bounds amounts in minor units so that float64 represents every
// spend exactly: 2^53 (9·10¹³ EUR, 9·10¹⁵ JPY).
const maxUnits = 1 << 53

// problem is a validated allocation problem in minor units.
type problem struct {
	fn     string
	places int32
	scale  float64 // 10^places
	curves []Curve
	names  []string
	lo, hi []int64 // bounds in units; hi = -1 when unbounded
	sumLo  int64
	sumHi  int64 // valid when !unbounded
	unb    bool  // some channel unbounded
}

type validator interface{ Validate() error }

func newProblem(fn string, channels []Channel, opt AllocateOptions) (*problem, error) {
	if err := opt.validate(fn); err != nil {
		return nil, err
	}
	if len(channels) == 0 {
		return nil, errs.New(ErrEmpty, fn, "channels", "no channels", errs.None)
	}
	p := &problem{fn: fn, places: opt.Currency.minor, scale: math.Pow10(int(opt.Currency.minor))}
	n := len(channels)
	p.curves, p.names = make([]Curve, n), make([]string, n)
	p.lo, p.hi = make([]int64, n), make([]int64, n)
	for i, c := range channels {
		lo, hi, err := channelBounds(fn, i, c, opt.Currency)
		if err != nil {
			return nil, err
		}
		p.curves[i], p.names[i], p.lo[i], p.hi[i] = c.Curve, c.Name, lo, hi
		p.sumLo += lo
		if p.sumLo > maxUnits {
			return nil, errs.New(ErrTooLarge, fn, "channels", "minimums sum beyond 2^53 minor units", errs.None)
		}
		if hi < 0 {
			p.unb = true
		} else {
			p.sumHi = min(p.sumHi+hi, maxUnits+1)
		}
	}
	return p, nil
}

// Validate checks the options: a currency (ErrInvalid without one), a known
// Method (ErrInvalid), GridSteps in [0, 100000] (ErrNegative, ErrTooLarge).
// Allocate and AllocateTarget check them the same way.
func (opt AllocateOptions) Validate() error { return opt.validate("budget.AllocateOptions.Validate") }

func (opt AllocateOptions) validate(fn string) error {
	if !opt.Currency.IsValid() {
		return errs.New(ErrInvalid, fn, "Currency", "zero Currency", errs.None)
	}
	if !methodText.Valid(opt.Method) {
		return errs.New(ErrInvalid, fn, "Method", "unknown", int64(opt.Method))
	}
	if opt.GridSteps < 0 {
		return errs.New(ErrNegative, fn, "GridSteps", "", opt.GridSteps)
	}
	if opt.GridSteps > MaxGridSteps {
		return errs.New(ErrTooLarge, fn, "GridSteps", "above 100000", opt.GridSteps)
	}
	return nil
}

// channelBounds checks channels[i] and returns its bounds in minor units
// (hi = -1 when unbounded). Errors name the channel by Name, or by index.
func channelBounds(fn string, i int, c Channel, cur Currency) (lo, hi int64, err error) {
	field := "channels[" + strconv.Itoa(i) + "]"
	if c.Name != "" {
		field = shortName(c.Name)
	}
	if c.Curve == nil {
		return 0, 0, errs.New(ErrInvalid, fn, field+".Curve", "nil", errs.None)
	}
	if v, ok := c.Curve.(validator); ok {
		if err := v.Validate(); err != nil {
			return 0, 0, curveError(fn, field+".Curve", err)
		}
	}
	if lo, err = unitsOf(fn, field+".Min", c.Min, cur); err != nil {
		return 0, 0, err
	}
	hi = -1
	if !c.Max.IsZero() {
		if hi, err = unitsOf(fn, field+".Max", c.Max, cur); err != nil {
			return 0, 0, err
		}
		if hi < lo {
			return 0, 0, errs.New(ErrInvalid, fn, field+".Max", "below Min", errs.Format(c.Max)+" < "+errs.Format(c.Min))
		}
	}
	return lo, hi, nil
}

// curveError restates a curve's Validate error as fn's, with the channel's
// field before the curve's own: "budget: Allocate: ch.Curve.EC: must be
// finite and > 0 (-1)". It keeps the sentinel.
func curveError(fn, field string, err error) error {
	var e *errs.Error
	if errors.As(err, &e) {
		return &errs.Error{Func: fn, Field: field + "." + e.Field, What: e.What, Value: e.Value, Err: e.Err}
	}
	return errs.New(ErrInvalid, fn, field, err.Error(), errs.None)
}

// unitsOf converts a non-negative amount to minor units.
func unitsOf(fn, field string, d decimal.Decimal, cur Currency) (int64, error) {
	if d.Sign() < 0 {
		return 0, errs.New(ErrNegative, fn, field, "", d)
	}
	u, err := toUnits(fn, field, d, cur.minor)
	if err != nil {
		return 0, err
	}
	if !u.IsInt64() || u.Int64() > maxUnits {
		return 0, errs.New(ErrTooLarge, fn, field, "beyond 2^53 minor units", d)
	}
	return u.Int64(), nil
}

// hiOf returns the effective upper bound of channel i for a budget of b
// units: its Max, or all the budget not needed by the others' minimums.
func (p *problem) hiOf(i int, b int64) int64 {
	free := b - p.sumLo + p.lo[i]
	if p.hi[i] < 0 {
		return free
	}
	return min(p.hi[i], free)
}

func (p *problem) concave() bool {
	for i, c := range p.curves {
		if !(c.Inflection() <= float64(p.lo[i])/p.scale) {
			return false
		}
	}
	return true
}

// Allocate divides total among channels, each between its Min and Max, so
// that the total response Σ fᵢ(spendᵢ) is as large as possible, and returns
// exact spends in whole minor units summing exactly to total.
//
// With concave curves (Method WaterFilling) the optimum satisfies the KKT
// conditions: a common λ with spendᵢ = Min where fᵢ'(Min) ≤ λ, Max where
// fᵢ'(Max) ≥ λ, and fᵢ'(spendᵢ) = λ in between; λ is found by a bracketing
// search on the marginal return (bisection accelerated by the Illinois
// regula falsi on ln λ) until the spends sum to the total within 10⁻⁴ of a
// minor unit. For Michaelis–Menten curves without binding bounds this
// is xᵢ = √(βᵢκᵢ)·(B + Σκ)/Σ√(βκ) − κᵢ: β = (100, 100), κ = (10, 40), B = 100
// gives 40 and 60, both with marginal return 0.4. With S-shaped curves
// (Method GridDP) a dynamic programme finds the best allocation on a grid of
// GridSteps steps exactly.
//
// The float64 optimum is then rounded to minor units: every spend is first
// rounded down, and the units left over go one each to the largest fractional
// parts, ties to the lower index, within the bounds (Split's largest
// remainder rule, with the same k-th-largest selection). For concave curves single
// units are then moved between channels while a move raises the response,
// which makes the result the best allocation in whole minor units.
//
// Errors: ErrInfeasible when total < Σ Min or total > Σ Max (with every Max
// set); ErrEmpty for no channels; ErrNegative for negative amounts;
// ErrInvalid for Max < Min, a nil or invalid curve, an unknown Method or the
// zero Currency; ErrTooLarge for a decimal beyond the module's limits
// (MaxExponent, MaxDigits: checked first, in time linear in its size),
// amounts beyond 2^53 minor units, or a GridDP grid beyond MaxGridWork or
// 2²⁶ cells; ErrMinorUnit for amounts finer than the currency's minor unit.
func Allocate(total decimal.Decimal, channels []Channel, opt AllocateOptions) (Allocation, error) {
	return allocate("budget.Allocate", total, channels, opt)
}

// allocate is Allocate reporting its errors as fn.
func allocate(fn string, total decimal.Decimal, channels []Channel, opt AllocateOptions) (Allocation, error) {
	p, err := newProblem(fn, channels, opt)
	if err != nil {
		return Allocation{}, err
	}
	b, err := unitsOf(fn, "total", total, opt.Currency)
	if err != nil {
		return Allocation{}, err
	}
	if b < p.sumLo {
		return Allocation{}, errs.New(ErrInfeasible, fn, "total", "below the sum of minimums", errs.Format(total)+" < "+decimal.New(p.sumLo, -p.places).String())
	}
	if !p.unb && b > p.sumHi {
		return Allocation{}, errs.New(ErrInfeasible, fn, "total", "above the sum of maximums", errs.Format(total)+" > "+decimal.New(p.sumHi, -p.places).String())
	}
	m := p.method(opt.Method)
	var units []int64
	if m == WaterFilling {
		units = p.roundUnits(p.waterfill(b, nil), b)
		p.polish(units, b)
	} else {
		steps, err := p.grid(opt.GridSteps, 1)
		if err != nil {
			return Allocation{}, err
		}
		units, _, _ = p.gridDP(b, steps)
	}
	return p.result(units, m, opt.Currency)
}

// maxGridCells bounds the n·(G+1) choices GridDP keeps (4 bytes each).
const maxGridCells = 1 << 26

// MaxGridWork bounds the work of GridDP, the number of grid cells it
// compares: channels × (GridSteps+1)² × runs ≤ 4·10⁸, where runs is 1 for
// Allocate and AllocateTarget with a bounded search, and gridTargetRuns
// (15) for AllocateTarget's AverageReturn over a channel without Max and
// no Limit, whose search for an upper end solves up to 13 grids before
// the final two. Each run
// makes about half that many comparisons (one float add and compare each,
// about a nanosecond), so the worst grid within the limit (2 channels ×
// 14,141 steps, or 20 channels × 4,471) takes a fraction of a second
// (BenchmarkAllocateGridDPMax). Beyond it Allocate returns ErrTooLarge
// naming GridSteps: ask for fewer steps.
const MaxGridWork = 400_000_000

// MaxGridSteps bounds AllocateOptions.GridSteps: 100,000 (ErrTooLarge
// beyond, from Validate). MaxGridWork bounds it further with the channels.
const MaxGridSteps = 100_000

// gridTargetRuns is the most grids AllocateTarget's AverageReturn solves
// when it must search for an upper end: 13 in growCap's galloping search
// (8 caps at 0, 1, 2, 4, …, 32 and at most 52 doublings, then 5 bisection
// steps), the grid of the scan, and the final Allocate.
const gridTargetRuns = 15

// gridSteps returns the grid size G for n channels: steps, or the default
// min(1000, √(2·10⁸/n)) but at least 10, lowered when runs grids are solved
// so that n·(G+1)²·runs stays within MaxGridWork where it can.
func gridSteps(steps, n, runs int) int {
	if steps == 0 {
		g := math.Sqrt(2e8 / float64(n)) // n·(G+1)² ≈ 2·10⁸ ≤ MaxGridWork
		if runs > 1 {
			g = math.Sqrt(float64(MaxGridWork)/float64(runs)/float64(n)) - 1
		}
		steps = int(min(1000, max(10, g)))
	}
	return steps
}

// grid returns the grid size for runs grids (gridSteps) after checking it
// against maxGridCells (memory) and MaxGridWork (time).
func (p *problem) grid(steps, runs int) (int, error) {
	n := len(p.curves)
	g := gridSteps(steps, n, runs)
	if n > maxGridCells/(g+1) {
		return 0, errs.New(ErrTooLarge, p.fn, "GridSteps", "channels × grid steps beyond 2^26 cells",
			strconv.Itoa(n)+" × "+strconv.Itoa(g+1))
	}
	if float64(n)*float64(g+1)*float64(g+1)*float64(runs) > MaxGridWork {
		what := "channels × (grid steps + 1)² beyond MaxGridWork (4·10⁸)"
		if runs > 1 {
			what = "channels × (grid steps + 1)² × " + strconv.Itoa(runs) + " grids beyond MaxGridWork (4·10⁸)"
		}
		return 0, errs.New(ErrTooLarge, p.fn, "GridSteps", what, strconv.Itoa(n)+" × "+strconv.Itoa(g+1)+"²")
	}
	return g, nil
}

// method resolves Auto: WaterFilling when every curve is concave from its
// channel's minimum, GridDP otherwise.
func (p *problem) method(m Method) Method {
	if m != Auto {
		return m
	}
	if p.concave() {
		return WaterFilling
	}
	return GridDP
}

// waterfill returns the KKT spends (in currency units, float64) for a budget
// of b units. When lambda is non-nil it is set to the final λ.
//
// S(λ) = Σ xᵢ(λ) is non-increasing in λ; the λ with S(λ) = B is found by a
// safeguarded regula falsi (Illinois) on ln λ, bracketed by doubling and
// halving. Each xᵢ(λ) is Michaelis–Menten's closed form or an Illinois root
// search on ln fᵢ'(x) − ln λ inside a per-channel bracket that shrinks with
// the λ bracket (xᵢ(λ) is monotone), so later iterations cost little. The
// spends need only be exact to far below a minor unit: polish settles the
// last units exactly.
func (p *problem) waterfill(b int64, lambda *float64) []float64 {
	n := len(p.curves)
	B := float64(b) / p.scale
	w := &wf{
		curves: p.curves,
		l:      make([]float64, n), u: make([]float64, n),
		ml: make([]float64, n), mu: make([]float64, n),
		tol: 1e-7 / p.scale,
	}
	for i, c := range p.curves {
		w.l[i] = float64(p.lo[i]) / p.scale
		w.u[i] = float64(p.hiOf(i, b)) / p.scale
		w.ml[i], w.mu[i] = c.Marginal(w.l[i]), c.Marginal(w.u[i])
	}
	w.xl, w.xu = slices.Clone(w.l), slices.Clone(w.u)
	tolS := 1e-4 / p.scale // a ten-thousandth of a minor unit
	br := w.bracket(B)
	best, bestLam := br.cur, br.lamLo
	if math.Abs(br.sHi-B) <= math.Abs(br.sLo-B) {
		best, bestLam = br.hiCur, br.lamHi
	}
	if math.Abs(br.sLo-B) > tolS && math.Abs(br.sHi-B) > tolS && br.lamLo > 0 {
		bestLam = w.illinois(br, B, tolS, best)
	}
	if lambda != nil {
		*lambda = bestLam
	}
	return best
}

// lamBracket is a bracket of λ with S(lamHi) = sHi ≤ B ≤ sLo = S(lamLo),
// and the spends at each end (cur at lamLo, hiCur at lamHi).
type lamBracket struct {
	lamLo, lamHi float64
	sLo, sHi     float64
	cur, hiCur   []float64
}

// bracket finds λ bracketing B by doubling λ from 1 while S(λ) > B, or
// halving it while S(λ) < B, and narrows the per-channel brackets xl, xu to
// the spends at the bracket's ends.
func (w *wf) bracket(B float64) lamBracket {
	cur := make([]float64, len(w.curves))
	lamHi, lamLo := 1.0, 1.0
	sHi := w.sum(lamHi, cur)
	for k := 0; sHi > B && k < 2100; k++ {
		lamLo = lamHi
		lamHi *= 2
		sHi = w.sum(lamHi, cur)
	}
	copy(w.xl, cur)
	hiCur := slices.Clone(cur)
	var sLo float64
	if lamLo == lamHi {
		sLo = w.sum(lamLo, cur)
		for k := 0; sLo < B && k < 2100 && lamLo > 0; k++ {
			lamHi, sHi = lamLo, sLo
			copy(w.xl, cur)
			copy(hiCur, cur)
			lamLo /= 2
			sLo = w.sum(lamLo, cur)
		}
		if sLo < B { // lamLo underflowed to 0: every channel at its top
			lamLo = 0
			sLo = w.sum(0, cur)
		}
	} else {
		sLo = w.sum(lamLo, cur)
	}
	copy(w.xu, cur)
	return lamBracket{lamLo: lamLo, lamHi: lamHi, sLo: sLo, sHi: sHi, cur: cur, hiCur: hiCur}
}

// illinois runs the Illinois regula falsi on h(t) = S(e^t) − B inside the
// bracket (h(tLo) > 0 > h(tHi)) until |h| ≤ tolS, writing the spends of
// each step into best, and returns the last λ.
func (w *wf) illinois(br lamBracket, B, tolS float64, best []float64) float64 {
	cur := make([]float64, len(w.curves))
	bestLam := br.lamLo
	if math.Abs(br.sHi-B) <= math.Abs(br.sLo-B) {
		bestLam = br.lamHi
	}
	tLo, tHi := math.Log(br.lamLo), math.Log(br.lamHi)
	hLo, hHi := br.sLo-B, br.sHi-B
	side := 0
	for range 300 {
		t := (tLo*hHi - tHi*hLo) / (hHi - hLo)
		if !(t > tLo && t < tHi) {
			t = tLo + (tHi-tLo)/2
		}
		if !(t > tLo && t < tHi) {
			break
		}
		lam := math.Exp(t)
		h := w.sum(lam, cur) - B
		copy(best, cur)
		bestLam = lam
		if math.Abs(h) <= tolS {
			break
		}
		if h > 0 {
			tLo, hLo = t, h
			copy(w.xu, cur)
			if side == 1 {
				hHi /= 2
			}
			side = 1
		} else {
			tHi, hHi = t, h
			copy(w.xl, cur)
			if side == -1 {
				hLo /= 2
			}
			side = -1
		}
	}
	return bestLam
}

// wf is the state of one water-filling run.
type wf struct {
	curves []Curve
	l, u   []float64 // bounds
	ml, mu []float64 // marginals at the bounds
	xl, xu []float64 // brackets of xᵢ(λ) valid for λ in the current λ bracket
	tol    float64   // spend precision wanted
}

// sum sets cur to xᵢ(λ) and returns Σ xᵢ(λ).
func (w *wf) sum(lam float64, cur []float64) float64 {
	s := 0.0
	for i, c := range w.curves {
		var x float64
		switch {
		case !(w.ml[i] > lam):
			x = w.l[i]
		case w.mu[i] >= lam:
			x = w.u[i]
		default:
			x = w.root(c, lam, i)
		}
		cur[i] = x
		s += x
	}
	return s
}

// root returns x in channel i's bracket with f'(x) = lam, f'(l) > lam > f'(u).
func (w *wf) root(c Curve, lam float64, i int) float64 {
	if mm, ok := c.(MichaelisMenten); ok && lam > 0 {
		return min(max(mm.inverseMarginal(lam), w.l[i]), w.u[i])
	}
	a, b := max(w.xl[i], w.l[i]), min(w.xu[i], w.u[i])
	if b-a <= w.tol {
		return a + (b-a)/2
	}
	ll := math.Log(lam)
	ga := math.Log(c.Marginal(a)) - ll
	gb := math.Log(c.Marginal(b)) - ll
	if !(ga > 0) { // the bracket end itself is the root (to rounding)
		return a
	}
	if !(gb < 0) {
		return b
	}
	side := 0
	for range 200 {
		var x float64
		if math.IsInf(ga, 0) || math.IsInf(gb, 0) {
			x = a + (b-a)/2
		} else {
			x = (a*gb - b*ga) / (gb - ga)
			if !(x > a && x < b) {
				x = a + (b-a)/2
			}
		}
		g := math.Log(c.Marginal(x)) - ll
		switch {
		case g > 0:
			a, ga = x, g
			if side == 1 {
				gb /= 2
			}
			side = 1
		case g < 0:
			b, gb = x, g
			if side == -1 {
				ga /= 2
			}
			side = -1
		default:
			return x
		}
		if b-a <= w.tol || math.Abs(g) < 1e-15 {
			return x
		}
	}
	return a + (b-a)/2
}

// roundUnits turns float spends (currency units) into minor units within the
// bounds summing to b: floor, then largest fractional parts (ties to the
// lower index) for leftover units, smallest fractional parts to take back a
// surplus.
func (p *problem) roundUnits(x []float64, b int64) []int64 {
	n := len(x)
	y := make([]int64, n)
	fr := make([]float64, n)
	var s int64
	for i, v := range x {
		hi := p.hiOf(i, b)
		u := v * p.scale
		f := math.Floor(u)
		yi := int64(f)
		fr[i] = u - f
		if yi < p.lo[i] || !(u == u) {
			yi, fr[i] = p.lo[i], 0
		}
		if yi > hi {
			yi, fr[i] = hi, 0
		}
		y[i] = yi
		s += yi
	}
	keys := make([]uint64, n)
	for d := b - s; d != 0; d = b - s {
		// candidates: channels with room in the needed direction
		cnt := 0
		for i := range n {
			keys[i] = 0
			room := (d > 0 && y[i] < p.hiOf(i, b)) || (d < 0 && y[i] > p.lo[i])
			if !room {
				continue
			}
			cnt++
			k := uint64(fr[i]*(1<<52)) + 1 // 1 … 2^52+1, 0 marks no room
			if d < 0 {
				k = (1<<53 + 2) - k
			}
			keys[i] = k
		}
		if cnt == 0 {
			break // cannot happen for a feasible problem
		}
		if abs64(d) > 2*int64(cnt) {
			// far off (curves whose float optimum could not meet b): move
			// in bulk, so the rounds are at most log₂|d| + n, not |d|/n
			p.bulkMove(y, keys, d, b)
			s = 0
			for _, v := range y {
				s += v
			}
			continue
		}
		k := int(min(abs64(d), int64(cnt)))
		step := int64(1)
		if d < 0 {
			step = -1
		}
		markLargest(keys, k, func(i int) {
			y[i] += step
			s += step
			fr[i] = 0.5 // a unit moved: later rounds treat it as neutral
		})
	}
	return y
}

// bulkMove moves about half of the d units still to place (d < 0: to take
// back) evenly over the channels with room (keys[i] ≠ 0), each within its
// bounds.
func (p *problem) bulkMove(y []int64, keys []uint64, d, b int64) {
	cnt := int64(0)
	for _, k := range keys {
		if k != 0 {
			cnt++
		}
	}
	q := max(1, abs64(d)/(2*cnt))
	for i, k := range keys {
		if k == 0 {
			continue
		}
		if d > 0 {
			y[i] += min(q, p.hiOf(i, b)-y[i])
		} else {
			y[i] -= min(q, y[i]-p.lo[i])
		}
	}
}

// polish moves single minor units from one channel to another while a move
// raises the total response. For concave curves an allocation that no
// single-unit move improves is the best one in whole units (separable concave
// maximisation over integers), so this makes the rounded KKT solution exact
// in cents; rounding leaves few moves to make.
func (p *problem) polish(y []int64, b int64) {
	n := len(y)
	if n < 2 {
		return
	}
	u := 1 / p.scale
	gain, loss := make([]float64, n), make([]float64, n)
	calc := func(i int) {
		c := p.curves[i]
		x := float64(y[i]) / p.scale
		f := c.Response(x)
		gain[i], loss[i] = math.Inf(-1), math.Inf(1)
		if y[i] < p.hiOf(i, b) {
			gain[i] = c.Response(x+u) - f
		}
		if y[i] > p.lo[i] {
			loss[i] = f - c.Response(x-u)
		}
	}
	for i := range n {
		calc(i)
	}
	for range 4*n + 100 {
		g1, g2, l1, l2 := -1, -1, -1, -1
		for i := range n {
			if g1 < 0 || gain[i] > gain[g1] {
				g1, g2 = i, g1
			} else if g2 < 0 || gain[i] > gain[g2] {
				g2 = i
			}
			if l1 < 0 || loss[i] < loss[l1] {
				l1, l2 = i, l1
			} else if l2 < 0 || loss[i] < loss[l2] {
				l2 = i
			}
		}
		i, j := g1, l1
		if i == j {
			if gain[g1]-loss[l2] >= gain[g2]-loss[l1] {
				j = l2
			} else {
				i = g2
			}
		}
		if i < 0 || j < 0 || i == j {
			return
		}
		delta := gain[i] - loss[j]
		if !(delta > 1e-12*max(math.Abs(gain[i]), math.Abs(loss[j]))) {
			return
		}
		y[i]++
		y[j]--
		calc(i)
		calc(j)
	}
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// gridDP solves on a grid. It returns the spends in units, the best response
// for every grid budget sumLo + j·step (j = 0…M) and the step in units.
func (p *problem) gridDP(b int64, steps int) ([]int64, []float64, int64) {
	n := len(p.curves)
	d := b - p.sumLo
	if steps <= 0 { // callers pass p.grid's size; never divide by zero
		steps = gridSteps(0, n, 1)
	}
	step := max(1, (d+int64(steps)-1)/int64(steps))
	m := int(d / step)
	// rb holds the best responses reversed, rb[m−j] for a budget of j steps,
	// so that the inner loop reads two slices forward (no bounds checks).
	rb := make([]float64, m+1)
	nrb := make([]float64, m+1)
	choice := make([][]int32, n)
	vals := make([]float64, m+1)
	for i, c := range p.curves {
		kmax := min(m, int((p.hiOf(i, b)-p.lo[i])/step))
		for k := 0; k <= kmax; k++ {
			vals[k] = c.Response(float64(p.lo[i]+int64(k)*step) / p.scale)
		}
		ch := make([]int32, m+1)
		if i == 0 {
			gridFirst(vals[:kmax+1], nrb, ch)
		} else {
			gridNext(vals[:kmax+1], rb, nrb, ch)
		}
		choice[i] = ch
		rb, nrb = nrb, rb
	}
	best := nrb // reuse: best[j] = rb[m−j]
	for j := range best {
		best[j] = rb[m-j]
	}
	units := make([]int64, n)
	j := m
	var s int64
	for i := n - 1; i >= 0; i-- {
		k := int(choice[i][j])
		units[i] = p.lo[i] + int64(k)*step
		s += units[i]
		j -= k
	}
	// hand out what the grid left, greedily by marginal return
	for r := b - s; r > 0; {
		bi, bm := -1, math.Inf(-1)
		for i, c := range p.curves {
			if units[i] >= p.hiOf(i, b) {
				continue
			}
			if mg := c.Marginal(float64(units[i]) / p.scale); mg > bm || bi < 0 {
				bi, bm = i, mg
			}
		}
		if bi < 0 {
			break
		}
		g := min(r, p.hiOf(bi, b)-units[bi])
		units[bi] += g
		r -= g
	}
	return units, best, step
}

// gridFirst is the first channel's row: with nothing before it, the best of
// j steps is the best of its own values within j steps (ties to fewer).
func gridFirst(vals, nrb []float64, ch []int32) {
	m := len(nrb) - 1
	bv, bk := math.Inf(-1), 0
	for j := 0; j <= m; j++ {
		if j < len(vals) {
			if v := vals[j]; v > bv {
				bv, bk = v, j
			}
		}
		nrb[m-j], ch[j] = bv, int32(bk)
	}
}

// gridNext is one more channel's row: the best of j steps is the maximum
// over k ≤ j of the best of j−k steps before (rb[m−j+k]) plus the channel's
// value at k steps, ties to the smaller k.
func gridNext(vals, rb, nrb []float64, ch []int32) {
	m := len(rb) - 1
	for j := 0; j <= m; j++ {
		kk := min(j, len(vals)-1)
		bv, bk := bestSum(rb[m-j:m-j+kk+1], vals[:kk+1])
		nrb[m-j], ch[j] = bv, int32(bk)
	}
}

// bestSum returns the maximum of a[k] + v[k] (len(a) = len(v) > 0) and the
// first k that reaches it; −Inf and 0 when every sum is NaN. Four lanes
// (k mod 4) keep their own first maximum, so the comparisons do not wait on
// each other; the lanes are then merged, ties to the smaller k, which gives
// exactly the sequential scan's answer.
func bestSum(a, v []float64) (float64, int) {
	a = a[:len(v)]
	ninf := math.Inf(-1)
	b0, b1, b2, b3 := ninf, ninf, ninf, ninf
	k0, k1, k2, k3 := -1, -1, -1, -1
	k := 0
	for ; k+4 <= len(v); k += 4 {
		if s := a[k] + v[k]; s > b0 {
			b0, k0 = s, k
		}
		if s := a[k+1] + v[k+1]; s > b1 {
			b1, k1 = s, k+1
		}
		if s := a[k+2] + v[k+2]; s > b2 {
			b2, k2 = s, k+2
		}
		if s := a[k+3] + v[k+3]; s > b3 {
			b3, k3 = s, k+3
		}
	}
	for ; k < len(v); k++ {
		if s := a[k] + v[k]; s > b0 || (s == b0 && k0 > k) {
			b0, k0 = s, k
		}
	}
	bv, bk := ninf, -1
	for _, l := range [4]struct {
		b float64
		k int
	}{{b0, k0}, {b1, k1}, {b2, k2}, {b3, k3}} {
		if l.k >= 0 && (l.b > bv || (l.b == bv && l.k < bk) || bk < 0) {
			bv, bk = l.b, l.k
		}
	}
	return bv, max(bk, 0)
}

func (p *problem) result(units []int64, m Method, cur Currency) (Allocation, error) {
	a := Allocation{Currency: cur, Method: m, Channels: make([]ChannelResult, len(units))}
	var tot int64
	resp := decimal.Zero
	unit := 1 / p.scale
	for i, u := range units {
		c := p.curves[i]
		x := float64(u) / p.scale
		r := c.Response(x)
		mg := c.Marginal(x)
		var avg float64
		if u == 0 {
			avg = c.Response(unit) / unit
		} else {
			avg = r / x
		}
		if mg >= math.MaxFloat64 { // +Inf, or a curve of ours saturated (Hill at 0, Slope < 1)
			mg = avg
		}
		for _, v := range []float64{r, mg, avg} {
			if !finite(v) {
				return Allocation{}, errs.New(ErrInvalid, p.fn, p.field(i)+".Curve", "not finite at spend "+strconv.FormatFloat(x, 'g', -1, 64), v)
			}
		}
		a.Channels[i] = ChannelResult{
			Name: p.names[i], Spend: decimal.New(u, -p.places),
			Response: toDec(r), Average: toDec(avg), Marginal: toDec(mg),
		}
		tot += u
		resp = resp.Add(a.Channels[i].Response)
	}
	a.Total = decimal.New(tot, -p.places)
	a.Response = resp
	return a, nil
}

func toDec(f float64) decimal.Decimal { return decimal.NewFromFloat(f).Round(exact.Precision) }

// field names channel i in an error: its Name, or "channels[i]".
func (p *problem) field(i int) string {
	if p.names[i] != "" {
		return shortName(p.names[i])
	}
	return "channels[" + strconv.Itoa(i) + "]"
}

// ReturnKind names the return a ReturnTarget holds to. Its zero value is
// MarginalReturn, the default.
type ReturnKind int

const (
	// MarginalReturn (the default) spends on each channel up to the largest
	// spend whose marginal return is still at least Value.
	MarginalReturn ReturnKind = iota
	// AverageReturn finds the largest total whose optimal allocation returns
	// on average (Σ response / Σ spend) at least Value.
	AverageReturn
)

// ReturnTarget configures AllocateTarget: spend while the return holds.
type ReturnTarget struct {
	Kind  ReturnKind      `json:"kind"`  // default MarginalReturn
	Value decimal.Decimal `json:"value"` // the return floor, response per currency unit; > 0
	Limit decimal.Decimal `json:"limit"` // the most that may be spent in total; zero means no limit
}

// AllocateTarget spends as much as stays efficient, instead of a fixed total.
//
// MarginalReturn: each channel gets the largest spend in [Min, Max] whose
// marginal return f'(x) is at least Value (for an S-shaped curve, on its
// concave side), rounded down to a minor unit; a channel whose return never
// reaches Value gets its Min. This is the KKT allocation at λ = Value. If the
// sum exceeds Limit, the result is Allocate(Limit) instead, whose marginal
// return is then above Value.
//
// AverageReturn: the largest total B (a whole number of minor units, up to
// Limit) for which the optimal allocation of B has Σ response / B ≥ Value,
// found by bisection for concave curves (where that average falls as B
// grows) and by a scan of the DP grid for S-shaped ones. For S-shaped curves
// without Limit or maximums, the search for an upper end starts at four
// times the sum of the inflection points and doubles: set Limit to be sure.
//
// With GridDP, AverageReturn over a channel without Max and no Limit solves
// up to 15 grids in all while it searches for an upper end: MaxGridWork then
// bounds 15·n·(GridSteps+1)², and the default grid is lowered to fit it.
//
// Errors as Allocate (Value beyond the module's limits is ErrTooLarge),
// plus ErrNonPositive for a Value ≤ 0, ErrInfeasible
// when even the minimums miss an AverageReturn, or when a return stays above
// Value at any spend (an unbounded channel with Limit zero).
func AllocateTarget(channels []Channel, t ReturnTarget, opt AllocateOptions) (Allocation, error) {
	const fn = "budget.AllocateTarget"
	p, err := newProblem(fn, channels, opt)
	if err != nil {
		return Allocation{}, err
	}
	if err := limit.Decimal(fn, "Value", t.Value); err != nil {
		return Allocation{}, err
	}
	if t.Value.Sign() <= 0 {
		return Allocation{}, errs.New(ErrNonPositive, fn, "Value", "", t.Value)
	}
	limit, capU, err := p.targetCap(t, opt.Currency)
	if err != nil {
		return Allocation{}, err
	}
	m := p.method(opt.Method)
	steps := opt.GridSteps
	if m == GridDP {
		runs := 1
		if t.Kind == AverageReturn && p.unb && limit < 0 {
			runs = gridTargetRuns
		}
		if steps, err = p.grid(opt.GridSteps, runs); err != nil {
			return Allocation{}, err
		}
	}
	switch t.Kind {
	case MarginalReturn:
		return p.marginalTarget(channels, t, opt, limit)
	case AverageReturn:
		b, err := p.averageTarget(t, m, steps, limit, capU)
		if err != nil {
			return Allocation{}, err
		}
		return allocate(fn, decimal.New(b, -p.places), channels, AllocateOptions{Currency: opt.Currency, Method: m, GridSteps: steps})
	}
	return Allocation{}, errs.New(ErrInvalid, fn, "Kind", "unknown", int64(t.Kind))
}

// targetCap returns the target's Limit in units (-1 for none) and the most
// any allocation can spend: Limit, Σ Max, or 2^53 units.
func (p *problem) targetCap(t ReturnTarget, cur Currency) (limit, capU int64, err error) {
	limit = -1
	if !t.Limit.IsZero() {
		if limit, err = unitsOf(p.fn, "Limit", t.Limit, cur); err != nil {
			return 0, 0, err
		}
		if limit < p.sumLo {
			return 0, 0, errs.New(ErrInfeasible, p.fn, "Limit", "below the sum of minimums", t.Limit)
		}
	}
	capU = int64(maxUnits)
	if limit >= 0 {
		capU = limit
	}
	if !p.unb {
		capU = min(capU, p.sumHi)
	}
	return limit, capU, nil
}

// marginalTarget is AllocateTarget's MarginalReturn.
func (p *problem) marginalTarget(channels []Channel, t ReturnTarget, opt AllocateOptions, limit int64) (Allocation, error) {
	v := t.Value.InexactFloat64()
	units := make([]int64, len(p.curves))
	var s int64
	for i, c := range p.curves {
		u, err := p.marginalSpend(i, c, v)
		if err != nil {
			return Allocation{}, err
		}
		units[i] = u
		s += u
	}
	if limit >= 0 && s > limit {
		return allocate(p.fn, t.Limit, channels, opt)
	}
	return p.result(units, WaterFilling, opt.Currency)
}

// averageTarget returns the largest total, in units, whose optimal
// allocation averages at least t.Value (AllocateTarget's AverageReturn).
func (p *problem) averageTarget(t ReturnTarget, m Method, steps int, limit, capU int64) (int64, error) {
	v := t.Value.InexactFloat64()
	ok := func(b int64) bool { return p.avgOK(b, v, m, steps) }
	if p.unb && limit < 0 {
		c, err := p.growCap(t, m, ok)
		if err != nil {
			return 0, err
		}
		capU = c
	}
	b := int64(-1)
	if m == GridDP {
		_, best, step := p.gridDP(capU, steps)
		for j := len(best) - 1; j >= 0; j-- {
			bb := p.sumLo + int64(j)*step
			if bb > 0 && best[j]/(float64(bb)/p.scale) >= v {
				b = bb
				break
			}
		}
	} else if ok(p.sumLo) {
		lo, hi := p.sumLo, capU // ok(lo) holds
		if ok(hi) {
			lo = hi
		}
		for hi-lo > 1 {
			mid := lo + (hi-lo)/2
			if ok(mid) {
				lo = mid
			} else {
				hi = mid
			}
		}
		b = lo
	}
	if b < 0 {
		return 0, errs.New(ErrInfeasible, p.fn, "Value", "average return below it at every spend", t.Value)
	}
	return b, nil
}

// growCap returns the upper end of AverageReturn's search when nothing
// bounds the spend: the first of the caps c, 2c, 4c, … at which the optimal
// average drops below the target (c starts past the curves' inflections,
// where an S-curve's average has stopped rising), or ErrInfeasible when it
// is still above it at the first cap ≥ 2^52 units. Beyond the inflections
// the average only falls as the budget grows, so along the caps "still
// above" holds and then stops: the first cap where it stops is found by a
// galloping search over the doublings (0, 1, 2, 4, 8, … of them, then
// bisection between the last two), at most 13 allocations where one per
// doubling took up to 53; the same cap when the average falls, and when the
// first cap already ends the search, still one allocation.
func (p *problem) growCap(t ReturnTarget, m Method, ok func(int64) bool) (int64, error) {
	c := max(p.sumLo, 1)
	if m == GridDP {
		infl := 0.0
		for _, cv := range p.curves {
			infl += 4 * cv.Inflection()
		}
		c = max(c, int64(min(infl*p.scale, maxUnits/4)))
	}
	last := 0 // the caps are c<<0 … c<<last, c<<last the first ≥ 2^52 (< 2^53)
	for c<<last < maxUnits/2 {
		last++
	}
	prev, k := -1, 0 // ok(c<<prev) holds (prev −1: none tried yet)
	for {
		k = min(k, last)
		if !ok(c << k) {
			break
		}
		if k == last {
			return 0, errs.New(ErrInfeasible, p.fn, "Value", "average return stays above it at any spend", t.Value)
		}
		prev, k = k, max(1, 2*k)
	}
	for lo, hi := prev, k; ; {
		if hi-lo <= 1 {
			return c << hi, nil
		}
		if mid := lo + (hi-lo)/2; ok(c << mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
}

// avgOK reports whether the optimal response at budget b averages ≥ v.
func (p *problem) avgOK(b int64, v float64, m Method, steps int) bool {
	if b <= 0 {
		// zero spend: use the return of the first unit
		r := 0.0
		unit := 1 / p.scale
		for _, c := range p.curves {
			r = max(r, c.Response(unit)/unit)
		}
		return r >= v
	}
	var units []int64
	if m == WaterFilling {
		units = p.roundUnits(p.waterfill(b, nil), b)
		p.polish(units, b)
	} else {
		units, _, _ = p.gridDP(b, steps)
	}
	r := 0.0
	for i, c := range p.curves {
		r += c.Response(float64(units[i]) / p.scale)
	}
	return r/(float64(b)/p.scale) >= v
}

// marginalSpend returns the largest spend (units) in channel i's bounds with
// marginal return ≥ v, or its Min.
func (p *problem) marginalSpend(i int, c Curve, v float64) (int64, error) {
	lo := p.lo[i]
	hi := p.hi[i]
	start := max(float64(lo)/p.scale, min(c.Inflection(), floatHi(hi, p.scale)))
	if !(c.Marginal(start) >= v) {
		return lo, nil
	}
	var a, b float64 = start, 0
	if hi >= 0 {
		b = float64(hi) / p.scale
		if c.Marginal(b) >= v {
			return hi, nil
		}
	} else {
		b = max(start*2, 1)
		for c.Marginal(b) >= v {
			if b*p.scale >= maxUnits {
				return 0, errs.New(ErrInfeasible, p.fn, p.field(i), "marginal return stays above the target at any spend", errs.None)
			}
			b *= 2
		}
	}
	for range 200 {
		mid := a + (b-a)/2
		if !(mid > a && mid < b) {
			break
		}
		if c.Marginal(mid) >= v {
			a = mid
		} else {
			b = mid
		}
	}
	u := int64(math.Floor(a*p.scale + 1e-9))
	u = max(u, lo)
	if hi >= 0 {
		u = min(u, hi)
	}
	return u, nil
}

func floatHi(hi int64, scale float64) float64 {
	if hi < 0 {
		return math.Inf(1)
	}
	return float64(hi) / scale
}
