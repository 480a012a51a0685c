package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/humasdesk/humasdesk/data/csvimport"
)

// runImport reads report entries or agencies from a CSV file, all or
// nothing. With --template it writes the empty template instead.
//
//	humasdesk import [--db FILE] --kind entries|agencies FILE.csv
//	humasdesk import --kind entries --template FILE.csv
func runImport(args []string, out io.Writer) error {
	fs := newFlags("import")
	dbPath := fs.String("db", "", "database file")
	kind := fs.String("kind", "", "entries or agencies")
	template := fs.Bool("template", false, "write the CSV template to FILE")
	check := fs.Bool("check", false, "check the file only; write nothing")
	if err := fs.Parse(args); err != nil {
		return usageError{"import: " + err.Error()}
	}
	if fs.NArg() != 1 {
		return usageError{say("import: sebutkan tepat satu file CSV, mis. 'humasdesk import --kind entries kegiatan.csv'", "import: name exactly one CSV file, e.g. 'humasdesk import --kind entries activities.csv'")}
	}
	file := fs.Arg(0)
	importFn, previewFn, err := importers(*kind)
	if err != nil {
		return err
	}
	if *template {
		if err := os.WriteFile(file, csvimport.Template(*kind), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(out, say("Templat CSV %s ditulis ke %s\n", "CSV template of %s written to %s\n"), kindWord(*kind), file)
		return nil
	}
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf(say("import: file %s tidak dapat dibuka: %w", "import: file %s cannot be opened: %w"), file, err)
	}
	defer f.Close()
	st, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	run := importFn
	if *check {
		run = previewFn
	}
	res, err := run(bgCtx(), st, f, csvimport.Options{})
	var lineErrs csvimport.Errors
	if errors.As(err, &lineErrs) || (err == nil && !res.OK()) {
		if lineErrs == nil {
			lineErrs = res.Errors
		}
		fmt.Fprintf(out, say("Baris bermasalah di %s:\n", "Lines with problems in %s:\n"), file)
		for _, e := range lineErrs {
			fmt.Fprintln(out, "  "+e.Error())
		}
		return fmt.Errorf(say("import: %d kesalahan, tidak ada data yang disimpan", "import: %d errors, nothing was stored"), len(lineErrs))
	}
	if err != nil {
		return err
	}
	verb := say("diimpor", "imported")
	if *check {
		verb = say("siap diimpor (belum disimpan)", "ready to import (not stored yet)")
	}
	fmt.Fprintf(out, say("%s: %d baris, %d %s, %d dilewati karena sudah ada.\n", "%s: %d lines, %d %s, %d skipped as already there.\n"),
		file, res.Lines, len(res.Entries)+len(res.Agencies)+len(res.Clippings), verb, len(res.Duplicates))
	// Cells read on a guess (a non-UTF-8 cell in a UTF-8 file): worth a look.
	for _, w := range res.Warnings {
		fmt.Fprintln(out, say("  periksa: ", "  check: ")+w.Error())
	}
	return nil
}

type importFunc = func(ctx bgContext, st storeT, r io.Reader, opt csvimport.Options) (*csvimport.Result, error)

func importers(kind string) (run, preview importFunc, err error) {
	switch kind {
	case "entries":
		return csvimport.ImportEntries, csvimport.PreviewEntries, nil
	case "agencies":
		return csvimport.ImportAgencies, csvimport.PreviewAgencies, nil
	case "clippings":
		return csvimport.ImportClippings, csvimport.PreviewClippings, nil
	case "":
		return nil, nil, usageError{say("import: --kind entries, --kind agencies atau --kind clippings wajib diisi", "import: --kind entries, --kind agencies or --kind clippings is required")}
	}
	return nil, nil, usageError{fmt.Sprintf(say("import: --kind %q tidak dikenal (entries, agencies atau clippings)", "import: unknown --kind %q (entries, agencies or clippings)"), kind)}
}

// kindWord names an import kind in the message language.
func kindWord(kind string) string {
	switch kind {
	case "agencies":
		return say("instansi", "agencies")
	case "clippings":
		return say("kliping", "clippings")
	}
	return say("kegiatan", "activities")
}
