package store

// Scheduled backups: an archive (archive.go) made every day (by default)
// into a folder the user chooses, such as a USB drive, keeping the newest
// few.
//
// The schedule and the record of the last good backup live in a small
// JSON file beside the database (cadangan.json), not in the database: they
// are this computer's (a folder on its USB drive), and restoring a backup
// must neither change them nor turn back the date of the last good one.
// The file is replaced whole through a rename, like everything else here.
//
// A scheduled archive is named humasdesk-cadangan-YYYYMMDD-HHMMSS.zip (local
// time) and written through BackupArchive, so a failed run leaves no file
// under such a name; only files with such names are ever pruned.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Defaults of the schedule.
const (
	DefaultBackupEveryDays = 1
	DefaultBackupKeep      = 7
	// StaleBackupDays is the age past which Beranda warns that the last
	// good backup is old.
	StaleBackupDays = 7
)

// BackupSchedule is the schedule of automatic archives and how the last
// ones went.
type BackupSchedule struct {
	Enabled   bool   `json:"enabled"`
	Folder    string `json:"folder"`
	EveryDays int    `json:"every_days"`
	Keep      int    `json:"keep"`

	LastGood     time.Time `json:"last_good,omitzero"` // the last archive made whole (scheduled or not)
	LastGoodPath string    `json:"last_good_path,omitempty"`
	LastTry      time.Time `json:"last_try,omitzero"`    // the last scheduled attempt
	LastError    string    `json:"last_error,omitempty"` // why it failed; "" when it worked
}

// ScheduleFile is where the schedule of the database at dbPath is kept.
func ScheduleFile(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "cadangan.json") }

// DefaultBackupFolder is where scheduled archives go until the user
// chooses a folder: cadangan/ beside the database.
func DefaultBackupFolder(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "cadangan")
}

// LoadSchedule reads the schedule of the database at dbPath; without a
// file, the default: daily, keep 7, into DefaultBackupFolder.
func LoadSchedule(dbPath string) (BackupSchedule, error) {
	s := BackupSchedule{Enabled: true, Folder: DefaultBackupFolder(dbPath),
		EveryDays: DefaultBackupEveryDays, Keep: DefaultBackupKeep}
	raw, err := os.ReadFile(ScheduleFile(dbPath))
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("jadwal cadangan tidak terbaca: %w", err)
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		return s, fmt.Errorf("jadwal cadangan %s rusak: %w", ScheduleFile(dbPath), err)
	}
	s.normalize(dbPath)
	return s, nil
}

func (s *BackupSchedule) normalize(dbPath string) {
	if s.EveryDays < 1 {
		s.EveryDays = DefaultBackupEveryDays
	}
	if s.Keep < 1 {
		s.Keep = DefaultBackupKeep
	}
	if strings.TrimSpace(s.Folder) == "" {
		s.Folder = DefaultBackupFolder(dbPath)
	}
}

// SaveSchedule writes the schedule of the database at dbPath.
func SaveSchedule(dbPath string, s BackupSchedule) error {
	s.normalize(dbPath)
	raw, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	dest := ScheduleFile(dbPath)
	tmp, err := os.CreateTemp(filepath.Dir(dest), ".cadangan-*.json")
	if err != nil {
		return fmt.Errorf("jadwal cadangan tidak dapat disimpan: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(raw)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), dest)
	}
	if err != nil {
		return fmt.Errorf("jadwal cadangan tidak dapat disimpan: %w", err)
	}
	return nil
}

// Due tells whether a scheduled backup should run at now: enabled, and the
// last good one (or the last attempt, if it failed within the hour, so a
// missing USB drive is not retried every minute) is EveryDays old.
func (s BackupSchedule) Due(now time.Time) bool {
	if !s.Enabled {
		return false
	}
	if s.LastError != "" && now.Sub(s.LastTry) < time.Hour {
		return false
	}
	return s.LastGood.IsZero() || now.Sub(s.LastGood) >= time.Duration(s.EveryDays)*24*time.Hour-time.Minute
}

// Stale tells whether Beranda should warn: no good backup yet, or the last
// one older than StaleBackupDays.
func (s BackupSchedule) Stale(now time.Time) bool {
	return s.LastGood.IsZero() || now.Sub(s.LastGood) > StaleBackupDays*24*time.Hour
}

// RecordGoodBackup notes an archive made whole at path (by hand or by the
// schedule) as the last good backup of the database at dbPath.
func RecordGoodBackup(dbPath, path string, at time.Time) error {
	s, err := LoadSchedule(dbPath)
	if err != nil {
		return err
	}
	s.LastGood, s.LastGoodPath = at.UTC(), path
	return SaveSchedule(dbPath, s)
}

// scheduledName matches the scheduled archives, which pruning may delete.
var scheduledName = regexp.MustCompile(`^humasdesk-cadangan-\d{8}-\d{6}\.zip$`)

// ScheduledBackupName is the file name of a scheduled archive made at t.
func ScheduledBackupName(t time.Time) string {
	return "humasdesk-cadangan-" + t.Format("20060102-150405") + ".zip"
}

// RunScheduledBackup makes an archive of the database at dbPath (open or
// not) into the schedule's folder now, prunes the folder to the newest
// Keep, and records the result in the schedule file. It runs whether or
// not the backup is due.
func RunScheduledBackup(ctx context.Context, dbPath string) (BackupSchedule, *ArchiveInfo, error) {
	sch, err := LoadSchedule(dbPath)
	if err != nil {
		return sch, nil, err
	}
	now := time.Now()
	info, err := backupToFolder(ctx, dbPath, sch.Folder, now)
	// Read again: the settings may have changed while it ran.
	if cur, lerr := LoadSchedule(dbPath); lerr == nil {
		sch = cur
	}
	sch.LastTry = now.UTC()
	sch.LastError = ""
	if err != nil {
		sch.LastError = err.Error()
	} else {
		sch.LastGood, sch.LastGoodPath = now.UTC(), info.Path
	}
	if serr := SaveSchedule(dbPath, sch); err == nil {
		err = serr
	}
	return sch, info, err
}

// backupToFolder writes a scheduled archive into folder and prunes it.
func backupToFolder(ctx context.Context, dbPath, folder string, now time.Time) (*ArchiveInfo, error) {
	if err := os.MkdirAll(folder, 0o700); err != nil {
		return nil, fmt.Errorf("folder cadangan %s tidak dapat dibuat (diska USB terpasang?): %w", folder, err)
	}
	dest := filepath.Join(folder, ScheduledBackupName(now))
	info, err := BackupArchiveOf(ctx, dbPath, dest)
	if err != nil {
		return nil, err
	}
	sch, _ := LoadSchedule(dbPath)
	return info, pruneScheduled(folder, sch.Keep)
}

// pruneScheduled deletes all but the newest keep scheduled archives in
// folder, and temporary files of archives cut short (older than a day).
func pruneScheduled(folder string, keep int) error {
	ents, err := os.ReadDir(folder)
	if err != nil {
		return err
	}
	var names []string
	var errs []error
	for _, e := range ents {
		switch {
		case !e.Type().IsRegular():
		case scheduledName.MatchString(e.Name()):
			names = append(names, e.Name())
		case strings.HasPrefix(e.Name(), ".humasdesk-cadangan-") && strings.HasSuffix(e.Name(), ".tmp"):
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > 24*time.Hour {
				os.Remove(filepath.Join(folder, e.Name()))
			}
		}
	}
	sort.Strings(names) // by time: the names hold it
	for len(names) > keep {
		if err := os.Remove(filepath.Join(folder, names[0])); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
		names = names[1:]
	}
	return errors.Join(errs...)
}
