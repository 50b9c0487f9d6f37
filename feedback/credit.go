package feedback

import (
	"math"
	"slices"
	"strings"

	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/internal/ci"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/exact"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// ErrCurrencyMismatch: orders in two currencies; the error is budget's
// *MismatchError.
var ErrCurrencyMismatch = budget.ErrCurrencyMismatch

// CreditedOrder is one shop order as Credit needs it: its ID, amount and the
// creator its discount code or link credited (roi.AttributeOrders' rules),
// "" when none did.
type CreditedOrder struct {
	ID       string          `json:"id"`
	Amount   decimal.Decimal `json:"amount"`
	Currency budget.Currency `json:"currency"`
	// Creator is the handle the code or link credited ("@" optional), as
	// given to NewMatcher; "" for an order no code or link credited.
	Creator string `json:"creator,omitempty"`
}

// Answer is one post-purchase survey answer: the order it is about and
// where the Matcher put it.
type Answer struct {
	OrderID string `json:"order_id"`
	Match   Match  `json:"match"`
}

// Tally counts orders and their revenue, in the orders' currency (JSON
// {"orders":3,"revenue":{"amount":"200.00","currency":"EUR"}}).
type Tally struct {
	Orders  int64        `json:"orders"`
	Revenue budget.Money `json:"revenue"`
}

func (t *Tally) add(o CreditedOrder) {
	t.Orders++
	t.Revenue.Amount = t.Revenue.Amount.Add(o.Amount)
}

// setCurrency puts every tally of cc in cur (an empty tally too).
func (cc *CreatorCredit) setCurrency(cur budget.Currency) {
	for _, t := range [...]*Tally{&cc.Code, &cc.Survey, &cc.Both, &cc.CodeOnly, &cc.SurveyOnly, &cc.Disagree} {
		t.Revenue.Currency = cur
		if t.Orders == 0 {
			t.Revenue.Amount = decimal.Zero
		}
	}
}

// CreatorCredit sets a creator's survey credit beside their code and link
// credit.
type CreatorCredit struct {
	Creator string `json:"creator"`
	// Code: every order the code or link credited to the creator, answered
	// or not.
	Code Tally `json:"code"`
	// Survey: orders whose answer names the creator.
	Survey Tally `json:"survey"`
	// Both: answered orders the code credited and the answer names.
	Both Tally `json:"both"`
	// CodeOnly: answered orders the code credited to the creator whose
	// answer named someone or something else, or nothing matched.
	CodeOnly Tally `json:"code_only"`
	// SurveyOnly: orders no code or link credited whose answer names the
	// creator: what the codes missed.
	SurveyOnly Tally `json:"survey_only"`
	// Disagree: orders whose answer names the creator while the code
	// credited another creator.
	Disagree Tally `json:"disagree"`
	// Missed extrapolates SurveyOnly to every order (see [Extrapolation]).
	Missed Extrapolation `json:"missed"`
}

// Disagreement is an order whose code credits one creator and whose answer
// names another.
type Disagreement struct {
	OrderID string `json:"order_id"`
	Code    string `json:"code"`
	Survey  string `json:"survey"`
}

// Extrapolation estimates how many of all orders are in a class (here:
// survey-only, the orders codes missed) from the answered ones, assuming
// the orders that answered are a simple random sample of all orders (see
// the package doc, "What the extrapolation assumes").
type Extrapolation struct {
	// Share is k/n: the answered orders in the class over the answered
	// orders; exact, 16 places.
	Share decimal.Decimal `json:"share"`
	// ShareInterval is the Wilson score interval for the share of all N
	// orders, with the finite-population correction for a response rate
	// n/N: the effective sample size n·(N − 1)/(N − n); a point when every
	// order answered. 12 places.
	ShareInterval Interval `json:"share_interval"`
	// Orders is N·Share, the estimated number of all orders in the class;
	// OrdersInterval is N·ShareInterval narrowed to [k, k + N − n] (the k
	// answered ones are known). 12 places.
	Orders         decimal.Decimal `json:"orders"`
	OrdersInterval Interval        `json:"orders_interval"`
}

// Credits is the survey's credit beside the codes' and links'.
type Credits struct {
	Currency budget.Currency `json:"currency"`
	// Creators has one entry per creator credited by a code or named by an
	// answer, sorted by handle.
	Creators []CreatorCredit `json:"creators"`
	// Orders counts every order; Answered the orders with an answer;
	// ResponseRate is Answered / Orders (16 places).
	Orders       int64           `json:"orders"`
	Answered     int64           `json:"answered"`
	ResponseRate decimal.Decimal `json:"response_rate"`
	// Buckets counts the answered orders by bucket (every bucket present,
	// zero or not).
	Buckets map[Bucket]int64 `json:"buckets"`
	// Channels counts the answered orders per non-creator channel.
	Channels map[string]int64 `json:"channels"`
	// Unmatched keeps the text of the answers that matched nothing, and
	// Ambiguous the answers that matched several, in input order.
	Unmatched     []string       `json:"unmatched"`
	Ambiguous     []Answer       `json:"ambiguous"`
	Disagreements []Disagreement `json:"disagreements"`
	// UnknownOrder counts answers whose OrderID is not among the orders
	// (or is empty), and Repeated second and later answers for one order
	// (the first is used): counted, never silently dropped.
	UnknownOrder int64 `json:"unknown_order"`
	Repeated     int64 `json:"repeated"`
	// Missed extrapolates every creator's SurveyOnly orders together.
	Missed     Extrapolation   `json:"missed"`
	Confidence decimal.Decimal `json:"confidence"`
}

// Credit joins post-purchase answers to orders by order ID and sets the
// survey's credit per creator beside the code and link credit (see
// [CreatorCredit]), with the orders the codes missed extrapolated to every
// order at confidence (a fraction in (0, 1)).
//
// Handles are compared after normalisation (case, "@", punctuation), so an
// order credited to "@Anna.Kaya" and an answer matched to "anna.kaya" are
// one creator, reported under the first spelling met. Revenue sums are
// exact in the orders' one currency.
//
// No orders, or no answer for any order, is [ErrEmpty]; an order with an
// empty ID, an unknown currency or a Creator without letters, a match
// with an unknown bucket or a creator match without a name is
// [ErrInvalid]; an order ID twice is [ErrDuplicate]; a negative amount
// [ErrNegative]; orders in two currencies a *budget.MismatchError
// ([ErrCurrencyMismatch]).
func Credit(orders []CreditedOrder, answers []Answer, confidence decimal.Decimal) (Credits, error) {
	const fn = "feedback.Credit"
	z, err := zFor(fn, "confidence", confidence)
	if err != nil {
		return Credits{}, err
	}
	index, err := checkOrders(fn, orders)
	if err != nil {
		return Credits{}, err
	}
	c := Credits{Currency: orders[0].Currency, Orders: int64(len(orders)), Channels: map[string]int64{}, Confidence: confidence,
		Buckets: map[Bucket]int64{BucketUnmatched: 0, BucketCreator: 0, BucketChannel: 0, BucketAmbiguous: 0}}
	cr := creditors{byKey: map[string]int{}}
	answered := make([]bool, len(orders))
	for i, a := range answers {
		if err := checkMatch(fn, errs.Index("answers", i)+".Match", a.Match); err != nil {
			return Credits{}, err
		}
		oi, ok := index[strings.TrimSpace(a.OrderID)]
		switch {
		case !ok:
			c.UnknownOrder++
			continue
		case answered[oi]:
			c.Repeated++
			continue
		}
		answered[oi] = true
		c.Answered++
		c.Buckets[a.Match.Bucket]++
		c.credit(&cr, orders[oi], a)
	}
	if c.Answered == 0 {
		return Credits{}, errs.New(ErrEmpty, fn, "answers", "no answer for any order", len(answers))
	}
	for _, o := range orders {
		if o.Creator == "" {
			continue
		}
		cr.get(o.Creator).Code.add(o)
	}
	c.ResponseRate = exact.Ratio(c.Answered, c.Orders)
	var missed int64
	for i := range cr.list {
		cc := &cr.list[i]
		cc.setCurrency(c.Currency)
		cc.Missed = extrapolate(cc.SurveyOnly.Orders, c.Answered, c.Orders, z)
		missed += cc.SurveyOnly.Orders
	}
	c.Missed = extrapolate(missed, c.Answered, c.Orders, z)
	c.Creators = cr.list
	slices.SortFunc(c.Creators, func(a, b CreatorCredit) int { return strings.Compare(a.Creator, b.Creator) })
	return c, nil
}

// credit books one answered order.
func (c *Credits) credit(cr *creditors, o CreditedOrder, a Answer) {
	code := ""
	if o.Creator != "" {
		code = cr.key(o.Creator)
	}
	switch a.Match.Bucket {
	case BucketCreator:
		s := cr.get(a.Match.Name)
		s.Survey.add(o)
		switch k := cr.key(a.Match.Name); {
		case code == k:
			s.Both.add(o)
			return
		case code == "":
			s.SurveyOnly.add(o)
			return
		default:
			s.Disagree.add(o)
			c.Disagreements = append(c.Disagreements, Disagreement{OrderID: o.ID, Code: cr.get(o.Creator).Creator, Survey: s.Creator})
		}
	case BucketChannel:
		c.Channels[a.Match.Name]++
	case BucketAmbiguous:
		c.Ambiguous = append(c.Ambiguous, a)
	default:
		c.Unmatched = append(c.Unmatched, a.Match.Text)
	}
	if code != "" {
		cr.get(o.Creator).CodeOnly.add(o)
	}
}

// creditors holds one CreatorCredit per normalised handle.
type creditors struct {
	byKey map[string]int
	list  []CreatorCredit
}

func (cr *creditors) key(handle string) string {
	return normalize(strings.TrimPrefix(strings.TrimSpace(handle), "@"))
}

func (cr *creditors) get(handle string) *CreatorCredit {
	k := cr.key(handle)
	i, ok := cr.byKey[k]
	if !ok {
		i = len(cr.list)
		cr.byKey[k] = i
		cr.list = append(cr.list, CreatorCredit{Creator: strings.TrimPrefix(strings.TrimSpace(handle), "@")})
	}
	return &cr.list[i]
}

// checkOrders validates orders and indexes them by ID.
func checkOrders(fn string, orders []CreditedOrder) (map[string]int, error) {
	if len(orders) == 0 {
		return nil, errs.New(ErrEmpty, fn, "orders", "no orders", errs.None)
	}
	cur := orders[0].Currency
	if !cur.IsValid() {
		return nil, errs.New(ErrInvalid, fn, "orders[0].Currency", "no currency", errs.None)
	}
	index := make(map[string]int, len(orders))
	for i, o := range orders {
		field := errs.Index("orders", i)
		if err := limit.Decimal(fn, field+".Amount", o.Amount); err != nil {
			return nil, err // first: the guard at the door
		}
		id := strings.TrimSpace(o.ID)
		switch {
		case id == "":
			return nil, errs.New(ErrInvalid, fn, field+".ID", "empty", o.ID)
		case o.Creator != "" && normalize(o.Creator) == "":
			return nil, errs.New(ErrInvalid, fn, field+".Creator", "no letters or digits", o.Creator)
		case o.Currency != cur:
			return nil, &budget.MismatchError{Func: fn, Field: field + ".Currency", Left: cur, Right: o.Currency}
		case o.Amount.IsNegative():
			return nil, errs.New(ErrNegative, fn, field+".Amount", "", o.Amount)
		}
		if _, dup := index[id]; dup {
			return nil, errs.New(ErrDuplicate, fn, field+".ID", "", o.ID)
		}
		index[id] = i
	}
	return index, nil
}

func checkMatch(fn, field string, m Match) error {
	if m.Bucket > BucketAmbiguous {
		return errs.New(ErrInvalid, fn, field+".Bucket", "unknown bucket", int64(m.Bucket))
	}
	if (m.Bucket == BucketCreator || m.Bucket == BucketChannel) && normalize(m.Name) == "" {
		return errs.New(ErrInvalid, fn, field+".Name", "no creator or channel named", m.Name)
	}
	return nil
}

// extrapolate estimates the class's count among N orders from k of n
// answered ones.
func extrapolate(k, n, total int64, z float64) Extrapolation {
	e := Extrapolation{Share: exact.Ratio(k, n)}
	e.Orders = exact.Div(decimal.NewFromInt(k).Mul(decimal.NewFromInt(total)), decimal.NewFromInt(n))
	if n == total {
		e.ShareInterval = Interval{e.Share, e.Share}
		e.OrdersInterval = Interval{decimal.NewFromInt(k), decimal.NewFromInt(k)}
		return e
	}
	p, N := float64(k)/float64(n), float64(total)
	neff := float64(n) * (N - 1) / (N - float64(n))
	lo, hi := ci.Wilson(p*neff, neff, z)
	e.ShareInterval = interval(lo, hi)
	known, rest := float64(k), float64(total-n)
	e.OrdersInterval = interval(math.Max(known, N*lo), math.Min(known+rest, N*hi))
	return e
}

// Answers matches every response's answer to question with m, ready for
// [Credit]: one Answer per response that answered (a blank answer is not
// answered and left out), with the response's OrderID. A question not in
// the survey wraps [ErrMissingColumn]; a nil m is [ErrInvalid].
func (s Survey) Answers(question string, m *Matcher) ([]Answer, error) {
	const fn = "feedback.Survey.Answers"
	if m == nil {
		return nil, errs.New(ErrInvalid, fn, "m", "nil matcher", errs.None)
	}
	qi, err := s.index(fn, "question", question)
	if err != nil {
		return nil, err
	}
	var sc scratch
	var out []Answer
	for ri, r := range s.Responses {
		if a := s.answer(ri, qi); a != "" {
			out = append(out, Answer{OrderID: r.OrderID, Match: m.match(a, &sc)})
		}
	}
	return out, nil
}
