package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// xlsxFixture is an office with partners, a quarter of varied activities
// (one with text a spreadsheet would run as a formula, one with a line
// break and quotes) and published content, and its Triwulan III report.
func xlsxFixture(t *testing.T) (*store.Store, *Report) {
	t.Helper()
	st := openStore(t)
	office, _ := st.CurrentOffice(bctx)
	office.Name, office.Kind, office.Level, office.Region = "KPU Kabupaten Sleman", "kpu", "kabupaten", "Sleman"
	if err := st.SaveOffice(bctx, office); err != nil {
		t.Fatal(err)
	}
	bawaslu := &data.Agency{Name: "Bawaslu Kabupaten Sleman", Kind: "bawaslu"}
	polres := &data.Agency{Name: "Polres Sleman", Kind: "polri"}
	mustInsert(t, st, bawaslu, polres)
	rapat := act("", "Rapat koordinasi persiapan kampanye", 2, data.NewDate(2023, 7, 10), true, 45)
	rapat.ActivityType, rapat.PartnerIDs, rapat.Location = "rapat_koordinasi", data.List[string]{bawaslu.ID, polres.ID}, "Aula KPU, Sleman"
	rapat.EvidenceLinks = data.List[string]{"https://kab-sleman.kpu.go.id/berita/1"}
	live := act("", `Siaran langsung "Pemilih Cerdas"`, 4, data.NewDate(2023, 8, 15), true, 1250)
	live.EndDate, live.Online, live.Reach, live.Obstacles, live.FollowUp = data.NewDate(2023, 8, 16), true, 12500, "Koneksi\nputus-putus", "Rekaman diunggah"
	formula := act("", "=SUM(1;2) bukan rumus", 7, data.NewDate(2023, 9, 30), false, 0)
	formula.Notes = "-catatan, dengan koma"
	hoax := act("", "Klarifikasi hoaks surat suara tercoblos", 6, data.NewDate(2023, 9, 2), true, 0)
	hoax.ActivityType = "klarifikasi_hoaks"
	mustInsert(t, st, rapat, live, formula, hoax,
		act("", "Di luar periode", 1, data.NewDate(2023, 10, 1), true, 5),
		&data.Draft{Title: "Siaran pers DCT", Kind: "siaran_pers", Status: data.StatusPublished, PlannedDate: data.NewDate(2023, 8, 1),
			Channels: data.List[string]{"website", "instagram", "siaran_pers"}},
		&data.Draft{Title: "Hoaks surat suara", Kind: "klarifikasi_hoaks", Status: data.StatusPublished, PlannedDate: data.NewDate(2023, 9, 3),
			Channels: data.List[string]{"instagram"}},
	)
	r, err := Build(bctx, st, Options{Period: Period{2023, 3}, SignDate: data.NewDate(2023, 10, 5)})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Activities) != 4 {
		t.Fatalf("fixture: %d activities", len(r.Activities))
	}
	return st, r
}

func writeXLSX(t *testing.T, r *Report) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

func xlsxCell(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func xlsxInt(t *testing.T, f *excelize.File, sheet string, col, row int) int {
	t.Helper()
	name, _ := excelize.CoordinatesToCellName(col, row)
	v, err := f.GetCellValue(sheet, name, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		t.Fatalf("%s!%s = %q is not a number", sheet, name, v)
	}
	return n
}

// sheetXML returns the XML of the n-th worksheet (1-based) as stored.
func sheetXML(t *testing.T, book []byte, n int) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := z.Open(fmt.Sprintf("xl/worksheets/sheet%d.xml", n))
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, _ := io.ReadAll(rc)
	return string(b)
}

func TestXLSXQuarter(t *testing.T) {
	_, r := xlsxFixture(t)
	f, book := writeXLSX(t, r)
	want := []string{SheetActivities, SheetStrategies, SheetTypes, SheetMonths, SheetPublications, SheetChannels, SheetHoaxes,
		SheetMediaTone, SheetOutlets, SheetPickup, SheetNegative, SheetTargets}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets %q, want %q", got, want)
	}

	// Kegiatan: title block, header, one row per activity.
	if v := xlsxCell(t, f, SheetActivities, "A1"); v != "Laporan Kegiatan Kehumasan Triwulan III Tahun 2023" {
		t.Errorf("title %q", v)
	}
	if v := xlsxCell(t, f, SheetActivities, "A2"); !strings.Contains(v, "KPU Kabupaten Sleman") || !strings.Contains(v, "1 Juli 2023 – 30 September 2023") {
		t.Errorf("subtitle %q", v)
	}
	rows, err := f.GetRows(SheetActivities)
	if err != nil {
		t.Fatal(err)
	}
	header := []string{"No", "Tanggal mulai", "Tanggal selesai", "Judul", "Jenis kegiatan", "Strategi", "Nama strategi", "Lokasi",
		"Daring", "Mitra", "Peserta", "Keluaran", "Jangkauan", "Status", "Alasan tidak terlaksana", "Kendala", "Tindak lanjut", "Tautan bukti", "Catatan"}
	if strings.Join(rows[XLSXHeaderRow-1], "|") != strings.Join(header, "|") {
		t.Errorf("header %q", rows[XLSXHeaderRow-1])
	}
	if got := len(rows) - XLSXHeaderRow; got != len(r.Activities) {
		t.Errorf("%d activity rows, want %d", got, len(r.Activities))
	}
	first := rows[XLSXHeaderRow]
	if first[3] != "Rapat koordinasi persiapan kampanye" || first[4] != "Rapat koordinasi" || first[5] != "2" ||
		first[6] != "Pertemuan, koordinasi, dan kerja sama (daring/luring)" || first[8] != "Tidak" ||
		first[9] != "Bawaslu Kabupaten Sleman; Polres Sleman" || first[10] != "45" || first[13] != "Terlaksana" {
		t.Errorf("first activity %q", first)
	}
	asText := false
	for _, row := range rows[XLSXHeaderRow:] {
		asText = asText || (row[3] == "=SUM(1;2) bukan rumus" && row[18] == "-catatan, dengan koma")
	}
	if !asText {
		t.Error("text that looks like a formula was not kept as text")
	}
	if v := xlsxCell(t, f, SheetActivities, "M6"); v != "12,500" { // #,##0 as excelize renders it
		t.Errorf("reach %q", v)
	}

	// A date is a real date: a serial number shown as dd/mm/yyyy.
	raw, _ := f.GetCellValue(SheetActivities, "B5", excelize.Options{RawCellValue: true})
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Fatalf("B5 raw %q is not a date serial", raw)
	}
	if tm, _ := excelize.ExcelDateToTime(serial, false); data.DateOf(tm) != data.NewDate(2023, 7, 10) {
		t.Errorf("B5 serial %v is %v", serial, tm)
	}
	styleID, _ := f.GetCellStyle(SheetActivities, "B5")
	style, err := f.GetStyle(styleID)
	if err != nil || style.CustomNumFmt == nil || *style.CustomNumFmt != "dd/mm/yyyy" {
		t.Errorf("B5 style %+v", style)
	}
	if v := xlsxCell(t, f, SheetActivities, "B5"); v != "10/07/2023" {
		t.Errorf("B5 shows %q", v)
	}
	if v := xlsxCell(t, f, SheetActivities, "C6"); v != "16/08/2023" {
		t.Errorf("C6 shows %q", v)
	}

	// Bold header, frozen under it, widths, autofilter over the list.
	hs, _ := f.GetCellStyle(SheetActivities, "D4")
	if s, _ := f.GetStyle(hs); s == nil || s.Font == nil || !s.Font.Bold {
		t.Errorf("header style %+v", s)
	}
	panes, err := f.GetPanes(SheetActivities)
	if err != nil || !panes.Freeze || panes.YSplit != XLSXHeaderRow || panes.TopLeftCell != "A5" {
		t.Errorf("panes %+v %v", panes, err)
	}
	if w, _ := f.GetColWidth(SheetActivities, "D"); w != 45 {
		t.Errorf("title column width %v", w)
	}
	if x := sheetXML(t, book, 1); !regexp.MustCompile(`<autoFilter ref="\$?A\$?4:\$?S\$?8"`).MatchString(x) {
		t.Errorf("no autofilter over A4:S8 in %.300s…", x[strings.Index(x, "</sheetData>"):])
	}
	var filterName, printTitles bool
	for _, dn := range f.GetDefinedName() {
		filterName = filterName || (dn.Name == "_xlnm._FilterDatabase" && dn.Scope == SheetActivities)
		printTitles = printTitles || (dn.Name == "_xlnm.Print_Titles" && dn.Scope == SheetActivities && strings.Contains(dn.RefersTo, "$4:$4"))
	}
	if !filterName || !printTitles {
		t.Errorf("defined names %+v", f.GetDefinedName())
	}

	// Rekap Strategi: each strategy and the totals match the report.
	for i, tally := range r.Strategies {
		row := XLSXHeaderRow + 1 + i
		got := []int{xlsxInt(t, f, SheetStrategies, 3, row), xlsxInt(t, f, SheetStrategies, 4, row), xlsxInt(t, f, SheetStrategies, 5, row),
			xlsxInt(t, f, SheetStrategies, 6, row), xlsxInt(t, f, SheetStrategies, 7, row), xlsxInt(t, f, SheetStrategies, 8, row),
			xlsxInt(t, f, SheetStrategies, 9, row)}
		want := []int{tally.Count, tally.Realised, tally.NotRealised, tally.Planned, tally.Participants, tally.Outputs, tally.Reach}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("strategy %d: %v, want %v", i+1, got, want)
		}
	}
	total := XLSXHeaderRow + 1 + len(r.Strategies)
	if v := xlsxCell(t, f, SheetStrategies, fmt.Sprintf("B%d", total)); v != "Jumlah" {
		t.Errorf("total label %q", v)
	}
	if xlsxInt(t, f, SheetStrategies, 3, total) != r.Total.Count || xlsxInt(t, f, SheetStrategies, 7, total) != r.Total.Participants ||
		xlsxInt(t, f, SheetStrategies, 9, total) != r.Total.Reach || xlsxInt(t, f, SheetStrategies, 5, total) != r.Total.NotRealised {
		t.Errorf("totals differ from %+v", r.Total)
	}
	if v := xlsxCell(t, f, SheetStrategies, "J4"); v != "" {
		t.Errorf("a quarterly report has no quarter columns, got %q", v)
	}
	// Rekap Bulanan: July, August, September.
	for i, m := range r.Months {
		row := XLSXHeaderRow + 1 + i
		if xlsxCell(t, f, SheetMonths, fmt.Sprintf("B%d", row)) != m.Label || xlsxInt(t, f, SheetMonths, 3, row) != m.Count {
			t.Errorf("month %s", m.Label)
		}
	}
	if xlsxInt(t, f, SheetTypes, 3, XLSXHeaderRow+1+len(r.Types)) != r.Total.Count {
		t.Error("type totals")
	}

	// Publikasi and the channel counts.
	prows, _ := f.GetRows(SheetPublications)
	if len(prows)-XLSXHeaderRow != len(r.Publications) || prows[XLSXHeaderRow][2] != "Siaran pers DCT" ||
		prows[XLSXHeaderRow][4] != "Situs web, Instagram, Siaran pers" || prows[XLSXHeaderRow][1] != "01/08/2023" {
		t.Errorf("publications %q", prows)
	}
	for i, c := range r.Channels {
		row := XLSXHeaderRow + 1 + i
		if xlsxCell(t, f, SheetChannels, fmt.Sprintf("B%d", row)) != c.Label || xlsxInt(t, f, SheetChannels, 3, row) != c.Count {
			t.Errorf("channel %s", c.Label)
		}
	}
	if xlsxInt(t, f, SheetChannels, 3, XLSXHeaderRow+1+len(r.Channels)) != len(r.Publications) {
		t.Error("channel total")
	}
	// Hoaxes by date: the activity (2 Sep) before the content (3 Sep).
	hrows, _ := f.GetRows(SheetHoaxes)
	if len(hrows)-XLSXHeaderRow != 2 || hrows[XLSXHeaderRow][3] != "Kegiatan" || hrows[XLSXHeaderRow+1][3] != "Konten" {
		t.Errorf("hoaxes %q", hrows)
	}
	if props, err := f.GetDocProps(); err != nil || props.Title != r.Title || props.Creator != "Humas Desk" {
		t.Errorf("doc props %+v", props)
	}
}

func TestXLSXAnnualRollupAndEmpty(t *testing.T) {
	st := openStore(t)
	prov := &data.Office{Name: "KPU DIY", Kind: "kpu", Level: "provinsi"}
	st.SaveOffice(bctx, prov)
	kab := &data.Office{Name: "KPU Sleman", Kind: "kpu", Level: "kabupaten", ParentID: prov.ID}
	st.SaveOffice(bctx, kab)
	bantul := &data.Office{Name: "KPU Bantul", Kind: "kpu", Level: "kabupaten", ParentID: prov.ID}
	st.SaveOffice(bctx, bantul)
	mustInsert(t, st,
		act(prov.ID, "Rapat provinsi", 2, data.NewDate(2024, 2, 1), true, 10),
		act(kab.ID, "Sosialisasi Sleman", 4, data.NewDate(2024, 5, 1), true, 100),
		act(kab.ID, "Evaluasi Sleman", 7, data.NewDate(2024, 11, 20), false, 0),
		act(bantul.ID, "Sosialisasi Bantul", 4, data.NewDate(2024, 8, 1), true, 80))
	r, err := Build(bctx, st, Options{OfficeID: prov.ID, Period: Period{Year: 2024}, Rollup: true})
	if err != nil {
		t.Fatal(err)
	}
	f, book := writeXLSX(t, r)
	if got := f.GetSheetList(); len(got) != 13 || got[4] != SheetOffices {
		t.Fatalf("sheets %q", got)
	}
	// Annual: TW I–IV columns, per strategy and in total.
	if v := xlsxCell(t, f, SheetStrategies, "J4") + "|" + xlsxCell(t, f, SheetStrategies, "M4"); v != "TW I|TW IV" {
		t.Errorf("quarter headers %q", v)
	}
	s4 := XLSXHeaderRow + 4 // strategy 4: Q2 Sleman, Q3 Bantul
	if xlsxInt(t, f, SheetStrategies, 11, s4) != 1 || xlsxInt(t, f, SheetStrategies, 12, s4) != 1 || xlsxInt(t, f, SheetStrategies, 10, s4) != 0 {
		t.Error("strategy 4 per quarter")
	}
	total := XLSXHeaderRow + 9
	for q := range 4 {
		if xlsxInt(t, f, SheetStrategies, 10+q, total) != 1 {
			t.Errorf("quarter %d total", q+1)
		}
	}
	// Rekap Kantor: one row per office, strategy columns, totals; Kantor on the list.
	for i, o := range r.PerOffice {
		row := XLSXHeaderRow + 1 + i
		if xlsxCell(t, f, SheetOffices, fmt.Sprintf("B%d", row)) != o.Office.Name || xlsxInt(t, f, SheetOffices, 3, row) != o.Count ||
			xlsxInt(t, f, SheetOffices, 9+4, row) != o.Strategies[3] {
			t.Errorf("office row %d", i)
		}
	}
	if xlsxInt(t, f, SheetOffices, 3, XLSXHeaderRow+4) != 4 || xlsxInt(t, f, SheetOffices, 13, XLSXHeaderRow+4) != 2 {
		t.Error("office totals")
	}
	if x := sheetXML(t, book, 5); !regexp.MustCompile(`<autoFilter ref="\$?A\$?4:\$?Q\$?7"`).MatchString(x) {
		t.Error("office autofilter must leave out the total row")
	}
	rows, _ := f.GetRows(SheetActivities)
	if rows[XLSXHeaderRow-1][19] != "Kantor" || len(rows)-XLSXHeaderRow != 4 {
		t.Errorf("rollup activities %q", rows)
	}
	if v := xlsxCell(t, f, SheetActivities, "A2"); !strings.Contains(v, "beserta 2 kantor") {
		t.Errorf("subtitle %q", v)
	}

	// An empty period still makes a workbook, saying so.
	empty, err := Build(bctx, st, Options{OfficeID: kab.ID, Period: Period{2023, 1}})
	if err != nil {
		t.Fatal(err)
	}
	f, _ = writeXLSX(t, empty)
	if v := xlsxCell(t, f, SheetActivities, "A5"); !strings.Contains(v, "Tidak ada kegiatan") {
		t.Errorf("empty note %q", v)
	}
	if xlsxInt(t, f, SheetStrategies, 3, XLSXHeaderRow+9) != 0 {
		t.Error("empty total")
	}
}
