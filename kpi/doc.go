// Package kpi measures influencer posts: engagement rates in every formula
// the industry uses, reach rate, click-through and conversion rates,
// follower growth, per-creator and campaign totals, weekly series, SMART
// targets, follower tiers and published benchmarks, and the parsing of the
// numbers that analytics exports contain.
//
// # Posts and missing counts
//
// A [Post] carries the counts of one piece of content as int64. A count the
// platform hid (Instagram lets creators hide likes) or the export did not
// contain is named in Post.Hidden and its field stays 0; it is "not
// reported", never zero. [Formula.Rate] skips a post that lacks a count it
// needs; totals say which counts were incomplete; parsers return an error
// wrapping [ErrNotReported]. A post whose Hidden names a count that is not
// zero contradicts itself: every function reading posts refuses it with an
// error naming the field ("kpi: Formula.Rate: posts[3].Likes: hidden but not
// zero (120)") rather than guess which one the caller meant.
//
// # Engagement rate formulas
//
// There is no single engagement rate. A [Formula] names the three choices
// that make one: which interactions count ([Likes] | [Comments] | [Shares] |
// [Saves]), the base they are divided by ([ByFollowers], [ByReach],
// [ByImpressions], [ByViews]) and how posts are combined ([PooledRate],
// [MeanOfRates], [MedianRate]). The zero Formula is likes + comments by
// followers, pooled: the counts every platform shows, never an average of
// averages unless asked for. Two posts with 400 engagements on 10,000
// views and 500 on 20,000 have a mean of rates of (0.04 + 0.025) / 2 =
// 0.0325 but a pooled rate of 900 / 30,000 = 0.03. Presets such as
// [PresetFollowers12] and [PresetTikTok] give the definitions in public use
// with their sources.
//
// # Units and precision
//
// Every rate is a decimal.Decimal fraction (0.0345 is 3.45 %): the exact
// rational value rounded once, half away from zero, to 16 decimal places,
// the precision shared by the whole library. Inner loops use integer
// arithmetic only, sums are kept in 128 bits, and no float64 is involved
// anywhere. A mean of rates is exact too: each rate is summed to 19 places
// with a bound on the truncation, and recomputed at 38 places or with exact
// rationals in the rare case where the bound leaves the 16th place open.
//
// # Errors
//
// Bad input returns an error, never a panic: "kpi: Func: field: what was
// wrong (value)", for example "kpi: EngagementRate: base: not positive (0)",
// wrapping one of the sentinels for errors.Is. The conditions every
// influencekit package shares use the shared sentinels ([ErrInvalid],
// [ErrNegative], [ErrNonPositive], [ErrEmpty], [ErrOverflow], [ErrTooLarge],
// [ErrSyntax], [ErrMissingColumn]); kpi adds [ErrNotReported] and
// [ErrNoBenchmark]. CSV errors are a *[ParseError] with the line, column,
// header and value.
//
// # Limits
//
// Every function returns within milliseconds on any input of ordinary
// size, and refuses with an error wrapping [ErrTooLarge] what would cost
// more:
//
//   - a decimal argument (Target.Goal, Progress's achieved, Place's rate and
//     a row's Rate) with an exponent beyond ±1000 or more than 1000 digits,
//     checked before any arithmetic (internal/limit: a bit-length test); a
//     zero counts as 0 whatever its exponent;
//   - a rate text with more than [MaxRateDigits] (1000) significant digits
//     or an exponent beyond ±1000: [ParseRate] is linear in the text;
//   - a mean of rates within 10⁻³⁸ of a rounding midpoint over more than
//     [MaxExactBases] (10,000) distinct bases (see [Formula.Rate]);
//   - a weekly series longer than [MaxWeeks] (10,000) weeks.
//
// Counts are int64 and their sums are kept in 128 bits or checked
// ([ErrOverflow]); CSV input is read in time and memory linear in its
// size.
//
// # Streaming
//
// [ReadPosts] returns a slice; [ScanPosts] reads the same CSV as an
// iter.Seq2[Post, error], one row at a time, so that an export of any
// length is read in constant memory and a loop can stop early. An
// [Accumulator] takes those posts one by one and gives what [Sum],
// [Formula.Measure] and [Weekly] give on a slice, with the same figures:
// 10⁷ rows (about 1 GB of CSV) are read and measured with a peak heap
// near 12 MB. Only the median needs every rate (16 bytes a post): an
// exact median cannot be found in one pass in less memory, and a sketch's
// approximate median is not the exact rate the package promises.
//
// # Enums
//
// Platform, Base, Average, Tier, Statistic and Position print their name
// and read it back ignoring case; the bit sets Interaction and Fields join
// names with "|" ("likes|comments"; the empty set is "none"). The zero value
// of each is valid and is its default: UnknownPlatform, ByFollowers,
// PooledRate, NoTier, Unstated, Typical, the empty set.
//
// # Time
//
// Nothing reads the clock: windows, targets and weekly series take an
// explicit now and *time.Location. Time ranges are half-open [from, to).
//
// # Concurrency
//
// Every type but Accumulator is a value, immutable once built and safe to
// share between goroutines; functions never modify the slices they are
// given. An Accumulator is updated by Add and is for one goroutine.
package kpi
