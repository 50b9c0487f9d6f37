package selection_test

import (
	"fmt"

	"github.com/influencekit/influencekit/selection"
)

// A Goal prints as the name Goal.UnmarshalText reads; a value outside the
// declared goals prints as Goal(n).
func ExampleGoal_String() {
	fmt.Println(selection.MaxValue, selection.MaxUniqueReach, selection.Goal(7))
	// Output: max-value max-unique-reach Goal(7)
}

// The criteria print in the order of every score breakdown.
func ExampleCriterion_String() {
	for c := selection.Engagement; c <= selection.Growth; c++ {
		fmt.Print(c, " ")
	}
	fmt.Println(selection.Criterion(9))
	// Output: engagement audience-fit category-fit authenticity cost-efficiency growth Criterion(9)
}

// The hard filters print in the order they are checked; the zero Filter,
// FilterNone, names no filter (the profile passed).
func ExampleFilter_String() {
	for f := selection.FilterHandle; f <= selection.FilterEngagement; f++ {
		fmt.Print(f, " ")
	}
	fmt.Println(selection.Filter(0), selection.Filter(11))
	// Output: handle platform followers tier country language category brand-safety fee engagement none Filter(11)
}
