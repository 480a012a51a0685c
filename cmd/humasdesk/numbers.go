package main

import (
	"fmt"
	"io"
	"os"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/report"
)

// runNumbers writes the register of issued report numbers as CSV.
func runNumbers(args []string, out io.Writer) error {
	fs := newFlags("numbers")
	dbPath := fs.String("db", "", "database file")
	outPath := fs.String("out", "", "CSV file (default: standard output)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	reg, err := st.ReportNumbers(bgCtx(), "")
	if err != nil {
		return err
	}
	clashed, err := st.ClashedReportNumbers(bgCtx())
	if err != nil {
		return err
	}
	rows := report.NumberRows(reg, clashed)
	if *outPath == "" {
		return report.WriteNumbersCSV(out, rows)
	}
	f, err := os.Create(*outPath)
	if err != nil {
		return fmt.Errorf(say("numbers: tidak dapat menulis %s: %w", "numbers: cannot write %s: %w"), *outPath, err)
	}
	if err := report.WriteNumbersCSV(f, rows); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(out, say("Register nomor laporan: %d nomor → %s\n", "Register of report numbers: %d numbers → %s\n"), len(rows), *outPath)
	return nil
}

// printNumber tells which number an export carries and where it comes
// from; a CSV carries none.
func printNumber(out io.Writer, n *data.ReportNumber, reuse bool) {
	if n == nil {
		return
	}
	if reuse && !n.Reissue() {
		fmt.Fprintln(out, say("Laporan ini belum pernah bernomor; nomor baru diterbitkan.", "This report never had a number; a new one is issued."))
	}
	fmt.Fprintln(out, report.NumberSummary(n))
}
