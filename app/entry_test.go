package app

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

func TestEntryEndBeforeStartShowsMessage(t *testing.T) {
	u, st := newTestUI(t)
	b, f := u.entries, u.entryEd

	// Given an activity that ends before it starts
	typeInto(f.start.entry, "10 Juli 2023")
	typeInto(f.end.entry, "09/07/2023")
	test.Type(f.title, "Rapat koordinasi tahapan kampanye")
	f.activity.SetSelected("Rapat koordinasi")
	f.strategy.SetSelectedIndex(1)
	// The typed dates are shown back in words
	if f.start.shown.Text != "Senin, 10 Juli 2023" || f.end.shown.Text != "Minggu, 9 Juli 2023" {
		t.Errorf("dates shown as %q and %q", f.start.shown.Text, f.end.shown.Text)
	}
	// When it is saved
	test.Tap(b.saveBtn)
	// Then the end date says why, in Indonesian, and nothing is stored
	if got := f.f.errorText("end_date"); got != "Tanggal selesai tidak boleh sebelum tanggal mulai" {
		t.Errorf("end_date error = %q", got)
	}
	if n, _ := st.CountEntries(ctx, store.Filter{}); n != 0 {
		t.Fatalf("stored %d entries", n)
	}

	// When the end date is emptied (a one-day activity), it saves
	typeInto(f.end.entry, "")
	test.Tap(b.saveBtn)
	got, err := st.Entries(ctx, store.Filter{}, 0, 10)
	if err != nil || len(got) != 1 {
		t.Fatalf("entries = %v, %v", got, err)
	}
	if e := got[0]; e.StartDate != data.NewDate(2023, 7, 10) || e.EndDate != e.StartDate || e.Strategy != 2 || !e.Realised {
		t.Errorf("stored %+v", e)
	}
	if b.cellText(0, 0) != "Senin, 10 Juli 2023" || b.cellText(0, 2) != "2" || b.cellText(0, 3) != "Rapat koordinasi" {
		t.Errorf("row = %q %q %q", b.cellText(0, 0), b.cellText(0, 2), b.cellText(0, 3))
	}
}

// Text that is not a date or a number is reported under its field, along
// with the domain's own errors, and never reaches the store.
func TestEntryUnreadableInputIsReported(t *testing.T) {
	u, st := newTestUI(t)
	b, f := u.entries, u.entryEd
	typeInto(f.start.entry, "tiga puluh Februari")
	test.Type(f.participants, "banyak")
	test.Type(f.evidence, "https://kpu.go.id/berita/1\nbukan tautan")
	test.Tap(b.saveBtn)
	for key, want := range map[string]string{
		"start_date":     "Tanggal mulai bukan tanggal yang sah (contoh: 10 Juli 2023 atau 10/07/2023)",
		"participants":   "Jumlah peserta harus berupa bilangan bulat",
		"title":          "Judul wajib diisi",
		"strategy":       "Strategi Bakohumas harus antara 1 dan 8",
		"evidence_links": "Tautan bukti bukan alamat web yang sah (awali dengan http:// atau https://)",
	} {
		if got := f.f.errorText(key); got != want {
			t.Errorf("%s: %q, want %q", key, got, want)
		}
	}
	if n, _ := st.CountEntries(ctx, store.Filter{}); n != 0 {
		t.Fatalf("stored %d entries", n)
	}
}

func TestEntryEditKeepsPartnersAndUnshownFields(t *testing.T) {
	u, st := newTestUI(t)
	a := mustSaveAgency(t, st, "Polres Sleman", "polri")
	e := &data.Entry{Title: "Sosialisasi", ActivityType: "sosialisasi", Strategy: 3,
		StartDate: data.NewDate(2024, 5, 2), EndDate: data.NewDate(2024, 5, 3), PartnerIDs: data.List[string]{a.ID}}
	if err := st.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	b, f := u.entries, u.entryEd
	b.reload()
	b.table.Select(tableCell(0))
	if len(f.partners.ids) != 1 || f.partners.names[a.ID] != "Polres Sleman" {
		t.Fatalf("partners shown: %v %v", f.partners.ids, f.partners.names)
	}
	typeInto(f.title, "Sosialisasi pemilih pemula")
	test.Tap(b.saveBtn)
	got, err := st.Entry(ctx, e.ID)
	if err != nil || got.Title != "Sosialisasi pemilih pemula" || got.EndDate != e.EndDate || len(got.PartnerIDs) != 1 {
		t.Fatalf("after edit: %+v, %v", got, err)
	}
}

// The list shows 1,000 entries while reading only the pages it draws.
func TestEntryListPagesThroughTheStore(t *testing.T) {
	u, st := newTestUI(t)
	recs := make([]data.Record, 1000)
	start := data.NewDate(2024, 1, 1)
	for i := range recs {
		recs[i] = &data.Entry{Title: fmt.Sprintf("Kegiatan %04d", i), ActivityType: "publikasi",
			Strategy: i%8 + 1, StartDate: start.AddDays(i)}
	}
	if _, err := st.InsertBatch(ctx, recs, false); err != nil {
		t.Fatal(err)
	}
	b := u.entries
	b.reload()
	u.tabs.SelectIndex(3) // the table draws its visible rows
	u.win.Resize(fyne.NewSize(1100, 720))

	if rows, _ := b.table.Length(); rows != 1000 {
		t.Fatalf("table length = %d", rows)
	}
	if b.pages.fetches < 1 || b.pages.fetches > 2 {
		t.Fatalf("drawing the first screen made %d fetches", b.pages.fetches)
	}
	// Latest first, as the store sorts.
	if got := b.cellText(0, 1); got != "Kegiatan 0999" {
		t.Errorf("first row = %q", got)
	}
	before := b.pages.fetches
	if got := b.cellText(999, 1); got != "Kegiatan 0000" {
		t.Errorf("last row = %q", got)
	}
	b.table.ScrollToBottom()
	if d := b.pages.fetches - before; d != 1 {
		t.Errorf("reaching the end made %d more fetches, want 1", d)
	}
	if len(b.pages.pages) > keepPages {
		t.Errorf("%d pages kept", len(b.pages.pages))
	}

	// Filters narrow the count and start again from the first page.
	b.bar.byKey["strategy"].(*choice).SetSelectedIndex(3) // "3. Penyediaan informasi …"
	if b.n != 125 || b.filter.Strategy != 3 {
		t.Fatalf("strategy 3: %d rows, filter %+v", b.n, b.filter)
	}
	typeInto(b.bar.byKey["from.field"].(*widget.Entry), "1 Januari 2026")
	if b.filter.From != data.NewDate(2026, 1, 1) {
		t.Fatalf("from filter = %v", b.filter.From)
	}
	// 2024-01-01 + 999 days is 2026-09-26: days 731..999 are from 2026 on.
	want := 0
	for i := 731; i < 1000; i++ {
		if i%8+1 == 3 {
			want++
		}
	}
	if b.n != want {
		t.Errorf("strategy 3 from 2026: %d rows, want %d", b.n, want)
	}
}

func TestDatePickerWritesIndonesianDate(t *testing.T) {
	u, _ := newTestUI(t)
	f := u.entryEd.start
	u.tabs.SelectIndex(3)
	f.setDate(data.NewDate(2023, 7, 1))
	test.Tap(f.pickBtn)
	if f.picker.title.Text != "Juli 2023" {
		t.Fatalf("picker shows %q", f.picker.title.Text)
	}
	test.Tap(f.picker.dayButton(10))
	if f.entry.Text != "10 Juli 2023" || f.shown.Text != "Senin, 10 Juli 2023" {
		t.Fatalf("picked: %q / %q", f.entry.Text, f.shown.Text)
	}
	f.picker.show(2023, time.Month(13))
	if f.picker.title.Text != "Januari 2024" {
		t.Errorf("month after December: %q", f.picker.title.Text)
	}
}
