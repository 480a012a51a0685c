package app

import (
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data/check"
)

// An official added in Pengaturan → Netralitas is found in election
// content, with the title and name as one finding.
func TestOfficialFromSettingsIsFound(t *testing.T) {
	u, st := newTestUI(t)
	s := u.settings.netralitas
	if !s.empty.Visible() {
		t.Error("no hint while there are no officials")
	}
	r := s.addRow(check.Official{})
	typeInto(r.name, "Dr. H. Ahmad Santoso, M.Si.")
	typeInto(r.title, "Bupati Sleman")
	typeInto(r.aliases, "Mas Ahmad")
	typeInto(r.taglines, "Sleman Lebih Sejahtera")
	test.Tap(s.saveBtn)
	if s.offStatus.Text != "Tersimpan." || s.offErr.Visible() {
		t.Fatalf("saving officials: %q %q", s.offStatus.Text, s.offErr.Text)
	}
	raw, _ := st.Setting(ctx, check.SettingOfficials, "")
	if raw != `[{"name":"Dr. H. Ahmad Santoso, M.Si.","title":"Bupati Sleman","aliases":["Mas Ahmad"],"taglines":["Sleman Lebih Sejahtera"]}]` {
		t.Errorf("stored %s", raw)
	}
	if len(s.rows) != 1 || s.rows[0].title.Text != "Bupati Sleman" || s.empty.Visible() {
		t.Errorf("shown again: %d rows", len(s.rows))
	}

	writeDraft(t, u, st, "Sosialisasi Pilkada 2024",
		"Bupati Sleman, Dr. H. Ahmad Santoso, M.Si., mengajak warga menggunakan hak pilih di TPS pada Pilkada 2024. Sleman Lebih Sejahtera!")
	c := u.draftEd.checker
	var rules []string
	for _, v := range c.views {
		rules = append(rules, v.f.Rule+"="+highlighted(v))
	}
	if got := strings.Join(rules, "; "); got != "pejabat=Bupati Sleman, Dr. H. Ahmad Santoso; tagline=Sleman Lebih Sejahtera" {
		t.Errorf("findings: %s", got)
	}

	// A row with an alias but neither name nor title is refused.
	r = s.addRow(check.Official{})
	typeInto(r.aliases, "Pak Bupati")
	test.Tap(s.saveBtn)
	if !s.offErr.Visible() || s.offErr.Text != "Pejabat ke-2: isi nama atau jabatannya." {
		t.Errorf("error %q", s.offErr.Text)
	}
	s.removeRow(r)
	test.Tap(s.saveBtn)
	if s.offErr.Visible() {
		t.Errorf("error after removing the row: %q", s.offErr.Text)
	}
}

// Importing a list with bad lines shows each with its number and keeps
// the list in use; a good list replaces it, is exported as it is in use,
// and "Pulihkan bawaan" goes back to the shipped one.
func TestTermListImportExportRestore(t *testing.T) {
	u, st := newTestUI(t)
	s := u.settings.netralitas
	if !strings.HasPrefix(s.termsAbout.Text, "Berlaku: daftar bawaan — 9 istilah SARA, 13 istilah ujaran kebencian") {
		t.Errorf("about: %q", s.termsAbout.Text)
	}

	bad := "\ufeff# daftar kantor\r\nujaran_kebencian: hasut\r\nrasis: kata kasar\r\nsara: \"pribumi\r\nujaran_kebencian: hasut\r\n"
	if err := s.importTerms(strings.NewReader(bad)); err == nil {
		t.Fatal("a bad list was imported")
	}
	got := s.termsErr.Text
	for _, want := range []string{"Daftar tidak diimpor; daftar yang berlaku tetap dipakai.",
		"baris 3: kategori \"rasis\" tidak dikenal", "baris 4: tanda kutip tidak ditutup",
		"baris 5: istilah \"hasut\" ganda, sudah ada di baris 2"} {
		if !strings.Contains(got, want) {
			t.Errorf("the error does not say %q:\n%s", want, got)
		}
	}
	if !s.termsErr.Visible() {
		t.Error("the error is not shown")
	}
	if v, _ := st.Setting(ctx, check.SettingTerms, ""); v != "" {
		t.Fatalf("the list changed: %q", v)
	}

	good := "sara: pribumi\nujaran_kebencian: hasut\nujaran_kebencian: ganyang\npemilu: pilkada\n"
	if err := s.importTerms(strings.NewReader(good)); err != nil {
		t.Fatal(err)
	}
	if s.termsErr.Visible() || s.termsStatus.Text != "4 istilah diimpor." ||
		s.termsAbout.Text != "Berlaku: daftar milik kantor — 1 istilah SARA, 2 istilah ujaran kebencian, 0 frasa provokasi hoaks, dan 1 kata penanda." {
		t.Errorf("after importing: %q / %q", s.termsStatus.Text, s.termsAbout.Text)
	}
	var out bytes.Buffer
	if err := s.exportTerms(&out); err != nil {
		t.Fatal(err)
	}
	terms, err := check.ParseTerms(&out)
	if err != nil || len(terms) != 4 || terms[2].Text != "ganyang" {
		t.Errorf("exported %+v, %v", terms, err)
	}
	// The office's list is what the check uses: "bantai" is not in it.
	writeDraft(t, u, st, "Uji daftar", "Warga menolak ajakan membantai dan menghasut.")
	if c := u.draftEd.checker; len(c.views) != 1 || highlighted(c.views[0]) != "menghasut" {
		t.Errorf("findings with the office's list: %d", len(c.views))
	}

	test.Tap(s.resetBtn)
	tapDialogButton(t, u.win, "Ya")
	if v, _ := st.Setting(ctx, check.SettingTerms, "x"); v != "" || !strings.HasPrefix(s.termsAbout.Text, "Berlaku: daftar bawaan") {
		t.Errorf("after restoring: setting %q, about %q", v, s.termsAbout.Text)
	}
	// The open draft was checked again with the shipped list.
	if c := u.draftEd.checker; len(c.views) != 2 {
		t.Errorf("findings with the shipped list: %d", len(c.views))
	}
	out.Reset()
	if err := s.exportTerms(&out); err != nil || !strings.Contains(out.String(), "ujaran_kebencian: bantai") {
		t.Errorf("the shipped list exports as %q, %v", out.String(), err)
	}
}
