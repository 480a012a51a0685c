package report

import (
	"io"
	"strconv"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/csvimport"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
)

// NumberRow is one line of the register as people read it: what the view
// in the app and the CSV export show.
type NumberRow struct {
	Number   string
	IssuedOn data.Date
	Period   string // "Triwulan II Tahun 2026", "Tahun 2026"
	Kind     string // a data.ReportKinds code
	Issuer   string
	File     string
	Format   string
	Note     string // "terbit ulang", "diisi tangan"
	Status   data.Text
	Clashed  bool
}

// Statuses of a register row.
var (
	NumberSynced  = data.Text{ID: "Tercatat di server", EN: "Recorded at the server"}
	NumberLocal   = data.Text{ID: "Belum tersinkron", EN: "Not yet synced"}
	NumberClashed = data.Text{ID: "Bentrok: ekspor ulang untuk nomor baru", EN: "Clash: export again for a new number"}
)

// NumberRows makes the register's lines: the clashed issues of this device
// first (they need the user), then the register, newest first.
func NumberRows(reg []data.ReportNumber, clashed []store.ClashedNumber) []NumberRow {
	out := make([]NumberRow, 0, len(reg)+len(clashed))
	for _, c := range clashed {
		r := numberRow(&c.ReportNumber)
		r.Status, r.Clashed = NumberClashed, true
		r.Note = c.Reason
		out = append(out, r)
	}
	for i := range reg {
		out = append(out, numberRow(&reg[i]))
	}
	return out
}

func numberRow(n *data.ReportNumber) NumberRow {
	r := NumberRow{Number: n.Number, IssuedOn: n.IssuedOn, Period: Period{Year: n.PeriodYear, Quarter: n.Quarter}.Name(),
		Kind: n.Kind(), Issuer: n.Issuer, File: n.FileName, Format: n.Format, Status: NumberLocal}
	if r.Issuer == "" {
		r.Issuer = n.UpdatedBy
	}
	if n.Version > 0 {
		r.Status = NumberSynced
	}
	switch {
	case n.Reissue():
		r.Note = "terbit ulang"
	case n.Manual():
		r.Note = "diisi tangan"
	}
	return r
}

// NumbersHeader is the CSV export's header.
var NumbersHeader = []string{"nomor", "tanggal_terbit", "periode", "jenis", "oleh", "file", "format", "keterangan", "status"}

// WriteNumbersCSV writes the register as CSV, as the activity export does
// (UTF-8 with a byte-order mark, CRLF, dates dd/mm/yyyy).
func WriteNumbersCSV(w io.Writer, rows []NumberRow) error {
	cw, err := csvimport.NewWriter(w, ',')
	if err != nil {
		return err
	}
	if err := cw.Write(NumbersHeader); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write([]string{r.Number, iddate.Short(r.IssuedOn), r.Period, data.ReportKinds.Label(r.Kind, data.LangID), r.Issuer, r.File,
			r.Format, r.Note, r.Status.ID}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// NumberSummary is one line about an issued number, for the command line.
func NumberSummary(n *data.ReportNumber) string {
	s := "Nomor " + n.Number
	switch {
	case n.Reissue():
		s += " (terbit ulang, nomor yang sama dengan ekspor sebelumnya)"
	case n.Manual():
		s += " (diisi tangan)"
	default:
		s += " (nomor urut " + strconv.Itoa(n.Sequence) + " tahun " + strconv.Itoa(n.Year) + ")"
	}
	return s + " — tercatat di register nomor"
}
