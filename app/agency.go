package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// agencyKind describes partner agencies (Instansi) to the browser.
func agencyKind(u *UI) kit.Kind[data.Agency] {
	l := u.lang
	return kit.Kind[data.Agency]{
		StoreKind: store.KindAgency,
		NewTitle:  lang.L("New agency"),
		EditTitle: lang.L("Edit agency"),
		ViewTitle: lang.L("Agency"),
		Columns: []kit.Column[data.Agency]{
			{Title: data.LabelName.In(l), Width: 300, Text: func(a *data.Agency) string { return a.Name }},
			{Title: data.LabelKind.In(l), Width: 170, Text: func(a *data.Agency) string { return data.AgencyKinds.Label(a.Kind, l) }},
			{Title: data.LabelRegion.In(l), Width: 160, Text: func(a *data.Agency) string { return a.Region }},
		},
		Count: u.store.CountAgenciesIn,
		Page:  u.store.AgenciesIn,
		Load:  u.store.Agency,
		Save:  u.store.SaveAgency,
		Blank: func() data.Agency { return data.Agency{} },
		Tools: []fyne.CanvasObject{u.agencyImport.button},
		Filters: func(bar *kit.FilterBar, set func(func(*store.Filter))) {
			bar.Add("kind", kit.NewChoice(data.AgencyKinds, l, lang.L("All kinds"), func(code string) {
				set(func(f *store.Filter) { f.Kind = code })
			}))
		},
	}
}

// agencyForm edits one agency.
type agencyForm struct {
	f       *kit.FieldSet
	name    *widget.Entry
	kind    *kit.Choice
	level   *kit.Choice
	region  *widget.Entry
	address *widget.Entry
	contact *widget.Entry
	phone   *widget.Entry
	email   *widget.Entry
	website *widget.Entry
	social  *socialEditor
	notes   *widget.Entry
}

func newAgencyForm(u *UI) *agencyForm {
	l := u.lang
	a := &agencyForm{
		f: kit.NewFieldSet(l), name: widget.NewEntry(),
		kind: kit.NewChoice(data.AgencyKinds, l, "", nil), level: kit.NewChoice(data.Levels, l, "", nil),
		region: widget.NewEntry(), address: widget.NewEntry(), contact: widget.NewEntry(),
		phone: widget.NewEntry(), email: widget.NewEntry(), website: widget.NewEntry(),
		social: newSocialEditor(l), notes: kit.NewMultiLine(3),
	}
	a.name.SetPlaceHolder("Diskominfo Kabupaten Sleman")
	a.email.SetPlaceHolder("humas@contoh.go.id")
	a.website.SetPlaceHolder("https://")
	a.f.Add("name", data.LabelName, a.name)
	a.f.Add("kind", data.LabelKind, a.kind)
	a.f.Add("level", data.LabelLevel, a.level)
	a.f.Add("region", data.LabelRegion, a.region)
	a.f.Add("address", data.LabelAddress, a.address)
	a.f.Add("contact_person", data.LabelContactPerson, a.contact)
	a.f.Add("phone", data.LabelPhone, a.phone)
	a.f.Add("email", data.LabelEmail, a.email)
	a.f.Add("website", data.LabelWebsite, a.website)
	a.f.Add("social_accounts", data.LabelSocialAccounts, a.social.content)
	a.f.Add("notes", data.LabelNotes, a.notes)
	return a
}

func (a *agencyForm) Fields() *kit.FieldSet { return a.f }

func (a *agencyForm) Fill(r *data.Agency) {
	a.name.SetText(r.Name)
	a.kind.SetCode(r.Kind)
	a.level.SetCode(r.Level)
	a.region.SetText(r.Region)
	a.address.SetText(r.Address)
	a.contact.SetText(r.ContactPerson)
	a.phone.SetText(r.Phone)
	a.email.SetText(r.Email)
	a.website.SetText(r.Website)
	a.social.set(r.SocialAccounts)
	a.notes.SetText(r.Notes)
}

func (a *agencyForm) Read(r *data.Agency) []kit.FieldMsg {
	r.Name = a.name.Text
	r.Kind = a.kind.Code()
	r.Level = a.level.Code()
	r.Region = a.region.Text
	r.Address = a.address.Text
	r.ContactPerson = a.contact.Text
	r.Phone = a.phone.Text
	r.Email = a.email.Text
	r.Website = a.website.Text
	r.SocialAccounts = a.social.get()
	r.Notes = a.notes.Text
	return nil
}
