// Package inbox is Tugas saya: the work waiting for the signed-in person
// (content to approve, content returned to them, hoax cases open for more
// than a day, the ending quarter's report), read by the store
// (store.Inbox) and shown as a list whose count the app puts on the
// navigation. It tells the desktop when something new arrives for the
// person, not on every refresh.
//
// It never imports another screen package: opening an item's record is
// the app's (View.Open).
package inbox

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
)

// Source is what the inbox needs of the store.
type Source interface {
	Inbox(ctx context.Context, personID string, now time.Time) ([]store.InboxItem, error)
}

// Host is what the inbox needs of the application around it.
type Host interface {
	Ctx() context.Context
	Lang() data.Lang
	ShowError(what string, err error)
}

// View is the inbox of one person at a time.
type View struct {
	h   Host
	src Source
	// Open shows an item's record (the app's screens); Notify tells the
	// desktop of new work (fyne.App.SendNotification); Counted follows
	// every refresh with the number of items (the navigation's badge);
	// Now is the clock. The app sets them; all may be nil but Now.
	Open    func(store.InboxItem)
	Notify  func(title, body string)
	Counted func(n int)
	Now     func() time.Time

	person  string          // whose inbox is shown
	seen    map[string]bool // keys of the items shown so far to person
	Items   []store.InboxItem
	List    *widget.List
	Empty   *widget.Label
	Content fyne.CanvasObject
}

// New makes an empty inbox; Show fills it for a person.
func New(h Host, src Source) *View {
	v := &View{h: h, src: src, Now: time.Now}
	v.List = widget.NewList(func() int { return len(v.Items) }, v.newRow, v.updateRow)
	v.List.OnSelected = func(i widget.ListItemID) {
		v.List.UnselectAll()
		if i >= 0 && i < len(v.Items) && v.Open != nil {
			v.Open(v.Items[i])
		}
	}
	v.Empty = widget.NewLabel(lang.L("Nothing waits for you. New work appears here after each sync."))
	v.Empty.Wrapping = fyne.TextWrapWord
	heading := widget.NewLabelWithStyle(lang.L("My tasks"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	refresh := widget.NewButtonWithIcon("", theme.ViewRefreshIcon(), v.Refresh)
	refresh.Importance = widget.LowImportance
	v.Content = container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, refresh, heading), v.Empty),
		nil, nil, nil, v.List)
	return v
}

func (v *View) newRow() fyne.CanvasObject {
	title := widget.NewLabel("")
	title.TextStyle.Bold = true
	title.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("")
	detail.Truncation = fyne.TextTruncateEllipsis
	detail.Importance = widget.LowImportance
	return container.NewVBox(title, detail)
}

func (v *View) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i < 0 || i >= len(v.Items) {
		return
	}
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(v.Title(i))
	box.Objects[1].(*widget.Label).SetText(v.Detail(i))
}

// Title is the first line of item i: its kind and what it is about.
func (v *View) Title(i int) string {
	it := v.Items[i]
	return data.InboxKinds.Label(it.Kind, v.h.Lang()) + ": " + it.Title
}

// Detail is the second line of item i: since when, and who or why.
func (v *View) Detail(i int) string {
	it := v.Items[i]
	out := ""
	if !it.Since.IsZero() {
		out = iddate.Format(data.DateOf(it.Since.Local()), v.h.Lang())
	}
	switch it.Kind {
	case data.InboxToApprove:
		out += " · " + lang.L("submitted by {{.Name}}", map[string]any{"Name": it.Note})
	case data.InboxReturned:
		if it.Note != "" {
			out += " · " + lang.L("note: {{.Note}}", map[string]any{"Note": it.Note})
		}
	}
	return out
}

// Show makes the inbox personID's (everything there counts as seen: a
// person is not notified of what waited before they signed in) and
// reads it.
func (v *View) Show(personID string) {
	v.person, v.seen = personID, nil
	v.Refresh()
}

// Clear empties the inbox, when nobody is signed in.
func (v *View) Clear() {
	v.person, v.seen, v.Items = "", nil, nil
	v.shown()
}

// Refresh reads the person's inbox again and notifies of items that were
// not there before. It runs on the main goroutine: the queries read a
// handful of rows by indexed columns.
func (v *View) Refresh() {
	if v.person == "" {
		return
	}
	items, err := v.src.Inbox(v.h.Ctx(), v.person, v.Now())
	if err != nil {
		v.h.ShowError(lang.L("Could not read your tasks"), err)
		return
	}
	var fresh []store.InboxItem
	for _, it := range items {
		if v.seen != nil && !v.seen[it.Key] {
			fresh = append(fresh, it)
		}
	}
	v.seen = map[string]bool{}
	for _, it := range items {
		v.seen[it.Key] = true
	}
	v.Items = items
	v.shown()
	if len(fresh) > 0 && v.Notify != nil {
		v.notify(fresh)
	}
}

func (v *View) shown() {
	if len(v.Items) == 0 {
		v.Empty.Show()
	} else {
		v.Empty.Hide()
	}
	v.List.Refresh()
	if v.Counted != nil {
		v.Counted(len(v.Items))
	}
}

// notify tells the desktop of new items: the first by name, and how many
// more.
func (v *View) notify(fresh []store.InboxItem) {
	first := fresh[0]
	body := data.InboxKinds.Label(first.Kind, v.h.Lang()) + ": " + first.Title
	if n := len(fresh) - 1; n > 0 {
		body += " " + lang.L("(and {{.Count}} more)", map[string]any{"Count": n})
	}
	v.Notify(lang.L("Humas Desk: new work for you"), body)
}
