package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/humasdesk/humasdesk/data"
	"github.com/humasdesk/humasdesk/data/iddate"
	"github.com/humasdesk/humasdesk/data/workflow"
)

// PDFOptions tune WritePDF. The zero value is fine.
type PDFOptions struct {
	// Time is written as the document's creation and modification date;
	// zero means now. Fix it for byte-for-byte reproducible output.
	Time time.Time
	// Progress, when set, is called from the writing goroutine as the
	// document is laid out, with done rising from 0 to total; the last call
	// has done == total. It is called at most about a hundred times.
	Progress func(done, total int)
}

// Page geometry, in millimetres: A4 portrait with the margins of an
// Indonesian official document (wider on the binding side).
const (
	pdfPageW, pdfPageH = 210.0, 297.0
	pdfMarginLeft      = 25.0
	pdfMarginRight     = 20.0
	pdfMarginTop       = 20.0
	pdfMarginBottom    = 25.0 // the footer lives inside it
	pdfContentW        = pdfPageW - pdfMarginLeft - pdfMarginRight
	pdfBodyBottom      = pdfPageH - pdfMarginBottom

	pdfFont     = "go"
	pdfBodySize = 10.5 // paragraphs, in points
	pdfBodyLine = 5.4  // their line height, in mm
)

// Messages for empty lists, as the sections print them.
const (
	pdfNoActivities   = "Tidak ada kegiatan pada periode ini."
	pdfNoPublications = "Tidak ada publikasi pada periode ini."
	pdfNoHoaxes       = "Tidak ada klarifikasi hoaks pada periode ini."
	pdfNoIssues       = "Tidak ada kendala yang dicatat pada periode ini."
)

// WritePDF renders r as the report document: A4, Indonesian, with the
// office's letterhead, the summary tables and chart, the full activity list
// (headers repeated on every page), publications, hoax clarifications,
// obstacles, the closing, the signature block, and the photo appendix.
// Every string is sanitised before it reaches gofpdf, so emoji or control
// characters in user text never make it fail. A photo that cannot be read
// prints as a placeholder; only a write error or an internal gofpdf error
// is returned.
func WritePDF(w io.Writer, r *Report, opt PDFOptions) (err error) {
	if r == nil {
		return fmt.Errorf("laporan kosong")
	}
	d := newPDFDoc(r, opt)
	defer d.photos.stop()
	// gofpdf panics on some input (characters beyond U+FFFF, which pdfClean
	// removes). Should another such case slip through, the user gets an
	// error for this export instead of losing the whole application.
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("PDF tidak dapat dibuat (kesalahan internal: %v)", p)
		}
	}()
	d.write()
	if err := d.f.Error(); err != nil {
		return fmt.Errorf("PDF tidak dapat dibuat: %w", err)
	}
	if err := d.f.Output(w); err != nil {
		return fmt.Errorf("PDF tidak dapat ditulis: %w", err)
	}
	d.advance(1)
	return nil
}

// pdfDoc is one report being laid out. It keeps its own vertical position
// y and breaks pages itself (gofpdf's automatic breaks are off), so that
// tables can repeat their header rows and keep blocks together.
type pdfDoc struct {
	f   *gofpdf.Fpdf
	r   *Report
	opt PDFOptions
	y   float64

	style string // current font style and size, to skip redundant SetFont
	size  float64

	pending   []pdfHeading // headings drawn with the next content
	footTitle string       // the title as the footer prints it
	photos    *pdfPhotoLoader
	photoNo   int
	figureNo  int

	done, total, reported int
}

func newPDFDoc(r *Report, opt PDFOptions) *pdfDoc {
	f := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
	// The page-count alias must be set before the fonts are added: it makes
	// gofpdf keep the digits in the font subsets.
	f.AliasNbPages("{nb}")
	f.AddUTF8FontFromBytes(pdfFont, "", goregular.TTF)
	f.AddUTF8FontFromBytes(pdfFont, "B", gobold.TTF)
	f.AddUTF8FontFromBytes(pdfFont, "I", goitalic.TTF)
	f.SetMargins(pdfMarginLeft, pdfMarginTop, pdfMarginRight)
	f.SetAutoPageBreak(false, pdfMarginBottom)
	f.SetCellMargin(0)
	f.SetCatalogSort(true) // fonts and images in a stable order
	at := opt.Time
	if at.IsZero() {
		at = time.Now()
	}
	f.SetCreationDate(at)
	f.SetModificationDate(at)
	f.SetTitle(pdfLine(r.Title), true)
	f.SetSubject(pdfLine(r.Title+", "+iddate.Range(r.From, r.To)), true)
	f.SetAuthor(pdfLine(r.Office.Name), true)
	f.SetCreator("Humas Desk", true)
	f.SetProducer("Humas Desk (gofpdf)", true)

	d := &pdfDoc{f: f, r: r, opt: opt}
	d.total = 2 + len(r.Activities) + len(r.Photos)
	d.photos = pdfStartPhotos(r.Photos)
	f.SetFooterFunc(d.footer)
	return d
}

// write lays out the whole document.
func (d *pdfDoc) write() {
	d.advance(0)
	d.newPage()
	d.letterhead()
	d.titleBlock()
	d.intro()
	d.summary()
	d.advance(1)
	d.activityList()
	d.publications()
	d.hoaxes()
	d.monitoring()
	d.issues()
	d.closing()
	d.signature()
	d.appendix()
	d.documents()
}

// advance reports progress, about a hundred times over the whole run.
func (d *pdfDoc) advance(n int) {
	d.done += n
	if d.opt.Progress == nil {
		return
	}
	step := max(d.total/100, 1)
	if d.done == 0 || d.done >= d.total || d.done-d.reported >= step {
		d.reported = d.done
		d.opt.Progress(min(d.done, d.total), d.total)
	}
}

// --- pages, fonts and text -------------------------------------------------

func (d *pdfDoc) newPage() {
	d.f.AddPage()
	d.style, d.size = "?", 0 // the footer changed the font; set it again
	d.y = pdfMarginTop
}

// room breaks the page unless h millimetres fit below the current
// position, together with the headings waiting to be drawn (which then
// are drawn, with at least 15 mm of what follows them).
func (d *pdfDoc) room(h float64) {
	if len(d.pending) == 0 {
		if d.y+h > pdfBodyBottom {
			d.newPage()
		}
		return
	}
	style, size := d.style, d.size
	need := max(h, 15)
	for _, p := range d.pending {
		need += p.h
	}
	if d.y+need > pdfBodyBottom && d.y > pdfMarginTop {
		d.newPage()
	}
	pending := d.pending
	d.pending = nil
	for _, p := range pending {
		p.draw()
	}
	if style != "?" {
		d.font(style, size) // as the caller had it
	}
}

// pdfHeading is a heading waiting for its content.
type pdfHeading struct {
	h    float64
	draw func()
}

func (d *pdfDoc) font(style string, size float64) {
	if style != d.style || size != d.size {
		d.f.SetFont(pdfFont, style, size)
		d.style, d.size = style, size
	}
}

// split wraps cleaned text to width w of the current font; "\n" starts a
// new line. Empty text gives no lines.
func (d *pdfDoc) split(s string, w float64) []string {
	s = pdfClean(s)
	if s == "" {
		return nil
	}
	return d.f.SplitText(s, w)
}

func (d *pdfDoc) width(s string) float64 { return d.f.GetStringWidth(pdfLine(s)) }

// text draws one line with its baseline at y.
func (d *pdfDoc) text(x, y float64, s string) {
	if s = pdfLine(s); s != "" {
		d.f.Text(x, y, s)
	}
}

// textAligned draws one line in the box [x, x+w] aligned 'L', 'C' or 'R'.
func (d *pdfDoc) textAligned(x, w, y float64, s string, align byte) {
	s = pdfLine(s)
	switch align {
	case 'C':
		x += (w - d.f.GetStringWidth(s)) / 2
	case 'R':
		x += w - d.f.GetStringWidth(s)
	}
	if s != "" {
		d.f.Text(x, y, s)
	}
}

// pdfPtToMM converts a font size to millimetres.
func pdfPtToMM(pt float64) float64 { return pt * 25.4 / 72 }

// pdfBaseline is where text of size pt sits in a line box of height lh
// starting at top: vertically centred on the capital height.
func pdfBaseline(top, lh, pt float64) float64 { return top + (lh+0.7*pdfPtToMM(pt))/2 }

// lines draws lines of text in the box [x, x+w] from d.y, aligned, breaking
// the page as needed.
func (d *pdfDoc) lines(ls []string, x, w, lh float64, align byte) {
	for _, l := range ls {
		d.room(lh)
		d.textAligned(x, w, pdfBaseline(d.y, lh, d.size), l, align)
		d.y += lh
	}
}

// paragraph draws text justified over the content width, a paragraph per
// line of the input, with space between paragraphs.
func (d *pdfDoc) paragraph(s string) {
	d.font("", pdfBodySize)
	for i, p := range strings.Split(pdfClean(s), "\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if i > 0 {
			d.y += 1.5
		}
		ls := d.split(p, pdfContentW)
		for j, l := range ls {
			d.room(pdfBodyLine)
			y := pdfBaseline(d.y, pdfBodyLine, pdfBodySize)
			if j == len(ls)-1 {
				d.text(pdfMarginLeft, y, l)
			} else {
				d.justified(pdfMarginLeft, pdfContentW, y, l)
			}
			d.y += pdfBodyLine
		}
	}
	d.y += 2
}

// paragraphHeight is the height paragraph(s) takes.
func (d *pdfDoc) paragraphHeight(s string) float64 {
	d.font("", pdfBodySize)
	h := 2.0
	for i, p := range strings.Split(pdfClean(s), "\n") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if i > 0 {
			h += 1.5
		}
		h += float64(len(d.split(p, pdfContentW))) * pdfBodyLine
	}
	return h
}

// justified draws a line stretched to width w by widening the spaces
// (gofpdf's word spacing does not work with UTF-8 fonts).
func (d *pdfDoc) justified(x, w, y float64, l string) {
	words := strings.Fields(l)
	if len(words) < 2 {
		d.text(x, y, l)
		return
	}
	total := 0.0
	for _, wd := range words {
		total += d.f.GetStringWidth(wd)
	}
	gap := (w - total) / float64(len(words)-1)
	if gap > 4*d.f.GetStringWidth(" ") { // a nearly empty line: do not stretch
		d.text(x, y, l)
		return
	}
	for _, wd := range words {
		d.f.Text(x, y, wd)
		x += d.f.GetStringWidth(wd) + gap
	}
}

// --- the document's parts ---------------------------------------------------

// letterhead draws the kop: logo, office name in capitals, address and
// contacts, and the thick-and-thin double rule.
func (d *pdfDoc) letterhead() {
	o := d.r.Office
	top := d.y
	textX, textW := pdfMarginLeft, pdfContentW
	logoBottom := top
	if name, info, ok := d.logo(); ok {
		h := 24.0
		w := h * info.Width() / info.Height()
		if w > 30 {
			w, h = 30, 30*info.Height()/info.Width()
		}
		d.f.ImageOptions(name, pdfMarginLeft, top, w, h, false, gofpdf.ImageOptions{}, 0, "")
		logoBottom = top + h
		// the text is centred in the space right of the logo
		textX, textW = pdfMarginLeft+w+4, pdfContentW-w-4
	}
	d.font("B", 14)
	for _, l := range d.split(strings.ToUpper(o.Name), textW) {
		d.textAligned(textX, textW, pdfBaseline(d.y, 6.4, 14), l, 'C')
		d.y += 6.4
	}
	d.font("", 9.5)
	for _, l := range d.split(o.Address, textW) {
		d.textAligned(textX, textW, pdfBaseline(d.y, 4.5, 9.5), l, 'C')
		d.y += 4.5
	}
	var contacts []string
	website := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(strings.TrimSpace(o.Website), "https://"), "http://"), "/")
	for _, c := range [][2]string{{"Telp. ", o.Phone}, {"Email: ", o.Email}, {"Laman: ", website}} {
		if v := strings.TrimSpace(c[1]); v != "" {
			contacts = append(contacts, c[0]+v)
		}
	}
	if len(contacts) > 0 {
		d.font("", 9)
		for _, l := range d.split(strings.Join(contacts, "  "), textW) {
			d.textAligned(textX, textW, pdfBaseline(d.y, 4.3, 9), l, 'C')
			d.y += 4.3
		}
	}
	d.y = max(d.y, logoBottom) + 2.5
	d.f.SetLineWidth(0.9)
	d.f.Line(pdfMarginLeft, d.y, pdfPageW-pdfMarginRight, d.y)
	d.f.SetLineWidth(0.25)
	d.f.Line(pdfMarginLeft, d.y+1.3, pdfPageW-pdfMarginRight, d.y+1.3)
	d.f.SetLineWidth(0.2)
	d.y += 8
}

// titleBlock writes the title, number and period, centred.
func (d *pdfDoc) titleBlock() {
	r := d.r
	d.font("B", 12.5)
	for _, l := range d.split(strings.ToUpper(r.Title), pdfContentW-20) {
		d.textAligned(pdfMarginLeft, pdfContentW, pdfBaseline(d.y, 6, 12.5), l, 'C')
		d.y += 6
	}
	d.font("", 10.5)
	d.textAligned(pdfMarginLeft, pdfContentW, pdfBaseline(d.y, 5.2, 10.5), "Nomor: "+r.Number, 'C')
	d.y += 5.2
	d.textAligned(pdfMarginLeft, pdfContentW, pdfBaseline(d.y, 5.2, 10.5), "Periode: "+iddate.Range(r.From, r.To), 'C')
	d.y += 5.2
	if note := r.UnfinishedNote(); note != "" {
		d.font("B", 10.5)
		d.textAligned(pdfMarginLeft, pdfContentW, pdfBaseline(d.y, 5.2, 10.5), note, 'C')
		d.y += 5.2
		d.font("", 10.5)
	}
	if r.Rollup {
		line := fmt.Sprintf("Laporan gabungan %d kantor: %s beserta %d kantor di bawahnya",
			len(r.Offices), r.Office.Name, max(len(r.Offices)-1, 0))
		d.font("I", 10)
		d.lines(d.split(line, pdfContentW-20), pdfMarginLeft, pdfContentW, 5, 'C')
	}
	d.y += 6
}

// heading starts a numbered section (I. PENDAHULUAN). Headings are drawn
// by the next room call, so that they move to the next page together with
// the content that follows them and never stand alone at a page's foot.
func (d *pdfDoc) heading(roman, title string) {
	d.pending = append(d.pending, pdfHeading{h: 10, draw: func() {
		d.y += 2
		d.font("B", 11.5)
		d.text(pdfMarginLeft, pdfBaseline(d.y, 6, 11.5), roman+".")
		d.text(pdfMarginLeft+10, pdfBaseline(d.y, 6, 11.5), title)
		d.y += 8
	}})
}

// subheading starts a lettered part of a section (A. Rekapitulasi …), kept
// with what follows as heading is.
func (d *pdfDoc) subheading(letter, title string) {
	d.font("B", 10.5)
	ls := d.split(title, pdfContentW-7)
	d.pending = append(d.pending, pdfHeading{h: 2.5 + 5.5*float64(len(ls)), draw: func() {
		d.y += 1
		d.font("B", 10.5)
		d.text(pdfMarginLeft, pdfBaseline(d.y, 5.5, 10.5), letter+".")
		for _, l := range ls {
			d.text(pdfMarginLeft+7, pdfBaseline(d.y, 5.5, 10.5), l)
			d.y += 5.5
		}
		d.y += 1.5
	}})
}

// note writes a short remark in italics (an empty list, a legend).
func (d *pdfDoc) note(s string) {
	d.font("I", 9.5)
	d.lines(d.split(s, pdfContentW), pdfMarginLeft, pdfContentW, 4.8, 'L')
	d.y += 2
}

func (d *pdfDoc) intro() {
	d.heading("I", "PENDAHULUAN")
	d.paragraph(d.r.Intro)
}

// closing is section VIII. It stays on one page with the signature block
// below it, so that the signatures never stand alone on a page.
func (d *pdfDoc) closing() {
	_, _, _, sigH := d.signatureLayout()
	if need := 10 + d.paragraphHeight(d.r.Closing) + sigH; need <= pdfBodyBottom-pdfMarginTop {
		d.room(need)
	}
	d.heading("VIII", "PENUTUP")
	d.paragraph(d.r.Closing)
}

// pdfLetters names the parts of a section in order: A, B, C, …
type pdfLetters int

func (l *pdfLetters) next() string { *l++; return string(rune('A' + *l - 1)) }

// summary is section II: tallies by strategy, type, month, quarter and
// office, and the chart.
func (d *pdfDoc) summary() {
	r := d.r
	d.heading("II", "REKAPITULASI KEGIATAN")
	t := r.Total
	if t.Count == 0 {
		d.paragraph(pdfNoActivities)
	} else {
		d.paragraph(pdfSummaryText(r))
	}
	var part pdfLetters

	d.subheading(part.next(), "Rekapitulasi Menurut Strategi Bakohumas")
	tb := d.newTable(pdfTallyColumns("Strategi Bakohumas")).keepTogether()
	for i, s := range r.Strategies {
		tb.row(pdfTallyRow(pdfNum(i+1), data.StrategyLabel(i+1, data.LangID), s))
	}
	tb.row(pdfTotalRow(pdfTallyRow("", "Jumlah", t)))
	tb.end()

	d.subheading(part.next(), "Rekapitulasi Menurut Jenis Kegiatan")
	tb = d.newTable(pdfTallyColumns("Jenis kegiatan")).keepTogether()
	for i, ty := range r.Types {
		tb.row(pdfTallyRow(pdfNum(i+1), ty.Label, ty.Tally))
	}
	tb.row(pdfTotalRow(pdfTallyRow("", "Jumlah", t)))
	tb.end()

	d.subheading(part.next(), "Grafik Jumlah Kegiatan per Strategi Bakohumas")
	if t.Count == 0 {
		d.note(pdfNoActivities)
	} else {
		d.strategyChart()
	}

	d.subheading(part.next(), "Rekapitulasi per Bulan")
	tb = d.newTable([]pdfColumn{
		{head: "No", w: 9, align: 'C'}, {head: "Bulan", align: 'L'},
		{head: "Jumlah kegiatan", w: 22, align: 'R'}, {head: "Terlaksana", w: 20, align: 'R'},
		{head: "Direncanakan", w: 22, align: 'R'},
		{head: "Peserta", w: 22, align: 'R'}, {head: "Jangkauan", w: 24, align: 'R'},
	}).keepTogether()
	for i, m := range r.Months {
		label := m.Label
		if label == "" {
			label = iddate.Months[m.Month-1]
		}
		tb.row(pdfCells(pdfNum(i+1), label+" "+fmt.Sprint(r.Period.Year), pdfNum(m.Count), pdfNum(m.Realised), pdfNum(m.Planned), pdfNum(m.Participants), pdfNum(m.Reach)))
	}
	tb.row(pdfTotalRow(pdfCells("", "Jumlah", pdfNum(t.Count), pdfNum(t.Realised), pdfNum(t.Planned), pdfNum(t.Participants), pdfNum(t.Reach))))
	tb.end()

	if r.Period.Annual() {
		d.subheading(part.next(), "Rekapitulasi per Triwulan Menurut Strategi Bakohumas")
		tb = d.newTable([]pdfColumn{
			{head: "No", w: 9, align: 'C'}, {head: "Strategi Bakohumas", align: 'L'},
			{head: "TW I", w: 15, align: 'R'}, {head: "TW II", w: 15, align: 'R'}, {head: "TW III", w: 15, align: 'R'},
			{head: "TW IV", w: 15, align: 'R'}, {head: "Jumlah", w: 17, align: 'R'},
		}).keepTogether()
		var col [4]int
		for s := range 8 {
			sum := 0
			row := pdfCells(pdfNum(s+1), data.StrategyLabel(s+1, data.LangID))
			for q := range 4 {
				n := r.Quarters[q][s]
				sum += n
				col[q] += n
				row.cells = append(row.cells, pdfCell(pdfNum(n)))
			}
			row.cells = append(row.cells, pdfCell(pdfNum(sum)))
			tb.row(row)
		}
		total := pdfCells("", "Jumlah")
		for q := range 4 {
			total.cells = append(total.cells, pdfCell(pdfNum(col[q])))
		}
		total.cells = append(total.cells, pdfCell(pdfNum(col[0]+col[1]+col[2]+col[3])))
		tb.row(pdfTotalRow(total))
		tb.end()
		d.note("TW = triwulan (TW I: Januari–Maret, TW II: April–Juni, TW III: Juli–September, TW IV: Oktober–Desember).")
	}

	if r.Rollup {
		d.subheading(part.next(), "Rekapitulasi per Kantor Menurut Strategi Bakohumas")
		cols := []pdfColumn{{head: "No", w: 8, align: 'C'}, {head: "Kantor", align: 'L'}}
		for s := 1; s <= 8; s++ {
			cols = append(cols, pdfColumn{head: fmt.Sprint(s), w: 8.5, align: 'R'})
		}
		cols = append(cols, pdfColumn{head: "Jumlah", w: 15, align: 'R'})
		tb = d.newTable(cols).keepTogether()
		var col [8]int
		for i, o := range r.PerOffice {
			row := pdfCells(pdfNum(i+1), o.Office.Name)
			for s, n := range o.Strategies {
				row.cells = append(row.cells, pdfCell(pdfNum(n)))
				col[s] += n
			}
			row.cells = append(row.cells, pdfCell(pdfNum(o.Count)))
			tb.row(row)
		}
		total := pdfCells("", "Jumlah")
		sum := 0
		for _, n := range col {
			total.cells = append(total.cells, pdfCell(pdfNum(n)))
			sum += n
		}
		total.cells = append(total.cells, pdfCell(pdfNum(sum)))
		tb.row(pdfTotalRow(total))
		tb.end()
		d.note("Kolom 1–8 adalah nomor strategi Bakohumas (lihat huruf A).")
	}
}

// pdfSummaryText is the sentence that opens section II. Planned
// activities are named apart, and their targets are not in the figures.
func pdfSummaryText(r *Report) string {
	t := r.Total
	states := fmt.Sprintf("%s terlaksana dan %s tidak terlaksana", pdfNum(t.Realised), pdfNum(t.NotRealised))
	figures := fmt.Sprintf("dengan %s peserta, %s keluaran, dan jangkauan %s orang",
		pdfNum(t.Participants), pdfNum(t.Outputs), pdfNum(t.Reach))
	if t.Planned > 0 {
		states = fmt.Sprintf("%s terlaksana, %s tidak terlaksana, dan %s direncanakan (belum dilaksanakan)",
			pdfNum(t.Realised), pdfNum(t.NotRealised), pdfNum(t.Planned))
		figures += " (tidak termasuk target kegiatan yang direncanakan)"
	}
	return fmt.Sprintf("Selama periode %s tercatat %s kegiatan kehumasan: %s, %s.",
		iddate.Range(r.From, r.To), pdfNum(t.Count), states, figures)
}

// pdfTallyColumns are the columns of a Tally table.
func pdfTallyColumns(what string) []pdfColumn {
	return []pdfColumn{
		{head: "No", w: 9, align: 'C'}, {head: what, align: 'L'},
		{head: "Jumlah", w: 14, align: 'R'}, {head: "Terlaksana", w: 17, align: 'R'},
		{head: "Tidak terlaksana", w: 17, align: 'R'}, {head: "Direncanakan", w: 19, align: 'R'},
		{head: "Peserta", w: 15, align: 'R'}, {head: "Keluaran", w: 15, align: 'R'}, {head: "Jangkauan", w: 17, align: 'R'},
	}
}

func pdfTallyRow(no, label string, t Tally) pdfRow {
	return pdfCells(no, label, pdfNum(t.Count), pdfNum(t.Realised), pdfNum(t.NotRealised), pdfNum(t.Planned),
		pdfNum(t.Participants), pdfNum(t.Outputs), pdfNum(t.Reach))
}

// activityList is section III: every activity of the period.
func (d *pdfDoc) activityList() {
	r := d.r
	d.heading("III", "RINCIAN KEGIATAN")
	if len(r.Activities) == 0 {
		d.paragraph(pdfNoActivities)
		return
	}
	cols := []pdfColumn{
		{head: "No", w: 9, align: 'R'}, {head: "Tanggal", w: 20, align: 'L'},
		{head: "Judul kegiatan", align: 'L'}, {head: "Str.", w: 8, align: 'C'},
		{head: "Lokasi", w: 26, align: 'L'}, {head: "Mitra", w: 33, align: 'L'},
		{head: "Keluaran", w: 14, align: 'R'},
	}
	if r.Rollup {
		cols[4].w, cols[5].w = 22, 26
		cols = append(cols[:2], append([]pdfColumn{{head: "Kantor", w: 22, align: 'L'}}, cols[2:]...)...)
	}
	tb := d.newTable(cols)
	for i := range r.Activities {
		a := &r.Activities[i]
		title := []pdfPara{{text: a.Title}}
		switch a.Status {
		case data.EntryPlanned:
			title = append(title, pdfPara{text: "(direncanakan)", style: "I"})
		case data.EntryNotDone:
			title = append(title, pdfPara{text: "(tidak terlaksana: " + a.NotDoneReason + ")", style: "I"})
		}
		if a.Notes != "" {
			title = append(title, pdfPara{text: "Catatan: " + a.Notes, style: "I"})
		}
		loc := a.Location
		if a.Online {
			if loc == "" {
				loc = "Daring"
			} else {
				loc += " (daring)"
			}
		}
		rw := pdfRow{cells: [][]pdfPara{
			{{text: pdfNum(i + 1)}}, {{text: pdfDateSpan(a.StartDate, a.EndDate)}}, title,
			{{text: fmt.Sprint(a.Strategy)}}, {{text: loc}},
			{{text: strings.Join(a.Partners, "; ")}}, {{text: pdfNum(a.Outputs)}},
		}}
		if r.Rollup {
			rw.cells = append(rw.cells[:2], append([][]pdfPara{{{text: a.Office}}}, rw.cells[2:]...)...)
		}
		tb.row(rw)
		d.advance(1)
	}
	tb.end()
	d.note("Str. = nomor strategi Bakohumas (lihat Bagian II huruf A).")
}

// publications is section IV: counts per channel and the list.
func (d *pdfDoc) publications() {
	r := d.r
	d.heading("IV", "PUBLIKASI")
	if len(r.Publications) == 0 {
		d.paragraph(pdfNoPublications)
		return
	}
	d.paragraph(fmt.Sprintf("Selama periode ini terbit %s konten. Satu konten yang terbit di beberapa kanal dihitung sekali pada setiap kanal.", pdfNum(len(r.Publications))))
	var part pdfLetters
	d.subheading(part.next(), "Jumlah Publikasi per Kanal")
	tb := d.newTable([]pdfColumn{{head: "No", w: 9, align: 'C'}, {head: "Kanal", align: 'L'}, {head: "Jumlah publikasi", w: 30, align: 'R'}}).keepTogether()
	for i, c := range r.Channels {
		tb.row(pdfCells(pdfNum(i+1), c.Label, pdfNum(c.Count)))
	}
	tb.end()
	d.subheading(part.next(), "Daftar Publikasi")
	cols := []pdfColumn{
		{head: "No", w: 9, align: 'R'}, {head: "Tanggal", w: 24, align: 'L'}, {head: "Judul", align: 'L'},
		{head: "Jenis", w: 28, align: 'L'}, {head: "Kanal", w: 35, align: 'L'},
	}
	if r.Rollup {
		cols = append(cols, pdfColumn{head: "Kantor", w: 25, align: 'L'})
	}
	tb = d.newTable(cols)
	for i, p := range r.Publications {
		rw := pdfCells(pdfNum(i+1), iddate.Medium(p.Date), p.Title, p.Kind, strings.Join(p.Channels, ", "))
		if r.Rollup {
			rw.cells = append(rw.cells, pdfCell(p.Office))
		}
		tb.row(rw)
	}
	tb.end()
}

// hoaxes is section V: the hoax register's cases of the period with
// their time to clarify and the summary per quarter, then, for offices
// that kept no register case in the period, their activities and content
// of type klarifikasi_hoaks (see Report.Hoaxes).
func (d *pdfDoc) hoaxes() {
	r := d.r
	d.heading("V", "KLARIFIKASI HOAKS")
	if len(r.Hoaxes) == 0 {
		d.paragraph(pdfNoHoaxes)
		return
	}
	var cases, other []Hoax
	for _, h := range r.Hoaxes {
		if h.Source == SourceRegister {
			cases = append(cases, h)
		} else {
			other = append(other, h)
		}
	}
	var part pdfLetters
	if len(cases) > 0 {
		d.hoaxRegister(cases, &part)
	}
	if len(other) == 0 {
		return
	}
	if len(cases) > 0 {
		d.subheading(part.next(), "Klarifikasi di Luar Register")
	}
	cols := []pdfColumn{
		{head: "No", w: 9, align: 'R'}, {head: "Tanggal", w: 24, align: 'L'}, {head: "Judul", align: 'L'},
		{head: "Sumber", w: 20, align: 'L'}, {head: "Status", w: 26, align: 'L'},
	}
	if r.Rollup {
		cols = append(cols, pdfColumn{head: "Kantor", w: 28, align: 'L'})
	}
	tb := d.newTable(cols)
	for i, h := range other {
		rw := pdfCells(pdfNum(i+1), iddate.Medium(h.Date), h.Title, h.Source, h.Status)
		if r.Rollup {
			rw.cells = append(rw.cells, pdfCell(h.Office))
		}
		tb.row(rw)
	}
	tb.end()
	d.note("Sumber \"Kegiatan\": kegiatan klarifikasi hoaks yang dicatat; \"Konten\": konten klarifikasi yang terbit.")
}

// hoaxRegister prints the register's figures: a sentence, the summary per
// quarter, and the cases.
func (d *pdfDoc) hoaxRegister(cases []Hoax, part *pdfLetters) {
	r := d.r
	t := r.HoaxTotal
	text := fmt.Sprintf("Selama periode ini tercatat %s kasus hoaks dalam register: %s sudah diklarifikasi dan %s belum.",
		pdfNum(t.Cases), pdfNum(t.Clarified), pdfNum(t.Open))
	if t.Clarified > 0 {
		text += fmt.Sprintf(" Waktu klarifikasi, dihitung sejak hoaks ditemukan sampai klarifikasi terbit, rata-rata %s jam dengan median %s jam.",
			workflow.FormatHours(t.MeanHours), workflow.FormatHours(t.MedianHours))
	}
	d.paragraph(text)

	d.subheading(part.next(), "Rekapitulasi Waktu Klarifikasi")
	tb := d.newTable([]pdfColumn{
		{head: "Periode", align: 'L'}, {head: "Kasus", w: 18, align: 'R'}, {head: "Sudah diklarifikasi", w: 26, align: 'R'},
		{head: "Belum", w: 16, align: 'R'}, {head: "Median (jam)", w: 22, align: 'R'}, {head: "Rata-rata (jam)", w: 24, align: 'R'},
	}).keepTogether()
	row := func(label string, s workflow.ClarifySummary) pdfRow {
		median, mean := "–", "–"
		if s.Clarified > 0 {
			median, mean = workflow.FormatHours(s.MedianHours), workflow.FormatHours(s.MeanHours)
		}
		return pdfCells(label, pdfNum(s.Cases), pdfNum(s.Clarified), pdfNum(s.Open), median, mean)
	}
	for _, q := range r.HoaxQuarters {
		tb.row(row(q.Label(), q.ClarifySummary))
	}
	if len(r.HoaxQuarters) > 1 {
		tb.row(pdfTotalRow(row("Jumlah", t)))
	}
	tb.end()

	d.subheading(part.next(), "Daftar Kasus")
	cols := []pdfColumn{
		{head: "No", w: 9, align: 'R'}, {head: "Ditemukan", w: 24, align: 'L'}, {head: "Klaim dan klarifikasi", align: 'L'},
		{head: "Platform", w: 20, align: 'L'}, {head: "Klarifikasi terbit", w: 24, align: 'L'}, {head: "Waktu (jam)", w: 17, align: 'R'},
	}
	if r.Rollup {
		cols = append(cols, pdfColumn{head: "Kantor", w: 24, align: 'L'})
	}
	tb = d.newTable(cols)
	for i, h := range cases {
		claim := []pdfPara{{text: h.Title}}
		if h.Clarification != "" {
			claim = append(claim, pdfPara{text: h.Clarification, style: "I"})
		}
		clarified, hours := []pdfPara{{text: "Belum", style: "I"}}, "–"
		if h.Clarified {
			clarified = []pdfPara{{text: iddate.Medium(data.DateOf(h.ClarifiedAt))}, {text: iddate.Clock(h.ClarifiedAt)}}
			hours = workflow.FormatHours(h.Hours)
		}
		rw := pdfRow{cells: [][]pdfPara{
			pdfCell(pdfNum(i + 1)),
			{{text: iddate.Medium(h.Date)}, {text: iddate.Clock(h.FoundAt)}},
			claim, pdfCell(h.Platform), clarified, pdfCell(hours),
		}}
		if r.Rollup {
			rw.cells = append(rw.cells, pdfCell(h.Office))
		}
		tb.row(rw)
	}
	tb.end()
	d.note("Waktu klarifikasi: jam sejak hoaks ditemukan sampai klarifikasi terbit, dibulatkan satu desimal; " +
		"median dan rata-rata dihitung dari kasus yang sudah diklarifikasi. Judul miring: konten klarifikasinya.")
}

// issues is section VII.
func (d *pdfDoc) issues() {
	r := d.r
	d.heading("VII", "KENDALA DAN TINDAK LANJUT")
	if len(r.Issues) == 0 {
		d.paragraph(pdfNoIssues)
		return
	}
	tb := d.newTable([]pdfColumn{
		{head: "No", w: 9, align: 'R'}, {head: "Kegiatan", w: 48, align: 'L'},
		{head: "Kendala", align: 'L'}, {head: "Tindak lanjut", w: 54, align: 'L'},
	})
	for i, is := range r.Issues {
		tb.row(pdfRow{cells: [][]pdfPara{
			{{text: pdfNum(i + 1)}},
			{{text: is.Title}, {text: iddate.Medium(is.Date), style: "I"}},
			{{text: pdfOrDash(is.Obstacles)}},
			{{text: pdfOrDash(is.FollowUp)}},
		}})
	}
	tb.end()
}

func pdfOrDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// signature draws the signature block: "Mengetahui" and the level above
// on the left, place and date and the signer on the right, the two names
// on one line; kept together on one page.
func (d *pdfDoc) signature() {
	placeDate, leftPos, rightPos, h := d.signatureLayout()
	n := max(len(leftPos), len(rightPos))
	d.y += pdfSigGap
	d.room(h - pdfSigGap)
	top := d.y
	draw := func(x float64, first string, pos []string, s Signer) {
		d.font("", pdfBodySize)
		y := top
		for _, l := range append([]string{first}, pos...) {
			d.textAligned(x, pdfSigColW, pdfBaseline(y, pdfSigLine, pdfBodySize), l, 'C')
			y += pdfSigLine
		}
		y = top + float64(1+n)*pdfSigLine + pdfSigSpace
		base := pdfBaseline(y, pdfSigLine, pdfBodySize)
		name := strings.TrimSpace(s.Name)
		if name == "" {
			d.textAligned(x, pdfSigColW, base, "(....................................................)", 'C')
		} else {
			d.font("B", pdfBodySize)
			nameW := min(d.width(name), pdfSigColW)
			d.textAligned(x, pdfSigColW, base, name, 'C')
			ux := x + (pdfSigColW-nameW)/2
			d.f.SetLineWidth(0.25)
			d.f.Line(ux, base+0.8, ux+nameW, base+0.8)
			d.f.SetLineWidth(0.2)
			d.font("", pdfBodySize)
		}
		base += pdfSigLine
		switch nip := strings.TrimSpace(s.NIP); {
		case nip != "":
			d.textAligned(x, pdfSigColW, base, "NIP. "+nip, 'C')
		case name == "":
			d.textAligned(x, pdfSigColW, base, "NIP. ......................................", 'C')
		}
	}
	draw(pdfMarginLeft, "Mengetahui,", leftPos, d.r.KnownBy)
	draw(pdfPageW-pdfMarginRight-pdfSigColW, placeDate, rightPos, d.r.Signer)
	d.y = top + h - pdfSigGap
}

// The signature block's measures, in mm.
const (
	pdfSigColW  = 72.0 // each of its two columns
	pdfSigLine  = 5.2  // line height
	pdfSigSpace = 24.0 // room to sign
	pdfSigGap   = 8.0  // space above the block
)

// signatureLayout wraps the signature block's lines and measures its
// height, the space above it included.
func (d *pdfDoc) signatureLayout() (placeDate string, leftPos, rightPos []string, h float64) {
	r := d.r
	d.font("", pdfBodySize)
	placeDate = iddate.Medium(r.SignDate)
	if p := strings.TrimSpace(r.SignPlace); p != "" {
		placeDate = p + ", " + placeDate
	}
	leftPos = d.split(pdfOrDots(r.KnownBy.Position), pdfSigColW)
	rightPos = d.split(pdfOrDots(r.Signer.Position), pdfSigColW)
	n := max(len(leftPos), len(rightPos))
	return placeDate, leftPos, rightPos, pdfSigGap + float64(1+n)*pdfSigLine + pdfSigSpace + 2*pdfSigLine
}

func pdfOrDots(s string) string {
	if strings.TrimSpace(s) == "" {
		return "...................................................."
	}
	return s
}

// footer runs on every page (gofpdf calls it before starting the next page
// and when closing): the title on the left, "Halaman N dari M" on the right.
func (d *pdfDoc) footer() {
	f := d.f
	y := pdfPageH - 15
	f.SetDrawColor(150, 150, 150)
	f.SetLineWidth(0.2)
	f.Line(pdfMarginLeft, y-3.5, pdfPageW-pdfMarginRight, y-3.5)
	f.SetDrawColor(0, 0, 0)
	f.SetTextColor(90, 90, 90)
	f.SetFont(pdfFont, "", 8)
	page := fmt.Sprintf("Halaman %d dari {nb}", f.PageNo())
	pw := f.GetStringWidth(fmt.Sprintf("Halaman %d dari %d", f.PageNo(), f.PageNo()))
	f.Text(pdfPageW-pdfMarginRight-pw, y, page)
	f.SetFont(pdfFont, "I", 8)
	if d.footTitle == "" {
		d.footTitle = pdfLine(d.r.Title)
		if limit := pdfContentW - 45; f.GetStringWidth(d.footTitle) > limit {
			d.footTitle = pdfTruncate(f, d.footTitle, limit)
		}
	}
	f.Text(pdfMarginLeft, y, d.footTitle)
	f.SetTextColor(0, 0, 0)
	d.style, d.size = "?", 0
}

// pdfTruncate shortens s with an ellipsis to fit width w in the current font.
func pdfTruncate(f *gofpdf.Fpdf, s string, w float64) string {
	rs := []rune(s)
	for len(rs) > 0 && f.GetStringWidth(string(rs)+"…") > w {
		rs = rs[:len(rs)-1]
	}
	return strings.TrimRight(string(rs), " ") + "…"
}
