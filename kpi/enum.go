package kpi

import (
	"strconv"
	"strings"
)

// enumString returns names[v] or "Type(v)" when v is out of range.
func enumString(v int, names []string, typ string) string {
	if v >= 0 && v < len(names) && names[v] != "" {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(v) + ")"
}

func enumMarshal(fn, field string, v int, names []string) ([]byte, error) {
	if v >= 0 && v < len(names) && names[v] != "" {
		return []byte(names[v]), nil
	}
	return nil, errorf(fn, field, ErrInvalid, v)
}

func enumParse(fn, field, s string, names []string) (int, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for i, n := range names {
		if n != "" && n == t {
			return i, nil
		}
	}
	return 0, errorf(fn, field, ErrInvalid, strconv.Quote(s))
}

// bitsString joins the names of the set bits with "|"; unknown bits print as
// numbers; the empty set is "none".
func bitsString(v uint64, names []string) string {
	if v == 0 {
		return "none"
	}
	var b strings.Builder
	for i := 0; i < 64 && v != 0; i++ {
		bit := uint64(1) << i
		if v&bit == 0 {
			continue
		}
		v &^= bit
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		if i < len(names) {
			b.WriteString(names[i])
		} else {
			b.WriteString("0x" + strconv.FormatUint(bit, 16))
		}
	}
	return b.String()
}

func parseBits(fn, field, s string, names []string) (uint64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if t == "none" {
		return 0, nil
	}
	var v uint64
	for _, part := range strings.FieldsFunc(t, func(r rune) bool { return r == '|' || r == '+' }) {
		part = strings.TrimSpace(part)
		found := false
		for i, n := range names {
			if n == part {
				v |= 1 << i
				found = true
				break
			}
		}
		if !found {
			return 0, errorf(fn, field, ErrInvalid, strconv.Quote(s))
		}
	}
	if v == 0 {
		return 0, errorf(fn, field, ErrInvalid, strconv.Quote(s))
	}
	return v, nil
}
