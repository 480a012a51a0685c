package report

import (
	"time"

	"github.com/humasdesk/humasdesk/data"
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
	Closing  string // VII Penutup

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
	Issues       []Issue
	Photos       []Photo
}

// Signer is a person in the signature block.
type Signer struct {
	Position, Name, NIP string
}

// Tally counts activities.
type Tally struct {
	Count, Realised, NotRealised, Participants, Outputs, Reach int
}

func (t *Tally) add(e *data.Entry) {
	t.Count++
	if e.Realised {
		t.Realised++
	} else {
		t.NotRealised++
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

// Hoax is one hoax clarification: an activity of that type or a published
// clarification draft.
type Hoax struct {
	Date   data.Date
	Title  string
	Source string // "Kegiatan" or "Konten"
	Status string // "Terlaksana", "Belum terlaksana", or the draft status
	Office string
}

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
}
