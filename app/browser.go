package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// record is a domain record kind T used through its pointer, which is what
// implements data.Record.
type record[T any] interface {
	*T
	data.Record
}

// column is one column of a list: its heading, width and cell text.
type column[T any] struct {
	title string
	width float32
	text  func(*T) string
}

// kind tells the generic browser what it needs to know of one record
// kind. Everything else (paging, searching, the form's buttons, errors,
// delete and undo) is the browser's, once for all kinds.
type kind[T any] struct {
	storeKind store.Kind
	newTitle  string // form heading for a new record, e.g. "Instansi baru"
	editTitle string // form heading for an existing one
	columns   []column[T]
	count     func(ctx context.Context, f store.Filter) (int, error)
	page      func(ctx context.Context, f store.Filter, offset, limit int) ([]T, error)
	load      func(ctx context.Context, id string) (*T, error)
	save      func(ctx context.Context, r *T) error
	blank     func() T // a new record with its defaults
	// filters adds the kind's filter widgets to bar; each calls set when
	// changed, with a function that updates the filter.
	filters func(bar *filterBar, set func(func(*store.Filter)))
	// csvKind is the csvimport kind ("kegiatan", "instansi") of a kind
	// that can be imported from CSV, or "" for none.
	csvKind string
}

// editor is a record kind's form.
type editor[T any] interface {
	fields() *fieldSet
	// fill shows r in the form.
	fill(r *T)
	// read writes what the form holds into r, and returns the input that
	// could not even be read (a date or number that is not one).
	read(r *T) []fieldMsg
}

// filterBar holds a kind's filter widgets, by key for tests.
type filterBar struct {
	objs  []fyne.CanvasObject
	byKey map[string]fyne.CanvasObject
}

func (b *filterBar) add(key string, obj fyne.CanvasObject) {
	b.objs = append(b.objs, obj)
	b.byKey[key] = obj
}

// searchDelay is how long the search waits after the last keystroke, so
// that typing a word runs one query instead of one per letter. Tests
// apply the search themselves and set it long.
var searchDelay = 250 * time.Millisecond

// browser is the list, search, filters and form of one record kind.
type browser[T any, P record[T]] struct {
	u      *UI
	k      kind[T]
	ed     editor[T]
	filter store.Filter
	n      int // rows matching filter, from the store's count
	pages  *pager[T]

	table  *widget.Table
	search *widget.Entry
	timer  *time.Timer
	bar    *filterBar

	current   P // the record in the form: a copy, never a row of the pager
	formTitle *widget.Label
	saveBtn   *widget.Button
	deleteBtn *widget.Button
	newBtn    *widget.Button
	undoBtn   *widget.Button
	status    *widget.Label
	deletedID string       // the record the undo button restores
	importer  *csvImporter // nil for kinds without CSV import
	content   fyne.CanvasObject
}

func newBrowser[T any, P record[T]](u *UI, k kind[T], ed editor[T]) *browser[T, P] {
	b := &browser[T, P]{u: u, k: k, ed: ed, filter: store.Filter{OfficeID: u.officeID}}
	b.pages = newPager(b.fetch, func(err error) { u.showError(lang.L("Could not read the list"), err) })
	b.bar = &filterBar{byKey: map[string]fyne.CanvasObject{}}
	if k.filters != nil {
		k.filters(b.bar, b.setFilter)
	}
	b.buildList()
	b.buildForm()
	split := container.NewHSplit(b.listPane(), b.formPane())
	split.Offset = 0.58 // the list's columns need more room than the form
	b.content = split
	b.reload()
	b.openNew()
	return b
}

func (b *browser[T, P]) fetch(offset, limit int) ([]T, error) {
	return b.k.page(b.u.ctx(), b.filter, offset, limit)
}

func (b *browser[T, P]) buildList() {
	b.search = widget.NewEntry()
	b.search.SetPlaceHolder(lang.L("Search…"))
	b.search.OnChanged = func(string) { b.searchChanged() }
	b.search.OnSubmitted = func(string) { b.flushSearch() }

	b.table = widget.NewTableWithHeaders(
		func() (int, int) { return b.n, len(b.k.columns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(b.cellText(id.Row, id.Col))
		},
	)
	b.table.ShowHeaderColumn = false
	b.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	b.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(b.k.columns) {
			o.(*widget.Label).SetText(b.k.columns[id.Col].title)
		}
	}
	for i, c := range b.k.columns {
		b.table.SetColumnWidth(i, c.width)
	}
	b.table.OnSelected = func(id widget.TableCellID) { b.openRow(id.Row) }
}

func (b *browser[T, P]) listPane() fyne.CanvasObject {
	b.newBtn = widget.NewButtonWithIcon(lang.L("New"), theme.ContentAddIcon(), b.openNew)
	b.newBtn.Importance = widget.HighImportance
	b.status = widget.NewLabel("")
	b.undoBtn = widget.NewButtonWithIcon(lang.L("Undo"), theme.ContentUndoIcon(), b.undo)
	b.undoBtn.Hide()
	tools := container.NewHBox(b.newBtn)
	if b.k.csvKind != "" {
		b.importer = newCSVImporter(b.u, b.k.csvKind, b.imported)
		tools.Objects = []fyne.CanvasObject{b.importer.button, b.newBtn}
	}
	top := container.NewVBox(container.NewBorder(nil, nil, nil, tools, b.search))
	if len(b.bar.objs) > 0 {
		top.Add(container.NewGridWithColumns(2, b.bar.objs...))
	}
	bottom := container.NewBorder(nil, nil, nil, b.undoBtn, b.status)
	return container.NewBorder(top, bottom, nil, nil, b.table)
}

func (b *browser[T, P]) buildForm() {
	b.formTitle = widget.NewLabel("")
	b.formTitle.TextStyle.Bold = true
	b.saveBtn = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), b.save)
	b.saveBtn.Importance = widget.HighImportance
	b.deleteBtn = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), b.confirmDelete)
	b.deleteBtn.Importance = widget.DangerImportance
}

func (b *browser[T, P]) formPane() fyne.CanvasObject {
	buttons := container.NewHBox(b.saveBtn, b.deleteBtn)
	return container.NewBorder(b.formTitle, buttons, nil, nil, container.NewVScroll(b.ed.fields().content))
}

// cellText is what the list shows at row, col: what the table draws, and
// what tests read.
func (b *browser[T, P]) cellText(row, col int) string {
	r := b.pages.row(row)
	if r == nil || col < 0 || col >= len(b.k.columns) {
		return ""
	}
	return b.k.columns[col].text(r)
}

// reload recounts the rows and forgets the cached pages; the table then
// reads again the pages it shows. It follows every filter change, save,
// delete and restore.
func (b *browser[T, P]) reload() {
	n, err := b.k.count(b.u.ctx(), b.filter)
	if err != nil {
		b.u.showError(lang.L("Could not read the list"), err)
		n = 0
	}
	b.n = n
	b.pages.reset()
	b.table.UnselectAll()
	b.table.Refresh()
}

// imported shows the list again after a CSV import added n records.
func (b *browser[T, P]) imported(n int) {
	b.hideUndo()
	b.reload()
	b.status.SetText(lang.L("{{.Count}} records imported.", map[string]any{"Count": n}))
}

// setFilter changes the filter and shows the new result from its top.
func (b *browser[T, P]) setFilter(change func(*store.Filter)) {
	change(&b.filter)
	b.reload()
	b.table.ScrollToTop()
}

// searchChanged waits for the user to pause typing before searching. The
// timer fires on its own goroutine, so the search is handed back to the
// main one with fyne.Do.
func (b *browser[T, P]) searchChanged() {
	if b.timer != nil {
		b.timer.Stop()
	}
	b.timer = time.AfterFunc(searchDelay, func() { fyne.Do(b.applySearch) })
}

// flushSearch searches now for what is typed (Enter, and tests).
func (b *browser[T, P]) flushSearch() {
	if b.timer != nil {
		b.timer.Stop()
	}
	b.applySearch()
}

// applySearch reads the entry rather than a captured text, so that a late
// timer can only ever search for what is typed now.
func (b *browser[T, P]) applySearch() {
	if b.search.Text == b.filter.Query {
		return
	}
	b.setFilter(func(f *store.Filter) { f.Query = b.search.Text })
}

// openNew empties the form for a new record.
func (b *browser[T, P]) openNew() {
	r := b.k.blank()
	b.show(&r)
	b.table.UnselectAll()
}

// openRow shows the record at a row of the list in the form, read afresh
// so that the form never edits a stale copy.
func (b *browser[T, P]) openRow(row int) {
	r := b.pages.row(row)
	if r == nil {
		return
	}
	fresh, err := b.k.load(b.u.ctx(), P(r).RecordMeta().ID)
	if err != nil {
		b.u.showError(lang.L("Could not open the record"), err)
		b.reload()
		return
	}
	b.show(fresh)
}

func (b *browser[T, P]) show(r *T) {
	b.current = r
	b.ed.fields().clear()
	b.ed.fill(r)
	if b.isNew() {
		b.formTitle.SetText(b.k.newTitle)
		b.deleteBtn.Disable()
	} else {
		b.formTitle.SetText(b.k.editTitle)
		b.deleteBtn.Enable()
	}
}

func (b *browser[T, P]) isNew() bool { return P(b.current).RecordMeta().ID == "" }

// save stores the form's record. Input the form cannot read and the
// domain's own validation are shown together, under their fields; nothing
// is stored unless both pass.
func (b *browser[T, P]) save() {
	r := *b.current // edit a copy: a failed save leaves the form's record as it was
	if msgs := b.ed.read(&r); len(msgs) > 0 {
		b.ed.fields().show(withValidation(msgs, P(&r), b.u.lang))
		return
	}
	err := b.k.save(b.u.ctx(), &r)
	if ve, ok := data.AsValidation(err); ok {
		b.ed.fields().show(validationMsgs(ve, b.u.lang))
		return
	}
	if err != nil {
		b.u.showError(lang.L("Could not save"), err)
		return
	}
	b.hideUndo()
	b.status.SetText(lang.L("Saved."))
	b.reload()
	b.show(&r)
}

func (b *browser[T, P]) confirmDelete() {
	if b.isNew() {
		return
	}
	id := P(b.current).RecordMeta().ID
	dialog.NewConfirm(lang.L("Delete"), lang.L("Delete this record? You can undo it right afterwards."),
		func(ok bool) {
			if ok {
				b.delete(id)
			}
		}, b.u.win).Show()
}

// delete marks the record deleted (soft, so that it syncs and can be
// restored) and offers to undo it.
func (b *browser[T, P]) delete(id string) {
	if err := b.u.store.Delete(b.u.ctx(), b.k.storeKind, id); err != nil {
		b.u.showError(lang.L("Could not delete"), err)
		return
	}
	b.reload()
	b.openNew()
	b.deletedID = id
	b.status.SetText(lang.L("Deleted."))
	b.undoBtn.Show()
}

// undo restores the record deleted last and opens it again.
func (b *browser[T, P]) undo() {
	id := b.deletedID
	b.hideUndo()
	if id == "" {
		return
	}
	if err := b.u.store.Restore(b.u.ctx(), b.k.storeKind, id); err != nil {
		b.u.showError(lang.L("Could not undo"), err)
		return
	}
	b.status.SetText(lang.L("Restored."))
	b.reload()
	if r, err := b.k.load(b.u.ctx(), id); err == nil {
		b.show(r)
	}
}

func (b *browser[T, P]) hideUndo() {
	b.deletedID = ""
	b.undoBtn.Hide()
}

// withValidation adds to msgs what the domain's validation says of a copy
// of r, except for fields that msgs already explains: a date that could
// not be read need not also be called missing.
func withValidation[T any, P record[T]](msgs []fieldMsg, r P, l data.Lang) []fieldMsg {
	check := *r
	P(&check).Normalize()
	ve, _ := data.AsValidation(P(&check).Validate())
	seen := map[string]bool{}
	for _, m := range msgs {
		seen[m.key] = true
	}
	for _, m := range validationMsgs(ve, l) {
		if !seen[m.key] {
			msgs = append(msgs, m)
		}
	}
	return msgs
}
