package roi

import (
	"math"
	"math/big"

	"github.com/shopspring/decimal"
)

// RemovalEffects is the result of fitting a Markov chain model to paths
// (see [MarkovChain]).
type RemovalEffects struct {
	// Order is the order of the chain, 1 to 3.
	Order int `json:"order"`
	// States is the number of transient states (channel histories of up to
	// Order channels) observed.
	States int `json:"states"`
	// ConversionProbability is P, the probability that a journey reaches
	// conversion from the start state.
	ConversionProbability decimal.Decimal `json:"conversion_probability"`
	// Effects maps each channel to its removal effect 1 − P₋c / P, a
	// fraction in [0, 1]. They do not sum to 1 in general.
	Effects map[string]decimal.Decimal `json:"effects"`
}

// MarkovRemovalEffects fits the Markov chain of the given order (1, 2 or 3)
// to paths and returns the conversion probability and each channel's removal
// effect, as defined at [MarkovChain]. The probabilities are solved in
// float64 (Gaussian elimination with partial pivoting on the absorbing
// chain's linear system) and reported rounded half away from zero to 16
// decimal places: they are estimates, exact to about 15 significant digits.
// Paths are validated as by [Attribute].
func MarkovRemovalEffects(paths []Path, order int) (RemovalEffects, error) {
	const fn = "MarkovRemovalEffects"
	if order < 1 || order > 3 {
		return RemovalEffects{}, errf(fn, "order", ErrModel, order)
	}
	pp, err := prepare(fn, paths)
	if err != nil {
		return RemovalEffects{}, err
	}
	ch := pp.chain(order)
	p, re := ch.removalEffects(len(pp.names))
	out := RemovalEffects{Order: order, States: ch.states, ConversionProbability: floatDec(p), Effects: make(map[string]decimal.Decimal, len(pp.names))}
	for c, name := range pp.names {
		out.Effects[name] = floatDec(re[c])
	}
	return out, nil
}

func floatDec(x float64) decimal.Decimal {
	return decimal.NewFromFloat(x).Round(16)
}

// chain is the absorbing Markov chain fitted to the paths. Transient states
// are numbered 0..states-1; the start state is separate.
type chain struct {
	states int
	last   []int32 // latest channel of each state
	// counts, row-major: from state s (or start, row states) to state t;
	// dense when small, otherwise sparse.
	dense   []int64 // (states+1) × states
	sparse  map[uint64]int64
	out     []int64 // total outgoing journeys per state (incl. start at index states)
	convCnt []int64 // journeys per state that convert next
}

func (pp *prepared) chain(order int) *chain {
	// Pass 1: collapse repeats and assign a state to every touch.
	stateOf := make([]int32, len(pp.ch))
	var last []int32
	var ids map[[3]int32]int32
	if order == 1 {
		last = make([]int32, len(pp.names))
		for c := range last {
			last[c] = int32(c)
		}
	} else {
		ids = make(map[[3]int32]int32)
	}
	for i := range pp.paths {
		p := &pp.paths[i]
		if p.conv == 0 && p.nulls == 0 {
			continue
		}
		var hist [3]int32 // the last `order` distinct-consecutive channels, newest at hist[order-1]
		h := 0
		for j := p.start; j < p.end; j++ {
			c := pp.ch[j]
			if h > 0 && hist[order-1] == c {
				stateOf[j] = -1 // repeat: no transition
				continue
			}
			copy(hist[:order-1], hist[1:order])
			hist[order-1] = c
			if h < order {
				h++
			}
			if order == 1 {
				stateOf[j] = c
				continue
			}
			key := [3]int32{-1, -1, -1}
			copy(key[order-h:order], hist[order-h:order])
			id, ok := ids[key]
			if !ok {
				id = int32(len(last))
				ids[key] = id
				last = append(last, c)
			}
			stateOf[j] = id
		}
	}
	S := len(last)
	ch := &chain{states: S, last: last, out: make([]int64, S+1), convCnt: make([]int64, S)}
	useDense := (S+1)*S <= 1<<22
	if useDense {
		ch.dense = make([]int64, (S+1)*S)
	} else {
		ch.sparse = make(map[uint64]int64)
	}
	// Pass 2: count transitions.
	for i := range pp.paths {
		p := &pp.paths[i]
		w := p.conv + p.nulls
		if w == 0 {
			continue
		}
		from := int32(S) // start
		for j := p.start; j < p.end; j++ {
			to := stateOf[j]
			if to < 0 {
				continue
			}
			if useDense {
				ch.dense[int(from)*S+int(to)] += w
			} else {
				ch.sparse[uint64(from)<<32|uint64(to)] += w
			}
			ch.out[from] += w
			from = to
		}
		ch.out[from] += w
		ch.convCnt[from] += p.conv
	}
	return ch
}

func (ch *chain) count(from, to int) int64 {
	if ch.dense != nil {
		return ch.dense[from*ch.states+to]
	}
	return ch.sparse[uint64(from)<<32|uint64(to)]
}

// convProb returns the probability of reaching conversion from the start
// when the states with removed[state] are turned into nulls.
func (ch *chain) convProb(removed func(s int) bool) float64 {
	S := ch.states
	keep := make([]int, 0, S)
	pos := make([]int, S)
	for s := range S {
		pos[s] = -1
		if (removed == nil || !removed(s)) && ch.out[s] > 0 {
			pos[s] = len(keep)
			keep = append(keep, s)
		}
	}
	m := len(keep)
	if m == 0 || ch.out[S] == 0 {
		return 0
	}
	// (out(s)·I − C) h = conv(s), rows scaled by out(s): integers as floats.
	a := make([]float64, m*m)
	b := make([]float64, m)
	if ch.dense != nil {
		for i, s := range keep {
			row := a[i*m : (i+1)*m]
			row[i] = float64(ch.out[s])
			src := ch.dense[s*S : (s+1)*S]
			for t, n := range src {
				if n != 0 && pos[t] >= 0 {
					row[pos[t]] -= float64(n)
				}
			}
			b[i] = float64(ch.convCnt[s])
		}
	} else {
		for i, s := range keep {
			a[i*m+i] = float64(ch.out[s])
			b[i] = float64(ch.convCnt[s])
		}
		for k, n := range ch.sparse {
			from, to := int(k>>32), int(uint32(k))
			if from == S || pos[from] < 0 || pos[to] < 0 {
				continue
			}
			a[pos[from]*m+pos[to]] -= float64(n)
		}
	}
	h := solve(a, b, m)
	var p float64
	for t := range S {
		if pos[t] >= 0 {
			if n := ch.count(S, t); n != 0 {
				p += float64(n) * h[pos[t]]
			}
		}
	}
	return p / float64(ch.out[S])
}

// removalEffects returns P and, per channel, 1 − P₋c/P (0 when P is 0).
func (ch *chain) removalEffects(nch int) (float64, []float64) {
	p := ch.convProb(nil)
	re := make([]float64, nch)
	if p <= 0 {
		return 0, re
	}
	for c := range nch {
		pc := ch.convProb(func(s int) bool { return ch.last[s] == int32(c) })
		r := 1 - pc/p
		if r < 0 || math.IsNaN(r) { // rounding noise; removal never raises P
			r = 0
		}
		re[c] = r
	}
	return p, re
}

// solve solves the m×m system a·x = b in place by Gaussian elimination with
// partial pivoting and returns x. The systems built here are strictly
// diagonally dominant by columns' absorbing mass, hence nonsingular.
func solve(a, b []float64, m int) []float64 {
	for k := range m {
		piv := k
		best := math.Abs(a[k*m+k])
		for i := k + 1; i < m; i++ {
			if v := math.Abs(a[i*m+k]); v > best {
				piv, best = i, v
			}
		}
		if best == 0 {
			continue
		}
		if piv != k {
			rk, rp := a[k*m:(k+1)*m], a[piv*m:(piv+1)*m]
			for j := range rk {
				rk[j], rp[j] = rp[j], rk[j]
			}
			b[k], b[piv] = b[piv], b[k]
		}
		rk := a[k*m : (k+1)*m]
		d := rk[k]
		for i := k + 1; i < m; i++ {
			ri := a[i*m : (i+1)*m]
			f := ri[k] / d
			if f == 0 {
				continue
			}
			ri[k] = 0
			for j := k + 1; j < m; j++ {
				ri[j] -= f * rk[j]
			}
			b[i] -= f * b[k]
		}
	}
	x := make([]float64, m)
	for i := m - 1; i >= 0; i-- {
		s := b[i]
		ri := a[i*m : (i+1)*m]
		for j := i + 1; j < m; j++ {
			s -= ri[j] * x[j]
		}
		if ri[i] != 0 {
			x[i] = s / ri[i]
		}
	}
	return x
}

func (pp *prepared) markov(fn string, order int) (map[string]Credit, error) {
	ch := pp.chain(order)
	_, re := ch.removalEffects(len(pp.names))
	w := make([]*big.Rat, len(re))
	for c, r := range re {
		w[c] = new(big.Rat).SetFloat64(r) // exact: r is finite
	}
	return pp.credits(fn, w, w)
}
