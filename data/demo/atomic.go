package demo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/humasdesk/humasdesk/data/store"
)

// demoTempPrefix names the copy LoadFile builds; one left by a crash is
// removed by the next LoadFile.
const demoTempPrefix = ".humasdesk-demo-"

// LoadFile loads the demo into the database file at dbPath all or nothing:
// it builds the result in a copy beside the file (a checked snapshot of
// the database, or a new file when there is none), loads the demo into
// the copy, and renames the copy over dbPath only once it is complete. A
// crash or a kill at any point leaves dbPath as it was, or complete. The
// photos go to lampiran/ beside dbPath as they are made; they are
// content-addressed, so a cut-short load leaves only unused files there.
//
// Nothing else may write to dbPath meanwhile (close Humas Desk first):
// what another process writes after the snapshot would be lost.
func LoadFile(ctx context.Context, dbPath string, opt Options) (res Result, err error) {
	dir := filepath.Dir(dbPath)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return res, fmt.Errorf("demo: folder %s tidak dapat dibuat: %w", dir, err)
	}
	removeStaleTemps(dir)
	tmp, err := os.CreateTemp(dir, demoTempPrefix+"*.db")
	if err != nil {
		return res, fmt.Errorf("demo: berkas sementara tidak dapat dibuat di %s: %w", dir, err)
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer func() {
		if err != nil {
			removeDBFiles(tmpPath)
		}
	}()
	if fi, serr := os.Stat(dbPath); serr == nil && fi.Size() > 0 {
		if err = snapshot(ctx, dbPath, tmpPath); err != nil {
			return res, err
		}
	}
	st, err := store.Open(tmpPath)
	if err != nil {
		return res, err
	}
	res, err = Load(ctx, st, opt)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return res, err
	}
	if err = install(tmpPath, dbPath); err != nil {
		return res, err
	}
	return res, nil
}

// snapshot copies the database at src to dest, migrated and checked.
func snapshot(ctx context.Context, src, dest string) error {
	st, err := store.Open(src) // migrates an older schema first, keeping a copy
	if err != nil {
		return err
	}
	err = st.Backup(ctx, dest)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	return err
}

// install renames the finished copy over dbPath, durably.
func install(tmpPath, dbPath string) error {
	if fi, err := os.Stat(tmpPath + "-wal"); err == nil && fi.Size() > 0 {
		return fmt.Errorf("demo: salinan %s belum utuh (file -wal tersisa)", tmpPath)
	}
	os.Remove(tmpPath + "-wal")
	os.Remove(tmpPath + "-shm")
	f, err := os.OpenFile(tmpPath, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	// A -wal of the old file beside the new one would be replayed into it;
	// the old file was closed cleanly by snapshot, so it holds nothing.
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(dbPath + suffix); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("demo: database masih dipakai (tutup Humas Desk lebih dulu): %w", err)
		}
	}
	if err := os.Rename(tmpPath, dbPath); err != nil {
		return fmt.Errorf("demo: database tidak dapat diganti: %w", err)
	}
	if d, err := os.Open(filepath.Dir(dbPath)); err == nil {
		d.Sync() // the rename made durable (Unix; a no-op error elsewhere)
		d.Close()
	}
	return nil
}

func removeStaleTemps(dir string) {
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), demoTempPrefix) {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > time.Minute {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

func removeDBFiles(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}
