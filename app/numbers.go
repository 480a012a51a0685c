package app

import (
	"bytes"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/report"
)

// numbersView is Register nomor, the third tab of Kegiatan/Laporan: every
// report number issued by this office (this device's exports, the command
// line's, and other devices' once synced), newest first, with this
// device's numbers the server refused as a clash on top. It can be saved
// as CSV, as `humasdesk numbers` writes it.
type numbersView struct {
	u       *UI
	rows    []report.NumberRow
	table   *widget.Table
	summary *widget.Label
	content fyne.CanvasObject
}

// numberWidths are the widths of the register's columns.
var numberWidths = []float32{230, 110, 190, 110, 150, 230, 240}

func newNumbersView(u *UI) *numbersView {
	v := &numbersView{u: u, summary: widget.NewLabel("")}
	headers := []string{lang.L("Number"), lang.L("Issued on"), lang.L("Period"), lang.L("Kind"),
		lang.L("Issued by"), lang.L("File"), lang.L("Status")}
	v.summary.Wrapping = fyne.TextWrapWord
	v.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(v.rows), len(headers) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.cell(id.Row, id.Col)) },
	)
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		return l
	}
	v.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(headers) {
			o.(*widget.Label).SetText(headers[id.Col])
		}
	}
	for i, w := range numberWidths {
		v.table.SetColumnWidth(i, w)
	}
	save := widget.NewButtonWithIcon(lang.L("Save as CSV…"), theme.DocumentSaveIcon(), v.chooseFile)
	about := widget.NewLabel(lang.L("Every report number is taken from this register, by the app and by 'humasdesk export' alike, one sequence per pattern and year, and never given twice. A number another device of the office issued first is marked as a clash: export that report again for a new number."))
	about.Wrapping = fyne.TextWrapWord
	about.Importance = widget.LowImportance
	v.content = container.NewBorder(container.NewVBox(about, container.NewHBox(save, v.summary)), nil, nil, nil, v.table)
	v.refresh()
	return v
}

// cell is the text of one cell.
func (v *numbersView) cell(row, col int) string {
	if row < 0 || row >= len(v.rows) {
		return ""
	}
	r := v.rows[row]
	switch col {
	case 0:
		if r.Note != "" && !r.Clashed {
			return r.Number + " (" + r.Note + ")"
		}
		return r.Number
	case 1:
		return iddate.Short(r.IssuedOn)
	case 2:
		return r.Period
	case 3:
		return data.ReportKinds.Label(r.Kind, v.u.lang)
	case 4:
		return r.Issuer
	case 5:
		return r.File
	case 6:
		if r.Clashed {
			return r.Status.In(v.u.lang) + " — " + r.Note
		}
		return r.Status.In(v.u.lang)
	}
	return ""
}

// refresh reads the register again: after an export, a sync, or when the
// tab is shown.
func (v *numbersView) refresh() {
	rows, err := v.read()
	if err != nil {
		fyne.LogError("reading the register of numbers", err)
		return
	}
	v.rows = rows
	clashes := 0
	for _, r := range rows {
		if r.Clashed {
			clashes++
		}
	}
	text := lang.L("{{.Count}} numbers.", map[string]any{"Count": len(rows) - clashes})
	if clashes > 0 {
		text += " " + lang.L("{{.Count}} clashed: export those reports again.", map[string]any{"Count": clashes})
	}
	v.summary.SetText(text)
	v.table.Refresh()
}

func (v *numbersView) read() ([]report.NumberRow, error) {
	ctx := v.u.ctx()
	reg, err := v.u.store.ReportNumbers(ctx, v.u.officeID)
	if err != nil {
		return nil, err
	}
	clashed, err := v.u.store.ClashedReportNumbers(ctx)
	if err != nil {
		return nil, err
	}
	return report.NumberRows(reg, clashed), nil
}

// chooseFile asks where to save the register as CSV.
func (v *numbersView) chooseFile() {
	title := lang.L("Could not save the register")
	c := kit.FileChoice{ErrTitle: title, Name: "Register-nomor-laporan.csv", Exts: []string{".csv"}}
	v.u.chooseSave(c, func(w fyne.URIWriteCloser) {
		if err := v.writeCSV(w); err != nil {
			v.u.showError(title, err)
		}
	})
}

// writeCSV writes the register to w and closes it.
func (v *numbersView) writeCSV(w fyne.URIWriteCloser) error {
	var buf bytes.Buffer
	if err := report.WriteNumbersCSV(&buf, v.rows); err != nil {
		w.Close()
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		w.Close()
		return fmt.Errorf("%s: %w", uriText(w.URI()), err)
	}
	return w.Close()
}

// addNumberRegister puts the register beside the export in
// Kegiatan/Laporan, read again whenever it is shown.
func (u *UI) addNumberRegister() {
	u.numbers = newNumbersView(u)
	u.reports.Append(container.NewTabItemWithIcon(lang.L("Register of numbers"), theme.ListIcon(), u.numbers.content))
	shown := u.reports.OnSelected
	u.reports.OnSelected = func(ti *container.TabItem) {
		if shown != nil {
			shown(ti)
		}
		if ti.Content == u.numbers.content {
			u.numbers.refresh()
		}
	}
}
