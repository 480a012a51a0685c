package app

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/csvimport"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
)

// entryKind describes report entries (Kegiatan) to the browser.
func entryKind(u *UI) kind[data.Entry] {
	l := u.lang
	return kind[data.Entry]{
		storeKind: store.KindEntry,
		newTitle:  lang.L("New activity"),
		editTitle: lang.L("Edit activity"),
		viewTitle: lang.L("Activity"),
		columns: []column[data.Entry]{
			{data.LabelStartDate.In(l), 190, func(e *data.Entry) string { return iddate.Format(e.StartDate, l) }},
			{data.LabelTitle.In(l), 260, func(e *data.Entry) string { return e.Title }},
			{lang.L("Strategy"), 80, func(e *data.Entry) string { return strconv.Itoa(e.Strategy) }},
			{data.LabelActivityType.In(l), 160, func(e *data.Entry) string { return data.ActivityTypes.Label(e.ActivityType, l) }},
		},
		count: u.store.CountEntriesIn,
		page:  u.store.EntriesIn,
		load:  u.store.Entry,
		// The form's Save also stores the photo captions changed and
		// not yet saved, so that showing the saved entry loses none.
		save: func(ctx context.Context, e *data.Entry) error {
			if err := u.store.SaveEntry(ctx, e); err != nil {
				return err
			}
			return u.entryEd.photos.saveCaptions()
		},
		csvKind: csvimport.KindEntries,
		// Most activities are logged after they took place, so a new
		// entry starts today and done; a start date after today makes it
		// planned (entryForm.dateChanged).
		blank: func() data.Entry { return data.Entry{StartDate: data.Today(), Status: data.EntryDone} },
		filters: func(bar *filterBar, set func(func(*store.Filter))) {
			bar.add("kind", newChoice(data.ActivityTypes, l, lang.L("All activity types"), func(code string) {
				set(func(f *store.Filter) { f.Kind = code })
			}))
			bar.add("strategy", newChoice(strategyVocabulary(), l, lang.L("All strategies"), func(code string) {
				n, _ := strconv.Atoi(code) // "" (all) is 0: no filter
				set(func(f *store.Filter) { f.Strategy = n })
			}))
			addDateRange(bar, l, set)
		},
	}
}

// entryForm edits one report entry.
type entryForm struct {
	f            *fieldSet
	start, end   *dateField
	title        *widget.Entry
	activity     *choice
	strategy     *choice
	location     *widget.Entry
	online       *widget.Check
	partners     *agencyPicker
	participants *widget.Entry
	outputs      *widget.Entry
	reach        *widget.Entry
	state        *choice
	reason       *widget.Entry
	obstacles    *widget.Entry
	followUp     *widget.Entry
	evidence     *widget.Entry
	notes        *widget.Entry
	photos       *photoList

	// stateChosen: the user picked the state (or the entry was stored
	// with one), so a change of date no longer sets it; autoState is set
	// while the form itself sets it.
	stateChosen, autoState bool
}

func newEntryForm(u *UI) *entryForm {
	l := u.lang
	e := &entryForm{
		f: newFieldSet(l), start: newDateField(l, false), end: newDateField(l, false),
		title: widget.NewEntry(), activity: newChoice(data.ActivityTypes, l, "", nil),
		strategy: newChoice(strategyVocabulary(), l, "", nil), location: widget.NewEntry(),
		online:       widget.NewCheck(data.LabelOnline.In(l), nil),
		partners:     newAgencyPicker(u.store, u.officeID, func(err error) { u.showError(lang.L("Could not search agencies"), err) }),
		participants: widget.NewEntry(), outputs: widget.NewEntry(), reach: widget.NewEntry(),
		reason:    newMultiLine(2),
		obstacles: newMultiLine(2), followUp: newMultiLine(2), evidence: newMultiLine(3), notes: newMultiLine(2),
		photos: newPhotoList(u),
	}
	e.state = newChoice(data.EntryStates, l, "", e.stateChanged)
	e.start.changed = e.dateChanged
	e.reason.SetPlaceHolder(lang.L("Why it did not take place, e.g. the speaker could not come"))
	e.end.entry.SetPlaceHolder(lang.L("Empty if one day"))
	e.evidence.SetPlaceHolder(lang.L("One link per line, https://…"))
	e.f.add("start_date", data.LabelStartDate, e.start.content)
	e.f.add("end_date", data.LabelEndDate, e.end.content)
	e.f.add("title", data.LabelTitle, e.title)
	e.f.add("activity_type", data.LabelActivityType, e.activity)
	e.f.add("strategy", data.LabelStrategy, e.strategy)
	e.f.add("location", data.LabelLocation, e.location)
	e.f.addNamed("online", "", e.online)
	e.f.add("partner_ids", data.LabelPartners, e.partners.content)
	e.f.add("participants", data.LabelParticipants, e.participants)
	e.f.add("outputs", data.LabelOutputs, e.outputs)
	e.f.add("reach", data.LabelReach, e.reach)
	e.f.add("status", data.LabelEntryStatus, e.state)
	e.f.add("not_done_reason", data.LabelNotDoneReason, e.reason)
	e.f.add("obstacles", data.LabelObstacles, e.obstacles)
	e.f.add("follow_up", data.LabelFollowUp, e.followUp)
	e.f.add("evidence_links", data.LabelEvidenceLinks, e.evidence)
	e.f.add("notes", data.LabelNotes, e.notes)
	e.f.addNamed("photos", lang.L("Documentation photos"), e.photos.content)
	return e
}

func (e *entryForm) fields() *fieldSet { return e.f }

func (e *entryForm) fill(r *data.Entry) {
	e.start.setDate(r.StartDate)
	// A one-day activity's end date equals its start; showing it empty
	// keeps the form as the user filled it.
	if r.EndDate == r.StartDate {
		e.end.setDate(data.Date{})
	} else {
		e.end.setDate(r.EndDate)
	}
	e.title.SetText(r.Title)
	e.activity.setCode(r.ActivityType)
	e.strategy.setCode(strconv.Itoa(r.Strategy))
	e.location.SetText(r.Location)
	e.online.SetChecked(r.Online)
	e.partners.set(r.PartnerIDs)
	e.participants.SetText(intText(r.Participants))
	e.outputs.SetText(intText(r.Outputs))
	e.reach.SetText(intText(r.Reach))
	e.setState(r.Status)
	e.stateChosen = r.ID != ""
	e.reason.SetText(r.NotDoneReason)
	e.obstacles.SetText(r.Obstacles)
	e.followUp.SetText(r.FollowUp)
	e.evidence.SetText(strings.Join(r.EvidenceLinks, "\n"))
	e.notes.SetText(r.Notes)
	e.photos.show(r.ID)
}

func (e *entryForm) read(r *data.Entry) []fieldMsg {
	var msgs []fieldMsg
	l := e.f.l
	r.StartDate = e.start.read("start_date", data.LabelStartDate, &msgs)
	r.EndDate = e.end.read("end_date", data.LabelEndDate, &msgs)
	r.Title = e.title.Text
	r.ActivityType = e.activity.code()
	r.Strategy, _ = strconv.Atoi(e.strategy.code()) // none chosen is 0, which Validate refuses
	r.Location = e.location.Text
	r.Online = e.online.Checked
	r.PartnerIDs = e.partners.get()
	r.Participants = intField(e.participants, "participants", data.LabelParticipants, l, &msgs)
	r.Outputs = intField(e.outputs, "outputs", data.LabelOutputs, l, &msgs)
	r.Reach = intField(e.reach, "reach", data.LabelReach, l, &msgs)
	r.Status = e.state.code()
	r.NotDoneReason = e.reason.Text
	if r.Status != data.EntryNotDone {
		r.NotDoneReason = ""
	}
	r.Obstacles = e.obstacles.Text
	r.FollowUp = e.followUp.Text
	r.EvidenceLinks = lines(e.evidence.Text)
	r.Notes = e.notes.Text
	return msgs
}

// stateChanged follows the user's choice of state: only a not-done
// activity takes a reason.
func (e *entryForm) stateChanged(code string) {
	if !e.autoState {
		e.stateChosen = true
	}
	if code == data.EntryNotDone {
		e.reason.Enable()
	} else {
		e.reason.Disable()
	}
}

// setState shows code without counting it as the user's choice.
func (e *entryForm) setState(code string) {
	e.autoState = true
	e.state.setCode(code)
	e.autoState = false
	e.stateChanged(code)
}

// dateChanged makes a new activity planned when its start date is after
// today, and done when it is moved back, until the user picks a state.
func (e *entryForm) dateChanged() {
	if e.stateChosen {
		return
	}
	if d, ok := e.start.date(); ok && !d.IsZero() {
		e.setState(data.DefaultEntryStatus(d, data.Today()))
	}
}
