package app

import (
	"errors"
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
	"github.com/humasdesk/humasdesk/data/check"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// workflowBar is the top of the Konten form: the draft's status and
// revision (never edited as a field: data/workflow moves it), its
// publication, why a locked draft cannot be edited, and a button for each
// step the local user may take (workflow.Available). Each step asks what
// it needs in a dialog (a note, a reason, a link and a time) and the
// store decides; a step the store refuses (self-approval, a missing note)
// leaves the dialog open with the store's message.
type workflowBar struct {
	u         *UI
	form      *draftForm
	status    *widget.Label
	published *widget.Label
	lockNote  *widget.Label
	who       *widget.Label
	actions   *fyne.Container
	buttons   map[workflow.Action]*widget.Button // the steps shown, for tests
	step      *stepDialog                        // the step dialog open, or nil
	content   fyne.CanvasObject
}

func newWorkflowBar(u *UI, form *draftForm) *workflowBar {
	w := &workflowBar{u: u, form: form, status: widget.NewLabel(""), published: widget.NewLabel(""),
		lockNote: widget.NewLabel(""), who: widget.NewLabel(""), actions: container.NewHBox(),
		buttons: map[workflow.Action]*widget.Button{}}
	w.status.TextStyle.Bold = true
	w.published.Wrapping = fyne.TextWrapWord
	w.lockNote.Wrapping = fyne.TextWrapWord
	w.lockNote.Importance = widget.WarningImportance
	w.who.Wrapping = fyne.TextWrapWord
	w.who.Importance = widget.LowImportance
	w.content = container.NewVBox(w.status, w.published, w.lockNote, w.actions, w.who, widget.NewSeparator())
	return w
}

// show shows the workflow of r. A draft of another office shows its
// status only: its workflow is that office's.
func (w *workflowBar) show(r *data.Draft, foreign bool) {
	l := w.u.lang
	status := r.Status
	if status == "" {
		status = data.StatusDraft
	}
	w.status.SetText(lang.L("Status: {{.Status}} · revision {{.Revision}}",
		map[string]any{"Status": data.DraftStatuses.Label(status, l), "Revision": max(r.Revision, 1)}))
	if r.PublishedAt.IsZero() {
		w.published.Hide()
	} else {
		w.published.SetText(lang.L("Published on {{.Date}}: {{.Link}}",
			map[string]any{"Date": iddate.Format(r.PublishedAt, l), "Link": r.PublishedLink}))
		w.published.Show()
	}
	if note := lockNote(status, l); note != "" && !foreign {
		w.lockNote.SetText(note)
		w.lockNote.Show()
	} else {
		w.lockNote.Hide()
	}
	w.actions.RemoveAll()
	w.buttons = map[workflow.Action]*widget.Button{}
	if foreign {
		w.who.Hide()
		return
	}
	w.who.Show()
	actor, role, why := w.u.actor()
	if why != "" {
		w.who.SetText(why)
		return
	}
	w.who.SetText(lang.L("You act as {{.Name}} ({{.Role}}).", map[string]any{"Name": actor.Name, "Role": role}))
	for _, a := range workflow.AvailableTo(status, actor) {
		b := widget.NewButtonWithIcon(workflow.Actions.Label(string(a), l), actionIcon(a), func() { w.act(a) })
		if a == workflow.Submit || a == workflow.Approve || a == workflow.Publish {
			b.Importance = widget.HighImportance
		}
		w.buttons[a] = b
		w.actions.Add(b)
	}
}

func actionIcon(a workflow.Action) fyne.Resource {
	switch a {
	case workflow.Submit:
		return theme.MailSendIcon()
	case workflow.Withdraw:
		return theme.ContentUndoIcon()
	case workflow.Approve:
		return theme.ConfirmIcon()
	case workflow.Return:
		return theme.MailReplyIcon()
	case workflow.Publish:
		return theme.UploadIcon()
	}
	return theme.DocumentCreateIcon()
}

// lockNote says why a draft in status cannot be edited and how to change
// it, or "" when it can be edited.
func lockNote(status string, l data.Lang) string {
	revise := workflow.Actions.Label(string(workflow.Revise), l)
	switch status {
	case data.StatusSubmitted:
		return lang.L("Under review: the fields are locked, so that what is approved is what was submitted. To edit it, withdraw the submission ({{.Withdraw}}) or ask the reviewer to return it.",
			map[string]any{"Withdraw": workflow.Actions.Label(string(workflow.Withdraw), l)})
	case data.StatusApproved:
		return lang.L("Approved: the fields are locked. To change the content, use {{.Revise}}; the new revision must be approved again.",
			map[string]any{"Revise": revise})
	case data.StatusPublished:
		return lang.L("Published: the fields are locked. To correct the content, use {{.Revise}}; the correction must be approved again.",
			map[string]any{"Revise": revise})
	}
	return ""
}

// act starts a step.
func (w *workflowBar) act(a workflow.Action) {
	switch a {
	case workflow.Submit:
		w.submit()
	case workflow.Publish:
		w.publish()
	default:
		w.simple(a)
	}
}

// stepDialog asks what a step needs. Its button runs the step; a refusal
// is shown in the dialog, which stays open.
type stepDialog struct {
	action   workflow.Action
	dlg      *dialog.CustomDialog
	note     *widget.Entry
	reason   *widget.Entry  // Submit with findings: why it goes ahead
	link     *widget.Entry  // Publish
	date     *kit.DateField // Publish
	clock    *widget.Entry  // Publish
	err      *widget.Label
	confirm  *widget.Button
	cancel   *widget.Button
	findings []check.Finding // Submit: the open findings
}

// open shows the dialog of a step: intro above the form items, and run
// when the user confirms.
func (w *workflowBar) open(s *stepDialog, title, confirm string, intro []fyne.CanvasObject,
	items []*widget.FormItem, run func() (*data.Draft, error)) {
	s.err = kit.ErrorLabel()
	form := widget.NewForm(items...)
	body := container.NewVBox(append(intro, form, s.err)...)
	s.dlg = dialog.NewCustomWithoutButtons(title, body, w.u.win)
	s.cancel = widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() {
		s.dlg.Hide()
		w.step = nil
	})
	s.confirm = widget.NewButtonWithIcon(confirm, actionIcon(s.action), func() {
		d, err := run()
		if err != nil {
			msg := stepError(err, w.u.lang)
			w.u.lastError = title + ": " + msg
			s.err.SetText(msg)
			s.err.Show()
			return
		}
		s.dlg.Hide()
		w.step = nil
		w.done(s.action, d)
	})
	s.confirm.Importance = widget.HighImportance
	s.dlg.SetButtons([]fyne.CanvasObject{s.cancel, s.confirm})
	s.dlg.Resize(fyne.NewSize(560, 0))
	w.step = s
	s.dlg.Show()
}

// stepError is the store's refusal in words: its own Indonesian message,
// or the validation messages in the user's language.
func stepError(err error, l data.Lang) string {
	if ve, ok := data.AsValidation(err); ok {
		var texts []string
		for _, m := range kit.ValidationMsgs(ve, l) {
			texts = append(texts, m.Text)
		}
		return strings.Join(texts, "\n")
	}
	return kit.ReadOnlyError(err).Error()
}

// noteEntry is the note of a step.
func noteEntry(placeholder string) *widget.Entry {
	e := kit.NewMultiLine(2)
	e.SetPlaceHolder(placeholder)
	return e
}

func introLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// simple asks for the note of a step that needs nothing else: withdraw,
// approve, return (the note is required there: the store says so) and a
// new revision.
func (w *workflowBar) simple(a workflow.Action) {
	d := w.form.current
	if d == nil || d.ID == "" {
		return
	}
	id, l := d.ID, w.u.lang
	st := w.u.store
	s := &stepDialog{action: a}
	label := workflow.Actions.Label(string(a), l)
	var intro string
	noteLabel := lang.L("Note (optional)")
	var run func() (*data.Draft, error)
	switch a {
	case workflow.Withdraw:
		intro = lang.L("The submission is taken back so that the content can be edited. It must be submitted again.")
		run = func() (*data.Draft, error) { return st.Withdraw(w.u.ctx(), id, s.note.Text) }
	case workflow.Approve:
		intro = lang.L("The content is approved for publication as it was submitted.")
		run = func() (*data.Draft, error) { return st.Approve(w.u.ctx(), id, s.note.Text) }
	case workflow.Return:
		intro = lang.L("The content goes back to its writer with your note on what to change.")
		noteLabel = lang.L("Note for the writer (required)")
		run = func() (*data.Draft, error) { return st.Return(w.u.ctx(), id, s.note.Text) }
	case workflow.Revise:
		intro = lang.L("The content is opened for editing as revision {{.Revision}}. It must be submitted and approved again.",
			map[string]any{"Revision": max(d.Revision, 1) + 1})
		if d.Status == data.StatusPublished {
			intro += " " + lang.L("The publication stays recorded until the correction is published.")
		}
		noteLabel = lang.L("What is to be changed (optional)")
		run = func() (*data.Draft, error) { return st.NewRevision(w.u.ctx(), id, s.note.Text) }
	default:
		return
	}
	s.note = noteEntry("")
	w.open(s, label, label, []fyne.CanvasObject{introLabel(intro)},
		[]*widget.FormItem{widget.NewFormItem(noteLabel, s.note)}, run)
}

// submit saves what the form holds, checks it, and asks for the
// submission: with open findings, the user must state why it goes ahead
// anyway (the store refuses it without a reason, and records the reason
// and the number of findings in the audit trail).
func (w *workflowBar) submit() {
	b := w.u.drafts
	if !b.Commit() {
		return
	}
	id := b.Current.ID
	findings := w.form.checker.run()
	l := w.u.lang
	st := w.u.store
	s := &stepDialog{action: workflow.Submit, findings: findings, note: noteEntry(lang.L("For the reviewer"))}
	label := workflow.Actions.Label(string(workflow.Submit), l)
	if len(findings) == 0 {
		w.open(s, label, label,
			[]fyne.CanvasObject{introLabel(lang.L("The content is sent to a reviewer. It cannot be edited while it is under review."))},
			[]*widget.FormItem{widget.NewFormItem(lang.L("Note (optional)"), s.note)},
			func() (*data.Draft, error) { return st.Submit(w.u.ctx(), id, s.note.Text, 0, "") })
		return
	}
	var lines []string
	for _, f := range findings {
		lines = append(lines, "• "+check.Explain(f, l))
	}
	list := widget.NewLabel(strings.Join(lines, "\n\n"))
	list.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(520, 180))
	s.reason = noteEntry(lang.L("e.g. the name is that of the KPU chair, not the regional head"))
	w.open(s, lang.L("Submit with findings"), lang.L("Submit anyway"),
		[]fyne.CanvasObject{
			introLabel(lang.L("The neutrality check found {{.Count}} things still open. Correct the content, or state why it goes ahead as it is: the reason is recorded in the history.",
				map[string]any{"Count": len(findings)})),
			scroll,
		},
		[]*widget.FormItem{
			widget.NewFormItem(lang.L("Reason (required)"), s.reason),
			widget.NewFormItem(lang.L("Note (optional)"), s.note),
		},
		func() (*data.Draft, error) {
			return st.Submit(w.u.ctx(), id, s.note.Text, len(findings), s.reason.Text)
		})
}

// publish asks where and when the content went out: the link, and the
// date (typed the Indonesian way, or picked) with the time of day.
func (w *workflowBar) publish() {
	d := w.form.current
	if d == nil || d.ID == "" {
		return
	}
	id, l := d.ID, w.u.lang
	now := time.Now()
	s := &stepDialog{action: workflow.Publish, link: widget.NewEntry(), date: kit.NewDateField(l, false),
		clock: widget.NewEntry(), note: noteEntry("")}
	s.link.SetPlaceHolder("https://…")
	s.date.SetDate(data.DateOf(now))
	s.clock.SetText(iddate.Clock(now))
	s.clock.SetPlaceHolder("15.40")
	label := workflow.Actions.Label(string(workflow.Publish), l)
	w.open(s, label, label,
		[]fyne.CanvasObject{introLabel(lang.L("Record where and when the content went out."))},
		[]*widget.FormItem{
			widget.NewFormItem(data.LabelPublishedLink.In(l), s.link),
			widget.NewFormItem(data.LabelPublishedAt.In(l), s.date.Content),
			widget.NewFormItem(lang.L("Publication time"), s.clock),
			widget.NewFormItem(lang.L("Note (optional)"), s.note),
		},
		func() (*data.Draft, error) {
			at, err := s.publishedAt()
			if err != nil {
				return nil, err
			}
			return w.u.store.Publish(w.u.ctx(), id, s.link.Text, at, s.note.Text)
		})
}

// publishedAt reads the date and time of the publish dialog, in the
// machine's zone. An empty date is the zero time, which the store refuses
// in its own words.
func (s *stepDialog) publishedAt() (time.Time, error) {
	d, ok := s.date.Date()
	if !ok {
		return time.Time{}, errors.New(lang.L("{{.Field}} is not a date (e.g. 10 July 2023 or 10/07/2023)",
			map[string]any{"Field": data.LabelPublishedAt.In(s.date.L)}))
	}
	if d.IsZero() {
		return time.Time{}, nil
	}
	h, m, ok := parseClock(s.clock.Text)
	if !ok {
		return time.Time{}, errors.New(lang.L("The time is not a time of day (e.g. 15.40)"))
	}
	return time.Date(d.Year, d.Month, d.Day, h, m, 0, 0, time.Local), nil
}

// parseClock reads a time of day written "15.40", "15:40" or "9"; empty
// is midnight.
func parseClock(s string) (h, m int, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, 0, true
	}
	hs, ms, found := strings.Cut(strings.ReplaceAll(s, ":", "."), ".")
	h, err := strconv.Atoi(hs)
	if err != nil || h < 0 || h > 23 {
		return 0, 0, false
	}
	if found {
		if m, err = strconv.Atoi(ms); err != nil || len(ms) != 2 || m < 0 || m > 59 {
			return 0, 0, false
		}
	}
	return h, m, true
}

// done shows the draft after a step: the form and the list read it
// afresh, and the list's status line says what happened.
func (w *workflowBar) done(a workflow.Action, d *data.Draft) {
	b := w.u.drafts
	if fresh, err := b.K.Load(w.u.ctx(), d.ID); err == nil {
		d = fresh
	}
	b.HideUndo()
	b.Reload()
	b.Show(d)
	l := w.u.lang
	b.Status.SetText(lang.L("{{.Action}}: the status is now {{.Status}}.", map[string]any{
		"Action": workflow.Actions.Label(string(a), l), "Status": data.DraftStatuses.Label(d.Status, l)}))
	w.u.localChange()
}

// trailView is the Riwayat section of the Konten form: every step of the
// draft's workflow, oldest first: when, who, from which status to which,
// the note, and the reason a submission went ahead despite findings.
type trailView struct {
	u       *UI
	box     *fyne.Container
	empty   *widget.Label
	texts   []string // one per step, for tests
	content fyne.CanvasObject
}

func newTrailView(u *UI) *trailView {
	t := &trailView{u: u, box: container.NewVBox(), empty: widget.NewLabel(lang.L("No steps yet."))}
	t.empty.Importance = widget.LowImportance
	t.content = widget.NewCard(lang.L("History"), "", container.NewVBox(t.box, t.empty))
	return t
}

// show lists the trail of the draft with this id ("" for a new one).
func (t *trailView) show(draftID string) {
	t.box.RemoveAll()
	t.texts = nil
	var trail []data.Audit
	if draftID != "" {
		var err error
		trail, err = t.u.store.AuditTrail(t.u.ctx(), draftID)
		if err != nil {
			t.u.showError(lang.L("Could not read the history"), err)
		}
	}
	if len(trail) == 0 {
		t.empty.Show()
		return
	}
	t.empty.Hide()
	for i, a := range trail {
		if i > 0 {
			t.box.Add(widget.NewSeparator())
		}
		head, body := auditText(a, t.u.lang)
		h := widget.NewLabel(head)
		h.TextStyle.Bold = true
		h.Wrapping = fyne.TextWrapWord
		b := widget.NewLabel(body)
		b.Wrapping = fyne.TextWrapWord
		t.box.Add(container.NewVBox(h, b))
		t.texts = append(t.texts, head+"\n"+body)
	}
}

// auditText writes one step of the trail: a heading with when and who,
// and the step with its note and override.
//
//	Senin, 10 Juli 2023 15.40 · Ani Lestari (Kasubbag Humas, Penulis)
//	Ajukan: Draf → Diajukan · revisi 1
//	Catatan: …
func auditText(a data.Audit, l data.Lang) (head, body string) {
	at := a.At.In(time.Local)
	who := a.ActorName
	var about []string
	if a.ActorPosition != "" {
		about = append(about, a.ActorPosition)
	}
	if r := data.AuditRoles.Label(a.ActorRole, l); r != "" {
		about = append(about, r)
	}
	if len(about) > 0 {
		who += " (" + strings.Join(about, ", ") + ")"
	}
	head = iddate.Format(data.DateOf(at), l) + " " + iddate.Clock(at) + " · " + who
	lines := []string{lang.L("{{.Action}}: {{.From}} → {{.To}} · revision {{.Revision}}", map[string]any{
		"Action": workflow.Actions.Label(a.Action, l), "From": data.DraftStatuses.Label(a.FromStatus, l),
		"To": data.DraftStatuses.Label(a.ToStatus, l), "Revision": a.Revision})}
	if a.Note != "" {
		lines = append(lines, data.LabelAuditNote.In(l)+": "+a.Note)
	}
	if a.Findings > 0 || a.OverrideReason != "" {
		lines = append(lines, lang.L("Submitted with {{.Count}} open findings of the neutrality check. Reason: {{.Reason}}",
			map[string]any{"Count": a.Findings, "Reason": a.OverrideReason}))
	}
	return head, strings.Join(lines, "\n")
}
