package csvimport

import (
	"embed"
	"strings"
)

//go:embed templates/kegiatan.csv templates/instansi.csv templates/kliping.csv
var templates embed.FS

// Template returns the example file of a kind of import: the header and
// two example lines, UTF-8 with a byte-order mark, comma-separated. kind is
// KindEntries ("kegiatan") or KindAgencies ("instansi"); "entries" and
// "agencies" are accepted too. It returns nil for an unknown kind. The same
// files are in docs/templates/ for users.
func Template(kind string) []byte {
	switch strings.ToLower(strings.TrimSpace(kind)) {
	case KindEntries, "entries", "entry":
		kind = KindEntries
	case KindAgencies, "agencies", "agency":
		kind = KindAgencies
	case KindClippings, "clippings", "clipping":
		kind = KindClippings
	default:
		return nil
	}
	b, err := templates.ReadFile("templates/" + kind + ".csv")
	if err != nil {
		panic("csvimport: embedded template missing: " + err.Error())
	}
	return b
}

// TemplateName returns the file name to offer when saving a template.
func TemplateName(kind string) string {
	if Template(kind) == nil {
		return ""
	}
	if k := strings.ToLower(strings.TrimSpace(kind)); k == KindAgencies || strings.HasPrefix(k, "agenc") {
		return "templat-instansi.csv"
	} else if k == KindClippings || strings.HasPrefix(k, "clipping") {
		return "templat-kliping.csv"
	}
	return "templat-kegiatan.csv"
}
