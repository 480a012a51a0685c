package data

import "time"

// Audit is one step of a draft's approval workflow: who moved it from
// which status to which, when, and why. The store writes it in the same
// transaction as the draft's new status (data/store, workflow.go), and it
// syncs like every record, so the trail is the same on every device of
// the office and at the coordinator. Audits are never edited or deleted.
type Audit struct {
	Meta
	DraftID  string `json:"draft_id"`
	Revision int    `json:"revision"` // the draft's revision after the step
	// Step numbers the draft's audits as this device saw them (1, 2, …);
	// the trail is ordered by revision, step and time, never by the id.
	Step       int    `json:"step"`
	Action     string `json:"action"` // workflow.Action: ajukan, setujui, …
	FromStatus string `json:"from_status"`
	ToStatus   string `json:"to_status"`
	// ActorID is the person (data.Person) who took the step; empty for
	// a legacy audit, whose ActorName was typed and is unverified.
	ActorID        string    `json:"actor_id"`
	ActorName      string    `json:"actor_name"`
	ActorPosition  string    `json:"actor_position"`
	ActorRole      string    `json:"actor_role"`
	ActorDevice    string    `json:"actor_device"` // the installation it was done on
	Note           string    `json:"note"`
	OverrideReason string    `json:"override_reason"` // why it was submitted despite findings
	Findings       int       `json:"findings"`        // open neutrality findings at submission
	At             time.Time `json:"at"`              // the device's clock: for display only
}

// Field labels of Audit.
var (
	LabelAuditDraft    = Text{"Konten", "Content"}
	LabelFromStatus    = Text{"Status awal", "From status"}
	LabelToStatus      = Text{"Status akhir", "To status"}
	LabelActor         = Text{"Pelaku", "Actor"}
	LabelActorPosition = Text{"Jabatan pelaku", "Actor's position"}
	LabelActorRole     = Text{"Peran pelaku", "Actor's role"}
	LabelAuditNote     = Text{"Catatan", "Note"}
	LabelOverride      = Text{"Alasan tetap mengajukan", "Override reason"}
	LabelFindings      = Text{"Jumlah temuan", "Findings"}
	LabelAuditAt       = Text{"Waktu", "Time"}
)

// RecordKind implements Record.
func (*Audit) RecordKind() string { return "audit" }

// Normalize implements Record.
func (a *Audit) Normalize() {
	clean(&a.DraftID, &a.ActorID, &a.Action, &a.FromStatus, &a.ToStatus, &a.ActorName, &a.ActorPosition,
		&a.ActorRole, &a.ActorDevice, &a.Note, &a.OverrideReason)
	if a.Revision < 1 {
		a.Revision = 1
	}
	a.At = a.At.UTC()
}

// Validate implements Record. A submission with open findings must say
// why it goes ahead anyway.
func (a *Audit) Validate() error {
	var c checker
	c.required("draft_id", LabelAuditDraft, a.DraftID)
	c.oneOf("from_status", LabelFromStatus, a.FromStatus, DraftStatuses, true)
	c.oneOf("to_status", LabelToStatus, a.ToStatus, DraftStatuses, true)
	c.text("actor_name", LabelActor, a.ActorName, true, MaxShort)
	c.text("actor_position", LabelActorPosition, a.ActorPosition, false, MaxShort)
	c.oneOf("actor_role", LabelActorRole, a.ActorRole, AuditRoles, true)
	c.maxLen("actor_id", LabelActor, a.ActorID, MaxShort)
	c.maxLen("actor_device", LabelActor, a.ActorDevice, MaxShort)
	c.text("note", LabelAuditNote, a.Note, false, MaxText)
	c.text("override_reason", LabelOverride, a.OverrideReason, false, MaxText)
	c.nonNegative("findings", LabelFindings, a.Findings)
	if a.Findings > 0 && a.ToStatus == StatusSubmitted && a.OverrideReason == "" {
		c.add("override_reason", LabelOverride, RuleRequired)
	}
	if a.At.IsZero() {
		c.add("at", LabelAuditAt, RuleRequired)
	}
	return c.err()
}

// AuditRoles are the roles an audit may name: a person's, or a legacy
// user's (penulis, verifikator, keduanya).
var AuditRoles = append(append(Vocabulary{}, PersonRoles...), UserRoles[0], UserRoles[2])

// LegacyAuthor labels an audit whose author was a typed name.
var LegacyAuthor = Text{"penulis lama, belum terverifikasi", "legacy author, unverified"}

// Legacy reports whether the audit's actor is a typed name from before
// people and sign-in (no ActorID): shown as an unverified legacy author.
func (a *Audit) Legacy() bool { return a.ActorID == "" }
