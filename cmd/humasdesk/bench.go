package main

import (
	"errors"
	"io"
)

func runBench(args []string, out io.Writer) error { return errors.New("bench: belum dibuat") }
