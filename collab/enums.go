package collab

import "github.com/influencekit/influencekit/internal/enum"

// Kind is the kind of content a deliverable asks for. The zero value is
// KindPost. Its text form is the lower-case name ("reel"); parsing ignores
// case and surrounding space.
//
// Kind says what the creator publishes; budget.Format says how a rate card
// prices it (a TikTok video or a YouTube Short is a Reel there).
type Kind uint8

// Kinds of content.
const (
	KindPost  Kind = iota // a feed post: image or carousel
	KindReel              // a short vertical video on Instagram or Facebook
	KindStory             // an ephemeral story frame set
	KindVideo             // a long-form video (YouTube, a TikTok over a minute)
	KindShort             // a short video on YouTube or TikTok
	KindLive              // a live stream
)

var kindText = enum.New[Kind]("collab.Kind", ErrInvalid, "post", "reel", "story", "video", "short", "live")

// String returns the lower-case name, or "Kind(N)" out of range.
func (k Kind) String() string { return kindText.String(k) }

// MarshalText returns String's text; out of range is an error.
func (k Kind) MarshalText() ([]byte, error) { return kindText.Marshal(k) }

// UnmarshalText reads String's text ignoring case and surrounding space.
func (k *Kind) UnmarshalText(b []byte) error { return kindText.Unmarshal(k, b) }

// Action is what happened to a deliverable at an Event. The zero value is
// Briefed.
type Action uint8

// Actions, in the usual order of a deliverable's life.
const (
	Briefed          Action = iota // the creator received the brief
	DraftSubmitted                 // the creator sent a draft for approval
	ChangesRequested               // the brand asked for changes to the draft
	Approved                       // the brand approved the draft
	Published                      // one piece went live (Event.Post names it)
	Cancelled                      // the deliverable was cancelled
)

var actionText = enum.New[Action]("collab.Action", ErrInvalid,
	"briefed", "draft_submitted", "changes_requested", "approved", "published", "cancelled")

// String returns the snake_case name, or "Action(N)" out of range.
func (a Action) String() string { return actionText.String(a) }

// MarshalText returns String's text; out of range is an error.
func (a Action) MarshalText() ([]byte, error) { return actionText.Marshal(a) }

// UnmarshalText reads String's text ignoring case and surrounding space.
func (a *Action) UnmarshalText(b []byte) error { return actionText.Unmarshal(a, b) }

// State is where a deliverable stands as of a date. The zero value is StateOpen.
type State uint8

// States.
const (
	StateOpen      State = iota // not all pieces published, and not yet due
	StateOverdue                // not all pieces published, and the due time passed
	StateOnTime                 // every piece published before the due time
	StateLate                   // every piece published, the last at or after the due time
	StateCancelled              // cancelled before it was delivered
)

var stateText = enum.New[State]("collab.State", ErrInvalid, "open", "overdue", "on_time", "late", "cancelled")

// String returns the snake_case name, or "State(N)" out of range.
func (s State) String() string { return stateText.String(s) }

// MarshalText returns String's text; out of range is an error.
func (s State) MarshalText() ([]byte, error) { return stateText.Marshal(s) }

// UnmarshalText reads String's text ignoring case and surrounding space.
func (s *State) UnmarshalText(b []byte) error { return stateText.Unmarshal(s, b) }

// Delivered reports whether s is StateOnTime or StateLate.
func (s State) Delivered() bool { return s == StateOnTime || s == StateLate }

// Element is a bit set of the parts of a brief a caption must carry. The
// zero value is the empty set; its text form joins names with "|"
// ("disclosure|code"), the empty set is "none".
type Element uint8

// Elements of a brief.
const (
	Disclosure Element = 1 << iota // the advertising label a DisclosureRule accepts
	Mention                        // the brand's @handle
	Code                           // the discount code
	Link                           // the link
	Hashtags                       // every required campaign hashtag
)

var elementText = enum.NewBits[Element]("collab.Element", ErrInvalid, "disclosure", "mention", "code", "link", "hashtags")

// String joins the names of the set bits with "|"; the empty set is "none".
func (e Element) String() string { return elementText.String(e) }

// MarshalText returns String's text; an unnamed bit is an error.
func (e Element) MarshalText() ([]byte, error) { return elementText.Marshal(e) }

// UnmarshalText reads String's text ignoring case.
func (e *Element) UnmarshalText(b []byte) error { return elementText.Unmarshal(e, b) }

// Trigger is the event a payment milestone counts its days from. The zero
// value is OnSigning.
type Trigger uint8

// Triggers.
const (
	OnSigning Trigger = iota // from Deliverable.Booked: an up-front share
	OnPublish                // from the delivery: the last piece published
)

var triggerText = enum.New[Trigger]("collab.Trigger", ErrInvalid, "signing", "publish")

// String returns "signing" or "publish", or "Trigger(N)" out of range.
func (t Trigger) String() string { return triggerText.String(t) }

// MarshalText returns String's text; out of range is an error.
func (t Trigger) MarshalText() ([]byte, error) { return triggerText.Marshal(t) }

// UnmarshalText reads String's text ignoring case and surrounding space.
func (t *Trigger) UnmarshalText(b []byte) error { return triggerText.Unmarshal(t, b) }

// PaymentState is where a scheduled payment stands as of a date. The zero
// value is PaymentPending.
type PaymentState uint8

// Payment states.
const (
	PaymentPending PaymentState = iota // its trigger has not happened: no due date yet
	PaymentDue                         // payable, its due date not yet passed
	PaymentOverdue                     // not fully paid, and its due date has passed
	PaymentPaid                        // paid in full
)

var paymentStateText = enum.New[PaymentState]("collab.PaymentState", ErrInvalid, "pending", "due", "overdue", "paid")

// String returns the lower-case name, or "PaymentState(N)" out of range.
func (s PaymentState) String() string { return paymentStateText.String(s) }

// MarshalText returns String's text; out of range is an error.
func (s PaymentState) MarshalText() ([]byte, error) { return paymentStateText.Marshal(s) }

// UnmarshalText reads String's text ignoring case and surrounding space.
func (s *PaymentState) UnmarshalText(b []byte) error { return paymentStateText.Unmarshal(s, b) }

// Problem is what a disclosure rule found wrong with a caption. The zero
// value is NoProblem.
type Problem uint8

// Problems.
const (
	NoProblem   Problem = iota // an accepted label is present, where the rule wants it
	Undisclosed                // no label the rule accepts
	Misplaced                  // an accepted label, but after the rule's Within runes
	WeakOnly                   // only labels the rule calls insufficient (#spon, #collab)
)

var problemText = enum.New[Problem]("collab.Problem", ErrInvalid, "none", "undisclosed", "misplaced", "weak_only")

// String returns the snake_case name, or "Problem(N)" out of range.
func (p Problem) String() string { return problemText.String(p) }

// MarshalText returns String's text; out of range is an error.
func (p Problem) MarshalText() ([]byte, error) { return problemText.Marshal(p) }

// UnmarshalText reads String's text ignoring case and surrounding space.
func (p *Problem) UnmarshalText(b []byte) error { return problemText.Unmarshal(p, b) }
