package store

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/humasdesk/humasdesk/data"
)

const testPattern = "{no}/HM.00.02/{tahun}"

// numberReq asks for a new number of the quarter's report, issued on day.
func numberReq(day data.Date, quarter int) NumberRequest {
	return NumberRequest{Pattern: testPattern, IssuedOn: day, PeriodYear: day.Year, Quarter: quarter,
		Format: "pdf", FileName: fmt.Sprintf("Laporan-Triwulan-%d.pdf", quarter),
		Make: func(seq int) string { return fmt.Sprintf("%03d/HM.00.02/%d", seq, day.Year) }}
}

func issue(t *testing.T, s *Store, req NumberRequest) *data.ReportNumber {
	t.Helper()
	n, err := s.IssueReportNumber(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// Two handles on one file (as the app and `humasdesk export` are), drawing
// at once, never draw the same number, and leave no gap.
func TestIssueReportNumberConcurrentHandlesNeverRepeat(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	const each = 15
	day := data.NewDate(2026, 12, 7)
	var mu sync.Mutex
	seen := map[string]int{}
	var wg sync.WaitGroup
	errs := make(chan error, 4*each)
	for w, s := range []*Store{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				n, err := s.IssueReportNumber(ctx, numberReq(day, 1+(w+i)%4))
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				seen[n.Number]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	for i := 1; i <= 4*each; i++ {
		if num := fmt.Sprintf("%03d/HM.00.02/2026", i); seen[num] != 1 {
			t.Errorf("%s issued %d times", num, seen[num])
		}
	}
	if reg, _ := a.ReportNumbers(ctx, ""); len(reg) != 4*each {
		t.Errorf("register holds %d rows", len(reg))
	}
}

func TestIssueReportNumberSequencePerPatternAndYear(t *testing.T) {
	s := newStore(t)
	day := data.NewDate(2026, 3, 31)
	if n := issue(t, s, numberReq(day, 1)); n.Sequence != 1 || n.Number != "001/HM.00.02/2026" || n.Year != 2026 {
		t.Fatalf("first = %+v", n)
	}
	if n := issue(t, s, numberReq(day, 1)); n.Sequence != 2 || n.Reissue() {
		t.Fatalf("a second export without reuse = %+v", n)
	}
	// Another pattern has its own sequence, and so has the next year.
	other := numberReq(day, 2)
	other.Pattern = "{no}/KPU/{tahun}"
	if n := issue(t, s, other); n.Sequence != 1 {
		t.Errorf("other pattern starts at %d", n.Sequence)
	}
	if n := issue(t, s, numberReq(data.NewDate(2027, 1, 5), 4)); n.Sequence != 1 {
		t.Errorf("next year starts at %d", n.Sequence)
	}
	// The setting lifts the sequence in the year it was set for only.
	if err := s.SetSetting(ctx, SettingReportSequence, "40"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSetting(ctx, SettingReportSequenceYear, "2026"); err != nil {
		t.Fatal(err)
	}
	if n := issue(t, s, numberReq(day, 3)); n.Sequence != 40 {
		t.Errorf("with the setting at 40: %d", n.Sequence)
	}
	if n := issue(t, s, numberReq(data.NewDate(2027, 1, 6), 4)); n.Sequence != 2 {
		t.Errorf("2027 after a 2026 setting: %d", n.Sequence)
	}
	if next, _ := s.NextReportSequence(ctx, testPattern, 2026); next != 41 {
		t.Errorf("next shown = %d", next)
	}
}

// A database from before the register keeps counting from its setting
// (the last app number was 5), once, for the year of the next issue.
func TestIssueReportNumberHonoursTheOldSequenceSetting(t *testing.T) {
	s := newStore(t)
	if err := s.SetSetting(ctx, SettingReportSequence, "6"); err != nil {
		t.Fatal(err)
	}
	if n := issue(t, s, numberReq(data.NewDate(2026, 12, 7), 4)); n.Sequence != 6 {
		t.Fatalf("after the old setting: %d", n.Sequence)
	}
	if y, _ := s.Setting(ctx, SettingReportSequenceYear, ""); y != "2026" {
		t.Errorf("setting's year = %q", y)
	}
	if n := issue(t, s, numberReq(data.NewDate(2027, 1, 4), 4)); n.Sequence != 1 {
		t.Errorf("2027 = %d", n.Sequence)
	}
}

// A reuse gives the report its earlier number and registers a reissue
// pointing at the first issue; a report without one gets a new number.
func TestIssueReportNumberReuse(t *testing.T) {
	s := newStore(t)
	day := data.NewDate(2026, 10, 2)
	first := issue(t, s, numberReq(day, 3))
	issue(t, s, numberReq(day, 2)) // another report in between
	req := numberReq(day.AddDays(3), 3)
	req.Reuse, req.FileName = true, "Laporan-Triwulan-III-2026-revisi.pdf"
	again := issue(t, s, req)
	if again.Number != first.Number || again.ReissueOf != first.ID || again.ID == first.ID || again.FileName != req.FileName {
		t.Fatalf("reuse = %+v, first %+v", again, first)
	}
	// A reuse of the reissue still points at the first issue.
	third := issue(t, s, req)
	if third.Number != first.Number || third.ReissueOf != first.ID {
		t.Errorf("second reuse = %+v", third)
	}
	if prev, _ := s.PreviousReportNumber(ctx, "", 2026, 3, false); prev == nil || prev.Number != first.Number {
		t.Errorf("previous = %+v", prev)
	}
	// A reissue in the next year keeps the number and its year.
	late := numberReq(data.NewDate(2027, 1, 8), 3)
	late.PeriodYear, late.Reuse = 2026, true
	if n := issue(t, s, late); n.Number != first.Number || n.Year != 2026 || n.IssuedOn.Year != 2027 {
		t.Errorf("reissue in January = %+v", n)
	}
	// A report never numbered gets the next number.
	annual := numberReq(day, 0)
	annual.Reuse = true
	if n := issue(t, s, annual); n.Sequence != 3 || n.Reissue() {
		t.Errorf("reuse without an earlier number = %+v", n)
	}
	reg, err := s.ReportNumbers(ctx, "")
	if err != nil || len(reg) != 6 {
		t.Fatalf("register: %d rows, %v", len(reg), err)
	}
	if _, box := rows(t, s, "report_numbers"); box != 6 {
		t.Errorf("outbox %d, want a change per row", box)
	}
}

// A number typed by hand is registered outside the sequence and refused
// when another report carries it.
func TestIssueReportNumberManual(t *testing.T) {
	s := newStore(t)
	day := data.NewDate(2026, 7, 10)
	req := numberReq(day, 2)
	req.Manual = "045/KPU-Slm/VII/2026"
	if n := issue(t, s, req); n.Number != req.Manual || !n.Manual() || n.Sequence != 0 {
		t.Fatalf("manual = %+v", n)
	}
	issue(t, s, req) // the same report may carry it again
	other := numberReq(day, 1)
	other.Manual = req.Manual
	if _, err := s.IssueReportNumber(ctx, other); err == nil {
		t.Error("the number of another report was accepted")
	}
	if n := issue(t, s, numberReq(day, 1)); n.Sequence != 1 {
		t.Errorf("the sequence moved for a typed number: %d", n.Sequence)
	}
}

// A number whose report failed is taken back: the next report gets it.
func TestWithdrawReportNumber(t *testing.T) {
	s := newStore(t)
	day := data.NewDate(2026, 4, 1)
	n := issue(t, s, numberReq(day, 1))
	if err := s.WithdrawReportNumber(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	if got, box := rows(t, s, "report_numbers"); got != 0 || box != 0 {
		t.Fatalf("after withdrawing: %d rows, %d queued", got, box)
	}
	if again := issue(t, s, numberReq(day, 1)); again.Number != n.Number {
		t.Errorf("the withdrawn number was not given again: %s", again.Number)
	}
}

// The register is part of the database, so a backup carries it, and a
// restored database goes on after the last number it held.
func TestBackupCarriesTheRegister(t *testing.T) {
	s := newStore(t)
	day := data.NewDate(2026, 12, 7)
	for q := 1; q <= 3; q++ {
		issue(t, s, numberReq(day, q))
	}
	path := filepath.Join(t.TempDir(), "cadangan.db")
	if err := s.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	reg, err := b.ReportNumbers(ctx, "")
	if err != nil || len(reg) != 3 || reg[0].FileName == "" {
		t.Fatalf("backup register: %+v, %v", reg, err)
	}
	if n := issue(t, b, numberReq(day, 4)); n.Sequence != 4 {
		t.Errorf("after restoring: %d", n.Sequence)
	}
}
