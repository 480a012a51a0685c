package store

// Schema fixtures: testdata/schema/vN.db is a database as schema version N
// left it, with a few records of every kind that version had. Each is
// opened by this build (which migrates it, after copying it to backups/)
// and every record must be found. Migrations are never edited once
// released, so a fixture of version N made today equals what version N
// wrote then, and the generator can be re-run at any time:
//
//	HUMASDESK_UPDATE_FIXTURES=1 go test ./data/store -run TestSchemaFixtures
//	    writes the missing fixtures (after a new migration: the new version's)
//	HUMASDESK_UPDATE_FIXTURES=all go test ./data/store -run TestSchemaFixtures
//	    rewrites all of them
//
// The records are written once through this build's store (a current
// database) and copied, column by column, into a database built with
// migrateTo(N): only the tables and columns version N had.

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
)

const fixtureDir = "testdata/schema"

// The fixture's records, with fixed ids so that the test can look for them.
var (
	fixtureTime   = time.Date(2024, 3, 14, 2, 30, 0, 0, time.UTC)
	fixtureOffice = data.Office{Meta: data.Meta{ID: "0190a000-0000-7000-8000-000000000001", UpdatedAt: fixtureTime},
		Name: "KPU Kabupaten Jayawijaya", Kind: "kpu", Level: "kabupaten", Region: "Papua Pegunungan",
		HeadName: "Yohanes Wenda, S.Sos.", HeadPosition: "Ketua", SignerPlace: "Wamena"}
	fixtureAgencies = []data.Agency{
		{Meta: data.Meta{ID: "0190a000-0000-7000-8000-000000000011"}, Name: "Diskominfo Kabupaten Jayawijaya", Kind: "diskominfo",
			SocialAccounts: data.List[data.SocialAccount]{{Platform: "instagram", Handle: "@kominfojayawijaya"}}},
		{Meta: data.Meta{ID: "0190a000-0000-7000-8000-000000000012"}, Name: "Bawaslu Kabupaten Jayawijaya", Kind: "bawaslu"},
	}
	fixtureDrafts = []data.Draft{
		{Meta: data.Meta{ID: "0190a000-0000-7000-8000-000000000021"}, Title: "Siaran pers: rekapitulasi suara tingkat distrik",
			Kind: "siaran_pers", Status: data.StatusDraft, Body: "Rekapitulasi berjalan tertib di 40 distrik."},
		{Meta: data.Meta{ID: "0190a000-0000-7000-8000-000000000022"}, Title: "Klarifikasi: surat suara tidak dicoblos sebelumnya",
			Kind: "klarifikasi_hoaks", Status: data.StatusDraft},
	}
	fixtureEntries = []data.Entry{
		{Meta: data.Meta{ID: "0190a000-0000-7000-8000-000000000031"}, Title: "Sosialisasi pemilih pemula di Distrik Kurulu",
			ActivityType: "sosialisasi", Strategy: 4, StartDate: data.NewDate(2024, 1, 9), Location: "Kurulu, Jayawijaya",
			Participants: 120, PartnerIDs: data.List[string]{"0190a000-0000-7000-8000-000000000011"}},
		{Meta: data.Meta{ID: "0190a000-0000-7000-8000-000000000032"}, Title: "Rapat koordinasi logistik dengan Bawaslu",
			ActivityType: "rapat_koordinasi", Strategy: 2, StartDate: data.NewDate(2024, 2, 5), Location: "Wamena"},
		{Meta: data.Meta{ID: "0190a000-0000-7000-8000-000000000033"}, Title: "Publikasi infografis DPT",
			ActivityType: "publikasi", Strategy: 3, StartDate: data.NewDate(2024, 3, 1), Online: true},
	}
	// fixtureDeleted is an entry deleted before the fixture was made: its
	// tombstone must stay deleted.
	fixtureDeleted = data.Entry{Meta: data.Meta{ID: "0190a000-0000-7000-8000-000000000039"}, Title: "Kegiatan yang dihapus",
		ActivityType: "publikasi", Strategy: 1, StartDate: data.NewDate(2024, 1, 2)}
	// Version 2 added photos, version 4 conflicts.
	fixturePhoto = data.Photo{Meta: data.Meta{ID: "0190a000-0000-7000-8000-000000000041"},
		EntryID: "0190a000-0000-7000-8000-000000000031", Hash: strings.Repeat("ab", 32), Mime: "image/jpeg",
		Size: 2048, Caption: "Peserta sosialisasi", Name: "kurulu.jpg"}
	fixtureConflict = data.Conflict{Meta: data.Meta{ID: "0190a000-0000-7000-8000-000000000051"},
		TargetKind: "entry", TargetID: "0190a000-0000-7000-8000-000000000032", Op: "upsert", BaseVersion: 1, ServerVersion: 2,
		Mine: data.JSON(`{"title":"Rapat koordinasi logistik"}`), Theirs: data.JSON(`{"title":"Rapat koordinasi logistik dengan Bawaslu"}`)}
)

// writeFixtureSource writes the fixture's records into a current database.
func writeFixtureSource(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.SetUser("Operator Humas")
	if _, err := s.DropPlaceholderOffice(ctx); err != nil {
		t.Fatal(err)
	}
	office := fixtureOffice
	if _, err := s.InsertBatch(ctx, []data.Record{&office}, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetCurrentOffice(ctx, office.ID); err != nil {
		t.Fatal(err)
	}
	var recs []data.Record
	for i := range fixtureAgencies {
		a := fixtureAgencies[i]
		recs = append(recs, &a)
	}
	for i := range fixtureDrafts {
		d := fixtureDrafts[i]
		recs = append(recs, &d)
	}
	for i := range append(fixtureEntries, fixtureDeleted) {
		e := append(fixtureEntries, fixtureDeleted)[i]
		recs = append(recs, &e)
	}
	p, c := fixturePhoto, fixtureConflict
	recs = append(recs, &p, &c)
	for _, r := range recs {
		r.RecordMeta().UpdatedAt = fixtureTime
	}
	if _, err := s.InsertBatch(ctx, recs, true); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, KindEntry, fixtureDeleted.ID); err != nil {
		t.Fatal(err)
	}
}

// writeFixture makes the database of schema version v at dest from the
// records in the current database src.
func writeFixture(t *testing.T, src, dest string, v int) {
	t.Helper()
	removeDBFiles(dest)
	db, err := openFile(dest, false)
	if err != nil {
		t.Fatal(err)
	}
	defer closeDB(db)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(db.Exec(`PRAGMA journal_mode = WAL`).Error) // as the app keeps it
	must(migrateTo(ctx, db, v))
	must(db.Exec(`ATTACH DATABASE ? AS src`, src).Error)
	var tables []string
	must(db.Raw(`SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
		AND name NOT LIKE 'entries_search%' AND name <> 'schema_migrations' ORDER BY name`).Scan(&tables).Error)
	for _, table := range tables {
		var cols []string
		must(db.Raw(`SELECT d.name FROM pragma_table_info(?, 'main') AS d
			JOIN pragma_table_info(?, 'src') AS s ON s.name = d.name ORDER BY d.cid`, table, table).Scan(&cols).Error)
		if len(cols) == 0 {
			continue
		}
		list := `"` + strings.Join(cols, `", "`) + `"`
		must(db.Exec(fmt.Sprintf(`INSERT INTO main.%q (%s) SELECT %s FROM src.%q`, table, list, list, table)).Error)
	}
	must(db.Exec(`DETACH DATABASE src`).Error)
	// Fixed times in the migrations' log too, so that a rewrite changes
	// only what changed.
	must(db.Exec(`UPDATE schema_migrations SET applied_at = ?`, fixtureTime).Error)
	must(db.Exec(`VACUUM`).Error)
	must(rebuildSearchIndex(db))
	must(integrityCheck(db))
}

func fixturePath(v int) string { return filepath.Join(fixtureDir, fmt.Sprintf("v%d.db", v)) }

func updateFixtures(t *testing.T, mode string) {
	if err := os.MkdirAll(fixtureDir, 0o755); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "sumber.db")
	writeFixtureSource(t, src)
	for v := 1; v <= SchemaVersion(); v++ {
		if _, err := os.Stat(fixturePath(v)); err == nil && mode != "all" {
			continue
		}
		writeFixture(t, src, fixturePath(v), v)
		if _, err := os.Stat(fixturePath(v) + "-wal"); err == nil {
			t.Fatalf("%s-wal left behind", fixturePath(v))
		}
		t.Logf("wrote %s", fixturePath(v))
	}
}

func TestSchemaFixtures(t *testing.T) {
	if mode := os.Getenv("HUMASDESK_UPDATE_FIXTURES"); mode != "" {
		updateFixtures(t, mode)
	}
	for v := 1; v <= SchemaVersion(); v++ {
		if _, err := os.Stat(fixturePath(v)); err != nil {
			msg := fmt.Sprintf("%s missing: make it with HUMASDESK_UPDATE_FIXTURES=1 go test ./data/store -run TestSchemaFixtures", fixturePath(v))
			if v < SchemaVersion() {
				t.Error(msg)
			} else {
				// The newest version's fixture may follow its migration; the
				// upgrade from every older one is what this test is for.
				t.Log(msg)
			}
			continue
		}
		t.Run(fmt.Sprintf("v%d", v), func(t *testing.T) { checkFixture(t, v) })
	}
}

func checkFixture(t *testing.T, v int) {
	dir := t.TempDir()
	path := filepath.Join(dir, "humasdesk.db")
	if err := copyFile(fixturePath(v), path); err != nil {
		t.Fatal(err)
	}
	if have, err := peekSchema(ctx, path); err != nil || have != v {
		t.Fatalf("fixture schema %d (%v), want %d", have, err, v)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if have, _ := peekSchema(ctx, path); have != SchemaVersion() {
		t.Errorf("schema %d after Open, want %d", have, SchemaVersion())
	}
	backups, _ := AutoBackups(path)
	if wantCopies := map[bool]int{true: 1, false: 0}[v < SchemaVersion()]; len(backups) != wantCopies {
		t.Errorf("%d copies in backups/, want %d", len(backups), wantCopies)
	}

	office, err := s.CurrentOffice(ctx)
	if err != nil || office.ID != fixtureOffice.ID || office.Name != fixtureOffice.Name || office.HeadName != fixtureOffice.HeadName {
		t.Errorf("office %+v (%v)", office, err)
	}
	for _, want := range fixtureAgencies {
		got, err := s.Agency(ctx, want.ID)
		if err != nil || got.Name != want.Name || len(got.SocialAccounts) != len(want.SocialAccounts) {
			t.Errorf("agency %s: %+v (%v)", want.ID, got, err)
		}
	}
	for _, want := range fixtureDrafts {
		got, err := s.Draft(ctx, want.ID)
		if err != nil || got.Title != want.Title || got.Body != want.Body || got.Status != want.Status {
			t.Errorf("draft %s: %+v (%v)", want.ID, got, err)
		}
	}
	for _, want := range fixtureEntries {
		got, err := s.Entry(ctx, want.ID)
		if err != nil || got.Title != want.Title || got.Strategy != want.Strategy || got.StartDate != want.StartDate ||
			got.Location != want.Location || got.Participants != want.Participants || got.OfficeID != fixtureOffice.ID {
			t.Errorf("entry %s: %+v (%v)", want.ID, got, err)
		}
	}
	if _, err := s.Entry(ctx, fixtureDeleted.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted entry: %v", err)
	}
	if n, err := s.CountEntries(ctx, Filter{}); err != nil || n != len(fixtureEntries) {
		t.Errorf("%d entries (%v)", n, err)
	}
	// Through the search index, which migration 3 fills for older files.
	if found, err := s.Entries(ctx, Filter{Query: "Kurulu"}, 0, 10); err != nil || len(found) != 1 || found[0].ID != fixtureEntries[0].ID {
		t.Errorf("search Kurulu: %+v (%v)", found, err)
	}
	if v >= 2 {
		photos, err := s.Photos(ctx, fixturePhoto.EntryID)
		if err != nil || len(photos) != 1 || photos[0].Caption != fixturePhoto.Caption {
			t.Errorf("photos %+v (%v)", photos, err)
		}
	}
	if v >= 4 {
		cs, err := s.Conflicts(ctx)
		if err != nil || len(cs) != 1 || cs[0].TargetID != fixtureConflict.TargetID {
			t.Errorf("conflicts %+v (%v)", cs, err)
		}
	}
	if n, err := s.PendingChanges(ctx); err != nil || n == 0 {
		t.Errorf("outbox: %d (%v)", n, err)
	}
	// The store still writes to it.
	if err := s.SaveEntry(ctx, entry("Kegiatan baru setelah pembaruan", 5, data.NewDate(2024, 4, 1))); err != nil {
		t.Error(err)
	}
	if err := integrityCheck(s.ro); err != nil {
		t.Error(err)
	}
}

// A database from a newer Humas Desk is refused with the Indonesian
// message, and not touched at all: the file stays byte-identical and no
// -wal, -shm or backup appears beside it.
func TestNewerSchemaRefusedUntouched(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "humasdesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fillStore(t, s, 5)
	if err := s.rw.Exec(`INSERT INTO schema_migrations VALUES (?, 'versi mendatang', ?)`, SchemaVersion()+1, fixtureTime).Error; err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	beforeInfo, _ := os.Stat(path)
	listDir := func() string {
		ents, _ := os.ReadDir(dir)
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		return strings.Join(names, " ")
	}
	filesBefore := listDir()

	_, err = Open(path)
	var newer ErrNewerSchema
	if !errors.As(err, &newer) || newer.Have != SchemaVersion()+1 || newer.Know != SchemaVersion() {
		t.Fatalf("Open: %v, want ErrNewerSchema", err)
	}
	msg := err.Error()
	for _, want := range []string{"versi Humas Desk yang lebih baru", "perbarui aplikasi", "data tidak diubah",
		fmt.Sprintf("skema %d", SchemaVersion()+1)} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	after, _ := os.ReadFile(path)
	afterInfo, _ := os.Stat(path)
	if !bytes.Equal(before, after) || !afterInfo.ModTime().Equal(beforeInfo.ModTime()) {
		t.Error("the newer database was changed")
	}
	if got := listDir(); got != filesBefore {
		t.Errorf("files beside it changed: %q, was %q", got, filesBefore)
	}
}
