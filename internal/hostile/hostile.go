// Package hostile is the machinery the packages' hostile-input tests share:
// the per-call time bound (wall time, or the CPU time of the call's own
// thread on a loaded machine, the least of a few tries after a garbage
// collection, with an optional hang limit), the check of a call's outcome
// (no panic, within the bound, an error wrapping one of the package's
// sentinels with a short message), the log of the slowest calls, and the
// go/parser lister of a package's exported functions and methods that the
// tests hold the hostile table to.
//
// It is a normal package so that every package's _test files can import
// it; nothing outside tests uses it. The tables of hostile values and calls
// stay in their packages.
package hostile

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/influencekit/influencekit/internal/race"
)

// Slack multiplies a time bound under the race detector, which slows code
// down about four times; it is 1 without it.
var Slack = map[bool]time.Duration{false: 1, true: 4}[race.Enabled]

// Bound is the time every call of a hostile table must return in (before
// Slack): 50 ms.
const Bound = 50 * time.Millisecond

// MaxMessage bounds an error message: errs shortens every value to 40
// bytes, which quoting can stretch to 160 characters (40 NULs are
// "\x00"×40), beside the function, field and what was wrong.
const MaxMessage = 400

// Runner times calls against a bound.
type Runner struct {
	// Bound is the bound before Slack; zero means Bound.
	Bound time.Duration
	// Tries is how many times at most a call is made while it is over the
	// bound; zero means 3. Each try after the first follows a garbage
	// collection and a pause (10 ms, then 40, 160, 640, ...): an earlier
	// call's 10⁶-digit values leave collection work that the next
	// allocating call pays, and the machine may be busy; a call that is
	// slow by itself stays slow.
	Tries int
	// CPU, when set, holds the bound on the lesser of the wall time and
	// the CPU time of the call's own thread (ThreadCPU), so that a machine
	// so loaded that the wall time counts other processes' turns does not
	// fail the test. Without it the bound holds on the wall time alone
	// (right for a call that works in several goroutines).
	CPU bool
	// Hang, when positive, is how long Run waits for one try before it
	// reports the call as hung and moves on (the call's goroutine is left
	// behind). Zero waits as long as the call takes.
	Hang time.Duration
}

// Limit is the bound a call must return within: Bound (or the package
// default) times Slack.
func (rn Runner) Limit() time.Duration {
	return cmp.Or(rn.Bound, Bound) * Slack
}

// Result is the outcome of Run: the least wall and CPU times of the tries
// (CPU equals Wall when the Runner does not measure it), the value the call
// panicked with, if any, and its error. Hung is set when a try did not
// return within the Runner's Hang; the call's error is then unknown.
type Result struct {
	Wall, CPU time.Duration
	Panic     any
	Err       error
	Hung      bool
}

// Time is the time the bound holds on: the lesser of Wall and CPU.
func (r Result) Time() time.Duration { return min(r.Wall, r.CPU) }

// Run calls f, recovering a panic, up to rn.Tries times while its time is
// over rn.Limit(), and returns the least times of the tries, the panic (it
// stops at the first) and the last try's error.
func (rn Runner) Run(f func() error) Result {
	r := Result{Wall: time.Duration(math.MaxInt64), CPU: time.Duration(math.MaxInt64)}
	tries := cmp.Or(rn.Tries, 3)
	for try := 0; try < tries && r.Time() > rn.Limit(); try++ {
		if try > 0 {
			runtime.GC()
			time.Sleep(time.Duration(10<<(2*(try-1))) * time.Millisecond)
		}
		one := rn.try(f)
		r.Wall, r.CPU = min(r.Wall, one.Wall), min(r.CPU, one.CPU)
		r.Panic, r.Err, r.Hung = one.Panic, one.Err, one.Hung
		if r.Panic != nil || r.Hung {
			break
		}
	}
	return r
}

// try makes one call, in a goroutine of its own when rn.Hang is set.
func (rn Runner) try(f func() error) Result {
	call := func() (r Result) {
		start := time.Now()
		measured := func() {
			defer func() { r.Panic = recover() }()
			r.Err = f()
		}
		if rn.CPU {
			r.CPU = ThreadCPU(measured)
			r.Wall = time.Since(start)
		} else {
			measured()
			r.Wall = time.Since(start)
			r.CPU = r.Wall
		}
		return r
	}
	if rn.Hang <= 0 {
		return call()
	}
	done := make(chan Result, 1)
	go func() { done <- call() }()
	select {
	case r := <-done:
		return r
	case <-time.After(rn.Hang):
		return Result{Wall: rn.Hang, CPU: rn.Hang, Hung: true}
	}
}

// Wraps reports whether err wraps one of the errors (nil ones are passed
// over).
func Wraps(err error, sentinels ...error) bool {
	return slices.ContainsFunc(sentinels, func(s error) bool { return s != nil && errors.Is(err, s) })
}

// Problem describes what is wrong with r, or returns "": a panic, a hang,
// a time over rn.Limit(), an error wrapping none of the sentinels, an error
// message longer than maxMessage bytes. A nil error is no problem: the
// caller checks the result.
func (rn Runner) Problem(r Result, maxMessage int, sentinels ...error) string {
	switch {
	case r.Panic != nil:
		return fmt.Sprintf("panic: %v", r.Panic)
	case r.Hung:
		return fmt.Sprintf("did not return within %v", rn.Hang)
	case r.Time() > rn.Limit() && rn.CPU:
		return fmt.Sprintf("took %v (CPU %v), bound %v", r.Wall, r.CPU, rn.Limit())
	case r.Time() > rn.Limit():
		return fmt.Sprintf("took %v, bound %v", r.Wall, rn.Limit())
	case r.Err != nil && !Wraps(r.Err, sentinels...):
		return fmt.Sprintf("error matches no sentinel: %.300v", r.Err)
	case r.Err != nil && len(r.Err.Error()) > maxMessage:
		return fmt.Sprintf("message of %d bytes: %.300q", len(r.Err.Error()), r.Err)
	}
	return ""
}

// Slowest keeps the N slowest calls of a table (by Result.Time) for the
// test's log.
type Slowest struct {
	N     int // how many to keep; zero means 5
	calls int
	top   []timed
}

type timed struct {
	name string
	r    Result
}

// Add counts a call named name with its result.
func (s *Slowest) Add(name string, r Result) {
	s.calls++
	s.top = append(s.top, timed{name, r})
	slices.SortStableFunc(s.top, func(a, b timed) int { return cmp.Compare(b.r.Time(), a.r.Time()) })
	s.top = s.top[:min(len(s.top), cmp.Or(s.N, 5))]
}

// Log writes the number of calls and the slowest of them to t's log.
func (s *Slowest) Log(t testing.TB) {
	t.Helper()
	t.Logf("%d calls; the slowest:", s.calls)
	for _, c := range s.top {
		t.Logf("  %v wall, %v CPU: %.120s", c.r.Wall, c.r.CPU, c.name)
	}
}

// Check runs f with rn, fails t with name and the Problem if there is one,
// counts the call in slow (when not nil) and returns the Result, whose
// error and times the caller may check further.
func (rn Runner) Check(t testing.TB, slow *Slowest, name string, f func() error, maxMessage int, sentinels ...error) Result {
	t.Helper()
	r := rn.Run(f)
	if p := rn.Problem(r, maxMessage, sentinels...); p != "" {
		t.Errorf("%s: %s", name, p)
	}
	if slow != nil {
		slow.Add(name, r)
	}
	return r
}
