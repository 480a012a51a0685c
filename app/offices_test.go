package app

import (
	"slices"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
)

// entryTitles is the title column of every row of the activity list.
func entryTitles(u *UI) []string {
	b := u.entries
	out := make([]string, b.N)
	for i := range out {
		out[i] = b.CellText(i, 1)
	}
	return out
}

// A coordinator's window, after sync, lists the records of the offices
// under it by an office filter, and opens them read-only.
func TestCoordinatorSeesOfficesUnderItReadOnly(t *testing.T) {
	w := newSyncWorld(t)
	// Given a kabupaten office with two activities on the server
	kab := w.device(w.kab)
	for i, title := range []string{"Sosialisasi pemilih pemula", "Rapat pleno rekapitulasi"} {
		e := &data.Entry{Title: title, ActivityType: "sosialisasi", Strategy: 4, StartDate: data.NewDate(2024, 5, 1+i)}
		if err := kab.SaveEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	syncOnce(t, kab)

	// And the province's window, enrolled, with an activity of its own
	u, st := newTestUI(t)
	enrollThroughSettings(t, u, w, w.prov)
	own := &data.Entry{Title: "Rapat koordinasi provinsi", ActivityType: "rapat_koordinasi", Strategy: 2, StartDate: data.NewDate(2024, 6, 1)}
	if err := st.SaveEntry(ctx, own); err != nil {
		t.Fatal(err)
	}
	// And an office this database holds that is not under it (left from
	// an import), so that "all under it" cannot simply list everything
	lone := &data.Office{Name: "Diskominfo DIY", Kind: "diskominfo", Level: "provinsi"}
	lone.ID = data.NewID()
	alien := &data.Entry{Title: "Kegiatan kantor lain", ActivityType: "sosialisasi", Strategy: 4, StartDate: data.NewDate(2024, 7, 1)}
	alien.OfficeID = lone.ID
	if _, err := st.InsertBatch(ctx, []data.Record{lone, alien}, false); err != nil {
		t.Fatal(err)
	}
	u.selectView(u.reports) // Kegiatan/Laporan, on Kegiatan

	// When the window syncs
	nextRound := startSync(t, u)
	if i := nextRound(); i.Err != nil {
		t.Fatal(i.Err)
	}

	// Then the activity list offers the office filter, on this office
	b := u.entries
	office := b.Bar.ByKey["office"].(*widget.Select)
	if !b.OfficeRow.Visible() {
		t.Fatal("no office filter")
	}
	if want := []string{"Kantor ini", "Kantor ini dan semua kantor di bawahnya", "KPU Kabupaten Sleman (Kabupaten)"}; !slices.Equal(office.Options, want) {
		t.Fatalf("office choices %q", office.Options)
	}
	if got := entryTitles(u); !slices.Equal(got, []string{"Rapat koordinasi provinsi"}) {
		t.Fatalf("this office: %q", got)
	}
	// When one office is chosen, its activities are listed with its name
	office.SetSelectedIndex(2)
	if got := entryTitles(u); !slices.Equal(got, []string{"Rapat pleno rekapitulasi", "Sosialisasi pemilih pemula"}) {
		t.Fatalf("Sleman: %q", got)
	}
	if got := b.CellText(0, 4); got != "KPU Kabupaten Sleman" {
		t.Errorf("office column %q", got)
	}
	// And with the whole tree, this office's too, but no other office's
	office.SetSelectedIndex(1)
	if got := entryTitles(u); !slices.Equal(got, []string{"Rapat koordinasi provinsi", "Rapat pleno rekapitulasi", "Sosialisasi pemilih pemula"}) {
		t.Fatalf("tree: %q", got)
	}
	// Searching keeps to the offices chosen
	typeInto(b.Search, "rapat")
	b.FlushSearch()
	if got := entryTitles(u); !slices.Equal(got, []string{"Rapat koordinasi provinsi", "Rapat pleno rekapitulasi"}) {
		t.Fatalf("tree, searched: %q", got)
	}

	// When an activity of Sleman is opened
	b.Table.Select(tableCell(1))
	f := u.entryEd
	// Then it is shown read-only, without Save and Delete, and says why
	if f.title.Text != "Rapat pleno rekapitulasi" || !f.title.Disabled() || !f.activity.Disabled() || !f.state.Disabled() || !f.start.Entry.Disabled() {
		t.Fatalf("form %q: title disabled %v", f.title.Text, f.title.Disabled())
	}
	if b.SaveBtn.Visible() || b.DeleteBtn.Visible() || !b.RoNote.Visible() || b.RoNote.Text != "Data kantor lain — hanya dapat dibaca" {
		t.Fatalf("save %v, delete %v, note %q (%v)", b.SaveBtn.Visible(), b.DeleteBtn.Visible(), b.RoNote.Text, b.RoNote.Visible())
	}
	if b.FormTitle.Text != "Kegiatan — KPU Kabupaten Sleman" {
		t.Errorf("form title %q", b.FormTitle.Text)
	}
	// And should a save reach the store anyway, its refusal is shown
	b.Save()
	if u.lastError != "Gagal menyimpan: Data kantor lain — hanya dapat dibaca" {
		t.Errorf("error shown %q", u.lastError)
	}
	tapDialogButton(t, u.win, "OK")

	// When its own activity is opened, the form is editable again
	b.Table.Select(tableCell(0))
	if f.title.Text != "Rapat koordinasi provinsi" || f.title.Disabled() || f.activity.Disabled() || !b.SaveBtn.Visible() || b.RoNote.Visible() {
		t.Fatalf("own record: title %q disabled %v, save %v", f.title.Text, f.title.Disabled(), b.SaveBtn.Visible())
	}
	typeInto(f.location, "Yogyakarta")
	test.Tap(b.SaveBtn)
	if got, _ := st.Entry(ctx, own.ID); got.Location != "Yogyakarta" {
		t.Errorf("own record not saved: %+v", got)
	}

	// The agencies list has the filter too; Beranda stays on this office.
	if !u.agencies.OfficeRow.Visible() || !u.drafts.OfficeRow.Visible() {
		t.Error("agencies or drafts have no office filter")
	}
	if !strings.HasPrefix(u.home.period.Text, "KPU Provinsi DIY") {
		t.Errorf("Beranda: %q", u.home.period.Text)
	}
}

// A kabupaten office has no office under it: no office filter, no office
// column.
func TestNoOfficeFilterWithoutOfficesUnder(t *testing.T) {
	u, st := newTestUI(t)
	mustSaveAgency(t, st, "Polres Sleman", "polri")
	u.agencies.Reload()
	if u.agencies.OfficeRow.Visible() || len(u.agencies.Columns()) != 3 {
		t.Errorf("office filter shown %v, %d columns", u.agencies.OfficeRow.Visible(), len(u.agencies.Columns()))
	}
}

// A list reads its count and first page off the main goroutine, and a
// result that arrives after the user typed again is dropped.
func TestListLoadsOffTheMainGoroutineAndDropsStaleResults(t *testing.T) {
	u, st := newTestUI(t)
	for _, n := range []string{"KPU Sleman", "Bawaslu Sleman", "Polres Sleman"} {
		mustSaveAgency(t, st, n, "lainnya")
	}
	b := u.agencies
	b.Reload()

	// Given loads that wait until the test runs them
	var queued []func()
	kit.LoadLists = func(load func()) { queued = append(queued, load) }
	defer func() { kit.LoadLists = func(load func()) { load() } }()

	// When the user searches twice before either result arrives
	typeInto(b.Search, "kpu")
	b.FlushSearch()
	typeInto(b.Search, "bawaslu")
	b.FlushSearch()
	if len(queued) != 2 || b.N != 3 {
		t.Fatalf("%d loads queued, list shows %d rows", len(queued), b.N)
	}
	// And the later one comes back first, the earlier one after it
	queued[1]()
	queued[0]()
	// Then the list shows the later search only
	if got := listTexts(b); !slices.Equal(got, []string{"Bawaslu Sleman"}) {
		t.Fatalf("list = %q", got)
	}

	// On real goroutines, as in the program
	var wg sync.WaitGroup
	kit.LoadLists = func(load func()) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			load()
		}()
	}
	typeInto(b.Search, "sleman")
	b.FlushSearch()
	wg.Wait()
	if got := listTexts(b); !slices.Equal(got, []string{"Bawaslu Sleman", "KPU Sleman", "Polres Sleman"}) {
		t.Fatalf("list = %q", got)
	}
	if b.Pages.Fetches == 0 {
		t.Error("the first page was not counted as a fetch")
	}
}

func TestWordDiffMarksWhatChanged(t *testing.T) {
	a, b := diffTexts("Kampanye dimulai 28 November.", "Kampanye dimulai 27 November.")
	changed := func(rt *widget.RichText) []string {
		var out []string
		for _, s := range rt.Segments {
			if ts, ok := s.(*widget.TextSegment); ok && ts.Style == changedStyle {
				out = append(out, ts.Text)
			}
		}
		return out
	}
	if got := changed(a); !slices.Equal(got, []string{"28"}) {
		t.Errorf("mine marks %q", got)
	}
	if got := changed(b); !slices.Equal(got, []string{"27"}) {
		t.Errorf("theirs marks %q", got)
	}
	if a.String() != "Kampanye dimulai 28 November." {
		t.Errorf("text %q", a.String())
	}
	if empty, _ := diffTexts("", "x"); empty.String() != "—" {
		t.Errorf("empty shows %q", empty.String())
	}
}
