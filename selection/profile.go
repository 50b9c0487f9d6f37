package selection

import (
	"time"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

// Profile is what is known about one creator account. Counts are int64; a
// count or field that the source did not report is named in Missing and
// its value is ignored (keep it zero): it is "not reported", never zero.
type Profile struct {
	Handle     string       `json:"handle"` // unique key, e.g. "cristiano"
	Name       string       `json:"name,omitempty"`
	Platform   kpi.Platform `json:"platform"`
	Followers  int64        `json:"followers"`
	Following  int64        `json:"following"`
	PostCount  int64        `json:"post_count"` // posts published, all time
	Categories []string     `json:"categories,omitempty"`
	Country    string       `json:"country,omitempty"`  // main country of the creator or their audience
	Language   string       `json:"language,omitempty"` // main language

	// Posts are recent posts. When present, engagement is measured from
	// them with Criteria.Formula; otherwise from AvgLikes and AvgComments,
	// and failing those from EngagementRate.
	Posts []kpi.Post `json:"posts,omitempty"`
	// AvgLikes and AvgComments are mean counts per recent post, as
	// analytics exports publish them.
	AvgLikes    int64 `json:"avg_likes"`
	AvgComments int64 `json:"avg_comments"`
	// AvgEngagements is the mean engagements (likes + comments …) per
	// recent post, when the source gives only the total; used when AvgLikes
	// is missing. AuthenticEngagements is the part of it that audit tools
	// attribute to real accounts.
	AvgEngagements       int64 `json:"avg_engagements"`
	AuthenticEngagements int64 `json:"authentic_engagements"`
	// EngagementRate is a published engagement rate, a fraction (0.0139 is
	// 1.39 %), used when neither Posts nor AvgLikes are available.
	EngagementRate decimal.Decimal `json:"engagement_rate"`

	// Audience holds the audience's demographics ("age", "gender",
	// "country", and AudienceQuality when the data has it).
	Audience audience.Demographics `json:"audience,omitempty"`
	// FollowerSet is the exact set of follower IDs, for Shortlist's
	// MaxUniqueReach; nil when unknown.
	FollowerSet *audience.Set `json:"-"`
	// FollowerSketch is a theta sketch of the followers, for
	// ShortlistSketches when the exact set is not available; nil when
	// unknown.
	FollowerSketch *audience.Sketch `json:"-"`

	// Fee is the creator's price for one deliverable. When it is missing
	// (MissingFee) Rank estimates it with Criteria.RateCard, if set.
	Fee decimal.Decimal `json:"fee"`

	// History lists follower counts over time, oldest first, for growth
	// and growth-spike checks.
	History []Snapshot `json:"history,omitempty"`

	// Missing names the fields the source did not report.
	Missing Missing `json:"missing"`
}

// Snapshot is the follower count of an account at one time.
type Snapshot struct {
	At        time.Time `json:"at"`
	Followers int64     `json:"followers"`
}

// Missing is a bit set of Profile fields that were not reported.
type Missing uint16

// The fields of Profile that may be missing.
const (
	MissingFollowers Missing = 1 << iota
	MissingFollowing
	MissingPostCount
	MissingAvgLikes
	MissingAvgComments
	MissingEngagementRate
	MissingFee
	MissingCountry
	MissingAvgEngagements
	MissingAuthenticEngagements
)

// Has reports whether every field of f is missing.
func (m Missing) Has(f Missing) bool { return m&f == f }

// AudienceQuality is the Demographics dimension that splits an audience by
// account kind, as audit tools report it: "real", "influencers",
// "mass-followers" (accounts following more than 1,500), "suspicious"
// (bots and bought followers). Shares or counts, like any Distribution.
const AudienceQuality = "quality"

// Kinds of AudienceQuality that count against authenticity.
const (
	MassFollowers = "mass-followers"
	Suspicious    = "suspicious"
)
