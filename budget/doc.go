// Package budget sets and splits the money of an influencer campaign: exact
// splits to the minor unit, budget plans with actuals, fee estimates from a
// rate card, and the allocation of spend across channels by response curves.
//
// # Money that never loses a cent
//
// Amounts are decimal.Decimal in one ISO 4217 Currency, whose minor unit
// (2 places for EUR, 0 for JPY, 3 for KWD, 4 for CLF) fixes the smallest
// amount. Split divides a total by weights with the largest-remainder
// method, so the parts are whole minor units and sum exactly to the total,
// for amounts of any size:
//
//	Split(100.00, [1 1 1], 2) = [33.34 33.33 33.33]
//
// SplitEven divides into n near-equal parts, SplitRoundRobin reproduces the
// common money libraries' Allocate (leftover units to the first parts).
// Money pairs an amount with its currency; mixing currencies is a
// *MismatchError.
//
// # Plans
//
// A Plan is a budget over a half-open period [Start, End) with LineItems
// (name, Category, planned, actual). NewPlanFromShares splits a total over
// categories; AddItem and RecordActual return updated copies (a Plan is an
// immutable value). Totals by category, variances, remaining budget,
// over-budget lines and a burn rate at an explicit instant are read from it.
// Plans marshal to JSON with amounts as strings.
//
// # Fee estimates
//
// A RateCard prices a Deliverable (post, reel, story, video, bundle) from
// plain values — followers, views, engagement rate, audience fit, usage
// rights and exclusivity — as a low/expected/high range with a line-by-line
// breakdown. DefaultRateCard's numbers are illustrative only.
//
// # Allocating spend
//
// Response curves (Hill in Meridian's and Robyn's forms, Michaelis–Menten,
// logistic) and adstock transforms (geometric, Weibull CDF and PDF) model
// how spend turns into results. Allocate divides a total over Channels
// within per-channel bounds to maximise the total response: by exact KKT
// water-filling for concave curves, by an exact dynamic programme on a spend
// grid for S-shaped ones. AllocateTarget spends instead as long as the
// marginal or average return stays above a floor. Curves and optimisers use
// float64 internally; results are converted to decimal once, and spends are
// whole minor units summing exactly to the total.
//
// # Numbers and errors
//
// Reported rates are fractions (0.1 is 10 %) rounded half away from zero at
// 16 decimal places. Bad input returns an error of the form
// "budget: Func: field: what was wrong (value)" wrapping one of the exported
// sentinels (ErrWeights, ErrMinorUnit, ErrInvalid, …); no function panics on
// any input except the Must… helpers. All values are immutable and safe to
// share between goroutines; the package has no mutable state.
package budget
