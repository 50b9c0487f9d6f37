// Package roi measures what an influencer campaign returned: return on
// investment and on ad spend, unit costs, incremental lift, earned media
// value, attribution of sales to influencers (by discount code and link, or
// by a multi-touch model over customer journeys), and a campaign report
// compared with past campaigns and benchmarks.
//
// # ROI is not ROAS
//
// [ROI] is (revenue − cost) / cost and [ROAS] is revenue / cost, both as
// fractions. For revenue 200 on a cost of 100, ROI is 1 (100 %) and ROAS is 2
// (200 %). Many marketing guides write "ROI = revenue / cost × 100": that
// formula is ROAS expressed as a percentage, and it reads 100 % at
// break-even, where the true ROI is 0. [Profit], [BreakEvenRevenue],
// [PaybackPeriod] and [CAC] complete the set.
//
// # Unit costs
//
// [CPM] (cost per 1,000 impressions), [CPE], [CPC], [CPA], [CPL], [CPV]
// divide a cost by a count. A zero or negative count is [ErrNonPositive], a
// negative cost [ErrNegative].
//
// # Incrementality
//
// [Incremental] compares a test group with a control group (or a campaign
// period with a baseline period): lift, incremental conversions and revenue,
// iROAS. [LiftCI] gives confidence intervals for the difference of
// conversion rates (Newcombe's hybrid score method) and for the relative
// lift (Katz log method).
//
// # Earned media value
//
// Two ways, both configurable: [EMVFromImpressions] (impressions × CPM /
// 1000) and [EMVCard.EMV] (Σ count × unit value × platform multiplier, line
// by line). [IllustrativeEMVCard] is an example with its source, not market
// data.
//
// # Attribution
//
// [AttributeOrders] credits orders to influencers by discount code, then by
// the utm_* parameters of the landing URL; the rest is reported as
// unattributed, never dropped, and the parts sum to the whole. [ReadOrders]
// reads a shop export.
//
// [Attribute] shares the conversions and value of customer-journey [Path]s
// among channels with a [Model]: the rules [LastTouch], [FirstTouch],
// [Linear], [PositionBased], [Markov] and [Shapley], or the configured
// [Positions], [MarkovChain] (order 1 to 3) and [TimeDecay] (with
// [AttributeJourneys], whose touches carry times). Markov chains are solved
// as absorbing chains, from their linear system (float64, about 15
// significant digits; no simulation of walks), and Shapley values are exact
// rationals for any number of channels. Credits are decimals that sum
// exactly to the total conversions and value (largest-remainder rounding at
// 16 places, see [Attribute]). [ReadPaths] reads the common
// "a > b > c;conversions;value;nulls" layout; [MarkovRemovalEffects]
// exposes the fitted chain's removal effects. [RateShapley] is the Shapley
// value of the conversion-rate game of the attribution literature, where
// non-converting journeys count (enumerated over the coalitions, at most
// [MaxShapleyChannels] channels).
//
// # Sales as shops export them
//
// [CreditSales] credits [Sale]s (an [Order] with its customer, link click
// time, refunds and cancellation) as of a report date ([SalesConfig]): net
// of the refunds and cancellations made before it, codes only within the
// campaign plus a grace period, links only within a lookback window of the
// click (four weeks by default); it tells new customers from returning
// ones and gives each influencer's new customers, CAC, CPA, ROAS and the
// 30/60/90-day value of the customers they brought. [ReadSales] reads a
// Shopify orders export (the zero [SalesColumns]) or another shop's through
// a column mapping, line items grouped per order; e-mail addresses are
// only hashed ([HashEmail]). [BootstrapSales] and [BootstrapAttribution]
// give percentile bootstrap intervals ([Bootstrap]: the caller's seeded
// *rand.Rand, the same result for the same seed on every machine).
//
// # Campaign report
//
// [Report] computes cost (from a budget.Plan or given), revenue,
// conversions, engagements, impressions, ROI, ROAS, CPA, CPE, CPM and EMV
// per influencer and for the campaign; [Compare] compares them with a
// [Baseline] (an industry benchmark typed in, or a past campaign's
// metrics) or with past campaigns ([Pool]), metric by metric, with
// absolute and relative change and a better/worse verdict by the metric's
// direction. Result types marshal to JSON with decimals as strings.
//
// # Numbers and errors
//
// Money and ratios are [decimal.Decimal]; every amount of a report, an order
// attribution or an EMV is in the one budget.Currency the result carries
// (Campaign.Currency, Order.Currency, EMVCard.Currency), and amounts in
// another currency meeting it are [ErrCurrencyMismatch] (a
// *budget.MismatchError). Ratios are rounded half away from zero at 16
// decimal places (exact.Precision), sums are exact. Estimators
// that need floating point (Markov absorption probabilities, time-decay
// weights, confidence intervals) say so and convert to decimals once. A
// decimal input with an exponent beyond ±1000 (budget.MaxExponent, e.g.
// 1e-5000; a zero too) or a coefficient of more than 1000 digits is refused
// with [ErrTooLarge] before any arithmetic, by the module's one guard
// (internal/limit), in time linear in the coefficient's size. Every
// error wraps one of the module's shared sentinels, re-exported here
// (errors.Is(err, roi.ErrInvalid) is errors.Is(err, kpi.ErrInvalid)), and
// reads "roi: Func: field: what was wrong (value)"; CSV readers return
// [*ParseError] (the module's one CSV error type) with line and column,
// wrapping a sentinel too (only a failing io.Reader's own error is passed
// on as it is). No function panics on any input, no NaN becomes a number,
// and no value is mutable after construction.
//
// # Limits
//
// Work and memory are bounded by limits a caller can check before calling;
// beyond one, the call returns [ErrTooLarge] (or [ErrSyntax] for a number
// in CSV text) before doing the work it bounds:
//
//   - every decimal argument or field: an exponent within ±1000 and at
//     most 1000 digits (budget.MaxExponent; the module's one guard,
//     internal/limit), checked first, in time linear in the coefficient;
//   - [MaxMarkovStates] (1024) states of a Markov chain, counted while the
//     paths are read, before the O(states³) solve (1024 dense states: about
//     0.8 s);
//   - [MaxTextLen] (8192 bytes) per order ID, discount code, landing URL,
//     influencer name and link parameter ([ParseUTM], [AttributeOrders],
//     [ReadOrders]);
//   - [MaxCSVDigits] (40) digits per number that [ReadPaths],
//     [ReadOrders] and [ReadSales] read;
//   - [MaxShapleyChannels] (20) channels for [RateShapley] (2²⁰ coalitions:
//     about 0.25 s);
//   - [MaxResamples] (100,000) resamples and [MaxBootstrapDraws] (10⁹)
//     draws per bootstrap call.
//
// Within them, work and memory are linear in the input: the rule-based
// models and Shapley in the touches of the paths, [AttributeOrders] in the
// orders and the tracking entries' codes and patterns, the readers in the
// bytes read. hostile_test.go calls every exported function with extreme
// values (decimals 1e±2³¹ and of 10⁶ digits, MaxInt64 counts and sums past
// int64, nil readers, NUL and invalid UTF-8 text) and checks each returns
// within 50 ms with a result or an error wrapping a sentinel.
//
// # Enums and zero values
//
// [Rule], [CostBasis], [Direction] and [Verdict] read and write their names
// ([Rule.String], MarshalText, UnmarshalText), parsing ignores case and
// surrounding spaces. Every zero value is valid and the documented
// default: the zero Rule is [LastTouch], the zero CostBasis [ActualCost],
// the zero Direction [Neutral], the zero Verdict [Same]; the zero
// [MarkovChain] is order 1 and the zero [TimeDecay] has a half-life of 7
// days. Result types marshal to JSON with snake_case keys, decimals as
// strings, enums and currencies by their text, and every amount of money
// (cost, revenue, overhead, EMV, CPA, CPE, CPM, unit values) as a
// budget.Money object, {"amount":"875.00","currency":"EUR"}, with the
// currency's minor digits (every digit of an amount finer than them, such
// as a CPE of 0.7090761750405186). Each result with money carries its
// Currency field for this (Metrics, Change, InfluencerSales,
// Unattributed, EMVLine; CampaignReport, OrderAttribution and EMV as
// before); ratios (ROI, ROAS, rates, Credit) stay decimal strings.
package roi
