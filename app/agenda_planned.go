package app

import (
	"image/color"

	"fyne.io/fyne/v2/lang"

	"github.com/humasdesk/humasdesk/data"
)

// Planned activities on the Agenda (agenda.go): an activity whose state
// is Direncanakan stands on its start day beside the content.

// plannedColor marks planned activities, apart from the draft statuses.
func plannedColor() color.Color { return color.NRGBA{R: 0x7b, G: 0x4f, B: 0xb8, A: 0xff} }

// plannedOn is the planned activities starting on day.
func (v *agendaView) plannedOn(day data.Date) []*data.Entry {
	var out []*data.Entry
	for i := range v.planned {
		if v.planned[i].StartDate == day {
			out = append(out, &v.planned[i])
		}
	}
	return out
}

// activityChip is a planned activity in a day of the month grid.
func (v *agendaView) activityChip(e *data.Entry) *chip {
	id := e.ID
	c := newChip(activityText(e), func() { v.u.openEntry(id) })
	c.marker = plannedColor
	return c
}

// activityText names a planned activity as the Agenda shows it:
// "Kegiatan: Rapat koordinasi …".
func activityText(e *data.Entry) string {
	return lang.L("Activity: {{.Title}}", map[string]any{"Title": e.Title})
}

// openEntry shows an activity in the Kegiatan form, as the Agenda opens
// content in the Konten form.
func (u *UI) openEntry(id string) {
	e, err := u.store.Entry(u.ctx(), id)
	if err != nil {
		u.showError(lang.L("Could not open the record"), err)
		return
	}
	u.selectView(u.reports)
	u.reports.SelectIndex(0) // Kegiatan, beside Ekspor laporan
	u.entries.Show(e)
}
