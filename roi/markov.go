package roi

import (
	"math"
	"math/big"
	"strconv"

	"github.com/influencekit/influencekit/internal/errs"

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
	const fn = "roi.MarkovRemovalEffects"
	if order < 1 || order > 3 {
		return RemovalEffects{}, errs.New(ErrInvalid, fn, "order", "not 1, 2 or 3", order)
	}
	pp, err := prepare(fn, "paths", paths)
	if err != nil {
		return RemovalEffects{}, err
	}
	ch, err := pp.chain(fn, order)
	if err != nil {
		return RemovalEffects{}, err
	}
	p, re, ok := ch.removalEffects(len(pp.names))
	if !ok {
		return RemovalEffects{}, errs.New(ErrInvalid, fn, "paths", notFinite, errs.None)
	}
	out := RemovalEffects{Order: order, States: ch.states, ConversionProbability: floatDec(p), Effects: make(map[string]decimal.Decimal, len(pp.names))}
	for c, name := range pp.names {
		out.Effects[name] = floatDec(re[c])
	}
	return out, nil
}

func floatDec(x float64) decimal.Decimal {
	return decimal.NewFromFloat(x).Round(16)
}

// MaxMarkovStates bounds the number of transient states (distinct histories
// of up to Order channels) a Markov model may have: 1024. The exact
// solution inverts a matrix of that size, O(states³) time and 3 × 8·states²
// bytes (counts, system, inverse: 24 MiB at 1024 states). Measured with
// every state leading to hundreds of others (2 million touches), 1024
// states take 0.8 s and 512 states 0.1 s; 2048 states, the former limit,
// took 76 s. At order 1 the states are the channels; at order k
// they are at most the distinct runs of up to k channels in the paths, so
// a caller can bound them before calling. The count is checked while the
// paths are read, before any matrix is built; beyond it [Attribute],
// [AttributeJourneys] and [MarkovRemovalEffects] return [ErrTooLarge]. The
// ChannelAttribution example data has 12 states at order 1, 114 at order 2
// and 789 at order 3.
const MaxMarkovStates = 1024

// chain is the absorbing Markov chain fitted to the paths. Transient states
// are numbered 0..states-1; the start state is separate.
type chain struct {
	states int
	last   []int32 // latest channel of each state
	// counts[from*states+to], from a state or from the start (row states)
	counts  []int64
	out     []int64 // total outgoing journeys per state (incl. start at index states)
	convCnt []int64 // journeys per state that convert next
}

func (pp *prepared) chain(fn string, order int) (*chain, error) {
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
				if len(last) == MaxMarkovStates {
					return nil, errs.New(ErrTooLarge, fn, "paths", "more than MaxMarkovStates Markov states of order "+strconv.Itoa(order), MaxMarkovStates)
				}
				id = int32(len(last))
				ids[key] = id
				last = append(last, c)
			}
			stateOf[j] = id
		}
	}
	S := len(last)
	if S > MaxMarkovStates {
		return nil, errs.New(ErrTooLarge, fn, "paths", "Markov states of order "+strconv.Itoa(order)+" beyond MaxMarkovStates", S)
	}
	ch := &chain{states: S, last: last, out: make([]int64, S+1), convCnt: make([]int64, S), counts: make([]int64, (S+1)*S)}
	// Pass 2: count transitions. Sums stay within the total journeys,
	// which prepare checked fits an int64.
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
			ch.counts[int(from)*S+int(to)] += w
			ch.out[from] += w
			from = to
		}
		ch.out[from] += w
		ch.convCnt[from] += p.conv
	}
	return ch, nil
}

// removalEffects returns P and, per channel, 1 − P₋c/P (0 when P is 0),
// and false when float64 produced a NaN or an infinity.
//
// With A = diag(out) − C over the transient states (C the transition
// counts), b the conversion counts and g the start's transition counts
// divided by its total, the absorption probabilities solve A h = b and
// P = g·h. Removing channel c pins h to 0 on the set R of states whose
// latest channel is c, so P₋c = g_K · A_KK⁻¹ b_K over the other states K.
// With M = A⁻¹, computed once, the inverse of the principal submatrix is
// A_KK⁻¹ = M_KK − M_KR M_RR⁻¹ M_RK, so each channel costs O(S·|R| + |R|³)
// on top of the O(S³) inverse, instead of a fresh O(S³) solve.
func (ch *chain) removalEffects(nch int) (float64, []float64, bool) {
	S := ch.states
	re := make([]float64, nch)
	if S == 0 || ch.out[S] == 0 {
		return 0, re, true
	}
	a, b, g := ch.system()
	m := invert(a, S)
	x := make([]float64, S) // M b
	y := make([]float64, S) // gᵀ M
	for i := range S {
		row := m[i*S : (i+1)*S]
		var xi float64
		for j, v := range row {
			xi += v * b[j]
			y[j] += g[i] * v
		}
		x[i] = xi
	}
	var p float64
	for i := range S {
		p += g[i] * x[i]
	}
	if math.IsNaN(p) || math.IsInf(p, 0) {
		return 0, nil, false
	}
	if p <= 0 { // no conversion reachable: every removal effect is 0
		return 0, re, true
	}
	members := make([][]int, nch)
	for s, c := range ch.last {
		members[c] = append(members[c], s)
	}
	for c, R := range members {
		if len(R) == 0 {
			continue // no state of its own: removing it changes nothing
		}
		rc := 1 - removed(m, S, R, g, b, x, y, p)/p
		if math.IsNaN(rc) {
			return 0, nil, false
		}
		re[c] = min(max(rc, 0), 1) // below 0 or above 1: rounding noise
	}
	return p, re, true
}

// notFinite is the message for a Markov system that float64 could not
// solve (a NaN or an infinity). The matrices built here are nonsingular, so
// it is not expected; it is an error rather than a silent zero.
const notFinite = "Markov absorption probabilities not finite in float64"

// system returns A = diag(out) − C over the transient states, b the
// conversion counts and g the start's transition counts over its total.
func (ch *chain) system() (a, b, g []float64) {
	S := ch.states
	a = make([]float64, S*S)
	b = make([]float64, S)
	g = make([]float64, S)
	for s := range S {
		row := a[s*S : (s+1)*S]
		for t, n := range ch.counts[s*S : (s+1)*S] {
			row[t] = -float64(n)
		}
		row[s] += float64(ch.out[s])
		if ch.out[s] == 0 {
			// A channel seen only on paths without journeys: an isolated
			// state that nothing enters; h = 0 there.
			row[s] = 1
		}
		b[s] = float64(ch.convCnt[s])
		g[s] = float64(ch.counts[S*S+s]) / float64(ch.out[S])
	}
	return a, b, g
}

// removed returns P₋c = g_Kᵀ A_KK⁻¹ b_K, the conversion probability with the
// states R pinned to null, from M = A⁻¹ (S×S), x = M b, y = gᵀM and P.
func removed(m []float64, S int, R []int, g, b, x, y []float64, p float64) float64 {
	r := len(R)
	// α = g_Kᵀ M_KK b_K = gᵀMb − g_Rᵀ(Mb)_R − (gᵀM)_R b_R + g_Rᵀ M_RR b_R
	alpha := p
	for _, i := range R {
		alpha -= g[i]*x[i] + y[i]*b[i]
	}
	mrr := make([]float64, r*r)
	v := make([]float64, r) // (g_Kᵀ M_KR)
	w := make([]float64, r) // (M_RK b_K)
	for ii, i := range R {
		v[ii] = y[i]
		w[ii] = x[i]
	}
	for ii, i := range R {
		for jj, j := range R {
			mij := m[i*S+j]
			mrr[ii*r+jj] = mij
			alpha += g[i] * mij * b[j]
			v[jj] -= g[i] * mij
			w[ii] -= mij * b[j]
		}
	}
	z := solve(mrr, w, r)
	pc := alpha
	for k := range r {
		pc -= v[k] * z[k]
	}
	return pc
}

// invert returns the inverse of the m×m matrix a (destroyed) by Gauss–Jordan
// elimination with partial pivoting. The matrices built here are
// nonsingular M-matrices (diagonally dominant, absorption reachable from
// every state).
func invert(a []float64, m int) []float64 {
	inv := make([]float64, m*m)
	for i := range m {
		inv[i*m+i] = 1
	}
	for k := range m {
		piv, best := pivot(a, m, k)
		if best == 0 {
			continue
		}
		if piv != k {
			swapRows(a, m, k, piv)
			swapRows(inv, m, k, piv)
		}
		rk, ik := a[k*m:(k+1)*m], inv[k*m:(k+1)*m]
		d := 1 / rk[k]
		for j := range m {
			rk[j] *= d
			ik[j] *= d
		}
		for i := range m {
			if i == k {
				continue
			}
			ri := a[i*m : (i+1)*m]
			f := ri[k]
			if f == 0 {
				continue
			}
			ii := inv[i*m : (i+1)*m]
			for j := k; j < m; j++ {
				ri[j] -= f * rk[j]
			}
			for j := range m {
				ii[j] -= f * ik[j]
			}
		}
	}
	return inv
}

// pivot returns the row i >= k whose entry in column k has the largest
// magnitude, and that magnitude (partial pivoting).
func pivot(a []float64, m, k int) (int, float64) {
	piv, best := k, math.Abs(a[k*m+k])
	for i := k + 1; i < m; i++ {
		if v := math.Abs(a[i*m+k]); v > best {
			piv, best = i, v
		}
	}
	return piv, best
}

func swapRows(a []float64, m, i, j int) {
	ri, rj := a[i*m:(i+1)*m], a[j*m:(j+1)*m]
	for k := range ri {
		ri[k], rj[k] = rj[k], ri[k]
	}
}

// solve solves the m×m system a·x = b in place by Gaussian elimination with
// partial pivoting and returns x. The systems built here are strictly
// diagonally dominant by columns' absorbing mass, hence nonsingular.
func solve(a, b []float64, m int) []float64 {
	for k := range m {
		piv, best := pivot(a, m, k)
		if best == 0 {
			continue
		}
		if piv != k {
			swapRows(a, m, k, piv)
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
	ch, err := pp.chain(fn, order)
	if err != nil {
		return nil, err
	}
	_, re, ok := ch.removalEffects(len(pp.names))
	if !ok {
		return nil, errs.New(ErrInvalid, fn, "paths", notFinite, errs.None)
	}
	w := make([]*big.Rat, len(re))
	for c, r := range re {
		w[c] = new(big.Rat).SetFloat64(r) // exact: r is finite
	}
	iw := intWeights(w)
	return pp.credits(fn, iw, iw)
}
