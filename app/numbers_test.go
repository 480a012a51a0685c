package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/report"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// newTestUIAt is newTestUI over a database file the test names, so that a
// second handle (the command line's) can open it too.
func newTestUIAt(t *testing.T, path string) (*UI, *store.Store) {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	u := New(test.NewTempApp(t), st)
	t.Cleanup(u.win.Close)
	return u, st
}

// A corrected re-export may carry the report's earlier number: the box
// appears once the report has one, fills the number in, and the register
// marks the row as a reissue of the first.
func TestExportReusesTheEarlierNumber(t *testing.T) {
	u, st := newTestUI(t)
	fillProfile(t, st)
	v := u.export
	fixToday(u, data.NewDate(2024, 7, 15))
	v.format.SetSelected("XLSX")
	if v.reuse.Visible() {
		t.Fatal("reuse offered before any number was issued")
	}
	dir := t.TempDir()
	<-v.exportTo(filepath.Join(dir, "pertama.xlsx"))
	tapDialogButton(t, u.win, "Tutup")
	// Another report in between takes 002.
	v.period.SetSelected("Triwulan I")
	if v.reuse.Visible() {
		t.Error("reuse offered for a report never numbered")
	}
	<-v.exportTo(filepath.Join(dir, "lain.xlsx"))
	tapDialogButton(t, u.win, "Tutup")

	v.period.SetSelected("Triwulan II")
	if !v.reuse.Visible() || v.reuse.Text != "Pakai nomor sebelumnya (001/HM.00.02/VII/2024)" {
		t.Fatalf("reuse box: visible %v, %q", v.reuse.Visible(), v.reuse.Text)
	}
	if v.number.Text != "003/HM.00.02/VII/2024" {
		t.Errorf("number before ticking = %q", v.number.Text)
	}
	test.Tap(v.reuse)
	if v.number.Text != "001/HM.00.02/VII/2024" || !v.number.Disabled() {
		t.Errorf("after ticking: %q, disabled %v", v.number.Text, v.number.Disabled())
	}
	<-v.exportTo(filepath.Join(dir, "revisi.xlsx"))
	if v.lastErr != nil {
		t.Fatal(v.lastErr)
	}
	if !strings.Contains(strings.Join(dialogText(u.win), "\n"), "Nomor: 001/HM.00.02/VII/2024") {
		t.Errorf("result: %q", dialogText(u.win))
	}
	tapDialogButton(t, u.win, "Tutup")
	reg, _ := st.ReportNumbers(ctx, "")
	if len(reg) != 3 || reg[0].Number != "001/HM.00.02/VII/2024" || !reg[0].Reissue() || reg[0].FileName != "revisi.xlsx" {
		t.Fatalf("register: %+v", reg)
	}
	// The box is cleared for the next report, which takes the next number.
	if v.reuse.Checked || v.number.Text != "003/HM.00.02/VII/2024" {
		t.Errorf("after the reuse: checked %v, number %q", v.reuse.Checked, v.number.Text)
	}
}

// The window and the command line (another handle on the same file,
// through the function `humasdesk export` calls) export at the same time:
// the register never holds a number twice.
func TestGUIAndCLINumbersInterleavedNeverRepeat(t *testing.T) {
	path := filepath.Join(t.TempDir(), "t.db")
	u, st := newTestUIAt(t, path)
	fillProfile(t, st)
	cli, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer cli.Close()
	v := u.export
	fixToday(u, data.NewDate(2024, 7, 15))
	v.format.SetSelected("XLSX")
	dir := t.TempDir()
	const each = 4
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range each {
			opt := report.Options{Period: report.Period{Year: 2024, Quarter: 1 + i%4}, SignDate: data.NewDate(2024, 7, 15)}
			if _, _, err := report.ExportNumbered(ctx, cli, opt, report.FormatXLSX,
				filepath.Join(dir, fmt.Sprintf("cli-%d.xlsx", i)), report.Numbered{}, nil); err != nil {
				t.Error(err)
			}
		}
	}()
	for i := range each {
		<-v.exportTo(filepath.Join(dir, fmt.Sprintf("gui-%d.xlsx", i)))
		if v.lastErr != nil {
			t.Fatal(v.lastErr)
		}
		tapDialogButton(t, u.win, "Tutup")
	}
	wg.Wait()
	reg, err := st.ReportNumbers(ctx, "")
	if err != nil || len(reg) != 2*each {
		t.Fatalf("register: %d rows, %v", len(reg), err)
	}
	seen := map[string]string{}
	for _, n := range reg {
		if other, dup := seen[n.Number]; dup {
			t.Errorf("%s issued to %s and %s", n.Number, other, n.FileName)
		}
		seen[n.Number] = n.FileName
	}
	for i := 1; i <= 2*each; i++ {
		if num := fmt.Sprintf("%03d/HM.00.02/VII/2024", i); seen[num] == "" {
			t.Errorf("%s missing: %v", num, seen)
		}
	}
}

// Register nomor lists every number with its date, period, kind, issuer
// and file, and this device's clashed issues on top.
func TestRegisterViewListsNumbers(t *testing.T) {
	u, st := newTestUI(t)
	fillProfile(t, st)
	st.SetUser("Rina Humas")
	fixToday(u, data.NewDate(2024, 7, 15))
	u.export.format.SetSelected("XLSX")
	dir := t.TempDir()
	<-u.export.exportTo(filepath.Join(dir, "Laporan-Triwulan-II-2024.xlsx"))
	tapDialogButton(t, u.win, "Tutup")
	u.export.period.SetSelected("Tahunan")
	u.export.year.SetSelected("2023")
	<-u.export.exportTo(filepath.Join(dir, "Laporan-Tahunan-2023.xlsx"))
	tapDialogButton(t, u.win, "Tutup")

	// The server refuses the annual report's number: another device had it.
	sent, err := st.PreparePush(ctx, 10, nil)
	if err != nil {
		t.Fatal(err)
	}
	results := make([]syncapi.OpResult, len(sent))
	for i, e := range sent {
		results[i] = syncapi.OpResult{OpID: e.OpID, Status: syncapi.StatusApplied, Version: 1, ServerSeq: int64(i + 1)}
		if strings.Contains(e.Payload, "Tahunan") {
			results[i] = syncapi.OpResult{OpID: e.OpID, Status: syncapi.StatusRejected,
				Reason: "nomor laporan 002/HM.00.02/VII/2024 sudah diterbitkan 14 Jul 2024 oleh Budi (file x.pdf)"}
		}
	}
	if _, err := st.ApplyPushResults(ctx, sent, results); err != nil {
		t.Fatal(err)
	}

	u.tabs.SelectIndex(5)
	u.reports.SelectIndex(2)
	v := u.numbers
	if len(v.rows) != 3 {
		t.Fatalf("%d rows", len(v.rows))
	}
	row := func(i int) string {
		var cells []string
		for c := range 7 {
			cells = append(cells, v.cell(i, c))
		}
		return strings.Join(cells, " | ")
	}
	for i, want := range []string{
		"002/HM.00.02/VII/2024 | 15/07/2024 | Tahun 2023 | Tahunan | Rina Humas | Laporan-Tahunan-2023.xlsx | Bentrok: ekspor ulang untuk nomor baru — nomor laporan 002/HM.00.02/VII/2024 sudah diterbitkan",
		"002/HM.00.02/VII/2024 | 15/07/2024 | Tahun 2023 | Tahunan | Rina Humas | Laporan-Tahunan-2023.xlsx | Belum tersinkron",
		"001/HM.00.02/VII/2024 | 15/07/2024 | Triwulan II Tahun 2024 | Triwulan | Rina Humas | Laporan-Triwulan-II-2024.xlsx | Tercatat di server",
	} {
		if got := row(i); !strings.HasPrefix(got, want) {
			t.Errorf("row %d:\n got %s\nwant %s…", i, got, want)
		}
	}
	if v.summary.Text != "2 nomor. 1 bentrok: ekspor ulang laporan tersebut." {
		t.Errorf("summary = %q", v.summary.Text)
	}
	// Konflik names the refused change as the register does.
	var refused string
	for _, e := range sent {
		if strings.Contains(e.Payload, "Tahunan") {
			refused = e.Payload
		}
	}
	if got := kindLabel(syncapi.KindReportNumber) + ": " + recordTitle([]byte(refused)); got != "Nomor laporan: 002/HM.00.02/VII/2024" {
		t.Errorf("Konflik lists the refused number as %q", got)
	}
	// Simpan sebagai CSV… writes what the view lists.
	path := filepath.Join(dir, "register.csv")
	w, err := storage.Writer(storage.NewFileURI(path))
	if err != nil {
		t.Fatal(err)
	}
	if err := v.writeCSV(w); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	lines := strings.Split(strings.TrimSpace(string(raw)), "\r\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "\ufeffnomor,tanggal_terbit") ||
		!strings.HasPrefix(lines[3], "001/HM.00.02/VII/2024,15/07/2024,Triwulan II Tahun 2024,Triwulan,Rina Humas") {
		t.Errorf("CSV:\n%s", raw)
	}
}
