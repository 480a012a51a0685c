// Command humasdesk is the Humas Desk desktop application. Without a verb
// it opens the window; its verbs run without one, for scripts and tests:
//
//	humasdesk [--db FILE]                 open the window
//	humasdesk demo [--db FILE]            fill a database with demo data
//	humasdesk export --year Y (--quarter Q | --annual) --out FILE [--format pdf|xlsx|csv] [--rollup] [--reuse-number]
//	humasdesk numbers [--out FILE.csv]     the register of issued report numbers as CSV
//	humasdesk import --kind entries|agencies [--check] FILE.csv
//	humasdesk enroll --server URL --code CODE   register with a sync server
//	humasdesk sync                        one full sync round
//	humasdesk check (--draft ID | --text FILE)  neutrality findings; exit 1 when any
//	humasdesk backup [--db FILE] [--out FILE|DIR]  archive the database and photos
//	humasdesk restore [--db FILE] [--check] FILE  verify, and restore, an archive
//	humasdesk bench [--db FILE]           measure list and search speed
//	humasdesk version                     print the version
//
// The database is --db, else $HUMASDESK_DB, else humasdesk.db in the user's
// configuration folder.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	_ "github.com/humasdesk/humasdesk/cmd/humasdesk/internal/locale" // before Fyne's init
	"github.com/humasdesk/humasdesk/cmd/internal/clihelp"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// version is set at release time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// usageError is a mistake in the command line: exit 2, not 1.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	err := run(os.Args[1:], os.Stdout, os.Stderr)
	if err == nil {
		return
	}
	fmt.Fprintln(os.Stderr, "humasdesk: "+oneLine(err))
	var ue usageError
	if errors.As(err, &ue) {
		os.Exit(2)
	}
	os.Exit(1)
}

// oneLine keeps an error to one line, as the brief promises scripts.
func oneLine(err error) string { return strings.ReplaceAll(err.Error(), "\n", "; ") }

// verbs maps each command-line verb to its implementation.
var verbs = map[string]func(args []string, out io.Writer) error{
	"demo":   runDemo,
	"bench":  runBench,
	"export": runExport,
	"import": runImport,
	"enroll": runEnroll,
	"sync":   runSync,
	"check":  runCheck,
	// backupcmd.go
	"backup":  runBackup,
	"restore": runRestore,

	"numbers": runNumbers,
}

// lang is the language of the messages of this run: the environment's
// (clihelp.EnvLang), then the display language stored in the database once
// a verb opens it (openStore).
var lang = data.LangID

// say picks the message of this run's language.
func say(id, en string) string { return data.Text{ID: id, EN: en}.In(lang) }

func run(args []string, out, errOut io.Writer) error {
	store.AppVersion = version // written into every backup's manifest
	lang = clihelp.EnvLang()
	if len(args) > 0 && (args[0] == "help" || clihelp.IsHelpFlag(args[0])) {
		if err := program.Help(out, args[1:], lang); err != nil {
			return usageError{err.Error()}
		}
		return nil
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		if clihelp.WantsHelp(args) {
			program.Usage(out, lang)
			return nil
		}
		return runWindow(args)
	}
	if v, ok := program.Find(args[0]); ok && clihelp.WantsHelp(args[1:]) {
		program.VerbUsage(out, v, lang)
		return nil
	}
	if args[0] == "version" {
		fmt.Fprintln(out, "Humas Desk "+version)
		return nil
	}
	v, ok := verbs[args[0]]
	if !ok {
		return usageError{fmt.Sprintf(say("perintah %q tidak dikenal; lihat 'humasdesk help'", "unknown command %q; see 'humasdesk help'"), args[0])}
	}
	return v(args[1:], out)
}

// newFlags makes a flag set that reports mistakes as one-line usage errors
// instead of printing its own help.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args and refuses stray arguments.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return usageError{fmt.Sprintf("%s: %v", fs.Name(), err)}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf(say("%s: argumen tidak dikenal %q", "%s: unexpected argument %q"), fs.Name(), fs.Arg(0))}
	}
	return nil
}
