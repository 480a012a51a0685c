package csvimport

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

var ctx = context.Background()

func newStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "impor.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// withPartners adds the agencies the activity files name.
func withPartners(t *testing.T, st *store.Store) {
	t.Helper()
	for _, a := range []*data.Agency{
		{Name: "Bawaslu Kabupaten Sleman", Kind: "bawaslu"},
		{Name: "Polres Sleman", Kind: "polri"},
		{Name: "Dinas Komunikasi, Informatika dan Persandian", Kind: "diskominfo"},
	} {
		if err := st.SaveAgency(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
}

// counts returns the live entries, agencies and queued outbox entries.
func counts(t *testing.T, st *store.Store) (entries, agencies int, outbox int64) {
	t.Helper()
	var err error
	if entries, err = st.CountEntries(ctx, store.Filter{}); err != nil {
		t.Fatal(err)
	}
	if agencies, err = st.CountAgencies(ctx, store.Filter{}); err != nil {
		t.Fatal(err)
	}
	if outbox, err = st.PendingChanges(ctx); err != nil {
		t.Fatal(err)
	}
	return
}

func importEntries(t *testing.T, st *store.Store, file string, opt Options) (*Result, error) {
	t.Helper()
	return ImportEntries(ctx, st, strings.NewReader(file), opt)
}

// storedEntries returns every live entry, oldest first.
func storedEntries(t *testing.T, st *store.Store) []data.Entry {
	t.Helper()
	office, _ := st.CurrentOffice(ctx)
	es, err := st.EntriesBetween(ctx, []string{office.ID}, data.NewDate(2000, 1, 1), data.NewDate(2100, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	return es
}

const header = "tanggal_mulai,tanggal_selesai,judul,jenis_kegiatan,strategi,lokasi,daring,mitra,peserta,keluaran,jangkauan,terlaksana,kendala,tindak_lanjut,tautan_bukti,catatan\n"

func TestImportEntriesCommaWithCodes(t *testing.T) {
	st := newStore(t)
	withPartners(t, st)
	file := header +
		"2023-07-10,,Rapat koordinasi kampanye,rapat_koordinasi,2,Aula KPU,luring,Polres Sleman | bawaslu kabupaten sleman,45,1,0,1,,,https://kpu.go.id/a https://kpu.go.id/b,\n" +
		"\n" + // empty lines are skipped
		",,,,,,,,,,,,,,,\n" + // so are lines of empty cells, as Excel writes them
		`"15 Agustus 2023","16/08/2023","Sosialisasi ""pemilih pemula""",SOSIALISASI,"4. Mendorong partisipasi publik dalam mengakses dan menyebarkan informasi","SMA 1, Depok",true,"Dinas Komunikasi, Informatika dan Persandian","1,250",2,12.500,false,"Hujan
deras",Dijadwal ulang,,'=catatan` + "\n"
	res, err := importEntries(t, st, file, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Inserted != 2 || res.Lines != 2 || res.Separator != ',' || len(res.Entries) != 2 {
		t.Fatalf("result %+v", res)
	}
	if res.Entries[1].Line != 5 {
		t.Errorf("second line: %d, want 5", res.Entries[1].Line)
	}
	es := storedEntries(t, st)
	a, b := es[0], es[1]
	if a.StartDate != data.NewDate(2023, 7, 10) || a.EndDate != a.StartDate || a.ActivityType != "rapat_koordinasi" ||
		a.Strategy != 2 || a.Online || !a.Realised || a.Participants != 45 || len(a.PartnerIDs) != 2 || len(a.EvidenceLinks) != 2 {
		t.Errorf("first entry %+v", a)
	}
	if b.Title != `Sosialisasi "pemilih pemula"` || b.EndDate != data.NewDate(2023, 8, 16) || b.ActivityType != "sosialisasi" ||
		b.Strategy != 4 || !b.Online || b.Realised || b.Participants != 1250 || b.Reach != 12500 ||
		b.Location != "SMA 1, Depok" || b.Obstacles != "Hujan\nderas" || b.Notes != "=catatan" || len(b.PartnerIDs) != 1 {
		t.Errorf("second entry %+v", b)
	}
	if _, _, outbox := counts(t, st); outbox != 3+2 { // three agencies saved, two entries imported
		t.Errorf("outbox %d: imported records must be queued for sync", outbox)
	}
}

func TestImportEntriesSemicolonLabelsBOM(t *testing.T) {
	st := newStore(t)
	withPartners(t, st)
	// What Excel with Indonesian settings saves: BOM, ";" and CRLF; headers
	// are the human labels, in another order and case.
	file := "\ufeffJudul kegiatan;Tanggal Mulai;Jenis Kegiatan;Strategi Bakohumas;Jumlah peserta;Instansi mitra;Daring/Luring;Terlaksana;No\r\n" +
		"Rapat pleno;Senin, 10 Juli 2023;Rapat koordinasi;Pertemuan, koordinasi, dan kerja sama (daring/luring);1.250;Polres Sleman; Bawaslu Kabupaten Sleman;Daring;Ya;1\r\n" +
		"Pelatihan admin medsos;03-10-2023;Pelatihan;strategi 8;;;Luring;sudah;2\r\n"
	res, err := importEntries(t, st, file, Options{})
	if err == nil {
		t.Fatal("a ';' inside an unquoted cell of a ';' file must shift the cells and be refused")
	}
	if len(res.Errors) != 1 || res.Errors[0].Line != 2 || !strings.Contains(res.Errors[0].Reason, "kolom") {
		t.Fatalf("errors %v", res.Errors)
	}
	file = strings.Replace(file, "Polres Sleman; Bawaslu Kabupaten Sleman", `"Polres Sleman; Bawaslu Kabupaten Sleman"`, 1)
	res, err = importEntries(t, st, file, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Separator != ';' || res.Inserted != 2 {
		t.Fatalf("result %+v", res)
	}
	es := storedEntries(t, st)
	if es[0].Title != "Rapat pleno" || es[0].Strategy != 2 || es[0].Participants != 1250 || !es[0].Online || len(es[0].PartnerIDs) != 2 {
		t.Errorf("first %+v", es[0])
	}
	if es[1].StartDate != data.NewDate(2023, 10, 3) || es[1].Strategy != 8 || es[1].ActivityType != "pelatihan" || !es[1].Realised {
		t.Errorf("second %+v", es[1])
	}
}

func TestImportSepLineTabAndWindows1252(t *testing.T) {
	st := newStore(t)
	// Excel's "sep=" line, then a header: line numbers count it.
	res, err := importEntries(t, st, "sep=;\ntanggal_mulai;judul;jenis_kegiatan;strategi\n10/07/2023;Rapat;rapat;2\n31/02/2023;Rapat;rapat;2\n", Options{})
	if err == nil || len(res.Errors) != 1 || res.Errors[0].Line != 4 || res.Errors[0].Column != ColStartDate {
		t.Fatalf("sep= line: %v %+v", err, res.Errors)
	}
	// Tab-separated, as pasted from a spreadsheet.
	if _, err := importEntries(t, st, "tanggal_mulai\tjudul\tjenis_kegiatan\tstrategi\n10/07/2023\tRapat, evaluasi\trapat\t2\n", Options{}); err != nil {
		t.Fatal(err)
	}
	// Plain "CSV (Comma delimited)" from Excel is Windows-1252: "–" is 0x96.
	win := []byte("tanggal_mulai,judul,jenis_kegiatan,strategi\n11/07/2023,Rapat \x96 evaluasi,rapat,2\n")
	if _, err := ImportEntries(ctx, st, strings.NewReader(string(win)), Options{}); err != nil {
		t.Fatal(err)
	}
	es := storedEntries(t, st)
	if len(es) != 2 || es[0].Title != "Rapat, evaluasi" || es[1].Title != "Rapat – evaluasi" {
		t.Fatalf("entries %+v", es)
	}
	res, _ = importEntries(t, st, "\xff\xfet\x00", Options{})
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Reason, "UTF-16") {
		t.Fatalf("UTF-16: %+v", res.Errors)
	}
}

func TestImportEntriesBadLines(t *testing.T) {
	good := "10/07/2023,,Rapat koordinasi,Rapat koordinasi,2,,,,,,,,,,,\n"
	cases := []struct {
		name, line string
		column     string
		reason     string // part of the reason
	}{
		{"bad date", "32/07/2023,,Rapat,Rapat koordinasi,2,,,,,,,,,,,", ColStartDate, "tidak dikenali"},
		{"US date", "07/31/2023,,Rapat,Rapat koordinasi,2,,,,,,,,,,,", ColStartDate, "tidak dikenali"},
		{"missing start", ",,Rapat,Rapat koordinasi,2,,,,,,,,,,,", ColStartDate, "wajib diisi"},
		{"end before start", "10/07/2023,09/07/2023,Rapat,Rapat koordinasi,2,,,,,,,,,,,", ColEndDate, "sebelum tanggal mulai"},
		{"unknown type", "10/07/2023,,Rapat,Konser,2,,,,,,,,,,,", ColType, `"Konser" tidak dikenal`},
		{"strategy 9", "10/07/2023,,Rapat,Rapat koordinasi,9,,,,,,,,,,,", ColStrategy, "harus antara 1 dan 8"},
		{"strategy 0", "10/07/2023,,Rapat,Rapat koordinasi,0,,,,,,,,,,,", ColStrategy, "harus antara 1 dan 8"},
		{"strategy name", "10/07/2023,,Rapat,Rapat koordinasi,Strategi bagus,,,,,,,,,,,", ColStrategy, "tidak dikenal"},
		{"strategy mismatch", "10/07/2023,,Rapat,Rapat koordinasi,3. Membangun jejaring,,,,,,,,,,,", ColStrategy, "tidak cocok"},
		{"missing strategy", "10/07/2023,,Rapat,Rapat koordinasi,,,,,,,,,,,,", ColStrategy, "wajib diisi"},
		{"negative count", "10/07/2023,,Rapat,Rapat koordinasi,2,,,,-5,,,,,,,", ColPeople, "tidak boleh negatif"},
		{"fraction", "10/07/2023,,Rapat,Rapat koordinasi,2,,,,,\"1,5\",,,,,,", ColOutputs, "bukan bilangan bulat"},
		{"text count", "10/07/2023,,Rapat,Rapat koordinasi,2,,,,,,banyak,,,,,", ColReach, "bukan bilangan bulat"},
		{"unknown partner", "10/07/2023,,Rapat,Rapat koordinasi,2,,,Polres Sleman; Kodim 0732,,,,,,,,", ColPartners, `"Kodim 0732"`},
		{"missing title", "10/07/2023,,,Rapat koordinasi,2,,,,,,,,,,,", ColTitle, "wajib diisi"},
		{"long title", "10/07/2023,," + strings.Repeat("a", 201) + ",Rapat koordinasi,2,,,,,,,,,,,", ColTitle, "terlalu panjang"},
		{"bad online", "10/07/2023,,Rapat,Rapat koordinasi,2,,mungkin,,,,,,,,,", ColOnline, `"mungkin" tidak dikenali`},
		{"online word in realised", "10/07/2023,,Rapat,Rapat koordinasi,2,,,,,,,Daring,,,,", ColRealised, "tidak dikenali"},
		{"bad link", "10/07/2023,,Rapat,Rapat koordinasi,2,,,,,,,,,,kpu.go.id,", ColLinks, "bukan alamat web"},
		{"too many columns", "10/07/2023,,Rapat, evaluasi,Rapat koordinasi,2,,,,,,,,,,,", "", "17 kolom"},
		{"too few columns", "10/07/2023,,Rapat,Rapat koordinasi,2", "", "5 kolom"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := newStore(t)
			withPartners(t, st)
			e0, _, o0 := counts(t, st)
			res, err := importEntries(t, st, header+good+c.line+"\n"+good, Options{Duplicates: AllowDuplicates})
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("want Errors, got %v", err)
			}
			if len(errs) != 1 {
				t.Fatalf("want one error, got %v", errs)
			}
			e := errs[0]
			if e.Line != 3 || e.Column != c.column || !strings.Contains(e.Reason, c.reason) {
				t.Errorf("got %+v, want line 3 column %q reason ~%q", e, c.column, c.reason)
			}
			if !strings.HasPrefix(err.Error(), "baris 3") {
				t.Errorf("message %q", err)
			}
			if e1, _, o1 := counts(t, st); e1 != e0 || o1 != o0 || res.Inserted != 0 {
				t.Errorf("entries %d→%d, outbox %d→%d: a bad line must write nothing", e0, e1, o0, o1)
			}
		})
	}
}

func TestHalfGoodFileWritesNothing(t *testing.T) {
	st := newStore(t)
	withPartners(t, st)
	var b strings.Builder
	b.WriteString(header)
	for i := range 40 {
		b.WriteString("10/07/2023,,Rapat ke-" + string(rune('A'+i%26)) + ",Rapat koordinasi,2,,,,10,,,,,,,\n")
	}
	b.WriteString("10/07/2023,,Rapat,Rapat,9,,,,-1,,,,,,,\n")       // line 42: strategy and count
	b.WriteString("bukan tanggal,,Rapat,Rapat,2,,,Kodim,,,,,,,,\n") // line 43: date and partner
	e0, _, o0 := counts(t, st)
	res, err := importEntries(t, st, b.String(), Options{})
	if err == nil {
		t.Fatal("half-bad file imported")
	}
	if e1, _, o1 := counts(t, st); e1 != e0 || o1 != o0 {
		t.Fatalf("entries %d→%d outbox %d→%d", e0, e1, o0, o1)
	}
	want := []LineError{{42, ColStrategy, ""}, {42, ColPeople, ""}, {43, ColStartDate, ""}, {43, ColPartners, ""}}
	if len(res.Errors) != len(want) {
		t.Fatalf("errors %v", res.Errors)
	}
	for i, w := range want {
		if g := res.Errors[i]; g.Line != w.Line || g.Column != w.Column {
			t.Errorf("error %d: %+v, want line %d column %s", i, g, w.Line, w.Column)
		}
	}
	if !strings.Contains(err.Error(), "4 kesalahan di 2 baris") {
		t.Errorf("summary %q", err)
	}
}

func TestImportHeaderProblems(t *testing.T) {
	st := newStore(t)
	cases := []struct{ name, file, want string }{
		{"missing required", "judul,lokasi\nRapat,Aula\n", "kolom wajib tidak ada: tanggal_mulai, jenis_kegiatan, strategi"},
		{"unknown column", "tanggal_mulai,judul,jenis_kegiatan,strategi,keterangan_tambahan\n10/07/2023,Rapat,rapat,2,x\n", `kolom tidak dikenal: "keterangan_tambahan"`},
		{"twice", "tanggal_mulai,judul,Judul kegiatan,jenis_kegiatan,strategi\n10/07/2023,a,b,rapat,2\n", "muncul dua kali"},
		{"empty", "\n\n", "berkas kosong"},
		{"header only", header, "tanpa baris data"},
		{"unnamed column with data", "tanggal_mulai,judul,jenis_kegiatan,strategi,\n10/07/2023,Rapat,rapat,2,x\n", "tidak berjudul"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := importEntries(t, st, c.file, Options{})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want ~%q", err, c.want)
			}
			if len(res.Errors) != 1 {
				t.Errorf("want one error: %v", res.Errors)
			}
		})
	}
	// Empty cells under an unnamed column, as spreadsheets leave them, are fine.
	if _, err := importEntries(t, st, "tanggal_mulai,judul,jenis_kegiatan,strategi,\n10/07/2023,Rapat,rapat,2,\n", Options{}); err != nil {
		t.Fatal(err)
	}
}

func TestImportMaxLines(t *testing.T) {
	st := newStore(t)
	file := header + strings.Repeat("10/07/2023,,Rapat,rapat,2,,,,,,,,,,,\n", 6)
	res, err := importEntries(t, st, file, Options{MaxLines: 5})
	if err == nil || len(res.Errors) != 1 || res.Errors[0].Line != 7 || !strings.Contains(err.Error(), "lebih dari 5 baris data") {
		t.Fatalf("got %v", err)
	}
	if _, err := importEntries(t, st, file, Options{MaxLines: 6}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(thousands(DefaultMaxLines), "50.000") {
		t.Error(thousands(DefaultMaxLines))
	}
}

func TestImportDuplicates(t *testing.T) {
	st := newStore(t)
	file := header + "10/07/2023,,Rapat koordinasi,rapat,2,,,,,,,,,,,\n11/07/2023,,Sosialisasi,sosialisasi,4,,,,,,,,,,,\n"
	if res, err := importEntries(t, st, file, Options{}); err != nil || res.Inserted != 2 {
		t.Fatalf("first import: %v %+v", err, res)
	}
	// Again, with one new line and one old line spelt differently: only the new one is added.
	again := file + "12/07/2023,,Evaluasi,rapat,7,,,,,,,,,,,\n" + "10 Juli 2023,,RAPAT  koordinasi,rapat,2,,,,,,,,,,,\n"
	res, err := importEntries(t, st, again, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Inserted != 1 || len(res.Duplicates) != 3 || res.Duplicates[0].Line != 2 || res.Duplicates[2].Line != 5 {
		t.Fatalf("skip: inserted %d duplicates %+v", res.Inserted, res.Duplicates)
	}
	// Nothing new at all: not an error, nothing written.
	if res, err := importEntries(t, st, file, Options{}); err != nil || res.Inserted != 0 || len(res.Duplicates) != 2 {
		t.Fatalf("all duplicates: %v %+v", err, res)
	}
	res, err = importEntries(t, st, file, Options{Duplicates: RejectDuplicates})
	if err == nil || len(res.Errors) != 2 || res.Errors[0].Column != ColTitle || !strings.Contains(res.Errors[0].Reason, "sudah ada") {
		t.Fatalf("reject: %v", err)
	}
	if res, err := importEntries(t, st, file, Options{Duplicates: AllowDuplicates}); err != nil || res.Inserted != 2 {
		t.Fatalf("allow: %v", err)
	}
	if n, _, _ := counts(t, st); n != 5 {
		t.Errorf("entries %d, want 5", n)
	}
}

func TestPreviewWritesNothing(t *testing.T) {
	st := newStore(t)
	withPartners(t, st)
	file := header + "10/07/2023,12/07/2023,Rapat,rapat,2,,,Polres Sleman,,,,,,,,\n10/07/2023,,Rapat,rapat,9,,,,,,,,,,,\n"
	e0, _, o0 := counts(t, st)
	res, err := PreviewEntries(ctx, st, strings.NewReader(file), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.OK() || len(res.Entries) != 1 || res.Entries[0].Entry.EndDate != data.NewDate(2023, 7, 12) ||
		res.Entries[0].Partners[0] != "Polres Sleman" || res.Entries[0].Entry.ID != "" || len(res.Errors) != 1 {
		t.Fatalf("preview %+v", res)
	}
	if got := res.Errors.Lines(); len(got) != 1 || got[0] != 3 {
		t.Errorf("lines %v", got)
	}
	if e1, _, o1 := counts(t, st); e1 != e0 || o1 != o0 {
		t.Error("preview wrote")
	}
}

const agencyHeader = "nama,jenis,tingkat,wilayah,alamat,narahubung,telepon,email,situs_web,media_sosial,catatan\n"

func TestImportAgencies(t *testing.T) {
	st := newStore(t)
	file := agencyHeader +
		`Bawaslu Kabupaten Sleman,Bawaslu,Kabupaten,Sleman,"Jl. Candi Gebang No. 1, Sleman",Dewi,(0274) 868405,humas@sleman.bawaslu.go.id,sleman.bawaslu.go.id,"instagram:@bawaslusleman; YouTube: @BawasluSleman | https://www.tiktok.com/@bawaslusleman",` + "\n" +
		"Kodim 0732/Sleman,tni,,,,,,,,,\n" +
		"Radio Sleman FM,Media,kab,,,,'+62 274 123,,,fb:radioslemanfm,Mitra siaran\n"
	res, err := ImportAgencies(ctx, st, strings.NewReader(file), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Inserted != 3 {
		t.Fatalf("inserted %d", res.Inserted)
	}
	as, _ := st.Agencies(ctx, store.Filter{}, 0, 10)
	a := as[0]
	if a.Name != "Bawaslu Kabupaten Sleman" || a.Kind != "bawaslu" || a.Level != "kabupaten" || a.Website != "https://sleman.bawaslu.go.id" ||
		len(a.SocialAccounts) != 3 || a.SocialAccounts[1] != (data.SocialAccount{Platform: "youtube", Handle: "@BawasluSleman"}) ||
		a.SocialAccounts[2].Platform != "tiktok" {
		t.Errorf("agency %+v", a)
	}
	if as[2].Name != "Radio Sleman FM" || as[2].Phone != "+62 274 123" || as[2].SocialAccounts[0].Platform != "facebook" {
		t.Errorf("agency %+v", as[2])
	}
	// Importing it again adds nothing.
	res, err = ImportAgencies(ctx, st, strings.NewReader(file), Options{})
	if err != nil || res.Inserted != 0 || len(res.Duplicates) != 3 {
		t.Fatalf("again: %v %+v", err, res)
	}
}

func TestImportAgenciesBadLines(t *testing.T) {
	good := "Polres Sleman,Polri,,,,,,,,,\n"
	cases := []struct{ name, line, column, reason string }{
		{"missing name", ",Polri,,,,,,,,,", ColName, "wajib diisi"},
		{"unknown kind", "Kodim,Tentara,,,,,,,,,", ColKind, `"Tentara" tidak dikenal`},
		{"missing kind", "Kodim,,,,,,,,,,", ColKind, "wajib diisi"},
		{"unknown level", "Kodim,TNI,Kecamatan,,,,,,,,", ColLevel, "tidak dikenal"},
		{"bad email", "Kodim,TNI,,,,,,kodim@,,,", ColEmail, "bukan alamat email"},
		{"bad email 2", "Kodim,TNI,,,,,,kodim sleman@tni.mil.id,,,", ColEmail, "bukan alamat email"},
		{"bad url", "Kodim,TNI,,,,,,,ftp://kodim.mil.id,,", ColWebsite, "bukan alamat web"},
		{"bad phone", "Kodim,TNI,,,,,0274 ext. 5,,,,", ColPhone, "hanya boleh"},
		{"social without platform", "Kodim,TNI,,,,,,,,@kodim0732,", ColSocial, "tidak menyebut platform"},
		{"social unknown platform", "Kodim,TNI,,,,,,,,friendster:@kodim,", ColSocial, `"friendster" tidak dikenal`},
		{"same name twice", "polres  sleman,Polri,,,,,,,,,", ColName, "sudah ada di baris 2"},
		{"ragged", "Kodim,TNI,,,,,,,,,,,x", "", "13 kolom"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := newStore(t)
			res, err := ImportAgencies(ctx, st, strings.NewReader(agencyHeader+good+c.line+"\n"), Options{})
			if err == nil || len(res.Errors) != 1 {
				t.Fatalf("got %v", err)
			}
			if e := res.Errors[0]; e.Line != 3 || e.Column != c.column || !strings.Contains(e.Reason, c.reason) {
				t.Errorf("got %+v, want line 3 column %q reason ~%q", e, c.column, c.reason)
			}
			if _, n, _ := counts(t, st); n != 0 {
				t.Errorf("%d agencies written", n)
			}
		})
	}
}

func TestTemplatesImportCleanly(t *testing.T) {
	st := newStore(t)
	for _, kind := range []string{KindAgencies, KindEntries} {
		tpl := Template(kind)
		if !strings.HasPrefix(string(tpl), BOM) {
			t.Errorf("%s template has no BOM", kind)
		}
		docs, err := os.ReadFile(filepath.Join("..", "..", "docs", "templates", kind+".csv"))
		if err != nil || string(docs) != string(tpl) {
			t.Errorf("docs/templates/%s.csv differs from the embedded template (%v)", kind, err)
		}
	}
	res, err := ImportAgencies(ctx, st, strings.NewReader(string(Template("instansi"))), Options{})
	if err != nil || res.Inserted != 2 {
		t.Fatalf("instansi template: %v %+v", err, res)
	}
	res, err = ImportEntries(ctx, st, strings.NewReader(string(Template("entries"))), Options{})
	if err != nil || res.Inserted != 2 {
		t.Fatalf("kegiatan template: %v %+v", err, res)
	}
	if e := res.Entries[0].Entry; len(e.PartnerIDs) != 2 || e.Strategy != 2 {
		t.Errorf("template entry %+v", e)
	}
	if Template("laporan") != nil || TemplateName("instansi") != "templat-instansi.csv" {
		t.Error("template names")
	}
	tpl := Template(KindEntries)
	tpl[0] = 'x' // callers get their own copy
	if Template(KindEntries)[0] == 'x' {
		t.Error("Template returned shared bytes")
	}
}

func TestValues(t *testing.T) {
	for in, want := range map[string]int{"": 0, "-": 0, "0": 0, "45": 45, "1.250": 1250, "1,250": 1250, "1 250": 1250,
		"1\u00a0250": 1250, "12.500.000": 12500000, "-3": -3, "1250": 1250} {
		if got, err := parseCount(in); err != nil || got != want {
			t.Errorf("parseCount(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"1,5", "1.25", "12.50", "1.250,00", "1.250,000", "1.2345", "dua", "1e3", "1,250.000"} {
		if _, err := parseCount(in); err == nil {
			t.Errorf("parseCount(%q) accepted", in)
		}
	}
	for in, want := range map[string]int{"2": 2, "Strategi 8": 8, "strategi8": 8, "2.0": 2, "9": 9,
		"membangun JEJARING": 1, "Building networks": 1, "2. Pertemuan, koordinasi, dan kerja sama (daring/luring)": 2,
		"Pertemuan, koordinasi dan kerja sama daring/luring": 2} {
		if got, err := parseStrategy(in); err != nil || got != want {
			t.Errorf("parseStrategy(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for in, want := range map[string]bool{"Ya": true, "ya": true, "YA": true, "1": true, "true": true, "Daring": true, "online": true,
		"Tidak": false, "tidak": false, "0": false, "FALSE": false, "Luring": false, "": false} {
		if got, err := parseOnline(in); err != nil || got != want {
			t.Errorf("parseOnline(%q) = %v, %v", in, got, err)
		}
	}
	for in, want := range map[string]bool{"": true, "Ya": true, "Sudah": true, "✓": true, "Belum": false, "tidak terlaksana": false} {
		if got, err := parseRealised(in); err != nil || got != want {
			t.Errorf("parseRealised(%q) = %v, %v", in, got, err)
		}
	}
	for in, want := range map[string]string{"Rapat koordinasi": "rapat_koordinasi", "RAPAT_KOORDINASI": "rapat_koordinasi",
		"Klarifikasi hoaks": "klarifikasi_hoaks", "Pengelolaan sarana": "sarana", "Coordination meeting": "rapat_koordinasi"} {
		if got, err := activityTypes.code(in, "jenis"); err != nil || got != want {
			t.Errorf("activity type %q = %q, %v", in, got, err)
		}
	}
	for in, want := range map[string]string{"Biro/Bagian Humas": "humas", "partai politik": "partai", "Komunitas/Ormas": "komunitas",
		"Kementerian/Lembaga": "kementerian_lembaga", "kementerian": "kementerian_lembaga", "Pemda/OPD": "pemda_opd",
		"OPD": "pemda_opd", "BUMN/BUMD": "bumn_bumd", "bumd": "bumn_bumd", "Perguruan tinggi": "perguruan_tinggi",
		"Universitas": "perguruan_tinggi", "University": "perguruan_tinggi"} {
		if got, err := agencyKinds.code(in, "jenis"); err != nil || got != want {
			t.Errorf("agency kind %q = %q, %v", in, got, err)
		}
	}
	for in, want := range map[string]string{"Tanggal mulai (dd/mm/yyyy)*": "tanggal_mulai", " E-mail ": "e_mail", "No.": "no", "\ufeffNama": "nama"} {
		if got := headerKey(in); got != want {
			t.Errorf("headerKey(%q) = %q", in, got)
		}
	}
	if d, err := parseDate("2023-07-10 00:00:00"); err != nil || d != data.NewDate(2023, 7, 10) {
		t.Errorf("date with time: %v %v", d, err)
	}
}

func TestFormatRoundTrip(t *testing.T) {
	e := &data.Entry{StartDate: data.NewDate(2024, 4, 1), EndDate: data.NewDate(2024, 4, 2), Title: "=HYPERLINK(\"x\")",
		ActivityType: "sosialisasi", Strategy: 4, Online: true, Participants: 1250, Status: data.EntryNotDone, NotDoneReason: "Hujan deras",
		EvidenceLinks: data.List[string]{"https://a.id/x", "https://b.id/y"}, Notes: "baris satu\nbaris dua"}
	f := EntryFields(e, []string{"Polres Sleman"})
	if f[0] != "01/04/2024" || f[2] != `'=HYPERLINK("x")` || f[3] != "Sosialisasi" || f[6] != "Ya" || f[11] != "Tidak terlaksana" || f[12] != "Hujan deras" {
		t.Fatalf("fields %q", f)
	}
	if len(f) != len(EntryHeader()) {
		t.Fatalf("%d fields for %d columns", len(f), len(EntryHeader()))
	}
	var b strings.Builder
	a := data.Agency{Name: "Polres Sleman", Kind: "polri", Level: "kabupaten", Phone: "+62 274 868410",
		SocialAccounts: data.List[data.SocialAccount]{{Platform: "instagram", Handle: "@polres_sleman"}, {Platform: "x", Handle: "@polres"}}}
	if err := WriteAgencies(&b, []data.Agency{a}, ';'); err != nil {
		t.Fatal(err)
	}
	st := newStore(t)
	res, err := ImportAgencies(ctx, st, strings.NewReader(b.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := res.Agencies[0].Agency
	if got.Name != a.Name || got.Level != a.Level || got.Phone != a.Phone || len(got.SocialAccounts) != 2 || got.SocialAccounts[1] != a.SocialAccounts[1] {
		t.Errorf("agency round trip %+v", got)
	}
	var eb strings.Builder
	cw, _ := NewWriter(&eb, ',')
	cw.Write(EntryHeader())
	cw.Write(EntryFields(e, []string{"Polres Sleman"}))
	cw.Flush()
	res, err = ImportEntries(ctx, st, strings.NewReader(eb.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ge := res.Entries[0].Entry
	if ge.Title != e.Title || ge.EndDate != e.EndDate || ge.Participants != 1250 || ge.Realised || ge.Status != data.EntryNotDone || ge.NotDoneReason != "Hujan deras" || !ge.Online ||
		ge.Notes != e.Notes || len(ge.EvidenceLinks) != 2 || len(ge.PartnerIDs) != 1 {
		t.Errorf("entry round trip %+v", ge)
	}
}

// The examples in docs/IMPORT.md import as they are.
func TestDocsExamples(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "IMPORT.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(string(doc), "```csv\n")[1:]
	if len(blocks) != 2 {
		t.Fatalf("%d csv examples in IMPORT.md", len(blocks))
	}
	for i, b := range blocks {
		st := newStore(t)
		withPartners(t, st)
		example, _, _ := strings.Cut(b, "```")
		res, err := ImportEntries(ctx, st, strings.NewReader(example), Options{})
		if err != nil || res.Inserted == 0 {
			t.Errorf("example %d: %v", i+1, err)
		}
	}
}
