package csvimport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// DuplicatePolicy says what happens to a line that matches a record already
// in the database: for activities the same start date and title, for
// agencies the same name (case and spacing ignored), in the same office.
type DuplicatePolicy int

const (
	// SkipDuplicates (the default) leaves such lines out and lists them in
	// Result.Duplicates, so that importing a file again, or a file that
	// grew since the last import, adds only the new lines.
	SkipDuplicates DuplicatePolicy = iota
	// RejectDuplicates reports each such line as an error, so that
	// nothing is imported.
	RejectDuplicates
	// AllowDuplicates imports them anyway, as new records.
	AllowDuplicates
)

// Options tune an import.
type Options struct {
	// OfficeID is the office the records belong to; default: this
	// installation's office. Partner names are looked up among its agencies.
	OfficeID string
	// MaxLines is the most data lines a file may hold; default
	// DefaultMaxLines (50,000).
	MaxLines   int
	Duplicates DuplicatePolicy
	// Today is what counts as today for an activity's state (a row dated
	// after it cannot be Terlaksana); default: data.Today().
	Today data.Date
}

// Result is what a preview found or an import did.
type Result struct {
	Kind      string // KindEntries or KindAgencies
	Separator rune   // the separator the file was read with
	Lines     int    // data lines read: the header and empty lines not counted

	// The lines that are (preview) or were (import) written, in file
	// order, normalised as they are stored. Lines with errors and skipped
	// duplicates are not among them. After an import the records have
	// their new IDs.
	Entries   []EntryRow
	Agencies  []AgencyRow
	Clippings []ClippingRow

	// Duplicates are the lines left out under SkipDuplicates.
	Duplicates []Duplicate
	// Errors lists every problem; when it is not empty nothing is (or was)
	// written.
	Errors Errors
	// Warnings are cells read on a guess that do not stop the import: in
	// a UTF-8 file, a cell that is not UTF-8, read as Windows-1252. A
	// preview shows them for the user to check before importing.
	Warnings Errors
	// Inserted is how many records an import wrote.
	Inserted int
}

// OK reports whether the file has no problems.
func (r *Result) OK() bool { return len(r.Errors) == 0 }

// EntryRow is one activity line.
type EntryRow struct {
	Line     int
	Entry    *data.Entry
	Partners []string // the partner agencies' names, as stored
}

// AgencyRow is one agency line.
type AgencyRow struct {
	Line   int
	Agency *data.Agency
}

// Duplicate is a line left out because the record already exists.
type Duplicate struct {
	Line   int
	Reason string // e.g. `kegiatan "Rapat koordinasi" tanggal 10/07/2023 sudah ada`
}

// officeOf returns the office the import writes into.
func officeOf(ctx context.Context, st *store.Store, opt Options) (string, error) {
	if opt.OfficeID != "" {
		if _, err := st.Office(ctx, opt.OfficeID); err != nil {
			return "", fmt.Errorf("kantor %s tidak ditemukan: %w", opt.OfficeID, err)
		}
		return opt.OfficeID, nil
	}
	o, err := st.CurrentOffice(ctx)
	if err != nil {
		return "", fmt.Errorf("profil kantor tidak dapat dibaca: %w", err)
	}
	return o.ID, nil
}

// officeAgencies returns the live agencies of the office.
func officeAgencies(ctx context.Context, st *store.Store, office string) ([]data.Agency, error) {
	const page = 1000
	var out []data.Agency
	for off := 0; ; off += page {
		as, err := st.Agencies(ctx, store.Filter{OfficeID: office}, off, page)
		if err != nil {
			return nil, fmt.Errorf("daftar instansi tidak dapat dibaca: %w", err)
		}
		out = append(out, as...)
		if len(as) < page {
			return out, nil
		}
	}
}

// write inserts recs (from the given lines) in one transaction, queued for
// sync, unless the preview found problems.
func (r *Result) write(ctx context.Context, st *store.Store, lay *layout, recs []data.Record, lines []int) error {
	if len(r.Errors) > 0 {
		return r.Errors
	}
	if len(recs) == 0 {
		return nil // every line was a skipped duplicate
	}
	n, err := st.InsertBatch(ctx, recs, true)
	var be store.BatchError
	if errors.As(err, &be) {
		// The preview validated every record the same way, so this happens
		// only if the data rules and the preview disagree; still name lines.
		for _, re := range be {
			r.Errors = append(r.Errors, lay.validation(lines[re.Index], re.Err, nil, nil)...)
		}
		r.Errors.sortFor(lay)
		return r.Errors
	}
	if err != nil {
		return fmt.Errorf("impor gagal, tidak ada data yang disimpan: %w", err)
	}
	r.Inserted = n
	return nil
}

// validation turns a record's validation error into line errors on its
// columns, leaving out columns already reported (skip) and quoting the
// value as written where that helps.
func (l *layout) validation(line int, err error, skip map[string]bool, value func(col string) string) Errors {
	v, ok := data.AsValidation(err)
	if !ok {
		return Errors{{Line: line, Reason: err.Error()}}
	}
	var out Errors
	for _, fe := range v {
		col := l.byField[fe.Field]
		if skip[col] {
			continue
		}
		reason := fe.Message(data.LangID)
		if value != nil && fe.Rule != data.RuleRequired && fe.Rule != data.RuleTooLong {
			if s := value(col); s != "" && utf8.RuneCountInString(s) <= 60 {
				reason = fmt.Sprintf("%q %s", s, reason)
			}
		}
		out = append(out, LineError{Line: line, Column: col, Reason: reason})
	}
	return out
}

// lineErrors collects the problems of one line.
type lineErrors struct {
	line int
	errs Errors
	bad  map[string]bool
}

func (le *lineErrors) fail(col string, err error) {
	le.errs = append(le.errs, LineError{Line: le.line, Column: col, Reason: err.Error()})
	if le.bad == nil {
		le.bad = map[string]bool{}
	}
	le.bad[col] = true
}

// startPreview reads the file's table and finds the office, the common
// start of both previews. A nil table (with a nil error) means the file
// itself has problems, listed in the result.
func startPreview(ctx context.Context, st *store.Store, r io.Reader, kind string, l *layout, opt Options) (*Result, *table, string, error) {
	res := &Result{Kind: kind}
	t, errs, err := readTable(r, l, opt.MaxLines)
	if err != nil {
		return nil, nil, "", err
	}
	res.Errors = errs
	if t == nil {
		return res, nil, "", nil
	}
	res.Separator, res.Lines, res.Warnings = t.sep, len(t.rows), t.warnings
	office, err := officeOf(ctx, st, opt)
	if err != nil {
		return nil, nil, "", err
	}
	return res, t, office, nil
}
