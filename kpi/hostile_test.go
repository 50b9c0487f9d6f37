package kpi

import (
	"time"

	"github.com/influencekit/influencekit/internal/race"
)

// raceSlack multiplies the time bounds of the hostile-input tests under the
// race detector, which slows code down about four times.
var raceSlack = map[bool]time.Duration{false: 1, true: 4}[race.Enabled]
