package audience

import (
	"errors"
	"testing"
)

// TestNilAndDegenerateInputs calls every method on a nil receiver and the
// functions on nil or degenerate arguments: none may panic (DESIGN.md). A
// nil *Universe reads as empty and refuses to assign with ErrInvalid.
func TestNilAndDegenerateInputs(t *testing.T) {
	try := func(name string, f func()) {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s panics: %v", name, r)
			}
		}()
		f()
	}
	var s *Sketch
	try("Sketch.Add", func() { s.Add(1) })
	try("Sketch.AddString", func() { s.AddString("a") })
	try("Sketch.Merge", func() { s.Merge(nil) })
	try("Sketch.Estimate", func() { s.Estimate() })
	try("Sketch.IsExact", func() { s.IsExact() })
	try("Sketch.LgK", func() { s.LgK() })
	try("Sketch.MarshalBinary", func() { _, _ = s.MarshalBinary() })
	try("Sketch.MarshalCompressed", func() { _, _ = s.MarshalCompressed() })
	try("Sketch.UnmarshalBinary", func() { _ = s.UnmarshalBinary(nil) })
	try("SketchOf nil", func() { _, _ = SketchOf(nil, 0) })
	try("SketchOverlapMatrix nil", func() { SketchOverlapMatrix([]*Sketch{nil, nil}, 0) })
	var u *Universe
	try("Universe.ID", func() { _, _ = u.ID(1) })
	try("Universe.IDString", func() { _, _ = u.IDString("a") })
	try("Universe.Lookup", func() { u.Lookup(1) })
	try("Universe.LookupString", func() { u.LookupString("a") })
	try("Universe.Len", func() { u.Len() })
	try("Universe.Set", func() { _, _ = u.Set(1) })
	try("Universe.SetOfStrings", func() { _, _ = u.SetOfStrings("a") })
	var x *Set
	try("Set.Add", func() { x.Add(1) })
	try("Set.All", func() {
		for range x.All() {
		}
	})
	try("Set.AppendTo", func() { x.AppendTo(nil) })
	try("Set.Clone", func() { x.Clone() })
	try("Set.Contains", func() { x.Contains(1) })
	try("Set.CountNotIn", func() { x.CountNotIn(nil) })
	try("Set.Len", func() { x.Len() })
	try("Set.SizeInBytes", func() { x.SizeInBytes() })
	try("OverlapSketchSet", func() { OverlapSketchSet(nil, nil) })
	try("UniqueReachSketches", func() { UniqueReachSketches(nil, nil) })
	try("OverlapMatrix nil", func() { OverlapMatrix([]*Set{nil, nil}, -3) })
	try("Fit nil", func() { _, _ = Fit(nil, nil, nil) })
	try("Fit nil dim", func() { _, _ = Fit(Demographics{"a": nil}, Demographics{"a": nil}, nil) })
	try("Affinity nil", func() { _, _ = Affinity(nil, nil) })
	try("OnTargetInterval", func() {
		_, _ = OnTargetInterval(Distribution{"a": dec("1")}, Distribution{"a": dec("1")}, 1, dec("1e-30"))
	})
	if _, err := u.ID(1); !errors.Is(err, ErrInvalid) {
		t.Errorf("nil Universe ID: %v, want ErrInvalid", err)
	}
	if _, err := u.SetOfStrings("a"); !errors.Is(err, ErrInvalid) {
		t.Errorf("nil Universe SetOfStrings: %v, want ErrInvalid", err)
	}
}
