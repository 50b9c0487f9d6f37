package feedback

import (
	"slices"
	"strings"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/shopspring/decimal"
)

// Question names a scale question of a creators' survey and its scale:
// "Brief clarity" 1–5, "Would work with us again" 0–1 (yes/no).
type Question struct {
	Name string `json:"name"`
	Lo   int    `json:"lo"`
	Hi   int    `json:"hi"`
}

// QuestionFeedback is one question across every creator who answered it.
type QuestionFeedback struct {
	Question Question `json:"question"`
	// Summary is Likert over every answer.
	Summary Scale `json:"summary"`
	// Position is (Mean − Lo) / (Hi − Lo): where the mean sits on the
	// scale, 0 at the bottom and 1 at the top, so questions on different
	// scales compare; exact, 16 places.
	Position decimal.Decimal `json:"position"`
	// Creators has each answering creator's mean, sorted by handle.
	Creators []CreatorMean `json:"creators"`
}

// CreatorMean is one creator's answers to one question.
type CreatorMean struct {
	Creator string          `json:"creator"`
	Answers int64           `json:"answers"`
	Mean    decimal.Decimal `json:"mean"` // exact, 16 places
}

// LowScore is one answer in a question's bottom boxes (see Scale.Bottom):
// 1 or 2 on a 1–5 scale, "no" on a yes/no question.
type LowScore struct {
	Creator  string `json:"creator"`
	Question string `json:"question"`
	Value    int    `json:"value"`
	Line     int    `json:"line"` // the response's line in the export
}

// CreatorReport is the creators' own feedback, aggregated.
type CreatorReport struct {
	// Questions follows the order of the questions asked for.
	Questions []QuestionFeedback `json:"questions"`
	// Weakest lists the question names by Position, lowest first (ties by
	// name): the first is the campaign's weakest point.
	Weakest []string `json:"weakest"`
	// Low lists every bottom-box answer, in response order, question by
	// question.
	Low []LowScore `json:"low"`
	// Unanswered names the questions nobody answered (left out of
	// Questions and Weakest).
	Unanswered []string `json:"unanswered"`
}

// CreatorFeedback aggregates the creators' own survey (brief clarity,
// communication, payment on time, creative freedom, would work with us
// again…): per question the [Likert] summary at confidence, each creator's
// mean, the questions from weakest to strongest by where their mean sits on
// their scale, and every low answer with its creator.
//
// creator names the column holding the creator's handle ("@" dropped); a
// blank cell is an anonymous response, counted in the summaries under the
// creator "". A question nobody answered is listed in Unanswered.
//
// Errors: no questions ([ErrEmpty]); a column not in the survey
// ([ErrMissingColumn]); a scale Likert refuses (Lo ≥ Hi, more than
// MaxScalePoints points) or a confidence not in (0, 1) ([ErrInvalid]); an
// answer that does not parse or is off its scale (a [*ParseError], see
// [Survey.Ratings]).
func CreatorFeedback(s Survey, creator string, questions []Question, confidence decimal.Decimal) (CreatorReport, error) {
	const fn = "feedback.CreatorFeedback"
	if len(questions) == 0 {
		return CreatorReport{}, errs.New(ErrEmpty, fn, "questions", "no questions", errs.None)
	}
	if _, err := zFor(fn, "confidence", confidence); err != nil {
		return CreatorReport{}, err
	}
	for i, q := range questions {
		if q.Lo >= q.Hi || q.Hi-q.Lo < 0 || q.Hi-q.Lo >= MaxScalePoints { // < 0: the difference wrapped
			return CreatorReport{}, errs.New(ErrInvalid, fn, errs.Index("questions", i)+".Hi", "not above Lo or more than 101 points", q.Hi)
		}
	}
	cc, err := s.index(fn, "creator", creator)
	if err != nil {
		return CreatorReport{}, err
	}
	var r CreatorReport
	for _, q := range questions {
		qf, low, err := s.question(cc, q, confidence)
		if err != nil {
			return CreatorReport{}, err
		}
		if qf.Summary.Responses == 0 {
			r.Unanswered = append(r.Unanswered, q.Name)
			continue
		}
		r.Questions = append(r.Questions, qf)
		r.Low = append(r.Low, low...)
	}
	order := slices.Clone(r.Questions)
	slices.SortStableFunc(order, func(a, b QuestionFeedback) int {
		if c := a.Position.Cmp(b.Position); c != 0 {
			return c
		}
		return strings.Compare(a.Question.Name, b.Question.Name)
	})
	for _, q := range order {
		r.Weakest = append(r.Weakest, q.Question.Name)
	}
	return r, nil
}

// question aggregates one question; cc is the creator column's index.
func (s Survey) question(cc int, q Question, confidence decimal.Decimal) (QuestionFeedback, []LowScore, error) {
	rs, err := s.Ratings(q.Name, q.Lo, q.Hi)
	if err != nil || len(rs) == 0 {
		return QuestionFeedback{Question: q}, nil, err
	}
	values := make([]int, len(rs))
	sums := map[string][2]int64{} // creator → answers, sum
	var low []LowScore
	for i, r := range rs {
		values[i] = r.Value
		who := strings.TrimPrefix(s.answer(r.Response, cc), "@")
		t := sums[who]
		sums[who] = [2]int64{t[0] + 1, t[1] + int64(r.Value)}
		if r.Value < q.Lo+bottomBoxes(q) {
			low = append(low, LowScore{Creator: who, Question: q.Name, Value: r.Value, Line: s.Responses[r.Response].Line})
		}
	}
	sum, err := Likert(values, q.Lo, q.Hi, confidence) // scale and confidence checked by CreatorFeedback
	if err != nil {
		return QuestionFeedback{}, nil, err
	}
	qf := QuestionFeedback{Question: q, Summary: sum}
	qf.Position = exact.Div(sum.Mean.Sub(decimal.NewFromInt(int64(q.Lo))), decimal.NewFromInt(int64(q.Hi-q.Lo)))
	for who, t := range sums {
		qf.Creators = append(qf.Creators, CreatorMean{Creator: who, Answers: t[0], Mean: exact.Ratio(t[1], t[0])})
	}
	slices.SortFunc(qf.Creators, func(a, b CreatorMean) int { return strings.Compare(a.Creator, b.Creator) })
	return qf, low, nil
}

// bottomBoxes is Scale.TopBoxes for q's scale.
func bottomBoxes(q Question) int {
	if q.Hi-q.Lo >= 3 {
		return 2
	}
	return 1
}
