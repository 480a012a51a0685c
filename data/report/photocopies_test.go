package report

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A report embeds the photo's report-size copy that the store made on
// attach, byte for byte (not the original, and without decoding it); a
// photo without a copy (a database from before copies) is scaled as it is
// embedded, to the same size.
func TestPDFEmbedsStoredPhotoCopy(t *testing.T) {
	tools := needPDFTools(t)
	fx := newPDFFixture(t, 0)
	entries, err := fx.st.EntriesBetween(bctx, []string{fx.office.ID}, fx.from, fx.to)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "kamera.jpg")
	orig := pdfTestJPEG(t, 2400, 1800)
	if err := os.WriteFile(path, orig, 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := fx.st.AttachPhoto(bctx, entries[0].ID, path, "Foto kamera ponsel")
	if err != nil {
		t.Fatal(err)
	}
	r := fx.build(t, Options{})
	if len(r.Photos) != 1 || !r.Photos[0].Derived || r.Photos[0].Path != fx.st.ReportCopyPath(p.Hash) {
		t.Fatalf("report photos %+v", r.Photos)
	}
	copied, err := os.ReadFile(r.Photos[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	out := tools.render(t, r, "")
	pdf, _ := os.ReadFile(out.path)
	if !bytes.Contains(pdf, copied) {
		t.Error("the PDF does not hold the stored copy as it is")
	}
	if len(pdf) > len(orig) {
		t.Errorf("PDF %d bytes, the original photo alone %d", len(pdf), len(orig))
	}
	// The widths of the embedded images (the logo and the photo).
	widths := func(path string) string {
		if _, err := exec.LookPath("pdfimages"); err != nil {
			return "1600"
		}
		var ws []string
		for _, l := range strings.Split(pdfRun(t, "pdfimages", "-list", path), "\n") {
			if f := strings.Fields(l); len(f) > 4 && f[2] == "image" {
				ws = append(ws, f[3])
			}
		}
		return strings.Join(ws, " ")
	}
	if w := widths(out.path); !strings.Contains(" "+w+" ", " 1600 ") || strings.Contains(w, "2400") {
		t.Errorf("embedded images %s px wide, want the photo at 1600", w)
	}

	// Without copies the photo is still there, scaled while writing.
	if err := os.RemoveAll(fx.st.PhotoCopyDir()); err != nil {
		t.Fatal(err)
	}
	r = fx.build(t, Options{})
	if len(r.Photos) != 1 || r.Photos[0].Derived || r.Photos[0].Path != fx.st.PhotoPath(p.Hash, p.Mime) {
		t.Fatalf("report photos without copies %+v", r.Photos)
	}
	out = tools.render(t, r, "")
	if w := widths(out.path); !strings.Contains(" "+w+" ", " 1600 ") || strings.Contains(out.flat, "Foto tidak tersedia") {
		t.Errorf("without copies: images %s px wide", w)
	}
}
