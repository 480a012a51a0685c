package report

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/humasdesk/humasdesk/data/store"
)

// Formats a report can be exported in.
const (
	FormatPDF  = "pdf"
	FormatXLSX = "xlsx"
	FormatCSV  = "csv"
)

// FormatOf returns the format a file name asks for by its extension.
func FormatOf(path string) (string, error) {
	switch ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(path), ".")); ext {
	case FormatPDF, FormatXLSX, FormatCSV:
		return ext, nil
	default:
		return "", fmt.Errorf("format file %q tidak dikenal (pakai .pdf, .xlsx, atau .csv)", filepath.Base(path))
	}
}

// OptionsFromSettings fills the office's saved report settings (number
// pattern, next sequence, opening and closing text) into opt where opt
// leaves them empty.
func OptionsFromSettings(ctx context.Context, st *store.Store, opt Options) (Options, error) {
	get := func(key string, into *string) error {
		if *into != "" {
			return nil
		}
		v, err := st.Setting(ctx, key, "")
		*into = v
		return err
	}
	for key, into := range map[string]*string{
		store.SettingReportNumber: &opt.NumberPattern, store.SettingReportIntro: &opt.Intro,
		store.SettingReportClosing: &opt.Closing,
	} {
		if err := get(key, into); err != nil {
			return opt, err
		}
	}
	if opt.Sequence == 0 {
		seq, err := st.Setting(ctx, store.SettingReportSequence, "1")
		if err != nil {
			return opt, err
		}
		opt.Sequence, _ = strconv.Atoi(seq)
	}
	return opt, nil
}

// Export builds the report and writes it to path in format, through a
// temporary file renamed into place, so that a failed export never leaves
// a half-written file where the user expects the report. progress may be nil.
// A report whose office profile or signer is missing (CheckOffice) is
// refused before anything is written.
func Export(ctx context.Context, st *store.Store, opt Options, format, path string, progress func(done, total int)) (r *Report, err error) {
	err = WithMemoryLimit(MemoryLimit(0), func() error {
		r, err = Build(ctx, st, opt)
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := CheckOffice(&r.Office, r.Signer, format); err != nil {
		return nil, err
	}
	err = WithMemoryLimit(MemoryLimit(len(r.Activities)), func() error {
		return write(r, format, path, progress)
	})
	return r, err
}

// MemoryLimit is the Go runtime's soft memory limit while a report of n
// activities is made. gofpdf keeps the whole document in memory and leaves
// much short-lived garbage; with the default GC pacing the heap grows to
// twice what is live before it is collected. The limit makes the collector
// keep up (docs/BENCHMARKS.md: a quarter of 5,000 activities with 50
// photos peaks near 135 MB instead of about 200 MB, at the same speed).
// 100 MiB covers a busy office's quarter; beyond 5,000 activities the
// limit grows by about what each activity keeps live, so that a very large
// report is not slowed by collecting against a limit below its live data.
// It is soft: any report still renders.
func MemoryLimit(activities int) int64 {
	return 100<<20 + int64(max(0, activities-5000))*(3<<10)
}

// WithMemoryLimit runs fn under limit (unless a lower limit is already
// set) and restores the previous limit afterwards.
func WithMemoryLimit(limit int64, fn func() error) error {
	if prev := debug.SetMemoryLimit(-1); prev > limit {
		debug.SetMemoryLimit(limit)
		defer debug.SetMemoryLimit(prev)
	}
	return fn()
}

func write(r *Report, format, path string, progress func(done, total int)) error {
	render, err := writer(format, progress)
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".humasdesk-ekspor-*")
	if err != nil {
		return fmt.Errorf("tidak dapat menulis ke folder %s: %w", dir, err)
	}
	defer os.Remove(tmp.Name())
	if err := render(tmp, r); err != nil {
		tmp.Close()
		return fmt.Errorf("laporan gagal dibuat: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("laporan tidak dapat disimpan sebagai %s: %w", path, err)
	}
	return nil
}

func writer(format string, progress func(done, total int)) (func(io.Writer, *Report) error, error) {
	switch format {
	case FormatPDF:
		return func(w io.Writer, r *Report) error { return WritePDF(w, r, PDFOptions{Progress: progress}) }, nil
	case FormatXLSX:
		return WriteXLSX, nil
	case FormatCSV:
		return WriteCSV, nil
	}
	return nil, fmt.Errorf("format %q tidak dikenal (pdf, xlsx, atau csv)", format)
}
