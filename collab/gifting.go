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
// A mention that is only "@" or spaces is ErrInvalid (it would name
// nothing, and every caption read as naming it). Each post's caption is read once: its mentions into a set, its
// words through one trie of the creator's codes; work is linear in the
// captions' length plus the gifts.
func EarnedPosts(gifts []Gift, posts []kpi.Post, paid Matching) ([]Earned, error) {
	const fn = "collab.EarnedPosts"
	checks := make([]*Checker, len(gifts))
	byCreator := make(map[string]*giftIndex)
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
		if byCreator[g.Creator] == nil {
			byCreator[g.Creator] = &giftIndex{codes: newWordTrie()}
		}
		byCreator[g.Creator].add(i, checks[i])
	}
	for _, x := range byCreator {
		slices.SortStableFunc(x.gifts, func(a, b int) int { return gifts[b].SentAt.Compare(gifts[a].SentAt) })
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
		if g := byCreator[p.Creator].about(gifts, checks, p); g >= 0 {
			out = append(out, Earned{Gift: g, Creator: p.Creator, Post: p.ID, At: p.PublishedAt})
		}
	}
	return out, nil
}

// giftIndex is one creator's gifts, sorted latest first (ties in input
// order), with their mentions in a set and their codes in one trie; node
// maps a gift to its code's end node.
type giftIndex struct {
	gifts    []int
	mentions map[string]bool
	codes    wordTrie
	node     map[int]int32
}

func (x *giftIndex) add(g int, c *Checker) {
	x.gifts = append(x.gifts, g)
	if c.mention != "" {
		if x.mentions == nil {
			x.mentions = map[string]bool{}
		}
		x.mentions[c.mention] = true
	}
	if len(c.code) > 0 {
		if x.node == nil {
			x.node = map[int]int32{}
		}
		x.node[g] = x.codes.add(c.code, 0)
	}
}

// about returns the latest gift sent at or before p whose mention or code
// p's caption carries, or -1. A nil x (a creator without gifts) has none.
// The caption is read once: each mention looked up among the gifts'
// mentions, each other token followed in the codes' trie.
func (x *giftIndex) about(gifts []Gift, checks []*Checker, p kpi.Post) int {
	if x == nil || !slices.ContainsFunc(x.gifts, func(g int) bool { return !p.PublishedAt.Before(gifts[g].SentAt) }) {
		return -1
	}
	sc := scanners.Get().(*scanner)
	defer scanners.Put(sc)
	sc.scan(p.Caption, true)
	mentioned := map[string]bool{} // the gifts' mentions found
	coded := map[int32]bool{}      // the end nodes of the codes found
	for i, t := range sc.toks {
		if t.kind == '@' {
			if m := sc.text(t); x.mentions[string(m)] && !mentioned[string(m)] {
				mentioned[string(m)] = true
			}
			continue
		}
		x.codes.walk(sc, i, notMention, func(node int32, _ int) { coded[node] = true })
	}
	for _, g := range x.gifts {
		n, hasCode := x.node[g]
		if !p.PublishedAt.Before(gifts[g].SentAt) && ((hasCode && coded[n]) || mentioned[checks[g].mention]) {
			return g
		}
	}
	return -1
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
