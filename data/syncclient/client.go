// Package syncclient is the app's side of sync: it enrolls the
// installation with a server, and in each round uploads photos, pushes the
// outbox, pulls the change feed and downloads photos, using data/store for
// every local write. It has no user interface; the app and the command
// line drive it.
package syncclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"github.com/humasdesk/humasdesk/data/store"
	"github.com/humasdesk/humasdesk/data/syncapi"
)

// ErrNotEnrolled means the installation has no device token yet.
var ErrNotEnrolled = errors.New("belum terdaftar di server sinkronisasi (Pengaturan → Sinkronisasi)")

// HTTPError is an error answer of the server.
type HTTPError struct {
	Status int
	Code   string
	Msg    string
}

func (e *HTTPError) Error() string {
	switch {
	case e.Code == "bad_signin" || e.Code == "signin_wait":
		return e.Msg
	case e.Status == http.StatusUnauthorized:
		return "token perangkat ditolak server (dicabut atau tidak sah); daftarkan ulang perangkat ini: " + e.Msg
	case e.Status >= 500:
		return fmt.Sprintf("server sedang bermasalah (HTTP %d); akan dicoba lagi", e.Status)
	}
	return fmt.Sprintf("server menolak permintaan (HTTP %d): %s", e.Status, e.Msg)
}

// Retryable reports whether trying again later may succeed: network
// failures and server errors are; a refusal (4xx) is not.
func Retryable(err error) bool {
	var he *HTTPError
	if errors.As(err, &he) {
		return he.Status >= 500 || he.Status == http.StatusTooManyRequests
	}
	return !errors.Is(err, ErrNotEnrolled) && !errors.Is(err, context.Canceled)
}

// Client talks to one server for one store.
type Client struct {
	st    *store.Store
	http  *http.Client
	base  string
	token string
	dev   string

	// Compress asks the server for gzipped answers: a page of 1,000
	// pulled records is 1.4 MB as JSON and about 0.15 MB gzipped. The
	// server spends some 8 ms and the device 3 ms on a page, which is far
	// less than the smaller page saves on an office's internet link and
	// more than it saves on this machine or a local network. New sets it
	// for any server not on those (see remoteHost).
	Compress bool
}

// DefaultHTTP is the HTTP client used when none is given: bounded so that
// a dead connection fails a round instead of hanging it.
var DefaultHTTP = &http.Client{Timeout: 60 * time.Second}

// New returns a client for an enrolled store.
func New(st *store.Store, hc *http.Client) (*Client, error) {
	state, err := st.SyncState(context.Background())
	if err != nil {
		return nil, err
	}
	if !state.Enrolled() {
		return nil, ErrNotEnrolled
	}
	if hc == nil {
		hc = DefaultHTTP
	}
	base := strings.TrimRight(state.Server, "/")
	c := &Client{st: st, http: hc, base: base, token: state.Token, dev: state.DeviceID}
	if u, err := url.Parse(base); err == nil {
		c.Compress = remoteHost(u.Hostname())
	}
	return c, nil
}

// remoteHost tells whether a server named host is reached over the
// internet rather than on this machine or a local network: any name but
// localhost, and any address outside the loopback, private and
// link-local ranges.
func remoteHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return false
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return true // a name: the internet, as far as we can tell
	}
	return !(ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsUnspecified())
}

// Enroll exchanges a one-time code for a device token and makes the
// server's office this installation's office.
func Enroll(ctx context.Context, st *store.Store, hc *http.Client, server, code, deviceName string) (*syncapi.EnrollResponse, error) {
	server = strings.TrimRight(strings.TrimSpace(server), "/")
	u, err := url.Parse(server)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("alamat server %q tidak sah (contoh: https://sync.kpu-diy.go.id)", server)
	}
	if hc == nil {
		hc = DefaultHTTP
	}
	c := &Client{st: st, http: hc, base: server}
	var resp syncapi.EnrollResponse
	req := syncapi.EnrollRequest{Code: strings.TrimSpace(code), DeviceName: deviceName, Schema: syncapi.SchemaVersion}
	if req.OfficeID, err = enrolledOffice(ctx, st); err != nil {
		return nil, err
	}
	err = c.call(ctx, http.MethodPost, "/v1/enroll", req, &resp)
	if he, ok := err.(*HTTPError); ok && he.Code == syncapi.CodeOfficeMismatch {
		return nil, fmt.Errorf("%w (kode tidak terpakai: masih dapat dipakai perangkat kantornya)", store.ErrAlreadyEnrolled)
	}
	if err != nil {
		return nil, err
	}
	if err := st.AdoptEnrollment(ctx, server, resp); err != nil {
		// The server made a device this installation will not use: undo
		// it, so that no active device is left behind (a server that
		// ignored OfficeID, or a local failure).
		c.token = resp.Token
		if cerr := c.cancelEnrollment(context.WithoutCancel(ctx)); cerr != nil {
			return nil, fmt.Errorf("%w (pendaftaran di server juga tidak dapat dibatalkan: %v; minta administrator mencabut perangkat %s)", err, cerr, resp.DeviceID)
		}
		return nil, err
	}
	return &resp, nil
}

// enrolledOffice is the office an enrolled installation is enrolled for,
// or "" for one not enrolled yet.
func enrolledOffice(ctx context.Context, st *store.Store) (string, error) {
	state, err := st.SyncState(ctx)
	if err != nil || !state.Enrolled() {
		return "", err
	}
	o, err := st.CurrentOffice(ctx)
	if err != nil {
		return "", err
	}
	return o.ID, nil
}

// cancelEnrollment revokes the device of c's token on the server.
func (c *Client) cancelEnrollment(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/enroll/cancel", nil)
	if err != nil {
		return err
	}
	resp, err := c.do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// call sends a JSON request and decodes a JSON answer into out.
func (c *Client) call(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("jawaban server tidak terbaca: %w", err)
	}
	return nil
}

// do sends an authenticated request and turns error answers into
// HTTPError; a network failure says so in plain Indonesian.
func (c *Client) do(req *http.Request) (*http.Response, error) {
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	if !c.Compress {
		// Without it Go's transport asks for gzip (and unpacks it).
		req.Header.Set("Accept-Encoding", "identity")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if req.Context().Err() != nil {
			return nil, req.Context().Err()
		}
		return nil, fmt.Errorf("server tidak dapat dihubungi (%s): %w", c.base, err)
	}
	if resp.StatusCode < 300 {
		return resp, nil
	}
	defer resp.Body.Close()
	var e syncapi.Error
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	if json.Unmarshal(raw, &e) != nil || e.Error == "" {
		e.Error = strings.TrimSpace(string(raw))
	}
	return nil, &HTTPError{Status: resp.StatusCode, Code: e.Code, Msg: e.Error}
}
