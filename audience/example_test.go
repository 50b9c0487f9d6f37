package audience_test

import (
	"fmt"

	"github.com/influencekit/influencekit/audience"
	"github.com/shopspring/decimal"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func ExampleMatch() {
	// The brand wants 18–34s; the creator's audience skews a little older.
	target := audience.Distribution{"18-24": d("50"), "25-34": d("50")}
	actual := audience.Distribution{"18-24": d("30"), "25-34": d("40"), "35-44": d("30")}
	m, err := audience.Match(target, actual)
	if err != nil {
		panic(err)
	}
	// min(.5,.3) + min(.5,.4) + min(0,.3) = .3 + .4 = 0.7
	fmt.Println(m)
	// Output: 0.7
}

func ExampleFit() {
	target := audience.Demographics{
		"age":     {"18-24": d("50"), "25-34": d("50")},
		"country": {"TR": d("1")},
	}
	actual := audience.Demographics{
		"age":     {"18-24": d("30"), "25-34": d("40"), "35-44": d("30")},
		"country": {"TR": d("80"), "DE": d("20"), audience.Unknown: d("25")},
	}
	// Age counts three times as much as country.
	rep, err := audience.Fit(target, actual, audience.DimensionWeights{"age": d("3"), "country": d("1")})
	if err != nil {
		panic(err)
	}
	// age 0.7, country 0.8 (the unknown 25 are set aside and reported):
	// (3·0.7 + 1·0.8) / 4 = 0.725
	fmt.Println("score", rep.Score)
	for _, dim := range rep.Dimensions {
		fmt.Println(dim.Dimension, "match", dim.Match, "weight", dim.Weight, "unknown", dim.UnknownActual)
	}
	// Output:
	// score 0.725
	// age match 0.7 weight 0.75 unknown 0
	// country match 0.8 weight 0.25 unknown 0.2
}

func ExampleOnTargetInterval() {
	// 300 of 1,000 sampled followers are in the wanted age bands.
	target := audience.Distribution{"18-24": d("1")}
	sample := audience.Distribution{"18-24": d("300"), "25-34": d("700")}
	iv, err := audience.OnTargetInterval(target, sample, 1000, d("2"))
	if err != nil {
		panic(err)
	}
	// 0.3 ± 2·√(0.3·0.7/1000) = 0.3 ± 0.0289828…
	fmt.Println(iv.Value, iv.Low.Round(4), iv.High.Round(4))
	// Output: 0.3 0.271 0.329
}

func ExampleAffinity() {
	audienceShares := audience.Distribution{"fitness": d("30"), "gaming": d("70")}
	platform := audience.Distribution{"fitness": d("10"), "gaming": d("90")}
	idx, err := audience.Affinity(audienceShares, platform)
	if err != nil {
		panic(err)
	}
	// fitness: .3/.1 × 100 = 300; gaming: .7/.9 × 100 = 77.78
	fmt.Println(idx["fitness"], idx["gaming"].Round(2))
	// Output: 300 77.78
}

func ExampleOverlap() {
	a, b := audience.NewSet(), audience.NewSet()
	for id := uint64(0); id < 10_000; id++ {
		a.Add(id)
	}
	for id := uint64(9_000); id < 29_000; id++ {
		b.Add(id)
	}
	p := audience.Overlap(a, b)
	fmt.Println("shared", p.Shared, "union", p.Union, "of smaller", p.OfSmaller)
	fmt.Println("jaccard", p.Jaccard.Round(4))
	// Output:
	// shared 1000 union 29000 of smaller 0.1
	// jaccard 0.0345
}

func ExampleUniqueReach() {
	a := audience.NewSet(1, 2, 3)
	b := audience.NewSet(1, 4)
	c := audience.NewSet(1, 3, 5)
	fmt.Println(audience.UniqueReach(a, b, c))
	fmt.Println(audience.Exclusive(a, b, c))
	f, err := audience.ExpectedFrequency(a, b, c)
	if err != nil {
		panic(err)
	}
	fmt.Println(f) // (3+2+3) follows / 5 people
	// Output:
	// 5
	// [1 1 1]
	// 1.6
}

func ExampleOverlapMatrix() {
	sets := []*audience.Set{audience.NewSet(1, 2, 3), audience.NewSet(1, 4), audience.NewSet(1, 3, 5)}
	m := audience.OverlapMatrix(sets, 0)
	for i := range m.N() {
		row := make([]int64, m.N())
		for j := range row {
			row[j], _ = m.Shared(i, j) // i, j < m.N(): ok is true
		}
		fmt.Println(row)
	}
	// {1,2,3} and {1,3,5} share 1 and 3; {1,4} shares only 1 with each.
	p, _ := m.Pair(0, 2)
	fmt.Println(p.Union, p.Jaccard) // |{1,2,3,5}| = 4; 2/4
	_, ok := m.Pair(0, 3)           // there is no fourth set
	fmt.Println(ok)
	// Output:
	// [3 1 2]
	// [1 2 1]
	// [2 1 3]
	// 4 0.5
	// false
}

func ExampleSet_CountNotIn() {
	// Greedy max-coverage: the marginal reach of a candidate.
	covered := audience.NewSet(1, 2, 3)
	candidate := audience.NewSet(3, 4, 5)
	fmt.Println(candidate.CountNotIn(covered))
	covered = audience.Union(covered, candidate)
	fmt.Println(covered.Len())
	// Output:
	// 2
	// 5
}

func ExampleUniverse() {
	u := audience.NewUniverse()
	a, err := u.SetOfStrings("@ada", "@bob", "@cy")
	if err != nil {
		panic(err)
	}
	b, err := u.SetOfStrings("@bob", "@cy", "@dee")
	if err != nil {
		panic(err)
	}
	fmt.Println(audience.Overlap(a, b).Shared, u.Len())
	// Output: 2 4
}

func ExampleOverlapSketches() {
	a, err := audience.NewSketch(0) // k = 4096
	if err != nil {
		panic(err)
	}
	b, err := audience.NewSketch(0)
	if err != nil {
		panic(err)
	}
	a.Add(1, 2, 3)
	b.Add(2, 3, 4)
	// Small sets are kept whole: the figures are exact.
	p := audience.OverlapSketches(a, b)
	fmt.Println(p.Exact, p.Union, p.Shared, p.Jaccard)

	// Ship a sketch as DataSketches bytes and read it back.
	raw, err := a.MarshalBinary()
	if err != nil {
		panic(err)
	}
	var back audience.Sketch
	if err := back.UnmarshalBinary(raw); err != nil {
		panic(err)
	}
	fmt.Println(len(raw), back.Estimate().Value)
	// Output:
	// true 4 2 0.5
	// 40 3
}

func ExampleOverlapSketchSet() {
	// A partner ships the sketch of a small audience; ours is held in full.
	partner, err := audience.NewSketch(0)
	if err != nil {
		panic(err)
	}
	partner.Add(7, 8, 9)
	ours := audience.NewSet()
	for id := uint64(1); id <= 100_000; id++ {
		ours.Add(id)
	}
	// The partner's sketch is exact (3 IDs ≤ k), so the comparison is exact
	// however large our set is.
	p := audience.OverlapSketchSet(partner, ours)
	fmt.Println(p.Exact, p.Shared, p.Union)
	// Output: true 3 100000
}

func ExampleSketch_Merge() {
	// Two shards of one audience, sketched where the data lives (here, or
	// in Spark/Druid with DataSketches), merged into one.
	shard1, err := audience.NewSketch(0)
	if err != nil {
		panic(err)
	}
	shard2, err := audience.NewSketch(0)
	if err != nil {
		panic(err)
	}
	for id := uint64(0); id < 3000; id++ {
		shard1.Add(id)
	}
	for id := uint64(2000); id < 4000; id++ {
		shard2.Add(id)
	}
	total, err := audience.NewSketch(0)
	if err != nil {
		panic(err)
	}
	total.Merge(shard1, shard2)
	e := total.Estimate()
	// 0 … 3,999: 4,000 distinct IDs, at most k = 4096, so exact.
	fmt.Println(e.Value, e.Exact)
	// Output: 4000 true
}

func ExampleHellinger() {
	// Gender split of the target and of the audience.
	target := audience.Distribution{"f": d("50"), "m": d("50")}
	actual := audience.Distribution{"f": d("90"), "m": d("10")}
	tv, _ := audience.TotalVariation(target, actual)
	bc, _ := audience.Bhattacharyya(target, actual)
	h, _ := audience.Hellinger(target, actual)
	js, _ := audience.JensenShannon(target, actual)
	cos, _ := audience.Cosine(target, actual)
	// TV = ½(|.5−.9| + |.5−.1|) = 0.4
	// BC = √(.5·.9) + √(.5·.1) = 0.67082 + 0.22361 = 0.89443; H = √(1 − BC) = 0.32492
	// JS: m = (.7, .3); ½[.5·log₂(.5/.7) + .5·log₂(.5/.3)] + ½[.9·log₂(.9/.7) + .1·log₂(.1/.3)]
	//     = ½[−0.24271 + 0.36848] + ½[0.32631 − 0.15850] = 0.06288 + 0.08391 = 0.14679
	// cos = (50·90 + 50·10) / (√5000 · √8200) = 5000 / 6403.12 = 0.78087
	fmt.Println(tv, bc.Round(5), h.Round(5), js.Round(5), cos.Round(5))
	// Output: 0.4 0.89443 0.32492 0.14679 0.78087
}

func ExampleSketchOverlapMatrix() {
	sketches := make([]*audience.Sketch, 3)
	for i := range sketches {
		s, err := audience.NewSketch(0)
		if err != nil {
			panic(err)
		}
		// Audience i follows IDs 100·i … 100·i+199: neighbours share 100.
		for id := uint64(100 * i); id < uint64(100*i+200); id++ {
			s.Add(id)
		}
		sketches[i] = s
	}
	m := audience.SketchOverlapMatrix(sketches, 0)
	p01, _ := m.Pair(0, 1)
	p02, _ := m.Pair(0, 2)
	p12, _ := m.Pair(1, 2)
	// Audiences of 200 IDs sharing 100: Jaccard 100/(200+200−100) = 1/3.
	fmt.Println(p01.Shared, p02.Shared, p12.Jaccard)
	// Output: 100 0 0.3333333333333333
}

func ExampleUniqueReachSketches() {
	var a, b audience.Sketch
	a.Add(1, 2, 3)
	b.Add(3, 4)
	// {1, 2, 3} ∪ {3, 4} = {1, 2, 3, 4}: 4 people, exactly (both sketches
	// hold their whole sets).
	e := audience.UniqueReachSketches(&a, &b)
	fmt.Println(e.Value, e.Exact)
	// Output: 4 true
}

func ExamplePair_estimated() {
	// Two audiences of 100,000 sharing 50,000, too large for k = 4096:
	// the figures are estimates, each bracketed by its bounds.
	a, _ := audience.NewSketch(0)
	b, _ := audience.NewSketch(0)
	for id := uint64(0); id < 100_000; id++ {
		a.Add(id)
		b.Add(id + 50_000)
	}
	p := audience.OverlapSketches(a, b)
	fmt.Println(p.Exact)
	fmt.Println(p.Low.Shared <= p.Shared && p.Shared <= p.High.Shared)
	fmt.Println(p.Union == p.Shared+p.OnlyA+p.OnlyB)
	// Output:
	// false
	// true
	// true
}
