package monitoring

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/store"
)

// View is the Pemantauan Media view: the register and the suggestions.
type View struct {
	d           Deps
	Register    *kit.Browser[data.Clipping, *data.Clipping]
	Form        *Form
	Suggestions *Suggestions
	Tabs        *container.AppTabs
	Content     fyne.CanvasObject
	dates       *dateFilters
}

// dateFilters are the register's From and To filter fields, which the
// coverage chart sets.
// names caches the media agencies' names for the list's Media column.
type dateFilters struct {
	from, to *kit.DateField
	names    map[string]string
}

func (df *dateFilters) loadNames(d Deps) {
	df.names = map[string]string{}
	if outlets, err := d.Store().MediaOutlets(d.Host.Ctx()); err == nil {
		for _, a := range outlets {
			df.names[a.ID] = a.Name
		}
	}
}

// New builds the view.
func New(d Deps) *View {
	v := &View{d: d, dates: &dateFilters{}}
	v.dates.loadNames(d)
	v.Form = newForm(d)
	v.Register = kit.NewBrowser(d.Host, clippingKind(d, v.dates), kit.Editor[data.Clipping](v.Form))
	v.Suggestions = newSuggestions(d, v)
	v.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Clippings"), theme.ListIcon(), v.Register.Content),
		container.NewTabItemWithIcon(lang.L("Feed suggestions"), theme.MailComposeIcon(), v.Suggestions.Content),
	)
	v.Tabs.OnSelected = func(ti *container.TabItem) {
		if ti.Content == v.Suggestions.Content {
			v.Suggestions.Refresh()
		}
	}
	v.Content = v.Tabs
	return v
}

// Shown follows the view being shown.
func (v *View) Shown() {
	v.dates.loadNames(v.d)
	v.Form.loadChoices()
	v.Register.Reload()
}

// ShowFiltered shows the register filtered to a tone ("" any) and a date
// range: where the coverage chart leads.
func (v *View) ShowFiltered(tone string, from, to data.Date) {
	if v.d.Show != nil {
		v.d.Show(v.Content)
	}
	v.Tabs.SelectIndex(0)
	bar := v.Register.Bar
	if c, ok := bar.ByKey["tone"].(*kit.Choice); ok {
		c.SetCode(tone)
	}
	v.dates.from.SetDate(from)
	v.dates.to.SetDate(to)
}

// clippingKind describes the register to the browser. The filter's Kind
// is the medium, Status the tone, From and To the date.
func clippingKind(d Deps, dates *dateFilters) kit.Kind[data.Clipping] {
	l := d.Host.Lang()
	filter := func(f store.Filter, offices []string) store.ClippingFilter {
		cf := store.ClippingFilter{Filter: f, Tone: f.Status, Offices: offices}
		cf.Status = ""
		return cf
	}
	return kit.Kind[data.Clipping]{
		StoreKind: store.KindClipping,
		NewTitle:  lang.L("New clipping"),
		EditTitle: lang.L("Edit clipping"),
		ViewTitle: lang.L("Clipping"),
		Columns: []kit.Column[data.Clipping]{
			{Title: data.LabelClipDate.In(l), Width: 110, Text: func(c *data.Clipping) string { return iddate.Short(c.Date) }},
			{Title: data.LabelOutlet.In(l), Width: 150, Text: func(c *data.Clipping) string { return outletText(dates.names, c) }},
			{Title: data.LabelHeadline.In(l), Width: 280, Text: func(c *data.Clipping) string { return strings.Join(strings.Fields(c.Headline), " ") }},
			{Title: data.LabelMedium.In(l), Width: 100, Text: func(c *data.Clipping) string { return data.Media.Label(c.Medium, l) }},
			{Title: data.LabelTone.In(l), Width: 80, Text: func(c *data.Clipping) string { return data.Tones.Label(c.Tone, l) }},
		},
		RowImportance: func(c *data.Clipping) widget.Importance {
			if c.Tone == data.ToneNegative {
				return widget.WarningImportance
			}
			return widget.MediumImportance
		},
		Count: func(ctx context.Context, f store.Filter, offices []string) (int, error) {
			return d.Store().CountClippings(ctx, filter(f, offices))
		},
		Page: func(ctx context.Context, f store.Filter, offices []string, offset, limit int) ([]data.Clipping, error) {
			return d.Store().Clippings(ctx, filter(f, offices), offset, limit)
		},
		Load: func(ctx context.Context, id string) (*data.Clipping, error) { return d.Store().Clipping(ctx, id) },
		Save: func(ctx context.Context, c *data.Clipping) error { return d.Store().SaveClipping(ctx, c) },
		Blank: func() data.Clipping {
			return data.Clipping{Date: d.Today(), Medium: "online", Tone: data.ToneNeutral}
		},
		Filters: func(bar *kit.FilterBar, set func(func(*store.Filter))) {
			bar.Add("tone", kit.NewChoice(data.Tones, l, lang.L("All tones"), func(code string) {
				set(func(f *store.Filter) { f.Status = code })
			}))
			bar.Add("medium", kit.NewChoice(data.Media, l, lang.L("All media"), func(code string) {
				set(func(f *store.Filter) { f.Kind = code })
			}))
			for _, side := range []string{"from", "to"} {
				df := kit.NewDateField(l, true)
				if side == "from" {
					df.Entry.SetPlaceHolder(lang.L("From"))
					dates.from = df
				} else {
					df.Entry.SetPlaceHolder(lang.L("To"))
					dates.to = df
				}
				df.Changed = func() {
					day, _ := df.Date()
					set(func(f *store.Filter) {
						if side == "from" {
							f.From = day
						} else {
							f.To = day
						}
					})
				}
				bar.Add(side, df.Content)
			}
		},
	}
}

// outletText names a clipping's outlet for the list.
func outletText(names map[string]string, c *data.Clipping) string {
	if n := names[c.AgencyID]; c.AgencyID != "" && n != "" {
		return n
	}
	return c.Outlet
}
