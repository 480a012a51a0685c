package report

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// hoaxFixture is an office that keeps the hoax register, an activity and
// two published clarifications of the same period (which must not count
// again in the hoax section), and an office under it without a register.
type hoaxFixture struct {
	st           *store.Store
	office, sub  *data.Office
	linked       *data.Draft
	legacyEntry  *data.Entry
	legacyDraft  *data.Draft
	subEntry     *data.Entry
	caseByClaim  map[string]*data.Hoax
	wantHoursFor map[string]string // claim → printed time to clarify
}

func newHoaxFixture(t *testing.T) *hoaxFixture {
	t.Helper()
	wib := time.FixedZone("WIB", 7*3600)
	old := time.Local
	time.Local = wib
	t.Cleanup(func() { time.Local = old })
	at := func(m time.Month, d, h, min int) time.Time { return time.Date(2024, m, d, h, min, 0, 0, wib) }
	ptr := func(t time.Time) *time.Time { return &t }

	st := openStore(t)
	fx := &hoaxFixture{st: st, caseByClaim: map[string]*data.Hoax{}}
	fx.office, _ = st.CurrentOffice(bctx)
	fx.office.Name = "KPU Kabupaten Sleman"
	if err := st.SaveOffice(bctx, fx.office); err != nil {
		t.Fatal(err)
	}
	fx.sub = &data.Office{Name: "PPK Kapanewon Depok", Kind: "kpu", Level: "kabupaten", ParentID: fx.office.ID}
	if err := st.SaveOffice(bctx, fx.sub); err != nil {
		t.Fatal(err)
	}
	fx.linked = &data.Draft{Title: "Klarifikasi: Surat Suara Tidak Tercoblos", Kind: "klarifikasi_hoaks", Status: data.StatusPublished,
		PlannedDate: data.NewDate(2024, 4, 3), PublishedAt: data.NewDate(2024, 4, 3), PublishedLink: "https://kab-sleman.kpu.go.id/k1"}
	fx.legacyDraft = &data.Draft{Title: "Klarifikasi tanpa register", Kind: "klarifikasi_hoaks", Status: data.StatusPublished,
		PlannedDate: data.NewDate(2024, 6, 1)}
	fx.legacyEntry = &data.Entry{Title: "Kegiatan klarifikasi hoaks logistik", ActivityType: "klarifikasi_hoaks", Strategy: 6,
		StartDate: data.NewDate(2024, 5, 11), Realised: true}
	fx.subEntry = &data.Entry{Meta: data.Meta{OfficeID: fx.sub.ID}, Title: "Klarifikasi hoaks di kapanewon", ActivityType: "klarifikasi_hoaks",
		Strategy: 6, StartDate: data.NewDate(2024, 5, 20), Realised: true}
	mustInsert(t, st, fx.linked, fx.legacyDraft, fx.legacyEntry, fx.subEntry)

	cases := []struct {
		claim     string
		found     time.Time
		clarified *time.Time
		draft     string
		hours     string
		platform  string
	}{
		{"Surat suara sudah dicoblos", at(4, 3, 8, 0), ptr(at(4, 3, 15, 30)), fx.linked.ID, "7,5", "whatsapp"},
		{"Kotak suara dibuka malam hari", at(5, 10, 20, 0), ptr(at(5, 12, 8, 15)), "", "36,3", "tiktok"},
		{"TPS dipindah ke balai desa", at(6, 1, 10, 0), ptr(at(6, 1, 12, 0)), "", "2,0", "facebook"},
		{"Pemilih tanpa KTP ditolak", at(6, 28, 9, 0), nil, "", "–", "x"},
		{"Kasus triwulan pertama", at(3, 31, 10, 0), ptr(at(3, 31, 11, 0)), "", "1,0", "instagram"},
	}
	fx.wantHoursFor = map[string]string{}
	for _, c := range cases {
		h := &data.Hoax{Claim: c.claim, Platform: c.platform, FoundAt: c.found, ClarifiedAt: c.clarified, DraftID: c.draft}
		if err := st.SaveHoax(bctx, h); err != nil {
			t.Fatal(err)
		}
		fx.caseByClaim[c.claim] = h
		fx.wantHoursFor[c.claim] = c.hours
	}
	return fx
}

func TestReportHoaxSectionFromRegister(t *testing.T) {
	fx := newHoaxFixture(t)
	r, err := Build(bctx, fx.st, Options{Period: Period{2024, 2}, SignDate: data.NewDate(2024, 7, 5)})
	if err != nil {
		t.Fatal(err)
	}
	// The register's figures, computed on their own from the store.
	q2from, q2to := Period{2024, 2}.Range()
	reg, _ := fx.st.HoaxesBetween(bctx, []string{fx.office.ID}, q2from, q2to)
	want := workflow.Summarize(reg)
	if want.Cases != 4 || want.Clarified != 3 || want.Open != 1 || workflow.FormatHours(want.MedianHours) != "7,5" ||
		workflow.FormatHours(want.MeanHours) != "15,3" {
		t.Fatalf("register summary %+v", want)
	}
	if r.HoaxTotal != want || len(r.HoaxQuarters) != 1 || r.HoaxQuarters[0].ClarifySummary != want {
		t.Fatalf("report summary %+v %+v, want %+v", r.HoaxTotal, r.HoaxQuarters, want)
	}
	// Only the register's cases: the activity and the unlinked published
	// clarification of the same office are not counted again.
	if len(r.Hoaxes) != 4 {
		t.Fatalf("hoax rows %+v", r.Hoaxes)
	}
	for _, h := range r.Hoaxes {
		if h.Source != SourceRegister {
			t.Errorf("row from %s: %q", h.Source, h.Title)
		}
	}
	if h := r.Hoaxes[0]; h.Title != "Surat suara sudah dicoblos" || h.Clarification != fx.linked.Title || !h.Clarified ||
		h.Hours != 7.5 || h.Platform != "WhatsApp" || h.Date != data.NewDate(2024, 4, 3) {
		t.Errorf("first case %+v", h)
	}
	if h := r.Hoaxes[3]; h.Clarified || h.Status != "Belum diklarifikasi" {
		t.Errorf("open case %+v", h)
	}
	// The activity is still an activity, and the clarifications are still publications.
	found := false
	for _, a := range r.Activities {
		found = found || a.Title == fx.legacyEntry.Title
	}
	if !found || len(r.Publications) != 2 {
		t.Errorf("activity listed %v, publications %d", found, len(r.Publications))
	}

	tools := needPDFTools(t)
	doc := tools.render(t, r, "")
	section := pdfSection(doc.text(), "KLARIFIKASI HOAKS", "KENDALA DAN TINDAK LANJUT")
	flatSection := pdfFlatten(section)
	for _, s := range []string{
		"tercatat 4 kasus hoaks dalam register: 3 sudah diklarifikasi dan 1 belum",
		"rata-rata " + workflow.FormatHours(want.MeanHours) + " jam dengan median " + workflow.FormatHours(want.MedianHours) + " jam",
		"Rekapitulasi Waktu Klarifikasi", "Daftar Kasus",
	} {
		if !strings.Contains(flatSection, s) {
			t.Errorf("section V lacks %q:\n%s", s, section)
		}
	}
	// The quarter's row: cases, clarified, open, median, mean.
	row := regexp.MustCompile(`Triwulan II 2024\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\S+)`).FindStringSubmatch(section)
	if row == nil {
		t.Fatalf("no quarter row in:\n%s", section)
	}
	if got := strings.Join(row[1:], " "); got != "4 3 1 "+workflow.FormatHours(want.MedianHours)+" "+workflow.FormatHours(want.MeanHours) {
		t.Errorf("quarter row %q", got)
	}
	// Each case with its own time to clarify on its line.
	for _, h := range reg {
		line := ""
		for _, l := range strings.Split(section, "\n") {
			if strings.Contains(l, h.Claim) {
				line = l
			}
		}
		d, ok := workflow.TimeToClarify(&h)
		printed := "–"
		if ok {
			printed = workflow.FormatHours(workflow.Hours(d))
		}
		if printed != fx.wantHoursFor[h.Claim] {
			t.Errorf("%q: %s hours, fixture says %s", h.Claim, printed, fx.wantHoursFor[h.Claim])
		}
		if !regexp.MustCompile(`\s` + regexp.QuoteMeta(printed) + `(\s|$)`).MatchString(line) {
			t.Errorf("%q: line %q does not show %s", h.Claim, line, printed)
		}
	}
	for _, absent := range []string{fx.legacyEntry.Title, fx.legacyDraft.Title, "Kasus triwulan pertama"} {
		if strings.Contains(section, absent) {
			t.Errorf("section V lists %q", absent)
		}
	}
	if !strings.Contains(doc.flat, fx.legacyEntry.Title) {
		t.Error("the hoax activity left the activity list")
	}

	// The spreadsheet shows the same figures.
	f, _ := writeXLSX(t, r)
	rows, _ := f.GetRows(SheetHoaxes)
	var sumRow []string
	for _, rw := range rows {
		if len(rw) > 2 && rw[2] == "Triwulan II 2024" {
			sumRow = rw
		}
	}
	if len(sumRow) < 8 || strings.Join(sumRow[3:8], " ") != "4 3 1 7.5 15.3" {
		t.Errorf("XLSX summary row %q", sumRow)
	}
	if len(rows)-XLSXHeaderRow < 4 || rows[XLSXHeaderRow][2] != "Surat suara sudah dicoblos" || rows[XLSXHeaderRow][7] != "7.5" {
		t.Errorf("XLSX first case %q", rows[XLSXHeaderRow])
	}
}

func TestReportHoaxRollupAndAnnual(t *testing.T) {
	fx := newHoaxFixture(t)
	r, err := Build(bctx, fx.st, Options{Period: Period{2024, 2}, Rollup: true, SignDate: data.NewDate(2024, 7, 5)})
	if err != nil {
		t.Fatal(err)
	}
	// The office under it kept no register: its activity stays in the section.
	var sources []string
	for _, h := range r.Hoaxes {
		sources = append(sources, h.Source+":"+h.Title)
	}
	if len(r.Hoaxes) != 5 || r.Hoaxes[4].Title != fx.subEntry.Title || r.Hoaxes[4].Source != SourceActivity || r.HoaxTotal.Cases != 4 {
		t.Fatalf("rollup rows %v, total %+v", sources, r.HoaxTotal)
	}
	tools := needPDFTools(t)
	doc := tools.render(t, r, "")
	section := pdfFlatten(pdfSection(doc.text(), "KLARIFIKASI HOAKS", "KENDALA DAN TINDAK LANJUT"))
	if !strings.Contains(section, "Klarifikasi di Luar Register") || !strings.Contains(section, fx.subEntry.Title) {
		t.Errorf("rollup section:\n%s", section)
	}

	year, err := Build(bctx, fx.st, Options{Period: Period{Year: 2024}, SignDate: data.NewDate(2025, 1, 5)})
	if err != nil {
		t.Fatal(err)
	}
	if len(year.HoaxQuarters) != 4 || year.HoaxQuarters[0].Cases != 1 || year.HoaxQuarters[1].Cases != 4 ||
		year.HoaxQuarters[2].Cases != 0 || year.HoaxTotal.Cases != 5 || year.HoaxTotal.Clarified != 4 {
		t.Fatalf("annual %+v total %+v", year.HoaxQuarters, year.HoaxTotal)
	}
	doc = tools.render(t, year, "")
	section = pdfSection(doc.text(), "KLARIFIKASI HOAKS", "KENDALA DAN TINDAK LANJUT")
	for _, q := range []string{"Triwulan I 2024", "Triwulan III 2024", "Triwulan IV 2024", "Jumlah"} {
		if !strings.Contains(section, q) {
			t.Errorf("annual section lacks %q", q)
		}
	}
	if m := regexp.MustCompile(`Jumlah\s+5\s+4\s+1\s`).FindString(section); m == "" {
		t.Errorf("annual total row missing:\n%s", section)
	}
}
