package server_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/data/syncclient"
	"github.com/humasdesk/humasdesk/server"
)

// issueNumber draws the next number of the office's default-like pattern
// on a device, for the quarter's report.
func issueNumber(t *testing.T, ls *store.Store, quarter int, file string) *data.ReportNumber {
	t.Helper()
	day := data.NewDate(2026, 12, 7)
	n, err := ls.IssueReportNumber(ctx, store.NumberRequest{Pattern: "{no}/HM.00.02/{romawi}/{tahun}", IssuedOn: day,
		PeriodYear: 2026, Quarter: quarter, Format: "pdf", FileName: file,
		Make: func(seq int) string { return fmt.Sprintf("%03d/HM.00.02/XII/2026", seq) }})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// Two laptops of one office number reports while offline. Both draw 001
// and 002; the first to sync keeps them, the second's are refused as a
// clash, it adopts the server's rows (whether it pulled before pushing or
// after), shows its own issues as clashed, and its next number follows
// every number the office issued. No number is issued twice at the server.
func TestReportNumbersDoNotClashAcrossDevices(t *testing.T) {
	w := newWorld(t)
	a1, a2 := w.device(w.a), w.device(w.a)
	sync(t, a1)
	sync(t, a2)

	for q := 1; q <= 3; q++ {
		issueNumber(t, a1, q, fmt.Sprintf("laptop1-T%d.pdf", q))
	}
	mine := []*data.ReportNumber{issueNumber(t, a2, 4, "laptop2-T4.pdf"), issueNumber(t, a2, 0, "laptop2-tahunan.pdf")}
	if mine[0].Number != "001/HM.00.02/XII/2026" || mine[1].Number != "002/HM.00.02/XII/2026" {
		t.Fatalf("laptop 2 offline: %s %s", mine[0].Number, mine[1].Number)
	}
	if r := sync(t, a1); r.Applied != 3 {
		t.Fatalf("laptop 1: %+v", r)
	}
	// Laptop 2 happens to pull before it pushes: the server's rows replace
	// its own even though its writes are queued.
	page, err := w.st.Changes(ctx, &server.Device{OfficeID: w.a.ID}, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a2.ApplyChanges(ctx, page); err != nil {
		t.Fatal(err)
	}
	if r := sync(t, a2); r.Rejected != 2 || r.Applied != 0 {
		t.Fatalf("laptop 2: %+v", r)
	}
	clashed, err := a2.ClashedReportNumbers(ctx)
	if err != nil || len(clashed) != 2 {
		t.Fatalf("clashed on laptop 2: %+v, %v", clashed, err)
	}
	for _, c := range clashed {
		if !strings.Contains(c.Reason, "sudah diterbitkan") || !strings.Contains(c.Reason, "laptop1-T") {
			t.Errorf("clash reason = %q", c.Reason)
		}
	}
	reg, _ := a2.ReportNumbers(ctx, "")
	if len(reg) != 3 {
		t.Fatalf("laptop 2 register: %d rows", len(reg))
	}
	for _, n := range reg {
		if !strings.HasPrefix(n.FileName, "laptop1-") {
			t.Errorf("laptop 2 keeps its own %s (%s), not the server's", n.Number, n.FileName)
		}
	}

	// The next numbers follow every number of the office, and both
	// laptops, drawing in turn with syncs between, never repeat one.
	if n := issueNumber(t, a2, 4, "laptop2-T4-baru.pdf"); n.Number != "004/HM.00.02/XII/2026" {
		t.Errorf("laptop 2 renumbered to %s", n.Number)
	}
	sync(t, a2)
	for i := range 4 {
		dev := []*store.Store{a1, a2}[i%2]
		sync(t, dev)
		issueNumber(t, dev, 1+i%4, fmt.Sprintf("giliran-%d.pdf", i))
		if r := sync(t, dev); r.Rejected != 0 {
			t.Errorf("turn %d: %+v", i, r)
		}
	}
	sync(t, a1)
	sync(t, a2)
	sync(t, a1)

	final, err := w.st.Changes(ctx, &server.Device{OfficeID: w.a.ID}, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	count := 0
	for _, r := range final.Changes {
		if r.Kind != syncapi.KindReportNumber {
			continue
		}
		v, _ := viewOfNumber(r)
		if seen[v] {
			t.Errorf("%s issued twice at the server", v)
		}
		seen[v] = true
		count++
	}
	if count != 8 {
		t.Errorf("the server holds %d numbers, want 8 (3 + 1 + 4)", count)
	}
	for i, ls := range []*store.Store{a1, a2} {
		if reg, _ := ls.ReportNumbers(ctx, ""); len(reg) != 8 {
			t.Errorf("laptop %d register: %d rows", i+1, len(reg))
		}
	}
}

func viewOfNumber(r syncapi.Record) (string, error) {
	var n data.ReportNumber
	err := json.Unmarshal(r.Data, &n)
	return n.Number, err
}

// A number drawn before the device was enrolled meets the office's same
// number at the server: enrolling gives it the office's id.
func TestReportNumberDrawnBeforeEnrollmentClashes(t *testing.T) {
	w := newWorld(t)
	a1 := w.device(w.a)
	issueNumber(t, a1, 1, "laptop1.pdf")
	sync(t, a1)

	a2, err := store.Open(filepath.Join(t.TempDir(), "baru.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer a2.Close()
	early := issueNumber(t, a2, 2, "sebelum-daftar.pdf")
	again := issueNumber(t, a2, 2, "sebelum-daftar-lagi.pdf")
	code, _, err := w.st.NewEnrollment(ctx, w.a.ID, server.EnrollmentTTL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := syncclient.Enroll(ctx, a2, nil, w.srv.URL, code, "test"); err != nil {
		t.Fatal(err)
	}
	if r := sync(t, a2); r.Rejected != 1 || r.Applied != 1 {
		t.Fatalf("laptop 2: %+v", r)
	}
	if c, _ := a2.ClashedReportNumbers(ctx); len(c) != 1 || c[0].Number != early.Number {
		t.Errorf("clashed: %+v", c)
	}
	reg, _ := a2.ReportNumbers(ctx, "")
	if len(reg) != 2 || reg[0].Number != again.Number || reg[1].FileName != "laptop1.pdf" {
		t.Errorf("register after enrolling: %+v", reg)
	}
}
