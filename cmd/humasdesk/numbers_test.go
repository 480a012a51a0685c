package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/humasdesk/humasdesk/data/store"
)

// exportArgs is one CLI export of a quarter's report into dir.
func exportArgs(db, dir string, quarter int, name string, extra ...string) []string {
	return append([]string{"export", "--db", db, "--year", "2026", "--quarter", fmt.Sprint(quarter),
		"--out", filepath.Join(dir, name+".xlsx")}, extra...)
}

var numberLine = regexp.MustCompile(`Nomor (\S+)`)

// TestHelperExportProcess is not a test: TestCLINumbersNeverRepeat runs
// the test binary again as a second humasdesk process through it.
func TestHelperExportProcess(t *testing.T) {
	args := os.Getenv("HUMASDESK_HELPER_ARGS")
	if args == "" {
		t.Skip("helper process only")
	}
	for _, one := range strings.Split(args, "\n") {
		if err := run(strings.Split(one, "\t"), os.Stdout, os.Stderr); err != nil {
			fmt.Fprintln(os.Stdout, "GAGAL", err)
			os.Exit(1)
		}
	}
	os.Exit(0)
}

// Exports of two processes on one database file at once, and the same
// report exported again with --reuse-number, draw from one sequence: no
// number is printed twice except the reuse, which the register marks.
func TestCLINumbersNeverRepeat(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "humasdesk.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	// An export needs a filled-in profile (report.CheckOffice).
	office, err := st.CurrentOffice(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	office.Name, office.Region = "KPU Kabupaten Sleman", "Sleman"
	if err := st.SaveOffice(context.Background(), office); err != nil {
		t.Fatal(err)
	}
	st.Close()
	const each = 4
	var lines []string
	for i := range each {
		lines = append(lines, strings.Join(exportArgs(db, dir, 1+i%4, fmt.Sprintf("anak-%d", i)), "\t"))
	}
	child := exec.Command(os.Args[0], "-test.run=^TestHelperExportProcess$")
	child.Env = append(os.Environ(), "HUMASDESK_HELPER_ARGS="+strings.Join(lines, "\n"))
	var childOut bytes.Buffer
	child.Stdout = &childOut
	if err := child.Start(); err != nil {
		t.Fatal(err)
	}
	var mine bytes.Buffer
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range each {
			if err := run(exportArgs(db, dir, 1+i%4, fmt.Sprintf("induk-%d", i)), &mine, &mine); err != nil {
				t.Error(err)
			}
		}
	}()
	wg.Wait()
	if err := child.Wait(); err != nil {
		t.Fatalf("child: %v\n%s", err, childOut.String())
	}
	seen := map[string]bool{}
	for _, m := range numberLine.FindAllStringSubmatch(mine.String()+childOut.String(), -1) {
		if seen[m[1]] {
			t.Errorf("number %s printed twice", m[1])
		}
		seen[m[1]] = true
	}
	if len(seen) != 2*each {
		t.Fatalf("%d numbers:\n%s\n%s", len(seen), mine.String(), childOut.String())
	}

	// A corrected re-export of Triwulan I keeps its number on request.
	var out bytes.Buffer
	if err := run(exportArgs(db, dir, 1, "revisi", "--reuse-number"), &out, &out); err != nil {
		t.Fatal(err)
	}
	m := numberLine.FindStringSubmatch(out.String())
	if m == nil || !seen[m[1]] || !strings.Contains(out.String(), "terbit ulang") {
		t.Fatalf("reuse printed %q", out.String())
	}
	// The register lists all of them, the reissue marked, as CSV.
	out.Reset()
	if err := run([]string{"numbers", "--db", db}, &out, &out); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out.String(), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2*each+2 || recs[0][0] != "nomor" {
		t.Fatalf("register CSV:\n%s", out.String())
	}
	reissues := 0
	for _, r := range recs[1:] {
		if r[7] == "terbit ulang" {
			reissues++
		}
	}
	if reissues != 1 {
		t.Errorf("%d rows marked as reissue:\n%s", reissues, out.String())
	}
}

func TestNumbersHelpAndUsage(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"numbers", "--help"}, &out, &out); err != nil || !strings.Contains(out.String(), "register nomor laporan") {
		t.Errorf("--help: %v %q", err, out.String())
	}
	var ue usageError
	if err := run([]string{"numbers", "--bogus"}, &out, &out); err == nil || !errors.As(err, &ue) {
		t.Errorf("unknown flag: %v", err)
	}
}
