package app

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

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
	if len(d.upcoming.Objects) != 1 || !strings.Contains(d.upcoming.Objects[0].(*widget.Label).Text, "Senin, 23 November 2026 — Rencana (Draf)") {
		t.Errorf("upcoming = %d items", len(d.upcoming.Objects))
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
