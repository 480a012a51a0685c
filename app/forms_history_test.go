package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// buttonIn is the visible button labelled text inside o.
func buttonIn(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, x := range test.LaidOutObjects(o) {
		if isButton(text)(x) {
			return x.(*widget.Button)
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}

// The templates, the office profile and the stages keep their versions
// too: Riwayat lists them and restores the first as a new edit.
func TestRiwayatOfTheOtherForms(t *testing.T) {
	cases := []struct {
		name string
		// edit saves the record twice through the form and returns the
		// text of the first version and the form to open Riwayat in.
		edit   func(t *testing.T, u *UI) (content fyne.CanvasObject)
		stored func(u *UI) string
	}{
		{"template", func(t *testing.T, u *UI) fyne.CanvasObject {
			s := u.settings.templates
			test.Tap(s.newBtn)
			typeInto(s.name, "Undangan rapat")
			s.kind.SetSelected("Berita/Siaran pers")
			typeInto(s.body, "Dengan hormat, ...")
			test.Tap(s.saveBtn)
			if s.current.ID == "" {
				t.Fatalf("not saved: %q", s.status.Text)
			}
			typeInto(s.name, "Undangan rapat koordinasi")
			test.Tap(s.saveBtn)
			return s.content
		}, func(u *UI) string {
			ts, _ := u.store.Templates(ctx, "")
			for _, t := range ts {
				if t.ID == u.settings.templates.current.ID {
					return t.Name
				}
			}
			return ""
		}},
		{"office profile", func(t *testing.T, u *UI) fyne.CanvasObject {
			s := u.settings
			typeInto(s.office.name, "Undangan rapat")
			test.Tap(s.saveBtn)
			typeInto(s.office.name, "Undangan rapat koordinasi")
			test.Tap(s.saveBtn)
			return s.content
		}, func(u *UI) string {
			o, _ := u.store.CurrentOffice(ctx)
			return o.Name
		}},
		{"stage", func(t *testing.T, u *UI) fyne.CanvasObject {
			v := agendaAt(u, day(2024, 10, 1))
			test.Tap(v.stagesBtn)
			m := v.mgr
			test.Tap(m.newBtn)
			typeInto(m.name, "Undangan rapat")
			typeInto(m.start.Entry, "15/10/2024")
			typeInto(m.end.Entry, "15/10/2024")
			m.category.SetSelected("Agenda daerah")
			test.Tap(m.saveBtn)
			typeInto(m.name, "Undangan rapat koordinasi")
			test.Tap(m.saveBtn)
			return m.content
		}, func(u *UI) string {
			st, _ := u.store.Stage(ctx, u.agenda.mgr.current.ID)
			return st.Name
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u, st := newTestUI(t)
			u.tabs.SelectIndex(len(u.tabs.Items) - 1)
			content := c.edit(t, u)
			if got := c.stored(u); got != "Undangan rapat koordinasi" {
				t.Fatalf("stored %q before Riwayat", got)
			}
			n0, _ := st.PendingChanges(ctx)
			test.Tap(buttonIn(t, content, "Riwayat"))
			v := u.history
			if v == nil || len(v.versions) < 2 {
				t.Fatalf("Riwayat %+v", v)
			}
			v.list.Select(0) // what the current version changed
			if len(v.rows) != 1 || v.rows[0].mine != "Undangan rapat" || v.rows[0].theirs != "Undangan rapat koordinasi" {
				t.Errorf("the last change %+v", v.rows)
			}
			v.list.Select(1)
			test.Tap(v.restore)
			if got := c.stored(u); got != "Undangan rapat" {
				t.Errorf("stored %q after restoring", got)
			}
			if n, _ := st.PendingChanges(ctx); n <= n0 {
				t.Errorf("the restore is not queued: %d -> %d", n0, n)
			}
		})
	}
}

// The templates, the office profile and the report settings are kept
// as typed, and offered back at the next start.
func TestSettingsFormsAreKeptAndRestored(t *testing.T) {
	cases := []struct {
		name  string
		type_ func(u *UI)
		want  string // in the offer
		check func(u *UI) bool
	}{
		{"template", func(u *UI) { typeInto(u.settings.templates.name, "Undangan darurat") },
			"Nama templat: Undangan darurat", func(u *UI) bool { return u.settings.templates.name.Text == "Undangan darurat" }},
		{"office profile", func(u *UI) { typeInto(u.settings.office.phone, "0274 868 111") },
			"Telepon: 0274 868 111", func(u *UI) bool { return u.settings.office.phone.Text == "0274 868 111" }},
		{"report settings", func(u *UI) { typeInto(u.settings.report.closing, "Demikian laporan ini.") },
			"Penutup: Demikian laporan ini.", func(u *UI) bool {
				return u.settings.report.closing.Text == "Demikian laporan ini."
			}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "humasdesk.db")
			u, st := openTestUI(t, path)
			c.type_(u)
			u.keepNow()
			st.Close() // as the crash would leave it
			u2, _ := openTestUI(t, path)
			offer := strings.Join(dialogText(u2.win), "\n")
			if !strings.Contains(offer, c.want) {
				t.Fatalf("the offer lacks %q:\n%s", c.want, offer)
			}
			tapDialogButton(t, u2.win, "Pulihkan")
			if !c.check(u2) || u2.tabs.Selected().Content != u2.settings.content {
				t.Error("not restored into its form")
			}
			dirty := false
			for _, g := range u2.leave.guards {
				dirty = dirty || g.form.dirty()
			}
			if !dirty {
				t.Error("the restored form is not unsaved")
			}
		})
	}
}
