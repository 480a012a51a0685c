package main

import (
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/report"
)

const numbersUsage = `Pemakaian: humasdesk numbers [--db FILE] [--out FILE.csv]

Menulis register nomor laporan (setiap nomor yang pernah diterbitkan
aplikasi atau 'humasdesk export', termasuk dari perangkat lain kantor
ini setelah sinkronisasi) sebagai CSV: nomor, tanggal terbit, periode,
jenis, oleh, file, format, keterangan, status. Tanpa --out, CSV ditulis
ke layar. Nomor yang bentrok dengan perangkat lain tercantum paling atas
dengan status "Bentrok".
`

// runNumbers writes the register of issued report numbers as CSV.
func runNumbers(args []string, out io.Writer) error {
	if slices.Contains(args, "-h") || slices.Contains(args, "--help") || slices.Contains(args, "-help") {
		fmt.Fprint(out, numbersUsage)
		return nil
	}
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
		return fmt.Errorf("numbers: tidak dapat menulis %s: %w", *outPath, err)
	}
	if err := report.WriteNumbersCSV(f, rows); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(out, "Register nomor laporan: %d nomor → %s\n", len(rows), *outPath)
	return nil
}

// printNumber tells which number an export carries and where it comes
// from; a CSV carries none.
func printNumber(out io.Writer, n *data.ReportNumber, reuse bool) {
	if n == nil {
		return
	}
	if reuse && !n.Reissue() {
		fmt.Fprintln(out, "Laporan ini belum pernah bernomor; nomor baru diterbitkan.")
	}
	fmt.Fprintln(out, report.NumberSummary(n))
}
