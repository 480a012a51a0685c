package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	gosync "sync"
	"testing"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/server"
)

// TestBearerSchemeIsCaseInsensitive: RFC 7235 makes the scheme's name
// case-insensitive; a client writing "bearer" was refused.
func TestBearerSchemeIsCaseInsensitive(t *testing.T) {
	w := newWorld(t)
	a := w.device(w.a)
	sa, _ := a.SyncState(ctx)
	for _, c := range []struct {
		header string
		want   int
	}{
		{"Bearer " + sa.Token, 200},
		{"bearer " + sa.Token, 200},
		{"BEARER " + sa.Token, 200},
		{"bEaReR   " + sa.Token + " ", 200},
		{"Basic " + sa.Token, 401},
		{"Bearer", 401},
		{sa.Token, 401},
		{"bearer " + sa.Token + "x", 401},
	} {
		req, _ := http.NewRequest(http.MethodGet, w.srv.URL+"/v1/changes", nil)
		req.Header.Set("Authorization", c.header)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Errorf("Authorization %.12q…: %d, want %d", c.header, resp.StatusCode, c.want)
		}
	}
}

// syncBuffer is a log destination safe for the server's goroutines.
type syncBuffer struct {
	mu  gosync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestClientGoneIsNotAServerError: a device that disconnects while its
// push is being written (its request's context is canceled, the
// transaction fails) is logged as a client gone, not as a 500 with an
// internal error.
func TestClientGoneIsNotAServerError(t *testing.T) {
	st, err := server.OpenStore(server.NewTestDB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	logs := &syncBuffer{}
	api := server.NewAPI(st, slog.New(slog.NewTextHandler(logs, nil)))
	reqCtx, reached, done := make(chan context.Context, 1), make(chan struct{}), make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1/push" {
			reqCtx <- r.Context()
			defer close(done)
		}
		api.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	o, err := st.AddOffice(ctx, "KPU Kabupaten Sleman", "kpu", "kabupaten", "")
	if err != nil {
		t.Fatal(err)
	}
	code, _, _ := st.NewEnrollment(ctx, o.ID, server.EnrollmentTTL)
	dev, token, _, err := st.Enroll(ctx, code, "uji")
	if err != nil {
		t.Fatal(err)
	}
	// Inside the push's transaction: tell the test, then wait until the
	// server has seen the client go.
	st.SetHooks(server.Hooks{BeforePushCommit: func() {
		c := <-reqCtx
		close(reached)
		<-c.Done()
	}})
	e := entry("Rapat")
	e.ID, e.OfficeID = data.NewID(), o.ID
	b, _ := json.Marshal(e)
	body, _ := json.Marshal(syncapi.PushRequest{DeviceID: dev.ID, Schema: syncapi.SchemaVersion,
		Ops: []syncapi.Op{{OpID: data.NewID(), Kind: syncapi.KindEntry, ID: e.ID, OfficeID: o.ID, Op: syncapi.OpUpsert, Data: b}}})
	cctx, cancel := context.WithCancel(ctx)
	req, _ := http.NewRequestWithContext(cctx, http.MethodPost, srv.URL+"/v1/push", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	go func() {
		<-reached
		cancel() // the device goes away mid-request
	}()
	if resp, err := http.DefaultClient.Do(req); err == nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		t.Fatalf("the push was answered %d after the client went", resp.StatusCode)
	}
	<-done
	out := logs.String()
	if strings.Contains(out, "internal error") || strings.Contains(out, "status=500") {
		t.Fatalf("logged as a server error:\n%s", out)
	}
	if !strings.Contains(out, "client gone") || !strings.Contains(out, "status=499") {
		t.Fatalf("not logged as a client gone:\n%s", out)
	}
	if view := serverView(t, st, o.ID); len(view) != 1 { // the office profile only
		t.Fatalf("the abandoned push was stored: %v", view)
	}
}

// TestClientGoneMidBody: a device that drops its connection halfway
// through sending a request body is logged as a client gone (499), not as
// a bad request nor a server error; a complete body that is not JSON is
// still a 400.
func TestClientGoneMidBody(t *testing.T) {
	st, err := server.OpenStore(server.NewTestDB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	logs := &syncBuffer{}
	api := server.NewAPI(st, slog.New(slog.NewTextHandler(logs, nil)))
	done := make(chan struct{}, 2)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() { done <- struct{}{} }()
		api.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)

	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(conn, "POST /v1/enroll HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"code\":\"ABC")
	conn.Close() // gone with 988 bytes unsent
	<-done
	out := logs.String()
	if strings.Contains(out, "status=400") || strings.Contains(out, "status=500") {
		t.Fatalf("a dropped upload logged as an error:\n%s", out)
	}
	if !strings.Contains(out, "client gone") || !strings.Contains(out, "status=499") {
		t.Fatalf("not logged as a client gone:\n%s", out)
	}

	resp, err := http.Post(srv.URL+"/v1/enroll", "application/json", strings.NewReader(`{"code":`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	<-done
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("a truncated but complete body answered %d, want 400", resp.StatusCode)
	}
}

// TestSignInLogsNoPassword: a right and a wrong password at /v1/signin,
// and the first admin's creation, leave neither the password nor its
// verifier in the server's log.
func TestSignInLogsNoPassword(t *testing.T) {
	st, err := server.OpenStore(server.NewTestDB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	logs := &syncBuffer{}
	srv := httptest.NewServer(server.NewAPI(st, slog.New(slog.NewTextHandler(logs, nil))))
	t.Cleanup(srv.Close)
	o, err := st.AddOffice(ctx, "KPU Kabupaten Sleman", "kpu", "kabupaten", "")
	if err != nil {
		t.Fatal(err)
	}
	code, _, _ := st.NewEnrollment(ctx, o.ID, server.EnrollmentTTL)
	_, token, _, err := st.Enroll(ctx, code, "uji")
	if err != nil {
		t.Fatal(err)
	}
	p, password, err := st.AddPerson(ctx, o.ID, data.Person{Name: "Sri Lestari", Roles: data.List[string]{data.RoleAdmin}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		password string
		want     int
	}{{password, http.StatusOK}, {"sandi-yang-salah-77", http.StatusUnauthorized}} {
		body, _ := json.Marshal(syncapi.SignInRequest{PersonID: p.ID, Password: c.password, Schema: syncapi.SchemaVersion})
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/v1/signin", bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Fatalf("sign-in with %q answered %d, want %d", c.password, resp.StatusCode, c.want)
		}
	}
	out := logs.String()
	for _, secret := range []string{password, "sandi-yang-salah-77", "$2a$", "$2b$"} {
		if strings.Contains(out, secret) {
			t.Errorf("the log holds %q:\n%s", secret, out)
		}
	}
	if !strings.Contains(out, p.ID) {
		t.Errorf("the sign-ins are not logged by person id:\n%s", out)
	}
}
