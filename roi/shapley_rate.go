package roi

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/influencekit/influencekit/internal/errs"
)

// MaxShapleyChannels bounds the distinct channels of the paths given to
// [RateShapley]: its game is not a sum of unanimity games, so it is solved
// by enumerating the 2ⁿ coalitions (n·2ⁿ steps and 2ⁿ⁺¹ int64 of memory:
// 20 channels take about 0.1 s and 16 MiB). More channels are
// [ErrTooLarge].
const MaxShapleyChannels = 20

// RateShapley is the Shapley value of the conversion-rate game, the form of
// the attribution literature (Dalessandro, Perlich, Hook, Stitelman,
// Raeder and Provost, "Causally motivated attribution for online
// advertising", ADKDD 2012; Zhao, Mahboobi and Bagheri, "Shapley value
// methods for attribution modeling in online advertising", arXiv
// 1804.05327, 2018): a set S of channels is worth its conversion rate
//
//	v(S) = conversions(S) / journeys(S),
//
// where conversions(S) and journeys(S) (conversions plus nulls) count the
// paths whose distinct channels all lie in S, converting or not; v(S) = 0
// when no journey lies in S, and v(∅) = 0. Channel i's Shapley value is
//
//	φᵢ = Σ_{S ⊆ N∖{i}} |S|!(n−|S|−1)!/n! · (v(S∪{i}) − v(S)),
//
// and Σ φᵢ = v(N), the overall conversion rate. Each channel is credited
// the total conversions × φᵢ / v(N); value is shared likewise in the game
// where a set is worth its value per journey. Unlike [Shapley] (the
// conversion-count game, which always equals splitting each path equally
// among its channels), the nulls matter: a channel whose journeys rarely
// convert lowers the rate of every coalition it joins, and its credit can
// be negative (the credits still sum exactly to the totals).
//
// The values are computed in float64 over the 2ⁿ coalitions (n at most
// [MaxShapleyChannels]) and then taken as exact rationals and apportioned
// as [Attribute] documents. Paths without conversions and without nulls
// are ignored; with no conversion at all every credit is zero. The zero
// RateShapley is the model; it has no options.
type RateShapley struct{}

// String returns "shapley(rate)".
func (RateShapley) String() string { return "shapley(rate)" }
func (RateShapley) isModel()       {}

// rateShapley attributes pp's paths by the conversion-rate Shapley value.
func (pp *prepared) rateShapley(fn string) (map[string]Credit, error) {
	n := len(pp.names)
	if n > MaxShapleyChannels {
		return nil, errs.New(ErrTooLarge, fn, "paths", "more distinct channels than MaxShapleyChannels ("+strconv.Itoa(MaxShapleyChannels)+")", n)
	}
	conv, jour, val := pp.coalitionSums()
	vc, vv := make([]float64, len(conv)), make([]float64, len(conv))
	for s := range conv {
		if jour[s] != 0 {
			vc[s] = float64(conv[s]) / float64(jour[s])
			vv[s] = val[s] / float64(jour[s])
		}
	}
	phiC, phiV := shapleyOf(n, vc), shapleyOf(n, vv)
	wc, wv := make([]*big.Rat, n), make([]*big.Rat, n)
	for c := range n {
		if math.IsNaN(phiC[c]) || math.IsInf(phiC[c], 0) || math.IsNaN(phiV[c]) || math.IsInf(phiV[c], 0) {
			return nil, errs.New(ErrInvalid, fn, "paths", "Shapley values not finite in float64", errs.None)
		}
		wc[c] = new(big.Rat).SetFloat64(phiC[c])
		wv[c] = new(big.Rat).SetFloat64(phiV[c])
	}
	return pp.credits(fn, intWeights(wc), intWeights(wv))
}

// coalitionSums returns, for every coalition S (a bit mask of channels),
// the conversions, journeys and value (float64) of the paths whose channel
// set lies in S: each path adds to its own mask, then a sum over subsets
// (the zeta transform, n·2ⁿ additions). Totals fit: prepare checked that
// conversions plus nulls fit an int64.
func (pp *prepared) coalitionSums() (conv, jour []int64, val []float64) {
	n := len(pp.names)
	size := 1 << n
	conv, jour, val = make([]int64, size), make([]int64, size), make([]float64, size)
	for _, p := range pp.paths {
		var m int
		for _, c := range pp.ch[p.start:p.end] {
			m |= 1 << c
		}
		conv[m] += p.conv
		jour[m] += p.conv + p.nulls
		v, _ := p.value.Float64()
		val[m] += v
	}
	for i := range n {
		bit := 1 << i
		for s := range size {
			if s&bit != 0 {
				conv[s] += conv[s^bit]
				jour[s] += jour[s^bit]
				val[s] += val[s^bit]
			}
		}
	}
	return conv, jour, val
}

// shapleyOf returns the Shapley values of the n-player game v, indexed by
// coalition mask (v[0] is taken as 0): φᵢ = Σ_{S∌i} w(|S|)(v(S∪i) − v(S)), with
// w(k) = k!(n−k−1)!/n!.
func shapleyOf(n int, v []float64) []float64 {
	w := make([]float64, n)
	for k := range n {
		// k!(n−k−1)!/n! = 1 / (n · C(n−1, k))
		w[k] = 1 / (float64(n) * binom(n-1, k))
	}
	phi := make([]float64, n)
	for s := 0; s < 1<<n; s++ {
		vs := 0.0
		if s != 0 {
			vs = v[s]
		}
		k := bits.OnesCount(uint(s))
		for i := range n {
			if s&(1<<i) == 0 {
				phi[i] += w[k] * (v[s|1<<i] - vs)
			}
		}
	}
	return phi
}

func binom(n, k int) float64 {
	r := 1.0
	for i := 1; i <= k; i++ {
		r = r * float64(n-k+i) / float64(i)
	}
	return r
}
