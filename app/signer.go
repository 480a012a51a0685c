package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// signerSelect chooses the report's signer among the office's active
// Penandatangan (report.ResolveSigner), in Pengaturan → Laporan and at
// export. The first choice is "the usual signer" (the saved one, else the
// office's only signer, else the profile's legacy head). An office with
// no signer person shows no choice: the legacy free-text head of the
// office profile signs (README, "Penandatangan laporan").
type signerSelect struct {
	u      *UI
	people []data.Person
	Select *widget.Select
	deflt  string // the label of the first choice
}

func newSignerSelect(u *UI, firstChoice string) *signerSelect {
	s := &signerSelect{u: u, deflt: firstChoice}
	s.Select = widget.NewSelect(nil, nil)
	s.load()
	return s
}

// load reads the signers again (an admin may have added one).
func (s *signerSelect) load() {
	people, err := s.u.store.PeopleWithRole(s.u.ctx(), "", data.RoleSigner)
	if err != nil {
		fyne.LogError("reading the signers", err)
	}
	s.people = people
	opts := []string{s.deflt}
	for _, p := range people {
		opts = append(opts, signerLabel(p))
	}
	sel := s.Selected()
	s.Select.Options = opts
	s.Select.Refresh()
	s.choose(sel)
}

// signerLabel is how a person appears in the choice.
func signerLabel(p data.Person) string {
	if p.Position == "" {
		return p.Name
	}
	return p.Name + " — " + p.Position
}

// Selected is the chosen person's id, "" for the first choice.
func (s *signerSelect) Selected() string {
	i := s.Select.SelectedIndex()
	if i <= 0 || i > len(s.people) {
		return ""
	}
	return s.people[i-1].ID
}

// choose selects the person with id, or the first choice.
func (s *signerSelect) choose(id string) {
	for i, p := range s.people {
		if p.ID == id {
			s.Select.SetSelectedIndex(i + 1)
			return
		}
	}
	s.Select.SetSelectedIndex(0)
}

// Empty reports whether the office has no signer person.
func (s *signerSelect) Empty() bool { return len(s.people) == 0 }

// savedSigner is the signer saved in Pengaturan → Laporan.
func savedSigner(u *UI) string {
	id, err := u.store.Setting(u.ctx(), store.SettingReportSigner, "")
	if err != nil {
		fyne.LogError("reading the report's signer", err)
	}
	return id
}

// usualSignerLabel is the first choice at export.
func usualSignerLabel() string { return lang.L("The usual signer (Settings → Reports)") }
