//go:build !windows

package main

// Only Windows needs a console attached (console_windows.go): elsewhere a
// program started from a terminal writes to it already.
func init() { attachConsole() }

func attachConsole() {}
