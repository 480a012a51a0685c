//go:build unix

package main

import (
	"os"
	"syscall"

	"github.com/humasdesk/humasdesk/server"
)

type serverHooks = server.Hooks

// crash ends the process the way a power cut or OOM kill would: SIGKILL,
// no deferred functions, no flushing.
func crash() { syscall.Kill(os.Getpid(), syscall.SIGKILL) }
