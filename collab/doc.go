// Package collab follows a campaign's collaborations with creators: what
// each creator owes, what is late, whether each sponsored post is
// disclosed as the law and the brief require, what is paid and due, what
// gifted products earned, and how a creator did across campaigns.
//
// The campaign guides this library follows say a collaboration succeeds
// through close follow-up (every deliverable and its steps tracked,
// problems acted on in time) and through long-term cooperation with the
// same creators. The package turns that into data:
//
//   - A [Deliverable] is what one creator owes under one booking: Count
//     pieces of one [Kind] on one platform, due before Due, carrying what
//     its [Brief] requires, for a fee in [budget.Money] paid in
//     [Milestone]s.
//   - [Statuses] reads dated [Event]s (briefed, draft submitted, changes
//     requested, approved, published, cancelled) as of a date the caller
//     passes, and says for each deliverable whether it is open, overdue
//     (by how many days), delivered on time or late, after how many
//     approval rounds and with what turnaround per step. [ReadEvents]
//     reads events from CSV.
//   - [MatchPosts] links published posts to deliverables (by a published
//     event's post ID, else by creator, platform, kind and window) and
//     lists what is missing and what was posted beyond the booking.
//   - [CheckCaption] (or a [Checker] for many captions) checks a caption
//     against a brief: the disclosure each [DisclosureRule] wants, where it wants it,
//     the brand mention, the code, the link and the hashtags. The rules are
//     data with their source and year: [FTC], [ASA], [ReklamKurulu].
//     Matching folds case the way Turkish and other languages need ([Fold])
//     and takes hashtags whole: "#adventure" is not "#ad".
//   - [Payments] turns each deliverable's terms into a schedule of
//     instalments, paid, due or overdue as of a date, and [RecordPayouts]
//     records payouts as a budget.Plan's actuals.
//   - [EarnedPosts] finds what gifted creators posted unpaid; [GiftLine]
//     puts the gifts' cost in the plan.
//   - [Histories] summarises each creator across campaigns: campaigns
//     together, on-time rate, mean delay, approval rounds, fee paid, and
//     ROAS and CPA per campaign with their trend. Campaign results come in
//     as plain values ([CampaignResult]), so collab does not import roi.
//   - [ReadDeliverables], [ReadEvents], [ReadPayouts] and [ReadGifts] read
//     each input from CSV; a bad cell is a [ParseError] with its line,
//     column, header and value.
//
// A [Checker]'s Sponsored method fits kpi.ActivityOptions.Sponsored, so
// kpi.MeasureActivity counts a creator's disclosed sponsored posts.
//
// # Limits
//
// No function panics, and bad input is an error naming the function, the
// field and the value (shortened when long). Work is bounded by limits a
// caller can read before calling, each refused with ErrTooLarge: decimals
// within [MaxExponent] and [MaxDigits] (the module's one decimal guard),
// times within the years [MinYear] to [MaxYear], [MaxNetDays] payment
// days, [MaxNumberText] bytes per number in CSV, and per Brief [MaxRules]
// rules, [MaxWords] words per code or phrase and [MaxBriefText] bytes per
// text. Within them a caption is checked in one pass (about 10 ms for
// 10^6 bytes), and MatchPosts, Statuses, Payments and EarnedPosts take
// time near linear in their input.
//
// # Concurrency
//
// Functions keep no state; a Checker is immutable and safe to share
// between goroutines.
//
// # Time
//
// Nothing reads the clock: every "as of" is a time.Time argument, and
// every range is half-open [start, end). An event at asof has not happened
// yet. A deadline Due is exclusive: a piece published before Due is on
// time; one published at t ≥ Due is ⌊(t − Due) / 24 h⌋ + 1 days late.
//
// # Layers
//
// collab imports kpi and budget; selection may import it (a creator's
// history as ranking criteria); kpi, audience and budget do not.
package collab
