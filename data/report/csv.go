package report

import (
	"io"

	"github.com/humasdesk/humasdesk/data/csvimport"
)

// WriteCSV writes the report's activity list as CSV in the column layout of
// the activity import (csvimport.EntryHeader; docs/IMPORT.md), so that an
// exported file can be imported again: UTF-8 with a byte-order mark so that
// Excel reads it as UTF-8, comma-separated, CRLF line ends, dates as
// dd/mm/yyyy, the activity type by its Indonesian name, the strategy by
// number, Ya/Tidak, partner agencies by name separated by "; ". A
// consolidated (rollup) report adds a last column "kantor" with the owning
// office, which import ignores. Only activities are written; the summary
// tables are in the XLSX export.
//
// Excel with Indonesian regional settings expects ";" between cells and
// shows a comma file in one column; WriteCSVSeparator writes ";" instead,
// and import reads either.
func WriteCSV(w io.Writer, r *Report) error { return WriteCSVSeparator(w, r, ',') }

// WriteCSVSeparator is WriteCSV with the separator sep (',' or ';').
func WriteCSVSeparator(w io.Writer, r *Report, sep rune) error {
	cw, err := csvimport.NewWriter(w, sep)
	if err != nil {
		return err
	}
	header := csvimport.EntryHeader()
	if r.Rollup {
		header = append(header, csvimport.ColOffice)
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for i := range r.Activities {
		a := &r.Activities[i]
		rec := csvimport.EntryFields(&a.Entry, a.Partners)
		if r.Rollup {
			rec = append(rec, a.Office)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
