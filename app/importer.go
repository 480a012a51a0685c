package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/csvimport"
	"github.com/humasdesk/humasdesk/data/iddate"
)

// csvImporter imports one kind of record (activities or agencies) from a
// CSV file. It always goes through a preview: the file is read and checked
// in the background with csvimport's Preview, which writes nothing, and the
// user sees how many lines will be imported, which are skipped as
// duplicates and every problem by line and column. Only the preview's
// "Impor" button writes, and it is enabled only for a file without
// problems; the import itself is all-or-nothing (csvimport).
type csvImporter struct {
	u      *UI
	kind   string         // csvimport.KindEntries or csvimport.KindAgencies
	after  func(n int)    // told how many records an import wrote
	button *widget.Button // "Impor CSV…", in the list's toolbar

	// The file being previewed, and what the preview found.
	name string
	raw  []byte
	res  *csvimport.Result

	// The preview dialog and its parts, for the import and for tests.
	preview   *dialog.CustomDialog
	importBtn *widget.Button
	problems  *widget.Table
	rows      *widget.Table
	summary   map[string]*widget.Label // by key: lines, import, duplicates, problems
	detail    *widget.Label            // the full text of the problem selected
	busy      dialog.Dialog            // "checking the file…"
	last      <-chan struct{}          // closed when the last import has shown its result
}

func newCSVImporter(u *UI, kind string, after func(n int)) *csvImporter {
	im := &csvImporter{u: u, kind: kind, after: after}
	im.button = widget.NewButtonWithIcon(lang.L("Import CSV…"), theme.UploadIcon(), im.start)
	return im
}

// what names the records: "kegiatan" or "instansi", in the UI's language.
func (im *csvImporter) what() string {
	if im.kind == csvimport.KindAgencies {
		return lang.L("agencies")
	}
	return lang.L("activities")
}

func (im *csvImporter) columns() []csvimport.Column {
	if im.kind == csvimport.KindAgencies {
		return csvimport.AgencyColumns()
	}
	return csvimport.EntryColumns()
}

// start explains the file layout and offers to choose a file or to save
// the template to fill in.
func (im *csvImporter) start() {
	intro := widget.NewLabel(lang.L("Choose a CSV file with a header line, for example saved from Excel as “CSV UTF-8”. Comma, semicolon or tab separators are recognised. Nothing is stored before you confirm the preview.") +
		im.agencyAdvice())
	intro.Wrapping = fyne.TextWrapWord
	// One rich text for all columns: each column's name in bold, then
	// what it accepts, with no gap between them as labels would leave.
	var segs []widget.RichTextSegment
	for _, c := range im.columns() {
		head := c.Name + " — " + c.Label
		if c.Required {
			head += " (" + lang.L("required") + ")"
		}
		segs = append(segs,
			&widget.TextSegment{Text: head, Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}},
			&widget.TextSegment{Text: c.Help, Style: widget.RichTextStyleParagraph})
	}
	cols := widget.NewRichText(segs...)
	cols.Wrapping = fyne.TextWrapWord
	colCard := widget.NewCard(lang.L("Columns"), "", cols)
	body := container.NewBorder(intro, nil, nil, nil, container.NewVScroll(colCard))

	var d *dialog.CustomDialog
	choose := widget.NewButtonWithIcon(lang.L("Choose file…"), theme.FolderOpenIcon(), func() {
		d.Hide()
		im.chooseFile()
	})
	choose.Importance = widget.HighImportance
	tmpl := widget.NewButtonWithIcon(lang.L("Save template…"), theme.DocumentSaveIcon(), im.chooseTemplateFile)
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Import {{.What}} from CSV", map[string]any{"What": im.what()}), body, im.u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, tmpl, choose})
	d.Resize(fyne.NewSize(760, 560))
	d.Show()
}

func (im *csvImporter) agencyAdvice() string {
	if im.kind != csvimport.KindEntries {
		return ""
	}
	return " " + lang.L("Import the partner agencies first: the partner column finds agencies by name.")
}

// chooseFile asks for the CSV file and previews it.
func (im *csvImporter) chooseFile() {
	im.u.chooseOpen(kit.FileChoice{ErrTitle: lang.L("Could not open the file"), Exts: []string{".csv", ".CSV", ".txt"}},
		func(r fyne.URIReadCloser) { im.load(r.URI().Name(), r) })
}

// load reads the file and previews it in the background, then shows the
// preview. It closes r. The returned channel is closed once the preview
// (or the error) is shown.
func (im *csvImporter) load(name string, r io.ReadCloser) <-chan struct{} {
	done := make(chan struct{})
	im.showBusy(lang.L("Checking the file…"))
	go func() {
		defer close(done)
		raw, err := io.ReadAll(io.LimitReader(r, csvimport.MaxBytes+1))
		r.Close()
		var res *csvimport.Result
		if err == nil {
			res, err = im.previewBytes(raw)
		}
		fyne.DoAndWait(func() {
			im.hideBusy()
			if err != nil {
				im.u.showError(lang.L("Could not read the CSV file"), err)
				return
			}
			im.name, im.raw, im.res = name, raw, res
			im.showPreview()
		})
	}()
	return done
}

func (im *csvImporter) options() csvimport.Options {
	return csvimport.Options{OfficeID: im.u.officeID}
}

func (im *csvImporter) previewBytes(raw []byte) (*csvimport.Result, error) {
	if im.kind == csvimport.KindAgencies {
		return csvimport.PreviewAgencies(im.u.ctx(), im.u.store, bytes.NewReader(raw), im.options())
	}
	return csvimport.PreviewEntries(im.u.ctx(), im.u.store, bytes.NewReader(raw), im.options())
}

func (im *csvImporter) importBytes(raw []byte) (*csvimport.Result, error) {
	if im.kind == csvimport.KindAgencies {
		return csvimport.ImportAgencies(im.u.ctx(), im.u.store, bytes.NewReader(raw), im.options())
	}
	return csvimport.ImportEntries(im.u.ctx(), im.u.store, bytes.NewReader(raw), im.options())
}

func (im *csvImporter) showBusy(text string) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(lang.L("Please wait"), container.NewVBox(widget.NewLabel(text), bar), im.u.win)
	d.SetOnClosed(bar.Stop)
	im.busy = d
	d.Show()
}

func (im *csvImporter) hideBusy() {
	if im.busy != nil {
		im.busy.Hide()
		im.busy = nil
	}
}

// toImport is how many records the previewed file would write.
func (im *csvImporter) toImport() int {
	return len(im.res.Entries) + len(im.res.Agencies)
}

// showPreview shows what the preview found: counts, the problems, the
// lines to import and the duplicates skipped.
func (im *csvImporter) showPreview() {
	res := im.res
	im.summary = map[string]*widget.Label{}
	im.problems, im.rows = nil, nil
	// The counts side by side, each a caption over a bold figure.
	count := func(key, caption string, n int) fyne.CanvasObject {
		l := widget.NewLabel(strconv.Itoa(n))
		l.TextStyle.Bold = true
		l.SizeName = theme.SizeNameSubHeadingText
		im.summary[key] = l
		c := widget.NewLabel(caption)
		return container.NewVBox(c, l)
	}
	counts := container.NewGridWithColumns(4,
		count("lines", lang.L("Lines read"), res.Lines),
		count("import", lang.L("To import"), im.toImport()),
		count("duplicates", lang.L("Duplicates skipped"), len(res.Duplicates)),
		count("problems", lang.L("Problems"), len(res.Errors)),
	)
	verdict := widget.NewLabel("")
	verdict.Wrapping = fyne.TextWrapWord
	switch {
	case !res.OK():
		verdict.SetText(lang.L("The file has problems. Correct them in the file and import it again; nothing has been stored."))
		verdict.Importance = widget.DangerImportance
	case im.toImport() == 0:
		verdict.SetText(lang.L("There are no new lines to import."))
		verdict.Importance = widget.WarningImportance
	case len(res.Warnings) > 0:
		verdict.SetText(lang.L("The file is in order, but some cells were not UTF-8 and were read as Windows-1252. Check them under “Check” before you import."))
		verdict.Importance = widget.WarningImportance
	default:
		verdict.SetText(lang.L("The file is in order. Press Import to store the lines listed under “To import”."))
		verdict.Importance = widget.SuccessImportance
	}
	im.summary["verdict"] = verdict

	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("Problems")+" ("+strconv.Itoa(len(res.Errors))+")", im.problemList()),
		container.NewTabItem(lang.L("To import")+" ("+strconv.Itoa(im.toImport())+")", im.rowTable()),
		container.NewTabItem(lang.L("Duplicates skipped")+" ("+strconv.Itoa(len(res.Duplicates))+")", im.duplicateTable()),
	)
	if len(res.Warnings) > 0 {
		tabs.Append(container.NewTabItem(lang.L("Check")+" ("+strconv.Itoa(len(res.Warnings))+")", warningList(res.Warnings)))
	}
	if res.OK() {
		tabs.SelectIndex(1)
	}
	body := container.NewBorder(container.NewVBox(counts, verdict), nil, nil, nil, tabs)

	var d *dialog.CustomDialog
	im.importBtn = widget.NewButtonWithIcon(lang.L("Import"), theme.ConfirmIcon(), func() { im.runImport() })
	im.importBtn.Importance = widget.HighImportance
	if !res.OK() || im.toImport() == 0 {
		im.importBtn.Disable()
	}
	tmpl := widget.NewButtonWithIcon(lang.L("Save template…"), theme.DocumentSaveIcon(), im.chooseTemplateFile)
	cancel := widget.NewButton(lang.L("Cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("Preview of the import")+": "+im.name, body, im.u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, tmpl, im.importBtn})
	d.Resize(fyne.NewSize(900, 620))
	im.preview = d
	d.Show()
}

// problemList is the problems as a table (line, column, reason), with the
// whole text of the one selected underneath: reasons can be long.
func (im *csvImporter) problemList() fyne.CanvasObject {
	errs := im.res.Errors
	im.detail = widget.NewLabel("")
	im.detail.Wrapping = fyne.TextWrapWord
	if len(errs) == 0 {
		return container.NewCenter(widget.NewLabel(lang.L("No problems.")))
	}
	headers := []string{lang.L("Line"), lang.L("Column"), lang.L("Problem")}
	im.problems = newTextTable(headers, []float32{70, 150, 620}, len(errs), func(row, col int) string {
		return problemCell(errs[row], col)
	})
	im.problems.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(errs) {
			im.detail.SetText(errs[id.Row].Error())
		}
	}
	im.detail.SetText(lang.L("Select a problem to read all of it."))
	// A wrapped label reports the height of one line until it is laid
	// out; a scroll of fixed height keeps a long reason off the buttons.
	detail := container.NewVScroll(im.detail)
	detail.SetMinSize(fyne.NewSize(0, 64))
	return container.NewBorder(nil, detail, nil, nil, im.problems)
}

// warningList is the cells read on a guess (csvimport.Result.Warnings):
// line, column and what was read.
func warningList(ws csvimport.Errors) fyne.CanvasObject {
	headers := []string{lang.L("Line"), lang.L("Column"), lang.L("Problem")}
	return newTextTable(headers, []float32{70, 150, 620}, len(ws), func(row, col int) string {
		return problemCell(ws[row], col)
	})
}

// problemCell is what the problem table shows in a column.
func problemCell(e csvimport.LineError, col int) string {
	switch col {
	case 0:
		if e.Line == 0 {
			return "—"
		}
		return strconv.Itoa(e.Line)
	case 1:
		if e.Column == "" {
			return "—"
		}
		return e.Column
	}
	return e.Reason
}

// rowTable lists the lines that will be imported, as they will be stored.
func (im *csvImporter) rowTable() fyne.CanvasObject {
	l := im.u.lang
	res := im.res
	var headers []string
	var widths []float32
	var n int
	var cell func(row, col int) string
	if im.kind == csvimport.KindAgencies {
		headers = []string{lang.L("Line"), data.LabelName.In(l), data.LabelKind.In(l), data.LabelLevel.In(l), data.LabelRegion.In(l)}
		widths = []float32{70, 300, 170, 120, 180}
		n = len(res.Agencies)
		cell = func(row, col int) string {
			r := res.Agencies[row]
			switch col {
			case 0:
				return strconv.Itoa(r.Line)
			case 1:
				return r.Agency.Name
			case 2:
				return data.AgencyKinds.Label(r.Agency.Kind, l)
			case 3:
				return data.Levels.Label(r.Agency.Level, l)
			}
			return r.Agency.Region
		}
	} else {
		headers = []string{lang.L("Line"), data.LabelStartDate.In(l), data.LabelTitle.In(l),
			data.LabelActivityType.In(l), lang.L("Strategy"), data.LabelPartners.In(l)}
		widths = []float32{70, 180, 220, 150, 85, 160}
		n = len(res.Entries)
		cell = func(row, col int) string {
			r := res.Entries[row]
			switch col {
			case 0:
				return strconv.Itoa(r.Line)
			case 1:
				return iddate.Format(r.Entry.StartDate, l)
			case 2:
				return r.Entry.Title
			case 3:
				return data.ActivityTypes.Label(r.Entry.ActivityType, l)
			case 4:
				return strconv.Itoa(r.Entry.Strategy)
			}
			return strings.Join(r.Partners, "; ")
		}
	}
	if n == 0 {
		return container.NewCenter(widget.NewLabel(lang.L("No lines to import.")))
	}
	im.rows = newTextTable(headers, widths, n, cell)
	return im.rows
}

func (im *csvImporter) duplicateTable() fyne.CanvasObject {
	dups := im.res.Duplicates
	if len(dups) == 0 {
		return container.NewCenter(widget.NewLabel(lang.L("No duplicates.")))
	}
	return newTextTable([]string{lang.L("Line"), lang.L("Reason")}, []float32{70, 770}, len(dups), func(row, col int) string {
		if col == 0 {
			return strconv.Itoa(dups[row].Line)
		}
		return dups[row].Reason
	})
}

// runImport writes the previewed file. The file is checked again inside
// the import, so a record added meanwhile is still caught as a duplicate.
// The returned channel is closed once the result is shown.
func (im *csvImporter) runImport() <-chan struct{} {
	done := make(chan struct{})
	im.last = done
	if im.res == nil || !im.res.OK() || im.toImport() == 0 {
		close(done)
		return done
	}
	im.importBtn.Disable()
	im.showBusy(lang.L("Importing…"))
	raw := im.raw
	go func() {
		defer close(done)
		res, err := im.importBytes(raw)
		fyne.DoAndWait(func() {
			im.hideBusy()
			if err != nil {
				var es csvimport.Errors
				if errors.As(err, &es) && res != nil {
					// The data changed since the preview: show it again.
					im.preview.Hide()
					im.res = res
					im.showPreview()
					return
				}
				im.importBtn.Enable()
				im.u.showError(lang.L("Could not import"), err)
				return
			}
			im.preview.Hide()
			im.after(res.Inserted)
			msg := lang.L("{{.Count}} {{.What}} imported.", map[string]any{"Count": res.Inserted, "What": im.what()})
			if n := len(res.Duplicates); n > 0 {
				msg += " " + lang.L("{{.Count}} duplicate lines skipped.", map[string]any{"Count": n})
			}
			dialog.ShowInformation(lang.L("Import finished"), msg, im.u.win)
		})
	}()
	return done
}

// chooseTemplateFile asks where to save the template of this kind.
func (im *csvImporter) chooseTemplateFile() {
	title := lang.L("Could not save the template")
	im.u.chooseSave(kit.FileChoice{ErrTitle: title, Name: csvimport.TemplateName(im.kind), Exts: []string{".csv"}},
		func(w fyne.URIWriteCloser) {
			if err := im.writeTemplate(w); err != nil {
				im.u.showError(title, err)
				return
			}
			dialog.ShowInformation(lang.L("Template saved"),
				lang.L("The template was saved as {{.Path}}. Fill it in, for example in Excel, and import it.",
					map[string]any{"Path": uriText(w.URI())}), im.u.win)
		})
}

// writeTemplate writes the template of this kind to w and closes it.
func (im *csvImporter) writeTemplate(w io.WriteCloser) error {
	if _, err := w.Write(csvimport.Template(im.kind)); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// newTextTable is a read-only table of text with a header row; cells are
// cut with an ellipsis at their column's width.
func newTextTable(headers []string, widths []float32, rows int, cell func(row, col int) string) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return rows, len(headers) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(cell(id.Row, id.Col)) },
	)
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(headers) {
			o.(*widget.Label).SetText(headers[id.Col])
		}
	}
	for i, w := range widths {
		t.SetColumnWidth(i, w)
	}
	return t
}

// uriText is a URI as a user reads it: a path for local files.
func uriText(u fyne.URI) string {
	if u.Scheme() == "file" {
		return filepath.FromSlash(u.Path())
	}
	return u.String()
}

// localPath is the file a URI from a file dialog names; only local files
// can be written through a temporary file and a rename, or attached.
func localPath(u fyne.URI) (string, error) {
	if u == nil || u.Scheme() != "file" {
		return "", fmt.Errorf("hanya berkas di komputer ini yang dapat dipakai (bukan %s)", u)
	}
	return filepath.FromSlash(u.Path()), nil
}

// sized gives obj at least the size w×h.
func sized(obj fyne.CanvasObject, w, h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(nil)
	r.SetMinSize(fyne.NewSize(w, h))
	return container.NewStack(r, obj)
}
