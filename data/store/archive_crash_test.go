package store

import (
	"bufio"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The crash tests run a backup or a restore in a real child process (this
// test binary again, TestCrashChild) and kill it with SIGKILL at a random
// moment, 20 times each, then check what is on disk.

const crashEnv = "HUMASDESK_CRASH_CHILD"

// TestCrashChild is the child: it does one backup or restore named by
// $HUMASDESK_CRASH_CHILD, after printing "ready".
func TestCrashChild(t *testing.T) {
	op := os.Getenv(crashEnv)
	if op == "" {
		t.Skip("only run as the child of the crash tests")
	}
	db, arg := os.Getenv(crashEnv+"_DB"), os.Getenv(crashEnv+"_ARG")
	fmt.Println("ready")
	var err error
	switch op {
	case "backup":
		_, _, err = RunScheduledBackup(ctx, db)
	case "restore":
		_, err = RestoreBackup(ctx, db, arg)
	}
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("done")
}

// runChild starts the child for op and kills it after delay (never when
// delay < 0); it returns how long the child ran after "ready" and whether
// it finished.
func runChild(t *testing.T, op, db, arg string, delay time.Duration) (time.Duration, bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+op, crashEnv+"_DB="+db, crashEnv+"_ARG="+arg)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(out)
	if line, err := r.ReadString('\n'); err != nil || line != "ready\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child: %q %v", line, err)
	}
	start := time.Now()
	if delay >= 0 {
		time.AfterFunc(delay, func() { cmd.Process.Signal(syscall.SIGKILL) })
	}
	rest, _ := r.ReadString(0)
	err = cmd.Wait()
	ran := time.Since(start)
	if delay < 0 && err != nil {
		t.Fatalf("child failed: %v\n%s", err, rest)
	}
	return ran, err == nil && strings.Contains(rest, "done")
}

// copyTree copies the folder src to dest.
func copyTree(t *testing.T, src, dest string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dest, rel), 0o700)
		}
		return copyFile(p, filepath.Join(dest, rel))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkPhotoFiles fails unless every photo the database at dbPath names is
// in its lampiran/ with the content its name says.
func checkPhotoFiles(t *testing.T, dbPath string) {
	t.Helper()
	db, err := openFile(dbPath, true)
	if err != nil {
		t.Fatal(err)
	}
	refs, err := photoRefs(db)
	closeDB(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range refs {
		sum, err := fileSHA256(filepath.Join(filepath.Dir(dbPath), filepath.FromSlash(r.archivePath())))
		if err != nil || sum != r.Hash {
			t.Errorf("photo %s: %v (hash %s)", r.archivePath(), err, sum)
		}
	}
}

func crashRounds(t *testing.T) int {
	if testing.Short() {
		return 5
	}
	return 20
}

// Killed at any moment, a scheduled backup leaves either no archive or a
// whole one, and cadangan.json names as good only an archive that is whole.
func TestBackupKilled(t *testing.T) {
	fixture, _ := archiveFixture(t)
	rng := rand.New(rand.NewPCG(7, uint64(time.Now().UnixNano())))
	var full time.Duration
	for i := -1; i < crashRounds(t); i++ {
		dir := t.TempDir()
		copyTree(t, filepath.Dir(fixture), dir)
		db, out := filepath.Join(dir, "humasdesk.db"), filepath.Join(dir, "usb")
		if err := SaveSchedule(db, BackupSchedule{Enabled: true, Folder: out}); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(-1)
		if i >= 0 {
			delay = time.Duration(rng.Int64N(int64(full) + 1))
		}
		ran, finished := runChild(t, "backup", db, "", delay)
		if i < 0 {
			full = ran // the first run, whole, measures how long one takes
			t.Logf("one backup takes %v in the child", full)
		}
		sch, err := LoadSchedule(db)
		if err != nil {
			t.Fatalf("round %d: %v", i, err)
		}
		archives, _ := filepath.Glob(filepath.Join(out, "humasdesk-cadangan-*.zip"))
		for _, a := range archives {
			if _, err := InspectArchive(ctx, a); err != nil {
				t.Errorf("round %d (killed after %v): archive %s is not whole: %v", i, delay, a, err)
			}
		}
		if !sch.LastGood.IsZero() && (len(archives) != 1 || archives[0] != sch.LastGoodPath) {
			t.Errorf("round %d: last good %s, archives %v", i, sch.LastGoodPath, archives)
		}
		if finished && sch.LastGood.IsZero() {
			t.Errorf("round %d: finished without a last good backup", i)
		}
		if err := integrityOK(t, db); err != nil {
			t.Errorf("round %d: the database: %v", i, err)
		}
	}
}

// Killed at any moment, a restore leaves either the old database with
// all its photos or the new one with all of its photos.
func TestRestoreKilled(t *testing.T) {
	oldDB, _ := archiveFixture(t)
	newDB, _ := archiveFixture(t) // other ids, other photos
	s, err := Open(newDB)
	if err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	for i := 20; i < 24; i++ {
		var id string
		s.read(ctx).Raw(`SELECT id FROM entries WHERE deleted = 0 LIMIT 1 OFFSET ?`, i).Scan(&id)
		if _, err := s.AttachPhoto(ctx, id, writePNG(t, src, i), "baru"); err != nil {
			t.Fatal(err)
		}
	}
	arch := filepath.Join(t.TempDir(), "cadangan.zip")
	if _, err := s.BackupArchive(ctx, arch); err != nil {
		t.Fatal(err)
	}
	s.Close()
	oldDump, newDump := dumpDB(t, oldDB), dumpDB(t, newDB)

	rng := rand.New(rand.NewPCG(11, uint64(time.Now().UnixNano())))
	var full time.Duration
	seen := map[string]int{}
	for i := -1; i < crashRounds(t); i++ {
		dir := t.TempDir()
		copyTree(t, filepath.Dir(oldDB), dir)
		db := filepath.Join(dir, "humasdesk.db")
		delay := time.Duration(-1)
		if i >= 0 {
			delay = time.Duration(rng.Int64N(int64(full) + 1))
		}
		ran, finished := runChild(t, "restore", db, arch, delay)
		if i < 0 {
			full = ran
			t.Logf("one restore takes %v in the child", full)
		}
		got := dumpDB(t, db)
		switch {
		case equalDumps(got, newDump):
			seen["new"]++
		case equalDumps(got, oldDump) && !finished:
			seen["old"]++
		default:
			t.Errorf("round %d (killed after %v, finished %v): the database is neither the old nor the restored one", i, delay, finished)
		}
		checkPhotoFiles(t, db)
		if err := integrityOK(t, db); err != nil {
			t.Errorf("round %d: %v", i, err)
		}
		// What a crash left behind goes with the next restore.
		if _, err := RestoreBackup(ctx, db, arch); err != nil {
			t.Errorf("round %d: restoring again: %v", i, err)
		}
	}
	t.Logf("states after the kills: %v", seen)
}
