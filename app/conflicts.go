package app

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// conflictsView is the Konflik dialog. A conflict is an edit made here
// (or on another device of this office) on a version the server had
// already replaced: the server kept its own and sent back both, and
// nothing is merged silently. For each one the dialog shows the fields
// that differ side by side, "Punya saya" against "Punya server", and
// settles it as the user chooses: mine, the server's, or a merge edited
// in the record's own form. Its second tab lists the changes the server
// refused, with its reasons.
type conflictsView struct {
	u         *UI
	device    string // this device's id: whose losing side a conflict holds
	conflicts []data.Conflict
	rejected  []store.OutboxEntry

	list       *widget.List
	sel        int // the conflict shown, -1 for none
	head       *widget.Label
	about      *widget.Label
	rows       []diffRow // the differing fields of the conflict shown, for tests
	diffBox    *fyne.Container
	keepMine   *widget.Button
	keepTheirs *widget.Button
	merge      *widget.Button
	detail     fyne.CanvasObject
	none       *widget.Label
	rejectBox  *fyne.Container
	tabs       *container.AppTabs
	merging    *mergeDialog // the open merge form, for tests
	dlg        *dialog.CustomDialog
	content    fyne.CanvasObject
}

// diffRow is one field that differs between the two versions.
type diffRow struct {
	key, label   string
	mine, theirs string
}

// showConflicts opens the Konflik dialog, or reads it again when open.
func (u *UI) showConflicts() {
	if u.conflicts != nil {
		u.conflicts.reload()
		return
	}
	v := newConflictsView(u)
	u.conflicts = v
	v.dlg = dialog.NewCustom(lang.L("Conflicts and refused changes"), lang.L("Close"), v.content, u.win)
	v.dlg.SetOnClosed(func() {
		if u.conflicts == v {
			u.conflicts = nil
		}
	})
	v.dlg.Resize(fyne.NewSize(1040, 680))
	v.dlg.Show()
}

func newConflictsView(u *UI) *conflictsView {
	v := &conflictsView{u: u, sel: -1, head: widget.NewLabel(""), about: widget.NewLabel(""),
		diffBox: container.NewVBox(), none: widget.NewLabel(lang.L("No open conflicts.")), rejectBox: container.NewVBox()}
	if state, err := u.store.SyncState(u.ctx()); err == nil {
		v.device = state.DeviceID
	}
	v.head.TextStyle.Bold = true
	v.head.Wrapping = fyne.TextWrapWord
	v.about.Wrapping = fyne.TextWrapWord
	v.none.Importance = widget.LowImportance

	v.list = widget.NewList(
		func() int { return len(v.conflicts) },
		twoLineItem,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(v.conflicts) {
				return
			}
			c := v.conflicts[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(v.u.conflictTitle(c))
			box.Objects[1].(*widget.Label).SetText(kindLabel(c.TargetKind) + " · " + v.when(c.UpdatedAt) + " · " + v.deviceText(c))
		},
	)
	v.list.OnSelected = v.show

	v.keepMine = widget.NewButtonWithIcon(lang.L("Use mine"), theme.ConfirmIcon(), func() { v.resolve(data.KeepMine) })
	v.keepTheirs = widget.NewButtonWithIcon(lang.L("Use the server's"), theme.ConfirmIcon(), func() { v.resolve(data.KeepTheirs) })
	v.merge = widget.NewButtonWithIcon(lang.L("Edit a merge"), theme.DocumentCreateIcon(), v.openMerge)
	v.keepMine.Importance = widget.HighImportance
	sides := container.NewGridWithColumns(2, heading(lang.L("Mine")), heading(lang.L("The server's")))
	v.detail = container.NewBorder(container.NewVBox(v.head, v.about, widget.NewSeparator(), sides),
		container.NewHBox(v.keepMine, v.keepTheirs, v.merge), nil, nil, container.NewVScroll(v.diffBox))

	split := container.NewHSplit(container.NewBorder(nil, nil, nil, nil, v.list), container.NewStack(v.none, v.detail))
	split.Offset = 0.3
	v.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("", theme.WarningIcon(), split),
		container.NewTabItemWithIcon("", theme.CancelIcon(), container.NewVScroll(v.rejectBox)),
	)
	v.content = v.tabs
	v.reload()
	return v
}

func heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// reload reads the open conflicts and the refused changes again, keeping
// the conflict shown when it is still open.
func (v *conflictsView) reload() {
	ctx := v.u.ctx()
	cs, err := v.u.store.Conflicts(ctx)
	if err != nil {
		v.u.showError(lang.L("Could not read the conflicts"), err)
	}
	rs, err := v.u.store.RejectedChanges(ctx)
	if err != nil {
		v.u.showError(lang.L("Could not read the refused changes"), err)
	}
	shownID := ""
	if v.sel >= 0 && v.sel < len(v.conflicts) {
		shownID = v.conflicts[v.sel].ID
	}
	v.conflicts, v.rejected = cs, rs
	v.tabs.Items[0].Text = lang.L("Conflicts ({{.Count}})", map[string]any{"Count": len(cs)})
	v.tabs.Items[1].Text = lang.L("Refused ({{.Count}})", map[string]any{"Count": len(rs)})
	v.tabs.Refresh()
	v.list.UnselectAll()
	v.list.Refresh()
	v.sel = -1
	next := 0
	for i, c := range cs {
		if c.ID == shownID {
			next = i
		}
	}
	if len(cs) > 0 {
		v.list.Select(next) // shows it
	} else {
		v.show(-1)
	}
	v.showRejected()
}

// show puts conflict i side by side; -1 shows that there is none.
func (v *conflictsView) show(i widget.ListItemID) {
	if i < 0 || i >= len(v.conflicts) {
		v.sel = -1
		v.rows = nil
		v.detail.Hide()
		v.none.Show()
		return
	}
	v.sel = i
	c := v.conflicts[i]
	v.none.Hide()
	v.detail.Show()
	v.head.SetText(kindLabel(c.TargetKind) + ": " + v.u.conflictTitle(c))
	about := lang.L("Changed on {{.Device}} while the server already held a newer version ({{.When}}). Nothing was merged: choose which version stays, or edit a merge of both.",
		map[string]any{"Device": v.deviceText(c), "When": v.when(c.UpdatedAt)})
	if c.Op == syncapi.OpDelete {
		about += "\n" + lang.L("Mine deletes the record; the server's version changed it.")
	}
	if c.TheirsDeleted {
		about += "\n" + lang.L("On the server the record was deleted meanwhile.")
	}
	v.about.SetText(about)
	v.rows = v.u.diffRows(c)
	v.diffBox.RemoveAll()
	for _, r := range v.rows {
		mine, theirs := diffTexts(r.mine, r.theirs)
		v.diffBox.Add(heading(r.label))
		v.diffBox.Add(container.NewGridWithColumns(2, mine, theirs))
	}
	if len(v.rows) == 0 {
		v.diffBox.Add(widget.NewLabel(lang.L("Both versions hold the same content.")))
	}
	if _, ok := mergeKinds[c.TargetKind]; ok {
		v.merge.Show()
	} else {
		v.merge.Hide()
	}
}

// current is the conflict shown, or nil.
func (v *conflictsView) current() *data.Conflict {
	if v.sel < 0 || v.sel >= len(v.conflicts) {
		return nil
	}
	return &v.conflicts[v.sel]
}

// resolve settles the conflict shown with mine or the server's version.
func (v *conflictsView) resolve(how string) {
	c := v.current()
	if c == nil {
		return
	}
	if err := v.u.store.ResolveConflict(v.u.ctx(), c.ID, how, nil); err != nil {
		v.u.showError(lang.L("Could not resolve the conflict"), kit.ReadOnlyError(err))
		return
	}
	v.resolved()
}

// resolved follows a resolution: it is a new write of the record, which
// the lists show and sync sends at once.
func (v *conflictsView) resolved() {
	v.reload()
	v.u.problemsChanged()
	v.u.dataChanged()
	if v.u.loop != nil {
		v.u.loop.Trigger()
	}
}

// showRejected lists the changes the server refused, with its reasons.
func (v *conflictsView) showRejected() {
	v.rejectBox.RemoveAll()
	if len(v.rejected) == 0 {
		l := widget.NewLabel(lang.L("The server has refused no change."))
		l.Importance = widget.LowImportance
		v.rejectBox.Add(l)
		return
	}
	intro := widget.NewLabel(lang.L("These changes stay on this computer and are not sent again; the rest of the queue goes on. Correct the record, or ask the administrator of the sync server."))
	intro.Wrapping = fyne.TextWrapWord
	v.rejectBox.Add(intro)
	for _, e := range v.rejected {
		title := heading(kindLabel(e.Kind) + ": " + recordTitle([]byte(e.Payload)))
		title.Wrapping = fyne.TextWrapWord
		reason := widget.NewLabel(lang.L("Reason: {{.Reason}}", map[string]any{"Reason": e.Rejected}))
		reason.Wrapping = fyne.TextWrapWord
		reason.Importance = widget.DangerImportance
		what := lang.L("Changed")
		if e.Op == store.OpDelete {
			what = lang.L("Deleted")
		}
		when := widget.NewLabel(what + " · " + v.when(e.CreatedAt))
		when.Importance = widget.LowImportance
		v.rejectBox.Add(container.NewVBox(title, reason, when, widget.NewSeparator()))
	}
}

// when is "Senin, 10 Juli 2023 15.40" in local time.
func (v *conflictsView) when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.Local()
	return iddate.Format(data.DateOf(t), v.u.lang) + " " + iddate.Clock(t)
}

// deviceText names the device whose edit lost.
func (v *conflictsView) deviceText(c data.Conflict) string {
	if c.DeviceID != "" && c.DeviceID == v.device {
		return lang.L("this device")
	}
	id := c.DeviceID
	if len(id) > 8 {
		id = id[len(id)-8:] // UUIDv7s of one period share their start
	}
	return lang.L("another device ({{.ID}})", map[string]any{"ID": id})
}

// kindLabel names a record kind for the user.
func kindLabel(kind string) string {
	switch kind {
	case syncapi.KindDraft:
		return lang.L("Content")
	case syncapi.KindEntry:
		return lang.L("Activity")
	case syncapi.KindAgency:
		return lang.L("Agency")
	case syncapi.KindOffice:
		return lang.L("Office profile")
	case syncapi.KindPhoto:
		return lang.L("Photo")
	case syncapi.KindConflict:
		return lang.L("Conflict resolution")
	case syncapi.KindReportNumber:
		return lang.L("Report number")
	case syncapi.KindAttachment:
		return lang.L("Attachment")
	}
	return kind
}

// recordTitle is the title or name inside a record's JSON.
func recordTitle(raw []byte) string { return kit.RecordTitle(raw) }

// conflictTitle is the record's title, from mine or else the server's.
func (u *UI) conflictTitle(c data.Conflict) string {
	if t := recordTitle(c.Mine); t != lang.L("(untitled)") {
		return t
	}
	return recordTitle(c.Theirs)
}

// shownField is a field of a record as the user reads it.
type shownField struct {
	key   string
	label data.Text
	value string
}

// diffRows are the fields in which mine and the server's version differ,
// in the order of the record's form.
func (u *UI) diffRows(c data.Conflict) []diffRow {
	mine := u.shownFields(c.TargetKind, c.Mine)
	theirs := u.shownFields(c.TargetKind, c.Theirs)
	deleted := lang.L("(deleted)")
	var out []diffRow
	for i, f := range mine {
		t := ""
		if i < len(theirs) {
			t = theirs[i].value
		}
		m := f.value
		if c.Op == syncapi.OpDelete {
			m = deleted
		}
		if c.TheirsDeleted {
			t = deleted
		}
		if m != t {
			out = append(out, diffRow{key: f.key, label: f.label.In(u.lang), mine: m, theirs: t})
		}
	}
	return out
}

// shownFields decodes a record of kind and writes its fields the way the
// forms show them: labels for codes, dates in words, names for agencies.
// A record that does not read shows as empty.
func (u *UI) shownFields(kind string, raw []byte) []shownField {
	l := u.lang
	yes := func(b bool) string {
		if b {
			return lang.L("Yes")
		}
		return lang.L("No")
	}
	num := func(n int) string { return strconv.Itoa(n) }
	switch kind {
	case syncapi.KindDraft:
		var d data.Draft
		_ = json.Unmarshal(raw, &d)
		return []shownField{
			{"title", data.LabelTitle, d.Title},
			{"kind", data.LabelKind, label(data.DraftKinds, d.Kind, l)},
			{"status", data.LabelStatus, label(data.DraftStatuses, d.Status, l)},
			{"planned_date", data.LabelPlannedDate, iddate.Format(d.PlannedDate, l)},
			{"channels", data.LabelChannels, labels(data.Channels, d.Channels, l)},
			{"election_stage", data.LabelElectionStage, d.ElectionStage},
			{"agency_ids", data.LabelAgencies, u.agencyNames(d.AgencyIDs)},
			{"body", data.LabelBody, d.Body},
		}
	case syncapi.KindEntry:
		var e data.Entry
		_ = json.Unmarshal(raw, &e)
		return []shownField{
			{"start_date", data.LabelStartDate, iddate.Format(e.StartDate, l)},
			{"end_date", data.LabelEndDate, iddate.Format(e.EndDate, l)},
			{"title", data.LabelTitle, e.Title},
			{"activity_type", data.LabelActivityType, label(data.ActivityTypes, e.ActivityType, l)},
			{"strategy", data.LabelStrategy, strings.TrimSpace(num(e.Strategy) + ". " + data.StrategyLabel(e.Strategy, l))},
			{"location", data.LabelLocation, e.Location},
			{"online", data.LabelOnline, yes(e.Online)},
			{"partner_ids", data.LabelPartners, u.agencyNames(e.PartnerIDs)},
			{"participants", data.LabelParticipants, num(e.Participants)},
			{"outputs", data.LabelOutputs, num(e.Outputs)},
			{"reach", data.LabelReach, num(e.Reach)},
			{"status", data.LabelEntryStatus, label(data.EntryStates, e.Status, l)},
			{"not_done_reason", data.LabelNotDoneReason, e.NotDoneReason},
			{"obstacles", data.LabelObstacles, e.Obstacles},
			{"follow_up", data.LabelFollowUp, e.FollowUp},
			{"evidence_links", data.LabelEvidenceLinks, strings.Join(e.EvidenceLinks, "\n")},
			{"notes", data.LabelNotes, e.Notes},
		}
	case syncapi.KindAgency:
		var a data.Agency
		_ = json.Unmarshal(raw, &a)
		var accts []string
		for _, s := range a.SocialAccounts {
			accts = append(accts, label(data.SocialPlatforms, s.Platform, l)+": "+s.Handle)
		}
		return []shownField{
			{"name", data.LabelName, a.Name},
			{"kind", data.LabelKind, label(data.AgencyKinds, a.Kind, l)},
			{"level", data.LabelLevel, label(data.Levels, a.Level, l)},
			{"region", data.LabelRegion, a.Region},
			{"address", data.LabelAddress, a.Address},
			{"contact_person", data.LabelContactPerson, a.ContactPerson},
			{"phone", data.LabelPhone, a.Phone},
			{"email", data.LabelEmail, a.Email},
			{"website", data.LabelWebsite, a.Website},
			{"social_accounts", data.LabelSocialAccounts, strings.Join(accts, "\n")},
			{"notes", data.LabelNotes, a.Notes},
		}
	case syncapi.KindOffice:
		var o data.Office
		_ = json.Unmarshal(raw, &o)
		logo := ""
		if len(o.Logo) > 0 {
			logo = lang.L("a logo of {{.Size}} KB", map[string]any{"Size": (len(o.Logo) + 1023) / 1024})
		}
		return []shownField{
			{"name", data.LabelName, o.Name},
			{"kind", data.LabelKind, label(data.OfficeKinds, o.Kind, l)},
			{"level", data.LabelLevel, label(data.Levels, o.Level, l)},
			{"region", data.LabelRegion, o.Region},
			{"address", data.LabelAddress, o.Address},
			{"phone", data.LabelPhone, o.Phone},
			{"email", data.LabelEmail, o.Email},
			{"website", data.LabelWebsite, o.Website},
			{"logo", data.LabelLogo, logo},
			{"head_name", data.LabelHeadName, o.HeadName},
			{"head_position", data.LabelHeadPosition, o.HeadPosition},
			{"head_nip", data.LabelHeadNIP, o.HeadNIP},
			{"signer_place", data.LabelSignerPlace, o.SignerPlace},
		}
	case syncapi.KindPerson:
		// The verifier is never shown (store.Conflicts drops it); a
		// password change shows as no difference here.
		var p data.Person
		_ = json.Unmarshal(raw, &p)
		return []shownField{
			{"name", data.LabelPersonName, p.Name},
			{"nip", data.LabelPersonNIP, p.NIP},
			{"position", data.LabelPersonPosition, p.Position},
			{"roles", data.LabelPersonRoles, labels(data.PersonRoles, p.Roles, l)},
			{"active", data.LabelPersonActive, yes(p.Active)},
		}
	case syncapi.KindPhoto:
		var p data.Photo
		_ = json.Unmarshal(raw, &p)
		return []shownField{
			{"caption", data.LabelCaption, p.Caption},
			{"name", data.LabelPhoto, p.Name},
		}
	}
	return nil
}

// label is a code's label, or "" for no code.
func label(v data.Vocabulary, code string, l data.Lang) string {
	if code == "" {
		return ""
	}
	return v.Label(code, l)
}

// labels joins the labels of codes.
func labels(v data.Vocabulary, codes []string, l data.Lang) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = v.Label(c, l)
	}
	return strings.Join(out, ", ")
}

// agencyNames joins the names of agencies by id.
func (u *UI) agencyNames(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	names, err := u.store.AgencyNames(u.ctx(), ids)
	if err != nil {
		fyne.LogError("reading agency names", err)
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		if n, ok := names[id]; ok {
			out[i] = n
		} else {
			out[i] = lang.L("(unknown agency)")
		}
	}
	return strings.Join(out, ", ")
}

// mergeKinds are the kinds whose merge is edited in their form.
var mergeKinds = map[string]struct{}{
	syncapi.KindDraft: {}, syncapi.KindEntry: {}, syncapi.KindAgency: {}, syncapi.KindOffice: {},
}

// mergeForm is a record's own form, filled with mine, in which the user
// merges the two versions.
type mergeForm struct {
	ed     any // the kind's form (*draftForm, …), for tests
	fields *kit.FieldSet
	// record is what the form holds, as a record of the conflict's kind,
	// with the input that could not be read and what validation says.
	record func() (data.Record, []kit.FieldMsg)
}

// mergeDialog is the open merge form.
type mergeDialog struct {
	form    *mergeForm
	saveBtn *widget.Button
	dlg     dialog.Dialog
}

func (u *UI) newMergeForm(c data.Conflict) (*mergeForm, error) {
	switch c.TargetKind {
	case syncapi.KindDraft:
		// A status changes only through the approval workflow; the
		// merge keeps mine's, which came through it.
		return mergeWith[data.Draft](u, newDraftFields(u), c.Mine)
	case syncapi.KindEntry:
		return mergeWith[data.Entry](u, newEntryForm(u), c.Mine)
	case syncapi.KindAgency:
		return mergeWith[data.Agency](u, newAgencyForm(u), c.Mine)
	case syncapi.KindOffice:
		return mergeWith[data.Office](u, officeEditor{newOfficeForm(u)}, c.Mine)
	}
	return nil, fmt.Errorf("data %s tidak dapat disunting di sini", c.TargetKind)
}

func mergeWith[T any, P kit.Record[T]](u *UI, ed kit.Editor[T], mine []byte) (*mergeForm, error) {
	var r T
	if err := json.Unmarshal(mine, &r); err != nil {
		return nil, fmt.Errorf("versi saya tidak terbaca: %w", err)
	}
	ed.Fill(&r)
	return &mergeForm{ed: ed, fields: ed.Fields(), record: func() (data.Record, []kit.FieldMsg) {
		merged := r
		msgs := ed.Read(&merged)
		if len(msgs) > 0 {
			msgs = kit.WithValidation(msgs, P(&merged), u.lang)
		}
		return P(&merged), msgs
	}}, nil
}

// officeEditor is the office profile's form as an editor.
type officeEditor struct{ o *officeForm }

func (e officeEditor) Fields() *kit.FieldSet                  { return e.o.f }
func (e officeEditor) Fill(r *data.Office)                    { e.o.Fill(r) }
func (e officeEditor) Read(r *data.Office) (m []kit.FieldMsg) { e.o.Read(r); return nil }

// openMerge opens the record's form filled with mine, beside the server's
// version of the fields that differ; saving it resolves the conflict with
// what the form holds.
func (v *conflictsView) openMerge() {
	c := v.current()
	if c == nil {
		return
	}
	m, err := v.u.newMergeForm(*c)
	if err != nil {
		v.u.showError(lang.L("Could not open the merge"), err)
		return
	}
	conflictID := c.ID
	note := widget.NewLabel(lang.L("The form holds your version. Take from the server's version, on the right, what should stay, then save: the result replaces both."))
	note.Wrapping = fyne.TextWrapWord
	ref := container.NewVBox(heading(lang.L("The server's")))
	for _, r := range v.rows {
		_, theirs := diffTexts(r.mine, r.theirs)
		ref.Add(widget.NewLabel(r.label))
		ref.Add(theirs)
	}
	md := &mergeDialog{form: m}
	md.saveBtn = widget.NewButtonWithIcon(lang.L("Save the merge"), theme.DocumentSaveIcon(), func() {
		rec, msgs := m.record()
		if len(msgs) > 0 {
			m.fields.Show(msgs)
			return
		}
		err := v.u.store.ResolveConflict(v.u.ctx(), conflictID, data.Merged, rec)
		if ve, ok := data.AsValidation(err); ok {
			m.fields.Show(kit.ValidationMsgs(ve, v.u.lang))
			return
		}
		if err != nil {
			v.u.showError(lang.L("Could not resolve the conflict"), kit.ReadOnlyError(err))
			return
		}
		md.dlg.Hide()
		v.merging = nil
		v.resolved()
	})
	md.saveBtn.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() {
		md.dlg.Hide()
		v.merging = nil
	})
	split := container.NewHSplit(container.NewVScroll(m.fields.Content), container.NewVScroll(ref))
	split.Offset = 0.6
	content := container.NewBorder(note, container.NewHBox(md.saveBtn, cancel), nil, nil, split)
	md.dlg = dialog.NewCustomWithoutButtons(lang.L("Edit a merge"), content, v.u.win)
	md.dlg.Resize(fyne.NewSize(1060, 700))
	v.merging = md
	md.dlg.Show()
}

// twoLineItem is a list row of a bold title over a caption, both cut
// with an ellipsis: the conflicts' and the history's lists.
func twoLineItem() fyne.CanvasObject {
	title, sub := widget.NewLabel(""), widget.NewLabel("")
	title.TextStyle.Bold = true
	title.Truncation = fyne.TextTruncateEllipsis
	sub.SizeName = theme.SizeNameCaptionText
	sub.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(title, sub)
}
