package monitoring

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data/feeds"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
)

// FeedEvery is how often the feeds are fetched in the background.
const FeedEvery = 30 * time.Minute

// Suggestions is the feed tab: the feeds and keywords, the last fetch's
// outcome per feed, and the items waiting to be accepted or dismissed.
type Suggestions struct {
	d        Deps
	v        *View
	URLs     *widget.Entry // one feed address per line
	Keywords *widget.Entry // one keyword per line
	SaveBtn  *widget.Button
	FetchBtn *widget.Button
	Status   *widget.Label // per feed: how many new, or why it failed
	List     *fyne.Container
	Items    []store.FeedItem // what List shows
	busy     bool
	// Fetched is told after a fetch's outcome is shown (tests wait on it).
	Fetched func()
	Content fyne.CanvasObject
}

func newSuggestions(d Deps, v *View) *Suggestions {
	s := &Suggestions{d: d, v: v, URLs: kit.NewMultiLine(3), Keywords: kit.NewMultiLine(3),
		Status: widget.NewLabel(""), List: container.NewVBox()}
	s.URLs.SetPlaceHolder(lang.L("One feed address per line, https://…"))
	s.Keywords.SetPlaceHolder(lang.L("One keyword per line: the office's name, the regional head, current issues"))
	s.Status.Wrapping = fyne.TextWrapWord
	s.SaveBtn = widget.NewButtonWithIcon(lang.L("Save feeds"), theme.DocumentSaveIcon(), s.saveConfig)
	s.FetchBtn = widget.NewButtonWithIcon(lang.L("Fetch now"), theme.ViewRefreshIcon(), s.FetchNow)
	form := widget.NewForm(widget.NewFormItem(lang.L("Feeds (RSS/Atom)"), s.URLs), widget.NewFormItem(lang.L("Keywords"), s.Keywords))
	cfg := widget.NewCard(lang.L("Feeds and keywords"), "", container.NewVBox(form, container.NewHBox(s.SaveBtn, s.FetchBtn), s.Status))
	s.Content = container.NewVScroll(container.NewVBox(cfg, widget.NewCard(lang.L("Suggestions"), "", s.List)))
	s.loadConfig()
	return s
}

func (s *Suggestions) loadConfig() {
	urls, kws, err := s.d.Store().FeedConfig(s.d.Host.Ctx())
	if err != nil {
		s.d.Host.ShowError(lang.L("Could not read the feeds"), err)
		return
	}
	s.URLs.SetText(strings.Join(urls, "\n"))
	s.Keywords.SetText(strings.Join(kws, "\n"))
}

func (s *Suggestions) saveConfig() {
	err := s.d.Store().SetFeedConfig(s.d.Host.Ctx(), strings.Split(s.URLs.Text, "\n"), strings.Split(s.Keywords.Text, "\n"))
	if err != nil {
		s.d.Host.ShowError(lang.L("Could not save the feeds"), err)
		return
	}
	s.loadConfig()
}

// Refresh shows the waiting suggestions.
func (s *Suggestions) Refresh() {
	items, err := s.d.Store().FeedSuggestions(s.d.Host.Ctx())
	if err != nil {
		s.d.Host.ShowError(lang.L("Could not read the suggestions"), err)
		return
	}
	s.Items = items
	s.List.RemoveAll()
	if len(items) == 0 {
		s.List.Add(widget.NewLabel(lang.L("No suggestions waiting.")))
	}
	for _, it := range items {
		s.List.Add(s.row(it))
	}
}

func (s *Suggestions) row(it store.FeedItem) fyne.CanvasObject {
	title := widget.NewLabel(it.Title)
	title.TextStyle.Bold = true
	title.Wrapping = fyne.TextWrapWord
	when := ""
	if it.Published != nil {
		when = iddate.Medium(dateOf(*it.Published)) + " · "
	}
	meta := widget.NewLabel(when + it.Link + " · " + lang.L("Matches:") + " " + it.Matched)
	meta.Importance = widget.LowImportance
	meta.Wrapping = fyne.TextWrapWord
	accept := widget.NewButtonWithIcon(lang.L("Accept"), theme.ConfirmIcon(), func() { s.Accept(it.Link) })
	accept.Importance = widget.HighImportance
	dismiss := widget.NewButtonWithIcon(lang.L("Dismiss"), theme.CancelIcon(), func() { s.Dismiss(it.Link) })
	return container.NewBorder(nil, widget.NewSeparator(), nil, container.NewHBox(accept, dismiss), container.NewVBox(title, meta))
}

// Accept registers the suggestion as a clipping and opens it in the
// register's form, where the user sets its tone and links.
func (s *Suggestions) Accept(link string) {
	for _, it := range s.Items {
		if it.Link != link {
			continue
		}
		c := store.ClippingFromFeed(it)
		if err := s.d.Store().AcceptFeedItem(s.d.Host.Ctx(), link, c); err != nil {
			s.d.Host.ShowError(lang.L("Could not accept the suggestion"), err)
			return
		}
		s.d.Host.LocalChange()
		s.Refresh()
		s.v.Tabs.SelectIndex(0)
		s.v.Register.Reload()
		s.v.Register.Show(c)
		return
	}
}

// Dismiss sets the suggestion aside for good.
func (s *Suggestions) Dismiss(link string) {
	if err := s.d.Store().DismissFeedItem(s.d.Host.Ctx(), link); err != nil {
		s.d.Host.ShowError(lang.L("Could not dismiss the suggestion"), err)
		return
	}
	s.Refresh()
}

// FetchNow fetches every feed off the main goroutine and shows the
// outcome; a fetch under way is not started twice.
func (s *Suggestions) FetchNow() {
	if s.busy || s.d.Feeds == nil {
		return
	}
	s.busy = true
	s.FetchBtn.Disable()
	s.Status.SetText(lang.L("Fetching the feeds…"))
	st := s.d.Store()
	go func() {
		res, err := s.d.Feeds.Refresh(context.Background(), st)
		fyne.Do(func() { s.fetched(res, err) })
	}()
}

func (s *Suggestions) fetched(res []feeds.Result, err error) {
	s.busy = false
	s.FetchBtn.Enable()
	switch {
	case err != nil:
		s.Status.SetText(err.Error())
	case len(res) == 0:
		s.Status.SetText(lang.L("No feeds listed yet."))
	default:
		var lines []string
		for _, r := range res {
			if r.Err != nil {
				lines = append(lines, r.Err.Error())
			} else {
				lines = append(lines, lang.L("{{.Feed}}: {{.New}} new suggestions", map[string]any{"Feed": r.URL, "New": r.New}))
			}
		}
		s.Status.SetText(strings.Join(lines, "\n"))
	}
	s.Refresh()
	if s.Fetched != nil {
		s.Fetched()
	}
}

// StartBackground fetches the feeds every FeedEvery until ctx ends. A
// fetch while offline fails per feed and is shown; the next one tries
// again.
func (s *Suggestions) StartBackground(ctx context.Context) {
	go func() {
		t := time.NewTicker(FeedEvery)
		defer t.Stop()
		for {
			fyne.Do(s.FetchNow)
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
}
