package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestHelpEveryVerb asks for the help of every verb in every way a user
// might: `help VERB`, `VERB --help`, `VERB -h`, in both languages. Each
// answer is that verb's usage on stdout, exit 0, nothing opened.
func TestHelpEveryVerb(t *testing.T) {
	t.Setenv("HUMASDESK_DB", filepath.Join(t.TempDir(), "never.db"))
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	for name := range verbs {
		if _, ok := program.Find(name); !ok {
			t.Errorf("verb %q has no help entry in program", name)
		}
	}
	langs := []struct{ env, word string }{{"id_ID.UTF-8", "Pemakaian:"}, {"en_US.UTF-8", "Usage:"}}
	for _, l := range langs {
		t.Setenv("LANG", l.env)
		for _, v := range program.Verbs {
			asks := [][]string{{"help", v.Name}, {v.Name, "--help"}, {v.Name, "-h"}, {v.Name, "--db", "x.db", "-help"}}
			switch v.Name {
			case "": // the window: `humasdesk --help`
				asks = [][]string{{"--help"}, {"-h"}, {"help"}, {"--db", "x.db", "--help"}}
			case "help":
				asks = [][]string{{"help"}, {"help", "--help"}, {"help", "help"}}
			}
			for _, args := range asks {
				var out, errOut bytes.Buffer
				if err := run(args, &out, &errOut); err != nil {
					t.Errorf("LANG=%s run(%q) = %v, want nil (exit 0)", l.env, args, err)
					continue
				}
				got := out.String()
				if !strings.Contains(got, v.Synopsis) || errOut.Len() != 0 {
					t.Errorf("LANG=%s run(%q): stdout %q lacks %q (stderr %q)", l.env, args, got, v.Synopsis, errOut.String())
				}
				if !strings.Contains(got, l.word) || strings.Contains(got, "flag: help requested") {
					t.Errorf("LANG=%s run(%q): stdout %q, want the %q wording", l.env, args, got, l.word)
				}
			}
		}
	}
}

// A help request for a verb that does not exist is a usage error (exit 2).
func TestHelpUnknownVerb(t *testing.T) {
	var out bytes.Buffer
	err := run([]string{"help", "frobnicate"}, &out, &out)
	if _, ok := err.(usageError); !ok || !strings.Contains(err.Error(), "frobnicate") {
		t.Fatalf("help frobnicate = %v, want a usage error naming it", err)
	}
}

// The import template message names its kind in the message language
// (it once said "Templat entries ditulis").
func TestImportTemplateWording(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	file := filepath.Join(t.TempDir(), "t.csv")
	for _, tt := range []struct{ lang, kind, want string }{
		{"id_ID.UTF-8", "entries", "Templat CSV kegiatan ditulis ke "},
		{"id_ID.UTF-8", "agencies", "Templat CSV instansi ditulis ke "},
		{"en_US.UTF-8", "entries", "CSV template of activities written to "},
	} {
		t.Setenv("LANG", tt.lang)
		var out bytes.Buffer
		if err := run([]string{"import", "--kind", tt.kind, "--template", file}, &out, &out); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), tt.want) {
			t.Errorf("LANG=%s import --kind %s --template: %q, want %q", tt.lang, tt.kind, out.String(), tt.want)
		}
	}
}
