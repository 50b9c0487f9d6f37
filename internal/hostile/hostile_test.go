package hostile

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestExported(t *testing.T) {
	for _, c := range []struct {
		unexported bool
		want       []string
	}{
		{false, []string{"F", "G.Get", "T.M", "T.P"}},
		{true, []string{"F", "G.Get", "T.M", "T.P", "g.Put", "u.Error"}},
	} {
		got, err := Exported("testdata/pkg", c.unexported)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("Exported(testdata/pkg, %v) = %q, %v; want %q", c.unexported, got, err, c.want)
		}
	}
	if _, err := Exported("testdata/none", false); err != nil {
		t.Errorf("an empty folder: %v", err)
	}
	// The package itself: its API as this file calls it.
	got, err := Exported(".", false)
	want := []string{"CoversAPI", "Exported", "Missing", "Names", "Result.Time", "Runner.Check", "Runner.Limit", "Runner.Problem", "Runner.Run", "Slowest.Add",
		"Slowest.Log", "ThreadCPU", "Wraps"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("Exported(.) = %q, %v; want %q", got, err, want)
	}
}

func TestMissing(t *testing.T) {
	api := []string{"A", "B", "C.D", "E"}
	got := Missing(api, map[string]bool{"A": true}, map[string]string{"C.D": "a reason", "E": ""})
	if want := []string{"B", "E"}; !slices.Equal(got, want) { // E's empty reason excuses nothing
		t.Errorf("Missing = %q, want %q", got, want)
	}
}

var errA, errB = errors.New("a"), errors.New("b")

func TestWraps(t *testing.T) {
	w := fmt.Errorf("x: %w", errA)
	if !Wraps(w, nil, errB, errA) || Wraps(w, errB) || Wraps(w) || Wraps(nil, errA) {
		t.Error("Wraps")
	}
}

func TestRunAndProblem(t *testing.T) {
	rn := Runner{Bound: 20 * time.Millisecond, Tries: 2, CPU: true}
	if l := rn.Limit(); l != 20*time.Millisecond*Slack {
		t.Errorf("Limit = %v", l)
	}
	if l := (Runner{}).Limit(); l != Bound*Slack {
		t.Errorf("default Limit = %v", l)
	}
	r := rn.Run(func() error { return fmt.Errorf("f: %w", errA) })
	if p := rn.Problem(r, 400, errA); p != "" || !errors.Is(r.Err, errA) || r.Time() > rn.Limit() {
		t.Errorf("a quick call wrapping a sentinel: %q, %+v", p, r)
	}
	if p := rn.Problem(r, 400, errB); !strings.Contains(p, "matches no sentinel") {
		t.Errorf("no sentinel: %q", p)
	}
	if p := rn.Problem(r, 3, errA); !strings.Contains(p, "message of 4 bytes") { // "f: a"
		t.Errorf("long message: %q", p)
	}
	calls := 0
	r = rn.Run(func() error { calls++; panic("boom") })
	if p := rn.Problem(r, 400); calls != 1 || p != "panic: boom" {
		t.Errorf("a panic: %d calls, %q", calls, p)
	}
	// Slow on the wall clock but idle on the CPU: within the bound with
	// CPU, over it without.
	calls = 0
	sleep := func() error { calls++; time.Sleep(rn.Limit() + 10*time.Millisecond); return nil }
	if r = rn.Run(sleep); calls != 1 || rn.Problem(r, 400) != "" || r.Wall <= rn.Limit() {
		t.Errorf("a sleeping call with CPU: %d calls, %+v", calls, r)
	}
	wall := Runner{Bound: rn.Bound, Tries: 2}
	calls = 0
	if r = wall.Run(sleep); calls != 2 || !strings.HasPrefix(wall.Problem(r, 400), "took ") || r.CPU != r.Wall {
		t.Errorf("a sleeping call on the wall clock: %d calls, %+v", calls, r)
	}
	hang := Runner{Bound: time.Millisecond, Tries: 3, Hang: 30 * time.Millisecond}
	stop := make(chan struct{})
	defer close(stop)
	if r = hang.Run(func() error { <-stop; return nil }); !r.Hung || !strings.HasPrefix(hang.Problem(r, 400), "did not return") {
		t.Errorf("a hang: %+v", r)
	}
}

func TestThreadCPU(t *testing.T) {
	busy := ThreadCPU(func() {
		for end := time.Now().Add(20 * time.Millisecond); time.Now().Before(end); {
		}
	})
	idle := ThreadCPU(func() { time.Sleep(20 * time.Millisecond) })
	if busy < 5*time.Millisecond || idle > busy {
		t.Errorf("busy %v, idle %v", busy, idle)
	}
}

func TestSlowest(t *testing.T) {
	var s Slowest
	for i := range 8 {
		s.Add(fmt.Sprint("c", i), Result{Wall: time.Duration(i), CPU: time.Duration(10 - i)})
	}
	// Time is min(Wall, CPU): 0 1 2 3 4 5 4 3 → c4 and c6 tie at 4 after c5.
	var names []string
	for _, c := range s.top {
		names = append(names, c.name)
	}
	if want := []string{"c5", "c4", "c6", "c3", "c7"}; s.calls != 8 || !slices.Equal(names, want) {
		t.Errorf("Slowest: %d calls, %q; want 8, %q", s.calls, names, want)
	}
	s.Log(t)
}

// recorder is a testing.TB that records its failures.
type recorder struct {
	testing.TB
	errs  []string
	fatal bool
}

func (r *recorder) Helper()                   {}
func (r *recorder) Errorf(f string, a ...any) { r.errs = append(r.errs, fmt.Sprintf(f, a...)) }
func (r *recorder) Fatal(a ...any)            { r.fatal = true; r.errs = append(r.errs, fmt.Sprint(a...)) }

func TestCheckAndCoversAPI(t *testing.T) {
	rec := &recorder{TB: t}
	var slow Slowest
	rn := Runner{}
	rn.Check(rec, &slow, "ok", func() error { return errA }, 400, errA)
	rn.Check(rec, &slow, "bad", func() error { return errB }, 400, errA)
	rn.Check(rec, nil, "panics", func() error { panic(1) }, 400)
	if want := []string{"bad: error matches no sentinel: b", "panics: panic: 1"}; !slices.Equal(rec.errs, want) || slow.calls != 2 {
		t.Errorf("Check: %q, %d calls; want %q, 2", rec.errs, slow.calls, want)
	}
	rec = &recorder{TB: t}
	// testdata/pkg lists F, G.Get, T.M and T.P: T.P is excused, G.Get
	// missing, and 5 are wanted.
	calls := []struct{ fn string }{{"F"}, {"T.M"}, {"F"}}
	CoversAPI(rec, "testdata/pkg", false, Names(calls, func(c struct{ fn string }) string { return c.fn }), map[string]string{"T.P": "a reason"}, 5)
	if len(rec.errs) != 2 || !strings.HasPrefix(rec.errs[0], "G.Get is exported") || !strings.Contains(rec.errs[1], "found only 4") {
		t.Errorf("CoversAPI: %q", rec.errs)
	}
}
