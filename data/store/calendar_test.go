package store

import (
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
)

func TestCalendarAndWeeklyGaps(t *testing.T) {
	s := newStore(t)
	other := &data.Office{Name: "KPU Bantul", Kind: "kpu", Level: "kabupaten"}
	d := func(y int, m time.Month, day int) data.Date { return data.NewDate(y, m, day) }
	// November 2024: Mondays 4, 11, 18, 25; December 2 is the next.
	recs := []data.Record{other,
		&data.Draft{Title: "Rencana Senin", Kind: "siaran_pers", PlannedDate: d(2024, 11, 4)},
		&data.Draft{Title: "Rencana Minggu", Kind: "siaran_pers", PlannedDate: d(2024, 11, 24)}, // the 18th's week, on its Sunday
		// Planned in the week of the 11th but published in the week of the 25th.
		&data.Draft{Title: "Terbit terlambat", Kind: "pengumuman", Status: data.StatusPublished,
			PlannedDate: d(2024, 11, 12), PublishedAt: d(2024, 11, 26), PublishedLink: "https://contoh.go.id/a"},
		// A correction in progress still stands on its publication day.
		&data.Draft{Title: "Sedang dikoreksi", Kind: "pengumuman", Status: data.StatusDraft, Revision: 2,
			PlannedDate: d(2024, 10, 1), PublishedAt: d(2024, 11, 27), PublishedLink: "https://contoh.go.id/b"},
		&data.Draft{Title: "Tanpa tanggal", Kind: "lainnya"},
		&data.Draft{Title: "Dihapus", Kind: "lainnya", PlannedDate: d(2024, 11, 11)},
	}
	if _, err := s.InsertBatch(ctx, recs, false); err != nil {
		t.Fatal(err)
	}
	bantul := &data.Draft{Meta: data.Meta{OfficeID: other.ID}, Title: "Milik Bantul", Kind: "lainnya", PlannedDate: d(2024, 11, 13)}
	if _, err := s.InsertBatch(ctx, []data.Record{bantul}, false); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, KindDraft, recs[6].RecordMeta().ID); err != nil {
		t.Fatal(err)
	}

	items, err := s.Calendar(ctx, d(2024, 11, 1), d(2024, 11, 30))
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		day       data.Date
		title     string
		published bool
	}
	want := []row{{d(2024, 11, 4), "Rencana Senin", false}, {d(2024, 11, 24), "Rencana Minggu", false},
		{d(2024, 11, 26), "Terbit terlambat", true}, {d(2024, 11, 27), "Sedang dikoreksi", true}}
	if len(items) != len(want) {
		t.Fatalf("calendar %+v", items)
	}
	for i, w := range want {
		if it := items[i]; it.Day != w.day || it.Draft.Title != w.title || it.Published != w.published || it.Draft.Body != "" {
			t.Errorf("item %d = %v %q %v, want %+v", i, it.Day, it.Draft.Title, it.Published, w)
		}
	}
	planned, _ := s.DraftsPlannedBetween(ctx, d(2024, 11, 1), d(2024, 11, 30))
	published, _ := s.DraftsPublishedBetween(ctx, d(2024, 11, 1), d(2024, 11, 30))
	if len(planned) != 2 || len(published) != 2 {
		t.Errorf("planned %d published %d", len(planned), len(published))
	}

	tests := []struct {
		name     string
		from, to data.Date
		want     []data.Date
	}{
		{"the month", d(2024, 11, 1), d(2024, 11, 30), []data.Date{d(2024, 10, 28), d(2024, 11, 11)}},
		{"a deleted draft and another office's do not count", d(2024, 11, 11), d(2024, 11, 17), []data.Date{d(2024, 11, 11)}},
		{"a Sunday counts for its week", d(2024, 11, 18), d(2024, 11, 18), nil},
		{"a range cutting a week judges it whole", d(2024, 11, 6), d(2024, 11, 6), nil},
		{"into the next month", d(2024, 11, 25), d(2024, 12, 8), []data.Date{d(2024, 12, 2)}},
		{"an empty range", d(2024, 11, 10), d(2024, 11, 1), nil},
	}
	for _, tc := range tests {
		got, err := s.WeeklyGaps(ctx, tc.from, tc.to)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(tc.want) {
			t.Errorf("%s: gaps %v, want %v", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] || got[i].Weekday() != time.Monday {
				t.Errorf("%s: gaps %v, want %v", tc.name, got, tc.want)
			}
		}
	}
}

func TestOutlook(t *testing.T) {
	s := newStore(t)
	today := data.NewDate(2024, 11, 20) // a Wednesday in the Pilkada campaign
	if _, err := s.InsertBatch(ctx, []data.Record{
		&data.Draft{Title: "Ajakan ke TPS", Kind: "narasi_tahapan", PlannedDate: today.AddDays(6)}, // the 26th, next week
		&data.Draft{Title: "Terlalu jauh", Kind: "narasi_tahapan", PlannedDate: today.AddDays(19)}, // 9 Dec: beyond the 14 days and their weeks
		&data.Draft{Title: "Kemarin", Kind: "narasi_tahapan", PlannedDate: today.AddDays(-1)},      // this week, before today
		&data.Hoax{Claim: "Pemungutan suara diundur", Platform: "whatsapp", FoundAt: time.Now()},   // open
	}, false); err != nil {
		t.Fatal(err)
	}
	o, err := s.Outlook(ctx, today, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Stages) != 1 || o.Stages[0].Key != "kampanye" || o.Stages[0].Election != "Pilkada 2024" {
		t.Errorf("stages %+v", o.Stages)
	}
	if len(o.Items) != 1 || o.Items[0].Draft.Title != "Ajakan ke TPS" {
		t.Errorf("items %+v", o.Items)
	}
	// 20 Nov – 3 Dec: the weeks of 18 Nov (yesterday's draft), 25 Nov (the 26th) and 2 Dec (nothing).
	if len(o.Gaps) != 1 || o.Gaps[0] != data.NewDate(2024, 12, 2) {
		t.Errorf("gaps %v", o.Gaps)
	}
	if o.OpenHoaxes != 1 {
		t.Errorf("open hoaxes %d", o.OpenHoaxes)
	}
}
