package roi

import (
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
)

// TestRateShapleyHand: paths {a}: 1 conversion, 1 null; {a,b}: 1
// conversion, 3 nulls. v(a) = 1/2, v(b) = 0 (no journey), v(ab) = 2/6 =
// 1/3. φa = ½(v(a) − 0) + ½(v(ab) − v(b)) = 1/4 + 1/6 = 5/12; φb = ½(v(b)
// − 0) + ½(v(ab) − v(a)) = ½(1/3 − 1/2) = −1/12; Σ = 1/3 = v(N). Credits of
// the 2 conversions: a 2 × (5/12)/(1/3) = 2.5, b 2 × (−1/12)/(1/3) = −0.5.
// Value 30 + 10 = 40, value game v(a) = 30/2 = 15, v(ab) = 40/6 = 20/3:
// φa = ½·15 + ½·20/3 = 65/6, φb = ½(20/3 − 15) = −25/6, Σ = 40/6; a gets
// 40 × (65/6)/(40/6) = 65, b 40 × (−25/6)/(40/6) = −25.
func TestRateShapleyHand(t *testing.T) {
	paths := []Path{
		{Channels: []string{"a"}, Conversions: 1, Nulls: 1, Value: decimal.NewFromInt(30)},
		{Channels: []string{"a", "b", "a"}, Conversions: 1, Nulls: 3, Value: decimal.NewFromInt(10)},
	}
	got, err := Attribute(paths, RateShapley{})
	if err != nil {
		t.Fatal(err)
	}
	tol := decimal.New(1, -14) // float64 Shapley values, then exact
	want := map[string][2]string{"a": {"2.5", "65"}, "b": {"-0.5", "-25"}}
	for ch, w := range want {
		c, v := decimal.RequireFromString(w[0]), decimal.RequireFromString(w[1])
		if got[ch].Conversions.Sub(c).Abs().GreaterThan(tol) || got[ch].Value.Sub(v).Abs().GreaterThan(tol) {
			t.Errorf("%s: got %v, want %s", ch, got[ch], w)
		}
	}
	sumC := got["a"].Conversions.Add(got["b"].Conversions)
	sumV := got["a"].Value.Add(got["b"].Value)
	if !sumC.Equal(decimal.NewFromInt(2)) || !sumV.Equal(decimal.NewFromInt(40)) {
		t.Errorf("sums %v, %v; want exactly 2 and 40", sumC, sumV)
	}
}

// bruteRateShapley is the definition: the average over all n! orders of
// the channels of each channel's marginal conversion rate, in exact
// rationals.
func bruteRateShapley(paths []Path, names []string) map[string]*big.Rat {
	idx := map[string]int{}
	for i, n := range names {
		idx[n] = i
	}
	v := func(s int) *big.Rat {
		var c, j int64
		for _, p := range paths {
			m := 0
			for _, ch := range p.Channels {
				m |= 1 << idx[ch]
			}
			if m&^s == 0 {
				c += p.Conversions
				j += p.Conversions + p.Nulls
			}
		}
		if j == 0 {
			return new(big.Rat)
		}
		return big.NewRat(c, j)
	}
	n := len(names)
	phi := make([]*big.Rat, n)
	for i := range phi {
		phi[i] = new(big.Rat)
	}
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	count := 0
	var rec func(k int)
	rec = func(k int) {
		if k == n {
			count++
			s := 0
			for _, p := range perm {
				before := v(s)
				s |= 1 << p
				phi[p].Add(phi[p], new(big.Rat).Sub(v(s), before))
			}
			return
		}
		for i := k; i < n; i++ {
			perm[k], perm[i] = perm[i], perm[k]
			rec(k + 1)
			perm[k], perm[i] = perm[i], perm[k]
		}
	}
	rec(0)
	out := map[string]*big.Rat{}
	for i, nm := range names {
		out[nm] = phi[i].Quo(phi[i], big.NewRat(int64(count), 1))
	}
	return out
}

// TestRateShapleyBrute checks RateShapley against the enumeration of all
// orders of the channels on random small path sets (1 to 6 channels).
func TestRateShapleyBrute(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 1))
	for trial := range 200 {
		n := 1 + r.IntN(6)
		names := make([]string, n)
		for i := range names {
			names[i] = "c" + strconv.Itoa(i)
		}
		var paths []Path
		for range 1 + r.IntN(8) {
			l := 1 + r.IntN(4)
			chans := make([]string, l)
			for k := range chans {
				chans[k] = names[r.IntN(n)]
			}
			paths = append(paths, Path{Channels: chans, Conversions: int64(r.IntN(5)), Nulls: int64(r.IntN(20))})
		}
		used := map[string]bool{}
		var present []string
		var conv int64
		for _, p := range paths {
			conv += p.Conversions
			for _, c := range p.Channels {
				if !used[c] {
					used[c] = true
					present = append(present, c)
				}
			}
		}
		got, err := Attribute(paths, RateShapley{})
		if err != nil {
			t.Fatal(err)
		}
		if conv == 0 {
			continue
		}
		want := bruteRateShapley(paths, present)
		vN := new(big.Rat)
		for _, w := range want {
			vN.Add(vN, w)
		}
		for _, c := range present {
			// credit = conv × φ / v(N)
			w := new(big.Rat).Mul(big.NewRat(conv, 1), want[c])
			w.Quo(w, vN)
			wf, _ := w.Float64()
			gf := got[c].Conversions.InexactFloat64()
			if d := wf - gf; d > 1e-9 || d < -1e-9 {
				t.Fatalf("trial %d %s: got %v, want %v (%v)", trial, c, gf, wf, paths)
			}
		}
	}
}
