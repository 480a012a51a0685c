package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data/store"
)

// The whole life of an agency through the window: typed into the form,
// saved, listed, found by search, deleted after confirming, and undone.
func TestAgencyFormSaveSearchDelete(t *testing.T) {
	u, st := newTestUI(t)
	b, f := u.agencies, u.agencyEd
	u.tabs.SelectIndex(1)
	mustSaveAgency(t, st, "Polres Sleman", "polri")
	b.Reload()

	// Given a new agency typed into the form
	test.Tap(b.NewBtn)
	test.Type(f.name, "Diskominfo Kabupaten Sleman")
	f.kind.SetSelected("Diskominfo")
	test.Type(f.region, "Sleman")
	test.Tap(f.social.add)
	f.social.rows[0].platform.SetSelected("Instagram")
	test.Type(f.social.rows[0].handle, "@kominfosleman")
	// When it is saved
	test.Tap(b.SaveBtn)
	// Then it is listed, by name, with its kind in Indonesian
	if got := listTexts(b); !slices.Equal(got, []string{"Diskominfo Kabupaten Sleman", "Polres Sleman"}) {
		t.Fatalf("list = %q", got)
	}
	if got := b.CellText(0, 1); got != "Diskominfo" {
		t.Errorf("kind column = %q", got)
	}
	stored, err := st.Agencies(ctx, store.Filter{Query: "kominfo"}, 0, 10)
	if err != nil || len(stored) != 1 || len(stored[0].SocialAccounts) != 1 || stored[0].SocialAccounts[0].Handle != "@kominfosleman" {
		t.Fatalf("stored = %+v, %v", stored, err)
	}
	if b.FormTitle.Text != "Ubah instansi" || b.Status.Text != "Tersimpan." {
		t.Errorf("after saving: title %q, status %q", b.FormTitle.Text, b.Status.Text)
	}

	// When the search entry gets part of the name
	test.Type(b.Search, "kominfo")
	b.FlushSearch()
	// Then only that agency is listed
	if got := listTexts(b); !slices.Equal(got, []string{"Diskominfo Kabupaten Sleman"}) {
		t.Fatalf("after search: %q", got)
	}

	// When it is opened from the list and deleted after confirming
	b.Table.Select(tableCell(0))
	if f.name.Text != "Diskominfo Kabupaten Sleman" {
		t.Fatalf("form shows %q", f.name.Text)
	}
	test.Tap(b.DeleteBtn)
	tapDialogButton(t, u.win, "Ya")
	// Then it is gone from the list, deleted softly in the store
	if b.N != 0 {
		t.Fatalf("after delete the list has %d rows", b.N)
	}
	if _, err := st.Agency(ctx, stored[0].ID); err != store.ErrNotFound {
		t.Fatalf("Agency after delete: %v", err)
	}
	if n, _ := st.CountAgencies(ctx, store.Filter{}); n != 1 {
		t.Fatalf("live agencies = %d, want 1", n)
	}
	if !b.UndoBtn.Visible() || b.UndoBtn.Text != "Urungkan" {
		t.Fatal("no undo offered")
	}

	// When the user undoes it
	test.Tap(b.UndoBtn)
	// Then it is back, in the list and in the form
	if got := listTexts(b); !slices.Equal(got, []string{"Diskominfo Kabupaten Sleman"}) {
		t.Fatalf("after undo: %q", got)
	}
	if f.name.Text != "Diskominfo Kabupaten Sleman" || b.UndoBtn.Visible() {
		t.Errorf("after undo: form %q, undo visible %v", f.name.Text, b.UndoBtn.Visible())
	}
}

func TestAgencyDeleteCanBeCancelled(t *testing.T) {
	u, st := newTestUI(t)
	mustSaveAgency(t, st, "KPU Kabupaten Bantul", "kpu")
	b := u.agencies
	b.Reload()
	b.Table.Select(tableCell(0))
	test.Tap(b.DeleteBtn)
	tapDialogButton(t, u.win, "Tidak")
	if n, _ := st.CountAgencies(ctx, store.Filter{}); n != 1 || b.N != 1 {
		t.Fatalf("cancelled delete: store %d, list %d", n, b.N)
	}
}

func TestAgencyMissingNameShowsMessageAndStoresNothing(t *testing.T) {
	u, st := newTestUI(t)
	b, f := u.agencies, u.agencyEd

	// Given a form with a kind and a bad email but no name
	f.kind.SetSelected("KPU")
	test.Type(f.email, "bukan-email")
	// When it is saved
	test.Tap(b.SaveBtn)
	// Then each problem shows under its field, in Indonesian
	if got := f.f.ErrorText("name"); got != "Nama wajib diisi" {
		t.Errorf("name error = %q", got)
	}
	if got := f.f.ErrorText("email"); got == "" {
		t.Error("no email error shown")
	}
	if got := f.f.ErrorText("kind"); got != "" {
		t.Errorf("kind error = %q, want none", got)
	}
	// And nothing was stored
	if n, _ := st.CountAgencies(ctx, store.Filter{}); n != 0 || b.N != 0 {
		t.Fatalf("stored %d, listed %d", n, b.N)
	}

	// When the name is given, the errors go and the agency is saved
	test.Type(f.name, "KPU Kabupaten Bantul")
	typeInto(f.email, "humas@kpu-bantul.go.id")
	test.Tap(b.SaveBtn)
	if got := f.f.ErrorText("name"); got != "" {
		t.Errorf("name error after fixing = %q", got)
	}
	if n, _ := st.CountAgencies(ctx, store.Filter{}); n != 1 {
		t.Fatalf("stored %d after fixing", n)
	}
}

func TestAgencyFilterByKind(t *testing.T) {
	u, st := newTestUI(t)
	mustSaveAgency(t, st, "KPU Sleman", "kpu")
	mustSaveAgency(t, st, "Bawaslu Sleman", "bawaslu")
	b := u.agencies
	b.Reload()
	b.Bar.ByKey["kind"].(*kit.Choice).SetSelected("Bawaslu")
	if got := listTexts(b); !slices.Equal(got, []string{"Bawaslu Sleman"}) {
		t.Fatalf("filtered: %q", got)
	}
	b.Bar.ByKey["kind"].(*kit.Choice).SetSelected("Semua jenis")
	if b.N != 2 {
		t.Fatalf("all kinds: %d rows", b.N)
	}
}

// A select in the form draws the value of the record opened, not only
// holds it: the window, drawn before and after, shows the agency's kind
// twice (its row and its select).
func TestFormSelectsDrawTheirValue(t *testing.T) {
	u, st := newTestUI(t)
	mustSaveAgency(t, st, "Bagian Protokol Setda", "humas")
	u.agencies.Reload()
	u.tabs.SelectIndex(1)
	test.RenderToMarkup(u.win.Canvas())
	u.agencies.Table.Select(tableCell(0))
	if n := strings.Count(test.RenderToMarkup(u.win.Canvas()), ">Biro/Bagian Humas<"); n != 2 {
		t.Fatalf("the kind is drawn %d times, want 2 (row and select)", n)
	}
}
