//go:build windows

package main

// On Windows the release binary is a GUI program (-ldflags -H=windowsgui):
// it gets no console, so the verbs (demo, export, import, sync, check,
// version…) would print nothing when run from cmd.exe or PowerShell. When
// the process has arguments, attachConsole (run from init, before main
// reads os.Stdout and os.Stderr) attaches it to the console of the
// program that started it and points standard output and error that
// have no handle at that console (CONOUT$). Output that was redirected
// (to a file or a pipe) has a handle from the start and stays where it
// goes. Started from
// Explorer there is no parent console, and nothing changes.
//
// The shell does not wait for a GUI program: its prompt comes back at
// once and the output appears after it.

import (
	"os"
	"syscall"
)

func init() { attachConsole() }

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uint32(0)

func attachConsole() {
	if len(os.Args) < 2 {
		return // the window alone: nothing to print
	}
	// A GUI program starts without standard handles, unless the shell
	// redirected them; a redirected one is kept.
	noHandle := func(f *os.File) bool {
		return f == nil || f.Fd() == 0 || syscall.Handle(f.Fd()) == syscall.InvalidHandle
	}
	out, errOut := noHandle(os.Stdout), noHandle(os.Stderr)
	if !out && !errOut {
		return
	}
	kernel32 := syscall.NewLazyDLL("kernel32.dll")
	attach := kernel32.NewProc("AttachConsole")
	if attach.Find() != nil {
		return
	}
	if ok, _, _ := attach.Call(uintptr(attachParentProcess)); ok == 0 {
		return // no parent console (started from Explorer), or one already
	}
	reopen := func(std int, f **os.File) {
		con, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
		if err != nil {
			return
		}
		// Child processes and C code look at the process's handles.
		kernel32.NewProc("SetStdHandle").Call(uintptr(std), con.Fd())
		*f = con
	}
	if out {
		reopen(syscall.STD_OUTPUT_HANDLE, &os.Stdout)
	}
	if errOut {
		reopen(syscall.STD_ERROR_HANDLE, &os.Stderr)
	}
}
