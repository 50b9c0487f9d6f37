package kpi

import (
	"strings"
	"time"
)

// Post is one published piece of content and the counts it collected.
//
// Counts are int64 and never negative. A count that the platform hid (for
// example Instagram's hidden like counts) or that the export did not contain
// is marked in Hidden and its field is ignored (keep it 0): it is "not
// reported", which is not the same as zero. Calculations that need a hidden
// count skip the post or return an error wrapping ErrNotReported, as each one
// documents; none reads it as 0.
//
// The zero Post is a post with every count reported as zero.
type Post struct {
	ID          string    `json:"id"`
	Creator     string    `json:"creator"`
	Platform    Platform  `json:"platform"`
	PublishedAt time.Time `json:"published_at"`
	Followers   int64     `json:"followers"` // audience size when the post was published

	// Caption is the post's text as published (caption, description or
	// title), hashtags and mentions included, used by disclosure and brief
	// checks (package collab). Empty means the export carried no text; it
	// is not a count and has no bit in Hidden.
	Caption string `json:"caption,omitempty"`

	Likes       int64 `json:"likes"`
	Comments    int64 `json:"comments"`
	Shares      int64 `json:"shares"`
	Saves       int64 `json:"saves"`
	Views       int64 `json:"views"`
	Reach       int64 `json:"reach"`
	Impressions int64 `json:"impressions"`
	Clicks      int64 `json:"clicks"`
	Conversions int64 `json:"conversions"`

	// Hidden lists the counts that were not reported; see Fields.
	Hidden Fields `json:"hidden"`
}

// Fields is a bit set naming the counts of a Post. The bits of Likes,
// Comments, Shares and Saves are the same as those of Interaction, so
// Fields(i) converts an Interaction.
type Fields uint16

// The counts of a Post.
const (
	FieldLikes Fields = 1 << iota
	FieldComments
	FieldShares
	FieldSaves
	FieldFollowers
	FieldViews
	FieldReach
	FieldImpressions
	FieldClicks
	FieldConversions

	// AllFields has every count's bit set.
	AllFields Fields = 1<<iota - 1
)

var fieldNames = [...]string{"likes", "comments", "shares", "saves", "followers",
	"views", "reach", "impressions", "clicks", "conversions"}

// String returns the field names joined by "|" in declaration order, for
// example "likes|saves"; the empty set is "none".
func (f Fields) String() string { return bitsString(uint64(f), fieldNames[:]) }

// MarshalText implements encoding.TextMarshaler with String's form.
func (f Fields) MarshalText() ([]byte, error) {
	if f&^AllFields != 0 {
		return nil, errorf("Fields.MarshalText", "fields", ErrInvalid, uint16(f))
	}
	return []byte(f.String()), nil
}

// UnmarshalText parses names separated by "|" or "+" (case-insensitive), or
// "none".
func (f *Fields) UnmarshalText(b []byte) error {
	v, err := parseBits("Fields.UnmarshalText", "fields", string(b), fieldNames[:])
	if err != nil {
		return err
	}
	*f = Fields(v)
	return nil
}

// Count returns the value of one count field (exactly one bit of f) and
// whether it was reported.
func (p Post) Count(f Fields) (int64, bool) {
	if v := p.field(f); v != nil && p.Hidden&f == 0 {
		return *v, true
	}
	return 0, false
}

// field returns a pointer to the count named by f (exactly one bit), or nil.
func (p *Post) field(f Fields) *int64 {
	switch f {
	case FieldLikes:
		return &p.Likes
	case FieldComments:
		return &p.Comments
	case FieldShares:
		return &p.Shares
	case FieldSaves:
		return &p.Saves
	case FieldFollowers:
		return &p.Followers
	case FieldViews:
		return &p.Views
	case FieldReach:
		return &p.Reach
	case FieldImpressions:
		return &p.Impressions
	case FieldClicks:
		return &p.Clicks
	case FieldConversions:
		return &p.Conversions
	}
	return nil
}

// Platform names the social network a post was published on. The zero value
// is UnknownPlatform.
type Platform uint8

// Platforms.
const (
	UnknownPlatform Platform = iota
	Instagram
	TikTok
	YouTube
	Facebook
	X
	LinkedIn
	Pinterest
	Snapchat
	Twitch
	Threads
)

var platformNames = [...]string{"unknown", "instagram", "tiktok", "youtube", "facebook",
	"x", "linkedin", "pinterest", "snapchat", "twitch", "threads"}

// String returns the lower-case name, for example "instagram".
func (p Platform) String() string { return enumString(int(p), platformNames[:], "Platform") }

// MarshalText implements encoding.TextMarshaler.
func (p Platform) MarshalText() ([]byte, error) {
	return enumMarshal("Platform.MarshalText", "platform", int(p), platformNames[:])
}

// UnmarshalText accepts the names String returns, ignoring case and
// surrounding space; "twitter" reads as X and "" as UnknownPlatform.
func (p *Platform) UnmarshalText(b []byte) error {
	s := strings.ToLower(strings.TrimSpace(string(b)))
	switch s {
	case "":
		*p = UnknownPlatform
		return nil
	case "twitter":
		*p = X
		return nil
	}
	v, err := enumParse("Platform.UnmarshalText", "platform", s, platformNames[:])
	if err != nil {
		return err
	}
	*p = Platform(v)
	return nil
}
