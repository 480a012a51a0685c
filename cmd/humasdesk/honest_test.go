package main

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
)

// humasdesk export refuses a report without an office profile or signer,
// and a rollup without offices below, saying what is missing; a report of
// the current quarter says it has not ended and counts the planned
// activities apart.
func TestExportHonest(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "humasdesk.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	today := data.Today()
	q := iddate.QuarterOf(today)
	export := func(extra ...string) (string, error) {
		var out, errOut bytes.Buffer
		args := append([]string{"export", "--db", db, "--year", fmt.Sprint(today.Year), "--quarter", fmt.Sprint(q),
			"--out", filepath.Join(dir, "laporan.pdf")}, extra...)
		err := run(args, &out, &errOut)
		return out.String(), err
	}

	st.Close()
	if _, err := export(); err == nil || !strings.Contains(err.Error(), "nama kantor") ||
		!strings.Contains(err.Error(), "Pengaturan → Profil kantor") {
		t.Errorf("placeholder profile: %v", err)
	}

	if st, err = store.Open(db); err != nil {
		t.Fatal(err)
	}
	office, _ := st.CurrentOffice(ctx)
	office.Name, office.Region, office.HeadName, office.HeadPosition = "KPU Kabupaten Sleman", "Sleman", "Ahmad", "Ketua"
	if err := st.SaveOffice(ctx, office); err != nil {
		t.Fatal(err)
	}
	from, to := iddate.QuarterRange(today.Year, q)
	for _, e := range []*data.Entry{
		{Title: "Sudah", ActivityType: "sosialisasi", Strategy: 4, StartDate: from, Status: data.EntryDone},
		{Title: "Nanti", ActivityType: "sosialisasi", Strategy: 4, StartDate: to},
	} {
		if err := st.SaveEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	if _, err := export("--rollup"); err == nil || !strings.Contains(err.Error(), "belum ada kantor di bawah KPU Kabupaten Sleman") {
		t.Errorf("rollup alone: %v", err)
	}
	out, err := export()
	if err != nil {
		t.Fatal(err)
	}
	wantPlanned := 1
	if !to.After(today) { // the last day of the quarter is today: nothing is planned
		wantPlanned = 0
	}
	if !strings.Contains(out, fmt.Sprintf("%d direncanakan", wantPlanned)) {
		t.Errorf("output %q", out)
	}
	if note := "Periode belum berakhir: data per " + iddate.Medium(today); to.After(today) != strings.Contains(out, note) {
		t.Errorf("output %q, note %q expected: %v", out, note, to.After(today))
	}
}

// humasdesk import --check names the cells of a mixed-encoding file it
// read as Windows-1252.
func TestImportWarnsOfMixedEncoding(t *testing.T) {
	db := filepath.Join(t.TempDir(), "humasdesk.db")
	var out, errOut bytes.Buffer
	file := filepath.Join("..", "..", "data", "csvimport", "testdata", "campuran-utf8-latin1.csv")
	if err := run([]string{"import", "--db", db, "--kind", "entries", "--check", file}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "periksa: baris 3, kolom lokasi") || !strings.Contains(out.String(), "Gedung Café") {
		t.Errorf("output %q", out.String())
	}
}
