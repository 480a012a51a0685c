package main

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestHelpEveryVerb asks for the help of every verb in every way a user
// might, in both languages: exit 0 and that verb's usage on stdout. It
// also checks every listed verb is dispatched: a bogus flag to it is that
// verb's usage error, not "unknown command".
func TestHelpEveryVerb(t *testing.T) {
	t.Setenv("HUMASDESK_SERVER_DB", filepath.Join(t.TempDir(), "never.db"))
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	langs := []struct{ env, word string }{{"id_ID.UTF-8", "Pemakaian:"}, {"en_US.UTF-8", "Usage:"}}
	for _, l := range langs {
		t.Setenv("LANG", l.env)
		for _, v := range program.Verbs {
			words := strings.Fields(v.Name)
			asks := [][]string{append([]string{"help"}, words...), append(words, "--help"), append(words, "-h")}
			for _, args := range asks {
				var out bytes.Buffer
				if err := run(args, &out); err != nil {
					t.Errorf("LANG=%s run(%q) = %v, want nil (exit 0)", l.env, args, err)
					continue
				}
				if got := out.String(); !strings.Contains(got, v.Synopsis) || !strings.Contains(got, l.word) {
					t.Errorf("LANG=%s run(%q) = %q, want %q with %q", l.env, args, got, v.Synopsis, l.word)
				}
			}
			if v.Name == "help" || v.Name == "version" {
				continue
			}
			var out bytes.Buffer
			err := run(append(words, "--bogus"), &out)
			var ue usageError
			if !errors.As(err, &ue) || !strings.HasPrefix(err.Error(), v.Name+": ") {
				t.Errorf("run(%q --bogus) = %v, want %s's usage error", v.Name, err, v.Name)
			}
		}
	}
}

// The whole help, and a group's help ("user --help"), exit 0; a group
// alone names its verbs as a usage error.
func TestHelpProgramAndGroups(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LANG", "id_ID.UTF-8")
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}, {"user", "--help"}, {"help", "office"}, {"device", "-h"}} {
		var out bytes.Buffer
		if err := run(args, &out); err != nil || !strings.Contains(out.String(), "Pemakaian") {
			t.Errorf("run(%q) = %v, %q", args, err, out.String())
		}
	}
	var out bytes.Buffer
	err := run([]string{"user"}, &out)
	var ue usageError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "user reset-password") {
		t.Errorf("run(user) = %v, want a usage error naming the user verbs", err)
	}
}
