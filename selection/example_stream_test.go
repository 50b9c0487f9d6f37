package selection_test

import (
	"fmt"
	"strings"

	"github.com/influencekit/influencekit/selection"
)

// Profiles streamed one at a time: a repeated handle with other values is
// skipped under KeepFirst and reported in Conflicts when the loop ends; a
// break would stop reading the rest.
func ExampleScanProfiles() {
	in := "handle,followers,fee\n" +
		"@alpha,12.5k,300\n" +
		"beta,1.2M,N/A\n" +
		"alpha,13k,300\n" + // line 4: alpha again, other followers
		"gamma,900,40\n"
	var conflicts []selection.Conflict
	opt := selection.ReadOptions{Duplicates: selection.KeepFirst, Conflicts: &conflicts}
	for p, err := range selection.ScanProfiles(strings.NewReader(in), opt) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: %d followers, fee missing %v\n", p.Handle, p.Followers, p.Missing.Has(selection.MissingFee))
	}
	for _, c := range conflicts {
		fmt.Printf("conflict: %s on lines %v, kept line %d\n", c.Handle, c.Lines, c.Kept)
	}
	// Output:
	// alpha: 12500 followers, fee missing false
	// beta: 1200000 followers, fee missing true
	// gamma: 900 followers, fee missing false
	// conflict: alpha on lines [2 4], kept line 2
}
