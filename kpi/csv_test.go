package kpi

import (
	"encoding/csv"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func exportColumns() PostColumns {
	c := DefaultPostColumns()
	c.ID, c.PublishedAt = "post id", "published at"
	return c
}

// TestReadPostsExport reads testdata/posts_export.csv, which has a UTF-8 BOM,
// CRLF line ends, a CRLF inside the quoted header "Published At", a quoted
// comma in a creator's name, "12,400" with a thousands separator, k/K/m/M
// suffixes, emoji, a blank line, the missing-value spellings "", N/A, NaN,
// -, —, null, none, mixed-case platforms, three time layouts, and no final
// newline. Every expected value is read off the file by hand.
func TestReadPostsExport(t *testing.T) {
	f, err := os.Open("testdata/posts_export.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := ReadPosts(f, exportColumns())
	if err != nil {
		t.Fatal(err)
	}
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	want := []Post{
		{ID: "p1", Creator: "Doe, Jane", Platform: Instagram, PublishedAt: utc("2026-03-02T10:00:00Z"),
			Followers: 12_400, Likes: 1_200, Comments: 85, Shares: 10, Saves: 40, Reach: 5_100,
			Impressions: 8_300, Clicks: 120, Conversions: 6, Hidden: FieldViews},
		{ID: "p2", Creator: "Doe, Jane", Platform: Instagram, PublishedAt: utc("2026-03-09T09:30:00Z"),
			Followers: 12_400, Comments: 12, Shares: 3, Saves: 5, Reach: 4_000, Impressions: 6_000,
			Clicks: 80, Conversions: 4, Hidden: FieldLikes | FieldViews},
		{ID: "p3", Creator: "Ana ☕😀", Platform: TikTok, PublishedAt: utc("2026-03-10T00:00:00Z"),
			Followers: 10_000, Likes: 2_500, Comments: 140, Views: 1_000_000, Reach: 800_000,
			Impressions: 1_100_000, Hidden: FieldShares | FieldSaves},
		{ID: "p4", Creator: "Ana ☕😀", Platform: TikTok, PublishedAt: utc("2026-03-16T00:00:00Z"),
			Followers: 10_000, Likes: 1_100, Comments: 90, Shares: 45, Saves: 12, Views: 40_000,
			Hidden: FieldReach | FieldImpressions | FieldClicks | FieldConversions},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("ReadPosts (-want +got):\n%s", d)
	}
	// Likes are hidden on p2: Doe's pooled likes+comments rate uses p1 only,
	// (1,200 + 85) / 12,400 = 1,285 / 12,400 = 0.10362903225806451… → 0.1036290322580645.
	r, err := Formula{Likes | Comments, ByFollowers, PooledRate}.Measure(got[:2])
	if err != nil {
		t.Fatal(err)
	}
	if !r.Rate.Equal(dec("0.1036290322580645")) || r.Skipped != 1 {
		t.Errorf("Doe rate = %+v, want 0.1036290322580645 with 1 skipped", r)
	}
}

// TestReadAccounts reads testdata/accounts_top.csv, shaped like the public
// "top Instagram influencers" export: one row per account, not per post,
// with k/m/b suffixes, a percent rate column with one NaN%, an empty country
// and a double-encoded (mojibake) name. A user maps each account to one Post
// whose Likes are the average likes of a new post, and reads the published
// rate with ParseRate.
func TestReadAccounts(t *testing.T) {
	data, err := os.ReadFile("testdata/accounts_top.csv")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadPosts(strings.NewReader(string(data)), PostColumns{Creator: "channel_info",
		Followers: "followers", Likes: "new_post_avg_like"})
	if err != nil {
		t.Fatal(err)
	}
	type acct struct {
		Creator          string
		Followers, Likes int64
	}
	var accts []acct
	for _, p := range got {
		accts = append(accts, acct{p.Creator, p.Followers, p.Likes})
	}
	want := []acct{
		{"sunny.days", 475_800_000, 6_500_000},
		{"cafÃ©_bistro", 36_200_000, 700_000}, // mojibake is kept as written
		{"quiet.one", 1_600_000, 0},           // "0" is a reported zero
		{"tiny", 2_400, 150},
	}
	if d := cmp.Diff(want, accts); d != "" {
		t.Errorf("accounts (-want +got):\n%s", d)
	}
	// Likes by followers for tiny: 150 / 2,400 = 0.0625, the 6.25 % the file
	// publishes.
	r, err := EngagementRate(got[3].Likes, got[3].Followers)
	if err != nil || !r.Equal(dec("0.0625")) {
		t.Errorf("tiny rate = %s, %v; want 0.0625", r, err)
	}
	// The published rate column, read as a user would with encoding/csv.
	cr := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\uFEFF")))
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var rates []string
	for _, row := range rows[1:] {
		v, err := ParseRate(row[6])
		switch {
		case errors.Is(err, ErrNotReported):
			rates = append(rates, "not reported")
		case err != nil:
			t.Fatal(err)
		default:
			rates = append(rates, v.String())
		}
	}
	if d := cmp.Diff([]string{"0.0139", "0.0205", "not reported", "0.0625"}, rates); d != "" {
		t.Errorf("rates (-want +got):\n%s", d)
	}
}

func TestReadPostsErrors(t *testing.T) {
	tests := []struct {
		name, in string
		cols     PostColumns
		want     error
		msg      string
		line     int
	}{
		{"garbage count", "id,likes\r\np1,12\r\np2,3.3q\r\n", PostColumns{ID: "id", Likes: "likes"}, ErrSyntax,
			`kpi: ReadPosts: line 3, column 2 (likes): "3.3q": invalid syntax`, 3},
		{"negative", "id,\"Avg.\n Likes\"\nx,-4\n", PostColumns{ID: "id", Likes: "avg likes"}, ErrNegative,
			`kpi: ReadPosts: line 3, column 2 (Avg. Likes): "-4": negative`, 3},
		{"overflow", "likes\n99999999999b\n", PostColumns{Likes: "likes"}, ErrOverflow,
			`kpi: ReadPosts: line 2, column 1 (likes): "99999999999b": overflows int64`, 2},
		{"missing column", "id,likes\n", PostColumns{ID: "id", Reach: "reach"}, ErrMissingColumn,
			`kpi: ReadPosts: line 1: missing column: no header matches "reach" (PostColumns.Reach)`, 1},
		{"bad time", "when\n2026-13-01\n", PostColumns{PublishedAt: "when"}, ErrInvalid,
			`kpi: ReadPosts: line 2, column 1 (when): "2026-13-01": not a time in PostColumns.TimeLayouts: invalid`, 2},
		{"bad platform", "id,platform\na,myspace\n", PostColumns{Platform: "platform"}, ErrInvalid,
			`kpi: ReadPosts: line 2, column 2 (platform): "myspace": unknown platform: invalid`, 2},
		{"empty", "", DefaultPostColumns(), ErrEmpty, `kpi: ReadPosts: line 1: no header row: empty`, 1},
		{"no time", "id,when\np1,\n", PostColumns{ID: "id", PublishedAt: "when"}, ErrNotReported,
			`kpi: ReadPosts: line 2, column 2 (when): "": not reported`, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadPosts(strings.NewReader(tt.in), tt.cols)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line != tt.line {
				t.Fatalf("err = %#v, want *ParseError at line %d", err, tt.line)
			}
			if err.Error() != tt.msg {
				t.Errorf("message = %q\n want %q", err.Error(), tt.msg)
			}
		})
	}
	// An unterminated quote reports its line.
	_, err := ReadPosts(strings.NewReader("id\n\"p1\n"), PostColumns{ID: "id"})
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || !errors.Is(err, csv.ErrQuote) {
		t.Errorf("unterminated quote: err = %v", err)
	}
}

func FuzzReadPosts(f *testing.F) {
	f.Add("id,likes,followers\np1,3.3k,1,234\n")
	f.Add("\uFEFFid;\"Likes\r\n\";followers\r\n\"a;b\";N/A;12k\r\n")
	f.Fuzz(func(t *testing.T, in string) {
		for _, comma := range []rune{',', ';'} {
			c := PostColumns{ID: "id", Likes: "likes", Followers: "followers", Comma: comma}
			posts, err := ReadPosts(strings.NewReader(in), c)
			if err != nil {
				continue
			}
			for _, p := range posts {
				if p.Likes < 0 || p.Followers < 0 || (p.Hidden&FieldLikes != 0 && p.Likes != 0) {
					t.Fatalf("bad post %+v from %q", p, in)
				}
				if p.Hidden&^(FieldLikes|FieldFollowers) != AllFields&^(FieldLikes|FieldFollowers) {
					t.Fatalf("unmapped counts not hidden: %v", p.Hidden)
				}
			}
		}
	})
}
