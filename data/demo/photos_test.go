package demo

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/report"
	"github.com/humasdesk/humasdesk/data/store"
)

// The demo's documentation photos are real JPEG files under their hash,
// the same on every load, and reach the report's appendix and backups.
func TestDemoPhotos(t *testing.T) {
	ctx := context.Background()
	opt := Options{Year: 2026, Today: data.NewDate(2026, 10, 5)}
	hashes := func(dir string) (map[string]bool, *store.Store) {
		st, err := store.Open(filepath.Join(dir, "demo.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		res, err := Load(ctx, st, opt)
		if err != nil {
			t.Fatal(err)
		}
		if res.Photos < 10 {
			t.Fatalf("only %d photos", res.Photos)
		}
		out := map[string]bool{}
		files, _ := filepath.Glob(filepath.Join(st.PhotoDir(), "*", "*.jpg"))
		for _, f := range files {
			raw, _ := os.ReadFile(f)
			sum := sha256.Sum256(raw)
			if h := hex.EncodeToString(sum[:]); filepath.Base(f) != h+".jpg" {
				t.Errorf("%s holds %s", f, h)
			}
			out[filepath.Base(f)] = true
		}
		return out, st
	}
	a, st := hashes(t.TempDir())
	b, _ := hashes(t.TempDir())
	if len(a) < 10 || len(a) != len(b) {
		t.Fatalf("%d and %d photo files", len(a), len(b))
	}
	for h := range a {
		if !b[h] {
			t.Errorf("photo %s not made again", h)
		}
	}
	r, err := report.Build(ctx, st, report.Options{Period: report.Period{Year: 2026, Quarter: 3}, SignDate: opt.Today})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Photos) == 0 {
		t.Error("no photo in the report's appendix")
	}
	for _, p := range r.Photos {
		if _, err := os.Stat(p.Path); err != nil {
			t.Error(err)
		}
	}
	info, err := st.BackupArchive(ctx, filepath.Join(t.TempDir(), "demo.zip"))
	if err != nil {
		t.Fatal(err)
	}
	if info.Photos != len(a) {
		t.Errorf("backup: %d photo files, want %d", info.Photos, len(a))
	}
}
