// Package clihelp is what the two programs, humasdesk and humasdesk-server,
// share of their command lines: the help of each verb, asked as
// `PROGRAM help VERB` or `PROGRAM VERB --help`, and the language their
// messages are written in. It imports no Fyne, so the server may use it.
package clihelp

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/humasdesk/humasdesk/data"
)

// Verb is one verb of a program and its help.
type Verb struct {
	Name     string    // as typed, e.g. "export" or "user add"
	Synopsis string    // the command line, e.g. "humasdesk export [--db FILE] …"
	Summary  data.Text // one line: what the verb does
	Detail   data.Text // paragraphs and flags; may be empty
}

// Program is a program's verbs and the text around their list.
type Program struct {
	Name   string
	Header data.Text // first line of the full help
	Footer data.Text // closing paragraph of the full help
	Verbs  []Verb
}

// Find returns the verb called name.
func (p Program) Find(name string) (Verb, bool) {
	for _, v := range p.Verbs {
		if v.Name == name {
			return v, true
		}
	}
	return Verb{}, false
}

// Usage writes the full help: every verb's synopsis and summary.
func (p Program) Usage(w io.Writer, l data.Lang) {
	fmt.Fprintln(w, p.Header.In(l))
	fmt.Fprintln(w)
	fmt.Fprintln(w, usageWord.In(l)+":")
	for _, v := range p.Verbs {
		fmt.Fprintln(w, "  "+v.Synopsis)
		fmt.Fprintln(w, "      "+v.Summary.In(l))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, moreHelp.In(l)+"\n", p.Name, p.Name)
	if f := p.Footer.In(l); f != "" {
		fmt.Fprintln(w)
		fmt.Fprint(w, f)
	}
}

// VerbUsage writes one verb's help.
func (p Program) VerbUsage(w io.Writer, v Verb, l data.Lang) {
	fmt.Fprintf(w, "%s: %s\n\n%s\n", usageWord.In(l), v.Synopsis, v.Summary.In(l))
	if d := v.Detail.In(l); d != "" {
		fmt.Fprintln(w)
		fmt.Fprint(w, d)
	}
}

// Help answers `PROGRAM help [VERB]`: the full help without a verb, that
// verb's help with one. An unknown verb is reported as an error.
func (p Program) Help(w io.Writer, args []string, l data.Lang) error {
	if len(args) == 0 || IsHelpFlag(args[0]) {
		p.Usage(w, l)
		return nil
	}
	name := strings.Join(args, " ")
	if v, ok := p.Find(name); ok {
		p.VerbUsage(w, v, l)
		return nil
	}
	group := p.Group(name)
	if len(group) == 0 {
		return fmt.Errorf(unknownVerb.In(l), name, p.Name)
	}
	for i, v := range group {
		if i > 0 {
			fmt.Fprintln(w)
		}
		p.VerbUsage(w, v, l)
	}
	return nil
}

// Group returns the verbs of a group such as "user": those named
// "user add", "user list", ….
func (p Program) Group(name string) []Verb {
	var vs []Verb
	for _, v := range p.Verbs {
		if strings.HasPrefix(v.Name, name+" ") {
			vs = append(vs, v)
		}
	}
	return vs
}

// IsHelpFlag reports whether arg asks for help.
func IsHelpFlag(arg string) bool {
	return arg == "-h" || arg == "-help" || arg == "--help"
}

// WantsHelp reports whether args ask for help: any of -h, -help, --help
// before a "--" that ends the flags.
func WantsHelp(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if IsHelpFlag(a) {
			return true
		}
	}
	return false
}

// EnvLang is the language the environment asks for: English when the
// first set of LC_ALL, LC_MESSAGES and LANG names English, else Indonesian,
// as the application itself defaults to Indonesian.
func EnvLang() data.Lang {
	for _, key := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(key); v != "" {
			return langOfLocale(v)
		}
	}
	return data.LangID
}

// langOfLocale reads a POSIX locale such as "en_US.UTF-8".
func langOfLocale(v string) data.Lang {
	base := strings.ToLower(v)
	if base == "en" || strings.HasPrefix(base, "en_") || strings.HasPrefix(base, "en.") || strings.HasPrefix(base, "en-") {
		return data.LangEN
	}
	return data.LangID
}

var (
	usageWord   = data.Text{ID: "Pemakaian", EN: "Usage"}
	moreHelp    = data.Text{ID: "Bantuan satu perintah: '%s help PERINTAH' atau '%s PERINTAH --help'.", EN: "Help on one command: '%s help COMMAND' or '%s COMMAND --help'."}
	unknownVerb = data.Text{ID: "perintah %q tidak dikenal; lihat '%s help'", EN: "unknown command %q; see '%s help'"}
)
