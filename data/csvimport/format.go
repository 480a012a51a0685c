package csvimport

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
)

// The functions in this file write records in the import layouts, so that
// what Humas Desk exports it can import again: the activity list of a
// report (data/report.WriteCSV) and, for the agency list, AgencyFields.

// BOM is the UTF-8 byte-order mark. Excel needs it to read a CSV file as
// UTF-8 rather than in the Windows code page.
const BOM = "\ufeff"

// NewWriter writes the byte-order mark to w and returns a CSV writer with
// the separator sep (',' or ';') and CRLF line ends, as spreadsheets on
// Windows expect.
func NewWriter(w io.Writer, sep rune) (*csv.Writer, error) {
	if _, err := io.WriteString(w, BOM); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.Comma = sep
	cw.UseCRLF = true
	return cw, nil
}

// YesNo writes a boolean as "Ya" or "Tidak".
func YesNo(b bool) string {
	if b {
		return "Ya"
	}
	return "Tidak"
}

// EntryFields writes e in the activity layout (EntryHeader): dates as
// dd/mm/yyyy, the activity type by its Indonesian name, the strategy by
// number, the state by its Indonesian name, booleans as Ya/Tidak, counts without separators, partner names
// and links separated by "; ". partners are the names of e's partner
// agencies. A text that a spreadsheet would take for a formula gets a
// leading apostrophe, which import removes.
func EntryFields(e *data.Entry, partners []string) []string {
	return []string{
		iddate.Short(e.StartDate),
		iddate.Short(e.EndDate),
		guardText(e.Title),
		data.ActivityTypes.Label(e.ActivityType, data.LangID),
		strconv.Itoa(e.Strategy),
		guardText(e.Location),
		YesNo(e.Online),
		guardText(strings.Join(partners, "; ")),
		strconv.Itoa(e.Participants),
		strconv.Itoa(e.Outputs),
		strconv.Itoa(e.Reach),
		data.EntryStates.Label(e.Status, data.LangID),
		guardText(e.NotDoneReason),
		guardText(e.Obstacles),
		guardText(e.FollowUp),
		strings.Join(e.EvidenceLinks, "; "),
		guardText(e.Notes),
	}
}

// AgencyFields writes a in the agency layout (AgencyHeader), with its kind
// and level by Indonesian name and its social accounts as
// "instagram:@akun; youtube:@akun".
func AgencyFields(a *data.Agency) []string {
	level := ""
	if a.Level != "" {
		level = data.Levels.Label(a.Level, data.LangID)
	}
	accts := make([]string, len(a.SocialAccounts))
	for i, s := range a.SocialAccounts {
		accts[i] = s.Platform + ":" + s.Handle
	}
	return []string{
		guardText(a.Name),
		data.AgencyKinds.Label(a.Kind, data.LangID),
		level,
		guardText(a.Region),
		guardText(a.Address),
		guardText(a.ContactPerson),
		guardText(a.Phone),
		a.Email,
		a.Website,
		strings.Join(accts, "; "),
		guardText(a.Notes),
	}
}

// WriteAgencies writes agencies as a CSV file in the agency layout, with a
// byte-order mark and the separator sep.
func WriteAgencies(w io.Writer, agencies []data.Agency, sep rune) error {
	cw, err := NewWriter(w, sep)
	if err != nil {
		return err
	}
	if err := cw.Write(AgencyHeader()); err != nil {
		return err
	}
	for i := range agencies {
		if err := cw.Write(AgencyFields(&agencies[i])); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
