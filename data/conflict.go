package data

// Conflict is a write that lost on the server: the record had changed
// there since this device last saw it. The server kept its version
// (Theirs) and recorded this side (Mine) here, so that nothing is merged
// or lost silently; the office resolves it, and the resolution is an
// ordinary new write of the record. Conflicts sync like other records.
type Conflict struct {
	Meta
	TargetKind    string `gorm:"column:record_kind" json:"record_kind"` // the kind of the record in conflict
	TargetID      string `gorm:"column:record_id" json:"record_id"`
	Op            string `json:"op"`
	BaseVersion   int64  `json:"base_version"`
	ServerVersion int64  `json:"server_version"`
	DeviceID      string `json:"device_id"`
	Mine          JSON   `json:"mine"`
	Theirs        JSON   `json:"theirs"`
	TheirsDeleted bool   `json:"theirs_deleted"`
	Resolved      bool   `json:"resolved"`
	Resolution    string `json:"resolution,omitempty"`
}

// Conflict resolutions.
const (
	KeepMine   = "mine"
	KeepTheirs = "theirs"
	Merged     = "merged"
)

// RecordKind implements Record.
func (*Conflict) RecordKind() string { return "conflict" }

// Normalize implements Record.
func (*Conflict) Normalize() {}

// Validate implements Record.
func (c *Conflict) Validate() error {
	var ck checker
	if c.Resolved && c.Resolution != KeepMine && c.Resolution != KeepTheirs && c.Resolution != Merged {
		ck.add("resolution", Text{"Penyelesaian", "Resolution"}, RuleUnknown)
	}
	return ck.err()
}
