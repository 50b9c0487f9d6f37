package roi

import (
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

var (
	thousand = decimal.NewFromInt(1000)
	one      = decimal.NewFromInt(1)
)

func checkCost(fn string, cost decimal.Decimal) error {
	if err := limit.Decimal(fn, "cost", cost); err != nil {
		return err
	}
	if cost.IsNegative() {
		return errs.New(ErrNegative, fn, "cost", "", cost)
	}
	return nil
}

func checkPositive(fn, field string, v decimal.Decimal) error {
	if err := limit.Decimal(fn, field, v); err != nil {
		return err
	}
	if !v.IsPositive() {
		return errs.New(ErrNonPositive, fn, field, "", v)
	}
	return nil
}

func checkCount(fn, field string, n int64) error {
	if n <= 0 {
		return errs.New(ErrNonPositive, fn, field, "", n)
	}
	return nil
}

// ROI returns the return on investment (revenue − cost) / cost as a fraction,
// rounded half away from zero to 16 decimal places.
//
// Revenue 200 on a cost of 100 is an ROI of 1, that is 100 %: the campaign
// earned its cost back and as much again. Many marketing guides write
// "ROI = revenue / cost × 100"; that formula is [ROAS] expressed as a
// percentage (200 % here), not ROI. ROI is 0 at break-even and negative for
// a loss; ROAS is 1 at break-even. This is the textbook return on
// investment, net gain over cost (as in Investopedia's "Return on
// Investment (ROI)"), a pure number without currency.
//
// cost must be positive ([ErrNonPositive]); revenue must not be negative
// ([ErrNegative]).
func ROI(revenue, cost decimal.Decimal) (decimal.Decimal, error) {
	if err := checkPositive("roi.ROI", "cost", cost); err != nil {
		return decimal.Decimal{}, err
	}
	if err := limit.Decimal("roi.ROI", "revenue", revenue); err != nil {
		return decimal.Decimal{}, err
	}
	if revenue.IsNegative() {
		return decimal.Decimal{}, errs.New(ErrNegative, "roi.ROI", "revenue", "", revenue)
	}
	return exact.Div(revenue.Sub(cost), cost), nil
}

// ROAS returns the return on ad spend revenue / cost as a fraction, rounded
// half away from zero to 16 decimal places. Revenue 200 on a
// cost of 100 is a ROAS of 2 (often written 200 % or "2x"); compare [ROI],
// which is ROAS − 1. It is the definition of Google Ads' "return on ad
// spend" (conversion value / cost), a pure number without currency.
//
// cost must be positive ([ErrNonPositive]); revenue must not be negative
// ([ErrNegative]).
func ROAS(revenue, cost decimal.Decimal) (decimal.Decimal, error) {
	if err := checkPositive("roi.ROAS", "cost", cost); err != nil {
		return decimal.Decimal{}, err
	}
	if err := limit.Decimal("roi.ROAS", "revenue", revenue); err != nil {
		return decimal.Decimal{}, err
	}
	if revenue.IsNegative() {
		return decimal.Decimal{}, errs.New(ErrNegative, "roi.ROAS", "revenue", "", revenue)
	}
	return exact.Div(revenue, cost), nil
}

// Profit returns revenue − cost, exactly (negative for a loss), in the
// currency of both. It is the numerator of [ROI]. Pass a contribution
// (revenue × margin) instead of revenue to get the profit after cost of
// goods.
//
// An amount with an exponent beyond ±budget.MaxExponent (1e-5000) is
// [ErrTooLarge]: subtracting it exactly from an ordinary amount would build
// a number with up to billions of digits.
func Profit(revenue, cost decimal.Decimal) (decimal.Decimal, error) {
	if err := limit.Decimal("roi.Profit", "revenue", revenue); err != nil {
		return decimal.Decimal{}, err
	}
	if err := limit.Decimal("roi.Profit", "cost", cost); err != nil {
		return decimal.Decimal{}, err
	}
	return revenue.Sub(cost), nil
}

// BreakEvenRevenue returns the revenue at which a campaign costing cost pays
// for itself when each unit of revenue leaves margin (a fraction in (0, 1],
// the gross margin) as contribution: cost / margin, rounded half away from
// zero to 16 decimal places. With margin 1 it is the cost itself (ROAS
// 1); with a 40 % margin a cost of 1,000 breaks even at 2,500 of revenue
// (break-even ROAS 2.5 = 1 / margin).
//
// A negative cost is [ErrNegative]; margin <= 0 is [ErrNonPositive] and
// margin > 1 [ErrInvalid].
func BreakEvenRevenue(cost, margin decimal.Decimal) (decimal.Decimal, error) {
	if err := checkCost("roi.BreakEvenRevenue", cost); err != nil {
		return decimal.Decimal{}, err
	}
	if err := checkPositive("roi.BreakEvenRevenue", "margin", margin); err != nil {
		return decimal.Decimal{}, err
	}
	if margin.GreaterThan(one) {
		return decimal.Decimal{}, errs.New(ErrInvalid, "roi.BreakEvenRevenue", "margin", "above 1", margin)
	}
	return exact.Div(cost, margin), nil
}

// PaybackPeriod returns the number of periods (of whatever length profit is
// measured over: days, months) until cumulative profit covers cost:
// cost / profitPerPeriod, rounded half away from zero to 16
// places. A cost of 3,000 and a profit of 1,200 a month pay back in 2.5
// months. profitPerPeriod must be positive ([ErrNonPositive]): a campaign
// that loses money never pays back.
func PaybackPeriod(cost, profitPerPeriod decimal.Decimal) (decimal.Decimal, error) {
	if err := checkCost("roi.PaybackPeriod", cost); err != nil {
		return decimal.Decimal{}, err
	}
	if err := checkPositive("roi.PaybackPeriod", "profitPerPeriod", profitPerPeriod); err != nil {
		return decimal.Decimal{}, err
	}
	return exact.Div(cost, profitPerPeriod), nil
}

// CAC returns the customer acquisition cost cost / newCustomers in the
// currency of cost, rounded half away from zero to 16 decimal places.
// It is [CPA] where the action is "became a customer" (IAB UK's
// cost-per-acquisition: total marketing costs / new users).
//
// A negative cost is [ErrNegative]; newCustomers <= 0 is [ErrNonPositive].
func CAC(cost decimal.Decimal, newCustomers int64) (decimal.Decimal, error) {
	return perUnit("roi.CAC", "newCustomers", cost, newCustomers, one)
}

func perUnit(fn, field string, cost decimal.Decimal, n int64, scale decimal.Decimal) (decimal.Decimal, error) {
	if err := checkCost(fn, cost); err != nil {
		return decimal.Decimal{}, err
	}
	if err := checkCount(fn, field, n); err != nil {
		return decimal.Decimal{}, err
	}
	return exact.Div(cost.Mul(scale), decimal.NewFromInt(n)), nil
}

// CPM returns the cost per mille, cost × 1000 / impressions: the price of
// 1,000 impressions in the currency of cost (the IAB definition), rounded
// half away from zero to 16 decimal places. A cost of 50 for 20,000
// impressions is a CPM of 2.5.
//
// A negative cost is [ErrNegative]; impressions <= 0 is [ErrNonPositive].
func CPM(cost decimal.Decimal, impressions int64) (decimal.Decimal, error) {
	return perUnit("roi.CPM", "impressions", cost, impressions, thousand)
}

// CPE returns the cost per engagement cost / engagements (likes, comments,
// shares, saves: whatever the caller counts as one), in the currency of cost,
// rounded half away from zero to 16 decimal places. No standards body
// fixes which interactions count; this is spend / engagements as influencer
// campaign reports use it, with the interactions left to the caller (see
// Campaign.Engagements for the report's choice).
//
// A negative cost is [ErrNegative]; engagements <= 0 is [ErrNonPositive].
func CPE(cost decimal.Decimal, engagements int64) (decimal.Decimal, error) {
	return perUnit("roi.CPE", "engagements", cost, engagements, one)
}

// CPC returns the cost per click cost / clicks, in the currency of cost,
// rounded half away from zero to 16 decimal places: the average
// amount paid per click (IAB UK's cost-per-click). 10 for 3 clicks is
// 3.3333333333333333.
//
// A negative cost is [ErrNegative]; clicks <= 0 is [ErrNonPositive].
func CPC(cost decimal.Decimal, clicks int64) (decimal.Decimal, error) {
	return perUnit("roi.CPC", "clicks", cost, clicks, one)
}

// CPA returns the cost per acquisition (or action: a sale, a sign-up, an
// install) cost / actions, in the currency of cost, rounded half away from
// zero to 16 decimal places: the effective cost per action of the
// IAB glossaries, whatever the pricing model. 500 for 20 sales is 25.
//
// A negative cost is [ErrNegative]; actions <= 0 is [ErrNonPositive].
func CPA(cost decimal.Decimal, actions int64) (decimal.Decimal, error) {
	return perUnit("roi.CPA", "actions", cost, actions, one)
}

// CPL returns the cost per lead cost / leads: [CPA] where the action is a
// lead (a form filled in, an e-mail address left), in the currency of cost,
// rounded half away from zero to 16 decimal places.
//
// A negative cost is [ErrNegative]; leads <= 0 is [ErrNonPositive].
func CPL(cost decimal.Decimal, leads int64) (decimal.Decimal, error) {
	return perUnit("roi.CPL", "leads", cost, leads, one)
}

// CPV returns the cost per view cost / views (video views as the platform
// counts them, as in Google Ads' cost-per-view for video), in the currency
// of cost, rounded half away from zero to 16 decimal places.
//
// A negative cost is [ErrNegative]; views <= 0 is [ErrNonPositive].
func CPV(cost decimal.Decimal, views int64) (decimal.Decimal, error) {
	return perUnit("roi.CPV", "views", cost, views, one)
}
