// Package selection chooses the creators of a campaign: it reads creator
// profiles from analytics exports, scores and ranks them against a brand's
// criteria with an explanation of every score, and picks the shortlist that
// fits a budget.
//
// # Ranking profiles
//
// A Profile holds what is known about an account: followers, following,
// recent posts (kpi.Post) or average counts, categories, country, language,
// audience demographics (audience.Demographics), an optional follower set,
// a fee, follower history. A field the source did not report is named in
// Profile.Missing: it is "not reported", never zero, and its value must be
// zero: a field both set and named in Missing (a fee with MissingFee still
// set) is refused with an error naming it, never silently ignored.
//
// Rank applies Criteria's hard filters (platforms, tiers, follower range,
// minimum engagement rate by a named kpi.Formula, maximum fee, categories,
// countries, languages, brand-safety exclusions), scores the profiles that
// pass on six criteria (engagement against the tier benchmark, audience fit
// to the target, category fit, authenticity, cost efficiency, growth; see
// Criterion for each formula), and on three more for the profiles that
// carry the data: reliability and past performance from the creator's
// record with the brand (Profile.Record, a collab.History: on-time rate and
// delay; last ROAS or CPA against the median), and activity (Profile.Activity,
// a kpi.Activity: posts a week scored highest inside a band and lower both
// below and above it, as over-posting tires followers; regularity). A
// profile without the data has the criterion left out of its weighted mean,
// neither rewarded nor punished (see Criterion). Rank returns
// the top k, best first, each with
// a per-criterion breakdown, together with the filter and the reason that
// excluded every other profile (Ranking.Rejected; Passed + len(Rejected)
// is every profile). Ties go to the smaller handle. The top k are kept in a
// heap, never sorting all profiles: ranking a million profiles for the top
// 100 takes about 1.3 times as long as sorting a million float64 keys
// (BenchmarkRank against BenchmarkSortKeysBaseline).
//
// Authenticity is a list of documented signals, each with its threshold in
// AuthenticityRules and a reason in the result: engagement an order of
// magnitude off the tier benchmark, a likes-to-comments ratio out of range,
// follower growth spikes, a high following/followers ratio, a low share of
// authentic engagement, and mass-follower or suspicious accounts in the
// audience. They are screening heuristics, not proof.
//
// # The best shortlist under a budget
//
// ShortlistWith is the one core call: it picks the candidates whose fees fit
// a budget and constraints and whose total value (MaxValue) or unique
// reach (MaxUniqueReach) is greatest. Shortlist is shorthand for it with
// zero Constraints.
//
//   - MaxValue is a 0/1 knapsack, solved exactly over fees in minor units
//     (dynamic programming, or branch and bound with a work limit and a
//     documented fallback);
//   - MaxUniqueReach is budgeted maximum coverage: a follower shared by
//     several creators counts once. It is exact up to 20 candidates and a
//     lazy greedy with partial enumeration beyond, with the approximation
//     guarantees of Khuller, Moss and Naor (1999). A Candidate's
//     followers are an exact set (Followers) or a theta sketch (Sketch);
//     with sketches the same search runs on estimated reach.
//
// Constraints add must-include and exclude lists, per-group minimums and
// maximums, a minimum number of creators and a maximum share of the budget
// per creator. Every search is bounded by Constraints.MaxWork, a count of
// work (not a duration, so results never depend on the machine): past it,
// the best pick found so far is returned. Pick.Optimal says whether the
// result is proven optimal; Pick.Stats says how it was found. When no pick
// can meet the constraints, ErrInfeasible names the one that cannot be met.
// Ranking.Candidates turns every ranked profile into a candidate (not only
// the top k) and reports those it cannot price.
//
// # Loading real data
//
// ReadProfiles reads profiles from CSV with a header-to-field mapping
// (ProfileColumns): BOM, CRLF (also inside quoted headers), k/m/b suffixes, percent
// rates, N/A and empty fields, quoted commas and any UTF-8 are handled; a
// handle repeated with different values is an error or, by the caller's
// choice, resolved and reported. Errors are *ParseError values naming the
// line, column, header and value. ScanProfiles reads the same CSV as an
// iter.Seq2, one profile per distinct handle, for files larger than memory;
// ReadProfiles is its shorthand.
//
// # Numbers
//
// Money (fees, budgets) is decimal.Decimal, handled exactly. Scores are
// computed in float64 inside Rank and reported as decimals rounded to
// ScorePlaces; engagement rates in the report are exact (16 places, as in
// kpi). The solvers work on exact integers.
//
// # Limits
//
// Every limit is checked before any work, refused with ErrTooLarge naming
// the field, and holds on any input a caller can build:
//
//   - every decimal (a fee, value, budget, rate, weight, threshold, share,
//     audience share, benchmark rate, record or activity value) within the
//     module's limits: an exponent within ±1000 and at most 1000 digits
//     (internal/limit, as in kpi, budget and audience), checked in
//     constant time for the common amount and in linear time otherwise;
//   - a number in CSV (ReadProfiles: a count, a rate, a fee) at most
//     MaxNumberText (1400) bytes, and any other field at most MaxText
//     (4096), so that reading is linear in the input;
//   - the solvers' work at most Constraints.MaxWork (DefaultMaxWork,
//     DefaultReachWork), and MaxValue's dynamic programme at most 2²⁶
//     table cells (8 MiB).
//
// Within them, Rank is O(n log k) for n profiles; TestHostile calls every
// exported function with hostile values (±2³¹ exponents, 10⁶ digits,
// MaxInt64 counts, 10⁶-byte strings): each returns within 50 ms.
//
// # Errors and concurrency
//
// Errors wrap the package's sentinels and read "selection: Func: field:
// what (value)", a long value shortened. The conditions every package of the module shares have its
// shared sentinels (ErrInvalid, ErrNegative, ErrNonPositive, ErrOverflow,
// ErrTooLarge, ErrEmpty, ErrSyntax, ErrMissingColumn, ErrDuplicate: the same values
// as kpi's and budget's); selection's own are ErrUnknownID, ErrInfeasible,
// ErrSearchLimit and ErrNoFollowers. Enums (Goal, Criterion, Filter,
// Duplicates) and the Missing bit set follow the module's text rule (parse
// ignores case) and their zero values are their documented defaults. No
// function panics on any input, and no NaN becomes a score. Every function is safe for concurrent use on values that are not
// being modified; results are fresh values owned by the caller.
package selection
