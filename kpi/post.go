package kpi

import (
	"strings"
	"time"

	"github.com/influencekit/influencekit/internal/enum"
	"github.com/influencekit/influencekit/internal/errs"
)

// Post is one published piece of content and the counts it collected.
//
// Counts are int64 and never negative. A count that the platform hid (for
// example Instagram's hidden like counts) or that the export did not contain
// is named in Hidden and its field must stay 0: it is "not reported", which
// is not the same as zero. Calculations that need a hidden count skip the
// post or return an error wrapping ErrNotReported, as each one documents;
// none reads it as 0.
//
// A post contradicts itself when Hidden names a count whose field is not
// zero (Likes: 120 with FieldLikes hidden), or holds a bit no count has.
// Every function that reads the counts of posts (Formula.Rate and Measure,
// Preset.Rate, Sum, ByCreator, Weekly, FollowerGrowth) refuses such a post
// with an error wrapping ErrInvalid that names it, for example
// "kpi: Formula.Rate: posts[3].Likes: hidden but not zero (120)"; none
// guesses which of the two the caller meant.
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
// Fields(i) converts an Interaction. The zero value is the empty set
// ("none"): as Post.Hidden, every count reported.
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

var fieldBits = enum.NewBits[Fields]("kpi.Fields", ErrInvalid, "likes", "comments", "shares", "saves",
	"followers", "views", "reach", "impressions", "clicks", "conversions")

// String returns the field names joined by "|" in declaration order, for
// example "likes|saves"; the empty set is "none"; an unknown bit prints as
// hexadecimal ("0x400").
func (f Fields) String() string { return fieldBits.String(f) }

// MarshalText implements encoding.TextMarshaler with String's form; unknown
// bits are an error wrapping ErrInvalid.
func (f Fields) MarshalText() ([]byte, error) { return fieldBits.Marshal(f) }

// UnmarshalText parses names separated by "|" or "+", or "none", ignoring
// case and surrounding space. An error wraps ErrInvalid and leaves f
// unchanged.
func (f *Fields) UnmarshalText(b []byte) error { return fieldBits.Unmarshal(f, b) }

// conflict returns the first count that p.Hidden names but whose field is not
// zero, or the bits of p.Hidden that name no count; 0 when p is consistent.
func (p *Post) conflict() Fields {
	if p.Hidden == 0 {
		return 0
	}
	if bad := p.Hidden &^ AllFields; bad != 0 {
		return bad
	}
	for f := FieldLikes; f <= p.Hidden; f <<= 1 {
		if p.Hidden&f != 0 && *p.field(f) != 0 {
			return f
		}
	}
	return 0
}

// checkPost is the one validation of a post's Hidden set: the error, naming
// posts[i] and the field, when the post contradicts itself (see Post), nil
// otherwise.
func checkPost(fn string, i int, p *Post) error {
	c := p.conflict()
	switch {
	case c == 0:
		return nil
	case c&^AllFields != 0:
		return errs.New(ErrInvalid, fn, postField(i, "Hidden"), "bits that name no count", c)
	}
	return errs.New(ErrInvalid, fn, postField(i, fieldTitle(c)), "hidden but not zero", *p.field(c))
}

// checkPosts runs checkPost over posts.
func checkPosts(fn string, posts []Post) error {
	for i := range posts {
		if err := checkPost(fn, i, &posts[i]); err != nil {
			return err
		}
	}
	return nil
}

// fieldTitle returns the Post field name of one count bit, for example
// "Likes".
func fieldTitle(f Fields) string {
	s := f.String()
	return strings.ToUpper(s[:1]) + s[1:]
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

var platformEnum = enum.New[Platform]("kpi.Platform", ErrInvalid, "unknown", "instagram", "tiktok",
	"youtube", "facebook", "x", "linkedin", "pinterest", "snapchat", "twitch", "threads")

// String returns the lower-case name, for example "instagram"; a value out
// of range prints as "Platform(42)".
func (p Platform) String() string { return platformEnum.String(p) }

// MarshalText implements encoding.TextMarshaler with String's form; a value
// out of range is an error wrapping ErrInvalid.
func (p Platform) MarshalText() ([]byte, error) { return platformEnum.Marshal(p) }

// UnmarshalText accepts the names String returns, ignoring case and
// surrounding space; "twitter" reads as X and "" as UnknownPlatform. Other
// text is an error wrapping ErrInvalid and leaves p unchanged.
func (p *Platform) UnmarshalText(b []byte) error {
	switch strings.ToLower(strings.TrimSpace(string(b))) {
	case "":
		*p = UnknownPlatform
		return nil
	case "twitter":
		*p = X
		return nil
	}
	return platformEnum.Unmarshal(p, b)
}
