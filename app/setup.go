package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/report"
	"github.com/humasdesk/humasdesk/data/store"
)

// The first-run set-up: before a report is exported from a profile that
// would print a blank letterhead or signature, or without a number pattern
// of its own, the app asks for the office's name and letterhead, the
// signer and the number pattern in one form, instead of writing "KANTOR
// HUMAS" over an empty signature. The same fields stay editable in
// Pengaturan (Profil kantor, Laporan).

// setupMissing lists what the set-up asks for that is not filled yet: the
// office's own name, its address or region (the kop), the signer's name
// and position, and the number pattern. The NIP is asked but optional: not
// every signer is a civil servant.
func setupMissing(o *data.Office, pattern string) []string {
	var out []string
	if strings.TrimSpace(o.Name) == "" || (o.Version == 0 && o.Name == "Kantor Humas") {
		out = append(out, "name")
	}
	if strings.TrimSpace(o.Address) == "" && strings.TrimSpace(o.Region) == "" {
		out = append(out, "region")
	}
	if strings.TrimSpace(o.HeadName) == "" {
		out = append(out, "head_name")
	}
	if strings.TrimSpace(o.HeadPosition) == "" {
		out = append(out, "head_position")
	}
	if strings.TrimSpace(pattern) == "" {
		out = append(out, "pattern")
	}
	return out
}

// signerFields are the signature block's fields. They are their own part
// of the set-up so that, once people with the Penandatangan role exist,
// a choice of person can take their place.
type signerFields struct {
	name, position, nip, place *widget.Entry
}

func newSignerFields() *signerFields {
	return &signerFields{name: widget.NewEntry(), position: widget.NewEntry(), nip: widget.NewEntry(), place: widget.NewEntry()}
}

func (s *signerFields) addTo(f *kit.FieldSet) {
	f.Add("head_name", data.LabelHeadName, s.name)
	f.Add("head_position", data.LabelHeadPosition, s.position)
	f.Add("head_nip", data.LabelHeadNIP, s.nip)
	f.Add("signer_place", data.LabelSignerPlace, s.place)
}

func (s *signerFields) fill(o *data.Office) {
	s.name.SetText(o.HeadName)
	s.position.SetText(o.HeadPosition)
	s.nip.SetText(o.HeadNIP)
	s.place.SetText(o.SignerPlace)
}

func (s *signerFields) read(o *data.Office) {
	o.HeadName, o.HeadPosition, o.HeadNIP, o.SignerPlace = s.name.Text, s.position.Text, s.nip.Text, s.place.Text
}

// setupForm is the set-up dialog's form.
type setupForm struct {
	u                     *UI
	office                *data.Office
	f                     *kit.FieldSet
	name, region, address *widget.Entry
	signer                *signerFields
	pattern               *widget.Entry
	dialog                *dialog.CustomDialog
	done                  func() // what the set-up was opened for
}

// needsSetup reports whether an export in format needs the set-up first.
// A CSV holds activities only and needs nothing.
func (u *UI) needsSetup(format string) bool {
	if format == report.FormatCSV {
		return false
	}
	o, err := u.store.CurrentOffice(u.ctx())
	if err != nil {
		fyne.LogError("reading the office profile", err)
		return false
	}
	pattern, _ := u.store.Setting(u.ctx(), store.SettingReportNumber, "")
	// The report's own rule (report.CheckOffice) decides; the set-up also
	// asks for the number pattern, which a report cannot do without.
	return report.CheckOffice(o, format) != nil || strings.TrimSpace(pattern) == ""
}

// showSetup opens the set-up; once it is saved, done runs.
func (u *UI) showSetup(done func()) *setupForm {
	o, err := u.store.CurrentOffice(u.ctx())
	if err != nil {
		u.showError(lang.L("Could not read the office profile"), err)
		return nil
	}
	s := &setupForm{u: u, office: o, f: kit.NewFieldSet(u.lang), name: widget.NewEntry(), region: widget.NewEntry(),
		address: widget.NewEntry(), signer: newSignerFields(), pattern: widget.NewEntry(), done: done}
	s.f.Add("name", data.LabelName, s.name)
	s.f.Add("region", data.LabelRegion, s.region)
	s.f.Add("address", data.LabelAddress, s.address)
	s.signer.addTo(s.f)
	s.f.AddNamed("pattern", lang.L("Number pattern"), s.pattern)
	s.fill()

	intro := widget.NewLabel(lang.L("Before the first report: the letterhead, the signer and the number pattern. They are printed on every report and can be changed later in Settings → Office profile and Settings → Reports."))
	intro.Wrapping = fyne.TextWrapWord
	save := widget.NewButton(lang.L("Save and continue"), s.save)
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("Cancel"), func() { s.dialog.Hide() })
	body := container.NewBorder(intro, container.NewHBox(cancel, save), nil, nil, container.NewVScroll(s.f.Content))
	s.dialog = dialog.NewCustomWithoutButtons(lang.L("Set up the office"), sized(body, 620, 560), u.win)
	s.dialog.Show()
	return s
}

func (s *setupForm) fill() {
	o := s.office
	if !(o.Version == 0 && o.Name == "Kantor Humas") {
		s.name.SetText(o.Name)
	}
	s.name.SetPlaceHolder("KPU Kabupaten Sleman")
	s.region.SetText(o.Region)
	s.address.SetText(o.Address)
	s.signer.fill(o)
	pattern, _ := s.u.store.Setting(s.u.ctx(), store.SettingReportNumber, "")
	if pattern == "" {
		pattern = report.DefaultNumberPattern
	}
	s.pattern.SetText(pattern)
}

// save checks what a report needs, stores the profile and the pattern,
// and goes on with what the set-up was opened for.
func (s *setupForm) save() {
	o := *s.office
	o.Name, o.Region, o.Address = s.name.Text, s.region.Text, s.address.Text
	s.signer.read(&o)
	pattern := strings.TrimSpace(s.pattern.Text)
	var msgs []kit.FieldMsg
	for _, key := range setupMissing(&o, pattern) {
		msgs = append(msgs, kit.FieldMsg{Key: key, Text: lang.L("Needed on the report")})
	}
	if pattern != "" && !strings.Contains(pattern, "{no}") {
		msgs = append(msgs, kit.FieldMsg{Key: "pattern", Text: lang.L("The pattern must hold {no}, the sequence number")})
	}
	if len(msgs) > 0 {
		s.f.Show(msgs)
		return
	}
	ctx := s.u.ctx()
	err := s.u.store.SaveOffice(ctx, &o)
	if ve, ok := data.AsValidation(err); ok {
		s.f.Show(kit.ValidationMsgs(ve, s.u.lang))
		return
	}
	if err == nil {
		err = s.u.store.SetSetting(ctx, store.SettingReportNumber, pattern)
	}
	if err != nil {
		s.u.showError(lang.L("Could not save"), err)
		return
	}
	s.office = &o
	s.dialog.Hide()
	s.u.localChange()
	if s.u.settings != nil {
		s.u.settings.loadOffice()
		s.u.settings.report.load()
	}
	if s.u.export != nil {
		s.u.export.refresh()
	}
	if s.done != nil {
		s.done()
	}
}
