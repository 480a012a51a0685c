package app

import (
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/csvimport"
	"github.com/humasdesk/humasdesk/data/store"
)

// agencyKind describes partner agencies (Instansi) to the browser.
func agencyKind(u *UI) kind[data.Agency] {
	l := u.lang
	return kind[data.Agency]{
		storeKind: store.KindAgency,
		newTitle:  lang.L("New agency"),
		editTitle: lang.L("Edit agency"),
		viewTitle: lang.L("Agency"),
		columns: []column[data.Agency]{
			{data.LabelName.In(l), 300, func(a *data.Agency) string { return a.Name }},
			{data.LabelKind.In(l), 170, func(a *data.Agency) string { return data.AgencyKinds.Label(a.Kind, l) }},
			{data.LabelRegion.In(l), 160, func(a *data.Agency) string { return a.Region }},
		},
		count:   u.store.CountAgenciesIn,
		page:    u.store.AgenciesIn,
		load:    u.store.Agency,
		save:    u.store.SaveAgency,
		blank:   func() data.Agency { return data.Agency{} },
		csvKind: csvimport.KindAgencies,
		filters: func(bar *filterBar, set func(func(*store.Filter))) {
			bar.add("kind", newChoice(data.AgencyKinds, l, lang.L("All kinds"), func(code string) {
				set(func(f *store.Filter) { f.Kind = code })
			}))
		},
	}
}

// agencyForm edits one agency.
type agencyForm struct {
	f       *fieldSet
	name    *widget.Entry
	kind    *choice
	level   *choice
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
		f: newFieldSet(l), name: widget.NewEntry(),
		kind: newChoice(data.AgencyKinds, l, "", nil), level: newChoice(data.Levels, l, "", nil),
		region: widget.NewEntry(), address: widget.NewEntry(), contact: widget.NewEntry(),
		phone: widget.NewEntry(), email: widget.NewEntry(), website: widget.NewEntry(),
		social: newSocialEditor(l), notes: newMultiLine(3),
	}
	a.name.SetPlaceHolder("Diskominfo Kabupaten Sleman")
	a.email.SetPlaceHolder("humas@contoh.go.id")
	a.website.SetPlaceHolder("https://")
	a.f.add("name", data.LabelName, a.name)
	a.f.add("kind", data.LabelKind, a.kind)
	a.f.add("level", data.LabelLevel, a.level)
	a.f.add("region", data.LabelRegion, a.region)
	a.f.add("address", data.LabelAddress, a.address)
	a.f.add("contact_person", data.LabelContactPerson, a.contact)
	a.f.add("phone", data.LabelPhone, a.phone)
	a.f.add("email", data.LabelEmail, a.email)
	a.f.add("website", data.LabelWebsite, a.website)
	a.f.add("social_accounts", data.LabelSocialAccounts, a.social.content)
	a.f.add("notes", data.LabelNotes, a.notes)
	return a
}

func (a *agencyForm) fields() *fieldSet { return a.f }

func (a *agencyForm) fill(r *data.Agency) {
	a.name.SetText(r.Name)
	a.kind.setCode(r.Kind)
	a.level.setCode(r.Level)
	a.region.SetText(r.Region)
	a.address.SetText(r.Address)
	a.contact.SetText(r.ContactPerson)
	a.phone.SetText(r.Phone)
	a.email.SetText(r.Email)
	a.website.SetText(r.Website)
	a.social.set(r.SocialAccounts)
	a.notes.SetText(r.Notes)
}

func (a *agencyForm) read(r *data.Agency) []fieldMsg {
	r.Name = a.name.Text
	r.Kind = a.kind.code()
	r.Level = a.level.code()
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
