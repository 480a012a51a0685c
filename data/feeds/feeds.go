// Package feeds fetches the RSS and Atom feeds an office follows (news
// sites, Google Alerts-style feeds), keeps the items that mention one of
// its keywords, and stores them as suggestions (data/store's feed_items)
// for the monitoring screen to accept as clippings or dismiss. Parsing is
// github.com/mmcdole/gofeed's; each feed is fetched with its own timeout,
// and a feed that fails gives one clear Indonesian error and stores
// nothing.
package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// Timeout is how long one feed may take by default.
const Timeout = 20 * time.Second

// maxBody bounds a feed's size: a news feed is well under a megabyte.
const maxBody = 5 << 20

// Fetcher fetches feeds.
type Fetcher struct {
	Client  *http.Client  // nil: http.DefaultClient
	Timeout time.Duration // per feed; 0: Timeout
	Now     func() time.Time
}

// Result is one feed's fetch.
type Result struct {
	URL   string
	Items int   // items in the feed
	New   int   // new suggestions stored
	Err   error // nil when the feed was read and stored
}

// Fetch reads one feed and returns its items with a link.
func (f *Fetcher) Fetch(ctx context.Context, url string) ([]*gofeed.Item, error) {
	timeout := f.Timeout
	if timeout == 0 {
		timeout = Timeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	body, err := f.get(ctx, url)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
			return nil, fmt.Errorf("umpan %s tidak menjawab dalam %s; coba lagi nanti", url, seconds(timeout))
		}
		return nil, err
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("umpan %s bukan RSS atau Atom yang sah: %v", url, err)
	}
	var out []*gofeed.Item
	for _, it := range feed.Items {
		if it != nil && data.ValidURL(strings.TrimSpace(it.Link)) {
			out = append(out, it)
		}
	}
	return out, nil
}

func (f *Fetcher) get(ctx context.Context, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("alamat umpan %s tidak sah: %v", url, err)
	}
	req.Header.Set("User-Agent", "HumasDesk")
	client := f.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
			return nil, err
		}
		return nil, fmt.Errorf("umpan %s tidak dapat dihubungi: %v", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("umpan %s: server menjawab %s", url, resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
			return nil, err
		}
		return nil, fmt.Errorf("umpan %s terputus saat dibaca: %v", url, err)
	}
	if len(body) > maxBody {
		return nil, fmt.Errorf("umpan %s terlalu besar (lebih dari %d MB)", url, maxBody>>20)
	}
	return body, nil
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func seconds(d time.Duration) string { return fmt.Sprintf("%g detik", d.Seconds()) }

// Match returns the keywords found in the text, case-insensitively, in
// the order given.
func Match(text string, keywords []string) []string {
	low := strings.ToLower(text)
	var out []string
	for _, k := range keywords {
		if k = strings.TrimSpace(k); k != "" && strings.Contains(low, strings.ToLower(k)) {
			out = append(out, k)
		}
	}
	return out
}

var tags = regexp.MustCompile(`<[^>]*>`)

// plain turns a feed's HTML description into short plain text.
func plain(s string, max int) string {
	s = strings.Join(strings.Fields(html.UnescapeString(tags.ReplaceAllString(s, " "))), " ")
	if r := []rune(s); len(r) > max {
		s = string(r[:max-1]) + "…"
	}
	return s
}

// Suggestions turns a feed's items into the suggestions that match a
// keyword.
func (f *Fetcher) Suggestions(url string, items []*gofeed.Item, keywords []string) []store.FeedItem {
	now := time.Now
	if f.Now != nil {
		now = f.Now
	}
	var out []store.FeedItem
	for _, it := range items {
		title := plain(it.Title, data.MaxLine)
		summary := plain(it.Description, 1000)
		matched := Match(title+"\n"+summary, keywords)
		if len(matched) == 0 || title == "" {
			continue
		}
		fi := store.FeedItem{Link: strings.TrimSpace(it.Link), FeedURL: url, Title: title, Summary: summary,
			Matched: strings.Join(matched, ", "), FetchedAt: now().UTC()}
		if p := it.PublishedParsed; p != nil {
			t := p.UTC()
			fi.Published = &t
		} else if p := it.UpdatedParsed; p != nil {
			t := p.UTC()
			fi.Published = &t
		}
		out = append(out, fi)
	}
	return out
}

// Refresh fetches every feed of the store's configuration and stores the
// new matching items, one feed at a time; a failing feed does not stop
// the others. It returns one Result per feed.
func (f *Fetcher) Refresh(ctx context.Context, st *store.Store) ([]Result, error) {
	urls, keywords, err := st.FeedConfig(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Result, 0, len(urls))
	for _, u := range urls {
		r := Result{URL: u}
		items, err := f.Fetch(ctx, u)
		if err != nil {
			r.Err = err
			out = append(out, r)
			continue
		}
		r.Items = len(items)
		r.New, r.Err = st.AddFeedItems(ctx, f.Suggestions(u, items, keywords))
		out = append(out, r)
	}
	return out, nil
}
