package app

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"github.com/humasdesk/humasdesk/assets"
)

func TestIndonesianIsShown(t *testing.T) {
	for in, want := range map[string]string{
		"Home": "Beranda", "Agencies": "Instansi", "Content": "Konten",
		"Activities/Reports": "Kegiatan/Laporan", "Settings": "Pengaturan",
		"Cancel": "Batal", "Yes": "Ya", "No": "Tidak", "Save": "Simpan", "Open": "Buka",
	} {
		if got := lang.L(in); got != want {
			t.Errorf("lang.L(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every string the package wraps in lang.L has an Indonesian translation,
// as do the strings of Fyne's own dialogs.
func TestEveryStringIsTranslated(t *testing.T) {
	b, err := assets.Translations.ReadFile(translationFile)
	if err != nil {
		t.Fatal(err)
	}
	var id map[string]any
	if err := json.Unmarshal(b, &id); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"Cancel", "Confirm", "Error", "File", "Folder", "New Folder", "No", "OK", "Open", "Save", "Yes", "Undo", "Copy", "Paste"} {
		if _, ok := id[k]; !ok {
			t.Errorf("Fyne's %q is not translated", k)
		}
	}
	used := map[string]bool{}
	for _, k := range wrappedStrings(t) {
		used[k] = true
		if _, ok := id[k]; !ok {
			t.Errorf("%q is not in %s", k, translationFile)
		}
	}
	// And nothing else is: a key no code asks for is a translation that
	// drifted from its source string.
	for k := range id {
		if !used[k] && !fyneKeys[k] {
			t.Errorf("%s has %q, which nothing uses", translationFile, k)
		}
	}
}

// fyneKeys are the strings of Fyne's own widgets and dialogs, from its
// lang/translations/base.en.json (v2.7.1).
var fyneKeys = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`Advanced Cancel Confirm Copy Create_Folder Cut Enter_filename Error
		Favourites File Folder New_Folder No OK Open Paste Quit Redo Save Select_all Show_Hidden_Files
		Undo Yes file.name file.parent monday tuesday wednesday thursday friday saturday sunday`) {
		k = strings.ReplaceAll(k, "_", " ")
		fyneKeys[k] = true
		fyneKeys[k+".short"] = true
	}
}

// wrappedStrings finds the literal arguments of lang.L in the package and
// the packages under it (kit and the screens), which share its
// translations.
func wrappedStrings(t *testing.T) []string {
	files, _ := filepath.Glob("*.go")
	sub, _ := filepath.Glob("*/*.go")
	files = append(files, sub...)
	var out []string
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "L" {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); !ok || x.Name != "lang" {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				out = append(out, s)
			}
			return true
		})
	}
	if len(out) < 50 {
		t.Fatalf("found only %d wrapped strings; is the parser looking at the right files?", len(out))
	}
	return out
}
