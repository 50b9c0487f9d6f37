package selection

import (
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/influencekit/influencekit/audience"
	"github.com/influencekit/influencekit/budget"
	"github.com/influencekit/influencekit/collab"
	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/influencekit/influencekit/kpi"
	"github.com/shopspring/decimal"
)

// Profile is what is known about one creator account. Counts are int64; a
// count or field that the source did not report is named in Missing and its
// value must be zero: it is "not reported", never zero. A field both named
// in Missing and set (a Fee of 500 with MissingFee still in Missing) is a
// contradiction, and Rank and Ranking.Candidates refuse it with an error
// naming the field ("profiles[3].Fee: set while Missing has fee (500)")
// instead of guessing which of the two is right. A field not named in
// Missing is reported, even when zero: a zero Fee without MissingFee is a
// free booking (gifting), not an unknown price.
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
	// MaxUniqueReach; nil when unknown. Ranking.Candidates copies it to
	// Candidate.Followers.
	FollowerSet *audience.Set `json:"-"`
	// FollowerSketch is a theta sketch of the followers, used when the
	// exact set is not available; nil when unknown. Ranking.Candidates
	// copies it to Candidate.Sketch when FollowerSet is nil.
	FollowerSketch *audience.Sketch `json:"-"`

	// Fee is the creator's price for one deliverable, ≥ 0. When it is
	// missing (MissingFee; Fee must then be zero) Rank estimates it with
	// Criteria.RateCard, if set.
	Fee decimal.Decimal `json:"fee"`

	// History lists follower counts over time, oldest first, for growth
	// and growth-spike checks.
	History []Snapshot `json:"history,omitempty"`

	// Record is the creator's history with the brand across campaigns
	// (collab.Histories), for Reliability and PastPerformance; nil: no
	// history, and both criteria are left out of the profile's score.
	Record *collab.History `json:"record,omitempty"`
	// Activity is the creator's posting over a recent window
	// (kpi.MeasureActivity), for the Activity criterion; nil: not
	// measured, and the criterion is left out.
	Activity *kpi.Activity `json:"activity,omitempty"`

	// Missing names the fields the source did not report.
	Missing Missing `json:"missing"`

	// Currency is Fee's currency; the zero Currency means the Criteria's
	// (Rank refuses another). JSON writes Fee as a money object in it.
	Currency budget.Currency `json:"-"`
}

// Snapshot is the follower count of an account at one time.
type Snapshot struct {
	At        time.Time `json:"at"`
	Followers int64     `json:"followers"`
}

// Missing is a bit set of Profile fields that were not reported. Its zero
// value is the empty set: every field reported. Its text joins the field
// names with "|" ("avg-likes|fee"), "none" for the empty set.
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

// Has reports whether every field of f is missing (all of them; see HasAny).
func (m Missing) Has(f Missing) bool { return m&f == f }

// HasAny reports whether at least one field of f is missing.
func (m Missing) HasAny(f Missing) bool { return m&f != 0 }

// checkProfile refuses a profile with a negative count, fee or rate, or a
// field that is both named in Missing and set (see Profile). fn is
// "selection.Func"; i is the profile's position, for the field path.
func checkProfile(fn string, i int, p *Profile) error {
	// The common case, a valid profile, is decided without building field
	// names or tables: Rank checks a million profiles.
	m := p.Missing
	zeroIfMissing := func(v int64, f Missing) bool { return v >= 0 && (v == 0 || m&f == 0) }
	if zeroIfMissing(p.Followers, MissingFollowers) && zeroIfMissing(p.Following, MissingFollowing) &&
		zeroIfMissing(p.PostCount, MissingPostCount) && zeroIfMissing(p.AvgLikes, MissingAvgLikes) &&
		zeroIfMissing(p.AvgComments, MissingAvgComments) && zeroIfMissing(p.AvgEngagements, MissingAvgEngagements) &&
		zeroIfMissing(p.AuthenticEngagements, MissingAuthenticEngagements) &&
		smallDecimal(p.Fee) && p.Fee.Sign() >= 0 && (p.Fee.Sign() == 0 || m&MissingFee == 0) &&
		smallDecimal(p.EngagementRate) && p.EngagementRate.Sign() >= 0 &&
		(p.EngagementRate.Sign() == 0 || m&MissingEngagementRate == 0 && floatable(p.EngagementRate)) &&
		(p.Country == "" || m&MissingCountry == 0) {
		return checkSeries(fn, i, p)
	}
	return profileError(fn, i, p)
}

// checkSeries refuses a profile whose audience holds a share beyond the
// module's decimal limit (ErrTooLarge: the authenticity signal sums them,
// and decimal addition rescales to the largest exponent) or whose History
// holds a negative follower count (ErrNegative: growth would be computed on
// it). Every value is checked at no cost but the loop; limit.Decimal runs
// only on the rare large one, and the first bad value in sorted key order is
// reported, whatever the map's iteration order.
func checkSeries(fn string, i int, p *Profile) error {
	for j, s := range p.History {
		if s.Followers < 0 {
			return errs.New(ErrNegative, fn, errs.Index(errs.Index("profiles", i)+".History", j)+".Followers", "", s.Followers)
		}
	}
	bad := false
	for _, dist := range p.Audience {
		for _, v := range dist {
			bad = bad || !smallDecimal(v)
		}
	}
	if !bad {
		return nil
	}
	for _, dim := range slices.Sorted(maps.Keys(p.Audience)) {
		for _, cat := range slices.Sorted(maps.Keys(p.Audience[dim])) {
			field := errs.Index("profiles", i) + ".Audience[" + strconv.Quote(dim) + "][" + strconv.Quote(cat) + "]"
			if err := limit.Decimal(fn, field, p.Audience[dim][cat]); err != nil {
				return err
			}
		}
	}
	return nil
}

// profileError names the first field of p that checkProfile refuses.
func profileError(fn string, i int, p *Profile) error {
	field := func(name string) string { return errs.Index("profiles", i) + "." + name }
	for _, f := range [...]struct {
		name string
		v    int64
		miss Missing
	}{{"Followers", p.Followers, MissingFollowers}, {"Following", p.Following, MissingFollowing},
		{"PostCount", p.PostCount, MissingPostCount}, {"AvgLikes", p.AvgLikes, MissingAvgLikes},
		{"AvgComments", p.AvgComments, MissingAvgComments}, {"AvgEngagements", p.AvgEngagements, MissingAvgEngagements},
		{"AuthenticEngagements", p.AuthenticEngagements, MissingAuthenticEngagements}} {
		if f.v < 0 {
			return errs.New(ErrNegative, fn, field(f.name), "", f.v)
		}
		if f.v != 0 && p.Missing.Has(f.miss) {
			return errs.New(ErrInvalid, fn, field(f.name), "set while Missing has "+f.miss.String(), f.v)
		}
	}
	for _, f := range [...]struct {
		name string
		v    decimal.Decimal
		miss Missing
	}{{"Fee", p.Fee, MissingFee}, {"EngagementRate", p.EngagementRate, MissingEngagementRate}} {
		if !smallDecimal(f.v) {
			if err := limit.Decimal(fn, field(f.name), f.v); err != nil {
				return err
			}
		}
		if f.v.Sign() < 0 {
			return errs.New(ErrNegative, fn, field(f.name), "", f.v)
		}
		if !f.v.IsZero() && p.Missing.Has(f.miss) {
			return errs.New(ErrInvalid, fn, field(f.name), "set while Missing has "+f.miss.String(), f.v)
		}
	}
	if p.Country != "" && p.Missing.Has(MissingCountry) {
		return errs.New(ErrInvalid, fn, field("Country"), "set while Missing has country", p.Country)
	}
	if !floatable(p.EngagementRate) {
		// Scored in float64: +Inf would make the engagement score NaN.
		return errs.New(ErrInvalid, fn, field("EngagementRate"), "outside float64 range", p.EngagementRate)
	}
	return checkSeries(fn, i, p)
}

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
