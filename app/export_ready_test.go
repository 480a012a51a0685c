package app

import (
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

// With the office profile never filled in, an export opens the set-up
// form before any file is chosen, instead of printing a blank letterhead
// (report.CheckOffice decides; the CLI refuses with the same rule).
func TestExportAsksForTheProfileFirst(t *testing.T) {
	u, _ := newTestUI(t)
	u.tabs.SelectIndex(3)
	u.reports.SelectIndex(1)
	u.export.chooseFile()
	if u.export.setup == nil {
		t.Fatal("no set-up form for an empty profile")
	}
	if u.lastError != "" {
		t.Errorf("error shown instead of the set-up: %q", u.lastError)
	}
}
