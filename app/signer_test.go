package app

import (
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// Pengaturan → Laporan offers the office's Penandatangan (not a drafter)
// and saves the one chosen; the export form offers them too and hands the
// choice to the report.
func TestSignerChoice(t *testing.T) {
	u, st := newTestUI(t)
	verifier, err := data.HashPassword("rahasia-uji-1")
	if err != nil {
		t.Fatal(err)
	}
	person := func(name, position string, roles ...string) *data.Person {
		return &data.Person{Name: name, Position: position, Active: true, Roles: roles, Verifier: verifier}
	}
	ketua := person("Hamdan Kurniawan", "Ketua", data.RoleSigner)
	sekr := person("Dewi Sekar Arum", "Sekretaris", data.RoleSigner, data.RoleVerifier)
	if _, err := st.InsertBatch(ctx, []data.Record{ketua, sekr, person("Rina", "Staf", data.RoleDrafter)}, false); err != nil {
		t.Fatal(err)
	}

	s := u.settings.report
	s.load()
	want := []string{"Belum dipilih: satu-satunya penanda tangan kantor, atau pimpinan di Profil kantor",
		"Dewi Sekar Arum — Sekretaris", "Hamdan Kurniawan — Ketua"}
	if got := s.signer.Select.Options; len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("signer choices %q, want %q", got, want)
	}
	s.signer.Select.SetSelected("Hamdan Kurniawan — Ketua")
	s.save()
	if id, _ := st.Setting(ctx, store.SettingReportSigner, ""); id != ketua.ID {
		t.Fatalf("saved signer %q, want %s", id, ketua.ID)
	}
	s.load()
	if s.signer.Selected() != ketua.ID {
		t.Fatalf("reloaded signer %q", s.signer.Selected())
	}

	v := u.export
	v.refresh()
	if v.signer.Empty() || !v.signRow[0].Visible() {
		t.Fatal("the export form does not offer the signers")
	}
	if opt := v.options(); opt.SignerID != "" {
		t.Fatalf("the usual signer is chosen by default, got %q", opt.SignerID)
	}
	v.signer.Select.SetSelected("Dewi Sekar Arum — Sekretaris")
	if opt := v.options(); opt.SignerID != sekr.ID {
		t.Fatalf("export signer %q, want %s", opt.SignerID, sekr.ID)
	}
}
