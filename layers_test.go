package influencekit_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/influencekit/influencekit"

// allowed lists, for each package of the library, the packages of ours it may
// import (API.md, "Layers"). internal/… is allowed
// everywhere below examples, and a package may always import itself (external
// _test packages do).
var allowed = map[string][]string{
	"kpi":       nil,
	"audience":  nil,
	"budget":    nil,
	"roi":       {"kpi", "budget"},
	"collab":    {"kpi", "budget"},
	"feedback":  {"budget"},
	"selection": {"kpi", "audience", "budget", "collab"},
}

// TestImportLayers parses every Go file of the module (tests included) and
// fails when an import points up or sideways in the layers of API.md.
func TestImportLayers(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != "." && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		dir := filepath.ToSlash(filepath.Dir(path))
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p != module && !strings.HasPrefix(p, module+"/") {
				continue
			}
			ours := strings.TrimPrefix(strings.TrimPrefix(p, module), "/")
			if why := checkImport(dir, ours); why != "" {
				t.Errorf("%s imports %q: %s", path, p, why)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func checkImport(dir, imp string) string {
	top := strings.SplitN(dir, "/", 2)[0]
	impTop := strings.SplitN(imp, "/", 2)[0]
	switch {
	case top == "examples":
		// An example may import the library and its own packages
		// (examples/service importing examples/service/api), not another
		// example.
		if impTop == "examples" && exampleName(imp) != exampleName(dir) {
			return "an example imports only library packages and its own"
		}
		return ""
	case imp == "":
		return "the root package is documentation only"
	case impTop == "examples":
		return "only examples may import examples"
	case top == "internal":
		if impTop != "internal" {
			return "internal/… imports nothing above it"
		}
		return ""
	case impTop == "internal", impTop == top:
		return ""
	case dir == ".":
		// Root-level tests may import anything of ours.
		return ""
	}
	ok, known := allowed[top]
	if !known {
		return "package " + top + " is not in the layers of API.md; add it there and to layers_test.go"
	}
	for _, a := range ok {
		if a == impTop {
			return ""
		}
	}
	return "against the layers in API.md (" + top + " may import only " + strings.Join(append(ok, "internal/…"), ", ") + ")"
}

// exampleName returns NAME of "examples/NAME/…".
func exampleName(path string) string {
	parts := strings.SplitN(path, "/", 3)
	if len(parts) < 2 {
		return ""
	}
	return parts[1]
}

func TestCheckImport(t *testing.T) {
	for _, c := range []struct {
		dir, imp string
		ok       bool
	}{
		{"kpi", "internal/exact", true},
		{"kpi", "budget", false},
		{"audience", "kpi", false},
		{"roi", "kpi", true},
		{"roi", "budget", true},
		{"roi", "selection", false},
		{"roi", "audience", false},
		{"selection", "audience", true},
		{"selection", "roi", false},
		{"selection", "collab", true},
		{"collab", "kpi", true},
		{"collab", "budget", true},
		{"collab", "selection", false},
		{"collab", "roi", false},
		{"collab", "audience", false},
		{"kpi", "collab", false},
		{"budget", "budget", true},
		{"internal/exact", "kpi", false},
		{"internal/csvx", "internal/exact", true},
		{"examples/campaign", "selection", true},
		{"examples/campaign", "examples/service", false},
		{"examples/service/cmd/serve", "examples/service", true},
		{"examples/service", "examples/service/internal/x", true},
		{"examples", "examples/service", false},
		{"newpkg", "kpi", false},
	} {
		if got := checkImport(c.dir, c.imp) == ""; got != c.ok {
			t.Errorf("checkImport(%q, %q) allowed = %v, want %v", c.dir, c.imp, got, c.ok)
		}
	}
}

// TestAPIDocLayers keeps API.md's layer table and the allowed map above the
// same: every package of the map has a row in API.md naming exactly the
// packages it may import, and every row names a package of the map.
func TestAPIDocLayers(t *testing.T) {
	doc, err := os.ReadFile("API.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "## Layers")
	if !ok {
		t.Fatal("API.md has no \"## Layers\" section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	rows := map[string][]string{} // package → the packages its row allows
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) != 4 {
			continue
		}
		pkg := strings.Trim(strings.TrimSpace(cells[1]), "`")
		if _, ok := allowed[pkg]; !ok && (pkg == "package" || strings.HasPrefix(pkg, "examples") ||
			strings.HasPrefix(pkg, "internal") || strings.HasPrefix(pkg, "---")) {
			continue
		}
		var imports []string
		for _, imp := range strings.Split(cells[2], ",") {
			if imp = strings.Trim(strings.TrimSpace(imp), "`"); imp != "nothing of ours" {
				imports = append(imports, imp)
			}
		}
		rows[pkg] = imports
	}
	for pkg, want := range allowed {
		got, ok := rows[pkg]
		if !ok {
			t.Errorf("API.md's layer table has no row for %s", pkg)
			continue
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("API.md says %s may import %v; layers_test.go allows %v", pkg, got, want)
		}
	}
	for pkg := range rows {
		if _, ok := allowed[pkg]; !ok {
			t.Errorf("API.md lists %s, which layers_test.go does not know", pkg)
		}
	}
}
