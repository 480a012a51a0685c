package csvimport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
)

// PreviewEntries reads an activity file and checks every line as
// ImportEntries would, writing nothing. A file with problems is not an
// error here: they are in Result.Errors. err is for a file or database that
// cannot be read.
func PreviewEntries(ctx context.Context, st *store.Store, r io.Reader, opt Options) (*Result, error) {
	res, t, office, err := startPreview(ctx, st, r, KindEntries, entryLayout, opt)
	if err != nil || t == nil {
		return res, err
	}
	agencies, err := officeAgencies(ctx, st, office)
	if err != nil {
		return nil, err
	}
	p := entryParser{t: t, office: office, partners: map[string][]data.Agency{}, today: opt.Today}
	if p.today.IsZero() {
		p.today = data.Today()
	}
	for _, a := range agencies {
		k := nameKey(a.Name)
		p.partners[k] = append(p.partners[k], a)
	}
	var rows []EntryRow
	for _, rw := range t.rows {
		if rw.shifted {
			continue
		}
		er, es := p.parse(rw)
		res.Errors = append(res.Errors, es...)
		if len(es) == 0 {
			rows = append(rows, er)
		}
	}
	if res.Entries, err = entryDuplicates(ctx, st, office, rows, opt.Duplicates, res); err != nil {
		return nil, err
	}
	res.Errors.sortFor(entryLayout)
	return res, nil
}

// ImportEntries reads an activity file and, if every line is good, writes
// all its activities in one transaction, queued for sync. Otherwise it
// writes nothing and returns the Errors listing every bad line (also in
// Result.Errors). Lines that duplicate stored activities follow
// opt.Duplicates.
func ImportEntries(ctx context.Context, st *store.Store, r io.Reader, opt Options) (*Result, error) {
	res, err := PreviewEntries(ctx, st, r, opt)
	if err != nil {
		return res, err
	}
	recs := make([]data.Record, len(res.Entries))
	lines := make([]int, len(res.Entries))
	for i, er := range res.Entries {
		recs[i], lines[i] = er.Entry, er.Line
	}
	return res, res.write(ctx, st, entryLayout, recs, lines)
}

type entryParser struct {
	today    data.Date // what counts as today for a state's date rules
	t        *table
	office   string
	partners map[string][]data.Agency // by nameKey
}

func (p *entryParser) parse(rw row) (EntryRow, Errors) {
	le := lineErrors{line: rw.line}
	get := func(col string) string { return p.t.get(rw, col) }
	e := &data.Entry{Meta: data.Meta{OfficeID: p.office}}
	out := EntryRow{Line: rw.line, Entry: e}

	if v := get(ColStartDate); v != "" {
		if d, err := parseDate(v); err != nil {
			le.fail(ColStartDate, err)
		} else {
			e.StartDate = d
		}
	}
	if v := get(ColEndDate); v != "" {
		if d, err := parseDate(v); err != nil {
			le.fail(ColEndDate, err)
		} else {
			e.EndDate = d
		}
	}
	e.Title = get(ColTitle)
	if v := get(ColType); v != "" {
		if c, err := activityTypes.code(v, "jenis kegiatan"); err != nil {
			le.fail(ColType, err)
		} else {
			e.ActivityType = c
		}
	}
	if v := get(ColStrategy); v == "" {
		le.fail(ColStrategy, errors.New("wajib diisi (nomor 1–8 atau nama strategi Bakohumas)"))
	} else if n, err := parseStrategy(v); err != nil {
		le.fail(ColStrategy, err)
	} else {
		e.Strategy = n
	}
	e.Location = get(ColLocation)
	var err error
	if e.Online, err = parseOnline(get(ColOnline)); err != nil {
		le.fail(ColOnline, err)
	}
	p.parseState(e, get, &le)
	for _, c := range []struct {
		col  string
		into *int
	}{{ColPeople, &e.Participants}, {ColOutputs, &e.Outputs}, {ColReach, &e.Reach}} {
		if *c.into, err = parseCount(get(c.col)); err != nil {
			le.fail(c.col, err)
		}
	}
	if ids, names, err := p.matchPartners(get(ColPartners)); err != nil {
		le.fail(ColPartners, err)
	} else {
		e.PartnerIDs, out.Partners = ids, names
	}
	if e.EvidenceLinks, err = parseLinks(get(ColLinks)); err != nil {
		le.fail(ColLinks, err)
	}
	e.Obstacles, e.FollowUp, e.Notes = get(ColObstacles), get(ColFollowUp), get(ColNotes)

	e.Normalize()
	if err := e.CheckToday(p.today); err != nil && !le.bad[ColStatus] {
		le.errs = append(le.errs, entryLayout.validation(rw.line, err, le.bad, get)...)
	}
	if err := e.Validate(); err != nil {
		le.errs = append(le.errs, entryLayout.validation(rw.line, err, le.bad, get)...)
	}
	return out, le.errs
}

// parseState fills the row's state and reason (parseStatus). A state read
// from an older file's Ya/Tidak column follows data.Entry.FillStatus: a
// row dated after today is planned whatever it says.
func (p *entryParser) parseState(e *data.Entry, get func(string) string, le *lineErrors) {
	code, legacy, err := parseStatus(get(ColStatus), get(ColRealised))
	if err != nil {
		col := ColStatus
		if legacy {
			col = ColRealised
		}
		le.fail(col, err)
		return
	}
	e.Status, e.NotDoneReason = code, get(ColReason)
	if code == "" {
		e.Status = data.DefaultEntryStatus(e.StartDate, p.today)
	}
	if !legacy {
		return
	}
	switch {
	case e.StartDate.After(p.today):
		e.Status, e.NotDoneReason = data.EntryPlanned, ""
	case code == data.EntryNotDone && e.NotDoneReason == "":
		e.NotDoneReason = data.LegacyNotDoneReason
	}
}

// matchPartners finds the office's agencies named in the cell, separated
// by ";" or "|" (not by commas, which agency names contain). Every unknown
// or ambiguous name is reported; none is dropped silently.
func (p *entryParser) matchPartners(cell string) (data.List[string], []string, error) {
	var ids data.List[string]
	var names, unknown, ambiguous []string
	seen := map[string]bool{}
	for _, n := range splitList(cell, ";|") {
		found := p.partners[nameKey(n)]
		switch {
		case len(found) == 0:
			unknown = append(unknown, fmt.Sprintf("%q", n))
		case len(found) > 1:
			ambiguous = append(ambiguous, fmt.Sprintf("%q", n))
		case !seen[found[0].ID]:
			seen[found[0].ID] = true
			ids = append(ids, found[0].ID)
			names = append(names, found[0].Name)
		}
	}
	var msgs []string
	if len(unknown) > 0 {
		msgs = append(msgs, fmt.Sprintf("instansi mitra tidak ditemukan: %s (tulis nama persis seperti di daftar Instansi, "+
			"pisahkan dengan ; atau |, atau impor instansinya lebih dulu)", strings.Join(unknown, ", ")))
	}
	if len(ambiguous) > 0 {
		msgs = append(msgs, fmt.Sprintf("nama instansi dipakai lebih dari satu instansi: %s (bedakan namanya di daftar Instansi)",
			strings.Join(ambiguous, ", ")))
	}
	if len(msgs) > 0 {
		return nil, nil, errors.New(strings.Join(msgs, "; "))
	}
	return ids, names, nil
}

func entryKey(d data.Date, title string) string { return d.String() + "\x00" + nameKey(title) }

// entryDuplicates applies the policy to lines whose start date and title
// match a stored activity of the office, returning the lines to write.
func entryDuplicates(ctx context.Context, st *store.Store, office string, rows []EntryRow, policy DuplicatePolicy, res *Result) ([]EntryRow, error) {
	if policy == AllowDuplicates || len(rows) == 0 {
		return rows, nil
	}
	from, to := rows[0].Entry.StartDate, rows[0].Entry.StartDate
	for _, r := range rows {
		if d := r.Entry.StartDate; d.Before(from) {
			from = d
		} else if d.After(to) {
			to = d
		}
	}
	stored, err := st.EntriesBetween(ctx, []string{office}, from, to)
	if err != nil {
		return nil, fmt.Errorf("kegiatan yang sudah ada tidak dapat dibaca: %w", err)
	}
	exists := make(map[string]bool, len(stored))
	for _, e := range stored {
		exists[entryKey(e.StartDate, e.Title)] = true
	}
	var out []EntryRow
	for _, r := range rows {
		if !exists[entryKey(r.Entry.StartDate, r.Entry.Title)] {
			out = append(out, r)
			continue
		}
		what := fmt.Sprintf("kegiatan %q tanggal %s sudah ada", r.Entry.Title, iddate.Short(r.Entry.StartDate))
		if policy == RejectDuplicates {
			res.Errors = append(res.Errors, LineError{Line: r.Line, Column: ColTitle,
				Reason: what + " (tanggal mulai dan judul sama); hapus baris ini atau ubah judulnya"})
		} else {
			res.Duplicates = append(res.Duplicates, Duplicate{Line: r.Line, Reason: what + "; baris dilewati"})
		}
	}
	return out, nil
}
