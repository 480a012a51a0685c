package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/humasdesk/humasdesk/data/syncclient"
)

// runEnroll registers this installation with a sync server.
func runEnroll(args []string, out io.Writer) error {
	fs := newFlags("enroll")
	dbPath := fs.String("db", "", "database file")
	server := fs.String("server", "", "server address, e.g. https://sync.example.go.id")
	code := fs.String("code", "", "one-time enrollment code from the administrator")
	name := fs.String("name", "", "a name for this device (default: the host name)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *server == "" || *code == "" {
		return usageError{say("enroll: --server dan --code wajib diisi", "enroll: --server and --code are required")}
	}
	if *name == "" {
		*name, _ = os.Hostname()
	}
	st, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	resp, err := syncclient.Enroll(bgCtx(), st, nil, *server, *code, *name)
	if err != nil {
		return fmt.Errorf("enroll: %w", err)
	}
	fmt.Fprintf(out, say("Terdaftar sebagai perangkat %s untuk %s (%s).\n", "Enrolled as device %s for %s (%s).\n"), resp.DeviceID, resp.Office.Name, resp.Office.Level)
	return nil
}

// runSync runs one full sync round and prints what moved.
func runSync(args []string, out io.Writer) error {
	fs := newFlags("sync")
	dbPath := fs.String("db", "", "database file")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := syncclient.New(st, nil)
	if err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep, err := c.Sync(ctx)
	fmt.Fprintln(out, say("Sinkronisasi: ", "Sync: ")+rep.String())
	if err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	if pending, _ := st.PendingChanges(ctx); pending > 0 {
		return fmt.Errorf(say("sync: %d perubahan belum terkirim", "sync: %d changes not sent yet"), pending)
	}
	return nil
}
