package data

import "testing"

func TestReportNumberValidate(t *testing.T) {
	good := func() ReportNumber {
		return ReportNumber{Number: "001/HM.00.02/XII/2026", Sequence: 1, Pattern: "{no}/HM.00.02/{romawi}/{tahun}",
			Year: 2026, IssuedOn: NewDate(2026, 12, 7), PeriodYear: 2026, Quarter: 4, Format: "pdf"}
	}
	for _, tc := range []struct {
		name  string
		edit  func(n *ReportNumber)
		field string // "" = valid
	}{
		{"valid", func(*ReportNumber) {}, ""},
		{"typed by hand", func(n *ReportNumber) { n.Pattern, n.Sequence = "", 0 }, ""},
		{"no number", func(n *ReportNumber) { n.Number = " " }, "number"},
		{"sequence 0 with a pattern", func(n *ReportNumber) { n.Sequence = 0 }, "sequence"},
		{"sequence without a pattern", func(n *ReportNumber) { n.Pattern = "" }, "sequence"},
		{"issued in another year", func(n *ReportNumber) { n.IssuedOn = NewDate(2027, 1, 2) }, "issued_on"},
		{"reissued next year", func(n *ReportNumber) { n.IssuedOn, n.ReissueOf = NewDate(2027, 1, 2), "x" }, ""},
		{"no date", func(n *ReportNumber) { n.IssuedOn = Date{} }, "issued_on"},
		{"quarter 5", func(n *ReportNumber) { n.Quarter = 5 }, "period_year"},
		{"csv", func(n *ReportNumber) { n.Format = "csv" }, "format"},
		{"upper-case format", func(n *ReportNumber) { n.Format = " XLSX " }, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := good()
			tc.edit(&n)
			n.Normalize()
			err := n.Validate()
			ve, _ := AsValidation(err)
			switch {
			case tc.field == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tc.field != "" && (len(ve) != 1 || ve[0].Field != tc.field):
				t.Errorf("errors %v, want one on %s", err, tc.field)
			}
		})
	}
}

func TestReportNumberIDIsTheSameOnEveryDevice(t *testing.T) {
	a := ReportNumberID("kantor", "{no}/{tahun}", 2026, 5)
	if a != ReportNumberID("kantor", "{no}/{tahun}", 2026, 5) {
		t.Fatal("the id differs between calls")
	}
	for _, other := range []string{
		ReportNumberID("kantor-lain", "{no}/{tahun}", 2026, 5),
		ReportNumberID("kantor", "{no}/X/{tahun}", 2026, 5),
		ReportNumberID("kantor", "{no}/{tahun}", 2027, 5),
		ReportNumberID("kantor", "{no}/{tahun}", 2026, 6),
	} {
		if other == a {
			t.Errorf("two numbers share the id %s", a)
		}
	}
}
