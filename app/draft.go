package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// draftKind describes content drafts (Konten) to the browser.
func draftKind(u *UI) kind[data.Draft] {
	l := u.lang
	return kind[data.Draft]{
		storeKind: store.KindDraft,
		newTitle:  lang.L("New content"),
		editTitle: lang.L("Edit content"),
		viewTitle: lang.L("Content"),
		columns: []column[data.Draft]{
			{data.LabelTitle.In(l), 280, func(d *data.Draft) string { return d.Title }},
			{data.LabelStatus.In(l), 110, func(d *data.Draft) string { return data.DraftStatuses.Label(d.Status, l) }},
			{data.LabelPlannedDate.In(l), 190, func(d *data.Draft) string { return iddate.Format(d.PlannedDate, l) }},
			{data.LabelKind.In(l), 170, func(d *data.Draft) string { return data.DraftKinds.Label(d.Kind, l) }},
		},
		count: u.store.CountDraftsIn,
		page:  u.store.DraftsIn,
		load:  u.store.Draft,
		// The form's Save also stores the photo captions changed and not
		// yet saved; the check then runs on what was saved.
		save: func(ctx context.Context, d *data.Draft) error {
			if err := u.store.SaveDraft(ctx, d); err != nil {
				return err
			}
			if err := u.draftEd.photos.saveCaptions(); err != nil {
				return err
			}
			u.draftEd.justSaved = true
			return nil
		},
		blank: func() data.Draft { return data.Draft{Status: data.StatusDraft, Revision: 1} },
		tools: []fyne.CanvasObject{newTemplateButton(u)},
		filters: func(bar *filterBar, set func(func(*store.Filter))) {
			bar.add("kind", newChoice(data.DraftKinds, l, lang.L("All kinds"), func(code string) {
				set(func(f *store.Filter) { f.Kind = code })
			}))
			bar.add("status", newChoice(data.DraftStatuses, l, lang.L("All statuses"), func(code string) {
				set(func(f *store.Filter) { f.Status = code })
			}))
			addDateRange(bar, l, set)
		},
	}
}

// addDateRange adds "from" and "to" date filters; a half-typed date does
// not filter until it is a date.
func addDateRange(bar *filterBar, l data.Lang, set func(func(*store.Filter))) {
	from, to := newDateField(l, true), newDateField(l, true)
	from.entry.SetPlaceHolder(lang.L("From date"))
	to.entry.SetPlaceHolder(lang.L("To date"))
	from.changed = func() {
		d, _ := from.date()
		set(func(f *store.Filter) { f.From = d })
	}
	to.changed = func() {
		d, _ := to.date()
		set(func(f *store.Filter) { f.To = d })
	}
	bar.add("from", from.content)
	bar.add("to", to.content)
	bar.byKey["from.field"], bar.byKey["to.field"] = from.entry, to.entry
}

// draftForm edits one draft. Its status is not a field: the workflow bar
// above the fields shows it, with the steps the local user may take, and
// a draft under review, approved or published shows its fields locked.
// Below them: the pictures that go out with the draft, the neutrality
// check, and the history of its workflow.
type draftForm struct {
	u         *UI
	f         *fieldSet
	title     *widget.Entry
	kind      *choice
	planned   *dateField
	channels  *checkSet
	stage     *widget.Entry
	agencies  *agencyPicker
	body      *widget.Entry
	photos    *photoList
	flow      *workflowBar
	checker   *checkPanel
	trail     *trailView
	current   *data.Draft     // the draft shown, as the browser gave it
	locked    bool            // its fields may not be edited (workflow.Editable)
	justSaved bool            // the draft shown was saved just now
	picker    *templatePicker // the "Baru dari templat…" dialog while open
	notice    *widget.Label   // what a template left to fill in, until another draft is shown
}

// newDraftForm makes the Konten form: the fields, with the workflow bar
// above them and the pictures, the neutrality check and the history
// below.
func newDraftForm(u *UI) *draftForm {
	d := newDraftFields(u)
	l := u.lang
	d.photos = newPhotoListOf(u, d.draftPhotos())
	d.flow = newWorkflowBar(u, d)
	d.checker = newCheckPanel(u, d)
	d.trail = newTrailView(u)
	d.f.addNamed("photos", data.LabelPhoto.In(l), d.photos.content)
	d.notice = widget.NewLabel("")
	d.notice.Wrapping = fyne.TextWrapWord
	d.notice.Importance = widget.WarningImportance
	d.notice.Hide()
	d.f.content = container.NewVBox(d.flow.content, d.notice, d.f.general, d.f.form, d.checker.content, d.trail.content)
	return d
}

// newDraftFields makes the draft's fields alone, as the merge of a sync
// conflict edits them: the workflow's fields are not the merge's to
// change.
func newDraftFields(u *UI) *draftForm {
	l := u.lang
	d := &draftForm{
		u: u, f: newFieldSet(l), title: widget.NewEntry(),
		kind: newChoice(data.DraftKinds, l, "", nil), planned: newDateField(l, false), stage: widget.NewEntry(),
		agencies: newAgencyPicker(u.store, u.officeID, func(err error) { u.showError(lang.L("Could not search agencies"), err) }),
		body:     newMultiLine(8), channels: newCheckSet(data.Channels, l, 3),
	}
	d.stage.SetPlaceHolder(lang.L("e.g. Campaign period"))
	d.f.add("title", data.LabelTitle, d.title)
	d.f.add("kind", data.LabelKind, d.kind)
	d.f.add("planned_date", data.LabelPlannedDate, d.planned.content)
	d.f.add("channels", data.LabelChannels, d.channels.content)
	d.f.add("election_stage", data.LabelElectionStage, d.stage)
	d.f.add("agency_ids", data.LabelAgencies, d.agencies.content)
	d.f.add("body", data.LabelBody, d.body)
	return d
}

// draftPhotos are the pictures of the draft in the form; adding,
// deleting or marking one checks the draft again.
func (d *draftForm) draftPhotos() photoOwner {
	st := d.u.store
	return photoOwner{
		list: func(ctx context.Context, id string) ([]data.Photo, error) { return st.DraftPhotos(ctx, id) },
		attach: func(ctx context.Context, id, path string, official bool) (*data.Photo, error) {
			return st.AttachDraftPhoto(ctx, id, path, "", official)
		},
		officials: true,
		saveFirst: lang.L("Save the content first to add photos."),
		deleteAsk: lang.L("Delete this photo from the content?"),
		changed: func() {
			if d.current != nil && d.current.ID != "" {
				d.checker.run()
			}
		},
	}
}

func (d *draftForm) fields() *fieldSet { return d.f }

func (d *draftForm) fill(r *data.Draft) {
	d.current = r
	d.title.SetText(r.Title)
	d.kind.setCode(r.Kind)
	d.planned.setDate(r.PlannedDate)
	d.channels.set(r.Channels)
	d.stage.SetText(r.ElectionStage)
	d.agencies.set(r.AgencyIDs)
	d.body.SetText(r.Body)
	if d.photos != nil {
		d.photos.show(r.ID)
	}
}

// shown follows the browser's showing a draft: the workflow, the lock,
// the history, and the neutrality check of a stored draft.
func (d *draftForm) shown(foreign bool) {
	r := d.current
	if d.flow == nil { // the fields of a merge
		return
	}
	d.notice.Hide()
	d.locked = !workflow.Editable(r.Status)
	setEnabled(d.f.form, !foreign && !d.locked)
	if b := d.u.drafts; b != nil && d.locked && !foreign {
		b.saveBtn.Hide() // nothing in a locked form can change
	}
	d.flow.show(r, foreign)
	d.trail.show(r.ID)
	d.checker.btn.Enable()
	saved := d.justSaved
	d.justSaved = false
	if r.ID == "" {
		d.checker.reset()
		return
	}
	n := len(d.checker.run())
	if b := d.u.drafts; saved && n > 0 && b != nil {
		b.status.SetText(lang.L("Saved, with {{.Count}} findings of the neutrality check to look at.", map[string]any{"Count": n}))
	}
}

// snapshot is the draft as the form holds it now, for the check: input
// that cannot be read (a half-typed date) counts as empty.
func (d *draftForm) snapshot() data.Draft {
	var r data.Draft
	if d.current != nil {
		r = *d.current
	}
	d.read(&r)
	return r
}

func (d *draftForm) read(r *data.Draft) []fieldMsg {
	var msgs []fieldMsg
	r.Title = d.title.Text
	r.Kind = d.kind.code()
	r.PlannedDate = d.planned.read("planned_date", data.LabelPlannedDate, &msgs)
	r.Channels = d.channels.get()
	r.ElectionStage = d.stage.Text
	r.AgencyIDs = d.agencies.get()
	r.Body = d.body.Text
	return msgs
}
