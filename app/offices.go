package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"github.com/humasdesk/humasdesk/data"
)

// This file keeps the window in step with what sync changes underneath
// it: the offices it knows (a coordinator receives those under it), the
// installation's own office (enrollment replaces it), and the records a
// round pulled.

// readOffices reads the offices: this office and those under it (tree,
// this one first), and the names of every office the database holds.
func (u *UI) readOffices() {
	ctx := u.ctx()
	tree, err := u.store.OfficeTree(ctx, u.officeID)
	if err != nil {
		fyne.LogError("reading the offices under this one", err)
		tree = nil
	}
	all, err := u.store.Offices(ctx)
	if err != nil {
		fyne.LogError("reading the offices", err)
	}
	u.tree = tree
	u.officeNames = make(map[string]string, len(all))
	for _, o := range all {
		u.officeNames[o.ID] = o.Name
	}
	inTree := map[string]bool{}
	for _, o := range tree {
		inTree[o.ID] = true
	}
	u.treeIsAll = err == nil
	for _, o := range all {
		if !inTree[o.ID] {
			u.treeIsAll = false
		}
	}
}

// under is the offices under this one, by name.
func (u *UI) under() []data.Office {
	if len(u.tree) < 2 {
		return nil
	}
	return u.tree[1:]
}

// officeName is the name of an office the database holds.
func (u *UI) officeName(id string) string {
	if n, ok := u.officeNames[id]; ok {
		return n
	}
	return lang.L("(unknown office)")
}

// isForeign reports whether a record of officeID belongs to another
// office, and so may only be read here. A new record has no office yet.
func (u *UI) isForeign(officeID string) bool {
	return officeID != "" && officeID != u.officeID
}

// officeChanged follows an enrollment, which makes the server's office
// this installation's own and moves the records to it: every view reads
// again.
func (u *UI) officeChanged() {
	o, err := u.store.CurrentOffice(u.ctx())
	if err != nil {
		u.showError(lang.L("Could not read the office profile"), err)
		return
	}
	u.officeID = o.ID
	u.draftEd.agencies.officeID = o.ID
	u.entryEd.partners.officeID = o.ID
	u.readOffices()
	for _, b := range u.lists() {
		b.SetOffices()
		b.Reload()
	}
	u.settings.loadOffice()
	u.settings.report.showPlaceholders()
	u.home.refresh()
	u.export.refresh()
	if u.agenda != nil {
		u.agenda.refresh()
	}
}

// dataChanged follows a sync round that brought records (or a conflict
// resolved here): the list on screen and Beranda read again at once, the
// other lists when they are shown.
func (u *UI) dataChanged() {
	u.readOffices() // a coordinator's first rounds bring the offices under it
	u.personChanged()
	u.refreshInbox()
	for _, b := range u.lists() {
		b.SetOffices()
		if u.showing(b.View()) {
			b.Reload()
		} else {
			b.MarkStale()
		}
	}
	if u.showing(u.home.content) {
		u.home.refresh()
	}
	if u.showing(u.export.content) {
		u.export.refresh()
	}
	if u.agenda != nil && u.showing(u.agenda.content) {
		u.agenda.refresh()
	}
	if u.numbers != nil && u.showing(u.numbers.content) {
		u.numbers.refresh() // numbers of other devices, and clashes, arrive by sync
	}
}

// showing reports whether the view content is the one on screen.
func (u *UI) showing(content fyne.CanvasObject) bool {
	sel := u.tabs.Selected()
	if sel == nil {
		return false
	}
	if inner, ok := sel.Content.(*container.AppTabs); ok && inner != content { // Kegiatan/Laporan, Hoaks
		r := inner.Selected()
		return r != nil && r.Content == content
	}
	return sel.Content == content
}

// list is what the window needs of a browser whatever its record kind.
type list interface {
	SetOffices() bool
	Reload()
	View() fyne.CanvasObject
	MarkStale()
}

// lists are the record lists: agencies, drafts, entries and the hoax
// register's cases.
func (u *UI) lists() []list {
	if u.agencies == nil || u.drafts == nil || u.entries == nil || u.hoaxes == nil {
		return nil // still being built
	}
	return []list{u.agencies, u.drafts, u.entries, u.hoaxes.cases}
}
