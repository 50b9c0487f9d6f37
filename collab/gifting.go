package collab

import (
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/influencekit/influencekit/kpi"
)

// Gift is a product sent to a creator without a paid deliverable: seeding
// a new collection, a present on a special day.
type Gift struct {
	Creator string       `json:"creator"`
	Item    string       `json:"item"`
	SentAt  time.Time    `json:"sent_at"`
	Cost    budget.Money `json:"cost"` // what the item cost the brand, shipping included
	// Mention and Code identify a post about the gift: a post of the
	// creator carrying either (matched as CheckCaption matches a brief's
	// mention and code) is an earned post. At least one is required.
	Mention string `json:"mention"`
	Code    string `json:"code"`
}

// Earned is an unpaid post about a gift.
type Earned struct {
	Gift    int       `json:"gift"` // index into the gifts passed
	Creator string    `json:"creator"`
	Post    string    `json:"post"`
	At      time.Time `json:"at"`
}

// EarnedPosts finds the posts creators published about their gifts without
// being paid for them: a post of the gift's creator, published at or after
// SentAt, that MatchPosts did not link to a deliverable, and whose caption
// carries the gift's mention or code. A post about several gifts counts
// once, for the latest gift sent before it (ties: the first given).
// Results are in the order of posts.
//
// Errors: a gift without creator, with a zero SentAt, or without mention
// and code (ErrInvalid, field "gifts[i].…"); a SentAt outside
// MinYear…MaxYear (ErrTooLarge); a mention or code NewChecker refuses.
// Each post's caption is scanned once, and then checked against its
// creator's gifts, latest first, until one matches.
func EarnedPosts(gifts []Gift, posts []kpi.Post, paid Matching) ([]Earned, error) {
	const fn = "collab.EarnedPosts"
	checks := make([]*Checker, len(gifts))
	byCreator := make(map[string][]int)
	for i, g := range gifts {
		at := "gifts[" + strconv.Itoa(i) + "]."
		switch {
		case g.Creator == "":
			return nil, errs.New(ErrInvalid, fn, at+"creator", "empty", errs.None)
		case g.SentAt.IsZero():
			return nil, errs.New(ErrInvalid, fn, at+"sent_at", "zero time", errs.None)
		case g.Mention == "" && g.Code == "":
			return nil, errs.New(ErrInvalid, fn, at+"mention", "neither mention nor code", errs.None)
		}
		if err := checkTime(fn, at+"sent_at", g.SentAt); err != nil {
			return nil, err
		}
		var err error
		if checks[i], err = newChecker(fn, at, Brief{Mention: g.Mention, Code: g.Code}); err != nil {
			return nil, err
		}
		byCreator[g.Creator] = append(byCreator[g.Creator], i)
	}
	for _, l := range byCreator {
		slices.SortStableFunc(l, func(a, b int) int { return gifts[b].SentAt.Compare(gifts[a].SentAt) })
	}
	linked := make(map[string]bool, len(paid.Links))
	for _, l := range paid.Links {
		linked[l.Post] = true
	}
	var out []Earned
	for _, p := range posts {
		if linked[p.ID] {
			continue
		}
		if g := aboutGift(gifts, checks, byCreator[p.Creator], p); g >= 0 {
			out = append(out, Earned{Gift: g, Creator: p.Creator, Post: p.ID, At: p.PublishedAt})
		}
	}
	return out, nil
}

// aboutGift returns the latest gift of cands (sorted latest first, ties
// in input order) sent at or before p that p's caption names, or -1.
func aboutGift(gifts []Gift, checks []*Checker, cands []int, p kpi.Post) int {
	var sc scanner
	scanned := false
	for _, g := range cands {
		if p.PublishedAt.Before(gifts[g].SentAt) {
			continue
		}
		if !scanned {
			sc.scan(p.Caption, true)
			scanned = true
		}
		if names(checks[g], &sc, gifts[g]) {
			return g
		}
	}
	return -1
}

// names reports whether the scanned caption carries the gift's mention or
// code.
func names(c *Checker, sc *scanner, g Gift) bool {
	missing := c.elements(sc)
	return (g.Mention != "" && missing&Mention == 0) || (g.Code != "" && missing&Code == 0)
}

// GiftLine returns the plan line for gifts: their costs summed, in the
// budget.ContentProduction category (which covers product seeding), with
// Planned the total cost and Actual zero (record what was spent with
// budget.Plan.Record). Errors: no gifts (ErrEmpty), an empty name
// (ErrInvalid), a negative cost (ErrNegative), costs in two currencies
// (*budget.MismatchError), a cost beyond MaxExponent or MaxDigits
// (ErrTooLarge, checked before it is added).
func GiftLine(name string, gifts []Gift) (budget.LineItem, error) {
	const fn = "collab.GiftLine"
	switch {
	case name == "":
		return budget.LineItem{}, errs.New(ErrInvalid, fn, "name", "empty", errs.None)
	case len(gifts) == 0:
		return budget.LineItem{}, errs.New(ErrEmpty, fn, "gifts", "no gifts", errs.None)
	}
	total := decimal.Zero
	cur := gifts[0].Cost.Currency
	for i, g := range gifts {
		at := "gifts[" + strconv.Itoa(i) + "].cost"
		if err := limit.Decimal(fn, at, g.Cost.Amount); err != nil {
			return budget.LineItem{}, err
		}
		switch {
		case g.Cost.Currency != cur:
			return budget.LineItem{}, &budget.MismatchError{Func: fn, Field: at, Left: cur, Right: g.Cost.Currency}
		case g.Cost.Amount.Sign() < 0:
			return budget.LineItem{}, errs.New(ErrNegative, fn, at, "negative", g.Cost.Amount)
		}
		total = total.Add(g.Cost.Amount)
	}
	return budget.LineItem{Name: name, Category: budget.ContentProduction, Planned: total, Actual: decimal.Zero}, nil
}
