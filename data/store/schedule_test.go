package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestScheduleDefaultsAndDue(t *testing.T) {
	db := filepath.Join(t.TempDir(), "humasdesk.db")
	s, err := LoadSchedule(db)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Enabled || s.EveryDays != 1 || s.Keep != 7 || s.Folder != DefaultBackupFolder(db) {
		t.Errorf("defaults %+v", s)
	}
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name       string
		s          BackupSchedule
		due, stale bool
	}{
		{"never backed up", BackupSchedule{Enabled: true, EveryDays: 1}, true, true},
		{"off", BackupSchedule{EveryDays: 1}, false, true},
		{"an hour ago", BackupSchedule{Enabled: true, EveryDays: 1, LastGood: now.Add(-time.Hour)}, false, false},
		{"a day ago", BackupSchedule{Enabled: true, EveryDays: 1, LastGood: now.Add(-24 * time.Hour)}, true, false},
		{"weekly, 3 days ago", BackupSchedule{Enabled: true, EveryDays: 7, LastGood: now.Add(-72 * time.Hour)}, false, false},
		{"8 days ago", BackupSchedule{Enabled: true, EveryDays: 7, LastGood: now.Add(-8 * 24 * time.Hour)}, true, true},
		{"failed 10 minutes ago", BackupSchedule{Enabled: true, EveryDays: 1, LastTry: now.Add(-10 * time.Minute), LastError: "x"}, false, true},
		{"failed 2 hours ago", BackupSchedule{Enabled: true, EveryDays: 1, LastTry: now.Add(-2 * time.Hour), LastError: "x"}, true, true},
	}
	for _, c := range cases {
		if got := c.s.Due(now); got != c.due {
			t.Errorf("%s: due %v", c.name, got)
		}
		if got := c.s.Stale(now); got != c.stale {
			t.Errorf("%s: stale %v", c.name, got)
		}
	}
}

// Scheduled backups keep the newest Keep archives and nothing else of
// theirs; a failed one records its error and leaves no archive.
func TestScheduledBackupKeepsAndFails(t *testing.T) {
	db, _ := archiveFixture(t)
	usb := filepath.Join(t.TempDir(), "usb")
	if err := SaveSchedule(db, BackupSchedule{Enabled: true, Folder: usb, Keep: 2}); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(usb, 0o700)
	other := filepath.Join(usb, "catatan.txt")
	os.WriteFile(other, []byte("milik pengguna"), 0o600)
	for i, stamp := range []string{"20260101-010101", "20260102-010101", "20260103-010101"} {
		os.WriteFile(filepath.Join(usb, "humasdesk-cadangan-"+stamp+".zip"), []byte{byte(i)}, 0o600)
	}
	sch, info, err := RunScheduledBackup(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if sch.LastGoodPath != info.Path || sch.LastError != "" || sch.LastGood.IsZero() {
		t.Errorf("schedule after a good run %+v", sch)
	}
	left, _ := filepath.Glob(filepath.Join(usb, "*"))
	want := []string{other, filepath.Join(usb, "humasdesk-cadangan-20260103-010101.zip"), info.Path}
	if strings.Join(left, ",") != strings.Join(want, ",") {
		t.Errorf("left %v, want %v", left, want)
	}

	// The folder is a file now (a USB drive not there, say).
	blocked := filepath.Join(t.TempDir(), "bukan-folder")
	os.WriteFile(blocked, nil, 0o600)
	sch.Folder = blocked
	SaveSchedule(db, sch)
	sch2, _, err := RunScheduledBackup(ctx, db)
	if err == nil || sch2.LastError == "" || !sch2.LastGood.Equal(sch.LastGood) || sch2.LastGoodPath != info.Path {
		t.Errorf("failed run: %v, schedule %+v", err, sch2)
	}
}
