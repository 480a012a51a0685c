package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/humasdesk/humasdesk/data"
)

var ctx = context.Background()

// newStore opens a fresh database file in a temporary folder.
func newStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "humasdesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func entry(title string, strategy int, start data.Date) *data.Entry {
	return &data.Entry{Title: title, ActivityType: "sosialisasi", Strategy: strategy, StartDate: start}
}

// rows counts the live and deleted rows of a table and the outbox.
func rows(t *testing.T, s *Store, table string) (n, outbox int64) {
	t.Helper()
	if err := s.ro.Table(table).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	if err := s.ro.Table("outbox").Count(&outbox).Error; err != nil {
		t.Fatal(err)
	}
	return n, outbox
}

func TestCRUDWritesOutbox(t *testing.T) {
	s := newStore(t)
	s.SetUser("Rina")
	a := &data.Agency{Name: "Polres Sleman", Kind: "polri",
		SocialAccounts: data.List[data.SocialAccount]{{Platform: "instagram", Handle: "@polres_sleman"}}}
	if err := s.SaveAgency(ctx, a); err != nil {
		t.Fatal(err)
	}
	office, _ := s.CurrentOffice(ctx)
	if a.ID == "" || a.OfficeID != office.ID || a.UpdatedBy != "Rina" || a.Version != 0 {
		t.Fatalf("new agency meta: %+v", a.Meta)
	}
	a.Region = "Sleman"
	a.Version = 41 // the caller cannot set server fields
	if err := s.SaveAgency(ctx, a); err != nil {
		t.Fatal(err)
	}
	got, err := s.Agency(ctx, a.ID)
	if err != nil || got.Region != "Sleman" || got.Version != 0 || got.SocialAccounts[0].Handle != "@polres_sleman" {
		t.Fatalf("read back %+v %v", got, err)
	}
	box, _ := s.Outbox(ctx, 10)
	if len(box) != 2 || box[0].Op != OpUpsert || box[0].RecordID != a.ID || box[0].Kind != "agency" || box[0].Seq >= box[1].Seq {
		t.Fatalf("outbox %+v", box)
	}
}

func TestInvalidInputStoresNothing(t *testing.T) {
	s := newStore(t)
	good := entry("Sosialisasi pemilih pemula", 4, data.NewDate(2024, 5, 1))
	if err := s.SaveEntry(ctx, good); err != nil {
		t.Fatal(err)
	}
	n0, box0 := rows(t, s, "entries")
	bad := entry("", 9, data.NewDate(2024, 5, 1))
	err := s.SaveEntry(ctx, bad)
	if v, ok := data.AsValidation(err); !ok || len(v) != 2 {
		t.Fatalf("want two field errors, got %v", err)
	}
	edited := *good
	edited.EndDate = data.NewDate(2024, 4, 1)
	if _, ok := data.AsValidation(s.SaveEntry(ctx, &edited)); !ok {
		t.Fatal("end before start accepted")
	}
	n1, box1 := rows(t, s, "entries")
	stored, _ := s.Entry(ctx, good.ID)
	if n1 != n0 || box1 != box0 || stored.EndDate != good.EndDate {
		t.Fatalf("stored data changed: rows %d→%d outbox %d→%d end %v", n0, n1, box0, box1, stored.EndDate)
	}
}

// TestOutboxSharesTheTransaction makes the outbox insert fail and checks
// that the record was not written either.
func TestOutboxSharesTheTransaction(t *testing.T) {
	s := newStore(t)
	if err := s.rw.Exec(`CREATE TRIGGER outbox_fails BEFORE INSERT ON outbox
		BEGIN SELECT RAISE(ABORT, 'disk full'); END`).Error; err != nil {
		t.Fatal(err)
	}
	err := s.SaveEntry(ctx, entry("Rapat koordinasi", 2, data.NewDate(2024, 5, 1)))
	if err == nil {
		t.Fatal("save succeeded although its outbox write failed")
	}
	if n, box := rows(t, s, "entries"); n != 0 || box != 0 {
		t.Fatalf("a failed write left %d rows and %d outbox entries", n, box)
	}
}

func TestSoftDeleteAndRestore(t *testing.T) {
	s := newStore(t)
	d := &data.Draft{Title: "Klarifikasi hoaks", Kind: "klarifikasi_hoaks"}
	if err := s.SaveDraft(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, KindDraft, d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Draft(ctx, d.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleted draft still readable: %v", err)
	}
	if n, _ := s.CountDrafts(ctx, Filter{}); n != 0 {
		t.Fatalf("deleted draft listed")
	}
	if n, _ := rows(t, s, "drafts"); n != 1 {
		t.Fatal("delete was not soft")
	}
	if err := s.SaveDraft(ctx, d); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a stale form revived a deleted draft: %v", err)
	}
	box, _ := s.Outbox(ctx, 10)
	if last := box[len(box)-1]; last.Op != OpDelete || last.RecordID != d.ID {
		t.Fatalf("delete not queued: %+v", last)
	}
	if err := s.Restore(ctx, KindDraft, d.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Draft(ctx, d.ID); err != nil || got.Title != d.Title {
		t.Fatalf("restore: %v", err)
	}
	if err := s.Delete(ctx, KindEntry, "no-such-id"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deleting a missing record: %v", err)
	}
}

func TestMigrations(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var applied []int
	s.ro.Raw("SELECT version FROM schema_migrations ORDER BY version").Scan(&applied)
	if len(applied) != len(migrations) || applied[len(applied)-1] != SchemaVersion() {
		t.Fatalf("applied %v", applied)
	}
	e := entry("Kegiatan lama", 1, data.NewDate(2023, 1, 5))
	if err := s.SaveEntry(ctx, e); err != nil {
		t.Fatal(err)
	}
	office, _ := s.CurrentOffice(ctx)
	s.Close()

	// Reopening an existing file keeps its data and its office.
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s.Entry(ctx, e.ID); err != nil || got.Title != e.Title {
		t.Fatalf("data lost on reopen: %v", err)
	}
	if o, _ := s.CurrentOffice(ctx); o.ID != office.ID {
		t.Fatal("office changed on reopen")
	}
	var pragmas struct{ FK, Busy int }
	s.rw.Raw("PRAGMA foreign_keys").Scan(&pragmas.FK)
	s.rw.Raw("PRAGMA busy_timeout").Scan(&pragmas.Busy)
	if pragmas.FK != 1 || pragmas.Busy < 1000 {
		t.Fatalf("pragmas %+v", pragmas)
	}

	// A file from a newer version is refused, not touched.
	s.rw.Exec("INSERT INTO schema_migrations VALUES (?, 'future', CURRENT_TIMESTAMP)", SchemaVersion()+1)
	s.Close()
	_, err = Open(path)
	var newer ErrNewerSchema
	if !errors.As(err, &newer) || newer.Have != SchemaVersion()+1 {
		t.Fatalf("newer schema: %v", err)
	}
}

func TestNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	if err := writeFile(path, "this is a spreadsheet, not a database"); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); err == nil {
		t.Fatal("opened a text file as a database")
	}
}

// TestConcurrentWriters has two processes' worth of stores write the same
// file at once; the busy timeout must make every write wait, not fail.
func TestConcurrentWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	const perWorker = 40
	var wg sync.WaitGroup
	errs := make(chan error, 4*perWorker)
	for w, s := range []*Store{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWorker {
				errs <- s.SaveEntry(ctx, entry(fmt.Sprintf("w%d-%d", w, i), 1+i%8, data.NewDate(2024, 1, 1+i%28)))
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n, box := rows(t, a, "entries"); n != 4*perWorker || box != 4*perWorker {
		t.Fatalf("rows %d outbox %d", n, box)
	}
	if offices, _ := a.Offices(ctx); len(offices) != 1 {
		t.Fatalf("two stores on a new file made %d offices", len(offices))
	}
}

func TestInsertBatchIsAllOrNothing(t *testing.T) {
	s := newStore(t)
	recs := []data.Record{
		entry("Baik", 1, data.NewDate(2024, 1, 2)),
		entry("", 1, data.NewDate(2024, 1, 2)),
		entry("Baik juga", 1, data.NewDate(2024, 1, 3)),
		entry("Strategi salah", 0, data.NewDate(2024, 1, 3)),
	}
	_, err := s.InsertBatch(ctx, recs, true)
	var be BatchError
	if !errors.As(err, &be) || len(be) != 2 || be[0].Index != 1 || be[1].Index != 3 {
		t.Fatalf("batch error %v", err)
	}
	if n, box := rows(t, s, "entries"); n != 0 || box != 0 {
		t.Fatalf("half a batch written: %d rows %d outbox", n, box)
	}
	good := []data.Record{entry("Satu", 1, data.NewDate(2024, 1, 2)), entry("Dua", 2, data.NewDate(2024, 1, 3))}
	if n, err := s.InsertBatch(ctx, good, true); err != nil || n != 2 {
		t.Fatalf("insert %d %v", n, err)
	}
	if n, err := s.InsertBatch(ctx, good, true); err != nil || n != 0 {
		t.Fatalf("re-insert by id added %d (%v)", n, err)
	}
}

func TestDropPlaceholderOffice(t *testing.T) {
	s := newStore(t)
	if dropped, err := s.DropPlaceholderOffice(ctx); err != nil || !dropped {
		t.Fatalf("untouched placeholder kept: %v", err)
	}
	s2 := newStore(t)
	if err := s2.SaveEntry(ctx, entry("Milik kantor", 1, data.NewDate(2024, 1, 2))); err != nil {
		t.Fatal(err)
	}
	if dropped, _ := s2.DropPlaceholderOffice(ctx); dropped {
		t.Fatal("dropped an office that owns records")
	}
}
