package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// draftKind describes content drafts (Konten) to the browser.
func draftKind(u *UI) kit.Kind[data.Draft] {
	l := u.lang
	return kit.Kind[data.Draft]{
		StoreKind: store.KindDraft,
		NewTitle:  lang.L("New content"),
		EditTitle: lang.L("Edit content"),
		ViewTitle: lang.L("Content"),
		Columns: []kit.Column[data.Draft]{
			{Title: data.LabelTitle.In(l), Width: 280, Text: func(d *data.Draft) string { return d.Title }},
			{Title: data.LabelStatus.In(l), Width: 110, Text: func(d *data.Draft) string { return data.DraftStatuses.Label(d.Status, l) }},
			{Title: data.LabelPlannedDate.In(l), Width: 190, Text: func(d *data.Draft) string { return iddate.Format(d.PlannedDate, l) }},
			{Title: data.LabelKind.In(l), Width: 170, Text: func(d *data.Draft) string { return data.DraftKinds.Label(d.Kind, l) }},
		},
		Count: u.store.CountDraftsIn,
		Page:  u.store.DraftsIn,
		Load:  u.store.Draft,
		// The form's Save also stores the photo captions changed and not
		// yet saved; the check then runs on what was saved.
		Save: func(ctx context.Context, d *data.Draft) error {
			if err := u.store.SaveDraft(ctx, d); err != nil {
				return err
			}
			if err := u.draftEd.photos.saveCaptions(); err != nil {
				return err
			}
			u.draftEd.justSaved = true
			return nil
		},
		Blank: func() data.Draft { return data.Draft{Status: data.StatusDraft, Revision: 1} },
		Tools: []fyne.CanvasObject{newTemplateButton(u)},
		Filters: func(bar *kit.FilterBar, set func(func(*store.Filter))) {
			bar.Add("kind", kit.NewChoice(data.DraftKinds, l, lang.L("All kinds"), func(code string) {
				set(func(f *store.Filter) { f.Kind = code })
			}))
			bar.Add("status", kit.NewChoice(data.DraftStatuses, l, lang.L("All statuses"), func(code string) {
				set(func(f *store.Filter) { f.Status = code })
			}))
			addDateRange(bar, l, set)
		},
	}
}

// addDateRange adds "from" and "to" date filters; a half-typed date does
// not filter until it is a date.
func addDateRange(bar *kit.FilterBar, l data.Lang, set func(func(*store.Filter))) {
	from, to := kit.NewDateField(l, true), kit.NewDateField(l, true)
	from.Entry.SetPlaceHolder(lang.L("From date"))
	to.Entry.SetPlaceHolder(lang.L("To date"))
	from.Changed = func() {
		d, _ := from.Date()
		set(func(f *store.Filter) { f.From = d })
	}
	to.Changed = func() {
		d, _ := to.Date()
		set(func(f *store.Filter) { f.To = d })
	}
	bar.Add("from", from.Content)
	bar.Add("to", to.Content)
	bar.ByKey["from.field"], bar.ByKey["to.field"] = from.Entry, to.Entry
}

// draftForm edits one draft. Its status is not a field: the workflow bar
// above the fields shows it, with the steps the local user may take, and
// a draft under review, approved or published shows its fields locked.
// Below them: the pictures that go out with the draft, the neutrality
// check, and the history of its workflow.
type draftForm struct {
	u         *UI
	f         *kit.FieldSet
	title     *widget.Entry
	kind      *kit.Choice
	planned   *kit.DateField
	channels  *kit.CheckSet
	stage     *widget.Entry
	agencies  *agencyPicker
	body      *widget.Entry
	photos    *photoList
	docs      *attachmentList // Lampiran (attachments.go)
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
	d.f.AddNamed("photos", data.LabelPhoto.In(l), d.photos.content)
	d.docs = newAttachmentList(u, true)
	d.f.AddNamed("attachments", data.LabelAttachments.In(l), d.docs.content)
	d.notice = widget.NewLabel("")
	d.notice.Wrapping = fyne.TextWrapWord
	d.notice.Importance = widget.WarningImportance
	d.notice.Hide()
	d.f.Content = container.NewVBox(d.flow.content, d.notice, d.f.General, d.f.Form, d.checker.content, d.trail.content)
	return d
}

// newDraftFields makes the draft's fields alone, as the merge of a sync
// conflict edits them: the workflow's fields are not the merge's to
// change.
func newDraftFields(u *UI) *draftForm {
	l := u.lang
	d := &draftForm{
		u: u, f: kit.NewFieldSet(l), title: widget.NewEntry(),
		kind: kit.NewChoice(data.DraftKinds, l, "", nil), planned: kit.NewDateField(l, false), stage: widget.NewEntry(),
		agencies: newAgencyPicker(u.store, u.officeID, func(err error) { u.showError(lang.L("Could not search agencies"), err) }),
		body:     kit.NewMultiLine(8), channels: kit.NewCheckSet(data.Channels, l, 3),
	}
	d.stage.SetPlaceHolder(lang.L("e.g. Campaign period"))
	d.f.Add("title", data.LabelTitle, d.title)
	d.f.Add("kind", data.LabelKind, d.kind)
	d.f.Add("planned_date", data.LabelPlannedDate, d.planned.Content)
	d.f.Add("channels", data.LabelChannels, d.channels.Content)
	d.f.Add("election_stage", data.LabelElectionStage, d.stage)
	d.f.Add("agency_ids", data.LabelAgencies, d.agencies.content)
	d.f.Add("body", data.LabelBody, d.body)
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

func (d *draftForm) Fields() *kit.FieldSet { return d.f }

func (d *draftForm) Fill(r *data.Draft) {
	d.current = r
	d.title.SetText(r.Title)
	d.kind.SetCode(r.Kind)
	d.planned.SetDate(r.PlannedDate)
	d.channels.Set(r.Channels)
	d.stage.SetText(r.ElectionStage)
	d.agencies.set(r.AgencyIDs)
	d.body.SetText(r.Body)
	if d.photos != nil {
		d.photos.show(r.ID)
	}
	if d.docs != nil {
		d.docs.show(r.ID)
	}
}

// shown follows the browser's showing a draft: the workflow, the lock,
// the history, and the neutrality check of a stored draft.
func (d *draftForm) Shown(foreign bool) {
	r := d.current
	if d.flow == nil { // the fields of a merge
		return
	}
	d.notice.Hide()
	d.locked = !workflow.Editable(r.Status)
	kit.SetEnabled(d.f.Form, !foreign && !d.locked)
	if b := d.u.drafts; b != nil && d.locked && !foreign {
		b.SaveBtn.Hide() // nothing in a locked form can change
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
		b.Status.SetText(lang.L("Saved, with {{.Count}} findings of the neutrality check to look at.", map[string]any{"Count": n}))
	}
}

// snapshot is the draft as the form holds it now, for the check: input
// that cannot be read (a half-typed date) counts as empty.
func (d *draftForm) snapshot() data.Draft {
	var r data.Draft
	if d.current != nil {
		r = *d.current
	}
	d.Read(&r)
	return r
}

func (d *draftForm) Read(r *data.Draft) []kit.FieldMsg {
	var msgs []kit.FieldMsg
	r.Title = d.title.Text
	r.Kind = d.kind.Code()
	r.PlannedDate = d.planned.Read("planned_date", data.LabelPlannedDate, &msgs)
	r.Channels = d.channels.Get()
	r.ElectionStage = d.stage.Text
	r.AgencyIDs = d.agencies.get()
	r.Body = d.body.Text
	return msgs
}
