package enum

import (
	"errors"
	"testing"

	"github.com/influencekit/influencekit/internal/errs"
)

type color uint8

var colors = New[color]("pkg.Color", errs.ErrInvalid, "red", "green", "", "blue")

type flags uint16

var flagNames = NewBits[flags]("pkg.Flags", errs.ErrInvalid, "likes", "comments", "shares")

func TestEnumString(t *testing.T) {
	for v, want := range map[color]string{0: "red", 1: "green", 3: "blue", 2: "Color(2)", 9: "Color(9)"} {
		if got := colors.String(v); got != want {
			t.Errorf("String(%d) = %q, want %q", v, got, want)
		}
	}
}

func TestEnumParseIgnoresCase(t *testing.T) {
	for text, want := range map[string]color{"red": 0, " GREEN ": 1, "Blue": 3} {
		got, err := colors.Parse("", text)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %d, %v; want %d", text, got, err, want)
		}
	}
}

func TestEnumParseErrors(t *testing.T) {
	for _, text := range []string{"", "purple", "Color(2)", "2"} {
		_, err := colors.Parse("pkg.ParseColor", text)
		if !errors.Is(err, errs.ErrInvalid) {
			t.Errorf("Parse(%q) err = %v, want ErrInvalid", text, err)
		}
	}
	_, err := colors.Parse("pkg.ParseColor", "purple")
	want := `pkg: ParseColor: text: unknown pkg.Color, want one of red, green, blue ("purple")`
	if err == nil || err.Error() != want {
		t.Errorf("message = %v, want %s", err, want)
	}
}

func TestEnumRoundTrip(t *testing.T) {
	for v := color(0); v < 4; v++ {
		b, err := colors.Marshal(v)
		if v == 2 {
			if !errors.Is(err, errs.ErrInvalid) {
				t.Errorf("Marshal(2) err = %v, want ErrInvalid", err)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var got color = 7
		if err := colors.Unmarshal(&got, b); err != nil || got != v {
			t.Errorf("round trip %d → %q → %d, %v", v, b, got, err)
		}
	}
	dst := color(1)
	if err := colors.Unmarshal(&dst, []byte("nope")); err == nil || dst != 1 {
		t.Errorf("failed Unmarshal changed the receiver to %d (err %v)", dst, err)
	}
}

func TestBits(t *testing.T) {
	tests := []struct {
		v    flags
		text string
	}{
		{0, "none"},
		{1, "likes"},
		{1 | 4, "likes|shares"},
		{7, "likes|comments|shares"},
	}
	for _, tt := range tests {
		if got := flagNames.String(tt.v); got != tt.text {
			t.Errorf("String(%d) = %q, want %q", tt.v, got, tt.text)
		}
		got, err := flagNames.Parse("", tt.text)
		if err != nil || got != tt.v {
			t.Errorf("Parse(%q) = %d, %v; want %d", tt.text, got, err, tt.v)
		}
	}
	// "+" separates too, case and spaces are ignored: likes (1) + shares (4).
	if got, err := flagNames.Parse("", " Likes + SHARES "); err != nil || got != 5 {
		t.Errorf("Parse(Likes + SHARES) = %d, %v; want 5", got, err)
	}
	if got := flagNames.String(8 | 1); got != "likes|0x8" {
		t.Errorf("String(9) = %q, want likes|0x8", got)
	}
	if _, err := flagNames.Marshal(8); !errors.Is(err, errs.ErrInvalid) {
		t.Errorf("Marshal(unknown bit) err = %v, want ErrInvalid", err)
	}
	for _, bad := range []string{"", "|", "likes|views"} {
		if _, err := flagNames.Parse("", bad); !errors.Is(err, errs.ErrInvalid) {
			t.Errorf("Parse(%q) err = %v, want ErrInvalid", bad, err)
		}
	}
	if k := flagNames.Known(); k != 7 {
		t.Errorf("Known = %d, want 7", k)
	}
}

func FuzzRoundTrip(f *testing.F) {
	f.Add("likes|comments")
	f.Add("none")
	f.Add("RED")
	f.Fuzz(func(t *testing.T, text string) {
		if v, err := colors.Parse("", text); err == nil {
			if back, err := colors.Parse("", colors.String(v)); err != nil || back != v {
				t.Fatalf("%q → %d → %q → %d, %v", text, v, colors.String(v), back, err)
			}
		}
		if v, err := flagNames.Parse("", text); err == nil {
			b, err := flagNames.Marshal(v)
			if err != nil {
				t.Fatalf("parsed %q to %d that does not marshal: %v", text, v, err)
			}
			if back, err := flagNames.Parse("", string(b)); err != nil || back != v {
				t.Fatalf("%q → %d → %q → %d, %v", text, v, b, back, err)
			}
		}
	})
}

func TestUnmarshalNilReceiver(t *testing.T) {
	if err := colors.Unmarshal(nil, []byte("red")); !errors.Is(err, errs.ErrInvalid) {
		t.Errorf("Enum.Unmarshal(nil) err = %v, want ErrInvalid", err)
	}
	if err := flagNames.Unmarshal(nil, []byte("likes")); !errors.Is(err, errs.ErrInvalid) {
		t.Errorf("Bits.Unmarshal(nil) err = %v, want ErrInvalid", err)
	}
	want := "pkg: Color.UnmarshalText: receiver: nil"
	if err := colors.Unmarshal(nil, []byte("red")); err == nil || err.Error() != want {
		t.Errorf("message = %v, want %s", err, want)
	}
}
