// Package selection chooses creators for a campaign: it scores and ranks
// creator profiles against a brand's criteria, explains every score, and
// picks the shortlist that fits a budget.
//
// Shortlist and ShortlistWith pick the candidates whose fees fit a budget
// and whose total value (MaxValue, a 0/1 knapsack solved exactly over fees
// in minor units) or unique reach (MaxUniqueReach, budgeted maximum
// coverage: a follower shared by several creators counts once) is greatest,
// under constraints (must include, exclude, per-tier limits, a minimum
// number of creators, a maximum share of the budget per creator). Pick
// says whether the result is proven optimal and which algorithm found it.
package selection
