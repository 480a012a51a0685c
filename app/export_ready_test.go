package app

import (
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data/store"
)

// fillProfile gives the current office the letterhead and signer that a
// report needs (report.CheckOffice).
func fillProfile(t *testing.T, st *store.Store) {
	t.Helper()
	o, err := st.CurrentOffice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	o.Name, o.Region, o.HeadName, o.HeadPosition = "KPU Kabupaten Sleman", "Sleman", "Ahmad", "Ketua"
	if err := st.SaveOffice(ctx, o); err != nil {
		t.Fatal(err)
	}
}

// With the office profile never filled in, the export is refused before
// any file is chosen, naming what is missing and where to fill it.
func TestExportRefusedWithoutProfile(t *testing.T) {
	u, _ := newTestUI(t)
	u.tabs.SelectIndex(3)
	u.reports.SelectIndex(1)
	u.export.chooseFile()
	for _, want := range []string{"Laporan gagal diekspor", "nama kantor", "nama pimpinan (penanda tangan)", "Pengaturan → Profil kantor"} {
		if !strings.Contains(u.lastError, want) {
			t.Errorf("error shown %q lacks %q", u.lastError, want)
		}
	}
	tapDialogButton(t, u.win, "OK")
}
