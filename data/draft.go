package data

// Draft is a piece of content an office plans and writes: a press release,
// a social-media post, an election-stage narrative, a hoax clarification.
type Draft struct {
	Meta
	Title         string       `json:"title"`
	Body          string       `json:"body"`
	Kind          string       `json:"kind"`
	Channels      List[string] `json:"channels"`
	Status        string       `json:"status"`
	PlannedDate   Date         `json:"planned_date"`
	ElectionStage string       `json:"election_stage"`
	AgencyIDs     List[string] `gorm:"column:agency_ids" json:"agency_ids"`
}

// Field labels of Draft.
var (
	LabelTitle         = Text{"Judul", "Title"}
	LabelBody          = Text{"Isi", "Body"}
	LabelChannels      = Text{"Kanal", "Channels"}
	LabelStatus        = Text{"Status", "Status"}
	LabelPlannedDate   = Text{"Rencana terbit", "Planned publish date"}
	LabelElectionStage = Text{"Tahapan pemilu", "Election stage"}
	LabelAgencies      = Text{"Instansi terkait", "Related agencies"}
)

// RecordKind implements Record.
func (*Draft) RecordKind() string { return "draft" }

// Normalize implements Record. A new draft starts as "draf".
func (d *Draft) Normalize() {
	clean(&d.Title, &d.Kind, &d.Status, &d.ElectionStage)
	d.Channels = cleanList(d.Channels)
	d.AgencyIDs = cleanList(d.AgencyIDs)
	if d.Status == "" {
		d.Status = StatusDraft
	}
}

// Validate implements Record.
func (d *Draft) Validate() error {
	var c checker
	c.text("title", LabelTitle, d.Title, true, MaxShort)
	c.maxLen("body", LabelBody, d.Body, MaxBody)
	c.oneOf("kind", LabelKind, d.Kind, DraftKinds, true)
	c.allOf("channels", LabelChannels, d.Channels, Channels)
	c.oneOf("status", LabelStatus, d.Status, DraftStatuses, true)
	c.text("election_stage", LabelElectionStage, d.ElectionStage, false, MaxShort)
	return c.err()
}
