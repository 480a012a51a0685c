package app

import (
	"hash/fnv"
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
)

// The small pieces the Agenda draws with: chips (a content item in a day,
// a stage band across days), the layout that spans them over the columns
// of a week, their colours, and how periods are written.

// chip is a short strip of text, tappable: a content item in a day of the
// month view (its status colour in a bar at the left) or a stage band
// (filled with its category's colour). Text that does not fit is cut with
// an ellipsis, so a one-day band in a narrow column stays in its column.
type chip struct {
	widget.BaseWidget
	text   string
	fill   func() color.Color // the background; nil for none
	marker func() color.Color // the bar at the left; nil for none
	bold   bool
	// roundLeft and roundRight round the ends of a band that starts or
	// ends in this week; a band that goes on into the next week is cut
	// square.
	roundLeft, roundRight bool
	// natural asks for room for the whole text (the legend); other chips
	// take what their column gives and cut the text to it.
	natural   bool
	textColor fyne.ThemeColorName // "" is the foreground colour
	onTap     func()
	hovered   bool
}

func newChip(text string, onTap func()) *chip {
	c := &chip{text: text, onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

// Tapped implements fyne.Tappable.
func (c *chip) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap()
	}
}

// Cursor implements desktop.Cursorable: a hand over what can be tapped.
func (c *chip) Cursor() desktop.Cursor {
	if c.onTap != nil {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// MouseIn implements desktop.Hoverable.
func (c *chip) MouseIn(*desktop.MouseEvent) {
	if c.onTap != nil {
		c.hovered = true
		c.Refresh()
	}
}

// MouseMoved implements desktop.Hoverable.
func (c *chip) MouseMoved(*desktop.MouseEvent) {}

// MouseOut implements desktop.Hoverable.
func (c *chip) MouseOut() {
	if c.hovered {
		c.hovered = false
		c.Refresh()
	}
}

func (c *chip) CreateRenderer() fyne.WidgetRenderer {
	r := &chipRenderer{c: c, bg: canvas.NewRectangle(color.Transparent), hover: canvas.NewRectangle(color.Transparent),
		mark: canvas.NewRectangle(color.Transparent), label: canvas.NewText("", color.Black)}
	r.Refresh()
	return r
}

type chipRenderer struct {
	c               *chip
	bg, hover, mark *canvas.Rectangle
	label           *canvas.Text
}

const chipMarkerWidth = 4

func (r *chipRenderer) textSize() float32 { return theme.CaptionTextSize() + 1 }

func (r *chipRenderer) pad() float32 { return theme.InnerPadding() / 2 }

func (r *chipRenderer) MinSize() fyne.Size {
	style := fyne.TextStyle{Bold: r.c.bold}
	h := fyne.MeasureText("Ag", r.textSize(), style).Height
	w := float32(12)
	if r.c.natural {
		w = fyne.MeasureText(r.c.text, r.textSize(), style).Width
	}
	return fyne.NewSize(2*r.pad()+chipMarkerWidth+w, h+2*r.pad()-2)
}

func (r *chipRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.bg.Move(fyne.NewPos(0, 0))
	r.hover.Resize(size)
	r.mark.Resize(fyne.NewSize(chipMarkerWidth, size.Height))
	r.mark.Move(fyne.NewPos(0, 0))
	x := r.pad()
	if r.c.marker != nil {
		x += chipMarkerWidth
	}
	r.label.Text = fitText(r.c.text, size.Width-x-r.pad(), r.textSize(), r.label.TextStyle)
	h := r.label.MinSize().Height
	r.label.Move(fyne.NewPos(x, (size.Height-h)/2))
	r.label.Resize(fyne.NewSize(size.Width-x-r.pad(), h))
	r.label.Refresh()
}

func (r *chipRenderer) Refresh() {
	c := r.c
	r.bg.FillColor = color.Transparent
	if c.fill != nil {
		r.bg.FillColor = c.fill()
	}
	radius := theme.InputRadiusSize()
	r.bg.TopLeftCornerRadius, r.bg.BottomLeftCornerRadius = 0, 0
	r.bg.TopRightCornerRadius, r.bg.BottomRightCornerRadius = 0, 0
	if c.roundLeft {
		r.bg.TopLeftCornerRadius, r.bg.BottomLeftCornerRadius = radius, radius
	}
	if c.roundRight {
		r.bg.TopRightCornerRadius, r.bg.BottomRightCornerRadius = radius, radius
	}
	r.hover.FillColor = color.Transparent
	if c.hovered {
		r.hover.FillColor = theme.Color(theme.ColorNameHover)
	}
	r.mark.FillColor = color.Transparent
	if c.marker != nil {
		r.mark.FillColor = c.marker()
	}
	name := c.textColor
	if name == "" {
		name = theme.ColorNameForeground
	}
	r.label.Color = theme.Color(name)
	r.label.TextSize = r.textSize()
	r.label.TextStyle = fyne.TextStyle{Bold: c.bold}
	r.Layout(c.Size())
	canvas.Refresh(r.bg)
	canvas.Refresh(r.hover)
	canvas.Refresh(r.mark)
}

func (r *chipRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.hover, r.mark, r.label}
}

func (r *chipRenderer) Destroy() {}

// fitText cuts s to fit width at size, ending it with "…" when cut.
func fitText(s string, width, size float32, style fyne.TextStyle) string {
	if width <= 0 {
		return ""
	}
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes) // the longest prefix that fits with the ellipsis
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(runes[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return string(runes[:lo]) + "…"
}

// spanLayout places each object across a run of the seven day columns of
// a week, the way container.NewGridWithColumns(7) places one per column,
// so that a band lines up with the days under it.
type spanLayout struct {
	spans [][2]int // per object: the first and last column, 0 = Monday
}

func (l *spanLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	cell := (size.Width - 6*pad) / 7
	for i, o := range objs {
		if i >= len(l.spans) {
			o.Hide()
			continue
		}
		s := l.spans[i]
		o.Move(fyne.NewPos(float32(s[0])*(cell+pad), 0))
		o.Resize(fyne.NewSize(float32(s[1]-s[0]+1)*cell+float32(s[1]-s[0])*pad, size.Height))
	}
}

func (l *spanLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(0, h)
}

// statusColor is the colour of a draft status in the Agenda: grey for a
// draft, orange submitted, blue approved, green published, red returned.
func statusColor(status string) func() color.Color {
	name := theme.ColorNamePlaceHolder
	switch status {
	case data.StatusSubmitted:
		name = theme.ColorNameWarning
	case data.StatusApproved:
		name = theme.ColorNamePrimary
	case data.StatusPublished:
		name = theme.ColorNameSuccess
	case data.StatusReturned:
		name = theme.ColorNameError
	}
	return func() color.Color { return theme.Color(name) }
}

// Band colours, translucent so that the theme's text reads on them in
// light and dark. Election stages take one of a few blues and purples by
// election, so that the stages of two elections stacked in one week are
// told apart.
var (
	electionBands = []color.NRGBA{
		{0x3d, 0x7b, 0xe0, 0x66}, {0x8e, 0x4f, 0xd0, 0x66}, {0x1f, 0x9a, 0xb0, 0x66}, {0x5a, 0x5f, 0xd8, 0x66},
	}
	nationalBand = color.NRGBA{0xe0, 0x4b, 0x4b, 0x66}
	localBand    = color.NRGBA{0x2e, 0xa0, 0x5e, 0x66}
	otherBand    = color.NRGBA{0x9a, 0x8a, 0x6a, 0x66}
)

// stageColor is the band colour of a stage.
func stageColor(st *data.Stage) color.Color {
	switch st.Category {
	case data.StageElection:
		h := fnv.New32a()
		h.Write([]byte(st.Election))
		return electionBands[h.Sum32()%uint32(len(electionBands))]
	case data.StageNational:
		return nationalBand
	case data.StageLocal:
		return localBand
	}
	return otherBand
}

// monthTitle is "November 2026", or the English month.
func monthTitle(y int, m time.Month, l data.Lang) string {
	return monthName(m, l) + " " + strconv.Itoa(y)
}

func monthName(m time.Month, l data.Lang) string {
	if l == data.LangEN {
		return m.String()
	}
	return iddate.Months[m-1]
}

// dayName is the name of a day of the week in l.
func dayName(wd time.Weekday, l data.Lang) string {
	if l == data.LangEN {
		return wd.String()
	}
	return iddate.Days[wd]
}

// dayRange writes a period as short as it reads clearly: "14 Februari
// 2024", "7–13 Desember 2026", "25 September – 23 November 2024",
// "28 Desember 2026 – 3 Januari 2027".
func dayRange(from, to data.Date, l data.Lang) string {
	day := func(d data.Date) string { return strconv.Itoa(d.Day) + " " + monthName(d.Month, l) }
	year := func(d data.Date) string { return " " + strconv.Itoa(d.Year) }
	switch {
	case from == to || to.IsZero():
		return day(from) + year(from)
	case from.Year != to.Year:
		return day(from) + year(from) + " – " + day(to) + year(to)
	case from.Month != to.Month:
		return day(from) + " – " + day(to) + year(to)
	}
	return strconv.Itoa(from.Day) + "–" + day(to) + year(to)
}

// stageTitle is a stage's name with its election, as Beranda and the
// Agenda name it: "Masa kampanye Pilkada 2024"; a name that already ends
// with the election's word takes only the rest ("Masa kampanye pemilu"
// of Pemilu 2024 is "Masa kampanye pemilu 2024").
func stageTitle(st *data.Stage) string {
	if st.Election == "" {
		return st.Name
	}
	word, rest, _ := strings.Cut(st.Election, " ")
	if rest != "" && strings.HasSuffix(strings.ToLower(st.Name), " "+strings.ToLower(word)) {
		return st.Name + " " + rest
	}
	return st.Name + " " + st.Election
}
