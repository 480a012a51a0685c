package report

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// Options choose what Build reports.
type Options struct {
	OfficeID string // the reporting office; default: this installation's
	Period   Period
	Rollup   bool // cover the office and every office under it

	// Number is the document number; when empty it is made from
	// NumberPattern (see FormatNumber) and Sequence.
	Number        string
	NumberPattern string
	Sequence      int

	Intro, Closing string    // defaults: DefaultIntro, DefaultClosing
	SignDate       data.Date // default: today
	Today          data.Date // the day the data is taken (Report.AsOf); default: today
	KnownBy        *Signer   // default: the parent office's signer, if known (knownBy)

	// SignerID chooses the signer: a person id or name of an active
	// Penandatangan of the office; default: see ResolveSigner.
	SignerID string
}

// DefaultNumberPattern is used when neither Number nor NumberPattern is set.
const DefaultNumberPattern = "{no}/HM.00.02/{romawi}/{tahun}"

// FormatNumber fills a document-number pattern. Placeholders: {no} the
// sequence as three digits, {romawi} the month of signing in Roman
// numerals, {bulan} the month as two digits, {tahun} the year of signing,
// {triwulan} the quarter in Roman numerals. For example
// "{no}/HM.00.02/KPU-Kab/{romawi}/{tahun}" gives "012/HM.00.02/KPU-Kab/IV/2024".
func FormatNumber(pattern string, seq int, signed data.Date, p Period) string {
	q := ""
	if !p.Annual() {
		q = iddate.Roman(p.Quarter)
	}
	return strings.NewReplacer(
		"{no}", fmt.Sprintf("%03d", seq),
		"{romawi}", iddate.Roman(int(signed.Month)),
		"{bulan}", fmt.Sprintf("%02d", int(signed.Month)),
		"{tahun}", fmt.Sprint(signed.Year),
		"{triwulan}", q,
	).Replace(pattern)
}

// DefaultIntro is the Pendahuluan when the office has not written its own.
const DefaultIntro = "Laporan ini disusun sebagai pertanggungjawaban pelaksanaan kegiatan " +
	"kehumasan %s selama %s, sesuai dengan delapan strategi Badan Koordinasi Kehumasan " +
	"Pemerintah (Bakohumas). Laporan memuat rekapitulasi kegiatan, rincian kegiatan, " +
	"publikasi, klarifikasi hoaks, serta kendala dan tindak lanjut, sebagai bahan evaluasi " +
	"dan perencanaan kegiatan kehumasan periode berikutnya."

// DefaultClosing is the Penutup when the office has not written its own.
const DefaultClosing = "Demikian laporan kegiatan kehumasan ini disusun untuk dapat " +
	"dipergunakan sebagaimana mestinya. Atas perhatian dan kerja samanya, kami " +
	"sampaikan terima kasih."

// Build loads the period's records of the office (and, with Rollup, of
// every office under it) and counts them into a Report. An empty period
// gives a report with zero counts and empty lists, not an error.
func Build(ctx context.Context, st *store.Store, opt Options) (*Report, error) {
	if err := opt.Period.Validate(); err != nil {
		return nil, err
	}
	office, err := reportingOffice(ctx, st, opt.OfficeID)
	if err != nil {
		return nil, err
	}
	offices := []data.Office{*office}
	if opt.Rollup {
		if offices, err = st.OfficeTree(ctx, office.ID); err != nil {
			return nil, err
		}
		if len(offices) < 2 {
			return nil, &NoOfficesBelowError{Office: office.Name}
		}
	}
	r := newReport(office, offices, opt)
	if r.Signer, err = ResolveSigner(ctx, st, office, opt.SignerID); err != nil {
		return nil, err
	}
	ids := make([]string, len(offices))
	names := make(map[string]string, len(offices))
	for i, o := range offices {
		ids[i], names[o.ID] = o.ID, o.Name
	}
	entries, err := st.EntriesBetween(ctx, ids, r.From, r.To)
	if err != nil {
		return nil, err
	}
	drafts, err := st.DraftsBetween(ctx, ids, r.From, r.To)
	if err != nil {
		return nil, err
	}
	partners, err := partnerNames(ctx, st, entries)
	if err != nil {
		return nil, err
	}
	r.countEntries(entries, names, partners)
	r.collectDrafts(drafts, names)
	if err := r.collectRegister(ctx, st, ids, names); err != nil {
		return nil, err
	}
	if err := r.collectMonitoring(ctx, st, ids, names, drafts); err != nil {
		return nil, err
	}
	if err := r.collectPhotos(ctx, st, entries); err != nil {
		return nil, err
	}
	if err := r.collectDocuments(ctx, st, entries); err != nil {
		return nil, err
	}
	if r.KnownBy, err = knownBy(ctx, st, office, opt.KnownBy); err != nil {
		return nil, err
	}
	return r, nil
}

func reportingOffice(ctx context.Context, st *store.Store, id string) (*data.Office, error) {
	if id == "" {
		return st.CurrentOffice(ctx)
	}
	o, err := st.Office(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("kantor %s tidak ditemukan: %w", id, err)
	}
	return o, nil
}

func newReport(office *data.Office, offices []data.Office, opt Options) *Report {
	from, to := opt.Period.Range()
	r := &Report{
		Office: *office, Offices: offices, Rollup: opt.Rollup, Period: opt.Period,
		From: from, To: to, Intro: opt.Intro, Closing: opt.Closing,
		Title:     "Laporan Kegiatan Kehumasan " + opt.Period.Name(),
		SignPlace: office.SignerPlace, SignDate: opt.SignDate,
	}
	if r.SignDate.IsZero() {
		r.SignDate = data.Today()
	}
	r.AsOf = opt.Today
	if r.AsOf.IsZero() {
		r.AsOf = data.Today()
	}
	r.Unfinished = r.To.After(r.AsOf)
	if r.SignPlace == "" {
		r.SignPlace = office.Region
	}
	if r.Intro == "" {
		r.Intro = fmt.Sprintf(DefaultIntro, office.Name, opt.Period.Name())
	}
	if r.Closing == "" {
		r.Closing = DefaultClosing
	}
	r.Number = opt.Number
	if r.Number == "" {
		pattern := opt.NumberPattern
		if pattern == "" {
			pattern = DefaultNumberPattern
		}
		r.Number = FormatNumber(pattern, max(opt.Sequence, 1), r.SignDate, opt.Period)
	}
	for _, t := range data.ActivityTypes {
		r.Types = append(r.Types, TypeTally{Type: t.Code, Label: t.Label.ID})
	}
	for _, m := range opt.Period.Months() {
		r.Months = append(r.Months, MonthTally{Month: m, Label: iddate.Months[m-1]})
	}
	for _, o := range offices {
		r.PerOffice = append(r.PerOffice, OfficeTally{Office: o})
	}
	return r
}

func (r *Report) countEntries(entries []data.Entry, offices, partners map[string]string) {
	perOffice := map[string]*OfficeTally{}
	for i := range r.PerOffice {
		perOffice[r.PerOffice[i].Office.ID] = &r.PerOffice[i]
	}
	// Sized once: appending 20,000 activities one by one would copy the
	// list some 15 times and leave the copies to the collector.
	r.Activities = slices.Grow(r.Activities, len(entries))
	for i := range entries {
		e := &entries[i]
		s := e.Strategy - 1
		r.Total.add(e)
		r.Strategies[s].add(e)
		for j := range r.Types {
			if r.Types[j].Type == e.ActivityType {
				r.Types[j].add(e)
			}
		}
		r.Months[monthIndex(r.Period, e.StartDate)].add(e)
		r.Quarters[iddate.QuarterOf(e.StartDate)-1][s]++
		if t := perOffice[e.OfficeID]; t != nil {
			t.add(e)
			t.Strategies[s]++
		}
		a := Activity{Entry: *e, Office: offices[e.OfficeID]}
		for _, id := range e.PartnerIDs {
			if name, ok := partners[id]; ok {
				a.Partners = append(a.Partners, name)
			}
		}
		r.Activities = append(r.Activities, a)
		if e.ActivityType == "klarifikasi_hoaks" {
			status := data.EntryStates.Label(e.Status, data.LangID)
			r.Hoaxes = append(r.Hoaxes, Hoax{Date: e.StartDate, Title: e.Title, Source: SourceActivity, Status: status,
				Office: a.Office, OfficeID: e.OfficeID})
		}
		if e.Obstacles != "" || e.FollowUp != "" {
			r.Issues = append(r.Issues, Issue{Date: e.StartDate, Title: e.Title, Obstacles: e.Obstacles, FollowUp: e.FollowUp})
		}
	}
}

// monthIndex is the position of d's month among the period's months.
func monthIndex(p Period, d data.Date) int {
	if p.Annual() {
		return int(d.Month) - 1
	}
	return (int(d.Month) - 1) % 3
}

// collectDrafts lists the content published in the period and the hoax
// clarifications among it. A draft counts as published when it went out
// (data.Draft.WasPublished: published, or reopened for a correction since),
// on its publication date, or its planned date when it was marked
// published without one (before the workflow recorded dates).
func (r *Report) collectDrafts(drafts []data.Draft, offices map[string]string) {
	perChannel := map[string]int{}
	for _, d := range drafts {
		day := d.CalendarDay()
		if !d.WasPublished() || day.Before(r.From) || day.After(r.To) {
			continue
		}
		p := Publication{Date: day, Title: d.Title, Kind: data.DraftKinds.Label(d.Kind, data.LangID), Office: offices[d.OfficeID]}
		for _, c := range d.Channels {
			p.Channels = append(p.Channels, data.Channels.Label(c, data.LangID))
			perChannel[c]++
		}
		r.Publications = append(r.Publications, p)
		if d.Kind == "klarifikasi_hoaks" {
			r.Hoaxes = append(r.Hoaxes, Hoax{Date: day, Title: d.Title, Source: SourceContent, Status: "Terbit",
				Office: p.Office, OfficeID: d.OfficeID})
		}
	}
	for _, c := range data.Channels {
		if n := perChannel[c.Code]; n > 0 {
			r.Channels = append(r.Channels, ChannelTally{Channel: c.Code, Label: c.Label.ID, Count: n})
		}
	}
}

func partnerNames(ctx context.Context, st *store.Store, entries []data.Entry) (map[string]string, error) {
	seen := map[string]bool{}
	var ids []string
	for _, e := range entries {
		for _, id := range e.PartnerIDs {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return st.AgencyNames(ctx, ids)
}

// collectPhotos lists the photos of the period's activities in activity
// order, for the Lampiran dokumentasi.
func (r *Report) collectPhotos(ctx context.Context, st *store.Store, entries []data.Entry) error {
	ids := make([]string, len(entries))
	for i, e := range entries {
		ids[i] = e.ID
	}
	photos, err := st.Photos(ctx, ids...)
	if err != nil {
		return err
	}
	byEntry := map[string][]data.Photo{}
	for _, p := range photos {
		byEntry[p.EntryID] = append(byEntry[p.EntryID], p)
	}
	for _, e := range entries {
		for _, p := range byEntry[e.ID] {
			caption := p.Caption
			if caption == "" {
				caption = e.Title
			}
			path, derived := st.ReportPhotoFile(p.Hash, p.Mime)
			r.Photos = append(r.Photos, Photo{Activity: e.Title, Date: e.StartDate, Caption: caption, Path: path, Derived: derived})
		}
	}
	return nil
}

// collectDocuments lists the attachments of the period's activities in
// activity order, for the Lampiran dokumen.
func (r *Report) collectDocuments(ctx context.Context, st *store.Store, entries []data.Entry) error {
	ids := make([]string, len(entries))
	for i, e := range entries {
		ids[i] = e.ID
	}
	docs, err := st.Attachments(ctx, ids...)
	if err != nil {
		return err
	}
	byEntry := map[string][]data.Attachment{}
	for _, a := range docs {
		byEntry[a.EntryID] = append(byEntry[a.EntryID], a)
	}
	for _, e := range entries {
		for _, a := range byEntry[e.ID] {
			t, _ := data.AttachmentTypeOf(a.Mime)
			r.Documents = append(r.Documents, Document{Activity: e.Title, Date: e.StartDate, Name: a.Name, Kind: t.Label.In(data.LangID)})
		}
	}
	return nil
}

// collectRegister puts the hoax register's cases found in the period at
// the head of the hoax section, with their time to clarify, and counts
// them for the whole period and per quarter. For an office with register
// cases in the period, its activities and content of type
// klarifikasi_hoaks leave the section (they are the same clarifications;
// the activities stay in the activity list); an office without any keeps
// them, so that periods before the register still show their work.
func (r *Report) collectRegister(ctx context.Context, st *store.Store, officeIDs []string, offices map[string]string) error {
	cases, err := st.HoaxesBetween(ctx, officeIDs, r.From, r.To)
	if err != nil {
		return err
	}
	r.HoaxTotal = workflow.Summarize(cases)
	r.HoaxQuarters = workflow.ByQuarter(cases, r.From, r.To)
	if len(cases) == 0 {
		return nil
	}
	titles, err := clarificationTitles(ctx, st, cases)
	if err != nil {
		return err
	}
	registered := map[string]bool{}
	rows := make([]Hoax, 0, len(cases)+len(r.Hoaxes))
	for i := range cases {
		c := &cases[i]
		registered[c.OfficeID] = true
		h := Hoax{Date: workflow.FoundDay(c), Title: c.Claim, Source: SourceRegister, Status: "Belum diklarifikasi",
			Office: offices[c.OfficeID], OfficeID: c.OfficeID, Platform: data.HoaxPlatforms.Label(c.Platform, data.LangID),
			Link: c.Link, FoundAt: c.FoundAt.In(time.Local), Clarification: titles[c.DraftID]}
		if d, ok := workflow.TimeToClarify(c); ok {
			h.Status, h.Clarified, h.Hours, h.ClarifiedAt = "Sudah diklarifikasi", true, workflow.Hours(d), c.ClarifiedAt.In(time.Local)
		}
		rows = append(rows, h)
	}
	for _, h := range r.Hoaxes {
		if !registered[h.OfficeID] {
			rows = append(rows, h)
		}
	}
	r.Hoaxes = rows
	return nil
}

// clarificationTitles maps the clarification drafts of cases to their titles.
func clarificationTitles(ctx context.Context, st *store.Store, cases []data.Hoax) (map[string]string, error) {
	out := map[string]string{}
	for _, c := range cases {
		if c.DraftID == "" || out[c.DraftID] != "" {
			continue
		}
		d, err := st.Draft(ctx, c.DraftID)
		if errors.Is(err, store.ErrNotFound) {
			continue // deleted, or not synced here yet
		}
		if err != nil {
			return nil, err
		}
		out[c.DraftID] = d.Title
	}
	return out, nil
}
