package audience_test

import (
	"fmt"
	"strings"

	"github.com/influencekit/influencekit/audience"
)

// ExampleReadIDs reads two creators' follower exports, one ID per line
// and a CSV column, without holding their text, and compares the sets.
// Ana: {101, 102, 103, 104} (102 twice); Ben: {103, 104, 105}. Shared
// 103 and 104: 2; union 5.
func ExampleReadIDs() {
	ana, err := audience.ReadIDs(strings.NewReader("101\n102\n103\n\n104\n102\n"), "")
	if err != nil {
		fmt.Println(err)
		return
	}
	ben, err := audience.ReadIDs(strings.NewReader("handle,Follower ID\nx,103\ny,104\nz,105\n"), "follower_id")
	if err != nil {
		fmt.Println(err)
		return
	}
	p := audience.Overlap(ana, ben)
	fmt.Println(ana.Len(), ben.Len(), p.Shared, p.Union)
	_, err = audience.ReadIDs(strings.NewReader("101\n10x\n"), "")
	fmt.Println(err)
	// Output:
	// 4 3 2 5
	// audience: ReadIDs: line 2, column 1: "10x": not a follower ID (a decimal integer below 2^64): invalid syntax
}
