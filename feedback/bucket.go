package feedback

import "github.com/influencekit/influencekit/internal/enum"

// Bucket is where a matched answer ends: exactly one per answer. The zero
// value is BucketUnmatched.
type Bucket uint8

const (
	// BucketUnmatched: the answer names no creator and no channel of the roster
	// (the text is kept in Match.Text); also a blank answer.
	BucketUnmatched Bucket = iota
	// BucketCreator: the answer names exactly one creator.
	BucketCreator
	// BucketChannel: the answer names no creator and exactly one non-creator
	// channel (search, friend, TV…).
	BucketChannel
	// BucketAmbiguous: the answer names two or more creators, or no creator and
	// two or more channels; Match.Candidates lists them. Never guessed.
	BucketAmbiguous
)

var bucketText = enum.New[Bucket]("feedback.Bucket", ErrInvalid, "unmatched", "creator", "channel", "ambiguous")

// String returns "unmatched", "creator", "channel" or "ambiguous".
func (b Bucket) String() string { return bucketText.String(b) }

// MarshalText returns b's name; an unknown value is an error wrapping
// ErrInvalid.
func (b Bucket) MarshalText() ([]byte, error) { return bucketText.Marshal(b) }

// UnmarshalText reads a name written by String, ignoring case and spaces.
func (b *Bucket) UnmarshalText(text []byte) error { return bucketText.Unmarshal(b, text) }
