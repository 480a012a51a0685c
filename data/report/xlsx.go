package report

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// Sheet names of the XLSX export.
const (
	SheetActivities   = "Kegiatan"
	SheetStrategies   = "Rekap Strategi"
	SheetTypes        = "Rekap Jenis"
	SheetMonths       = "Rekap Bulanan"
	SheetOffices      = "Rekap Kantor" // consolidated (rollup) reports only
	SheetPublications = "Publikasi"
	SheetChannels     = "Rekap Kanal"
	SheetHoaxes       = "Klarifikasi Hoaks"
	SheetDocuments    = "Lampiran" // the activities' attached documents, by name
)

// XLSXHeaderRow is the row of every sheet's column headers; above it are
// the report's title, the office and period line, and a blank row. Data
// starts on the next row.
const XLSXHeaderRow = 4

// xlsxDateFormat shows dates the Indonesian way whatever Excel's locale.
const xlsxDateFormat = "dd/mm/yyyy"

// WriteXLSX writes the report as an Excel workbook for people who work in
// spreadsheets. Each sheet holds one table under a title block (the report
// title, the office and the period), with bold headers, the header row
// frozen, widths set, and an autofilter on the lists:
//
//   - Kegiatan: every activity, dates as real Excel dates shown dd/mm/yyyy,
//     counts as numbers; a rollup adds the owning office (Kantor).
//   - Rekap Strategi: the eight Bakohumas strategies with counts and totals;
//     an annual report adds the activities per quarter (TW I–TW IV).
//   - Rekap Jenis and Rekap Bulanan: the same counts by activity type and
//     by month.
//   - Rekap Kantor (rollup only): each office's counts and strategies.
//   - Publikasi and Rekap Kanal: published content, and how many went out
//     on each channel.
//   - Klarifikasi Hoaks: the hoax register's cases with their time to
//     clarify and the register's summary per quarter, and the activities
//     and content of offices that kept no register case in the period.
//
// Lists are written with excelize's stream writer, so a large rollup does
// not hold every cell in memory.
func WriteXLSX(w io.Writer, r *Report) error {
	f := excelize.NewFile()
	defer f.Close()
	b, err := newXLSXBook(f, r)
	if err != nil {
		return err
	}
	steps := []func() error{b.activities, b.strategies, b.types, b.months}
	if r.Rollup {
		steps = append(steps, b.offices)
	}
	steps = append(steps, b.publications, b.channels, b.hoaxes)
	steps = append(steps, b.monitoringSheets()...)
	if len(r.Documents) > 0 { // only offices that attach documents get the sheet
		steps = append(steps, b.documents)
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return fmt.Errorf("XLSX: %w", err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: r.Title, Subject: r.Office.Name, Creator: "Humas Desk", Language: "id-ID",
		Description: r.Number,
	}); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// xlsxBook writes the sheets of one report.
type xlsxBook struct {
	f      *excelize.File
	r      *Report
	sheets int
	style  struct {
		title, subtitle, note, header      int
		text, wrap, center, date, number   int
		totalLabel, totalNumber, totalText int
	}
}

func newXLSXBook(f *excelize.File, r *Report) (*xlsxBook, error) {
	b := &xlsxBook{f: f, r: r}
	thin := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top"}
	wrap := &excelize.Alignment{Vertical: "top", WrapText: true}
	center := &excelize.Alignment{Vertical: "top", Horizontal: "center"}
	totalFill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}}
	bold := &excelize.Font{Bold: true}
	dateFmt := xlsxDateFormat
	for _, s := range []struct {
		into  *int
		style excelize.Style
	}{
		{&b.style.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&b.style.subtitle, excelize.Style{Font: &excelize.Font{Size: 11}}},
		{&b.style.note, excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}}},
		{&b.style.header, excelize.Style{Font: bold, Border: thin,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&b.style.text, excelize.Style{Border: thin, Alignment: top}},
		{&b.style.wrap, excelize.Style{Border: thin, Alignment: wrap}},
		{&b.style.center, excelize.Style{Border: thin, Alignment: center}},
		{&b.style.date, excelize.Style{Border: thin, Alignment: center, CustomNumFmt: &dateFmt}},
		{&b.style.number, excelize.Style{Border: thin, Alignment: top, NumFmt: 3}}, // #,##0
		{&b.style.totalLabel, excelize.Style{Font: bold, Border: thin, Fill: totalFill, Alignment: top}},
		{&b.style.totalNumber, excelize.Style{Font: bold, Border: thin, Fill: totalFill, Alignment: top, NumFmt: 3}},
		{&b.style.totalText, excelize.Style{Border: thin, Fill: totalFill}},
	} {
		id, err := f.NewStyle(&s.style)
		if err != nil {
			return nil, err
		}
		*s.into = id
	}
	return b, nil
}

// xlsxColumn is a column of a sheet's table.
type xlsxColumn struct {
	title string
	width float64
}

// xlsxSheet is a sheet being streamed, row by row.
type xlsxSheet struct {
	b    *xlsxBook
	name string
	sw   *excelize.StreamWriter
	row  int // the last row written
	cols []xlsxColumn
}

// sheet adds a sheet with the title block and the header row, set up for
// printing (A4, fit to the page width, header repeated on each page) and
// with the header frozen.
func (b *xlsxBook) sheet(name string, cols []xlsxColumn, landscape bool) (*xlsxSheet, error) {
	f := b.f
	if b.sheets == 0 {
		if err := f.SetSheetName(f.GetSheetName(0), name); err != nil {
			return nil, err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	b.sheets++
	// Page setup lives in the worksheet parts written before the rows, so
	// it is set before streaming starts.
	fit, a4, one, zero, orient := true, 9, 1, 0, "portrait"
	if landscape {
		orient = "landscape"
	}
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return nil, err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", name, XLSXHeaderRow, XLSXHeaderRow)}); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	s := &xlsxSheet{b: b, name: name, sw: sw, cols: cols}
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return nil, err
		}
	}
	first := fmt.Sprintf("A%d", XLSXHeaderRow+1)
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: XLSXHeaderRow, TopLeftCell: first, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: first, ActiveCell: first, Pane: "bottomLeft"}}}); err != nil {
		return nil, err
	}
	if err := s.add(excelize.RowOpts{Height: 21}, excelize.Cell{StyleID: b.style.title, Value: b.r.Title}); err != nil {
		return nil, err
	}
	if err := s.add(excelize.RowOpts{}, excelize.Cell{StyleID: b.style.subtitle, Value: b.subtitle()}); err != nil {
		return nil, err
	}
	s.row = XLSXHeaderRow - 1
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: b.style.header, Value: c.title}
	}
	return s, s.add(excelize.RowOpts{Height: 30}, header...)
}

// subtitle names the office (and, for a rollup, how many offices) and the
// period's dates.
func (b *xlsxBook) subtitle() string {
	r := b.r
	office := r.Office.Name
	if r.Rollup && len(r.Offices) > 1 {
		office += fmt.Sprintf(" beserta %d kantor di bawahnya", len(r.Offices)-1)
	}
	s := office + " — Periode " + iddate.Range(r.From, r.To)
	if r.Number != "" {
		s += " — Nomor " + r.Number
	}
	if note := r.UnfinishedNote(); note != "" {
		s += " — " + note
	}
	return s
}

func (s *xlsxSheet) add(opts excelize.RowOpts, vals ...any) error {
	s.row++
	cell, err := excelize.CoordinatesToCellName(1, s.row)
	if err != nil {
		return err
	}
	return s.sw.SetRow(cell, vals, opts)
}

func (s *xlsxSheet) cells(vals ...any) error { return s.add(excelize.RowOpts{}, vals...) }

// finish adds a note when the table is empty, an autofilter over the
// header and the data rows (lastData; 0 for none), and ends the stream.
func (s *xlsxSheet) finish(empty string, filter bool, lastData int) error {
	if lastData == 0 {
		lastData = s.row
	}
	if s.row == XLSXHeaderRow && empty != "" {
		if err := s.cells(excelize.Cell{StyleID: s.b.style.note, Value: empty}); err != nil {
			return err
		}
	}
	if filter {
		last, err := excelize.CoordinatesToCellName(len(s.cols), lastData)
		if err != nil {
			return err
		}
		// The autofilter is part of the worksheet written at Flush.
		if err := s.b.f.AutoFilter(s.name, fmt.Sprintf("A%d:%s", XLSXHeaderRow, last), nil); err != nil {
			return err
		}
	}
	return s.sw.Flush()
}

// c is a styled cell; an empty text is left out (the cell keeps its style).
func (b *xlsxBook) c(style int, v any) excelize.Cell {
	if v == "" {
		v = nil
	}
	return excelize.Cell{StyleID: style, Value: v}
}

func (b *xlsxBook) dateCell(d data.Date) excelize.Cell {
	if d.IsZero() {
		return b.c(b.style.date, nil)
	}
	return b.c(b.style.date, d.Time())
}

func xlsxYesNo(v bool) string {
	if v {
		return "Ya"
	}
	return "Tidak"
}

func (b *xlsxBook) activities() error {
	r := b.r
	cols := []xlsxColumn{
		{"No", 6}, {"Tanggal mulai", 12}, {"Tanggal selesai", 12}, {"Judul", 45}, {"Jenis kegiatan", 18},
		{"Strategi", 9}, {"Nama strategi", 36}, {"Lokasi", 24}, {"Daring", 8}, {"Mitra", 30},
		{"Peserta", 10}, {"Keluaran", 10}, {"Jangkauan", 12}, {"Status", 16}, {"Alasan tidak terlaksana", 28}, {"Kendala", 32},
		{"Tindak lanjut", 32}, {"Tautan bukti", 32}, {"Catatan", 32},
	}
	if r.Rollup {
		cols = append(cols, xlsxColumn{"Kantor", 28})
	}
	s, err := b.sheet(SheetActivities, cols, true)
	if err != nil {
		return err
	}
	st := &b.style
	for i := range r.Activities {
		a := &r.Activities[i]
		row := []any{
			b.c(st.center, i+1), b.dateCell(a.StartDate), b.dateCell(a.EndDate), b.c(st.wrap, a.Title),
			b.c(st.text, data.ActivityTypes.Label(a.ActivityType, data.LangID)), b.c(st.center, a.Strategy),
			b.c(st.wrap, data.StrategyLabel(a.Strategy, data.LangID)), b.c(st.wrap, a.Location),
			b.c(st.center, xlsxYesNo(a.Online)), b.c(st.wrap, strings.Join(a.Partners, "; ")),
			b.c(st.number, a.Participants), b.c(st.number, a.Outputs), b.c(st.number, a.Reach),
			b.c(st.text, data.EntryStates.Label(a.Status, data.LangID)), b.c(st.wrap, a.NotDoneReason), b.c(st.wrap, a.Obstacles), b.c(st.wrap, a.FollowUp),
			b.c(st.wrap, strings.Join(a.EvidenceLinks, "\n")), b.c(st.wrap, a.Notes),
		}
		if r.Rollup {
			row = append(row, b.c(st.wrap, a.Office))
		}
		if err := s.cells(row...); err != nil {
			return err
		}
	}
	return s.finish("Tidak ada kegiatan pada periode ini.", true, 0)
}

// xlsxTallyColumns are the count columns every summary shares.
var xlsxTallyColumns = []xlsxColumn{
	{"Jumlah kegiatan", 11}, {"Terlaksana", 11}, {"Tidak terlaksana", 11}, {"Direncanakan", 12},
	{"Peserta", 11}, {"Keluaran", 11}, {"Jangkauan", 12},
}

func (b *xlsxBook) tallyCells(t Tally, style int) []any {
	return []any{b.c(style, t.Count), b.c(style, t.Realised), b.c(style, t.NotRealised), b.c(style, t.Planned),
		b.c(style, t.Participants), b.c(style, t.Outputs), b.c(style, t.Reach)}
}

// totalRow writes the bold "Jumlah" row under a summary.
func (s *xlsxSheet) totalRow(t Tally, extra ...int) error {
	st := &s.b.style
	row := append([]any{s.b.c(st.totalText, nil), s.b.c(st.totalLabel, "Jumlah")}, s.b.tallyCells(t, st.totalNumber)...)
	for _, n := range extra {
		row = append(row, s.b.c(st.totalNumber, n))
	}
	return s.cells(row...)
}

func (b *xlsxBook) strategies() error {
	r := b.r
	cols := append([]xlsxColumn{{"No", 6}, {"Strategi Bakohumas", 50}}, xlsxTallyColumns...)
	if r.Period.Annual() {
		for q := 1; q <= 4; q++ {
			cols = append(cols, xlsxColumn{"TW " + iddate.Roman(q), 8})
		}
	}
	s, err := b.sheet(SheetStrategies, cols, r.Period.Annual())
	if err != nil {
		return err
	}
	st := &b.style
	var perQuarter [4]int
	for i, t := range r.Strategies {
		row := append([]any{b.c(st.center, i+1), b.c(st.wrap, data.StrategyLabel(i+1, data.LangID))}, b.tallyCells(t, st.number)...)
		if r.Period.Annual() {
			for q := range 4 {
				row = append(row, b.c(st.number, r.Quarters[q][i]))
				perQuarter[q] += r.Quarters[q][i]
			}
		}
		if err := s.cells(row...); err != nil {
			return err
		}
	}
	var extra []int
	if r.Period.Annual() {
		extra = perQuarter[:]
	}
	if err := s.totalRow(r.Total, extra...); err != nil {
		return err
	}
	return s.finish("", false, 0)
}

func (b *xlsxBook) types() error {
	s, err := b.sheet(SheetTypes, append([]xlsxColumn{{"No", 6}, {"Jenis kegiatan", 28}}, xlsxTallyColumns...), false)
	if err != nil {
		return err
	}
	for i, t := range b.r.Types {
		if err := s.cells(append([]any{b.c(b.style.center, i+1), b.c(b.style.text, t.Label)}, b.tallyCells(t.Tally, b.style.number)...)...); err != nil {
			return err
		}
	}
	if err := s.totalRow(b.r.Total); err != nil {
		return err
	}
	return s.finish("", false, 0)
}

func (b *xlsxBook) months() error {
	s, err := b.sheet(SheetMonths, append([]xlsxColumn{{"No", 6}, {"Bulan", 16}}, xlsxTallyColumns...), false)
	if err != nil {
		return err
	}
	for i, m := range b.r.Months {
		if err := s.cells(append([]any{b.c(b.style.center, i+1), b.c(b.style.text, m.Label)}, b.tallyCells(m.Tally, b.style.number)...)...); err != nil {
			return err
		}
	}
	if err := s.totalRow(b.r.Total); err != nil {
		return err
	}
	return s.finish("", false, 0)
}

func (b *xlsxBook) offices() error {
	cols := append([]xlsxColumn{{"No", 6}, {"Kantor", 36}}, xlsxTallyColumns...)
	for i := 1; i <= len(data.Strategies); i++ {
		cols = append(cols, xlsxColumn{fmt.Sprintf("Strategi %d", i), 9})
	}
	s, err := b.sheet(SheetOffices, cols, true)
	if err != nil {
		return err
	}
	var perStrategy [8]int
	for i, o := range b.r.PerOffice {
		row := append([]any{b.c(b.style.center, i+1), b.c(b.style.wrap, o.Office.Name)}, b.tallyCells(o.Tally, b.style.number)...)
		for j, n := range o.Strategies {
			row = append(row, b.c(b.style.number, n))
			perStrategy[j] += n
		}
		if err := s.cells(row...); err != nil {
			return err
		}
	}
	lastData := s.row
	if err := s.totalRow(b.r.Total, perStrategy[:]...); err != nil {
		return err
	}
	return s.finish("", true, lastData)
}

func (b *xlsxBook) publications() error {
	r := b.r
	cols := []xlsxColumn{{"No", 6}, {"Tanggal", 12}, {"Judul", 50}, {"Jenis", 22}, {"Kanal", 36}}
	if r.Rollup {
		cols = append(cols, xlsxColumn{"Kantor", 28})
	}
	s, err := b.sheet(SheetPublications, cols, false)
	if err != nil {
		return err
	}
	st := &b.style
	for i, p := range r.Publications {
		row := []any{b.c(st.center, i+1), b.dateCell(p.Date), b.c(st.wrap, p.Title), b.c(st.text, p.Kind),
			b.c(st.wrap, strings.Join(p.Channels, ", "))}
		if r.Rollup {
			row = append(row, b.c(st.wrap, p.Office))
		}
		if err := s.cells(row...); err != nil {
			return err
		}
	}
	return s.finish("Tidak ada konten yang terbit pada periode ini.", true, 0)
}

// documents lists the files attached to the period's activities.
func (b *xlsxBook) documents() error {
	cols := []xlsxColumn{{"No", 6}, {"Tanggal", 12}, {"Kegiatan", 50}, {"Berkas", 40}, {"Jenis", 24}}
	s, err := b.sheet(SheetDocuments, cols, false)
	if err != nil {
		return err
	}
	st := &b.style
	for i, doc := range b.r.Documents {
		if err := s.cells(b.c(st.center, i+1), b.dateCell(doc.Date), b.c(st.wrap, doc.Activity),
			b.c(st.wrap, doc.Name), b.c(st.text, doc.Kind)); err != nil {
			return err
		}
	}
	return s.finish("", true, 0)
}

func (b *xlsxBook) channels() error {
	s, err := b.sheet(SheetChannels, []xlsxColumn{{"No", 6}, {"Kanal", 24}, {"Jumlah publikasi", 14}}, false)
	if err != nil {
		return err
	}
	st := &b.style
	for i, c := range b.r.Channels {
		if err := s.cells(b.c(st.center, i+1), b.c(st.text, c.Label), b.c(st.number, c.Count)); err != nil {
			return err
		}
	}
	if err := s.cells(b.c(st.totalText, nil), b.c(st.totalLabel, "Jumlah konten terbit"), b.c(st.totalNumber, len(b.r.Publications))); err != nil {
		return err
	}
	s.row++ // a blank row before the note
	if err := s.cells(b.c(st.note, nil), b.c(st.note, "Satu konten yang terbit di beberapa kanal dihitung sekali di setiap kanal.")); err != nil {
		return err
	}
	return s.finish("", false, 0)
}

func (b *xlsxBook) hoaxes() error {
	r := b.r
	cols := []xlsxColumn{{"No", 6}, {"Tanggal", 12}, {"Judul/klaim", 50}, {"Sumber", 12}, {"Status", 18},
		{"Platform", 14}, {"Klarifikasi terbit", 14}, {"Waktu klarifikasi (jam)", 14}, {"Konten klarifikasi", 40}, {"Tautan sumber", 30}}
	if r.Rollup {
		cols = append(cols, xlsxColumn{"Kantor", 28})
	}
	s, err := b.sheet(SheetHoaxes, cols, false)
	if err != nil {
		return err
	}
	st := &b.style
	// Hours as the PDF prints them: one decimal.
	oneDecimal := "#,##0.0"
	hours, err := b.f.NewStyle(&excelize.Style{Border: []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}, Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: &oneDecimal})
	if err != nil {
		return err
	}
	hoaxes := append([]Hoax(nil), r.Hoaxes...) // register, activities, content: show them by date
	sort.SliceStable(hoaxes, func(i, j int) bool { return hoaxes[i].Date.Before(hoaxes[j].Date) })
	for i, h := range hoaxes {
		row := []any{b.c(st.center, i+1), b.dateCell(h.Date), b.c(st.wrap, h.Title), b.c(st.text, h.Source), b.c(st.text, h.Status),
			b.c(st.text, h.Platform)}
		switch {
		case h.Clarified:
			row = append(row, b.dateCell(data.DateOf(h.ClarifiedAt)), b.c(hours, math.Round(h.Hours*10)/10))
		default:
			row = append(row, b.c(st.text, ""), b.c(st.text, ""))
		}
		row = append(row, b.c(st.wrap, h.Clarification), b.c(st.wrap, h.Link))
		if r.Rollup {
			row = append(row, b.c(st.wrap, h.Office))
		}
		if err := s.cells(row...); err != nil {
			return err
		}
	}
	lastData := s.row
	if r.HoaxTotal.Cases > 0 {
		// The register's summary under the list, as the PDF prints it.
		s.row++
		if err := s.cells(b.c(st.totalText, nil), b.c(st.totalLabel, "Rekap register"), b.c(st.totalLabel, "Periode"),
			b.c(st.totalLabel, "Kasus"), b.c(st.totalLabel, "Sudah diklarifikasi"), b.c(st.totalLabel, "Belum"),
			b.c(st.totalLabel, "Median (jam)"), b.c(st.totalLabel, "Rata-rata (jam)")); err != nil {
			return err
		}
		sums := append([]workflow.QuarterSummary(nil), r.HoaxQuarters...)
		labels := make([]string, len(sums))
		for i, q := range sums {
			labels[i] = q.Label()
		}
		if len(sums) > 1 {
			sums = append(sums, workflow.QuarterSummary{ClarifySummary: r.HoaxTotal})
			labels = append(labels, "Jumlah")
		}
		for i, q := range sums {
			median, mean := any(""), any("")
			if q.Clarified > 0 {
				median, mean = math.Round(q.MedianHours*10)/10, math.Round(q.MeanHours*10)/10
			}
			if err := s.cells(b.c(st.text, nil), b.c(st.text, ""), b.c(st.text, labels[i]), b.c(st.number, q.Cases),
				b.c(st.number, q.Clarified), b.c(st.number, q.Open), b.c(hours, median), b.c(hours, mean)); err != nil {
				return err
			}
		}
		s.row++
		if err := s.cells(b.c(st.note, nil), b.c(st.note, "Waktu klarifikasi: jam sejak hoaks ditemukan sampai klarifikasi terbit; "+
			"median dan rata-rata dari kasus yang sudah diklarifikasi.")); err != nil {
			return err
		}
	}
	return s.finish("Tidak ada klarifikasi hoaks pada periode ini.", true, lastData)
}
