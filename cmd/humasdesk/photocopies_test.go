package main

import (
	"bytes"
	"context"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// humasdesk export on a database from before photo copies makes them
// first, then the PDF.
func TestExportMakesMissingPhotoCopies(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "humasdesk.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	office, _ := st.CurrentOffice(ctx)
	office.Name, office.Region, office.HeadName, office.HeadPosition = "KPU Kabupaten Sleman", "Sleman", "Ahmad", "Ketua"
	if err := st.SaveOffice(ctx, office); err != nil {
		t.Fatal(err)
	}
	e := &data.Entry{Title: "Sosialisasi", ActivityType: "sosialisasi", Strategy: 4,
		StartDate: data.NewDate(2025, 2, 3), Status: data.EntryDone}
	if err := st.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	img := image.NewGray(image.Rect(0, 0, 1800, 1000))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 13)
	}
	var buf bytes.Buffer
	jpeg.Encode(&buf, img, nil)
	photo := filepath.Join(dir, "foto.jpg")
	os.WriteFile(photo, buf.Bytes(), 0o600)
	p, err := st.AttachPhoto(ctx, e.ID, photo, "Peserta")
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if err := os.RemoveAll(st.PhotoCopyDir()); err != nil {
		t.Fatal(err)
	}

	var out, errOut, progress bytes.Buffer
	progressOut = &progress
	defer func() { progressOut = os.Stderr }()
	pdf := filepath.Join(dir, "laporan.pdf")
	if err := run([]string{"export", "--db", db, "--year", "2025", "--quarter", "1", "--out", pdf}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(progress.Bytes(), []byte("Menyiapkan foto (sekali saja): 1 dari 1\n")) {
		t.Errorf("progress %q", progress.String())
	}
	if _, err := os.Stat(st.ReportCopyPath(p.Hash)); err != nil {
		t.Error("no report copy made")
	}
	if _, err := os.Stat(st.ThumbnailPath(p.Hash)); err != nil {
		t.Error("no thumbnail made")
	}
	if fi, err := os.Stat(pdf); err != nil || fi.Size() == 0 {
		t.Errorf("PDF: %v", err)
	}
}
