package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// Exporting from a fresh installation opens the set-up instead of writing
// "KANTOR HUMAS" over an empty signature: what is missing is named under
// its field, Batal leaves everything as it was, and a filled form saves
// the profile and the pattern and goes on to the save dialog. A CSV needs
// no set-up.
func TestExportOpensTheSetupFirst(t *testing.T) {
	u, st := newTestUI(t)
	v := u.export
	fixToday(u, data.NewDate(2024, 7, 15))

	v.format.SetSelected("CSV")
	if u.needsSetup("csv") {
		t.Error("a CSV asks for the set-up")
	}
	v.format.SetSelected("PDF")
	v.chooseFile()
	s := v.setup
	if s == nil {
		t.Fatal("no set-up opened")
	}
	if s.name.Text != "" || s.pattern.Text != "{no}/HM.00.02/{romawi}/{tahun}" {
		t.Errorf("set-up starts with name %q, pattern %q", s.name.Text, s.pattern.Text)
	}
	// Saving it empty names every missing field.
	tapDialogButton(t, u.win, "Simpan dan lanjutkan")
	for _, key := range []string{"name", "region", "head_name", "head_position"} {
		if s.f.ErrorText(key) != "Wajib diisi untuk laporan" {
			t.Errorf("%s: %q", key, s.f.ErrorText(key))
		}
	}
	// A pattern without {no} would give every report the same number.
	typeInto(s.pattern, "HM.00.02/{tahun}")
	tapDialogButton(t, u.win, "Simpan dan lanjutkan")
	if s.f.ErrorText("pattern") != "Pola harus memuat {no}, yaitu nomor urut" {
		t.Errorf("pattern: %q", s.f.ErrorText("pattern"))
	}
	// A wrong NIP is the profile's own rule.
	typeInto(s.name, "KPU Kabupaten Sleman")
	typeInto(s.region, "Kabupaten Sleman")
	typeInto(s.signer.name, "Dra. Siti Aminah")
	typeInto(s.signer.position, "Ketua")
	typeInto(s.signer.nip, "1234")
	typeInto(s.signer.place, "Sleman")
	typeInto(s.pattern, "{no}/PP.01/{romawi}/{tahun}")
	tapDialogButton(t, u.win, "Simpan dan lanjutkan")
	if s.f.ErrorText("head_nip") == "" {
		t.Error("a four-digit NIP was accepted")
	}
	if o, _ := st.CurrentOffice(ctx); o.HeadName != "" {
		t.Fatalf("a refused set-up stored %+v", o)
	}
	typeInto(s.signer.nip, "196805121994032001")
	tapDialogButton(t, u.win, "Simpan dan lanjutkan")

	o, err := st.CurrentOffice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if o.Name != "KPU Kabupaten Sleman" || o.Region != "Kabupaten Sleman" || o.HeadName != "Dra. Siti Aminah" ||
		o.HeadPosition != "Ketua" || o.HeadNIP != "196805121994032001" || o.SignerPlace != "Sleman" {
		t.Errorf("profile saved: %+v", o)
	}
	if p, _ := st.Setting(ctx, store.SettingReportNumber, ""); p != "{no}/PP.01/{romawi}/{tahun}" {
		t.Errorf("pattern saved: %q", p)
	}
	// It went on to the save dialog, and the form numbers with the pattern.
	if top := u.win.Canvas().Overlays().Top(); top == nil || len(test.LaidOutObjects(top)) == 0 {
		t.Error("no save dialog after the set-up")
	}
	if v.number.Text != "001/PP.01/VII/2024" {
		t.Errorf("number = %q", v.number.Text)
	}
	if u.settings.office.current.HeadName != "Dra. Siti Aminah" {
		t.Error("Pengaturan still shows the old profile")
	}
	// Once filled, an export asks nothing more.
	if u.needsSetup("pdf") {
		t.Error("the set-up is asked again")
	}
}

// Batal closes the set-up and stores nothing.
func TestSetupCancelStoresNothing(t *testing.T) {
	u, st := newTestUI(t)
	u.export.chooseFile()
	s := u.export.setup
	if s == nil {
		t.Fatal("no set-up opened")
	}
	typeInto(s.name, "Diskominfo Kota Malang")
	tapDialogButton(t, u.win, "Batal")
	if o, _ := st.CurrentOffice(ctx); o.Name != "Kantor Humas" {
		t.Errorf("cancel stored %q", o.Name)
	}
	if p, _ := st.Setting(ctx, store.SettingReportNumber, ""); p != "" {
		t.Errorf("cancel stored the pattern %q", p)
	}
}
