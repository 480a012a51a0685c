// Package locale gives the process a parseable locale before Fyne reads it.
//
// Fyne's lang package reads LANG while it initialises and logs an error
// for the POSIX locales ("C", "C.UTF-8", "POSIX") that scripts and service
// managers often run with. Go initialises packages in import-path order
// among those whose imports are ready, and this package needs only os, so
// importing it from main runs this init before Fyne's.
package locale

import (
	"os"
	"strings"
)

func init() {
	for _, key := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(key)
		base := strings.SplitN(v, ".", 2)[0]
		if v != "" && base != "C" && base != "POSIX" {
			return // a real locale decides
		}
		if v != "" {
			os.Unsetenv(key)
		}
	}
	// Indonesian is the app's default language in any case.
	os.Setenv("LANG", "id_ID.UTF-8")
}
