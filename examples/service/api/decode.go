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

	"github.com/influencekit/influencekit/internal/errs"
)

// decode reads the body as one Campaign. Every error is a *badRequest
// naming the field at fault: encoding/json reports a syntax error by its
// byte offset and an unknown field without its path, so a failed decoding
// is walked again by locate, which finds the path.
func decode(body []byte) (Campaign, error) {
	var c Campaign
	if len(bytes.TrimSpace(body)) == 0 {
		return c, bad("", "empty body: POST a campaign")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		if br := locate(body); br != nil {
			return c, br
		}
		return c, bad("", "%v", err) // not reached: locate fails where Decode does
	}
	if _, err := dec.Token(); err != io.EOF {
		return c, bad("", "more than one JSON value in the body")
	}
	return c, nil
}

// locate walks body along the Campaign type and returns the first fault
// with its path: malformed JSON, a key that no field has, or a value its
// field cannot hold. It returns nil if it finds none.
func locate(body []byte) *badRequest {
	w := walker{dec: json.NewDecoder(bytes.NewReader(body)), size: len(body)}
	return w.value(reflect.TypeFor[Campaign](), "")
}

type walker struct {
	dec  *json.Decoder
	size int
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// value checks the next JSON value against t.
func (w *walker) value(t reflect.Type, path string) *badRequest {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	pt := reflect.PointerTo(t)
	leaf := pt.Implements(unmarshalerType) || pt.Implements(textUnmarshalerType)
	switch {
	case !leaf && t.Kind() == reflect.Struct:
		return w.object(t, path)
	case !leaf && t.Kind() == reflect.Slice:
		return w.array(t.Elem(), path)
	}
	var raw json.RawMessage
	if err := w.dec.Decode(&raw); err != nil {
		return w.malformed(err, path)
	}
	if err := json.Unmarshal(raw, reflect.New(t).Interface()); err != nil {
		return bad(path, "%s", describe(err, t, raw))
	}
	return nil
}

// object checks a JSON object (or null) against the struct type t.
func (w *walker) object(t reflect.Type, path string) *badRequest {
	tok, err := w.dec.Token()
	if err != nil {
		return w.malformed(err, path)
	}
	if tok == nil {
		return nil // null leaves the struct as it is
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return bad(path, "want an object, not %s", jsonKind(tok))
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
		sub := join(path, key)
		f, ok := fieldByName(t, key)
		if !ok {
			return bad(sub, "unknown field %q: not part of %s", key, what(t))
		}
		if br := w.value(f.Type, sub); br != nil {
			return br
		}
		last = sub
	}
	if _, err := w.dec.Token(); err != nil { // '}'
		return w.malformed(err, last)
	}
	return nil
}

// array checks a JSON array (or null) whose elements are of type elem.
func (w *walker) array(elem reflect.Type, path string) *badRequest {
	tok, err := w.dec.Token()
	if err != nil {
		return w.malformed(err, path)
	}
	if tok == nil {
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return bad(path, "want an array, not %s", jsonKind(tok))
	}
	last := path
	for i := 0; w.dec.More(); i++ {
		last = errs.Index(path, i)
		if br := w.value(elem, last); br != nil {
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
		return bad(path, "malformed JSON at byte %d: %s", se.Offset+1, se.Error())
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return bad(path, "malformed JSON: the body ends at byte %d, inside this value", w.size)
	}
	return bad(path, "malformed JSON: %s", err.Error())
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
	return fmt.Sprintf("%s (%s)", err.Error(), errs.Quote(text))
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
