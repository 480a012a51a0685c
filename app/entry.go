package app

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
)

// entryKind describes report entries (Kegiatan) to the browser.
func entryKind(u *UI) kit.Kind[data.Entry] {
	l := u.lang
	return kit.Kind[data.Entry]{
		StoreKind: store.KindEntry,
		NewTitle:  lang.L("New activity"),
		EditTitle: lang.L("Edit activity"),
		ViewTitle: lang.L("Activity"),
		Columns: []kit.Column[data.Entry]{
			{Title: data.LabelStartDate.In(l), Width: 190, Text: func(e *data.Entry) string { return iddate.Format(e.StartDate, l) }},
			{Title: data.LabelTitle.In(l), Width: 260, Text: func(e *data.Entry) string { return e.Title }},
			{Title: lang.L("Strategy"), Width: 80, Text: func(e *data.Entry) string { return strconv.Itoa(e.Strategy) }},
			{Title: data.LabelActivityType.In(l), Width: 160, Text: func(e *data.Entry) string { return data.ActivityTypes.Label(e.ActivityType, l) }},
		},
		Count: u.store.CountEntriesIn,
		Page:  u.store.EntriesIn,
		Load:  u.store.Entry,
		// The form's Save also stores the photo captions changed and
		// not yet saved, so that showing the saved entry loses none.
		Save: func(ctx context.Context, e *data.Entry) error {
			if err := u.store.SaveEntry(ctx, e); err != nil {
				return err
			}
			return u.entryEd.photos.saveCaptions()
		},
		Tools: []fyne.CanvasObject{u.entryImport.button},
		// Most activities are logged after they took place, so a new
		// entry starts today and done; a start date after today makes it
		// planned (entryForm.dateChanged).
		Blank: func() data.Entry { return data.Entry{StartDate: data.Today(), Status: data.EntryDone} },
		Filters: func(bar *kit.FilterBar, set func(func(*store.Filter))) {
			bar.Add("kind", kit.NewChoice(data.ActivityTypes, l, lang.L("All activity types"), func(code string) {
				set(func(f *store.Filter) { f.Kind = code })
			}))
			bar.Add("strategy", kit.NewChoice(kit.StrategyVocabulary(), l, lang.L("All strategies"), func(code string) {
				n, _ := strconv.Atoi(code) // "" (all) is 0: no filter
				set(func(f *store.Filter) { f.Strategy = n })
			}))
			addDateRange(bar, l, set)
		},
	}
}

// entryForm edits one report entry.
type entryForm struct {
	f            *kit.FieldSet
	start, end   *kit.DateField
	title        *widget.Entry
	activity     *kit.Choice
	strategy     *kit.Choice
	location     *widget.Entry
	online       *widget.Check
	partners     *agencyPicker
	participants *widget.Entry
	outputs      *widget.Entry
	reach        *widget.Entry
	state        *kit.Choice
	reason       *widget.Entry
	obstacles    *widget.Entry
	followUp     *widget.Entry
	evidence     *widget.Entry
	notes        *widget.Entry
	photos       *photoList
	docs         *attachmentList // Lampiran (attachments.go)

	// stateChosen: the user picked the state (or the entry was stored
	// with one), so a change of date no longer sets it; autoState is set
	// while the form itself sets it.
	stateChosen, autoState bool
}

func newEntryForm(u *UI) *entryForm {
	l := u.lang
	e := &entryForm{
		f: kit.NewFieldSet(l), start: kit.NewDateField(l, false), end: kit.NewDateField(l, false),
		title: widget.NewEntry(), activity: kit.NewChoice(data.ActivityTypes, l, "", nil),
		strategy: kit.NewChoice(kit.StrategyVocabulary(), l, "", nil), location: widget.NewEntry(),
		online:       widget.NewCheck(data.LabelOnline.In(l), nil),
		partners:     newAgencyPicker(u.store, u.officeID, func(err error) { u.showError(lang.L("Could not search agencies"), err) }),
		participants: widget.NewEntry(), outputs: widget.NewEntry(), reach: widget.NewEntry(),
		reason:    kit.NewMultiLine(2),
		obstacles: kit.NewMultiLine(2), followUp: kit.NewMultiLine(2), evidence: kit.NewMultiLine(3), notes: kit.NewMultiLine(2),
		photos: newPhotoList(u), docs: newAttachmentList(u, false),
	}
	e.state = kit.NewChoice(data.EntryStates, l, "", e.stateChanged)
	e.start.Changed = e.dateChanged
	e.reason.SetPlaceHolder(lang.L("Why it did not take place, e.g. the speaker could not come"))
	e.end.Entry.SetPlaceHolder(lang.L("Empty if one day"))
	e.evidence.SetPlaceHolder(lang.L("One link per line, https://…"))
	e.f.Add("start_date", data.LabelStartDate, e.start.Content)
	e.f.Add("end_date", data.LabelEndDate, e.end.Content)
	e.f.Add("title", data.LabelTitle, e.title)
	e.f.Add("activity_type", data.LabelActivityType, e.activity)
	e.f.Add("strategy", data.LabelStrategy, e.strategy)
	e.f.Add("location", data.LabelLocation, e.location)
	e.f.AddNamed("online", "", e.online)
	e.f.Add("partner_ids", data.LabelPartners, e.partners.content)
	e.f.Add("participants", data.LabelParticipants, e.participants)
	e.f.Add("outputs", data.LabelOutputs, e.outputs)
	e.f.Add("reach", data.LabelReach, e.reach)
	e.f.Add("status", data.LabelEntryStatus, e.state)
	e.f.Add("not_done_reason", data.LabelNotDoneReason, e.reason)
	e.f.Add("obstacles", data.LabelObstacles, e.obstacles)
	e.f.Add("follow_up", data.LabelFollowUp, e.followUp)
	e.f.Add("evidence_links", data.LabelEvidenceLinks, e.evidence)
	e.f.Add("notes", data.LabelNotes, e.notes)
	e.f.AddNamed("photos", lang.L("Documentation photos"), e.photos.content)
	e.f.AddNamed("attachments", data.LabelAttachments.In(l), e.docs.content)
	return e
}

func (e *entryForm) Fields() *kit.FieldSet { return e.f }

func (e *entryForm) Fill(r *data.Entry) {
	e.start.SetDate(r.StartDate)
	// A one-day activity's end date equals its start; showing it empty
	// keeps the form as the user filled it.
	if r.EndDate == r.StartDate {
		e.end.SetDate(data.Date{})
	} else {
		e.end.SetDate(r.EndDate)
	}
	e.title.SetText(r.Title)
	e.activity.SetCode(r.ActivityType)
	e.strategy.SetCode(strconv.Itoa(r.Strategy))
	e.location.SetText(r.Location)
	e.online.SetChecked(r.Online)
	e.partners.set(r.PartnerIDs)
	e.participants.SetText(kit.IntText(r.Participants))
	e.outputs.SetText(kit.IntText(r.Outputs))
	e.reach.SetText(kit.IntText(r.Reach))
	e.setState(r.Status)
	e.stateChosen = r.ID != ""
	e.reason.SetText(r.NotDoneReason)
	e.obstacles.SetText(r.Obstacles)
	e.followUp.SetText(r.FollowUp)
	e.evidence.SetText(strings.Join(r.EvidenceLinks, "\n"))
	e.notes.SetText(r.Notes)
	e.photos.show(r.ID)
	e.docs.show(r.ID)
}

func (e *entryForm) Read(r *data.Entry) []kit.FieldMsg {
	var msgs []kit.FieldMsg
	l := e.f.L
	r.StartDate = e.start.Read("start_date", data.LabelStartDate, &msgs)
	r.EndDate = e.end.Read("end_date", data.LabelEndDate, &msgs)
	r.Title = e.title.Text
	r.ActivityType = e.activity.Code()
	r.Strategy, _ = strconv.Atoi(e.strategy.Code()) // none chosen is 0, which Validate refuses
	r.Location = e.location.Text
	r.Online = e.online.Checked
	r.PartnerIDs = e.partners.get()
	r.Participants = kit.IntField(e.participants, "participants", data.LabelParticipants, l, &msgs)
	r.Outputs = kit.IntField(e.outputs, "outputs", data.LabelOutputs, l, &msgs)
	r.Reach = kit.IntField(e.reach, "reach", data.LabelReach, l, &msgs)
	r.Status = e.state.Code()
	r.NotDoneReason = e.reason.Text
	if r.Status != data.EntryNotDone {
		r.NotDoneReason = ""
	}
	r.Obstacles = e.obstacles.Text
	r.FollowUp = e.followUp.Text
	r.EvidenceLinks = kit.Lines(e.evidence.Text)
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
	e.state.SetCode(code)
	e.autoState = false
	e.stateChanged(code)
}

// dateChanged makes a new activity planned when its start date is after
// today, and done when it is moved back, until the user picks a state.
func (e *entryForm) dateChanged() {
	if e.stateChosen {
		return
	}
	if d, ok := e.start.Date(); ok && !d.IsZero() {
		e.setState(data.DefaultEntryStatus(d, data.Today()))
	}
}
