package store

import "os"

func writeFile(path, content string) error { return os.WriteFile(path, []byte(content), 0o600) }

// setFTSBounds makes searches use the trigram index for up to n
// candidates (0: never) and returns what puts the bounds back.
func setFTSBounds(n int) (restore func()) {
	count, page := ftsCountMax, ftsPageMax
	ftsCountMax, ftsPageMax = n, n
	return func() { ftsCountMax, ftsPageMax = count, page }
}
