//go:build !unix

package main

import (
	"os"

	"github.com/humasdesk/humasdesk/server"
)

type serverHooks = server.Hooks

func crash() { os.Exit(137) }
