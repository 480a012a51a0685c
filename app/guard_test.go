package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/demo"
	"github.com/humasdesk/humasdesk/data/store"
)

// promptShown reports whether the unsaved-changes question is on top.
func promptShown(w fyne.Window) bool {
	for _, s := range dialogText(w) {
		if strings.Contains(s, "Ada perubahan yang belum disimpan pada") {
			return true
		}
	}
	return false
}

// windowOpen reports whether w is still one of the app's windows.
func windowOpen(u *UI) bool { return slices.Contains(u.app.Driver().AllWindows(), u.win) }

// Every way of leaving an agency whose Telepon was changed asks, and
// each answer does what it says: Buang leaves and keeps the stored
// record, Simpan stores the change and leaves, Batal stays with it.
func TestLeavingUnsavedFormAsks(t *testing.T) {
	leaves := []struct {
		name  string
		leave func(u *UI)
		left  func(u *UI) bool // whether the form was left
	}{
		{"another row", func(u *UI) { u.agencies.Table.Select(tableCell(0)) },
			func(u *UI) bool { return u.agencyEd.name.Text == "Kodim 0732/Sleman" }},
		{"New", func(u *UI) { test.Tap(u.agencies.NewBtn) },
			func(u *UI) bool { return u.agencies.Current.ID == "" && u.agencyEd.name.Text == "" }},
		{"another view", func(u *UI) { u.tabs.SelectIndex(0) },
			func(u *UI) bool { return u.tabs.Selected().Content == u.home.content }},
		{"closing the window", func(u *UI) { u.closeRequested() },
			func(u *UI) bool { return !windowOpen(u) }},
	}
	answers := []struct {
		button     string
		left       bool
		wantStored string // Telepon stored afterwards
	}{
		{"Buang perubahan", true, "0274 111"},
		{"Simpan", true, "0274 999"},
		{"Batal", false, "0274 111"},
	}
	for _, l := range leaves {
		for _, a := range answers {
			t.Run(l.name+"/"+a.button, func(t *testing.T) {
				u, st := newTestUI(t)
				polres := &data.Agency{Name: "Polres Sleman", Kind: "polri", Phone: "0274 111"}
				if err := st.SaveAgency(ctx, polres); err != nil {
					t.Fatal(err)
				}
				mustSaveAgency(t, st, "Kodim 0732/Sleman", "tni")
				b, f := u.agencies, u.agencyEd
				u.tabs.SelectIndex(1)
				b.Reload()
				// Given Polres Sleman open with its Telepon changed
				b.Table.Select(tableCell(1))
				if f.name.Text != "Polres Sleman" {
					t.Fatalf("row 1 is %q", f.name.Text)
				}
				typeInto(f.phone, "0274 999")
				// When the form is left
				l.leave(u)
				// Then the question is asked, and nothing happened yet
				if !promptShown(u.win) {
					t.Fatalf("no question; dialog %q", dialogText(u.win))
				}
				if l.left(u) {
					t.Fatal("left before the answer")
				}
				tapDialogButton(t, u.win, a.button)
				if got := l.left(u); got != a.left {
					t.Errorf("left = %v, want %v", got, a.left)
				}
				stored, err := st.Agency(ctx, polres.ID)
				if err != nil || stored.Phone != a.wantStored {
					t.Errorf("stored Telepon %q (%v), want %q", stored.Phone, err, a.wantStored)
				}
				if !a.left {
					// Batal: still on the edited record, with the edit,
					// its row selected again.
					if f.phone.Text != "0274 999" || b.Current.ID != polres.ID || !b.Dirty() {
						t.Errorf("after Batal the form shows %q of %q", f.phone.Text, b.Current.Name)
					}
					if u.tabs.Selected().Content != b.Content {
						t.Error("after Batal another view is shown")
					}
					if b.SelectedRow() != 1 {
						t.Errorf("selected row %d, want 1", b.SelectedRow())
					}
				}
			})
		}
	}
}

// A form without changes is left without a question.
func TestLeavingCleanFormDoesNotAsk(t *testing.T) {
	u, st := newTestUI(t)
	mustSaveAgency(t, st, "Polres Sleman", "polri")
	mustSaveAgency(t, st, "Kodim 0732/Sleman", "tni")
	b := u.agencies
	u.tabs.SelectIndex(1)
	b.Reload()
	b.Table.Select(tableCell(1))
	b.Table.Select(tableCell(0))
	test.Tap(b.NewBtn)
	u.tabs.SelectIndex(0)
	if promptShown(u.win) {
		t.Fatal("asked about a form without changes")
	}
	if u.agencyEd.name.Text != "" || u.tabs.Selected().Content != u.home.content {
		t.Error("did not leave")
	}
	// A new, empty form of every kind is not a change either.
	for _, f := range u.leave.guards {
		if f.form.dirty() {
			t.Errorf("%s is dirty untouched", f.form.what())
		}
	}
}

// Simpan of a form that does not validate stays, with the error shown
// under its field, and stores nothing.
func TestSaveFromQuestionThatFailsStays(t *testing.T) {
	u, st := newTestUI(t)
	a := mustSaveAgency(t, st, "Polres Sleman", "polri")
	b, f := u.agencies, u.agencyEd
	u.tabs.SelectIndex(1)
	b.Reload()
	b.Table.Select(tableCell(0))
	typeInto(f.name, "")
	test.Tap(b.NewBtn)
	tapDialogButton(t, u.win, "Simpan")
	if b.Current.ID == "" || f.name.Text != "" {
		t.Fatal("left a form whose save failed")
	}
	if got := f.f.ErrorText("name"); got == "" {
		t.Error("no error under Nama")
	}
	if stored, _ := st.Agency(ctx, a.ID); stored.Name != "Polres Sleman" {
		t.Errorf("stored %q", stored.Name)
	}
}

// Every other form asks too: the activity and content forms, the hoax
// register, the office profile, the report settings and the templates
// in Pengaturan (leaving the view), the activity form also when
// switching to the export beside it.
func TestOtherFormsAskBeforeLeaving(t *testing.T) {
	cases := []struct {
		name  string
		tab   func(u *UI) fyne.CanvasObject
		edit  func(u *UI)
		leave func(u *UI)
	}{
		{"activity", func(u *UI) fyne.CanvasObject { return u.reports },
			func(u *UI) { test.Type(u.entryEd.title, "Rapat koordinasi") },
			func(u *UI) { u.reports.SelectIndex(1) }},
		{"content", func(u *UI) fyne.CanvasObject { return u.drafts.Content },
			func(u *UI) { test.Type(u.draftEd.title, "Siaran pers") },
			func(u *UI) { test.Tap(u.drafts.NewBtn) }},
		{"hoax", func(u *UI) fyne.CanvasObject { return u.hoaxes.content },
			func(u *UI) { test.Type(u.hoaxes.form.claim, "Surat suara sudah dicoblos") },
			func(u *UI) { u.hoaxes.tabs.SelectIndex(1) }},
		{"office profile", func(u *UI) fyne.CanvasObject { return u.settings.content },
			func(u *UI) { test.Type(u.settings.office.phone, "0274 5") },
			func(u *UI) { u.tabs.SelectIndex(0) }},
		{"report settings", func(u *UI) fyne.CanvasObject { return u.settings.content },
			func(u *UI) { test.Type(u.settings.report.closing, "Demikian.") },
			func(u *UI) { u.tabs.SelectIndex(0) }},
		{"template", func(u *UI) fyne.CanvasObject { return u.settings.content },
			func(u *UI) { test.Type(u.settings.templates.name, "Undangan") },
			func(u *UI) { test.Tap(u.settings.templates.newBtn) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u, _ := newTestUI(t)
			for i, ti := range u.tabs.Items {
				if ti.Content == c.tab(u) {
					u.tabs.SelectIndex(i)
				}
			}
			c.edit(u)
			c.leave(u)
			if !promptShown(u.win) {
				t.Fatalf("no question; dialog %q", dialogText(u.win))
			}
			tapDialogButton(t, u.win, "Batal")
			dirty := false
			for _, g := range u.leave.guards {
				dirty = dirty || g.form.dirty()
			}
			if !dirty {
				t.Error("Batal dropped the change")
			}
			// Closing the window asks about it as well; Buang closes.
			u.closeRequested()
			if !promptShown(u.win) {
				t.Fatal("closing did not ask")
			}
			tapDialogButton(t, u.win, "Buang perubahan")
			if windowOpen(u) {
				t.Error("the window stayed open after Buang")
			}
		})
	}
}

// ConfirmLeave, which signing out and the idle lock call, asks about
// every form with changes, one after the other, and goes on only when all
// were answered.
func TestConfirmLeaveAsksAboutEveryForm(t *testing.T) {
	u, st := newTestUI(t)
	u.tabs.SelectIndex(1)
	test.Type(u.agencyEd.name, "Diskominfo Sleman")
	u.agencyEd.kind.SetSelected("Diskominfo")
	test.Type(u.settings.office.phone, "0274 5")
	done := false
	u.ConfirmLeave(func() { done = true })
	tapDialogButton(t, u.win, "Simpan") // the agency
	if done {
		t.Fatal("went on with the office profile unanswered")
	}
	if u.tabs.Selected().Content != u.settings.content {
		t.Error("the second question does not show its form")
	}
	tapDialogButton(t, u.win, "Buang perubahan") // the office profile
	if !done {
		t.Fatal("did not go on")
	}
	if n, _ := st.CountAgencies(ctx, store.Filter{}); n != 1 {
		t.Errorf("%d agencies stored, want the saved one", n)
	}
	if o, _ := st.CurrentOffice(ctx); o.Phone == "0274 5" {
		t.Error("the discarded office phone was stored")
	}
}

// Opening stored records changes nothing: every record of the demo, in
// every list, opens without counting as unsaved (a form that reads a
// record back differently would ask at every click).
func TestOpeningDemoRecordsLeavesThemClean(t *testing.T) {
	u, _ := newTestUIWith(t, func(st *store.Store) {
		if _, err := demo.Load(ctx, st, demo.Options{Year: 2024, Today: day(2024, 11, 15)}); err != nil {
			t.Fatal(err)
		}
	})
	type list interface {
		Reload()
		Dirty() bool
		What() string
	}
	check := func(name string, b list, n int, open func(row int)) {
		b.Reload()
		if n == 0 {
			t.Errorf("%s: the demo has none", name)
		}
		for row := range min(n, 40) {
			open(row)
			if promptShown(u.win) {
				t.Fatalf("%s row %d: asked", name, row)
			}
			if b.Dirty() {
				t.Errorf("%s row %d (%s) is unsaved right after opening", name, row, b.What())
			}
		}
	}
	u.agencies.Reload()
	check("Instansi", u.agencies, u.agencies.N, func(r int) { u.agencies.Table.Select(tableCell(r)) })
	u.drafts.Reload()
	check("Konten", u.drafts, u.drafts.N, func(r int) { u.drafts.Table.Select(tableCell(r)) })
	u.entries.Reload()
	check("Kegiatan", u.entries, u.entries.N, func(r int) { u.entries.Table.Select(tableCell(r)) })
	u.hoaxes.cases.Reload()
	check("Hoaks", u.hoaxes.cases, u.hoaxes.cases.N, func(r int) { u.hoaxes.cases.Table.Select(tableCell(r)) })
	if f := (officeProfile{u.settings}); f.dirty() {
		t.Error("the demo's office profile is unsaved right after opening")
	}
	v := agendaAt(u, day(2024, 11, 15))
	test.Tap(v.stagesBtn)
	m := v.mgr
	for i := range min(len(m.shown), 40) {
		m.list.Select(i)
		if promptShown(u.win) || m.dirty() {
			t.Fatalf("stage %q is unsaved right after opening", m.current.Name)
		}
	}
}
