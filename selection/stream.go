package selection

import (
	"io"
	"iter"
	"slices"

	"github.com/influencekit/influencekit/internal/csvx"
	"github.com/influencekit/influencekit/internal/errs"
)

// ScanProfiles is the streaming form of ReadProfiles: it reads the same CSV
// with the same quirks and yields one Profile per distinct handle, in input
// order (the row where the handle first appears). Stop the loop (break) to
// stop reading.
//
//	for p, err := range selection.ScanProfiles(r, selection.ReadOptions{}) {
//		if err != nil {
//			return err
//		}
//		// use p
//	}
//
// Repeated handles follow opt.Duplicates as in ReadProfiles, which needs
// the first profile of every handle: memory grows with the distinct
// handles (one Profile each) and by one int per repeated row, not with the
// rows. DuplicateError yields the rows up to the conflicting one, then the
// error wrapping ErrDuplicate. KeepFirst skips a conflicting row and
// requires opt.Conflicts, which receives the conflicts when the sequence
// ends (also by a break or an error: those found so far). KeepLast cannot
// stream (the profile it keeps is known only at the end of the input):
// ScanProfiles refuses it, as it refuses KeepFirst without opt.Conflicts,
// with an error wrapping ErrInvalid naming ReadOptions.Duplicates or
// ReadOptions.Conflicts.
//
// An error is yielded once, with a zero Profile, and ends the sequence: the
// errors of ReadProfiles (a nil reader, no header row, a missing handle
// column, a *ParseError naming the line, column, header and value of a bad
// cell), with "selection: ScanProfiles" in their message. The sequence
// reads r once: ranging over it a second time yields an error wrapping
// ErrInvalid. ReadProfiles(r, opt) is shorthand for collecting
// ScanProfiles(r, opt) and, under KeepFirst, its conflicts; it also offers
// KeepLast.
func ScanProfiles(r io.Reader, opt ReadOptions) iter.Seq2[Profile, error] {
	const fn = "selection.ScanProfiles"
	var d *dedup
	seq := csvx.Scan(fn, func() (func() (Profile, error), error) {
		if err := checkStreamOptions(fn, opt); err != nil {
			return nil, err
		}
		ps, err := openProfiles(fn, r, opt)
		if err != nil {
			return nil, err
		}
		d = newDedup(opt.Duplicates)
		return func() (Profile, error) {
			for {
				added, err := ps.next(d)
				if err != nil {
					return Profile{}, err
				}
				if added {
					p := d.out[len(d.out)-1]
					p.Categories = slices.Clone(p.Categories) // the caller's to change
					return p, nil
				}
			}
		}, nil
	})
	if opt.Conflicts == nil {
		return seq
	}
	return func(yield func(Profile, error) bool) {
		defer func() {
			if d != nil {
				*opt.Conflicts = d.conflictList()
			}
		}()
		for p, err := range seq {
			if !yield(p, err) {
				return
			}
		}
	}
}

// checkStreamOptions refuses the duplicate policies ScanProfiles cannot
// honour.
func checkStreamOptions(fn string, opt ReadOptions) error {
	if err := checkDuplicates(fn, opt.Duplicates); err != nil {
		return err
	}
	switch {
	case opt.Duplicates == KeepLast:
		return errs.New(ErrInvalid, fn, "ReadOptions.Duplicates", "keep-last needs the whole input before the first profile: use ReadProfiles", opt.Duplicates)
	case opt.Duplicates == KeepFirst && opt.Conflicts == nil:
		return errs.New(ErrInvalid, fn, "ReadOptions.Conflicts", "nil under keep-first: a stream reports its conflicts there", errs.None)
	}
	return nil
}
