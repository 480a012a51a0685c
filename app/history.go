package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// History. The store keeps every version of a record that this device
// replaced (store.History); Riwayat lists them beside the current one,
// each with who wrote it, when, and what it changed, field by field.
// "Pulihkan versi ini" puts a version in the form and saves it: a new
// edit like any other, which syncs.

// historyForm is a form whose record's versions Riwayat shows.
type historyForm interface {
	// historyOf is the record in the form: its kind and id ("" while
	// new), and the record as stored, as JSON.
	historyOf() (k store.Kind, id string, current []byte, meta data.Meta)
	// restoreVersion shows raw, an earlier version of the record, in the
	// form and saves it; it reports whether it was stored.
	restoreVersion(raw []byte) bool
}

// shownVersion is one version as Riwayat lists it.
type shownVersion struct {
	author string
	at     time.Time
	raw    []byte
	cur    bool   // the current version
	source string // store.HistoryLocal or store.HistorySync; "" for the current one
}

// historyView is the Riwayat dialog of one record.
type historyView struct {
	u        *UI
	form     historyForm
	kind     string // the wire kind
	versions []shownVersion
	sel      int
	list     *widget.List
	head     *widget.Label
	diffBox  *fyne.Container
	restore  *widget.Button
	rows     []diffRow // what the selected version changed, for tests
	trail    *trailView
	dlg      *dialog.CustomDialog
	content  fyne.CanvasObject
}

// errNotSaved is why a new record has no history yet.
var errNotSaved = errors.New("data ini belum pernah disimpan, jadi belum punya riwayat")

// showHistory opens Riwayat for the record in f.
func (u *UI) showHistory(f historyForm) {
	k, id, cur, meta := f.historyOf()
	if id == "" {
		u.showError(lang.L("Could not read the history"), errNotSaved)
		return
	}
	past, err := u.store.History(u.ctx(), k, id)
	if err != nil {
		u.showError(lang.L("Could not read the history"), err)
		return
	}
	v := &historyView{u: u, form: f, kind: wireKind(k), sel: -1, head: widget.NewLabel(""), diffBox: container.NewVBox()}
	v.versions = append(v.versions, shownVersion{author: meta.UpdatedBy, at: meta.UpdatedAt, raw: cur, cur: true})
	for _, p := range past {
		v.versions = append(v.versions, shownVersion{author: p.Author, at: p.At, raw: []byte(p.Payload), source: p.Source})
	}
	v.build()
	if k == store.KindDraft {
		v.trail = newTrailView(u)
		v.trail.show(id)
		v.content = container.NewAppTabs(
			container.NewTabItemWithIcon(lang.L("Versions"), theme.HistoryIcon(), v.content),
			container.NewTabItemWithIcon(lang.L("Workflow steps"), theme.ListIcon(), container.NewVScroll(v.trail.content)),
		)
	}
	closeBtn := widget.NewButton(lang.L("Close"), func() { v.dlg.Hide() })
	v.dlg = dialog.NewCustomWithoutButtons(lang.L("History"), v.content, u.win)
	v.dlg.SetButtons([]fyne.CanvasObject{closeBtn})
	v.dlg.Resize(fyne.NewSize(960, 620))
	u.history = v
	v.dlg.Show()
	v.list.Select(0)
}

func (v *historyView) build() {
	v.head.TextStyle.Bold = true
	v.head.Wrapping = fyne.TextWrapWord
	v.list = widget.NewList(
		func() int { return len(v.versions) },
		twoLineItem,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(v.versions) {
				return
			}
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(v.title(i))
			box.Objects[1].(*widget.Label).SetText(v.byline(i))
		},
	)
	v.list.OnSelected = v.show
	v.restore = widget.NewButtonWithIcon(lang.L("Restore this version"), theme.ContentUndoIcon(), v.restoreSelected)
	v.restore.Importance = widget.HighImportance
	detail := container.NewBorder(v.head, container.NewHBox(v.restore), nil, nil, container.NewVScroll(v.diffBox))
	split := container.NewHSplit(v.list, detail)
	split.Offset = 0.32
	v.content = split
}

// title is "Versi kini" or "Versi 3" (the oldest is 1).
func (v *historyView) title(i int) string {
	if v.versions[i].cur {
		return lang.L("Current version")
	}
	return lang.L("Version {{.N}}", map[string]any{"N": len(v.versions) - i})
}

// byline says who wrote version i and when.
func (v *historyView) byline(i int) string {
	s := v.versions[i]
	who := s.author
	if who == "" {
		who = lang.L("(unknown)")
	}
	out := who + " · " + whenText(s.at, v.u.lang)
	if i > 0 && v.versions[i-1].source == store.HistorySync {
		out += " · " + lang.L("replaced by a version from the server")
	}
	return out
}

// whenText is "Senin, 10 Juli 2023 15.40" in local time.
func whenText(t time.Time, l data.Lang) string {
	if t.IsZero() {
		return ""
	}
	t = t.Local()
	return iddate.Format(data.DateOf(t), l) + " " + iddate.Clock(t)
}

// show puts version i and what it changed against the one before it.
func (v *historyView) show(i widget.ListItemID) {
	if i < 0 || i >= len(v.versions) {
		return
	}
	v.sel = i
	v.head.SetText(v.title(i) + " — " + v.byline(i))
	v.diffBox.RemoveAll()
	if i == len(v.versions)-1 {
		v.rows = nil
		v.diffBox.Add(widget.NewLabel(lang.L("The oldest version kept on this device.")))
		v.showFields(i)
	} else {
		v.rows = v.u.versionDiff(v.kind, v.versions[i+1].raw, v.versions[i].raw)
		v.diffBox.Add(container.NewGridWithColumns(2, heading(lang.L("Before")), heading(lang.L("After this version"))))
		for _, r := range v.rows {
			before, after := diffTexts(r.mine, r.theirs)
			v.diffBox.Add(heading(r.label))
			v.diffBox.Add(container.NewGridWithColumns(2, before, after))
		}
		if len(v.rows) == 0 {
			v.diffBox.Add(widget.NewLabel(lang.L("No field changed (only its sync state).")))
		}
	}
	if v.versions[i].cur {
		v.restore.Disable()
	} else {
		v.restore.Enable()
	}
}

// showFields lists every field of version i, for the oldest one.
func (v *historyView) showFields(i int) {
	for _, f := range v.u.versionFields(v.kind, v.versions[i].raw) {
		if f.value == "" {
			continue
		}
		l := widget.NewLabel(f.value)
		l.Wrapping = fyne.TextWrapWord
		v.diffBox.Add(heading(f.label.In(v.u.lang)))
		v.diffBox.Add(l)
	}
}

func (v *historyView) restoreSelected() {
	if v.sel <= 0 || v.sel >= len(v.versions) {
		return
	}
	if v.form.restoreVersion(v.versions[v.sel].raw) {
		v.dlg.Hide()
		if v.u.history == v {
			v.u.history = nil
		}
	}
}

// versionDiff is the fields in which version after differs from before,
// in the order of the record's form (mine: before, theirs: after).
func (u *UI) versionDiff(kind string, before, after []byte) []diffRow {
	a := u.versionFields(kind, before)
	b := u.versionFields(kind, after)
	var out []diffRow
	for i, f := range b {
		old := ""
		if i < len(a) {
			old = a[i].value
		}
		if old != f.value {
			out = append(out, diffRow{key: f.key, label: f.label.In(u.lang), mine: old, theirs: f.value})
		}
	}
	return out
}

// versionFields is shownFields, and for the kinds it does not know (a
// hoax case, a stage, a template) every field of the record's JSON by
// its name, except the sync fields.
func (u *UI) versionFields(kind string, raw []byte) []shownField {
	if f := u.shownFields(kind, raw); f != nil {
		return f
	}
	if f := u.moreFields(kind, raw); f != nil {
		return f
	}
	var m map[string]any
	_ = json.Unmarshal(raw, &m) // a version that does not read shows empty
	var keys []string
	for k := range m {
		switch k {
		case "id", "office_id", "version", "server_seq", "deleted", "updated_at", "updated_by":
			continue
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]shownField, len(keys))
	for i, k := range keys {
		val := ""
		if m[k] != nil {
			val = fmt.Sprint(m[k])
		}
		out[i] = shownField{key: k, label: data.Text{ID: k, EN: k}, value: val}
	}
	return out
}

// moreFields is shownFields of the kinds that only Riwayat shows: a hoax
// case, a stage, a template.
func (u *UI) moreFields(kind string, raw []byte) []shownField {
	l := u.lang
	moment := func(t *time.Time) string {
		if t == nil || t.IsZero() {
			return ""
		}
		return whenText(*t, l)
	}
	switch kind {
	case syncapi.KindHoax:
		var h data.Hoax
		_ = json.Unmarshal(raw, &h)
		clarification := ""
		if h.DraftID != "" {
			clarification = h.DraftID
			if d, err := u.store.Draft(u.ctx(), h.DraftID); err == nil {
				clarification = d.Title
			}
		}
		return []shownField{
			{"claim", data.LabelClaim, h.Claim},
			{"platform", data.LabelHoaxPlatform, label(data.HoaxPlatforms, h.Platform, l)},
			{"link", data.LabelHoaxLink, h.Link},
			{"found_at", data.LabelFoundAt, moment(&h.FoundAt)},
			{"draft_id", data.LabelClarification, clarification},
			{"clarified_at", data.LabelClarifiedAt, moment(h.ClarifiedAt)},
			{"notes", data.LabelNotes, h.Notes},
		}
	case syncapi.KindStage:
		var st data.Stage
		_ = json.Unmarshal(raw, &st)
		return []shownField{
			{"name", data.LabelStageName, st.Name},
			{"category", data.LabelStageCategory, label(data.StageCategories, st.Category, l)},
			{"start", data.LabelStageStart, iddate.Format(st.Start, l)},
			{"end", data.LabelStageEnd, iddate.Format(st.End, l)},
			{"election", data.LabelElection, st.Election},
			{"key", data.LabelStageKey, st.Key},
			{"source", data.LabelStageSource, st.Source},
			{"notes", data.LabelNotes, st.Notes},
		}
	case syncapi.KindTemplate:
		var t data.Template
		_ = json.Unmarshal(raw, &t)
		return []shownField{
			{"name", data.LabelTemplateName, t.Name},
			{"draft_kind", data.LabelTemplateKind, label(data.DraftKinds, t.DraftKind, l)},
			{"title", data.LabelTitle, t.Title},
			{"body", data.LabelTemplateBody, t.Body},
		}
	}
	return nil
}

// wireKind is the kind's name in the outbox and the history, which the
// store's kinds share.
func wireKind(k store.Kind) string { return string(k) }
