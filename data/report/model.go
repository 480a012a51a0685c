package report

import (
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// Report is everything one period's report shows, already counted and
// labelled in Indonesian. Renderers only lay it out.
type Report struct {
	Office   data.Office   // the reporting office; its head signs
	Offices  []data.Office // the offices covered: Office alone, or Office and those under it
	Rollup   bool
	Period   Period
	From, To data.Date
	Number   string // document number
	Title    string // "Laporan Kegiatan Kehumasan Triwulan II Tahun 2024"
	Intro    string // I Pendahuluan
	Closing  string // VIII Penutup

	// AsOf is the day the data was taken; Unfinished says the period
	// ends after it, so its planned activities may still take place
	// (UnfinishedNote).
	AsOf       data.Date
	Unfinished bool

	SignPlace string
	SignDate  data.Date
	Signer    Signer
	KnownBy   Signer // "Mengetahui": the level above; fields may be empty

	Total      Tally
	Strategies [8]Tally      // index 0 is strategy 1
	Types      []TypeTally   // every activity type, in vocabulary order
	Months     []MonthTally  // each month of the period
	Quarters   [4][8]int     // annual report: entries per quarter and strategy
	PerOffice  []OfficeTally // rollup: one row per covered office

	Activities   []Activity
	Publications []Publication
	Channels     []ChannelTally
	Hoaxes       []Hoax
	// HoaxTotal and HoaxQuarters count the hoax register's cases found
	// in the period (Hoax rows from SourceRegister): the whole period,
	// and each of its quarters (one for a quarterly report, four for an
	// annual one).
	HoaxTotal    workflow.ClarifySummary
	HoaxQuarters []workflow.QuarterSummary
	Issues       []Issue
	Photos       []Photo
	// Monitoring is section VI, Pemantauan Media (monitoring.go).
	Monitoring *Monitoring
	Documents  []Document // the activities' attachments, listed by name
}

// Signer is a person in the signature block.
type Signer struct {
	Position, Name, NIP string
}

// Tally counts activities by state: Count = Realised + NotRealised +
// Planned. A planned activity has not taken place yet, so it is never
// counted as not done, and its figures (participants, outputs, reach) are
// targets, not results: they are left out.
type Tally struct {
	Count, Realised, NotRealised, Planned, Participants, Outputs, Reach int
}

func (t *Tally) add(e *data.Entry) {
	t.Count++
	switch e.Status {
	case data.EntryPlanned:
		t.Planned++
		return
	case data.EntryNotDone:
		t.NotRealised++
	default:
		t.Realised++
	}
	t.Participants += e.Participants
	t.Outputs += e.Outputs
	t.Reach += e.Reach
}

// TypeTally counts one activity type.
type TypeTally struct {
	Type  string // code
	Label string
	Tally
}

// MonthTally counts one month.
type MonthTally struct {
	Month time.Month
	Label string // "April"
	Tally
}

// OfficeTally counts one office of a rollup.
type OfficeTally struct {
	Office     data.Office
	Strategies [8]int
	Tally
}

// Activity is an entry as the activity list prints it.
type Activity struct {
	data.Entry
	Office   string   // the owning office's name (for rollups)
	Partners []string // partner agency names
}

// Publication is content published in the period.
type Publication struct {
	Date     data.Date
	Title    string
	Kind     string   // label
	Channels []string // labels
	Office   string
}

// ChannelTally counts publications per channel; one publication on three
// channels counts once in each.
type ChannelTally struct {
	Channel string // code
	Label   string
	Count   int
}

// Hoax is one row of the hoax section: a case of the hoax register found
// in the period (Source SourceRegister), or, for an office that kept no
// register case in the period, an activity of type klarifikasi_hoaks or a
// published clarification draft, as before the register existed. An
// office's register cases replace its activities and content there, so
// nothing is counted twice; the activities stay in the activity list.
type Hoax struct {
	Date     data.Date // the day found (register), of the activity, or of publication
	Title    string    // the claim, or the activity's or draft's title
	Source   string    // SourceRegister, "Kegiatan" or "Konten"
	Status   string    // "Sudah diklarifikasi"/"Belum diklarifikasi", an activity's state label (data.EntryStates), or "Terbit"
	Office   string
	OfficeID string

	// Register cases only.
	Platform      string    // label
	Link          string    // where it circulated
	FoundAt       time.Time // when it was found
	ClarifiedAt   time.Time // when the clarification went out; zero while open
	Clarified     bool
	Hours         float64 // time to clarify, when Clarified (workflow.TimeToClarify)
	Clarification string  // the clarification draft's title, if linked
}

// Sources of hoax rows.
const (
	SourceRegister = "Register"
	SourceActivity = "Kegiatan"
	SourceContent  = "Konten"
)

// Issue is an activity's obstacles and follow-up.
type Issue struct {
	Date      data.Date
	Title     string
	Obstacles string
	FollowUp  string
}

// Photo is a documentation photo attached to an activity.
type Photo struct {
	Activity string    // the activity's title
	Date     data.Date // the activity's date
	Caption  string
	Path     string // the image file
	// Derived: Path is the report-size copy the store made of the photo
	// (store.ReportPhotoFile), embedded as it is
	Derived bool
}

// Document is a file attached to an activity (its invitation, minutes,
// attendance list), listed by name in the report's appendix.
type Document struct {
	Activity string    // the activity's title
	Date     data.Date // the activity's date
	Name     string    // the file name it was attached under
	Kind     string    // its type, e.g. "Dokumen PDF"
}

// UnfinishedNote is what a report of a period that has not ended says on
// its cover and in the command line's output, e.g. "Periode belum berakhir:
// data per 7 Desember 2026"; "" for an ended period.
func (r *Report) UnfinishedNote() string {
	if !r.Unfinished {
		return ""
	}
	return "Periode belum berakhir: data per " + iddate.Medium(r.AsOf)
}
