package api

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode/utf8"

	"github.com/influencekit/influencekit/internal/errs"
)

// decode reads the body as one Campaign, in one pass that checks every
// value as it comes: its place in the Campaign type (a key that no field
// has is an error), its JSON kind, its length (MaxNumberLen, MaxTextLen,
// before the value is read) and an array's length (MaxPosts and the
// others, at the first element beyond). Every error is a *badRequest naming
// the field at fault; encoding/json alone would report a syntax error by its
// byte offset and an unknown field without its path, and read a
// 900,000-digit amount before any limit could be checked.
func decode(body []byte) (Campaign, error) {
	var c Campaign
	if len(bytes.TrimSpace(body)) == 0 {
		return c, bad(ErrEmpty, "", "empty body: POST a campaign")
	}
	w := walker{dec: json.NewDecoder(bytes.NewReader(body)), size: len(body)}
	if br := w.value(reflect.ValueOf(&c).Elem(), "", bound{}); br != nil {
		return Campaign{}, br
	}
	if _, err := w.dec.Token(); err != io.EOF {
		return Campaign{}, bad(ErrSyntax, "", "more than one JSON value in the body")
	}
	return c, nil
}

type walker struct {
	dec  *json.Decoder
	size int
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// value reads the next JSON value into v, within b.
func (w *walker) value(v reflect.Value, path string, b bound) *badRequest {
	t := v.Type()
	pt := reflect.PointerTo(t)
	leaf := pt.Implements(unmarshalerType) || pt.Implements(textUnmarshalerType)
	switch {
	case !leaf && t.Kind() == reflect.Struct:
		return w.object(v, path)
	case !leaf && t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8:
		return w.array(v, path, b)
	}
	var raw json.RawMessage
	if err := w.dec.Decode(&raw); err != nil {
		return w.malformed(err, path)
	}
	if br := checkLeaf(raw, t, path, b); br != nil {
		return br
	}
	if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		return bad(sentinelOf(err), path, "%s", describe(err, t, raw))
	}
	return nil
}

// checkLeaf refuses a scalar raw for a field of type t (after pointers)
// when it is an object or an array, or longer than its bound, before it is
// read: "want a string, not an array", "longer than MaxNumberLen (40
// bytes): 900002 bytes".
func checkLeaf(raw json.RawMessage, t reflect.Type, path string, b bound) *badRequest {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch raw[0] {
	case '{', '[':
		return bad(ErrInvalid, path, "want a %s, not %s", goKind(t), jsonKind(json.Delim(raw[0])))
	case 'n', 't', 'f':
		return nil // null, true, false: short
	case '"':
		if n := len(raw) - 2; n > b.size {
			return bad(ErrTooLarge, path, "longer than %s (%d bytes): %d bytes", b.what, b.size, n)
		}
		return nil
	}
	if len(raw) > MaxNumberLen {
		return bad(ErrTooLarge, path, "longer than MaxNumberLen (%d bytes): %d bytes", MaxNumberLen, len(raw))
	}
	return nil
}

// object reads a JSON object (or null) into the struct v: null leaves it as
// it is, a key given twice is read twice, the later value winning, as
// encoding/json does.
func (w *walker) object(v reflect.Value, path string) *badRequest {
	tok, err := w.dec.Token()
	if err != nil {
		return w.malformed(err, path)
	}
	if tok == nil {
		return nil
	}
	t := v.Type()
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return bad(ErrInvalid, path, "want an object, not %s", jsonKind(tok))
	}
	// A fault after a value (`{"likes": 1x}`) is the value's: last is its
	// path.
	last := path
	for w.dec.More() {
		tok, err := w.dec.Token()
		if err != nil {
			return w.malformed(err, last)
		}
		key, _ := tok.(string) // a key is always a string in valid JSON
		sub := join(path, shortKey(key))
		f, ok := fieldByName(t, key)
		if !ok {
			return bad(ErrInvalid, sub, "unknown field %s: not part of %s", errs.Quote(key), what(t))
		}
		if br := w.value(v.FieldByIndex(f.Index), sub, boundOf(t, f)); br != nil {
			return br
		}
		last = sub
	}
	if _, err := w.dec.Token(); err != nil { // '}'
		return w.malformed(err, last)
	}
	return nil
}

// array reads a JSON array (or null) into the slice v, refusing the
// element past b.items before reading it.
func (w *walker) array(v reflect.Value, path string, b bound) *badRequest {
	tok, err := w.dec.Token()
	if err != nil {
		return w.malformed(err, path)
	}
	if tok == nil {
		v.SetZero()
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return bad(ErrInvalid, path, "want an array, not %s", jsonKind(tok))
	}
	v.SetLen(0)
	last := path
	elem := leafBound(v.Type().Elem())
	for i := 0; w.dec.More(); i++ {
		last = errs.Index(path, i)
		if i >= b.items {
			return bad(ErrTooLarge, last, "more than %s (%d) elements", b.what, b.items)
		}
		v.Grow(1)
		v.SetLen(i + 1)
		if br := w.value(v.Index(i), last, elem); br != nil {
			return br
		}
	}
	if _, err := w.dec.Token(); err != nil { // ']', or a fault after the last element
		return w.malformed(err, last)
	}
	return nil
}

// malformed describes a syntax error met at path. Bytes are counted from 1:
// the offending byte is the one after the Offset bytes json read.
func (w *walker) malformed(err error, path string) *badRequest {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return bad(ErrSyntax, path, "malformed JSON at byte %d: %s", se.Offset+1, se.Error())
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return bad(ErrSyntax, path, "malformed JSON: the body ends at byte %d, inside this value", w.size)
	}
	return bad(ErrSyntax, path, "malformed JSON: %s", err.Error())
}

// shortKey is key for a field path, cut to its first 64 bytes and "…" when
// longer (no field has so long a name: the key is unknown, and its error
// quotes it shortened).
func shortKey(key string) string {
	if len(key) <= 64 {
		return key
	}
	cut := key[:64]
	for !utf8.ValidString(cut) && len(cut) > 60 {
		cut = cut[:len(cut)-1]
	}
	return cut + "…"
}

// sentinelOf is the sentinel of json.Unmarshal's error err for a leaf: the
// one it wraps (a platform's or currency's ErrInvalid), ErrInvalid for a
// value of the wrong JSON kind or out of its type's range, ErrSyntax for
// text that is not a time or decimal.
func sentinelOf(err error) error {
	for _, s := range []error{ErrInvalid, ErrSyntax, ErrTooLarge, ErrNegative} {
		if errors.Is(err, s) {
			return s
		}
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return ErrInvalid
	}
	return ErrSyntax
}

// describe says why raw does not fit t, in the request's terms.
func describe(err error, t reflect.Type, raw json.RawMessage) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("want a %s, not a JSON %s", goKind(t), te.Value)
	}
	// A type's own UnmarshalJSON or UnmarshalText error (a platform, a
	// time, a decimal) names what was wrong; the path is ours.
	var text string
	if json.Unmarshal(raw, &text) != nil {
		text = string(raw)
	}
	msg := err.Error()
	if len(msg) > 200 { // a type's message quoting the value in full
		msg = fmt.Sprintf("not a valid %s", goKind(t))
	}
	return fmt.Sprintf("%s (%s)", msg, errs.Quote(text))
}

// fieldByName finds the struct field that encoding/json fills from key:
// its json tag name, or its Go name, matched ignoring case.
func fieldByName(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if strings.EqualFold(name, key) {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// join appends key to path: "posts[3]" and "likes" make "posts[3].likes";
// an empty key is written [""].
func join(path, key string) string {
	switch {
	case key == "":
		return path + `[""]`
	case path == "":
		return key
	}
	return path + "." + key
}

// what names a request type for a message.
func what(t reflect.Type) string {
	switch t {
	case reflect.TypeFor[Campaign]():
		return "a campaign"
	case reflect.TypeFor[Influencer]():
		return "an influencer"
	case reflect.TypeFor[Post]():
		return "a post"
	case reflect.TypeFor[Path]():
		return "a path"
	}
	return "this object"
}

// goKind names t as a JSON reader knows it.
func goKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "whole number"
	case reflect.Bool:
		return "boolean"
	}
	return t.String()
}

// jsonKind names a token's JSON type.
func jsonKind(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '[' {
			return "an array"
		}
		return "an object"
	case string:
		return "a string"
	case float64, json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return "null"
}
