package app

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

func TestEntryEndBeforeStartShowsMessage(t *testing.T) {
	u, st := newTestUI(t)
	b, f := u.entries, u.entryEd

	// Given an activity that ends before it starts
	typeInto(f.start.Entry, "10 Juli 2023")
	typeInto(f.end.Entry, "09/07/2023")
	test.Type(f.title, "Rapat koordinasi tahapan kampanye")
	f.activity.SetSelected("Rapat koordinasi")
	f.strategy.SetSelectedIndex(1)
	// The typed dates are shown back in words
	if f.start.Shown.Text != "Senin, 10 Juli 2023" || f.end.Shown.Text != "Minggu, 9 Juli 2023" {
		t.Errorf("dates shown as %q and %q", f.start.Shown.Text, f.end.Shown.Text)
	}
	// When it is saved
	test.Tap(b.SaveBtn)
	// Then the end date says why, in Indonesian, and nothing is stored
	if got := f.f.ErrorText("end_date"); got != "Tanggal selesai tidak boleh sebelum tanggal mulai" {
		t.Errorf("end_date error = %q", got)
	}
	if n, _ := st.CountEntries(ctx, store.Filter{}); n != 0 {
		t.Fatalf("stored %d entries", n)
	}

	// When the end date is emptied (a one-day activity), it saves
	typeInto(f.end.Entry, "")
	test.Tap(b.SaveBtn)
	got, err := st.Entries(ctx, store.Filter{}, 0, 10)
	if err != nil || len(got) != 1 {
		t.Fatalf("entries = %v, %v", got, err)
	}
	if e := got[0]; e.StartDate != data.NewDate(2023, 7, 10) || e.EndDate != e.StartDate || e.Strategy != 2 || !e.Realised {
		t.Errorf("stored %+v", e)
	}
	if b.CellText(0, 0) != "Senin, 10 Juli 2023" || b.CellText(0, 2) != "2" || b.CellText(0, 3) != "Rapat koordinasi" {
		t.Errorf("row = %q %q %q", b.CellText(0, 0), b.CellText(0, 2), b.CellText(0, 3))
	}
}

// Text that is not a date or a number is reported under its field, along
// with the domain's own errors, and never reaches the store.
func TestEntryUnreadableInputIsReported(t *testing.T) {
	u, st := newTestUI(t)
	b, f := u.entries, u.entryEd
	typeInto(f.start.Entry, "tiga puluh Februari")
	test.Type(f.participants, "banyak")
	test.Type(f.evidence, "https://kpu.go.id/berita/1\nbukan tautan")
	test.Tap(b.SaveBtn)
	for key, want := range map[string]string{
		"start_date":     "Tanggal mulai bukan tanggal yang sah (contoh: 10 Juli 2023 atau 10/07/2023)",
		"participants":   "Jumlah peserta harus berupa bilangan bulat",
		"title":          "Judul wajib diisi",
		"strategy":       "Strategi Bakohumas harus antara 1 dan 8",
		"evidence_links": "Tautan bukti bukan alamat web yang sah (awali dengan http:// atau https://)",
	} {
		if got := f.f.ErrorText(key); got != want {
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
	b.Reload()
	b.Table.Select(tableCell(0))
	if len(f.partners.ids) != 1 || f.partners.names[a.ID] != "Polres Sleman" {
		t.Fatalf("partners shown: %v %v", f.partners.ids, f.partners.names)
	}
	typeInto(f.title, "Sosialisasi pemilih pemula")
	test.Tap(b.SaveBtn)
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
	b.Reload()
	u.tabs.SelectIndex(3) // the table draws its visible rows
	u.win.Resize(fyne.NewSize(1100, 720))

	if rows, _ := b.Table.Length(); rows != 1000 {
		t.Fatalf("table length = %d", rows)
	}
	if b.Pages.Fetches < 1 || b.Pages.Fetches > 2 {
		t.Fatalf("drawing the first screen made %d fetches", b.Pages.Fetches)
	}
	// Latest first, as the store sorts.
	if got := b.CellText(0, 1); got != "Kegiatan 0999" {
		t.Errorf("first row = %q", got)
	}
	before := b.Pages.Fetches
	if got := b.CellText(999, 1); got != "Kegiatan 0000" {
		t.Errorf("last row = %q", got)
	}
	b.Table.ScrollToBottom()
	if d := b.Pages.Fetches - before; d != 1 {
		t.Errorf("reaching the end made %d more fetches, want 1", d)
	}
	if len(b.Pages.Pages) > kit.KeepPages {
		t.Errorf("%d pages kept", len(b.Pages.Pages))
	}

	// Filters narrow the count and start again from the first page.
	b.Bar.ByKey["strategy"].(*kit.Choice).SetSelectedIndex(3) // "3. Penyediaan informasi …"
	if b.N != 125 || b.Filter.Strategy != 3 {
		t.Fatalf("strategy 3: %d rows, filter %+v", b.N, b.Filter)
	}
	typeInto(b.Bar.ByKey["from.field"].(*widget.Entry), "1 Januari 2026")
	if b.Filter.From != data.NewDate(2026, 1, 1) {
		t.Fatalf("from filter = %v", b.Filter.From)
	}
	// 2024-01-01 + 999 days is 2026-09-26: days 731..999 are from 2026 on.
	want := 0
	for i := 731; i < 1000; i++ {
		if i%8+1 == 3 {
			want++
		}
	}
	if b.N != want {
		t.Errorf("strategy 3 from 2026: %d rows, want %d", b.N, want)
	}
}

func TestDatePickerWritesIndonesianDate(t *testing.T) {
	u, _ := newTestUI(t)
	f := u.entryEd.start
	u.tabs.SelectIndex(3)
	f.SetDate(data.NewDate(2023, 7, 1))
	test.Tap(f.PickBtn)
	if f.Picker.Title.Text != "Juli 2023" {
		t.Fatalf("picker shows %q", f.Picker.Title.Text)
	}
	test.Tap(f.Picker.DayButton(10))
	if f.Entry.Text != "10 Juli 2023" || f.Shown.Text != "Senin, 10 Juli 2023" {
		t.Fatalf("picked: %q / %q", f.Entry.Text, f.Shown.Text)
	}
	f.Picker.Show(2023, time.Month(13))
	if f.Picker.Title.Text != "Januari 2024" {
		t.Errorf("month after December: %q", f.Picker.Title.Text)
	}
}
