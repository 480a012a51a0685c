package csvimport

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// PreviewAgencies reads an agency file and checks every line as
// ImportAgencies would, writing nothing. Problems are in Result.Errors;
// err is for a file or database that cannot be read.
//
// Two lines with the same name are an error (unless AllowDuplicates),
// because activities name their partners by name.
func PreviewAgencies(ctx context.Context, st *store.Store, r io.Reader, opt Options) (*Result, error) {
	res, t, office, err := startPreview(ctx, st, r, KindAgencies, agencyLayout, opt)
	if err != nil || t == nil {
		return res, err
	}
	stored := map[string]bool{}
	if opt.Duplicates != AllowDuplicates {
		agencies, err := officeAgencies(ctx, st, office)
		if err != nil {
			return nil, err
		}
		for _, a := range agencies {
			stored[nameKey(a.Name)] = true
		}
	}
	firstLine := map[string]int{}
	for _, rw := range t.rows {
		if rw.shifted {
			continue
		}
		a, es := parseAgency(t, rw, office)
		if len(es) > 0 {
			res.Errors = append(res.Errors, es...)
			continue
		}
		k := nameKey(a.Name)
		if first, ok := firstLine[k]; ok && opt.Duplicates != AllowDuplicates {
			res.Errors = append(res.Errors, LineError{Line: rw.line, Column: ColName, Reason: fmt.Sprintf(
				"instansi %q sudah ada di baris %d berkas ini; nama instansi harus berbeda", a.Name, first)})
			continue
		}
		firstLine[k] = rw.line
		if stored[k] {
			what := fmt.Sprintf("instansi %q sudah ada di daftar Instansi", a.Name)
			if opt.Duplicates == RejectDuplicates {
				res.Errors = append(res.Errors, LineError{Line: rw.line, Column: ColName, Reason: what + "; hapus baris ini atau ubah namanya"})
			} else {
				res.Duplicates = append(res.Duplicates, Duplicate{Line: rw.line, Reason: what + "; baris dilewati"})
			}
			continue
		}
		res.Agencies = append(res.Agencies, AgencyRow{Line: rw.line, Agency: a})
	}
	res.Errors.sortFor(agencyLayout)
	return res, nil
}

// ImportAgencies reads an agency file and, if every line is good, writes
// all its agencies in one transaction, queued for sync. Otherwise it writes
// nothing and returns the Errors listing every bad line (also in
// Result.Errors).
func ImportAgencies(ctx context.Context, st *store.Store, r io.Reader, opt Options) (*Result, error) {
	res, err := PreviewAgencies(ctx, st, r, opt)
	if err != nil {
		return res, err
	}
	recs := make([]data.Record, len(res.Agencies))
	lines := make([]int, len(res.Agencies))
	for i, ar := range res.Agencies {
		recs[i], lines[i] = ar.Agency, ar.Line
	}
	return res, res.write(ctx, st, agencyLayout, recs, lines)
}

func parseAgency(t *table, rw row, office string) (*data.Agency, Errors) {
	le := lineErrors{line: rw.line}
	get := func(col string) string { return t.get(rw, col) }
	a := &data.Agency{
		Meta: data.Meta{OfficeID: office},
		Name: get(ColName), Region: get(ColRegion), Address: get(ColAddress), ContactPerson: get(ColContact),
		Phone: get(ColPhone), Email: get(ColEmail), Website: withScheme(get(ColWebsite)), Notes: get(ColNotes),
	}
	if v := get(ColKind); v != "" {
		if c, err := agencyKinds.code(v, "jenis instansi"); err != nil {
			le.fail(ColKind, err)
		} else {
			a.Kind = c
		}
	}
	if v := get(ColLevel); v != "" {
		if c, err := levels.code(v, "tingkat"); err != nil {
			le.fail(ColLevel, err)
		} else {
			a.Level = c
		}
	}
	if accts, err := parseSocial(get(ColSocial)); err != nil {
		le.fail(ColSocial, err)
	} else {
		a.SocialAccounts = accts
	}
	a.Normalize()
	if err := a.Validate(); err != nil {
		le.errs = append(le.errs, agencyLayout.validation(rw.line, err, le.bad, get)...)
	}
	return a, le.errs
}

// withScheme adds "https://" to a bare web address such as
// "www.kpu.go.id", as spreadsheets often hold them; anything else is left
// for validation to judge.
func withScheme(s string) string {
	if s == "" || strings.Contains(s, "://") || strings.ContainsAny(s, " @") || !strings.Contains(s, ".") {
		return s
	}
	return "https://" + s
}
