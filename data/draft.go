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

	// The approval workflow's fields (data/workflow), changed only by the
	// store's transitions: Revision counts from 1 and goes up each time an
	// approved or published draft is reopened for editing; PublishedAt and
	// PublishedLink say when and where it went out (kept through a later
	// correction, so that a reopened draft still counts as published).
	Revision      int    `json:"revision"`
	PublishedAt   Date   `json:"published_at"`
	PublishedLink string `json:"published_link"`
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
	LabelRevision      = Text{"Revisi", "Revision"}
	LabelPublishedAt   = Text{"Tanggal terbit", "Publication date"}
	LabelPublishedLink = Text{"Tautan terbit", "Publication link"}
)

// RecordKind implements Record.
func (*Draft) RecordKind() string { return "draft" }

// Normalize implements Record. A new draft starts as "draf", revision 1.
func (d *Draft) Normalize() {
	clean(&d.Title, &d.Kind, &d.Status, &d.ElectionStage, &d.PublishedLink)
	d.Channels = cleanList(d.Channels)
	d.AgencyIDs = cleanList(d.AgencyIDs)
	if d.Status == "" {
		d.Status = StatusDraft
	}
	if d.Revision < 1 {
		d.Revision = 1
	}
}

// CalendarDay is the day a draft stands on in the calendar and the
// reports: its publication date once published, else its planned date.
func (d *Draft) CalendarDay() Date {
	if !d.PublishedAt.IsZero() {
		return d.PublishedAt
	}
	return d.PlannedDate
}

// WasPublished reports whether the draft went out: it is published, or it
// was and has been reopened for a correction.
func (d *Draft) WasPublished() bool {
	return d.Status == StatusPublished || !d.PublishedAt.IsZero()
}

// Validate implements Record.
func (d *Draft) Validate() error {
	var c checker
	c.text("title", LabelTitle, d.Title, true, MaxShort)
	c.maxLen("body", LabelBody, d.Body, MaxBody)
	c.postFits(d)
	c.oneOf("kind", LabelKind, d.Kind, DraftKinds, true)
	c.allOf("channels", LabelChannels, d.Channels, Channels)
	c.oneOf("status", LabelStatus, d.Status, DraftStatuses, true)
	c.text("election_stage", LabelElectionStage, d.ElectionStage, false, MaxShort)
	c.maxLen("published_link", LabelPublishedLink, d.PublishedLink, MaxLine)
	c.url("published_link", LabelPublishedLink, d.PublishedLink)
	return c.err()
}
