// Command humasdesk-server is Humas Desk's central sync server. It needs
// no Fyne and no cgo.
//
//	humasdesk-server serve [--addr 127.0.0.1:8080] [--db FILE|postgres://…] [--tls-cert F --tls-key F]
//	humasdesk-server office add --name N --level L [--kind K] [--parent ID]
//	humasdesk-server office list
//	humasdesk-server enroll --office ID [--ttl 72h]
//	humasdesk-server device list
//	humasdesk-server device revoke ID
//	humasdesk-server user add --office ID --name N --roles admin[,verifikator,…] [--position P] [--nip NIP]
//	humasdesk-server user reset-password ID
//	humasdesk-server user list --office ID
//	humasdesk-server version
//
// Every flag also comes from the environment: HUMASDESK_SERVER_DB,
// HUMASDESK_SERVER_ADDR, HUMASDESK_SERVER_TLS_CERT, HUMASDESK_SERVER_TLS_KEY.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/humasdesk/humasdesk/cmd/internal/clihelp"
	"github.com/humasdesk/humasdesk/data"
)

var version = "0.1.0-dev"

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func main() {
	err := run(os.Args[1:], os.Stdout)
	if err == nil {
		return
	}
	fmt.Fprintln(os.Stderr, "humasdesk-server: "+strings.ReplaceAll(err.Error(), "\n", "; "))
	var ue usageError
	if errors.As(err, &ue) {
		os.Exit(2)
	}
	os.Exit(1)
}

// lang is the language of this run's messages, from the environment.
var lang = data.LangID

// say picks the message of this run's language.
func say(id, en string) string { return data.Text{ID: id, EN: en}.In(lang) }

func run(args []string, out io.Writer) error {
	lang = clihelp.EnvLang()
	if len(args) == 0 {
		return usageError{say("perintah wajib diisi; lihat 'humasdesk-server help'", "a command is required; see 'humasdesk-server help'")}
	}
	verb, rest := args[0], args[1:]
	if verb == "help" || clihelp.IsHelpFlag(verb) {
		if err := program.Help(out, rest, lang); err != nil {
			return usageError{err.Error()}
		}
		return nil
	}
	if (verb == "office" || verb == "device" || verb == "user") && len(rest) > 0 && !clihelp.IsHelpFlag(rest[0]) {
		verb, rest = verb+" "+rest[0], rest[1:]
	}
	if _, ok := program.Find(verb); (ok || len(program.Group(verb)) > 0) && clihelp.WantsHelp(rest) {
		return program.Help(out, strings.Fields(verb), lang)
	}
	switch verb {
	case "version":
		fmt.Fprintln(out, "humasdesk-server "+version)
		return nil
	case "serve":
		return runServe(rest, out)
	case "office add":
		return runOfficeAdd(rest, out)
	case "office list":
		return runOfficeList(rest, out)
	case "enroll":
		return runEnroll(rest, out)
	case "device list":
		return runDeviceList(rest, out)
	case "device revoke":
		return runDeviceRevoke(rest, out)
	case "user add":
		return runUserAdd(rest, out)
	case "user reset-password":
		return runUserReset(rest, out)
	case "user list":
		return runUserList(rest, out)
	}
	if group := groupHelp(verb); group != "" {
		return usageError{group}
	}
	return usageError{fmt.Sprintf(say("perintah %q tidak dikenal; lihat 'humasdesk-server help'", "unknown command %q; see 'humasdesk-server help'"), strings.Join(args, " "))}
}

// flags makes a flag set whose defaults come from the environment.
func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", env("HUMASDESK_SERVER_DB", "humasdesk-server.db"), "database: SQLite file or postgres:// URL")
}

func parse(fs *flag.FlagSet, args []string, positional int) error {
	if err := fs.Parse(args); err != nil {
		return usageError{fs.Name() + ": " + err.Error()}
	}
	if fs.NArg() != positional {
		return usageError{fmt.Sprintf(say("%s: argumen tidak sesuai (%s)", "%s: wrong arguments (%s)"), fs.Name(), strings.Join(fs.Args(), " "))}
	}
	return nil
}

// groupHelp answers a group verb without a known verb after it ("user",
// "user frob"): a usage error naming the group's verbs.
func groupHelp(verb string) string {
	var names []string
	for _, v := range program.Group(verb) {
		names = append(names, "'humasdesk-server "+v.Name+"'")
	}
	if len(names) == 0 {
		return ""
	}
	return fmt.Sprintf(say("%s: pilih salah satu: %s", "%s: choose one of: %s"), verb, strings.Join(names, ", "))
}
