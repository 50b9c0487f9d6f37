package hostile

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Exported lists, sorted and once each, the exported functions and methods declared in
// the non-test .go files of dir, as "Func" or "Type.Method" (the receiver
// of a generic type named without its type parameters). A method of an
// unexported type is listed only when unexportedTypes is set (an exported
// method such as Error of an unexported error type reaches callers through
// an interface).
func Exported(dir string, unexportedTypes bool) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var names []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			if n, ok := apiName(d, unexportedTypes); ok {
				names = append(names, n)
			}
		}
	}
	slices.Sort(names)
	return slices.Compact(names), nil // a function of several build-tagged files once
}

// apiName is "Func" or "Type.Method" for an exported function or method.
func apiName(d ast.Decl, unexportedTypes bool) (string, bool) {
	fd, ok := d.(*ast.FuncDecl)
	if !ok || !fd.Name.IsExported() {
		return "", false
	}
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name, true
	}
	typ := fd.Recv.List[0].Type
	if s, ok := typ.(*ast.StarExpr); ok {
		typ = s.X
	}
	switch g := typ.(type) {
	case *ast.IndexExpr:
		typ = g.X
	case *ast.IndexListExpr:
		typ = g.X
	}
	id, ok := typ.(*ast.Ident)
	if !ok || (!id.IsExported() && !unexportedTypes) {
		return "", false
	}
	return id.Name + "." + fd.Name.Name, true
}

// Missing returns the names of api that called does not hold and skip
// does not excuse with a reason, in api's order.
func Missing(api []string, called map[string]bool, skip map[string]string) []string {
	var missing []string
	for _, n := range api {
		if !called[n] && skip[n] == "" {
			missing = append(missing, n)
		}
	}
	return missing
}

// CoversAPI fails t naming every name of Exported(dir, unexportedTypes)
// that called does not hold and skip does not excuse (add it to the
// hostile table, or to skip with a reason), and fails it when fewer than
// atLeast names are found (the listing is broken).
func CoversAPI(t testing.TB, dir string, unexportedTypes bool, called map[string]bool, skip map[string]string, atLeast int) {
	t.Helper()
	api, err := Exported(dir, unexportedTypes)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range Missing(api, called, skip) {
		t.Errorf("%s is exported but not in the hostile table (add it, or list it in the skip map with a reason)", n)
	}
	if len(api) < atLeast {
		t.Errorf("found only %d exported functions and methods: the listing is broken", len(api))
	}
}

// Names returns the set of fn(c) for the calls of a hostile table: the
// names it calls, for CoversAPI.
func Names[C any](calls []C, fn func(C) string) map[string]bool {
	called := make(map[string]bool, len(calls))
	for _, c := range calls {
		called[fn(c)] = true
	}
	return called
}
