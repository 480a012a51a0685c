// Package monitoring is the media-monitoring screens: the Kliping register
// (list and form over the kit's record browser), the feed suggestions to
// accept or dismiss, the annual targets editor that Pengaturan shows, and
// the charts Beranda draws. It knows the rest of the application only
// through kit.Host and the few functions in Deps (to open another
// screen's filtered list), so that no screen imports another; app/ wires
// it in.
package monitoring

import (
	"fyne.io/fyne/v2"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/feeds"
	"github.com/humasdesk/humasdesk/data/store"
)

// Deps is what the monitoring screens need of the application.
type Deps struct {
	Host  kit.Host
	Store func() *store.Store // the current store (a restored backup replaces it)
	Today func() data.Date
	Feeds *feeds.Fetcher
	// ShowEntries opens Kegiatan filtered to a strategy (0: any) and a
	// date range; ShowHoaxes opens the hoax register for a date range;
	// Show selects a view of this package in the window.
	ShowEntries func(strategy int, from, to data.Date)
	ShowHoaxes  func(from, to data.Date)
	Show        func(fyne.CanvasObject)
}
