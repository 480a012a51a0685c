package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/check"
	"github.com/humasdesk/humasdesk/data/store"
)

// errFindings makes `humasdesk check` exit non-zero when it found something.
type errFindings int

func (e errFindings) Error() string {
	return fmt.Sprintf(say("check: %d temuan netralitas", "check: %d neutrality findings"), int(e))
}

// runCheck runs the neutrality checker on a stored draft or a text file,
// with the office's officials, term lists and election stages.
func runCheck(args []string, out io.Writer) error {
	fs := newFlags("check")
	dbPath := fs.String("db", "", "database file")
	draftID := fs.String("draft", "", "id of a stored draft")
	textFile := fs.String("text", "", "a text file to check (first line is the title)")
	election := fs.Bool("election", false, "treat the text as election content")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if (*draftID == "") == (*textFile == "") {
		return usageError{say("check: pilih tepat satu dari --draft ID atau --text FILE", "check: choose exactly one of --draft ID or --text FILE")}
	}
	st, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	cfg, err := st.CheckConfig(bgCtx())
	if err != nil {
		return err
	}
	in, err := checkInput(st, *draftID, *textFile)
	if err != nil {
		return err
	}
	in.Election = in.Election || *election
	findings := check.Check(in, cfg, data.Today())
	if len(findings) == 0 {
		fmt.Fprintln(out, say("Tidak ada temuan netralitas.", "No neutrality findings."))
		return nil
	}
	for _, f := range findings {
		text := in.Body
		if f.Field == "title" {
			text = in.Title
		}
		where := f.Field
		if f.Field == "body" {
			where = fmt.Sprintf("isi baris %d", strings.Count(text[:f.Start], "\n")+1)
		}
		fmt.Fprintf(out, "[%s, %s] %s «%s»: %s\n", f.Rule, f.Severity, where, f.Match, check.Explain(f, lang))
	}
	return errFindings(len(findings))
}

func checkInput(st *store.Store, draftID, textFile string) (check.Input, error) {
	if draftID != "" {
		d, err := st.Draft(bgCtx(), draftID)
		if err != nil {
			return check.Input{}, fmt.Errorf(say("check: konten %s: %w", "check: draft %s: %w"), draftID, err)
		}
		photos, err := st.DraftPhotos(bgCtx(), d.ID)
		if err != nil {
			return check.Input{}, err
		}
		return check.FromDraft(d, photos), nil
	}
	raw, err := os.ReadFile(textFile)
	if err != nil {
		return check.Input{}, fmt.Errorf("check: %w", err)
	}
	title, body, _ := strings.Cut(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n")
	return check.Input{Title: title, Body: body}, nil
}
