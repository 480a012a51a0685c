package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// templateButton is Konten's "Baru dari templat…".
func templateButton(t *testing.T, u *UI) *widget.Button {
	t.Helper()
	for _, o := range u.drafts.K.Tools {
		if b, ok := o.(*widget.Button); ok && b.Text == "Baru dari templat…" {
			return b
		}
	}
	t.Fatal("Konten has no \"Baru dari templat…\"")
	return nil
}

// A shipped template, filled with the office profile and the agencies
// chosen, opens as a new draft in the form; saving keeps it.
func TestNewDraftFromTemplate(t *testing.T) {
	u, st := newTestUI(t)
	office, _ := st.CurrentOffice(ctx)
	office.Name, office.Region = "Dinas Komunikasi dan Informatika Kabupaten Sleman", "Sleman"
	if err := st.SaveOffice(ctx, office); err != nil {
		t.Fatal(err)
	}
	mustSaveAgency(t, st, "KPU Kabupaten Sleman", "kpu")
	showView(t, u, u.drafts.Content)

	test.Tap(templateButton(t, u))
	p := u.draftEd.picker
	if p == nil || !p.create.Disabled() {
		t.Fatal("the template dialog is not open, or offers to create without a template")
	}
	p.choice.SetSelected("Siaran pers (bawaan)")
	if p.create.Disabled() || p.about.Text != "Jenis: Berita/Siaran pers" {
		t.Fatalf("after choosing: %q", p.about.Text)
	}
	test.Type(p.agencies.search, "kpu")
	test.Tap(p.agencies.result("KPU Kabupaten Sleman"))
	typeInto(p.date.Entry, "10 Juli 2026")
	tapDialogButton(t, u.win, "Buat konten")

	f, b := u.draftEd, u.drafts
	if u.draftEd.picker != nil || u.win.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stayed open")
	}
	if b.FormTitle.Text != "Konten baru" || f.kind.Code() != "siaran_pers" || f.planned.Shown.Text != "Jumat, 10 Juli 2026" {
		t.Errorf("form: %q, kind %q, date %q", b.FormTitle.Text, f.kind.Code(), f.planned.Shown.Text)
	}
	for _, want := range []string{"SIARAN PERS\nDinas Komunikasi dan Informatika Kabupaten Sleman\n", "Sleman, 10 Juli 2026 —",
		"yaitu KPU Kabupaten Sleman, dan"} {
		if !strings.Contains(f.body.Text, want) {
			t.Errorf("the body lacks %q:\n%s", want, f.body.Text)
		}
	}
	if b.Status.Text != "Dibuat dari templat “Siaran pers”; simpan untuk menyimpannya." ||
		!f.notice.Visible() || !strings.Contains(f.notice.Text, "{{nama_pimpinan}}") {
		t.Errorf("status %q, notice %q", b.Status.Text, f.notice.Text)
	}
	if n, _ := st.CountDrafts(ctx, store.Filter{}); n != 0 {
		t.Fatal("the draft was stored before Save")
	}
	test.Tap(b.SaveBtn)
	if f.notice.Visible() {
		t.Error("the notice stays after saving")
	}
	got, err := st.Drafts(ctx, store.Filter{}, 0, 10)
	if err != nil || len(got) != 1 || !strings.Contains(got[0].Body, "Dinas Komunikasi dan Informatika Kabupaten Sleman") ||
		got[0].Title != "[Judul siaran pers]" || len(got[0].AgencyIDs) != 1 {
		t.Fatalf("stored %+v, %v", got, err)
	}
}

// Pengaturan → Templat adds, edits and deletes the office's own templates,
// which "Baru dari templat…" then offers.
func TestOfficeTemplates(t *testing.T) {
	u, st := newTestUI(t)
	s := u.settings.templates
	if !strings.Contains(strings.Join(labelTexts(s.content), "\n"), "{{nama_kantor}} — Nama kantor (profil kantor)") {
		t.Error("the placeholders are not listed")
	}
	// Refused without a name and kind.
	test.Tap(s.saveBtn)
	if s.f.ErrorText("name") != "Nama templat wajib diisi" || s.f.ErrorText("draft_kind") != "Jenis konten wajib diisi" {
		t.Errorf("errors: %q, %q", s.f.ErrorText("name"), s.f.ErrorText("draft_kind"))
	}
	// Started from a shipped one.
	s.copyFrom.SetSelected("Pengumuman")
	if s.name.Text != "Pengumuman (salinan)" || s.kind.Code() != "pengumuman" || !strings.Contains(s.body.Text, "{{nama_kantor}}") {
		t.Fatalf("copy: %q %q", s.name.Text, s.kind.Code())
	}
	typeInto(s.name, "Pengumuman libur layanan")
	test.Tap(s.saveBtn)
	if s.status.Text != "Tersimpan." || s.pick.Selected != "Pengumuman libur layanan" {
		t.Fatalf("after saving: %q, selected %q", s.status.Text, s.pick.Selected)
	}
	ts, _ := st.Templates(ctx, "pengumuman")
	if len(ts) != 2 || ts[1].Name != "Pengumuman libur layanan" {
		t.Fatalf("templates %+v", ts)
	}

	showView(t, u, u.drafts.Content)
	test.Tap(templateButton(t, u))
	p := u.draftEd.picker
	if !containsString(p.choice.Options, "Pengumuman libur layanan") {
		t.Errorf("the dialog offers %q", p.choice.Options)
	}
	tapDialogButton(t, u.win, "Batal")

	test.Tap(s.deleteBtn)
	tapDialogButton(t, u.win, "Ya")
	if ts, _ := st.Templates(ctx, "pengumuman"); len(ts) != 1 || len(s.pick.Options) != 0 || s.status.Text != "Data dihapus." {
		t.Errorf("after deleting: %d templates, options %q, status %q", len(ts), s.pick.Options, s.status.Text)
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// The local user is stated in Pengaturan → Pengguna: name and role are
// required, and the form offers the steps of the role.
func TestLocalUserSettings(t *testing.T) {
	u, st := newTestUI(t)
	s := u.settings.user
	test.Tap(s.saveBtn)
	if s.f.ErrorText("name") != "Nama pengguna wajib diisi" || s.f.ErrorText("role") != "Peran wajib diisi" {
		t.Errorf("errors: %q, %q", s.f.ErrorText("name"), s.f.ErrorText("role"))
	}
	typeInto(s.name, "  Ani   Lestari ")
	typeInto(s.position, "Kasubbag Humas")
	s.role.SetSelected("Verifikator")
	test.Tap(s.saveBtn)
	got, _ := st.LocalUser(ctx)
	if got != (data.User{Name: "Ani Lestari", Position: "Kasubbag Humas", Role: data.RoleReviewer}) || s.name.Text != "Ani Lestari" {
		t.Errorf("stored %+v, shown %q", got, s.name.Text)
	}
	if u.draftEd.flow.who.Text != "Anda bertindak sebagai Ani Lestari (Verifikator)." {
		t.Errorf("the Konten form says %q", u.draftEd.flow.who.Text)
	}
	// A reviewer does not write: a new draft offers no step.
	if len(offered(u)) != 0 {
		t.Errorf("a reviewer is offered %v on a new draft", offered(u))
	}
}
