package monitoring

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// pick is a Select over records (outlets, stages, releases, hoax cases)
// whose options are read again as the store changes: labels shown, ids
// kept. Its first option is "none".
type pick struct {
	*widget.Select
	ids []string
}

func newPick(none string) *pick {
	p := &pick{Select: widget.NewSelect(nil, nil)}
	p.set([]string{""}, []string{none})
	return p
}

func (p *pick) set(ids, labels []string) {
	cur := p.id()
	p.ids = ids
	p.Select.SetOptions(labels)
	p.setID(cur)
}

func (p *pick) id() string {
	i := p.SelectedIndex()
	if i < 0 || i >= len(p.ids) {
		return ""
	}
	return p.ids[i]
}

// setID selects id; an unknown one selects "none".
func (p *pick) setID(id string) {
	for i, k := range p.ids {
		if k == id {
			p.SetSelectedIndex(i)
			return
		}
	}
	p.SetSelectedIndex(0)
}

// Form is the clipping form.
type Form struct {
	d        Deps
	f        *kit.FieldSet
	date     *kit.DateField
	Outlet   *pick         // a media agency
	Other    *widget.Entry // or an outlet's name as text
	Medium   *kit.Choice
	Headline *widget.Entry
	Link     *widget.Entry
	Summary  *widget.Entry
	Tone     *kit.Choice
	Topics   *widget.Entry // comma-separated
	topicsOf *widget.Label // suggestions: the topics in use
	Stage    *pick
	Release  *pick // the office's press release it covers
	Hoax     *pick
	extra    data.List[string] // covered drafts beyond the one the form shows
	attach   string            // kept as loaded: the form does not edit it
	source   string
}

func newForm(d Deps) *Form {
	l := d.Host.Lang()
	f := &Form{d: d, f: kit.NewFieldSet(l), date: kit.NewDateField(l, false),
		Outlet: newPick(lang.L("(Another outlet, typed below)")), Other: widget.NewEntry(),
		Medium: kit.NewChoice(data.Media, l, "", nil), Headline: widget.NewEntry(), Link: widget.NewEntry(),
		Summary: kit.NewMultiLine(3), Tone: kit.NewChoice(data.Tones, l, "", nil), Topics: widget.NewEntry(),
		topicsOf: widget.NewLabel(""), Stage: newPick(lang.L("(None)")), Release: newPick(lang.L("(None)")), Hoax: newPick(lang.L("(None)"))}
	f.Other.SetPlaceHolder(lang.L("Outlet name, if not among the media agencies"))
	f.Link.SetPlaceHolder("https://…")
	f.Topics.SetPlaceHolder(lang.L("Comma-separated, e.g. pps, logistik"))
	f.topicsOf.Importance = widget.LowImportance
	f.topicsOf.Wrapping = 3 // word
	f.f.Add("date", data.LabelClipDate, f.date.Content)
	f.f.Add("agency_id", data.LabelOutlet, f.Outlet)
	f.f.AddNamed("outlet", "", f.Other)
	f.f.Add("medium", data.LabelMedium, f.Medium)
	f.f.Add("headline", data.LabelHeadline, f.Headline)
	f.f.Add("link", data.LabelClipLink, f.Link)
	f.f.Add("summary", data.LabelSummary, f.Summary)
	f.f.Add("tone", data.LabelTone, f.Tone)
	f.f.Add("topics", data.LabelTopics, f.Topics)
	f.f.AddNamed("topics_hint", "", f.topicsOf)
	f.f.Add("election_stage", data.LabelElectionStage, f.Stage)
	f.f.Add("draft_ids", data.LabelCovers, f.Release)
	f.f.Add("hoax_id", data.LabelHoaxCase, f.Hoax)
	f.loadChoices()
	return f
}

// loadChoices reads the outlets, stages, releases and hoax cases the
// form offers.
func (f *Form) loadChoices() {
	st, ctx := f.d.Store(), f.d.Host.Ctx()
	ids, labels := []string{""}, []string{f.Outlet.Options[0]}
	if outlets, err := st.MediaOutlets(ctx); err == nil {
		for _, a := range outlets {
			ids, labels = append(ids, a.ID), append(labels, a.Name)
		}
	}
	f.Outlet.set(ids, labels)
	ids, labels = []string{""}, []string{f.Stage.Options[0]}
	if stages, err := st.Stages(ctx, data.Date{}, data.Date{}); err == nil {
		seen := map[string]bool{}
		for _, s := range stages {
			if !seen[s.Name] {
				seen[s.Name] = true
				ids, labels = append(ids, s.Name), append(labels, s.Name)
			}
		}
	}
	f.Stage.set(ids, labels)
	ids, labels = []string{""}, []string{f.Release.Options[0]}
	if drafts, err := st.Drafts(ctx, store.Filter{OfficeID: f.d.Host.OfficeID(), Kind: "siaran_pers", Status: data.StatusPublished}, 0, 200); err == nil {
		for _, d := range drafts {
			ids, labels = append(ids, d.ID), append(labels, d.Title)
		}
	}
	f.Release.set(ids, labels)
	ids, labels = []string{""}, []string{f.Hoax.Options[0]}
	if cases, err := st.Hoaxes(ctx, data.Date{}, data.Date{}); err == nil {
		for i := len(cases) - 1; i >= 0 && len(ids) <= 200; i-- { // newest first
			ids, labels = append(ids, cases[i].ID), append(labels, cases[i].Claim)
		}
	}
	f.Hoax.set(ids, labels)
	if topics, err := st.ClippingTopics(ctx, 12); err == nil && len(topics) > 0 {
		f.topicsOf.SetText(lang.L("In use:") + " " + strings.Join(topics, ", "))
	}
}

// Fields implements kit.Editor.
func (f *Form) Fields() *kit.FieldSet { return f.f }

// Fill implements kit.Editor.
func (f *Form) Fill(c *data.Clipping) {
	f.date.SetDate(c.Date)
	f.Outlet.setID(c.AgencyID)
	f.Other.SetText(c.Outlet)
	f.Medium.SetCode(c.Medium)
	f.Headline.SetText(c.Headline)
	f.Link.SetText(c.Link)
	f.Summary.SetText(c.Summary)
	f.Tone.SetCode(c.Tone)
	f.Topics.SetText(strings.Join(c.Topics, ", "))
	f.Stage.setID(c.ElectionStage)
	if f.Stage.id() != c.ElectionStage { // a stage name this device does not know
		f.Stage.set(append(f.Stage.ids, c.ElectionStage), append(f.Stage.Options, c.ElectionStage))
		f.Stage.setID(c.ElectionStage)
	}
	f.extra = nil
	f.Release.setID("")
	for i, id := range c.DraftIDs {
		if i == 0 {
			f.Release.setID(id)
			if f.Release.id() == id {
				continue
			}
		}
		f.extra = append(f.extra, id)
	}
	f.Hoax.setID(c.HoaxID)
	f.attach, f.source = c.Attachment, c.Source
}

// Read implements kit.Editor.
func (f *Form) Read(c *data.Clipping) []kit.FieldMsg {
	var msgs []kit.FieldMsg
	c.Date = f.date.Read("date", data.LabelClipDate, &msgs)
	c.AgencyID = f.Outlet.id()
	c.Outlet = f.Other.Text
	c.Medium = f.Medium.Code()
	c.Headline = f.Headline.Text
	c.Link = f.Link.Text
	c.Summary = f.Summary.Text
	c.Tone = f.Tone.Code()
	c.Topics = nil
	for _, t := range strings.Split(f.Topics.Text, ",") {
		c.Topics = append(c.Topics, t)
	}
	c.ElectionStage = f.Stage.id()
	c.DraftIDs = nil
	if id := f.Release.id(); id != "" {
		c.DraftIDs = append(c.DraftIDs, id)
	}
	c.DraftIDs = append(c.DraftIDs, f.extra...)
	c.HoaxID = f.Hoax.id()
	c.Attachment, c.Source = f.attach, f.source
	return msgs
}
