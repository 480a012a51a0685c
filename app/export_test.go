package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/report"
	"github.com/humasdesk/humasdesk/data/store"
)

// fixToday makes the export form and the report settings believe today
// is d, and sets the form up again for it.
func fixToday(u *UI, d data.Date) {
	today := func() data.Date { return d }
	u.export.today = today
	u.settings.report.today = today
	u.export.setYears()
	u.export.refresh()
	u.settings.report.load()
}

func TestExportPeriodChoiceMapsToReportPeriod(t *testing.T) {
	u, _ := newTestUI(t)
	v := u.export
	fixToday(u, data.NewDate(2024, 11, 20))
	// By default the form offers the last quarter that has ended.
	if v.year.Selected != "2024" || v.period.Selected != "Triwulan III" {
		t.Fatalf("default: %q %q", v.year.Selected, v.period.Selected)
	}
	for _, tc := range []struct {
		choice string
		want   report.Period
		dates  string
		file   string
	}{
		{"Triwulan I", report.Period{Year: 2023, Quarter: 1}, "1 Januari 2023 – 31 Maret 2023", "Laporan-Triwulan-I-2023.pdf"},
		{"Triwulan II", report.Period{Year: 2023, Quarter: 2}, "1 April 2023 – 30 Juni 2023", "Laporan-Triwulan-II-2023.pdf"},
		{"Triwulan III", report.Period{Year: 2023, Quarter: 3}, "1 Juli 2023 – 30 September 2023", "Laporan-Triwulan-III-2023.pdf"},
		{"Triwulan IV", report.Period{Year: 2023, Quarter: 4}, "1 Oktober 2023 – 31 Desember 2023", "Laporan-Triwulan-IV-2023.pdf"},
		{"Tahunan", report.Period{Year: 2023, Quarter: 0}, "1 Januari 2023 – 31 Desember 2023", "Laporan-Tahunan-2023.pdf"},
	} {
		t.Run(tc.choice, func(t *testing.T) {
			v.year.SetSelected("2023")
			v.period.SetSelected(tc.choice)
			if got := v.periodOf(); got != tc.want {
				t.Errorf("period = %+v, want %+v", got, tc.want)
			}
			if got := v.options().Period; got != tc.want {
				t.Errorf("options period = %+v", got)
			}
			if v.dates.Text != tc.dates {
				t.Errorf("dates shown = %q", v.dates.Text)
			}
			if got := v.fileName(); got != tc.file {
				t.Errorf("file name = %q", got)
			}
		})
	}
	// In January the last quarter ended is the previous year's fourth.
	fixToday(u, data.NewDate(2025, 1, 6))
	if v.year.Selected != "2024" || v.period.Selected != "Triwulan IV" || v.periodOf() != (report.Period{Year: 2024, Quarter: 4}) {
		t.Errorf("January default: %q %q", v.year.Selected, v.period.Selected)
	}
	if len(v.year.Options) != exportYears || v.year.Options[0] != "2025" {
		t.Errorf("years offered: %q", v.year.Options)
	}
}

// The export writes a PDF and an XLSX through the same function the save
// dialog calls, with the progress dialog, and registers the number of
// each; the next report is offered the next number of the register. A
// number typed by hand is registered outside the sequence; a CSV has no
// number and registers none.
func TestExportWritesPDFAndXLSXAndMovesTheSequence(t *testing.T) {
	u, st := newTestUI(t)
	fillProfile(t, st)
	for i, title := range []string{"Rapat koordinasi tahapan kampanye", "Sosialisasi pemilih pemula"} {
		e := &data.Entry{Title: title, ActivityType: "sosialisasi", Strategy: 3, Realised: true,
			StartDate: data.NewDate(2024, 5, 2+i)}
		if err := st.SaveEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	v := u.export
	fixToday(u, data.NewDate(2024, 7, 15))
	u.tabs.SelectIndex(3)
	u.reports.SelectIndex(1)
	if v.period.Selected != "Triwulan II" || v.number.Text != "001/HM.00.02/VII/2024" {
		t.Fatalf("form: %q, number %q", v.period.Selected, v.number.Text)
	}
	dir := t.TempDir()

	// When the PDF is saved
	pdf := filepath.Join(dir, v.fileName())
	<-v.exportTo(pdf)
	// Then the file is a PDF, the progress bar went to the end, and the
	// result offers to open it
	if v.lastErr != nil {
		t.Fatalf("export: %v", v.lastErr)
	}
	if filepath.Base(pdf) != "Laporan-Triwulan-II-2024.pdf" || !fileStartsWith(t, pdf, "%PDF") {
		t.Fatalf("%s is not a PDF", pdf)
	}
	if v.bar.Value != 1 {
		t.Errorf("progress ended at %v", v.bar.Value)
	}
	shown := strings.Join(dialogText(u.win), "\n")
	for _, want := range []string{"Laporan Kegiatan Kehumasan Triwulan II Tahun 2024 tersimpan sebagai " + pdf,
		"Nomor: 001/HM.00.02/VII/2024", "2 kegiatan."} {
		if !strings.Contains(shown, want) {
			t.Errorf("result dialog lacks %q:\n%s", want, shown)
		}
	}
	tapDialogButton(t, u.win, "Buka")
	if v.opened != storage.NewFileURI(pdf).String() {
		t.Errorf("opened %q", v.opened)
	}
	// And the number is in the register, and the next report gets the next one
	if reg := registered(t, st); len(reg) != 1 || reg[0] != "001/HM.00.02/VII/2024 Laporan-Triwulan-II-2024.pdf" {
		t.Errorf("register after the PDF = %q", reg)
	}
	if v.number.Text != "002/HM.00.02/VII/2024" {
		t.Errorf("next number = %q", v.number.Text)
	}
	if !strings.Contains(v.status.Text, pdf) {
		t.Errorf("status = %q", v.status.Text)
	}

	// When an XLSX is saved with a number typed by hand
	v.format.SetSelected("XLSX")
	typeInto(v.number, "045/KPU-Slm/VII/2024")
	xlsx := filepath.Join(dir, v.fileName())
	<-v.exportTo(xlsx)
	if v.lastErr != nil {
		t.Fatalf("export: %v", v.lastErr)
	}
	if filepath.Ext(xlsx) != ".xlsx" || !fileStartsWith(t, xlsx, "PK\x03\x04") {
		t.Fatalf("%s is not a zip", xlsx)
	}
	if !strings.Contains(strings.Join(dialogText(u.win), "\n"), "Nomor: 045/KPU-Slm/VII/2024") {
		t.Errorf("the typed number was not used: %q", dialogText(u.win))
	}
	tapDialogButton(t, u.win, "Tutup")
	if reg := registered(t, st); len(reg) != 2 || reg[0] != "045/KPU-Slm/VII/2024 Laporan-Triwulan-II-2024.xlsx" {
		t.Errorf("register after the XLSX = %q", reg)
	}
	if v.number.Text != "002/HM.00.02/VII/2024" {
		t.Errorf("next number = %q", v.number.Text)
	}

	// A CSV carries no number: the field is off and the sequence stays.
	v.format.SetSelected("CSV")
	if !v.number.Disabled() {
		t.Error("number editable for CSV")
	}
	csv := filepath.Join(dir, v.fileName())
	<-v.exportTo(csv)
	if v.lastErr != nil || !fileStartsWith(t, csv, "") {
		t.Fatalf("csv export: %v", v.lastErr)
	}
	tapDialogButton(t, u.win, "Tutup")
	if reg := registered(t, st); len(reg) != 2 {
		t.Errorf("register after the CSV = %q", reg)
	}
}

// registered lists the register, newest first, as "number file".
func registered(t *testing.T, st *store.Store) []string {
	t.Helper()
	reg, err := st.ReportNumbers(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range reg {
		out = append(out, n.Number+" "+n.FileName)
	}
	return out
}

// A report that cannot be written says so in Indonesian, leaves no file,
// and does not use up a number.
func TestExportErrorIsShownAndNothingIsWritten(t *testing.T) {
	u, st := newTestUI(t)
	fillProfile(t, st)
	v := u.export
	fixToday(u, data.NewDate(2024, 7, 15))
	dir := filepath.Join(t.TempDir(), "tidak-ada")
	<-v.exportTo(filepath.Join(dir, "Laporan.pdf"))
	if v.lastErr == nil {
		t.Fatal("no error")
	}
	if !strings.HasPrefix(u.lastError, "Laporan gagal diekspor: tidak dapat menulis ke folder") {
		t.Errorf("error shown = %q", u.lastError)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("something was written: %v", err)
	}
	if reg := registered(t, st); len(reg) != 0 {
		t.Errorf("a failed export left %q in the register", reg)
	}
	if v.saveBtn.Disabled() {
		t.Error("the save button stays disabled")
	}
	tapDialogButton(t, u.win, "OK")
}

// The choice of a consolidated report appears only when offices under
// this one are known, and then makes a rollup.
func TestExportOffersRollupOnlyWithOfficesBelow(t *testing.T) {
	u, st := newTestUI(t)
	v := u.export
	fixToday(u, data.NewDate(2024, 7, 15))
	if v.scope.Visible() || v.rollup() {
		t.Fatal("scope offered without offices below")
	}
	cur, err := st.CurrentOffice(ctx)
	if err != nil {
		t.Fatal(err)
	}
	below := &data.Office{Name: "KPU Kabupaten Sleman", Kind: "kpu", Level: "kabupaten", ParentID: cur.ID}
	if err := st.SaveOffice(ctx, below); err != nil {
		t.Fatal(err)
	}
	u.reports.SelectIndex(1) // showing the tab reads the offices again
	if !v.scope.Visible() || v.scope.Selected != "Kantor ini saja" || v.rollup() {
		t.Fatalf("scope: visible %v, %q", v.scope.Visible(), v.scope.Selected)
	}
	v.scope.SetSelected("Kantor ini dan 1 kantor di bawahnya")
	if !v.rollup() || !v.options().Rollup || v.fileName() != "Laporan-Triwulan-II-2024-Gabungan.pdf" {
		t.Errorf("rollup %v, file %q", v.options().Rollup, v.fileName())
	}
}

func TestReportSettingsShowExampleAndFeedTheExport(t *testing.T) {
	u, st := newTestUI(t)
	s := u.settings.report
	fixToday(u, data.NewDate(2026, 11, 21))
	if s.example.Text != "Contoh: 001/HM.00.02/XI/2026 (Triwulan IV 2026)" {
		t.Errorf("default example = %q", s.example.Text)
	}
	if !strings.Contains(s.intro.PlaceHolder, "Kantor Humas selama Triwulan IV Tahun 2026") || s.closing.PlaceHolder != report.DefaultClosing {
		t.Errorf("placeholders: %q / %q", s.intro.PlaceHolder, s.closing.PlaceHolder)
	}

	// The example follows the pattern as it is typed.
	typeInto(s.pattern, "{no}/PP.01/KPU-Kab/{triwulan}/{bulan}/{tahun}")
	typeInto(s.sequence, "12")
	if s.example.Text != "Contoh: 012/PP.01/KPU-Kab/IV/11/2026 (Triwulan IV 2026)" {
		t.Errorf("example = %q", s.example.Text)
	}
	// A sequence that is not a number is refused under its field.
	typeInto(s.sequence, "dua belas")
	test.Tap(s.saveBtn)
	if got := s.f.ErrorText("sequence"); got != "Nomor urut harus bilangan bulat mulai dari 1" {
		t.Errorf("sequence error = %q", got)
	}
	if v, _ := st.Setting(ctx, store.SettingReportNumber, ""); v != "" {
		t.Fatalf("stored despite the error: %q", v)
	}

	typeInto(s.sequence, "12")
	typeInto(s.intro, "Laporan ini disusun oleh Subbagian Teknis dan Hupmas.")
	test.Tap(s.saveBtn)
	for key, want := range map[string]string{
		store.SettingReportNumber: "{no}/PP.01/KPU-Kab/{triwulan}/{bulan}/{tahun}", store.SettingReportSequence: "12",
		store.SettingReportIntro: "Laporan ini disusun oleh Subbagian Teknis dan Hupmas.", store.SettingReportClosing: "",
	} {
		if v, _ := st.Setting(ctx, key, "?"); v != want {
			t.Errorf("%s = %q, want %q", key, v, want)
		}
	}
	if s.status.Text != "Tersimpan." || s.f.ErrorText("sequence") != "" {
		t.Errorf("after saving: %q %q", s.status.Text, s.f.ErrorText("sequence"))
	}
	// The export form numbers the next report with them (Triwulan III, the
	// last quarter ended).
	if got := u.export.number.Text; got != "012/PP.01/KPU-Kab/III/11/2026" {
		t.Errorf("export number = %q", got)
	}
}

func fileStartsWith(t *testing.T, path, prefix string) bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("reading %s: %v", path, err)
		return false
	}
	return len(b) > 0 && bytes.HasPrefix(b, []byte(prefix))
}
