package osopen

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestCommand(t *testing.T) {
	for _, tt := range []struct {
		goos, prog string
		args       []string
	}{
		{"windows", "rundll32", []string{"url.dll,FileProtocolHandler", `C:\x\a b.pdf`}},
		{"darwin", "open", []string{`C:\x\a b.pdf`}},
		{"linux", "xdg-open", []string{`C:\x\a b.pdf`}},
		{"freebsd", "xdg-open", []string{`C:\x\a b.pdf`}},
	} {
		prog, args := Command(tt.goos, `C:\x\a b.pdf`)
		if prog != tt.prog || !slices.Equal(args, tt.args) {
			t.Errorf("%s: %s %q", tt.goos, prog, args)
		}
	}
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{
		"Undangan rapat.pdf":   "Undangan rapat.pdf",
		"../../etc/passwd":     "_.._etc_passwd.pdf",
		`notulen:"final"?.pdf`: "notulen__final__.pdf",
		"  ":                   "lampiran.pdf",
		"Daftar hadir":         "Daftar hadir.pdf",
		"SCAN.PDF":             "SCAN.PDF",
	} {
		if got := SafeName(in, ".pdf"); got != want {
			t.Errorf("SafeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// start copies the stored file under its own name into a folder of its
// own and runs the system's opener on the copy: here a stand-in opener on
// PATH that records what it was given.
func TestStartOpensACopy(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("the stand-in opener is a shell script named xdg-open")
	}
	bin, tmp := t.TempDir(), t.TempDir()
	got := filepath.Join(t.TempDir(), "opened.txt")
	script := "#!/bin/sh\nprintf '%s' \"$1\" > " + got + "\n"
	if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	src := filepath.Join(t.TempDir(), "ab", "abcdef0123456789abcdef.pdf")
	os.MkdirAll(filepath.Dir(src), 0o700)
	if err := os.WriteFile(src, []byte("%PDF-1.7"), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd, err := start(src, "Undangan rapat.pdf", tmp)
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	opened, _ := os.ReadFile(got)
	want := filepath.Join(tmp, "humasdesk-lampiran", "abcdef0123456789", "Undangan rapat.pdf")
	if string(opened) != want {
		t.Fatalf("opener got %q, want %q", opened, want)
	}
	if raw, err := os.ReadFile(want); err != nil || string(raw) != "%PDF-1.7" {
		t.Fatalf("copy: %q %v", raw, err)
	}

	// A file not downloaded yet, and no opener: clear messages.
	if _, err := start(filepath.Join(bin, "missing.pdf"), "Notulen.pdf", tmp); err == nil || !strings.Contains(err.Error(), "Notulen.pdf belum ada") {
		t.Errorf("missing file: %v", err)
	}
	t.Setenv("PATH", t.TempDir())
	if _, err := start(src, "Undangan rapat.pdf", tmp); err == nil || !strings.Contains(err.Error(), "xdg-open tidak ditemukan") {
		t.Errorf("no opener: %v", err)
	}
}
