package report

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// Numbered is what ExportNumbered asks besides the report: how the number
// is chosen.
type Numbered struct {
	// Reuse gives the report the number it was last issued with, when it
	// has one (a corrected re-export); otherwise a new number is drawn.
	Reuse bool
}

// IssueNumber registers the document number of a report written in format
// to file and returns opt with that number, and the register's row. The
// number is the one typed by hand (opt.Number), the report's earlier one
// (n.Reuse), or the next of the pattern's sequence for the year of
// signing. A CSV carries no number and gets none.
func IssueNumber(ctx context.Context, st *store.Store, opt Options, format, file string, n Numbered) (Options, *data.ReportNumber, error) {
	if format == FormatCSV {
		return opt, nil, nil
	}
	if opt.SignDate.IsZero() {
		opt.SignDate = data.Today() // fixed now, so the number and the signature agree
	}
	pattern := opt.NumberPattern
	if pattern == "" {
		pattern = DefaultNumberPattern
	}
	if opt.Number == "" && !strings.Contains(pattern, "{no}") {
		// Every report would carry the same number.
		return opt, nil, fmt.Errorf("pola nomor %q tidak memuat {no} (nomor urut); perbaiki di Pengaturan → Laporan", pattern)
	}
	row, err := st.IssueReportNumber(ctx, store.NumberRequest{
		OfficeID: opt.OfficeID, Pattern: pattern, IssuedOn: opt.SignDate,
		PeriodYear: opt.Period.Year, Quarter: opt.Period.Quarter, Rollup: opt.Rollup,
		Format: format, FileName: filepath.Base(file), Reuse: n.Reuse, Manual: opt.Number,
		Make: func(seq int) string { return FormatNumber(pattern, seq, opt.SignDate, opt.Period) },
	})
	if err != nil {
		return opt, nil, err
	}
	opt.Number = row.Number
	return opt, row, nil
}

// ExportNumbered is Export with a number from the register: the app and
// the command line both export through it, so they draw from one
// sequence. A number whose report could not be written is withdrawn.
func ExportNumbered(ctx context.Context, st *store.Store, opt Options, format, path string, n Numbered, progress func(done, total int)) (*Report, *data.ReportNumber, error) {
	if err := opt.Period.Validate(); err != nil {
		return nil, nil, err
	}
	opt, row, err := IssueNumber(ctx, st, opt, format, path, n)
	if err != nil {
		return nil, nil, err
	}
	r, err := Export(ctx, st, opt, format, path, progress)
	if err != nil && row != nil {
		if werr := st.WithdrawReportNumber(ctx, row.ID); werr != nil {
			err = errors.Join(err, werr)
		}
		return nil, nil, err
	}
	return r, row, err
}
