package app

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
)

func TestBerandaCountsMatchTheStore(t *testing.T) {
	u, st := newTestUI(t)
	today := data.NewDate(2026, 11, 20)
	from, to := iddate.QuarterRange(2026, 4)
	recs := []data.Record{
		&data.Entry{Title: "Rapat", ActivityType: "rapat_koordinasi", Strategy: 2, StartDate: from, Realised: true},
		&data.Entry{Title: "Rapat lagi", ActivityType: "rapat_koordinasi", Strategy: 2, StartDate: to},
		&data.Entry{Title: "Pelatihan", ActivityType: "pelatihan", Strategy: 8, StartDate: today, Realised: true},
		&data.Entry{Title: "Triwulan lalu", ActivityType: "publikasi", Strategy: 3, StartDate: from.AddDays(-1)},
		&data.Draft{Title: "Rencana", Kind: "pengumuman", PlannedDate: today.AddDays(3)},
		&data.Draft{Title: "Sudah terbit", Kind: "pengumuman", Status: data.StatusPublished, PlannedDate: today.AddDays(1)},
		&data.Draft{Title: "Lewat", Kind: "pengumuman", PlannedDate: today.AddDays(-3)},
	}
	if _, err := st.InsertBatch(ctx, recs, false); err != nil {
		t.Fatal(err)
	}
	d := u.home
	d.today = func() data.Date { return today }
	d.refresh()

	sum, err := st.Summarize(ctx, u.officeID, from, to, today, upcomingShown)
	if err != nil {
		t.Fatal(err)
	}
	if d.title.Text != "Triwulan IV 2026" {
		t.Errorf("title = %q", d.title.Text)
	}
	if !strings.Contains(d.period.Text, "1 Oktober 2026 – 31 Desember 2026") {
		t.Errorf("period = %q", d.period.Text)
	}
	for n := 1; n <= 8; n++ {
		if got, want := d.byStrategy[n].Text, strconv.Itoa(sum.ByStrategy[n]); got != want {
			t.Errorf("strategy %d shows %s, store says %s", n, got, want)
		}
	}
	if d.byStrategy[2].Text != "2" || d.byStrategy[3].Text != "0" {
		t.Errorf("strategy 2 = %s, 3 = %s", d.byStrategy[2].Text, d.byStrategy[3].Text)
	}
	if d.total.Text != "3" || d.realised.Text != "2 dari 3" {
		t.Errorf("total %q, realised %q", d.total.Text, d.realised.Text)
	}
	for code, l := range d.byStatus {
		if want := strconv.Itoa(sum.DraftsByState[code]); l.Text != want {
			t.Errorf("status %s shows %s, store says %s", code, l.Text, want)
		}
	}
	// The next 14 days: what is planned and what went out, by day; not
	// what lies before today.
	if got, want := d.upcomingTexts(), []string{"Sabtu, 21 November 2026 — Sudah terbit (Terbit)", "Senin, 23 November 2026 — Rencana (Draf)"}; !slices.Equal(got, want) {
		t.Errorf("upcoming = %q, want %q", got, want)
	}
}

// Beranda names the stage under way on a fixed day, with its period.
func TestBerandaShowsTheCurrentStage(t *testing.T) {
	u, _ := newTestUI(t)
	d := u.home
	d.today = func() data.Date { return data.NewDate(2024, 10, 1) }
	d.refresh()
	got := labelsIn(d.stages)
	// 1 October 2024 is also the day the DPR and DPD took their oath: the
	// shorter stage comes first.
	want := []string{
		"Tahapan saat ini: Pengucapan sumpah/janji anggota DPR dan DPD Pemilu 2024, 1 Oktober 2024",
		"Tahapan saat ini: Masa kampanye Pilkada 2024, 25 September – 23 November 2024",
	}
	if !slices.Equal(got, want) {
		t.Errorf("stages = %q", got)
	}
	// Between stages, the next one is named.
	d.today = func() data.Date { return data.NewDate(2024, 12, 20) }
	d.refresh()
	if got := labelsIn(d.stages); len(got) != 1 || !strings.HasPrefix(got[0], "Tidak ada tahapan yang sedang berjalan hari ini.") {
		t.Errorf("no stage: %q", got)
	}
}

// A week of the next 14 days with nothing planned is warned about; weeks
// with content are not.
func TestBerandaWarnsOfAWeekWithoutContent(t *testing.T) {
	u, st := newTestUI(t)
	mustInsert(t, st,
		&data.Draft{Title: "Minggu ini", Kind: "pengumuman", PlannedDate: data.NewDate(2026, 12, 4)},
		&data.Draft{Title: "Minggu depannya lagi", Kind: "pengumuman", PlannedDate: data.NewDate(2026, 12, 15)},
	)
	d := u.home
	d.today = func() data.Date { return data.NewDate(2026, 12, 3) }
	d.refresh()
	if got, want := labelsIn(d.gaps), []string{"Belum ada konten terencana untuk minggu 7–13 Desember 2026"}; !slices.Equal(got, want) {
		t.Errorf("warnings = %q, want %q", got, want)
	}
	mustInsert(t, st, &data.Draft{Title: "Mengisi celah", Kind: "pengumuman", PlannedDate: data.NewDate(2026, 12, 9)})
	d.refresh()
	if got := labelsIn(d.gaps); !slices.Equal(got, []string{"Setiap minggu dalam 14 hari ke depan sudah ada kontennya."}) {
		t.Errorf("after filling the week: %q", got)
	}
}

// The open hoax cases are counted, and lead to the register's open cases.
func TestBerandaCountsOpenHoaxesAndLinksToTheRegister(t *testing.T) {
	u, st := newTestUI(t)
	mustSaveHoax(t, st, &data.Hoax{Claim: "Terbuka", Platform: "whatsapp", FoundAt: local(2026, 11, 1, 9, 0)})
	mustSaveHoax(t, st, &data.Hoax{Claim: "Selesai", Platform: "x", FoundAt: local(2026, 11, 2, 9, 0),
		ClarifiedAt: clarifiedAt(local(2026, 11, 2, 12, 0))})
	d := u.home
	d.refresh()
	if d.hoaxes.Text != "Kasus hoaks belum diklarifikasi: 1" {
		t.Errorf("hoaxes = %q", d.hoaxes.Text)
	}
	test.Tap(d.registerBtn)
	if u.tabs.Selected().Content != u.hoaxes.content {
		t.Fatalf("the link led to %q", u.tabs.Selected().Text)
	}
	if got := listTexts(u.hoaxes.cases); !slices.Equal(got, []string{"Terbuka"}) {
		t.Errorf("register shows %q", got)
	}
}

// Beranda is recounted whenever it is shown again.
func TestBerandaRefreshesWhenShown(t *testing.T) {
	u, st := newTestUI(t)
	if err := st.SaveEntry(ctx, &data.Entry{Title: "Publikasi", ActivityType: "publikasi", Strategy: 3, StartDate: data.Today()}); err != nil {
		t.Fatal(err)
	}
	u.tabs.SelectIndex(3)
	u.tabs.SelectIndex(0)
	if u.home.byStrategy[3].Text != "1" {
		t.Fatalf("strategy 3 after returning to Beranda: %q", u.home.byStrategy[3].Text)
	}
}
