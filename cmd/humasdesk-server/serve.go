package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/humasdesk/humasdesk/server"
)

func runServe(args []string, out io.Writer) error {
	fs := flags("serve")
	addr := fs.String("addr", env("HUMASDESK_SERVER_ADDR", "127.0.0.1:8080"), "listen address")
	db := dbFlag(fs)
	cert := fs.String("tls-cert", env("HUMASDESK_SERVER_TLS_CERT", ""), "TLS certificate (PEM)")
	key := fs.String("tls-key", env("HUMASDESK_SERVER_TLS_KEY", ""), "TLS key (PEM)")
	if err := parse(fs, args, 0); err != nil {
		return err
	}
	if (*cert == "") != (*key == "") {
		return usageError{say("serve: --tls-cert dan --tls-key harus diisi bersama", "serve: --tls-cert and --tls-key go together")}
	}
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	st, err := server.OpenStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	st.SetHooks(faultHooks(log))
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	srv := &http.Server{Handler: server.NewAPI(st, log), ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 2 * time.Minute, WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() {
		if *cert != "" {
			errc <- srv.ServeTLS(ln, *cert, *key)
		} else {
			errc <- srv.Serve(ln)
		}
	}()
	// The address line lets scripts and tests find a port chosen with :0.
	fmt.Fprintf(out, "listening on %s\n", ln.Addr())
	log.Info("server started", "addr", ln.Addr().String(), "tls", *cert != "", "postgres", isPostgres(*db))
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func isPostgres(dsn string) bool {
	return len(dsn) > 8 && (dsn[:9] == "postgres:" || len(dsn) > 10 && dsn[:11] == "postgresql:")
}
