// Package enum is influencekit's one rule for the text form of enums and bit
// sets:
//
//   - String returns the value's name; a value outside the type's range
//     prints as "Type(N)" and is never an error in String.
//   - MarshalText returns the same name; a value outside the range is an
//     error wrapping the package's sentinel.
//   - Parsing (UnmarshalText, ParseX) trims spaces and ignores case
//     (Unicode simple folding), so "Pooled", " pooled " and "POOLED" all
//     read; anything else is an error naming the type and quoting the text.
//     On error the receiver keeps its value.
//   - Bit sets join names with "|" ("likes|comments"); the empty set is
//     "none"; "+" is accepted as a separator when parsing.
//
// The zero-value rule the module follows is stated in the root package doc:
// an enum's zero value is a valid value, its documented default.
package enum

import (
	"strconv"
	"strings"

	"github.com/influencekit/influencekit/internal/errs"
)

// Integer is what an enum or bit set type is made of.
type Integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64
}

// Enum holds the names of an enum type whose values are 0, 1, 2, …; names[v]
// is the text of value v. An Enum is immutable after construction.
type Enum[T Integer] struct {
	typ      string // "kpi.Base"
	sentinel error
	names    []string
}

// New returns the text rule for enum type T, named typ ("pkg.Type"), whose
// errors wrap sentinel. names[v] is the text of value v.
func New[T Integer](typ string, sentinel error, names ...string) Enum[T] {
	return Enum[T]{typ: typ, sentinel: sentinel, names: names}
}

// Valid reports whether v has a name.
func (e Enum[T]) Valid(v T) bool {
	return uint64(v) < uint64(len(e.names)) && e.names[v] != ""
}

// String returns v's name, or "Type(N)" for a value out of range.
func (e Enum[T]) String(v T) string {
	if e.Valid(v) {
		return e.names[v]
	}
	_, short, _ := strings.Cut(e.typ, ".")
	return short + "(" + strconv.FormatInt(int64(v), 10) + ")"
}

// Marshal returns v's name, or an error for a value out of range.
func (e Enum[T]) Marshal(v T) ([]byte, error) {
	if !e.Valid(v) {
		return nil, errs.New(e.sentinel, e.typ+".MarshalText", "", "unknown value", int64(v))
	}
	return []byte(e.names[v]), nil
}

// Parse reads a name written by String, ignoring case and surrounding space.
// fn names the exported function for the error ("kpi.ParseBase"); "" means
// the type's UnmarshalText.
func (e Enum[T]) Parse(fn, text string) (T, error) {
	t := strings.TrimSpace(text)
	for i, n := range e.names {
		if n != "" && strings.EqualFold(n, t) {
			return T(i), nil
		}
	}
	if fn == "" {
		fn = e.typ + ".UnmarshalText"
	}
	return 0, errs.New(e.sentinel, fn, "text", "unknown "+e.typ+", want one of "+e.list(), text)
}

func (e Enum[T]) list() string {
	var b strings.Builder
	for _, n := range e.names {
		if n == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(n)
	}
	return b.String()
}

// Unmarshal parses text into *dst, leaving *dst unchanged on error. A nil
// dst is an error, never a panic.
func (e Enum[T]) Unmarshal(dst *T, text []byte) error {
	if dst == nil {
		return errs.New(e.sentinel, e.typ+".UnmarshalText", "receiver", "nil", errs.None)
	}
	v, err := e.Parse("", string(text))
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

// Bits holds the names of a bit set type: names[i] is the text of bit 1<<i.
type Bits[T Integer] struct {
	typ      string
	sentinel error
	names    []string
}

// NewBits returns the text rule for bit set type T, named typ ("pkg.Type").
func NewBits[T Integer](typ string, sentinel error, names ...string) Bits[T] {
	return Bits[T]{typ: typ, sentinel: sentinel, names: names}
}

// Known returns the set of all named bits.
func (s Bits[T]) Known() T {
	return T(uint64(1)<<len(s.names) - 1)
}

// String joins the names of v's bits with "|"; an unnamed bit prints as
// "0x…"; the empty set is "none".
func (s Bits[T]) String(v T) string {
	if v == 0 {
		return "none"
	}
	u := uint64(v)
	var b strings.Builder
	for i := 0; i < 64 && u != 0; i++ {
		bit := uint64(1) << i
		if u&bit == 0 {
			continue
		}
		u &^= bit
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		if i < len(s.names) {
			b.WriteString(s.names[i])
		} else {
			b.WriteString("0x" + strconv.FormatUint(bit, 16))
		}
	}
	return b.String()
}

// Marshal returns String(v), or an error when v has an unnamed bit.
func (s Bits[T]) Marshal(v T) ([]byte, error) {
	if v&^s.Known() != 0 {
		return nil, errs.New(s.sentinel, s.typ+".MarshalText", "", "unknown bits", s.String(v))
	}
	return []byte(s.String(v)), nil
}

// Parse reads the text String writes, ignoring case and spaces. fn names
// the exported function for the error; "" means the type's UnmarshalText.
func (s Bits[T]) Parse(fn, text string) (T, error) {
	if fn == "" {
		fn = s.typ + ".UnmarshalText"
	}
	t := strings.TrimSpace(text)
	if strings.EqualFold(t, "none") {
		return 0, nil
	}
	var v T
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == '|' || r == '+' })
	if len(parts) == 0 {
		return 0, errs.New(s.sentinel, fn, "text", "empty, want none or names joined by |", text)
	}
	for _, part := range parts {
		i := s.index(strings.TrimSpace(part))
		if i < 0 {
			return 0, errs.New(s.sentinel, fn, "text", "unknown "+s.typ+", want names of "+strings.Join(s.names, ", ")+" joined by |", text)
		}
		v |= T(uint64(1) << i)
	}
	return v, nil
}

func (s Bits[T]) index(name string) int {
	for i, n := range s.names {
		if strings.EqualFold(n, name) {
			return i
		}
	}
	return -1
}

// Unmarshal parses text into *dst, leaving *dst unchanged on error. A nil
// dst is an error, never a panic.
func (s Bits[T]) Unmarshal(dst *T, text []byte) error {
	if dst == nil {
		return errs.New(s.sentinel, s.typ+".UnmarshalText", "receiver", "nil", errs.None)
	}
	v, err := s.Parse("", string(text))
	if err != nil {
		return err
	}
	*dst = v
	return nil
}
