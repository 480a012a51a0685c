package app

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
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
		save:  u.store.SaveDraft,
		blank: func() data.Draft { return data.Draft{Status: data.StatusDraft} },
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

// draftForm edits one draft.
type draftForm struct {
	f        *fieldSet
	title    *widget.Entry
	kind     *choice
	status   *choice
	planned  *dateField
	channels *checkSet
	stage    *widget.Entry
	agencies *agencyPicker
	body     *widget.Entry
}

func newDraftForm(u *UI) *draftForm {
	l := u.lang
	d := &draftForm{
		f: newFieldSet(l), title: widget.NewEntry(),
		kind: newChoice(data.DraftKinds, l, "", nil), status: newChoice(data.DraftStatuses, l, "", nil),
		planned: newDateField(l, false), stage: widget.NewEntry(),
		agencies: newAgencyPicker(u.store, u.officeID, func(err error) { u.showError(lang.L("Could not search agencies"), err) }),
		body:     newMultiLine(8), channels: newCheckSet(data.Channels, l, 3),
	}
	d.stage.SetPlaceHolder(lang.L("e.g. Campaign period"))
	d.f.add("title", data.LabelTitle, d.title)
	d.f.add("kind", data.LabelKind, d.kind)
	d.f.add("status", data.LabelStatus, d.status)
	d.f.add("planned_date", data.LabelPlannedDate, d.planned.content)
	d.f.add("channels", data.LabelChannels, d.channels.content)
	d.f.add("election_stage", data.LabelElectionStage, d.stage)
	d.f.add("agency_ids", data.LabelAgencies, d.agencies.content)
	d.f.add("body", data.LabelBody, d.body)
	return d
}

func (d *draftForm) fields() *fieldSet { return d.f }

func (d *draftForm) fill(r *data.Draft) {
	d.title.SetText(r.Title)
	d.kind.setCode(r.Kind)
	d.status.setCode(r.Status)
	d.planned.setDate(r.PlannedDate)
	d.channels.set(r.Channels)
	d.stage.SetText(r.ElectionStage)
	d.agencies.set(r.AgencyIDs)
	d.body.SetText(r.Body)
}

func (d *draftForm) read(r *data.Draft) []fieldMsg {
	var msgs []fieldMsg
	r.Title = d.title.Text
	r.Kind = d.kind.code()
	r.Status = d.status.code()
	r.PlannedDate = d.planned.read("planned_date", data.LabelPlannedDate, &msgs)
	r.Channels = d.channels.get()
	r.ElectionStage = d.stage.Text
	r.AgencyIDs = d.agencies.get()
	r.Body = d.body.Text
	return msgs
}
