package selection

import "github.com/influencekit/influencekit/internal/enum"

// The text of every enum and bit set of this package follows the module's
// one rule (internal/enum): String returns the name, MarshalText the same
// name (an out-of-range value is an error wrapping ErrInvalid),
// UnmarshalText reads it ignoring case and surrounding spaces and keeps the
// receiver on error. Every zero value is valid and is the documented
// default.

var goalText = enum.New[Goal]("selection.Goal", ErrInvalid, "max-value", "max-unique-reach")

// String returns "max-value" or "max-unique-reach"; another value prints
// as "Goal(N)".
func (g Goal) String() string { return goalText.String(g) }

// MarshalText implements encoding.TextMarshaler.
func (g Goal) MarshalText() ([]byte, error) { return goalText.Marshal(g) }

// UnmarshalText implements encoding.TextUnmarshaler; it reads the names
// String returns, ignoring case and surrounding spaces.
func (g *Goal) UnmarshalText(b []byte) error { return goalText.Unmarshal(g, b) }

var criterionText = enum.New[Criterion]("selection.Criterion", ErrInvalid,
	"engagement", "audience-fit", "category-fit", "authenticity", "cost-efficiency", "growth",
	"reliability", "past-performance", "activity")

// String returns the criterion's name, e.g. "cost-efficiency"; another
// value prints as "Criterion(N)".
func (c Criterion) String() string { return criterionText.String(c) }

// MarshalText implements encoding.TextMarshaler.
func (c Criterion) MarshalText() ([]byte, error) { return criterionText.Marshal(c) }

// UnmarshalText reads the names String returns, ignoring case and
// surrounding spaces.
func (c *Criterion) UnmarshalText(b []byte) error { return criterionText.Unmarshal(c, b) }

var filterText = enum.New[Filter]("selection.Filter", ErrInvalid,
	"none", "handle", "platform", "followers", "tier", "country", "language", "category", "brand-safety", "fee", "engagement")

// String returns the filter's name, e.g. "brand-safety"; FilterNone is
// "none"; another value prints as "Filter(N)".
func (f Filter) String() string { return filterText.String(f) }

// MarshalText implements encoding.TextMarshaler.
func (f Filter) MarshalText() ([]byte, error) { return filterText.Marshal(f) }

// UnmarshalText reads the names String returns, ignoring case and
// surrounding spaces.
func (f *Filter) UnmarshalText(b []byte) error { return filterText.Unmarshal(f, b) }

var duplicatesText = enum.New[Duplicates]("selection.Duplicates", ErrInvalid, "error", "keep-first", "keep-last")

// String returns "error", "keep-first" or "keep-last"; another value
// prints as "Duplicates(N)".
func (d Duplicates) String() string { return duplicatesText.String(d) }

// MarshalText implements encoding.TextMarshaler.
func (d Duplicates) MarshalText() ([]byte, error) { return duplicatesText.Marshal(d) }

// UnmarshalText reads the names String returns, ignoring case and
// surrounding spaces.
func (d *Duplicates) UnmarshalText(b []byte) error { return duplicatesText.Unmarshal(d, b) }

var missingText = enum.NewBits[Missing]("selection.Missing", ErrInvalid,
	"followers", "following", "post-count", "avg-likes", "avg-comments", "engagement-rate",
	"fee", "country", "avg-engagements", "authentic-engagements")

// String joins the names of the missing fields with "|", in bit order
// ("avg-likes|fee"); the empty set is "none".
func (m Missing) String() string { return missingText.String(m) }

// MarshalText implements encoding.TextMarshaler; a bit without a name is an
// error.
func (m Missing) MarshalText() ([]byte, error) { return missingText.Marshal(m) }

// UnmarshalText reads what String writes, ignoring case and spaces; "+"
// also separates names.
func (m *Missing) UnmarshalText(b []byte) error { return missingText.Unmarshal(m, b) }
