package main

import (
	"fmt"
	"io"

	"github.com/humasdesk/humasdesk/data/demo"
	"github.com/humasdesk/humasdesk/data/store"
)

// runDemo fills the database with the demo offices and their records,
// all or nothing (demo.LoadFile). It is idempotent: a second run adds
// nothing.
func runDemo(args []string, out io.Writer) error {
	fs := newFlags("demo")
	dbPath := fs.String("db", "", "database file")
	year := fs.Int("year", 0, "year of the demo activities (default: this year)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *year != 0 && (*year < 2000 || *year > 2100) {
		return usageError{fmt.Sprintf(say("demo: --year %d di luar rentang 2000–2100", "demo: --year %d outside 2000–2100"), *year)}
	}
	path := *dbPath
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return err
		}
		path = p
	}
	// All or nothing: built in a copy renamed over the file when complete.
	res, err := demo.LoadFile(bgCtx(), path, demo.Options{Year: *year})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, say("Data contoh di %s: ditambahkan %d kantor, %d instansi, %d konten, %d kegiatan, %d foto dokumentasi, %d pengguna.\n",
		"Demo data in %s: added %d offices, %d agencies, %d drafts, %d activities, %d photos, %d people.\n"),
		path, res.Offices, res.Agencies, res.Drafts, res.Entries, res.Photos, res.People)
	fmt.Fprintf(out, say("Masuk sebagai salah satu pengguna contoh dengan kata sandi %s (lihat README, \"Masuk ke data contoh\").\n",
		"Sign in as one of the demo people with the password %s (see the README, \"Masuk ke data contoh\").\n"), demo.Password)
	return nil
}
