package app

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/workflow"
)

func local(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.Local)
}

func mustSaveHoax(t *testing.T, st *store.Store, h *data.Hoax) *data.Hoax {
	t.Helper()
	if err := st.SaveHoax(ctx, h); err != nil {
		t.Fatal(err)
	}
	return h
}

func clarifiedAt(t time.Time) *time.Time { return &t }

func TestHoaxRegisterListsCasesNewestFirst(t *testing.T) {
	u, st := newTestUI(t)
	mustSaveHoax(t, st, &data.Hoax{Claim: "Pesan berantai: TPS pindah", Platform: "whatsapp",
		FoundAt: local(2024, 11, 10, 8, 10), ClarifiedAt: clarifiedAt(local(2024, 11, 10, 15, 40))})
	mustSaveHoax(t, st, &data.Hoax{Claim: "Video kotak suara dibuka", Platform: "tiktok",
		Link: "https://www.tiktok.com/@x/video/1", FoundAt: local(2024, 11, 12, 19, 20)})
	v := u.hoaxes
	u.selectView(v.content)
	b := v.cases

	if got := listTexts(b); !slices.Equal(got, []string{"Video kotak suara dibuka", "Pesan berantai: TPS pindah"}) {
		t.Fatalf("cases = %q", got)
	}
	row := func(r int) []string {
		var out []string
		for c := range b.Columns() {
			out = append(out, b.CellText(r, c))
		}
		return out
	}
	if got := row(0); !slices.Equal(got, []string{"Video kotak suara dibuka", "TikTok", "12 November 2024 19.20", "Belum", "–"}) {
		t.Errorf("open case row = %q", got)
	}
	if got := row(1); !slices.Equal(got, []string{"Pesan berantai: TPS pindah", "WhatsApp", "10 November 2024 08.10", "10 November 2024 15.40", "7,5"}) {
		t.Errorf("clarified case row = %q", got)
	}
	// The open case stands out.
	if b.RowImportance(0) != widget.WarningImportance || b.RowImportance(1) != widget.MediumImportance {
		t.Errorf("importance: open %v, clarified %v", b.RowImportance(0), b.RowImportance(1))
	}
	// The filters: open cases, a platform, words of the claim.
	b.Bar.ByKey["state"].(*kit.Choice).SetSelected("Sudah diklarifikasi")
	if got := listTexts(b); !slices.Equal(got, []string{"Pesan berantai: TPS pindah"}) {
		t.Errorf("clarified = %q", got)
	}
	b.Bar.ByKey["state"].(*kit.Choice).SetSelected("Semua kasus")
	b.Bar.ByKey["platform"].(*kit.Choice).SetSelected("TikTok")
	if got := listTexts(b); !slices.Equal(got, []string{"Video kotak suara dibuka"}) {
		t.Errorf("TikTok = %q", got)
	}
	b.Bar.ByKey["platform"].(*kit.Choice).SetSelected("Semua platform")
	typeInto(b.Search, "berantai")
	b.FlushSearch()
	if got := listTexts(b); !slices.Equal(got, []string{"Pesan berantai: TPS pindah"}) {
		t.Errorf("search = %q", got)
	}
}

func TestHoaxFormRefusesAClarificationBeforeTheFind(t *testing.T) {
	u, st := newTestUI(t)
	v := u.hoaxes
	u.selectView(v.content)
	b, f := v.cases, v.form
	test.Tap(b.NewBtn)
	test.Type(f.claim, "Hoaks: surat suara sudah dicoblos")
	f.platform.SetSelected("Facebook")
	typeInto(f.foundDate.Entry, "12/11/2024")
	typeInto(f.foundTime, "10.00")
	typeInto(f.clarDate.Entry, "12 November 2024")
	typeInto(f.clarTime, "09.30")
	test.Tap(b.SaveBtn)
	if got := f.f.ErrorText("clarified_at"); got != "Waktu klarifikasi terbit tidak boleh sebelum waktu hoaks ditemukan" {
		t.Errorf("clarified_at error = %q", got)
	}
	if cases, _ := st.Hoaxes(ctx, data.Date{}, data.Date{}); len(cases) != 0 {
		t.Fatalf("a refused case was stored: %d", len(cases))
	}
	// A date without its time is not guessed at.
	typeInto(f.clarTime, "")
	test.Tap(b.SaveBtn)
	if got := f.f.ErrorText("clarified_at"); got != "Waktu klarifikasi terbit: isi juga jamnya (contoh: 15.40)" {
		t.Errorf("clarified_at error = %q", got)
	}
	typeInto(f.clarTime, "25.10")
	test.Tap(b.SaveBtn)
	if got := f.f.ErrorText("clarified_at"); !strings.HasPrefix(got, "Jam pada Waktu klarifikasi terbit tidak dikenali") {
		t.Errorf("clarified_at error = %q", got)
	}

	// Corrected, it is stored; the form and the list show 5,5 hours.
	typeInto(f.clarTime, "15.30")
	if f.took.Text != "5,5 jam" {
		t.Errorf("time to clarify in the form = %q", f.took.Text)
	}
	test.Tap(b.SaveBtn)
	if b.Status.Text != "Tersimpan." {
		t.Fatalf("not saved: %q", f.f.ErrorText("clarified_at"))
	}
	cases, _ := st.Hoaxes(ctx, data.Date{}, data.Date{})
	if len(cases) != 1 || cases[0].Platform != "facebook" || !cases[0].FoundAt.Equal(local(2024, 11, 12, 10, 0)) ||
		cases[0].ClarifiedAt == nil || !cases[0].ClarifiedAt.Equal(local(2024, 11, 12, 15, 30)) {
		t.Fatalf("stored %+v", cases)
	}
	if got := b.CellText(0, 4); got != "5,5" {
		t.Errorf("list time to clarify = %q", got)
	}

	// A missing claim, platform and find are said under their fields.
	test.Tap(b.NewBtn)
	typeInto(f.foundDate.Entry, "")
	typeInto(f.foundTime, "")
	test.Tap(b.SaveBtn)
	for key, want := range map[string]string{"claim": "Klaim hoaks wajib diisi", "platform": "Platform wajib diisi",
		"found_at": "Waktu ditemukan wajib diisi"} {
		if got := f.f.ErrorText(key); got != want {
			t.Errorf("%s error = %q, want %q", key, got, want)
		}
	}
}

func TestHoaxFormPicksAClarificationDraft(t *testing.T) {
	u, st := newTestUI(t)
	d := &data.Draft{Title: "Klarifikasi: TPS tidak pindah", Kind: "klarifikasi_hoaks", PlannedDate: day(2024, 11, 11)}
	other := &data.Draft{Title: "Klarifikasi jadwal? Bukan, pengumuman", Kind: "pengumuman", PlannedDate: day(2024, 11, 11)}
	mustInsert(t, st, d, other)
	v := u.hoaxes
	u.selectView(v.content)
	b, f := v.cases, v.form
	test.Tap(b.NewBtn)
	// With none chosen the latest clarifications are offered; only drafts
	// of kind klarifikasi_hoaks.
	if f.draft.result("Klarifikasi: TPS tidak pindah") == nil || f.draft.result("Klarifikasi jadwal") != nil {
		t.Fatalf("offered: %q", labelTexts(f.draft.results))
	}
	test.Type(f.draft.search, "TPS")
	res := f.draft.result("Klarifikasi: TPS tidak pindah")
	if res == nil {
		t.Fatal("the search does not find the clarification")
	}
	test.Tap(res)
	if f.draft.id != d.ID || !strings.HasPrefix(f.draft.chosen.Text, "Klarifikasi: TPS tidak pindah (Draf, Senin, 11 November 2024)") {
		t.Errorf("chosen %q: %q", f.draft.id, f.draft.chosen.Text)
	}
	test.Type(f.claim, "TPS dipindah ke balai desa")
	f.platform.SetSelected("WhatsApp")
	typeInto(f.foundDate.Entry, "10/11/2024")
	typeInto(f.foundTime, "7.45")
	test.Tap(b.SaveBtn)
	cases, _ := st.Hoaxes(ctx, data.Date{}, data.Date{})
	if len(cases) != 1 || cases[0].DraftID != d.ID {
		t.Fatalf("stored %+v", cases)
	}
	// The chosen draft opens in Konten.
	test.Tap(f.draft.openBtn)
	if u.tabs.Selected().Content != u.drafts.Content || u.drafts.Current.ID != d.ID {
		t.Errorf("open led to %q", u.tabs.Selected().Text)
	}
}

// The summary per quarter shows the store's figures, written the way the
// quarterly report writes them.
func TestHoaxSummaryMatchesTheStore(t *testing.T) {
	u, st := newTestUI(t)
	for _, h := range []*data.Hoax{
		{Claim: "A", Platform: "whatsapp", FoundAt: local(2024, 2, 1, 8, 0), ClarifiedAt: clarifiedAt(local(2024, 2, 1, 15, 30))},
		{Claim: "B", Platform: "x", FoundAt: local(2024, 2, 20, 20, 0), ClarifiedAt: clarifiedAt(local(2024, 2, 21, 9, 0))},
		{Claim: "C", Platform: "tiktok", FoundAt: local(2024, 3, 30, 10, 0)},
		{Claim: "D", Platform: "facebook", FoundAt: local(2024, 8, 5, 9, 0), ClarifiedAt: clarifiedAt(local(2024, 8, 7, 9, 0))},
		{Claim: "E", Platform: "facebook", FoundAt: local(2023, 12, 30, 9, 0)},
	} {
		mustSaveHoax(t, st, h)
	}
	v := u.hoaxes
	u.selectView(v.content)
	v.tabs.SelectIndex(1)
	s := v.summary
	s.today = func() data.Date { return day(2024, 11, 1) }
	s.setYear(2024)
	if got := s.year.Options; !slices.Equal(got, []string{"2024", "2023"}) {
		t.Errorf("years = %q", got)
	}

	quarters, err := st.HoaxQuarters(ctx, 2024)
	if err != nil {
		t.Fatal(err)
	}
	from, to := iddate.YearRange(2024)
	cases, _ := st.Hoaxes(ctx, from, to)
	total := workflow.Summarize(cases)
	if len(s.cells) != 1+len(quarters)+1 {
		t.Fatalf("rows = %d", len(s.cells))
	}
	if got := strings.Join(s.cells[0], " | "); got != "Periode | Kasus | Sudah diklarifikasi | Belum | Median (jam) | Rata-rata (jam)" {
		t.Errorf("heading = %q", got)
	}
	for i, q := range quarters {
		if want := summaryRow(q.Label(), q.ClarifySummary); !slices.Equal(s.cells[1+i], want) {
			t.Errorf("row %d = %q, want %q", i, s.cells[1+i], want)
		}
	}
	// By hand: Q1 has A (7,5 h), B (13 h) and open C; Q3 has D (48 h).
	want := [][]string{
		{"Triwulan I 2024", "3", "2", "1", "10,3", "10,3"},
		{"Triwulan II 2024", "0", "0", "0", "–", "–"},
		{"Triwulan III 2024", "1", "1", "0", "48,0", "48,0"},
		{"Triwulan IV 2024", "0", "0", "0", "–", "–"},
		{"Jumlah", "4", "3", "1", "13,0", "22,8"},
	}
	if !slices.EqualFunc(s.cells[1:], want, slices.Equal) {
		t.Errorf("summary = %q", s.cells[1:])
	}
	if got := summaryRow("Jumlah", total); !slices.Equal(got, want[4]) {
		t.Errorf("the store's total = %q", got)
	}
	s.year.SetSelected("2023")
	if got := s.cells[4]; !slices.Equal(got, []string{"Triwulan IV 2023", "1", "0", "1", "–", "–"}) {
		t.Errorf("2023 Q4 = %q", got)
	}
}
