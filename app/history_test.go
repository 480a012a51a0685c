package app

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// openAgency shows the agencies and opens the first row.
func openAgency(t *testing.T, u *UI) {
	t.Helper()
	u.tabs.SelectIndex(1)
	u.agencies.Reload()
	u.agencies.Table.Select(tableCell(0))
}

// saveTelepon types a Telepon into the open agency and saves it.
func saveTelepon(t *testing.T, u *UI, phone string) {
	t.Helper()
	typeInto(u.agencyEd.phone, phone)
	test.Tap(u.agencies.SaveBtn)
	if u.agencies.Status.Text != "Tersimpan." {
		t.Fatalf("saving %q: status %q", phone, u.agencies.Status.Text)
	}
}

// lastQueued is the record the outbox's newest entry carries.
func lastQueued(t *testing.T, st *store.Store) data.Agency {
	t.Helper()
	box, err := st.Outbox(ctx, 1000)
	if err != nil || len(box) == 0 {
		t.Fatalf("outbox %v %v", box, err)
	}
	var a data.Agency
	if err := json.Unmarshal([]byte(box[len(box)-1].Payload), &a); err != nil {
		t.Fatal(err)
	}
	return a
}

// Riwayat lists every version with who wrote it and what it changed;
// restoring one saves it as a new edit, queued for sync, and the version
// it replaced stays listed.
func TestHistoryListsVersionsAndRestoresOne(t *testing.T) {
	u, st := newTestUI(t)
	st.SetUser("Rina Wulandari")
	polres := &data.Agency{Name: "Polres Sleman", Kind: "polri", Phone: "0274 111"}
	if err := st.SaveAgency(ctx, polres); err != nil {
		t.Fatal(err)
	}
	st.SetUser("Budi Santoso")
	openAgency(t, u)
	saveTelepon(t, u, "0274 222")
	saveTelepon(t, u, "0274 333")

	// When Riwayat is opened
	test.Tap(u.agencies.HistoryBtn)
	v := u.history
	if v == nil {
		t.Fatal("Riwayat did not open")
	}
	// Then it lists the current version and the two before it, newest
	// first, each with its author
	if len(v.versions) != 3 {
		t.Fatalf("%d versions, want 3", len(v.versions))
	}
	if got := []string{v.title(0), v.title(1), v.title(2)}; !slices.Equal(got, []string{"Versi kini", "Versi 2", "Versi 1"}) {
		t.Errorf("titles %q", got)
	}
	if !strings.HasPrefix(v.byline(0), "Budi Santoso · ") || !strings.HasPrefix(v.byline(2), "Rina Wulandari · ") {
		t.Errorf("bylines %q / %q", v.byline(0), v.byline(2))
	}
	// and what each changed, field by field
	v.list.Select(1)
	if len(v.rows) != 1 || v.rows[0].label != "Telepon" || v.rows[0].mine != "0274 111" || v.rows[0].theirs != "0274 222" {
		t.Fatalf("Versi 2 changed %+v", v.rows)
	}
	if v.restore.Disabled() {
		t.Error("an earlier version cannot be restored")
	}
	v.list.Select(0)
	if !v.restore.Disabled() {
		t.Error("the current version offers to be restored")
	}

	// When Versi 1 is restored
	v.list.Select(2)
	test.Tap(v.restore)
	// Then it is stored and queued as a new edit, the form shows it, and
	// the history holds every version
	stored, _ := st.Agency(ctx, polres.ID)
	if stored.Phone != "0274 111" || u.agencyEd.phone.Text != "0274 111" {
		t.Errorf("after restoring: stored %q, form %q", stored.Phone, u.agencyEd.phone.Text)
	}
	if q := lastQueued(t, st); q.ID != polres.ID || q.Phone != "0274 111" {
		t.Errorf("queued %+v", q)
	}
	if past, _ := st.History(ctx, store.KindAgency, polres.ID); len(past) != 3 {
		t.Errorf("%d earlier versions after restoring, want 3", len(past))
	}
	if u.agencies.Dirty() {
		t.Error("the form is unsaved after restoring")
	}
}

// Riwayat of a draft shows its workflow steps beside its versions.
func TestDraftHistoryShowsWorkflowSteps(t *testing.T) {
	u, st := newTestUI(t)
	if err := st.SetLocalUser(ctx, data.User{Name: "Dedi", Role: data.RoleWriter}); err != nil {
		t.Fatal(err)
	}
	d := &data.Draft{Title: "Siaran pers: masa tenang", Kind: "siaran_pers", Status: data.StatusDraft}
	if err := st.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Submit(ctx, d.ID, "mohon diperiksa", 0, ""); err != nil {
		t.Fatal(err)
	}
	u.tabs.SelectIndex(2)
	u.drafts.Reload()
	u.drafts.Table.Select(tableCell(0))
	test.Tap(u.drafts.HistoryBtn)
	if u.history == nil || u.history.trail == nil || len(u.history.trail.texts) != 1 ||
		!strings.Contains(u.history.trail.texts[0], "mohon diperiksa") {
		t.Fatalf("workflow steps %+v", u.history)
	}
}

// Urungkan simpan (and Ctrl+Z outside a text field) saves the record as
// it was before the last save: a new edit, queued for sync.
func TestUndoLastSave(t *testing.T) {
	for _, how := range []string{"button", "Ctrl+Z"} {
		t.Run(how, func(t *testing.T) {
			u, st := newTestUI(t)
			polres := &data.Agency{Name: "Polres Sleman", Kind: "polri", Phone: "0274 111"}
			if err := st.SaveAgency(ctx, polres); err != nil {
				t.Fatal(err)
			}
			b := u.agencies
			openAgency(t, u)
			if b.UndoSaveBtn.Visible() {
				t.Fatal("undo offered before any save")
			}
			saveTelepon(t, u, "0274 999")
			if !b.UndoSaveBtn.Visible() {
				t.Fatal("no undo after saving")
			}
			if how == "button" {
				test.Tap(b.UndoSaveBtn)
			} else {
				u.win.Canvas().(fyne.Shortcutable).TypedShortcut(undoShortcut)
			}
			stored, _ := st.Agency(ctx, polres.ID)
			if stored.Phone != "0274 111" || u.agencyEd.phone.Text != "0274 111" {
				t.Errorf("after undo: stored %q, form %q", stored.Phone, u.agencyEd.phone.Text)
			}
			if q := lastQueued(t, st); q.Phone != "0274 111" {
				t.Errorf("queued %q", q.Phone)
			}
			if b.UndoSaveBtn.Visible() || b.Status.Text != "Penyimpanan terakhir diurungkan." {
				t.Errorf("after undo: button shown %v, status %q", b.UndoSaveBtn.Visible(), b.Status.Text)
			}
		})
	}
}

// Deleting keeps its own undo.
func TestDeleteKeepsItsUndo(t *testing.T) {
	u, st := newTestUI(t)
	a := mustSaveAgency(t, st, "Polres Sleman", "polri")
	openAgency(t, u)
	test.Tap(u.agencies.DeleteBtn)
	tapDialogButton(t, u.win, "Ya")
	test.Tap(u.agencies.UndoBtn)
	if _, err := st.Agency(ctx, a.ID); err != nil {
		t.Fatalf("not restored: %v", err)
	}
}
