package selection

import "testing"

// TestMedianEff checks the median that CostEfficiency scores against, by
// hand: unknown efficiencies (−1) are left out, an even count takes the
// mean of the two middle values, and an outlier moves it by one rank only.
func TestMedianEff(t *testing.T) {
	r := func(effs ...float64) []ranked {
		out := make([]ranked, len(effs))
		for i, e := range effs {
			out[i] = ranked{i: int32(i), eff: e}
		}
		return out
	}
	for _, tc := range []struct {
		name string
		in   []ranked
		want float64
	}{
		{"none", nil, 0},
		{"all unknown", r(-1, -1), 0},
		{"one", r(3), 3},
		{"odd", r(5, 1, 3), 3},                  // sorted 1 3 5
		{"even", r(4, 1, 3, 2), 2.5},            // sorted 1 2 3 4: (2 + 3)/2
		{"unknown left out", r(-1, 9, 1), 5},    // 1 9: (1 + 9)/2
		{"outlier", r(2, 3, 4, 1000), 3.5},      // 2 3 4 1000: (3 + 4)/2, not pulled towards 1000
		{"ties", r(2, 2, 2, 2, 7), 2},           // sorted 2 2 2 2 7
		{"reversed", r(9, 8, 7, 6, 5, 4, 3), 6}, // 3 … 9: the 4th
	} {
		if got := medianEff(tc.in); got != tc.want {
			t.Errorf("%s: median %v, want %v", tc.name, got, tc.want)
		}
	}
	// One outlier 100 times the others cannot squeeze them towards 0: with
	// efficiencies 1, 2, 3 and 300 the median is (2 + 3)/2 = 2.5, so 2 scores
	// 2/(2 + 2.5) = 0.444… where against the best it would score 2/300.
	m := medianEff(r(1, 2, 3, 300))
	if s := 2 / (2 + m); s < 0.44 || s > 0.45 {
		t.Errorf("efficiency 2 against median %v scores %v, want 4/9", m, s)
	}
}
