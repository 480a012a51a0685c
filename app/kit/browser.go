package kit

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

// Record is a domain record kind T used through its pointer, which is what
// implements data.Record.
type Record[T any] interface {
	*T
	data.Record
}

// Column is one column of a list: its heading, width and cell text.
type Column[T any] struct {
	Title string
	Width float32
	Text  func(*T) string
}

// Kind tells the generic browser what it needs to know of one record
// kind. Everything else (paging, searching, the form's buttons, errors,
// delete and undo) is the browser's, once for all kinds.
type Kind[T any] struct {
	StoreKind store.Kind
	NewTitle  string // form heading for a new record, e.g. "Instansi baru"
	EditTitle string // form heading for an existing one
	ViewTitle string // form heading for another office's record, which is read-only
	Columns   []Column[T]
	// Count and Page read the list; offices, when not empty, limits it to
	// those offices (the store's ...In queries, data/store/views.go).
	Count func(ctx context.Context, f store.Filter, offices []string) (int, error)
	Page  func(ctx context.Context, f store.Filter, offices []string, offset, limit int) ([]T, error)
	Load  func(ctx context.Context, id string) (*T, error)
	Save  func(ctx context.Context, r *T) error
	Blank func() T // a new record with its defaults
	// Filters adds the kind's filter widgets to bar; each calls set when
	// changed, with a function that updates the filter.
	Filters func(bar *FilterBar, set func(func(*store.Filter)))
	// RowImportance, when set, colours a row's text (Hoaks: open cases
	// stand out).
	RowImportance func(*T) widget.Importance
	// Tools are the kind's own buttons beside New (Konten: "Baru dari
	// templat…"; Instansi and Kegiatan: "Impor CSV…", whose import ends
	// with Browser.Imported).
	Tools []fyne.CanvasObject
}

// Editor is a record kind's form.
type Editor[T any] interface {
	Fields() *FieldSet
	// Fill shows r in the form.
	Fill(r *T)
	// Read writes what the form holds into r, and returns the input that
	// could not even be read (a date or number that is not one).
	Read(r *T) []FieldMsg
}

// ShownHook is an editor that finishes the form after the browser has
// shown a record in it and set its buttons: the Konten form shows the
// draft's workflow and locks a draft under review, approved or
// published. foreign is a record of another office, shown read-only.
type ShownHook interface {
	Shown(foreign bool)
}

// FilterBar holds a kind's filter widgets, by key for tests.
type FilterBar struct {
	objs  []fyne.CanvasObject
	ByKey map[string]fyne.CanvasObject
}

func (b *FilterBar) Add(key string, obj fyne.CanvasObject) {
	b.objs = append(b.objs, obj)
	b.ByKey[key] = obj
}

// SearchDelay is how long the search waits after the last keystroke, so
// that typing a word runs one query instead of one per letter. Tests
// apply the search themselves and set it long.
var SearchDelay = 250 * time.Millisecond

// LoadLists runs a list's count and first page, which a search of short
// words over 100,000 entries makes take a noticeable moment, off the main
// goroutine; the result comes back with fyne.Do. Tests run it in place,
// as they apply the search themselves.
var LoadLists = func(load func()) { go load() }

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

// Browser is the list, search, filters and form of one record kind.
type Browser[T any, P Record[T]] struct {
	host   Host
	K      Kind[T]
	ed     Editor[T]
	Filter store.Filter // what the filter widgets ask for
	scope  []string     // the offices of "this office and those under it", when the filter alone cannot say it
	shown  listQuery    // what the list shows now; the pager pages through it
	gen    int          // counts loads, so that the result of an earlier one is dropped
	N      int          // rows of shown, from the store's count
	Pages  *Pager[T]
	stale  bool // sync changed the records while the list was not on screen

	Table  *widget.Table
	Search *widget.Entry
	timer  *time.Timer
	Bar    *FilterBar

	Office    *widget.Select // the office filter, shown when offices lie under this one
	OfficeRow fyne.CanvasObject
	officeSel []string // per option of office: officeOwn, officeTree or an office id
	multi     bool     // records of several offices can be listed: show their office
	cols      []Column[T]

	formScroll *container.Scroll // the form, which shows another record from its top

	Current   P // the record in the form: a copy, never a row of the pager
	ReadOnly  bool
	FormTitle *widget.Label
	RoNote    *widget.Label // "Data kantor lain — hanya dapat dibaca"
	SaveBtn   *widget.Button
	DeleteBtn *widget.Button
	NewBtn    *widget.Button
	UndoBtn   *widget.Button
	Status    *widget.Label
	deletedID string // the record the undo button restores
	Content   fyne.CanvasObject

	// Unsaved changes and history (leave.go). The app sets OnLeave,
	// which asks before the form is left with unsaved changes (nil:
	// leave at once), and OnHistory, which opens Riwayat.
	OnLeave     func(proceed, stay func())
	OnHistory   func()
	selRow      int  // the row of the record in the form, -1 for none
	beforeSave  *T   // the record before the last save in the form, which Urungkan simpan saves again
	baseline    *T   // what the form read back right after it showed Current
	baseBad     bool // the form could not read back Current as shown
	undoing     bool // the save is an undo, which is not itself undone
	UndoSaveBtn *widget.Button
	HistoryBtn  *widget.Button
}

func NewBrowser[T any, P Record[T]](host Host, k Kind[T], ed Editor[T]) *Browser[T, P] {
	b := &Browser[T, P]{host: host, K: k, ed: ed, Filter: store.Filter{OfficeID: host.OfficeID()}, selRow: -1}
	b.shown = listQuery{f: b.Filter}
	b.setMulti(false)
	b.Pages = NewPager(b.fetch, func(err error) { host.ShowError(lang.L("Could not read the list"), err) })
	b.Bar = &FilterBar{ByKey: map[string]fyne.CanvasObject{}}
	if k.Filters != nil {
		k.Filters(b.Bar, b.setFilter)
	}
	b.buildOfficeFilter()
	b.buildList()
	b.buildForm()
	split := container.NewHSplit(b.listPane(), b.formPane())
	split.Offset = 0.58 // the list's columns need more room than the form
	b.Content = split
	b.SetOffices()
	b.Reload()
	b.OpenNew()
	return b
}

// fetch reads a page of what the list shows, for the pager.
func (b *Browser[T, P]) fetch(offset, limit int) ([]T, error) {
	return b.K.Page(b.host.Ctx(), b.shown.f, b.shown.offices, offset, limit)
}

// Columns are the kind's columns, and the office's when the list may
// hold records of several offices.
func (b *Browser[T, P]) Columns() []Column[T] { return b.cols }

// setMulti shows or hides the office column.
func (b *Browser[T, P]) setMulti(multi bool) {
	b.multi = multi
	b.cols = b.K.Columns
	if multi {
		b.cols = append(b.K.Columns[:len(b.K.Columns):len(b.K.Columns)], Column[T]{lang.L("Office"), 220,
			func(r *T) string { return b.host.OfficeName(P(r).RecordMeta().OfficeID) }})
	}
	if b.Table != nil {
		b.setColumnWidths()
	}
}

func (b *Browser[T, P]) buildList() {
	b.Search = widget.NewEntry()
	b.Search.SetPlaceHolder(lang.L("Search…"))
	b.Search.OnChanged = func(string) { b.searchChanged() }
	b.Search.OnSubmitted = func(string) { b.FlushSearch() }

	b.Table = widget.NewTableWithHeaders(
		func() (int, int) { return b.N, len(b.Columns()) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.Importance = b.RowImportance(id.Row)
			l.SetText(b.CellText(id.Row, id.Col))
		},
	)
	b.Table.ShowHeaderColumn = false
	b.Table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.TextStyle.Bold = true
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	b.Table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if cols := b.Columns(); id.Col >= 0 && id.Col < len(cols) {
			o.(*widget.Label).SetText(cols[id.Col].Title)
		}
	}
	b.setColumnWidths()
	b.Table.OnSelected = func(id widget.TableCellID) { b.openRow(id.Row) }
}

func (b *Browser[T, P]) setColumnWidths() {
	for i, c := range b.Columns() {
		b.Table.SetColumnWidth(i, c.Width)
	}
}

// buildOfficeFilter makes the office filter; setOffices fills it.
func (b *Browser[T, P]) buildOfficeFilter() {
	b.Office = widget.NewSelect(nil, nil)
	label := widget.NewLabel(lang.L("Office:"))
	b.OfficeRow = container.NewBorder(nil, nil, label, nil, b.Office)
	b.OfficeRow.Hide()
	b.Bar.ByKey["office"] = b.Office
}

// SetOffices offers the offices under this one (Host.Under) in the office
// filter, keeping the choice when it is still offered, and sets the filter
// for it. It does not reload the list; it reports whether what the list
// shows changed (its query, or its columns).
func (b *Browser[T, P]) SetOffices() bool {
	chosen := officeOwn
	if i := b.Office.SelectedIndex(); i >= 0 && i < len(b.officeSel) {
		chosen = b.officeSel[i]
	}
	b.officeSel = []string{officeOwn, officeTree}
	opts := []string{lang.L("This office"), lang.L("This office and all offices under it")}
	for _, o := range b.host.Under() {
		b.officeSel = append(b.officeSel, o.ID)
		opts = append(opts, o.Name+" ("+data.Levels.Label(o.Level, b.host.Lang())+")")
	}
	sel := 0
	for i, id := range b.officeSel {
		if id == chosen {
			sel = i
		}
	}
	b.Office.OnChanged = nil
	b.Office.SetOptions(opts)
	b.Office.SetSelectedIndex(sel)
	b.Office.OnChanged = func(string) { b.setFilter(func(*store.Filter) {}) }
	multi := len(b.host.Under()) > 0
	if multi {
		b.OfficeRow.Show()
	} else {
		b.OfficeRow.Hide()
	}
	changed := multi != b.multi
	if changed {
		b.setMulti(multi)
	}
	before := listQuery{b.Filter, b.scope}
	b.applyOffice()
	return changed || !sameQuery(before, listQuery{b.Filter, b.scope})
}

// applyOffice sets the filter's office from the office filter's choice.
func (b *Browser[T, P]) applyOffice() {
	choice := officeOwn
	if i := b.Office.SelectedIndex(); i >= 0 && i < len(b.officeSel) {
		choice = b.officeSel[i]
	}
	b.scope = nil
	switch choice {
	case officeOwn:
		b.Filter.OfficeID = b.host.OfficeID()
	case officeTree:
		// When the offices of the tree are every office the database
		// holds, listing all is the same and pages along an index.
		b.Filter.OfficeID = ""
		if tree, all := b.host.Tree(); !all {
			for _, o := range tree {
				b.scope = append(b.scope, o.ID)
			}
		}
	default:
		b.Filter.OfficeID = choice
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

func (b *Browser[T, P]) listPane() fyne.CanvasObject {
	b.NewBtn = widget.NewButtonWithIcon(lang.L("New"), theme.ContentAddIcon(), b.newTapped)
	b.NewBtn.Importance = widget.HighImportance
	b.Status = widget.NewLabel("")
	b.Status.Truncation = fyne.TextTruncateEllipsis // a long message must not widen the list
	b.UndoBtn = widget.NewButtonWithIcon(lang.L("Undo"), theme.ContentUndoIcon(), b.undo)
	b.UndoBtn.Hide()
	tools := container.NewHBox(b.NewBtn)
	tools.Objects = append(b.K.Tools[:len(b.K.Tools):len(b.K.Tools)], tools.Objects...)
	top := container.NewVBox(container.NewBorder(nil, nil, nil, tools, b.Search), b.OfficeRow)
	if len(b.Bar.objs) > 0 {
		top.Add(container.NewGridWithColumns(2, b.Bar.objs...))
	}
	bottom := container.NewBorder(nil, nil, nil, b.UndoBtn, b.Status)
	return container.NewBorder(top, bottom, nil, nil, b.Table)
}

func (b *Browser[T, P]) buildForm() {
	b.FormTitle = widget.NewLabel("")
	b.FormTitle.TextStyle.Bold = true
	b.RoNote = widget.NewLabelWithStyle(lang.L("Another office's record — read only"), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	b.RoNote.Importance = widget.WarningImportance
	b.RoNote.Wrapping = fyne.TextWrapWord
	b.RoNote.Hide()
	b.SaveBtn = widget.NewButtonWithIcon(lang.L("Save"), theme.DocumentSaveIcon(), b.Save)
	b.SaveBtn.Importance = widget.HighImportance
	b.DeleteBtn = widget.NewButtonWithIcon(lang.L("Delete"), theme.DeleteIcon(), b.confirmDelete)
	b.DeleteBtn.Importance = widget.DangerImportance
	b.HistoryBtn = widget.NewButtonWithIcon(lang.L("History"), theme.HistoryIcon(), b.showHistory)
	b.UndoSaveBtn = widget.NewButtonWithIcon(lang.L("Undo save"), theme.ContentUndoIcon(), b.UndoSave)
	b.UndoSaveBtn.Hide()
}

func (b *Browser[T, P]) formPane() fyne.CanvasObject {
	buttons := container.NewHBox(b.SaveBtn, b.DeleteBtn, b.HistoryBtn, b.UndoSaveBtn)
	b.formScroll = container.NewVScroll(b.ed.Fields().Content)
	return container.NewBorder(container.NewVBox(b.FormTitle, b.RoNote), buttons, nil, nil, b.formScroll)
}

// CellText is what the list shows at row, col: what the table draws, and
// what tests read.
func (b *Browser[T, P]) CellText(row, col int) string {
	r := b.Pages.Row(row)
	cols := b.Columns()
	if r == nil || col < 0 || col >= len(cols) {
		return ""
	}
	return cols[col].Text(r)
}

// RowImportance is the colour of a row's text.
func (b *Browser[T, P]) RowImportance(row int) widget.Importance {
	if b.K.RowImportance == nil {
		return widget.MediumImportance
	}
	if r := b.Pages.Row(row); r != nil {
		return b.K.RowImportance(r)
	}
	return widget.MediumImportance
}

// Reload counts the rows again and reads the first page, keeping the
// list where it is scrolled. It follows every save, delete and restore.
func (b *Browser[T, P]) Reload() { b.load(false) }

// load reads the count and the first page of the filter off the main
// goroutine and then shows them in place of the cached pages; top scrolls
// back to the first row. Until then the list shows what it showed. A
// result that arrives after a later load began is dropped: the user has
// typed or chosen again since.
func (b *Browser[T, P]) load(top bool) {
	b.gen++
	b.stale = false
	gen, q, ctx := b.gen, listQuery{b.Filter, b.scope}, b.host.Ctx()
	count, page := b.K.Count, b.K.Page
	LoadLists(func() {
		// The first page first: when it is not full it is the whole
		// result, and the count (a second scan, the slow half of a search
		// that matches little) is not needed.
		rows, err := page(ctx, q.f, q.offices, 0, PageSize)
		n := len(rows)
		if err == nil && n == PageSize {
			n, err = count(ctx, q.f, q.offices)
		}
		fyne.Do(func() { b.loaded(gen, q, n, rows, err, top) })
	})
}

// loaded shows the result of load number gen, unless a later one began.
func (b *Browser[T, P]) loaded(gen int, q listQuery, n int, rows []T, err error, top bool) {
	if gen != b.gen {
		return
	}
	b.shown = q
	b.Pages.Reset()
	if err != nil {
		b.host.ShowError(lang.L("Could not read the list"), err)
		n = 0
	} else if n > 0 {
		b.Pages.Seed(rows)
	}
	b.N = n
	b.Table.UnselectAll()
	b.Table.Refresh()
	if top {
		b.Table.ScrollToTop()
	}
}

// View is the browser's content, for the window to tell whether it is on
// screen.
func (b *Browser[T, P]) View() fyne.CanvasObject { return b.Content }

// MarkStale makes the list read again when it is next shown (sync changed
// its records while it was hidden).
func (b *Browser[T, P]) MarkStale() { b.stale = true }

// RefreshIfStale reloads a list that sync changed while it was hidden.
func (b *Browser[T, P]) RefreshIfStale() {
	if b.stale {
		b.Reload()
	}
}

// Imported shows the list again after a CSV import added n records.
func (b *Browser[T, P]) Imported(n int) {
	b.HideUndo()
	b.Reload()
	b.Status.SetText(lang.L("{{.Count}} records imported.", map[string]any{"Count": n}))
	b.host.LocalChange()
}

// setFilter changes the filter and shows the new result from its top.
func (b *Browser[T, P]) setFilter(change func(*store.Filter)) {
	change(&b.Filter)
	b.applyOffice()
	b.load(true)
}

// searchChanged waits for the user to pause typing before searching. The
// timer fires on its own goroutine, so the search is handed back to the
// main one with fyne.Do.
func (b *Browser[T, P]) searchChanged() {
	if b.timer != nil {
		b.timer.Stop()
	}
	b.timer = time.AfterFunc(SearchDelay, func() { fyne.Do(b.applySearch) })
}

// FlushSearch searches now for what is typed (Enter, and tests).
func (b *Browser[T, P]) FlushSearch() {
	if b.timer != nil {
		b.timer.Stop()
	}
	b.applySearch()
}

// applySearch reads the entry rather than a captured text, so that a late
// timer can only ever search for what is typed now.
func (b *Browser[T, P]) applySearch() {
	if b.Search.Text == b.Filter.Query {
		return
	}
	b.setFilter(func(f *store.Filter) { f.Query = b.Search.Text })
}

// OpenNew empties the form for a new record.
func (b *Browser[T, P]) OpenNew() {
	r := b.K.Blank()
	b.selRow = -1
	b.Show(&r)
	b.Table.UnselectAll()
}

// openRow shows the record at a row of the list in the form, read afresh
// so that the form never edits a stale copy.
// Leaving unsaved changes in the form asks first (leave.go); the row of
// the record already in the form, selected again when the user stays,
// leaves nothing.
func (b *Browser[T, P]) openRow(row int) {
	r := b.Pages.Row(row)
	if r == nil {
		return
	}
	id := P(r).RecordMeta().ID
	if b.Current != nil && id == P(b.Current).RecordMeta().ID && b.Dirty() {
		b.selRow = row
		return
	}
	b.leave(func() {
		fresh, err := b.K.Load(b.host.Ctx(), id)
		if err != nil {
			b.host.ShowError(lang.L("Could not open the record"), err)
			b.Reload()
			return
		}
		b.selRow = row
		b.Show(fresh)
	}, b.reselect)
}

// Show puts r in the form. A record of another office (a coordinator
// sees those under it) is shown read-only: its fields disabled, without
// Save and Delete, and with a note that says why.
func (b *Browser[T, P]) Show(r *T) {
	foreign := b.host.IsForeign(P(r).RecordMeta().OfficeID)
	if b.ReadOnly && !foreign {
		// Before fill, which rebuilds the rows of lists (accounts,
		// agencies, photos) with their own states.
		SetEnabled(b.ed.Fields().Content, true)
	}
	if b.formScroll != nil && (b.Current == nil || P(b.Current).RecordMeta().ID != P(r).RecordMeta().ID) {
		b.formScroll.ScrollToTop()
	}
	b.forgetSave(r)
	b.Current = r
	b.ReadOnly = foreign
	b.ed.Fields().Clear()
	b.ed.Fill(r)
	switch {
	case foreign:
		SetEnabled(b.ed.Fields().Content, false)
		b.FormTitle.SetText(b.K.ViewTitle + " — " + b.host.OfficeName(P(r).RecordMeta().OfficeID))
		b.RoNote.Show()
		b.SaveBtn.Hide()
		b.DeleteBtn.Hide()
		b.HistoryBtn.Hide()
	case b.isNew():
		b.FormTitle.SetText(b.K.NewTitle)
		b.DeleteBtn.Disable()
		b.HistoryBtn.Disable()
	default:
		b.FormTitle.SetText(b.K.EditTitle)
		b.DeleteBtn.Enable()
		b.HistoryBtn.Enable()
	}
	if !foreign {
		b.RoNote.Hide()
		b.SaveBtn.Show()
		b.DeleteBtn.Show()
		b.HistoryBtn.Show()
	}
	if h, ok := b.ed.(ShownHook); ok {
		h.Shown(foreign)
	}
	b.setBaseline()
}

func (b *Browser[T, P]) isNew() bool { return P(b.Current).RecordMeta().ID == "" }

// Save stores the form's record. Input the form cannot read and the
// domain's own validation are shown together, under their fields; nothing
// is stored unless both pass.
func (b *Browser[T, P]) Save() {
	r := *b.Current // edit a copy: a failed save leaves the form's record as it was
	if msgs := b.ed.Read(&r); len(msgs) > 0 {
		b.ed.Fields().Show(WithValidation(msgs, P(&r), b.host.Lang()))
		return
	}
	if fresh := b.changedElsewhere(); fresh != nil {
		d := dialog.NewConfirm(lang.L("Changed elsewhere"),
			lang.L("Since you opened it, this record was changed on another device and that change has arrived here. Saving replaces it with what the form holds."),
			func(overwrite bool) {
				if overwrite {
					b.store(r)
				} else {
					b.Show(fresh)
				}
			}, b.host.Window())
		d.SetConfirmText(lang.L("Replace it"))
		d.SetDismissText(lang.L("Show their version"))
		d.Show()
		return
	}
	b.store(r)
}

// Commit saves what the form holds when it differs from the record it
// opened (or the record is new), and reports whether the stored record
// now is what the form shows: what a step of the workflow needs before
// it acts on the stored record. A record changed on another device since
// it was opened is not replaced here; Save offers that choice.
func (b *Browser[T, P]) Commit() bool {
	r := *b.Current
	if msgs := b.ed.Read(&r); len(msgs) > 0 {
		b.ed.Fields().Show(WithValidation(msgs, P(&r), b.host.Lang()))
		return false
	}
	if !b.isNew() && SameNormalized[T, P](&r, b.Current) {
		return true
	}
	if b.changedElsewhere() != nil {
		b.host.ShowError(lang.L("Could not save"), errors.New(lang.L("Since you opened it, this record was changed on another device. Save it first, which lets you choose which version to keep.")))
		return false
	}
	return b.store(r)
}

// store saves r, the form's record as read from the form, and reports
// whether it was stored.
func (b *Browser[T, P]) store(r T) bool {
	before := b.Current
	err := b.K.Save(b.host.Ctx(), &r)
	if ve, ok := data.AsValidation(err); ok {
		b.ed.Fields().Show(ValidationMsgs(ve, b.host.Lang()))
		return false
	}
	if err != nil {
		b.host.ShowError(lang.L("Could not save"), ReadOnlyError(err))
		return false
	}
	b.HideUndo()
	b.Status.SetText(lang.L("Saved."))
	b.Reload()
	// The form goes on with the record as stored, which changedElsewhere
	// compares with what the store holds at the next save.
	if stored, err := b.K.Load(b.host.Ctx(), P(&r).RecordMeta().ID); err == nil {
		b.Show(stored)
	} else {
		b.Show(&r)
	}
	b.savedOver(before)
	b.host.LocalChange()
	return true
}

// changedElsewhere returns the stored record when sync brought another
// device's edit of the record in the form since it was opened, and nil
// otherwise. The store writes a save on the version it holds, so without
// this check the form would silently replace an edit it never showed.
// Changes of the sync fields alone (this device's own edit, pushed) do
// not count.
func (b *Browser[T, P]) changedElsewhere() *T {
	if b.isNew() {
		return nil
	}
	fresh, err := b.K.Load(b.host.Ctx(), P(b.Current).RecordMeta().ID)
	if err != nil || sameContent[T, P](fresh, b.Current) {
		return nil // a record that is gone is the save's to report
	}
	return fresh
}

// sameContent compares two records without their sync fields.
func sameContent[T any, P Record[T]](a, b *T) bool {
	ca, cb := *a, *b
	*P(&ca).RecordMeta(), *P(&cb).RecordMeta() = data.Meta{}, data.Meta{}
	ja, errA := json.Marshal(ca)
	jb, errB := json.Marshal(cb)
	return errA == nil && errB == nil && string(ja) == string(jb)
}

// SameNormalized compares two records as the store would keep them:
// normalised (an empty list read from a form is the same as one read from
// the database), without their sync fields. The records are not changed.
func SameNormalized[T any, P Record[T]](a, b *T) bool {
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

// ReadOnlyError says the store's refusal of another office's record the
// way the form's note does.
func ReadOnlyError(err error) error {
	if errors.Is(err, store.ErrReadOnly) {
		return errors.New(lang.L("Another office's record — read only"))
	}
	return err
}

func (b *Browser[T, P]) confirmDelete() {
	if b.isNew() {
		return
	}
	id := P(b.Current).RecordMeta().ID
	dialog.NewConfirm(lang.L("Delete"), lang.L("Delete this record? You can undo it right afterwards."),
		func(ok bool) {
			if ok {
				b.Delete(id)
			}
		}, b.host.Window()).Show()
}

// Delete marks the record deleted (soft, so that it syncs and can be
// restored) and offers to undo it.
func (b *Browser[T, P]) Delete(id string) {
	if err := b.host.Records().Delete(b.host.Ctx(), b.K.StoreKind, id); err != nil {
		b.host.ShowError(lang.L("Could not delete"), ReadOnlyError(err))
		return
	}
	b.Reload()
	b.OpenNew()
	b.deletedID = id
	b.Status.SetText(lang.L("Deleted."))
	b.UndoBtn.Show()
	b.host.LocalChange()
}

// undo restores the record deleted last and opens it again.
func (b *Browser[T, P]) undo() {
	id := b.deletedID
	b.HideUndo()
	if id == "" {
		return
	}
	if err := b.host.Records().Restore(b.host.Ctx(), b.K.StoreKind, id); err != nil {
		b.host.ShowError(lang.L("Could not undo"), err)
		return
	}
	b.Status.SetText(lang.L("Restored."))
	b.Reload()
	if r, err := b.K.Load(b.host.Ctx(), id); err == nil {
		b.Show(r)
	}
	b.host.LocalChange()
}

func (b *Browser[T, P]) HideUndo() {
	b.deletedID = ""
	b.UndoBtn.Hide()
}

// SetEnabled enables or disables every input inside o: the entries,
// selects, checks and buttons of a form, however nested in containers.
func SetEnabled(o fyne.CanvasObject, on bool) {
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			SetEnabled(c, on)
		}
	case *widget.Form:
		for _, it := range w.Items {
			SetEnabled(it.Widget, on)
		}
	case fyne.Disableable:
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}

// WithValidation adds to msgs what the domain's validation says of a copy
// of r, except for fields that msgs already explains: a date that could
// not be read need not also be called missing.
func WithValidation[T any, P Record[T]](msgs []FieldMsg, r P, l data.Lang) []FieldMsg {
	check := *r
	P(&check).Normalize()
	ve, _ := data.AsValidation(P(&check).Validate())
	seen := map[string]bool{}
	for _, m := range msgs {
		seen[m.Key] = true
	}
	for _, m := range ValidationMsgs(ve, l) {
		if !seen[m.Key] {
			msgs = append(msgs, m)
		}
	}
	return msgs
}
