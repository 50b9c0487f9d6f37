package selection

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/influencekit/influencekit/kpi"
)

func readFixture(t *testing.T, name string, opt ReadOptions) ([]Profile, []Conflict, error) {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return ReadProfiles(f, opt)
}

// testdata/top.csv copies the quirks of top_insta_influencers_data.csv:
// BOM, CRLF, k/m/b suffixes in both cases, a percent rate, "NaN%", an empty
// country and a double-encoded name ("café" read as Latin-1: "cafÃ©").
func TestReadTop(t *testing.T) {
	got, conflicts, err := readFixture(t, "top.csv", ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	const noAvg = MissingFollowing | MissingAvgComments | MissingAvgEngagements | MissingAuthenticEngagements | MissingFee
	want := []Profile{
		{Handle: "alpha", Platform: kpi.Instagram, PostCount: 3300, Followers: 475_800_000, AvgLikes: 8_700_000,
			EngagementRate: dec("0.0139"), Country: "Spain", Missing: noAvg},
		{Handle: "beta", Platform: kpi.Instagram, PostCount: 6900, Followers: 366_200_000, AvgLikes: 8_300_000,
			EngagementRate: dec("0.0162"), Country: "United States", Missing: noAvg},
		{Handle: "gamma", Platform: kpi.Instagram, PostCount: 10, Followers: 37_000_000, AvgLikes: 10_900_000,
			Missing: noAvg | MissingEngagementRate | MissingCountry},
		{Handle: "cafÃ©", Platform: kpi.Instagram, PostCount: 120, Followers: 1_200_000_000, AvgLikes: 450_000,
			EngagementRate: dec("0.0004"), Country: "Brazil", Missing: noAvg},
	}
	if d := cmp.Diff(want, got); d != "" || conflicts != nil {
		t.Errorf("(-want +got):\n%s conflicts %v", d, conflicts)
	}
}

// testdata/influencers.csv copies the quirks of instagram_influencers.csv:
// CRLF inside quoted header names, K/M suffixes, N/A, a quoted comma,
// emoji and Hangul, a repeated identical row (zeta, lines 6 and 7), a handle
// repeated with a different value (eta, lines 8 and 9: 456.2K vs 456.1K)
// and no final newline. The header spans lines 1–3.
func TestReadInfluencers(t *testing.T) {
	_, _, err := readFixture(t, "influencers.csv", ReadOptions{})
	var pe *ParseError
	if !errors.Is(err, ErrDuplicate) || !errors.As(err, &pe) || pe.Line != 9 || pe.Column != 1 || pe.Value != "eta" {
		t.Fatalf("err = %v, want ErrDuplicate at line 9, column 1, value eta", err)
	}
	if want := `selection: ReadProfiles: line 9, column 1 (Influencer insta name): "eta": duplicate: handle repeated with conflicting values, first on line 8`; err.Error() != want {
		t.Errorf("message\n%s\nwant\n%s", err, want)
	}
	const base = MissingFollowing | MissingPostCount | MissingAvgLikes | MissingAvgComments | MissingEngagementRate | MissingFee
	first := []Profile{
		{Handle: "delta", Name: "Tyler, The Creator", Platform: kpi.Instagram, Categories: []string{"Music"}, Followers: 12_400_000,
			Country: "United States", AuthenticEngagements: 1_000_000, AvgEngagements: 1_700_000, Missing: base},
		{Handle: "epsilon", Name: "SUGA 민윤기", Platform: kpi.Instagram, Followers: 31_500_000,
			AuthenticEngagements: 10_900_000, AvgEngagements: 10_900_000, Missing: base | MissingCountry},
		{Handle: "zeta", Name: "Bruno 🎭", Platform: kpi.Instagram, Categories: []string{"Shows", "Music"}, Followers: 2700,
			Country: "India", AuthenticEngagements: 0, AvgEngagements: 2100, Missing: base},
		{Handle: "eta", Name: "Eta", Platform: kpi.Instagram, Categories: []string{"Lifestyle"}, Followers: 12_600_000,
			Country: "Brazil", AuthenticEngagements: 274_600, AvgEngagements: 456_200, Missing: base},
	}
	got, conflicts, err := readFixture(t, "influencers.csv", ReadOptions{Duplicates: KeepFirst})
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(first, got); d != "" {
		t.Errorf("KeepFirst (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]Conflict{{Handle: "eta", Lines: []int{8, 9}, Kept: 8}}, conflicts); d != "" {
		t.Errorf("conflicts (-want +got):\n%s", d)
	}
	got, conflicts, err = readFixture(t, "influencers.csv", ReadOptions{Duplicates: KeepLast})
	if err != nil {
		t.Fatal(err)
	}
	last := first[3]
	last.AvgEngagements = 456_100
	if d := cmp.Diff(last, got[3]); d != "" || conflicts[0].Kept != 9 {
		t.Errorf("KeepLast (-want +got):\n%s kept %d", d, conflicts[0].Kept)
	}
}

func TestReadProfilesErrors(t *testing.T) {
	tests := []struct {
		name, in  string
		err       error
		line, col int
		value     string
	}{
		{"bad count", "handle,followers\nx,12q\n", kpi.ErrSyntax, 2, 2, "12q"},
		{"fractional count", "handle,followers\nx,1.5\n", ErrSyntax, 2, 2, "1.5"},
		{"negative count", "handle,followers\nx,-3\n", kpi.ErrNegative, 2, 2, "-3"},
		{"bad rate", "handle,engagement rate\nx,abc%\n", ErrSyntax, 2, 2, "abc%"},
		{"bad fee", "handle,fee\nx,12 USD\n", ErrSyntax, 2, 2, "12 USD"},
		{"empty handle", "handle,followers\n,10\n", ErrSyntax, 2, 1, ""},
		{"no handle column", "name,followers\nx,10\n", ErrMissingColumn, 1, 0, "handle, username, account, channel_info, influencer insta name, instagram handle"},
		{"bad platform", "handle,platform\nx,myspace\n", ErrSyntax, 2, 2, "myspace"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ReadProfiles(strings.NewReader(tt.in), ReadOptions{})
			var pe *ParseError
			if !errors.Is(err, tt.err) || !errors.As(err, &pe) || pe.Line != tt.line || pe.Column != tt.col || pe.Value != tt.value {
				t.Errorf("err = %#v (%v), want %v at %d:%d %q", err, err, tt.err, tt.line, tt.col, tt.value)
			}
		})
	}
}

func FuzzReadProfiles(f *testing.F) {
	for _, name := range []string{"top.csv", "influencers.csv"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), uint8(0))
	}
	f.Add("handle,followers,fee\n@a,1k,12.50\nA,1K,12.5\n", uint8(2))
	f.Fuzz(func(t *testing.T, in string, policy uint8) {
		profiles, conflicts, err := ReadProfiles(strings.NewReader(in), ReadOptions{Duplicates: Duplicates(policy % 3)})
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *ParseError", err)
			}
			return
		}
		seen := map[string]bool{}
		for i, p := range profiles {
			// Consistent with its Missing flags (a field not reported is
			// zero), so Rank accepts it.
			if err := checkProfile("fuzz", i, &p); err != nil {
				t.Fatalf("profile read is refused by Rank: %v", err)
			}
			if p.Handle == "" || p.Followers < 0 || p.AvgLikes < 0 || p.Fee.Sign() < 0 || p.EngagementRate.Sign() < 0 {
				t.Fatalf("bad profile %+v", p)
			}
			key := strings.ToLower(p.Handle)
			if seen[key] {
				t.Fatalf("handle %q twice", p.Handle)
			}
			seen[key] = true
		}
		for _, c := range conflicts {
			if len(c.Lines) < 2 {
				t.Fatalf("conflict %+v with fewer than 2 lines", c)
			}
		}
	})
}
