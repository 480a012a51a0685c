// Package osopen opens a file with the operating system's default
// application for its type: a PDF in the PDF reader, a DOCX in the word
// processor. It holds no Fyne, so its choices are tested without a window.
//
// An attachment is opened as a copy under its own name in a temporary
// folder, never as the stored file: the store keeps files by content hash,
// and a document edited and saved in place would no longer match it.
package osopen

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// Command is the program and arguments that open path on goos.
func Command(goos, path string) (string, []string) {
	switch goos {
	case "windows":
		// The shell's own "open" verb, without a console window and
		// without cmd.exe's quoting rules (a name with & or ^ is safe).
		return "rundll32", []string{"url.dll,FileProtocolHandler", path}
	case "darwin":
		return "open", []string{path}
	}
	return "xdg-open", []string{path}
}

// Open opens a copy of src, named name, with the default application and
// returns without waiting for the application.
func Open(src, name string) error {
	cmd, err := start(src, name, os.TempDir())
	if err != nil {
		return err
	}
	go cmd.Wait() // reap the opener (xdg-open, rundll32) when it exits
	return nil
}

// start copies src into a folder below tmp and starts the opener on the
// copy.
func start(src, name, tmp string) (*exec.Cmd, error) {
	dst, err := copyFor(src, name, tmp)
	if err != nil {
		return nil, err
	}
	prog, args := Command(runtime.GOOS, dst)
	if _, err := exec.LookPath(prog); err != nil {
		return nil, fmt.Errorf("tidak ada aplikasi untuk membuka berkas (%s tidak ditemukan)", prog)
	}
	cmd := exec.Command(prog, args...)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%s tidak dapat dibuka: %w", name, err)
	}
	return cmd, nil
}

// copyFor copies src to tmp/humasdesk-lampiran/<content hash part>/name,
// a folder per stored file so that two attachments of the same name
// never overwrite each other's copy.
func copyFor(src, name, tmp string) (string, error) {
	in, err := os.Open(src)
	if err != nil {
		return "", fmt.Errorf("berkas %s belum ada di komputer ini (mungkin belum diunduh oleh sinkronisasi): %w", name, err)
	}
	defer in.Close()
	key := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
	dir := filepath.Join(tmp, "humasdesk-lampiran", key[:min(len(key), 16)])
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	dst := filepath.Join(dir, SafeName(name, filepath.Ext(src)))
	out, err := os.Create(dst)
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return "", err
	}
	return dst, out.Close()
}

// SafeName makes an attachment's name a plain file name: no folders, no
// characters Windows refuses, and the extension of its type (ext) so that
// the system picks the right application.
func SafeName(name, ext string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 32 {
			return '_'
		}
		return r
	}, strings.TrimSpace(name))
	name = strings.Trim(name, ". ")
	if name == "" {
		name = "lampiran"
	}
	if ext != "" && !strings.EqualFold(filepath.Ext(name), ext) {
		name += ext
	}
	return name
}
