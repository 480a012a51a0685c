package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// The inbox (Tugas saya): what waits for one person of the office. It is
// read from the records as they are after the last sync round, so every
// device of the office shows the same work; nothing of it is stored.

// HoaxOverdue is how long a hoax case may stay open before it is work
// waiting for the office.
const HoaxOverdue = 24 * time.Hour

// InboxItem is one piece of work waiting for a person.
type InboxItem struct {
	Kind     string    // data.InboxToApprove, …
	RecordID string    // the draft or hoax case; "" for a report
	Title    string    // the draft's title, the hoax's claim, or the report's period
	Note     string    // who submitted, or the note the content came back with
	Since    time.Time // when it began to wait
	// Key names the item as long as it waits for the same thing (a new
	// submission of the same draft is a new item), so that the app can
	// tell items that arrived since it last looked.
	Key string
}

// Inbox lists what waits for the person personID at time now: content
// submitted for approval when they are a verifier (not their own
// submissions, which they may not approve), their content returned with
// a note, the office's hoax cases open longer than HoaxOverdue (for
// drafters and verifiers), and, from the middle of a quarter's last
// month to the end of the next month, that quarter's report when the
// office has not issued it (for drafters and signers). Oldest first.
func (s *Store) Inbox(ctx context.Context, personID string, now time.Time) ([]InboxItem, error) {
	p, err := s.Person(ctx, personID)
	if err != nil {
		return nil, err
	}
	var out []InboxItem
	for _, part := range []func(context.Context, *data.Person, time.Time) ([]InboxItem, error){
		s.inboxDrafts, s.inboxHoaxes, s.inboxReport,
	} {
		items, err := part(ctx, p, now)
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
	}
	slices.SortStableFunc(out, func(a, b InboxItem) int { return a.Since.Compare(b.Since) })
	return out, nil
}

// inboxDrafts finds the submissions p may decide on and p's content that
// came back. The submitter is read from each draft's trail; a legacy
// submission (a typed name) counts as p's when the names match.
func (s *Store) inboxDrafts(ctx context.Context, p *data.Person, _ time.Time) ([]InboxItem, error) {
	statuses := []string{data.StatusReturned}
	if p.Has(data.RoleVerifier) {
		statuses = append(statuses, data.StatusSubmitted)
	}
	var drafts []data.Draft
	err := s.read(ctx).Where("deleted = 0 AND office_id = ? AND status IN ?", p.OfficeID, statuses).
		Order("id").Find(&drafts).Error
	if err != nil {
		return nil, err
	}
	var out []InboxItem
	for _, d := range drafts {
		trail, err := s.AuditTrail(ctx, d.ID)
		if err != nil {
			return nil, err
		}
		byID, byName := workflow.Submitter(trail)
		mine := byID == p.ID || (byID == "" && data.SamePerson(byName, p.Name))
		last := lastAuditTo(trail, d.Status)
		it := InboxItem{RecordID: d.ID, Title: d.Title, Since: last.At,
			Key: fmt.Sprintf("%s/%s/%d/%d", d.Status, d.ID, d.Revision, last.Step)}
		switch {
		case d.Status == data.StatusSubmitted && !mine:
			it.Kind, it.Note = data.InboxToApprove, byName
		case d.Status == data.StatusReturned && mine:
			it.Kind, it.Note = data.InboxReturned, last.Note
		default:
			continue
		}
		out = append(out, it)
	}
	return out, nil
}

// lastAuditTo is the latest step of the trail that moved the draft into
// status (the zero Audit when the trail has none, as after a sync that
// brought the draft before its audits).
func lastAuditTo(trail []data.Audit, status string) data.Audit {
	for i := len(trail) - 1; i >= 0; i-- {
		if trail[i].ToStatus == status {
			return trail[i]
		}
	}
	return data.Audit{}
}

// inboxHoaxes lists the office's cases open longer than HoaxOverdue.
func (s *Store) inboxHoaxes(ctx context.Context, p *data.Person, now time.Time) ([]InboxItem, error) {
	if !p.Has(data.RoleDrafter) && !p.Has(data.RoleVerifier) {
		return nil, nil
	}
	var hoaxes []data.Hoax
	err := s.read(ctx).Where("deleted = 0 AND office_id = ? AND clarified_at IS NULL AND found_at < ?",
		p.OfficeID, now.Add(-HoaxOverdue).UTC()).Order("found_at, id").Find(&hoaxes).Error
	if err != nil {
		return nil, err
	}
	out := make([]InboxItem, len(hoaxes))
	for i, h := range hoaxes {
		out[i] = InboxItem{Kind: data.InboxHoax, RecordID: h.ID, Title: h.Claim, Since: h.FoundAt, Key: data.InboxHoax + "/" + h.ID}
	}
	return out, nil
}

// inboxReport reminds of the quarterly report around the quarter's end.
func (s *Store) inboxReport(ctx context.Context, p *data.Person, now time.Time) ([]InboxItem, error) {
	if !p.Has(data.RoleDrafter) && !p.Has(data.RoleSigner) {
		return nil, nil
	}
	year, quarter, since, ok := endingQuarter(now)
	if !ok {
		return nil, nil
	}
	made, err := s.quarterReportMade(ctx, p.OfficeID, year, quarter)
	if err != nil || made {
		return nil, err
	}
	return []InboxItem{{Kind: data.InboxReport, Title: fmt.Sprintf("Triwulan %s %d", romanQuarter[quarter], year),
		Since: since, Key: fmt.Sprintf("%s/%d/%d", data.InboxReport, year, quarter)}}, nil
}

var romanQuarter = [...]string{"", "I", "II", "III", "IV"}

// endingQuarter is the quarter whose report is due around now: from the
// 15th of the quarter's last month to the end of the month after it.
// since is when that window opened.
func endingQuarter(now time.Time) (year, quarter int, since time.Time, ok bool) {
	now = now.In(time.Local)
	m := int(now.Month())
	y := now.Year()
	switch {
	case m%3 == 0 && now.Day() >= 15: // the quarter's last month, second half
		quarter = m / 3
	case m%3 == 1: // the month after a quarter: Jan → IV of last year, Apr → I, …
		quarter = (m - 1) / 3
		if quarter == 0 {
			quarter, y = 4, y-1
		}
	default:
		return 0, 0, time.Time{}, false
	}
	since = time.Date(y, time.Month(quarter*3), 15, 0, 0, 0, 0, time.Local)
	return y, quarter, since, true
}

// quarterReportMade reports whether the office has issued a number for
// the quarter's report. The register of report numbers (report_numbers)
// is what records a report as made; a database without it has no record
// of any, so the report counts as not made.
func (s *Store) quarterReportMade(ctx context.Context, officeID string, year, quarter int) (bool, error) {
	var tables int64
	err := s.read(ctx).Raw("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'report_numbers'").
		Scan(&tables).Error
	if err != nil || tables == 0 {
		return false, err
	}
	var n int64
	err = s.read(ctx).Table("report_numbers").
		Where("deleted = 0 AND office_id = ? AND period_year = ? AND quarter = ?", officeID, year, quarter).
		Count(&n).Error
	return n > 0, err
}
