package data

// Entry is one humas activity (kegiatan) as it goes into the quarterly and
// annual reports.
type Entry struct {
	Meta
	StartDate     Date         `json:"start_date"`
	EndDate       Date         `json:"end_date"`
	Title         string       `json:"title"`
	ActivityType  string       `json:"activity_type"`
	Strategy      int          `json:"strategy"`
	Location      string       `json:"location"`
	Online        bool         `json:"online"`
	PartnerIDs    List[string] `gorm:"column:partner_ids" json:"partner_ids"`
	Participants  int          `json:"participants"`
	Outputs       int          `json:"outputs"`
	Reach         int          `json:"reach"`
	Realised      bool         `json:"realised"` // mirror of Status == EntryDone, for the previous schema
	Status        string       `json:"status"`   // EntryStates; "" only in records of the previous schema
	NotDoneReason string       `json:"not_done_reason"`
	Obstacles     string       `json:"obstacles"`
	FollowUp      string       `json:"follow_up"`
	EvidenceLinks List[string] `json:"evidence_links"`
	Notes         string       `json:"notes"`
}

// Field labels of Entry.
var (
	LabelStartDate     = Text{"Tanggal mulai", "Start date"}
	LabelEndDate       = Text{"Tanggal selesai", "End date"}
	LabelActivityType  = Text{"Jenis kegiatan", "Activity type"}
	LabelStrategy      = Text{"Strategi Bakohumas", "Bakohumas strategy"}
	LabelLocation      = Text{"Lokasi", "Location"}
	LabelOnline        = Text{"Daring", "Online"}
	LabelPartners      = Text{"Instansi mitra", "Partner agencies"}
	LabelParticipants  = Text{"Jumlah peserta", "Participants"}
	LabelOutputs       = Text{"Jumlah keluaran", "Outputs"}
	LabelReach         = Text{"Jangkauan", "Reach"}
	LabelRealised      = Text{"Terlaksana", "Realised"}
	LabelObstacles     = Text{"Kendala", "Obstacles"}
	LabelFollowUp      = Text{"Tindak lanjut", "Follow-up"}
	LabelEvidenceLinks = Text{"Tautan bukti", "Evidence links"}
)

// RecordKind implements Record.
func (*Entry) RecordKind() string { return "entry" }

// Normalize implements Record. A one-day activity may leave the end date
// empty; it then ends on its start date. An entry without a state gets one
// (FillStatus): Direncanakan when dated after today.
func (e *Entry) Normalize() {
	clean(&e.Title, &e.ActivityType, &e.Location, &e.Obstacles, &e.FollowUp, &e.Notes, &e.Status, &e.NotDoneReason)
	e.FillStatus(Today())
	e.PartnerIDs = cleanList(e.PartnerIDs)
	e.EvidenceLinks = cleanList(e.EvidenceLinks)
	if e.EndDate.IsZero() {
		e.EndDate = e.StartDate
	}
}

// Validate implements Record.
func (e *Entry) Validate() error {
	var c checker
	if e.StartDate.IsZero() {
		c.add("start_date", LabelStartDate, RuleRequired)
	} else if e.EndDate.Before(e.StartDate) {
		c.add("end_date", LabelEndDate, RuleEndBefore)
	}
	c.text("title", LabelTitle, e.Title, true, MaxShort)
	c.oneOf("activity_type", LabelActivityType, e.ActivityType, ActivityTypes, true)
	if e.Strategy < 1 || e.Strategy > len(Strategies) {
		c.errs = append(c.errs, FieldError{Field: "strategy", Label: LabelStrategy, Rule: RuleRange, Min: 1, Max: len(Strategies)})
	}
	c.text("location", LabelLocation, e.Location, false, MaxShort)
	c.nonNegative("participants", LabelParticipants, e.Participants)
	c.nonNegative("outputs", LabelOutputs, e.Outputs)
	c.nonNegative("reach", LabelReach, e.Reach)
	// An empty state is a record of the previous schema (an older device
	// or server): Normalize fills it (FillStatus), and every reader does
	// too, so the server accepts it as DESIGN.md promises for that schema.
	c.oneOf("status", LabelEntryStatus, e.Status, EntryStates, false)
	if e.Status == EntryNotDone {
		c.text("not_done_reason", LabelNotDoneReason, e.NotDoneReason, true, MaxText)
	}
	c.text("obstacles", LabelObstacles, e.Obstacles, false, MaxText)
	c.text("follow_up", LabelFollowUp, e.FollowUp, false, MaxText)
	for _, l := range e.EvidenceLinks {
		if !ValidURL(l) {
			c.add("evidence_links", LabelEvidenceLinks, RuleURL)
			break
		}
		c.maxLen("evidence_links", LabelEvidenceLinks, l, MaxLine)
	}
	c.text("notes", LabelNotes, e.Notes, false, MaxText)
	return c.err()
}
