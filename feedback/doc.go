// Package feedback reads what followers and creators say about a campaign
// and turns it into figures with their uncertainty: post-purchase "how did
// you hear about us?" answers matched to the creator roster and set beside
// discount-code credit, Net Promoter, CSAT and Likert scores with
// intervals, the creators' own feedback, brand-lift surveys, and the
// sample size a test needs.
//
// # Surveys
//
// [ReadSurvey] reads a form tool's export (one row per response: an
// optional timestamp, order ID and respondent ID, one column per question).
// Answers stay text until asked for: [Survey.Ratings] and [Survey.Scores]
// read a scale question (0–10, 1–5, yes/no), [Survey.Choices] a
// multi-select one. A blank answer is "not answered", never zero. A bad
// answer is a [*ParseError] with its line, column, header and value.
//
// # Post-purchase attribution
//
// [NewMatcher] builds a [Matcher] over the roster ([Creator]: handle, name,
// aliases) and the non-creator channels the caller names ([Source]:
// search, friend, TV…). [Matcher.Match] puts every answer in exactly one
// [Bucket]: one creator, one channel, ambiguous (two creators: reported,
// never guessed) or unmatched (the text kept). Matching folds case the
// Turkish-correct way (I, İ, ı, i are one letter), removes diacritics and
// punctuation, and tolerates typos within a documented edit distance
// ([MatchOptions]).
//
// [Survey.Answers] matches a question's answers with their order IDs;
// [Credit] joins them to the orders by order ID and sets
// each creator's survey credit beside their code and link credit: both,
// code only, survey only (the orders the codes missed) and disagreements,
// in orders and revenue.
//
// # What the extrapolation assumes
//
// Only some buyers answer. [Credit] extrapolates the survey-only share to
// every order ([Extrapolation]) assuming the orders that answered are a
// simple random sample of all orders: whether a buyer answers does not
// depend on how they heard of the brand. Then the share k/n of the n
// answered orders estimates the share of all N, with variance
// p(1 − p)/n · (N − n)/(N − 1) (sampling without replacement), and the
// interval is Wilson's with the effective sample size n(N − 1)/(N − n). If
// a creator's followers answer more willingly than other buyers, the
// estimate is too high, and no interval can show it: compare the response
// rates of code-credited orders per creator ((Both + CodeOnly) / Code of
// each [CreatorCredit]) with the overall ResponseRate before trusting it.
//
// # Scores
//
// [NPS] (promoters 9–10, passives 7–8, detractors 0–6) gives the score as a
// fraction in [−1, 1] with its standard error from the variance of the
// +1/0/−1 answer and a normal interval; [NPSDiff] compares two. [Likert]
// gives a scale's mean with its Student t interval and its top-2-box share
// (CSAT) with a Wilson interval. [CreatorFeedback] aggregates the
// creators' own survey per question and per creator and names the weakest
// questions and the low answers.
//
// # Brand lift and test design
//
// [BrandLift] compares an exposed and a control group on a yes/no question:
// absolute lift with Newcombe's hybrid score interval, relative lift with
// the Katz log interval (the methods of roi.LiftCI), and the p-value of the
// pooled two-proportion z test.
//
// [SampleSize], [Power] and [MDE] plan a two-proportion test with the
// normal approximation R's power.prop.test uses (not the arcsine form of
// Cohen's h), generalised to groups of unequal size (Fleiss, Levin and
// Paik, Statistical Methods for Rates and Proportions, 3rd ed., 2003,
// eq. 4.14 without continuity correction): for exposed rate p₁ = baseline
// + lift, control rate p₂ = baseline, n₂ = k·n₁, p̄ = (p₁ + k·p₂)/(1 + k),
// q = 1 − p,
//
//	power = Φ((|p₁ − p₂|·√n₁ − z_α·√(p̄q̄(1 + 1/k))) / √(p₁q₁ + p₂q₂/k))
//
// with z_α = Φ⁻¹(1 − α/2) (two-sided) or Φ⁻¹(1 − α) (one-sided). Like R's
// default (strict = FALSE) the two-sided power ignores rejections in the
// wrong direction. The tests check R's documented examples.
//
// # Numbers
//
// Shares, means and scores are exact decimals rounded once, half away from
// zero, to 16 places; figures that need square roots, logarithms or
// quantiles (standard errors, interval bounds, p-values, power) are
// computed in float64 and rounded to 12 places. Every confidence level is
// a fraction in (0, 1) such as 0.95.
//
// # Limits
//
// No function panics, and none returns NaN or Inf; work and memory are
// bounded by limits a caller can check before calling:
//
//   - a decimal argument (every confidence level, [CreditedOrder].Amount,
//     the baseline, lift and power of [SampleSize], [Power] and [MDE],
//     [Design].Alpha and Ratio) with an exponent beyond ±1000 or more than
//     1000 digits is refused with [ErrTooLarge] naming the field, before
//     any arithmetic (internal/limit, linear in the digits); a zero with
//     such an exponent too;
//   - a level, rate or ratio that float64 cannot carry (Design.Alpha or
//     Ratio so close to 0 that a quantile or 1/Ratio is infinite) is
//     [ErrInvalid], never an infinite figure;
//   - a scale of more than [MaxScalePoints] (101) points, or whose Hi − Lo
//     does not fit an int, is [ErrInvalid] ([Likert], [CreatorFeedback]);
//   - a roster key of more than [MaxKeyWords] (8) words or [MaxKeyRunes]
//     (64) runes is [ErrTooLarge] ([NewMatcher], whose work is linear in
//     the roster: 2,000 creators in about 20 ms);
//   - [Matcher.Match] reads an answer of at most [MaxAnswerBytes] (4096)
//     bytes, in time linear in it; a longer answer, and any answer given to
//     a nil Matcher, is BucketUnmatched with its Text kept.
//
// A nil reader is [ErrInvalid]; CSV input is read in time and memory
// linear in its size, and every other function is linear in its input.
//
// # Errors
//
// Every error wraps one of the module's shared sentinels ([ErrInvalid],
// [ErrNegative], [ErrNonPositive], [ErrEmpty], [ErrOverflow],
// [ErrTooLarge], [ErrSyntax], [ErrMissingColumn], [ErrDuplicate]) or
// [ErrCurrencyMismatch]; CSV problems are [*ParseError] values.
package feedback
