package feeds

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

var ctx = context.Background()

// feedServer serves the fixtures in testdata, plus /lambat, which never
// answers before the client gives up, and /hilang, a 404.
func feedServer(t *testing.T) *httptest.Server {
	t.Helper()
	files := http.FileServer(http.Dir("testdata"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/lambat":
			<-r.Context().Done() // until the client's timeout closes the request
			return
		case "/hilang":
			http.NotFound(w, r)
			return
		}
		files.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func newStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "humasdesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

var keywords = []string{"KPU Sleman", "bupati sleman"}

func TestRefreshStoresMatchingItemsOnce(t *testing.T) {
	srv := feedServer(t)
	s := newStore(t)
	urls := []string{srv.URL + "/good.rss", srv.URL + "/good.atom", srv.URL + "/malformed.xml",
		srv.URL + "/lambat", srv.URL + "/hilang", srv.URL + "/duplicate.rss"}
	if err := s.SetFeedConfig(ctx, urls, keywords); err != nil {
		t.Fatal(err)
	}
	f := &Fetcher{Client: srv.Client(), Timeout: 300 * time.Millisecond}
	res, err := f.Refresh(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		items, added int
		err          string
	}{
		{3, 2, ""}, // the cabai item matches no keyword; the one without a link is dropped
		{2, 2, ""},
		{0, 0, "bukan RSS atau Atom yang sah"},
		{0, 0, "tidak menjawab dalam 0.3 detik"},
		{0, 0, "server menjawab 404"},
		{3, 1, ""}, // the same link twice, and one already suggested by good.rss
	}
	for i, w := range want {
		r := res[i]
		if r.URL != urls[i] || r.Items != w.items || r.New != w.added {
			t.Errorf("%s: %d items, %d new; want %d, %d", urls[i], r.Items, r.New, w.items, w.added)
		}
		switch {
		case w.err == "" && r.Err != nil:
			t.Errorf("%s: %v", urls[i], r.Err)
		case w.err != "" && (r.Err == nil || !strings.Contains(r.Err.Error(), w.err) || !strings.Contains(r.Err.Error(), urls[i])):
			t.Errorf("%s: error %v, want one naming the feed and %q", urls[i], r.Err, w.err)
		}
	}
	sugg, err := s.FeedSuggestions(ctx)
	if err != nil || len(sugg) != 5 {
		t.Fatalf("%d suggestions, %v", len(sugg), err)
	}
	for _, it := range sugg {
		if strings.Contains(it.Title, "<") || strings.Contains(it.Summary, "<b>") {
			t.Errorf("HTML left in %q / %q", it.Title, it.Summary)
		}
		if strings.Contains(it.Link, "rusak.example") {
			t.Errorf("an item of the malformed feed was stored")
		}
	}

	// A second run, as after a restart, adds nothing; an accepted and a
	// dismissed item stay out of the suggestions.
	s.Close()
	s2, err := store.Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	first := sugg[0]
	c := store.ClippingFromFeed(first)
	c.Tone = data.TonePositive
	if err := s2.AcceptFeedItem(ctx, first.Link, c); err != nil {
		t.Fatal(err)
	}
	if err := s2.DismissFeedItem(ctx, sugg[1].Link); err != nil {
		t.Fatal(err)
	}
	res, _ = f.Refresh(ctx, s2)
	for _, r := range res {
		if r.New != 0 {
			t.Errorf("%s: %d new on the second run", r.URL, r.New)
		}
	}
	left, _ := s2.FeedSuggestions(ctx)
	if len(left) != 3 {
		t.Errorf("%d suggestions left, want 3", len(left))
	}
	got, err := s2.ClippingByLink(ctx, first.Link)
	if err != nil || got.Source != "feed" || got.Tone != data.TonePositive || got.Headline != first.Title {
		t.Errorf("accepted clipping %+v %v", got, err)
	}
	if err := s2.AcceptFeedItem(ctx, first.Link, store.ClippingFromFeed(first)); err != store.ErrNotFound {
		t.Errorf("accepted twice: %v", err)
	}
}

func TestSetFeedConfigRefusesBadAddress(t *testing.T) {
	s := newStore(t)
	if err := s.SetFeedConfig(ctx, []string{"https://a.example/rss"}, []string{"KPU"}); err != nil {
		t.Fatal(err)
	}
	err := s.SetFeedConfig(ctx, []string{" https://b.example/rss ", "b.example/feed"}, []string{"x"})
	if err == nil || !strings.Contains(err.Error(), `alamat umpan ke-2 ("b.example/feed")`) {
		t.Fatalf("error %v", err)
	}
	urls, kw, _ := s.FeedConfig(ctx)
	if len(urls) != 1 || urls[0] != "https://a.example/rss" || kw[0] != "KPU" {
		t.Errorf("config changed by a refused save: %v %v", urls, kw)
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Ketua KPU SLEMAN hadir", []string{"KPU Sleman"}},
		{"Bupati Sleman dan KPU Sleman", []string{"KPU Sleman", "bupati sleman"}},
		{"KPU Bantul", nil},
	}
	for _, tc := range tests {
		got := Match(tc.text, keywords)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Match(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
