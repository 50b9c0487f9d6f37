// Package roi measures what an influencer campaign returned: return on
// investment and ad spend, unit costs, incremental lift, earned media value,
// and attribution of sales to influencers by discount code, link or
// multi-touch model.
package roi
