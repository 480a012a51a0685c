package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/humasdesk/humasdesk/data"
)

// Feed suggestions (data/feeds fetches them). The feeds and keywords are a
// setting of this device; the items seen are kept in feed_items, on this
// device only, by link, so that an item is suggested once, whatever its
// fate, also after a restart. Accepting one makes it a clipping.

// Settings of the feeds.
const (
	settingFeedURLs     = "feeds.urls"
	settingFeedKeywords = "feeds.keywords"
)

// States of a feed item.
const (
	FeedNew       = "baru"
	FeedAccepted  = "diterima"
	FeedDismissed = "diabaikan"
)

// FeedItem is one item a feed offered that matched a keyword.
type FeedItem struct {
	Link       string `gorm:"primaryKey"`
	FeedURL    string
	Title      string
	Summary    string
	Published  *time.Time
	Matched    string // the keywords it matched, joined by ", "
	State      string
	ClippingID string
	FetchedAt  time.Time
}

// TableName implements gorm's Tabler.
func (FeedItem) TableName() string { return "feed_items" }

// FeedConfig returns the feed addresses and keywords.
func (s *Store) FeedConfig(ctx context.Context) (urls, keywords []string, err error) {
	if urls, err = s.jsonList(ctx, settingFeedURLs); err != nil {
		return nil, nil, err
	}
	keywords, err = s.jsonList(ctx, settingFeedKeywords)
	return urls, keywords, err
}

func (s *Store) jsonList(ctx context.Context, key string) ([]string, error) {
	v, err := s.Setting(ctx, key, "[]")
	if err != nil {
		return nil, err
	}
	var out []string
	if err := json.Unmarshal([]byte(v), &out); err != nil {
		return nil, fmt.Errorf("pengaturan %s rusak: %w", key, err)
	}
	return out, nil
}

// SetFeedConfig stores the feed addresses and keywords, trimmed, without
// empty or repeated ones. An address that is not http(s) is refused,
// naming it, and nothing is stored.
func (s *Store) SetFeedConfig(ctx context.Context, urls, keywords []string) error {
	urls, keywords = tidy(urls, false), tidy(keywords, true)
	for i, u := range urls {
		if !data.ValidURL(u) {
			return fmt.Errorf("alamat umpan ke-%d (%q) %s", i+1, u, data.FieldError{Rule: data.RuleURL}.Message(data.LangID))
		}
	}
	u, _ := json.Marshal(urls)
	k, _ := json.Marshal(keywords)
	return s.write(ctx, func(tx *gorm.DB) error {
		for key, v := range map[string]string{settingFeedURLs: string(u), settingFeedKeywords: string(k)} {
			if err := tx.Save(&setting{key, v}).Error; err != nil {
				return err
			}
		}
		return nil
	})
}

func tidy(in []string, fold bool) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, v := range in {
		v = strings.Join(strings.Fields(v), " ")
		key := v
		if fold {
			key = strings.ToLower(v)
		}
		if v != "" && !seen[key] {
			seen[key] = true
			out = append(out, v)
		}
	}
	return out
}

// AddFeedItems stores the new items of one feed's fetch, in one
// transaction: an item whose link was seen before, or is already a
// clipping of this office, is left out. It returns how many were added.
func (s *Store) AddFeedItems(ctx context.Context, items []FeedItem) (added int, err error) {
	err = s.write(ctx, func(tx *gorm.DB) error {
		own, err := currentOfficeID(tx)
		if err != nil {
			return err
		}
		for _, it := range items {
			var n int64
			if err := tx.Table("clippings").Where("deleted = 0 AND office_id = ? AND link = ?", own, it.Link).Count(&n).Error; err != nil {
				return err
			}
			if n > 0 {
				continue
			}
			it.State = FeedNew
			res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&it)
			if res.Error != nil {
				return res.Error
			}
			added += int(res.RowsAffected)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

// FeedSuggestions lists the items waiting for a decision, newest first.
func (s *Store) FeedSuggestions(ctx context.Context) ([]FeedItem, error) {
	var out []FeedItem
	err := s.read(ctx).Where("state = ?", FeedNew).Order("published DESC, link").Find(&out).Error
	return out, err
}

// DismissFeedItem sets a suggestion aside for good.
func (s *Store) DismissFeedItem(ctx context.Context, link string) error {
	return s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Model(&FeedItem{}).Where("link = ? AND state = ?", link, FeedNew).Update("state", FeedDismissed)
		if res.Error == nil && res.RowsAffected == 0 {
			return ErrNotFound
		}
		return res.Error
	})
}

// ClippingFromFeed is the clipping a suggestion becomes unless the user
// changes it: dated on its publication, neutral, online, from a feed.
func ClippingFromFeed(it FeedItem) *data.Clipping {
	d := data.DateOf(it.FetchedAt.In(time.Local))
	if it.Published != nil {
		d = data.DateOf(it.Published.In(time.Local))
	}
	return &data.Clipping{Date: d, Outlet: outletOf(it.Link), Medium: "online", Headline: it.Title,
		Link: it.Link, Summary: it.Summary, Tone: data.ToneNeutral, Source: "feed"}
}

// outletOf guesses an outlet's name from the article's host.
func outletOf(link string) string {
	host := link
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	return strings.TrimPrefix(host, "www.")
}

// AcceptFeedItem registers the suggestion as the clipping c (the user's
// edit of ClippingFromFeed) and marks it accepted, in one transaction.
func (s *Store) AcceptFeedItem(ctx context.Context, link string, c *data.Clipping) error {
	c.Normalize()
	if err := c.Validate(); err != nil {
		return err
	}
	return s.write(ctx, func(tx *gorm.DB) error {
		var it FeedItem
		if err := tx.Where("link = ? AND state = ?", link, FeedNew).Take(&it).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return ErrNotFound
			}
			return err
		}
		if err := clippingLinks(tx, c); err != nil {
			return err
		}
		if err := s.saveTx(tx, c); err != nil {
			return err
		}
		return tx.Model(&FeedItem{}).Where("link = ?", link).
			Updates(map[string]any{"state": FeedAccepted, "clipping_id": c.ID}).Error
	})
}
