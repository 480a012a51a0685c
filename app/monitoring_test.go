package app

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
)

// The Kliping register: a clipping typed into the form is stored; one
// without a headline is refused with the field's message and nothing is
// stored.
func TestClippingRegister(t *testing.T) {
	u, st := newTestUI(t)
	v := u.monitor.view
	u.selectView(v.Content)
	b, f := v.Register, v.Form

	// Given a new clipping without a headline
	test.Tap(b.NewBtn)
	test.Type(f.Other, "Radar Sleman")
	f.Tone.SetCode(data.ToneNegative)
	test.Tap(b.SaveBtn)
	// Then the headline says why, and nothing is stored
	if got := f.Fields().ErrorText("headline"); got != "Judul berita wajib diisi" {
		t.Errorf("headline error %q", got)
	}
	if n, _ := st.CountClippings(ctx, store.ClippingFilter{}); n != 0 {
		t.Fatalf("%d clippings stored", n)
	}
	// When the headline is typed and it is saved again
	test.Type(f.Headline, "Warga keluhkan antrean pendaftaran PPS")
	test.Type(f.Topics, "PPS, antrean")
	test.Tap(b.SaveBtn)
	// Then it is stored as typed, and listed, highlighted as negative
	got, err := st.Clippings(ctx, store.ClippingFilter{}, 0, 10)
	if err != nil || len(got) != 1 {
		t.Fatalf("stored %v (%v)", got, err)
	}
	c := got[0]
	if c.Outlet != "Radar Sleman" || c.Tone != data.ToneNegative || c.Medium != "online" || c.Date != data.Today() ||
		strings.Join(c.Topics, ",") != "pps,antrean" || c.Source != "manual" {
		t.Errorf("stored %+v", c)
	}
	if texts := listTexts(b); len(texts) != 1 || b.CellText(0, 2) != c.Headline {
		t.Errorf("listed %q / %q", texts, b.CellText(0, 2))
	}
	// And the tone filter finds it
	v.ShowFiltered(data.TonePositive, data.Date{}, data.Date{})
	if b.N != 0 {
		t.Errorf("positive filter lists %d", b.N)
	}
	v.ShowFiltered(data.ToneNegative, data.Date{}, data.Date{})
	if b.N != 1 {
		t.Errorf("negative filter lists %d", b.N)
	}
}

// A feed suggestion, fetched from a local server, is accepted: it becomes
// a clipping opened in the form, and leaves the suggestions.
func TestAcceptFeedSuggestion(t *testing.T) {
	srv := httptest.NewServer(http.FileServer(http.Dir("../data/feeds/testdata")))
	defer srv.Close()
	u, st := newTestUI(t)
	s := u.monitor.view.Suggestions
	u.selectView(u.monitor.view.Content)
	u.monitor.view.Tabs.SelectIndex(1)

	// Given the office follows a feed with its keywords
	typeInto(s.URLs, srv.URL+"/good.rss\n"+srv.URL+"/malformed.xml")
	typeInto(s.Keywords, "KPU Sleman\nBupati Sleman")
	test.Tap(s.SaveBtn)
	// When the feeds are fetched
	done := make(chan struct{})
	s.Fetched = func() { close(done) }
	test.Tap(s.FetchBtn)
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("the fetch did not finish")
	}
	// Then the matching items are suggested, and the malformed feed says why
	if len(s.Items) != 2 {
		t.Fatalf("%d suggestions", len(s.Items))
	}
	if !strings.Contains(s.Status.Text, "2 saran baru") || !strings.Contains(s.Status.Text, "bukan RSS atau Atom yang sah") {
		t.Errorf("status %q", s.Status.Text)
	}
	// When the first is accepted
	first := s.Items[0]
	s.Accept(first.Link)
	// Then it is a clipping from the feed, shown in the form, and no longer suggested
	c, err := st.ClippingByLink(ctx, first.Link)
	if err != nil || c.Source != "feed" || c.Headline != first.Title {
		t.Fatalf("clipping %+v (%v)", c, err)
	}
	if u.monitor.view.Form.Headline.Text != first.Title || u.monitor.view.Tabs.SelectedIndex() != 0 {
		t.Errorf("form shows %q", u.monitor.view.Form.Headline.Text)
	}
	if len(s.Items) != 1 || s.Items[0].Link == first.Link {
		t.Errorf("suggestions left %+v", s.Items)
	}
	// And a second fetch suggests nothing again
	done = make(chan struct{})
	test.Tap(s.FetchBtn)
	<-done
	if len(s.Items) != 1 || !strings.Contains(s.Status.Text, "0 saran baru") {
		t.Errorf("after a second fetch: %d, %q", len(s.Items), s.Status.Text)
	}
}

// Beranda's charts tap through to the list behind them: a strategy's
// bars to the quarter's activities of that strategy, a month of the tone
// chart to that month's clippings.
func TestChartClickThrough(t *testing.T) {
	u, st := newTestUI(t)
	day := data.NewDate(2024, 5, 15)
	u.home.today = func() data.Date { return day }
	for _, e := range []*data.Entry{
		{Title: "Sosialisasi PPS", ActivityType: "sosialisasi", Strategy: 3, StartDate: data.NewDate(2024, 4, 10), Status: data.EntryDone},
		{Title: "Rapat koordinasi", ActivityType: "rapat_koordinasi", Strategy: 2, StartDate: data.NewDate(2024, 4, 11), Status: data.EntryDone},
		{Title: "Sosialisasi lama", ActivityType: "sosialisasi", Strategy: 3, StartDate: data.NewDate(2024, 2, 1), Status: data.EntryDone},
	} {
		if err := st.SaveEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []*data.Clipping{
		{Date: data.NewDate(2024, 5, 2), Outlet: "Radar", Medium: "online", Headline: "Mei", Tone: "positif"},
		{Date: data.NewDate(2024, 4, 2), Outlet: "Radar", Medium: "online", Headline: "April", Tone: "negatif"},
	} {
		if err := st.SaveClipping(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	u.home.refresh()
	ch := u.monitor.charts
	if g := ch.Strategy.Groups[2].G; g.Values[0] != 1 || g.Values[1] != 1 {
		t.Errorf("strategy 3 bars %v", g.Values)
	}
	// When strategy 3's bars are tapped
	test.Tap(ch.Strategy.Groups[2])
	// Then Kegiatan lists this quarter's activities of strategy 3
	if !u.showing(u.entries.Content) || u.entries.Filter.Strategy != 3 || u.entries.Filter.From != data.NewDate(2024, 4, 1) {
		t.Fatalf("entries filter %+v", u.entries.Filter)
	}
	if texts := listTexts(u.entries); len(texts) != 1 {
		t.Errorf("listed %q", texts)
	}
	// When May of the tone chart is tapped
	if g := ch.Tone.Groups[4].G; g.Values[0] != 1 {
		t.Errorf("May tones %v", g.Values)
	}
	test.Tap(ch.Tone.Groups[4])
	// Then the register lists May's clippings
	b := u.monitor.view.Register
	if u.tabs.Selected().Content != u.monitor.view.Content || b.N != 1 || b.CellText(0, 2) != "Mei" {
		t.Errorf("register after the tap: %d rows, filter %+v", b.N, b.Filter)
	}
	if b.Filter.From != data.NewDate(2024, 5, 1) || iddate.Medium(b.Filter.To) != "31 Mei 2024" {
		t.Errorf("dates %v %v", b.Filter.From, b.Filter.To)
	}
}

// Pengaturan's targets: numbers typed per strategy and channel are the
// year's targets; a number that is not one is named and nothing changes.
func TestTargetsInSettings(t *testing.T) {
	u, st := newTestUI(t)
	tg := u.monitor.targets
	year := data.Today().Year
	typeInto(tg.Fields[[2]string{data.TargetStrategy, "3"}], "40")
	typeInto(tg.Fields[[2]string{data.TargetChannel, "instagram"}], "1.200")
	test.Tap(tg.SaveBtn)
	got, err := st.Target(ctx, u.officeID, year)
	if err != nil || got.Count(data.TargetStrategy, "3") != 40 || got.Count(data.TargetChannel, "instagram") != 1200 || len(got.Items) != 2 {
		t.Fatalf("stored %+v (%v)", got, err)
	}
	typeInto(tg.Fields[[2]string{data.TargetStrategy, "1"}], "sepuluh")
	test.Tap(tg.SaveBtn)
	if !tg.Err.Visible() || !strings.Contains(tg.Err.Text, "Bukan bilangan bulat nol atau lebih: "+data.StrategyLabel(1, data.LangID)) {
		t.Errorf("error %q", tg.Err.Text)
	}
	if again, _ := st.Target(ctx, u.officeID, year); len(again.Items) != 2 {
		t.Errorf("a refused save changed the targets: %+v", again.Items)
	}
	// Another year shows its own (none yet).
	tg.Year.SetSelected(strconv.Itoa(year + 1))
	if tg.Fields[[2]string{data.TargetStrategy, "3"}].Text != "" {
		t.Errorf("next year shows %q", tg.Fields[[2]string{data.TargetStrategy, "3"}].Text)
	}
}
