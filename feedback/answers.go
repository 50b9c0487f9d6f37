package feedback

import (
	"strconv"
	"strings"

	"github.com/influencekit/influencekit/internal/errs"
)

// Rating is one answered scale question: the index of its response in
// Survey.Responses and the value given.
type Rating struct {
	Response int `json:"response"`
	Value    int `json:"value"`
}

// answer returns response ri's answer to question qi, "" when the response
// has fewer answers (a Survey built in code).
func (s Survey) answer(ri, qi int) string {
	if a := s.Responses[ri].Answers; qi < len(a) {
		return a[qi]
	}
	return ""
}

// Ratings returns the answers to a scale question (0–10 for NPS, 1–5 for
// CSAT and Likert, 0–1 for yes/no) from the responses that answered it, in
// response order. A blank answer is not answered and is left out, never
// read as zero.
//
// An answer is an integer, optionally followed by its label after a space,
// "-", ":", "(" or "." ("5 - Very satisfied", "10 (Extremely likely)"). For
// a 0–1 scale "yes", "no", "y", "n", "true", "false", "evet" and "hayır"
// (any case) read as 1 and 0.
//
// A question not in the survey wraps [ErrMissingColumn]; lo > hi wraps
// [ErrInvalid]; an answer that does not parse is a [*ParseError] wrapping
// [ErrSyntax], one outside [lo, hi] wraps [ErrInvalid], each with the
// response's line, column, header and value.
func (s Survey) Ratings(question string, lo, hi int) ([]Rating, error) {
	const fn = "feedback.Survey.Ratings"
	if lo > hi {
		return nil, errs.New(ErrInvalid, fn, "lo", "above hi "+strconv.Itoa(hi), lo)
	}
	qi, err := s.index(fn, "question", question)
	if err != nil {
		return nil, err
	}
	var out []Rating
	for ri := range s.Responses {
		a := s.answer(ri, qi)
		if a == "" {
			continue
		}
		v, err := parseRating(a, lo, hi)
		if err != nil {
			return nil, s.answerError(fn, ri, qi, err)
		}
		out = append(out, Rating{Response: ri, Value: v})
	}
	return out, nil
}

// Scores is shorthand for the values of [Survey.Ratings]: the answered
// scores in response order, ready for [NPS] and [Likert].
func (s Survey) Scores(question string, lo, hi int) ([]int, error) {
	rs, err := s.Ratings(question, lo, hi)
	if err != nil {
		return nil, err
	}
	out := make([]int, len(rs))
	for i, r := range rs {
		out[i] = r.Value
	}
	return out, nil
}

var yesNo = map[string]int{"yes": 1, "y": 1, "true": 1, "evet": 1, "no": 0, "n": 0, "false": 0, "hayir": 0}

// parseRating reads a scale answer.
func parseRating(a string, lo, hi int) (int, error) {
	if lo == 0 && hi == 1 {
		if v, ok := yesNo[normalize(a)]; ok {
			return v, nil
		}
	}
	end := 0
	if end < len(a) && (a[end] == '-' || a[end] == '+') {
		end++
	}
	for end < len(a) && a[end] >= '0' && a[end] <= '9' {
		end++
	}
	if end < len(a) && !labelStart(a[end:]) {
		return 0, ErrSyntax
	}
	v, err := strconv.Atoi(a[:end])
	if err != nil {
		return 0, ErrSyntax
	}
	if v < lo || v > hi {
		return 0, ErrInvalid
	}
	return v, nil
}

// labelStart reports whether rest (the text after a score's digits) starts
// a label: a space, "-", ":", "(" or "." not followed by a digit.
func labelStart(rest string) bool {
	switch rest[0] {
	case ' ', '\t', '-', ':', '(':
		return true
	case '.':
		return len(rest) == 1 || rest[1] < '0' || rest[1] > '9'
	}
	return strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—")
}

// Choices returns the options selected in a multi-select question, one
// slice per response in Survey.Responses order: the answer cut at sep
// ("" means ", " as Google Forms writes it), each option trimmed, empty ones
// dropped; nil for a response that did not answer. A question not in the
// survey wraps [ErrMissingColumn].
func (s Survey) Choices(question, sep string) ([][]string, error) {
	qi, err := s.index("feedback.Survey.Choices", "question", question)
	if err != nil {
		return nil, err
	}
	if sep == "" {
		sep = ", "
	}
	out := make([][]string, len(s.Responses))
	for ri := range s.Responses {
		for _, o := range strings.Split(s.answer(ri, qi), sep) {
			if o = strings.TrimSpace(o); o != "" {
				out[ri] = append(out[ri], o)
			}
		}
	}
	return out, nil
}
