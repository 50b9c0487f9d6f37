package budget

import "github.com/influencekit/influencekit/internal/enum"

// The text of the package's enums, by the module's one rule (internal/enum):
// String returns the name, MarshalText the same name (an unknown value is an
// error wrapping ErrInvalid), UnmarshalText reads it ignoring case and
// surrounding spaces and leaves the receiver unchanged on error. Every
// enum's zero value is valid: its documented default.
var (
	methodText  = enum.New[Method]("budget.Method", ErrInvalid, "auto", "water-filling", "grid-dp")
	basisText   = enum.New[Basis]("budget.Basis", ErrInvalid, "per-band", "per-thousand-followers", "per-thousand-views")
	returnText  = enum.New[ReturnKind]("budget.ReturnKind", ErrInvalid, "marginal", "average")
	weibullText = enum.New[WeibullKind]("budget.WeibullKind", ErrInvalid, "cdf", "pdf")
	formatText  = enum.New[Format]("budget.Format", ErrInvalid, "post", "reel", "story", "video", "bundle")
)

// String returns "auto", "water-filling" or "grid-dp".
func (m Method) String() string { return methodText.String(m) }

// MarshalText returns the String form; an unknown value is an error.
func (m Method) MarshalText() ([]byte, error) { return methodText.Marshal(m) }

// UnmarshalText parses the names String writes, ignoring case.
func (m *Method) UnmarshalText(b []byte) error { return methodText.Unmarshal(m, b) }

// String returns "per-band", "per-thousand-followers" or "per-thousand-views".
func (b Basis) String() string { return basisText.String(b) }

// MarshalText returns the String form; an unknown value is an error.
func (b Basis) MarshalText() ([]byte, error) { return basisText.Marshal(b) }

// UnmarshalText parses the names String writes, ignoring case.
func (b *Basis) UnmarshalText(t []byte) error { return basisText.Unmarshal(b, t) }

// String returns "marginal" or "average".
func (k ReturnKind) String() string { return returnText.String(k) }

// MarshalText returns the String form; an unknown value is an error.
func (k ReturnKind) MarshalText() ([]byte, error) { return returnText.Marshal(k) }

// UnmarshalText parses the names String writes, ignoring case.
func (k *ReturnKind) UnmarshalText(b []byte) error { return returnText.Unmarshal(k, b) }

// String returns "cdf" or "pdf".
func (k WeibullKind) String() string { return weibullText.String(k) }

// MarshalText returns the String form; an unknown value is an error.
func (k WeibullKind) MarshalText() ([]byte, error) { return weibullText.Marshal(k) }

// UnmarshalText parses the names String writes, ignoring case.
func (k *WeibullKind) UnmarshalText(b []byte) error { return weibullText.Unmarshal(k, b) }

// String returns "post", "reel", "story", "video" or "bundle", or
// "Format(n)" for an unknown value.
func (f Format) String() string { return formatText.String(f) }

// MarshalText returns the String form; an unknown value is an error.
func (f Format) MarshalText() ([]byte, error) { return formatText.Marshal(f) }

// UnmarshalText parses the names String writes, ignoring case.
func (f *Format) UnmarshalText(b []byte) error { return formatText.Unmarshal(f, b) }
