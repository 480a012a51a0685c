package report

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
)

// plannedFixture is an office with a filled profile and, in the fourth
// quarter of 2026 seen on 7 December 2026, two activities done, one not
// done and two planned (one of them after the period's last data day).
func plannedFixture(t *testing.T) (*Report, Options) {
	t.Helper()
	st := openStore(t)
	office, _ := st.CurrentOffice(bctx)
	office.Name, office.Region, office.HeadName, office.HeadPosition = "KPU Kabupaten Sleman", "Sleman", "Ahmad", "Ketua"
	if err := st.SaveOffice(bctx, office); err != nil {
		t.Fatal(err)
	}
	withState := func(e *data.Entry, status, reason string) *data.Entry {
		e.Status, e.NotDoneReason = status, reason
		return e
	}
	mustInsert(t, st,
		withState(act("", "Rapat evaluasi Oktober", 7, data.NewDate(2026, 10, 5), true, 20), data.EntryDone, ""),
		withState(act("", "Sosialisasi November", 4, data.NewDate(2026, 11, 12), true, 50), data.EntryDone, ""),
		withState(act("", "Pelatihan juru bicara", 8, data.NewDate(2026, 11, 20), false, 0), data.EntryNotDone, "Narasumber berhalangan"),
		withState(act("", "Rapat koordinasi akhir tahun", 2, data.NewDate(2026, 12, 15), false, 30), data.EntryPlanned, ""),
		withState(act("", "Refleksi akhir tahun", 6, data.NewDate(2026, 12, 29), false, 40), data.EntryPlanned, ""),
	)
	opt := Options{Period: Period{2026, 4}, Today: data.NewDate(2026, 12, 7), SignDate: data.NewDate(2026, 12, 7)}
	r, err := Build(bctx, st, opt)
	if err != nil {
		t.Fatal(err)
	}
	return r, opt
}

// Planned activities are counted apart, never as not done, and leave their
// targets out of the figures.
func TestPlannedCountedApart(t *testing.T) {
	r, _ := plannedFixture(t)
	want := Tally{Count: 5, Realised: 2, NotRealised: 1, Planned: 2, Participants: 70, Outputs: 3, Reach: 300}
	if r.Total != want {
		t.Errorf("total %+v, want %+v", r.Total, want)
	}
	if m := r.Months[2]; m.Planned != 2 || m.NotRealised != 0 || m.Count != 2 {
		t.Errorf("December %+v", m.Tally)
	}
	if s := r.Strategies[1]; s.Planned != 1 || s.NotRealised != 0 {
		t.Errorf("strategy 2 %+v", s)
	}
	if !r.Unfinished || r.UnfinishedNote() != "Periode belum berakhir: data per 7 Desember 2026" {
		t.Errorf("unfinished %v %q", r.Unfinished, r.UnfinishedNote())
	}
}

// Read back from the PDF: the cover says the period has not ended, the
// summary counts each state, the tables have a Direncanakan column, and
// the list marks planned and not-done activities (with the reason).
func TestPDFPlannedAndUnfinished(t *testing.T) {
	tools := needPDFTools(t)
	r, _ := plannedFixture(t)
	doc := tools.render(t, r, "")
	if !strings.Contains(doc.pages[0], "Periode belum berakhir: data per 7 Desember 2026") {
		t.Errorf("cover lacks the unfinished-period note:\n%s", doc.pages[0])
	}
	for _, want := range []string{
		"5 kegiatan kehumasan: 2 terlaksana, 1 tidak terlaksana, dan 2 direncanakan",
		"(direncanakan)", "(tidak terlaksana: Narasumber berhalangan)",
	} {
		if !strings.Contains(doc.flat, want) {
			t.Errorf("PDF lacks %q:\n%s", want, doc.flat)
		}
	}
	table := pdfSection(doc.text(), "Rekapitulasi Menurut Strategi Bakohumas", "Rekapitulasi Menurut Jenis Kegiatan")
	if !strings.Contains(table, "Direncanakan") {
		t.Errorf("strategy table has no Direncanakan column:\n%s", table)
	}
	// Jumlah, Terlaksana, Tidak terlaksana, Direncanakan, Peserta, Keluaran, Jangkauan
	if !regexpTotal.MatchString(table) {
		t.Errorf("strategy total row is not 5 2 1 2 70 3 300:\n%s", table)
	}

	// A period that has ended says nothing of the kind.
	r.Unfinished = false
	doc = tools.render(t, r, "")
	if strings.Contains(doc.text(), "Periode belum berakhir") {
		t.Error("an ended period is called unfinished")
	}
}

// A PDF or XLSX of an office whose profile was never filled in is refused,
// naming what is missing and where to fill it, and nothing is written; a
// CSV holds only activities and goes out.
func TestExportRefusesEmptyProfile(t *testing.T) {
	st := openStore(t)
	dir := t.TempDir()
	opt := Options{Period: Period{2026, 4}}
	for _, format := range []string{FormatPDF, FormatXLSX} {
		path := filepath.Join(dir, "laporan."+format)
		_, err := Export(bctx, st, opt, format, path, nil)
		var nr *NotReadyError
		if !errors.As(err, &nr) || !strings.Contains(err.Error(), "nama kantor") || !strings.Contains(err.Error(), WhereProfile) {
			t.Errorf("%s: %v", format, err)
		}
		if _, err := os.Stat(path); !os.IsNotExist(err) {
			t.Errorf("%s written anyway", format)
		}
	}
	office, _ := st.CurrentOffice(bctx)
	office.Name, office.Region = "KPU Kabupaten Sleman", "Sleman"
	if err := st.SaveOffice(bctx, office); err != nil {
		t.Fatal(err)
	}
	_, err := Export(bctx, st, opt, FormatPDF, filepath.Join(dir, "laporan.pdf"), nil)
	if err == nil || strings.Contains(err.Error(), "nama kantor") || !strings.Contains(err.Error(), "nama pimpinan (penanda tangan)") ||
		!strings.Contains(err.Error(), WhereProfile) {
		t.Errorf("no signer: %v", err)
	}
	if _, err := Export(bctx, st, opt, FormatXLSX, filepath.Join(dir, "laporan.xlsx"), nil); err != nil {
		t.Errorf("xlsx with a named office: %v", err)
	}
	if _, err := Export(bctx, st, opt, FormatCSV, filepath.Join(dir, "kegiatan.csv"), nil); err != nil {
		t.Errorf("csv: %v", err)
	}
}

// A consolidated report of an office with nobody under it is an error
// naming the office, not a report "beserta 0 kantor di bawahnya".
func TestRollupWithoutOfficesBelow(t *testing.T) {
	st := openStore(t)
	office, _ := st.CurrentOffice(bctx)
	office.Name = "KPU DIY"
	st.SaveOffice(bctx, office)
	_, err := Build(bctx, st, Options{Period: Period{2026, 4}, Rollup: true})
	var nb *NoOfficesBelowError
	if !errors.As(err, &nb) || !strings.Contains(err.Error(), "belum ada kantor di bawah KPU DIY") {
		t.Errorf("rollup alone: %v", err)
	}
}

var regexpTotal = regexp.MustCompile(`(?m)^\s*Jumlah\s+5\s+2\s+1\s+2\s+70\s+3\s+300\s*$`)
