package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// backup, restore --check and restore through run, on a demo database; a
// damaged archive is refused and the database stays as it was.
func TestBackupRestoreCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a", "humasdesk.db")
	var out bytes.Buffer
	if err := run([]string{"demo", "--db", db, "--year", "2026"}, &out, &out); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	outDir := filepath.Join(dir, "usb") + string(filepath.Separator)
	if err := run([]string{"backup", "--db", db, "--out", outDir}, &out, &out); err != nil {
		t.Fatal(err)
	}
	archives, _ := filepath.Glob(filepath.Join(outDir, "humasdesk-cadangan-*.zip"))
	if len(archives) != 1 || !strings.Contains(out.String(), "Cadangan disimpan di") {
		t.Fatalf("archives %v, output %s", archives, out.String())
	}
	out.Reset()
	if err := run([]string{"restore", "--check", archives[0]}, &out, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"utuh", "Kantor: Komisi Pemilihan Umum Kabupaten Sleman", "berkas foto", "cocok dengan hash SHA-256"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("restore --check output lacks %q:\n%s", want, out.String())
		}
	}

	// Damaged: the last third cut off.
	raw, _ := os.ReadFile(archives[0])
	bad := filepath.Join(dir, "rusak.zip")
	os.WriteFile(bad, raw[:len(raw)*2/3], 0o600)
	target := filepath.Join(dir, "b", "humasdesk.db")
	for _, args := range [][]string{{"restore", "--check", bad}, {"restore", "--db", target, bad}} {
		out.Reset()
		err := run(args, &out, &out)
		if err == nil || !strings.Contains(err.Error(), "tidak dapat dipulihkan") {
			t.Errorf("%v: %v", args, err)
		}
	}
	if _, err := os.Stat(target); err == nil {
		t.Error("a refused restore made a database")
	}

	out.Reset()
	if err := run([]string{"restore", "--db", target, archives[0]}, &out, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "dipulihkan dari") {
		t.Errorf("restore output: %s", out.String())
	}
}

func TestBackupCommandUsage(t *testing.T) {
	for _, args := range [][]string{{"restore"}, {"restore", "a.zip", "b.zip"}, {"backup", "extra"}, {"restore", "--bogus", "a.zip"}} {
		var ue usageError
		if err := run(args, &bytes.Buffer{}, &bytes.Buffer{}); !errors.As(err, &ue) {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
	for _, verb := range []string{"backup", "restore"} {
		var out bytes.Buffer
		if err := run([]string{verb, "--help"}, &out, &out); err != nil || !strings.Contains(out.String(), "humasdesk "+verb) {
			t.Errorf("%s --help: %v %q", verb, err, out.String())
		}
	}
}
