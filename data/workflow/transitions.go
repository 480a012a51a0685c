package workflow

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/humasdesk/humasdesk/data"
)

// Action is a step of the workflow, as recorded in data.Audit.Action.
type Action string

// The workflow's actions.
const (
	Submit   Action = "ajukan"
	Withdraw Action = "tarik"
	Approve  Action = "setujui"
	Return   Action = "kembalikan"
	Publish  Action = "terbitkan"
	Revise   Action = "revisi"
)

// Actions labels the actions, as buttons and the audit trail show them.
var Actions = data.Vocabulary{
	{Code: string(Submit), Label: data.Text{ID: "Ajukan", EN: "Submit"}},
	{Code: string(Withdraw), Label: data.Text{ID: "Tarik pengajuan", EN: "Withdraw"}},
	{Code: string(Approve), Label: data.Text{ID: "Setujui", EN: "Approve"}},
	{Code: string(Return), Label: data.Text{ID: "Kembalikan", EN: "Return"}},
	{Code: string(Publish), Label: data.Text{ID: "Terbitkan", EN: "Publish"}},
	{Code: string(Revise), Label: data.Text{ID: "Buat revisi baru", EN: "New revision"}},
}

// Transition is one allowed status change.
type Transition struct {
	Action      Action
	From, To    string
	Roles       []string // the roles that may take it
	NewRevision bool     // the draft's revision goes up by one
}

// The person roles (data.PersonRoles) of each kind of step. A legacy
// typed user stands for the roles data.User.Actor maps its role to.
var (
	writers   = []string{data.RoleDrafter}
	reviewers = []string{data.RoleVerifier}
	anyone    = []string{data.RoleDrafter, data.RoleVerifier, data.RoleSigner}
)

// Transitions is the whole table; see the package documentation.
var Transitions = []Transition{
	{Submit, data.StatusDraft, data.StatusSubmitted, writers, false},
	{Submit, data.StatusReturned, data.StatusSubmitted, writers, false},
	{Withdraw, data.StatusSubmitted, data.StatusDraft, writers, false},
	{Approve, data.StatusSubmitted, data.StatusApproved, reviewers, false},
	{Return, data.StatusSubmitted, data.StatusReturned, reviewers, false},
	{Publish, data.StatusApproved, data.StatusPublished, anyone, false},
	{Revise, data.StatusApproved, data.StatusDraft, anyone, true},
	{Revise, data.StatusPublished, data.StatusDraft, anyone, true},
}

// target is where an action leads, for naming it when it is refused.
func target(a Action) string {
	for _, t := range Transitions {
		if t.Action == a {
			return t.To
		}
	}
	return ""
}

// Permits reports whether role may take t.
func (t Transition) Permits(role string) bool { return slices.Contains(t.Roles, role) }

// PermittedRole returns the first of roles that may take t, or "".
func (t Transition) PermittedRole(roles []string) string {
	for _, r := range roles {
		if t.Permits(r) {
			return r
		}
	}
	return ""
}

// RolesInto returns the roles of every transition into status, for the
// server's check of a draft whose status a device changed: nil when no
// transition leads there.
func RolesInto(status string) []string {
	var out []string
	for _, t := range Transitions {
		if t.To == status {
			for _, r := range t.Roles {
				if !slices.Contains(out, r) {
					out = append(out, r)
				}
			}
		}
	}
	return out
}

// RoleFor returns the roles that may take action (on any status), for
// the server's check of an audit record: nil for an unknown action.
func RoleFor(a Action) []string {
	for _, t := range Transitions {
		if t.Action == a {
			return t.Roles
		}
	}
	return nil
}

// From lists the transitions a draft in status may take, in table order.
func From(status string) []Transition {
	var out []Transition
	for _, t := range Transitions {
		if t.From == status {
			out = append(out, t)
		}
	}
	return out
}

// Available lists the actions the legacy user may take on a draft in
// status (see AvailableTo).
func Available(status string, u data.User) []Action { return AvailableTo(status, u.Actor()) }

// AvailableTo lists the actions the actor may take on a draft in status
// (without the self-approval rule, which needs the trail; Plan checks it).
func AvailableTo(status string, a data.Actor) []Action {
	var out []Action
	for _, t := range From(status) {
		if t.PermittedRole(a.Roles) != "" {
			out = append(out, t.Action)
		}
	}
	return out
}

// Lookup finds the transition of action from status.
func Lookup(a Action, from string) (Transition, error) {
	for _, t := range Transitions {
		if t.Action == a && t.From == from {
			return t, nil
		}
	}
	return Transition{}, &TransitionError{Action: a, From: from, To: target(a)}
}

// Editable reports whether a draft in status may be edited in place.
func Editable(status string) bool {
	return status == "" || status == data.StatusDraft || status == data.StatusReturned
}

// EditError is nil when a draft in status may be edited, else a LockedError.
func EditError(status string) error {
	if Editable(status) {
		return nil
	}
	return &LockedError{Status: status}
}

func statusLabel(s string) string { return data.DraftStatuses.Label(s, data.LangID) }

// TransitionError refuses a status change the table does not allow.
type TransitionError struct {
	Action   Action
	From, To string
}

func (e *TransitionError) Error() string {
	if e.To == "" {
		return fmt.Sprintf("aksi %q tidak dikenal", string(e.Action))
	}
	return fmt.Sprintf("status konten tidak dapat diubah dari %q menjadi %q", statusLabel(e.From), statusLabel(e.To))
}

// RoleError refuses an action the actor's roles do not allow.
type RoleError struct {
	Action Action
	Role   string   // the actor's roles, as labels ("Penyusun, Admin kantor")
	Roles  []string // the roles that may
}

func (e *RoleError) Error() string {
	names := make([]string, len(e.Roles))
	for i, r := range e.Roles {
		names[i] = data.PersonRoles.Label(r, data.LangID)
	}
	held := e.Role
	if held == "" {
		held = "(tanpa peran)"
	}
	return fmt.Sprintf("peran %s tidak dapat melakukan %q; aksi ini untuk peran %s",
		held, Actions.Label(string(e.Action), data.LangID), strings.Join(names, " atau "))
}

// LockedError refuses an edit of a draft under review, approved or
// published.
type LockedError struct{ Status string }

// ErrLocked matches every LockedError with errors.Is.
var ErrLocked = errors.New("konten terkunci")

func (e *LockedError) Error() string {
	switch e.Status {
	case data.StatusSubmitted:
		return "konten sedang ditinjau verifikator dan tidak dapat diubah; tarik pengajuannya atau minta verifikator mengembalikannya"
	case data.StatusApproved:
		return "konten yang sudah disetujui terkunci; buat revisi baru untuk mengubahnya (revisi baru perlu disetujui lagi)"
	case data.StatusPublished:
		return "konten yang sudah terbit terkunci; buat revisi baru (koreksi) untuk mengubahnya (revisi baru perlu disetujui lagi)"
	}
	return fmt.Sprintf("konten berstatus %q tidak dapat diubah", statusLabel(e.Status))
}

// Is makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// FindingsError refuses a submission with open findings and no reason.
type FindingsError struct{ Findings int }

func (e *FindingsError) Error() string {
	return fmt.Sprintf("masih ada %d temuan pemeriksaan netralitas yang terbuka; perbaiki dulu, atau isi alasan bila tetap mengajukan", e.Findings)
}

// Errors of the workflow's other checks.
var (
	ErrNoUser       = errors.New("belum ada pengguna yang masuk; masuk dulu dengan nama dan kata sandi Anda")
	ErrSelfApproval = errors.New("konten yang Anda ajukan sendiri tidak dapat Anda setujui; minta verifikator lain untuk menyetujuinya")
	ErrNoteRequired = errors.New("catatan untuk penulis wajib diisi saat mengembalikan konten")
	ErrNegative     = errors.New("jumlah temuan tidak boleh negatif")
	ErrPublishLink  = errors.New("tautan terbit wajib diisi dengan alamat web yang sah (awali dengan http:// atau https://)")
	ErrPublishTime  = errors.New("tanggal terbit wajib diisi")
)

// Request is what the user asks of the workflow.
type Request struct {
	Action Action
	// Actor is who takes the step: the signed-in person. When its Name
	// is empty, User (a legacy typed user) acts instead.
	Actor data.Actor
	User  data.User
	// LastSubmitter and LastSubmitterID are the name and person id of
	// the actor of the draft's latest submission, for the self-approval
	// rule; empty when it was never submitted (the id also when a legacy
	// user submitted it).
	LastSubmitter   string
	LastSubmitterID string
	Note            string
	// Findings and OverrideReason: open findings of the neutrality check
	// at submission, and why it goes ahead anyway.
	Findings       int
	OverrideReason string
	// Link and PublishedAt: where and when the content went out (Publish).
	Link        string
	PublishedAt time.Time
}

// Plan checks req against a draft in status and returns the transition
// to make, or why not: an unset user, a transition the table lacks
// (TransitionError), a role that may not (RoleError), self-approval, a
// return without a note, findings without a reason (FindingsError), or a
// publication without link or date.
func Plan(status string, req Request) (Transition, error) {
	u, ok := actorOf(req)
	if !ok {
		return Transition{}, ErrNoUser
	}
	if status == "" {
		status = data.StatusDraft
	}
	t, err := Lookup(req.Action, status)
	if err != nil {
		return t, err
	}
	if t.PermittedRole(u.Roles) == "" {
		held := data.RolesText(u.Roles, data.LangID)
		if u.LegacyRole != "" {
			held = data.UserRoles.Label(u.LegacyRole, data.LangID)
		}
		return t, &RoleError{Action: t.Action, Role: held, Roles: t.Roles}
	}
	note, reason := strings.TrimSpace(req.Note), strings.TrimSpace(req.OverrideReason)
	switch t.Action {
	case Submit:
		if req.Findings < 0 {
			return t, ErrNegative
		}
		if req.Findings > 0 && reason == "" {
			return t, &FindingsError{Findings: req.Findings}
		}
	case Approve:
		if selfApproval(req, u) {
			return t, ErrSelfApproval
		}
	case Return:
		if note == "" {
			return t, ErrNoteRequired
		}
	case Publish:
		if !data.ValidURL(strings.TrimSpace(req.Link)) {
			return t, ErrPublishLink
		}
		if req.PublishedAt.IsZero() {
			return t, ErrPublishTime
		}
	}
	return t, nil
}

// Step checks req (see Plan), moves d to its new status (and revision,
// and publication for Publish), and returns the audit of the step: the
// n-th of the draft, made at now on device. d is changed only when the
// step is allowed.
func Step(d *data.Draft, req Request, n int, device string, now time.Time) (*data.Audit, error) {
	t, err := Plan(d.Status, req)
	if err != nil {
		return nil, err
	}
	u, _ := actorOf(req)
	from := d.Status
	if from == "" {
		from = data.StatusDraft
	}
	d.Status = t.To
	d.Revision = max(d.Revision, 1)
	if t.NewRevision {
		d.Revision++
	}
	if t.Action == Publish {
		d.PublishedAt = data.DateOf(req.PublishedAt.In(time.Local))
		d.PublishedLink = strings.TrimSpace(req.Link)
	}
	a := &data.Audit{
		DraftID: d.ID, Revision: d.Revision, Step: n, Action: string(t.Action),
		FromStatus: from, ToStatus: t.To,
		ActorID: u.ID, ActorName: u.Name, ActorPosition: u.Position, ActorRole: cmp.Or(u.LegacyRole, t.PermittedRole(u.Roles)), ActorDevice: device,
		Note: req.Note, At: now,
	}
	if t.Action == Submit {
		a.Findings, a.OverrideReason = req.Findings, req.OverrideReason
	}
	if t.Action == Publish && a.Note == "" {
		a.Note = "Terbit di " + d.PublishedLink
	}
	a.Normalize()
	return a, a.Validate()
}

// LastSubmitter is the actor of the latest submission in a draft's trail
// (ordered as the store lists it: oldest first), or "".
func LastSubmitter(trail []data.Audit) string {
	_, name := Submitter(trail)
	return name
}

// Submitter is the person id and name of the actor of the latest
// submission in a draft's trail; the id is empty for a legacy audit.
func Submitter(trail []data.Audit) (id, name string) {
	for i := len(trail) - 1; i >= 0; i-- {
		if trail[i].ToStatus == data.StatusSubmitted {
			return trail[i].ActorID, trail[i].ActorName
		}
	}
	return "", ""
}

// actorOf is the request's actor: the person, else the legacy user
// (with its old role mapped to the new ones); ok is false when neither
// is set.
func actorOf(req Request) (data.Actor, bool) {
	if a := req.Actor; strings.TrimSpace(a.Name) != "" {
		a.Name = strings.Join(strings.Fields(a.Name), " ")
		a.Position = strings.TrimSpace(a.Position)
		return a, true
	}
	u := req.User
	u.Normalize()
	if u.Validate() != nil {
		return data.Actor{}, false
	}
	return u.Actor(), true
}

// selfApproval decides "never approve your own submission" by identity:
// the same person id when both sides have one. When either is a legacy
// typed name, names decide (data.SamePerson), so that a person cannot
// approve what they submitted under their typed name before the upgrade.
func selfApproval(req Request, a data.Actor) bool {
	if a.ID != "" && req.LastSubmitterID != "" {
		return a.ID == req.LastSubmitterID
	}
	return data.SamePerson(req.LastSubmitter, a.Name)
}
