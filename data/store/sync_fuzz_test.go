package store

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// FuzzApplyChanges feeds arbitrary change pages (the JSON of GET
// /v1/changes) to ApplyChanges. It must never panic, and it must leave the
// store consistent: either the page and its cursor are stored (every
// record of a kind this build keeps, other than ones with local changes
// queued, as the page says; the queued ones untouched), or it returns an
// error and nothing at all changed. Either way the database passes its
// integrity and foreign-key checks and every list the app shows still
// reads.
//
// Seeds (testdata/fuzz/FuzzApplyChanges) may use placeholders: $OFF (this
// installation's office), $PEND (a draft with a change queued), $REC (an
// entry already pulled at version 1).
func FuzzApplyChanges(f *testing.F) {
	// Every input starts from a copy of the same small database, so that
	// a crash replays from its input alone.
	dir := f.TempDir()
	s, err := Open(filepath.Join(dir, "pristine.db"))
	if err != nil {
		f.Fatal(err)
	}
	office, err := s.CurrentOffice(ctx)
	if err != nil {
		f.Fatal(err)
	}
	pend := &data.Draft{Title: "Draf lokal", Kind: "siaran_pers"}
	if err := s.SaveDraft(ctx, pend); err != nil {
		f.Fatal(err)
	}
	rec := data.NewID()
	body := fmt.Sprintf(`{"id":%q,"title":"Rapat","activity_type":"rapat","strategy":2,"start_date":"2024-05-01","end_date":"2024-05-01"}`, rec)
	if _, err := s.ApplyChanges(ctx, &syncapi.ChangesResponse{Next: 5, Changes: []syncapi.Record{
		{Kind: "entry", ID: rec, OfficeID: office.ID, Version: 1, ServerSeq: 5, Data: json.RawMessage(body)}}}); err != nil {
		f.Fatal(err)
	}
	s.Close() // the last connection checkpoints the WAL into the file
	pristine, err := os.ReadFile(filepath.Join(dir, "pristine.db"))
	if err != nil {
		f.Fatal(err)
	}
	repl := strings.NewReplacer("$OFF", office.ID, "$PEND", pend.ID, "$REC", rec)
	path := filepath.Join(dir, "input.db")
	fresh := func(t *testing.T) *Store {
		for _, suffix := range []string{"-wal", "-shm"} {
			os.Remove(path + suffix)
		}
		if err := os.WriteFile(path, pristine, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}

	f.Fuzz(func(t *testing.T, raw []byte) {
		var page syncapi.ChangesResponse
		if json.Unmarshal([]byte(repl.Replace(string(raw))), &page) != nil {
			return
		}
		s := fresh(t)
		defer s.Close()
		before := snapshot(t, s)
		pendBefore := rowOf(t, s, "drafts", pend.ID)
		n, err := s.ApplyChanges(ctx, &page)
		t.Logf("%d of %d applied, err %v", n, len(page.Changes), err)
		if err != nil {
			if after := snapshot(t, s); after != before {
				t.Fatalf("ApplyChanges failed (%v) but changed the database", err)
			}
		} else {
			st, err := s.SyncState(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.Cursor != page.Next {
				t.Fatalf("cursor %d after a page with next %d", st.Cursor, page.Next)
			}
			if got := rowOf(t, s, "drafts", pend.ID); got != pendBefore {
				t.Fatalf("a record with a queued change was overwritten:\n%s\n%s", pendBefore, got)
			}
			last := map[string]syncapi.Record{}
			for _, r := range page.Changes {
				last[r.Kind+"/"+r.ID] = r
			}
			// Records set aside as unstorable are listed, not stored.
			skipped, err := s.SkippedChanges(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range skipped {
				delete(last, c.Kind+"/"+c.ID)
			}
			for _, r := range last {
				rec := recordOfKind(r.Kind)
				if rec == nil || (r.Kind == syncapi.KindDraft && r.ID == pend.ID) {
					continue
				}
				table := tableOf(rec)
				var m data.Meta
				if err := s.ro.Table(table).Select("id, office_id, version, server_seq, deleted").Where("id = ?", r.ID).Take(&m).Error; err != nil {
					t.Fatalf("%s %q of an applied page is not stored: %v", r.Kind, r.ID, err)
				}
				if m.OfficeID != r.OfficeID || m.Version != r.Version || m.ServerSeq != r.ServerSeq || m.Deleted != r.Deleted {
					t.Fatalf("%s %q stored as %+v, page says %+v", r.Kind, r.ID, m, r)
				}
			}
		}
		// A tombstone of this installation's own office profile is taken
		// as the server says (the server refuses to make one), and then
		// the profile is gone: not a check of ApplyChanges.
		ownGone := false
		for _, r := range page.Changes {
			ownGone = ownGone || (r.Kind == syncapi.KindOffice && r.ID == office.ID && r.Deleted)
		}
		checkHealthy(t, s, !ownGone)
	})
}

// snapshot is every row of every table, as text.
func snapshot(t *testing.T, s *Store) string {
	t.Helper()
	var tables []string
	if err := s.ro.Raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").Scan(&tables).Error; err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, tb := range tables {
		rows, err := s.ro.Raw("SELECT * FROM " + strconv.Quote(tb) + " ORDER BY rowid").Rows()
		if err != nil {
			// Virtual tables without rowid order by nothing.
			if rows, err = s.ro.Raw("SELECT * FROM " + strconv.Quote(tb)).Rows(); err != nil {
				t.Fatal(err)
			}
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		fmt.Fprintf(&b, "%s:\n", tb)
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%q\n", vals)
		}
		rows.Close()
	}
	return b.String()
}

func rowOf(t *testing.T, s *Store, table, id string) string {
	t.Helper()
	var m []map[string]any
	if err := s.ro.Table(table).Where("id = ?", id).Find(&m).Error; err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%v", m)
}

// checkHealthy runs SQLite's own checks and reads what the app shows.
func checkHealthy(t *testing.T, s *Store, ownOffice bool) {
	t.Helper()
	var check string
	if err := s.ro.Raw("PRAGMA quick_check").Scan(&check).Error; err != nil || check != "ok" {
		t.Fatalf("quick_check: %q %v", check, err)
	}
	var fk []map[string]any
	if err := s.ro.Raw("PRAGMA foreign_key_check").Scan(&fk).Error; err != nil || len(fk) > 0 {
		t.Fatalf("foreign_key_check: %v %v", fk, err)
	}
	if _, err := s.CurrentOffice(ctx); ownOffice && err != nil {
		t.Fatalf("this installation's office is gone: %v", err)
	}
	reads := map[string]func() error{
		"agencies":  func() error { _, err := s.Agencies(ctx, Filter{}, 0, 1000); return err },
		"drafts":    func() error { _, err := s.Drafts(ctx, Filter{}, 0, 1000); return err },
		"entries":   func() error { _, err := s.Entries(ctx, Filter{}, 0, 1000); return err },
		"offices":   func() error { _, err := s.Offices(ctx); return err },
		"conflicts": func() error { _, err := s.Conflicts(ctx); return err },
		"photos":    func() error { _, err := s.MissingPhotoFiles(ctx); return err },
		"outbox":    func() error { _, err := s.Outbox(ctx, 1000); return err },
	}
	for name, read := range reads {
		if err := read(); err != nil {
			t.Fatalf("%s no longer reads: %v", name, err)
		}
	}
}
