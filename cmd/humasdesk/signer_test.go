package main

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// humasdesk export --signer picks the report's signer among the office's
// Penandatangan by name; the PDF's signature block shows that person's
// name, jabatan and NIP; a name that is not a signer is refused.
func TestCLIExportSigner(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatal("pdftotext is needed (poppler-utils)")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "humasdesk.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	bg := context.Background()
	office, err := st.CurrentOffice(bg)
	if err != nil {
		t.Fatal(err)
	}
	office.Name, office.Region, office.HeadName, office.HeadPosition = "KPU Kabupaten Sleman", "Sleman", "Pimpinan Lama", "Ketua Lama"
	if err := st.SaveOffice(bg, office); err != nil {
		t.Fatal(err)
	}
	verifier, err := data.HashPassword("rahasia-uji-1")
	if err != nil {
		t.Fatal(err)
	}
	signer := func(name, position, nip string) *data.Person {
		return &data.Person{Name: name, Position: position, NIP: nip, Active: true, Roles: data.List[string]{data.RoleSigner}, Verifier: verifier}
	}
	if _, err := st.InsertBatch(bg, []data.Record{signer("Hamdan Kurniawan", "Ketua KPU Kabupaten Sleman", ""),
		signer("Dewi Sekar Arum", "Sekretaris KPU Kabupaten Sleman", "198203152006042001")}, false); err != nil {
		t.Fatal(err)
	}
	st.Close()

	pdf := filepath.Join(dir, "tw3.pdf")
	var out bytes.Buffer
	if err := run([]string{"export", "--db", db, "--year", "2026", "--quarter", "3", "--signer", "Dewi Sekar Arum", "--out", pdf}, &out, &out); err != nil {
		t.Fatalf("export: %v\n%s", err, out.String())
	}
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Sekretaris KPU Kabupaten Sleman", "Dewi Sekar Arum", "NIP. 198203152006042001"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if strings.Contains(string(text), "Pimpinan Lama") {
		t.Error("the legacy head signs although a signer was chosen")
	}

	err = run([]string{"export", "--db", db, "--year", "2026", "--quarter", "3", "--signer", "Orang Lain", "--out", filepath.Join(dir, "x.pdf")}, &out, &out)
	if err == nil || !strings.Contains(err.Error(), "bukan orang aktif berperan Penandatangan") {
		t.Fatalf("an unknown signer: %v", err)
	}
}
