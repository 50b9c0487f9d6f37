package budget

import (
	"fmt"
	"slices"
)

// enumText marshals an enum value by its name table.
func enumText(fn string, names []string, v int) ([]byte, error) {
	if v < 0 || v >= len(names) {
		return nil, errf(ErrInvalid, fn, "", "unknown value (%d)", v)
	}
	return []byte(names[v]), nil
}

// enumParse returns the index of b in names.
func enumParse(fn string, names []string, b []byte) (int, error) {
	i := slices.Index(names, string(b))
	if i < 0 {
		return 0, errf(ErrInvalid, fn, "", "unknown name (%q)", b)
	}
	return i, nil
}

func enumString(typ string, names []string, v int) string {
	if v >= 0 && v < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", typ, v)
}

// MarshalText returns "auto", "water-filling" or "grid-dp".
func (m Method) MarshalText() ([]byte, error) {
	return enumText("Method.MarshalText", methodNames[:], int(m))
}

// UnmarshalText parses the names MarshalText writes.
func (m *Method) UnmarshalText(b []byte) error {
	i, err := enumParse("Method.UnmarshalText", methodNames[:], b)
	if err != nil {
		return err // the receiver keeps its value
	}
	*m = Method(i)
	return nil
}

var basisNames = [...]string{"per-tier", "per-thousand-followers", "per-thousand-views"}

// String returns "per-tier", "per-thousand-followers" or "per-thousand-views".
func (b Basis) String() string { return enumString("Basis", basisNames[:], int(b)) }

// MarshalText returns the String form; an unknown value is an error.
func (b Basis) MarshalText() ([]byte, error) {
	return enumText("Basis.MarshalText", basisNames[:], int(b))
}

// UnmarshalText parses the names MarshalText writes.
func (b *Basis) UnmarshalText(t []byte) error {
	i, err := enumParse("Basis.UnmarshalText", basisNames[:], t)
	if err != nil {
		return err // the receiver keeps its value
	}
	*b = Basis(i)
	return nil
}

var targetNames = [...]string{"marginal", "average"}

// String returns "marginal" or "average".
func (k TargetKind) String() string { return enumString("TargetKind", targetNames[:], int(k)) }

// MarshalText returns the String form; an unknown value is an error.
func (k TargetKind) MarshalText() ([]byte, error) {
	return enumText("TargetKind.MarshalText", targetNames[:], int(k))
}

// UnmarshalText parses the names MarshalText writes.
func (k *TargetKind) UnmarshalText(b []byte) error {
	i, err := enumParse("TargetKind.UnmarshalText", targetNames[:], b)
	if err != nil {
		return err // the receiver keeps its value
	}
	*k = TargetKind(i)
	return nil
}

var weibullNames = [...]string{"cdf", "pdf"}

// String returns "cdf" or "pdf".
func (k WeibullKind) String() string { return enumString("WeibullKind", weibullNames[:], int(k)) }

// MarshalText returns the String form; an unknown value is an error.
func (k WeibullKind) MarshalText() ([]byte, error) {
	return enumText("WeibullKind.MarshalText", weibullNames[:], int(k))
}

// UnmarshalText parses the names MarshalText writes.
func (k *WeibullKind) UnmarshalText(b []byte) error {
	i, err := enumParse("WeibullKind.UnmarshalText", weibullNames[:], b)
	if err != nil {
		return err // the receiver keeps its value
	}
	*k = WeibullKind(i)
	return nil
}
