package app

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data/csvimport"
	"github.com/humasdesk/humasdesk/data/store"
)

// previewCSV runs the importer's preview of text as the file dialog's
// callback would, and waits for the preview dialog.
func previewCSV(t *testing.T, im *csvImporter, name, text string) {
	t.Helper()
	<-im.load(name, io.NopCloser(strings.NewReader(text)))
	if im.res == nil || im.preview == nil {
		t.Fatalf("no preview of %s (error %q)", name, im.u.lastError)
	}
}

// A file with bad lines is previewed with every problem by line and
// column; the Impor button stays off and nothing is stored.
func TestImportPreviewOfBadFileShowsErrorsAndStoresNothing(t *testing.T) {
	u, st := newTestUI(t)
	u.tabs.SelectIndex(3)
	im := u.entryImport
	if im == nil || im.button.Text != "Impor CSV…" {
		t.Fatal("no import button in Kegiatan")
	}
	csv := "tanggal_mulai;judul;jenis_kegiatan;strategi;peserta\n" +
		"10/07/2024;Rapat koordinasi kampanye;Rapat koordinasi;2;45\n" +
		"31/02/2024;Sosialisasi pemilih pemula;Sosialisasi;4;120\n" +
		"12/07/2024;Jumpa pers;konferensi;9;banyak\n"
	previewCSV(t, im, "kegiatan-triwulan-iii.csv", csv)

	for key, want := range map[string]string{"lines": "3", "import": "1", "duplicates": "0", "problems": "4"} {
		if got := im.summary[key].Text; got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
	if !strings.HasPrefix(im.summary["verdict"].Text, "Berkas ini bermasalah.") {
		t.Errorf("verdict = %q", im.summary["verdict"].Text)
	}
	// The problems, each on its line and column
	if rows, cols := im.problems.Length(); rows != 4 || cols != 3 {
		t.Fatalf("problem table %d×%d", rows, cols)
	}
	var got []string
	for _, e := range im.res.Errors {
		got = append(got, problemCell(e, 0)+" "+problemCell(e, 1))
	}
	if want := "3 tanggal_mulai|4 jenis_kegiatan|4 strategi|4 peserta"; strings.Join(got, "|") != want {
		t.Errorf("problems at %q, want %q", strings.Join(got, "|"), want)
	}
	im.problems.Select(tableCell(0))
	if !strings.HasPrefix(im.detail.Text, "baris 3, kolom tanggal_mulai: ") {
		t.Errorf("detail = %q", im.detail.Text)
	}
	// Impor cannot be pressed, and nothing was stored
	if !im.importBtn.Disabled() {
		t.Fatal("Impor is enabled for a file with errors")
	}
	test.Tap(im.importBtn)
	<-im.runImport()
	if n, _ := st.CountEntries(ctx, store.Filter{}); n != 0 || u.entries.N != 0 {
		t.Fatalf("stored %d, listed %d", n, u.entries.N)
	}
	tapDialogButton(t, u.win, "Batal")
}

// A good file is previewed, imported when the user presses Impor, and
// listed; importing it again finds only duplicates.
func TestImportGoodFilesGrowTheLists(t *testing.T) {
	u, st := newTestUI(t)
	mustSaveAgency(t, st, "Diskominfo Kabupaten Sleman", "diskominfo")
	u.agencies.Reload()
	im := u.agencyImport

	// Given the agency template, a good file of two agencies
	previewCSV(t, im, "instansi.csv", string(csvimport.Template(csvimport.KindAgencies)))
	if im.summary["import"].Text != "2" || im.summary["problems"].Text != "0" || im.importBtn.Disabled() {
		t.Fatalf("preview: import %q, problems %q, disabled %v", im.summary["import"].Text,
			im.summary["problems"].Text, im.importBtn.Disabled())
	}
	if im.rows == nil {
		t.Fatal("no table of rows")
	}
	if r, _ := im.rows.Length(); r != 2 {
		t.Fatalf("rows to import = %d", r)
	}
	if n, _ := st.CountAgencies(ctx, store.Filter{}); n != 1 {
		t.Fatalf("the preview stored something: %d agencies", n)
	}
	// When Impor is pressed
	test.Tap(im.importBtn)
	<-im.last
	// Then the list grows by two and says so
	if u.agencies.N != 3 {
		t.Fatalf("list has %d rows", u.agencies.N)
	}
	if got := strings.Join(dialogText(u.win), "\n"); !strings.Contains(got, "2 instansi diimpor.") {
		t.Errorf("dialog says %q", got)
	}
	tapDialogButton(t, u.win, "OK")
	if u.agencies.Status.Text != "2 data diimpor." {
		t.Errorf("status = %q", u.agencies.Status.Text)
	}

	// The activity template names those agencies as partners.
	ie := u.entryImport
	previewCSV(t, ie, "kegiatan.csv", string(csvimport.Template(csvimport.KindEntries)))
	if ie.importBtn.Disabled() {
		t.Fatalf("entries preview has problems: %v", ie.res.Errors)
	}
	if r, _ := ie.rows.Length(); r != 2 {
		t.Fatalf("entry rows to import = %d", r)
	}
	test.Tap(ie.importBtn)
	<-ie.last
	tapDialogButton(t, u.win, "OK")
	if u.entries.N != 2 {
		t.Fatalf("entries listed: %d", u.entries.N)
	}

	// The same agency file again: only duplicates, nothing to import.
	previewCSV(t, im, "instansi.csv", string(csvimport.Template(csvimport.KindAgencies)))
	if im.summary["duplicates"].Text != "2" || im.summary["import"].Text != "0" || !im.importBtn.Disabled() {
		t.Errorf("second preview: dup %q, import %q, disabled %v", im.summary["duplicates"].Text,
			im.summary["import"].Text, im.importBtn.Disabled())
	}
	if im.summary["verdict"].Text != "Tidak ada baris baru untuk diimpor." {
		t.Errorf("verdict = %q", im.summary["verdict"].Text)
	}
	tapDialogButton(t, u.win, "Batal")
	if n, _ := st.CountAgencies(ctx, store.Filter{}); n != 3 {
		t.Errorf("agencies stored: %d", n)
	}
}

// The template is written where the save dialog points.
func TestImportTemplateIsWritten(t *testing.T) {
	u, _ := newTestUI(t)
	for _, im := range []*csvImporter{u.agencyImport, u.entryImport} {
		path := filepath.Join(t.TempDir(), csvimport.TemplateName(im.kind))
		w, err := storage.Writer(storage.NewFileURI(path))
		if err != nil {
			t.Fatal(err)
		}
		if err := im.writeTemplate(w); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(b, csvimport.Template(im.kind)) || len(b) == 0 {
			t.Errorf("%s: %d bytes, %v", path, len(b), err)
		}
	}
	if got := csvimport.TemplateName(u.agencyImport.kind); got != "templat-instansi.csv" {
		t.Errorf("agency template name = %q", got)
	}
}

// The start dialog explains the columns and offers the file and the template.
func TestImportStartExplainsColumns(t *testing.T) {
	u, _ := newTestUI(t)
	test.Tap(u.entryImport.button)
	got := strings.Join(dialogText(u.win), "\n")
	for _, want := range []string{"tanggal_mulai — Tanggal mulai (wajib)", "Impor instansi mitra lebih dahulu"} {
		if !strings.Contains(got, want) {
			t.Errorf("start dialog lacks %q", want)
		}
	}
	tapDialogButton(t, u.win, "Batal")
}
