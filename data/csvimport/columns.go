package csvimport

import (
	"strings"
	"unicode"

	"github.com/humasdesk/humasdesk/data"
)

// Column describes one column of an import layout.
type Column struct {
	Name     string    // the canonical header, as in the templates: "tanggal_mulai"
	Label    string    // the header as a person writes it: "Tanggal mulai"
	Field    string    // the data field it fills (data.FieldError.Field)
	Required bool      // the column must be present (and, for most, filled)
	Help     string    // accepted values, in Indonesian, for previews and docs
	label    data.Text // the field's label in data, also accepted as a header
	aliases  []string  // further accepted headers
	// legacy columns are still read, from files of earlier versions, but
	// no longer written or offered in templates.
	legacy bool
}

// layout is the set of columns of one kind of file.
type layout struct {
	kind    string
	columns []Column
	ignored map[string]bool   // header keys read but not imported
	lookup  map[string]Column // every accepted header key → column
	byField map[string]string // data field → column name
}

func newLayout(kind string, cols []Column, ignored ...string) *layout {
	l := &layout{kind: kind, columns: cols, ignored: map[string]bool{}, lookup: map[string]Column{}, byField: map[string]string{}}
	for _, k := range ignored {
		l.ignored[k] = true
	}
	for _, c := range cols {
		for _, h := range append([]string{c.Name, c.Label, c.Field, c.label.ID, c.label.EN}, c.aliases...) {
			if k := headerKey(h); k != "" {
				l.lookup[k] = c
			}
		}
		l.byField[c.Field] = c.Name
	}
	return l
}

// names lists the canonical column names, for error messages.
func (l *layout) names() string {
	out := make([]string, len(l.columns))
	for i, c := range l.columns {
		out[i] = c.Name
	}
	return strings.Join(out, ", ")
}

// header returns the canonical header line.
func (l *layout) header() []string {
	var out []string
	for _, c := range l.current() {
		out = append(out, c.Name)
	}
	return out
}

// current lists the columns files are written with: all but the legacy ones.
func (l *layout) current() []Column {
	var out []Column
	for _, c := range l.columns {
		if !c.legacy {
			out = append(out, c)
		}
	}
	return out
}

// headerKey reduces a header cell to the form columns are matched by:
// lower case, words joined by "_", with a trailing note in brackets and
// any marks dropped. "Tanggal mulai (dd/mm/yyyy)*" → "tanggal_mulai".
func headerKey(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "\ufeff")
	if i := strings.IndexAny(s, "(["); i > 0 {
		s = s[:i]
	}
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			b.WriteRune(r)
		} else {
			gap = true
		}
	}
	return b.String()
}

// Kinds of import file, as Template and the command line name them.
const (
	KindEntries  = "kegiatan"
	KindAgencies = "instansi"
)

// Column names of the activity layout.
const (
	ColStartDate = "tanggal_mulai"
	ColEndDate   = "tanggal_selesai"
	ColTitle     = "judul"
	ColType      = "jenis_kegiatan"
	ColStrategy  = "strategi"
	ColLocation  = "lokasi"
	ColOnline    = "daring"
	ColPartners  = "mitra"
	ColPeople    = "peserta"
	ColOutputs   = "keluaran"
	ColReach     = "jangkauan"
	// ColRealised is the Ya/Tidak column of files from before the activity
	// state; ColStatus replaces it (a file may hold either).
	ColRealised  = "terlaksana"
	ColStatus    = "status"
	ColReason    = "alasan_tidak_terlaksana"
	ColObstacles = "kendala"
	ColFollowUp  = "tindak_lanjut"
	ColLinks     = "tautan_bukti"
	ColNotes     = "catatan"
	// ColOffice is written by a consolidated (rollup) export and ignored on
	// import: imported rows always belong to the importing office.
	ColOffice = "kantor"
)

// Column names of the agency layout (catatan is shared).
const (
	ColName    = "nama"
	ColKind    = "jenis"
	ColLevel   = "tingkat"
	ColRegion  = "wilayah"
	ColAddress = "alamat"
	ColContact = "narahubung"
	ColPhone   = "telepon"
	ColEmail   = "email"
	ColWebsite = "situs_web"
	ColSocial  = "media_sosial"
)

const (
	helpDate = "tanggal: 10/07/2023, 10-07-2023, 10 Juli 2023, 10 Jul 2023, Senin, 10 Juli 2023, atau 2023-07-10 (hari dulu, lalu bulan)"
	helpInt  = "bilangan bulat tidak negatif; titik atau koma sebagai pemisah ribuan boleh (1.250); kosong = 0"
)

var entryLayout = newLayout(KindEntries, []Column{
	{Name: ColStartDate, Label: "Tanggal mulai", Field: "start_date", Required: true, label: data.LabelStartDate,
		Help: helpDate, aliases: []string{"tanggal", "tgl_mulai", "tgl", "mulai"}},
	{Name: ColEndDate, Label: "Tanggal selesai", Field: "end_date", label: data.LabelEndDate,
		Help: helpDate + "; kosong = sama dengan tanggal mulai", aliases: []string{"tgl_selesai", "selesai", "sampai"}},
	{Name: ColTitle, Label: "Judul kegiatan", Field: "title", Required: true, label: data.LabelTitle,
		Help: "teks, wajib, paling banyak 200 karakter", aliases: []string{"judul", "nama_kegiatan", "kegiatan"}},
	{Name: ColType, Label: "Jenis kegiatan", Field: "activity_type", Required: true, label: data.LabelActivityType,
		Help: "kode atau nama: " + vocabHelp(data.ActivityTypes)},
	{Name: ColStrategy, Label: "Strategi", Field: "strategy", Required: true, label: data.LabelStrategy,
		Help: "nomor 1–8 atau nama strategi Bakohumas", aliases: []string{"nomor_strategi", "no_strategi"}},
	{Name: ColLocation, Label: "Lokasi", Field: "location", label: data.LabelLocation,
		Help: "teks, paling banyak 200 karakter", aliases: []string{"tempat"}},
	{Name: ColOnline, Label: "Daring", Field: "online", label: data.LabelOnline,
		Help: "Ya/Tidak, Daring/Luring, 1/0, true/false; kosong = Tidak (luring)", aliases: []string{"daring_luring", "online"}},
	{Name: ColPartners, Label: "Mitra", Field: "partner_ids", label: data.LabelPartners,
		Help: "nama instansi mitra yang sudah ada, dipisah ; atau |", aliases: []string{"mitra_kegiatan"}},
	{Name: ColPeople, Label: "Peserta", Field: "participants", label: data.LabelParticipants, Help: helpInt},
	{Name: ColOutputs, Label: "Keluaran", Field: "outputs", label: data.LabelOutputs, Help: helpInt, aliases: []string{"output"}},
	{Name: ColReach, Label: "Jangkauan", Field: "reach", label: data.LabelReach, Help: helpInt},
	{Name: ColStatus, Label: "Status kegiatan", Field: "status", label: data.LabelEntryStatus,
		Help: "Direncanakan, Terlaksana, atau Tidak terlaksana; kosong = Direncanakan bila tanggal mulai sesudah hari ini, " +
			"selain itu Terlaksana (atau menurut kolom terlaksana Ya/Tidak dari berkas versi lama)", aliases: []string{"status_pelaksanaan", "keadaan"}},
	{Name: ColReason, Label: "Alasan tidak terlaksana", Field: "not_done_reason", label: data.LabelNotDoneReason,
		Help: "teks; wajib bila status Tidak terlaksana", aliases: []string{"alasan", "alasan_batal"}},
	{Name: ColRealised, Label: "Terlaksana", Field: "realised", label: data.LabelRealised, legacy: true,
		Help: "kolom berkas versi lama: Ya/Tidak, Sudah/Belum, 1/0, true/false; dipakai bila kolom status kosong", aliases: []string{"realisasi"}},
	{Name: ColObstacles, Label: "Kendala", Field: "obstacles", label: data.LabelObstacles, Help: "teks", aliases: []string{"hambatan"}},
	{Name: ColFollowUp, Label: "Tindak lanjut", Field: "follow_up", label: data.LabelFollowUp, Help: "teks"},
	{Name: ColLinks, Label: "Tautan bukti", Field: "evidence_links", label: data.LabelEvidenceLinks,
		Help: "alamat http:// atau https://, beberapa dipisah spasi, ; atau |", aliases: []string{"tautan", "link", "bukti"}},
	{Name: ColNotes, Label: "Catatan", Field: "notes", label: data.LabelNotes, Help: "teks", aliases: []string{"keterangan"}},
}, "no", "nomor", "nama_strategi", ColOffice)

var agencyLayout = newLayout(KindAgencies, []Column{
	{Name: ColName, Label: "Nama instansi", Field: "name", Required: true, label: data.LabelName,
		Help: "teks, wajib, paling banyak 200 karakter; dipakai untuk mencocokkan kolom mitra kegiatan", aliases: []string{"instansi"}},
	{Name: ColKind, Label: "Jenis instansi", Field: "kind", Required: true, label: data.LabelKind,
		Help: "kode atau nama: " + vocabHelp(data.AgencyKinds)},
	{Name: ColLevel, Label: "Tingkat", Field: "level", label: data.LabelLevel,
		Help: "kode atau nama: " + vocabHelp(data.Levels) + "; boleh kosong"},
	{Name: ColRegion, Label: "Wilayah", Field: "region", label: data.LabelRegion, Help: "teks", aliases: []string{"daerah"}},
	{Name: ColAddress, Label: "Alamat", Field: "address", label: data.LabelAddress, Help: "teks, paling banyak 500 karakter"},
	{Name: ColContact, Label: "Narahubung", Field: "contact_person", label: data.LabelContactPerson,
		Help: "teks", aliases: []string{"kontak", "nama_kontak"}},
	{Name: ColPhone, Label: "Telepon", Field: "phone", label: data.LabelPhone,
		Help: "angka, spasi, +, - dan tanda kurung", aliases: []string{"no_telepon", "nomor_telepon", "telp", "no_telp", "hp", "no_hp"}},
	{Name: ColEmail, Label: "Email", Field: "email", label: data.LabelEmail, Help: "alamat email, mis. humas@kpu.go.id", aliases: []string{"e-mail", "surel"}},
	{Name: ColWebsite, Label: "Situs web", Field: "website", label: data.LabelWebsite,
		Help: "alamat http:// atau https://", aliases: []string{"situs", "web"}},
	{Name: ColSocial, Label: "Media sosial", Field: "social_accounts", label: data.LabelSocialAccounts,
		Help: "platform:akun, beberapa dipisah ; atau | (instagram:@kpu_sleman; youtube:@KPUSleman) atau alamat profil https://", aliases: []string{"medsos", "sosial_media"}},
	{Name: ColNotes, Label: "Catatan", Field: "notes", label: data.LabelNotes, Help: "teks", aliases: []string{"keterangan"}},
}, "no", "nomor")

// EntryColumns returns the activity layout, in file order.
func EntryColumns() []Column { return entryLayout.current() }

// AgencyColumns returns the agency layout, in file order.
func AgencyColumns() []Column { return agencyLayout.current() }

// EntryHeader returns the canonical header of activity files.
func EntryHeader() []string { return entryLayout.header() }

// AgencyHeader returns the canonical header of agency files.
func AgencyHeader() []string { return agencyLayout.header() }

func vocabHelp(v data.Vocabulary) string {
	out := make([]string, len(v))
	for i, o := range v {
		out[i] = o.Label.ID + " (" + o.Code + ")"
	}
	return strings.Join(out, ", ")
}
