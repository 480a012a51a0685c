package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/app/monitoring"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/feeds"
	"github.com/humasdesk/humasdesk/data/store"
)

// Media monitoring (app/monitoring) wired in: the Pemantauan Media view,
// Beranda's charts, and the targets card of Pengaturan. Its charts open
// the lists of other screens through the functions given here, so that
// the package imports none of them.

// monitorParts are the monitoring screens of one build of the window.
type monitorParts struct {
	view    *monitoring.View
	charts  *monitoring.Charts
	targets *monitoring.Targets
}

func (u *UI) buildMonitoring() {
	d := monitoring.Deps{
		Host:  kitHost{u},
		Store: func() *store.Store { return u.store },
		Today: func() data.Date {
			if u.home != nil {
				return u.home.today()
			}
			return data.Today()
		},
		Feeds:       &feeds.Fetcher{},
		ShowEntries: u.showEntriesFiltered,
		ShowHoaxes:  u.showHoaxesFiltered,
		Show:        u.selectView,
	}
	u.monitor.view = monitoring.New(d)
	u.monitor.charts = monitoring.NewCharts(d, u.monitor.view)
	u.monitor.targets = monitoring.NewTargets(d)
}

// showEntriesFiltered opens Kegiatan with the strategy (0: any) and dates.
func (u *UI) showEntriesFiltered(strategy int, from, to data.Date) {
	u.selectView(u.reports)
	u.reports.SelectIndex(0)
	bar := u.entries.Bar
	if c, ok := bar.ByKey["strategy"].(*kit.Choice); ok {
		code := ""
		if strategy > 0 {
			code = strconv.Itoa(strategy)
		}
		c.SetCode(code)
	}
	setDateFilter(bar, from, to, u.lang)
}

// showHoaxesFiltered opens the hoax register for the dates.
func (u *UI) showHoaxesFiltered(from, to data.Date) {
	u.selectView(u.hoaxes.content)
	u.hoaxes.tabs.SelectIndex(0)
	setDateFilter(u.hoaxes.cases.Bar, from, to, u.lang)
}

// setDateFilter types the dates into a list's date filters (addDateRange).
func setDateFilter(bar *kit.FilterBar, from, to data.Date, l data.Lang) {
	f := kit.DateField{L: l}
	for key, d := range map[string]data.Date{"from.field": from, "to.field": to} {
		if e, ok := bar.ByKey[key].(*widget.Entry); ok {
			e.SetText(f.Text(d))
		}
	}
}

// monitoringTab is the view's content, for the tab list.
func (u *UI) monitoringTab() fyne.CanvasObject { return u.monitor.view.Content }
