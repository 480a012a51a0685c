package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// showView selects the tab (or Kegiatan/Laporan sub-tab) holding content.
func showView(t *testing.T, u *UI, content fyne.CanvasObject) {
	t.Helper()
	for _, ti := range u.tabs.Items {
		if ti.Content == content {
			u.tabs.Select(ti)
			return
		}
	}
	t.Fatal("no tab shows that view")
}

// actAs states the local user in Pengaturan → Pengguna, as the person at
// the computer would between a writer's and a reviewer's turn.
func actAs(t *testing.T, u *UI, name, role string) {
	t.Helper()
	s := u.settings.user
	showView(t, u, u.settings.content)
	typeInto(s.name, name)
	s.role.SetSelected(role)
	test.Tap(s.saveBtn)
	if s.status.Text != "Tersimpan." {
		t.Fatalf("the user %s (%s) was not saved: %q %q", name, role, s.f.ErrorText("name"), s.f.ErrorText("role"))
	}
	showView(t, u, u.drafts.Content)
}

// writeDraft types a new press release into the Konten form and saves it.
func writeDraft(t *testing.T, u *UI, st *store.Store, title, body string) *data.Draft {
	t.Helper()
	showView(t, u, u.drafts.Content)
	b, f := u.drafts, u.draftEd
	test.Tap(b.NewBtn)
	typeInto(f.title, title)
	f.kind.SetSelected("Berita/Siaran pers")
	typeInto(f.body, body)
	test.Tap(b.SaveBtn)
	if b.Current.ID == "" {
		t.Fatalf("the draft was not saved: %q", f.f.General.Text)
	}
	d, err := st.Draft(ctx, b.Current.ID)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// tapAction taps the workflow button of action a.
func tapAction(t *testing.T, u *UI, a workflow.Action) {
	t.Helper()
	b, ok := u.draftEd.flow.buttons[a]
	if !ok || !b.Visible() {
		t.Fatalf("the form offers no %q; it offers %v", a, offered(u))
	}
	test.Tap(b)
}

// offered lists the actions the form offers, in order.
func offered(u *UI) []workflow.Action {
	var out []workflow.Action
	for _, a := range []workflow.Action{workflow.Submit, workflow.Withdraw, workflow.Approve, workflow.Return, workflow.Publish, workflow.Revise} {
		if b, ok := u.draftEd.flow.buttons[a]; ok && b.Visible() {
			out = append(out, a)
		}
	}
	return out
}

func sameActions(got []workflow.Action, want ...workflow.Action) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i] != want[i] {
			return false
		}
	}
	return true
}

// storedStatus is the draft's status in the store.
func storedStatus(t *testing.T, st *store.Store, id string) string {
	t.Helper()
	d, err := st.Draft(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return d.Status
}

// The whole workflow through the window: a writer submits, a reviewer
// (the local user changed in Pengaturan) returns it with a note, the
// writer submits again, the reviewer approves, and the content is
// published with its link and an Indonesian date. The status is shown,
// never edited; each step is in the history.
func TestWorkflowSubmitReturnApprovePublish(t *testing.T) {
	u, st := newTestUI(t)
	f, b := u.draftEd, u.drafts

	// Without a local user, the form says where to state one and offers no step.
	d := writeDraft(t, u, st, "Rapat koordinasi persiapan Hari Jadi Kabupaten",
		"Sekretaris Daerah memimpin rapat koordinasi persiapan peringatan Hari Jadi Kabupaten bersama perangkat daerah.")
	if len(offered(u)) != 0 || !strings.Contains(f.flow.who.Text, "Pengaturan → Pengguna") {
		t.Fatalf("without a user: actions %v, hint %q", offered(u), f.flow.who.Text)
	}

	// The writer submits.
	actAs(t, u, "Ani Lestari", "Penulis")
	if !sameActions(offered(u), workflow.Submit) {
		t.Fatalf("a writer is offered %v on a draft", offered(u))
	}
	tapAction(t, u, workflow.Submit)
	tapDialogButton(t, u.win, "Ajukan")
	if storedStatus(t, st, d.ID) != data.StatusSubmitted || f.flow.status.Text != "Status: Diajukan · revisi 1" {
		t.Fatalf("after submitting: stored %q, shown %q", storedStatus(t, st, d.ID), f.flow.status.Text)
	}
	if !f.title.Disabled() || !f.body.Disabled() || b.SaveBtn.Visible() || !f.flow.lockNote.Visible() {
		t.Errorf("a submitted draft is not locked: title disabled %v, save shown %v, note %q",
			f.title.Disabled(), b.SaveBtn.Visible(), f.flow.lockNote.Text)
	}
	if !sameActions(offered(u), workflow.Withdraw) {
		t.Errorf("the writer is offered %v on a submitted draft", offered(u))
	}

	// The reviewer returns it: without a note the store refuses, and the
	// dialog stays open with its message.
	actAs(t, u, "Budi Santoso", "Verifikator")
	if !sameActions(offered(u), workflow.Approve, workflow.Return) {
		t.Fatalf("a reviewer is offered %v on a submitted draft", offered(u))
	}
	tapAction(t, u, workflow.Return)
	tapDialogButton(t, u.win, "Kembalikan")
	step := f.flow.step
	if step == nil || !step.err.Visible() || step.err.Text != workflow.ErrNoteRequired.Error() {
		t.Fatalf("returning without a note: %+v", step)
	}
	if storedStatus(t, st, d.ID) != data.StatusSubmitted {
		t.Fatal("returned without a note")
	}
	typeInto(step.note, "Lengkapi kutipan Sekretaris Daerah.")
	tapDialogButton(t, u.win, "Kembalikan")
	if storedStatus(t, st, d.ID) != data.StatusReturned || f.title.Disabled() || !b.SaveBtn.Visible() {
		t.Fatalf("after returning: stored %q, title disabled %v", storedStatus(t, st, d.ID), f.title.Disabled())
	}

	// The writer edits and submits again; the reviewer approves.
	actAs(t, u, "Ani Lestari", "Penulis")
	typeInto(f.body, f.body.Text+" \"Semua perangkat daerah siap,\" kata Sekretaris Daerah.")
	tapAction(t, u, workflow.Submit) // saves the edit first
	tapDialogButton(t, u.win, "Ajukan")
	if got, _ := st.Draft(ctx, d.ID); got.Status != data.StatusSubmitted || !strings.Contains(got.Body, "Semua perangkat daerah siap") {
		t.Fatalf("resubmitted %q with body %q", got.Status, got.Body)
	}
	actAs(t, u, "Budi Santoso", "Verifikator")
	tapAction(t, u, workflow.Approve)
	tapDialogButton(t, u.win, "Setujui")
	if storedStatus(t, st, d.ID) != data.StatusApproved || !sameActions(offered(u), workflow.Publish, workflow.Revise) {
		t.Fatalf("after approval: %q, offered %v", storedStatus(t, st, d.ID), offered(u))
	}

	// Publishing asks for the link and the date, typed the Indonesian way.
	tapAction(t, u, workflow.Publish)
	step = f.flow.step
	typeInto(step.link, "https://slemankab.go.id/berita/rapat-hari-jadi")
	typeInto(step.date.Entry, "17 Agustus 2026")
	typeInto(step.clock, "09.30")
	if step.date.Shown.Text != "Senin, 17 Agustus 2026" {
		t.Errorf("the publication date reads %q", step.date.Shown.Text)
	}
	tapDialogButton(t, u.win, "Terbitkan")
	got, _ := st.Draft(ctx, d.ID)
	if got.Status != data.StatusPublished || got.PublishedAt != data.NewDate(2026, 8, 17) ||
		got.PublishedLink != "https://slemankab.go.id/berita/rapat-hari-jadi" {
		t.Fatalf("published %+v", got)
	}
	if f.flow.published.Text != "Terbit Senin, 17 Agustus 2026: https://slemankab.go.id/berita/rapat-hari-jadi" {
		t.Errorf("the form shows %q", f.flow.published.Text)
	}
	if b.CellText(0, 1) != "Terbit" {
		t.Errorf("the list shows status %q", b.CellText(0, 1))
	}

	// The history lists every step: who, when, from → to, the note.
	trail, _ := st.AuditTrail(ctx, d.ID)
	texts := f.trail.texts
	if len(trail) != 5 || len(texts) != 5 {
		t.Fatalf("history: %d steps stored, %d shown", len(trail), len(texts))
	}
	want := []string{
		"Ani Lestari (Penulis)\nAjukan: Draf → Diajukan · revisi 1",
		"Budi Santoso (Verifikator)\nKembalikan: Diajukan → Dikembalikan · revisi 1\nCatatan: Lengkapi kutipan Sekretaris Daerah.",
		"Ani Lestari (Penulis)\nAjukan: Dikembalikan → Diajukan · revisi 1",
		"Budi Santoso (Verifikator)\nSetujui: Diajukan → Disetujui · revisi 1",
		"Budi Santoso (Verifikator)\nTerbitkan: Disetujui → Terbit · revisi 1\nCatatan: Terbit di https://slemankab.go.id/berita/rapat-hari-jadi",
	}
	for i, w := range want {
		at := trail[i].At.In(time.Local)
		when := iddate.Long(data.DateOf(at)) + " " + iddate.Clock(at) + " · "
		if texts[i] != when+w {
			t.Errorf("step %d reads\n%q\nwant\n%q", i+1, texts[i], when+w)
		}
	}
}

// A person who submitted a draft cannot approve it, even with role
// "keduanya": the store refuses, and the dialog shows its words.
func TestSelfApprovalIsRefused(t *testing.T) {
	u, st := newTestUI(t)
	actAs(t, u, "Citra Dewi", "Penulis dan verifikator")
	d := writeDraft(t, u, st, "Pengumuman layanan informasi", "Layanan informasi publik buka setiap hari kerja.")
	tapAction(t, u, workflow.Submit)
	tapDialogButton(t, u.win, "Ajukan")
	if !sameActions(offered(u), workflow.Withdraw, workflow.Approve, workflow.Return) {
		t.Fatalf("keduanya is offered %v", offered(u))
	}
	tapAction(t, u, workflow.Approve)
	tapDialogButton(t, u.win, "Setujui")
	step := u.draftEd.flow.step
	if step == nil || step.err.Text != "konten yang Anda ajukan sendiri tidak dapat Anda setujui; minta verifikator lain untuk menyetujuinya" {
		t.Fatalf("self-approval: %+v", step)
	}
	if got := strings.Join(dialogText(u.win), "\n"); !strings.Contains(got, "tidak dapat Anda setujui") {
		t.Errorf("the dialog shows %q", got)
	}
	if storedStatus(t, st, d.ID) != data.StatusSubmitted {
		t.Error("self-approval went through")
	}
	tapDialogButton(t, u.win, "Batal")
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("the dialog stayed open after Batal")
	}
}

// A step that the role no longer allows (the local user changed behind
// the form's back) is refused with the store's message.
func TestWrongRoleIsRefused(t *testing.T) {
	u, st := newTestUI(t)
	actAs(t, u, "Ani Lestari", "Penulis")
	d := writeDraft(t, u, st, "Jadwal layanan", "Layanan buka pukul 08.00.")
	tapAction(t, u, workflow.Submit)
	tapDialogButton(t, u.win, "Ajukan")
	actAs(t, u, "Budi Santoso", "Verifikator")
	// Another part of the program states a writer, without the form knowing.
	if err := st.SetLocalUser(ctx, data.User{Name: "Dedi", Role: data.RoleWriter}); err != nil {
		t.Fatal(err)
	}
	tapAction(t, u, workflow.Approve)
	tapDialogButton(t, u.win, "Setujui")
	if step := u.draftEd.flow.step; step == nil || !strings.HasPrefix(step.err.Text, "peran Penulis tidak dapat melakukan \"Setujui\"") {
		t.Fatalf("wrong role: %+v", step)
	}
	if storedStatus(t, st, d.ID) != data.StatusSubmitted {
		t.Error("a writer approved")
	}
}

// An approved draft shows its fields locked, with a note on how to edit
// it; Buat revisi baru opens it again as revision 2.
func TestLockedDraftAndNewRevision(t *testing.T) {
	u, st := newTestUI(t)
	f, b := u.draftEd, u.drafts
	actAs(t, u, "Ani Lestari", "Penulis")
	d := writeDraft(t, u, st, "Siaran pers layanan", "Layanan buka pukul 08.00.")
	tapAction(t, u, workflow.Submit)
	tapDialogButton(t, u.win, "Ajukan")
	actAs(t, u, "Budi Santoso", "Verifikator")
	tapAction(t, u, workflow.Approve)
	tapDialogButton(t, u.win, "Setujui")

	// Opened from the list, the approved draft is locked.
	test.Tap(b.NewBtn)
	b.Table.Select(tableCell(0))
	if f.current.ID != d.ID {
		t.Fatal("the list did not open the draft")
	}
	for name, w := range map[string]fyne.Disableable{"title": f.title, "body": f.body, "kind": f.kind, "stage": f.stage,
		"agency search": f.agencies.search, "planned date": f.planned.Entry, "add photo": f.photos.addBtn} {
		if !w.Disabled() {
			t.Errorf("%s is editable on an approved draft", name)
		}
	}
	if b.SaveBtn.Visible() || !strings.Contains(f.flow.lockNote.Text, "Buat revisi baru") {
		t.Errorf("save shown %v, note %q", b.SaveBtn.Visible(), f.flow.lockNote.Text)
	}
	// The store refuses an edit too: the lock is not the form's alone.
	locked := *f.current
	locked.Title = "Diubah"
	if err := st.SaveDraft(ctx, &locked); err == nil {
		t.Fatal("the store saved an edit of an approved draft")
	}

	tapAction(t, u, workflow.Revise)
	typeInto(f.flow.step.note, "Perbaiki jam layanan.")
	tapDialogButton(t, u.win, "Buat revisi baru")
	got, _ := st.Draft(ctx, d.ID)
	if got.Status != data.StatusDraft || got.Revision != 2 {
		t.Fatalf("after a new revision: %q revision %d", got.Status, got.Revision)
	}
	if f.title.Disabled() || f.body.Disabled() || !b.SaveBtn.Visible() || f.flow.lockNote.Visible() {
		t.Errorf("revision 2 is not editable: title disabled %v, save shown %v", f.title.Disabled(), b.SaveBtn.Visible())
	}
	if f.flow.status.Text != "Status: Draf · revisi 2" {
		t.Errorf("status shows %q", f.flow.status.Text)
	}
	typeInto(f.body, "Layanan buka pukul 07.30.")
	test.Tap(b.SaveBtn)
	if got, _ := st.Draft(ctx, d.ID); got.Body != "Layanan buka pukul 07.30." || got.Revision != 2 {
		t.Errorf("revision 2 saved as %+v", got)
	}
	if n := len(f.trail.texts); n != 3 || !strings.Contains(f.trail.texts[2], "Buat revisi baru: Disetujui → Draf · revisi 2\nCatatan: Perbaiki jam layanan.") {
		t.Errorf("history: %q", f.trail.texts)
	}
}

// A step on a draft whose form holds no change does not save it again:
// an empty list from the form is the same as one from the database.
func TestCommitOfAnUnchangedDraftSavesNothing(t *testing.T) {
	u, st := newTestUI(t)
	d := writeDraft(t, u, st, "Jadwal layanan", "Layanan buka pukul 08.00.")
	b := u.drafts
	test.Tap(b.NewBtn)
	b.Table.Select(tableCell(0))
	b.Status.SetText("")
	before, _ := st.PendingChanges(ctx)
	if !b.Commit() || b.Status.Text != "" {
		t.Fatalf("commit: status %q", b.Status.Text)
	}
	if after, _ := st.PendingChanges(ctx); after != before {
		t.Errorf("an unchanged draft was saved again: %d → %d changes waiting", before, after)
	}
	// A change is saved.
	typeInto(u.draftEd.body, "Layanan buka pukul 07.30.")
	if !b.Commit() || b.Status.Text != "Tersimpan." {
		t.Fatalf("commit of a change: status %q", b.Status.Text)
	}
	if got, _ := st.Draft(ctx, d.ID); got.Body != "Layanan buka pukul 07.30." {
		t.Errorf("stored %q", got.Body)
	}
}
