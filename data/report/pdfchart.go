package report

import (
	"fmt"
	"math"

	"github.com/humasdesk/humasdesk/data"
)

// strategyChart draws a horizontal bar chart of the activities per
// strategy with gofpdf's own lines and rectangles: one bar per strategy,
// split into realised, not realised and planned, the count at its end, a scale with
// grid lines below, and both axes titled.
func (d *pdfDoc) strategyChart() {
	const (
		labelW = 62.0 // strategy names
		slot   = 9.0  // height per bar
		barH   = 5.6
		valueW = 10.0 // room for the count after the longest bar
		titleH = 6.0
		scaleH = 13.0 // tick labels and the x-axis title
		legend = 7.0
	)
	s := d.r.Strategies
	h := titleH + 8*slot + scaleH + legend + 8
	d.room(h)
	f := d.f
	top := d.y + titleH
	plotX := pdfMarginLeft + labelW + 2
	plotW := pdfContentW - labelW - 2 - valueW
	plotH := 8 * slot
	maxN := 0
	for _, t := range s {
		maxN = max(maxN, t.Count)
	}
	step, end := pdfNiceScale(maxN)

	d.font("B", 8)
	d.text(pdfMarginLeft, pdfBaseline(d.y, titleH, 8), "Strategi Bakohumas")

	// grid and scale
	f.SetLineWidth(0.15)
	f.SetDrawColor(205, 205, 205)
	d.font("", 7.5)
	for v := 0; v <= end; v += step {
		x := plotX + plotW*float64(v)/float64(end)
		f.Line(x, top, x, top+plotH)
		d.textAligned(x-10, 20, top+plotH+4, pdfNum(v), 'C')
	}
	f.SetDrawColor(0, 0, 0)
	f.SetLineWidth(0.3)
	f.Line(plotX, top, plotX, top+plotH)             // y axis
	f.Line(plotX, top+plotH, plotX+plotW, top+plotH) // x axis
	f.SetLineWidth(0.2)
	d.font("B", 8)
	d.textAligned(plotX, plotW, top+plotH+9.5, "Jumlah kegiatan", 'C')

	// bars
	for i, t := range s {
		y := top + float64(i)*slot + (slot-barH)/2
		d.font("", 7.5)
		label := d.split(fmt.Sprintf("%d. %s", i+1, data.StrategyLabel(i+1, data.LangID)), labelW)
		if len(label) > 2 {
			label = label[:2]
			label[1] = pdfTruncate(f, label[1], labelW-2)
		}
		ly := top + float64(i)*slot + (slot-float64(len(label))*3.2)/2
		for _, l := range label {
			d.textAligned(pdfMarginLeft, labelW, pdfBaseline(ly, 3.2, 7.5), l, 'R')
			ly += 3.2
		}
		x := plotX
		for _, part := range []struct {
			n       int
			r, g, b int
		}{{t.Realised, 31, 78, 121}, {t.NotRealised, 214, 137, 16}, {t.Planned, 170, 180, 190}} {
			if part.n == 0 {
				continue
			}
			w := plotW * float64(part.n) / float64(end)
			f.SetFillColor(part.r, part.g, part.b)
			f.Rect(x, y, w, barH, "F")
			x += w
		}
		f.SetFillColor(0, 0, 0)
		d.font("B", 7.5)
		d.text(x+1.5, pdfBaseline(y, barH, 7.5), pdfNum(t.Count))
	}

	// legend
	ly := top + plotH + scaleH
	lx := plotX
	d.font("", 7.5)
	for _, it := range []struct {
		label   string
		r, g, b int
	}{{"Terlaksana", 31, 78, 121}, {"Tidak terlaksana", 214, 137, 16}, {"Direncanakan", 170, 180, 190}} {
		f.SetFillColor(it.r, it.g, it.b)
		f.Rect(lx, ly, 4, 3, "F")
		f.SetFillColor(0, 0, 0)
		d.text(lx+5.5, ly+2.6, it.label)
		lx += 5.5 + d.width(it.label) + 8
	}
	d.figureNo++
	d.y = ly + legend
	d.font("I", 8.5)
	d.textAligned(pdfMarginLeft, pdfContentW, pdfBaseline(d.y, 4.5, 8.5),
		fmt.Sprintf("Gambar %d. Jumlah kegiatan per strategi Bakohumas, %s", d.figureNo, d.r.Period.Name()), 'C')
	d.y += 8
}

// pdfNiceScale picks a tick step of 1, 2 or 5 times a power of ten giving at
// most about six ticks, and the axis end (a multiple of the step) at or
// above maxN.
func pdfNiceScale(maxN int) (step, end int) {
	if maxN <= 0 {
		return 1, 1
	}
	raw := float64(maxN) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step = int(mag)
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			step = int(m * mag)
			break
		}
	}
	step = max(step, 1)
	end = (maxN + step - 1) / step * step
	return step, end
}
