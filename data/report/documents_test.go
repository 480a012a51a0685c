package report

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Documents attached to the period's activities are listed by name in the
// PDF's LAMPIRAN DOKUMEN (read back with pdftotext) and in the XLSX's
// Lampiran sheet, with their type and activity; a report without any has
// neither.
func TestReportListsDocuments(t *testing.T) {
	tools := needPDFTools(t)
	fx := newPDFFixture(t, 0)
	entries, err := fx.st.EntriesBetween(bctx, []string{fx.office.ID}, fx.from, fx.to)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var docx bytes.Buffer
	zw := zip.NewWriter(&docx)
	for _, n := range []string{"[Content_Types].xml", "word/document.xml"} {
		w, _ := zw.Create(n)
		w.Write([]byte("<x/>"))
	}
	zw.Close()
	files := []struct {
		name string
		raw  []byte
	}{
		{"Undangan rapat koordinasi.pdf", []byte("%PDF-1.7\n%%EOF\n")},
		{"Notulen rapat.docx", docx.Bytes()},
	}
	for i, f := range files {
		path := filepath.Join(dir, f.name)
		if err := os.WriteFile(path, f.raw, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := fx.st.AttachFile(bctx, entries[i].ID, "", path); err != nil {
			t.Fatal(err)
		}
	}
	r := fx.build(t, Options{})
	if len(r.Documents) != 2 {
		t.Fatalf("report has %d documents", len(r.Documents))
	}
	doc := tools.render(t, r, "")
	doc.checkPageNumbers(t)
	page := doc.pageOf("LAMPIRAN DOKUMEN")
	if page == 0 {
		t.Fatal("no LAMPIRAN DOKUMEN page")
	}
	text := doc.page(t, page)
	for _, want := range []string{"1. Undangan rapat koordinasi.pdf", "2. Notulen rapat.docx", "Dokumen PDF", "Dokumen Word (DOCX)",
		"Kegiatan: " + entries[0].Title} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("LAMPIRAN DOKUMEN lacks %q:\n%s", want, text)
		}
	}

	var buf bytes.Buffer
	if err := WriteXLSX(&buf, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(SheetDocuments)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(rows[XLSXHeaderRow], "|")
	for _, row := range rows[XLSXHeaderRow:] {
		got += "\n" + strings.Join(row, "|")
	}
	for _, want := range []string{"Undangan rapat koordinasi.pdf|Dokumen PDF", "Notulen rapat.docx|Dokumen Word (DOCX)"} {
		if !strings.Contains(got, want) {
			t.Errorf("sheet %s lacks %q:\n%s", SheetDocuments, want, got)
		}
	}

	r.Documents = nil
	if without := tools.render(t, r, ""); without.pageOf("LAMPIRAN DOKUMEN") != 0 {
		t.Error("a report without documents has a LAMPIRAN DOKUMEN page")
	}
}
