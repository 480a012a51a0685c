package monitoring

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Charts are drawn natively from canvas rectangles and lines: a BarChart
// is a row of groups, each a tappable widget that scales its bars to the
// chart's largest value, with its label under it. Tapping a group opens
// the list behind it.

// Series colours, readable on the light and the dark theme.
var (
	colorThis    = color.NRGBA{0x1f, 0x77, 0xb4, 0xff}
	colorLast    = color.NRGBA{0x9e, 0xb9, 0xd4, 0xff}
	colorTarget  = color.NRGBA{0xd6, 0x27, 0x28, 0xff}
	colorPos     = color.NRGBA{0x2c, 0xa0, 0x2c, 0xff}
	colorNeutral = color.NRGBA{0x9e, 0x9e, 0x9e, 0xff}
	colorNeg     = color.NRGBA{0xd6, 0x27, 0x28, 0xff}
)

// Group is one group of bars: side by side, or stacked.
type Group struct {
	Label   string
	Values  []float64
	Colors  []color.Color
	Stacked bool
	Marker  float64 // a line across the group at this value (a target); 0 for none
}

func (g Group) height() float64 {
	top := g.Marker
	sum := 0.0
	for _, v := range g.Values {
		sum += v
		if !g.Stacked && v > top {
			top = v
		}
	}
	if g.Stacked && sum > top {
		top = sum
	}
	return top
}

// BarChart is a row of tappable groups with a legend.
type BarChart struct {
	Groups  []*GroupBars
	Content fyne.CanvasObject
}

// NewBarChart draws groups; onTap is told the index of a tapped group.
func NewBarChart(groups []Group, legend []LegendItem, onTap func(i int)) *BarChart {
	max := 0.0
	for _, g := range groups {
		max = maxf(max, g.height())
	}
	c := &BarChart{}
	cols := container.NewGridWithColumns(max1(len(groups)))
	for i, g := range groups {
		gb := newGroupBars(g, max, func() {
			if onTap != nil {
				onTap(i)
			}
		})
		c.Groups = append(c.Groups, gb)
		label := widget.NewLabel(g.Label)
		label.Alignment = fyne.TextAlignCenter
		label.Truncation = fyne.TextTruncateEllipsis
		cols.Add(container.NewBorder(nil, label, nil, nil, gb))
	}
	c.Content = container.NewBorder(nil, legendRow(legend), nil, nil, cols)
	return c
}

func maxf(a, b float64) float64 {
	if b > a {
		return b
	}
	return a
}

func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// LegendItem names a series' colour.
type LegendItem struct {
	Color color.Color
	Label string
}

func legendRow(items []LegendItem) fyne.CanvasObject {
	row := container.NewHBox()
	for _, it := range items {
		sw := canvas.NewRectangle(it.Color)
		sw.SetMinSize(fyne.NewSize(12, 12))
		row.Add(container.NewCenter(sw))
		l := widget.NewLabel(it.Label)
		l.SizeName = theme.SizeNameCaptionText
		row.Add(l)
	}
	return row
}

// GroupBars draws one group and is tappable.
type GroupBars struct {
	widget.BaseWidget
	G     Group
	max   float64
	onTap func()
}

func newGroupBars(g Group, max float64, onTap func()) *GroupBars {
	b := &GroupBars{G: g, max: max, onTap: onTap}
	b.ExtendBaseWidget(b)
	return b
}

// Tapped implements fyne.Tappable.
func (b *GroupBars) Tapped(*fyne.PointEvent) {
	if b.onTap != nil {
		b.onTap()
	}
}

// CreateRenderer implements fyne.Widget.
func (b *GroupBars) CreateRenderer() fyne.WidgetRenderer {
	r := &barsRenderer{b: b}
	for i := range b.G.Values {
		rect := canvas.NewRectangle(b.G.Colors[i%len(b.G.Colors)])
		r.bars = append(r.bars, rect)
		r.objs = append(r.objs, rect)
	}
	if b.G.Marker > 0 {
		r.marker = canvas.NewLine(colorTarget)
		r.marker.StrokeWidth = 2
		r.objs = append(r.objs, r.marker)
	}
	return r
}

type barsRenderer struct {
	b      *GroupBars
	bars   []*canvas.Rectangle
	marker *canvas.Line
	objs   []fyne.CanvasObject
}

func (r *barsRenderer) Layout(size fyne.Size) {
	g := r.b.G
	if r.b.max <= 0 || len(r.bars) == 0 {
		for _, b := range r.bars {
			b.Resize(fyne.NewSize(0, 0))
		}
		return
	}
	scale := float64(size.Height) / r.b.max
	pad := size.Width * 0.15
	inner := size.Width - 2*pad
	if g.Stacked {
		y := size.Height
		for i, b := range r.bars {
			h := float32(g.Values[i] * scale)
			y -= h
			b.Move(fyne.NewPos(pad, y))
			b.Resize(fyne.NewSize(inner, h))
		}
	} else {
		w := inner / float32(len(r.bars))
		for i, b := range r.bars {
			h := float32(g.Values[i] * scale)
			b.Move(fyne.NewPos(pad+float32(i)*w, size.Height-h))
			b.Resize(fyne.NewSize(w*0.9, h))
		}
	}
	if r.marker != nil {
		y := size.Height - float32(g.Marker*scale)
		r.marker.Position1 = fyne.NewPos(pad/2, y)
		r.marker.Position2 = fyne.NewPos(size.Width-pad/2, y)
	}
}

func (r *barsRenderer) MinSize() fyne.Size           { return fyne.NewSize(24, 120) }
func (r *barsRenderer) Refresh()                     { r.Layout(r.b.Size()); canvas.Refresh(r.b) }
func (r *barsRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *barsRenderer) Destroy()                     {}
