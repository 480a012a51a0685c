package app

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // logo preview
	_ "image/png"  // logo preview
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/store"
)

// maxLogo is the largest logo file accepted. A letterhead logo is a few
// hundred kilobytes; the limit keeps a mistaken photo out of every sync.
const maxLogo = 2 << 20

// settingsView is Pengaturan: sync, the user of this installation, the
// office profile, the reports' number and text, the office's content
// templates, the neutrality check's officials and term lists, the
// language and the theme.
type settingsView struct {
	u          *UI
	sync       *syncSettings
	scroll     *container.Scroll
	user       *userSettings
	office     *officeForm
	report     *reportSettings
	templates  *templateSettings
	netralitas *netralitasSettings
	backup     *backupCard
	saveBtn    *widget.Button
	status     *widget.Label
	lang       *widget.Select
	theme      *widget.Select
	themes     []string // setting values, in the order of theme's options
	content    fyne.CanvasObject
}

func newSettingsView(u *UI) *settingsView {
	s := &settingsView{u: u, office: newOfficeForm(u), report: newReportSettings(u), status: widget.NewLabel("")}
	s.saveBtn = widget.NewButtonWithIcon(lang.L("Save profile"), theme.DocumentSaveIcon(), s.saveOffice)
	s.saveBtn.Importance = widget.HighImportance
	s.loadOffice()
	profile := widget.NewCard(lang.L("Office profile"), lang.L("Shown on the letterhead and signature of reports"),
		container.NewVBox(s.office.f.Content, container.NewHBox(s.saveBtn, u.historyButton(officeProfile{s}), s.status)))
	look := widget.NewCard(lang.L("Display"), "", widget.NewForm(
		widget.NewFormItem(lang.L("Language"), s.languageSelect()),
		widget.NewFormItem(lang.L("Theme"), s.themeSelect()),
	))
	s.sync = newSyncSettings(u)
	s.user = newUserSettings(u)
	s.templates = newTemplateSettings(u)
	s.netralitas = newNetralitasSettings(u)
	s.backup = newBackupCard(u)
	s.scroll = container.NewVScroll(container.NewVBox(s.sync.content, s.user.content, profile, s.report.content,
		s.templates.content, s.netralitas.content, s.backup.content, look))
	s.content = s.scroll
	return s
}

// scrollToSync shows the Sinkronisasi section, which comes first.
func (s *settingsView) scrollToSync() { s.scroll.ScrollToTop() }

func (s *settingsView) loadOffice() {
	o, err := s.u.store.CurrentOffice(s.u.ctx())
	if err != nil {
		s.u.showError(lang.L("Could not read the office profile"), err)
		o = &data.Office{}
	}
	s.office.current = o
	s.office.Fill(o)
}

func (s *settingsView) saveOffice() {
	o := *s.office.current
	s.office.Read(&o)
	err := s.u.store.SaveOffice(s.u.ctx(), &o)
	if ve, ok := data.AsValidation(err); ok {
		s.office.f.Show(kit.ValidationMsgs(ve, s.u.lang))
		s.status.SetText("")
		return
	}
	if err != nil {
		s.u.showError(lang.L("Could not save"), err)
		return
	}
	s.office.f.Clear()
	s.office.current = &o
	s.office.Fill(&o)
	s.report.showPlaceholders() // the default opening names the office
	s.status.SetText(lang.L("Saved."))
	s.u.localChange()
}

// languageSelect stores the choice at once, but the window keeps its
// language until restarted: Fyne's translations are loaded before the
// first widget is built and cannot be swapped underneath it.
func (s *settingsView) languageSelect() fyne.CanvasObject {
	var names []string
	for _, n := range languageNames {
		names = append(names, n.name)
	}
	s.lang = widget.NewSelect(names, nil)
	for _, n := range languageNames {
		if n.code == s.u.lang {
			s.lang.SetSelected(n.name)
		}
	}
	s.lang.OnChanged = func(string) {
		code := languageNames[s.lang.SelectedIndex()].code
		if err := s.u.store.SetSetting(s.u.ctx(), store.SettingLanguage, string(code)); err != nil {
			s.u.showError(lang.L("Could not save the setting"), err)
			return
		}
		dialog.ShowInformation(lang.L("Language"), restartNotice, s.u.win)
	}
	return s.lang
}

// themeSelect applies the theme at once and remembers it.
func (s *settingsView) themeSelect() fyne.CanvasObject {
	s.themes = []string{kit.ThemeSystem, kit.ThemeLight, kit.ThemeDark}
	s.theme = widget.NewSelect([]string{lang.L("Follow the system"), lang.L("Light"), lang.L("Dark")}, nil)
	cur, err := s.u.store.Setting(s.u.ctx(), store.SettingTheme, kit.ThemeSystem)
	if err != nil {
		cur = kit.ThemeSystem
	}
	s.theme.SetSelectedIndex(0)
	for i, t := range s.themes {
		if t == cur {
			s.theme.SetSelectedIndex(i)
		}
	}
	s.theme.OnChanged = func(string) {
		code := s.themes[s.theme.SelectedIndex()]
		s.u.applyTheme(code)
		if err := s.u.store.SetSetting(s.u.ctx(), store.SettingTheme, code); err != nil {
			s.u.showError(lang.L("Could not save the setting"), err)
		}
	}
	return s.theme
}

// officeForm edits the office profile, including its logo and the head
// of office who signs the reports.
type officeForm struct {
	u        *UI
	f        *kit.FieldSet
	current  *data.Office
	name     *widget.Entry
	kind     *kit.Choice
	level    *kit.Choice
	region   *widget.Entry
	address  *widget.Entry
	phone    *widget.Entry
	email    *widget.Entry
	website  *widget.Entry
	logo     []byte
	preview  *canvas.Image
	noLogo   *widget.Label
	headName *widget.Entry
	headPos  *widget.Entry
	headNIP  *widget.Entry
	place    *widget.Entry
}

func newOfficeForm(u *UI) *officeForm {
	l := u.lang
	o := &officeForm{
		u: u, f: kit.NewFieldSet(l), name: widget.NewEntry(),
		kind: kit.NewChoice(data.OfficeKinds, l, "", nil), level: kit.NewChoice(data.Levels, l, "", nil),
		region: widget.NewEntry(), address: widget.NewEntry(), phone: widget.NewEntry(),
		email: widget.NewEntry(), website: widget.NewEntry(), headName: widget.NewEntry(),
		headPos: widget.NewEntry(), headNIP: widget.NewEntry(), place: widget.NewEntry(),
		preview: &canvas.Image{FillMode: canvas.ImageFillContain}, noLogo: widget.NewLabel(lang.L("No logo")),
	}
	o.preview.SetMinSize(fyne.NewSize(96, 96))
	o.headNIP.SetPlaceHolder("19700101 199003 1 001")
	o.place.SetPlaceHolder("Sleman")
	o.f.Add("name", data.LabelName, o.name)
	o.f.Add("kind", data.LabelKind, o.kind)
	o.f.Add("level", data.LabelLevel, o.level)
	o.f.Add("region", data.LabelRegion, o.region)
	o.f.Add("address", data.LabelAddress, o.address)
	o.f.Add("phone", data.LabelPhone, o.phone)
	o.f.Add("email", data.LabelEmail, o.email)
	o.f.Add("website", data.LabelWebsite, o.website)
	o.f.Add("logo", data.LabelLogo, o.logoRow())
	o.f.Add("head_name", data.LabelHeadName, o.headName)
	o.f.Add("head_position", data.LabelHeadPosition, o.headPos)
	o.f.Add("head_nip", data.LabelHeadNIP, o.headNIP)
	o.f.Add("signer_place", data.LabelSignerPlace, o.place)
	return o
}

func (o *officeForm) logoRow() fyne.CanvasObject {
	choose := widget.NewButtonWithIcon(lang.L("Choose logo…"), theme.FolderOpenIcon(), o.chooseLogo)
	remove := widget.NewButtonWithIcon(lang.L("Remove logo"), theme.DeleteIcon(), func() { o.setLogo(nil) })
	return container.NewHBox(container.NewStack(o.preview, o.noLogo), container.NewVBox(choose, remove))
}

// chooseLogo asks for a PNG or JPEG file. The file is only read here; the
// store checks that it is an image when the profile is saved.
func (o *officeForm) chooseLogo() {
	title := lang.L("Could not open the file")
	o.u.chooseOpen(kit.FileChoice{ErrTitle: title, Exts: []string{".png", ".jpg", ".jpeg"}}, func(r fyne.URIReadCloser) {
		defer r.Close()
		b, err := readLogo(r)
		if err != nil {
			o.u.showError(title, err)
			return
		}
		o.setLogo(b)
	})
}

// readLogo reads at most maxLogo bytes and refuses anything larger.
func readLogo(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxLogo+1))
	if err != nil {
		return nil, err
	}
	if len(b) > maxLogo {
		return nil, fmt.Errorf("berkas lebih dari %d MB", maxLogo>>20)
	}
	return b, nil
}

// setLogo shows b as the logo; nil removes it. Bytes that are not an
// image are kept so that saving reports them under the logo field.
func (o *officeForm) setLogo(b []byte) {
	o.logo = b
	o.preview.Resource = nil
	o.preview.Image = nil
	if img, _, err := image.Decode(bytes.NewReader(b)); len(b) > 0 && err == nil {
		o.preview.Image = img
		o.noLogo.Hide()
	} else {
		o.noLogo.Show()
	}
	o.preview.Refresh()
}

func (o *officeForm) Fill(r *data.Office) {
	o.name.SetText(r.Name)
	o.kind.SetCode(r.Kind)
	o.level.SetCode(r.Level)
	o.region.SetText(r.Region)
	o.address.SetText(r.Address)
	o.phone.SetText(r.Phone)
	o.email.SetText(r.Email)
	o.website.SetText(r.Website)
	o.setLogo(r.Logo)
	o.headName.SetText(r.HeadName)
	o.headPos.SetText(r.HeadPosition)
	o.headNIP.SetText(r.HeadNIP)
	o.place.SetText(r.SignerPlace)
}

func (o *officeForm) Read(r *data.Office) {
	r.Name = o.name.Text
	r.Kind = o.kind.Code()
	r.Level = o.level.Code()
	r.Region = o.region.Text
	r.Address = o.address.Text
	r.Phone = o.phone.Text
	r.Email = o.email.Text
	r.Website = o.website.Text
	r.Logo = o.logo
	r.HeadName = o.headName.Text
	r.HeadPosition = o.headPos.Text
	r.HeadNIP = o.headNIP.Text
	r.SignerPlace = o.place.Text
}
