package roi

import (
	"cmp"
	"fmt"
	"math/big"
	"slices"
	"strconv"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// Path is one customer-journey pattern: the channels (influencers, codes,
// links) touched in order, and how many journeys along it converted
// (Conversions, together worth Value) or ended without converting (Nulls).
// The same channel may appear several times, also consecutively. Several
// Paths may share the same channels; they add up.
type Path struct {
	Channels    []string        `json:"channels"`
	Conversions int64           `json:"conversions"`
	Value       decimal.Decimal `json:"value"`
	Nulls       int64           `json:"nulls"`
}

// Credit is what a channel is credited with: a share of the conversions and
// a share of the value. Shares are decimals, multiples of 10^-16 (or of the
// total value's own smallest unit when that is finer); see [Attribute].
type Credit struct {
	Conversions decimal.Decimal `json:"conversions"`
	Value       decimal.Decimal `json:"value"`
}

// Attribute shares the paths' conversions and value among channels by model,
// one of the [Rule] constants ([LastTouch], [FirstTouch], [Linear],
// [PositionBased], [Markov], [Shapley]) or a configured [Positions],
// [MarkovChain] or [RateShapley] ([TimeDecay] needs touch times: see [AttributeJourneys]).
//
// The result has an entry for every channel of every path, zero credit
// included. Nulls matter only to Markov models; the other models share each
// path's conversions and value among the path's touches.
//
// Shapley: the game v(S) = Σ conversions of the paths whose channel set
// lies in S is a sum, over paths, of unanimity games, and the Shapley value
// is linear, so each channel's Shapley value is exactly the sum, over the
// paths that touch it, of the path's conversions divided by the number of
// distinct channels on the path (Shapley 1953, the value of a unanimity
// game). It is therefore computed exactly for any number of channels, in
// one pass over the paths, without enumerating the 2ⁿ coalitions; the tests
// check it against the enumeration for small n. Value is shared the same way
// in the game where a set is worth the value of its paths.
//
// Exact sums: every model first computes each channel's share as an exact
// rational number (Markov: the float64 removal effects, each taken as the
// exact rational it denotes). The credits are then those shares of the total
// conversions and of the total value, rounded to multiples of 10^-p, where p
// is 16 (internal/exact.Precision) or the number of decimal places of the total
// value if greater, by the largest-remainder method: every credit is rounded
// down, and the units of 10^-p still missing go one each to the channels
// with the largest remainders, ties to the channel name first in byte order.
// So the credits sum exactly to the totals, and each differs from its exact
// share by less than 10^-p.
//
// Errors: no paths, or a path without channels ([ErrEmpty]), an empty channel name
// ([ErrInvalid]), negative counts or value ([ErrNegative]), value on a path
// without conversions ([ErrInvalid]), totals beyond int64 ([ErrOverflow]), a
// nil, unknown or misconfigured model, or a [TimeDecay], which needs the
// touch times of [AttributeJourneys] ([ErrInvalid]).
func Attribute(paths []Path, model Model) (map[string]Credit, error) {
	return attribute("roi.Attribute", paths, model)
}

// attribute is Attribute reporting errors as fn's.
func attribute(fn string, paths []Path, model Model) (map[string]Credit, error) {
	if _, ok := model.(TimeDecay); ok {
		return nil, errs.New(ErrInvalid, fn, "model", "needs touch times: use AttributeJourneys", model)
	}
	if err := validateModel(fn, model); err != nil {
		return nil, err
	}
	pp, err := prepare(fn, "paths", paths)
	if err != nil {
		return nil, err
	}
	return pp.attribute(fn, model)
}

func validateModel(fn string, model Model) error {
	switch m := model.(type) {
	case nil:
		return errs.New(ErrInvalid, fn, "model", "nil model", errs.None)
	case Rule:
		if !ruleText.Valid(m) {
			return errs.New(ErrInvalid, fn, "model", "unknown rule", m)
		}
	case Positions:
		return m.validate(fn)
	case MarkovChain:
		if m.Order < 0 || m.Order > 3 {
			return errs.New(ErrInvalid, fn, "MarkovChain.Order", "not 1, 2 or 3", m.Order)
		}
	case RateShapley:
	case TimeDecay:
		if m.HalfLife < 0 {
			return errs.New(ErrInvalid, fn, "TimeDecay.HalfLife", "negative", m.HalfLife)
		}
	default:
		return errs.New(ErrInvalid, fn, "model", "unknown model", fmt.Sprintf("%T", model))
	}
	return nil
}

func (pp *prepared) attribute(fn string, model Model) (map[string]Credit, error) {
	switch m := model.(type) {
	case Rule:
		switch m {
		case PositionBased:
			return pp.heuristic(fn, Positions{First: decimal.New(4, -1), Last: decimal.New(4, -1)})
		case Markov:
			return pp.markov(fn, 1)
		}
		return pp.heuristic(fn, m)
	case MarkovChain:
		return pp.markov(fn, m.order())
	case RateShapley:
		return pp.rateShapley(fn)
	}
	return pp.heuristic(fn, model)
}

// prepared holds validated paths with channels interned as indices in order
// of first appearance.
type prepared struct {
	names      []string
	index      map[string]int32
	ch         []int32 // all touches, path after path
	paths      []ppath
	totalConv  int64
	totalNulls int64
	totalValue decimal.Decimal
	// scaled values: value = scaled × 10^valueExp, when every one fits an int64.
	valueExp int32
	scaledOK bool
}

type ppath struct {
	start, end int // touches are ch[start:end]
	conv       int64
	nulls      int64
	value      decimal.Decimal
	scaled     int64    // value × 10^-valueExp, when it fits
	big        *big.Int // value × 10^-valueExp; nil for a zero value
}

// prepare validates paths and interns their channels. arg names the
// argument in messages: "paths", or "journeys" when the paths come from
// AttributeJourneys (a path's Channels are then the journey's Touches).
func prepare(fn, arg string, paths []Path) (*prepared, error) {
	if len(paths) == 0 {
		return nil, errs.New(ErrEmpty, fn, arg, "no "+arg, errs.None)
	}
	pp := &prepared{index: make(map[string]int32), paths: make([]ppath, 0, len(paths))}
	values := make([]decimal.Decimal, 0, len(paths))
	for i := range paths {
		p := &paths[i]
		if len(p.Channels) == 0 {
			return nil, errs.New(ErrEmpty, fn, pathField(arg, i, "Channels"), "no channels", errs.None)
		}
		if p.Conversions < 0 {
			return nil, errs.New(ErrNegative, fn, pathField(arg, i, "Conversions"), "", p.Conversions)
		}
		if p.Nulls < 0 {
			return nil, errs.New(ErrNegative, fn, pathField(arg, i, "Nulls"), "", p.Nulls)
		}
		if limit.Decimal(fn, "", p.Value) != nil { // the field's name is built only for the error
			return nil, limit.Decimal(fn, pathField(arg, i, "Value"), p.Value)
		}
		if p.Value.IsNegative() {
			return nil, errs.New(ErrNegative, fn, pathField(arg, i, "Value"), "", p.Value)
		}
		if p.Conversions == 0 && !p.Value.IsZero() {
			return nil, errs.New(ErrInvalid, fn, pathField(arg, i, "Value"), "value without conversions", p.Value)
		}
		var ok bool
		if pp.totalConv, ok = exact.Add(pp.totalConv, p.Conversions); !ok {
			return nil, errs.New(ErrOverflow, fn, pathField(arg, i, "Conversions"), "total conversions overflow int64", p.Conversions)
		}
		if pp.totalNulls, ok = exact.Add(pp.totalNulls, p.Nulls); !ok {
			return nil, errs.New(ErrOverflow, fn, pathField(arg, i, "Nulls"), "total nulls overflow int64", p.Nulls)
		}
		if _, ok = exact.Add(pp.totalConv, pp.totalNulls); !ok {
			return nil, errs.New(ErrOverflow, fn, pathField(arg, i, "Nulls"), "total journeys overflow int64", p.Nulls)
		}
		start := len(pp.ch)
		for k, name := range p.Channels {
			c, seen := pp.index[name]
			if !seen {
				if name == "" {
					return nil, errs.New(ErrInvalid, fn, channelField(arg, i, k), "empty channel name", errs.None)
				}
				c = int32(len(pp.names))
				pp.index[name] = c
				pp.names = append(pp.names, name)
			}
			pp.ch = append(pp.ch, c)
		}
		pp.paths = append(pp.paths, ppath{start: start, end: len(pp.ch), conv: p.Conversions, nulls: p.Nulls, value: p.Value})
		if !p.Value.IsZero() {
			values = append(values, p.Value)
			if e := p.Value.Exponent(); e < pp.valueExp {
				pp.valueExp = e
			}
		}
	}
	pp.totalValue = decimal.Sum(decimal.Zero, values...)
	return pp, nil
}

// scale sets each path's value as an integer multiple of 10^valueExp, for
// the heuristics' inner loops: they add integers, in 128 bits when every
// one fits an int64 (sums never overflow), else as big.Ints.
func (pp *prepared) scale() {
	pp.scaledOK = true
	for i := range pp.paths {
		v := pp.paths[i].value
		if v.IsZero() {
			continue
		}
		c := v.Shift(-pp.valueExp).BigInt()
		pp.paths[i].big = c
		if !c.IsInt64() {
			pp.scaledOK = false
		} else {
			pp.paths[i].scaled = c.Int64()
		}
	}
}

// pathField names field of path i of arg ("paths" or "journeys", whose
// Channels are Touches).
func pathField(arg string, i int, field string) string {
	if arg == "journeys" && field == "Channels" {
		field = "Touches"
	}
	return arg + "[" + strconv.Itoa(i) + "]." + field
}

// channelField names channel k of path i: paths[i].Channels[k], or
// journeys[i].Touches[k].Channel.
func channelField(arg string, i, k int) string {
	if arg == "journeys" {
		return pathField(arg, i, "Touches") + "[" + strconv.Itoa(k) + "].Channel"
	}
	return pathField(arg, i, "Channels") + "[" + strconv.Itoa(k) + "]"
}

// slot kinds: each identifies one rational weight a touch can receive.
const (
	slotAll      = iota // weight 1
	slotOneOf           // weight 1/n (Linear over n touches, Shapley over n channels)
	slotTwoFirst        // First/(First+Last), or 1/2
	slotTwoLast         // Last/(First+Last), or 1/2
	slotFirst           // First
	slotLast            // Last
	slotMiddle          // (1 − First − Last)/(n − 2)
)

type slotKey struct {
	kind int8
	n    int
}

// acc accumulates, per (slot, channel), the conversions and values of the
// paths that gave that channel that slot's weight. It is dense (one entry
// per slot and channel, entry s·nch + c) while slots × channels stays
// within denseCap, which is linear in the touches; beyond that it is
// sparse (an entry only for the pairs that occur, found through a map), so
// that memory and work stay linear in the touches whatever the mix of path
// lengths and channels (paths of 1, 2, …, 600 distinct channels made 600
// slots × 180,300 channels dense: 34 GB).
type acc struct {
	nch      int
	denseCap int
	slots    map[slotKey]int
	keys     []slotKey
	conv     []exact.Sum128
	scaled   []exact.Sum128
	bigs     []big.Int // used when !scaledOK
	useBig   bool
	lastKey  slotKey
	lastIdx  int
	sparse   map[uint64]int32 // slot<<32 | channel → entry; nil while dense
	entSlot  []int32          // sparse only: each entry's slot and channel
	entCh    []int32
}

func (a *acc) slot(k slotKey) int {
	if k == a.lastKey && a.lastIdx >= 0 {
		return a.lastIdx
	}
	s, ok := a.slots[k]
	if !ok {
		s = len(a.keys)
		a.slots[k] = s
		a.keys = append(a.keys, k)
		if a.sparse == nil {
			if len(a.keys)*a.nch > a.denseCap {
				a.toSparse()
			} else {
				a.grow(a.nch)
			}
		}
	}
	a.lastKey, a.lastIdx = k, s
	return s
}

// grow appends n zero entries.
func (a *acc) grow(n int) {
	a.conv = append(a.conv, make([]exact.Sum128, n)...)
	if a.useBig {
		a.bigs = append(a.bigs, make([]big.Int, n)...)
	} else {
		a.scaled = append(a.scaled, make([]exact.Sum128, n)...)
	}
}

// toSparse turns the dense entries into sparse ones, keeping those used (a
// used entry has conversions: the heuristics skip paths without).
func (a *acc) toSparse() {
	conv, scaled, bigs := a.conv, a.scaled, a.bigs
	a.conv, a.scaled, a.bigs = nil, nil, nil
	a.sparse = make(map[uint64]int32)
	for i := range conv {
		if conv[i] == (exact.Sum128{}) {
			continue
		}
		j := a.entry(i/a.nch, int32(i%a.nch)) //nolint:gosec // i%nch < nch, an int32 channel index
		a.conv[j] = conv[i]
		if a.useBig {
			a.bigs[j].Set(&bigs[i])
		} else {
			a.scaled[j] = scaled[i]
		}
	}
}

// entry returns the sparse entry of slot s and channel c, adding it if new.
func (a *acc) entry(s int, c int32) int {
	k := uint64(s)<<32 | uint64(uint32(c)) //nolint:gosec // s and c are non-negative indices
	i, ok := a.sparse[k]
	if !ok {
		i = int32(len(a.conv)) //nolint:gosec // entries ≤ touches, which are int32-indexed
		a.sparse[k] = i
		a.entSlot = append(a.entSlot, int32(s)) //nolint:gosec // s < touches
		a.entCh = append(a.entCh, c)
		a.grow(1)
	}
	return int(i)
}

func (a *acc) add(s int, c int32, p *ppath) {
	var i int
	if a.sparse == nil {
		i = s*a.nch + int(c)
	} else {
		i = a.entry(s, c)
	}
	a.conv[i].Add(p.conv)
	if a.useBig {
		if p.big != nil {
			a.bigs[i].Add(&a.bigs[i], p.big)
		}
	} else {
		a.scaled[i].Add(p.scaled)
	}
}

// heuristic attributes by a rule other than Markov, or by Positions: each
// touch of a converting path gets a rational weight (a slot), the paths'
// conversions and scaled values are summed per slot and channel exactly,
// and each channel's share is Σ weight × sum over the slots.
func (pp *prepared) heuristic(fn string, model Model) (map[string]Credit, error) {
	pp.scale()
	nch := len(pp.names)
	a := &acc{nch: nch, denseCap: 4*len(pp.ch) + 1024, slots: make(map[slotKey]int), useBig: !pp.scaledOK, lastIdx: -1}
	var pos Positions
	var rule Rule
	positions := false
	switch m := model.(type) {
	case Rule:
		rule = m
	case Positions:
		pos, positions = m, true
	default:
		return nil, errs.New(ErrInvalid, fn, "model", "unknown model", fmt.Sprintf("%T", model))
	}
	var stamp []int32
	if rule == Shapley && !positions {
		stamp = make([]int32, nch)
	}
	var gen int32
	for i := range pp.paths {
		p := &pp.paths[i]
		if p.conv == 0 {
			continue
		}
		t := pp.ch[p.start:p.end]
		if positions {
			a.addPositions(t, p)
		} else {
			a.addRule(rule, t, p, stamp, &gen)
		}
	}
	convW, valW := a.channelWeights(a.slotWeights(pos))
	return pp.credits(fn, convW, valW)
}

// addRule gives the touches t of path p their slots under rule. Shapley
// uses stamp and gen to count each distinct channel once.
func (a *acc) addRule(rule Rule, t []int32, p *ppath, stamp []int32, gen *int32) {
	n := len(t)
	switch rule {
	case FirstTouch:
		a.add(a.slot(slotKey{slotAll, 1}), t[0], p)
	case LastTouch:
		a.add(a.slot(slotKey{slotAll, 1}), t[n-1], p)
	case Linear:
		s := a.slot(slotKey{slotOneOf, n})
		for _, c := range t {
			a.add(s, c, p)
		}
	case Shapley:
		*gen++
		d := 0
		for _, c := range t {
			if stamp[c] != *gen {
				stamp[c] = *gen
				d++
			}
		}
		s := a.slot(slotKey{slotOneOf, d})
		*gen++
		for _, c := range t {
			if stamp[c] != *gen {
				stamp[c] = *gen
				a.add(s, c, p)
			}
		}
	}
}

// addPositions gives the touches t of path p their position-based slots.
func (a *acc) addPositions(t []int32, p *ppath) {
	n := len(t)
	switch n {
	case 1:
		a.add(a.slot(slotKey{slotAll, 1}), t[0], p)
	case 2:
		a.add(a.slot(slotKey{slotTwoFirst, 2}), t[0], p)
		a.add(a.slot(slotKey{slotTwoLast, 2}), t[1], p)
	default:
		a.add(a.slot(slotKey{slotFirst, n}), t[0], p)
		a.add(a.slot(slotKey{slotLast, n}), t[n-1], p)
		s := a.slot(slotKey{slotMiddle, n})
		for _, c := range t[1 : n-1] {
			a.add(s, c, p)
		}
	}
}

// slotWeights returns the weight of each slot used, as an exact rational.
func (a *acc) slotWeights(pos Positions) []*big.Rat {
	first, last := pos.First.Rat(), pos.Last.Rat()
	fl := new(big.Rat).Add(first, last)
	weights := make([]*big.Rat, len(a.keys))
	for s, k := range a.keys {
		w := new(big.Rat)
		switch k.kind {
		case slotAll:
			w.SetInt64(1)
		case slotOneOf:
			w.SetFrac64(1, int64(k.n))
		case slotTwoFirst, slotTwoLast:
			if fl.Sign() == 0 {
				w.SetFrac64(1, 2)
			} else if k.kind == slotTwoFirst {
				w.Quo(first, fl)
			} else {
				w.Quo(last, fl)
			}
		case slotFirst:
			w.Set(first)
		case slotLast:
			w.Set(last)
		case slotMiddle:
			w.Sub(big.NewRat(1, 1), fl)
			w.Quo(w, big.NewRat(int64(k.n-2), 1))
		}
		weights[s] = w
	}
	return weights
}

// channelWeights returns each channel's share of the conversions and of the
// (scaled) value: Σ over the slots of weight × the slot's sum, over the
// entries used only. The slot weights are first scaled to integers by the
// least common multiple of their denominators (intWeights), so the shares
// are integers with one common denominator: no rational arithmetic, no gcd
// per touch or per channel. With 1000-digit Positions weights, rationals
// took 22.7 s over 45,150 touches of 300 distinct path lengths.
func (a *acc) channelWeights(weights []*big.Rat) (convW, valW []*big.Int) {
	iw := intWeights(weights)
	convW = make([]*big.Int, a.nch)
	valW = make([]*big.Int, a.nch)
	for c := range a.nch {
		convW[c], valW[c] = new(big.Int), new(big.Int)
	}
	tmp := new(big.Int)
	for i := range a.conv {
		if a.conv[i] == (exact.Sum128{}) {
			continue // unused: no path gave this channel this slot
		}
		s, c := i/max(a.nch, 1), i%max(a.nch, 1)
		if a.sparse != nil {
			s, c = int(a.entSlot[i]), int(a.entCh[i])
		}
		convW[c].Add(convW[c], tmp.Mul(iw[s], a.conv[i].Decimal().BigInt()))
		if a.useBig {
			if a.bigs[i].Sign() != 0 {
				valW[c].Add(valW[c], tmp.Mul(iw[s], &a.bigs[i]))
			}
		} else {
			valW[c].Add(valW[c], tmp.Mul(iw[s], a.scaled[i].Decimal().BigInt()))
		}
	}
	return convW, valW
}

// intWeights returns the non-negative rationals w scaled by the least common
// multiple of their denominators: integers in the same proportions. The
// weights built here have few distinct denominators (slot weights; Markov's
// powers of two; time decay's powers of ten), so the multiple stays small.
func intWeights(w []*big.Rat) []*big.Int {
	l, g := big.NewInt(1), new(big.Int)
	for _, x := range w {
		d := x.Denom()
		if d.Cmp(l) == 0 || d.IsInt64() && d.Int64() == 1 {
			continue
		}
		g.GCD(nil, nil, l, d)
		l.Mul(l, g.Quo(d, g))
	}
	out := make([]*big.Int, len(w))
	for i, x := range w {
		q := new(big.Int).Quo(l, x.Denom())
		out[i] = q.Mul(q, x.Num())
	}
	return out
}

// credits apportions the totals by the per-channel weights and builds the
// result map.
func (pp *prepared) credits(fn string, convW, valW []*big.Int) (map[string]Credit, error) {
	conv, err := apportion(decimal.NewFromInt(pp.totalConv), convW, pp.names)
	if err != nil {
		return nil, errs.New(err, fn, "conversions", "no channel has weight", pp.totalConv)
	}
	val, err := apportion(pp.totalValue, valW, pp.names)
	if err != nil {
		return nil, errs.New(err, fn, "value", "no channel has weight", pp.totalValue)
	}
	out := make(map[string]Credit, len(pp.names))
	for c, name := range pp.names {
		out[name] = Credit{Conversions: conv[c], Value: val[c]}
	}
	return out, nil
}

// apportion returns parts of total proportional to the integer weights w
// (negative ones only from [RateShapley]; their sum must be positive), each a multiple of 10^-p (p = max(exact.Precision, places of
// total)), summing exactly to total, by the largest-remainder method; ties
// go to the smaller name. A zero total gives zero parts; a positive total
// with all weights zero is an error. With T = total × 10^p and W = Σ w,
// part i is ⌊T·wᵢ / W⌋ units, and the remainders (T·wᵢ mod W) share the
// denominator W, so they compare as integers.
func apportion(total decimal.Decimal, w []*big.Int, names []string) ([]decimal.Decimal, error) {
	out := make([]decimal.Decimal, len(w))
	if total.IsZero() {
		for i := range out {
			out[i] = decimal.Zero
		}
		return out, nil
	}
	sum := new(big.Int)
	for _, x := range w {
		sum.Add(sum, x)
	}
	if sum.Sign() <= 0 {
		return nil, ErrInvalid
	}
	p := exact.Precision
	if -total.Exponent() > p {
		p = -total.Exponent()
	}
	// T = total × 10^p, an integer.
	T := total.Shift(p).BigInt()
	floors := make([]*big.Int, len(w))
	rems := make([]*big.Int, len(w))
	assigned := new(big.Int)
	for i, wi := range w {
		num := new(big.Int).Mul(T, wi)
		floors[i], rems[i] = num.DivMod(num, sum, new(big.Int)) // sum > 0: floors, remainder in [0, sum)
		assigned.Add(assigned, floors[i])
	}
	missing := new(big.Int).Sub(T, assigned).Int64() // 0 <= missing < len(w)
	order := make([]int, len(w))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := rems[b].Cmp(rems[a]); c != 0 {
			return c
		}
		return cmp.Compare(names[a], names[b])
	})
	bigOne := big.NewInt(1)
	for k := int64(0); k < missing; k++ {
		floors[order[k]].Add(floors[order[k]], bigOne)
	}
	for i := range floors {
		out[i] = decimal.NewFromBigInt(floors[i], -p)
	}
	return out, nil
}
