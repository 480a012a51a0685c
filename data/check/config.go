package check

import (
	"bytes"
	"embed"
	"fmt"
	"strings"
	"time"

	"github.com/humasdesk/humasdesk/data"
)

// Lists holds the default lists: lists/istilah.txt (SARA, hate-speech and
// hoax-provocation terms) and lists/penanda.txt (the signal words the rules
// combine), in the format ParseTerms reads.
//
//go:embed lists/*.txt
var Lists embed.FS

// ListFiles are the default list files, in the order DefaultTerms reads them.
var ListFiles = []string{"lists/istilah.txt", "lists/penanda.txt"}

// Config is what an office sets up for the checker: its officials, its
// term lists and the election schedule it follows.
type Config struct {
	Officials []Official   `json:"officials"`
	Terms     []Term       `json:"terms"`
	Stages    []data.Stage `json:"stages"` // the office's calendar: election stages and other bands
}

// Official is a regional head or another official whose name, title and
// personal taglines must not feature in election content.
type Official struct {
	// Name as written on documents, with or without honorifics and
	// degrees: "Dr. H. Ahmad Sudirman, S.H., M.Si." matches "Ahmad
	// Sudirman" in text. Leading honorifics (H., Hj., Dr., Drs., Ir.,
	// Prof., K.H.…) and everything after the first comma are dropped.
	Name string `json:"name"`
	// Title with the region: "Bupati Sleman". Matched only as a whole, and
	// not as the tail of "Wakil Bupati Sleman" unless the title itself
	// starts with Wakil. A bare "Bupati" in text is not matched: add it as
	// an alias if an office wants it to be.
	Title string `json:"title"`
	// Aliases are other names the official is known by: a short name, a
	// nickname ("Bu Kustini"), an acronym of the pair.
	Aliases []string `json:"aliases,omitempty"`
	// Taglines are personal slogans (not the region's official motto).
	Taglines []string `json:"taglines,omitempty"`
	// RegionalHead marks a governor, regent or mayor or their deputy, the
	// officials Pasal 71 ayat (3) addresses. A title starting with
	// Gubernur, Bupati, Wali Kota/Walikota or Wakil … (after Pj./Plt.)
	// counts as one even when this is false.
	RegionalHead bool `json:"regional_head,omitempty"`
}

// Stage keys the checker reads from the office's election schedule
// (data.Stage.Key; the shipped schedules in data/workflow use them).
const (
	StagePenetapanPaslon   = "penetapan_paslon"   // determination of candidate pairs
	StageKampanye          = "kampanye"           // campaign period
	StagePenetapanTerpilih = "penetapan_terpilih" // determination of the elected pair
)

// live drops deleted stages (sync tombstones).
func live(stages []data.Stage) []data.Stage {
	out := make([]data.Stage, 0, len(stages))
	for _, s := range stages {
		if !s.Deleted {
			out = append(out, s)
		}
	}
	return out
}

// stageLast returns a stage's last day: its end, or its start when the end
// is unset or before it.
func stageLast(s data.Stage) data.Date {
	if s.End.IsZero() || s.End.Before(s.Start) {
		return s.Start
	}
	return s.End
}

// Window is a period of days, both ends included.
type Window struct {
	From, To data.Date
}

// Contains reports whether d falls in the window.
func (w Window) Contains(d data.Date) bool { return !d.Before(w.From) && !d.After(w.To) }

// Pasal71Windows returns the periods in which Pasal 71 ayat (3) UU 10/2016
// forbids the regional head from using authority, programs and activities
// that benefit or harm a candidate pair: from six months before the
// determination of candidate pairs until the determination of the elected
// pair. For each stage keyed penetapan_paslon with start S:
//
//   - From is S minus six calendar months, the same day of the month
//     (22 September 2024 → 22 March 2024), or the month's last day when
//     that day does not exist (31 August → 28/29 February);
//   - To is the last day of the first penetapan_terpilih stage of the same
//     election (data.Stage.Election) that ends on or after S; without one,
//     the last day of that election's schedule (the latest end of its
//     stages), and at least S's own last day.
//
// Stages of other elections and other calendar bands (national days,
// local events) do not extend a window; deleted stages are ignored.
func Pasal71Windows(stages []data.Stage) []Window {
	stages = live(stages)
	var out []Window
	for _, p := range stages {
		if p.Key != StagePenetapanPaslon || p.Start.IsZero() {
			continue
		}
		w := Window{From: monthsBefore(p.Start, 6), To: stageLast(p)}
		var elected, last data.Date
		for _, s := range stages {
			if s.Election != p.Election || s.Start.IsZero() || stageLast(s).Before(p.Start) {
				continue
			}
			if s.Key == StagePenetapanTerpilih && (elected.IsZero() || stageLast(s).Before(elected)) {
				elected = stageLast(s)
			}
			if s.Category == "" || s.Category == data.StageElection {
				if stageLast(s).After(last) {
					last = stageLast(s)
				}
			}
		}
		switch {
		case !elected.IsZero():
			w.To = elected
		case last.After(w.To):
			w.To = last
		}
		out = append(out, w)
	}
	return out
}

// monthsBefore returns d minus n calendar months, clamped to the last day
// of the month.
func monthsBefore(d data.Date, n int) data.Date {
	first := time.Date(d.Year, d.Month, 1, 0, 0, 0, 0, time.UTC).AddDate(0, -n, 0)
	last := first.AddDate(0, 1, -1).Day()
	return data.NewDate(first.Year(), first.Month(), min(d.Day, last))
}

// stageOn returns whether d falls in a stage with key, and whether any
// stage has that key at all.
func stageOn(stages []data.Stage, key string, d data.Date) (in, known bool) {
	for _, s := range live(stages) {
		if s.Key != key || s.Start.IsZero() {
			continue
		}
		known = true
		if (Window{s.Start, stageLast(s)}).Contains(d) {
			return true, true
		}
	}
	return false, known
}

// DefaultTerms returns the shipped lists (Lists), parsed.
func DefaultTerms() []Term {
	var all []Term
	for _, name := range ListFiles {
		b, err := Lists.ReadFile(name)
		if err != nil {
			panic(err)
		}
		terms, err := ParseTerms(bytes.NewReader(b))
		if err != nil {
			panic(fmt.Sprintf("%s: %v", name, err)) // a test keeps the shipped lists valid
		}
		all = append(all, terms...)
	}
	return all
}

// DefaultConfig returns the shipped term lists, with no officials and no
// schedule: an office adds its own.
func DefaultConfig() Config { return Config{Terms: DefaultTerms()} }

// Honorifics dropped before an official's name, and degrees (and single
// letters, the pieces of "S.H.") dropped after it when there is no comma.
var (
	honorifics = setOf("h", "hj", "dr", "drs", "dra", "ir", "prof", "kh", "k", "ust", "ustadz", "ustaz",
		"hc", "tn", "ny", "nn", "sdr", "sdri", "bapak", "ibu", "pak", "bu", "raden", "rr")
	degrees = setOf("s", "m", "sh", "mh", "si", "msi", "sos", "ssos", "se", "mm", "st", "mt", "spd", "mpd",
		"skm", "ssi", "sstp", "mba", "phd", "ak", "ap", "kom", "ikom", "sip", "ip", "ma", "mag", "mkes", "kes",
		"ked", "sked", "psi", "mpa", "mp", "sp", "sag", "ag", "hum", "shi", "sth", "llm", "msc", "bsc", "pd")
	actingWords = setOf("pj", "plt", "plh", "penjabat")
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// nameWords returns the words of an official's name without honorifics
// and degrees.
func nameWords(name string) []string {
	name, _, _ = strings.Cut(name, ",")
	words := newPattern(name, true).words
	for len(words) > 1 && honorifics[words[0]] {
		words = words[1:]
	}
	for len(words) > 1 && (degrees[words[len(words)-1]] || len([]rune(words[len(words)-1])) == 1) {
		words = words[:len(words)-1]
	}
	// A "name" that is only an honorific or an initial would match
	// everywhere.
	if len(words) == 1 && (honorifics[words[0]] || degrees[words[0]] || len([]rune(words[0])) == 1) {
		return nil
	}
	return words
}

// titleWords returns the words of a title without Pj./Plt.
func titleWords(title string) []string {
	words := newPattern(title, true).words
	for len(words) > 1 && actingWords[words[0]] {
		words = words[1:]
	}
	return words
}

// isHead reports whether o is a regional head or deputy.
func (o Official) isHead() bool {
	if o.RegionalHead {
		return true
	}
	w := titleWords(o.Title)
	if len(w) > 0 && w[0] == "wakil" {
		w = w[1:]
	}
	if len(w) == 0 {
		return false
	}
	switch w[0] {
	case "gubernur", "bupati", "walikota":
		return true
	case "wali":
		return len(w) > 1 && w[1] == "kota"
	}
	return false
}

// label names the official for messages: "Kustini Sri Purnomo (Bupati
// Sleman)".
func (o Official) label() string {
	name, _, _ := strings.Cut(o.Name, ",")
	name, title := strings.TrimSpace(name), strings.TrimSpace(o.Title)
	switch {
	case name != "" && title != "":
		return name + " (" + title + ")"
	case name != "":
		return name
	}
	return title
}
