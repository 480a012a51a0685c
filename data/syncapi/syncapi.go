// Package syncapi is the wire format of Humas Desk's sync protocol (HTTP
// and JSON under /v1), shared by the app's sync client and the central
// server so that both speak the same types. docs/SYNC.md describes the
// protocol and its guarantees.
package syncapi

import (
	"encoding/json"
	"time"
)

// SchemaVersion is the wire schema this build speaks. The server accepts
// this one and the one before; both sides ignore unknown fields.
const SchemaVersion = 1

// Record kinds that sync. A conflict is itself a record, owned by the
// office whose write lost, so that it reaches that office's devices.
const (
	KindOffice   = "office"
	KindAgency   = "agency"
	KindDraft    = "draft"
	KindEntry    = "entry"
	KindPhoto    = "photo"
	KindConflict = "conflict"
	// The content workflow's kinds (data/workflow): a draft's audit trail,
	// the calendar's stages, an office's own templates, the hoax register.
	KindAudit    = "audit"
	KindStage    = "stage"
	KindTemplate = "template"
	KindHoax     = "hoax"
	// People of an office (data.Person): who signs in, and their roles.
	KindPerson = "person"
	// The register of issued report numbers (data.ReportNumber).
	KindReportNumber = "report_number"
	// Media monitoring: the clipping register and the annual targets.
	KindClipping = "clipping"
	KindTarget   = "target"
	// Documents attached to entries and drafts (data.Attachment); their
	// files move like photos' through /v1/attachments.
	KindAttachment = "attachment"
)

// Kinds lists every kind the server stores.
var Kinds = []string{KindOffice, KindAgency, KindDraft, KindEntry, KindPhoto, KindConflict,
	KindAudit, KindStage, KindTemplate, KindHoax, KindPerson, KindReportNumber, KindClipping, KindTarget, KindAttachment}

// KnownKind reports whether kind is one the server stores.
func KnownKind(kind string) bool {
	for _, k := range Kinds {
		if k == kind {
			return true
		}
	}
	return false
}

// Record is one record in the change feed. Data holds the record's own
// fields as the app writes them; the envelope fields are the server's
// truth and win over any copy inside Data.
type Record struct {
	Kind      string          `json:"kind"`
	ID        string          `json:"id"`
	OfficeID  string          `json:"office_id"`
	Version   int64           `json:"version"`
	ServerSeq int64           `json:"server_seq"`
	Deleted   bool            `json:"deleted"`
	UpdatedAt time.Time       `json:"updated_at"`
	UpdatedBy string          `json:"updated_by"`
	Data      json.RawMessage `json:"data"`
}

// Operations a device pushes.
const (
	OpUpsert = "upsert"
	OpDelete = "delete"
)

// Op is one local change pushed by a device. OpID is unique per change;
// OpSeq increases per device. BaseVersion is the server version the change
// was made on (0 for a record the server has never seen).
type Op struct {
	OpID        string          `json:"op_id"`
	OpSeq       int64           `json:"op_seq"`
	Kind        string          `json:"kind"`
	ID          string          `json:"id"`
	OfficeID    string          `json:"office_id"`
	Op          string          `json:"op"`
	BaseVersion int64           `json:"base_version"`
	UpdatedAt   time.Time       `json:"updated_at"`
	UpdatedBy   string          `json:"updated_by"`
	Data        json.RawMessage `json:"data"`
	// ActorID and Proof: the signed-in person who made the change and
	// their proof of it (see proof.go); empty on a change made with
	// nobody signed in, which the server takes only where no role is
	// needed.
	ActorID string `json:"actor_id,omitempty"`
	Proof   string `json:"proof,omitempty"`
}

// PushRequest is the body of POST /v1/push.
type PushRequest struct {
	DeviceID string `json:"device_id"`
	Schema   int    `json:"schema"`
	Ops      []Op   `json:"ops"`
}

// Op results.
const (
	StatusApplied   = "applied"
	StatusDuplicate = "duplicate" // seen before; Original says what happened then
	StatusConflict  = "conflict"
	StatusRejected  = "rejected"
)

// OpResult answers one op. For applied (and a duplicate of applied),
// Version and ServerSeq are the record's new ones. For a conflict,
// Current is the server's record as it stands, which the device adopts,
// and ConflictID names the conflict record that keeps the losing side.
type OpResult struct {
	OpID      string `json:"op_id"`
	Status    string `json:"status"`
	Original  string `json:"original,omitempty"`
	Version   int64  `json:"version,omitempty"`
	ServerSeq int64  `json:"server_seq,omitempty"`
	Reason    string `json:"reason,omitempty"`
	// Retry marks a rejection that a later server may accept (a kind this
	// server does not know yet): the device keeps the op queued. The
	// server does not remember rejections, so a resent op is judged anew.
	Retry      bool    `json:"retry,omitempty"`
	ConflictID string  `json:"conflict_id,omitempty"`
	Current    *Record `json:"current,omitempty"`
}

// Outcome is the status that counts: the original one for a duplicate.
func (r OpResult) Outcome() string {
	if r.Status == StatusDuplicate {
		return r.Original
	}
	return r.Status
}

// PushResponse is the answer to a push, one result per op in order.
type PushResponse struct {
	Results []OpResult `json:"results"`
}

// ChangesResponse is the answer to GET /v1/changes?since=CURSOR&limit=N:
// the readable records with server_seq > CURSOR in order, tombstones
// included. Next is the cursor to ask from next; More says whether more
// changes are waiting.
type ChangesResponse struct {
	Changes []Record `json:"changes"`
	Next    int64    `json:"next"`
	More    bool     `json:"more"`
	// Head is the highest server_seq handed out. A cursor above it means
	// the server's database was restored from an older backup: the device
	// then pulls again from 0 (applying a page twice is harmless).
	Head int64 `json:"head"`
}

// MaxPullLimit bounds one page of changes.
const MaxPullLimit = 1000

// EnrollRequest exchanges a one-time enrollment code for a device token.
// OfficeID is set by an installation enrolled already: it takes only a
// code of its own office, so the server refuses any other (409,
// CodeOfficeMismatch) before spending it. A server that ignores the
// field spends the code; the installation then refuses the answer and
// calls POST /v1/enroll/cancel with the new token.
type EnrollRequest struct {
	Code       string `json:"code"`
	DeviceName string `json:"device_name"`
	Schema     int    `json:"schema"`
	OfficeID   string `json:"office_id,omitempty"`
}

// CodeOfficeMismatch is the error code of an enrollment refused because
// the code is for another office than the request's OfficeID.
const CodeOfficeMismatch = "office_mismatch"

// Office is an office as the server's registry knows it.
type Office struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Level    string `json:"level"`
	ParentID string `json:"parent_id,omitempty"`
}

// EnrollResponse gives the device its identity and token. Token is shown
// once; the server keeps only its hash. OfficeRecord is the office's
// profile record as the server holds it, which the device merges its own
// profile into.
type EnrollResponse struct {
	DeviceID     string `json:"device_id"`
	Token        string `json:"token"`
	Office       Office `json:"office"`
	OfficeRecord Record `json:"office_record"`
}

// Conflict is the Data of a conflict record: a write that lost because
// the record had changed on the server since the device last saw it.
// Mine is the losing write; Theirs the server's version it lost against.
type Conflict struct {
	RecordKind    string          `json:"record_kind"`
	RecordID      string          `json:"record_id"`
	Op            string          `json:"op"`
	BaseVersion   int64           `json:"base_version"`
	ServerVersion int64           `json:"server_version"`
	DeviceID      string          `json:"device_id"`
	Mine          json.RawMessage `json:"mine"`
	Theirs        json.RawMessage `json:"theirs"`
	TheirsDeleted bool            `json:"theirs_deleted"`
	Resolved      bool            `json:"resolved"`
	Resolution    string          `json:"resolution,omitempty"` // "mine", "theirs" or "merged"
}

// Error is the body of every error answer.
type Error struct {
	Error string `json:"error"`
	Code  string `json:"code"`
}

// Limits of the API.
const (
	MaxBodyBytes       = 16 << 20 // a push or enrollment body
	MaxOpBytes         = 4 << 20  // one op's data (a logo may be large)
	MaxOpsPerPush      = 500
	MaxAttachmentBytes = 25 << 20
)
