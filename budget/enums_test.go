package budget

import (
	"encoding"
	"errors"
	"testing"
)

func TestEnumText(t *testing.T) {
	type textEnum interface {
		encoding.TextMarshaler
		String() string
	}
	cases := []struct {
		v    textEnum
		back encoding.TextUnmarshaler
		want string
	}{
		{WaterFilling, new(Method), "water-filling"},
		{GridDP, new(Method), "grid-dp"},
		{PerThousandViews, new(Basis), "per-thousand-views"},
		{AverageReturn, new(ReturnKind), "average"},
		{WeibullPDF, new(WeibullKind), "pdf"},
		{FormatVideo, new(Format), "video"},
	}
	for _, c := range cases {
		b, err := c.v.MarshalText()
		if err != nil || string(b) != c.want || c.v.String() != c.want {
			t.Errorf("%v: MarshalText = %q, %v; want %q", c.v, b, err, c.want)
		}
		if err := c.back.UnmarshalText(b); err != nil {
			t.Errorf("UnmarshalText(%q): %v", b, err)
		}
		if got := c.back.(interface{ String() string }).String(); got != c.want {
			t.Errorf("round trip %q → %q", c.want, got)
		}
		if err := c.back.UnmarshalText([]byte("nope")); !errors.Is(err, ErrInvalid) {
			t.Errorf("UnmarshalText(nope) = %v", err)
		}
		// a failed UnmarshalText leaves the value as it was
		if got := c.back.(interface{ String() string }).String(); got != c.want {
			t.Errorf("after UnmarshalText(nope): %q, want %q unchanged", got, c.want)
		}
	}
	for _, v := range []textEnum{Method(9), Basis(-1), ReturnKind(5), WeibullKind(2)} {
		if _, err := v.MarshalText(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%v: MarshalText err = %v", v, err)
		}
	}
	if Method(9).String() != "Method(9)" {
		t.Errorf("Method(9).String() = %q", Method(9).String())
	}
}
