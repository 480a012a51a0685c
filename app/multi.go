package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// socialEditor edits an agency's official accounts: one row per account,
// a platform and a handle, with rows added and removed by buttons.
type socialEditor struct {
	l       data.Lang
	rows    []*socialRow
	box     *fyne.Container
	add     *widget.Button
	content fyne.CanvasObject
}

type socialRow struct {
	platform *kit.Choice
	handle   *widget.Entry
	content  fyne.CanvasObject
}

func newSocialEditor(l data.Lang) *socialEditor {
	s := &socialEditor{l: l, box: container.NewVBox()}
	s.add = widget.NewButtonWithIcon(lang.L("Add account"), theme.ContentAddIcon(), func() { s.addRow(data.SocialAccount{}) })
	s.content = container.NewVBox(s.box, container.NewHBox(s.add))
	return s
}

func (s *socialEditor) addRow(a data.SocialAccount) *socialRow {
	r := &socialRow{platform: kit.NewChoice(data.SocialPlatforms, s.l, "", nil), handle: widget.NewEntry()}
	r.platform.SetCode(a.Platform)
	r.handle.SetText(a.Handle)
	r.handle.SetPlaceHolder("@akun")
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { s.removeRow(r) })
	r.content = container.NewBorder(nil, nil, r.platform, remove, r.handle)
	s.rows = append(s.rows, r)
	s.box.Add(r.content)
	return r
}

func (s *socialEditor) removeRow(r *socialRow) {
	for i, x := range s.rows {
		if x == r {
			s.rows = append(s.rows[:i], s.rows[i+1:]...)
			break
		}
	}
	s.box.Remove(r.content)
}

func (s *socialEditor) set(accts data.List[data.SocialAccount]) {
	s.rows = nil
	s.box.RemoveAll()
	for _, a := range accts {
		s.addRow(a)
	}
}

func (s *socialEditor) get() data.List[data.SocialAccount] {
	var out data.List[data.SocialAccount]
	for _, r := range s.rows {
		out = append(out, data.SocialAccount{Platform: r.platform.Code(), Handle: r.handle.Text})
	}
	return out
}

// agencySource is what the agency picker needs of the store: a search that
// returns a few matches, and names for ids already chosen. It never lists
// every agency.
type agencySource interface {
	Agencies(ctx context.Context, f store.Filter, offset, limit int) ([]data.Agency, error)
	AgencyNames(ctx context.Context, ids []string) (map[string]string, error)
}

// pickerResults is how many matches the picker offers at once; the user
// narrows the search rather than scrolls.
const pickerResults = 8

// agencyPicker chooses related or partner agencies by searching them by
// name. Chosen agencies are listed with a button to remove each.
type agencyPicker struct {
	src      agencySource
	officeID string
	onError  func(error)
	ids      []string
	names    map[string]string
	chosen   *fyne.Container
	search   *widget.Entry
	results  *fyne.Container
	content  fyne.CanvasObject
}

func newAgencyPicker(src agencySource, officeID string, onError func(error)) *agencyPicker {
	p := &agencyPicker{src: src, officeID: officeID, onError: onError, names: map[string]string{},
		chosen: container.NewVBox(), search: widget.NewEntry(), results: container.NewVBox()}
	p.search.SetPlaceHolder(lang.L("Search agencies by name…"))
	// The search runs on each keystroke: it asks for a handful of rows by
	// an indexed column, which is quicker than a debounce would be felt.
	p.search.OnChanged = p.find
	p.content = container.NewVBox(p.chosen, p.search, p.results)
	return p
}

// set shows the agencies with these ids, looking up their names.
func (p *agencyPicker) set(ids []string) {
	p.ids = append([]string(nil), ids...)
	names, err := p.src.AgencyNames(context.Background(), p.ids)
	if err != nil {
		p.onError(err)
	}
	p.names = names
	p.search.SetText("")
	p.redraw()
}

func (p *agencyPicker) get() data.List[string] {
	if len(p.ids) == 0 {
		return nil
	}
	return append(data.List[string](nil), p.ids...)
}

func (p *agencyPicker) find(q string) {
	p.results.RemoveAll()
	if strings.TrimSpace(q) == "" {
		return
	}
	found, err := p.src.Agencies(context.Background(), store.Filter{OfficeID: p.officeID, Query: q}, 0, pickerResults)
	if err != nil {
		p.onError(err)
		return
	}
	for _, a := range found {
		b := widget.NewButtonWithIcon(a.Name, theme.ContentAddIcon(), func() { p.choose(a.ID, a.Name) })
		b.Alignment = widget.ButtonAlignLeading
		p.results.Add(b)
	}
	if len(found) == 0 {
		p.results.Add(widget.NewLabel(lang.L("No agency matches")))
	}
}

func (p *agencyPicker) choose(id, name string) {
	for _, x := range p.ids {
		if x == id {
			return
		}
	}
	p.ids = append(p.ids, id)
	p.names[id] = name
	p.search.SetText("") // also clears the results
	p.redraw()
}

func (p *agencyPicker) remove(id string) {
	for i, x := range p.ids {
		if x == id {
			p.ids = append(p.ids[:i], p.ids[i+1:]...)
			break
		}
	}
	p.redraw()
}

func (p *agencyPicker) redraw() {
	p.chosen.RemoveAll()
	for _, id := range p.ids {
		name, ok := p.names[id]
		if !ok { // deleted since, or not synced yet
			name = lang.L("(unknown agency)")
		}
		rm := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { p.remove(id) })
		rm.Importance = widget.LowImportance
		p.chosen.Add(container.NewBorder(nil, nil, nil, rm, widget.NewLabel(name)))
	}
}

// result returns the search result button for name, for tests.
func (p *agencyPicker) result(name string) *widget.Button {
	for _, o := range p.results.Objects {
		if b, ok := o.(*widget.Button); ok && b.Text == name {
			return b
		}
	}
	return nil
}
