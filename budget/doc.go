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
// Split is the one way to split money; its shorthands are SplitEven(total,
// n, places), Split with n equal weights, and Money.Split(weights), Split at
// the money's minor unit with each part in its currency. Money pairs an
// amount with its currency and marshals as {"amount":"12.30","currency":"EUR"};
// mixing currencies is a *MismatchError (ErrCurrencyMismatch), the module's
// one currency-mismatch error. ParseCurrency reads a code in any case
// ("eur" is EUR).
//
// # Plans
//
// A Plan is a budget over a half-open period [Start, End) with LineItems
// (name, Category, planned, actual). NewPlanFromShares splits a total over
// categories; AddItem and RecordActual return updated copies (a Plan is an
// immutable value). Totals by category, variances, remaining budget,
// over-budget lines and a burn rate at an explicit instant are read from it.
// Plans and results marshal to JSON with every amount a money object,
// {"amount":"600.00","currency":"EUR"}, with the currency's minor digits.
//
// # Fee estimates
//
// A RateCard prices a Spec — its Format (post, reel, story, video,
// bundle), followers, views, engagement rate, audience fit, usage rights and
// exclusivity — as a Quote: a low/expected/high range with a line-by-line
// breakdown. The base fee comes from the creator's FeeBand or a rate per
// thousand followers or views. DefaultRateCard's numbers are illustrative
// only.
//
// # Allocating spend
//
// Response curves (Hill in Meridian's and Robyn's forms, Michaelis–Menten,
// logistic) and adstock transforms (geometric, Weibull CDF and PDF) model
// how spend turns into results. Allocate divides a total over Channels
// within per-channel bounds to maximise the total response: by exact KKT
// water-filling for concave curves, by an exact dynamic programme on a spend
// grid for S-shaped ones. AllocateTarget spends instead as long as the
// marginal or average return stays above a ReturnTarget.
//
// To spread a next budget from one campaign's results, where each creator
// or platform gives one observed (spend, return) point,
// MichaelisMentenThrough builds a concave curve through that point at an
// elasticity the caller states (the one assumption a single point needs),
// and Allocate spreads the budget over those curves. Curves and optimisers use
// float64 internally; results are converted to decimal once, and spends are
// whole minor units summing exactly to the total.
//
// # Numbers and errors
//
// Reported rates are fractions (0.1 is 10 %) rounded half away from zero at
// 16 decimal places. Bad input returns an error of the form
// "budget: Func: field: what was wrong (value)" wrapping one of the exported
// sentinels: the module's shared ones (ErrInvalid, ErrNegative,
// ErrNonPositive, ErrEmpty, ErrTooLarge, ErrSyntax, ErrDuplicate) or the
// package's own (ErrMinorUnit, ErrCurrencyMismatch, ErrNotFound,
// ErrInfeasible); no function panics on any input except the Must…
// helpers. Every enum's zero value is valid, its documented default
// (Method Auto, Basis PerBand, Format FormatPost, ReturnKind MarginalReturn,
// WeibullKind WeibullCDF); enum text is read ignoring case. The zero
// Currency, Money and Plan are not valid values: build them with
// ParseCurrency, NewMoney and NewPlan. All values are immutable and safe to
// share between goroutines; the package has no mutable state.
//
// # Limits
//
// Work and memory are bounded by limits a caller can read before calling;
// beyond them a call returns an error wrapping ErrTooLarge, in time linear
// in the input at most:
//
//	MaxExponent        1000       |exponent| of every decimal accepted (internal/limit, checked first)
//	MaxDigits          1000       digits of a decimal's coefficient (internal/limit)
//	MaxPlaces          30         |places| of the Split family
//	MaxParts           1,000,000  SplitEven's n (a 16 MB result)
//	MaxGridSteps       100,000    AllocateOptions.GridSteps
//	MaxGridWork        4·10⁸      GridDP's channels × (GridSteps+1)² (× 15 for AllocateTarget's open-ended search)
//	MaxAdstockPeriods  10,000     WeibullAdstock's periods (quadratic work)
//	MaxAmountText      1200 bytes one amount in the JSON Money and Plan read
//	2^53 minor units              any amount Allocate handles
//
// Functions without an error return are total and cheap on any value:
// Currency.Round, Money.Equal and Money.String answer decimals beyond the
// limits in constant time (see each), and the curves never return NaN or
// ±Inf (see Curve). Float paths that would overflow (the adstocks) return
// an error naming the input instead.
package budget
