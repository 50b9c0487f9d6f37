package feedback

import (
	"math"
	"strconv"

	"github.com/influencekit/influencekit/internal/ci"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/shopspring/decimal"
)

// NetPromoter is a Net Promoter Score with its uncertainty.
type NetPromoter struct {
	Responses  int64 `json:"responses"`
	Promoters  int64 `json:"promoters"`  // answers 9 and 10
	Passives   int64 `json:"passives"`   // answers 7 and 8
	Detractors int64 `json:"detractors"` // answers 0 to 6
	// Score is (Promoters − Detractors) / Responses, a fraction in [−1, 1]:
	// 0.25 is the "NPS of 25" of the usual −100…100 scale. Exact, rounded
	// half away from zero to 16 places.
	Score decimal.Decimal `json:"score"`
	// SE is the standard error of Score: each answer scores +1, 0 or −1, so
	// with shares p₊ and p₋ the variance of one answer is p₊ + p₋ − (p₊ −
	// p₋)² and SE = √((p₊ + p₋ − (p₊ − p₋)²) / Responses). 12 places.
	SE decimal.Decimal `json:"se"`
	// Interval is Score ± z·SE (the normal approximation, Wald), clamped to
	// [−1, 1]; 12 places. With every answer in one group SE is 0 and the
	// interval a point: the approximation needs answers in at least two.
	Interval   Interval        `json:"interval"`
	Confidence decimal.Decimal `json:"confidence"`
}

// NPS scores answers to "how likely are you to recommend us" on the 0–10
// scale: promoters answer 9–10, passives 7–8, detractors 0–6 (Reichheld,
// "The One Number You Need to Grow", HBR 2003). confidence is the interval's
// level, a fraction in (0, 1) such as 0.95.
//
// Hand-worked: 10 answers, 5 promoters, 3 passives, 2 detractors: Score =
// (5 − 2)/10 = 0.3; variance = 0.5 + 0.2 − 0.3² = 0.61; SE = √(0.61/10) =
// 0.246982; 95 % interval 0.3 ± 1.959964·0.246982 = [−0.184075, 0.784075].
//
// No answers is [ErrEmpty]; an answer outside 0–10 is [ErrInvalid] naming
// scores[i]; a confidence not in (0, 1) is [ErrInvalid].
func NPS(scores []int, confidence decimal.Decimal) (NetPromoter, error) {
	const fn = "feedback.NPS"
	z, err := zFor(fn, "confidence", confidence)
	if err != nil {
		return NetPromoter{}, err
	}
	if len(scores) == 0 {
		return NetPromoter{}, errs.New(ErrEmpty, fn, "scores", "no answers", errs.None)
	}
	r := NetPromoter{Responses: int64(len(scores)), Confidence: confidence}
	for i, s := range scores {
		switch {
		case s < 0 || s > 10:
			return NetPromoter{}, errs.New(ErrInvalid, fn, errs.Index("scores", i), "not on the 0–10 scale", s)
		case s >= 9:
			r.Promoters++
		case s >= 7:
			r.Passives++
		default:
			r.Detractors++
		}
	}
	r.Score = exact.Ratio(r.Promoters-r.Detractors, r.Responses)
	se := r.se()
	lo, hi := r.score()-z*se, r.score()+z*se
	r.SE, r.Interval = dec(se), interval(math.Max(-1, lo), math.Min(1, hi))
	return r, nil
}

func (r NetPromoter) score() float64 {
	return float64(r.Promoters-r.Detractors) / float64(r.Responses)
}

func (r NetPromoter) se() float64 {
	n := float64(r.Responses)
	pp, pd := float64(r.Promoters)/n, float64(r.Detractors)/n
	v := pp + pd - (pp-pd)*(pp-pd)
	return math.Sqrt(math.Max(0, v) / n)
}

// check reports whether r's counts are consistent (what NPS returns).
func (r NetPromoter) check(fn, field string) error {
	if r.Promoters < 0 || r.Passives < 0 || r.Detractors < 0 || r.Responses <= 0 {
		return errs.New(ErrInvalid, fn, field, "counts negative or no responses", r.Responses)
	}
	if s, ok := exact.Add(r.Promoters, r.Passives); !ok || s > r.Responses || r.Responses-s != r.Detractors {
		return errs.New(ErrInvalid, fn, field, "promoters + passives + detractors ≠ responses", r.Responses)
	}
	return nil
}

// Difference is the difference of two independent estimates a − b with
// its standard error, interval and two-sided p-value.
type Difference struct {
	// Estimate is a − b, exact (16 places).
	Estimate decimal.Decimal `json:"estimate"`
	// SE is √(SEa² + SEb²), the samples being independent; 12 places.
	SE decimal.Decimal `json:"se"`
	// Interval is Estimate ± z·SE; 12 places.
	Interval Interval `json:"interval"`
	// PValue is the two-sided p-value of "no difference": 2·(1 − Φ(|Estimate|
	// / SE)); 1 when SE is 0 and the estimate is 0, 0 when SE is 0 and it is
	// not. 12 places.
	PValue     decimal.Decimal `json:"p_value"`
	Confidence decimal.Decimal `json:"confidence"`
}

// NPSDiff compares two Net Promoter Scores from independent samples (two
// campaigns, two creators' followers): a.Score − b.Score with the interval
// of the normal approximation, using each score's own variance (see
// [NetPromoter.SE]).
//
// Hand-worked: a = 5 promoters, 3 passives, 2 detractors of 10 (SE
// 0.246982), b = 3, 3, 4 of 10 (Score −0.1, variance 0.7 − 0.01 = 0.69, SE
// √0.069 = 0.262679): difference 0.4, SE √(0.061 + 0.069) = √0.13 =
// 0.360555, 95 % interval 0.4 ± 0.706675 = [−0.306675, 1.106675], p =
// 2·(1 − Φ(1.109400)) = 0.267257.
//
// a and b must be as NPS returns them (counts not negative and summing to
// Responses > 0), else [ErrInvalid]; confidence as for NPS.
func NPSDiff(a, b NetPromoter, confidence decimal.Decimal) (Difference, error) {
	const fn = "feedback.NPSDiff"
	z, err := zFor(fn, "confidence", confidence)
	if err != nil {
		return Difference{}, err
	}
	if err := a.check(fn, "a"); err != nil {
		return Difference{}, err
	}
	if err := b.check(fn, "b"); err != nil {
		return Difference{}, err
	}
	// (Pa − Da)/Na − (Pb − Db)/Nb = ((Pa − Da)·Nb − (Pb − Db)·Na) / (Na·Nb), exactly.
	na, nb := decimal.NewFromInt(a.Responses), decimal.NewFromInt(b.Responses)
	num := decimal.NewFromInt(a.Promoters - a.Detractors).Mul(nb).Sub(decimal.NewFromInt(b.Promoters - b.Detractors).Mul(na))
	d := a.score() - b.score()
	se := math.Hypot(a.se(), b.se())
	return difference(exact.Div(num, na.Mul(nb)), d, se, z, confidence), nil
}

// difference fills a Difference from the exact estimate, its float value,
// its standard error and the quantile z.
func difference(estimate decimal.Decimal, d, se, z float64, confidence decimal.Decimal) Difference {
	p := 1.0
	if se > 0 {
		p = 2 * (1 - ci.CDF(math.Abs(d)/se))
	} else if d != 0 {
		p = 0
	}
	return Difference{Estimate: estimate, SE: dec(se), Interval: interval(d-z*se, d+z*se), PValue: dec(p), Confidence: confidence}
}

// Scale summarises answers on a Likert or satisfaction scale [Lo, Hi].
type Scale struct {
	Lo        int   `json:"lo"`
	Hi        int   `json:"hi"`
	Responses int64 `json:"responses"`
	// Counts[v − Lo] is the number of answers v.
	Counts []int64 `json:"counts"`
	// Mean is the average answer, exact (16 places).
	Mean decimal.Decimal `json:"mean"`
	// SD is the sample standard deviation √(Σ(x − x̄)² / (n − 1)); 0 for one
	// answer; 12 places.
	SD decimal.Decimal `json:"sd"`
	// MeanInterval is x̄ ± t·SD/√n with Student's t quantile at n − 1
	// degrees of freedom, clamped to [Lo, Hi]; 12 places. With one answer it
	// is the whole scale [Lo, Hi]: one answer says nothing of the spread.
	MeanInterval Interval `json:"mean_interval"`
	// TopBoxes is 2 on a scale of four or more points and 1 on a two- or
	// three-point scale (yes/no, bad/ok/good).
	TopBoxes int `json:"top_boxes"`
	// Top is the share of answers in the top TopBoxes values (the "top-2
	// box": 4 and 5 on a 1–5 scale, the usual CSAT), exact (16 places).
	Top decimal.Decimal `json:"top"`
	// TopInterval is Top's Wilson score interval; 12 places.
	TopInterval Interval `json:"top_interval"`
	// Bottom is the share of answers in the bottom TopBoxes values.
	Bottom     decimal.Decimal `json:"bottom"`
	Confidence decimal.Decimal `json:"confidence"`
}

// MaxScalePoints bounds the points of a scale Likert accepts (Hi − Lo + 1).
const MaxScalePoints = 101

// Likert summarises answers on the scale [lo, hi] (1–5 for CSAT and most
// Likert items, 1–7, 0–10, 0–1 for yes/no): mean with its t interval,
// top-box share with its Wilson interval (see [Scale]). CSAT, the share of
// satisfied customers, is Likert(scores, 1, 5, c).Top.
//
// Hand-worked: answers 5, 4, 4, 3, 5 on 1–5: mean 21/5 = 4.2; Σ(x − x̄)² =
// 0.64 + 0.04 + 0.04 + 1.44 + 0.64 = 2.8, SD = √(2.8/4) = 0.836660; t(0.975,
// 4) = 2.776445, half-width 2.776445·0.836660/√5 = 1.038851, interval
// [3.161149, 5] (5.238851 clamped); top-2 box 4/5 = 0.8, Wilson 95 %
// [0.375535, 0.963776].
//
// No answers is [ErrEmpty]; lo ≥ hi or more than MaxScalePoints points,
// an answer outside [lo, hi] (naming scores[i]) or a confidence not in
// (0, 1) are [ErrInvalid].
func Likert(scores []int, lo, hi int, confidence decimal.Decimal) (Scale, error) {
	const fn = "feedback.Likert"
	z, err := zFor(fn, "confidence", confidence)
	if err != nil {
		return Scale{}, err
	}
	if lo >= hi || hi-lo < 0 || hi-lo >= MaxScalePoints { // hi-lo < 0: the difference wrapped
		return Scale{}, errs.New(ErrInvalid, fn, "hi", "not above lo "+strconv.Itoa(lo)+" or more than 101 points", hi)
	}
	if len(scores) == 0 {
		return Scale{}, errs.New(ErrEmpty, fn, "scores", "no answers", errs.None)
	}
	s := Scale{Lo: lo, Hi: hi, Responses: int64(len(scores)), Counts: make([]int64, hi-lo+1), TopBoxes: 1, Confidence: confidence}
	if hi-lo >= 3 {
		s.TopBoxes = 2
	}
	var sum exact.Sum128
	for i, v := range scores {
		if v < lo || v > hi {
			return Scale{}, errs.New(ErrInvalid, fn, errs.Index("scores", i), "outside the scale "+strconv.Itoa(lo)+"–"+strconv.Itoa(hi), v)
		}
		s.Counts[v-lo]++
		sum.Add(int64(v))
	}
	s.Mean = exact.Div(sum.Decimal(), decimal.NewFromInt(s.Responses))
	s.meanInterval(scores, ci.T(confidence.InexactFloat64(), len(scores)-1))
	var top, bottom int64
	for b := range s.TopBoxes {
		top += s.Counts[len(s.Counts)-1-b]
		bottom += s.Counts[b]
	}
	s.Top, s.Bottom = exact.Ratio(top, s.Responses), exact.Ratio(bottom, s.Responses)
	s.TopInterval = interval(ci.Wilson(float64(top), float64(s.Responses), z))
	return s, nil
}

// meanInterval sets SD and MeanInterval; t is the t quantile at n − 1
// degrees of freedom (0 for one answer).
func (s *Scale) meanInterval(scores []int, t float64) {
	n := float64(len(scores))
	mean := s.Mean.InexactFloat64()
	if len(scores) < 2 {
		s.SD, s.MeanInterval = decimal.Zero, Interval{decimal.NewFromInt(int64(s.Lo)), decimal.NewFromInt(int64(s.Hi))}
		return
	}
	ss := 0.0
	for _, v := range scores {
		d := float64(v) - mean
		ss += d * d
	}
	sd := math.Sqrt(ss / (n - 1))
	half := t * sd / math.Sqrt(n)
	s.SD = dec(sd)
	s.MeanInterval = interval(math.Max(float64(s.Lo), mean-half), math.Min(float64(s.Hi), mean+half))
}
