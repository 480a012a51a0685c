package main

import (
	"io"
)

func runDemo(args []string, out io.Writer) error {
	fs := newFlags("demo")
	dbPath := fs.String("db", "", "database file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	return nil
}
