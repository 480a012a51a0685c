package workflow

import (
	"embed"
	"regexp"
	"strconv"
	"strings"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
)

// The shipped templates' texts, one file per template.
//
//go:embed templates/*.txt
var templateFiles embed.FS

// BuiltinPrefix starts the ids of the shipped templates ("bawaan/siaran_pers").
// They are not records: they have no office and are never stored or
// synced. To adapt one, an office saves a copy (with an empty id) as its
// own data.Template.
const BuiltinPrefix = "bawaan/"

// builtins are the shipped templates: name, kind of draft, title, file.
var builtins = []struct{ name, kind, title, file string }{
	{"Siaran pers", "siaran_pers", "[Judul siaran pers]", "siaran_pers"},
	{"Klarifikasi hoaks", "klarifikasi_hoaks", "Klarifikasi: Tidak Benar [inti klaim]", "klarifikasi_hoaks"},
	{"Narasi tahapan pemilu/pemilihan", "narasi_tahapan", "[Nama tahapan]: [judul narasi]", "narasi_tahapan"},
	{"Pengumuman", "pengumuman", "Pengumuman tentang [perihal]", "pengumuman"},
}

// DefaultTemplates returns the shipped templates: press release, hoax
// clarification, election-stage narrative and announcement.
func DefaultTemplates() []data.Template {
	out := make([]data.Template, len(builtins))
	for i, b := range builtins {
		body, err := templateFiles.ReadFile("templates/" + b.file + ".txt")
		if err != nil {
			panic("workflow: shipped template missing: " + err.Error()) // caught by the package tests
		}
		out[i] = data.Template{Name: b.name, DraftKind: b.kind, Title: b.title, Body: string(body)}
		out[i].ID = BuiltinPrefix + b.file
	}
	return out
}

// IsBuiltin reports whether id names a shipped template.
func IsBuiltin(id string) bool { return strings.HasPrefix(id, BuiltinPrefix) }

// DefaultTemplate returns the shipped template with this id.
func DefaultTemplate(id string) (data.Template, bool) {
	for _, t := range DefaultTemplates() {
		if t.ID == id {
			return t, true
		}
	}
	return data.Template{}, false
}

// Placeholder is one {{name}} a template may hold.
type Placeholder struct {
	Name  string
	Label data.Text // what it is filled with
}

// Placeholders are the names Fill knows, in the order forms list them.
// Writing is {{name}}, spaces inside the braces allowed ({{ name }}).
var Placeholders = []Placeholder{
	{"nama_kantor", data.Text{ID: "Nama kantor (profil kantor)", EN: "Office name"}},
	{"alamat_kantor", data.Text{ID: "Alamat kantor", EN: "Office address"}},
	{"wilayah", data.Text{ID: "Wilayah kantor", EN: "Office region"}},
	{"telepon_kantor", data.Text{ID: "Telepon kantor", EN: "Office phone"}},
	{"email_kantor", data.Text{ID: "Email kantor", EN: "Office email"}},
	{"situs_kantor", data.Text{ID: "Situs web kantor", EN: "Office website"}},
	{"nama_pimpinan", data.Text{ID: "Nama pimpinan", EN: "Head's name"}},
	{"jabatan_pimpinan", data.Text{ID: "Jabatan pimpinan", EN: "Head's position"}},
	{"nip_pimpinan", data.Text{ID: "NIP pimpinan", EN: "Head's NIP"}},
	{"tempat", data.Text{ID: "Tempat penandatanganan (atau wilayah)", EN: "Place of signing (or region)"}},
	{"tanggal", data.Text{ID: "Tanggal, misalnya 10 Juli 2023", EN: "Date, e.g. 10 Juli 2023"}},
	{"hari_tanggal", data.Text{ID: "Hari dan tanggal, misalnya Senin, 10 Juli 2023", EN: "Day and date"}},
	{"tahun", data.Text{ID: "Tahun", EN: "Year"}},
	{"instansi", data.Text{ID: "Instansi terkait yang dipilih, misalnya \"A, B, dan C\"", EN: "The chosen agencies"}},
}

var placeholderRE = regexp.MustCompile(`\{\{\s*([A-Za-z0-9_]+)\s*\}\}`)

// Values are the placeholders' values for an office, its chosen agencies
// and a day. A value the office has not filled in is "".
func Values(office data.Office, agencies []data.Agency, day data.Date) map[string]string {
	names := make([]string, 0, len(agencies))
	for _, a := range agencies {
		if n := strings.TrimSpace(a.Name); n != "" {
			names = append(names, n)
		}
	}
	place := office.SignerPlace
	if place == "" {
		place = office.Region
	}
	v := map[string]string{
		"nama_kantor": office.Name, "alamat_kantor": office.Address, "wilayah": office.Region,
		"telepon_kantor": office.Phone, "email_kantor": office.Email, "situs_kantor": office.Website,
		"nama_pimpinan": office.HeadName, "jabatan_pimpinan": office.HeadPosition, "nip_pimpinan": office.HeadNIP,
		"tempat": place, "instansi": JoinID(names),
	}
	if !day.IsZero() {
		v["tanggal"], v["hari_tanggal"], v["tahun"] = iddate.Medium(day), iddate.Long(day), strconv.Itoa(day.Year)
	}
	return v
}

// FillText replaces the placeholders of text with values. A placeholder
// that is unknown, or whose value is empty (the office profile lacks it,
// no agency was chosen), is left exactly as written, so that the writer
// sees what still needs filling in; Unfilled lists them.
func FillText(text string, values map[string]string) string {
	return placeholderRE.ReplaceAllStringFunc(text, func(m string) string {
		name := placeholderRE.FindStringSubmatch(m)[1]
		if v := values[strings.ToLower(name)]; v != "" {
			return v
		}
		return m
	})
}

// Fill fills a template's body for an office, the chosen agencies and a
// day (see Values for what each placeholder takes, FillText for what is
// left as written).
func Fill(tpl data.Template, office data.Office, agencies []data.Agency, day data.Date) string {
	return FillText(tpl.Body, Values(office, agencies, day))
}

// NewDraft starts a draft from a template: its kind, the filled title and
// body, the agencies, and day as the planned date.
func NewDraft(tpl data.Template, office data.Office, agencies []data.Agency, day data.Date) data.Draft {
	v := Values(office, agencies, day)
	d := data.Draft{Title: FillText(tpl.Title, v), Body: FillText(tpl.Body, v), Kind: tpl.DraftKind,
		Status: data.StatusDraft, PlannedDate: day, Revision: 1}
	for _, a := range agencies {
		d.AgencyIDs = append(d.AgencyIDs, a.ID)
	}
	return d
}

// Unfilled lists the placeholders still in text, each once, in order.
func Unfilled(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range placeholderRE.FindAllStringSubmatch(text, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}

// JoinID joins names the Indonesian way: "A", "A dan B", "A, B, dan C".
func JoinID(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	case 2:
		return names[0] + " dan " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + ", dan " + names[len(names)-1]
}
