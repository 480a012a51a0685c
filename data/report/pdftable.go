package report

import (
	"math"
	"strings"
)

// gofpdf has no table helper. pdfTable measures every row with SplitText
// across all its cells, breaks the page by hand before a row that does not
// fit, repeats the header row at the top of each new page, and splits a
// row taller than a whole page line by line, so that long text wraps onto
// the next page and nothing is cut.

const (
	pdfTableSize = 8.0 // font size of table text, in points
	pdfTableLine = 3.6 // line height, mm
	pdfTablePadX = 1.2 // cell padding, mm
	pdfTablePadY = 1.0
)

// pdfColumn is a table column. A column with w == 0 takes the width the
// others leave (there is one such column per table).
type pdfColumn struct {
	head  string
	w     float64
	align byte // 'L', 'C' or 'R'
}

// pdfPara is one run of text in a cell, with its own style ("" or "I");
// a cell's paras start on new lines.
type pdfPara struct {
	text  string
	style string
}

// pdfRow is one table row: the paras of each cell, in column order.
type pdfRow struct {
	cells [][]pdfPara
	total bool // the bold, shaded total row
}

func pdfCell(s string) []pdfPara { return []pdfPara{{text: s}} }

func pdfCells(ss ...string) pdfRow {
	r := pdfRow{cells: make([][]pdfPara, len(ss))}
	for i, s := range ss {
		r.cells[i] = pdfCell(s)
	}
	return r
}

func pdfTotalRow(r pdfRow) pdfRow { r.total = true; return r }

// pdfWrapped is one wrapped line of a cell.
type pdfWrapped struct {
	text  string
	style string
}

type pdfTable struct {
	d       *pdfDoc
	keep    bool     // keep the whole table on one page when it fits one
	pending []pdfRow // rows held back by keep until end
	cols    []pdfColumn
	x       []float64 // left edge of each column, and the right edge last
	head    [][]pdfWrapped
	headH   float64
	started bool
	buf     [][]pdfWrapped // reused between rows
}

func (d *pdfDoc) newTable(cols []pdfColumn) *pdfTable {
	t := &pdfTable{d: d, cols: append([]pdfColumn(nil), cols...)}
	// A fixed column is at least as wide as the longest word of its
	// header, so that headers wrap between words, never inside one.
	d.font("B", pdfTableSize)
	fixed := 0.0
	for i, c := range t.cols {
		if c.w > 0 {
			for _, word := range strings.Fields(c.head) {
				t.cols[i].w = max(t.cols[i].w, d.width(word)+2*pdfTablePadX+0.2)
			}
		}
		fixed += t.cols[i].w
	}
	for i := range t.cols {
		if t.cols[i].w == 0 {
			t.cols[i].w = max(pdfContentW-fixed, 20)
		}
	}
	x := pdfMarginLeft
	for _, c := range t.cols {
		t.x = append(t.x, x)
		x += c.w
	}
	t.x = append(t.x, x)
	n := 1
	for _, c := range t.cols {
		ls := t.wrap(c.head, "B", c.w)
		t.head = append(t.head, ls)
		n = max(n, len(ls))
	}
	t.headH = float64(n)*pdfTableLine + 2*pdfTablePadY
	return t
}

// wrap splits s into lines of the column width, in style.
func (t *pdfTable) wrap(s, style string, w float64) []pdfWrapped {
	t.d.font(style, pdfTableSize)
	var out []pdfWrapped
	for _, l := range t.d.split(s, w-2*pdfTablePadX) {
		out = append(out, pdfWrapped{l, style})
	}
	return out
}

// header draws the header row at the current position.
func (t *pdfTable) header() {
	d := t.d
	f := d.f
	f.SetFillColor(225, 230, 238)
	f.Rect(t.x[0], d.y, t.x[len(t.x)-1]-t.x[0], t.headH, "F")
	f.SetFillColor(0, 0, 0) // as the text: gofpdf then does not wrap every text in q … Q
	d.font("B", pdfTableSize)
	n := int(math.Round((t.headH - 2*pdfTablePadY) / pdfTableLine))
	for i, c := range t.cols {
		ls := t.head[i]
		top := d.y + pdfTablePadY + float64(n-len(ls))*pdfTableLine/2 // vertically centred
		for j, l := range ls {
			d.textAligned(t.x[i]+pdfTablePadX, c.w-2*pdfTablePadX, pdfBaseline(top+float64(j)*pdfTableLine, pdfTableLine, pdfTableSize), l.text, 'C')
		}
	}
	t.grid(d.y, t.headH)
	d.y += t.headH
}

// grid draws the cell borders of a band of height h at y.
func (t *pdfTable) grid(y, h float64) {
	f := t.d.f
	left, right := t.x[0], t.x[len(t.x)-1]
	f.Rect(left, y, right-left, h, "D")
	for _, x := range t.x[1 : len(t.x)-1] {
		f.Line(x, y, x, y+h)
	}
}

// row adds a row, breaking the page before it (and repeating the header)
// when it does not fit, and splitting it over pages when it is taller than
// a page.
func (t *pdfTable) row(r pdfRow) {
	if t.keep {
		t.pending = append(t.pending, r)
		return
	}
	d := t.d
	lines := t.measure(r)
	n := 1
	for _, ls := range lines {
		n = max(n, len(ls))
	}
	if !t.started {
		// Keep the header with the first row (or its first lines).
		d.room(t.headH + float64(min(n, 4))*pdfTableLine + 2*pdfTablePadY)
		t.header()
		t.started = true
	}
	h := float64(n)*pdfTableLine + 2*pdfTablePadY
	fullPage := pdfBodyBottom - pdfMarginTop - t.headH
	switch {
	case d.y+h <= pdfBodyBottom:
		t.band(r, lines, 0, n)
		return
	case h <= fullPage:
		t.pageBreak()
		t.band(r, lines, 0, n)
		return
	}
	// Taller than a page: fill what is left of this page (unless that is
	// less than a few lines), then continue on the next pages.
	from := 0
	for from < n {
		fit := int((pdfBodyBottom - d.y - 2*pdfTablePadY) / pdfTableLine)
		if fit < 3 && from == 0 || fit < 1 {
			t.pageBreak()
			continue
		}
		to := min(from+fit, n)
		t.band(r, lines, from, to)
		from = to
		if from < n {
			t.pageBreak()
		}
	}
}

func (t *pdfTable) pageBreak() {
	t.d.newPage()
	t.header()
}

// measure wraps every cell of r to its column.
func (t *pdfTable) measure(r pdfRow) [][]pdfWrapped {
	lines := t.buf[:0]
	for i := range t.cols {
		var ls []pdfWrapped
		if i < len(r.cells) {
			for _, p := range r.cells[i] {
				style := p.style
				if r.total {
					style = "B"
				}
				ls = append(ls, t.wrap(p.text, style, t.cols[i].w)...)
			}
		}
		lines = append(lines, ls)
	}
	t.buf = lines
	return lines
}

// band draws lines [from, to) of every cell of a row at the current
// position, with its borders.
func (t *pdfTable) band(r pdfRow, lines [][]pdfWrapped, from, to int) {
	d := t.d
	h := float64(to-from)*pdfTableLine + 2*pdfTablePadY
	if r.total {
		d.f.SetFillColor(240, 240, 240)
		d.f.Rect(t.x[0], d.y, t.x[len(t.x)-1]-t.x[0], h, "F")
		d.f.SetFillColor(0, 0, 0)
	}
	for i, c := range t.cols {
		ls := lines[i]
		for j := from; j < to && j < len(ls); j++ {
			d.font(ls[j].style, pdfTableSize)
			y := pdfBaseline(d.y+pdfTablePadY+float64(j-from)*pdfTableLine, pdfTableLine, pdfTableSize)
			d.textAligned(t.x[i]+pdfTablePadX, c.w-2*pdfTablePadX, y, ls[j].text, c.align)
		}
	}
	t.grid(d.y, h)
	d.y += h
}

// keepTogether makes a short table start on a new page rather than break.
func (t *pdfTable) keepTogether() *pdfTable { t.keep = true; return t }

// end finishes the table with a little space below it.
func (t *pdfTable) end() {
	if t.keep {
		t.keep = false
		h := t.headH
		for _, r := range t.pending {
			n := 1
			for _, ls := range t.measure(r) {
				n = max(n, len(ls))
			}
			h += float64(n)*pdfTableLine + 2*pdfTablePadY
		}
		if h <= pdfBodyBottom-pdfMarginTop {
			t.d.room(h)
		}
		for _, r := range t.pending {
			t.row(r)
		}
		t.pending = nil
	}
	if !t.started {
		t.d.room(t.headH)
		t.header()
	}
	t.d.y += 4
}
