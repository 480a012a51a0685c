package server_test

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"strings"
	gosync "sync"
	"testing"

	"github.com/humasdesk/humasdesk/data/syncapi"
	"github.com/humasdesk/humasdesk/data/syncclient"
)

// getChanges asks for a page of changes with the given Accept-Encoding
// and returns the page and whether it came gzipped.
func getChanges(t *testing.T, url, token, acceptEncoding string) (syncapi.ChangesResponse, bool) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	resp, err := (&http.Client{Transport: &http.Transport{DisableCompression: true}}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("HTTP %d", resp.StatusCode)
	}
	var body io.Reader = resp.Body
	gzipped := resp.Header.Get("Content-Encoding") == "gzip"
	if gzipped {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		body = zr
	}
	var page syncapi.ChangesResponse
	if err := json.NewDecoder(body).Decode(&page); err != nil {
		t.Fatal(err)
	}
	return page, gzipped
}

// A page of changes comes gzipped when the request accepts gzip, and is the
// same page either way; a small page never is.
func TestChangesGzipped(t *testing.T) {
	w := newWorld(t)
	a := w.device(w.a)
	for i := range 30 {
		if err := a.SaveEntry(ctx, entry(fmt.Sprintf("Sosialisasi pemilih pemula %02d", i))); err != nil {
			t.Fatal(err)
		}
	}
	sync(t, a)
	st, _ := a.SyncState(ctx)
	url := w.srv.URL + "/v1/changes?since=0&limit=1000"
	plain, gz := getChanges(t, url, st.Token, "")
	if gz || len(plain.Changes) < 30 {
		t.Fatalf("without Accept-Encoding: gzipped %v, %d changes", gz, len(plain.Changes))
	}
	for accept, want := range map[string]bool{
		"gzip":                 true,
		"GZIP":                 true,
		"br, gzip;q=0.5":       true,
		"deflate, gzip ; q=1":  true,
		"gzip;q=0":             false,
		"identity":             false,
		"br":                   false,
		"x-gzip-not-really, *": false,
	} {
		page, gz := getChanges(t, url, st.Token, accept)
		if gz != want {
			t.Errorf("Accept-Encoding %q: gzipped %v, want %v", accept, gz, want)
		}
		if !reflect.DeepEqual(page, plain) {
			t.Errorf("Accept-Encoding %q: a different page", accept)
		}
	}
	for _, limit := range []int{0, 5} { // nothing left; 5 records, about 3 KB
		since := plain.Head
		if limit > 0 {
			since = 0
		}
		page, gz := getChanges(t, fmt.Sprintf("%s/v1/changes?since=%d&limit=%d", w.srv.URL, since, max(limit, 1)), st.Token, "gzip")
		if gz {
			t.Errorf("a page of %d changes came gzipped", len(page.Changes))
		}
	}
}

// encodingWatcher notes, per page of changes, whether it crossed the
// wire gzipped (Go's transport unpacks it and says so).
type encodingWatcher struct {
	mu      gosync.Mutex
	gzipped []bool
}

func (e *encodingWatcher) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err == nil && strings.HasPrefix(r.URL.Path, "/v1/changes") {
		e.mu.Lock()
		e.gzipped = append(e.gzipped, resp.Uncompressed)
		e.mu.Unlock()
	}
	return resp, err
}

// A device whose server is across the internet pulls gzipped pages; one on
// this machine or the local network does not. Both end up equal to the
// server.
func TestPullCompressedOverTheInternetOnly(t *testing.T) {
	setPullLimit(t, 40)
	w := newWorld(t)
	a := w.device(w.a)
	for i := range 150 {
		e := entry(fmt.Sprintf("Klarifikasi hoaks %03d", i))
		e.Notes = strings.Repeat("Tim humas menyampaikan klarifikasi kepada media. ", 10)
		if err := a.SaveEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	sync(t, a)
	for _, remote := range []bool{false, true} {
		t.Run(fmt.Sprintf("remote %v", remote), func(t *testing.T) {
			b := w.device(w.a)
			watch := &encodingWatcher{}
			c, err := syncclient.New(b, &http.Client{Transport: watch})
			if err != nil {
				t.Fatal(err)
			}
			if c.Compress {
				t.Fatalf("a server at %s is taken for a remote one", w.srv.URL)
			}
			c.Compress = remote // as New sets it for a server across the internet
			if _, err := c.Sync(ctx); err != nil {
				t.Fatal(err)
			}
			if len(watch.gzipped) < 4 {
				t.Fatalf("only %d pages", len(watch.gzipped))
			}
			for i, gz := range watch.gzipped {
				// Full pages here are some 30 KB; the last may be
				// too small to gzip.
				if want := remote; gz != want && i < len(watch.gzipped)-1 {
					t.Errorf("page %d gzipped %v, want %v (%v)", i+1, gz, want, watch.gzipped)
				}
			}
			assertReplicaEqualsServer(t, "device b", b, w.st)
		})
	}
}
