package app

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/demo"
	"github.com/humasdesk/humasdesk/data/store"
)

// newTestUIWith opens the main window over a store that setup has
// filled first (demo.Load, for one, changes the current office, which
// the window reads when it opens).
func newTestUIWith(t *testing.T, setup func(st *store.Store)) (*UI, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	setup(st)
	u := New(a, st)
	t.Cleanup(u.win.Close)
	return u, st
}

func mustInsert(t *testing.T, st *store.Store, recs ...data.Record) {
	t.Helper()
	if _, err := st.InsertBatch(ctx, recs, false); err != nil {
		t.Fatal(err)
	}
}

func day(y int, m time.Month, d int) data.Date { return data.NewDate(y, m, d) }

// agendaAt shows the Agenda at the month of today, which it fixes.
func agendaAt(u *UI, today data.Date) *agendaView {
	v := u.agenda
	v.today = func() data.Date { return today }
	u.selectView(v.content)
	v.showMonth(today.Year, today.Month)
	return v
}

const kampanye = "Masa kampanye Pilkada 2024"

func TestAgendaMonthPlacesContentAndStageBands(t *testing.T) {
	u, st := newTestUI(t)
	mustInsert(t, st,
		&data.Draft{Title: "Ajakan cek DPT", Kind: "pengumuman", Channels: data.List[string]{"instagram"}, PlannedDate: day(2024, 10, 1)},
		&data.Draft{Title: "Siaran pers debat", Kind: "siaran_pers", Channels: data.List[string]{"website"},
			Status: data.StatusPublished, PlannedDate: day(2024, 10, 2), PublishedAt: day(2024, 10, 3)},
	)
	v := agendaAt(u, day(2024, 10, 15))

	if v.title.Text != "Oktober 2024" {
		t.Errorf("title = %q", v.title.Text)
	}
	// A planned draft stands on its planned day, a published one on the
	// day it went out.
	if got := v.dayItems(day(2024, 10, 1)); !slices.Equal(got, []string{"Ajakan cek DPT"}) {
		t.Errorf("1 Oktober shows %q", got)
	}
	if got := v.dayItems(day(2024, 10, 3)); !slices.Equal(got, []string{"Siaran pers debat"}) {
		t.Errorf("3 Oktober shows %q", got)
	}
	if got := v.dayItems(day(2024, 10, 2)); len(got) != 0 {
		t.Errorf("2 Oktober shows %q", got)
	}
	// The Pilkada campaign (25 September – 23 November) is a band across
	// 1 October; in September's grid it starts on the 25th, not the 24th.
	if !slices.Contains(v.dayStages(day(2024, 10, 1)), kampanye) {
		t.Errorf("1 Oktober stages: %q", v.dayStages(day(2024, 10, 1)))
	}
	v.showMonth(2024, 9)
	if slices.Contains(v.dayStages(day(2024, 9, 24)), kampanye) {
		t.Errorf("24 September shows the campaign: %q", v.dayStages(day(2024, 9, 24)))
	}
	for _, d := range []int{25, 26, 29} {
		if !slices.Contains(v.dayStages(day(2024, 9, d)), kampanye) {
			t.Errorf("%d September stages: %q", d, v.dayStages(day(2024, 9, d)))
		}
	}
	w, col := v.dayOf(day(2024, 9, 25))
	var band *stageBand
	for _, b := range w.bands {
		if b.chip.text == kampanye {
			band = b
		}
	}
	if band == nil || band.first != col || band.last != 6 || !band.chip.roundLeft || band.chip.roundRight {
		t.Errorf("campaign band in the week of 23 September: %+v", band)
	}

	// Overlapping stages are stacked: on 27 November the vote and the
	// count (27 November – 16 December) lie in two lanes.
	v.showMonth(2024, 11)
	on27 := v.dayStages(day(2024, 11, 27))
	if !slices.Contains(on27, "Pemungutan suara Pilkada 2024") ||
		!slices.Contains(on27, "Penghitungan suara dan rekapitulasi hasil penghitungan suara Pilkada 2024") {
		t.Fatalf("27 November stages: %q", on27)
	}
	w, _ = v.dayOf(day(2024, 11, 27))
	lanes := map[int]bool{}
	for _, b := range w.bands {
		if b.first <= 2 && 2 <= b.last {
			lanes[b.lane] = true
		}
	}
	if len(lanes) != len(on27) {
		t.Errorf("the stages of 27 November share lanes: %v", lanes)
	}

	// Monday first, with Indonesian day names.
	heads := labelsIn(v.gridView)
	if len(heads) < 7 || strings.Join(heads[:7], " ") != "Senin Selasa Rabu Kamis Jumat Sabtu Minggu" {
		t.Errorf("weekday headings: %q", heads)
	}
	// Previous, next and today move the month.
	test.Tap(v.prevBtn)
	if v.title.Text != "Oktober 2024" {
		t.Errorf("after previous: %q", v.title.Text)
	}
	test.Tap(v.nextBtn)
	test.Tap(v.nextBtn)
	if v.title.Text != "Desember 2024" {
		t.Errorf("after next: %q", v.title.Text)
	}
	test.Tap(v.todayBtn)
	if v.title.Text != "Oktober 2024" {
		t.Errorf("after today: %q", v.title.Text)
	}
}

func TestAgendaFiltersHideContent(t *testing.T) {
	u, st := newTestUI(t)
	mustInsert(t, st,
		&data.Draft{Title: "Instagram saja", Kind: "pengumuman", Channels: data.List[string]{"instagram"}, PlannedDate: day(2024, 10, 1)},
		&data.Draft{Title: "Situs dan Instagram", Kind: "pengumuman", Channels: data.List[string]{"website", "instagram"},
			Status: data.StatusSubmitted, PlannedDate: day(2024, 10, 1)},
	)
	v := agendaAt(u, day(2024, 10, 15))
	if got := v.dayItems(day(2024, 10, 1)); len(got) != 2 {
		t.Fatalf("unfiltered: %q", got)
	}
	v.channel.SetSelected("Situs web")
	if got := v.dayItems(day(2024, 10, 1)); !slices.Equal(got, []string{"Situs dan Instagram"}) {
		t.Errorf("channel Situs web: %q", got)
	}
	v.channel.SetSelected("Semua kanal")
	v.status.SetSelected("Draf")
	if got := v.dayItems(day(2024, 10, 1)); !slices.Equal(got, []string{"Instagram saja"}) {
		t.Errorf("status Draf: %q", got)
	}
	v.status.SetSelected("Terbit")
	if got := v.dayItems(day(2024, 10, 1)); len(got) != 0 {
		t.Errorf("status Terbit: %q", got)
	}
	// The list says why it is empty.
	if got := v.rows[len(v.rows)-1].text; got != "Tidak ada konten bulan ini yang sesuai dengan saringan." {
		t.Errorf("list: %q", got)
	}
	// A filter does not make a week a gap: the week still has content.
	if v.weekMarked(day(2024, 9, 30)) {
		t.Error("the filter made the week of 30 September a gap")
	}
}

func TestAgendaMarksWeeksWithoutContent(t *testing.T) {
	u, st := newTestUI(t)
	mustInsert(t, st, &data.Draft{Title: "Satu-satunya", Kind: "pengumuman", PlannedDate: day(2026, 12, 2)})
	v := agendaAt(u, day(2026, 12, 1))
	if v.weekMarked(day(2026, 11, 30)) {
		t.Error("the week of 30 November, which has content, is marked")
	}
	if !v.weekMarked(day(2026, 12, 7)) {
		t.Error("the empty week of 7 December is not marked")
	}
	w, _ := v.dayOf(day(2026, 12, 7))
	if w.gap.text != "Tidak ada konten minggu ini" {
		t.Errorf("gap note: %q", w.gap.text)
	}
	// The list says it where the week begins.
	var gaps []string
	for _, r := range v.rows {
		if r.kind == rowGap {
			gaps = append(gaps, r.text)
		}
	}
	want := []string{"Minggu 7–13 Desember 2026: belum ada konten", "Minggu 14–20 Desember 2026: belum ada konten",
		"Minggu 21–27 Desember 2026: belum ada konten", "Minggu 28 Desember 2026 – 3 Januari 2027: belum ada konten"}
	if !slices.Equal(gaps, want) {
		t.Errorf("list gaps:\n%q\nwant\n%q", gaps, want)
	}
}

func TestAgendaListAndOpeningContent(t *testing.T) {
	u, st := newTestUI(t)
	d := &data.Draft{Title: "Narasi masa tenang", Kind: "narasi_tahapan", Channels: data.List[string]{"instagram", "website"},
		PlannedDate: day(2024, 11, 24)}
	mustInsert(t, st, d)
	v := agendaAt(u, day(2024, 11, 15))
	test.Tap(v.listBtn)
	if !v.list.Visible() || v.gridView.Visible() {
		t.Fatal("the list is not shown")
	}
	var texts []string
	for _, r := range v.rows {
		texts = append(texts, r.text)
	}
	joined := strings.Join(texts, "\n")
	for _, want := range []string{
		"Tahapan bulan ini",
		"Masa kampanye Pilkada 2024 · 25 September – 23 November 2024",
		"Masa tenang Pilkada 2024 · 24–26 November 2024",
		"Minggu, 24 November 2024\nNarasi masa tenang · Draf · Instagram, Situs web",
	} {
		if !strings.Contains(joined, want) {
			t.Errorf("the list lacks %q:\n%s", want, joined)
		}
	}
	// Tapping the content opens it in the Konten form.
	i := slices.IndexFunc(v.rows, func(r agendaRow) bool { return r.kind == rowItem })
	v.list.Select(i)
	if u.tabs.Selected().Content != u.drafts.Content {
		t.Fatalf("view after tapping: %q", u.tabs.Selected().Text)
	}
	if u.drafts.Current.ID != d.ID || u.drafts.Current.Title != "Narasi masa tenang" {
		t.Errorf("the form holds %q", u.drafts.Current.Title)
	}

	// And from the month: its chip.
	u.selectView(v.content)
	test.Tap(v.monthBtn)
	w, col := v.dayOf(day(2024, 11, 24))
	u.drafts.OpenNew()
	test.Tap(w.days[col].items[0])
	if u.tabs.Selected().Content != u.drafts.Content || u.drafts.Current.ID != d.ID {
		t.Errorf("tapping the chip opened %q in %q", u.drafts.Current.Title, u.tabs.Selected().Text)
	}
}

// A day with more content than fits says how many more, and leads to the
// list at that day.
func TestAgendaDayWithMuchContent(t *testing.T) {
	u, st := newTestUI(t)
	for i := range 6 {
		mustInsert(t, st, &data.Draft{Title: "Konten " + string(rune('A'+i)), Kind: "pengumuman", PlannedDate: day(2024, 10, 9)})
	}
	v := agendaAt(u, day(2024, 10, 1))
	got := v.dayItems(day(2024, 10, 9))
	if len(got) != agendaPerDay || got[len(got)-1] != "+3 lainnya" {
		t.Fatalf("9 Oktober shows %q", got)
	}
	w, col := v.dayOf(day(2024, 10, 9))
	test.Tap(w.days[col].more)
	if !v.listMode {
		t.Error("the more chip does not open the list")
	}
}

func TestStageAddedThroughTheFormIsOnTheCalendar(t *testing.T) {
	u, st := newTestUI(t)
	v := agendaAt(u, day(2024, 10, 1))
	test.Tap(v.stagesBtn)
	m := v.mgr
	if m == nil || m.dlg == nil {
		t.Fatal("the stage manager did not open")
	}
	// The shipped stages are listed and marked.
	i := slices.IndexFunc(m.shown, func(s data.Stage) bool { return s.Election == "Pilkada 2024" && s.Key == "kampanye" })
	if i < 0 || m.rowDetail(&m.shown[i]) != "25 September – 23 November 2024 · Pilkada 2024 · bawaan" {
		t.Fatalf("shipped campaign row: %d", i)
	}
	before, err := st.Stages(ctx, data.Date{}, data.Date{})
	if err != nil {
		t.Fatal(err)
	}

	// An end before the start is refused under its field, in Indonesian,
	// and nothing is stored.
	test.Tap(m.newBtn)
	test.Type(m.name, "HUT Kabupaten Sleman")
	typeInto(m.start.Entry, "15/10/2024")
	typeInto(m.end.Entry, "12/10/2024")
	test.Tap(m.saveBtn)
	if got := m.f.ErrorText("end"); got != "Selesai tidak boleh sebelum tanggal mulai" {
		t.Errorf("end error = %q", got)
	}
	after, _ := st.Stages(ctx, data.Date{}, data.Date{})
	if len(after) != len(before) {
		t.Fatalf("a refused stage was stored: %d → %d", len(before), len(after))
	}
	// A date that is not one is said so.
	typeInto(m.end.Entry, "31/02/2024")
	test.Tap(m.saveBtn)
	if got := m.f.ErrorText("end"); !strings.HasPrefix(got, "Selesai bukan tanggal") {
		t.Errorf("end error = %q", got)
	}

	// Corrected, it is stored and banded across its days.
	typeInto(m.end.Entry, "17 Oktober 2024")
	m.category.SetSelected("Agenda daerah")
	test.Tap(m.saveBtn)
	if m.status.Text != "Tersimpan." {
		t.Fatalf("status %q; errors %q %q", m.status.Text, m.f.ErrorText("end"), m.f.ErrorText("name"))
	}
	after, _ = st.Stages(ctx, data.Date{}, data.Date{})
	if len(after) != len(before)+1 {
		t.Fatalf("stages: %d → %d", len(before), len(after))
	}
	for d := 15; d <= 17; d++ {
		if !slices.Contains(v.dayStages(day(2024, 10, d)), "HUT Kabupaten Sleman") {
			t.Errorf("%d Oktober stages: %q", d, v.dayStages(day(2024, 10, d)))
		}
	}
	if slices.Contains(v.dayStages(day(2024, 10, 18)), "HUT Kabupaten Sleman") {
		t.Error("the event runs past its end")
	}
	if got := m.rowDetail(&m.current); got != "15–17 Oktober 2024 · Agenda daerah" {
		t.Errorf("own stage row: %q", got)
	}

	// Deleting asks first; "Tidak" keeps it, "Ya" removes it.
	test.Tap(m.deleteBtn)
	tapDialogButton(t, u.win, "Tidak")
	if got, _ := st.Stages(ctx, data.Date{}, data.Date{}); len(got) != len(after) {
		t.Fatal("deleted without confirmation")
	}
	test.Tap(m.deleteBtn)
	if txt := strings.Join(dialogText(u.win), " "); !strings.Contains(txt, "Hapus tahapan “HUT Kabupaten Sleman”?") {
		t.Errorf("confirmation: %q", txt)
	}
	tapDialogButton(t, u.win, "Ya")
	if got, _ := st.Stages(ctx, data.Date{}, data.Date{}); len(got) != len(before) {
		t.Fatalf("after delete: %d stages", len(got))
	}
	if slices.Contains(v.dayStages(day(2024, 10, 16)), "HUT Kabupaten Sleman") {
		t.Error("the deleted event is still on the calendar")
	}
}

// Tapping a band opens that stage in the form; a correction of a shipped
// stage moves its band.
func TestCorrectingAShippedStage(t *testing.T) {
	u, _ := newTestUI(t)
	v := agendaAt(u, day(2024, 9, 1))
	w, col := v.dayOf(day(2024, 9, 25))
	var band *stageBand
	for _, b := range w.bands {
		if b.chip.text == kampanye && b.first <= col && col <= b.last {
			band = b
		}
	}
	if band == nil {
		t.Fatal("no campaign band")
	}
	test.Tap(band.chip)
	m := v.mgr
	if m.current.Key != "kampanye" || m.name.Text != "Masa kampanye" || m.start.Entry.Text != "25 September 2024" {
		t.Fatalf("the form holds %q from %q", m.name.Text, m.start.Entry.Text)
	}
	if !strings.Contains(m.origin.Text, "PKPU 2/2024") {
		t.Errorf("origin: %q", m.origin.Text)
	}
	typeInto(m.start.Entry, "26/09/2024")
	test.Tap(m.saveBtn)
	if slices.Contains(v.dayStages(day(2024, 9, 25)), kampanye) || !slices.Contains(v.dayStages(day(2024, 9, 26)), kampanye) {
		t.Errorf("after the correction: 25th %q, 26th %q", v.dayStages(day(2024, 9, 25)), v.dayStages(day(2024, 9, 26)))
	}
	if got := m.rowDetail(&m.current); got != "26 September – 23 November 2024 · Pilkada 2024 · bawaan" {
		t.Errorf("a corrected shipped stage is still marked: %q", got)
	}
}

// The demo of 2024 fills the month of the Pilkada vote with stages and
// content.
func TestDemoCalendarOfThePilkadaMonth(t *testing.T) {
	today := day(2024, 11, 15)
	u, _ := newTestUIWith(t, func(st *store.Store) {
		if _, err := demo.Load(ctx, st, demo.Options{Year: 2024, Today: today}); err != nil {
			t.Fatal(err)
		}
	})
	v := agendaAt(u, today)
	for d, want := range map[int]string{1: kampanye, 23: kampanye, 25: "Masa tenang Pilkada 2024", 27: "Pemungutan suara Pilkada 2024"} {
		if !slices.Contains(v.dayStages(day(2024, 11, d)), want) {
			t.Errorf("%d November: %q lacks %q", d, v.dayStages(day(2024, 11, d)), want)
		}
	}
	inMonth := 0
	statuses := map[string]bool{}
	for _, it := range v.items {
		if it.Day.Month == time.November {
			inMonth++
			statuses[it.Draft.Status] = true
		}
	}
	if inMonth < 5 || len(statuses) < 3 {
		t.Errorf("November 2024 has %d items in %d statuses", inMonth, len(statuses))
	}
	u.home.today = func() data.Date { return today }
	u.home.refresh()
	if got := labelsIn(u.home.stages); !slices.Contains(got, "Tahapan saat ini: "+kampanye+", 25 September – 23 November 2024") {
		t.Errorf("Beranda stages: %q", got)
	}
}

func TestDayRange(t *testing.T) {
	for _, c := range []struct {
		from, to data.Date
		want     string
	}{
		{day(2024, 2, 14), day(2024, 2, 14), "14 Februari 2024"},
		{day(2026, 12, 7), day(2026, 12, 13), "7–13 Desember 2026"},
		{day(2024, 9, 25), day(2024, 11, 23), "25 September – 23 November 2024"},
		{day(2026, 12, 28), day(2027, 1, 3), "28 Desember 2026 – 3 Januari 2027"},
	} {
		if got := dayRange(c.from, c.to, data.LangID); got != c.want {
			t.Errorf("dayRange(%v, %v) = %q, want %q", c.from, c.to, got, c.want)
		}
	}
	if got := stageTitle(&data.Stage{Name: "Masa kampanye pemilu", Election: "Pemilu 2024"}); got != "Masa kampanye pemilu 2024" {
		t.Errorf("stageTitle = %q", got)
	}
}
