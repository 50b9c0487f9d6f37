package api

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/influencekit/influencekit/internal/errs"
	"github.com/influencekit/influencekit/internal/limit"
	"github.com/shopspring/decimal"
)

// decode reads the body as one Campaign, in one pass that checks every
// value as it comes: its place in the Campaign type (a key that no field
// has is an error), its JSON kind, its length (MaxNumberLen, MaxTextLen,
// before the value is read), an array's length (MaxPosts and the others, at
// the first element beyond) and each influencer, post, order and path as
// soon as it is read (checks), so that a body of empty objects stops at the
// first. Every error is a *badRequest naming the field at fault;
// encoding/json alone would report a syntax error by its byte offset and an
// unknown field without its path, and read a 900,000-digit amount before
// any limit could be checked.
func decode(body []byte) (Campaign, error) {
	var c Campaign
	if len(bytes.TrimSpace(body)) == 0 {
		return c, bad(ErrEmpty, "", "empty body: POST a campaign")
	}
	w := walker{lex: lexer{b: body}, size: len(body)}
	if br := w.value(reflect.ValueOf(&c).Elem(), objectKind, nil, bound{}); br != nil {
		return Campaign{}, br
	}
	if !w.lex.atEnd() {
		return Campaign{}, bad(ErrSyntax, "", "more than one JSON value in the body")
	}
	return c, nil
}

type walker struct {
	lex  lexer
	size int
	// touches counts the elements of the arrays whose bound has a total
	// (the channels of all paths).
	touches int
}

// at is a field path, written out only for an error: the key of an
// object's field (elem false) or the index of an array's element, under
// parent; nil is the body.
type at struct {
	parent *at
	key    []byte
	index  int
	elem   bool
}

// String writes the path: "posts[3].likes".
func (a *at) String() string {
	if a == nil {
		return ""
	}
	if a.elem {
		return errs.Index(a.parent.String(), a.index)
	}
	return join(a.parent.String(), shortKey(string(a.key)))
}

// value reads the next JSON value into v, of kind k (kindOf(v.Type())),
// within b.
func (w *walker) value(v reflect.Value, k kind, path *at, b bound) *badRequest {
	t := v.Type()
	switch k {
	case objectKind:
		return w.object(v, path)
	case arrayKind:
		return w.array(v, path, b)
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if c := w.lex.peek(); c == '{' || c == '[' {
		return bad(ErrInvalid, path.String(), "want a %s, not %s", goKind(t), jsonKind(json.Delim(c)))
	}
	raw, err := w.lex.scalar(b.size, MaxNumberLen)
	switch {
	case err != nil:
		return w.malformed(err, path)
	case w.lex.long && raw[0] == '"':
		return bad(ErrTooLarge, path.String(), "longer than %s (%d bytes)", b.what, b.size)
	case w.lex.long:
		return bad(ErrTooLarge, path.String(), "longer than MaxNumberLen (%d bytes)", MaxNumberLen)
	}
	if br := checkLeaf(raw, t, path, b); br != nil {
		return br
	}
	if err := setLeaf(v, raw); err != nil {
		return bad(sentinelOf(err), path.String(), "%s", describe(err, t, raw))
	}
	return nil
}

// checkLeaf refuses a scalar raw for a value of type t (after pointers)
// longer than its bound before it is read ("longer than MaxNumberLen (40
// bytes): 900000 bytes"), and a decimal with a huge exponent, which decimal
// would refuse as a syntax error ("1e2147483647").
func checkLeaf(raw []byte, t reflect.Type, path *at, b bound) *badRequest {
	text, size, what := raw, b.size, b.what
	switch raw[0] {
	case 'n', 't', 'f':
		return nil // null, true, false: short
	case '"':
		text = raw[1 : len(raw)-1]
	default:
		size, what = MaxNumberLen, "MaxNumberLen"
	}
	if len(text) > size {
		return bad(ErrTooLarge, path.String(), "longer than %s (%d bytes): %d bytes", what, size, len(text))
	}
	if t == reflect.TypeFor[decimal.Decimal]() && hugeExponent(string(text)) {
		return bad(ErrTooLarge, path.String(), "exponent beyond ±%d (%s)", limit.MaxExponent, errs.Quote(string(text)))
	}
	return nil
}

// setLeaf sets the leaf v from raw, a JSON scalar, as json.Unmarshal does,
// without its allocations in the common cases: a type's UnmarshalJSON
// called directly, UnmarshalText or a string from a string without
// escapes, an integer parsed in place.
func setLeaf(v reflect.Value, raw []byte) error {
	t := v.Type()
	if t.Kind() == reflect.Pointer && raw[0] != 'n' {
		e := reflect.New(t.Elem())
		if err := setLeaf(e.Elem(), raw); err != nil {
			return err
		}
		v.Set(e)
		return nil
	}
	p := v.Addr().Interface()
	if raw[0] == 'n' {
		return json.Unmarshal(raw, p) // null: json's rules
	}
	if u, ok := p.(json.Unmarshaler); ok {
		return u.UnmarshalJSON(raw)
	}
	plain := raw[0] == '"' && bytes.IndexByte(raw, '\\') < 0 && utf8.Valid(raw)
	if u, ok := p.(encoding.TextUnmarshaler); ok && plain {
		return u.UnmarshalText(raw[1 : len(raw)-1])
	}
	switch {
	case t.Kind() == reflect.String && plain && !reflect.PointerTo(t).Implements(textUnmarshalerType):
		v.SetString(string(raw[1 : len(raw)-1]))
		return nil
	case t.Kind() == reflect.Int64 && raw[0] != '"':
		n, err := strconv.ParseInt(string(raw), 10, 64)
		if err != nil {
			return &json.UnmarshalTypeError{Value: "number " + string(raw), Type: t}
		}
		v.SetInt(n)
		return nil
	}
	return json.Unmarshal(raw, p)
}

// object reads a JSON object (or null) into the struct v: null leaves it as
// it is, a key given twice is read twice, the later value winning, as
// encoding/json does.
func (w *walker) object(v reflect.Value, path *at) *badRequest {
	if opened, br := w.open('{', "an object", v, path); !opened {
		return br // an error, or null
	}
	t := v.Type()
	if w.lex.peek() == '}' {
		w.lex.pos++
		return nil
	}
	// A fault after a value (`{"likes": 1x}`) is the value's: last is its
	// path.
	last := path
	for {
		if w.lex.peek() != '"' {
			return w.malformed(w.lex.fail("looking for beginning of object key string"), last)
		}
		raw, err := w.lex.scalar(MaxTextLen, 0)
		if err != nil {
			return w.malformed(err, last)
		}
		if w.lex.long { // no field has so long a name
			return bad(ErrInvalid, join(path.String(), shortKey(string(raw[1:]))), "unknown field %s (more than MaxTextLen, %d bytes): not part of %s",
				errs.Quote(string(raw[1:])), MaxTextLen, what(t))
		}
		sub := &at{parent: path, key: unquote(raw)}
		if err := w.lex.expect(':', "after object key"); err != nil {
			return w.malformed(err, sub)
		}
		f, ok := plans[t].field(sub.key)
		if !ok {
			return bad(ErrInvalid, sub.String(), "unknown field %s: not part of %s", errs.Quote(string(sub.key)), what(t))
		}
		if br := w.value(v.Field(f.index), f.kind, sub, f.bound); br != nil {
			return br
		}
		last = sub
		if closed, br := w.next('}', "after object key:value pair", last); closed || br != nil {
			return br
		}
	}
}

// open reads the opening delim of an object or array (opened), or null
// (which sets a slice v to nil), or fails naming what it wanted.
func (w *walker) open(delim byte, want string, v reflect.Value, path *at) (opened bool, br *badRequest) {
	c := w.lex.peek()
	switch {
	case c == delim:
		w.lex.pos++
		return true, nil
	case c == 'n':
		if _, err := w.lex.scalar(0, 0); err != nil {
			return false, w.malformed(err, path)
		}
		if v.Kind() == reflect.Slice {
			v.SetZero()
		}
		return false, nil
	case c == '{' || c == '[':
		return false, bad(ErrInvalid, path.String(), "want %s, not %s", want, jsonKind(json.Delim(c)))
	}
	// Another value is named by its first byte, and not read.
	kind := map[byte]string{'"': "a string", 't': "a boolean", 'f': "a boolean", '-': "a number"}[c]
	if kind == "" && c >= '0' && c <= '9' {
		kind = "a number"
	}
	if kind == "" {
		_, err := w.lex.scalar(0, 0) // not the start of a value
		return false, w.malformed(err, path)
	}
	return false, bad(ErrInvalid, path.String(), "want %s, not %s", want, kind)
}

// next reads the comma before the next member or element, or the closing
// delim (closed).
func (w *walker) next(delim byte, context string, last *at) (closed bool, br *badRequest) {
	switch w.lex.peek() {
	case ',':
		w.lex.pos++
		return false, nil
	case delim:
		w.lex.pos++
		return true, nil
	}
	return false, w.malformed(w.lex.fail(context), last)
}

// array reads a JSON array (or null) into the slice v, refusing the
// element past b.items before reading it, and checking each element as
// soon as it is read.
func (w *walker) array(v reflect.Value, path *at, b bound) *badRequest {
	if opened, br := w.open('[', "an array", v, path); !opened {
		return br // an error, or null
	}
	if v.IsNil() {
		v.Set(reflect.MakeSlice(v.Type(), 0, 0)) // [] is empty, not nil
	}
	v.SetLen(0)
	if w.lex.peek() == ']' {
		w.lex.pos++
		return nil
	}
	et := v.Type().Elem()
	elem, ek, check := leafBound(et), kindOf(et), checks[et]
	for i := 0; ; i++ {
		last := &at{parent: path, index: i, elem: true}
		if i >= b.items {
			return bad(ErrTooLarge, last.String(), "more than %s (%d) elements", b.what, b.items)
		}
		if b.total > 0 {
			if w.touches++; w.touches > b.total {
				return bad(ErrTooLarge, last.String(), "more than MaxTotalTouches (%d) channels in all paths", b.total)
			}
		}
		v.Grow(1)
		v.SetLen(i + 1)
		if br := w.value(v.Index(i), ek, last, elem); br != nil {
			return br
		}
		if check != nil {
			if br := check(v.Index(i)); br != nil {
				return under(last.String(), br)
			}
		}
		if closed, br := w.next(']', "after array element", last); closed || br != nil {
			return br
		}
	}
}

// unquote returns the text of the JSON string raw.
func unquote(raw []byte) []byte {
	if bytes.IndexByte(raw, '\\') < 0 && utf8.Valid(raw) {
		return raw[1 : len(raw)-1]
	}
	var s string
	_ = json.Unmarshal(raw, &s) // raw is a valid JSON string
	return []byte(s)
}

// malformed describes a syntax error met at path. Bytes are counted from 1:
// the offending byte is the one after the Offset bytes read.
func (w *walker) malformed(err *syntaxError, at *at) *badRequest {
	path := at.String()
	if err.eof {
		return bad(ErrSyntax, path, "malformed JSON: the body ends at byte %d, inside this value", w.size)
	}
	return bad(ErrSyntax, path, "malformed JSON at byte %d: %s", err.off+1, err.msg)
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
	msg, value := err.Error(), " ("+errs.Quote(text)+")"
	if len(msg) > 200 { // a type's message quoting the value in full
		msg = fmt.Sprintf("not a valid %s", goKind(t))
	}
	if strings.HasSuffix(msg, value) {
		return msg // kpi's and budget's messages end with the value
	}
	return msg + value
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
