package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

func TestWindowIsHumasDeskWithItsViews(t *testing.T) {
	u, _ := newTestUI(t)
	if u.Window().Title() != "Humas Desk" {
		t.Errorf("title = %q", u.Window().Title())
	}
	var got []string
	for _, ti := range u.tabs.Items {
		got = append(got, ti.Text)
	}
	if want := "Beranda Instansi Konten Agenda Hoaks Kegiatan/Laporan Pengaturan"; strings.Join(got, " ") != want {
		t.Errorf("views = %q", got)
	}
}

// A store that fails is reported in a dialog, in Indonesian, and the
// window goes on working.
func TestStoreErrorsAreShownNotPanicked(t *testing.T) {
	u, st := newTestUI(t)
	b := u.agencies
	st.Close()
	b.Reload()
	if !strings.HasPrefix(u.lastError, "Daftar tidak dapat dibaca: ") {
		t.Errorf("error shown = %q", u.lastError)
	}
	if len(dialogText(u.win)) == 0 {
		t.Fatal("no dialog shown")
	}
	tapDialogButton(t, u.win, "OK")

	u.lastError = ""
	test.Type(u.agencyEd.name, "Diskominfo")
	u.agencyEd.kind.SetSelected("Diskominfo")
	test.Tap(b.SaveBtn)
	if !strings.HasPrefix(u.lastError, "Gagal menyimpan: ") {
		t.Errorf("error shown = %q", u.lastError)
	}
}

// Domain labels follow the language setting; they come from data/, not
// from the translations.
func TestEnglishDomainLabels(t *testing.T) {
	a := test.NewTempApp(t)
	st, err := store.Open(t.TempDir() + "/en.db")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SetSetting(ctx, store.SettingLanguage, string(data.LangEN)); err != nil {
		t.Fatal(err)
	}
	mustSaveAgency(t, st, "Polres Sleman", "polri")
	u := New(a, st)
	defer u.win.Close()
	if got := u.agencies.K.Columns[0].Title; got != "Name" {
		t.Errorf("column = %q", got)
	}
	if got := u.agencies.CellText(0, 1); got != "Polri (police)" {
		t.Errorf("kind = %q", got)
	}
	if u.home.title.Text[:8] != "Quarter " {
		t.Errorf("Beranda title = %q", u.home.title.Text)
	}
	test.Tap(u.agencies.NewBtn)
	test.Tap(u.agencies.SaveBtn)
	if got := u.agencyEd.f.ErrorText("name"); got != "Name is required" {
		t.Errorf("name error = %q", got)
	}
}
