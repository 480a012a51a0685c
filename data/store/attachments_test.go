package store

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// docxBytes is a minimal Word document.
func docxBytes(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range []string{"[Content_Types].xml", "word/document.xml"} {
		w, _ := zw.Create(n)
		w.Write([]byte("<x/>"))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func docFile(t *testing.T, dir, name string, raw []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// Attaching documents: accepted types are stored once by content under
// their type's extension and listed with their names; a file of another
// type or over the size limit is refused with a message naming the file
// and the rule, and leaves neither a row nor a file.
func TestAttachFile(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	e := entry("Rapat koordinasi", 2, data.NewDate(2024, 5, 2))
	if err := s.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pdf := docFile(t, dir, "Undangan.pdf", []byte("%PDF-1.7\n%%EOF\n"))
	docx := docFile(t, dir, "Notulen.docx", docxBytes(t))
	for _, f := range []string{pdf, docx, pdf} { // the same PDF twice: two records, one file
		if _, err := s.AttachFile(ctx, e.ID, "", f); err != nil {
			t.Fatalf("attach %s: %v", f, err)
		}
	}
	got, err := s.Attachments(ctx, e.ID)
	if err != nil || len(got) != 3 {
		t.Fatalf("Attachments = %v, %+v", err, got)
	}
	if got[0].Name != "Undangan.pdf" || got[0].Mime != data.MimePDF || got[1].Mime != data.MimeDOCX || got[0].OfficeID == "" {
		t.Errorf("attachments: %+v", got)
	}
	if p := s.FilePath(got[0].Hash, got[0].Mime); !strings.HasSuffix(p, ".pdf") || !fileExists(p) {
		t.Errorf("stored PDF at %s", p)
	}

	before, _ := rows(t, s, "attachments")
	big := make([]byte, syncapi.MaxAttachmentBytes+1)
	copy(big, "%PDF-1.7\n")
	refused := []struct{ file, want string }{
		{docFile(t, dir, "program.pdf", append([]byte("MZ"), make([]byte, 64)...)), "berkas program.pdf tidak dapat dilampirkan: jenis yang diterima JPEG, PNG, PDF, DOCX, XLSX"},
		{docFile(t, dir, "catatan.txt", []byte("notulen")), "catatan.txt"},
		{docFile(t, dir, "besar.pdf", big), "lampiran besar.pdf terlalu besar (paling besar 25 MB)"},
		{filepath.Join(dir, "tidak-ada.pdf"), "tidak-ada.pdf tidak dapat dibuka"},
	}
	for _, r := range refused {
		_, err := s.AttachFile(ctx, e.ID, "", r.file)
		if err == nil || !strings.Contains(err.Error(), r.want) {
			t.Errorf("attach %s: %v, want %q", filepath.Base(r.file), err, r.want)
		}
	}
	if after, _ := rows(t, s, "attachments"); after != before {
		t.Errorf("refused files added rows: %d → %d", before, after)
	}
	if _, err := s.AttachFile(ctx, "no-such-entry", "", pdf); err != ErrNotFound {
		t.Errorf("attach to a missing entry: %v", err)
	}
	if _, err := s.AttachFile(ctx, "", "", pdf); err == nil {
		t.Error("attach to nothing accepted")
	}
}

// A backup archive holds the attachments' files (manifest kind
// "attachment"), and a restore into an empty folder brings them back.
func TestAttachmentsBackedUp(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	e := entry("Sosialisasi", 4, data.NewDate(2024, 6, 1))
	if err := s.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	a, err := s.AttachFile(ctx, e.ID, "", docFile(t, t.TempDir(), "Daftar hadir.docx", docxBytes(t)))
	if err != nil {
		t.Fatal(err)
	}
	arch := filepath.Join(t.TempDir(), "cadangan.zip")
	info, err := s.BackupArchive(ctx, arch)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range info.Manifest.Files {
		found = found || (f.Kind == FileAttachment && strings.HasSuffix(f.Path, a.Hash+".docx"))
	}
	if !found {
		t.Fatalf("manifest lacks the attachment: %+v", info.Manifest.Files)
	}
	target := filepath.Join(t.TempDir(), "humasdesk.db")
	if _, err := RestoreBackup(ctx, target, arch); err != nil {
		t.Fatal(err)
	}
	r, err := Open(target)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got, err := r.Attachments(ctx, e.ID)
	if err != nil || len(got) != 1 || got[0].Name != "Daftar hadir.docx" {
		t.Fatalf("restored attachments: %v %+v", err, got)
	}
	want, _ := os.ReadFile(s.FilePath(a.Hash, a.Mime))
	if have, err := os.ReadFile(r.FilePath(a.Hash, a.Mime)); err != nil || !bytes.Equal(have, want) {
		t.Fatalf("restored file: %v", err)
	}
}
