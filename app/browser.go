package app

import (
	"context"
	"encoding/json"
	"errors"
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
	viewTitle string // form heading for another office's record, which is read-only
	columns   []column[T]
	// count and page read the list; offices, when not empty, limits it to
	// those offices (the store's ...In queries, data/store/views.go).
	count func(ctx context.Context, f store.Filter, offices []string) (int, error)
	page  func(ctx context.Context, f store.Filter, offices []string, offset, limit int) ([]T, error)
	load  func(ctx context.Context, id string) (*T, error)
	save  func(ctx context.Context, r *T) error
	blank func() T // a new record with its defaults
	// filters adds the kind's filter widgets to bar; each calls set when
	// changed, with a function that updates the filter.
	filters func(bar *filterBar, set func(func(*store.Filter)))
	// csvKind is the csvimport kind ("kegiatan", "instansi") of a kind
	// that can be imported from CSV, or "" for none.
	csvKind string
	// rowImportance, when set, colours a row's text (Hoaks: open cases
	// stand out).
	rowImportance func(*T) widget.Importance
	// tools are the kind's own buttons beside New (Konten: "Baru dari
	// templat…").
	tools []fyne.CanvasObject
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

// shownHook is an editor that finishes the form after the browser has
// shown a record in it and set its buttons: the Konten form shows the
// draft's workflow and locks a draft under review, approved or
// published. foreign is a record of another office, shown read-only.
type shownHook interface {
	shown(foreign bool)
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

// loadLists runs a list's count and first page, which a search of short
// words over 100,000 entries makes take a noticeable moment, off the main
// goroutine; the result comes back with fyne.Do. Tests run it in place,
// as they apply the search themselves.
var loadLists = func(load func()) { go load() }

// listQuery is what a list shows: the filter, and the offices it is
// limited to (none: the filter alone).
type listQuery struct {
	f       store.Filter
	offices []string
}

// Choices of the office filter besides one office by id.
const (
	officeOwn  = ""  // this installation's office
	officeTree = "*" // this office and every office under it
)

// browser is the list, search, filters and form of one record kind.
type browser[T any, P record[T]] struct {
	u      *UI
	k      kind[T]
	ed     editor[T]
	filter store.Filter // what the filter widgets ask for
	scope  []string     // the offices of "this office and those under it", when the filter alone cannot say it
	shown  listQuery    // what the list shows now; the pager pages through it
	gen    int          // counts loads, so that the result of an earlier one is dropped
	n      int          // rows of shown, from the store's count
	pages  *pager[T]
	stale  bool // sync changed the records while the list was not on screen

	table  *widget.Table
	search *widget.Entry
	timer  *time.Timer
	bar    *filterBar

	office    *widget.Select // the office filter, shown when offices lie under this one
	officeRow fyne.CanvasObject
	officeSel []string // per option of office: officeOwn, officeTree or an office id
	multi     bool     // records of several offices can be listed: show their office
	cols      []column[T]

	formScroll *container.Scroll // the form, which shows another record from its top

	current   P // the record in the form: a copy, never a row of the pager
	readOnly  bool
	formTitle *widget.Label
	roNote    *widget.Label // "Data kantor lain — hanya dapat dibaca"
	saveBtn   *widget.Button
	deleteBtn *widget.Button
	newBtn    *widget.Button
	undoBtn   *widget.Button
	status    *widget.Label
	deletedID string       // the record the undo button restores
	importer  *csvImporter // nil for kinds without CSV import
	content   fyne.CanvasObject

	// Unsaved changes and history (browser_leave.go).
	selRow      int  // the row of the record in the form, -1 for none
	beforeSave  *T   // the record before the last save in the form, which Urungkan simpan saves again
	undoing     bool // the save is an undo, which is not itself undone
	undoSaveBtn *widget.Button
	historyBtn  *widget.Button
}

func newBrowser[T any, P record[T]](u *UI, k kind[T], ed editor[T]) *browser[T, P] {
	b := &browser[T, P]{u: u, k: k, ed: ed, filter: store.Filter{OfficeID: u.officeID}, selRow: -1}
	b.shown = listQuery{f: b.filter}
	b.setMulti(false)
	b.pages = newPager(b.fetch, func(err error) { u.showError(lang.L("Could not read the list"), err) })
	b.bar = &filterBar{byKey: map[string]fyne.CanvasObject{}}
	if k.filters != nil {
		k.filters(b.bar, b.setFilter)
	}
	b.buildOfficeFilter()
	b.buildList()
	b.buildForm()
	split := container.NewHSplit(b.listPane(), b.formPane())
	split.Offset = 0.58 // the list's columns need more room than the form
	b.content = split
	b.setOffices()
	b.reload()
	b.openNew()
	return b
}

// fetch reads a page of what the list shows, for the pager.
func (b *browser[T, P]) fetch(offset, limit int) ([]T, error) {
	return b.k.page(b.u.ctx(), b.shown.f, b.shown.offices, offset, limit)
}

// columns are the kind's columns, and the office's when the list may
// hold records of several offices.
func (b *browser[T, P]) columns() []column[T] { return b.cols }

// setMulti shows or hides the office column.
func (b *browser[T, P]) setMulti(multi bool) {
	b.multi = multi
	b.cols = b.k.columns
	if multi {
		b.cols = append(b.k.columns[:len(b.k.columns):len(b.k.columns)], column[T]{lang.L("Office"), 220,
			func(r *T) string { return b.u.officeName(P(r).RecordMeta().OfficeID) }})
	}
	if b.table != nil {
		b.setColumnWidths()
	}
}

func (b *browser[T, P]) buildList() {
	b.search = widget.NewEntry()
	b.search.SetPlaceHolder(lang.L("Search…"))
	b.search.OnChanged = func(string) { b.searchChanged() }
	b.search.OnSubmitted = func(string) { b.flushSearch() }

	b.table = widget.NewTableWithHeaders(
		func() (int, int) { return b.n, len(b.columns()) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Importance = b.rowImportance(id.Row)
			l.SetText(b.cellText(id.Row, id.Col))
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
		if cols := b.columns(); id.Col >= 0 && id.Col < len(cols) {
			o.(*widget.Label).SetText(cols[id.Col].title)
		}
	}
	b.setColumnWidths()
	b.table.OnSelected = func(id widget.TableCellID) { b.openRow(id.Row) }
}

func (b *browser[T, P]) setColumnWidths() {
	for i, c := range b.columns() {
		b.table.SetColumnWidth(i, c.width)
	}
}

// buildOfficeFilter makes the office filter; setOffices fills it.
func (b *browser[T, P]) buildOfficeFilter() {
	b.office = widget.NewSelect(nil, nil)
	label := widget.NewLabel(lang.L("Office:"))
	b.officeRow = container.NewBorder(nil, nil, label, nil, b.office)
	b.officeRow.Hide()
	b.bar.byKey["office"] = b.office
}

// setOffices offers the offices under this one (UI.tree) in the office
// filter, keeping the choice when it is still offered, and sets the filter
// for it. It does not reload the list; it reports whether what the list
// shows changed (its query, or its columns).
func (b *browser[T, P]) setOffices() bool {
	chosen := officeOwn
	if i := b.office.SelectedIndex(); i >= 0 && i < len(b.officeSel) {
		chosen = b.officeSel[i]
	}
	b.officeSel = []string{officeOwn, officeTree}
	opts := []string{lang.L("This office"), lang.L("This office and all offices under it")}
	for _, o := range b.u.under() {
		b.officeSel = append(b.officeSel, o.ID)
		opts = append(opts, o.Name+" ("+data.Levels.Label(o.Level, b.u.lang)+")")
	}
	sel := 0
	for i, id := range b.officeSel {
		if id == chosen {
			sel = i
		}
	}
	b.office.OnChanged = nil
	b.office.SetOptions(opts)
	b.office.SetSelectedIndex(sel)
	b.office.OnChanged = func(string) { b.setFilter(func(*store.Filter) {}) }
	multi := len(b.u.under()) > 0
	if multi {
		b.officeRow.Show()
	} else {
		b.officeRow.Hide()
	}
	changed := multi != b.multi
	if changed {
		b.setMulti(multi)
	}
	before := listQuery{b.filter, b.scope}
	b.applyOffice()
	return changed || !sameQuery(before, listQuery{b.filter, b.scope})
}

// applyOffice sets the filter's office from the office filter's choice.
func (b *browser[T, P]) applyOffice() {
	choice := officeOwn
	if i := b.office.SelectedIndex(); i >= 0 && i < len(b.officeSel) {
		choice = b.officeSel[i]
	}
	b.scope = nil
	switch choice {
	case officeOwn:
		b.filter.OfficeID = b.u.officeID
	case officeTree:
		// When the offices of the tree are every office the database
		// holds, listing all is the same and pages along an index.
		b.filter.OfficeID = ""
		if !b.u.treeIsAll {
			for _, o := range b.u.tree {
				b.scope = append(b.scope, o.ID)
			}
		}
	default:
		b.filter.OfficeID = choice
	}
}

func sameQuery(a, b listQuery) bool {
	if a.f != b.f || len(a.offices) != len(b.offices) {
		return false
	}
	for i := range a.offices {
		if a.offices[i] != b.offices[i] {
			return false
		}
	}
	return true
}

func (b *browser[T, P]) listPane() fyne.CanvasObject {
	b.newBtn = widget.NewButtonWithIcon(lang.L("New"), theme.ContentAddIcon(), b.newTapped)
	b.newBtn.Importance = widget.HighImportance
	b.status = widget.NewLabel("")
	b.status.Truncation = fyne.TextTruncateEllipsis // a long message must not widen the list
	b.undoBtn = widget.NewButtonWithIcon(lang.L("Undo"), theme.ContentUndoIcon(), b.undo)
	b.undoBtn.Hide()
	tools := container.NewHBox(b.newBtn)
	if b.k.csvKind != "" {
		b.importer = newCSVImporter(b.u, b.k.csvKind, b.imported)
		tools.Objects = []fyne.CanvasObject{b.importer.button, b.newBtn}
	}
	tools.Objects = append(b.k.tools[:len(b.k.tools):len(b.k.tools)], tools.Objects...)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, tools, b.search), b.officeRow)
	if len(b.bar.objs) > 0 {
		top.Add(container.NewGridWithColumns(2, b.bar.objs...))
	}
	bottom := container.NewBorder(nil, nil, nil, b.undoBtn, b.status)
	return container.NewBorder(top, bottom, nil, nil, b.table)
}

func (b *browser[T, P]) buildForm() {
	b.formTitle = widget.NewLabel("")
	b.formTitle.TextStyle.Bold = true
	b.roNote = widget.NewLabelWithStyle(lang.L("Another office's record — read only"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	b.roNote.Importance = widget.WarningImportance
	b.roNote.Wrapping = fyne.TextWrapWord
	b.roNote.Hide()
	b.saveBtn = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), b.save)
	b.saveBtn.Importance = widget.HighImportance
	b.deleteBtn = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), b.confirmDelete)
	b.deleteBtn.Importance = widget.DangerImportance
	b.historyBtn = widget.NewButtonWithIcon(lang.L("History"), theme.HistoryIcon(), b.showHistory)
	b.undoSaveBtn = widget.NewButtonWithIcon(lang.L("Undo save"), theme.ContentUndoIcon(), b.undoSave)
	b.undoSaveBtn.Hide()
}

func (b *browser[T, P]) formPane() fyne.CanvasObject {
	buttons := container.NewHBox(b.saveBtn, b.deleteBtn, b.historyBtn, b.undoSaveBtn)
	b.formScroll = container.NewVScroll(b.ed.fields().content)
	return container.NewBorder(container.NewVBox(b.formTitle, b.roNote), buttons, nil, nil, b.formScroll)
}

// cellText is what the list shows at row, col: what the table draws, and
// what tests read.
func (b *browser[T, P]) cellText(row, col int) string {
	r := b.pages.row(row)
	cols := b.columns()
	if r == nil || col < 0 || col >= len(cols) {
		return ""
	}
	return cols[col].text(r)
}

// rowImportance is the colour of a row's text.
func (b *browser[T, P]) rowImportance(row int) widget.Importance {
	if b.k.rowImportance == nil {
		return widget.MediumImportance
	}
	if r := b.pages.row(row); r != nil {
		return b.k.rowImportance(r)
	}
	return widget.MediumImportance
}

// reload counts the rows again and reads the first page, keeping the
// list where it is scrolled. It follows every save, delete and restore.
func (b *browser[T, P]) reload() { b.load(false) }

// load reads the count and the first page of the filter off the main
// goroutine and then shows them in place of the cached pages; top scrolls
// back to the first row. Until then the list shows what it showed. A
// result that arrives after a later load began is dropped: the user has
// typed or chosen again since.
func (b *browser[T, P]) load(top bool) {
	b.gen++
	b.stale = false
	gen, q, ctx := b.gen, listQuery{b.filter, b.scope}, b.u.ctx()
	count, page := b.k.count, b.k.page
	loadLists(func() {
		// The first page first: when it is not full it is the whole
		// result, and the count (a second scan, the slow half of a search
		// that matches little) is not needed.
		rows, err := page(ctx, q.f, q.offices, 0, pageSize)
		n := len(rows)
		if err == nil && n == pageSize {
			n, err = count(ctx, q.f, q.offices)
		}
		fyne.Do(func() { b.loaded(gen, q, n, rows, err, top) })
	})
}

// loaded shows the result of load number gen, unless a later one began.
func (b *browser[T, P]) loaded(gen int, q listQuery, n int, rows []T, err error, top bool) {
	if gen != b.gen {
		return
	}
	b.shown = q
	b.pages.reset()
	if err != nil {
		b.u.showError(lang.L("Could not read the list"), err)
		n = 0
	} else if n > 0 {
		b.pages.seed(rows)
	}
	b.n = n
	b.table.UnselectAll()
	b.table.Refresh()
	if top {
		b.table.ScrollToTop()
	}
}

// refreshIfStale reloads a list that sync changed while it was hidden.
func (b *browser[T, P]) refreshIfStale() {
	if b.stale {
		b.reload()
	}
}

// imported shows the list again after a CSV import added n records.
func (b *browser[T, P]) imported(n int) {
	b.hideUndo()
	b.reload()
	b.status.SetText(lang.L("{{.Count}} records imported.", map[string]any{"Count": n}))
	b.u.localChange()
}

// setFilter changes the filter and shows the new result from its top.
func (b *browser[T, P]) setFilter(change func(*store.Filter)) {
	change(&b.filter)
	b.applyOffice()
	b.load(true)
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
	b.selRow = -1
	b.show(&r)
	b.table.UnselectAll()
}

// openRow shows the record at a row of the list in the form, read afresh
// so that the form never edits a stale copy.
// Leaving unsaved changes in the form asks first (browser_leave.go);
// the row of the record already in the form, selected again when the
// user stays, leaves nothing.
func (b *browser[T, P]) openRow(row int) {
	r := b.pages.row(row)
	if r == nil {
		return
	}
	id := P(r).RecordMeta().ID
	if b.current != nil && id == P(b.current).RecordMeta().ID && b.dirty() {
		b.selRow = row
		return
	}
	b.leave(func() {
		fresh, err := b.k.load(b.u.ctx(), id)
		if err != nil {
			b.u.showError(lang.L("Could not open the record"), err)
			b.reload()
			return
		}
		b.selRow = row
		b.show(fresh)
	}, b.reselect)
}

// show puts r in the form. A record of another office (a coordinator
// sees those under it) is shown read-only: its fields disabled, without
// Save and Delete, and with a note that says why.
func (b *browser[T, P]) show(r *T) {
	foreign := b.u.isForeign(P(r).RecordMeta().OfficeID)
	if b.readOnly && !foreign {
		// Before fill, which rebuilds the rows of lists (accounts,
		// agencies, photos) with their own states.
		setEnabled(b.ed.fields().content, true)
	}
	if b.formScroll != nil && (b.current == nil || P(b.current).RecordMeta().ID != P(r).RecordMeta().ID) {
		b.formScroll.ScrollToTop()
	}
	b.forgetSave(r)
	b.current = r
	b.readOnly = foreign
	b.ed.fields().clear()
	b.ed.fill(r)
	switch {
	case foreign:
		setEnabled(b.ed.fields().content, false)
		b.formTitle.SetText(b.k.viewTitle + " — " + b.u.officeName(P(r).RecordMeta().OfficeID))
		b.roNote.Show()
		b.saveBtn.Hide()
		b.deleteBtn.Hide()
		b.historyBtn.Hide()
	case b.isNew():
		b.formTitle.SetText(b.k.newTitle)
		b.deleteBtn.Disable()
		b.historyBtn.Disable()
	default:
		b.formTitle.SetText(b.k.editTitle)
		b.deleteBtn.Enable()
		b.historyBtn.Enable()
	}
	if !foreign {
		b.roNote.Hide()
		b.saveBtn.Show()
		b.deleteBtn.Show()
		b.historyBtn.Show()
	}
	if h, ok := b.ed.(shownHook); ok {
		h.shown(foreign)
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
	if fresh := b.changedElsewhere(); fresh != nil {
		d := dialog.NewConfirm(lang.L("Changed elsewhere"),
			lang.L("Since you opened it, this record was changed on another device and that change has arrived here. Saving replaces it with what the form holds."),
			func(overwrite bool) {
				if overwrite {
					b.store(r)
				} else {
					b.show(fresh)
				}
			}, b.u.win)
		d.SetConfirmText(lang.L("Replace it"))
		d.SetDismissText(lang.L("Show their version"))
		d.Show()
		return
	}
	b.store(r)
}

// commit saves what the form holds when it differs from the record it
// opened (or the record is new), and reports whether the stored record
// now is what the form shows: what a step of the workflow needs before
// it acts on the stored record. A record changed on another device since
// it was opened is not replaced here; Save offers that choice.
func (b *browser[T, P]) commit() bool {
	r := *b.current
	if msgs := b.ed.read(&r); len(msgs) > 0 {
		b.ed.fields().show(withValidation(msgs, P(&r), b.u.lang))
		return false
	}
	if !b.isNew() && sameNormalized[T, P](&r, b.current) {
		return true
	}
	if b.changedElsewhere() != nil {
		b.u.showError(lang.L("Could not save"), errors.New(lang.L("Since you opened it, this record was changed on another device. Save it first, which lets you choose which version to keep.")))
		return false
	}
	return b.store(r)
}

// store saves r, the form's record as read from the form, and reports
// whether it was stored.
func (b *browser[T, P]) store(r T) bool {
	before := b.current
	err := b.k.save(b.u.ctx(), &r)
	if ve, ok := data.AsValidation(err); ok {
		b.ed.fields().show(validationMsgs(ve, b.u.lang))
		return false
	}
	if err != nil {
		b.u.showError(lang.L("Could not save"), readOnlyError(err))
		return false
	}
	b.hideUndo()
	b.status.SetText(lang.L("Saved."))
	b.reload()
	// The form goes on with the record as stored, which changedElsewhere
	// compares with what the store holds at the next save.
	if stored, err := b.k.load(b.u.ctx(), P(&r).RecordMeta().ID); err == nil {
		b.show(stored)
	} else {
		b.show(&r)
	}
	b.savedOver(before)
	b.u.localChange()
	return true
}

// changedElsewhere returns the stored record when sync brought another
// device's edit of the record in the form since it was opened, and nil
// otherwise. The store writes a save on the version it holds, so without
// this check the form would silently replace an edit it never showed.
// Changes of the sync fields alone (this device's own edit, pushed) do
// not count.
func (b *browser[T, P]) changedElsewhere() *T {
	if b.isNew() {
		return nil
	}
	fresh, err := b.k.load(b.u.ctx(), P(b.current).RecordMeta().ID)
	if err != nil || sameContent[T, P](fresh, b.current) {
		return nil // a record that is gone is the save's to report
	}
	return fresh
}

// sameContent compares two records without their sync fields.
func sameContent[T any, P record[T]](a, b *T) bool {
	ca, cb := *a, *b
	*P(&ca).RecordMeta(), *P(&cb).RecordMeta() = data.Meta{}, data.Meta{}
	ja, errA := json.Marshal(ca)
	jb, errB := json.Marshal(cb)
	return errA == nil && errB == nil && string(ja) == string(jb)
}

// sameNormalized compares two records as the store would keep them:
// normalised (an empty list read from a form is the same as one read from
// the database), without their sync fields. The records are not changed.
func sameNormalized[T any, P record[T]](a, b *T) bool {
	clone := func(r *T) (*T, bool) {
		raw, err := json.Marshal(r)
		var c T
		if err == nil {
			err = json.Unmarshal(raw, &c)
		}
		P(&c).Normalize()
		return &c, err == nil
	}
	ca, okA := clone(a)
	cb, okB := clone(b)
	return okA && okB && sameContent[T, P](ca, cb)
}

// readOnlyError says the store's refusal of another office's record the
// way the form's note does.
func readOnlyError(err error) error {
	if errors.Is(err, store.ErrReadOnly) {
		return errors.New(lang.L("Another office's record — read only"))
	}
	return err
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
		b.u.showError(lang.L("Could not delete"), readOnlyError(err))
		return
	}
	b.reload()
	b.openNew()
	b.deletedID = id
	b.status.SetText(lang.L("Deleted."))
	b.undoBtn.Show()
	b.u.localChange()
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
	b.u.localChange()
}

func (b *browser[T, P]) hideUndo() {
	b.deletedID = ""
	b.undoBtn.Hide()
}

// setEnabled enables or disables every input inside o: the entries,
// selects, checks and buttons of a form, however nested in containers.
func setEnabled(o fyne.CanvasObject, on bool) {
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			setEnabled(c, on)
		}
	case *widget.Form:
		for _, it := range w.Items {
			setEnabled(it.Widget, on)
		}
	case fyne.Disableable:
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
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
