package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestRun runs the program on a fixture with the quirks of the real file
// (BOM, CRLF, k/m suffixes, a NaN% rate, an empty country, a double-encoded
// name, missing likes). Expected values, by hand, as likes / followers:
//
//	alpha   50k / 2.5m  = 2 %    mega,  US     fit 50 %
//	bravo   15k / 750k  = 2 %    macro, India  fit 30 %
//	charlie  6k / 120k  = 5 %    mid,   Brazil fit 20 %
//	delta  1.2k / 40k   = 3 %    micro, no country: no fit
//	echo  0.95k / 9.5k  = 10 %   nano,  Spain  fit 0 %
//	fÃ¶xtrot 1.8k / 60k = 3 %    mid,   US     fit 50 %
//	golf        ? / 30k          likes missing: in neither table
//
// mid: mean and median of 5 % and 3 % are 4 %. Fit ties (alpha, fÃ¶xtrot)
// are ordered by handle, as selection.Rank orders them.
func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run("testdata/accounts.csv", &out); err != nil {
		t.Fatal(err)
	}
	want := `Engagement rate (likes / followers) by tier
tier   accounts  mean   median
nano   1         10.0%  10.0%
micro  1         3.0%   3.0%
mid    2         4.0%   4.0%
macro  1         2.0%   2.0%
mega   1         2.0%   2.0%

Top 10 by audience fit (target: 50% US, 30% India, 20% Brazil)
#  account   fit    followers  ER
1  alpha     50.0%  2500000    2.0%
2  fÃ¶xtrot  50.0%  60000      3.0%
3  bravo     30.0%  750000     2.0%
4  charlie   20.0%  120000     5.0%
5  echo      0.0%   9500       10.0%
`
	if diff := cmp.Diff(strings.Split(want, "\n"), strings.Split(out.String(), "\n")); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}

func TestMissingFile(t *testing.T) {
	if err := run("testdata/none.csv", &bytes.Buffer{}); err == nil {
		t.Error("no error for a missing file")
	}
}
