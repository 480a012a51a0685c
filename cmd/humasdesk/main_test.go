package main

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandLine checks the verb dispatch and flag handling of run. The
// cases here never reach a database or a window: each one is answered or
// refused before either is opened.
func TestCommandLine(t *testing.T) {
	// If a case ever did open a database, keep it away from the user's own.
	t.Setenv("HUMASDESK_DB", filepath.Join(t.TempDir(), "never.db"))

	tests := []struct {
		name      string
		args      []string
		wantOut   string // a substring of stdout; "" = stdout must be empty
		wantUsage bool   // the error must be a usageError (exit code 2)
	}{
		{name: "version", args: []string{"version"}, wantOut: "Humas Desk " + version},
		{name: "help", args: []string{"help"}, wantOut: "humasdesk demo"},
		{name: "unknown verb", args: []string{"frobnicate"}, wantUsage: true},
		{name: "demo unknown flag", args: []string{"demo", "--bogus"}, wantUsage: true},
		{name: "demo stray argument", args: []string{"demo", "extra"}, wantUsage: true},
		{name: "demo --db without a value", args: []string{"demo", "--db"}, wantUsage: true},
		{name: "window unknown flag", args: []string{"--bogus"}, wantUsage: true},
		{name: "window stray argument", args: []string{"--db", "x.db", "extra"}, wantUsage: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(tt.args, &out, &errOut)
			if tt.wantUsage {
				var ue usageError
				if !errors.As(err, &ue) {
					t.Fatalf("run(%q) = %v (%T), want a usageError", tt.args, err, err)
				}
				if msg := err.Error(); msg == "" || strings.Contains(msg, "\n") {
					t.Errorf("run(%q): usage error %q should be one non-empty line", tt.args, msg)
				}
				if out.Len() != 0 {
					t.Errorf("run(%q) wrote to stdout on a usage error: %q", tt.args, out.String())
				}
				return
			}
			if err != nil {
				t.Fatalf("run(%q) = %v, want nil", tt.args, err)
			}
			if !strings.Contains(out.String(), tt.wantOut) {
				t.Errorf("run(%q) stdout = %q, want it to contain %q", tt.args, out.String(), tt.wantOut)
			}
			if errOut.Len() != 0 {
				t.Errorf("run(%q) stderr = %q, want empty", tt.args, errOut.String())
			}
		})
	}
}
