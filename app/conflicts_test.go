package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// conflictWorld is a draft edited at once in the window and on another
// laptop of the same office; the other laptop's edit reached the server
// first, so the window's round ends in a conflict.
func conflictWorld(t *testing.T) (u *UI, st, other *store.Store, d *data.Draft, nextRound func() syncInfo) {
	t.Helper()
	w := newSyncWorld(t)
	other = w.device(w.kab)
	u, st = newTestUI(t)
	enrollThroughSettings(t, u, w, w.kab)
	nextRound = startSync(t, u)
	nextRound()

	// Given a draft both laptops hold
	d = &data.Draft{Title: "Siaran pers jadwal kampanye", Kind: "siaran_pers", Status: data.StatusDraft,
		Body: "Kampanye dimulai 28 November."}
	if err := other.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	syncOnce(t, other)
	u.tabs.SelectIndex(2) // Konten
	test.Tap(u.syncBar.syncBtn)
	if i := nextRound(); i.Err != nil || i.Last.Pulled == 0 {
		t.Fatalf("pulling the draft: %+v", i)
	}
	// The round that pulled it shows it in the list on screen.
	if got := listTexts(u.drafts); !slices.Equal(got, []string{"Siaran pers jadwal kampanye"}) {
		t.Fatalf("drafts after the pull: %q", got)
	}

	// When each edits it: the other laptop first, then the window
	theirs, _ := other.Draft(ctx, d.ID)
	theirs.Body = "Kampanye dimulai 28 November 2023 di seluruh kabupaten."
	if err := other.SaveDraft(ctx, theirs); err != nil {
		t.Fatal(err)
	}
	syncOnce(t, other)
	u.drafts.Table.Select(tableCell(0))
	typeInto(u.draftEd.body, "Kampanye dimulai 28 November dan berakhir 10 Februari.")
	test.Tap(u.drafts.SaveBtn)
	test.Tap(u.syncBar.syncBtn)
	if i := nextRound(); i.Err != nil || i.Last.Conflicts != 1 {
		t.Fatalf("conflicting round: %+v", i)
	}
	return u, st, other, d, nextRound
}

func TestConflictShowsBothVersionsAndKeepsMine(t *testing.T) {
	u, st, other, d, nextRound := conflictWorld(t)
	mine := "Kampanye dimulai 28 November dan berakhir 10 Februari."
	theirs := "Kampanye dimulai 28 November 2023 di seluruh kabupaten."

	// Then the status line counts it, and the server's version is held
	if b := u.syncBar.conflictsBtn; !b.Visible() || b.Text != "1 konflik" {
		t.Fatalf("conflicts button %q (visible %v)", b.Text, b.Visible())
	}
	if got, _ := st.Draft(ctx, d.ID); got.Body != theirs {
		t.Fatalf("the window's store holds %q", got.Body)
	}

	// When the conflicts are opened from the status line
	test.Tap(u.syncBar.conflictsBtn)
	v := u.conflicts
	if v == nil || len(v.conflicts) != 1 {
		t.Fatalf("conflicts view: %+v", v)
	}
	// Then the draft is listed, and the field that differs shows both sides
	if got := v.head.Text; got != "Konten: Siaran pers jadwal kampanye" {
		t.Errorf("heading %q", got)
	}
	if !strings.Contains(v.about.Text, "perangkat ini") {
		t.Errorf("about: %q", v.about.Text)
	}
	if len(v.rows) != 1 || v.rows[0] != (diffRow{key: "body", label: "Isi", mine: mine, theirs: theirs}) {
		t.Fatalf("rows = %+v", v.rows)
	}
	shown := strings.Join(dialogText(u.win), "\n")
	if v.tabs.Items[0].Text != "Konflik (1)" || v.tabs.Items[1].Text != "Ditolak (0)" {
		t.Errorf("tabs %q, %q", v.tabs.Items[0].Text, v.tabs.Items[1].Text)
	}
	for _, want := range []string{"Punya saya", "Punya server", mine, theirs} {
		if !strings.Contains(shown, want) {
			t.Errorf("the dialog does not show %q:\n%s", want, shown)
		}
	}
	for _, b := range []string{"Pakai punya saya", "Pakai punya server", "Sunting gabungan"} {
		if !slices.ContainsFunc(test.LaidOutObjects(u.win.Canvas().Overlays().Top()), isButton(b)) {
			t.Errorf("no %q button", b)
		}
	}

	// When the user keeps mine
	test.Tap(v.keepMine)
	// Then the conflict is gone and the draft holds mine, queued to be sent
	if len(v.conflicts) != 0 || !v.none.Visible() {
		t.Fatalf("still listed: %d", len(v.conflicts))
	}
	if cs, _ := st.Conflicts(ctx); len(cs) != 0 {
		t.Fatalf("store conflicts: %d", len(cs))
	}
	if got, _ := st.Draft(ctx, d.ID); got.Body != mine {
		t.Fatalf("draft holds %q", got.Body)
	}
	if u.syncBar.conflictsBtn.Visible() {
		t.Error("the status line still counts a conflict")
	}
	// And the next round takes mine to the other laptop
	test.Tap(u.syncBar.syncBtn)
	if i := nextRound(); i.Err != nil {
		t.Fatal(i.Err)
	}
	syncOnce(t, other)
	if got, _ := other.Draft(ctx, d.ID); got.Body != mine {
		t.Errorf("the other laptop holds %q", got.Body)
	}
	tapDialogButton(t, u.win, "Tutup")
	if u.conflicts != nil {
		t.Error("the closed dialog is still remembered")
	}
}

func TestConflictMergeIsEditedInTheDraftForm(t *testing.T) {
	u, st, _, d, _ := conflictWorld(t)
	u.showSyncSettings()
	test.Tap(u.settings.sync.conflictsBtn) // also reachable from Pengaturan → Sinkronisasi
	v := u.conflicts

	// When "Sunting gabungan" is tapped, the draft's own form opens with mine
	test.Tap(v.merge)
	m := v.merging
	if m == nil {
		t.Fatal("no merge form")
	}
	f := m.form.ed.(*draftForm)
	if f.title.Text != "Siaran pers jadwal kampanye" || f.body.Text != "Kampanye dimulai 28 November dan berakhir 10 Februari." {
		t.Fatalf("merge form holds %q / %q", f.title.Text, f.body.Text)
	}
	// An invalid merge is refused under its field and resolves nothing
	typeInto(f.title, "")
	test.Tap(m.saveBtn)
	if got := f.f.ErrorText("title"); got != "Judul wajib diisi" {
		t.Fatalf("title error %q", got)
	}
	if cs, _ := st.Conflicts(ctx); len(cs) != 1 {
		t.Fatal("an invalid merge resolved the conflict")
	}
	// When the merge is typed and saved
	merged := "Kampanye dimulai 28 November 2023 dan berakhir 10 Februari 2024 di seluruh kabupaten."
	typeInto(f.title, "Siaran pers jadwal kampanye")
	typeInto(f.body, merged)
	test.Tap(m.saveBtn)
	// Then the conflict is resolved as merged, and the draft holds the merge
	if cs, _ := st.Conflicts(ctx); len(cs) != 0 || len(v.conflicts) != 0 || v.merging != nil {
		t.Fatalf("after merging: %d open", len(cs))
	}
	if got, _ := st.Draft(ctx, d.ID); got.Body != merged {
		t.Fatalf("draft holds %q", got.Body)
	}
	// And the list shows it again
	u.tabs.SelectIndex(2)
	u.drafts.Table.Select(tableCell(0))
	if u.draftEd.body.Text != merged {
		t.Errorf("form shows %q", u.draftEd.body.Text)
	}
}

// A change the server refuses is listed with its reason.
func TestRefusedChangesAreListedWithTheirReason(t *testing.T) {
	u, st, other, _, nextRound := conflictWorld(t)
	// An entry of the office, and a draft made here under the same id:
	// the server refuses an id that another kind already uses.
	e := &data.Entry{Title: "Rapat pleno", ActivityType: "rapat_koordinasi", Strategy: 2, StartDate: data.NewDate(2024, 3, 5)}
	if err := other.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	syncOnce(t, other)
	clash := &data.Draft{Title: "Draf dengan id bentrok", Kind: "siaran_pers"}
	clash.ID = e.ID
	if _, err := st.InsertBatch(ctx, []data.Record{clash}, true); err != nil {
		t.Fatal(err)
	}
	test.Tap(u.syncBar.syncBtn)
	if i := nextRound(); i.Last.Rejected != 1 {
		t.Fatalf("round: %+v", i)
	}
	if b := u.syncBar.conflictsBtn; b.Text != "1 konflik · 1 ditolak" {
		t.Errorf("status line: %q", b.Text)
	}
	test.Tap(u.syncBar.conflictsBtn)
	v := u.conflicts
	if len(v.rejected) != 1 || v.tabs.Items[1].Text != "Ditolak (1)" {
		t.Fatalf("rejected: %d, tab %q", len(v.rejected), v.tabs.Items[1].Text)
	}
	joined := strings.Join(labelTexts(v.rejectBox), "\n")
	if !strings.Contains(joined, "Konten: Draf dengan id bentrok") || !strings.Contains(joined, "Alasan: id "+e.ID+" sudah dipakai data jenis entry") {
		t.Errorf("rejected list:\n%s", joined)
	}
}
