package api

import (
	"bytes"
	"encoding"
	"encoding/json"
	"reflect"
	"strings"

	"github.com/influencekit/influencekit/roi"
)

// kind is how the walker reads a type: as an object, an array, or a leaf
// that encoding/json reads whole (a scalar, or a type with its own
// UnmarshalJSON or UnmarshalText).
type kind int

const (
	leafKind kind = iota
	objectKind
	arrayKind
)

// fieldPlan is a struct field as the walker reads it: its index, its JSON
// name (the json tag's, or the Go name), its kind and its bound.
type fieldPlan struct {
	index int
	name  string
	kind  kind
	bound bound
}

// structPlan holds the fields of a struct type of a request, and their
// index by exact JSON name.
type structPlan struct {
	fields []fieldPlan
	exact  map[string]int
}

// field finds the field that encoding/json fills from key: the one of that
// JSON name, or else one whose name matches it ignoring case.
func (p *structPlan) field(key []byte) (fieldPlan, bool) {
	if p == nil {
		return fieldPlan{}, false
	}
	if i, ok := p.exact[string(key)]; ok {
		return p.fields[i], true
	}
	for _, f := range p.fields {
		if bytes.EqualFold([]byte(f.name), key) {
			return f, true
		}
	}
	return fieldPlan{}, false
}

// plans and kinds hold, for every type of a request (Campaign and what it
// holds), its fields and its kind; they are built once, then only read.
var (
	plans = map[reflect.Type]*structPlan{}
	kinds = map[reflect.Type]kind{}
)

func init() { addPlan(reflect.TypeFor[Campaign]()) }

// addPlan records t and the types it holds in plans and kinds.
func addPlan(t reflect.Type) {
	if _, ok := kinds[t]; ok {
		return
	}
	k := computeKind(t)
	kinds[t] = k
	switch k {
	case arrayKind:
		addPlan(t.Elem())
	case objectKind:
		p := &structPlan{exact: map[string]int{}}
		plans[t] = p
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if !f.IsExported() || name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			p.exact[name] = len(p.fields)
			addPlan(f.Type)
			p.fields = append(p.fields, fieldPlan{index: i, name: name, kind: kinds[f.Type], bound: boundOf(t, f)})
		}
	}
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// kindOf returns how the walker reads t.
func kindOf(t reflect.Type) kind {
	if k, ok := kinds[t]; ok {
		return k
	}
	return computeKind(t)
}

func computeKind(t reflect.Type) kind {
	pt := reflect.PointerTo(t)
	switch {
	case pt.Implements(unmarshalerType) || pt.Implements(textUnmarshalerType):
		return leafKind
	case t.Kind() == reflect.Struct:
		return objectKind
	case t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8:
		return arrayKind
	}
	return leafKind
}

// checks holds, by element type, the check of one element of a request's
// array, run as soon as the element is read (and by Build): a body of
// empty objects stops at the first. Its field is the element's own
// ("published_at"); under puts it under the element's path.
var checks = map[reflect.Type]func(v reflect.Value) *badRequest{
	reflect.TypeFor[Influencer](): func(v reflect.Value) *badRequest { return v.Addr().Interface().(*Influencer).check() },
	reflect.TypeFor[Post]():       func(v reflect.Value) *badRequest { return v.Addr().Interface().(*Post).check() },
	reflect.TypeFor[roi.Order]():  func(v reflect.Value) *badRequest { return checkOrder(v.Addr().Interface().(*roi.Order)) },
	reflect.TypeFor[Path]():       func(v reflect.Value) *badRequest { return v.Addr().Interface().(*Path).check() },
}

// under puts br's field under path: "published_at" under "posts[3]" is
// "posts[3].published_at"; nil stays nil.
func under(path string, br *badRequest) *badRequest {
	if br != nil {
		br.field = join(path, br.field)
	}
	return br
}
