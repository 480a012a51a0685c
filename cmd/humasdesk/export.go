package main

import (
	"fmt"
	"io"
	"os"

	"github.com/humasdesk/humasdesk/data/report"
	"github.com/humasdesk/humasdesk/data/store"
)

// runExport writes a period's report: PDF, XLSX or CSV.
func runExport(args []string, out io.Writer) error {
	fs := newFlags("export")
	dbPath := fs.String("db", "", "database file")
	year := fs.Int("year", 0, "year")
	quarter := fs.Int("quarter", 0, "quarter 1..4")
	annual := fs.Bool("annual", false, "the whole year")
	outPath := fs.String("out", "", "output file")
	format := fs.String("format", "", "pdf, xlsx or csv (default: from --out)")
	rollup := fs.Bool("rollup", false, "include the offices under this one")
	office := fs.String("office", "", "office id (default: this installation's)")
	number := fs.String("number", "", "document number (default: from the settings' pattern)")
	signer := fs.String("signer", "", "the signer: id or name of a person with the Penandatangan role (default: Pengaturan → Laporan)")
	reuse := fs.Bool("reuse-number", false, "give the report the number it was last issued with")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	p, err := exportPeriod(*year, *quarter, *annual)
	if err != nil {
		return err
	}
	if *outPath == "" {
		return usageError{say("export: --out FILE wajib diisi", "export: --out FILE is required")}
	}
	if *format == "" {
		if *format, err = report.FormatOf(*outPath); err != nil {
			return usageError{"export: " + err.Error()}
		}
	} else if *format != report.FormatPDF && *format != report.FormatXLSX && *format != report.FormatCSV {
		return usageError{fmt.Sprintf(say("export: --format %q tidak dikenal (pdf, xlsx, atau csv)", "export: unknown --format %q (pdf, xlsx or csv)"), *format)}
	}
	st, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	opt, err := report.OptionsFromSettings(bgCtx(), st, report.Options{OfficeID: *office, Period: p, Rollup: *rollup, Number: *number, SignerID: *signer})
	if err != nil {
		return err
	}
	if *format == report.FormatPDF {
		if err := preparePhotos(st, progressOut); err != nil {
			return err
		}
	}
	r, num, err := report.ExportNumbered(bgCtx(), st, opt, *format, *outPath, report.Numbered{Reuse: *reuse}, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, say("%s (%s): %d kegiatan, %d kantor → %s\n", "%s (%s): %d activities, %d offices → %s\n"), r.Title, *format, r.Total.Count, len(r.Offices), *outPath)
	exportStates(out, r)
	printNumber(out, num, *reuse)
	return nil
}

func exportPeriod(year, quarter int, annual bool) (report.Period, error) {
	switch {
	case year == 0:
		return report.Period{}, usageError{say("export: --year wajib diisi", "export: --year is required")}
	case annual && quarter != 0:
		return report.Period{}, usageError{say("export: pilih --quarter atau --annual, bukan keduanya", "export: choose --quarter or --annual, not both")}
	case !annual && quarter == 0:
		return report.Period{}, usageError{say("export: --quarter 1..4 atau --annual wajib diisi", "export: --quarter 1..4 or --annual is required")}
	}
	p := report.Period{Year: year, Quarter: quarter}
	if err := p.Validate(); err != nil {
		return p, usageError{"export: " + err.Error()}
	}
	return p, nil
}

// exportStates says how the activities divide by state and, for a period
// that has not ended, that the figures are those of today.
func exportStates(out io.Writer, r *report.Report) {
	t := r.Total
	fmt.Fprintf(out, say("  %d terlaksana, %d tidak terlaksana, %d direncanakan\n", "  %d carried out, %d not carried out, %d planned\n"), t.Realised, t.NotRealised, t.Planned)
	if note := r.UnfinishedNote(); note != "" {
		fmt.Fprintln(out, "  "+note)
	}
}

// progressOut is where progress lines go: standard error, so that the
// output stays what scripts read.
var progressOut io.Writer = os.Stderr

// preparePhotos makes the smaller copies of photos that lack them (a
// database from before they existed), once, with a progress line on
// progress, so that the PDF embeds report-size photos.
func preparePhotos(st *store.Store, progress io.Writer) error {
	shown := false
	failed, err := st.MakeMissingPhotoCopies(bgCtx(), func(done, total int) {
		if total > 0 {
			fmt.Fprintf(progress, "\rMenyiapkan foto (sekali saja): %d dari %d", done, total)
			shown = true
		}
	})
	if shown {
		fmt.Fprintln(progress)
	}
	if failed > 0 {
		fmt.Fprintf(progress, "%d file foto rusak atau tidak terbaca; di laporan tampil sebagai foto tidak tersedia\n", failed)
	}
	return err
}
