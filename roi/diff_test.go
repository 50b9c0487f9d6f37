package roi

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// randomPaths returns n random paths over k channels named c00, c01, ...,
// with lengths 1..maxLen, repeats likely, small counts and 2-place values.
func randomPaths(r *rand.Rand, n, k, maxLen int) []Path {
	paths := make([]Path, n)
	for i := range paths {
		l := 1 + r.IntN(maxLen)
		ch := make([]string, l)
		for j := range ch {
			if j > 0 && r.IntN(4) == 0 {
				ch[j] = ch[j-1]
			} else {
				ch[j] = fmt.Sprintf("c%02d", r.IntN(k))
			}
		}
		conv := int64(r.IntN(4))
		val := decimal.Zero
		if conv > 0 {
			val = decimal.New(int64(r.IntN(100000)), -2)
		}
		paths[i] = Path{Channels: ch, Conversions: conv, Value: val, Nulls: int64(r.IntN(5))}
	}
	return paths
}

func ratDec(x *big.Rat) decimal.Decimal {
	return decimal.NewFromBigRat(x, 30)
}

// closeTo reports whether got is within 10^-16 of the exact rational want
// (the apportioning moves each share by less than one unit of 10^-16).
func closeTo(got decimal.Decimal, want *big.Rat, scale *big.Rat) bool {
	w := new(big.Rat).Mul(want, scale)
	diff := new(big.Rat).Sub(got.Rat(), w)
	return diff.Abs(diff).Cmp(big.NewRat(1, 1e16)) <= 0
}

// shapleyByEnumeration is the textbook definition:
// φ_c = Σ_{S ⊆ N∖{c}} |S|!(n−|S|−1)!/n! · (v(S∪{c}) − v(S)), with
// v(S) = Σ conversions of the paths whose channels all lie in S.
func shapleyByEnumeration(paths []Path) map[string]*big.Rat {
	idx := map[string]int{}
	var names []string
	for _, p := range paths {
		for _, c := range p.Channels {
			if _, ok := idx[c]; !ok {
				idx[c] = len(names)
				names = append(names, c)
			}
		}
	}
	n := len(names)
	masks := make([]int, len(paths))
	for i, p := range paths {
		for _, c := range p.Channels {
			masks[i] |= 1 << idx[c]
		}
	}
	v := func(s int) int64 {
		var t int64
		for i, p := range paths {
			if masks[i]&^s == 0 {
				t += p.Conversions
			}
		}
		return t
	}
	fact := func(k int) *big.Int { return new(big.Int).MulRange(1, int64(max(k, 1))) }
	out := map[string]*big.Rat{}
	for c := range n {
		phi := new(big.Rat)
		for s := 0; s < 1<<n; s++ {
			if s&(1<<c) != 0 {
				continue
			}
			k := 0
			for x := s; x != 0; x &= x - 1 {
				k++
			}
			w := new(big.Rat).SetFrac(new(big.Int).Mul(fact(k), fact(n-k-1)), fact(n))
			phi.Add(phi, w.Mul(w, big.NewRat(v(s|1<<c)-v(s), 1)))
		}
		out[names[c]] = phi
	}
	return out
}

func TestShapleyMatchesEnumeration(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 30 {
		paths := randomPaths(r, 1+r.IntN(12), 1+r.IntN(8), 6)
		got, err := Attribute(paths, Shapley)
		if err != nil {
			t.Fatal(err)
		}
		checkSums(t, paths, got)
		one := big.NewRat(1, 1)
		for name, phi := range shapleyByEnumeration(paths) {
			if !closeTo(got[name].Conversions, phi, one) {
				t.Errorf("trial %d: %s = %v, enumeration %v", trial, name, got[name].Conversions, ratDec(phi))
			}
		}
	}
}

// linearByHand credits conv/len per touch with exact rationals.
func linearByHand(paths []Path) (conv, val map[string]*big.Rat) {
	conv, val = map[string]*big.Rat{}, map[string]*big.Rat{}
	for _, p := range paths {
		for _, c := range p.Channels {
			if conv[c] == nil {
				conv[c], val[c] = new(big.Rat), new(big.Rat)
			}
			l := int64(len(p.Channels))
			conv[c].Add(conv[c], big.NewRat(p.Conversions, l))
			val[c].Add(val[c], new(big.Rat).Quo(p.Value.Rat(), big.NewRat(l, 1)))
		}
	}
	return conv, val
}

func TestLinearMatchesByHand(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	one := big.NewRat(1, 1)
	for trial := range 30 {
		paths := randomPaths(r, 1+r.IntN(40), 1+r.IntN(10), 9)
		got, err := Attribute(paths, Linear)
		if err != nil {
			t.Fatal(err)
		}
		checkSums(t, paths, got)
		conv, val := linearByHand(paths)
		for name := range conv {
			if !closeTo(got[name].Conversions, conv[name], one) || !closeTo(got[name].Value, val[name], one) {
				t.Errorf("trial %d: %s = %v, by hand %v / %v", trial, name, got[name], ratDec(conv[name]), ratDec(val[name]))
			}
		}
	}
}

// markovByIteration is an independent implementation of the first-order
// Markov model: it builds the transition probabilities over string states
// and finds the absorption probability by iterating the distribution of
// walkers until (almost) none remain transient, once per removed channel.
func markovByIteration(paths []Path) (p float64, re map[string]float64) {
	return markovByIterationOrder(paths, 1)
}

// markovByIterationOrder is markovByIteration for a chain of order k: a
// state is the last k channels of the collapsed path joined by ">", and
// removing c stops every walk entering a state whose last channel is c.
func markovByIterationOrder(paths []Path, k int) (p float64, re map[string]float64) {
	type edge struct{ from, to string }
	lastOf := map[string]string{}
	counts := map[edge]float64{}
	out := map[string]float64{}
	channels := map[string]bool{}
	for _, pa := range paths {
		w := float64(pa.Conversions + pa.Nulls)
		if w == 0 {
			for _, c := range pa.Channels {
				channels[c] = true
			}
			continue
		}
		prev := "(start)"
		var hist []string
		for i, c := range pa.Channels {
			channels[c] = true
			if i > 0 && c == pa.Channels[i-1] {
				continue
			}
			hist = append(hist, c)
			if len(hist) > k {
				hist = hist[1:]
			}
			st := strings.Join(hist, ">")
			lastOf[st] = c
			counts[edge{prev, st}] += w
			out[prev] += w
			prev = st
		}
		counts[edge{prev, "(conv)"}] += float64(pa.Conversions)
		counts[edge{prev, "(null)"}] += float64(pa.Nulls)
		out[prev] += w
	}
	absorb := func(removed string) float64 {
		x := map[string]float64{"(start)": 1}
		conv := 0.0
		for step := 0; step < 100000; step++ {
			next := map[string]float64{}
			mass := 0.0
			for e, n := range counts {
				m := x[e.from]
				if m == 0 {
					continue
				}
				f := m * n / out[e.from]
				switch {
				case e.to == "(conv)":
					conv += f
				case e.to == "(null)" || (removed != "" && lastOf[e.to] == removed):
				default:
					next[e.to] += f
					mass += f
				}
			}
			x = next
			if mass < 1e-16 {
				break
			}
		}
		return conv
	}
	p = absorb("")
	re = map[string]float64{}
	for c := range channels {
		if p > 0 {
			re[c] = 1 - absorb(c)/p
		} else {
			re[c] = 0
		}
	}
	return p, re
}

func TestMarkovHigherOrderMatchesIteration(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for trial := range 20 {
		paths := randomPaths(r, 1+r.IntN(25), 1+r.IntN(6), 7)
		for _, k := range []int{2, 3} {
			got, err := MarkovRemovalEffects(paths, k)
			if err != nil {
				t.Fatal(err)
			}
			p, re := markovByIterationOrder(paths, k)
			gp, _ := got.ConversionProbability.Float64()
			if math.Abs(gp-p) > 1e-9 {
				t.Errorf("trial %d order %d: P = %v, iteration %v", trial, k, gp, p)
			}
			for c, want := range re {
				g, _ := got.Effects[c].Float64()
				if math.Abs(g-want) > 1e-9 {
					t.Errorf("trial %d order %d: RE(%s) = %v, iteration %v", trial, k, c, g, want)
				}
			}
		}
	}
}

func TestMarkovMatchesIteration(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for trial := range 25 {
		paths := randomPaths(r, 1+r.IntN(30), 1+r.IntN(8), 7)
		got, err := MarkovRemovalEffects(paths, 1)
		if err != nil {
			t.Fatal(err)
		}
		p, re := markovByIteration(paths)
		gp, _ := got.ConversionProbability.Float64()
		if math.Abs(gp-p) > 1e-9 {
			t.Errorf("trial %d: P = %v, iteration %v", trial, gp, p)
		}
		var sum float64
		for c, want := range re {
			g, _ := got.Effects[c].Float64()
			if math.Abs(g-want) > 1e-9 {
				t.Errorf("trial %d: RE(%s) = %v, iteration %v", trial, c, g, want)
			}
			sum += want
		}
		credits, err := Attribute(paths, Markov)
		if err != nil {
			t.Fatal(err)
		}
		checkSums(t, paths, credits)
		var total int64
		for _, pa := range paths {
			total += pa.Conversions
		}
		if sum == 0 {
			continue
		}
		for c, want := range re {
			g, _ := credits[c].Conversions.Float64()
			if math.Abs(g-want/sum*float64(total)) > 1e-9*float64(total+1) {
				t.Errorf("trial %d: credit(%s) = %v, iteration %v", trial, c, g, want/sum*float64(total))
			}
		}
	}
}

// positionsByHand is the textbook position-based rule, per touch, in exact
// rationals: one touch takes all; two split first : last (1/2 each when
// both weights are 0); otherwise first and last weights to the ends and
// the rest equally to the n − 2 touches in between.
func positionsByHand(paths []Path, first, last *big.Rat) (conv, val map[string]*big.Rat) {
	conv, val = map[string]*big.Rat{}, map[string]*big.Rat{}
	give := func(c string, w *big.Rat, p Path) {
		if conv[c] == nil {
			conv[c], val[c] = new(big.Rat), new(big.Rat)
		}
		conv[c].Add(conv[c], new(big.Rat).Mul(w, big.NewRat(p.Conversions, 1)))
		val[c].Add(val[c], new(big.Rat).Mul(w, p.Value.Rat()))
	}
	for _, p := range paths {
		ch := p.Channels
		n := len(ch)
		switch {
		case n == 1:
			give(ch[0], big.NewRat(1, 1), p)
		case n == 2:
			sum := new(big.Rat).Add(first, last)
			if sum.Sign() == 0 {
				give(ch[0], big.NewRat(1, 2), p)
				give(ch[1], big.NewRat(1, 2), p)
			} else {
				give(ch[0], new(big.Rat).Quo(first, sum), p)
				give(ch[1], new(big.Rat).Quo(last, sum), p)
			}
		default:
			give(ch[0], first, p)
			give(ch[n-1], last, p)
			mid := new(big.Rat).Sub(big.NewRat(1, 1), new(big.Rat).Add(first, last))
			mid.Quo(mid, big.NewRat(int64(n-2), 1))
			for _, c := range ch[1 : n-1] {
				give(c, mid, p)
			}
		}
	}
	return conv, val
}

// PositionBased, configured Positions, and FirstTouch and LastTouch (which
// are Positions{1, 0} and Positions{0, 1} by the rule's definition) against
// positionsByHand on random paths.
func TestPositionsMatchByHand(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	one := big.NewRat(1, 1)
	cases := []struct {
		model       Model
		first, last *big.Rat
	}{
		{PositionBased, big.NewRat(2, 5), big.NewRat(2, 5)},
		{Positions{First: d("0.25"), Last: d("0.5")}, big.NewRat(1, 4), big.NewRat(1, 2)},
		{Positions{}, new(big.Rat), new(big.Rat)},
		{FirstTouch, big.NewRat(1, 1), new(big.Rat)},
		{LastTouch, new(big.Rat), big.NewRat(1, 1)},
	}
	for trial := range 20 {
		paths := randomPaths(r, 1+r.IntN(40), 1+r.IntN(10), 8)
		for _, c := range cases {
			got, err := Attribute(paths, c.model)
			if err != nil {
				t.Fatal(err)
			}
			checkSums(t, paths, got)
			conv, val := positionsByHand(paths, c.first, c.last)
			for name := range conv {
				if !closeTo(got[name].Conversions, conv[name], one) || !closeTo(got[name].Value, val[name], one) {
					t.Errorf("trial %d %v: %s = %v, by hand %v / %v", trial, c.model, name, got[name], ratDec(conv[name]), ratDec(val[name]))
				}
			}
		}
	}
}

// Every model on random paths: no error, credits sum exactly, and the
// order of the paths does not matter: the rule-based models give the same
// credits to the last digit (channels are interned in order of appearance,
// but ties go by name), the Markov models the same within float64 noise.
func TestAttributeRandomSums(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	models := []Model{FirstTouch, LastTouch, Linear, PositionBased, Markov, Shapley,
		Positions{First: d("0.25"), Last: d("0.5")}, MarkovChain{Order: 2}, MarkovChain{Order: 3}}
	for range 20 {
		paths := randomPaths(r, 1+r.IntN(50), 1+r.IntN(12), 10)
		shuffled := slices.Clone(paths)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		for _, m := range models {
			got, err := Attribute(paths, m)
			if err != nil {
				t.Fatal(m, err)
			}
			checkSums(t, paths, got)
			again, err := Attribute(shuffled, m)
			if err != nil {
				t.Fatal(m, err)
			}
			_, markov := m.(MarkovChain)
			markov = markov || m == Markov
			for name, c := range got {
				a := again[name]
				if markov {
					x, _ := c.Conversions.Sub(a.Conversions).Abs().Float64()
					if x > 1e-9 {
						t.Errorf("%v: %s = %v, shuffled %v", m, name, c, a)
					}
				} else if !c.Conversions.Equal(a.Conversions) || !c.Value.Equal(a.Value) {
					t.Errorf("%v: %s = %v, shuffled %v", m, name, c, a)
				}
			}
		}
	}
}
