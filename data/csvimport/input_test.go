package csvimport

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

func openFixture(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// A UTF-8 file with one stray Windows-1252 byte: every correct UTF-8 cell
// stays as written (no "Ã "), the one bad cell is read as Windows-1252 and
// the preview warns of it by line and column.
func TestMixedEncodingDecodedPerField(t *testing.T) {
	st := newStore(t)
	res, err := PreviewEntries(ctx, st, openFixture(t, "campuran-utf8-latin1.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK() || len(res.Entries) != 2 {
		t.Fatalf("errors %v, %d entries", res.Errors, len(res.Entries))
	}
	first, second := res.Entries[0].Entry, res.Entries[1].Entry
	if first.Title != "Sosialisasi à la carte untuk pemilih pemula" || first.Location != "Aula Café Sleman" {
		t.Errorf("UTF-8 cells changed: %q, %q", first.Title, first.Location)
	}
	if second.Location != "Gedung Café" || second.Notes != "Catatan: naïve" {
		t.Errorf("line 3: location %q, notes %q", second.Location, second.Notes)
	}
	if len(res.Warnings) != 1 {
		t.Fatalf("warnings %v", res.Warnings)
	}
	w := res.Warnings[0]
	if w.Line != 3 || w.Column != ColLocation || !strings.Contains(w.Error(), "baris 3, kolom lokasi") ||
		!strings.Contains(w.Reason, "Windows-1252") {
		t.Errorf("warning %+v", w)
	}
	// The import writes what the preview showed.
	res, err = ImportEntries(ctx, st, openFixture(t, "campuran-utf8-latin1.csv"), Options{})
	if err != nil || res.Inserted != 2 {
		t.Fatalf("import: %v, %d", err, res.Inserted)
	}
}

// A file written wholly in Windows-1252 (Excel's "CSV (Comma delimited)")
// is still read as such, without a warning per cell.
func TestWholeWindows1252File(t *testing.T) {
	st := newStore(t)
	text := header + "10/07/2023,,Rapat di Caf\xe9 Sleman,Rapat koordinasi,2,,,,,,,Ya,,,,\n"
	res, err := PreviewEntries(ctx, st, strings.NewReader(text), Options{})
	if err != nil || !res.OK() || len(res.Warnings) != 0 {
		t.Fatalf("%v %v %v", err, res.Errors, res.Warnings)
	}
	if got := res.Entries[0].Entry.Title; got != "Rapat di Café Sleman" {
		t.Errorf("title %q", got)
	}
}

// A date whose day name contradicts it is refused, naming the line, the
// column and both days; the right one on line 3 (11 July 2023 was a
// Tuesday) passes, and nothing is written.
func TestWrongWeekdayRefused(t *testing.T) {
	st := newStore(t)
	res, err := ImportEntries(ctx, st, openFixture(t, "hari-salah.csv"), Options{})
	if err == nil || len(res.Errors) != 1 {
		t.Fatalf("err %v, errors %v", err, res.Errors)
	}
	e := res.Errors[0]
	if e.Line != 2 || e.Column != ColStartDate || !strings.Contains(e.Reason, "10 Juli 2023 jatuh pada hari Senin, bukan Selasa") {
		t.Errorf("line 2: %+v", e)
	}
	if n, _ := st.CountEntries(ctx, store.Filter{}); n != 0 {
		t.Errorf("%d entries written", n)
	}
}

// The state column takes the Indonesian labels; an older file's Ya/Tidak
// terlaksana column still imports, a row dated after today being planned.
func TestImportState(t *testing.T) {
	st := newStore(t)
	today := data.NewDate(2026, 12, 7)
	opt := Options{Today: today, Duplicates: AllowDuplicates}
	const newHeader = "tanggal_mulai,judul,jenis_kegiatan,strategi,status,alasan_tidak_terlaksana\n"
	res, err := PreviewEntries(ctx, st, strings.NewReader(newHeader+
		"01/12/2026,A,Sosialisasi,4,Terlaksana,\n"+
		"02/12/2026,B,Sosialisasi,4,tidak terlaksana,Hujan deras\n"+
		"20/12/2026,C,Sosialisasi,4,Direncanakan,\n"+
		"21/12/2026,D,Sosialisasi,4,,\n"+
		"03/12/2026,E,Sosialisasi,4,,\n"), opt)
	if err != nil || !res.OK() {
		t.Fatalf("%v %v", err, res.Errors)
	}
	want := []string{data.EntryDone, data.EntryNotDone, data.EntryPlanned, data.EntryPlanned, data.EntryDone}
	for i, er := range res.Entries {
		if er.Entry.Status != want[i] {
			t.Errorf("line %d: %q, want %q", er.Line, er.Entry.Status, want[i])
		}
	}
	if r := res.Entries[1].Entry.NotDoneReason; r != "Hujan deras" {
		t.Errorf("reason %q", r)
	}

	res, _ = PreviewEntries(ctx, st, strings.NewReader(newHeader+
		"02/12/2026,B,Sosialisasi,4,Tidak terlaksana,\n"+
		"20/12/2026,C,Sosialisasi,4,Terlaksana,\n"+
		"20/12/2026,C,Sosialisasi,4,Selesai kemarin,\n"), opt)
	cols := map[int]string{}
	for _, e := range res.Errors {
		cols[e.Line] = e.Column
	}
	if cols[2] != ColReason || cols[3] != ColStatus || cols[4] != ColStatus || len(res.Errors) != 3 {
		t.Errorf("errors %v", res.Errors)
	}

	res, err = PreviewEntries(ctx, st, strings.NewReader(header+
		"01/12/2026,,A,Sosialisasi,4,,,,,,,Ya,,,,\n"+
		"02/12/2026,,B,Sosialisasi,4,,,,,,,Tidak,,,,\n"+
		"20/12/2026,,C,Sosialisasi,4,,,,,,,Ya,,,,\n"), opt)
	if err != nil || !res.OK() {
		t.Fatalf("old file: %v %v", err, res.Errors)
	}
	old := res.Entries
	if old[0].Entry.Status != data.EntryDone || old[1].Entry.Status != data.EntryNotDone ||
		old[1].Entry.NotDoneReason != data.LegacyNotDoneReason || old[2].Entry.Status != data.EntryPlanned {
		t.Errorf("old file: %+v %+v %+v", old[0].Entry, old[1].Entry, old[2].Entry)
	}
}
