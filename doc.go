// Package influencekit plans and measures influencer-marketing campaigns with
// exact, documented arithmetic. This root package holds only documentation;
// the work is done by five small packages, one for each step of a campaign.
//
// # The campaign flow
//
//	goals & KPIs ──► choose influencers ──► set & split budget ──► run & track ──► measure & compare
//	    kpi              selection               budget               kpi             roi
//	                  (audience, kpi)                                              (kpi, budget)
//
// The steps, and where each lives:
//
//  1. Goals: state SMART targets ([kpi.Target]) for the metrics that matter,
//     for example an engagement rate made by a named [kpi.Formula].
//  2. Selection: filter, score and rank creators ([selection.Rank]), check
//     that their audiences fit the brand ([audience.Match]) and do not
//     duplicate each other ([audience.Overlap], [audience.UniqueReach]), and
//     pick the best shortlist under the budget ([selection.Shortlist]).
//  3. Budget: split the money to the cent with nothing lost ([budget.Split]),
//     keep a [budget.Plan] of line items and actuals, estimate fees from a
//     [budget.RateCard] and allocate spend over response curves
//     ([budget.Allocate]).
//  4. Tracking: read posts ([kpi.Post]) week by week and follow engagement,
//     reach and progress against the targets.
//  5. Measurement: return ([roi.ROI], [roi.ROAS]), unit costs ([roi.CPM],
//     [roi.CPE], [roi.CPC], [roi.CPA]), earned media value, attribution by
//     code, link or multi-touch model ([roi.Attribute]) and comparison with
//     past campaigns and benchmarks.
//
// # Packages
//
// Imports only point down these layers; no package imports a sibling on its
// own floor, and a test (layers_test.go) keeps it so.
//
//	examples/…             runnable programs; may import any package
//	selection              imports kpi, audience, budget, collab
//	roi, collab            import kpi, budget
//	kpi  audience  budget  import nothing of ours
//	internal/…             shared helpers; import nothing above them
//
// What each package is for:
//
//   - [kpi]: posts and their counts, engagement rate in every formula the
//     industry uses, growth, weekly series, SMART targets, tiers and
//     benchmark tables.
//   - [audience]: demographic distributions and how well one matches a target;
//     follower sets, exact and sketched: shared followers, unique reach,
//     overlap matrices.
//   - [budget]: money split to the cent, budget plans with actuals, fee
//     estimates from rate cards, spend allocation over response curves.
//   - [roi]: ROI, ROAS, cost per result, earned media value, attribution and
//     campaign comparison.
//   - [selection]: influencer profiles, filters, explainable scoring, and the
//     best shortlist under a budget counting shared followers once.
//
// # Units and rounding
//
// Counts (likes, followers, clicks) are int64. A count that the platform hid
// or did not report is not zero: [kpi.Post] says which counts are missing,
// and every formula documents whether it skips or rejects such posts.
//
// Money (fees, spend, revenue, budgets, CPM) is a [decimal.Decimal] in one
// ISO 4217 currency per plan or report; mixing currencies is an error.
// Splitting money never loses or invents a minor unit: the parts of a
// [budget.Split] always sum exactly to the total.
//
// Rates, ratios and scores a user reads (engagement rate, ROI, ROAS, CTR,
// match, Jaccard) are decimal fractions: 0.0345 is 3.45 %. They are computed
// exactly from integer counts and rounded once, half away from zero, to 16
// decimal places; nothing is rounded inside a calculation, only at display.
// ROI is (revenue − cost) / cost and ROAS is revenue / cost: the
// "ROI = revenue / cost × 100" of many guides is ROAS as a percentage.
//
// Estimators (sketches, curve optimisers) work in float64 inside and convert
// to decimal once, at the API boundary, as their documentation says.
//
// # Errors
//
// Bad input returns an error, never a panic, a NaN or a silent zero. Every
// package speaks one way: messages read "pkg: Func: field: what was wrong
// (value)", for example "kpi: EngagementRate: base: not positive (0)", and
// every error wraps an exported sentinel of its package that [errors.Is]
// matches. The conditions all packages share have one sentinel each, with
// the same name and the same value everywhere (ErrInvalid, ErrNegative,
// ErrNonPositive, ErrEmpty, ErrOverflow, ErrTooLarge, ErrSyntax,
// ErrMissingColumn, ErrDuplicate), so errors.Is(err, kpi.ErrInvalid) and
// errors.Is(err, budget.ErrInvalid) are the same test. Every CSV reader
// returns one error type for a bad field, ParseError, with the line, column,
// header and value. A long value is shown shortened, never in full. Must…
// helpers, which panic, exist only for literals in tests and examples.
//
// # Enums and zero values
//
// Every enum has one text rule: String and MarshalText write its name,
// UnmarshalText and every ParseX read it back ignoring case and surrounding
// spaces, and a bit set joins names with "|" ("likes|comments", the empty
// set is "none"). The zero value of every enum is valid: it is the
// documented default. A configuration struct's zero field means the default
// its comment states.
//
// # Stability
//
// The names listed as stable in the repository's API.md keep their meaning
// in every v0 minor release; every other change is listed in CHANGELOG.md.
//
// # Concurrency
//
// Values are immutable after construction and safe to share between
// goroutines; a type that is not (a follower set being filled, a sketch being
// updated) says so in its documentation. There is no package-level mutable
// state: the library never reads the clock or the global random source (time
// and randomness are arguments), and never touches the decimal package's
// globals, which belong to the host program.
//
// [decimal.Decimal]: https://pkg.go.dev/github.com/shopspring/decimal#Decimal
// [kpi.Post]: https://pkg.go.dev/github.com/influencekit/influencekit/kpi#Post
// [budget.Split]: https://pkg.go.dev/github.com/influencekit/influencekit/budget#Split
// [kpi]: https://pkg.go.dev/github.com/influencekit/influencekit/kpi
// [audience]: https://pkg.go.dev/github.com/influencekit/influencekit/audience
// [budget]: https://pkg.go.dev/github.com/influencekit/influencekit/budget
// [roi]: https://pkg.go.dev/github.com/influencekit/influencekit/roi
// [selection]: https://pkg.go.dev/github.com/influencekit/influencekit/selection
// [kpi.Target]: https://pkg.go.dev/github.com/influencekit/influencekit/kpi#Target
// [kpi.Formula]: https://pkg.go.dev/github.com/influencekit/influencekit/kpi#Formula
// [audience.Match]: https://pkg.go.dev/github.com/influencekit/influencekit/audience#Match
// [audience.Overlap]: https://pkg.go.dev/github.com/influencekit/influencekit/audience#Overlap
// [audience.UniqueReach]: https://pkg.go.dev/github.com/influencekit/influencekit/audience#UniqueReach
// [budget.Plan]: https://pkg.go.dev/github.com/influencekit/influencekit/budget#Plan
// [budget.RateCard]: https://pkg.go.dev/github.com/influencekit/influencekit/budget#RateCard
// [budget.Allocate]: https://pkg.go.dev/github.com/influencekit/influencekit/budget#Allocate
// [roi.ROI]: https://pkg.go.dev/github.com/influencekit/influencekit/roi#ROI
// [roi.ROAS]: https://pkg.go.dev/github.com/influencekit/influencekit/roi#ROAS
// [roi.CPM]: https://pkg.go.dev/github.com/influencekit/influencekit/roi#CPM
// [roi.CPE]: https://pkg.go.dev/github.com/influencekit/influencekit/roi#CPE
// [roi.CPC]: https://pkg.go.dev/github.com/influencekit/influencekit/roi#CPC
// [roi.CPA]: https://pkg.go.dev/github.com/influencekit/influencekit/roi#CPA
// [roi.Attribute]: https://pkg.go.dev/github.com/influencekit/influencekit/roi#Attribute
// [selection.Rank]: https://pkg.go.dev/github.com/influencekit/influencekit/selection#Rank
// [selection.Shortlist]: https://pkg.go.dev/github.com/influencekit/influencekit/selection#Shortlist
package influencekit
