package data

import (
	"crypto/sha1"
	"fmt"
	"strings"

	"github.com/google/uuid"
)

// ReportNumber is one row of the register of issued report numbers: the
// document number a quarterly or annual report went out with, who issued
// it, when, for which period, and into which file. Numbers come from one
// sequence per pattern and year of issue (store.IssueReportNumber); a
// re-export of the same report may carry its earlier number again, and
// then its row names the first issue in ReissueOf.
//
// Rows sync like every shared record. A first issue's id is derived from
// its office, pattern, year and sequence (ReportNumberID), so that two
// devices of an office that issue the same number offline write the same
// record: the server already holds one, and the second device's write
// meets it as a clash that the server refuses (docs/REPORTS.md).
type ReportNumber struct {
	Meta
	Number     string `json:"number"`   // as printed, e.g. "012/HM.00.02/XII/2026"
	Sequence   int    `json:"sequence"` // the {no} of the pattern
	Pattern    string `json:"pattern"`  // the pattern the number was made from
	Year       int    `json:"year"`     // the year of issue: the sequence's year
	IssuedOn   Date   `json:"issued_on"`
	PeriodYear int    `json:"period_year"` // the year reported on
	Quarter    int    `json:"quarter"`     // 1..4, or 0 for the whole year
	Rollup     bool   `json:"rollup"`      // a consolidated (gabungan) report
	Format     string `json:"format"`      // pdf or xlsx
	FileName   string `json:"file_name"`   // the file's name, without its folder
	Issuer     string `json:"issuer"`      // the person who exported it
	ReissueOf  string `json:"reissue_of"`  // the first issue's id, for a reuse
}

// Field labels of ReportNumber.
var (
	LabelReportNumber   = Text{"Nomor laporan", "Report number"}
	LabelReportSequence = Text{"Nomor urut", "Sequence number"}
	LabelNumberPattern  = Text{"Pola nomor", "Number pattern"}
	LabelIssueYear      = Text{"Tahun penerbitan", "Year of issue"}
	LabelIssuedOn       = Text{"Tanggal terbit", "Issued on"}
	LabelReportPeriod   = Text{"Periode laporan", "Report period"}
	LabelReportFormat   = Text{"Format", "Format"}
	LabelReportFile     = Text{"Nama file", "File name"}
	LabelIssuer         = Text{"Penerbit nomor", "Issued by"}
)

// ReportKinds name a report by its period and scope.
var ReportKinds = Vocabulary{
	{"triwulan", Text{"Triwulan", "Quarterly"}},
	{"tahunan", Text{"Tahunan", "Annual"}},
	{"gabungan", Text{"Gabungan", "Consolidated"}},
}

// RecordKind implements Record.
func (*ReportNumber) RecordKind() string { return "report_number" }

// Normalize implements Record.
func (n *ReportNumber) Normalize() {
	clean(&n.Number, &n.Pattern, &n.Format, &n.FileName, &n.Issuer, &n.ReissueOf)
	n.Format = strings.ToLower(n.Format)
}

// Validate implements Record.
func (n *ReportNumber) Validate() error {
	var c checker
	c.text("number", LabelReportNumber, n.Number, true, MaxShort)
	// A number typed by hand has no pattern and no sequence.
	c.text("pattern", LabelNumberPattern, n.Pattern, false, MaxShort)
	if (n.Pattern != "" && n.Sequence < 1) || (n.Pattern == "" && n.Sequence != 0) {
		c.add("sequence", LabelReportSequence, RuleRange)
	}
	if n.Year < 2000 || n.Year > 9999 {
		c.add("year", LabelIssueYear, RuleRange)
	}
	if n.IssuedOn.IsZero() {
		c.add("issued_on", LabelIssuedOn, RuleRequired)
	} else if n.IssuedOn.Year != n.Year && n.ReissueOf == "" {
		// A reissue keeps its first issue's number, and so its year.
		c.add("issued_on", LabelIssuedOn, RuleRange)
	}
	if n.PeriodYear < 2000 || n.PeriodYear > 9999 || n.Quarter < 0 || n.Quarter > 4 {
		c.add("period_year", LabelReportPeriod, RuleRange)
	}
	if n.Format != "pdf" && n.Format != "xlsx" {
		c.add("format", LabelReportFormat, RuleUnknown)
	}
	c.text("file_name", LabelReportFile, n.FileName, false, MaxLine)
	c.maxLen("issuer", LabelIssuer, n.Issuer, MaxShort)
	c.maxLen("reissue_of", LabelReportNumber, n.ReissueOf, MaxShort)
	return c.err()
}

// Kind is "triwulan", "tahunan" or, for a consolidated report, "gabungan".
func (n *ReportNumber) Kind() string {
	switch {
	case n.Rollup:
		return "gabungan"
	case n.Quarter == 0:
		return "tahunan"
	}
	return "triwulan"
}

// Manual reports whether the number was typed by hand rather than drawn
// from the sequence.
func (n *ReportNumber) Manual() bool { return n.Pattern == "" }

// Reissue reports whether the row records a number used again.
func (n *ReportNumber) Reissue() bool { return n.ReissueOf != "" }

// SameReport reports whether the row was issued for the report of that
// period and scope: the report a re-export may reuse the number of.
func (n *ReportNumber) SameReport(periodYear, quarter int, rollup bool) bool {
	return n.PeriodYear == periodYear && n.Quarter == quarter && n.Rollup == rollup
}

// reportNumberSpace is the UUID namespace of ReportNumberID.
var reportNumberSpace = uuid.MustParse("6f1d3c2a-8e5b-5a47-9c1e-2b7d4a9e0c53")

// ReportNumberID is the id of the first issue of a number: the same on
// every device for the same office, pattern, year and sequence, so that a
// number issued twice offline is one record at the server, which keeps
// the first write and refuses the other.
func ReportNumberID(officeID, pattern string, year, seq int) string {
	name := fmt.Sprintf("%s\x00%s\x00%d\x00%d", officeID, pattern, year, seq)
	return uuid.NewHash(sha1.New(), reportNumberSpace, []byte(name), 5).String()
}
