package monitoring

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/app/kit"
	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/monitoring"
)

// Targets edits the office's annual targets of one year, for Pengaturan:
// a number per strategy, per activity type and per channel.
type Targets struct {
	d       Deps
	Year    *widget.Select
	Fields  map[[2]string]*widget.Entry // by dimension and code
	Err     *widget.Label
	SaveBtn *widget.Button
	year    int
	Content fyne.CanvasObject
}

// NewTargets builds the editor, showing the current year.
func NewTargets(d Deps) *Targets {
	t := &Targets{d: d, Fields: map[[2]string]*widget.Entry{}, Err: kit.ErrorLabel()}
	this := d.Today().Year
	var years []string
	for y := this - 1; y <= this+1; y++ {
		years = append(years, strconv.Itoa(y))
	}
	t.Year = widget.NewSelect(years, func(s string) {
		y, _ := strconv.Atoi(s)
		t.load(y)
	})
	l := d.Host.Lang()
	form := widget.NewForm()
	for _, dim := range data.TargetDimensions {
		head := widget.NewLabel(dim.Label.In(l))
		head.TextStyle.Bold = true
		form.Append("", head)
		for _, code := range codesOf(dim.Code) {
			e := widget.NewEntry()
			e.SetPlaceHolder("0")
			t.Fields[[2]string{dim.Code, code}] = e
			form.Append(monitoring.CodeLabel(dim.Code, code, l), e)
		}
	}
	t.SaveBtn = widget.NewButtonWithIcon(lang.L("Save targets"), theme.DocumentSaveIcon(), t.Save)
	t.SaveBtn.Importance = widget.HighImportance
	note := widget.NewLabel(lang.L("Annual targets: Beranda and the report set each quarter's realisation against them. Empty means no target."))
	note.Wrapping = fyne.TextWrapWord
	t.Content = widget.NewCard(lang.L("Annual targets"), "", container.NewVBox(note,
		container.NewHBox(widget.NewLabel(data.LabelYear.In(l)), t.Year), form, t.Err, t.SaveBtn))
	t.Year.SetSelected(strconv.Itoa(this))
	return t
}

func codesOf(dim string) []string {
	switch dim {
	case data.TargetStrategy:
		out := make([]string, len(data.Strategies))
		for i := range out {
			out[i] = strconv.Itoa(i + 1)
		}
		return out
	case data.TargetActivity:
		return data.ActivityTypes.Codes()
	}
	return data.Channels.Codes()
}

func (t *Targets) load(year int) {
	t.year = year
	t.Err.Hide()
	tg, err := t.d.Store().Target(t.d.Host.Ctx(), t.d.Host.OfficeID(), year)
	if err != nil {
		t.d.Host.ShowError(lang.L("Could not read the targets"), err)
		return
	}
	for key, e := range t.Fields {
		e.SetText(kit.IntText(tg.Count(key[0], key[1])))
	}
}

// Save stores the year's targets; a number that is not one is named and
// nothing is stored.
func (t *Targets) Save() {
	tg := &data.Target{Year: t.year}
	var bad []string
	l := t.d.Host.Lang()
	for _, dim := range data.TargetDimensions {
		for _, code := range codesOf(dim.Code) {
			text := strings.TrimSpace(t.Fields[[2]string{dim.Code, code}].Text)
			if text == "" {
				continue
			}
			n, err := strconv.Atoi(strings.ReplaceAll(text, ".", ""))
			if err != nil || n < 0 {
				bad = append(bad, monitoring.CodeLabel(dim.Code, code, l))
				continue
			}
			tg.Items = append(tg.Items, data.TargetItem{Dimension: dim.Code, Code: code, Count: n})
		}
	}
	if len(bad) > 0 {
		t.Err.SetText(lang.L("Not a whole number of zero or more:") + " " + strings.Join(bad, ", "))
		t.Err.Show()
		return
	}
	if err := t.d.Store().SaveTarget(t.d.Host.Ctx(), tg); err != nil {
		t.Err.SetText(err.Error())
		t.Err.Show()
		return
	}
	t.Err.Hide()
	t.d.Host.LocalChange()
	t.load(t.year)
}
