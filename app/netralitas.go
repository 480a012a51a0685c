package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data/check"
)

// maxTermsFile is the largest term list accepted: the shipped lists are
// a few kilobytes.
const maxTermsFile = 1 << 20

// netralitasSettings is Pengaturan → Netralitas, what the neutrality
// checker reads besides the content: the office's officials (whose
// names, titles and taglines must not feature in election content) and
// the term lists. The officials are kept as JSON under
// check.SettingOfficials; the term lists, as the text of the list file
// the office imported, under check.SettingTerms (empty: the shipped
// lists). Both are settings of this installation.
type netralitasSettings struct {
	u         *UI
	rows      []*officialRow
	box       *fyne.Container
	empty     *widget.Label
	addBtn    *widget.Button
	saveBtn   *widget.Button
	offErr    *widget.Label
	offStatus *widget.Label

	termsAbout  *widget.Label
	exportBtn   *widget.Button
	importBtn   *widget.Button
	resetBtn    *widget.Button
	termsErr    *widget.Label // every bad line of a refused import
	termsStatus *widget.Label
	content     fyne.CanvasObject
}

// officialRow edits one official.
type officialRow struct {
	name     *widget.Entry
	title    *widget.Entry
	aliases  *widget.Entry // one per line
	taglines *widget.Entry // one per line
	head     *widget.Check
	remove   *widget.Button
	content  fyne.CanvasObject
}

func newNetralitasSettings(u *UI) *netralitasSettings {
	s := &netralitasSettings{u: u, box: container.NewVBox(), offErr: kit.ErrorLabel(), offStatus: widget.NewLabel(""),
		termsAbout: widget.NewLabel(""), termsErr: kit.ErrorLabel(), termsStatus: widget.NewLabel("")}
	s.empty = widget.NewLabel(lang.L("No officials yet: the rules on officials' names, taglines and photos find nothing until they are added."))
	s.empty.Wrapping = fyne.TextWrapWord
	s.empty.Importance = widget.LowImportance
	s.addBtn = widget.NewButtonWithIcon(lang.L("Add official"), theme.ContentAddIcon(), func() { s.addRow(check.Official{}) })
	s.saveBtn = widget.NewButtonWithIcon(lang.L("Save officials"), theme.DocumentSaveIcon(), s.saveOfficials)
	s.saveBtn.Importance = widget.HighImportance
	offHelp := widget.NewLabel(lang.L("Write the name as on documents (titles such as Dr. or H. and degrees after a comma are ignored) and the title with the region, e.g. Bupati Sleman. Taglines are personal slogans, not the region's official motto."))
	offHelp.Wrapping = fyne.TextWrapWord
	offHelp.Importance = widget.LowImportance

	s.termsAbout.Wrapping = fyne.TextWrapWord
	s.termsStatus.Wrapping = fyne.TextWrapWord
	s.exportBtn = widget.NewButtonWithIcon(lang.L("Export list…"), theme.DownloadIcon(), s.chooseExport)
	s.importBtn = widget.NewButtonWithIcon(lang.L("Import list…"), theme.UploadIcon(), s.chooseImport)
	s.resetBtn = widget.NewButtonWithIcon(lang.L("Restore the shipped list"), theme.ViewRefreshIcon(), s.confirmReset)
	termsHelp := widget.NewLabel(lang.L("The list is a text file, one term per line as “category: term”. Export the list in use, edit it, and import it again; a file with errors is refused with every bad line and its number, and the list in use stays."))
	termsHelp.Wrapping = fyne.TextWrapWord
	termsHelp.Importance = widget.LowImportance

	officials := container.NewVBox(s.box, s.empty, offHelp, s.offErr,
		container.NewHBox(s.addBtn, s.saveBtn, s.offStatus))
	terms := container.NewVBox(s.termsAbout, termsHelp,
		container.NewHBox(s.exportBtn, s.importBtn, s.resetBtn), s.termsErr, s.termsStatus)
	s.content = widget.NewCard(lang.L("Neutrality"), lang.L("What the neutrality check looks for"),
		container.NewVBox(subheading(lang.L("Officials")), officials, widget.NewSeparator(),
			subheading(lang.L("Term lists")), terms))
	s.load()
	return s
}

func subheading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.TextStyle.Bold = true
	return l
}

// load shows the stored officials and describes the term list in use.
func (s *netralitasSettings) load() {
	ctx := s.u.ctx()
	s.rows = nil
	s.box.RemoveAll()
	s.offErr.Hide()
	raw, err := s.u.store.Setting(ctx, check.SettingOfficials, "")
	var officials []check.Official
	if err == nil && strings.TrimSpace(raw) != "" {
		err = json.Unmarshal([]byte(raw), &officials)
	}
	if err != nil {
		s.offErr.SetText(lang.L("The stored officials could not be read: {{.Error}}", map[string]any{"Error": err.Error()}))
		s.offErr.Show()
	}
	for _, o := range officials {
		s.addRow(o)
	}
	s.showEmpty()
	s.describeTerms()
}

func (s *netralitasSettings) showEmpty() {
	if len(s.rows) == 0 {
		s.empty.Show()
	} else {
		s.empty.Hide()
	}
}

// addRow adds an official to the editor.
func (s *netralitasSettings) addRow(o check.Official) *officialRow {
	r := &officialRow{name: widget.NewEntry(), title: widget.NewEntry(), aliases: kit.NewMultiLine(2), taglines: kit.NewMultiLine(2),
		head: widget.NewCheck(lang.L("Regional head or deputy (for Pasal 71)"), nil)}
	r.name.SetPlaceHolder("Dr. H. Ahmad Santoso, M.Si.")
	r.title.SetPlaceHolder("Bupati Sleman")
	r.aliases.SetPlaceHolder(lang.L("One per line, e.g. a nickname"))
	r.taglines.SetPlaceHolder(lang.L("One per line"))
	r.name.SetText(o.Name)
	r.title.SetText(o.Title)
	r.aliases.SetText(strings.Join(o.Aliases, "\n"))
	r.taglines.SetText(strings.Join(o.Taglines, "\n"))
	r.head.SetChecked(o.RegionalHead)
	r.remove = widget.NewButtonWithIcon(lang.L("Remove official"), theme.DeleteIcon(), func() { s.removeRow(r) })
	r.remove.Importance = widget.LowImportance
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Official's name"), r.name),
		widget.NewFormItem(lang.L("Official's title"), r.title),
		widget.NewFormItem(lang.L("Aliases"), r.aliases),
		widget.NewFormItem(lang.L("Taglines"), r.taglines),
		widget.NewFormItem("", container.NewBorder(nil, nil, nil, r.remove, r.head)),
	)
	r.content = container.NewVBox(form, widget.NewSeparator())
	s.rows = append(s.rows, r)
	s.box.Add(r.content)
	s.showEmpty()
	return r
}

func (s *netralitasSettings) removeRow(r *officialRow) {
	for i, x := range s.rows {
		if x == r {
			s.rows = append(s.rows[:i], s.rows[i+1:]...)
			break
		}
	}
	s.box.Remove(r.content)
	s.showEmpty()
}

// officials reads the editor; a row with neither name nor title is left
// out when it is empty, and refused when it has aliases or taglines.
func (s *netralitasSettings) officials() ([]check.Official, error) {
	out := []check.Official{}
	var bad []string
	for i, r := range s.rows {
		o := check.Official{Name: strings.TrimSpace(r.name.Text), Title: strings.TrimSpace(r.title.Text),
			Aliases: kit.Lines(r.aliases.Text), Taglines: kit.Lines(r.taglines.Text), RegionalHead: r.head.Checked}
		if o.Name == "" && o.Title == "" {
			if len(o.Aliases) > 0 || len(o.Taglines) > 0 {
				bad = append(bad, lang.L("Official {{.N}}: fill in the name or the title.", map[string]any{"N": i + 1}))
			}
			continue
		}
		out = append(out, o)
	}
	if len(bad) > 0 {
		return nil, errors.New(strings.Join(bad, "\n"))
	}
	return out, nil
}

func (s *netralitasSettings) saveOfficials() {
	s.offStatus.SetText("")
	officials, err := s.officials()
	if err == nil {
		var raw string
		if raw, err = check.EncodeOfficials(officials); err == nil {
			err = s.u.store.SetSetting(s.u.ctx(), check.SettingOfficials, raw)
		}
	}
	if err != nil {
		s.offErr.SetText(err.Error())
		s.offErr.Show()
		return
	}
	s.load()
	s.offStatus.SetText(lang.L("Saved."))
	s.u.checkSettingsChanged()
}

// terms is the term list in use: the office's, or the shipped one.
func (s *netralitasSettings) terms() ([]check.Term, bool, error) {
	raw, err := s.u.store.Setting(s.u.ctx(), check.SettingTerms, "")
	if err != nil {
		return nil, false, err
	}
	cfg, err := check.LoadConfig("", raw, nil)
	return cfg.Terms, strings.TrimSpace(raw) != "", err
}

// describeTerms says which list is in use and what it holds.
func (s *netralitasSettings) describeTerms() {
	terms, own, err := s.terms()
	if err != nil {
		s.termsAbout.SetText(lang.L("The stored list could not be read, so the shipped list is used: {{.Error}}", map[string]any{"Error": err.Error()}))
		return
	}
	n := map[string]int{}
	for _, t := range terms {
		n[t.Category]++
	}
	counts := map[string]any{"SARA": n[check.CatSARA], "Hate": n[check.CatUjaranKebencian],
		"Hoax": n[check.CatProvokasiHoaks], "Markers": len(terms) - n[check.CatSARA] - n[check.CatUjaranKebencian] - n[check.CatProvokasiHoaks]}
	if own {
		s.termsAbout.SetText(lang.L("In use: the office's own list — {{.SARA}} SARA terms, {{.Hate}} hate-speech terms, {{.Hoax}} hoax-provocation phrases and {{.Markers}} marker words.", counts))
	} else {
		s.termsAbout.SetText(lang.L("In use: the shipped list — {{.SARA}} SARA terms, {{.Hate}} hate-speech terms, {{.Hoax}} hoax-provocation phrases and {{.Markers}} marker words.", counts))
	}
}

// exportTerms writes the list in use.
func (s *netralitasSettings) exportTerms(w io.Writer) error {
	terms, _, err := s.terms()
	if err != nil {
		return err
	}
	return check.WriteTerms(w, terms)
}

// importTerms reads a list file and, when every line is right, makes it
// the list in use. A file with errors changes nothing: every bad line is
// shown with its number.
func (s *netralitasSettings) importTerms(r io.Reader) error {
	s.termsErr.Hide()
	s.termsStatus.SetText("")
	raw, err := io.ReadAll(io.LimitReader(r, maxTermsFile+1))
	if err == nil && len(raw) > maxTermsFile {
		err = fmt.Errorf("berkas lebih dari %d MB", maxTermsFile>>20)
	}
	var terms []check.Term
	if err == nil {
		terms, err = check.ParseTerms(bytes.NewReader(raw))
	}
	if err == nil && len(terms) == 0 {
		err = errors.New(lang.L("The file holds no terms."))
	}
	if err == nil {
		err = s.u.store.SetSetting(s.u.ctx(), check.SettingTerms, string(raw))
	}
	if err != nil {
		msg := err.Error()
		var pe check.ParseError
		if errors.As(err, &pe) {
			var bad []string
			for _, le := range pe {
				bad = append(bad, le.Error())
			}
			msg = strings.Join(bad, "\n")
		}
		s.u.lastError = lang.L("The list was not imported; the list in use stays.") + "\n" + msg
		s.termsErr.SetText(s.u.lastError)
		s.termsErr.Show()
		return err
	}
	s.describeTerms()
	s.termsStatus.SetText(lang.L("Imported {{.Count}} terms.", map[string]any{"Count": len(terms)}))
	s.u.checkSettingsChanged()
	return nil
}

// resetTerms goes back to the shipped list.
func (s *netralitasSettings) resetTerms() {
	if err := s.u.store.SetSetting(s.u.ctx(), check.SettingTerms, ""); err != nil {
		s.u.showError(lang.L("Could not save the setting"), err)
		return
	}
	s.termsErr.Hide()
	s.describeTerms()
	s.termsStatus.SetText(lang.L("The shipped list is in use again."))
	s.u.checkSettingsChanged()
}

func (s *netralitasSettings) confirmReset() {
	dialog.NewConfirm(lang.L("Restore the shipped list"),
		lang.L("Replace the office's term list with the shipped one? Export the office's list first to keep it."),
		func(ok bool) {
			if ok {
				s.resetTerms()
			}
		}, s.u.win).Show()
}

func (s *netralitasSettings) chooseExport() {
	title := lang.L("Could not save the file")
	s.u.chooseSave(kit.FileChoice{ErrTitle: title, Name: "istilah-netralitas.txt", Exts: []string{".txt"}},
		func(w fyne.URIWriteCloser) {
			err := s.exportTerms(w)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				s.u.showError(title, err)
				return
			}
			s.termsStatus.SetText(lang.L("The list was saved as {{.Path}}.", map[string]any{"Path": uriText(w.URI())}))
		})
}

func (s *netralitasSettings) chooseImport() {
	s.u.chooseOpen(kit.FileChoice{ErrTitle: lang.L("Could not open the file"), Exts: []string{".txt", ".TXT"}},
		func(r fyne.URIReadCloser) {
			defer r.Close()
			s.importTerms(r)
		})
}

// checkSettingsChanged checks the draft in the Konten form again after the
// officials or the term lists changed.
func (u *UI) checkSettingsChanged() {
	if f := u.draftEd; f != nil && f.checker.checked {
		f.checker.run()
	}
}
